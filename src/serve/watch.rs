//! The editor's preview: watches the content folder, reloads and checks the whole content in
//! the background after each change (opening and parsing again only the files that changed,
//! through [`Memo`]), and swaps the served site only when it has no error
//! (its warnings are shown on a milder banner of their own); otherwise the last good site stays
//! and every page shows the mistakes. A change that takes
//! away most of a kind of entity (a deleted `people/`) is held back until the editor saves
//! again, with a banner naming what would go.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use notify_debouncer_full::notify::event::{AccessKind, AccessMode, ModifyKind};
use notify_debouncer_full::notify::{Config, EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, RecommendedCache, new_debouncer_opt};

use super::AppState;
use crate::build::Memo;
use crate::link::Site;
use crate::model::{EntityKind, Slug};
use crate::render::Removal;

/// Saves closer together than this count as one: editors write a temporary file and rename
/// it, or delete and recreate, or save twice. The debouncer hands on each change once it is
/// this old, checking every [`TICK`], so a burst of saves longer than it comes as several
/// batches, which [`QUIET`] joins into one reload. Short, as it is part of every save's wait.
const DEBOUNCE: Duration = Duration::from_millis(20);

/// How often the debouncer looks for changes old enough to hand on: at most this much is
/// added to [`DEBOUNCE`], and an idle preview wakes this often.
const TICK: Duration = Duration::from_millis(10);

/// A reload starts once no further batch of changes has come for this long: longer than the
/// debouncer's gap between batches, so a burst of saves (a `git checkout`, a script, an editor
/// saving every file) is one reload however long it lasts on a loaded machine.
const QUIET: Duration = Duration::from_millis(40);

/// A folder that never stops changing is still reloaded this long after its first change.
const MOST_HELD: Duration = Duration::from_millis(500);

/// A kind with fewer entities than this may lose them all in an ordinary edit, such as the
/// one partner replaced by another.
const GUARDED_FROM: usize = 2;

/// Why watching could not start.
#[derive(Debug, thiserror::Error)]
#[error("cannot watch {path}: {reason}")]
pub struct WatchError {
    /// The content folder.
    pub path: PathBuf,
    /// What the file-watching layer said.
    pub reason: String,
}

/// Watches `content` for as long as the returned guard lives, reloading into `state`; `memo`
/// holds what the files read as when the served site was built, so a save reads again only
/// what it changed.
pub fn watch(content: &Path, state: AppState, memo: Memo) -> Result<impl Drop, WatchError> {
    let failed = |e: &dyn std::fmt::Display| WatchError { path: content.to_path_buf(), reason: e.to_string() };
    let (changes, mut changed) = tokio::sync::mpsc::unbounded_channel::<Seen>();
    let on_events = move |events: DebounceEventResult| {
        let seen = match events {
            Ok(events) if !events.iter().any(|e| e.need_rescan()) => Seen {
                latest: events.iter().filter(|e| changes_content(&e.kind)).map(|e| e.time).max(),
                paths: Some(events.iter().filter(|e| names_a_change(&e.kind)).flat_map(|e| e.paths.clone()).collect()),
            },
            // The watcher lost track of some changes: the next reload looks at every file.
            _ => Seen { latest: Some(Instant::now()), paths: None },
        };
        if seen.latest.is_some() || seen.paths.as_ref().is_none_or(|paths| !paths.is_empty()) {
            let _ = changes.send(seen);
        }
    };
    // A link within the content leads to a folder watched anyway, and one leading out is a
    // mistake the loader does not follow: following it would watch all of `/usr`.
    let config = Config::default().with_follow_symlinks(false);
    let mut debouncer =
        new_debouncer_opt::<_, RecommendedWatcher, _>(DEBOUNCE, Some(TICK), on_events, RecommendedCache::new(), config)
            .map_err(|e| failed(&e))?;
    debouncer.watch(content, RecursiveMode::Recursive).map_err(|e| failed(&e))?;
    let content = content.to_path_buf();
    tokio::spawn(async move {
        let (mut held, mut memo) = (None, memo);
        // The files read before watching began may have changed unseen: the first reload
        // looks at every file.
        let mut paths = Changed::Anything;
        while let Some(seen) = changed.recv().await {
            paths.add(&content, seen.paths);
            let Some(first) = seen.latest else { continue };
            // Everything that piled up while the last reload ran, or comes before the folder
            // is quiet, is covered by this one.
            let latest = until_quiet(&mut changed, first, &content, &mut paths).await;
            // A task of its own, so a reload that panics ends only itself, and is reported.
            let mut memo_now = std::mem::take(&mut memo);
            if let Changed::Only(paths) = std::mem::replace(&mut paths, Changed::Only(BTreeSet::new())) {
                memo_now.changed_only(paths);
            }
            let reloading = tokio::spawn(reload(content.clone(), state.clone(), held.take(), memo_now, latest));
            (held, memo) = match reloading.await {
                Ok(reloaded) => reloaded,
                // What the failed reload had read is lost with it; the next reads every file.
                Err(failure) => {
                    report_failure(&state, failure);
                    (None, Memo::default())
                }
            };
        }
    });
    Ok(debouncer)
}

