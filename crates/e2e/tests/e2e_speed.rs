//! Speed benchmarks in the browser (issue 19), run by `cargo xtask bench` and at the end of
//! `cargo xtask test`. They print and assert nothing about time (speed targets live in
//! benchmarks, never in timed tests); they fail only when the page does not do its job (a report
//! that does not open, a console error).
//!
//! - **Opening a long report** (the made-up 34,000-character report of
//!   `report-core/benches/support/generated.rs`; `OPEN_BENCH_FILE=path` for another, for example
//!   a real report of `../shared/corpora/`): per run, the reading worker's time (the file
//!   posted → its answer), the first screen painted (the frame after the report's notice is
//!   in the page), the last section added to the page, and the longest task of the page's
//!   thread.
//! - **Very large input**: a 150,000-character report and a 1 MB text, the same figures, plus
//!   memory (JS heap and the page's DOM), scrolling (the gaps between frames while the page is
//!   scrolled down a screen a frame) and a keystroke in the search box to its highlights.
//! - **Start-up at 4× CPU slowdown** (DevTools' throttling): every task over 50 ms from the
//!   first byte of the default report's page to the app running, and their blocking time.
//!
//! Medians are over 5 runs after a first one that loads the worker.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::io::Write;

use serde_json::json;
use support::{env, file_with, serial, Page};

#[path = "../../report-core/benches/support/generated.rs"]
mod generated;

/// Installed once per page: wraps `Worker` to see the file posted and the answer, observes
/// long tasks and the sections added to the page.
const INSTRUMENT: &str = "
    const b = window.__bench = { tasks: [], sections: 0 };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
    const W = window.Worker;
    window.Worker = function (url) {
      const w = new W(url);
      const post = w.postMessage.bind(w);
      w.postMessage = (m) => { b.posted = performance.now(); post(m); };
      w.addEventListener('message', (e) => {
        if (typeof e.data === 'string') return;
        b.answered = performance.now();
        b.answers = (b.answers || 0) + 1;
      });
      return w;
    };
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) {
        if (n.nodeType === 1 && (n.matches('section.section') || n.querySelector('section.section'))) {
          b.lastSection = performance.now();
        }
      }
    }).observe(document.body, { subtree: true, childList: true });";

