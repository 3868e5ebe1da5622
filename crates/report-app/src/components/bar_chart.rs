//! A horizontal bar chart as inline SVG, with its data table and a text description. The
//! geometry comes from `core::chart::layout`.

use yew::prelude::*;

use report_core::chart::{layout, Chart};

/// The SVG's coordinate system: width, and the height of one bar's band (label row + bar).
const WIDTH: f64 = 320.0;
const BAND: f64 = 64.0;
const LABEL_ROW: f64 = 24.0;
/// Room at the bar's end for its value.
const VALUE_ROOM: f64 = 120.0;

/// An SVG coordinate as a whole number (integer formatting keeps float formatting out of the
/// wasm; a pixel of the viewBox is finer than anyone sees).
fn px(v: f64) -> String {
    (v.round() as i64).to_string()
}

/// The chart (a plain function, not a component: it has no state; see `components/mod.rs`).
pub fn bar_chart(chart: &Chart) -> Html {
    let geometry = layout(&chart.bars, WIDTH - VALUE_ROOM, BAND);
    let height = BAND * chart.bars.len() as f64;
    let caption_id = format!("chart-{}-title", chart.id);
    html! {
        <figure class="bar-chart" aria-labelledby={caption_id.clone()} data-testid={format!("chart-{}", chart.id)}>
            <figcaption id={caption_id} class="bar-chart__title">{ &chart.title }</figcaption>
            <svg class="bar-chart__svg" viewBox={format!("0 0 {} {}", px(WIDTH), px(height))}
                aria-hidden="true" focusable="false">
                { for chart.bars.iter().zip(&geometry).map(|(bar, g)| {
                    let top = g.y - BAND * 0.2;
                    let bar_y = top + LABEL_ROW + 4.0;
                    html! {
                        <g class="bar-chart__bar">
                            <text x="0" y={px(top + LABEL_ROW - 6.0)} class="bar-chart__label">{ &bar.label }</text>
                            <rect x="0" y={px(bar_y)} width={px(g.length.max(2.0))}
                                height="24" rx="3" />
                            <text x={px(g.length + 8.0)} y={px(bar_y + 18.0)}
                                class="bar-chart__value">{ &bar.display }</text>
                        </g>
                    }
                }) }
            </svg>
            <p class="bar-chart__description">{ &chart.description }</p>
            <table class="bar-chart__table">
                <caption class="visually-hidden">{ format!("{}（数据表）", chart.title) }</caption>
                <thead><tr><th scope="col">{ "项目" }</th><th scope="col">{ "数值" }</th></tr></thead>
                <tbody>
                    { for chart.bars.iter().map(|bar| html! {
                        <tr>
                            <th scope="row">{ &bar.label }</th>
                            <td>{ &bar.display }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </figure>
    }
}
