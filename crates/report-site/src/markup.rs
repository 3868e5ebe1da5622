//! Reading and rewriting HTML with a real tokenizer, and writing text into HTML.
//!
//! The tokenizer is Cloudflare's streaming rewriter, lol_html: it reads tags and attributes
//! (quoted or not, any case), comments, and the raw text of `<script>`, `<style>`, `<title>`
//! and `<noscript>` as a browser that runs scripts reads them, matches elements by CSS
//! selector, and leaves every byte that no handler changes as it was. Handlers run in the
//! order of the document; for one element, in the order they are given.

use std::borrow::Cow;
use std::cell::Cell;
use std::rc::Rc;

use lol_html::errors::RewritingError;
use lol_html::{ElementContentHandlers, RewriteStrSettings, Selector};

pub(crate) use lol_html::html_content::{ContentType, Element};
pub(crate) use lol_html::{comments, element, end_tag, text};

/// A selector and its handlers, as `element!` and `text!` make them.
pub(crate) type Handler<'h> = (Cow<'static, Selector>, ElementContentHandlers<'h>);

/// `html` rewritten by `handlers`. A handler's error is the message; markup that cannot be
/// read without guessing (lol_html's strict mode: a tag that changes how the text after it is
/// read, where a browser would decide by the tree) is refused.
pub(crate) fn rewrite(html: &str, handlers: Vec<Handler<'_>>) -> Result<String, String> {
    let settings = handlers.into_iter().fold(
        RewriteStrSettings::new().with_enable_esi_tags(false),
        RewriteStrSettings::append_element_content_handler,
    );
    lol_html::rewrite_str(html, settings).map_err(|e| match e {
        RewritingError::ContentHandlerError(e) => e.to_string(),
        e => format!("the page cannot be read as HTML: {e}"),
    })
}

/// A handler that gathers the content of each `<noscript>` — raw text to a browser that runs
/// scripts, markup to one that does not — and puts `rewrite` of it in its place, so that
/// what a reader without JavaScript gets is rewritten too. The content comes in pieces; it is
/// rewritten whole, once its end is read.
pub(crate) fn noscript_content<'h>(
    mut rewrite: impl FnMut(&str) -> Result<String, String> + 'h,
) -> Handler<'h> {
    let mut gathered = String::new();
    text!("noscript", move |chunk| {
        gathered.push_str(chunk.as_str());
        if chunk.last_in_text_node() {
            let content = rewrite(&std::mem::take(&mut gathered))?;
            chunk.replace(&content, ContentType::Html);
        } else {
            chunk.remove();
        }
        Ok(())
    })
}

/// `html` with `content` (markup) just before the end tag of its `<body>`, or None when the
/// page has no `<body>` that ends.
pub(crate) fn at_end_of_body(html: &str, content: &str) -> Result<Option<String>, String> {
    let placed = Rc::new(Cell::new(false));
    let out = rewrite(
        html,
        vec![element!("body", |el| {
            let (placed, content) = (placed.clone(), content.to_string());
            el.on_end_tag(end_tag!(move |end| {
                if !placed.replace(true) {
                    end.before(&content, ContentType::Html);
                }
                Ok(())
            }))
        })],
    )?;
    Ok(placed.get().then_some(out))
}

/// The value of attribute `name` (any case), its character references decoded.
pub(crate) fn attribute_value(element: &Element, name: &str) -> Option<String> {
    element.get_attribute(name).map(|value| decoded(&value))
}

