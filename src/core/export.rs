//! Exports of the figures as CSV (UTF-8 with a byte-order mark, so that spreadsheet programs
//! read the Chinese) and as JSON, with label, value, unit, qualifier, period, change, theme and
//! the source sentence. Both are written by hand (no serde_json in the wasm).

use super::cards::{Card, Cards};

#[derive(Debug)]
struct Row<'a> {
    label: &'a str,
    /// The value in base units, as an exact decimal string.
    value: String,
    unit: &'a str,
    /// The figure as written in the report.
    written: &'a str,
    qualifier: &'a str,
    period: &'a str,
    change: String,
    theme: &'a str,
    sentence: &'a str,
}

fn row(card: &Card) -> Row<'_> {
    Row {
        label: &card.label,
        value: card.figure.value.to_string(),
        unit: &card.figure.unit,
        written: &card.written,
        qualifier: card.figure.qualifier.reading(),
        period: card.figure.period.as_deref().unwrap_or(""),
        change: change_text(card),
        theme: &card.theme_name,
        sentence: &card.sentence,
    }
}

/// The change as written in the report ("同比增长14.5%"), or "": the change qualifying the
/// card's figure, or the figure itself when it is a change ("同比提升29.4%").
pub fn change_text(card: &Card) -> String {
    if let Some(c) = &card.figure.change {
        return format!("{}{}{}", c.basis, c.verb, card.written);
    }
    match (&card.change, &card.change_written) {
        (Some(figure), Some(written)) => match &figure.change {
            Some(c) => format!("{}{}{}", c.basis, c.verb, written),
            None => written.clone(),
        },
        _ => String::new(),
    }
}

/// CSV column headers in Chinese, for the people who open it in a spreadsheet (the JSON keys
/// are the English names: label, value, unit, written, qualifier, period, change, theme,
/// sentence).
const COLUMNS: [&str; 9] = [
    "名称",
    "数值",
    "单位",
    "原文写法",
    "限定",
    "时期",
    "变化",
    "主题",
    "原句",
];

fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// All cards as CSV: a BOM, a header row, one row per card, CRLF line ends (RFC 4180).
pub fn to_csv(cards: &Cards) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&COLUMNS.join(","));
    out.push_str("\r\n");
    for card in &cards.cards {
        let r = row(card);
        let fields = [
            r.label,
            &r.value,
            r.unit,
            r.written,
            r.qualifier,
            r.period,
            &r.change,
            r.theme,
            r.sentence,
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A JSON string literal.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// All cards as pretty JSON: `{ "report": title, "figures": [ { label, value, … } ] }`.
/// Values are strings (exact decimals, no float rounding).
pub fn to_json(cards: &Cards, title: &str) -> String {
    let mut out = format!(
        "{{\n  \"report\": {},\n  \"figures\": [",
        json_string(title)
    );
    for (i, card) in cards.cards.iter().enumerate() {
        let r = row(card);
        let fields = [
            ("label", r.label),
            ("value", &r.value),
            ("unit", r.unit),
            ("written", r.written),
            ("qualifier", r.qualifier),
            ("period", r.period),
            ("change", &r.change),
            ("theme", r.theme),
            ("sentence", r.sentence),
        ];
        out.push_str(if i == 0 { "\n    {" } else { ",\n    {" });
        for (j, (key, value)) in fields.iter().enumerate() {
            out.push_str(if j == 0 { "\n      " } else { ",\n      " });
            out.push_str(&format!("\"{key}\": {}", json_string(value)));
        }
        out.push_str("\n    }");
    }
    out.push_str(if cards.cards.is_empty() {
        "]\n}\n"
    } else {
        "\n  ]\n}\n"
    });
    out
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn json_strings_escape_quotes_backslashes_and_controls() {
        assert_eq!(
            super::json_string("a\"b\\c\n\u{1}"),
            "\"a\\\"b\\\\c\\n\\u0001\""
        );
    }

    #[test]
    fn csv_fields_with_commas_or_quotes_are_quoted() {
        assert_eq!(
            csv_field("甲，乙"),
            "甲，乙",
            "full-width commas need no quoting"
        );
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("“生命线”\"x\""), "\"“生命线”\"\"x\"\"\"");
    }
}

/// A citation of one card for pasting: value, the exact sentence, the report's title and a link.
pub fn citation(card: &Card, report_title: &str, link: &str) -> String {
    let change = change_text(card);
    let value = if change.is_empty() {
        card.written.clone()
    } else {
        format!("{}（{}）", card.written, change)
    };
    format!(
        "{}：{}\n「{}」\n——《{}》 {}",
        card.label, value, card.sentence, report_title, link
    )
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
mod data_url_tests {
    use super::data_url;

    #[test]
    fn data_urls_percent_encode_everything_but_unreserved_ascii() {
        assert_eq!(
            data_url("text/csv", "\u{feff}a,b 亩"),
            "data:text/csv;charset=utf-8,%EF%BB%BFa%2Cb%20%E4%BA%A9"
        );
    }
}
