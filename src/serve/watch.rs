//! The editor's preview: watches the content folder, reloads and checks the whole content in
//! the background after each change, and swaps the served site only when it checks clean;
//! otherwise the last good site stays and every page shows the mistakes.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use notify_debouncer_full::notify::event::ModifyKind;
use notify_debouncer_full::notify::{Config, EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, RecommendedCache, new_debouncer_opt};

use super::AppState;

/// Saves closer together than this count as one: editors write a temporary file and rename
/// it, or delete and recreate, or save twice.
const DEBOUNCE: Duration = Duration::from_millis(100);

/// Why watching could not start.
#[derive(Debug, thiserror::Error)]
#[error("cannot watch {path}: {reason}")]
pub struct WatchError {
    /// The content folder.
    pub path: PathBuf,
    /// What the file-watching layer said.
    pub reason: String,
}

/// Watches `content` for as long as the returned guard lives, reloading into `state`.
pub fn watch(content: &Path, state: AppState) -> Result<impl Drop, WatchError> {
    let failed = |e: &dyn std::fmt::Display| WatchError { path: content.to_path_buf(), reason: e.to_string() };
    let (changes, mut changed) = tokio::sync::mpsc::unbounded_channel::<()>();
    let on_events = move |events: DebounceEventResult| {
        if events.is_ok_and(|events| events.iter().any(|e| changes_content(&e.kind))) {
            let _ = changes.send(());
        }
    };
    // A link within the content leads to a folder watched anyway, and one leading out is a
    // mistake the loader does not follow: following it would watch all of `/usr`.
    let config = Config::default().with_follow_symlinks(false);
    let mut debouncer =
        new_debouncer_opt::<_, RecommendedWatcher, _>(DEBOUNCE, None, on_events, RecommendedCache::new(), config)
            .map_err(|e| failed(&e))?;
    debouncer.watch(content, RecursiveMode::Recursive).map_err(|e| failed(&e))?;
    let content = content.to_path_buf();
    tokio::spawn(async move {
        while changed.recv().await.is_some() {
            // Everything that piled up while the last reload ran is covered by this one.
            while changed.try_recv().is_ok() {}
            reload(&content, &state).await;
        }
    });
    Ok(debouncer)
}

/// Writes, creations, removals and renames change content; reading it (as every reload does)
/// and touching its times do not.
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

async fn reload(content: &Path, state: &AppState) {
    let started = Instant::now();
    let folder = content.to_path_buf();
    let Ok(checked) = tokio::task::spawn_blocking(move || crate::check_dir(&folder)).await else { return };
    match checked {
        Ok(site) => {
            let summary = site.summary();
            state.publish(site);
            tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, %summary, "content reloaded");
        }
        Err(report) => {
            let report = report.in_folder(content);
            let mut rich = codespan_reporting::term::termcolor::Buffer::no_color();
            let _ = report.emit(&mut rich);
            eprint!("{}", String::from_utf8_lossy(rich.as_slice()));
            let mut short = Vec::new();
            let _ = report.emit_short(&mut short);
            let mistakes = String::from_utf8_lossy(&short).lines().map(str::to_owned).collect();
            state.show_mistakes(mistakes);
            tracing::warn!(
                mistakes = report.errors.len(),
                "content has mistakes; still serving the last version that checked clean"
            );
        }
    }
}
