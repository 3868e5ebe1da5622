//! The sticky bar: the outline drawer's toggle (phones), the report's short title (wide
//! screens), 字号 (text size and colours) and the search box. One row at any text size while
//! not searching.

use yew::prelude::*;

use super::display_settings::display_settings;
use super::search_box::SearchBox;
use super::AppContext;
use crate::state::Action;

/// The bar; `inert` while the phone drawer is open. `bar` is measured by the reader
/// (`use_publish_bar_height`).
///
/// A plain function, not a component (see `components/mod.rs`).
pub fn top_bar(state: &AppContext, inert: bool, bar: NodeRef) -> Html {
    let toggle = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ToggleOutline))
    };
    html! {
        // A landmark of its own (axe `region`): 字号's panel and the results list are in it.
        <div class="top-bar" ref={bar} data-testid="top-bar" inert={inert}
            role="region" aria-label="工具栏">
            <div class="top-bar__inner">
                <button type="button" class="control top-bar__outline-toggle"
                    aria-expanded={state.outline_open.to_string()} aria-controls="outline"
                    data-testid="outline-toggle" onclick={toggle}>
                    { "目录" }
                </button>
                <span class="top-bar__title" aria-hidden="true">{ &state.report.title }</span>
                { display_settings() }
                <SearchBox />
            </div>
        </div>
    }
}
