//! Figures as spoken words (朗读), end to end: what the page reads aloud holds no digit, and the
//! words are right, checked by a round trip. Every figure the recogniser finds in a report is
//! spoken ([`spoken`] of its written form), and the spoken words are recognised again by the
//! core's own numeral reader: they must give one figure with the same value (and high end), unit,
//! currency, qualifier and meaning. Where they cannot, the reason is one of [`Exception`], each
//! a documented rule, and each checked for what it says: nothing is skipped in silence.
//!
//! The made-up reports (`tests/reports/`) and the default report are checked always; the real
//! reports of `../shared/corpora/reports/` (read at run time, never copied into the project) by
//! a local check: `cargo test -p report-core -- --ignored`.

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use report_core::cards::sentence_ranges;
use report_core::figures::{recognise, Amount, Figure, Qualifier};
use report_core::spoken::spoken;
use report_core::Report;

const MADE_UP: &[(&str, &str)] = &[
    (
        "county-2030.txt",
        include_str!("../../../tests/reports/county-2030.txt"),
    ),
    (
        "town-pdf-2030.txt",
        include_str!("../../../tests/reports/town-pdf-2030.txt"),
    ),
];

/// Why the spoken form of a figure may not read back as the same figure. Each is a rule, not a
/// fault of the words; [`exception`] checks that a difference is exactly what its rule says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Exception {
    /// A ratio ("2.31:1", "11.8:48.3:39.9") is no quantity and is not spoken as one number: its
    /// terms are spoken one by one with the separators as written ("二点三一:一"), and the
    /// recogniser reads a ratio only in Arabic digits. Checked: every term is spoken, no digit
    /// is left.
    Ratio,
    /// A quantity of one ("1家", "1个", "1所") is spoken 一家: the recogniser never takes a lone
    /// 一 or 二 before a measure word for a figure (such forms are nearly always set phrases:
    /// 一次性, 最后一米; a report writes a quantity of one in digits), see
    /// `figures::recognise`. Checked: the value is one and 一 is said right before the unit.
    LoneOne,
    /// A percentage range is spoken with 百分之 at both ends ("5.0%—5.5%", "3—5%" →
    /// 百分之五点零至百分之五点五), the way it is said; the recogniser reads 百分之 and a number
    /// as one percentage, so it finds the two ends as two figures. Checked: two percentages, the
    /// low end then the high end.
    PercentRangeInWords,
    /// A unit that starts with a place after a lone number ("3千米", 3 km) is spoken 三千米,
    /// which a listener, like the reader, takes for 3000 米; the words follow the text.
    /// Checked: the same quantity, as the unit without its place times that place.
    PlaceInUnit,
    /// A range whose low end is a lone digit and whose high end has a place before its
    /// magnitude ("8至900亿元") is read by the recogniser literally in digits (8亿 to 900亿) and
    /// by convention in words (八至九百亿: 800亿 to 900亿); the words follow the text. Checked:
    /// the same high end, the low end times ten, a hundred or a thousand.
    LoneDigitRange,
}

impl Exception {
    const ALL: [Exception; 5] = [
        Exception::Ratio,
        Exception::LoneOne,
        Exception::PercentRangeInWords,
        Exception::PlaceInUnit,
        Exception::LoneDigitRange,
    ];
}

/// What a round trip over some texts found.
#[derive(Debug, Default)]
struct Tally {
    /// Figures spoken and read back.
    checked: usize,
    /// Read back as the same figure.
    same: usize,
    /// Read back otherwise for a documented reason, with the written and spoken forms.
    exceptions: BTreeMap<Exception, Vec<(String, String)>>,
    /// Read back otherwise for no documented reason: failures.
    wrong: Vec<String>,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.checked += other.checked;
        self.same += other.same;
        for (kind, forms) in other.exceptions {
            self.exceptions.entry(kind).or_default().extend(forms);
        }
        self.wrong.extend(other.wrong);
    }

    fn count(&self, kind: Exception) -> usize {
        self.exceptions.get(&kind).map_or(0, Vec::len)
    }

    /// A summary for a person: the counts, every exception by kind with examples.
    fn summary(&self, what: &str) -> String {
        let mut out = format!(
            "{what}: {} figures checked, {} read back the same, {} exceptions, {} wrong\n",
            self.checked,
            self.same,
            self.checked - self.same - self.wrong.len(),
            self.wrong.len()
        );
        for kind in Exception::ALL {
            let forms = self.exceptions.get(&kind).map_or(&[][..], Vec::as_slice);
            let examples: Vec<String> = forms
                .iter()
                .take(4)
                .map(|(written, said)| format!("{written} → {said}"))
                .collect();
            out.push_str(&format!(
                "  {kind:?}: {} ({})\n",
                forms.len(),
                examples.join("; ")
            ));
        }
        for wrong in &self.wrong {
            out.push_str(&format!("  WRONG {wrong}\n"));
        }
        out
    }
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '０'..='９')
}

