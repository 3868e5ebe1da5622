//! Local check of the figure recogniser on real material that the project does not ship:
//! `../shared/corpora/` (see its README; `$SONGSHI_CORPORA` elsewhere). Prints, asserts
//! nothing; exits 0 with a notice when the folder is not there. Run: `cargo bench --bench
//! corpora` (`-- --dump` also lists every figure of every report with its character position).
//!
//! 1. **Peer cases** (`peer-figures/*.tsv`, the test cases of seven peer projects, read in
//!    place and never copied): for the cases that apply to report text, how many the
//!    recogniser reads as the peer does, and where and why it reads them differently. What
//!    applies, and why, is decided in [`classify`]; where a peer and a report read a form
//!    differently, the report wins and [`why`] says so.
//! 2. **Real reports** (`reports/*.txt`, not the `.raw` copies): figures found, by unit, by
//!    precision and by kind, and the time to recognise the whole text (median of 9 runs).
#[path = "support/median.rs"]
mod median;
#[path = "support/reports.rs"]
mod reports;
use median::median;
use reports::corpora_dir;

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use report_core::figures::meaning::kind_of;
use report_core::figures::{parse_quantity, recognise, Amount, Figure};

/// Character index of byte `at` of `text`.
fn char_pos(text: &str, at: usize) -> usize {
    text.get(..at).map_or(0, |head| head.chars().count())
}

fn report_check(dir: &Path, dump: bool) {
    println!("== real reports ({})", dir.join("reports").display());
    for (stem, text) in reports::real_reports() {
        let name = format!("{stem}.txt");
        let name = name.as_str();
        let figures = recognise(&text);
        let time = median(9, || {
            black_box(recognise(black_box(&text)));
        });
        let mut by_unit: BTreeMap<String, usize> = BTreeMap::new();
        let mut by_precision: BTreeMap<&str, usize> = BTreeMap::new();
        let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
        for f in &figures {
            *by_unit.entry(unit_label(f)).or_default() += 1;
            *by_precision.entry(f.meaning().precision.key()).or_default() += 1;
            *by_kind.entry(kind_of(&text, f).key()).or_default() += 1;
        }
        println!(
            "{name}: {} characters, {} figures, recognised in {:.2} ms (median of 9)",
            text.chars().count(),
            figures.len(),
            time.as_secs_f64() * 1000.0
        );
        let mut units: Vec<(String, usize)> = by_unit.into_iter().collect();
        units.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let units: Vec<String> = units.iter().map(|(u, n)| format!("{u} {n}")).collect();
        println!("  by unit: {}", units.join(", "));
        let precisions: Vec<String> = by_precision
            .iter()
            .map(|(p, n)| format!("{p} {n}"))
            .collect();
        println!("  by precision: {}", precisions.join(", "));
        let kinds: Vec<String> = by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
        println!("  by kind: {}", kinds.join(", "));
        if dump {
            for f in &figures {
                let written = text.get(f.start..f.end).unwrap_or("?");
                let before = context_before(&text, f.start, 8);
                println!(
                    "    @{} {before}[{written}] {} {} {:?} {} {}",
                    char_pos(&text, f.start),
                    f.meaning().machine(),
                    f.unit,
                    f.qualifier,
                    kind_of(&text, f).key(),
                    f.change
                        .as_ref()
                        .map(|c| format!("{:?}{}{}", c.direction, c.basis, c.verb))
                        .unwrap_or_default()
                );
            }
        }
    }
}

/// The unit a figure is counted under: its base unit, "ratio" for a ratio.
fn unit_label(f: &Figure) -> String {
    if f.unit.is_empty() {
        "(ratio)".to_string()
    } else {
        f.unit.clone()
    }
}

