//! Figure recognition on the real report: every figure it states, in reading order, and none
//! of its set phrases, dates or ordinals.

use report_core::figures::{recognise, Amount, Direction, Figure, Qualifier};
use report_core::Report;

mod support;
use support as data;

use Qualifier::{About, AboutMoreThan, Exact, MoreThan, Passed, Several};

fn report() -> &'static Report {
    match data::report() {
        Ok(report) => report,
        Err(e) => panic!("the embedded report parses: {e}"),
    }
}

/// The texts figures are shown in, in reading order: the opening, then each section's heading
/// and body.
fn texts(report: &Report) -> Vec<&str> {
    let mut texts = vec![report.opening.as_str()];
    for section in report.sections() {
        texts.push(&section.heading);
        texts.push(&section.body);
    }
    texts
}

/// Every figure of the report with the text it was found in.
fn figures(report: &Report) -> Vec<(&str, Figure)> {
    texts(report)
        .into_iter()
        .flat_map(|text| recognise(text).into_iter().map(move |f| (text, f)))
        .collect()
}

fn written<'t>(text: &'t str, f: &Figure) -> &'t str {
    &text[f.start..f.end]
}

/// Every figure of the report: (as written, value, base unit, qualifier).
const EXPECTED: &[(&str, &str, &str, Qualifier)] = &[
    ("1687万元", "16870000", "元", Exact),
    ("14.5%", "14.5", "%", Exact),
    ("1家", "1", "家", Exact),
    ("约2000万元", "20000000", "元", About),
    ("3亿元", "300000000", "元", Exact),
    ("30余次", "30", "次", MoreThan),
    ("10余个", "10", "个", MoreThan),
    ("41名", "41", "名", Exact),
    ("10余次", "10", "次", MoreThan),
    ("20余处", "20", "处", MoreThan),
    ("50余处", "50", "处", MoreThan),
    ("约20余次", "20", "次", AboutMoreThan),
    ("2000余米", "2000", "米", MoreThan),
    ("5个", "5", "个", Exact),
    ("260亩", "260", "亩", Exact),
    ("1万余平方米", "10000", "平方米", MoreThan),
    ("1055盏", "1055", "盏", Exact),
    ("23户", "23", "户", Exact),
    ("6000余亩", "6000", "亩", MoreThan),
    ("约20亩", "20", "亩", About),
    ("约30亩", "30", "亩", About),
    ("29.4%", "29.4", "%", Exact),
    ("百余条", "100", "条", MoreThan),
    ("突破3万人次", "30000", "人次", Passed),
    ("数百名", "100", "名", Several),
    ("700余人次", "700", "人次", MoreThan),
    ("4101人", "4101", "人", Exact),
    ("9950人", "9950", "人", Exact),
    ("130名", "130", "名", Exact),
    ("313户", "313", "户", Exact),
    ("15.3万元", "153000", "元", Exact),
    ("约2万元", "20000", "元", About),
    ("29万元", "290000", "元", Exact),
    ("21户", "21", "户", Exact),
    ("8户", "8", "户", Exact),
    ("27人", "27", "人", Exact),
    ("三个", "3", "个", Exact),
    ("350余位", "350", "位", MoreThan),
    ("20余次", "20", "次", MoreThan),
    ("12个", "12", "个", Exact),
    ("22处", "22", "处", Exact),
    ("170余名", "170", "名", MoreThan),
];

#[test]
fn finds_every_figure_of_the_report_in_reading_order() {
    let found: Vec<(String, String, String, Qualifier)> = figures(report())
        .iter()
        .map(|(text, f)| {
            (
                written(text, f).to_string(),
                f.value.to_string(),
                f.unit.clone(),
                f.qualifier,
            )
        })
        .collect();
    let expected: Vec<(String, String, String, Qualifier)> = EXPECTED
        .iter()
        .map(|(w, v, u, q)| (w.to_string(), v.to_string(), u.to_string(), *q))
        .collect();
    assert_eq!(found, expected);
    assert_eq!(found.len(), 42);
}

#[test]
fn the_whole_text_has_the_same_figures() {
    let report = report();
    let text = report.shown_text();
    let whole: Vec<&str> = recognise(&text).iter().map(|f| written(&text, f)).collect();
    let expected: Vec<&str> = EXPECTED.iter().map(|e| e.0).collect();
    assert_eq!(whole, expected);
}

