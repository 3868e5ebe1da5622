//! The library's search index, made at build time (`report_core::search::library` has the
//! format and the rules): `search/meta.json`, the shards `search/i-<k>.json` and each report's
//! searchable text `search/r-<id>.json`. Fetched by the library page's search module on the
//! first search, never on the first visit.

use std::path::Path;

use report_core::search::library::{encode, shard_of_pair, unit_pairs, Meta, ReportText, Shard};
use report_core::search::{heading_unit, place_of, terms::Terms, Corpus};
use report_core::Content;

use super::Entry;

/// The folder of the index in `dist/`.
pub const SEARCH_FOLDER: &str = "search";

/// About this many bytes of JSON per shard: a query fetches a few shards, each small.
const SHARD_BYTES: usize = 24_000;

/// What the index came to, for the build summary and the benchmark.
#[derive(Debug, Default, Clone, Copy)]
pub struct IndexSize {
    pub shards: u32,
    pub units: u32,
    pub bigrams: usize,
}

/// Writes the index of `reports` into `out/search/`.
pub fn write(out: &Path, reports: &[(&Entry, &Content)]) -> Result<IndexSize, String> {
    let dir = out.join(SEARCH_FOLDER);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut postings: std::collections::HashMap<(char, char), Vec<u32>> = Default::default();
    let mut meta = Meta {
        shards: 1,
        reports: Vec::new(),
    };
    // Each report's units and their bigrams, on every core at once.
    let made = super::on_every_core(reports, |(_, content)| report_text(content));
    let mut next: u32 = 0;
    for ((entry, _), (text, pairs)) in reports.iter().zip(made) {
        let first = next;
        for unit_pairs in pairs {
            for pair in unit_pairs {
                postings.entry(pair).or_default().push(next);
            }
            next += 1;
        }
        meta.reports.push((
            entry.id.clone(),
            entry.title.clone(),
            entry.place.clone().unwrap_or_default(),
            entry.year.unwrap_or(0),
            first,
            next - first,
        ));
        let json = serde_json::to_string(&text).map_err(|e| e.to_string())?;
        write_file(&dir.join(format!("r-{}.json", entry.id)), json.as_bytes())?;
    }
    // Each bigram costs about its postings (a few bytes each) and its key.
    let estimate: usize = postings
        .iter()
        .map(|((a, b), v)| a.len_utf8() + b.len_utf8() + 6 + v.len() * 3)
        .sum();
    let shards = u32::try_from(estimate.div_ceil(SHARD_BYTES).clamp(1, 4096)).unwrap_or(4096);
    let mut split: Vec<Shard> = vec![Shard::new(); shards as usize];
    let bigrams = postings.len();
    for ((a, b), units) in postings {
        let k = shard_of_pair(a, b, shards) as usize;
        split[k].insert([a, b].iter().collect(), encode(&units));
    }
    for (k, shard) in split.iter().enumerate() {
        let json = serde_json::to_string(shard).map_err(|e| e.to_string())?;
        write_file(&dir.join(format!("i-{k}.json")), json.as_bytes())?;
    }
    meta.shards = shards;
    let json = serde_json::to_string(&meta).map_err(|e| e.to_string())?;
    write_file(&dir.join("meta.json"), json.as_bytes())?;
    Ok(IndexSize {
        shards,
        units: next,
        bigrams,
    })
}

/// A report's searchable text, and each unit's bigrams.
fn report_text(content: &Content) -> (ReportText, Vec<Vec<(char, char)>>) {
    let corpus = Corpus::new(&content.report, Terms::default());
    let mut text = ReportText { units: Vec::new() };
    let mut pairs = Vec::new();
    for unit in &corpus.units {
        let section = unit
            .id
            .strip_suffix("-h")
            .filter(|s| heading_unit(s) == unit.id)
            .unwrap_or(&unit.id);
        let in_report = content.report.find(section).is_some();
        let anchor = if in_report {
            section.to_string()
        } else {
            String::new()
        };
        // As the search inside the report names it, each heading cut to 24 characters and "…".
        let place = if in_report {
            place_of(&content.report, &content.report.path_to(section), Some(25))
                .unwrap_or_default()
        } else {
            String::new()
        };
        text.units.push((anchor, place, unit.text.clone()));
        pairs.push(unit_pairs(&unit.text));
    }
    (text, pairs)
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}
