//! Outline parsing: turns the raw one-line body of a work report into a [`Report`].

use std::fmt;

use super::clean::{body_of, is_boundary_space, Cleaned};
use super::model::{Report, Section, SectionKind, SectionNumber};

/// Why a report could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub kind: ParseErrorKind,
    /// Where the problem was found, counted in characters (not bytes) from the start of the
    /// text given to the parser.
    pub position_chars: usize,
}

/// The kinds of [`ParseError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The body has no text at all (empty, or nothing but whitespace).
    EmptyBody,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ParseErrorKind::EmptyBody => write!(
                f,
                "the report body is empty: no text up to the end of the input at character {}",
                self.position_chars
            ),
        }
    }
}

impl std::error::Error for ParseError {}

/// Parses a whole scraped file: page chrome on the first lines, the report body on the last
/// non-empty line (see [`body_of`] and [`parse_body`]).
pub fn parse(source: &str) -> Result<Report, ParseError> {
    let body = body_of(source);
    if body.is_empty() {
        return Err(ParseError {
            kind: ParseErrorKind::EmptyBody,
            position_chars: source.chars().count(),
        });
    }
    parse_body(body)
}

/// Parses the body of a work report into its outline.
///
/// # Accepted input
///
/// The body is one line of text extracted from a PDF: the PDF's line breaks became whitespace
/// (often in the middle of a word) and numbers are padded with spaces ("2024 年"). The parser
/// reads it as follows; every character of the input lands in exactly one string of the result,
/// so [`Report::shown_text`] equals [`clean`](super::clean::clean)`(body)` for any input.
///
/// - A **boundary space** is a whitespace run whose left neighbour is not an ASCII digit. Headings
///   end at a PDF line break, which is such a run; a space right after a digit is number padding
///   ("2024 年", "成立 75 周年") and does not end a heading.
/// - **Title**: from the start up to the first boundary space (or the first sentence end
///   `。！？`, or the first part, whichever comes first).
/// - **Salutation**: the text after the title up to and including the first `：`/`:` (not one
///   between digits), when that text has at most 12 characters, no sentence punctuation
///   (`。！？；`) and comes before the first part: "各位代表：". Otherwise there is none.
/// - **Opening**: the text between the salutation (or title) and the first part.
/// - **Parts**: a Chinese numeral (`一` … `十`, `十一` … `九十九`) followed by `、`, at the start of
///   the body, right after whitespace or right after sentence punctuation `。！？；` (optionally
///   followed by a closing quote). Numerals must come in sequence (`一、`, then `二、`, …); one out
///   of sequence is ordinary text, so "二十届二中、三中全会" or "胡关、云际" are not parts. The
///   heading is the text after the marker up to the first boundary space, or up to and including
///   the first `。！？`.
/// - **Subsections**: `（一）` or `(一)` (full- or half-width parentheses, numerals in sequence
///   from `一` within each part), at the same places as parts, with the same heading rule. Text of
///   a part before its first subsection is the part's own content.
/// - **Points**: `一是`, `二是`, … in sequence, at the start of a part's or subsection's content or
///   right after `。！？；` or `：` (optionally followed by a closing quote and whitespace), so the
///   "一是" in "统一是" is not a point. Each `一是` starts a new run. A point's heading is its first
///   sentence up to and including `。！？` (all of its text if it has none); its body is the rest,
///   up to the next point, theme, subsection or part.
/// - **Themes**: when there is at least one sentence between the start of the content (or the
///   heading sentence of the previous run's last point) and the `一是` of a run, the sentence
///   right before that `一是` leads a theme: the theme's heading is that sentence, its marker and
///   body are empty, and its children are the points of the run. Text before the first theme or
///   point is the body of the enclosing part or subsection; text after the last point of a run
///   belongs to that point. A run with no sentence before it (points right after a heading)
///   gives points that are direct children of the part or subsection.
/// - Sentences end at `。！？` together with any closing quotes right after them ("…。”").
///
/// Section numbers are 1-based among siblings: part 1 is `1`, its second theme `1.2`, that
/// theme's third point `1.2.3`. The report is `truncated` when its cleaned text does not end with
/// `。！？` (optionally followed by closing quotes).
///
/// # Errors
///
/// Only an empty body (nothing but whitespace) is an error; any other text parses into
/// something, at worst a title and an opening.
pub fn parse_body(body: &str) -> Result<Report, ParseError> {
    if body.trim().is_empty() {
        return Err(ParseError {
            kind: ParseErrorKind::EmptyBody,
            position_chars: body.chars().count(),
        });
    }
    let cleaned = Cleaned::new(body);
    let parser = Parser {
        raw: body,
        cleaned: &cleaned,
    };
    Ok(parser.report())
}

