//! `cargo xtask bench --lighthouse`: Lighthouse on the release app against a plain HTML page of
//! the same report text, both served with gzip as a static host would. It prints and asserts
//! nothing.
//!
//! Why: the app is a Yew/wasm page, and a reader of a government work report should not wait
//! longer for the text than on the plainest possible page. The baseline is generated here, at
//! bench time, from `dist/report.json` (one `<h1>`, `<h2>`/`<h3>`/`<h4>` headings with their
//! markers, a `<p>` per paragraph, a small `<style>`, no script): the same text with nothing
//! else. The targets are FCP ≤ 1.1× and LCP ≤ 1.2× the baseline's.
//!
//! How: `dist/` is copied to `target/lighthouse/app/` (a rebuild running meanwhile cannot change
//! the copy), the baseline is written to `target/lighthouse/static/index.html`, every text,
//! wasm, js, css, json and svg file is pre-compressed with `gzip -9 -k`, and the workspace's
//! static server (`crates/static-server`: HTTP/1.1, keep-alive, never a file outside its
//! folder) serves each folder on its own free port of 127.0.0.1: `X.gz` with
//! `Content-Encoding: gzip` to a client that accepts gzip, `Cache-Control: no-cache`.
//! Lighthouse 12.8.2 (npm, installed into `target/lighthouse-tool/` when missing)
//! runs in the test Chromium with its defaults: the mobile preset and simulated throttling.
//! The two pages take turns (app, static, app, static, …), 3 runs each (`--runs N` for more), so that a slower
//! moment of the machine falls on both; the table shows the medians of FCP, LCP, TBT, CLS,
//! Speed Index, the four category scores, the transferred bytes and the request count; then,
//! per page, the LCP element (the report's text, or an error message?), every accessibility,
//! best-practices and SEO audit that failed (those of weight 0 marked) and the console errors.
//! The JSON reports stay in `target/lighthouse/reports/`.
//!
//! The reports and `report.json` are read with serde_json; the server is `static-server`, a
//! crate of this workspace with no dependencies.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::{Duration, SystemTime};

use static_server::{Settings, StaticServer};

use crate::{cmd, npm_package, release_build, root, setup_build_tools, step, Result};
use crate::{ReportChoice, CHROMIUM};

const LIGHTHOUSE_VERSION: &str = "12.8.2";
/// Runs per page unless `--runs N` says otherwise.
pub const RUNS: usize = 3;
/// The ratio targets, app / static.
const FCP_TARGET: f64 = 1.1;
const LCP_TARGET: f64 = 1.2;
/// Chromium's background networking must be off: this machine reaches no other host.
const CHROME_FLAGS: &str = "--headless=new --no-sandbox --disable-gpu --disable-quic \
     --no-first-run --disable-background-networking --disable-component-update --disable-sync";
/// The categories whose failed audits are listed (performance fails by its metrics).
const AUDITED: [&str; 3] = ["accessibility", "best-practices", "seo"];

/// One row of the table: where its number comes from in a report, and how it is shown.
struct Row {
    label: &'static str,
    source: Source,
    unit: Unit,
}

