//! The handlers: one for every entity's page and one for every list, by kind, and their own
//! for what is more than a page (the projects' filters, vCards, search, files); each finds its
//! page in `render` and gives it a status and a cache policy.

use std::convert::Infallible;

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use tokio_stream::wrappers::WatchStream;
use tokio_stream::{Stream, StreamExt};

use super::{AppState, CachePolicy, ServeError};
use crate::link::Site;
use crate::model::{EntityKind, Slug};
use crate::render::pages::{
    self, Asked, HomePage, ListFilter, PublicationFilter, PublicationsPage, Refused, SearchPage,
};
use crate::render::{self, Context};

fn render(page: impl Template) -> Result<String, ServeError> {
    page.render().map_err(|e| ServeError::Internal(e.into()))
}

/// Draws a page with `build`, or the error page it asks for.
fn respond(state: &AppState, build: impl FnOnce(&Site, &Context) -> Result<String, ServeError>) -> Response {
    let version = state.served();
    match build(version.site(), version.context()) {
        Ok(html) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], CachePolicy::Page, html).into_response(),
        Err(error) => error.into_page(state),
    }
}

/// The one variable segment of a route, or nothing when it is not valid percent-encoded
/// UTF-8: such a URL names no page, so it gets the 404 page rather than a bare 400.
pub struct Segment(Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for Segment {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Ok(Segment(Path::<String>::from_request_parts(parts, state).await.ok().map(|Path(s)| s)))
    }
}

/// A slug from a URL, or the 404 it deserves.
fn slug(raw: Option<&str>, uri: &Uri) -> Result<Slug, ServeError> {
    raw.and_then(Slug::parse).ok_or_else(|| ServeError::NotFound(uri.path().to_owned()))
}

/// The page of an entity of `kind`: a group, a project, a person, a free page; an unknown
/// slug is a 404.
pub async fn entity(kind: EntityKind, State(state): State<AppState>, uri: Uri, Segment(raw): Segment) -> Response {
    respond(&state, |site, context| {
        let not_found = || ServeError::NotFound(uri.path().to_owned());
        let slug = slug(raw.as_deref(), &uri)?;
        Ok(pages::entity_page(kind, site, context, &slug).ok_or_else(not_found)??)
    })
}

/// The list page of `kind`, such as `/people/`.
pub async fn list(kind: EntityKind, State(state): State<AppState>, uri: Uri) -> Response {
    respond(&state, |site, context| {
        Ok(pages::list_page(kind, site, context).ok_or_else(|| ServeError::NotFound(uri.path().to_owned()))??)
    })
}

/// The home page, `/`.
pub async fn home(State(state): State<AppState>) -> Response {
    respond(&state, |site, context| render(HomePage::new(site, context)))
}

/// A list a GET form narrows (`/projects/`, `/people/`), paged by its query; a filter value
/// the site does not know is a 400, a page past the last a 404. The whole list's later pages
/// have their own addresses, so `?page=2` without filters is sent there.
pub async fn narrowed_list<F: ListFilter>(
    State(state): State<AppState>,
    uri: Uri,
    query: Result<Query<F>, QueryRejection>,
) -> Response {
    let version = state.served();
    let (site, context) = (version.site(), version.context());
    let drawn = (|| {
        let bad = |message: String| ServeError::BadQuery { message, back: crate::paths::list_page(F::LIST) };
        let Query(filter) = query.map_err(|_| bad(context.words.get("filter-unreadable")))?;
        let number = filter.page_number().map_err(|e| bad(e.message(&context.words)))?;
        if !filter.is_filtered() && number > 1 {
            return Ok(Err(later_page(context, F::LIST, number)));
        }
        let page = filter.draw(site, context, number).map_err(|e| bad(e.message(&context.words)))?;
        let html = page.ok_or_else(|| ServeError::NotFound(uri.path().to_owned()))?;
        html.map(Ok).map_err(|e| ServeError::Internal(e.into()))
    })();
    drawn_or_sent(&state, drawn)
}

/// The permanent redirect from `?page=n` of an unfiltered list to page `n`'s own address.
fn later_page(context: &Context, kind: EntityKind, number: usize) -> Redirect {
    Redirect::permanent(&context.urls.path(&crate::paths::list_page_number(kind, number)))
}

