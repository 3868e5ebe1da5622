//! The library benchmark's native half (`cargo xtask bench --library` runs it; see
//! `docs/library-bench.md`):
//!
//! - `generate DIR N`: a made-up library of N reports (10,300–34,400 characters each) in DIR,
//!   the same on every run (seeded): provinces, cities, counties and towns with made-up names,
//!   each place with the reports of 2028 to 2032, each report with a title, a meeting line,
//!   各位代表：, a review of the year before and the year's plan with （一）（二）… subsections,
//!   sentences drawn from templates with figures (亿元, %, 万人, 亩; 约 / 左右 / 以上 / 余) and a
//!   主要预期目标 passage, and made-up words of common characters so that the vocabulary is as
//!   varied as real reports' (the `report` step checks that against real ones). Nothing of it
//!   is real.
//! - `change DIR`: appends one sentence to one report of DIR (the rebuild timing).
//! - `queries DIST`: the query list, one a line (for the Pagefind run).
//! - `report DIST [--times k=secs,…] [--pagefind DIR --pagefind-results FILE]
//!   [--pagefind-time SECS] [--pagefind-skipped WHY] [--corpora DIR]`: measures the built
//!   library in DIST and prints the table: the build times xtask measured, the library page's
//!   first visit, the search index against the texts (and, with `--corpora`, the same share for
//!   real reports against made-up ones), and per query exactly what the library page's search
//!   client fetches (`report-tools/src/library_search.rs`: meta, the shards of the query's
//!   bigrams, the texts of the first 6 candidate reports) in gzip bytes and what it finds,
//!   against a search of every report's text; beside it, Pagefind's index and its fetches and
//!   finds for the same queries (run by xtask in node). Targets are printed beside the
//!   measurements; nothing fails over them.
//!
//! Gzip sizes are `gzip -9`'s, as `cargo xtask build` prints them.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match native::run(&args) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("library-bench: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};

    use super::generate::{change, generate};

    use report_core::search::library::{
        candidates, decode, query_bigrams, shard_of, Meta, ReportText, Shard,
    };
    use report_core::search::terms::Terms;
    use report_core::search::{search, Corpus};

    const USAGE: &str = "usage: library-bench generate DIR N | change DIR | queries DIST | \
                         report DIST [--times k=secs,…] [--pagefind DIR --pagefind-results FILE] \
                         [--pagefind-time SECS] [--pagefind-skipped WHY] [--corpora DIR]";

    /// Reports whose texts the client fetches first (`REPORTS_PER_STEP` of library_search.rs).
    const REPORTS_PER_STEP: usize = 3;

    /// The targets (gzip bytes, seconds, a share).
    const FIRST_VISIT_TARGET: u64 = 60_000;
    const INDEX_SHARE_TARGET: f64 = 0.40;
    const QUERY_TARGET: u64 = 150_000;
    const BUILD_TARGET: f64 = 120.0;
    const REBUILD_TARGET: f64 = 15.0;

    pub fn run(args: &[String]) -> Result<(), String> {
        let arg = |i: usize| args.get(i).map(String::as_str);
        match arg(0) {
            Some("generate") => {
                let dir = arg(1).ok_or(USAGE)?;
                let n = arg(2)
                    .and_then(|n| n.parse().ok())
                    .filter(|&n: &usize| n > 0)
                    .ok_or(USAGE)?;
                let (files, chars) = generate(Path::new(dir), n)?;
                eprintln!("library-bench: {files} made-up reports, {chars} characters, in {dir}");
                Ok(())
            }
            Some("change") => {
                let changed = change(Path::new(arg(1).ok_or(USAGE)?))?;
                eprintln!("library-bench: appended a sentence to {changed}");
                Ok(())
            }
            Some("queries") => {
                for q in queries(&Index::read(Path::new(arg(1).ok_or(USAGE)?))?) {
                    println!("{q}");
                }
                Ok(())
            }
            Some("report") => report(Path::new(arg(1).ok_or(USAGE)?), &args[2..]),
            _ => Err(USAGE.into()),
        }
    }

    /// Bytes as `gzip -9` makes them (as xtask measures the release).
    pub fn gzip_len(bytes: &[u8]) -> Result<u64, String> {
        use std::io::Write;
        use std::process::{Command, Stdio};
        let mut child = Command::new("gzip")
            .args(["-9", "-c"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run gzip: {e}"))?;
        let mut input = child.stdin.take().ok_or("gzip's input")?;
        let bytes = bytes.to_vec();
        let writer = std::thread::spawn(move || input.write_all(&bytes));
        let out = child.wait_with_output().map_err(|e| e.to_string())?;
        writer
            .join()
            .map_err(|_| "gzip's input failed".to_string())?
            .map_err(|e| e.to_string())?;
        Ok(out.stdout.len() as u64)
    }

    fn read(path: &Path) -> Result<Vec<u8>, String> {
        std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// A built library's search index, read as the client reads it, with each file's size.
    pub struct Index {
        pub meta: Meta,
        pub meta_gz: u64,
        pub shards: Vec<Shard>,
        pub shards_gz: Vec<u64>,
        pub shards_raw: u64,
        pub texts: Vec<ReportText>,
        pub texts_gz: Vec<u64>,
        pub texts_raw: u64,
    }

    impl Index {
        pub fn read(dist: &Path) -> Result<Index, String> {
            let dir = dist.join("search");
            let meta_bytes = read(&dir.join("meta.json"))?;
            let meta: Meta = serde_json::from_slice(&meta_bytes)
                .map_err(|e| format!("search/meta.json: {e}"))?;
            let mut index = Index {
                meta_gz: gzip_len(&meta_bytes)?,
                shards: Vec::new(),
                shards_gz: Vec::new(),
                shards_raw: 0,
                texts: Vec::new(),
                texts_gz: Vec::new(),
                texts_raw: 0,
                meta,
            };
            for k in 0..index.meta.shards {
                let bytes = read(&dir.join(format!("i-{k}.json")))?;
                index.shards_raw += bytes.len() as u64;
                index.shards_gz.push(gzip_len(&bytes)?);
                index.shards.push(
                    serde_json::from_slice(&bytes)
                        .map_err(|e| format!("search/i-{k}.json: {e}"))?,
                );
            }
            for r in &index.meta.reports {
                let name = format!("r-{}.json", r.0);
                let bytes = read(&dir.join(&name))?;
                index.texts_raw += bytes.len() as u64;
                index.texts_gz.push(gzip_len(&bytes)?);
                index.texts.push(
                    serde_json::from_slice(&bytes).map_err(|e| format!("search/{name}: {e}"))?,
                );
            }
            Ok(index)
        }

        fn postings(&self, bigram: &str) -> Vec<u32> {
            self.shards[shard_of(bigram, self.meta.shards) as usize]
                .get(bigram)
                .map(|p| decode(p))
                .unwrap_or_default()
        }
    }

    /// The benchmark's queries: common words, figures, units, phrases, everyday words for
    /// official terms, a numeral, one that is nowhere, and a rare one: a name of the first
    /// place's own (from the generator) that its reports hold.
    pub fn queries(index: &Index) -> Vec<String> {
        let mut out: Vec<String> = [
            "经济",
            "发展",
            "地区生产总值",
            "高质量发展",
            "5%",
            "5%左右",
            "3.5%",
            "亿元",
            "万人",
            "亩",
            "医保",
            "低保",
            "城镇新增就业",
            "主要预期目标",
            "高标准农田",
            "老旧小区改造",
            "持续优化营商环境",
            "三个",
            "5G",
            "2031年",
            "量子计算机",
        ]
        .iter()
        .map(|q| q.to_string())
        .collect();
        // A name of the first place's own (its park, river or road), for a rare query: the
        // first of them that the library holds.
        let rare = super::generate::local_names(0).into_iter().find(|name| {
            index.texts.iter().take(5).any(|t| {
                t.units
                    .iter()
                    .any(|(_, _, text)| text.contains(name.as_str()))
            })
        });
        if let Some(rare) = rare {
            out.insert(10, rare);
        }
        out
    }

    /// What one query costs and finds.
    #[derive(Debug, Default)]
    struct Measured {
        query: String,
        /// Gzip bytes the client fetches: meta, shards, the first texts.
        meta_gz: u64,
        shards: usize,
        shards_gz: u64,
        texts: usize,
        texts_gz: u64,
        /// Gzip bytes of every candidate's text (显示更多 until the end).
        all_texts_gz: u64,
        /// Reports with at least one hit (search() on every report's text).
        truth: BTreeSet<usize>,
        hits: usize,
        /// Reports with the query as typed (no other spellings: what a plain search finds).
        literal: usize,
        /// Reports with a candidate unit.
        candidates: Vec<usize>,
        /// Of the first [`REPORTS_PER_STEP`] candidates, the ones with a hit.
        shown: usize,
        /// No bigram (a query of one character): the client asks for two.
        unanswered: bool,
    }

    impl Measured {
        fn first_gz(&self) -> u64 {
            self.meta_gz + self.shards_gz + self.texts_gz
        }
    }

    fn measure(index: &Index, query: &str, terms: &Terms) -> Measured {
        let mut m = Measured {
            query: query.to_string(),
            ..Measured::default()
        };
        for (r, text) in index.texts.iter().enumerate() {
            let corpus = text.corpus(terms.clone());
            let found = search(&corpus, query);
            if !found.hits.is_empty() {
                m.truth.insert(r);
                m.hits += found.hits.len();
                if !found.also.is_empty() {
                    let plain = Corpus {
                        terms: Terms::default(),
                        ..corpus
                    };
                    m.literal += usize::from(!search(&plain, query).hits.is_empty());
                } else {
                    m.literal += 1;
                }
            }
        }
        let spellings = query_bigrams(query, terms);
        if spellings.is_empty() {
            m.unanswered = true;
            return m;
        }
        m.meta_gz = index.meta_gz;
        let needed: BTreeSet<u32> = spellings
            .iter()
            .flatten()
            .map(|b| shard_of(b, index.meta.shards))
            .collect();
        m.shards = needed.len();
        m.shards_gz = needed.iter().map(|&k| index.shards_gz[k as usize]).sum();
        let units = candidates(&spellings, |b| index.postings(b));
        // The client's order: reports by candidate passages, then in the library's order.
        let mut per_report: BTreeMap<usize, usize> = BTreeMap::new();
        for u in units {
            if let Some(r) = index.meta.report_of(u) {
                *per_report.entry(r).or_default() += 1;
            }
        }
        let mut order: Vec<(usize, usize)> = per_report.into_iter().collect();
        order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        m.candidates = order.into_iter().map(|(r, _)| r).collect();
        let first = &m.candidates[..m.candidates.len().min(REPORTS_PER_STEP)];
        m.texts = first.len();
        m.texts_gz = first.iter().map(|&r| index.texts_gz[r]).sum();
        m.shown = first.iter().filter(|r| m.truth.contains(r)).count();
        m.all_texts_gz = m.candidates.iter().map(|&r| index.texts_gz[r]).sum();
        m
    }

    /// The files the library page loads on a first visit: itself, and what its HTML names
    /// (stylesheets, scripts, icon, manifest), with the service worker its boot script
    /// registers; not `<noscript>`'s stylesheet, the apple-touch-icon or the modules loaded on
    /// a press (`<meta name="module">`).
    fn first_visit(dist: &Path) -> Result<Vec<(String, u64, u64)>, String> {
        let html = String::from_utf8_lossy(&read(&dist.join("index.html"))?).to_string();
        let mut files = vec!["index.html".to_string()];
        let mut rest = html.as_str();
        while let Some(at) = rest.find('<') {
            rest = &rest[at + 1..];
            let end = rest.find('>').unwrap_or(rest.len());
            let tag = &rest[..end];
            let name = tag.split([' ', '\n']).next().unwrap_or("");
            if name == "noscript" {
                // Skip to its end: what it holds loads only without JavaScript.
                rest = rest.find("</noscript>").map_or("", |e| &rest[e..]);
                continue;
            }
            let wanted = match name {
                "link" => {
                    let rel = attribute(tag, "rel").unwrap_or_default();
                    ["stylesheet", "icon", "manifest", "modulepreload", "preload"]
                        .contains(&rel.as_str())
                        .then(|| attribute(tag, "href"))
                        .flatten()
                }
                "script" => attribute(tag, "src"),
                _ => None,
            };
            if let Some(url) = wanted {
                let file = url.rsplit('/').next().unwrap_or(&url).to_string();
                if !files.contains(&file) {
                    files.push(file);
                }
            }
            rest = &rest[end.min(rest.len())..];
        }
        if html.contains("rel=\"manifest\"") || html.contains("rel=manifest") {
            files.push("sw.js".to_string());
        }
        let mut out = Vec::new();
        for file in files {
            let bytes = read(&dist.join(&file))?;
            out.push((file, bytes.len() as u64, gzip_len(&bytes)?));
        }
        Ok(out)
    }

    /// An attribute's value in a tag's text (quoted or not).
    fn attribute(tag: &str, name: &str) -> Option<String> {
        let mut from = 0;
        while let Some(at) = tag[from..].find(name) {
            let start = from + at;
            from = start + name.len();
            let before_ok = start == 0 || tag.as_bytes()[start - 1].is_ascii_whitespace();
            let rest = &tag[from..];
            if !before_ok || !rest.starts_with('=') {
                continue;
            }
            let rest = &rest[1..];
            return Some(match rest.chars().next() {
                Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or("").to_string(),
                _ => rest
                    .split(|c: char| c.is_ascii_whitespace())
                    .next()
                    .unwrap_or("")
                    .to_string(),
            });
        }
        None
    }

    /// The files in `dir` and below whose names pass `filter`: how many, their bytes, and what
    /// they cost on the wire ([`transfer_len`]).
    fn folder_size(dir: &Path, filter: &dyn Fn(&str) -> bool) -> Result<(usize, u64, u64), String> {
        let mut stack = vec![dir.to_path_buf()];
        let (mut files, mut raw, mut gz) = (0, 0, 0);
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))? {
                let path = e.map_err(|e| e.to_string())?.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                if !filter(&name) {
                    continue;
                }
                let bytes = read(&path)?;
                files += 1;
                raw += bytes.len() as u64;
                gz += transfer_len(&name, &bytes)?;
            }
        }
        Ok((files, raw, gz))
    }

    /// What a file costs on the wire: Pagefind's own files are gzip already (`.pf_*`,
    /// `.pagefind`) and served as they are; anything else gzip -9.
    fn transfer_len(name: &str, bytes: &[u8]) -> Result<u64, String> {
        if name.ends_with(".pagefind") || name.contains(".pf_") {
            Ok(bytes.len() as u64)
        } else {
            gzip_len(bytes)
        }
    }

    fn kb(bytes: u64) -> String {
        format!("{:.1} KB", bytes as f64 / 1000.0)
    }

    fn median(values: &mut [u64]) -> u64 {
        values.sort_unstable();
        match values.len() {
            0 => 0,
            n if n % 2 == 1 => values[n / 2],
            n => (values[n / 2 - 1] + values[n / 2]) / 2,
        }
    }

    fn verdict(ok: bool) -> &'static str {
        if ok {
            "met"
        } else {
            "NOT met"
        }
    }

    /// Pagefind's answer to one query, as the node script gives it.
    #[derive(Debug, Default)]
    struct PagefindAnswer {
        /// The reports' pages found, by id (not the library's own pages).
        reports: BTreeSet<String>,
        /// Bytes fetched (as stored for Pagefind's compressed files, gzip for the script), in
        /// all and for the index and fragments only.
        fetched: u64,
        data: u64,
        error: Option<String>,
    }

    fn pagefind_answers(
        file: &Path,
        dir: &Path,
    ) -> Result<BTreeMap<String, PagefindAnswer>, String> {
        let json: serde_json::Value =
            serde_json::from_slice(&read(file)?).map_err(|e| format!("{}: {e}", file.display()))?;
        let mut sizes: BTreeMap<String, u64> = BTreeMap::new();
        let mut size_of = |path: &str| -> Result<u64, String> {
            if let Some(&s) = sizes.get(path) {
                return Ok(s);
            }
            let name = path.trim_start_matches("/pagefind/");
            let bytes = read(&dir.join(name))?;
            let s = transfer_len(name, &bytes)?;
            sizes.insert(path.to_string(), s);
            Ok(s)
        };
        let mut out = BTreeMap::new();
        for q in json.as_array().into_iter().flatten() {
            let query = q["query"].as_str().unwrap_or_default().to_string();
            let mut answer = PagefindAnswer {
                error: q["error"].as_str().map(str::to_owned),
                ..PagefindAnswer::default()
            };
            for url in q["urls"].as_array().into_iter().flatten() {
                let url = url.as_str().unwrap_or_default();
                let id = url.trim_matches('/');
                if !id.is_empty() && !id.contains('/') && !id.contains('.') {
                    answer.reports.insert(id.to_string());
                }
            }
            for f in q["fetched"].as_array().into_iter().flatten() {
                let path = f.as_str().unwrap_or_default();
                let s = size_of(path)?;
                answer.fetched += s;
                if path.contains(".pf_") || path.ends_with(".json") {
                    answer.data += s;
                }
            }
            out.insert(query, answer);
        }
        Ok(out)
    }

    fn report(dist: &Path, options: &[String]) -> Result<(), String> {
        let mut times: Vec<(String, f64)> = Vec::new();
        let mut pagefind: Option<(PathBuf, PathBuf)> = None;
        let mut pagefind_dir: Option<PathBuf> = None;
        let mut skipped: Option<String> = None;
        let mut corpora: Option<PathBuf> = None;
        let mut it = options.iter();
        while let Some(o) = it.next() {
            let mut value = || it.next().cloned().ok_or(format!("{o} needs a value"));
            match o.as_str() {
                "--times" => {
                    for pair in value()?.split(',').filter(|p| !p.is_empty()) {
                        let (k, v) = pair.split_once('=').ok_or(USAGE)?;
                        times.push((k.to_string(), v.parse().map_err(|_| USAGE)?));
                    }
                }
                "--pagefind" => pagefind_dir = Some(PathBuf::from(value()?)),
                "--pagefind-results" => {
                    let dir = pagefind_dir.clone().ok_or("--pagefind DIR comes first")?;
                    pagefind = Some((dir, PathBuf::from(value()?)));
                }
                "--pagefind-skipped" => skipped = Some(value()?),
                "--pagefind-time" => {
                    times.push(("pagefind".into(), value()?.parse().map_err(|_| USAGE)?))
                }
                "--corpora" => corpora = Some(PathBuf::from(value()?)),
                _ => return Err(USAGE.into()),
            }
        }
        let index = Index::read(dist)?;
        let library: serde_json::Value = serde_json::from_slice(&read(&dist.join("library.json"))?)
            .map_err(|e| format!("library.json: {e}"))?;
        let reports = index.meta.reports.len();
        let chars: u64 = library["reports"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| r["characters"].as_u64().unwrap_or(0))
            .sum();
        println!("\n================ library benchmark ================");
        println!(
            "made-up library: {reports} reports, {chars} characters ({} per report on average); \
             index: {} text units, {} bigrams, {} shards",
            chars / reports.max(1) as u64,
            index.meta.reports.last().map_or(0, |r| r.4 + r.5),
            index.shards.iter().map(|s| s.len()).sum::<usize>(),
            index.meta.shards,
        );

        // 1. Build times.
        println!("\n1. build (trunk build --release, REPORT_LIBRARY set; 2 cores)");
        let time = |k: &str| times.iter().find(|(n, _)| n == k).map(|(_, v)| *v);
        let row =
            |label: &str, secs: f64, note: &str| println!("   {label:<38} {secs:>7.1} s   {note}");
        if let Some(t) = time("warm") {
            row(
                "warm-up: the tests' small library",
                t,
                "(compiles what is missing; not a target)",
            );
        }
        if let Some(t) = time("build") {
            let target = format!(
                "target ≤ {BUILD_TARGET:.0} s   {}",
                verdict(t <= BUILD_TARGET)
            );
            row("full build, caches warm", t, &target);
        }
        // The wasm steps (cargo, wasm-bindgen, wasm-opt of the five modules) are the same for
        // any library; the prerender step is the library itself.
        let split = |total: Option<f64>, prerender: Option<f64>| {
            if let (Some(total), Some(p)) = (total, prerender) {
                row(
                    "  of which the prerender step",
                    p,
                    "(the library: every page, the index)",
                );
                row(
                    "  of which Trunk's own steps",
                    total - p,
                    "(cargo, wasm-bindgen, wasm-opt: the same for any library)",
                );
            }
        };
        split(time("build"), time("build_prerender"));
        if let Some(t) = time("rebuild") {
            let target = format!(
                "target ≤ {REBUILD_TARGET:.0} s   {} (everything is built again)",
                verdict(t <= REBUILD_TARGET)
            );
            row("rebuild after one report changed", t, &target);
        }
        split(time("rebuild"), time("rebuild_prerender"));

        // 2. The library page's first visit.
        println!("\n2. the library page's first visit ({reports} reports listed; gzip -9)");
        let files = first_visit(dist)?;
        let mut total = 0;
        for (name, raw, gz) in &files {
            println!("   {name:<40} {raw:>9} B raw {gz:>8} B gzip");
            total += gz;
        }
        println!(
            "   total                                    {:>19}   target ≤ {}   {}",
            kb(total),
            kb(FIRST_VISIT_TARGET),
            verdict(total <= FIRST_VISIT_TARGET)
        );
        println!("   (not counted: the service worker's precache in the background, the modules loaded on a press)");

        // 3. The index against the texts.
        let shards_gz: u64 = index.shards_gz.iter().sum();
        let texts_gz: u64 = index.texts_gz.iter().sum();
        let index_gz = index.meta_gz + shards_gz;
        println!("\n3. the search index (dist/search/; gzip -9, each file alone)");
        println!(
            "   meta.json                              {:>10}",
            kb(index.meta_gz)
        );
        println!(
            "   {} shards i-<k>.json                   {:>10}   ({} raw)",
            index.meta.shards,
            kb(shards_gz),
            kb(index.shards_raw)
        );
        println!(
            "   index (meta + shards)                  {:>10}",
            kb(index_gz)
        );
        println!(
            "   report texts r-<id>.json               {:>10}   ({} raw)",
            kb(texts_gz),
            kb(index.texts_raw)
        );
        let share = index_gz as f64 / texts_gz.max(1) as f64;
        println!(
            "   index / texts                          {:>9.0} %   target ≤ {:.0} %   {}",
            share * 100.0,
            INDEX_SHARE_TARGET * 100.0,
            verdict(share <= INDEX_SHARE_TARGET)
        );
        if let Some(dir) = &corpora {
            match calibrate(dir) {
                Ok(line) => println!("   {line}"),
                Err(e) => println!("   (real reports not measured: {e})"),
            }
        }

        // 4. Per query.
        let terms = Terms::builtin();
        let qs = queries(&index);
        let measured: Vec<Measured> = qs.iter().map(|q| measure(&index, q, &terms)).collect();
        let answers = match &pagefind {
            Some((dir, file)) => Some(pagefind_answers(file, dir)?),
            None => None,
        };
        let ids: Vec<&str> = index.meta.reports.iter().map(|r| r.0.as_str()).collect();
        println!(
            "\n4. per query: what the library page's search fetches, cold (meta + the shards of the query's bigrams + the texts of the first {REPORTS_PER_STEP} candidate reports; gzip)"
        );
        println!("   found: reports with ≥1 hit (search() on every report's text: folded, with the other spellings of data/search-terms.tsv); hits: in all");
        println!("   cand.: reports the index names (it must name every one found); shown: of the first {REPORTS_PER_STEP} fetched, those with a hit");
        println!("   shards / texts: files and gzip bytes; all cand.: fetched if 显示更多 is pressed until every candidate is searched");
        if answers.is_some() {
            println!("   Pagefind: its index and fragment bytes for the query and the first {REPORTS_PER_STEP} results (as stored; its code apart, see 5); pages of reports found, of them real (with a hit), reports with a hit it missed");
        }
        print!(
            "   {:<16} {:>5} {:>6} | {:>5} {:>5} | {:>14} {:>14} {:>9} {:>9}",
            "query", "found", "hits", "cand.", "shown", "shards", "texts", "fetched", "all cand."
        );
        if answers.is_some() {
            print!(
                " | {:>9} {:>5} {:>5} {:>6}",
                "Pagefind", "found", "real", "missed"
            );
        }
        println!();
        let mut firsts = Vec::new();
        let mut pf_data = Vec::new();
        let mut index_misses = Vec::new();
        let mut literal = Vec::new();
        for m in &measured {
            let q = format!(
                "{:<width$}",
                m.query,
                width = 16usize.saturating_sub(m.query.chars().filter(|c| !c.is_ascii()).count())
            );
            if m.literal != m.truth.len() {
                literal.push(format!("{} {}", m.query, m.literal));
            }
            if m.unanswered {
                print!(
                    "   {q} {:>5} {:>6} | the index needs two characters{:>38}",
                    m.truth.len(),
                    m.hits,
                    ""
                );
            } else {
                let missed = m.truth.iter().filter(|r| !m.candidates.contains(r)).count();
                if missed > 0 {
                    index_misses.push(format!("{} ({missed} reports)", m.query));
                }
                firsts.push(m.first_gz());
                print!(
                    "   {q} {:>5} {:>6} | {:>5} {:>5} | {:>3} {:>10} {:>3} {:>10} {:>9} {:>9}",
                    m.truth.len(),
                    m.hits,
                    m.candidates.len(),
                    m.shown,
                    m.shards,
                    kb(m.shards_gz),
                    m.texts,
                    kb(m.texts_gz),
                    kb(m.first_gz()),
                    kb(m.meta_gz + m.shards_gz + m.all_texts_gz),
                );
            }
            if let Some(answers) = &answers {
                match answers.get(&m.query) {
                    Some(a) if a.error.is_none() => {
                        let real = a
                            .reports
                            .iter()
                            .filter(|id| {
                                ids.iter()
                                    .position(|i| i == id)
                                    .is_some_and(|r| m.truth.contains(&r))
                            })
                            .count();
                        pf_data.push(a.data);
                        print!(
                            " | {:>9} {:>5} {:>5} {:>6}",
                            kb(a.data),
                            a.reports.len(),
                            real,
                            m.truth.len().saturating_sub(real)
                        );
                    }
                    Some(a) => print!(" | error: {}", a.error.clone().unwrap_or_default()),
                    None => print!(" | (not run)"),
                }
            }
            println!();
        }
        let (med, max) = (
            median(&mut firsts.clone()),
            firsts.iter().copied().max().unwrap_or(0),
        );
        println!(
            "   fetched per query: median {}, max {}   target ≤ {}   {}",
            kb(med),
            kb(max),
            kb(QUERY_TARGET),
            verdict(max <= QUERY_TARGET)
        );
        if index_misses.is_empty() {
            println!("   the index named every report that holds the query (no report missed)");
        } else {
            println!(
                "   the index MISSED reports for: {}",
                index_misses.join(", ")
            );
        }
        if !literal.is_empty() {
            println!(
                "   found by the query's own spelling only (no other spellings): {}",
                literal.join(", ")
            );
        }
        let code = ["report-library.js", "report-library_bg.wasm"]
            .iter()
            .map(|f| read(&dist.join(f)).and_then(|b| gzip_len(&b)))
            .collect::<Result<Vec<u64>, String>>()
            .map(|v| v.iter().sum::<u64>());
        let code_ours = code.ok();
        if let Some(code) = code_ours {
            println!(
                "   code, once per visit (not above): the report-library module (js + wasm) {}",
                kb(code)
            );
        }

        // 5. Pagefind.
        println!("\n5. Pagefind 1.6.0 on the same built site (reference)");
        if let Some(why) = &skipped {
            println!("   not run: {why}");
        } else if let (Some((dir, _)), Some(answers)) = (&pagefind, &answers) {
            let (files, _, stored) = folder_size(dir, &|n| n.contains(".pf_"))?;
            let (idx_files, _, idx) = folder_size(&dir.join("index"), &|_| true)?;
            let (frag_files, _, frag) = folder_size(&dir.join("fragment"), &|_| true)?;
            if let Some(t) = time("pagefind") {
                println!("   indexing the built site took {t:.1} s");
            }
            println!(
                "   index files (.pf_meta, .pf_index, .pf_fragment; gzip as stored): {files} files, {}",
                kb(stored)
            );
            println!(
                "     of which word index {idx_files} chunks {}, fragments (page texts) {frag_files} files {}",
                kb(idx),
                kb(frag)
            );
            println!(
                "   against ours: index {} + texts {} = {}",
                kb(index_gz),
                kb(texts_gz),
                kb(index_gz + texts_gz)
            );
            let mut code = 0;
            for f in ["pagefind.js", "pagefind-worker.js"] {
                code += read(&dir.join(f)).and_then(|b| gzip_len(&b))?;
            }
            for e in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
                let path = e.map_err(|e| e.to_string())?.path();
                if path.extension().is_some_and(|x| x == "pagefind") {
                    code += read(&path)?.len() as u64;
                }
            }
            println!(
                "   code of its JS API, once per visit (pagefind.js and pagefind-worker.js gzip, its wasm as stored; no UI): {}",
                kb(code)
            );
            let (pmed, pmax) = (
                median(&mut pf_data.clone()),
                pf_data.iter().copied().max().unwrap_or(0),
            );
            let all: Vec<u64> = answers.values().map(|a| a.fetched).collect();
            println!(
                "   fetched per query, its index and fragments: median {}, max {}; with its code: median {}, max {}",
                kb(pmed),
                kb(pmax),
                kb(median(&mut all.clone())),
                kb(all.iter().copied().max().unwrap_or(0))
            );
            println!(
                "   ours for the same queries: median {}, max {}; with the report-library module: + {}",
                kb(med),
                kb(max),
                code_ours.map_or("?".to_string(), kb)
            );
        } else {
            println!("   not run (no --pagefind)");
        }
        println!("\n(targets are benchmark targets, never failures)");
        Ok(())
    }

    /// The index against the texts for real reports (read from `dir`, never copied: the index
    /// is written into a temporary folder outside the project and removed), and for as many
    /// made-up ones: is the made-up library's share representative?
    fn calibrate(dir: &Path) -> Result<String, String> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                let n = p.file_name().unwrap_or_default().to_string_lossy();
                n.ends_with(".txt") && !n.ends_with(".raw.txt")
            })
            .collect();
        names.sort();
        if names.is_empty() {
            return Err("no reports there".into());
        }
        let mut real = Vec::new();
        for p in &names {
            let bytes = read(p)?;
            let (text, _) = report_core::decode::decode(&bytes)?;
            real.push(text);
        }
        let made_up: Vec<String> = (0..real.len())
            .map(|i| super::generate::report_text(i * 7 % 300).0)
            .collect();
        let (rs, rb) = share_of(&real)?;
        let (ms, mb) = share_of(&made_up)?;
        Ok(format!(
            "calibration, {n} reports each: real reports (../shared/corpora) index / texts {:.0} %, {rb} bigrams; \
             made-up {:.0} %, {mb} bigrams",
            rs * 100.0,
            ms * 100.0,
            n = real.len()
        ))
    }

    /// Index (meta + shards) over texts, gzip, for a library of `texts`, and its bigrams.
    fn share_of(texts: &[String]) -> Result<(f64, usize), String> {
        use report_core::Content;
        use report_site::library::{search as index, Entry, Facts};
        let tmp = std::env::temp_dir().join(format!("library-bench-{}", std::process::id()));
        let mut contents = Vec::new();
        for text in texts {
            let (content, _) = Content::from_text(text, None, Terms::builtin())?;
            contents.push(content);
        }
        let entries: Vec<Entry> = contents
            .iter()
            .enumerate()
            .map(|(i, c)| Entry::of(&format!("r{i}"), "r.txt", &Facts::of(c, None), c, &[]))
            .collect();
        let pairs: Vec<(&Entry, &Content)> = entries.iter().zip(contents.iter()).collect();
        let size = index::write(&tmp, &pairs);
        let measured = size.and_then(|size| {
            let built = Index::read(&tmp)?;
            let index: u64 = built.meta_gz + built.shards_gz.iter().sum::<u64>();
            let texts: u64 = built.texts_gz.iter().sum();
            Ok((index as f64 / texts.max(1) as f64, size.bigrams))
        });
        let _ = std::fs::remove_dir_all(&tmp);
        measured
    }
}

