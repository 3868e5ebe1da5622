//! Numerals: exact [`Amount`]s, reading Arabic and Chinese numbers and their magnitudes
//! (万, 亿, …), and [`parse_quantity`] with its typed [`FigureError`]; and the other way,
//! writing a number given in digits as the Chinese words it is read aloud with
//! ([`integer_in_words`], [`number_in_words`], [`digit_by_digit`], [`year_in_words`]).
//!
//! This is the core's one place for numerals: the recogniser, the outline parser (section
//! markers 一、 （十二） 二十三是), search and the spoken text ([`crate::spoken`]) all read or write
//! them here, and what [`integer_in_words`] writes [`read_chinese`] reads back to the same value.

use std::fmt;

use super::words::{longest_at, word_at, UNITS};

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

    /// An amount written as [`Amount`]'s `Display` writes it: ASCII digits with at most one
    /// "." between digits ("16870000", "14.5", "0.05"); `None` for anything else or too many
    /// digits. For report files: no float parsing, so every value stays exact.
    pub fn parse(text: &str) -> Option<Amount> {
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty()
            || !digits_only(whole)
            || !digits_only(fraction)
            || (text.contains('.') && fraction.is_empty())
        {
            return None;
        }
        let mut mantissa: u64 = 0;
        for b in whole.bytes().chain(fraction.bytes()) {
            mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
        }
        Some(Amount::new(mantissa, u32::try_from(fraction.len()).ok()?))
    }

    /// The nearest `f64` (for charts and sorting; figures themselves stay exact).
    pub fn as_f64(self) -> f64 {
        // Dividing by a power of ten may be off in the last bit, which is fine for charts and
        // ratios; parsing the decimal text would be exact but ships float parsing
        // (docs/size-budget.md) for nothing a reader can see.
        if self.scale > 300 {
            return 0.0; // below anything a report states
        }
        self.mantissa as f64 / 10f64.powi(self.scale as i32)
    }

    /// `self × 10^exp`, or `None` on overflow.
    pub(super) fn times_ten_pow(self, exp: u32) -> Option<Amount> {
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
                 (such as 1234, 14.5 or 百)"
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
/// `[数|几] number [余|多|几] [magnitude] [余|多]` (at most one 余/多/几), and nothing else:
///
/// - **number**: Arabic digits, ASCII or full-width ("1687", "１６８７"), optionally grouped in
///   threes by `,` ("1,687"; also by `，` when the first group has one to three digits or
///   between full-width digits: "82，225", "１，６８７"; "3万4000" is 34000), with an
///   optional `.` or `．` fraction ("15.3"); or a Chinese numeral of 零〇一二三四五六七八九两十百千万亿
///   ("两千", "一千零五", "三万五千", "百"), optionally with a 点 fraction ("十四点五" = 14.5,
///   "六点四二万" = 64200). A Chinese numeral is read as far as it is well formed, so in "十四五"
///   the "五" is left over; a last digit right after 百/千/万/亿 counts one place lower, as
///   spoken ("一百二" = 120, "三万五" = 35000).
/// - **magnitude**: 百 (10^2), 千 (10^3), 万 (10^4), 十万, 百万, 千万, 亿 (10^8), 万亿 (10^12),
///   after an Arabic number, a Chinese number with a 点 fraction, or 余/多/几.
/// - 数 / 几 before and 余 / 多 / 几 after do not change the value ("十几万" is 100000): the
///   qualifier is [`recognise`](super::recognise)'s business.
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

/// A quantity read by [`read_quantity`]: its value, where it ends (in characters), and its
/// qualifying words.
#[derive(Debug, Clone, Copy)]
pub(super) struct Quantity {
    pub(super) value: Amount,
    pub(super) end: usize,
    /// 余, 多 or 几 after the number.
    pub(super) more: bool,
    /// 数 or 几 before the number.
    pub(super) several: bool,
    /// The number was a Chinese numeral, spanning characters `numeral.0..numeral.1`.
    pub(super) chinese: Option<(usize, usize)>,
    /// A Chinese numeral with a 点 fraction ("一点五").
    pub(super) fraction: bool,
    /// The power of ten written after the digits: 4 for "500万" and "一百五十万", 12 for
    /// "1.2万亿", 0 for "500" and "一百五十" (a range's low end takes it: "10至500万元").
    pub(super) magnitude: u32,
}

/// The value of an Arabic digit, ASCII or full-width ("７").
pub(super) fn arabic_digit(c: char) -> Option<u64> {
    match c {
        '0'..='9' => Some(u64::from(c) - u64::from('0')),
        '０'..='９' => Some(u64::from(c) - u64::from('０')),
        _ => None,
    }
}

pub(super) fn is_arabic_digit(c: char) -> bool {
    arabic_digit(c).is_some()
}

fn is_full_width_digit(c: char) -> bool {
    matches!(c, '０'..='９')
}

/// The Chinese digits by value, as a number is written and read: 零 一 二 … 九.
const DIGIT_WORDS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// The value of a Chinese digit (零〇一二两三…九), not of 十百千万亿.
fn chinese_digit(c: char) -> Option<u64> {
    match c {
        '〇' => Some(0),
        '两' => Some(2),
        _ => DIGIT_WORDS.iter().position(|&x| x == c).map(|p| p as u64),
    }
}

pub(super) fn is_chinese_numeral(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
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

pub(super) fn is_more(c: Option<&char>) -> bool {
    matches!(c, Some('余' | '多'))
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

/// The unit of a figure written at `at` (the recogniser's list, longest first: "人次" before
/// "人"), if one is.
pub(crate) fn unit_at(chars: &[char], at: usize) -> Option<&'static str> {
    longest_at(chars, at, UNITS).map(|(unit, _)| unit)
}

/// Reads `[数|几] number [余|多|几] [magnitude] [余|多]` at `at`; see [`parse_quantity`].
pub(super) fn read_quantity(chars: &[char], at: usize) -> Result<Quantity, FigureErrorKind> {
    let mut i = at;
    let several = matches!(chars.get(i), Some('数' | '几'))
        && chars.get(i + 1).copied().is_some_and(is_chinese_numeral);
    if several {
        i += 1;
    }
    let (mut value, end, chinese, fraction) = match chars.get(i) {
        Some(&c) if is_arabic_digit(c) => {
            let (value, end) = read_arabic(chars, i)?;
            (value, end, None, false)
        }
        Some(&c) if is_chinese_numeral(c) => {
            let (whole, end) = read_chinese(chars, i)?;
            let (value, fraction_end) = read_chinese_fraction(chars, end, whole)?;
            (value, fraction_end, Some((i, end)), fraction_end > end)
        }
        _ => return Err(FigureErrorKind::NoDigits),
    };
    i = end;
    let mut more = false;
    // 几 after a Chinese numeral is "and some" ("十几万", "二十几个"), like 多.
    let some = |c: Option<&char>| {
        c == Some(&'几')
            && chinese.is_some_and(|(from, to)| {
                to > from && matches!(chars.get(to - 1), Some('十' | '百' | '千' | '万' | '亿'))
            })
    };
    if is_more(chars.get(i)) || (!fraction && some(chars.get(i))) {
        more = true;
        i += 1;
    }
    // A Chinese numeral already holds its own magnitudes ("三千万"), so one can only follow it
    // after 余 ("十余万") or a 点 fraction ("六点四二万").
    let mut magnitude = chinese.map_or(0, |(from, to)| trailing_magnitude(chars, from, to));
    if chinese.is_none() || more || fraction {
        if let Some((len, exp)) = magnitude_at(chars, i) {
            value = value.times_ten_pow(exp).ok_or(FigureErrorKind::Overflow)?;
            magnitude += exp;
            i += len;
            // Digits after 万 or 亿 count below it: "3万4000" is 34000, "1亿2685万" 126850000.
            if chinese.is_none() && !more && matches!(exp, 4 | 8) {
                if let Some((rest, end)) = read_below(chars, i, exp)? {
                    value = Amount::new(
                        value
                            .mantissa
                            .checked_add(rest)
                            .ok_or(FigureErrorKind::Overflow)?,
                        0,
                    );
                    magnitude = 0;
                    i = end;
                }
            }
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
        fraction,
        magnitude,
    })
}

/// Whole Arabic digits at `at` that count below the magnitude `10^exp` just read ("3万" +
/// "4000", "1亿" + "2685万"), with where they end; `None` when there are none or they do not
/// fit below it.
fn read_below(
    chars: &[char],
    at: usize,
    exp: u32,
) -> Result<Option<(u64, usize)>, FigureErrorKind> {
    if !chars.get(at).copied().is_some_and(is_arabic_digit) {
        return Ok(None);
    }
    let (rest, mut end) = read_arabic(chars, at)?;
    if rest.scale > 0 {
        return Ok(None);
    }
    let mut rest = rest.mantissa;
    if exp == 8 && chars.get(end) == Some(&'万') {
        rest = rest.checked_mul(10_000).ok_or(FigureErrorKind::Overflow)?;
        end += 1;
    }
    let limit = 10u64.pow(exp);
    Ok((rest < limit).then_some((rest, end)))
}

/// The power of ten of the 万 / 亿 that end the Chinese numeral `chars[from..to]`: 4 for
/// "一百五十万", 8 for "三亿", 12 for "五万亿", 0 for "一百五十".
fn trailing_magnitude(chars: &[char], from: usize, to: usize) -> u32 {
    let numeral = chars.get(from..to).unwrap_or(&[]);
    numeral
        .iter()
        .rev()
        .take_while(|c| matches!(c, '万' | '亿'))
        .map(|c| if *c == '万' { 4 } else { 8 })
        .sum()
}

/// A 点 fraction after the Chinese whole number `whole` that ends at `at` ("十四" + "点五"):
/// the value and where it ends (`at` itself when no fraction follows).
fn read_chinese_fraction(
    chars: &[char],
    at: usize,
    whole: u64,
) -> Result<(Amount, usize), FigureErrorKind> {
    const OVERFLOW: FigureErrorKind = FigureErrorKind::Overflow;
    let digit = |i: usize| chars.get(i).copied().and_then(chinese_digit);
    if chars.get(at) != Some(&'点') || digit(at + 1).is_none() {
        return Ok((Amount::new(whole, 0), at));
    }
    let mut mantissa = whole;
    let mut scale = 0u32;
    let mut i = at + 1;
    while let Some(d) = digit(i) {
        mantissa = mantissa
            .checked_mul(10)
            .and_then(|m| m.checked_add(d))
            .ok_or(OVERFLOW)?;
        scale = scale.checked_add(1).ok_or(OVERFLOW)?;
        i += 1;
    }
    Ok((Amount::new(mantissa, scale), i))
}

/// Where the run of Arabic digits, `,` and `.` (ASCII or full-width, but not `，`) starting at
/// `at` ends.
pub(super) fn arabic_run_end(chars: &[char], at: usize) -> usize {
    let mut i = at;
    while chars
        .get(i)
        .is_some_and(|&c| is_arabic_digit(c) || matches!(c, '.' | ',' | '．'))
    {
        i += 1;
    }
    i
}

/// Reads Arabic digits at `at`: "1687", "1,687", "14.5", "１６８７", "２．４". Returns the
/// value and where it ends.
pub(super) fn read_arabic(chars: &[char], at: usize) -> Result<(Amount, usize), FigureErrorKind> {
    fn push(mantissa: u64, digit: u64) -> Result<u64, FigureErrorKind> {
        mantissa
            .checked_mul(10)
            .and_then(|m| m.checked_add(digit))
            .ok_or(FigureErrorKind::Overflow)
    }
    let digit_at = |i: usize| chars.get(i).copied().and_then(arabic_digit);
    let digit = |i: usize| digit_at(i).is_some();
    let full = |i: usize| chars.get(i).copied().is_some_and(is_full_width_digit);
    let mut i = at;
    let mut mantissa = 0u64;
    if !digit(i) {
        return Err(FigureErrorKind::NoDigits);
    }
    loop {
        while let Some(d) = digit_at(i) {
            mantissa = push(mantissa, d)?;
            i += 1;
        }
        // A thousands separator: "," followed by exactly three digits; between full-width
        // digits also "，" (elsewhere "，" is the comma of a sentence: "增长5，100家").
        // Between ASCII digits "，" groups only when the first group has one to three digits
        // ("82，225.00").
        let lead = i - at <= 3
            || chars
                .get(at..i)
                .is_some_and(|run| run.iter().any(|c| matches!(c, ',' | '，')));
        let separator = match chars.get(i) {
            Some(',') => true,
            Some('，') => i > at && (lead || (full(i - 1) && full(i + 1))),
            _ => false,
        };
        let group = separator && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4);
        if !group {
            break;
        }
        i += 1;
    }
    let mut scale = 0u32;
    if matches!(chars.get(i), Some('.' | '．')) && digit(i + 1) {
        i += 1;
        while let Some(d) = digit_at(i) {
            mantissa = push(mantissa, d)?;
            scale = scale.checked_add(1).ok_or(FigureErrorKind::Overflow)?;
            i += 1;
        }
    }
    Ok((Amount::new(mantissa, scale), i))
}

/// Reads a Chinese numeral at `at`, as far as it is well formed: "两千" = 2000, "一千零五" =
/// 1005, "三万五千" = 35000, "百" = 100, "十四" = 14 (and "五" of "十四五" is left over); a
/// last digit right after 百/千/万/亿 counts one place lower, as spoken: "一百二" = 120,
/// "两千六" = 2600, "三万五" = 35000. A bare 千 or 百 that starts a unit ends the numeral:
/// "四百亿千瓦时" is 四百亿 千瓦时, "十二亿千瓦" 十二亿 千瓦. Returns the value and where it
/// ends.
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
    // A 零 since the last 十/百/千/万/亿, and whether something stood before the last 万/亿
    // ("三万五" is 35000, but in "万一" the 一 is one).
    let mut zero = false;
    let mut last_digit_before_magnitude = false;
    // What the pending digit is worth when it ends the numeral.
    let mut spoken_place = 1u64;
    let mut i = at;
    while let Some(&c) = chars.get(i) {
        match c {
            '零' | '〇' => {
                if pending.is_some() {
                    break;
                }
                empty = false;
                zero = true;
            }
            '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' => {
                if pending.is_some() {
                    break;
                }
                pending = chinese_digit(c);
                // The place this digit would have when it ends the numeral ("三万五"), unless
                // a 零 stands before it ("三万零五").
                spoken_place = match chars.get(i.wrapping_sub(1)) {
                    _ if zero || i == at => 1,
                    Some('百') => 10,
                    Some('千') => 100,
                    Some('万') if last_digit_before_magnitude => 1000,
                    Some('亿') if last_digit_before_magnitude => 10_000_000,
                    _ => 1,
                };
                empty = false;
            }
            '十' | '百' | '千' => {
                // A place with no digit before it, after 万 or 亿, that starts a unit is that
                // unit, as after an Arabic number: "四百亿千瓦时" is 四百亿 千瓦时.
                if pending.is_none() && i > at && longest_at(chars, i, UNITS).is_some() {
                    break;
                }
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
                zero = false;
            }
            '万' => {
                if seen_wan {
                    break;
                }
                last_digit_before_magnitude = !empty;
                let units = pending.take().unwrap_or(u64::from(empty));
                let below = section.checked_add(units).ok_or(OVERFLOW)?;
                wan_part = below.checked_mul(10_000).ok_or(OVERFLOW)?;
                section = 0;
                last_small = 10_000;
                seen_wan = true;
                empty = true;
                zero = false;
            }
            '亿' => {
                if seen_yi {
                    break;
                }
                last_digit_before_magnitude = !empty;
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
                zero = false;
            }
            _ => break,
        }
        i += 1;
    }
    if i == at {
        return Err(FigureErrorKind::NoDigits);
    }
    let last = pending
        .unwrap_or(0)
        .checked_mul(spoken_place)
        .ok_or(OVERFLOW)?;
    let value = yi_part
        .checked_add(wan_part)
        .and_then(|v| v.checked_add(section))
        .and_then(|v| v.checked_add(last))
        .ok_or(OVERFLOW)?;
    Ok((value, i))
}

