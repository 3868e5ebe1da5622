//! `dist/targets.json` and `dist/targets.csv`: every target and result of the library in one
//! table, so that a newsroom has it in one click. One row per stated figure — the targets of
//! each report's 主要预期目标 and the results its review gives for the same indicators
//! (`report_core::targets`) — with the report it comes from and a link to its sentence.
//!
//! Values keep their meaning: `qualifier` says how the written figure bounds the value
//! (`exact`, `approximate`, `at_least`, `at_most`, `range`), and `min` / `max` are the least
//! and greatest values the words allow, in the figure's base unit (`unit`: `%`, `元`, `人`, …);
//! a bound has one of them, never a plain number. `kind` is `target`, `result` or `estimate`
//! (预计, 初步统计).

use serde::Serialize;

use report_core::export::csv_field;
use report_core::targets::{Bound, Stated, Targets};
use report_core::Content;

use super::Entry;

/// One target or result.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TargetRecord {
    /// The report's id and title, place, level and year (as `library.json` gives them).
    pub report: String,
    pub title: String,
    pub place: Option<String>,
    pub level: Option<&'static str>,
    pub report_year: Option<u32>,
    pub indicator: String,
    /// `target`, `result` or `estimate`.
    pub kind: String,
    /// The year the figure is for (a report's results are for the year before its targets).
    pub year: Option<u32>,
    /// As written ("5%左右"), and the verb of its change ("增长"), if it states one.
    pub written: String,
    pub change: Option<String>,
    pub qualifier: String,
    pub min: Option<String>,
    pub max: Option<String>,
    pub unit: String,
    /// For a target: the aim the text adds ("8%" of 力争达到8%).
    pub aim: Option<String>,
    /// The figure's place: the report's address (from the site's root) and `#` its id.
    pub link: String,
    /// For a target whose place has a report of the next year: what that report gives for it
    /// (`report_core::review`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<ReviewRecord>,
}

/// A target read against the next year's report.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ReviewRecord {
    /// `met`, `not_met`, `not_found` or `not_comparable`.
    pub status: String,
    /// The next year's report (its id), and the figure it gives, as written, with its kind
    /// (`result` or `estimate`) and link; absent when it gives none.
    pub report: String,
    pub written: Option<String>,
    pub kind: Option<String>,
    pub link: Option<String>,
    /// The result less the target, in words ("低0.2个百分点").
    pub difference: Option<String>,
}

/// One stated figure of a report as a row (`aim`: the aim its text adds to a target).
pub fn record(
    entry: &Entry,
    content: &Content,
    s: &Stated,
    aim: Option<&Stated>,
    base: &str,
) -> TargetRecord {
    TargetRecord {
        report: entry.id.clone(),
        title: entry.title.clone(),
        place: entry.place.clone(),
        level: entry.level,
        report_year: entry.year,
        indicator: s.indicator.clone(),
        kind: s.kind.key().to_string(),
        year: s.year,
        written: s.written.clone(),
        change: Some(s.change.clone()).filter(|c| !c.is_empty()),
        qualifier: s.bound.key().to_string(),
        min: s.min.map(|v| v.to_string()),
        max: s.max.map(|v| v.to_string()),
        unit: content
            .figures
            .units
            .iter()
            .find(|(id, _)| *id == s.unit_id)
            .and_then(|(_, figures)| figures.get(s.index))
            .map(|f| f.unit.clone())
            .unwrap_or_default(),
        aim: aim.map(|a| a.written.clone()),
        link: link(entry, s, base),
        review: None,
    }
}

/// Where a stated figure is, from the site's root.
pub fn link(entry: &Entry, s: &Stated, base: &str) -> String {
    format!("{base}{}#{}", entry.address, s.figure_id())
}

