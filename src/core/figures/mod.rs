//! Figure recognition: finds the quantities a report states ("1687万元", "百余条") exactly.
//!
//! Quantities are read the way ripgrep reads human sizes (`crates/cli/src/human.rs`): a number,
//! then a magnitude that maps like K/M/G (万 = 10^4, 亿 = 10^8), with overflow checked and every
//! failure a typed [`FigureError`]. [`recognise`] documents which words around a number make it
//! a figure; [`parse_quantity`] reads one quantity on its own.

use std::fmt;

pub mod meaning;

/// An exact decimal: `mantissa × 10^-scale` (14.5 = `{ mantissa: 145, scale: 1 }`); no floats.
///
/// Values made by this module are normalised: a fraction never ends in zero, so "14.50" and
/// "14.5" give equal amounts. [`Amount::new`] normalises too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount {
    pub mantissa: u64,
    pub scale: u32,
}

impl Amount {
    /// `mantissa × 10^-scale`, with trailing zeros of the fraction dropped.
    pub const fn new(mantissa: u64, scale: u32) -> Self {
        let (mut mantissa, mut scale) = (mantissa, scale);
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        Amount { mantissa, scale }
    }

    /// The nearest `f64` (for charts and sorting; figures themselves stay exact).
    pub fn as_f64(self) -> f64 {
        // Dividing by a power of ten may be off in the last bit, which is fine for charts and
        // ratios; parsing the decimal text would be exact but ships float parsing (~10 KB of
        // wasm) for nothing a reader can see.
        if self.scale > 300 {
            return 0.0; // below anything a report states
        }
        self.mantissa as f64 / 10f64.powi(self.scale as i32)
    }

    /// `self × 10^exp`, or `None` on overflow.
    fn times_ten_pow(self, exp: u32) -> Option<Amount> {
        let shift = exp.min(self.scale);
        let factor = 10u64.checked_pow(exp - shift)?;
        let mantissa = self.mantissa.checked_mul(factor)?;
        Some(Amount::new(mantissa, self.scale - shift))
    }
}

impl fmt::Display for Amount {
    /// Plain decimal notation with no exponent and no trailing zeros: "16870000", "14.5", "0.05".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = Amount::new(self.mantissa, self.scale);
        let digits = n.mantissa.to_string();
        let scale = usize::try_from(n.scale).unwrap_or(usize::MAX);
        let text = if scale == 0 {
            digits
        } else if digits.len() > scale {
            // `digits` is ASCII, so every index is a character boundary.
            let (whole, fraction) = digits.split_at(digits.len() - scale);
            format!("{whole}.{fraction}")
        } else {
            format!("0.{}{digits}", "0".repeat(scale - digits.len()))
        };
        f.pad(&text)
    }
}

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

/// Why [`parse_quantity`] could not read a quantity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureError {
    /// The text given, as given.
    pub original: String,
    kind: FigureErrorKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FigureErrorKind {
    /// The text does not start with a number (Arabic digits or a Chinese numeral).
    NoDigits,
    /// The value does not fit (in a `u64` mantissa).
    Overflow,
    /// Something other than a known magnitude (万, 亿, …) follows the number.
    UnknownMagnitude,
}

impl FigureError {
    fn new(original: &str, kind: FigureErrorKind) -> Self {
        FigureError {
            original: original.to_string(),
            kind,
        }
    }

    /// A short name of what went wrong: "no digits", "overflow" or "unknown magnitude".
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            FigureErrorKind::NoDigits => "no digits",
            FigureErrorKind::Overflow => "overflow",
            FigureErrorKind::UnknownMagnitude => "unknown magnitude",
        }
    }
}

impl fmt::Display for FigureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let original = &self.original;
        match self.kind {
            FigureErrorKind::NoDigits => write!(
                f,
                "invalid quantity '{original}': it does not start with a number \
                 (such as 1687, 14.5 or 百)"
            ),
            FigureErrorKind::Overflow => {
                write!(f, "invalid quantity '{original}': the value is too big")
            }
            FigureErrorKind::UnknownMagnitude => write!(
                f,
                "invalid quantity '{original}': unknown magnitude after the number \
                 (expected nothing, 余/多, 百, 千, 万, 十万, 百万, 千万, 亿 or 万亿)"
            ),
        }
    }
}

impl std::error::Error for FigureError {}

/// Parses one quantity as written, ripgrep-human style: "1687万" → 16870000, "15.3万" → 153000,
/// "3亿" → 300000000, "14.5" → 14.5, "百" → 100, "数百" → 100, "两千" → 2000.
///
/// # Accepted input
///
/// `[数|几] number [余|多] [magnitude] [余|多]` (at most one 余/多), and nothing else:
///
/// - **number**: ASCII digits, optionally grouped by `,` in threes ("1,687"), with an optional
///   `.` fraction ("15.3"); or a Chinese numeral of 零一二三四五六七八九两十百千万亿 ("两千",
///   "一千零五", "三万五千", "百"). A Chinese numeral is read as far as it is well formed, so in
///   "十四五" the "五" is left over.
/// - **magnitude**: 百 (10^2), 千 (10^3), 万 (10^4), 十万, 百万, 千万, 亿 (10^8), 万亿 (10^12).
/// - 数 / 几 and 余 / 多 do not change the value: the qualifier is [`recognise`]'s business.
///
/// # Errors
///
/// "no digits" when the text does not start with a number (after 数/几), "overflow" when the
/// value does not fit, "unknown magnitude" when anything else follows the number.
pub fn parse_quantity(written: &str) -> Result<Amount, FigureError> {
    let chars: Vec<char> = written.chars().collect();
    let quantity = read_quantity(&chars, 0).map_err(|kind| FigureError::new(written, kind))?;
    if quantity.end != chars.len() {
        return Err(FigureError::new(written, FigureErrorKind::UnknownMagnitude));
    }
    Ok(quantity.value)
}

