//! The curated figures data against the real report: every card's quote is in the text and
//! its value is recognised there, the data holds no number of its own, and the charts and
//! exports say what the text says.

use report_core::cards::{build_cards, FigureIndex};
use report_core::chart::comparison;
use report_core::export::{citation, to_csv, to_json, COLUMNS};
use report_core::figures::meaning::Kind;
mod support;
use support as data;

fn cards() -> &'static report_core::cards::Cards {
    data::cards().expect("the curated figures data fits the report")
}

#[test]
fn every_curated_card_is_found_in_the_text_with_its_value() {
    let cards = cards();
    assert_eq!(cards.cards.len(), 41);
    let headline: Vec<&str> = cards
        .cards
        .iter()
        .filter(|c| c.headline)
        .map(|c| c.label.as_str())
        .collect();
    assert!((4..=6).contains(&headline.len()), "{headline:?}");
    let report = data::report().unwrap();
    let text = report.shown_text();
    for card in &cards.cards {
        assert!(
            text.contains(&card.sentence),
            "{}: sentence not in text",
            card.id
        );
        assert!(card.sentence.contains(&card.written), "{}", card.id);
    }
}

#[test]
fn every_figure_of_the_report_has_a_card_or_qualifies_one() {
    let cards = cards();
    let figures = &data::content().unwrap().figures;
    for (unit, list) in &figures.units {
        for (k, figure) in list.iter().enumerate() {
            let id = report_core::cards::figure_id(unit, k);
            let card = cards.for_unit_figure(unit, k);
            assert!(card.is_none_or(|c| c.figure_id() == id), "{id}");
            let has_card = card.is_some()
                || cards
                    .cards
                    .iter()
                    .any(|c| &c.unit_id == unit && c.figure.changed_by == Some(k));
            assert!(has_card, "figure {id} ({:?}) has no card", figure.value);
        }
    }
}

/// No number in the data file that is not in the text: the only digits in it are card values
/// (checked against the recogniser by `build_cards`), quotes (checked to be in the text) and
/// section ids.
#[test]
fn the_data_file_holds_no_number_of_its_own() {
    let text = data::report().unwrap().shown_text();
    for line in data::CURATION.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        for (i, field) in fields.iter().enumerate() {
            if !field.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            match (fields[0], i) {
                ("card", 3) => {} // the value: checked by build_cards
                ("card", 5) => assert!(text.contains(field), "quote {field:?} not in the text"),
                ("theme", 1) => assert!(field.starts_with("sec-"), "{line}"),
                ("meta", 2) => assert!(text.contains(field), "meta {field:?} not in the text"),
                _ => panic!("a number of its own in {line:?}"),
            }
        }
    }
}

fn curation_with(cards: &str) -> String {
    format!("theme\tsec-1-1\t经济发展\n{cards}")
}

#[test]
fn a_quote_that_is_not_in_the_text_is_rejected() {
    let content = data::content().unwrap();
    let bad = curation_with("card\tx\tx\t1\t-\t火星基地1座\n");
    let err = build_cards(&content.report, &content.figures, &bad).unwrap_err();
    assert_eq!(err.card, "x");
    assert!(err.to_string().contains("not in the text"), "{err}");
}

#[test]
fn a_value_the_recogniser_does_not_find_in_the_quote_is_rejected() {
    let content = data::content().unwrap();
    let bad = curation_with("card\tx\t财税收入\t1687\t-\t财税收入1687万元\n");
    let err = build_cards(&content.report, &content.figures, &bad).unwrap_err();
    assert!(
        err.to_string().contains("no figure with value 1687"),
        "{err}"
    );
}

