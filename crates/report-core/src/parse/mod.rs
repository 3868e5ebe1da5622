//! Outline parsing: turns a report's text into a [`Report`]: front matter (title, meeting,
//! speaker), salutation, opening, parts with their subsections, items, themes and points, and
//! annexes. The accepted format is documented on [`parse_body`]; [`prepare`](input::prepare)
//! documents how a file becomes a body (page chrome, paragraphs), and [`warnings`] what the
//! importer reports.

pub mod input;
pub mod lines;
pub mod warnings;

use std::fmt;

use super::clean::{is_blank, is_boundary_space, Cleaned};
use super::figures::read_chinese;
use super::model::{FrontItem, FrontKind, Report, Section, SectionKind, SectionNumber};

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

/// A parsed file: the report, what was left out as page chrome, and what a person should check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub report: Report,
    /// Lines of the site's page chrome that are not part of the report.
    pub dropped: Vec<String>,
    pub warnings: Vec<warnings::Warning>,
}

/// Parses a whole file's text: page chrome left out, paragraphs found (see
/// [`input::prepare`]), then the outline (see [`parse_body`]), then the checks of
/// [`warnings::check`].
pub fn import(source: &str) -> Result<Parsed, ParseError> {
    let prepared = input::prepare(source);
    if prepared.body.chars().all(is_blank) {
        return Err(ParseError {
            kind: ParseErrorKind::EmptyBody,
            position_chars: source.chars().count(),
        });
    }
    let report = parse_body(&prepared.body)?;
    let warnings = warnings::check(&report, &prepared.dropped);
    Ok(Parsed {
        report,
        dropped: prepared.dropped,
        warnings,
    })
}

/// Parses a whole file's text into its report (see [`import`]).
pub fn parse(source: &str) -> Result<Report, ParseError> {
    import(source).map(|p| p.report)
}

