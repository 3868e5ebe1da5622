//! 打开报告: choose a report file (.txt or .json) to read in this page, and the reports opened
//! before, to open again or forget. Reading itself is `open_file.rs`; dropping a file anywhere
//! on the page does the same (`crate::open_file::use_file_drop`).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{use_shown_report, ShownContext};
use crate::effects::focus_id;
use crate::open_file::{open_recent, warm_reader};
use crate::shown_report::{Origin, ShownAction};

#[component]
pub fn OpenReport() -> Html {
    let ShownContext { shown, open } = use_shown_report();
    let input = use_node_ref();
    let choose = {
        let input = input.clone();
        let shown = shown.shown;
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                input.click();
            }
            // While the reader picks a file, the reading worker loads and warms up on the
            // report on screen.
            warm_reader(shown.ok().map(|c| &c.report));
        })
    };
    let chosen = Callback::from(move |event: Event| {
        let input: HtmlInputElement = event.target_unchecked_into();
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            open.emit(file);
        }
        // The same file can be chosen again.
        input.set_value("");
    });
    let recent = shown.recent.clone();
    // The report on screen, when it was opened from a file, is always first in the list.
    let showing_first = matches!(shown.origin, Origin::File { .. });
    let count = recent.reports.len();
    let entries = recent.reports.iter().enumerate().map(|(i, report)| {
        let reopen = {
            let (recent, dispatch) = (recent.clone(), shown.dispatcher());
            Callback::from(move |_: MouseEvent| open_recent(&recent, i, dispatch.clone()))
        };
        // The keyboard goes to the list's summary, or to 打开报告 when the list goes away: never
        // to the next 删除, where a second Enter would delete another report.
        let forget = {
            let dispatch = shown.dispatcher();
            Callback::from(move |_: MouseEvent| {
                focus_id(if count > 1 {
                    "recent-reports-summary"
                } else {
                    "open-report"
                });
                dispatch.dispatch(ShownAction::Forget(i))
            })
        };
        let showing = i == 0 && showing_first;
        html! {
            <li class="open-report__entry" data-testid="recent-report">
                <button type="button" class="open-report__reopen" onclick={reopen}>
                    { report.title.clone() }
                </button>
                <span class="open-report__file">
                    if showing {
                        <strong>{ "正在显示 · " }</strong>
                    }
                    { format!("{} · {}打开", report.name, report.opened) }
                </span>
                <button type="button" class="control open-report__forget" onclick={forget}
                    aria-label={format!("从最近打开中删除《{}》", report.title)}>
                    { "删除" }
                </button>
            </li>
        }
    });
    html! {
        <div class="open-report">
            <div class="open-report__row">
                <button type="button" id="open-report" class="control open-report__choose"
                    onclick={choose} aria-describedby="open-report-hint" data-testid="open-report">
                    { "打开报告" }
                </button>
                <input type="file" ref={input} hidden=true accept=".txt,.json,text/plain,application/json"
                    onchange={chosen} data-testid="open-report-input" />
                <span id="open-report-hint" class="open-report__hint">
                    { "打开另一份报告的 .txt 或 .json 文件，也可把文件拖到本页；只在这台设备上读取。" }
                </span>
            </div>
            if !recent.reports.is_empty() {
                <details class="open-report__recent link-summary" data-testid="recent-reports">
                    <summary id="recent-reports-summary">{ format!("最近打开的报告（{count}）") }</summary>
                    <ul class="open-report__list">{ for entries }</ul>
                </details>
            }
            if let Some(note) = &shown.recent_note {
                <p class="open-report__note" data-testid="recent-note">{ note.clone() }</p>
            }
        </div>
    }
}
