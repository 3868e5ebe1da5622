//! Keyboard focus: moving it without scrolling, the drawer and small dialogs that take and
//! give it back, Esc.

use gloo::events::EventListener;
use gloo::utils::document;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// Moves keyboard focus to an element without scrolling the page: the reader stays where
/// they are reading (a plain `focus()` scrolls, and fights the sticky bar's scroll margin).
pub fn focus_in_place(el: &HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el.focus_with_options(&options);
}

/// Moves keyboard focus to the element with `id`, if there is one, without scrolling.
pub fn focus_id(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        focus_in_place(&el);
    }
}

/// For a small dialog: when it opens, remembers what had focus, then focuses and selects its
/// text field; when it closes, gives focus back without scrolling.
#[hook]
pub fn use_dialog_focus(field: NodeRef, open: bool) {
    let before = use_mut_ref(|| None::<HtmlElement>);
    use_effect_with(open, move |open| {
        if *open {
            *before.borrow_mut() = document()
                .active_element()
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(el) = field.cast::<web_sys::HtmlTextAreaElement>() {
                focus_in_place(&el);
                el.select();
            }
        } else if let Some(el) = before.borrow_mut().take() {
            focus_in_place(&el);
        }
    });
}

/// Calls `close` on Esc while `active`.
#[hook]
pub fn use_escape(close: Callback<()>, active: bool) {
    use_effect_with(active, move |active| {
        let listener = active.then(|| {
            EventListener::new(&document(), "keydown", move |event| {
                if event
                    .dyn_ref::<KeyboardEvent>()
                    .is_some_and(|k| k.key() == "Escape")
                {
                    close.emit(());
                }
            })
        });
        move || drop(listener)
    });
}

/// Moves focus into the outline drawer when it opens (to its close button), and back to the
/// toggle when it closes while focus was inside it or nowhere (after a tap on the backdrop).
/// Nothing happens on the first render. Elements are found from `nav` (the drawer), never by a
/// document-wide query, so that the effect only touches its own app.
#[hook]
pub fn use_drawer_focus(open: bool, nav: NodeRef) {
    let first = use_mut_ref(|| true);
    use_effect_with(open, move |open| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        let Some(nav) = nav.cast::<web_sys::Element>() else {
            return;
        };
        let focus = |scope: &web_sys::Element, css: &str| {
            if let Some(el) = scope
                .query_selector(css)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                focus_in_place(&el);
            }
        };
        if *open {
            focus(&nav, ".outline__close");
        } else {
            let body = document().body().map(web_sys::Element::from);
            let lost = document()
                .active_element()
                .is_none_or(|el| Some(&el) == body.as_ref() || nav.contains(Some(&el)));
            // The toggle is in the top bar, a sibling of the layout that holds the drawer.
            let app = nav
                .parent_element()
                .and_then(|layout| layout.parent_element());
            if let (true, Some(app)) = (lost, app) {
                focus(&app, "[data-testid=outline-toggle]");
            }
        }
    });
}
