//! The Content-Security-Policy of the built page and of the single file, and the SHA-256
//! hashes (`'sha256-…'`, RustCrypto's `sha2`, base64 by `base64ct`) that allow exactly one
//! inline script or style each. Pure; no HTML here (the page's `<meta>` is written by
//! [`crate::built_page`] and [`crate::single_file`]).

use base64ct::{Base64, Encoding};
use sha2::{Digest, Sha256};

/// The page's Content-Security-Policy: nothing but this site's own files, wasm allowed to
/// compile, no inline script or style, no base or form targets. The built page adds the hash
/// of its one inline script, 字号's pre-paint script ([`policy_with_scripts`],
/// `built_page::with_head_script`). `data:` images are the only outside source (none
/// today; the exports are `data:` links, which CSP does not govern).
pub const CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'";

/// The policy's source for exactly this inline script or style: `'sha256-…'`, the base64 of
/// the SHA-256 of its text, as browsers compute it.
pub fn hash_source(code: &str) -> String {
    format!("'sha256-{}'", Base64::encode_string(&Sha256::digest(code)))
}

/// A policy's sources for exactly these inline scripts or styles ([`hash_source`] each), by a
/// space.
pub fn hash_sources(list: &[&str]) -> String {
    list.iter()
        .map(|code| hash_source(code))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The policy of a page with the given inline scripts: [`CSP`] with each script allowed by
/// its hash (after `'self'`): one exact script, nothing else.
pub fn policy_with_scripts(scripts: &[&str]) -> String {
    if scripts.is_empty() {
        return CSP.to_string();
    }
    CSP.replacen(
        "script-src 'self'",
        &format!("script-src 'self' {}", hash_sources(scripts)),
        1,
    )
}

/// The single file's policy: its inline scripts and styles each allowed by its hash instead of
/// `'self'` (a file has no site), wasm allowed to compile, nothing fetched (`default-src
/// 'none'`, no `connect-src`), images only as `data:`.
pub fn single_file_policy(scripts: &[&str], styles: &[&str]) -> String {
    format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data:; base-uri 'none'; form-action 'none'",
        hash_sources(scripts),
        hash_sources(styles)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_is_the_base64_of_the_sha256_as_browsers_compute_it() {
        // FIPS 180-2's example, in base64.
        assert_eq!(
            hash_source("abc"),
            "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='"
        );
        // A script as Chromium reports it when the policy refuses it.
        assert_eq!(
            hash_source("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
        assert_eq!(
            hash_sources(&["abc", "abc"]),
            format!("{0} {0}", hash_source("abc"))
        );
    }

    #[test]
    fn the_page_policy_allows_exactly_its_inline_scripts() {
        assert_eq!(policy_with_scripts(&[]), CSP);
        let policy = policy_with_scripts(&["abc"]);
        assert!(policy.contains(
            "script-src 'self' 'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=' 'wasm-unsafe-eval';"
        ));
        assert_eq!(policy.replace(&format!(" {}", hash_source("abc")), ""), CSP);
    }

    #[test]
    fn the_single_file_policy_names_every_inline_script_and_style() {
        let policy = single_file_policy(&["abc"], &["p{}"]);
        assert!(policy.starts_with(&format!(
            "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {};",
            hash_source("abc"),
            hash_source("p{}")
        )));
        assert!(!policy.contains("'self'"), "a file has no site");
        assert!(!policy.contains("connect-src"), "nothing is fetched");
    }
}
