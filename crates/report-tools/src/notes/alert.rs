//! The message about damaged notes: when stored notes could not be read on this visit, a
//! labelled region floats at the bottom of the screen (it moves nothing), outside the page's
//! markup, its words read out at once: 查看我的意见, 保存原始数据 (the raw data as a file), 知道了.

use report_core::notes::text;
use yew::prelude::*;

use super::state::NotesAction;
use super::NotesHandle;

pub fn alert(state: &NotesHandle) -> Html {
    let done = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(NotesAction::AlertDone))
    };
    let open = {
        let state = state.clone();
        Callback::from(move |event: MouseEvent| {
            super::opened_by(&event);
            state.dispatch(NotesAction::AlertDone);
            state.dispatch(NotesAction::OpenPanel);
        })
    };
    html! {
        <section id="notes-alert" class="notes-alert floating-box"
            aria-label={text::DAMAGED_ALERT_LABEL} data-testid="notes-alert">
            <p role="alert">{ text::DAMAGED_ALERT }</p>
            <p class="notes-panel__actions">
                <button type="button" class="control" onclick={open}>{ "查看我的意见" }</button>
                { for state.damaged.clone().map(|raw| super::panel::save_damaged(raw, "notes-alert-save")) }
                <button type="button" class="control" onclick={done}>{ "知道了" }</button>
            </p>
        </section>
    }
}
