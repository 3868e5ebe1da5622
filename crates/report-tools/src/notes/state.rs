//! The notes' state as a pure reducer over `report_core::notes`: the notes of the shown report,
//! the damaged data kept aside, what the editor and 我的意见 are doing, which 删除 waits for
//! its 确认删除, and what was last said to the reader. Storage and the page are effects
//! (`mod.rs`) that dispatch [`NotesAction`]s; `tests` below check the reducer natively.

use std::rc::Rc;

use report_core::notes::{self, text, Draft, Note};
use yew::Reducible;

/// What the editor is writing.
#[derive(Debug, Clone, PartialEq)]
pub enum Editing {
    /// A new note on a paragraph.
    New(Draft),
    /// Another text for the note with this id.
    Note(String),
}

/// Where a 删除 button is: under its paragraph, or in 我的意见.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Where {
    Text,
    Panel,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct NotesState {
    /// The shown report's title: its notes are kept under it.
    pub title: String,
    pub notes: Vec<Note>,
    /// The raw stored text that could not be read, kept aside (offered as a file).
    pub damaged: Option<String>,
    /// Damage found on this visit: a message floats until the reader answers it.
    pub alert: bool,
    pub editing: Option<Editing>,
    /// 我的意见 is open.
    pub panel: bool,
    /// The 删除 that was pressed once and asks for 确认删除.
    pub armed: Option<(Where, String)>,
    /// What was last said (read out by the live region), with a count so that the same words
    /// said twice are read twice.
    pub said: (u32, String),
    /// Changes when the notes change (the storage effect writes them then) …
    pub changes: u32,
    /// … and when the page's report was drawn again (the notes are placed again).
    pub redraws: u32,
    /// The text of all notes shown to copy by hand, where the clipboard refused.
    pub by_hand: Option<String>,
    /// Words written in the editor and not saved (closed with Esc or 取消), by what was being
    /// written ([`Editing::key`]): the editor opens with them again, so nothing typed is lost.
    pub drafts: Vec<(String, String)>,
}

