//! One section (part, theme, point): a heading with a stable id, a collapse toggle and a
//! 复制链接 control, and its text with a 复制引用 control (the paragraph with its heading, the
//! report's title and the link, to send to a colleague). Collapsed text stays in the DOM as
//! `hidden="until-found"`, so the browser's find-in-page, screen readers and search engines
//! still reach it.

use yew::prelude::*;
use yew::virtual_dom::VTag;

use super::copy_button::{copy_button, CopyText};
use super::marked::{marked, unit_hits};
use super::rich_text::rich_text;
use super::SectionsState;
use crate::state::Action;
use report_core::cards::paragraph_ranges;
use report_core::export::paragraph_citation;
use report_core::search::heading_unit;
use report_core::{Section, SectionKind};

#[derive(Properties)]
pub struct SectionViewProps {
    pub section: &'static Section,
    /// How many sections of this one's, itself first and then those in it in reading order,
    /// to render (at least 1; `usize::MAX` for all): see `effects::use_gradual`.
    pub shown: usize,
    /// The id of the section where the source text stops ("" when it is complete).
    pub cut_id: AttrValue,
    /// The app state, as far as sections read it.
    pub state: SectionsState,
}

/// The same section (by address: sections live as long as the page), the same count of it
/// shown: a section already whole is not rendered again when more of the report comes in.
impl PartialEq for SectionViewProps {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.section, other.section)
            && self.shown.min(self.section.size()) == other.shown.min(other.section.size())
            && self.cut_id == other.cut_id
            && self.state == other.state
    }
}

/// `sections` with how many of each to render when `shown` sections in reading order are
/// (each one's and those in it); those with none left out.
pub fn in_reading_order<'a>(
    sections: impl Iterator<Item = &'a Section>,
    mut shown: usize,
) -> impl Iterator<Item = (&'a Section, usize)> {
    sections.map_while(move |section| {
        let here = shown;
        shown = shown.saturating_sub(section.size());
        (here > 0).then_some((section, here))
    })
}

