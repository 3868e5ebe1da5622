//! The report file: one documented JSON format (schema 2) for a whole report — its facts, its
//! text as a tree of sections with paragraphs, the figures found in it with what they mean, and
//! its cards. The build writes the page's report in this form, the importer writes it, the
//! browser's reading worker writes it for a file a reader opened, and a reader can download it.
//! README.md documents it with an example.
//!
//! Two phases, as everywhere in the core: [`ReportFile`] is the raw shape serde reads and
//! writes; reading checks it and builds the [`Content`] the app shows. There are two readers:
//!
//! - [`read`] trusts no file (the importer, the build, the reading worker with a file a reader
//!   opened): it recognises the figures in the text again and ignores the file's own, so no
//!   number of a file is shown unless the text says it. It reads schema 1 (written before files
//!   carried their figures) and schema 2.
//! - [`read_own`] (`own.rs`) reads a file that this program's build or reading worker wrote —
//!   the page's own data block, a report the worker just read, the recent list — and takes
//!   each figure's value, bounds, unit and kind from the file after checking that its written
//!   text is the text at its place: a string comparison, so the page carries no recogniser.
//!
//! A file of another schema version is refused with a message, never half-read.

use serde::{Deserialize, Serialize};

use super::cards::{
    check_comparisons, figure_id, make_card, unit_of_figure, unit_text, Card, Cards, FigureIndex,
    PlacedFigure, RawComparison, OPENING,
};
use super::figures::Figure;
use super::model::{FrontItem, FrontKind, Meta, Report, Section, SectionKind, SectionNumber};
use super::search::terms::Terms;
use super::search::Corpus;
use super::targets::{Stated, TargetRow, Targets};
use super::Content;

mod own;

pub use own::read_own;

/// The version of the format this program writes (and [`read_own`] reads).
pub const SCHEMA: u32 = 2;

/// The version written before report files carried their figures; [`read`] still reads it
/// (recognising the figures in the text, as it always does).
pub const SCHEMA_WITHOUT_FIGURES: u32 = 1;

/// A whole report file (see the README for an example).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportFile {
    /// Always [`SCHEMA`].
    pub schema: u32,
    pub meta: MetaRecord,
    /// The lines above the salutation, title lines among them.
    #[serde(default)]
    pub front: Vec<FrontRecord>,
    #[serde(default)]
    pub salutation: Option<String>,
    /// The paragraphs between the salutation and the first part.
    #[serde(default)]
    pub opening: Vec<String>,
    #[serde(default)]
    pub sections: Vec<SectionRecord>,
    #[serde(default)]
    pub annexes: Vec<SectionRecord>,
    /// Every figure found in the text, in reading order, with what it means. [`read`] finds
    /// them again in the text; [`read_own`] takes them from here after checking each against
    /// the text at its place.
    #[serde(default)]
    pub figures: Vec<FigureRecord>,
    /// Short names of the sections that group the cards.
    #[serde(default)]
    pub themes: Vec<ThemeRecord>,
    #[serde(default)]
    pub cards: Vec<CardRecord>,
    #[serde(default)]
    pub comparisons: Vec<ComparisonRecord>,
    /// What the report promises for its year, indicator by indicator (`kind` "target"), and
    /// what it says those indicators came to the year before (`kind` "result" or "estimate"),
    /// found by [`crate::targets::Targets::find`]. Written for other programs; a reader finds
    /// them again from the figures, so they are never read from a file (and the page's own
    /// data leaves them out).
    #[serde(default, skip_deserializing, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<StatedRecord>,
    #[serde(default, skip_deserializing, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<StatedRecord>,
    /// The same targets as the page shows them, a row of eight strings per target
    /// ([`crate::targets::TargetRow::strings`]: indicator, year, target figure, its words, its
    /// note, result figure, its words, its note), figures by their ids in [`Self::figures`].
    /// Only in the page's own data ([`to_embedded_json`]); [`read`] ignores it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_figures: Vec<Vec<String>>,
}

