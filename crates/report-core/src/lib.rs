//! The pure core: text → report. Cleaning, the outline, figures and what they mean, cards,
//! charts, exports, search, the report file, the reader's notes and display choices, and
//! figures as spoken words. No web dependencies: everything here is plain Rust, tested natively
//! (`cargo test -p report-core`), and used by the page, the reading worker and the build tools.

pub mod cards;
pub mod chart;
pub mod clean;
pub mod decode;
pub mod display;
pub mod export;
pub mod figures;
pub mod file;
pub mod indicators;
pub mod markup;
pub mod measures;
pub mod model;
pub mod notes;
pub mod order;
pub mod parse;
pub mod recent;
pub mod review;
pub mod route;
pub mod search;
pub mod spoken;
pub mod targets;

pub use model::{Meta, Report, Section, SectionKind, SectionNumber};

use cards::{auto_cards, build_cards, parse_curation, Cards, FigureIndex};
use parse::warnings::Warning;
use search::terms::Terms;
use search::Corpus;
use targets::Targets;

/// Everything the app shows: the report, the figures recognised in it, and the checked cards
/// (or why the curated data does not fit the text — the report is still shown then).
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    pub report: Report,
    /// Who issued the report, where it comes from (from the curation file).
    pub meta: Meta,
    pub figures: FigureIndex,
    pub cards: Result<Cards, String>,
    /// The report's text prepared for search.
    pub corpus: Corpus,
    /// What the report promises for its year, beside last year's results, as the page shows
    /// them ([`targets::Targets::rows`]).
    pub targets: Vec<targets::TargetRow>,
}

impl Content {
    /// The whole pipeline from a file's text: page chrome left out, the outline parsed, the
    /// figures recognised, cards from the curation file when there is one (its errors are
    /// returned as text) or by the automatic rule of [`cards::auto_cards`], and the facts of
    /// the report (the curation file's `meta` lines, then the front matter). Returns the
    /// content and what a person should check.
    pub fn from_text(
        source: &str,
        curation: Option<&str>,
        terms: Terms,
    ) -> Result<(Content, Vec<Warning>), String> {
        let (mut content, warnings) = Content::unsearchable(source, curation)?;
        content.corpus = Corpus::new(&content.report, terms);
        Ok((content, warnings))
    }

    /// [`Content::from_text`] without the search index (an empty [`Corpus`]): for a content
    /// that is only written to a file.
    fn unsearchable(
        source: &str,
        curation: Option<&str>,
    ) -> Result<(Content, Vec<Warning>), String> {
        Content::unsearchable_in_stages(source, curation, &mut |_| ())
    }

    /// [`Content::unsearchable`], calling `stage` with a stage's name as each ends (`outline`,
    /// `figures`, `cards`, `targets`), to time them.
    #[inline(always)]
    fn unsearchable_in_stages(
        source: &str,
        curation: Option<&str>,
        stage: &mut dyn FnMut(&'static str),
    ) -> Result<(Content, Vec<Warning>), String> {
        let parsed = parse::import(source).map_err(|e| e.to_string())?;
        stage("outline");
        let report = parsed.report;
        let figures = FigureIndex::new(&report);
        stage("figures");
        let (cards, mut meta) = match curation {
            Some(curation) => (
                build_cards(&report, &figures, curation).map_err(|e| e.to_string()),
                parse_curation(curation)
                    .map(|raw| {
                        Meta::from_pairs(raw.meta.iter().map(|(k, v)| (k.as_str(), v.as_str())))
                    })
                    .unwrap_or_default(),
            ),
            None => (Ok(auto_cards(&report, &figures)), Meta::default()),
        };
        meta.complete_from(&report);
        stage("cards");
        let targets = Targets::find(&report, &figures).rows();
        stage("targets");
        Ok((
            Content {
                targets,
                corpus: Corpus::without_text(),
                meta,
                report,
                figures,
                cards,
            },
            parsed.warnings,
        ))
    }

    /// A report with its figures and no cards (for tests and reports without curated data).
    pub fn without_cards(report: Report) -> Content {
        let figures = FigureIndex::new(&report);
        Content {
            targets: Targets::find(&report, &figures).rows(),
            corpus: Corpus::new(&report, Terms::default()),
            meta: Meta::default(),
            report,
            figures,
            cards: Err("no curated figures data".into()),
        }
    }
}

/// What the browser's reading worker does with a text a reader opened
/// (`report-app/src/bin/report-reader.rs`): the whole pipeline without curation, then the
/// report file in its compact form, with the figures found (the page reads it back with
/// [`file::read_own`]), and the warnings as sentences. An error is a sentence in Chinese.
///
/// No search index is made: the page makes its own when it reads the file (and the worker
/// stays without the search code).
pub fn text_to_file(text: &str) -> Result<(String, Vec<String>), String> {
    text_to_file_in_stages(text, &mut |_| ())
}

/// [`text_to_file`], calling `stage` with a stage's name as each ends: those of
/// [`Content::unsearchable_in_stages`], then `file` (the report file written). For timing
/// each stage (issue 19 timed the reading worker's stages in the browser with it; the worker
/// itself calls [`text_to_file`]: a clock costs it 1.4 KB gzip).
pub fn text_to_file_in_stages(
    text: &str,
    stage: &mut dyn FnMut(&'static str),
) -> Result<(String, Vec<String>), String> {
    let (content, warnings) = Content::unsearchable_in_stages(text, None, stage)?;
    let json = file::to_embedded_json(&content);
    stage("file");
    Ok((json, warnings.iter().map(|w| w.message()).collect()))
}
