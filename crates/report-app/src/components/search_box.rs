//! The search box in the top bar: results on every keystroke, the hit count and the current
//! hit, previous / next, and a list of results with snippets (and the cards whose label
//! matches). `/` or Ctrl+K focuses it; Enter / Shift+Enter and ↓ / ↑ move between hits; Esc
//! clears the query and every highlight.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, InputEvent, KeyboardEvent};
use yew::prelude::*;

use super::use_app_state;
use crate::effects::{
    focus_in_place, set_hash, use_input_value, use_narrow_in_em, use_search_on_composition_end,
    use_search_shortcuts,
};
use crate::state::Action;
use report_core::search::{label_matches, place_of, shorten, snippet};

/// How many results the list shows at most (the count above it is always complete).
const LIST_LIMIT: usize = 200;

/// How many characters of the query a message quotes (a pasted paragraph is shortened).
const QUOTE_LIMIT: usize = 16;

/// Below this width, in its own em, the bar offers one suggestion instead of three, so that it
/// stays compact (200 % text or zoom on a phone).
const NARROW_EM: u32 = 16;

#[component]
pub fn SearchBox() -> Html {
    let state = use_app_state();
    let input = use_node_ref();
    use_search_shortcuts(input.clone());
    use_input_value(input.clone(), state.query.clone());
    use_search_on_composition_end(input.clone(), state.dispatcher());

    let search_value = {
        let state = state.clone();
        move |target: Option<web_sys::EventTarget>| {
            if let Some(el) = target.and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                state.dispatch(Action::Search(el.value()));
            }
        }
    };
    let oninput = {
        Callback::from(move |e: InputEvent| {
            // While an input method is composing (pinyin), wait for the characters.
            if !e.is_composing() {
                search_value(e.target());
            }
        })
    };
    let onkeydown = {
        let state = state.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.is_composing() {
                return;
            }
            let action = match e.key().as_str() {
                "Enter" if e.shift_key() => Action::PreviousHit,
                "Enter" | "ArrowDown" => Action::NextHit,
                "ArrowUp" => Action::PreviousHit,
                "Escape" => Action::ClearSearch,
                _ => return,
            };
            e.prevent_default();
            state.dispatch(action);
        })
    };
    let dispatch = |action: Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(action.clone()))
    };

    // Choosing a result closes the list; the cursor goes back to the box, so that Enter
    // carries on from that hit.
    let go_to = |i: usize| {
        let state = state.clone();
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::GoToHit(i));
            if let Some(el) = input.cast::<HtmlInputElement>() {
                focus_in_place(&el);
            }
        })
    };
    // A card from the list: go there (which closes the list) and keep the address in step.
    let go_to_card = |anchor: String| {
        let state = state.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            set_hash(&anchor);
            state.dispatch(Action::Navigate(anchor.clone()));
        })
    };
    let suggest = |query: String| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Search(query.clone())))
    };
    let bar = use_node_ref();
    let narrow = use_narrow_in_em(bar.clone(), NARROW_EM);
    let searching = !state.query.trim().is_empty();
    let count = state.hits.len();
    let quoted = shorten(&state.query, QUOTE_LIMIT);
    // Compact on screen ("3/12"), in words for screen readers.
    let (shown, spoken) = if !searching {
        (String::new(), String::new())
    } else if count == 0 {
        let text = format!("没有找到“{quoted}”");
        (text.clone(), text)
    } else {
        let also = if state.also.is_empty() {
            String::new()
        } else {
            format!("，包括“{}”的结果", state.also.join("”“"))
        };
        (
            format!("{}/{count}", state.current_hit + 1),
            format!("共{count}处 · 第{}处{also}", state.current_hit + 1),
        )
    };
    let matching_cards: Vec<_> = match state.cards {
        Ok(cards) if searching => cards
            .cards
            .iter()
            .filter(|c| label_matches(&c.label, &state.query))
            .collect(),
        _ => Vec::new(),
    };

    html! {
        <>
            <div class="search" role="search" data-query={state.query.clone()}>
                <label for="search-input" class="visually-hidden">{ "搜索报告全文" }</label>
                <input id="search-input" ref={input.clone()} class="search__input" type="search"
                    placeholder="搜索" autocomplete="off" enterkeyhint="search"
                    aria-describedby="search-status" data-testid="search-input"
                    {oninput} {onkeydown} />
            </div>
            <div ref={bar} class={classes!("search__bar", (!searching).then_some("search__bar--idle"))}>
                <p id="search-status" class="search__status" role="status" title={spoken.clone()}>
                    <span aria-hidden="true">{ shown }</span>
                    <span class="visually-hidden" data-testid="search-status">{ spoken }</span>
                </p>
                if searching && count > 0 {
                    <button type="button" class="control" aria-label="上一处"
                        onclick={dispatch(Action::PreviousHit)} data-testid="search-previous">{ "↑" }</button>
                    <button type="button" class="control" aria-label="下一处"
                        onclick={dispatch(Action::NextHit)} data-testid="search-next">{ "↓" }</button>
                }
                if searching && (count > 0 || !matching_cards.is_empty()) {
                    <button type="button" class="control" aria-expanded={state.results_open.to_string()}
                        aria-controls="search-results" onclick={dispatch(Action::ToggleResults)}
                        data-testid="search-list-toggle">{ "列表" }</button>
                }
                if searching && !state.also.is_empty() {
                    <p class="search__note" aria-hidden="true" data-testid="search-also">
                        { format!("包括“{}”的结果", state.also.join("”“")) }
                    </p>
                }
                if searching && count == 0 {
                    <p class="search__note" data-testid="search-help">
                        if state.suggestions.is_empty() {
                            { "试试更短的词，或换个说法。" }
                        } else {
                            { for state.suggestions.iter().take(if narrow { 1 } else { 3 }).map(|(q, n)| html! {
                                <button type="button" class="control search__suggestion"
                                    onclick={suggest(q.clone())}>
                                    { format!("试试“{}”（{n}处）", shorten(q, QUOTE_LIMIT)) }
                                </button>
                            }) }
                        }
                    </p>
                }
            </div>
            if searching && state.results_open {
                <div id="search-results" class="search__results" data-testid="search-results">
                    if !matching_cards.is_empty() {
                        <p class="search__group">{ "数据卡片" }</p>
                        <ul class="search__list">
                            { for matching_cards.iter().map(|c| html! {
                                <li><a class="search__result" href={format!("#{}", c.anchor_id())}
                                    onclick={go_to_card(c.anchor_id())}>
                                    { format!("{}：{}", c.label, c.written) }
                                </a></li>
                            }) }
                        </ul>
                    }
                    if count > 0 {
                        <p class="search__group">{ format!("正文（{count}处）") }</p>
                        <ol class="search__list">
                            { for state.hits.iter().take(LIST_LIMIT).enumerate().map(|(i, hit)| {
                                let (before, matched, after) = snippet(state.corpus, hit, 14);
                                // Which part too (the review or the plan), then where in it.
                                let path = state.corpus.units.get(hit.unit).map(|u| &u.path[..]).unwrap_or_default();
                                let place = place_of(state.report, path, None)
                                    .unwrap_or_else(|| "开头".to_string());
                                let current = i == state.current_hit;
                                html! {
                                    <li>
                                        <button type="button" class={classes!("search__result", current.then_some("search__result--current"))}
                                            onclick={go_to(i)}>
                                            <span class="search__place">{ place }</span>
                                            <span class="search__snippet">
                                                { before }<mark>{ matched }</mark>{ after }
                                            </span>
                                        </button>
                                    </li>
                                }
                            }) }
                        </ol>
                    }
                </div>
            }
        </>
    }
}