enum Source {
    /// `audits.<id>.numericValue`.
    Audit(&'static str),
    /// `categories.<id>.score`.
    Category(&'static str),
    /// The number of items of `audits.network-requests.details.items`.
    Requests,
}

#[derive(Clone, Copy)]
enum Unit {
    Ms,
    Shift,
    Score,
    Bytes,
    Count,
}

const ROWS: [Row; 11] = [
    row(
        "First Contentful Paint",
        Source::Audit("first-contentful-paint"),
        Unit::Ms,
    ),
    row(
        "Largest Contentful Paint",
        Source::Audit("largest-contentful-paint"),
        Unit::Ms,
    ),
    row(
        "Total Blocking Time",
        Source::Audit("total-blocking-time"),
        Unit::Ms,
    ),
    row(
        "Cumulative Layout Shift",
        Source::Audit("cumulative-layout-shift"),
        Unit::Shift,
    ),
    row("Speed Index", Source::Audit("speed-index"), Unit::Ms),
    row("performance", Source::Category("performance"), Unit::Score),
    row(
        "accessibility",
        Source::Category("accessibility"),
        Unit::Score,
    ),
    row(
        "best-practices",
        Source::Category("best-practices"),
        Unit::Score,
    ),
    row("seo", Source::Category("seo"), Unit::Score),
    row(
        "transfer (total-byte-weight)",
        Source::Audit("total-byte-weight"),
        Unit::Bytes,
    ),
    row("requests", Source::Requests, Unit::Count),
];
const FCP_ROW: usize = 0;
const LCP_ROW: usize = 1;

const fn row(label: &'static str, source: Source, unit: Unit) -> Row {
    Row {
        label,
        source,
        unit,
    }
}

/// A page under test: its name in the table and where it is served.
struct Page {
    name: &'static str,
    url: String,
}

/// What one Lighthouse run found: a value per row (None when the report had none), the
/// audits of [`AUDITED`] that failed, as "category id title", the LCP element and the
/// console errors (first lines), which tell whether the page painted the report or an error.
struct Measured {
    values: Vec<Option<f64>>,
    failed: Vec<String>,
    lcp_element: Option<String>,
    console_errors: Vec<String>,
}

/// Runs the comparison and prints the table.
pub fn bench(runs: usize) -> Result {
    step("Lighthouse: the release app against a plain HTML page of the same text (print, assert nothing)");
    let root = root();
    if !root.join("dist/index.html").is_file() {
        eprintln!("dist/index.html is missing: building the release first");
        setup_build_tools()?;
        release_build(&ReportChoice::default())?;
    }
    if !Path::new(CHROMIUM).exists() {
        return Err(format!(
            "Lighthouse runs in Chromium at {CHROMIUM}: run `cargo xtask setup` first"
        ));
    }
    let cli = install_lighthouse()?;

    let work = root.join("target/lighthouse");
    let app = work.join("app");
    let baseline = work.join("static");
    let reports = work.join("reports");
    let tmp = work.join("tmp");
    for dir in [&app, &baseline, &reports, &tmp] {
        if dir.exists() {
            fs::remove_dir_all(dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
        }
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }

    copy_dist(&root.join("dist"), &app)?;
    let report_text = fs::read_to_string(app.join("report.json"))
        .map_err(|e| format!("cannot read dist/report.json: {e}"))?;
    let report = parse_json(&report_text).map_err(|e| format!("dist/report.json: {e}"))?;
    let page = static_page(&report)?;
    fs::write(baseline.join("index.html"), page).map_err(|e| e.to_string())?;
    precompress(&app)?;
    precompress(&baseline)?;

    let pages = [
        Page {
            name: "app",
            url: serve(app)?,
        },
        Page {
            name: "static",
            url: serve(baseline)?,
        },
    ];
    for p in &pages {
        eprintln!("{:<7} {}", p.name, p.url);
    }

    // Interleaved: app, static, app, static, …
    let mut results: Vec<Vec<Measured>> = pages.iter().map(|_| Vec::new()).collect();
    for n in 1..=runs {
        for (i, p) in pages.iter().enumerate() {
            eprint!("{} run {n}/{runs} … ", p.name);
            let out = reports.join(format!("{}-{n}.json", p.name));
            let profile = tmp.join(format!("profile-{}-{n}", p.name));
            match lighthouse(&cli, &p.url, &out, &profile, &tmp) {
                Ok(m) => {
                    eprintln!("{}", summary(&m));
                    results[i].push(m);
                }
                Err(e) => eprintln!("failed, left out: {e}"),
            }
            let _ = fs::remove_dir_all(&profile);
        }
    }

    let _ = fs::remove_dir_all(&tmp); // Chromium's leftovers
    print_table(&pages, &results, runs);
    println!("\nreports: {}", reports.display());
    Ok(())
}

/// The Lighthouse CLI script, installed from npm into target/lighthouse-tool when missing.
fn install_lighthouse() -> Result<PathBuf> {
    npm_package(
        "target/lighthouse-tool",
        "lighthouse",
        LIGHTHOUSE_VERSION,
        "cli/index.js",
    )
}

/// One Lighthouse run of `url` in a fresh Chromium profile; its JSON report is kept at `out`.
fn lighthouse(cli: &Path, url: &str, out: &Path, profile: &Path, tmp: &Path) -> Result<Measured> {
    fs::create_dir_all(profile).map_err(|e| e.to_string())?;
    let output = cmd("node")
        .arg(cli)
        .arg(url)
        .arg("--output=json")
        .arg(format!("--output-path={}", out.display()))
        .arg("--quiet")
        .arg(format!("--chrome-path={CHROMIUM}"))
        .arg(format!(
            "--chrome-flags={CHROME_FLAGS} --user-data-dir={}",
            profile.display()
        ))
        // chrome-launcher's own temporary folder (its logs) goes here too.
        .env("TMPDIR", tmp)
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    let Ok(text) = fs::read_to_string(out) else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(8).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(format!(
            "Lighthouse wrote no report ({}): {}",
            output.status,
            tail.join("\n    ")
        ));
    };
    let lhr = parse_json(&text).map_err(|e| format!("{}: {e}", out.display()))?;
    if let Some(error) = lhr.get("runtimeError") {
        let field = |k| error.get(k).and_then(Json::as_str).unwrap_or("");
        return Err(format!("{}: {}", field("code"), field("message")));
    }
    for warning in lhr.get("runWarnings").map(Json::items).unwrap_or_default() {
        if let Some(w) = warning.as_str() {
            eprintln!("\n    Lighthouse warning: {w}");
        }
    }
    Ok(measure(&lhr))
}

fn measure(lhr: &Json) -> Measured {
    let audits = lhr.get("audits");
    let audit = |id: &str| audits.and_then(|a| a.get(id));
    let values = ROWS
        .iter()
        .map(|row| match row.source {
            Source::Audit(id) => audit(id)?.get("numericValue")?.as_f64(),
            Source::Category(id) => lhr.path(&["categories", id, "score"])?.as_f64(),
            Source::Requests => {
                let items = audit("network-requests")?.path(&["details", "items"])?;
                Some(items.items().len() as f64)
            }
        })
        .collect();
    let mut failed = Vec::new();
    for category in AUDITED {
        let refs = lhr.path(&["categories", category, "auditRefs"]);
        for r in refs.map(Json::items).unwrap_or_default() {
            let weight = r.get("weight").and_then(Json::as_f64).unwrap_or(0.0);
            let Some(id) = r.get("id").and_then(Json::as_str) else {
                continue;
            };
            let Some(a) = audit(id) else { continue };
            let score = a.get("score").and_then(Json::as_f64);
            let mode = a.get("scoreDisplayMode").and_then(Json::as_str);
            let scored = matches!(mode, Some("binary" | "numeric" | "metricSavings"));
            if scored && score.is_some_and(|s| s < 1.0) {
                let title = a.get("title").and_then(Json::as_str).unwrap_or("");
                // Weight 0: shown by Lighthouse, but no part of the category's score.
                let note = if weight > 0.0 { "" } else { " [weight 0]" };
                failed.push(format!("{category:<15} {id:<28} {title}{note}"));
            }
        }
    }
    let lcp_element = audit("largest-contentful-paint-element")
        .and_then(|a| a.path(&["details", "items"]))
        .and_then(|tables| {
            tables
                .items()
                .first()?
                .get("items")?
                .items()
                .first()?
                .get("node")
        })
        .map(|node| {
            let field = |k| node.get(k).and_then(Json::as_str).unwrap_or("");
            format!("{} {}", field("snippet"), shorten(field("nodeLabel"), 40))
        });
    let console_errors = audit("errors-in-console")
        .and_then(|a| a.path(&["details", "items"]))
        .map(Json::items)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|e| e.get("description")?.as_str())
        .map(|d| shorten(d.lines().next().unwrap_or(""), 100))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    Measured {
        values,
        failed,
        lcp_element,
        console_errors,
    }
}

/// At most `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// One run in a line: the paint metrics and the performance score.
fn summary(m: &Measured) -> String {
    let show = |i: usize| {
        m.values[i]
            .map(|v| format_value(v, ROWS[i].unit))
            .unwrap_or_else(|| "–".into())
    };
    format!(
        "FCP {}, LCP {}, TBT {}, performance {}",
        show(FCP_ROW),
        show(LCP_ROW),
        show(2),
        show(5)
    )
}

fn format_value(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Ms => format!("{v:.0} ms"),
        Unit::Shift => format!("{v:.3}"),
        Unit::Score => format!("{:.0}", v * 100.0),
        Unit::Bytes => format!("{v:.0} B"),
        Unit::Count => format!("{v:.0}"),
    }
}

