//! The library page (`dist/index.html`) and the line of links each report's page gets
//! (back to the library, the same place in other years, the same year in other places). Yew
//! components drawn on the server only: the library page is plain HTML, read whole without
//! JavaScript; nothing hydrates it.
//!
//! The library page lists reports grouped by place — places by level (全国, 省, 市, 县区, 乡镇,
//! then those whose level is not known), then by name —, each place's reports newest first,
//! each with its level, issuer, year, length, and whether its text is complete (and where it
//! stops). Reports whose place is not known come last, under 其他.

use std::collections::BTreeMap;

use yew::prelude::*;

use super::{Entry, Level, COMPARE_FOLDER, LIBRARY_JSON, TARGETS_CSV, TARGETS_JSON};

/// What the library page shows.
#[derive(Properties, PartialEq, Clone)]
pub struct LibraryProps {
    pub site: String,
    pub entries: Vec<Entry>,
    /// Places whose targets of a year can be read against the next year's report.
    pub reviews: Vec<ReviewSummary>,
    /// Years with an across-places page (`compare/<year>.html`), newest first.
    pub compared: Vec<u32>,
}

/// "2030年目标完成情况：7项中5项达到", under its place.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewSummary {
    pub place: String,
    /// [`super::views::review_summary`].
    pub words: String,
    /// The table on the later report's page, from the library page.
    pub link: String,
}

/// The places of `entries` in the library's order, each with its reports newest first.
pub fn by_place(entries: &[Entry]) -> Vec<(Option<String>, Vec<&Entry>)> {
    // Known levels in their order, then places whose level is not known, then no place.
    type Key = (bool, bool, Option<Level>, Option<String>);
    let mut places: BTreeMap<Key, Vec<&Entry>> = BTreeMap::new();
    for e in entries {
        let level = e.level();
        let key = (e.place.is_none(), level.is_none(), level, e.place.clone());
        places.entry(key).or_default().push(e);
    }
    places
        .into_iter()
        .map(|((_, _, _, place), mut reports)| {
            reports.sort_by(|a, b| b.year.cmp(&a.year).then(a.title.cmp(&b.title)));
            (place, reports)
        })
        .collect()
}

/// "2031年 · 省 · 青岚省省长　林木森 · 566字 · 7项目标": what a report is, in one line.
pub fn facts_line(e: &Entry) -> String {
    let mut parts = Vec::new();
    if let Some(year) = e.year {
        parts.push(format!("{year}年"));
    }
    if let Some(level) = e.level {
        parts.push(level.to_string());
    }
    if let Some(issuer) = &e.issuer {
        parts.push(format!("报告人：{issuer}"));
    }
    parts.push(format!("{}字", e.characters));
    if e.targets > 0 {
        parts.push(format!("{}项主要目标", e.targets));
    }
    parts.join(" · ")
}

