//! Native integration tests of the pure core against the real scraped report.

use report_core::clean::{body_of, clean};
use report_core::parse::{parse, parse_body};
use report_core::{Report, SectionKind};

#[path = "../../e2e/tests/support/fidelity.rs"]
mod fidelity;
use fidelity::assert_same_text;

/// The scraped file, as copied into the project.
mod support;
use support as data;
use support::SOURCE;

/// Line 7 of the file: the report body.
fn line_seven() -> &'static str {
    SOURCE.lines().nth(6).expect("the file has a 7th line")
}

fn report() -> Report {
    parse(SOURCE).expect("the real report parses")
}

#[test]
fn the_body_is_line_seven() {
    assert_eq!(body_of(SOURCE), line_seven().trim());
    assert!(line_seven().ends_with("落实包案化解,今年共"));
}

#[test]
fn reads_title_salutation_and_opening() {
    let report = report();
    assert_eq!(report.title, "2024年嵩市镇政府工作报告");
    assert_eq!(report.salutation.as_deref(), Some("各位代表："));
    assert_eq!(
        report.opening,
        "现在，我代表嵩市镇人民政府向大会报告工作，请予审议，并请列席人员提出意见。"
    );
}

#[test]
fn reads_the_one_part_that_the_preview_shows() {
    let report = report();
    assert_eq!(report.sections.len(), 1);
    let part = &report.sections[0];
    assert_eq!(part.kind, SectionKind::Part);
    assert_eq!(part.marker, "一、");
    assert_eq!(part.heading, "2024年以来工作回顾");
    assert!(
        part.body.starts_with("2024年是中华人民共和国成立75周年"),
        "{}",
        part.body
    );
    assert!(
        part.body.ends_with("各项工作平稳有序开展。"),
        "{}",
        part.body
    );
    assert_eq!(part.id(), "sec-1");
}

#[test]
fn reads_five_themes_of_thirteen_points() {
    let report = report();
    let themes = &report.sections[0].children;
    assert_eq!(themes.len(), 5);
    assert_eq!(
        themes[0].heading,
        "今年来，我们坚持拼经济抓发展，经济运行持续好转。"
    );
    for (i, theme) in themes.iter().enumerate() {
        assert_eq!(theme.kind, SectionKind::Theme);
        assert_eq!(theme.marker, "");
        assert_eq!(theme.body, "");
        assert!(
            theme.heading.starts_with("今年来，我们"),
            "{}",
            theme.heading
        );
        assert_eq!(theme.number.0, vec![1, i as u32 + 1]);
    }
    let counts: Vec<usize> = themes.iter().map(|t| t.children.len()).collect();
    assert_eq!(counts, vec![3, 3, 3, 2, 2]);

    let points: Vec<_> = report
        .sections()
        .into_iter()
        .filter(|s| s.kind == SectionKind::Point)
        .collect();
    assert_eq!(points.len(), 13);
    assert_eq!(points[0].marker, "一是");
    assert_eq!(points[0].heading, "把好经济“方向盘”。");
    assert_eq!(points[0].id(), "sec-1-1-1");
    let last = points[12];
    assert_eq!(last.marker, "二是");
    assert_eq!(last.heading, "社会大局和谐稳定。");
    assert!(last.body.ends_with("落实包案化解，今年共"), "{}", last.body);
    assert_eq!(last.id(), "sec-1-5-2");
}

#[test]
fn point_markers_run_in_sequence_within_each_theme() {
    let report = report();
    let numerals = ["一是", "二是", "三是"];
    for theme in &report.sections[0].children {
        for (point, marker) in theme.children.iter().zip(numerals) {
            assert_eq!(point.marker, marker);
            assert!(point.heading.ends_with('。'), "{}", point.heading);
        }
    }
}

#[test]
fn the_report_is_marked_truncated() {
    assert!(report().truncated);
}

#[test]
fn shown_text_is_the_cleaned_body() {
    assert_eq!(report().shown_text(), clean(body_of(SOURCE)));
}

#[test]
fn shown_text_has_every_character_of_line_seven() {
    assert_same_text(&report().shown_text(), line_seven());
}

#[test]
fn shown_text_has_no_page_chrome() {
    let shown = report().shown_text();
    for chrome in ["购物车", "我的足迹", "加入Vip", "立即下载"] {
        assert!(!shown.contains(chrome), "{chrome}");
    }
}

#[test]
fn shown_text_has_no_extraction_whitespace_or_ascii_commas() {
    let shown = report().shown_text();
    assert!(!shown.contains(' '));
    assert!(!shown.contains(','));
    assert!(!shown.contains(':'));
    assert!(shown.contains("习近平"));
    assert!(shown.contains("“生命线”"));
    assert!(shown.contains("1687万元"));
    assert!(shown.contains("1-8月"));
    assert!(shown.contains("14.5%"));
}

#[test]
fn cleaning_any_substring_changes_only_whitespace_and_width() {
    let body = line_seven();
    let starts: Vec<usize> = body.char_indices().map(|(i, _)| i).collect();
    for (k, &start) in starts.iter().enumerate().step_by(3) {
        for length in [1, 2, 3, 5, 8, 13, 21, 55, 144, 377] {
            let end = starts.get(k + length).copied().unwrap_or(body.len());
            let piece = &body[start..end];
            assert_same_text(&clean(piece), piece);
        }
    }
}

#[test]
fn every_prefix_of_the_body_parses_into_its_cleaned_self() {
    let body = line_seven();
    for (end, _) in body.char_indices().skip(1).chain([(body.len(), ' ')]) {
        let prefix = &body[..end];
        let report = parse_body(prefix).expect("a non-empty prefix parses");
        assert_eq!(report.shown_text(), clean(prefix), "prefix of {end} bytes");
    }
}

#[test]
fn every_suffix_of_the_body_parses_into_its_cleaned_self() {
    let body = line_seven();
    for (start, _) in body.char_indices() {
        let suffix = &body[start..];
        if suffix.trim().is_empty() {
            continue;
        }
        let report = parse_body(suffix).expect("a non-empty suffix parses");
        assert_eq!(
            report.shown_text(),
            clean(suffix),
            "suffix from byte {start}"
        );
    }
}

#[test]
fn the_embedded_report_file_holds_every_character_of_the_source() {
    // The app reads the report file that build.rs made, not the source: the same fidelity.
    let embedded = data::report().expect("the embedded report file reads");
    assert_same_text(&embedded.shown_text(), line_seven());
    assert_eq!(
        embedded,
        &report(),
        "the file holds exactly the parsed report"
    );
}

#[test]
fn made_up_reports_keep_every_character_through_their_report_file() {
    use report_core::file;
    use report_core::search::terms::Terms;
    use report_core::Content;
    for source in [
        include_str!("../../../tests/reports/county-2030.txt"),
        include_str!("../../../tests/reports/town-pdf-2030.txt"),
    ] {
        let (content, _) = Content::from_text(source, None, Terms::default()).unwrap();
        assert_same_text(&content.report.shown_text(), source);
        let (read, _) = file::read(&file::to_json(&content), Terms::default()).unwrap();
        assert_same_text(&read.report.shown_text(), source);
    }
}
