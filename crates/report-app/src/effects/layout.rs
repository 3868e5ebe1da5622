//! The layout as the browser draws it: the narrow and wide layouts, the top bar's height for
//! the CSS, the tab's title.

use gloo::events::EventListener;
use gloo::utils::{document, window};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::{Action, AppState};

/// The same width as `--wide` in the CSS (60rem): the outline is a sidebar from there on.
const WIDE_LAYOUT: &str = "(min-width: 60rem)";

/// Whether an element is narrower than `ems` of its own font size (large text or page zoom on a
/// phone), measured after every render. CSS cannot tell: `em` in a container query is the
/// browser's default size, not the element's.
#[hook]
pub fn use_narrow_in_em(node: NodeRef, ems: u32) -> bool {
    let narrow = use_state(|| false);
    {
        let narrow = narrow.clone();
        use_effect(move || {
            let Some(el) = node.cast::<web_sys::Element>() else {
                return;
            };
            // Whole pixels, read with integer parsing (no float parsing in the wasm:
            // docs/size-budget.md).
            let size = window()
                .get_computed_style(&el)
                .ok()
                .flatten()
                .and_then(|s| s.get_property_value("font-size").ok())
                .and_then(|v| v.split(['.', 'p']).next()?.parse::<u32>().ok())
                .unwrap_or(16);
            let now = i64::from(el.client_width()) < i64::from(ems * size);
            if *narrow != now {
                narrow.set(now);
            }
        });
    }
    *narrow
}

/// Measures the sticky bar after every render of it and publishes its height as
/// `--bar-offset` on the root element: the bar grows with the text size and with the search
/// row, and `scroll-padding-top` (base.css) must clear it, or jump targets hide under it.
#[hook]
pub fn use_publish_bar_height(bar: NodeRef) {
    let published = use_mut_ref(|| -1);
    use_effect(move || {
        if let (Some(bar), Some(root)) = (
            bar.cast::<web_sys::HtmlElement>(),
            document()
                .document_element()
                .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()),
        ) {
            let height = bar.offset_height();
            // Only on change: a new value on the root restyles the whole page.
            if std::mem::replace(&mut *published.borrow_mut(), height) == height {
                return;
            }
            let _ = root
                .style()
                .set_property("--bar-offset", &format!("{height}px"));
        }
    });
}

/// Closes the drawer when the window becomes wide enough for the sidebar, so that a drawer
/// left open on a rotated phone does not keep the page inert.
pub(super) fn close_outline_when_wide(
    dispatch: UseReducerDispatcher<AppState>,
) -> Vec<EventListener> {
    {
        let query = window().match_media(WIDE_LAYOUT).ok().flatten();
        let listener = query.map(|query| {
            let target = query.clone();
            EventListener::new(&target, "change", move |_| {
                if query.matches() {
                    dispatch.dispatch(Action::CloseOutline);
                }
            })
        });
        listener.into_iter().collect()
    }
}

/// Names the browser tab after the report (the page's `<title>` is the default report's).
#[hook]
pub fn use_document_title(title: String) {
    use_effect_with(title, |title| {
        if !title.is_empty() {
            document().set_title(title);
        }
    });
}
