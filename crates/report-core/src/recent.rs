//! Reports opened before (最近打开): the list the browser keeps in local storage, as versioned
//! JSON, so that a report a reader opened can be opened again without its file.
//!
//! Each entry keeps the report file (the compact JSON of `file.rs`), not the text it came
//! from: opening it again needs no parsing, only [`super::file::read_own`] (a file kept by an
//! earlier version, without its figures, is read again by the reading worker). The list is small on
//! purpose — at most [`MOST_REPORTS`] reports and [`MOST_CHARS`] bytes of UTF-8 in all (a town's
//! report file is about 30,000, a province's about 300,000), newest first; the oldest go first, and
//! a report too large for the list alone is not kept (the reader is told).
//!
//! Stored data of another version, or damaged, is not read: [`Recent::parse`] says why, the
//! app starts with an empty list and writes a new one the next time a report is opened (the
//! list only holds copies of files the reader has).

use serde::{Deserialize, Serialize};

/// The local storage key.
pub const KEY: &str = "songshi-report.recent";
/// The version of the stored list.
pub const VERSION: u32 = 1;
/// Most reports kept.
pub const MOST_REPORTS: usize = 5;
/// Most bytes of UTF-8 kept in all (local storage holds about 5 million UTF-16 units per site;
/// a Chinese character is 3 bytes but one unit, so this stays well inside).
pub const MOST_CHARS: usize = 2_000_000;

/// One report opened before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecentReport {
    /// The report's title.
    pub title: String,
    /// The name of the file it was opened from.
    pub name: String,
    /// The day it was last opened, as shown (`2026年11月30日`, the reader's own calendar).
    pub opened: String,
    /// The report file (JSON; schema 2, or 1 when kept by an earlier version).
    pub file: String,
}

impl RecentReport {
    fn chars(&self) -> usize {
        self.title.len() + self.name.len() + self.opened.len() + self.file.len()
    }
}

/// The stored list, newest first.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Recent {
    pub version: u32,
    pub reports: Vec<RecentReport>,
}

impl Recent {
    /// Reads the stored list; another version, or damaged data, is an error in Chinese.
    pub fn parse(stored: &str) -> Result<Recent, String> {
        let recent: Recent = serde_json::from_str(stored)
            .map_err(|_| "最近打开的记录已损坏，没有读取。".to_string())?;
        if recent.version != VERSION {
            return Err(format!(
                "最近打开的记录是另一版本（{}）保存的，没有读取。",
                recent.version
            ));
        }
        Ok(recent)
    }

    /// Puts `report` first (in place of the same report file opened before, or of the same
    /// file name and title kept in an older form), then drops the oldest beyond the limits.
    /// False when the report alone is too large to keep.
    pub fn add(&mut self, report: RecentReport) -> bool {
        self.version = VERSION;
        self.reports.retain(|r| {
            r.file != report.file && (r.name != report.name || r.title != report.title)
        });
        if report.chars() > MOST_CHARS {
            return false;
        }
        self.reports.insert(0, report);
        let mut total = 0;
        let keep = self
            .reports
            .iter()
            .take(MOST_REPORTS)
            .take_while(|r| {
                total += r.chars();
                total <= MOST_CHARS
            })
            .count();
        self.reports.truncate(keep);
        true
    }

    /// Forgets the report at `index` (nothing when there is none).
    pub fn remove(&mut self, index: usize) {
        if index < self.reports.len() {
            self.reports.remove(index);
        }
    }

    /// The list as stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(title: &str, file: &str) -> RecentReport {
        RecentReport {
            title: title.into(),
            name: format!("{title}.txt"),
            opened: "2026年11月30日".into(),
            file: file.into(),
        }
    }

    #[test]
    fn the_newest_comes_first_and_the_same_file_is_listed_once() {
        let mut recent = Recent::default();
        assert!(recent.add(report("甲", "{1}")));
        assert!(recent.add(report("乙", "{2}")));
        assert!(recent.add(report("甲again", "{1}")));
        let titles: Vec<&str> = recent.reports.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["甲again", "乙"]);
    }

    #[test]
    fn the_oldest_go_beyond_five_reports_or_the_size_limit() {
        let mut recent = Recent::default();
        for i in 0..7 {
            recent.add(report(&i.to_string(), &format!("{{{i}}}")));
        }
        assert_eq!(recent.reports.len(), MOST_REPORTS);
        assert_eq!(recent.reports[0].title, "6");
        let big = "x".repeat(MOST_CHARS / 2);
        recent.add(report("big1", &format!("1{big}")));
        recent.add(report("big2", &format!("2{big}")));
        let titles: Vec<&str> = recent.reports.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["big2"], "two halves and change do not fit");
        assert!(!recent.add(report("huge", &"y".repeat(MOST_CHARS + 1))));
        assert_eq!(recent.reports.len(), 1);
    }

    #[test]
    fn stored_lists_round_trip_and_damaged_or_foreign_ones_are_refused_in_chinese() {
        let mut recent = Recent::default();
        recent.add(report("甲", "{\"schema\":1}"));
        assert_eq!(Recent::parse(&recent.to_json()).unwrap(), recent);
        assert!(Recent::parse("{not json").unwrap_err().contains("损坏"));
        assert!(Recent::parse("[]").unwrap_err().contains("损坏"));
        assert!(Recent::parse(r#"{"version":9,"reports":[]}"#)
            .unwrap_err()
            .contains("另一版本"));
    }

    #[test]
    fn removing_forgets_one_and_ignores_a_missing_index() {
        let mut recent = Recent::default();
        recent.add(report("甲", "1"));
        recent.add(report("乙", "2"));
        recent.remove(5);
        recent.remove(0);
        assert_eq!(recent.reports[0].title, "甲");
    }
}
