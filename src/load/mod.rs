//! Reads every file under a content folder and splits each into TOML front matter and a
//! Markdown body. Knows nothing of fields: only files, folders, file names and the `+++` lines.

mod document;
mod listing;
mod remembered;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::Path;
use std::sync::Arc;

pub use document::{Document, SourceFile};
pub use remembered::Remembered;

use crate::diagnostic::{ContentError, Span, nearest};
use crate::images::{Probe, Problem};
use crate::model::{EntityKind, Slug};

/// The folder under content/ for images an editor adds; its files are not entities.
pub const MEDIA_FOLDER: &str = "media";
/// The file of site-wide settings.
pub const SETTINGS_FILE: &str = "site.toml";
/// The editors' reference, which lives beside the content and is not content.
const README_FILE: &str = "README.md";

/// Everything read from a content folder: the text of each file (for error snippets), the
/// settings file and the entity documents, and the mistakes found on the way.
#[derive(Debug, Default)]
pub struct Content {
    /// Every text file read, in path order.
    pub sources: Vec<SourceFile>,
    /// Index in `sources` of `site.toml`, if present.
    pub settings: Option<usize>,
    /// One document per entity file.
    pub documents: Vec<Document>,
    /// Index in `sources` of each BibTeX file in `publications/`, each holding many entities.
    pub bibliographies: Vec<usize>,
    /// Files under `media/`, as paths relative to the content folder (`media/hero.jpg`):
    /// the only files the server will send from disk.
    pub media: BTreeSet<String>,
    /// When the newest file read was last changed: the content's `Last-Modified`.
    pub modified: Option<std::time::SystemTime>,
    /// Mistakes in files and folders: names, encodings, front matter delimiters.
    pub errors: Vec<ContentError>,
    /// Bodies in another language, from files named `{slug}.{language}.md`.
    pub translations: Vec<Translation>,
    /// What each image file under `media/` is, or why it cannot be shown, by path.
    pub images: BTreeMap<String, Result<Probe, Problem>>,
}

/// The body of an entity in another of the site's languages, from `{slug}.{language}.md`
/// beside the entity's own file: only Markdown, since the translated fields live in the
/// entity's file and one entity stays one file.
#[derive(Debug, Clone)]
pub struct Translation {
    /// Index of the file in `Content::sources`.
    pub source: usize,
    /// From the folder.
    pub kind: EntityKind,
    /// The entity it translates, from the file name.
    pub slug: Slug,
    /// The language, from the file name: `nb` in `wellfare.nb.md`.
    pub language: String,
    /// Where the Markdown starts in the file: after a byte order mark, if any. The body is read
    /// from the file's text, not copied, as a [`Document`]'s is.
    pub body_start: usize,
}

impl Translation {
    /// The translation in `text`, or where its front matter opens: a translation has none.
    fn new(
        source: usize,
        kind: EntityKind,
        slug: Slug,
        language: String,
        text: &str,
    ) -> Result<Self, std::ops::Range<usize>> {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        if body.lines().next().is_some_and(|line| line.trim_end() == "+++") {
            let start = text.len() - body.len();
            return Err(start..start + 3);
        }
        Ok(Translation { source, kind, slug, language, body_start: text.len() - body.len() })
    }

    /// The Markdown, from `text`, the text of the translation's file.
    pub fn body<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.body_start..).unwrap_or_default()
    }
}

/// The entity and language a file's stem names when it is a translation: `wellfare.nb` is
/// `wellfare` in `nb`. The language is a tag's shape (`nb`, `nb-NO`); whether the site is
/// published in it is `check`'s to say.
fn translation_of(stem: &str) -> Option<(Slug, String)> {
    let (base, language) = stem.rsplit_once('.')?;
    // A file name writes the language in lower case (`nb`, `nb-NO`): `Care.Md` is no translation.
    let lower = language.split('-').next().is_some_and(|primary| primary.chars().all(|c| c.is_ascii_lowercase()));
    let is_tag = crate::model::is_language_tag(language) && lower;
    is_tag.then(|| Some((Slug::parse(base)?, language.to_owned()))).flatten()
}

impl Content {
    /// The text of the file a document came from.
    pub fn source(&self, document: &Document) -> &SourceFile {
        &self.sources[document.source]
    }
}

