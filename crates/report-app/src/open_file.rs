//! Opening a report in the browser (effects): a file chosen or dropped goes to the reading
//! worker (`src/bin/report-reader.rs`), which reads its bytes, decodes them by the rules of
//! `report_core::decode` with the browser's `TextDecoder`, and reads a report file (`.json`,
//! trusting none of its figures) or parses the text of a report; it answers with a report file
//! of its own, with the figures it found, which this thread reads with [`file::read_own`]
//! (each figure checked against the text at its place). Nothing is uploaded anywhere. Also the
//! recent list's storage (`report_core::recent`); a report kept there by an earlier version, in
//! a file without its figures (schema 1), goes through the worker again when it is opened.
//!
//! One worker reads every file (see `Reader`); it is started when the reader presses 打开报告
//! (and warmed on the shown report's text while a file is picked) or drags a file over the page.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::utils::{document, window};
use wasm_bindgen::JsCast;
use web_sys::{File, MessageEvent, Worker};
use yew::prelude::*;

use crate::shown_report::{Opened, ShownAction, ShownReport};
use report_core::file;
use report_core::markup::{OPENED_REPORT_ID, REPORT_DATA_ID};
use report_core::recent::{self, Recent};
use report_core::Content;

/// The reading worker's loader script, under the site's public address.
const WORKER_SCRIPT: &str = "report-reader-loader.js";

/// Reads `file` in the reading worker and shows it, or says why it cannot be shown (the shown
/// report stays).
pub fn open_file(file: File, dispatch: UseReducerDispatcher<ShownReport>) {
    let name = file.name();
    dispatch.dispatch(ShownAction::Reading(name.clone()));
    read_in_worker(file, move |answer| match answer {
        Ok((json, notes)) => show(json, Some(notes), name, dispatch),
        Err(message) => dispatch.dispatch(ShownAction::Failed { name, message }),
    });
}

/// Opens the recent report at `index` again.
pub fn open_recent(recent: &Recent, index: usize, dispatch: UseReducerDispatcher<ShownReport>) {
    let Some(report) = recent.reports.get(index) else {
        return;
    };
    if file::schema_of(&report.file).ok() == Some(u64::from(file::SCHEMA)) {
        return show(report.file.clone(), None, report.name.clone(), dispatch);
    }
    // Kept by an earlier version: read again, as a file, by the worker.
    let name = report.name.clone();
    let parts = js_sys::Array::of1(&report.file.as_str().into());
    match File::new_with_str_sequence(&parts, &name) {
        Ok(kept) => open_file(kept, dispatch),
        Err(_) => dispatch.dispatch(ShownAction::Failed {
            name,
            message: "浏览器没能读取这份保存的报告，请重新打开原文件。".into(),
        }),
    }
}

/// Reads the report file `json` and shows it, with the worker's notes (or, without them, the
/// file check's own).
fn show(
    json: String,
    notes: Option<Vec<String>>,
    name: String,
    dispatch: UseReducerDispatcher<ShownReport>,
) {
    match file::read_own(&json, report_core::search::terms::Terms::builtin()) {
        Ok((content, own_notes)) => {
            keep_for_exports(&json);
            // Lives as long as the page (see `shown.rs`).
            let content: &'static Content = Box::leak(Box::new(content));
            crate::effects::clear_hash();
            dispatch.dispatch(ShownAction::Opened(Opened {
                content,
                name,
                opened: today(),
                notes: notes.unwrap_or(own_notes),
                file: json,
            }));
        }
        Err(error) => dispatch.dispatch(ShownAction::Failed {
            name,
            message: error.0,
        }),
    }
}

/// Writes the report file of the report opened from a file into the page's data block for
/// it (`markup::OPENED_REPORT_ID`, a `<script type="application/json">` after `#app`, never
/// run), where the exports' module reads it.
fn keep_for_exports(file: &str) {
    let document = document();
    let block = document.get_element_by_id(OPENED_REPORT_ID).or_else(|| {
        let block = document.create_element("script").ok()?;
        block.set_id(OPENED_REPORT_ID);
        block.set_attribute("type", "application/json").ok()?;
        document.body()?.append_child(&block).ok()?;
        Some(block)
    });
    if let Some(block) = block {
        block.set_text_content(Some(file));
    }
}

