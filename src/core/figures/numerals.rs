//! Numerals: exact [`Amount`]s, reading Arabic and Chinese numbers and their magnitudes
//! (万, 亿, …), and [`parse_quantity`] with its typed [`FigureError`].

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
/// - 数 / 几 and 余 / 多 do not change the value: the qualifier is
///   [`recognise`](super::recognise)'s business.
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
    pub(super) more: bool,
    pub(super) several: bool,
    /// The number was a Chinese numeral, spanning characters `numeral.0..numeral.1`.
    pub(super) chinese: Option<(usize, usize)>,
}

pub(super) fn is_chinese_numeral(c: char) -> bool {
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

/// Reads `[数|几] number [余|多] [magnitude] [余|多]` at `at`; see [`parse_quantity`].
pub(super) fn read_quantity(chars: &[char], at: usize) -> Result<Quantity, FigureErrorKind> {
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
pub(super) fn arabic_run_end(chars: &[char], at: usize) -> usize {
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
}
