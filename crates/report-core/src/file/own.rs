//! Reading a report file this program wrote ([`read_own`]): the page's data block, a report the
//! reading worker has just read, a report kept in the recent list. Such a file carries every
//! figure of its text with what it means (schema 2), found once where it was written, so the
//! page reads the text only to check it: each figure's written form must be the text at its
//! place, character for character. Value, bounds, unit, kind and period come from the file.
//! Nothing here calls the recogniser, so none of it reaches the page's wasm.
//!
//! A file that fails a check is refused with a message in Chinese (the reader's file goes to
//! the reading worker, which reads any file and trusts none, [`super::read`]).

use super::{
    cards_of, parse, structure, Content, FigureRecord, FileError, ReportFile, Terms, SCHEMA,
};
use crate::cards::{figure_id, unit_text, FigureIndex, Period, PlacedFigure, OPENING};
use crate::figures::meaning::Kind;
use crate::figures::{Amount, Change, Direction, Figure, Qualifier};
use crate::model::Report;
use crate::search::Corpus;
use crate::targets::TargetRow;

/// Reads a report file that this program's build or reading worker wrote (schema 2; see the
/// module documentation). Returns the content and notes on cards left out.
pub fn read_own(json: &str, terms: Terms) -> Result<(Content, Vec<String>), FileError> {
    let file = parse(json, &[SCHEMA])?;
    let (report, meta) = structure(&file)?;
    let figures = figures(&file, &report)?;
    let mut notes = Vec::new();
    let cards = cards_of(&file, &report, &figures, &mut notes);
    let corpus = Corpus::new(&report, terms);
    Ok((
        Content {
            targets: file
                .target_figures
                .iter()
                .filter_map(|row| TargetRow::from_strings(row, &report, &figures))
                .collect(),
            report,
            meta,
            figures,
            cards,
            corpus,
        },
        notes,
    ))
}

/// A figure that does not fit its text, in words for the reader.
fn misfit(record: &FigureRecord, what: &str) -> FileError {
    let id: String = record.id.chars().take(40).collect();
    FileError(format!(
        "报告文件中的数据“{}”（{id}）{what}，文件可能已损坏或被改动，无法显示。",
        record.written.chars().take(24).collect::<String>()
    ))
}

/// The file's figures, each checked against the text at its place, grouped by text unit in
/// the order of the report.
fn figures(file: &ReportFile, report: &Report) -> Result<FigureIndex, FileError> {
    let mut units: Vec<(String, Vec<PlacedFigure>)> = Vec::new();
    let mut records: Vec<&FigureRecord> = Vec::new();
    let mut flush = |records: &mut Vec<&FigureRecord>| -> Result<(), FileError> {
        let Some(first) = records.first() else {
            return Ok(());
        };
        let unit = first.section.clone();
        if units.iter().any(|(u, _)| *u == unit) {
            return Err(misfit(first, "不在其所属部分的数据中间"));
        }
        let text = unit_text(report, &unit).ok_or_else(|| misfit(first, "所在的部分不存在"))?;
        units.push((unit.clone(), unit_figures(&unit, text, records)?));
        records.clear();
        Ok(())
    };
    for record in &file.figures {
        if records.first().is_some_and(|f| f.section != record.section) {
            flush(&mut records)?;
        }
        records.push(record);
    }
    flush(&mut records)?;
    // In reading order, as the recogniser lists them.
    let order: Vec<String> = std::iter::once(OPENING.to_string())
        .chain(report.sections().iter().map(|s| s.id()))
        .collect();
    crate::order::sort_by_key(&mut units, |(unit, _)| {
        order
            .iter()
            .position(|u| u == unit)
            .map_or(u128::MAX, |p| p as u128)
    });
    Ok(FigureIndex { units })
}

