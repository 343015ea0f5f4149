//! Headers every response carries, and the cache policy each kind of response declares.

use axum::extract::Request;
use axum::http::{HeaderValue, Method, header};

use super::AppState;

/// How long shared caches and browsers may keep a response, declared by the handler that
/// makes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CachePolicy {
    /// Pages change when content does: a short life, then revalidation with the ETag, and a
    /// stale copy may be served while a cache revalidates in the background.
    Page,
    /// Files under a content-hashed name never change: keep them a year.
    Asset,
    /// Search results: the same for everyone, but one per query, so only the visitor's browser
    /// keeps them, and only for a minute; shared caches are not filled with every query.
    Search,
    /// Answers that must be fresh each time: the health check.
    NoStore,
}

impl CachePolicy {
    /// The `Cache-Control` value.
    pub const fn header(self) -> &'static str {
        match self {
            CachePolicy::Page => "public, max-age=300, stale-while-revalidate=86400",
            CachePolicy::Asset => "public, max-age=31536000, immutable",
            CachePolicy::Search => "private, max-age=60",
            CachePolicy::NoStore => "no-store",
        }
    }
}

/// The Content-Security-Policy of every page: only the site's own stylesheet and images (and
/// no inline style), no script at all, no framing. `frame-ancestors` does what
/// `X-Frame-Options` did, so that header is not sent: every response carries these bytes.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The policy of the editor's preview (`serve --watch`): the same, but the site's own
/// live-reload script may run and listen for changes.
pub const PREVIEW_CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; connect-src 'self'; \
     object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Marks a response whose headers are complete already (a kept page, whose headers were made
/// once), so the security middleware passes it on untouched.
#[derive(Debug, Clone, Copy)]
pub(super) struct Secured;

/// Adds the security headers to `headers`, and in the editor's preview makes pages
/// revalidate on every visit.
pub(super) fn secure(headers: &mut axum::http::HeaderMap, state: &AppState) {
    let fixed = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=()"),
        (header::HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        let policy = if state.is_preview() { PREVIEW_CONTENT_SECURITY_POLICY } else { CONTENT_SECURITY_POLICY };
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(policy));
    }
    // In the editor's preview every page must show the latest save: browsers may not keep it.
    let is_page = headers.get(header::CACHE_CONTROL).is_some_and(|v| {
        [CachePolicy::Page, CachePolicy::Search].iter().any(|p| v.as_bytes() == p.header().as_bytes())
    });
    if state.is_preview() && is_page {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    if state.inner.urls.is_https() {
        headers
            .insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=63072000; includeSubDomains"));
    }
}

/// A GET or HEAD with a body: such a request is a mistake or a probe, and is refused.
pub(super) fn has_body_on_read(request: &Request) -> bool {
    let safe = request.method() == Method::GET || request.method() == Method::HEAD;
    let length = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    safe && (length > 0 || request.headers().contains_key(header::TRANSFER_ENCODING))
}
