//! Full-text search over the report: plain substring matching on folded text, so that any
//! Chinese string works with no word segmentation and no index to ship.
//!
//! Text and query are folded the same way ([`fold`]): whitespace dropped, widths, quotes and
//! dashes unified, Latin letters without case, and Chinese numerals before a measure word
//! compared as digits. A query is also searched in its other spellings from the table of
//! everyday words for official terms ([`terms`]: 医保 → 医疗保险). When nothing is found,
//! [`suggest`] proposes shorter queries that are.

pub mod fold;
pub mod library;
pub mod terms;

use fold::Folded;
use terms::Terms;

use super::model::Report;

/// One searchable piece of text: the title, the salutation, the opening, a section's heading
/// or its body.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// The text unit's id: `title`, `salutation`, `opening`, a section id (its body) or
    /// `<section id>-h` (its heading).
    pub id: String,
    /// Ids of the sections that hold it, outermost first (for "where is this hit").
    pub path: Vec<String>,
    pub text: String,
    folded: Folded,
    /// The folded text with Chinese numerals as digits, when that differs.
    numerals: Option<Folded>,
}

impl Unit {
    pub fn new(id: impl Into<String>, path: Vec<String>, text: impl Into<String>) -> Unit {
        let text = text.into();
        let folded = Folded::new(&text);
        let numerals = folded.with_numerals();
        Unit {
            id: id.into(),
            path,
            text,
            folded,
            numerals,
        }
    }
}

/// The searchable text of a report, in reading order (built once, at run time), with the
/// table of other spellings.
#[derive(Debug, Clone, PartialEq)]
pub struct Corpus {
    pub units: Vec<Unit>,
    pub terms: Terms,
}

/// The ids of the text units holding the title and the salutation.
pub const TITLE: &str = "title";
pub const SALUTATION: &str = "salutation";

/// The id of the text unit holding line `i` of the front matter (not a title line: the title
/// is one unit, [`TITLE`]).
pub fn front_unit(i: usize) -> String {
    format!("front-{i}")
}

/// The id of the text unit holding a section's heading.
pub fn heading_unit(section_id: &str) -> String {
    format!("{section_id}-h")
}

impl Corpus {
    /// A corpus that finds nothing: for a content that is only written to a file (the reading
    /// worker's), never searched.
    pub fn without_text() -> Corpus {
        Corpus {
            units: Vec::new(),
            terms: Terms::default(),
        }
    }

    pub fn new(report: &Report, terms: Terms) -> Corpus {
        let mut units = vec![Unit::new(TITLE, Vec::new(), report.title.clone())];
        for (i, item) in report.front.iter().enumerate() {
            if item.kind != super::model::FrontKind::Title {
                units.push(Unit::new(front_unit(i), Vec::new(), item.text.clone()));
            }
        }
        if let Some(salutation) = &report.salutation {
            units.push(Unit::new(SALUTATION, Vec::new(), salutation.clone()));
        }
        units.push(Unit::new(
            super::cards::OPENING,
            Vec::new(),
            report.opening.clone(),
        ));
        for section in report.sections() {
            let id = section.id();
            let path = report.path_to(&id);
            units.push(Unit::new(
                heading_unit(&id),
                path.clone(),
                section.full_heading(),
            ));
            units.push(Unit::new(id, path, section.body.clone()));
        }
        Corpus { units, terms }
    }
}

/// One occurrence of the query.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    /// Index of the unit in [`Corpus::units`].
    pub unit: usize,
    /// Byte range of the match in the unit's text.
    pub start: usize,
    pub end: usize,
}

/// What a search found: every hit in reading order, and the other spellings of the query
/// that found some of them ("医疗保险" for 医保), to be named to the reader.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub also: Vec<String>,
}

/// The query as compared: folded, whitespace removed. Empty means "no search".
pub fn normalise_query(query: &str) -> String {
    Folded::new(query).as_string()
}

/// Whether `label` (a card's label, say) holds the query, compared the way the text is.
pub fn label_matches(label: &str, query: &str) -> bool {
    let needle = normalise_query(query);
    !needle.is_empty() && normalise_query(label).contains(&needle)
}

/// Every occurrence of `needle` (folded) in `hay`, as byte ranges of the unit's text.
fn find_in(hay: &Folded, needle: &[char], unit: usize, hits: &mut Vec<Hit>) {
    let Some(&first) = needle.first() else {
        return;
    };
    let chars = &hay.chars;
    if chars.len() < needle.len() {
        return;
    }
    for i in 0..=chars.len() - needle.len() {
        if chars[i] == first && chars[i..i + needle.len()] == *needle {
            hits.push(Hit {
                unit,
                start: hay.spans[i].0,
                end: hay.spans[i + needle.len() - 1].1,
            });
        }
    }
}

