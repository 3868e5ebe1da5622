//! Component tests in headless Chromium (wasm-bindgen-test): collapse and expand, outline
//! navigation and deep links, figures and cards, search (also everyday words and
//! suggestions), copying with its manual fallback, and links to missing parts, on small
//! made-up reports rendered into a fresh element.
//! Each test renders, acts, then yields to Yew's scheduler before asserting — never a sleep.

#![cfg(target_arch = "wasm32")]

use gloo::utils::{document, window};
use report_app::components::app::{App, AppProps};
use report_core::cards::{build_cards, FigureIndex};
use report_core::search::terms::Terms;
use report_core::search::Corpus;
use report_core::{parse::parse_body, Content, Meta};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const MADE_UP: &str = "示例报告 各位代表: 开场白。 一、工作回顾 引言一句。 今年来,我们抓经济。一是抓项目。项目多。二是抓招商。招商好。 今年来,我们抓民生。一是抓社保。社保全,今年共";

fn content() -> &'static Content {
    let report = parse_body(MADE_UP).expect("the made-up report parses");
    Box::leak(Box::new(Content::without_cards(report)))
}

const WITH_FIGURES: &str = "示例报告 各位代表: 开场。 一、工作回顾 引言。 今年来,我们抓经济。一是抓项目。完成投资1687万元,同比增长14.5%。二是抓招商。引进企业3家。 今年来,我们抓民生。一是抓社保。参保4101人。";

const CURATION: &str = "theme\tsec-1-1\t经济\ntheme\tsec-1-2\t民生
card\tinvest\t投资\t16870000\theadline\t完成投资1687万元
card\tfirms\t企业\t3\t-\t引进企业3家
card\tinsured\t参保\t4101\t-\t参保4101人
";

/// A made-up report with figures and curated cards.
fn content_with_cards() -> &'static Content {
    let report = parse_body(WITH_FIGURES).expect("the made-up report parses");
    let figures = FigureIndex::new(&report);
    let cards = build_cards(&report, &figures, CURATION).map_err(|e| e.to_string());
    assert!(cards.is_ok(), "{cards:?}");
    Box::leak(Box::new(Content {
        targets: report_core::targets::Targets::find(&report, &figures).rows(),
        corpus: Corpus::new(&report, Terms::default()),
        meta: Meta::default(),
        report,
        figures,
        cards,
    }))
}

/// A mounted app. Every test ends with [`Mounted::unmount`], which destroys the app (and its
/// window listeners) and removes its root, so that tests do not see each other's apps.
struct Mounted {
    root: Element,
    handle: yew::AppHandle<App>,
}

impl std::ops::Deref for Mounted {
    type Target = Element;
    fn deref(&self) -> &Element {
        &self.root
    }
}

impl Mounted {
    async fn unmount(self) {
        self.handle.destroy();
        yew::scheduler::flush().await;
        self.root.remove();
    }
}

/// Renders the app for the made-up report without figures.
async fn render() -> Mounted {
    render_content(content()).await
}

/// Renders the app into a new element and waits for the first render.
async fn render_content(content: &'static Content) -> Mounted {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    // What the browser remembers, read as `main.rs` reads it.
    let (recent, restored) = report_app::open_file::remembered();
    let handle = yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            content: Ok(content),
            recent,
            restored,
        },
    )
    .render();
    yew::scheduler::flush().await;
    Mounted { root, handle }
}

fn find(root: &Element, css: &str) -> HtmlElement {
    root.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no {css}"))
        .dyn_into()
        .unwrap()
}

fn attr(root: &Element, css: &str, name: &str) -> Option<String> {
    find(root, css).get_attribute(name)
}

