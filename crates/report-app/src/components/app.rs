//! The root component: provides which report is shown (`shown_report.rs`) and, per
//! report, the reader's state; lays out header, outline and report; runs the effects. Opening
//! another report re-creates the reader (`key`), so nothing of the last report's state stays.

use yew::prelude::*;

use super::figures_panel::FiguresPanel;
use super::manual_copy::{manual_copy, use_manual_copy};
use super::open_status::{close_status, open_status};
use super::outline::Outline;
use super::print_footer::print_footer;
use super::report_header::report_header;
use super::report_view::report_view;
use super::targets_panel::targets_panel;
use super::top_bar::top_bar;
use super::{use_shown_report, AppContext, ShownContext};
use crate::effects;
use crate::open_file::{open_file, use_remember};
use crate::shown_report::{Opened, Origin, ShownAction, ShownReport};
use crate::state::{Action, AppState};
use report_core::recent::Recent;
use report_core::search::shorten;
use report_core::Content;

#[derive(PartialEq, Properties)]
pub struct AppProps {
    /// The report with its figures, or why it could not be read.
    pub content: Result<&'static Content, &'static str>,
    /// The reports opened before, as stored in this browser (or why they cannot be read).
    #[prop_or_else(|| Ok(Recent::default()))]
    pub recent: Result<Recent, String>,
    /// A report opened from a file that this tab showed before a reload, to show again.
    #[prop_or_default]
    pub restored: Option<Opened>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let shown = use_reducer(|| {
        let mut shown = ShownReport::new(props.content);
        if let Some(restored) = props.restored.clone() {
            shown.apply(ShownAction::Restore(restored));
        }
        shown
    });
    // The stored list changes what 打开报告 shows, so it comes after the first render: that
    // render must be the page as built (`src/main.rs` hydrates it).
    effects::use_started(shown.dispatcher(), props.recent.clone());
    use_remember(shown.clone());
    let open = {
        let dispatch = shown.dispatcher();
        Callback::from(move |file| open_file(file, dispatch.clone()))
    };
    let dragging = crate::open_file::use_file_drop(open.clone());
    effects::use_new_report_from_the_top(shown.serial);
    let close = close_status(&shown);
    effects::use_escape(
        close.clone(),
        matches!(shown.status, crate::shown_report::Status::Failed { .. }),
    );
    let status = open_status(&shown, close);
    let context = ShownContext {
        shown: shown.clone(),
        open,
    };
    html! {
        <ContextProvider<ShownContext> {context}>
            { match shown.shown {
                Ok(content) => html! {
                    <Reader key={shown.serial.to_string()} {content}
                        shareable={shown.origin == Origin::Embedded}
                        gradual={shown.serial > 0} />
                },
                Err(message) => html! {
                    <main id="main" class="load-error" role="alert">
                        <h1>{ "无法显示报告" }</h1>
                        <p>{ "报告文本无法读取：" }{ message }</p>
                    </main>
                },
            } }
            { status }
            if dragging {
                <div class="drop-zone" data-testid="drop-zone">
                    <p class="drop-zone__text">{ "松开鼠标，打开这份报告" }</p>
                </div>
            }
        </ContextProvider<ShownContext>>
    }
}

#[derive(PartialEq, Properties)]
struct ReaderProps {
    content: &'static Content,
    /// Whether the page's address leads to this report (see `AppState::shareable`).
    shareable: bool,
    /// Whether to render a screen first (`effects::use_gradual`): a report opened after the
    /// start, not the one hydrated.
    gradual: bool,
}

#[component]
fn Reader(props: &ReaderProps) -> Html {
    let content = props.content;
    let shareable = props.shareable;
    let state: AppContext = use_reducer(|| AppState {
        shareable,
        ..AppState::new(content)
    });

    let pinned: effects::Pinned = use_mut_ref(|| None);
    effects::use_page_listeners(state.dispatcher(), pinned.clone());
    effects::use_scroll_to(state.scroll.clone(), pinned);
    // Esc closes the outline drawer.
    let close_outline = {
        let dispatch = state.dispatcher();
        Callback::from(move |()| dispatch.dispatch(Action::CloseOutline))
    };
    effects::use_escape(close_outline, state.outline_open);
    effects::use_current_entry_visible(state.active.clone());
    effects::use_query_in_url(state.query.clone());
    effects::use_document_title(state.report.title.clone());

    // While the phone drawer is open, everything else is inert: Tab stays in the drawer.
    let inert = state.outline_open;
    let not_found = state.not_found.clone();
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::DismissNotFound))
    };

    let shown = use_shown_report();
    let bar = use_node_ref();
    effects::use_publish_bar_height(bar.clone());
    let top = top_bar(&state, inert, bar);
    let field = use_manual_copy(&state);
    let copy_box = manual_copy(&state, field);
    let header = report_header(&state, &shown, inert);
    let targets = targets_panel(&state);
    // A screen first, then the rest; all of it whenever a part not yet in the page may be
    // needed: a search's hits, the figures' links to their sentences, a figure highlighted, a
    // jump to a section (`scroll`), printing (which opens the figures).
    let ends = state
        .report
        .top_level()
        .scan(0, |end, part| {
            *end += part.size();
            Some(*end)
        })
        .collect();
    let gradual = effects::use_gradual(ends, props.gradual);
    let all = !state.query.is_empty()
        || state.figures_open
        || state.highlight.is_some()
        || state.scroll.is_some();
    let text = report_view(&state, if all { usize::MAX } else { gradual });
    let footer = print_footer(&state);
    html! {
        <ContextProvider<AppContext> context={state}>
            <a class="skip-link" href="#report">{ "跳到正文" }</a>
            { top }
            if let Some(id) = not_found {
                <div class="not-found floating-box" role="alert" data-testid="not-found">
                    <p class="not-found__text">
                        <strong>{ "找不到这一部分。" }</strong>
                        { format!("链接里的“#{}”在这份报告中不存在，可能是链接有误，或这部分不在本页的文字中。", shorten(&id, 24)) }
                    </p>
                    <button type="button" class="control" onclick={dismiss}>{ "知道了" }</button>
                </div>
            }
            { header }
            <div class="layout">
                <Outline />
                <main id="main" class="layout__main" tabindex="-1" inert={inert}>
                    <FiguresPanel />
                    { targets }
                    { text }
                </main>
            </div>
            { copy_box }
            { footer }
        </ContextProvider<AppContext>>
    }
}