/// What a file's reading comes to: the report file and the notes, or why not.
type Answer = Result<(String, Vec<String>), String>;
/// Who waits for each answer, in the order the files were posted, with the file's size.
type Waiting = Vec<(Box<dyn FnOnce(Answer)>, f64)>;

/// The reading worker of this page, started on first use and then kept: V8 first runs a
/// module's code as compiled in a hurry and replaces its busy functions with optimised code
/// while the module lives, so a worker started for each file read every file at a third of
/// the speed a kept one reaches (issue 19: 124 ms against 38 ms for a 34,000-character report).
/// A worker that has read a file over [`KEEP_AFTER`] bytes is stopped, to give back its memory.
struct Reader {
    worker: Worker,
    /// Files to post once the worker says it is ready (none after that).
    waiting: Option<Vec<File>>,
    answers: Waiting,
}

/// A file larger than this (bytes) is read, then the worker is stopped (see [`Reader`]).
const KEEP_AFTER: f64 = 1_048_576.0;

/// How much text (bytes) warms the reading worker: see [`warm_reader`].
const WARM_CHARS: usize = 90_000;

thread_local! {
    static READER: std::cell::RefCell<Option<Reader>> = const { std::cell::RefCell::new(None) };
}

/// Starts the reading worker if it is not running, so that it is loaded, and its code warmed
/// on `report`'s text, by the time the reader has chosen a file (打开报告 pressed, a file dragged over
/// the page).
pub fn warm_reader(report: Option<&report_core::Report>) {
    if READER.with_borrow(Option::is_none) {
        let text = report
            .map(report_core::Report::shown_text)
            .unwrap_or_default();
        // A short text warms little: V8 optimises a function after enough work in it. About
        // 30,000 characters (the shown report's text over and over; never shown) made the
        // first 34,000-character report read in 48–62 ms instead of 116–147 (issue 19).
        let text = text.repeat(WARM_CHARS / text.len().max(1) + 1);
        let parts = js_sys::Array::of1(&text.into());
        if let Ok(sample) = File::new_with_str_sequence(&parts, "warm.txt") {
            read_in_worker(sample, |_| ());
        }
    }
}

/// Reads `file` in the reading worker; `done` gets the report file and the notes, or why not.
fn read_in_worker(file: File, done: impl FnOnce(Answer) + 'static) {
    const NOT_LOADED: &str = "读取程序没有加载成功，请检查网络后再试。";
    let size = file.size();
    let done: Box<dyn FnOnce(Answer)> = Box::new(done);
    // Whether giving the file to the worker failed.
    let mut not_posted = false;
    // The worker, started if need be; or, when it cannot be, `done` back.
    let not_started = READER.with_borrow_mut(|slot| {
        let reader = match slot {
            Some(reader) => reader,
            None => {
                let base = document()
                    .get_element_by_id(REPORT_DATA_ID)
                    .and_then(|block| block.get_attribute("data-base"))
                    .unwrap_or_else(|| "./".into());
                let Ok(worker) = Worker::new(&format!("{base}{WORKER_SCRIPT}")) else {
                    return Some(done);
                };
                listen(&worker);
                slot.insert(Reader {
                    worker,
                    waiting: Some(Vec::new()),
                    answers: Vec::new(),
                })
            }
        };
        reader.answers.push((done, size));
        match &mut reader.waiting {
            Some(files) => files.push(file),
            None => not_posted |= reader.worker.post_message(&file).is_err(),
        }
        None
    });
    if let Some(done) = not_started {
        return done(Err(NOT_LOADED.into()));
    }
    // A file the worker could not be given: nobody waits for an answer that never comes.
    if not_posted {
        fail_all(NOT_LOADED);
    }

    /// The worker's messages: "ready", then an answer per file. Registered for the worker's
    /// life (one worker per page, or one per large file).
    fn listen(worker: &Worker) {
        EventListener::new(worker, "error", |_| fail_all(NOT_LOADED)).forget();
        EventListener::new(worker, "message", |event| {
            let Some(data) = event.dyn_ref::<MessageEvent>().map(MessageEvent::data) else {
                return;
            };
            let mut failed = false;
            let next = READER.with_borrow_mut(|reader| {
                let reader = reader.as_mut()?;
                if data.as_string().as_deref() == Some("ready") {
                    for file in reader.waiting.take().unwrap_or_default() {
                        failed |= reader.worker.post_message(&file).is_err();
                    }
                    return None;
                }
                (!reader.answers.is_empty()).then(|| reader.answers.remove(0))
            });
            if failed {
                return fail_all(NOT_LOADED);
            }
            let Some((done, size)) = next else {
                return;
            };
            if size > KEEP_AFTER {
                stop();
            }
            let answer = js_sys::Array::from(&data);
            let part = |i: u32| answer.get(i).as_string().unwrap_or_default();
            done(match part(0).as_str() {
                "ok" => Ok((part(1), part(2).lines().map(String::from).collect())),
                _ => Err(part(1)),
            });
        })
        .forget();
    }

    /// Stops the worker (it failed, or has read a large file): those still waiting are told
    /// why; the next file starts a new one.
    fn fail_all(message: &str) {
        for (done, _) in stop() {
            done(Err(message.into()));
        }
    }

    fn stop() -> Waiting {
        READER
            .with_borrow_mut(Option::take)
            .map(|reader| {
                reader.worker.terminate();
                reader.answers
            })
            .unwrap_or_default()
    }
}

