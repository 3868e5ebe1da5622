//! The built page: the rewrites of Trunk's `index.html` that the `prerender` step makes. Pure:
//! each takes the page's text and gives the new text (and the files to write beside it);
//! `src/bin/prerender.rs` reads and writes the files, and decides the order.
//!
//! - A strict Content-Security-Policy ([`strict`]; the policy itself is [`crate::policy`]):
//!   Trunk's inline start-up script moves to a file, and 字号's pre-paint script goes inline,
//!   allowed by its hash ([`with_head_script`]).
//! - The modules of the reader's tools announced to `static/boot.js` ([`with_tools_modules`]).
//! - The app starts after the first paint ([`with_deferred_start`]).
//! - One stylesheet instead of one per component ([`with_one_stylesheet`]).
//! - The page's title, description and Open Graph tags ([`preview_of`], [`with_preview`]).
//! - The links to the web app manifest and Apple's touch icon ([`with_manifest`]; the files
//!   are [`crate::offline`]'s and [`crate::icons`]').
//! - The report as HTML inside `#app`, drawn by the app's own components on the server
//!   ([`with_prerendered`]), so the text is in the first paint and readable without
//!   JavaScript; the app hydrates it.
//! - The report file as a data block,
//!   `<script type="application/json" id="report-data">…</script>` ([`with_report_data`]), or,
//!   in a release, an empty block naming the file beside the page that holds it
//!   ([`with_report_data_file`]): the browser never runs it, the app reads it at start-up
//!   (`report-app`'s `data.rs`). The wasm carries code only, the same for every report
//!   (docs/size-budget.md).
//!
//! Every rewrite reads the page with a real HTML tokenizer (lol_html, `crate::markup`): a `>`
//! inside a quoted attribute, a tag inside a comment or a script, `<linkx>`, upper case and
//! minified attributes are read as a browser reads them, and every byte that is not rewritten
//! stays as it was.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::markup::{
    self, attribute, attribute_value, comments, element, end_tag, noscript_content, text,
    ContentType, Element,
};
use crate::offline::MANIFEST;
use crate::policy::{policy_with_scripts, CSP};
use report_core::markup::{MODULE_META, TOOLS_MODULES};

pub use report_core::markup::{APP_ROOT_ID, REPORT_DATA_ID, REPORT_FILE_NAME};

/// The id of the start-up message (正在加载报告……) in `index.html`, which `static/boot.js`
/// also uses to report a failure.
const BOOT_ID: &str = "boot";

/// The start-up message once the page holds the report's HTML: empty and hidden.
const BOOT_BUILT: &str = "<p id=\"boot\" class=\"boot\" role=\"status\" hidden></p>";

/// What a reader without JavaScript is told once the page holds the report's HTML.
const NO_SCRIPT_BUILT: &str =
    "<p class=\"boot\">搜索、全部数据卡片、图表和下载需要启用 JavaScript。报告正文在下面。</p>";

/// `html` with `app` (the app's server-rendered HTML) inside its empty `#app` element. The
/// start-up message (`#boot`, 正在加载报告……) is emptied and hidden: the text is there at
/// once, and `static/boot.js` still uses the element to report a failure. The note in the
/// body's `<noscript>` says what a reader without JavaScript misses (the `<noscript>` in
/// `<head>` links the no-script stylesheet and stays). Works on the page as Trunk wrote it,
/// minified or not.
pub fn with_prerendered(html: &str, app: &str) -> Result<String, String> {
    let root = format!("#{APP_ROOT_ID}");
    let (has_root, root_holds) = (Cell::new(false), Cell::new(false));
    let (has_boot, in_body, has_note) = (Cell::new(false), Cell::new(false), Cell::new(false));
    let note_ends = Rc::new(Cell::new(false));
    let out = markup::rewrite(
        html,
        vec![
            element!(root, |el| {
                if !has_root.replace(true) {
                    el.set_inner_content(app, ContentType::Html);
                }
                Ok(())
            }),
            // What #app held before: its elements, text and comments.
            element!(format!("{root} *"), |_| {
                root_holds.set(true);
                Ok(())
            }),
            text!(root, |chunk| {
                if !chunk.as_str().is_empty() {
                    root_holds.set(true);
                }
                Ok(())
            }),
            comments!(root, |_| {
                root_holds.set(true);
                Ok(())
            }),
            element!(format!("#{BOOT_ID}"), |el| {
                if !has_boot.replace(true) {
                    el.replace(BOOT_BUILT, ContentType::Html);
                }
                Ok(())
            }),
            element!("body", |_| {
                in_body.set(true);
                Ok(())
            }),
            element!("noscript", |el| {
                if in_body.get() && !has_note.replace(true) {
                    el.set_inner_content(NO_SCRIPT_BUILT, ContentType::Html);
                    let ends = note_ends.clone();
                    el.on_end_tag(end_tag!(move |_| {
                        ends.set(true);
                        Ok(())
                    }))?;
                }
                Ok(())
            }),
        ],
    )?;
    if !has_root.get() {
        return Err("the page has no #app element".into());
    }
    if root_holds.get() {
        return Err("#app is not empty: the page holds its HTML already".into());
    }
    if !has_boot.get() {
        return Err("the page has no #boot message".into());
    }
    if !in_body.get() {
        return Err("the page has no <body>".into());
    }
    if !has_note.get() {
        return Err("the page's body has no <noscript>".into());
    }
    if !note_ends.get() {
        return Err("the page's <noscript> is not closed".into());
    }
    Ok(out)
}

