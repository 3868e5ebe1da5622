//! One metric card: the figure's value the Chinese way, its qualifier in words, period and
//! change (arrow and sign, not colour alone), label and theme; links to its sentence and copies
//! a citation.

use yew::prelude::*;

use super::use_app_state;
use crate::core::cards::Card;
use crate::core::export::{change_text, citation};
use crate::core::figures::{Direction, Qualifier};

#[derive(PartialEq, Properties)]
pub struct MetricCardProps {
    pub card: &'static Card,
    /// Only the card in the full grid carries the `card-…` id (the headline row repeats some).
    #[prop_or_default]
    pub anchored: bool,
    /// The card label's heading level (3 in the headline row, 4 under a theme heading).
    pub level: u8,
}

/// Copying state of the citation button.
#[derive(Clone, Copy, PartialEq)]
enum Copy {
    Idle,
    Done,
    Failed,
}

#[component]
pub fn MetricCard(props: &MetricCardProps) -> Html {
    let state = use_app_state();
    let card = props.card;
    let copy = use_state(|| Copy::Idle);
    let focused = props.anchored && state.card_focus.as_deref() == Some(card.id.as_str());
    let label_id = format!(
        "{}-label{}",
        card.anchor_id(),
        if props.anchored { "" } else { "-top" }
    );
    let tag = format!("h{}", props.level.clamp(2, 6));

    let value = card
        .written
        .trim_start_matches("约")
        .trim_start_matches("突破")
        .to_string();
    let qualifier = match card.figure.qualifier {
        Qualifier::Exact => None,
        Qualifier::About => Some("约数"),
        Qualifier::MoreThan => Some("多于此数"),
        Qualifier::AboutMoreThan => Some("约数，多于此数"),
        Qualifier::Passed => Some("已超过此数"),
        Qualifier::Several => Some("约数（几百）"),
    };
    let change = card
        .change
        .as_ref()
        .and_then(|c| c.change.clone().map(|info| (c, info)));
    let change_view = change.map(|(figure, info)| {
        let (arrow, sign, word) = match info.direction {
            Direction::Up => ("↑", "+", "上升"),
            Direction::Down => ("↓", "−", "下降"),
        };
        html! {
            <p class="metric-card__change" title={change_text(card)}>
                <span aria-hidden="true">{ arrow }</span>
                <span class="visually-hidden">{ word }</span>
                <data value={figure.value.to_string()}>{ format!("{sign}{}%", figure.value) }</data>
                { " " }{ &info.basis }
            </p>
        }
    });
    // A percentage that is itself a change (水稻种植面积同比提升29.4%): shown signed, with the
    // arrow, and the words of the change.
    let own_change = card.figure.change.clone().map(|info| {
        let (arrow, sign) = match info.direction {
            Direction::Up => ("↑", "+"),
            Direction::Down => ("↓", "−"),
        };
        (arrow, sign, format!("{}{}", info.basis, info.verb))
    });
    let value = match &own_change {
        Some((_, sign, _)) => format!("{sign}{value}"),
        None => value,
    };

    let on_copy = {
        let copy = copy.clone();
        let title = state.report.title.clone();
        Callback::from(move |_: MouseEvent| {
            let copy = copy.clone();
            let link = crate::hooks::link_to(&card.figure_id());
            let text = citation(card, &title, &link);
            crate::hooks::copy_text(text, move |ok| {
                copy.set(if ok { Copy::Done } else { Copy::Failed })
            });
        })
    };

    html! {
        <article class={classes!("metric-card", focused.then_some("metric-card--focused"))}
            id={props.anchored.then(|| card.anchor_id())} tabindex="-1"
            aria-labelledby={label_id.clone()}
            data-testid={if props.anchored { card.anchor_id() } else { format!("headline-{}", card.id) }}>
            <@{tag} id={label_id} class="metric-card__label">{ &card.label }</@>
            <p class="metric-card__value">
                <data value={card.figure.value.to_string()}>{ value }</data>
            </p>
            if let Some(q) = qualifier {
                <p class="metric-card__qualifier">{ q }</p>
            }
            if let Some((arrow, _, words)) = own_change {
                <p class="metric-card__qualifier">
                    <span aria-hidden="true">{ arrow }{ " " }</span>{ words }
                </p>
            }
            { change_view.unwrap_or_default() }
            <p class="metric-card__meta">
                if let Some(period) = &card.figure.period {
                    <span class="metric-card__period">{ format!("时期 {period}") }</span>
                }
                <span class="metric-card__theme">{ &card.theme_name }</span>
            </p>
            <p class="metric-card__actions">
                <a class="metric-card__source" href={format!("#{}", card.figure_id())}
                    aria-label={format!("看原文：{}", card.label)}
                    data-testid={format!("source-{}", card.id)}>{ "看原文" }</a>
                <button type="button" class="metric-card__copy" onclick={on_copy}
                    aria-label={format!("复制引用：{}", card.label)}>
                    { match *copy { Copy::Idle => "复制引用", Copy::Done => "已复制", Copy::Failed => "复制失败" } }
                </button>
            </p>
            <p class="visually-hidden" role="status">
                { match *copy { Copy::Idle => "", Copy::Done => "引用已复制", Copy::Failed => "复制失败，请手动选择原文复制" } }
            </p>
        </article>
    }
}
