//! 审议意见: the reader's review notes on passages of the report, kept in this browser only
//! (`report_core::notes` is the model: the stored format, quotes, anchoring, merging, exports;
//! `state.rs` the reducer). This file is the component and its effects:
//!
//! - the notes of the shown report are read from local storage when the tools start and
//!   whenever another report is shown; damaged data is kept aside under its own key before
//!   anything is written, never written over, and said once in a floating message
//!   ([`alert`]);
//! - they are written back whenever they change;
//! - each note is drawn under its paragraph's row of actions ([`views`]): through a portal
//!   into a host (`<div class="note-views" data-chrome>`) this module places in the page's
//!   markup — the only nodes it adds there. The page's app may draw its text again at any
//!   time (a search, another report): a `MutationObserver` notices, and the notes are placed
//!   again once it is quiet (`data-busy` on `#reader-notes` meanwhile);
//! - 写意见 opens the editor ([`editor`]), 我的意见 the list with its exports and import
//!   ([`panel`]); what is done is said in a live region.
//!
//! Text from storage or a file is only ever set as text, never as HTML (Yew escapes it).

mod alert;
mod editor;
mod panel;
pub mod state;
mod views;

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use gloo::utils::{document, window};
use report_core::notes::{self, Anchors, Write};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, MutationObserver, MutationObserverInit, MutationRecord};
use yew::prelude::*;

use crate::page;
use report_core::markup as dom;
use state::{NotesAction, NotesState};

/// The id of the element the notes' app lives in.
const ROOT_ID: &str = "reader-notes";

/// A press handed over by the page.
#[derive(Clone, PartialEq)]
enum Command {
    /// 写意见 on a paragraph.
    WriteNote(Element),
    /// 我的意见.
    OpenNotes(Element),
}

thread_local! {
    /// Where presses go once the notes' app has mounted; presses before that wait here.
    static SINK: RefCell<(Option<Callback<Command>>, Vec<Command>)> =
        const { RefCell::new((None, Vec::new())) };
}

/// A press on 写意见 or 我的意见 (or inside one).
pub fn activate(target: Element) {
    let button = |attribute: &str| target.closest(&format!("[{attribute}]")).ok().flatten();
    let command = if let Some(b) = button(dom::NOTE_SECTION) {
        Command::WriteNote(b)
    } else if let Some(b) = button(dom::NOTES_OPEN) {
        Command::OpenNotes(b)
    } else {
        return;
    };
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
fn listen(sink: Callback<Command>) {
    let waiting = SINK.with(|s| {
        let mut s = s.borrow_mut();
        s.0 = Some(sink.clone());
        std::mem::take(&mut s.1)
    });
    for command in waiting {
        sink.emit(command);
    }
}

/// Starts the notes' app in its own element after the page's, once the page's app runs.
pub fn start() {
    crate::when_app_ready(|| {
        if let Some(root) = crate::root(ROOT_ID) {
            yew::Renderer::<Notes>::with_root(root).render();
        }
    });
}

/// The class of a host of note views in the page's markup.
pub(crate) const HOST: &str = "note-views";

/// The notes' handle, as their parts receive it.
pub(crate) type NotesHandle = UseReducerHandle<NotesState>;

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Reads the notes of the report titled `title`, keeping damaged data aside first.
fn load(title: &str) -> NotesAction {
    let key = notes::storage_key(title);
    let damaged_key = notes::damaged_key(title);
    let Some(storage) = storage() else {
        return NotesAction::Loaded {
            title: title.into(),
            notes: Vec::new(),
            damaged: None,
            fresh: false,
        };
    };
    let raw = storage.get_item(&key).ok().flatten().unwrap_or_default();
    let stored = notes::read_stored(&raw);
    let mut fresh = false;
    let mut in_memory = None;
    if stored.damaged {
        fresh = true;
        if storage.set_item(&damaged_key, &raw).is_ok() {
            // The notes that could be read stay; the raw text is kept aside.
            if let Some(write) = stored.rewrite(title) {
                apply_write(&storage, &key, &write);
            }
        } else {
            // No room: the raw text stays where it is, and nothing is written over it.
            in_memory = Some(raw);
        }
    }
    NotesAction::Loaded {
        title: title.into(),
        notes: stored.notes,
        damaged: in_memory.or_else(|| storage.get_item(&damaged_key).ok().flatten()),
        fresh,
    }
}

fn apply_write(storage: &web_sys::Storage, key: &str, write: &Write) -> bool {
    match write {
        Write::Set(text) => storage.set_item(key, text).is_ok(),
        Write::Remove => storage.remove_item(key).is_ok(),
    }
}

/// Writes the notes; gives what to tell the reader when they could not be written.
fn save(state: &NotesState) -> Option<&'static str> {
    let Some(storage) = storage() else {
        return Some(notes::SaveError::Refused.message());
    };
    let key = notes::storage_key(&state.title);
    let current = storage.get_item(&key).ok().flatten();
    match notes::save(
        &state.title,
        &state.notes,
        current.as_deref(),
        state.damaged.as_deref(),
    ) {
        Ok(write) if apply_write(&storage, &key, &write) => None,
        Ok(_) => Some(notes::SaveError::Full.message()),
        Err(e) => Some(e.message()),
    }
}

