//! Exports of the figures as CSV (UTF-8 with a byte-order mark, so that spreadsheet programs
//! read the Chinese) and as JSON (serde_json), and the citations that 复制引用 copies.
//!
//! Every row says what its value means: `value` holds a number only when the text states one
//! (exact or approximate); a lower bound ("百余条") or a range ("数百名") leaves it empty and
//! fills `min` / `max`, and `precision` says which (exact, approximate, lower_bound, range),
//! so that nobody adds up 100 for 数百. Each row also carries its kind (result, estimate,
//! target), its period and where the text gives it, its section (id and heading) and a link
//! back to its sentence.

use serde::Serialize;

use super::cards::{Card, Cards};
use super::model::{Report, Section, SectionKind};

/// One figure as exported. Values are exact decimal strings (no float rounding).
#[derive(Debug, Serialize)]
pub struct Row<'a> {
    pub id: &'a str,
    pub label: &'a str,
    /// The value when the text states one (exact or approximate), in base units.
    pub value: Option<String>,
    /// The low end of a range, or the bound of "more than".
    pub min: Option<String>,
    /// The high end of a range.
    pub max: Option<String>,
    /// "exact", "approximate", "lower_bound" or "range".
    pub precision: &'static str,
    /// What the value means in words ("多于100条"), "" when exact.
    pub reading: String,
    pub unit: &'a str,
    /// The figure as written in the report.
    pub written: &'a str,
    /// "result", "estimate" or "target".
    pub kind: &'static str,
    pub period: Option<&'a str>,
    /// "sentence" (written in the figure's sentence) or "section" (its section's heading).
    pub period_source: Option<&'static str>,
    /// The change as written ("同比增长14.5%").
    pub change: Option<String>,
    pub theme: &'a str,
    pub section_id: &'a str,
    pub section_heading: &'a str,
    pub sentence: &'a str,
    /// The address of the figure's sentence in the page (`null` for a report opened from a
    /// file, which has no address of its own).
    pub link: Option<String>,
    /// The indicator it measures ("地区生产总值", `data/indicators.tsv`), where its clause
    /// names one.
    pub indicator: Option<&'a str>,
}

/// A card as an export row; `base` is the page's address without `#…` (the link is
/// `base#figure-id`).
pub fn row<'a>(card: &'a Card, base: &str) -> Row<'a> {
    let m = &card.meaning;
    let change = change_text(card);
    Row {
        id: &card.id,
        label: &card.label,
        value: m.value.map(|v| v.to_string()),
        min: m.min.map(|v| v.to_string()),
        max: m.max.map(|v| v.to_string()),
        precision: m.precision.key(),
        reading: export_reading(card),
        unit: &card.figure.unit,
        written: &card.written,
        kind: card.kind.key(),
        period: card.period.as_ref().map(|p| p.text.as_str()),
        period_source: card.period.as_ref().map(|p| match p.from_section {
            None => "sentence",
            Some(_) => "section",
        }),
        change: (!change.is_empty()).then_some(change),
        theme: &card.theme_name,
        section_id: &card.unit_id,
        section_heading: &card.section_heading,
        sentence: &card.sentence,
        link: (!base.is_empty()).then(|| format!("{base}#{}", card.figure_id())),
        indicator: card.indicator.as_deref(),
    }
}

/// What the value means, for an export: the card's reading, and for a range the convention it
/// rests on (the text says 数百, not 200 and 900).
fn export_reading(card: &Card) -> String {
    let reading = card.meaning.reading(&card.figure.unit);
    match card.meaning.precision {
        super::figures::meaning::Precision::Range => {
            format!(
                "{reading}（原文为“{}”，按通常理解取二至九倍）",
                card.written
            )
        }
        _ => reading,
    }
}

/// The change as written in the report ("同比增长14.5%"), or "": the change qualifying the
/// card's figure, or the figure itself when it is a change ("同比提升29.4%").
pub fn change_text(card: &Card) -> String {
    let by = card.change.as_ref().zip(card.change_written.as_deref());
    card.figure
        .stated_change(&card.written, by)
        .unwrap_or_default()
}

