//! Charts as pure data and geometry: which figures are comparable, and where the bars go.
//!
//! Only figures with the same unit and meaning share a chart: the curated comparisons in
//! `data/figures.tsv` (checked here: same unit), and a figure with a year-on-year change next
//! to the previous year's value derived from it — shown as computed, never as reported.

use super::cards::{Card, Cards};
use super::figures::Direction;

/// One bar: what it shows and whether the value was computed rather than reported.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// The value as shown to readers ("4101人", "约1473万元").
    pub display: String,
    pub computed: bool,
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

/// Formats an amount of 元 the Chinese way, rounded to whole units of 万 or 亿: "1473万元".
pub fn format_yuan(value: f64) -> String {
    // Whole numbers only: integer formatting keeps float formatting out of the wasm.
    let whole = |v: f64| v.round().max(0.0) as u64;
    if value >= 1e8 {
        format!("{}亿元", whole(value / 1e8))
    } else if value >= 1e4 {
        format!("{}万元", whole(value / 1e4))
    } else {
        format!("{}元", whole(value))
    }
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
            computed: false,
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

/// For a money card with a year-on-year change ("同比增长14.5%"): this year's value next to last
/// year's, derived as value ÷ (1 ± rate) and marked as computed.
pub fn year_on_year(card: &Card) -> Option<Chart> {
    let change = card.change.as_ref()?;
    let info = change.change.as_ref()?;
    if card.figure.unit != "元" || info.basis != "同比" {
        return None;
    }
    let rate = change.value.as_f64() / 100.0;
    let factor = match info.direction {
        Direction::Up => 1.0 + rate,
        Direction::Down => 1.0 - rate,
    };
    if factor <= 0.0 {
        return None;
    }
    let now = card.figure.value.as_f64();
    let before = now / factor;
    let period = card.figure.period.clone().unwrap_or_default();
    let change_text = format!(
        "{}{}{}",
        info.basis,
        info.verb,
        card.change_written.clone().unwrap_or_default()
    );
    let bars = vec![
        Bar {
            label: format!("上年同期{period}（计算值）"),
            value: before,
            display: format!("约{}", format_yuan(before)),
            computed: true,
        },
        Bar {
            label: format!("今年{period}"),
            value: now,
            display: card.written.clone(),
            computed: false,
        },
    ];
    let description = format!(
        "{}：今年{}{}（报告数），{}；上年同期约{}，由增长率推算，报告中没有这个数。",
        card.label,
        period,
        card.written,
        change_text,
        format_yuan(before)
    );
    Some(Chart {
        id: format!("yoy-{}", card.id),
        title: format!("{}：今年与上年同期", card.label),
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
            computed: false,
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

    #[test]
    fn yuan_are_formatted_in_wan_and_yi() {
        assert_eq!(format_yuan(14_733_624.0), "1473万元");
        assert_eq!(format_yuan(300_000_000.0), "3亿元");
        assert_eq!(format_yuan(980.0), "980元");
    }
}