/// The rows of one report; `base` is the site's public address (`/` or `/sub/path/`).
pub fn records(entry: &Entry, content: &Content, base: &str) -> Vec<TargetRecord> {
    let found = Targets::find(&content.report, &content.figures);
    let record = |s: &Stated, aim: Option<&Stated>| record(entry, content, s, aim, base);
    let mut rows: Vec<TargetRecord> = found
        .targets
        .iter()
        .map(|t| record(&t.stated, t.aim.as_ref()))
        .collect();
    rows.extend(found.results.iter().map(|r| record(r, None)));
    rows
}

/// The table as JSON: `{"schema":1,"rows":[…]}`, pretty.
pub fn to_json(rows: &[TargetRecord]) -> String {
    #[derive(Serialize)]
    struct File<'a> {
        schema: u32,
        rows: &'a [TargetRecord],
    }
    serde_json::to_string_pretty(&File { schema: 1, rows }).unwrap_or_default() + "\n"
}

/// The CSV's columns (the JSON's fields, in Chinese, in the same order).
const COLUMNS: [&str; 22] = [
    "报告",
    "标题",
    "地方",
    "级别",
    "报告年份",
    "指标",
    "类型",
    "所指年份",
    "原文写法",
    "变化",
    "数值性质",
    "下限",
    "上限",
    "单位",
    "力争",
    "链接",
    "类型代码",
    "完成判断",
    "下一年报告",
    "下一年报告给出的数",
    "与目标相差",
    "下一年报告的链接",
];

/// A review's status in words, as the page says it (达到, 未达到（预计）, …).
fn status_words(status: &str, kind: Option<&str>) -> String {
    let words = match status {
        "met" => "达到",
        "not_met" => "未达到",
        "not_comparable" => "无法比较",
        _ => "未找到对应的数",
    };
    match (status, kind) {
        ("met" | "not_met", Some("estimate")) => format!("{words}（预计）"),
        _ => words.to_string(),
    }
}

/// The table as CSV: a BOM, a header row, one row per figure, CRLF line ends (RFC 4180), as the
/// page's own CSV export. 类型 and 数值性质 are in words (目标 / 实绩 / 预计; 精确 / 约数 / 下限 /
/// 上限 / 范围); 类型代码 is the JSON's `kind`; for a target whose place has the next year's
/// report, 完成判断 and what that report gives (the JSON's `review`).
pub fn to_csv(rows: &[TargetRecord]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&COLUMNS.join(","));
    out.push_str("\r\n");
    for r in rows {
        let kind = match r.kind.as_str() {
            "target" => "目标",
            "estimate" => "预计",
            _ => "实绩",
        };
        let qualifier = match r.qualifier.as_str() {
            q if q == Bound::Approximate.key() => "约数",
            q if q == Bound::AtLeast.key() => "下限",
            q if q == Bound::AtMost.key() => "上限",
            q if q == Bound::Range.key() => "范围",
            _ => "精确",
        };
        let year = |y: Option<u32>| y.map(|y| y.to_string()).unwrap_or_default();
        let fields = [
            r.report.clone(),
            r.title.clone(),
            r.place.clone().unwrap_or_default(),
            r.level.unwrap_or_default().to_string(),
            year(r.report_year),
            r.indicator.clone(),
            kind.to_string(),
            year(r.year),
            r.written.clone(),
            r.change.clone().unwrap_or_default(),
            qualifier.to_string(),
            r.min.clone().unwrap_or_default(),
            r.max.clone().unwrap_or_default(),
            r.unit.clone(),
            r.aim.clone().unwrap_or_default(),
            r.link.clone(),
            r.kind.clone(),
            r.review.as_ref().map_or(String::new(), |v| {
                status_words(&v.status, v.kind.as_deref())
            }),
            r.review
                .as_ref()
                .map_or(String::new(), |v| v.report.clone()),
            r.review
                .as_ref()
                .and_then(|v| v.written.clone())
                .unwrap_or_default(),
            r.review
                .as_ref()
                .and_then(|v| v.difference.clone())
                .unwrap_or_default(),
            r.review
                .as_ref()
                .and_then(|v| v.link.clone())
                .unwrap_or_default(),
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}
