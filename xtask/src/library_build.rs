//! `cargo xtask build --library DIR` when only the reports changed: the library is written
//! again by the `prerender` step alone, on a copy of Trunk's output kept from the last build,
//! without Trunk (which would compile, bind and optimise every wasm module again, most of a
//! build's time).
//!
//! The last full build keeps Trunk's output as it came in [`SHELL`] (`prerender` copies it there
//! when `REPORT_LIBRARY_SHELL` names the folder), with a stamp: a hash of every file the code
//! is built from ([`code_hash`]: `crates/`, `vendor/`, `static/`, `data/` and the root's
//! `index.html`, `Trunk.toml`, `Cargo.toml`, `Cargo.lock`, `build.rs`). When the stamp is the
//! hash of the code now, the reports alone are written again into a fresh folder that then
//! takes the place of `dist/`; otherwise Trunk builds everything and keeps a new shell. Either
//! way the reports' pages drawn by the same code are kept (`target/library-cache/<code hash>`,
//! report-site's `library::cache`), so only a changed report's page is drawn again.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Result;

/// Where the last full library build keeps Trunk's output, under the workspace root.
pub const SHELL: &str = "target/library-shell";
/// The stamp's file name inside [`SHELL`]: the code's hash when the shell was kept.
const STAMP: &str = ".stamp";
/// The folder the fast path writes into before it becomes `dist/`.
const STAGE: &str = "target/library-stage";

/// A hash (FNV-1a, 64 bits) of the names and contents of every file the code is built from.
pub fn code_hash(root: &Path) -> Result<String> {
    let mut files = Vec::new();
    for dir in ["crates", "vendor", "static", "data"] {
        walk(&root.join(dir), &mut files)?;
    }
    for file in [
        "index.html",
        "Trunk.toml",
        "Cargo.toml",
        "Cargo.lock",
        "build.rs",
    ] {
        let path = root.join(file);
        if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            hash = (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for path in files {
        eat(path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .as_bytes());
        eat(&[0]);
        eat(&fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?);
    }
    Ok(format!("{hash:016x}"))
}

/// Every file under `dir`, but build output (`target/`) and hidden files.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('.') || name == "target" || name == "node_modules" {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Where the pages of the last build of this code are kept (`report_site::library::cache`):
/// `target/library-cache/<code hash>`; the folders of other code are removed.
pub fn page_cache(root: &Path, code: &str) -> Result<PathBuf> {
    let all = root.join("target/library-cache");
    if let Ok(entries) = fs::read_dir(&all) {
        for entry in entries.flatten() {
            if entry.file_name() != code {
                let _ = fs::remove_dir_all(entry.path());
            }
        }
    }
    let dir = all.join(code);
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}

/// The stamp a shell kept for `code` and the site's address `base` carries.
fn stamp(code: &str, base: &str) -> String {
    format!("{code} {base}")
}

/// Whether the kept shell was built from this code for this address.
pub fn shell_is_current(root: &Path, code: &str, base: &str) -> bool {
    fs::read_to_string(root.join(SHELL).join(STAMP)).is_ok_and(|s| s.trim() == stamp(code, base))
}

/// After a full build that kept its shell: stamps it with the code it was built from.
pub fn stamp_shell(root: &Path, code: &str, base: &str) -> Result {
    let path = root.join(SHELL).join(STAMP);
    fs::write(&path, stamp(code, base)).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes the library again with `prerender` alone (`prerender`: the command that runs it,
/// with the report's environment set) on a copy of the kept shell, then puts it in place of
/// `dist`.
pub fn reports_only(root: &Path, prerender: &mut Command, base: &str, dist: &Path) -> Result {
    let stage = root.join(STAGE);
    if stage.exists() {
        fs::remove_dir_all(&stage).map_err(|e| format!("{}: {e}", stage.display()))?;
    }
    fs::create_dir_all(&stage).map_err(|e| format!("{}: {e}", stage.display()))?;
    for entry in fs::read_dir(root.join(SHELL)).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        if entry.file_name() != STAMP && entry.path().is_file() {
            fs::copy(entry.path(), stage.join(entry.file_name())).map_err(|e| e.to_string())?;
        }
    }
    crate::run(
        prerender
            .env("TRUNK_STAGING_DIR", &stage)
            .env("TRUNK_PUBLIC_URL", base)
            .env("TRUNK_PROFILE", "release"),
    )?;
    if dist.exists() {
        fs::remove_dir_all(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    }
    fs::rename(&stage, dist).map_err(|e| format!("{} → {}: {e}", stage.display(), dist.display()))
}