/// Sentence-ending punctuation, ASCII forms included (cleaning widens them).
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Punctuation after which a part, subsection or point may start.
fn ends_clause(c: char) -> bool {
    ends_sentence(c) || matches!(c, '；' | ';')
}

/// Closing quotes that stay with the sentence they close ("…。”").
fn is_closing_quote(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』')
}

/// The value of a Chinese digit 一 … 九.
fn digit_value(c: char) -> Option<u32> {
    let value = match c {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    };
    Some(value)
}

/// Reads a Chinese numeral from 1 to 99 at the start of `s`: its value and its length in bytes.
fn numeral(s: &str) -> Option<(u32, usize)> {
    let taken: Vec<char> = s
        .chars()
        .take_while(|&c| c == '十' || digit_value(c).is_some())
        .take(3)
        .collect();
    let value = match taken.as_slice() {
        ['十'] => 10,
        [a] => digit_value(*a)?,
        ['十', b] => 10 + digit_value(*b)?,
        [a, '十'] => digit_value(*a)? * 10,
        [a, '十', b] => digit_value(*a)? * 10 + digit_value(*b)?,
        _ => return None,
    };
    Some((value, taken.iter().map(|c| c.len_utf8()).sum()))
}

/// A numbered marker found in the raw text: bytes `start..end`, with its numeral's value.
#[derive(Debug, Clone, Copy)]
struct Marker {
    start: usize,
    end: usize,
    value: u32,
}

/// A run of points `一是`, `二是`, … and the theme lead sentence before it, if any.
struct Run {
    points: Vec<Marker>,
    /// Where the run's theme lead sentence starts, when the run has one.
    lead: Option<usize>,
}

impl Run {
    /// Where the run starts: its lead sentence, or its first point.
    fn start(&self) -> usize {
        self.lead
            .or_else(|| self.points.first().map(|p| p.start))
            .unwrap_or(0)
    }
}

struct Parser<'a> {
    raw: &'a str,
    cleaned: &'a Cleaned,
}