/// The text of each file as the last load read it, with the size and times it had then; kept
/// by the watcher, so that a reload opens only the files that changed since (and those that
/// had changed less than [`SETTLED`] before they were read).
#[derive(Debug, Default)]
pub struct Texts {
    /// What the last load read, and what this one reads: files gone since are forgotten.
    read: Remembered<Read>,
    /// The files and folders the last load went through, where a walk can be replayed.
    listing: Option<Vec<listing::Listed>>,
    /// The paths the watcher saw change since the last load, relative to the content folder;
    /// `None` when anything may have changed.
    changed: Option<BTreeSet<String>>,
}

/// One file's text, and what its metadata said when it was read.
#[derive(Debug)]
struct Read {
    stamp: Stamp,
    modified: std::time::SystemTime,
    /// When it was read. A file changed less than [`SETTLED`] before that may have changed
    /// again within the same tick of the file system's clock, so its time proves nothing.
    at: std::time::SystemTime,
    text: Arc<String>,
}

/// What else the file system says of a file that changes with its text: its size and, on
/// Unix, its inode and the time of its last status change, which a tool that sets the time of
/// change back (`touch -r`, `rsync -t`) or a file moved into its place changes too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    status: (i64, i64, u64),
}

impl Stamp {
    fn of(metadata: &fs::Metadata) -> Self {
        #[cfg(unix)]
        let status = {
            use std::os::unix::fs::MetadataExt;
            (metadata.ctime(), metadata.ctime_nsec(), metadata.ino())
        };
        #[cfg(not(unix))]
        let status = (0, 0, 0);
        Stamp { len: metadata.len(), status }
    }
}

/// How long before it was read a file must have been last changed for its size and time to
/// vouch for its text (as Git treats a file changed in the second its index was written).
const SETTLED: std::time::Duration = std::time::Duration::from_secs(1);

impl Texts {
    /// Tells the next load that, since the last, nothing but the files and folders at `paths`
    /// (relative to the content folder, `/`-separated) changed: it looks at only those where it
    /// can, and walks the folder where one is a folder or a link. The watcher knows this from
    /// its events; a load not told walks and looks at every file.
    pub fn changed_only(&mut self, paths: BTreeSet<String>) {
        self.changed = Some(paths);
    }

    /// The text kept for the file at `rel`, known unchanged since it was read.
    fn recall_unchanged(&mut self, rel: &str) -> Option<(Arc<String>, std::time::SystemTime)> {
        let read = self.read.recall(rel, |_| true)?;
        Some((Arc::clone(&read.text), read.modified))
    }

    /// The text kept for the file at `rel`, if the file has the same size and time of change
    /// as when it was read, and had not been changed just before.
    fn recall(&mut self, rel: &str, metadata: &fs::Metadata) -> Option<(Arc<String>, std::time::SystemTime)> {
        let modified = metadata.modified().ok()?;
        let stamp = Stamp::of(metadata);
        let read = self.read.recall(rel, |read| {
            let settled = read.at.duration_since(read.modified).is_ok_and(|age| age >= SETTLED);
            settled && read.stamp == stamp && read.modified == modified
        })?;
        Some((Arc::clone(&read.text), modified))
    }

    /// Keeps the text just read of the file at `rel`.
    fn keep(&mut self, rel: &str, text: &Arc<String>, stamp: Stamp, modified: Option<std::time::SystemTime>) {
        let Some(modified) = modified else { return };
        self.read.keep(rel, Read { stamp, modified, at: std::time::SystemTime::now(), text: Arc::clone(text) });
    }

    /// Ends a load: what it kept is what the next one recalls.
    fn finish(&mut self) {
        self.read.finish();
    }
}

/// Reads the content folder at `dir`. Never fails as a whole: every problem becomes an
/// error in [`Content::errors`], and every readable file is kept. With `texts` (the
/// watcher's), only the files whose size or times are not what it holds are opened,
/// and it is left holding what this load read.
pub fn load_dir(dir: &Path, mut texts: Option<&mut Texts>) -> Content {
    let content = load(dir, texts.as_deref_mut());
    if let Some(texts) = texts {
        texts.finish();
    }
    content
}

