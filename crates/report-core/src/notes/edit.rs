//! Writing, changing and deleting a note, as pure operations on the list of notes. The clock
//! and the randomness of a new id are the caller's.

use super::js::{len16, trim};
use super::{Note, MAX_TEXT};

/// Where a new note goes: made by [`Anchors::draft`](super::Anchors::draft) when the reader
/// presses 写意见 on a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The paragraph's section id.
    pub section: String,
    /// The paragraph's index in its section (`data-note-paragraph`).
    pub paragraph: u32,
    /// The reader's selection, else the paragraph's start.
    pub quote: String,
    /// The quote is the start of a longer paragraph.
    pub cut: bool,
    /// The section's heading path.
    pub heading: String,
}

/// Why a note was not written or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditError {
    /// The text is empty (or only whitespace).
    Empty,
    /// The text is over [`MAX_TEXT`] UTF-16 units.
    TooLong,
    /// No note has this id.
    NotFound,
    /// Another note has this id already (make a new one).
    DuplicateId,
    /// The note would break a rule of stored data (an id of 0 or over 100 units, a section
    /// id or a quote too long), so it could not be read back.
    Invalid,
}

impl EditError {
    /// What the reader is told.
    pub fn message(self) -> &'static str {
        use super::text;
        match self {
            EditError::Empty => text::EMPTY_NOTE,
            EditError::TooLong => text::TOO_LONG,
            EditError::NotFound => text::NOT_FOUND,
            EditError::DuplicateId | EditError::Invalid => text::NOT_SAVED,
        }
    }
}

/// A new note's id as notes.js made them: the time in milliseconds since 1970 in base 36, a
/// hyphen, and six base-36 digits of `random` (`"lvx3k2p0-4fzq1a"`).
pub fn new_id(millis: u64, random: u32) -> String {
    let mut id = base36(u128::from(millis), 1);
    id.push('-');
    id.push_str(&base36(u128::from(random) % 36u128.pow(6), 6));
    id
}

/// `n` in base 36 (digits and lowercase letters), at least `width` digits.
fn base36(mut n: u128, width: usize) -> String {
    let mut digits = Vec::new();
    while n > 0 || digits.len() < width {
        let d = (n % 36) as u32;
        digits.push(char::from_digit(d, 36).unwrap_or('0'));
        n /= 36;
    }
    digits.iter().rev().collect()
}

/// The text of a note as saved: trimmed, not empty, at most [`MAX_TEXT`] units.
fn checked(text: &str) -> Result<&str, EditError> {
    let text = trim(text);
    if text.is_empty() {
        Err(EditError::Empty)
    } else if len16(text) > MAX_TEXT {
        Err(EditError::TooLong)
    } else {
        Ok(text)
    }
}

/// Writes a new note at `draft` with `text` (trimmed), the id `id` (see [`new_id`]) and the
/// time `now` (ISO 8601) as both `created` and `updated`, at the end of `notes`.
pub fn add(
    notes: &mut Vec<Note>,
    draft: &Draft,
    text: &str,
    id: String,
    now: &str,
) -> Result<(), EditError> {
    let text = checked(text)?;
    if notes.iter().any(|n| n.id == id) {
        return Err(EditError::DuplicateId);
    }
    let note = Note {
        id,
        section: draft.section.clone(),
        paragraph: draft.paragraph,
        quote: draft.quote.clone(),
        cut: draft.cut,
        heading: draft.heading.clone(),
        text: text.to_owned(),
        created: now.to_owned(),
        updated: now.to_owned(),
    };
    if !note.is_valid() {
        return Err(EditError::Invalid);
    }
    notes.push(note);
    Ok(())
}

/// Changes the text of the note `id` to `text` (trimmed), updated at `now`.
pub fn edit(notes: &mut [Note], id: &str, text: &str, now: &str) -> Result<(), EditError> {
    let text = checked(text)?;
    let note = notes
        .iter_mut()
        .find(|n| n.id == id)
        .ok_or(EditError::NotFound)?;
    note.text = text.to_owned();
    note.updated = now.to_owned();
    Ok(())
}

/// Deletes the note `id`; false when there was none.
pub fn delete(notes: &mut Vec<Note>, id: &str) -> bool {
    let before = notes.len();
    notes.retain(|n| n.id != id);
    notes.len() != before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_look_like_those_of_notes_js() {
        // Date.now() of 2024-05-01T08:30:00.000Z is 1714552200000.
        assert_eq!(new_id(1_714_552_200_000, 0), "lvnk40g0-000000");
        assert_eq!(
            new_id(1_714_552_200_000, 36u32.pow(6) + 35),
            "lvnk40g0-00000z"
        );
        assert_eq!(new_id(0, 1), "0-000001");
    }
}
