//! Pages drawn once per content version and kept, with each compressed form made at most once,
//! in a cache bounded by bytes: memory stays flat however large the site, and a repeat visit
//! costs a lookup. Also answers conditional requests (`If-None-Match`, `If-Modified-Since`)
//! with `304`.

use std::sync::{Arc, OnceLock};
use std::time::SystemTime;

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use super::AppState;
use super::CachePolicy;
use super::encoding::{Encoding, negotiate};

/// Bodies smaller than this are sent as they are: compressing them saves less than a packet.
const COMPRESS_FROM: usize = 1024;
/// The largest body kept; bigger ones are served but not kept.
const KEEP_UP_TO: usize = 4 * 1024 * 1024;

/// One response as drawn, with each coding's body and complete headers made on first demand.
pub struct Kept {
    /// The handler's headers, completed by the cache policy and the security headers.
    headers: HeaderMap,
    identity: Bytes,
    /// A hash of the identity body; each coding's strong ETag is derived from it.
    tag: String,
    /// `Last-Modified`: when the content was last changed.
    modified: SystemTime,
    /// Per coding, in the order of [`Encoding::ALL`]: the body and every header, made once.
    representations: [OnceLock<Representation>; 4],
}

/// A kept page in one coding, ready to send: a request costs two clones of reference-counted
/// or flat data.
struct Representation {
    body: Bytes,
    headers: HeaderMap,
    etag: String,
}

impl Kept {
    fn new(
        mut headers: HeaderMap,
        policy: CachePolicy,
        identity: Bytes,
        modified: SystemTime,
        state: &AppState,
    ) -> Self {
        let tag = Sha256::digest(&identity).iter().take(12).map(|b| format!("{b:02x}")).collect();
        headers.remove(header::CONTENT_LENGTH);
        super::headers::finish(&mut headers, Some(policy), state);
        Kept { headers, identity, tag, modified, representations: Default::default() }
    }

    /// Caps how long caches may keep a page to the moment the clock changes the site (an event
    /// is over), where that comes before the page's usual lifetime.
    fn fresh_until(&mut self, until: SystemTime, policy: CachePolicy, state: &AppState) {
        let left = until.duration_since(SystemTime::now()).map_or(0, |d| d.as_secs());
        if policy == CachePolicy::Page
            && !state.is_preview()
            && left < CachePolicy::PAGE_SECONDS
            && let Ok(value) = HeaderValue::from_str(&format!("public, max-age={left}"))
        {
            self.headers.insert(header::CACHE_CONTROL, value);
        }
    }

    /// Strong ETag of the body in `encoding`: each coding is a different representation.
    fn etag(&self, encoding: Encoding) -> String {
        match encoding {
            Encoding::Identity => format!("\"{}\"", self.tag),
            other => format!("\"{}-{}\"", self.tag, other.token()),
        }
    }

    fn representation(&self, encoding: Encoding) -> &Representation {
        let slot = Encoding::ALL.iter().position(|e| *e == encoding).unwrap_or(0);
        self.representations[slot].get_or_init(|| {
            let body = match encoding {
                Encoding::Identity => self.identity.clone(),
                compressed => Bytes::from(compressed.compress_kept(&self.identity)),
            };
            let etag = self.etag(encoding);
            let mut headers = self.headers.clone();
            let mut set = |name, value: &str| {
                if let Ok(value) = HeaderValue::from_str(value) {
                    headers.insert(name, value);
                }
            };
            set(header::ETAG, &etag);
            set(header::LAST_MODIFIED, &httpdate::fmt_http_date(self.modified));
            encoding.describe(&mut headers);
            Representation { body, headers, etag }
        })
    }

    fn weight(&self) -> u32 {
        Self::weight_of(self.identity.len())
    }

    /// What a page of `bytes` counts: the body, room for its three compressed forms (each a
    /// fifth to a third of it) and for the four sets of headers.
    fn weight_of(bytes: usize) -> u32 {
        u32::try_from(bytes * 2 + 4 * 1024).unwrap_or(u32::MAX)
    }
}

