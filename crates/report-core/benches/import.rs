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

use report_core::file;
use report_core::search::search;
use report_core::search::terms::Terms;
use report_core::Content;

#[path = "support/generated.rs"]
mod generated;
use generated::generated_report;

fn main() {
    let text = generated_report(14);
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    let terms = || Terms::builtin();
    let (content, _) = Content::from_text(&text, None, terms()).expect("the made-up report parses");
    let json = file::to_json(&content);
    let embedded = file::to_embedded_json(&content);
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
    let own = median(21, || {
        black_box(file::read_own(black_box(&embedded), terms()).ok());
    });
    println!(
        "  text → report (chrome, paragraphs, outline, figures, cards, search index): {:.2} ms",
        import.as_secs_f64() * 1e3
    );
    println!(
        "  report file (JSON) → report, trusting no figure (the worker, the importer: figures found again): {:.2} ms",
        read.as_secs_f64() * 1e3
    );
    println!(
        "  report file (JSON) → report, the page's start-up (read_own: figures from the file, checked against the text): {:.2} ms",
        own.as_secs_f64() * 1e3
    );
    let parsed = report_core::parse::import(&text).expect("parses");
    let report = parsed.report;
    let parse = median(21, || {
        black_box(report_core::parse::import(black_box(&text)).ok());
    });
    let figures = median(21, || {
        black_box(report_core::cards::FigureIndex::new(black_box(&report)));
    });
    let index = report_core::cards::FigureIndex::new(&report);
    let cards = median(11, || {
        black_box(report_core::cards::auto_cards(black_box(&report), &index));
    });
    let corpus = median(21, || {
        black_box(report_core::search::Corpus::new(
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
