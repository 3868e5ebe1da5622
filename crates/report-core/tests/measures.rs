//! What each figure measures, on made-up reports: the indicator table, each value of a `分别`
//! list given to its own item, labels that name something, no card for what counts no
//! measure, one kind for a figure in every output, the headline rule, and the year's targets
//! beside last year's results.

use report_core::cards::{unit_text, Card, Cards};
use report_core::export::{to_csv, to_json};
use report_core::figures::meaning::Kind;
use report_core::indicators::Indicators;
use report_core::search::terms::Terms;
use report_core::targets::{Bound, Targets};
use report_core::{file, Content};

const PROVINCE: &str = include_str!("../../../tests/reports/province-2031.txt");

fn content(text: &str) -> Content {
    Content::from_text(text, None, Terms::default()).unwrap().0
}

fn cards(content: &Content) -> &Cards {
    content.cards.as_ref().expect("automatic cards")
}

/// (label, written) of every card.
fn labelled(content: &Content) -> Vec<(String, String)> {
    cards(content)
        .cards
        .iter()
        .map(|c| (c.label.clone(), c.written.clone()))
        .collect()
}

fn card<'a>(content: &'a Content, written: &str) -> Option<&'a Card> {
    cards(content).cards.iter().find(|c| c.written == written)
}

#[test]
fn the_indicator_table_reads_and_names_at_least_forty_indicators() {
    let table = Indicators::parse(report_core::indicators::BUILTIN).expect("the table reads");
    assert!(table.all().len() >= 40, "{}", table.all().len());
    assert_eq!(
        table.all()[0].name,
        "地区生产总值",
        "GDP leads the headline order"
    );
    for name in [
        "城镇新增就业",
        "居民消费价格涨幅",
        "空气质量优良天数比率",
        "研发经费投入强度",
    ] {
        assert!(table.get(name).is_some(), "{name}");
    }
}

#[test]
fn every_value_of_a_list_goes_to_its_own_item() {
    let c = content(PROVINCE);
    let of = |w: &str| card(&c, w).map(|c| c.label.as_str());
    assert_eq!(of("4.8%"), Some("城镇居民人均可支配收入"));
    assert_eq!(of("6.2%"), Some("农村居民人均可支配收入"));
    assert_eq!(of("11.2%"), Some("工业投资"));
    assert_eq!(of("8.1%"), Some("民间投资"));
}

#[test]
fn a_list_longer_or_shorter_than_its_values_is_left_unlabelled() {
    let c = content("某县报告\n各位代表：\n一、回顾\n城乡居民人均可支配收入分别增长4.1%和6.3%。甲、乙、丙分别增长1.5%、2.5%。");
    assert!(card(&c, "4.1%").is_none(), "{:?}", labelled(&c));
    assert!(card(&c, "6.3%").is_none());
    assert!(card(&c, "1.5%").is_none() && card(&c, "2.5%").is_none());
    let indicators: Vec<&Option<String>> = c
        .figures
        .units
        .iter()
        .flat_map(|(_, f)| f.iter().map(|f| &f.indicator))
        .collect();
    assert!(
        indicators.iter().all(|i| i.is_none()),
        "never guessed: {indicators:?}"
    );
}

#[test]
fn meetings_titles_and_the_reports_own_parts_get_no_card() {
    let c = content(PROVINCE);
    for written in ["两次", "十条", "十个"] {
        assert!(card(&c, written).is_none(), "{written}: {:?}", labelled(&c));
    }
    // They stay figures in the text.
    let all: Vec<String> = c
        .figures
        .units
        .iter()
        .flat_map(|(unit, figures)| {
            let text = unit_text(&c.report, unit).unwrap_or("");
            figures
                .iter()
                .map(move |f| text[f.start..f.end].to_string())
        })
        .collect();
    assert!(all.contains(&"两次".to_string()), "{all:?}");
}

#[test]
fn every_label_names_something_and_is_short() {
    for text in [
        PROVINCE,
        include_str!("../../../tests/reports/county-2030.txt"),
    ] {
        let c = content(text);
        for card in &cards(&c).cards {
            let n = card.label.chars().count();
            assert!((2..=12).contains(&n), "{:?}", card.label);
            assert!(
                !card.label.ends_with('…') && card.label != "数据",
                "{:?}",
                card.label
            );
            assert!(
                !card.label.starts_with(['的', '在', '和', '率']),
                "{:?}",
                card.label
            );
        }
    }
}

