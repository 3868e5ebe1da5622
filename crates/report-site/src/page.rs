//! The built page and what goes with it (pure; used by the `prerender` build step, and by
//! `data.rs` in the browser):
//!
//! - the report file travels in the page as a data block,
//!   `<script type="application/json" id="report-data">…</script>`: the browser never runs it,
//!   the app reads its text at start-up. Keeping it out of the wasm keeps the code the same for
//!   every report and leaves the wasm's size budget to code;
//! - the report as HTML inside `#app`, drawn by the app's own components on the server
//!   ([`with_prerendered`]), so the text is in the first paint and readable without
//!   JavaScript; the app hydrates it;
//! - the page's title, description and Open Graph tags ([`preview_of`], [`with_preview`]);
//! - a strict Content-Security-Policy ([`CSP`], [`strict`]) and one stylesheet
//!   ([`with_one_stylesheet`]);
//! - offline: the manifest and the service worker ([`manifest`], [`service_worker`]).

pub use report_app::dom::{APP_ROOT_ID, REPORT_DATA_ID, REPORT_FILE_NAME};

/// What a reader without JavaScript is told once the page holds the report's HTML.
const NO_SCRIPT_BUILT: &str =
    "<p class=\"boot\">搜索、全部数据卡片、图表和下载需要启用 JavaScript。报告正文在下面。</p>";

/// `html` with `app` (the app's server-rendered HTML) inside its empty `#app` element. The
/// start-up message (`#boot`, 正在加载报告……) is emptied and hidden: the text is there at
/// once, and `static/boot.js` still uses the element to report a failure. The note in the
/// body's `<noscript>` says what a reader without JavaScript misses. Works on the page as Trunk wrote
/// it, minified or not.
pub fn with_prerendered(html: &str, app: &str) -> Result<String, String> {
    let root = element(html, APP_ROOT_ID).ok_or("the page has no #app element")?;
    if root.inner.0 != root.inner.1 {
        return Err("#app is not empty: the page holds its HTML already".into());
    }
    let boot = element(html, "boot").ok_or("the page has no #boot message")?;
    // The note is the body's <noscript> (the one in <head> links the no-script stylesheet).
    let body = html.find("<body").ok_or("the page has no <body>")?;
    let open = html[body..]
        .find("<noscript>")
        .ok_or("the page's body has no <noscript>")?
        + body
        + "<noscript>".len();
    let close = html[open..]
        .find("</noscript>")
        .ok_or("the page's <noscript> is not closed")?
        + open;
    Ok(replace_ranges(
        html,
        vec![
            (root.inner.0, root.inner.1, app.to_string()),
            (
                boot.outer.0,
                boot.outer.1,
                "<p id=\"boot\" class=\"boot\" role=\"status\" hidden></p>".to_string(),
            ),
            (open, close, NO_SCRIPT_BUILT.to_string()),
        ],
    ))
}

/// Where an element with an id is in a page: the whole element and what is inside it.
struct Place {
    outer: (usize, usize),
    inner: (usize, usize),
}

