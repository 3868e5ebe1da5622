//! Browser side effects as hooks: hash routing, scrolling to a section, scroll spy,
//! find-in-page reveal, and Esc for the drawer.
//!
//! They run only in effects (after rendering, in the browser), never while rendering, so the
//! components that call them also render on the server.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::utils::{document, window};
use wasm_bindgen::JsCast;
use web_sys::{
    HtmlElement, KeyboardEvent, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition,
};
use yew::prelude::*;

use crate::state::{Action, AppState, ScrollRequest};

/// How far below the viewport's top a heading counts as "being read" (the sticky bar's height
/// plus a margin), in CSS pixels.
const SPY_OFFSET_PX: f64 = 96.0;

/// The section id in a location hash: `#sec-1-2` gives `sec-1-2`; an empty hash gives None.
pub fn id_from_hash(hash: &str) -> Option<String> {
    let id = hash.trim_start_matches('#');
    let id = id.split('?').next().unwrap_or("");
    (!id.is_empty()).then(|| id.to_string())
}

/// Follows the URL hash: on load and on every `hashchange` (back/forward, typed links).
#[hook]
pub fn use_hash_navigation(dispatch: UseReducerDispatcher<AppState>) {
    use_effect_with((), move |_| {
        let go = move || {
            let hash = window().location().hash().unwrap_or_default();
            if let Some(id) = id_from_hash(&hash) {
                dispatch.dispatch(Action::Navigate(id));
            }
        };
        go();
        let listener = EventListener::new(&window(), "hashchange", move |_| go());
        move || drop(listener)
    });
}

/// Puts `#id` in the address bar without a second scroll (the reducer already navigates).
pub fn set_hash(id: &str) {
    let hash = format!("#{id}");
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

/// The section the reader last navigated to, shared by [`use_scroll_to`] and
/// [`use_scroll_spy`]: near the end of the page the last headings cannot reach the top, so
/// the spy keeps this one current while it is in view there.
pub type Pinned = Rc<RefCell<Option<String>>>;

/// Scrolls to the requested section after it has been rendered expanded (smoothly unless the
/// reader prefers reduced motion), and moves keyboard focus to its heading without a second
/// jump.
#[hook]
pub fn use_scroll_to(request: Option<ScrollRequest>, pinned: Pinned) {
    use_effect_with(request, move |request| {
        let Some(request) = request else {
            return;
        };
        let Some(el) = document().get_element_by_id(&request.id) else {
            return;
        };
        *pinned.borrow_mut() = Some(request.id.clone());
        let reduce = window()
            .match_media("(prefers-reduced-motion: reduce)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches());
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Start);
        if !reduce {
            options.set_behavior(ScrollBehavior::Smooth);
        }
        el.scroll_into_view_with_scroll_into_view_options(&options);
        if let Some(el) = el.dyn_ref::<HtmlElement>() {
            let focus = web_sys::FocusOptions::new();
            focus.set_prevent_scroll(true);
            let _ = el.focus_with_options(&focus);
        }
    });
}

/// Reports the heading being read: the last section heading whose top has passed
/// [`SPY_OFFSET_PX`] from the viewport's top — or, with the page scrolled to its end, the
/// pinned heading (last navigated to) if it is in view.
#[hook]
pub fn use_scroll_spy(dispatch: UseReducerDispatcher<AppState>, pinned: Pinned) {
    let last = use_mut_ref(String::new);
    use_effect_with((), move |_| {
        let spy = move || {
            let Ok(headings) = document().query_selector_all("[data-spy]") else {
                return;
            };
            let mut current = None;
            for i in 0..headings.length() {
                let Some(el) = headings
                    .get(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                let rect = el.get_bounding_client_rect();
                if rect.height() > 0.0 && rect.top() <= SPY_OFFSET_PX {
                    current = Some(el.id());
                }
            }
            let root = document().document_element();
            let view = window()
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            let at_end = root.is_some_and(|r| {
                let scrolled = window().scroll_y().unwrap_or(0.0) + view;
                scrolled >= f64::from(r.scroll_height()) - 2.0
            });
            if at_end {
                let in_view = pinned.borrow().clone().filter(|id| {
                    document().get_element_by_id(id).is_some_and(|el| {
                        let top = el.get_bounding_client_rect().top();
                        top >= 0.0 && top < view
                    })
                });
                if in_view.is_some() {
                    current = in_view;
                }
            }
            if let Some(id) = current {
                if *last.borrow() != id {
                    *last.borrow_mut() = id.clone();
                    dispatch.dispatch(Action::SetActive(id));
                }
            }
        };
        spy();
        let listener = EventListener::new(&window(), "scroll", move |_| spy());
        move || drop(listener)
    });
}

/// Expands a collapsed section when the browser's find-in-page reveals text inside it
/// (`hidden="until-found"` fires `beforematch`, which bubbles to the document).
#[hook]
pub fn use_reveal_on_find(dispatch: UseReducerDispatcher<AppState>) {
    use_effect_with((), move |_| {
        let listener = EventListener::new(&document(), "beforematch", move |event| {
            let section = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("[data-section-body]").ok().flatten())
                .and_then(|el| el.get_attribute("data-section-body"));
            if let Some(id) = section {
                dispatch.dispatch(Action::Expand(id));
            }
        });
        move || drop(listener)
    });
}

/// Moves focus into the outline drawer when it opens (to its close button), and back to the
/// toggle when it closes while focus was inside it. Nothing happens on the first render.
#[hook]
pub fn use_drawer_focus(open: bool) {
    let first = use_mut_ref(|| true);
    use_effect_with(open, move |open| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        let focus = |css: &str| {
            if let Some(el) = document()
                .query_selector(css)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        };
        if *open {
            focus(".outline__close");
        } else {
            let inside = document()
                .active_element()
                .is_some_and(|el| el.closest("#outline").ok().flatten().is_some());
            if inside {
                focus("[data-testid=outline-toggle]");
            }
        }
    });
}

/// Esc closes the outline drawer.
#[hook]
pub fn use_escape_closes_outline(dispatch: UseReducerDispatcher<AppState>) {
    use_effect_with((), move |_| {
        let listener = EventListener::new(&document(), "keydown", move |event| {
            if event
                .dyn_ref::<KeyboardEvent>()
                .is_some_and(|k| k.key() == "Escape")
            {
                dispatch.dispatch(Action::CloseOutline);
            }
        });
        move || drop(listener)
    });
}

#[cfg(test)]
mod tests {
    use super::id_from_hash;

    #[test]
    fn hash_gives_the_section_id() {
        assert_eq!(id_from_hash("#sec-1-2"), Some("sec-1-2".into()));
        assert_eq!(id_from_hash("sec-1"), Some("sec-1".into()));
    }

    #[test]
    fn empty_hash_gives_no_id() {
        assert_eq!(id_from_hash(""), None);
        assert_eq!(id_from_hash("#"), None);
    }

    #[test]
    fn a_query_after_the_id_is_ignored() {
        assert_eq!(id_from_hash("#sec-1?q=乡贤"), Some("sec-1".into()));
    }
}
