//! One self-contained HTML file of a built site (`cargo xtask build --single-file`): the page
//! with its stylesheet, scripts, wasm and icon inside, to mail or put on a USB stick and open by
//! double-click (`file://`). Pure: [`assemble`] takes the built page and a way to read the
//! files it names, and gives the file's text. The `prerender` binary writes it
//! (`prerender --single-file DIST OUT`).
//!
//! - The stylesheet becomes a `<style>`; `boot.js` and the modules of the reader's tools (which a
//!   site loads on demand) inline scripts, the modules' wasm as base64; and Trunk's start-up module an inline module that
//!   holds the wasm-bindgen glue and starts the wasm from base64 bytes
//!   (`WebAssembly.instantiate`, no fetch: a page opened from disk may fetch nothing).
//! - Its Content-Security-Policy names each inline script and style by its SHA-256 hash
//!   ([`crate::policy::single_file_policy`]) instead of `'self'`; nothing may be fetched
//!   (`default-src 'none'`, no `connect-src`), images only as `data:`.
//! - What cannot work from a file is left out: the manifest and service worker, preloads, and
//!   (through the `single-file` class on `<html>` and a rule added to the stylesheet) 打开报告,
//!   whose reading worker cannot start from `file://`, 下载整份报告, whose `report.json` is not
//!   beside the file, and 复制链接: the file's address is a path on the reader's disk (the app
//!   also leaves it out of citations and exports, `effects::page_is_a_file` in `report-app`).
//! - The prerendered report and every `<noscript>` stay as built: the text is there at once,
//!   and without JavaScript too (the no-script stylesheet, linked in a `<noscript>`, comes
//!   inside it as a `<style>`). The data block, which on a site names the report's file
//!   (`data-src`, fetched by boot.js), holds the report itself.
//!
//! The page is read with a real HTML tokenizer (lol_html, `crate::markup`), as the built page
//! is rewritten ([`crate::built_page`]): only real `<link>`, `<script>` and `<meta>` elements
//! are inlined, and the rest of the page stays byte for byte.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use base64ct::{Base64, Encoding};

use crate::built_page::{is_policy, APP_START};
use crate::markup::{self, attribute_value, element, end_tag, noscript_content, text, ContentType};
use crate::policy::single_file_policy;
use report_core::markup::{MODULE_META, TOOLS_MODULES};

/// The single file of the built page `html`. `read` gives the bytes of a file the page names,
/// by its path in the page (`/` or a sub-path prefix included).
pub fn assemble(
    html: &str,
    read: impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<String, String> {
    let text = |name: &str| {
        read(name).and_then(|b| String::from_utf8(b).map_err(|e| format!("{name}: {e}")))
    };
    let files = Files {
        read: &read,
        text: &text,
    };
    // The modules of the reader's tools, which a page on a site loads when first used
    // (static/boot.js), come inside, last in the body: a file can load nothing. Each starts
    // from base64 bytes and hands itself to boot.js through its `<meta name="module">`; they
    // wait for the app themselves (`report_tools::when_app_ready`).
    let later: Vec<String> = TOOLS_MODULES
        .iter()
        .map(|m| tools_module(m.name, &files))
        .collect::<Result<_, _>>()?;
    let at_body_end: String = later
        .iter()
        .map(|code| format!("<script type=\"module\">{code}</script>"))
        .collect();
    let inside = Rc::new(RefCell::new(Inside::default()));
    let (out, body_ended) = inline(html, &files, &inside, &at_body_end)?;
    let Inside {
        mut scripts,
        styles,
        ..
    } = inside.take();
    if body_ended {
        scripts.extend(later);
    }
    if scripts.is_empty() || styles.is_empty() {
        return Err("the page names no script or no stylesheet: is it a release build?".into());
    }
    if !out.contains(POLICY_MARK) {
        return Err("the page has no Content-Security-Policy to replace".into());
    }
    let scripts: Vec<&str> = scripts.iter().map(String::as_str).collect();
    let styles: Vec<&str> = styles.iter().map(String::as_str).collect();
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        single_file_policy(&scripts, &styles)
    );
    Ok(out.replacen(POLICY_MARK, &meta, 1))
}

/// How the files the page names are read: as bytes, and as UTF-8 text.
struct Files<'a> {
    read: &'a dyn Fn(&str) -> Result<Vec<u8>, String>,
    text: &'a dyn Fn(&str) -> Result<String, String>,
}

/// What the file holds inline so far, in the order of the page, for its policy.
#[derive(Default)]
struct Inside {
    scripts: Vec<String>,
    styles: Vec<String>,
    /// The text of an inline script being read, while it is.
    gathering: Option<String>,
}

