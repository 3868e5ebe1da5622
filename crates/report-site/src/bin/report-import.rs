//! The importer: `cargo run --release --bin report-import -- FILE.txt > report.json`.
//!
//! Reads a report's text (UTF-8 with or without a byte-order mark, UTF-16 with one, or
//! GBK/GB18030), leaves out the document site's page chrome and the PDF's spacing, finds the
//! outline and the figures, and prints the report file (JSON, schema 1) to standard output, with
//! a summary to standard error: the title, what structure and figures were found (by unit), and
//! what a person should check. `--curation FILE.tsv` adds curated cards (the format of
//! `data/figures.tsv`); without it, cards follow the automatic rule. A report file (`.json`) is
//! checked and written again. Bad input exits with status 1 and one line saying why; nothing
//! panics.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    match native::run(std::env::args().skip(1).collect()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("错误：{message}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::collections::BTreeMap;
    use std::io::Write;

    use report_core::decode::decode;
    use report_core::search::terms::Terms;
    use report_core::{file, Content, SectionKind};

    const USAGE: &str = "用法：report-import 文件.txt [--curation 整理.tsv] > report.json";

    pub fn run(args: Vec<String>) -> Result<(), String> {
        let mut path = None;
        let mut curation = None;
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--curation" => curation = Some(args.next().ok_or(USAGE)?),
                "-h" | "--help" => {
                    eprintln!("{USAGE}");
                    return Ok(());
                }
                _ if path.is_none() && !arg.starts_with("--") => path = Some(arg),
                _ => return Err(format!("无法理解参数“{arg}”。{USAGE}")),
            }
        }
        let path = path.ok_or(USAGE)?;
        let bytes = std::fs::read(&path).map_err(|e| format!("无法读取文件 {path}：{e}"))?;
        let (text, encoding) = decode(&bytes)?;
        let curation = match curation {
            Some(c) => Some(
                std::fs::read_to_string(&c).map_err(|e| format!("无法读取整理文件 {c}：{e}"))?,
            ),
            None => None,
        };
        let (content, warnings) = if text.trim_start().starts_with('{') {
            let (content, notes) =
                file::read_with_cards(&text, Terms::default()).map_err(|e| e.0)?;
            (content, notes)
        } else {
            let (content, warnings) =
                Content::from_text(&text, curation.as_deref(), Terms::default())?;
            (content, warnings.iter().map(|w| w.message()).collect())
        };
        if let Err(problem) = &content.cards {
            return Err(format!("整理文件与正文对不上：{problem}"));
        }
        let json = file::to_json(&content);
        std::io::stdout()
            .write_all(json.as_bytes())
            .map_err(|e| format!("无法输出：{e}"))?;
        eprint!("{}", summary(&content, encoding.name(), &warnings));
        Ok(())
    }

    /// The validation summary for standard error.
    fn summary(content: &Content, encoding: &str, warnings: &[String]) -> String {
        let report = &content.report;
        let count = |kind: SectionKind| report.sections().iter().filter(|s| s.kind == kind).count();
        let mut units: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, figures) in &content.figures.units {
            for f in figures {
                *units.entry(f.unit.as_str()).or_default() += 1;
            }
        }
        let mut by_unit: Vec<(&str, usize)> = units.into_iter().collect();
        by_unit.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        let units: Vec<String> = by_unit.iter().map(|(u, n)| format!("{u} {n}")).collect();
        let cards = content.cards.as_ref().map_or(0, |c| c.cards.len());
        let headline = content
            .cards
            .as_ref()
            .map_or(0, |c| c.cards.iter().filter(|c| c.headline).count());
        let mut out = format!(
            "报告：{}\n编码：{encoding}；正文{}字{}\n结构：{}个部分，{}个小节，{}个条目，{}个主题，{}个要点，{}个附件\n数据：{}项（{}）；卡片{}张，首页{}张\n",
            if report.title.is_empty() { "（没有找到标题）" } else { &report.title },
            report.shown_text().chars().filter(|c| !c.is_whitespace()).count(),
            if report.truncated { "，不完整" } else { "" },
            count(SectionKind::Part),
            count(SectionKind::Subsection),
            count(SectionKind::Item),
            count(SectionKind::Theme),
            count(SectionKind::Point),
            count(SectionKind::Annex),
            content.figures.len(),
            if units.is_empty() { "无".to_string() } else { units.join("，") },
            cards,
            headline,
        );
        let found = report_core::targets::Targets::find(report, &content.figures);
        if found.is_empty() {
            out.push_str("主要目标：没有找到\n");
        } else {
            out.push_str(&format!("主要目标：{}项\n", found.targets.len()));
            for t in &found.targets {
                let s = &t.stated;
                let year = s.year.map_or(String::new(), |y| format!("{y}年"));
                let aim = t
                    .aim
                    .as_ref()
                    .map_or(String::new(), |a| format!("，力争{}", a.written));
                let result = found
                    .result_for(t)
                    .map_or("未找到对应的数".to_string(), |r| {
                        let year = r.year.map_or("上年".to_string(), |y| format!("{y}年"));
                        format!("{year}{}{}", r.kind.name(), r.written)
                    });
                out.push_str(&format!(
                    "  - {year}{}：{}（{}{aim}）；{result}\n",
                    s.indicator,
                    s.written,
                    s.plain()
                ));
            }
        }
        if warnings.is_empty() {
            out.push_str("注意：无\n");
        } else {
            out.push_str("注意：\n");
            for w in warnings {
                out.push_str(&format!("  - {w}\n"));
            }
        }
        out
    }
}
