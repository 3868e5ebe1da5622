//! The report itself: salutation, opening, the sections, and where the text stops.

use yew::prelude::*;

use crate::core::cards::OPENING;
use crate::core::search::SALUTATION;

use super::marked::{marked, unit_hits};
use super::rich_text::RichText;
use super::section_view::SectionView;
use super::truncation_notice::TruncationNotice;
use super::use_app_state;

#[component]
pub fn ReportView() -> Html {
    let state = use_app_state();
    let report = state.report;
    // The section whose text is cut off: the last one in reading order.
    let cut_id: AttrValue = if report.truncated {
        report
            .sections()
            .last()
            .map(|s| s.id())
            .unwrap_or_default()
            .into()
    } else {
        AttrValue::default()
    };
    html! {
        <article class="report" data-testid="report" aria-labelledby="report-title">
            if let Some(salutation) = &report.salutation {
                <p class="report__salutation">
                    { marked(salutation, 0, &unit_hits(&state, SALUTATION), state.current_hit) }
                </p>
            }
            if !report.opening.is_empty() {
                <p class="report__text">
                    <RichText unit_id={OPENING} text={report.opening.as_str()} />
                </p>
            }
            { for report.sections.iter().map(|section| html! {
                <SectionView {section} cut_id={cut_id.clone()} />
            }) }
            if let Some(tail) = report.cut_tail() {
                <TruncationNotice tail={tail} />
            }
        </article>
    }
}
