//! App state as a pure reducer: which sections are collapsed, which one is being read, where to scroll.
//!
//! `AppState::apply` is plain Rust and tested natively; `impl Reducible` is only the adapter
//! that Yew's `use_reducer` needs. Browser side effects (scrolling, history, focus) live in
//! `effects/` and react to the state, never the other way round.

use std::rc::Rc;

use yew::Reducible;

use report_core::cards::{figure_id, unit_of_figure, Cards, FigureIndex, OPENING};
use report_core::order::IdSet;
use report_core::search::{search, suggest, Corpus, Hit};
use report_core::targets::TargetRow;
use report_core::{Content, Meta, Report};

/// A request to bring a section into view; `seq` changes on every request so that clicking the
/// same outline entry twice scrolls twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScrollRequest {
    pub id: String,
    pub seq: u32,
    /// Centre the element (a figure or card) instead of putting it at the top (a heading).
    pub center: bool,
}

#[derive(Debug, Clone)]
pub struct AppState {
    pub report: &'static Report,
    /// Who issued the report and where its text comes from.
    pub meta: &'static Meta,
    /// The figures recognised in the report's text.
    pub figures: &'static FigureIndex,
    /// What the report promises for its year, beside last year's results.
    pub targets: &'static [TargetRow],
    /// The metric cards, or why the curated data does not fit the report.
    pub cards: Result<&'static Cards, &'static str>,
    /// Whether all cards are shown (not only the headline row).
    pub figures_open: bool,
    /// The theme (section id) the cards are filtered to; None shows all themes.
    pub theme_filter: Option<String>,
    /// The figure (HTML id) whose sentence is highlighted in the text.
    pub highlight: Option<String>,
    /// The card (card id) last navigated to, highlighted among the cards.
    pub card_focus: Option<String>,
    /// The report's text prepared for search.
    pub corpus: &'static Corpus,
    /// The search query as typed ("" when not searching).
    pub query: String,
    /// Every occurrence of the query, in reading order.
    pub hits: Rc<Vec<Hit>>,
    /// Other spellings of the query that found some of the hits ("医疗保险" for 医保).
    pub also: Rc<Vec<String>>,
    /// When the query finds nothing: shorter queries that find something, with their counts.
    pub suggestions: Rc<Vec<(String, usize)>>,
    /// The index of the current hit in `hits`.
    pub current_hit: usize,
    /// Whether the list of results is open.
    pub results_open: bool,
    /// Sections that were collapsed and opened only because they hold a hit of the query:
    /// they close again when the query changes and no longer needs them (typing "乡贤" first
    /// searches "乡", which must not leave every section with a 乡 open).
    pub opened_by_search: IdSet,
    /// Ids of the collapsed sections (themes, subsections and points; parts never collapse).
    pub collapsed: IdSet,
    /// The section being read (scroll spy), highlighted in the outline.
    pub active: Option<String>,
    /// The last navigation request, for the scroll effect.
    pub scroll: Option<ScrollRequest>,
    /// Whether the outline drawer is open (phone layout).
    pub outline_open: bool,
    /// An id from a link or the address that names nothing in the report (`#sec-9-9`), for a
    /// message instead of silently opening at the top.
    pub not_found: Option<String>,
    /// A text the browser refused to copy, shown in a box to copy by hand.
    pub copy_by_hand: Option<String>,
    /// The copy button that copied last (its key): it says 已复制.
    pub copied: Option<String>,
    /// Whether the page's address leads to this report, so that links and citations can carry
    /// it: true for the built-in report, false for one opened from a file (its address would
    /// open the built-in report anywhere else).
    pub shareable: bool,
}