#[component]
pub fn LibraryPage(props: &LibraryProps) -> Html {
    let groups = by_place(&props.entries);
    // A report's place in the list as built, for the filters to put it back.
    let built_order: Vec<&str> = groups
        .iter()
        .flat_map(|(_, reports)| reports.iter().map(|e| e.id.as_str()))
        .collect();
    let order = |e: &Entry| built_order.iter().position(|id| *id == e.id).unwrap_or(0);
    let places = groups.iter().filter(|(p, _)| p.is_some()).count();
    let mut years: Vec<u32> = props.entries.iter().filter_map(|e| e.year).collect();
    years.sort_unstable();
    let span = match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!(" · {a}—{b}年"),
        (Some(a), _) => format!(" · {a}年"),
        _ => String::new(),
    };
    html! {
        <div class="library">
            <a class="skip-link" href="#library-list">{ "跳到报告列表" }</a>
            <header class="library__header">
                <h1 class="library__title">{ &props.site }</h1>
                <p class="library__summary">
                    { format!("{}份报告 · {}个地方{span}", props.entries.len(), places) }
                </p>
                <p class="library__intro">
                    { "各地、各年份的政府工作报告，按地方分组，新的在前。可以搜索全部报告，对照各地的主要目标，查看上一年目标的完成情况。" }
                </p>
                <p class="library__downloads">
                    { "下载全部目标与实绩：" }
                    <a href={TARGETS_CSV} download="">{ "CSV 表格" }</a>
                    { " · " }
                    <a href={TARGETS_JSON} download="">{ "JSON" }</a>
                    { "；报告目录：" }
                    <a href={LIBRARY_JSON} download="">{ "JSON" }</a>
                </p>
                if !props.compared.is_empty() {
                    <p class="library__downloads">
                        { "各地主要目标对比：" }
                        { for props.compared.iter().map(|year| html! {
                            <>
                                <a href={format!("{COMPARE_FOLDER}/{year}.html")}>{ format!("{year}年") }</a>
                                { "　" }
                            </>
                        }) }
                    </p>
                }
            </header>
            // Needs the search module: hidden without JavaScript (no-app.css).
            <div class="library-search" role="search">
                <label class="library-search__label" for="library-search-input">{ "搜索全部报告" }</label>
                <input id="library-search-input" class="library-search__input" type="search"
                    placeholder="例如：医保、粮食产量" autocomplete="off" enterkeyhint="search" />
                <div id="library-search-results" class="library-search__results" aria-live="polite"></div>
            </div>
            // Needs the search module too: hidden without JavaScript (no-app.css).
            { filter_form(&props.entries) }
            <main id="library-list" class="library__list" tabindex="-1">
                if props.entries.is_empty() {
                    <p class="library__empty">{ "这个报告库还没有报告。" }</p>
                }
                { for groups.iter().enumerate().map(|(n, (place, reports))| {
                    let heading = format!("library-place-{n}");
                    let level = reports.first().and_then(|e| e.level);
                    html! {
                        <section class="library__place" aria-labelledby={heading.clone()}>
                            <h2 id={heading} class="library__place-name">
                                { place.clone().unwrap_or_else(|| "其他".into()) }
                                if let (Some(level), Some(place)) = (level, place) {
                                    if level != place.as_str() {
                                        { super::views::level_badge(level) }
                                    }
                                }
                            </h2>
                            { for props.reviews.iter().filter(|r| Some(&r.place) == place.as_ref()).map(|r| html! {
                                <p class="library__review">
                                    <a href={r.link.clone()}>{ &r.words }</a>
                                </p>
                            }) }
                            <ul id={format!("library-group-{n}")} class="library__reports" role="list">
                                { for reports.iter().map(|e| report_item(e, n, order(e))) }
                            </ul>
                        </section>
                    }
                }) }
                // The list in one order (newest first, longest first), filled by the filters.
                <ol id="library-flat" class="library__reports library__flat" hidden=true></ol>
            </main>
        </div>
    }
}

