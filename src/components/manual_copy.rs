//! The page's one box for copying by hand, when the browser refused to copy: the text,
//! selected, with how to copy it. It floats at the bottom of the screen (the page's layout does
//! not move), Esc or 关闭 closes it, and focus goes back to where it was.

use yew::prelude::*;

use super::use_app_state;
use crate::hooks::{use_dialog_focus, use_escape};
use crate::state::Action;

#[component]
pub fn ManualCopy() -> Html {
    let state = use_app_state();
    let field = use_node_ref();
    let text = state.copy_by_hand.clone();
    use_dialog_focus(field.clone(), text.is_some());
    let close = {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(Action::CloseCopyByHand))
    };
    use_escape(close.clone(), text.is_some());
    let Some(text) = text else {
        return html! {};
    };
    html! {
        <div class="manual-copy" role="dialog" aria-labelledby="manual-copy-hint"
            data-testid="copy-fallback">
            <p id="manual-copy-hint" class="manual-copy__hint">
                { "浏览器没有允许自动复制。下面的文字已选中，请长按或按 Ctrl+C 复制：" }
            </p>
            <textarea ref={field} class="manual-copy__text" readonly=true rows="4"
                aria-label="要复制的文字" value={text} />
            <button type="button" class="control manual-copy__close"
                onclick={close.reform(|_: MouseEvent| ())}>{ "关闭" }</button>
        </div>
    }
}
