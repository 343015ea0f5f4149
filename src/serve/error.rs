//! Requests the site cannot answer, turned into pages with the right status. Visitors see
//! what went wrong in their terms; internal details go to the log only.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use super::{AppState, CachePolicy};
use crate::render::pages::ErrorPage;
use crate::render::{RenderError, Words};

/// A request that did not get its page.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// No page at this path (without the base path).
    #[error("no page at {0}")]
    NotFound(String),
    /// The query makes no sense; the message says why, `back` is the page to return to.
    #[error("bad query: {message}")]
    BadQuery {
        /// Why, in a sentence for the visitor.
        message: String,
        /// The page to go back to, without the base path.
        back: &'static str,
    },
    /// A template failed: a bug, logged and shown as a plain 500.
    #[error(transparent)]
    Internal(#[from] RenderError),
}

impl ServeError {
    /// The response for this error, drawn in the site's layout where possible.
    pub fn into_page(self, state: &AppState) -> Response {
        let version = state.served();
        let (site, context) = (version.site(), version.context());
        let (status, page) = match &self {
            ServeError::NotFound(path) => (StatusCode::NOT_FOUND, ErrorPage::not_found(site, context, path)),
            ServeError::BadQuery { message, back } => {
                (StatusCode::BAD_REQUEST, ErrorPage::bad_request(site, context, message.clone(), back))
            }
            ServeError::Internal(error) => {
                tracing::error!(%error, "rendering failed");
                return internal(&context.words);
            }
        };
        match askama::Template::render(&page) {
            Ok(html) => (status, CachePolicy::ErrorPage, Html(html)).into_response(),
            Err(error) => {
                tracing::error!(%error, "rendering the error page failed");
                internal(&context.words)
            }
        }
    }
}

fn internal(words: &Words) -> Response {
    (StatusCode::INTERNAL_SERVER_ERROR, words.get("error-internal")).into_response()
}
