//! A button that copies a text (a link, a quote, a citation) to the clipboard and says so.
//! When the browser refuses (no clipboard in an in-app browser, a page not served over HTTPS,
//! permission denied), the text appears selected in a box to copy by hand: nothing is lost.

use yew::prelude::*;

use crate::hooks::{copy_text, use_select_on_show};

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

#[derive(Clone, PartialEq)]
enum Copied {
    Idle,
    Done,
    /// Refused: the text, shown to be copied by hand.
    Refused(String),
}

#[component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let copied = use_state(|| Copied::Idle);
    let field = use_node_ref();
    use_select_on_show(field.clone(), matches!(*copied, Copied::Refused(_)));
    let onclick = {
        let copied = copied.clone();
        let make = props.text.clone();
        Callback::from(move |_: MouseEvent| {
            let text = make.emit(());
            let copied = copied.clone();
            copy_text(text.clone(), move |ok| {
                copied.set(if ok {
                    Copied::Done
                } else {
                    Copied::Refused(text)
                })
            });
        })
    };
    let close = {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| copied.set(Copied::Idle))
    };
    let words = match *copied {
        Copied::Done => "已复制",
        _ => props.label.as_str(),
    };
    html! {
        <>
            <button type="button" class={classes!("copy-button", props.class.clone())}
                aria-label={props.name.clone()} data-testid={props.testid.clone()} {onclick}>
                { words }
            </button>
            <span class="visually-hidden" role="status">
                { if *copied == Copied::Done { "已复制到剪贴板" } else { "" } }
            </span>
            if let Copied::Refused(text) = &*copied {
                <span class="copy-fallback" role="group" aria-label="手动复制" data-chrome=""
                    data-testid="copy-fallback">
                    <span class="copy-fallback__hint">
                        { "浏览器没有允许自动复制。下面的文字已选中，请长按或按 Ctrl+C 复制：" }
                    </span>
                    <textarea ref={field} class="copy-fallback__text" readonly=true rows="4"
                        aria-label="要复制的文字" value={text.clone()} />
                    <button type="button" class="control copy-fallback__close" onclick={close}>
                        { "关闭" }
                    </button>
                </span>
            }
        </>
    }
}
