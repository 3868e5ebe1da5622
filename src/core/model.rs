//! The report model: the checked, pure data that the parser produces and the app shows.

use std::fmt;

/// A whole report, in reading order.
///
/// Concatenating every string of the model in reading order (see [`Report::shown_text`])
/// gives back the cleaned body text exactly: nothing is dropped, added or reordered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The report's title as it opens the body ("2024年嵩市镇政府工作报告").
    pub title: String,
    /// The salutation, for example "各位代表：", when the body has one.
    pub salutation: Option<String>,
    /// Text between the salutation and the first part (may be empty).
    pub opening: String,
    /// Top-level sections: the parts (一、二、…).
    pub sections: Vec<Section>,
    /// True when the text stops mid-sentence (no sentence-ending punctuation at the end).
    pub truncated: bool,
}

/// Facts about a report that its text does not state in one place: who issued it, where,
/// when, and where the text comes from. Every field is optional; the app shows what is there.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meta {
    /// "某某镇人民政府".
    pub issuer: Option<String>,
    /// "某省某县某镇".
    pub place: Option<String>,
    pub year: Option<String>,
    /// Where the text comes from, in words ("网络文档分享网站上的免费预览").
    pub source: Option<String>,
    /// Where the whole report can be had when the text is not complete.
    pub full_text: Option<String>,
}

impl Meta {
    /// From `key → value` pairs (the `meta` lines of the curation file); unknown keys are
    /// ignored, empty values are absent.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Meta {
        let mut meta = Meta::default();
        for (key, value) in pairs {
            let value = Some(value.trim().to_string()).filter(|v| !v.is_empty());
            match key {
                "issuer" => meta.issuer = value,
                "place" => meta.place = value,
                "year" => meta.year = value,
                "source" => meta.source = value,
                "full_text" => meta.full_text = value,
                _ => {}
            }
        }
        meta
    }

    /// "issuer · year · place", leaving out what is unknown.
    pub fn byline(&self) -> String {
        [
            &self.issuer,
            &self.year.as_ref().map(|y| format!("{y}年")),
            &self.place,
        ]
        .iter()
        .filter_map(|v| v.as_deref())
        .collect::<Vec<_>>()
        .join(" · ")
    }
}

/// What kind of block a section is; decides its heading level and how it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionKind {
    /// "一、2024年以来工作回顾": a numbered part of the report.
    Part,
    /// "（一）…": a numbered subsection of a part.
    Subsection,
    /// A group of points introduced by a lead sentence ("今年来，我们…。"), which is its heading.
    Theme,
    /// "一是…": a numbered point; its first sentence is its heading.
    Point,
}

/// A section's position in the outline, one 1-based index per level ("1.2.3").
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SectionNumber(pub Vec<u32>);

impl SectionNumber {
    /// The stable HTML id of the section with this number: `sec-1-2-3`.
    pub fn id(&self) -> String {
        let mut id = String::from("sec");
        for n in &self.0 {
            id.push('-');
            id.push_str(&n.to_string());
        }
        id
    }

    /// Nesting depth: 1 for a part, 2 for its children, and so on.
    pub fn depth(&self) -> usize {
        self.0.len()
    }
}

impl fmt::Display for SectionNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, n) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "{n}")?;
        }
        Ok(())
    }
}

/// One section of the outline: a part, subsection, theme or point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub kind: SectionKind,
    pub number: SectionNumber,
    /// The numbering as written: "一、", "（一）", "一是"; empty for a theme.
    pub marker: String,
    /// The heading text after the marker ("2024年以来工作回顾", "把好经济“方向盘”。").
    pub heading: String,
    /// Text after the heading and before the first child (may be empty).
    pub body: String,
    pub children: Vec<Section>,
}

impl Section {
    /// The stable HTML id of this section (`sec-1-2-3`).
    pub fn id(&self) -> String {
        self.number.id()
    }

    /// The heading as read: marker and heading text.
    pub fn full_heading(&self) -> String {
        format!("{}{}", self.marker, self.heading)
    }

    /// This section and all its descendants, depth first, in reading order.
    pub fn walk(&self) -> Vec<&Section> {
        let mut out = vec![self];
        for child in &self.children {
            out.extend(child.walk());
        }
        out
    }

