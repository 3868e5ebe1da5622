//! The page's address: the `#…` part follows the reader (a section, a figure, a card, a
//! search) and going back and forth follows it; links to a place of the report.

use gloo::events::EventListener;
use gloo::utils::{document, window};
use yew::prelude::*;

use crate::state::{Action, AppState};
use report_core::route::{parse_hash, to_hash};

/// Follows the URL hash: on load and on every `hashchange` (back/forward, typed links).
/// `#id` goes to a section, figure or card; `?q=…` searches. Going back to an address without
/// a hash returns to the top of the page.
pub(super) fn hash_navigation(dispatch: UseReducerDispatcher<AppState>) -> Vec<EventListener> {
    {
        let go = move |on_load: bool| {
            let hash = window().location().hash().unwrap_or_default();
            let route = parse_hash(&hash);
            if let Some(query) = route.query {
                dispatch.dispatch(Action::Search(query));
            }
            // A reader who moved while the built page waited for the app stays where they are
            // (`static/boot.js` marks it).
            let moved = on_load
                && document()
                    .document_element()
                    .is_some_and(|e| e.has_attribute("data-reader-moved"));
            match route.id {
                Some(_) if moved => {}
                Some(id) => dispatch.dispatch(Action::Navigate(id)),
                None if !on_load && hash.is_empty() => window().scroll_to_with_x_and_y(0.0, 0.0),
                None => {}
            }
        };
        go(true);
        vec![EventListener::new(&window(), "hashchange", move |_| {
            go(false)
        })]
    }
}

/// The longest query kept in the address: a pasted paragraph would make an address of tens of
/// kilobytes that no one can share.
const LONGEST_QUERY_IN_URL: usize = 200;

/// Keeps the query in the address (`#…?q=乡贤`, replacing the entry rather than adding one per
/// keystroke), so that a search can be shared and survives a reload. A query longer than
/// [`LONGEST_QUERY_IN_URL`] characters is left out.
#[hook]
pub fn use_query_in_url(query: String) {
    let first = use_mut_ref(|| true);
    use_effect_with(query, move |query| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return; // the address is the source on load
        }
        let hash = window().location().hash().unwrap_or_default();
        let route = parse_hash(&hash);
        let query = if query.chars().count() > LONGEST_QUERY_IN_URL {
            ""
        } else {
            query.as_str()
        };
        let wanted = to_hash(route.id.as_deref(), query);
        let wanted = if wanted == "#" { String::new() } else { wanted };
        if wanted != hash {
            let url = if wanted.is_empty() {
                // Drop the hash entirely: the page's address without `#`.
                let href = window().location().href().unwrap_or_default();
                href.split('#').next().unwrap_or("").to_string()
            } else {
                wanted
            };
            if let Ok(history) = window().history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
    });
}

/// Puts `#id` in the address bar without a second scroll (the reducer already navigates),
/// keeping a search query that is there.
pub fn set_hash(id: &str) {
    let current = parse_hash(&window().location().hash().unwrap_or_default());
    let hash = to_hash(Some(id), current.query.as_deref().unwrap_or(""));
    let Ok(history) = window().history() else {
        return;
    };
    let same = window().location().hash().ok().as_deref() == Some(hash.as_str());
    let result = if same {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash))
    };
    let _ = result;
}

/// The page's address without its `#…` part.
pub fn page_address() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or("").to_string()
}

/// A link to an element of this page: the current address with `#id`.
pub fn link_to(id: &str) -> String {
    format!("{}#{id}", page_address())
}

/// Whether the page was opened from a file (the single file, `file://`): its address is a
/// path on the reader's own disk, which no one else can open and which may name them, so it
/// is never put in a link, a citation or an export.
pub fn page_is_a_file() -> bool {
    window().location().protocol().is_ok_and(|p| p == "file:")
}

/// [`link_to`] for a report whose address can be shared, else "" (a report opened from a file
/// has no address of its own; see `AppState::shareable`).
pub fn share_link(shareable: bool, id: &str) -> String {
    if shareable && !page_is_a_file() {
        link_to(id)
    } else {
        String::new()
    }
}

/// Forgets the address's `#…` (a section of the last report, a query) before another report is
/// shown, so that the new one opens at its top without a "not found" message.
pub fn clear_hash() {
    if let Ok(history) = window().history() {
        let _ =
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page_address()));
    }
}
