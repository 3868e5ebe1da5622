//! Figures as spoken words (朗读): what a listener should hear for a passage of a report.
//!
//! The page reads a section aloud with the browser's speech synthesis, one heading or sentence
//! at a time. A voice reads "1687" or "14.5%" unevenly (digit by digit, in English, or with the
//! symbol's name), so what is spoken is a copy of the text in which every figure is written as
//! the words a listener expects; the page's text is never changed. [`spoken`] makes that copy:
//!
//! | written      | spoken             |
//! |--------------|--------------------|
//! | 1687万元     | 一千六百八十七万元 |
//! | 同比增长14.5% | 同比增长百分之十四点五 |
//! | 2024年       | 二〇二四年         |
//! | 2023-2024年  | 二〇二三至二〇二四年 |
//! | 1-8月        | 一至八月           |
//! | 2万人次      | 两万人次           |
//! | 100010000    | 一亿零一万         |
//! | 3.05亿元     | 三点零五亿元       |
//! | 1,687        | 一千六百八十七     |
//!
//! The numbers themselves are written by the core's one numeral module, `figures::numerals`
//! ([`integer_in_words`](crate::figures::integer_in_words), [`number_in_words`],
//! [`year_in_words`], [`digit_by_digit`]), whose words its reader reads back to the same value;
//! a test (`tests/spoken.rs`) checks that every figure of the reports, spoken, is recognised
//! again with the same value, unit and qualifier.
//!
//! # The rules, in order
//!
//! 1. **Thousands separators** go: a `,` between digits followed by exactly three digits
//!    ("1,687"); a `，` only where the figure reader takes it for one — after one to three
//!    digits ("82，225"), in a number already grouped, or between full-width digits — so that
//!    "增长1687，100家…" stays two numbers.
//! 2. **Full-width digits** become digits ("１６８７" is read as "1687"), and `．` between
//!    digits a decimal point: a listener must never hear a digit read as a symbol.
//! 3. **Ranges**: a dash (- － ~ ～ 〜 — –, also doubled: —— --) between two numbers, spaces
//!    around it allowed, is 至: "1-8月" → 一至八月, "2023-2024年" → 二〇二三至二〇二四年; also
//!    after a percentage or a magnitude: "5%—6%" → 百分之五至百分之六, "1万-5万元" →
//!    一万至五万元 (not after a unit: "2023年-2024年" keeps its dash).
//! 4. **Percentages**: a number then `%` or `％` is 百分之 and the number: "14.5%" →
//!    百分之十四点五. The low end of a range written once before the `%` takes 百分之 too:
//!    "3—5%" → 百分之三至百分之五. A sign right before a percentage (a change: "同比-3.6%")
//!    is 负 / 正, where the recogniser reads it as a sign (not after a letter, digit, point,
//!    range separator or another sign).
//! 5. **Years**: four digits right before 年 (or before 至 and another year with 年), not
//!    after a digit or a point, are read digit by digit with 〇: "2024年" → 二〇二四年.
//! 6. **Other numbers** as words ([`number_in_words`]): "105" → 一百零五, "0.5" → 零点五,
//!    "20000" → 两万; a lone 2 before 千, 万 or 亿 is 两 ("2万" → 两万), and before a unit of
//!    measure too ("2个" → 两个, "2倍" → 两倍; not after 第: "第2个" → 第二个). A number of
//!    more than sixteen digits, and a code (three or more digits starting with 0: "0791"; or
//!    eleven starting with 1, a mobile number) are read digit by digit: 零七九一.
//!
//! Everything else is left as written; a text without digits comes back unchanged, and the
//! result holds no ASCII or full-width digit. Any text is accepted; nothing makes this panic.
//!
//! # Where this differs from the JavaScript it replaces
//!
//! `static/read-aloud.js` (`spoken`, `integer`, `number`, `group`) did rules 1 and 3–6 for
//! ASCII digits. This module also:
//!
//! - reads full-width digits and `．` (rule 2);
//! - takes `，` for a separator only where the figure reader does (the script took any);
//! - joins doubled dashes, 〜, and a dash after a percentage or a magnitude (the script left
//!   "5%—6%" as 百分之五—百分之六, "1万-5万元" as 一万-五万元 and "——" as written);
//! - gives a percentage range's low end its 百分之 (the script said 三至百分之五);
//! - says a sign before a percentage (the script left the symbol);
//! - joins 万 and 亿 above 亿 as they are spoken (一万二千亿; the script said 一万亿二千亿,
//!   which no reader takes for one number);
//! - says 两 before a unit of measure (the script said 二个, which the recogniser, like a
//!   listener, does not take for a quantity);
//! - reads codes digit by digit (the script dropped their leading zeros: 七百九十一 for 0791).