/// The median of the values present (the mean of the middle two for an even count).
fn median(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let mut v: Vec<f64> = values.flatten().collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    Some(if v.len().is_multiple_of(2) {
        (v[mid - 1] + v[mid]) / 2.0
    } else {
        v[mid]
    })
}

fn print_table(pages: &[Page], results: &[Vec<Measured>], runs: usize) {
    let medians: Vec<Vec<Option<f64>>> = results
        .iter()
        .map(|runs| {
            (0..ROWS.len())
                .map(|i| median(runs.iter().map(|m| m.values[i])))
                .collect()
        })
        .collect();
    println!(
        "\nLighthouse {LIGHTHOUSE_VERSION}, mobile preset, simulated throttling; medians of the runs \
         that finished (app {}/{runs}, static {}/{runs}), interleaved",
        results[0].len(),
        results[1].len()
    );
    println!(
        "\n{:<30} {:>12} {:>12} {:>11}  target",
        "", pages[0].name, pages[1].name, "app/static"
    );
    for (i, row) in ROWS.iter().enumerate() {
        let cell = |p: usize| {
            medians[p][i]
                .map(|v| format_value(v, row.unit))
                .unwrap_or_else(|| "–".into())
        };
        let ratio = match (medians[0][i], medians[1][i]) {
            (Some(a), Some(s)) if s > 0.0 => format!("{:.2}×", a / s),
            _ => "–".into(),
        };
        let target = match i {
            FCP_ROW => target_note(medians[0][i], medians[1][i], FCP_TARGET),
            LCP_ROW => target_note(medians[0][i], medians[1][i], LCP_TARGET),
            _ => String::new(),
        };
        println!(
            "{:<30} {:>12} {:>12} {:>11}  {target}",
            row.label,
            cell(0),
            cell(1),
            ratio
        );
    }

    for (p, runs) in pages.iter().zip(results) {
        println!("\n{}:", p.name);
        let lcp = runs.iter().filter_map(|m| m.lcp_element.clone());
        tally("LCP element", lcp, runs.len());
        let failed = runs.iter().flat_map(|m| m.failed.iter().cloned());
        tally(
            "failed audits (accessibility, best-practices, SEO)",
            failed,
            runs.len(),
        );
        let errors = runs.iter().flat_map(|m| m.console_errors.iter().cloned());
        tally("console errors", errors, runs.len());
    }
}

