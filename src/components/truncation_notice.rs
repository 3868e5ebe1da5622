//! The notice where the source text stops: the rest of the report is not available.

use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct TruncationNoticeProps {
    /// The last few characters before the cut, quoted so the reader sees where it is.
    pub tail: AttrValue,
}

#[component]
pub fn TruncationNotice(props: &TruncationNoticeProps) -> Html {
    html! {
        <aside id="truncation-notice" class="truncation-notice" role="note" tabindex="-1" aria-label="原文中断" data-chrome=""
            data-testid="truncation-notice">
            <p class="truncation-notice__title"><strong>{ "原文到此中断" }</strong></p>
            <p class="truncation-notice__text">
                { format!("本页依据的网络预览只到这里，句子在“{}”处中断。", props.tail) }
                { "报告的其余部分无法获得，本页没有补写任何内容。" }
            </p>
        </aside>
    }
}
