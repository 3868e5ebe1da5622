//! 字号 (text size and colours): a `<details>` in the top bar with two radio groups. Plain
//! markup only: `static/prefs.js` applies, remembers and restores the choice (before the first
//! paint, and while the app is still loading), so the wasm carries none of it.

use yew::prelude::*;

/// The text sizes (percent of the reader's default) and their names, smallest first.
pub const TEXT_SIZES: [(&str, &str); 5] = [
    ("100", "标准"),
    ("125", "大"),
    ("150", "更大"),
    ("175", "特大"),
    ("200", "最大"),
];

/// The colour choices: the system's light or dark, or one chosen.
pub const THEMES: [(&str, &str); 4] = [
    ("system", "跟随系统"),
    ("light", "浅色"),
    ("dark", "深色"),
    ("contrast", "高对比度"),
];

/// The control. Radio inputs carry `data-display` (which choice) for prefs.js; none is checked
/// in the markup (the server cannot know the reader's choice): prefs.js checks the one in force.
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
                { group("文字大小", "text-size", "textSize", &TEXT_SIZES, true) }
                { group("颜色", "theme", "theme", &THEMES, false) }
            </div>
        </details>
    }
}