/// The filters and the sort (report-tools' `library_filter` runs them): every year, level and
/// place the library has.
fn filter_form(entries: &[Entry]) -> Html {
    let mut years: Vec<u32> = entries.iter().filter_map(|e| e.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let levels: Vec<&str> = Level::ALL
        .iter()
        .map(|l| l.name())
        .filter(|l| entries.iter().any(|e| e.level == Some(*l)))
        .collect();
    let places: Vec<String> = by_place(entries)
        .into_iter()
        .filter_map(|(p, _)| p)
        .collect();
    let field = |name: &'static str,
                 label: &'static str,
                 all: &'static str,
                 options: Vec<(String, String)>| {
        let id = format!("library-filter-{name}");
        html! {
            <p class="library-filter__field">
                <label for={id.clone()}>{ label }</label>
                <select id={id} name={name}>
                    <option value="">{ all }</option>
                    { for options.into_iter().map(|(value, text)| html! { <option value={value}>{ text }</option> }) }
                </select>
            </p>
        }
    };
    html! {
        <form id="library-filter" class="library-filter" aria-label="筛选报告">
            { field("year", "年份", "全部年份", years.iter().map(|y| (y.to_string(), format!("{y}年"))).collect()) }
            { field("level", "级别", "全部级别", levels.iter().map(|l| (l.to_string(), l.to_string())).collect()) }
            { field("place", "地方", "全部地方", places.iter().map(|p| (p.clone(), p.clone())).collect()) }
            { field("sort", "排序", "按地方", vec![("year".into(), "按年份，新的在前".into()), ("length".into(), "按篇幅，长的在前".into())]) }
            <p id="library-filter-count" class="library-filter__count" role="status"></p>
        </form>
    }
}

fn report_item(e: &Entry, group: usize, order: usize) -> Html {
    let year = e.year.map(|y| y.to_string()).unwrap_or_default();
    html! {
        <li class="library-report" data-year={year} data-level={e.level.unwrap_or_default()}
            data-place={e.place.clone().unwrap_or_default()}
            data-characters={e.characters.to_string()}
            data-group={format!("library-group-{group}")} data-order={order.to_string()}>
            <a class="library-report__title" href={e.address.clone()}>{ &e.title }</a>
            <p class="library-report__facts">{ facts_line(e) }</p>
            if let Some(stops) = &e.stops_at {
                <p class="library-report__incomplete">
                    { format!("文本不完整，止于“……{stops}”") }
                </p>
            }
        </li>
    }
}

/// A link: (address from a report's page, label).
pub type Link = (String, String);

/// The reports next to one: the same place in other years, the same year in other places.
#[derive(Properties, PartialEq, Clone)]
pub struct NeighboursProps {
    pub site: String,
    pub this: Entry,
    pub same_place: Vec<Link>,
    pub same_year: Vec<Link>,
    /// The words and address of the link to a table of targets against results: last year's
    /// below this report, or this year's below the next year's report
    /// ([`super::views::Review`]).
    pub review: Option<(String, String)>,
}

/// The line of links above a report in a library.
#[component]
pub fn Neighbours(props: &NeighboursProps) -> Html {
    let list = |label: &str, links: &[Link]| {
        if links.is_empty() {
            return html! {};
        }
        html! {
            <p class="library-nav__group">
                <span class="library-nav__label">{ label }</span>
                { for links.iter().map(|(href, text)| html! {
                    <a class="library-nav__link" href={href.clone()}>{ text }</a>
                }) }
            </p>
        }
    };
    let place = props.this.place.clone().unwrap_or_default();
    let year = props
        .this
        .year
        .map(|y| format!("{y}年"))
        .unwrap_or_default();
    html! {
        <nav class="library-nav" aria-label="报告库">
            // First on the page, as on a report of its own: the text is one key away.
            <a class="skip-link" href="#report">{ "跳到正文" }</a>
            <a class="library-nav__home" href="../">{ format!("‹ {}", props.site) }</a>
            { list(&format!("{place}其他年份："), &props.same_place) }
            { list(&format!("{year}其他地方："), &props.same_year) }
            if let Some((words, href)) = &props.review {
                <p class="library-nav__group">
                    <a class="library-nav__link" href={href.clone()}>{ words }</a>
                </p>
            }
        </nav>
    }
}

/// The neighbours of `this` among `entries`: the same place, other years (by year), and the
/// same year, other places (in the library's order); links relative to a report's page.
pub fn neighbours(this: &Entry, entries: &[Entry]) -> (Vec<Link>, Vec<Link>) {
    let link = |e: &Entry, label: String| (format!("../{}", e.address), label);
    let mut same_place: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.id != this.id && e.place.is_some() && e.place == this.place)
        .collect();
    same_place.sort_by_key(|e| (e.year, e.title.clone()));
    let same_place = same_place
        .into_iter()
        .map(|e| {
            let label = e
                .year
                .map(|y| format!("{y}年"))
                .unwrap_or_else(|| e.title.clone());
            link(e, label)
        })
        .collect();
    let same_year = by_place(entries)
        .into_iter()
        .flat_map(|(_, reports)| reports)
        .filter(|e| {
            e.id != this.id && e.year.is_some() && e.year == this.year && e.place != this.place
        })
        .map(|e| link(e, e.place.clone().unwrap_or_else(|| e.title.clone())))
        .collect();
    (same_place, same_year)
}
