//! JavaScript's rules where the stored data and the exports depend on them, so that what the
//! JavaScript of earlier versions wrote is read here exactly as it read it: `JSON.parse` (a
//! small JSON value with JavaScript's truthiness and `String()`), string lengths in UTF-16 code
//! units, `<` on strings, and the whitespace of `trim()` and of `\s`.
//!
//! Also used by [`crate::display`], which reads a value that `static/prefs.js` wrote.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A JSON value as `JSON.parse` gives it, without a map type: an object keeps its members in
/// order (a repeated name: the last one counts, as in JavaScript). Numbers are `f64`, as in
/// JavaScript.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Loose {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Array(Vec<Loose>),
    Object(Vec<(String, Loose)>),
}

impl Loose {
    /// `JSON.parse(raw)`, or `None` where it throws. Two differences from serde_json are
    /// bridged: a lone UTF-16 surrogate escape (`"\ud83d"`, which `JSON.stringify` writes for
    /// half of a character cut in two) reads as U+FFFD instead of failing the whole text, and
    /// nothing else is accepted that `JSON.parse` refuses. Nesting deeper than serde_json's 128
    /// levels is refused (`JSON.parse` reads it; no data of this app nests like that).
    pub(crate) fn parse(raw: &str) -> Option<Loose> {
        serde_json::from_str(&repair_lone_surrogates(raw)).ok()
    }

    /// The property `key` of an object (`v[key]`); `None` (undefined) for anything else.
    pub(crate) fn get(&self, key: &str) -> Option<&Loose> {
        match self {
            Loose::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|m| &m.1),
            _ => None,
        }
    }

    /// The string, when this is one.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Loose::Str(s) => Some(s),
            _ => None,
        }
    }

    /// `String(v)`.
    pub(crate) fn to_js_string(&self) -> String {
        match self {
            Loose::Null => "null".into(),
            Loose::Bool(b) => b.to_string(),
            Loose::Num(n) => number_string(*n),
            Loose::Str(s) => s.clone(),
            // Array.prototype.join: null and undefined elements are empty.
            Loose::Array(items) => items
                .iter()
                .map(|item| match item {
                    Loose::Null => String::new(),
                    other => other.to_js_string(),
                })
                .collect::<Vec<_>>()
                .join(","),
            Loose::Object(_) => "[object Object]".into(),
        }
    }
}

/// `String(v)` of a property that may be absent (`undefined`).
pub(crate) fn js_string(value: Option<&Loose>) -> String {
    value.map_or_else(|| "undefined".into(), Loose::to_js_string)
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Loose, D::Error> {
        deserializer.deserialize_any(LooseVisitor)
    }
}

struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Loose, E> {
        Ok(Loose::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Loose, E> {
        Ok(Loose::Num(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Loose, E> {
        Ok(Loose::Num(v as f64))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Loose, E> {
        Ok(Loose::Num(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Loose, E> {
        Ok(Loose::Str(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Loose, E> {
        Ok(Loose::Str(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Loose, D::Error> {
        Loose::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Loose::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
        let mut members = Vec::new();
        while let Some(member) = map.next_entry::<String, Loose>()? {
            members.push(member);
        }
        Ok(Loose::Object(members))
    }
}

/// The text with every `\uXXXX` escape of a lone UTF-16 surrogate replaced by `\ufffd`
/// (JavaScript strings may hold one; Rust strings cannot). A well-formed pair is kept.
fn repair_lone_surrogates(raw: &str) -> Cow<'_, str> {
    if !raw.contains("\\u") {
        return Cow::Borrowed(raw);
    }
    let bytes = raw.as_bytes();
    let hex4 = |at: usize| -> Option<u32> {
        let digits = bytes.get(at..at + 4)?;
        digits
            .iter()
            .try_fold(0u32, |n, &b| Some(n * 16 + char::from(b).to_digit(16)?))
    };
    let is_high = |u: u32| (0xD800..0xDC00).contains(&u);
    let is_low = |u: u32| (0xDC00..0xE000).contains(&u);
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        if bytes.get(i + 1) != Some(&b'u') {
            // Another escape (`\\`, `\"`, …): its second byte is not the start of one.
            i += 2;
            continue;
        }
        let Some(unit) = hex4(i + 2) else {
            i += 2;
            continue;
        };
        if is_high(unit)
            && bytes.get(i + 6) == Some(&b'\\')
            && bytes.get(i + 7) == Some(&b'u')
            && hex4(i + 8).is_some_and(is_low)
        {
            i += 12;
            continue;
        }
        if is_high(unit) || is_low(unit) {
            // Slicing at ASCII bytes of a str is always at a character boundary.
            out.push_str(&raw[copied..i]);
            out.push_str("\\ufffd");
            copied = i + 6;
        }
        i += 6;
    }
    if copied == 0 {
        return Cow::Borrowed(raw);
    }
    out.push_str(&raw[copied..]);
    Cow::Owned(out)
}

/// `Number.prototype.toString()` of a number read from JSON, for the one place it is shown (a
/// version that is not ours, in a message). Whole numbers and decimals of up to 15 significant
/// digits come out as JavaScript writes them; anything else (an exponent, more digits) as its
/// nearest such decimal, without float formatting (docs/size-budget.md): no real file has such
/// a version.
pub(crate) fn number_string(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    let sign = if n < 0.0 { "-" } else { "" };
    let a = n.abs();
    if a >= 1e15 {
        return format!("{sign}{}", a as u64);
    }
    // The fewest decimals that read back as the number.
    for decimals in 0..=15u32 {
        let scale = 10f64.powi(decimals as i32);
        let scaled = (a * scale).round();
        if scaled / scale == a || decimals == 15 {
            let whole = (scaled / scale).trunc() as u64;
            let fraction = (scaled - (whole as f64) * scale).round() as u64;
            return if decimals == 0 {
                format!("{sign}{whole}")
            } else {
                let digits = format!("{fraction:0width$}", width = decimals as usize);
                format!("{sign}{whole}.{digits}")
            };
        }
    }
    String::new()
}

/// `s.length`: the length in UTF-16 code units (a character beyond U+FFFF counts two).
pub(crate) fn len16(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// `a < b` on strings: by UTF-16 code units (differs from Rust's order only where a character
/// beyond U+FFFF meets one in U+E000..=U+FFFF).
pub(crate) fn cmp16(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// Whether `c` is whitespace for `trim()` and for `\s` in a regular expression: JavaScript's
/// WhiteSpace and LineTerminator (this includes U+FEFF and leaves out U+0085, unlike
/// [`char::is_whitespace`]).
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

/// `s.trim()`.
pub(crate) fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_in_javascript() {
        for (n, js) in [
            (1.0, "1"),
            (2.0, "2"),
            (-0.0, "0"),
            (1.5, "1.5"),
            (150.0, "150"),
            (-3.25, "-3.25"),
            (1e15, "1000000000000000"),
            (0.000001, "0.000001"),
            (0.1, "0.1"),
            (12345.678, "12345.678"),
            (f64::NAN, "NaN"),
        ] {
            assert_eq!(number_string(n), js, "{n}");
        }
        // Where JavaScript writes an exponent, the nearest plain decimal.
        assert_eq!(number_string(1e-7), "0.0000001");
        assert_eq!(number_string(1e18), "1000000000000000000");
    }

    #[test]
    fn lone_surrogates_are_replaced_and_pairs_kept() {
        assert_eq!(repair_lone_surrogates(r#""a\ud83d""#), r#""a\ufffd""#);
        assert_eq!(repair_lone_surrogates(r#""\ude00b""#), r#""\ufffdb""#);
        assert_eq!(
            repair_lone_surrogates(r#""\ud83d\ude00""#),
            r#""\ud83d\ude00""#
        );
        assert_eq!(repair_lone_surrogates(r#""\\ud83d""#), r#""\\ud83d""#);
        assert_eq!(
            repair_lone_surrogates(r#""\uD83D\u0041""#),
            r#""\ufffd\u0041""#
        );
        assert_eq!(
            Loose::parse(r#"["\ud83d"]"#),
            Some(Loose::Array(vec![Loose::Str("\u{fffd}".into())]))
        );
        assert_eq!(Loose::parse(r#""\u12""#), None);
    }

    #[test]
    fn js_string_follows_string_conversion() {
        let v = Loose::parse(r#"{"a":[1,null,[2,"x"]],"b":{},"a2":true}"#).unwrap_or(Loose::Null);
        assert_eq!(js_string(v.get("a")), "1,,2,x");
        assert_eq!(js_string(v.get("b")), "[object Object]");
        assert_eq!(js_string(v.get("a2")), "true");
        assert_eq!(js_string(v.get("none")), "undefined");
        assert_eq!(
            Loose::parse(r#"{"k":1,"k":2}"#).and_then(|v| v.get("k").cloned()),
            Some(Loose::Num(2.0))
        );
    }

    #[test]
    fn lengths_and_order_are_in_utf16_units() {
        assert_eq!(len16("意见"), 2);
        assert_eq!(len16("😀"), 2);
        assert_eq!(cmp16("\u{ffff}", "😀"), Ordering::Greater);
        assert_eq!(trim("\u{feff} 意见\u{3000}\n"), "意见");
        assert_eq!(trim("\u{85}x"), "\u{85}x");
    }
}