/// The element with `id="{id}"` (or `id={id}`, as a minifier writes it), when it holds no
/// element of its own kind (enough for the page's own `#app` and `#boot`).
fn element(html: &str, id: &str) -> Option<Place> {
    let quoted = format!("id=\"{id}\"");
    let bare = format!("id={id}");
    let at = html.find(&quoted).or_else(|| {
        html.match_indices(&bare)
            .find(|(i, _)| {
                matches!(
                    html.as_bytes().get(i + bare.len()),
                    Some(b' ' | b'>' | b'/')
                )
            })
            .map(|(i, _)| i)
    })?;
    let start = html[..at].rfind('<')?;
    let name: String = html[start + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let inner_start = at + html[at..].find('>')? + 1;
    let close = format!("</{name}>");
    let inner_end = inner_start + html[inner_start..].find(&close)?;
    Some(Place {
        outer: (start, inner_end + close.len()),
        inner: (inner_start, inner_end),
    })
}

/// The name of the `<meta>` that names the app's start-up module in a release page
/// ([`with_deferred_start`]); `static/boot.js` starts it.
pub const APP_START: &str = "app-start";

/// `html` with the app's start-up module started after the first paint instead of during the
/// page's load: the module script (`<script type="module" src="…">`) becomes
/// `<meta name="app-start" content="…">`, which `static/boot.js` turns back into the script
/// once the page is on screen, and the preloads of the wasm and its glue go. The page shows
/// its prerendered text first; on a slow network the 200 KB of wasm no longer compete with the
/// stylesheet for the first paint. Exactly one module script is expected.
pub fn with_deferred_start(html: &str) -> Result<String, String> {
    let mut edits = Vec::new();
    for tag in start_tags(html, "script")? {
        if attribute_value(tag.attrs, "type").as_deref() == Some("module") {
            let src = attribute_value(tag.attrs, "src")
                .ok_or("the start-up module is inline: run `strict` first")?;
            let (_, end) = element_end(html, &tag, "script")?;
            let meta = format!(
                "<meta name=\"{APP_START}\" content=\"{}\">",
                attribute(&src)
            );
            edits.push((tag.start, end, meta));
        }
    }
    if edits.len() != 1 {
        return Err(format!(
            "the page has {} start-up modules, not one",
            edits.len()
        ));
    }
    for tag in start_tags(html, "link")? {
        let rel = attribute_value(tag.attrs, "rel");
        if matches!(rel.as_deref(), Some("modulepreload" | "preload")) {
            edits.push((tag.start, tag.end, String::new()));
        }
    }
    Ok(replace_ranges(html, edits))
}

/// A start tag in a page: where it is, and the text of its attributes.
struct Tag<'a> {
    start: usize,
    /// Just after its `>`.
    end: usize,
    attrs: &'a str,
}

/// Every start tag `<name …>` in `html`, in order (any case, as minified or not).
fn start_tags<'a>(html: &'a str, name: &str) -> Result<Vec<Tag<'a>>, String> {
    let lower = html.to_ascii_lowercase();
    let open = format!("<{name}");
    let mut tags = Vec::new();
    let mut at = 0;
    while let Some(found) = lower[at..].find(&open) {
        let start = at + found;
        let end = lower[start..]
            .find('>')
            .map(|e| start + e + 1)
            .ok_or_else(|| format!("a <{name}> tag does not end"))?;
        tags.push(Tag {
            start,
            end,
            attrs: &html[start + open.len()..end - 1],
        });
        at = end;
    }
    Ok(tags)
}

/// Where the content of the element `tag` opens ends (at its `</name>`), and just after that
/// closing tag.
fn element_end(html: &str, tag: &Tag, name: &str) -> Result<(usize, usize), String> {
    let close = format!("</{name}>");
    let content_end = html[tag.end..]
        .to_ascii_lowercase()
        .find(&close)
        .map(|i| tag.end + i)
        .ok_or_else(|| format!("a <{name}> element does not end"))?;
    Ok((content_end, content_end + close.len()))
}

/// `html` with each byte range `from..to` replaced (ranges that do not overlap, in any order).
fn replace_ranges(html: &str, mut edits: Vec<(usize, usize, String)>) -> String {
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = html.to_string();
    for (from, to, with) in edits {
        out.replace_range(from..to, &with);
    }
    out
}

/// `html` with an empty data block that names the file holding the report (`data-src`), and
/// that file's name (`report-data-<hash>.json`, to be written beside the page with `json`).
/// For the release page: its bytes before the first paint stay within the first 14 KB that a
/// connection sends (the report file is ~6 KB of them); static/boot.js fetches the file and
/// fills the block before it starts the app, and the single file puts it back inside.
pub fn with_report_data_file(
    html: &str,
    json: &str,
    base: &str,
) -> Result<(String, String), String> {
    let name = format!("report-data-{:016x}.json", fnv1a(json.as_bytes()));
    let html = with_data_block(html, base, Some(&format!("{base}{name}")), "")?;
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
    if html.contains(&format!("id=\"{REPORT_DATA_ID}\"")) {
        return Err("the page already holds a report".into());
    }
    let end = html
        .rfind("</body>")
        .ok_or_else(|| "the page has no </body>".to_string())?;
    let src = src
        .map(|src| format!(" data-src=\"{}\"", attribute(src)))
        .unwrap_or_default();
    let block = format!(
        "<script type=\"application/json\" id=\"{REPORT_DATA_ID}\" data-base=\"{}\"{src}>{content}</script>",
        attribute(base),
    );
    Ok(format!("{}{block}{}", &html[..end], &html[end..]))
}

