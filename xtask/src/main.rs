//! Dev tasks: `cargo xtask serve` and `cargo xtask test` install what is missing, then serve or test.
//!
//! Std and serde_json only (for the Lighthouse reports), so that it builds in seconds on a fresh
//! machine. Every install is idempotent and
//! comes from a registry this machine reaches (crates.io, npm, Debian apt); nothing downloads a
//! prebuilt binary from elsewhere. See `../shared/toolchain.md` for why each recipe looks the way
//! it does (Trunk needs `--ignore-rust-version`, wasm-bindgen-cli must match Cargo.lock and
//! installs without `--locked`, Debian's wasm-opt is too old so binaryen comes from npm).

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

mod library_bench;
mod library_build;
mod lighthouse;
mod vendored;

const TRUNK_VERSION: &str = "0.22.1";
const BINARYEN_NPM: &str = "binaryen@132.0.0";
/// axe-core, injected into the page by the end-to-end accessibility gate (tests/e2e_axe.rs),
/// which reads it from [`AXE_DIR`].
const AXE_VERSION: &str = "4.14.1";
const AXE_DIR: &str = "target/test-tools";
const WASM_OPT_VERSION: &str = "version 132";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// A CJK font, so that screenshots show Chinese text instead of empty boxes.
const CJK_FONT_PACKAGE: &str = "fonts-noto-cjk";
const CJK_FONT_DIR: &str = "/usr/share/fonts/opentype/noto";

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  serve    install what is missing, then serve the app on http://127.0.0.1:8080 (trunk serve);
           --report FILE [--curation FILE.tsv] or --library DIR as for build
  test     install what is missing, then run every test layer (fails if any layer cannot run):
           fmt, clippy (native + wasm), release builds, native tests, end-to-end tests in
           headless Chromium (`#[ignore]`d in a plain `cargo test`; run here with
           `cargo test -p e2e -- --include-ignored`), wasm-bindgen component tests in headless
           Chromium; then prints the benchmarks and the release sizes
  build    install what is missing, build the release into dist/ and print its sizes;
           --report FILE [--curation FILE.tsv] embeds that report (a text in UTF-8, UTF-16
           or GBK/GB18030, or a report file .json) instead of the default;
           --single-file also writes one self-contained HTML file into dist-single/;
           --library DIR [--strict] builds every report in DIR (.txt in any encoding the
           importer reads, .json report files; DIR/library.tsv the optional catalogue) into
           one site: the library page dist/index.html, each report in dist/<id>/,
           dist/library.json, dist/targets.json and dist/targets.csv (README, section A library of
           reports); a file that cannot be read is left out and named, --strict makes that
           an error
  bench    run the benchmarks: search (time per query on the report and a 100× corpus) and
           import (a 30,000-character made-up report: import, start-up read, search); then
           two timings in headless Chromium against the release builds (end-to-end tests run
           with --include-ignored: they fail when the browser or a build is missing)
  bench --lighthouse [--runs N]  instead: Lighthouse medians, dist/ against a plain HTML page
           of its text, N runs each (3 unless given)
  bench --library  instead: a made-up library of 300 reports (target/bench-library/): build
           and rebuild times, the library page's first visit, the search index against the
           texts, bytes fetched and reports found per query; Pagefind 1.6.0 (npm, into
           .tools/pagefind/) on the same site beside it (docs/library-bench.md); ~5 minutes
  setup    only install what is missing
  vendored check that vendor/yew is Yew as crates.io publishes it but one line (vendor/README.md)
