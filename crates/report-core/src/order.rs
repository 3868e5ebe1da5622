//! One sort for the whole app, and sets of ids without a B-tree.
//!
//! One sort: every `sort`, `sort_by_key` or `collect` into a B-tree of the standard library is
//! a new copy of its sorting code in the wasm; sorting through one key type keeps a single copy
//! (docs/size-budget.md). Stable: equal keys keep their order.

/// Sorts `items` by `key`, stably.
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u128) {
    let mut keyed: Vec<(u128, usize)> = items.iter().map(&key).zip(0..).collect();
    keyed.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(keyed.into_iter().filter_map(|(_, i)| slots[i].take()));
}

/// Sorts `items` by `key` and drops the ones whose key repeats the one before.
pub fn sort_unique_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u128) {
    sort_by_key(items, &key);
    items.dedup_by(|a, b| key(a) == key(b));
}

/// A set of ids (section ids: a few hundred at most) as a sorted vector: the app's only set, so
/// the wasm carries no B-tree (docs/size-budget.md).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IdSet(Vec<String>);

impl IdSet {
    pub fn contains(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// False when it was there already.
    pub fn insert(&mut self, id: String) -> bool {
        match self.find(&id) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, id);
                true
            }
        }
    }

    /// False when it was not there.
    pub fn remove(&mut self, id: &str) -> bool {
        match self.find(id) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The ids in order.
    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.0.iter()
    }

    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|x| x.as_str().cmp(id))
    }
}

impl FromIterator<String> for IdSet {
    fn from_iter<I: IntoIterator<Item = String>>(ids: I) -> Self {
        let mut set = IdSet::default();
        for id in ids {
            set.insert(id);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_set_holds_each_id_once_in_order() {
        let mut set: IdSet = ["b", "a", "b"].map(String::from).into_iter().collect();
        assert!(set.contains("a") && set.contains("b") && !set.contains("c"));
        assert!(!set.insert("a".into()));
        assert!(set.insert("c".into()));
        assert_eq!(
            set.iter().map(String::as_str).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
        assert!(set.remove("b"));
        assert!(!set.remove("b"));
        set.clear();
        assert!(set.is_empty());
    }

    #[test]
    fn sorts_stably_by_the_key() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |(k, _)| *k as u128);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn unique_drops_repeated_keys() {
        let mut v = vec![5usize, 1, 5, 3, 1];
        sort_unique_by_key(&mut v, |n| *n as u128);
        assert_eq!(v, [1, 3, 5]);
        let mut empty: Vec<usize> = Vec::new();
        sort_unique_by_key(&mut empty, |n| *n as u128);
        assert!(empty.is_empty());
    }
}