/// What a batch of the watcher's events tells.
struct Seen {
    /// When the latest change to content in it was seen; `None` if it names only changes
    /// that need no reload of their own (a file's times).
    latest: Option<Instant>,
    /// The paths it names; `None` when the watcher lost track of some changes.
    paths: Option<Vec<PathBuf>>,
}

/// The paths that changed since the last reload began, relative to the content folder.
enum Changed {
    /// Unknown: the next reload looks at every file.
    Anything,
    Only(BTreeSet<String>),
}

impl Changed {
    /// Adds what a batch of events named in `content`.
    fn add(&mut self, content: &Path, paths: Option<Vec<PathBuf>>) {
        let Changed::Only(known) = self else { return };
        let Some(paths) = paths else { return *self = Changed::Anything };
        for path in paths {
            // A path the loader would not name as it does is looked at by a walk.
            let rel = path.strip_prefix(content).ok().and_then(|rel| {
                rel.components().map(|c| c.as_os_str().to_str()).collect::<Option<Vec<_>>>().map(|c| c.join("/"))
            });
            match rel {
                Some(rel) => known.insert(rel),
                None => return *self = Changed::Anything,
            };
        }
    }
}

/// Waits for the changes after `first` until none has come for [`QUIET`] (or [`MOST_HELD`] has
/// passed), adding the paths they name to `paths`, and gives when the latest of them was seen.
async fn until_quiet(
    changed: &mut tokio::sync::mpsc::UnboundedReceiver<Seen>,
    first: Instant,
    content: &Path,
    paths: &mut Changed,
) -> Instant {
    let (mut latest, held_until) = (first, tokio::time::Instant::now() + MOST_HELD);
    loop {
        let wait = QUIET.min(held_until.saturating_duration_since(tokio::time::Instant::now()));
        match tokio::time::timeout(wait, changed.recv()).await {
            Ok(Some(later)) => {
                paths.add(content, later.paths);
                latest = later.latest.map_or(latest, |later| latest.max(later));
            }
            Ok(None) | Err(_) => return latest,
        }
    }
}

/// Writes, creations, removals and renames change content, and so does closing a file written
/// to (`touch`, which an editor may use to confirm a change held back); reading it (as every
/// reload does) and changing its times alone do not.
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// Changes to content, and changes of a file's times alone, which the loader compares too
/// (`touch -r` sets a file's time back after a change): a reload looks again at the files these
/// name, though the latter do not cause one.
fn names_a_change(kind: &EventKind) -> bool {
    changes_content(kind) || matches!(kind, EventKind::Modify(ModifyKind::Metadata(_)))
}

/// A change held back for removing most of a kind: what it removes, and when the banner saying
/// so went up. A change seen after that is the editor's "save again", and publishes it.
struct HeldBack {
    gone: BTreeSet<(EntityKind, Slug)>,
    shown: Instant,
}

/// Each kind of which `next` has lost more than half of what `served` has.
fn removals(served: &Site, next: &Site) -> Vec<Removal> {
    EntityKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let had = served.names(kind);
            let kept: BTreeSet<&Slug> = next.names(kind).into_iter().map(|(slug, _)| slug).collect();
            let gone: Vec<(Slug, String)> = had
                .iter()
                .filter(|(slug, _)| !kept.contains(slug))
                .map(|&(slug, name)| (slug.clone(), name.to_owned()))
                .collect();
            (had.len() >= GUARDED_FROM && gone.len() * 2 > had.len()).then_some(Removal { kind, had: had.len(), gone })
        })
        .collect()
}

