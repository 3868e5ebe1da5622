//! Thin Yew components, one per file; state comes from the `AppState` context. A part with no
//! state of its own is a plain function returning `Html` (`report_view`, `metric_card`,
//! `copy_button`, …) called by its parent with the state handle, because every component type
//! is its own copy of Yew's lifecycle code in the wasm (docs/size-budget.md). Components
//! remain where a part has hooks of its own and is worth re-rendering on its own
//! (`SectionView`, `SearchBox`, `Outline`, `FiguresPanel`, `OpenReport`).

pub mod app;
pub mod bar_chart;
pub mod copy_button;
pub mod display_settings;
pub mod figures_panel;
pub mod manual_copy;
pub mod marked;
pub mod metric_card;
pub mod open_report;
pub mod open_status;
pub mod opened_notice;
pub mod outline;
pub mod print_footer;
pub mod report_header;
pub mod report_view;
pub mod rich_text;
pub mod search_box;
pub mod section_view;
pub mod targets_panel;
pub mod top_bar;
pub mod truncation_notice;

use yew::prelude::*;

use crate::shown_report::ShownReport;
use crate::state::AppState;

/// The app state as handed to components by `App`'s context provider.
pub type AppContext = UseReducerHandle<AppState>;

/// Which report is shown and how to open another, as handed down by `App`.
#[derive(Clone, PartialEq)]
pub struct ShownContext {
    pub shown: UseReducerHandle<ShownReport>,
    /// Opens a file the reader chose.
    pub open: Callback<web_sys::File>,
}

/// Which report is shown, from `App`'s provider (every component here is rendered inside `App`).
#[hook]
pub fn use_shown_report() -> ShownContext {
    use_context::<ShownContext>().expect("components are rendered inside App's provider")
}

/// The app state for the report's sections, handed down as a prop (`SectionView`): equal while
/// what the sections read of it is (`state::SectionsView`), so that the scroll spy moving the
/// outline's current entry, the drawer or the cards do not re-render every section of a long
/// report (issue 19: 150 ms a time for 150,000 characters). A prop, not a context of its own: a
/// second context type is 1.7 KB of the page's wasm.
#[derive(Clone)]
pub struct SectionsState {
    pub state: AppContext,
    seen: crate::state::SectionsView,
}

impl SectionsState {
    pub fn new(state: &AppContext) -> Self {
        SectionsState {
            state: state.clone(),
            seen: state.sections_view(),
        }
    }
}

impl PartialEq for SectionsState {
    fn eq(&self, other: &Self) -> bool {
        self.seen == other.seen
    }
}

/// The app state from the nearest provider. Every component here is rendered inside `App`,
/// which always provides it.
#[hook]
pub fn use_app_state() -> AppContext {
    use_context::<AppContext>().expect("components are rendered inside App's state provider")
}
