//! Which report the page shows, as a pure reducer: the embedded one or one a reader opened, the
//! file being read, what went wrong, and the reports opened before.
//!
//! Like `state.rs`, `ShownReport::apply` is plain Rust tested natively and `impl Reducible` is the
//! adapter. Reading files, the reading worker and local storage are effects
//! (`src/open_file.rs`) that dispatch [`ShownAction`]s.
//!
//! A report read from a file lives as long as the page (`Box::leak` in `open_file.rs`): the
//! components borrow reports as `&'static`, and a reader opens a handful at most. Showing
//! another report changes `serial`, which re-creates the reader's state (`key` in `app.rs`).

use std::rc::Rc;

use yew::Reducible;

use report_core::recent::{Recent, RecentReport};
use report_core::Content;

/// Where the shown report comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The report built into the page.
    Embedded,
    /// A file the reader opened (its name), on this day (`2026年11月30日`).
    File { name: String, opened: String },
}

/// What is happening with a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Idle,
    /// Reading this file.
    Reading(String),
    /// This file could not be opened, and why (the shown report stays).
    Failed {
        name: String,
        message: String,
    },
    /// What was just done ("已打开…", "已删除…"), for screen readers.
    Said(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ShownReport {
    /// The report built into the page, or why it could not be read.
    pub embedded: Result<&'static Content, &'static str>,
    /// The report shown.
    pub shown: Result<&'static Content, &'static str>,
    pub origin: Origin,
    /// Changes whenever another report is shown.
    pub serial: u32,
    /// What the reader should check in the shown report (from the import).
    pub notes: Rc<Vec<String>>,
    pub status: Status,
    /// Reports opened before, newest first.
    pub recent: Rc<Recent>,
    /// How often the list was changed by the reader (opening, forgetting) since the page
    /// loaded: the storage effect writes it only then, never just for having read it.
    pub recent_changes: u32,
    /// Why the stored list was not read, or why a report was not kept in it.
    pub recent_note: Option<String>,
}

/// A report read from a file, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub content: &'static Content,
    /// The file's name.
    pub name: String,
    /// Today (`2026年11月30日`).
    pub opened: String,
    /// Notes from the import and the file check.
    pub notes: Vec<String>,
    /// The report file to keep in the recent list.
    pub file: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ShownAction {
    /// Started reading a file with this name.
    Reading(String),
    /// Show this report and put it first in the recent list.
    Opened(Opened),
    /// The file with this name could not be opened, and why.
    Failed {
        name: String,
        message: String,
    },
    /// At start-up: show the report this tab showed before a reload (from the recent list),
    /// as if it had never gone; the list stays as it is.
    Restore(Opened),
    /// Go back to the report built into the page.
    ShowEmbedded,
    /// The stored recent list as read at start-up (or why it could not be read).
    RecentLoaded(Result<Recent, String>),
    /// Forget the recent report at this index.
    Forget(usize),
    /// The recent list could not be saved (the browser's storage is full or off).
    NotSaved,
    DismissStatus,
}

impl ShownReport {
    pub fn new(embedded: Result<&'static Content, &'static str>) -> Self {
        Self {
            embedded,
            shown: embedded,
            origin: Origin::Embedded,
            serial: 0,
            notes: Rc::default(),
            status: Status::Idle,
            recent: Rc::default(),
            recent_changes: 0,
            recent_note: None,
        }
    }

    pub fn apply(&mut self, action: ShownAction) {
        match action {
            ShownAction::Reading(name) => self.status = Status::Reading(name),
            ShownAction::Opened(opened) => {
                let title = opened.content.report.title.clone();
                self.status = Status::Said(format!("已打开“{}”：{title}", opened.name));
                let mut recent = (*self.recent).clone();
                let kept = recent.add(RecentReport {
                    title,
                    name: opened.name.clone(),
                    opened: opened.opened.clone(),
                    file: opened.file,
                });
                self.recent_note =
                    (!kept).then(|| "这份报告太大，没有放进“最近打开”。".to_string());
                self.recent = Rc::new(recent);
                self.recent_changes += 1;
                self.shown = Ok(opened.content);
                self.origin = Origin::File {
                    name: opened.name,
                    opened: opened.opened,
                };
                self.notes = Rc::new(opened.notes);
                self.serial += 1;
            }
            ShownAction::Restore(opened) => {
                self.shown = Ok(opened.content);
                self.origin = Origin::File {
                    name: opened.name,
                    opened: opened.opened,
                };
                self.notes = Rc::new(opened.notes);
            }
            ShownAction::Failed { name, message } => self.status = Status::Failed { name, message },
            ShownAction::ShowEmbedded => {
                if self.origin != Origin::Embedded {
                    self.shown = self.embedded;
                    self.origin = Origin::Embedded;
                    self.notes = Rc::default();
                    self.status = Status::Idle;
                    self.serial += 1;
                }
            }
            // A report opened before the list was read keeps its place at the top.
            ShownAction::RecentLoaded(loaded) => match loaded {
                Ok(stored) => {
                    let mut recent = stored;
                    for report in self.recent.reports.iter().rev() {
                        recent.add(report.clone());
                    }
                    self.recent = Rc::new(recent);
                }
                Err(why) => self.recent_note = Some(why),
            },
            ShownAction::Forget(index) => {
                let mut recent = (*self.recent).clone();
                if let Some(report) = recent.reports.get(index) {
                    self.status = Status::Said(format!("已从“最近打开”中删除《{}》", report.title));
                }
                recent.remove(index);
                self.recent = Rc::new(recent);
                self.recent_changes += 1;
            }
            ShownAction::NotSaved => {
                self.recent_note = Some(
                    "“最近打开”没有保存：这个浏览器不允许本页保存数据，或存储空间已满。".into(),
                )
            }
            ShownAction::DismissStatus => self.status = Status::Idle,
        }
    }
}

impl Reducible for ShownReport {
    type Action = ShownAction;

    fn reduce(self: Rc<Self>, action: ShownAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use report_core::parse::parse_body;

    fn content(body: &str) -> &'static Content {
        let report = parse_body(body).expect("the made-up report parses");
        Box::leak(Box::new(Content::without_cards(report)))
    }

    fn opened(name: &str, file: &str) -> ShownAction {
        ShownAction::Opened(Opened {
            content: content("报告 一、工作回顾 今年完成财税收入100万元。"),
            name: name.into(),
            opened: "2026年11月30日".into(),
            notes: vec!["正文在句子中间结束。".into()],
            file: file.into(),
        })
    }

    #[test]
    fn opening_a_file_shows_it_names_it_and_lists_it_first() {
        let embedded = content("报告 一、甲 乙。");
        let mut shown = ShownReport::new(Ok(embedded));
        shown.apply(ShownAction::Reading("县.txt".into()));
        assert_eq!(shown.status, Status::Reading("县.txt".into()));
        shown.apply(opened("县.txt", "{1}"));
        assert_eq!(shown.serial, 1);
        assert!(matches!(&shown.origin, Origin::File { name, .. } if name == "县.txt"));
        assert!(matches!(&shown.status, Status::Said(s) if s.contains("县.txt")));
        assert_eq!(shown.recent.reports[0].name, "县.txt");
        assert_eq!(shown.notes.len(), 1);
        shown.apply(ShownAction::ShowEmbedded);
        assert_eq!(shown.origin, Origin::Embedded);
        assert!(std::ptr::eq(shown.shown.unwrap(), embedded));
        assert_eq!(shown.serial, 2);
        assert!(shown.notes.is_empty());
        shown.apply(ShownAction::ShowEmbedded);
        assert_eq!(shown.serial, 2, "showing what is shown changes nothing");
    }

    #[test]
    fn a_report_restored_after_a_reload_is_shown_without_touching_the_list() {
        let mut shown = ShownReport::new(Ok(content("报告 一、甲 乙。")));
        let ShownAction::Opened(o) = opened("县.txt", "{1}") else {
            unreachable!()
        };
        shown.apply(ShownAction::Restore(o));
        assert!(matches!(&shown.origin, Origin::File { name, .. } if name == "县.txt"));
        assert_eq!(
            shown.serial, 0,
            "the first render shows it: nothing to scroll back"
        );
        assert_eq!(shown.recent_changes, 0);
        assert!(shown.recent.reports.is_empty());
    }

    #[test]
    fn a_failure_keeps_the_shown_report() {
        let mut shown = ShownReport::new(Ok(content("报告 一、甲 乙。")));
        shown.apply(ShownAction::Failed {
            name: "图.png".into(),
            message: "这不是文本文件".into(),
        });
        assert_eq!(shown.serial, 0);
        assert_eq!(shown.origin, Origin::Embedded);
        assert!(matches!(shown.status, Status::Failed { .. }));
        shown.apply(ShownAction::DismissStatus);
        assert_eq!(shown.status, Status::Idle);
    }

    #[test]
    fn the_stored_list_is_read_once_and_a_damaged_one_is_explained() {
        let mut shown = ShownReport::new(Err("无"));
        shown.apply(ShownAction::RecentLoaded(
            Err("最近打开的记录已损坏".into()),
        ));
        assert_eq!(
            shown.recent_changes, 0,
            "nothing to write over the damaged data yet"
        );
        assert!(shown.recent.reports.is_empty());
        assert!(shown.recent_note.as_deref().unwrap().contains("损坏"));
        shown.apply(opened("a.txt", "{1}"));
        shown.apply(opened("b.txt", "{2}"));
        shown.apply(ShownAction::Forget(0));
        assert_eq!(shown.recent.reports.len(), 1);
        assert_eq!(shown.recent.reports[0].name, "a.txt");
        assert_eq!(shown.recent_changes, 3);
    }

    #[test]
    fn a_report_opened_before_the_list_is_read_stays_first() {
        let mut shown = ShownReport::new(Err("无"));
        shown.apply(opened("new.txt", "{new}"));
        let mut stored = Recent::default();
        stored.add(RecentReport {
            title: "旧".into(),
            name: "old.txt".into(),
            opened: "2026年11月1日".into(),
            file: "{old}".into(),
        });
        shown.apply(ShownAction::RecentLoaded(Ok(stored)));
        let names: Vec<&str> = shown
            .recent
            .reports
            .iter()
            .map(|r| r.name.as_str())
            .collect();
        assert_eq!(names, ["new.txt", "old.txt"]);
    }
}
