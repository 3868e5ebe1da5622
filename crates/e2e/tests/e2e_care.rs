//! End-to-end tests of care for older readers (issue 10, 适老化): 字号's text size in five steps
//! to 200 %, remembered and in the first paint, one column on a phone at each step; colours that
//! follow the system or the reader's choice of light, dark or high contrast; 朗读 with a speech
//! synthesis the test drives (the test browser has no voice), figures read as words, and the
//! messages without a Chinese voice or without speech synthesis. Same harness as
//! `e2e.rs`: the release build on 127.0.0.1 in headless Chromium; `#[ignore]`d unless asked for
//! (`-- --include-ignored`).

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

const SIZES: [u32; 5] = [100, 125, 150, 175, 200];

fn root_font_px(page: &Page) -> f64 {
    page.js("return parseFloat(getComputedStyle(document.documentElement).fontSize);")
        .as_f64()
        .unwrap_or(0.0)
}

fn stored(page: &Page) -> Value {
    let raw = page.js("return localStorage.getItem('songshi-report.display');");
    raw.as_str()
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or(json!(null))
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn text_size_has_five_steps_to_200_percent_each_one_column_on_a_phone_and_remembered() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    for size in SIZES {
        page.choose_display("text-size", &size.to_string());
        let px = f64::from(size) * 16.0 / 100.0;
        page.driver.wait_for(
            &format!("the text at {size} %"),
            &format!(
                "return parseFloat(getComputedStyle(document.documentElement).fontSize) === {px};"
            ),
        );
        page.driver.keys("\u{e00c}"); // Escape closes the panel
        let layout = page.js(
            "const bar = document.querySelector('[data-testid=top-bar]').getBoundingClientRect();
             const search = document.querySelector('.search').getBoundingClientRect();
             const toggle = document.querySelector('[data-testid=display-settings-toggle]').getBoundingClientRect();
             return { overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                      one_row: search.top < toggle.bottom && toggle.top < search.bottom,
                      bar: bar.height,
                      wide: [...document.querySelectorAll('#report p, #report h2, #report h3, #report h4')]
                        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length };",
        );
        assert_eq!(
            layout["overflow"],
            json!(0),
            "horizontal scrolling at {size} %: {layout}"
        );
        assert_eq!(
            layout["wide"],
            json!(0),
            "text wider than the screen at {size} %: {layout}"
        );
        assert_eq!(
            layout["one_row"],
            json!(true),
            "字号 and search on one row at {size} %: {layout}"
        );
        assert!(
            layout["bar"].as_f64().unwrap_or(999.0) <= 844.0 * 0.15,
            "the bar at {size} % takes {layout}"
        );
        // 100 % is the default, already chosen: nothing to remember yet.
        let expected = if size == 100 {
            json!(null)
        } else {
            json!(size)
        };
        assert_eq!(stored(&page)["textSize"], expected);
        if size == 200 {
            page.screenshot("phone-care-text-200");
        }
    }
    page.assert_no_console_errors();

    // Remembered, and in force from the first paint: the page does not move when the app starts.
    page.driver.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "window.__shift = 0; window.__first = null;
            new PerformanceObserver(l => l.getEntries().forEach(e => { window.__shift += e.value; }))
              .observe({ type: 'layout-shift', buffered: true });
            document.addEventListener('DOMContentLoaded', () => {
              window.__first = getComputedStyle(document.documentElement).fontSize; });" }),
    );
    page.open("/");
    let first = page.js("return [window.__first, window.__shift];");
    assert_eq!(
        first[0],
        json!("32px"),
        "the remembered size before the app started"
    );
    assert!(
        first[1].as_f64().unwrap_or(1.0) < 0.01,
        "layout shift on a reload at 200 %: {first}"
    );
    page.driver.click("[data-testid=display-settings-toggle]");
    // 字号 is run by the care module, loaded by this first press.
    page.driver.wait_for(
        "the panel's choices",
        "return document.querySelectorAll('input[data-display]:checked').length === 2;",
    );
    let checked = page.js(
        "return [...document.querySelectorAll('input[data-display]:checked')].map(i => i.value);",
    );
    assert_eq!(
        checked,
        json!(["200", "system"]),
        "the panel shows the choice in force"
    );
    page.screenshot("phone-care-panel-200");
    // Escape closes the panel and gives the focus back to 字号.
    page.driver.keys("\u{e00c}");
    let state = page.js(
        "return [document.querySelector('[data-testid=display-settings]').open,
                 document.activeElement.dataset.testid];",
    );
    assert_eq!(state, json!([false, "display-settings-toggle"]));
    // 完成 (at 200 % on a phone the panel fills the screen) closes it the same way.
    page.driver.click("[data-testid=display-settings-toggle]");
    page.driver.click("[data-display-done]");
    let state = page.js(
        "return [document.querySelector('[data-testid=display-settings]').open,
                 document.activeElement.dataset.testid];",
    );
    assert_eq!(state, json!([false, "display-settings-toggle"]), "完成");
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn damaged_or_foreign_display_settings_are_ignored_at_start_up() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    for bad in [
        "{broken",
        "{\"version\":2,\"textSize\":200,\"theme\":\"dark\"}",
        "{\"version\":1,\"textSize\":900,\"theme\":\"<b>\"}",
        "null",
    ] {
        page.driver.js(
            "localStorage.setItem('songshi-report.display', arguments[0]);",
            json!([bad]),
        );
        page.open("/");
        let state = page.js(
            "return [document.documentElement.getAttribute('data-text-size'),
                     document.documentElement.getAttribute('data-theme')];",
        );
        assert_eq!(state, json!([null, null]), "after {bad:?} in storage");
        assert_eq!(root_font_px(&page), 16.0);
    }
    // The control still works, and replaces what was there.
    page.choose_display("text-size", "150");
    assert_eq!(
        stored(&page),
        json!({"version": 1, "textSize": 150, "theme": "system"})
    );
    page.assert_no_console_errors();
}

