//! Search across a library of reports: an index made at build time, split into shards so that
//! a query fetches only part of it, with the same forgiving rules as the search inside one
//! report (the matching itself is [`super::search`], run on the few passages the index points
//! to).
//!
//! - Every text unit of every report ([`super::Corpus`]) gets a number, in the order of the
//!   library's reports. The index maps each **bigram** (two consecutive characters) of a unit's
//!   folded text — and of its text with Chinese numerals as digits — to the units holding it.
//! - A bigram's postings live in shard [`shard_of`] of [`Meta::shards`]; a shard is one file
//!   (`search/i-<k>.json`, [`Shard`]): bigram → unit numbers, ascending, each written as its
//!   difference from the one before.
//! - A query is every spelling the search inside a report tries (the query, its numerals as
//!   digits, the other spellings of `data/search-terms.tsv`); for each, the units holding all of
//!   its bigrams (at most [`BIGRAMS_PER_SPELLING`] of them, spread over it: a superset either
//!   way) are candidates. Only the shards of those bigrams are fetched.
//! - The candidates' reports' texts (`search/r-<id>.json`, [`ReportText`]) are fetched, most
//!   candidates first, and searched as one report is: every hit is a real match, marked where
//!   it is. A query of one character has no bigram: the library asks for two.

use serde::{Deserialize, Serialize};

use super::fold::Folded;
use super::terms::Terms;
use super::{normalise_query, Corpus};

/// At most this many bigrams of one spelling are looked up.
pub const BIGRAMS_PER_SPELLING: usize = 3;

/// What the search needs first (`search/meta.json`): the shards, and each report's first unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// How many shards the index has.
    pub shards: u32,
    /// Per report: id, title, place (or ""), year (or 0), the number of its first unit and
    /// how many units it has.
    pub reports: Vec<(String, String, String, u32, u32, u32)>,
}

impl Meta {
    /// The report (its index in [`Meta::reports`]) holding unit `unit`.
    pub fn report_of(&self, unit: u32) -> Option<usize> {
        self.reports
            .iter()
            .position(|r| unit >= r.4 && unit < r.4 + r.5)
    }
}

/// One shard: bigram → the units holding it, delta-encoded.
pub type Shard = std::collections::BTreeMap<String, Vec<u32>>;

/// One report's searchable text: per unit, the anchor it opens at (a section id, or "" for the
/// top), the place it is in ("一、… › （二）…") and its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportText {
    pub units: Vec<(String, String, String)>,
}

impl ReportText {
    /// As a corpus that [`super::search`] reads, with the built-in other spellings.
    pub fn corpus(&self, terms: Terms) -> Corpus {
        Corpus {
            units: self
                .units
                .iter()
                .map(|(anchor, _, text)| super::Unit::new(anchor.clone(), Vec::new(), text.clone()))
                .collect(),
            terms,
        }
    }
}

/// The shard of a bigram among `shards`: FNV-1a of its UTF-8 bytes.
pub fn shard_of(bigram: &str, shards: u32) -> u32 {
    fnv(0x811c_9dc5, bigram.as_bytes()) % shards.max(1)
}

/// [`shard_of`] the bigram `a`, `b`, without making its string.
pub fn shard_of_pair(a: char, b: char, shards: u32) -> u32 {
    let (mut x, mut y) = ([0u8; 4], [0u8; 4]);
    let hash = fnv(0x811c_9dc5, a.encode_utf8(&mut x).as_bytes());
    fnv(hash, b.encode_utf8(&mut y).as_bytes()) % shards.max(1)
}

fn fnv(start: u32, bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .fold(start, |h, b| (h ^ u32::from(*b)).wrapping_mul(0x0100_0193))
}