fn load(dir: &Path, mut texts: Option<&mut Texts>) -> Content {
    let mut content = Content::default();
    if let Err(e) = fs::read_dir(dir) {
        content.errors.push(ContentError::MissingFolder { path: dir.to_path_buf(), reason: e.to_string() });
        return content;
    }
    let mut seen: HashMap<(EntityKind, Slug), Span> = HashMap::new();
    let root = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let media_root = fs::canonicalize(dir.join(MEDIA_FOLDER)).ok();
    let (listing, changed) = match texts.as_deref_mut() {
        Some(texts) => (texts.listing.take(), texts.changed.take()),
        None => (None, None),
    };
    let mut walk = listing::Entries::new(dir, listing, changed, texts.is_some());
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().map(|p| relative(dir, p)).unwrap_or_default();
                if let Some(stray) = e.path().filter(|p| is_link(p)).and_then(|p| stray_link(&root, p, &path)) {
                    content.errors.push(stray);
                    continue;
                }
                let reason = if e.loop_ancestor().is_some() {
                    "a symbolic link loops back to a folder above it".to_owned()
                } else {
                    e.to_string()
                };
                content.errors.push(ContentError::Unreadable { at: Span::file(&path), reason });
                continue;
            }
        };
        let is_dir = entry.is_dir;
        if entry.is_symlink
            && let Some(stray) = stray_link(&root, &dir.join(&entry.rel), &entry.rel)
        {
            content.errors.push(stray);
            // Walkdir has listed the folder the link leads to, but goes no further in.
            if is_dir {
                walk.skip_current_dir();
            }
            continue;
        }
        let name = entry.name().to_owned();
        let path = entry.rel.clone();
        let top = path.split('/').next().unwrap_or_default();
        if entry.depth == 1 {
            if is_dir {
                if top != MEDIA_FOLDER && EntityKind::from_folder(top).is_none() {
                    let folders: Vec<String> = EntityKind::ALL
                        .iter()
                        .map(|k| k.folder().to_owned())
                        .chain([MEDIA_FOLDER.to_owned()])
                        .collect();
                    content.errors.push(ContentError::UnknownFolder {
                        at: Span::file(&path),
                        folder: name.clone(),
                        nearest: nearest(&name, &folders),
                    });
                    walk.skip_current_dir();
                }
            } else if name == SETTINGS_FILE {
                if let Some((text, modified)) = read_text(&mut content, texts.as_deref_mut(), dir, &entry) {
                    content.settings = Some(content.sources.len());
                    content.sources.push(SourceFile { path, text, modified });
                }
            } else if name != README_FILE {
                content.errors.push(ContentError::UnexpectedFile { at: Span::file(&path), name });
            }
            continue;
        }
        if top == MEDIA_FOLDER {
            if !is_dir {
                let inside = fs::canonicalize(dir.join(&path))
                    .ok()
                    .zip(media_root.as_ref())
                    .is_some_and(|(p, root)| p.starts_with(root));
                if inside {
                    content.media.insert(path);
                } else {
                    content.errors.push(ContentError::MediaOutside { at: Span::file(&path) });
                }
            }
            continue;
        }
        if is_dir {
            continue;
        }
        let Some(kind) = EntityKind::from_folder(top) else {
            continue;
        };
        if kind == EntityKind::Publication && name.ends_with(".bib") {
            if let Some((text, modified)) = read_text(&mut content, texts.as_deref_mut(), dir, &entry) {
                content.bibliographies.push(content.sources.len());
                content.sources.push(SourceFile { path, text, modified });
            }
            continue;
        }
        let (stem, extension) = match name.rsplit_once('.') {
            Some((stem, ext @ ("md" | "toml"))) => (stem, ext),
            _ => {
                content.errors.push(ContentError::UnexpectedFile { at: Span::file(&path), name });
                continue;
            }
        };
        if let Some((base, language)) = translation_of(stem).filter(|_| extension == "md") {
            if let Some((text, modified)) = read_text(&mut content, texts.as_deref_mut(), dir, &entry) {
                let source = content.sources.len();
                match Translation::new(source, kind, base, language, &text) {
                    Ok(translation) => content.translations.push(translation),
                    Err(at) => {
                        content.errors.push(ContentError::TranslationFrontMatter { at: Span::new(&path, &text, at) })
                    }
                }
                content.sources.push(SourceFile { path, text, modified });
            }
            continue;
        }
        let Some(slug) = Slug::parse(stem) else {
            let suggestion = Slug::suggest(stem).map(|s| format!("{s}.{extension}"));
            content.errors.push(ContentError::BadFileName { at: Span::file(&path), name, suggestion });
            continue;
        };
        if let Some(other) = seen.get(&(kind, slug.clone())) {
            content.errors.push(ContentError::DuplicateSlug {
                at: Span::file(&path),
                kind,
                slug: slug.to_string(),
                other: other.to_string(),
            });
            continue;
        }
        seen.insert((kind, slug.clone()), Span::file(&path));
        let Some((text, modified)) = read_text(&mut content, texts.as_deref_mut(), dir, &entry) else {
            continue;
        };
        let source = content.sources.len();
        let document = if extension == "md" {
            Document::markdown(source, kind, slug, &text)
        } else {
            Ok(Document::toml(source, kind, slug, &text))
        };
        match document {
            Ok(document) => content.documents.push(document),
            Err(problem) => content.errors.push(problem.into_error(Span::new(&path, &text, problem.range()))),
        }
        content.sources.push(SourceFile { path, text, modified });
    }
    if let Some(texts) = texts {
        texts.listing = walk.listed();
    }
    content.images = probe_images(dir, &content.media);
    content
}

