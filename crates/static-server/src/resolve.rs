//! The file a request target names, and never one outside its mounted folder.
//!
//! The path is percent-decoded as UTF-8 (a file may have a Chinese name) and then split into
//! segments; a `..` or `.` segment, a backslash, and an empty or absolute path hidden behind an
//! escape (`%2e%2e`, `%2f`, `%5c`) name nothing, and a NUL makes the request bad. The file
//! found must lie inside its folder once every symbolic link is followed (a link inside the
//! folder that points outside it names nothing). Empty segments (`//`) are skipped, so
//! `//etc/passwd` is `etc/passwd` inside the folder.

use std::path::{Path, PathBuf};

/// What a request target names.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A file inside a mounted folder.
    File(Found),
    /// A folder named without its closing slash: where to send the client (`/sub/`, with the
    /// query), so that the page's relative addresses resolve inside it.
    Folder(String),
    /// Nothing to serve: no mount, no such file, or a path that would leave the folder.
    NotFound,
    /// A path that cannot be read: not starting with `/`, a bad escape, not UTF-8, a NUL.
    Bad,
}

/// A file found inside a mounted folder.
#[derive(Debug, PartialEq, Eq)]
pub struct Found {
    /// The file's real path, every link followed.
    pub path: PathBuf,
    /// The mounted folder's real path.
    pub folder: PathBuf,
}

/// The file `target` (`/path?query`, or the absolute form `http://host/path`) names under
/// `mounts` (URL prefix → folder, the longest prefix wins); a folder's file is its
/// `index.html`.
pub fn resolve(target: &str, mounts: &[(String, PathBuf)]) -> Resolved {
    let (path, query) = match target.find(['?', '#']) {
        Some(at) => (&target[..at], &target[at..]),
        None => (target, ""),
    };
    let query = if query.starts_with('?') {
        query.split('#').next().unwrap_or("")
    } else {
        ""
    };
    let path = match path
        .strip_prefix("http://")
        .or_else(|| path.strip_prefix("https://"))
    {
        Some(absolute) => absolute.find('/').map_or("/", |at| &absolute[at..]),
        None => path,
    };
    if !path.starts_with('/') {
        return Resolved::Bad;
    }
    let Some(decoded) = percent_decode(path) else {
        return Resolved::Bad;
    };
    if decoded.contains('\0') {
        return Resolved::Bad;
    }
    let segments: Vec<&str> = decoded.split('/').filter(|s| !s.is_empty()).collect();
    if segments
        .iter()
        .any(|s| *s == "." || *s == ".." || s.contains('\\'))
    {
        return Resolved::NotFound;
    }
    let Some((prefix, folder)) = mounts
        .iter()
        .map(|(prefix, folder)| {
            let prefix: Vec<&str> = prefix.split('/').filter(|s| !s.is_empty()).collect();
            (prefix, folder)
        })
        .filter(|(prefix, _)| segments.starts_with(prefix))
        .max_by_key(|(prefix, _)| prefix.len())
    else {
        return Resolved::NotFound;
    };
    let Ok(folder) = folder.canonicalize() else {
        return Resolved::NotFound;
    };
    let mut file = folder.clone();
    file.extend(&segments[prefix.len()..]);
    let Some(file) = inside(&folder, &file) else {
        return Resolved::NotFound;
    };
    if file.is_dir() {
        if !path.ends_with('/') {
            return Resolved::Folder(format!("{path}/{query}"));
        }
        return match inside(&folder, &file.join("index.html")) {
            Some(index) if index.is_file() => Resolved::File(Found {
                path: index,
                folder,
            }),
            _ => Resolved::NotFound,
        };
    }
    if file.is_file() {
        Resolved::File(Found { path: file, folder })
    } else {
        Resolved::NotFound
    }
}

/// `path`'s real path (every link followed) when it exists and lies inside `folder` (a real
/// path).
pub fn inside(folder: &Path, path: &Path) -> Option<PathBuf> {
    let real = path.canonicalize().ok()?;
    real.starts_with(folder).then_some(real)
}

/// A URL path with its `%XX` escapes decoded, as UTF-8; None for a bad escape or bytes that
/// are not UTF-8. (`+` is a plus in a path.)
pub fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_decoded_as_utf8() {
        assert_eq!(
            percent_decode("/%E6%8A%A5%E5%91%8A-1.json").as_deref(),
            Some("/报告-1.json")
        );
        assert_eq!(percent_decode("/a+b%20c").as_deref(), Some("/a+b c"));
        assert_eq!(percent_decode("/%2e%2E%2f").as_deref(), Some("/../"));
        assert_eq!(percent_decode("/%zz"), None, "not hex");
        assert_eq!(percent_decode("/%+1"), None, "not hex");
        assert_eq!(percent_decode("/%4"), None, "cut short");
        assert_eq!(percent_decode("/%FF"), None, "not UTF-8");
    }

    #[test]
    fn what_cannot_be_a_file_inside_is_refused_before_the_disk_is_asked() {
        let mounts = [("/".to_string(), PathBuf::from("/"))];
        for target in [
            "/..",
            "/a/../b",
            "/%2e%2e/etc/passwd",
            "/%2E%2e%2fetc/passwd",
            "/.%2e/etc/passwd",
            "/./etc/passwd",
            "/%5c..%5cetc",
            "/a\\b",
        ] {
            assert_eq!(resolve(target, &mounts), Resolved::NotFound, "{target}");
        }
        for target in ["etc/passwd", "/%00", "/a%00.html", "/%zz", "*"] {
            assert_eq!(resolve(target, &mounts), Resolved::Bad, "{target}");
        }
        assert_eq!(resolve("/x", &[]), Resolved::NotFound, "no mount");
    }
}
