//! The report file: one documented JSON format (schema 1) for a whole report — its facts, its
//! text as a tree of sections with paragraphs, the figures recognised in it, and its cards. The
//! app embeds the default report in this form, the importer writes it, and a reader can open
//! one in the browser. README.md documents it with an example.
//!
//! Two phases, as everywhere in the core: [`ReportFile`] is the raw shape serde reads and
//! writes; [`read`] checks it and builds the [`Content`] the app shows. Reading trusts no
//! number in the file: figures are recognised again in the text, and a card whose figure is not
//! found there as the file says is left out (with a note). A file of another schema version is
//! refused with a message, never half-read.

use serde::{Deserialize, Serialize};

use super::cards::{
    check_comparisons, figure_id, make_card, unit_of_figure, unit_text, Card, Cards, FigureIndex,
    RawComparison, OPENING,
};
use super::export::change_text;
use super::model::{FrontItem, FrontKind, Meta, Report, Section, SectionKind, SectionNumber};
use super::search::terms::Terms;
use super::search::Corpus;
use super::Content;

/// The version of the format this program writes and reads.
pub const SCHEMA: u32 = 1;

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
    /// The figures recognised in the text, for other programs. Reading ignores them: the app
    /// recognises the figures again in the text, so no number of a file is shown unless the
    /// text says it (and their reader stays out of the wasm).
    #[serde(default, skip_deserializing)]
    pub figures: Vec<FigureRecord>,
    /// Short names of the sections that group the cards.
    #[serde(default)]
    pub themes: Vec<ThemeRecord>,
    #[serde(default)]
    pub cards: Vec<CardRecord>,
    #[serde(default)]
    pub comparisons: Vec<ComparisonRecord>,
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
    /// As written: "约2000万元".
    pub written: String,
    /// In base units (money in its currency's unit), exact decimals; `value` only for a point.
    pub value: Option<String>,
    pub min: Option<String>,
    pub max: Option<String>,
    /// "exact", "approximate", "lower_bound", "range", ….
    pub precision: String,
    pub unit: String,
    /// "CNY" for money in 元.
    pub currency: Option<String>,
    /// "result", "estimate" or "target".
    pub kind: String,
    pub period: Option<String>,
    /// The change stated for it ("同比增长14.5%").
    pub change: Option<String>,
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
    let mut figures = Vec::new();
    for (unit, list) in &content.figures.units {
        let Some(text) = unit_text(report, unit) else {
            continue;
        };
        for (k, figure) in list.iter().enumerate() {
            let (paragraph, start, end) = place(text, figure.start, figure.end);
            let m = figure.meaning();
            let card = content
                .cards
                .as_ref()
                .ok()
                .and_then(|c| c.for_figure(&figure_id(unit, k)));
            figures.push(FigureRecord {
                id: figure_id(unit, k),
                section: unit.clone(),
                paragraph,
                start,
                end,
                written: text.get(figure.start..figure.end).unwrap_or("").to_string(),
                value: m.value.map(|v| v.to_string()),
                min: m.min.map(|v| v.to_string()),
                max: m.max.map(|v| v.to_string()),
                precision: m.precision.key().to_string(),
                unit: figure.unit.clone(),
                currency: (figure.unit == "元").then(|| "CNY".to_string()),
                kind: super::figures::meaning::kind_of(text, figure)
                    .key()
                    .to_string(),
                period: card.and_then(|c| c.period.as_ref().map(|p| p.text.clone())),
                change: card.map(change_text).filter(|c| !c.is_empty()),
            });
        }
    }
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
    }
}

/// The report file of a content as pretty JSON.
pub fn to_json(content: &Content) -> String {
    serde_json::to_string_pretty(&to_file(content)).unwrap_or_default() + "\n"
}

/// The report file as the app embeds it: compact, and without the figures, which the app
/// recognises again in the text anyway (a third of the file's size, kept out of the wasm).
pub fn to_embedded_json(content: &Content) -> String {
    let mut file = to_file(content);
    file.figures.clear();
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
    if content.cards.as_ref().is_err_and(|e| e == NO_CARDS) {
        content.cards = Ok(super::cards::auto_cards(&content.report, &content.figures));
    }
    Ok((content, notes))
}

/// Reads a report file (JSON text): checks it and builds the content, recognising the figures
/// in the text again. Returns the content and notes on what was left out. A file without cards
/// has the cards `Err(NO_CARDS)` ([`read_with_cards`] makes them).
pub fn read(json: &str, terms: Terms) -> Result<(Content, Vec<String>), FileError> {
    // The version first, so that a newer file is refused by its version, not by a field.
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
    match version.schema {
        Some(v) if v == u64::from(SCHEMA) => {}
        Some(v) => {
            return Err(FileError(format!(
                "这份报告文件的格式版本是{v}，本程序只能读版本{SCHEMA}。"
            )))
        }
        None => {
            return Err(FileError(
                "这不是本程序的报告文件：里面没有注明格式版本（schema）。".into(),
            ))
        }
    }
    let file: ReportFile = serde_json::from_str(json).map_err(|e| {
        // Where, not serde's English words (their formatting costs the wasm a few KB).
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
    let figures = FigureIndex::new(&report);
    let mut notes = Vec::new();
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
            .and_then(|f| unit_text(&report, &unit).and_then(|t| t.get(f.start..f.end)));
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
            &report,
            &figures,
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
    let cards = if file.cards.is_empty() {
        Err(NO_CARDS.to_string())
    } else {
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
    };
    let corpus = Corpus::new(&report, terms);
    Ok((
        Content {
            report,
            meta,
            figures,
            cards,
            corpus,
        },
        notes,
    ))
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
        assert_eq!(file.schema, 1);
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
        let err = read(r#"{"schema": 2, "meta": {}}"#, Terms::default()).unwrap_err();
        assert!(err.0.contains("版本是2"), "{err}");
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

    /// Reading never panics, whatever the bytes: 5,000 mutations of a real report file
    /// (characters replaced, deleted, duplicated, cut) and 5,000 strings of JSON pieces.
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
        let mut tried = 0;
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
            let _ = read(&text, Terms::default());
            tried += 1;
        }
        for _ in 0..5_000 {
            let len = next(&mut seed) % 30;
            let text: String = (0..len)
                .map(|_| pieces[(next(&mut seed) as usize) % pieces.len()])
                .collect();
            let _ = read(&text, Terms::default());
            tried += 1;
        }
        assert_eq!(tried, 10_000);
    }
}
