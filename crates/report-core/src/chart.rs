//! Charts as pure data and geometry: which figures are comparable, and where the bars go.
//!
//! Only figures with the same unit and meaning share a chart: the curated comparisons in
//! `data/figures.tsv` (checked here: same unit). Every bar is a figure of the text; no value is
//! derived (a previous year's value computed from a growth rate was drawn until issue 17: a
//! number the report does not state, and one a reader could quote).

use super::cards::{Card, Cards};

/// One bar: what it shows, a figure of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// The value as shown to readers ("4101人", "约1473万元").
    pub display: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub id: String,
    pub title: String,
    pub bars: Vec<Bar>,
    /// A sentence saying what the chart shows, for screen readers and as its caption.
    pub description: String,
}

/// A bar placed in a plot `width` wide: its top and its length, in the same units.
#[derive(Debug, Clone, PartialEq)]
pub struct BarGeometry {
    pub y: f64,
    pub length: f64,
}

/// Horizontal bars: one band of `band` height each (the bar fills 60 % of it), lengths
/// proportional to the value, the largest bar `width` long. Non-finite or negative values get
/// length 0.
pub fn layout(bars: &[Bar], width: f64, band: f64) -> Vec<BarGeometry> {
    let max = bars
        .iter()
        .map(|b| b.value)
        .filter(|v| v.is_finite() && *v > 0.0)
        .fold(0.0, f64::max);
    bars.iter()
        .enumerate()
        .map(|(i, b)| BarGeometry {
            y: i as f64 * band + band * 0.2,
            length: if max > 0.0 && b.value.is_finite() && b.value > 0.0 {
                b.value / max * width
            } else {
                0.0
            },
        })
        .collect()
}

/// A chart comparing cards that the curated data names together; None when any card is
/// missing or their units differ (they would not be comparable).
pub fn comparison(cards: &Cards, id: &str, title: &str, card_ids: &[String]) -> Option<Chart> {
    let chosen: Vec<&Card> = card_ids
        .iter()
        .map(|c| cards.by_id(c))
        .collect::<Option<_>>()?;
    let unit = &chosen.first()?.figure.unit;
    if chosen.iter().any(|c| &c.figure.unit != unit) {
        return None;
    }
    let bars: Vec<Bar> = chosen
        .iter()
        .map(|c| Bar {
            label: c.label.clone(),
            value: c.figure.value.as_f64(),
            display: c.written.clone(),
        })
        .collect();
    let description = format!(
        "{}：{}。",
        title,
        bars.iter()
            .map(|b| format!("{}{}", b.label, b.display))
            .collect::<Vec<_>>()
            .join("，")
    );
    Some(Chart {
        id: id.to_string(),
        title: title.to_string(),
        bars,
        description,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(value: f64) -> Bar {
        Bar {
            label: String::new(),
            value,
            display: String::new(),
        }
    }

    #[test]
    fn the_largest_bar_fills_the_width_and_others_scale() {
        let g = layout(&[bar(4101.0), bar(9950.0)], 100.0, 10.0);
        assert!((g[1].length - 100.0).abs() < 1e-9);
        assert!((g[0].length - 41.21).abs() < 0.01);
        assert!((g[1].y - 12.0).abs() < 1e-9);
    }

    #[test]
    fn bars_without_a_positive_value_have_no_length() {
        let g = layout(&[bar(0.0), bar(f64::NAN), bar(-3.0)], 100.0, 10.0);
        assert!(g.iter().all(|b| b.length == 0.0));
    }
}
