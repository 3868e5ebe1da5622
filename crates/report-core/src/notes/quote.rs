//! The quote a note is anchored by: the passage the reader selected in a paragraph, or else
//! the paragraph's start; how a quote is shown; and text as compared when a note looks for its
//! passage (no whitespace).

use super::js::{is_space, len16, trim};
use super::{Note, QUOTE_CHARS, QUOTE_MIN_CHARS, QUOTE_STOPS, SELECTION_UNITS};

/// A note's quote and whether it is the start of a longer paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Quote {
    /// The quoted text.
    pub quote: String,
    /// The paragraph goes on after the quote (shown with ……). Never set for a selection.
    pub cut: bool,
}

/// Text as compared when a note looks for its quote: without whitespace (JavaScript's `\s`),
/// so that a quote survives re-wrapping.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !is_space(*c)).collect()
}

/// The start of a paragraph as a quote: the whole text when it has at most [`QUOTE_CHARS`]
/// characters, else its first [`QUOTE_CHARS`] characters, ending after the last mark of
/// [`QUOTE_STOPS`] among them that comes after the first [`QUOTE_MIN_CHARS`] when there is one.
pub fn opening(text: &str) -> &str {
    let Some((end, _)) = text.char_indices().nth(QUOTE_CHARS) else {
        return text;
    };
    let head = &text[..end];
    let stop = head
        .char_indices()
        .enumerate()
        .filter(|&(n, (_, c))| n >= QUOTE_MIN_CHARS && QUOTE_STOPS.contains(c))
        .last()
        .map(|(_, (at, c))| at + c.len_utf8());
    &text[..stop.unwrap_or(end)]
}

/// A selected passage as a quote: trimmed, at most [`SELECTION_UNITS`] UTF-16 units (never
/// half a character); `None` when nothing but whitespace is selected.
pub fn selection(selected: &str) -> Option<String> {
    let trimmed = trim(selected);
    let mut units = 0;
    let end = trimmed
        .char_indices()
        .find(|&(_, c)| {
            units += c.len_utf16();
            units > SELECTION_UNITS
        })
        .map_or(trimmed.len(), |(at, _)| at);
    let quote = &trimmed[..end];
    (!quote.is_empty()).then(|| quote.to_owned())
}

/// The quote of a new note on `paragraph` (its text as shown): the reader's selection in it
/// when there is one (see [`selection`]), else the start of the trimmed paragraph (see
/// [`opening`]), `cut` when the paragraph goes on after it.
pub fn quote_for(paragraph: &str, selected: Option<&str>) -> Quote {
    if let Some(quote) = selected.and_then(selection) {
        return Quote { quote, cut: false };
    }
    let text = trim(paragraph);
    let quote = opening(text);
    Quote {
        cut: len16(quote) < len16(text),
        quote: quote.to_owned(),
    }
}

/// A note's quote as shown and exported: 「…」 (the report's own “” stay readable inside), with
/// …… when it is the start of a longer paragraph.
pub fn quoted(note: &Note) -> String {
    format!("「{}{}」", note.quote, if note.cut { "……" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_paragraph_is_its_own_quote() {
        let q = quote_for("  各位代表：  ", None);
        assert_eq!(
            q,
            Quote {
                quote: "各位代表：".into(),
                cut: false
            }
        );
        assert_eq!(quote_for("", None), Quote::default());
    }

    #[test]
    fn a_long_paragraph_ends_at_its_last_mark_after_ten() {
        let text = "一二三四五六七八九十，甲乙丙丁戊己庚辛壬癸。子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈昃";
        let q = quote_for(text, None);
        assert_eq!(q.quote, "一二三四五六七八九十，甲乙丙丁戊己庚辛壬癸。");
        assert!(q.cut);
    }

    #[test]
    fn a_mark_within_the_first_ten_does_not_count() {
        let text = "一二三，四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈昃";
        let q = opening(text);
        assert_eq!(q.chars().count(), QUOTE_CHARS);
        // The 11th character (index 10) may end it.
        let text = "一二三四五六七八九十，甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈昃";
        assert_eq!(opening(text), "一二三四五六七八九十，");
        let text = "一二三四五六七八九，十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈昃";
        assert_eq!(opening(text).chars().count(), QUOTE_CHARS);
    }

    #[test]
    fn a_selection_is_trimmed_and_cut_at_200_units() {
        assert_eq!(selection(" \n "), None);
        assert_eq!(selection(" 乡贤 ").as_deref(), Some("乡贤"));
        let long = "字".repeat(250);
        assert_eq!(selection(&long).map(|s| s.chars().count()), Some(200));
        // 199 units then a character of two units: it is left out, not cut in half.
        let edge = format!("{}😀尾", "a".repeat(199));
        assert_eq!(selection(&edge), Some("a".repeat(199)));
        let q = quote_for("整段文字很长很长", Some(" 文字 "));
        assert_eq!(
            q,
            Quote {
                quote: "文字".into(),
                cut: false
            }
        );
        assert_eq!(quote_for("短段", Some("  ")).quote, "短段");
    }

    #[test]
    fn squeeze_drops_javascript_whitespace() {
        assert_eq!(squeeze(" 1687 万元\u{3000}\n"), "1687万元");
    }
}