/// The page's background and text colours.
fn colours(page: &Page) -> Value {
    page.js("const s = getComputedStyle(document.body);
         return [s.backgroundColor, s.color];")
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn colours_follow_the_system_unless_the_reader_chooses_light_dark_or_high_contrast() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.driver.color_scheme("dark");
    page.open("/");
    let dark = json!(["rgb(20, 21, 24)", "rgb(235, 233, 228)"]);
    let light = json!(["rgb(251, 250, 247)", "rgb(29, 29, 31)"]);
    let contrast = json!(["rgb(255, 255, 255)", "rgb(0, 0, 0)"]);
    assert_eq!(colours(&page), dark, "the system's dark by default");

    page.choose_display("theme", "light");
    assert_eq!(colours(&page), light, "light chosen on a dark system");
    page.choose_display("theme", "contrast");
    assert_eq!(colours(&page), contrast, "high contrast");
    page.driver.keys("\u{e00c}");
    page.screenshot("phone-care-contrast");

    // Remembered across a reload, on a light system too.
    page.driver.color_scheme("light");
    page.open("/");
    assert_eq!(colours(&page), contrast, "high contrast after a reload");
    page.choose_display("theme", "dark");
    assert_eq!(colours(&page), dark, "dark chosen on a light system");
    page.choose_display("theme", "system");
    assert_eq!(colours(&page), light, "back to the system's light");
    assert_eq!(
        page.js("return document.documentElement.hasAttribute('data-theme');"),
        json!(false)
    );
    assert_eq!(stored(&page)["theme"], json!("system"));

    // The system's own request for more contrast, when the reader chose nothing.
    page.driver.cdp(
        "Emulation.setEmulatedMedia",
        json!({ "features": [{ "name": "prefers-contrast", "value": "more" }] }),
    );
    assert_eq!(colours(&page), contrast, "prefers-contrast: more");
    page.assert_no_console_errors();
}

/// A speech synthesis the test drives: one zh-CN voice (or `voices`), every utterance's text
/// in `window.__spoken`, `window.__finish()` ends the one being spoken.
fn fake_speech(page: &Page, voices: &str) {
    page.driver.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": format!("window.__spoken = [];
            class FakeUtterance {{ constructor(text) {{ this.text = text; }} }}
            const fake = {{ voices: {voices}, paused: false, current: null,
              getVoices() {{ return this.voices; }},
              addEventListener() {{}}, removeEventListener() {{}},
              speak(u) {{ window.__spoken.push(u.text); this.current = u; }},
              pause() {{ this.paused = true; }}, resume() {{ this.paused = false; }},
              cancel() {{ this.current = null; }} }};
            window.__speech = fake;
            window.__finish = () => {{ const u = fake.current; fake.current = null; if (u && u.onend) u.onend({{}}); }};
            Object.defineProperty(window, 'speechSynthesis', {{ value: fake, configurable: true }});
            window.SpeechSynthesisUtterance = FakeUtterance;") }),
    );
}

/// A phone with the driven speech synthesis (`voices`), the page open, and 朗读 pressed on the
/// first point (the reading script is loaded only then: never on a first visit).
fn start_reading(env: &support::Env, voices: &str) -> Page {
    let page = Page::phone(env);
    fake_speech(&page, voices);
    page.open("/");
    assert_eq!(
        page.js(&support::fetched("report-care")),
        json!(0),
        "no reading module on a first visit"
    );
    page.driver.click("[data-read-section=sec-1-1-1]");
    page
}

