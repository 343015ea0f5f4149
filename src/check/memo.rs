//! What `check` made of each entity file at the last reload, so that under `--watch` a save
//! parses and renders only the files whose text changed. Everything that looks across files
//! (references, slugs, languages, BibTeX owners) is checked in full every time, so a reload
//! with the memo gives exactly the site a reload without it gives.

use std::any::Any;
use std::sync::Arc;

use crate::load::Remembered;

/// The typed entity each file read as, by the file's path and its text; kept by the
/// watcher from one reload to the next. Files that do not parse, or whose body does not render,
/// are not kept: they are read again. The checks of `admit` run on every entity, kept or not.
#[derive(Default)]
pub struct Memo {
    /// What the last check made of each file, and what this one makes: files gone since are
    /// forgotten.
    made: Remembered<Made>,
}

/// One file's entity, and the text it was made from: shared with the loader's memo, so a file
/// not read again is known unchanged without comparing its text.
struct Made {
    text: Arc<String>,
    entity: Box<dyn Any + Send + Sync>,
}

impl Memo {
    /// The entity the file at `path` read as when its text was `text`, if it was kept.
    pub(super) fn recall<T: Clone + 'static>(&mut self, path: &str, text: &Arc<String>) -> Option<T> {
        let same = |made: &Made| Arc::ptr_eq(&made.text, text) || made.text == *text;
        self.made.recall(path, |made| same(made) && made.entity.is::<T>())?.entity.downcast_ref::<T>().cloned()
    }

    /// Keeps what the file at `path`, its text being `text`, read as.
    pub(super) fn keep<T: Clone + Send + Sync + 'static>(&mut self, path: &str, text: &Arc<String>, entity: &T) {
        self.made.keep(path, Made { text: Arc::clone(text), entity: Box::new(entity.clone()) });
    }

    /// Ends a check: what it kept is what the next one recalls.
    pub(super) fn finish(&mut self) {
        self.made.finish();
    }

    /// How many files it holds.
    pub fn len(&self) -> usize {
        self.made.len()
    }

    /// Whether it holds no file.
    pub fn is_empty(&self) -> bool {
        self.made.is_empty()
    }
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memo").field("files", &self.made.len()).finish()
    }
}
