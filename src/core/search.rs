//! Full-text search over the report: plain substring matching on normalised text, so that any
//! Chinese string works with no word segmentation and no index to ship.
//!
//! Normalisation is the part of NFKC that occurs in such text, applied one character to one
//! character (so positions in the normalised text are positions in the shown text): full-width
//! ASCII forms (`１６８７`, `，`, `％`, `Ａ`) become ASCII, the ideographic space a space, and
//! Latin letters lower case. A query "14.5%" therefore finds "14.5%", "１４.５％" finds it too,
//! and "," finds "，".

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
    folded: Vec<char>,
    /// Byte offset of each char of `text`, plus the text's length at the end.
    offsets: Vec<usize>,
}

impl Unit {
    pub fn new(id: impl Into<String>, path: Vec<String>, text: impl Into<String>) -> Unit {
        let text = text.into();
        let folded = text.chars().map(fold).collect();
        let mut offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        offsets.push(text.len());
        Unit {
            id: id.into(),
            path,
            text,
            folded,
            offsets,
        }
    }
}

/// The searchable text of a report, in reading order (built once, at run time).
#[derive(Debug, Clone, PartialEq)]
pub struct Corpus {
    pub units: Vec<Unit>,
}

/// The ids of the text units holding the title and the salutation.
pub const TITLE: &str = "title";
pub const SALUTATION: &str = "salutation";

/// The id of the text unit holding a section's heading.
pub fn heading_unit(section_id: &str) -> String {
    format!("{section_id}-h")
}

impl Corpus {
    pub fn new(report: &Report) -> Corpus {
        let mut units = vec![Unit::new(TITLE, Vec::new(), report.title.clone())];
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
        Corpus { units }
    }
}

/// One occurrence of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the unit in [`Corpus::units`].
    pub unit: usize,
    /// Byte range of the match in the unit's text.
    pub start: usize,
    pub end: usize,
}

/// The character a text or query character is compared as.
pub fn fold(c: char) -> char {
    let c = match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c => c,
    };
    c.to_ascii_lowercase()
}

/// The query as compared: folded, with surrounding whitespace removed. Empty means "no search".
pub fn normalise_query(query: &str) -> Vec<char> {
    query.trim().chars().map(fold).collect()
}

/// Every occurrence of `query` in the corpus, in reading order, overlapping ones included
/// ("aa" in "aaa" is found twice). An empty query finds nothing.
pub fn search(corpus: &Corpus, query: &str) -> Vec<Hit> {
    let needle = normalise_query(query);
    let mut hits = Vec::new();
    let Some(&first) = needle.first() else {
        return hits;
    };
    for (u, unit) in corpus.units.iter().enumerate() {
        let hay = &unit.folded;
        if hay.len() < needle.len() {
            continue;
        }
        for i in 0..=hay.len() - needle.len() {
            if hay[i] == first && hay[i..i + needle.len()] == needle[..] {
                hits.push(Hit {
                    unit: u,
                    start: unit.offsets[i],
                    end: unit.offsets[i + needle.len()],
                });
            }
        }
    }
    hits
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
        let hits = search(&c, "乡贤");
        assert_eq!(hits.len(), 3);
        assert_eq!(hits[2].unit, 1);
        assert_eq!(found(&c, &hits), ["乡贤", "乡贤", "乡贤"]);
    }

    #[test]
    fn overlapping_matches_are_all_found() {
        let c = corpus(&["啊啊啊", "aaa"]);
        assert_eq!(search(&c, "啊啊").len(), 2);
        assert_eq!(search(&c, "aa").len(), 2);
    }

    #[test]
    fn punctuation_matches_across_widths() {
        let c = corpus(&["请予审议，并请列席人员提出意见。"]);
        assert_eq!(
            search(&c, "审议,并").len(),
            1,
            "an ASCII comma finds the full-width one"
        );
        assert_eq!(search(&c, "审议，并").len(), 1);
        assert_eq!(found(&c, &search(&c, "审议,并")), ["审议，并"]);
    }

    #[test]
    fn numbers_and_percentages_are_found_in_any_width() {
        let c = corpus(&["完成财税收入1687万元，同比增长14.5%，各项"]);
        assert_eq!(search(&c, "1687").len(), 1);
        assert_eq!(search(&c, "14.5%").len(), 1);
        assert_eq!(search(&c, "１６８７").len(), 1, "full-width digits");
        assert_eq!(search(&c, "１４.５％").len(), 1);
    }

    #[test]
    fn latin_letters_match_without_case() {
        let c = corpus(&["加入Vip免费下载"]);
        assert_eq!(search(&c, "vip").len(), 1);
        assert_eq!(search(&c, "ＶＩＰ").len(), 1);
    }

    #[test]
    fn a_query_spanning_a_figure_and_its_text_is_found() {
        // In the page the figure is markup around "1687万元"; the text is what is searched.
        let c = corpus(&["收入1687万元，同比增长14.5%"]);
        assert_eq!(found(&c, &search(&c, "入1687万元，同")), ["入1687万元，同"]);
    }

    #[test]
    fn an_empty_or_blank_query_finds_nothing() {
        let c = corpus(&["文字"]);
        assert!(search(&c, "").is_empty());
        assert!(search(&c, "  \u{3000}").is_empty());
    }

    #[test]
    fn a_query_longer_than_the_text_finds_nothing() {
        let c = corpus(&["短", ""]);
        assert!(search(&c, "比文本更长的查询").is_empty());
    }

    #[test]
    fn a_query_that_is_not_there_finds_nothing() {
        let c = corpus(&["乡村振兴"]);
        assert!(search(&c, "火星").is_empty());
    }

    #[test]
    fn surrounding_spaces_of_the_query_are_ignored() {
        let c = corpus(&["乡村振兴"]);
        assert_eq!(search(&c, " 振兴 ").len(), 1);
    }

    #[test]
    fn a_report_is_searched_from_its_title_to_its_last_words() {
        let report = crate::core::parse::parse_body(
            "年度报告 各位代表: 开场白。 一、回顾 引言。 今年来,我们抓经济。一是抓项目。最后",
        )
        .unwrap();
        let c = Corpus::new(&report);
        let ids: Vec<&str> = search(&c, "报告")
            .iter()
            .map(|h| c.units[h.unit].id.as_str())
            .collect();
        assert_eq!(ids, [TITLE]);
        assert_eq!(c.units[search(&c, "代表")[0].unit].id, SALUTATION);
        assert_eq!(
            c.units[search(&c, "一是")[0].unit].id,
            "sec-1-1-1-h",
            "headings too"
        );
        assert_eq!(
            c.units[search(&c, "最后")[0].unit].path,
            ["sec-1", "sec-1-1", "sec-1-1-1"]
        );
    }

    #[test]
    fn snippets_give_context_in_whole_characters() {
        let c = corpus(&["一二三四五六七八九"]);
        let hit = &search(&c, "五")[0];
        assert_eq!(
            snippet(&c, hit, 2),
            ("三四".to_string(), "五".to_string(), "六七".to_string())
        );
        let edge = &search(&c, "一")[0];
        assert_eq!(snippet(&c, edge, 3).0, "");
    }
}