/// Set in the environment, every reload panics: the only way to prove from outside that a bug
/// in a reload is logged and shown rather than lost.
const PANIC_FOR_TESTS: &str = "GROUPSITE_TEST_PANIC_ON_RELOAD";

/// Logs a reload that panicked, and says so on every page of the preview; the last good site
/// stays.
fn report_failure(state: &AppState, failure: tokio::task::JoinError) {
    let Ok(payload) = failure.try_into_panic() else { return };
    let reason = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_owned());
    tracing::error!(%reason, "reloading the content failed; still serving the last version that checked clean");
    state.show_mistakes(vec![format!(
        "groupsite failed while reloading the content: {reason} (this is a bug in groupsite, not a mistake in the content; save again to retry)"
    )]);
}

/// Reloads the content after a change seen at `changed`, reading again only the files not in
/// `memo`; returns the change it holds back, and the memo of this reload.
async fn reload(
    content: PathBuf,
    state: AppState,
    held: Option<HeldBack>,
    memo: Memo,
    changed: Instant,
) -> (Option<HeldBack>, Memo) {
    let started = Instant::now();
    let folder = content.clone();
    let checking = tokio::task::spawn_blocking(move || {
        if std::env::var_os(PANIC_FOR_TESTS).is_some() {
            panic!("{PANIC_FOR_TESTS} is set");
        }
        let mut memo = memo;
        let built = crate::build::site_remembering(&folder, Some(&mut memo));
        (built, memo)
    });
    let (built, memo) = match checking.await {
        Ok(checked) => checked,
        Err(failure) => match failure.try_into_panic() {
            Ok(payload) => std::panic::resume_unwind(payload),
            Err(_) => return (held, Memo::default()),
        },
    };
    (publish(&content, &state, held, built, changed, started), memo)
}

/// Serves the site a reload built, or holds it back, or shows its mistakes; returns the change
/// it holds back.
fn publish(
    content: &Path,
    state: &AppState,
    held: Option<HeldBack>,
    built: Result<crate::build::Built, crate::diagnostic::Report>,
    changed: Instant,
    started: Instant,
) -> Option<HeldBack> {
    match built {
        Ok(crate::build::Built { site, warnings }) => {
            let removals = removals(&state.site(), &site);
            let gone: BTreeSet<(EntityKind, Slug)> =
                removals.iter().flat_map(|r| r.gone.iter().map(|(slug, _)| (r.kind, slug.clone()))).collect();
            // Events of the deletion itself may come in after its banner went up; only a change
            // seen since, removing nothing more than the banner names, is the editor's "save again".
            let confirmed =
                !removals.is_empty() && held.as_ref().is_some_and(|h| changed > h.shown && gone.is_subset(&h.gone));
            if !removals.is_empty() && !confirmed {
                if held.as_ref().is_some_and(|h| h.gone == gone) {
                    return held;
                }
                let counts = removals
                    .iter()
                    .map(|r| format!("{} of {} {}", r.gone.len(), r.had, r.kind.plural()))
                    .collect::<Vec<_>>()
                    .join(", ");
                state.hold_back(removals);
                tracing::warn!(
                    removes = %counts,
                    "change held back: it removes most of a kind; save any file again to publish it, or undo it"
                );
                return Some(HeldBack { gone, shown: Instant::now() });
            }
            if confirmed {
                tracing::info!("the change held back is saved again: publishing it");
            }
            let summary = site.summary();
            let warnings = warnings.in_folder(content);
            super::log_report(&warnings);
            state.publish(site, warnings.lines());
            tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, %summary, "content reloaded");
            None
        }
        Err(report) => {
            let report = report.in_folder(content);
            super::log_report(&report);
            state.show_mistakes(report.lines());
            tracing::warn!(
                mistakes = report.errors.len(),
                "content has mistakes; still serving the last version that checked clean"
            );
            None
        }
    }
}