/// CSV column headers in Chinese, for the people who open it in a spreadsheet; the JSON keys
/// are the fields of [`Row`] in the same order.
pub const COLUMNS: [&str; 19] = [
    "编号",
    "名称",
    "数值",
    "下限",
    "上限",
    "数值性质",
    "说明",
    "单位",
    "原文写法",
    "类型",
    "时期",
    "时期出处",
    "变化",
    "主题",
    "章节编号",
    "章节标题",
    "原句",
    "链接",
    "指标",
];

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
pub fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// All cards as CSV: a BOM, a header row, one row per card, CRLF line ends (RFC 4180).
pub fn to_csv(cards: &Cards, base: &str) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&COLUMNS.join(","));
    out.push_str("\r\n");
    for card in &cards.cards {
        let r = row(card, base);
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let precision = card.meaning.precision.name().to_string();
        let period_source = match card.period.as_ref().map(|p| &p.from_section) {
            None => String::new(),
            Some(None) => "本句".to_string(),
            Some(Some(_)) => "所在部分的标题".to_string(),
        };
        let fields = [
            r.id.to_string(),
            r.label.to_string(),
            opt(&r.value),
            opt(&r.min),
            opt(&r.max),
            precision,
            r.reading.clone(),
            r.unit.to_string(),
            r.written.to_string(),
            card.kind.name().to_string(),
            r.period.unwrap_or("").to_string(),
            period_source,
            opt(&r.change),
            r.theme.to_string(),
            r.section_id.to_string(),
            r.section_heading.to_string(),
            r.sentence.to_string(),
            r.link.clone().unwrap_or_default(),
            r.indicator.unwrap_or("").to_string(),
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The JSON export: `{ "report": title, "complete": …, "stops_at": …, "figures": [ Row, … ] }`.
#[derive(Serialize)]
struct Export<'a> {
    report: &'a str,
    /// Whether the report's text is complete; when it is not, the words where it stops.
    complete: bool,
    stops_at: Option<String>,
    figures: Vec<Row<'a>>,
}

/// All cards as pretty JSON (see [`Row`]).
pub fn to_json(cards: &Cards, report: &Report, base: &str) -> String {
    let export = Export {
        report: &report.title,
        complete: !report.truncated,
        stops_at: report.cut_tail(),
        figures: cards.cards.iter().map(|c| row(c, base)).collect(),
    };
    serde_json::to_string(&export).unwrap_or_default() + "\n"
}

/// A citation of one card for pasting: value (with what it means and its kind when not a plain
/// result), the exact sentence, the report's title and a link (none when `link` is empty).
pub fn citation(card: &Card, report_title: &str, link: &str) -> String {
    let mut notes = Vec::new();
    let change = change_text(card);
    if !change.is_empty() && card.figure.change.is_none() {
        notes.push(change);
    }
    let reading = card.meaning.reading(&card.figure.unit);
    if !reading.is_empty() && reading != "约数" {
        notes.push(reading);
    }
    if card.kind != super::figures::meaning::Kind::Result {
        notes.push(card.kind.name().to_string());
    }
    let value = if notes.is_empty() {
        card.written.clone()
    } else {
        format!("{}（{}）", card.written, notes.join("，"))
    };
    format!(
        "{}：{}\n「{}」\n——《{}》 {}",
        card.label, value, card.sentence, report_title, link
    )
    .trim_end()
    .to_string()
}

/// A citation of one paragraph for pasting: the quoted text, then the report's title, the
/// section's heading (unless the quote starts with it) and a link. `section` None quotes the
/// opening; `paragraph` is the byte range of the paragraph in the section's body (or the
/// opening). The first paragraph of a point or a theme starts with its heading sentence. When
/// the source text stops inside this paragraph, "（原文在此中断）" follows the quote, outside
/// its marks.
pub fn paragraph_citation(
    report: &Report,
    section: Option<&Section>,
    paragraph: (usize, usize),
    cut_here: bool,
    link: &str,
) -> String {
    let text = |body: &str| body.get(paragraph.0..paragraph.1).unwrap_or("").to_string();
    let (quote, place) = match section {
        Some(s) => {
            let opens =
                paragraph.0 == 0 && matches!(s.kind, SectionKind::Point | SectionKind::Theme);
            if opens {
                (
                    format!("{}{}", s.full_heading(), text(&s.body)),
                    String::new(),
                )
            } else {
                (text(&s.body), format!("·{}", s.full_heading()))
            }
        }
        None => (text(&report.opening), String::new()),
    };
    let cut = if cut_here {
        "（原文在此中断）"
    } else {
        ""
    };
    format!("「{quote}」{cut}\n——《{}》{place} {link}", report.title)
        .trim_end()
        .to_string()
}

/// A `data:` URL holding `content` (percent-encoded UTF-8), for a download link that needs no
/// script and renders the same on the server.
pub fn data_url(mime: &str, content: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        super::route::percent_encode(content)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_with_commas_quotes_or_line_breaks_are_quoted() {
        assert_eq!(
            csv_field("甲，乙"),
            "甲，乙",
            "full-width commas need no quoting"
        );
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("“生命线”\"x\""), "\"“生命线”\"\"x\"\"\"");
        assert_eq!(csv_field("一\n二"), "\"一\n二\"");
        assert_eq!(csv_field("一\r\n二"), "\"一\r\n二\"");
    }

    #[test]
    fn data_urls_percent_encode_everything_but_unreserved_ascii() {
        assert_eq!(
            data_url("text/csv", "\u{feff}a,b 亩"),
            "data:text/csv;charset=utf-8,%EF%BB%BFa%2Cb%20%E4%BA%A9"
        );
    }
}
