//! What is happening with a file being opened: "正在读取……" while it is read, why it could not
//! be opened (an alert, until dismissed), and for screen readers which report was opened. It
//! lives outside the reader, so its live region survives the change of report.

use yew::prelude::*;

use super::use_library;
use crate::library::{LibraryAction, Status};

#[component]
pub fn OpenStatus() -> Html {
    let library = use_library().library;
    let dismiss = {
        let dispatch = library.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(LibraryAction::DismissStatus))
    };
    let (visible, text) = match &library.status {
        Status::Idle => (false, String::new()),
        Status::Reading(name) => (true, format!("正在读取“{name}”……")),
        Status::Opened(sentence) => (false, sentence.clone()),
        Status::Failed { .. } => (false, String::new()),
    };
    html! {
        <>
            <p class={classes!("open-status", (!visible).then_some("visually-hidden"))}
                role="status" data-testid="open-status">
                { text }
            </p>
            if let Status::Failed { name, message } = &library.status {
                <div class="open-status open-status--failed" role="alert" data-testid="open-error">
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
