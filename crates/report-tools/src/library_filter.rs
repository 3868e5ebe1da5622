//! The library page's filters and sort (in the `report-library` module, with the search): by
//! year, level and place, and the order — by place (as built), newest first, or longest first.
//! The choice is kept in the address (`?year=2031&level=省&place=青岚省&sort=year`), so that a
//! filtered list can be shared and survives a reload; `static/boot.js` loads the module at once
//! when the address holds one. The list is the page's own markup (report-site's
//! `library/page.rs`): reports are hidden or moved, never drawn anew, so what a reader without
//! JavaScript reads is what a filter shows.

use gloo::events::EventListener;
use gloo::utils::{document, window};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlSelectElement};

/// The form's id, and the names of its fields (each a `<select>` whose `name` is its key in
/// the address).
pub const FORM_ID: &str = "library-filter";
const FIELDS: [&str; 4] = ["year", "level", "place", "sort"];

thread_local! {
    static STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Starts the filters once: reads the address into the form, applies it, and follows every
/// change.
pub fn start() {
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    let Some(form) = document().get_element_by_id(FORM_ID) else {
        return;
    };
    let params =
        web_sys::UrlSearchParams::new_with_str(&window().location().search().unwrap_or_default())
            .ok();
    for name in FIELDS {
        if let (Some(select), Some(value)) = (
            select(&form, name),
            params.as_ref().and_then(|p| p.get(name)),
        ) {
            select.set_value(&value);
            if select.value() != value {
                select.set_value(""); // a value the list does not offer: all
            }
        }
    }
    apply(&form);
    let target = form.clone();
    EventListener::new(&target, "change", move |_| {
        apply(&form);
        keep_in_address(&form);
    })
    .forget();
}

fn select(form: &Element, name: &str) -> Option<HtmlSelectElement> {
    form.query_selector(&format!("select[name=\"{name}\"]"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
}

fn value(form: &Element, name: &str) -> String {
    select(form, name).map(|s| s.value()).unwrap_or_default()
}

/// The form's choice into the address, replacing the entry (no history step per change).
fn keep_in_address(form: &Element) {
    let Ok(params) =
        web_sys::UrlSearchParams::new_with_str(&window().location().search().unwrap_or_default())
    else {
        return;
    };
    for name in FIELDS {
        let v = value(form, name);
        if v.is_empty() {
            params.delete(name);
        } else {
            params.set(name, &v);
        }
    }
    let query: String = params.to_string().into();
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

fn all(css: &str) -> Vec<HtmlElement> {
    let Ok(list) = document().query_selector_all(css) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// Shows the reports the form allows, in the order it asks for, and says how many.
fn apply(form: &Element) {
    let (year, level, place, sort) = (
        value(form, "year"),
        value(form, "level"),
        value(form, "place"),
        value(form, "sort"),
    );
    let reports = all(".library-report");
    let matches = |r: &HtmlElement, key: &str, wanted: &str| {
        wanted.is_empty() || r.get_attribute(&format!("data-{key}")).as_deref() == Some(wanted)
    };
    let mut shown = 0;
    for r in &reports {
        let show =
            matches(r, "year", &year) && matches(r, "level", &level) && matches(r, "place", &place);
        r.set_hidden(!show);
        shown += usize::from(show);
    }
    // The order: by place (each report back in its place's list), or one list of all.
    let flat = document()
        .get_element_by_id("library-flat")
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(flat) = &flat {
        let mut ordered: Vec<&HtmlElement> = reports.iter().collect();
        let number = |r: &HtmlElement, key: &str| {
            r.get_attribute(key)
                .and_then(|v| v.parse::<i64>().ok())
                .unwrap_or(0)
        };
        match sort.as_str() {
            "year" => ordered.sort_by_key(|r| (-number(r, "data-year"), number(r, "data-order"))),
            "length" => {
                ordered.sort_by_key(|r| (-number(r, "data-characters"), number(r, "data-order")))
            }
            _ => ordered.sort_by_key(|r| number(r, "data-order")),
        }
        for r in ordered {
            let home = if sort.is_empty() || sort == "place" {
                r.get_attribute("data-group")
                    .and_then(|g| document().get_element_by_id(&g))
            } else {
                Some(Element::from(flat.clone()))
            };
            if let Some(home) = home {
                let _ = home.append_child(r);
            }
        }
        flat.set_hidden(sort.is_empty() || sort == "place");
    }
    for section in all(".library__place") {
        let any = section
            .query_selector(".library-report:not([hidden])")
            .ok()
            .flatten()
            .is_some();
        section.set_hidden(!any || !(sort.is_empty() || sort == "place"));
    }
    if let Some(count) = document().get_element_by_id("library-filter-count") {
        let filtered = !(year.is_empty() && level.is_empty() && place.is_empty());
        count.set_text_content(Some(&if !filtered {
            String::new()
        } else if shown == 0 {
            "没有符合条件的报告。".to_string()
        } else {
            format!("显示{shown}份报告（共{}份）", reports.len())
        }));
    }
}
