//! Figures of the report as metric cards: every figure recognised in the text, with curated
//! labels (`data/figures.tsv`) that are checked against the text and the recogniser.
//!
//! Two phases: the raw lines of the tab-separated file ([`RawCuration`], see
//! [`parse_curation`]), then the checked model ([`Cards`]). (A small line format instead of
//! JSON: the town office edits it in a spreadsheet.) A curated entry only names a label and a
//! quote; its value must be recognised by
//! [`recognise`] inside that quote in the report's text, so no number exists in the data file
//! that is not in the text.

use std::collections::BTreeMap;
use std::fmt;

use super::figures::meaning::{kind_of, period_in, period_of_heading, Kind, Meaning, Precision};
use super::figures::{recognise, Figure};
use super::indicators::Indicators;
use super::measures::measures;
use super::model::Report;
use super::model::SectionKind;

/// The id of the text unit before the first part (the opening paragraph).
pub const OPENING: &str = "opening";

/// The HTML id of the `k`-th figure (0-based) of a text unit: `sec-1-2-3-fig-1`.
pub fn figure_id(unit_id: &str, k: usize) -> String {
    format!("{unit_id}-fig-{}", k + 1)
}

/// The text unit (section id or [`OPENING`]) of a figure id, if it is one.
pub fn unit_of_figure(figure_id: &str) -> Option<&str> {
    figure_id
        .rsplit_once("-fig-")
        .filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .map(|(unit, _)| unit)
}

/// The sentences of a text as byte ranges: each ends after `。！？` and any closing quotes, or
/// at a paragraph break (`\n`, which belongs to no sentence); a last sentence without an end
/// runs to the end of the text.
pub fn sentence_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            if start < i {
                ranges.push((start, i));
            }
            start = i + 1;
            continue;
        }
        if matches!(c, '。' | '！' | '？') {
            let mut end = i + c.len_utf8();
            while let Some(&(j, q)) = chars.peek() {
                if matches!(q, '”' | '’' | '」' | '』') {
                    end = j + q.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            ranges.push((start, end));
            start = end;
        }
    }
    if start < text.len() {
        ranges.push((start, text.len()));
    }
    ranges
}

/// A figure where the report states it: what the recogniser read, with what its place says
/// about it — its kind in the light of its section ([`kind_in_section`]) and the period it
/// covers. Decided once, where the figures are found (the build, the importer, the reading
/// worker), and carried by the report file, so that the page never reads the text again.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedFigure {
    pub figure: Figure,
    /// A result, an estimate or a target.
    pub kind: Kind,
    /// The period the figure covers, where the text gives one.
    pub period: Option<Period>,
    /// The indicator it measures ("地区生产总值"), where its clause names one
    /// ([`crate::measures`]).
    pub indicator: Option<String>,
}

impl std::ops::Deref for PlacedFigure {
    type Target = Figure;

    fn deref(&self) -> &Figure {
        &self.figure
    }
}

/// The figures of each text unit of a report, in reading order: the opening, then every
/// section's body. (Headings are short lead sentences without figures in these reports; they
/// are left as plain text.)
#[derive(Debug, Clone, PartialEq)]
pub struct FigureIndex {
    pub units: Vec<(String, Vec<PlacedFigure>)>,
}

impl FigureIndex {
    /// Recognises the figures of `report` ([`recognise`]) and places them.
    pub fn new(report: &Report) -> Self {
        let mut units = Vec::new();
        let mut add = |unit_id: String, text: &str| {
            let found = recognise(text);
            let measured = measures(text, &found);
            let placed = found
                .into_iter()
                .zip(measured)
                .map(|(figure, measure)| PlacedFigure {
                    kind: kind_in_section(report, &unit_id, text, &figure),
                    period: period_of(report, &unit_id, text, figure.start),
                    indicator: measure.indicator,
                    figure,
                })
                .collect();
            units.push((unit_id, placed));
        };
        add(OPENING.to_string(), &report.opening);
        for section in report.sections() {
            add(section.id(), &section.body);
        }
        Self { units }
    }