use crate::figures::{digit_by_digit, number_in_words, unit_at, year_in_words, MAX_PLACE_DIGITS};

/// What a listener should hear for `text`: the same text with every number written as words
/// (see the [module documentation](self) for the rules). "1687万元" → 一千六百八十七万元,
/// "同比增长14.5%" → 同比增长百分之十四点五, "2024年" → 二〇二四年, "1-8月" → 一至八月.
///
/// ```
/// use report_core::spoken::spoken;
/// assert_eq!(spoken("1-8月收入1687万元"), "一至八月收入一千六百八十七万元");
/// assert_eq!(spoken("同比增长14.5%"), "同比增长百分之十四点五");
/// ```
pub fn spoken(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let chars = without_separators(&chars);
    let chars = half_width(&chars);
    let chars = ranges(&chars);
    let chars = percentages(&chars);
    let chars = years(&chars);
    numbers(&chars)
}

/// Range separators between two numbers (rule 3).
const DASHES: &[char] = &['-', '－', '~', '～', '〜', '—', '–'];

/// Signs before a percentage, with what they are read as (rule 4).
const SIGNS: &[(char, char)] = &[
    ('-', '负'),
    ('－', '负'),
    ('−', '负'),
    ('+', '正'),
    ('＋', '正'),
];

fn is_full_width_digit(c: char) -> bool {
    matches!(c, '０'..='９')
}

fn is_any_digit(c: char) -> bool {
    c.is_ascii_digit() || is_full_width_digit(c)
}

fn is_percent(c: char) -> bool {
    matches!(c, '%' | '％')
}

/// Whether `chars[at]` is a digit (ASCII or full-width).
fn digit_at(chars: &[char], at: usize) -> bool {
    chars.get(at).copied().is_some_and(is_any_digit)
}

fn ascii_digit_at(chars: &[char], at: usize) -> bool {
    chars.get(at).is_some_and(char::is_ascii_digit)
}

/// The end of the ASCII digits starting at `at` (`at` itself when there are none).
fn ascii_digits_end(chars: &[char], at: usize) -> usize {
    let mut i = at;
    while ascii_digit_at(chars, i) {
        i += 1;
    }
    i
}

/// The end of an ASCII number `\d+(\.\d+)?` starting at `at` (a digit).
fn number_end(chars: &[char], at: usize) -> usize {
    let end = ascii_digits_end(chars, at);
    if chars.get(end) == Some(&'.') && ascii_digit_at(chars, end + 1) {
        ascii_digits_end(chars, end + 1)
    } else {
        end
    }
}

/// Rule 1: thousands separators dropped.
fn without_separators(chars: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(chars.len());
    // Digits since the number started, and whether a separator was dropped in it.
    let mut run = 0usize;
    let mut grouped = false;
    for (i, &c) in chars.iter().enumerate() {
        if is_any_digit(c) {
            run += 1;
            out.push(c);
            continue;
        }
        let three_follow = digit_at(chars, i + 1)
            && digit_at(chars, i + 2)
            && digit_at(chars, i + 3)
            && !digit_at(chars, i + 4);
        let separator = run > 0
            && three_follow
            && match c {
                ',' => true,
                '，' => {
                    run <= 3
                        || grouped
                        || (chars
                            .get(i.wrapping_sub(1))
                            .is_some_and(|&p| is_full_width_digit(p))
                            && chars.get(i + 1).is_some_and(|&n| is_full_width_digit(n)))
                }
                _ => false,
            };
        if separator {
            grouped = true;
        } else {
            out.push(c);
            run = 0;
            grouped = false;
        }
    }
    out
}

/// Rule 2: full-width digits as ASCII digits, `．` between digits as `.`.
fn half_width(chars: &[char]) -> Vec<char> {
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| match c {
            '０'..='９' => char::from(b'0' + (u32::from(c) - u32::from('０')) as u8),
            '．' if i > 0 && digit_at(chars, i - 1) && digit_at(chars, i + 1) => '.',
            _ => c,
        })
        .collect()
}

/// What may stand between the low end of a range and its dash: a magnitude or a percent sign
/// ("1万-5万元", "1.5亿—2亿元", "5%-6%").
fn is_low_end_word(c: char) -> bool {
    matches!(c, '万' | '亿' | '千' | '百' | '%' | '％') || c.is_whitespace()
}

