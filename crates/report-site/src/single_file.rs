//! One self-contained HTML file of a built site (`cargo xtask build --single-file`): the page
//! with its stylesheet, scripts, wasm and icon inside, to mail or put on a USB stick and open by
//! double-click (`file://`). Pure: [`assemble`] takes the built page and a way to read the
//! files it names, and gives the file's text. The `prerender` binary writes it
//! (`prerender --single-file DIST OUT`).
//!
//! - The stylesheet becomes a `<style>`; `boot.js`, `notes.js` and `read-aloud.js` (which a
//!   site loads on demand) inline scripts; and Trunk's start-up module an inline module that
//!   holds the wasm-bindgen glue and starts the wasm from base64 bytes
//!   (`WebAssembly.instantiate`, no fetch: a page opened from disk may fetch nothing).
//! - Its Content-Security-Policy names each inline script and style by its SHA-256 hash
//!   ([`policy`]) instead of `'self'`; nothing may be fetched (`default-src 'none'`, no
//!   `connect-src`), images only as `data:`.
//! - What cannot work from a file is left out: the manifest and service worker, preloads, and
//!   (through the `single-file` class on `<html>` and a rule added to the stylesheet) 打开报告,
//!   whose reading worker cannot start from `file://`, 下载整份报告, whose `report.json` is not
//!   beside the file, and 复制链接: the file's address is a path on the reader's disk (the app
//!   also leaves it out of citations and exports, `hooks::page_is_a_file`).
//! - The prerendered report and every `<noscript>` stay as built: the text is there at once,
//!   and without JavaScript too. The data block, which on a site names the report's file
//!   (`data-src`, fetched by boot.js), holds the report itself.

/// A policy's sources for exactly these inline scripts or styles: `'sha256-…'` each, by a
/// space.
pub fn hash_sources(list: &[&str]) -> String {
    list.iter()
        .map(|s| format!("'sha256-{}'", base64(&sha256(s.as_bytes()))))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Inline scripts and styles of the file, and what the policy allows besides.
pub fn policy(scripts: &[&str], styles: &[&str]) -> String {
    format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data:; base-uri 'none'; form-action 'none'",
        hash_sources(scripts),
        hash_sources(styles)
    )
}

