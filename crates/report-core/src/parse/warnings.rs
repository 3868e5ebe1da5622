//! What a person should check in a parsed report, in words they read (Chinese): text that
//! stops mid-sentence, a paywall gap, placeholders left by a template, a text without any
//! structure, repeated headings, what was left out as page chrome, and an outline that looks
//! wrong (a point or item of [`LONG_SECTION`] paragraphs or more, numbering that jumps or starts
//! again inside a part, one part holding most of the body). Positions are counted in characters
//! of the shown text (whitespace left out), never in bytes.

use super::super::clean::is_blank;
use super::super::model::{Report, Section, SectionKind};
use super::leading_marker;

/// A point or item of this many paragraphs or more is reported ([`WarningKind::LongSection`]);
/// a subsection or theme of [`LONG_GROUP`] or more.
pub const LONG_SECTION: usize = 20;
/// See [`LONG_SECTION`].
pub const LONG_GROUP: usize = 40;
/// With three parts or more, a part holding more than this share of the parts' text (in
/// percent) is reported ([`WarningKind::LopsidedParts`]).
pub const LOPSIDED_PERCENT: usize = 70;

/// One thing to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub kind: WarningKind,
    /// Where, in characters of the shown text, when it is one place.
    pub position_chars: Option<usize>,
    /// The words concerned, as written.
    pub detail: String,
    /// A number that goes with the words (paragraphs of a long section, percent of a part).
    pub count: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningKind {
    /// No part, subsection or item was found: the text is shown as plain paragraphs.
    NoStructure,
    /// The text stops mid-sentence.
    EndsMidSentence,
    /// A document site's note that text was left out ("……省略912字……").
    Gap,
    /// A template's placeholder instead of a number or a name ("XX万元", "20XX年", "**县").
    Placeholder,
    /// The same heading twice.
    DuplicateHeading,
    /// Lines of the site's page chrome were left out.
    DroppedChrome,
    /// No title was found above the salutation (the text starts at 各位代表：).
    NoTitle,
    /// A point, item or subsection of many paragraphs (20 or more): a heading was probably
    /// missed and what follows it was read into this section.
    LongSection,
    /// Numbering that jumps inside a part ("（二）" then "（四）"): a block was probably not
    /// recognised.
    NumberingGap,
    /// Numbering that starts again from 1 inside a part: probably two parts read as one.
    NumberingRestart,
    /// One part holds most of the body (over 70 % with three parts or more): probably parts
    /// were not recognised.
    LopsidedParts,
}

impl WarningKind {
    /// The kind's name in the report file and in tests.
    pub fn key(self) -> &'static str {
        match self {
            WarningKind::NoStructure => "no_structure",
            WarningKind::EndsMidSentence => "ends_mid_sentence",
            WarningKind::Gap => "gap",
            WarningKind::Placeholder => "placeholder",
            WarningKind::DuplicateHeading => "duplicate_heading",
            WarningKind::DroppedChrome => "dropped_chrome",
            WarningKind::NoTitle => "no_title",
            WarningKind::LongSection => "long_section",
            WarningKind::NumberingGap => "numbering_gap",
            WarningKind::NumberingRestart => "numbering_restart",
            WarningKind::LopsidedParts => "lopsided_parts",
        }
    }
}

impl Warning {
    /// The warning as one line for a person.
    pub fn message(&self) -> String {
        let at = self
            .position_chars
            .map(|p| format!("（第{}字）", p + 1))
            .unwrap_or_default();
        match self.kind {
            WarningKind::NoStructure => {
                "没有找到“一、”“（一）”“1.”这样的编号：全文按段落显示。".to_string()
            }
            WarningKind::EndsMidSentence => {
                format!("正文在句子中间结束（“{}”）：可能不是全文。", self.detail)
            }
            WarningKind::Gap => format!(
                "正文中有网站省略的说明“{}”{at}：这里缺了原文。",
                self.detail
            ),
            WarningKind::Placeholder => {
                format!("正文中有占位符“{}”{at}：可能是模板没有填完。", self.detail)
            }
            WarningKind::DuplicateHeading => format!("标题“{}”出现了不止一次。", self.detail),
            WarningKind::DroppedChrome => format!("已去掉网页上不属于报告的文字：{}", self.detail),
            WarningKind::NoTitle => {
                "没有找到标题：可以在整理文件里用 meta title 写上报告的名称。".to_string()
            }
            WarningKind::LongSection => format!(
                "“{}”{at}有{}段：可能漏认了其中的标题。",
                self.detail,
                self.count.unwrap_or(0)
            ),
            WarningKind::NumberingGap => format!(
                "编号不连续：“{}”{at}没有接上前面的编号，可能漏认了一个标题。",
                self.detail
            ),
            WarningKind::NumberingRestart => format!(
                "编号重新从头开始：“{}”{at}在同一部分里又从一开始，可能漏认了一个部分的标题。",
                self.detail
            ),
            WarningKind::LopsidedParts => format!(
                "“{}”一个部分就占了各部分正文的{}%：可能漏认了部分的标题。",
                self.detail,
                self.count.unwrap_or(0)
            ),
        }
    }
}

