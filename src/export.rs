//! `groupsite export`: the whole site as files, drawn through the same router that serves it,
//! so a static host or nginx with `gzip_static` serves byte for byte the same site. Each text
//! file gets `.gz` and `.br` beside it.
//!
//! An export is built whole in a fresh folder beside its target and swapped in by renaming, so
//! the target holds the earlier export or the new one, never a mix. It leaves a manifest
//! ([`MANIFEST`]) of the files it wrote: only a folder holding one counts as an earlier export,
//! and only the files it lists are ever replaced or removed. Whatever else is there (`CNAME`,
//! `.git/`, `.well-known/` …) is carried over into the new export.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use tower::ServiceExt;

use crate::link::Site;
use crate::render::{Urls, page_paths, sitemap_paths};
use crate::serve::{AppState, Encoding, router};

/// The file, at the top of an export, that lists every file the export wrote: what marks a
/// folder as an earlier export, and what a later export may replace there.
pub const MANIFEST: &str = ".groupsite-export";

/// The manifest's first line; a file of that name that does not start so is not ours.
const MANIFEST_HEADER: &str = "# groupsite export, manifest format 1";

/// Why an export stopped. Whatever the reason, the target folder is as it was before.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// `--base-url` is not one the site can build its links from.
    #[error(transparent)]
    BaseUrl(#[from] crate::render::BadBaseUrl),
    /// The output folder would be inside the content folder, which the site never writes to.
    #[error("`{0}` is inside the content folder; export somewhere else")]
    IntoContent(PathBuf),
    /// The output folder holds the content folder, which swapping in a new export would move.
    #[error("`{0}` holds the content folder; export somewhere else")]
    HoldsContent(PathBuf),
    /// `--out` names a file (or a link to nothing), where an export needs a folder.
    #[error("`{0}` is not a folder; export into a folder, new or empty or an earlier export")]
    NotAFolder(PathBuf),
    /// The output folder holds files but no manifest of an earlier export: nothing is written
    /// there, since an export replaces what an earlier one wrote and this folder names none.
    #[error(
        "`{0}` is not empty and holds no earlier export (no `{MANIFEST}` in it); export into an empty folder \
         or an earlier export (an export by a groupsite older than the manifest must be emptied first)"
    )]
    NotAnExport(PathBuf),
    /// `--out` is the root folder, beside which no new export can be built.
    #[error("`{0}` has no parent folder to build the export in; export into a folder below it")]
    NoParent(PathBuf),
    /// A page did not draw; a bug, since the content checked clean, or a media file removed
    /// while exporting.
    #[error("{path} answered {status} while exporting")]
    Page {
        /// The page's path.
        path: String,
        /// What the router answered.
        status: StatusCode,
    },
    /// The target folder or its manifest could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file or folder.
        path: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },
    /// A file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },
    /// The fresh folder the export is built in could not be made beside the target.
    #[error(
        "cannot make {path} to build the export in: {source}; export needs to write in the folder that holds its target"
    )]
    Beside {
        /// The folder it tried to make.
        path: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },
    /// Files that are not the earlier export's sit where the new export writes; rather than
    /// lose them, nothing is changed.
    #[error(
        "`{out}` holds files that no export wrote where this export writes: {}; move them away and export again",
        .paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    )]
    InTheWay {
        /// The target folder.
        out: PathBuf,
        /// The files in the way, relative to it.
        paths: Vec<PathBuf>,
    },
    /// A file not from the earlier export could not be carried over into the new one; every
    /// file already carried was put back.
    #[error("cannot carry {from} over into the new export: {source}")]
    CarryOver {
        /// The file in the earlier export.
        from: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },
    /// The new export could not take the earlier one's place; the earlier one is as it was.
    #[error(
        "cannot put the new export in place of `{out}`: {source} (a mount point cannot be replaced; export into a folder inside it)"
    )]
    Swap {
        /// The target folder.
        out: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },
    /// Undoing a failed export failed too: the files of the target are split between it and
    /// the folders named here, which are left for the operator rather than deleted.
    #[error("export failed ({failure}), and so did putting `{out}` back: {source}; its files are in {}", .left.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(" and "))]
    Stranded {
        /// The target folder.
        out: PathBuf,
        /// Why the export failed.
        failure: Box<ExportError>,
        /// Why putting things back failed.
        source: io::Error,
        /// The folders that hold the rest.
        left: Vec<PathBuf>,
    },
    /// The new export is in place, but the folder the earlier one was moved to could not be
    /// removed.
    #[error("`{out}` is exported, but the earlier export, moved to {backup}, could not be removed: {source}")]
    LeftBehind {
        /// The target folder.
        out: PathBuf,
        /// Where the earlier export is.
        backup: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },
}

