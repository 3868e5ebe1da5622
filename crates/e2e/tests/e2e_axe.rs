//! The accessibility gate (issue 10): axe-core (npm, installed by `cargo xtask setup` into
//! `target/test-tools/`) injected into the release page in the states a reader meets — phone
//! and desktop; light, dark and high contrast; 字号's panel open; the outline drawer open;
//! searching with the results listed; all cards shown; a note being written, a note saved and
//! 我的意见; text at 200 % — with zero violations
//! as the bar. No rule is disabled. In high contrast the AAA contrast rule
//! (`color-contrast-enhanced`, off in axe by default) is switched on as well. Each state's
//! result is printed (`cargo test --test e2e_axe -- --nocapture`).
//!
//! And a keyboard-only walk through the page: skip link → search → outline → a section → a
//! card → a note → export, with WebDriver key presses only, never a click.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::{json, Value};
use support::{env, serial, Page};

macro_rules! setup {
    () => {{
        let env = env();
        (env, serial())
    }};
}

/// axe-core's browser build, as `cargo xtask setup` installs it.
fn axe_source() -> String {
    let path = support::root().join("target/test-tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core is missing at {} ({e}): run `cargo xtask setup`",
            path.display()
        )
    })
}

/// Runs axe on the page as it is now; prints the state's result and fails on any violation.
/// `aaa` also checks the enhanced (7:1) contrast.
fn gate(page: &Page, state: &str, aaa: bool) {
    if page.js("return typeof window.axe;") != json!("object") {
        page.js(&format!("{}\n;return true;", axe_source()));
    }
    let result = page.driver.js(
        "const options = { resultTypes: ['violations'] };
         if (arguments[0]) options.rules = { 'color-contrast-enhanced': { enabled: true } };
         return axe.run(document, options).then(r => ({
           passes: r.passes.length,
           incomplete: r.incomplete.map(v => v.id),
           violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
             nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + n.failureSummary) })) }));",
        json!([aaa]),
    );
    // axe answered with its result: the list of violations (which must be empty) is there,
    // and it checked rules; a missing field is a failure, never "no violation".
    let violations = result["violations"]
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("axe in state {state:?} gave no list of violations: {result}"));
    assert!(
        result["passes"].as_u64().is_some_and(|n| n > 0),
        "axe in state {state:?} passed no rule: {result}"
    );
    eprintln!(
        "axe {state}: {} violations, {} rules passed, needs review: {}",
        violations.len(),
        result["passes"],
        result["incomplete"]
    );
    assert!(
        violations.is_empty(),
        "axe in state {state:?}: {:#}",
        Value::Array(violations)
    );
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn axe_finds_nothing_on_a_phone_in_every_state_a_reader_meets() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    gate(&page, "phone, light", false);

    page.driver.click("[data-testid=display-settings-toggle]");
    gate(&page, "phone, 字号 open", false);
    page.close_display();

    page.open_drawer();
    gate(&page, "phone, outline drawer open", false);
    page.close_drawer();

    page.search("产业");
    page.driver.click("[data-testid=search-list-toggle]");
    page.driver.wait_for(
        "the results listed",
        "return document.querySelector('[data-testid=search-results] li') !== null;",
    );
    gate(&page, "phone, searching with the results listed", false);
    page.search("");

    page.driver.click("[data-testid=figures-toggle]");
    page.driver.wait_for(
        "all cards shown",
        "return document.querySelectorAll('.metric-card').length > 20;",
    );
    gate(&page, "phone, all cards shown", false);

    // A note being written, then one saved and 我的意见 listing it.
    page.driver
        .click("[data-note-section=sec-1-1-1][data-note-paragraph='0']");
    page.wait_dialog("note-editor");
    page.driver.keys("建议补充进度");
    gate(&page, "phone, a note being edited", false);
    page.driver.click("[data-testid=note-editor-save]");
    page.driver.wait_for(
        "the note saved",
        "return document.querySelector('[data-testid=note]') !== null;",
    );
    gate(&page, "phone, a note under its paragraph", false);
    page.open_notes_panel();
    gate(&page, "phone, 我的意见 open", false);
    page.driver.keys("\u{e00c}");

    page.choose_display("text-size", "200");
    page.close_display();
    gate(&page, "phone, text at 200 %", false);
    page.choose_display("text-size", "100");
    page.close_display();

    page.driver.color_scheme("dark");
    gate(&page, "phone, dark (system)", false);
    page.choose_display("theme", "contrast");
    page.close_display();
    gate(&page, "phone, high contrast (AAA contrast too)", true);
    page.choose_display("theme", "light");
    page.close_display();
    gate(&page, "phone, light chosen on a dark system", false);

    // The message about stored notes that could not be read.
    page.js("localStorage.setItem('songshi-report.notes:2024年嵩市镇政府工作报告', '{damaged');");
    page.open("/");
    page.driver.wait_for(
        "the message",
        "return document.querySelector('[data-testid=notes-alert]') !== null;",
    );
    gate(&page, "phone, the message about damaged notes", false);
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn axe_finds_nothing_on_a_desktop_light_and_dark() {
    let (env, _serial) = setup!();
    let page = Page::desktop(env);
    page.open("/");
    gate(&page, "desktop, light", false);
    page.driver.click("[data-testid=figures-toggle]");
    page.search("医疗");
    page.driver.click("[data-testid=search-list-toggle]");
    gate(&page, "desktop, all cards and the results listed", false);
    page.driver.color_scheme("dark");
    gate(&page, "desktop, dark", false);
    page.choose_display("theme", "contrast");
    page.close_display();
    gate(&page, "desktop, high contrast (AAA contrast too)", true);
    page.assert_no_console_errors();
}

