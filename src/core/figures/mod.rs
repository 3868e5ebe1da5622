//! Figure recognition: finds the quantities a report states ("1687万元", "百余条") exactly.
//!
//! Quantities are read the way ripgrep reads human sizes (`crates/cli/src/human.rs`): a number,
//! then a magnitude that maps like K/M/G (万 = 10^4, 亿 = 10^8), with overflow checked and every
//! failure a typed [`FigureError`]. [`recognise`] documents which words around a number make it
//! a figure; [`parse_quantity`] reads one quantity on its own.

pub mod meaning;
mod numerals;
mod recognise;
mod words;

pub(crate) use numerals::read_chinese;
pub use numerals::{parse_quantity, Amount, FigureError};

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
    /// 突破: "突破3万人次".
    Passed,
    /// 数 (or 几) before a Chinese numeral: "数百名".
    Several,
}

impl Qualifier {
    /// Human reading for a tooltip or hidden text: "" (exact), "约", "多于", "约多于", "超过",
    /// "数（几）".
    pub fn reading(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::About => "约",
            Qualifier::MoreThan => "多于",
            Qualifier::AboutMoreThan => "约多于",
            Qualifier::Passed => "超过",
            Qualifier::Several => "数（几）",
        }
    }
}

/// Which way a change goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// The change a percentage states: "同比增长14.5%".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub direction: Direction,
    /// "同比" / "环比", or "" when no basis is written.
    pub basis: String,
    /// The verb as written: "增长", "提升", "下降"…
    pub verb: String,
}

/// One figure found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Byte range of the figure as written in the text given (char boundaries), including a
    /// prefix qualifier (约 / 突破 / 数) and the unit: "约2000万元", "6000余亩", "百余条", "14.5%".
    pub start: usize,
    pub end: usize,
    /// Value in base units: money in 元 (1687万元 → 16870000), others in the written unit,
    /// percentages as written (14.5). For 数百 the value is 100 with [`Qualifier::Several`].
    pub value: Amount,
    /// Base unit: "元" for 元/万元/亿元; otherwise the written unit ("亩", "平方米", "人次", "%").
    pub unit: String,
    /// The unit as written: "万元" (a 万 or 亿 right before 元 belongs to it); for other units
    /// the same as `unit` (the 万 of "3万人次" is a magnitude, already in `value`), except that a
    /// full-width "％" is written "％" and based "%".
    pub written_unit: String,
    pub qualifier: Qualifier,
    /// For a percentage that states a change ("同比增长14.5%"): its direction and basis.
    pub change: Option<Change>,
    /// A period that qualifies this figure ("1-8月" in "1-8月全镇完成财税收入1687万元").
    pub period: Option<String>,
    /// Index (into the returned Vec) of a change figure that qualifies this one: 1687万元 gets
    /// the index of 14.5%.
    pub changed_by: Option<usize>,
}

/// Every figure in `text`, in order of position, non-overlapping.
///
/// # What is a figure
///
/// - **Arabic numbers** ("1687", "14.5", "1,687"), then optionally 余/多, a magnitude (万, 亿,
///   … as in [`parse_quantity`]) and 余/多 again (at most one 余/多: "30余次", "1万余平方米",
///   "10余万元"), then a **unit** from a fixed list, longest first (元, 平方米, 人次, 人, 户, 个,
///   亩, %, 个百分点, …; see `UNITS`). A number with no unit after it is not a figure; "%" is a
///   unit. A 万/亿 right before 元 makes the written unit "万元"/"亿元", the base unit "元".
/// - **Chinese numerals** ("三个", "两千人", "百余条", "数百名") only with a unit right after
///   them (after 余/多). A lone 百/千/万/亿 needs 数 before it or 余/多 after it ("百余条", but
///   not "千家", "万人", "千米"), and a lone "一" or "二" is never a figure: quantities of one are
///   written in digits ("1家"), and 一/二 before a measure word is nearly always a set form
///   ("最后一米", "一次性", "一条龙", "二次供水").
/// - **Qualifiers**: 约 right before the number (About), 突破 right before it (Passed), 数/几
///   before a Chinese numeral (Several), 余/多 after it (MoreThan); 约 with 余 is AboutMoreThan.
///   The figure's range includes them.
/// - **Not figures**: numbers followed by 年 月 日 号 周年 届 期 季度 时 分 秒 个月 ("2024年",
///   "10月初", "75周年", "3个月"), numbers right after 第 ("第3批", "第三方"), Arabic numbers
///   right after an ASCII letter or digit ("G320"), "X位一体", and the set phrases of
///   `SET_PHRASES` ("二十大", "十四五", "六位一体", "两不愁三保障", …).
/// - **Changes**: a percentage (or 百分点) right after a verb of change — 增长 提升 上升 提高
///   增加 (up), 下降 减少 降低 (down), optionally followed by 了 and preceded by 同比/环比 —
///   gets [`Figure::change`]. It qualifies the figure right before it ([`Figure::changed_by`])
///   when only "，" or "、" stand between that figure and the basis or verb, and that figure
///   states no change itself.
/// - **Periods**: a month range ("1-8月", "1—8月", "1至8月", "1月至8月", optionally with 份) is
///   not a figure; it qualifies the first figure after it in the same sentence (sentences end at
///   。！？).
///
/// Any text is accepted; nothing in it makes this panic.
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
