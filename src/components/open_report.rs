//! 打开报告: choose a report file (.txt or .json) to read in this page, and the reports opened
//! before, to open again or forget. Reading itself is `open_file.rs`; dropping a file anywhere
//! on the page does the same (`hooks::use_file_drop`).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{use_library, LibraryContext};
use crate::library::{LibraryAction, Status};
use crate::open_file::open_recent;

#[component]
pub fn OpenReport() -> Html {
    let LibraryContext { library, open } = use_library();
    let input = use_node_ref();
    let choose = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                input.click();
            }
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
    let reading = matches!(library.status, Status::Reading(_));
    let recent = library.recent.clone();
    let entries = recent.reports.iter().enumerate().map(|(i, report)| {
        let reopen = {
            let (recent, dispatch) = (recent.clone(), library.dispatcher());
            Callback::from(move |_: MouseEvent| open_recent(&recent, i, dispatch.clone()))
        };
        let forget = {
            let dispatch = library.dispatcher();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(LibraryAction::Forget(i)))
        };
        html! {
            <li class="open-report__entry" data-testid="recent-report">
                <button type="button" class="open-report__reopen" onclick={reopen}>
                    { report.title.clone() }
                </button>
                <span class="open-report__file">
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
                <button type="button" class="control open-report__choose" onclick={choose}
                    disabled={reading} aria-describedby="open-report-hint" data-testid="open-report">
                    { "打开报告" }
                </button>
                <input type="file" ref={input} hidden=true accept=".txt,.json,text/plain,application/json"
                    onchange={chosen} data-testid="open-report-input" />
                <span id="open-report-hint" class="open-report__hint">
                    { "打开另一份报告的 .txt 或 .json 文件，也可把文件拖到本页；只在这台设备上读取。" }
                </span>
            </div>
            if !recent.reports.is_empty() {
                <details class="open-report__recent" data-testid="recent-reports">
                    <summary>{ format!("最近打开的报告（{}）", recent.reports.len()) }</summary>
                    <ul class="open-report__list">{ for entries }</ul>
                </details>
            }
            if let Some(note) = &library.recent_note {
                <p class="open-report__note" data-testid="recent-note">{ note.clone() }</p>
            }
        </div>
    }
}
