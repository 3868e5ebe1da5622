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
use report_core::route::{parse_hash, to_hash};

/// How far below the sticky bar a heading counts as "being read", in CSS pixels.
const SPY_MARGIN_PX: f64 = 32.0;

/// The same width as `--wide` in the CSS (60rem): the outline is a sidebar from there on.
const WIDE_LAYOUT: &str = "(min-width: 60rem)";

/// The reader's page-wide listeners, set up once when it mounts and dropped when it goes:
/// [`hash_navigation`], [`scroll_spy`], [`reveal_on_find`], [`close_outline_when_wide`], and
/// every card shown before printing.
/// One effect for all four: every `use_effect_with` call site is its own copy of Yew's effect
/// code in the wasm.
#[hook]
pub fn use_page_listeners(dispatch: UseReducerDispatcher<AppState>, pinned: Pinned) {
    use_effect_with((), move |_| {
        let listeners = [
            hash_navigation(dispatch.clone()),
            scroll_spy(dispatch.clone(), pinned),
            reveal_on_find(dispatch.clone()),
            close_outline_when_wide(dispatch.clone()),
            vec![EventListener::new(&window(), "beforeprint", move |_| {
                dispatch.dispatch(Action::ShowAllFigures)
            })],
        ];
        move || drop(listeners)
    });
}

/// Follows the URL hash: on load and on every `hashchange` (back/forward, typed links).
/// `#id` goes to a section, figure or card; `?q=…` searches. Going back to an address without
/// a hash returns to the top of the page.
fn hash_navigation(dispatch: UseReducerDispatcher<AppState>) -> Vec<EventListener> {
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
            // Whole pixels are enough, and integer parsing keeps float parsing (~10 KB) out of
            // the wasm.
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
fn scroll_spy(dispatch: UseReducerDispatcher<AppState>, pinned: Pinned) -> Vec<EventListener> {
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
fn reveal_on_find(dispatch: UseReducerDispatcher<AppState>) -> Vec<EventListener> {
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

/// Closes the drawer when the window becomes wide enough for the sidebar, so that a drawer
/// left open on a rotated phone does not keep the page inert.
fn close_outline_when_wide(dispatch: UseReducerDispatcher<AppState>) -> Vec<EventListener> {
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

/// Copies text to the clipboard, then reports whether it worked. Browsers without the
/// asynchronous clipboard (in-app browsers, pages served over plain HTTP) report failure
/// instead of throwing.
pub fn copy_text(text: String, done: impl FnOnce(bool) + 'static) {
    let navigator = window().navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        done(false);
        return;
    }
    let promise = navigator.clipboard().write_text(&text);
    yew::platform::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done(ok);
    });
}

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

/// Forgets the address's `#…` (a section of the last report, a query) before another report is
/// shown, so that the new one opens at its top without a "not found" message.
pub fn clear_hash() {
    if let Ok(history) = window().history() {
        let _ =
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page_address()));
    }
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

/// Once, after the first render: hands the stored list of reports to the library, and marks
/// the page as running (`app-ready` on `<html>`: the controls that need the app show, see
/// `base.css`).
#[hook]
pub fn use_started(
    dispatch: yew::functional::UseReducerDispatcher<crate::library::Library>,
    recent: Result<report_core::recent::Recent, String>,
) {
    use_effect_with((), move |_| {
        dispatch.dispatch(crate::library::LibraryAction::RecentLoaded(recent));
        if let Some(html) = document().document_element() {
            html.class_list().add_1("app-ready").ok();
        }
    });
}

/// Files dragged over the page: true while they are, and `open` gets the first file dropped.
/// Other drags (text, links) are left to the browser.
#[hook]
pub fn use_file_drop(open: Callback<web_sys::File>) -> bool {
    let dragging = use_state(|| false);
    {
        let dragging = dragging.setter();
        use_effect_with(open, move |open| {
            use gloo::events::EventListenerOptions;
            fn transfer(event: &Event) -> Option<web_sys::DataTransfer> {
                event.dyn_ref::<web_sys::DragEvent>()?.data_transfer()
            }
            fn has_files(event: &Event) -> bool {
                transfer(event).is_some_and(|t| t.types().includes(&"Files".into(), 0))
            }
            // dragenter / dragleave come for every element crossed: count them.
            let depth = Rc::new(std::cell::Cell::new(0));
            let listen = |name: &'static str, on: Box<dyn Fn(&Event)>| {
                EventListener::new_with_options(
                    &window(),
                    name,
                    EventListenerOptions::enable_prevent_default(),
                    move |e| on(e),
                )
            };
            let listeners = [
                listen("dragenter", {
                    let (depth, dragging) = (depth.clone(), dragging.clone());
                    Box::new(move |e| {
                        if has_files(e) {
                            e.prevent_default();
                            depth.set(depth.get() + 1);
                            dragging.set(true);
                        }
                    })
                }),
                listen(
                    "dragover",
                    Box::new(|e| {
                        if let Some(t) = transfer(e).filter(|_| has_files(e)) {
                            e.prevent_default();
                            t.set_drop_effect("copy");
                        }
                    }),
                ),
                listen("dragleave", {
                    let (depth, dragging) = (depth.clone(), dragging.clone());
                    Box::new(move |e| {
                        if has_files(e) {
                            depth.set((depth.get() - 1).max(0));
                            if depth.get() == 0 {
                                dragging.set(false);
                            }
                        }
                    })
                }),
                listen("drop", {
                    let open = open.clone();
                    Box::new(move |e| {
                        if !has_files(e) {
                            return;
                        }
                        e.prevent_default();
                        depth.set(0);
                        dragging.set(false);
                        if let Some(file) =
                            transfer(e).and_then(|t| t.files()).and_then(|f| f.get(0))
                        {
                            open.emit(file);
                        }
                    })
                }),
            ];
            move || drop(listeners)
        });
    }
    *dragging
}
