//! A paragraph of report text with its figures marked up: each sentence is a span (so a card
//! can highlight it) and each figure a `<data value>` with a reading of its qualifier, linked to
//! its card. The text itself is unchanged: only elements are added around it.

use yew::prelude::*;

use super::marked::{marked, unit_hits};
use super::AppContext;
use report_core::cards::{figure_id, sentence_ranges};
use report_core::figures::meaning::chinese;
use report_core::figures::{Figure, Qualifier};

/// The paragraph at the byte range `range` of `text`, the whole text of the unit `unit_id` (a
/// section id, or "opening"; figure positions are in the whole text).
///
/// A plain function, not a component: it has no state of its own (see `components/mod.rs`).
pub fn rich_text(
    state: &AppContext,
    unit_id: &str,
    text: &'static str,
    range: (usize, usize),
) -> Html {
    let figures = state.figures.of(unit_id);
    let hits = unit_hits(state, unit_id);
    let current = state.current_hit;
    let plain =
        |from: usize, to: usize| marked(text.get(from..to).unwrap_or(""), from, &hits, current);
    let mut out = Vec::new();
    let (from, to) = range;
    for (start, end) in sentence_ranges(text)
        .into_iter()
        .filter(|&(s, e)| s < to && e > from)
        .map(|(s, e)| (s.max(from), e.min(to)))
    {
        let mut parts = Vec::new();
        let mut at = start;
        let mut highlighted = false;
        for (k, figure) in figures.iter().enumerate() {
            if figure.start < start || figure.end > end {
                continue;
            }
            let id = figure_id(unit_id, k);
            highlighted |= state.highlight.as_deref() == Some(id.as_str());
            parts.push(plain(at, figure.start));
            let card = state.cards.ok().and_then(|cards| {
                cards
                    .for_unit_figure(unit_id, k)
                    .or_else(|| {
                        // A change ("14.5%") links to the card of the figure it qualifies.
                        cards
                            .cards
                            .iter()
                            .find(|c| c.unit_id == unit_id && c.figure.changed_by == Some(k))
                    })
                    .map(|c| c.anchor_id())
            });
            parts.push(figure_element(
                &id,
                figure,
                plain(figure.start, figure.end),
                card,
            ));
            at = figure.end;
        }
        parts.push(plain(at, end));
        out.push(html! {
            <span class={classes!("sentence", highlighted.then_some("sentence--highlight"))}>
                { for parts }
            </span>
        });
    }
    html! { <>{ for out }</> }
}

/// What a figure's tooltip says: its qualifier in words and its value in base units.
pub fn figure_reading(figure: &Figure) -> String {
    let meaning = figure.meaning();
    let reading = meaning.reading(&figure.unit);
    match (figure.qualifier, meaning.value) {
        (Qualifier::Exact, Some(value)) => chinese(value, &figure.unit),
        (_, Some(value)) if reading == "约数" => format!("约{}", chinese(value, &figure.unit)),
        _ if !reading.is_empty() => reading,
        _ => chinese(figure.value, &figure.unit),
    }
}

fn figure_element(id: &str, figure: &Figure, written: Html, card: Option<String>) -> Html {
    let reading = figure_reading(figure);
    let data = html! {
        <data class="figure" value={figure.meaning().machine()} title={reading.clone()}>
            { written }
        </data>
    };
    match card {
        Some(card) => html! {
            <a class="figure-link" id={id.to_string()} href={format!("#{card}")}
                title={format!("{reading}（查看数据卡片）")}
                aria-describedby="figure-link-hint">
                { data }
            </a>
        },
        None => html! { <span class="figure-plain" id={id.to_string()}>{ data }</span> },
    }
}