/// The report and what was read with it never change for a reader (`Reader` is made anew for
/// another report): they are compared by address, not walked. A derived comparison walked the
/// whole report and its search index at every action — the scroll spy's included — which took
/// 0.2 s of a 150,000-character report's opening (issue 19).
impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        fn same<T: ?Sized>(a: &T, b: &T) -> bool {
            std::ptr::eq(a, b)
        }
        same(self.report, other.report)
            && same(self.meta, other.meta)
            && same(self.figures, other.figures)
            && same(self.targets, other.targets)
            && match (self.cards, other.cards) {
                (Ok(a), Ok(b)) => same(a, b),
                (Err(a), Err(b)) => same(a, b),
                _ => false,
            }
            && same(self.corpus, other.corpus)
            && self.query == other.query
            && self.hits == other.hits
            && self.also == other.also
            && self.suggestions == other.suggestions
            && self.current_hit == other.current_hit
            && self.collapsed == other.collapsed
            && self.highlight == other.highlight
            && self.copied == other.copied
            && self.shareable == other.shareable
            && self.figures_open == other.figures_open
            && self.theme_filter == other.theme_filter
            && self.card_focus == other.card_focus
            && self.results_open == other.results_open
            && self.opened_by_search == other.opened_by_search
            && self.active == other.active
            && self.scroll == other.scroll
            && self.outline_open == other.outline_open
            && self.not_found == other.not_found
            && self.copy_by_hand == other.copy_by_hand
    }
}

/// What the report's sections read of the state: a section is drawn again only when this
/// changes (`components::SectionsState`): not when the scroll spy moves the outline's current
/// entry, the drawer opens or the cards change. Taken when the reader renders (a handle reads
/// the state as it is now, so handles cannot tell an old state from a new one).
#[derive(Clone, PartialEq)]
pub struct SectionsView {
    query: String,
    hits: Rc<Vec<Hit>>,
    current_hit: usize,
    collapsed: IdSet,
    highlight: Option<String>,
    copied: Option<String>,
    shareable: bool,
}

impl AppState {
    /// What the sections read of this state (see [`SectionsView`]).
    pub fn sections_view(&self) -> SectionsView {
        SectionsView {
            query: self.query.clone(),
            hits: self.hits.clone(),
            current_hit: self.current_hit,
            collapsed: self.collapsed.clone(),
            highlight: self.highlight.clone(),
            copied: self.copied.clone(),
            shareable: self.shareable,
        }
    }
}

/// Ids of the page itself that links may name (the skip link's `#main`, …): not sections,
/// figures or cards, but not missing either. So are the ids of a library's own markup around
/// the app, which all start with [`LIBRARY_ANCHOR`] (report-site's `library`).
pub const PAGE_ANCHORS: [&str; 6] = [
    "main",
    "figures",
    "outline",
    "report",
    "report-title",
    "truncation-notice",
];

/// How the ids of a library's markup around the app start (`#library-review`).
pub const LIBRARY_ANCHOR: &str = "library-";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Collapse an expanded section or expand a collapsed one.
    Toggle(String),
    /// Expand one section and its ancestors, without scrolling (for example when the
    /// browser's find-in-page reveals hidden text inside it).
    Expand(String),
    ExpandAll,
    CollapseAll,
    /// Go to an id from a link or the address bar: a section (expand it and its ancestors,
    /// scroll to it), a figure in the text (`sec-1-fig-1`: expand its section, scroll to it,
    /// highlight its sentence) or a card (`card-…`: show all cards, drop a filter that hides
    /// it, scroll to it). Closes the drawer and the list of results. An id that names none of
    /// these (nor one of [`PAGE_ANCHORS`]) is remembered in `not_found`, for a message.
    Navigate(String),
    /// Dismiss the "not found" message.
    DismissNotFound,
    /// The browser refused to copy this text: show it to copy by hand (replacing any other).
    CopyByHand(String),
    CloseCopyByHand,
    /// The copy button with this key has copied its text.
    Copied(String),
    /// Show all cards or only the headline row.
    ToggleFigures,
    /// Before printing: every card, of every theme (the print stylesheet lays them out as a
    /// compact table after the text).
    ShowAllFigures,
    /// Filter the cards to one theme (section id), or show all themes.
    FilterTheme(Option<String>),
    /// Search for this text (on every keystroke): highlights every hit, opens the collapsed
    /// sections holding one, and goes to the first.
    Search(String),
    /// Go to the next / previous hit (wrapping around).
    NextHit,
    PreviousHit,
    /// Go to one hit (from the list of results).
    GoToHit(usize),
    /// Clear the query and every highlight.
    ClearSearch,
    ToggleResults,
    /// The reader scrolled; this section's heading is now the one being read (None: above
    /// the first heading).
    SetActive(Option<String>),
    ToggleOutline,
    CloseOutline,
}