/// A page drawn, a redirect, or the error page asked for.
fn drawn_or_sent(state: &AppState, drawn: Result<Result<String, Redirect>, ServeError>) -> Response {
    match drawn {
        Ok(Ok(html)) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], CachePolicy::Page, html).into_response(),
        Ok(Err(redirect)) => redirect.into_response(),
        Err(error) => error.into_page(state),
    }
}

/// A list of publications refused: an unknown filter value is a 400, a page past the last a 404.
fn refused(refused: Refused, context: &Context, uri: &Uri) -> ServeError {
    match refused {
        Refused::Unknown { .. } => ServeError::BadQuery {
            message: refused.message(&context.words),
            back: crate::paths::list_page(EntityKind::Publication),
        },
        Refused::PastLast(_) => ServeError::NotFound(uri.path().to_owned()),
    }
}

/// `/publications/`, narrowed and paged by its query. The unfiltered list's later pages have
/// their own addresses, so `?page=2` without filters is sent there.
pub async fn publications(
    State(state): State<AppState>,
    uri: Uri,
    query: Result<Query<PublicationFilter>, QueryRejection>,
) -> Response {
    let version = state.served();
    let (site, context) = (version.site(), version.context());
    let drawn = (|| {
        let Query(filter) = query.map_err(|_| ServeError::BadQuery {
            message: context.words.get("filter-unreadable"),
            back: crate::paths::list_page(EntityKind::Publication),
        })?;
        let number = filter.page_number().map_err(|e| refused(e, context, &uri))?;
        if !filter.is_filtered() && number > 1 {
            return Ok(Err(later_page(context, EntityKind::Publication, number)));
        }
        let page = PublicationsPage::new(site, context, &filter, number).map_err(|e| refused(e, context, &uri))?;
        render(page).map(Ok)
    })();
    drawn_or_sent(&state, drawn)
}

/// `{list}page/{n}/`: page `n` of the unfiltered list of `kind` (people, projects, partners,
/// practices, publications, news). Page 1
/// is the list itself, so it is sent there; a number written any other way, or past the last
/// page, is a 404.
pub async fn later_list_page(
    kind: EntityKind,
    State(state): State<AppState>,
    uri: Uri,
    Segment(raw): Segment,
) -> Response {
    let number = raw.as_deref().and_then(|n| n.parse::<usize>().ok()).filter(|n| Some(n.to_string()) == raw);
    if number == Some(1) {
        let to = crate::paths::list_page(kind);
        return Redirect::permanent(&state.served().context().urls.path(to)).into_response();
    }
    respond(&state, |site, context| {
        let not_found = || ServeError::NotFound(uri.path().to_owned());
        let number = number.filter(|n| *n > 1).ok_or_else(not_found)?;
        Ok(pages::later_list_page(kind, site, context, number).ok_or_else(not_found)??)
    })
}

/// `/people/{slug}.vcf`, and a person's page asked for at its bare address.
pub async fn vcard(State(state): State<AppState>, uri: Uri, Segment(raw): Segment) -> Response {
    let raw = raw.unwrap_or_default();
    let Some(stem) = raw.strip_suffix(crate::paths::VCARD).and_then(|s| s.strip_suffix('.')) else {
        return fallback(State(state), uri).await;
    };
    let version = state.served();
    let card = Slug::parse(stem)
        .and_then(|s| version.site().people.get(&s))
        .map(|person| render::vcard(version.site(), &version.context().urls, &version.context().words, person));
    let file =
        Download { content_type: "text/vcard; charset=utf-8", disposition: "inline", extension: crate::paths::VCARD };
    file.respond(&state, &uri, stem, card)
}

/// `/events/{slug}.ics`, and an event's page asked for at its bare address.
pub async fn event_calendar(State(state): State<AppState>, uri: Uri, Segment(raw): Segment) -> Response {
    let raw = raw.unwrap_or_default();
    let Some(stem) = raw.strip_suffix(crate::paths::ICALENDAR).and_then(|s| s.strip_suffix('.')) else {
        return fallback(State(state), uri).await;
    };
    let version = state.served();
    let file = Slug::parse(stem)
        .and_then(|s| version.site().events.get(&s))
        .map(|event| render::event_calendar(version.site(), version.context(), event));
    CALENDAR_FILE.respond(&state, &uri, stem, file)
}

