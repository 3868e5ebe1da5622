//! 导入 JSON: a file of notes exported on another device (or this one), merged into this
//! report's notes (`importFile()` of notes.js). A file that is not for this report, or not
//! notes, is refused with a sentence in Chinese and changes nothing.

use super::js::{cmp16, js_string, Loose};
use super::{text, Note, MAX_IMPORT_BYTES, VERSION};

/// Why a file was not imported (nothing was changed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Over [`MAX_IMPORT_BYTES`]: not read at all.
    TooLarge,
    /// The file could not be read (the browser's error).
    Unreadable,
    /// Not JSON.
    NotJson,
    /// Not an object with a `notes` array.
    NoNotes,
    /// Another version: its `version` as JavaScript's `String()` writes it.
    Version(String),
    /// The notes of another report: its `report` as JavaScript's `String()` writes it.
    OtherReport(String),
}

impl ImportError {
    /// What the reader is told, exactly as notes.js said it.
    pub fn message(&self) -> String {
        match self {
            ImportError::TooLarge => text::IMPORT_TOO_LARGE.into(),
            ImportError::Unreadable => text::IMPORT_UNREADABLE.into(),
            ImportError::NotJson => text::IMPORT_NOT_JSON.into(),
            ImportError::NoNotes => text::IMPORT_NO_NOTES.into(),
            ImportError::Version(version) => format!(
                "导入失败：文件的格式版本是{version}，本程序只能读版本{VERSION}。本机的意见没有改动。"
            ),
            ImportError::OtherReport(report) => {
                format!("导入失败：这是《{report}》的意见，不是本报告的。本机的意见没有改动。")
            }
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    /// Notes that were new.
    pub added: usize,
    /// Notes that replaced an earlier edit of themselves.
    pub updated: usize,
    /// Notes of the file that could not be read (invalid), left out.
    pub skipped: usize,
}

impl ImportSummary {
    /// What the reader is told: "已导入：新增2条，更新1条，1条无法读取已跳过；重复的没有再加。"
    pub fn message(&self) -> String {
        let skipped = if self.skipped > 0 {
            format!("，{}条无法读取已跳过", self.skipped)
        } else {
            String::new()
        };
        format!(
            "已导入：新增{}条，更新{}条{skipped}；重复的没有再加。",
            self.added, self.updated
        )
    }
}

/// Refuses a file over [`MAX_IMPORT_BYTES`] before reading it.
pub fn check_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > MAX_IMPORT_BYTES {
        Err(ImportError::TooLarge)
    } else {
        Ok(())
    }
}

/// Imports the bytes of a file into `notes` of the report titled `title`: refused when over
/// [`MAX_IMPORT_BYTES`], else read as the browser's `file.text()` reads it (UTF-8, a
/// byte-order mark left out, invalid bytes as U+FFFD) and imported by [`import`].
pub fn import_file(
    notes: &mut Vec<Note>,
    title: &str,
    bytes: &[u8],
) -> Result<ImportSummary, ImportError> {
    check_size(u64::try_from(bytes.len()).unwrap_or(u64::MAX))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    import(notes, title, &String::from_utf8_lossy(bytes))
}

/// Imports the text of an exported file into `notes` of the report titled `title`: refused
/// (nothing changed) when it is not JSON, has no `notes` array, is of another version or of
/// another report (checked in this order); else its valid notes are merged (see [`merge`]) and
/// its invalid ones counted as skipped.
pub fn import(
    notes: &mut Vec<Note>,
    title: &str,
    text: &str,
) -> Result<ImportSummary, ImportError> {
    let v = Loose::parse(text).ok_or(ImportError::NotJson)?;
    let Some(Loose::Array(items)) = v.get("notes") else {
        return Err(ImportError::NoNotes);
    };
    if v.get("version") != Some(&Loose::Num(f64::from(VERSION))) {
        return Err(ImportError::Version(js_string(v.get("version"))));
    }
    if v.get("report").and_then(Loose::as_str) != Some(title) {
        return Err(ImportError::OtherReport(js_string(v.get("report"))));
    }
    let incoming: Vec<Note> = items.iter().filter_map(Note::from_loose).collect();
    let skipped = items.len() - incoming.len();
    Ok(ImportSummary {
        skipped,
        ..merge(notes, incoming)
    })
}

/// Merges `incoming` into `notes`, one by one in order: a note whose id is there already
/// replaces it when its `updated` is later (as strings), else changes nothing; a note with the
/// same section, quote and text as one met before its id is not added again; any other is
/// added at the end. (Each incoming note is compared with the notes in order, and the first
/// of the two matches decides, as in notes.js.)
pub fn merge(notes: &mut Vec<Note>, incoming: Vec<Note>) -> ImportSummary {
    let mut summary = ImportSummary::default();
    'incoming: for n in incoming {
        for m in notes.iter_mut() {
            if m.id == n.id {
                if cmp16(&n.updated, &m.updated).is_gt() {
                    *m = n;
                    summary.updated += 1;
                }
                continue 'incoming;
            }
            if m.section == n.section && m.quote == n.quote && m.text == n.text {
                continue 'incoming;
            }
        }
        notes.push(n);
        summary.added += 1;
    }
    summary
}