    /// The figures of one text unit (empty when it has none).
    pub fn of(&self, unit_id: &str) -> &[PlacedFigure] {
        self.units
            .iter()
            .find(|(id, _)| id == unit_id)
            .map_or(&[], |(_, figures)| figures.as_slice())
    }

    /// How many figures the report has in all.
    pub fn len(&self) -> usize {
        self.units.iter().map(|(_, f)| f.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The period of the figure at byte `start` of unit `unit_id`'s `text`: the nearest period
/// written before it in its sentence, else the period that opens the heading of a section
/// holding it ("今年来，我们…").
fn period_of(report: &Report, unit_id: &str, text: &str, start: usize) -> Option<Period> {
    period_in(text, start)
        .map(|text| Period {
            text,
            from_section: None,
        })
        .or_else(|| {
            report.path_to(unit_id).iter().rev().find_map(|id| {
                let section = report.find(id)?;
                period_of_heading(&section.heading).map(|text| Period {
                    text,
                    from_section: Some(id.clone()),
                })
            })
        })
}

/// What `data/figures.tsv` holds, as written.
#[derive(Debug, Default, PartialEq)]
pub struct RawCuration {
    /// Facts about the report that its text does not state in one place (see [`Meta`]).
    pub meta: BTreeMap<String, String>,
    /// Short names of the themes, by section id ("sec-1-1": "经济发展").
    pub themes: BTreeMap<String, String>,
    pub cards: Vec<RawCard>,
    /// Cards that may share a chart: same unit and meaning.
    pub comparisons: Vec<RawComparison>,
}

#[derive(Debug, PartialEq)]
pub struct RawCard {
    pub id: String,
    pub label: String,
    /// A piece of the report's text that holds the figure.
    pub quote: String,
    /// The figure's value in base units, as the recogniser gives it ("16870000").
    pub value: String,
    pub headline: bool,
}

#[derive(Debug, PartialEq)]
pub struct RawComparison {
    pub id: String,
    pub title: String,
    pub cards: Vec<String>,
}

/// Reads the curated data. One record a line, fields separated by tabs; `#` starts a comment
/// line; empty lines are ignored:
///
/// - `meta  <key>  <value>` — facts about the report: `issuer` (who issued it), `place`,
///   `year`, `source` (where the text comes from, in words), `full_text` (where the whole
///   report can be had, when the text is not complete); see [`Meta`]
/// - `theme  <section id>  <short name>`
/// - `card  <id>  <label>  <value in base units>  <headline or ->  <quote from the text>`
/// - `compare  <id>  <title>  <card id>  <card id> …`
///
/// Errors name the line (1-based).
pub fn parse_curation(text: &str) -> Result<RawCuration, CardError> {
    let mut raw = RawCuration::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let fail = |problem: &str| CardError {
            card: String::new(),
            problem: format!("line {}: {problem}", n + 1),
        };
        match fields.as_slice() {
            ["meta", key, value] => {
                raw.meta.insert(key.to_string(), value.to_string());
            }
            ["theme", id, name] => {
                raw.themes.insert(id.to_string(), name.to_string());
            }
            ["card", id, label, value, mark, quote] => raw.cards.push(RawCard {
                id: id.to_string(),
                label: label.to_string(),
                value: value.to_string(),
                headline: match *mark {
                    "headline" => true,
                    "-" | "" => false,
                    _ => return Err(fail("the fifth field must be “headline” or “-”")),
                },
                quote: quote.to_string(),
            }),
            ["compare", id, title, cards @ ..] if cards.len() >= 2 => {
                raw.comparisons.push(RawComparison {
                    id: id.to_string(),
                    title: title.to_string(),
                    cards: cards.iter().map(|c| c.to_string()).collect(),
                })
            }
            [kind, ..] => {
                return Err(fail(&format!(
                    "“{kind}” with {} fields is not a meta (3), theme (3), card (6) or compare (≥ 5) line",
                    fields.len()
                )))
            }
            [] => {}
        }
    }
    Ok(raw)
}

/// A checked metric card.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub id: String,
    pub label: String,
    pub headline: bool,
    /// The text unit (section id) holding the figure, and the figure's index in it.
    pub unit_id: String,
    pub index: usize,
    pub figure: Figure,
    /// The figure as written ("1687万元").
    pub written: String,
    /// A change figure that qualifies this one ("14.5%" of "同比增长14.5%"), as written.
    pub change_written: Option<String>,
    pub change: Option<Figure>,
    /// The theme's section id and short name ("sec-1-1", "经济发展").
    pub theme_id: String,
    pub theme_name: String,
    /// The heading of the section holding the figure, as read ("一是把好经济“方向盘”。"), or
    /// "开头" for the opening.
    pub section_heading: String,
    /// The whole sentence the figure stands in, exactly as in the text.
    pub sentence: String,
    /// What the value means: exact, approximate, a lower bound or a range.
    pub meaning: Meaning,
    /// A result, an estimate or a target.
    pub kind: Kind,
    /// The period the figure covers, where the text gives one.
    pub period: Option<Period>,
    /// The indicator the figure measures, where its clause names one.
    pub indicator: Option<String>,
}

/// The period of a figure and where the text gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// As written: "1-8月", "今年以来", "今年来".
    pub text: String,
    /// None when it is written in the figure's own sentence; otherwise the id of the section
    /// whose heading opens with it ("今年来，我们…").
    pub from_section: Option<String>,
}

