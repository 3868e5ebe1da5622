//! `cargo xtask bench --library`: a library at scale, and Pagefind beside it
//! (docs/library-bench.md).
//!
//! 1. A made-up library of [`REPORTS`] reports into `target/bench-library/src/`
//!    (report-site's `library-bench generate`, seeded: the same on every run).
//! 2. `trunk build --release` of it into `target/bench-library/dist/` as `cargo xtask build
//!    --library` runs it, timed, after a build of the tests' small library (`tests/library`)
//!    that warms the caches (cargo's, the wasm: the same code, the same Trunk steps); then one
//!    report gets a sentence more and the rebuild is timed. Each time also the part spent in the
//!    prerender step (the library itself), from Trunk's own log lines.
//! 3. Pagefind ([`PAGEFIND_VERSION`], from npm into `.tools/pagefind/`) indexes the built site
//!    into `target/bench-library/pagefind/`; a node script runs its JS API on that for each
//!    of the benchmark's queries, cold, and records the files it fetches and the pages it finds.
//!    Without npm or the registry this part is skipped, and the table says why.
//! 4. `library-bench report` measures the rest natively and prints the table, targets beside
//!    the measurements: they are benchmark targets, never failures.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::{cmd, npm_package, root, run, setup_build_tools, step, Result};

/// Reports in the made-up library.
const REPORTS: usize = 300;
const DIR: &str = "target/bench-library";
const PAGEFIND_VERSION: &str = "1.6.0";
/// Its own prefix: an `npm install --no-save` into `.tools/` itself would remove binaryen
/// (npm prunes what no package.json there names).
const PAGEFIND_PREFIX: &str = ".tools/pagefind";
/// The real reports, read (never copied) for the calibration line.
const CORPORA: &str = "../shared/corpora/reports";

pub fn bench() -> Result {
    setup_build_tools()?;
    let dir = root().join(DIR);
    let src = dir.join("src");
    let dist = dir.join("dist");

    step(&format!("a made-up library of {REPORTS} reports"));
    library_bench(&[
        "generate".as_ref(),
        src.as_os_str(),
        REPORTS.to_string().as_ref(),
    ])?;

    // The caches (cargo's, the wasm) are warmed by the small made-up library of the tests: the
    // same code and the same Trunk steps, in seconds instead of the big one's minute of pages.
    step("warm-up: build the tests' small library (compiles what is missing)");
    let (warm, _) = trunk_build(&root().join("tests/library"), &dir.join("warm-up-dist"))?;
    step("build the library, timed");
    let (build, build_prerender) = trunk_build(&src, &dist)?;
    step("one report changed: rebuild, timed");
    library_bench(&["change".as_ref(), src.as_os_str()])?;
    let (rebuild, rebuild_prerender) = trunk_build(&src, &dist)?;

    let mut times = format!("warm={warm:.1},build={build:.1},rebuild={rebuild:.1}");
    for (name, t) in [
        ("build_prerender", build_prerender),
        ("rebuild_prerender", rebuild_prerender),
    ] {
        if let Some(t) = t {
            times.push_str(&format!(",{name}={t:.1}"));
        }
    }
    let mut report: Vec<std::ffi::OsString> = vec![
        "report".into(),
        dist.clone().into(),
        "--times".into(),
        times.into(),
    ];

    step(&format!(
        "Pagefind {PAGEFIND_VERSION} on the built library (reference)"
    ));
    match pagefind(&dir, &dist) {
        Ok((index, results, secs)) => {
            eprintln!("Pagefind indexed the site in {secs:.1} s");
            report.extend([
                "--pagefind".into(),
                index.into(),
                "--pagefind-results".into(),
                results.into(),
                "--pagefind-time".into(),
                format!("{secs:.1}").into(),
            ]);
        }
        Err(why) => {
            eprintln!("Pagefind skipped: {why}");
            report.extend(["--pagefind-skipped".into(), why.into()]);
        }
    }
    let corpora = root().join(CORPORA);
    if corpora.is_dir() {
        report.extend(["--corpora".into(), corpora.into()]);
    }

    step("measuring the built library");
    let args: Vec<&std::ffi::OsStr> = report.iter().map(|a| a.as_os_str()).collect();
    library_bench(&args)
}

/// Runs report-site's `library-bench` with `args`.
fn library_bench(args: &[&std::ffi::OsStr]) -> Result {
    run(library_bench_command().args(args))
}

/// `cargo run` of report-site's `library-bench`, its arguments to follow.
fn library_bench_command() -> std::process::Command {
    let mut command = cmd("cargo");
    command.args([
        "run",
        "--release",
        "--quiet",
        "-p",
        "report-site",
        "--bin",
        "library-bench",
        "--",
    ]);
    command
}

