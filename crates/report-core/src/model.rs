//! The report model: the checked, pure data that the parser produces and the app shows.

use std::fmt;

/// A whole report, in reading order.
///
/// Concatenating every string of the model in reading order (see [`Report::shown_text`])
/// gives back the cleaned body text exactly: nothing is dropped, added or reordered. Inside a
/// string, `\n` separates paragraphs; a string never starts or ends with one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// The report's title for display, whitespace left out ("2024年某镇政府工作报告"): the text
    /// of the title lines of [`Report::front`] (not part of the shown text by itself).
    pub title: String,
    /// The lines above the salutation, in order: the title (one or more lines), the meeting
    /// line, the speaker, an issuing notice, a source line.
    pub front: Vec<FrontItem>,
    /// The salutation, for example "各位代表：", when the body has one.
    pub salutation: Option<String>,
    /// Text between the salutation and the first part (may be empty).
    pub opening: String,
    /// Top-level sections: the parts (一、二、…).
    pub sections: Vec<Section>,
    /// Annexes after the report (附件1, 附件2 名词解释), with their own items.
    pub annexes: Vec<Section>,
    /// True when the text stops mid-sentence (no sentence-ending punctuation at the end).
    pub truncated: bool,
}

/// Facts about a report that its text does not state in one place: who issued it, where,
/// when, and where the text comes from. Every field is optional; the app shows what is there.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meta {
    /// A title to show instead of the text's own title lines (when they are missing or split).
    pub title: Option<String>,
    /// "某某镇人民政府".
    pub issuer: Option<String>,
    /// "某省某县某镇".
    pub place: Option<String>,
    pub year: Option<String>,
    /// Where the text comes from, in words ("网络文档分享网站上的免费预览").
    pub source: Option<String>,
    /// Where the whole report can be had when the text is not complete.
    pub full_text: Option<String>,
    /// The meeting line ("——2025年1月15日在…会议上"), when known.
    pub meeting: Option<String>,
    /// Who delivers the report ("某省省长 某某"), when known.
    pub speaker: Option<String>,
}

