//! End-to-end tests of the deputies' review notes (审议意见, issue 10; the `report-notes`
//! module of `report-tools`): add,
//! edit and delete a note on a paragraph; it stays after a reload; 我的意见 lists the notes in
//! reading order; the exports (text, Markdown, JSON) and the import on another browser (merged,
//! never twice); a note whose passage is gone is detached, never lost; damaged storage gives a
//! message and a way to save the raw data, and the page works on. Same harness as `e2e.rs`.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::{json, Value};
use support::{env, file_with, serial, Page};

macro_rules! setup {
    () => {{
        let env = env();
        (env, serial())
    }};
}

const KEY: &str = "songshi-report.notes:2024年嵩市镇政府工作报告";

const COUNTY: &str = include_str!("../../../tests/reports/county-2030.txt");
const COUNTY_TITLE: &str = "二〇三〇年某县政府工作报告";
const COUNTY_KEY: &str = "songshi-report.notes:二〇三〇年某县政府工作报告";
const EMBEDDED_TITLE: &str = "2024年嵩市镇政府工作报告";

fn stored(page: &Page) -> Value {
    stored_under(page, KEY)
}

/// The notes stored under `key`, parsed (null when there are none).
fn stored_under(page: &Page, key: &str) -> Value {
    page.driver
        .js("return localStorage.getItem(arguments[0]);", json!([key]))
        .as_str()
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or(Value::Null)
}

/// Waits until the report titled `title` is shown and the notes have placed themselves on it.
fn wait_report(page: &Page, title: &str) {
    page.driver.wait_for(
        &format!("{title} to be shown"),
        &format!(
            "return document.querySelector('[data-testid=report-title]')?.textContent === {};",
            json!(title)
        ),
    );
    page.js(&format!("return {};", support::NOTES_SETTLED));
}

/// The paragraph (section, number) under which the first note shown stands: its host comes
/// right after the paragraph's actions, 写意见 among them.
fn note_place(page: &Page) -> Value {
    page.js(
        "const host = document.querySelector('[data-testid=note]')?.closest('.note-views');
         const row = host?.previousElementSibling;
         const add = row && (row.matches('.note-add') ? row : row.querySelector('.note-add'));
         return add ? [add.dataset.noteSection, add.dataset.noteParagraph] : null;",
    )
}

/// The texts of the notes shown under the paragraphs.
fn shown_notes(page: &Page) -> Vec<String> {
    page.texts("[data-testid=note] .note__text")
}

/// Writes a note on paragraph `paragraph` of `section` through the editor.
fn write_note(page: &Page, section: &str, paragraph: u32, text: &str) {
    page.driver.click(&format!(
        "[data-note-section={section}][data-note-paragraph='{paragraph}']"
    ));
    page.wait_dialog("note-editor");
    page.driver.js(
        "const area = document.querySelector('[data-testid=note-editor-text]');
             area.value = arguments[0];",
        json!([text]),
    );
    page.driver.click("[data-testid=note-editor-save]");
    page.driver.wait_for(
        "the note under its paragraph",
        &format!(
            "return [...document.querySelectorAll('[data-testid=note] .note__text')].some(e => e.textContent === {});",
            json!(text)
        ),
    );
}