// ---- Writing: digits as the words they are read with ----

/// The most digits a whole number is written out with places for (up to 万亿, the largest
/// place); [`integer_in_words`] reads a longer one digit by digit.
pub const MAX_PLACE_DIGITS: usize = 16;

/// The big places of a number, one per group of four digits from the right.
const BIG_PLACES: [&str; 4] = ["", "万", "亿", "万亿"];

/// The values of `digits` (ASCII or full-width), or `None` when it is empty or holds anything
/// else.
fn digit_values(digits: &str) -> Option<Vec<u8>> {
    if digits.is_empty() {
        return None;
    }
    digits
        .chars()
        .map(|c| arabic_digit(c).and_then(|d| u8::try_from(d).ok()))
        .collect()
}

/// The digits as words one by one, with `zero` for 0.
fn each_digit(values: &[u8], zero: char) -> String {
    values
        .iter()
        .map(|&d| match d {
            0 => zero,
            d => DIGIT_WORDS[usize::from(d % 10)],
        })
        .collect()
}

/// A group of four digits (0–9999) as words, "" for 0: 1687 → 一千六百八十七, 105 → 一百零五,
/// 1050 → 一千零五十. `leading`: the group opens the number, where 10–19 are 十, 十五 (not
/// 一十五).
fn group_in_words(n: u16, leading: bool) -> String {
    const PLACES: [&str; 4] = ["千", "百", "十", ""];
    let digits = [n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut zero = false;
    for (i, &d) in digits.iter().enumerate() {
        if d == 0 {
            zero |= !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
        }
        zero = false;
        if i == 2 && d == 1 && out.is_empty() && leading {
            out.push('十');
        } else {
            out.push(DIGIT_WORDS[usize::from(d)]);
            out.push_str(PLACES[i]);
        }
    }
    out
}

/// A whole number written in digits (ASCII or full-width), as the Chinese words it is read
/// with: "1687" → 一千六百八十七, "20000" → 两万, "105" → 一百零五, "110" → 一百一十, "10" → 十,
/// "100010000" → 一亿零一万, "0" → 零.
///
/// - Leading zeros are dropped ("007" → 七).
/// - 两 rather than 二 before 千, 万 or 亿 at the start of the number ("2000" → 两千, "22000" →
///   两万二千); 二 elsewhere ("200" → 二百, "2" → 二).
/// - Groups of four digits take the places 万, 亿, 万亿; a zero between groups is said once
///   ("10005" → 一万零五, "100010000" → 一亿零一万). Above 亿 the 万 and 亿 join as spoken:
///   "1200000000000" → 一万二千亿 (the page's former script said 一万亿二千亿, which no reader
///   takes for one number), "1000000000000" → 一万亿.
/// - A number of more than [`MAX_PLACE_DIGITS`] digits (leading zeros dropped) is read digit by
///   digit, as [`digit_by_digit`].
///
/// What this writes, the core's reader of Chinese numerals ([`parse_quantity`], the recogniser)
/// reads back to the same value. `None` when `digits` is empty or holds anything but digits.
pub fn integer_in_words(digits: &str) -> Option<String> {
    let values = digit_values(digits)?;
    // Leading zeros dropped, one kept for zero itself.
    let first = values
        .iter()
        .position(|&d| d != 0)
        .unwrap_or(values.len() - 1);
    let values = &values[first..];
    if values.len() > MAX_PLACE_DIGITS {
        return Some(each_digit(values, '零'));
    }
    if values == [0] {
        return Some("零".to_string());
    }
    // Groups of four from the right, highest first.
    let mut groups: Vec<u16> = values
        .rchunks(4)
        .map(|chunk| chunk.iter().fold(0u16, |n, &d| n * 10 + u16::from(d)))
        .collect();
    groups.reverse();
    let mut out = String::new();
    let mut need_zero = false;
    for (g, &n) in groups.iter().enumerate() {
        let place = match BIG_PLACES[groups.len() - 1 - g] {
            // 一万二千亿, not 一万亿二千亿: the 亿 group's own 亿 follows.
            "万亿" if groups.get(g + 1).is_some_and(|&yi| yi != 0) => "万",
            place => place,
        };
        if n == 0 {
            need_zero |= !out.is_empty();
            continue;
        }
        if !out.is_empty() && (need_zero || n < 1000) {
            out.push('零');
        }
        need_zero = false;
        let leading = out.is_empty();
        out.push_str(&group_in_words(n, leading));
        out.push_str(place);
    }
    // 两千, 两万, 两亿 rather than 二千, 二万, 二亿 at the start of a number.
    if let Some(rest) = out.strip_prefix('二') {
        if rest.starts_with(['千', '万', '亿']) {
            out = format!("两{rest}");
        }
    }
    Some(out)
}

/// A number written in digits with an optional fraction after `.` or `．`, as words: "14.5" →
/// 十四点五, "0.35" → 零点三五, "3.05" → 三点零五, "1687" → 一千六百八十七. The whole part as
/// [`integer_in_words`], the fraction digit by digit, every digit kept ("2.50" → 二点五零).
/// `None` unless digits stand on both sides of the one point (when there is one).
pub fn number_in_words(number: &str) -> Option<String> {
    let (whole, fraction) = match number.split_once(['.', '．']) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (number, None),
    };
    let mut words = integer_in_words(whole)?;
    if let Some(fraction) = fraction {
        words.push('点');
        words.push_str(&each_digit(&digit_values(fraction)?, '零'));
    }
    Some(words)
}