#[test]
fn an_estimate_governs_the_figures_of_its_sentence() {
    let c = content(PROVINCE);
    assert_eq!(card(&c, "5.3%左右").map(|c| c.kind), Some(Kind::Estimate));
    assert_eq!(card(&c, "3.1%").map(|c| c.kind), Some(Kind::Estimate));
    assert_eq!(card(&c, "62万人").map(|c| c.kind), Some(Kind::Estimate));
    assert_eq!(card(&c, "725亿斤").map(|c| c.kind), Some(Kind::Result));
    // The year's first count is an estimate too.
    let first_count = content(
        "某省报告\n各位代表：\n一、2030年工作回顾\n初步统计，全省地区生产总值5000亿元，增长5%。",
    );
    assert_eq!(
        card(&first_count, "5000亿元").map(|c| c.kind),
        Some(Kind::Estimate)
    );
}

#[test]
fn a_figure_has_one_kind_in_the_page_the_file_and_both_exports() {
    let c = content(PROVINCE);
    let cards = cards(&c);
    let record: serde_json::Value = serde_json::from_str(&file::to_json(&c)).unwrap();
    let json: serde_json::Value = serde_json::from_str(&to_json(cards, &c.report, "")).unwrap();
    let csv = to_csv(cards, "");
    let kind_col = report_core::export::COLUMNS
        .iter()
        .position(|c| *c == "类型")
        .unwrap();
    let csv_rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    for (i, card) in cards.cards.iter().enumerate() {
        let figure = record["figures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == card.figure_id())
            .unwrap();
        assert_eq!(figure["kind"], card.kind.key(), "{}", card.written);
        assert_eq!(
            json["figures"][i]["kind"],
            card.kind.key(),
            "{}",
            card.written
        );
        assert_eq!(csv_rows[i][kind_col], card.kind.name(), "{}", card.written);
        let cited = report_core::export::citation(card, "某报告", "");
        if card.kind != Kind::Result {
            assert!(
                cited.contains(&format!("{}）", card.kind.name())),
                "{cited}"
            );
        }
    }
}

#[test]
fn the_headline_row_is_main_indicators_results_first() {
    let c = content(PROVINCE);
    let headline: Vec<(&str, Kind)> = cards(&c)
        .cards
        .iter()
        .filter(|c| c.headline)
        .map(|c| (c.label.as_str(), c.kind))
        .collect();
    assert!(headline.len() <= 6);
    assert_eq!(headline[0].0, "地区生产总值");
    assert!(
        headline.iter().all(|(_, k)| *k != Kind::Target),
        "results and estimates first: {headline:?}"
    );
    let labels: Vec<&str> = headline.iter().map(|(l, _)| *l).collect();
    let table = Indicators::builtin();
    let ranks: Vec<usize> = labels
        .iter()
        .map(|l| table.rank(l).expect("an indicator"))
        .collect();
    let mut sorted = ranks.clone();
    sorted.sort();
    let mut unique = sorted.clone();
    unique.dedup();
    assert_eq!(
        sorted.len(),
        unique.len(),
        "one card per indicator: {labels:?}"
    );
}

#[test]
fn the_years_targets_stand_beside_last_years_results() {
    let c = content(PROVINCE);
    let found = Targets::find(&c.report, &c.figures);
    let rows: Vec<(&str, &str, Bound, String)> = found
        .targets
        .iter()
        .map(|t| {
            (
                t.stated.indicator.as_str(),
                t.stated.written.as_str(),
                t.stated.bound,
                t.stated.plain_change(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "地区生产总值",
                "5.0%—5.5%",
                Bound::Range,
                "增长5.0%至5.5%之间".to_string()
            ),
            (
                "一般公共预算收入",
                "3%以上",
                Bound::AtLeast,
                "至少增长3%".to_string()
            ),
            (
                "城镇新增就业",
                "60万人以上",
                Bound::AtLeast,
                "不低于60万人".to_string()
            ),
            (
                "城镇调查失业率",
                "5.5%以内",
                Bound::AtMost,
                "不超过5.5%".to_string()
            ),
            (
                "城镇居民人均可支配收入",
                "5%",
                Bound::Approximate,
                "增长约5%".to_string()
            ),
            (
                "农村居民人均可支配收入",
                "6.5%左右",
                Bound::Approximate,
                "增长约6.5%".to_string()
            ),
            (
                "粮食产量",
                "725亿斤以上",
                Bound::AtLeast,
                "不低于725亿斤".to_string()
            ),
        ]
    );
    assert!(found.targets.iter().all(|t| t.stated.year == Some(2031)));
    let aim = found.targets[1].aim.as_ref().expect("力争达到4%");
    assert_eq!(aim.written, "4%");
    let result = |indicator: &str| {
        found
            .results
            .iter()
            .find(|r| r.indicator == indicator)
            .map(|r| (r.written.as_str(), r.kind, r.year))
    };
    assert_eq!(
        result("地区生产总值"),
        Some(("5.3%左右", Kind::Estimate, Some(2030)))
    );
    assert_eq!(
        result("城镇新增就业"),
        Some(("62万人", Kind::Estimate, Some(2030)))
    );
    assert_eq!(
        result("城镇调查失业率"),
        Some(("5.1%", Kind::Result, Some(2030)))
    );
    assert_eq!(
        result("城镇居民人均可支配收入"),
        Some(("4.8%", Kind::Result, Some(2030)))
    );
    assert_eq!(
        result("粮食产量"),
        Some(("725亿斤", Kind::Result, Some(2030)))
    );
    // The report file carries them for other programs.
    let record: serde_json::Value = serde_json::from_str(&file::to_json(&c)).unwrap();
    assert_eq!(record["targets"][0]["qualifier"], "range");
    assert_eq!(record["targets"][0]["min"], "5");
    assert_eq!(record["targets"][0]["max"], "5.5");
    assert_eq!(record["targets"][1]["aim"]["written"], "4%");
    assert_eq!(record["results"][0]["kind"], "estimate");
}

#[test]
fn a_report_without_a_target_passage_has_the_targets_of_its_plan() {
    let c = content("某县报告\n各位代表：\n一、2030年工作回顾\n地区生产总值增长6%。\n二、2031年工作安排\n力争地区生产总值增长6.5%左右，新建学校2所。");
    let found = Targets::find(&c.report, &c.figures);
    assert_eq!(found.targets.len(), 1);
    assert_eq!(found.targets[0].stated.written, "6.5%左右");
    assert_eq!(found.results[0].written, "6%");
}

#[test]
fn no_cut_of_a_report_makes_the_readings_panic() {
    let chars: Vec<(usize, char)> = PROVINCE.char_indices().collect();
    for (i, _) in chars.iter().step_by(3) {
        for text in [&PROVINCE[..*i], &PROVINCE[*i..]] {
            if let Ok((c, _)) = Content::from_text(text, None, Terms::default()) {
                let found = Targets::find(&c.report, &c.figures);
                for t in &found.targets {
                    let _ = t.stated.plain_change();
                }
            }
        }
    }
}

#[test]
fn the_page_reads_the_target_rows_the_worker_wrote() {
    let (json, _) = report_core::text_to_file(PROVINCE).unwrap();
    let (own, notes) = file::read_own(&json, Terms::default()).unwrap();
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(own.targets, content(PROVINCE).targets);
    assert_eq!(own.targets.len(), 7);
    let gdp = &own.targets[0];
    assert_eq!(gdp.indicator, "地区生产总值");
    assert_eq!(gdp.target.1, "增长5.0%—5.5%");
    assert_eq!(gdp.target_note, "增长5.0%至5.5%之间");
    assert_eq!(gdp.result.1, "增长5.3%左右");
    assert_eq!(gdp.result_note, "预计数");
    // A row whose words are not its figure as written is not shown.
    let forged = json.replace("\"增长5.3%左右\",\"预计数\"", "\"增长9.9%\",\"预计数\"");
    assert_ne!(forged, json);
    let (own, _) = file::read_own(&forged, Terms::default()).unwrap();
    assert!(own.targets[0].result.0.is_empty(), "{:?}", own.targets[0]);
}

#[test]
fn values_listed_after_items_without_fenbie_go_to_their_items_too() {
    let c = content("某省报告\n各位代表：\n一、回顾\n原煤、原油、天然气产量达到600万吨、120万吨、9亿立方米，分别增长9%、7%、21%。签约金额1.2万亿元、到位资金800亿元，分别增长13%、34%。");
    let of = |w: &str| card(&c, w).map(|c| c.label.clone());
    assert_eq!(of("600万吨").as_deref(), Some("原煤产量"));
    assert_eq!(of("120万吨").as_deref(), Some("原油产量"));
    assert_eq!(
        of("21%").as_deref(),
        Some("天然气产量"),
        "分别 with no items reuses the list before it"
    );
    assert_eq!(
        of("34%").as_deref(),
        Some("到位资金"),
        "or the values before it"
    );
}
