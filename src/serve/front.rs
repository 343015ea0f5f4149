//! The front door every request passes through: it is logged, a GET with a body is refused, a
//! kept page is answered at once, and the cache and security headers are added. One middleware rather
//! than a layer each, because every layer costs on every request and a kept page is otherwise
//! answered in a few microseconds.

use axum::body::{Body, HttpBody as _};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::access_log::Entry;
use super::headers::{CachePolicy, Secured, finish, has_body_on_read};

/// Middleware: the whole front door, in order.
pub async fn front(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let entry = Entry::begin(&request, &state);
    let head = request.method() == Method::HEAD;
    let mut response = if has_body_on_read(&request) {
        (StatusCode::BAD_REQUEST, "A GET request has no body.\n").into_response()
    } else {
        super::kept::serve_kept(&state, request, next).await
    };
    if response.extensions().get::<Secured>().is_none() {
        let policy = response.extensions().get::<CachePolicy>().copied();
        finish(response.headers_mut(), policy, &state);
    }
    if head {
        without_body(&mut response);
    }
    entry.end(&response);
    response
}

/// A HEAD request's answer: a GET's headers, its `Content-Length` included, and no body. The
/// routes would strip it, but a kept page is answered before them.
fn without_body(response: &mut Response) {
    if let Some(length) = response.body().size_hint().exact()
        && !response.headers().contains_key(header::CONTENT_LENGTH)
    {
        response.headers_mut().insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    }
    *response.body_mut() = Body::empty();
}
