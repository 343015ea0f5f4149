//! Pages drawn once per content version and kept, with each compressed form made at most once,
//! in a cache bounded by bytes: memory stays flat however large the site, and a repeat visit
//! costs a lookup. Also answers conditional requests (`If-None-Match`, `If-Modified-Since`)
//! with `304`.

use std::sync::{Arc, OnceLock};
use std::time::SystemTime;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use super::AppState;
use super::encoding::{Encoding, negotiate};

/// Bodies smaller than this are sent as they are: compressing them saves less than a packet.
const COMPRESS_FROM: usize = 1024;
/// The largest body kept; bigger ones are served but not kept.
const KEEP_UP_TO: usize = 4 * 1024 * 1024;

/// One response as drawn, with its compressed forms made on first demand.
pub struct Kept {
    /// Content type and cache policy, as the handler set them.
    headers: HeaderMap,
    identity: Bytes,
    /// A hash of the identity body; each coding's strong ETag is derived from it.
    tag: String,
    /// Brotli, zstd and gzip forms, in the order of [`Encoding::COMPRESSED`].
    compressed: [OnceLock<Bytes>; 3],
}

impl Kept {
    fn new(headers: HeaderMap, identity: Bytes) -> Self {
        let tag = Sha256::digest(&identity).iter().take(12).map(|b| format!("{b:02x}")).collect();
        Kept { headers, identity, tag, compressed: Default::default() }
    }

    /// Strong ETag of the body in `encoding`: each coding is a different representation.
    fn etag(&self, encoding: Encoding) -> String {
        match encoding {
            Encoding::Identity => format!("\"{}\"", self.tag),
            other => format!("\"{}-{}\"", self.tag, other.token()),
        }
    }

    fn body(&self, encoding: Encoding) -> Bytes {
        match Encoding::COMPRESSED.iter().position(|e| *e == encoding) {
            Some(i) => self.compressed[i].get_or_init(|| Bytes::from(encoding.compress(&self.identity))).clone(),
            None => self.identity.clone(),
        }
    }

    fn weight(&self) -> u32 {
        // The identity body plus room for its compressed forms, which are a fraction of it.
        u32::try_from(self.identity.len() * 3 / 2 + self.tag.len() + 256).unwrap_or(u32::MAX)
    }
}

/// The kept responses of one content version, bounded by their size in bytes.
pub struct KeptPages {
    cache: moka::sync::Cache<String, Arc<Kept>>,
}

impl KeptPages {
    /// A cache holding at most `bytes` of pages and their compressed forms.
    pub fn new(bytes: u64) -> Self {
        let cache = moka::sync::Cache::builder()
            .max_capacity(bytes)
            .weigher(|_: &String, kept: &Arc<Kept>| kept.weight())
            .build();
        KeptPages { cache }
    }
}

/// Whether a handler's response may be kept: a successful, public, text response.
fn keepable(response: &Response) -> bool {
    let headers = response.headers();
    let text = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|t| {
        t.starts_with("text/") || t.starts_with("application/xml") || t.starts_with("application/json")
    });
    let public =
        headers.get(header::CACHE_CONTROL).and_then(|v| v.to_str().ok()).is_some_and(|c| c.starts_with("public"));
    response.status() == StatusCode::OK && text && public && !headers.contains_key(header::CONTENT_ENCODING)
}

/// Middleware: answers GET and HEAD from kept pages, drawing and keeping them on a miss.
pub async fn serve_kept(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return next.run(request).await;
    }
    let key =
        request.uri().path_and_query().map_or_else(|| request.uri().path().to_owned(), |pq| pq.as_str().to_owned());
    let headers = request.headers().clone();
    let version = state.version();
    let kept = match version.kept.cache.get(&key) {
        Some(kept) => kept,
        None => {
            let response = next.run(request).await;
            if !keepable(&response) {
                return response;
            }
            let (parts, body) = response.into_parts();
            let Ok(bytes) = axum::body::to_bytes(body, KEEP_UP_TO).await else {
                return (StatusCode::INTERNAL_SERVER_ERROR, "Internal server error.").into_response();
            };
            let kept = Arc::new(Kept::new(parts.headers, bytes));
            version.kept.cache.insert(key, Arc::clone(&kept));
            kept
        }
    };
    represent(&kept, &headers, version.site.modified)
}

/// The response for `kept` in the coding the client prefers, or `304` when the client's copy
/// is current.
fn represent(kept: &Kept, request: &HeaderMap, modified: SystemTime) -> Response {
    let accept = request.get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok());
    let encoding = if kept.identity.len() < COMPRESS_FROM { Encoding::Identity } else { negotiate(accept) };
    let etag = kept.etag(encoding);
    let last_modified = httpdate::fmt_http_date(modified);

    let mut headers = kept.headers.clone();
    headers.remove(header::CONTENT_LENGTH);
    let mut set = |name, value: &str| {
        if let Ok(value) = HeaderValue::from_str(value) {
            headers.insert(name, value);
        }
    };
    set(header::ETAG, &etag);
    set(header::LAST_MODIFIED, &last_modified);
    set(header::VARY, "Accept-Encoding");

    if not_modified(request, &etag, modified) {
        headers.remove(header::CONTENT_TYPE);
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        response.headers_mut().extend(headers);
        return response;
    }
    if encoding != Encoding::Identity {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding.token()));
    }
    let mut response = Response::new(Body::from(kept.body(encoding)));
    response.headers_mut().extend(headers);
    response
}

/// `If-None-Match` decides when present (RFC 9110 13.2.2); otherwise `If-Modified-Since`.
pub(super) fn not_modified(request: &HeaderMap, etag: &str, modified: SystemTime) -> bool {
    if let Some(candidates) = request.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) {
        let bare = etag.trim_matches('"');
        return candidates
            .split(',')
            .map(str::trim)
            .any(|c| c == "*" || c.trim_start_matches("W/").trim_matches('"') == bare);
    }
    let since = request
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| httpdate::parse_http_date(v).ok());
    // HTTP dates have whole seconds; compare at that precision.
    let seconds = |t: SystemTime| t.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    since.is_some_and(|since| seconds(modified) <= seconds(since))
}
