//! The answer to a request: the file with its content type, or a short error; status line,
//! headers and body as bytes.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use crate::request::Request;
use crate::resolve::{inside, resolve, Resolved};
use crate::Settings;

/// The answer to one request, and whether the connection stays open after it.
pub(crate) fn respond(request: &Request, settings: &Settings) -> (Vec<u8>, bool) {
    let keep_alive = request.keep_alive();
    let head = match request.method.as_str() {
        "GET" => false,
        "HEAD" => true,
        _ => {
            let allow = [("Allow", "GET, HEAD".to_owned())];
            return (
                plain(405, "Method Not Allowed", keep_alive, &allow),
                keep_alive,
            );
        }
    };
    let found = match resolve(&request.target, &settings.mounts) {
        Resolved::File(found) => found,
        Resolved::Folder(location) => {
            let to = [("Location", location)];
            return (plain(301, "Moved Permanently", keep_alive, &to), keep_alive);
        }
        Resolved::NotFound => return (plain(404, "Not Found", keep_alive, &[]), keep_alive),
        Resolved::Bad => return (plain(400, "Bad Request", false, &[]), false),
    };
    // The gzip copy made ahead of time, when it is there (inside the folder too).
    let gz = PathBuf::from(format!("{}.gz", found.path.display()));
    let gz = settings
        .gzip
        .then(|| inside(&found.folder, &gz))
        .flatten()
        .filter(|gz| gz.is_file());
    let gzip = gz.is_some() && request.accepts_gzip();
    let mut headers = vec![
        ("Content-Type", content_type(&found.path).to_owned()),
        ("Cache-Control", settings.cache_control.clone()),
    ];
    if gz.is_some() {
        headers.push(("Vary", "Accept-Encoding".to_owned()));
    }
    if gzip {
        headers.push(("Content-Encoding", "gzip".to_owned()));
    }
    let sent = match (&gz, gzip) {
        (Some(gz), true) => gz,
        _ => &found.path,
    };
    let Ok(body) = fs::read(sent) else {
        return (plain(404, "Not Found", keep_alive, &[]), keep_alive);
    };
    let length = body.len();
    let body = if head { Vec::new() } else { body };
    (
        response(200, "OK", keep_alive, &headers, length, &body),
        keep_alive,
    )
}

/// The content type of a file by its extension, as static hosts send it.
pub(crate) fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// A short text/plain answer (errors, redirects).
pub(crate) fn plain(
    status: u16,
    reason: &str,
    keep_alive: bool,
    extra: &[(&str, String)],
) -> Vec<u8> {
    let body = format!("{status} {reason}\n").into_bytes();
    let mut headers = vec![("Content-Type", "text/plain; charset=utf-8".to_owned())];
    headers.extend(extra.iter().cloned());
    response(status, reason, keep_alive, &headers, body.len(), &body)
}

/// Status line, headers and body; `length` is the body's (a HEAD answer sends none).
fn response(
    status: u16,
    reason: &str,
    keep_alive: bool,
    headers: &[(&str, String)],
    length: usize,
    body: &[u8],
) -> Vec<u8> {
    let mut head = format!("HTTP/1.1 {status} {reason}\r\n");
    for (name, value) in headers {
        let _ = write!(head, "{name}: {value}\r\n");
    }
    let _ = write!(head, "Content-Length: {length}\r\n");
    let connection = if keep_alive { "keep-alive" } else { "close" };
    let _ = write!(head, "Connection: {connection}\r\n\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_are_a_static_hosts() {
        assert_eq!(content_type(Path::new("a_bg.wasm")), "application/wasm");
        assert_eq!(
            content_type(Path::new("index.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("manifest.webmanifest")),
            "application/manifest+json"
        );
        assert_eq!(content_type(Path::new("报告.json")), "application/json");
        assert_eq!(content_type(Path::new("x.gz")), "application/octet-stream");
    }
}
