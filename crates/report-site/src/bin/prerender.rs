//! The build step after Trunk (`[[hooks]]` in `Trunk.toml`, stage `post_build`): puts the
//! report into the built page, so that the wasm does not carry it.
//!
//! It reads `$TRUNK_STAGING_DIR/index.html` (or the file given as its one argument) and the
//! report this build is for (`report_site::source`: the hook inherits `REPORT_SOURCE` /
//! `REPORT_CURATION` from Trunk, so `cargo xtask build --report FILE` and a plain `trunk build
//! --release` both get the right one). It writes the report file (compact JSON,
//! `report_core::file::to_embedded_json`) before `</body>` as
//! `<script type="application/json" id="report-data">`: a data block, which the browser never
//! runs, read by `report-app`'s `src/data.rs` at start-up. Every `<` in the JSON is written
//! `\u003c`, so no text in a report can end the block or be read as markup. The block's
//! `data-base` is Trunk's public address (for the reading worker, `report-app`'s
//! `src/open_file.rs`). A release page's block is empty and names the file beside the page
//! that holds the report (`built_page::with_report_data_file`).
//!
//! It draws the report into the page's `#app` element with the app's own components (Yew's
//! server renderer, `built_page::with_prerendered`): the text is in the first paint, a reader
//! without JavaScript reads the whole report, and the app hydrates what is there
//! (`report-app`'s `src/main.rs`). The first render in the browser is the same render: the
//! state it starts from depends on nothing but the report (see `App`).
//!
//! Beside the page it writes `report.json`: the whole report file, pretty (the page offers it
//! as 下载整份报告).
//!
//! It gives the page the report's own title, description (the start of its text) and Open
//! Graph tags, so that a shared link previews the report (`built_page::with_preview`).
//!
//! For a release it makes the page run under a strict Content-Security-Policy
//! (`built_page::strict`): Trunk's inline start-up script moves to a file named after its
//! hash, and the policy goes first in `<head>`; it starts the app after the first paint
//! (`built_page::with_deferred_start`: the start-up module becomes a `<meta>` that
//! `static/boot.js` starts, and the preloads go), joins the stylesheets into one file
//! (`built_page::with_one_stylesheet`), puts 字号's prefs.js inline, allowed by its hash
//! (`built_page::with_inline_script`), and drops the comment lines of the scripts loaded on
//! demand. And it makes the site work offline and installable: a web app manifest named
//! after the report, with the SVG icon and PNGs of it (192 and 512 px, and Apple's 180 px
//! touch icon, `report_site::icons`), and a service worker (`sw.js`) whose precache list is
//! the built files themselves, listed here, never by hand (`offline::service_worker`).
//!
//! `prerender --single-file DIST OUT` instead writes one self-contained file of the release
//! build in `DIST` into the folder `OUT`, named after the report (`src/single_file.rs`;
//! `cargo xtask build --single-file`).
//!
//! Native only. A page that already has the block, or has no `</body>`, stops the build with
//! the reason.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--single-file") {
        let (Some(dist), Some(out)) = (args.get(1), args.get(2)) else {
            eprintln!("prerender: --single-file DIST OUT");
            return std::process::ExitCode::FAILURE;
        };
        return match single_file(std::path::Path::new(dist), std::path::Path::new(out)) {
            Ok(path) => {
                println!("{}", path.display());
                std::process::ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("prerender --single-file: {message}");
                std::process::ExitCode::FAILURE
            }
        };
    }
    let page = match args.first() {
        Some(path) => std::path::PathBuf::from(path),
        None => match std::env::var_os("TRUNK_STAGING_DIR") {
            Some(dir) => std::path::Path::new(&dir).join("index.html"),
            None => {
                eprintln!("prerender: give the built index.html, or run as a Trunk hook");
                return std::process::ExitCode::FAILURE;
            }
        },
    };
    // Trunk's public address (`--public-url`); a page written by hand lives at the root.
    let base = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    // A release page runs under a strict Content-Security-Policy and works offline; `trunk
    // serve` injects its own inline live-reload script and must not be cached, so a debug page
    // only gets the report.
    let release = std::env::var("TRUNK_PROFILE").map_or(true, |p| p == "release");
    let result = build(&page, &base, release);
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("prerender: {}: {message}", page.display());
            std::process::ExitCode::FAILURE
        }
    }
}

