//! The outline of reports as they are really written: parts without a number, a glossary
//! without 附件, items whose text starts with a number, headings cut to their lead sentence,
//! titles that are never a meeting line, and the importer's warnings on structure. Made-up
//! reports only; `corpus_outlines` (ignored) prints the outline of the real reports in
//! `../shared/corpora/reports/` for a person to check.

#[path = "../benches/support/reports.rs"]
mod reports;

use report_core::model::{FrontKind, Report, Section, SectionKind};
use report_core::parse::import;
use report_core::parse::warnings::WarningKind;

/// Imports `source`, checking that the model holds exactly the prepared body.
fn imported(source: &str) -> (Report, Vec<WarningKind>) {
    let parsed = import(source).expect("a report parses");
    let prepared = report_core::parse::input::prepare(source);
    let cleaned = report_core::clean::Cleaned::with_breaks(&prepared.body).into_text();
    assert_eq!(
        parsed.report.shown_text().replace('\n', ""),
        cleaned.replace('\n', ""),
        "shown text of {source:?}"
    );
    let kinds = parsed.warnings.iter().map(|w| w.kind).collect();
    (parsed.report, kinds)
}

fn report(source: &str) -> Report {
    imported(source).0
}

/// (depth, kind, marker + heading) of every section, annexes included.
fn outline(report: &Report) -> Vec<(usize, SectionKind, String)> {
    report
        .sections()
        .into_iter()
        .map(|s| (s.number.depth(), s.kind, s.full_heading()))
        .collect()
}

fn headings(sections: &[Section]) -> Vec<String> {
    sections.iter().map(Section::full_heading).collect()
}

// ---------------------------------------------------------------------------------------------
// Parts without a number.

const UNNUMBERED_PARTS: &str = "\
2031年青岚省政府工作报告
——2031年1月20日在青岚省第九届人民代表大会第五次会议上
青岚省省长　林木森
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议。
2030年工作回顾
过去一年，我们团结奋斗，完成了全年目标任务。
（一）经济稳中有进。地区生产总值增长5.1%。
（二）民生持续改善。新增就业30万人。
2031年工作安排
今年是关键之年。主要预期目标是：增长5%左右。
（一）扩大有效需求。一是促消费。二是扩投资。
（二）建设现代产业体系。加快发展新质生产力。
（三）保障改善民生。办好民生实事。
加强政府自身建设
我们要坚持依法行政，自觉接受监督。
各位代表！让我们团结一心，奋力谱写青岚新篇章！
";

#[test]
fn unnumbered_heading_lines_are_parts_when_subsections_restart() {
    let report = report(UNNUMBERED_PARTS);
    let parts: Vec<&str> = report.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        parts,
        ["2030年工作回顾", "2031年工作安排", "加强政府自身建设"]
    );
    for part in &report.sections {
        assert_eq!(part.kind, SectionKind::Part);
        assert_eq!(part.marker, "");
    }
    assert_eq!(
        headings(&report.sections[0].children),
        ["（一）经济稳中有进。", "（二）民生持续改善。"]
    );
    assert_eq!(
        headings(&report.sections[1].children),
        [
            "（一）扩大有效需求。",
            "（二）建设现代产业体系。",
            "（三）保障改善民生。"
        ]
    );
    assert!(report.sections[2].children.is_empty());
    let levels: Vec<(usize, SectionKind)> = outline(&report)
        .into_iter()
        .filter(|(_, kind, _)| matches!(kind, SectionKind::Part | SectionKind::Subsection))
        .map(|(depth, kind, _)| (depth, kind))
        .collect();
    use SectionKind::{Part, Subsection};
    assert_eq!(
        levels,
        [
            (1, Part),
            (2, Subsection),
            (2, Subsection),
            (1, Part),
            (2, Subsection),
            (2, Subsection),
            (2, Subsection),
            (1, Part),
        ]
    );
    assert_eq!(
        report.opening,
        "现在，我代表省人民政府，向大会报告工作，请予审议。"
    );
    assert_eq!(report.title, "2031年青岚省政府工作报告");
}

