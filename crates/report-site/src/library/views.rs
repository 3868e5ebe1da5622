//! Reading across the library: promised and delivered across years (a report's targets against
//! what the same place's report of the next year says, `report_core::review`), shown below the
//! later report (the line of links above it, the earlier report and the library page lead
//! there); and one year's targets across places (`compare/<year>.html`): per indicator a table
//! sorted by value and a chart in which a range is drawn as a bar, a bound as a mark with an
//! arrowhead the way it runs, an approximate value as a hollow mark — never a plain point for
//! what the text gives as a range or a bound. Every value links to its sentence. Yew components
//! drawn on the server; nothing to hydrate.

use yew::prelude::*;

use report_core::review::Pair;
use report_core::targets::{Bound, Stated};

use super::Entry;

/// A value as the views show it: as written, in plain words, and where its sentence is.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub written: String,
    pub plain: String,
    pub link: String,
}

impl Shown {
    /// `stated` of the report whose page is `page` (relative to the page showing it). The plain
    /// words only where they say more than the written ones: for a bound or a range (不低于,
    /// 不超过, 之间), not for 约 beside 左右.
    pub fn of(stated: &Stated, page: &str) -> Shown {
        let written = format!("{}{}", stated.change, stated.written);
        let plain = match stated.bound {
            Bound::AtLeast | Bound::AtMost | Bound::Range => stated.plain_change(),
            Bound::Exact | Bound::Approximate => written.clone(),
        };
        Shown {
            written,
            plain,
            link: format!("{page}#{}", stated.figure_id()),
        }
    }
}

/// One row of the across-years table.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRow {
    pub indicator: String,
    pub target: Shown,
    pub result: Option<Shown>,
    pub estimate: bool,
    pub difference: Option<String>,
    pub status: String,
    /// `met`, `not_met`, `not_found` or `not_comparable`.
    pub status_key: &'static str,
}

impl ReviewRow {
    /// A pair shown on the later report's page: the target's sentence is in the earlier report
    /// (`../<id>/`), the result's on this page.
    pub fn of(pair: &Pair, earlier: &Entry) -> ReviewRow {
        ReviewRow {
            indicator: pair.target.indicator.clone(),
            target: Shown::of(&pair.target, &format!("../{}", earlier.address)),
            result: pair.result.as_ref().map(|r| Shown::of(r, "")),
            estimate: pair
                .result
                .as_ref()
                .is_some_and(|r| r.kind == report_core::figures::meaning::Kind::Estimate),
            difference: pair.difference.clone(),
            status: pair.status_words(),
            status_key: pair.status.key(),
        }
    }
}

/// The id of the across-years table on a report's page (a link to it opens its `<details>`).
pub const REVIEW_ID: &str = "library-review";

#[derive(Properties, PartialEq, Clone)]
pub struct ReviewProps {
    pub earlier: Entry,
    pub later: Entry,
    pub rows: Vec<ReviewRow>,
}