impl Card {
    /// The HTML id of the figure in the text.
    pub fn figure_id(&self) -> String {
        figure_id(&self.unit_id, self.index)
    }

    /// The HTML id of the card.
    pub fn anchor_id(&self) -> String {
        format!("card-{}", self.id)
    }
}

/// All cards, and the themes in report order with their short names.
#[derive(Debug, Clone, PartialEq)]
pub struct Cards {
    pub cards: Vec<Card>,
    pub themes: Vec<(String, String)>,
    /// Checked comparisons: (id, title, card ids), all cards of one unit.
    pub comparisons: Vec<(String, String, Vec<String>)>,
}

impl Cards {
    /// The card showing the figure with this HTML id, if any.
    /// The card of the `k`-th figure of the unit `unit_id` ([`figure_id`]`(unit_id, k)`),
    /// without writing an id for every card: the page asks it for every figure it shows, and a
    /// long report has thousands of both (issue 19: 4.4 s of a 150,000-character report's
    /// rendering went to those ids).
    pub fn for_unit_figure(&self, unit_id: &str, k: usize) -> Option<&Card> {
        self.cards
            .iter()
            .find(|c| c.index == k && c.unit_id == unit_id)
    }

    pub fn by_id(&self, id: &str) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }

    /// The cards of one theme, in curated order.
    pub fn of_theme<'a>(&'a self, theme_id: &'a str) -> impl Iterator<Item = &'a Card> + 'a {
        self.cards.iter().filter(move |c| c.theme_id == theme_id)
    }
}

/// Why the curated data does not fit the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardError {
    /// The card's id, or "" for the file as a whole.
    pub card: String,
    pub problem: String,
}

impl fmt::Display for CardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.card.is_empty() {
            write!(f, "figures data: {}", self.problem)
        } else {
            write!(f, "figures data, card “{}”: {}", self.card, self.problem)
        }
    }
}

impl std::error::Error for CardError {}

