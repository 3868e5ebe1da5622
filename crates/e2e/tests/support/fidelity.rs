//! The fidelity comparison shared by the native and the browser tests: NFKC, whitespace
//! removed, and on failure the first differing character with its context.

use unicode_normalization::UnicodeNormalization;

/// NFKC, then every whitespace character removed.
pub fn fold(s: &str) -> Vec<char> {
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// Asserts that `shown` and `raw` are equal after NFKC and whitespace removal, pointing at the
/// first differing character on failure.
pub fn assert_same_text(shown: &str, raw: &str) {
    let (a, b) = (fold(shown), fold(raw));
    if a == b {
        return;
    }
    let at = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let context = |v: &[char]| -> String {
        v.iter()
            .skip(at.saturating_sub(20))
            .take(40)
            .collect::<String>()
    };
    panic!(
        "texts differ at character {at} (lengths {} and {}):\n shown: …{}…\n   raw: …{}…",
        a.len(),
        b.len(),
        context(&a),
        context(&b)
    );
}
