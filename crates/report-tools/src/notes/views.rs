//! The notes under their paragraphs: one host per paragraph with notes, right after the
//! paragraph's row of actions (写意见 / 复制引用), and the notes drawn into it through a portal.
//! A host no longer needed is removed; a host whose paragraph is drawn anew by the page is
//! placed anew. A note shows its quote, its text, 编辑, 删除 (which asks once more: 确认删除,
//! disarmed by Esc or by the focus leaving it) and 全部意见.

use gloo::utils::document;
use report_core::notes::{quoted, Anchors, Note};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use super::state::{NotesAction, Where};
use super::{NotesHandle, HOST};
use crate::page;
use report_core::markup as dom;

/// The host after `paragraph`'s actions, made when there is none.
fn host_after(paragraph: &Element) -> Option<Element> {
    let after = page::actions_of(paragraph);
    if let Some(next) = after
        .next_element_sibling()
        .filter(|n| n.class_list().contains(HOST))
    {
        return Some(next);
    }
    let host = document().create_element("div").ok()?;
    host.set_class_name(HOST);
    let _ = host.set_attribute(dom::CHROME, "");
    after.after_with_node_1(&host).ok()?;
    Some(host)
}

/// The notes shown under one paragraph: its position in the report, its element, its section
/// and index, and its notes in order.
struct Group<'n> {
    position: usize,
    paragraph: Element,
    place: (String, usize),
    notes: Vec<&'n Note>,
}

/// The notes' views: the hosts are placed for the notes as they are placed now, then each
/// group is drawn into its host.
pub fn views(state: &NotesHandle, anchors: &Anchors) -> Html {
    // In reading order (`ordered` gives the notes so): one group per paragraph.
    let mut groups: Vec<Group> = Vec::new();
    for entry in anchors.ordered(&state.notes) {
        let Some(place) = entry.place else {
            continue;
        };
        let Some(paragraph) = page::paragraphs(&place.section)
            .into_iter()
            .nth(place.paragraph)
        else {
            continue;
        };
        match groups.iter_mut().find(|g| g.position == place.position) {
            Some(group) => group.notes.push(entry.note),
            None => groups.push(Group {
                position: place.position,
                paragraph,
                place: (place.section.clone(), place.paragraph),
                notes: vec![entry.note],
            }),
        }
    }
    let mut hosts = Vec::new();
    for Group {
        paragraph,
        place,
        notes,
        ..
    } in &groups
    {
        if let Some(host) = host_after(paragraph) {
            hosts.push((host, place.clone(), notes.clone()));
        }
    }
    // Hosts left from an earlier placing go.
    for old in page::all(&document(), &format!(".{HOST}")) {
        if !hosts.iter().any(|(h, _, _)| *h == old) {
            old.remove();
        }
    }
    hosts
        .into_iter()
        .map(|(host, place, notes)| {
            let views = html! { <>{ for notes.iter().map(|n| view(state, n, &place)) }</> };
            create_portal(views, host)
        })
        .collect()
}

/// One note under its paragraph.
fn view(state: &NotesHandle, note: &Note, place: &(String, usize)) -> Html {
    let id = note.id.clone();
    let edit = {
        let (state, id) = (state.clone(), id.clone());
        Callback::from(move |event: MouseEvent| {
            super::opened_by(&event);
            state.dispatch(NotesAction::Edit(id.clone()))
        })
    };
    let all = {
        let state = state.clone();
        Callback::from(move |event: MouseEvent| {
            super::opened_by(&event);
            state.dispatch(NotesAction::OpenPanel)
        })
    };
    html! {
        <article key={note.id.clone()} class="note" id={format!("note-{}", note.id)}
            aria-label="我的意见" data-testid="note">
            <p class="note__label">{ "我的意见" }</p>
            if !note.quote.is_empty() {
                <blockquote class="note__quote">{ quoted(note) }</blockquote>
            }
            <p class="note__text">{ note.text.clone() }</p>
            <p class="note__actions">
                <button type="button" class="copy-button" onclick={edit}>{ "编辑" }</button>
                { delete_button(state, Where::Text, &id, {
                    let (section, paragraph) = place.clone();
                    Callback::from(move |()| focus_write_button(&section, paragraph))
                }) }
                <button type="button" class="copy-button" onclick={all}>{ "全部意见" }</button>
            </p>
        </article>
    }
}

/// 删除, which asks once more (确认删除); Esc or the focus leaving it disarms it. Once the
/// note is deleted, `deleted` moves the focus on (the button is gone).
pub fn delete_button(state: &NotesHandle, place: Where, id: &str, deleted: Callback<()>) -> Html {
    let armed = state.armed.as_ref() == Some(&(place, id.to_string()));
    let onclick = {
        let (state, id) = (state.clone(), id.to_string());
        Callback::from(move |_| {
            state.dispatch(NotesAction::Delete(place, id.clone()));
            if armed {
                // Once the notes are drawn without it.
                let deleted = deleted.clone();
                gloo::timers::callback::Timeout::new(0, move || deleted.emit(())).forget();
            }
        })
    };
    let onblur = {
        let state = state.clone();
        Callback::from(move |_| {
            if armed {
                state.dispatch(NotesAction::Disarm { said: false });
            }
        })
    };
    let onkeydown = {
        let state = state.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" && armed {
                event.stop_propagation();
                state.dispatch(NotesAction::Disarm { said: true });
            }
        })
    };
    html! {
        <button type="button" class="copy-button note__delete" {onclick} {onblur} {onkeydown}>
            { if armed { "确认删除" } else { "删除" } }
        </button>
    }
}

/// After a note was deleted under its paragraph: the focus to that paragraph's 写意见.
pub fn focus_write_button(section: &str, paragraph: usize) {
    let selector = format!(
        "[{}='{section}'][{}='{paragraph}']",
        dom::NOTE_SECTION,
        dom::NOTE_PARAGRAPH
    );
    if let Ok(Some(button)) = document().query_selector(&selector) {
        if let Some(b) = button.dyn_ref::<web_sys::HtmlElement>() {
            let _ = b.focus();
        }
    }
}
