//! How text and query are compared: both are folded the same way, so that a reader finds what
//! they mean however they type it.
//!
//! - **Whitespace is not text.** Every whitespace character is dropped, in the text and in the
//!   query: "1687 万元", "医 疗" and a pasted sentence with a line break still match (the PDFs
//!   these reports come from space words apart).
//! - **Widths and marks.** Full-width ASCII forms (`１６８７`, `，`, `％`, `Ａ`) compare as ASCII;
//!   curly quotes as straight ones (“ ” 〝 〞 as `"`, ‘ ’ as `'`); every dash and minus (— – ―
//!   ‐ − －) as `-`; Latin letters without case.
//! - **Numerals** ([`Folded::with_numerals`]): a Chinese numeral right before a measure word
//!   compares as digits, so "3个" finds "三个" and "一百三十名" finds "130名". Only before a
//!   measure word, so that "1" does not find the 一 of 统一 or 一是.
//!
//! Folding never merges or splits a character of the text: every folded character remembers
//! the byte range of the text it stands for, so a match maps back onto the shown text exactly.

/// A text as compared: the folded characters and, for each, the byte range of the text it
/// stands for (a digit made from a Chinese numeral stands for the whole numeral).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Folded {
    pub chars: Vec<char>,
    pub spans: Vec<(usize, usize)>,
}

/// The character a text or query character is compared as; None for whitespace, which is
/// skipped.
pub fn fold(c: char) -> Option<char> {
    if c.is_whitespace() {
        return None;
    }
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '“' | '”' | '„' | '‟' | '〝' | '〞' | '〟' | '″' => '"',
        '‘' | '’' | '‚' | '‛' | '′' => '\'',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '﹣' | '⸺' | '⸻' => '-',
        c => c,
    };
    Some(c.to_ascii_lowercase())
}

impl Folded {
    /// Folds a text character by character ([`fold`]).
    pub fn new(text: &str) -> Folded {
        let mut out = Folded::default();
        for (i, c) in text.char_indices() {
            if let Some(f) = fold(c) {
                out.chars.push(f);
                out.spans.push((i, i + c.len_utf8()));
            }
        }
        out
    }

    /// Appends the characters `range` of `other`, with their spans.
    fn push_from(&mut self, other: &Folded, range: std::ops::Range<usize>) {
        self.chars.extend_from_slice(&other.chars[range.clone()]);
        self.spans.extend_from_slice(&other.spans[range]);
    }

    /// The folded text as a string (for comparing labels and tests).
    pub fn as_string(&self) -> String {
        self.chars.iter().collect()
    }

    /// The same text with every Chinese numeral that stands right before a measure word (or
    /// 余 / 多) written in digits: "三个" → "3个", "一百三十名" → "130名", "两千余米" → "2000余米",
    /// "一万余平方米" → "1万余平方米" (a final 万 or 亿 stays, as in "1万"). None when there
    /// is no such numeral (the text compares as it is).
    pub fn with_numerals(&self) -> Option<Folded> {
        let chars = &self.chars;
        let mut out = Folded::default();
        let mut changed = false;
        let mut i = 0;
        while i < chars.len() {
            if !is_numeral(chars[i]) {
                out.chars.push(chars[i]);
                out.spans.push(self.spans[i]);
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && is_numeral(chars[i]) {
                i += 1;
            }
            let run = &chars[start..i];
            // A final 万 / 亿 is a magnitude written as such ("1万" ↔ "一万").
            let keep = if run.len() > 1 && matches!(run[run.len() - 1], '万' | '亿') {
                1
            } else {
                0
            };
            let number = &run[..run.len() - keep];
            let before_measure = chars.get(i).is_some_and(|c| MEASURES.contains(*c));
            let value = before_measure
                .then(|| super::super::figures::read_chinese(number, 0).ok())
                .flatten()
                .filter(|&(_, end)| end == number.len());
            match value {
                Some((value, _)) => {
                    let span = (self.spans[start].0, self.spans[start + number.len() - 1].1);
                    for d in value.to_string().chars() {
                        out.chars.push(d);
                        out.spans.push(span);
                    }
                    out.push_from(self, start + number.len()..i);
                    changed = true;
                }
                None => out.push_from(self, start..i),
            }
        }
        changed.then_some(out)
    }
}

/// Characters of a Chinese numeral.
fn is_numeral(c: char) -> bool {
    "零〇一二两三四五六七八九十百千万亿".contains(c)
}

/// Measure words (and 余 / 多) after which a Chinese numeral is a quantity: the first
/// characters of the figure units and the common counting words of report text.
const MEASURES: &str = "个名位人户家次条项处件座所支种批类级届期轮年天月日周岁亩米元吨倍成台辆场套栋株棵起宗篇间盏只头份段笔趟遍余多公平立";

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> String {
        Folded::new(s).as_string()
    }

    fn numerals(s: &str) -> String {
        let f = Folded::new(s);
        f.with_numerals().unwrap_or(f).as_string()
    }

    #[test]
    fn whitespace_of_every_kind_is_dropped() {
        assert_eq!(folded("1687 万元"), "1687万元");
        assert_eq!(folded("医\u{3000}疗\n保 险\t"), "医疗保险");
    }

    #[test]
    fn widths_quotes_and_dashes_fold_to_ascii() {
        assert_eq!(folded("１６８７％，Ａ"), "1687%,a");
        assert_eq!(folded("“生命线”‘x’"), "\"生命线\"'x'");
        assert_eq!(folded("1—8月 1–8 1－8 1−8"), "1-8月1-81-81-8");
    }

    #[test]
    fn spans_point_back_into_the_text() {
        let text = "收 入1687";
        let f = Folded::new(text);
        assert_eq!(f.chars.len(), 6);
        let (s, e) = f.spans[1];
        assert_eq!(&text[s..e], "入");
    }

    #[test]
    fn numerals_before_a_measure_word_become_digits() {
        assert_eq!(numerals("三个联建村"), "3个联建村");
        assert_eq!(numerals("一百三十名"), "130名");
        assert_eq!(numerals("两千余米"), "2000余米");
        assert_eq!(numerals("一万余平方米"), "1万余平方米");
        assert_eq!(numerals("十个"), "10个");
    }

    #[test]
    fn numerals_in_words_stay_as_written() {
        assert_eq!(numerals("统一规划"), "统一规划");
        assert_eq!(numerals("一是抓项目"), "一是抓项目");
        assert_eq!(numerals("十四五规划"), "十四五规划");
        assert_eq!(numerals("三"), "三");
    }

    #[test]
    fn a_numeral_digit_spans_the_whole_numeral() {
        let text = "共一百三十名";
        let f = Folded::new(text).with_numerals().unwrap();
        assert_eq!(f.as_string(), "共130名");
        let (s, e) = f.spans[1];
        assert_eq!(&text[s..e], "一百三十");
    }
}