/// The single file of the built page `html`. `read` gives the bytes of a file the page names,
/// by its path in the page (`/` or a sub-path prefix included).
pub fn assemble(
    html: &str,
    read: impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<String, String> {
    let text = |name: &str| {
        read(name).and_then(|b| String::from_utf8(b).map_err(|e| format!("{name}: {e}")))
    };
    let mut out = String::with_capacity(html.len());
    let mut scripts = Vec::new();
    let mut styles = Vec::new();
    let mut rest = html;
    // Tags are rewritten one at a time, in the order they come.
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let Some(tag_end) = rest.find('>') else {
            break;
        };
        let tag = &rest[..=tag_end];
        let lower = tag.to_ascii_lowercase();
        if lower.starts_with("<link") {
            let rel = attribute(tag, "rel").unwrap_or_default();
            let href = attribute(tag, "href").unwrap_or_default();
            match rel.as_str() {
                "stylesheet" => {
                    let mut css = text(&href)?;
                    if styles.is_empty() {
                        css.push_str(SINGLE_FILE_CSS);
                    }
                    out.push_str(&format!("<style>{css}</style>"));
                    styles.push(css);
                }
                "icon" => {
                    let svg = read(&href)?;
                    out.push_str(&format!(
                        "<link rel=\"icon\" type=\"image/svg+xml\" href=\"data:image/svg+xml;base64,{}\">",
                        base64(&svg)
                    ));
                }
                // The manifest, preloads of what is now inside: nothing to fetch.
                _ => {}
            }
            rest = &rest[tag_end + 1..];
        } else if lower.starts_with("<script") {
            let close = rest
                .to_ascii_lowercase()
                .find("</script>")
                .ok_or("a <script> element does not end")?;
            let kind = attribute(tag, "type").unwrap_or_default();
            match (kind.as_str(), attribute(tag, "src")) {
                ("module", Some(src)) => {
                    let code = start_up(&text(&src)?, &text, &read)?;
                    out.push_str(&format!("<script type=\"module\">{code}</script>"));
                    scripts.push(code);
                }
                (_, Some(src)) => {
                    let code = text(&src)?;
                    out.push_str(&format!("<script>{code}</script>"));
                    scripts.push(code);
                }
                // The report's data block naming its file: the file goes inside.
                ("application/json", None) if attribute(tag, "data-src").is_some() => {
                    let src = attribute(tag, "data-src").unwrap_or_default();
                    let json = text(&src)?.replace('<', "\\u003c");
                    let open = tag.replacen(&format!(" data-src=\"{src}\""), "", 1);
                    out.push_str(&format!("{open}{json}</script>"));
                }
                // Inline already (字号's prefs.js): kept, and allowed by its hash when it runs.
                (kind, None) => {
                    if matches!(kind, "" | "module" | "text/javascript") {
                        scripts.push(rest[tag_end + 1..close].to_string());
                    }
                    out.push_str(&rest[..close + "</script>".len()]);
                }
            }
            rest = &rest[close + "</script>".len()..];
        } else if lower.starts_with("<meta")
            && attribute(tag, "name").as_deref() == Some(crate::page::APP_START)
        {
            // The start-up module, inline (a file cannot load it), started at once.
            let src = attribute(tag, "content").unwrap_or_default();
            let code = start_up(&text(&src)?, &text, &read)?;
            out.push_str(&format!("<script type=\"module\">{code}</script>"));
            scripts.push(code);
            rest = &rest[tag_end + 1..];
        } else if lower.starts_with("<meta") && lower.contains("content-security-policy") {
            // Written again below, once the hashes are known.
            out.push_str(POLICY_MARK);
            rest = &rest[tag_end + 1..];
        } else if lower.starts_with("<html") {
            out.push_str("<html lang=\"zh-CN\" class=\"single-file\">");
            rest = &rest[tag_end + 1..];
        } else {
            out.push_str(tag);
            rest = &rest[tag_end + 1..];
        }
    }
    out.push_str(rest);
    // The scripts of the review notes and of reading aloud, which a page on a site loads when
    // needed (static/boot.js), come inside: a file cannot load them. Notes wait for the app.
    for name in [crate::page::NOTES_SCRIPT, crate::page::READ_ALOUD_SCRIPT] {
        if let Ok(code) = text(name) {
            if let Some(end) = out.rfind("</body>") {
                out.insert_str(end, &format!("<script>{code}</script>"));
                scripts.push(code);
            }
        }
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
        policy(&scripts, &styles)
    );
    Ok(out.replacen(POLICY_MARK, &meta, 1))
}

/// Where the policy goes until the hashes are known.
const POLICY_MARK: &str = "\u{0}policy\u{0}";

/// Hidden in the single file: what needs files beside the page, and the links to its address
/// (see the module docs).
const SINGLE_FILE_CSS: &str =
    "\n.single-file .open-report,.single-file [href=\"report.json\"],.single-file .section__share{display:none}\n";

