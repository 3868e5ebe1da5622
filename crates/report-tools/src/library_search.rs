//! Search across a library (the `report-library` module, on the library page only): the reader
//! types in the library page's box; the module fetches the index's meta, the few shards the
//! query's bigrams live in, and the texts of the reports that may hold it, most likely first
//! (`report_core::search::library` has the format and the rules), and lists, grouped by
//! report, each matching passage with the words marked, its place, and a link that opens the
//! report there with the query marked (`#<section>?q=…`, the report's own search). Everything
//! fetched is kept for the next keystroke.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::utils::{document, window};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use report_core::route::to_hash;
use report_core::search::library::{
    candidates, decode, query_bigrams, shard_of, Meta, ReportText, Shard,
};
use report_core::search::terms::Terms;
use report_core::search::{search, snippet};

/// The library page's search box and the element the results go in (report-site's library
/// page draws both).
pub const INPUT_ID: &str = "library-search-input";
pub const RESULTS_ID: &str = "library-search-results";

/// Reports whose texts one step fetches (the most likely first); 查看更多报告 fetches the next.
/// Three: a report's text is 25–35 KB gzip, and a query should fetch at most about 150 KB
/// (docs/library-bench.md).
const REPORTS_PER_STEP: usize = 3;
/// Hits listed per report (its count is always complete).
const HITS_PER_REPORT: usize = 5;
/// Characters either side of a hit.
const CONTEXT: usize = 24;

/// What has been fetched, kept for the next query.
#[derive(Default)]
struct Fetched {
    meta: Option<Rc<Meta>>,
    shards: BTreeMap<u32, Rc<Shard>>,
    texts: BTreeMap<String, Rc<ReportText>>,
}

thread_local! {
    static FETCHED: RefCell<Fetched> = RefCell::default();
    static STARTED: RefCell<bool> = const { RefCell::new(false) };
}

/// A press (or focus) on the library page's search box, handed over by the page: mounts the
/// results once.
pub fn activate(_target: web_sys::Element) {
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    // A search the address holds: into the box, then run as if typed.
    if let Some(query) = query_in_address() {
        if let Some(input) = document()
            .get_element_by_id(INPUT_ID)
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            if input.value().trim().is_empty() {
                input.set_value(&query);
            }
        }
    }
    if let Some(root) = document().get_element_by_id(RESULTS_ID) {
        yew::Renderer::<LibrarySearch>::with_root(root).render();
    }
}

/// The query in the address (`?q=…`, beside the filters' keys), replacing the entry, so that a
/// search can be shared and survives a reload.
fn keep_in_address(query: &str) {
    let location = window().location();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&location.search().unwrap_or_default())
    else {
        return;
    };
    if query.trim().is_empty() {
        params.delete("q");
    } else {
        params.set("q", query);
    }
    let search: String = params.to_string().into();
    let path = location.pathname().unwrap_or_default();
    let url = if search.is_empty() {
        path
    } else {
        format!("{path}?{search}")
    };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The query the address holds, if any.
pub fn query_in_address() -> Option<String> {
    web_sys::UrlSearchParams::new_with_str(&window().location().search().ok()?)
        .ok()?
        .get("q")
        .filter(|q| !q.trim().is_empty())
}

