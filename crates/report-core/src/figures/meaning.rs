//! What a figure means beyond its digits, so that no export turns a vague quantity into a
//! plain number:
//!
//! - its **precision** ([`Meaning`]): exact, approximate (约, 左右), a lower bound (余 / 多 /
//!   突破 / 超过: "百余条" is more than 100), at least (以上 / 不低于 / 不少于 / 至少: the value
//!   included), at most (以下 / 以内 / 不超过), an upper bound (不到 / 不足; 近 is one that is
//!   also approximate), a range read by convention (数 / 几 before a magnitude: "数百名" is read
//!   as 200 to 900, the usual sense of 二三百到八九百), a range with both ends written
//!   ("10至500万元") or a ratio ("11.8:48.3:39.9"). Only exact and approximate figures have a
//!   value; the others are bounds, ranges or ratios and never a plain number;
//! - its **kind** ([`Kind`]): a result, an estimate (预计 / 预期 / 有望 in its clause) or a
//!   target (目标 / 力争 / 争取 / 确保 / 计划 / 拟 in its clause; any figure in a list led by
//!   a target: "主要预期目标是：…增长5%左右；…"; and a 左右 / 以上 / 不低于 figure with no word of
//!   a result in its clause nor of a past period in its sentence, see [`kind_of`]);
//! - its **period** ([`period_in`]): the nearest period words before it in its sentence
//!   ("1-8月", "今年以来", "截至目前", "2024年"), else those that open its section's heading
//!   ("今年来，我们…").

use super::{recognise, Amount, Figure, Qualifier};

/// How exact a figure's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// As written: "1687万元".
    Exact,
    /// 约 or 左右: "约2000万元", "5%左右"; the value is approximate.
    Approximate,
    /// More than the value, which is excluded: "百余条", "30余次", "突破3万人次"; only `min`
    /// is known.
    LowerBound,
    /// Somewhere between `min` and `max`, read by convention: "数百名" (200 to 900).
    Range,
    /// At least the value, which is included: "1200万人以上", "不低于5%"; only `min` is known.
    AtLeast,
    /// At most the value, which is included: "3%以内", "不超过120个"; only `max` is known.
    AtMost,
    /// Less than the value, which is excluded: "不足5000人"; "近1亿人" (approximate); only
    /// `max` is known.
    UpperBound,
    /// Between two ends that are both written and included: "10至500万元".
    Between,
    /// A ratio: "11.8:48.3:39.9", its `terms`; no value, no bound.
    Ratio,
}

impl Precision {
    /// The name of the precision in an export ("exact", "approximate", "lower_bound", "range",
    /// "at_least", "at_most", "upper_bound", "between", "ratio").
    pub fn key(self) -> &'static str {
        match self {
            Precision::Exact => "exact",
            Precision::Approximate => "approximate",
            Precision::LowerBound => "lower_bound",
            Precision::Range => "range",
            Precision::AtLeast => "at_least",
            Precision::AtMost => "at_most",
            Precision::UpperBound => "upper_bound",
            Precision::Between => "between",
            Precision::Ratio => "ratio",
        }
    }

    /// The same in Chinese, for the CSV and the cards: 精确, 约数, 下限, 范围, 至少, 至多, 上限,
    /// 区间, 比例.
    pub fn name(self) -> &'static str {
        match self {
            Precision::Exact => "精确",
            Precision::Approximate => "约数",
            Precision::LowerBound => "下限",
            Precision::Range => "范围",
            Precision::AtLeast => "至少",
            Precision::AtMost => "至多",
            Precision::UpperBound => "上限",
            Precision::Between => "区间",
            Precision::Ratio => "比例",
        }
    }
}

/// A figure's value as what it means: a point (exact or approximate), a bound, a range or a
/// ratio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meaning {
    pub precision: Precision,
    /// The value, only when it is a point (exact or approximate).
    pub value: Option<Amount>,
    /// The least value (a lower bound or the low end of a range); for a
    /// [`Precision::LowerBound`] the value itself is excluded ("多于100"), for
    /// [`Precision::AtLeast`] included.
    pub min: Option<Amount>,
    /// The greatest value (an upper bound or the high end of a range); excluded for a
    /// [`Precision::UpperBound`], included otherwise.
    pub max: Option<Amount>,
    /// The bound or range is itself approximate ("约20余次", "数百名", "近1亿人").
    pub approximate: bool,
    /// The terms of a ratio, in order; empty for anything else.
    pub terms: Vec<Amount>,
}