/// `html` (the page, or the content of one of its `<noscript>`s) with what it names inside,
/// and `at_body_end` before the end of its body; whether the body ended. Tags are rewritten
/// in the order they come.
fn inline(
    html: &str,
    files: &Files,
    inside: &Rc<RefCell<Inside>>,
    at_body_end: &str,
) -> Result<(String, bool), String> {
    let body_ended = Rc::new(Cell::new(false));
    let out = markup::rewrite(
        html,
        vec![
            element!("link", |el| {
                let rel = attribute_value(el, "rel").unwrap_or_default();
                let href = attribute_value(el, "href").unwrap_or_default();
                match rel.as_str() {
                    "stylesheet" => {
                        let mut css = (files.text)(&href)?;
                        let mut inside = inside.borrow_mut();
                        if inside.styles.is_empty() {
                            css.push_str(SINGLE_FILE_CSS);
                        }
                        el.replace(&format!("<style>{css}</style>"), ContentType::Html);
                        inside.styles.push(css);
                    }
                    "icon" => {
                        let svg = (files.read)(&href)?;
                        el.replace(
                            &format!(
                                "<link rel=\"icon\" type=\"image/svg+xml\" href=\"data:image/svg+xml;base64,{}\">",
                                Base64::encode_string(&svg)
                            ),
                            ContentType::Html,
                        );
                    }
                    // The manifest, preloads of what is now inside: nothing to fetch.
                    _ => el.remove(),
                }
                Ok(())
            }),
            element!("script", |el| {
                let kind = attribute_value(el, "type").unwrap_or_default();
                match (kind.as_str(), attribute_value(el, "src")) {
                    ("module", Some(src)) => {
                        let code = start_up(&(files.text)(&src)?, files)?;
                        el.replace(
                            &format!("<script type=\"module\">{code}</script>"),
                            ContentType::Html,
                        );
                        inside.borrow_mut().scripts.push(code);
                    }
                    (_, Some(src)) => {
                        let code = (files.text)(&src)?;
                        el.replace(&format!("<script>{code}</script>"), ContentType::Html);
                        inside.borrow_mut().scripts.push(code);
                    }
                    // The report's data block naming its file: the file goes inside.
                    ("application/json", None) => {
                        if let Some(src) = attribute_value(el, "data-src") {
                            let json = (files.text)(&src)?.replace('<', "\\u003c");
                            el.remove_attribute("data-src");
                            el.set_inner_content(&json, ContentType::Html);
                        }
                    }
                    // Inline already (字号's pre-paint script): kept, and allowed by its hash when it
                    // runs, once its text is read.
                    (kind, None) => {
                        if matches!(kind, "" | "module" | "text/javascript") {
                            inside.borrow_mut().gathering = Some(String::new());
                            let inside = inside.clone();
                            el.on_end_tag(end_tag!(move |_| {
                                let mut inside = inside.borrow_mut();
                                let code = inside.gathering.take().unwrap_or_default();
                                inside.scripts.push(code);
                                Ok(())
                            }))?;
                        }
                    }
                }
                Ok(())
            }),
            text!("script", |chunk| {
                if let Some(code) = inside.borrow_mut().gathering.as_mut() {
                    code.push_str(chunk.as_str());
                }
                Ok(())
            }),
            element!("meta", |el| {
                if attribute_value(el, "name").as_deref() == Some(APP_START) {
                    // The start-up module, inline (a file cannot load it), started at once.
                    let src = attribute_value(el, "content").unwrap_or_default();
                    let code = start_up(&(files.text)(&src)?, files)?;
                    el.replace(
                        &format!("<script type=\"module\">{code}</script>"),
                        ContentType::Html,
                    );
                    inside.borrow_mut().scripts.push(code);
                } else if is_policy(el) {
                    // Written again once the hashes are known.
                    el.replace(POLICY_MARK, ContentType::Html);
                }
                Ok(())
            }),
            element!("html", |el| {
                el.start_tag().replace(
                    "<html lang=\"zh-CN\" class=\"single-file\">",
                    ContentType::Html,
                );
                Ok(())
            }),
            element!("body", |el| {
                let (ended, content) = (body_ended.clone(), at_body_end.to_string());
                el.on_end_tag(end_tag!(move |end| {
                    if !ended.replace(true) {
                        end.before(&content, ContentType::Html);
                    }
                    Ok(())
                }))
            }),
            // What a reader without JavaScript gets (the no-script stylesheet) comes inside too.
            noscript_content(|content| inline(content, files, inside, "").map(|(out, _)| out)),
        ],
    )?;
    if inside.borrow().gathering.is_some() {
        return Err("a <script> element does not end".into());
    }
    Ok((out, body_ended.get()))
}

/// Where the policy goes until the hashes are known.
const POLICY_MARK: &str = "\u{0}policy\u{0}";