#[test]
fn duplicate_ids_and_mixed_unit_comparisons_are_rejected() {
    let content = data::content().unwrap();
    let card = "card\tx\ta\t1055\t-\t1055盏路灯\n";
    let twice = curation_with(&format!("{card}{card}"));
    assert!(build_cards(&content.report, &content.figures, &twice).is_err());
    let mixed = curation_with(
        "card\ta\ta\t1055\t-\t1055盏路灯\ncard\tb\tb\t4101\t-\t养老保险参保4101人\ncompare\tc\tc\ta\tb\n",
    );
    let err = build_cards(&content.report, &content.figures, &mixed).unwrap_err();
    assert!(err.to_string().contains("different units"), "{err}");
    let broken = build_cards(&content.report, &content.figures, "card\tx\n").unwrap_err();
    assert!(broken.to_string().contains("line 1"), "{broken}");
}

#[test]
fn the_fiscal_revenue_card_has_its_period_and_change() {
    let card = cards().by_id("fiscal-revenue").unwrap();
    assert_eq!(card.written, "1687万元");
    assert_eq!(card.figure.value.to_string(), "16870000");
    assert_eq!(card.figure.period.as_deref(), Some("1-8月"));
    let period = card.period.as_ref().unwrap();
    assert_eq!(period.text, "1-8月");
    assert_eq!(period.from_section, None, "written in its own sentence");
    assert_eq!(card.change_written.as_deref(), Some("14.5%"));
    assert_eq!(card.theme_name, "经济发展");
    assert!(card.sentence.contains("同比增长14.5%"));
}

#[test]
fn the_insurance_chart_compares_the_two_enrolments_only() {
    let cards = cards();
    let (id, title, ids) = &cards.comparisons[0];
    let chart = comparison(cards, id, title, ids).unwrap();
    let values: Vec<f64> = chart.bars.iter().map(|b| b.value).collect();
    assert_eq!(values, [4101.0, 9950.0]);
    // Every bar is a figure of the text, as written.
    for bar in &chart.bars {
        assert!(
            cards.cards.iter().any(|c| c.written == bar.display),
            "{}",
            bar.display
        );
    }
}

/// Reads CSV as RFC 4180 says (quoted fields may hold commas, quotes and line breaks).
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

const BASE: &str = "https://example.org/report/";

#[test]
fn the_csv_export_has_a_bom_a_header_and_one_row_per_card() {
    let csv = to_csv(cards(), BASE);
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.ends_with("\r\n"));
    let rows = read_csv(csv.trim_start_matches('\u{feff}'));
    assert_eq!(rows.len(), 42);
    assert_eq!(rows[0], COLUMNS);
    let revenue = &rows[1];
    let col = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap();
    assert_eq!(revenue[col("名称")], "财税收入");
    assert_eq!(revenue[col("数值")], "16870000");
    assert_eq!(revenue[col("数值性质")], "精确");
    assert_eq!(revenue[col("时期")], "1-8月");
    assert_eq!(revenue[col("变化")], "同比增长14.5%");
    assert_eq!(revenue[col("章节编号")], "sec-1");
    assert_eq!(revenue[col("章节标题")], "一、2024年以来工作回顾");
    assert_eq!(revenue[col("链接")], format!("{BASE}#sec-1-fig-1"));
    assert!(rows.iter().all(|r| r.len() == COLUMNS.len()));
}

#[test]
fn vague_quantities_are_never_exported_as_plain_numbers() {
    let csv = to_csv(cards(), BASE);
    let rows = read_csv(csv.trim_start_matches('\u{feff}'));
    let col = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap();
    let by_written = |w: &str| {
        rows.iter()
            .find(|r| r[col("原文写法")] == w)
            .unwrap_or_else(|| panic!("{w} not exported"))
    };
    let visitors = by_written("数百名");
    assert_eq!(visitors[col("数值")], "", "数百 is not 100");
    assert_eq!(
        (
            visitors[col("下限")].as_str(),
            visitors[col("上限")].as_str()
        ),
        ("200", "900")
    );
    assert_eq!(visitors[col("数值性质")], "范围");
    let entries = by_written("百余条");
    assert_eq!(entries[col("数值")], "");
    assert_eq!(entries[col("下限")], "100");
    assert_eq!(entries[col("数值性质")], "下限");
    assert_eq!(by_written("30余次")[col("数值性质")], "下限");
    assert_eq!(by_written("突破3万人次")[col("下限")], "30000");
    let invest = by_written("约2000万元");
    assert_eq!(invest[col("数值")], "20000000");
    assert_eq!(invest[col("数值性质")], "约数");
    for row in &rows[1..] {
        let point = matches!(row[col("数值性质")].as_str(), "精确" | "约数");
        assert_eq!(point, !row[col("数值")].is_empty(), "{row:?}");
        assert_eq!(point, row[col("下限")].is_empty(), "{row:?}");
    }
}