#[test]
fn money_is_in_yuan_with_the_unit_as_written() {
    let money: Vec<(String, Amount, String)> = figures(report())
        .iter()
        .filter(|(_, f)| f.unit == "元")
        .map(|(text, f)| {
            (
                written(text, f).to_string(),
                f.value,
                f.written_unit.clone(),
            )
        })
        .collect();
    let expected = [
        ("1687万元", Amount::new(16_870_000, 0), "万元"),
        ("约2000万元", Amount::new(20_000_000, 0), "万元"),
        ("3亿元", Amount::new(300_000_000, 0), "亿元"),
        ("15.3万元", Amount::new(153_000, 0), "万元"),
        ("约2万元", Amount::new(20_000, 0), "万元"),
        ("29万元", Amount::new(290_000, 0), "万元"),
    ];
    let expected: Vec<(String, Amount, String)> = expected
        .iter()
        .map(|(w, a, u)| (w.to_string(), *a, u.to_string()))
        .collect();
    assert_eq!(money, expected);
}

#[test]
fn tax_revenue_has_its_period_and_its_change() {
    let report = report();
    let part = &report.sections[0];
    let found = recognise(&part.body);
    assert_eq!(found.len(), 2);
    let revenue = &found[0];
    assert_eq!(written(&part.body, revenue), "1687万元");
    assert_eq!(revenue.period.as_deref(), Some("1-8月"));
    assert_eq!(revenue.changed_by, Some(1));
    let growth = &found[1];
    assert_eq!(
        growth.value,
        Amount {
            mantissa: 145,
            scale: 1
        }
    );
    let change = growth.change.as_ref().expect("14.5% states a change");
    assert_eq!(
        (
            change.direction,
            change.basis.as_str(),
            change.verb.as_str()
        ),
        (Direction::Up, "同比", "增长")
    );
}

#[test]
fn rice_area_growth_stands_alone() {
    let all = figures(report());
    let at = all
        .iter()
        .position(|(text, f)| written(text, f) == "29.4%")
        .expect("29.4% is found");
    let (_, growth) = &all[at];
    let change = growth.change.as_ref().expect("29.4% states a change");
    assert_eq!(
        (
            change.direction,
            change.basis.as_str(),
            change.verb.as_str()
        ),
        (Direction::Up, "同比", "提升")
    );
    let (text, before) = &all[at - 1];
    assert_eq!(written(text, before), "约30亩");
    assert_eq!(before.changed_by, None);
    // Only the tax revenue is qualified by a change, and only it has a period.
    let changed: Vec<&str> = all
        .iter()
        .filter(|(_, f)| f.changed_by.is_some())
        .map(|(text, f)| written(text, f))
        .collect();
    assert_eq!(changed, ["1687万元"]);
    let with_period: Vec<&str> = all
        .iter()
        .filter(|(_, f)| f.period.is_some())
        .map(|(text, f)| written(text, f))
        .collect();
    assert_eq!(with_period, ["1687万元"]);
}

/// Phrases of the report with numerals that are not figures.
const NOT_FIGURES: &[&str] = &[
    "二十大",
    "二十届二中、三中全会",
    "十四五",
    "一把手",
    "六位一体",
    "六小场所",
    "一杆一圈一绳",
    "两不愁三保障",
    "两山公司",
    "三联三共",
    "首届",
    "第三方",
    "10月初",
    "5月竣工",
    "2024年",
    "75周年",
    "1-8月",
    "最后一米",
    "关键一年",
    "重要一年",
    "多家林业经营主体",
    "两用林",
    "三源村",
];

#[test]
fn set_phrases_dates_and_ordinals_are_not_figures() {
    let report = report();
    for phrase in NOT_FIGURES {
        assert_eq!(recognise(phrase), vec![], "{phrase}");
        // In the report too, no figure overlaps the phrase.
        let mut occurrences = 0;
        for text in texts(report) {
            let found = recognise(text);
            for (at, _) in text.match_indices(phrase) {
                occurrences += 1;
                let end = at + phrase.len();
                for f in &found {
                    assert!(
                        f.end <= at || f.start >= end,
                        "{} overlaps {phrase}",
                        written(text, f)
                    );
                }
            }
        }
        assert!(occurrences > 0, "{phrase} is in the report");
    }
    // The point markers are outside the headings and bodies; on their own they are no figures.
    for marker in ["一是", "二是", "三是"] {
        assert_eq!(recognise(marker), vec![], "{marker}");
    }
}