/// A target or a result: `{"indicator": "地区生产总值", "written": "5%左右", "figure":
/// "sec-2-fig-1", "qualifier": "approximate", "change": "增长", "min": "5", "max": "5",
/// "kind": "target", "year": "2025"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatedRecord {
    /// The indicator's name in `data/indicators.tsv`.
    pub indicator: String,
    /// The figure as written, and its id ([`FigureRecord::id`]).
    pub written: String,
    pub figure: String,
    /// "exact", "approximate" (约, 左右), "at_least" (以上, 不低于), "at_most" (以内, 不超过) or
    /// "range" (5.0%—5.5%).
    pub qualifier: String,
    /// The verb of the change it states ("增长", "下降"), absent for a level ("5.5%左右" of
    /// 城镇调查失业率).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<String>,
    /// The least and greatest value the text allows, in base units: both the value for an
    /// exact or approximate figure, one for a bound, both ends for a range.
    pub min: Option<String>,
    pub max: Option<String>,
    /// "target", "result" or "estimate" (预计, 初步统计).
    pub kind: String,
    /// The year it is for ("2025"), where known.
    pub year: Option<String>,
    /// For a target: the aim the text adds beyond it ("力争达到8%").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aim: Option<Box<StatedRecord>>,
}

impl StatedRecord {
    fn of(stated: &Stated, aim: Option<&Stated>) -> StatedRecord {
        StatedRecord {
            indicator: stated.indicator.clone(),
            written: stated.written.clone(),
            figure: stated.figure_id(),
            qualifier: stated.bound.key().to_string(),
            change: Some(stated.change.clone()).filter(|c| !c.is_empty()),
            min: stated.min.map(|v| v.to_string()),
            max: stated.max.map(|v| v.to_string()),
            kind: stated.kind.key().to_string(),
            year: stated.year.map(|y| y.to_string()),
            aim: aim.map(|a| Box::new(StatedRecord::of(a, None))),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MetaRecord {
    /// The title to show.
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// Where the text comes from, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where the whole report can be had, when the text is not complete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_text: Option<String>,
    /// Whether the text is the whole report (it ends a sentence).
    pub complete: bool,
    /// When it is not: the last words before the text stops.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stops_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrontRecord {
    /// "title", "meeting", "speaker", "notice" or "other".
    pub kind: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionRecord {
    /// `sec-1-2` (annexes `annex-1-2`): stable, from the section's place in the tree.
    pub id: String,
    /// "part", "subsection", "item", "theme", "point" or "annex".
    pub kind: String,
    /// The numbering as written: "一、", "（一）", "一是", "附件1"; "" for a theme.
    #[serde(default)]
    pub marker: String,
    pub heading: String,
    /// The section's own paragraphs, before its children.
    #[serde(default)]
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub children: Vec<SectionRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureRecord {
    /// `sec-1-2-fig-3`: the third figure of section 1.2's paragraphs (`opening-fig-1`).
    pub id: String,
    /// The section holding it, or "opening".
    pub section: String,
    /// Where: the paragraph (0-based) and the characters `start..end` in it.
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    /// As written: "约2000万元". Exactly the text at its place.
    pub written: String,
    /// In base units (money in its currency's unit), exact decimals; `value` only for a point
    /// (exact or approximate), `min` / `max` for a bound, a range or its ends.
    pub value: Option<String>,
    pub min: Option<String>,
    pub max: Option<String>,
    /// "exact", "approximate", "lower_bound", "range", "at_least", "at_most", "upper_bound",
    /// "between", "ratio".
    pub precision: String,
    /// The words that qualify it, as the recogniser read them: "exact", "about", "around",
    /// "more_than", "about_more_than", "passed", "several", "at_least", "at_most",
    /// "less_than", "nearly", "range", "ratio" (schema 2).
    #[serde(default)]
    pub qualifier: String,
    /// The terms of a ratio ("11.8", "48.3", "39.9"); empty for anything else.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<String>,
    /// The base unit: "元", "%", "百分点", "亩", "人次" …; "" for a ratio.
    pub unit: String,
    /// The unit as written: "万元", "亿美元", "％", "个百分点" … (schema 2).
    #[serde(default)]
    pub written_unit: String,
    /// "CNY" for money in 元, "USD" for 美元, …; null for anything that is not money.
    pub currency: Option<String>,
    /// "result", "estimate" or "target": one kind for the figure everywhere (page, card,
    /// exports).
    pub kind: String,
    /// The indicator it measures, by its name in `data/indicators.tsv` ("地区生产总值"), where
    /// its clause names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    /// The period it covers as written ("1-8月", "今年以来", "2024年"), where the text gives
    /// one.
    pub period: Option<String>,
    /// When the period is not in its own sentence: the section whose heading opens with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_from: Option<String>,
    /// A month range written right before it that the recogniser ties to it ("1-8月").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month_range: Option<String>,
    /// The change stated for it, as written with its basis and verb ("同比增长14.5%").
    pub change: Option<String>,
    /// The figure that states that change (`sec-1-fig-2`), when it is a figure of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_by: Option<String>,
    /// When this figure itself is a change ("增长14.5%"): which way, on what basis, by which verb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub states_change: Option<ChangeRecord>,
}

/// The change a figure states: "同比增长14.5%" → `up`, "同比", "增长".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeRecord {
    /// "up" or "down".
    pub direction: String,
    /// "同比", "环比" or "".
    #[serde(default)]
    pub basis: String,
    /// "增长", "下降" …; "" when only a sign states it.
    #[serde(default)]
    pub verb: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeRecord {
    pub section: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardRecord {
    pub id: String,
    pub label: String,
    /// The figure it shows: a [`FigureRecord::id`].
    pub figure: String,
    #[serde(default)]
    pub headline: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComparisonRecord {
    pub id: String,
    pub title: String,
    pub cards: Vec<String>,
}

/// Why a file cannot be read, in words for the reader (Chinese).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError(pub String);

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FileError {}

fn paragraphs(text: &str) -> Vec<String> {
    if text.is_empty() {
        Vec::new()
    } else {
        text.split('\n').map(String::from).collect()
    }
}

fn section_record(section: &Section) -> SectionRecord {
    SectionRecord {
        id: section.id(),
        kind: section.kind.key().to_string(),
        marker: section.marker.clone(),
        heading: section.heading.clone(),
        paragraphs: paragraphs(&section.body),
        children: section.children.iter().map(section_record).collect(),
    }
}

/// The paragraph (0-based) and character range of the byte range `start..end` of `text`.
fn place(text: &str, start: usize, end: usize) -> (usize, usize, usize) {
    let head = text.get(..start).unwrap_or("");
    let paragraph = head.matches('\n').count();
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    let from = text.get(line_start..start).map_or(0, |t| t.chars().count());
    let len = text.get(start..end).map_or(0, |t| t.chars().count());
    (paragraph, from, from + len)
}

/// The report file of a content: its text, facts, figures and cards.
pub fn to_file(content: &Content) -> ReportFile {
    let report = &content.report;
    let meta = &content.meta;
    let figures = figure_records(report, &content.figures);
    let (themes, cards, comparisons) = match &content.cards {
        Ok(cards) => (
            cards
                .themes
                .iter()
                .map(|(section, name)| ThemeRecord {
                    section: section.clone(),
                    name: name.clone(),
                })
                .collect(),
            cards
                .cards
                .iter()
                .map(|c| CardRecord {
                    id: c.id.clone(),
                    label: c.label.clone(),
                    figure: c.figure_id(),
                    headline: c.headline,
                })
                .collect(),
            cards
                .comparisons
                .iter()
                .map(|(id, title, cards)| ComparisonRecord {
                    id: id.clone(),
                    title: title.clone(),
                    cards: cards.clone(),
                })
                .collect(),
        ),
        Err(_) => (Vec::new(), Vec::new(), Vec::new()),
    };
    ReportFile {
        schema: SCHEMA,
        meta: MetaRecord {
            title: meta.title.clone().unwrap_or_else(|| report.title.clone()),
            issuer: meta.issuer.clone(),
            place: meta.place.clone(),
            year: meta.year.clone(),
            meeting: meta.meeting.clone(),
            speaker: meta.speaker.clone(),
            source: meta.source.clone(),
            full_text: meta.full_text.clone(),
            complete: !report.truncated,
            stops_at: report.cut_tail(),
        },
        front: report
            .front
            .iter()
            .map(|f| FrontRecord {
                kind: f.kind.key().to_string(),
                text: f.text.clone(),
            })
            .collect(),
        salutation: report.salutation.clone(),
        opening: paragraphs(&report.opening),
        sections: report.sections.iter().map(section_record).collect(),
        annexes: report.annexes.iter().map(section_record).collect(),
        figures,
        themes,
        cards,
        comparisons,
        targets: Vec::new(),
        results: Vec::new(),
        target_figures: Vec::new(),
    }
}

/// [`to_file`] with the report's targets and results ([`Targets::find`]), as the importer and
/// the build write it for other programs.
pub fn to_file_with_targets(content: &Content) -> ReportFile {
    let found = Targets::find(&content.report, &content.figures);
    ReportFile {
        targets: found
            .targets
            .iter()
            .map(|t| StatedRecord::of(&t.stated, t.aim.as_ref()))
            .collect(),
        results: found
            .results
            .iter()
            .map(|r| StatedRecord::of(r, None))
            .collect(),
        ..to_file(content)
    }
}

/// The records of every figure of `report`, in reading order.
fn figure_records(report: &Report, figures: &FigureIndex) -> Vec<FigureRecord> {
    let mut records = Vec::new();
    for (unit, list) in &figures.units {
        let Some(text) = unit_text(report, unit) else {
            continue;
        };
        for (k, placed) in list.iter().enumerate() {
            records.push(figure_record(text, unit, list, k, placed));
        }
    }
    records
}

/// The record of figure `k` of the unit `unit`, whose text is `text` and figures `list`.
fn figure_record(
    text: &str,
    unit: &str,
    list: &[PlacedFigure],
    k: usize,
    placed: &PlacedFigure,
) -> FigureRecord {
    let figure = &placed.figure;
    let (paragraph, start, end) = place(text, figure.start, figure.end);
    let m = figure.meaning();
    let written = |f: &Figure| text.get(f.start..f.end).unwrap_or("").to_string();
    // The change stated for it: by itself ("增长14.5%"), or by the figure that qualifies it.
    let by = figure.changed_by.and_then(|i| list.get(i));
    let by_written = by.map(|b| written(b));
    let change = figure.stated_change(
        &written(figure),
        by.zip(by_written.as_deref()).map(|(b, w)| (&b.figure, w)),
    );
    FigureRecord {
        id: figure_id(unit, k),
        section: unit.to_string(),
        paragraph,
        start,
        end,
        written: written(figure),
        value: m.value.map(|v| v.to_string()),
        min: m.min.map(|v| v.to_string()),
        max: m.max.map(|v| v.to_string()),
        precision: m.precision.key().to_string(),
        qualifier: figure.qualifier.key().to_string(),
        terms: figure.terms.iter().map(|t| t.to_string()).collect(),
        unit: figure.unit.clone(),
        written_unit: figure.written_unit.clone(),
        currency: figure.currency.clone(),
        kind: placed.kind.key().to_string(),
        indicator: placed.indicator.clone(),
        period: placed.period.as_ref().map(|p| p.text.clone()),
        period_from: placed.period.as_ref().and_then(|p| p.from_section.clone()),
        month_range: figure.period.clone(),
        change,
        changed_by: figure.changed_by.map(|i| figure_id(unit, i)),
        states_change: figure.change.as_ref().map(|c| ChangeRecord {
            direction: c.direction.key().to_string(),
            basis: c.basis.clone(),
            verb: c.verb.clone(),
        }),
    }
}

/// The report file of a content as pretty JSON, with its targets and results.
pub fn to_json(content: &Content) -> String {
    serde_json::to_string_pretty(&to_file_with_targets(content)).unwrap_or_default() + "\n"
}

/// The report file as the page reads it ([`read_own`]): compact JSON.
/// Its targets are in their compact form (`target_figures`).
pub fn to_embedded_json(content: &Content) -> String {
    let file = ReportFile {
        target_figures: content.targets.iter().map(TargetRow::strings).collect(),
        ..to_file(content)
    };
    serde_json::to_string(&file).unwrap_or_default()
}

/// Longest text a string of a file may hold (a paragraph, a heading): 1 MB.
const LONGEST_STRING: usize = 1 << 20;
/// Deepest nesting of sections a file may hold.
const DEEPEST: usize = 8;

/// One paragraph list as the model's text: `\n` between paragraphs, none inside one.
fn join(paragraphs: &[String]) -> String {
    paragraphs
        .iter()
        .map(|p| p.replace(['\r', '\n'], " ").trim().to_string())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn one_line(s: &str) -> String {
    s.replace(['\r', '\n'], " ").trim().to_string()
}

/// Builds the section for a record at `number`, checking its id and kind.
fn section(record: &SectionRecord, number: Vec<u32>, depth: usize) -> Result<Section, FileError> {
    if depth > DEEPEST {
        return Err(FileError(format!(
            "章节层级超过{DEEPEST}层，文件可能已损坏。"
        )));
    }
    let number = SectionNumber(number);
    if record.id != number.id() {
        return Err(FileError(format!(
            "章节编号“{}”与它在文件中的位置（应为“{}”）不一致。",
            shorten(&record.id),
            number.id()
        )));
    }
    let kind = SectionKind::from_key(&record.kind).ok_or_else(|| {
        FileError(format!(
            "章节“{}”的类型“{}”无法识别。",
            record.id,
            shorten(&record.kind)
        ))
    })?;
    let mut children = Vec::new();
    for (i, child) in record.children.iter().enumerate() {
        let mut n = number.0.clone();
        n.push(i as u32 + 1);
        children.push(section(child, n, depth + 1)?);
    }
    Ok(Section {
        kind,
        number,
        marker: one_line(&record.marker),
        heading: one_line(&record.heading),
        body: join(&record.paragraphs),
        children,
    })
}

fn shorten(s: &str) -> String {
    super::search::shorten(s, 24)
}

/// Every string of a file, for the size check.
fn strings(file: &ReportFile) -> Vec<&str> {
    fn walk<'a>(s: &'a SectionRecord, out: &mut Vec<&'a str>) {
        out.extend([s.marker.as_str(), s.heading.as_str()]);
        out.extend(s.paragraphs.iter().map(String::as_str));
        for c in &s.children {
            walk(c, out);
        }
    }
    let mut out: Vec<&str> = vec![file.meta.title.as_str()];
    out.extend(file.front.iter().map(|f| f.text.as_str()));
    out.extend(file.opening.iter().map(String::as_str));
    for s in file.sections.iter().chain(&file.annexes) {
        walk(s, &mut out);
    }
    out
}

/// What [`read`] gives for the cards of a file that has none.
pub const NO_CARDS: &str = "这份报告文件没有数据卡片。";

/// [`read`], then for a file without cards the cards of the automatic rule
/// ([`super::cards::auto_cards`]). The importer, the build step and the browser's reading
/// worker read files this way; the page itself only reads files they wrote, which always have
/// cards, so the rule's code stays out of the page's wasm.
pub fn read_with_cards(json: &str, terms: Terms) -> Result<(Content, Vec<String>), FileError> {
    let (mut content, notes) = read(json, terms)?;
    with_auto_cards(&mut content);
    Ok((content, notes))
}

/// The cards of the automatic rule for a content whose file had none.
fn with_auto_cards(content: &mut Content) {
    if content.cards.as_ref().is_err_and(|e| e == NO_CARDS) {
        content.cards = Ok(super::cards::auto_cards(&content.report, &content.figures));
    }
}

/// Reads a report file (JSON text, schema 1 or 2) that may come from anywhere: checks it and
/// builds the content, recognising the figures in the text again (the file's own are not
/// trusted). Returns the content and notes on what was left out or read differently. A file
/// without cards has the cards `Err(NO_CARDS)` ([`read_with_cards`] makes them).
pub fn read(json: &str, terms: Terms) -> Result<(Content, Vec<String>), FileError> {
    let (mut content, notes) = read_unsearchable(json)?;
    content.corpus = Corpus::new(&content.report, terms);
    Ok((content, notes))
}

/// What the reading worker does with a report file a reader opened: [`read_with_cards`], then
/// the file in the page's compact form ([`to_embedded_json`]) and the notes. No search index is
/// made (the page makes its own), so the worker carries no search code.
pub fn file_to_file(json: &str) -> Result<(String, Vec<String>), FileError> {
    let (mut content, notes) = read_unsearchable(json)?;
    with_auto_cards(&mut content);
    Ok((to_embedded_json(&content), notes))
}

/// [`read`] without the search index.
fn read_unsearchable(json: &str) -> Result<(Content, Vec<String>), FileError> {
    let file = parse(json, &[SCHEMA_WITHOUT_FIGURES, SCHEMA])?;
    let (report, meta) = structure(&file)?;
    let figures = FigureIndex::new(&report);
    let mut notes = Vec::new();
    if !file.figures.is_empty() && file.figures != figure_records(&report, &figures) {
        notes.push("文件中记录的数据与正文中识别出的不一致，已按正文重新识别。".to_string());
    }
    let cards = cards_of(&file, &report, &figures, &mut notes);
    Ok((
        Content {
            targets: Targets::find(&report, &figures).rows(),
            corpus: Corpus::without_text(),
            report,
            meta,
            figures,
            cards,
        },
        notes,
    ))
}

/// The schema version a report file states, read before anything else, so that a newer file
/// is refused by its version, not by a field it does not have.
pub fn schema_of(json: &str) -> Result<u64, FileError> {
    #[derive(Deserialize)]
    struct Version {
        schema: Option<u64>,
    }
    let version: Version = serde_json::from_str(json).map_err(|e| {
        FileError(format!(
            "这不是报告文件：JSON 无法读取（第{}行第{}列）。",
            e.line(),
            e.column()
        ))
    })?;
    version
        .schema
        .ok_or_else(|| FileError("这不是本程序的报告文件：里面没有注明格式版本（schema）。".into()))
}

/// The file, read and checked as far as its shape goes: a version in `accepted`, every field
/// of the right type, no string over 1 MB.
fn parse(json: &str, accepted: &[u32]) -> Result<ReportFile, FileError> {
    let v = schema_of(json)?;
    if !accepted.iter().any(|&a| u64::from(a) == v) {
        return Err(FileError(format!(
            "这份报告文件的格式版本是{v}，本程序只能读版本{SCHEMA}。"
        )));
    }
    let file: ReportFile = serde_json::from_str(json).map_err(|e| {
        // Where, not serde's English words (docs/size-budget.md).
        let what = if e.is_eof() { "不完整" } else { "有误" };
        FileError(format!(
            "报告文件的内容{what}（第{}行第{}列）：缺少某项内容，或某项的类型不对。",
            e.line(),
            e.column()
        ))
    })?;
    if strings(&file).iter().any(|s| s.len() > LONGEST_STRING) {
        return Err(FileError("报告文件中有一段文字超过1MB，无法显示。".into()));
    }
    Ok(file)
}

/// The report's text and facts: the tree of sections (each id checked against its place),
/// the front matter, the opening.
fn structure(file: &ReportFile) -> Result<(Report, Meta), FileError> {
    let mut front = Vec::new();
    for f in &file.front {
        let kind = FrontKind::from_key(&f.kind).unwrap_or(FrontKind::Other);
        front.push(FrontItem {
            kind,
            text: one_line(&f.text),
        });
    }
    let mut sections = Vec::new();
    for (i, s) in file.sections.iter().enumerate() {
        sections.push(section(s, vec![i as u32 + 1], 1)?);
    }
    let mut annexes = Vec::new();
    for (i, s) in file.annexes.iter().enumerate() {
        annexes.push(section(s, vec![0, i as u32 + 1], 1)?);
    }
    let title_from_front: String = front
        .iter()
        .filter(|f| f.kind == FrontKind::Title)
        .flat_map(|f| f.text.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    let report = Report {
        title: if title_from_front.is_empty() {
            one_line(&file.meta.title)
        } else {
            title_from_front
        },
        front,
        salutation: file.salutation.as_deref().map(one_line),
        opening: join(&file.opening),
        sections,
        annexes,
        truncated: !file.meta.complete,
    };
    let m = &file.meta;
    let meta = Meta {
        title: Some(one_line(&m.title)).filter(|t| !t.is_empty()),
        issuer: m.issuer.clone(),
        place: m.place.clone(),
        year: m.year.clone(),
        source: m.source.clone(),
        full_text: m.full_text.clone(),
        meeting: m.meeting.clone(),
        speaker: m.speaker.clone(),
    };
    Ok((report, meta))
}

/// The file's cards over `figures`: a card whose figure is not there is left out with a note,
/// and so are duplicates; comparisons of cards that are there. `Err(NO_CARDS)` when the file
/// has no cards.
fn cards_of(
    file: &ReportFile,
    report: &Report,
    figures: &FigureIndex,
    notes: &mut Vec<String>,
) -> Result<Cards, String> {
    let themes: Vec<(String, String)> = file
        .themes
        .iter()
        .filter(|t| t.section == OPENING || report.find(&t.section).is_some())
        .map(|t| (t.section.clone(), one_line(&t.name)))
        .collect();
    let mut cards: Vec<Card> = Vec::new();
    for record in &file.cards {
        let Some((unit, k)) = unit_of_figure(&record.figure).and_then(|unit| {
            let n: usize = record.figure.rsplit_once("-fig-")?.1.parse().ok()?;
            Some((unit.to_string(), n.checked_sub(1)?))
        }) else {
            notes.push(format!(
                "卡片“{}”指向的数据编号无效，已略去。",
                shorten(&record.label)
            ));
            continue;
        };
        let found = figures
            .of(&unit)
            .get(k)
            .and_then(|f| unit_text(report, &unit).and_then(|t| t.get(f.start..f.end)));
        if found.is_none() {
            notes.push(format!(
                "卡片“{}”的数据在正文中找不到，已略去。",
                shorten(&record.label)
            ));
            continue;
        }
        if cards.iter().any(|c| c.id == record.id) {
            notes.push(format!(
                "卡片编号“{}”重复，已略去后一张。",
                shorten(&record.id)
            ));
            continue;
        }
        let themes_or_default = if themes.is_empty() {
            vec![(OPENING.to_string(), "全部".to_string())]
        } else {
            themes.clone()
        };
        match make_card(
            report,
            figures,
            &themes_or_default,
            &record.id,
            &one_line(&record.label),
            record.headline,
            &unit,
            k,
        ) {
            Ok(card) => cards.push(card),
            Err(_) => notes.push(format!(
                "卡片“{}”无法显示，已略去。",
                shorten(&record.label)
            )),
        }
    }
    let comparisons = check_comparisons(
        &cards,
        file.comparisons
            .iter()
            .filter(|c| {
                c.cards
                    .iter()
                    .all(|id| cards.iter().any(|card| &card.id == id))
            })
            .map(|c| RawComparison {
                id: c.id.clone(),
                title: one_line(&c.title),
                cards: c.cards.clone(),
            })
            .collect(),
    )
    .unwrap_or_default();
    if file.cards.is_empty() {
        return Err(NO_CARDS.to_string());
    }
    let mut used: Vec<(String, String)> = themes
        .into_iter()
        .filter(|(id, _)| cards.iter().any(|c| &c.theme_id == id))
        .collect();
    if used.is_empty() {
        used = cards
            .first()
            .map(|c| vec![(c.theme_id.clone(), c.theme_name.clone())])
            .unwrap_or_default();
    }
    Ok(Cards {
        cards,
        themes: used,
        comparisons,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MADE_UP: &str = "二〇三〇年某县政府工作报告\n——2030年1月10日在某县第一届人民代表大会第一次会议上\n县长　某某\n各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n一、过去一年工作回顾\n过去一年，全县完成地区生产总值120亿元，同比增长5.2%。\n（一）产业发展\n新增规上企业12家，吸引游客数百人次。\n二、今年工作安排\n力争地区生产总值增长5%左右。\n附件\n1.规上企业：年主营业务收入2000万元以上的工业企业。";

    fn content() -> Content {
        Content::from_text(MADE_UP, None, Terms::default())
            .unwrap()
            .0
    }

    #[test]
    fn a_report_survives_a_round_trip_through_its_file() {
        let content = content();
        let json = to_json(&content);
        let (back, notes) = read(&json, Terms::default()).unwrap();
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(back.report, content.report);
        let ids = |c: &Content| -> Vec<(String, String, bool)> {
            c.cards
                .as_ref()
                .unwrap()
                .cards
                .iter()
                .map(|c| (c.id.clone(), c.written.clone(), c.headline))
                .collect()
        };
        assert_eq!(ids(&back), ids(&content));
        assert_eq!(back.meta.meeting, content.meta.meeting);
    }

    #[test]
    fn the_file_names_its_schema_sections_and_figures() {
        let file = to_file(&content());
        assert_eq!(file.schema, 2);
        assert_eq!(file.meta.title, "二〇三〇年某县政府工作报告");
        assert!(file.meta.complete);
        assert_eq!(file.sections[0].id, "sec-1");
        assert_eq!(file.sections[0].children[0].kind, "subsection");
        assert_eq!(file.annexes[0].id, "annex-1");
        let gdp = file
            .figures
            .iter()
            .find(|f| f.written == "120亿元")
            .unwrap();
        assert_eq!(gdp.value.as_deref(), Some("12000000000"));
        assert_eq!((gdp.paragraph, gdp.start, gdp.end), (0, 15, 20));
        assert_eq!(gdp.currency.as_deref(), Some("CNY"));
        let visitors = file
            .figures
            .iter()
            .find(|f| f.written == "数百人次")
            .unwrap();
        assert_eq!(visitors.value, None);
        assert_eq!(visitors.precision, "range");
    }

    #[test]
    fn a_newer_schema_is_refused_by_its_version() {
        let err = read(r#"{"schema": 3, "meta": {}}"#, Terms::default()).unwrap_err();
        assert!(err.0.contains("版本是3"), "{err}");
        let err = read(r#"{"meta": {}}"#, Terms::default()).unwrap_err();
        assert!(err.0.contains("没有注明格式版本"), "{err}");
    }

    #[test]
    fn broken_json_is_refused_with_where_it_breaks() {
        let err = read("{\"schema\": 1, \"meta\": {", Terms::default()).unwrap_err();
        assert!(err.0.contains("第1行"), "{err}");
        let err = read("不是JSON", Terms::default()).unwrap_err();
        assert!(err.0.starts_with("这不是报告文件"), "{err}");
        let err = read(r#"{"schema": 1, "meta": {"title": "x"}}"#, Terms::default()).unwrap_err();
        assert!(
            err.0.contains("第1行第36列"),
            "where the field is missing: {err}"
        );
    }

    #[test]
    fn ids_that_do_not_match_their_place_are_refused() {
        let mut file = to_file(&content());
        file.sections[0].id = "sec-9".into();
        let json = serde_json::to_string(&file).unwrap();
        let err = read(&json, Terms::default()).unwrap_err();
        assert!(err.0.contains("sec-9"), "{err}");
    }

    #[test]
    fn a_card_whose_figure_is_not_in_the_text_is_left_out_with_a_note() {
        let mut file = to_file(&content());
        file.cards[0].figure = "sec-1-fig-99".into();
        file.cards[1].figure = "nonsense".into();
        let json = serde_json::to_string(&file).unwrap();
        let (back, notes) = read(&json, Terms::default()).unwrap();
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert_eq!(back.cards.unwrap().cards.len(), file.cards.len() - 2);
    }

    #[test]
    fn markup_in_strings_stays_text() {
        let mut file = to_file(&content());
        file.sections[0].heading = "<script>alert(1)</script>".into();
        file.sections[0].paragraphs[0] = "<img src=x onerror=alert(1)> javascript:alert(1)".into();
        let json = serde_json::to_string(&file).unwrap();
        let (back, _) = read(&json, Terms::default()).unwrap();
        assert_eq!(back.report.sections[0].heading, "<script>alert(1)</script>");
    }
}

#[cfg(test)]
mod fuzz {
    use super::*;

    /// A small xorshift generator: the same inputs on every run.
    fn next(seed: &mut u64) -> u64 {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed
    }

    /// Reads `text`; a refusal must say why, in Chinese, for the reader. Returns whether it was
    /// read.
    fn read_or_say_why(text: &str) -> bool {
        match read(text, Terms::default()) {
            Ok(_) => true,
            Err(FileError(message)) => {
                assert!(
                    message
                        .chars()
                        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "refused without a message in Chinese: {message:?} for {text:?}"
                );
                false
            }
        }
    }

    /// Reading never panics, whatever the bytes, and every refusal says why in Chinese: 5,000
    /// mutations of a real report file (characters replaced, deleted, duplicated, cut) and
    /// 5,000 strings of JSON pieces. The mutations must leave some files readable and break
    /// others (724 and 4,276 today), so that both ways through `read` are taken; the pieces
    /// are all refused (no string of them forms a whole file).
    #[test]
    fn reading_any_text_never_panics() {
        let (content, _) = Content::from_text(
            "某县政府工作报告\n各位代表：\n一、回顾\n完成投资120亿元，增长5%。\n（一）民生\n参保9950人。",
            None,
            Terms::default(),
        )
        .unwrap();
        let json: Vec<char> = to_json(&content).chars().collect();
        let pieces = [
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"schema\"",
            "1",
            "\"meta\"",
            "\"sections\"",
            "\"id\"",
            "\"sec-1\"",
            "\"kind\"",
            "\"part\"",
            "\"children\"",
            "\"paragraphs\"",
            "\"cards\"",
            "\"figure\"",
            "\"sec-1-fig-1\"",
            "null",
            "true",
            "\"\\u0000\"",
            "\"<script>\"",
            "-1",
            "1e309",
            "\"complete\"",
            "\"title\"",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1D;
        // (read, refused) of each generator.
        let (mut mutated, mut pieced) = ((0, 0), (0, 0));
        for _ in 0..5_000 {
            let mut text = json.clone();
            for _ in 0..(next(&mut seed) % 4 + 1) {
                if text.is_empty() {
                    break;
                }
                let at = (next(&mut seed) as usize) % text.len();
                match next(&mut seed) % 4 {
                    0 => {
                        text[at] = char::from_u32((next(&mut seed) % 0x3000) as u32).unwrap_or('x')
                    }
                    1 => {
                        text.remove(at);
                    }
                    2 => text.insert(at, text[at]),
                    _ => text.truncate(at),
                }
            }
            let text: String = text.into_iter().collect();
            if read_or_say_why(&text) {
                mutated.0 += 1;
            } else {
                mutated.1 += 1;
            }
        }
        for _ in 0..5_000 {
            let len = next(&mut seed) % 30;
            let text: String = (0..len)
                .map(|_| pieces[(next(&mut seed) as usize) % pieces.len()])
                .collect();
            if read_or_say_why(&text) {
                pieced.0 += 1;
            } else {
                pieced.1 += 1;
            }
        }
        eprintln!("mutations read/refused: {mutated:?}; pieces read/refused: {pieced:?}");
        assert!(
            mutated.0 > 0 && mutated.1 > 0,
            "the mutations reach both reading and refusing: {mutated:?}"
        );
        assert_eq!(pieced, (0, 5_000), "the pieces are refused");
    }
}
