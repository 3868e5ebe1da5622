//! The pages of a library's reports kept between builds, so that a rebuild after one report
//! changed draws only that report's page again (the server render is about half of a library's
//! own build time; docs/library-bench.md).
//!
//! `REPORT_LIBRARY_CACHE` names the folder (`cargo xtask build --library` sets it to a folder of
//! `target/library-cache/` named after the hash of the code, so that a change to the code never
//! reads a page the old code drew). A page is kept under a hash of everything it is made from
//! besides the code: the built page's shell, the report's folder in the site and its report
//! file as the page embeds it. Entries a build did not use are removed at its end.

use std::path::PathBuf;
use std::sync::Mutex;

/// A page and the files beside it, as `library::build::ReportPage` makes them.
pub type Page = (String, Vec<(String, Vec<u8>)>);

/// The kept pages, and which of them this build used.
pub struct PageCache {
    dir: PathBuf,
    used: Mutex<Vec<String>>,
}

/// The file of a kept page, and the folder of its files, inside its entry.
const PAGE: &str = "page.html";
const FILES: &str = "files";

impl PageCache {
    /// The cache `REPORT_LIBRARY_CACHE` names, if any.
    pub fn from_env() -> Option<PageCache> {
        let dir = std::env::var_os("REPORT_LIBRARY_CACHE").filter(|d| !d.is_empty())?;
        Some(PageCache {
            dir: PathBuf::from(dir),
            used: Mutex::new(Vec::new()),
        })
    }

    /// The page kept under the hash of `parts`, else `make`'s, kept for the next build. A kept
    /// entry that cannot be read is made again.
    pub fn get_or_make(
        &self,
        parts: &[&[u8]],
        make: impl FnOnce() -> Result<Page, String>,
    ) -> Result<Page, String> {
        let mut all = Vec::new();
        for part in parts {
            all.extend_from_slice(&(part.len() as u64).to_le_bytes());
            all.extend_from_slice(part);
        }
        let key = crate::content_hash(&all);
        if let Ok(mut used) = self.used.lock() {
            used.push(key.clone());
        }
        let entry = self.dir.join(&key);
        if let Some(page) = read(&entry) {
            return Ok(page);
        }
        let page = make()?;
        // A page that cannot be kept is still built: the cache only saves time.
        let _ = write(&entry, &page);
        Ok(page)
    }

    /// Removes the entries this build did not use.
    pub fn prune(&self) {
        let used = self.used.lock().map(|u| u.clone()).unwrap_or_default();
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if !used.contains(&name) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
}

fn read(entry: &std::path::Path) -> Option<Page> {
    let html = std::fs::read_to_string(entry.join(PAGE)).ok()?;
    let mut files = Vec::new();
    for file in std::fs::read_dir(entry.join(FILES)).ok()? {
        let file = file.ok()?;
        files.push((
            file.file_name().to_string_lossy().to_string(),
            std::fs::read(file.path()).ok()?,
        ));
    }
    files.sort();
    Some((html, files))
}

fn write(entry: &std::path::Path, (html, files): &Page) -> std::io::Result<()> {
    let partial = entry.with_extension("partial");
    let _ = std::fs::remove_dir_all(&partial);
    std::fs::create_dir_all(partial.join(FILES))?;
    std::fs::write(partial.join(PAGE), html)?;
    for (name, bytes) in files {
        std::fs::write(partial.join(FILES).join(name), bytes)?;
    }
    let _ = std::fs::remove_dir_all(entry);
    std::fs::rename(&partial, entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_page_comes_back_as_made_and_unused_ones_go() {
        let dir = std::env::temp_dir().join(format!("library-cache-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let cache = PageCache {
            dir: dir.clone(),
            used: Mutex::new(Vec::new()),
        };
        let page = || -> Result<Page, String> {
            Ok((
                "<p>页</p>".into(),
                vec![("report.json".into(), b"{}".to_vec())],
            ))
        };
        let made = cache.get_or_make(&[b"a", b"b"], page).unwrap();
        let kept = cache
            .get_or_make(&[b"a", b"b"], || Err("not made again".into()))
            .unwrap();
        assert_eq!(made, kept);
        // The parts are told apart by their lengths: "ab" + "" is not "a" + "b".
        assert!(cache
            .get_or_make(&[b"ab", b""], || Err("made".into()))
            .is_err());
        let next = PageCache {
            dir: dir.clone(),
            used: Mutex::new(Vec::new()),
        };
        next.prune();
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