/// Characters a template uses for a missing number or name.
fn is_placeholder_char(c: char) -> bool {
    matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ' | '×' | '*' | '＊' | '○')
}

/// Every check of the module documentation, in reading order of the text.
pub fn check(report: &Report, dropped: &[String]) -> Vec<Warning> {
    let mut out = Vec::new();
    let text: Vec<char> = report
        .shown_text()
        .chars()
        .filter(|c| !is_blank(*c))
        .collect();
    if !dropped.is_empty() {
        let shown: Vec<&str> = dropped.iter().take(4).map(String::as_str).collect();
        let more = if dropped.len() > 4 { " …" } else { "" };
        out.push(Warning {
            kind: WarningKind::DroppedChrome,
            position_chars: None,
            detail: format!("{}行（{}{more}）", dropped.len(), shown.join(" / ")),
            count: None,
        });
    }
    if report.title.is_empty() {
        out.push(Warning {
            kind: WarningKind::NoTitle,
            position_chars: None,
            detail: String::new(),
            count: None,
        });
    }
    if report.sections.is_empty() {
        out.push(Warning {
            kind: WarningKind::NoStructure,
            position_chars: None,
            detail: String::new(),
            count: None,
        });
    }
    // Gaps: "省略912字", "隐藏 300 字".
    let mut i = 0;
    while i < text.len() {
        let word = text.get(i..i + 2).map(|w| w.iter().collect::<String>());
        if matches!(word.as_deref(), Some("省略" | "隐藏")) {
            let digits = text[i + 2..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if digits > 0 && text.get(i + 2 + digits) == Some(&'字') {
                let mut from = i;
                while from > 0
                    && matches!(text[from - 1], '…' | '.' | '。' | '（' | '(' | '【' | '[')
                {
                    from -= 1;
                }
                let mut to = i + 3 + digits;
                while to < text.len() && matches!(text[to], '…' | '.' | '）' | ')' | '】' | ']')
                {
                    to += 1;
                }
                out.push(Warning {
                    kind: WarningKind::Gap,
                    position_chars: Some(from),
                    detail: text[from..to].iter().collect(),
                    count: None,
                });
                i = to;
                continue;
            }
        }
        i += 1;
    }
    // Placeholders: two or more of X, x, ×, *, ○ next to a number, a unit or a place word.
    let mut i = 0;
    while i < text.len() {
        if !is_placeholder_char(text[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < text.len() && is_placeholder_char(text[i]) {
            i += 1;
        }
        let latin = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphabetic());
        let near = |c: Option<&char>| {
            c.is_some_and(|c| {
                c.is_ascii_digit() || "万亿元年月日号县镇乡村市省区%％人户个名家项".contains(*c)
            })
        };
        let before = start.checked_sub(1).and_then(|b| text.get(b));
        let after = text.get(i);
        if i - start >= 2 && !latin(before) && !latin(after) && (near(before) || near(after)) {
            let from = start.saturating_sub(2);
            let to = (i + 2).min(text.len());
            out.push(Warning {
                kind: WarningKind::Placeholder,
                position_chars: Some(start),
                detail: text[from..to].iter().collect(),
                count: None,
            });
        }
    }
    // The same numbered heading twice.
    let mut seen: Vec<String> = Vec::new();
    for section in report.sections() {
        if matches!(section.kind, SectionKind::Theme | SectionKind::Point) {
            continue;
        }
        let heading = section.heading.clone();
        if heading.chars().count() < 2 {
            continue;
        }
        if seen.contains(&heading) {
            out.push(Warning {
                kind: WarningKind::DuplicateHeading,
                position_chars: None,
                detail: heading,
                count: None,
            });
        } else {
            seen.push(heading);
        }
    }
    structure(report, &mut out);
    if let Some(tail) = report.cut_tail() {
        out.push(Warning {
            kind: WarningKind::EndsMidSentence,
            position_chars: Some(text.len()),
            detail: tail,
            count: None,
        });
    }
    out
}

/// Characters of `s` that count in positions: whitespace left out.
fn solid_len(s: &str) -> usize {
    s.chars().filter(|c| !is_blank(*c)).count()
}

/// The section's heading as read, cut to 20 characters (for a message).
fn short_heading(section: &Section) -> String {
    let full: String = section
        .full_heading()
        .chars()
        .filter(|c| !is_blank(*c))
        .collect();
    let mut out: String = full.chars().take(20).collect();
    if full.chars().count() > 20 {
        out.push('…');
    }
    out
}

/// Paragraphs of a section with its children: one, plus one per paragraph break in its strings
/// (a break between two strings is not stored; a child starts a paragraph).
fn paragraphs(section: &Section) -> usize {
    let breaks = |s: &str| s.matches('\n').count();
    1 + breaks(&section.heading)
        + breaks(&section.body)
        + section.children.iter().map(paragraphs).sum::<usize>()
}

/// The text of a section with its children, whitespace left out, in characters.
fn section_len(section: &Section) -> usize {
    solid_len(&section.marker)
        + solid_len(&section.heading)
        + solid_len(&section.body)
        + section.children.iter().map(section_len).sum::<usize>()
}

/// The checks of the outline: long sections, numbering that jumps or starts again, a part
/// holding most of the body.
fn structure(report: &Report, out: &mut Vec<Warning>) {
    let before: usize = report
        .front
        .iter()
        .map(|f| solid_len(&f.text))
        .sum::<usize>()
        + report.salutation.as_deref().map_or(0, solid_len)
        + solid_len(&report.opening);
    // Long sections, with where each starts.
    let mut at = before;
    for top in report.top_level() {
        long_sections(top, &mut at, out);
    }
    // Numbering, level by level: the parts, then inside every section.
    numbering(
        &report.opening,
        before - solid_len(&report.opening),
        &report.sections,
        out,
    );
    let mut at = before;
    for top in report.top_level() {
        numbering_inside(top, &mut at, out);
    }
    // One part holding most of the parts' text.
    if report.sections.len() >= 3 {
        let lengths: Vec<usize> = report.sections.iter().map(section_len).collect();
        let total: usize = lengths.iter().sum();
        let mut at = before;
        for (part, len) in report.sections.iter().zip(&lengths) {
            let percent = len * 100 / total.max(1);
            if percent > LOPSIDED_PERCENT {
                out.push(Warning {
                    kind: WarningKind::LopsidedParts,
                    position_chars: Some(at),
                    detail: short_heading(part),
                    count: Some(percent),
                });
            }
            at += len;
        }
    }
}

/// Reports `section` and its descendants when they hold too many paragraphs; `at` is where the
/// section starts and becomes where it ends.
fn long_sections(section: &Section, at: &mut usize, out: &mut Vec<Warning>) {
    let limit = match section.kind {
        SectionKind::Point | SectionKind::Item => Some(LONG_SECTION),
        SectionKind::Subsection | SectionKind::Theme => Some(LONG_GROUP),
        SectionKind::Part | SectionKind::Annex => None,
    };
    let count = paragraphs(section);
    if limit.is_some_and(|l| count >= l) {
        out.push(Warning {
            kind: WarningKind::LongSection,
            position_chars: Some(*at),
            detail: short_heading(section),
            count: Some(count),
        });
    }
    *at += solid_len(&section.marker) + solid_len(&section.heading) + solid_len(&section.body);
    for child in &section.children {
        long_sections(child, at, out);
    }
}

/// Checks the numbering of the children of `section` and of every section below it; `at` is
/// where the section starts and becomes where it ends.
fn numbering_inside(section: &Section, at: &mut usize, out: &mut Vec<Warning>) {
    let body_at = *at + solid_len(&section.marker) + solid_len(&section.heading);
    numbering(&section.body, body_at, &section.children, out);
    *at = body_at + solid_len(&section.body);
    for child in &section.children {
        numbering_inside(child, at, out);
    }
}

/// Paragraphs that start with a marker of the style that numbers `children` but that are not
/// one of them (in `body`, the text before the children, starting at `body_at`, or anywhere
/// inside a child): a number that does not follow the one before is a gap, a 1 a restart.
fn numbering(body: &str, body_at: usize, children: &[Section], out: &mut Vec<Warning>) {
    let Some(style) = children
        .iter()
        .find_map(|c| leading_marker(&c.marker).map(|(style, _)| style))
    else {
        return;
    };
    let mut last = 0;
    let mut check = |text: &str, start: usize, from_start: bool, last: u32| {
        let mut offset = start;
        for (i, paragraph) in text.split('\n').enumerate() {
            if i > 0 || from_start {
                if let Some((s, value)) = leading_marker(paragraph) {
                    if s == style && value != last + 1 {
                        let words: String = paragraph
                            .chars()
                            .filter(|c| !is_blank(*c))
                            .take(12)
                            .collect();
                        out.push(Warning {
                            kind: if value == 1 {
                                WarningKind::NumberingRestart
                            } else {
                                WarningKind::NumberingGap
                            },
                            position_chars: Some(offset),
                            detail: words,
                            count: None,
                        });
                    }
                }
            }
            offset += solid_len(paragraph);
        }
    };
    check(body, body_at, true, last);
    let mut at = body_at + solid_len(body);
    for child in children {
        if let Some((s, value)) = leading_marker(&child.marker) {
            if s == style {
                last = value;
            }
        }
        at += solid_len(&child.marker) + solid_len(&child.heading);
        check(&child.body, at, true, last);
        at += solid_len(&child.body);
        for below in child.children.iter().flat_map(Section::walk) {
            check(&below.heading, at, false, last);
            at += solid_len(&below.marker) + solid_len(&below.heading);
            check(&below.body, at, true, last);
            at += solid_len(&below.body);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::import;

    fn kinds(source: &str) -> Vec<WarningKind> {
        import(source)
            .unwrap()
            .warnings
            .iter()
            .map(|w| w.kind)
            .collect()
    }

    #[test]
    fn a_complete_structured_report_has_nothing_to_check() {
        assert!(kinds("某镇政府工作报告\n各位代表：\n一、回顾\n我们完成了任务。").is_empty());
    }

    #[test]
    fn a_text_that_starts_at_the_salutation_has_no_title() {
        assert_eq!(
            kinds("各位代表：\n现在，我代表政府报告工作。\n一、回顾\n我们完成了任务。"),
            [WarningKind::NoTitle]
        );
    }

    #[test]
    fn a_text_without_numbered_blocks_is_plain_paragraphs() {
        assert_eq!(
            kinds("一段没有编号的文字。\n又一段。"),
            [WarningKind::NoTitle, WarningKind::NoStructure]
        );
    }

    #[test]
    fn a_gap_a_placeholder_and_a_cut_are_found_with_their_words() {
        let parsed = import(
            "某镇政府工作报告\n各位代表：\n一、回顾\n全年完成投资XX万元，……省略912字……\n二、计划\n今年共",
        )
        .unwrap();
        let found: Vec<(WarningKind, &str)> = parsed
            .warnings
            .iter()
            .map(|w| (w.kind, w.detail.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (WarningKind::Gap, "……省略912字……"),
                (WarningKind::Placeholder, "投资XX万元"),
                (WarningKind::EndsMidSentence, "今年共"),
            ]
        );
        assert!(parsed.warnings[0].message().contains("缺了原文"));
    }

    #[test]
    fn latin_words_and_a_single_times_sign_are_no_placeholders() {
        assert!(kinds("某报告\n各位代表：\n一、回顾\nXXL号、7×24小时服务、**重点**。").is_empty());
    }

    #[test]
    fn a_repeated_heading_is_reported() {
        let k =
            kinds("某报告\n各位代表：\n一、回顾\n甲。\n（一）经济发展\n乙。\n（二）经济发展\n丙。");
        assert_eq!(k, [WarningKind::DuplicateHeading]);
        let k = kinds("某报告\n各位代表：\n一、回顾\n（一）经济\n乙。\n（二）民生\n丙。");
        assert!(k.is_empty(), "{k:?}");
    }
}