/// The made-up library: places, years, sentences from templates; nothing real.
#[cfg(not(target_arch = "wasm32"))]
mod generate {
    use std::path::Path;

    /// The seed of the whole library (a report's own is derived from it and its number).
    const SEED: u64 = 0x5EED_2030_1B0B_CAFE;

    /// xorshift64*: small, deterministic, enough for made-up text.
    struct Rng(u64);

    impl Rng {
        fn new(seed: u64) -> Rng {
            let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
            for _ in 0..4 {
                r.next();
            }
            r
        }
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
        fn range(&mut self, lo: u64, hi: u64) -> u64 {
            lo + self.next() % (hi - lo + 1)
        }
        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
        fn chance(&mut self, percent: u64) -> bool {
            self.next() % 100 < percent
        }
    }

    /// How often (%) a sentence's subject is made of made-up words: the share that makes the
    /// library's vocabulary grow as real reports' does (calibrated against the real reports in
    /// `../shared/corpora`: distinct bigrams per report and over 16 reports).
    const LEXICON_SHARE: u64 = 90;
    /// How often (%) a sentence without figures is free prose of made-up words.
    const FREE_SHARE: u64 = 55;
    /// Made-up words in the lexicon.
    const LEXICON_WORDS: usize = 60_000;

    /// Made-up words of two to four common characters (GB2312's first level, 3,755 characters,
    /// decoded from their codes: no list is kept here), the frequent characters far more often.
    struct Lexicon {
        words: Vec<String>,
    }