/// Writes the report into the built page and, for a release, everything around it.
#[cfg(not(target_arch = "wasm32"))]
fn build(page: &std::path::Path, base: &str, release: bool) -> Result<(), String> {
    use report_core::file;
    use report_site::{built_page as built, icons, offline, source};
    let write = |name: &str, content: &[u8]| {
        std::fs::write(page.with_file_name(name), content).map_err(|e| format!("{name}: {e}"))
    };
    let (source, curation) = source::chosen();
    let (built_content, notes) = source::read(&source, curation.as_deref())
        .map_err(|e| format!("cannot build the report from {}: {e}", source.display()))?;
    for note in notes {
        eprintln!("prerender: {note}");
    }
    // The page shows the report as its data block gives it: the same read as in the browser,
    // so that the server's render and the browser's first render are one render.
    let report_file = file::to_embedded_json(&built_content);
    let (content, _) = file::read_own(&report_file, report_core::search::terms::Terms::builtin())
        .map_err(|e| e.to_string())?;
    let content: &'static report_core::Content = Box::leak(Box::new(content));
    let mut html = std::fs::read_to_string(page).map_err(|e| e.to_string())?;
    if release {
        let strict = built::strict(&html, base)?;
        for (name, script) in &strict.scripts {
            write(name, script.as_bytes())?;
        }
        html = built::with_deferred_start(&strict.html)?;
        // One stylesheet instead of one per component: one request on a slow network.
        let dir = page.parent().ok_or("the page has no folder")?;
        let (one, name, css, replaced) = built::with_one_stylesheet(&html, base, |name| {
            std::fs::read_to_string(dir.join(name)).map_err(|e| format!("{name}: {e}"))
        })?;
        write(&name, css.as_bytes())?;
        for old in replaced {
            std::fs::remove_file(dir.join(&old)).map_err(|e| format!("{old}: {e}"))?;
        }
        // 字号's choice before the first paint without a request of its own: static/prefs.js
        // inline, allowed by its hash in the policy.
        let (inlined, prefs) = built::with_inline_script(&one, base, "prefs-", |name| {
            std::fs::read_to_string(dir.join(name)).map_err(|e| format!("{name}: {e}"))
        })?;
        std::fs::remove_file(dir.join(&prefs)).map_err(|e| format!("{prefs}: {e}"))?;
        html = inlined;
        // The scripts loaded on demand, without their comment lines (a third smaller).
        for name in [offline::NOTES_SCRIPT, offline::READ_ALOUD_SCRIPT] {
            let code =
                std::fs::read_to_string(dir.join(name)).map_err(|e| format!("{name}: {e}"))?;
            write(name, built::without_comment_lines(&code).as_bytes())?;
        }
    }
    let (title, description) = built::preview_of(&content.report);
    html = built::with_preview(&html, &title, &description)?;
    // The home-screen icons, drawn from the SVG favicon (release only, like the manifest).
    let mut pngs = Vec::new();
    if release {
        let dir = page.parent().ok_or("the page has no folder")?;
        let svg = icons::favicon(dir)?;
        for size in icons::ICON_SIZES {
            let png = icons::icon_png(
                &std::fs::read(dir.join(&svg)).map_err(|e| format!("{svg}: {e}"))?,
                size,
            )?;
            let name = icons::icon_name(size, &png);
            write(&name, &png)?;
            pngs.push((size, name));
        }
        let apple = pngs
            .iter()
            .find(|(size, _)| *size == icons::APPLE_ICON_SIZE)
            .map(|(_, name)| name.as_str());
        html = built::with_manifest(&html, apple)?;
    }
    html = built::with_prerendered(&html, &server_render(Ok(content)))?;
    if release {
        // The report beside the page, fetched by boot.js before the app starts: the page's
        // first bytes are its text and markup.
        let (with_block, name) = built::with_report_data_file(&html, &report_file, base)?;
        write(&name, report_file.as_bytes())?;
        html = with_block;
    } else {
        html = built::with_report_data(&html, &report_file, base)?;
    }
    std::fs::write(page, html).map_err(|e| e.to_string())?;
    // The whole report file beside the page, for readers and programs to download.
    write(
        built::REPORT_FILE_NAME,
        file::to_json(&built_content).as_bytes(),
    )?;
    if !release {
        return Ok(());
    }
    let dir = page.parent().ok_or("the page has no folder")?;
    let mut files = Vec::new();
    built_files(dir, "", &mut files)?;
    let manifest = offline::manifest(&title, &icons::favicon(dir)?, &pngs);
    write(offline::MANIFEST, manifest.as_bytes())?;
    files.push((offline::MANIFEST.to_string(), manifest.into_bytes()));
    files.sort();
    let version = offline::version_of(&files);
    // A first visit's files are precached; the ones loaded on demand are kept when first used.
    let (later, first): (Vec<String>, Vec<String>) = files
        .into_iter()
        .map(|(name, _)| name)
        .partition(|name| offline::on_demand(name));
    let mut precache = vec!["./".to_string()];
    precache.extend(first);
    write(
        offline::SERVICE_WORKER,
        offline::service_worker(&precache, &later, &version).as_bytes(),
    )
}