/// Fetches a JSON file of the index (relative to the page).
async fn fetch_json<T: serde::de::DeserializeOwned>(path: &str) -> Option<T> {
    let response = JsFuture::from(window().fetch_with_str(path)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?;
    serde_json::from_str(&text.as_string()?).ok()
}

async fn meta() -> Option<Rc<Meta>> {
    if let Some(meta) = FETCHED.with(|f| f.borrow().meta.clone()) {
        return Some(meta);
    }
    let meta = Rc::new(fetch_json::<Meta>("search/meta.json").await?);
    FETCHED.with(|f| f.borrow_mut().meta = Some(meta.clone()));
    Some(meta)
}

async fn shard(k: u32) -> Option<Rc<Shard>> {
    if let Some(shard) = FETCHED.with(|f| f.borrow().shards.get(&k).cloned()) {
        return Some(shard);
    }
    let shard = Rc::new(fetch_json::<Shard>(&format!("search/i-{k}.json")).await?);
    FETCHED.with(|f| f.borrow_mut().shards.insert(k, shard.clone()));
    Some(shard)
}

async fn text(id: &str) -> Option<Rc<ReportText>> {
    if let Some(text) = FETCHED.with(|f| f.borrow().texts.get(id).cloned()) {
        return Some(text);
    }
    let text = Rc::new(fetch_json::<ReportText>(&format!("search/r-{id}.json")).await?);
    FETCHED.with(|f| f.borrow_mut().texts.insert(id.to_string(), text.clone()));
    Some(text)
}

/// One report's hits.
#[derive(Debug, Clone, PartialEq)]
struct Group {
    id: String,
    title: String,
    place_year: String,
    count: usize,
    hits: Vec<Shown>,
}

#[derive(Debug, Clone, PartialEq)]
struct Shown {
    before: String,
    matched: String,
    after: String,
    place: String,
    link: String,
}

/// What the list shows.
#[derive(Debug, Clone, PartialEq, Default)]
struct View {
    query: String,
    /// A message instead of results (too short, nothing found, cannot load).
    message: Option<String>,
    groups: Vec<Group>,
    /// Reports that may hold the query and are not searched yet, most likely first.
    pending: Vec<usize>,
    /// The other spellings that found some of the hits ("医疗保险" for 医保).
    also: Vec<String>,
    busy: bool,
}

/// Searches `query`: the candidate reports, then the texts of the first `limit` of them.
async fn run(query: String, limit: usize) -> View {
    let mut view = View {
        query: query.clone(),
        ..View::default()
    };
    let terms = Terms::builtin();
    let spellings = query_bigrams(&query, &terms);
    if spellings.is_empty() {
        view.message = Some("请输入至少两个字。".into());
        return view;
    }
    let Some(meta) = meta().await else {
        view.message = Some("搜索没有加载成功，请检查网络后再试。".into());
        return view;
    };
    let mut needed: Vec<u32> = spellings
        .iter()
        .flatten()
        .map(|b| shard_of(b, meta.shards))
        .collect();
    needed.sort_unstable();
    needed.dedup();
    let mut shards: BTreeMap<u32, Rc<Shard>> = BTreeMap::new();
    for k in needed {
        let Some(s) = shard(k).await else {
            view.message = Some("搜索没有加载成功，请检查网络后再试。".into());
            return view;
        };
        shards.insert(k, s);
    }
    let units = candidates(&spellings, |b| {
        shards
            .get(&shard_of(b, meta.shards))
            .and_then(|s| s.get(b))
            .map(|p| decode(p))
            .unwrap_or_default()
    });
    // Reports by how many candidate passages they have, then in the library's order.
    let mut per_report: BTreeMap<usize, usize> = BTreeMap::new();
    for u in units {
        if let Some(r) = meta.report_of(u) {
            *per_report.entry(r).or_default() += 1;
        }
    }
    let mut order: Vec<(usize, usize)> = per_report.into_iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let order: Vec<usize> = order.into_iter().map(|(r, _)| r).collect();
    let (now, later) = order.split_at(order.len().min(limit));
    for &r in now {
        let (id, title, place, year, _, _) = &meta.reports[r];
        let Some(text) = text(id).await else {
            view.message = Some("搜索没有加载成功，请检查网络后再试。".into());
            return view;
        };
        let corpus = text.corpus(terms.clone());
        let found = search(&corpus, &query);
        if found.hits.is_empty() {
            continue;
        }
        for word in &found.also {
            if !view.also.contains(word) {
                view.also.push(word.clone());
            }
        }
        let hits = found
            .hits
            .iter()
            .take(HITS_PER_REPORT)
            .map(|h| {
                let (before, matched, after) = snippet(&corpus, h, CONTEXT);
                let (anchor, place, _) = &text.units[h.unit];
                let anchor = Some(anchor.as_str()).filter(|a| !a.is_empty());
                Shown {
                    before,
                    matched,
                    after,
                    place: place.clone(),
                    link: format!("{id}/{}", to_hash(anchor, &query)),
                }
            })
            .collect();
        let place_year = match (place.is_empty(), *year) {
            (false, 0) => place.clone(),
            (false, y) => format!("{place} · {y}年"),
            (true, 0) => String::new(),
            (true, y) => format!("{y}年"),
        };
        view.groups.push(Group {
            id: id.clone(),
            title: title.clone(),
            place_year,
            count: found.hits.len(),
            hits,
        });
    }
    // The reports searched, most hits first.
    view.groups.sort_by_key(|g| std::cmp::Reverse(g.count));
    view.pending = later.to_vec();
    if view.groups.is_empty() && view.pending.is_empty() {
        view.message = Some(format!(
            "没有找到“{}”。",
            report_core::search::shorten(&query, 16)
        ));
    }
    view
}

#[component]
fn LibrarySearch() -> Html {
    let view = use_state(View::default);
    let generation = use_mut_ref(|| 0u32);
    let limit = use_mut_ref(|| REPORTS_PER_STEP);
    // Every keystroke searches; an answer to an older query is dropped.
    let start = {
        let view = view.clone();
        let generation = generation.clone();
        let limit = limit.clone();
        Rc::new(move |query: String, more: bool| {
            let mine = {
                let mut g = generation.borrow_mut();
                *g += 1;
                *g
            };
            if more {
                *limit.borrow_mut() += REPORTS_PER_STEP;
            } else {
                *limit.borrow_mut() = REPORTS_PER_STEP;
            }
            keep_in_address(&query);
            if query.trim().is_empty() {
                view.set(View::default());
                return;
            }
            let mut busy = (*view).clone();
            busy.busy = true;
            view.set(busy);
            let (view, generation, n) = (view.clone(), generation.clone(), *limit.borrow());
            wasm_bindgen_futures::spawn_local(async move {
                let done = run(query, n).await;
                if *generation.borrow() == mine {
                    view.set(done);
                }
            });
        })
    };
    {
        let start = start.clone();
        use_effect_with((), move |_| {
            let input = document()
                .get_element_by_id(INPUT_ID)
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
            let listener = input.map(|input| {
                if !input.value().trim().is_empty() {
                    start(input.value(), false);
                }
                let target = input.clone();
                EventListener::new(&target, "input", move |_| start(input.value(), false))
            });
            move || drop(listener)
        });
    }
    let more = {
        let start = start.clone();
        let query = view.query.clone();
        Callback::from(move |_: MouseEvent| start(query.clone(), true))
    };
    let total: usize = view.groups.iter().map(|g| g.count).sum();
    let status = if view.query.trim().is_empty() {
        String::new()
    } else if let Some(message) = &view.message {
        message.clone()
    } else if view.busy && view.groups.is_empty() {
        "正在搜索……".to_string()
    } else {
        let also = if view.also.is_empty() {
            String::new()
        } else {
            format!("，包括“{}”的结果", view.also.join("”“"))
        };
        let more = if view.pending.is_empty() {
            String::new()
        } else {
            format!(
                "；另有{}份报告可能含有，见下方“查看更多报告”",
                view.pending.len()
            )
        };
        format!("在{}份报告中找到{total}处{also}{more}", view.groups.len())
    };
    html! {
        <>
            <p class="library-search__status" role="status" data-testid="library-search-status">{ status }</p>
            { for view.groups.iter().map(|g| html! {
                <section class="library-search__group" data-report={g.id.clone()}>
                    <h2 class="library-search__report">
                        <a href={format!("{}/", g.id)}>{ &g.title }</a>
                        <span class="library-search__count">{ format!("{}处", g.count) }</span>
                    </h2>
                    if !g.place_year.is_empty() {
                        <p class="library-search__where">{ &g.place_year }</p>
                    }
                    <ol class="library-search__hits">
                        { for g.hits.iter().map(|h| html! {
                            <li class="library-search__hit">
                                <a class="library-search__link" href={h.link.clone()}>
                                    { "……" }{ &h.before }<mark>{ &h.matched }</mark>{ &h.after }{ "……" }
                                </a>
                                if !h.place.is_empty() {
                                    <span class="library-search__place">{ &h.place }</span>
                                }
                            </li>
                        }) }
                    </ol>
                    if g.count > g.hits.len() {
                        <p class="library-search__more-hits">
                            <a href={format!("{}/{}", g.id, to_hash(None, &view.query))}>
                                { format!("在报告中查看全部{}处", g.count) }
                            </a>
                        </p>
                    }
                </section>
            }) }
            if !view.pending.is_empty() && !view.busy {
                <button type="button" class="control library-search__more" onclick={more}>
                    { format!("查看更多报告（还有{}份可能含有）", view.pending.len()) }
                </button>
            }
        </>
    }
}
