//! The editor (写审议意见 / 修改审议意见): a modal `<dialog>` with the passage's own heading, its
//! quote and a note box; 保存 and 取消 (or Esc). An empty note is not saved: the box says why.
//! When it closes the focus goes back to where the reader was: 我的意见 when it is open, else
//! the button that opened it (or, when that was drawn anew, the note's 编辑).

use report_core::notes::{quoted, text, Note, HEADING_SEPARATOR, MAX_TEXT};
use wasm_bindgen::JsCast;
use web_sys::{HtmlDialogElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::state::{Editing, NotesAction};
use super::NotesHandle;
use crate::page;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub state: NotesHandle,
}

/// The passage's own heading: the last of a heading path.
fn own_heading(path: &str) -> String {
    path.rsplit(HEADING_SEPARATOR)
        .next()
        .unwrap_or_default()
        .to_string()
}

#[function_component]
pub fn Editor(props: &EditorProps) -> Html {
    let state = &props.state;
    let dialog = use_node_ref();
    let area = use_node_ref();
    // What is being written: the title, the heading, the quote as shown and the text so far.
    let writing: Option<(&str, String, String, String)> = match &state.editing {
        Some(Editing::New(draft)) => {
            let shown = Note {
                id: String::new(),
                section: draft.section.clone(),
                paragraph: draft.paragraph,
                quote: draft.quote.clone(),
                cut: draft.cut,
                heading: draft.heading.clone(),
                text: String::new(),
                created: String::new(),
                updated: String::new(),
            };
            Some((
                text::NEW_NOTE_TITLE,
                own_heading(&draft.heading),
                quoted(&shown),
                String::new(),
            ))
        }
        Some(Editing::Note(id)) => state.notes.iter().find(|n| &n.id == id).map(|note| {
            let path = if note.heading.is_empty() {
                report_core::notes::Anchors::new(&page::shown_report()).heading_path(&note.section)
            } else {
                note.heading.clone()
            };
            (
                text::EDIT_NOTE_TITLE,
                own_heading(&path),
                quoted(note),
                note.text.clone(),
            )
        }),
        None => None,
    };
    let open = writing.is_some();
    // Words written before and not saved come back.
    let kept = state.editing.as_ref().and_then(|e| {
        let key = e.key();
        state
            .drafts
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, w)| w.clone())
    });
    let initial = kept
        .or_else(|| writing.as_ref().map(|w| w.3.clone()))
        .unwrap_or_default();
    {
        let (dialog, area) = (dialog.clone(), area.clone());
        use_effect_with((open, state.editing.clone()), move |(open, _)| {
            if super::sync_modal(&dialog, *open) {
                if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                    area.set_value(&initial);
                    area.set_custom_validity("");
                    let _ = area.focus();
                }
            }
        });
    }
    let onsubmit = {
        let (state, dialog, area) = (state.clone(), dialog.clone(), area.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(area) = area.cast::<HtmlTextAreaElement>() else {
                return;
            };
            if area.value().trim().is_empty() {
                area.set_custom_validity(text::EMPTY_NOTE);
                area.report_validity();
                let _ = area.focus();
                return;
            }
            state.dispatch(NotesAction::Save {
                text: area.value(),
                id: super::new_id(),
                now: super::now(),
            });
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    let cancel = {
        let dialog = dialog.clone();
        Callback::from(move |_| {
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    // Closed by 保存, 取消 or Esc: the editing ends and the focus goes back.
    let onclose = {
        let (state, area) = (state.clone(), area.clone());
        Callback::from(move |_| {
            let editing = state.editing.clone();
            if editing.is_some() {
                let words = area
                    .cast::<HtmlTextAreaElement>()
                    .map(|a| a.value())
                    .unwrap_or_default();
                state.dispatch(NotesAction::Cancel(words));
            }
            let panel_open = state.panel;
            gloo::timers::callback::Timeout::new(0, move || {
                if panel_open {
                    super::panel::focus_title();
                    return;
                }
                let back = super::opener().or_else(|| match editing {
                    Some(Editing::Note(id)) => gloo::utils::document()
                        .query_selector(&format!("#note-{id} .copy-button"))
                        .ok()
                        .flatten(),
                    _ => None,
                });
                if let Some(back) = back {
                    page::focus(&back);
                }
            })
            .forget();
        })
    };
    let oninput = Callback::from(|event: InputEvent| {
        if let Some(area) = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
        {
            area.set_custom_validity("");
        }
    });
    let (title, heading, quote) = writing.map(|(t, h, q, _)| (t, h, q)).unwrap_or((
        text::NEW_NOTE_TITLE,
        String::new(),
        String::new(),
    ));
    html! {
        <dialog ref={dialog} class="note-editor" aria-labelledby="note-editor-title"
            data-testid="note-editor" onclose={onclose} onkeydown={keep_escape()}>
            <form class="note-editor__form" method="dialog" {onsubmit}>
                <h2 class="note-editor__title" id="note-editor-title">{ title }</h2>
                <p class="note-editor__where" data-testid="note-editor-where">{ heading }</p>
                <blockquote class="note-editor__quote">{ quote }</blockquote>
                <label class="note-editor__label" for="note-editor-text">{ "我的意见" }</label>
                <textarea ref={area} class="note-editor__text" id="note-editor-text" rows="3"
                    maxlength={MAX_TEXT.to_string()} data-testid="note-editor-text" {oninput} />
                <p class="note-editor__actions">
                    <button type="submit" value="save" class="control note-editor__save"
                        data-testid="note-editor-save">{ "保存" }</button>
                    <button type="button" class="control" onclick={cancel}>{ "取消" }</button>
                </p>
                <p class="note-editor__hint">{ text::EDITOR_HINT }</p>
            </form>
        </dialog>
    }
}

/// Esc closes a dialog (the browser does that) and goes no further: the page's app would take
/// it as closing the outline drawer too.
pub fn keep_escape() -> Callback<KeyboardEvent> {
    Callback::from(|event: KeyboardEvent| {
        if event.key() == "Escape" {
            event.stop_propagation();
        }
    })
}