/// "2030年主要目标完成情况": after the later report (the line of links above it leads here), a
/// real table.
#[component]
pub fn Review(props: &ReviewProps) -> Html {
    let year = props
        .earlier
        .year
        .map(|y| format!("{y}年"))
        .unwrap_or_default();
    html! {
        <section id={REVIEW_ID} class="library-review" aria-labelledby="library-review-title" tabindex="-1">
            <h2 id="library-review-title" class="library-review__title">
                { format!("{year}主要目标完成情况") }
            </h2>
            <p class="library-review__source">
                { "目标见" }
                <a href={format!("../{}", props.earlier.address)}>{ &props.earlier.title }</a>
                { "；完成情况是本报告回顾部分给出的数。" }
            </p>
            <table class="library-review__table">
                <thead>
                    <tr>
                        <th scope="col">{ "指标" }</th>
                        <th scope="col">{ format!("{year}目标") }</th>
                        <th scope="col">{ format!("本报告给出的{year}数") }</th>
                        <th scope="col">{ "与目标相差" }</th>
                        <th scope="col">{ "判断" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for props.rows.iter().map(|r| html! {
                        <tr>
                            <th scope="row">{ &r.indicator }</th>
                            <td data-label={format!("{year}目标")}>{ shown(&r.target) }</td>
                            <td data-label={format!("本报告给出的{year}数")}>
                                { r.result.as_ref().map_or_else(|| html! { "—" }, shown) }
                                if r.estimate { <span class="library-review__note">{ "（预计数）" }</span> }
                            </td>
                            <td data-label="与目标相差">{ r.difference.clone().unwrap_or_else(|| "—".into()) }</td>
                            <td data-label="判断" class={classes!("library-review__status", format!("library-review__status--{}", r.status_key))}>
                                { &r.status }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="library-review__rule">
                { "判断规则：“以内”“不超过”的目标，以及失业率、物价涨幅，结果不高于目标为达到；“下降”的目标，降幅不小于目标为达到；其余目标，结果不低于目标为达到。目标是区间的，达到区间下限即为达到（“以内”类为不超过上限）。“约”“左右”按所写数值比较，不另留余地。结果是预计数的，判断也只是预计。找不到对应数字时写“未找到对应的数”，报告可能用文字说明了完成情况。" }
            </p>
        </section>
    }
}

/// "2030年主要目标完成情况：7项中5项达到（其中3项为预计数），1项未达到（预计），1项未找到
/// 对应的数", the line that leads to [`Review`]: estimates and gaps said, never folded into a
/// count that reads as final.
pub fn review_summary(year: Option<u32>, rows: &[ReviewRow]) -> String {
    let year = year.map(|y| format!("{y}年")).unwrap_or_default();
    let count = |key: &str, estimate: bool| {
        rows.iter()
            .filter(|r| r.status_key == key && (!estimate || r.estimate))
            .count()
    };
    let mut parts = Vec::new();
    let met = count("met", false);
    let met_estimated = count("met", true);
    parts.push(match met_estimated {
        0 => format!("{}项中{met}项达到", rows.len()),
        n if n == met => format!("{}项中{met}项达到（均为预计数）", rows.len()),
        n => format!("{}项中{met}项达到（其中{n}项为预计数）", rows.len()),
    });
    let not_met = count("not_met", false);
    if not_met > 0 {
        let estimated = count("not_met", true);
        parts.push(match estimated {
            0 => format!("{not_met}项未达到"),
            n if n == not_met => format!("{not_met}项未达到（预计）"),
            n => format!("{not_met}项未达到（其中{n}项为预计数）"),
        });
    }
    for (key, words) in [
        ("not_found", "未找到对应的数"),
        ("not_comparable", "无法比较"),
    ] {
        let n = count(key, false);
        if n > 0 {
            parts.push(format!("{n}项{words}"));
        }
    }
    format!("{year}主要目标完成情况：{}", parts.join("，"))
}

fn shown(s: &Shown) -> Html {
    html! {
        <>
            <a href={s.link.clone()}>{ &s.written }</a>
            if s.plain != s.written {
                <span class="library-review__note">{ format!("（{}）", s.plain) }</span>
            }
        </>
    }
}

/// One place's target of one indicator, for the across-places view.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceTarget {
    pub place: String,
    pub level: Option<&'static str>,
    pub shown: Shown,
    pub bound: Bound,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

impl PlaceTarget {
    /// Where it sorts: the value, or a range's middle, or its one bound.
    fn key(&self) -> f64 {
        match (self.min, self.max) {
            (Some(a), Some(b)) => (a + b) / 2.0,
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => f64::NEG_INFINITY,
        }
    }
}

/// One indicator's targets across places.
#[derive(Debug, Clone, PartialEq)]
pub struct Compared {
    pub indicator: String,
    /// "增长" when the targets are changes, "" for levels.
    pub change: String,
    pub unit: String,
    pub targets: Vec<PlaceTarget>,
}

#[derive(Properties, PartialEq, Clone)]
pub struct CompareProps {
    pub site: String,
    pub year: u32,
    /// Every year with a page of its own, newest first.
    pub years: Vec<u32>,
    pub indicators: Vec<Compared>,
}

/// `compare/<year>.html`: each indicator's targets across the places of one year.
#[component]
pub fn Compare(props: &CompareProps) -> Html {
    html! {
        <div class="library">
            <a class="skip-link" href="#compare-list">{ "跳到对比表" }</a>
            <nav class="library__back" aria-label="报告库">
                <a href="../">{ format!("‹ {}", props.site) }</a>
                if props.years.len() > 1 {
                    <span class="library__years">
                        { "其他年份：" }
                        { for props.years.iter().filter(|y| **y != props.year).map(|y| html! {
                            <a class="library__year" href={format!("{y}.html")}>{ format!("{y}年") }</a>
                        }) }
                    </span>
                }
            </nav>
            <header class="library__header">
            <h1 class="library__title">{ format!("{}年各地主要目标", props.year) }</h1>
            <p class="library__summary">
                { "每项指标按目标数值从高到低排列。图中：实心点是确数，空心点是“约”“左右”，横条是区间（两端是上下限），竖线是“以上”或“以内”的界限，旁边的三角指向允许的一侧（向右为“以上”，向左为“以内”）。刻度只在一项指标之内可比；不同级别的地方画在同一刻度上，数值相差很大时小的会挤在一起，请看下表。点数值可看原句。" }
            </p>
            </header>
            <main id="compare-list" class="library__list" tabindex="-1">
                { for props.indicators.iter().enumerate().map(|(n, c)| compared(n, c)) }
            </main>
        </div>
    }
}

fn compared(n: usize, c: &Compared) -> Html {
    let mut targets = c.targets.clone();
    targets.sort_by(|a, b| b.key().total_cmp(&a.key()));
    let heading = format!("compare-{n}");
    let mut title = c.indicator.clone();
    let mut notes: Vec<&str> = Vec::new();
    if !c.change.is_empty() {
        notes.push(&c.change);
    }
    if !c.unit.is_empty() && c.unit != "%" {
        notes.push(&c.unit);
    }
    if !notes.is_empty() {
        title = format!("{title}（{}）", notes.join("，"));
    }
    html! {
        <section class="library__place" aria-labelledby={heading.clone()}>
            <h2 id={heading} class="library__place-name">{ title }</h2>
            { chart(&targets, &c.unit) }
            <table class="library-compare__table">
                <thead>
                    <tr>
                        <th scope="col">{ "地方" }</th>
                        <th scope="col">{ "目标" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for targets.iter().map(|t| html! {
                        <tr>
                            <th scope="row">
                                { &t.place }
                                if let Some(level) = t.level.filter(|l| *l != t.place) {
                                    { level_badge(level) }
                                }
                            </th>
                            <td>{ shown(&t.shown) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

/// A level after a place's name, said as a level to a screen reader ("白川省，省级").
pub fn level_badge(level: &str) -> Html {
    html! {
        <span class="library__level">
            <span class="visually-hidden">{ "，级别：" }</span>{ level }
        </span>
    }
}

/// A scale's end as written on its axis: 6, 0.5, 1.2万, 500亿.
fn axis_number(v: f64) -> String {
    let (v, word) = if v >= 1e8 {
        (v / 1e8, "亿")
    } else if v >= 1e4 {
        (v / 1e4, "万")
    } else {
        (v, "")
    };
    let n = format!("{v:.2}");
    format!("{}{word}", n.trim_end_matches('0').trim_end_matches('.'))
}

/// Chart geometry, in the SVG's own units.
const CHART_WIDTH: f64 = 320.0;
const LABEL_WIDTH: f64 = 72.0;
const ROW: f64 = 28.0;

/// The chart of one indicator (the table beside it says the same in words, so it is hidden from
/// screen readers): a row per place on one scale fitted to the values (both ends labelled): a
/// range a bar with its two ends marked, a bound a mark at its value with an arrowhead beside it
/// pointing the way it runs (以上 right, 以内 left; no line, which would read as a range), an
/// approximate value a hollow mark, an exact one a filled mark.
fn chart(targets: &[PlaceTarget], unit: &str) -> Html {
    let values: Vec<f64> = targets
        .iter()
        .flat_map(|t| [t.min, t.max])
        .flatten()
        .collect();
    let (Some(low), Some(high)) = (
        values.iter().copied().reduce(f64::min),
        values.iter().copied().reduce(f64::max),
    ) else {
        return html! {};
    };
    let (low, high) = nice_scale(low, high);
    let plot_from = LABEL_WIDTH + 12.0;
    let plot = CHART_WIDTH - plot_from - 28.0;
    let x = |v: f64| plot_from + (v - low) / (high - low) * plot;
    let height = ROW * targets.len() as f64 + 20.0;
    let n = |v: f64| format!("{v:.1}");
    html! {
        <svg class="library-compare__chart" viewBox={format!("0 0 {CHART_WIDTH} {height}")}
            aria-hidden="true" focusable="false">
            <line class="library-compare__baseline" x1={n(x(low))} y1="0" x2={n(x(low))} y2={n(height - 18.0)} />
            <line class="library-compare__baseline" x1={n(x(high))} y1="0" x2={n(x(high))} y2={n(height - 18.0)} />
            { for targets.iter().enumerate().map(|(i, t)| {
                let y = ROW * i as f64 + ROW / 2.0;
                let label = html! {
                    <text x="0" y={n(y + 5.0)} class="library-compare__label">{ &t.place }</text>
                };
                let end = |v: f64| html! {
                    <rect class="library-compare__end" x={n(x(v) - 1.5)} y={n(y - 8.0)} width="3" height="16" />
                };
                let mark = match (t.bound, t.min, t.max) {
                    (Bound::Range, Some(a), Some(b)) => html! {
                        <>
                            <rect class="library-compare__range" x={n(x(a))} y={n(y - 4.0)}
                                width={n((x(b) - x(a)).max(1.0))} height="8" />
                            { end(a) }{ end(b) }
                        </>
                    },
                    (Bound::AtLeast, Some(a), _) => html! {
                        <>
                            { end(a) }
                            <path class="library-compare__arrow" d={format!("M{} {} l-8 -6 v12 z", n(x(a) + ARROW), n(y))} />
                        </>
                    },
                    (Bound::AtMost, _, Some(b)) => html! {
                        <>
                            { end(b) }
                            <path class="library-compare__arrow" d={format!("M{} {} l8 -6 v12 z", n(x(b) - ARROW), n(y))} />
                        </>
                    },
                    (bound, Some(v), _) => html! {
                        <circle class={classes!("library-compare__point",
                                (bound == Bound::Approximate).then_some("library-compare__point--approximate"))}
                            cx={n(x(v))} cy={n(y)} r="5" />
                    },
                    _ => html! {},
                };
                html! { <g>{ label }{ mark }</g> }
            }) }
            <text x={n(x(low))} y={n(height - 4.0)} text-anchor="middle" class="library-compare__axis">
                { format!("{}{}", axis_number(low), unit) }
            </text>
            <text x={n(x(high))} y={n(height - 4.0)} text-anchor="middle" class="library-compare__axis">
                { format!("{}{}", axis_number(high), unit) }
            </text>
        </svg>
    }
}

/// How far a bound's arrowhead sits from its mark, in the chart's units: a pointer beside the
/// mark (which way the bound runs), never a line that could be read as a range.
const ARROW: f64 = 11.0;

/// A scale around `low`..`high` with round ends (steps of 1, 2 or 5 times a power of ten), a
/// little room either side, never below zero for values that are not.
fn nice_scale(low: f64, high: f64) -> (f64, f64) {
    let span = (high - low).max(high.abs() * 0.1).max(1e-9);
    let step = {
        let raw = span / 4.0;
        let power = 10f64.powf(raw.log10().floor());
        [1.0, 2.0, 5.0, 10.0]
            .iter()
            .map(|m| m * power)
            .find(|s| *s >= raw)
            .unwrap_or(raw)
    };
    let mut from = ((low - step * 0.5) / step).floor() * step;
    if low >= 0.0 && from < 0.0 {
        from = 0.0;
    }
    let to = ((high + step * 0.5) / step).ceil() * step;
    (from, to)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_review_s_anchor_is_one_the_app_leaves_to_the_browser() {
        assert!(super::REVIEW_ID.starts_with(report_app::state::LIBRARY_ANCHOR));
    }
}