#[test]
fn the_intended_investment_is_an_estimate_and_everything_else_a_result() {
    let estimates: Vec<&str> = cards()
        .cards
        .iter()
        .filter(|c| c.kind == Kind::Estimate)
        .map(|c| c.written.as_str())
        .collect();
    assert_eq!(estimates, ["3亿元"]);
    assert!(cards().cards.iter().all(|c| c.kind != Kind::Target));
    let card = cards().by_id("huangjia-investment").unwrap();
    assert!(citation(card, "报告", "#x").contains("预计"));
}

#[test]
fn every_row_has_its_section_a_link_and_a_period() {
    let json: serde_json::Value =
        serde_json::from_str(&to_json(cards(), data::report().unwrap(), BASE)).unwrap();
    for f in json["figures"].as_array().unwrap() {
        let id = f["section_id"].as_str().unwrap();
        assert!(id == "opening" || id.starts_with("sec-"), "{f}");
        assert!(!f["section_heading"].as_str().unwrap().is_empty(), "{f}");
        assert!(f["link"].as_str().unwrap().starts_with(BASE), "{f}");
        assert!(
            f["period"].is_string(),
            "every figure here has a period: {f}"
        );
    }
    let from_heading = cards()
        .cards
        .iter()
        .find(|c| c.written == "1055盏")
        .unwrap();
    let period = from_heading.period.as_ref().unwrap();
    assert_eq!(period.text, "今年来");
    assert_eq!(period.from_section.as_deref(), Some("sec-1-2"));
}

#[test]
fn the_json_export_lists_every_figure_with_its_sentence() {
    let json: serde_json::Value =
        serde_json::from_str(&to_json(cards(), data::report().unwrap(), BASE)).unwrap();
    let figures = json["figures"].as_array().unwrap();
    assert_eq!(figures.len(), 41);
    let bamboo = figures.iter().find(|f| f["label"] == "流转竹林").unwrap();
    assert_eq!(bamboo["value"], serde_json::Value::Null);
    assert_eq!(bamboo["min"], "6000");
    assert_eq!(bamboo["precision"], "lower_bound");
    assert_eq!(bamboo["reading"], "多于6000亩");
    assert_eq!(bamboo["unit"], "亩");
    assert_eq!(bamboo["kind"], "result");
    assert!(bamboo["sentence"].as_str().unwrap().contains("6000余亩"));
    let visitors = figures.iter().find(|f| f["written"] == "数百名").unwrap();
    assert_eq!(visitors["value"], serde_json::Value::Null);
    assert_eq!(
        (visitors["min"].as_str(), visitors["max"].as_str()),
        (Some("200"), Some("900"))
    );
    assert_eq!(visitors["precision"], "range");
    assert!(visitors["reading"]
        .as_str()
        .unwrap()
        .contains("原文为“数百名”"));
    assert_eq!(json["complete"], false);
    assert_eq!(json["stops_at"], "今年共");
}

#[test]
fn a_citation_has_the_value_the_sentence_the_title_and_the_link() {
    let card = cards().by_id("fiscal-revenue").unwrap();
    let text = citation(card, "2024年嵩市镇政府工作报告", "https://x/#sec-1-fig-1");
    assert!(text.starts_with("财税收入：1687万元（同比增长14.5%）"));
    assert!(text.contains(&card.sentence));
    assert!(text.contains("《2024年嵩市镇政府工作报告》"));
    assert!(text.ends_with("https://x/#sec-1-fig-1"));
}

#[test]
fn the_figure_index_counts_every_figure() {
    let report = data::report().unwrap();
    assert_eq!(FigureIndex::new(report).len(), 42);
}