";

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let task = args.first().map(String::as_str).unwrap_or("");
    let outcome = match task {
        "serve" => report_args(&args[1..]).and_then(|r| serve(&r)),
        "test" => test(),
        "build" => report_args(&args[1..])
            .and_then(|r| setup_build_tools().map(|_| r))
            .and_then(|r| release_build(&r)),
        "setup" => setup_build_tools().and_then(|_| setup_browser()),
        "vendored" => vendored::check(),
        "bench" => match &args[1..] {
            [] => bench(),
            [flag] if flag == "--lighthouse" => lighthouse::bench(lighthouse::RUNS),
            [flag] if flag == "--library" => library_bench::bench(),
            [flag, runs, n] if flag == "--lighthouse" && runs == "--runs" => n
                .parse()
                .ok()
                .filter(|&n| n > 0)
                .ok_or_else(|| format!("--runs takes a count of runs, not {n:?}"))
                .and_then(lighthouse::bench),
            other => Err(format!("unknown options {other:?}\n\n{USAGE}")),
        },
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown task {task:?}\n\n{USAGE}")),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root (the parent of this crate's folder).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one folder below the root")
        .to_path_buf()
}

/// PATH with the project's own tools (npm's binaryen) and cargo's bin folder first.
fn tool_path() -> OsString {
    let mut dirs = vec![root().join(".tools/node_modules/.bin")];
    if let Some(home) = env::var_os("CARGO_HOME") {
        dirs.push(PathBuf::from(home).join("bin"));
    } else if let Some(home) = env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo/bin"));
    }
    if let Some(path) = env::var_os("PATH") {
        dirs.extend(env::split_paths(&path));
    }
    env::join_paths(dirs).unwrap_or_default()
}

fn cmd(program: &str) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root()).env("PATH", tool_path());
    c
}

/// Runs a command, failing with its command line when it does not succeed.
fn run(c: &mut Command) -> Result {
    let mut line = c.get_program().to_string_lossy().to_string();
    for arg in c.get_args() {
        line.push(' ');
        line.push_str(&arg.to_string_lossy());
    }
    eprintln!("\n$ {line}");
    let status = c
        .status()
        .map_err(|e| format!("could not start {line}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{line} failed ({status})"))
    }
}

/// The first line a command prints (stdout or stderr), or None when it cannot run.
fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let out = cmd(program).args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    Some(text.lines().next().unwrap_or("").trim().to_string())
}

fn step(title: &str) {
    eprintln!("\n==> {title}");
}

/// The wasm-bindgen version locked in Cargo.lock: the CLI must match it exactly.
fn locked_wasm_bindgen() -> Result<String> {
    let lock = fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
            {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry".into())
}

/// Installs the wasm target, Trunk, wasm-bindgen-cli and wasm-opt when they are missing.
fn setup_build_tools() -> Result {
    step("build tools");
    let installed = cmd("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|_| "rustup is not on PATH: install Rust with rustup (https://rustup.rs), then run this again")?;
    if !String::from_utf8_lossy(&installed.stdout).contains(WASM_TARGET) {
        run(cmd("rustup").args(["target", "add", WASM_TARGET]))?;
    }

    match output_of("trunk", &["--version"]) {
        Some(v) => eprintln!("trunk: {v}"),
        None => run(cmd("cargo").args([
            "install",
            "trunk",
            "--version",
            TRUNK_VERSION,
            "--locked",
            "--ignore-rust-version",
        ]))?,
    }

    let wanted = locked_wasm_bindgen()?;
    let have = output_of("wasm-bindgen", &["--version"]).unwrap_or_default();
    if have.ends_with(&wanted) {
        eprintln!("{have}");
    } else {
        if !have.is_empty() {
            eprintln!("{have} does not match Cargo.lock's wasm-bindgen {wanted}: reinstalling");
        }
        // No --locked: the registry lacks a crate version its lockfile names.
        run(cmd("cargo").args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &wanted,
            "--force",
        ]))?;
    }

    let wasm_opt = output_of("wasm-opt", &["--version"]).unwrap_or_default();
    if wasm_opt.contains(WASM_OPT_VERSION) {
        eprintln!("{wasm_opt}");
    } else {
        if output_of("npm", &["--version"]).is_none() {
            return Err(format!(
                "npm is not on PATH: install Node.js 20 and npm (Debian: apt-get install nodejs npm), \
                 then run this again; it is needed for wasm-opt ({BINARYEN_NPM})"
            ));
        }
        fs::create_dir_all(root().join(".tools")).map_err(|e| e.to_string())?;
        run(cmd("npm").args([
            "install",
            "--prefix",
            ".tools",
            "--no-audit",
            "--no-fund",
            "--no-save",
            BINARYEN_NPM,
        ]))?;
    }
    Ok(())
}

/// Installs Debian's Chromium and ChromeDriver when they are missing (root on Debian only),
/// and axe-core for the accessibility gate.
fn setup_browser() -> Result {
    setup_chromium()?;
    setup_axe()
}

/// axe-core from npm into [`AXE_DIR`] (git ignores `target/`), unless that version is there.
fn setup_axe() -> Result {
    step("axe-core for the accessibility gate");
    npm_package(AXE_DIR, "axe-core", AXE_VERSION, "axe.min.js").map(|_| ())
}

/// The npm package `name` at `version` under `prefix` (a folder of the project that git
/// ignores), installed when that version is not there yet; gives the path of its file `file`,
/// which must exist. For the test and bench tools that come from npm (axe-core, Lighthouse).
fn npm_package(prefix: &str, name: &str, version: &str, file: &str) -> Result<PathBuf> {
    let package = root().join(prefix).join("node_modules").join(name);
    let installed = fs::read_to_string(package.join("package.json"))
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|json| json["version"].as_str().map(str::to_owned));
    if installed.as_deref() == Some(version) && package.join(file).is_file() {
        eprintln!("{name} {version}");
        return Ok(package.join(file));
    }
    if output_of("npm", &["--version"]).is_none() {
        return Err(format!(
            "npm is not on PATH: install Node.js 20 and npm (Debian: apt-get install nodejs npm), \
             then run this again; it is needed for {name}@{version}"
        ));
    }
    fs::create_dir_all(root().join(prefix)).map_err(|e| e.to_string())?;
    run(cmd("npm").args([
        "install",
        "--prefix",
        prefix,
        "--no-audit",
        "--no-fund",
        "--no-save",
        &format!("{name}@{version}"),
    ]))?;
    Ok(package.join(file))
}