    fn lexicon() -> &'static Lexicon {
        static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEXICON.get_or_init(|| {
            let mut bytes = Vec::new();
            for row in 0xB0u8..=0xD7 {
                let last = if row == 0xD7 { 0xF9 } else { 0xFE };
                for col in 0xA1u8..=last {
                    bytes.extend([row, col]);
                }
            }
            let (text, _) = encoding_rs::GBK.decode_without_bom_handling(&bytes);
            let mut chars: Vec<char> = text.chars().collect();
            let mut rng = Rng::new(SEED ^ 0x001E_71C0);
            // A made-up order of frequency.
            let mut order: Vec<usize> = (0..chars.len()).collect();
            shuffle(&mut rng, &mut order);
            chars = order.iter().map(|&i| chars[i]).collect();
            let words = (0..LEXICON_WORDS)
                .map(|_| {
                    let len = match rng.below(10) {
                        0..=6 => 2,
                        7 | 8 => 3,
                        _ => 4,
                    };
                    (0..len)
                        .map(|_| {
                            let u = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
                            chars[((u * u * u) * chars.len() as f64) as usize]
                        })
                        .collect()
                })
                .collect();
            Lexicon { words }
        })
    }

    /// Characters of made-up names.
    const SYLLABLES: &str = "青岚白川云溪嵩临安平宁远清河江湖山石桥泉松竹梅兰桂枫柳杨梧桐金银丰和顺泰康乐福寿长永新华光明东西南北阳岭峰林源湾洲沙田龙凤鹤鹿崇德仁义礼智信怀柔兴隆昌盛瑞祥吉庆嘉禾秀水碧波翠屏紫阳丹霞晴川望月星辰海宁";
    const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    /// How a place's own names end (its rivers, parks, roads…).
    const LOCAL_SUFFIXES: [&str; 12] = [
        "河",
        "湖",
        "新区",
        "产业园",
        "大道",
        "水库",
        "高铁站",
        "古镇",
        "湿地公园",
        "物流港",
        "科创城",
        "村",
    ];

    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Level {
        Province,
        City,
        County,
        Town,
    }

    impl Level {
        /// The place's suffix, the government's, the leader's title, the scale of its figures
        /// (GDP in 亿元, jobs in 人).
        fn suffix(self) -> &'static str {
            match self {
                Level::Province => "省",
                Level::City => "市",
                Level::County => "县",
                Level::Town => "镇",
            }
        }
        fn leader(self) -> &'static str {
            match self {
                Level::Province => "省长",
                Level::City => "市长",
                Level::County => "县长",
                Level::Town => "镇长",
            }
        }
        fn gdp(self) -> (u64, u64) {
            match self {
                Level::Province => (8_000, 60_000),
                Level::City => (800, 6_000),
                Level::County => (80, 600),
                Level::Town => (5, 60),
            }
        }
        fn file(self) -> &'static str {
            match self {
                Level::Province => "sheng",
                Level::City => "shi",
                Level::County => "xian",
                Level::Town => "zhen",
            }
        }
    }

    /// The years a place's reports cover: five places in a row share one run of years.
    const YEARS: [u32; 5] = [2028, 2029, 2030, 2031, 2032];

    /// Place `p` of a library of `places`: its level and name (unique).
    fn place(p: usize) -> (Level, String) {
        let level = match p % 10 {
            0 => Level::Province,
            1..=3 => Level::City,
            4..=6 => Level::County,
            _ => Level::Town,
        };
        let syllables: Vec<char> = SYLLABLES.chars().collect();
        // Two different syllables per place, the pair unique for p < syllables².
        let n = syllables.len();
        let a = (p * 7 + 3) % n;
        let b = (a + 1 + (p * 13 + p / n) % (n - 1)) % n;
        (
            level,
            format!("{}{}{}", syllables[a], syllables[b], level.suffix()),
        )
    }

    fn name(rng: &mut Rng, syllables: &[char], len: usize) -> String {
        (0..len)
            .map(|_| syllables[rng.below(syllables.len())])
            .collect()
    }

    /// Place `p`'s own names (rivers, parks, roads…), the same in all its reports.
    pub fn local_names(p: usize) -> Vec<String> {
        local_names_from(&mut Rng::new(SEED ^ ((p as u64 + 1) << 20)))
    }

    fn local_names_from(rng: &mut Rng) -> Vec<String> {
        let syllables: Vec<char> = SYLLABLES.chars().collect();
        (0..16)
            .map(|k| {
                name(rng, &syllables, 2) + LOCAL_SUFFIXES[(k + rng.below(3)) % LOCAL_SUFFIXES.len()]
            })
            .collect()
    }

    /// Report `i` of the library: its text and file name. Place `i / 5`, year `YEARS[i % 5]`.
    pub fn report_text(i: usize) -> (String, String) {
        let (level, place) = place(i / YEARS.len());
        let year = YEARS[i % YEARS.len()];
        let mut rng = Rng::new(SEED ^ (i as u64).wrapping_mul(0x1000_0000_01B3));
        let syllables: Vec<char> = SYLLABLES.chars().collect();
        // The place's own names and its leader, the same in all its years.
        let mut place_rng = Rng::new(SEED ^ (((i / YEARS.len()) as u64 + 1) << 20));
        let locals = local_names_from(&mut place_rng);
        let surnames: Vec<char> = SURNAMES.chars().collect();
        let surname = surnames[place_rng.below(surnames.len())];
        let given = 1 + place_rng.below(2);
        let leader = format!("{surname}{}", name(&mut place_rng, &syllables, given));
        let target_chars = rng.range(10_300, 34_500) as usize;
        let mut w = Writer {
            rng,
            level,
            locals,
            out: String::new(),
            chars: 0,
        };
        let gov = level.suffix();
        w.line(&format!("{year}年{place}政府工作报告"));
        let session = 1 + (year as usize - 2028 + i) % 5;
        let (month, day) = (1 + w.rng.below(2), 5 + w.rng.below(22));
        w.line(&format!(
            "——{year}年{month}月{day}日在{place}第{}届人民代表大会第{}次会议上",
            ["十三", "十四", "十五", "十六", "十七", "十八"][i % 6],
            ["一", "二", "三", "四", "五"][session - 1]
        ));
        w.line(&format!("{place}{}　{leader}", level.leader()));
        w.line("各位代表：");
        w.line(&format!(
            "现在，我代表{gov}人民政府，向大会报告工作，请予审议，并请{gov}政协委员和其他列席人员提出意见。"
        ));
        // Part 一: the year before, about 45 % of the text.
        w.line(&format!("一、{}年工作回顾", year - 1));
        let overview = w.overview(year - 1);
        w.line(&overview);
        // Five to eight subsections, each on a topic of its own, sharing the part's length.
        let mut topics: Vec<usize> = (0..TOPICS.len()).collect();
        shuffle(&mut w.rng, &mut topics);
        let (start, count) = (w.chars, 5 + w.rng.below(4));
        let budget = (target_chars * 45 / 100).saturating_sub(start) / count;
        for (k, &t) in topics.iter().take(count).enumerate() {
            let topic = &TOPICS[t];
            let heading = w.rng.pick(topic.review_headings).to_string();
            w.subsection(k, &heading, topic, true, start + budget * (k + 1));
        }
        let problems: Vec<&str> = (0..3).map(|_| w.rng.pick(PROBLEMS)).collect();
        w.line(&format!(
            "同时，我们也清醒看到，发展中还存在一些困难和问题：{}。我们将采取有力措施，认真加以解决。",
            problems.join("；")
        ));
        // Part 二: the year, its targets, then the tasks.
        w.line(&format!("二、{year}年工作安排"));
        let goals = w.goals(year);
        w.line(&goals);
        // Six to ten subsections up to the report's length, less the closing.
        shuffle(&mut w.rng, &mut topics);
        let (start, count) = (w.chars, 6 + w.rng.below(5));
        let budget = (target_chars - 300).saturating_sub(start) / count;
        for (k, &t) in topics.iter().take(count).enumerate() {
            let topic = &TOPICS[t];
            let heading = w.rng.pick(topic.plan_headings).to_string();
            w.subsection(k, &heading, topic, false, start + budget * (k + 1));
        }
        w.line("三、加强政府自身建设");
        w.line("我们将坚持依法行政，自觉接受人大法律监督、政协民主监督，认真办理人大代表建议和政协委员提案，持续改进工作作风，努力建设人民满意的政府。");
        w.line(&format!(
            "各位代表！让我们团结一心、真抓实干，为奋力谱写{}高质量发展新篇章而努力奋斗！",
            &place[..place.len() - gov.len()]
        ));
        let file = format!("{}-{:03}-{year}.txt", level.file(), i / YEARS.len());
        (w.out, file)
    }

    fn shuffle(rng: &mut Rng, items: &mut [usize]) {
        for i in (1..items.len()).rev() {
            items.swap(i, rng.below(i + 1));
        }
    }

    struct Writer {
        rng: Rng,
        level: Level,
        locals: Vec<String>,
        out: String,
        chars: usize,
    }

    const NUMERALS: [&str; 12] = [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
    ];

    impl Writer {
        fn line(&mut self, text: &str) {
            self.out.push_str(text);
            self.out.push('\n');
            self.chars += text.chars().count();
        }

        fn local(&mut self) -> String {
            let k = self.rng.below(self.locals.len());
            self.locals[k].clone()
        }

        /// A decimal with `digits` after the point, between lo and hi.
        fn decimal(&mut self, lo: u64, hi: u64, digits: u32) -> String {
            let scale = 10u64.pow(digits);
            let v = self.rng.range(lo * scale, hi * scale);
            if digits == 0 || v.is_multiple_of(scale) {
                format!("{}", v / scale)
            } else {
                format!(
                    "{}.{:0width$}",
                    v / scale,
                    v % scale,
                    width = digits as usize
                )
                .trim_end_matches('0')
                .to_string()
            }
        }

        fn percent(&mut self, lo: u64, hi: u64) -> String {
            let p = self.decimal(lo, hi, 1);
            match self.rng.below(6) {
                0 => format!("{p}%左右"),
                1 => format!("{p}%以上"),
                _ => format!("{p}%"),
            }
        }

        /// A count with one of the common forms: plain, 约, 余, 以上, 多.
        fn count(&mut self, lo: u64, hi: u64, unit: &str) -> String {
            let v = self.rng.range(lo, hi);
            match self.rng.below(8) {
                0 => format!("约{v}{unit}"),
                1 => format!("{v}余{unit}"),
                2 => format!("{v}{unit}以上"),
                _ => format!("{v}{unit}"),
            }
        }

        fn scale(&self) -> u64 {
            match self.level {
                Level::Province => 1000,
                Level::City => 100,
                Level::County => 10,
                Level::Town => 1,
            }
        }

        /// Money in 亿元 or 万元, by the place's size.
        fn money(&mut self) -> String {
            let s = self.scale();
            if s >= 10 || self.rng.chance(30) {
                let v = self.decimal(s / 10 + 1, s * 3, 1);
                match self.rng.below(7) {
                    0 => format!("约{v}亿元"),
                    1 => format!("{v}亿元以上"),
                    _ => format!("{v}亿元"),
                }
            } else {
                self.count(100, 9_000, "万元")
            }
        }

        fn people(&mut self) -> String {
            let s = self.scale();
            if s >= 100 {
                format!("{}万人", self.decimal(s / 100, s / 5, 1))
            } else {
                self.count(s * 50, s * 900, "人")
            }
        }

        fn area(&mut self) -> String {
            let s = self.scale();
            if s >= 100 && self.rng.chance(60) {
                format!("{}万亩", self.decimal(s / 50, s / 2, 1))
            } else {
                self.count(s * 300, s * 9_000, "亩")
            }
        }

        fn overview(&mut self, year: u32) -> String {
            let (lo, hi) = self.level.gdp();
            let gdp = self.rng.range(lo, hi);
            let gov = self.level.suffix();
            let mut s = format!(
                "{year}年，面对{}，全{gov}上下{}，经济社会发展主要目标任务顺利完成。",
                self.rng.pick(CHALLENGES),
                self.rng.pick(EFFORTS)
            );
            let estimate = if self.rng.chance(50) { "预计" } else { "" };
            s += &format!(
                "{estimate}全{gov}地区生产总值达到{gdp}亿元，增长{}；一般公共预算收入{}，增长{}；城镇新增就业{}；城乡居民人均可支配收入分别增长{}、{}。",
                self.percent(2, 8),
                self.money(),
                self.percent(1, 9),
                self.people(),
                self.percent(3, 6),
                self.percent(5, 8),
            );
            s
        }

        fn goals(&mut self, year: u32) -> String {
            let gov = self.level.suffix();
            let jobs = self.people();
            let mut s = format!(
                "{year}年是{}的关键之年。做好今年工作，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，着力推动高质量发展。全{gov}经济社会发展的主要预期目标是：地区生产总值增长{}左右，城镇新增就业{}以上",
                self.rng.pick(&["实施“十五五”规划", "全面深化改革", "巩固拓展发展成果", "谋篇布局"]),
                ["5%", "5.5%", "6%", "5.0%", "4.5%"][self.rng.below(5)],
                jobs.trim_end_matches("以上"),
            );
            if self.level != Level::Town {
                s += "，城镇调查失业率控制在5.5%以内，居民消费价格涨幅2%左右";
            }
            s += &format!(
                "，一般公共预算收入增长{}以上、力争达到{}，粮食产量稳定在{}以上，单位地区生产总值能耗下降{}左右。",
                ["3%", "4%", "5%"][self.rng.below(3)],
                ["5%", "6%"][self.rng.below(2)],
                match self.level {
                    Level::Province => format!("{}亿斤", self.rng.range(300, 800)),
                    Level::City => format!("{}万吨", self.rng.range(100, 600)),
                    _ => format!("{}万斤", self.rng.range(500, 9_000)),
                },
                self.decimal(1, 3, 1)
            );
            s
        }

        /// （k）heading, then paragraphs of sentences until the text has `until` characters.
        fn subsection(&mut self, k: usize, heading: &str, topic: &Topic, past: bool, until: usize) {
            let numeral = NUMERALS[k % NUMERALS.len()];
            for p in 0.. {
                let mut text = if p == 0 {
                    format!("（{numeral}）{heading}。")
                } else {
                    String::new()
                };
                let sentences = 4 + self.rng.below(6);
                for s in 0..sentences {
                    let sentence = if s == 0 && p > 0 && self.rng.chance(60) {
                        format!(
                            "{}是{}。",
                            NUMERALS[p.min(NUMERALS.len() - 1)],
                            self.phrase(topic)
                        ) + &self.sentence(topic, past)
                    } else {
                        self.sentence(topic, past)
                    };
                    text += &sentence;
                }
                self.line(&text);
                if self.chars >= until || p >= 40 {
                    break;
                }
            }
        }

        fn phrase(&mut self, topic: &Topic) -> String {
            let verb = self.rng.pick(VERBS);
            format!("{verb}{}", self.term(topic))
        }

        /// A made-up word of the lexicon, the frequent ones far more often: rank r with a
        /// chance of about 1 / (r + K) (Zipf's law, flattened at the top so that no one word is
        /// a large share of the text): `K·((L + K) / K)^u − K` for u uniform in [0, 1).
        fn word(&mut self) -> &'static str {
            const K: f64 = 50.0;
            let words = &lexicon().words;
            let u = (self.rng.next() >> 11) as f64 / (1u64 << 53) as f64;
            let l = words.len() as f64;
            let rank = (K * ((l + K) / K).powf(u) - K).max(0.0) as usize;
            &words[rank.min(words.len() - 1)]
        }

        /// What a sentence is about: a topic's word, or (`LEXICON_SHARE` % of the time) made-up
        /// words, alone or before a topic's word.
        fn term(&mut self, topic: &Topic) -> String {
            if !self.rng.chance(LEXICON_SHARE) {
                return self.rng.pick(topic.objects).to_string();
            }
            let mut term = self.word().to_string();
            match self.rng.below(3) {
                0 => term.push_str(self.word()),
                1 => term.push_str(self.rng.pick(topic.objects)),
                _ => {}
            }
            term
        }

        fn sentence(&mut self, topic: &Topic, past: bool) -> String {
            let object = self.term(topic);
            let other = self.term(topic);
            let metric = if self.rng.chance(LEXICON_SHARE / 2) {
                self.word().to_string() + self.rng.pick(topic.metrics)
            } else {
                self.rng.pick(topic.metrics).to_string()
            };
            let verb = self.rng.pick(VERBS);
            let verb2 = self.rng.pick(VERBS);
            let manner = self.rng.pick(MANNERS);
            // About one figure per hundred characters, as in real reports: most sentences
            // have none.
            if self.rng.chance(60) {
                let progress = self.rng.pick(PROGRESS);
                if self.rng.chance(FREE_SHARE) {
                    // Free prose: made-up words joined as clauses are.
                    let mut out = format!("{manner}{verb}");
                    for k in 0..3 + self.rng.below(5) {
                        if k > 0 {
                            out.push_str(self.rng.pick(JOINS));
                        }
                        out.push_str(self.word());
                    }
                    return out + "，" + progress + "。";
                }
                return match self.rng.below(4) {
                    0 => format!(
                        "{manner}{verb}{object}，{verb2}{other}，{}。",
                        self.rng.pick(OUTCOMES)
                    ),
                    1 => format!("{object}{progress}，{other}{}。", self.rng.pick(PROGRESS)),
                    2 => format!(
                        "坚持{}，{verb}{object}，推动{other}{progress}。",
                        self.rng.pick(PRINCIPLES)
                    ),
                    _ => format!(
                        "{}{verb}{object}，{manner}{verb2}{other}。",
                        self.rng.pick(OPENINGS)
                    ),
                };
            }
            match (past, self.rng.below(12)) {
                (true, 0) => format!("{verb}{object}，{metric}增长{}。", self.percent(1, 25)),
                (true, 1) => format!(
                    "{}{}建成投用，新增{}{}个，完成投资{}。",
                    self.local(),
                    self.rng.pick(PROJECTS),
                    object,
                    self.rng.range(2, 90),
                    self.money()
                ),
                (true, 2) => format!(
                    "{metric}达到{}，比上年提高{}个百分点。",
                    self.percent(30, 98),
                    self.decimal(0, 5, 1)
                ),
                (true, 3) => format!(
                    "{manner}{verb}{object}，惠及群众{}。",
                    self.count(2, 900, "万人次")
                ),
                (true, 4) => format!(
                    "新建改造{}{}公里，新增高标准农田{}。",
                    self.rng.pick(ROADS),
                    self.rng.range(5, 3_000),
                    self.area()
                ),
                (true, 5) => format!(
                    "全年{verb}{object}{}项，{}。",
                    self.rng.range(3, 400),
                    self.rng.pick(OUTCOMES)
                ),
                (true, 6) => format!(
                    "{}获评{}，{metric}居全{}前列。",
                    self.local(),
                    self.rng.pick(HONOURS),
                    ["国", "省"][self.rng.below(2)]
                ),
                (true, 7) => format!(
                    "落实{}，为经营主体减负{}，新增经营主体{}。",
                    self.rng.pick(POLICIES),
                    self.money(),
                    self.count(200, 90_000, "户")
                ),
                (true, 8) => format!("流转土地{}，带动{}。", self.area(), self.people()),
                (true, _) => format!(
                    "{manner}{verb}{object}，{verb2}{other}，{}。",
                    self.rng.pick(OUTCOMES)
                ),
                (false, 0) => format!("{verb}{object}，力争{metric}增长{}。", self.percent(3, 15)),
                (false, 1) => format!(
                    "加快推进{}{}建设，年内完成投资{}。",
                    self.local(),
                    self.rng.pick(PROJECTS),
                    self.money()
                ),
                (false, 2) => format!(
                    "实施{object}行动，新建{}{}个。",
                    self.rng.pick(FACILITIES),
                    self.rng.range(2, 300)
                ),
                (false, 3) => format!(
                    "确保{metric}稳定在{}以上。",
                    self.percent(40, 99)
                        .trim_end_matches("以上")
                        .trim_end_matches("左右")
                ),
                (false, 4) => format!("{manner}{verb}{object}，{verb2}{other}。"),
                (false, 5) => format!(
                    "全年计划新增{}，完成{}改造{}个。",
                    self.area(),
                    self.rng.pick(FACILITIES),
                    self.rng.range(5, 900)
                ),
                (false, 6) => format!(
                    "支持{}创建{}，打造{}。",
                    self.local(),
                    self.rng.pick(HONOURS),
                    self.rng.pick(BRANDS)
                ),
                (false, 7) => format!(
                    "{verb}{object}，新增就业岗位{}。",
                    self.count(100, 50_000, "个")
                ),
                (false, _) => format!(
                    "{manner}{verb}{object}，{verb2}{other}，{}。",
                    self.rng.pick(OUTCOMES)
                ),
            }
        }
    }

    struct Topic {
        review_headings: &'static [&'static str],
        plan_headings: &'static [&'static str],
        objects: &'static [&'static str],
        metrics: &'static [&'static str],
    }

    const TOPICS: [Topic; 10] = [
        Topic {
            review_headings: &["经济运行稳中向好", "经济总量迈上新台阶", "稳增长成效明显"],
            plan_headings: &[
                "全力稳增长促发展",
                "着力扩大有效需求",
                "巩固经济回升向好态势",
            ],
            objects: &[
                "有效投资",
                "消费市场",
                "重大项目",
                "专项债券",
                "以旧换新",
                "县域商业体系",
                "夜间经济",
                "首发经济",
                "民间投资",
                "政府投资",
            ],
            metrics: &[
                "固定资产投资",
                "社会消费品零售总额",
                "规模以上工业增加值",
                "服务业增加值",
                "进出口总额",
            ],
        },
        Topic {
            review_headings: &["产业结构持续优化", "现代产业体系加快构建", "新动能加快成长"],
            plan_headings: &[
                "加快建设现代化产业体系",
                "培育壮大新质生产力",
                "推动制造业高端化智能化绿色化",
            ],
            objects: &[
                "先进制造业集群",
                "新能源汽车",
                "集成电路",
                "生物医药",
                "新型储能",
                "低空经济",
                "人工智能",
                "工业互联网",
                "5G基站",
                "数字经济",
                "专精特新企业",
                "智能工厂",
                "算力中心",
                "新材料产业",
            ],
            metrics: &[
                "高新技术产业增加值",
                "数字经济核心产业增加值",
                "战略性新兴产业产值",
                "研发经费投入强度",
                "技术合同成交额",
            ],
        },
        Topic {
            review_headings: &["乡村振兴全面推进", "农业农村稳中向好", "粮食生产再获丰收"],
            plan_headings: &[
                "扎实推进乡村全面振兴",
                "坚决守牢粮食安全底线",
                "建设宜居宜业和美乡村",
            ],
            objects: &[
                "高标准农田",
                "种业振兴",
                "农村人居环境",
                "特色农产品",
                "村级集体经济",
                "农村公路",
                "冷链物流",
                "农业社会化服务",
                "家庭农场",
                "防止返贫监测",
            ],
            metrics: &[
                "粮食产量",
                "农村居民人均可支配收入",
                "农产品加工业产值",
                "农作物耕种收综合机械化率",
                "村集体经济收入",
            ],
        },
        Topic {
            review_headings: &["改革开放不断深化", "营商环境持续优化", "开放型经济提质增效"],
            plan_headings: &["纵深推进改革开放", "持续优化营商环境", "推动高水平对外开放"],
            objects: &[
                "营商环境",
                "国资国企改革",
                "要素市场化配置",
                "政务服务",
                "一网通办",
                "跨境电商",
                "综合保税区",
                "招商引资",
                "民营经济",
                "社会信用体系",
                "开发区体制",
            ],
            metrics: &[
                "实际使用外资",
                "外贸进出口",
                "新登记经营主体",
                "政务服务事项网上可办率",
                "签约项目金额",
            ],
        },
        Topic {
            review_headings: &["城乡面貌加快改善", "基础设施更加完善", "城市品质不断提升"],
            plan_headings: &["推进新型城镇化", "加快补齐基础设施短板", "提升城市功能品质"],
            objects: &[
                "老旧小区改造",
                "城市更新",
                "地下管网",
                "海绵城市",
                "保障性住房",
                "城中村改造",
                "综合交通枢纽",
                "城乡供水一体化",
                "充电桩",
                "口袋公园",
            ],
            metrics: &[
                "常住人口城镇化率",
                "城市燃气管网改造",
                "公路通车里程",
                "集中供水率",
                "城市生活垃圾无害化处理率",
            ],
        },
        Topic {
            review_headings: &[
                "生态环境持续改善",
                "绿色低碳转型加快",
                "美丽家园建设取得新成效",
            ],
            plan_headings: &[
                "加快发展方式绿色转型",
                "深入打好污染防治攻坚战",
                "建设美丽城乡",
            ],
            objects: &[
                "大气污染防治",
                "河湖长制",
                "林长制",
                "水土流失治理",
                "光伏发电",
                "风电项目",
                "垃圾分类",
                "矿山生态修复",
                "节能降碳",
                "湿地保护",
            ],
            metrics: &[
                "空气质量优良天数比例",
                "地表水国考断面优良比例",
                "森林覆盖率",
                "非化石能源消费比重",
                "单位地区生产总值能耗",
            ],
        },
        Topic {
            review_headings: &["民生福祉持续增进", "社会保障更加有力", "就业形势总体稳定"],
            plan_headings: &[
                "着力保障和改善民生",
                "织密扎牢社会保障网",
                "千方百计稳定和扩大就业",
            ],
            objects: &[
                "城乡居民基本医疗保险",
                "基本养老保险",
                "最低生活保障",
                "困难群众救助",
                "高校毕业生就业",
                "农民工返乡创业",
                "职业技能培训",
                "养老服务",
                "普惠托育",
                "残疾人关爱服务",
                "退役军人服务",
            ],
            metrics: &[
                "基本养老保险参保率",
                "城乡居民医保参保率",
                "城镇调查失业率",
                "城乡低保标准",
                "养老机构护理型床位占比",
            ],
        },
        Topic {
            review_headings: &["社会事业全面进步", "教育医疗水平提升", "文化事业繁荣发展"],
            plan_headings: &[
                "办好人民满意的教育",
                "推进健康建设",
                "繁荣发展文化事业和文化产业",
            ],
            objects: &[
                "义务教育优质均衡",
                "公办幼儿园",
                "县域高中",
                "职业教育",
                "紧密型县域医共体",
                "基层医疗卫生机构",
                "家庭医生签约服务",
                "全民健身",
                "公共文化服务",
                "文旅融合",
                "非物质文化遗产保护",
            ],
            metrics: &[
                "学前教育毛入园率",
                "每千人口执业医师数",
                "接待游客人次",
                "旅游总收入",
                "人均体育场地面积",
            ],
        },
        Topic {
            review_headings: &["安全发展基础巩固", "社会大局和谐稳定", "风险防范化解有力"],
            plan_headings: &[
                "统筹发展和安全",
                "建设更高水平的平安",
                "有效防范化解重点领域风险",
            ],
            objects: &[
                "安全生产",
                "防灾减灾救灾",
                "食品药品安全",
                "地方债务风险",
                "信访工作",
                "矛盾纠纷排查化解",
                "应急管理体系",
                "消防救援",
                "燃气安全",
                "自建房安全",
            ],
            metrics: &[
                "安全生产事故起数",
                "信访总量",
                "刑事案件发案数",
                "债务率",
                "群众安全感满意度",
            ],
        },
        Topic {
            review_headings: &["科技创新能力增强", "人才队伍不断壮大", "创新平台加快建设"],
            plan_headings: &[
                "深入实施创新驱动发展战略",
                "加强人才引育",
                "构建全过程创新生态",
            ],
            objects: &[
                "科技型中小企业",
                "高新技术企业",
                "重点实验室",
                "新型研发机构",
                "科技成果转化",
                "产学研合作",
                "人才公寓",
                "青年人才",
                "首台套装备",
                "知识产权保护",
            ],
            metrics: &[
                "高新技术企业数",
                "每万人口高价值发明专利拥有量",
                "研发经费支出",
                "科技型企业数量",
                "技术合同登记额",
            ],
        },
    ];

    const VERBS: &[&str] = &[
        "推进", "实施", "加快", "深化", "完善", "健全", "强化", "提升", "优化", "扩大", "培育",
        "壮大", "巩固", "拓展", "统筹", "落实", "创新", "规范", "建设", "打造", "推动", "支持",
        "引导", "保障", "加强", "做强", "做优", "用好", "抓好", "稳定",
    ];
    const MANNERS: &[&str] = &[
        "", "坚持", "持续", "全面", "大力", "扎实", "积极", "深入", "着力", "稳步", "有序", "统筹",
    ];
    const OUTCOMES: &[&str] = &[
        "群众获得感明显增强",
        "发展后劲持续增强",
        "工作成效全省领先",
        "得到上级充分肯定",
        "形成一批可复制可推广的经验",
        "基础更加牢固",
        "质量效益稳步提升",
        "短板弱项加快补齐",
        "运行总体平稳",
        "群众满意度不断提高",
        "为长远发展打下坚实基础",
        "走在全省前列",
        "实现良好开局",
        "取得阶段性成效",
    ];
    const JOINS: &[&str] = &["", "", "", "的", "和", "、", "，", "与", "中", "等"];
    const PROGRESS: &[&str] = &[
        "取得新突破",
        "迈出新步伐",
        "取得明显成效",
        "不断完善",
        "持续深化",
        "加快推进",
        "稳步提升",
        "实现新跨越",
        "呈现良好态势",
        "扎实推进",
    ];
    const PRINCIPLES: &[&str] = &[
        "以人民为中心",
        "系统观念",
        "问题导向",
        "目标导向",
        "稳中求进",
        "先立后破",
        "因地制宜",
        "守正创新",
        "底线思维",
        "统筹兼顾",
    ];
    const OPENINGS: &[&str] = &[
        "我们",
        "围绕中心工作，",
        "聚焦群众关切，",
        "按照上级部署，",
        "结合实际，",
        "着眼长远，",
        "",
    ];
    const PROJECTS: &[&str] = &[
        "综合体",
        "污水处理厂",
        "人民医院新院区",
        "实验学校",
        "体育中心",
        "文化馆",
        "智慧物流园",
        "标准化厂房",
        "游客服务中心",
        "供水工程",
        "农贸市场",
        "养老服务中心",
        "储能电站",
        "数据中心",
        "快速路",
    ];
    const ROADS: &[&str] = &[
        "农村公路",
        "城市道路",
        "国省干线",
        "旅游公路",
        "产业路",
        "供水管网",
        "燃气管道",
    ];
    const FACILITIES: &[&str] = &[
        "社区食堂",
        "充电桩",
        "停车位",
        "便民服务站",
        "村卫生室",
        "幼儿园",
        "口袋公园",
        "健身步道",
        "冷链仓储",
        "公共厕所",
        "农家书屋",
        "老年助餐点",
    ];
    const HONOURS: &[&str] = &[
        "全国文明城市",
        "国家卫生城市",
        "国家生态文明建设示范区",
        "全国乡村治理示范村",
        "省级现代农业产业园",
        "国家级旅游度假区",
        "全国农业产业强镇",
        "省级高新区",
        "国家森林城市",
        "全国示范性老年友好型社区",
    ];
    const BRANDS: &[&str] = &[
        "区域公共品牌",
        "特色产业集群",
        "文旅消费新场景",
        "创新创业高地",
        "宜居宜业宜游名城",
        "内陆开放新高地",
        "生态康养目的地",
    ];
    const POLICIES: &[&str] = &[
        "减税降费政策",
        "稳岗返还政策",
        "援企稳岗政策",
        "助企纾困措施",
        "惠企政策直达快享",
        "首贷续贷支持政策",
        "失业保险稳岗政策",
    ];
    const CHALLENGES: &[&str] = &[
        "复杂严峻的外部环境和艰巨繁重的改革发展稳定任务",
        "持续干旱和罕见洪涝等自然灾害",
        "需求收缩、供给冲击和预期转弱多重压力",
        "主要产品价格走低和外部订单收缩",
        "财政收支矛盾突出的困难局面",
    ];
    const EFFORTS: &[&str] = &[
        "迎难而上、奋力拼搏",
        "团结一心、攻坚克难",
        "顶住压力、稳住阵脚",
        "真抓实干、砥砺前行",
        "凝心聚力、担当作为",
    ];
    const PROBLEMS: &[&str] = &[
        "经济回升向好的基础还不稳固",
        "有效需求仍然不足",
        "部分企业生产经营困难",
        "财政收支平衡压力较大",
        "科技创新能力还不强",
        "城乡区域发展不够平衡",
        "民生领域还有不少短板",
        "一些干部担当作为不够",
        "生态环境保护任务依然艰巨",
        "重点领域风险隐患仍然较多",
    ];

    /// Writes the library's `n` reports (and a catalogue naming the site) into `dir`, after
    /// removing the `.txt` files a run before left there; gives the files and characters.
    pub fn generate(dir: &Path, n: usize) -> Result<(usize, usize), String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for e in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let path = e.map_err(|e| e.to_string())?.path();
            if path.extension().is_some_and(|x| x == "txt") {
                std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
        std::fs::write(
            dir.join("library.tsv"),
            "# 基准测试用的虚构报告库（library-bench generate）\nsite\t基准报告库（虚构）\n",
        )
        .map_err(|e| e.to_string())?;
        let mut chars = 0;
        for i in 0..n {
            let (text, file) = report_text(i);
            chars += text.chars().filter(|c| !c.is_whitespace()).count();
            std::fs::write(dir.join(&file), text).map_err(|e| format!("{file}: {e}"))?;
        }
        Ok((n, chars))
    }

    /// Appends one sentence to the first report of `dir` (by name); gives its file name.
    pub fn change(dir: &Path) -> Result<String, String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        names.sort();
        let name = names.first().ok_or("no report to change")?;
        let path = dir.join(name);
        let mut text = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
        text.push_str("会后，各代表团将分组审议本报告，新增审议意见127条。\n");
        std::fs::write(&path, text).map_err(|e| format!("{name}: {e}"))?;
        Ok(name.clone())
    }
}
