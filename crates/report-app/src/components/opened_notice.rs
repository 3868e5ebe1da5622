//! For a report the reader opened: which file it is, that it never left the device, what the
//! import asks them to check, and the way back to the report built into the page.

use yew::prelude::*;

use crate::effects::clear_hash;
use crate::shown_report::{Origin, ShownAction, ShownReport};

/// The notice for the report `shown` shows; nothing for the built-in report.
///
/// A plain function, not a component: it has no state of its own (see `components/mod.rs`).
pub fn opened_notice(shown: &UseReducerHandle<ShownReport>) -> Html {
    let Origin::File { name, opened } = &shown.origin else {
        return html! {};
    };
    let back = {
        let dispatch = shown.dispatcher();
        Callback::from(move |_: MouseEvent| {
            clear_hash();
            dispatch.dispatch(ShownAction::ShowEmbedded)
        })
    };
    let embedded = shown.embedded.ok().map(|c| c.report.title.clone());
    html! {
        <div class="opened-notice" data-testid="opened-notice">
            <p class="opened-notice__text">
                <strong>{ format!("本页显示的是你打开的文件“{name}”") }</strong>
                { format!("（{}打开）。文件只在这台设备上读取，没有上传到任何地方。", opened) }
            </p>
            if !shown.notes.is_empty() {
                <details class="opened-notice__notes link-summary" data-testid="import-notes">
                    <summary>{ format!("读取时发现{}处需要核对", shown.notes.len()) }</summary>
                    <ul>
                        { for shown.notes.iter().map(|note| html! { <li>{ note.clone() }</li> }) }
                    </ul>
                </details>
            }
            if let Some(title) = embedded {
                <button type="button" class="control opened-notice__back" onclick={back}
                    data-testid="show-embedded">
                    { format!("回到本站的《{title}》") }
                </button>
            }
        </div>
    }
}
