//! Figure recognition: finds the quantities a report states ("1687万元", "百余条") exactly.
//!
//! Quantities are read the way ripgrep reads human sizes (`crates/cli/src/human.rs`): a number,
//! then a magnitude that maps like K/M/G (万 = 10^4, 亿 = 10^8), with overflow checked and every
//! failure a typed [`FigureError`]. [`recognise`] documents which words around a number make it
//! a figure; [`parse_quantity`] reads one quantity on its own; [`integer_in_words`] and
//! [`number_in_words`] write a number given in digits as the Chinese words it is read with
//! (what [`crate::spoken`] says for a figure).
//!
//! The modules depend one way: `words` (the word lists) ← `numerals` (reading and writing
//! numbers) ← `recognise` (figures in a text) ← `meaning`.

pub mod meaning;
mod numerals;
mod recognise;
mod words;

pub use numerals::{
    digit_by_digit, integer_in_words, number_in_words, parse_quantity, year_in_words, Amount,
    FigureError, MAX_PLACE_DIGITS,
};
pub(crate) use numerals::{read_chinese, unit_at};

/// How a figure qualifies its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// As written: "1687万元".
    Exact,
    /// 约: "约2000万元".
    About,
    /// 余 or 多 after the number: "30余次", "百余条".
    MoreThan,
    /// 约 … 余: "约20余次".
    AboutMoreThan,
    /// More than the value: 突破, 超过, 超, 逾, 多于, 高于 before it: "突破3万人次", "超40所".
    Passed,
    /// 数 (or 几) before a Chinese numeral: "数百名".
    Several,
    /// 左右 after the figure: "5%左右" (approximate, like 约).
    Around,
    /// At least, the value included: 以上 / 及以上 after the figure, 不低于 / 不少于 / 至少 /
    /// 最少 before it: "1200万人以上", "不低于5%".
    AtLeast,
    /// At most, the value included: 以下 / 及以下 / 以内 after the figure, 不超过 / 不高于 /
    /// 不多于 / 至多 / 最多 before it: "3%以内", "不超过120个".
    AtMost,
    /// Less than the value: 不到, 不足, 低于, 少于 before it: "不足5000人".
    LessThan,
    /// Nearly the value (just under it): 近, 接近, 将近 before it: "近1亿人", "接近40%".
    Nearly,
    /// Both ends written: "10至500万元", "1万-5万元", "3—5%". [`Figure::value`] is the low
    /// end, [`Figure::high`] the high end.
    Range,
    /// A ratio: "11.8:48.3:39.9" ([`Figure::terms`]); never a plain number.
    Ratio,
}

impl Qualifier {
    /// Every qualifier, for [`Qualifier::from_key`].
    const ALL: [Qualifier; 13] = [
        Qualifier::Exact,
        Qualifier::About,
        Qualifier::MoreThan,
        Qualifier::AboutMoreThan,
        Qualifier::Passed,
        Qualifier::Several,
        Qualifier::Around,
        Qualifier::AtLeast,
        Qualifier::AtMost,
        Qualifier::LessThan,
        Qualifier::Nearly,
        Qualifier::Range,
        Qualifier::Ratio,
    ];

