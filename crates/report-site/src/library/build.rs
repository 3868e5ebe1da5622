//! Reading a library's folder and writing the site: one page per report in `<id>/`, the library
//! page, `library.json`, `targets.json` and `targets.csv`.
//!
//! A file that cannot be read does not stop the build: it is left out, and the summary names it
//! with the reason (`strict` makes that an error). Files the build does not read as reports —
//! the catalogue, the curation files it names, `README*`, `*.md`, `*.tsv`, hidden files and
//! folders — are skipped without a word; any other file that is not `.txt` or `.json` is left
//! out as not a report. Nothing is written outside `out`: every report's folder is its id
//! ([`super::ids`]), which holds no separator and no dot.

use std::path::Path;

use report_core::decode::decode;
use report_core::search::terms::Terms;
use report_core::{file, Content};

use super::catalogue::{Catalogue, CATALOGUE_FILE};
use super::page::{
    neighbours, LibraryPage, LibraryProps, Neighbours, NeighboursProps, ReviewSummary,
};
use super::targets::{self, ReviewRecord, TargetRecord};
use super::views::{
    review_summary, Compare, CompareProps, Compared, PlaceTarget, Review, ReviewProps, ReviewRow,
    Shown, REVIEW_ID,
};
use super::{ids, Entry, Facts, LeftOut, LibraryFile, LIBRARY_JSON, TARGETS_CSV, TARGETS_JSON};
use super::{on_every_core, search, COMPARE_FOLDER};
use crate::built_page as built;
use crate::render::static_html;
use report_core::review::{review, Pair};
use report_core::targets::Targets;

/// What a built library is: its site name, its reports, what was left out, and what the build
/// summary says (one line each).
#[derive(Debug, Default)]
pub struct Built {
    pub site: String,
    pub entries: Vec<Entry>,
    pub left_out: Vec<LeftOut>,
    pub notes: Vec<String>,
}

/// One report read from the folder.
struct Read {
    file: String,
    content: Content,
    warnings: Vec<String>,
    facts: Facts,
    wanted_id: String,
}

/// Makes a report's page from the built page's shell: the report, and where its page is under
/// the site (`<id>/`); gives the page's HTML and the files to write beside it.
pub type ReportPage<'a> =
    dyn Fn(&Content, &str) -> Result<(String, Vec<(String, Vec<u8>)>), String> + Sync + 'a;

