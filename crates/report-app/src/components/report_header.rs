//! The page header: the report's title, who issued it, an honest note on the source (where
//! the text comes from, where it stops, where the whole report can be had), a link past the
//! figures to the text, and 打开报告 (with, for an opened report, which file it is).

use yew::prelude::*;

use super::marked::{marked, unit_hits};
use super::open_report::OpenReport;
use super::opened_notice::opened_notice;
use super::{AppContext, ShownContext};
use report_core::model::FrontKind;
use report_core::search::{front_unit, TITLE};

#[derive(Clone, Copy)]
enum FrontPlace {
    Before,
    After,
}

/// The header of `state`'s report; `inert` while the phone drawer is open.
///
/// A plain function, not a component: it has no state of its own (see `components/mod.rs`).
pub fn report_header(state: &AppContext, shown: &ShownContext, inert: bool) -> Html {
    let report = state.report;
    let meta = state.meta;
    let byline = meta.byline();
    // Where the text stops: the part it stops in and its last words.
    let stops = report.sections.last().map(|part| part.full_heading());
    let tail = report.cut_tail().unwrap_or_default();
    // The front matter around the title, in its order: a notice above it, the meeting line
    // and the speaker below.
    let first_title = report.front.iter().position(|f| f.kind == FrontKind::Title);
    let front = |place: FrontPlace| {
        let state = state.clone();
        report
            .front
            .iter()
            .enumerate()
            .filter(move |(i, f)| {
                f.kind != FrontKind::Title
                    && match place {
                        FrontPlace::Before => first_title.is_some_and(|t| *i < t),
                        FrontPlace::After => first_title.is_none_or(|t| *i > t),
                    }
            })
            .map(move |(i, f)| {
                html! {
                    <p class={classes!("report-header__front", format!("report-header__front--{}", f.kind.key()))}>
                        { marked(&f.text, 0, &unit_hits(&state, &front_unit(i)), state.current_hit) }
                    </p>
                }
            })
    };
    html! {
        <header class="report-header" inert={inert}>
            { opened_notice(&shown.shown) }
            { for front(FrontPlace::Before) }
            <h1 id="report-title" class="report-header__title" tabindex="-1" data-testid="report-title">
                { marked(&report.title, 0, &unit_hits(state, TITLE), state.current_hit) }
            </h1>
            { for front(FrontPlace::After) }
            if !byline.is_empty() {
                <p class="report-header__meta">{ byline }</p>
            }
            // Where a complete text comes from (an incomplete one says so in its note below).
            if let (false, Some(source)) = (report.truncated, &meta.source) {
                <p class="report-header__meta" data-testid="source-line">{ format!("来源：{source}") }</p>
            }
            if report.truncated {
                <p class="report-header__note" role="note" data-testid="source-note">
                    <strong>{ "说明：这不是报告的全文。" }</strong>
                    { match &meta.source {
                        Some(source) => format!("本页正文是{source}，"),
                        None => "本页正文不完整，".to_string(),
                    } }
                    { match &stops {
                        Some(part) => format!("在“{part}”这一部分的中途、“{tail}”几个字处中断，其后的内容本页没有。"),
                        None => format!("在“{tail}”几个字处中断，其后的内容本页没有。"),
                    } }
                    if let Some(full) = &meta.full_text {
                        <strong>{ full.clone() }</strong>
                    }
                    { "本页没有补写或改动任何文字，只去掉了排版留下的多余空格，并把半角标点改为全角。" }
                    <a href="#truncation-notice">{ "看中断处" }</a>
                </p>
            }
            <p class="report-header__jump">
                <a class="control report-header__jump-link" href="#report" data-testid="jump-to-text">
                    { "跳到报告正文 ↓" }
                </a>
            </p>
            <OpenReport />
        </header>
    }
}
