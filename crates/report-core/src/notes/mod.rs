//! Review notes (审议意见): a reader's notes on passages of the report, kept in the browser
//! only. This is the whole model, pure and tested natively; the page draws it and does the
//! storage calls.
//!
//! A note is anchored to its section id, its paragraph's index and a quote: the passage the
//! reader had selected in the paragraph, or else the paragraph's start (see [`quote`]). When
//! the report is opened again the note goes back to that paragraph; when the paragraph moved,
//! to the paragraph of the report that contains the quote; when no paragraph contains it, the
//! note is detached: listed apart (原文中找不到的意见), never dropped (see [`anchor`]).
//!
//! Stored in local storage under [`storage_key`] as
//! `{"version":1,"report":"<title>","notes":[{"id","section","paragraph","quote","cut",
//! "heading","text","created","updated"}]}` — exactly as `static/notes.js` stored it, so that
//! what a reader wrote before keeps working, both ways. Data that cannot be read is kept
//! aside under [`damaged_key`], never written over (see [`store`]). The JSON export has the
//! same shape plus `"exported"`, and is imported by merging (see [`mod@import`]).
//!
//! Where the JavaScript's rules depend on JavaScript itself (string lengths, string order,
//! whitespace, `JSON.parse`), the rules here are JavaScript's: see `js.rs`.

use serde::de::{self, Deserialize, Deserializer};
use serde::Serialize;

pub mod anchor;
pub mod edit;
pub mod export;
pub mod import;
pub(crate) mod js;
pub mod quote;
pub mod store;
pub mod text;

pub use anchor::{Anchors, Entry, Place};
pub use edit::{add, delete, edit, new_id, Draft, EditError};
pub use export::{date_label, file_name, json, markdown, plain_text};
pub use import::{check_size, import, import_file, merge, ImportError, ImportSummary};
pub use quote::{quote_for, quoted, squeeze, Quote};
pub use store::{read_stored, save, to_stored, SaveError, Stored, Write};

use js::{len16, Loose};

/// The version of the stored and exported documents (`"version":1`). Data of any other
/// version is not read: kept aside when stored, refused when imported.
pub const VERSION: u32 = 1;

/// The local storage key of a report's notes is this followed by the report's title.
pub const KEY_PREFIX: &str = "songshi-report.notes:";

/// Stored data that could not be read is kept under this followed by the report's title.
pub const DAMAGED_KEY_PREFIX: &str = "songshi-report.notes-damaged:";

/// Most characters (Unicode scalar values, as `Array.from` counts them) in the quote taken
/// from a paragraph's start when nothing is selected.
pub const QUOTE_CHARS: usize = 40;

/// The quote of a paragraph's start ends at a punctuation mark only after this many characters
/// (else it is the first [`QUOTE_CHARS`] characters).
pub const QUOTE_MIN_CHARS: usize = 10;

/// The punctuation marks where the quote of a paragraph's start may end.
pub const QUOTE_STOPS: &str = "，、；。：！？";

/// Most UTF-16 code units kept of a selected passage (after trimming).
pub const SELECTION_UNITS: usize = 200;

/// Most UTF-16 code units in a note's text (the editor's `maxlength`; longer is invalid).
pub const MAX_TEXT: usize = 20_000;

/// Most UTF-16 code units in a note's id (at least one).
pub const MAX_ID: usize = 100;

/// Most UTF-16 code units in a note's section id.
pub const MAX_SECTION: usize = 200;

/// A note's paragraph index is below this.
pub const MAX_PARAGRAPH: u32 = 100_000;

/// Most UTF-16 code units in a note's quote.
pub const MAX_QUOTE: usize = 2_000;

/// The largest file that 导入 JSON reads, in bytes (5 MB; larger files are refused unread).
pub const MAX_IMPORT_BYTES: u64 = 5 * 1024 * 1024;

/// Between the headings of a heading path ("一、… › （一）… › 一是…").
pub const HEADING_SEPARATOR: &str = " › ";

/// The file name offered for the raw data kept aside (保存原始数据).
pub const DAMAGED_FILE_NAME: &str = "意见原始数据.txt";

