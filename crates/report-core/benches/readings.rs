//! Local check of what the automatic reading makes of real reports that the project does not
//! ship (`../shared/corpora/reports/`, `$SONGSHI_CORPORA/reports` elsewhere): per report, the
//! headline row, how many figures got a card and an indicator and how many were left without
//! one, every `分别` list with the item each value went to, the targets found with last year's
//! results (GDP apart, to read against the text), and the outline's counts. Prints, asserts
//! nothing; exits 0 with a notice when the folder is not there.
//!
//! Run: `cargo bench -p report-core --bench readings` (`-- --dump NAME` also lists every card
//! of the reports whose file name holds NAME, with the words before its figure).

#[path = "support/reports.rs"]
mod reports;

use report_core::cards::{unit_text, Card};
use report_core::search::terms::Terms;
use report_core::targets::Targets;
use report_core::{Content, SectionKind};

fn card_line(c: &Card) -> String {
    format!("{} {}［{}］", c.label, c.written, c.kind.name())
}

/// The last `n` characters before byte `at` of `text`.
fn before(text: &str, at: usize, n: usize) -> String {
    let head: Vec<char> = text[..at].chars().collect();
    head[head.len().saturating_sub(n)..].iter().collect()
}

fn main() {
    let dump: Option<String> = {
        let args: Vec<String> = std::env::args().collect();
        args.iter()
            .position(|a| a == "--dump")
            .and_then(|i| args.get(i + 1).cloned())
    };
    for (name, text) in reports::real_reports() {
        let name = name.as_str();
        let Ok((content, warnings)) = Content::from_text(&text, None, Terms::default()) else {
            println!("== {name}: not read");
            continue;
        };
        let Ok(cards) = content.cards.as_ref() else {
            continue;
        };
        let report = &content.report;
        println!("== {name}");
        let head: Vec<String> = cards
            .cards
            .iter()
            .filter(|c| c.headline)
            .map(card_line)
            .collect();
        println!("headline: {}", head.join(" | "));
        let figures = content.figures.len();
        let with_indicator = cards.cards.iter().filter(|c| c.indicator.is_some()).count();
        let changes: usize = content
            .figures
            .units
            .iter()
            .map(|(_, f)| f.iter().filter(|f| f.changed_by.is_some()).count())
            .sum();
        println!(
            "figures {figures}, cards {} (with an indicator {with_indicator}), changes on a card {changes}, no card {}",
            cards.cards.len(),
            figures - cards.cards.len() - changes
        );
        // 分别 lists: each value and the item it went to.
        let mut lists = Vec::new();
        for (unit, figs) in &content.figures.units {
            let Some(t) = unit_text(report, unit) else {
                continue;
            };
            let mut k = 0;
            while k < figs.len() {
                let from = t[..figs[k].start]
                    .rfind(['，', '。', '；', '：'])
                    .map_or(0, |i| i + 3)
                    .max(if k > 0 { figs[k - 1].end } else { 0 });
                if !t[from..figs[k].start].contains("分别") {
                    k += 1;
                    continue;
                }
                let mut items = Vec::new();
                let mut j = k;
                while j < figs.len()
                    && (j == k
                        || matches!(
                            &t[figs[j - 1].end..figs[j].start],
                            "、" | "和" | "与" | "及"
                        ))
                {
                    let label = cards
                        .cards
                        .iter()
                        .find(|c| c.unit_id == *unit && c.index == j)
                        .map_or("—".to_string(), |c| c.label.clone());
                    items.push(format!("{label}={}", &t[figs[j].start..figs[j].end]));
                    j += 1;
                }
                lists.push(format!(
                    "«{}» → {}",
                    before(t, figs[k].start, 28),
                    items.join("; ")
                ));
                k = j;
            }
        }
        println!("分别 lists: {}", lists.len());
        for l in &lists {
            println!("   {l}");
        }
        let all = report.sections();
        let count = |k: SectionKind| all.iter().filter(|s| s.kind == k).count();
        let longest = all
            .iter()
            .map(|s| s.heading.chars().count())
            .max()
            .unwrap_or(0);
        println!(
            "outline: parts {} subsections {} themes {} points {} items {} annexes {}; longest heading {longest}; warnings {}",
            count(SectionKind::Part),
            count(SectionKind::Subsection),
            count(SectionKind::Theme),
            count(SectionKind::Point),
            count(SectionKind::Item),
            report.annexes.len(),
            warnings.len()
        );
        let found = Targets::find(report, &content.figures);
        println!("targets {}:", found.targets.len());
        for t in &found.targets {
            let s = &t.stated;
            let result = found.result_for(t).map_or("—".to_string(), |r| {
                format!(
                    "{} {}［{}］",
                    r.year.map_or(String::new(), |y| format!("{y}年")),
                    r.written,
                    r.kind.name()
                )
            });
            let aim = t
                .aim
                .as_ref()
                .map_or(String::new(), |a| format!("，力争 {}", a.written));
            println!(
                "   {}{} {} ({}{}) ← {}",
                if s.indicator == "地区生产总值" {
                    "★ "
                } else {
                    ""
                },
                s.indicator,
                s.written,
                s.plain(),
                aim,
                result
            );
        }
        if dump.as_deref().is_some_and(|d| name.contains(d)) {
            for c in &cards.cards {
                let t = unit_text(report, &c.unit_id).unwrap_or("");
                let f = &content.figures.of(&c.unit_id)[c.index];
                println!(
                    "   {:<14} {:<12} {}  «{}»",
                    c.label,
                    c.written,
                    c.indicator.as_deref().unwrap_or("-"),
                    before(t, f.start, 24)
                );
            }
        }
    }
}