/// `html` for a page one folder below the site's root (a report of a library, `<id>/`): each
/// relative `href` of a `<link>` — the manifest, Apple's icon, the no-script stylesheet, also
/// inside `<noscript>` — gets `../`, so that every report shares the site's one copy. Paths
/// from the root (`/…`, Trunk's files under its public address), `#…` and `data:` stay.
pub fn one_folder_down(html: &str) -> Result<String, String> {
    markup::rewrite(
        html,
        vec![
            element!("link[href]", |el| {
                let href = attribute_value(el, "href").unwrap_or_default();
                let relative =
                    !href.is_empty() && !href.starts_with(['/', '#']) && !href.contains(':');
                if relative {
                    el.set_attribute("href", &format!("../{href}"))?;
                }
                Ok(())
            }),
            noscript_content(one_folder_down),
        ],
    )
}

/// `html` with `content` (markup) right after its `#app` element (a library's table below the
/// report: outside what the app hydrates).
pub fn after_app(html: &str, content: &str) -> Result<String, String> {
    let placed = Cell::new(false);
    let out = markup::rewrite(
        html,
        vec![element!(format!("#{APP_ROOT_ID}"), |el| {
            if !placed.replace(true) {
                el.after(content, ContentType::Html);
            }
            Ok(())
        })],
    )?;
    if !placed.get() {
        return Err("the page has no #app element".into());
    }
    Ok(out)
}

/// `html` with `content` (markup) right after its `<body>` start tag.
pub fn at_start_of_body(html: &str, content: &str) -> Result<String, String> {
    let placed = Cell::new(false);
    let out = markup::rewrite(
        html,
        vec![element!("body", |el| {
            if !placed.replace(true) {
                el.prepend(content, ContentType::Html);
            }
            Ok(())
        })],
    )?;
    if !placed.get() {
        return Err("the page has no <body>".into());
    }
    Ok(out)
}

/// The library page from the built page's shell (after [`strict`], [`with_deferred_start`],
/// [`with_one_stylesheet`], [`with_head_script`], [`with_tools_modules`] and
/// [`with_manifest`]): `markup` inside `#app`, the title and preview set to `title`, and
/// nothing of the report app — no start-up module, no modules of the reader's tools, no
/// start-up message, no note for readers without JavaScript (the page is all HTML).
/// `static/boot.js` stays: it registers the service worker, and finds nothing to start.
///
/// With `search_base` (the site's public address), the page announces the library's search
/// module to `static/boot.js` as the tools' modules are announced: loaded on the first press
/// or focus of [`LIBRARY_SEARCH_INPUT`].
pub fn as_library_page(
    shell: &str,
    markup_html: &str,
    title: &str,
    search_base: Option<&str>,
) -> Result<String, String> {
    let root = format!("#{APP_ROOT_ID}");
    let placed = Cell::new(false);
    let module = search_base
        .map(|base| {
            format!(
                "<meta name=\"{MODULE_META}\" content=\"{base}{LIBRARY_MODULE}.js\" \
                 data-wasm=\"{base}{LIBRARY_MODULE}_bg.wasm\" data-press=\"{LIBRARY_SEARCH_INPUT}\" \
                 data-name=\"{LIBRARY_MODULE}\" data-on-address>",
                base = attribute(base),
            )
        })
        .unwrap_or_default();
    let page = markup::rewrite(
        shell,
        vec![
            element!("title", |el| {
                el.after(&module, ContentType::Html);
                Ok(())
            }),
            element!(format!("meta[name=\"{APP_START}\"]"), |el| {
                el.remove();
                Ok(())
            }),
            element!(format!("meta[name=\"{MODULE_META}\"]"), |el| {
                el.remove();
                Ok(())
            }),
            element!(format!("#{BOOT_ID}"), |el| {
                el.remove();
                Ok(())
            }),
            element!("body noscript", |el| {
                el.remove();
                Ok(())
            }),
            element!(root, |el| {
                if !placed.replace(true) {
                    el.set_inner_content(markup_html, ContentType::Html);
                }
                Ok(())
            }),
        ],
    )?;
    if !placed.get() {
        return Err("the page has no #app element".into());
    }
    with_preview(
        &page,
        title,
        &format!("{title}：按地方和年份排列的政府工作报告"),
    )
}

/// The library page's search module (report-tools' `report-library`).
pub const LIBRARY_MODULE: &str = "report-library";

/// The library page's search box and filters, whose first press or focus loads
/// [`LIBRARY_MODULE`] (also loaded at once when the address holds a filter).
pub const LIBRARY_SEARCH_INPUT: &str = "#library-search-input,#library-filter select";

/// The name of the `<meta>` that names the app's start-up module in a release page
/// ([`with_deferred_start`]); `static/boot.js` starts it.
pub const APP_START: &str = "app-start";

/// `html` with the app's start-up module started after the first paint instead of during the
/// page's load: the module script (`<script type="module" src="…">`) becomes
/// `<meta name="app-start" content="…">`, which `static/boot.js` turns back into the script
/// once the page is on screen, and the preloads of the wasm and its glue go. The page shows
/// its prerendered text first; on a slow network the wasm no longer competes with the
/// stylesheet for the first paint. Exactly one module script is expected.
pub fn with_deferred_start(html: &str) -> Result<String, String> {
    let (modules, inline) = (Cell::new(0), Cell::new(false));
    let out = markup::rewrite(
        html,
        vec![
            element!("script", |el| {
                if attribute_value(el, "type").as_deref() == Some("module") {
                    modules.set(modules.get() + 1);
                    match attribute_value(el, "src") {
                        Some(src) => el.replace(
                            &format!(
                                "<meta name=\"{APP_START}\" content=\"{}\">",
                                attribute(&src)
                            ),
                            ContentType::Html,
                        ),
                        None => inline.set(true),
                    }
                }
                Ok(())
            }),
            element!("link", |el| {
                let rel = attribute_value(el, "rel");
                if matches!(rel.as_deref(), Some("modulepreload" | "preload")) {
                    el.remove();
                }
                Ok(())
            }),
        ],
    )?;
    if inline.get() {
        return Err("the start-up module is inline: run `strict` first".into());
    }
    if modules.get() != 1 {
        return Err(format!(
            "the page has {} start-up modules, not one",
            modules.get()
        ));
    }
    Ok(out)
}

