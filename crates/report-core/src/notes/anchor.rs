//! Where a note belongs in a report: its paragraph (found again by its quote when the report
//! changed), the notes in reading order, and the heading path of a section.
//!
//! The paragraphs are those the page shows with a 写意见 button: each section's body split at
//! `\n` ([`paragraph_ranges`]), an empty one left out (the page draws none), numbered as the
//! page numbers them (`data-note-paragraph`), sections in reading order (annexes included,
//! a section's own paragraphs before its subsections'). The opening is not among them.

use super::js::{cmp16, trim};
use super::quote::{quote_for, squeeze};
use super::{Note, HEADING_SEPARATOR};
use crate::cards::paragraph_ranges;
use crate::model::Report;

/// A paragraph of the report as notes are placed on it.
#[derive(Debug)]
struct Paragraph<'r> {
    /// The section's id.
    id: String,
    /// Its index in the section (as `paragraph_ranges` counts).
    index: usize,
    text: &'r str,
    /// The text without whitespace, as quotes are looked for.
    squeezed: String,
}

/// The paragraphs of a report, to place notes on.
#[derive(Debug)]
pub struct Anchors<'r> {
    report: &'r Report,
    paragraphs: Vec<Paragraph<'r>>,
}

/// The paragraph where a note is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The id of the paragraph's section (not always the note's own `section`).
    pub section: String,
    /// The paragraph's index in its section (`data-note-paragraph`).
    pub paragraph: usize,
    /// The paragraph's position in the whole report, in reading order (from 0).
    pub position: usize,
}

/// A note with where it is shown, as listed in 我的意见 and in the exports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'n> {
    /// The note.
    pub note: &'n Note,
    /// `None` when no paragraph of the report has its quote: detached.
    pub place: Option<Place>,
    /// Where it is, in words: the heading path of its paragraph's section, or for a detached
    /// note the heading path it was written under (else its section id).
    pub location: String,
}

impl Entry<'_> {
    /// No paragraph of the report has the note's quote (原文中找不到).
    pub fn is_detached(&self) -> bool {
        self.place.is_none()
    }
}

impl<'r> Anchors<'r> {
    /// The paragraphs of `report`.
    pub fn new(report: &'r Report) -> Anchors<'r> {
        let mut paragraphs = Vec::new();
        for section in report.sections() {
            let id = section.id();
            for (index, (from, to)) in paragraph_ranges(&section.body).into_iter().enumerate() {
                if to <= from {
                    continue;
                }
                let text = section.body.get(from..to).unwrap_or_default();
                paragraphs.push(Paragraph {
                    id: id.clone(),
                    index,
                    text,
                    squeezed: squeeze(text),
                });
            }
        }
        Anchors { report, paragraphs }
    }

    /// The report.
    pub fn report(&self) -> &'r Report {
        self.report
    }

    /// The text of paragraph `index` of the section `section`, as shown (`None` when the page
    /// shows no such paragraph).
    pub fn paragraph(&self, section: &str, index: usize) -> Option<&'r str> {
        self.paragraphs
            .iter()
            .find(|p| p.id == section && p.index == index)
            .map(|p| p.text)
    }

    /// Where `note` is shown (`place()` of notes.js): its own paragraph when that contains its
    /// quote (compared without whitespace), else the first paragraph of its section that
    /// does, else the first of the whole report that does; `None` (detached) when none does.
    /// An empty quote is in every paragraph.
    pub fn place(&self, note: &Note) -> Option<Place> {
        let quote = squeeze(&note.quote);
        let all = || self.paragraphs.iter().enumerate();
        let own = || all().filter(|(_, p)| p.id == note.section);
        let has = |(_, p): &(usize, &Paragraph)| p.squeezed.contains(&quote);
        let (position, found) = own()
            .find(|(_, p)| p.index == note.paragraph as usize)
            .filter(has)
            .or_else(|| own().find(has))
            .or_else(|| all().find(has))?;
        Some(Place {
            section: found.id.clone(),
            paragraph: found.index,
            position,
        })
    }

    /// The headings from the top-level part down to the section `id`, joined by
    /// [`HEADING_SEPARATOR`] ("一、… › （一）… › 一是…"); empty for an id that is no section.
    pub fn heading_path(&self, id: &str) -> String {
        self.report
            .path_to(id)
            .iter()
            .filter_map(|id| self.report.find(id))
            .map(|s| trim(&s.full_heading()).to_owned())
            .collect::<Vec<_>>()
            .join(HEADING_SEPARATOR)
    }

    /// The section's own heading, as the editor shows it: the last of `note`'s heading path
    /// (the section's heading path in this report when the note has none).
    pub fn own_heading(&self, note: &Note) -> String {
        let path = if note.heading.is_empty() {
            self.heading_path(&note.section)
        } else {
            note.heading.clone()
        };
        path.rsplit(HEADING_SEPARATOR)
            .next()
            .unwrap_or_default()
            .to_owned()
    }

    /// `notes` in reading order (`ordered()` of notes.js): the placed ones by their
    /// paragraph's position, those of one paragraph by `created` (as strings; equal times
    /// keep their stored order), then the detached ones in stored order.
    pub fn ordered<'n>(&self, notes: &'n [Note]) -> Vec<Entry<'n>> {
        let mut placed = Vec::new();
        let mut detached = Vec::new();
        for note in notes {
            match self.place(note) {
                Some(place) => placed.push((note, place)),
                None => detached.push(note),
            }
        }
        // Within a paragraph: how many of its notes were written earlier (a rank, so that the
        // one sort of the app, on a number, does it).
        let ranks: Vec<u128> = placed
            .iter()
            .map(|(note, place)| {
                placed
                    .iter()
                    .filter(|(other, at)| {
                        at.position == place.position
                            && cmp16(&other.created, &note.created).is_lt()
                    })
                    .count() as u128
            })
            .collect();
        let mut keyed: Vec<(u128, (&'n Note, Place))> = ranks
            .into_iter()
            .zip(placed)
            .map(|(rank, (note, place))| (((place.position as u128) << 64) | rank, (note, place)))
            .collect();
        crate::order::sort_by_key(&mut keyed, |(key, _)| *key);
        let placed = keyed.into_iter().map(|(_, (note, place))| Entry {
            location: self.heading_path(&place.section),
            note,
            place: Some(place),
        });
        let detached = detached.into_iter().map(|note| Entry {
            location: if note.heading.is_empty() {
                note.section.clone()
            } else {
                note.heading.clone()
            },
            note,
            place: None,
        });
        placed.chain(detached).collect()
    }

    /// What a new note on paragraph `index` of the section `section` is anchored by: its
    /// quote (the reader's selection in it, else its start) and the section's heading path.
    /// `None` when the page shows no such paragraph.
    pub fn draft(
        &self,
        section: &str,
        index: usize,
        selected: Option<&str>,
    ) -> Option<super::Draft> {
        let text = self.paragraph(section, index)?;
        let quote = quote_for(text, selected);
        Some(super::Draft {
            section: section.to_owned(),
            paragraph: u32::try_from(index).ok()?,
            quote: quote.quote,
            cut: quote.cut,
            heading: self.heading_path(section),
        })
    }
}
