//! Rules on single lines of a report: what a heading line without a number looks like, what a
//! glossary heading (名词解释) is, and where a long heading is cut to its lead. Pure functions on
//! text; the parser decides where they apply.

use super::super::clean::is_blank;

/// The longest heading (in characters, whitespace left out) kept whole: a heading sentence
/// longer than this is cut at its first clause (see [`cut_long_heading`]).
pub const HEADING_MAX: usize = 60;

/// The longest glossary term (characters before its colon) read as the term of an item.
pub const TERM_MAX: usize = 40;

/// The longest line (characters, whitespace left out) that may be a heading without a number.
pub const UNNUMBERED_MAX: usize = 24;

/// The characters of `s` that count: whitespace left out.
fn solid(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| !is_blank(*c))
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Whether a paragraph could be a heading without a number ("2024年工作回顾", "加强政府自身建设"):
/// 2 to [`UNNUMBERED_MAX`] characters, at least two of them Chinese, no punctuation of a
/// sentence or clause (`。！？；：，` and their ASCII forms, `…`), not starting with a numbered
/// marker, a point (`一是`), a dash lead (`——`) or `附件`, and not a glossary heading.
pub fn is_unnumbered_heading(paragraph: &str) -> bool {
    let text: String = solid(paragraph).collect();
    let n = text.chars().count();
    (2..=UNNUMBERED_MAX).contains(&n)
        && text.chars().filter(|c| is_cjk(*c)).count() >= 2
        && !text.chars().any(|c| "。！？；：，!?;:,…".contains(c))
        && !super::input::starts_with_marker(&text)
        && !starts_with_point(&text)
        && !is_glossary_heading(&text)
}

/// Whether `s` starts with a point marker (`一是`, `十二是`).
fn starts_with_point(s: &str) -> bool {
    let numerals = s
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    numerals > 0 && s.chars().nth(numerals) == Some('是')
}

/// Whether a paragraph is the heading of a glossary (名词解释, 名词注释, 附：名词解释, with an
/// optional colon): the start of an annex even without `附件`.
pub fn is_glossary_heading(paragraph: &str) -> bool {
    let text: String = solid(paragraph).collect();
    let text = text.trim_end_matches(['：', ':']);
    let text = text
        .strip_prefix("附")
        .map(|t| t.trim_start_matches(['：', ':']))
        .unwrap_or(text);
    matches!(text, "名词解释" | "名词注释" | "名词解释说明")
}