/// The text of the passage highlighted as being read.
fn reading(page: &Page) -> Value {
    page.js("const h = CSS.highlights.get('reading');
         return h ? [...h][0].toString() : null;")
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn a_section_is_read_aloud_sentence_by_sentence_highlighted_with_pause_resume_and_stop() {
    let (env, _serial) = setup!();
    let page = start_reading(
        env,
        "[{ name: 'Fake 普通话', lang: 'zh-CN', default: true }]",
    );
    page.driver
        .wait_for("the heading spoken", "return window.__spoken.length === 1;");
    assert_eq!(
        page.js("return window.__spoken[0];"),
        json!("一是把好经济“方向盘”。")
    );
    assert_eq!(reading(&page), json!("一是把好经济“方向盘”。"));
    assert_eq!(
        page.js("return document.activeElement.dataset.testid;"),
        json!("reader-pause"),
        "the focus on 暂停"
    );
    page.js("window.__finish();");
    page.driver
        .wait_for("the first sentence", "return window.__spoken.length === 2;");
    let sentence =
        page.js("return document.querySelector('#sec-1-1-1-body .sentence').textContent;");
    assert_eq!(
        reading(&page),
        sentence,
        "the sentence being read is highlighted"
    );
    let spoken = page.js("return window.__spoken[1];");
    let spoken = spoken.as_str().unwrap_or_default();
    assert!(
        spoken.contains("预计十月初投产"),
        "figures as words: {spoken}"
    );
    assert!(!spoken.chars().any(|c| c.is_ascii_digit()), "{spoken}");
    assert_eq!(page.texts("[data-testid=reader-now]").join(""), "第2/2句");
    page.screenshot("phone-reading-aloud");

    // Pause, resume.
    page.driver.click("[data-testid=reader-pause]");
    assert_eq!(page.js("return window.__speech.paused;"), json!(true));
    assert_eq!(page.texts("[data-testid=reader-pause]"), ["继续"]);
    page.driver.click("[data-testid=reader-pause]");
    assert_eq!(page.js("return window.__speech.paused;"), json!(false));
    assert_eq!(page.texts("[data-testid=reader-pause]"), ["暂停"]);

    // Stop: nothing more is spoken, no highlight, the focus back on 朗读.
    page.driver.click("[data-testid=reader-stop]");
    page.js("window.__finish();");
    assert_eq!(page.js("return window.__spoken.length;"), json!(2));
    assert_eq!(reading(&page), Value::Null);
    assert_eq!(
        page.js("return document.activeElement.dataset.readSection ?? null;"),
        json!("sec-1-1-1")
    );
    assert_eq!(
        page.js("return document.querySelector('[data-testid=reader-bar]').hidden;"),
        json!(true)
    );

    // To the end: a whole part, every sentence once, then 朗读完毕.
    page.driver.click("[data-read-section=sec-1-2]");
    page.driver.wait_for(
        "the reading started",
        "return window.__spoken.length === 3;",
    );
    let total = page.js(
        "const s = document.getElementById('sec-1-2').closest('section');
         return s.querySelectorAll('.section__heading, .sentence, .section__cut').length;",
    );
    for _ in 1..total.as_u64().unwrap_or(1) {
        page.js("window.__finish();");
    }
    page.js("window.__finish();");
    page.driver.wait_for(
        "the end",
        "return document.querySelector('[data-testid=reader-now]').textContent === '朗读完毕。';",
    );
    assert_eq!(
        page.js("return window.__spoken.length - 2;"),
        total,
        "each heading and sentence once"
    );
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn figures_are_read_as_words_and_no_digit_is_ever_spoken() {
    let (env, _serial) = setup!();
    let page = start_reading(
        env,
        "[{ name: 'Fake 普通话', lang: 'zh-CN', default: true }]",
    );
    let care = support::module("report-care");
    page.driver
        .wait_for("the reading module", &format!("return !!{care}.loading;"));
    for (written, heard) in report_core::spoken::PROMISED {
        let got = page.driver.js(
            &format!("return {care}.loading.then(m => m.spoken(arguments[0]));"),
            json!([written]),
        );
        assert_eq!(got, json!(heard), "{written}");
    }
    // Every heading and sentence of the report, as spoken: no digit left.
    let digits = page.js(
        &format!("return {care}.loading.then(m => [...document.querySelectorAll('#report .section__heading, #report .sentence')]
            .map(e => m.spoken(e.textContent)).filter(t => /[0-9０-９]/.test(t)));"),
    );
    assert_eq!(
        digits,
        json!([]),
        "passages that would be spoken with digits"
    );
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn without_a_chinese_voice_or_speech_synthesis_reading_aloud_says_so() {
    let (env, _serial) = setup!();
    let page = start_reading(
        env,
        "[{ name: 'Fake English', lang: 'en-US', default: true }]",
    );
    page.driver.wait_for(
        "the message",
        "return (document.querySelector('[data-testid=reader-now]')?.textContent ?? '')
            .includes('没有中文（普通话）语音');",
    );
    assert_eq!(page.js("return window.__spoken.length;"), json!(0));
    page.screenshot("phone-reading-no-voice");
    page.driver.click("[data-testid=reader-close]");
    drop(page);

    let page = Page::phone(env);
    page.driver.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;
            Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });" }),
    );
    page.open("/");
    page.driver.click("[data-read-section=sec-1-1-1]");
    page.driver.wait_for(
        "the message",
        "return (document.querySelector('[data-testid=reader-now]')?.textContent ?? '')
            .includes('不支持朗读');",
    );
    page.assert_no_console_errors();
}