#[test]
fn ranges_are_ordered_non_overlapping_char_boundaries() {
    for text in texts(report()) {
        let found = recognise(text);
        let mut last = 0;
        for f in &found {
            assert!(last <= f.start && f.start < f.end && f.end <= text.len());
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            last = f.end;
        }
    }
}

/// A small xorshift generator: the fuzz test needs no dependency and repeats exactly.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces the fuzz strings are made of: digits, Chinese numerals, magnitudes, units,
/// qualifiers, separators, punctuation, full-width forms and words that start figures.
const PIECES: &[&str] = &[
    "0",
    "1",
    "2",
    "5",
    "9",
    "10",
    "1687",
    "14.5",
    ".",
    ",",
    "，",
    "、",
    "。",
    "；",
    "：",
    ":",
    "︰",
    "∶",
    "-",
    "－",
    "−",
    "+",
    "＋",
    "—",
    "——",
    "~",
    "～",
    "〜",
    "至",
    "到",
    "从",
    "由",
    "比",
    "零",
    "〇",
    "一",
    "二",
    "两",
    "三",
    "五",
    "九",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "万亿",
    "点",
    "数",
    "几",
    "余",
    "多",
    "元",
    "万元",
    "亿元",
    "美元",
    "%",
    "％",
    "个百分点",
    "百分点",
    "百分之",
    "倍",
    "斤",
    "千瓦",
    "千瓦时",
    "平方米",
    "公里",
    "人次",
    "人",
    "个",
    "户",
    "年",
    "月",
    "日",
    "号",
    "届",
    "第",
    "约",
    "近",
    "超过",
    "突破",
    "不低于",
    "不少于",
    "至少",
    "不超过",
    "以上",
    "以下",
    "以内",
    "左右",
    "及",
    "同比",
    "增长",
    "下降",
    "了",
    "目标",
    "预计",
    "完成",
    "“",
    "”",
    "（",
    "）",
    "０",
    "３",
    "９",
    "．",
    "G",
    "PM",
    "X",
    "l",
    "O",
    " ",
    "\n",
    "十四五",
    "位一体",
    "分别为",
    "1-8月",
];

/// A random string: pieces, now and then a random character (any Unicode scalar value).
fn fuzz_string(rng: &mut XorShift) -> String {
    let len = rng.below(24);
    let mut s = String::new();
    for _ in 0..len {
        if rng.below(8) == 0 {
            let c = char::from_u32((rng.next() % 0x11_0000) as u32).unwrap_or('\u{FFFD}');
            s.push(c);
        } else {
            s.push_str(PIECES[rng.below(PIECES.len())]);
        }
    }
    s
}

/// How many random strings the fuzz test tries.
const FUZZ_INPUTS: usize = 40_000;

#[test]
fn random_text_never_panics_and_ranges_stay_on_char_boundaries() {
    use report_core::figures::meaning::{kind_in, kind_of};
    use report_core::figures::parse_quantity;

    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut figures_seen = 0;
    for _ in 0..FUZZ_INPUTS {
        let text = fuzz_string(&mut rng);
        let _ = parse_quantity(&text);
        let found = recognise(&text);
        let mut last = 0;
        for f in &found {
            assert!(
                last <= f.start && f.start < f.end && f.end <= text.len(),
                "{text:?}: {f:?}"
            );
            assert!(
                text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
                "{text:?}: {f:?}"
            );
            last = f.end;
            let _ = f.meaning().machine();
            let _ = f.meaning().reading(&f.unit);
            let _ = kind_of(&text, f);
            let _ = kind_in(&text, f.start);
            let _ = parse_quantity(&text[f.start..f.end]);
            figures_seen += 1;
        }
    }
    // The alphabet makes figures often enough for the test to reach every path.
    assert!(figures_seen > FUZZ_INPUTS / 10, "{figures_seen} figures");
}
