//! What a person should check in a parsed report, in words they read (Chinese): text that
//! stops mid-sentence, a paywall gap, placeholders left by a template, a text without any
//! structure, repeated headings, and what was left out as page chrome. Positions are counted in
//! characters of the shown text (whitespace left out), never in bytes.

use super::super::clean::is_blank;
use super::super::model::{Report, SectionKind};

/// One thing to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub kind: WarningKind,
    /// Where, in characters of the shown text, when it is one place.
    pub position_chars: Option<usize>,
    /// The words concerned, as written.
    pub detail: String,
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
        });
    }
    if report.title.is_empty() {
        out.push(Warning {
            kind: WarningKind::NoTitle,
            position_chars: None,
            detail: String::new(),
        });
    }
    if report.sections.is_empty() {
        out.push(Warning {
            kind: WarningKind::NoStructure,
            position_chars: None,
            detail: String::new(),
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
            });
        } else {
            seen.push(heading);
        }
    }
    if let Some(tail) = report.cut_tail() {
        out.push(Warning {
            kind: WarningKind::EndsMidSentence,
            position_chars: Some(text.len()),
            detail: tail,
        });
    }
    out
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
