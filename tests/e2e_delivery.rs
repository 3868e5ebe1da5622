//! End-to-end tests of how the app is delivered (issue 9): the release page runs under a strict
//! Content-Security-Policy — no inline script or style; the wasm, the reading worker and every
//! feature work under it; a script slipped into the page is refused.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::json;
use support::{env, serial, Page};

const COUNTY: &str = include_str!("reports/county-2030.txt");

macro_rules! setup {
    () => {{
        let Some(env) = env() else { return };
        (env, serial())
    }};
}

#[test]
fn the_page_runs_under_a_strict_content_security_policy() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    let policy = page.attr("meta[http-equiv=Content-Security-Policy]", "content");
    assert_eq!(
        policy.as_deref(),
        Some(songshi_report::page::CSP),
        "the policy is in the page"
    );
    // Violations from now on are recorded (the page's own start-up is covered by the console
    // check below: the browser reports every refusal there).
    page.js("window.__violations = [];
         document.addEventListener('securitypolicyviolation',
           e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));");
    // The page as served: no script runs inline, no element carries a style attribute.
    page.js("window.__served = undefined;
         fetch(location.href).then(r => r.text()).then(t => { window.__served = t; });");
    page.driver
        .wait_for("the page's HTML", "return window.__served !== undefined;");
    let inline = page.js(
        "const d = new DOMParser().parseFromString(window.__served, 'text/html');
         return [[...d.scripts].filter(s => !s.src && s.type !== 'application/json').length,
                 d.querySelectorAll('[style]').length, d.querySelectorAll('style').length];",
    );
    assert_eq!(
        inline,
        json!([0, 0, 0]),
        "inline scripts, style attributes, style elements"
    );

    // A session under the policy: the drawer, a search, a file read by the worker.
    page.open_drawer();
    page.close_drawer();
    page.search("乡贤");
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("delivery");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("县.txt");
    std::fs::write(&file, COUNTY).unwrap();
    page.driver.type_into(
        "[data-testid=open-report-input]",
        file.to_str().expect("a UTF-8 path"),
    );
    page.driver.wait_for(
        "the file to be read by the worker",
        "return document.querySelector('[data-testid=opened-notice]') !== null;",
    );
    assert_eq!(page.js("return window.__violations;"), json!([]));
    page.assert_no_console_errors();

    // The policy is enforced: a script slipped into the page does not run.
    page.js("const s = document.createElement('script');
         s.textContent = 'window.__ran = true;';
         document.body.append(s);");
    page.driver.wait_for(
        "the browser to refuse the inline script",
        "return window.__violations.length > 0;",
    );
    assert_eq!(page.js("return window.__ran === true;"), json!(false));
}
