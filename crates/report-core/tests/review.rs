//! Promised and delivered across years (`report_core::review`): made-up pairs of reports in the
//! library of `tests/library/`, and, ignored (a local check), the national reports of
//! `../shared/corpora/` read one year against the next.

#[path = "../benches/support/reports.rs"]
mod reports;

use report_core::review::{review, Status};
use report_core::search::terms::Terms;
use report_core::Content;

fn content(text: &str) -> Content {
    Content::from_text(text, None, Terms::default()).unwrap().0
}

/// The made-up 青岚省 pair of the library's end-to-end test: seven targets of 2030 against what
/// the 2031 report says (its README lists them).
#[test]
fn the_made_up_province_s_2030_targets_against_its_2031_report() {
    let earlier = content(include_str!("../../../tests/library/qinglan-2030.txt"));
    let later = content(include_str!("../../../tests/library/qinglan-2031.txt"));
    let pairs = review(
        (&earlier.report, &earlier.figures),
        (&later.report, &later.figures),
    );
    let got: Vec<String> = pairs
        .iter()
        .map(|p| {
            format!(
                "{} {} → {} {} {}",
                p.target.indicator,
                p.target.written,
                p.result.as_ref().map_or("—", |r| r.written.as_str()),
                p.status_words(),
                p.difference.as_deref().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "地区生产总值 5.5%左右 → 5.3%左右 未达到（预计） 低0.2个百分点",
            "一般公共预算收入 3%以上 → 3.1% 达到（预计） 高0.1个百分点",
            "城镇新增就业 60万人以上 → 62万人 达到（预计） 多2万人",
            "城镇调查失业率 5.5%以内 → 5.1% 达到 低0.4个百分点",
            "居民消费价格涨幅 3%左右 → 0.4% 达到 低2.6个百分点",
            "粮食产量 720亿斤以上 → 725亿斤 达到 多5亿斤",
            "单位地区生产总值能耗 2.5%左右 → — 未找到对应的数 ",
        ]
    );
    assert!(pairs.iter().all(|p| p.status != Status::NotComparable));
}

/// The national reports, each year's targets against the next year's report: printed for a
/// person to read (`cargo test -p report-core --test review -- --ignored --nocapture`).
#[test]
#[ignore = "local check: reads ../shared/corpora"]
fn national_targets_against_the_next_year_s_report() {
    let all = reports::real_reports();
    let national: Vec<&(String, String)> = all
        .iter()
        .filter(|(n, _)| n.starts_with("national-"))
        .collect();
    for pair in national.windows(2) {
        let (a, b) = (content(&pair[0].1), content(&pair[1].1));
        println!("\n{} → {}", pair[0].0, pair[1].0);
        let pairs = review((&a.report, &a.figures), (&b.report, &b.figures));
        for p in &pairs {
            println!(
                "  {}：{}{} → {} {} {}",
                p.target.indicator,
                p.target.change,
                p.target.written,
                p.result
                    .as_ref()
                    .map_or("—".to_string(), |r| format!("{}{}", r.change, r.written)),
                p.status_words(),
                p.difference.as_deref().unwrap_or("")
            );
        }
        assert!(!pairs.is_empty(), "{} states targets", pair[0].0);
    }
}