/// Builds the library in `folder` into `out`. `report_page(content, folder)` makes a report's
/// page from the built page's shell (the `prerender` step's own steps) and gives its HTML and
/// the files to write beside it; `library_page(markup, title, search)` makes a page of the
/// library's own from the same shell (`search`: the one with the search box). `base` is the site's public address.
pub fn build(
    folder: &Path,
    out: &Path,
    base: &str,
    strict: bool,
    report_page: &ReportPage<'_>,
    library_page: &dyn Fn(&str, &str, bool) -> Result<String, String>,
) -> Result<Built, String> {
    let catalogue = match std::fs::read(folder.join(CATALOGUE_FILE)) {
        Ok(bytes) => {
            let (text, _) = decode(&bytes).map_err(|e| format!("{CATALOGUE_FILE}：{e}"))?;
            Catalogue::parse(&text).map_err(|e| format!("{CATALOGUE_FILE}：{e}"))?
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Catalogue::default(),
        Err(e) => return Err(format!("{CATALOGUE_FILE}：{e}")),
    };
    let mut names: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(folder).map_err(|e| format!("{}：{e}", folder.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            continue;
        }
        match entry.file_name().into_string() {
            Ok(name) => names.push(name),
            Err(name) => {
                return Err(format!(
                    "文件名不是 UTF-8，无法作为报告的名称：{}",
                    name.to_string_lossy()
                ))
            }
        }
    }
    names.sort();
    let mut built = Built {
        site: catalogue.site_name().to_string(),
        ..Built::default()
    };
    for row in &catalogue.rows {
        if !names.contains(&row.file) {
            built.notes.push(format!(
                "目录 {CATALOGUE_FILE} 列出的文件“{}”不在文件夹里",
                row.file
            ));
        }
    }
    let curations: Vec<&str> = catalogue
        .rows
        .iter()
        .filter_map(|r| r.curation.as_deref())
        .collect();
    let mut read: Vec<Read> = Vec::new();
    let mut to_read: Vec<String> = Vec::new();
    for name in &names {
        let lower = name.to_lowercase();
        if name.starts_with('.')
            || name == CATALOGUE_FILE
            || curations.contains(&name.as_str())
            || lower.starts_with("readme")
            || lower.ends_with(".md")
            || lower.ends_with(".tsv")
        {
            continue;
        }
        if !(lower.ends_with(".txt") || lower.ends_with(".json")) {
            built.left_out.push(LeftOut {
                file: name.clone(),
                error: "不是报告文件：只读取 .txt 文本和 .json 报告文件".into(),
            });
            continue;
        }
        to_read.push(name.clone());
    }
    // Each report read on its own: on every core at once.
    let results = on_every_core(&to_read, |name| {
        let row = catalogue.row(name);
        read_report(folder, name, row.and_then(|r| r.curation.as_deref()))
    });
    for (name, result) in to_read.iter().zip(results) {
        let row = catalogue.row(name);
        match result {
            Ok((mut content, warnings)) => {
                if let Some(title) = row.and_then(|r| r.title.clone()) {
                    content.meta.title = Some(title);
                }
                let facts = Facts::of(&content, row);
                let wanted_id = row
                    .and_then(|r| r.id.clone())
                    .unwrap_or_else(|| ids::from_file_name(name));
                read.push(Read {
                    file: name.clone(),
                    content,
                    warnings,
                    facts,
                    wanted_id,
                });
            }
            Err(error) => built.left_out.push(LeftOut {
                file: name.clone(),
                error,
            }),
        }
    }
    // In the order of their names, as the folder lists them.
    built.left_out.sort_by(|a, b| a.file.cmp(&b.file));
    if read.is_empty() && built.left_out.is_empty() {
        return Err(format!(
            "文件夹 {} 里没有报告（.txt 或 .json）",
            folder.display()
        ));
    }
    if strict && !built.left_out.is_empty() {
        let list: Vec<String> = built
            .left_out
            .iter()
            .map(|l| format!("{}：{}", l.file, l.error))
            .collect();
        return Err(format!(
            "有文件无法读取（--strict）：\n  {}",
            list.join("\n  ")
        ));
    }
    let (given, changed) = ids::distinct(
        &read.iter().map(|r| r.wanted_id.clone()).collect::<Vec<_>>(),
        &[COMPARE_FOLDER],
    );
    for (wanted, id) in changed {
        built
            .notes
            .push(format!("地址“{wanted}”重复，后一份报告改用“{id}”"));
    }
    for (r, id) in read.iter().zip(&given) {
        let named = catalogue.row(&r.file).is_some_and(|row| row.id.is_some());
        if !named && (!r.file.is_ascii() || r.file.contains(' ')) {
            built.notes.push(format!(
                "文件名“{}”含有空格或非英文字符，地址为“{id}/”（可在 {CATALOGUE_FILE} 的 id 列另定）",
                r.file
            ));
        }
    }
    let entries: Vec<Entry> = read
        .iter()
        .zip(&given)
        .map(|(r, id)| Entry::of(id, &r.file, &r.facts, &r.content, &r.warnings))
        .collect();
    for (i, a) in entries.iter().enumerate() {
        if let Some(b) = entries[..i].iter().find(|b| b.title == a.title) {
            built.notes.push(format!(
                "两份报告标题相同：“{}”（{} 和 {}）",
                a.title, b.file, a.file
            ));
        }
    }
    // Promised and delivered: each report against the same place's report of the year after.
    let mut reviews: Vec<Option<(usize, Vec<ReviewRow>)>> = vec![None; entries.len()];
    let mut review_pairs: Vec<(usize, usize, Vec<Pair>)> = Vec::new();
    for (later, l) in entries.iter().enumerate() {
        let earlier = entries.iter().position(|e| {
            e.place.is_some()
                && e.place == l.place
                && e.year.is_some()
                && e.year.map(|y| y + 1) == l.year
        });
        if let Some(earlier) = earlier {
            let (a, b) = (&read[earlier].content, &read[later].content);
            let pairs = review((&a.report, &a.figures), (&b.report, &b.figures));
            if !pairs.is_empty() {
                let rows = pairs
                    .iter()
                    .map(|p| ReviewRow::of(p, &entries[earlier]))
                    .collect();
                reviews[later] = Some((earlier, rows));
                review_pairs.push((earlier, later, pairs));
            }
        }
    }
    let compared = compare_by_year(&read, &entries);
    let mut rows: Vec<TargetRecord> = Vec::new();
    // The pages drawn on every core at once (the server render is most of a build's own time).
    let indices: Vec<usize> = (0..read.len()).collect();
    let pages = on_every_core(&indices, |&i| {
        report_page(&read[i].content, &format!("{}/", entries[i].id))
    });
    for (index, (((r, entry), review), page)) in read
        .iter()
        .zip(&entries)
        .zip(&reviews)
        .zip(pages)
        .enumerate()
    {
        rows.extend(targets::records(entry, &r.content, base));
        let (html, files) = page?;
        let (same_place, same_year) = neighbours(entry, &entries);
        let nav = static_html::<Neighbours>(NeighboursProps {
            site: built.site.clone(),
            this: entry.clone(),
            same_place,
            same_year,
            review: review
                .as_ref()
                .map(|(earlier, rows)| {
                    (
                        review_summary(entries[*earlier].year, rows),
                        format!("#{REVIEW_ID}"),
                    )
                })
                .or_else(|| {
                    // This report's targets, as the next year's report gives them.
                    let (later, (_, rows)) = reviews.iter().enumerate().find_map(|(l, r)| {
                        r.as_ref().filter(|(e, _)| *e == index).map(|r| (l, r))
                    })?;
                    let words = format!(
                        "{}（见{}）",
                        review_summary(entry.year, rows),
                        entries[later].title
                    );
                    Some((words, format!("../{}#{REVIEW_ID}", entries[later].address)))
                }),
        });
        let mut html = built::at_start_of_body(&built::one_folder_down(&html)?, &nav)?;
        if let Some((earlier, rows)) = review {
            let table = static_html::<Review>(ReviewProps {
                earlier: entries[*earlier].clone(),
                later: entry.clone(),
                rows: rows.clone(),
            });
            html = built::after_app(&html, &table)?;
        }
        let dir = out.join(&entry.id);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        write(&dir.join("index.html"), html.as_bytes())?;
        for (name, bytes) in files {
            write(&dir.join(name), &bytes)?;
        }
    }
    add_reviews(&mut rows, &review_pairs, &read, &entries, base);
    if !compared.is_empty() {
        let dir = out.join(COMPARE_FOLDER);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    for (year, indicators) in &compared {
        let markup = static_html::<Compare>(CompareProps {
            site: built.site.clone(),
            year: *year,
            years: compared.iter().map(|(y, _)| *y).collect(),
            indicators: indicators.clone(),
        });
        let title = format!("{year}年各地主要目标 · {}", built.site);
        let page = built::one_folder_down(&library_page(&markup, &title, false)?)?;
        write(
            &out.join(COMPARE_FOLDER).join(format!("{year}.html")),
            page.as_bytes(),
        )?;
    }
    let markup = static_html::<LibraryPage>(LibraryProps {
        site: built.site.clone(),
        entries: entries.clone(),
        reviews: reviews
            .iter()
            .zip(&entries)
            .filter_map(|(review, later)| {
                let (earlier, rows) = review.as_ref()?;
                Some(ReviewSummary {
                    place: later.place.clone()?,
                    words: review_summary(entries[*earlier].year, rows),
                    link: format!("{}#{REVIEW_ID}", later.address),
                })
            })
            .collect(),
        compared: compared.iter().map(|(year, _)| *year).collect(),
    });
    write(
        &out.join("index.html"),
        library_page(&markup, &built.site, true)?.as_bytes(),
    )?;
    let index = search::write(
        out,
        &entries
            .iter()
            .zip(read.iter().map(|r| &r.content))
            .collect::<Vec<_>>(),
    )?;
    built.notes.push(format!(
        "搜索索引：{}段文字，{}个二字组，分为{}个文件",
        index.units, index.bigrams, index.shards
    ));
    let library = LibraryFile {
        schema: 1,
        site: built.site.clone(),
        reports: entries.clone(),
        left_out: built.left_out.clone(),
    };
    let json = serde_json::to_string_pretty(&library).map_err(|e| e.to_string())? + "\n";
    write(&out.join(LIBRARY_JSON), json.as_bytes())?;
    write(&out.join(TARGETS_JSON), targets::to_json(&rows).as_bytes())?;
    write(&out.join(TARGETS_CSV), targets::to_csv(&rows).as_bytes())?;
    built.entries = entries;
    Ok(built)
}

/// The targets' rows gain what the next year's report gives for them; a result used there that
/// is no row yet (its report has no target of that indicator) becomes one.
fn add_reviews(
    rows: &mut Vec<TargetRecord>,
    reviews: &[(usize, usize, Vec<Pair>)],
    read: &[Read],
    entries: &[Entry],
    base: &str,
) {
    for (earlier, later, pairs) in reviews {
        let (e, l) = (&entries[*earlier], &entries[*later]);
        for pair in pairs {
            let target_link = targets::link(e, &pair.target, base);
            let result_link = pair.result.as_ref().map(|r| targets::link(l, r, base));
            if let Some(row) = rows
                .iter_mut()
                .find(|r| r.kind == "target" && r.link == target_link)
            {
                row.review = Some(ReviewRecord {
                    status: pair.status.key().to_string(),
                    report: l.id.clone(),
                    written: pair
                        .result
                        .as_ref()
                        .map(|r| format!("{}{}", r.change, r.written)),
                    kind: pair.result.as_ref().map(|r| r.kind.key().to_string()),
                    link: result_link.clone(),
                    difference: pair.difference.clone(),
                });
            }
            if let (Some(result), Some(link)) = (&pair.result, &result_link) {
                if !rows.iter().any(|r| &r.link == link) {
                    rows.push(targets::record(
                        l,
                        &read[*later].content,
                        result,
                        None,
                        base,
                    ));
                }
            }
        }
    }
}

/// Each year's targets across places: per indicator (and unit, and change or level), the
/// targets of that year's reports, when two or more places give one; years newest first,
/// indicators in the indicator table's order.
fn compare_by_year(read: &[Read], entries: &[Entry]) -> Vec<(u32, Vec<Compared>)> {
    let mut years: Vec<u32> = entries.iter().filter_map(|e| e.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let indicators = report_core::indicators::Indicators::builtin();
    let mut out = Vec::new();
    for year in years {
        let mut compared: Vec<Compared> = Vec::new();
        for (r, e) in read.iter().zip(entries) {
            if e.year != Some(year) {
                continue;
            }
            let found = Targets::find(&r.content.report, &r.content.figures);
            for t in &found.targets {
                let s = &t.stated;
                let unit = r.content.figures.of(&s.unit_id)[s.index].unit.clone();
                let target = PlaceTarget {
                    place: e.place.clone().unwrap_or_else(|| e.title.clone()),
                    level: e.level,
                    shown: Shown::of(s, &format!("../{}", e.address)),
                    bound: s.bound,
                    min: s.min.map(|v| v.as_f64()),
                    max: s.max.map(|v| v.as_f64()),
                };
                match compared
                    .iter_mut()
                    .find(|c| c.indicator == s.indicator && c.unit == unit && c.change == s.change)
                {
                    Some(c) => c.targets.push(target),
                    None => compared.push(Compared {
                        indicator: s.indicator.clone(),
                        change: s.change.clone(),
                        unit,
                        targets: vec![target],
                    }),
                }
            }
        }
        compared.retain(|c| c.targets.len() >= 2);
        compared.sort_by_key(|c| indicators.rank(&c.indicator).unwrap_or(usize::MAX));
        if !compared.is_empty() {
            out.push((year, compared));
        }
    }
    out
}

/// A report of the folder, as the importer reads it: a text with its curation file, or a report
/// file; with the importer's warnings. Errors in Chinese.
fn read_report(
    folder: &Path,
    name: &str,
    curation: Option<&str>,
) -> Result<(Content, Vec<String>), String> {
    let bytes = std::fs::read(folder.join(name)).map_err(|e| format!("无法读取：{e}"))?;
    let (text, _) = decode(&bytes)?;
    let (content, warnings) = if text.trim_start().starts_with('{') {
        file::read_with_cards(&text, Terms::builtin()).map_err(|e| e.to_string())?
    } else {
        let curation = match curation {
            Some(c) => Some(
                std::fs::read_to_string(folder.join(c))
                    .map_err(|e| format!("无法读取整理文件 {c}：{e}"))?,
            ),
            None => None,
        };
        let (content, warnings) = Content::from_text(&text, curation.as_deref(), Terms::builtin())?;
        (content, warnings.iter().map(|w| w.message()).collect())
    };
    if let Err(problem) = &content.cards {
        return Err(format!("整理文件与正文对不上：{problem}"));
    }
    Ok((content, warnings))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}
