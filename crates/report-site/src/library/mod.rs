//! A library of reports: many reports in one static site (`cargo xtask build --library DIR`).
//!
//! Every report file in the folder (a text in any encoding the importer reads, or a report file
//! `.json`) becomes its own page at `dist/<id>/` ([`ids`]), prerendered like the single report
//! of a plain build and sharing one copy of the wasm, scripts and stylesheet with every other;
//! `dist/index.html` is the library page ([`page`]); `dist/library.json` lists what was built
//! ([`LibraryFile`]); `dist/targets.json` and `dist/targets.csv` hold every target and result
//! of the library ([`targets`]). The optional catalogue `library.tsv` ([`catalogue`]) names the
//! site and sets, per report, what its text does not say well. [`build`] reads the folder and
//! writes the site; the `prerender` step calls it when `REPORT_LIBRARY` names the folder.
//!
//! What a report is (place, level, year) comes from the catalogue, else from the text by the
//! rules of [`Facts::of`]; a report none of whose facts can be told is still built, shown
//! under 其他.

pub mod build;
pub mod cache;
pub mod catalogue;
pub mod ids;
pub mod page;
pub mod search;
pub mod targets;
pub mod views;

use serde::Serialize;

use report_core::model::FrontKind;
use report_core::Content;

/// The level of government a report is from, in the order the library lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Nation,
    Province,
    City,
    County,
    Town,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::Nation,
        Level::Province,
        Level::City,
        Level::County,
        Level::Town,
    ];

    /// Its name as the library shows it and the catalogue writes it.
    pub fn name(self) -> &'static str {
        match self {
            Level::Nation => "全国",
            Level::Province => "省",
            Level::City => "市",
            Level::County => "县区",
            Level::Town => "乡镇",
        }
    }

    pub fn from_name(name: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.name() == name)
    }

    /// The level a place's name says: 全国; a 省 or 自治区 (also by the short names the five
    /// autonomous regions' reports use: 新疆, 西藏, …), or one of the four municipalities under
    /// the centre; a 市, 州 or 盟; a 县, 区 or 旗; a 镇, 乡 or 街道. None when the name says none
    /// of these.
    pub fn of_place(place: &str) -> Option<Level> {
        const PROVINCIAL: [&str; 9] = [
            "北京市",
            "天津市",
            "上海市",
            "重庆市",
            "内蒙古",
            "广西",
            "西藏",
            "宁夏",
            "新疆",
        ];
        let ends = |suffixes: &[&str]| suffixes.iter().any(|s| place.ends_with(s));
        if place == "全国" {
            Some(Level::Nation)
        } else if PROVINCIAL.contains(&place) || ends(&["省", "自治区"]) {
            Some(Level::Province)
        } else if ends(&["市", "州", "盟"]) {
            Some(Level::City)
        } else if ends(&["县", "区", "旗"]) {
            Some(Level::County)
        } else if ends(&["镇", "乡", "街道"]) {
            Some(Level::Town)
        } else {
            None
        }
    }
}

/// What the library says of one report: the catalogue's settings, else what its text says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub title: String,
    pub place: Option<String>,
    pub level: Option<Level>,
    pub year: Option<u32>,
    /// Who delivers or issues it: the curation's `issuer`, else the speaker line.
    pub issuer: Option<String>,
}

impl Facts {
    /// The facts of `content`, with `row`'s settings first. The rules from the text:
    /// - the year: the curation's `year`, else the first `NNNN年` of the title, else of the
    ///   meeting line;
    /// - the place: the curation's `place`, else the title without its year, 人民政府 and
    ///   政府工作报告 (`2031年青岚省政府工作报告` → 青岚省); 全国 for a report to the
    ///   全国人民代表大会 or one its opening delivers 代表国务院;
    /// - the level: from the place's name ([`Level::of_place`]).
    pub fn of(content: &Content, row: Option<&catalogue::Row>) -> Facts {
        let meta = &content.meta;
        let title = row
            .and_then(|r| r.title.clone())
            .or_else(|| meta.title.clone())
            .unwrap_or_else(|| content.report.title.clone());
        let meeting = meta.meeting.clone().or_else(|| {
            content
                .report
                .front
                .iter()
                .find(|f| f.kind == FrontKind::Meeting)
                .map(|f| f.text.clone())
        });
        let year = row
            .and_then(|r| r.year)
            .or_else(|| meta.year.as_deref().and_then(first_year))
            .or_else(|| first_year(&title))
            .or_else(|| meeting.as_deref().and_then(first_year));
        let place = row
            .and_then(|r| r.place.clone())
            .or_else(|| meta.place.clone())
            .or_else(|| place_in_title(&title))
            .or_else(|| {
                let national = meeting
                    .as_deref()
                    .is_some_and(|m| m.contains("全国人民代表大会"))
                    || content.report.opening.contains("代表国务院");
                national.then(|| "全国".to_string())
            });
        let level = row
            .and_then(|r| r.level)
            .or_else(|| place.as_deref().and_then(Level::of_place));
        // A source line ("来源：…") is no speaker.
        let issuer = meta
            .issuer
            .clone()
            .or_else(|| meta.speaker.clone())
            .filter(|who| !who.starts_with("来源"));
        Facts {
            title,
            place,
            level,
            year,
            issuer,
        }
    }
}

