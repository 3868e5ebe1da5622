//! The check that `vendor/yew/` is Yew as crates.io publishes it, byte for byte, except the one
//! line `vendor/README.md` names: `cargo xtask test` runs it first, so the patched copy can
//! never drift into a fork of its own.
//!
//! It asks cargo to fetch the published archive (a throwaway manifest under `target/` that
//! depends on exactly that version, without the project's `[patch]`), unpacks it with `tar`, and
//! compares every file both ways.

use std::fs;
use std::path::{Path, PathBuf};

use crate::{cmd, root, run, step, Result};

const VERSION: &str = "0.23.0";
/// The one file that differs, and its line as published and as vendored.
const CHANGED_FILE: &str = "src/dom_bundle/utils.rs";
const PUBLISHED_LINE: &str = ".map(|m| m.tag_name().to_lowercase())";
const VENDORED_LINE: &str = ".map(|m| m.tag_name().to_ascii_lowercase())";

pub fn check() -> Result {
    step("vendor/yew: the published Yew but one line");
    let work = root().join("target/yew-published");
    let manifest_dir = work.join("fetch");
    fs::create_dir_all(manifest_dir.join("src")).map_err(|e| e.to_string())?;
    fs::write(
        manifest_dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"yew-published\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n\
             [dependencies]\nyew = \"={VERSION}\"\n\n[workspace]\n"
        ),
    )
    .map_err(|e| e.to_string())?;
    fs::write(manifest_dir.join("src/lib.rs"), "").map_err(|e| e.to_string())?;
    run(cmd("cargo")
        .args(["fetch", "--quiet", "--manifest-path"])
        .arg(manifest_dir.join("Cargo.toml")))?;
    let archive = published_archive()?;
    let unpacked = work.join("unpacked");
    let _ = fs::remove_dir_all(&unpacked);
    fs::create_dir_all(&unpacked).map_err(|e| e.to_string())?;
    run(cmd("tar")
        .arg("-xzf")
        .arg(&archive)
        .arg("-C")
        .arg(&unpacked))?;
    let published = unpacked.join(format!("yew-{VERSION}"));
    let vendored = root().join("vendor/yew");
    let differences = compare(&published, &vendored)?;
    if differences.is_empty() {
        eprintln!("vendor/yew is yew {VERSION} as published but {CHANGED_FILE}'s one line");
        Ok(())
    } else {
        Err(format!(
            "vendor/yew is not yew {VERSION} as published with one line changed \
             (vendor/README.md):\n  {}",
            differences.join("\n  ")
        ))
    }
}

/// The `.crate` archive cargo keeps in its registry cache.
fn published_archive() -> Result<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .ok_or("neither CARGO_HOME nor HOME is set")?;
    let cache = home.join("registry/cache");
    let name = format!("yew-{VERSION}.crate");
    fs::read_dir(&cache)
        .map_err(|e| format!("{}: {e}", cache.display()))?
        .filter_map(|e| e.ok().map(|e| e.path().join(&name)))
        .find(|p| p.is_file())
        .ok_or_else(|| format!("cargo fetched no {name} into {}", cache.display()))
}

/// Every file under `dir`, relative to it, sorted.
fn files(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result {
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.path().is_dir() {
            files(&entry.path(), &format!("{name}/"), out)?;
        } else {
            out.push(name);
        }
    }
    out.sort();
    Ok(())
}

/// What differs between the two folders beyond the one changed line.
fn compare(published: &Path, vendored: &Path) -> Result<Vec<String>> {
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    files(published, "", &mut theirs)?;
    files(vendored, "", &mut ours)?;
    let mut differences = Vec::new();
    for name in ours.iter().filter(|n| !theirs.contains(n)) {
        differences.push(format!("{name}: not in the published crate"));
    }
    for name in &theirs {
        if !ours.contains(name) {
            differences.push(format!("{name}: missing"));
            continue;
        }
        let a = fs::read(published.join(name)).map_err(|e| e.to_string())?;
        let b = fs::read(vendored.join(name)).map_err(|e| e.to_string())?;
        if name == CHANGED_FILE {
            let expected = String::from_utf8_lossy(&a).replacen(PUBLISHED_LINE, VENDORED_LINE, 1);
            if !String::from_utf8_lossy(&a).contains(PUBLISHED_LINE) {
                differences.push(format!("{name}: the published line is gone (upgrade?)"));
            } else if expected.as_bytes() != b.as_slice() {
                differences.push(format!("{name}: differs beyond the one line"));
            }
        } else if a != b {
            differences.push(format!("{name}: differs"));
        }
    }
    Ok(differences)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("xtask-vendored-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        for (path, text) in files {
            let path = dir.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        dir
    }

    #[test]
    fn only_the_one_line_may_differ() {
        let utils = format!("a\n    {PUBLISHED_LINE}\nb\n");
        let published = folder("pub", &[("src/lib.rs", "x"), (CHANGED_FILE, &utils)]);
        let patched = utils.replace(PUBLISHED_LINE, VENDORED_LINE);
        let good = folder("good", &[("src/lib.rs", "x"), (CHANGED_FILE, &patched)]);
        assert_eq!(compare(&published, &good).unwrap(), Vec::<String>::new());

        let commented = folder(
            "commented",
            &[
                ("src/lib.rs", "//! ours\nx"),
                (CHANGED_FILE, &patched),
                ("NOTES.md", ""),
            ],
        );
        let found = compare(&published, &commented).unwrap();
        assert_eq!(found.len(), 2, "{found:?}");

        let more = folder(
            "more",
            &[
                ("src/lib.rs", "x"),
                (CHANGED_FILE, &format!("{patched}c\n")),
            ],
        );
        assert_eq!(compare(&published, &more).unwrap().len(), 1);
        let unchanged = folder("unchanged", &[("src/lib.rs", "x"), (CHANGED_FILE, &utils)]);
        assert_eq!(compare(&published, &unchanged).unwrap().len(), 1);
    }
}
