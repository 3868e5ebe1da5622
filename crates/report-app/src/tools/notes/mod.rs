//! 审议意见: placeholder while the notes' model is written.

use yew::prelude::*;

#[function_component]
pub fn Notes() -> Html {
    html! {}
}
