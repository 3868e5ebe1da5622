//! Which report a build makes, and reading it: `REPORT_SOURCE` names a text (UTF-8, UTF-16 or
//! GB18030) or a report file (`.json`), with `REPORT_CURATION` naming its curation file if it has
//! one (`cargo xtask build --report FILE [--curation FILE]` sets both; Trunk passes them on to
//! its hooks). Without them, the default report: [`DEFAULT_SOURCE`] with [`DEFAULT_CURATION`].
//! A source that cannot be read stops the build with the reason.

use std::path::{Path, PathBuf};

use report_core::decode::decode;
use report_core::search::terms::Terms;
use report_core::{file, Content};

/// The default report's text, from the workspace root (see data/README.md).
pub const DEFAULT_SOURCE: &str = "data/songshi-2024.scraped.txt";
/// The default report's curated cards and facts.
pub const DEFAULT_CURATION: &str = "data/figures.tsv";

/// The workspace root (two folders above this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// The source and curation file this build is for, from the environment.
pub fn chosen() -> (PathBuf, Option<PathBuf>) {
    let var = |name: &str| {
        std::env::var(name)
            .ok()
            .filter(|s| !s.is_empty())
            .map(PathBuf::from)
    };
    match var("REPORT_SOURCE") {
        Some(source) => (source, var("REPORT_CURATION")),
        None => {
            let root = workspace_root();
            (root.join(DEFAULT_SOURCE), Some(root.join(DEFAULT_CURATION)))
        }
    }
}

/// The report of `source` (a text, or a report file) with its curation: the whole pipeline of
/// the core, as the page will show it. Notes on what was left out of a report file are returned.
pub fn read(source: &Path, curation: Option<&Path>) -> Result<(Content, Vec<String>), String> {
    let bytes = std::fs::read(source).map_err(|e| format!("{}: {e}", source.display()))?;
    let (text, _) = decode(&bytes)?;
    let terms = Terms::builtin();
    if text.trim_start().starts_with('{') {
        return file::read_with_cards(&text, terms).map_err(|e| e.to_string());
    }
    let curation = match curation {
        Some(path) => {
            Some(std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?)
        }
        None => None,
    };
    let (content, _) = Content::from_text(&text, curation.as_deref(), terms)?;
    if let Err(problem) = &content.cards {
        return Err(problem.clone());
    }
    Ok((content, Vec::new()))
}