/// The page's Content-Security-Policy: nothing but this site's own files, wasm allowed to
/// compile, no inline script or style, no base or form targets. The built page adds the hash
/// of its one inline script, 字号's prefs.js ([`with_inline_script`]). `data:` images are the only
/// outside source (none today; the exports are `data:` links, which CSP does not govern).
pub const CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'";

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
/// charset, as a `<meta http-equiv>`. A `style` attribute or a `<style>` element stops the build: the policy
/// would refuse it. Data blocks (`type="application/json"`) stay.
pub fn strict(html: &str, base: &str) -> Result<Strict, String> {
    if html.to_ascii_lowercase().contains("<style") {
        return Err("the page has a <style> element, which the CSP refuses".into());
    }
    let mut scripts = Vec::new();
    let mut edits = Vec::new();
    for tag in start_tags(html, "script")? {
        let kind = attribute_value(tag.attrs, "type").unwrap_or_default();
        let runs = matches!(kind.as_str(), "" | "module" | "text/javascript");
        if runs && attribute_value(tag.attrs, "src").is_none() {
            let (content_end, end) = element_end(html, &tag, "script")?;
            let content = &html[tag.end..content_end];
            let name = format!("inline-{:016x}.js", fnv1a(content.as_bytes()));
            let kind = if kind == "module" {
                " type=\"module\""
            } else {
                ""
            };
            let script = format!("<script{kind} src=\"{}{name}\"></script>", attribute(base));
            edits.push((tag.start, end, script));
            scripts.push((name, content.to_string()));
        }
    }
    let mut out = replace_ranges(html, edits);
    if tags_with_attribute(&out, "style") {
        return Err("the page has a style=\"…\" attribute, which the CSP refuses".into());
    }
    // Right after the charset, which must come first; a minified page has no `<head>` tag.
    let lower = out.to_ascii_lowercase();
    let head = ["<meta charset", "<head", "<html"]
        .iter()
        .find_map(|tag| {
            let at = lower.find(tag)?;
            lower[at..].find('>').map(|e| at + e + 1)
        })
        .ok_or("the page has no <head>")?;
    out.insert_str(
        head,
        &format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"),
    );
    Ok(Strict { html: out, scripts })
}

/// The policy of a page with the given inline scripts: [`CSP`] with each script allowed by
/// the SHA-256 hash of its text (`'sha256-…'` after `'self'`): one exact script, nothing else.
pub fn policy_with_scripts(scripts: &[&str]) -> String {
    if scripts.is_empty() {
        return CSP.to_string();
    }
    let hashes = crate::single_file::hash_sources(scripts);
    CSP.replacen(
        "script-src 'self'",
        &format!("script-src 'self' {hashes}"),
        1,
    )
}

/// `html` with the script file whose name starts with `prefix` (under `base`) inline, and
/// the page's policy allowing exactly that script by its hash ([`policy_with_scripts`]);
/// gives the page and the file's name, which the site no longer needs. For 字号's
/// static/prefs.js: it must run before the first paint, and as a file it would be one more
/// render-blocking request (Lighthouse: FCP 753 → 1,064 ms).
pub fn with_inline_script(
    html: &str,
    base: &str,
    prefix: &str,
    read: impl Fn(&str) -> Result<String, String>,
) -> Result<(String, String), String> {
    let base = base.trim_end_matches('/');
    let mut found = None;
    for tag in start_tags(html, "script")? {
        let Some(src) = attribute_value(tag.attrs, "src") else {
            continue;
        };
        let name = src
            .strip_prefix(base)
            .unwrap_or(&src)
            .trim_start_matches('/');
        if name.starts_with(prefix) && !name.contains('/') {
            let (_, end) = element_end(html, &tag, "script")?;
            found = Some((tag.start, end, name.to_string()));
            break;
        }
    }
    let (start, end, name) = found.ok_or_else(|| format!("the page has no {prefix}… script"))?;
    let code = without_comment_lines(&read(&name)?);
    if code.to_ascii_lowercase().contains("</script") {
        return Err(format!("{name} contains </script and cannot go inline"));
    }
    let html = replace_ranges(html, vec![(start, end, format!("<script>{code}</script>"))]);
    let meta = format!("content=\"{CSP}\"");
    if !html.contains(&meta) {
        return Err("the page has no Content-Security-Policy to extend".into());
    }
    let html = html.replacen(
        &meta,
        &format!("content=\"{}\"", policy_with_scripts(&[&code])),
        1,
    );
    Ok((html, name))
}