/// Writes the single file of the release build in `dist` into `out` (emptied first), named
/// after the report; gives its path.
#[cfg(not(target_arch = "wasm32"))]
fn single_file(
    dist: &std::path::Path,
    out: &std::path::Path,
) -> Result<std::path::PathBuf, String> {
    let html = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("{}: {e}", dist.join("index.html").display()))?;
    let file = report_site::single_file::assemble(&html, |name| {
        // Paths in the page start with the site's address (`/` for a root build).
        let name = name.rsplit('/').next().unwrap_or(name);
        std::fs::read(dist.join(name)).map_err(|e| format!("{name}: {e}"))
    })?;
    let (source, curation) = report_site::source::chosen();
    let title = report_site::source::read(&source, curation.as_deref())?
        .0
        .report
        .title;
    let name: String = title
        .chars()
        .filter(|c| !c.is_control() && !"/\\:*?\"<>|".contains(*c))
        .collect();
    let name = if name.trim().is_empty() {
        "report".to_string()
    } else {
        name
    };
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let path = out.join(format!("{name}.html"));
    std::fs::write(&path, file).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

/// The app's HTML for `content` as the browser's first render draws it (with Yew's markers for
/// hydration).
#[cfg(not(target_arch = "wasm32"))]
fn server_render(content: Result<&'static report_core::Content, &'static str>) -> String {
    use report_app::components::app::{App, AppProps};
    let renderer = yew::LocalServerRenderer::<App>::with_props(AppProps {
        content,
        recent: Ok(Default::default()),
        restored: None,
    })
    .hydratable(true);
    block_on(renderer.render())
}

/// Runs a future to its end on this thread. The server renderer never waits on anything
/// outside itself (no suspense), so polling until it is ready is enough.
#[cfg(not(target_arch = "wasm32"))]
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
        std::thread::yield_now();
    }
}

/// Every file under `dir` (but the service worker and hidden files), as paths relative to it,
/// with contents.
#[cfg(not(target_arch = "wasm32"))]
fn built_files(
    dir: &std::path::Path,
    prefix: &str,
    out: &mut Vec<(String, Vec<u8>)>,
) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        let path = entry.path();
        if name.starts_with('.') {
            continue; // a tool's own file, no part of the site
        }
        if path.is_dir() {
            built_files(&path, &format!("{name}/"), out)?;
        } else if name != report_site::offline::SERVICE_WORKER {
            out.push((name, std::fs::read(&path).map_err(|e| e.to_string())?));
        }
    }
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