/// An attribute value with its character references decoded: `&amp;`, `&lt;`, `&gt;`,
/// `&quot;`, `&apos;` and numeric ones (what [`attribute`] and HTML minifiers write); any
/// other `&` stays as written.
fn decoded(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let reference = rest.find(';').map(|end| (&rest[1..end], end + 1));
        let character = reference.and_then(|(name, _)| match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => {
                let number = name.strip_prefix('#')?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                char::from_u32(code)
            }
        });
        match (character, reference) {
            (Some(c), Some((_, length))) => {
                out.push(c);
                rest = &rest[length..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Text as element content.
pub(crate) fn text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// Text as an attribute value between double quotes.
pub(crate) fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    /// The value of `name` on each element `selector` matches, in order.
    fn values(html: &str, selector: &str, name: &str) -> Vec<Option<String>> {
        let found = RefCell::new(Vec::new());
        rewrite(
            html,
            vec![element!(selector, |el| {
                found.borrow_mut().push(attribute_value(el, name));
                Ok(())
            })],
        )
        .unwrap();
        found.into_inner()
    }

    #[test]
    fn attributes_are_read_as_a_browser_reads_them() {
        let some = |s: &str| Some(s.to_string());
        // Minified, unquoted, as Trunk writes them; quoted either way; any case.
        assert_eq!(
            values(
                "<link rel=stylesheet href=/style-1.css><LINK REL='icon' HREF=\"/i.svg\">",
                "link",
                "href"
            ),
            [some("/style-1.css"), some("/i.svg")]
        );
        // A `>` inside a quoted value does not end the tag.
        assert_eq!(
            values("<link href=\"a>b.css\" rel=stylesheet>", "link", "rel"),
            [some("stylesheet")]
        );
        // A name that only ends like the one asked for, or none; a value-less attribute.
        assert_eq!(
            values("<script data-src=x defer></script>", "script", "src"),
            [None]
        );
        assert_eq!(
            values("<script data-src=x defer></script>", "script", "defer"),
            [some("")]
        );
        assert_eq!(
            values(
                "<meta content=\"a&amp;b &quot;c&quot; &#x4e2d;&#25991; &x; &\">",
                "meta",
                "content"
            ),
            [some("a&b \"c\" 中文 &x; &")]
        );
    }

    #[test]
    fn only_real_elements_of_the_name_are_matched() {
        let page = "<!-- <script src=x></script> --><scripts src=y></scripts><linkx href=z>\
                    <SCRIPT src=/a.js></SCRIPT><script>document.write('<script src=w>')</script>";
        assert_eq!(
            values(page, "script", "src"),
            [Some("/a.js".to_string()), None]
        );
        assert!(values(page, "link", "href").is_empty());
    }

    #[test]
    fn noscript_content_is_rewritten_as_markup() {
        let page =
            "<noscript><link href=a.css rel=stylesheet></noscript><p>x</p><noscript></noscript>";
        let out = rewrite(
            page,
            vec![noscript_content(
                |inner| Ok(inner.replace("a.css", "b.css")),
            )],
        )
        .unwrap();
        assert_eq!(out, page.replace("a.css", "b.css"));
        let refused = rewrite(
            "<noscript>x</noscript>",
            vec![noscript_content(|_| Err("no".to_string()))],
        );
        assert_eq!(refused, Err("no".to_string()));
    }

    #[test]
    fn content_goes_at_the_end_of_the_body() {
        let page = "<body><p>x</p><!-- </body> --><script>'</body>'</script></BODY></html>";
        assert_eq!(
            at_end_of_body(page, "<i></i>").unwrap().as_deref(),
            Some("<body><p>x</p><!-- </body> --><script>'</body>'</script><i></i></BODY></html>")
        );
        assert_eq!(at_end_of_body("<html></html>", "<i></i>"), Ok(None));
        assert_eq!(at_end_of_body("<body><p>x", "<i></i>"), Ok(None), "no end");
    }

    #[test]
    fn text_and_attributes_are_escaped() {
        assert_eq!(text("a<b&c\"d"), "a&lt;b&amp;c\"d");
        assert_eq!(attribute("a<b&c\"d"), "a&lt;b&amp;c&quot;d");
        assert_eq!(decoded(&attribute("a<b&c\"d")), "a<b&c\"d");
    }
}
