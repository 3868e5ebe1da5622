//! Reading an HTTP/1.0 or 1.1 request: its request line and headers (a body is never read; the
//! connection closes after a request that has one).

use std::io::{BufRead, Read};

/// A request's line and headers.
pub(crate) struct Request {
    pub method: String,
    /// The request target as sent (`/path?query`, or `http://host/path`).
    pub target: String,
    pub http10: bool,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
}

impl Request {
    /// The first value of a header.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The comma-separated items of a header, all of its lines.
    fn items<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> {
        self.headers
            .iter()
            .filter(move |(n, _)| n == name)
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
    }

    /// Whether a comma-separated header has this token (any case).
    pub fn has_token(&self, name: &str, token: &str) -> bool {
        self.items(name).any(|t| t.eq_ignore_ascii_case(token))
    }

    /// Whether the connection stays open after the answer: HTTP/1.1 unless the client says
    /// `close`, HTTP/1.0 only when it says `keep-alive`; never after a request with a body,
    /// which is not read (it would be misread as the next request).
    pub fn keep_alive(&self) -> bool {
        let has_body = self.header("transfer-encoding").is_some()
            || self
                .header("content-length")
                .is_some_and(|n| n.trim() != "0");
        let asked = if self.http10 {
            self.has_token("connection", "keep-alive")
        } else {
            !self.has_token("connection", "close")
        };
        asked && !has_body
    }

    /// Whether `Accept-Encoding` allows gzip (`gzip` or `*`, with a q above 0).
    pub fn accepts_gzip(&self) -> bool {
        self.items("accept-encoding").any(|coding| {
            let mut parts = coding.split(';');
            let name = parts.next().unwrap_or("").trim();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .filter_map(|q| q.trim().parse::<f64>().ok())
                .next()
                .unwrap_or(1.0);
            (name.eq_ignore_ascii_case("gzip") || name == "*") && q > 0.0
        })
    }
}

/// What came from the client.
pub(crate) enum Incoming {
    Request(Request),
    /// The client closed the connection, or was idle too long.
    Closed,
    Malformed,
}

/// Longest request line or header line.
const MAX_LINE: u64 = 16 * 1024;
/// Most header lines.
const MAX_HEADERS: usize = 100;

/// The next request on a connection.
pub(crate) fn read(reader: &mut impl BufRead) -> Incoming {
    let mut lines = Vec::new();
    loop {
        let mut line = Vec::new();
        match reader.by_ref().take(MAX_LINE).read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return Incoming::Closed,
            Ok(_) if !line.ends_with(b"\n") => {
                return if line.len() as u64 >= MAX_LINE {
                    Incoming::Malformed
                } else {
                    Incoming::Closed
                };
            }
            Ok(_) => {}
        }
        let Ok(line) = String::from_utf8(line) else {
            return Incoming::Malformed;
        };
        let line = line.trim_end_matches(['\r', '\n']).to_owned();
        if line.is_empty() {
            if lines.is_empty() {
                continue; // an empty line before the request line is allowed
            }
            break;
        }
        lines.push(line);
        if lines.len() > MAX_HEADERS {
            return Incoming::Malformed;
        }
    }
    let mut parts = lines[0].split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Incoming::Malformed;
    };
    let http10 = match version {
        "HTTP/1.1" => false,
        "HTTP/1.0" => true,
        _ => return Incoming::Malformed,
    };
    let mut headers = Vec::new();
    for line in &lines[1..] {
        let Some((name, value)) = line.split_once(':') else {
            return Incoming::Malformed;
        };
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    Incoming::Request(Request {
        method: method.to_owned(),
        target: target.to_owned(),
        http10,
        headers,
    })
}
