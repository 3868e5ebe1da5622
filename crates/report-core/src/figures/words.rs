//! Word lists of the recogniser: units and their currencies, words that make a number a date
//! or an ordinal, set phrases, bounds written before and after a number, verbs and bases of
//! change, range and ratio separators; and matching them in a text.
//!
//! The bottom of the figures modules: it uses none of the others (only [`Direction`]); the
//! numerals use its unit list to tell a magnitude from a unit, the recogniser uses both.

use super::Direction;

/// Units a figure can end with. The longest one that matches is taken ("人次" before "人").
/// 万元 and 亿元 are 元 after a magnitude, 万亿斤 is 斤, 亿千瓦 is 千瓦.
pub(super) const UNITS: &[&str] = &[
    "个百分点",
    "百分点",
    "微克/立方米",
    "美元",
    "港元",
    "欧元",
    "日元",
    "兆瓦",
    "批次",
    "场次",
    "辆次",
    "架次",
    "件次",
    "标箱",
    "斤",
    "倍",
    "块",
    "张",
    "部",
    "类",
    "头",
    "艘",
    "笔",
    "例",
    "册",
    "克",
    "平方千米",
    "平方公里",
    "平方米",
    "立方米",
    "千瓦时",
    "千瓦",
    "人次",
    "户次",
    "公里",
    "千米",
    "公顷",
    "公斤",
    "千克",
    "元",
    "米",
    "人",
    "户",
    "名",
    "位",
    "个",
    "处",
    "次",
    "亩",
    "盏",
    "条",
    "家",
    "所",
    "间",
    "项",
    "座",
    "台",
    "辆",
    "吨",
    "件",
    "场",
    "套",
    "栋",
    "株",
    "棵",
    "起",
    "宗",
    "支",
    "篇",
    "%",
    "％",
];

/// Words after a number that make it a date, time, ordinal or duration, never a figure. Where
/// one of these and a unit both match, the longer wins and a tie goes to these: "3个月" is not
/// "3个", but "100日元" is money.
pub(super) const NOT_AFTER: &[&str] = &[
    "个小时",
    "小时",
    "分钟",
    "天",
    "学年",
    "年度",
    "年级",
    "世纪",
    "周年",
    "季度",
    "个月",
    "个季度",
    "个工作日",
    "年",
    "月",
    "日",
    "号",
    "届",
    "期",
    "时",
    "分",
    "秒",
];

/// Set phrases with numerals that state no quantity; skipped whole. Most would not be read as
/// figures anyway (no unit follows), but are listed so that the intent is explicit.
pub(super) const SET_PHRASES: &[&str] = &[
    "二十大",
    "二十届",
    "十三五",
    "十四五",
    "十五五",
    "一把手",
    "三位一体",
    "四位一体",
    "五位一体",
    "六位一体",
    "六小场所",
    "一杆一圈一绳",
    "两不愁三保障",
    "两山",
    "三联三共",
    "首届",
    "第三方",
    "两个确立",
    "两个维护",
    "四个意识",
    "四个自信",
    "四个全面",
    "三个代表",
    "千家万户",
    "最后一米",
    "最后一公里",
    "一次性",
    "八项规定",
    "三次产业",
    "五项原则",
    "两位数",
    "三位数",
];

/// Verbs of change before a percentage (or 百分点, 倍), and their direction.
pub(super) const CHANGE_VERBS: &[(&str, Direction)] = &[
    ("增长", Direction::Up),
    ("提升", Direction::Up),
    ("上升", Direction::Up),
    ("上涨", Direction::Up),
    ("提高", Direction::Up),
    ("增加", Direction::Up),
    ("下降", Direction::Down),
    ("减少", Direction::Down),
    ("降低", Direction::Down),
    ("下跌", Direction::Down),
    ("回落", Direction::Down),
    ("压减", Direction::Down),
];

/// Base units that a change can be stated in.
pub(super) const CHANGE_UNITS: &[&str] = &["%", "百分点", "倍"];

/// Money units with their ISO 4217 currency.
pub(super) const CURRENCIES: &[(&str, &str)] = &[
    ("元", "CNY"),
    ("美元", "USD"),
    ("港元", "HKD"),
    ("欧元", "EUR"),
    ("日元", "JPY"),
];