/// An iCalendar file, which calendar applications open from a link.
const CALENDAR_FILE: Download = Download {
    content_type: "text/calendar; charset=utf-8",
    disposition: "inline",
    extension: crate::paths::ICALENDAR,
};

/// The media type of an Atom feed.
const ATOM: &str = "application/atom+xml; charset=utf-8";

/// `/feed.xml`: everything new on the site.
pub async fn feed(State(state): State<AppState>) -> Response {
    let version = state.served();
    let body = render::feed(version.site(), version.context(), render::FeedOf::Site);
    ([(header::CONTENT_TYPE, ATOM)], CachePolicy::Page, body).into_response()
}

/// `/groups/{slug}/feed.xml`: one group's news and events.
pub async fn group_feed(State(state): State<AppState>, uri: Uri, Segment(raw): Segment) -> Response {
    let version = state.served();
    match raw.as_deref().and_then(Slug::parse).and_then(|s| version.site().groups.get(&s)) {
        Some(group) => {
            let body = render::feed(version.site(), version.context(), render::FeedOf::Group(group));
            ([(header::CONTENT_TYPE, ATOM)], CachePolicy::Page, body).into_response()
        }
        None => ServeError::NotFound(uri.path().to_owned()).into_page(&state),
    }
}

/// `/events.ics`: every event, to subscribe to.
pub async fn calendar(State(state): State<AppState>) -> Response {
    let version = state.served();
    let site = version.site();
    let body = render::calendar(site, version.context(), &site.settings.name, site.events.values());
    ([(header::CONTENT_TYPE, CALENDAR_FILE.content_type)], CachePolicy::Page, body).into_response()
}

/// `/groups/{slug}/events.ics`: one group's events, to subscribe to.
pub async fn group_calendar(State(state): State<AppState>, uri: Uri, Segment(raw): Segment) -> Response {
    let version = state.served();
    let site = version.site();
    match raw.as_deref().and_then(Slug::parse).and_then(|s| site.groups.get(&s)) {
        Some(group) => {
            let events = site.events_of(EntityKind::Group, &group.slug);
            let body = render::calendar(site, version.context(), &group.name, events);
            ([(header::CONTENT_TYPE, CALENDAR_FILE.content_type)], CachePolicy::Page, body).into_response()
        }
        None => ServeError::NotFound(uri.path().to_owned()).into_page(&state),
    }
}

/// A citation file beside a publication's page, and what writes it from the publication.
type Citation = (Download, fn(&crate::model::Publication) -> String);

/// The citation files of every publication: `.bib` (BibTeX) and `.ris` (RIS).
const CITATIONS: [Citation; 2] = [
    (
        Download {
            content_type: "application/x-bibtex; charset=utf-8",
            disposition: "attachment",
            extension: crate::paths::BIBTEX,
        },
        render::bibtex,
    ),
    (
        Download {
            content_type: "application/x-research-info-systems; charset=utf-8",
            disposition: "attachment",
            extension: crate::paths::RIS,
        },
        render::ris,
    ),
];

/// A publication's citation for reference managers, `/publications/{slug}.bib` (BibTeX) and
/// `.ris` (RIS), and its page asked for at its bare address.
pub async fn citation(State(state): State<AppState>, uri: Uri, Segment(raw): Segment) -> Response {
    let raw = raw.unwrap_or_default();
    for (file, write) in &CITATIONS {
        if let Some(stem) = raw.strip_suffix(file.extension).and_then(|s| s.strip_suffix('.')) {
            let version = state.served();
            let body = Slug::parse(stem).and_then(|s| version.site().publications.get(&s)).map(write);
            return file.respond(&state, &uri, stem, body);
        }
    }
    fallback(State(state), uri).await
}

/// A file drawn from an entity, beside its page: a vCard, a BibTeX entry, a RIS record.
struct Download {
    /// Its media type, with the charset.
    content_type: &'static str,
    /// `inline` or `attachment`, before the file name in `Content-Disposition`.
    disposition: &'static str,
    /// The extension of its file name, after the slug.
    extension: &'static str,
}