impl Meta {
    /// From `key → value` pairs (the `meta` lines of the curation file); unknown keys are
    /// ignored, empty values are absent.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Meta {
        let mut meta = Meta::default();
        for (key, value) in pairs {
            let value = Some(value.trim().to_string()).filter(|v| !v.is_empty());
            match key {
                "title" => meta.title = value,
                "meeting" => meta.meeting = value,
                "speaker" => meta.speaker = value,
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

    /// Fills what is unknown from the report's own front matter (meeting line, speaker).
    pub fn complete_from(&mut self, report: &Report) {
        let joined = |kind: FrontKind| {
            let parts: Vec<&str> = report
                .front
                .iter()
                .filter(|f| f.kind == kind)
                .map(|f| f.text.as_str())
                .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        };
        if self.meeting.is_none() {
            self.meeting = joined(FrontKind::Meeting);
        }
        if self.speaker.is_none() {
            self.speaker = joined(FrontKind::Speaker);
        }
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

/// One line of the report's front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontItem {
    pub kind: FrontKind,
    pub text: String,
}

/// What a line above the salutation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontKind {
    /// The report's title (possibly one of several lines).
    Title,
    /// "——2025年1月15日在…会议上".
    Meeting,
    /// Who delivers it: "某省省长 某某".
    Speaker,
    /// An issuing notice around the report: "关于印发…的通知", "…府发〔2024〕2号".
    Notice,
    /// Anything else above the salutation ("来源：…").
    Other,
}

impl FrontKind {
    /// The kind's name in the report file: "title", "meeting", "speaker", "notice", "other".
    pub fn key(self) -> &'static str {
        match self {
            FrontKind::Title => "title",
            FrontKind::Meeting => "meeting",
            FrontKind::Speaker => "speaker",
            FrontKind::Notice => "notice",
            FrontKind::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<FrontKind> {
        [
            FrontKind::Title,
            FrontKind::Meeting,
            FrontKind::Speaker,
            FrontKind::Notice,
            FrontKind::Other,
        ]
        .into_iter()
        .find(|k| k.key() == key)
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
    /// "1." or "（1）": a numbered item under a part or subsection (or in an annex).
    Item,
    /// "附件1 名词解释": an annex after the report.
    Annex,
}

impl SectionKind {
    /// Whether a reader can fold a section of this kind away (every kind but a part).
    pub fn collapsible(self) -> bool {
        !matches!(self, SectionKind::Part)
    }

    /// The kind's name in the report file.
    pub fn key(self) -> &'static str {
        match self {
            SectionKind::Part => "part",
            SectionKind::Subsection => "subsection",
            SectionKind::Theme => "theme",
            SectionKind::Point => "point",
            SectionKind::Item => "item",
            SectionKind::Annex => "annex",
        }
    }

    pub fn from_key(key: &str) -> Option<SectionKind> {
        use SectionKind::*;
        [Part, Subsection, Theme, Point, Item, Annex]
            .into_iter()
            .find(|k| k.key() == key)
    }
}

/// A section's position in the outline, one 1-based index per level ("1.2.3"). Annexes are
/// numbered apart: their numbers start with a 0 (`[0, 2, 1]` is item 1 of annex 2).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SectionNumber(pub Vec<u32>);

impl SectionNumber {
    /// Whether this numbers an annex or a section inside one.
    pub fn in_annex(&self) -> bool {
        self.0.first() == Some(&0)
    }

    fn levels(&self) -> &[u32] {
        if self.in_annex() {
            &self.0[1..]
        } else {
            &self.0
        }
    }

    /// The stable HTML id of the section with this number: `sec-1-2-3`, `annex-2-1`.
    pub fn id(&self) -> String {
        let mut id = String::from(if self.in_annex() { "annex" } else { "sec" });
        for n in self.levels() {
            id.push('-');
            id.push_str(&n.to_string());
        }
        id
    }

    /// Nesting depth: 1 for a part or an annex, 2 for its children, and so on.
    pub fn depth(&self) -> usize {
        self.levels().len()
    }

    /// The number of a section id (`sec-1-2`, `annex-2-1`), if it is one.
    pub fn from_id(id: &str) -> Option<SectionNumber> {
        let (annex, rest) = match id.strip_prefix("sec-") {
            Some(rest) => (false, rest),
            None => (true, id.strip_prefix("annex-")?),
        };
        let mut levels: Vec<u32> = Vec::new();
        if annex {
            levels.push(0);
        }
        for part in rest.split('-') {
            let n: u32 = part.parse().ok()?;
            if n == 0 || part.starts_with('0') {
                return None;
            }
            levels.push(n);
        }
        Some(SectionNumber(levels))
    }
}

impl fmt::Display for SectionNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.in_annex() {
            f.write_str("附件")?;
        }
        for (i, n) in self.levels().iter().enumerate() {
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

    /// How many sections this one is: itself and every section in it.
    pub fn size(&self) -> usize {
        1 + self.children.iter().map(Section::size).sum::<usize>()
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
    /// Every section of the report, annexes included, depth first, in reading order.
    pub fn sections(&self) -> Vec<&Section> {
        self.sections
            .iter()
            .chain(&self.annexes)
            .flat_map(Section::walk)
            .collect()
    }

    /// The report's top-level sections and annexes, in reading order.
    pub fn top_level(&self) -> impl Iterator<Item = &Section> {
        self.sections.iter().chain(&self.annexes)
    }

    /// The section with the given HTML id, if any.
    pub fn find(&self, id: &str) -> Option<&Section> {
        self.chain(id)?.last().copied()
    }

    /// The sections from the top level down to the one with `id`, found by the numbers in the
    /// id (a walk of its depth, not a search of the whole report).
    fn chain(&self, id: &str) -> Option<Vec<&Section>> {
        let number = SectionNumber::from_id(id)?;
        let (top, levels) = if number.in_annex() {
            (&self.annexes, &number.0[1..])
        } else {
            (&self.sections, &number.0[..])
        };
        let mut out = Vec::with_capacity(levels.len());
        let mut siblings = top;
        for &n in levels {
            let section = siblings.get(usize::try_from(n).ok()?.checked_sub(1)?)?;
            out.push(section);
            siblings = &section.children;
        }
        // Only a section whose own number is this id (the tree is numbered by position).
        (out.last()?.id() == id).then_some(out)
    }

    /// The ids of the section with `id` and of all its ancestors, outermost first
    /// (empty when no section has this id).
    pub fn path_to(&self, id: &str) -> Vec<String> {
        self.chain(id)
            .map(|chain| chain.iter().map(|s| s.id()).collect())
            .unwrap_or_default()
    }

    /// Where a truncated report stops: the words after the last punctuation mark (at most 12
    /// characters), for a notice such as "句子在“今年共”处中断". None when not truncated.
    pub fn cut_tail(&self) -> Option<String> {
        if !self.truncated {
            return None;
        }
        // The last piece of text: the words of the last paragraph.
        let text = self.shown_text();
        let last = self
            .sections()
            .last()
            .map(|s| {
                if s.body.is_empty() {
                    s.full_heading()
                } else {
                    s.body.clone()
                }
            })
            .filter(|t| text.ends_with(t.as_str()))
            .unwrap_or(text);
        let mut tail: Vec<char> = last
            .chars()
            .rev()
            .take_while(|c| !"，。；：、！？”“（）,.;:\n".contains(*c))
            .take(12)
            .collect();
        tail.reverse();
        Some(tail.into_iter().collect())
    }

    /// All the text the model holds, in reading order, exactly as shown (paragraphs within a
    /// string keep their `\n`; the pieces are joined as they are).
    pub fn shown_text(&self) -> String {
        let mut out = String::new();
        for item in &self.front {
            out.push_str(&item.text);
        }
        if let Some(s) = &self.salutation {
            out.push_str(s);
        }
        out.push_str(&self.opening);
        for s in self.top_level() {
            s.push_text(&mut out);
        }
        out
    }

    /// A report made of one title line and some text (for tests and simple uses).
    pub fn titled(title: &str) -> Report {
        Report {
            title: title.to_string(),
            front: vec![FrontItem {
                kind: FrontKind::Title,
                text: title.to_string(),
            }],
            ..Report::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(truncated: bool, last: &str) -> Report {
        Report {
            truncated,
            sections: vec![Section {
                kind: SectionKind::Part,
                number: SectionNumber(vec![1]),
                marker: "一、".into(),
                heading: "回顾".into(),
                body: last.into(),
                children: vec![],
            }],
            ..Report::titled("报告")
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
        assert_eq!(SectionNumber(vec![0, 2, 1]).id(), "annex-2-1");
        assert_eq!(SectionNumber(vec![0, 2, 1]).depth(), 2);
        for id in ["sec-1-2-3", "annex-2-1", "sec-10"] {
            assert_eq!(
                SectionNumber::from_id(id).map(|n| n.id()).as_deref(),
                Some(id)
            );
        }
        for bad in ["sec-0", "sec-", "sec-1-x", "card-1", "sec-01"] {
            assert_eq!(SectionNumber::from_id(bad), None, "{bad}");
        }
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
