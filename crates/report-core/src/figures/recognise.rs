//! The recogniser: finds figures in a text, reads their qualifiers, and attaches changes and
//! periods to them. What it accepts is documented on [`super::recognise`].

use std::cmp::Ordering;

use super::numerals::{
    arabic_digit, arabic_run_end, is_arabic_digit, is_chinese_numeral, is_more, read_arabic,
    read_quantity, Quantity,
};
use super::words::{
    is_sentence_end, longest_at, longest_before, word_at, Bound, CHANGE_BASES, CHANGE_UNITS,
    CHANGE_VERBS, CURRENCIES, MINUS_SIGNS, NOT_AFTER, NOT_PREFIXES, PERCENT_WORDS, PLUS_SIGNS,
    PREFIXES, RANGE_SEPARATORS, RATIO_SEPARATORS, SET_PHRASES, SUFFIXES, UNITS,
};
use super::{Amount, Change, Direction, Figure, Qualifier};

/// A figure before its change is attached, with where its basis or verb of change starts.
struct Found {
    figure: Figure,
    /// Byte offset where the written change ("同比增长") starts, for a change figure.
    change_start: Option<usize>,
}

/// What starts at a character.
enum At {
    /// A figure spanning characters `.0...1`.
    Figure(usize, usize, Box<Found>),
    /// No figure, and none starts before this character: a date, a time, a phone number.
    Skip(usize),
    /// No figure.
    Nothing,
}

/// What is written right after a number.
enum Following {
    /// A unit, with its length in characters.
    Unit(&'static str, usize),
    /// A word that makes the number a date, a duration or an ordinal, with its length.
    NoFigure(usize),
    Nothing,
}

/// A single quantity read up to its unit, before its qualifiers are looked for.
struct Single {
    /// Where the number starts (its 数, or the 百 of 百分之).
    number: usize,
    /// Where the number (with its 余 / 多 and magnitude) ends.
    number_end: usize,
    /// The unit as listed ("万元" is "元" here), or 百分之.
    unit: &'static str,
    /// Where the unit ends.
    end: usize,
    value: Amount,
    more: bool,
    several: bool,
    /// An Arabic number, which a sign may precede.
    arabic: bool,
    /// A Chinese numeral of magnitudes only ("千", "万", "亿万"): a figure only with 数, 余 / 多
    /// or a bound before it.
    bare_magnitude: bool,
}

impl Bound {
    fn qualifier(self) -> Qualifier {
        match self {
            Bound::About => Qualifier::About,
            Bound::Around => Qualifier::Around,
            Bound::Passed => Qualifier::Passed,
            Bound::AtLeast => Qualifier::AtLeast,
            Bound::AtMost => Qualifier::AtMost,
            Bound::LessThan => Qualifier::LessThan,
            Bound::Nearly => Qualifier::Nearly,
        }
    }
}

/// Compares two amounts by value.
fn compare(a: Amount, b: Amount) -> Ordering {
    // `x × 10^shift` against `y`; a product too big for u128 is bigger than any u64.
    fn scaled(x: u64, shift: u32, y: u64) -> Ordering {
        match 10u128
            .checked_pow(shift)
            .and_then(|f| u128::from(x).checked_mul(f))
        {
            Some(x) => x.cmp(&u128::from(y)),
            None if x == 0 => 0.cmp(&y),
            None => Ordering::Greater,
        }
    }
    if a.scale >= b.scale {
        scaled(b.mantissa, a.scale - b.scale, a.mantissa).reverse()
    } else {
        scaled(a.mantissa, b.scale - a.scale, b.mantissa)
    }
}

pub(super) struct Recogniser<'t> {
    text: &'t str,
    chars: Vec<char>,
    /// Byte offset of every character, and `text.len()` at the end.
    offsets: Vec<usize>,
}

