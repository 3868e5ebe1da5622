//! The pure core: cleaning, parsing, figures, cards, charts, exports, search. No web
//! dependencies.

pub mod cards;
pub mod chart;
pub mod clean;
pub mod export;
pub mod figures;
pub mod model;
pub mod parse;
pub mod route;
pub mod search;

pub use model::{Meta, Report, Section, SectionKind, SectionNumber};

use cards::{build_cards, parse_curation, Cards, FigureIndex};
use search::terms::Terms;
use search::Corpus;

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
}

impl Content {
    /// Parses a scraped source file, checks the curated figures data against it, and prepares
    /// it for search with the table of other spellings (`terms`, see [`search::terms`]).
    pub fn load(source: &str, curation: &str, terms: &str) -> Result<Content, String> {
        let report = parse::parse(source).map_err(|e| e.to_string())?;
        let figures = FigureIndex::new(&report);
        let cards = build_cards(&report, &figures, curation).map_err(|e| e.to_string());
        let meta = parse_curation(curation)
            .map(|raw| Meta::from_pairs(raw.meta.iter().map(|(k, v)| (k.as_str(), v.as_str()))))
            .unwrap_or_default();
        Ok(Content {
            meta,
            corpus: Corpus::new(&report, Terms::parse(terms)?),
            report,
            figures,
            cards,
        })
    }

    /// A report with its figures and no cards (for tests and reports without curated data).
    pub fn without_cards(report: Report) -> Content {
        let figures = FigureIndex::new(&report);
        Content {
            corpus: Corpus::new(&report, Terms::default()),
            meta: Meta::default(),
            report,
            figures,
            cards: Err("no curated figures data".into()),
        }
    }
}