/// Every distinct bigram of a folded text.
pub fn bigrams(chars: &[char]) -> Vec<String> {
    let mut out: Vec<String> = chars.windows(2).map(|w| w.iter().collect()).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The bigrams a unit's text is indexed under: of its folded text and of its numerals as
/// digits.
pub fn unit_bigrams(text: &str) -> Vec<String> {
    unit_pairs(text)
        .into_iter()
        .map(|(a, b)| [a, b].iter().collect())
        .collect()
}

/// [`unit_bigrams`] as pairs of characters, sorted (for the build: no string per bigram).
pub fn unit_pairs(text: &str) -> Vec<(char, char)> {
    let folded = Folded::new(text);
    let mut all: Vec<(char, char)> = folded.chars.windows(2).map(|w| (w[0], w[1])).collect();
    if let Some(numerals) = folded.with_numerals() {
        all.extend(numerals.chars.windows(2).map(|w| (w[0], w[1])));
    }
    all.sort_unstable();
    all.dedup();
    all
}

/// The bigrams to look up for a query: one list per spelling (each list must all be found in a
/// unit for it to be a candidate). Empty when the query has a spelling shorter than two
/// characters (then the index cannot answer it).
pub fn query_bigrams(query: &str, terms: &Terms) -> Vec<Vec<String>> {
    let query = normalise_query(query);
    let mut spellings = vec![query.clone()];
    spellings.extend(terms.variants(&query));
    let mut out: Vec<Vec<String>> = Vec::new();
    for spelling in spellings {
        let folded = Folded::new(&spelling);
        let mut forms = vec![folded.chars.clone()];
        if let Some(numerals) = folded.with_numerals() {
            forms.push(numerals.chars);
        }
        for chars in forms {
            if chars.len() < 2 {
                return Vec::new();
            }
            let pairs: Vec<String> = chars.windows(2).map(|w| w.iter().collect()).collect();
            let chosen = spread(&pairs, BIGRAMS_PER_SPELLING);
            if !out.contains(&chosen) {
                out.push(chosen);
            }
        }
    }
    out
}

/// At most `n` of `items`, spread from the first to the last.
fn spread(items: &[String], n: usize) -> Vec<String> {
    if items.len() <= n {
        let mut v = items.to_vec();
        v.dedup();
        return v;
    }
    let mut v: Vec<String> = (0..n)
        .map(|k| items[k * (items.len() - 1) / (n - 1)].clone())
        .collect();
    v.dedup();
    v
}

/// Postings as stored (differences) → unit numbers.
pub fn decode(postings: &[u32]) -> Vec<u32> {
    let mut at = 0u32;
    postings
        .iter()
        .map(|d| {
            at = at.wrapping_add(*d);
            at
        })
        .collect()
}

/// Unit numbers, ascending → postings as stored.
pub fn encode(units: &[u32]) -> Vec<u32> {
    let mut before = 0u32;
    units
        .iter()
        .map(|u| {
            let d = u - before;
            before = *u;
            d
        })
        .collect()
}

/// The candidate units of a query: for each spelling, the units holding every one of its
/// bigrams (`postings` gives a bigram's units, ascending; a bigram in no shard holds none);
/// the union, ascending.
pub fn candidates(spellings: &[Vec<String>], postings: impl Fn(&str) -> Vec<u32>) -> Vec<u32> {
    let mut all: Vec<u32> = Vec::new();
    for bigrams in spellings {
        let mut lists: Vec<Vec<u32>> = bigrams.iter().map(|b| postings(b)).collect();
        lists.sort_by_key(Vec::len);
        let Some((first, rest)) = lists.split_first() else {
            continue;
        };
        all.extend(
            first
                .iter()
                .filter(|u| rest.iter().all(|l| l.binary_search(u).is_ok())),
        );
    }
    all.sort_unstable();
    all.dedup();
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_hold_every_bigram_of_some_spelling() {
        let texts = ["推进医疗保险改革", "医保报销", "三个项目", "完成3个项目"];
        let index: Vec<Vec<String>> = texts.iter().map(|t| unit_bigrams(t)).collect();
        let postings = |b: &str| -> Vec<u32> {
            (0..texts.len() as u32)
                .filter(|&u| index[u as usize].iter().any(|x| x == b))
                .collect()
        };
        let terms = Terms::parse("医保\t医疗保险\n").unwrap();
        assert_eq!(candidates(&query_bigrams("医保", &terms), postings), [0, 1]);
        assert_eq!(candidates(&query_bigrams("3个", &terms), postings), [2, 3]);
        assert_eq!(candidates(&query_bigrams("医 疗", &terms), postings), [0]);
        assert!(query_bigrams("医", &terms).is_empty());
    }

    #[test]
    fn postings_round_trip_and_shards_are_stable() {
        assert_eq!(decode(&encode(&[3, 4, 10, 200])), [3, 4, 10, 200]);
        assert_eq!(shard_of("医疗", 16), shard_of("医疗", 16));
        assert!(shard_of("医疗", 16) < 16);
        assert_eq!(shard_of("x", 0), 0);
        assert_eq!(shard_of_pair('医', '疗', 97), shard_of("医疗", 97));
        assert_eq!(
            spread(
                &["a".into(), "b".into(), "c".into(), "d".into(), "e".into()],
                3
            ),
            ["a", "c", "e"]
        );
    }
}