/// The figures of one text unit: ids in order, each at its place, not overlapping.
fn unit_figures(
    unit: &str,
    text: &str,
    records: &[&FigureRecord],
) -> Result<Vec<PlacedFigure>, FileError> {
    // Where each paragraph starts, in bytes.
    let mut paragraph_starts = vec![0];
    paragraph_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let mut out: Vec<PlacedFigure> = Vec::new();
    let mut last_end = 0;
    for (k, record) in records.iter().enumerate() {
        if record.id != figure_id(unit, k) {
            return Err(misfit(record, "的编号与它的位置不一致"));
        }
        let (start, end) = byte_range(text, &paragraph_starts, record)
            .ok_or_else(|| misfit(record, "的位置超出了正文"))?;
        if start < last_end || text.get(start..end) != Some(record.written.as_str()) {
            return Err(misfit(record, "与正文中该处的文字不一致"));
        }
        last_end = end;
        out.push(placed(record, start, end).ok_or_else(|| misfit(record, "的数值无法读取"))?);
    }
    // A change named by a figure of the unit that states one.
    for (k, record) in records.iter().enumerate() {
        let Some(by) = &record.changed_by else {
            continue;
        };
        let i = (0..out.len())
            .find(|&i| figure_id(unit, i) == *by && out[i].change.is_some())
            .ok_or_else(|| misfit(record, "所说的变化找不到"))?;
        out[k].figure.changed_by = Some(i);
    }
    Ok(out)
}

/// The byte range of a record's characters `start..end` in its paragraph.
fn byte_range(
    text: &str,
    paragraph_starts: &[usize],
    record: &FigureRecord,
) -> Option<(usize, usize)> {
    let from = *paragraph_starts.get(record.paragraph)?;
    let paragraph_end = paragraph_starts
        .get(record.paragraph + 1)
        .map_or(text.len(), |next| next - 1);
    let paragraph = text.get(from..paragraph_end)?;
    if record.start >= record.end {
        return None;
    }
    let mut bytes = paragraph
        .char_indices()
        .map(|(i, _)| i)
        .chain([paragraph.len()]);
    let start = bytes.nth(record.start)?;
    let end = bytes.nth(record.end - record.start - 1)?;
    Some((from + start, from + end))
}