/// The local storage key of the notes on the report titled `title`.
pub fn storage_key(title: &str) -> String {
    format!("{KEY_PREFIX}{title}")
}

/// The local storage key of the unreadable data kept aside for the report titled `title`.
pub fn damaged_key(title: &str) -> String {
    format!("{DAMAGED_KEY_PREFIX}{title}")
}

/// One note, with the JSON names of the stored data (serialized in this order, as
/// `static/notes.js` wrote it).
///
/// Deserializing applies the rules of reading stored or imported data (see
/// [`Note::is_valid`]): `cut` and `heading` may be missing (false, ""), anything else that
/// breaks a rule is an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// Unique among the report's notes, 1 to [`MAX_ID`] UTF-16 units (see [`new_id`]).
    pub id: String,
    /// The id of the section the note was written on (`sec-1-2-3`).
    pub section: String,
    /// The index of the paragraph in its section (as `paragraph_ranges` of the section's body
    /// counts them), below [`MAX_PARAGRAPH`].
    pub paragraph: u32,
    /// The passage quoted, as the reader saw it (may be empty).
    pub quote: String,
    /// The quote is the start of a longer paragraph (shown with ……).
    pub cut: bool,
    /// The section's heading path when the note was written (shown for a detached note).
    pub heading: String,
    /// The note itself, at most [`MAX_TEXT`] UTF-16 units.
    pub text: String,
    /// When it was written, ISO 8601 (`2024-05-01T08:30:00.000Z`), compared as a string.
    pub created: String,
    /// When it was last changed, ISO 8601, compared as a string.
    pub updated: String,
}

impl Note {
    /// Whether this note keeps every rule of stored data, so that it will be read back:
    /// id of 1 to [`MAX_ID`] UTF-16 units, section up to [`MAX_SECTION`], paragraph below
    /// [`MAX_PARAGRAPH`], quote up to [`MAX_QUOTE`], text up to [`MAX_TEXT`].
    pub fn is_valid(&self) -> bool {
        (1..=MAX_ID).contains(&len16(&self.id))
            && len16(&self.section) <= MAX_SECTION
            && self.paragraph < MAX_PARAGRAPH
            && len16(&self.quote) <= MAX_QUOTE
            && len16(&self.text) <= MAX_TEXT
    }

    /// A note of stored or imported data (`valid()` then `clean()` of notes.js): an object
    /// whose `id`, `section`, `quote`, `text`, `created` and `updated` are strings and
    /// `paragraph` a number, within the limits of [`Note::is_valid`]; `heading` missing or a
    /// string, `cut` missing or a boolean. Other members are dropped.
    ///
    /// One rule is stricter than notes.js: the paragraph must be a whole number (notes.js
    /// accepted 2.5, and never wrote one).
    pub(crate) fn from_loose(v: &Loose) -> Option<Note> {
        let string = |key: &str| v.get(key).and_then(Loose::as_str).map(str::to_owned);
        let paragraph = match v.get("paragraph") {
            Some(Loose::Num(n))
                if *n >= 0.0 && *n < f64::from(MAX_PARAGRAPH) && n.fract() == 0.0 =>
            {
                *n as u32
            }
            _ => return None,
        };
        let heading = match v.get("heading") {
            None => String::new(),
            Some(Loose::Str(s)) => s.clone(),
            Some(_) => return None,
        };
        let cut = match v.get("cut") {
            None => false,
            Some(Loose::Bool(b)) => *b,
            Some(_) => return None,
        };
        let note = Note {
            id: string("id")?,
            section: string("section")?,
            paragraph,
            quote: string("quote")?,
            cut,
            heading,
            text: string("text")?,
            created: string("created")?,
            updated: string("updated")?,
        };
        note.is_valid().then_some(note)
    }
}

impl<'de> Deserialize<'de> for Note {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Note, D::Error> {
        let v = Loose::deserialize(deserializer)?;
        Note::from_loose(&v).ok_or_else(|| de::Error::custom("不是有效的意见"))
    }
}

/// The stored document (and, with `exported`, the export): version, report title, notes.
#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    report: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported: Option<&'a str>,
    notes: &'a [Note],
}