/// Rule 3: a dash between two numbers (after a digit, or a digit and a magnitude or a percent
/// sign; before a digit) is 至.
fn ranges(chars: &[char]) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if DASHES.contains(&c) {
            // After: the same dash once more, spaces, a digit.
            let mut after = i + 1;
            if chars.get(after) == Some(&c) {
                after += 1;
            }
            while chars.get(after).is_some_and(|c| c.is_whitespace()) {
                after += 1;
            }
            // Before: spaces, a magnitude or a percent sign ("1万-5万元", "5%-6%"), a digit.
            let kept = out
                .iter()
                .rposition(|c| !c.is_whitespace())
                .map_or(0, |p| p + 1);
            let low_end = out[..kept]
                .iter()
                .rev()
                .take(3)
                .find(|c| !is_low_end_word(**c));
            if ascii_digit_at(chars, after) && low_end.is_some_and(char::is_ascii_digit) {
                out.truncate(kept);
                out.push('至');
                i = after;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Rule 4: percentages as 百分之, with the low end of a range and a sign.
fn percentages(chars: &[char]) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if !c.is_ascii_digit() {
            out.push(c);
            i += 1;
            continue;
        }
        let end = number_end(chars, i);
        let mut percent = end;
        while chars.get(percent).is_some_and(|c| c.is_whitespace()) {
            percent += 1;
        }
        if !chars.get(percent).copied().is_some_and(is_percent) {
            out.extend_from_slice(&chars[i..end]);
            i = end;
            continue;
        }
        let number: String = chars[i..end].iter().collect();
        if out.last() == Some(&'至') {
            low_end_as_percentage(&mut out);
        } else if let Some(word) = sign_before(&out) {
            out.pop();
            out.push(word);
        }
        out.extend("百分之".chars());
        out.extend(number_in_words(&number).unwrap_or(number).chars());
        i = percent + 1;
    }
    out
}

/// "3至" before a percentage: the low end "3" becomes 百分之三 (what is written so far is
/// `out`, ending in 至).
fn low_end_as_percentage(out: &mut Vec<char>) {
    let to = out.len() - 1;
    let mut from = to;
    while from > 0 && (out[from - 1].is_ascii_digit() || out[from - 1] == '.') {
        from -= 1;
    }
    // Only a whole ASCII number: digits, maybe one point between digits.
    let low: String = out[from..to].iter().collect();
    let whole_number = !low.is_empty()
        && low.starts_with(|c: char| c.is_ascii_digit())
        && low.ends_with(|c: char| c.is_ascii_digit())
        && low.matches('.').count() <= 1;
    if !whole_number {
        return;
    }
    let Some(words) = number_in_words(&low) else {
        return;
    };
    out.truncate(from);
    out.extend("百分之".chars());
    out.extend(words.chars());
    out.push('至');
}

/// The word for a sign that ends `out`, where the recogniser reads it as the sign of a rate
/// ("同比-3.6%"), not as a dash or part of a code.
fn sign_before(out: &[char]) -> Option<char> {
    let (&sign, before) = out.split_last()?;
    let (_, word) = SIGNS.iter().find(|(s, _)| *s == sign)?;
    let free = !before.last().is_some_and(|&b| {
        b.is_ascii_alphanumeric()
            || is_any_digit(b)
            || matches!(b, '.' | '．' | '至' | '到')
            || DASHES.contains(&b)
            || SIGNS.iter().any(|(s, _)| *s == b)
    });
    free.then_some(*word)
}