impl Download {
    /// The file `body` of the entity `stem`, named `{stem}.{extension}`, kept like a page; a 404
    /// page where there is no such entity.
    fn respond(&self, state: &AppState, uri: &Uri, stem: &str, body: Option<String>) -> Response {
        match body {
            Some(body) => {
                let disposition = format!("{}; filename=\"{stem}.{}\"", self.disposition, self.extension);
                (
                    [(header::CONTENT_TYPE, self.content_type.to_owned()), (header::CONTENT_DISPOSITION, disposition)],
                    CachePolicy::Page,
                    body,
                )
                    .into_response()
            }
            None => ServeError::NotFound(uri.path().to_owned()).into_page(state),
        }
    }
}

/// What `/search/` reads from its address.
#[derive(Debug, serde::Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
    page: Option<String>,
}

/// A body this long or shorter fits one packet: compressing it saves no round trip.
const ONE_PACKET: usize = 1400;

/// `/search/?q=`: drawn for each query, never kept, compressed (quickly) only when it is larger
/// than a packet.
pub async fn search(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<SearchQuery>, QueryRejection>,
) -> Response {
    let version = state.served();
    let words = &version.context().words;
    let Ok(Query(query)) = query else {
        let message = words.get("search-unreadable");
        return ServeError::BadQuery { message, back: crate::paths::SEARCH }.into_page(&state);
    };
    let Some(index) = version.search_index().await else {
        tracing::error!("search asked for, but the index could not be built");
        return (StatusCode::SERVICE_UNAVAILABLE, format!("{}\n", words.get("search-unavailable"))).into_response();
    };
    let page = query.page.as_deref().and_then(|p| p.trim().parse::<usize>().ok()).unwrap_or(1);
    let asked = match query.q.as_deref() {
        Some(text) => Asked::Query { text, page },
        None => Asked::Nothing,
    };
    let page = SearchPage::new(version.site(), version.context(), index, asked);
    let status = if page.refused.is_some() { StatusCode::BAD_REQUEST } else { StatusCode::OK };
    let html = match render(page) {
        Ok(html) => html,
        Err(error) => return error.into_page(&state),
    };
    let accept = headers.get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok());
    let encoding = if html.len() > ONE_PACKET { super::negotiate(accept) } else { super::Encoding::Identity };
    let mut response = (status, CachePolicy::Search, encoding.compress_quick(html.as_bytes())).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    encoding.describe(headers);
    response
}

/// `/sitemap.xml`, for search engines.
pub async fn sitemap(State(state): State<AppState>) -> Response {
    xml(render::sitemap(&state.site(), &state.inner.urls))
}

/// An XML document for crawlers, kept like a page.
fn xml(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], CachePolicy::Page, body).into_response()
}

/// `/sitemaps/{part}.xml`: a part of the sitemap of a site too large for one file.
pub async fn sitemap_part(State(state): State<AppState>, uri: Uri, Segment(file): Segment) -> Response {
    let part = file.as_deref().and_then(|f| f.strip_suffix(".xml")).and_then(|n| n.parse::<usize>().ok());
    match part.and_then(|part| render::sitemap_part(&state.site(), &state.inner.urls, part)) {
        Some(body) => xml(body),
        None => ServeError::NotFound(uri.path().to_owned()).into_page(&state),
    }
}

/// `/robots.txt`, which names the sitemap.
pub async fn robots(State(state): State<AppState>) -> Response {
    let text = render::robots(&state.inner.urls);
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], CachePolicy::Page, text).into_response()
}

/// Answers 200 once content is loaded, which it always is once the server listens.
pub async fn healthz() -> Response {
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], CachePolicy::NoStore, "ok\n").into_response()
}

/// A fingerprinted asset: its name changes when its bytes do, so it may be kept a year.
pub async fn asset(State(state): State<AppState>, uri: Uri, Segment(name): Segment) -> Response {
    let icon = state.version().icon.clone();
    if name.as_deref().is_some_and(|n| icon.is_named(n)) {
        let (body, mime) = icon.body();
        return ([(header::CONTENT_TYPE, mime)], CachePolicy::Asset, body).into_response();
    }
    match name.and_then(|n| state.inner.assets.get(&n)) {
        Some((body, mime)) => ([(header::CONTENT_TYPE, mime)], CachePolicy::Asset, body).into_response(),
        None => ServeError::NotFound(uri.path().to_owned()).into_page(&state),
    }
}