impl Figure {
    /// What this figure's value means (see the module documentation).
    pub fn meaning(&self) -> Meaning {
        let none = Meaning {
            precision: Precision::Exact,
            value: None,
            min: None,
            max: None,
            approximate: false,
            terms: Vec::new(),
        };
        let point = |precision| Meaning {
            precision,
            value: Some(self.value),
            approximate: precision == Precision::Approximate,
            ..none.clone()
        };
        let lower = |precision, approximate| Meaning {
            precision,
            min: Some(self.value),
            approximate,
            ..none.clone()
        };
        let upper = |precision, approximate| Meaning {
            precision,
            max: Some(self.value),
            approximate,
            ..none.clone()
        };
        match self.qualifier {
            Qualifier::Exact => point(Precision::Exact),
            Qualifier::About | Qualifier::Around => point(Precision::Approximate),
            Qualifier::MoreThan | Qualifier::Passed => lower(Precision::LowerBound, false),
            Qualifier::AboutMoreThan => lower(Precision::LowerBound, true),
            Qualifier::AtLeast => lower(Precision::AtLeast, false),
            Qualifier::AtMost => upper(Precision::AtMost, false),
            Qualifier::LessThan => upper(Precision::UpperBound, false),
            Qualifier::Nearly => upper(Precision::UpperBound, true),
            // 数百 is stored as 100: two to nine hundreds.
            Qualifier::Several => Meaning {
                precision: Precision::Range,
                min: times(self.value, 2),
                max: times(self.value, 9),
                approximate: true,
                ..none
            },
            Qualifier::Range => Meaning {
                precision: Precision::Between,
                min: Some(self.value),
                max: self.high,
                ..none
            },
            Qualifier::Ratio => Meaning {
                precision: Precision::Ratio,
                terms: self.terms.clone(),
                ..none
            },
        }
    }
}

fn times(a: Amount, k: u64) -> Option<Amount> {
    a.mantissa
        .checked_mul(k)
        .map(|mantissa| Amount::new(mantissa, a.scale))
}

impl Meaning {
    /// The value for a machine: "16870000", "~20000000", ">100", "~>20", "200-900", ">=12000000",
    /// "<=3", "<5000", "~<100000000", "100000-5000000", "11.8:48.3:39.9".
    pub fn machine(&self) -> String {
        let approx = if self.approximate { "~" } else { "" };
        match (self.precision, self.value, self.min, self.max) {
            // A range says it is vague by being a range: no "~".
            (Precision::Range | Precision::Between, _, Some(min), Some(max)) => {
                format!("{min}-{max}")
            }
            (Precision::LowerBound, _, Some(min), _) => format!("{approx}>{min}"),
            (Precision::AtLeast, _, Some(min), _) => format!("{approx}>={min}"),
            (Precision::AtMost, _, _, Some(max)) => format!("{approx}<={max}"),
            (Precision::UpperBound, _, _, Some(max)) => format!("{approx}<{max}"),
            (Precision::Ratio, ..) => self.ratio(),
            (_, Some(value), _, _) => format!("{approx}{value}"),
            _ => String::new(),
        }
    }

    /// The terms of a ratio joined by ":": "11.8:48.3:39.9".
    fn ratio(&self) -> String {
        let terms: Vec<String> = self.terms.iter().map(|t| t.to_string()).collect();
        terms.join(":")
    }