fn setup_chromium() -> Result {
    step("browser for tests");
    let has_font = fs::read_dir(CJK_FONT_DIR)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .any(|e| e.file_name().to_string_lossy().contains("CJK"))
        })
        .unwrap_or(false);
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() && has_font {
        eprintln!(
            "{}",
            output_of(CHROMEDRIVER, &["--version"]).unwrap_or_default()
        );
        return Ok(());
    }
    let debian = Path::new("/etc/debian_version").exists();
    let root_user = output_of("id", &["-u"]).as_deref() == Some("0");
    if !(debian && root_user) {
        return Err(format!(
            "the browser tests need Chromium at {CHROMIUM} and ChromeDriver at {CHROMEDRIVER}.\n\
             and a CJK font for readable screenshots. This task installs them itself only on Debian as root\n\
             (apt-get install chromium chromium-driver {CJK_FONT_PACKAGE}). Install Chromium, a matching\n\
             ChromeDriver (at those paths) and a CJK font with your system's package manager, then run this again."
        ));
    }
    run(cmd("apt-get").arg("update"))?;
    run(cmd("apt-get")
        .args([
            "install",
            "-y",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
            CJK_FONT_PACKAGE,
        ])
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    Ok(())
}

/// The report to embed (`--report FILE [--curation FILE]`), as environment variables for the
/// build step (build.rs): absolute paths, since cargo runs build.rs elsewhere.
#[derive(Default)]
struct ReportChoice {
    env: Vec<(&'static str, OsString)>,
    /// `--single-file`: also write one self-contained HTML file into dist-single/.
    single_file: bool,
}

fn report_args(args: &[String]) -> Result<ReportChoice> {
    let mut choice = ReportChoice::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--single-file" {
            choice.single_file = true;
            continue;
        }
        if arg == "--strict" {
            choice.env.push(("REPORT_LIBRARY_STRICT", "1".into()));
            continue;
        }
        let var = match arg.as_str() {
            "--report" => "REPORT_SOURCE",
            "--curation" => "REPORT_CURATION",
            "--library" => "REPORT_LIBRARY",
            other => return Err(format!("unknown option {other:?}\n\n{USAGE}")),
        };
        let value = args.next().ok_or(format!("{arg} needs a file or folder"))?;
        let path = fs::canonicalize(value).map_err(|e| format!("{value}: {e}"))?;
        if var == "REPORT_LIBRARY" && !path.is_dir() {
            return Err(format!("--library takes a folder, not {value}"));
        }
        choice.env.push((var, path.into_os_string()));
    }
    let has = |var: &str| choice.env.iter().any(|(v, _)| *v == var);
    if has("REPORT_LIBRARY") && (has("REPORT_SOURCE") || choice.single_file) {
        return Err(
            "--library builds every report of its folder: no --report or --single-file with it"
                .into(),
        );
    }
    if has("REPORT_LIBRARY_STRICT") && !has("REPORT_LIBRARY") {
        return Err("--strict goes with --library".into());
    }
    Ok(choice)
}