    /// Its name in the report file: "exact", "about", "more_than", "about_more_than",
    /// "passed", "several", "around", "at_least", "at_most", "less_than", "nearly", "range",
    /// "ratio".
    pub fn key(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::MoreThan => "more_than",
            Qualifier::AboutMoreThan => "about_more_than",
            Qualifier::Passed => "passed",
            Qualifier::Several => "several",
            Qualifier::Around => "around",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::LessThan => "less_than",
            Qualifier::Nearly => "nearly",
            Qualifier::Range => "range",
            Qualifier::Ratio => "ratio",
        }
    }

    /// The qualifier named `key` ([`Qualifier::key`]).
    pub fn from_key(key: &str) -> Option<Qualifier> {
        Qualifier::ALL.into_iter().find(|q| q.key() == key)
    }

    /// Human reading for a tooltip or hidden text, put before the value: "" (exact), "约",
    /// "多于", "约多于", "超过", "数（几）", "约" (左右), "不少于", "不超过", "少于", "接近",
    /// "区间下限" (a range's value is its low end), "比例首项" (a ratio's value is its first
    /// term). [`Figure::meaning`] says the whole of what a figure means.
    pub fn reading(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::About | Qualifier::Around => "约",
            Qualifier::MoreThan => "多于",
            Qualifier::AboutMoreThan => "约多于",
            Qualifier::Passed => "超过",
            Qualifier::Several => "数（几）",
            Qualifier::AtLeast => "不少于",
            Qualifier::AtMost => "不超过",
            Qualifier::LessThan => "少于",
            Qualifier::Nearly => "接近",
            Qualifier::Range => "区间下限",
            Qualifier::Ratio => "比例首项",
        }
    }
}

/// Which way a change goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    /// Its name in the report file: "up" or "down".
    pub fn key(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }

    pub fn from_key(key: &str) -> Option<Direction> {
        match key {
            "up" => Some(Direction::Up),
            "down" => Some(Direction::Down),
            _ => None,
        }
    }
}

/// The change a percentage states: "同比增长14.5%", "下降3%", "-22.2%".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub direction: Direction,
    /// "同比" / "环比", or "" when no basis is written.
    pub basis: String,
    /// The verb as written: "增长", "提升", "下降"…; "" when only a sign states the change
    /// ("同比-22.2%": the sign is part of the figure as written).
    pub verb: String,
}

/// One figure found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Byte range of the figure as written in the text given (char boundaries), including a
    /// prefix qualifier (约 / 突破 / 数 / 不低于 …), a sign, the unit and a suffix qualifier
    /// (以上 / 左右 …): "约2000万元", "6000余亩", "百余条", "14.5%", "1200万人以上", "-22.2%".
    pub start: usize,
    pub end: usize,
    /// Value in base units: money in its currency (1687万元 → 16870000 元, 3.2万亿美元 →
    /// 3200000000000 美元), others in the written unit (1.3万亿斤 → 1300000000000 斤),
    /// percentages as written (14.5, also for 百分之十四点五), percentage points in points.
    /// For 数百 the value is 100 with [`Qualifier::Several`]; for a range the low end (the high
    /// end is [`Figure::high`]); for a ratio the first term (all are in [`Figure::terms`]). A
    /// bound or a range is never a plain number: read it through [`Figure::meaning`].
    pub value: Amount,
    /// The high end of a range ([`Qualifier::Range`]): "10至500万元" has `value` 100000 and
    /// `high` 5000000. `None` for anything else.
    pub high: Option<Amount>,
    /// Every term of a ratio ([`Qualifier::Ratio`]), in order: "11.8:48.3:39.9" → 11.8, 48.3,
    /// 39.9. Empty for anything else.
    pub terms: Vec<Amount>,
    /// Base unit: "元" for 元/万元/亿元/万亿元, "美元" for 美元/亿美元, "%" for % / ％ / 百分之,
    /// "百分点" for 个百分点 (percentage points, never "%"), "" for a ratio; otherwise the written
    /// unit ("亩", "平方米", "人次", "斤", "倍").
    pub unit: String,
    /// The unit as written: for money the magnitude right before it belongs to it ("万元",
    /// "万亿元", "亿美元"); for other units the same as `unit` (the 万 of "3万人次" is a
    /// magnitude, already in `value`), except that a full-width "％" is written "％", 百分之 is
    /// written "百分之" and percentage points "个百分点".
    pub written_unit: String,
    /// The currency of an amount of money: "CNY" for 元 (万元, 亿元 …), "USD" for 美元, "HKD"
    /// for 港元, "EUR" for 欧元, "JPY" for 日元; `None` for anything that is not money.
    pub currency: Option<String>,
    pub qualifier: Qualifier,
    /// For a percentage that states a change ("同比增长14.5%"): its direction and basis.
    pub change: Option<Change>,
    /// A period that qualifies this figure ("1-8月" in "1-8月全镇完成财税收入1687万元").
    pub period: Option<String>,
    /// Index (into the returned Vec) of a change figure that qualifies this one: 1687万元 gets
    /// the index of 14.5%.
    pub changed_by: Option<usize>,
}