/// Rule 5: years before 年 digit by digit with 〇.
fn years(chars: &[char]) -> Vec<char> {
    let is_year = |at: usize| {
        (at..at + 4).all(|k| ascii_digit_at(chars, k))
            && (at == 0 || !(chars[at - 1].is_ascii_digit() || chars[at - 1] == '.'))
            && match chars.get(at + 4) {
                Some('年') => true,
                Some('至') => {
                    (at + 5..at + 9).all(|k| ascii_digit_at(chars, k))
                        && chars.get(at + 9) == Some(&'年')
                }
                _ => false,
            }
    };
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c.is_ascii_digit() && is_year(i) {
            let year: String = chars[i..i + 4].iter().collect();
            out.extend(year_in_words(&year).unwrap_or(year).chars());
            i += 4;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Rule 6: every other number as words.
fn numbers(chars: &[char]) -> String {
    let mut out = String::with_capacity(chars.len() * 3);
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if !c.is_ascii_digit() {
            out.push(c);
            i += 1;
            continue;
        }
        let end = number_end(chars, i);
        let number: String = chars[i..end].iter().collect();
        let next = chars.get(end).copied();
        let whole = !number.contains('.');
        let code = whole
            && ((number.starts_with('0') && number.len() >= 3)
                || (number.starts_with('1') && number.len() == 11));
        let words = if number == "2" && says_two_as_liang(chars, i, next) {
            Some("两".to_string())
        } else if code || (whole && number.len() > MAX_PLACE_DIGITS) {
            digit_by_digit(&number)
        } else {
            number_in_words(&number)
        };
        out.push_str(&words.unwrap_or(number));
        i = end;
    }
    out
}

/// Whether the lone "2" at `at`, followed by `next`, is said 两: before 千, 万 or 亿 ("2万"),
/// or before a unit of measure that is not a percentage ("2个", "2倍"), except after 第.
fn says_two_as_liang(chars: &[char], at: usize, next: Option<char>) -> bool {
    if matches!(next, Some('千' | '万' | '亿')) {
        return true;
    }
    let ordinal = at > 0 && chars[at - 1] == '第';
    let unit = unit_at(chars, at + 1);
    !ordinal && unit.is_some_and(|u| !matches!(u, "%" | "％" | "百分点"))
}

/// What the page promises a listener hears for these written forms (README, 朗读): checked
/// here natively and, through the care module, in the browser (`crates/e2e/tests/e2e_care.rs`).
pub const PROMISED: [(&str, &str); 16] = [
    ("1687万元", "一千六百八十七万元"),
    ("同比增长14.5%", "同比增长百分之十四点五"),
    ("2024年", "二〇二四年"),
    ("2023-2024年", "二〇二三至二〇二四年"),
    ("1-8月", "一至八月"),
    ("6000余亩", "六千余亩"),
    ("105人", "一百零五人"),
    ("110户", "一百一十户"),
    ("10月初", "十月初"),
    ("2万人次", "两万人次"),
    ("20000元", "两万元"),
    ("100010000", "一亿零一万"),
    ("3.05亿元", "三点零五亿元"),
    ("1,687", "一千六百八十七"),
    ("0.5%", "百分之零点五"),
    ("约20余次", "约二十余次"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn check(table: &[(&str, &str)]) {
        for (written, said) in table {
            assert_eq!(spoken(written), *said, "{written}");
        }
    }

    #[test]
    fn the_forms_the_page_promises() {
        check(&PROMISED);
    }

    #[test]
    fn a_passage_keeps_its_words() {
        check(&[
            (
                "1-8月全镇完成财税收入1687万元，同比增长14.5%。",
                "一至八月全镇完成财税收入一千六百八十七万元，同比增长百分之十四点五。",
            ),
            ("", ""),
            ("没有数字的句子。", "没有数字的句子。"),
            ("十三五、二〇二四年", "十三五、二〇二四年"),
        ]);
    }

    #[test]
    fn ranges() {
        check(&[
            ("5%—6%", "百分之五至百分之六"),
            ("5%-6%", "百分之五至百分之六"),
            ("5% - 6%", "百分之五至百分之六"),
            ("5％～6％", "百分之五至百分之六"),
            ("3—5%", "百分之三至百分之五"),
            ("3至5%", "百分之三至百分之五"),
            ("5.0%—5.5%", "百分之五点零至百分之五点五"),
            ("10至500万元", "十至五百万元"),
            ("1万-5万元", "一万至五万元"),
            ("1.5亿—2亿元", "一点五亿至两亿元"),
            ("200元-500元", "二百元-五百元"),
            ("1 - 8月", "一至八月"),
            ("3——5年", "三至五年"),
            ("3--5个", "三至五个"),
            ("1〜2个", "一至两个"),
            ("2024—2029年", "二〇二四至二〇二九年"),
            ("2023年-2024年", "二〇二三年-二〇二四年"),
            ("1-2-3", "一至二至三"),
            // A dash with no number on one side is a dash.
            ("——2万元", "——两万元"),
            ("A-5", "A-五"),
        ]);
    }

    #[test]
    fn bounds_and_qualifiers_keep_their_words() {
        check(&[
            ("1200万人以上", "一千二百万人以上"),
            ("不低于5%", "不低于百分之五"),
            ("3%以内", "百分之三以内"),
            ("5%左右", "百分之五左右"),
            ("突破3万人次", "突破三万人次"),
            ("不足5000人", "不足五千人"),
            ("近1亿人", "近一亿人"),
        ]);
    }

    #[test]
    fn signs_before_a_percentage() {
        check(&[
            ("同比-3.6%", "同比负百分之三点六"),
            ("-22.2%", "负百分之二十二点二"),
            ("＋1.2%", "正百分之一点二"),
            // Not a sign: a range, a formula, a code.
            ("1-5%", "百分之一至百分之五"),
            ("“1+10”", "“一+十”"),
            ("A-5%", "A-百分之五"),
        ]);
    }

    #[test]
    fn two_is_liang_before_a_magnitude_or_a_unit() {
        check(&[
            ("2万", "两万"),
            ("2千", "两千"),
            ("2亿元", "两亿元"),
            ("2000", "两千"),
            ("2个", "两个"),
            ("2倍", "两倍"),
            ("2个百分点", "两个百分点"),
            ("2个月", "两个月"),
            ("第2个", "第二个"),
            ("2月", "二月"),
            ("2号", "二号"),
            ("2%", "百分之二"),
            ("2", "二"),
            ("200人", "二百人"),
            ("12个", "十二个"),
            ("1-2个", "一至两个"),
        ]);
    }

    #[test]
    fn full_width_digits_are_read() {
        check(&[
            ("１６８７万元", "一千六百八十七万元"),
            ("２．４％", "百分之二点四"),
            ("１，６８７", "一千六百八十七"),
            ("２０２４年", "二〇二四年"),
            ("１－８月", "一至八月"),
        ]);
    }

    #[test]
    fn separators_where_the_figure_reader_takes_them() {
        check(&[
            ("1,687,000", "一百六十八万七千"),
            ("82，225元", "八万二千二百二十五元"),
            ("1,68", "一,六十八"),
            ("1687，100家", "一千六百八十七，一百家"),
            ("1,2345", "一,两千三百四十五"),
        ]);
    }

    #[test]
    fn long_numbers_zeros_and_fractions() {
        check(&[
            ("0", "零"),
            ("0.0", "零点零"),
            ("10", "十"),
            ("15", "十五"),
            ("100", "一百"),
            ("1005", "一千零五"),
            ("1050", "一千零五十"),
            ("10005", "一万零五"),
            ("100010", "十万零一十"),
            ("1000000000000", "一万亿"),
            (
                "9999999999999999",
                "九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九",
            ),
            ("12345678901234567", "一二三四五六七八九零一二三四五六七"),
            ("05月", "五月"),
            ("0791", "零七九一"),
            ("000", "零零零"),
            ("13800138000", "一三八零零一三八零零零"),
            (
                "3.14159265358979323846",
                "三点一四一五九二六五三五八九七九三二三八四六",
            ),
            ("1.2.3", "一点二.三"),
            ("2.50元", "二点五零元"),
            ("PM2.5", "PM二点五"),
        ]);
    }

    #[test]
    fn years_only_before_nian() {
        check(&[
            ("2024", "两千零二十四"),
            ("2024年度", "二〇二四年度"),
            ("12024年", "一万二千零二十四年"),
            ("1.2024年", "一点二零二四年"),
            ("（2021—2025年）", "（二〇二一至二〇二五年）"),
            ("2023至2024年", "二〇二三至二〇二四年"),
        ]);
    }

    /// A small deterministic generator (xorshift), so that the fuzz test needs no crate.
    fn next(seed: &mut u64) -> u64 {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed
    }

    #[test]
    fn any_text_is_spoken_without_digits_and_without_panicking() {
        const ALPHABET: &[char] = &[
            '0', '1', '2', '5', '9', '０', '２', '９', '.', '．', ',', '，', '%', '％', '-', '－',
            '—', '–', '~', '～', '〜', '+', '＋', '−', ' ', '\u{3000}', '至', '年', '月', '万',
            '亿', '千', '百', '个', '元', '第', '余', '约', '以', '上', '。', 'A', '二', '〇',
            '\n', '"', '’', '👍',
        ];
        let mut seed = 0x2024_0814_u64;
        for _ in 0..20_000 {
            let len = (next(&mut seed) % 24) as usize;
            let text: String = (0..len)
                .map(|_| ALPHABET[(next(&mut seed) % ALPHABET.len() as u64) as usize])
                .collect();
            let said = spoken(&text);
            assert!(
                !said.chars().any(is_any_digit),
                "{text:?} is spoken {said:?}"
            );
            // What is spoken is spoken as it is.
            assert_eq!(spoken(&said), said, "{text:?}");
            if !text.chars().any(is_any_digit) {
                assert_eq!(said, text);
            }
        }
    }
}