/// A checked card for figure `k` of text unit `unit_id`, in the theme its section belongs to
/// (the innermost of its sections that `themes` names, else the first theme).
#[allow(clippy::too_many_arguments)]
pub fn make_card(
    report: &Report,
    index: &FigureIndex,
    themes: &[(String, String)],
    id: &str,
    label: &str,
    headline: bool,
    unit_id: &str,
    k: usize,
) -> Result<Card, CardError> {
    let fail = |problem: String| CardError {
        card: id.to_string(),
        problem,
    };
    let figures = index.of(unit_id);
    let figure = figures
        .get(k)
        .ok_or_else(|| fail(format!("there is no figure {} in {unit_id}", k + 1)))?;
    let text = unit_text(report, unit_id).ok_or_else(|| fail(format!("no text {unit_id}")))?;
    let path = report.path_to(unit_id);
    let theme = path
        .iter()
        .rev()
        .find_map(|id| themes.iter().find(|(t, _)| t == id))
        .or_else(|| themes.first())
        .cloned()
        .ok_or_else(|| fail("the data names no themes".into()))?;
    let sentence = sentence_ranges(text)
        .into_iter()
        .find(|&(s, e)| figure.start >= s && figure.start < e)
        .and_then(|(s, e)| text.get(s..e))
        .unwrap_or(text)
        .to_string();
    let change = figure
        .changed_by
        .and_then(|i| figures.get(i))
        .map(|c| c.figure.clone());
    let section_heading = report
        .find(unit_id)
        .map_or_else(|| "开头".to_string(), |s| s.full_heading());
    Ok(Card {
        id: id.to_string(),
        label: label.to_string(),
        headline,
        unit_id: unit_id.to_string(),
        index: k,
        written: text.get(figure.start..figure.end).unwrap_or("").to_string(),
        change_written: change
            .as_ref()
            .and_then(|c| text.get(c.start..c.end))
            .map(String::from),
        change,
        figure: figure.figure.clone(),
        theme_id: theme.0,
        theme_name: theme.1,
        section_heading,
        sentence,
        meaning: figure.meaning(),
        kind: figure.kind,
        period: figure.period.clone(),
        indicator: figure.indicator.clone(),
    })
}

/// The paragraphs of a text as byte ranges (split at `\n`; none for an empty text).
pub fn paragraph_ranges(text: &str) -> Vec<(usize, usize)> {
    if text.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, text.len()));
    out
}

/// A figure's kind in the light of its section: in a part that reviews past work (its heading
/// names 回顾, 过去, 去年 or 成绩) a figure is a result unless its own clause says 预计; in a
/// part that plans (安排, 计划, 任务, 目标, 打算, 展望, 建议) it is a target unless its clause
/// says 预计. The clause's own words (see `kind_of`) decide everywhere else.
pub fn kind_in_section(report: &Report, unit_id: &str, text: &str, figure: &Figure) -> Kind {
    let kind = kind_of(text, figure);
    let path = report.path_to(unit_id);
    let Some(top) = path.first().and_then(|id| report.find(id)) else {
        return kind;
    };
    let names = |words: &[&str]| words.iter().any(|w| top.heading.contains(w));
    match kind {
        Kind::Estimate => kind,
        _ if names(&["回顾", "过去", "去年", "成绩"]) => Kind::Result,
        _ if names(&["安排", "计划", "任务", "目标", "打算", "展望", "建议"]) => {
            Kind::Target
        }
        _ => kind,
    }
}

/// The text of a unit: the opening or a section's body.
pub fn unit_text<'a>(report: &'a Report, unit_id: &str) -> Option<&'a str> {
    if unit_id == OPENING {
        return Some(&report.opening);
    }
    report.find(unit_id).map(|s| s.body.as_str())
}