    /// What the value means, in words for a reader: "约数", "多于100条", "约多于20次",
    /// "约200至900名之间", "多于10万元", "不少于1200万人", "不超过3%", "少于5000人", "接近1亿人",
    /// "10万至500万元之间", "比例11.8:48.3:39.9"; "" for an exact value. `unit` is the base unit.
    pub fn reading(&self, unit: &str) -> String {
        let about = if self.approximate { "约" } else { "" };
        match (self.precision, self.min, self.max) {
            (Precision::Exact, _, _) => String::new(),
            (Precision::Approximate, _, _) => "约数".to_string(),
            (Precision::LowerBound, Some(min), _) => {
                format!("{about}多于{}", chinese(min, unit))
            }
            (Precision::AtLeast, Some(min), _) => format!("{about}不少于{}", chinese(min, unit)),
            (Precision::AtMost, _, Some(max)) => format!("{about}不超过{}", chinese(max, unit)),
            (Precision::UpperBound, _, Some(max)) if self.approximate => {
                format!("接近{}", chinese(max, unit))
            }
            (Precision::UpperBound, _, Some(max)) => format!("少于{}", chinese(max, unit)),
            (Precision::Range, Some(min), Some(max)) => {
                format!("约{}至{}之间", chinese(min, ""), chinese(max, unit))
            }
            (Precision::Between, Some(min), Some(max)) => {
                format!("{about}{}至{}之间", chinese(min, ""), chinese(max, unit))
            }
            (Precision::Ratio, _, _) => format!("比例{}", self.ratio()),
            _ => String::new(),
        }
    }
}

/// An amount written the Chinese way, exactly: "1687万元" for 16870000 元, "15.3万元",
/// "3亿元", "700人次"; 万 from ten thousand, 亿 from a hundred million.
pub fn chinese(amount: Amount, unit: &str) -> String {
    let v = amount.as_f64();
    let (shown, magnitude) = if v >= 1e8 {
        (Amount::new(amount.mantissa, amount.scale + 8), "亿")
    } else if v >= 1e4 {
        (Amount::new(amount.mantissa, amount.scale + 4), "万")
    } else {
        (amount, "")
    };
    format!("{shown}{magnitude}{unit}")
}

/// What kind of statement a figure is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Something done or measured: "完成财税收入1687万元".
    Result,
    /// Something expected, not yet done: "预计投资金额3亿元".
    Estimate,
    /// Something aimed for: "力争完成…".
    Target,
}

impl Kind {
    /// The name of the kind in an export: "result", "estimate", "target".
    pub fn key(self) -> &'static str {
        match self {
            Kind::Result => "result",
            Kind::Estimate => "estimate",
            Kind::Target => "target",
        }
    }

    /// The same in Chinese for readers: 实绩, 预计, 目标.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Result => "实绩",
            Kind::Estimate => "预计",
            Kind::Target => "目标",
        }
    }
}

/// Words of a target (预期目标 holds 目标).
const TARGET_WORDS: [&str; 6] = ["目标", "力争", "争取", "确保", "计划", "拟"];
const ESTIMATE_WORDS: [&str; 3] = ["预计", "预期", "有望"];

/// Words of something done or measured, in a clause: with one of these, a 左右 / 以上 figure
/// is a result ("贡献率保持在30%左右", "比重达到10%左右", "从2.1%提高到2.5%以上").
const RESULT_WORDS: &[&str] = &[
    "完成",
    "实现",
    "达到",
    "达",
    "已",
    "累计",
    "共计",
    "总计",
    "合计",
    "超额",
    "保持",
    "稳定在",
    "增至",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "上升到",
    "上升至",
    "增加到",
    "增加至",
    "降至",
    "降到",
    "下降到",
    "缩小至",
    "连续",
    "连年",
    "首次",
];

/// Words of a past period, in a sentence: "过去五年…增长40%以上", "十年来…稳定在2%左右".
const PAST_WORDS: &[&str] = &["过去", "去年", "上年", "年来", "以来"];