/// `trunk build --release` of the library in `src` into `dist`, as `cargo xtask build
/// --library` runs it (in the project's own target folder, whatever CARGO_TARGET_DIR says:
/// the wasm caches are there). Gives the seconds it took and, when Trunk's log shows the hook
/// start and finish, those spent in the prerender step.
fn trunk_build(src: &Path, dist: &Path) -> Result<(f64, Option<f64>)> {
    let mut c = cmd("trunk");
    c.args(["build", "--release", "--dist"])
        .arg(dist)
        .env_remove("CARGO_TARGET_DIR")
        .env("REPORT_SOURCE", "")
        .env("REPORT_CURATION", "")
        .env("REPORT_LIBRARY_STRICT", "")
        .env("REPORT_LIBRARY", src)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    eprintln!(
        "\n$ REPORT_LIBRARY={} trunk build --release --dist {}",
        src.display(),
        dist.display()
    );
    let start = Instant::now();
    let mut child = c
        .spawn()
        .map_err(|e| format!("could not start trunk: {e}"))?;
    // Trunk's log lines, echoed as they come; the hook's start and finish are noted.
    let hook: Arc<Mutex<(Option<Instant>, Option<Instant>)>> = Arc::default();
    let mut readers = Vec::new();
    let streams: Vec<Box<dyn std::io::Read + Send>> = vec![
        Box::new(child.stdout.take().ok_or("trunk's output")?),
        Box::new(child.stderr.take().ok_or("trunk's errors")?),
    ];
    for stream in streams {
        let hook = hook.clone();
        readers.push(std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(|l| l.ok()) {
                eprintln!("{line}");
                let mut h = hook.lock().unwrap_or_else(|e| e.into_inner());
                if line.contains("spawning hook") && line.contains("PostBuild") {
                    h.0 = Some(Instant::now());
                } else if line.contains("finished hook") {
                    h.1 = Some(Instant::now());
                }
            }
        }));
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    for r in readers {
        let _ = r.join();
    }
    let secs = start.elapsed().as_secs_f64();
    if !status.success() {
        return Err(format!("trunk build of the library failed ({status})"));
    }
    let h = *hook.lock().unwrap_or_else(|e| e.into_inner());
    let prerender = match h {
        (Some(a), Some(b)) if b > a => Some((b - a).as_secs_f64()),
        _ => None,
    };
    eprintln!("built in {secs:.1} s");
    Ok((secs, prerender))
}

/// Pagefind on the built site: installs it when missing, indexes `dist` into
/// `dir/pagefind/pagefind/`, then runs the queries through its JS API in node. Gives the index
/// folder, the results file and the seconds the indexing took; an error says why it could not
/// run (no npm, no registry, no node).
fn pagefind(dir: &Path, dist: &Path) -> std::result::Result<(PathBuf, PathBuf, f64), String> {
    let cli = npm_package(
        PAGEFIND_PREFIX,
        "pagefind",
        PAGEFIND_VERSION,
        "lib/runner/bin.cjs",
    )
    .map_err(|e| format!("pagefind@{PAGEFIND_VERSION} could not be installed from npm: {e}"))?;
    let site = dir.join("pagefind");
    let index = site.join("pagefind");
    let _ = std::fs::remove_dir_all(&site);
    let start = Instant::now();
    run(cmd("node")
        .arg(&cli)
        .arg("--site")
        .arg(dist)
        .arg("--output-path")
        .arg(&index))?;
    let secs = start.elapsed().as_secs_f64();
    let queries = library_bench_command()
        .arg("queries")
        .arg(dist)
        .output()
        .map_err(|e| format!("cannot list the queries: {e}"))?;
    if !queries.status.success() {
        return Err(format!(
            "cannot list the queries: {}",
            String::from_utf8_lossy(&queries.stderr)
        ));
    }
    let script = dir.join("pagefind-queries.mjs");
    std::fs::write(&script, PAGEFIND_SCRIPT).map_err(|e| e.to_string())?;
    let results = dir.join("pagefind-results.json");
    let out = cmd("node")
        .arg(&script)
        .arg(&site)
        .args(String::from_utf8_lossy(&queries.stdout).lines())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    if !out.status.success() {
        return Err("the Pagefind queries failed in node (see above)".into());
    }
    std::fs::write(&results, &out.stdout).map_err(|e| e.to_string())?;
    Ok((index, results, secs))
}

/// Runs each query (argv after the site folder) through Pagefind's JS API in node, cold (a
/// fresh instance of the module per query), with `fetch` answered from the folder and
/// recorded; prints JSON: per query, the pages found (every result's URL, read from its
/// fragment after the recording stops), the files fetched for the search and the first 6
/// results' fragments, as a browser shows them. `pagefind.js` is loaded by import and
/// `pagefind-worker.js` only in a browser (node has no Worker: the same search runs in the
/// page), so both are added to what it fetched.
const PAGEFIND_SCRIPT: &str = r#"// Written by cargo xtask bench --library (xtask/src/library_bench.rs).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [root, ...queries] = process.argv.slice(2);
let fetched = [];
globalThis.fetch = async (input) => {
  const url = String((input && input.url) || input);
  const path = decodeURIComponent(new URL(url, "http://localhost/").pathname);
  let body;
  try {
    body = readFileSync(root + path);
  } catch (e) {
    return new Response(null, { status: 404 });
  }
  fetched.push(path);
  return new Response(body, { status: 200 });
};
const module = pathToFileURL(root + "/pagefind/pagefind.js").href;
const out = [];
// Each page's address, read once (from its fragment, after a query's recording stops).
const urlOf = new Map();
for (const [i, query] of queries.entries()) {
  fetched = ["/pagefind/pagefind.js", "/pagefind/pagefind-worker.js"];
  try {
    const pagefind = await import(module + "?run=" + i);
    await pagefind.options({ basePath: "/pagefind/", baseUrl: "/" });
    await pagefind.init();
    const search = await pagefind.search(query);
    const results = search ? search.results : [];
    for (const r of results.slice(0, 6)) await r.data();
    const seen = [...new Set(fetched)];
    const urls = [];
    for (const r of results) {
      if (!urlOf.has(r.id)) urlOf.set(r.id, (await r.data()).url);
      urls.push(urlOf.get(r.id));
    }
    out.push({ query, pages: results.length, urls, fetched: seen });
  } catch (e) {
    out.push({ query, error: String(e), pages: 0, urls: [], fetched: [] });
  }
}
process.stdout.write(JSON.stringify(out));
"#;