/// A script without its whole-line `//` comments and its lines' indentation: the inline
/// script's bytes count towards the page's first 14 KB, and the scripts loaded on demand
/// (notes.js, read-aloud.js) come a third smaller. Only whole lines go, so code and strings
/// stay as written (the script must not hold a multi-line string).
pub fn without_comment_lines(code: &str) -> String {
    code.lines()
        .map(str::trim_start)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The value of attribute `name` in a tag's attribute text (quoted or not, as minifiers write).
pub(crate) fn attribute_value(attrs: &str, name: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = &attrs[at + name.len()..];
        if before_ok
            && (rest.is_empty()
                || !rest.as_bytes()[0].is_ascii_alphanumeric() && rest.as_bytes()[0] != b'-')
        {
            let rest = rest.trim_start();
            let Some(value) = rest.strip_prefix('=') else {
                return Some(String::new());
            };
            let value = value.trim_start();
            return Some(match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or("").to_string(),
                _ => value
                    .split(|c: char| c.is_ascii_whitespace() || c == '>')
                    .next()
                    .unwrap_or("")
                    .to_string(),
            });
        }
        from = at + name.len();
    }
    None
}

/// Whether any tag outside script content carries attribute `name`.
fn tags_with_attribute(html: &str, name: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while let Some(i) = lower[at..].find('<') {
        let start = at + i;
        let Some(end) = lower[start..].find('>').map(|e| start + e) else {
            return false;
        };
        let tag = &html[start + 1..end];
        if attribute_value(tag, name).is_some() && !tag.starts_with('/') {
            return true;
        }
        at = if lower[start..].starts_with("<script") {
            lower[end..]
                .find("</script>")
                .map_or(end + 1, |c| end + c + 1)
        } else {
            end + 1
        };
    }
    false
}

/// FNV-1a, 64 bits: a file name that changes with the content.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The service worker's file, beside the page (`static/boot.js` registers it).
pub const SERVICE_WORKER: &str = "sw.js";
/// The web app manifest's file, beside the page.
pub const MANIFEST: &str = "manifest.webmanifest";

/// The page with its stylesheets as one: `read` gives a stylesheet's text by the file name its
/// link names (relative to `base`). The styles are joined in their order into
/// `style-<hash>.css`, whose one link takes the place of the first; the others go. Returns the
/// page, the joined file's name and text, and the names of the files it replaces (to delete).
pub fn with_one_stylesheet(
    html: &str,
    base: &str,
    read: impl Fn(&str) -> Result<String, String>,
) -> Result<(String, String, String, Vec<String>), String> {
    let mut links = Vec::new();
    for tag in start_tags(html, "link")? {
        if attribute_value(tag.attrs, "rel").as_deref() == Some("stylesheet") {
            let href = attribute_value(tag.attrs, "href").ok_or("a stylesheet link has no href")?;
            // Trunk's stylesheets, named from the site's address; a link of the page's own (the
            // no-script stylesheet, relative) stays as it is.
            if let Some(name) = href.strip_prefix(base) {
                links.push((tag.start, tag.end, name.to_string()));
            }
        }
    }
    if links.is_empty() {
        return Err("the page has no stylesheet".into());
    }
    let mut css = String::new();
    for (_, _, name) in &links {
        css.push_str(&format!("/* {name} */\n"));
        css.push_str(&read(name)?);
        css.push('\n');
    }
    let bundle = format!("style-{:016x}.css", fnv1a(css.as_bytes()));
    let one = format!(
        "<link rel=\"stylesheet\" href=\"{}{bundle}\">",
        attribute(base)
    );
    let edits = links
        .iter()
        .enumerate()
        .map(|(i, (start, end, _))| {
            (
                *start,
                *end,
                if i == 0 { one.clone() } else { String::new() },
            )
        })
        .collect();
    let out = replace_ranges(html, edits);
    let replaced = links.into_iter().map(|(_, _, name)| name).collect();
    Ok((out, bundle, css, replaced))
}

