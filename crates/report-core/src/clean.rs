//! Cleaning of PDF-extracted text: drop extraction whitespace, print punctuation full-width.
//!
//! The text this project shows was extracted from a PDF: the PDF's line breaks became spaces in
//! the middle of words ("习 近平") and numbers are padded with spaces ("1687 万元"). Cleaning
//! removes that whitespace and turns ASCII punctuation into the full-width forms used in print,
//! and does nothing else: after NFKC normalisation and removal of all whitespace, the cleaned text
//! equals the raw text character for character.

/// The report body of a scraped file: its last non-empty line, trimmed.
///
/// A scraped page holds the hosting site's chrome (cart, history, page title, download buttons)
/// on the lines above the report, and the whole report body on its last line. Returns `""` when
/// the file has no non-empty line.
pub fn body_of(source: &str) -> &str {
    source
        .lines()
        .rev()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .unwrap_or("")
}

/// Cleans raw extracted text.
///
/// (This is the one-line form: every whitespace run goes. [`Cleaned::with_breaks`] keeps line
/// breaks as paragraph breaks.)
///
/// - Whitespace: every run of whitespace is removed, except that a single ASCII space is kept
///   when the characters on both sides are ASCII letters or digits (Latin words, separate
///   numbers): "习 近平" → "习近平", "1687 万元" → "1687万元", "Zixi County" stays.
/// - Punctuation: ASCII `,` `:` `;` `?` `!` `(` `)` become `，` `：` `；` `？` `！` `（` `）`,
///   except that `,` and `:` directly between two ASCII digits stay ("1,687", "10:30").
///   `.` `%` `-` and everything else stay as they are ("14.5%", "1-8月").
///
/// So NFKC(clean(x)) with whitespace removed equals NFKC(x) with whitespace removed (for text in
/// which no combining mark directly follows whitespace, where NFKC could compose differently).
pub fn clean(raw: &str) -> String {
    Cleaned::new(raw).into_text()
}

/// Cleaned text that remembers where every raw byte offset landed, so that a parser can find
/// boundaries in the raw text (where the extraction whitespace still is) and cut the cleaned text
/// at the same places.
///
/// Cutting the raw text at increasing offsets and taking [`Cleaned::slice`] of each piece gives
/// pieces whose concatenation is exactly [`Cleaned::text`]. A space that cleaning keeps inside a
/// whitespace run goes with the piece that contains the end of the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    text: String,
    /// For every raw byte offset `0..=raw.len()`, the offset in `text` where it landed.
    offsets: Vec<usize>,
}

impl Cleaned {
    /// Cleans `raw` (see [`clean`]) and records the offset map.
    pub fn new(raw: &str) -> Self {
        Self::build(raw, false)
    }

    /// Like [`Cleaned::new`], except that a whitespace run holding a line break becomes one
    /// `\n`: a paragraph break (the text given has a line break only between paragraphs).
    pub fn with_breaks(raw: &str) -> Self {
        Self::build(raw, true)
    }

    fn build(raw: &str, keep_breaks: bool) -> Self {
        let mut text = String::with_capacity(raw.len());
        let mut offsets = vec![0; raw.len() + 1];
        // The last character that was not whitespace, and the raw character just before the
        // current one (whitespace included).
        let mut last_solid: Option<char> = None;
        let mut previous: Option<char> = None;
        let mut in_run = false;
        let mut run_breaks = false;
        let mut chars = raw.char_indices().peekable();
        while let Some((pos, c)) = chars.next() {
            if is_blank(c) {
                in_run = true;
                run_breaks |= c == '\n';
                mark(&mut offsets, pos, c.len_utf8(), text.len());
                previous = Some(c);
                continue;
            }
            if in_run {
                in_run = false;
                if keep_breaks && run_breaks && last_solid.is_some() {
                    text.push('\n');
                } else if last_solid.is_some_and(|p| p.is_ascii_alphanumeric())
                    && c.is_ascii_alphanumeric()
                {
                    text.push(' ');
                }
                run_breaks = false;
            }
            mark(&mut offsets, pos, c.len_utf8(), text.len());
            let next = chars.peek().map(|&(_, n)| n);
            text.push(full_width(c, previous, next));
            last_solid = Some(c);
            previous = Some(c);
        }
        if let Some(end) = offsets.last_mut() {
            *end = text.len();
        }
        Cleaned { text, offsets }
    }

