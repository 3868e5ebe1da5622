//! The sticky bar: the outline drawer's toggle (phones), the report's short title (wide
//! screens) and the search box. One row at any text size while not searching.

use yew::prelude::*;

use super::search_box::SearchBox;
use super::use_app_state;
use crate::hooks::use_publish_bar_height;
use crate::state::Action;

#[derive(PartialEq, Properties)]
pub struct TopBarProps {
    /// Whether the rest of the page is inert (the phone drawer is open).
    pub inert: bool,
}

#[component]
pub fn TopBar(props: &TopBarProps) -> Html {
    let state = use_app_state();
    let bar = use_node_ref();
    use_publish_bar_height(bar.clone());
    let toggle = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ToggleOutline))
    };
    html! {
        <div class="top-bar" ref={bar} data-testid="top-bar" inert={props.inert}>
            <div class="top-bar__inner">
                <button type="button" class="control top-bar__outline-toggle"
                    aria-expanded={state.outline_open.to_string()} aria-controls="outline"
                    data-testid="outline-toggle" onclick={toggle}>
                    { "目录" }
                </button>
                <span class="top-bar__title" aria-hidden="true">{ &state.report.title }</span>
                <SearchBox />
            </div>
        </div>
    }
}
