//! The reader's display choices (字号): text size (100 % to 200 %) and colours (the system's
//! light or dark, or a chosen light, dark or high contrast). The single definition of their
//! values, names, storage and `<html>` attributes, and the tiny script that applies a stored
//! choice in `<head>` before the first paint ([`pre_paint_script`]), generated from them.
//!
//! Stored in local storage under [`KEY`] as `{"version":1,"textSize":150,"theme":"dark"}`,
//! shared by every report on the site (a reader's eyes do not change per report). Anything
//! else there (another version, damaged JSON, unknown values) is ignored and the defaults apply:
//! 100 % and the system's colours, each choice on its own (a valid theme stays when the size is
//! unknown). `<html data-text-size="150" data-theme="dark">` carries the choice; the defaults
//! carry no attribute. The stylesheets do the rest.

use crate::notes::js::{js_string, Loose};

/// The local storage key (one for the whole site).
pub const KEY: &str = "songshi-report.display";

/// The version of the stored value.
pub const VERSION: u32 = 1;

/// The text sizes (percent of the reader's default) and their names, smallest first; the
/// first is the default.
pub const TEXT_SIZES: [(&str, &str); 5] = [
    ("100", "标准"),
    ("125", "大"),
    ("150", "更大"),
    ("175", "特大"),
    ("200", "最大"),
];

/// The colour choices: the system's light or dark, or one chosen; the first is the default.
pub const THEMES: [(&str, &str); 4] = [
    ("system", "跟随系统"),
    ("light", "浅色"),
    ("dark", "深色"),
    ("contrast", "高对比度"),
];

/// The attribute of `<html>` that carries a text size other than the default.
pub const TEXT_SIZE_ATTRIBUTE: &str = "data-text-size";

/// The attribute of `<html>` that carries a theme other than the system's.
pub const THEME_ATTRIBUTE: &str = "data-theme";

/// The stored member (and the controls' `data-display` value) of the text size.
pub const TEXT_SIZE_FIELD: &str = "textSize";

/// The stored member (and the controls' `data-display` value) of the theme.
pub const THEME_FIELD: &str = "theme";

/// A reader's choice: one of [`TEXT_SIZES`] and one of [`THEMES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Display {
    text_size: &'static str,
    theme: &'static str,
}

impl Default for Display {
    /// 100 % and the system's colours.
    fn default() -> Display {
        Display {
            text_size: TEXT_SIZES[0].0,
            theme: THEMES[0].0,
        }
    }
}

/// The value of `table` equal to `value`, if any.
fn find(table: &[(&'static str, &'static str)], value: &str) -> Option<&'static str> {
    table.iter().map(|&(v, _)| v).find(|&v| v == value)
}

impl Display {
    /// The choice stored under [`KEY`] (`None` or `""`: nothing stored). Read as prefs.js read
    /// it: JSON of an object whose `version` is the number 1; `textSize` counts when
    /// JavaScript's `String()` of it is a size (the number 150, the string "150", even
    /// `[150]`), `theme` when it is one of the theme strings; anything else is the default.
    pub fn read(stored: Option<&str>) -> Display {
        let mut display = Display::default();
        let Some(v) = stored.filter(|s| !s.is_empty()).and_then(Loose::parse) else {
            return display;
        };
        if v.get("version") != Some(&Loose::Num(f64::from(VERSION))) {
            return display;
        }
        if let Some(size) = find(&TEXT_SIZES, &js_string(v.get(TEXT_SIZE_FIELD))) {
            display.text_size = size;
        }
        if let Some(theme) = v
            .get(THEME_FIELD)
            .and_then(Loose::as_str)
            .and_then(|t| find(&THEMES, t))
        {
            display.theme = theme;
        }
        display
    }