/// Every occurrence of one spelling, by the folded text and by the text with numerals as
/// digits.
fn search_spelling(corpus: &Corpus, query: &str) -> Vec<Hit> {
    let folded = Folded::new(query);
    let needle = folded.chars.clone();
    let numeral_needle = folded.with_numerals().map_or(needle.clone(), |f| f.chars);
    let mut hits = Vec::new();
    for (u, unit) in corpus.units.iter().enumerate() {
        find_in(&unit.folded, &needle, u, &mut hits);
        let hay = unit.numerals.as_ref().unwrap_or(&unit.folded);
        if unit.numerals.is_some() || numeral_needle != needle {
            find_in(hay, &numeral_needle, u, &mut hits);
        }
    }
    hits
}

/// Every occurrence of `query` in the corpus (and of its other spellings), in reading order,
/// overlapping ones included ("aa" in "aaa" is found twice). An empty query finds nothing.
pub fn search(corpus: &Corpus, query: &str) -> Found {
    let query = normalise_query(query);
    if query.is_empty() {
        return Found::default();
    }
    let mut hits = search_spelling(corpus, &query);
    let mut also = Vec::new();
    for variant in corpus.terms.variants(&query) {
        let more = search_spelling(corpus, &variant);
        if more.iter().any(|h| !hits.contains(h)) {
            also.push(variant);
            hits.extend(more);
        }
    }
    super::order::sort_unique_by_key(&mut hits, |h| {
        (h.unit as u128) << 64 | (h.start as u128) << 32 | h.end as u128
    });
    Found { hits, also }
}

