//! Headers every response carries, and the cache policy each kind of response declares.

use std::convert::Infallible;

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::response::{IntoResponseParts, ResponseParts};

use super::AppState;

/// How long shared caches and browsers may keep a response, declared by the handler that
/// makes it. A handler puts the policy among its response's parts; [`finish`] alone turns it
/// into `Cache-Control`, and the kept pages ask it whether a response may be kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CachePolicy {
    /// Pages change when content does: a short life, then revalidation with the ETag, and a
    /// stale copy may be served while a cache revalidates in the background.
    Page,
    /// Files under a content-hashed name never change: keep them a year.
    Asset,
    /// `/favicon.ico`: the icon under an address that stays the same when the icon changes, so
    /// not immutable, but kept a week; pages link the fingerprinted address, kept a year.
    Favicon,
    /// Error pages (404, 400): what is missing now may be published in a minute, so they are
    /// kept only that long, yet a burst of requests for a missing address (a bot, a broken link
    /// on a busy page) is answered by caches rather than the server.
    ErrorPage,
    /// Files from `content/media/`: an editor may replace one under the same name, so caches
    /// keep it an hour, then revalidate with the ETag made from the file's size and time.
    Media,
    /// The sizes the site made of an image, under names that change with the image: kept a
    /// year, never revalidated, and read from disk rather than kept in memory.
    Image,
    /// Search results: the same for everyone, but one per query, so only the visitor's browser
    /// keeps them, and only for a minute; shared caches are not filled with every query.
    Search,
    /// Answers that must be fresh each time: the health check.
    NoStore,
}

impl CachePolicy {
    /// How long a page may be kept by browsers and shared caches, in seconds, as its
    /// `Cache-Control` says.
    pub const PAGE_SECONDS: u64 = 300;

    /// The `Cache-Control` value.
    pub const fn header(self) -> &'static str {
        match self {
            CachePolicy::Page => "public, max-age=300, stale-while-revalidate=86400",
            CachePolicy::Asset => "public, max-age=31536000, immutable",
            CachePolicy::Favicon => "public, max-age=604800",
            CachePolicy::ErrorPage => "public, max-age=60",
            CachePolicy::Media => "public, max-age=3600",
            CachePolicy::Image => "public, max-age=31536000, immutable",
            CachePolicy::Search => "private, max-age=60",
            CachePolicy::NoStore => "no-store",
        }
    }

    /// Whether the server may keep the response it drew and answer every later request with
    /// it: what all visitors get alike and nothing on disk can change behind it. A media file
    /// is read on each request, so a replaced image is sent at once.
    pub(super) const fn keepable(self) -> bool {
        matches!(self, CachePolicy::Page | CachePolicy::Asset)
    }

    /// The `Cache-Control` value; in the editor's preview every page must show the latest save,
    /// so browsers may not keep pages or search results.
    const fn cache_control(self, preview: bool) -> &'static str {
        match self {
            CachePolicy::Page | CachePolicy::Search | CachePolicy::ErrorPage if preview => "no-cache",
            other => other.header(),
        }
    }
}

/// The policy travels with the response, in its extensions, to [`finish`].
impl IntoResponseParts for CachePolicy {
    type Error = Infallible;

    fn into_response_parts(self, mut parts: ResponseParts) -> Result<ResponseParts, Self::Error> {
        parts.extensions_mut().insert(self);
        Ok(parts)
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

/// Completes a response's headers: `Cache-Control` from its `policy` (none without one), and
/// the security headers. The one place either is written.
pub(super) fn finish(headers: &mut HeaderMap, policy: Option<CachePolicy>, state: &AppState) {
    if let Some(policy) = policy {
        // After the headers that say what the body is, where it has always been sent.
        let rest = std::mem::take(headers);
        for name in [header::CONTENT_TYPE, header::CONTENT_DISPOSITION] {
            if let Some(value) = rest.get(&name) {
                headers.insert(name, value.clone());
            }
        }
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy.cache_control(state.is_preview())));
        headers.extend(rest);
    }
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