/// Today in the reader's calendar, `2026年11月30日`.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{}年{}月{}日",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The session storage key naming the opened report this tab shows, so that a reload shows it
/// again (from the recent list) rather than the built-in one. One per page address: two sites
/// under two sub-paths of one host share the tab's storage.
fn shown_session_key() -> String {
    let path = window().location().pathname().unwrap_or_default();
    format!("songshi-report.shown {path}")
}

/// How the shown report is named in session storage: its file's name and its title.
fn shown_key(name: &str, title: &str) -> String {
    format!("{name}\u{1f}{title}")
}

/// What this browser remembers, read once at start-up (`main.rs`) before anything renders: the
/// recent list (or why it cannot be read), and the opened report this tab showed before a
/// reload, read again from that list. When that report cannot be had again (forgotten, too
/// large to keep, damaged), the address's `#…` — a section of that report — is dropped, so the
/// built-in report opens at its top instead of saying a part is missing.
pub fn remembered() -> (Result<Recent, String>, Option<Opened>) {
    let recent = match storage().and_then(|s| s.get_item(recent::KEY).ok().flatten()) {
        Some(stored) => Recent::parse(&stored),
        None => Ok(Recent::default()),
    };
    let Some(session) = window().session_storage().ok().flatten() else {
        return (recent, None);
    };
    let Some(key) = session.get_item(&shown_session_key()).ok().flatten() else {
        return (recent, None);
    };
    let restored = recent.as_ref().ok().and_then(|list| {
        let r = list
            .reports
            .iter()
            .find(|r| shown_key(&r.name, &r.title) == key)?;
        let (content, _) =
            file::read_own(&r.file, report_core::search::terms::Terms::builtin()).ok()?;
        keep_for_exports(&r.file);
        Some(Opened {
            content: Box::leak(Box::new(content)),
            name: r.name.clone(),
            opened: r.opened.clone(),
            notes: Vec::new(),
            file: r.file.clone(),
        })
    });
    if restored.is_none() {
        let _ = session.remove_item(&shown_session_key());
        crate::effects::clear_hash();
    }
    (recent, restored)
}

/// Writes what the browser remembers when it changes: the recent list when the reader changed
/// it (never just for having read it: damaged data stays until a report is opened or
/// forgotten), and, in session storage, which opened report this tab shows (see
/// [`remembered`]).
#[hook]
pub fn use_remember(shown: UseReducerHandle<ShownReport>) {
    let key = match (&shown.origin, shown.shown) {
        (crate::shown_report::Origin::File { name, .. }, Ok(content)) => {
            Some(shown_key(name, &content.report.title))
        }
        _ => None,
    };
    let dispatch = shown.dispatcher();
    let recent = shown.recent.clone();
    use_effect_with((shown.recent_changes, key), move |(changes, shown)| {
        if *changes > 0 {
            let saved =
                storage().is_some_and(|s| s.set_item(recent::KEY, &recent.to_json()).is_ok());
            if !saved {
                dispatch.dispatch(ShownAction::NotSaved);
            }
        }
        if let Some(session) = window().session_storage().ok().flatten() {
            let _ = match shown {
                Some(key) => session.set_item(&shown_session_key(), key),
                None => session.remove_item(&shown_session_key()),
            };
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
                            warm_reader(None);
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
