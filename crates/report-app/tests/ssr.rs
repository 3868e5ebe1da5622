//! The components render on the server (no browser calls while rendering), ready for a later
//! prerender + hydrate step: the whole report renders natively to HTML.

#![cfg(not(target_arch = "wasm32"))]

use report_app::components::app::{App, AppProps};
#[path = "../../report-core/tests/support/mod.rs"]
mod default_report;
use default_report as data;

fn render() -> String {
    let content = data::content();
    let renderer = yew::LocalServerRenderer::<App>::with_props(AppProps {
        content,
        recent: Ok(Default::default()),
        restored: None,
    });
    futures::executor::block_on(renderer.render())
}

#[test]
fn the_app_renders_on_the_server_with_every_section() {
    let html = render();
    let report = data::report().expect("the embedded report parses");
    for section in report.sections() {
        assert!(
            html.contains(&format!("id=\"{}\"", section.id())),
            "{} missing from the server render",
            section.id()
        );
    }
    assert!(html.contains("aria-expanded=\"true\""));
    assert!(html.contains("data-testid=\"truncation-notice\""));
    assert!(
        !html.contains("hidden=\"until-found\""),
        "nothing starts collapsed"
    );
}

#[test]
fn a_report_that_cannot_be_read_renders_a_readable_message() {
    let renderer = yew::LocalServerRenderer::<App>::with_props(AppProps {
        content: Err("测试错误"),
        recent: Ok(Default::default()),
        restored: None,
    });
    let html = futures::executor::block_on(renderer.render());
    assert!(html.contains("无法显示报告"));
    assert!(html.contains("测试错误"));
}

#[test]
fn any_report_renders_its_front_matter_annex_and_source_line() {
    use report_core::search::terms::Terms;
    use report_core::Content;
    let (mut content, _) = Content::from_text(
        include_str!("../../../tests/reports/county-2030.txt"),
        None,
        Terms::default(),
    )
    .unwrap();
    content.meta.source = Some("县人民政府网站".into());
    let html = render_content(content);
    assert!(html.contains("report-header__front--notice"), "the notice");
    assert!(
        html.contains("report-header__front--meeting"),
        "the meeting line"
    );
    assert!(html.contains("id=\"annex-1\""), "the annex");
    assert!(
        html.contains("来源：县人民政府网站"),
        "where a complete text comes from"
    );
    assert!(
        !html.contains("data-testid=\"source-note\""),
        "no note for a complete text"
    );
}

#[test]
fn the_names_others_read_are_in_the_markup_as_report_core_defines_them() {
    use report_core::markup::*;
    // The components write these names as literals (Yew's `html!` takes no constant for an
    // attribute's name); the reader's tools, the build step and the tests find them by the
    // constants. Both must agree.
    let html = render();
    for attribute in [
        SECTION_BODY,
        CHROME,
        NOTE_SECTION,
        NOTE_PARAGRAPH,
        NOTES_OPEN,
        READ_SECTION,
        DISPLAY_INPUT,
        DISPLAY_DONE,
    ] {
        assert!(html.contains(&format!(" {attribute}=")), "{attribute}");
    }
    for class in [
        SECTION_HEADING,
        SECTION_TOGGLE,
        PARAGRAPH,
        SENTENCE,
        CUT_MARKER,
        PARAGRAPH_ACTIONS,
        DISPLAY_SETTINGS,
        TOP_BAR,
    ] {
        assert!(
            html.contains(&format!("class=\"{class}\""))
                || html.contains(&format!("class=\"{class} "))
                || html.contains(&format!(" {class}\""))
                || html.contains(&format!(" {class} ")),
            "{class}"
        );
    }
    assert!(html.contains(&format!("id=\"{REPORT_TITLE_ID}\"")));
    assert!(html.contains(&format!("id=\"{}\"", body_id("sec-1-1"))));
}

#[test]
fn a_report_with_targets_renders_its_table_of_targets() {
    use report_core::search::terms::Terms;
    use report_core::Content;
    let (content, _) = Content::from_text(
        include_str!("../../../tests/reports/province-2031.txt"),
        None,
        Terms::default(),
    )
    .unwrap();
    let html = render_content(content);
    assert!(html.contains("id=\"targets\""), "the 主要目标 table");
    assert!(html.contains("2031年目标") && html.contains("2030年结果"));
    assert!(
        html.contains("href=\"#sec-2-fig-1\""),
        "a target links to its sentence"
    );
    assert!(html.contains("预计数"));
}

/// The app rendered on the server with `content` as its report.
fn render_content(content: report_core::Content) -> String {
    let content: &'static report_core::Content = Box::leak(Box::new(content));
    let renderer = yew::LocalServerRenderer::<App>::with_props(AppProps {
        content: Ok(content),
        recent: Ok(Default::default()),
        restored: None,
    });
    futures::executor::block_on(renderer.render())
}