#[test]
fn a_short_line_is_no_part_when_no_numbering_restarts_after_it() {
    // One run of （一）…（三）: the short line in between is text, not a part.
    let report = report(
        "某县政府工作报告\n各位代表：\n（一）抓发展。修路。\n重点工程\n（二）惠民生。办学。\n（三）保安全。巡查。\n",
    );
    assert_eq!(report.sections.len(), 3);
    assert!(report.sections[0].body.contains("重点工程"));
}

#[test]
fn numbered_parts_keep_their_numbers_and_an_unnumbered_closing_line_is_no_part() {
    let report = report(
        "某县政府工作报告\n各位代表：\n一、回顾\n（一）甲。\n（二）乙。\n二、安排\n（一）丙。\n（二）丁。\n结束语\n各位代表！让我们奋进！\n",
    );
    let parts: Vec<String> = headings(&report.sections);
    assert_eq!(parts, ["一、回顾", "二、安排"]);
}

// ---------------------------------------------------------------------------------------------
// A glossary without 附件.

const GLOSSARY: &str = "\
2031年云溪市政府工作报告
各位代表：
现在，我代表市人民政府报告工作。
一、回顾
我们完成了任务。
二、安排
我们要继续奋斗。
名词解释
1.三链融合：指产业链、创新链、人才链深度融合。
2.云溪快线：连接东西城区的快速公交线路，全长32公里。
3.十件实事：市政府每年向社会承诺办理的十件民生实事。
";

#[test]
fn a_glossary_heading_near_the_end_is_an_annex() {
    let report = report(GLOSSARY);
    assert_eq!(report.sections.len(), 2);
    assert_eq!(report.sections[1].body, "我们要继续奋斗。");
    assert_eq!(report.annexes.len(), 1);
    let annex = &report.annexes[0];
    assert_eq!(annex.kind, SectionKind::Annex);
    assert_eq!(annex.full_heading(), "名词解释");
    assert_eq!(
        headings(&annex.children),
        ["1.三链融合：", "2.云溪快线：", "3.十件实事："]
    );
    assert_eq!(annex.children[0].body, "指产业链、创新链、人才链深度融合。");
}

// ---------------------------------------------------------------------------------------------
// Items whose text starts with a number.

#[test]
fn an_item_starting_with_a_year_is_an_item_when_it_is_next_in_sequence() {
    let mut source = String::from("某市政府工作报告\n各位代表：\n一、安排\n");
    for n in 1..=13 {
        source.push_str(&format!("{n}.第{n}项：内容。\n"));
    }
    source.push_str("14.2031年8件民生实事：办好实事。\n");
    let report = report(&source);
    let items = &report.sections[0].children;
    assert_eq!(items.len(), 14);
    assert_eq!(items[13].marker, "14.");
    assert_eq!(items[13].heading, "2031年8件民生实事：办好实事。");
    assert_eq!(items[12].body, "");
}

#[test]
fn a_decimal_out_of_sequence_is_no_item() {
    let report = report(
        "某市政府工作报告\n各位代表：\n一、回顾\n1.经济：增长。\n2.民生：改善。\n3.生态：变好。\n8.6个重点项目全部开工。\n4.安全：稳定。\n",
    );
    let items = &report.sections[0].children;
    assert_eq!(
        headings(items),
        [
            "1.经济：增长。",
            "2.民生：改善。",
            "3.生态：变好。",
            "4.安全：稳定。"
        ]
    );
    assert!(items[2].body.contains("8.6个重点项目"));
}

// ---------------------------------------------------------------------------------------------
// Headings cut to their lead.

