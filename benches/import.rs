//! Benchmark of reading a full-length report natively: a made-up report of 30,000+ characters
//! (generated here: parts, subsections, items, themes and points, figures of every common
//! form) through the whole pipeline — page chrome, paragraphs, outline, figures, cards — and
//! search over it. Prints medians; asserts nothing. Run: `cargo bench --bench import`.
//!
//! Targets (issue 8): parsing a 30,000-character report in the browser ≤ 20 ms (natively it is
//! several times faster), search ≤ 2 ms per keystroke.

#[path = "support/median.rs"]
mod median;
use median::median;

use std::hint::black_box;
use std::time::Duration;

use songshi_report::core::file;
use songshi_report::core::search::search;
use songshi_report::core::search::terms::Terms;
use songshi_report::core::Content;
use songshi_report::data;

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// A made-up report of about `parts × 3 × 4` paragraphs with figures in every paragraph.
pub fn generated_report(parts: usize) -> String {
    let mut out = String::from("二〇三〇年某市政府工作报告\n——2030年1月10日在某市第一届人民代表大会第一次会议上\n市长　某某\n各位代表：\n　　现在，我代表市人民政府，向大会报告工作，请予审议。\n");
    let mut n = 1u32;
    for p in 0..parts {
        out.push_str(&format!(
            "　　{}、第{}部分工作回顾\n",
            NUMERALS[p % 10],
            p + 1
        ));
        out.push_str(
            "　　过去一年，我们坚持稳中求进，主要做了以下工作：一是稳增长。全年完成地区生产总值",
        );
        out.push_str(&format!(
            "{}.{}亿元，同比增长{}.{}%。二是促改革。新增经营主体{}余户。\n",
            100 + p,
            n % 10,
            3 + p % 4,
            n % 9,
            1000 + n
        ));
        for (s, numeral) in NUMERALS.iter().enumerate().take(3) {
            out.push_str(&format!("　　（{numeral}）第{}项重点任务\n", s + 1));
            for i in 0..4 {
                n += 1;
                // About one figure per hundred characters, as in real reports.
                out.push_str(&format!(
                    "　　{}.推进第{}项工程。坚持以人民为中心的发展思想，统筹发展和安全，深化改革创新，完善体制机制，加强统筹协调，压实工作责任，推动各项政策措施落地见效。全年完成投资约{}万元，惠及群众数百人次。持续优化营商环境，深入推进简政放权，积极培育新动能，加快构建现代化产业体系，着力提升公共服务水平，切实增强人民群众的获得感、幸福感、安全感。力争增长{}%左右，比上年提高{}个百分点。\n",
                    i + 1, n, 1000 + n * 7, 5 + n % 3, n % 5 + 1
                ));
            }
        }
    }
    out.push_str("　　各位代表！让我们团结奋斗，努力完成全年目标任务！\n");
    out
}

fn main() {
    let text = generated_report(14);
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    let terms = || Terms::parse(data::SEARCH_TERMS).expect("the terms table parses");
    let (content, _) = Content::from_text(&text, None, terms()).expect("the made-up report parses");
    let json = file::to_json(&content);
    println!(
        "import benchmark: a made-up report of {chars} characters, {} sections, {} figures, {} cards",
        content.report.sections().len(),
        content.figures.len(),
        content.cards.as_ref().map_or(0, |c| c.cards.len())
    );
    let import = median(21, || {
        black_box(Content::from_text(black_box(&text), None, terms()).ok());
    });
    let read = median(21, || {
        black_box(file::read(black_box(&json), terms()).ok());
    });
    println!(
        "  text → report (chrome, paragraphs, outline, figures, cards, search index): {:.2} ms",
        import.as_secs_f64() * 1e3
    );
    println!(
        "  report file (JSON) → report (start-up of the app, figures recognised again): {:.2} ms",
        read.as_secs_f64() * 1e3
    );
    let parsed = songshi_report::core::parse::import(&text).expect("parses");
    let report = parsed.report;
    let parse = median(21, || {
        black_box(songshi_report::core::parse::import(black_box(&text)).ok());
    });
    let figures = median(21, || {
        black_box(songshi_report::core::cards::FigureIndex::new(black_box(
            &report,
        )));
    });
    let index = songshi_report::core::cards::FigureIndex::new(&report);
    let cards = median(11, || {
        black_box(songshi_report::core::cards::auto_cards(
            black_box(&report),
            &index,
        ));
    });
    let corpus = median(21, || {
        black_box(songshi_report::core::search::Corpus::new(
            black_box(&report),
            terms(),
        ));
    });
    println!(
        "  of which: outline {:.2} ms, figures {:.2} ms, cards {:.2} ms, search index {:.2} ms",
        parse.as_secs_f64() * 1e3,
        figures.as_secs_f64() * 1e3,
        cards.as_secs_f64() * 1e3,
        corpus.as_secs_f64() * 1e3
    );
    let mut worst = Duration::ZERO;
    for q in ["地区生产总值", "1000", "医保", "第3项", "火星"] {
        let t = median(201, || {
            black_box(search(black_box(&content.corpus), black_box(q)));
        });
        worst = worst.max(t);
    }
    println!(
        "  search per keystroke, worst of 5 queries: {:.3} ms (target ≤ 2 ms)",
        worst.as_secs_f64() * 1e3
    );
}
