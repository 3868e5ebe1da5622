//! Build step: turns the report's source into the report file (JSON, schema 1; see
//! `src/core/file.rs`) that the app embeds and reads with serde_json at start-up.
//!
//! The source is `data/songshi-2024.scraped.txt` with its curation `data/figures.tsv`, unless
//! `REPORT_SOURCE` names another file (a text in UTF-8, UTF-16 or GB18030, or a report file
//! `.json`), with `REPORT_CURATION` naming its curation file if it has one
//! (`cargo xtask build --report FILE` sets them). The same native core as the app and the
//! importer does the work, included here by path: it depends on nothing but std and serde.
//! A source that cannot be read stops the build with the reason.

#![allow(dead_code, unused_imports)]

#[path = "src/core/mod.rs"]
mod core;

use std::path::PathBuf;

const DEFAULT_SOURCE: &str = "data/songshi-2024.scraped.txt";
const DEFAULT_CURATION: &str = "data/figures.tsv";

fn main() {
    println!("cargo:rerun-if-env-changed=REPORT_SOURCE");
    println!("cargo:rerun-if-env-changed=REPORT_CURATION");
    println!("cargo:rerun-if-changed=src/core");
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let source = std::env::var("REPORT_SOURCE")
        .ok()
        .filter(|s| !s.is_empty())
        .map(PathBuf::from);
    let curation = match &source {
        Some(_) => std::env::var("REPORT_CURATION")
            .ok()
            .filter(|s| !s.is_empty())
            .map(PathBuf::from),
        None => Some(root.join(DEFAULT_CURATION)),
    };
    let source = source.unwrap_or_else(|| root.join(DEFAULT_SOURCE));
    println!("cargo:rerun-if-changed={}", source.display());
    if let Some(c) = &curation {
        println!("cargo:rerun-if-changed={}", c.display());
    }
    let json = match build(&source, curation.as_deref()) {
        Ok(json) => json,
        Err(message) => {
            eprintln!(
                "\nerror: cannot build the report from {}: {message}\n",
                source.display()
            );
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("report.json");
    std::fs::write(&out, json).expect("write the report file into OUT_DIR");
}

fn build(source: &std::path::Path, curation: Option<&std::path::Path>) -> Result<String, String> {
    let bytes = std::fs::read(source).map_err(|e| e.to_string())?;
    let (text, _) = core::decode::decode(&bytes)?;
    let terms = core::search::terms::Terms::default();
    if text.trim_start().starts_with('{') {
        let (content, notes) =
            core::file::read_with_cards(&text, terms).map_err(|e| e.to_string())?;
        for note in notes {
            println!("cargo:warning={note}");
        }
        return Ok(core::file::to_embedded_json(&content));
    }
    let curation = match curation {
        Some(path) => {
            Some(std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?)
        }
        None => None,
    };
    let (content, _) = core::Content::from_text(&text, curation.as_deref(), terms)?;
    if let Err(problem) = &content.cards {
        return Err(problem.clone());
    }
    Ok(core::file::to_embedded_json(&content))
}