/// `html` with an empty data block that names the file holding the report (`data-src`), and
/// that file's name (`report-data-<hash>.json`, to be written beside the page with `json`).
/// For the release page: its first bytes are its text (docs/size-budget.md); static/boot.js
/// fetches the file and fills the block before it starts the app, and the single file puts it
/// back inside.
/// `folder` is where the page is under `base` (`""`, or `<id>/` for a report of a library).
pub fn with_report_data_file(
    html: &str,
    json: &str,
    base: &str,
    folder: &str,
) -> Result<(String, String), String> {
    let name = format!("report-data-{}.json", crate::content_hash(json.as_bytes()));
    let html = with_data_block(html, base, Some(&format!("{base}{folder}{name}")), "")?;
    Ok((html, name))
}

/// `html` with the report file `json` written before `</body>`. Every `<` of the JSON becomes
/// `\u003c` (the same JSON to a parser), so nothing in a report's text can close the block.
/// `base` is the site's public address (`/` or `/sub/path/`), kept as the block's `data-base`
/// for what the app loads later (the reading worker).
pub fn with_report_data(html: &str, json: &str, base: &str) -> Result<String, String> {
    with_data_block(html, base, None, &json.replace('<', "\\u003c"))
}

/// `html` with the data block before `</body>`: `content` inside, or (`src`) empty and naming
/// the file that holds it.
fn with_data_block(
    html: &str,
    base: &str,
    src: Option<&str>,
    content: &str,
) -> Result<String, String> {
    let held = Cell::new(false);
    markup::rewrite(
        html,
        vec![element!(format!("#{REPORT_DATA_ID}"), |_| {
            held.set(true);
            Ok(())
        })],
    )?;
    if held.get() {
        return Err("the page already holds a report".into());
    }
    let src = src
        .map(|src| format!(" data-src=\"{}\"", attribute(src)))
        .unwrap_or_default();
    let block = format!(
        "<script type=\"application/json\" id=\"{REPORT_DATA_ID}\" data-base=\"{}\"{src}>{content}</script>",
        attribute(base),
    );
    markup::at_end_of_body(html, &block)?.ok_or_else(|| "the page has no </body>".to_string())
}

/// A page made to run under [`CSP`], and the script files it now needs.
#[derive(Debug, PartialEq)]
pub struct Strict {
    pub html: String,
    /// (file name, content) of each script that was inline.
    pub scripts: Vec<(String, String)>,
}

/// `html` (as Trunk wrote it) made to run under [`CSP`]: every inline script that would run —
/// Trunk's module that starts the wasm — moves to a file named after its content's hash
/// (`inline-<hash>.js` under `base`), and the policy goes in `<head>`, right after the
/// charset, as a `<meta http-equiv>`. A `style` attribute or a `<style>` element stops the
/// build (in a `<noscript>` too): the policy would refuse it. Data blocks
/// (`type="application/json"`) stay.
pub fn strict(html: &str, base: &str) -> Result<Strict, String> {
    refuse_inline_styles(html)?;
    let scripts = Rc::new(RefCell::new(Vec::new()));
    // The text of the inline script being read, while it is.
    let gathering: Rc<RefCell<Option<String>>> = Rc::default();
    let base = attribute(base);
    let out = markup::rewrite(
        html,
        vec![
            element!("script", |el| {
                let kind = attribute_value(el, "type").unwrap_or_default();
                let runs = matches!(kind.as_str(), "" | "module" | "text/javascript");
                if !runs || el.has_attribute("src") {
                    return Ok(());
                }
                // The whole element goes; its file's tag takes its place at its end, once its
                // text (and so the file's name) is known.
                el.remove();
                *gathering.borrow_mut() = Some(String::new());
                let kind = if kind == "module" {
                    " type=\"module\""
                } else {
                    ""
                };
                let (scripts, gathering, base) = (scripts.clone(), gathering.clone(), base.clone());
                el.on_end_tag(end_tag!(move |end| {
                    let content = gathering.borrow_mut().take().unwrap_or_default();
                    let name = format!("inline-{}.js", crate::content_hash(content.as_bytes()));
                    end.replace(
                        &format!("<script{kind} src=\"{base}{name}\"></script>"),
                        ContentType::Html,
                    );
                    scripts.borrow_mut().push((name, content));
                    Ok(())
                }))
            }),
            text!("script", |chunk| {
                if let Some(content) = gathering.borrow_mut().as_mut() {
                    content.push_str(chunk.as_str());
                }
                Ok(())
            }),
        ],
    )?;
    if gathering.borrow().is_some() {
        return Err("a <script> element does not end".into());
    }
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">");
    let html = first_in_head(&out, &meta)?;
    let scripts = scripts.take();
    Ok(Strict { html, scripts })
}