/// `/favicon.ico`, which browsers ask for whatever a page links: the same bytes as the
/// fingerprinted icon, under an address that cannot change with them, so kept a week rather
/// than a year.
pub async fn favicon(State(state): State<AppState>) -> Response {
    let (body, mime) = state.version().icon.body();
    ([(header::CONTENT_TYPE, mime)], CachePolicy::Favicon, body).into_response()
}

/// A size of an image from the cache folder. One not made yet is a temporary redirect to the
/// original, which no cache keeps; a name no version of the site made is a 404.
pub async fn image(State(state): State<AppState>, uri: Uri, Segment(name): Segment) -> Response {
    let served = state.served();
    let maker = &state.inner.images;
    let name = name.unwrap_or_default();
    let (cached, format, original) = match served.site().images.variant(&name) {
        Some((rendition, variant)) => (Some(maker.cached(variant)), Some(variant.format), Some(&rendition.source)),
        // A page drawn before the last change may still name an earlier version's variant.
        None => (maker.cached_by_name(&name), crate::images::Format::by_extension(&name), None),
    };
    if let (Some(cached), Some(format)) = (cached, format)
        && let Ok(bytes) = tokio::fs::read(&cached).await
    {
        return ([(header::CONTENT_TYPE, format.mime())], CachePolicy::Image, bytes).into_response();
    }
    match original {
        Some(source) => {
            let location = served.context().urls.file(&crate::paths::media(source));
            (StatusCode::TEMPORARY_REDIRECT, [(header::LOCATION, location)], CachePolicy::NoStore, ()).into_response()
        }
        None => ServeError::NotFound(uri.path().to_owned()).into_page(&state),
    }
}

/// A file from `content/media/`; anything the loader did not list is a 404.
pub async fn media(State(state): State<AppState>, uri: Uri, headers: HeaderMap, Segment(path): Segment) -> Response {
    let relative = path.map(|p| format!("media/{p}")).filter(|r| state.site().media.contains(r));
    let response = match relative {
        Some(relative) => super::media::respond(&state.inner.content_dir, &relative, &headers).await,
        None => None,
    };
    response.unwrap_or_else(|| ServeError::NotFound(uri.path().to_owned()).into_page(&state))
}

/// Anything no route matches: the bare address of a page (`/people/ada`, an old link or a
/// typed one) is sent to the page (`/people/ada/`) with its query, the rest is a 404 page. Only
/// the site's own pages are redirected to, so no address can send a visitor to another site.
pub async fn fallback(State(state): State<AppState>, uri: Uri) -> Response {
    let path = uri.path();
    // An address under a language's segment is that edition's: its bare pages are its own,
    // and its 404 page is in its language.
    let site = state.version().site.clone();
    let (edition, within) = site
        .editions()
        .enumerate()
        .skip(1)
        .find_map(|(i, e)| {
            let rest = path.strip_prefix('/')?.strip_prefix(e.segment.as_str())?;
            (rest.is_empty() || rest.starts_with('/')).then_some((i, rest))
        })
        .unwrap_or((0, path));
    let state = state.for_edition(edition);
    let served = state.served();
    let page = format!("{within}/");
    if !within.ends_with('/') && render::is_page(served.site(), &page) {
        let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
        let location = format!("{}{query}", served.context().urls.path(&page));
        return Redirect::permanent(&location).into_response();
    }
    ServeError::NotFound(path.to_owned()).into_page(&state)
}

/// The editor's preview only: the content version now, and again after every reload, for the
/// pages' live-reload script.
pub async fn preview_events(State(state): State<AppState>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let numbers = match &state.inner.live {
        Some(live) => live.subscribe(),
        None => tokio::sync::watch::channel(0).1,
    };
    let events = WatchStream::new(numbers)
        .take_while(|number| *number != super::PREVIEW_STOPPED)
        .map(|number| Ok(Event::default().data(number.to_string())));
    Sse::new(events).keep_alive(KeepAlive::default())
}
