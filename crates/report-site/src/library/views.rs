//! Reading across the library: promised and delivered across years (a report's targets against
//! what the same place's report of the next year says, `report_core::review`), shown above the
//! later report and summed up on the library page; and one year's targets across places
//! (`compare/<year>.html`): per indicator a table sorted by value and a chart in which a range is
//! drawn as a bar, a bound as a line running on past its end, an approximate value as a hollow
//! mark — never a plain point for what the text gives as a range or a bound. Every value links
//! to its sentence. Yew components drawn on the server; nothing to hydrate.

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
    /// `stated` of the report whose page is `page` (relative to the page showing it).
    pub fn of(stated: &Stated, page: &str) -> Shown {
        Shown {
            written: format!("{}{}", stated.change, stated.written),
            plain: stated.plain_change(),
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
                        <th scope="col">{ "本报告所说" }</th>
                        <th scope="col">{ "差" }</th>
                        <th scope="col">{ "判断" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for props.rows.iter().map(|r| html! {
                        <tr>
                            <th scope="row">{ &r.indicator }</th>
                            <td data-label={format!("{year}目标")}>{ shown(&r.target) }</td>
                            <td data-label="本报告所说">
                                { r.result.as_ref().map_or_else(|| html! { "—" }, shown) }
                                if r.estimate { <span class="library-review__note">{ "（预计数）" }</span> }
                            </td>
                            <td data-label="差">{ r.difference.clone().unwrap_or_else(|| "—".into()) }</td>
                            <td data-label="判断" class={classes!("library-review__status", format!("library-review__status--{}", r.status_key))}>
                                { &r.status }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="library-review__rule">
                { "判断规则：以内、不超过，以及失业率、物价涨幅、下降类目标，结果不高于目标为达到；其余不低于目标为达到；区间取下限（上限类取上限）；“约”“左右”按所写数值。结果是预计数的，判断也是预计。找不到对应数字时写“未找到对应的数”，报告可能用文字说明。" }
            </p>
        </section>
    }
}

/// "2030年主要目标完成情况：7项中5项达到", the line that leads to [`Review`].
pub fn review_summary(year: Option<u32>, rows: &[ReviewRow]) -> String {
    let year = year.map(|y| format!("{y}年")).unwrap_or_default();
    let met = rows.iter().filter(|r| r.status_key == "met").count();
    format!("{year}主要目标完成情况：{}项中{met}项达到", rows.len())
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
            </nav>
            <h1 class="library__title">{ format!("{}年各地主要目标", props.year) }</h1>
            <p class="library__summary">
                { "每项指标按目标数值从高到低排列；区间画成一段，“以上”“以内”画成延伸的线，“约”“左右”画成空心点。点数值可看原句。" }
            </p>
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
    let title = if c.change.is_empty() {
        c.indicator.clone()
    } else {
        format!("{}（{}）", c.indicator, c.change)
    };
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
                                if let Some(level) = t.level {
                                    <span class="library__level">{ level }</span>
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
/// screen readers): a row per place; a range a bar, a bound a line with an arrow past its end,
/// an approximate value a hollow mark, an exact one a filled mark.
fn chart(targets: &[PlaceTarget], unit: &str) -> Html {
    let values = targets.iter().flat_map(|t| [t.min, t.max]).flatten();
    let top = values.fold(0.0_f64, f64::max);
    if top <= 0.0 {
        return html! {};
    }
    let plot = CHART_WIDTH - LABEL_WIDTH - 16.0;
    // A round end for the scale, so that its label reads well: 1, 2 or 5 times a power of ten.
    let step = 10f64.powf((top * 1.1).log10().floor());
    let top = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * step)
        .find(|end| *end >= top * 1.1)
        .unwrap_or(top * 1.1);
    let x = |v: f64| LABEL_WIDTH + v / top * plot;
    let height = ROW * targets.len() as f64 + 20.0;
    html! {
        <svg class="library-compare__chart" viewBox={format!("0 0 {CHART_WIDTH} {height}")}
            aria-hidden="true" focusable="false">
            { for targets.iter().enumerate().map(|(i, t)| {
                let y = ROW * i as f64 + ROW / 2.0;
                let label = html! {
                    <text x="0" y={format!("{}", y + 5.0)} class="library-compare__label">{ &t.place }</text>
                };
                let mark = match (t.bound, t.min, t.max) {
                    (Bound::Range, Some(a), Some(b)) => html! {
                        <rect class="library-compare__range" x={format!("{:.1}", x(a))} y={format!("{:.1}", y - 6.0)}
                            width={format!("{:.1}", (x(b) - x(a)).max(2.0))} height="12" />
                    },
                    (Bound::AtLeast, Some(a), _) => html! {
                        <>
                            <line class="library-compare__bound" x1={format!("{:.1}", x(a))} y1={format!("{y}")}
                                x2={format!("{:.1}", CHART_WIDTH - 8.0)} y2={format!("{y}")} />
                            <path class="library-compare__arrow"
                                d={format!("M{:.1} {} l-7 -5 v10 z", CHART_WIDTH - 1.0, y)} />
                            <rect class="library-compare__end" x={format!("{:.1}", x(a) - 1.5)} y={format!("{}", y - 8.0)} width="3" height="16" />
                        </>
                    },
                    (Bound::AtMost, _, Some(b)) => html! {
                        <>
                            <line class="library-compare__bound" x1={format!("{:.1}", LABEL_WIDTH + 8.0)} y1={format!("{y}")}
                                x2={format!("{:.1}", x(b))} y2={format!("{y}")} />
                            <path class="library-compare__arrow"
                                d={format!("M{:.1} {} l7 -5 v10 z", LABEL_WIDTH + 1.0, y)} />
                            <rect class="library-compare__end" x={format!("{:.1}", x(b) - 1.5)} y={format!("{}", y - 8.0)} width="3" height="16" />
                        </>
                    },
                    (bound, Some(v), _) => html! {
                        <circle class={classes!("library-compare__point",
                                (bound == Bound::Approximate).then_some("library-compare__point--approximate"))}
                            cx={format!("{:.1}", x(v))} cy={format!("{y}")} r="6" />
                    },
                    _ => html! {},
                };
                html! { <g>{ label }{ mark }</g> }
            }) }
            <line class="library-compare__baseline" x1={format!("{LABEL_WIDTH}")} y1="0"
                x2={format!("{LABEL_WIDTH}")} y2={format!("{}", height - 18.0)} />
            <line class="library-compare__baseline" x1={format!("{:.1}", x(top))} y1="0"
                x2={format!("{:.1}", x(top))} y2={format!("{}", height - 18.0)} />
            <text x={format!("{LABEL_WIDTH}")} y={format!("{}", height - 4.0)} class="library-compare__axis">{ format!("0{unit}") }</text>
            <text x={format!("{:.1}", x(top))} y={format!("{}", height - 4.0)} text-anchor="end"
                class="library-compare__axis">{ format!("{}{unit}", axis_number(top)) }</text>
        </svg>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_review_s_anchor_is_one_the_app_leaves_to_the_browser() {
        assert!(super::REVIEW_ID.starts_with(report_app::state::LIBRARY_ANCHOR));
    }
}