fn set_hash_and_notify(hash: &str) {
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash))
        .unwrap();
    let event = web_sys::Event::new("hashchange").unwrap();
    window().dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn renders_headings_with_stable_ids_and_toggles() {
    set_hash_and_notify("#");
    let root = render().await;
    assert_eq!(
        root.query_selector_all(".section--part > .section__head > h2")
            .unwrap()
            .length(),
        1
    );
    assert_eq!(
        root.query_selector_all(".section--theme > .section__head > h3")
            .unwrap()
            .length(),
        2
    );
    assert_eq!(
        root.query_selector_all(".section--point > .section__head > h4")
            .unwrap()
            .length(),
        3
    );
    assert!(root.query_selector("#sec-1-2-1").unwrap().is_some());
    assert_eq!(
        attr(&root, "[data-testid=toggle-sec-1-1]", "aria-expanded").as_deref(),
        Some("true")
    );
    assert!(root
        .query_selector("[data-testid=truncation-notice]")
        .unwrap()
        .is_some());
    root.unmount().await;
}

#[wasm_bindgen_test]
async fn a_toggle_collapses_and_expands_its_section_keeping_the_text() {
    set_hash_and_notify("#");
    let root = render().await;
    find(&root, "[data-testid=toggle-sec-1-1-2]").click();
    yew::scheduler::flush().await;
    assert_eq!(
        attr(&root, "[data-testid=toggle-sec-1-1-2]", "aria-expanded").as_deref(),
        Some("false")
    );
    let body = find(&root, "#sec-1-1-2-body");
    assert_eq!(body.get_attribute("hidden").as_deref(), Some("until-found"));
    assert!(body.text_content().unwrap_or_default().contains("招商好"));

    find(&root, "[data-testid=toggle-sec-1-1-2]").click();
    yew::scheduler::flush().await;
    assert_eq!(find(&root, "#sec-1-1-2-body").get_attribute("hidden"), None);
    root.unmount().await;
}

#[wasm_bindgen_test]
async fn collapse_all_and_expand_all_act_on_every_theme_and_point() {
    set_hash_and_notify("#");
    let root = render().await;
    find(&root, "[data-testid=collapse-all]").click();
    yew::scheduler::flush().await;
    assert_eq!(
        root.query_selector_all("[data-section-body][hidden]")
            .unwrap()
            .length(),
        5
    );
    find(&root, "[data-testid=expand-all]").click();
    yew::scheduler::flush().await;
    assert_eq!(
        root.query_selector_all("[data-section-body][hidden]")
            .unwrap()
            .length(),
        0
    );
    root.unmount().await;
}

