//! Shared setup for the end-to-end tests: finding the release build and the browser, a page
//! object over the app's stable `data-testid` hooks, and the fidelity normalisation.

#![allow(dead_code)]

pub mod fidelity;

pub mod webdriver;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock};

use serde_json::{json, Value};

use static_server::StaticServer;
use webdriver::{Driver, CHROMEDRIVER, CHROMIUM};

/// The URL prefix under which the sub-path build is served.
pub const SUB_PATH: &str = "/songshi/";

pub const SOURCE: &str = include_str!("../../../../data/songshi-2024.scraped.txt");

/// The workspace root, where `dist/` and `target/` are.
pub fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The `<meta name="module">` of a module of the reader's tools (`report-notes`,
/// `report-care`), as a JavaScript expression; static/boot.js keeps the loading module in its
/// `loading` (a promise of the module, started).
pub fn module(name: &str) -> String {
    format!("document.querySelector('meta[name=module][data-name={name}]')")
}

/// JavaScript giving how many of the files of the module `name` the page has fetched.
pub fn fetched(name: &str) -> String {
    format!(
        "return performance.getEntriesByType('resource').filter(e => e.name.includes('/{name}')).length;"
    )
}

/// A JavaScript promise that resolves once the notes have placed themselves again after the
/// page's last redraw (the notes' app marks itself `data-busy` until then).
pub const NOTES_SETTLED: &str = "new Promise(done => { const check = () =>
    document.querySelector('#reader-notes[data-busy]') ? setTimeout(check, 20) : done(); check(); })";

/// The report is on the page and the app runs on it (it has hydrated the built page, or drawn
/// it: `app-ready` on `<html>`, see `use_started` in report-app/src/effects/lifecycle.rs). The built page shows its
/// text long before: a test that pressed a button then would press one that does nothing yet.
pub const APP_READY: &str = "return document.documentElement.classList.contains('app-ready')
     && document.querySelector('[data-testid=report] .section') !== null
     && !document.querySelector('[data-testid=report][aria-busy]');";

/// Where the release build is (`trunk build --release`; `cargo xtask test` makes it).
pub fn dist() -> PathBuf {
    std::env::var_os("SONGSHI_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("dist"))
}

/// The build made with `--public-url /songshi/` (`cargo xtask test` makes it).
pub fn dist_subpath() -> PathBuf {
    root().join("target/dist-subpath")
}

/// The URL prefix under which the build of another report (a made-up county report) is served.
pub const OTHER_PATH: &str = "/other/";

/// The self-contained file of the release build (`cargo xtask build --single-file`; `cargo
/// xtask test` makes it).
pub fn single_file() -> PathBuf {
    let dir = root().join("dist-single");
    std::fs::read_dir(&dir)
        .ok()
        .and_then(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .find(|p| p.extension().is_some_and(|x| x == "html"))
        })
        .unwrap_or_else(|| {
            panic!(
                "no file in {}: run `cargo xtask build --single-file`",
                dir.display()
            )
        })
}

/// The build with another report (`cargo xtask test` makes it).
pub fn dist_other() -> PathBuf {
    root().join("target/dist-other")
}

/// The URL prefix under which the made-up library (`tests/library/`) is served.
pub const LIBRARY_PATH: &str = "/library/";

/// The build of the made-up library (`cargo xtask build --library tests/library` with
/// `--public-url /library/`; `cargo xtask test` makes it).
pub fn dist_library() -> PathBuf {
    root().join("target/dist-library")
}

/// Writes `bytes` as a file named `name` for the browser to open (打开报告).
pub fn file_with(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("open-files");
    std::fs::create_dir_all(&dir).expect("a directory for the files to open");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write the file to open");
    path
}

/// The running test environment: one static server for the whole test binary, serving the
/// release build at `/`, the sub-path build at [`SUB_PATH`], the build of another report at
/// [`OTHER_PATH`] and the made-up library at [`LIBRARY_PATH`].
pub struct Env {
    pub base: String,
}