    /// The text size ("150").
    pub fn text_size(self) -> &'static str {
        self.text_size
    }

    /// The theme ("dark").
    pub fn theme(self) -> &'static str {
        self.theme
    }

    /// The choice with the control `field` ([`TEXT_SIZE_FIELD`] or [`THEME_FIELD`]) set to
    /// `value`; `None` for an unknown field or value.
    pub fn with(self, field: &str, value: &str) -> Option<Display> {
        match field {
            TEXT_SIZE_FIELD => Some(Display {
                text_size: find(&TEXT_SIZES, value)?,
                ..self
            }),
            THEME_FIELD => Some(Display {
                theme: find(&THEMES, value)?,
                ..self
            }),
            _ => None,
        }
    }

    /// The value of the control `field` in this choice (to check the right radio button).
    pub fn get(self, field: &str) -> Option<&'static str> {
        match field {
            TEXT_SIZE_FIELD => Some(self.text_size),
            THEME_FIELD => Some(self.theme),
            _ => None,
        }
    }

    /// The stored form: `{"version":1,"textSize":150,"theme":"dark"}` (the size a number).
    pub fn to_stored(self) -> String {
        format!(
            r#"{{"version":{VERSION},"{TEXT_SIZE_FIELD}":{},"{THEME_FIELD}":"{}"}}"#,
            self.text_size, self.theme
        )
    }

    /// The attributes of `<html>`: each name with its value, `None` where the attribute is to
    /// be absent (the defaults).
    pub fn attributes(self) -> [(&'static str, Option<&'static str>); 2] {
        let unless = |value: &'static str, default: &str| (value != default).then_some(value);
        [
            (TEXT_SIZE_ATTRIBUTE, unless(self.text_size, TEXT_SIZES[0].0)),
            (THEME_ATTRIBUTE, unless(self.theme, THEMES[0].0)),
        ]
    }
}

/// The script that runs inline in `<head>` before the first paint: it reads the stored choice
/// and sets the two attributes of `<html>`, deciding exactly as [`Display::read`] does (the
/// defaults set nothing: the page is built without the attributes). ES5, one line, no
/// comment, no `</script`; storage refused or anything invalid leaves the defaults.
pub fn pre_paint_script() -> String {
    // The values other than the defaults, as JavaScript array literals.
    let list = |table: &[(&str, &str)]| {
        let values: Vec<String> = table[1..].iter().map(|(v, _)| format!("\"{v}\"")).collect();
        format!("[{}]", values.join(","))
    };
    format!(
        "(function(){{try{{var r=document.documentElement,\
v=JSON.parse(localStorage.getItem(\"{KEY}\"));\
if(!v||v.version!=={VERSION})return;\
var s=String(v.{TEXT_SIZE_FIELD}),t=v.{THEME_FIELD};\
if({sizes}.indexOf(s)>=0)r.setAttribute(\"{TEXT_SIZE_ATTRIBUTE}\",s);\
if({themes}.indexOf(t)>=0)r.setAttribute(\"{THEME_ATTRIBUTE}\",t)\
}}catch(e){{}}}})()",
        sizes = list(&TEXT_SIZES),
        themes = list(&THEMES),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_choice_reads_back() {
        let chosen = Display::default()
            .with(TEXT_SIZE_FIELD, "150")
            .and_then(|d| d.with(THEME_FIELD, "dark"));
        let Some(chosen) = chosen else {
            panic!("150 and dark are choices");
        };
        assert_eq!(
            chosen.to_stored(),
            r#"{"version":1,"textSize":150,"theme":"dark"}"#
        );
        assert_eq!(Display::read(Some(&chosen.to_stored())), chosen);
        assert_eq!(
            chosen.attributes(),
            [
                (TEXT_SIZE_ATTRIBUTE, Some("150")),
                (THEME_ATTRIBUTE, Some("dark"))
            ]
        );
        assert_eq!(
            Display::default().attributes(),
            [(TEXT_SIZE_ATTRIBUTE, None), (THEME_ATTRIBUTE, None)]
        );
        assert_eq!(Display::default().with(TEXT_SIZE_FIELD, "120"), None);
        assert_eq!(Display::default().with("size", "150"), None);
    }
}