/// Whether a built file is loaded only on demand — the reading worker (when a reader opens a
/// file), the whole report file (when one downloads it), the home-screen icons, and the
/// scripts of the review notes and of reading aloud (when a reader first uses them,
/// static/boot.js) — rather than by every first visit.
pub fn on_demand(name: &str) -> bool {
    name.starts_with("report-reader")
        || name == REPORT_FILE_NAME
        || name.starts_with("icon-")
        || name == NOTES_SCRIPT
        || name == READ_ALOUD_SCRIPT
}

/// The review notes' script (static/notes.js; a release drops its comment lines).
pub const NOTES_SCRIPT: &str = "notes.js";

/// Reading aloud's script (static/read-aloud.js; likewise).
pub const READ_ALOUD_SCRIPT: &str = "read-aloud.js";

/// The home-screen icons the build draws from the SVG favicon: Android's two manifest sizes
/// and Apple's touch icon. They are loaded [`on_demand`] (when a reader adds the page to the
/// home screen), not by a first visit.
pub const ICON_SIZES: [u32; 3] = [192, 512, 180];
/// The size of [`ICON_SIZES`] that is Apple's touch icon (`<link rel="apple-touch-icon">`).
pub const APPLE_ICON_SIZE: u32 = 180;

/// The file name of a PNG icon: its size and a hash of its bytes.
pub fn icon_name(size: u32, png: &[u8]) -> String {
    format!("icon-{size}-{:016x}.png", fnv1a(png))
}

/// The service worker of a build: it precaches exactly `files` (the built files a first visit
/// loads, as paths relative to the page, `./` for the page itself) and keeps `later` (the files
/// loaded [`on_demand`]) the first time they are fetched, all in one cache named after the
/// site's scope and `version` (a hash of every file). It answers from that cache first and,
/// when it takes over from an older build's worker, deletes that build's cache. A new build's
/// worker waits until no page of the old one is open, so a page never mixes old and new files.
/// Precaching only what a first visit loads keeps the first visit inside its budget: the
/// reading worker (94 KB) comes when it is first used.
pub fn service_worker(files: &[String], later: &[String], version: &str) -> String {
    let files = serde_json::to_string(files).unwrap_or_else(|_| "[]".into());
    let later = serde_json::to_string(later).unwrap_or_else(|_| "[]".into());
    format!(
        "// The service worker of one build (written by src/bin/prerender.rs; see src/page.rs).\n\
         const FILES = {files};\n\
         const LATER = new Set({later}.map((f) => new URL(f, self.registration.scope).href));\n\
         const PREFIX = \"report \" + self.registration.scope + \" \";\n\
         const CACHE = PREFIX + \"{version}\";\n\
         self.addEventListener(\"install\", (event) => {{\n\
         \x20 event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));\n\
         }});\n\
         self.addEventListener(\"activate\", (event) => {{\n\
         \x20 event.waitUntil(caches.keys()\n\
         \x20   .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))\n\
         \x20   .then(() => self.clients.claim()));\n\
         }});\n\
         self.addEventListener(\"fetch\", (event) => {{\n\
         \x20 if (event.request.method !== \"GET\") return;\n\
         \x20 event.respondWith(caches.open(CACHE)\n\
         \x20   .then((cache) => cache.match(event.request, {{ ignoreSearch: true }}).then((hit) => hit ||\n\
         \x20     fetch(event.request).then((response) => {{\n\
         \x20       if (response.ok && LATER.has(event.request.url.split(\"?\")[0])) cache.put(event.request, response.clone());\n\
         \x20       return response;\n\
         \x20     }}))));\n\
         }});\n"
    )
}

