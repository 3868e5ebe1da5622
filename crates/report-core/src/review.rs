//! Promised and delivered: one year's targets (主要预期目标) read against what the next year's
//! report of the same place says they came to. For deputies checking last year's promises, and
//! for the library's across-years view.
//!
//! The rules, stated once here and shown beside the table:
//!
//! - **Pairs**: each target of the earlier report (`Targets::find`) against the first result or
//!   estimate the later report gives of the same indicator in the same base unit, by the rule
//!   of last year's results (`Targets::reported`: in its review, before its own targets).
//! - **Comparable** only when both state a change (增长5% against 增长5.3%) or both a level
//!   (5.5%以内 against 5.1%) — for an indicator that is itself a rate of change (涨幅, 增速,
//!   增幅, 增长率) "3%左右" and "上涨0.4%" are alike —, and the result is one value or a bound;
//!   else 无法比较.
//! - **Which way is better**: a target is a ceiling when it is stated with 以内 / 不超过 (at
//!   most), when its indicator is one to stay under (the indicator table's `上限`: 城镇调查失业率,
//!   居民消费价格涨幅), or when it is a fall (下降2.5%): then the result must not be above it;
//!   otherwise it is a floor and the result must not be below it. A range is met from its lower
//!   end (a floor) or up to its upper end (a ceiling); 约 / 左右 count as the value written.
//! - **Status**: 达到 or 未达到 by that comparison, with the difference in the unit (个百分点 for
//!   percentages); 未找到对应的数 when the later report gives no figure for it that this rule
//!   finds — the report may still say it in words, so this is never "not done"; an estimate
//!   (预计) makes the status provisional and says so.

use std::cmp::Ordering;

use crate::cards::FigureIndex;
use crate::figures::meaning::Kind;
use crate::figures::Amount;
use crate::indicators::Indicators;
use crate::model::Report;
use crate::targets::{Bound, Stated, Targets};

/// What the later report says of one target.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub target: Stated,
    /// The figure the later report gives, if any.
    pub result: Option<Stated>,
    pub status: Status,
    /// The result less the target's bound, in words ("高0.3个百分点", "多2万人"); None when
    /// they cannot be compared.
    pub difference: Option<String>,
}

/// How a target fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Met,
    NotMet,
    /// The later report gives no figure this rule finds.
    NotFound,
    /// Both are there but say different things (a change against a level, a range as result).
    NotComparable,
}

impl Status {
    /// Its key in files (`met`, `not_met`, `not_found`, `not_comparable`).
    pub fn key(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not_met",
            Status::NotFound => "not_found",
            Status::NotComparable => "not_comparable",
        }
    }

    /// In words, as the table shows it.
    pub fn name(self) -> &'static str {
        match self {
            Status::Met => "达到",
            Status::NotMet => "未达到",
            Status::NotFound => "未找到对应的数",
            Status::NotComparable => "无法比较",
        }
    }
}

impl Pair {
    /// The status in words, "（预计）" added when the result is an estimate.
    pub fn status_words(&self) -> String {
        let estimate = self
            .result
            .as_ref()
            .is_some_and(|r| r.kind == Kind::Estimate);
        match self.status {
            Status::Met | Status::NotMet if estimate => format!("{}（预计）", self.status.name()),
            status => status.name().to_string(),
        }
    }
}

/// The earlier report's targets, each with what the later report says of it.
pub fn review(earlier: (&Report, &FigureIndex), later: (&Report, &FigureIndex)) -> Vec<Pair> {
    let found = Targets::find(earlier.0, earlier.1);
    found
        .targets
        .iter()
        .map(|t| {
            let target = t.stated.clone();
            let unit = earlier.1.of(&target.unit_id)[target.index].unit.clone();
            let result = Targets::reported(later.0, later.1, &target.indicator, &unit, target.year);
            let (status, difference) = match &result {
                None => (Status::NotFound, None),
                Some(result) => compare(&target, result, &unit),
            };
            Pair {
                target,
                result,
                status,
                difference,
            }
        })
        .collect()
}

/// Whether a verb of change says a fall.
fn falls(verb: &str) -> bool {
    ["降", "减", "少", "跌", "落"]
        .iter()
        .any(|w| verb.contains(w))
}

/// An amount with a sign, as an integer at a common scale.
#[derive(Debug, Clone, Copy)]
struct Signed {
    value: i128,
    scale: u32,
}

fn signed(amount: Amount, negative: bool) -> Signed {
    let value = i128::from(amount.mantissa);
    Signed {
        value: if negative { -value } else { value },
        scale: amount.scale,
    }
}

/// `a − b`, at the larger scale of the two.
fn minus(a: Signed, b: Signed) -> Signed {
    let scale = a.scale.max(b.scale);
    let at = |s: Signed| s.value * 10i128.pow(scale - s.scale);
    Signed {
        value: at(a) - at(b),
        scale,
    }
}

