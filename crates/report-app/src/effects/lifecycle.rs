//! The reader's life on the page: its page-wide listeners, set up once; the start after the
//! first render (`app-ready`).

use gloo::events::EventListener;
use gloo::utils::{document, window};
use yew::prelude::*;

use crate::state::{Action, AppState};

use super::address::hash_navigation;
use super::layout::close_outline_when_wide;
use super::scroll::{reveal_on_find, scroll_spy, Pinned};

/// The reader's page-wide listeners, set up once when it mounts and dropped when it goes:
/// [`hash_navigation`], [`scroll_spy`], [`reveal_on_find`], [`close_outline_when_wide`], and
/// every card shown before printing.
/// One effect for all of them: every `use_effect_with` call site is its own copy of Yew's
/// effect code in the wasm (docs/size-budget.md).
#[hook]
pub fn use_page_listeners(dispatch: UseReducerDispatcher<AppState>, pinned: Pinned) {
    use_effect_with((), move |_| {
        let listeners = [
            hash_navigation(dispatch.clone()),
            scroll_spy(dispatch.clone(), pinned),
            reveal_on_find(dispatch.clone()),
            close_outline_when_wide(dispatch.clone()),
            vec![EventListener::new(&window(), "beforeprint", move |_| {
                dispatch.dispatch(Action::ShowAllFigures)
            })],
        ];
        move || drop(listeners)
    });
}

/// Once, after the first render: hands the stored list of reports to `ShownReport`, and marks
/// the page as running (`app-ready` on `<html>`: the controls that need the app show, see
/// `base.css`).
#[hook]
pub fn use_started(
    dispatch: yew::functional::UseReducerDispatcher<crate::shown_report::ShownReport>,
    recent: Result<report_core::recent::Recent, String>,
) {
    use_effect_with((), move |_| {
        dispatch.dispatch(crate::shown_report::ShownAction::RecentLoaded(recent));
        if let Some(html) = document().document_element() {
            html.class_list().add_1("app-ready").ok();
        }
    });
}
