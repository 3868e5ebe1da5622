//! The report itself: salutation, opening, the sections, and where the text stops.

use yew::prelude::*;

use report_core::cards::{paragraph_ranges, OPENING};
use report_core::export::paragraph_citation;
use report_core::search::SALUTATION;
use report_core::Section;

use super::copy_button::{copy_button, CopyText};
use super::marked::{marked, unit_hits};
use super::rich_text::rich_text;
use super::section_view::{in_reading_order, SectionView};
use super::truncation_notice::truncation_notice;
use super::{AppContext, SectionsState};

/// The text of `state`'s report: its first `shown` sections in reading order (every section
/// in a part counts; `usize::MAX` for all), see `effects::use_gradual`.
///
/// A plain function, not a component: it has no state of its own (see `components/mod.rs`).
pub fn report_view(state: &AppContext, shown: usize) -> Html {
    let report = state.report;
    let shareable = state.shareable;
    let whole = shown >= report.top_level().map(Section::size).sum::<usize>();
    let sections = SectionsState::new(state);
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
    let opening = paragraph_ranges(&report.opening)
        .into_iter()
        .enumerate()
        .map(|(n, range)| {
            let cite = Callback::from(move |()| {
                paragraph_citation(
                    report,
                    None,
                    range,
                    false,
                    &crate::effects::share_link(shareable, "report"),
                )
            });
            let testid = if n == 0 {
                "quote-opening".to_string()
            } else {
                format!("quote-opening-{}", n + 1)
            };
            html! {
                <>
                    <p class="report__text">
                        { rich_text(state, OPENING, report.opening.as_str(), range) }
                    </p>
                    <p class="paragraph-actions" data-chrome="">
                        { copy_button(state, CopyText {
                            key: testid.clone(),
                            label: "复制引用",
                            name: "复制引用：开头一段".into(),
                            text: cite,
                            class: "paragraph-actions__button",
                            testid: Some(testid),
                        }) }
                    </p>
                </>
            }
        });
    html! {
        // Busy while a long report is still coming in (`effects::use_gradual`).
        <article id="report" class="report" data-testid="report" aria-labelledby="report-title"
            tabindex="-1" aria-busy={(!whole).then_some("true")}>
            if let Some(salutation) = &report.salutation {
                <p class="report__salutation">
                    { marked(salutation, 0, &unit_hits(state, SALUTATION), state.current_hit) }
                </p>
            }
            { for opening }
            { for in_reading_order(report.top_level(), shown).map(|(section, shown)| html! {
                <SectionView {section} {shown} cut_id={cut_id.clone()}
                    state={sections.clone()} />
            }) }
            if let Some(tail) = report.cut_tail().filter(|_| whole) {
                { truncation_notice(&tail, state.meta.source.as_deref()) }
            }
        </article>
    }
}