#[wasm_bindgen_test]
async fn an_outline_click_expands_the_target_marks_it_current_and_sets_the_hash() {
    set_hash_and_notify("#");
    let root = render().await;
    find(&root, "[data-testid=collapse-all]").click();
    yew::scheduler::flush().await;
    find(&root, "[data-testid=outline-sec-1-2-1]").click();
    yew::scheduler::flush().await;
    assert_eq!(
        attr(&root, "[data-testid=outline-sec-1-2-1]", "aria-current").as_deref(),
        Some("location")
    );
    assert_eq!(
        attr(&root, "[data-testid=toggle-sec-1-2]", "aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(window().location().hash().unwrap(), "#sec-1-2-1");
    let focused = document().active_element().map(|e| e.id());
    assert_eq!(
        focused.as_deref(),
        Some("sec-1-2-1"),
        "focus moves to the heading"
    );
    root.unmount().await;
}

#[wasm_bindgen_test]
async fn a_deep_link_present_on_load_opens_its_section() {
    set_hash_and_notify("#sec-1-1-2");
    let root = render().await;
    assert_eq!(
        attr(&root, "[data-testid=outline-sec-1-1-2]", "aria-current").as_deref(),
        Some("location")
    );
    root.unmount().await;
}

#[wasm_bindgen_test]
async fn a_hash_change_expands_a_collapsed_section() {
    set_hash_and_notify("#");
    let root = render().await;
    find(&root, "[data-testid=collapse-all]").click();
    yew::scheduler::flush().await;
    set_hash_and_notify("#sec-1-2-1");
    yew::scheduler::flush().await;
    assert_eq!(find(&root, "#sec-1-2-1-body").get_attribute("hidden"), None);
    assert_eq!(
        attr(&root, "[data-testid=toggle-sec-1-1]", "aria-expanded").as_deref(),
        Some("false")
    );
    root.unmount().await;
}

#[wasm_bindgen_test]
async fn find_in_page_inside_a_collapsed_point_opens_the_point_and_its_theme() {
    set_hash_and_notify("#");
    let root = render().await;
    find(&root, "[data-testid=collapse-all]").click();
    yew::scheduler::flush().await;
    // The browser fires `beforematch` at the hidden element holding the match; it bubbles.
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("beforematch", &init).unwrap();
    find(&root, "#sec-1-1-2-body")
        .dispatch_event(&event)
        .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(find(&root, "#sec-1-1-2-body").get_attribute("hidden"), None);
    assert_eq!(find(&root, "#sec-1-1-body").get_attribute("hidden"), None);
    assert_eq!(
        find(&root, "#sec-1-1-1-body")
            .get_attribute("hidden")
            .as_deref(),
        Some("until-found"),
        "other points stay collapsed"
    );
    root.unmount().await;
}

#[wasm_bindgen_test]
async fn the_outline_drawer_toggle_reports_its_state() {
    set_hash_and_notify("#");
    let root = render().await;
    let toggle = "[data-testid=outline-toggle]";
    assert_eq!(
        attr(&root, toggle, "aria-expanded").as_deref(),
        Some("false")
    );
    find(&root, toggle).click();
    yew::scheduler::flush().await;
    assert_eq!(
        attr(&root, toggle, "aria-expanded").as_deref(),
        Some("true")
    );
    assert!(find(&root, "[data-testid=outline]")
        .class_list()
        .contains("outline--open"));
    assert!(
        attr(&root, "main", "inert").is_some(),
        "the page behind is inert"
    );
    root.unmount().await;
}

#[wasm_bindgen_test]
async fn figures_in_the_text_are_data_elements_linked_to_their_cards() {
    set_hash_and_notify("#");
    let root = render_content(content_with_cards()).await;
    let data = root
        .query_selector_all("[data-testid=report] data.figure")
        .unwrap();
    assert_eq!(data.length(), 4, "1687万元, 14.5%, 3家, 4101人");
    let first = find(&root, "#sec-1-1-1-fig-1 data");
    assert_eq!(first.get_attribute("value").as_deref(), Some("16870000"));
    assert_eq!(
        attr(&root, "#sec-1-1-1-fig-1", "href").as_deref(),
        Some("#card-invest")
    );
    assert_eq!(
        attr(&root, "#sec-1-1-1-fig-2", "href").as_deref(),
        Some("#card-invest"),
        "the change links to the card it qualifies"
    );
    root.unmount().await;
}

#[wasm_bindgen_test]
async fn a_card_link_expands_the_collapsed_section_and_highlights_the_sentence() {
    set_hash_and_notify("#");
    let root = render_content(content_with_cards()).await;
    find(&root, "[data-testid=collapse-all]").click();
    yew::scheduler::flush().await;
    let href = attr(
        &root,
        "[data-testid=headline-invest] .metric-card__source",
        "href",
    )
    .unwrap();
    set_hash_and_notify(&href);
    yew::scheduler::flush().await;
    assert_eq!(find(&root, "#sec-1-1-1-body").get_attribute("hidden"), None);
    assert_eq!(find(&root, "#sec-1-1-body").get_attribute("hidden"), None);
    let highlighted = find(&root, ".sentence--highlight")
        .text_content()
        .unwrap_or_default();
    assert_eq!(highlighted, "完成投资1687万元，同比增长14.5%。");
    root.unmount().await;
}

#[wasm_bindgen_test]
async fn a_figure_link_opens_all_cards_and_marks_its_card() {
    set_hash_and_notify("#");
    let root = render_content(content_with_cards()).await;
    assert_eq!(
        attr(&root, "[data-testid=figures-toggle]", "aria-expanded").as_deref(),
        Some("false")
    );
    set_hash_and_notify("#card-insured");
    yew::scheduler::flush().await;
    assert_eq!(
        attr(&root, "[data-testid=figures-toggle]", "aria-expanded").as_deref(),
        Some("true")
    );
    assert!(find(&root, "#card-insured")
        .class_list()
        .contains("metric-card--focused"));
    root.unmount().await;
}

#[wasm_bindgen_test]
async fn the_theme_filter_shows_only_that_theme() {
    set_hash_and_notify("#");
    let root = render_content(content_with_cards()).await;
    find(&root, "[data-testid=figures-toggle]").click();
    yew::scheduler::flush().await;
    assert_eq!(
        root.query_selector_all("#figures-all .metric-card")
            .unwrap()
            .length(),
        3
    );
    find(&root, "[data-testid=filter-sec-1-2]").click();
    yew::scheduler::flush().await;
    assert_eq!(
        root.query_selector_all("#figures-all .metric-card")
            .unwrap()
            .length(),
        1
    );
    assert_eq!(
        attr(&root, "[data-testid=filter-sec-1-2]", "aria-pressed").as_deref(),
        Some("true")
    );
    // A link to a card of another theme drops the filter.
    set_hash_and_notify("#card-invest");
    yew::scheduler::flush().await;
    assert_eq!(
        root.query_selector_all("#figures-all .metric-card")
            .unwrap()
            .length(),
        3
    );
    root.unmount().await;
}

#[wasm_bindgen_test]
async fn without_curated_data_the_report_still_shows_with_a_notice() {
    set_hash_and_notify("#");
    let root = render().await;
    let notice = find(&root, ".figures__error")
        .text_content()
        .unwrap_or_default();
    assert!(notice.contains("数据卡片无法显示"), "{notice}");
    assert!(root.query_selector("#sec-1-1").unwrap().is_some());
    root.unmount().await;
}

/// Types into the search box as a reader would: the value changes, then `input` fires.
fn type_query(root: &Element, text: &str) {
    let input: web_sys::HtmlInputElement = root
        .query_selector("[data-testid=search-input]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value(text);
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
}

fn press(root: &Element, key: &str, shift: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    find(root, "[data-testid=search-input]")
        .dispatch_event(&event)
        .unwrap();
}

#[wasm_bindgen_test]
async fn typing_a_query_marks_every_hit_and_counts_them() {
    set_hash_and_notify("#");
    let root = render().await;
    find(&root, "[data-testid=collapse-all]").click();
    yew::scheduler::flush().await;
    type_query(&root, "抓");
    yew::scheduler::flush().await;
    assert_eq!(
        root.query_selector_all("mark[id^=hit-]").unwrap().length(),
        5
    );
    let status = find(&root, "[data-testid=search-status]")
        .text_content()
        .unwrap_or_default();
    assert_eq!(status, "共5处 · 第1处");
    assert_eq!(
        root.query_selector_all("[data-section-body][hidden]")
            .unwrap()
            .length(),
        0,
        "every collapsed section holding a hit opened"
    );
    root.unmount().await;
}

#[wasm_bindgen_test]
async fn enter_shift_enter_and_escape_drive_the_search() {
    set_hash_and_notify("#");
    let root = render().await;
    type_query(&root, "抓");
    yew::scheduler::flush().await;
    press(&root, "Enter", false);
    yew::scheduler::flush().await;
    assert!(find(&root, "#hit-1")
        .class_list()
        .contains("search-hit--current"));
    press(&root, "Enter", true);
    press(&root, "Enter", true);
    yew::scheduler::flush().await;
    assert!(find(&root, "#hit-4")
        .class_list()
        .contains("search-hit--current"));
    press(&root, "Escape", false);
    yew::scheduler::flush().await;
    assert_eq!(root.query_selector_all("mark").unwrap().length(), 0);
    assert_eq!(
        find(&root, "[data-testid=search-status]")
            .text_content()
            .unwrap_or_default(),
        ""
    );
    root.unmount().await;
}

#[wasm_bindgen_test]
async fn a_query_in_the_hash_is_searched_on_load() {
    set_hash_and_notify("#?q=%E6%8A%93%E7%A4%BE%E4%BF%9D");
    let root = render().await;
    assert_eq!(
        find(&root, "[data-testid=search-status]")
            .text_content()
            .unwrap_or_default(),
        "共1处 · 第1处"
    );
    let input: web_sys::HtmlInputElement = find(&root, "[data-testid=search-input]")
        .dyn_into()
        .unwrap();
    assert_eq!(input.value(), "抓社保");
    root.unmount().await;
    set_hash_and_notify("#");
}

/// The made-up report with a table of everyday words: 社会保险 is also searched as 社保.
fn content_with_terms() -> &'static Content {
    let report = parse_body(MADE_UP).expect("the made-up report parses");
    let mut content = Content::without_cards(report);
    content.corpus = Corpus::new(&content.report, Terms::parse("社保\t社会保险\n").unwrap());
    Box::leak(Box::new(content))
}

fn text_of(root: &Element, css: &str) -> String {
    find(root, css).text_content().unwrap_or_default()
}

/// Yields to the browser until `css` matches inside `root` (promises settle between yields),
/// a bounded number of times: never a timed sleep.
async fn until_present(root: &Element, css: &str) {
    for _ in 0..100 {
        if root.query_selector(css).unwrap().is_some() {
            return;
        }
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
    }
    panic!("{css} never appeared");
}

#[wasm_bindgen_test]
async fn an_official_term_also_finds_the_everyday_word_and_the_box_says_so() {
    set_hash_and_notify("#");
    let root = render_content(content_with_terms()).await;
    type_query(&root, "社会保险");
    yew::scheduler::flush().await;
    assert_eq!(
        text_of(&root, "[data-testid=search-status]"),
        "共2处 · 第1处，包括“社保”的结果"
    );
    assert_eq!(
        text_of(&root, "[data-testid=search-also]"),
        "包括“社保”的结果"
    );
    assert_eq!(
        root.query_selector_all("mark[id^=hit-]").unwrap().length(),
        2
    );
    root.unmount().await;
}

#[wasm_bindgen_test]
async fn a_query_that_finds_nothing_offers_shorter_ones_that_do() {
    set_hash_and_notify("#");
    let root = render().await;
    type_query(&root, "抓社保火星");
    yew::scheduler::flush().await;
    assert_eq!(
        text_of(&root, "[data-testid=search-status]"),
        "没有找到“抓社保火星”"
    );
    let suggestion = find(&root, "[data-testid=search-help] button");
    assert_eq!(
        suggestion.text_content().unwrap_or_default(),
        "试试“抓社保”（1处）"
    );
    suggestion.click();
    yew::scheduler::flush().await;
    assert_eq!(
        text_of(&root, "[data-testid=search-status]"),
        "共1处 · 第1处"
    );
    root.unmount().await;
    set_hash_and_notify("#");
}

#[wasm_bindgen_test]
async fn a_refused_copy_shows_the_text_selected_to_copy_by_hand() {
    set_hash_and_notify("#");
    js_sys::eval(
        "Object.defineProperty(navigator, 'clipboard', { configurable: true, value: {
            writeText: () => Promise.reject(new Error('denied')) } });",
    )
    .unwrap();
    let root = render().await;
    find(&root, "[data-testid=link-sec-1-1]").click();
    until_present(&root, "[data-testid=copy-fallback] textarea").await;
    let field: web_sys::HtmlTextAreaElement = find(&root, "[data-testid=copy-fallback] textarea")
        .dyn_into()
        .unwrap();
    assert!(field.value().ends_with("#sec-1-1"), "{}", field.value());
    assert_eq!(document().active_element(), Some(field.clone().into()));
    assert_eq!(
        field.selection_end().unwrap(),
        Some(field.value().len() as u32)
    );
    find(&root, "[data-testid=copy-fallback] button").click();
    yew::scheduler::flush().await;
    assert!(root
        .query_selector("[data-testid=copy-fallback]")
        .unwrap()
        .is_none());
    root.unmount().await;
}