/// The kept responses of one content version, bounded by their size in bytes. quick_cache
/// evicts while it inserts, so the bound holds at every moment; a cache that evicts in the
/// background (moka) let memory swing 40 MB above it while every page of a large site was
/// requested.
pub struct KeptPages {
    cache: quick_cache::sync::Cache<String, Arc<Kept>, ByWeight>,
    /// When the next event is over, and pages that list it as upcoming are out of date: the
    /// version then starts a new set. None for a site whose pages the clock does not change.
    pub(super) until: Option<SystemTime>,
}

/// What a kept page counts against the bound: its path and [`Kept::weight`].
#[derive(Clone)]
struct ByWeight;

impl quick_cache::Weighter<String, Arc<Kept>> for ByWeight {
    fn weight(&self, key: &String, kept: &Arc<Kept>) -> u64 {
        key.len() as u64 + u64::from(kept.weight())
    }
}

impl KeptPages {
    /// A cache holding at most `bytes` of pages and their compressed forms, right until `until`.
    pub fn new(bytes: u64, until: Option<SystemTime>) -> Self {
        // quick_cache splits the bound among shards, and evicts within each: every shard must
        // hold the largest page, or that page would never be kept. It refuses an entry over
        // about 97% of its shard, and the key counts too: hence a quarter more.
        let largest = u64::from(Kept::weight_of(KEEP_UP_TO)) * 5 / 4;
        let shards = 1 << (bytes / largest).max(1).ilog2();
        let mut options = quick_cache::OptionsBuilder::new();
        options.weight_capacity(bytes).estimated_items_capacity(usize::try_from(bytes / 16_384).unwrap_or(1024));
        let cache = match options.shards(shards).build() {
            Ok(options) => {
                quick_cache::sync::Cache::with_options(options, ByWeight, Default::default(), Default::default())
            }
            Err(_) => quick_cache::sync::Cache::with_weighter(64, bytes, ByWeight),
        };
        KeptPages { cache, until }
    }

    /// Whether the pages drawn into this set are still right at `now`.
    pub(super) fn is_current(&self, now: SystemTime) -> bool {
        self.until.is_none_or(|until| now < until)
    }
}

/// The policy of a handler's response, if it may be kept: a successful text response whose
/// policy allows it, not too large to hold.
fn keepable(response: &Response) -> Option<CachePolicy> {
    let headers = response.headers();
    let text = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|t| {
        // A type that declares its charset (`application/x-bibtex; charset=utf-8`) is text too.
        t.starts_with("text/")
            || t.starts_with("application/xml")
            || t.starts_with("application/json")
            || t.contains("charset=")
    });
    let size = axum::body::HttpBody::size_hint(response.body());
    let fits = size.upper().is_some_and(|upper| upper <= KEEP_UP_TO as u64);
    let fit = response.status() == StatusCode::OK && text && fits && !headers.contains_key(header::CONTENT_ENCODING);
    response.extensions().get::<CachePolicy>().copied().filter(|policy| fit && policy.keepable())
}

/// The request headers a kept response depends on, copied before the request is handed on.
const CONDITIONS: [header::HeaderName; 3] = [header::ACCEPT_ENCODING, header::IF_NONE_MATCH, header::IF_MODIFIED_SINCE];

/// Answers GET and HEAD from kept pages, drawing and keeping them on a miss; hands anything
/// else on.
pub(super) async fn serve_kept(state: &AppState, request: Request, next: Next) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return next.run(request).await;
    }
    let version = state.version();
    let pages = version.kept_pages();
    let key = request.uri().path_and_query().map_or_else(|| request.uri().path(), |pq| pq.as_str());
    if let Some(kept) = pages.cache.get(key) {
        return represent(&kept, request.headers());
    }
    let key = key.to_owned();
    let mut conditions = HeaderMap::new();
    for name in CONDITIONS {
        if let Some(value) = request.headers().get(&name) {
            conditions.insert(name, value.clone());
        }
    }
    let response = next.run(request).await;
    let Some(policy) = keepable(&response) else { return encode_error(response, &conditions).await };
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, KEEP_UP_TO).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "Internal server error.").into_response();
    };
    let mut kept = Kept::new(parts.headers, policy, bytes, version.site.modified, state);
    if let Some(until) = pages.until {
        kept.fresh_until(until, policy, state);
    }
    let kept = Arc::new(kept);
    pages.cache.insert(key, Arc::clone(&kept));
    represent(&kept, &conditions)
}

