//! What the watcher's loads remember of each file, by path, from one reload to the next: each
//! load marks what it used, and what it did not use is forgotten when it ends.

use std::collections::HashMap;

/// A value per file, by its path relative to the content folder. One map marked by the load
/// that last used each entry, rather than one map taken from and one filled, so that a reload
/// at 100,000 files moves no entry and hashes each path once (fold hashing: the paths are the
/// editors', not a visitor's).
#[derive(Debug)]
pub struct Remembered<V> {
    files: HashMap<String, (u64, V), foldhash::fast::RandomState>,
    /// The number of the load going on; an entry marked with an older one was not used by it.
    load: u64,
}

impl<V> Default for Remembered<V> {
    fn default() -> Self {
        Remembered { files: HashMap::default(), load: 0 }
    }
}

impl<V> Remembered<V> {
    /// What the last load kept for the file at `path`, if `still` holds of it; marked as used
    /// by this load.
    pub fn recall(&mut self, path: &str, still: impl FnOnce(&V) -> bool) -> Option<&V> {
        let (load, value) = self.files.get_mut(path)?;
        if !still(value) {
            return None;
        }
        *load = self.load;
        Some(value)
    }

    /// Keeps `value` for the file at `path`, in place of what was kept for it.
    pub fn keep(&mut self, path: &str, value: V) {
        match self.files.get_mut(path) {
            Some(entry) => *entry = (self.load, value),
            None => {
                self.files.insert(path.to_owned(), (self.load, value));
            }
        }
    }

    /// Ends a load: what it did not use is forgotten, what it used is the next load's to recall.
    pub fn finish(&mut self) {
        let load = self.load;
        self.files.retain(|_, (used, _)| *used == load);
        self.load += 1;
    }

    /// How many files it remembers.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether it remembers no file.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}