/// What the browser layer needs and is not here, each with how to get it.
fn missing() -> Vec<String> {
    let mut missing = Vec::new();
    for tool in [CHROMIUM, CHROMEDRIVER] {
        if !Path::new(tool).exists() {
            missing.push(format!(
                "{tool} (`apt-get install chromium chromium-driver`, or `cargo xtask setup`)"
            ));
        }
    }
    for (dir, build) in [
        (dist(), "`trunk build --release`"),
        (
            dist_subpath(),
            "`trunk build --release --public-url /songshi/ --dist target/dist-subpath`",
        ),
        (
            dist_other(),
            "`REPORT_SOURCE=$PWD/tests/reports/county-2030.txt trunk build --release --public-url /other/ --dist target/dist-other`",
        ),
        (
            dist_library(),
            "`REPORT_LIBRARY=$PWD/tests/library trunk build --release --public-url /library/ --dist target/dist-library`",
        ),
    ] {
        if !dir.join("index.html").exists() {
            missing.push(format!("{} ({build})", dir.display()));
        }
    }
    missing
}

/// The environment. The end-to-end tests are `#[ignore]`d, so that a plain `cargo test` says
/// they did not run; once asked for (`-- --include-ignored`, as `cargo xtask test` does) they
/// run or fail: a missing browser or build panics here, naming what is missing and how to get
/// it, never passes unseen.
pub fn env() -> &'static Env {
    static ENV: OnceLock<Result<Env, String>> = OnceLock::new();
    let env = ENV.get_or_init(|| {
        let missing = missing();
        if !missing.is_empty() {
            return Err(format!(
                "the end-to-end tests cannot run: missing {}. `cargo xtask test` installs and \
                 builds everything (`cargo xtask setup` installs the browser).",
                missing.join("; ")
            ));
        }
        let server = StaticServer::start(vec![
            ("/".to_string(), dist()),
            (SUB_PATH.to_string(), dist_subpath()),
            (OTHER_PATH.to_string(), dist_other()),
            (LIBRARY_PATH.to_string(), dist_library()),
        ]);
        Ok(Env { base: server.base })
    });
    match env {
        Ok(env) => env,
        Err(message) => panic!("{message}"),
    }
}

/// Browser tests run one at a time: two Chromiums on two cores make timing-sensitive noise.
pub fn serial() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

/// NFKC, then every whitespace character removed: the fidelity comparison form.
pub fn fidelity_form(text: &str) -> String {
    fidelity::fold(text).into_iter().collect()
}

/// The report body of the source file: its last non-empty line.
pub fn source_body() -> &'static str {
    SOURCE
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
}

/// A page of the app in a fresh headless Chromium.
pub struct Page {
    pub driver: Driver,
    pub base: String,
}

impl Page {
    /// A new browser with the given viewport, not yet on any page.
    pub fn new(env: &Env, width: u32, height: u32) -> Page {
        let driver = Driver::start();
        driver.viewport(width, height, width < 600);
        Page {
            driver,
            base: env.base.clone(),
        }
    }

    pub fn phone(env: &Env) -> Page {
        Page::new(env, 390, 844)
    }

    pub fn desktop(env: &Env) -> Page {
        Page::new(env, 1280, 800)
    }

    /// Opens `path` (for example `/` or `/#sec-1-2`) and waits until the app runs on it.
    pub fn open(&self, path: &str) {
        self.driver.goto(&format!("{}{}", self.base, path));
        self.driver.wait_for("the report to render", APP_READY);
    }

    pub fn js(&self, script: &str) -> Value {
        self.driver.js(script, json!([]))
    }

    pub fn count(&self, css: &str) -> u64 {
        self.driver
            .js(
                "return document.querySelectorAll(arguments[0]).length;",
                json!([css]),
            )
            .as_u64()
            .unwrap_or(0)
    }