fn with_report<'c>(c: &'c mut Command, report: &ReportChoice) -> &'c mut Command {
    // Always set them all, so that a build without --report or --library goes back to the
    // default report.
    c.env("REPORT_SOURCE", "")
        .env("REPORT_CURATION", "")
        .env("REPORT_LIBRARY", "")
        .env("REPORT_LIBRARY_STRICT", "");
    for (var, value) in &report.env {
        c.env(var, value);
    }
    c
}

fn serve(report: &ReportChoice) -> Result {
    setup_build_tools()?;
    step("serving on http://127.0.0.1:8080 (Ctrl+C stops)");
    run(with_report(&mut cmd("trunk"), report).args([
        "serve",
        "--address",
        "127.0.0.1",
        "--port",
        "8080",
        "--dist",
        "target/serve-dist",
    ]))
}

fn release_build(report: &ReportChoice) -> Result {
    step("release build into dist/");
    if report.env.iter().any(|(var, _)| *var == "REPORT_LIBRARY") {
        return library_release_build(report);
    }
    run(with_report(&mut cmd("trunk"), report).args(["build", "--release"]))?;
    print_sizes()?;
    if report.single_file {
        single_file(report)?;
    }
    Ok(())
}

/// A library's release build (`--library DIR`): Trunk and the whole site when the code changed
/// since the last one, else the library's pages alone on the kept shell
/// (`library_build`), which is what makes a rebuild after a report changed take seconds.
fn library_release_build(report: &ReportChoice) -> Result {
    let root = root();
    let code = library_build::code_hash(&root)?;
    let cache = library_build::page_cache(&root, &code)?;
    if library_build::shell_is_current(&root, &code, "/") {
        step("the code is as last built: only the library's pages again, without Trunk");
        let mut prerender = cmd("cargo");
        with_report(&mut prerender, report)
            .env("REPORT_LIBRARY_CACHE", &cache)
            .args(["run", "--release", "--quiet", "--bin", "prerender"]);
        library_build::reports_only(&root, &mut prerender, "/", &root.join("dist"))?;
    } else {
        run(with_report(&mut cmd("trunk"), report)
            .env("REPORT_LIBRARY_SHELL", root.join(library_build::SHELL))
            .env("REPORT_LIBRARY_CACHE", &cache)
            .args(["build", "--release"]))?;
        library_build::stamp_shell(&root, &code, "/")?;
    }
    print_sizes()
}

/// One self-contained HTML file of the release build in dist/, into dist-single/, named after
/// the report (src/single_file.rs); prints its size.
fn single_file(report: &ReportChoice) -> Result {
    step("one self-contained file into dist-single/");
    let out = with_report(&mut cmd("cargo"), report)
        .args(["run", "--release", "--quiet", "--bin", "prerender", "--"])
        .args(["--single-file", "dist", "dist-single"])
        .output()
        .map_err(|e| format!("cannot run the prerender step: {e}"))?;
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
    if !out.status.success() {
        return Err("the single file could not be written".into());
    }
    let path = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let (raw, gz) = sizes(&root().join(&path))?;
    eprintln!("  {} {raw} B raw, {gz} B gzip", path.display());
    Ok(())
}