/// Prints each distinct item under a title, with the number of runs that had it.
fn tally(title: &str, items: impl Iterator<Item = String>, runs: usize) {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for item in items {
        *counts.entry(item).or_default() += 1;
    }
    if counts.is_empty() {
        println!("  {title}: none");
        return;
    }
    println!("  {title}:");
    for (item, count) in counts {
        println!("    {item} ({count}/{runs} runs)");
    }
}

fn target_note(app: Option<f64>, baseline: Option<f64>, target: f64) -> String {
    let verdict = match (app, baseline) {
        (Some(a), Some(s)) if s > 0.0 && a / s <= target => "met",
        (Some(_), Some(s)) if s > 0.0 => "not met",
        _ => "unknown",
    };
    format!("≤ {target}× ({verdict})")
}

// ---------------------------------------------------------------------------------------------
// The two sites.

/// Copies dist/ (without Trunk's dot files) and checks that every file its index.html names
/// is there; a rebuild running meanwhile can leave a copy half old, half new: then it waits
/// and copies again.
fn copy_dist(dist: &Path, to: &Path) -> Result {
    for attempt in 1..=20 {
        let before = snapshot(dist);
        fs::remove_dir_all(to).map_err(|e| e.to_string())?;
        copy_tree(dist, to).map_err(|e| format!("cannot copy dist/: {e}"))?;
        let missing = missing_assets(to);
        if missing.is_empty() && before == snapshot(dist) {
            return Ok(());
        }
        eprintln!(
            "dist/ is changing (a build is running?), attempt {attempt}: waiting 5 s{}",
            if missing.is_empty() {
                String::new()
            } else {
                format!("; missing {}", missing.join(", "))
            }
        );
        thread::sleep(Duration::from_secs(5));
    }
    Err("dist/ kept changing while it was copied: run this again when the build is done".into())
}

