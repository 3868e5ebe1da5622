//! The build step after Trunk (`[[hooks]]` in `Trunk.toml`, stage `post_build`): puts the
//! report into the built page, so that the wasm does not carry it.
//!
//! It reads `$TRUNK_STAGING_DIR/index.html` (or the file given as its one argument) and writes
//! the report file (JSON, schema 1, the compact form without figures) before `</body>` as
//! `<script type="application/json" id="report-data">`: a data block, which the browser never
//! runs, read by `src/data.rs` at start-up. Every `<` in the JSON is written `\u003c`, so no
//! text in a report can end the block or be read as markup. The report is the one `build.rs`
//! made for this build, and the block's `data-base` is Trunk's public address (for the reading
//! worker, `src/open_file.rs`): the hook inherits `REPORT_SOURCE` / `REPORT_CURATION` from Trunk, so
//! `cargo xtask build --report FILE` and a plain `trunk build --release` both get the right one.
//!
//! Beside the page it writes `report.json`: the whole report file, pretty, with the figures
//! recognised in it (the page offers it as 下载整份报告).
//!
//! It gives the page the report's own title, description (the start of its text) and Open
//! Graph tags, so that a shared link previews the report.
//!
//! For a release it also makes the page run under a strict Content-Security-Policy
//! (`page::strict`): Trunk's inline start-up script moves to a file named after its hash, and the
//! policy goes first in `<head>`.
//!
//! Native only. A page that already has the block, or has no `</body>`, stops the build with
//! the reason.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let page = match std::env::args().nth(1) {
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
    // A release page runs under a strict Content-Security-Policy (src/page.rs); `trunk serve`
    // injects its own inline live-reload script, so a debug page stays as Trunk wrote it.
    let release = std::env::var("TRUNK_PROFILE").map_or(true, |p| p == "release");
    let result = std::fs::read_to_string(&page)
        .map_err(|e| e.to_string())
        .and_then(|html| {
            if !release {
                return Ok(html);
            }
            let strict = songshi_report::page::strict(&html, &base)?;
            for (name, content) in &strict.scripts {
                std::fs::write(page.with_file_name(name), content).map_err(|e| e.to_string())?;
            }
            Ok(strict.html)
        })
        .and_then(|html| {
            let content = songshi_report::data::content()?;
            let (title, description) = songshi_report::page::preview_of(&content.report);
            songshi_report::page::with_preview(&html, &title, &description)
        })
        .and_then(|html| {
            songshi_report::page::with_report_data(&html, songshi_report::data::REPORT_FILE, &base)
        })
        .and_then(|html| std::fs::write(&page, html).map_err(|e| e.to_string()))
        .and_then(|()| {
            // The whole report file beside the page, for readers and programs to download.
            let content = songshi_report::data::content()?;
            let file = page.with_file_name(songshi_report::page::REPORT_FILE_NAME);
            std::fs::write(file, songshi_report::core::file::to_json(content))
                .map_err(|e| e.to_string())
        });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("prerender: {}: {message}", page.display());
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