/// Reads and checks the curated data against the report: every quote occurs in one text unit,
/// the recogniser finds a figure with the curated value inside it, ids are unique, and every
/// theme named exists.
pub fn build_cards(
    report: &Report,
    index: &FigureIndex,
    curation: &str,
) -> Result<Cards, CardError> {
    let raw = parse_curation(curation)?;
    let mut themes = Vec::new();
    for (id, name) in &raw.themes {
        if report.find(id).is_none() {
            return Err(CardError {
                card: String::new(),
                problem: format!("theme “{id}” ({name}) is not a section of the report"),
            });
        }
        themes.push((id.clone(), name.clone()));
    }
    super::order::sort_by_key(&mut themes, |(id, _)| {
        report
            .sections()
            .iter()
            .position(|s| &s.id() == id)
            .map_or(u128::MAX, |p| p as u128)
    });

    let mut cards: Vec<Card> = Vec::new();
    for raw_card in raw.cards {
        let fail = |problem: String| CardError {
            card: raw_card.id.clone(),
            problem,
        };
        if cards.iter().any(|c| c.id == raw_card.id) {
            return Err(fail("the id is used twice".into()));
        }
        let (unit_id, _, at) = find_quote(report, &raw_card.quote)
            .ok_or_else(|| fail(format!("the quote “{}” is not in the text", raw_card.quote)))?;
        let quote_end = at + raw_card.quote.len();
        let k = index
            .of(&unit_id)
            .iter()
            .position(|f| {
                f.start >= at && f.end <= quote_end && f.value.to_string() == raw_card.value
            })
            .ok_or_else(|| {
                fail(format!(
                    "no figure with value {} is recognised in “{}”",
                    raw_card.value, raw_card.quote
                ))
            })?;
        cards.push(make_card(
            report,
            index,
            &themes,
            &raw_card.id,
            &raw_card.label,
            raw_card.headline,
            &unit_id,
            k,
        )?);
    }
    let comparisons = check_comparisons(&cards, raw.comparisons)?;
    Ok(Cards {
        cards,
        themes,
        comparisons,
    })
}

/// Checks that every comparison names known cards of one unit.
pub fn check_comparisons(
    cards: &[Card],
    comparisons: Vec<RawComparison>,
) -> Result<Vec<(String, String, Vec<String>)>, CardError> {
    let mut out = Vec::new();
    for c in comparisons {
        let fail = |problem: String| CardError {
            card: c.id.clone(),
            problem,
        };
        let mut units = Vec::new();
        for id in &c.cards {
            let card = cards
                .iter()
                .find(|card| &card.id == id)
                .ok_or_else(|| fail(format!("compares the unknown card “{id}”")))?;
            units.push(card.figure.unit.clone());
        }
        units.dedup();
        if units.len() != 1 {
            return Err(fail(format!(
                "compares different units ({})",
                units.join(", ")
            )));
        }
        out.push((c.id, c.title, c.cards));
    }
    Ok(out)
}

/// How many headline cards the automatic rule picks at most.
pub const HEADLINE_CARDS: usize = 6;

/// Cards for the figures of a report that has no curated data, by a stated rule:
///
/// - a figure gets a card when it has a label ([`crate::measures`]): the indicator it
///   measures, else a short noun phrase taken whole from its clause; a figure with no
///   meaningful label, an ordinal of a meeting or a visit, a number in a title and a count of
///   the report's own parts get none (they stay marked in the text); a change that qualifies
///   the figure before it ("同比增长14.5%") goes on that figure's card;
/// - its theme is the innermost theme or numbered section holding it, named by its heading up
///   to the first comma (at most 12 characters);
/// - the headline row ([`headline_row`]).
pub fn auto_cards(report: &Report, index: &FigureIndex) -> Cards {
    let mut themes: Vec<(String, String)> = Vec::new();
    let mut picks: Vec<(String, usize, String)> = Vec::new();
    for (unit_id, figures) in &index.units {
        let Some(text) = unit_text(report, unit_id) else {
            continue;
        };
        let plain: Vec<Figure> = figures.iter().map(|f| f.figure.clone()).collect();
        let mut carded = false;
        for (k, measure) in measures(text, &plain).into_iter().enumerate() {
            if let Some(label) = measure.label {
                picks.push((unit_id.clone(), k, label));
                carded = true;
            }
        }
        let theme = report
            .path_to(unit_id)
            .iter()
            .rev()
            .filter_map(|id| report.find(id))
            .find(|s| s.kind != SectionKind::Point)
            .map(|s| (s.id(), theme_name(&s.heading)))
            .unwrap_or_else(|| (OPENING.to_string(), "开头".to_string()));
        if carded && !themes.iter().any(|(t, _)| *t == theme.0) {
            themes.push(theme);
        }
    }
    let mut cards: Vec<Card> = Vec::new();
    for (n, (unit_id, k, label)) in picks.into_iter().enumerate() {
        let id = format!("f{}", n + 1);
        if let Ok(card) = make_card(report, index, &themes, &id, &label, false, &unit_id, k) {
            cards.push(card);
        }
    }
    for i in headline_row(&cards, Indicators::builtin()) {
        cards[i].headline = true;
    }
    Cards {
        cards,
        themes,
        comparisons: Vec::new(),
    }
}

