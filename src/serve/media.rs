//! Images an editor puts in `content/media/`, sent from disk. Only files the loader listed
//! (inside `media/`, no dot-files, no links leading out) can be reached, whatever the path,
//! and only while they are still inside the content folder.

use std::path::Path;

use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::CachePolicy;

/// The MIME type of a media file by its extension; other kinds of file are not served.
pub fn mime_type(path: &str) -> Option<&'static str> {
    let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match extension.as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "pdf" => "application/pdf",
        _ => return None,
    })
}

/// The response for a listed media file (`media/hero.jpg`), if it is an image and can still be
/// read from inside `media/`, and `media/` from inside the content folder: a file or folder
/// swapped for a link leading out since loading is refused.
/// Its ETag and `Last-Modified` come from the file's size and time, so a cache revalidates
/// with a `304` and an edited image is fetched again.
pub async fn respond(content_dir: &Path, relative: &str, request: &HeaderMap) -> Option<Response> {
    let mime = mime_type(relative)?;
    let content_root = tokio::fs::canonicalize(content_dir).await.ok()?;
    let media_root = tokio::fs::canonicalize(content_dir.join(crate::load::MEDIA_FOLDER)).await.ok()?;
    let file = tokio::fs::canonicalize(content_dir.join(relative)).await.ok()?;
    // `media/` itself may have become a link since loading; its files are then not the site's.
    if !media_root.starts_with(&content_root) || !file.starts_with(&media_root) {
        return None;
    }
    let metadata = tokio::fs::metadata(&file).await.ok()?;
    let modified = metadata.modified().ok()?;
    let stamp = modified.duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let etag = format!("\"{:x}-{stamp:x}\"", metadata.len());
    let headers = [
        (header::CONTENT_TYPE, mime.to_owned()),
        (header::ETAG, etag.clone()),
        (header::LAST_MODIFIED, httpdate::fmt_http_date(modified)),
        // An SVG opened on its own must not run script.
        (header::CONTENT_SECURITY_POLICY, "default-src 'none'; sandbox".to_owned()),
    ];
    if super::kept::not_modified(request, &etag, modified) {
        return Some((StatusCode::NOT_MODIFIED, CachePolicy::Media, headers).into_response());
    }
    let mut bytes = tokio::fs::read(file).await.ok()?;
    if let Some(format) = crate::images::Format::by_extension(relative) {
        bytes = crate::images::without_metadata(bytes, format);
    }
    Some((headers, CachePolicy::Media, bytes).into_response())
}

#[cfg(test)]
mod tests {
    use super::mime_type;

    #[test]
    fn images_have_their_type_and_other_files_none() {
        assert_eq!(mime_type("media/a.JPG"), Some("image/jpeg"));
        assert_eq!(mime_type("media/a.svg"), Some("image/svg+xml"));
        assert_eq!(mime_type("media/notes.txt"), None);
        assert_eq!(mime_type("media/noextension"), None);
    }
}