/// Parses the body of a work report into its outline.
///
/// # Accepted input
///
/// The body is either **one line** (text extracted from a PDF, whose line breaks became spaces,
/// often in the middle of a word, with numbers padded by spaces: "2024 年"), or **paragraphs**
/// separated by `\n` (see [`input::prepare`]). Every character of the input lands in exactly
/// one string of the result (paragraph breaks as `\n` inside strings), so
/// [`Report::shown_text`] equals the cleaned body, paragraph breaks between strings aside.
///
/// - A **heading ends** at the end of its paragraph, at its first sentence end `。！？` (with
///   closing quotes), or — in a one-line body — at the first **boundary space**: a whitespace
///   run whose left neighbour is not an ASCII digit (a PDF line break; a space after a digit is
///   number padding, "2024 年").
/// - **Front matter** (one line: the title only): the paragraphs above the salutation, or above
///   the first part when there is none. The title is the paragraph naming a report (报告, before
///   any meeting words: "某县政府工作报告——在…大会上" is a title, "在…会议上的报告" is not), not
///   an issuing notice (关于印发…), with the short lines right above it that end no sentence
///   (a title split over lines); with no such paragraph, the first paragraph when it is short.
///   `——…` lines and lines naming a meeting (会议上, 大会上, or 会议 / 大会 with 在 or a date)
///   are the meeting line; the short lines after it the speaker; lines of an issuing notice
///   (关于印发, 通知, `〔2024〕`, 印发给你们) the notice; anything else other. **A title is never
///   a meeting line, a notice or a salutation** (a line ending in `：` or starting with 各位):
///   a text that starts with either has no title. In a one-line body the title runs from the
///   start to the first boundary space or sentence end, unless those first words hold the
///   salutation (then there is no title) or are a meeting line or a notice (then they are
///   that).
/// - **Salutation**: a short text ending in `：`/`:` (not between digits), with no sentence
///   punctuation, at most 16 characters, or 30 when it addresses 代表 / 委员 / 同志 ("尊敬的各位
///   代表、各位政协委员、列席的同志们："), right after the front matter and before the first
///   part: "各位代表：". In a one-line body it runs to the first colon after the title.
/// - **Opening**: the text between the salutation (or front matter) and the first part.
/// - **Numbered blocks**, each style in sequence from 1 (one out of sequence is ordinary
///   text, so "二十届二中、三中全会" is no part):
///   - `一、` … `九十九、` parts; `（一）` / `(一)` subsections; `1.` / `1．` / `1、` items (not
///     `1.5`); `（1）` / `(1)` sub-items;
///   - where: at the start of a paragraph; in a one-line body also right after whitespace or
///     after `。！？；` (optionally followed by a closing quote);
///   - `1.` followed by a digit ("14.2025年10件民生实事", "8.6个重大科技专项") is an item only
///     in a body of paragraphs, only as the next number after an item (13 → 14), and only
///     when the numbering goes on after it (a `15.` follows) or its text starts with a year
///     (`2025年`); anywhere else it is a decimal number ("8.6个…" after item 3 is text);
///   - nesting: a part's children are the first of the styles `（一）`, `1.`, `（1）` that
///     occurs in it, in sequence, and so on down; text of a block before its first child is
///     the block's own body. Top-level blocks are the first style found among `一、`,
///     **parts without a number** (below), `（一）`, `1.` (so a text numbered only `（一）`…
///     still has parts).
/// - **Parts without a number** (paragraphs only, when there is no `一、` part): a **heading
///   line** is a paragraph of 2 to 24 characters, two of them Chinese at least, with no
///   punctuation of a sentence or clause (`。！？；：，…`), not starting with a marker, a
///   point, `——` or `附件` ("2024年工作回顾", "2025年工作安排建议", "加强政府自身建设"; see
///   [`lines::is_unnumbered_heading`]). After the salutation, followed by text, not inside a
///   numbered run (between `（k）` and `（k+1）`, `k.` and `k+1.`) and not right after another
///   heading line, it is a part with an empty marker — when there are two such lines or more:
///   then the review and the plan are two parts, and each part's `（一）`… start again from 1
///   under it. One short line alone is text.
/// - **Annexes** (paragraphs only): a paragraph starting with `附件` after the opening ends the
///   report's parts; each starts an annex (`附件1`, `附件2 名词解释`) whose items are numbered
///   blocks of any style, numbered apart (`annex-2-1`). An annex marker alone on its line takes
///   the next line as its heading when that is a short line that ends no clause ("附件1" /
///   "2025年省十件民生实事"). A **glossary heading** without `附件` (a paragraph `名词解释`,
///   `名词注释`, `附：名词解释`) in the second half of the paragraphs, followed by an item
///   numbered 1, is an annex too, with an empty marker.
/// - **Headings cut to their lead** (see [`lines::cut_long_heading`]): an item of an annex
///   (a glossary entry) has its term as heading, up to its first `：` when that comes within
///   40 characters ("“两重”：" — the definition is its body); any heading (of a block, point or
///   theme) longer than 60 characters is cut after its first `：`/`；`, else after its first
///   `，` (leaving at least 7 characters, 13 for a theme's lead sentence), else after the last
///   `，`/`、` within 60 characters. The rest of the paragraph is the section's body: heading and
///   body are consecutive pieces of the text, so the shown text is unchanged.
/// - **Points**: `一是`, `二是`, … in sequence, at the start of a block's own text or right
///   after `。！？；` or `：` (optionally followed by a closing quote and whitespace), so the
///   "一是" in "统一是" is not a point. Each `一是` starts a new run. A point's heading is its
///   first sentence (all of its text if it has none); its body runs to the next point, theme
///   or block.
/// - **Themes**: when a sentence stands between the start of the block's text (or the heading
///   sentence of the previous run's last point) and the `一是` of a run, the sentence right
///   before that `一是` leads a theme: its heading is that sentence, and its children are the
///   points of the run. A run with no sentence before it, or whose sentence before it states a
///   figure (a heading carries none), gives points that are direct children.
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
    if body.chars().all(is_blank) {
        return Err(ParseError {
            kind: ParseErrorKind::EmptyBody,
            position_chars: body.chars().count(),
        });
    }
    let lines = body.contains('\n');
    let cleaned = if lines {
        Cleaned::with_breaks(body)
    } else {
        Cleaned::new(body)
    };
    let mut starts = Vec::new();
    if lines {
        let skip = |at: usize| {
            body.get(at..).map_or(at, |rest| {
                at + rest.len() - rest.trim_start_matches(is_blank).len()
            })
        };
        starts.push(skip(0));
        starts.extend(body.match_indices('\n').map(|(i, _)| skip(i)));
        starts.dedup();
    }
    let parser = Parser {
        raw: body,
        cleaned: &cleaned,
        lines,
        starts,
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

/// Whether `c` may be part of a marker's numeral: 一 … 九 or 十 (markers use no 零, 两 or 百).
fn is_marker_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// Reads a Chinese numeral from 1 to 99 at the start of `s`: its value and its length in bytes.
/// The numeral is the run of (at most three) [`is_marker_numeral`] characters there, read whole
/// by the core's numeral reader ([`read_chinese`]): "十" 10, "十二" 12, "二十" 20, "九十九" 99;
/// a run it does not read to its end ("一二", "十十", "十二三") is no numeral.
fn numeral(s: &str) -> Option<(u32, usize)> {
    let taken: Vec<char> = s
        .chars()
        .take_while(|&c| is_marker_numeral(c))
        .take(3)
        .collect();
    let (value, end) = read_chinese(&taken, 0).ok()?;
    if end != taken.len() {
        return None;
    }
    let value = u32::try_from(value).ok().filter(|v| (1..=99).contains(v))?;
    Some((value, taken.iter().map(|c| c.len_utf8()).sum()))
}

/// Reads 1 to 2 ASCII digits (1 … 99) at the start of `s`: value and length in bytes.
fn arabic(s: &str) -> Option<(u32, usize)> {
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > 2 || s.starts_with('0') {
        return None;
    }
    Some((s.get(..len)?.parse().ok()?, len))
}

/// The numbered marker a paragraph starts with (leading whitespace skipped): its style and
/// value. A `1.` followed by a digit ("8.6个") is none: it reads as a number.
fn leading_marker(paragraph: &str) -> Option<(Style, u32)> {
    let s = paragraph.trim_start_matches(is_blank);
    if let Some((value, len)) = numeral(s) {
        return s
            .get(len..)?
            .starts_with('、')
            .then_some((Style::CnComma, value));
    }
    if let Some(inner) = s.strip_prefix(['（', '(']) {
        let (style, (value, len)) = match numeral(inner) {
            Some(found) => (Style::CnParen, found),
            None => (Style::ArabicParen, arabic(inner)?),
        };
        return inner
            .get(len..)?
            .starts_with(['）', ')'])
            .then_some((style, value));
    }
    let (value, len) = arabic(s)?;
    let after = s.get(len..)?.strip_prefix(['.', '．', '、'])?;
    (!after.starts_with(|c: char| c.is_ascii_digit())).then_some((Style::ArabicDot, value))
}

/// The numbering styles of blocks, outermost first as they usually nest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `一、`
    CnComma,
    /// `（一）`, `(一)`
    CnParen,
    /// `1.`, `1．`, `1、`
    ArabicDot,
    /// `（1）`, `(1)`
    ArabicParen,
}