/// A file's size, raw and as `gzip -9` makes it.
fn sizes(path: &Path) -> Result<(u64, u64)> {
    let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((bytes.len() as u64, gzip_len(&bytes)?))
}

/// The size budget (docs/size-budget.md), gzip bytes. It is a budget for code: the page's
/// wasm; everything a first visit loads but the report itself (the page's shell — its HTML
/// without the report drawn into `#app` —, the start-up scripts, the stylesheet, the icon,
/// the manifest and the service worker); and each module loaded on first use (the reading
/// worker, the reader's tools: wasm and glue). The report's text and data grow with the report
/// (the HTML drawn into `#app`, the data block's file, `report.json`): they are measured and
/// printed, never a failure — an office must be able to build a long report.
const WASM_BUDGET: u64 = 200_000;
const FIRST_VISIT_BUDGET: u64 = 240_000;
const MODULE_BUDGET: u64 = 120_000;

/// What a file of dist/ is, for the budget.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Part {
    /// Code a first visit loads.
    FirstVisit,
    /// The report's own data.
    Report,
    /// Loaded on first use: the named module, or other files (icons).
    Module(&'static str),
    OnDemand,
    /// No part of the site (Trunk's lock file).
    None,
}

fn part_of(name: &str) -> Part {
    if name.starts_with('.') {
        Part::None
    } else if name.starts_with("report-data-") || name == "report.json" {
        Part::Report
    } else if name.starts_with("report-reader") {
        Part::Module("reading worker")
    } else if name.starts_with("report-notes") {
        Part::Module("review notes (report-notes)")
    } else if name.starts_with("report-care") {
        Part::Module("字号 and 朗读 (report-care)")
    } else if name.starts_with("report-export") {
        Part::Module("figures' exports (report-export)")
    } else if name.starts_with("report-library") {
        Part::Module("library search (report-library, a library's page only)")
    } else if name.starts_with("icon-")
        || ["library.json", "targets.json", "targets.csv"].contains(&name)
    {
        // The home-screen icons, and a library's downloads.
        Part::OnDemand
    } else {
        Part::FirstVisit
    }
}

/// The built page's HTML without what was drawn into its `#app` (the report), and that part.
fn split_page(html: &str) -> (String, String) {
    let open = ["<div id=app>", "<div id=\"app\">"]
        .iter()
        .find_map(|tag| html.find(tag).map(|at| at + tag.len()));
    match (open, html.rfind("</div>")) {
        (Some(start), Some(end)) if start <= end => (
            format!("{}{}", &html[..start], &html[end..]),
            html[start..end].to_string(),
        ),
        _ => (html.to_string(), String::new()),
    }
}

/// Bytes as `gzip -9` makes them.
fn gzip_len(bytes: &[u8]) -> Result<u64> {
    use std::io::Write;
    let mut child = Command::new("gzip")
        .args(["-9", "-c"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    // Written from another thread while this one reads: gzip's output fills its pipe long
    // before a large input is all written.
    let mut input = child.stdin.take().ok_or("gzip's input")?;
    let bytes = bytes.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&bytes));
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    writer
        .join()
        .map_err(|_| "gzip's input failed".to_string())?
        .map_err(|e| e.to_string())?;
    Ok(out.stdout.len() as u64)
}