/// Starts one run: the file named `name` is about to be chosen.
const ARM: &str = "
    const b = window.__bench, name = arguments[0];
    b.chosen = null; b.painted = null; b.answered = null; b.lastSection = null;
    document.querySelector('[data-testid=open-report-input]')
      .addEventListener('change', () => { b.chosen = performance.now(); }, { capture: true, once: true });
    new MutationObserver((_, o) => {
      const n = document.querySelector('[data-testid=opened-notice]');
      if (n && n.textContent.includes(name)) {
        o.disconnect();
        // After the frame that shows it: a message posted from a frame callback runs after paint.
        requestAnimationFrame(() => {
          const c = new MessageChannel();
          c.port1.onmessage = () => { b.painted = performance.now(); };
          c.port2.postMessage(0);
        });
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });";

/// Waits until no section has been added for half a second, then returns the run's times.
const COLLECT: &str = "
    const b = window.__bench, done = arguments[arguments.length - 1];
    const settle = () => {
      const last = b.lastSection || b.painted;
      if (performance.now() - last < 500) return setTimeout(settle, 100);
      const end = Math.max(last, b.painted);
      const tasks = b.tasks.filter(([s, d]) => s + d >= b.chosen && s <= end);
      done({
        worker: b.answered - b.posted,
        answer: b.answered - b.chosen,
        painted: b.painted - b.chosen,
        whole: end - b.chosen,
        longest: tasks.reduce((m, [, d]) => Math.max(m, d), 0),
        over50: tasks.filter(([, d]) => d > 50).length,
        sections: document.querySelectorAll('[data-testid=report] section.section').length,
      });
    };
    settle();";

/// One measured opening.
struct Run {
    /// From the file posted to the reading worker to its answer.
    worker: f64,
    answer: f64,
    painted: f64,
    whole: f64,
    longest: f64,
    over50: f64,
    sections: f64,
}

fn open_timed(page: &Page, name: &str, bytes: &[u8]) -> Run {
    let path = file_with(name, bytes);
    page.driver.js(ARM, json!([name]));
    page.choose_file(&path);
    page.driver.wait_for(
        &format!("{name} to be painted"),
        "return window.__bench.painted !== null;",
    );
    let v = page.driver.js_async(COLLECT, json!([]));
    let number = |k: &str| v[k].as_f64().unwrap_or(f64::NAN);
    Run {
        worker: number("worker"),
        answer: number("answer"),
        painted: number("painted"),
        whole: number("whole"),
        longest: number("longest"),
        over50: number("over50"),
        sections: number("sections"),
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Opens `bytes` once to load the worker, then `runs` times, and prints the medians.
fn bench_opening(page: &Page, label: &str, bytes: &[u8], runs: usize) -> Vec<Run> {
    page.js(INSTRUMENT);
    let first = open_timed(page, "预热-0.txt", bytes);
    let runs: Vec<Run> = (1..=runs)
        .map(|n| open_timed(page, &format!("报告-{n}.txt"), bytes))
        .collect();
    let of = |f: fn(&Run) -> f64| median(runs.iter().map(f).collect());
    let _ = writeln!(
        std::io::stderr(),
        "\nopening {label} ({} runs, medians, ms; first run {:.0} with the worker loading):\n  \
         file chosen → first screen painted {:.0}; → last section in the page {:.0}; sections {:.0}\n  \
         the reading worker (file posted → answer) {:.0}, chosen → answer {:.0}\n  \
         longest task {:.0}, tasks over 50 ms {:.0}",
        runs.len(),
        first.painted,
        of(|r| r.painted),
        of(|r| r.whole),
        of(|r| r.sections),
        of(|r| r.worker),
        of(|r| r.answer),
        of(|r| r.longest),
        of(|r| r.over50),
    );
    runs
}

/// The made-up report of `parts` parts.
fn generated(parts: usize) -> String {
    generated::generated_report(parts)
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn opening_a_long_report_is_timed() {
    let (env, _serial) = (env(), serial());
    let page = Page::phone(env);
    page.open("/");
    let (label, text) = match std::env::var_os("OPEN_BENCH_FILE") {
        Some(path) => (
            format!("{}", std::path::Path::new(&path).display()),
            std::fs::read(&path).expect("OPEN_BENCH_FILE is readable"),
        ),
        None => {
            let text = generated(14);
            (
                format!("a made-up report of {} characters", text.chars().count()),
                text.into_bytes(),
            )
        }
    };
    bench_opening(&page, &label, &text, 5);
    page.assert_no_console_errors();
    // The first file of a visit, after 打开报告 was pressed: the worker loads and warms up on
    // the shown report while the reader picks a file (here: until it has warmed).
    let mut first = Vec::new();
    for _ in 0..5 {
        let page = Page::phone(env);
        page.open("/");
        page.js(INSTRUMENT);
        page.driver.click("[data-testid=open-report]");
        page.driver.wait_for(
            "the worker to warm up",
            "return window.__bench.answers === 1;",
        );
        first.push(open_timed(&page, "报告.txt", &text));
        page.assert_no_console_errors();
    }
    let _ = writeln!(
        std::io::stderr(),
        "  the first file of a visit, the worker warmed after 打开报告 was pressed (5 visits, medians): \
         worker {:.0}, chosen → first screen painted {:.0}, → last section {:.0}",
        median(first.iter().map(|r| r.worker).collect()),
        median(first.iter().map(|r| r.painted).collect()),
        median(first.iter().map(|r| r.whole).collect()),
    );
}

/// Memory, scrolling and a keystroke on the report shown.
fn after_opening(page: &Page, label: &str) {
    let memory = page.js(
        "return [performance.memory ? performance.memory.usedJSHeapSize : null,
                 document.getElementsByTagName('*').length];",
    );
    let frames = page.driver.js_async(
        "const done = arguments[0], gaps = [];
         window.scrollTo(0, 0);
         const start = performance.now();
         let last = start;
         const step = () => {
           const now = performance.now();
           gaps.push(now - last);
           last = now;
           // At most 240 frames or 10 s: well inside WebDriver's script timeout.
           if (window.scrollY + innerHeight >= document.documentElement.scrollHeight - 2
               || gaps.length > 240 || now - start > 10000) {
             gaps.sort((a, b) => a - b);
             return done([gaps.length, gaps[gaps.length >> 1], gaps[Math.floor(gaps.length * 0.95)], gaps[gaps.length - 1]]);
           }
           window.scrollBy(0, innerHeight);
           requestAnimationFrame(step);
         };
         requestAnimationFrame(step);",
        json!([]),
    );
    let _ = writeln!(
        std::io::stderr(),
        "  {label}: JS heap {:.1} MB, {} elements in the page; scrolled down a screen a frame for {} frames (at most 240 or 10 s), frame gap median {:.1} ms, 95th {:.1}, max {:.1}",
        memory[0].as_f64().unwrap_or(f64::NAN) / 1e6,
        memory[1],
        frames[0],
        frames[1].as_f64().unwrap_or(f64::NAN),
        frames[2].as_f64().unwrap_or(f64::NAN),
        frames[3].as_f64().unwrap_or(f64::NAN),
    );
    page.js("window.scrollTo(0, 0);");
    let keystrokes = page.keystroke_times("发展", 5);
    let _ = writeln!(
        std::io::stderr(),
        "  keystroke → highlights (发展, 5 times): median {:.1} ms, max {:.1} ms",
        median(keystrokes.clone()),
        keystrokes.iter().copied().fold(0.0, f64::max)
    );
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn opening_very_large_input_is_timed() {
    let (env, _serial) = (env(), serial());
    // About 150,000 characters: three long reports joined.
    let one = generated(21);
    let long = one.repeat(3);
    // About 1 MB of UTF-8: long reports joined.
    let huge = one.repeat(1_000_000 / one.len() + 1);
    for (label, text) in [
        (format!("{} characters", long.chars().count()), &long),
        (format!("a {:.2} MB text", huge.len() as f64 / 1e6), &huge),
    ] {
        let page = Page::phone(env);
        page.open("/");
        bench_opening(&page, &label, text.as_bytes(), 5);
        after_opening(&page, &label);
        page.assert_no_console_errors();
    }
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn start_up_tasks_are_reported() {
    let (env, _serial) = (env(), serial());
    let mut lines = Vec::new();
    for run in 0..6 {
        let page = Page::phone(env);
        page.driver.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "window.__tasks = [];
                new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push([e.startTime, e.duration]); })
                  .observe({ type: 'longtask', buffered: true });" }),
        );
        page.driver
            .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }));
        page.open("/");
        // Tasks after the app runs (the reader's tools load on first use, not at start-up).
        let tasks = page.driver.js_async(
            "const done = arguments[0];
             setTimeout(() => {
               const ready = performance.getEntriesByType('navigation')[0];
               const fcp = performance.getEntriesByName('first-contentful-paint')[0];
               done({ tasks: window.__tasks, fcp: fcp ? fcp.startTime : null,
                      loaded: ready ? ready.loadEventEnd : null });
             }, 1500);",
            json!([]),
        );
        let list: Vec<f64> = tasks["tasks"]
            .as_array()
            .map(|a| a.iter().filter_map(|t| t[1].as_f64()).collect())
            .unwrap_or_default();
        if run > 0 {
            lines.push((
                list.iter().copied().fold(0.0, f64::max),
                list.iter().map(|d| (d - 50.0).max(0.0)).sum::<f64>(),
                list.len() as f64,
                tasks["fcp"].as_f64().unwrap_or(f64::NAN),
            ));
        }
        page.assert_no_console_errors();
    }
    let _ = writeln!(
        std::io::stderr(),
        "\nstart-up of the default report at 4× CPU slowdown ({} runs, medians): longest task {:.0} ms, blocking time (over 50 ms) {:.0} ms, tasks over 50 ms {:.0}, first contentful paint {:.0} ms",
        lines.len(),
        median(lines.iter().map(|l| l.0).collect()),
        median(lines.iter().map(|l| l.1).collect()),
        median(lines.iter().map(|l| l.2).collect()),
        median(lines.iter().map(|l| l.3).collect()),
    );
}