/// The web app manifest of a report: its title as the name, the page as the start, the app's
/// colours, and `icon` (the built SVG icon's file name).
pub fn manifest(title: &str, icon: &str, pngs: &[(u32, String)]) -> String {
    let mut icons = vec![
        serde_json::json!({ "src": icon, "sizes": "any", "type": "image/svg+xml", "purpose": "any" }),
    ];
    icons.extend(
        pngs.iter()
            .filter(|(size, _)| *size != APPLE_ICON_SIZE)
            .map(|(size, name)| serde_json::json!({ "src": name, "sizes": format!("{size}x{size}"), "type": "image/png", "purpose": "any" })),
    );
    let short: String = title.chars().take(12).collect();
    serde_json::to_string_pretty(&serde_json::json!({
        "name": title,
        "short_name": short,
        "lang": "zh-CN",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#fbfaf7",
        "theme_color": "#a31b1f",
        "icons": icons,
    }))
    .unwrap_or_default()
}

/// `html` with a link to the manifest and, when there is one, to Apple's touch icon (a file
/// beside the page), before its `<title>`.
pub fn with_manifest(html: &str, apple_icon: Option<&str>) -> Result<String, String> {
    let at = html
        .to_ascii_lowercase()
        .find("<title>")
        .ok_or("the page has no <title>")?;
    let apple = apple_icon
        .map(|name| {
            format!(
                "<link rel=\"apple-touch-icon\" href=\"{}\">",
                attribute(name)
            )
        })
        .unwrap_or_default();
    Ok(format!(
        "{}<link rel=\"manifest\" href=\"{MANIFEST}\">{apple}{}",
        &html[..at],
        &html[at..]
    ))
}

/// A version for a build: a hash of its files' names and contents.
pub fn version_of(files: &[(String, Vec<u8>)]) -> String {
    let mut all = Vec::new();
    for (name, content) in files {
        all.extend_from_slice(name.as_bytes());
        all.push(0);
        all.extend_from_slice(content);
    }
    format!("{:016x}", fnv1a(&all))
}

/// Longest description, in characters: what a search result or a link preview shows.
const DESCRIPTION_CHARS: usize = 120;

/// What a link to the page previews: the report's title, and the start of its text (its opening,
/// else its first section) as the description, cut at [`DESCRIPTION_CHARS`] with "……".
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
    let lower = html.to_ascii_lowercase();
    let start = lower.find("<title>").ok_or("the page has no <title>")?;
    let end = lower[start..]
        .find("</title>")
        .map(|e| start + e + "</title>".len())
        .ok_or("the page's <title> does not end")?;
    let (t, d) = (text(title), attribute(description));
    let tags = format!(
        "<title>{t}</title><meta name=\"description\" content=\"{d}\">\
         <meta property=\"og:title\" content=\"{}\"><meta property=\"og:description\" content=\"{d}\">\
         <meta property=\"og:type\" content=\"article\">",
        attribute(title)
    );
    Ok(format!("{}{tags}{}", &html[..start], &html[end..]))
}

