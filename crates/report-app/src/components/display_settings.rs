//! 字号 (text size and colours): a `<details>` in the top bar with two radio groups. Plain
//! markup only: the choice in force is applied before the first paint by the inline script
//! the build generates (`report_core::display::pre_paint_script`), and the control is run by
//! the reader's tools (`report-tools`' care module, loaded when the summary is first
//! pressed), so the page's wasm carries none of it.

use report_core::display::{TEXT_SIZES, TEXT_SIZE_FIELD, THEMES, THEME_FIELD};
use yew::prelude::*;

/// The control. Radio inputs carry `data-display` (`report_core::markup::DISPLAY_INPUT`: which
/// choice); none is checked in the markup (the server cannot know the reader's choice): the
/// care module checks the one in force.
pub fn display_settings() -> Html {
    let group = |legend: &'static str,
                 name: &'static str,
                 key: &'static str,
                 options: &[(&'static str, &'static str)],
                 hint: bool| {
        html! {
            <fieldset class="display-settings__group">
                <legend class="display-settings__legend">{ legend }</legend>
                { for options.iter().map(|&(value, label)| html! {
                    <label class="display-settings__option">
                        <input type="radio" name={name} value={value} data-display={key}
                            data-testid={format!("display-{name}-{value}")} />
                        <span>{ label }</span>
                        if hint { <span class="display-settings__hint">{ format!("{value}%") }</span> }
                    </label>
                }) }
            </fieldset>
        }
    };
    html! {
        <details class="display-settings" data-testid="display-settings">
            <summary class="control display-settings__toggle" data-testid="display-settings-toggle">
                { "字号" }<span class="visually-hidden">{ "和颜色" }</span>
            </summary>
            <div class="display-settings__panel">
                { group("文字大小", "text-size", TEXT_SIZE_FIELD, &TEXT_SIZES, true) }
                { group("颜色", "theme", THEME_FIELD, &THEMES, false) }
                // Closes the panel: at 200 % on a phone it fills the screen.
                <button type="button" class="control display-settings__done" data-display-done="">
                    { "完成" }
                </button>
            </div>
        </details>
    }
}