/// The inline start-up module: the wasm-bindgen glue that Trunk's start-up module imports,
/// without its `export`, then the wasm started from base64 bytes, as Trunk's module does.
fn start_up(
    trunk_module: &str,
    text: &impl Fn(&str) -> Result<String, String>,
    read: &impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<String, String> {
    let glue_path = quoted_after(trunk_module, "from").ok_or("Trunk's module imports no glue")?;
    let wasm_path =
        quoted_after(trunk_module, "module_or_path:").ok_or("Trunk's module names no wasm")?;
    let glue = text(&glue_path)?;
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
    let wasm = read(&wasm_path)?;
    Ok(format!(
        "{glue}\nconst bytes=Uint8Array.from(atob(\"{}\"),c=>c.charCodeAt(0));\nawait __wbg_init({{module_or_path:bytes}});\n",
        base64(&wasm)
    ))
}

/// The first quoted string (`"…"`, `'…'` or `` `…` ``) after `key` in `code`.
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

/// An attribute's value in a start tag, quoted or not (as a minifier leaves it).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let inner = tag.trim_start_matches('<').trim_end_matches('>');
    crate::page::attribute_value(inner, name)
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, &b| n << 8 | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// SHA-256 (FIPS 180-4), for the policy's hashes.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in message.chunks(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..64 {
            let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7]
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v = [
                t1.wrapping_add(t2),
                v[0],
                v[1],
                v[2],
                v[3].wrapping_add(t1),
                v[4],
                v[5],
                v[6],
            ];
        }
        for (a, b) in h.iter_mut().zip(v) {
            *a = a.wrapping_add(b);
        }
    }
    let mut out = [0u8; 32];
    for (i, word) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&word.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn sha256_matches_the_standards_examples() {
        assert_eq!(
            hex(&sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(&sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(&sha256(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        // A CSP hash as browsers compute it: base64 of the digest.
        assert_eq!(
            base64(&sha256(b"alert(1)")),
            "bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI="
        );
    }

    #[test]
    fn base64_pads() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("嵩".as_bytes()), "5bWp");
    }

    #[test]
    fn a_built_page_becomes_one_file_with_hashes_for_what_is_inside() {
        let page = "<!doctype html><html lang=zh-CN><meta charset=utf-8>\
            <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">\
            <link rel=\"manifest\" href=\"manifest.webmanifest\">\
            <link href=/favicon-1.svg rel=icon><link rel=\"stylesheet\" href=\"/style-1.css\">\
            <noscript><link rel=stylesheet href=no-app.css></noscript>\
            <meta name=\"app-start\" content=\"/inline-1.js\">\
            <script>prefs();</script>\
            <body><div id=app><p>正文</p></div><script src=/boot-1.js></script>\
            <script type=\"application/json\" id=\"report-data\" data-src=\"/report-data-1.json\"></script></body>";
        let read = |name: &str| -> Result<Vec<u8>, String> {
            Ok(match name {
                "/favicon-1.svg" => b"<svg/>".to_vec(),
                "/style-1.css" => b"p{color:red}".to_vec(),
                "no-app.css" => b".x{}".to_vec(),
                "/boot-1.js" => b"boot();".to_vec(),
                "notes.js" => b"notes();".to_vec(),
                "/report-data-1.json" => b"{\"a\":\"<\"}".to_vec(),
                "/inline-1.js" => b"import init,*as bindings from\"/app-1.js\";const wasm=await init({module_or_path:`/app-1_bg.wasm`});".to_vec(),
                "/app-1.js" => b"function __wbg_init(){}export{initSync,__wbg_init as default};".to_vec(),
                "/app-1_bg.wasm" => vec![0, 97, 115, 109],
                other => return Err(format!("no {other}")),
            })
        };
        let file = assemble(page, read).unwrap();
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
        assert!(
            file.contains("<script>notes();</script></body>"),
            "the notes' script inside, last: {file}"
        );
        assert!(
            file.contains("<script>prefs();</script>"),
            "an inline script stays"
        );
        let prefs_hash = base64(&sha256(b"prefs();"));
        assert!(
            file.contains(&format!("'sha256-{prefs_hash}'")),
            "… allowed by its hash"
        );
        let notes_hash = base64(&sha256(b"notes();"));
        assert!(file.contains(&format!("'sha256-{notes_hash}' 'wasm-unsafe-eval'")));
        assert!(file
            .contains("function __wbg_init(){}\nconst bytes=Uint8Array.from(atob(\"AGFzbQ==\")"));
        assert!(!file.contains("export{"));
        assert!(
            file.contains("<div id=app><p>正文</p></div>"),
            "the text stays"
        );
        assert!(file.contains("id=\"report-data\">{\"a\":\"\\u003c\"}</script>"));
        let boot_hash = base64(&sha256(b"boot();"));
        assert!(file.contains(&format!("'sha256-{boot_hash}' ")));
        assert!(file.contains("script-src 'sha256-"));
        assert!(file.contains("'wasm-unsafe-eval'; style-src 'sha256-"));
        assert_eq!(file.matches("Content-Security-Policy").count(), 1);
    }

    #[test]
    fn a_page_that_is_not_a_release_build_is_refused() {
        let read = |_: &str| -> Result<Vec<u8>, String> { Err("none".into()) };
        assert!(assemble("<html><body></body></html>", read).is_err());
    }
}