/// Where to cut the heading `heading` to its lead, as a byte offset into it (after the
/// punctuation of the cut and any whitespace), or `None` to keep it whole.
///
/// - In a glossary (`term` true), the term: the text up to the first `：` (or `:` not between
///   digits) when it comes within [`TERM_MAX`] characters.
/// - Any heading longer than [`HEADING_MAX`] characters: up to its first `：` or `；` within
///   that length, else up to its first `，` that leaves a lead of more than `min_lead`
///   characters (a point's topic: 6; a theme's lead sentence: 12, so that "一年来，" is no
///   heading), else up to the last `，` or `、` within that length.
///
/// Punctuation inside quotes or brackets (“…”, 《…》, （…）) never cuts.
pub fn cut_long_heading(heading: &str, term: bool, min_lead: usize) -> Option<usize> {
    // (byte offset after the mark, characters counted up to and with it, the mark).
    let mut marks: Vec<(usize, usize, char)> = Vec::new();
    let mut depth: i32 = 0;
    let mut count = 0;
    let mut previous: Option<char> = None;
    let mut chars = heading.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if is_blank(c) {
            continue;
        }
        count += 1;
        match c {
            '“' | '‘' | '《' | '（' | '(' | '「' | '『' | '【' | '〔' => depth += 1,
            '”' | '’' | '》' | '）' | ')' | '」' | '』' | '】' | '〕' => {
                depth = (depth - 1).max(0)
            }
            _ => {}
        }
        let next = chars.peek().map(|&(_, n)| n);
        let between_digits = previous.is_some_and(|p| p.is_ascii_digit())
            && next.is_some_and(|n| n.is_ascii_digit());
        if depth == 0 && matches!(c, '：' | '；' | '，' | '、' | ':' | ';') && !between_digits {
            let mark = match c {
                ':' => '：',
                ';' => '；',
                other => other,
            };
            marks.push((at + c.len_utf8(), count, mark));
        }
        previous = Some(c);
    }
    let total = count;
    let after = |at: usize| {
        at + heading
            .get(at..)
            .map_or(0, |r| r.len() - r.trim_start_matches(is_blank).len())
    };
    // A cut must leave some text after it.
    let fits = |&&(at, _, _): &&(usize, usize, char)| after(at) < heading.len();
    if term {
        if let Some(&(at, _, _)) = marks
            .iter()
            .filter(fits)
            .find(|&&(_, n, m)| m == '：' && n <= TERM_MAX + 1)
        {
            return Some(after(at));
        }
    }
    if total <= HEADING_MAX {
        return None;
    }
    let within = |&&(_, n, _): &&(usize, usize, char)| n <= HEADING_MAX;
    marks
        .iter()
        .filter(fits)
        .filter(within)
        .find(|&&(_, _, m)| m == '：' || m == '；')
        .or_else(|| {
            marks
                .iter()
                .filter(fits)
                .filter(within)
                .find(|&&(_, n, m)| m == '，' && n > min_lead)
        })
        .or_else(|| {
            marks
                .iter()
                .filter(fits)
                .filter(within)
                .rev()
                .find(|&&(_, _, m)| m == '，' || m == '、')
        })
        .map(|&(at, _, _)| after(at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_lines_without_numbers() {
        for yes in ["2024年工作回顾", "2025年工作安排建议", "加强政府自身建设"]
        {
            assert!(is_unnumbered_heading(yes), "{yes}");
        }
        for no in [
            "各位代表！",
            "重点做好9个方面工作：",
            "一、回顾",
            "（一）经济",
            "一是修路",
            "名词解释",
            "附件1",
            "——面对困难",
            "2024",
            "今年，将重点做好以下九个方面工作。",
            "这是一句很长很长很长很长很长很长很长很长很长的话没有标点",
        ] {
            assert!(!is_unnumbered_heading(no), "{no}");
        }
    }

    #[test]
    fn glossary_headings() {
        for yes in ["名词解释", "名词解释：", "附：名词解释", " 名词注释 "] {
            assert!(is_glossary_heading(yes), "{yes}");
        }
        assert!(!is_glossary_heading("名词解释很重要。"));
    }

    #[test]
    fn a_glossary_term_ends_at_its_colon() {
        let item = "“三链”融合：指产业链、创新链融合。";
        let at = cut_long_heading(item, true, 6).expect("a term");
        assert_eq!(&item[..at], "“三链”融合：");
        assert_eq!(cut_long_heading(item, false, 6), None);
        // A colon inside quotes does not cut.
        let item = "“甲：乙”工程：指某事。";
        let at = cut_long_heading(item, true, 6).expect("a term");
        assert_eq!(&item[..at], "“甲：乙”工程：");
    }

    #[test]
    fn a_long_heading_is_cut_at_its_first_clause() {
        let long = "产业升级成效明显，规上工业增加值增长8%，新培育专精特新企业50家，高新技术企业突破1000家，数字经济核心产业增加值占比达到12%。";
        let at = cut_long_heading(long, false, 6).expect("cut");
        assert_eq!(&long[..at], "产业升级成效明显，");
        let long = "同时，规上工业增加值增长8%，新培育专精特新企业50家，高新技术企业突破1000家，数字经济核心产业增加值占比达到12%。";
        let at = cut_long_heading(long, false, 6).expect("cut");
        assert_eq!(&long[..at], "同时，规上工业增加值增长8%，");
        assert_eq!(cut_long_heading("短标题，短。", false, 6), None);
        // The time 10:30 is no colon.
        assert_eq!(cut_long_heading("会议10:30开始", true, 6), None);
    }
}
