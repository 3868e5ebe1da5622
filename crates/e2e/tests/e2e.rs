//! End-to-end tests: the release build served on 127.0.0.1, driven in headless Chromium over
//! WebDriver. `#[ignore]`d, so that a plain `cargo test` lists them as not run; `cargo test -p
//! e2e -- --include-ignored` (as `cargo xtask test` runs them) runs them, and fails when the
//! browser or a build is missing. Screenshots go to target/screenshots/.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::fidelity::assert_same_text;
use support::{env, fidelity_form, serial, source_body, Page, SUB_PATH};

/// Every section heading id, for the 1 part, 5 themes and 13 points of this report.
const THEME_IDS: [&str; 5] = ["sec-1-1", "sec-1-2", "sec-1-3", "sec-1-4", "sec-1-5"];

macro_rules! setup {
    () => {{
        let env = env();
        (env, serial())
    }};
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn every_theme_and_point_renders_as_a_heading() {
    let (env, _serial) = setup!();
    let page = Page::desktop(env);
    page.open("/");
    assert_eq!(page.count(".section--part > .section__head > h2"), 1);
    let themes = page.texts(".section--theme > .section__head > h3 .section__title");
    assert_eq!(themes.len(), 5, "themes: {themes:?}");
    assert!(
        themes.iter().all(|t| t.starts_with("今年来，我们")),
        "{themes:?}"
    );
    let points = page.texts(".section--point > .section__head > h4");
    assert_eq!(points.len(), 13, "points: {points:?}");
    assert!(
        points[0].starts_with("一是把好经济“方向盘”。"),
        "{}",
        points[0]
    );
    let ids =
        page.js("return [...document.querySelectorAll('.section--theme > .section__head > h3')].map(e => e.id);");
    assert_eq!(ids, serde_json::json!(THEME_IDS), "stable heading ids");
    for id in THEME_IDS {
        let name = page.attr(&format!("[data-testid=link-{id}]"), "aria-label");
        assert!(
            name.as_deref()
                .is_some_and(|n| n.starts_with("复制链接：今年来")),
            "copy-link control of {id}: {name:?}"
        );
    }
    assert_eq!(page.js("return document.documentElement.lang;"), "zh-CN");
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn rendered_text_equals_the_source_and_the_site_chrome_is_absent() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    assert_same_text(&page.report_text(), source_body());
    let body = page.js("return document.body.innerText;");
    let body = body.as_str().unwrap_or_default();
    for chrome in ["购物车", "我的足迹", "加入Vip", "立即下载"] {
        assert!(
            !body.contains(chrome),
            "site chrome {chrome:?} is on the page"
        );
    }
    let notice = page.texts("[data-testid=truncation-notice]").join("");
    assert!(
        notice.contains("原文到此中断") && notice.contains("今年共"),
        "{notice}"
    );
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn a_deep_link_expands_and_scrolls_to_its_section() {
    let (env, _serial) = setup!();
    let page = Page::desktop(env);
    page.open("/#sec-1-4-2");
    page.wait_heading_at_top("sec-1-4-2");

    // Collapsed beforehand, a link followed later still opens its section and its theme.
    page.driver.click("[data-testid=collapse-all]");
    page.driver.wait_for(
        "everything collapsed",
        "return document.querySelectorAll('[data-section-body][hidden]').length === 18;",
    );
    page.js("location.hash = '#sec-1-2-3';");
    page.wait_heading_at_top("sec-1-2-3");
    assert_eq!(
        page.attr("[data-testid=toggle-sec-1-2-3]", "aria-expanded")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        page.attr("[data-testid=toggle-sec-1-2]", "aria-expanded")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        page.attr("[data-testid=toggle-sec-1-1]", "aria-expanded")
            .as_deref(),
        Some("false"),
        "sections that were not linked stay collapsed"
    );
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn a_deep_link_works_when_hosted_under_a_sub_path() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open(&format!("{SUB_PATH}#sec-1-3-1"));
    page.wait_heading_at_top("sec-1-3-1");
    let path = page.js("return location.pathname;");
    assert_eq!(path, SUB_PATH);
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn an_outline_click_scrolls_to_the_section_and_marks_it_current() {
    let (env, _serial) = setup!();
    let page = Page::desktop(env);
    page.open("/");
    page.driver.click("[data-testid=outline-sec-1-5-2]");
    page.wait_heading_at_top("sec-1-5-2");
    page.driver.wait_for(
        "the outline entry to be current",
        "const e = document.querySelector('[data-testid=outline-sec-1-5-2]');
         return e.getAttribute('aria-current') === 'location';",
    );
    assert_eq!(page.js("return location.hash;"), "#sec-1-5-2");
    assert_eq!(page.count(".outline__link[aria-current]"), 1);

    // Scrolling back up moves the highlight with the reader.
    page.js(
        "document.getElementById('sec-1-1').scrollIntoView({block: 'start', behavior: 'instant'});",
    );
    page.driver.wait_for(
        "the highlight to follow the scroll",
        "const e = document.querySelector('[data-testid=outline-sec-1-1]');
         return e.getAttribute('aria-current') === 'location';",
    );
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn on_a_phone_the_outline_is_a_drawer_that_closes_after_navigating() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    let visible = "return getComputedStyle(document.querySelector('[data-testid=outline]')).visibility === 'visible';";
    assert_eq!(page.js(visible), false, "the drawer starts closed");
    page.driver.click("[data-testid=outline-toggle]");
    assert_eq!(
        page.attr("[data-testid=outline-toggle]", "aria-expanded")
            .as_deref(),
        Some("true")
    );
    page.driver.wait_for("the drawer to open", visible);
    page.driver.click("[data-testid=outline-sec-1-3]");
    page.wait_heading_at_top("sec-1-3");
    assert_eq!(
        page.attr("[data-testid=outline-toggle]", "aria-expanded")
            .as_deref(),
        Some("false")
    );
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn collapsed_text_stays_in_the_page_and_expand_all_restores_it() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    let before = fidelity_form(&page.report_text());
    // On a phone, expand / collapse all live in the outline drawer.
    page.open_drawer();
    assert!(
        page.attr("#main", "inert").is_some(),
        "the page behind the open drawer is inert"
    );
    page.driver.click("[data-testid=collapse-all]");
    page.driver.wait_for(
        "every theme and point collapsed",
        "return document.querySelectorAll('.section__toggle[aria-expanded=false]').length === 18;",
    );
    page.close_drawer();
    assert_eq!(page.attr("#main", "inert"), None);
    assert_eq!(
        page.count("[data-section-body][hidden=until-found]"),
        18,
        "collapsed bodies use hidden=until-found"
    );
    assert_eq!(
        fidelity_form(&page.report_text()),
        before,
        "collapsing removed text"
    );
    page.screenshot("phone-collapsed");

    page.driver.click("[data-testid=toggle-sec-1-1]");
    assert_eq!(
        page.attr("[data-testid=toggle-sec-1-1]", "aria-expanded")
            .as_deref(),
        Some("true")
    );
    page.open_drawer();
    page.driver.click("[data-testid=expand-all]");
    page.driver.wait_for(
        "everything expanded",
        "return document.querySelectorAll('[data-section-body][hidden]').length === 0;",
    );
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn the_keyboard_reaches_the_skip_link_and_the_toggles() {
    let (env, _serial) = setup!();
    let page = Page::desktop(env);
    page.open("/");
    page.driver.keys("\u{E004}"); // Tab
    assert_eq!(
        page.js("return document.activeElement.className;"),
        "skip-link"
    );
    page.driver.keys("\u{E007}"); // Enter
    page.driver.wait_for(
        "focus on the report text",
        "return document.activeElement.id === 'report';",
    );
    page.driver.keys("\u{E004}");
    assert_eq!(
        page.js("return document.getElementById('report').contains(document.activeElement);"),
        true,
        "the next Tab stays in the text, past the cards"
    );
    page.js("document.querySelector('[data-testid=toggle-sec-1-2-1]').focus();");
    page.driver.keys("\u{E007}");
    assert_eq!(
        page.attr("[data-testid=toggle-sec-1-2-1]", "aria-expanded")
            .as_deref(),
        Some("false")
    );
    page.driver.keys(" ");
    assert_eq!(
        page.attr("[data-testid=toggle-sec-1-2-1]", "aria-expanded")
            .as_deref(),
        Some("true")
    );
    // The focus ring is visible (an outline, not `none`).
    let ring = page.js("return getComputedStyle(document.activeElement).outlineStyle;");
    assert_ne!(ring, "none");
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn text_at_200_percent_does_not_overflow_a_phone_screen() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    page.js("document.documentElement.style.fontSize = '200%';");
    let overflow = page
        .js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assert!(
        overflow.as_i64().unwrap_or(1) <= 0,
        "horizontal overflow: {overflow}"
    );
    page.screenshot("phone-text-200");
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn screenshots_of_phone_and_desktop() {
    let (env, _serial) = setup!();
    let phone = Page::phone(env);
    phone.open("/");
    let overflow = phone
        .js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assert!(
        overflow.as_i64().unwrap_or(1) <= 0,
        "horizontal overflow on a phone: {overflow}"
    );
    phone.screenshot("phone-top");
    phone.open("/#sec-1-1");
    phone.wait_heading_at_top("sec-1-1");
    phone.screenshot("phone-theme");
    phone.open_drawer();
    phone.screenshot("phone-outline");
    assert_eq!(
        phone.js("return document.activeElement.classList.contains('outline__close');"),
        true,
        "opening the drawer moves focus into it"
    );
    phone.driver.keys("\u{E00C}"); // Esc closes it
    phone.wait_drawer_closed();
    assert_eq!(
        phone.js("return document.activeElement.dataset.testid;"),
        "outline-toggle",
        "closing the drawer returns focus to its toggle"
    );
    phone.driver.color_scheme("dark");
    phone.open("/#sec-1-5-2");
    phone.wait_heading_at_top("sec-1-5-2");
    phone.js("window.scrollTo(0, document.body.scrollHeight);");
    phone.screenshot("phone-dark-end");
    phone.assert_no_console_errors();
    drop(phone);

    let desktop = Page::desktop(env);
    desktop.open("/");
    desktop.screenshot("desktop-top");
    desktop.open("/#sec-1-3");
    desktop.wait_heading_at_top("sec-1-3");
    desktop.screenshot("desktop-theme");
    desktop.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn figures_in_the_text_are_data_elements_with_base_unit_values() {
    let (env, _serial) = setup!();
    let page = Page::desktop(env);
    page.open("/");
    assert_eq!(page.count("[data-testid=report] data.figure"), 42);
    let value_of = |written: &str| {
        page.driver
            .js(
                "const d = [...document.querySelectorAll('[data-testid=report] data.figure')]
                   .find(d => d.textContent === arguments[0]);
                 return d ? [d.value, d.title] : null;",
                serde_json::json!([written]),
            )
            .as_array()
            .map(|a| {
                (
                    a[0].as_str().unwrap_or("").to_string(),
                    a[1].as_str().unwrap_or("").to_string(),
                )
            })
            .unwrap_or_else(|| panic!("no <data> for {written}"))
    };
    assert_eq!(value_of("1687万元").0, "16870000");
    assert_eq!(value_of("15.3万元").0, "153000");
    assert_eq!(value_of("14.5%").0, "14.5");
    // A bound is never a plain number: its value says ">6000", its title "多于6000亩".
    let (bamboo, reading) = value_of("6000余亩");
    assert_eq!(bamboo, ">6000");
    assert!(reading.contains("多于6000亩"), "{reading}");
    assert_eq!(
        value_of("约2000万元"),
        ("~20000000".to_string(), "约2000万元".to_string())
    );
    assert!(value_of("突破3万人次").1.contains("多于3万人次"));
    assert_eq!(value_of("数百名").0, "200-900");
    // Numerals in names, ordinals and dates stay plain text.
    let inside_data = page.js(
        "return [...document.querySelectorAll('[data-testid=report] data')].map(d => d.textContent).join('|');",
    );
    for plain in [
        "二十大",
        "十四五",
        "2024年",
        "75周年",
        "10月初",
        "1-8月",
        "首届",
        "一把手",
    ] {
        assert!(
            !inside_data.as_str().unwrap_or("").contains(plain),
            "{plain} is marked as a figure"
        );
    }
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn a_card_leads_to_its_sentence_even_when_the_section_was_collapsed() {
    let (env, _serial) = setup!();
    let page = Page::desktop(env);
    page.open("/");
    page.driver.click("[data-testid=collapse-all]");
    page.driver.wait_for(
        "everything collapsed",
        "return document.querySelectorAll('[data-section-body][hidden]').length === 18;",
    );
    page.driver.click("[data-testid=figures-toggle]");
    let target = page
        .attr("[data-testid=source-rice-area]", "href")
        .expect("the card links to its figure");
    page.driver.click("[data-testid=source-rice-area]");
    let id = target.trim_start_matches('#').to_string();
    page.driver.wait_for(
        "the figure to be in view",
        &format!(
            "const e = document.getElementById('{id}'); if (!e) return false;
             const r = e.getBoundingClientRect();
             return r.height > 0 && r.top > 40 && r.bottom < innerHeight;"
        ),
    );
    assert_eq!(
        page.attr("[data-testid=toggle-sec-1-3-2]", "aria-expanded")
            .as_deref(),
        Some("true")
    );
    let highlighted = page.texts(".sentence--highlight");
    assert_eq!(highlighted.len(), 1);
    assert!(
        highlighted[0].contains("今年水稻种植面积同比提升29.4%。"),
        "{highlighted:?}"
    );
    assert_eq!(page.js("return location.hash;"), target.as_str());
    page.screenshot("desktop-figure-in-text");
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn a_figure_in_the_text_opens_its_card() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    let link = "[data-testid=report] a.figure-link[href='#card-medical-enrolment']";
    page.driver.click(link);
    page.driver.wait_for(
        "the card to be in view and marked",
        "const e = document.getElementById('card-medical-enrolment'); if (!e) return false;
         const r = e.getBoundingClientRect();
         return e.classList.contains('metric-card--focused') && r.top >= 0 && r.bottom <= innerHeight;",
    );
    assert_eq!(
        page.attr("[data-testid=figures-toggle]", "aria-expanded")
            .as_deref(),
        Some("true")
    );
    page.screenshot("phone-card-from-text");
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn the_theme_filter_shows_one_theme_and_the_cards_read_well() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    assert_eq!(page.count("[data-testid=headline-row] .metric-card"), 6);
    page.screenshot("phone-headline-cards");
    page.driver.click("[data-testid=figures-toggle]");
    assert_eq!(page.count("#figures-all .metric-card"), 41);
    // The themes are folded away (a screen of chips on a phone).
    page.driver.click(".figures__fold > summary");
    page.driver.click("[data-testid=filter-sec-1-4]");
    assert_eq!(page.count(".figures__theme"), 1);
    assert_eq!(page.count("#figures-all .metric-card"), 12);
    assert_eq!(
        page.attr("[data-testid=filter-sec-1-4]", "aria-pressed")
            .as_deref(),
        Some("true")
    );
    page.js("document.querySelector('[data-testid=theme-sec-1-4]').scrollIntoView();");
    page.screenshot("phone-card-grid");
    // Two columns on a phone.
    let columns = page.js(
        "const cards = [...document.querySelectorAll('#figures-all .metric-card')];
         return new Set(cards.map(c => Math.round(c.getBoundingClientRect().left))).size;",
    );
    assert_eq!(columns, 2);
    page.driver.click("[data-testid=filter-all]");
    assert_eq!(page.count(".figures__theme"), 5);
    page.assert_no_console_errors();

    let desktop = Page::desktop(env);
    desktop.open("/#card-fiscal-revenue");
    desktop.driver.wait_for(
        "the card to be in view",
        "const e = document.getElementById('card-fiscal-revenue'); if (!e) return false;
         const r = e.getBoundingClientRect();
         return r.top >= 0 && r.bottom <= innerHeight && e.classList.contains('metric-card--focused');",
    );
    desktop.screenshot("desktop-card-grid");
    desktop.js("document.querySelector('.figures__charts').scrollIntoView();");
    desktop.screenshot("desktop-charts");
    // The curated comparisons only: no value derived from a growth rate (issue 17).
    assert_eq!(desktop.count(".bar-chart"), 1);
    assert_eq!(desktop.count(".bar-chart table tbody tr"), 2);
    desktop.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn the_exports_hold_every_figure_with_its_sentence() {
    let (env, _serial) = setup!();
    let page = Page::desktop(env);
    page.open("/");
    page.driver.click("[data-testid=figures-toggle]");
    // Nothing of the exports' module is loaded before the first press.
    assert_eq!(
        page.js("return performance.getEntriesByType('resource').filter(r => r.name.includes('report-export')).length;"),
        serde_json::json!(0)
    );
    let (csv, csv_name) = page.download("export-csv");
    assert!(csv.starts_with('\u{feff}'), "the CSV starts with a BOM");
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 42, "a header and 41 figures");
    assert!(lines[0].starts_with("\u{feff}编号,名称,数值,下限,上限,数值性质,"));
    let bamboo = lines.iter().find(|l| l.contains(",流转竹林,")).unwrap();
    assert!(
        bamboo.starts_with("bamboo-transfer,流转竹林,,6000,,下限,多于6000亩,亩,6000余亩,实绩,"),
        "{bamboo}"
    );
    let (json, json_name) = page.download("export-json");
    assert_eq!(json_name, "2024年嵩市镇政府工作报告·数据.json");
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["report"], "2024年嵩市镇政府工作报告");
    let figures = json["figures"].as_array().unwrap();
    assert_eq!(figures.len(), 41);
    let revenue = &figures[0];
    assert_eq!(revenue["value"], "16870000");
    assert_eq!(revenue["period"], "1-8月");
    assert_eq!(revenue["change"], "同比增长14.5%");
    assert_eq!(revenue["precision"], "exact");
    let link = revenue["link"].as_str().unwrap();
    assert!(
        link.starts_with(&page.base) && link.ends_with("/#sec-1-fig-1"),
        "{link}"
    );
    assert_eq!(csv_name, "2024年嵩市镇政府工作报告·数据.csv");
    page.assert_no_console_errors();
}

const SEARCH: &str = "[data-testid=search-input]";

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn typing_a_word_highlights_every_place_and_opens_collapsed_sections() {
    let (env, _serial) = setup!();
    let page = Page::desktop(env);
    page.open("/");
    page.driver.click("[data-testid=collapse-all]");
    page.driver.type_into(SEARCH, "乡贤");
    page.wait_search_status("共5处 · 第1处");
    assert_eq!(page.count("mark.search-hit[id^=hit-]"), 5);
    // Each hit is one mark holding exactly the query: never an empty or a partial one.
    assert_eq!(
        page.texts("[data-testid=report] mark.search-hit"),
        ["乡贤"; 5],
        "the marked text of every hit"
    );
    assert_eq!(page.count("mark.search-hit"), 5, "no mark outside the hits");
    assert_eq!(
        page.attr("[data-testid=toggle-sec-1-1-3]", "aria-expanded")
            .as_deref(),
        Some("true"),
        "the collapsed point holding the hits opened"
    );
    assert_eq!(
        page.attr("[data-testid=toggle-sec-1-2]", "aria-expanded")
            .as_deref(),
        Some("false"),
        "sections without a hit stay collapsed"
    );
    // The first hit is in view.
    page.driver.wait_for(
        "the current hit in view",
        "const m = document.getElementById('hit-0'); const r = m.getBoundingClientRect();
         return r.top > 0 && r.bottom < innerHeight;",
    );
    page.driver.click("[data-testid=search-list-toggle]");
    assert_eq!(page.count("[data-testid=search-results] ol li"), 5);
    page.screenshot("desktop-search");
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn numbers_are_found_inside_figures_and_absent_words_say_so() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    page.driver.type_into(SEARCH, "1687");
    page.wait_search_status("共1处 · 第1处");
    assert_eq!(
        page.js("return !!document.getElementById('hit-0').closest('data.figure');"),
        true,
        "the hit is marked inside the figure's <data>"
    );
    page.js("document.querySelector('[data-testid=search-input]').select();");
    page.driver.type_into(SEARCH, "火星");
    page.wait_search_status("没有找到“火星”");
    assert_eq!(page.count("mark.search-hit"), 0);
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn esc_clears_the_query_and_every_highlight() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    page.driver.type_into(SEARCH, "乡贤");
    page.wait_search_status("共5处 · 第1处");
    // Typing goes to the first hit, clear of the (now taller) sticky bar.
    page.driver.wait_for(
        "the first hit in view below the bar",
        "const r = document.getElementById('hit-0').getBoundingClientRect();
         const bar = document.querySelector('[data-testid=top-bar]').getBoundingClientRect();
         return r.top >= bar.bottom && r.bottom <= innerHeight;",
    );
    page.driver.keys("\u{E00C}");
    page.wait_search_status("");
    assert_eq!(page.count("mark.search-hit"), 0);
    assert_eq!(
        page.js("return document.querySelector('[data-testid=search-input]').value;"),
        ""
    );
    assert!(!page
        .js("return location.href;")
        .as_str()
        .unwrap_or("")
        .contains("q="));
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn the_query_lives_in_the_url_and_survives_a_reload() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    page.driver.type_into(SEARCH, "乡贤");
    page.wait_search_status("共5处 · 第1处");
    let hash = page.js("return decodeURIComponent(location.hash);");
    assert_eq!(hash, "#?q=乡贤");
    page.driver.refresh();
    page.driver
        .wait_for("the report after the reload", support::APP_READY);
    page.wait_search_status("共5处 · 第1处");
    assert_eq!(
        page.js("return document.querySelector('[data-testid=search-input]').value;"),
        "乡贤"
    );
    // A shared link to a section with a query opens both.
    page.open("/#sec-1-4-1?q=%E5%8F%82%E4%BF%9D");
    page.wait_search_status("共2处 · 第1处");
    page.wait_heading_at_top("sec-1-4-1");
    page.screenshot("phone-search");
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn the_keyboard_moves_between_hits() {
    let (env, _serial) = setup!();
    let page = Page::desktop(env);
    page.open("/");
    page.driver.keys("/");
    assert_eq!(
        page.js("return document.activeElement.id;"),
        "search-input",
        "/ focuses the box"
    );
    page.driver.type_into(SEARCH, "乡贤");
    page.wait_search_status("共5处 · 第1处");
    page.driver.keys("\u{E007}"); // Enter
    page.wait_search_status("共5处 · 第2处");
    assert_eq!(
        page.js(
            "return document.getElementById('hit-1').classList.contains('search-hit--current');"
        ),
        true
    );
    page.driver.chord(&["\u{E008}", "\u{E007}"]); // Shift+Enter
    page.wait_search_status("共5处 · 第1处");
    page.driver.keys("\u{E015}"); // ↓
    page.wait_search_status("共5处 · 第2处");
    page.driver.keys("\u{E013}\u{E013}"); // ↑ ↑ wraps to the last
    page.wait_search_status("共5处 · 第5处");
    page.js("document.activeElement.blur();");
    page.driver.chord(&["\u{E009}", "k"]); // Ctrl+K
    assert_eq!(page.js("return document.activeElement.id;"), "search-input");
    page.assert_no_console_errors();
}

/// Prints (does not assert) the time from a keystroke to the highlights being on the page.
#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn keystroke_to_highlight_time_is_reported() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    let ms = page.keystroke_times("镇", 7);
    assert_eq!(ms.len(), 7, "every keystroke produced highlights");
    let hits = page.search_status();
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "\nkeystroke → highlights (query 镇, phone viewport, 7 runs): median {:.1} ms, min {:.1} ms, max {:.1} ms {hits}",
        ms[ms.len() / 2],
        ms[0],
        ms[ms.len() - 1]
    );
}