#[wasm_bindgen_test]
async fn a_link_to_a_missing_part_says_so_until_dismissed() {
    set_hash_and_notify("#");
    let root = render().await;
    set_hash_and_notify("#sec-9-9");
    yew::scheduler::flush().await;
    assert!(text_of(&root, "[data-testid=not-found]").contains("找不到这一部分"));
    find(&root, "[data-testid=not-found] button").click();
    yew::scheduler::flush().await;
    assert!(root
        .query_selector("[data-testid=not-found]")
        .unwrap()
        .is_none());
    root.unmount().await;
    set_hash_and_notify("#");
}

/// Stores a recent list in this browser's local storage ("" removes it).
fn store_recent(stored: &str) {
    let storage = window().local_storage().unwrap().unwrap();
    if stored.is_empty() {
        storage.remove_item(report_core::recent::KEY).unwrap();
    } else {
        storage.set_item(report_core::recent::KEY, stored).unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_report_opened_before_opens_again_and_the_built_in_one_comes_back() {
    use report_core::file;
    use report_core::recent::{Recent, RecentReport};
    set_hash_and_notify("#");
    let other = Content::from_text(WITH_FIGURES, None, Terms::default())
        .unwrap()
        .0;
    let mut recent = Recent::default();
    recent.add(RecentReport {
        title: "别的报告".into(),
        name: "别的.txt".into(),
        opened: "2030年1月1日".into(),
        file: file::to_embedded_json(&other),
    });
    store_recent(&recent.to_json());
    let root = render().await;
    assert_eq!(text_of(&root, "[data-testid=open-report]"), "打开报告");
    assert_eq!(
        attr(&root, "[data-testid=open-report-input]", "accept").as_deref(),
        Some(".txt,.json,text/plain,application/json")
    );
    assert_eq!(
        root.query_selector_all("[data-testid=recent-report]")
            .unwrap()
            .length(),
        1
    );
    find(&root, "[data-testid=recent-report] .open-report__reopen").click();
    yew::scheduler::flush().await;
    assert!(text_of(&root, "[data-testid=opened-notice]").contains("别的.txt"));
    assert_eq!(text_of(&root, "[data-testid=report-title]"), "示例报告");
    assert!(
        root.query_selector_all("[data-testid=report] data.figure")
            .unwrap()
            .length()
            >= 3
    );
    find(&root, "[data-testid=show-embedded]").click();
    yew::scheduler::flush().await;
    assert!(root
        .query_selector("[data-testid=opened-notice]")
        .unwrap()
        .is_none());
    root.unmount().await;
    store_recent("");
}

#[wasm_bindgen_test]
async fn damaged_stored_reports_are_explained_and_the_page_works() {
    set_hash_and_notify("#");
    store_recent("{damaged");
    let root = render().await;
    yew::scheduler::flush().await;
    assert!(text_of(&root, "[data-testid=recent-note]").contains("损坏"));
    assert!(root
        .query_selector("[data-testid=recent-reports]")
        .unwrap()
        .is_none());
    assert!(root
        .query_selector("[data-testid=report] .section")
        .unwrap()
        .is_some());
    root.unmount().await;
    store_recent("");
}