/// Where the clause holding byte `at` of `text` starts: after the last `，；。！？：` or paragraph
/// break before it.
pub(crate) fn clause_start(text: &str, at: usize) -> usize {
    let head = text.get(..at).unwrap_or("");
    head.char_indices()
        .rfind(|(_, c)| "，,；;。！？!?：:\n".contains(*c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Where the sentence holding byte `at` of `text` starts: after the last `。！？；` or paragraph
/// break before it.
pub(crate) fn sentence_start(text: &str, at: usize) -> usize {
    let head = text.get(..at).unwrap_or("");
    head.char_indices()
        .rfind(|(_, c)| "。！？!?；;\n".contains(*c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Where the clause holding byte `at` of `text` ends: at the first `，；。！？：` or paragraph
/// break from it.
pub(crate) fn clause_end(text: &str, at: usize) -> usize {
    let tail = text.get(at..).unwrap_or("");
    tail.char_indices()
        .find(|(_, c)| "，,；;。！？!?：:\n".contains(*c))
        .map_or(text.len(), |(i, _)| at + i)
}

/// Where the sentence holding byte `at` of `text` ends: at the first `。！？；` or paragraph
/// break from it.
pub(crate) fn sentence_end(text: &str, at: usize) -> usize {
    let tail = text.get(at..).unwrap_or("");
    tail.char_indices()
        .find(|(_, c)| "。！？!?；;\n".contains(*c))
        .map_or(text.len(), |(i, _)| at + i)
}

/// Whether byte `at` of `text` is in a list led by a target: after a "：" whose lead, in the
/// same sentence (up to 。！？), names a target ("今年发展的主要预期目标是：国内生产总值增长5%左右；
/// 城镇新增就业1200万人以上；…").
fn in_target_list(text: &str, at: usize) -> bool {
    let head = text.get(..at).unwrap_or("");
    let from = head
        .char_indices()
        .rfind(|(_, c)| "。！？!?".contains(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let part = head.get(from..).unwrap_or("");
    part.rfind(['：', ':'])
        .and_then(|colon| part.get(..colon))
        .is_some_and(|lead| TARGET_WORDS.iter().any(|w| lead.contains(w)))
}

/// The kind of `figure`, found in `text`:
///
/// 1. a target when its clause before it has a target word (目标 力争 争取 确保 计划 拟);
/// 2. else an estimate when it has an estimate word (预计 预期 有望);
/// 3. else a target when it is in a list led by a target ("主要预期目标是：…；…");
/// 4. else an estimate when its sentence says 预计, 初步统计 or 初步核算 before it and its
///    clause no word of a result ("预计地区生产总值增长5.2%左右，规模以上工业增加值增长7%以上";
///    "初步统计，2024年全省地区生产总值57761亿元");
/// 5. else a target when it is "about" or "at least" (左右, 以上, 不低于, 不少于, 至少) and
///    its clause (before and after it) has no word of a result (完成 实现 达到 已 累计 保持 稳定在 提高到 …) and its
///    sentence no word of a past period (过去 去年 上年 年来 以来): reports state their targets
///    that way ("城镇新增就业1200万人以上", "能耗降低3%左右") and their results as exact
///    figures or with such a word ("贡献率保持在30%左右");
/// 6. else a result.
///
/// Rule 5 only sees words: a result written as a bare bound ("核准投资项目压减90%以上" in a
/// review of past years, with the period sentences away) is read as a target.
pub fn kind_of(text: &str, figure: &Figure) -> Kind {
    let start = figure.start;
    let clause = text.get(clause_start(text, start)..start).unwrap_or("");
    let has = |words: &[&str], within: &str| words.iter().any(|w| within.contains(w));
    if has(&TARGET_WORDS, clause) {
        return Kind::Target;
    }
    if has(&ESTIMATE_WORDS, clause) {
        return Kind::Estimate;
    }
    if in_target_list(text, start) {
        return Kind::Target;
    }
    // 预计 (or 初步统计, 初步核算: the year's first count) opens a sentence that lists the
    // year's figures: "预计地区生产总值增长5.2%左右，规模以上工业增加值增长7%以上…" — a later
    // figure of that sentence is an estimate too, unless its own clause says it is done
    // ("已完成投资1亿元").
    let sentence = text.get(sentence_start(text, start)..start).unwrap_or("");
    let whole_clause = text
        .get(clause_start(text, start)..clause_end(text, figure.end))
        .unwrap_or(clause);
    if has(&["预计", "初步统计", "初步核算"], sentence) && !has(RESULT_WORDS, whole_clause)
    {
        return Kind::Estimate;
    }
    if matches!(figure.qualifier, Qualifier::Around | Qualifier::AtLeast) {
        // The whole clause: "90%以上的事项实现网上可办" is a result.
        if !has(RESULT_WORDS, whole_clause) && !has(PAST_WORDS, sentence) {
            return Kind::Target;
        }
    }
    Kind::Result
}

/// The kind of the figure starting at byte `start` of `text` (see [`kind_of`]): the figure is
/// read again from `start` to the end of its sentence.
pub fn kind_in(text: &str, start: usize) -> Kind {
    let rest = text.get(start..sentence_end(text, start)).unwrap_or("");
    let mut figure = recognise(rest)
        .into_iter()
        .next()
        .filter(|f| f.start == 0)
        .unwrap_or_else(|| Figure {
            start: 0,
            end: 0,
            value: Amount::new(0, 0),
            high: None,
            terms: Vec::new(),
            unit: String::new(),
            written_unit: String::new(),
            currency: None,
            qualifier: Qualifier::Exact,
            change: None,
            period: None,
            changed_by: None,
        });
    figure.end += start;
    figure.start = start;
    kind_of(text, &figure)
}

/// Words that state a period, longest first.
const PERIOD_WORDS: [&str; 14] = [
    "截至目前为止",
    "截至目前",
    "今年以来",
    "前三季度",
    "今年来",
    "上半年",
    "下半年",
    "一季度",
    "本年度",
    "今年",
    "全年",
    "年内",
    "目前",
    "去年",
];

/// The first characters of [`PERIOD_WORDS`].
const PERIOD_FIRST_CHARS: &str = "截今前上下一本全年目去";

/// Every period written in `text`, as (byte start, byte end): the words above, a year
/// ("2024年", with 以来 / 来 / 全年 / 上半年 after it), a month range ("1-8月", "1—8月份").
fn periods(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let at = |i: usize, w: &str| text.get(byte(i)..).is_some_and(|t| t.starts_with(w));
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        // Most characters start no period word: check the first character before the words.
        let c = chars[i].1;
        let may_start = PERIOD_FIRST_CHARS.contains(c);
        if let Some(w) = PERIOD_WORDS.iter().filter(|_| may_start).find(|w| at(i, w)) {
            out.push((byte(i), byte(i) + w.len()));
            i += w.chars().count();
            continue;
        }
        let digits = chars[i..]
            .iter()
            .take_while(|(_, c)| c.is_ascii_digit())
            .count();
        let after_alnum = i > 0 && chars[i - 1].1.is_ascii_alphanumeric();
        if digits == 0 || after_alnum {
            i += 1;
            continue;
        }
        let mut j = i + digits;
        if digits == 4 && at(j, "年") {
            j += 1;
            if let Some(w) = ["以来", "来", "全年", "上半年", "下半年"]
                .iter()
                .find(|w| at(j, w))
            {
                j += w.chars().count();
            }
            out.push((byte(i), byte(j)));
        } else if digits <= 2 {
            // A month range: 1-8月, 1月至8月, 1—8月份.
            let mut k = j;
            if at(k, "月") {
                k += 1;
            }
            let sep = ["-", "—", "–", "－", "~", "～", "至", "到"]
                .iter()
                .find(|s| at(k, s));
            if let Some(sep) = sep {
                k += sep.chars().count();
                let d2 = chars[k.min(chars.len())..]
                    .iter()
                    .take_while(|(_, c)| c.is_ascii_digit())
                    .count();
                if (1..=2).contains(&d2) && at(k + d2, "月") {
                    let mut end = k + d2 + 1;
                    if at(end, "份") {
                        end += 1;
                    }
                    out.push((byte(i), byte(end)));
                    j = end;
                }
            }
        }
        i = j;
    }
    out
}

/// The period of the figure starting at byte `start` of `text`: the nearest period written
/// before it in its sentence.
pub fn period_in(text: &str, start: usize) -> Option<String> {
    let from = sentence_start(text, start);
    let sentence = text.get(from..start)?;
    periods(sentence)
        .last()
        .and_then(|&(s, e)| sentence.get(s..e))
        .map(String::from)
}

/// The period a heading opens with ("今年来，我们…" → "今年来"), if any.
pub fn period_of_heading(heading: &str) -> Option<String> {
    // Only a period that opens the heading covers the section.
    let first = periods(heading).into_iter().next().filter(|p| p.0 == 0)?;
    heading.get(first.0..first.1).map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::recognise;

    fn meaning(text: &str) -> Meaning {
        recognise(text)[0].meaning()
    }

    #[test]
    fn an_exact_figure_is_a_plain_value() {
        let m = meaning("完成1687万元");
        assert_eq!(m.precision, Precision::Exact);
        assert_eq!(m.machine(), "16870000");
        assert_eq!(m.reading("万元"), "");
    }

    #[test]
    fn about_is_approximate() {
        let m = meaning("投资约2000万元");
        assert_eq!(m.precision, Precision::Approximate);
        assert_eq!(m.machine(), "~20000000");
        assert_eq!(m.reading("万元"), "约数");
    }

    #[test]
    fn more_than_and_passed_are_lower_bounds_not_values() {
        for text in ["收到投稿百余条", "走访30余次", "突破3万人次", "30多次"] {
            let m = meaning(text);
            assert_eq!(m.precision, Precision::LowerBound, "{text}");
            assert_eq!(m.value, None, "{text}: a bound is never a plain number");
        }
        assert_eq!(meaning("收到投稿百余条").machine(), ">100");
        assert_eq!(meaning("收到投稿百余条").reading("条"), "多于100条");
        assert_eq!(meaning("10余万元").reading("元"), "多于10万元");
        let about = meaning("约20余次");
        assert!(about.approximate);
        assert_eq!(about.machine(), "~>20");
        assert_eq!(about.reading("次"), "约多于20次");
    }

    #[test]
    fn several_hundred_is_a_range_of_two_to_nine_hundred() {
        let m = meaning("吸引了数百名游客");
        assert_eq!(m.precision, Precision::Range);
        assert_eq!(m.value, None);
        assert_eq!(m.machine(), "200-900");
        assert_eq!(m.reading("名"), "约200至900名之间");
        assert_eq!(meaning("数十万元").machine(), "200000-900000");
        assert_eq!(meaning("数十万元").reading("元"), "约20万至90万元之间");
    }

    #[test]
    fn bounds_ranges_and_ratios_are_never_plain_numbers() {
        // (text, precision, machine, reading with the base unit)
        let table: &[(&str, Precision, &str, &str)] = &[
            ("增长6%左右", Precision::Approximate, "~6", "约数"),
            (
                "新增3.5万人以上",
                Precision::AtLeast,
                ">=35000",
                "不少于3.5万人",
            ),
            ("不低于2.8%", Precision::AtLeast, ">=2.8", "不少于2.8%"),
            ("至少6所", Precision::AtLeast, ">=6", "不少于6所"),
            ("控制在2.9%以内", Precision::AtMost, "<=2.9", "不超过2.9%"),
            (
                "不超过50万元",
                Precision::AtMost,
                "<=500000",
                "不超过50万元",
            ),
            ("不足500人", Precision::UpperBound, "<500", "少于500人"),
            ("惠及近2万户", Precision::UpperBound, "~<20000", "接近2万户"),
            ("超过120家", Precision::LowerBound, ">120", "多于120家"),
            (
                "奖励10至500万元",
                Precision::Between,
                "100000-5000000",
                "10万至500万元之间",
            ),
            (
                "结构为8.6:41.2:50.2",
                Precision::Ratio,
                "8.6:41.2:50.2",
                "比例8.6:41.2:50.2",
            ),
        ];
        for (text, precision, machine, reading) in table {
            let figures = recognise(text);
            assert_eq!(figures.len(), 1, "{text}");
            let m = figures[0].meaning();
            assert_eq!(m.precision, *precision, "{text}");
            assert_eq!(m.machine(), *machine, "{text}");
            assert_eq!(m.reading(&figures[0].unit), *reading, "{text}");
            if !matches!(precision, Precision::Approximate) {
                assert_eq!(m.value, None, "{text}: never a plain number");
            }
        }
        let ratio = meaning("结构为8.6:41.2:50.2");
        assert_eq!((ratio.min, ratio.max), (None, None));
        assert_eq!(ratio.terms.len(), 3);
        let range = meaning("奖励10至500万元");
        assert_eq!(range.min, Some(Amount::new(100_000, 0)));
        assert_eq!(range.max, Some(Amount::new(5_000_000, 0)));
    }

    #[test]
    fn every_precision_has_an_english_and_a_chinese_name() {
        let all = [
            Precision::Exact,
            Precision::Approximate,
            Precision::LowerBound,
            Precision::Range,
            Precision::AtLeast,
            Precision::AtMost,
            Precision::UpperBound,
            Precision::Between,
            Precision::Ratio,
        ];
        let keys: Vec<&str> = all.iter().map(|p| p.key()).collect();
        let names: Vec<&str> = all.iter().map(|p| p.name()).collect();
        for list in [&keys, &names] {
            let mut unique = list.to_vec();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), all.len(), "{list:?}");
        }
    }

    fn kinds(text: &str) -> Vec<Kind> {
        recognise(text)
            .iter()
            .map(|f| {
                assert_eq!(kind_in(text, f.start), kind_of(text, f), "{text}");
                kind_of(text, f)
            })
            .collect()
    }

    #[test]
    fn a_list_led_by_a_target_is_targets() {
        let text = "今年主要预期目标是：全市生产总值增长6%；新增就业3万人；粮食产量稳定。";
        assert_eq!(kinds(text), [Kind::Target, Kind::Target]);
        // The lead covers its sentence only.
        let text = "预期目标是：增长6%。全年完成投资3亿元。";
        assert_eq!(kinds(text), [Kind::Target, Kind::Result]);
    }

    #[test]
    fn about_and_at_least_figures_without_a_word_of_a_result_are_targets() {
        let text = "地区生产总值增长6%左右，新增就业3.5万人以上，研发投入强度不低于2.8%。";
        assert_eq!(kinds(text), [Kind::Target; 3]);
        // A word of a result in the clause, before or after the figure, or of a past period
        // in the sentence, makes them results.
        let text = "覆盖率保持在95%左右，90%以上的事项实现网上办理，过去三年增长20%以上。";
        assert_eq!(kinds(text), [Kind::Result; 3]);
        // Exact figures and other bounds stay results.
        let text = "新建道路12公里，惠及近2万户，单户不超过50万元。";
        assert_eq!(kinds(text), [Kind::Result; 3]);
    }

    #[test]
    fn amounts_are_written_the_chinese_way_exactly() {
        assert_eq!(chinese(Amount::new(16_870_000, 0), "元"), "1687万元");
        assert_eq!(chinese(Amount::new(153_000, 0), "元"), "15.3万元");
        assert_eq!(chinese(Amount::new(300_000_000, 0), "元"), "3亿元");
        assert_eq!(chinese(Amount::new(700, 0), "人次"), "700人次");
        assert_eq!(chinese(Amount::new(145, 1), "%"), "14.5%");
    }

    #[test]
    fn kinds_come_from_the_words_of_the_clause() {
        let text = "达成初步投资合作意向，预计投资金额3亿元，已完成投资1亿元，力争完成2亿元";
        let kinds: Vec<Kind> = recognise(text)
            .iter()
            .map(|f| kind_in(text, f.start))
            .collect();
        assert_eq!(kinds, [Kind::Estimate, Kind::Result, Kind::Target]);
    }

    #[test]
    fn the_nearest_period_before_a_figure_in_its_sentence_is_its_period() {
        let text = "1-8月全镇完成财税收入1687万元。今年以来共走访30余次，截至目前共排查21户。收到投稿百余条。";
        let periods: Vec<Option<String>> = recognise(text)
            .iter()
            .map(|f| period_in(text, f.start))
            .collect();
        assert_eq!(
            periods,
            [
                Some("1-8月".to_string()),
                Some("今年以来".to_string()),
                Some("截至目前".to_string()),
                None
            ]
        );
        assert_eq!(
            period_in("2024年全年完成5家", "2024年全年完成".len()).as_deref(),
            Some("2024年全年")
        );
        assert_eq!(
            period_in("G320国道3公里", "G320国道".len()),
            None,
            "not a year"
        );
    }

    #[test]
    fn the_first_characters_of_the_period_words_are_listed() {
        for w in PERIOD_WORDS {
            assert!(
                PERIOD_FIRST_CHARS.contains(w.chars().next().unwrap()),
                "{w}"
            );
        }
    }

    #[test]
    fn a_heading_that_opens_with_a_period_covers_its_section() {
        assert_eq!(
            period_of_heading("今年来，我们坚持拼经济抓发展").as_deref(),
            Some("今年来")
        );
        assert_eq!(period_of_heading("把好经济“方向盘”。"), None);
        assert_eq!(period_of_heading("坚持今年以来的做法"), None);
    }
}
