//! Reading and writing the stored notes: what to make of the raw text in local storage, what
//! to write back, and the one rule of writing: never over data that could not be read.
//!
//! The decisions only; the page does the storage calls. On start (`load()` of notes.js):
//!
//! 1. `let stored = read_stored(raw)` with the raw value under [`storage_key`](super::storage_key)
//!    (`""` when there is none).
//! 2. When `stored.damaged`: write `raw` under [`damaged_key`](super::damaged_key). If that
//!    fails (storage full), leave everything as it is and keep `raw` as the damaged data in
//!    memory: [`save`] will then refuse to write over it. Else apply
//!    [`Stored::rewrite`] to the notes key (the notes that could be read stay).
//! 3. The damaged data is then what the damaged key holds (this time's or an earlier one):
//!    offered as a file ([`DAMAGED_FILE_NAME`](super::DAMAGED_FILE_NAME)) until the reader
//!    lets it go (不再保留).

use super::js::Loose;
use super::{Document, Note, VERSION};

/// What the stored text holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stored {
    /// The notes that could be read, in stored order (all of them when not damaged).
    pub notes: Vec<Note>,
    /// The raw text must be kept aside as damaged: it is not JSON, not an object of version
    /// [`VERSION`] with a `notes` array, or some of its notes are invalid.
    pub damaged: bool,
}

/// What to do with a local storage key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    /// Set it to this text.
    Set(String),
    /// Remove it (no notes left).
    Remove,
}

/// Why the notes were not saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveError {
    /// Storage is not available, or the key still holds the damaged data that could not be
    /// kept aside: it is never written over.
    Refused,
    /// Writing failed (storage full): the page reports this one.
    Full,
}

impl SaveError {
    /// What the reader is told.
    pub fn message(self) -> &'static str {
        match self {
            SaveError::Refused => super::text::SAVE_REFUSED,
            SaveError::Full => super::text::STORAGE_FULL,
        }
    }
}

/// Reads the raw stored text (`load()` of notes.js). An empty text is nothing stored (no
/// notes, not damaged). Invalid notes are left out and make the whole damaged, so that the
/// raw text is kept aside; the valid ones are read all the same.
pub fn read_stored(raw: &str) -> Stored {
    if raw.is_empty() {
        return Stored::default();
    }
    let damaged = Stored {
        notes: Vec::new(),
        damaged: true,
    };
    let Some(v) = Loose::parse(raw) else {
        return damaged;
    };
    if v.get("version") != Some(&Loose::Num(f64::from(VERSION))) {
        return damaged;
    }
    let Some(Loose::Array(items)) = v.get("notes") else {
        return damaged;
    };
    let notes: Vec<Note> = items.iter().filter_map(Note::from_loose).collect();
    Stored {
        damaged: notes.len() != items.len(),
        notes,
    }
}

impl Stored {
    /// What to write under the notes key once the raw text is safely kept aside: `None` when
    /// it was not damaged (nothing to write), else the notes that could be read (or a removal
    /// when there are none).
    pub fn rewrite(&self, title: &str) -> Option<Write> {
        self.damaged.then(|| to_stored(title, &self.notes))
    }
}

/// The stored form of `notes` (compact JSON, as `JSON.stringify` writes it), or a removal
/// when there are none.
pub fn to_stored(title: &str, notes: &[Note]) -> Write {
    if notes.is_empty() {
        return Write::Remove;
    }
    let doc = Document {
        version: VERSION,
        report: title,
        exported: None,
        notes,
    };
    // Serializing strings and numbers cannot fail.
    Write::Set(serde_json::to_string(&doc).unwrap_or_default())
}

/// What to write to save `notes` (`save()` of notes.js), given what the notes key holds now
/// (`current`) and the damaged data in force (`damaged`): refused when the key still holds
/// that damaged data, which is never written over. A page without storage reports
/// [`SaveError::Refused`] itself.
pub fn save(
    title: &str,
    notes: &[Note],
    current: Option<&str>,
    damaged: Option<&str>,
) -> Result<Write, SaveError> {
    if damaged.is_some() && current == damaged {
        return Err(SaveError::Refused);
    }
    Ok(to_stored(title, notes))
}
