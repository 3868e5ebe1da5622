//! The notice where the source text stops: the rest of the report is not on this page. It names
//! where the text comes from when the report's facts say so, and claims nothing else.

use yew::prelude::*;

/// The notice for a text cut after `tail` (the last few characters before the cut, quoted so
/// the reader sees where it is), naming `source` (where the text comes from:
/// "一个网络文档分享网站上这份报告的免费预览") when known. A plain function, not a component:
/// it has no state (see `components/mod.rs`).
pub fn truncation_notice(tail: &str, source: Option<&str>) -> Html {
    html! {
        <aside id="truncation-notice" class="truncation-notice" role="note" tabindex="-1" aria-label="原文中断" data-chrome=""
            data-testid="truncation-notice">
            <p class="truncation-notice__title"><strong>{ "原文到此中断" }</strong></p>
            <p class="truncation-notice__text">
                { match source {
                    Some(source) => format!("本页正文是{source}，只到这里，句子在“{}”处中断。", tail),
                    None => format!("正文只到这里，句子在“{}”处中断。", tail),
                } }
                { "报告的其余部分本页没有，本页也没有补写任何内容。" }
            </p>
        </aside>
    }
}