#[component]
pub fn SectionView(props: &SectionViewProps) -> Html {
    let state = props.state.state.clone();
    let section = props.section;
    let id = section.id();
    let collapsible = section.kind.collapsible();
    let collapsed = collapsible && state.is_collapsed(&id);
    let body_id = format!("{id}-body");
    let tag = format!("h{}", (section.number.depth() + 1).min(6));

    let hits = unit_hits(&state, &heading_unit(&id));
    let marker_len = section.marker.len();
    let title = html! {
        <>
            if !section.marker.is_empty() {
                <span class="section__marker">
                    { marked(&section.marker, 0, &hits, state.current_hit) }
                </span>
            }
            <span class="section__title">
                { marked(&section.heading, marker_len, &hits, state.current_hit) }
            </span>
        </>
    };
    let heading_content = if collapsible {
        let onclick = {
            let state = state.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| state.dispatch(Action::Toggle(id.clone())))
        };
        html! {
            <button type="button" class="section__toggle" {onclick}
                aria-expanded={(!collapsed).to_string()} aria-controls={body_id.clone()}
                data-testid={format!("toggle-{id}")}>
                { title }
            </button>
        }
    } else {
        title
    };

    let link = {
        let id = id.clone();
        Callback::from(move |()| crate::effects::link_to(&id))
    };
    let cut_here = props.cut_id.as_str() == id;
    let mut content = Vec::new();
    let mut paragraphs = paragraph_ranges(&section.body);
    // A point's heading is the first sentence of its paragraph: it can be quoted even when
    // nothing follows the heading.
    if paragraphs.is_empty() && (section.kind == SectionKind::Point || cut_here) {
        paragraphs.push((0, 0));
    }
    let last = paragraphs.len().saturating_sub(1);
    for (n, range) in paragraphs.into_iter().enumerate() {
        let cut = cut_here && n == last;
        let report = state.report;
        let shareable = state.shareable;
        let cite = {
            let id = id.clone();
            Callback::from(move |()| {
                paragraph_citation(
                    report,
                    Some(section),
                    range,
                    cut,
                    &crate::effects::share_link(shareable, &id),
                )
            })
        };
        if range.1 > range.0 || cut {
            content.push(html! {
                <p class="section__text">
                    { rich_text(&state, &id, section.body.as_str(), range) }
                    if cut {
                        <span class="section__cut" data-chrome="">{ "（原文在此中断）" }</span>
                    }
                </p>
            });
        }
        let testid = if n == 0 {
            format!("quote-{id}")
        } else {
            format!("quote-{id}-{}", n + 1)
        };
        // 写意见: plain markup that the notes module of the reader's tools handles
        // (`report-tools`), described by the section's heading.
        let note = (range.1 > range.0).then(|| {
            html! {
                <button type="button" class="copy-button note-add" data-note-section={id.clone()}
                    data-note-paragraph={n.to_string()} aria-describedby={id.clone()}>
                    { "写意见" }
                </button>
            }
        });
        content.push(html! {
            <p class="paragraph-actions" data-chrome="">
                { for note }
                { copy_button(&state, CopyText {
                    key: testid.clone(),
                    label: "复制引用",
                    name: format!("复制引用：{}", section.full_heading()),
                    text: cite,
                    class: "paragraph-actions__button",
                    testid: Some(testid),
                }) }
            </p>
        });
    }
    content.extend(
        in_reading_order(section.children.iter(), props.shown.saturating_sub(1)).map(
            |(child, shown)| {
                html! {
                    <SectionView section={child} {shown} cut_id={props.cut_id.clone()}
                        state={props.state.clone()} />
                }
            },
        ),
    );

    html! {
        <section class={classes!("section", kind_class(section.kind))}
            data-testid={format!("section-{id}")}>
            <div class="section__head">
                <@{tag} id={id.clone()} class="section__heading" tabindex="-1" data-spy="">
                    { heading_content }
                </@>
                // 朗读 (plain markup that the care module of the reader's tools handles,
                // `report-tools`) and 复制链接, wrapping together.
                <span class="section__tools" data-chrome="">
                    // Described by its heading, with no aria-label repeating it (the built
                    // page's first bytes, docs/size-budget.md).
                    <button type="button" class="copy-button" data-read-section={id.clone()}
                        aria-describedby={id.clone()}>{ "朗读" }</button>
                    // A report opened from a file has no address to share.
                    if state.shareable {
                        <span class="section__share">
                            { copy_button(&state, CopyText {
                                key: format!("link-{id}"),
                                label: "复制链接",
                                // Starts with the visible words (WCAG 2.5.3, label in name).
                                name: format!("复制链接：{}", section.full_heading()),
                                text: link,
                                class: "section__link",
                                testid: Some(format!("link-{id}")),
                            }) }
                        </span>
                    }
                </span>
            </div>
            { body(&id, &body_id, collapsed, content) }
        </section>
    }
}

fn kind_class(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Part => "section--part",
        SectionKind::Subsection => "section--subsection",
        SectionKind::Theme => "section--theme",
        SectionKind::Point => "section--point",
        SectionKind::Item => "section--item",
        SectionKind::Annex => "section--annex",
    }
}

/// The section's body. Built by hand because `html!` treats `hidden` as a boolean attribute,
/// and a collapsed body needs `hidden="until-found"`.
fn body(id: &str, body_id: &str, collapsed: bool, content: Vec<Html>) -> Html {
    let mut tag = VTag::new("div");
    tag.add_attribute("id", body_id.to_string());
    tag.add_attribute("class", "section__body");
    tag.add_attribute("data-section-body", id.to_string());
    if collapsed {
        tag.add_attribute("hidden", "until-found");
    }
    tag.add_children(content);
    tag.into()
}