/// Each file of a folder (recursive) with its size and modification time.
fn snapshot(dir: &Path) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let mut all = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                todo.push(path);
            } else if let Ok(meta) = entry.metadata() {
                all.push((path, meta.len(), meta.modified().ok()));
            }
        }
    }
    all.sort();
    all
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            copy_tree(&path, &to.join(&name))?;
        } else {
            fs::copy(&path, to.join(&name))?;
        }
    }
    Ok(())
}

/// The local files that index.html names in `href` or `src` and the folder lacks.
fn missing_assets(site: &Path) -> Vec<String> {
    let Ok(html) = fs::read_to_string(site.join("index.html")) else {
        return vec!["index.html".into()];
    };
    let mut missing = Vec::new();
    for attr in ["href=", "src="] {
        for (at, _) in html.match_indices(attr) {
            let rest = &html[at + attr.len()..];
            let value = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
                _ => rest
                    .split(|c: char| c.is_ascii_whitespace() || c == '>')
                    .next()
                    .unwrap_or(""),
            };
            let value = value.split(['?', '#']).next().unwrap_or("");
            if value.is_empty() || value.contains(':') || value.starts_with("//") {
                continue;
            }
            let file = value.trim_start_matches("./").trim_start_matches('/');
            if !file.is_empty() && !site.join(file).is_file() {
                missing.push(file.to_owned());
            }
        }
    }
    if !site.join("report.json").is_file() {
        missing.push("report.json".into());
    }
    missing
}

/// Whether a file is sent compressed, as static hosts do for text, wasm and svg.
fn compressible(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    matches!(
        ext,
        "html" | "js" | "mjs" | "css" | "json" | "webmanifest" | "wasm" | "svg" | "txt" | "xml"
    )
}

/// Serves a folder on a free port of 127.0.0.1 until xtask exits, as a static host would: each
/// file's gzip copy (made by [`precompress`]) to a client that accepts gzip, and
/// `Cache-Control: no-cache` (Lighthouse starts every run with an empty cache: no validators,
/// no 304). Returns the page's address.
fn serve(site: PathBuf) -> Result<String> {
    let settings = Settings::new(vec![("/".to_string(), site)])
        .cache_control("no-cache")
        .gzip(true);
    let server = StaticServer::serve(settings).map_err(|e| format!("cannot listen: {e}"))?;
    Ok(format!("{}/", server.base))
}

/// `gzip -9 -k` on every compressible file of a site.
fn precompress(site: &Path) -> Result {
    let files: Vec<PathBuf> = snapshot(site)
        .into_iter()
        .map(|(path, _, _)| path)
        .filter(|p| compressible(p))
        .collect();
    if files.is_empty() {
        return Ok(());
    }
    let status = Command::new("gzip")
        .args(["-9", "-k", "-f"])
        .args(&files)
        .status()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    if !status.success() {
        return Err(format!(
            "gzip -9 -k failed in {} ({status})",
            site.display()
        ));
    }
    Ok(())
}

