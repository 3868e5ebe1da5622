//! The sticky bar: the outline drawer's toggle (phone) and expand / collapse all.

use yew::prelude::*;

use super::use_app_state;
use crate::state::Action;

#[component]
pub fn TopBar() -> Html {
    let state = use_app_state();
    let dispatch = |action: Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(action.clone()))
    };
    html! {
        <div class="top-bar" data-testid="top-bar">
            <button type="button" class="top-bar__button top-bar__outline-toggle"
                aria-expanded={state.outline_open.to_string()} aria-controls="outline"
                data-testid="outline-toggle" onclick={dispatch(Action::ToggleOutline)}>
                { "目录" }
            </button>
            <span class="top-bar__title" aria-hidden="true">{ "2024年嵩市镇政府工作报告" }</span>
            <div class="top-bar__actions" role="group" aria-label="展开或收起各节">
                <button type="button" class="top-bar__button" data-testid="expand-all"
                    onclick={dispatch(Action::ExpandAll)}>{ "全部展开" }</button>
                <button type="button" class="top-bar__button" data-testid="collapse-all"
                    onclick={dispatch(Action::CollapseAll)}>{ "全部收起" }</button>
            </div>
        </div>
    }
}