    fn push_text(&self, out: &mut String) {
        out.push_str(&self.marker);
        out.push_str(&self.heading);
        out.push_str(&self.body);
        for child in &self.children {
            child.push_text(out);
        }
    }
}

impl Report {
    /// Every section of the report, depth first, in reading order.
    pub fn sections(&self) -> Vec<&Section> {
        self.sections.iter().flat_map(Section::walk).collect()
    }

    /// The section with the given HTML id, if any.
    pub fn find(&self, id: &str) -> Option<&Section> {
        self.sections().into_iter().find(|s| s.id() == id)
    }

    /// The ids of the section with `id` and of all its ancestors, outermost first
    /// (empty when no section has this id).
    pub fn path_to(&self, id: &str) -> Vec<String> {
        fn search(sections: &[Section], id: &str, path: &mut Vec<String>) -> bool {
            for s in sections {
                path.push(s.id());
                if s.id() == id || search(&s.children, id, path) {
                    return true;
                }
                path.pop();
            }
            false
        }
        let mut path = Vec::new();
        search(&self.sections, id, &mut path);
        path
    }

    /// Where a truncated report stops: the words after the last punctuation mark (at most 12
    /// characters), for a notice such as "句子在“今年共”处中断". None when not truncated.
    pub fn cut_tail(&self) -> Option<String> {
        if !self.truncated {
            return None;
        }
        let text = self.shown_text();
        let mut tail: Vec<char> = text
            .chars()
            .rev()
            .take_while(|c| !"，。；：、！？”“（）,.;:".contains(*c))
            .take(12)
            .collect();
        tail.reverse();
        Some(tail.into_iter().collect())
    }

    /// All the text the model holds, in reading order, exactly as shown.
    pub fn shown_text(&self) -> String {
        let mut out = String::new();
        out.push_str(&self.title);
        if let Some(s) = &self.salutation {
            out.push_str(s);
        }
        out.push_str(&self.opening);
        for s in &self.sections {
            s.push_text(&mut out);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(truncated: bool, last: &str) -> Report {
        Report {
            title: "报告".into(),
            salutation: None,
            opening: String::new(),
            sections: vec![Section {
                kind: SectionKind::Part,
                number: SectionNumber(vec![1]),
                marker: "一、".into(),
                heading: "回顾".into(),
                body: last.into(),
                children: vec![],
            }],
            truncated,
        }
    }

    #[test]
    fn cut_tail_is_the_words_after_the_last_punctuation() {
        let r = report(true, "落实包案化解，今年共");
        assert_eq!(r.cut_tail().as_deref(), Some("今年共"));
    }

    #[test]
    fn cut_tail_is_none_for_a_complete_report() {
        assert_eq!(report(false, "完成。").cut_tail(), None);
    }

    #[test]
    fn meta_keeps_known_keys_and_leaves_out_what_is_unknown() {
        let meta = Meta::from_pairs([("issuer", "某镇人民政府"), ("year", "2030"), ("x", "y")]);
        assert_eq!(meta.byline(), "某镇人民政府 · 2030年");
        assert_eq!(meta.place, None);
        assert_eq!(Meta::default().byline(), "");
    }

    #[test]
    fn section_ids_follow_the_numbering() {
        assert_eq!(SectionNumber(vec![1, 2, 3]).id(), "sec-1-2-3");
        assert_eq!(SectionNumber(vec![1, 2, 3]).to_string(), "1.2.3");
    }

    #[test]
    fn path_to_lists_ancestors_outermost_first() {
        let mut r = report(false, "");
        r.sections[0].children.push(Section {
            kind: SectionKind::Point,
            number: SectionNumber(vec![1, 1]),
            marker: "一是".into(),
            heading: "抓。".into(),
            body: String::new(),
            children: vec![],
        });
        assert_eq!(r.path_to("sec-1-1"), vec!["sec-1", "sec-1-1"]);
        assert!(r.path_to("sec-2").is_empty());
        assert_eq!(r.shown_text(), "报告一、回顾一是抓。");
    }
}