/// Prints every file in dist/ with its raw and gzip size, then the budget; fails over it.
fn print_sizes() -> Result {
    let dist = root().join("dist");
    let mut entries: Vec<PathBuf> = fs::read_dir(&dist)
        .map_err(|e| format!("cannot read dist/: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    entries.sort();
    eprintln!("\nrelease sizes (dist/):");
    let (mut wasm, mut first_visit, mut report, mut other) = (0, 0, 0, 0);
    let mut modules: Vec<(&str, u64)> = Vec::new();
    for path in entries {
        let (raw, gz) = sizes(&path)?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        eprintln!("  {name:<48} {raw:>9} B raw  {gz:>9} B gzip");
        match part_of(&name) {
            Part::None => {}
            Part::Report => report += gz,
            Part::OnDemand => other += gz,
            Part::Module(module) => match modules.iter_mut().find(|(m, _)| *m == module) {
                Some((_, total)) => *total += gz,
                None => modules.push((module, gz)),
            },
            Part::FirstVisit if name == "index.html" => {
                let html = fs::read_to_string(&path).map_err(|e| e.to_string())?;
                let (shell, drawn) = split_page(&html);
                let shell = gzip_len(shell.as_bytes())?;
                eprintln!(
                    "    of which the page's shell {shell} B gzip, the report drawn into #app {} B raw",
                    drawn.len()
                );
                first_visit += shell;
                report += gz.saturating_sub(shell);
            }
            Part::FirstVisit => {
                first_visit += gz;
                if name.ends_with(".wasm") {
                    wasm += gz;
                }
            }
        }
    }
    eprintln!(
        "  code: page wasm {wasm} B gzip (budget {WASM_BUDGET}); first visit {first_visit} B gzip \
         (budget {FIRST_VISIT_BUDGET})"
    );
    for (module, gz) in &modules {
        eprintln!("  code loaded on first use: the {module} {gz} B gzip (budget {MODULE_BUDGET})");
    }
    eprintln!(
        "  the report (grows with it; no budget): {report} B gzip of its HTML and data; \
         icons on demand {other} B gzip"
    );
    let mut over = Vec::new();
    if wasm > WASM_BUDGET {
        over.push(format!("page wasm {wasm} B (≤ {WASM_BUDGET})"));
    }
    if first_visit > FIRST_VISIT_BUDGET {
        over.push(format!(
            "first visit {first_visit} B (≤ {FIRST_VISIT_BUDGET})"
        ));
    }
    for (module, gz) in &modules {
        if *gz > MODULE_BUDGET {
            over.push(format!("the {module} {gz} B (≤ {MODULE_BUDGET})"));
        }
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "over the size budget for code: {}",
            over.join("; ")
        ))
    }
}

/// The benchmarks: search and import natively, then two timings in the browser; they print and
/// assert nothing (targets in benches/*.rs and in the closing notes).
fn bench() -> Result {
    step("benchmarks: search and import (print, assert nothing)");
    run(cmd("cargo").args(["bench", "-p", "report-core", "--bench", "search"]))?;
    run(cmd("cargo").args(["bench", "-p", "report-core", "--bench", "import"]))?;
    // In the browser, against the release dist/ (end-to-end tests, so `#[ignore]`d unless
    // asked for; they fail when there is no browser or no build): a keystroke to the
    // highlights, and a long report from the file chosen to painted.
    let tmp = root().join("target/browser-tmp");
    fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
    for (test, name) in [
        ("e2e", "keystroke_to_highlight_time_is_reported"),
        ("e2e_speed", "opening_a_long_report_is_timed"),
        ("e2e_speed", "opening_very_large_input_is_timed"),
        ("e2e_speed", "start_up_tasks_are_reported"),
    ] {
        run(cmd("cargo")
            .args([
                "test",
                "--quiet",
                "-p",
                "e2e",
                "--test",
                test,
                "--",
                "--include-ignored",
                "--exact",
                name,
            ])
            .env("TMPDIR", &tmp))?;
    }
    Ok(())
}