/// Hidden in the single file: what needs files beside the page, and the links to its address
/// (see the module docs).
const SINGLE_FILE_CSS: &str =
    "\n.single-file .open-report,.single-file [href=\"report.json\"],.single-file .section__share{display:none}\n";

/// A module of the reader's tools, inline: its glue without its `export`, its wasm started from
/// base64 bytes, then its `activate` handed to static/boot.js as the module's `loading` (the
/// property boot.js keeps a loading module in).
fn tools_module(name: &str, files: &Files) -> Result<String, String> {
    let code = started(&format!("{name}.js"), &format!("{name}_bg.wasm"), files)?;
    Ok(format!(
        "{code}document.querySelector('meta[name=\"{MODULE_META}\"][data-name=\"{name}\"]').loading=Promise.resolve({{activate}});\n"
    ))
}

/// The inline start-up module: the wasm-bindgen glue that Trunk's start-up module imports,
/// without its `export`, then the wasm started from base64 bytes, as Trunk's module does.
fn start_up(trunk_module: &str, files: &Files) -> Result<String, String> {
    let glue_path = quoted_after(trunk_module, "from").ok_or("Trunk's module imports no glue")?;
    let wasm_path =
        quoted_after(trunk_module, "module_or_path:").ok_or("Trunk's module names no wasm")?;
    started(&glue_path, &wasm_path, files)
}

/// wasm-bindgen's glue at `glue_path` without its `export`, then the wasm at `wasm_path`
/// started from base64 bytes.
fn started(glue_path: &str, wasm_path: &str, files: &Files) -> Result<String, String> {
    let glue = (files.text)(glue_path)?;
    let export = glue
        .rfind("export{")
        .or_else(|| glue.rfind("export {"))
        .ok_or("the glue has no export")?;
    let end = glue[export..]
        .find('}')
        .ok_or("the glue's export does not end")?
        + export
        + 1;
    let glue = format!("{}{}", &glue[..export], glue[end..].trim_start_matches(';'));
    let wasm = (files.read)(wasm_path)?;
    Ok(format!(
        "{glue}\nconst bytes=Uint8Array.from(atob(\"{}\"),c=>c.charCodeAt(0));\nawait __wbg_init({{module_or_path:bytes}});\n",
        Base64::encode_string(&wasm)
    ))
}