const TAB: &str = "\u{e004}";
const ENTER: &str = "\u{e007}";

/// The focused element: its test id, class, id and whether it shows a focus ring.
fn focused(page: &Page) -> Value {
    page.js("const e = document.activeElement;
         const style = getComputedStyle(e);
         return { testid: e.dataset.testid ?? null, class: e.className, id: e.id, tag: e.tagName,
                  ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };")
}

/// Presses Tab until the focused element matches `css` (at most `limit` times); fails if it
/// never does. Returns how many presses it took.
fn tab_until(page: &Page, css: &str, limit: usize) -> usize {
    for presses in 1..=limit {
        page.driver.keys(TAB);
        if page.driver.js(
            "return document.activeElement.matches(arguments[0]);",
            json!([css]),
        ) == json!(true)
        {
            return presses;
        }
    }
    panic!(
        "{css} never took the focus in {limit} presses of Tab; last: {}",
        focused(page)
    );
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn a_keyboard_alone_reaches_search_the_outline_a_section_a_card_a_note_and_the_export() {
    let (env, _serial) = setup!();
    let page = Page::desktop(env);
    page.open("/");

    // The skip link comes first and takes the reader to the text.
    page.driver.keys(TAB);
    let first = focused(&page);
    assert_eq!(first["class"], json!("skip-link"), "first Tab: {first}");
    assert_eq!(
        first["ring"],
        json!(true),
        "the skip link shows its focus: {first}"
    );
    page.driver.keys(ENTER);
    page.driver.wait_for(
        "the focus in the text",
        "return document.getElementById('report').contains(document.activeElement)
            || document.activeElement.id === 'report';",
    );

    // `/` puts the cursor in the search box; typing searches; Enter goes to the first hit.
    page.driver.keys("/");
    assert_eq!(focused(&page)["testid"], json!("search-input"));
    page.driver.keys("医疗");
    page.driver.wait_for(
        "the typed words in the search box",
        "return document.getElementById('search-input').value === '医疗';",
    );
    page.driver.wait_for(
        "the search to be answered",
        "return document.querySelector('.search').dataset.query === '医疗';",
    );
    page.driver.keys(ENTER);
    page.driver.wait_for(
        "a current hit",
        "return document.querySelector('.search-hit--current') !== null;",
    );

    // The outline: Tab on to its third link, Enter goes there.
    tab_until(&page, ".outline__link", 40);
    page.driver.keys(TAB);
    page.driver.keys(TAB);
    let link = focused(&page);
    assert_eq!(
        link["ring"],
        json!(true),
        "an outline link shows its focus: {link}"
    );
    let target = page.js("return document.activeElement.getAttribute('href');");
    let target = target.as_str().unwrap_or_default().to_string();
    // A link to a section: an empty or missing target would match any address.
    assert!(
        target.starts_with("#sec-") && target.len() > "#sec-".len(),
        "the focused outline link goes to a section: {target:?} ({link})"
    );
    page.driver.keys(ENTER);
    // The address names the section (and keeps the search query after it).
    page.driver.wait_for(
        "the address at the section",
        &format!(
            "const hash = decodeURIComponent(location.hash), target = {};
             return hash === target || hash.startsWith(target + '?');",
            json!(target)
        ),
    );

    // A section: its heading collapses and expands it with Enter.
    tab_until(&page, "#report .section__toggle", 40);
    let expanded = || page.js("return document.activeElement.getAttribute('aria-expanded');");
    assert_eq!(expanded(), json!("true"));
    page.driver.keys(ENTER);
    assert_eq!(expanded(), json!("false"), "Enter collapses the section");
    page.driver.keys(ENTER);
    assert_eq!(expanded(), json!("true"), "Enter expands it again");

    // A figure in the text opens its card, with the focus on the card.
    tab_until(&page, "#report .figure-link", 60);
    page.driver.keys(ENTER);
    page.driver.wait_for(
        "the focus on a card",
        "return document.activeElement.closest('.metric-card') !== null;",
    );

    // On to the cards' export: the keyboard reaches it, it shows its focus, Enter takes it.
    tab_until(&page, "[data-testid=export-csv]", 200);
    let export = focused(&page);
    assert_eq!(
        export["ring"],
        json!(true),
        "the export button shows its focus: {export}"
    );
    assert_eq!(
        page.js("return document.activeElement.dataset.export;"),
        json!("csv"),
        "the export is the CSV's button"
    );
    // Enter makes the file (the exports' module loads on this first press); the download
    // itself is caught before the browser saves it.
    page.js("window.__download = undefined;
         const click = HTMLAnchorElement.prototype.click;
         HTMLAnchorElement.prototype.click = function () {
           HTMLAnchorElement.prototype.click = click;
           window.__download = this.href;
         };");
    page.driver.keys(ENTER);
    page.driver.wait_for(
        "the CSV made by Enter",
        "return typeof window.__download === 'string' && window.__download.startsWith('data:text/csv');",
    );

    // A note: Tab on to a paragraph's 写意见, Enter opens the editor with the cursor in
    // it, the text is typed, Tab to 保存, Enter saves; the focus comes back to 写意见.
    tab_until(&page, "#report .note-add", 80);
    page.driver.keys(ENTER);
    page.driver.wait_for(
        "the editor, the cursor in it",
        "return document.querySelector('[data-testid=note-editor]')?.open === true
            && document.activeElement.dataset.testid === 'note-editor-text';",
    );
    page.driver.keys("只用键盘写的意见");
    tab_until(&page, "[data-testid=note-editor-save]", 5);
    page.driver.keys(ENTER);
    page.driver.wait_for(
        "the note saved, the focus back on 写意见",
        "return [...document.querySelectorAll('.note__text')].some(e => e.textContent === '只用键盘写的意见')
            && document.activeElement.classList.contains('note-add');",
    );

    // And the notes' export: the note's 全部意见 opens 我的意见, Tab reaches 下载 JSON; Esc
    // closes it and gives the focus back.
    tab_until(&page, ".note__actions button:last-child", 10);
    page.driver.keys(ENTER);
    page.wait_dialog("notes-panel");
    tab_until(&page, "[data-testid=notes-json]", 20);
    assert_eq!(
        focused(&page)["ring"],
        json!(true),
        "下载 JSON shows its focus"
    );
    page.driver.keys("\u{e00c}");
    page.driver.wait_for(
        "the panel closed, the focus back",
        "return !document.querySelector('[data-testid=notes-panel]').open
            && document.activeElement.textContent === '全部意见';",
    );
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn axe_finds_nothing_on_a_report_with_targets_light_and_dark() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    page.choose_file(&support::file_with(
        "省报告.txt",
        include_bytes!("../../../tests/reports/province-2031.txt"),
    ));
    page.driver.wait_for(
        "the report with targets to be shown",
        "return document.querySelector('#targets') !== null && !document.querySelector('[data-testid=report][aria-busy]');",
    );
    gate(&page, "phone, 主要目标", false);
    page.driver.color_scheme("dark");
    gate(&page, "phone, 主要目标, dark", false);
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn axe_finds_nothing_on_a_library_s_pages_light_and_dark() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    let library = support::LIBRARY_PATH;
    for scheme in ["light", "dark"] {
        page.driver.color_scheme(scheme);
        page.open_library();
        gate(&page, &format!("library page, {scheme}"), false);
        // Searching: the results listed.
        page.driver.wait_for(
            "the search box to take the focus",
            "document.getElementById('library-search-input').focus();
             return document.activeElement.id === 'library-search-input';",
        );
        page.driver.keys("粮食");
        page.driver.wait_for(
            "the results",
            "return document.querySelector('.library-search__group') !== null;",
        );
        gate(&page, &format!("library page, searching, {scheme}"), false);
        page.screenshot(&format!("phone-library-search-{scheme}"));
        page.open(&format!("{library}qinglan-2031/#library-review"));
        gate(
            &page,
            &format!("a report of the library, last year's targets, {scheme}"),
            false,
        );
        page.driver
            .goto(&format!("{}{library}compare/2031.html", page.base));
        page.driver.wait_for(
            "the comparison",
            "return document.querySelector('.library-compare__table') !== null;",
        );
        gate(&page, &format!("2031 across places, {scheme}"), false);
        page.screenshot(&format!("phone-library-compare-{scheme}"));
    }
    // 200 % text: nothing wider than the screen.
    page.driver.color_scheme("light");
    page.open_library();
    page.js("document.documentElement.style.fontSize = '200%';");
    let wide = page.js(
        "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1)
           .map(e => e.tagName + '.' + e.className).slice(0, 5);",
    );
    assert_eq!(
        wide,
        json!([]),
        "at 200 % text nothing is wider than the phone"
    );
    page.screenshot("phone-library-200");
    page.assert_no_console_errors();
}
