//! The URL hash as a route: `#<id>` names a section, figure or card, `?q=<query>` a search,
//! both optional (`#sec-1-2?q=乡贤`, `#?q=1687`). Pure functions; the hooks read and write
//! `location.hash` with them. Hash routing needs no server rules, also under a sub-path.

/// What a hash asks for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Route {
    pub id: Option<String>,
    pub query: Option<String>,
}

/// Reads a hash (with or without the leading `#`); percent-escapes are decoded.
pub fn parse_hash(hash: &str) -> Route {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let (id, params) = hash.split_once('?').unwrap_or((hash, ""));
    let query = params
        .split('&')
        .find_map(|p| p.strip_prefix("q="))
        .map(percent_decode)
        .filter(|q| !q.trim().is_empty());
    let id = percent_decode(id);
    Route {
        id: (!id.is_empty()).then_some(id),
        query,
    }
}

/// The hash for a route: `#id`, `#id?q=…`, `#?q=…`, or `#` for neither.
pub fn to_hash(id: Option<&str>, query: &str) -> String {
    let mut hash = format!("#{}", id.unwrap_or(""));
    if !query.trim().is_empty() {
        hash.push_str("?q=");
        hash.push_str(&percent_encode(query));
    }
    hash
}

/// Percent-encodes everything but unreserved ASCII (RFC 3986).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for byte in s.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes (and `+` as a space); malformed escapes stay as written, invalid
/// UTF-8 becomes U+FFFD.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = s
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_names_a_section() {
        let r = parse_hash("#sec-1-2");
        assert_eq!(r.id.as_deref(), Some("sec-1-2"));
        assert_eq!(r.query, None);
    }

    #[test]
    fn an_empty_hash_names_nothing() {
        assert_eq!(parse_hash(""), Route::default());
        assert_eq!(parse_hash("#"), Route::default());
        assert_eq!(parse_hash("#?q="), Route::default());
    }

    #[test]
    fn a_query_after_the_id_is_decoded() {
        let r = parse_hash("#sec-1?q=%E4%B9%A1%E8%B4%A4");
        assert_eq!(r.id.as_deref(), Some("sec-1"));
        assert_eq!(r.query.as_deref(), Some("乡贤"));
        assert_eq!(parse_hash("#?q=乡贤").query.as_deref(), Some("乡贤"));
    }

    #[test]
    fn hashes_round_trip() {
        for (id, q) in [
            (Some("sec-1"), "乡贤"),
            (None, "14.5%"),
            (Some("card-x"), ""),
            (None, "a&b=c?"),
        ] {
            let r = parse_hash(&to_hash(id, q));
            assert_eq!(r.id.as_deref(), id);
            assert_eq!(r.query.as_deref().unwrap_or(""), q);
        }
    }

    #[test]
    fn malformed_escapes_stay_as_written() {
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%E4"), "\u{FFFD}");
    }
}
