//! A button that copies a text (a link, a quote, a citation) to the clipboard and says so.
//! When the browser refuses (no clipboard in an in-app browser, a page not served over HTTPS,
//! permission denied), the text goes to the one manual-copy box of the page
//! ([`super::manual_copy::ManualCopy`]), selected, to copy by hand: nothing is lost.

use yew::prelude::*;

use super::AppContext;
use crate::effects::copy_text;
use crate::state::Action;

/// What a copy button shows and copies.
pub struct CopyText {
    /// Tells this button from every other on the page (the one that copied last says 已复制,
    /// `AppState::copied`).
    pub key: String,
    /// The button's visible words ("复制链接", "复制引用").
    pub label: &'static str,
    /// Its accessible name, starting with the visible words and naming what is copied
    /// ("复制链接：一、工作回顾").
    pub name: String,
    /// Makes the text when the button is pressed (it may need the page's address, which only
    /// the browser knows).
    pub text: Callback<(), String>,
    pub class: &'static str,
    pub testid: Option<String>,
}

/// The button, and its status for screen readers.
///
/// A plain function, not a component (see `components/mod.rs`): a long report has hundreds
/// of these.
pub fn copy_button(state: &AppContext, copy: CopyText) -> Html {
    let done = state.copied.as_deref() == Some(copy.key.as_str());
    let onclick = {
        let state = state.clone();
        let CopyText { key, text, .. } = copy;
        Callback::from(move |_: MouseEvent| {
            let text = text.emit(());
            let state = state.clone();
            let key = key.clone();
            copy_text(text.clone(), move |ok| {
                state.dispatch(if ok {
                    Action::Copied(key)
                } else {
                    Action::CopyByHand(text)
                });
            });
        })
    };
    html! {
        <>
            <button type="button" class={classes!("copy-button", copy.class)}
                aria-label={copy.name} data-testid={copy.testid} {onclick}>
                { if done { "已复制" } else { copy.label } }
            </button>
            <span class="visually-hidden" role="status">
                { if done { "已复制到剪贴板" } else { "" } }
            </span>
        </>
    }
}