fn test() -> Result {
    setup_build_tools()?;
    setup_browser()?;
    vendored::check()?;
    let tmp = root().join("target/browser-tmp");
    fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;

    step("formatting");
    run(cmd("cargo").args(["fmt", "--all", "--", "--check"]))?;

    step("lints (native and wasm)");
    run(cmd("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(cmd("cargo").args([
        "clippy",
        "--package",
        "report-core",
        "--package",
        "report-app",
        "--package",
        "report-tools",
        "--all-targets",
        "--target",
        WASM_TARGET,
        "--",
        "-D",
        "warnings",
    ]))?;

    step("release build of another report (a made-up county report, for the end-to-end test)");
    let other = report_args(&["--report".into(), "tests/reports/county-2030.txt".into()])?;
    run(with_report(&mut cmd("trunk"), &other).args([
        "build",
        "--release",
        "--public-url",
        "/other/",
        "--dist",
        "target/dist-other",
    ]))?;
    // With the single file, for its end-to-end test from a file:// address.
    release_build(&ReportChoice {
        single_file: true,
        ..ReportChoice::default()
    })?;
    step("release build under a sub-path (for the hosting test)");
    run(
        with_report(&mut cmd("trunk"), &ReportChoice::default()).args([
            "build",
            "--release",
            "--public-url",
            "/songshi/",
            "--dist",
            "target/dist-subpath",
        ]),
    )?;

    step("release build of a made-up library under a sub-path (for its end-to-end test)");
    let library = report_args(&["--library".into(), "tests/library".into()])?;
    run(with_report(&mut cmd("trunk"), &library).args([
        "build",
        "--release",
        "--public-url",
        "/library/",
        "--dist",
        "target/dist-library",
    ]))?;

    // Ignored tests stay out of this run: report-core's local check of `../shared/corpora` is
    // one; the end-to-end tests, `#[ignore]`d so that a plain `cargo test` says they did not
    // run, come next.
    step("native tests: core units, fidelity, server rendering");
    run(cmd("cargo").args(["test", "--workspace"]))?;

    step("end-to-end tests in headless Chromium (they fail if the browser or a build is missing)");
    run(cmd("cargo")
        .args(["test", "--package", "e2e", "--", "--include-ignored"])
        .env("TMPDIR", &tmp))?;

    step("component tests: wasm-bindgen-test in headless Chromium");
    run(cmd("cargo")
        .args(["test", "--package", "report-app", "--target", WASM_TARGET])
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("TMPDIR", &tmp))?;

    bench()?;
    print_sizes()?;
    eprintln!("\nall test layers passed; screenshots are in target/screenshots/");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_s_shell_is_its_html_without_the_report_drawn_into_app() {
        let page = "<head></head><body><p id=boot></p><div id=app><main><p>正文</p></main></div>\
                    <script src=/boot.js></script></body>";
        let (shell, drawn) = split_page(page);
        assert_eq!(drawn, "<main><p>正文</p></main>");
        assert_eq!(
            shell,
            "<head></head><body><p id=boot></p><div id=app></div><script src=/boot.js></script></body>"
        );
        let (shell, drawn) = split_page("<div id=\"app\"></div>");
        assert_eq!(
            (shell.as_str(), drawn.as_str()),
            ("<div id=\"app\"></div>", "")
        );
    }

    #[test]
    fn a_large_input_is_measured_without_waiting_on_itself() {
        // Incompressible bytes, larger than any pipe's buffer.
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let bytes: Vec<u8> = (0..2_000_000)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed as u8
            })
            .collect();
        assert!(gzip_len(&bytes).unwrap() > 1_000_000);
    }

    #[test]
    fn the_budget_counts_code_and_measures_the_report_apart() {
        assert_eq!(part_of("report-page-1_bg.wasm"), Part::FirstVisit);
        assert_eq!(part_of("style-1.css"), Part::FirstVisit);
        assert_eq!(part_of("report-data-1.json"), Part::Report);
        assert_eq!(part_of("report.json"), Part::Report);
        assert_eq!(
            part_of("report-reader_bg.wasm"),
            Part::Module("reading worker")
        );
        assert_eq!(
            part_of("report-notes.js"),
            Part::Module("review notes (report-notes)")
        );
        assert_eq!(
            part_of("report-care_bg.wasm"),
            Part::Module("字号 and 朗读 (report-care)")
        );
        assert_eq!(
            part_of("report-export.js"),
            Part::Module("figures' exports (report-export)")
        );
        assert_eq!(part_of("icon-192-1.png"), Part::OnDemand);
        assert_eq!(part_of(".trunk-lock"), Part::None);
    }
}