/// What might help when a query finds nothing: shorter queries that do find something, with
/// how many places each finds — the pieces of the query between punctuation or spaces, its
/// longest beginning and its longest end that are in the text. At most three, longest first;
/// none when the query finds something or nothing of two characters or more matches.
pub fn suggest(corpus: &Corpus, query: &str) -> Vec<(String, usize)> {
    let chars: Vec<char> = query.trim().chars().collect();
    let count = |q: &str| search(corpus, q).hits.len();
    if chars.is_empty() || count(query) > 0 {
        return Vec::new();
    }
    let mut candidates: Vec<String> = query
        .split(|c: char| c.is_whitespace() || "，。、；：！？,.;:!?“”‘’\"'（）()《》".contains(c))
        .filter(|p| p.chars().count() >= 2 && p.trim() != query.trim())
        .map(String::from)
        .collect();
    // Longest beginning and end with a hit: the count only falls as a piece grows, so a
    // binary search over its length finds it.
    let longest = |piece: &dyn Fn(usize) -> String| {
        let (mut lo, mut hi) = (1, chars.len() - 1);
        let mut best = None;
        while lo <= hi && hi > 0 {
            let mid = (lo + hi) / 2;
            let p = piece(mid);
            if count(&p) > 0 {
                best = Some(p);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        best.filter(|p| p.chars().count() >= 2)
    };
    if chars.len() > 2 {
        candidates.extend(longest(&|n| chars[..n].iter().collect()));
        candidates.extend(longest(&|n| chars[chars.len() - n..].iter().collect()));
    }
    let mut out: Vec<(String, usize)> = Vec::new();
    for c in candidates {
        let c = c.trim().to_string();
        let n = count(&c);
        if n > 0 && !out.iter().any(|(q, _)| *q == c) {
            out.push((c, n));
        }
    }
    super::order::sort_by_key(&mut out, |(q, _)| u128::MAX - q.chars().count() as u128);
    out.truncate(3);
    out
}

/// Where a text unit is, as a list of results names it: the heading of its part and of its own
/// section ("一、2024年工作回顾 › （二）…"), one heading when they are one, without a closing
/// 。; each heading [`shorten`]ed to `longest` characters when given. None outside the sections
/// (the title, the opening). `path`: the unit's sections, outermost first ([`Unit::path`]).
pub fn place_of(report: &Report, path: &[String], longest: Option<usize>) -> Option<String> {
    let heading = |id: Option<&String>| {
        id.and_then(|id| report.find(id)).map(|s| {
            let h = s.full_heading();
            let h = h.trim_end_matches('。');
            longest.map_or_else(|| h.to_string(), |n| shorten(h, n))
        })
    };
    match (heading(path.first()), heading(path.last())) {
        (Some(part), Some(inner)) if path.len() > 1 => {
            Some(format!("{part}{}{inner}", super::notes::HEADING_SEPARATOR))
        }
        (_, inner) => inner,
    }
}

/// A query shortened for a message: at most `max` characters, with "…" when cut.
pub fn shorten(query: &str, max: usize) -> String {
    let query = query.trim();
    if query.chars().count() <= max {
        return query.to_string();
    }
    let mut out: String = query.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A hit with some context either side, for a list of results: (before, match, after), each
/// a whole number of characters, `context` characters at most either side.
pub fn snippet(corpus: &Corpus, hit: &Hit, context: usize) -> (String, String, String) {
    let Some(unit) = corpus.units.get(hit.unit) else {
        return Default::default();
    };
    let text = &unit.text;
    let before: String = {
        let head = text.get(..hit.start).unwrap_or("");
        let mut chars: Vec<char> = head.chars().rev().take(context).collect();
        chars.reverse();
        chars.into_iter().collect()
    };
    let matched = text.get(hit.start..hit.end).unwrap_or("").to_string();
    let after: String = text
        .get(hit.end..)
        .unwrap_or("")
        .chars()
        .take(context)
        .collect();
    (before, matched, after)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(texts: &[&str]) -> Corpus {
        Corpus {
            units: texts
                .iter()
                .enumerate()
                .map(|(i, t)| Unit::new(format!("u{i}"), vec![], *t))
                .collect(),
            terms: Terms::parse("医保\t医疗保险\n").unwrap(),
        }
    }

    fn found<'a>(c: &'a Corpus, hits: &[Hit]) -> Vec<&'a str> {
        hits.iter()
            .map(|h| &c.units[h.unit].text[h.start..h.end])
            .collect()
    }

    #[test]
    fn finds_every_occurrence_in_reading_order() {
        let c = corpus(&["用政策聚集乡贤、用事业留住乡贤", "汇聚乡贤力量"]);
        let hits = search(&c, "乡贤").hits;
        assert_eq!(hits.len(), 3);
        assert_eq!(hits[2].unit, 1);
        assert_eq!(found(&c, &hits), ["乡贤", "乡贤", "乡贤"]);
    }

    #[test]
    fn overlapping_matches_are_all_found() {
        let c = corpus(&["啊啊啊", "aaa"]);
        assert_eq!(search(&c, "啊啊").hits.len(), 2);
        assert_eq!(search(&c, "aa").hits.len(), 2);
    }

    #[test]
    fn punctuation_matches_across_widths() {
        let c = corpus(&["请予审议，并请列席人员提出意见。"]);
        assert_eq!(
            search(&c, "审议,并").hits.len(),
            1,
            "an ASCII comma finds the full-width one"
        );
        assert_eq!(search(&c, "审议，并").hits.len(), 1);
        assert_eq!(found(&c, &search(&c, "审议,并").hits), ["审议，并"]);
    }

    #[test]
    fn numbers_and_percentages_are_found_in_any_width() {
        let c = corpus(&["完成财税收入1687万元，同比增长14.5%，各项"]);
        assert_eq!(search(&c, "1687").hits.len(), 1);
        assert_eq!(search(&c, "14.5%").hits.len(), 1);
        assert_eq!(search(&c, "１６８７").hits.len(), 1, "full-width digits");
        assert_eq!(search(&c, "１４.５％").hits.len(), 1);
    }

    #[test]
    fn card_labels_match_like_the_text() {
        assert!(label_matches("财税收入", "财税 收入"));
        assert!(!label_matches("财税收入", " "));
    }

    #[test]
    fn latin_letters_match_without_case() {
        let c = corpus(&["加入Vip免费下载"]);
        assert_eq!(search(&c, "vip").hits.len(), 1);
        assert_eq!(search(&c, "ＶＩＰ").hits.len(), 1);
    }

    #[test]
    fn a_query_spanning_a_figure_and_its_text_is_found() {
        // In the page the figure is markup around "1687万元"; the text is what is searched.
        let c = corpus(&["收入1687万元，同比增长14.5%"]);
        assert_eq!(
            found(&c, &search(&c, "入1687万元，同").hits),
            ["入1687万元，同"]
        );
    }

    #[test]
    fn an_empty_or_blank_query_finds_nothing() {
        let c = corpus(&["文字"]);
        assert!(search(&c, "").hits.is_empty());
        assert!(search(&c, "  \u{3000}").hits.is_empty());
    }

    #[test]
    fn a_query_longer_than_the_text_finds_nothing() {
        let c = corpus(&["短", ""]);
        assert!(search(&c, "比文本更长的查询").hits.is_empty());
    }

    #[test]
    fn a_query_that_is_not_there_finds_nothing() {
        let c = corpus(&["乡村振兴"]);
        assert!(search(&c, "火星").hits.is_empty());
    }

    #[test]
    fn spaces_in_the_text_or_the_query_do_not_matter() {
        let c = corpus(&["完成财税收入1687 万元，医 疗保险"]);
        assert_eq!(found(&c, &search(&c, "1687万元").hits), ["1687 万元"]);
        assert_eq!(found(&c, &search(&c, "1687 万元").hits), ["1687 万元"]);
        assert_eq!(found(&c, &search(&c, "医疗").hits), ["医 疗"]);
        assert_eq!(
            search(&c, "财税 收入\n1687").hits.len(),
            1,
            "a pasted line break"
        );
    }

    #[test]
    fn straight_quotes_and_hyphens_find_curly_quotes_and_dashes() {
        let c = corpus(&["“生命线”，‘一把手’，1—8月"]);
        assert_eq!(found(&c, &search(&c, "\"生命线\"").hits), ["“生命线”"]);
        assert_eq!(search(&c, "'一把手'").hits.len(), 1);
        assert_eq!(found(&c, &search(&c, "1-8月").hits), ["1—8月"]);
    }

    #[test]
    fn numerals_are_found_in_either_form() {
        let c = corpus(&["桥湾三个联建村", "为130名脱贫人口"]);
        assert_eq!(found(&c, &search(&c, "3个").hits), ["三个"]);
        assert_eq!(found(&c, &search(&c, "一百三十名").hits), ["130名"]);
        assert_eq!(found(&c, &search(&c, "三个").hits), ["三个"]);
        assert_eq!(search(&c, "3").hits.len(), 2, "三个 and the 3 of 130");
    }

    #[test]
    fn a_lone_digit_does_not_find_numerals_inside_words() {
        let c = corpus(&["统一规划，一是抓项目"]);
        assert!(search(&c, "1").hits.is_empty());
    }

    #[test]
    fn an_everyday_word_finds_the_official_term_and_says_so() {
        let c = corpus(&["城乡居民医疗保险参保9950人"]);
        let result = search(&c, "医保");
        assert_eq!(found(&c, &result.hits), ["医疗保险"]);
        assert_eq!(result.also, ["医疗保险"]);
        let direct = search(&c, "医疗保险");
        assert!(direct.also.is_empty(), "the term itself needs no note");
    }

    #[test]
    fn nothing_found_suggests_shorter_queries_that_find_something() {
        let c = corpus(&["坚持用政策聚集乡贤、用事业留住乡贤"]);
        let tips = suggest(&c, "用政策聚集火星人");
        assert_eq!(tips[0], ("用政策聚集".to_string(), 1));
        let tips = suggest(&c, "火星，乡贤");
        assert!(tips.contains(&("乡贤".to_string(), 2)), "{tips:?}");
        assert!(suggest(&c, "乡贤").is_empty(), "found: no suggestions");
        assert!(suggest(&c, "火星").is_empty(), "nothing of it is there");
    }

    #[test]
    fn a_very_long_query_is_searched_and_shortened_for_messages() {
        let c = corpus(&["乡村振兴"]);
        let long = "乡".repeat(10_000);
        assert!(search(&c, &long).hits.is_empty());
        assert_eq!(shorten(&long, 5), "乡乡乡乡…");
        assert_eq!(shorten(" 乡村 ", 5), "乡村");
    }

    #[test]
    fn surrounding_spaces_of_the_query_are_ignored() {
        let c = corpus(&["乡村振兴"]);
        assert_eq!(search(&c, " 振兴 ").hits.len(), 1);
    }

    #[test]
    fn a_report_is_searched_from_its_title_to_its_last_words() {
        let report = crate::parse::parse_body(
            "年度报告 各位代表: 开场白。 一、回顾 引言。 今年来,我们抓经济。一是抓项目。最后",
        )
        .unwrap();
        let c = Corpus::new(&report, Terms::default());
        let ids: Vec<&str> = search(&c, "报告")
            .hits
            .iter()
            .map(|h| c.units[h.unit].id.as_str())
            .collect();
        assert_eq!(ids, [TITLE]);
        assert_eq!(c.units[search(&c, "代表").hits[0].unit].id, SALUTATION);
        assert_eq!(
            c.units[search(&c, "一是").hits[0].unit].id,
            "sec-1-1-1-h",
            "headings too"
        );
        assert_eq!(
            c.units[search(&c, "最后").hits[0].unit].path,
            ["sec-1", "sec-1-1", "sec-1-1-1"]
        );
    }

    #[test]
    fn snippets_give_context_in_whole_characters() {
        let c = corpus(&["一二三四五六七八九"]);
        let hit = &search(&c, "五").hits[0];
        assert_eq!(
            snippet(&c, hit, 2),
            ("三四".to_string(), "五".to_string(), "六七".to_string())
        );
        let edge = &search(&c, "一").hits[0];
        assert_eq!(snippet(&c, edge, 3).0, "");
    }
}