/// An error when `html` has a `<style>` element or a `style` attribute, in a `<noscript>` too.
fn refuse_inline_styles(html: &str) -> Result<(), String> {
    let (element, attribute) = (Cell::new(false), Cell::new(false));
    markup::rewrite(
        html,
        vec![
            element!("style", |_| {
                element.set(true);
                Ok(())
            }),
            element!("*", |el| {
                if el.has_attribute("style") {
                    attribute.set(true);
                }
                Ok(())
            }),
            noscript_content(|inner| refuse_inline_styles(inner).map(|()| inner.to_string())),
        ],
    )?;
    if element.get() {
        return Err("the page has a <style> element, which the CSP refuses".into());
    }
    if attribute.get() {
        return Err("the page has a style=\"…\" attribute, which the CSP refuses".into());
    }
    Ok(())
}

/// `html` with `tag` first in its `<head>`, but after the charset, which must come first: right
/// after the `<meta charset>`, else after the `<head>` start tag, else (a minified page has no
/// `<head>` tag) after `<html>`.
fn first_in_head(html: &str, tag: &str) -> Result<String, String> {
    for (selector, after) in [("meta[charset]", true), ("head", false), ("html", false)] {
        let placed = Cell::new(false);
        let out = markup::rewrite(
            html,
            vec![element!(selector, |el| {
                if !placed.replace(true) {
                    if after {
                        el.after(tag, ContentType::Html);
                    } else {
                        el.prepend(tag, ContentType::Html);
                    }
                }
                Ok(())
            })],
        )?;
        if placed.get() {
            return Ok(out);
        }
    }
    Err("the page has no <head>".into())
}

/// Whether `element` is the page's Content-Security-Policy, `<meta http-equiv>`.
pub(crate) fn is_policy(element: &Element) -> bool {
    element.tag_name() == "meta"
        && attribute_value(element, "http-equiv")
            .is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy"))
}

/// `html` with `code` as an inline script in its `<head>` after the stylesheets: before the
/// head's `<noscript>` (else right after its `<title>`; a minified page has no `</head>`), and
/// the page's policy,
/// when it has one, allowing exactly that script by its hash ([`policy_with_scripts`]). For
/// 字号's pre-paint script (`report_core::display::pre_paint_script`): it must run before the
/// first paint, and as a file it would be one more render-blocking request (Lighthouse: FCP
/// 753 → 1,064 ms).
pub fn with_head_script(html: &str, code: &str) -> Result<String, String> {
    if code.to_ascii_lowercase().contains("</script") {
        return Err("the script contains </script and cannot go inline".into());
    }
    let script = format!("<script>{code}</script>");
    // Where it goes: before the head's <noscript> when there is one (after the stylesheets,
    // where a script does not hold up the first paint), else after the title.
    let noscript_in_head = html
        .find("<noscript")
        .is_some_and(|at| html.find("<body").is_none_or(|body| at < body));
    let (placed, extended) = (Cell::new(false), Cell::new(false));
    let html = markup::rewrite(
        html,
        vec![
            // (A minified page has no <head> tag to select by: the first <noscript> is the
            // head's when it comes before the body.)
            element!("noscript, title", |el| {
                let here = if noscript_in_head {
                    el.tag_name() == "noscript"
                } else {
                    el.tag_name() == "title"
                };
                if here && !placed.replace(true) {
                    if el.tag_name() == "noscript" {
                        el.before(&script, ContentType::Html);
                    } else {
                        el.after(&script, ContentType::Html);
                    }
                }
                Ok(())
            }),
            element!("meta", |el| {
                if !extended.get()
                    && is_policy(el)
                    && el.get_attribute("content").as_deref() == Some(CSP)
                {
                    extended.set(true);
                    el.set_attribute("content", &policy_with_scripts(&[code]))?;
                }
                Ok(())
            }),
        ],
    )?;
    if !placed.get() {
        return Err("the page has no <title>".into());
    }
    Ok(html)
}

/// `html` with a `<meta name="module">` in its `<head>` for each module of the reader's tools
/// (`report_core::markup::TOOLS_MODULES`): the glue's address under `base` (`content`), the
/// wasm's (`data-wasm`), the selector of its buttons (`data-press`), the storage prefix that
/// loads it at start (`data-stored`) and its name (`data-name`). `static/boot.js` reads them;
/// it keeps no name of its own.
pub fn with_tools_modules(html: &str, base: &str) -> Result<String, String> {
    let metas: String = TOOLS_MODULES
        .iter()
        .map(|m| {
            let stored = m
                .stored
                .map(|s| format!(" data-stored=\"{}\"", attribute(s)))
                .unwrap_or_default();
            format!(
                "<meta name=\"{MODULE_META}\" content=\"{base}{name}.js\" data-wasm=\"{base}{name}_bg.wasm\" \
                 data-press=\"{}\" data-name=\"{name}\"{stored}>",
                attribute(&m.press()),
                base = attribute(base),
                name = m.name,
            )
        })
        .collect();
    let placed = Cell::new(false);
    let out = markup::rewrite(
        html,
        vec![element!("title", |el| {
            if !placed.replace(true) {
                el.after(&metas, ContentType::Html);
            }
            Ok(())
        })],
    )?;
    if !placed.get() {
        return Err("the page has no <title>".into());
    }
    Ok(out)
}

