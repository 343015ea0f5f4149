//! `groupsite export`: the whole site as files, drawn through the same router that serves it,
//! so a static host or nginx with `gzip_static` serves byte for byte the same site. Each text
//! file gets `.gz` and `.br` beside it.

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use tower::ServiceExt;

use crate::link::Site;
use crate::render::{Urls, page_paths, sitemap_paths};
use crate::serve::{AppState, Encoding, router};

/// Why an export stopped.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// `--base-url` is not one the site can build its links from.
    #[error(transparent)]
    BaseUrl(#[from] crate::render::BadBaseUrl),
    /// The output folder would be inside the content folder, which the site never writes to.
    #[error("`{0}` is inside the content folder; export somewhere else")]
    IntoContent(PathBuf),
    /// The output folder holds files that are not an earlier export; nothing is written there,
    /// since an export removes what it did not write.
    #[error("`{0}` is not empty and holds no earlier export; export into an empty folder or an earlier export")]
    NotAnExport(PathBuf),
    /// A page did not draw; a bug, since the content checked clean.
    #[error("{path} answered {status} while exporting")]
    Page {
        /// The page's path.
        path: String,
        /// What the router answered.
        status: StatusCode,
    },
    /// A file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

/// What an export wrote.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Exported {
    /// Pages, vCards, sitemap, robots, the stylesheet and media files.
    pub files: usize,
    /// `.gz` and `.br` files beside them.
    pub compressed: usize,
    /// Files of an earlier export into the same folder that this one no longer has.
    pub removed: usize,
    /// Every file written.
    paths: std::collections::HashSet<PathBuf>,
}

/// Writes the site loaded from `content` into `out`, as published at `base_url`.
pub async fn export(site: Site, content: &Path, out: &Path, base_url: &str) -> Result<Exported, ExportError> {
    let content_dir = std::fs::canonicalize(content).unwrap_or_else(|_| content.to_path_buf());
    let out_abs = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    if out_abs.starts_with(&content_dir) {
        return Err(ExportError::IntoContent(out.to_path_buf()));
    }
    if !is_empty_or_export(out) {
        return Err(ExportError::NotAnExport(out.to_path_buf()));
    }
    let urls = Urls::new(base_url)?;
    let mut paths = page_paths(&site);
    paths.extend(site.people.keys().map(|s| format!("/people/{s}.vcf")));
    paths.extend(site.media.iter().map(|m| format!("/{m}")));
    paths.extend(sitemap_paths(&site));
    paths.push("/robots.txt".to_owned());
    let state = AppState::for_export(site, content.to_path_buf(), urls);
    let app = router(state);

    let mut exported = Exported::default();
    let home = fetch(&app, "/").await?;
    let stylesheet = stylesheet_path(&home.1).into_iter();
    for path in paths.into_iter().chain(stylesheet) {
        let (status, body) = fetch(&app, &path).await?;
        if status != StatusCode::OK {
            return Err(ExportError::Page { path, status });
        }
        write(out, &file_for(&path), &body, &mut exported)?;
    }
    let (_, missing) = fetch(&app, "/404").await?;
    write(out, Path::new("404.html"), &missing, &mut exported)?;
    exported.removed = remove_stale(out, &exported.paths);
    Ok(exported)
}

/// Whether `out` may be written: it does not exist, is empty, or holds an earlier export.
fn is_empty_or_export(out: &Path) -> bool {
    match std::fs::read_dir(out) {
        Err(_) => !out.exists(),
        Ok(mut entries) => {
            entries.next().is_none() || ["index.html", "404.html", "sitemap.xml"].iter().all(|f| out.join(f).is_file())
        }
    }
}

/// Removes the files of an earlier export that this one did not write (a deleted person's
/// page and vCard, an old stylesheet), and the folders they leave empty; returns how many.
fn remove_stale(out: &Path, written: &std::collections::HashSet<PathBuf>) -> usize {
    let mut removed = 0;
    let entries: Vec<_> = walkdir::WalkDir::new(out).contents_first(true).into_iter().flatten().collect();
    for entry in entries {
        let path = entry.path();
        if entry.file_type().is_dir() {
            if path != out {
                let _ = std::fs::remove_dir(path);
            }
        } else if !written.contains(path) && std::fs::remove_file(path).is_ok() {
            removed += 1;
        }
    }
    removed
}

async fn fetch(app: &axum::Router, path: &str) -> Result<(StatusCode, Vec<u8>), ExportError> {
    let failed = |status| ExportError::Page { path: path.to_owned(), status };
    let request = Request::get(path).body(Body::empty()).map_err(|_| failed(StatusCode::BAD_REQUEST))?;
    let response = app.clone().oneshot(request).await.map_err(|_| failed(StatusCode::INTERNAL_SERVER_ERROR))?;
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.map_err(|_| failed(status))?;
    Ok((status, body.to_vec()))
}

/// The stylesheet's fingerprinted path, as the home page links it.
fn stylesheet_path(home: &[u8]) -> Option<String> {
    let html = String::from_utf8_lossy(home);
    let start = html.find("rel=\"stylesheet\" href=\"")? + "rel=\"stylesheet\" href=\"".len();
    let end = html[start..].find('"')? + start;
    let href = &html[start..end];
    href.find("/assets/").map(|i| href[i..].to_owned())
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

fn write(out: &Path, relative: &Path, body: &[u8], exported: &mut Exported) -> Result<(), ExportError> {
    let path = out.join(relative);
    let failed = |source| ExportError::Write { path: path.clone(), source };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(failed)?;
    }
    std::fs::write(&path, body).map_err(failed)?;
    exported.files += 1;
    exported.paths.insert(path.clone());
    let text =
        matches!(path.extension().and_then(|e| e.to_str()), Some("html" | "xml" | "txt" | "css" | "vcf" | "svg"));
    if text {
        for (encoding, suffix) in [(Encoding::Gzip, "gz"), (Encoding::Brotli, "br")] {
            let mut name = path.clone().into_os_string();
            name.push(format!(".{suffix}"));
            let compressed = PathBuf::from(name);
            std::fs::write(&compressed, encoding.compress(body))
                .map_err(|source| ExportError::Write { path: compressed.clone(), source })?;
            exported.compressed += 1;
            exported.paths.insert(compressed);
        }
    }
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