impl Parser<'_> {
    fn report(&self) -> Report {
        let end = self.raw.len();
        let parts = self.part_markers();
        let first_part = parts.first().map_or(end, |m| m.start);
        let title_end = self.title_end(first_part);
        let salutation_end = self.salutation_end(title_end, first_part);
        let opening_start = salutation_end.unwrap_or(title_end);

        let mut sections = Vec::new();
        for (i, marker) in parts.iter().enumerate() {
            let part_end = parts.get(i + 1).map_or(end, |m| m.start);
            let number = vec![index_number(i)];
            sections.push(self.block(SectionKind::Part, *marker, part_end, number));
        }

        let text = self.cleaned.text();
        let unquoted = text.trim_end_matches(is_closing_quote);
        Report {
            title: self.text(0, title_end),
            salutation: salutation_end.map(|e| self.text(title_end, e)),
            opening: self.text(opening_start, first_part),
            sections,
            truncated: !unquoted.chars().next_back().is_some_and(ends_sentence),
        }
    }

    /// The cleaned text of the raw byte range `start..end`.
    fn text(&self, start: usize, end: usize) -> String {
        self.cleaned.slice(start, end).to_owned()
    }

    fn char_at(&self, at: usize) -> Option<char> {
        self.raw.get(at..).and_then(|rest| rest.chars().next())
    }

    /// The position after the whitespace starting at `at`, at most `limit`.
    fn skip_space(&self, at: usize, limit: usize) -> usize {
        match self.raw.get(at..limit) {
            Some(rest) => at + (rest.len() - rest.trim_start().len()),
            None => at,
        }
    }

    /// The position after a sentence end whose punctuation starts at `at`: the punctuation, any
    /// closing quotes and further punctuation right after it, then whitespace; at most `limit`.
    fn after_sentence_end(&self, at: usize, limit: usize) -> usize {
        let rest = self.raw.get(at..limit).unwrap_or("");
        let punct = rest
            .char_indices()
            .find(|&(_, c)| !(ends_sentence(c) || is_closing_quote(c)))
            .map_or(rest.len(), |(i, _)| i);
        self.skip_space(at + punct, limit)
    }

    /// Whether the text right before `at`, after skipping whitespace and closing quotes, is one
    /// of the punctuation marks accepted by `accepts`.
    fn follows(&self, at: usize, accepts: fn(char) -> bool) -> bool {
        let head = self.raw.get(..at).unwrap_or("");
        head.trim_end()
            .trim_end_matches(is_closing_quote)
            .chars()
            .next_back()
            .is_some_and(accepts)
    }

    /// Whether a part or subsection may start at `at`: at the start of the body, right after
    /// whitespace, or after the end of a sentence or clause.
    fn at_heading_start(&self, at: usize) -> bool {
        let before = self.raw.get(..at).and_then(|h| h.chars().next_back());
        match before {
            None => true,
            Some(c) if c.is_whitespace() => true,
            Some(_) => self.follows(at, ends_clause),
        }
    }

    /// The part markers `一、`, `二、`, … in sequence.
    fn part_markers(&self) -> Vec<Marker> {
        let mut markers = Vec::new();
        let mut expected = 1;
        for (at, _) in self.raw.char_indices() {
            if !self.at_heading_start(at) {
                continue;
            }
            let Some(marker) = self.part_marker_at(at) else {
                continue;
            };
            if marker.value == expected {
                markers.push(marker);
                expected += 1;
            }
        }
        markers
    }

    fn part_marker_at(&self, at: usize) -> Option<Marker> {
        let rest = self.raw.get(at..)?;
        let (value, len) = numeral(rest)?;
        let after = rest.get(len..)?;
        after.starts_with('、').then_some(Marker {
            start: at,
            end: at + len + '、'.len_utf8(),
            value,
        })
    }

    /// The subsection markers `（一）`, `（二）`, … in sequence within `start..end`.
    fn subsection_markers(&self, start: usize, end: usize) -> Vec<Marker> {
        let mut markers = Vec::new();
        let mut expected = 1;
        let Some(region) = self.raw.get(start..end) else {
            return markers;
        };
        for (offset, _) in region.char_indices() {
            let at = start + offset;
            if !self.at_heading_start(at) {
                continue;
            }
            let Some(marker) = self.subsection_marker_at(at, end) else {
                continue;
            };
            if marker.value == expected {
                markers.push(marker);
                expected += 1;
            }
        }
        markers
    }

    fn subsection_marker_at(&self, at: usize, end: usize) -> Option<Marker> {
        let rest = self.raw.get(at..end)?;
        let inner = rest.strip_prefix('（').or_else(|| rest.strip_prefix('('))?;
        let (value, len) = numeral(inner)?;
        let after = inner.get(len..)?;
        let close = after
            .strip_prefix('）')
            .or_else(|| after.strip_prefix(')'))?;
        Some(Marker {
            start: at,
            end: end - close.len(),
            value,
        })
    }

    /// The point markers `N是` that may start a point within `start..end`: at the start of the
    /// content or after the end of a sentence or clause (or a colon), in any order of numerals.
    fn point_candidates(&self, start: usize, end: usize) -> Vec<Marker> {
        let content_start = self.skip_space(start, end);
        let Some(region) = self.raw.get(start..end) else {
            return Vec::new();
        };
        region
            .char_indices()
            .map(|(offset, _)| start + offset)
            .filter(|&at| {
                at == content_start
                    || self.follows(at, |c| ends_clause(c) || matches!(c, '：' | ':'))
            })
            .filter_map(|at| {
                let rest = self.raw.get(at..end)?;
                let (value, len) = numeral(rest)?;
                let after = rest.get(len..)?;
                after.starts_with('是').then_some(Marker {
                    start: at,
                    end: at + len + '是'.len_utf8(),
                    value,
                })
            })
            .collect()
    }

    /// The end of a heading that starts at `start`: after the first boundary space, or after the
    /// first sentence end; at most `limit`.
    fn heading_end(&self, start: usize, limit: usize) -> usize {
        let region = self.raw.get(start..limit).unwrap_or("");
        for (offset, c) in region.char_indices() {
            let at = start + offset;
            if c.is_whitespace() && is_boundary_space(self.raw, at) {
                return self.skip_space(at, limit);
            }
            if ends_sentence(c) {
                return self.after_sentence_end(at, limit);
            }
        }
        limit
    }

    /// The end of the first sentence starting at `start` (the punctuation, closing quotes and
    /// whitespace after it included), or `limit` when there is no sentence end before it.
    fn sentence_end(&self, start: usize, limit: usize) -> usize {
        let region = self.raw.get(start..limit).unwrap_or("");
        region
            .char_indices()
            .find(|&(_, c)| ends_sentence(c))
            .map_or(limit, |(offset, _)| {
                self.after_sentence_end(start + offset, limit)
            })
    }

    /// Where the last sentence of `start..end` starts, or `None` when the range has no text.
    fn last_sentence_start(&self, start: usize, end: usize) -> Option<usize> {
        let first = self.skip_space(start, end);
        if first >= end {
            return None;
        }
        let mut sentence = first;
        let mut at = first;
        while at < end {
            let Some(c) = self.char_at(at) else { break };
            if ends_sentence(c) {
                let next = self.after_sentence_end(at, end);
                if next < end {
                    sentence = next;
                }
                at = next.max(at + c.len_utf8());
            } else {
                at += c.len_utf8();
            }
        }
        Some(sentence)
    }

    /// The end of the title: the first boundary space or sentence end, at most `limit`.
    fn title_end(&self, limit: usize) -> usize {
        let start = self.skip_space(0, limit);
        self.heading_end(start, limit)
    }

    /// The end of the salutation ("各位代表：") starting at `start`, when there is one.
    fn salutation_end(&self, start: usize, limit: usize) -> Option<usize> {
        let region = self.raw.get(start..limit)?;
        let mut previous = None;
        let mut chars = region.char_indices().peekable();
        while let Some((offset, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            let is_colon = c == '：'
                || (c == ':'
                    && !(previous.is_some_and(|p: char| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit())));
            if is_colon {
                let text = region.get(..offset)?;
                let length = text.chars().filter(|c| !c.is_whitespace()).count() + 1;
                if length > 12 || text.chars().any(ends_clause) {
                    return None;
                }
                return Some(self.skip_space(start + offset + c.len_utf8(), limit));
            }
            previous = Some(c);
        }
        None
    }

    /// A part or subsection starting at `marker` and ending at `end`, with its children.
    fn block(&self, kind: SectionKind, marker: Marker, end: usize, number: Vec<u32>) -> Section {
        let heading_start = self.skip_space(marker.end, end);
        let heading_end = self.heading_end(heading_start, end);

        let subsections = if kind == SectionKind::Part {
            self.subsection_markers(heading_end, end)
        } else {
            Vec::new()
        };
        let content_end = subsections.first().map_or(end, |m| m.start);
        let (body_end, mut children) = self.items(heading_end, content_end, &number);
        for (i, sub) in subsections.iter().enumerate() {
            let sub_end = subsections.get(i + 1).map_or(end, |m| m.start);
            let child_number = child(&number, children.len());
            children.push(self.block(SectionKind::Subsection, *sub, sub_end, child_number));
        }

        Section {
            kind,
            number: SectionNumber(number),
            marker: self.text(marker.start, heading_start),
            heading: self.text(heading_start, heading_end),
            body: self.text(heading_end, body_end),
            children,
        }
    }

    /// The themes and points of the content `start..end` of a part or subsection numbered
    /// `parent`, and where the content's own body (its intro) ends.
    fn items(&self, start: usize, end: usize, parent: &[u32]) -> (usize, Vec<Section>) {
        let runs = self.runs(start, end);
        let body_end = runs.first().map_or(end, Run::start);
        let mut children = Vec::new();
        for (i, run) in runs.iter().enumerate() {
            let run_end = runs.get(i + 1).map_or(end, Run::start);
            match run.lead {
                Some(lead) => {
                    let number = child(parent, children.len());
                    let lead_end = run.points.first().map_or(run_end, |p| p.start);
                    let points = self.points(&run.points, run_end, &number);
                    children.push(Section {
                        kind: SectionKind::Theme,
                        number: SectionNumber(number),
                        marker: String::new(),
                        heading: self.text(lead, lead_end),
                        body: String::new(),
                        children: points,
                    });
                }
                None => {
                    let first = children.len();
                    let points = self.points(&run.points, run_end, parent);
                    children.extend(points.into_iter().enumerate().map(|(k, mut point)| {
                        point.number = SectionNumber(child(parent, first + k));
                        point
                    }));
                }
            }
        }
        (body_end, children)
    }

    /// Groups the point markers of `start..end` into runs and finds each run's lead sentence.
    fn runs(&self, start: usize, end: usize) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        for candidate in self.point_candidates(start, end) {
            if candidate.value == 1 {
                runs.push(Run {
                    points: vec![candidate],
                    lead: None,
                });
                continue;
            }
            if let Some(run) = runs.last_mut() {
                if run
                    .points
                    .last()
                    .is_some_and(|p| p.value + 1 == candidate.value)
                {
                    run.points.push(candidate);
                }
            }
        }

        // The lead sentence of a run is the last sentence between the previous content and the
        // run's 一是: the start of the content for the first run, the heading sentence of the
        // previous run's last point for the others.
        let mut previous_content = start;
        for i in 0..runs.len() {
            let next_start = runs
                .get(i + 1)
                .and_then(|r| r.points.first())
                .map_or(end, |p| p.start);
            let Some(run) = runs.get_mut(i) else { break };
            let first_point = run.points.first().map_or(end, |p| p.start);
            run.lead = self.last_sentence_start(previous_content, first_point);
            if let Some(last) = run.points.last() {
                let heading_start = self.skip_space(last.end, next_start);
                previous_content = self.sentence_end(heading_start, next_start);
            }
        }
        runs
    }

    /// The points of one run, the last one ending at `end`, numbered under `parent`.
    fn points(&self, markers: &[Marker], end: usize, parent: &[u32]) -> Vec<Section> {
        markers
            .iter()
            .enumerate()
            .map(|(i, marker)| {
                let point_end = markers.get(i + 1).map_or(end, |m| m.start);
                let heading_start = self.skip_space(marker.end, point_end);
                let heading_end = self.sentence_end(heading_start, point_end);
                Section {
                    kind: SectionKind::Point,
                    number: SectionNumber(child(parent, i)),
                    marker: self.text(marker.start, heading_start),
                    heading: self.text(heading_start, heading_end),
                    body: self.text(heading_end, point_end),
                    children: Vec::new(),
                }
            })
            .collect()
    }
}

