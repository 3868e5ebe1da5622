//! 我的意见: a modal `<dialog>` listing the reader's notes in reading order (看原文, 编辑,
//! 删除), those whose passage is not in the shown report last (原文中找不到的意见); the damaged
//! data kept aside (保存原始数据 / 不再保留); and the exports — 复制全部文字 (with the text shown
//! selected to copy by hand where the clipboard refuses), Markdown, JSON — and 导入 JSON, which
//! merges a file of notes by their ids.

use gloo::utils::{document, window};
use std::rc::Rc;

use report_core::notes::{self, quoted, text, Anchors, Entry};
use report_core::Report;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDialogElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::state::{NotesAction, Where};
use super::{download, NotesHandle};
use crate::page;

/// The id of the list's title (focused when it opens and after changes inside it).
const TITLE_ID: &str = "notes-panel-title";

/// Moves the focus to 我的意见's title.
pub fn focus_title() {
    if let Some(title) = document().get_element_by_id(TITLE_ID) {
        page::focus(&title);
    }
}

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub state: NotesHandle,
    /// The report as the page shows it (read by the notes' app at each render).
    pub report: Rc<Report>,
}

/// Today as the exports write it (`2026年12月6日`).
fn today() -> String {
    let now = js_sys::Date::new_0();
    notes::date_label(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
}

#[function_component]
pub fn Panel(props: &PanelProps) -> Html {
    let state = &props.state;
    let dialog = use_node_ref();
    let by_hand = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with(state.panel, move |open| {
            if super::sync_modal(&dialog, *open) {
                focus_title();
            }
        });
    }
    // The text to copy by hand, selected once it is shown.
    {
        let by_hand = by_hand.clone();
        use_effect_with(state.by_hand.clone(), move |text| {
            if let (Some(_), Some(area)) = (text, by_hand.cast::<HtmlTextAreaElement>()) {
                let _ = area.focus();
                area.select();
            }
        });
    }
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_| {
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    let onclose = {
        let state = state.clone();
        Callback::from(move |_| {
            if state.panel {
                state.dispatch(NotesAction::ClosePanel);
            }
            if let Some(back) = super::opener() {
                page::focus(&back);
            }
        })
    };
    let anchors = Anchors::new(&props.report);
    let entries = anchors.ordered(&state.notes);
    let (placed, detached): (Vec<&Entry>, Vec<&Entry>) =
        entries.iter().partition(|e| !e.is_detached());
    let title = state.title.clone();
    let plain = {
        let (title, notes, report) = (title.clone(), state.notes.clone(), props.report.clone());
        move || notes::plain_text(&title, &Anchors::new(&report), &notes, &today())
    };
    let copy_all = {
        let (state, plain) = (state.clone(), plain.clone());
        Callback::from(move |_| {
            let text = plain();
            let count = state.notes.len();
            let state = state.clone();
            crate::page::copy_text(text.clone(), move |copied| {
                if copied {
                    state.dispatch(NotesAction::ByHand(None));
                    state.dispatch(NotesAction::Say(notes::text::copied(count)));
                } else {
                    state.dispatch(NotesAction::ByHand(Some(text)));
                    state.dispatch(NotesAction::Say(text::COPY_BY_HAND.into()));
                }
            });
        })
    };
    let markdown = {
        let (title, notes, report) = (title.clone(), state.notes.clone(), props.report.clone());
        Callback::from(move |()| notes::markdown(&title, &Anchors::new(&report), &notes, &today()))
    };
    let json = {
        let (title, notes) = (title.clone(), state.notes.clone());
        Callback::from(move |()| notes::json(&title, &notes, &super::now()))
    };
    let import = {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let file = input.files().and_then(|f| f.get(0));
            input.set_value("");
            if let Some(file) = file {
                import_file(file, state.clone());
            }
        })
    };
    let item = |entry: &Entry| {
        let note = entry.note;
        let id = note.id.clone();
        let edit = {
            let (state, id) = (state.clone(), id.clone());
            Callback::from(move |event: MouseEvent| {
                super::opened_by(&event);
                state.dispatch(NotesAction::Edit(id.clone()));
            })
        };
        let go = entry.place.as_ref().map(|place| {
            let (close, id) = (close.clone(), id.clone());
            let onclick = Callback::from(move |event: MouseEvent| {
                close.emit(event);
                // After the app has gone to the section: the quoted paragraph at the top of the
                // screen (under the bar; its note follows it), not the section's heading.
                let id = id.clone();
                gloo::timers::callback::Timeout::new(300, move || {
                    let paragraph = document()
                        .get_element_by_id(&format!("note-{id}"))
                        .and_then(|view| view.closest(&format!(".{}", super::HOST)).ok().flatten())
                        .and_then(|host| host.previous_element_sibling())
                        .and_then(|actions| actions.previous_element_sibling());
                    if let Some(paragraph) = paragraph {
                        let options = web_sys::ScrollIntoViewOptions::new();
                        options.set_block(web_sys::ScrollLogicalPosition::Start);
                        paragraph.scroll_into_view_with_scroll_into_view_options(&options);
                    }
                })
                .forget();
            });
            html! {
                <a class="copy-button" href={format!("#{}", place.section)} {onclick}>{ "看原文" }</a>
            }
        });
        html! {
            <li key={id.clone()} class="notes-panel__item"
                data-testid={if entry.is_detached() { "notes-detached" } else { "notes-item" }}>
                <p class="notes-panel__where">{ entry.location.clone() }</p>
                if !note.quote.is_empty() {
                    <blockquote class="note__quote">{ quoted(note) }</blockquote>
                }
                <p class="note__text">{ note.text.clone() }</p>
                <p class="note__actions">
                    { for go }
                    <button type="button" class="copy-button" onclick={edit}>{ "编辑" }</button>
                    { super::views::delete_button(state, Where::Panel, &id, Callback::from(|()| focus_title())) }
                </p>
            </li>
        }
    };
    let damaged = state.damaged.clone().map(|raw| {
        let forget = {
            let state = state.clone();
            Callback::from(move |_| {
                if let Some(storage) = window().local_storage().ok().flatten() {
                    let _ = storage.remove_item(&notes::damaged_key(&state.title));
                }
                state.dispatch(NotesAction::Forgotten);
            })
        };
        html! {
            <div class="notes-panel__damaged" role="alert" data-testid="notes-damaged">
                <p>{ text::DAMAGED_NOTICE }</p>
                <p class="notes-panel__actions">
                    { save_damaged(raw, "notes-damaged-save") }
                    <button type="button" class="control" onclick={forget}>{ "不再保留" }</button>
                </p>
            </div>
        }
    });
    html! {
        <dialog ref={dialog} class="notes-panel" aria-labelledby={TITLE_ID}
            data-testid="notes-panel" {onclose} onkeydown={super::editor::keep_escape()}>
            if state.panel {
                <div class="notes-panel__head">
                    <h2 class="notes-panel__title" id={TITLE_ID} tabindex="-1">
                        { text::panel_title(state.notes.len()) }
                    </h2>
                    <button type="button" class="control" onclick={close.clone()}>{ "关闭" }</button>
                </div>
                <p class="notes-panel__intro">{ text::panel_intro(&title) }</p>
                { for damaged }
                if state.notes.is_empty() {
                    <p class="notes-panel__empty">{ text::NO_NOTES }</p>
                }
                if !placed.is_empty() {
                    <ol class="notes-panel__list">{ for placed.iter().map(|e| item(e)) }</ol>
                }
                if !detached.is_empty() {
                    <h3 class="notes-panel__subtitle">{ text::detached_title(detached.len()) }</h3>
                    <p class="notes-panel__intro">{ text::DETACHED_INTRO }</p>
                    <ol class="notes-panel__list">{ for detached.iter().map(|e| item(e)) }</ol>
                }
                <div class="notes-panel__tools">
                    <h3 class="notes-panel__subtitle">{ "导出和导入" }</h3>
                    <p class="notes-panel__actions">
                        <button type="button" class="control" data-testid="notes-copy"
                            onclick={copy_all}>{ "复制全部文字" }</button>
                        { download("下载 Markdown", notes::file_name(&title, "md"), "text/markdown",
                            "notes-markdown", markdown) }
                        { download("下载 JSON（可导入）", notes::file_name(&title, "json"),
                            "application/json", "notes-json", json) }
                        <label class="control notes-panel__import">
                            { "导入 JSON" }
                            <input type="file" class="visually-hidden" accept=".json,application/json"
                                data-testid="notes-import" onchange={import} />
                        </label>
                    </p>
                    <textarea ref={by_hand} class="notes-panel__manual" readonly=true
                        hidden={state.by_hand.is_none()}
                        value={state.by_hand.clone().unwrap_or_default()}
                        aria-label="全部意见的文字，可全选后复制" data-testid="notes-text" />
                </div>
                { super::said(&state.said, None, "notes-panel__status", "notes-status") }
            }
        </dialog>
    }
}

/// 保存原始数据: the raw stored text that could not be read, as a file.
pub fn save_damaged(raw: String, testid: &'static str) -> Html {
    download(
        "保存原始数据",
        notes::DAMAGED_FILE_NAME.to_string(),
        "text/plain",
        testid,
        Callback::from(move |()| raw.clone()),
    )
}

/// Reads a file of notes and merges it into this report's notes.
fn import_file(file: web_sys::File, state: NotesHandle) {
    if notes::import::check_size(file.size() as u64).is_err() {
        state.dispatch(NotesAction::Say(text::IMPORT_TOO_LARGE.into()));
        return;
    }
    yew::platform::spawn_local(async move {
        let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
            .await
            .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec());
        let Ok(bytes) = bytes else {
            state.dispatch(NotesAction::Say(text::IMPORT_UNREADABLE.into()));
            return;
        };
        let mut merged = state.notes.clone();
        let result = notes::import_file(&mut merged, &state.title, &bytes).map_err(|e| e.message());
        state.dispatch(NotesAction::Imported(result, merged));
    });
}
