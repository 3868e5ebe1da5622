//! The indicators a report measures (地区生产总值, 城镇新增就业, 居民消费价格涨幅, …) and the
//! ways reports write them. The table is data (`data/indicators.tsv`, documented in its header
//! and in the README), not code, so that anyone can add an indicator or a way of writing one;
//! its order is the order of the headline row of a report without curated cards.
//!
//! [`Indicators::named_in`] finds the indicator a piece of text names; which piece of text
//! belongs to which figure is decided in [`crate::measures`].

use std::sync::OnceLock;

/// The table that ships with the viewer.
pub const BUILTIN: &str = include_str!("../../../data/indicators.tsv");

/// Units any indicator's figure may have: a change, a share or a rate.
const ALWAYS_FITS: [&str; 3] = ["%", "百分点", "倍"];

/// One indicator: its name, the base units of its values (empty: any) and the ways it is
/// written (the name among them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicator {
    pub name: String,
    pub units: Vec<String>,
    pub ways: Vec<String>,
    /// Whether its target is a ceiling, a value to stay under (城镇调查失业率, 居民消费价格涨幅):
    /// the table's optional fourth field, `上限`. A target stated as a fall (下降2.5%) or with
    /// 以内 is read as one whatever this says.
    pub ceiling: bool,
}

impl Indicator {
    /// Whether a figure in base unit `unit` can be a value of this indicator.
    pub fn fits(&self, unit: &str) -> bool {
        self.units.is_empty() || ALWAYS_FITS.contains(&unit) || self.units.iter().any(|u| u == unit)
    }
}

/// The table of indicators, in headline order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Indicators {
    list: Vec<Indicator>,
    /// Every way of writing, by its first character: (first character, indicator, way), sorted,
    /// so that a text is searched once, not once per way.
    by_first: Vec<(char, usize, usize)>,
}

/// A way of writing an indicator found in a text: which indicator, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Named<'a> {
    pub indicator: &'a Indicator,
    /// Byte range of the words in the text searched.
    pub start: usize,
    pub end: usize,
}

impl Indicators {
    /// The table that ships with the viewer, read once ([`BUILTIN`]; `tests/cards.rs` proves it
    /// reads).
    pub fn builtin() -> &'static Indicators {
        static TABLE: OnceLock<Indicators> = OnceLock::new();
        TABLE.get_or_init(|| Indicators::parse(BUILTIN).unwrap_or_default())
    }

    /// Reads the table: `name <tab> units <tab> ways`, `#` comments and empty lines ignored.
    /// A line without three fields (or four, the last `上限`), an empty name or a name given twice is refused, naming its
    /// line (1-based).
    pub fn parse(text: &str) -> Result<Indicators, String> {
        let mut list: Vec<Indicator> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            let (name, units, ways, ceiling) = match fields.as_slice() {
                [name, units, ways] => (name, units, ways, false),
                [name, units, ways, "上限"] => (name, units, ways, true),
                _ => {
                    return Err(format!(
                        "line {}: {} fields, not three (name, units, ways) or four (and 上限)",
                        n + 1,
                        fields.len()
                    ))
                }
            };
            if name.is_empty() || list.iter().any(|i| i.name == *name) {
                return Err(format!("line {}: the name is empty or given twice", n + 1));
            }
            let mut all_ways = vec![name.to_string()];
            for way in ways.split('、').map(str::trim).filter(|w| !w.is_empty()) {
                if !all_ways.iter().any(|w| w == way) {
                    all_ways.push(way.to_string());
                }
            }
            list.push(Indicator {
                name: name.to_string(),
                units: match *units {
                    "-" | "" => Vec::new(),
                    units => units.split_whitespace().map(String::from).collect(),
                },
                ways: all_ways,
                ceiling,
            });
        }
        let mut by_first: Vec<(char, usize, usize)> = Vec::new();
        for (i, indicator) in list.iter().enumerate() {
            for (w, way) in indicator.ways.iter().enumerate() {
                if let Some(c) = way.chars().next() {
                    by_first.push((c, i, w));
                }
            }
        }
        crate::order::sort_by_key(&mut by_first, |&(c, i, w)| {
            (u128::from(u32::from(c)) << 64) | ((i as u128) << 32) | w as u128
        });
        Ok(Indicators { list, by_first })
    }

    /// Every indicator, in headline order.
    pub fn all(&self) -> &[Indicator] {
        &self.list
    }

    /// The indicator called `name`.
    pub fn get(&self, name: &str) -> Option<&Indicator> {
        self.list.iter().find(|i| i.name == name)
    }

    /// Its place in headline order (0 first).
    pub fn rank(&self, name: &str) -> Option<usize> {
        self.list.iter().position(|i| i.name == name)
    }

    /// The way of writing an indicator that `text` holds last: the one that ends last, then
    /// the longest (单位地区生产总值能耗 over 地区生产总值, 人均地区生产总值 over 地区生产总值).
    /// Whether the figure's unit fits is the caller's check ([`Indicator::fits`]).
    pub fn named_in<'a>(&'a self, text: &str) -> Option<Named<'a>> {
        let mut best: Option<Named<'a>> = None;
        for (start, c) in text.char_indices() {
            let from = self.by_first.partition_point(|&(f, _, _)| f < c);
            for &(_, i, w) in self.by_first[from..]
                .iter()
                .take_while(|&&(f, _, _)| f == c)
            {
                let (indicator, way) = (&self.list[i], &self.list[i].ways[w]);
                if !text[start..].starts_with(way.as_str()) {
                    continue;
                }
                let end = start + way.len();
                let better = best
                    .is_none_or(|b| end > b.end || (end == b.end && end - start > b.end - b.start));
                if better {
                    best = Some(Named {
                        indicator,
                        start,
                        end,
                    });
                }
            }
        }
        best
    }

    /// The indicator whose way of writing is exactly `words`.
    pub fn written_as(&self, words: &str) -> Option<&Indicator> {
        self.list.iter().find(|i| i.ways.iter().any(|w| w == words))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_way_that_ends_last_and_is_longest_wins() {
        let table = Indicators::builtin();
        let name = |t: &str| table.named_in(t).map(|n| n.indicator.name.as_str());
        assert_eq!(
            name("单位地区生产总值能耗降低"),
            Some("单位地区生产总值能耗")
        );
        assert_eq!(name("全省人均地区生产总值"), Some("人均地区生产总值"));
        assert_eq!(
            name("地区生产总值增长5%，一般公共预算收入"),
            Some("一般公共预算收入")
        );
        assert_eq!(
            name("城镇常住居民人均可支配收入"),
            Some("城镇居民人均可支配收入")
        );
        assert_eq!(name("新建学校"), None);
    }

    #[test]
    fn units_decide_what_fits() {
        let table = Indicators::builtin();
        let gdp = table.get("地区生产总值").unwrap();
        assert!(gdp.fits("元") && gdp.fits("%") && gdp.fits("百分点"));
        assert!(!gdp.fits("家"));
    }

    #[test]
    fn a_malformed_line_is_refused_with_its_number() {
        assert!(Indicators::parse("# c\n甲\t元\t乙、丙\n").is_ok());
        let err = Indicators::parse("甲\t元\t乙\n丁\t元\n").unwrap_err();
        assert!(err.starts_with("line 2"), "{err}");
        let err = Indicators::parse("甲\t元\t乙\n甲\t元\t丙\n").unwrap_err();
        assert!(err.starts_with("line 2"), "{err}");
    }
}