#[test]
fn a_long_first_paragraph_is_cut_at_its_first_sentence_or_colon() {
    let long = "全年新建改建农村公路120公里，完成危房改造300户，新增城镇就业岗位2000个，\
                发放创业担保贷款5000万元，城乡居民收入分别增长5%和7%";
    let source = format!(
        "某县政府工作报告\n各位代表：\n一、回顾\n（一）民生改善：{long}。\n我们还做了别的。\n\
         （二）{long}，成绩来之不易。\n"
    );
    let report = report(&source);
    let subs = &report.sections[0].children;
    assert_eq!(subs[0].heading, "民生改善：");
    assert!(subs[0].body.starts_with("全年新建"));
    assert!(subs[1].heading.ends_with('，'), "{}", subs[1].heading);
    for s in report.sections() {
        assert!(
            s.heading.chars().count() <= 60,
            "{}: {}",
            s.number,
            s.heading
        );
    }
}

#[test]
fn a_long_point_heading_ends_at_its_first_clause() {
    let long = "一是产业升级成效明显，规上工业增加值增长8%，新培育专精特新企业50家，\
                高新技术企业突破1000家，数字经济核心产业增加值占比达到12%，工业投资增长15%。";
    let source = format!("某县政府工作报告\n各位代表：\n一、回顾\n{long}二是民生改善。\n");
    let report = report(&source);
    let point = &report.sections[0].children[0];
    assert_eq!(point.kind, SectionKind::Point);
    assert!(point.heading.chars().count() <= 60, "{}", point.heading);
    assert_eq!(point.heading, "产业升级成效明显，");
}

#[test]
fn a_short_heading_sentence_is_kept_whole() {
    let report = report("某县政府工作报告\n各位代表：\n一、回顾\n（一）经济稳中有进，结构更优。地区生产总值增长5%。\n");
    assert_eq!(
        report.sections[0].children[0].heading,
        "经济稳中有进，结构更优。"
    );
}

// ---------------------------------------------------------------------------------------------
// Titles.

#[test]
fn a_sentence_that_states_figures_leads_no_theme() {
    let r = report(
        "某县政府工作报告\n各位代表：\n一、2030年工作回顾\n地区生产总值增长6.3%，投资增长9%。一是稳增长。二是惠民生。\n二、2031年工作安排\n今年要抓发展。一是抓产业。二是抓项目。",
    );
    let review = &r.sections[0];
    assert_eq!(
        review.body, "地区生产总值增长6.3%，投资增长9%。",
        "its figures stay in the text"
    );
    assert_eq!(headings(&review.children), ["一是稳增长。", "二是惠民生。"]);
    let plan = &r.sections[1];
    assert_eq!(
        plan.children[0].kind,
        SectionKind::Theme,
        "a lead without figures still leads"
    );
    assert_eq!(plan.children[0].heading, "今年要抓发展。");
}

#[test]
fn a_title_is_never_a_meeting_line_or_a_salutation() {
    let report = report(
        "——2031年1月10日在白沙县第五届人民代表大会第四次会议上\n各位代表：\n一、回顾\n我们完成了任务。\n",
    );
    assert!(
        report.front.iter().all(|f| f.kind != FrontKind::Title),
        "{:?}",
        report.front
    );
    assert_eq!(report.title, "");
    let report = report_of("各位代表：\n一、回顾\n我们完成了任务。\n");
    assert_eq!(report.title, "");
    assert_eq!(report.salutation.as_deref(), Some("各位代表："));
}

fn report_of(source: &str) -> Report {
    report(source)
}

#[test]
fn a_long_salutation_is_no_title() {
    let report = report("尊敬的各位代表、各位政协委员、列席的同志们：\n现在，我代表县政府报告工作。\n一、回顾\n我们完成了任务。\n");
    assert_eq!(report.title, "");
    assert_eq!(
        report.salutation.as_deref(),
        Some("尊敬的各位代表、各位政协委员、列席的同志们：")
    );
    assert_eq!(report.opening, "现在，我代表县政府报告工作。");
}