/// What an export wrote, and what it did to an earlier one.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Exported {
    /// Pages, vCards, sitemap, robots, the stylesheet and media files.
    pub files: usize,
    /// `.gz` and `.br` files beside them.
    pub compressed: usize,
    /// Files of an earlier export into the same folder that this one no longer has.
    pub removed: usize,
    /// Files and folders in the earlier export that no export wrote, carried over as they were.
    pub kept: usize,
    /// Every file written, relative to the export's folder.
    paths: HashSet<PathBuf>,
}

/// Writes the site loaded from `content` into `out`, as published at `base_url`, with the
/// sizes of its images, made into (or found in) `image_cache`.
pub async fn export(
    site: Site,
    content: &Path,
    out: &Path,
    base_url: &str,
    image_cache: &Path,
) -> Result<Exported, ExportError> {
    let urls = Urls::new(base_url)?;
    let target = Target::find(content, out)?;
    let staging = Staging::beside(&target)?;
    let mut exported = draw(site, content, urls, &staging.path, image_cache).await?;
    write_manifest(&staging.path, &exported.paths)?;
    let plan = match &target.earlier {
        Some(listed) => {
            let plan = CarryOver::plan(&target.path, listed, &staging.path, &exported.paths)?;
            if !plan.in_the_way.is_empty() {
                return Err(ExportError::InTheWay { out: out.to_path_buf(), paths: plan.in_the_way });
            }
            plan
        }
        None => CarryOver::default(),
    };
    exported.removed = plan.removed;
    exported.kept = plan.moves.len();
    swap_in(&target, staging, &plan, out)?;
    Ok(exported)
}

/// The folder an export goes to, found before anything is written.
struct Target {
    /// Where it is, links resolved, so that the folder a link points to is what is replaced.
    path: PathBuf,
    /// Whether it exists now; an empty folder is replaced like an earlier export.
    exists: bool,
    /// The files an earlier export there wrote, by its manifest.
    earlier: Option<HashSet<PathBuf>>,
}

impl Target {
    fn find(content: &Path, out: &Path) -> Result<Self, ExportError> {
        let path = resolved(out).map_err(|source| ExportError::Read { path: out.to_path_buf(), source })?;
        let content_dir = fs::canonicalize(content).unwrap_or_else(|_| content.to_path_buf());
        if path.starts_with(&content_dir) {
            return Err(ExportError::IntoContent(out.to_path_buf()));
        }
        if content_dir.starts_with(&path) {
            return Err(ExportError::HoldsContent(out.to_path_buf()));
        }
        let read_failed = |source| ExportError::Read { path: out.to_path_buf(), source };
        match fs::metadata(&path) {
            Ok(meta) if !meta.is_dir() => return Err(ExportError::NotAFolder(out.to_path_buf())),
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if fs::symlink_metadata(&path).is_ok() {
                    return Err(ExportError::NotAFolder(out.to_path_buf()));
                }
                return Ok(Target { path, exists: false, earlier: None });
            }
            Err(e) => return Err(read_failed(e)),
        }
        let earlier = read_manifest(&path)?;
        if earlier.is_none() && fs::read_dir(&path).map_err(read_failed)?.next().is_some() {
            return Err(ExportError::NotAnExport(out.to_path_buf()));
        }
        Ok(Target { path, exists: true, earlier })
    }

    /// The folder that holds the target, and the target's name in it.
    fn parent_and_name(&self) -> Option<(&Path, String)> {
        Some((self.path.parent()?, self.path.file_name()?.to_string_lossy().into_owned()))
    }
}