/// The 1-based section number of the sibling at 0-based `index`.
fn index_number(index: usize) -> u32 {
    u32::try_from(index).map_or(u32::MAX, |i| i.saturating_add(1))
}

/// The number of the child at 0-based `index` under `parent`.
fn child(parent: &[u32], index: usize) -> Vec<u32> {
    let mut number = parent.to_vec();
    number.push(index_number(index));
    number
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clean::clean;

    /// Parses `body`, checking that the model holds exactly the cleaned body.
    fn parse_ok(body: &str) -> Report {
        let report = parse_body(body).expect("a non-empty body parses");
        assert_eq!(report.shown_text(), clean(body), "partition of {body:?}");
        report
    }

    /// (number, kind, marker, heading, body) of every section, depth first.
    fn outline(report: &Report) -> Vec<(String, SectionKind, &str, &str, &str)> {
        report
            .sections()
            .into_iter()
            .map(|s| {
                (
                    s.number.to_string(),
                    s.kind,
                    s.marker.as_str(),
                    s.heading.as_str(),
                    s.body.as_str(),
                )
            })
            .collect()
    }

    use SectionKind::{Part, Point, Subsection, Theme};

    #[test]
    fn parses_two_parts_with_themes() {
        let report = parse_ok(
            "2023 年某镇政府工作报告 各位代表: 现在,我代表镇政府报告工作。 \
             一、过去一年工作回顾 2023 年是关键一年。今年来,我们抓 发展。一是 项目建设加快。\
             完成投资 5 亿元。二是招商有力。引进企业 3 家。 今年来,我们抓民生。一是 就业稳定。\
             二是教育进步。新建学校 1 所。 二、2024 年工作安排 总体要求是稳中求进。我们将抓产业。\
             一是壮大工业。二是发展农业。",
        );
        assert_eq!(report.title, "2023年某镇政府工作报告");
        assert_eq!(report.salutation.as_deref(), Some("各位代表："));
        assert_eq!(report.opening, "现在，我代表镇政府报告工作。");
        assert_eq!(
            outline(&report),
            vec![
                (
                    "1".into(),
                    Part,
                    "一、",
                    "过去一年工作回顾",
                    "2023年是关键一年。"
                ),
                ("1.1".into(), Theme, "", "今年来，我们抓发展。", ""),
                (
                    "1.1.1".into(),
                    Point,
                    "一是",
                    "项目建设加快。",
                    "完成投资5亿元。"
                ),
                ("1.1.2".into(), Point, "二是", "招商有力。", "引进企业3家。"),
                ("1.2".into(), Theme, "", "今年来，我们抓民生。", ""),
                ("1.2.1".into(), Point, "一是", "就业稳定。", ""),
                ("1.2.2".into(), Point, "二是", "教育进步。", "新建学校1所。"),
                (
                    "2".into(),
                    Part,
                    "二、",
                    "2024年工作安排",
                    "总体要求是稳中求进。"
                ),
                ("2.1".into(), Theme, "", "我们将抓产业。", ""),
                ("2.1.1".into(), Point, "一是", "壮大工业。", ""),
                ("2.1.2".into(), Point, "二是", "发展农业。", ""),
            ]
        );
        assert!(!report.truncated);
    }

    #[test]
    fn parses_subsections_holding_points() {
        let report = parse_ok(
            "明年工作安排 一、主要任务 总的来看任务很重。 （一）抓经济 一是稳增长。多措并举。\
             二是调结构。 (二)惠民生 一是办实事。二是解难题。三是保稳定。",
        );
        assert_eq!(report.title, "明年工作安排");
        assert_eq!(report.salutation, None);
        assert_eq!(report.opening, "");
        assert_eq!(
            outline(&report),
            vec![
                ("1".into(), Part, "一、", "主要任务", "总的来看任务很重。"),
                ("1.1".into(), Subsection, "（一）", "抓经济", ""),
                ("1.1.1".into(), Point, "一是", "稳增长。", "多措并举。"),
                ("1.1.2".into(), Point, "二是", "调结构。", ""),
                ("1.2".into(), Subsection, "（二）", "惠民生", ""),
                ("1.2.1".into(), Point, "一是", "办实事。", ""),
                ("1.2.2".into(), Point, "二是", "解难题。", ""),
                ("1.2.3".into(), Point, "三是", "保稳定。", ""),
            ]
        );
    }

    #[test]
    fn points_right_after_a_heading_are_direct_children() {
        let report = parse_ok("报告 一、工作回顾 一是 甲事完成。乙事也完成。二是丙事完成。");
        assert_eq!(
            outline(&report),
            vec![
                ("1".into(), Part, "一、", "工作回顾", ""),
                ("1.1".into(), Point, "一是", "甲事完成。", "乙事也完成。"),
                ("1.2".into(), Point, "二是", "丙事完成。", ""),
            ]
        );
    }

    #[test]
    fn a_part_without_points_is_all_body() {
        let report = parse_ok("报告 一、工作回顾 今年做了很多工作。成效明显。");
        assert_eq!(
            outline(&report),
            vec![(
                "1".into(),
                Part,
                "一、",
                "工作回顾",
                "今年做了很多工作。成效明显。"
            )]
        );
    }

    #[test]
    fn words_that_contain_markers_are_not_markers() {
        let report = parse_ok(
            "报告 各位代表: 学习二十届二中、三中全会精神,推动胡关、云际联建,思想统 一是基础。 \
             一、回顾 全镇上下统一是关键。坚持统一是原则。 三、不是第三部分 二十、也不是。",
        );
        assert_eq!(
            report.opening,
            "学习二十届二中、三中全会精神，推动胡关、云际联建，思想统一是基础。"
        );
        assert_eq!(
            outline(&report),
            vec![(
                "1".into(),
                Part,
                "一、",
                "回顾",
                "全镇上下统一是关键。坚持统一是原则。三、不是第三部分二十、也不是。"
            )]
        );
    }

    #[test]
    fn a_part_marker_out_of_sequence_is_text() {
        let report = parse_ok("报告 二、这不是第一部分。");
        assert!(report.sections.is_empty());
        assert_eq!(report.opening, "二、这不是第一部分。");
    }

    #[test]
    fn number_padding_does_not_end_a_heading() {
        let report = parse_ok("报告 一、2024 年工作回顾 正文内容。");
        let part = &report.sections[0];
        assert_eq!(part.heading, "2024年工作回顾");
        assert_eq!(part.body, "正文内容。");
    }

    #[test]
    fn a_heading_ends_at_its_sentence_end() {
        let report = parse_ok("报告 一、总体要求。要稳中求进。");
        let part = &report.sections[0];
        assert_eq!(part.heading, "总体要求。");
        assert_eq!(part.body, "要稳中求进。");
    }

    #[test]
    fn an_empty_body_is_an_error() {
        let error = parse_body("").unwrap_err();
        assert_eq!(error.kind, ParseErrorKind::EmptyBody);
        assert_eq!(error.position_chars, 0);
        let error = parse_body(" \u{3000}\t ").unwrap_err();
        assert_eq!(error.position_chars, 4);
        assert!(error.to_string().contains("empty"));
        assert!(error.to_string().contains("character 4"));
    }

    #[test]
    fn a_file_without_a_body_is_an_error_positioned_in_characters() {
        let error = parse("\n\u{3000}\n  \n").unwrap_err();
        assert_eq!(error.kind, ParseErrorKind::EmptyBody);
        assert_eq!(error.position_chars, 6);
    }

    #[test]
    fn parse_reads_the_last_line_of_a_scraped_file() {
        let report = parse("购物车\n我的足迹\n报告 一、回顾 正文。").expect("parses");
        assert_eq!(report.title, "报告");
        assert_eq!(report.sections.len(), 1);
        assert!(!report.shown_text().contains("购物车"));
    }

    #[test]
    fn a_body_without_parts_is_all_opening() {
        let report = parse_ok("报告 各位代表： 今年工作很好。一是甲。二是乙。");
        assert_eq!(report.title, "报告");
        assert_eq!(report.salutation.as_deref(), Some("各位代表："));
        assert_eq!(report.opening, "今年工作很好。一是甲。二是乙。");
        assert!(report.sections.is_empty());
    }

    #[test]
    fn a_long_text_before_the_first_colon_is_not_a_salutation() {
        let report = parse_ok("报告 今年以来我们完成的主要工作有以下几项: 修路。");
        assert_eq!(report.salutation, None);
        assert_eq!(
            report.opening,
            "今年以来我们完成的主要工作有以下几项：修路。"
        );
        let report = parse_ok("报告 好。各位: 修路。");
        assert_eq!(report.salutation, None);
    }

    #[test]
    fn truncated_only_when_the_text_stops_mid_sentence() {
        assert!(!parse_ok("报告 正文结束。").truncated);
        assert!(!parse_ok("报告 他说“结束了。”").truncated);
        assert!(!parse_ok("报告 真的吗?").truncated);
        assert!(parse_ok("报告 落实包案化解,今年共").truncated);
        assert!(parse_ok("报告").truncated);
    }

    #[test]
    fn a_lead_sentence_keeps_the_closing_quote_of_the_sentence_before() {
        let report = parse_ok(
            "报告 一、回顾 一是 修路。照亮“最后一米路”。 今年来,我们抓民生。一是办实事。他说“好。”\
             今年来,我们抓安全。一是防溺水。",
        );
        assert_eq!(
            outline(&report),
            vec![
                ("1".into(), Part, "一、", "回顾", ""),
                ("1.1".into(), Point, "一是", "修路。", "照亮“最后一米路”。"),
                ("1.2".into(), Theme, "", "今年来，我们抓民生。", ""),
                ("1.2.1".into(), Point, "一是", "办实事。", "他说“好。”"),
                ("1.3".into(), Theme, "", "今年来，我们抓安全。", ""),
                ("1.3.1".into(), Point, "一是", "防溺水。", ""),
            ]
        );
    }

    #[test]
    fn points_may_follow_a_semicolon_or_a_colon() {
        let report = parse_ok("报告 一、回顾 主要做法: 一是修路;二是架桥。");
        assert_eq!(
            outline(&report),
            vec![
                ("1".into(), Part, "一、", "回顾", ""),
                ("1.1".into(), Theme, "", "主要做法：", ""),
                ("1.1.1".into(), Point, "一是", "修路；", ""),
                ("1.1.2".into(), Point, "二是", "架桥。", ""),
            ]
        );
    }

    #[test]
    fn a_point_without_a_sentence_end_is_all_heading() {
        let report = parse_ok("报告 一、回顾 一是修路");
        let point = &report.sections[0].children[0];
        assert_eq!(point.heading, "修路");
        assert_eq!(point.body, "");
        assert!(report.truncated);
    }

    #[test]
    fn point_numerals_out_of_sequence_are_text() {
        let report = parse_ok("报告 一、回顾 一是修路。三是架桥。二是通水。");
        let points = &report.sections[0].children;
        assert_eq!(points.len(), 2);
        assert_eq!(points[0].body, "三是架桥。");
        assert_eq!(points[1].marker, "二是");
    }

    #[test]
    fn large_numerals_are_read() {
        assert_eq!(numeral("十、"), Some((10, 3)));
        assert_eq!(numeral("十一、"), Some((11, 6)));
        assert_eq!(numeral("二十、"), Some((20, 6)));
        assert_eq!(numeral("九十九是"), Some((99, 9)));
        assert_eq!(numeral("十十、"), None);
        assert_eq!(numeral("一二、"), None);
        assert_eq!(numeral("届"), None);
    }

    #[test]
    fn eleven_parts_are_numbered_in_sequence() {
        let numerals = [
            "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一",
        ];
        let body: String = numerals
            .iter()
            .map(|n| format!(" {n}、第{n}部分 内容。"))
            .collect();
        let report = parse_ok(&format!("报告{body}"));
        assert_eq!(report.sections.len(), 11);
        assert_eq!(report.sections[10].marker, "十一、");
        assert_eq!(report.sections[10].number, SectionNumber(vec![11]));
    }

    #[test]
    fn a_body_without_spaces_still_parses() {
        let report = parse_ok("各位代表：今年工作很好。一、回顾。一是甲。");
        assert_eq!(report.title, "各位代表：今年工作很好。");
        assert_eq!(report.sections.len(), 1);
    }

    /// A small deterministic generator, so that the fuzz-like test needs no dependency.
    fn pseudo_random(seed: &mut u64) -> usize {
        *seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(*seed >> 33).unwrap_or(0)
    }

    #[test]
    fn any_text_parses_into_exactly_its_cleaned_self() {
        let alphabet = [
            "一",
            "二",
            "三",
            "十",
            "是",
            "、",
            "。",
            "；",
            "：",
            ":",
            "（",
            "）",
            "(",
            ")",
            "”",
            "“",
            " ",
            "  ",
            "\n",
            "1",
            "2",
            "a",
            "b",
            ",",
            "!",
            "?",
            "今年来",
            "我们",
            "工作",
            "e\u{301}",
            "\u{3000}",
        ];
        let mut seed = 42;
        for _ in 0..3000 {
            let len = pseudo_random(&mut seed) % 40;
            let body: String = (0..len)
                .map(|_| alphabet[pseudo_random(&mut seed) % alphabet.len()])
                .collect();
            match parse_body(&body) {
                Ok(report) => assert_eq!(report.shown_text(), clean(&body), "{body:?}"),
                Err(error) => {
                    assert!(body.trim().is_empty(), "{body:?}: {error}");
                }
            }
        }
    }
}
