//! On paper only (hidden on screen by `print.css`): the report's title, who issued it, where
//! its text comes from and, when it is not the whole report, where it stops — on every page.

use yew::prelude::*;

use crate::state::AppState;

/// The footer for `state`'s report.
/// A plain function, not a component: it has no state of its own (see `components/mod.rs`).
pub fn print_footer(state: &AppState) -> Html {
    let report = state.report;
    let mut parts = vec![format!("《{}》", report.title)];
    parts.extend(state.meta.issuer.clone());
    if let Some(source) = &state.meta.source {
        parts.push(format!("来源：{source}"));
    }
    if let Some(tail) = report.cut_tail() {
        parts.push(format!("本文不是全文，在“{tail}”处中断"));
    }
    html! {
        <footer class="print-footer" data-testid="print-footer">{ parts.join(" · ") }</footer>
    }
}
