//! The front door every request passes through: it is logged, a GET with a body is refused, a
//! kept page is answered at once, and the security headers are added. One middleware rather
//! than a layer each, because every layer costs on every request and a kept page is otherwise
//! answered in a few microseconds.

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::access_log::Entry;
use super::headers::{Secured, has_body_on_read, secure};

/// Middleware: the whole front door, in order.
pub async fn front(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let entry = Entry::begin(&request, &state);
    let mut response = if has_body_on_read(&request) {
        (StatusCode::BAD_REQUEST, "A GET request has no body.\n").into_response()
    } else {
        super::kept::serve_kept(&state, request, next).await
    };
    if response.extensions().get::<Secured>().is_none() {
        secure(response.headers_mut(), &state);
    }
    entry.end(&response);
    response
}
