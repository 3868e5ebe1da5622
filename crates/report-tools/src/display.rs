//! 字号: the reader's text size and colours (`report_core::display`). The control is the page's
//! own markup (`components/display_settings.rs`: a `<details>` with two radio groups); the
//! choice in force before the first paint is applied by the inline script the build generates
//! from the same model (`display::pre_paint_script`). Here: choosing, remembering, and the
//! panel's manners — it shows the choice in force when it opens; 完成, Esc, a click outside or
//! the focus leaving it closes it, 完成 and Esc returning the focus to its summary.
//!
//! The module is loaded by the first press on the summary, so a radio may have been chosen
//! before it ran: a checked radio at start is the reader's choice and is applied (the built
//! markup checks none).

use gloo::events::EventListener;
use gloo::utils::{document, window};
use report_core::display::{Display, KEY};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDetailsElement, HtmlInputElement, KeyboardEvent};

use super::page;
use report_core::markup as dom;

fn stored() -> Display {
    let raw = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(KEY).ok().flatten());
    Display::read(raw.as_deref())
}

/// Applies `display` to `<html>` and remembers it (a storage that refuses keeps it for this
/// page).
fn choose(display: Display) {
    if let Some(root) = document().document_element() {
        for (name, value) in display.attributes() {
            let _ = match value {
                Some(value) => root.set_attribute(name, value),
                None => root.remove_attribute(name),
            };
        }
    }
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.set_item(KEY, &display.to_stored());
    }
}

fn radios() -> Vec<HtmlInputElement> {
    page::all(&document(), &format!("input[{}]", dom::DISPLAY_INPUT))
        .into_iter()
        .filter_map(|e| e.dyn_into().ok())
        .collect()
}

/// The radios show the choice in force.
fn sync() {
    let display = stored();
    for radio in radios() {
        let field = radio.get_attribute(dom::DISPLAY_INPUT).unwrap_or_default();
        radio.set_checked(display.get(&field) == Some(radio.value().as_str()));
    }
}

fn open_panel() -> Option<HtmlDetailsElement> {
    document()
        .query_selector(&format!(".{}[open]", dom::DISPLAY_SETTINGS))
        .ok()
        .flatten()
        .and_then(|d| d.dyn_into().ok())
}

/// The panel's listeners, for the page's life; a choice made before they ran is applied.
pub fn start() {
    let mut display = stored();
    for radio in radios().into_iter().filter(HtmlInputElement::checked) {
        let field = radio.get_attribute(dom::DISPLAY_INPUT).unwrap_or_default();
        display = display.with(&field, &radio.value()).unwrap_or(display);
        choose(display);
    }
    sync();
    let on_change = EventListener::new(&document(), "change", |event| {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(field) = input.get_attribute(dom::DISPLAY_INPUT) else {
            return;
        };
        if input.checked() {
            if let Some(display) = stored().with(&field, &input.value()) {
                choose(display);
            }
        }
    });
    // `toggle` does not bubble: listened to in the capture phase.
    let capture = gloo::events::EventListenerOptions::run_in_capture_phase();
    let on_toggle = EventListener::new_with_options(&document(), "toggle", capture, |event| {
        let opened = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlDetailsElement>().ok())
            .filter(|d| d.class_list().contains(dom::DISPLAY_SETTINGS) && d.open());
        if opened.is_some() {
            sync();
        }
    });
    let on_key = EventListener::new(&document(), "keydown", |event| {
        let escape = event
            .dyn_ref::<KeyboardEvent>()
            .is_some_and(|k| k.key() == "Escape");
        if let Some(open) = open_panel().filter(|_| escape) {
            open.set_open(false);
            if let Ok(Some(summary)) = open.query_selector("summary") {
                page::focus(&summary);
            }
        }
    });
    // A click outside the panel, or on its 完成, closes it (完成 gives the focus back to 字号).
    let on_click = EventListener::new(&document(), "click", |event| {
        let target = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let Some(open) = open_panel() else {
            return;
        };
        let done = target
            .as_ref()
            .and_then(|t| t.dyn_ref::<Element>())
            .and_then(|e| {
                e.closest(&format!("[{}]", dom::DISPLAY_DONE))
                    .ok()
                    .flatten()
            });
        if !open.contains(target.as_ref()) {
            open.set_open(false);
        } else if done.is_some() {
            open.set_open(false);
            if let Ok(Some(summary)) = open.query_selector("summary") {
                page::focus(&summary);
            }
        }
    });
    // Tab out of the panel closes it: it never stays open over the page behind the focus.
    let on_focus_out = EventListener::new(&document(), "focusout", |event| {
        let Some(next) = event
            .dyn_ref::<web_sys::FocusEvent>()
            .and_then(|f| f.related_target())
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        else {
            return;
        };
        let from = event.target().and_then(|t| t.dyn_into::<Element>().ok());
        let panel = from.and_then(|f| {
            f.closest(&format!(".{}[open]", dom::DISPLAY_SETTINGS))
                .ok()
                .flatten()
        });
        if let Some(panel) = panel.and_then(|p| p.dyn_into::<HtmlDetailsElement>().ok()) {
            if !panel.contains(Some(&next)) {
                panel.set_open(false);
            }
        }
    });
    // For the page's life.
    for listener in [on_change, on_toggle, on_key, on_click, on_focus_out] {
        listener.forget();
    }
}