impl<'t> Recogniser<'t> {
    pub(super) fn new(text: &'t str) -> Self {
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

    fn char_at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    pub(super) fn run(&self) -> Vec<Figure> {
        let mut found: Vec<Found> = Vec::new();
        // A period waiting for its figure: its text and where it ends (character index).
        let mut period: Option<(String, usize)> = None;
        let mut last_end = 0;
        let mut i = 0;
        while let Some(c) = self.char_at(i) {
            // Fast path: most characters can start nothing.
            let may_start =
                is_arabic_digit(c) || matches!(c, '数' | '几') || may_start_set_phrase(c);
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
            match self.figure_at(i, last_end) {
                At::Figure(start, end, f) => {
                    let mut f = *f;
                    if let Some((p, p_end)) = period.take() {
                        let between = self.chars.get(p_end..start).unwrap_or(&[]);
                        if !between.iter().any(|c| is_sentence_end(*c)) {
                            f.figure.period = Some(p);
                        }
                    }
                    found.push(f);
                    last_end = end;
                    i = end.max(i + 1);
                }
                At::Skip(end) => i = end.max(i + 1),
                At::Nothing => i = self.skip(i),
            }
        }
        self.attach_changes(found)
    }

    /// Where to go on from `i` when nothing starts there: past the whole number, so that no
    /// figure starts in the middle of one.
    fn skip(&self, i: usize) -> usize {
        let chars = &self.chars;
        let end = match self.char_at(i) {
            Some(c) if is_arabic_digit(c) => arabic_run_end(chars, i),
            Some(c) if is_chinese_numeral(c) => {
                let mut j = i;
                while self.char_at(j).is_some_and(is_chinese_numeral) {
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
        let digits = |from: usize| {
            let mut j = from;
            while self.char_at(j).is_some_and(is_arabic_digit) {
                j += 1;
            }
            (j > from && j - from <= 2).then_some(j)
        };
        if i > 0
            && self
                .char_at(i - 1)
                .is_some_and(|c| c.is_ascii_alphanumeric())
        {
            return None;
        }
        let mut j = digits(i)?;
        if self.char_at(j) == Some('月') {
            j += 1;
        }
        if !self
            .char_at(j)
            .is_some_and(|c| RANGE_SEPARATORS.contains(&c))
        {
            return None;
        }
        j = digits(j + 1)?;
        if self.char_at(j) != Some('月') {
            return None;
        }
        j += 1;
        if self.char_at(j) == Some('份') {
            j += 1;
        }
        Some(j)
    }

    /// What is written at `at`, right after a number: a unit, a word that makes it no figure
    /// (the longer wins; a tie goes to the word: "3个月"), or nothing.
    fn after(&self, at: usize) -> Following {
        let unit = longest_at(&self.chars, at, UNITS);
        let not = longest_at(&self.chars, at, NOT_AFTER);
        match (unit, not) {
            (Some((_, u)), Some((_, n))) if n >= u => Following::NoFigure(n),
            (None, Some((_, n))) => Following::NoFigure(n),
            (Some((w, u)), _) => Following::Unit(w, u),
            (None, None) => Following::Nothing,
        }
    }

    /// What starts with the number at `i`; a prefix qualifier or a sign may start before `i`,
    /// but not before `last_end`.
    fn figure_at(&self, i: usize, last_end: usize) -> At {
        let chars = &self.chars;
        let Some(first) = self.char_at(i) else {
            return At::Nothing;
        };
        if word_at(chars, i, PERCENT_WORDS) {
            return self.percent_words_at(i, last_end);
        }
        let arabic = is_arabic_digit(first);
        let chinese_start = is_chinese_numeral(first)
            || (matches!(first, '数' | '几')
                && self.char_at(i + 1).is_some_and(is_chinese_numeral));
        if !arabic && !chinese_start {
            return At::Nothing;
        }
        let before = i.checked_sub(1).and_then(|b| self.char_at(b));
        // Ordinals: "第3批", "十三届五次全会".
        if matches!(before, Some('第' | '届')) {
            return At::Nothing;
        }
        // A Chinese numeral opening a quotation names a slogan: “两个确立”, “三个区分开来”.
        if !arabic && matches!(before, Some('“' | '「' | '『')) {
            return At::Nothing;
        }
        // "G320", "PM2.5", "C919", "v1.2", "1/3".
        let glued = |c: char| {
            c.is_ascii_alphanumeric()
                || matches!(
                    c,
                    '.' | '．' | '/' | '／' | '=' | '%' | '&' | '?' | '#' | '_'
                )
        };
        if arabic && before.is_some_and(glued) {
            return At::Nothing;
        }
        if arabic {
            // Telephone numbers and codes: "0791…", "010", "13800138000".
            let run = (i..)
                .take_while(|&j| self.char_at(j).is_some_and(is_arabic_digit))
                .count();
            let lead = arabic_digit(first);
            if (lead == Some(0) && run >= 3) || (lead == Some(1) && run == 11) {
                return At::Skip(arabic_run_end(chars, i));
            }
        }
        let Ok(q) = read_quantity(chars, i) else {
            return At::Nothing;
        };
        if let Some(at) = self.ratio_at(i, &q) {
            return at;
        }
        if let Some(at) = self.range_at(i, &q) {
            return at;
        }
        let (unit, unit_len) = match self.after(q.end) {
            Following::Unit(unit, len) => (unit, len),
            Following::NoFigure(len) => return At::Skip(q.end + len),
            Following::Nothing => return At::Nothing,
        };
        if let Some((from, to)) = q.chinese {
            // A lone 一 or 二 is a set form ("最后一米", "一次性", "二次供水"), except in "一个
            // 百分点" and "一倍".
            let numeral = chars.get(from..to).unwrap_or(&[]);
            let counted = numeral == ['一'] && matches!(unit, "个百分点" | "百分点" | "倍");
            if matches!(numeral, ['一' | '二']) && !counted && !q.fraction {
                return At::Nothing;
            }
        }
        let end = q.end + unit_len;
        if unit == "位" && word_at(chars, end, "一体") {
            return At::Nothing;
        }
        // Only magnitudes ("千家", "万人", "亿万人", "上千万家") count nothing without 数, 余 / 多
        // or a bound before them ("百余条", "数百名", "超过万亿元", "近万人").
        let bare_magnitude = q.chinese.is_some_and(|(from, to)| {
            let numeral = chars.get(from..to).unwrap_or(&[]);
            numeral
                .iter()
                .all(|c| matches!(c, '百' | '千' | '万' | '亿'))
        });
        self.single(
            Single {
                number: i,
                number_end: q.end,
                unit,
                end,
                value: q.value,
                more: q.more,
                several: q.several,
                arabic,
                bare_magnitude,
            },
            last_end,
        )
    }

    /// 百分之 at `i`, then a number: "百分之五" (5%), "百分之十四点五", "百分之百".
    fn percent_words_at(&self, i: usize, last_end: usize) -> At {
        let number = i + PERCENT_WORDS.chars().count();
        let Ok(q) = read_quantity(&self.chars, number) else {
            return At::Skip(number);
        };
        // "百分之二三十" (twenty or thirty percent) states no one number.
        let continues = self
            .char_at(q.end)
            .is_some_and(|c| is_chinese_numeral(c) || is_arabic_digit(c));
        if q.several || continues {
            return At::Skip(self.skip(q.end));
        }
        self.single(
            Single {
                number: i,
                number_end: q.end,
                unit: PERCENT_WORDS,
                end: q.end,
                value: q.value,
                more: q.more,
                several: false,
                arabic: false,
                bare_magnitude: false,
            },
            last_end,
        )
    }

    /// Base unit, written unit and currency of a figure whose unit (as listed) follows the
    /// number `number..number_end`.
    fn units(
        &self,
        unit: &str,
        number: usize,
        number_end: usize,
    ) -> (String, String, Option<String>) {
        if let Some((_, code)) = CURRENCIES.iter().find(|(u, _)| *u == unit) {
            // The 万 / 亿 / 万亿 of "1687万元", "10万余元" or "3.2万亿美元" belongs to the
            // written unit.
            let mut k = number_end;
            if k > number && is_more(self.chars.get(k - 1)) {
                k -= 1;
            }
            let ends_with = |word: &str| {
                let len = word.chars().count();
                k.checked_sub(len)
                    .is_some_and(|from| word_at(&self.chars, from, word))
            };
            let magnitude = ["万亿", "亿", "万"]
                .into_iter()
                .find(|m| ends_with(m))
                .unwrap_or("");
            // Not when the magnitude is the whole number ("超万亿元" is 万亿 元).
            let magnitude = if k.saturating_sub(magnitude.chars().count()) > number {
                magnitude
            } else {
                ""
            };
            return (
                unit.to_string(),
                format!("{magnitude}{unit}"),
                Some(code.to_string()),
            );
        }
        let (base, written) = match unit {
            "％" => ("%", "％"),
            "百分之" => ("%", "百分之"),
            "个百分点" => ("百分点", "个百分点"),
            other => (other, other),
        };
        (base.to_string(), written.to_string(), None)
    }

    /// A single figure: its sign, its qualifiers before and after, its units and its change.
    fn single(&self, s: Single, last_end: usize) -> At {
        let chars = &self.chars;
        let (unit, written_unit, currency) = self.units(s.unit, s.number, s.number_end);
        let is_change_unit = CHANGE_UNITS.contains(&unit.as_str());

        // A sign before a rate of change: "-22.2%", "同比+5%". Before anything else a "-" is a
        // dash, not a sign (no amount in a report is negative).
        let mut start = s.number;
        let mut sign: Option<Direction> = None;
        if s.arabic && is_change_unit && start > last_end {
            let before_sign = start.checked_sub(2).and_then(|b| self.char_at(b));
            let free = !before_sign.is_some_and(|b| {
                b.is_ascii_alphanumeric()
                    || is_arabic_digit(b)
                    || matches!(b, '.' | '．')
                    || RANGE_SEPARATORS.contains(&b)
                    || MINUS_SIGNS.contains(&b)
                    || PLUS_SIGNS.contains(&b)
            });
            match self.char_at(start - 1) {
                Some(c) if free && MINUS_SIGNS.contains(&c) => sign = Some(Direction::Down),
                Some(c) if free && PLUS_SIGNS.contains(&c) => sign = Some(Direction::Up),
                _ => {}
            }
            if sign.is_some() {
                start -= 1;
            }
        }

        // A bound before the number ("约", "不低于"), not inside another word ("节约").
        let mut prefix = None;
        if let Some((bound, len)) = longest_before(chars, start, PREFIXES) {
            let inside_word = NOT_PREFIXES.iter().any(|w| {
                let from = start.checked_sub(w.chars().count());
                from.is_some_and(|from| word_at(chars, from, w))
            });
            if start >= last_end + len && !inside_word {
                prefix = Some(bound);
                start -= len;
            }
        }
        // A bound after the unit ("以上", "左右").
        let mut end = s.end;
        let mut suffix = None;
        if let Some((bound, len)) = SUFFIXES
            .iter()
            .filter(|(w, _)| word_at(chars, end, w))
            .map(|(w, b)| (*b, w.chars().count()))
            .max_by_key(|(_, len)| *len)
        {
            suffix = Some(bound);
            end += len;
        }

        if s.bare_magnitude && !s.several && !s.more && prefix.is_none() {
            return At::Nothing;
        }
        let qualifier = if s.several {
            Qualifier::Several
        } else {
            match (prefix, suffix) {
                (Some(Bound::About), Some(b @ (Bound::AtLeast | Bound::AtMost))) => b.qualifier(),
                (Some(Bound::About), _) | (None, Some(Bound::Around)) if s.more => {
                    Qualifier::AboutMoreThan
                }
                (Some(p), _) => p.qualifier(),
                (None, Some(b)) => b.qualifier(),
                (None, None) if s.more => Qualifier::MoreThan,
                (None, None) => Qualifier::Exact,
            }
        };

        let (change, change_start) = if is_change_unit {
            self.change(start, sign)
        } else {
            (None, None)
        };
        let figure = Figure {
            start: self.byte(start),
            end: self.byte(end),
            value: s.value,
            high: None,
            terms: Vec::new(),
            unit,
            written_unit,
            currency,
            qualifier,
            change,
            period: None,
            changed_by: None,
        };
        At::Figure(
            start,
            end,
            Box::new(Found {
                figure,
                change_start,
            }),
        )
    }

    /// The change stated by a figure starting at `start`: a verb before it, a sign in it, or
    /// both ("增长-3%" is down). Also returns the byte offset where the written change starts.
    fn change(&self, start: usize, sign: Option<Direction>) -> (Option<Change>, Option<usize>) {
        let flip = |d: Direction| match d {
            Direction::Up => Direction::Down,
            Direction::Down => Direction::Up,
        };
        match (self.change_before(start), sign) {
            (Some((mut change, at)), sign) => {
                if sign == Some(Direction::Down) {
                    change.direction = flip(change.direction);
                }
                (Some(change), Some(self.byte(at)))
            }
            (None, Some(direction)) => {
                let basis = CHANGE_BASES.iter().find_map(|basis| {
                    let from = start.checked_sub(basis.chars().count())?;
                    word_at(&self.chars, from, basis).then_some((*basis, from))
                });
                let (basis, at) = basis.unwrap_or(("", start));
                let change = Change {
                    direction,
                    basis: basis.to_string(),
                    verb: String::new(),
                };
                (Some(change), Some(self.byte(at)))
            }
            (None, None) => (None, None),
        }
    }

    /// A ratio starting with the number `q` at `i`: "11.8:48.3:39.9", "2.31:1", "1︰2". Two
    /// whole numbers with ":" or "：" are a ratio only after 比 ("收入比为3:1"); elsewhere they
    /// are a time or a score ("10:30"), skipped.
    fn ratio_at(&self, i: usize, q: &Quantity) -> Option<At> {
        let separator = self.char_at(q.end)?;
        if !RATIO_SEPARATORS.contains(&separator)
            || !self.char_at(q.end + 1).is_some_and(is_arabic_digit)
        {
            return None;
        }
        let plain = q.chinese.is_none() && !q.more && !q.several && q.magnitude == 0;
        let mut terms = vec![q.value];
        let mut strong = matches!(separator, '︰' | '∶');
        let mut end = q.end;
        // Every term after the first is two whole digits: a time ("9:30", "5:35:36").
        let mut clock = true;
        while let Some(c) = self.char_at(end) {
            if !RATIO_SEPARATORS.contains(&c) || !self.char_at(end + 1).is_some_and(is_arabic_digit)
            {
                break;
            }
            strong |= matches!(c, '︰' | '∶');
            match read_arabic(&self.chars, end + 1) {
                Ok((term, term_end)) => {
                    clock &= term.scale == 0 && term_end == end + 3;
                    terms.push(term);
                    end = term_end;
                }
                Err(_) => return Some(At::Skip(arabic_run_end(&self.chars, end + 1))),
            }
        }
        let decimal = terms.iter().any(|t| t.scale > 0);
        // 比 of 比为, 之比, 比例, 收入比 (not of 比分, 比赛).
        let after_ratio_word = (i.saturating_sub(5)..i).any(|k| {
            self.char_at(k) == Some('比') && !matches!(self.char_at(k + 1), Some('分' | '赛'))
        });
        let ratio = (terms.len() >= 3 && !clock) || decimal || strong || after_ratio_word;
        if !plain || !ratio {
            return Some(At::Skip(end));
        }
        let figure = Figure {
            start: self.byte(i),
            end: self.byte(end),
            value: q.value,
            high: None,
            terms,
            unit: String::new(),
            written_unit: String::new(),
            currency: None,
            qualifier: Qualifier::Ratio,
            change: None,
            period: None,
            changed_by: None,
        };
        Some(At::Figure(
            i,
            end,
            Box::new(Found {
                figure,
                change_start: None,
            }),
        ))
    }

    /// A range starting with the number `q` at `i`: "10至500万元", "1万-5万元", "3—5%",
    /// "一百二十到一百五十万元", "10元至20元". A magnitude written only after the high end
    /// applies to the low end too (10至500万元 is 100000 to 5000000 元), and a lone Chinese
    /// digit takes the place of the high end's first digit ("八到九百亿" is 800亿 to 900亿). A
    /// range of years or dates ("3—5年", "2023-2025年") is skipped; after 从 / 由 the numbers
    /// are a change over time ("从10%到20%"), two figures.
    fn range_at(&self, i: usize, q: &Quantity) -> Option<At> {
        if q.several || q.more {
            return None;
        }
        if i > 0 && matches!(self.char_at(i - 1), Some('从' | '由')) {
            return None;
        }
        let mut j = q.end;
        let low_unit = match self.after(j) {
            Following::Unit(unit, len) => {
                j += len;
                Some(unit)
            }
            Following::NoFigure(_) => return None,
            Following::Nothing => None,
        };
        let separator = self.char_at(j)?;
        if !RANGE_SEPARATORS.contains(&separator) {
            return None;
        }
        j += 1;
        // "——", "--".
        if matches!(separator, '—' | '-') && self.char_at(j) == Some(separator) {
            j += 1;
        }
        let high_first = self.char_at(j)?;
        if !is_arabic_digit(high_first) && !is_chinese_numeral(high_first) {
            return None;
        }
        let high = read_quantity(&self.chars, j).ok()?;
        if high.several || high.more {
            return None;
        }
        let (unit, unit_len) = match self.after(high.end) {
            Following::Unit(unit, len) => (unit, len),
            Following::NoFigure(len) => return Some(At::Skip(high.end + len)),
            Following::Nothing => return None,
        };
        if low_unit.is_some_and(|u| u != unit) {
            return None;
        }
        let end = high.end + unit_len;
        let mut low = q.value;
        if low_unit.is_none() && q.magnitude == 0 && high.magnitude > 0 {
            let mut exp = high.magnitude;
            if let (Some((from, to)), Some((high_from, _))) = (q.chinese, high.chinese) {
                let lone_digit = to == from + 1 && !self.char_at(from).is_some_and(is_place);
                let place = match self.char_at(high_from + 1) {
                    Some('十') => 1,
                    Some('百') => 2,
                    Some('千') => 3,
                    _ => 0,
                };
                if lone_digit && !self.char_at(high_from).is_some_and(is_place) {
                    exp += place;
                }
            }
            low = match low.times_ten_pow(exp) {
                Some(low) => low,
                None => return Some(At::Skip(end)),
            };
        }
        if compare(low, high.value) != Ordering::Less {
            return None;
        }
        let (unit, written_unit, currency) = self.units(unit, j, high.end);
        let (change, change_start) = if CHANGE_UNITS.contains(&unit.as_str()) {
            self.change(i, None)
        } else {
            (None, None)
        };
        let figure = Figure {
            start: self.byte(i),
            end: self.byte(end),
            value: low,
            high: Some(high.value),
            terms: Vec::new(),
            unit,
            written_unit,
            currency,
            qualifier: Qualifier::Range,
            change,
            period: None,
            changed_by: None,
        };
        Some(At::Figure(
            i,
            end,
            Box::new(Found {
                figure,
                change_start,
            }),
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

    /// Sets `changed_by` of each figure that a change figure right after it qualifies, and
    /// gives the change of a figure to the figures listed right after it ("分别增长10.6%、
    /// 7.9%": both are up).
    fn attach_changes(&self, found: Vec<Found>) -> Vec<Figure> {
        let mut starts: Vec<Option<usize>> = found.iter().map(|f| f.change_start).collect();
        let mut figures: Vec<Figure> = found.into_iter().map(|f| f.figure).collect();
        for k in 1..figures.len() {
            let (Some(previous), Some(figure)) = (figures.get(k - 1), figures.get(k)) else {
                continue;
            };
            let listed = matches!(self.text.get(previous.end..figure.start), Some("、" | "和"));
            let same_unit = previous.unit == figure.unit;
            if listed && same_unit && figure.change.is_none() && previous.change.is_some() {
                let change = previous.change.clone();
                if let Some(figure) = figures.get_mut(k) {
                    figure.change = change;
                    // Listed changes qualify no figure before them.
                    if let Some(start) = starts.get_mut(k) {
                        *start = None;
                    }
                }
            }
        }
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

/// 十, 百, 千, 万 or 亿: a place, not a digit.
fn is_place(c: char) -> bool {
    matches!(c, '十' | '百' | '千' | '万' | '亿')
}

/// Whether a set phrase ([`SET_PHRASES`]) can start with `c`: a Chinese numeral or one of
/// 首 第 最 (the fast path of [`Recogniser::run`] looks for set phrases only there).
fn may_start_set_phrase(c: char) -> bool {
    is_chinese_numeral(c) || matches!(c, '首' | '第' | '最')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::{recognise, Direction};

    #[test]
    fn every_set_phrase_starts_where_the_fast_path_looks() {
        for phrase in SET_PHRASES {
            let first = phrase.chars().next().unwrap_or(' ');
            assert!(may_start_set_phrase(first), "{phrase}");
        }
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
                ("2个百分点", "2", "百分点", "个百分点", Exact),
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

    /// Checks a table of (text, [(written, value, unit, written unit, qualifier)]).
    fn check_table(table: &[(&str, &[Expected])]) {
        for (text, expected) in table {
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
    fn recognises_realistic_phrases() {
        check_table(PHRASES);
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

    // ---- forms of longer reports (made-up fragments) ----

    use Qualifier::{Around, AtLeast, AtMost, LessThan, Nearly, Range, Ratio};

    /// Phrases in the forms of provincial and national reports: (written, value, unit,
    /// written unit, qualifier).
    const LONGER_REPORTS: &[(&str, &[Expected])] = &[
        (
            "全市财政总收入达到2.3万亿元，外贸进出口4.1万亿美元，吸收外资85亿美元",
            &[
                ("2.3万亿元", "2300000000000", "元", "万亿元", Exact),
                ("4.1万亿美元", "4100000000000", "美元", "万亿美元", Exact),
                ("85亿美元", "8500000000", "美元", "亿美元", Exact),
            ],
        ),
        (
            "签约金额320万美元，单笔最高6000美元",
            &[
                ("320万美元", "3200000", "美元", "万美元", Exact),
                ("6000美元", "6000", "美元", "美元", Exact),
            ],
        ),
        (
            "稻谷产量稳定在2.1万亿斤，新增装机1.2亿千瓦，发电量36亿千瓦时",
            &[
                ("2.1万亿斤", "2100000000000", "斤", "斤", Exact),
                ("1.2亿千瓦", "120000000", "千瓦", "千瓦", Exact),
                ("36亿千瓦时", "3600000000", "千瓦时", "千瓦时", Exact),
            ],
        ),
        (
            "改造厂房4.5万平方米，新修道路36公里，接待游客260万人次",
            &[
                ("4.5万平方米", "45000", "平方米", "平方米", Exact),
                ("36公里", "36", "公里", "公里", Exact),
                ("260万人次", "2600000", "人次", "人次", Exact),
            ],
        ),
        (
            "产值是五年前的2.5倍，研发投入增长1倍，覆盖人口达到两倍",
            &[
                ("2.5倍", "2.5", "倍", "倍", Exact),
                ("1倍", "1", "倍", "倍", Exact),
                ("两倍", "2", "倍", "倍", Exact),
            ],
        ),
        (
            "失业率下降0.4个百分点，比重提高一个百分点",
            &[
                ("0.4个百分点", "0.4", "百分点", "个百分点", Exact),
                ("一个百分点", "1", "百分点", "个百分点", Exact),
            ],
        ),
        (
            "三次产业结构调整为8.6:41.2:50.2，城乡收入比为2.5︰1，男女比例1：1",
            &[
                ("8.6:41.2:50.2", "8.6", "", "", Ratio),
                ("2.5︰1", "2.5", "", "", Ratio),
                ("1：1", "1", "", "", Ratio),
            ],
        ),
        (
            "给予20至300万元奖励，贴息1万-3万元，奖补八十到一百二十万元",
            &[
                ("20至300万元", "200000", "元", "万元", Range),
                ("1万-3万元", "10000", "元", "万元", Range),
                ("八十到一百二十万元", "800000", "元", "万元", Range),
            ],
        ),
        (
            "增速5%—6%，补助200元至500元，规模三到五亿元",
            &[
                ("5%—6%", "5", "%", "%", Range),
                ("200元至500元", "200", "元", "元", Range),
                ("三到五亿元", "300000000", "元", "亿元", Range),
            ],
        ),
        (
            "地区生产总值增长6%左右，新增就业3.5万人以上，研发投入强度不低于2.8%",
            &[
                ("6%左右", "6", "%", "%", Around),
                ("3.5万人以上", "35000", "人", "人", AtLeast),
                ("不低于2.8%", "2.8", "%", "%", AtLeast),
            ],
        ),
        (
            "培训不少于800人次，建成至少6所，赤字率控制在2.9%以内，单户不超过50万元，\
             每亩补贴150元以下",
            &[
                ("不少于800人次", "800", "人次", "人次", AtLeast),
                ("至少6所", "6", "所", "所", AtLeast),
                ("2.9%以内", "2.9", "%", "%", AtMost),
                ("不超过50万元", "500000", "元", "万元", AtMost),
                ("150元以下", "150", "元", "元", AtMost),
            ],
        ),
        (
            "惠及近2万户，占比接近35%，不足500人的村，超过120家，逾3000名",
            &[
                ("近2万户", "20000", "户", "户", Nearly),
                ("接近35%", "35", "%", "%", Nearly),
                ("不足500人", "500", "人", "人", LessThan),
                ("超过120家", "120", "家", "家", Passed),
                ("逾3000名", "3000", "名", "名", Passed),
            ],
        ),
        (
            "税收、基金和国资收入分别为3.45亿元、1.27亿元、0.96亿元",
            &[
                ("3.45亿元", "345000000", "元", "亿元", Exact),
                ("1.27亿元", "127000000", "元", "亿元", Exact),
                ("0.96亿元", "96000000", "元", "亿元", Exact),
            ],
        ),
        (
            "粮食产量同比-3.6%，增速＋1.2%",
            &[
                ("-3.6%", "3.6", "%", "%", Exact),
                ("＋1.2%", "1.2", "%", "%", Exact),
            ],
        ),
        (
            "税收收入３５％，完成投资２６８万元，共１，２５０万元",
            &[
                ("３５％", "35", "%", "％", Exact),
                ("２６８万元", "2680000", "元", "万元", Exact),
                ("１，２５０万元", "12500000", "元", "万元", Exact),
            ],
        ),
        (
            "增长百分之七，占百分之十二点五，达百分之百",
            &[
                ("百分之七", "7", "%", "百分之", Exact),
                ("百分之十二点五", "12.5", "%", "百分之", Exact),
                ("百分之百", "100", "%", "百分之", Exact),
            ],
        ),
        (
            "共计五点二万人，十几个村，一点五万美元，十几万元，一百二人",
            &[
                ("五点二万人", "52000", "人", "人", Exact),
                ("十几个", "10", "个", "个", MoreThan),
                ("一点五万美元", "15000", "美元", "万美元", Exact),
                ("十几万元", "100000", "元", "万元", MoreThan),
                ("一百二人", "120", "人", "人", Exact),
            ],
        ),
        (
            "年营业额2,350万元，总人口1亿2685万人，投资超万亿元，近千人参与",
            &[
                ("2,350万元", "23500000", "元", "万元", Exact),
                ("1亿2685万人", "126850000", "人", "人", Exact),
                ("超万亿元", "1000000000000", "元", "元", Passed),
                ("近千人", "1000", "人", "人", Nearly),
            ],
        ),
    ];

    #[test]
    fn recognises_the_forms_of_longer_reports() {
        check_table(LONGER_REPORTS);
    }

    #[test]
    fn money_has_its_currency_and_nothing_else_has_one() {
        let text = "投入4000万元，出口12亿美元，买入3万港元，贷款200万欧元，收入5万日元，种植30亩";
        let figures = recognise(text);
        let currencies: Vec<Option<&str>> = figures.iter().map(|f| f.currency.as_deref()).collect();
        assert_eq!(
            currencies,
            [
                Some("CNY"),
                Some("USD"),
                Some("HKD"),
                Some("EUR"),
                Some("JPY"),
                None
            ]
        );
    }

    #[test]
    fn a_range_keeps_both_ends_with_the_magnitude_written_once() {
        let ends = |text: &str| {
            let figures = recognise(text);
            assert_eq!(figures.len(), 1, "{text}");
            let f = &figures[0];
            assert_eq!(f.qualifier, Range, "{text}");
            (f.value.to_string(), f.high.map(|h| h.to_string()))
        };
        let pair = |low: &str, high: &str| (low.to_string(), Some(high.to_string()));
        assert_eq!(ends("奖励10至500万元"), pair("100000", "5000000"));
        assert_eq!(ends("补助1万-5万元"), pair("10000", "50000"));
        assert_eq!(ends("一百二十到一百五十万元"), pair("1200000", "1500000"));
        assert_eq!(ends("两到三万元"), pair("20000", "30000"));
        // A lone digit takes the place of the high end's first digit, as spoken.
        assert_eq!(ends("八到九百亿元"), pair("80000000000", "90000000000"));
        assert_eq!(ends("二到三十万人"), pair("200000", "300000"));
        assert_eq!(ends("3~5家"), pair("3", "5"));
        assert_eq!(ends("3——5个"), pair("3", "5"));
        assert_eq!(ends("1万元--5万元"), pair("10000", "50000"));
        assert_eq!(ends("增长8%-10%"), pair("8", "10"));
    }

    #[test]
    fn what_is_not_a_range() {
        // From one figure to another is a change over time: two figures.
        assert_eq!(recognise("覆盖率从60%到75%").len(), 2);
        assert_eq!(recognise("由3万元提高到5万元").len(), 2);
        // The high end must be higher.
        let figures = recognise("第5-3号，投资50至3万元");
        assert!(figures.iter().all(|f| f.qualifier != Range), "{figures:?}");
        // Ranges of years, months or dates are no figures at all.
        for text in ["3—5年", "用2至3年时间", "2023-2025年", "3到5个月"] {
            assert_eq!(summary(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_ratio_is_one_figure_with_all_its_terms() {
        let figures = recognise("结构优化为7.9:38.6:53.5。");
        assert_eq!(figures.len(), 1);
        let terms: Vec<String> = figures[0].terms.iter().map(|t| t.to_string()).collect();
        assert_eq!(terms, ["7.9", "38.6", "53.5"]);
        assert_eq!(figures[0].qualifier, Ratio);
        assert_eq!(figures[0].high, None);
        // Two whole numbers with a colon are a time or a score, unless 比 comes before.
        assert_eq!(summary("会议于9:30开始，比分3:1，10:05:30发射"), vec![]);
        assert_eq!(recognise("男女之比为3:2")[0].qualifier, Ratio);
    }

    #[test]
    fn signs_and_verbs_give_the_direction() {
        let table: &[(&str, Direction, &str, &str)] = &[
            ("同比-22.4%", Direction::Down, "同比", ""),
            ("-5.1%", Direction::Down, "", ""),
            ("＋3%", Direction::Up, "", ""),
            ("下降6%", Direction::Down, "", "下降"),
            ("增长-2.5%", Direction::Down, "", "增长"),
            ("增长1倍", Direction::Up, "", "增长"),
            ("回落0.3个百分点", Direction::Down, "", "回落"),
        ];
        for (text, direction, basis, verb) in table {
            let figures = recognise(text);
            assert_eq!(figures.len(), 1, "{text}");
            let change = figures[0]
                .change
                .as_ref()
                .map(|c| (c.direction, c.basis.as_str(), c.verb.as_str()));
            assert_eq!(change, Some((*direction, *basis, *verb)), "{text}");
        }
        // A dash before an amount is no sign, and no amount is negative.
        let figures = recognise("项目-200万元");
        assert_eq!(figures.len(), 1);
        assert_eq!(&"项目-200万元"[figures[0].start..figures[0].end], "200万元");
        // Between numbers a dash is a range or nothing.
        assert!(recognise("2-3%")[0].change.is_none());
    }

    #[test]
    fn a_change_goes_to_every_figure_of_its_list() {
        let figures = recognise("税收和非税收入分别增长8.1%、6.4%和5%");
        let directions: Vec<Option<Direction>> = figures
            .iter()
            .map(|f| f.change.as_ref().map(|c| c.direction))
            .collect();
        assert_eq!(directions, [Some(Direction::Up); 3]);
        assert!(figures.iter().all(|f| f.changed_by.is_none()));
    }

    #[test]
    fn longer_report_phrases_that_are_not_figures() {
        let phrases = [
            "倍感振奋，规模倍增，成倍增加",
            "提供24小时不打烊服务，7×24小时响应",
            "“十四五”规划，“十五五”开局",
            "2025年，1月15日，3—5年，2024年3月",
            "〔2024〕2号文件，府发〔2023〕15号",
            "第十四届全国人民代表大会，省委十三届五次全会",
            "投入XX万元，20XX年，**县，奖励IlOO元",
            "服务热线0791-86888888，手机13800138000",
            "G320国道，PM2.5浓度，5G基站，C919大飞机，3D打印",
            "落实“两个毫不动摇”，“三个区分开来”，“四个一批”",
            "亿万人民，惠及上千万家，千家万户，保持两位数增长",
            "严格落实中央八项规定精神，和平共处五项原则",
            "新建1/3以上",
            "增幅在百分之二三十之间",
            "详见https://example.org/a?q=30%25&n=5%",
        ];
        for text in phrases {
            assert_eq!(summary(text), vec![], "in {text}");
        }
    }

    #[test]
    fn one_character_bounds_inside_other_words_are_not_bounds() {
        assert_eq!(recognise("节约资金3万元")[0].qualifier, Exact);
        assert_eq!(recognise("节约3万元")[0].qualifier, Exact);
        assert_eq!(recognise("签约12个项目")[0].qualifier, Exact);
        assert_eq!(recognise("最近3个")[0].qualifier, Exact);
        assert_eq!(recognise("约3万元")[0].qualifier, About);
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
        let source = include_str!("../../../../data/songshi-2024.scraped.txt");
        match crate::parse::parse(source) {
            Ok(report) => report.shown_text(),
            Err(e) => panic!("the default report parses: {e}"),
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