    pub fn texts(&self, css: &str) -> Vec<String> {
        let v = self.driver.js(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);",
            json!([css]),
        );
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.driver
            .js(
                "const e = document.querySelector(arguments[0]); return e && e.getAttribute(arguments[1]);",
                json!([css, name]),
            )
            .as_str()
            .map(String::from)
    }

    /// The report's text as a reader sees it: the title plus the article, without the app's own
    /// words (elements marked `data-chrome`: link icons, the truncation notice).
    pub fn report_text(&self) -> String {
        self.js(
            "const title = document.querySelector('[data-testid=report-title]').textContent;
             const copy = document.querySelector('[data-testid=report]').cloneNode(true);
             copy.querySelectorAll('[data-chrome]').forEach(n => n.remove());
             return title + copy.textContent;",
        )
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    /// All the report's text on the page, front matter and title included, without the app's
    /// own words (`data-chrome`).
    pub fn page_report_text(&self) -> String {
        self.js(
            "const parts = [...document.querySelectorAll('.report-header__front, [data-testid=report-title], [data-testid=report]')];
             return parts.map(p => { const c = p.cloneNode(true); c.querySelectorAll('[data-chrome]').forEach(n => n.remove()); return c.textContent; }).join('');",
        )
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    /// Waits until the heading with `id` sits at the top of the viewport, below the sticky bar
    /// (or, for the last sections, in view with the page scrolled to its end).
    pub fn wait_heading_at_top(&self, id: &str) {
        self.driver.wait_for(
            &format!("#{id} to be scrolled to the top"),
            &format!(
                "const e = document.getElementById('{id}'); if (!e) return false;
                 const top = e.getBoundingClientRect().top;
                 const root = document.documentElement;
                 const atEnd = Math.ceil(window.scrollY + window.innerHeight) >= root.scrollHeight - 1;
                 return top >= 0 && (top < 160 || (atEnd && top < window.innerHeight - 40));"
            ),
        );
    }

    /// Fails on any console error, and on warnings that come from the app itself.
    pub fn assert_no_console_errors(&self) {
        let bad: Vec<_> = self
            .driver
            .console()
            .into_iter()
            .filter(|(level, message)| {
                level == "SEVERE" || (level == "WARNING" && message.contains(&self.base))
            })
            .collect();
        assert!(bad.is_empty(), "console errors: {bad:#?}");
    }

    /// Opens the phone drawer and waits until it has slid fully in.
    pub fn open_drawer(&self) {
        self.driver.click("[data-testid=outline-toggle]");
        self.driver.wait_for(
            "the drawer to slide fully open",
            "return document.querySelector('[data-testid=outline]').getBoundingClientRect().left === 0;",
        );
    }

    /// Closes the phone drawer with its close button and waits until it is gone.
    pub fn close_drawer(&self) {
        self.driver.click(".outline__close");
        self.wait_drawer_closed();
    }

    pub fn wait_drawer_closed(&self) {
        self.driver.wait_for(
            "the drawer to close",
            "return getComputedStyle(document.querySelector('[data-testid=outline]')).visibility === 'hidden';",
        );
    }

    /// The search status in words ("共3处 · 第1处", "没有找到“火星”").
    pub fn search_status(&self) -> String {
        self.texts("[data-testid=search-status]").join("")
    }

    /// Waits until the search status reads `expected`.
    pub fn wait_search_status(&self, expected: &str) {
        self.driver.wait_for(
            &format!("the search status {expected:?}"),
            &format!(
                "return document.querySelector('[data-testid=search-status]').textContent === {};",
                json!(expected)
            ),
        );
    }

    /// Replaces the query in the search box with `query`, typed key by key, and waits until
    /// the status has answered it.
    pub fn search(&self, query: &str) {
        self.js("const i = document.getElementById('search-input'); i.value = ''; i.dispatchEvent(new InputEvent('input'));");
        self.driver.type_into("[data-testid=search-input]", query);
        self.driver.wait_for(
            &format!("the search for {query:?} to be answered"),
            &format!(
                "return document.querySelector('.search').dataset.query === {};",
                json!(query)
            ),
        );
    }

    /// Proves the search works on the page: types `query`, waits for the status to count
    /// `hits` places, and checks that the report holds exactly `hits` highlights, each a
    /// `<mark>` whose text is the query, the first of them current.
    pub fn assert_search_finds(&self, query: &str, hits: u64) {
        self.search(query);
        self.wait_search_status(&format!("共{hits}处 · 第1处"));
        assert_eq!(
            self.texts("[data-testid=report] mark.search-hit"),
            vec![query.to_string(); hits as usize],
            "the highlights of {query:?} in the report"
        );
        assert_eq!(
            self.count("mark.search-hit"),
            hits,
            "no highlight outside the report"
        );
        assert_eq!(
            self.js("const m = document.getElementById('hit-0');
                 return m !== null && m.matches('[data-testid=report] mark.search-hit--current');"),
            json!(true),
            "the first hit is marked current"
        );
    }

    /// Chooses `path` in 打开报告's file input, as the file dialog would.
    pub fn choose_file(&self, path: &Path) {
        self.driver.type_into(
            "[data-testid=open-report-input]",
            path.to_str().expect("a UTF-8 path"),
        );
    }

    /// The time (ms, sorted) from each keystroke of typing `query` into the search box to its
    /// first highlight on the page, `times` times (the box is cleared with Esc in between).
    #[allow(dead_code)] // Used by some test binaries only.
    pub fn keystroke_times(&self, query: &str, times: usize) -> Vec<f64> {
        self.js("window.__times = [];
             const input = document.querySelector('[data-testid=search-input]');
             input.addEventListener('keydown', () => { window.__down = performance.now(); }, true);
             new MutationObserver(() => {
               if (window.__down && document.querySelector('mark.search-hit')) {
                 window.__times.push(performance.now() - window.__down);
                 window.__down = 0;
               }
             }).observe(document.body, { subtree: true, childList: true, characterData: true });");
        for _ in 0..times {
            self.driver.type_into("[data-testid=search-input]", query);
            self.driver.wait_for(
                "marks",
                "return !!document.querySelector('mark.search-hit');",
            );
            self.driver.keys("\u{E00C}");
            self.driver.wait_for(
                "the marks to go",
                "return !document.querySelector('mark.search-hit');",
            );
        }
        let mut ms: Vec<f64> = self
            .js("return window.__times;")
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_f64).collect())
            .unwrap_or_default();
        ms.sort_by(f64::total_cmp);
        ms
    }

    /// Presses the export button `testid` (下载 CSV / 下载 JSON, made by the `report-export`
    /// module) and returns what it would download — its text, decoded from the `data:`
    /// address — and the file's name. The download itself is caught before the browser saves
    /// it.
    #[allow(dead_code)] // Used by some test binaries only.
    pub fn download(&self, testid: &str) -> (String, String) {
        self.js("window.__download = undefined;
             const click = HTMLAnchorElement.prototype.click;
             HTMLAnchorElement.prototype.click = function () {
               HTMLAnchorElement.prototype.click = click;
               window.__download = [this.href, this.download];
             };");
        self.driver.click(&format!("[data-testid={testid}]"));
        self.driver.wait_for(
            &format!("the download of {testid}"),
            "return window.__download !== undefined;",
        );
        let v = self.js("return window.__download;");
        let href = v[0].as_str().unwrap_or("");
        let (head, encoded) = href.split_once(',').expect("a data: address");
        assert!(head.starts_with("data:"), "{head}");
        (
            report_core::route::percent_decode(encoded),
            v[1].as_str().unwrap_or("").to_string(),
        )
    }

    /// Fetches the page as the server sends it (before any script), into `window.__served`.
    /// Goes to the made-up library's page ([`LIBRARY_PATH`]) and waits for its list (it runs no
    /// app to wait for).
    pub fn open_library(&self) {
        self.driver.goto(&format!("{}{LIBRARY_PATH}", self.base));
        self.driver.wait_for(
            "the library page",
            "return document.querySelector('.library-report') !== null;",
        );
    }

    pub fn fetch_served_page(&self) {
        self.js("window.__served = undefined;
             fetch(location.href).then(r => r.text()).then(t => { window.__served = t; });");
        self.driver
            .wait_for("the page's HTML", "return window.__served !== undefined;");
    }

    /// Saves a screenshot as `target/screenshots/<name>.png` (or in `$SONGSHI_SCREENSHOTS`, to
    /// keep a run against another build apart).
    pub fn screenshot(&self, name: &str) {
        let dir = std::env::var_os("SONGSHI_SCREENSHOTS")
            .map(PathBuf::from)
            .unwrap_or_else(|| root().join("target/screenshots"));
        let path = dir.join(format!("{name}.png"));
        self.driver.screenshot(&path);
        eprintln!("screenshot: {}", path.display());
    }

    /// Opens 字号 (unless open) and chooses `value` in its group `name` (`text-size`, `theme`).
    pub fn choose_display(&self, name: &str, value: &str) {
        if self.js("return document.querySelector('[data-testid=display-settings]').open;")
            != json!(true)
        {
            self.driver.click("[data-testid=display-settings-toggle]");
        }
        self.driver
            .click(&format!("[data-testid=display-{name}-{value}]"));
    }

    /// Closes 字号's panel.
    pub fn close_display(&self) {
        self.js("document.querySelector('[data-testid=display-settings]').open = false;");
    }

    /// Waits until the dialog with test id `testid` (`note-editor`, `notes-panel`) is open.
    pub fn wait_dialog(&self, testid: &str) {
        self.driver.wait_for(
            &format!("the {testid} dialog open"),
            &format!("return document.querySelector('[data-testid={testid}]')?.open === true;"),
        );
    }

    /// Opens 我的意见 (the outline's button, pressed wherever the outline is) and waits for it.
    pub fn open_notes_panel(&self) {
        self.js("document.querySelector('[data-testid=notes-open]').click();");
        self.wait_dialog("notes-panel");
    }
}