    /// The whole cleaned text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The whole cleaned text, by value.
    pub fn into_text(self) -> String {
        self.text
    }

    /// Where the raw byte offset `raw_offset` landed in the cleaned text (clamped to its end).
    pub fn offset(&self, raw_offset: usize) -> usize {
        self.offsets
            .get(raw_offset)
            .copied()
            .unwrap_or(self.text.len())
    }

    /// The cleaned text of the raw byte range `raw_start..raw_end` (empty when the range is
    /// empty or reversed).
    pub fn slice(&self, raw_start: usize, raw_end: usize) -> &str {
        let start = self.offset(raw_start);
        let end = self.offset(raw_end).max(start);
        self.text.get(start..end).unwrap_or("")
    }
}

/// Whitespace, and the invisible format characters that documents carry between words (zero
/// width space, non-joiner, joiner, word joiner, a byte-order mark inside the text): layout,
/// not text. They are dropped like whitespace, and the fidelity comparison ignores them too.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// Records that the raw bytes `pos..pos + len` land at `at` in the cleaned text.
fn mark(offsets: &mut [usize], pos: usize, len: usize, at: usize) {
    if let Some(slots) = offsets.get_mut(pos..pos + len) {
        slots.fill(at);
    }
}

/// The print form of `c`, given its raw neighbours.
fn full_width(c: char, previous: Option<char>, next: Option<char>) -> char {
    let between_digits =
        previous.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
    match c {
        ',' | ':' if between_digits => c,
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => c,
    }
}