/// Units a figure can end with. The longest one that matches is taken ("人次" before "人").
/// 万元 and 亿元 are 元 after a magnitude.
const UNITS: &[&str] = &[
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
const NOT_AFTER: &[&str] = &[
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

/// Magnitudes after an Arabic number (or after 余 following a Chinese numeral), with their
/// powers of ten. The longest one that matches is taken.
const MAGNITUDES: &[(&str, u32)] = &[
    ("万亿", 12),
    ("千万", 7),
    ("百万", 6),
    ("十万", 5),
    ("亿", 8),
    ("万", 4),
    ("千", 3),
    ("百", 2),
];

/// Set phrases with numerals that state no quantity; skipped whole. Most would not be read as
/// figures anyway (no unit follows), but are listed so that the intent is explicit.
const SET_PHRASES: &[&str] = &[
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
const CHANGE_VERBS: &[(&str, Direction)] = &[
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
const CHANGE_BASES: &[&str] = &["同比", "环比"];

/// Separators in a month range: "1-8月", "1—8月", "1至8月", "1月至8月".
const RANGE_SEPARATORS: &[char] = &['-', '—', '–', '－', '~', '～', '至', '到'];

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
    Recogniser::new(text).run()
}

/// A quantity read by [`read_quantity`]: its value, where it ends (in characters), and its
/// qualifying words.
#[derive(Debug, Clone, Copy)]
struct Quantity {
    value: Amount,
    end: usize,
    more: bool,
    several: bool,
    /// The number was a Chinese numeral, spanning characters `numeral.0..numeral.1`.
    chinese: Option<(usize, usize)>,
}

fn is_chinese_numeral(c: char) -> bool {
    matches!(
        c,
        '零' | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '两'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
    )
}

/// Whether a set phrase can start with `c`: a Chinese numeral or one of these.
fn may_start_set_phrase(c: char) -> bool {
    is_chinese_numeral(c) || matches!(c, '首' | '第' | '最')
}

fn is_more(c: Option<&char>) -> bool {
    matches!(c, Some('余' | '多'))
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Whether `word` is written at character index `at` of `chars`.
fn word_at(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(i, w)| chars.get(i) == Some(&w))
}

/// The longest word of `words` written at `at`, with its length in characters.
fn longest_at<'w>(chars: &[char], at: usize, words: &[&'w str]) -> Option<(&'w str, usize)> {
    words
        .iter()
        .filter(|w| word_at(chars, at, w))
        .map(|w| (*w, w.chars().count()))
        .max_by_key(|(_, len)| *len)
}

/// A magnitude at `at` (not when a unit starts there: "5千米" is 5 千米), with its length and
/// power of ten.
fn magnitude_at(chars: &[char], at: usize) -> Option<(usize, u32)> {
    if longest_at(chars, at, UNITS).is_some() {
        return None;
    }
    MAGNITUDES
        .iter()
        .filter(|(w, _)| word_at(chars, at, w))
        .map(|(w, exp)| (w.chars().count(), *exp))
        .max_by_key(|(len, _)| *len)
}

/// Reads `[数|几] number [余|多] [magnitude] [余|多]` at `at`; see [`parse_quantity`].
fn read_quantity(chars: &[char], at: usize) -> Result<Quantity, FigureErrorKind> {
    let mut i = at;
    let several = matches!(chars.get(i), Some('数' | '几'))
        && chars.get(i + 1).copied().is_some_and(is_chinese_numeral);
    if several {
        i += 1;
    }
    let (mut value, end, chinese) = match chars.get(i) {
        Some(c) if c.is_ascii_digit() => {
            let (value, end) = read_arabic(chars, i)?;
            (value, end, None)
        }
        Some(&c) if is_chinese_numeral(c) => {
            let (value, end) = read_chinese(chars, i)?;
            (Amount::new(value, 0), end, Some((i, end)))
        }
        _ => return Err(FigureErrorKind::NoDigits),
    };
    i = end;
    let mut more = false;
    if is_more(chars.get(i)) {
        more = true;
        i += 1;
    }
    // A Chinese numeral already holds its own magnitudes ("三千万"), so one can only follow it
    // after 余 ("十余万").
    if chinese.is_none() || more {
        if let Some((len, exp)) = magnitude_at(chars, i) {
            value = value.times_ten_pow(exp).ok_or(FigureErrorKind::Overflow)?;
            i += len;
        }
    }
    if !more && is_more(chars.get(i)) {
        more = true;
        i += 1;
    }
    Ok(Quantity {
        value,
        end: i,
        more,
        several,
        chinese,
    })
}

/// Where the run of digits, `,` and `.` starting at `at` ends.
fn arabic_run_end(chars: &[char], at: usize) -> usize {
    let mut i = at;
    while chars
        .get(i)
        .is_some_and(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
    {
        i += 1;
    }
    i
}

/// Reads ASCII digits at `at`: "1687", "1,687", "14.5". Returns the value and where it ends.
fn read_arabic(chars: &[char], at: usize) -> Result<(Amount, usize), FigureErrorKind> {
    fn push(mantissa: u64, c: char) -> Result<u64, FigureErrorKind> {
        let digit = u64::from(c.to_digit(10).unwrap_or(0));
        mantissa
            .checked_mul(10)
            .and_then(|m| m.checked_add(digit))
            .ok_or(FigureErrorKind::Overflow)
    }
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut i = at;
    let mut mantissa = 0u64;
    if !digit(i) {
        return Err(FigureErrorKind::NoDigits);
    }
    loop {
        while let Some(&c) = chars.get(i).filter(|c| c.is_ascii_digit()) {
            mantissa = push(mantissa, c)?;
            i += 1;
        }
        // A thousands separator: "," followed by exactly three digits.
        let group = chars.get(i) == Some(&',')
            && digit(i + 1)
            && digit(i + 2)
            && digit(i + 3)
            && !digit(i + 4);
        if !group {
            break;
        }
        i += 1;
    }
    let mut scale = 0u32;
    if chars.get(i) == Some(&'.') && digit(i + 1) {
        i += 1;
        while let Some(&c) = chars.get(i).filter(|c| c.is_ascii_digit()) {
            mantissa = push(mantissa, c)?;
            scale = scale.checked_add(1).ok_or(FigureErrorKind::Overflow)?;
            i += 1;
        }
    }
    Ok((Amount::new(mantissa, scale), i))
}

/// Reads a Chinese numeral at `at`, as far as it is well formed: "两千" = 2000, "一千零五" =
/// 1005, "三万五千" = 35000, "百" = 100, "十四" = 14 (and "五" of "十四五" is left over).
/// Returns the value and where it ends.
pub(crate) fn read_chinese(chars: &[char], at: usize) -> Result<(u64, usize), FigureErrorKind> {
    const OVERFLOW: FigureErrorKind = FigureErrorKind::Overflow;
    // value = yi_part + wan_part + section + pending digit.
    let mut yi_part = 0u64;
    let mut wan_part = 0u64;
    let mut section = 0u64;
    let mut pending: Option<u64> = None;
    // The last of 十/百/千 in this section (10_000 when none): they must come in falling order.
    let mut last_small = 10_000u64;
    let mut seen_wan = false;
    let mut seen_yi = false;
    // Whether anything was read since the last 万/亿 (a lone 万 means one 万).
    let mut empty = true;
    let mut i = at;
    while let Some(&c) = chars.get(i) {
        match c {
            '零' => {
                if pending.is_some() {
                    break;
                }
                empty = false;
            }
            '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' => {
                if pending.is_some() {
                    break;
                }
                let d = "一二三四五六七八九"
                    .chars()
                    .position(|x| x == c)
                    .map_or(2, |p| p as u64 + 1);
                pending = Some(d);
                empty = false;
            }
            '十' | '百' | '千' => {
                let m = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                if m >= last_small {
                    break;
                }
                let add = pending.take().unwrap_or(1).checked_mul(m).ok_or(OVERFLOW)?;
                section = section.checked_add(add).ok_or(OVERFLOW)?;
                last_small = m;
                empty = false;
            }
            '万' => {
                if seen_wan {
                    break;
                }
                let units = pending.take().unwrap_or(u64::from(empty));
                let below = section.checked_add(units).ok_or(OVERFLOW)?;
                wan_part = below.checked_mul(10_000).ok_or(OVERFLOW)?;
                section = 0;
                last_small = 10_000;
                seen_wan = true;
                empty = true;
            }
            '亿' => {
                if seen_yi {
                    break;
                }
                let units = pending.take().unwrap_or(u64::from(empty && !seen_wan));
                let below = wan_part
                    .checked_add(section)
                    .and_then(|v| v.checked_add(units))
                    .and_then(|v| v.checked_add(yi_part))
                    .ok_or(OVERFLOW)?;
                yi_part = below.checked_mul(100_000_000).ok_or(OVERFLOW)?;
                wan_part = 0;
                section = 0;
                last_small = 10_000;
                seen_wan = false;
                seen_yi = true;
                empty = true;
            }
            _ => break,
        }
        i += 1;
    }
    if i == at {
        return Err(FigureErrorKind::NoDigits);
    }
    let value = yi_part
        .checked_add(wan_part)
        .and_then(|v| v.checked_add(section))
        .and_then(|v| v.checked_add(pending.unwrap_or(0)))
        .ok_or(OVERFLOW)?;
    Ok((value, i))
}

/// A figure before its change is attached, with where its basis or verb of change starts.
struct Found {
    figure: Figure,
    /// Byte offset where the written change ("同比增长") starts, for a change figure.
    change_start: Option<usize>,
}

struct Recogniser<'t> {
    text: &'t str,
    chars: Vec<char>,
    /// Byte offset of every character, and `text.len()` at the end.
    offsets: Vec<usize>,
}

impl<'t> Recogniser<'t> {
    fn new(text: &'t str) -> Self {
        let (mut offsets, chars): (Vec<usize>, Vec<char>) = text.char_indices().unzip();
        offsets.push(text.len());
        Recogniser {
            text,
            chars,
            offsets,
        }
    }

    /// Byte offset of character index `i` (clamped to the end of the text).
    fn byte(&self, i: usize) -> usize {
        self.offsets.get(i).copied().unwrap_or(self.text.len())
    }

    fn slice(&self, from: usize, to: usize) -> &'t str {
        self.text.get(self.byte(from)..self.byte(to)).unwrap_or("")
    }

    fn run(&self) -> Vec<Figure> {
        let mut found: Vec<Found> = Vec::new();
        // A period waiting for its figure: its text and where it ends (character index).
        let mut period: Option<(String, usize)> = None;
        let mut last_end = 0;
        let mut i = 0;
        while let Some(&c) = self.chars.get(i) {
            // Fast path: most characters can start nothing.
            let may_start =
                c.is_ascii_digit() || matches!(c, '数' | '几') || may_start_set_phrase(c);
            if !may_start {
                i += 1;
                continue;
            }
            if let Some((_, len)) = longest_at(&self.chars, i, SET_PHRASES) {
                i += len;
                continue;
            }
            if let Some(end) = self.period_at(i) {
                period = Some((self.slice(i, end).to_string(), end));
                i = end;
                continue;
            }
            if let Some((start, end, mut f)) = self.figure_at(i, last_end) {
                if let Some((p, p_end)) = period.take() {
                    let between = self.chars.get(p_end..start).unwrap_or(&[]);
                    if !between.iter().any(|c| is_sentence_end(*c)) {
                        f.figure.period = Some(p);
                    }
                }
                found.push(f);
                last_end = end;
                i = end;
                continue;
            }
            i = self.skip(i);
        }
        self.attach_changes(found)
    }

    /// Where to go on from `i` when nothing starts there: past the whole number, so that no
    /// figure starts in the middle of one.
    fn skip(&self, i: usize) -> usize {
        let chars = &self.chars;
        let end = match chars.get(i) {
            Some(c) if c.is_ascii_digit() => arabic_run_end(chars, i),
            Some(&c) if is_chinese_numeral(c) => {
                let mut j = i;
                while chars.get(j).copied().is_some_and(is_chinese_numeral) {
                    j += 1;
                }
                j
            }
            _ => i + 1,
        };
        end.max(i + 1)
    }

    /// A month range at `i` ("1-8月", "1月至8月"): where it ends.
    fn period_at(&self, i: usize) -> Option<usize> {
        let chars = &self.chars;
        let digits = |from: usize| {
            let mut j = from;
            while chars.get(j).is_some_and(char::is_ascii_digit) {
                j += 1;
            }
            (j > from && j - from <= 2).then_some(j)
        };
        if i > 0 && chars.get(i - 1).is_some_and(char::is_ascii_alphanumeric) {
            return None;
        }
        let mut j = digits(i)?;
        if chars.get(j) == Some(&'月') {
            j += 1;
        }
        if !chars.get(j).is_some_and(|c| RANGE_SEPARATORS.contains(c)) {
            return None;
        }
        j = digits(j + 1)?;
        if chars.get(j) != Some(&'月') {
            return None;
        }
        j += 1;
        if chars.get(j) == Some(&'份') {
            j += 1;
        }
        Some(j)
    }

    /// A figure starting with the number at `i` (its prefix qualifier may start before `i`, but
    /// not before `last_end`): its character range and the figure.
    fn figure_at(&self, i: usize, last_end: usize) -> Option<(usize, usize, Found)> {
        let chars = &self.chars;
        let first = *chars.get(i)?;
        let arabic = first.is_ascii_digit();
        let chinese_start = is_chinese_numeral(first)
            || (matches!(first, '数' | '几')
                && chars.get(i + 1).copied().is_some_and(is_chinese_numeral));
        if !arabic && !chinese_start {
            return None;
        }
        let before = i.checked_sub(1).and_then(|b| chars.get(b)).copied();
        if before == Some('第') || (arabic && before.is_some_and(|c| c.is_ascii_alphanumeric())) {
            return None;
        }
        let q = read_quantity(chars, i).ok()?;
        if let Some((from, to)) = q.chinese {
            let numeral = chars.get(from..to).unwrap_or(&[]);
            let lone_magnitude = matches!(numeral, ['百' | '千' | '万' | '亿']);
            let lone_one_or_two = matches!(numeral, ['一' | '二']);
            if lone_one_or_two || (lone_magnitude && !q.several && !q.more) {
                return None;
            }
        }
        if longest_at(chars, q.end, NOT_AFTER).is_some() {
            return None;
        }
        let (unit_written, unit_len) = longest_at(chars, q.end, UNITS)?;
        let end = q.end + unit_len;
        if unit_written == "位" && word_at(chars, end, "一体") {
            return None;
        }

        // Prefix qualifiers.
        let mut start = i;
        let mut about = false;
        let mut passed = false;
        if i > last_end && chars.get(i - 1) == Some(&'约') {
            about = true;
            start = i - 1;
        } else if i >= last_end + 2 && word_at(chars, i - 2, "突破") {
            passed = true;
            start = i - 2;
        }
        let qualifier = if q.several {
            Qualifier::Several
        } else if about && q.more {
            Qualifier::AboutMoreThan
        } else if about {
            Qualifier::About
        } else if passed {
            Qualifier::Passed
        } else if q.more {
            Qualifier::MoreThan
        } else {
            Qualifier::Exact
        };

        let (unit, written_unit) = match unit_written {
            "元" => {
                // The 万 of "1687万元" or "10万余元" belongs to the written unit.
                let mut k = q.end;
                if k > i && is_more(chars.get(k - 1)) {
                    k -= 1;
                }
                let magnitude = k
                    .checked_sub(1)
                    .and_then(|b| chars.get(b))
                    .filter(|c| matches!(c, '万' | '亿') && k > i);
                let written = magnitude.map_or("元".to_string(), |m| format!("{m}元"));
                ("元".to_string(), written)
            }
            "％" => ("%".to_string(), "％".to_string()),
            other => (other.to_string(), other.to_string()),
        };

        let (change, change_start) = if matches!(unit.as_str(), "%" | "百分点" | "个百分点")
        {
            match self.change_before(start) {
                Some((change, at)) => (Some(change), Some(self.byte(at))),
                None => (None, None),
            }
        } else {
            (None, None)
        };

        let figure = Figure {
            start: self.byte(start),
            end: self.byte(end),
            value: q.value,
            unit,
            written_unit,
            qualifier,
            change,
            period: None,
            changed_by: None,
        };
        Some((
            start,
            end,
            Found {
                figure,
                change_start,
            },
        ))
    }

    /// The change written right before character `at` ("同比增长", "下降了"), with the
    /// character index where it starts.
    fn change_before(&self, at: usize) -> Option<(Change, usize)> {
        let chars = &self.chars;
        let mut k = at;
        if k > 0 && chars.get(k - 1) == Some(&'了') {
            k -= 1;
        }
        let (verb, direction, verb_start) = CHANGE_VERBS.iter().find_map(|(verb, direction)| {
            let len = verb.chars().count();
            let from = k.checked_sub(len)?;
            word_at(chars, from, verb).then_some((*verb, *direction, from))
        })?;
        let basis = CHANGE_BASES.iter().find_map(|basis| {
            let from = verb_start.checked_sub(basis.chars().count())?;
            word_at(chars, from, basis).then_some((*basis, from))
        });
        let (basis, start) = basis.unwrap_or(("", verb_start));
        let change = Change {
            direction,
            basis: basis.to_string(),
            verb: verb.to_string(),
        };
        Some((change, start))
    }

    /// Sets `changed_by` of each figure that a change figure right after it qualifies.
    fn attach_changes(&self, found: Vec<Found>) -> Vec<Figure> {
        let starts: Vec<Option<usize>> = found.iter().map(|f| f.change_start).collect();
        let mut figures: Vec<Figure> = found.into_iter().map(|f| f.figure).collect();
        for k in 1..figures.len() {
            let Some(change_start) = starts.get(k).copied().flatten() else {
                continue;
            };
            let Some(previous) = figures.get(k - 1) else {
                continue;
            };
            if previous.change.is_some() || previous.changed_by.is_some() {
                continue;
            }
            let between = self.text.get(previous.end..change_start);
            if between.is_some_and(|b| b.chars().all(|c| matches!(c, '，' | '、' | ','))) {
                if let Some(previous) = figures.get_mut(k - 1) {
                    previous.changed_by = Some(k);
                }
            }
        }
        figures
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(s: &str) -> Amount {
        match parse_quantity(s) {
            Ok(a) => a,
            Err(e) => panic!("{s}: {e}"),
        }
    }

    fn error(s: &str) -> FigureError {
        match parse_quantity(s) {
            Ok(a) => panic!("{s} parsed as {a}"),
            Err(e) => e,
        }
    }

    // ---- parse_quantity, named after ripgrep's human.rs tests ----

    #[test]
    fn suffix_none() {
        assert_eq!(amount("1687"), Amount::new(1687, 0));
        assert_eq!(amount("0"), Amount::new(0, 0));
    }

    #[test]
    fn unit_wan() {
        assert_eq!(amount("1687万"), Amount::new(16_870_000, 0));
        assert_eq!(amount("3万"), Amount::new(30_000, 0));
    }

    #[test]
    fn unit_yi() {
        assert_eq!(amount("3亿"), Amount::new(300_000_000, 0));
        assert_eq!(amount("1.2万亿"), Amount::new(1_200_000_000_000, 0));
    }

    #[test]
    fn unit_composite() {
        assert_eq!(amount("3千万"), Amount::new(30_000_000, 0));
        assert_eq!(amount("5百万"), Amount::new(5_000_000, 0));
        assert_eq!(amount("2十万"), Amount::new(200_000, 0));
        assert_eq!(amount("5千"), Amount::new(5000, 0));
    }

    #[test]
    fn decimal_wan() {
        assert_eq!(amount("15.3万"), Amount::new(153_000, 0));
        assert_eq!(amount("0.00015万"), Amount::new(15, 1));
        assert_eq!(amount("1.23456万"), Amount::new(123_456, 1));
    }

    #[test]
    fn decimal_plain() {
        assert_eq!(
            amount("14.5"),
            Amount {
                mantissa: 145,
                scale: 1
            }
        );
        assert_eq!(
            amount("14.50"),
            Amount {
                mantissa: 145,
                scale: 1
            }
        );
        assert_eq!(
            amount("29.4"),
            Amount {
                mantissa: 294,
                scale: 1
            }
        );
        assert_eq!(
            amount("0.05"),
            Amount {
                mantissa: 5,
                scale: 2
            }
        );
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(amount("1,687"), Amount::new(1687, 0));
        assert_eq!(amount("1,687,000.5"), Amount::new(16_870_005, 1));
        assert_eq!(error("1,68").kind_name(), "unknown magnitude");
    }

    #[test]
    fn more_than_is_read_but_not_valued() {
        assert_eq!(amount("6000余"), Amount::new(6000, 0));
        assert_eq!(amount("1万余"), Amount::new(10_000, 0));
        assert_eq!(amount("10余万"), Amount::new(100_000, 0));
        assert_eq!(amount("30多"), Amount::new(30, 0));
        assert_eq!(error("10余万余").kind_name(), "unknown magnitude");
    }

    #[test]
    fn chinese_numerals() {
        let table: &[(&str, u64)] = &[
            ("百", 100),
            ("数百", 100),
            ("几十", 10),
            ("数十万", 100_000),
            ("三", 3),
            ("两", 2),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("二十三", 23),
            ("一百", 100),
            ("一百零五", 105),
            ("两千", 2000),
            ("一千零五", 1005),
            ("三万五千", 35_000),
            ("万", 10_000),
            ("十万", 100_000),
            ("三千万", 30_000_000),
            ("一亿", 100_000_000),
            ("一万亿", 1_000_000_000_000),
            ("三亿五千万", 350_000_000),
            ("零", 0),
            ("百余", 100),
            ("十余万", 100_000),
        ];
        for (written, value) in table {
            assert_eq!(amount(written), Amount::new(*value, 0), "{written}");
        }
    }

    #[test]
    fn chinese_numeral_stops_where_it_is_ill_formed() {
        // "十四五" reads as 十四, then 五 is left over.
        assert_eq!(error("十四五").kind_name(), "unknown magnitude");
        assert_eq!(error("一二").kind_name(), "unknown magnitude");
        assert_eq!(error("十百").kind_name(), "unknown magnitude");
    }

    #[test]
    fn every_set_phrase_starts_where_the_fast_path_looks() {
        for phrase in SET_PHRASES {
            let first = phrase.chars().next().unwrap_or(' ');
            assert!(may_start_set_phrase(first), "{phrase}");
        }
    }

    #[test]
    fn invalid_empty() {
        let e = error("");
        assert_eq!(e.kind_name(), "no digits");
        assert_eq!(e.original, "");
    }

    #[test]
    fn invalid_no_digits() {
        for s in ["元", "约2000", "abc", "数", "余", ".5", "-3"] {
            assert_eq!(error(s).kind_name(), "no digits", "{s}");
        }
    }

    #[test]
    fn invalid_overflow() {
        for s in [
            "18446744073709551616",
            "99999999999999999999999",
            "1844674407370955162万",
            "184467440737.09551616万",
            "2000亿亿",
            "一亿万亿",
        ] {
            let e = error(s);
            assert!(
                e.kind_name() == "overflow" || e.kind_name() == "unknown magnitude",
                "{s}: {e}"
            );
        }
        assert_eq!(error("18446744073709551616").kind_name(), "overflow");
        assert_eq!(error("1844674407370955162万").kind_name(), "overflow");
        assert_eq!(error("九千九百九十九万亿余万亿").kind_name(), "overflow");
        // The largest value that fits still parses.
        assert_eq!(amount("18446744073709551615").mantissa, u64::MAX);
    }

    #[test]
    fn invalid_unknown_magnitude() {
        for s in [
            "5兆",
            "3k",
            "3K",
            "万元",
            "1687万元",
            "5千米",
            "14.5%",
            "2024年",
            "1.",
            "1.2.3",
            "30 余",
        ] {
            let e = error(s);
            assert_eq!(e.kind_name(), "unknown magnitude", "{s}");
            assert_eq!(e.original, s);
        }
    }

    #[test]
    fn errors_display_the_original() {
        let e = error("5兆");
        assert!(e.to_string().contains("'5兆'"), "{e}");
        assert!(e.to_string().contains("unknown magnitude"), "{e}");
        let e: Box<dyn std::error::Error> = Box::new(error(""));
        assert!(e.to_string().contains("does not start with a number"));
    }

    // ---- Amount ----

    #[test]
    fn amount_displays_plain_decimals() {
        let table: &[(Amount, &str)] = &[
            (Amount::new(16_870_000, 0), "16870000"),
            (Amount::new(145, 1), "14.5"),
            (Amount::new(153_000, 0), "153000"),
            (Amount::new(5, 2), "0.05"),
            (
                Amount {
                    mantissa: 1450,
                    scale: 2,
                },
                "14.5",
            ),
            (
                Amount {
                    mantissa: 0,
                    scale: 3,
                },
                "0",
            ),
            (Amount::new(u64::MAX, 0), "18446744073709551615"),
            (Amount::new(1, 25), "0.0000000000000000000000001"),
        ];
        for (a, text) in table {
            assert_eq!(a.to_string(), *text, "{a:?}");
        }
        assert_eq!(format!("{:>6}", Amount::new(145, 1)), "  14.5");
    }

    #[test]
    fn amount_as_f64() {
        assert_eq!(Amount::new(145, 1).as_f64(), 14.5);
        assert_eq!(Amount::new(16_870_000, 0).as_f64(), 16_870_000.0);
        assert_eq!(Amount::new(3, 1).as_f64(), 0.3);
        assert_eq!(Amount::new(1, 400).as_f64(), 0.0);
    }

    #[test]
    fn qualifier_readings() {
        assert_eq!(Qualifier::Exact.reading(), "");
        assert_eq!(Qualifier::About.reading(), "约");
        assert_eq!(Qualifier::MoreThan.reading(), "多于");
        assert_eq!(Qualifier::AboutMoreThan.reading(), "约多于");
        assert_eq!(Qualifier::Passed.reading(), "超过");
        assert_eq!(Qualifier::Several.reading(), "数（几）");
    }

    // ---- recognise ----

    /// (written, value, unit, written unit, qualifier) of every figure.
    fn summary(text: &str) -> Vec<(String, String, String, String, Qualifier)> {
        recognise(text)
            .iter()
            .map(|f| {
                (
                    text.get(f.start..f.end).unwrap_or("?").to_string(),
                    f.value.to_string(),
                    f.unit.clone(),
                    f.written_unit.clone(),
                    f.qualifier,
                )
            })
            .collect()
    }

    use Qualifier::{About, AboutMoreThan, Exact, MoreThan, Passed, Several};

    /// A figure expected in a phrase: (written, value, unit, written unit, qualifier).
    type Expected = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Qualifier,
    );

    /// Realistic phrases and the figures in them: (written, value, unit, written unit,
    /// qualifier).
    const PHRASES: &[(&str, &[Expected])] = &[
        (
            "1-8月全镇完成财税收入1687万元，同比增长14.5%，各项工作平稳有序开展。",
            &[
                ("1687万元", "16870000", "元", "万元", Exact),
                ("14.5%", "14.5", "%", "%", Exact),
            ],
        ),
        (
            "已引进资溪县远诚竹制品有限公司1家工业企业，投资约2000万元；",
            &[
                ("1家", "1", "家", "家", Exact),
                ("约2000万元", "20000000", "元", "万元", About),
            ],
        ),
        (
            "预计投资金额3亿元。",
            &[("3亿元", "300000000", "元", "亿元", Exact)],
        ),
        (
            "共走访企业及项目30余次，帮助解决诉求难题10余个",
            &[
                ("30余次", "30", "次", "次", MoreThan),
                ("10余个", "10", "个", "个", MoreThan),
            ],
        ),
        (
            "号召41名乡贤企业家成立嵩市镇商会",
            &[("41名", "41", "名", "名", Exact)],
        ),
        (
            "劝阻沿街摊位占道经营约20余次",
            &[("约20余次", "20", "次", "次", AboutMoreThan)],
        ),
        (
            "共新建灌溉水渠、水沟、机耕道等2000余米，解决5个村小组共260亩农田灌溉",
            &[
                ("2000余米", "2000", "米", "米", MoreThan),
                ("5个", "5", "个", "个", Exact),
                ("260亩", "260", "亩", "亩", Exact),
            ],
        ),
        (
            "镇区1万余平方米的公共场所面积已纳入绿化养护；1055盏路灯已经进行编号",
            &[
                ("1万余平方米", "10000", "平方米", "平方米", MoreThan),
                ("1055盏", "1055", "盏", "盏", Exact),
            ],
        ),
        (
            "以及23户林农参与笋竹两用林建设经营，目前已经流转竹林6000余亩",
            &[
                ("23户", "23", "户", "户", Exact),
                ("6000余亩", "6000", "亩", "亩", MoreThan),
            ],
        ),
        (
            "完成耕地恢复图斑整改约20亩，耕地违法图斑整改约30亩，积极对抛荒地进行复耕，\
             今年水稻种植面积同比提升29.4%。",
            &[
                ("约20亩", "20", "亩", "亩", About),
                ("约30亩", "30", "亩", "亩", About),
                ("29.4%", "29.4", "%", "%", Exact),
            ],
        ),
        (
            "收到投稿百余条，网上浏览量突破3万人次，吸引了数百名游客前来打卡拍照。",
            &[
                ("百余条", "100", "条", "条", MoreThan),
                ("突破3万人次", "30000", "人次", "人次", Passed),
                ("数百名", "100", "名", "名", Several),
            ],
        ),
        (
            "共吸纳干部群众700余人次参与各类文体活动",
            &[("700余人次", "700", "人次", "人次", MoreThan)],
        ),
        (
            "发放低保金15.3万元。累计发放补贴约2万元，发放各类补助资金29万元。",
            &[
                ("15.3万元", "153000", "元", "万元", Exact),
                ("约2万元", "20000", "元", "万元", About),
                ("29万元", "290000", "元", "万元", Exact),
            ],
        ),
        (
            "共排查重点人员21户，新增监测对象8户27人。",
            &[
                ("21户", "21", "户", "户", Exact),
                ("8户", "8", "户", "户", Exact),
                ("27人", "27", "人", "人", Exact),
            ],
        ),
        (
            "推动胡关、云际、桥湾三个联建村各类资源要素汇聚",
            &[("三个", "3", "个", "个", Exact)],
        ),
        (
            "将具有履职能力的350余位党员全方位覆盖全体农户",
            &[("350余位", "350", "位", "位", MoreThan)],
        ),
        (
            "两千人参加，十余万元资金，三十多个村，数十万元投入",
            &[
                ("两千人", "2000", "人", "人", Exact),
                ("十余万元", "100000", "元", "万元", MoreThan),
                ("三十多个", "30", "个", "个", MoreThan),
                ("数十万元", "100000", "元", "万元", Several),
            ],
        ),
        (
            "5千米道路，3千万元，2.5平方公里，10余万元，1,687万元",
            &[
                ("5千米", "5", "千米", "千米", Exact),
                ("3千万元", "30000000", "元", "万元", Exact),
                ("2.5平方公里", "2.5", "平方公里", "平方公里", Exact),
                ("10余万元", "100000", "元", "万元", MoreThan),
                ("1,687万元", "16870000", "元", "万元", Exact),
            ],
        ),
        (
            "占比30%，同比提高2个百分点，下降了3％",
            &[
                ("30%", "30", "%", "%", Exact),
                ("2个百分点", "2", "个百分点", "个百分点", Exact),
                ("3％", "3", "%", "％", Exact),
            ],
        ),
        (
            "约数百名群众，约三个村",
            &[
                ("约数百名", "100", "名", "名", Several),
                ("约三个", "3", "个", "个", About),
            ],
        ),
    ];

    #[test]
    fn recognises_realistic_phrases() {
        for (text, expected) in PHRASES {
            let expected: Vec<_> = expected
                .iter()
                .map(|(w, v, u, wu, q)| {
                    (
                        w.to_string(),
                        v.to_string(),
                        u.to_string(),
                        wu.to_string(),
                        *q,
                    )
                })
                .collect();
            assert_eq!(summary(text), expected, "in {text}");
        }
    }

    #[test]
    fn not_figures() {
        let phrases = [
            "党的二十大和二十届二中、三中全会精神",
            "实现“十四五”规划目标任务",
            "深化“一把手招商”工作机制",
            "贯彻落实“六位一体”长效管护机制",
            "重点对“六小场所”开展检查",
            "实现全镇水域“一杆一圈一绳”全覆盖",
            "巩固“两不愁三保障”成果",
            "鼓励村集体与两山公司合作",
            "挂牌成立“出云峰三联三共工作站”",
            "成功举办首届摄影视频大赛",
            "聘请第三方公司进行日常管护",
            "一是抓项目，二是抓招商，三是抓民生。",
            "预计10月初投产",
            "自今年5月竣工以来",
            "2024年是中华人民共和国成立75周年",
            "1-8月",
            "1—8月，1至8月，1月至8月，1-8月份",
            "照亮了村民回家的“最后一米路”",
            "第3批，第三个，第1名",
            "千家万户，万人空巷，千米，百家",
            "一次性补贴，一条龙服务，一户一档，二次供水",
            "3个月，10余年，2023年12月31日，10时30分，第二季度",
            "G320国道，COVID-19",
            "投资万元以上，三位一体",
            "1687万，14.5，约2000",
            "两个维护，四个意识，三个代表",
        ];
        for text in phrases {
            assert_eq!(summary(text), vec![], "in {text}");
        }
    }

    #[test]
    fn a_change_attaches_to_the_figure_right_before_it() {
        let figures =
            recognise("1-8月全镇完成财税收入1687万元，同比增长14.5%，各项工作平稳有序开展。");
        assert_eq!(figures.len(), 2);
        assert_eq!(figures[0].changed_by, Some(1));
        assert_eq!(figures[0].period.as_deref(), Some("1-8月"));
        assert_eq!(figures[0].change, None);
        assert_eq!(
            figures[1].change,
            Some(Change {
                direction: Direction::Up,
                basis: "同比".into(),
                verb: "增长".into(),
            })
        );
        assert_eq!(figures[1].changed_by, None);
        assert_eq!(figures[1].period, None);
    }

    #[test]
    fn a_distant_change_stands_alone() {
        let figures = recognise(
            "耕地违法图斑整改约30亩，积极对抛荒地进行复耕，今年水稻种植面积同比提升29.4%。",
        );
        assert_eq!(figures.len(), 2);
        assert_eq!(figures[0].changed_by, None);
        let change = figures[1]
            .change
            .as_ref()
            .map(|c| (c.direction, c.basis.as_str(), c.verb.as_str()));
        assert_eq!(change, Some((Direction::Up, "同比", "提升")));
    }

    /// A change as (direction, basis, verb).
    type ChangeReading = Option<(Direction, &'static str, &'static str)>;

    #[test]
    fn changes_read_direction_basis_and_verb() {
        let table: &[(&str, ChangeReading)] = &[
            ("同比增长14.5%", Some((Direction::Up, "同比", "增长"))),
            ("同比提升29.4%", Some((Direction::Up, "同比", "提升"))),
            ("环比上升2%", Some((Direction::Up, "环比", "上升"))),
            ("提高3.5个百分点", Some((Direction::Up, "", "提高"))),
            ("增加了12%", Some((Direction::Up, "", "增加"))),
            ("下降3%", Some((Direction::Down, "", "下降"))),
            ("同比减少约5%", Some((Direction::Down, "同比", "减少"))),
            ("降低1.2个百分点", Some((Direction::Down, "", "降低"))),
            ("覆盖率达95%", None),
            ("增长300万元", None),
        ];
        for (text, expected) in table {
            let figures = recognise(text);
            assert_eq!(figures.len(), 1, "{text}");
            let change = figures[0]
                .change
                .as_ref()
                .map(|c| (c.direction, c.basis.as_str(), c.verb.as_str()));
            assert_eq!(change, *expected, "{text}");
        }
    }

    #[test]
    fn a_change_attaches_across_a_comma_or_enumeration_mark_only() {
        let attached = |text: &str| {
            let figures = recognise(text);
            assert_eq!(figures.len(), 2, "{text}");
            figures[0].changed_by
        };
        assert_eq!(attached("收入1687万元，同比增长14.5%"), Some(1));
        assert_eq!(attached("收入1687万元、下降3%"), Some(1));
        assert_eq!(attached("收入1687万元增长14.5%"), Some(1));
        assert_eq!(attached("收入1687万元，比去年增长14.5%"), None);
        assert_eq!(attached("收入1687万元。同比增长14.5%"), None);
        // A change does not qualify another change.
        assert_eq!(attached("同比增长5%，同比增长14.5%"), None);
    }

    #[test]
    fn periods_qualify_the_first_figure_in_their_sentence() {
        for period in ["1-8月", "1—8月", "1至8月", "1月至8月", "1-8月份"] {
            let text = format!("{period}全镇完成财税收入1687万元，新增企业3家。");
            let figures = recognise(&text);
            assert_eq!(figures.len(), 2, "{text}");
            assert_eq!(figures[0].period.as_deref(), Some(period), "{text}");
            assert_eq!(figures[1].period, None, "{text}");
        }
        let figures = recognise("1-8月工作平稳。全镇完成财税收入1687万元。");
        assert_eq!(figures.len(), 1);
        assert_eq!(figures[0].period, None);
    }

    #[test]
    fn ranges_are_byte_ranges_on_char_boundaries() {
        let text = "约2000万元";
        let figures = recognise(text);
        assert_eq!((figures[0].start, figures[0].end), (0, text.len()));
        let text = "新增监测对象8户27人";
        let figures = recognise(text);
        assert_eq!(&text[figures[0].start..figures[0].end], "8户");
        assert_eq!(&text[figures[1].start..figures[1].end], "27人");
    }

    #[test]
    fn overflow_skips_the_figure() {
        let text = "投资99999999999999999999999万元，新增3家";
        assert_eq!(
            summary(text),
            vec![(
                "3家".to_string(),
                "3".to_string(),
                "家".to_string(),
                "家".to_string(),
                Exact
            )]
        );
        assert!(recognise("18446744073709551615亿元").is_empty());
        assert!(recognise("九千九百九十九万亿亿亿元").is_empty());
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "约",
            "突破",
            "数",
            "余",
            "%",
            "1",
            "1.",
            ".5%",
            "1,",
            "1,000,",
            "-1-8月",
            "1-",
            "1-8",
            "1月至",
            "第",
            "约约约3个",
            "突破突破3个",
            "同比增长",
            "了5%",
            "数数百名",
            "零零零个",
            "亿亿亿亿个",
            "万万万人",
            "\u{0}3个\u{10FFFF}",
        ] {
            let figures = recognise(text);
            check_ranges(text, &figures);
        }
    }

    fn check_ranges(text: &str, figures: &[Figure]) {
        let mut last = 0;
        for (k, f) in figures.iter().enumerate() {
            assert!(f.start < f.end, "{text}: {f:?}");
            assert!(
                f.start >= last,
                "{text}: overlapping or out of order at {k}"
            );
            assert!(
                text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
                "{text}: {f:?}"
            );
            assert!(f.end <= text.len());
            if let Some(by) = f.changed_by {
                assert!(by > k && by < figures.len(), "{text}: {f:?}");
                assert!(figures[by].change.is_some());
            }
            last = f.end;
        }
    }

    /// The cleaned text of the real report.
    fn report_text() -> String {
        match crate::data::report() {
            Ok(report) => report.shown_text(),
            Err(e) => panic!("the embedded report parses: {e}"),
        }
    }

    #[test]
    fn no_window_of_the_real_report_panics() {
        // Every window of up to 40 characters, and every prefix and suffix: the windows cut
        // numbers, units, qualifiers and periods at every possible place.
        let text = report_text();
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        for (s, &start) in bounds.iter().enumerate() {
            for &end in bounds.iter().skip(s + 1).take(40) {
                let window = &text[start..end];
                check_ranges(window, &recognise(window));
            }
            let suffix = &text[start..];
            check_ranges(suffix, &recognise(suffix));
            let prefix = &text[..start];
            check_ranges(prefix, &recognise(prefix));
        }
    }

    #[test]
    fn each_figure_of_the_real_report_reads_the_same_on_its_own() {
        let text = report_text();
        let figures = recognise(&text);
        assert!(!figures.is_empty());
        for f in &figures {
            let written = &text[f.start..f.end];
            let alone = recognise(written);
            assert_eq!(alone.len(), 1, "{written}");
            assert_eq!(
                (alone[0].value, &alone[0].unit, alone[0].qualifier),
                (f.value, &f.unit, f.qualifier),
                "{written}"
            );
            assert_eq!((alone[0].start, alone[0].end), (0, written.len()));
        }
    }
}