impl Editing {
    /// What a draft of this editing is kept under: the paragraph of a new note, or the note.
    pub fn key(&self) -> String {
        match self {
            Editing::New(draft) => format!("new {} {}", draft.section, draft.paragraph),
            Editing::Note(id) => format!("note {id}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum NotesAction {
    /// The notes of the report `title` as read from storage.
    Loaded {
        title: String,
        notes: Vec<Note>,
        damaged: Option<String>,
        /// Damage found just now (not an earlier visit's).
        fresh: bool,
    },
    Write(Draft),
    Edit(String),
    /// The editor closed without saving, with the words it held.
    Cancel(String),
    /// The editor's text, saved with a new id for a new note, at `now` (ISO 8601).
    Save {
        text: String,
        id: String,
        now: String,
    },
    Delete(Where, String),
    /// The 删除 lost its focus or Esc was pressed (`said`: say it was not deleted).
    Disarm {
        said: bool,
    },
    OpenPanel,
    ClosePanel,
    /// An imported file's notes merged, or why not.
    Imported(Result<notes::ImportSummary, String>, Vec<Note>),
    /// 不再保留: the damaged data is let go.
    Forgotten,
    /// The floating message about damaged data is answered.
    AlertDone,
    Say(String),
    Redrawn,
    ByHand(Option<String>),
}

impl NotesState {
    fn say(&mut self, words: impl Into<String>) {
        self.said = (self.said.0 + 1, words.into());
    }

    pub fn apply(&mut self, action: NotesAction) {
        match action {
            NotesAction::Loaded {
                title,
                notes,
                damaged,
                fresh,
            } => {
                *self = NotesState {
                    title,
                    notes,
                    alert: fresh && damaged.is_some(),
                    damaged,
                    said: self.said.clone(),
                    redraws: self.redraws,
                    drafts: self.drafts.clone(),
                    ..NotesState::default()
                }
            }
            NotesAction::Write(draft) => self.editing = Some(Editing::New(draft)),
            NotesAction::Edit(id) => self.editing = Some(Editing::Note(id)),
            NotesAction::Cancel(words) => {
                let Some(editing) = self.editing.take() else {
                    return;
                };
                let key = editing.key();
                self.drafts.retain(|(k, _)| *k != key);
                let saved = match &editing {
                    Editing::Note(id) => self
                        .notes
                        .iter()
                        .find(|n| &n.id == id)
                        .map(|n| n.text.as_str()),
                    Editing::New(_) => None,
                };
                if !words.trim().is_empty() && Some(words.trim()) != saved {
                    self.drafts.push((key, words));
                    self.say(text::DRAFT_KEPT);
                }
            }
            NotesAction::Save {
                text: words,
                id,
                now,
            } => {
                if let Some(key) = self.editing.as_ref().map(Editing::key) {
                    self.drafts.retain(|(k, _)| *k != key);
                }
                let done = match self.editing.take() {
                    Some(Editing::New(draft)) => {
                        notes::add(&mut self.notes, &draft, &words, id, &now).map(|_| text::SAVED)
                    }
                    Some(Editing::Note(id)) => {
                        notes::edit(&mut self.notes, &id, &words, &now).map(|_| text::EDITED)
                    }
                    None => return,
                };
                match done {
                    Ok(said) => {
                        self.changes += 1;
                        self.say(said);
                    }
                    Err(e) => self.say(e.message()),
                }
            }
            NotesAction::Delete(place, id) => {
                if self.armed.as_ref() != Some(&(place, id.clone())) {
                    self.armed = Some((place, id));
                    self.say(text::CONFIRM_DELETE);
                } else {
                    self.armed = None;
                    if notes::delete(&mut self.notes, &id) {
                        self.changes += 1;
                    }
                    self.say(text::DELETED);
                }
            }
            NotesAction::Disarm { said } => {
                if self.armed.take().is_some() && said {
                    self.say(text::NOT_DELETED);
                }
            }
            NotesAction::OpenPanel => {
                self.panel = true;
                self.by_hand = None;
                // 我的意见's status says only what is done while it is open.
                self.said = (self.said.0 + 1, String::new());
            }
            NotesAction::ClosePanel => {
                self.panel = false;
                self.armed = None;
            }
            NotesAction::Imported(result, merged) => match result {
                Ok(summary) => {
                    self.notes = merged;
                    self.changes += 1;
                    self.say(summary.message());
                }
                Err(message) => self.say(message),
            },
            NotesAction::Forgotten => {
                self.damaged = None;
                self.alert = false;
                self.say(text::DAMAGED_CLEARED);
            }
            NotesAction::AlertDone => self.alert = false,
            NotesAction::Say(words) => self.say(words),
            NotesAction::Redrawn => self.redraws += 1,
            NotesAction::ByHand(text) => self.by_hand = text,
        }
    }
}

impl Reducible for NotesState {
    type Action = NotesAction;

    fn reduce(self: Rc<Self>, action: NotesAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> Draft {
        Draft {
            section: "sec-1-1".into(),
            paragraph: 0,
            quote: "开头。".into(),
            cut: false,
            heading: "一、回顾 › （一）产业".into(),
        }
    }

    fn loaded() -> NotesState {
        let mut state = NotesState::default();
        state.apply(NotesAction::Loaded {
            title: "某县报告".into(),
            notes: Vec::new(),
            damaged: None,
            fresh: false,
        });
        state
    }

    fn save(state: &mut NotesState, words: &str, id: &str) {
        state.apply(NotesAction::Save {
            text: words.into(),
            id: id.into(),
            now: "2030-01-01T00:00:00.000Z".into(),
        });
    }

    #[test]
    fn a_note_is_written_edited_and_deleted_after_asking_once_more() {
        let mut state = loaded();
        state.apply(NotesAction::Write(draft()));
        save(&mut state, "  建议加快进度。 ", "a");
        assert_eq!(state.notes[0].text, "建议加快进度。");
        assert_eq!(state.said.1, text::SAVED);
        assert_eq!((state.changes, state.editing.clone()), (1, None));

        state.apply(NotesAction::Edit("a".into()));
        save(&mut state, "改过的意见", "ignored");
        assert_eq!(state.notes[0].text, "改过的意见");
        assert_eq!(state.said.1, text::EDITED);

        state.apply(NotesAction::Delete(Where::Text, "a".into()));
        assert_eq!(state.notes.len(), 1, "asks once more");
        assert_eq!(state.said.1, text::CONFIRM_DELETE);
        state.apply(NotesAction::Delete(Where::Panel, "a".into()));
        assert_eq!(state.notes.len(), 1, "another button asks again");
        state.apply(NotesAction::Disarm { said: true });
        assert_eq!(state.said.1, text::NOT_DELETED);
        state.apply(NotesAction::Delete(Where::Text, "a".into()));
        state.apply(NotesAction::Delete(Where::Text, "a".into()));
        assert!(state.notes.is_empty());
        assert_eq!(state.said.1, text::DELETED);
    }

    #[test]
    fn words_not_saved_are_kept_for_the_next_opening() {
        let mut state = loaded();
        state.apply(NotesAction::Write(draft()));
        state.apply(NotesAction::Cancel("写了一半".into()));
        assert_eq!(
            state.drafts,
            [("new sec-1-1 0".to_string(), "写了一半".to_string())]
        );
        assert_eq!(state.said.1, text::DRAFT_KEPT);
        state.apply(NotesAction::Write(draft()));
        save(&mut state, "写完了", "a");
        assert!(state.drafts.is_empty(), "saved: no draft left");
        // Closing an edit unchanged keeps nothing; with other words, a draft.
        state.apply(NotesAction::Edit("a".into()));
        state.apply(NotesAction::Cancel("写完了".into()));
        assert!(state.drafts.is_empty());
        state.apply(NotesAction::Edit("a".into()));
        state.apply(NotesAction::Cancel("改了一半".into()));
        assert_eq!(state.drafts[0].0, "note a");
        // Nothing written: nothing kept.
        state.apply(NotesAction::Write(draft()));
        state.apply(NotesAction::Cancel("  ".into()));
        assert_eq!(state.drafts.len(), 1);
    }

    #[test]
    fn an_empty_note_is_not_saved_and_says_why() {
        let mut state = loaded();
        state.apply(NotesAction::Write(draft()));
        save(&mut state, "   ", "a");
        assert!(state.notes.is_empty());
        assert_eq!(state.changes, 0);
        assert_eq!(state.said.1, text::EMPTY_NOTE);
    }

    #[test]
    fn the_same_words_said_twice_are_said_twice() {
        let mut state = loaded();
        state.apply(NotesAction::Say("好".into()));
        let first = state.said.clone();
        state.apply(NotesAction::Say("好".into()));
        assert_ne!(state.said, first);
    }

    #[test]
    fn damage_found_now_floats_a_message_until_answered() {
        let mut state = NotesState::default();
        state.apply(NotesAction::Loaded {
            title: "某县报告".into(),
            notes: Vec::new(),
            damaged: Some("{damaged".into()),
            fresh: true,
        });
        assert!(state.alert);
        state.apply(NotesAction::AlertDone);
        assert!(!state.alert && state.damaged.is_some());
        state.apply(NotesAction::Forgotten);
        assert_eq!(state.damaged, None);
        assert_eq!(state.said.1, text::DAMAGED_CLEARED);
    }
}