/// A bound or an approximation written around a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Bound {
    /// 约, 大约 before.
    About,
    /// 左右 after.
    Around,
    /// 突破, 超过, 超, 逾, 多于, 高于 before: more than.
    Passed,
    /// 不低于, 不少于, 至少, 最少 before; 以上, 及以上 after: at least.
    AtLeast,
    /// 不超过, 不高于, 不多于, 至多, 最多 before; 以下, 及以下, 以内 after: at most.
    AtMost,
    /// 不到, 不足, 低于, 少于 before: less than.
    LessThan,
    /// 近, 接近, 将近 before: nearly (just under, approximately).
    Nearly,
}

/// Bounds written right before a number; the longest that ends there is taken ("不超过", not
/// "超过").
pub(super) const PREFIXES: &[(&str, Bound)] = &[
    ("约", Bound::About),
    ("大约", Bound::About),
    ("突破", Bound::Passed),
    ("超过", Bound::Passed),
    ("超", Bound::Passed),
    ("逾", Bound::Passed),
    ("多于", Bound::Passed),
    ("高于", Bound::Passed),
    ("不低于", Bound::AtLeast),
    ("不少于", Bound::AtLeast),
    ("至少", Bound::AtLeast),
    ("最少", Bound::AtLeast),
    ("不超过", Bound::AtMost),
    ("不高于", Bound::AtMost),
    ("不多于", Bound::AtMost),
    ("至多", Bound::AtMost),
    ("最多", Bound::AtMost),
    ("不到", Bound::LessThan),
    ("不足", Bound::LessThan),
    ("低于", Bound::LessThan),
    ("少于", Bound::LessThan),
    ("近", Bound::Nearly),
    ("接近", Bound::Nearly),
    ("将近", Bound::Nearly),
];

/// Words that end in a one-character prefix without being one: "节约3万元" saved 30000 元,
/// exactly; "最近3年".
pub(super) const NOT_PREFIXES: &[&str] = &[
    "节约", "制约", "签约", "履约", "违约", "合约", "特约", "预约", "集约", "简约", "契约", "公约",
    "条约", "相约", "俭约", "最近", "附近", "临近", "邻近", "亲近", "靠近", "赶超", "高超",
];

/// Bounds written right after a figure's unit.
pub(super) const SUFFIXES: &[(&str, Bound)] = &[
    ("以上", Bound::AtLeast),
    ("及以上", Bound::AtLeast),
    ("以下", Bound::AtMost),
    ("及以下", Bound::AtMost),
    ("以内", Bound::AtMost),
    ("左右", Bound::Around),
];

/// Signs before an Arabic number: "-22.2%", "＋5%".
pub(super) const MINUS_SIGNS: &[char] = &['-', '－', '−'];
pub(super) const PLUS_SIGNS: &[char] = &['+', '＋'];

/// Separators between the terms of a ratio: "11.8:48.3:39.9", "1︰2", "1：1".
pub(super) const RATIO_SEPARATORS: &[char] = &[':', '：', '︰', '∶'];

/// "Percent" written as words before the number: 百分之五 is 5%.
pub(super) const PERCENT_WORDS: &str = "百分之";

/// Bases of change written right before the verb.
pub(super) const CHANGE_BASES: &[&str] = &["同比", "环比"];

/// Separators in a month range ("1-8月", "1—8月", "1至8月", "1月至8月") and in a range of
/// figures ("10至500万元", "1万-5万元", "3—5%").
pub(super) const RANGE_SEPARATORS: &[char] = &['-', '—', '–', '－', '~', '～', '〜', '至', '到'];

pub(super) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Whether `word` is written at character index `at` of `chars`.
pub(super) fn word_at(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(i, w)| chars.get(i) == Some(&w))
}

/// The longest word of `words` that ends right before character `at`, with its length.
pub(super) fn longest_before<T: Copy>(
    chars: &[char],
    at: usize,
    words: &[(&str, T)],
) -> Option<(T, usize)> {
    words
        .iter()
        .filter_map(|(w, t)| {
            let len = w.chars().count();
            let from = at.checked_sub(len)?;
            word_at(chars, from, w).then_some((*t, len))
        })
        .max_by_key(|(_, len)| *len)
}

/// The longest word of `words` written at `at`, with its length in characters.
pub(super) fn longest_at<'w>(
    chars: &[char],
    at: usize,
    words: &[&'w str],
) -> Option<(&'w str, usize)> {
    words
        .iter()
        .filter(|w| word_at(chars, at, w))
        .map(|w| (*w, w.chars().count()))
        .max_by_key(|(_, len)| *len)
}