/// Now, as notes record it (ISO 8601).
pub(crate) fn now() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

/// A new note's id.
fn new_id() -> String {
    notes::new_id(
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * f64::from(u32::MAX)) as u32,
    )
}

/// Whether every change in `records` is the notes' own (a host coming or going, or anything
/// inside one): those never call for placing the notes again.
fn only_ours(records: &js_sys::Array) -> bool {
    let is_host = |node: &web_sys::Node| {
        node.dyn_ref::<Element>()
            .is_some_and(|e| e.class_list().contains(HOST))
    };
    records.iter().all(|record| {
        let Ok(record) = record.dyn_into::<MutationRecord>() else {
            return false;
        };
        let inside = record
            .target()
            .and_then(|t| match t.dyn_ref::<Element>() {
                Some(e) => Some(e.clone()),
                None => t.parent_element(),
            })
            .and_then(|e| e.closest(&format!(".{HOST}")).ok().flatten())
            .is_some();
        let nodes: Vec<web_sys::Node> = (0..record.added_nodes().length())
            .filter_map(|i| record.added_nodes().item(i))
            .chain(
                (0..record.removed_nodes().length()).filter_map(|i| record.removed_nodes().item(i)),
            )
            .collect();
        inside || (!nodes.is_empty() && nodes.iter().all(is_host))
    })
}

/// Marks the tools busy (placing notes is pending) or not, for tests to wait on.
fn busy(on: bool) {
    if let Some(root) = document().get_element_by_id(ROOT_ID) {
        let _ = if on {
            root.set_attribute("data-busy", "")
        } else {
            root.remove_attribute("data-busy")
        };
    }
}

/// Watches the page's report: after it was drawn again and has been quiet for a moment, the
/// notes are placed again (and read again when another report is shown).
/// A watch on the page: the observer and its handler, both kept for as long as it watches.
type Watch = (MutationObserver, Closure<dyn FnMut(js_sys::Array)>);

fn watch_page(state: NotesHandle, read_for: Rc<RefCell<String>>) -> Option<Watch> {
    let pending: Rc<RefCell<Option<Timeout>>> = Rc::default();
    let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
        if only_ours(&records) {
            return;
        }
        busy(true);
        let (state, read_for) = (state.clone(), read_for.clone());
        *pending.borrow_mut() = Some(Timeout::new(100, move || {
            let title = page::report_title();
            if title != *read_for.borrow() {
                state.dispatch(load(&title));
            }
            state.dispatch(NotesAction::Redrawn);
            busy(false);
        }));
    });
    let observer = MutationObserver::new(on_change.as_ref().unchecked_ref()).ok()?;
    let app = document().get_element_by_id(dom::APP_ROOT_ID)?;
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    observer.observe_with_options(&app, &options).ok()?;
    Some((observer, on_change))
}

/// Shows `count` on every 我的意见 button of the page.
fn label_openers(count: usize) {
    let label = notes::text::opener_label(count);
    for opener in page::all(&document(), &format!("[{}]", dom::NOTES_OPEN)) {
        if opener.text_content().as_deref() != Some(label.as_str()) {
            opener.set_text_content(Some(&label));
        }
    }
}

thread_local! {
    /// Where the focus goes back to when the editor or 我的意见 closes: the button that
    /// opened it.
    static BACK: RefCell<Option<Element>> = const { RefCell::new(None) };
}

/// The element of `selector` that `event` happened in: Yew hands events over from its root,
/// so an event's `current_target` is that root, not the element that listens.
pub(crate) fn event_element(event: &Event, selector: &str) -> Option<Element> {
    event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|e| e.closest(selector).ok().flatten())
}

/// Remembers the button that opens the editor or 我的意见 (the one `event` was on).
pub(crate) fn opened_by(event: &Event) {
    BACK.with(|b| *b.borrow_mut() = event_element(event, "button, a"));
}

/// The button that opened the editor or 我的意见, if it is still in the page.
pub(crate) fn opener() -> Option<Element> {
    BACK.with(|b| b.borrow().clone())
        .filter(|e| e.is_connected())
}

