//! The reader's tools, a wasm module of their own loaded on first use
//! (`src/bin/report-tools.rs`): 审议意见 (review notes), 朗读 (reading aloud) and 字号 (text
//! size and colours). The page's wasm carries only their buttons' markup, which carries
//! `data-tools` (`crate::dom::TOOLS`): `static/boot.js` loads this module when one is first
//! pressed (or at start when this browser holds notes), then hands it every press
//! ([`activate`]).
//!
//! The module is a Yew app of its own, mounted in `#reader-tools` after the page's `#app`: it
//! draws the dialogs and bars, and the notes under their paragraphs through portals into
//! hosts it places in the page (`notes::hosts`). It reads the shown report from the page's
//! markup (`page.rs`), starts only once the page's app runs (`app-ready`: the built page must
//! be hydrated exactly as it was built), and keeps its state in pure models of
//! `report-core` (`notes`, `display`, `spoken`).

pub mod display;
pub mod notes;
pub mod page;
pub mod read_aloud;

use std::cell::RefCell;

use gloo::utils::document;
use web_sys::Element;
use yew::prelude::*;

use crate::dom;

/// The id of the element the tools live in, after `#app`.
pub const TOOLS_ROOT_ID: &str = "reader-tools";

/// A press handed over by the page.
#[derive(Clone, PartialEq)]
pub enum Command {
    /// 写意见 on a paragraph.
    WriteNote(Element),
    /// 我的意见.
    OpenNotes(Element),
}

thread_local! {
    /// Where presses go once the tools' app has mounted; presses before that wait here.
    static SINK: RefCell<(Option<Callback<Command>>, Vec<Command>)> = const { RefCell::new((None, Vec::new())) };
}

/// Sends a command to the notes, now or once they are listening.
fn send(command: Command) {
    let sink = SINK.with(|s| {
        let mut s = s.borrow_mut();
        if s.0.is_none() {
            s.1.push(command.clone());
        }
        s.0.clone()
    });
    if let Some(sink) = sink {
        sink.emit(command);
    }
}

/// The notes listen from now on; presses that came before are delivered.
pub(crate) fn listen(sink: Callback<Command>) {
    let waiting = SINK.with(|s| {
        let mut s = s.borrow_mut();
        s.0 = Some(sink.clone());
        std::mem::take(&mut s.1)
    });
    for command in waiting {
        sink.emit(command);
    }
}

/// A press on an element that carries `data-tools`: which tool it is for is in its other
/// attributes (`crate::dom`).
pub fn activate(target: Element) {
    let button = |attribute: &str| target.closest(&format!("[{attribute}]")).ok().flatten();
    if let Some(b) = button(dom::NOTE_SECTION) {
        send(Command::WriteNote(b));
    } else if let Some(b) = button(dom::NOTES_OPEN) {
        send(Command::OpenNotes(b));
    } else if let Some(b) = button(dom::READ_SECTION) {
        read_aloud::read(b);
    }
    // 字号: the module's listeners (`display::start`) do the rest.
}

/// Starts the tools: 字号's listeners at once, the notes and the reading bar in their own
/// element once the page's app runs.
pub fn start() {
    display::start();
    let Some(body) = document().body() else {
        return;
    };
    let root = match document().get_element_by_id(TOOLS_ROOT_ID) {
        Some(root) => root,
        None => {
            let Ok(root) = document().create_element("div") else {
                return;
            };
            root.set_id(TOOLS_ROOT_ID);
            let _ = body.append_child(&root);
            root
        }
    };
    yew::Renderer::<Tools>::with_root(root).render();
}

/// The tools' app.
#[function_component]
fn Tools() -> Html {
    html! {
        <>
            <notes::Notes />
            <read_aloud::ReadingBar />
        </>
    }
}