/// The page with its stylesheets as one: `read` gives a stylesheet's text by the file name its
/// link names (relative to `base`). The styles are joined in their order into
/// `style-<hash>.css`, whose one link takes the place of the first; the others go. Returns the
/// page, the joined file's name and text, and the names of the files it replaces (to delete).
pub fn with_one_stylesheet(
    html: &str,
    base: &str,
    read: impl Fn(&str) -> Result<String, String>,
) -> Result<(String, String, String, Vec<String>), String> {
    // Trunk's stylesheets, named from the site's address; a link of the page's own (the
    // no-script stylesheet, relative, in a <noscript>) stays as it is.
    let named = |el: &Element| -> Result<Option<String>, String> {
        if attribute_value(el, "rel").as_deref() != Some("stylesheet") {
            return Ok(None);
        }
        let href = attribute_value(el, "href").ok_or("a stylesheet link has no href")?;
        Ok(href.strip_prefix(base).map(str::to_string))
    };
    let links = RefCell::new(Vec::new());
    markup::rewrite(
        html,
        vec![element!("link", |el| {
            links.borrow_mut().extend(named(el)?);
            Ok(())
        })],
    )?;
    let links = links.take();
    if links.is_empty() {
        return Err("the page has no stylesheet".into());
    }
    let mut css = String::new();
    for name in &links {
        css.push_str(&format!("/* {name} */\n"));
        css.push_str(&read(name)?);
        css.push('\n');
    }
    let bundle = format!("style-{}.css", crate::content_hash(css.as_bytes()));
    let one = format!(
        "<link rel=\"stylesheet\" href=\"{}{bundle}\">",
        attribute(base)
    );
    let first = Cell::new(true);
    let out = markup::rewrite(
        html,
        vec![element!("link", |el| {
            if named(el)?.is_some() {
                if first.replace(false) {
                    el.replace(&one, ContentType::Html);
                } else {
                    el.remove();
                }
            }
            Ok(())
        })],
    )?;
    Ok((out, bundle, css, links))
}

/// `html` with a link to the manifest and, when there is one, to Apple's touch icon (a file
/// beside the page), before its `<title>`.
pub fn with_manifest(html: &str, apple_icon: Option<&str>) -> Result<String, String> {
    let apple = apple_icon
        .map(|name| {
            format!(
                "<link rel=\"apple-touch-icon\" href=\"{}\">",
                attribute(name)
            )
        })
        .unwrap_or_default();
    let links = format!("<link rel=\"manifest\" href=\"{MANIFEST}\">{apple}");
    let placed = Cell::new(false);
    let out = markup::rewrite(
        html,
        vec![element!("title", |el| {
            if !placed.replace(true) {
                el.before(&links, ContentType::Html);
            }
            Ok(())
        })],
    )?;
    if !placed.get() {
        return Err("the page has no <title>".into());
    }
    Ok(out)
}

/// Longest description, in characters: what a search result or a link preview shows.
const DESCRIPTION_CHARS: usize = 120;

/// What a link to the page previews: the report's title, and the start of its text (its opening,
/// else its first section) as the description, cut at `DESCRIPTION_CHARS` (120) with "……".
pub fn preview_of(report: &report_core::Report) -> (String, String) {
    let text = if report.opening.trim().is_empty() {
        report
            .sections()
            .into_iter()
            .map(|s| format!("{}{}", s.full_heading(), s.body))
            .find(|t| !t.trim().is_empty())
            .unwrap_or_default()
    } else {
        report.opening.clone()
    };
    let text: String = text.split('\n').collect::<Vec<_>>().join("");
    let description = if text.chars().count() > DESCRIPTION_CHARS {
        format!(
            "{}……",
            text.chars().take(DESCRIPTION_CHARS).collect::<String>()
        )
    } else {
        text
    };
    (report.title.clone(), description)
}

