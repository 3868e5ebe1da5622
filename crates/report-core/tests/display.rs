//! The reader's display choices (字号): what the Rust reader of the stored value decides for
//! every kind of stored value, and proof that the inline pre-paint script decides the same — it
//! is run in Node.js (needed: this test fails, saying so, when `node` is not on PATH) with a
//! fake `localStorage` and `document.documentElement`, once per stored value.

use std::io::Write as _;
use std::process::{Command, Stdio};

use report_core::display::{
    pre_paint_script, Display, KEY, TEXT_SIZES, TEXT_SIZE_ATTRIBUTE, TEXT_SIZE_FIELD, THEMES,
    THEME_ATTRIBUTE, THEME_FIELD,
};

/// Stored values and what they mean: (value under the key, text size, theme). `None`: nothing
/// stored.
fn cases() -> Vec<(Option<String>, &'static str, &'static str)> {
    let mut cases: Vec<(Option<String>, &str, &str)> = Vec::new();
    let mut add =
        |stored: Option<&str>, size, theme| cases.push((stored.map(String::from), size, theme));
    // Nothing, or nothing readable: the defaults.
    add(None, "100", "system");
    add(Some(""), "100", "system");
    add(Some("{damaged"), "100", "system");
    add(Some("null"), "100", "system");
    add(Some("[]"), "100", "system");
    add(Some("\"dark\""), "100", "system");
    add(Some("1"), "100", "system");
    add(Some("true"), "100", "system");
    add(
        Some(r#"[{"version":1,"textSize":150,"theme":"dark"}]"#),
        "100",
        "system",
    );
    add(
        Some("\u{feff}{\"version\":1,\"textSize\":150,\"theme\":\"dark\"}"),
        "100",
        "system",
    );
    add(
        Some(r#"{"version":1,"textSize":150,"theme":"dark"} x"#),
        "100",
        "system",
    );
    // Another version, or none.
    add(
        Some(r#"{"version":2,"textSize":150,"theme":"dark"}"#),
        "100",
        "system",
    );
    add(
        Some(r#"{"version":"1","textSize":150,"theme":"dark"}"#),
        "100",
        "system",
    );
    add(
        Some(r#"{"version":null,"textSize":150,"theme":"dark"}"#),
        "100",
        "system",
    );
    add(Some(r#"{"textSize":150,"theme":"dark"}"#), "100", "system");
    add(
        Some(r#"{"version":1.0,"textSize":150,"theme":"dark"}"#),
        "150",
        "dark",
    );
    // Each choice on its own: an unknown one is the default, the other stays.
    add(
        Some(r#"{"version":1,"textSize":120,"theme":"dark"}"#),
        "100",
        "dark",
    );
    add(
        Some(r#"{"version":1,"textSize":150,"theme":"Dark"}"#),
        "150",
        "system",
    );
    add(
        Some(r#"{"version":1,"textSize":150,"theme":["dark"]}"#),
        "150",
        "system",
    );
    add(
        Some(r#"{"version":1,"textSize":150,"theme":1}"#),
        "150",
        "system",
    );
    add(
        Some(r#"{"version":1,"textSize":null,"theme":null}"#),
        "100",
        "system",
    );
    add(
        Some(r#"{"version":1,"textSize":{"a":150}}"#),
        "100",
        "system",
    );
    add(
        Some(r#"{"version":1,"textSize":" 150","theme":" dark"}"#),
        "100",
        "system",
    );
    add(Some(r#"{"version":1}"#), "100", "system");
    add(
        Some(r#"{"version":1,"textSize":100,"theme":"system"}"#),
        "100",
        "system",
    );
    // The size is read as JavaScript's String() of it.
    add(
        Some(r#"{"version":1,"textSize":"175","theme":"light"}"#),
        "175",
        "light",
    );
    add(Some(r#"{"version":1,"textSize":150.0}"#), "150", "system");
    add(Some(r#"{"version":1,"textSize":1.5e2}"#), "150", "system");
    add(Some(r#"{"version":1,"textSize":[200]}"#), "200", "system");
    add(Some(r#"{"version":1,"textSize":125.5}"#), "100", "system");
    // JSON as JavaScript reads it: a repeated member counts last, half a character is read.
    add(
        Some(r#"{"version":1,"theme":"dark","theme":"contrast"}"#),
        "100",
        "contrast",
    );
    add(
        Some(r#"{"version":1,"textSize":175,"note":"\ud83d"}"#),
        "175",
        "system",
    );
    // Every valid pair, as stored by the page.
    for (size, _) in TEXT_SIZES {
        for (theme, _) in THEMES {
            cases.push((
                Some(format!(
                    r#"{{"version":1,"textSize":{size},"theme":"{theme}"}}"#
                )),
                size,
                theme,
            ));
        }
    }
    cases
}

#[test]
fn the_stored_value_is_read_as_prefs_js_read_it() {
    for (stored, size, theme) in cases() {
        let display = Display::read(stored.as_deref());
        assert_eq!(
            (display.text_size(), display.theme()),
            (size, theme),
            "{stored:?}"
        );
    }
}

#[test]
fn every_choice_is_stored_and_read_back() {
    for (size, _) in TEXT_SIZES {
        for (theme, _) in THEMES {
            let display = Display::default()
                .with(TEXT_SIZE_FIELD, size)
                .and_then(|d| d.with(THEME_FIELD, theme))
                .expect("a choice");
            assert_eq!(display.get(TEXT_SIZE_FIELD), Some(size));
            assert_eq!(display.get(THEME_FIELD), Some(theme));
            let stored = display.to_stored();
            assert_eq!(
                stored,
                format!(r#"{{"version":1,"textSize":{size},"theme":"{theme}"}}"#)
            );
            assert_eq!(Display::read(Some(&stored)), display);
        }
    }
    assert_eq!(KEY, "songshi-report.display");
    assert_eq!(
        TEXT_SIZES.map(|(_, name)| name),
        ["标准", "大", "更大", "特大", "最大"]
    );
    assert_eq!(
        THEMES.map(|(_, name)| name),
        ["跟随系统", "浅色", "深色", "高对比度"]
    );
}

#[test]
fn the_pre_paint_script_is_small_plain_es5_and_safe_inline() {
    let script = pre_paint_script();
    assert!(script.len() < 600, "{} bytes", script.len());
    assert!(!script.to_ascii_lowercase().contains("</script"));
    assert!(
        !script.contains("//") && !script.contains("/*"),
        "no comment"
    );
    assert!(!script.contains('\n'), "one line");
    for newer in ["=>", "let ", "const ", "`", "class ", "...", "?.", "??"] {
        assert!(!script.contains(newer), "not ES5: {newer}");
    }
    for name in [KEY, TEXT_SIZE_ATTRIBUTE, THEME_ATTRIBUTE] {
        assert!(script.contains(name), "{name}");
    }
}

/// Runs the script in Node.js once per stored value; returns the attributes it set on
/// `<html>` each time, as `[[name, value], …]` in JSON.
fn run_in_node(script: &str, stored: &[Option<String>], refused: bool) -> Vec<serde_json::Value> {
    const DRIVER: &str = r#"
const vm = require("vm");
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = input.stored.map(function (value) {
  const set = [];
  const root = {
    setAttribute: function (k, v) { set.push([k, String(v)]); },
    removeAttribute: function (k) { set.push([k, null]); },
  };
  const sandbox = { document: { documentElement: root } };
  Object.defineProperty(sandbox, "localStorage", { get: function () {
    if (input.refused) throw new Error("SecurityError");
    return { getItem: function (k) { return k === input.key ? value : null; } };
  } });
  vm.runInNewContext(input.script, sandbox);
  return set;
});
process.stdout.write(JSON.stringify(out));
"#;
    let input =
        serde_json::json!({ "script": script, "stored": stored, "key": KEY, "refused": refused });
    let mut child = match Command::new("node")
        .arg("-e")
        .arg(DRIVER)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => panic!(
            "this test runs the pre-paint script in Node.js, and `node` could not be started \
             ({e}): install Node.js (20 or later) and put `node` on PATH"
        ),
    };
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.to_string().as_bytes())
        .expect("write to node");
    let output = child.wait_with_output().expect("node ran");
    assert!(
        output.status.success(),
        "node failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("node's JSON")
}

/// The attributes the script should set for a choice: those that are not absent.
fn expected(display: Display) -> serde_json::Value {
    let set: Vec<serde_json::Value> = display
        .attributes()
        .iter()
        .filter_map(|&(name, value)| value.map(|v| serde_json::json!([name, v])))
        .collect();
    serde_json::Value::Array(set)
}

#[test]
fn the_pre_paint_script_decides_what_the_rust_reader_decides() {
    let script = pre_paint_script();
    let cases = cases();
    let stored: Vec<Option<String>> = cases.iter().map(|(s, _, _)| s.clone()).collect();
    let set = run_in_node(&script, &stored, false);
    assert_eq!(set.len(), cases.len());
    for ((stored, size, theme), set) in cases.iter().zip(&set) {
        let display = Display::read(stored.as_deref());
        assert_eq!((display.text_size(), display.theme()), (*size, *theme));
        assert_eq!(set, &expected(display), "stored {stored:?}");
    }
    // Storage refused (private mode, blocked cookies): nothing set, nothing thrown.
    let refused = run_in_node(
        &script,
        &[Some(r#"{"version":1,"textSize":150}"#.into())],
        true,
    );
    assert_eq!(refused, [serde_json::json!([])]);
}

/// `base` with pieces of JSON inserted or runs deleted, deterministically.
fn mutations(base: &str, count: usize) -> Vec<String> {
    const PIECES: [&str; 16] = [
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\\",
        "2",
        "0",
        ".5",
        "null",
        "\\ud83d",
        "\"version\":1,",
        "\"theme\":\"dark\",",
        "\"textSize\":\"200\",",
    ];
    let mut seed: u64 = 99;
    let mut below = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n.max(1)
    };
    (0..count)
        .map(|_| {
            let mut chars: Vec<char> = base.chars().collect();
            for _ in 0..=below(3) {
                if below(2) == 0 && !chars.is_empty() {
                    let at = below(chars.len());
                    let end = (at + 1 + below(4)).min(chars.len());
                    chars.drain(at..end);
                } else {
                    let at = below(chars.len() + 1);
                    chars.splice(at..at, PIECES[below(PIECES.len())].chars());
                }
            }
            chars.into_iter().collect()
        })
        .collect()
}

#[test]
fn fuzz_the_script_and_the_reader_agree_on_damaged_values() {
    let stored: Vec<Option<String>> =
        mutations(r#"{"version":1,"textSize":175,"theme":"contrast"}"#, 600)
            .into_iter()
            .map(Some)
            .collect();
    let set = run_in_node(&pre_paint_script(), &stored, false);
    let mut chosen = 0;
    for (stored, set) in stored.iter().zip(&set) {
        let display = Display::read(stored.as_deref());
        chosen += usize::from(display != Display::default());
        assert_eq!(set, &expected(display), "stored {stored:?}");
    }
    assert!(
        chosen > 50 && chosen < 600,
        "the fuzz reaches both sides: {chosen}"
    );
}