/// The status and the difference of `result` against `target` (base unit `unit`), by the rules
/// of the module documentation.
fn compare(target: &Stated, result: &Stated, unit: &str) -> (Status, Option<String>) {
    let not = (Status::NotComparable, None);
    // An indicator that is itself a rate of change (居民消费价格涨幅) reads the same as a level
    // ("3%左右") or a change ("上涨0.4%").
    let rate = ["涨幅", "增幅", "增速", "增长率"]
        .iter()
        .any(|w| target.indicator.ends_with(w));
    if !rate && target.change.is_empty() != result.change.is_empty() {
        return not;
    }
    let result_value = match result.bound {
        Bound::Range => return not,
        Bound::AtMost => result.max,
        _ => result.min.or(result.max),
    };
    let Some(result_value) = result_value else {
        return not;
    };
    let target_falls = falls(&target.change);
    let ceiling = target.bound == Bound::AtMost
        || target_falls
        || Indicators::builtin()
            .get(&target.indicator)
            .is_some_and(|i| i.ceiling);
    // A fall's bound is its size: "下降2.5%以上" at least 2.5 down, a ceiling of −2.5.
    let bound = match (ceiling, target_falls) {
        (true, false) => target.max.or(target.min),
        (true, true) | (false, _) => target.min.or(target.max),
    };
    let Some(bound) = bound else {
        return not;
    };
    let r = signed(result_value, falls(&result.change));
    let t = signed(bound, target_falls);
    let difference = minus(r, t);
    let met = match difference.value.cmp(&0) {
        Ordering::Equal => true,
        Ordering::Greater => !ceiling,
        Ordering::Less => ceiling,
    };
    let status = if met { Status::Met } else { Status::NotMet };
    (status, Some(difference_words(difference, unit)))
}

/// "高0.3个百分点", "低1.5个百分点", "持平", "多2万人", "少5亿斤".
fn difference_words(d: Signed, unit: &str) -> String {
    if d.value == 0 {
        return "持平".into();
    }
    let magnitude = Amount::new(d.value.unsigned_abs() as u64, d.scale);
    let (more, less, unit_words) = if unit == "%" {
        ("高", "低", "个百分点".to_string())
    } else {
        ("多", "少", unit.to_string())
    };
    let word = if d.value > 0 { more } else { less };
    let value = magnitude.as_f64();
    let (scaled, magnitude_word) = if unit != "%" && value >= 1e8 {
        (value / 1e8, "亿")
    } else if unit != "%" && value >= 1e4 {
        (value / 1e4, "万")
    } else {
        (value, "")
    };
    let number = format!("{scaled:.2}");
    let number = number.trim_end_matches('0').trim_end_matches('.');
    format!("{word}{number}{magnitude_word}{unit_words}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::terms::Terms;
    use crate::Content;

    fn content(text: &str) -> Content {
        Content::from_text(text, None, Terms::default()).unwrap().0
    }

    const EARLIER: &str = "2030年某省政府工作报告\n各位代表：\n一、2029年工作回顾\n过去一年，地区生产总值增长5.8%。\n二、2030年工作安排\n主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业60万人以上，城镇调查失业率控制在5.5%以内，居民消费价格涨幅3%左右，单位地区生产总值能耗下降2.5%左右，粮食产量720亿斤以上。\n";

    #[test]
    fn each_target_is_read_against_the_next_report_by_the_stated_rule() {
        let earlier = content(EARLIER);
        let later = content("2031年某省政府工作报告\n各位代表：\n一、2030年工作回顾\n预计地区生产总值增长5.3%左右，城镇新增就业62万人。城镇调查失业率平均为5.1%，居民消费价格上涨0.4%。粮食产量715亿斤。\n二、2031年工作安排\n主要预期目标是：地区生产总值增长5%左右。\n");
        let pairs = review(
            (&earlier.report, &earlier.figures),
            (&later.report, &later.figures),
        );
        let got: Vec<(String, String, Option<String>)> = pairs
            .iter()
            .map(|p| {
                (
                    p.target.indicator.clone(),
                    p.status_words(),
                    p.difference.clone(),
                )
            })
            .collect();
        let row =
            |i: &str, s: &str, d: Option<&str>| (i.to_string(), s.to_string(), d.map(String::from));
        assert_eq!(
            got,
            [
                row("地区生产总值", "未达到（预计）", Some("低0.2个百分点")),
                row("城镇新增就业", "达到（预计）", Some("多2万人")),
                row("城镇调查失业率", "达到", Some("低0.4个百分点")),
                row("居民消费价格涨幅", "达到", Some("低2.6个百分点")),
                row("单位地区生产总值能耗", "未找到对应的数", None),
                row("粮食产量", "未达到", Some("少5亿斤")),
            ]
        );
    }

    #[test]
    fn a_fall_a_range_and_a_change_against_a_level() {
        let earlier = content("2030年某市政府工作报告\n各位代表：\n一、2030年工作安排\n主要预期目标是：地区生产总值增长5.5%—6%，单位地区生产总值能耗下降2.5%左右，城镇调查失业率5.5%左右。\n");
        let later = content("2031年某市政府工作报告\n各位代表：\n一、2030年工作回顾\n地区生产总值增长5.6%，单位地区生产总值能耗下降2%。城镇调查失业率下降0.2%。\n二、2031年工作安排\n主要预期目标是：地区生产总值增长6%。\n");
        let pairs = review(
            (&earlier.report, &earlier.figures),
            (&later.report, &later.figures),
        );
        let got: Vec<(&str, Status)> = pairs
            .iter()
            .map(|p| (p.target.indicator.as_str(), p.status))
            .collect();
        assert_eq!(
            got,
            [
                ("地区生产总值", Status::Met),
                ("单位地区生产总值能耗", Status::NotMet),
                ("城镇调查失业率", Status::NotComparable),
            ]
        );
        assert_eq!(pairs[1].difference.as_deref(), Some("高0.5个百分点"));
    }
}
