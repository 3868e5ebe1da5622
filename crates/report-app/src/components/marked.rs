//! Search highlights: splits a piece of text into plain runs and `<mark>` runs for the hits
//! that cover it. Used by every component that shows report text, so that a hit is marked
//! wherever it falls — also across a figure's `<data>` element or the marker of a heading.

use yew::prelude::*;

use crate::state::AppState;
use report_core::search::Hit;

/// The hits inside one text unit: (index in all hits, start, end) in the unit's bytes.
pub type UnitHits = Vec<(usize, usize, usize)>;

/// The hits of the text unit `unit_id`.
pub fn unit_hits(state: &AppState, unit_id: &str) -> UnitHits {
    // Not searching: no need to look the unit up (every section asks, at every render).
    if state.hits.is_empty() {
        return Vec::new();
    }
    let Some(unit) = state.corpus.units.iter().position(|u| u.id == unit_id) else {
        return Vec::new();
    };
    state
        .hits
        .iter()
        .enumerate()
        .filter(|(_, h): &(usize, &Hit)| h.unit == unit)
        .map(|(i, h)| (i, h.start, h.end))
        .collect()
}

/// `text` (which starts at byte `base` of its unit) with its hits marked. The run where hit N
/// starts carries `id="hit-N"`, the target of "go to hit N".
pub fn marked(text: &str, base: usize, hits: &[(usize, usize, usize)], current: usize) -> Html {
    let end = base + text.len();
    let mut cuts = vec![base, end];
    for &(_, s, e) in hits {
        for at in [s, e] {
            if at > base && at < end && text.is_char_boundary(at - base) {
                cuts.push(at);
            }
        }
    }
    report_core::order::sort_unique_by_key(&mut cuts, |&at| at as u128);
    let runs = cuts.windows(2).map(|w| {
        let (s, e) = (w[0], w[1]);
        let piece = text.get(s - base..e - base).unwrap_or("");
        let covering: Vec<usize> = hits
            .iter()
            .filter(|&&(_, hs, he)| hs <= s && he >= e)
            .map(|&(i, _, _)| i)
            .collect();
        let Some(&first) = covering.first() else {
            return html! { { piece.to_string() } };
        };
        let starts = hits.iter().find(|&&(_, hs, _)| hs == s).map(|&(i, _, _)| i);
        let is_current = covering.contains(&current);
        html! {
            <mark class={classes!("search-hit", is_current.then_some("search-hit--current"))}
                id={starts.map(AppState::hit_id)} data-hit={first.to_string()}>
                { piece.to_string() }
            </mark>
        }
    });
    html! { <>{ for runs }</> }
}