/// Text as element content.
fn text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// Text as an attribute value between double quotes.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
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
        assert!(with_prerendered("<body></body>", "x").is_err());
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

    use super::*;

    #[test]
    fn the_release_page_names_its_report_file_instead_of_holding_it() {
        let (html, name) =
            with_report_data_file("<body><p>x</p></body>", "{\"a\":\"<b>\"}", "/s/").unwrap();
        assert!(name.starts_with("report-data-") && name.ends_with(".json"));
        assert!(html.contains(&format!(
            "<script type=\"application/json\" id=\"report-data\" data-base=\"/s/\" data-src=\"/s/{name}\"></script></body>"
        )));
        assert!(!html.contains("<b>"), "no report text in the page");
        assert!(!on_demand(&name), "a first visit needs it");
        assert!(with_report_data_file(&html, "{}", "/s/").is_err());
    }

    #[test]
    fn the_prefs_script_goes_inline_and_the_policy_allows_exactly_it() {
        let html = format!(
            "<meta charset=utf-8><meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\
             <link rel=stylesheet href=/s/style-1.css><script integrity=sha384-x src=/s/prefs-ab12.js></script>\
             <title>t</title>"
        );
        let read = |name: &str| match name {
            "prefs-ab12.js" => Ok("// what it does\n  apply();\n".to_string()),
            other => Err(format!("no {other}")),
        };
        let (page, name) = with_inline_script(&html, "/s/", "prefs-", read).unwrap();
        assert_eq!(name, "prefs-ab12.js");
        assert!(page
            .contains("<link rel=stylesheet href=/s/style-1.css><script>apply();</script><title>"));
        assert!(!page.contains("prefs-ab12"));
        let hash = crate::single_file::base64(&crate::single_file::sha256(b"apply();"));
        assert!(page.contains(&format!(
            "script-src 'self' 'sha256-{hash}' 'wasm-unsafe-eval'"
        )));
        assert_eq!(page.matches("Content-Security-Policy").count(), 1);
        // A script that would end its element early, or no such script: the build stops.
        let closing = |_: &str| Ok("a('</script>');".to_string());
        assert!(with_inline_script(&html, "/s/", "prefs-", closing).is_err());
        assert!(with_inline_script(&html, "/s/", "other-", read).is_err());
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
    }

    #[test]
    fn inline_styles_are_refused_and_data_blocks_stay() {
        assert!(strict(
            "<head></head><body><p style=\"color:red\">x</p></body>",
            "/"
        )
        .is_err());
        assert!(strict("<head><style>p{}</style></head>", "/").is_err());
        let page = strict(
            "<head></head><body><script type=application/json id=d>{\"a\":\"style=\"}</script></body>",
            "/",
        )
        .unwrap();
        assert!(page.scripts.is_empty());
        assert!(page.html.contains("{\"a\":\"style=\"}"));
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
    fn the_service_worker_precaches_the_build_and_the_manifest_names_the_report() {
        let files = vec!["./".to_string(), "index.html".into(), "app-1.wasm".into()];
        let sw = service_worker(&files, &["report.json".to_string()], "abc");
        assert!(
            sw.contains(r#"const FILES = ["./","index.html","app-1.wasm"];"#),
            "{sw}"
        );
        assert!(sw.contains(r#"new Set(["report.json"]"#), "{sw}");
        assert!(on_demand("report-reader_bg.wasm") && on_demand("report.json"));
        assert!(on_demand("notes.js") && on_demand("read-aloud.js") && on_demand("icon-192-1.png"));
        assert!(!on_demand("index.html"));
        assert!(sw.contains("PREFIX + \"abc\""));
        assert!(sw.contains("caches.delete"));
        assert!(
            !sw.contains("skipWaiting"),
            "a new build waits for the old pages to close"
        );
        let m: serde_json::Value = serde_json::from_str(&manifest(
            "某县政府工作报告",
            "icon-1.svg",
            &[
                (192, "icon-192-1.png".into()),
                (180, "icon-180-1.png".into()),
            ],
        ))
        .unwrap();
        assert_eq!(m["name"], "某县政府工作报告");
        assert_eq!(m["icons"][0]["src"], "icon-1.svg");
        assert_eq!(m["icons"][1]["sizes"], "192x192");
        assert_eq!(m["icons"][1]["type"], "image/png");
        assert_eq!(
            m["icons"].as_array().unwrap().len(),
            2,
            "Apple's icon is not in it"
        );
        assert_eq!(m["start_url"], "./");
        let html = with_manifest("<meta charset=utf-8><title>t</title>", None).unwrap();
        assert!(html.contains("<link rel=\"manifest\" href=\"manifest.webmanifest\"><title>"));
        let html = with_manifest("<title>t</title>", Some("icon-180-1.png")).unwrap();
        assert!(html.contains("<link rel=\"apple-touch-icon\" href=\"icon-180-1.png\"><title>"));
        let a = version_of(&[("a".into(), b"1".to_vec())]);
        assert_ne!(a, version_of(&[("a".into(), b"2".to_vec())]));
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
    fn attributes_are_read_quoted_or_not() {
        assert_eq!(
            attribute_value(" type=module", "type").as_deref(),
            Some("module")
        );
        assert_eq!(
            attribute_value(" type=\"module\" src='/a.js'", "src").as_deref(),
            Some("/a.js")
        );
        assert_eq!(attribute_value(" data-src=x", "src"), None);
        assert_eq!(attribute_value(" defer", "defer").as_deref(), Some(""));
    }

    #[test]
    fn a_page_without_a_body_or_with_a_report_already_is_refused() {
        assert!(with_report_data("<html></html>", "{}", "/").is_err());
        let once = with_report_data("<body></body>", "{}", "/").unwrap();
        assert!(with_report_data(&once, "{}", "/").is_err());
    }
}
