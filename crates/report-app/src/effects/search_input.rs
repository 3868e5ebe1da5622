//! The search box: `/` and Ctrl+K go there, an input method's composition ends in a search,
//! the box shows the query the address holds.

use gloo::events::EventListener;
use gloo::utils::document;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::state::{Action, AppState};

use super::focus::focus_in_place;

/// `/` (when not typing elsewhere) and Ctrl+K / ⌘K put the cursor in the search box.
#[hook]
pub fn use_search_shortcuts(input: NodeRef) {
    use_effect_with((), move |_| {
        let listener = EventListener::new_with_options(
            &document(),
            "keydown",
            gloo::events::EventListenerOptions::enable_prevent_default(),
            move |event| {
                let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let typing = document().active_element().is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        || el.get_attribute("contenteditable").is_some()
                });
                let slash = key.key() == "/" && !typing;
                let ctrl_k =
                    key.key().eq_ignore_ascii_case("k") && (key.ctrl_key() || key.meta_key());
                if slash || ctrl_k {
                    if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
                        key.prevent_default();
                        focus_in_place(&input);
                        input.select();
                    }
                }
            },
        );
        move || drop(listener)
    });
}

/// Searches when an input method finishes composing (pinyin → 乡贤): `input` events during
/// composition are skipped, and Yew has no `oncompositionend` attribute.
#[hook]
pub fn use_search_on_composition_end(input: NodeRef, dispatch: UseReducerDispatcher<AppState>) {
    use_effect_with((), move |_| {
        let listener = input.cast::<web_sys::HtmlInputElement>().map(|el| {
            let target = el.clone();
            EventListener::new(&target, "compositionend", move |_| {
                dispatch.dispatch(Action::Search(el.value()));
            })
        });
        move || drop(listener)
    });
}

/// Puts the query into the search box when it changes from elsewhere (the address on load,
/// Esc clearing it); while the reader types, the box already holds it and is left alone.
#[hook]
pub fn use_input_value(input: NodeRef, query: String) {
    use_effect_with(query, move |query| {
        if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
            if input.value() != *query {
                input.set_value(query);
            }
        }
    });
}
