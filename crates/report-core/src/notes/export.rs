//! The exports of 我的意见: all notes as plain text (复制全部文字, to paste into a message), as
//! Markdown, and as JSON that 导入 JSON reads; and their file names. Exactly what notes.js
//! produced for the same notes. The date and time are the caller's (no clock here).

use super::anchor::Anchors;
use super::quote::quoted;
use super::{Document, Note, VERSION};

/// After the location of a detached note.
const DETACHED: &str = "（原文中找不到）";

/// A day as the exports name it, in the reader's calendar: "2024年5月1日".
pub fn date_label(year: i32, month: u32, day: u32) -> String {
    format!("{year}年{month}月{day}日")
}

/// The file name of an export: `<title>·审议意见.<ext>` (`ext`: "md" or "json").
pub fn file_name(title: &str, ext: &str) -> String {
    format!("{title}·审议意见.{ext}")
}

/// All notes as plain text, in reading order (see [`Anchors::ordered`]): a title line, the
/// count and `date` (see [`date_label`]), then each note numbered with where it is, the quoted
/// passage and the note, its lines indented.
pub fn plain_text(title: &str, anchors: &Anchors, notes: &[Note], date: &str) -> String {
    let mut out = vec![
        format!("《{title}》审议意见"),
        format!("（共{}条，{date}导出）", notes.len()),
        String::new(),
    ];
    for (i, e) in anchors.ordered(notes).iter().enumerate() {
        let detached = if e.is_detached() { DETACHED } else { "" };
        out.push(format!("{}. {}{detached}", i + 1, e.location));
        if !e.note.quote.is_empty() {
            out.push(format!("   原文：{}", quoted(e.note)));
        }
        out.push(format!("   意见：{}", e.note.text.replace('\n', "\n   ")));
        out.push(String::new());
    }
    out.join("\n")
}

/// All notes as Markdown, in reading order: a heading with the title, the count and `date`,
/// then a numbered heading per note (leading `#` of its location left out), the quote as a
/// block quote, and the note with its line breaks kept (two spaces: a hard break).
pub fn markdown(title: &str, anchors: &Anchors, notes: &[Note], date: &str) -> String {
    let mut out = vec![
        format!("# 《{title}》审议意见"),
        String::new(),
        format!("共{}条，{date}导出。", notes.len()),
        String::new(),
    ];
    for (i, e) in anchors.ordered(notes).iter().enumerate() {
        let detached = if e.is_detached() { DETACHED } else { "" };
        let location = e.location.trim_start_matches('#');
        out.push(format!("## {}. {location}{detached}", i + 1));
        out.push(String::new());
        if !e.note.quote.is_empty() {
            let cut = if e.note.cut { "……" } else { "" };
            out.push(format!("> {}{cut}", e.note.quote));
            out.push(String::new());
        }
        out.push(e.note.text.replace('\n', "  \n"));
        out.push(String::new());
    }
    out.join("\n")
}

/// All notes as the JSON that 导入 JSON reads: the stored document with `exported` (the time,
/// ISO 8601) after the title, the notes in stored order, indented by two spaces as
/// `JSON.stringify(…, null, 2)` writes it.
pub fn json(title: &str, notes: &[Note], exported: &str) -> String {
    let doc = Document {
        version: VERSION,
        report: title,
        exported: Some(exported),
        notes,
    };
    // Serializing strings and numbers cannot fail.
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}