/// An error page in the coding the client prefers, like every other page. Error pages are
/// not kept: any address can be asked for, and a flood of missing ones must not push the
/// site's pages out of memory. So each is compressed for its response, quickly.
async fn encode_error(response: Response, request: &HeaderMap) -> Response {
    let is_error = response.extensions().get::<CachePolicy>() == Some(&CachePolicy::ErrorPage);
    if !is_error || response.headers().contains_key(header::CONTENT_ENCODING) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, KEEP_UP_TO).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "Internal server error.").into_response();
    };
    let accept = request.get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok());
    let encoding = if bytes.len() < COMPRESS_FROM { Encoding::Identity } else { negotiate(accept) };
    parts.headers.remove(header::CONTENT_LENGTH);
    encoding.describe(&mut parts.headers);
    let body = match encoding {
        Encoding::Identity => bytes,
        compressed => Bytes::from(compressed.compress_quick(&bytes)),
    };
    Response::from_parts(parts, Body::from(body))
}

/// The response for `kept` in the coding the client prefers, or `304` when the client's copy
/// is current.
fn represent(kept: &Kept, request: &HeaderMap) -> Response {
    let accept = request.get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok());
    let encoding = if kept.identity.len() < COMPRESS_FROM { Encoding::Identity } else { negotiate(accept) };
    let representation = kept.representation(encoding);
    let mut response = if not_modified(request, &representation.etag, kept.modified) {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        *response.headers_mut() = representation.headers.clone();
        response.headers_mut().remove(header::CONTENT_TYPE);
        response.headers_mut().remove(header::CONTENT_ENCODING);
        response
    } else {
        let mut response = Response::new(Body::from(representation.body.clone()));
        *response.headers_mut() = representation.headers.clone();
        response
    };
    response.extensions_mut().insert(super::headers::Secured);
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

#[cfg(test)]
mod tests {
    use super::{Kept, KeptPages};
    use axum::body::Bytes;
    use std::sync::Arc;

    fn page(bytes: usize) -> Arc<Kept> {
        Arc::new(Kept {
            headers: Default::default(),
            identity: Bytes::from(vec![b'x'; bytes]),
            tag: String::new(),
            modified: std::time::SystemTime::UNIX_EPOCH,
            representations: Default::default(),
        })
    }

    #[test]
    fn the_kept_pages_never_weigh_more_than_the_bound_even_for_a_moment() {
        let bound = 1024 * 1024;
        let kept = KeptPages::new(bound, None);
        for n in 0..2_000 {
            kept.cache.insert(format!("/people/{n}"), page(2_000 + n % 7 * 3_000));
            assert!(kept.cache.weight() <= bound, "after {n} pages: {} bytes", kept.cache.weight());
        }
        assert!(kept.cache.len() > 20, "the cache still keeps pages: {}", kept.cache.len());
        assert!(kept.cache.get("/people/1999").is_some(), "the newest page is kept");
    }

    #[test]
    fn the_largest_page_that_may_be_kept_is_kept_however_many_cores() {
        let largest = u64::from(Kept::weight_of(super::KEEP_UP_TO));
        for bound in [crate::serve::KEPT_BYTES, largest * 2 + largest / 20, largest * 4 + largest / 10, largest * 9] {
            let kept = KeptPages::new(bound, None);
            let path = format!("/people?{}", "long-query-".repeat(100));
            kept.cache.insert(path.clone(), page(super::KEEP_UP_TO));
            assert!(kept.cache.get(&path).is_some(), "with a bound of {bound} bytes");
        }
    }
}
