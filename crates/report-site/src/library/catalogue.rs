//! The catalogue file: an optional `library.tsv` in the library's folder that names the site
//! and, per report, what its text does not say well.
//!
//! Tab-separated, UTF-8. A line starting with `#` is a comment; blank lines are skipped.
//!
//! ```text
//! # 某县政府工作报告库
//! site→某县政府工作报告库
//! file→id→title→place→level→year→curation
//! town-2030.txt→→2030年某镇政府工作报告→某镇→乡镇→2030→town-2030.figures.tsv
//! ```
//!
//! (→ is a tab.)
//!
//! - `site<TAB>name` (optional, before the header): the site's name, shown on the library page
//!   and in the web app manifest (default: 政府工作报告库).
//! - The header `file id title place level year curation` (these seven, in this order), then
//!   one row per report that needs a setting: `file` is the report's file name in the folder
//!   (no folders, no `..`); every other cell may be empty, meaning "from the text". `id` sets
//!   the report's address (`dist/<id>/`, see [`super::ids`]); `level` is one of 乡镇, 县区, 市,
//!   省, 全国; `year` is four digits; `curation` names a curation file in the folder (README,
//!   "The curation file").
//!
//! A line that cannot be read is an error naming its line: the catalogue is written by hand,
//! and a mistake in it must not pass unseen.

use super::Level;

/// The name the site has when the catalogue gives none.
pub const DEFAULT_SITE_NAME: &str = "政府工作报告库";

/// The catalogue's file name, in the library's folder.
pub const CATALOGUE_FILE: &str = "library.tsv";

const HEADER: [&str; 7] = ["file", "id", "title", "place", "level", "year", "curation"];

/// What the catalogue says.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Catalogue {
    pub site: Option<String>,
    pub rows: Vec<Row>,
}

/// One report's settings; `None` means "from the text".
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Row {
    pub file: String,
    pub id: Option<String>,
    pub title: Option<String>,
    pub place: Option<String>,
    pub level: Option<Level>,
    pub year: Option<u32>,
    pub curation: Option<String>,
}

impl Catalogue {
    /// Reads the catalogue's text. Errors name the line (from 1) and what is wrong, in Chinese.
    pub fn parse(text: &str) -> Result<Catalogue, String> {
        let mut catalogue = Catalogue::default();
        let mut header = false;
        for (n, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
            let n = n + 1;
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
            if !header {
                match cells.as_slice() {
                    ["site", name] if !name.is_empty() => {
                        catalogue.site = Some(name.to_string());
                        continue;
                    }
                    cells if cells == HEADER => {
                        header = true;
                        continue;
                    }
                    _ => {
                        return Err(format!(
                            "第{n}行：应为表头“{}”（以制表符分隔）或“site<制表符>站点名称”",
                            HEADER.join(" ")
                        ))
                    }
                }
            }
            if cells.len() > HEADER.len() {
                return Err(format!("第{n}行：多于{}列", HEADER.len()));
            }
            let cell = |i: usize| {
                cells
                    .get(i)
                    .filter(|c| !c.is_empty())
                    .map(|c| c.to_string())
            };
            let file = cell(0).ok_or(format!("第{n}行：没有文件名"))?;
            if !plain_file_name(&file) {
                return Err(format!(
                    "第{n}行：文件名“{file}”不能含有文件夹（/ 或 \\）或“..”"
                ));
            }
            if let Some(curation) = cell(6).filter(|c| !plain_file_name(c)) {
                return Err(format!(
                    "第{n}行：整理文件“{curation}”不能含有文件夹（/ 或 \\）或“..”"
                ));
            }
            let level = match cell(4) {
                Some(level) => Some(Level::from_name(&level).ok_or(format!(
                    "第{n}行：级别“{level}”应为 乡镇、县区、市、省 或 全国"
                ))?),
                None => None,
            };
            let year = match cell(5) {
                Some(year) => Some(
                    year.parse::<u32>()
                        .ok()
                        .filter(|y| (1949..=2999).contains(y) && year.len() == 4)
                        .ok_or(format!("第{n}行：年份“{year}”应为四位数字"))?,
                ),
                None => None,
            };
            if let Some(id) = cell(1).filter(|id| !super::ids::is_valid(id)) {
                return Err(format!(
                    "第{n}行：地址“{id}”只能用小写字母、数字和连字符（-），以字母或数字开头"
                ));
            }
            if catalogue.rows.iter().any(|r| r.file == file) {
                return Err(format!("第{n}行：文件“{file}”已在前面列出"));
            }
            catalogue.rows.push(Row {
                file,
                id: cell(1),
                title: cell(2),
                place: cell(3),
                level,
                year,
                curation: cell(6),
            });
        }
        if !header && !catalogue.rows.is_empty() {
            return Err("缺少表头".into());
        }
        Ok(catalogue)
    }

    /// The settings of the report in `file`, if the catalogue has a row for it.
    pub fn row(&self, file: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.file == file)
    }

    /// The site's name.
    pub fn site_name(&self) -> &str {
        self.site.as_deref().unwrap_or(DEFAULT_SITE_NAME)
    }
}

/// A name of a file in the folder itself: no separator, not `.` or `..`.
fn plain_file_name(name: &str) -> bool {
    !name.contains(['/', '\\']) && name != "." && name != ".." && !name.contains('\0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_site_the_header_and_rows_with_empty_cells() {
        let c = Catalogue::parse(
            "\u{feff}# 注释\nsite\t某县报告库\n\nfile\tid\ttitle\tplace\tlevel\tyear\tcuration\n\
             a.txt\t\t\t某镇\t乡镇\t2030\t\nb.json\tcounty-b\n",
        )
        .unwrap();
        assert_eq!(c.site_name(), "某县报告库");
        assert_eq!(c.rows.len(), 2);
        let a = c.row("a.txt").unwrap();
        assert_eq!(a.place.as_deref(), Some("某镇"));
        assert_eq!(a.level, Some(Level::Town));
        assert_eq!(a.year, Some(2030));
        assert_eq!(a.id, None);
        assert_eq!(c.row("b.json").unwrap().id.as_deref(), Some("county-b"));
    }

    #[test]
    fn refuses_what_it_cannot_read_naming_the_line() {
        let head = "file\tid\ttitle\tplace\tlevel\tyear\tcuration\n";
        for (text, says) in [
            ("a.txt\n".to_string(), "第1行"),
            (format!("{head}../secret.txt\n"), "第2行"),
            (format!("{head}sub/a.txt\n"), "文件夹"),
            (format!("{head}a.txt\t\t\t\t村\n"), "级别"),
            (format!("{head}a.txt\t\t\t\t\t24\n"), "年份"),
            (format!("{head}a.txt\tA B\n"), "地址"),
            (format!("{head}a.txt\na.txt\n"), "已在前面"),
            (format!("{head}a.txt\t\t\t\t\t\t../x.tsv\n"), "整理文件"),
        ] {
            let err = Catalogue::parse(&text).unwrap_err();
            assert!(err.contains(says), "{text:?}: {err}");
        }
        assert_eq!(Catalogue::parse("").unwrap(), Catalogue::default());
    }
}
