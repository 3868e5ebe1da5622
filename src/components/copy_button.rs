//! A button that copies a text (a link, a quote, a citation) to the clipboard and says so.
//! When the browser refuses (no clipboard in an in-app browser, a page not served over HTTPS,
//! permission denied), the text goes to the one manual-copy box of the page
//! ([`super::manual_copy::ManualCopy`]), selected, to copy by hand: nothing is lost.

use yew::prelude::*;

use super::use_app_state;
use crate::hooks::copy_text;
use crate::state::Action;

#[derive(PartialEq, Properties)]
pub struct CopyButtonProps {
    /// The button's visible words ("复制链接", "复制引用").
    pub label: AttrValue,
    /// Its accessible name, naming what is copied ("复制链接：一、工作回顾").
    pub name: AttrValue,
    /// Makes the text when the button is pressed (it may need the page's address, which only
    /// the browser knows).
    pub text: Callback<(), String>,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
}

#[component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let state = use_app_state();
    let done = use_state(|| false);
    let onclick = {
        let done = done.clone();
        let make = props.text.clone();
        Callback::from(move |_: MouseEvent| {
            let text = make.emit(());
            let done = done.clone();
            let state = state.clone();
            copy_text(text.clone(), move |ok| {
                if ok {
                    done.set(true);
                } else {
                    state.dispatch(Action::CopyByHand(text));
                }
            });
        })
    };
    html! {
        <>
            <button type="button" class={classes!("copy-button", props.class.clone())}
                aria-label={props.name.clone()} data-testid={props.testid.clone()} {onclick}>
                { if *done { "已复制" } else { props.label.as_str() } }
            </button>
            <span class="visually-hidden" role="status">
                { if *done { "已复制到剪贴板" } else { "" } }
            </span>
        </>
    }
}
