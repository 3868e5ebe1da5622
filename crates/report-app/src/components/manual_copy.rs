//! The page's one box for copying by hand, when the browser refused to copy: the text,
//! selected, with how to copy it. It floats at the bottom of the screen (the page's layout does
//! not move), Esc or 关闭 closes it, and focus goes back to where it was.

use yew::prelude::*;

use super::AppContext;
use crate::effects::{use_dialog_focus, use_escape};
use crate::state::Action;

/// The box's behaviour, for the component that shows it: focus goes into the box when it
/// opens and back when it closes; Esc closes it. Gives the text field's ref for
/// [`manual_copy`].
#[hook]
pub fn use_manual_copy(state: &AppContext) -> NodeRef {
    let field = use_node_ref();
    let open = state.copy_by_hand.is_some();
    use_dialog_focus(field.clone(), open);
    use_escape(close(state), open);
    field
}

fn close(state: &AppContext) -> Callback<()> {
    let state = state.clone();
    Callback::from(move |_: ()| state.dispatch(Action::CloseCopyByHand))
}

/// The box, while the browser has refused to copy a text; `field` from [`use_manual_copy`].
///
/// A plain function, not a component (see `components/mod.rs`).
pub fn manual_copy(state: &AppContext, field: NodeRef) -> Html {
    let close = close(state);
    let Some(text) = state.copy_by_hand.clone() else {
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