/// What each image in `media/` is, read by as many threads as there are cores: hashing a
/// hundred camera photos is most of a start's work.
fn probe_images(dir: &Path, media: &BTreeSet<String>) -> BTreeMap<String, Result<Probe, Problem>> {
    let files: Vec<&String> = media.iter().collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(files.len().max(1));
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let probing: Vec<_> = files
            .chunks(chunk)
            .map(|files| {
                scope.spawn(move || {
                    files
                        .iter()
                        .filter_map(|f| Some(((*f).clone(), crate::images::probe(&dir.join(f))?)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        probing.into_iter().flat_map(|p| p.join().unwrap_or_default()).collect()
    })
}

/// Files editors keep beside the one being edited are not content: dot files (swap files,
/// `.git`), `~` backups, Emacs's `#autosave#` files and Vim's `4913` write probe.
fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || (name.len() > 1 && name.chars().all(|c| c.is_ascii_digit()))
}

fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// The mistake a link at `path` makes when it leads out of the content folder (whose
/// canonical path is `root`) or nowhere: whatever is there is not the site's to read, and a
/// link to `/usr` would otherwise be walked file by file. Links within the folder are fine.
fn stray_link(root: &Path, path: &Path, rel: &str) -> Option<ContentError> {
    match fs::canonicalize(path) {
        Ok(target) if target.starts_with(root) => None,
        Ok(target) => Some(ContentError::LinkOutside { at: Span::file(rel), target: target.display().to_string() }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let target = fs::read_link(path).map(|t| t.display().to_string()).unwrap_or_default();
            Some(ContentError::DanglingLink { at: Span::file(rel), target })
        }
        Err(_) => None,
    }
}

fn relative(dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// The text of the file `entry` in the content folder `dir`, from `texts` where it has not
/// changed since it was read; a file that cannot be read or is not UTF-8 is a mistake.
fn read_text(
    content: &mut Content,
    texts: Option<&mut Texts>,
    dir: &Path,
    entry: &listing::Entry,
) -> Option<(Arc<String>, Option<std::time::SystemTime>)> {
    let rel = entry.rel.as_str();
    if let Some(texts) = texts {
        let kept = match entry.unchanged {
            true => texts.recall_unchanged(rel),
            false => fs::metadata(dir.join(rel)).ok().and_then(|metadata| texts.recall(rel, &metadata)),
        };
        if let Some((text, modified)) = kept {
            content.modified = content.modified.max(Some(modified));
            return Some((text, Some(modified)));
        }
        let read = read_file(content, &dir.join(rel), rel)?;
        texts.keep(rel, &read.0, read.2, read.1);
        return Some((read.0, read.1));
    }
    read_file(content, &dir.join(rel), rel).map(|(text, modified, _)| (text, modified))
}

/// The text of the file at `path`, its time of change and the rest of its stamp.
fn read_file(
    content: &mut Content,
    path: &Path,
    rel: &str,
) -> Option<(Arc<String>, Option<std::time::SystemTime>, Stamp)> {
    // One open per file: its time and size come from the open file, not another path lookup.
    let read = fs::File::open(path).and_then(|mut file| {
        let metadata = file.metadata()?;
        let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0).saturating_add(1));
        // Through `take`, so that std does not ask the file's size and position once more (a
        // `statx` and an `lseek` for each of 100,000 files) to size a buffer already sized.
        std::io::Read::read_to_end(&mut std::io::Read::take(&mut file, u64::MAX), &mut bytes)?;
        Ok((bytes, metadata.modified().ok(), Stamp::of(&metadata)))
    });
    match read {
        Ok((bytes, modified, stamp)) => match String::from_utf8(bytes) {
            Ok(text) => {
                content.modified = content.modified.max(modified);
                Some((Arc::new(text), modified, stamp))
            }
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
                content.errors.push(ContentError::NotUtf8 { at: Span::new(rel, &prefix, valid..valid) });
                None
            }
        },
        Err(e) => {
            content.errors.push(ContentError::Unreadable { at: Span::file(rel), reason: e.to_string() });
            None
        }
    }
}