/// Up to `n` characters before byte `at`, on one line.
fn context_before(text: &str, at: usize, n: usize) -> String {
    let head = text.get(..at).unwrap_or("");
    let chars: Vec<char> = head.chars().rev().take(n).collect();
    chars
        .into_iter()
        .rev()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

// ---- peer cases ----

/// One row of a peer TSV (see `peer-figures/SOURCES.md` for the columns).
struct Case {
    file: String,
    input: String,
    expected: String,
    unit: String,
    model: String,
    span: String,
    flags: String,
}

fn read_cases(dir: &Path) -> Vec<Case> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for path in files {
        let file = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for line in text
            .lines()
            .filter(|l| !l.starts_with("# ") && !l.is_empty())
        {
            let cols: Vec<&str> = line.split('\t').collect();
            let col = |k: usize| cols.get(k).copied().unwrap_or("").to_string();
            cases.push(Case {
                file: file.to_string(),
                input: if col(0) == "(empty)" {
                    String::new()
                } else {
                    col(0)
                },
                expected: col(1),
                unit: col(2),
                model: col(3),
                span: col(5),
                flags: col(6),
            });
        }
    }
    cases
}

/// How a peer case is checked.
enum Check {
    /// A numeral alone: `parse_quantity` of `.0` against the number `.1` (a peer's value, or
    /// the other side of a text-normalisation pair); `None` expects an error.
    Numeral(String, Option<String>),
    /// The same quantities in two writings of one phrase (spoken and written forms of a
    /// normalisation pair): `recognise` reads both sides alike.
    Pair(String, String),
    /// Money in a phrase: a figure of this currency with these bounds (`[low, high]` or one
    /// number, matched against the figure's value, `min` or `max`).
    Money(&'static str),
    /// A percentage in a phrase: a % figure with this value.
    Percent(String),
    /// A quantity with a unit in a phrase: a figure with this value.
    Dimension(String),
    /// The peer finds nothing: neither does the recogniser (no figure, or no % / money figure).
    Nothing,
    /// Does not apply to report text, and why.
    NotApplicable(&'static str),
}

const FINANCIAL: &str = "壹贰叁肆伍陆柒捌玖拾佰仟貳參陸";
const TRADITIONAL: &str = "萬億兩點個圓";

/// Why a text is not report text, if it is not.
fn not_report_text(text: &str) -> Option<&'static str> {
    if text
        .chars()
        .any(|c| c.is_ascii_alphabetic() || "ｋｗＫＷ".contains(c))
    {
        return Some("Latin letters (15k, 30w, $): not how a report writes a number");
    }
    if text.chars().any(|c| FINANCIAL.contains(c)) {
        return Some("financial numerals (壹贰叁…): cheques and contracts, not reports");
    }
    if text.chars().any(|c| TRADITIONAL.contains(c)) {
        return Some("traditional characters: the reports are in simplified Chinese");
    }
    if text.contains('负') || text.contains('負') || text.starts_with(['-', '－']) {
        return Some("negative numbers: a report states a fall with a verb (下降3%)");
    }
    if text.contains("分之") && !text.contains("百分之") {
        return Some("fractions and per-mille (三分之一, 千分之二): not read (reports write %)");
    }
    if text.chars().any(|c| "¥￥$€£₩₽".contains(c)) {
        return Some("currency symbols (¥, $): reports write 元, 美元");
    }
    if text.chars().any(|c| "块毛角蚊毫仙钱币".contains(c)) {
        return Some("spoken money (块, 毛, 角, 钱, 币): reports write 元");
    }
    None
}

/// The currency code a peer names, if a report uses it.
fn currency_of(peer_unit: &str) -> Option<&'static str> {
    match peer_unit {
        "元" | "Dollar" => Some("CNY"),
        "美元" => Some("USD"),
        "港元" => Some("HKD"),
        "欧元" => Some("EUR"),
        "日元" => Some("JPY"),
        u if u.contains("(CNY)") => Some("CNY"),
        u if u.contains("(USD)") => Some("USD"),
        u if u.contains("(HKD)") => Some("HKD"),
        u if u.contains("(EUR)") => Some("EUR"),
        u if u.contains("(JPY)") => Some("JPY"),
        _ => None,
    }
}

/// The span text of a Recognizers row ("六个百分点@[0,4]" → "六个百分点").
fn span_text(case: &Case) -> &str {
    case.span.rsplit_once('@').map_or("", |(t, _)| t)
}