impl AppState {
    /// Everything expanded, nothing active, drawer closed.
    pub fn new(content: &'static Content) -> Self {
        Self {
            report: &content.report,
            meta: &content.meta,
            figures: &content.figures,
            targets: &content.targets,
            cards: content.cards.as_ref().map_err(String::as_str),
            figures_open: false,
            theme_filter: None,
            highlight: None,
            card_focus: None,
            corpus: &content.corpus,
            query: String::new(),
            hits: Rc::new(Vec::new()),
            current_hit: 0,
            results_open: false,
            also: Rc::new(Vec::new()),
            suggestions: Rc::new(Vec::new()),
            opened_by_search: IdSet::default(),
            collapsed: IdSet::default(),
            active: None,
            scroll: None,
            outline_open: false,
            not_found: None,
            copy_by_hand: None,
            copied: None,
            shareable: true,
        }
    }

    pub fn is_collapsed(&self, id: &str) -> bool {
        self.collapsed.contains(id)
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Toggle(id) => {
                if !self.collapsed.remove(&id) && self.is_collapsible(&id) {
                    self.collapsed.insert(id);
                }
            }
            Action::Expand(id) => {
                let path = self.report.path_to(&id);
                self.expand(&path);
            }
            Action::ExpandAll => self.collapsed.clear(),
            Action::CollapseAll => {
                self.collapsed.clear();
                for s in self.report.sections() {
                    if s.kind.collapsible() {
                        self.collapsed.insert(s.id());
                    }
                }
            }
            Action::Navigate(id) => {
                if !self.navigate(&id)
                    && !PAGE_ANCHORS.contains(&id.as_str())
                    && !id.starts_with(LIBRARY_ANCHOR)
                {
                    self.not_found = Some(id);
                }
            }
            Action::DismissNotFound => self.not_found = None,
            Action::CopyByHand(text) => self.copy_by_hand = Some(text),
            Action::CloseCopyByHand => self.copy_by_hand = None,
            Action::Copied(key) => self.copied = Some(key),
            Action::ToggleFigures => self.figures_open = !self.figures_open,
            Action::ShowAllFigures => {
                self.figures_open = true;
                self.theme_filter = None;
            }
            Action::FilterTheme(theme) => self.theme_filter = theme,
            Action::Search(query) => {
                if query == self.query {
                    return;
                }
                let found = search(self.corpus, &query);
                let hits = found.hits;
                // Inserted one by one: `collect` into a B-tree sorts first (see core/order.rs).
                let mut needed = IdSet::default();
                for id in hits
                    .iter()
                    .filter_map(|h| self.corpus.units.get(h.unit))
                    .flat_map(|u| u.path.iter().cloned())
                {
                    needed.insert(id);
                }
                let reclose: Vec<String> = self
                    .opened_by_search
                    .iter()
                    .filter(|id| !needed.contains(id))
                    .cloned()
                    .collect();
                for id in reclose {
                    self.opened_by_search.remove(&id);
                    self.collapsed.insert(id);
                }
                for id in needed.iter().cloned() {
                    if self.collapsed.remove(&id) {
                        self.opened_by_search.insert(id);
                    }
                }
                self.suggestions = Rc::new(if hits.is_empty() {
                    suggest(self.corpus, &query)
                } else {
                    Vec::new()
                });
                self.also = Rc::new(found.also);
                self.query = query;
                self.hits = Rc::new(hits);
                self.current_hit = 0;
                self.go_to_current_hit();
            }
            Action::NextHit => {
                let n = self.hits.len();
                if n > 0 {
                    self.current_hit = (self.current_hit + 1) % n;
                    self.go_to_current_hit();
                }
            }
            Action::PreviousHit => {
                let n = self.hits.len();
                if n > 0 {
                    self.current_hit = (self.current_hit + n - 1) % n;
                    self.go_to_current_hit();
                }
            }
            Action::GoToHit(i) => {
                if i < self.hits.len() {
                    self.current_hit = i;
                    self.results_open = false;
                    self.go_to_current_hit();
                }
            }
            Action::ClearSearch => {
                // What the search opened stays open: the reader may be reading there.
                self.opened_by_search.clear();
                self.query.clear();
                self.hits = Rc::new(Vec::new());
                self.also = Rc::new(Vec::new());
                self.suggestions = Rc::new(Vec::new());
                self.current_hit = 0;
                self.results_open = false;
            }
            Action::ToggleResults => self.results_open = !self.results_open,
            Action::SetActive(id) => self.active = id,
            Action::ToggleOutline => self.outline_open = !self.outline_open,
            Action::CloseOutline => self.outline_open = false,
        }
    }

    /// Goes to a section, figure or card (see [`Action::Navigate`]); false when `id` names
    /// none of them.
    fn navigate(&mut self, id: &str) -> bool {
        if let Some(unit) = unit_of_figure(id) {
            let path = self.report.path_to(unit);
            let known = (0..self.figures.of(unit).len()).any(|k| figure_id(unit, k) == id);
            if !known || (path.is_empty() && unit != OPENING) {
                return false;
            }
            self.expand(&path);
            self.highlight = Some(id.to_string());
            // The sentence shown is in this section: the outline marks it.
            if !path.is_empty() {
                self.active = Some(unit.to_string());
            }
            self.scroll_to(id.to_string(), true);
        } else if let Some(card_id) = id.strip_prefix("card-") {
            let Some(card) = self.cards.ok().and_then(|c| c.by_id(card_id)) else {
                return false;
            };
            self.figures_open = true;
            if self
                .theme_filter
                .as_ref()
                .is_some_and(|t| *t != card.theme_id)
            {
                self.theme_filter = None;
            }
            self.card_focus = Some(card.id.clone());
            self.scroll_to(id.to_string(), true);
        } else {
            let path = self.report.path_to(id);
            if path.is_empty() {
                return false;
            }
            self.expand(&path);
            self.active = Some(id.to_string());
            self.scroll_to(id.to_string(), false);
        }
        self.not_found = None;
        self.outline_open = false;
        self.results_open = false;
        true
    }

    /// The HTML id of the element where a hit starts (`hit-3`).
    pub fn hit_id(index: usize) -> String {
        format!("hit-{index}")
    }

    fn go_to_current_hit(&mut self) {
        if self.current_hit < self.hits.len() {
            self.scroll_to(Self::hit_id(self.current_hit), true);
        }
    }

    fn expand(&mut self, ids: &[String]) {
        for id in ids {
            self.collapsed.remove(id);
        }
    }

    fn scroll_to(&mut self, id: String, center: bool) {
        let seq = self.scroll.as_ref().map_or(0, |s| s.seq.wrapping_add(1));
        self.scroll = Some(ScrollRequest { id, seq, center });
    }

    fn is_collapsible(&self, id: &str) -> bool {
        self.report.find(id).is_some_and(|s| s.kind.collapsible())
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use report_core::parse::parse_body;

    fn content() -> &'static Content {
        let text = "测试报告 各位代表: 开场。 一、工作回顾 引言。 今年来,我们抓经济。一是抓项目。项目多。二是抓招商。招商好。 今年来,我们抓民生。一是抓社保。社保全。";
        let report = parse_body(text).expect("made-up report parses");
        Box::leak(Box::new(Content::without_cards(report)))
    }

    #[test]
    fn starts_fully_expanded_with_nothing_active() {
        let state = AppState::new(content());
        assert!(state.collapsed.is_empty());
        assert_eq!(state.active, None);
        assert!(!state.outline_open);
    }

    #[test]
    fn toggle_collapses_then_expands_a_point() {
        let mut state = AppState::new(content());
        state.apply(Action::Toggle("sec-1-1-2".into()));
        assert!(state.is_collapsed("sec-1-1-2"));
        state.apply(Action::Toggle("sec-1-1-2".into()));
        assert!(!state.is_collapsed("sec-1-1-2"));
    }

    #[test]
    fn parts_and_unknown_ids_never_collapse() {
        let mut state = AppState::new(content());
        state.apply(Action::Toggle("sec-1".into()));
        state.apply(Action::Toggle("sec-9".into()));
        assert!(state.collapsed.is_empty());
    }

    #[test]
    fn before_printing_every_card_of_every_theme_is_shown() {
        let mut state = AppState::new(content());
        state.apply(Action::FilterTheme(Some("sec-1-1".into())));
        state.apply(Action::ShowAllFigures);
        assert!(state.figures_open);
        assert_eq!(state.theme_filter, None);
    }

    #[test]
    fn collapse_all_collapses_every_theme_and_point_and_expand_all_undoes_it() {
        let mut state = AppState::new(content());
        state.apply(Action::CollapseAll);
        let expected: IdSet = ["sec-1-1", "sec-1-1-1", "sec-1-1-2", "sec-1-2", "sec-1-2-1"]
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(state.collapsed, expected);
        state.apply(Action::ExpandAll);
        assert!(state.collapsed.is_empty());
    }

    #[test]
    fn navigate_expands_the_target_and_its_ancestors_and_requests_a_scroll() {
        let mut state = AppState::new(content());
        state.apply(Action::CollapseAll);
        state.outline_open = true;
        state.apply(Action::Navigate("sec-1-2-1".into()));
        assert!(!state.is_collapsed("sec-1-2"));
        assert!(!state.is_collapsed("sec-1-2-1"));
        assert!(
            state.is_collapsed("sec-1-1"),
            "other sections stay as they were"
        );
        assert_eq!(state.active.as_deref(), Some("sec-1-2-1"));
        assert_eq!(
            state.scroll.as_ref().map(|s| s.id.as_str()),
            Some("sec-1-2-1")
        );
        assert!(!state.outline_open, "navigating closes the drawer");
    }

    #[test]
    fn navigating_twice_to_the_same_section_makes_a_new_scroll_request() {
        let mut state = AppState::new(content());
        state.apply(Action::Navigate("sec-1-1".into()));
        let first = state.scroll.clone();
        state.apply(Action::Navigate("sec-1-1".into()));
        assert_ne!(state.scroll, first);
    }

    #[test]
    fn navigate_to_a_page_anchor_changes_nothing() {
        let mut state = AppState::new(content());
        let before = state.clone();
        state.apply(Action::Navigate("main".into()));
        assert_eq!(state, before);
    }

    #[test]
    fn a_link_to_nothing_is_remembered_for_a_message_until_dismissed_or_replaced() {
        let mut state = AppState::new(content());
        state.apply(Action::Navigate("sec-9-9".into()));
        assert_eq!(state.not_found.as_deref(), Some("sec-9-9"));
        assert_eq!(state.scroll, None, "nothing to scroll to");
        state.apply(Action::DismissNotFound);
        assert_eq!(state.not_found, None);
        state.apply(Action::Navigate("card-nope".into()));
        assert_eq!(state.not_found.as_deref(), Some("card-nope"));
        state.apply(Action::Navigate("sec-1-1".into()));
        assert_eq!(state.not_found, None, "a good link clears the message");
        state.apply(Action::Navigate("sec-1-1-fig-9".into()));
        assert_eq!(state.not_found.as_deref(), Some("sec-1-1-fig-9"));
    }

    #[test]
    fn going_to_a_figure_marks_its_section_as_the_one_being_read() {
        let text = "报告 各位代表: 开场。 一、回顾 引言。 今年来,我们抓经济。一是抓项目。完成投资100万元。二是抓招商。";
        let report = parse_body(text).expect("made-up report parses");
        let content: &'static Content = Box::leak(Box::new(Content::without_cards(report)));
        let mut state = AppState::new(content);
        state.apply(Action::SetActive(Some("sec-1-1-2".into())));
        state.apply(Action::Navigate("sec-1-1-1-fig-1".into()));
        assert_eq!(state.active.as_deref(), Some("sec-1-1-1"));
        assert_eq!(state.highlight.as_deref(), Some("sec-1-1-1-fig-1"));
    }

    #[test]
    fn one_text_at_a_time_waits_to_be_copied_by_hand() {
        let mut state = AppState::new(content());
        state.apply(Action::CopyByHand("甲".into()));
        state.apply(Action::CopyByHand("乙".into()));
        assert_eq!(state.copy_by_hand.as_deref(), Some("乙"));
        state.apply(Action::CloseCopyByHand);
        assert_eq!(state.copy_by_hand, None);
    }

    #[test]
    fn navigating_closes_the_list_of_results() {
        let mut state = AppState::new(content());
        state.apply(Action::Search("抓".into()));
        state.apply(Action::ToggleResults);
        assert!(state.results_open);
        state.apply(Action::Navigate("sec-1-2".into()));
        assert!(!state.results_open);
    }

    #[test]
    fn a_search_that_finds_nothing_suggests_what_does() {
        let mut state = AppState::new(content());
        state.apply(Action::Search("抓经济火星".into()));
        assert!(state.hits.is_empty());
        assert_eq!(state.suggestions[0].0, "抓经济");
        state.apply(Action::Search("抓经济".into()));
        assert!(state.suggestions.is_empty());
    }

    #[test]
    fn expand_reveals_a_collapsed_section_and_its_collapsed_ancestors() {
        let mut state = AppState::new(content());
        state.apply(Action::CollapseAll);
        state.apply(Action::Expand("sec-1-1-1".into()));
        assert!(!state.is_collapsed("sec-1-1-1"));
        assert!(!state.is_collapsed("sec-1-1"), "its theme opens too");
        assert!(state.is_collapsed("sec-1-1-2"), "siblings stay collapsed");
        assert_eq!(state.scroll, None, "revealing does not scroll");
    }

    #[test]
    fn scrolling_above_the_first_heading_clears_the_current_section() {
        let mut state = AppState::new(content());
        state.apply(Action::SetActive(Some("sec-1-1".into())));
        assert_eq!(state.active.as_deref(), Some("sec-1-1"));
        state.apply(Action::SetActive(None));
        assert_eq!(state.active, None);
    }

    #[test]
    fn a_search_finds_every_hit_opens_their_sections_and_goes_to_the_first() {
        let mut state = AppState::new(content());
        state.apply(Action::CollapseAll);
        state.apply(Action::Search("抓".into()));
        assert_eq!(state.hits.len(), 5, "抓经济 抓项目 抓招商 抓民生 抓社保");
        assert!(
            state.collapsed.is_empty(),
            "every section holding a hit opens"
        );
        assert_eq!(state.current_hit, 0);
        assert_eq!(state.scroll.as_ref().map(|s| s.id.as_str()), Some("hit-0"));
    }

    #[test]
    fn sections_opened_for_an_earlier_query_close_again_when_no_longer_needed() {
        let mut state = AppState::new(content());
        state.apply(Action::CollapseAll);
        state.apply(Action::Search("抓".into()));
        assert!(state.collapsed.is_empty());
        state.apply(Action::Search("抓社保".into()));
        assert!(!state.is_collapsed("sec-1-2-1"), "holds 抓社保");
        assert!(!state.is_collapsed("sec-1-2"));
        assert!(
            state.is_collapsed("sec-1-1-1"),
            "opened only for 抓, closed again"
        );
        assert!(state.is_collapsed("sec-1-1"));
    }

    #[test]
    fn next_and_previous_hit_wrap_around() {
        let mut state = AppState::new(content());
        state.apply(Action::Search("抓".into()));
        state.apply(Action::PreviousHit);
        assert_eq!(state.current_hit, 4);
        state.apply(Action::NextHit);
        assert_eq!(state.current_hit, 0);
        state.apply(Action::GoToHit(3));
        assert_eq!(state.scroll.as_ref().map(|s| s.id.as_str()), Some("hit-3"));
        state.apply(Action::GoToHit(99));
        assert_eq!(state.current_hit, 3, "an index past the end is ignored");
    }

    #[test]
    fn clearing_the_search_removes_every_hit() {
        let mut state = AppState::new(content());
        state.apply(Action::Search("抓".into()));
        state.apply(Action::ClearSearch);
        assert!(state.hits.is_empty());
        assert_eq!(state.query, "");
    }

    #[test]
    fn a_search_for_absent_text_finds_nothing_and_moves_nothing() {
        let mut state = AppState::new(content());
        state.apply(Action::Search("火星".into()));
        assert!(state.hits.is_empty());
        assert_eq!(state.scroll, None);
        state.apply(Action::NextHit);
        assert_eq!(state.current_hit, 0);
    }

    #[test]
    fn outline_drawer_toggles_and_closes() {
        let mut state = AppState::new(content());
        state.apply(Action::ToggleOutline);
        assert!(state.outline_open);
        state.apply(Action::CloseOutline);
        assert!(!state.outline_open);
    }

    #[test]
    fn reducing_to_an_equal_state_keeps_the_same_rc() {
        let state = Rc::new(AppState::new(content()));
        let next = state.clone().reduce(Action::CloseOutline);
        assert!(Rc::ptr_eq(&state, &next));
    }
}