/// The figure a record describes at bytes `start..end`, or `None` when its fields do not make
/// one (an unknown word, a value that is not a decimal, a meaning that does not match).
fn placed(record: &FigureRecord, start: usize, end: usize) -> Option<PlacedFigure> {
    let amount = |v: &Option<String>| v.as_deref().map(Amount::parse);
    let (value, min, max) = (
        amount(&record.value),
        amount(&record.min),
        amount(&record.max),
    );
    let qualifier = Qualifier::from_key(&record.qualifier)?;
    let terms: Vec<Amount> = record
        .terms
        .iter()
        .map(|t| Amount::parse(t))
        .collect::<Option<_>>()?;
    // The recogniser's own value, from what it means (the inverse of `Figure::meaning`).
    let (stated, high) = match qualifier {
        Qualifier::Exact | Qualifier::About | Qualifier::Around => (value??, None),
        Qualifier::MoreThan | Qualifier::AboutMoreThan | Qualifier::Passed | Qualifier::AtLeast => {
            (min??, None)
        }
        Qualifier::AtMost | Qualifier::LessThan | Qualifier::Nearly => (max??, None),
        // 数百 means 200 to 900: the recogniser's value is 100.
        Qualifier::Several => {
            let low = min??;
            (Amount::new(low.mantissa / 2, low.scale), None)
        }
        Qualifier::Range => (min??, Some(max??)),
        Qualifier::Ratio => (*terms.first()?, None),
    };
    let kind = match record.kind.as_str() {
        "result" => Kind::Result,
        "estimate" => Kind::Estimate,
        "target" => Kind::Target,
        _ => return None,
    };
    let change = match &record.states_change {
        Some(c) => Some(Change {
            direction: Direction::from_key(&c.direction)?,
            basis: c.basis.clone(),
            verb: c.verb.clone(),
        }),
        None => None,
    };
    let figure = Figure {
        start,
        end,
        value: stated,
        high,
        terms,
        unit: record.unit.clone(),
        written_unit: record.written_unit.clone(),
        currency: record.currency.clone(),
        qualifier,
        change,
        period: record.month_range.clone(),
        changed_by: None,
    };
    // What the file says the figure means must be what it means.
    let m = figure.meaning();
    let same = |a: Option<Amount>, b: Option<Option<Amount>>| a == b.flatten();
    if m.precision.key() != record.precision
        || !same(m.value, value)
        || !same(m.min, min)
        || !same(m.max, max)
    {
        return None;
    }
    Some(PlacedFigure {
        figure,
        kind,
        period: record.period.as_ref().map(|text| Period {
            text: text.clone(),
            from_section: record.period_from.clone(),
        }),
        indicator: record.indicator.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::{read, to_embedded_json, to_json};
    use super::*;

    const MADE_UP: &str = "二〇三〇年某县政府工作报告\n各位代表：\n一、过去一年工作回顾\n1-8月全县完成地区生产总值120亿元，同比增长5.2%。吸引游客数百人次，引进企业30余家，预计全年投资约8亿元。结构比为11.8:48.3:39.9。\n（一）产业发展\n今年来，新增规上企业12家，不足5000人。\n二、今年工作安排\n力争地区生产总值增长5%左右，城镇新增就业1200人以上，物价涨幅控制在3%以内，投资10至500万元。";

    fn content() -> Content {
        Content::from_text(MADE_UP, None, Terms::default())
            .unwrap()
            .0
    }

    #[test]
    fn the_page_reads_its_figures_from_the_file_as_the_recogniser_found_them() {
        let built = content();
        let (own, notes) = read_own(&to_embedded_json(&built), Terms::default()).unwrap();
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(own.report, built.report);
        assert_eq!(own.figures.len(), built.figures.len());
        for ((unit_a, a), (unit_b, b)) in built
            .figures
            .units
            .iter()
            .filter(|(_, f)| !f.is_empty())
            .zip(&own.figures.units)
        {
            assert_eq!(unit_a, unit_b);
            assert_eq!(a, b, "{unit_a}");
        }
        assert_eq!(own.cards, built.cards, "the same cards, kinds and periods");
    }

    #[test]
    fn a_figure_whose_written_text_is_not_at_its_place_is_refused() {
        let mut file = super::super::to_file(&content());
        file.figures[0].written = "999亿元".into();
        let err = read_own(&serde_json::to_string(&file).unwrap(), Terms::default()).unwrap_err();
        assert!(err.0.contains("与正文中该处的文字不一致"), "{err}");

        let mut file = super::super::to_file(&content());
        file.figures[1].start += 1;
        file.figures[1].end += 1;
        let err = read_own(&serde_json::to_string(&file).unwrap(), Terms::default()).unwrap_err();
        assert!(err.0.contains("不一致"), "{err}");

        let mut file = super::super::to_file(&content());
        file.figures[0].paragraph = 7;
        let err = read_own(&serde_json::to_string(&file).unwrap(), Terms::default()).unwrap_err();
        assert!(err.0.contains("超出了正文"), "{err}");
    }

    #[test]
    fn a_value_that_does_not_fit_its_meaning_is_refused() {
        for change in [
            |f: &mut FigureRecord| f.value = None,
            |f: &mut FigureRecord| f.min = Some("1".into()),
            |f: &mut FigureRecord| f.precision = "approximate".into(),
            |f: &mut FigureRecord| f.qualifier = "nonsense".into(),
            |f: &mut FigureRecord| f.value = Some("1.2e10".into()),
            |f: &mut FigureRecord| f.kind = "promise".into(),
            |f: &mut FigureRecord| f.id = "sec-1-fig-9".into(),
        ] {
            let mut file = super::super::to_file(&content());
            let gdp = file
                .figures
                .iter_mut()
                .find(|f| f.written == "120亿元")
                .unwrap();
            change(gdp);
            let json = serde_json::to_string(&file).unwrap();
            assert!(read_own(&json, Terms::default()).is_err(), "{json}");
        }
    }

    #[test]
    fn a_file_of_the_first_schema_is_read_only_by_the_reader_that_trusts_none() {
        let mut file = super::super::to_file(&content());
        file.schema = 1;
        file.figures.clear();
        let json = serde_json::to_string(&file).unwrap();
        let err = read_own(&json, Terms::default()).unwrap_err();
        assert!(err.0.contains("版本是1"), "{err}");
        let (again, notes) = read(&json, Terms::default()).unwrap();
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(again.figures, content().figures);
    }

    #[test]
    fn the_reader_that_trusts_none_says_when_a_file_s_figures_are_not_the_text_s() {
        let mut file = super::super::to_file(&content());
        file.figures[0].value = Some("1".into());
        let (again, notes) =
            read(&serde_json::to_string(&file).unwrap(), Terms::default()).unwrap();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert_eq!(again.figures, content().figures, "read from the text");
        let (_, notes) = read(&to_json(&content()), Terms::default()).unwrap();
        assert!(notes.is_empty(), "{notes:?}");
    }
}
