//! The report as the page shows it, read from the page's markup by the names of `report_core::markup`:
//! the reader's tools run in their own wasm module, beside the page's app, so what is shown
//! (the built-in report, or one opened from a file) is what the page's elements say.

use gloo::utils::document;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use report_core::markup as dom;

/// Elements matching `selector` under `root`, in document order.
pub fn all(root: &impl AsRef<web_sys::Node>, selector: &str) -> Vec<Element> {
    let node: &web_sys::Node = root.as_ref();
    let list = node
        .dyn_ref::<Element>()
        .map(|e| e.query_selector_all(selector))
        .or_else(|| {
            node.dyn_ref::<web_sys::Document>()
                .map(|d| d.query_selector_all(selector))
        });
    let Some(Ok(list)) = list else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// The shown report's title.
pub fn report_title() -> String {
    document()
        .get_element_by_id(dom::REPORT_TITLE_ID)
        .and_then(|t| t.text_content())
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| document().title())
}

/// The text of an element without the app's own words inside it (`data-chrome`).
pub fn text_of(element: &Element) -> String {
    let Ok(copy) = element.clone_node_with_deep(true) else {
        return String::new();
    };
    if let Some(copy) = copy.dyn_ref::<Element>() {
        for chrome in all(copy, &format!("[{}]", dom::CHROME)) {
            chrome.remove();
        }
    }
    copy.text_content().unwrap_or_default()
}

/// The paragraphs of a section (not of its subsections), in order: the index of one is the
/// `data-note-paragraph` of its 写意见.
pub fn paragraphs(section_id: &str) -> Vec<Element> {
    let Some(body) = document().get_element_by_id(&dom::body_id(section_id)) else {
        return Vec::new();
    };
    let children = body.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|c| c.class_list().contains(dom::PARAGRAPH))
        .collect()
}

/// Every paragraph of the report, in reading order, with its section's id and its index there.
pub fn all_paragraphs() -> Vec<(String, usize, Element)> {
    let mut out = Vec::new();
    for body in all(&document(), &format!("[{}]", dom::SECTION_BODY)) {
        let Some(section) = body.get_attribute(dom::SECTION_BODY) else {
            continue;
        };
        for (i, p) in paragraphs(&section).into_iter().enumerate() {
            out.push((section.clone(), i, p));
        }
    }
    out
}

/// The section a paragraph belongs to.
pub fn section_of(paragraph: &Element) -> String {
    paragraph
        .closest(&format!("[{}]", dom::SECTION_BODY))
        .ok()
        .flatten()
        .and_then(|b| b.get_attribute(dom::SECTION_BODY))
        .unwrap_or_default()
}

/// "一、… › （一）… › 一是…": the headings from the part down to a section, as shown.
pub fn heading_path(section_id: &str) -> String {
    let mut names = Vec::new();
    let mut section = document()
        .get_element_by_id(section_id)
        .and_then(|h| h.closest("section").ok().flatten());
    while let Some(s) = section {
        if let Ok(Some(h)) = s.query_selector(&format!(".{}", dom::SECTION_HEADING)) {
            names.push(h.text_content().unwrap_or_default().trim().to_string());
        }
        section = s
            .parent_element()
            .and_then(|p| p.closest("section.section").ok().flatten());
    }
    names.reverse();
    names.join(" › ")
}

/// What a paragraph's notes are drawn after: its row of actions (写意见 / 复制引用).
pub fn actions_of(paragraph: &Element) -> Element {
    paragraph
        .next_element_sibling()
        .filter(|n| n.class_list().contains(dom::PARAGRAPH_ACTIONS))
        .unwrap_or_else(|| paragraph.clone())
}

/// The headings and sentences of a section and its subsections, in reading order, with their
/// text (a heading's own words, without its tools); the marker where the source stops too, so
/// a listener hears it.
pub fn passages(section_id: &str) -> Vec<(Element, String)> {
    let Some(section) = document()
        .get_element_by_id(section_id)
        .and_then(|h| h.closest("section").ok().flatten())
    else {
        return Vec::new();
    };
    let selector = format!(
        ".{}, .{}, .{}",
        dom::SECTION_HEADING,
        dom::SENTENCE,
        dom::CUT_MARKER
    );
    all(&section, &selector)
        .into_iter()
        .filter_map(|node| {
            let words = if node.class_list().contains(dom::SECTION_HEADING) {
                node.query_selector(&format!(".{}", dom::SECTION_TOGGLE))
                    .ok()
                    .flatten()
                    .unwrap_or_else(|| node.clone())
            } else {
                node.clone()
            };
            let text = words.text_content()?.trim().to_string();
            (!text.is_empty()).then_some((node, text))
        })
        .collect()
}

/// Moves keyboard focus to an element, if it is still in the page.
pub fn focus(element: &Element) {
    if element.is_connected() {
        if let Some(e) = element.dyn_ref::<HtmlElement>() {
            let _ = e.focus();
        }
    }
}

/// The shown report's outline and paragraphs as a [`report_core::Report`], rebuilt from the
/// page's markup: every section with its id, its heading as shown and its own paragraphs (the
/// text of each `.section__text` without the app's words), nested as their ids say. What the
/// notes need to be placed, listed and exported (`report_core::notes::Anchors`); the report's
/// other parts (front matter, figures) are not read.
pub fn shown_report() -> report_core::Report {
    use report_core::{Report, Section, SectionKind, SectionNumber};
    let mut flat: Vec<Section> = Vec::new();
    for body in all(&document(), &format!("[{}]", dom::SECTION_BODY)) {
        let Some(id) = body.get_attribute(dom::SECTION_BODY) else {
            continue;
        };
        let Some(number) = SectionNumber::from_id(&id) else {
            continue;
        };
        let heading = document()
            .get_element_by_id(&id)
            .and_then(|h| h.text_content())
            .unwrap_or_default()
            .trim()
            .to_string();
        let body: Vec<String> = paragraphs(&id)
            .iter()
            .map(|p| text_of(p).replace('\n', " "))
            .collect();
        flat.push(Section {
            kind: SectionKind::Part,
            number,
            marker: String::new(),
            heading,
            body: body.join("\n"),
            children: Vec::new(),
        });
    }
    // Children into their parents, deepest first (document order keeps siblings in order).
    let mut roots: Vec<Section> = Vec::new();
    while let Some(section) = flat.pop() {
        let parent = section.number.0.len().checked_sub(1).and_then(|n| {
            let up = SectionNumber(section.number.0[..n].to_vec());
            flat.iter_mut().rev().find(|s| s.number == up)
        });
        match parent {
            Some(parent) => parent.children.insert(0, section),
            None => roots.insert(0, section),
        }
    }
    let (annexes, sections) = roots.into_iter().partition(|s| s.number.in_annex());
    Report {
        title: report_title(),
        sections,
        annexes,
        ..Report::default()
    }
}

/// Copies text to the clipboard, then reports whether it worked (browsers without the
/// asynchronous clipboard — in-app browsers, plain HTTP — report failure instead of throwing).
pub fn copy_text(text: String, done: impl FnOnce(bool) + 'static) {
    let navigator = gloo::utils::window().navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        return done(false);
    }
    let promise = navigator.clipboard().write_text(&text);
    yew::platform::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}
