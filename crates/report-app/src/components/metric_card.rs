//! One metric card: the figure's value as written, what it means when it is not exact (约数,
//! 多于100条, 约200至900名之间), whether it is an estimate or a target rather than a result,
//! period and change (arrow and sign, not colour alone), label and theme; links to its
//! sentence and copies a citation.

use yew::prelude::*;

use super::copy_button::{copy_button, CopyText};
use super::AppContext;
use report_core::cards::Card;
use report_core::export::{change_text, citation};
use report_core::figures::meaning::{Kind, Precision};
use report_core::figures::Direction;

/// The card of `card`. Only the card in the full grid is `anchored`: it carries the `card-…` id
/// (the headline row repeats some). `level` is the label's heading level (3 in the headline
/// row, 4 under a theme heading).
///
/// A plain function, not a component: it has no state of its own (see `components/mod.rs`).
pub fn metric_card(state: &AppContext, card: &'static Card, anchored: bool, level: u8) -> Html {
    let focused = anchored && state.card_focus.as_deref() == Some(card.id.as_str());
    let label_id = format!(
        "{}-label{}",
        card.anchor_id(),
        if anchored { "" } else { "-top" }
    );
    let tag = format!("h{}", level.clamp(2, 6));

    // As written, with its 约 / 突破 / 余: the words that make it vague stay with the number.
    let value = card.written.clone();
    let reading = match card.meaning.precision {
        // "约" is in the value already.
        Precision::Approximate if card.written.starts_with('约') => String::new(),
        _ => card.meaning.reading(&card.figure.unit),
    };
    // What a reader must know before quoting the number: it is not a result.
    let kind_note = match card.kind {
        Kind::Result => None,
        Kind::Estimate => Some("预计数，不是最终数据"),
        Kind::Target => Some("目标数，尚未实现"),
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
                <data class="metric-card__nowrap" value={figure.value.to_string()}>
                    { format!("{sign}{}%", figure.value) }
                </data>
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
    // A sign before a range would read as its own ("+5.0%—5.5%"): the words say the change.
    let value = match &own_change {
        Some((_, sign, _)) if card.meaning.precision != Precision::Between => {
            format!("{sign}{value}")
        }
        _ => value,
    };

    let cite = {
        let title = state.report.title.clone();
        let shareable = state.shareable;
        Callback::from(move |()| {
            let link = crate::effects::share_link(shareable, &card.figure_id());
            citation(card, &title, &link)
        })
    };

    html! {
        <article class={classes!(
                "metric-card",
                focused.then_some("metric-card--focused"),
                kind_note.is_some().then_some("metric-card--not-result"),
                (card.kind == Kind::Target).then_some("metric-card--target"),
            )}
            id={anchored.then(|| card.anchor_id())} tabindex="-1"
            aria-labelledby={label_id.clone()}
            data-testid={if anchored { card.anchor_id() } else { format!("headline-{}", card.id) }}>
            if let Some(note) = kind_note {
                <p class="metric-card__kind" data-testid="card-kind">{ note }</p>
            }
            <@{tag} id={label_id.clone()} class="metric-card__label">{ &card.label }</@>
            <p class="metric-card__value">
                <data value={card.meaning.machine()}>{ value }</data>
            </p>
            if !reading.is_empty() {
                <p class="metric-card__qualifier" data-testid="card-reading">{ reading }</p>
            }
            if let Some((arrow, _, words)) = own_change {
                <p class="metric-card__qualifier">
                    <span aria-hidden="true">{ arrow }{ " " }</span>{ words }
                </p>
            }
            { change_view.unwrap_or_default() }
            <p class="metric-card__meta">
                if let Some(period) = &card.period {
                    <span class="metric-card__period">
                        { "时期 " }<span class="metric-card__nowrap">{ &period.text }</span>
                    </span>
                }
                <span class="metric-card__theme">{ &card.theme_name }</span>
            </p>
            <p class="metric-card__actions">
                <a class="metric-card__source" href={format!("#{}", card.figure_id())}
                    aria-label={format!("看原文：{}", card.label)}
                    data-testid={format!("source-{}", card.id)}>{ "看原文" }</a>
                { copy_button(state, CopyText {
                    key: label_id.clone(),
                    label: "复制引用",
                    name: format!("复制引用：{}", card.label),
                    text: cite,
                    class: "metric-card__copy",
                    testid: None,
                }) }
            </p>
        </article>
    }
}
