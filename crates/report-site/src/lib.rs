//! The native tools that make the static site from a report: the build step after Trunk
//! (`prerender`) and the importer (`report-import`). Nothing here reaches the browser.
//!
//! The modules depend on each other one way only, from the top of this list down:
//!
//! - [`library`] — many reports in one site: the folder read, a page per report, the library
//!   page, `library.json`, `targets.json` / `targets.csv`;
//! - [`render`] — Yew's server renderer run to its end (the report app, the site's own pages);
//! - [`single_file`] — one self-contained HTML file of a built site;
//! - [`built_page`] — the rewrites of the built `index.html` (the report inside, its preview,
//!   the policy's place, one stylesheet, the deferred start);
//! - [`offline`] — the web app manifest, the service worker and which files it precaches;
//! - [`icons`] — the home-screen PNG icons drawn from the SVG favicon;
//! - [`policy`] — the Content-Security-Policy and the SHA-256 hashes of inline code;
//! - [`source`] — which report a build makes, and reading it;
//! - `markup` (private) — reading and rewriting HTML with a real tokenizer (lol_html), and
//!   writing text and attribute values into HTML.

pub mod built_page;
pub mod icons;
pub mod library;
mod markup;
pub mod offline;
pub mod policy;
pub mod render;
pub mod single_file;
pub mod source;

/// A hash of a file's bytes for a name that changes with its content (`style-<hash>.css`):
/// FNV-1a, 64 bits, as 16 hex digits. Not for security: the policy uses SHA-256 ([`policy`]).
pub(crate) fn content_hash(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}