/// A numbered marker found in the raw text: bytes `start..end`, with its numeral's value.
#[derive(Debug, Clone, Copy)]
struct Marker {
    start: usize,
    end: usize,
    value: u32,
    /// A `1.` marker whose text starts with a digit ("14.2025年", "8.6个"): an item only in
    /// sequence (see [`Parser::markers`]).
    numeric: bool,
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
    /// Whether the body is paragraphs separated by `\n` (otherwise one line).
    lines: bool,
    /// Where each paragraph's text starts (after its indentation), in order: in a body of
    /// paragraphs, the only places a numbered block may start.
    starts: Vec<usize>,
}

impl Parser<'_> {
    fn report(&self) -> Report {
        let end = self.raw.len();
        let annex_markers = self.annex_markers(end);
        let annex_start = annex_markers.first().map_or(end, |m| m.start);
        let numbered = self.markers(Style::CnComma, 0, annex_start);
        let unnumbered = if numbered.is_empty() {
            self.unnumbered_parts(annex_start)
        } else {
            Vec::new()
        };
        let (top_style, parts) = if !numbered.is_empty() {
            (Style::CnComma, numbered)
        } else if !unnumbered.is_empty() {
            (Style::CnComma, unnumbered)
        } else {
            [Style::CnParen, Style::ArabicDot]
                .into_iter()
                .map(|style| (style, self.markers(style, 0, annex_start)))
                .find(|(_, m)| !m.is_empty())
                .unwrap_or((Style::CnComma, Vec::new()))
        };
        let first_part = parts.first().map_or(annex_start, |m| m.start);

        let (front, salutation_range, opening_start) = if self.lines {
            self.front_paragraphs(first_part)
        } else {
            // A text whose first words are its salutation has no title.
            let first_words = self.title_end(first_part);
            let starts_with_salutation = self.salutation_end(0, first_part).is_some()
                && self.raw.get(..first_words).and_then(colon_in).is_some();
            let title_end = if starts_with_salutation {
                0
            } else {
                first_words
            };
            let salutation_end = self.salutation_end(title_end, first_part);
            let title: String = self
                .text(0, title_end)
                .chars()
                .filter(|c| !is_blank(*c))
                .collect();
            // The first words are the title unless they are a meeting line or a notice.
            let kind = match classify_front(&[title]).first() {
                Some(kind @ (FrontKind::Meeting | FrontKind::Notice)) => *kind,
                _ => FrontKind::Title,
            };
            let front = if title_end == 0 {
                Vec::new()
            } else {
                vec![FrontItem {
                    kind,
                    text: self.text(0, title_end),
                }]
            };
            let salutation = salutation_end.map(|e| (title_end, e));
            (front, salutation, salutation_end.unwrap_or(title_end))
        };

        let child_styles = styles_after(top_style);
        let mut sections = Vec::new();
        for (i, marker) in parts.iter().enumerate() {
            let part_end = parts.get(i + 1).map_or(annex_start, |m| m.start);
            let number = vec![index_number(i)];
            sections.push(self.block(SectionKind::Part, *marker, part_end, number, child_styles));
        }
        let mut annexes = Vec::new();
        for (i, marker) in annex_markers.iter().enumerate() {
            let annex_end = annex_markers.get(i + 1).map_or(end, |m| m.start);
            let number = vec![0, index_number(i)];
            annexes.push(self.block(SectionKind::Annex, *marker, annex_end, number, ALL_STYLES));
        }

        let text = self.cleaned.text();
        let unquoted = text.trim_end_matches(is_closing_quote);
        let title: String = front
            .iter()
            .filter(|f| f.kind == FrontKind::Title)
            .flat_map(|f| f.text.chars())
            .filter(|c| !is_blank(*c))
            .collect();
        Report {
            title,
            front,
            salutation: salutation_range.map(|(s, e)| self.text(s, e)),
            opening: self.text(opening_start, first_part),
            sections,
            annexes,
            truncated: !unquoted.chars().next_back().is_some_and(ends_sentence),
        }
    }

    /// The cleaned text of the raw byte range `start..end`, without paragraph breaks at its
    /// ends (they separate it from its neighbours).
    fn text(&self, start: usize, end: usize) -> String {
        self.cleaned.slice(start, end).trim_matches('\n').to_owned()
    }

    fn char_at(&self, at: usize) -> Option<char> {
        self.raw.get(at..).and_then(|rest| rest.chars().next())
    }

    /// The position after the whitespace starting at `at`, at most `limit`.
    fn skip_space(&self, at: usize, limit: usize) -> usize {
        match self.raw.get(at..limit) {
            Some(rest) => at + (rest.len() - rest.trim_start_matches(is_blank).len()),
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
        head.trim_end_matches(is_blank)
            .trim_end_matches(is_closing_quote)
            .chars()
            .next_back()
            .is_some_and(accepts)
    }

    /// Whether `at` starts a paragraph: the start of the body, or after a `\n` (and the
    /// indentation after it).
    fn at_paragraph_start(&self, at: usize) -> bool {
        let head = self.raw.get(..at).unwrap_or("");
        let head = head.trim_end_matches(|c: char| is_blank(c) && c != '\n');
        head.is_empty() || head.ends_with('\n')
    }

    /// Whether a numbered block may start at `at`: at the start of a paragraph; in a one-line
    /// body also right after whitespace or after the end of a sentence or clause.
    fn at_heading_start(&self, at: usize) -> bool {
        if self.lines {
            return self.at_paragraph_start(at);
        }
        let before = self.raw.get(..at).and_then(|h| h.chars().next_back());
        match before {
            None => true,
            Some(c) if is_blank(c) => true,
            Some(_) => self.follows(at, ends_clause),
        }
    }

    /// The parts without a number of a body of paragraphs, before `limit`: heading lines (see
    /// [`lines::is_unnumbered_heading`]) after the salutation (or the front matter), each
    /// followed by text, that do not stand inside a numbered run (between `（k）` and
    /// `（k+1）`, `k.` and `k+1.`, `（k）` and `（k+1）` of sub-items), and not right after another
    /// such line. They are parts only when there are two or more of them: one short line alone
    /// is a line of text.
    fn unnumbered_parts(&self, limit: usize) -> Vec<Marker> {
        if !self.lines {
            return Vec::new();
        }
        let paragraphs = self.paragraphs(limit);
        let (_, _, opening_start) = self.front_paragraphs(limit);
        // Every numbered marker at a paragraph start, by style: (start, value).
        let runs: Vec<Vec<(usize, u32)>> = [Style::CnParen, Style::ArabicDot, Style::ArabicParen]
            .into_iter()
            .map(|style| {
                paragraphs
                    .iter()
                    .filter_map(|&(s, _)| self.marker_at(style, s, limit))
                    .filter(|m| !m.numeric)
                    .map(|m| (m.start, m.value))
                    .collect()
            })
            .collect();
        let inside_run = |at: usize| {
            runs.iter().any(|markers| {
                let after = markers.partition_point(|&(s, _)| s < at);
                let before = after.checked_sub(1).and_then(|i| markers.get(i));
                matches!((before, markers.get(after)), (Some(b), Some(n)) if b.1 + 1 == n.1)
            })
        };
        let mut parts: Vec<Marker> = Vec::new();
        let mut previous_was_part = false;
        for (i, &(s, e)) in paragraphs.iter().enumerate() {
            let accepted = s >= opening_start
                && i + 1 < paragraphs.len()
                && !previous_was_part
                && self.raw.get(s..e).is_some_and(lines::is_unnumbered_heading)
                && !inside_run(s);
            if accepted {
                parts.push(Marker {
                    start: s,
                    end: s,
                    value: index_number(parts.len()),
                    numeric: false,
                });
            }
            previous_was_part = accepted;
        }
        if parts.len() < 2 {
            parts.clear();
        }
        parts
    }

    /// The markers of `style` in sequence from 1 within `start..end`.
    fn markers(&self, style: Style, start: usize, end: usize) -> Vec<Marker> {
        let mut markers = Vec::new();
        let mut expected = 1;
        let Some(region) = self.raw.get(start..end) else {
            return markers;
        };
        // In a body of paragraphs only paragraph starts can hold a marker: look only there.
        let candidates: Box<dyn Iterator<Item = usize>> = if self.lines {
            let from = self.starts.partition_point(|&s| s < start);
            Box::new(
                self.starts[from..]
                    .iter()
                    .copied()
                    .take_while(move |&s| s < end),
            )
        } else {
            Box::new(region.char_indices().map(move |(offset, _)| start + offset))
        };
        let found: Vec<Marker> = candidates
            .filter(|&at| self.at_heading_start(at))
            .filter_map(|at| self.marker_at(style, at, end))
            .filter(|m| self.lines || !m.numeric)
            .collect();
        for (i, marker) in found.iter().enumerate() {
            if marker.value != expected {
                continue;
            }
            // "14.2025年…" after item 13 is item 14 when the numbering goes on after it (or its
            // text starts with a year); "8.6个…" anywhere else is a number.
            if marker.numeric {
                let goes_on = found[i + 1..]
                    .iter()
                    .any(|m| !m.numeric && m.value == expected + 1);
                let year = self.raw.get(marker.end..end).is_some_and(|rest| {
                    rest.len() > 4
                        && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit)
                        && rest[4..].starts_with('年')
                });
                if expected < 2 || !(goes_on || year) {
                    continue;
                }
            }
            markers.push(*marker);
            expected += 1;
        }
        markers
    }

    /// A marker of `style` starting at `at` (ending before `end`).
    fn marker_at(&self, style: Style, at: usize, end: usize) -> Option<Marker> {
        let rest = self.raw.get(at..end)?;
        let (value, len, after) = match style {
            Style::CnComma => {
                let (value, len) = numeral(rest)?;
                let after = rest.get(len..)?.strip_prefix('、')?;
                (value, len, after)
            }
            Style::CnParen | Style::ArabicParen => {
                let inner = rest.strip_prefix(['（', '('])?;
                let (value, len) = if style == Style::CnParen {
                    numeral(inner)?
                } else {
                    arabic(inner)?
                };
                let after = inner.get(len..)?.strip_prefix(['）', ')'])?;
                (value, len, after)
            }
            Style::ArabicDot => {
                let (value, len) = arabic(rest)?;
                let after = rest.get(len..)?.strip_prefix(['.', '．', '、'])?;
                (value, len, after)
            }
        };
        let _ = len;
        Some(Marker {
            start: at,
            end: end - after.len(),
            value,
            // "1.5亿元" may be a number, not an item (see `markers`).
            numeric: style == Style::ArabicDot && after.starts_with(|c: char| c.is_ascii_digit()),
        })
    }

    /// The annex markers: paragraphs starting with 附件 (paragraph bodies only), the first
    /// after the opening's first paragraph; and a glossary heading without 附件 (see
    /// [`lines::is_glossary_heading`]) in the second half of the paragraphs, followed by an item
    /// numbered 1 (`1.`, `（1）`, `一、`, `（一）`) and not right after an annex marker (附件 /
    /// 名词解释 on two lines is one annex). A glossary heading's marker is empty: the line is
    /// its heading.
    fn annex_markers(&self, end: usize) -> Vec<Marker> {
        if !self.lines {
            return Vec::new();
        }
        let mut markers: Vec<Marker> = Vec::new();
        for (i, &at) in self.starts.iter().enumerate() {
            if at == 0 || !self.at_paragraph_start(at) {
                continue;
            }
            let Some(rest) = self.raw.get(at..end) else {
                continue;
            };
            let line = rest.split('\n').next().unwrap_or("");
            if 2 * i >= self.starts.len() && lines::is_glossary_heading(line) {
                let next = self.starts.get(i + 1).copied().unwrap_or(end);
                let numbered_one = ALL_STYLES
                    .iter()
                    .filter_map(|style| self.marker_at(*style, next, end))
                    .any(|m| m.value == 1 && !m.numeric);
                let previous = i.checked_sub(1).and_then(|k| self.starts.get(k)).copied();
                let after_annex = markers.last().is_some_and(|m| Some(m.start) == previous);
                if numbered_one && !after_annex {
                    markers.push(Marker {
                        start: at,
                        end: at,
                        value: index_number(markers.len()),
                        numeric: false,
                    });
                }
                continue;
            }
            let Some(after) = rest.strip_prefix("附件") else {
                continue;
            };
            // 附件1, 附件一, 附件：, 附件 (then a title): the number belongs to the marker.
            let digits = after
                .char_indices()
                .find(|&(_, c)| !(c.is_ascii_digit() || is_marker_numeral(c)))
                .map_or(after.len(), |(i, _)| i);
            let mut marker_end = at + "附件".len() + digits;
            if let Some(c) = self.char_at(marker_end).filter(|c| matches!(c, '：' | ':')) {
                marker_end += c.len_utf8();
            }
            markers.push(Marker {
                start: at,
                end: marker_end,
                value: index_number(markers.len()),
                numeric: false,
            });
        }
        markers
    }

    /// The end of a heading that starts at `start`: its paragraph's end, its first sentence
    /// end, or (one-line body) its first boundary space; at most `limit`.
    fn heading_end(&self, start: usize, limit: usize) -> usize {
        let region = self.raw.get(start..limit).unwrap_or("");
        for (offset, c) in region.char_indices() {
            let at = start + offset;
            if self.lines && c == '\n' {
                return self.skip_space(at, limit);
            }
            if !self.lines && c.is_whitespace() && is_boundary_space(self.raw, at) {
                return self.skip_space(at, limit);
            }
            if ends_sentence(c) {
                return self.after_sentence_end(at, limit);
            }
        }
        limit
    }

    /// Where the heading `start..end` is cut to its lead (see [`lines::cut_long_heading`];
    /// `term`: an item of an annex, cut to its glossary term): `end` when it is kept whole.
    fn cut_heading(&self, start: usize, end: usize, term: bool) -> usize {
        self.cut_lead(start, end, term, 6)
    }

    /// [`Parser::cut_heading`] with the shortest lead a comma may end (see
    /// [`lines::cut_long_heading`]).
    fn cut_lead(&self, start: usize, end: usize, term: bool, min_lead: usize) -> usize {
        self.raw
            .get(start..end)
            .and_then(|heading| lines::cut_long_heading(heading, term, min_lead))
            .map_or(end, |cut| start + cut)
    }

    /// The end of the first sentence starting at `start` (the punctuation, closing quotes and
    /// whitespace after it included), or `limit` when there is no sentence end before it. A
    /// paragraph's end ends a sentence too.
    fn sentence_end(&self, start: usize, limit: usize) -> usize {
        let region = self.raw.get(start..limit).unwrap_or("");
        region
            .char_indices()
            .find(|&(_, c)| ends_sentence(c) || (self.lines && c == '\n'))
            .map_or(limit, |(offset, c)| {
                if c == '\n' {
                    self.skip_space(start + offset, limit)
                } else {
                    self.after_sentence_end(start + offset, limit)
                }
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
            if ends_sentence(c) || (self.lines && c == '\n') {
                let next = if c == '\n' {
                    self.skip_space(at, end)
                } else {
                    self.after_sentence_end(at, end)
                };
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

    /// The end of the title of a one-line body: the first boundary space or sentence end, at
    /// most `limit`.
    fn title_end(&self, limit: usize) -> usize {
        let start = self.skip_space(0, limit);
        self.heading_end(start, limit)
    }

    /// The end of the salutation ("各位代表：") of a one-line body starting at `start`.
    fn salutation_end(&self, start: usize, limit: usize) -> Option<usize> {
        let region = self.raw.get(start..limit)?;
        let colon = colon_in(region)?;
        let text = region.get(..colon)?;
        let length = text.chars().filter(|c| !is_blank(*c)).count() + 1;
        if length > 12 || text.chars().any(ends_clause) {
            return None;
        }
        let c = region.get(colon..)?.chars().next()?;
        Some(self.skip_space(start + colon + c.len_utf8(), limit))
    }

    /// The paragraphs of `0..end` as byte ranges (their text without the breaks).
    fn paragraphs(&self, end: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = self.skip_space(0, end);
        while start < end {
            let stop = self
                .raw
                .get(start..end)
                .and_then(|r| r.find('\n'))
                .map_or(end, |i| start + i);
            out.push((start, stop));
            start = self.skip_space(stop, end);
        }
        out
    }

    /// The front matter, salutation and opening start of a body of paragraphs, before `limit`
    /// (the first part): (front, salutation range, where the opening starts).
    fn front_paragraphs(&self, limit: usize) -> (Vec<FrontItem>, Option<(usize, usize)>, usize) {
        let paragraphs = self.paragraphs(limit);
        let solid = |(s, e): (usize, usize)| -> String {
            self.raw
                .get(s..e)
                .unwrap_or("")
                .chars()
                .filter(|c| !is_blank(*c))
                .collect()
        };
        let is_salutation = |p: (usize, usize)| is_salutation(&solid(p));
        let salutation = paragraphs.iter().take(20).position(|p| is_salutation(*p));
        // Without a salutation, the front is the short lines at the top before the first
        // sentence-ending paragraph.
        let front_len = salutation.unwrap_or_else(|| {
            paragraphs
                .iter()
                .position(|p| {
                    let t = solid(*p);
                    t.chars().count() > 40 || t.chars().any(ends_sentence)
                })
                .unwrap_or(paragraphs.len())
                .min(6)
        });
        let front_ranges = &paragraphs[..front_len];
        let texts: Vec<String> = front_ranges.iter().map(|p| solid(*p)).collect();
        let kinds = classify_front(&texts);
        let front = front_ranges
            .iter()
            .zip(kinds)
            .map(|(p, kind)| FrontItem {
                kind,
                text: self.text(p.0, p.1),
            })
            .collect();
        let salutation_range = salutation.and_then(|i| paragraphs.get(i)).copied();
        let opening_start = match (salutation_range, front_ranges.last()) {
            (Some((_, e)), _) => self.skip_space(e, limit),
            (None, Some(&(_, e))) => self.skip_space(e, limit),
            (None, None) => 0,
        };
        (front, salutation_range, opening_start)
    }

    /// A numbered block starting at `marker` and ending at `end`, with its children: blocks of
    /// the first of `styles` that occurs in it, then themes and points in its own text.
    fn block(
        &self,
        kind: SectionKind,
        marker: Marker,
        end: usize,
        number: Vec<u32>,
        styles: &[Style],
    ) -> Section {
        let mut heading_start = self.skip_space(marker.end, end);
        // A marker alone on its line ("附件") has no heading: the next paragraph is text;
        // except for an annex, whose title may stand on the next line ("附件1" / "十件实事").
        let alone = self.lines
            && self
                .raw
                .get(marker.end..heading_start)
                .is_some_and(|gap| gap.contains('\n'));
        let titled_annex = alone && kind == SectionKind::Annex && {
            let line = self.raw.get(heading_start..end).unwrap_or("");
            let line = line.split('\n').next().unwrap_or("");
            let solid = line.chars().filter(|c| !is_blank(*c)).count();
            (1..=lines::UNNUMBERED_MAX + 6).contains(&solid)
                && !line.chars().any(ends_clause)
                && !input::starts_with_marker(line)
        };
        if alone && !titled_annex {
            heading_start = marker.end;
        }
        let heading_end = if alone && !titled_annex {
            marker.end
        } else {
            let whole = self.heading_end(heading_start, end);
            let term = kind == SectionKind::Item && number.first() == Some(&0);
            self.cut_heading(heading_start, whole, term)
        };

        let found = styles.iter().enumerate().find_map(|(i, style)| {
            let markers = self.markers(*style, heading_end, end);
            (!markers.is_empty()).then_some((i, *style, markers))
        });
        let content_end = found
            .as_ref()
            .and_then(|(_, _, m)| m.first())
            .map_or(end, |m| m.start);
        let (body_end, mut children) = self.items(heading_end, content_end, &number);
        if let Some((i, style, markers)) = found {
            let child_kind = match style {
                Style::CnComma if kind == SectionKind::Annex => SectionKind::Item,
                Style::CnComma => SectionKind::Part,
                Style::CnParen => SectionKind::Subsection,
                Style::ArabicDot | Style::ArabicParen => SectionKind::Item,
            };
            let rest = &styles[i + 1..];
            for (k, sub) in markers.iter().enumerate() {
                let sub_end = markers.get(k + 1).map_or(end, |m| m.start);
                let child_number = child(&number, children.len());
                children.push(self.block(child_kind, *sub, sub_end, child_number, rest));
            }
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
                    || (self.lines && self.at_paragraph_start(at))
                    || self.follows(at, |c| ends_clause(c) || matches!(c, '：' | ':'))
            })
            .filter_map(|at| {
                let rest = self.raw.get(at..end)?;
                let (value, len) = numeral(rest)?;
                // "二是" of "十二是" is no point: the numeral is read whole.
                let after = rest.get(len..)?;
                after.starts_with('是').then_some(Marker {
                    start: at,
                    end: at + len + '是'.len_utf8(),
                    value,
                    numeric: false,
                })
            })
            .collect()
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
                    let lead_cut = self.cut_lead(lead, lead_end, false, 12);
                    children.push(Section {
                        kind: SectionKind::Theme,
                        number: SectionNumber(number),
                        marker: String::new(),
                        heading: self.text(lead, lead_cut),
                        body: self.text(lead_cut, lead_end),
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
            run.lead = self
                .last_sentence_start(previous_content, first_point)
                // A sentence that states figures is text, not a theme's heading: headings
                // carry no figures, so they would be lost ("地区生产总值增长6.3%，…。一是…").
                .filter(|&lead| {
                    self.raw
                        .get(lead..first_point)
                        .is_none_or(|sentence| crate::figures::recognise(sentence).is_empty())
                });
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
                let sentence_end = self.sentence_end(heading_start, point_end);
                let heading_end = self.cut_heading(heading_start, sentence_end, false);
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

/// Every block style, for an annex (whose items may use any).
const ALL_STYLES: &[Style] = &[
    Style::CnComma,
    Style::CnParen,
    Style::ArabicDot,
    Style::ArabicParen,
];

/// The styles that may number the children of blocks of `style`.
fn styles_after(style: Style) -> &'static [Style] {
    match style {
        Style::CnComma => &ALL_STYLES[1..],
        Style::CnParen => &ALL_STYLES[2..],
        Style::ArabicDot => &ALL_STYLES[3..],
        Style::ArabicParen => &[],
    }
}

/// Where the first colon of `s` is (a `：`, or a `:` not between two digits), in bytes.
fn colon_in(s: &str) -> Option<usize> {
    let mut previous = None;
    let mut chars = s.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let between_digits = previous.is_some_and(|p: char| p.is_ascii_digit())
            && next.is_some_and(|n| n.is_ascii_digit());
        if c == '：' || (c == ':' && !between_digits) {
            return Some(offset);
        }
        previous = Some(c);
    }
    None
}

/// Whether a paragraph (whitespace-free) is a salutation: ending in `：`/`:`, without sentence
/// or clause punctuation, at most 16 characters ("各位代表：", "同志们：") or at most 30 when it
/// addresses deputies, members or comrades ("尊敬的各位代表、各位政协委员、列席的同志们：").
fn is_salutation(t: &str) -> bool {
    let n = t.chars().count();
    let addresses = ["代表", "委员", "同志"].iter().any(|w| t.contains(w));
    ((2..=16).contains(&n) || (addresses && n <= 30))
        && (t.ends_with('：') || t.ends_with(':'))
        && !t.chars().any(ends_clause)
}

/// What each line of the front matter is (see [`parse_body`]): lines given whitespace-free.
///
/// A title is never a meeting line (`——…`, or naming a meeting, 会议 / 大会, with a date or
/// 在), a notice or a salutation (a line ending in `：`).
fn classify_front(lines: &[String]) -> Vec<FrontKind> {
    let is_notice = |t: &str| {
        t.starts_with("关于印发")
            || t.contains('〔')
            || t.contains("印发给你们")
            || (t.ends_with("通知") && t.starts_with("关于"))
    };
    let is_meeting = |t: &str| {
        t.starts_with("——")
            || t.starts_with("--")
            || t.contains("会议上")
            || t.contains("大会上")
            || ((t.contains("会议") || t.contains("大会"))
                && (t.contains('在') || (t.contains('年') && t.contains('月'))))
    };
    let addresses = |t: &str| t.ends_with('：') || t.ends_with(':') || t.starts_with("各位");
    // A line naming the report, where the name comes before any meeting words ("政府工作报告
    // ——在…会议上" is the title; "在…会议上的报告" is not).
    let names_report = |t: &str| {
        let report = t.find("报告");
        let meeting = ["——", "--", "会议", "大会", "在"]
            .iter()
            .filter_map(|w| t.find(w))
            .min();
        report.is_some_and(|r| meeting.is_none_or(|m| r < m) || !is_meeting(t))
            && !is_notice(t)
            && !t.starts_with("——")
            && !addresses(t)
    };
    let mut kinds = vec![FrontKind::Other; lines.len()];
    let title = lines.iter().position(|t| names_report(t)).or_else(|| {
        lines
            .first()
            .filter(|t| t.chars().count() <= 60 && !is_notice(t) && !is_meeting(t) && !addresses(t))
            .map(|_| 0)
    });
    if let Some(t) = title {
        kinds[t] = FrontKind::Title;
        // A title split over lines: the short lines right above it that end no sentence.
        let mut k = t;
        while k > 0 {
            let above = &lines[k - 1];
            if above.chars().count() <= 20
                && !above.chars().any(ends_clause)
                && !is_notice(above)
                && !is_meeting(above)
            {
                kinds[k - 1] = FrontKind::Title;
                k -= 1;
            } else {
                break;
            }
        }
    }
    let mut after_meeting = false;
    for (i, t) in lines.iter().enumerate() {
        if kinds[i] == FrontKind::Title {
            continue;
        }
        if is_meeting(t) {
            kinds[i] = FrontKind::Meeting;
            after_meeting = true;
        } else if is_notice(t) {
            kinds[i] = FrontKind::Notice;
        } else if after_meeting && t.chars().count() <= 20 {
            kinds[i] = FrontKind::Speaker;
        } else if title.is_some_and(|ti| i > ti)
            && t.chars().count() <= 20
            && [
                "总理", "省长", "市长", "县长", "区长", "镇长", "乡长", "主席", "主任",
            ]
            .iter()
            .any(|w| t.contains(w))
        {
            kinds[i] = FrontKind::Speaker;
            after_meeting = true;
        }
    }
    kinds
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
    use crate::clean::clean;

    /// Parses `body`, checking that the model holds exactly the cleaned body (paragraph breaks
    /// between strings aside).
    fn parse_ok(body: &str) -> Report {
        let report = parse_body(body).expect("a non-empty body parses");
        let cleaned = if body.contains('\n') {
            Cleaned::with_breaks(body).into_text()
        } else {
            clean(body)
        };
        assert_eq!(
            report.shown_text().replace('\n', ""),
            cleaned.replace('\n', ""),
            "partition of {body:?}"
        );
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

    /// The marker numerals read by the core's numeral reader are exactly those the parser's
    /// own table read before: 十, 一 … 九, 十 + digit, digit + 十, digit + 十 + digit.
    #[test]
    fn marker_numerals_read_as_the_former_table_did() {
        fn digit(c: char) -> Option<u32> {
            "一二三四五六七八九"
                .chars()
                .position(|d| d == c)
                .and_then(|p| u32::try_from(p + 1).ok())
        }
        fn table(s: &str) -> Option<(u32, usize)> {
            let taken: Vec<char> = s
                .chars()
                .take_while(|&c| c == '十' || digit(c).is_some())
                .take(3)
                .collect();
            let value = match taken.as_slice() {
                ['十'] => 10,
                [a] => digit(*a)?,
                ['十', b] => 10 + digit(*b)?,
                [a, '十'] => digit(*a)? * 10,
                [a, '十', b] => digit(*a)? * 10 + digit(*b)?,
                _ => return None,
            };
            Some((value, taken.iter().map(|c| c.len_utf8()).sum()))
        }
        // Every string of up to four of these characters.
        let alphabet = [
            '十', '一', '二', '五', '九', '零', '两', '百', '、', '是', 'x',
        ];
        let mut strings = vec![String::new()];
        let mut longest = vec![String::new()];
        for _ in 0..4 {
            longest = longest
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            strings.extend(longest.iter().cloned());
        }
        for s in &strings {
            assert_eq!(numeral(s), table(s), "{s}");
        }
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
        assert_eq!(report.title, "");
        assert_eq!(report.salutation.as_deref(), Some("各位代表："));
        assert_eq!(report.opening, "今年工作很好。");
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
            "1.",
            "（1）",
            "附件",
            "各位代表：",
            "报告",
            "——",
            "\u{200C}",
        ];
        let mut seed = 42;
        for _ in 0..20_000 {
            let len = pseudo_random(&mut seed) % 40;
            let body: String = (0..len)
                .map(|_| alphabet[pseudo_random(&mut seed) % alphabet.len()])
                .collect();
            match parse_body(&body) {
                Ok(_) => {
                    parse_ok(&body);
                }
                Err(error) => {
                    assert!(body.chars().all(is_blank), "{body:?}: {error}");
                }
            }
            // The whole pipeline too: chrome, paragraphs, warnings.
            if let Ok(parsed) = import(&body) {
                for w in &parsed.warnings {
                    assert!(!w.message().is_empty());
                }
            }
        }
    }
}