/// The headline row of a report without curated cards, by a stated rule: only cards with an
/// indicator, the first card of each indicator in reading order, indicators in the order of
/// the table (`data/indicators.tsv`: GDP first, then income, jobs, revenue, …); results and
/// estimates before targets; a range, a ratio or percentage points (a difference) are never a
/// headline, a bound is (its card says it is one: "超过126万亿元"); one card per indicator, at
/// most [`HEADLINE_CARDS`]. Returns indexes into
/// `cards`, in the order they are shown.
pub fn headline_row(cards: &[Card], table: &Indicators) -> Vec<usize> {
    let mut firsts: Vec<(usize, usize, usize)> = Vec::new(); // (kind order, rank, card)
    let mut seen: Vec<(&str, bool)> = Vec::new();
    for (i, card) in cards.iter().enumerate() {
        let Some(indicator) = card.indicator.as_deref() else {
            continue;
        };
        let plain = !matches!(
            card.meaning.precision,
            Precision::Range | Precision::Between | Precision::Ratio
        );
        if !plain || card.figure.unit == "百分点" {
            continue;
        }
        let target = card.kind == Kind::Target;
        if seen.contains(&(indicator, target)) {
            continue;
        }
        seen.push((indicator, target));
        let rank = table.rank(indicator).unwrap_or(usize::MAX);
        firsts.push((usize::from(target), rank, i));
    }
    // The project's one sort (order.rs): kind order, then rank, then reading order.
    super::order::sort_by_key(&mut firsts, |&(target, rank, i)| {
        ((target as u128) << 96) | ((rank.min(u32::MAX as usize) as u128) << 48) | i as u128
    });
    let mut chosen: Vec<usize> = Vec::new();
    let mut named: Vec<&str> = Vec::new();
    for (_, _, i) in firsts {
        let indicator = cards[i].indicator.as_deref().unwrap_or("");
        if chosen.len() < HEADLINE_CARDS && !named.contains(&indicator) {
            named.push(indicator);
            chosen.push(i);
        }
    }
    chosen
}

/// A theme's name from its heading: up to the first comma or stop, at most 12 characters.
fn theme_name(heading: &str) -> String {
    let first = heading
        .split(['，', ',', '。', '；', '：'])
        .find(|p| p.chars().count() >= 2)
        .unwrap_or(heading);
    shorten_label(first, 12)
}