/// Decides whether a case applies to report text, and how it is checked.
fn classify(case: &Case) -> Check {
    use Check::NotApplicable as Na;
    let model = case.model.as_str();
    let input = case.input.clone();
    let expected = case.expected.clone();
    match case.file.as_str() {
        "chinese2digits.tsv" => Na("free-text numeral extraction with its own conventions (万三 = 0.0003, percentages as fractions)"),
        "cn2an.tsv" if model.contains("direct") => Na("digit strings (零零三), not quantities"),
        "cn2an.tsv" => match not_report_text(&input) {
            Some(why) => Na(why),
            None if expected == "ValueError" => Check::Numeral(input, None),
            None => Check::Numeral(input, Some(expected)),
        },
        "cn2an-an2cn.tsv" if model.contains("mode=low") && !model.contains("scientific") => {
            match not_report_text(&input).or(not_report_text(&expected)) {
                Some(why) => Na(why),
                None if expected == "ValueError" => Na("an error of the peer's number-to-text direction"),
                None => Check::Numeral(expected, Some(input)),
            }
        }
        "cn2an-an2cn.tsv" => Na("upper-case, money or digit-wise writing of numbers (number → text)"),
        "cn2an-transform.tsv" | "wetext-itn.tsv" | "wetext-tn.tsv" | "nemo-zh-itn.tsv"
        | "nemo-zh-tn.tsv" => {
            let kind = model.split(':').nth(1).unwrap_or(model);
            let pair_kinds = ["money", "measure", "normalizer"];
            let numeral_kinds = ["number", "cardinal", "decimal"];
            let numeral = numeral_kinds.contains(&kind);
            let pair = pair_kinds.contains(&kind) || case.file == "cn2an-transform.tsv";
            if !numeral && !pair {
                return Na("dates, ordinals, fractions, formulas, sports scores: not figures");
            }
            if case.flags.contains("multiple-accepted-outputs") && expected.contains('~') {
                return Na("several accepted outputs");
            }
            if let Some(why) = not_report_text(&input).or(not_report_text(&expected)) {
                return Na(why);
            }
            if numeral && is_numeral(&input) && is_numeral(&expected) {
                Check::Numeral(input, Some(expected))
            } else if numeral && !is_numeral(&input) && !is_numeral(&expected) {
                // A sentence in a numeral file: read it as a phrase.
                Check::Pair(input, expected)
            } else if numeral {
                Na("a numeral the peer writes in its own notation")
            } else {
                Check::Pair(input, expected)
            }
        }
        "duckling-zh.tsv" if model == "Numeral" => match not_report_text(&input) {
            Some(why) => Na(why),
            None if input.chars().any(|c| "个打對雙份半又".contains(c)) => {
                Na("numerals with a measure word or a half (一个, 五打, 一半): not a numeral alone")
            }
            None => Check::Numeral(input, Some(expected)),
        },
        "duckling-zh.tsv" if model.starts_with("AmountOfMoney") => {
            match not_report_text(&input) {
                Some(why) => Na(why),
                None if case.unit == "Dollar" && input.contains('元') => Check::Money("CNY"),
                None => Na("money without 元 (人民币 after the number): reports write 元"),
            }
        }
        "duckling-zh.tsv" => Na("distances, weights and ordinals converted to metres and grams: a report keeps its unit as written"),
        "jionlp-money.tsv" | "jionlp-money-extract.tsv" => {
            let text = if case.file == "jionlp-money.tsv" { &input } else { &expected };
            if case.file == "jionlp-money-extract.tsv" && expected == "(none)" {
                return match not_report_text(&input) {
                    Some(why) => Na(why),
                    None => Check::Nothing,
                };
            }
            if let Some(why) = not_report_text(text) {
                return Na(why);
            }
            let currency = if case.file == "jionlp-money.tsv" {
                currency_of(&case.unit)
            } else {
                ["美元", "港元", "欧元", "日元", "元"]
                    .iter()
                    .find(|u| expected.contains(*u))
                    .and_then(|u| currency_of(u))
            };
            match currency {
                None => Na("a currency reports do not use (泰铢, 卢布, 新台币)"),
                Some(_) if !["元", "美元", "港元", "欧元", "日元"].iter().any(|u| text.contains(u)) => {
                    Na("no unit written (三百万): the peer assumes 元; a report writes its unit")
                }
                Some(code) if case.file == "jionlp-money.tsv" => Check::Money(code),
                Some(_) => Check::Dimension(expected),
            }
        }
        "recognizers-text-zh.tsv" => {
            let span = span_text(case).to_string();
            if model.starts_with("NumberModel") {
                if expected == "(none)" {
                    return Check::Nothing;
                }
                if span.contains(' ') || span.contains("分之") || span.contains('半') {
                    return Na("spaced, fractional or half numerals (一 百, 三分之一, 半)");
                }
                return match not_report_text(&span) {
                    Some(why) => Na(why),
                    None => Check::Numeral(span, Some(expected)),
                };
            }
            if model.starts_with("PercentModel") {
                if expected == "(none)" {
                    return Check::Nothing;
                }
                if span.contains('折') || span.contains('成') {
                    return Na("折 and 成 (discounts, tenths): not how reports state shares");
                }
                if span.contains(' ') {
                    return Na("spaced numerals");
                }
                return match not_report_text(&input) {
                    Some(why) => Na(why),
                    None => Check::Percent(expected.trim_end_matches('%').to_string()),
                };
            }
            if model.starts_with("CurrencyModel") {
                if expected == "(none)" {
                    return Check::Nothing;
                }
                return match (not_report_text(&span), currency_of(&case.unit)) {
                    (Some(why), _) => Na(why),
                    (None, None) => Na("a currency reports do not use (瑞士法郎, 奈拉, 比特币)"),
                    (None, Some(_)) if expected == "(null)" => Na("a currency named without an amount"),
                    (None, Some(code)) => Check::Money(code),
                };
            }
            if model.starts_with("DimensionModel") {
                if expected == "(none)" {
                    return Check::Nothing;
                }
                return match not_report_text(&span) {
                    Some(why) => Na(why),
                    None => Check::Dimension(expected),
                };
            }
            if model.starts_with("NumberRange") {
                return Na("comparisons of bare numbers (大于二十, x小于20): a report writes a unit, and its bounds are read on figures");
            }
            Na("ages and ordinals: not figures")
        }
        _ => Na("unknown file"),
    }
}

