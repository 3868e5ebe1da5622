//! Benchmark of the search function: time per query on the report and on a synthetic corpus
//! 100 times its size (the report's text units repeated). Prints medians; asserts nothing —
//! speed targets live here, never in timed tests. Run: `cargo bench --bench search`.
//!
//! Targets (issue 4): ≤ 2 ms a query on the report, ≤ 30 ms on the 100× corpus, cost growing
//! linearly with the text.

#[path = "support/median.rs"]
mod median_of_runs;

use std::hint::black_box;
use std::time::{Duration, Instant};

use report_core::search::{search, suggest, Corpus, Unit};
#[path = "../tests/support/mod.rs"]
mod default_report;
use default_report as data;

const QUERIES: [&str; 8] = [
    "乡贤",
    "1687",
    "14.5%",
    "火星",
    "今年以来",
    "镇",
    "医保",
    "3个",
];

/// Median time of one call of `f`, over enough runs to take about `budget`.
fn median(budget: Duration, mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    f();
    let once = start.elapsed().max(Duration::from_nanos(50));
    let runs = (budget.as_nanos() / once.as_nanos()).clamp(11, 20_001) as usize;
    median_of_runs::median(runs, f)
}

fn main() {
    let corpus = &data::content().expect("the embedded report parses").corpus;
    let chars: usize = corpus.units.iter().map(|u| u.text.chars().count()).sum();
    let big = Corpus {
        terms: corpus.terms.clone(),
        units: (0..100)
            .flat_map(|copy| {
                corpus.units.iter().map(move |u| {
                    Unit::new(format!("{}-{copy}", u.id), u.path.clone(), u.text.clone())
                })
            })
            .collect(),
    };
    println!(
        "search benchmark: report {chars} characters, synthetic corpus {} characters",
        chars * 100
    );
    println!(
        "{:<10} {:>8} {:>12} {:>14} {:>8}",
        "query", "hits", "report", "100× corpus", "ratio"
    );
    let budget = Duration::from_millis(300);
    let mut worst = (Duration::ZERO, Duration::ZERO);
    for q in QUERIES {
        let hits = search(corpus, q).hits.len();
        let small = median(budget, || {
            black_box(search(black_box(corpus), black_box(q)));
        });
        let large = median(budget, || {
            black_box(search(black_box(&big), black_box(q)));
        });
        worst = (worst.0.max(small), worst.1.max(large));
        println!(
            "{:<10} {:>8} {:>9.3} ms {:>11.3} ms {:>7.0}×",
            q,
            hits,
            small.as_secs_f64() * 1e3,
            large.as_secs_f64() * 1e3,
            large.as_secs_f64() / small.as_secs_f64()
        );
    }
    println!(
        "worst: {:.3} ms on the report (target ≤ 2 ms), {:.3} ms on the 100× corpus (target ≤ 30 ms)",
        worst.0.as_secs_f64() * 1e3,
        worst.1.as_secs_f64() * 1e3
    );
    // A pasted sentence that is not in the text (one character changed): the search finds
    // nothing, then the suggestions (longest beginning and end that are there) are computed.
    let pasted: String = corpus
        .units
        .iter()
        .map(|u| u.text.as_str())
        .collect::<String>()
        .chars()
        .skip(200)
        .take(120)
        .collect::<String>()
        + "火星";
    let miss = median(budget, || {
        black_box(search(black_box(corpus), black_box(&pasted)));
        black_box(suggest(black_box(corpus), black_box(&pasted)));
    });
    let long = "火".repeat(10_000);
    let huge = median(budget, || {
        black_box(search(black_box(corpus), black_box(&long)));
        black_box(suggest(black_box(corpus), black_box(&long)));
    });
    println!(
        "nothing found, with suggestions: {:.3} ms for a pasted sentence of {} characters, {:.3} ms for 10,000 characters",
        miss.as_secs_f64() * 1e3,
        pasted.chars().count(),
        huge.as_secs_f64() * 1e3
    );
}
