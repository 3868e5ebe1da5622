//! From a file's text to a report body: line ends, the document site's page chrome around the
//! report, and which line breaks are paragraph breaks.
//!
//! - **Line ends**: `\r\n` and `\r` become `\n`; a leading byte-order mark goes.
//! - **Page chrome** (the site's words, not the report's, listed in [`Prepared::dropped`]):
//!   - before the report (lines up to the first long line, the salutation or the first part): a
//!     short line holding a word of the site's interface ([`CHROME_WORDS`]: 购物车, 立即下载,
//!     加入VIP, …), and a short line that repeats the beginning of the next line (the page
//!     title above the report's own title);
//!   - after the report: from a short line holding a word of a licence or a site footer
//!     ([`TRAILER_WORDS`]: 本作品, 公有领域, 责任编辑, …) in the last part of the text, to the end.
//! - **Paragraphs**: a line break ends a paragraph when a blank line follows, when the next line
//!   is indented (an ideographic space, two spaces or a tab), when the line ends a sentence or a
//!   clause (`。！？；：` and their ASCII forms, closing quotes and brackets after them), when the
//!   next line starts with a numbered marker (`一、`, `（一）`, `(一)`, `1.`, `（1）`, `附件`,
//!   `——`) or is the salutation, when it is in the title block above the salutation, or when
//!   the line is a paragraph of its own that is short and ends no sentence (a
//!   title, a heading, a speaker's name). Short means at most 80 % of the median line, but at
//!   least 12 and at most 40 characters: a PDF wraps every line of a paragraph at about the same length, so a
//!   heading stands out against its own text. Any other line break is a line wrapped inside a
//!   paragraph, as a PDF wraps lines: it is joined like the spaces of extraction.
//!
//! The body keeps every other character; in it, `\n` separates paragraphs and nothing else.

/// Words of a document site's interface; a short line before the report holding one is chrome.
pub const CHROME_WORDS: &[&str] = &[
    "购物车",
    "我的足迹",
    "加入vip",
    "开通vip",
    "免费下载",
    "立即下载",
    "下载文档",
    "下载本文",
    "阅读全文",
    "展开全文",
    "继续阅读",
    "点击阅读",
    "登录",
    "注册",
    "收藏",
    "举报",
    "分享到",
    "上一篇",
    "下一篇",
    "相关文档",
    "猜你喜欢",
    "上传者",
    "浏览次数",
    "文档页数",
    "返回顶部",
    "扫一扫",
    "字号：",
];

/// Words of a licence or a site footer; from a short line holding one, near the end, the rest
/// is not the report.
pub const TRAILER_WORDS: &[&str] = &[
    "本作品",
    "公有领域",
    "public domain",
    "维基文库",
    "责任编辑",
    "扫一扫",
    "打印本页",
    "关闭窗口",
    "【纠错】",
    "版权所有",
    "返回顶部",
];

/// A line this short (in characters, whitespace left out) may be chrome, a title or a heading.
const SHORT_LINE: usize = 40;

/// The body of a report, ready for the outline parser.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Prepared {
    /// The report's text: paragraphs separated by `\n` (the only line breaks left).
    pub body: String,
    /// Lines of the site's page chrome that were left out, as written (whitespace trimmed).
    pub dropped: Vec<String>,
}

