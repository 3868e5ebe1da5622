//! What is happening with a file being opened: "正在读取……" while it is read, why it could not
//! be opened (an alert, until dismissed with 知道了 or Esc), and for screen readers what was just
//! done. It lives outside the reader, so its live region survives the change of report.

use yew::prelude::*;

use crate::effects::focus_id;
use crate::shown_report::{ShownAction, ShownReport, Status};

/// Closes the message (知道了, or Esc through `use_escape` in `App`) and puts the keyboard back
/// on 打开报告.
pub fn close_status(shown: &UseReducerHandle<ShownReport>) -> Callback<()> {
    let dispatch = shown.dispatcher();
    Callback::from(move |()| {
        dispatch.dispatch(ShownAction::DismissStatus);
        focus_id("open-report");
    })
}

/// The status of `shown`; `close` from [`close_status`].
///
/// A plain function, not a component (see `components/mod.rs`).
pub fn open_status(shown: &UseReducerHandle<ShownReport>, close: Callback<()>) -> Html {
    let dismiss = close.reform(|_: MouseEvent| ());
    let (visible, text) = match &shown.status {
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
            if let Status::Failed { name, message } = &shown.status {
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