/// `a × 10^k`, when it fits.
fn times_ten(a: Amount, k: u32) -> Option<Amount> {
    let mantissa = a.mantissa.checked_mul(10u64.checked_pow(k)?)?;
    Some(Amount::new(mantissa, a.scale))
}

fn same_figure(written: &Figure, back: &Figure) -> bool {
    back.value == written.value
        && back.high == written.high
        && back.unit == written.unit
        && back.currency == written.currency
        && back.qualifier == written.qualifier
        && back.meaning() == written.meaning()
}

/// The documented reason why `figure`, written `written` and spoken `said`, reads back as
/// `back`, if there is one and the difference is exactly what it says.
fn exception(figure: &Figure, written: &str, said: &str, back: &[Figure]) -> Option<Exception> {
    let one = |amount: Amount| amount == Amount::new(1, 0);
    match (figure.qualifier, back) {
        (Qualifier::Ratio, []) => {
            let spoken_terms = figure
                .terms
                .iter()
                .all(|t| said.contains(&spoken(&t.to_string())));
            (spoken_terms && !said.chars().any(is_digit)).then_some(Exception::Ratio)
        }
        (_, []) if one(figure.value) && figure.high.is_none() => said
            .contains(&format!("一{}", figure.written_unit))
            .then_some(Exception::LoneOne),
        (Qualifier::Range, [low, high]) => (figure.unit == "%"
            && [low, high]
                .iter()
                .all(|f| f.unit == "%" && f.qualifier == Qualifier::Exact)
            && low.value == figure.value
            && Some(high.value) == figure.high)
            .then_some(Exception::PercentRangeInWords),
        (Qualifier::Range, [back]) => (back.qualifier == Qualifier::Range
            && back.high == figure.high
            && back.unit == figure.unit
            && (1..=3).any(|k| times_ten(figure.value, k) == Some(back.value)))
        .then_some(Exception::LoneDigitRange),
        (_, [back]) => {
            let place = match figure.unit.chars().next() {
                Some('千') => 3,
                Some('百') => 2,
                _ => return None,
            };
            let rest: String = figure.unit.chars().skip(1).collect();
            (back.unit == rest
                && back.qualifier == figure.qualifier
                && times_ten(figure.value, place) == Some(back.value)
                && written.contains(&figure.unit))
            .then_some(Exception::PlaceInUnit)
        }
        _ => None,
    }
}

/// The round trip over every figure of `text`.
fn round_trip(text: &str, source: &str) -> Tally {
    let mut tally = Tally::default();
    for figure in recognise(text) {
        let Some(written) = text.get(figure.start..figure.end) else {
            tally
                .wrong
                .push(format!("{source}: a figure off char boundaries"));
            continue;
        };
        let said = spoken(written);
        let back = recognise(&said);
        tally.checked += 1;
        if let [one] = back.as_slice() {
            if same_figure(&figure, one) {
                tally.same += 1;
                continue;
            }
        }
        match exception(&figure, written, &said, &back) {
            Some(kind) => tally
                .exceptions
                .entry(kind)
                .or_default()
                .push((written.to_string(), said)),
            None => tally.wrong.push(format!(
                "{source}: {written} ({} {}, {:?}) is spoken {said}, read back as {:?}",
                figure.value,
                figure.unit,
                figure.qualifier,
                back.iter()
                    .map(|f| format!("{} {} {:?}", f.value, f.unit, f.qualifier))
                    .collect::<Vec<_>>()
            )),
        }
    }
    tally
}

/// Every text of a report in which figures are found: the title, the opening, and every
/// section's heading and body, annexes included.
fn texts(report: &Report) -> Vec<String> {
    let mut texts = vec![report.title.clone(), report.opening.clone()];
    for top in report.sections.iter().chain(&report.annexes) {
        for section in top.walk() {
            texts.push(section.full_heading());
            texts.push(section.body.clone());
        }
    }
    texts
}

/// The round trip over a whole report file, parsed as the importer parses it.
fn round_trip_file(name: &str, source: &str) -> Tally {
    let mut tally = Tally::default();
    match report_core::parse::import(source) {
        Ok(parsed) => {
            for text in texts(&parsed.report) {
                tally.add(round_trip(&text, name));
            }
        }
        Err(e) => tally.wrong.push(format!("{name}: does not parse: {e}")),
    }
    tally
}