#[test]
fn a_meeting_line_without_shang_is_no_title() {
    let report = report("（2031年1月10日在白沙县第五届人民代表大会第四次会议）\n各位代表：\n一、回顾\n我们完成了任务。\n");
    assert_eq!(report.title, "");
    assert_eq!(report.front[0].kind, FrontKind::Meeting);
}

#[test]
fn a_title_with_its_meeting_on_one_line_is_the_title() {
    let report = report("白沙县政府工作报告——2031年1月10日在县人民代表大会上\n各位代表：\n一、回顾\n我们完成了任务。\n");
    assert_eq!(report.front[0].kind, FrontKind::Title);
}

#[test]
fn a_one_line_text_that_starts_with_its_salutation_has_no_title() {
    let report = report("各位代表：今年工作很好。一、回顾。一是修路。");
    assert_eq!(report.title, "");
    assert_eq!(report.salutation.as_deref(), Some("各位代表："));
    let report =
        report_of("——2031年1月10日在白沙县人民代表大会上 各位代表： 今年很好。一、回顾 修路。");
    assert_eq!(report.title, "");
    assert_eq!(report.front[0].kind, FrontKind::Meeting);
}

#[test]
fn a_title_above_the_meeting_line_is_found() {
    let report = report(
        "政府工作报告\n——2031年1月10日在白沙县第五届人民代表大会第四次会议上\n白沙县县长　王五\n各位代表：\n一、回顾\n我们完成了任务。\n",
    );
    assert_eq!(report.title, "政府工作报告");
    let kinds: Vec<FrontKind> = report.front.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [FrontKind::Title, FrontKind::Meeting, FrontKind::Speaker]
    );
}

// ---------------------------------------------------------------------------------------------
// Warnings on structure.

#[test]
fn a_point_of_twenty_paragraphs_is_reported() {
    let mut source = String::from("某县政府工作报告\n各位代表：\n一、回顾\n一是抓发展。\n");
    for i in 0..22 {
        source.push_str(&format!("第{i}段。\n"));
    }
    source.push_str("二、安排\n我们继续。\n");
    let (_, kinds) = imported(&source);
    assert!(kinds.contains(&WarningKind::LongSection), "{kinds:?}");
}

#[test]
fn numbering_that_jumps_inside_a_part_is_reported() {
    let (_, kinds) = imported(
        "某县政府工作报告\n各位代表：\n一、回顾\n（一）甲。\n（二）乙。\n（四）丁。\n二、安排\n我们继续。\n",
    );
    assert!(kinds.contains(&WarningKind::NumberingGap), "{kinds:?}");
    let (_, kinds) = imported(
        "某县政府工作报告\n各位代表：\n一、回顾\n（一）甲。\n（二）乙。\n（三）丙。\n二、安排\n我们继续。\n",
    );
    assert!(!kinds.contains(&WarningKind::NumberingGap), "{kinds:?}");
}

#[test]
fn numbering_that_restarts_inside_a_part_is_reported() {
    let (_, kinds) = imported(
        "某县政府工作报告\n各位代表：\n一、回顾\n1.甲。\n2.乙。\n这是一段很长的正文，说明了许多事情，并没有结束的意思，还在继续说下去，直到句号。\n1.丙。\n2.丁。\n二、安排\n我们继续。\n",
    );
    assert!(kinds.contains(&WarningKind::NumberingRestart), "{kinds:?}");
}

#[test]
fn a_part_holding_most_of_the_body_is_reported() {
    let mut source =
        String::from("某县政府工作报告\n各位代表：\n一、回顾\n我们完成了任务。\n二、安排\n");
    for i in 0..30 {
        source.push_str(&format!("第{i}段，我们要做很多很多的事情。\n"));
    }
    source.push_str("三、自身建设\n我们依法行政。\n");
    let (_, kinds) = imported(&source);
    assert!(kinds.contains(&WarningKind::LopsidedParts), "{kinds:?}");
    let (_, kinds) = imported(UNNUMBERED_PARTS);
    assert!(kinds.is_empty(), "{kinds:?}");
}

