//! The pure core: cleaning, parsing and the report model. No web dependencies.

pub mod clean;
pub mod model;
pub mod parse;

pub use model::{Report, Section, SectionKind, SectionNumber};
