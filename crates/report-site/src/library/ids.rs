//! A report's id: its address in the library (`dist/<id>/`), made from its file name, the same
//! on every build.
//!
//! The rule: the name without its extension, lower case; every run of characters other than
//! ASCII letters and digits becomes one `-`, with none at either end, at most
//! [`LONGEST`] characters. A name with other characters (Chinese, for example) would lose them,
//! so it also gets `-` and eight hex digits of a hash of the whole name
//! (`云溪市 2031年政府工作报告.txt` → `2031-…`), which keeps two such names apart; give such a
//! report a readable id in the catalogue (`library.tsv`, column `id`). When two files make one
//! id, the one whose name sorts later gets `-2` (then `-3`, …), and the build says so.

use std::collections::BTreeSet;

/// The longest id, in characters (before a `-2` that keeps it apart from another).
pub const LONGEST: usize = 60;

/// Whether `id` may be a report's address: ASCII lower-case letters, digits and `-`,
/// starting with a letter or digit, at most [`LONGEST`] characters.
pub fn is_valid(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= LONGEST
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The id a file name makes (see the module's rule).
pub fn from_file_name(name: &str) -> String {
    let stem = match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => name,
    };
    let mut id = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    id.truncate(LONGEST);
    let mut id = id.trim_end_matches('-').to_string();
    if !stem.is_ascii() || id.is_empty() {
        let hash = &crate::content_hash(stem.as_bytes())[..8];
        if !id.is_empty() {
            id.truncate(LONGEST - 9);
            id = id.trim_end_matches('-').to_string();
            id.push('-');
        }
        id.push_str(hash);
    }
    id
}

/// Keeps ids apart: `wanted` (in the order of their file names) with `-2`, `-3`, … added to an
/// id already taken or `reserved` (the site's own folders); gives the ids and, for each changed
/// one, (the id wanted, the id given).
pub fn distinct(wanted: &[String], reserved: &[&str]) -> (Vec<String>, Vec<(String, String)>) {
    let mut taken: BTreeSet<String> = reserved.iter().map(|r| r.to_string()).collect();
    let mut changed = Vec::new();
    let ids = wanted
        .iter()
        .map(|id| {
            let mut given = id.clone();
            let mut n = 2;
            while !taken.insert(given.clone()) {
                given = format!("{id}-{n}");
                n += 1;
            }
            if given != *id {
                changed.push((id.clone(), given.clone()));
            }
            given
        })
        .collect();
    (ids, changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_keep_their_words() {
        assert_eq!(from_file_name("qinglan-2030.txt"), "qinglan-2030");
        assert_eq!(
            from_file_name("National 2025 (draft).TXT"),
            "national-2025-draft"
        );
        assert_eq!(from_file_name("a__b.json"), "a-b");
        assert!(is_valid(&from_file_name("x.txt")));
    }

    #[test]
    fn other_characters_add_a_hash_that_keeps_names_apart() {
        let a = from_file_name("云溪市 2031年政府工作报告.txt");
        let b = from_file_name("白川市 2031年政府工作报告.txt");
        assert!(
            a.starts_with("2031-") && a.len() == "2031-".len() + 8,
            "{a}"
        );
        assert_ne!(a, b);
        assert_eq!(
            a,
            from_file_name("云溪市 2031年政府工作报告.txt"),
            "the same every build"
        );
        let chinese = from_file_name("报告.txt");
        assert_eq!(chinese.len(), 8);
        assert!(is_valid(&chinese) && is_valid(&a));
        assert!(is_valid(&from_file_name("..txt")));
        let long = from_file_name(&format!("{}报告.txt", "a".repeat(100)));
        assert!(is_valid(&long), "{long}");
    }

    #[test]
    fn a_taken_id_gets_a_number() {
        let (ids, changed) = distinct(&["a".into(), "b".into(), "a".into(), "a".into()], &[]);
        assert_eq!(ids, ["a", "b", "a-2", "a-3"]);
        assert_eq!(changed.len(), 2);
        let (ids, _) = distinct(&["compare".into()], &["compare"]);
        assert_eq!(ids, ["compare-2"]);
    }

    #[test]
    fn validity() {
        for bad in ["", "-a", "A", "a b", "a/b", "..", "a.b"] {
            assert!(!is_valid(bad), "{bad}");
        }
        assert!(is_valid("songshi-2024"));
    }
}