/// The first quoted string (`"…"`, `'…'` or `` `…` ``) after `key` in `code` (JavaScript).
fn quoted_after(code: &str, key: &str) -> Option<String> {
    let at = code.find(key)? + key.len();
    let rest = code[at..].trim_start();
    let quote = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\'' | '`'))?;
    let inner = &rest[1..];
    Some(inner[..inner.find(quote)?].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::hash_source;

    /// The files of a made-up release build, by their paths in its page.
    fn read(name: &str) -> Result<Vec<u8>, String> {
        Ok(match name {
            "/favicon-1.svg" => b"<svg/>".to_vec(),
            "/style-1.css" => b"p{color:red}".to_vec(),
            "no-app.css" => b".x{}".to_vec(),
            "/boot-1.js" => b"boot();".to_vec(),
            "report-notes.js" => b"function activate(){}function __wbg_init(){}export{activate,__wbg_init as default};".to_vec(),
            "report-care.js" | "report-export.js" => b"function activate(){}function __wbg_init(){}export{activate,__wbg_init as default};".to_vec(),
            "report-notes_bg.wasm" | "report-care_bg.wasm" | "report-export_bg.wasm" => vec![0, 97, 115, 109],
            "/report-data-1.json" => b"{\"a\":\"<\"}".to_vec(),
            "/inline-1.js" => b"import init,*as bindings from\"/app-1.js\";const wasm=await init({module_or_path:`/app-1_bg.wasm`});".to_vec(),
            "/app-1.js" => b"function __wbg_init(){}export{initSync,__wbg_init as default};".to_vec(),
            "/app-1_bg.wasm" => vec![0, 97, 115, 109],
            other => return Err(format!("no {other}")),
        })
    }

    fn text(name: &str) -> Result<String, String> {
        Ok(String::from_utf8(read(name)?).unwrap())
    }

    fn files() -> Files<'static> {
        Files {
            read: &read,
            text: &text,
        }
    }

    const PAGE: &str = "<!doctype html><html lang=zh-CN><meta charset=utf-8>\
        <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">\
        <link rel=\"manifest\" href=\"manifest.webmanifest\">\
        <link href=/favicon-1.svg rel=icon><link rel=\"stylesheet\" href=\"/style-1.css\">\
        <noscript><link rel=stylesheet href=no-app.css></noscript>\
        <meta name=\"app-start\" content=\"/inline-1.js\">\
        <script>prefs();</script>\
        <body><div id=app><p>正文</p></div><script src=/boot-1.js></script>\
        <script type=\"application/json\" id=\"report-data\" data-src=\"/report-data-1.json\"></script></body>";

    #[test]
    fn a_built_page_becomes_one_file_with_hashes_for_what_is_inside() {
        let file = assemble(PAGE, read).unwrap();
        assert!(!file.contains("manifest"), "{file}");
        assert!(!file.contains("app-start"), "{file}");
        assert!(
            file.contains("<noscript><style>.x{}</style></noscript>"),
            "{file}"
        );
        assert!(!file.contains(" src="), "nothing is loaded: {file}");
        assert!(file.contains("<html lang=\"zh-CN\" class=\"single-file\">"));
        assert!(file.contains("href=\"data:image/svg+xml;base64,PHN2Zy8+\""));
        assert!(file.contains("<style>p{color:red}"));
        assert!(file.contains("<script>boot();</script>"));
        let notes = tools_module("report-notes", &files()).unwrap();
        let care = tools_module("report-care", &files()).unwrap();
        let export = tools_module("report-export", &files()).unwrap();
        assert!(
            file.contains(&format!(
                "<script type=\"module\">{notes}</script><script type=\"module\">{care}</script><script type=\"module\">{export}</script></body>"
            )),
            "the modules of the reader's tools inside, last: {file}"
        );
        assert!(notes.contains(
            "document.querySelector('meta[name=\"module\"][data-name=\"report-notes\"]').loading=Promise.resolve({activate});"
        ));
        assert!(
            file.contains("<script>prefs();</script>"),
            "an inline script stays"
        );
        assert!(
            file.contains(&hash_source("prefs();")),
            "… allowed by its hash"
        );
        assert!(file.contains(&hash_source(&care)));
        assert!(file.contains(&format!("{} 'wasm-unsafe-eval'", hash_source(&export))));
        assert!(file
            .contains("function __wbg_init(){}\nconst bytes=Uint8Array.from(atob(\"AGFzbQ==\")"));
        assert!(!file.contains("export{"));
        assert!(
            file.contains("<div id=app><p>正文</p></div>"),
            "the text stays"
        );
        assert!(file.contains(
            "<script type=\"application/json\" id=\"report-data\">{\"a\":\"\\u003c\"}</script>"
        ));
        assert!(file.contains(&format!("{} ", hash_source("boot();"))));
        assert!(file.contains("script-src 'sha256-"));
        assert!(file.contains("'wasm-unsafe-eval'; style-src 'sha256-"));
        assert_eq!(file.matches("Content-Security-Policy").count(), 1);
        // The policy names exactly what is inside, in its order.
        let policy = single_file_policy(
            &[
                &(start_up(
                    &String::from_utf8(read("/inline-1.js").unwrap()).unwrap(),
                    &files(),
                )
                .unwrap()),
                "prefs();",
                "boot();",
                &notes,
                &care,
                &export,
            ],
            &[&format!("p{{color:red}}{SINGLE_FILE_CSS}"), ".x{}"],
        );
        assert!(file.contains(&format!("content=\"{policy}\"")), "{file}");
    }

    #[test]
    fn only_real_tags_are_inlined() {
        // A tag in a comment, `<scripts>` and `<linkx>`, upper case, a `>` in a quoted value,
        // and the no-script stylesheet in a noscript with other markup.
        let page = PAGE
            .replace(
                "<script>prefs();</script>",
                "<!-- <script src=/gone.js></script><link rel=stylesheet href=/gone.css> -->\
                 <scripts src=/gone.js></scripts><linkx rel=stylesheet href=/gone.css>\
                 <SCRIPT>prefs();</SCRIPT>",
            )
            .replace(
                "<link href=/favicon-1.svg rel=icon>",
                "<LINK TITLE=\"a>b\" HREF=/favicon-1.svg REL=icon>",
            );
        let file = assemble(&page, read).unwrap();
        assert!(
            file.contains(
                "<!-- <script src=/gone.js></script><link rel=stylesheet href=/gone.css> -->\
             <scripts src=/gone.js></scripts><linkx rel=stylesheet href=/gone.css>\
             <SCRIPT>prefs();</SCRIPT>"
            ),
            "{file}"
        );
        assert!(file.contains(&hash_source("prefs();")));
        assert!(file.contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"data:image/svg+xml;base64,PHN2Zy8+\">"));
    }

    #[test]
    fn a_page_that_is_not_a_release_build_is_refused() {
        let none = |_: &str| -> Result<Vec<u8>, String> { Err("none".into()) };
        assert!(assemble("<html><body></body></html>", none).is_err());
        // A file it names is missing.
        assert!(assemble(&PAGE.replace("/boot-1.js", "/boot-2.js"), read).is_err());
        // No policy to replace.
        let no_policy = PAGE.replace("http-equiv=\"Content-Security-Policy\"", "name=x");
        assert!(assemble(&no_policy, read).is_err());
    }
}