impl Figure {
    /// The change stated for this figure as the report writes it, with the words of its basis
    /// and verb ("同比增长14.5%"): its own when it is a change (`written` is its text), else that
    /// of the figure `by` that qualifies it (with that figure's text), else none.
    pub fn stated_change(&self, written: &str, by: Option<(&Figure, &str)>) -> Option<String> {
        let words = |c: &Change, written: &str| format!("{}{}{}", c.basis, c.verb, written);
        match (&self.change, by) {
            (Some(c), _) => Some(words(c, written)),
            (None, Some((by, by_written))) => Some(match &by.change {
                Some(c) => words(c, by_written),
                None => by_written.to_string(),
            }),
            (None, None) => None,
        }
    }
}

/// Every figure in `text`, in order of position, non-overlapping.
///
/// # What is a figure
///
/// - **Arabic numbers** ("1687", "14.5", "1,687", full-width "１６８７", "２．４", "１，６８７"),
///   then optionally 余/多, a magnitude (万, 亿, 万亿, … as in [`parse_quantity`]) and 余/多
///   again (at most one 余/多: "30余次", "1万余平方米", "10余万元"; digits after 万/亿 count
///   below it: "3万4000人"), then a **unit** from a
///   fixed list, longest first (元, 美元, 港元, 欧元, 日元, 平方米, 公里, 千瓦, 千瓦时, 斤, 人次,
///   人, 户, 个, 亩, 倍, %, ％, 个百分点, …; see `UNITS`). A number with no unit after it is not
///   a figure. Money keeps the magnitude in its written unit ("万元", "万亿元", "亿美元") and
///   has a currency (CNY for 元, USD for 美元 …); 个百分点 is based "百分点", never "%".
/// - **Chinese numerals** ("三个", "两千人", "百余条", "数百名", "十几万元", "五点二万人")
///   only with a unit right after them (after 余/多/几). Magnitudes alone (百/千/万/亿, "亿万",
///   "千万") need 数 before them, 余/多 after them or a bound before them ("百余条", "超万亿元",
///   "近千人", but not "千家", "万人", "亿万人民"), and a lone "一" or "二" is never a figure
///   (except in "一个百分点" and "一倍"): quantities of one are written in digits ("1家"), and
///   一/二 before a measure word is nearly always a set form ("最后一米", "一次性", "二次供水").
/// - **百分之** + a number is a percentage: "百分之五" is 5%, "百分之十四点五" 14.5%; not when
///   more numerals follow ("百分之二三十").
/// - **Qualifiers**, part of the figure's range: 约 / 大约 before the number (About), 左右 after
///   the unit (Around); 突破 超过 超 逾 多于 高于 before it (Passed, more than); 不低于 不少于
///   至少 最少 before or 以上 及以上 after (AtLeast, the value included); 不超过 不高于 不多于
///   至多 最多 before or 以下 及以下 以内 after (AtMost); 不到 不足 低于 少于 before (LessThan);
///   近 接近 将近 before (Nearly); 数/几 before a Chinese numeral (Several); 余/多/几 after it
///   (MoreThan); 约 with 余 is AboutMoreThan. A one-character bound inside a word is no bound
///   (节约, 签约, 最近, 赶超). [`Figure::meaning`] turns each into a value, bounds or a range.
/// - **Ranges**: two numbers joined by 至 到 - -- — —— – － ~ ～ 〜 with one unit after the
///   second (or the same unit after both) are one figure ([`Qualifier::Range`]) with both ends:
///   "10至500万元" (a magnitude written once after the high end applies to the low end too:
///   100000 to 5000000 元), "1万-5万元", "一百二十到一百五十万元", "八到九百亿元" (a lone digit
///   takes the place of the high end's first digit: 800亿 to 900亿), "5%—6%", "200元至500元".
///   The low end must be below the high end. After 从 / 由 the two numbers are a change over
///   time ("从60%提高到75%"), two figures.
/// - **Ratios**: Arabic numbers joined by ":" "：" "︰" "∶" are one figure
///   ([`Qualifier::Ratio`], [`Figure::terms`], no unit): "8.6:41.2:50.2", "2.5︰1". Two whole
///   numbers joined by ":" or "：", or whole numbers whose later terms have two digits, are
///   a ratio only after 比 ("男女之比为3:2"); otherwise they are a time or a score ("9:30",
///   "5:35:36") and no figure.
/// - **Lists**: "分别为3.45亿元、1.27亿元、0.96亿元" is three figures.
/// - **Not figures**: numbers followed by 年 月 日 号 周年 届 期 季度 时 分 秒 天 小时 分钟 个月
///   学年 年度 年级 世纪 ("2024年", "10月初", "75周年", "3个月", "24小时"), also as the end of
///   a range ("3—5年", "2023-2025年"); numbers right after 第 or 届 ("第3批", "第三方",
///   "十三届五次全会"); Chinese numerals opening a quotation (“两个确立”); Arabic numbers right
///   after an ASCII letter or digit or one of . / = % & ? # _ ("G320", "PM2.5", "C919", "1/3",
///   "?q=30%"); telephone
///   numbers and codes (a run of three or more digits starting with 0, or of eleven starting
///   with 1); placeholders (XX万元, 20XX年, IlOO: no digits, or digits glued to letters);
///   "X位一体", "7×24小时", and the set phrases of `SET_PHRASES` ("二十大", "十四五",
///   "六位一体", "两不愁三保障", "八项规定", "三次产业", "两位数", …). 倍 in words (倍感, 倍增,
///   成倍) has no number before it.
/// - **Changes**: a percentage, 百分点 or 倍 right after a verb of change — 增长 提升 上升 上涨
///   提高 增加 (up), 下降 减少 降低 下跌 回落 压减 (down), optionally followed by 了 and
///   preceded by 同比/环比 — or with a sign ("-22.2%", "同比-3.6%", "＋1.2%"; both: "增长-2.5%"
///   is down) gets [`Figure::change`]; the value stays the size of the change (下降3% is 3,
///   down). A "-" before any other figure is a dash, not a sign. A change goes on to the
///   figures listed right after it with "、" or "和" ("分别增长8.1%、6.4%"). It qualifies the
///   figure right before it ([`Figure::changed_by`]) when only "，" or "、" stand between that
///   figure and the basis or verb, and that figure states no change itself.
/// - **Periods**: a month range ("1-8月", "1—8月", "1至8月", "1月至8月", optionally with 份) is
///   not a figure; it qualifies the first figure after it in the same sentence (sentences end at
///   。！？).
///
/// Any text is accepted; nothing in it makes this panic. Positions are byte ranges into `text`
/// on character boundaries; a message for a person counts characters instead.
pub fn recognise(text: &str) -> Vec<Figure> {
    recognise::Recogniser::new(text).run()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifier_readings() {
        assert_eq!(Qualifier::Exact.reading(), "");
        assert_eq!(Qualifier::About.reading(), "约");
        assert_eq!(Qualifier::MoreThan.reading(), "多于");
        assert_eq!(Qualifier::AboutMoreThan.reading(), "约多于");
        assert_eq!(Qualifier::Passed.reading(), "超过");
        assert_eq!(Qualifier::Several.reading(), "数（几）");
    }
}
