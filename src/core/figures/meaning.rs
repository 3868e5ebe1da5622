//! What a figure means beyond its digits, so that no export turns a vague quantity into a
//! plain number:
//!
//! - its **precision** ([`Meaning`]): exact, approximate (约), a lower bound (余 / 多 / 突破:
//!   "百余条" is more than 100) or a range (数 / 几 before a magnitude: "数百名" is read as 200
//!   to 900, the usual sense of 二三百到八九百);
//! - its **kind** ([`Kind`]): a result, an estimate (预计 / 预期 / 有望 in its clause) or a
//!   target (目标 / 力争 / 争取 / 确保 / 计划 / 拟 in its clause);
//! - its **period** ([`period_in`]): the nearest period words before it in its sentence
//!   ("1-8月", "今年以来", "截至目前", "2024年"), else those that open its section's heading
//!   ("今年来，我们…").

use super::{Amount, Figure, Qualifier};

/// How exact a figure's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// As written: "1687万元".
    Exact,
    /// 约: "约2000万元"; the value is approximate.
    Approximate,
    /// More than the value: "百余条", "30余次", "突破3万人次"; only `min` is known.
    LowerBound,
    /// Somewhere between `min` and `max`: "数百名".
    Range,
}

impl Precision {
    /// The name of the precision in an export ("exact", "approximate", "lower_bound", "range").
    pub fn key(self) -> &'static str {
        match self {
            Precision::Exact => "exact",
            Precision::Approximate => "approximate",
            Precision::LowerBound => "lower_bound",
            Precision::Range => "range",
        }
    }

    /// The same in Chinese, for the CSV and the cards: 精确, 约数, 下限, 范围.
    pub fn name(self) -> &'static str {
        match self {
            Precision::Exact => "精确",
            Precision::Approximate => "约数",
            Precision::LowerBound => "下限",
            Precision::Range => "范围",
        }
    }
}

/// A figure's value as what it means: a point (exact or approximate), a lower bound or a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meaning {
    pub precision: Precision,
    /// The value, only when it is a point (exact or approximate).
    pub value: Option<Amount>,
    /// The least value (a bound or the low end of a range); for a lower bound the value itself
    /// is excluded ("多于100").
    pub min: Option<Amount>,
    pub max: Option<Amount>,
    /// The bound or range is itself approximate ("约20余次").
    pub approximate: bool,
}

impl Figure {
    /// What this figure's value means (see the module documentation).
    pub fn meaning(&self) -> Meaning {
        let point = |precision| Meaning {
            precision,
            value: Some(self.value),
            min: None,
            max: None,
            approximate: precision == Precision::Approximate,
        };
        let bound = |approximate| Meaning {
            precision: Precision::LowerBound,
            value: None,
            min: Some(self.value),
            max: None,
            approximate,
        };
        match self.qualifier {
            Qualifier::Exact => point(Precision::Exact),
            Qualifier::About => point(Precision::Approximate),
            Qualifier::MoreThan | Qualifier::Passed => bound(false),
            Qualifier::AboutMoreThan => bound(true),
            // 数百 is stored as 100: two to nine hundreds.
            Qualifier::Several => Meaning {
                precision: Precision::Range,
                value: None,
                min: times(self.value, 2),
                max: times(self.value, 9),
                approximate: true,
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
    /// The value for a machine: "16870000", "~20000000", ">100", "~>20", "200-900".
    pub fn machine(&self) -> String {
        let approx = if self.approximate { "~" } else { "" };
        match (self.precision, self.value, self.min, self.max) {
            (Precision::Range, _, Some(min), Some(max)) => format!("{min}-{max}"),
            (Precision::LowerBound, _, Some(min), _) => format!("{approx}>{min}"),
            (_, Some(value), _, _) => format!("{approx}{value}"),
            _ => String::new(),
        }
    }

    /// What the value means, in words for a reader: "约数", "多于100条", "约多于20次",
    /// "约200至900名之间", "多于10万元"; "" for an exact value. `unit` is the base unit.
    pub fn reading(&self, unit: &str) -> String {
        match (self.precision, self.min, self.max) {
            (Precision::Exact, _, _) => String::new(),
            (Precision::Approximate, _, _) => "约数".to_string(),
            (Precision::LowerBound, Some(min), _) => {
                let about = if self.approximate { "约" } else { "" };
                format!("{about}多于{}", chinese(min, unit))
            }
            (Precision::Range, Some(min), Some(max)) => {
                format!("约{}至{}之间", chinese(min, ""), chinese(max, unit))
            }
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

const TARGET_WORDS: [&str; 6] = ["目标", "力争", "争取", "确保", "计划", "拟"];
const ESTIMATE_WORDS: [&str; 3] = ["预计", "预期", "有望"];

/// Where the clause holding byte `at` of `text` starts: after the last `，；。！？：` before it.
fn clause_start(text: &str, at: usize) -> usize {
    let head = text.get(..at).unwrap_or("");
    head.char_indices()
        .rfind(|(_, c)| "，,；;。！？!?：:".contains(*c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Where the sentence holding byte `at` of `text` starts: after the last `。！？；` before it.
fn sentence_start(text: &str, at: usize) -> usize {
    let head = text.get(..at).unwrap_or("");
    head.char_indices()
        .rfind(|(_, c)| "。！？!?；;".contains(*c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// The kind of the figure starting at byte `start` of `text`, from the words of its clause
/// before it.
pub fn kind_in(text: &str, start: usize) -> Kind {
    let clause = text.get(clause_start(text, start)..start).unwrap_or("");
    if TARGET_WORDS.iter().any(|w| clause.contains(w)) {
        Kind::Target
    } else if ESTIMATE_WORDS.iter().any(|w| clause.contains(w)) {
        Kind::Estimate
    } else {
        Kind::Result
    }
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
        let may_start = PERIOD_WORDS.iter().any(|w| w.starts_with(c));
        if let Some(w) = PERIOD_WORDS
            .iter()
            .filter(|_| may_start)
            .find(|w| at(i, w))
        {
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
    use crate::core::figures::recognise;

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
    fn a_heading_that_opens_with_a_period_covers_its_section() {
        assert_eq!(
            period_of_heading("今年来，我们坚持拼经济抓发展").as_deref(),
            Some("今年来")
        );
        assert_eq!(period_of_heading("把好经济“方向盘”。"), None);
        assert_eq!(period_of_heading("坚持今年以来的做法"), None);
    }
}