/// The first `NNNN年` of `text` (Arabic digits, or 〇一二… as in 二〇三〇年).
fn first_year(text: &str) -> Option<u32> {
    let chars: Vec<char> = text.chars().collect();
    let digit = |c: char| {
        c.to_digit(10).or_else(|| {
            "〇一二三四五六七八九"
                .chars()
                .position(|d| d == c)
                .map(|p| p as u32)
        })
    };
    chars.windows(5).find_map(|w| {
        if w[4] != '年' {
            return None;
        }
        let digits: Option<Vec<u32>> = w[..4].iter().map(|&c| digit(c)).collect();
        let year = digits?.iter().fold(0, |y, d| y * 10 + d);
        (1949..=2999).contains(&year).then_some(year)
    })
}

/// The place a title names: the title without a leading year, 人民政府 and the trailing
/// 政府工作报告; None when nothing is left.
fn place_in_title(title: &str) -> Option<String> {
    let mut rest = title.trim();
    if let Some(at) = rest
        .find('年')
        .filter(|&at| first_year(&rest[..at + 3]).is_some())
    {
        rest = &rest[at + '年'.len_utf8()..];
    }
    let rest = rest
        .trim_end_matches("政府工作报告")
        .trim_end_matches("人民政府")
        .trim_end_matches("（草案）")
        .trim();
    (!rest.is_empty() && !rest.contains("年")).then(|| rest.to_string())
}

/// One report of the library as `library.json` lists it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    /// The report's page, relative to the library page (`<id>/`).
    pub address: String,
    /// The file it was built from, in the library's folder.
    pub file: String,
    pub title: String,
    pub issuer: Option<String>,
    pub place: Option<String>,
    /// 乡镇, 县区, 市, 省 or 全国.
    pub level: Option<&'static str>,
    pub year: Option<u32>,
    /// Characters of the shown text (whitespace left out), as the importer counts them.
    pub characters: usize,
    /// False when the text stops mid-sentence.
    pub complete: bool,
    /// Where an incomplete text stops: its last characters.
    pub stops_at: Option<String>,
    pub figures: usize,
    pub targets: usize,
    /// What a person should check (the importer's warnings).
    pub warnings: Vec<String>,
}

/// How many characters of the end of an incomplete text `stops_at` gives.
const STOPS_AT_CHARS: usize = 20;

impl Entry {
    pub fn of(
        id: &str,
        file: &str,
        facts: &Facts,
        content: &Content,
        warnings: &[String],
    ) -> Entry {
        let text = content.report.shown_text();
        let characters = text.chars().filter(|c| !c.is_whitespace()).count();
        let stops_at = content.report.truncated.then(|| {
            let chars: Vec<char> = text.trim_end().chars().collect();
            chars[chars.len().saturating_sub(STOPS_AT_CHARS)..]
                .iter()
                .collect()
        });
        Entry {
            id: id.to_string(),
            address: format!("{id}/"),
            file: file.to_string(),
            // A text without a title is listed by its file, and says so (nothing made up).
            title: if facts.title.trim().is_empty() {
                format!("{file}（原文没有标题）")
            } else {
                facts.title.clone()
            },
            issuer: facts.issuer.clone(),
            place: facts.place.clone(),
            level: facts.level.map(Level::name),
            year: facts.year,
            characters,
            complete: !content.report.truncated,
            stops_at,
            figures: content.figures.len(),
            targets: content.targets.len(),
            warnings: warnings.to_vec(),
        }
    }

    pub fn level(&self) -> Option<Level> {
        self.level.and_then(Level::from_name)
    }
}

/// A file of the folder that was not built, and why (in Chinese).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LeftOut {
    pub file: String,
    pub error: String,
}

/// `dist/library.json`: the catalogue as built, for other programs.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LibraryFile {
    /// 1 for this layout.
    pub schema: u32,
    pub site: String,
    pub reports: Vec<Entry>,
    pub left_out: Vec<LeftOut>,
}

/// `work` on each of `items`, spread over the machine's cores (std threads, in chunks), the
/// results in the order of `items`.
pub(crate) fn on_every_core<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = items.len().div_ceil(cores).max(1);
    std::thread::scope(|scope| {
        let work = &work;
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(work).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// The folder of the across-places pages (`compare/<year>.html`); no report takes it as its id.
pub const COMPARE_FOLDER: &str = "compare";

/// The file names of `library.json`, `targets.json` and `targets.csv` in `dist/`.
pub const LIBRARY_JSON: &str = "library.json";
pub const TARGETS_JSON: &str = "targets.json";
pub const TARGETS_CSV: &str = "targets.csv";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_places_and_levels_from_titles() {
        assert_eq!(first_year("2031年青岚省政府工作报告"), Some(2031));
        assert_eq!(first_year("二〇三〇年某县"), Some(2030));
        assert_eq!(first_year("——2025年3月5日在…"), Some(2025));
        assert_eq!(first_year("1687万元"), None);
        assert_eq!(
            place_in_title("2031年青岚省政府工作报告").as_deref(),
            Some("青岚省")
        );
        assert_eq!(
            place_in_title("2024年嵩市镇人民政府政府工作报告").as_deref(),
            Some("嵩市镇")
        );
        assert_eq!(place_in_title("政府工作报告"), None);
        assert_eq!(Level::of_place("青岚省"), Some(Level::Province));
        assert_eq!(Level::of_place("上海市"), Some(Level::Province));
        assert_eq!(Level::of_place("云溪市"), Some(Level::City));
        assert_eq!(Level::of_place("某县"), Some(Level::County));
        assert_eq!(Level::of_place("嵩市镇"), Some(Level::Town));
        assert_eq!(Level::of_place("全国"), Some(Level::Nation));
        assert_eq!(Level::of_place("某地"), None);
        assert_eq!(Level::of_place("新疆"), Some(Level::Province));
    }
}