/// Whether the whitespace run starting at byte `at` of `raw` is a boundary space: a line break
/// of the PDF rather than padding around a number.
///
/// Headings (the title, "一、…", "（一）…") end at a PDF line break, which extraction turned into
/// a space. Numbers are padded with spaces too ("2024 年", "成立 75 周年"), so a whitespace run
/// right after an ASCII digit is taken as padding. A run at the very start of the text (nothing
/// to its left) is not a boundary either. Returns false when `raw` has no whitespace at `at`.
pub fn is_boundary_space(raw: &str, at: usize) -> bool {
    let starts_run = raw
        .get(at..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_whitespace);
    let left = raw.get(..at).and_then(|head| head.chars().next_back());
    starts_run && left.is_some_and(|c| !c.is_whitespace() && !c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn fold(s: &str) -> String {
        s.nfkc().filter(|c| !c.is_whitespace()).collect()
    }

    #[test]
    fn joins_words_broken_by_a_line_break() {
        assert_eq!(clean("习 近平"), "习近平");
        assert_eq!(clean("党的二 十大"), "党的二十大");
        assert_eq!(clean("“生 命线”"), "“生命线”");
    }

    #[test]
    fn removes_padding_around_numbers() {
        assert_eq!(clean("1687 万元"), "1687万元");
        assert_eq!(clean("1-8 月"), "1-8月");
        assert_eq!(clean("成立 75 周年"), "成立75周年");
        assert_eq!(clean("2024 年"), "2024年");
    }

    #[test]
    fn keeps_one_space_between_latin_words_and_separate_numbers() {
        assert_eq!(clean("Zixi   County"), "Zixi County");
        assert_eq!(clean("2024 \n 2025"), "2024 2025");
        assert_eq!(clean("PDF 文件"), "PDF文件");
    }

    #[test]
    fn removes_every_kind_of_whitespace() {
        assert_eq!(clean(" 各位\t代表\u{3000}：\r\n现在 "), "各位代表：现在");
        assert_eq!(clean("   "), "");
        assert_eq!(clean(""), "");
    }

    #[test]
    fn keeps_line_breaks_as_paragraph_breaks_when_asked() {
        let cleaned = Cleaned::with_breaks("　　甲乙。\n\n　　丙 丁\u{200C}。\n");
        assert_eq!(cleaned.text(), "甲乙。\n丙丁。");
        assert_eq!(Cleaned::new("甲\n乙").text(), "甲乙");
        assert_eq!(
            Cleaned::with_breaks("\n甲").text(),
            "甲",
            "no break before the text"
        );
    }

    #[test]
    fn widens_ascii_punctuation() {
        assert_eq!(clean("各位代表:"), "各位代表：");
        assert_eq!(clean("现在,我代表"), "现在，我代表");
        assert_eq!(clean("甲;乙?丙!(丁)"), "甲；乙？丙！（丁）");
    }

    #[test]
    fn keeps_commas_and_colons_between_digits() {
        assert_eq!(clean("1,687万元"), "1,687万元");
        assert_eq!(clean("10:30开会"), "10:30开会");
        assert_eq!(clean("1, 2"), "1，2");
    }

    #[test]
    fn keeps_dots_percent_signs_and_hyphens() {
        assert_eq!(clean("增长 14.5%,1-8 月"), "增长14.5%，1-8月");
    }

    #[test]
    fn cleaning_changes_nothing_but_whitespace_and_width() {
        for raw in [
            "2024 年嵩市镇政府工作报告 各位代表: 现在,我代表",
            "1,687 ; 10:30 (a) b? c! 14.5%",
            "“生 命线”。 一是 把好",
            "",
        ] {
            assert_eq!(fold(&clean(raw)), fold(raw), "{raw:?}");
        }
    }

    #[test]
    fn slices_of_increasing_cuts_rebuild_the_cleaned_text() {
        let raw = "Zixi County 2024 年, 习 近平 1,687";
        let cleaned = Cleaned::new(raw);
        let cuts: Vec<usize> = raw
            .char_indices()
            .map(|(i, _)| i)
            .chain([raw.len()])
            .collect();
        for step in 1..5 {
            let mut rebuilt = String::new();
            let mut from = 0;
            for &cut in cuts.iter().step_by(step).chain([raw.len()].iter()) {
                rebuilt.push_str(cleaned.slice(from, cut));
                from = cut;
            }
            assert_eq!(rebuilt, cleaned.text(), "step {step}");
        }
    }

    #[test]
    fn a_kept_space_goes_with_the_piece_holding_the_end_of_the_run() {
        let raw = "ab  cd";
        let cleaned = Cleaned::new(raw);
        assert_eq!(cleaned.slice(0, 4), "ab ");
        assert_eq!(cleaned.slice(4, 6), "cd");
        assert_eq!(cleaned.slice(0, 3), "ab");
        assert_eq!(cleaned.slice(3, 6), " cd");
    }

    #[test]
    fn slicing_out_of_range_or_reversed_gives_empty_text() {
        let cleaned = Cleaned::new("各位");
        assert_eq!(cleaned.slice(100, 200), "");
        assert_eq!(cleaned.slice(3, 0), "");
        assert_eq!(cleaned.slice(1, 2), "");
        assert_eq!(cleaned.slice(0, 100), "各位");
    }

    #[test]
    fn body_is_the_last_non_empty_line_trimmed() {
        assert_eq!(
            body_of("购物车\n我的足迹\n\n 正文 一、 \n\n  \n"),
            "正文 一、"
        );
        assert_eq!(body_of("chrome\r\nbody"), "body");
        assert_eq!(body_of(""), "");
        assert_eq!(body_of("\n \n"), "");
    }

    #[test]
    fn a_space_after_a_digit_is_padding_not_a_boundary() {
        let raw = "2024 年报告 各位";
        assert!(!is_boundary_space(raw, 4));
        assert!(is_boundary_space(raw, "2024 年报告".len()));
        assert!(!is_boundary_space(raw, 0));
        assert!(!is_boundary_space(" 开头", 0));
        assert!(!is_boundary_space(raw, 1000));
        assert!(!is_boundary_space(raw, 6));
    }
}