fn shorten_label(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

/// The first text unit holding `quote`: its id, its text and the quote's byte offset.
fn find_quote<'a>(report: &'a Report, quote: &str) -> Option<(String, &'a str, usize)> {
    if quote.is_empty() {
        return None;
    }
    if let Some(at) = report.opening.find(quote) {
        return Some((OPENING.to_string(), report.opening.as_str(), at));
    }
    report
        .sections()
        .into_iter()
        .find_map(|s| s.body.find(quote).map(|at| (s.id(), s.body.as_str(), at)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curation_lines_are_read_by_their_kind() {
        let raw = parse_curation(
            "# comment\n\ntheme\tsec-1-1\t经济\ncard\ta\t标签\t100\theadline\t引语\ncompare\tc\t标题\ta\tb\n",
        )
        .unwrap();
        assert_eq!(raw.themes.get("sec-1-1").map(String::as_str), Some("经济"));
        assert_eq!(raw.cards.len(), 1);
        assert!(raw.cards[0].headline);
        assert_eq!(raw.cards[0].quote, "引语");
        assert_eq!(raw.comparisons[0].cards, ["a", "b"]);
    }

    #[test]
    fn a_malformed_curation_line_is_reported_with_its_number() {
        let err = parse_curation("theme\tsec-1\t经济\ncard\tonly-two\n").unwrap_err();
        assert!(err.problem.starts_with("line 2:"), "{err}");
        let err = parse_curation("card\ta\tb\t1\tmaybe\tq\n").unwrap_err();
        assert!(err.problem.contains("headline"), "{err}");
    }

    #[test]
    fn automatic_cards_have_labels_and_a_headline_row_of_indicators() {
        let report = crate::parse::parse_body(
            "某县报告 各位代表: 开场。 一、回顾 全年完成财税收入1687万元，同比增长14.5%。今年来,我们抓民生。一是抓就业。城镇新增就业1200人，新增百余户。二是抓经济。全县地区生产总值120亿元，增长5%。召开全会两次。 二、计划 力争地区生产总值增长6%左右，粮食产量3万吨以上。",
        )
        .unwrap();
        let index = FigureIndex::new(&report);
        let cards = auto_cards(&report, &index);
        let labels: Vec<&str> = cards.cards.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "财税收入",
                "城镇新增就业",
                "地区生产总值",
                "地区生产总值",
                "粮食产量"
            ],
            "新增百余户 names nothing; 两次 counts meetings; 5% is on the card of 120亿元"
        );
        let headline: Vec<&str> = cards
            .cards
            .iter()
            .filter(|c| c.headline)
            .map(|c| c.written.as_str())
            .collect();
        assert_eq!(
            headline,
            ["1200人", "120亿元", "3万吨以上"],
            "indicators only, one card each, results before targets"
        );
    }

    #[test]
    fn a_part_that_reviews_gives_results_and_a_part_that_plans_gives_targets() {
        let report = crate::parse::parse_body(
            "某县报告\n各位代表：\n一、2029年工作回顾\n城镇新增就业1200人以上，预计完成投资8亿元。\n二、2030年工作安排\n新建学校2所。",
        )
        .unwrap();
        let index = FigureIndex::new(&report);
        let cards = auto_cards(&report, &index);
        let kinds: Vec<(&str, Kind)> = cards
            .cards
            .iter()
            .map(|c| (c.written.as_str(), c.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("1200人以上", Kind::Result),
                ("8亿元", Kind::Estimate),
                ("2所", Kind::Target)
            ]
        );
    }

    #[test]
    fn figure_ids_name_their_section() {
        assert_eq!(figure_id("sec-1-2", 0), "sec-1-2-fig-1");
        assert_eq!(unit_of_figure("sec-1-2-fig-3"), Some("sec-1-2"));
        assert_eq!(unit_of_figure("sec-1-2"), None);
        assert_eq!(unit_of_figure("sec-1-fig-"), None);
    }

    #[test]
    fn sentences_end_after_their_punctuation_and_closing_quotes() {
        let text = "甲。乙说“好。”丙";
        let parts: Vec<&str> = sentence_ranges(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(parts, ["甲。", "乙说“好。”", "丙"]);
    }

    #[test]
    fn a_paragraph_break_ends_a_sentence_and_belongs_to_none() {
        let text = "甲乙\n丙。丁";
        let parts: Vec<&str> = sentence_ranges(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(parts, ["甲乙", "丙。", "丁"]);
    }

    #[test]
    fn sentences_of_an_empty_text_are_none() {
        assert!(sentence_ranges("").is_empty());
    }
}
