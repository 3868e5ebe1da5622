//! End-to-end tests: the release build served on 127.0.0.1, driven in headless Chromium over
//! WebDriver. Skipped with a notice when the browser or the build is missing, unless
//! `SONGSHI_E2E=required` (as `cargo xtask test` sets it). Screenshots go to target/screenshots/.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::{env, fidelity_form, serial, source_body, Page, SUB_PATH};

/// Every section heading id, for the 1 part, 5 themes and 13 points of this report.
const THEME_IDS: [&str; 5] = ["sec-1-1", "sec-1-2", "sec-1-3", "sec-1-4", "sec-1-5"];

macro_rules! setup {
    () => {{
        let Some(env) = env() else { return };
        (env, serial())
    }};
}

#[test]
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
        let link = page.attr(&format!("#{id} + .section__anchor"), "href");
        assert_eq!(link, Some(format!("#{id}")), "deep link of {id}");
    }
    assert_eq!(page.js("return document.documentElement.lang;"), "zh-CN");
    page.assert_no_console_errors();
}

#[test]
fn rendered_text_equals_the_source_and_the_site_chrome_is_absent() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    let shown = fidelity_form(&page.report_text());
    let source = fidelity_form(source_body());
    if shown != source {
        let at = shown
            .chars()
            .zip(source.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let context = |s: &str| {
            s.chars()
                .skip(at.saturating_sub(10))
                .take(30)
                .collect::<String>()
        };
        panic!(
            "page text differs from the source at character {at}:\n page:   {}\n source: {}",
            context(&shown),
            context(&source)
        );
    }
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
fn a_deep_link_works_when_hosted_under_a_sub_path() {
    let (env, _serial) = setup!();
    if !env.has_subpath {
        eprintln!("NOTICE: sub-path build missing; `cargo xtask test` builds it");
        return;
    }
    let page = Page::phone(env);
    page.open(&format!("{SUB_PATH}#sec-1-3-1"));
    page.wait_heading_at_top("sec-1-3-1");
    let path = page.js("return location.pathname;");
    assert_eq!(path, SUB_PATH);
    page.assert_no_console_errors();
}

#[test]
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
        "focus on the main landmark",
        "return document.activeElement.id === 'main';",
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
