//! Everyday words for official terms: a reader types 医保, the report says 医疗保险. The table
//! is data (`data/search-terms.tsv`), not code, so that anyone can add a pair.
//!
//! Format: one group of words that mean the same a line, separated by tabs, the everyday word
//! first; `#` starts a comment line, empty lines are ignored. A query that holds one word of a
//! group is also searched with each other word of the group in its place ("城乡医保" also
//! searches "城乡医疗保险"), in both directions.

/// The groups of equivalent words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Terms {
    groups: Vec<Vec<String>>,
}

/// At most this many other spellings of one query are searched.
const MAX_VARIANTS: usize = 8;

/// The table that ships with the viewer (`data/search-terms.tsv`).
pub const BUILTIN: &str = include_str!("../../../../data/search-terms.tsv");

impl Terms {
    /// The table that ships with the viewer ([`BUILTIN`]); empty if it were ever malformed
    /// (`tests/core.rs` proves it is not).
    pub fn builtin() -> Terms {
        Terms::parse(BUILTIN).unwrap_or_default()
    }

    /// Reads the table. A line with fewer than two words is refused, naming its number.
    pub fn parse(text: &str) -> Result<Terms, String> {
        let mut groups = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let words: Vec<String> = line
                .split('\t')
                .map(|w| super::fold::Folded::new(w).as_string())
                .filter(|w| !w.is_empty())
                .collect();
            if words.len() < 2 {
                return Err(format!(
                    "search terms, line {}: a group needs at least two words separated by tabs",
                    n + 1
                ));
            }
            groups.push(words);
        }
        Ok(Terms { groups })
    }

    /// The other spellings of a folded query: each word of a group that the query holds
    /// replaced by each other word of its group (not where it is part of that other word
    /// already: 养老保险 is not rewritten as 养老保险保险). The query itself is not included.
    pub fn variants(&self, query: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for group in &self.groups {
            for word in group {
                for other in group.iter().filter(|o| *o != word) {
                    let Some(variant) = replace_word(query, word, other) else {
                        continue;
                    };
                    if variant != query && !out.contains(&variant) {
                        out.push(variant);
                        if out.len() == MAX_VARIANTS {
                            return out;
                        }
                    }
                }
            }
        }
        out
    }
}

/// `query` with every occurrence of `word` that is not inside an occurrence of `other`
/// replaced by `other`; None when there is no such occurrence.
fn replace_word(query: &str, word: &str, other: &str) -> Option<String> {
    let covered: Vec<(usize, usize)> = query
        .match_indices(other)
        .map(|(i, m)| (i, i + m.len()))
        .collect();
    let mut out = String::with_capacity(query.len() + other.len());
    let mut at = 0;
    let mut replaced = false;
    for (i, m) in query.match_indices(word) {
        let end = i + m.len();
        if i < at || covered.iter().any(|&(s, e)| s <= i && end <= e) {
            continue;
        }
        out.push_str(&query[at..i]);
        out.push_str(other);
        at = end;
        replaced = true;
    }
    out.push_str(&query[at..]);
    replaced.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms() -> Terms {
        Terms::parse("# comment\n医保\t医疗保险\n养老\t养老保险\n\n低保\t最低生活保障\n").unwrap()
    }

    #[test]
    fn an_everyday_word_is_also_searched_as_the_official_term() {
        assert_eq!(terms().variants("医保"), ["医疗保险"]);
        assert_eq!(terms().variants("城乡医保"), ["城乡医疗保险"]);
        assert_eq!(terms().variants("低保金"), ["最低生活保障金"]);
    }

    #[test]
    fn the_official_term_is_also_searched_as_the_everyday_word() {
        assert_eq!(terms().variants("医疗保险"), ["医保"]);
    }

    #[test]
    fn a_word_inside_its_own_expansion_is_not_expanded_again() {
        assert_eq!(terms().variants("养老保险"), ["养老"]);
    }

    #[test]
    fn a_query_without_a_listed_word_has_no_variants() {
        assert!(terms().variants("乡贤").is_empty());
        assert!(Terms::default().variants("医保").is_empty());
    }

    #[test]
    fn a_line_with_one_word_is_refused_with_its_number() {
        let err = Terms::parse("医保\t医疗保险\n社保\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn words_are_folded_like_queries() {
        let t = Terms::parse("ＧＤＰ\t地区生产总值\n").unwrap();
        assert_eq!(t.variants("gdp"), ["地区生产总值"]);
    }
}