/// `out` made absolute with every link resolved, also when it does not exist yet: its nearest
/// existing ancestor resolved, the rest as written.
fn resolved(out: &Path) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(out)?;
    let mut rest = Vec::new();
    let mut ancestor = absolute.as_path();
    loop {
        match fs::canonicalize(ancestor) {
            Ok(mut path) => {
                for component in rest.iter().rev() {
                    match component {
                        Component::ParentDir => {
                            path.pop();
                        }
                        Component::Normal(name) => path.push(name),
                        _ => {}
                    }
                }
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        let (Some(parent), Some(last)) = (ancestor.parent(), ancestor.components().next_back()) else {
            return Ok(absolute);
        };
        rest.push(last);
        ancestor = parent;
    }
}

/// The fresh folder beside the target that a new export is built in; removed when dropped,
/// unless it has become the target or holds files that could not be put back.
struct Staging {
    path: PathBuf,
    armed: bool,
}

impl Staging {
    fn beside(target: &Target) -> Result<Self, ExportError> {
        let (parent, name) = target.parent_and_name().ok_or_else(|| ExportError::NoParent(target.path.clone()))?;
        fs::create_dir_all(parent).map_err(|source| ExportError::Beside { path: parent.to_path_buf(), source })?;
        let path = hidden_sibling(parent, &name, "new", |path| fs::create_dir(path))
            .map_err(|(path, source)| ExportError::Beside { path, source })?;
        Ok(Staging { path, armed: true })
    }

    /// Leaves the folder on disk.
    fn keep(mut self) {
        self.armed = false;
    }

    /// Gives up putting the target back together after `failure`: keeps this folder and any
    /// `other` that holds the target's files, and names them.
    fn strand(self, out: &Path, failure: ExportError, source: io::Error, other: Option<PathBuf>) -> ExportError {
        let left = other.into_iter().chain([self.path.clone()]).collect();
        self.keep();
        ExportError::Stranded { out: out.to_path_buf(), failure: Box::new(failure), source, left }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.armed {
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}

/// Has `claim` take a hidden name beside the target (`.site.groupsite-new-PID-0`) for the new
/// export or the earlier one, trying the next name while one is taken.
fn hidden_sibling(
    parent: &Path,
    target: &str,
    role: &str,
    claim: impl Fn(&Path) -> io::Result<()>,
) -> Result<PathBuf, (PathBuf, io::Error)> {
    let mut attempt = 0;
    loop {
        let path = parent.join(format!(".{target}.groupsite-{role}-{}-{attempt}", std::process::id()));
        let taken = fs::symlink_metadata(&path).is_ok();
        match if taken { Err(io::ErrorKind::AlreadyExists.into()) } else { claim(&path) } {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err((path, e)),
        }
    }
}

/// Draws every page and file of the site into `folder`.
async fn draw(
    site: Site,
    content: &Path,
    urls: Urls,
    folder: &Path,
    image_cache: &Path,
) -> Result<Exported, ExportError> {
    // Every page and file beside one, in every language: each edition's under its segment.
    let mut paths = Vec::new();
    for edition in site.editions() {
        let mut drawn = page_paths(edition);
        drawn.extend(edition.people.keys().map(crate::paths::vcard));
        drawn.extend(edition.publications.keys().flat_map(|s| [crate::paths::bibtex(s), crate::paths::ris(s)]));
        drawn.extend(edition.events.keys().map(crate::paths::event_calendar));
        drawn.extend([crate::paths::FEED.to_owned(), crate::paths::CALENDAR.to_owned()]);
        drawn
            .extend(edition.groups.keys().flat_map(|g| [crate::paths::group_feed(g), crate::paths::group_calendar(g)]));
        paths.extend(drawn.iter().map(|path| crate::paths::in_language(&edition.segment, path)));
    }
    paths.extend(site.media.iter().map(|m| crate::paths::media(m)));
    paths.extend(sitemap_paths(&site));
    paths.push(crate::paths::ROBOTS.to_owned());
    let images: Vec<String> = site.images.names().map(crate::paths::image).collect();
    let state = AppState::for_export(site, content.to_path_buf(), urls).with_image_cache(image_cache.to_path_buf());
    state.make_images_now();
    paths.extend(state.asset_paths());
    let app = router(state);

    let mut exported = Exported::default();
    for path in images {
        // An image whose sizes could not be made (logged) is shown by its original.
        if let (StatusCode::OK, body) = fetch(&app, &path).await? {
            write(folder, &file_for(&path), &body, &mut exported)?;
        }
    }
    for path in paths {
        let (status, body) = fetch(&app, &path).await?;
        if status != StatusCode::OK {
            return Err(ExportError::Page { path, status });
        }
        write(folder, &file_for(&path), &body, &mut exported)?;
    }
    let (_, missing) = fetch(&app, crate::paths::NOWHERE).await?;
    write(folder, Path::new("404.html"), &missing, &mut exported)?;
    Ok(exported)
}

fn write_manifest(folder: &Path, written: &HashSet<PathBuf>) -> Result<(), ExportError> {
    let mut lines: Vec<String> = written.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    lines.sort();
    let text = format!(
        "{MANIFEST_HEADER}, written by groupsite {}\n\
         # The files this export wrote. The next export into this folder replaces or removes them,\n\
         # and keeps everything else here as it is.\n{}\n",
        env!("CARGO_PKG_VERSION"),
        lines.join("\n")
    );
    let path = folder.join(MANIFEST);
    fs::write(&path, text).map_err(|source| ExportError::Write { path, source })
}

/// The files an earlier export in `folder` wrote, or `None` if no export left its manifest there.
fn read_manifest(folder: &Path) -> Result<Option<HashSet<PathBuf>>, ExportError> {
    let path = folder.join(MANIFEST);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.kind() == io::ErrorKind::InvalidData => return Ok(None),
        Err(source) => return Err(ExportError::Read { path, source }),
    };
    if !text.starts_with(MANIFEST_HEADER) {
        return Ok(None);
    }
    let listed = text
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(PathBuf::from)
        .filter(|p| p.components().all(|c| matches!(c, Component::Normal(_))))
        .collect();
    Ok(Some(listed))
}

/// What to carry from an earlier export into the new one: everything the earlier export's
/// manifest does not list.
#[derive(Default)]
struct CarryOver {
    /// Renames, from the earlier export into the new one; a folder with nothing of an export
    /// in it moves whole.
    moves: Vec<(PathBuf, PathBuf)>,
    /// Files to carry that sit where the new export wrote, relative to the target.
    in_the_way: Vec<PathBuf>,
    /// Files the earlier export wrote that the new one does not.
    removed: usize,
}

/// The two exports a carry-over is planned between.
struct Exports<'a> {
    earlier: &'a Path,
    listed: &'a HashSet<PathBuf>,
    /// Every folder that holds a file of the earlier export, however deep.
    holds_listed: HashSet<&'a Path>,
    new: &'a Path,
    written: &'a HashSet<PathBuf>,
}

impl CarryOver {
    fn plan(
        earlier: &Path,
        listed: &HashSet<PathBuf>,
        new: &Path,
        written: &HashSet<PathBuf>,
    ) -> Result<Self, ExportError> {
        let holds_listed = listed.iter().flat_map(|p| p.ancestors().skip(1)).collect();
        let exports = Exports { earlier, listed, holds_listed, new, written };
        let mut plan = CarryOver::default();
        plan.visit(&exports, Path::new(""))?;
        Ok(plan)
    }

    fn visit(&mut self, exports: &Exports, relative: &Path) -> Result<(), ExportError> {
        let folder = exports.earlier.join(relative);
        let read_failed = |source| ExportError::Read { path: folder.clone(), source };
        for entry in fs::read_dir(&folder).map_err(read_failed)? {
            let entry = entry.map_err(read_failed)?;
            let kind = entry.file_type().map_err(read_failed)?;
            let here = relative.join(entry.file_name());
            if here.as_os_str() == MANIFEST {
                continue;
            }
            let there = exports.new.join(&here);
            let taken = fs::symlink_metadata(&there).ok();
            let shared_folder =
                exports.holds_listed.contains(here.as_path()) || taken.as_ref().is_some_and(|m| m.is_dir());
            if kind.is_dir() && shared_folder {
                self.visit(exports, &here)?;
            } else if kind.is_file() && exports.listed.contains(&here) {
                if !exports.written.contains(&here) {
                    self.removed += 1;
                }
            } else if taken.is_some() {
                self.in_the_way.push(here);
            } else {
                self.moves.push((entry.path(), there));
            }
        }
        Ok(())
    }

    /// Moves every planned file and folder into the new export; if one fails, puts back those
    /// already moved.
    fn carry(&self, out: &Path, staging: Staging) -> Result<Staging, ExportError> {
        for (done, (from, to)) in self.moves.iter().enumerate() {
            let moved = to.parent().map_or(Ok(()), fs::create_dir_all).and_then(|()| fs::rename(from, to));
            if let Err(source) = moved {
                return Err(self.put_back(done, ExportError::CarryOver { from: from.clone(), source }, out, staging));
            }
        }
        Ok(staging)
    }

    /// Puts the first `done` moves back where they came from, and returns `failure`.
    fn put_back(&self, done: usize, failure: ExportError, out: &Path, staging: Staging) -> ExportError {
        for (from, to) in self.moves[..done].iter().rev() {
            if let Err(source) = fs::rename(to, from) {
                return staging.strand(out, failure, source, None);
            }
        }
        failure
    }
}

/// Carries the user's files over into the new export and renames it into the target's place:
/// the target moves aside, the new export takes its name, and the earlier one is removed.
/// Between the two renames the target is briefly absent, but never holds a mix.
fn swap_in(target: &Target, staging: Staging, plan: &CarryOver, out: &Path) -> Result<(), ExportError> {
    let swap_failed = |source| ExportError::Swap { out: out.to_path_buf(), source };
    if !target.exists {
        fs::rename(&staging.path, &target.path).map_err(swap_failed)?;
        staging.keep();
        return Ok(());
    }
    if let Ok(meta) = fs::metadata(&target.path) {
        let _ = fs::set_permissions(&staging.path, meta.permissions());
    }
    let staging = plan.carry(out, staging)?;
    let all = plan.moves.len();
    let Some((parent, name)) = target.parent_and_name() else {
        return Err(plan.put_back(all, ExportError::NoParent(target.path.clone()), out, staging));
    };
    let backup = match hidden_sibling(parent, &name, "old", |backup| fs::rename(&target.path, backup)) {
        Ok(backup) => backup,
        Err((_, source)) => return Err(plan.put_back(all, swap_failed(source), out, staging)),
    };
    if let Err(source) = fs::rename(&staging.path, &target.path) {
        let failure = swap_failed(source);
        if let Err(source) = fs::rename(&backup, &target.path) {
            return Err(staging.strand(out, failure, source, Some(backup)));
        }
        return Err(plan.put_back(all, failure, out, staging));
    }
    staging.keep();
    fs::remove_dir_all(&backup).map_err(|source| ExportError::LeftBehind { out: out.to_path_buf(), backup, source })
}

async fn fetch(app: &axum::Router, path: &str) -> Result<(StatusCode, Vec<u8>), ExportError> {
    let failed = |status| ExportError::Page { path: path.to_owned(), status };
    let request = Request::get(path).body(Body::empty()).map_err(|_| failed(StatusCode::BAD_REQUEST))?;
    let response = app.clone().oneshot(request).await.map_err(|_| failed(StatusCode::INTERNAL_SERVER_ERROR))?;
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.map_err(|_| failed(status))?;
    Ok((status, body.to_vec()))
}

/// Where a URL path lives on disk: a page is a folder's `index.html`, anything with an
/// extension is a file of its own.
fn file_for(path: &str) -> PathBuf {
    let trimmed = path.trim_start_matches('/');
    let last = trimmed.rsplit('/').next().unwrap_or_default();
    if trimmed.is_empty() {
        PathBuf::from("index.html")
    } else if last.contains('.') {
        PathBuf::from(trimmed)
    } else {
        Path::new(trimmed).join("index.html")
    }
}

/// Writes one file of the export into `folder`, and for a text file its `.gz` and `.br` beside it.
fn write(folder: &Path, relative: &Path, body: &[u8], exported: &mut Exported) -> Result<(), ExportError> {
    let text = matches!(
        relative.extension().and_then(|e| e.to_str()),
        Some("html" | "xml" | "txt" | "css" | "vcf" | "bib" | "ris" | "svg" | "ics")
    );
    if let Some(parent) = folder.join(relative).parent() {
        fs::create_dir_all(parent).map_err(|source| ExportError::Write { path: parent.to_path_buf(), source })?;
    }
    let mut write_one = |relative: PathBuf, bytes: &[u8]| -> Result<(), ExportError> {
        let path = folder.join(&relative);
        fs::write(&path, bytes).map_err(|source| ExportError::Write { path, source })?;
        exported.paths.insert(relative);
        Ok(())
    };
    write_one(relative.to_path_buf(), body)?;
    if text {
        for (encoding, suffix) in [(Encoding::Gzip, "gz"), (Encoding::Brotli, "br")] {
            let mut name = relative.as_os_str().to_owned();
            name.push(format!(".{suffix}"));
            write_one(PathBuf::from(name), &encoding.compress(body))?;
        }
    }
    exported.files += 1;
    exported.compressed += if text { 2 } else { 0 };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::file_for;

    #[test]
    fn pages_become_index_files_and_files_keep_their_names() {
        assert_eq!(file_for("/"), std::path::PathBuf::from("index.html"));
        assert_eq!(file_for("/people/ana"), std::path::PathBuf::from("people/ana/index.html"));
        assert_eq!(file_for("/people/ana.vcf"), std::path::PathBuf::from("people/ana.vcf"));
        assert_eq!(file_for("/sitemap.xml"), std::path::PathBuf::from("sitemap.xml"));
    }
}
