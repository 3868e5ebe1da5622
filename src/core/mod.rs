//! The pure core: cleaning, parsing, figures, cards, charts, exports. No web dependencies.

pub mod cards;
pub mod chart;
pub mod clean;
pub mod export;
pub mod figures;
pub mod model;
pub mod parse;

pub use model::{Report, Section, SectionKind, SectionNumber};

use cards::{build_cards, Cards, FigureIndex};

/// Everything the app shows: the report, the figures recognised in it, and the checked cards
/// (or why the curated data does not fit the text — the report is still shown then).
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    pub report: Report,
    pub figures: FigureIndex,
    pub cards: Result<Cards, String>,
}

impl Content {
    /// Parses a scraped source file and checks the curated figures data against it.
    pub fn load(source: &str, curation: &str) -> Result<Content, String> {
        let report = parse::parse(source).map_err(|e| e.to_string())?;
        let figures = FigureIndex::new(&report);
        let cards = build_cards(&report, &figures, curation).map_err(|e| e.to_string());
        Ok(Content {
            report,
            figures,
            cards,
        })
    }

    /// A report with its figures and no cards (for tests and reports without curated data).
    pub fn without_cards(report: Report) -> Content {
        let figures = FigureIndex::new(&report);
        Content {
            report,
            figures,
            cards: Err("no curated figures data".into()),
        }
    }
}