/// Digits read one by one, as a code or a number too long for places is read: "0791" →
/// 零七九一, "12345678901234567" → 一二三四五六七八九零一二三四五六七. `None` when `digits` is
/// empty or holds anything but digits.
pub fn digit_by_digit(digits: &str) -> Option<String> {
    Some(each_digit(&digit_values(digits)?, '零'))
}

/// A year read digit by digit with 〇 for zero, as years are: "2024" → 二〇二四, "1949" →
/// 一九四九. `None` when `year` is empty or holds anything but digits.
pub fn year_in_words(year: &str) -> Option<String> {
    Some(each_digit(&digit_values(year)?, '〇'))
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

    #[test]
    fn amounts_read_back_what_they_write() {
        for (text, mantissa, scale) in [
            ("16870000", 16870000, 0),
            ("14.5", 145, 1),
            ("0.05", 5, 2),
            ("14.50", 145, 1),
            ("0", 0, 0),
        ] {
            let a = Amount::parse(text).unwrap();
            assert_eq!((a.mantissa, a.scale), (mantissa, scale), "{text}");
            assert_eq!(Amount::parse(&a.to_string()), Some(a));
        }
        for bad in [
            "",
            ".",
            "1.",
            ".5",
            "1.2.3",
            "-1",
            "1e5",
            "１",
            "1,000",
            " 1",
            "99999999999999999999",
        ] {
            assert_eq!(Amount::parse(bad), None, "{bad:?}");
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
    fn full_width_digits() {
        assert_eq!(amount("１６８７万"), Amount::new(16_870_000, 0));
        assert_eq!(amount("２．４"), Amount::new(24, 1));
        assert_eq!(amount("１，６８７"), Amount::new(1687, 0));
        assert_eq!(amount("１,６８７"), Amount::new(1687, 0));
        assert_eq!(amount("82，225.5"), Amount::new(822_255, 1));
        // After four digits "，" is a comma of the sentence.
        assert_eq!(error("1687，100").kind_name(), "unknown magnitude");
        // Digits after 万 or 亿 count below it.
        assert_eq!(amount("3万4000"), Amount::new(34_000, 0));
        assert_eq!(amount("1亿2685万"), Amount::new(126_850_000, 0));
        assert_eq!(error("3万40000").kind_name(), "unknown magnitude");
    }

    #[test]
    fn chinese_decimals_and_spoken_forms() {
        let table: &[(&str, Amount)] = &[
            ("十四点五", Amount::new(145, 1)),
            ("零点五", Amount::new(5, 1)),
            ("六点四二万", Amount::new(64_200, 0)),
            ("〇", Amount::new(0, 0)),
            ("一百二", Amount::new(120, 0)),
            ("两千六", Amount::new(2600, 0)),
            ("三万五", Amount::new(35_000, 0)),
            ("一亿五", Amount::new(150_000_000, 0)),
            ("一百零二", Amount::new(102, 0)),
            ("三万零五", Amount::new(30_005, 0)),
            ("十几万", Amount::new(100_000, 0)),
            ("二十几", Amount::new(20, 0)),
        ];
        // A unit that starts with a place after 万 or 亿 is the unit.
        for (written, value, unit) in [
            ("四百亿千瓦时", 40_000_000_000u64, "千瓦时"),
            ("五百四十万千瓦", 5_400_000, "千瓦"),
            ("一百千米", 100, "千米"),
        ] {
            let chars: Vec<char> = written.chars().collect();
            let (read, end) = read_chinese(&chars, 0).unwrap_or_default();
            let rest: String = chars.get(end..).unwrap_or_default().iter().collect();
            assert_eq!((read, rest.as_str()), (value, unit), "{written}");
        }
        for (written, value) in table {
            assert_eq!(amount(written), *value, "{written}");
        }
        // A year written digit by digit is no numeral: it stops after 二.
        assert_eq!(error("二〇二四").kind_name(), "unknown magnitude");
        assert_eq!(error("十点").kind_name(), "unknown magnitude");
        assert_eq!(error("三几").kind_name(), "unknown magnitude");
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

    // ---- writing numbers as words ----

    #[test]
    fn integers_in_words() {
        let table: &[(&str, &str)] = &[
            ("0", "零"),
            ("000", "零"),
            ("7", "七"),
            ("007", "七"),
            ("10", "十"),
            ("15", "十五"),
            ("20", "二十"),
            ("105", "一百零五"),
            ("110", "一百一十"),
            ("200", "二百"),
            ("1000", "一千"),
            ("1005", "一千零五"),
            ("1050", "一千零五十"),
            ("1687", "一千六百八十七"),
            ("2000", "两千"),
            ("2600", "两千六百"),
            ("10000", "一万"),
            ("10005", "一万零五"),
            ("10500", "一万零五百"),
            ("20000", "两万"),
            ("22000", "两万二千"),
            ("100010", "十万零一十"),
            ("150000", "十五万"),
            ("16870000", "一千六百八十七万"),
            ("100000000", "一亿"),
            ("100010000", "一亿零一万"),
            ("200000000", "两亿"),
            ("1000000000000", "一万亿"),
            ("2000000000000", "两万亿"),
            ("1000100000000", "一万零一亿"),
            ("1200000000000", "一万二千亿"),
            ("1000050000000", "一万亿零五千万"),
            ("1000000000005", "一万亿零五"),
            ("１６８７", "一千六百八十七"),
            ("12345678901234567", "一二三四五六七八九零一二三四五六七"),
        ];
        for (digits, words) in table {
            assert_eq!(
                integer_in_words(digits).as_deref(),
                Some(*words),
                "{digits}"
            );
        }
        for bad in ["", "1.5", "-1", "1,000", "一", " 1", "1a"] {
            assert_eq!(integer_in_words(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn numbers_digits_and_years_in_words() {
        let table: &[(&str, &str)] = &[
            ("14.5", "十四点五"),
            ("0.35", "零点三五"),
            ("3.05", "三点零五"),
            ("2.50", "二点五零"),
            ("0.0", "零点零"),
            ("２．４", "二点四"),
            ("1687", "一千六百八十七"),
        ];
        for (number, words) in table {
            assert_eq!(number_in_words(number).as_deref(), Some(*words), "{number}");
        }
        for bad in ["", ".5", "1.", "1.2.3", "1．2.3", "14.5%"] {
            assert_eq!(number_in_words(bad), None, "{bad:?}");
        }
        assert_eq!(digit_by_digit("0791").as_deref(), Some("零七九一"));
        assert_eq!(year_in_words("2024").as_deref(), Some("二〇二四"));
        assert_eq!(year_in_words("２０３０").as_deref(), Some("二〇三〇"));
        assert_eq!(year_in_words("二〇二四"), None);
        assert_eq!(digit_by_digit(""), None);
    }

    /// Every number written as words reads back to itself with the reader.
    fn reads_back(n: u64) {
        let words = integer_in_words(&n.to_string()).unwrap_or_default();
        let chars: Vec<char> = words.chars().collect();
        assert_eq!(
            read_chinese(&chars, 0),
            Ok((n, chars.len())),
            "{n}: {words}"
        );
    }

    #[test]
    fn what_is_written_in_words_reads_back() {
        for n in 0..=120_000 {
            reads_back(n);
        }
        // Every pattern of zero and non-zero digits up to sixteen places, and random values.
        for places in 1..=MAX_PLACE_DIGITS {
            for mask in 0u32..(1 << places.min(12)) {
                let digits: String = (0..places)
                    .map(|k| match (k == 0, mask >> (k % 12) & 1) {
                        (true, _) | (false, 1) => char::from(b'1' + (k % 9) as u8),
                        _ => '0',
                    })
                    .collect();
                reads_back(digits.parse().unwrap_or(0));
            }
        }
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        for _ in 0..100_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            reads_back(seed % 10u64.pow(16));
            reads_back(seed % 10u64.pow(1 + (seed % 16) as u32));
        }
        // With a fraction, through parse_quantity.
        for number in ["14.5", "0.35", "3.05", "1687.125", "100010000.01"] {
            let words = number_in_words(number).unwrap_or_default();
            assert_eq!(
                parse_quantity(&words).ok(),
                Amount::parse(number),
                "{words}"
            );
        }
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
}
