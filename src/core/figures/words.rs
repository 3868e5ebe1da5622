//! Word lists of the recogniser: units, words that make a number a date or an ordinal, set
//! phrases, verbs and bases of change, range separators; and matching them in a text.

use super::numerals::is_chinese_numeral;
use super::Direction;

/// Units a figure can end with. The longest one that matches is taken ("人次" before "人").
/// 万元 and 亿元 are 元 after a magnitude.
pub(super) const UNITS: &[&str] = &[
    "个百分点",
    "百分点",
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

/// Words after a number that make it a date, time, ordinal or duration, never a figure. Checked
/// before the units, so that "3个月" is not read as "3个".
pub(super) const NOT_AFTER: &[&str] = &[
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
];

/// Verbs of change before a percentage, and their direction.
pub(super) const CHANGE_VERBS: &[(&str, Direction)] = &[
    ("增长", Direction::Up),
    ("提升", Direction::Up),
    ("上升", Direction::Up),
    ("提高", Direction::Up),
    ("增加", Direction::Up),
    ("下降", Direction::Down),
    ("减少", Direction::Down),
    ("降低", Direction::Down),
];

/// Bases of change written right before the verb.
pub(super) const CHANGE_BASES: &[&str] = &["同比", "环比"];

/// Separators in a month range: "1-8月", "1—8月", "1至8月", "1月至8月".
pub(super) const RANGE_SEPARATORS: &[char] = &['-', '—', '–', '－', '~', '～', '至', '到'];

/// Whether a set phrase can start with `c`: a Chinese numeral or one of these.
pub(super) fn may_start_set_phrase(c: char) -> bool {
    is_chinese_numeral(c) || matches!(c, '首' | '第' | '最')
}

pub(super) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Whether `word` is written at character index `at` of `chars`.
pub(super) fn word_at(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(i, w)| chars.get(i) == Some(&w))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_set_phrase_starts_where_the_fast_path_looks() {
        for phrase in SET_PHRASES {
            let first = phrase.chars().next().unwrap_or(' ');
            assert!(may_start_set_phrase(first), "{phrase}");
        }
    }
}
