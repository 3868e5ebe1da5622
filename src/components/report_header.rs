//! The page header: the report's title, who issued it, and an honest note on the source.

use yew::prelude::*;

use super::marked::{marked, unit_hits};
use super::use_app_state;
use crate::core::search::TITLE;

#[derive(PartialEq, Properties)]
pub struct ReportHeaderProps {
    /// Whether the header is inert (the phone drawer is open).
    pub inert: bool,
}

#[component]
pub fn ReportHeader(props: &ReportHeaderProps) -> Html {
    let state = use_app_state();
    let report = state.report;
    html! {
        <header class="report-header" inert={props.inert}>
            <h1 id="report-title" class="report-header__title" data-testid="report-title">
                { marked(&report.title, 0, &unit_hits(&state, TITLE), state.current_hit) }
            </h1>
            <p class="report-header__meta">{ "嵩市镇人民政府 · 2024年 · 江西省资溪县" }</p>
            if report.truncated {
                <p class="report-header__note" role="note" data-testid="source-note">
                    <strong>{ "说明：" }</strong>
                    { "本页正文取自网络文档的免费预览，预览在报告中途中断（见文末），其后内容无法获得。\
                       本页没有补写或改动任何文字，只去掉了排版留下的多余空格，并把半角标点改为全角。" }
                </p>
            }
        </header>
    }
}