#[test]
fn every_figure_of_the_made_up_and_default_reports_reads_back() {
    let mut all = Tally::default();
    for (name, source) in MADE_UP
        .iter()
        .chain(&[("songshi-2024.scraped.txt", support::SOURCE)])
    {
        let tally = round_trip_file(name, source);
        assert!(tally.checked > 0, "{name}: no figures");
        all.add(tally);
    }
    println!("{}", all.summary("made-up and default reports"));
    assert!(all.wrong.is_empty(), "{}", all.summary("wrong"));
    // Most figures read back the same; the exceptions stay exceptions.
    assert!(all.checked >= 50, "{}", all.summary("too few"));
    assert!(all.same * 10 >= all.checked * 9, "{}", all.summary("few"));
}

/// Forms that the reports may not hold, every qualifier and each exception among them.
#[test]
fn made_up_forms_read_back_or_are_documented_exceptions() {
    let forms = [
        "1-8月全镇完成财税收入1687万元，同比增长14.5%。",
        "种植6000余亩，接待2万人次，收入20000元，计3.05亿元、1,687元、82，225元。",
        "约20余次，10余万元，1万余平方米，3万4000人，1亿2685万元，1000多人，30多个。",
        "投资10至500万元，1万-5万元，2-3个，1-2个，200元至500元。",
        "1200万人以上，不低于5%，3%以内，5%左右，近1亿人，不足5000人，突破3万人次。",
        "同比-3.6%，全年-22.2%，提高2个百分点，0.5个百分点，增长1倍、2倍，达到100%。",
        "１６８７万元，２．４％，1.3万亿斤，3.2万亿美元，12345678901234元，1200000000000元。",
        "新增0个，2名，1名，1家。",
        "三次产业结构为11.8:48.3:39.9。",
        "增长5%—6%，3—5%，5.0%—5.5%。",
        "长3千米，投资8至900亿元。",
    ];
    let mut all = Tally::default();
    for text in forms {
        all.add(round_trip(text, text));
    }
    println!("{}", all.summary("made-up forms"));
    assert!(all.wrong.is_empty(), "{}", all.summary("wrong"));
    // Each exception is met here, so that none is a rule that never applies.
    for kind in Exception::ALL {
        assert!(all.count(kind) > 0, "{kind:?}: {}", all.summary("unused"));
    }
    assert_eq!(all.count(Exception::LoneOne), 2, "{}", all.summary("one"));
    assert_eq!(
        all.count(Exception::PercentRangeInWords),
        3,
        "{}",
        all.summary("ranges")
    );
}

#[test]
#[ignore = "reads ../shared/corpora (a local check): cargo test -p report-core -- --ignored"]
fn every_figure_of_the_real_reports_reads_back() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/reports");
    let entries = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e} (the real reports are missing)", folder.display()));
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{}: no reports", folder.display());
    let mut all = Tally::default();
    for path in &files {
        let source =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let tally = round_trip_file(&name, &source);
        println!("{name}: {} figures, {} the same", tally.checked, tally.same);
        all.add(tally);
    }
    println!("{}", all.summary(&format!("{} real reports", files.len())));
    assert!(all.wrong.is_empty(), "{}", all.summary("wrong"));
    assert!(all.checked > 1000, "{}", all.summary("too few"));
}

/// What the page reads aloud of the default report: its title, salutation, the headings (marker
/// and heading, as the heading's button reads) and every sentence of every text.
#[test]
fn nothing_spoken_of_the_default_report_holds_a_digit() {
    let report = support::report().expect("the default report");
    let mut items: Vec<String> = vec![report.title.clone()];
    items.extend(report.salutation.clone());
    let mut bodies = vec![report.opening.as_str()];
    for top in report.sections.iter().chain(&report.annexes) {
        for section in top.walk() {
            items.push(section.full_heading());
            bodies.push(&section.body);
        }
    }
    for body in bodies {
        items.extend(
            sentence_ranges(body)
                .into_iter()
                .filter_map(|(start, end)| body.get(start..end))
                .map(str::to_string),
        );
    }
    assert!(items.len() > 50, "{} items", items.len());
    let with_digits: Vec<&String> = items
        .iter()
        .filter(|item| item.chars().any(is_digit))
        .collect();
    assert!(!with_digits.is_empty(), "the report states figures");
    for item in items {
        let said = spoken(&item);
        assert!(!said.chars().any(is_digit), "{item}\nis spoken\n{said}");
    }
}