/// Whether a text is a numeral alone: digits, Chinese numerals, 点 . , and magnitudes.
fn is_numeral(text: &str) -> bool {
    let numeral = |c: char| {
        c.is_ascii_digit()
            || "０１２３４５６７８９.,，．零〇一二两三四五六七八九十百千万亿点".contains(c)
    };
    !text.is_empty() && text.chars().all(numeral)
}

/// A peer's number as an exact amount ("82225.00", "1,000", "100万", "-0" → none).
fn peer_number(text: &str) -> Option<Amount> {
    let plain: String = text.chars().filter(|c| *c != ',').collect();
    parse_quantity(plain.trim()).ok()
}

/// A peer's value: one number, or `[low, high]`.
fn peer_bounds(text: &str) -> Option<(Amount, Option<Amount>)> {
    if let Some(inner) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        let (low, high) = inner.split_once(',')?;
        return Some((peer_number(low)?, Some(peer_number(high)?)));
    }
    Some((peer_number(text)?, None))
}

/// The numbers a figure states: value, or min and max.
fn figure_numbers(f: &Figure) -> (Option<Amount>, Option<Amount>, Option<Amount>) {
    let m = f.meaning();
    (m.value, m.min, m.max)
}

/// A figure list in short: "16870000元 exact; 5% approximate".
fn describe(text: &str, figures: &[Figure]) -> String {
    if figures.is_empty() {
        return "no figure".to_string();
    }
    let parts: Vec<String> = figures
        .iter()
        .map(|f| {
            format!(
                "{} = {}{} {}",
                text.get(f.start..f.end).unwrap_or("?"),
                f.meaning().machine(),
                f.unit,
                f.meaning().precision.key()
            )
        })
        .collect();
    parts.join("; ")
}