/// The notes' app: their views in the page, the editor, 我的意见, the message about damaged
/// data, the live region.
#[function_component]
pub fn Notes() -> Html {
    let state = use_reducer(NotesState::default);
    // The title whose notes are read, for the listeners that outlive a render.
    let read_for = use_mut_ref(String::new);
    read_for.borrow_mut().clone_from(&state.title);
    {
        let (state, read_for) = (state.clone(), read_for.clone());
        use_effect_with((), move |_| {
            state.dispatch(load(&page::report_title()));
            let commands = state.clone();
            let title_read = read_for.clone();
            listen(Callback::from(move |command| {
                let state = &commands;
                let title = page::report_title();
                if title != *title_read.borrow() {
                    state.dispatch(load(&title));
                }
                match command {
                    Command::WriteNote(button) => {
                        let section = button.get_attribute(dom::NOTE_SECTION).unwrap_or_default();
                        let index = button
                            .get_attribute(dom::NOTE_PARAGRAPH)
                            .and_then(|n| n.parse::<usize>().ok())
                            .unwrap_or(0);
                        let selected = page::paragraphs(&section)
                            .into_iter()
                            .nth(index)
                            .and_then(|p| selection_in(&p));
                        let report = page::shown_report();
                        let draft =
                            Anchors::new(&report).draft(&section, index, selected.as_deref());
                        if let Some(draft) = draft {
                            BACK.with(|b| *b.borrow_mut() = Some(button));
                            state.dispatch(NotesAction::Write(draft));
                        }
                    }
                    Command::OpenNotes(button) => {
                        BACK.with(|b| *b.borrow_mut() = Some(button));
                        state.dispatch(NotesAction::OpenPanel);
                    }
                }
            }));
            let watching = watch_page(state.clone(), read_for);
            move || drop(watching)
        });
    }
    // Written back whenever they change (never just for having been read).
    {
        let state = state.clone();
        use_effect_with(state.changes, move |changes| {
            if *changes > 0 {
                if let Some(problem) = save(&state) {
                    state.dispatch(NotesAction::Say(problem.into()));
                }
            }
        });
    }
    {
        let count = state.notes.len();
        use_effect_with((count, state.redraws), move |(count, _)| {
            label_openers(*count)
        });
    }
    // The report as the page shows it now, read once a render and shared with 我的意见.
    let report = Rc::new(page::shown_report());
    let anchors = Anchors::new(&report);
    html! {
        <>
            { views::views(&state, &anchors) }
            <editor::Editor state={state.clone()} />
            <panel::Panel state={state.clone()} report={report.clone()} />
            if state.alert {
                { alert::alert(&state) }
            }
            if !state.panel {
                { said(&state.said, Some("notes-live"), "visually-hidden", "notes-live") }
            }
        </>
    }
}

/// A live region (`role=status`) that reads out what was last said. Every other time the
/// words end in a no-break space, so that the same words said twice change the region and
/// are read out twice.
pub(crate) fn said(
    said: &(u32, String),
    id: Option<&'static str>,
    class: &'static str,
    testid: &'static str,
) -> Html {
    let (count, words) = said;
    let words = if count % 2 == 1 && !words.is_empty() {
        format!("{words}\u{a0}")
    } else {
        words.clone()
    };
    html! {
        <p id={id} class={class} role="status" data-testid={testid}>{ words }</p>
    }
}

/// The reader's selection inside paragraph `p`, if any.
fn selection_in(p: &Element) -> Option<String> {
    let selection = window().get_selection().ok().flatten()?;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let inside = range
        .common_ancestor_container()
        .ok()
        .is_some_and(|c| p.contains(Some(&c)));
    inside.then(|| String::from(selection.to_string()))
}

/// Opens the modal `dialog` when `open` and it is not open yet, closes it when not `open`;
/// true when it has just opened (the caller then moves the focus into it).
pub(crate) fn sync_modal(dialog: &NodeRef, open: bool) -> bool {
    let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() else {
        return false;
    };
    if open && !dialog.open() {
        return dialog.show_modal().is_ok();
    }
    if !open && dialog.open() {
        dialog.close();
    }
    false
}

/// A link that downloads, as the file `name`, what `make` returns when it is pressed (a
/// `data:` address, so that nothing is fetched).
pub(crate) fn download(
    label: &'static str,
    name: String,
    kind: &'static str,
    testid: &'static str,
    make: Callback<(), String>,
) -> Html {
    let onclick = Callback::from(move |event: MouseEvent| {
        if let Some(a) = event_element(&event, "a") {
            let href = format!(
                "data:{kind};charset=utf-8,{}",
                js_sys::encode_uri_component(&make.emit(()))
            );
            let _ = a.set_attribute("href", &href);
        }
    });
    let onblur = Callback::from(|event: FocusEvent| {
        if let Some(a) = event_element(&event, "a") {
            let _ = a.set_attribute("href", "#");
        }
    });
    html! {
        <a class="control" href="#" download={name} data-testid={testid} {onclick} {onblur}>
            { label }
        </a>
    }
}