/// `html` with the page's `<title>` replaced by `title`, followed by the description and the
/// Open Graph tags (title, description, type) for link previews.
pub fn with_preview(html: &str, title: &str, description: &str) -> Result<String, String> {
    let (t, d) = (text(title), attribute(description));
    let tags = format!(
        "<title>{t}</title><meta name=\"description\" content=\"{d}\">\
         <meta property=\"og:title\" content=\"{}\"><meta property=\"og:description\" content=\"{d}\">\
         <meta property=\"og:type\" content=\"article\">",
        attribute(title)
    );
    let placed = Cell::new(false);
    let ends = Rc::new(Cell::new(false));
    let out = markup::rewrite(
        html,
        vec![element!("title", |el| {
            if placed.replace(true) {
                return Ok(());
            }
            el.replace(&tags, ContentType::Html);
            let ends = ends.clone();
            el.on_end_tag(end_tag!(move |_| {
                ends.set(true);
                Ok(())
            }))
        })],
    )?;
    if !placed.get() {
        return Err("the page has no <title>".into());
    }
    if !ends.get() {
        return Err("the page's <title> does not end".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offline::on_demand;
    use crate::policy::hash_source;

    #[test]
    fn the_apps_html_goes_into_app_and_the_start_up_message_goes() {
        let page = "<html><head><noscript><link rel=stylesheet href=no-app.css></noscript></head>\
            <body><p class=boot id=boot role=status>正在加载报告……</p>\
            <noscript><p class=boot>本页需要启用 JavaScript 才能显示报告。</p></noscript>\
            <div id=app></div><script src=/boot.js></script></body></html>";
        let built = with_prerendered(page, "<main>正文</main>").unwrap();
        assert!(
            built.contains("<div id=app><main>正文</main></div>"),
            "{built}"
        );
        assert!(built.contains("<p id=\"boot\" class=\"boot\" role=\"status\" hidden></p>"));
        assert!(!built.contains("正在加载"));
        assert!(built.contains("<noscript><link rel=stylesheet href=no-app.css></noscript>"));
        assert!(built.contains(&format!("<noscript>{NO_SCRIPT_BUILT}</noscript>")));
        // Twice is refused: the page holds its HTML already.
        assert!(with_prerendered(&built, "x").is_err());
        assert!(with_prerendered(&page.replace("<div id=app>", "<div id=app>x"), "x").is_err());
        assert!(
            with_prerendered(&page.replace("<div id=app>", "<div id=app><!---->"), "x").is_err()
        );
        assert!(with_prerendered("<body></body>", "x").is_err());
    }

    #[test]
    fn the_app_and_the_note_are_found_as_a_browser_finds_them() {
        // As Trunk writes a debug page: quoted, indented, with comments that name the elements.
        let page = "<!doctype html>\n<html lang=\"zh-CN\">\n  <head>\n    <!-- <div id=\"app\"></div> -->\n\
            <noscript><link rel=\"stylesheet\" href=\"no-app.css\" /></noscript>\n  </head>\n  <body>\n\
            <!-- The build step writes into #app; the <noscript> below is reworded. -->\n\
            <P ID=\"boot\" class=\"boot\" title=\"a>b\">正在加载报告……</P>\n\
            <NOSCRIPT><p class=\"boot\">本页需要启用 JavaScript 才能显示报告。</p></NOSCRIPT>\n\
            <div data-x=\"id=app\" id=\"app\"></div>\n  </body>\n</html>\n";
        let built = with_prerendered(page, "<main>正文</main>").unwrap();
        assert_eq!(
            built,
            page.replace(
                "<P ID=\"boot\" class=\"boot\" title=\"a>b\">正在加载报告……</P>",
                BOOT_BUILT
            )
            .replace(
                "<p class=\"boot\">本页需要启用 JavaScript 才能显示报告。</p>",
                NO_SCRIPT_BUILT
            )
            .replace(
                "id=app\" id=\"app\"></div>",
                "id=app\" id=\"app\"><main>正文</main></div>"
            )
        );
        // The note's element must end.
        let open = "<body><p id=boot>x</p><div id=app></div><noscript><p>y</p>";
        assert_eq!(
            with_prerendered(open, "z"),
            Err("the page's <noscript> is not closed".to_string())
        );
    }

    #[test]
    fn the_start_up_module_waits_for_boot_js_and_nothing_is_preloaded() {
        let page = "<head><link crossorigin href=/app.js rel=modulepreload>\
            <link as=fetch crossorigin href=/app_bg.wasm rel=preload>\
            <link rel=\"stylesheet\" href=\"/style.css\">\
            <script type=\"module\" src=\"/inline-1.js\"></script></head><body></body>";
        let page = with_deferred_start(page).unwrap();
        assert_eq!(
            page,
            "<head><link rel=\"stylesheet\" href=\"/style.css\">\
             <meta name=\"app-start\" content=\"/inline-1.js\"></head><body></body>"
        );
        assert!(with_deferred_start("<head></head>").is_err());
        assert!(with_deferred_start("<script type=module>go()</script>").is_err());
    }

    #[test]
    fn only_real_tags_are_rewritten() {
        // A module and a preload in a comment, elements whose names only start like `script`
        // and `link`, a `>` inside a quoted value, upper case.
        let page = "<!-- <script type=module src=/old.js></script> <link rel=preload href=/x> -->\
            <scripts type=module src=/s.js></scripts><linkx rel=preload href=/y>\
            <LINK HREF=\"/a>b.wasm\" REL=preload><SCRIPT TYPE=module SRC=\"/a&amp;b.js\"></SCRIPT>";
        assert_eq!(
            with_deferred_start(page).unwrap(),
            "<!-- <script type=module src=/old.js></script> <link rel=preload href=/x> -->\
             <scripts type=module src=/s.js></scripts><linkx rel=preload href=/y>\
             <meta name=\"app-start\" content=\"/a&amp;b.js\">"
        );
        // A script in a comment is no inline script.
        let page = "<meta charset=utf-8><!-- <script>old()</script> --><script>go()</script>";
        let built = strict(page, "/").unwrap();
        assert_eq!(built.scripts.len(), 1);
        assert_eq!(built.scripts[0].1, "go()");
        assert!(built.html.contains("<!-- <script>old()</script> -->"));
    }

    #[test]
    fn the_release_page_names_its_report_file_instead_of_holding_it() {
        let (html, name) =
            with_report_data_file("<body><p>x</p></body>", "{\"a\":\"<b>\"}", "/s/", "").unwrap();
        assert!(name.starts_with("report-data-") && name.ends_with(".json"));
        assert!(html.contains(&format!(
            "<script type=\"application/json\" id=\"report-data\" data-base=\"/s/\" data-src=\"/s/{name}\"></script></body>"
        )));
        assert!(!html.contains("<b>"), "no report text in the page");
        assert!(!on_demand(&name), "a first visit needs it");
        assert!(with_report_data_file(&html, "{}", "/s/", "").is_err());
    }

    #[test]
    fn the_pre_paint_script_goes_inline_and_the_policy_allows_exactly_it() {
        let html = format!(
            "<html><head><meta charset=utf-8><meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\
             <link rel=stylesheet href=/s/style-1.css><title>t</title></head><body></body></html>"
        );
        let page = with_head_script(&html, "apply();").unwrap();
        assert!(page.contains("<title>t</title><script>apply();</script></head>"));
        assert!(
            with_head_script("<head></head>", "apply();").is_err(),
            "no <title>"
        );
        let hash = hash_source("apply();");
        assert!(page.contains(&format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self' {hash} 'wasm-unsafe-eval';"
        )));
        assert_eq!(page.matches("Content-Security-Policy").count(), 1);
        // A script that would end its element early: the build stops.
        assert!(with_head_script(&html, "a('</script>');").is_err());
        // A debug page has no policy: the script alone.
        let debug = with_head_script("<head><title>t</title></head>", "apply();").unwrap();
        assert_eq!(
            debug,
            "<head><title>t</title><script>apply();</script></head>"
        );
        // After the stylesheets, before the head's <noscript>, when there is one.
        let with_noscript = with_head_script(
            "<head><title>t</title><link rel=stylesheet href=/s.css><noscript><link rel=stylesheet href=n.css></noscript></head><body><noscript>x</noscript></body>",
            "apply();",
        )
        .unwrap();
        assert!(
            with_noscript.contains(
                "<link rel=stylesheet href=/s.css><script>apply();</script><noscript><link"
            ),
            "{with_noscript}"
        );
        assert_eq!(with_noscript.matches("apply()").count(), 1);
        // The real one.
        let real = report_core::display::pre_paint_script();
        assert!(with_head_script(&html, &real).is_ok());
    }

    #[test]
    fn the_tools_modules_are_announced_with_their_buttons() {
        let page = with_tools_modules("<head><title>t</title></head>", "/s/").unwrap();
        assert!(page.contains(
            "<meta name=\"module\" content=\"/s/report-notes.js\" data-wasm=\"/s/report-notes_bg.wasm\" \
             data-press=\"[data-note-section],[data-notes-open]\" data-name=\"report-notes\" \
             data-stored=\"songshi-report.notes:\">"
        ), "{page}");
        assert!(page.contains("data-press=\"[data-read-section],.display-settings > summary\""));
        assert!(with_tools_modules("<head></head>", "/").is_err());
    }

    #[test]
    fn the_report_goes_before_the_end_of_the_body_and_cannot_close_its_block() {
        let json = r#"{"title":"</script><script>alert(1)</script><!--"}"#;
        let html = with_report_data("<html><body><p>x</p></body></html>", json, "/a\"b/").unwrap();
        assert!(html.contains("data-base=\"/a&quot;b/\""));
        assert!(html.ends_with("</script></body></html>"));
        assert_eq!(html.matches("</script>").count(), 1);
        assert!(!html.contains("<!--"));
        let start = html.find("/\">").unwrap() + 3;
        let inside = &html[start..html.rfind("</script>").unwrap()];
        let back: serde_json::Value = serde_json::from_str(inside).unwrap();
        assert_eq!(back["title"], "</script><script>alert(1)</script><!--");
    }

    const TRUNK: &str = "<!doctype html><html><head><meta charset=utf-8><script src=/boot-1.js></script><script type=module>import init from\"/app.js\";await init();</script></head><body><p id=boot>x</p></body></html>";

    #[test]
    fn the_inline_start_script_moves_to_a_file_and_the_policy_comes_first() {
        let page = strict(TRUNK, "/sub/").unwrap();
        assert_eq!(page.scripts.len(), 1);
        let (name, content) = &page.scripts[0];
        assert!(
            name.starts_with("inline-") && name.ends_with(".js"),
            "{name}"
        );
        assert_eq!(content, "import init from\"/app.js\";await init();");
        assert!(page.html.contains(&format!(
            "<script type=\"module\" src=\"/sub/{name}\"></script>"
        )));
        assert!(page.html.starts_with(
            "<!doctype html><html><head><meta charset=utf-8><meta http-equiv=\"Content-Security-Policy\""
        ));
        // Minified, without a <head> tag.
        let bare = strict(
            "<!doctype html><html lang=zh-CN><meta charset=utf-8><title>t</title>",
            "/",
        )
        .unwrap();
        assert!(bare
            .html
            .contains("<meta charset=utf-8><meta http-equiv=\"Content-Security-Policy\""));
        assert!(
            page.html.contains("<script src=/boot-1.js></script>"),
            "files stay"
        );
        assert!(!page.html.contains("await init"), "{}", page.html);
        // The name follows the content.
        let other = strict(&TRUNK.replace("init()", "init(1)"), "/").unwrap();
        assert_ne!(other.scripts[0].0, *name);
        // Without a charset: first in <head>, else first in <html>; upper case too.
        let head = strict("<HTML><HEAD><TITLE>t</TITLE></HEAD></HTML>", "/").unwrap();
        assert!(head
            .html
            .starts_with("<HTML><HEAD><meta http-equiv=\"Content-Security-Policy\""));
        let html = strict("<html lang=zh-CN><title>t</title>", "/").unwrap();
        assert!(html
            .html
            .starts_with("<html lang=zh-CN><meta http-equiv=\"Content-Security-Policy\""));
        // A script that never ends.
        assert!(strict("<meta charset=utf-8><script>go()", "/").is_err());
    }

    #[test]
    fn inline_styles_are_refused_and_data_blocks_stay() {
        assert!(strict(
            "<head></head><body><p style=\"color:red\">x</p></body>",
            "/"
        )
        .is_err());
        assert!(strict("<head><style>p{}</style></head>", "/").is_err());
        assert!(strict("<head><STYLE>p{}</STYLE></head>", "/").is_err());
        // What a reader without JavaScript gets is under the policy too.
        assert!(strict(
            "<head><noscript><p style=color:red>x</p></noscript></head>",
            "/"
        )
        .is_err());
        let page = strict(
            "<head></head><body><script type=application/json id=d>{\"a\":\"style=\"}</script></body>",
            "/",
        )
        .unwrap();
        assert!(page.scripts.is_empty());
        assert!(page.html.contains("{\"a\":\"style=\"}"));
        // Words in a comment, a script or a value are no style.
        let page = strict(
            "<head><!-- <style> --><title>style=x</title></head><body><p title=\"<style>\">x</p>\
             <script type=application/json>\"<p style=x>\"</script></body>",
            "/",
        )
        .unwrap();
        assert!(page.scripts.is_empty());
        assert!(strict("<body></body>", "/").is_err(), "no <head>");
    }

    #[test]
    fn the_preview_carries_the_reports_title_and_opening() {
        let html = with_preview(
            "<html><title>政府工作报告</title><p>x</p>",
            "某县<报告>",
            "开头“引号”\"&",
        )
        .unwrap();
        assert!(html.contains("<title>某县&lt;报告></title>"), "{html}");
        assert!(html.contains("<meta name=\"description\" content=\"开头“引号”&quot;&amp;\">"));
        assert!(html.contains("<meta property=\"og:title\" content=\"某县&lt;报告>\">"));
        assert!(html.contains("<meta property=\"og:type\" content=\"article\">"));
        assert_eq!(html.matches("<title>").count(), 1);
        assert!(with_preview("<p>x</p>", "t", "d").is_err());
        assert!(with_preview("<title>x", "t", "d").is_err(), "does not end");
        assert_eq!(
            with_preview("<TITLE lang=zh>x</TITLE><p>", "t", "d").unwrap(),
            format!(
                "<title>t</title><meta name=\"description\" content=\"d\">\
                 <meta property=\"og:title\" content=\"t\"><meta property=\"og:description\" content=\"d\">\
                 <meta property=\"og:type\" content=\"article\"><p>"
            )
        );

        let report = report_core::parse::parse_body(&format!(
            "某县报告 各位代表: {} 一、回顾 正文。",
            "开场白".repeat(50)
        ))
        .unwrap();
        let (title, description) = preview_of(&report);
        assert_eq!(title, report.title);
        assert!(description.ends_with("……"));
        assert_eq!(description.chars().count(), DESCRIPTION_CHARS + 2);
        assert!(report
            .opening
            .starts_with(description.trim_end_matches('…')));
    }

    #[test]
    fn the_manifest_and_apples_icon_are_linked_before_the_title() {
        let html = with_manifest("<meta charset=utf-8><title>t</title>", None).unwrap();
        assert!(html.contains("<link rel=\"manifest\" href=\"manifest.webmanifest\"><title>"));
        let html = with_manifest("<title>t</title>", Some("icon-180-1.png")).unwrap();
        assert!(html.contains("<link rel=\"apple-touch-icon\" href=\"icon-180-1.png\"><title>"));
        assert!(with_manifest("<!-- <title>t</title> -->", None).is_err());
    }

    #[test]
    fn the_stylesheets_become_one_in_their_order() {
        let html = "<link href=/s/a-1.css integrity=x rel=stylesheet><link rel=icon href=/s/i.svg><link href=/s/b-2.css rel=stylesheet><title>t</title>";
        let (page, name, css, replaced) =
            with_one_stylesheet(html, "/s/", |n| Ok(format!(".{}{{}}", &n[..1]))).unwrap();
        assert!(name.starts_with("style-") && name.ends_with(".css"));
        assert_eq!(
            page,
            format!("<link rel=\"stylesheet\" href=\"/s/{name}\"><link rel=icon href=/s/i.svg><title>t</title>")
        );
        assert!(css.find(".a{}").unwrap() < css.find(".b{}").unwrap());
        assert_eq!(replaced, ["a-1.css", "b-2.css"]);
        assert!(with_one_stylesheet("<title>t</title>", "/", |_| Ok(String::new())).is_err());
    }

    #[test]
    fn stylesheets_are_read_as_a_browser_reads_them() {
        // A `>` in a quoted value, minified and upper-case tags, a link in a comment, a
        // `<linkx>`, and the no-script stylesheet (relative, in a <noscript>), which stays.
        let html =
            "<link href=\"/a>b.css\" rel=stylesheet><!-- <link rel=stylesheet href=/old.css> -->\
            <LINK REL=stylesheet HREF=/style-1.css><linkx rel=stylesheet href=/x.css>\
            <noscript><link rel=stylesheet href=no-app.css></noscript><title>t</title>";
        let read = |name: &str| Ok(format!("/*{name}*/"));
        let (page, name, css, replaced) = with_one_stylesheet(html, "/", read).unwrap();
        assert_eq!(replaced, ["a>b.css", "style-1.css"]);
        assert!(css.contains("/*a>b.css*/") && !css.contains("old.css"));
        assert_eq!(
            page,
            format!(
                "<link rel=\"stylesheet\" href=\"/{name}\"><!-- <link rel=stylesheet href=/old.css> -->\
                 <linkx rel=stylesheet href=/x.css>\
                 <noscript><link rel=stylesheet href=no-app.css></noscript><title>t</title>"
            )
        );
        assert!(
            with_one_stylesheet("<link rel=stylesheet>", "/", read).is_err(),
            "no href"
        );
    }

    #[test]
    fn a_page_without_a_body_or_with_a_report_already_is_refused() {
        assert!(with_report_data("<html></html>", "{}", "/").is_err());
        let once = with_report_data("<body></body>", "{}", "/").unwrap();
        assert!(with_report_data(&once, "{}", "/").is_err());
        // A block in a comment, or a `</body>` in a script, is none.
        let page =
            "<body><!-- <script id=\"report-data\"></script> --><script>'</body>'</script></body>";
        let html = with_report_data(page, "{}", "/").unwrap();
        assert!(html.ends_with(
            "<script>'</body>'</script><script type=\"application/json\" id=\"report-data\" data-base=\"/\">{}</script></body>"
        ));
    }
}
