//! The figures at a glance: a headline row of the most important figures, then (on request)
//! every figure as a card grouped by theme, with a theme filter, charts of the comparable
//! figures, and CSV / JSON exports (made by the `report-export` module on first press).

use yew::prelude::*;

use super::bar_chart::bar_chart;
use super::metric_card::metric_card;
use super::use_app_state;
use crate::state::Action;
use report_core::chart::comparison;

#[component]
pub fn FiguresPanel() -> Html {
    let state = use_app_state();
    let cards = match state.cards {
        Ok(cards) => cards,
        Err(problem) => {
            return html! {
                <section class="figures" aria-labelledby="figures-title">
                    <h2 id="figures-title" class="figures__title">{ "数据一览" }</h2>
                    <p class="figures__error" role="alert">{ format!("数据卡片无法显示：{problem}") }</p>
                </section>
            };
        }
    };
    let open = state.figures_open;
    let toggle = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ToggleFigures))
    };
    let filter = |theme: Option<String>| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::FilterTheme(theme.clone())))
    };
    let shown_themes: Vec<&(String, String)> = cards
        .themes
        .iter()
        .filter(|(id, _)| state.theme_filter.as_ref().is_none_or(|f| f == id))
        .collect();
    // What was done, in reading order (so the economy's size, which a review states first,
    // leads; an estimate says so on its card), then what is promised: a target never sits
    // among them.
    let is_target =
        |c: &&report_core::cards::Card| c.kind == report_core::figures::meaning::Kind::Target;
    let headline = cards
        .cards
        .iter()
        .filter(|c| c.headline && !is_target(c))
        .chain(cards.cards.iter().filter(|c| c.headline && is_target(c)));
    let report_block = (!state.shareable).then_some(report_core::markup::OPENED_REPORT_ID);
    let charts: Vec<_> = cards
        .comparisons
        .iter()
        .filter_map(|(id, title, ids)| comparison(cards, id, title, ids))
        .collect();

    html! {
        <section id="figures" class="figures" aria-labelledby="figures-title" data-testid="figures">
            <h2 id="figures-title" class="figures__title">{ "数据一览" }</h2>
            // Referenced by aria-describedby, never read in the flow of the page.
            <span id="figure-link-hint" hidden=true>{ "查看数据卡片" }</span>
            <p class="figures__intro">
                { format!("报告中共有{}项数据。点卡片上的“看原文”可跳到原句；正文中带下划线的数字可打开对应卡片。", cards.cards.len()) }
            </p>
            <div class="figures__grid figures__grid--headline" data-testid="headline-row">
                { for headline.map(|card| metric_card(&state, card, false, 3)) }
            </div>
            <button type="button" class="control figures__toggle" aria-expanded={open.to_string()}
                aria-controls="figures-all" onclick={toggle} data-testid="figures-toggle">
                { if open { "收起全部数据".to_string() } else { format!("查看全部{}项数据、图表与下载", cards.cards.len()) } }
            </button>
            // Rendered only while open: a long report has hundreds of cards (a link to one opens
            // the panel first, see `Action::Navigate`).
            <div id="figures-all" class="figures__all" hidden={!open}>
            if open {
                // How the list is shown: two switches that only change what the stylesheet
                // shows (`figures.css`), so a long list costs the page no code to re-render.
                <p class="figures__view">
                    if cards.cards.iter().any(|c| is_target(&c)) {
                        <label><input type="checkbox" id="figures-targets" data-testid="only-targets" />{ "只看目标" }</label>
                    }
                    <label><input type="checkbox" id="figures-compact" data-testid="compact-list" />{ "紧凑列表" }</label>
                </p>
                // The themes fold away (on a phone they would fill a screen); open while one
                // is chosen, so that the reader sees which.
                <details class="figures__fold" open={state.theme_filter.is_some()}>
                <summary class="control">{ format!("按主题筛选（{}个主题）", cards.themes.len()) }</summary>
                <div class="figures__filter" role="group" aria-label="按主题筛选">
                    <button type="button" class="control figures__chip" aria-pressed={state.theme_filter.is_none().to_string()}
                        onclick={filter(None)} data-testid="filter-all">{ "全部" }</button>
                    { for cards.themes.iter().map(|(id, name)| html! {
                        <button type="button" class="control figures__chip"
                            aria-pressed={(state.theme_filter.as_deref() == Some(id.as_str())).to_string()}
                            onclick={filter(Some(id.clone()))} data-testid={format!("filter-{id}")}>
                            { name }
                        </button>
                    }) }
                </div>
                </details>
                { for shown_themes.iter().map(|(id, name)| html! {
                    <section class="figures__theme" aria-labelledby={format!("figures-{id}")}
                        data-testid={format!("theme-{id}")}>
                        <h3 id={format!("figures-{id}")} class="figures__theme-title">{ name }</h3>
                        <div class="figures__grid">
                            { for cards.of_theme(id).map(|card| metric_card(&state, card, true, 4)) }
                        </div>
                    </section>
                }) }
                <section class="figures__charts" aria-labelledby="figures-charts">
                    <h3 id="figures-charts" class="figures__theme-title">{ "图表" }</h3>
                    <p class="figures__note">{ "只比较单位和含义相同的数据。" }</p>
                    { for charts.iter().map(bar_chart) }
                </section>
                // Made on the first press by a module of their own (`report-tools`,
                // `export.rs`): most readers never download them, and their code would crowd
                // the page's wasm. They read the shown report's file from the page: the built
                // report's data block, or, for a report opened from a file, the block named in
                // `data-report`.
                <p class="figures__downloads">
                    <button type="button" class="control figures__download" data-export="csv"
                        data-report={report_block} data-testid="export-csv">
                        { "下载 CSV（表格）" }
                    </button>
                    <button type="button" class="control figures__download" data-export="json"
                        data-report={report_block} data-testid="export-json">
                        { "下载 JSON" }
                    </button>
                    // The built-in report's whole file, written beside the page at build time.
                    if state.shareable {
                        <a class="control figures__download" href={report_core::markup::REPORT_FILE_NAME}
                            download={format!("{}·报告文件.json", state.report.title)}
                            data-testid="export-report">{ "下载整份报告（JSON）" }</a>
                    }
                </p>
            }
            </div>
        </section>
    }
}
