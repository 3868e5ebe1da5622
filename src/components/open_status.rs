//! What is happening with a file being opened: "正在读取……" while it is read, why it could not
//! be opened (an alert, until dismissed with 知道了 or Esc), and for screen readers what was just
//! done. It lives outside the reader, so its live region survives the change of report.

use yew::prelude::*;

use super::use_library;
use crate::hooks::{focus_id, use_escape};
use crate::library::{LibraryAction, Status};

#[component]
pub fn OpenStatus() -> Html {
    let library = use_library().library;
    // Closing the message (知道了 or Esc) puts the keyboard back on 打开报告.
    let close = {
        let dispatch = library.dispatcher();
        Callback::from(move |()| {
            dispatch.dispatch(LibraryAction::DismissStatus);
            focus_id("open-report");
        })
    };
    let failed = matches!(library.status, Status::Failed { .. });
    use_escape(close.clone(), failed);
    let dismiss = close.reform(|_: MouseEvent| ());
    let (visible, text) = match &library.status {
        Status::Idle => (false, String::new()),
        Status::Reading(name) => (true, format!("正在读取“{name}”……")),
        Status::Said(sentence) => (false, sentence.clone()),
        Status::Failed { .. } => (false, String::new()),
    };
    html! {
        <>
            <p class={if visible { "open-status floating-box" } else { "visually-hidden" }}
                role="status" data-testid="open-status">
                { text }
            </p>
            if let Status::Failed { name, message } = &library.status {
                <div class="open-status open-status--failed floating-box" role="alert" data-testid="open-error">
                    <p class="open-status__text">
                        <strong>{ format!("无法打开“{name}”。") }</strong>
                        { message.clone() }
                    </p>
                    <button type="button" class="control" onclick={dismiss}>{ "知道了" }</button>
                </div>
            }
        </>
    }
}