/// The characters of a line that count: whitespace left out, Latin letters lower case.
fn solid(line: &str) -> String {
    line.chars()
        .filter(|c| !super::super::clean::is_blank(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn ends_clause(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['”', '’', '」', '』', '）', ')'])
        .ends_with(['。', '！', '？', '；', '：', '!', '?', ';', ':', '…'])
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['”', '’', '」', '』', '）', ')'])
        .ends_with(['。', '！', '？', '!', '?', '…'])
}

/// Whether a line starts with an indentation: an ideographic space, two spaces or a tab.
fn is_indented(line: &str) -> bool {
    line.starts_with(['\u{3000}', '\t']) || line.starts_with("  ")
}

/// Whether a line (leading whitespace skipped) starts with a numbered marker or a dash lead.
pub fn starts_with_marker(line: &str) -> bool {
    let s = line.trim_start();
    const CN: &str = "一二三四五六七八九十";
    let cn_len = s.chars().take_while(|c| CN.contains(*c)).count();
    if cn_len > 0 && s.chars().nth(cn_len) == Some('、') {
        return true;
    }
    if let Some(inner) = s.strip_prefix(['（', '(']) {
        let n = inner
            .chars()
            .take_while(|c| CN.contains(*c) || c.is_ascii_digit())
            .count();
        if n > 0 && matches!(inner.chars().nth(n), Some('）' | ')')) {
            return true;
        }
    }
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 2 {
        let mut rest = s.chars().skip(digits);
        if matches!(rest.next(), Some('.' | '．' | '、'))
            && rest.next().is_some_and(|c| !c.is_ascii_digit())
        {
            return true;
        }
    }
    s.starts_with("附件") || s.starts_with("——")
}

/// Whether a line is the salutation or holds a part marker: the report's text has started.
fn starts_report(line: &str) -> bool {
    let s = solid(line);
    starts_with_marker(line)
        || (s.chars().count() <= 16
            && (s.ends_with('：') || s.ends_with(':'))
            && s.contains("代表"))
}

/// Prepares a file's text (see the module documentation).
pub fn prepare(source: &str) -> Prepared {
    let text = source.strip_prefix('\u{FEFF}').unwrap_or(source);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    // Each line's solid text and its length in characters, worked out once.
    let solids: Vec<String> = lines.iter().map(|l| solid(l)).collect();
    let counts: Vec<usize> = solids.iter().map(|s| s.chars().count()).collect();
    let mut dropped = Vec::new();

    // Chrome before the report: the header zone runs to the first long line, salutation or part.
    let header_end = (0..lines.len())
        .position(|i| counts[i] > SHORT_LINE || starts_report(lines[i]))
        .unwrap_or(lines.len());
    let mut keep: Vec<bool> = vec![true; lines.len()];
    for i in 0..header_end {
        if CHROME_WORDS.iter().any(|w| solids[i].contains(w)) {
            keep[i] = false;
        }
    }
    for i in 0..header_end {
        let s = &solids[i];
        if s.is_empty() || !keep[i] {
            continue;
        }
        let next = (i + 1..lines.len())
            .find(|&k| keep[k] && !solids[k].is_empty())
            .map(|k| &solids[k]);
        if next.is_some_and(|n| n.len() > s.len() && n.starts_with(s.as_str())) {
            keep[i] = false;
        }
    }
    for (i, line) in lines.iter().enumerate().take(header_end) {
        if !keep[i] {
            dropped.push(line.trim().to_string());
        }
    }
    // Chrome after the report: from a short footer line in the last third of the text.
    let last_third = lines.len() - lines.len() / 3;
    if let Some(from) = (last_third.max(header_end)..lines.len()).find(|&i| {
        let s = &solids[i];
        !s.is_empty() && counts[i] <= SHORT_LINE && TRAILER_WORDS.iter().any(|w| s.contains(w))
    }) {
        for i in from..lines.len() {
            keep[i] = false;
            let line = lines[i].trim();
            if !line.is_empty() {
                dropped.push(line.to_string());
            }
        }
    }

    // Paragraphs.
    let kept_at: Vec<usize> = (0..lines.len()).filter(|&i| keep[i]).collect();
    let kept: Vec<&str> = kept_at.iter().map(|&i| lines[i]).collect();
    let kept_counts: Vec<usize> = kept_at.iter().map(|&i| counts[i]).collect();
    let mut lengths: Vec<usize> = kept_counts.iter().copied().filter(|&n| n > 0).collect();
    // The crate's one sort (order.rs): a sort of its own would be another copy in the worker.
    crate::order::sort_by_key(&mut lengths, |&n| n as u128);
    let median = lengths.get(lengths.len() / 2).copied().unwrap_or(0);
    let short_line = (median * 4 / 5).clamp(12, SHORT_LINE);
    let heading_like = |n: usize, l: &str| n <= short_line && !ends_sentence(l);
    let mut body = String::with_capacity(text.len());
    let mut paragraph_start = true;
    let mut blank_before = false;
    let mut previous: Option<(&str, usize)> = None;
    // Lines above a salutation near the top are the title block: one paragraph each.
    let salutation = kept
        .iter()
        .take(15)
        .position(|l| starts_report(l) && !starts_with_marker(l));
    for (i, line) in kept.iter().copied().enumerate() {
        let before_salutation = salutation.is_some_and(|s| i <= s);
        if kept_counts[i] == 0 {
            blank_before = true;
            continue;
        }
        if let Some((prev, prev_count)) = previous {
            let own_short = paragraph_start && heading_like(prev_count, prev);
            let breaks = blank_before
                || is_indented(line)
                || ends_clause(prev)
                || starts_report(line)
                || before_salutation
                || own_short;
            body.push(if breaks { '\n' } else { ' ' });
            paragraph_start = breaks;
        }
        body.push_str(line);
        previous = Some((line, kept_counts[i]));
        blank_before = false;
    }
    Prepared { body, dropped }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(source: &str) -> Vec<String> {
        prepare(source)
            .body
            .split('\n')
            .map(|p| p.chars().filter(|c| !c.is_whitespace()).collect())
            .collect()
    }

    #[test]
    fn a_scraped_page_loses_its_chrome_and_keeps_its_one_line() {
        let source = "购物车\n我的足迹\n\n2030年某镇政府工作报告\n\n加入Vip免费下载 立即下载\n2030 年某镇政府工作报告 各位代表: 现在,我代表镇政府报告工作,请予审议。一、回顾 今年来,我们抓发展,今年共";
        let prepared = prepare(source);
        assert!(
            prepared.body.starts_with("2030 年某镇"),
            "{}",
            prepared.body
        );
        assert!(!prepared.body.contains('\n'));
        assert_eq!(
            prepared.dropped,
            [
                "购物车",
                "我的足迹",
                "2030年某镇政府工作报告",
                "加入Vip免费下载 立即下载"
            ]
        );
    }

    #[test]
    fn blank_lines_and_indentation_separate_paragraphs() {
        let source = "某县政府工作报告\n\n各位代表：\n　　现在，我代表县政府报告工作，请予审议。\n　　一、过去一年\n　　过去一年，我们坚持稳中求进工作总基调，\n做了很多工作。\n\n新的一年，我们继续。";
        assert_eq!(
            paragraphs(source),
            [
                "某县政府工作报告",
                "各位代表：",
                "现在，我代表县政府报告工作，请予审议。",
                "一、过去一年",
                "过去一年，我们坚持稳中求进工作总基调，做了很多工作。",
                "新的一年，我们继续。"
            ]
        );
    }

    #[test]
    fn a_wrapped_line_joins_its_paragraph_even_around_short_pieces() {
        let long = "过去一年，我们坚定不移扩大高水平对外开放，稳住外贸外资基本盘，积极参与国际经贸合作，推动";
        let source =
            format!("{long}\n区域全面经济伙伴关系协定\n（RCEP）生效实施，扩大开放。\n\n下一段。");
        assert_eq!(
            paragraphs(&source),
            [
                format!("{long}区域全面经济伙伴关系协定（RCEP）生效实施，扩大开放。"),
                "下一段。".to_string()
            ]
        );
    }

    #[test]
    fn a_pdf_wrapped_text_keeps_its_headings_and_joins_its_lines() {
        let source = "二〇三〇年某镇政府\n工作报告\n各位代表：\n现在我代表镇人民政府向大会报告工\n作，请予审议，并请列席人员提出意\n见。\n一、过去一年工作回顾\n过去一年全镇上下团结一心攻坚克难\n完成了各项目标任务全年财政收入增\n长百分之五，各项社会事业全面进步\n群众生活水平稳步提高社会大局稳定\n二、今年工作安排\n今年全镇将继续坚持稳中求进的工作";
        assert_eq!(
            paragraphs(source),
            [
                "二〇三〇年某镇政府",
                "工作报告",
                "各位代表：",
                "现在我代表镇人民政府向大会报告工作，请予审议，并请列席人员提出意见。",
                "一、过去一年工作回顾",
                "过去一年全镇上下团结一心攻坚克难完成了各项目标任务全年财政收入增长百分之五，各项社会事业全面进步群众生活水平稳步提高社会大局稳定",
                "二、今年工作安排",
                "今年全镇将继续坚持稳中求进的工作"
            ]
        );
    }

    #[test]
    fn markers_start_paragraphs() {
        let source = "引言没有句号\n（一）第一项\n1.第一条\n附件1\n——面对困难";
        assert_eq!(paragraphs(source).len(), 5);
        assert!(starts_with_marker("十二、"));
        assert!(starts_with_marker("(3)"));
        assert!(!starts_with_marker("1.5亿元"));
        assert!(!starts_with_marker("一是"));
    }

    #[test]
    fn a_licence_after_the_report_is_left_out() {
        let mut source = String::from("某报告\n各位代表：\n");
        for i in 0..20 {
            source.push_str(&format!("第{i}段正文。\n"));
        }
        source.push_str("\n\n本作品是中华人民共和国的\n法律\n、\n法规\nPublic domain\n");
        let prepared = prepare(&source);
        assert!(prepared.body.ends_with("第19段正文。"), "{}", prepared.body);
        assert_eq!(prepared.dropped[0], "本作品是中华人民共和国的");
    }

    #[test]
    fn line_ends_and_a_byte_order_mark_are_normalised() {
        let prepared = prepare("\u{FEFF}标题\r\n\r\n正文。\r另一段。");
        assert_eq!(prepared.body, "标题\n正文。\n另一段。");
    }
}
