//! The files and folders a load goes through, in the walk's order: the content folder walked,
//! or, when the watcher has said which paths changed since the last load, that load's list
//! with only those paths looked at. A save then costs a look at one file, not at every file
//! of a large site (at 10,000 files, the walk and its look at each file were a third of a
//! reload).

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::Path;

/// One file or folder as a load listed it.
#[derive(Debug, Clone)]
pub(super) struct Listed {
    /// Its path relative to the content folder, with `/` separators.
    pub rel: String,
    pub is_dir: bool,
    /// A folder whose files were not listed, being no content (an unknown folder).
    pub skipped: bool,
}

/// An entry a load goes through.
#[derive(Debug)]
pub(super) struct Entry {
    /// Its path relative to the content folder, with `/` separators.
    pub rel: String,
    /// 1 for what is directly in the content folder.
    pub depth: usize,
    pub is_dir: bool,
    pub is_symlink: bool,
    /// Known not to have changed since the last load: no change was seen at its path.
    pub unchanged: bool,
}

impl Entry {
    /// Its file name.
    pub fn name(&self) -> &str {
        self.rel.rsplit('/').next().unwrap_or_default()
    }
}

/// The order a walk lists paths in: a folder's entries by name, each folder followed by what
/// is in it (`a/b`, `a/b/c`, `a/b-c`), which is not the order of the paths as strings.
fn walk_order(a: &str, b: &str) -> Ordering {
    a.split('/').cmp(b.split('/'))
}

/// Whether a walk goes on to an entry: not to what editors keep beside their files.
fn kept(entry: &walkdir::DirEntry) -> bool {
    !super::is_ignored(&entry.file_name().to_string_lossy())
}

type Walk = walkdir::FilterEntry<walkdir::IntoIter, fn(&walkdir::DirEntry) -> bool>;

/// Goes through a load's entries, and lists them for the next load.
pub(super) struct Entries {
    source: Source,
    /// What this load listed; `None` once it met what only a walk lists right (a link, a
    /// folder it could not read).
    listed: Option<Vec<Listed>>,
    /// Whether the current entry's folder is to be skipped.
    last_dir: bool,
}

enum Source {
    Walk { dir: std::path::PathBuf, walk: Box<Walk> },
    Replay { listing: std::vec::IntoIter<Listed>, changed: HashSet<String> },
}

impl Entries {
    /// The entries of the content folder at `dir`: the last load's `listing` with `changed`
    /// (the paths the watcher saw change since, relative to `dir`) applied where both are
    /// known and every change is a file's; else a walk. Lists them for the next load only if
    /// `to_list` (the watcher's loads; `check` and startup need no list).
    pub fn new(dir: &Path, listing: Option<Vec<Listed>>, changed: Option<BTreeSet<String>>, to_list: bool) -> Self {
        let replayed = listing.zip(changed).and_then(|(listing, changed)| replay(dir, listing, &changed));
        let source = match replayed {
            Some((listing, changed)) => Source::Replay { listing: listing.into_iter(), changed },
            None => {
                let walk = walkdir::WalkDir::new(dir)
                    .follow_links(true)
                    .min_depth(1)
                    // Entries of one folder share its path, so their whole paths, compared as
                    // bytes, sort as their names do; `file_name()` parses the path anew at each
                    // comparison, a tenth of a reload's reading at 10,000 files.
                    .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
                    .into_iter()
                    .filter_entry(kept as fn(&walkdir::DirEntry) -> bool);
                Source::Walk { dir: dir.to_path_buf(), walk: Box::new(walk) }
            }
        };
        Entries { source, listed: to_list.then(Vec::new), last_dir: false }
    }

    /// The next entry, or why the walk could not list one.
    pub fn next(&mut self) -> Option<Result<Entry, walkdir::Error>> {
        let entry = match &mut self.source {
            Source::Walk { dir, walk } => match walk.next()? {
                Ok(entry) => Entry {
                    rel: super::relative(dir, entry.path()),
                    depth: entry.depth(),
                    is_dir: entry.file_type().is_dir(),
                    is_symlink: entry.path_is_symlink(),
                    unchanged: false,
                },
                Err(e) => {
                    self.listed = None;
                    return Some(Err(e));
                }
            },
            Source::Replay { listing, changed } => {
                let listed = listing.next()?;
                let unchanged = !changed.contains(&listed.rel);
                let depth = listed.rel.split('/').count();
                Entry { rel: listed.rel, depth, is_dir: listed.is_dir, is_symlink: false, unchanged }
            }
        };
        if entry.is_symlink {
            self.listed = None;
        }
        if let Some(listed) = &mut self.listed {
            listed.push(Listed { rel: entry.rel.clone(), is_dir: entry.is_dir, skipped: false });
        }
        self.last_dir = entry.is_dir;
        Some(Ok(entry))
    }

    /// Goes no further into the folder just listed.
    pub fn skip_current_dir(&mut self) {
        if !self.last_dir {
            return;
        }
        if let Source::Walk { walk, .. } = &mut self.source {
            walk.skip_current_dir();
        }
        if let Some(last) = self.listed.as_mut().and_then(|listed| listed.last_mut()) {
            last.skipped = true;
        }
    }

    /// What this load listed, for the next one to start from.
    pub fn listed(self) -> Option<Vec<Listed>> {
        self.listed
    }
}

/// The last load's `listing` with the `changed` paths applied, and which of its files are
/// among them; `None` where a change is a folder's or a link's, which only a walk lists right.
fn replay(dir: &Path, mut listing: Vec<Listed>, changed: &BTreeSet<String>) -> Option<(Vec<Listed>, HashSet<String>)> {
    let mut files = HashSet::with_capacity(changed.len());
    for rel in changed {
        if rel.split('/').any(|part| part.is_empty() || part == "." || part == "..") {
            return None;
        }
        if rel.split('/').any(super::is_ignored) {
            continue;
        }
        let at = listing.binary_search_by(|l| walk_order(&l.rel, rel));
        match fs::symlink_metadata(dir.join(rel)) {
            Ok(metadata) if metadata.file_type().is_file() => match at {
                Ok(i) if listing[i].is_dir => return None,
                Ok(_) => {}
                Err(i) => {
                    let listed_parent = match rel.rsplit_once('/') {
                        None => true,
                        Some((parent, _)) => listing
                            .binary_search_by(|l| walk_order(&l.rel, parent))
                            .is_ok_and(|p| listing[p].is_dir && !listing[p].skipped),
                    };
                    if !listed_parent {
                        return None;
                    }
                    listing.insert(i, Listed { rel: rel.clone(), is_dir: false, skipped: false });
                }
            },
            Ok(_) => return None,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => match at {
                Ok(i) if listing[i].is_dir => return None,
                Ok(i) => {
                    listing.remove(i);
                    continue;
                }
                // A file made and gone again between two loads (an editor's temporary file).
                Err(_) => continue,
            },
            Err(_) => return None,
        }
        files.insert(rel.clone());
    }
    Some((listing, files))
}

#[cfg(test)]
mod tests {
    use super::walk_order;

    #[test]
    fn a_folder_comes_before_a_sibling_whose_name_it_begins() {
        let mut paths = vec!["a/b-c", "a/b/c", "a/b", "a", "a/b/a"];
        paths.sort_by(|a, b| walk_order(a, b));
        assert_eq!(paths, ["a", "a/b", "a/b/a", "a/b/c", "a/b-c"]);
    }
}
