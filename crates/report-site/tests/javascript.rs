//! The JavaScript that is left (issue 16): the start-up script (`static/boot.js`), the reading
//! worker's loader, the service worker the build writes and the inline pre-paint script the
//! build generates — 250 lines at most together, and none of it holding a name or a rule that
//! the Rust code defines (those reach it through `<meta>` elements, or it is generated from
//! them).

use report_core::markup::{self, TOOLS_MODULES};
use report_core::{display, notes};

const BOOT: &str = include_str!("../../../static/boot.js");
const READER_LOADER: &str = include_str!("../../../static/report-reader-loader.js");

#[test]
fn the_javascript_left_is_250_lines_at_most() {
    let service_worker = report_site::offline::service_worker(
        &["./".to_string(), "index.html".to_string()],
        &["report.json".to_string()],
        "0123456789abcdef",
    );
    let pre_paint = display::pre_paint_script();
    let lines: usize = [BOOT, READER_LOADER, &service_worker, &pre_paint]
        .iter()
        .map(|code| code.lines().count())
        .sum();
    assert!(lines <= 250, "{lines} lines of JavaScript");
}

#[test]
fn the_start_up_script_holds_no_name_the_rust_code_defines() {
    let mut names = vec![
        notes::KEY_PREFIX,
        notes::DAMAGED_KEY_PREFIX,
        display::KEY,
        markup::NOTE_SECTION,
        markup::NOTES_OPEN,
        markup::READ_SECTION,
        markup::DISPLAY_SETTINGS,
        markup::DISPLAY_INPUT,
        report_core::recent::KEY,
    ];
    names.extend(TOOLS_MODULES.iter().map(|m| m.name));
    for name in names {
        assert!(!BOOT.contains(name), "boot.js names {name}");
    }
}
