//! One handler per page type; each finds its page in `render` and gives it a status and
//! headers.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};

use super::{AppState, ServeError};
use crate::link::Site;
use crate::model::Slug;
use crate::render::pages::{
    FreePage, GroupPage, HomePage, PartnersPage, PeoplePage, PersonPage, PracticesPage, ProjectFilter, ProjectPage,
    ProjectsPage, PublicationsPage,
};
use crate::render::{self, Context};

/// How long browsers and shared caches may keep a page before asking again.
const PAGE_CACHE: &str = "public, max-age=300";

fn render(page: impl Template) -> Result<String, ServeError> {
    page.render().map_err(|e| ServeError::Internal(e.into()))
}

/// Draws a page with `build`, or the error page it asks for.
fn respond(state: &AppState, build: impl FnOnce(&Site, &Context) -> Result<String, ServeError>) -> Response {
    let site = state.site();
    match build(&site, state.context()) {
        Ok(html) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, PAGE_CACHE)], html)
            .into_response(),
        Err(error) => error.into_page(state),
    }
}

/// A slug from a URL, or the 404 it deserves.
fn slug(raw: &str, path: &str) -> Result<Slug, ServeError> {
    Slug::parse(raw).ok_or_else(|| ServeError::NotFound(path.to_owned()))
}

pub async fn home(State(state): State<AppState>) -> Response {
    respond(&state, |site, context| render(HomePage::new(site, context)))
}

pub async fn group(State(state): State<AppState>, Path(raw): Path<String>) -> Response {
    let path = format!("/groups/{raw}");
    respond(&state, |site, context| {
        render(GroupPage::new(site, context, &slug(&raw, &path)?).ok_or(ServeError::NotFound(path.clone()))?)
    })
}

pub async fn projects(State(state): State<AppState>, query: Result<Query<ProjectFilter>, QueryRejection>) -> Response {
    respond(&state, |site, context| {
        let bad = |message: String| ServeError::BadQuery { message, back: "/projects" };
        let Query(filter) = query.map_err(|_| bad("The filters in this address could not be read.".into()))?;
        let page =
            ProjectsPage::new(site, context, &filter).map_err(|e| bad(format!("{}.", capitalise(&e.to_string()))))?;
        render(page)
    })
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

pub async fn project(State(state): State<AppState>, Path(raw): Path<String>) -> Response {
    let path = format!("/projects/{raw}");
    respond(&state, |site, context| {
        render(ProjectPage::new(site, context, &slug(&raw, &path)?).ok_or(ServeError::NotFound(path.clone()))?)
    })
}

pub async fn people(State(state): State<AppState>) -> Response {
    respond(&state, |site, context| render(PeoplePage::new(site, context)))
}

/// `/people/{slug}` and `/people/{slug}.vcf`.
pub async fn person(State(state): State<AppState>, Path(raw): Path<String>) -> Response {
    let path = format!("/people/{raw}");
    if let Some(stem) = raw.strip_suffix(".vcf") {
        let site = state.site();
        let person = Slug::parse(stem).and_then(|s| site.people.get(&s));
        return match person {
            Some(person) => {
                let card = render::vcard(&site, &state.context().urls, person);
                let disposition = format!("inline; filename=\"{stem}.vcf\"");
                (
                    [
                        (header::CONTENT_TYPE, "text/vcard; charset=utf-8".to_owned()),
                        (header::CONTENT_DISPOSITION, disposition),
                        (header::CACHE_CONTROL, PAGE_CACHE.to_owned()),
                    ],
                    card,
                )
                    .into_response()
            }
            None => ServeError::NotFound(path).into_page(&state),
        };
    }
    respond(&state, |site, context| {
        render(PersonPage::new(site, context, &slug(&raw, &path)?).ok_or(ServeError::NotFound(path.clone()))?)
    })
}

pub async fn partners(State(state): State<AppState>) -> Response {
    respond(&state, |site, context| render(PartnersPage::new(site, context)))
}

pub async fn publications(State(state): State<AppState>) -> Response {
    respond(&state, |site, context| render(PublicationsPage::new(site, context)))
}

pub async fn practices(State(state): State<AppState>) -> Response {
    respond(&state, |site, context| render(PracticesPage::new(site, context)))
}

/// A free page: `/accessibility`, `/contact`.
pub async fn page(State(state): State<AppState>, Path(raw): Path<String>) -> Response {
    let path = format!("/{raw}");
    respond(&state, |site, context| {
        render(FreePage::new(site, context, &slug(&raw, &path)?).ok_or(ServeError::NotFound(path.clone()))?)
    })
}

pub async fn sitemap(State(state): State<AppState>) -> Response {
    let xml = render::sitemap(&state.site(), &state.context().urls);
    ([(header::CONTENT_TYPE, "application/xml; charset=utf-8"), (header::CACHE_CONTROL, PAGE_CACHE)], xml)
        .into_response()
}

pub async fn robots(State(state): State<AppState>) -> Response {
    let text = render::robots(&state.context().urls);
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8"), (header::CACHE_CONTROL, PAGE_CACHE)], text).into_response()
}

/// Answers 200 once content is loaded, which it always is once the server listens.
pub async fn healthz() -> Response {
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], "ok\n").into_response()
}

/// A fingerprinted asset: its name changes when its bytes do, so it may be kept a year.
pub async fn asset(State(state): State<AppState>, Path(name): Path<String>) -> Response {
    match state.inner.assets.get(&name) {
        Some((body, mime)) => {
            ([(header::CONTENT_TYPE, mime), (header::CACHE_CONTROL, "public, max-age=31536000, immutable")], body)
                .into_response()
        }
        None => ServeError::NotFound(format!("/assets/{name}")).into_page(&state),
    }
}

/// A file from `content/media/`; anything the loader did not list is a 404.
pub async fn media(State(state): State<AppState>, Path(path): Path<String>) -> Response {
    let relative = format!("media/{path}");
    let listed = state.site().media.contains(&relative);
    match super::media::respond(&state.inner.content_dir, listed, &relative).await {
        Some(response) => response,
        None => ServeError::NotFound(format!("/{relative}")).into_page(&state),
    }
}

/// Anything no route matches: a trailing slash is redirected to the canonical URL, the rest
/// is a 404 page.
pub async fn fallback(State(state): State<AppState>, uri: Uri) -> Response {
    let path = uri.path();
    if path.len() > 1 && path.ends_with('/') {
        let trimmed = path.trim_end_matches('/');
        let trimmed = if trimmed.is_empty() { "/" } else { trimmed };
        let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
        let location = format!("{}{query}", state.context().urls.path(trimmed));
        return Redirect::permanent(&location).into_response();
    }
    let mut response = ServeError::NotFound(path.to_owned()).into_page(&state);
    if response.status() == StatusCode::OK {
        *response.status_mut() = StatusCode::NOT_FOUND;
    }
    response
}