/// The baseline: the report's text as plain HTML, nothing else.
fn static_page(report: &Json) -> Result<String> {
    let text = |j: Option<&Json>| j.and_then(Json::as_str).unwrap_or("").to_owned();
    let front = report.get("front").map(Json::items).unwrap_or_default();
    let title = front
        .iter()
        .find(|f| f.get("kind").and_then(Json::as_str) == Some("title"))
        .map(|f| text(f.get("text")))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| text(report.path(&["meta", "title"])));
    if title.is_empty() {
        return Err("dist/report.json has no title (meta.title)".into());
    }
    let opening: Vec<&str> = report
        .get("opening")
        .map(Json::items)
        .unwrap_or_default()
        .into_iter()
        .filter_map(Json::as_str)
        .collect();
    let description = opening.first().copied().unwrap_or(&title);

    let mut html = String::new();
    let _ = write!(
        html,
        "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n\
         <title>{}</title>\n<meta name=\"description\" content=\"{}\">\n\
         <link rel=\"icon\" href=\"data:,\">\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>{}</h1>\n",
        escape(&title),
        escape(description),
        escape(&title)
    );
    for f in front {
        if f.get("kind").and_then(Json::as_str) != Some("title") {
            paragraph(&mut html, &text(f.get("text")));
        }
    }
    paragraph(&mut html, &text(report.get("salutation")));
    for p in opening {
        paragraph(&mut html, p);
    }
    for list in ["sections", "annexes"] {
        for s in report.get(list).map(Json::items).unwrap_or_default() {
            section(&mut html, s, 0);
        }
    }
    html.push_str("</main>\n</body>\n</html>\n");
    Ok(html)
}

const STYLE: &str = "\
body{margin:0 auto;max-width:40em;padding:1rem;font:1.0625rem/1.8 sans-serif;color:#1c1c1c;background:#fbfaf7}
h1{font-size:1.5rem;line-height:1.4;text-align:center}
h2{font-size:1.25rem}h3{font-size:1.125rem}h4{font-size:1rem}
p{margin:.5em 0;text-indent:2em}
";

fn paragraph(html: &mut String, text: &str) {
    if !text.is_empty() {
        let _ = writeln!(html, "<p>{}</p>", escape(text));
    }
}

/// A section and its children: `<h2>` for a part, `<h3>` below it and so on, as the app does.
fn section(html: &mut String, s: &Json, depth: usize) {
    let field = |k| s.get(k).and_then(Json::as_str).unwrap_or("");
    let heading = format!("{}{}", field("marker"), field("heading"));
    if !heading.is_empty() {
        let level = (depth + 2).min(6);
        let _ = writeln!(html, "<h{level}>{}</h{level}>", escape(&heading));
    }
    for p in s.get("paragraphs").map(Json::items).unwrap_or_default() {
        paragraph(html, p.as_str().unwrap_or(""));
    }
    for child in s.get("children").map(Json::items).unwrap_or_default() {
        section(html, child, depth + 1);
    }
}

/// Text for HTML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// JSON: serde_json's `Value`, with the two lookups the reports need.

type Json = serde_json::Value;

fn parse_json(text: &str) -> Result<Json> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

trait Lookup {
    /// The value at a path of object keys.
    fn path(&self, keys: &[&str]) -> Option<&Json>;
    /// The items of an array; empty for anything else.
    fn items(&self) -> Vec<&Json>;
}

impl Lookup for Json {
    fn path(&self, keys: &[&str]) -> Option<&Json> {
        keys.iter().try_fold(self, |value, key| value.get(key))
    }

    fn items(&self) -> Vec<&Json> {
        self.as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_page_escapes_and_nests_headings() {
        let report = parse_json(
            r#"{"meta": {"title": "T<&>"}, "front": [{"kind": "title", "text": "T<&>"}],
                "salutation": "各位代表：", "opening": ["开场\"白\""],
                "sections": [{"marker": "一、", "heading": "部分", "paragraphs": ["段"],
                  "children": [{"marker": "", "heading": "主题", "paragraphs": [], "children": []}]}],
                "annexes": []}"#,
        )
        .unwrap();
        let html = static_page(&report).unwrap();
        assert!(html.contains("<title>T&lt;&amp;&gt;</title>"));
        assert!(html.contains("<h1>T&lt;&amp;&gt;</h1>"));
        assert!(html.contains("content=\"开场&quot;白&quot;\""));
        assert!(html.contains("<h2>一、部分</h2>\n<p>段</p>\n<h3>主题</h3>"));
    }
}