#[test]
fn the_structure_warnings_read_in_chinese() {
    let mut source = String::from("某县政府工作报告\n各位代表：\n一、回顾\n一是抓发展。\n");
    for i in 0..22 {
        source.push_str(&format!("第{i}段。\n"));
    }
    let parsed = import(&source).expect("parses");
    let warning = parsed
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::LongSection)
        .expect("a long point");
    assert!(warning.message().contains("段"), "{}", warning.message());
}

// ---------------------------------------------------------------------------------------------
// The real reports (local check).

fn cut(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

fn paragraphs(s: &Section) -> usize {
    let own = |t: &str| {
        if t.is_empty() {
            0
        } else {
            t.split('\n').count()
        }
    };
    own(&s.heading).max(1)
        + own(&s.body).saturating_sub(1)
        + s.children.iter().map(paragraphs).sum::<usize>()
}

/// Prints the outline of every real report (`cargo test -p report-core --test outline --
/// --ignored --nocapture corpus_outlines`). Asserts only the shown-text invariant.
#[test]
#[ignore = "reads the local corpora"]
fn corpus_outlines() {
    for (name, source) in reports::real_reports() {
        let parsed = import(&source).expect("parses");
        let report = &parsed.report;
        let all = report.sections();
        let count = |k: SectionKind| all.iter().filter(|s| s.kind == k).count();
        println!("== {name}  title: {}", cut(&report.title, 30));
        println!(
            "   parts {} · subsections {} · themes {} · points {} · items {} · annexes {}",
            count(SectionKind::Part),
            count(SectionKind::Subsection),
            count(SectionKind::Theme),
            count(SectionKind::Point),
            count(SectionKind::Item),
            count(SectionKind::Annex),
        );
        for part in report.top_level() {
            let subs = part
                .children
                .iter()
                .filter(|c| c.kind == SectionKind::Subsection)
                .count();
            let items = part
                .children
                .iter()
                .filter(|c| c.kind == SectionKind::Item)
                .count();
            println!(
                "   [{}] {}{}  ({} subsections, {} items, {} chars)",
                part.number,
                part.marker,
                cut(&part.heading, 20),
                subs,
                items,
                {
                    let mut t = String::new();
                    for s in part.walk() {
                        t.push_str(&s.marker);
                        t.push_str(&s.heading);
                        t.push_str(&s.body);
                    }
                    t.chars().count()
                }
            );
        }
        for theme in all.iter().filter(|s| s.kind == SectionKind::Theme) {
            println!("   theme {}: {}", theme.number, cut(&theme.heading, 40));
        }
        if let Some(longest) = all.iter().max_by_key(|s| s.heading.chars().count()) {
            println!(
                "   longest heading: {} chars, {} {}",
                longest.heading.chars().count(),
                longest.number,
                cut(&longest.full_heading(), 30)
            );
        }
        if let Some(worst) = all
            .iter()
            .filter(|s| !matches!(s.kind, SectionKind::Part | SectionKind::Annex))
            .max_by_key(|s| paragraphs(s))
        {
            println!(
                "   most paragraphs: {} in {} {:?} {}",
                paragraphs(worst),
                worst.number,
                worst.kind,
                cut(&worst.full_heading(), 30)
            );
        }
        for w in &parsed.warnings {
            println!("   warning: {}", w.message());
        }
        let cleaned = report_core::clean::Cleaned::with_breaks(
            &report_core::parse::input::prepare(&source).body,
        )
        .into_text();
        assert_eq!(
            report.shown_text().replace('\n', ""),
            cleaned.replace('\n', ""),
            "{name}"
        );
    }
}