/// Checks one case: `Ok(())` when the recogniser reads it as the peer does, else what it read.
fn check(case: &Case, how: &Check) -> Result<(), String> {
    match how {
        Check::Numeral(text, expected) => {
            let ours = parse_quantity(text.trim());
            let theirs = expected.as_deref().map(peer_number);
            match (ours, theirs) {
                (Err(_), None) => Ok(()),
                (Ok(a), Some(Some(b))) if a == b => Ok(()),
                (Ok(a), _) => Err(format!("{text} → {a}")),
                (Err(e), _) => Err(format!("{text} → {}", e.kind_name())),
            }
        }
        Check::Pair(a, b) => {
            let read = |t: &str| -> Vec<(String, String, &'static str)> {
                recognise(t)
                    .iter()
                    .map(|f| {
                        (
                            f.meaning().machine(),
                            f.unit.clone(),
                            f.meaning().precision.key(),
                        )
                    })
                    .collect()
            };
            if read(a) == read(b) {
                Ok(())
            } else {
                Err(format!(
                    "{} | {}",
                    describe(a, &recognise(a)),
                    describe(b, &recognise(b))
                ))
            }
        }
        Check::Money(code) => {
            let figures = recognise(&case.input);
            let Some((low, high)) = peer_bounds(&case.expected) else {
                return Err(format!("peer value {} unread", case.expected));
            };
            let hit = figures.iter().any(|f| {
                let (value, min, max) = figure_numbers(f);
                let currency = f.currency.as_deref() == Some(*code);
                currency
                    && match high {
                        None => [value, min, max].contains(&Some(low)),
                        Some(high) => min == Some(low) && max == Some(high),
                    }
            });
            if hit {
                Ok(())
            } else {
                Err(describe(&case.input, &figures))
            }
        }
        Check::Percent(value) => {
            let figures = recognise(&case.input);
            let want = peer_number(value);
            let hit = figures
                .iter()
                .any(|f| f.unit == "%" && want == Some(f.value));
            if hit {
                Ok(())
            } else {
                Err(describe(&case.input, &figures))
            }
        }
        Check::Dimension(value) => {
            let figures = recognise(&case.input);
            let want = peer_number(value);
            let written = |f: &Figure| case.input.get(f.start..f.end).unwrap_or("").to_string();
            let hit = figures
                .iter()
                .any(|f| want.is_some() && want == Some(f.value) || written(f) == *value);
            if hit {
                Ok(())
            } else {
                Err(describe(&case.input, &figures))
            }
        }
        Check::Nothing => {
            let figures = recognise(&case.input);
            let relevant: Vec<Figure> = figures
                .into_iter()
                .filter(|f| match case.model.as_str() {
                    m if m.starts_with("PercentModel") => f.unit == "%",
                    m if m.starts_with("CurrencyModel") => f.currency.is_some(),
                    _ if case.file.starts_with("jionlp") => f.currency.is_some(),
                    _ => true,
                })
                .collect();
            if relevant.is_empty() {
                Ok(())
            } else {
                Err(describe(&case.input, &relevant))
            }
        }
        Check::NotApplicable(_) => Ok(()),
    }
}

