//! The outline: part, themes and points as links (the section being read is marked current),
//! and expand / collapse all. A sidebar on wide screens, a drawer opened from the top bar on
//! phones.

use yew::prelude::*;

use super::{use_app_state, AppContext};
use crate::effects::{set_hash, use_drawer_focus};
use crate::state::Action;
use report_core::Section;

#[component]
pub fn Outline() -> Html {
    let state = use_app_state();
    let dispatch = |action: Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(action.clone()))
    };
    let close = dispatch(Action::CloseOutline);
    let open = state.outline_open;
    let nav = use_node_ref();
    use_drawer_focus(open, nav.clone());
    let no_sections = state.report.top_level().next().is_none();
    html! {
        <>
            <nav id="outline" ref={nav} class={classes!("outline", open.then_some("outline--open"))}
                aria-label="目录" data-testid="outline">
                <div class="outline__head">
                    <h2 class="outline__title">{ "目录" }</h2>
                    <button type="button" class="control outline__close"
                        onclick={close.clone()} aria-label="关闭目录">{ "关闭" }</button>
                </div>
                if no_sections {
                    <p class="outline__empty" data-testid="outline-empty">
                        { "这份报告没有分出编号的部分，全文在正文中连续显示。" }
                    </p>
                } else {
                    <div class="outline__actions" role="group" aria-label="展开或收起各节">
                        <button type="button" class="control" data-testid="expand-all"
                            onclick={dispatch(Action::ExpandAll)}>{ "全部展开" }</button>
                        <button type="button" class="control" data-testid="collapse-all"
                            onclick={dispatch(Action::CollapseAll)}>{ "全部收起" }</button>
                    </div>
                }
                // 我的意见 (the reader's review notes): plain markup that the notes module of the reader's tools handles (`report-tools`).
                <p class="outline__notes">
                    <button type="button" class="control" data-notes-open=""
                        data-testid="notes-open">{ "我的意见" }</button>
                </p>
                <ol class="outline__list">
                    { for state.report.top_level().map(|section| entry(&state, section)) }
                    if state.report.truncated {
                        <li class="outline__item outline__cut" data-testid="outline-cut">
                            <a class="outline__link" href="#truncation-notice">
                                { "原文在此中断，其后内容没有" }
                            </a>
                        </li>
                    }
                </ol>
            </nav>
            if open {
                <div class="outline-backdrop" onclick={close} aria-hidden="true"></div>
            }
        </>
    }
}

/// The entry of `section`, with its children.
///
/// A plain function, not a component: it has no state of its own (see `components/mod.rs`).
fn entry(state: &AppContext, section: &'static Section) -> Html {
    let id = section.id();
    let current = state.active.as_deref() == Some(id.as_str());
    let onclick = {
        let state = state.clone();
        let id = id.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            set_hash(&id);
            state.dispatch(Action::Navigate(id.clone()));
        })
    };
    let depth = section.number.depth().to_string();
    html! {
        <li class="outline__item" data-depth={depth}>
            <a class="outline__link" href={format!("#{id}")} {onclick}
                aria-current={current.then_some("location")}
                data-testid={format!("outline-{id}")}>
                if !section.marker.is_empty() {
                    <span class="outline__marker">{ &section.marker }</span>
                }
                { &section.heading }
            </a>
            if !section.children.is_empty() {
                <ol class="outline__list">
                    { for section.children.iter().map(|child| entry(state, child)) }
                </ol>
            }
        </li>
    }
}
