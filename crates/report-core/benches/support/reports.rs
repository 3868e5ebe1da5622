//! The real reports the local checks read (`../shared/corpora/reports/`, or
//! `$SONGSHI_CORPORA/reports`), never copied into the project: shared by the benchmarks and the
//! ignored corpus tests.

use std::path::{Path, PathBuf};

/// The corpora folder: `$SONGSHI_CORPORA`, else `shared/corpora` beside the project.
pub fn corpora_dir() -> PathBuf {
    match std::env::var_os("SONGSHI_CORPORA") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora"),
    }
}

/// Every real report as (file stem, text), in file-name order, the `.raw` copies left out; a
/// notice and nothing when the folder is not there.
pub fn real_reports() -> Vec<(String, String)> {
    let dir = corpora_dir().join("reports");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("no reports in {}", dir.display());
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".txt") && !name.ends_with(".raw.txt")
        })
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(&path).ok()?;
            let name = path.file_stem()?.to_str()?.to_string();
            Some((name, text))
        })
        .collect()
}