/// What an export link would download, without downloading it.
fn exported(page: &Page, testid: &str) -> String {
    let href = page.js(&format!(
        "const a = document.querySelector('[data-testid={testid}]');
         const stop = e => e.preventDefault();
         document.addEventListener('click', stop, {{ once: true }});
         a.click();
         return a.href;"
    ));
    let href = href.as_str().unwrap_or_default();
    let data = href.split_once(',').map(|(_, d)| d).unwrap_or_default();
    percent_decode(data)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn words_written_and_not_saved_come_back_when_the_editor_opens_again() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    let open_editor = || {
        page.driver
            .click("[data-note-section=sec-1-1-2][data-note-paragraph='0']");
        page.wait_dialog("note-editor");
    };
    open_editor();
    page.driver.js(
        "document.querySelector('[data-testid=note-editor-text]').value = arguments[0];",
        json!(["写了一半的意见"]),
    );
    // 取消: the editor closes, nothing is saved, and the reader is told the words are kept.
    page.driver
        .click(".note-editor__actions button[type=button]");
    page.driver.wait_for(
        "the editor closed",
        "return document.querySelector('[data-testid=note-editor]').open === false;",
    );
    assert_eq!(stored(&page), Value::Null, "nothing saved");
    page.driver.wait_for(
        "the words kept, said",
        "return document.querySelector('[data-testid=notes-live]').textContent.includes('写下的文字留着');",
    );
    open_editor();
    assert_eq!(
        page.js("return document.querySelector('[data-testid=note-editor-text]').value;"),
        json!("写了一半的意见"),
        "the words come back"
    );
    page.driver.click("[data-testid=note-editor-save]");
    page.driver.wait_for(
        "the note saved",
        "return document.querySelectorAll('[data-testid=note]').length === 1;",
    );
    open_editor();
    assert_eq!(
        page.js("return document.querySelector('[data-testid=note-editor-text]').value;"),
        json!(""),
        "saved words are not kept as a draft"
    );
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn a_note_is_added_edited_kept_across_a_reload_listed_and_deleted() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    assert_eq!(
        page.js(&support::fetched("report-notes")),
        json!(0),
        "no notes module on a first visit"
    );
    write_note(&page, "sec-1-1-1", 0, "建议说明项目进度。\n第二行。");
    let focus = page.js("return document.activeElement.dataset.noteSection ?? null;");
    assert_eq!(focus, json!("sec-1-1-1"), "the focus back on 写意见");
    let note = &stored(&page)["notes"][0];
    assert_eq!(stored(&page)["version"], json!(1));
    assert_eq!(note["section"], json!("sec-1-1-1"));
    let quote = note["quote"].as_str().unwrap_or_default().to_string();
    assert!(
        (10..=40).contains(&quote.chars().count())
            && quote.ends_with(['，', '；', '。', '、', '：']),
        "the paragraph's start, up to 40 characters, ending at a punctuation mark: {quote}"
    );
    assert_eq!(note["cut"], json!(true));
    assert_eq!(
        page.texts("[data-testid=note] .note__quote"),
        [format!("「{quote}……」")],
        "a quote that is the start of a longer paragraph says so"
    );
    let paragraph = page.js(
        "return document.querySelector('#sec-1-1-1-body .section__text').textContent.replace(/\\s/g, '');",
    );
    assert!(
        paragraph
            .as_str()
            .unwrap_or_default()
            .starts_with(&quote.replace(char::is_whitespace, "")),
        "the quote is the paragraph's own text"
    );
    page.screenshot("phone-note-added");

    // A second note, on a later paragraph, and one on an earlier one: reading order.
    write_note(&page, "sec-1-3-1", 0, "第三部分的意见");
    write_note(&page, "sec-1-1-2", 0, "第二点的意见");

    // Edit.
    page.driver
        .click("[data-testid=note] .note__actions button");
    page.driver.wait_for(
        "the editor with the note",
        "return document.querySelector('[data-testid=note-editor]')?.open === true
            && document.querySelector('[data-testid=note-editor-text]').value !== '';",
    );
    page.js("document.querySelector('[data-testid=note-editor-text]').value = '改过的意见';");
    page.driver.click("[data-testid=note-editor-save]");
    page.driver.wait_for(
        "the edited note",
        "return [...document.querySelectorAll('.note__text')].some(e => e.textContent === '改过的意见');",
    );

    // Kept across a reload; the notes script comes back by itself.
    page.open("/");
    page.driver.wait_for(
        "the notes after a reload",
        "return document.querySelectorAll('[data-testid=note]').length === 3;",
    );
    assert_eq!(page.texts("[data-testid=notes-open]"), ["我的意见（3）"]);

    // 我的意见, from the phone's outline drawer: reading order, links to the passages.
    page.open_drawer();
    page.driver.click("[data-testid=notes-open]");
    page.wait_dialog("notes-panel");
    let items = page.js(
        "return [...document.querySelectorAll('[data-testid=notes-item]')].map(li =>
            [li.querySelector('.note__text').textContent, li.querySelector('a').getAttribute('href')]);",
    );
    assert_eq!(items.as_array().map(Vec::len), Some(3), "{items}");
    let hrefs: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i[1].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        hrefs,
        ["#sec-1-1-1", "#sec-1-1-2", "#sec-1-3-1"],
        "reading order"
    );
    page.screenshot("phone-notes-panel");

    // Esc closes 我的意见 and nothing else: the phone's outline drawer, from which it was
    // opened, stays open, with the focus back on 我的意见.
    page.driver.keys("\u{e00c}");
    page.driver.wait_for(
        "我的意见 closed, the focus back on its button",
        "return !document.querySelector('[data-testid=notes-panel]').open
            && document.activeElement.dataset.testid === 'notes-open';",
    );
    assert_eq!(
        page.js("return document.querySelector('[data-testid=outline-toggle]').getAttribute('aria-expanded');"),
        json!("true"),
        "the drawer stays open"
    );
    page.open_notes_panel();

    // Delete asks once more, then deletes.
    page.js("document.querySelector('[data-testid=notes-panel] .note__delete').click();");
    assert_eq!(
        page.js(
            "return document.querySelector('[data-testid=notes-panel] .note__delete').textContent;"
        ),
        json!("确认删除")
    );
    page.js("document.querySelector('[data-testid=notes-panel] .note__delete').click();");
    page.driver.wait_for(
        "two notes left",
        "return document.querySelectorAll('[data-testid=notes-item]').length === 2;",
    );
    assert_eq!(stored(&page)["notes"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        page.js("return document.activeElement.id;"),
        json!("notes-panel-title"),
        "the focus stays in 我的意见"
    );

    // Under the paragraph too: 删除, then 确认删除 (which once disarmed itself at once: its own
    // change of words was taken for the app redrawing the text).
    page.driver.keys("\u{e00c}");
    page.close_drawer();
    page.driver.click("[data-testid=note] .note__delete");
    page.driver.wait_for(
        "确认删除",
        "return document.querySelector('[data-testid=note] .note__delete').textContent === '确认删除';",
    );
    assert_eq!(
        page.js(&format!(
            "return {}.then(() => document.querySelector('[data-testid=note] .note__delete').textContent);",
            support::NOTES_SETTLED
        )),
        json!("确认删除"),
        "still armed once the notes' redraws are answered"
    );
    page.driver.click("[data-testid=note] .note__delete");
    page.driver.wait_for(
        "one note left",
        "return document.querySelectorAll('[data-testid=note]').length === 1;",
    );
    assert_eq!(stored(&page)["notes"].as_array().map(Vec::len), Some(1));
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn notes_export_as_text_markdown_and_json_and_import_on_another_browser_without_duplicates() {
    let (env, _serial) = setup!();
    let page = Page::desktop(env);
    page.open("/");
    write_note(&page, "sec-1-2-1", 0, "招商引资要更透明");
    write_note(&page, "sec-1-4-1", 0, "民生数据请分村列出");
    page.open_notes_panel();

    // Plain text, to the clipboard (caught here, the test browser's own may be refused)…
    page.js("window.__copied = null;
         navigator.clipboard.writeText = t => { window.__copied = t; return Promise.resolve(); };");
    page.driver.click("[data-testid=notes-copy]");
    page.driver.wait_for(
        "copied",
        "return document.querySelector('[data-testid=notes-status]').textContent.startsWith('已复制');",
    );
    let text = page.js("return window.__copied;");
    let text = text.as_str().unwrap_or_default();
    assert!(
        text.starts_with("《2024年嵩市镇政府工作报告》审议意见"),
        "{text}"
    );
    assert!(text.contains("1. 一、2024年以来工作回顾"), "{text}");
    assert!(text.contains("意见：招商引资要更透明"), "{text}");
    assert!(
        text.find("招商引资") < text.find("民生数据"),
        "reading order: {text}"
    );
    // … or, when the clipboard refuses, shown selected to copy by hand.
    page.js("navigator.clipboard.writeText = () => Promise.reject(new Error('refused'));");
    page.driver.click("[data-testid=notes-copy]");
    page.driver.wait_for(
        "the text shown to copy by hand",
        "const m = document.querySelector('[data-testid=notes-text]');
         return !m.hidden && m.value.startsWith('《') && document.activeElement === m;",
    );

    let markdown = exported(&page, "notes-markdown");
    assert!(
        markdown.starts_with("# 《2024年嵩市镇政府工作报告》审议意见"),
        "{markdown}"
    );
    assert!(markdown.contains("\n## 2. "), "{markdown}");
    assert!(
        markdown.contains("\n> "),
        "quotes as Markdown quotes: {markdown}"
    );

    let exported_json = exported(&page, "notes-json");
    let file: Value = serde_json::from_str(&exported_json).expect("the JSON export parses");
    assert_eq!(file["version"], json!(1));
    assert_eq!(file["notes"].as_array().map(Vec::len), Some(2));
    page.assert_no_console_errors();
    drop(page);

    // Another device: a fresh browser. Import, then the same file again: no duplicates.
    let other = Page::phone(env);
    other.open("/");
    write_note(&other, "sec-1-1-1", 0, "这台设备上的意见");
    other.open_notes_panel();
    let path = file_with("审议意见.json", exported_json.as_bytes());
    for round in 1..=2 {
        other
            .driver
            .type_into("[data-testid=notes-import]", path.to_str().unwrap());
        other.driver.wait_for(
            "the import",
            "return document.querySelector('[data-testid=notes-status]').textContent.startsWith('已导入');",
        );
        let status = other.texts("[data-testid=notes-status]").join("");
        let expected = if round == 1 {
            "新增2条"
        } else {
            "新增0条"
        };
        assert!(status.contains(expected), "round {round}: {status}");
        assert_eq!(other.count("[data-testid=notes-item]"), 3, "round {round}");
    }
    assert_eq!(
        other.count("[data-testid=note]"),
        3,
        "each under its paragraph"
    );

    // A file of another report, and a file that is not JSON: refused, nothing changed.
    let foreign = file_with(
        "别的报告.json",
        r#"{"version":1,"report":"2030年某县政府工作报告","notes":[]}"#.as_bytes(),
    );
    other
        .driver
        .type_into("[data-testid=notes-import]", foreign.to_str().unwrap());
    other.driver.wait_for(
        "the refusal",
        "return document.querySelector('[data-testid=notes-status]').textContent.includes('不是本报告的');",
    );
    let broken = file_with("坏文件.json", b"{not json");
    other
        .driver
        .type_into("[data-testid=notes-import]", broken.to_str().unwrap());
    other.driver.wait_for(
        "the refusal",
        "return document.querySelector('[data-testid=notes-status]').textContent.includes('无法读取');",
    );
    assert_eq!(other.count("[data-testid=notes-item]"), 3);
    other.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn a_note_whose_passage_is_gone_is_detached_and_damaged_storage_is_kept_and_reported() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    let gone = json!({ "version": 1, "report": "2024年嵩市镇政府工作报告", "notes": [
        { "id": "a1", "section": "sec-9-9", "paragraph": 0, "quote": "这句话不在报告里",
          "heading": "九、不存在的部分", "text": "仍然要保留的意见",
          "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z" },
        { "id": "a2", "section": "sec-1-1-1", "paragraph": 3, "quote": "紧紧围绕“大抓落实年”活动要求",
          "heading": "", "text": "段落号变了也找得到",
          "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z" } ] });
    page.driver.js(
        "localStorage.setItem(arguments[0], arguments[1]);",
        json!([KEY, gone.to_string()]),
    );
    page.open("/");
    page.driver.wait_for(
        "the note found by its quote",
        "return document.querySelectorAll('[data-testid=note]').length === 1;",
    );
    page.open_notes_panel();
    assert_eq!(page.count("[data-testid=notes-item]"), 1);
    assert_eq!(
        page.texts("[data-testid=notes-detached] .note__text"),
        ["仍然要保留的意见"]
    );
    assert_eq!(
        stored(&page)["notes"].as_array().map(Vec::len),
        Some(2),
        "nothing dropped"
    );
    let markdown = exported(&page, "notes-markdown");
    assert!(
        markdown.contains("仍然要保留的意见"),
        "detached notes are exported too"
    );
    page.screenshot("phone-notes-detached");

    // Damaged: a message, the raw data kept aside and offered as a file, the page works on.
    let raw = "{\"version\":1,\"notes\":[{\"id\":";
    page.driver.js(
        "localStorage.setItem(arguments[0], arguments[1]);",
        json!([KEY, raw]),
    );
    page.open("/");
    page.driver.wait_for(
        "the message",
        "return document.querySelector('[data-testid=notes-alert]') !== null;",
    );
    assert_eq!(
        exported(&page, "notes-alert-save"),
        raw,
        "the raw data offered as a file"
    );
    let kept = page.driver.js(
        "return localStorage.getItem('songshi-report.notes-damaged:2024年嵩市镇政府工作报告');",
        json!([]),
    );
    assert_eq!(kept, json!(raw), "the raw data kept aside");
    page.screenshot("phone-notes-damaged");
    // The report, search and a new note still work; the raw data is not written over.
    page.search("产业");
    write_note(&page, "sec-1-1-1", 0, "新的意见");
    assert_eq!(
        page.driver.js(
            "return localStorage.getItem('songshi-report.notes-damaged:2024年嵩市镇政府工作报告');",
            json!([])
        ),
        json!(raw)
    );
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn notes_on_an_opened_report_are_kept_under_its_own_title() {
    let (env, _serial) = setup!();
    let page = Page::desktop(env);
    page.open("/");
    page.js("localStorage.clear();");
    // A note on the built-in report first, so that the two reports each have their own.
    write_note(&page, "sec-1", 0, "本镇报告的意见");

    // 打开报告: the county report; its first part has a paragraph numbered as the built-in
    // report's (`sec-1`, paragraph 0), so that a note kept by place alone would show on both.
    page.choose_file(&file_with("某县报告.txt", COUNTY.as_bytes()));
    page.driver.wait_for(
        "某县报告.txt to be shown",
        "const n = document.querySelector('[data-testid=opened-notice]');
         return n !== null && n.textContent.includes('某县报告.txt') && !document.querySelector('[data-testid=report][aria-busy]');",
    );
    wait_report(&page, COUNTY_TITLE);
    assert_eq!(
        shown_notes(&page),
        Vec::<String>::new(),
        "the built-in report's note is not on the county report"
    );
    write_note(&page, "sec-1", 0, "某县报告的意见");
    assert_eq!(shown_notes(&page), ["某县报告的意见"]);

    // Stored under the county report's title, and the built-in report's notes untouched.
    let county = stored_under(&page, COUNTY_KEY);
    assert_eq!(county["report"], json!(COUNTY_TITLE), "{county}");
    let notes = county["notes"].as_array().cloned().unwrap_or_default();
    assert_eq!(notes.len(), 1, "{county}");
    assert_eq!(notes[0]["text"], json!("某县报告的意见"));
    assert_eq!(notes[0]["section"], json!("sec-1"));
    let quote = notes[0]["quote"].as_str().unwrap_or_default();
    assert!(
        !quote.is_empty() && COUNTY.contains(quote),
        "the quote is the county report's own text: {quote:?}"
    );
    let embedded = stored(&page);
    let texts: Vec<&str> = embedded["notes"]
        .as_array()
        .map(|n| n.iter().filter_map(|n| n["text"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        texts,
        ["本镇报告的意见"],
        "the built-in report's notes: {embedded}"
    );
    assert_eq!(page.texts("[data-testid=notes-open]"), ["我的意见（1）"]);

    // Back to the built-in report (the notice's way back): its own note, not the county's,
    // under the paragraph and in 我的意见.
    page.driver.click("[data-testid=show-embedded]");
    wait_report(&page, EMBEDDED_TITLE);
    page.driver.wait_for(
        "the built-in report's note",
        "return [...document.querySelectorAll('[data-testid=note] .note__text')]
           .map(e => e.textContent).join('|') === '本镇报告的意见';",
    );
    assert_eq!(shown_notes(&page), ["本镇报告的意见"]);
    assert_eq!(note_place(&page), json!(["sec-1", "0"]));
    page.open_notes_panel();
    let listed = page.texts("[data-testid=notes-panel] .note__text");
    assert_eq!(
        listed,
        ["本镇报告的意见"],
        "我的意见 of the built-in report"
    );
    page.driver.keys("\u{e00c}");
    assert_eq!(
        stored_under(&page, COUNTY_KEY)["notes"]
            .as_array()
            .map(Vec::len),
        Some(1),
        "the county report's note is kept"
    );

    // Reopened from the recent list, the county report shows its note again.
    page.driver.click("[data-testid=recent-reports] summary");
    let listed = page.texts("[data-testid=recent-report] .open-report__reopen");
    assert_eq!(listed, [COUNTY_TITLE], "the recent list");
    page.driver
        .click("[data-testid=recent-report] .open-report__reopen");
    wait_report(&page, COUNTY_TITLE);
    page.driver.wait_for(
        "the county report's note under its paragraph",
        "return [...document.querySelectorAll('[data-testid=note] .note__text')]
           .map(e => e.textContent).join('|') === '某县报告的意见';",
    );
    assert_eq!(
        note_place(&page),
        json!(["sec-1", "0"]),
        "under its own paragraph"
    );
    page.open_notes_panel();
    assert_eq!(
        page.texts("[data-testid=notes-panel] .note__text"),
        ["某县报告的意见"],
        "我的意见 of the county report"
    );
    page.assert_no_console_errors();
}