/// Why the recogniser reads a case differently. Where a report reads the form differently
/// from the peer, the report's reading wins, and this says so.
fn why(case: &Case) -> &'static str {
    let text = format!("{}{}", case.input, span_text(case));
    let has = |w: &str| text.contains(w);
    let chars: Vec<char> = text.chars().collect();
    let digit = |c: char| "一二两三四五六七八九".contains(c);
    // Two different digits side by side ("三五百", "十五六"): an approximation.
    let adjacent = chars
        .windows(2)
        .any(|w| digit(w[0]) && digit(w[1]) && w[0] != w[1]);
    // A lone 一 / 二 before a measure word ("一个", "二人", "近一吨").
    let lone = chars.windows(3).any(|w| {
        !digit(w[0])
            && !"十百千万亿点零".contains(w[0])
            && "一二".contains(w[1])
            && "个人位名家项次吨米元美".contains(w[2])
    });
    let mixed = chars.windows(2).any(|w| {
        (w[0].is_ascii_digit() && "十百千零".contains(w[1]))
            || ("万亿千百".contains(w[0]) && digit(w[1]) && chars.iter().any(char::is_ascii_digit))
    });
    if has("个百分点") || has("百分点") {
        "report wins: 个百分点 is percentage points (base unit 百分点), never % as the peer has it"
    } else if has("十三五") || has("十四五") || has("十五五") {
        "report wins: 十四五 is the name of a plan, not a number"
    } else if case.expected.starts_with('[') && (has("多") || has("余") || has("几")) {
        "report wins: 余/多/几 state a lower bound (more than); the peer invents an upper bound"
    } else if has("数十") || has("数百") || has("几十") || has("几百") {
        "report wins: 数/几 before a magnitude is read as two to nine of it"
    } else if has("从") && has("到") {
        "report wins: 从…到… is a change over time (从60%提高到75%): two figures, no range"
    } else if case.expected.ends_with('%') && (has("-") || has("到")) {
        "report wins: a range of percentages keeps both ends"
    } else if has("廿") || has("卅") || has("兆") || has("打") {
        "廿, 卅, 兆 and 打 (dozen) do not occur in reports: not read"
    } else if has("半") {
        "halves (三斤半, 两米半) are not read"
    } else if lone {
        "report wins: a lone 一 / 二 before a measure word is a set form (一次性, 二次供水); reports write a quantity of one as 1"
    } else if adjacent {
        "approximations by two digits side by side (三五百, 十五六, 三四万) are not read"
    } else if mixed {
        "Arabic and Chinese digits mixed in one number (1百01, 5万4千6百, 100万三千) are not read"
    } else if case.input.starts_with('.') || span_text(case).starts_with('.') {
        "numbers without a leading 0 (.5) are not read"
    } else if text
        .chars()
        .filter(|c| "一二三四五六七八九零〇".contains(*c))
        .count()
        >= 3
        && !text.chars().any(|c| "十百千万亿".contains(c))
    {
        "report wins: digits read one by one (一七二零, 二〇二四) are codes or years in a report"
    } else if has("以上") || has("以下") || has("至少") || has("最多") || has("不到") || has("近")
    {
        "bound words the peer reads as a number and the recogniser as a bound"
    } else if has("两个亿") || has("个亿") || has("万万") || has("千万亿") {
        "colloquial or unusual magnitudes (两个亿, 三千万亿) are not read"
    } else {
        "not read (see the forms not read)"
    }
}

fn peer_check(dir: &Path, all: bool) {
    let cases = read_cases(&dir.join("peer-figures"));
    println!(
        "== peer cases ({} rows in {})",
        cases.len(),
        dir.join("peer-figures").display()
    );
    // Per file: rows, applying, same.
    let mut per_file: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let mut not_applicable: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut differences: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for case in &cases {
        let how = classify(case);
        let entry = per_file.entry(case.file.as_str()).or_default();
        entry.0 += 1;
        if let Check::NotApplicable(reason) = how {
            *not_applicable.entry(reason).or_default() += 1;
            continue;
        }
        entry.1 += 1;
        match check(case, &how) {
            Ok(()) => entry.2 += 1,
            Err(ours) => differences.entry(why(case)).or_default().push(format!(
                "{}: {} (peer: {}) — ours: {ours}",
                case.file.trim_end_matches(".tsv"),
                case.input.chars().take(40).collect::<String>(),
                case.expected
            )),
        }
    }
    let (mut rows, mut apply, mut same) = (0, 0, 0);
    for (file, (r, a, s)) in &per_file {
        println!("  {file}: {r} rows, {a} apply, {s} read the same");
        rows += r;
        apply += a;
        same += s;
    }
    println!(
        "  total: {rows} rows, {apply} apply to report text, {same} read the same ({:.0}%)",
        100.0 * same as f64 / apply.max(1) as f64
    );
    println!("  not applicable, by reason:");
    let mut reasons: Vec<_> = not_applicable.into_iter().collect();
    reasons.sort_by_key(|r| std::cmp::Reverse(r.1));
    for (reason, n) in reasons {
        println!("    {n:4}  {reason}");
    }
    println!("  read differently, by reason (up to 4 examples each):");
    let mut groups: Vec<_> = differences.into_iter().collect();
    groups.sort_by_key(|g| std::cmp::Reverse(g.1.len()));
    for (reason, examples) in groups {
        println!("    {:4}  {reason}", examples.len());
        for e in examples.iter().take(if all { usize::MAX } else { 4 }) {
            println!("            {e}");
        }
    }
}

fn main() {
    let dir = corpora_dir();
    if !dir.is_dir() {
        println!(
            "corpora: {} is not there; nothing to check (see the project README)",
            dir.display()
        );
        return;
    }
    let dump = std::env::args().any(|a| a == "--dump");
    let all = std::env::args().any(|a| a == "--all-differences");
    peer_check(&dir, all);
    report_check(&dir, dump);
}
