//! Where the reader is: scrolling to a section, the section being read (scroll spy), what
//! find-in-page reveals, the outline entry kept in sight, a new report from its top.

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

use super::focus::focus_in_place;

/// How far below the sticky bar a heading counts as "being read", in CSS pixels.
const SPY_MARGIN_PX: f64 = 32.0;

/// What the reader last navigated to (a section, a figure, a search hit), shared by
/// [`use_scroll_to`] and [`scroll_spy`]: while it is in view, its section is the one being
/// read — a figure centred on the screen sits below its own heading, and the last headings
/// cannot reach the top of the page. It is let go as soon as the reader scrolls by hand.
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
        options.set_block(if request.center {
            ScrollLogicalPosition::Center
        } else {
            ScrollLogicalPosition::Start
        });
        // Search hits jump at once: a smooth scroll per keystroke would be cut short by the
        // next one and leave the first hit out of view.
        let is_hit = request.id.starts_with("hit-");
        if !reduce && !is_hit {
            options.set_behavior(ScrollBehavior::Smooth);
        }
        el.scroll_into_view_with_scroll_into_view_options(&options);
        if let Some(el) = el.dyn_ref::<HtmlElement>() {
            focus_in_place(el);
        }
    });
}

/// The section an element of the report is in: a heading's own id, or the id of the section
/// whose body holds it.
fn section_of(el: &web_sys::Element) -> Option<String> {
    if el.has_attribute("data-spy") {
        return Some(el.id());
    }
    el.closest("[data-section-body]")
        .ok()
        .flatten()
        .and_then(|body| body.get_attribute("data-section-body"))
}

/// Reports the heading being read: the section of the pinned element (last navigated to)
/// while it is in view, otherwise the last section heading whose top has passed the sticky bar
/// (plus [`SPY_MARGIN_PX`]). Above the first heading, none.
pub(super) fn scroll_spy(
    dispatch: UseReducerDispatcher<AppState>,
    pinned: Pinned,
) -> Vec<EventListener> {
    let last = RefCell::new(None::<String>);
    {
        let spy = {
            let pinned = pinned.clone();
            move || {
                let Ok(headings) = document().query_selector_all("[data-spy]") else {
                    return;
                };
                // The bar grows with the text size, so measure it rather than assume it.
                let bar = document()
                    .query_selector(".top-bar")
                    .ok()
                    .flatten()
                    .map_or(0.0, |b| b.get_bounding_client_rect().bottom());
                let threshold = bar + SPY_MARGIN_PX;
                let mut current = None;
                for i in 0..headings.length() {
                    let Some(el) = headings
                        .get(i)
                        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                    else {
                        continue;
                    };
                    let rect = el.get_bounding_client_rect();
                    if rect.height() > 0.0 && rect.top() <= threshold {
                        current = Some(el.id());
                    }
                }
                let view = window()
                    .inner_height()
                    .ok()
                    .and_then(|h| h.as_f64())
                    .unwrap_or(0.0);
                let pinned_section = pinned.borrow().as_ref().and_then(|id| {
                    let el = document().get_element_by_id(id)?;
                    let rect = el.get_bounding_client_rect();
                    let in_view = rect.height() > 0.0 && rect.bottom() > bar && rect.top() < view;
                    in_view.then(|| section_of(&el)).flatten()
                });
                if pinned_section.is_some() {
                    current = pinned_section;
                }
                if *last.borrow() != current {
                    *last.borrow_mut() = current.clone();
                    dispatch.dispatch(Action::SetActive(current));
                }
            }
        };
        spy();
        let listener = EventListener::new(&window(), "scroll", move |_| spy());
        // Scrolling by hand lets go of the pinned element.
        let release = ["wheel", "touchstart", "keydown"].map(|name| {
            let pinned = pinned.clone();
            EventListener::new(&window(), name, move |event| {
                let scroll_key = event.dyn_ref::<KeyboardEvent>().is_none_or(|k| {
                    matches!(
                        k.key().as_str(),
                        "ArrowUp" | "ArrowDown" | "PageUp" | "PageDown" | "Home" | "End" | " "
                    )
                });
                // Arrows in the search box move between hits (and prevent the default).
                if scroll_key && !event.default_prevented() {
                    *pinned.borrow_mut() = None;
                }
            })
        });
        let mut listeners = vec![listener];
        listeners.extend(release);
        listeners
    }
}

/// Expands a collapsed section when the browser's find-in-page reveals text inside it
/// (`hidden="until-found"` fires `beforematch`, which bubbles to the document).
pub(super) fn reveal_on_find(dispatch: UseReducerDispatcher<AppState>) -> Vec<EventListener> {
    {
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
        vec![listener]
    }
}

/// Keeps the current outline entry visible inside the outline's own scroll area (the sidebar
/// is shorter than the outline), without scrolling the page.
#[hook]
pub fn use_current_entry_visible(active: Option<String>) {
    use_effect_with(active, |_| {
        let Some(nav) = document().get_element_by_id("outline") else {
            return;
        };
        let Some(link) = nav
            .query_selector(".outline__link[aria-current]")
            .ok()
            .flatten()
        else {
            return;
        };
        let view = nav.get_bounding_client_rect();
        let entry = link.get_bounding_client_rect();
        let margin = entry.height();
        if entry.top() < view.top() {
            nav.set_scroll_top(nav.scroll_top() - (view.top() - entry.top() + margin) as i32);
        } else if entry.bottom() > view.bottom() {
            nav.set_scroll_top(nav.scroll_top() + (entry.bottom() - view.bottom() + margin) as i32);
        }
    });
}

/// When another report is shown (`serial` changes after the first): back to the top of the
/// page, and keyboard focus on the new title (screen readers read it out).
#[hook]
pub fn use_new_report_from_the_top(serial: u32) {
    use_effect_with(serial, |serial| {
        if *serial > 0 {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            if let Some(title) = document()
                .get_element_by_id("report-title")
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                focus_in_place(&title);
            }
        }
    });
}
