//! Serves the site over HTTP: the router, its handlers and the listener. Pages come from
//! `render`; this module adds status codes, headers and the network.

mod access_log;
mod assets;
mod connection;
mod encoding;
mod error;
mod front;
mod handlers;
mod headers;
mod kept;
mod listener;
mod media;
mod watch;

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use arc_swap::ArcSwap;
use std::time::Duration;

use axum::Router;
use axum::middleware::from_fn_with_state;
use axum::routing::{MethodRouter, get};
use tower_http::timeout::TimeoutLayer;

pub use access_log::{Client, LogFormat, LogLine, LogWriter, Peer, TrustedProxies, log_report};
pub use assets::{Assets, Icon};
pub use encoding::{Encoding, negotiate};
pub use error::ServeError;
pub use headers::{CONTENT_SECURITY_POLICY, CachePolicy};
pub use listener::{BadListen, Listen};

use crate::link::Site;
use crate::model::EntityKind;
use crate::paths::{self, Route};
use crate::render::{Context, Removal, Urls};
use crate::search::{SearchError, SearchIndex};
use crate::words::Words;

/// How long a request may take before the client gets a 408; a slow client cannot hold a
/// connection and its memory for ever.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a graceful shutdown waits for requests in flight.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);
/// The most bytes of pages and compressed forms kept in memory per content version.
pub const KEPT_BYTES: u64 = 24 * 1024 * 1024;

/// What `groupsite serve` needs to know.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// The content folder, whose `media/` files are sent from disk on each request.
    pub content: PathBuf,
    /// Where to listen: a TCP address or a Unix socket.
    pub listen: Listen,
    /// Where the site is published; by default `http://{addr}/`.
    pub base_url: Option<String>,
    /// Proxies whose `X-Forwarded-For` names the real client.
    pub trusted_proxies: TrustedProxies,
    /// The most connections served at once; more wait to be accepted.
    pub max_connections: usize,
    /// Connections the kernel queues beyond those, waiting to be accepted (`listen`'s backlog).
    pub backlog: u32,
    /// How long a client may take to send its first request, and its headers, before it is cut off.
    pub header_timeout: Duration,
    /// How long a connection may wait for its next request.
    pub keepalive_timeout: Duration,
    /// How long an answer may wait for the client to read any of it.
    pub send_timeout: Duration,
    /// The editor's preview: reload on every change, refresh pages, show mistakes.
    pub watch: bool,
    /// Where the sizes made of the content's images are kept, outside the content.
    pub image_cache: PathBuf,
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// `--base-url` is not one the site can build its links from.
    #[error(transparent)]
    BaseUrl(#[from] crate::render::BadBaseUrl),
    /// `--watch` could not watch the content folder.
    #[error(transparent)]
    Watch(#[from] watch::WatchError),
    /// The address is taken, or not one this machine may listen on.
    #[error("cannot listen on {listen}: {source}")]
    Listen {
        /// The address asked for.
        listen: Listen,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

/// Everything a handler needs: the content version being served and how to draw it. Cheap to
/// clone; under `--watch` a new version is swapped in atomically, and a request holds the
/// version it started with, so no request ever sees half a site.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Shared>,
    /// Which edition of the site this state's routes answer: the index of its language in
    /// the site's languages, 0 for the default.
    edition: usize,
}

struct Shared {
    current: ArcSwap<Version>,
    /// How every version's pages are drawn in each edition, before its mistakes are added.
    contexts: Vec<Context>,
    /// The content folder, for the files of `media/`.
    content_dir: PathBuf,
    /// Makes the sizes of the images, into the cache folder the server sends them from.
    images: crate::images::Maker,
    urls: Urls,
    assets: Assets,
    trusted_proxies: TrustedProxies,
    /// Under `--watch`: tells the pages' live-reload script the current version number.
    live: Option<tokio::sync::watch::Sender<u64>>,
}

/// One version of the content as served: the site, how pages are drawn from it, and the
/// pages drawn so far.
pub(crate) struct Version {
    /// The site in its default language, which holds its other editions.
    site: Arc<Site>,
    /// How each edition's pages are drawn, and its search index, by edition.
    editions: Vec<Edition>,
    /// The pages drawn so far, until the clock changes the site (an event is over).
    kept: arc_swap::ArcSwap<kept::KeptPages>,
    number: u64,
    /// The site's icon, drawn from this version's settings.
    icon: Icon,
}

/// One language's edition of a version: how its pages are drawn and its search index.
struct Edition {
    context: Context,
    /// The edition's search index, built in the background when the site is published;
    /// shared by versions that only differ in the mistakes they show.
    search: Arc<SearchSlot>,
}

/// What a request is answered from: one version of the content, in one language.
pub(crate) struct Served {
    version: Arc<Version>,
    edition: usize,
}

impl Served {
    /// The site in the request's language.
    pub(crate) fn site(&self) -> &Site {
        self.version.site.edition(self.edition)
    }

    /// How the request's pages are drawn.
    pub(crate) fn context(&self) -> &Context {
        let editions = &self.version.editions;
        &editions.get(self.edition).unwrap_or(&editions[0]).context
    }

    /// The edition's search index, waiting for it if it is still being built.
    pub(crate) async fn search_index(&self) -> Option<&SearchIndex> {
        let slot = &self.version.editions.get(self.edition)?.search;
        if slot.get().is_none() {
            let (version, edition) = (Arc::clone(&self.version), self.edition);
            let waited = tokio::task::spawn_blocking(move || {
                let served = Served { version, edition };
                let slot = &served.version.editions[edition].search;
                slot.get_or_init(|| build_index(served.site(), &served.context().words, &|| true));
            });
            if waited.await.is_err() {
                return None;
            }
        }
        slot.get().and_then(Option::as_ref)
    }
}

/// A site's search index, once it is built; `None` inside if tantivy refused (logged), or if
/// the index was given up because no served version holds the slot any more.
type SearchSlot = OnceLock<Option<SearchIndex>>;

/// A slot for the index of `site`'s edition number `edition`, filled by a thread of its own
/// so publishing does not wait.
fn index_in_background(site: &Arc<Site>, edition: usize, words: &Words, searchable: bool) -> Arc<SearchSlot> {
    let slot = Arc::new(SearchSlot::new());
    if searchable {
        let (site, words, filling) = (Arc::clone(site), words.clone(), Arc::downgrade(&slot));
        let spawned = std::thread::Builder::new().name("search-index".into()).spawn(move || {
            crate::background::yield_to_requests();
            // Only the versions that serve this slot keep it: once a save has replaced them
            // all, the index is dropped unbuilt, and the reload after it has the CPU.
            let Some(filling) = filling.upgrade() else { return };
            let wanted = || Arc::strong_count(&filling) > 1;
            filling.get_or_init(|| build_index(site.edition(edition), &words, &wanted));
        });
        if let Err(error) = spawned {
            tracing::warn!(%error, "cannot index in the background; the first search will");
        }
    }
    slot
}

fn build_index(site: &Site, words: &Words, wanted: &dyn Fn() -> bool) -> Option<SearchIndex> {
    let started = std::time::Instant::now();
    match SearchIndex::build(site, words, wanted) {
        Ok(index) => {
            tracing::info!(
                entries = index.len(),
                bytes = index.bytes(),
                build_ms = started.elapsed().as_millis() as u64,
                "search index built"
            );
            Some(index)
        }
        Err(SearchError::Unwanted) => {
            tracing::debug!(build_ms = started.elapsed().as_millis() as u64, "search index of a replaced site dropped");
            None
        }
        Err(error) => {
            tracing::error!(%error, "search index");
            None
        }
    }
}

impl Version {
    fn new(site: Arc<Site>, contexts: Vec<Context>, searches: Vec<Arc<SearchSlot>>, number: u64, icon: Icon) -> Self {
        let editions = contexts
            .into_iter()
            .zip(searches)
            .map(|(mut context, search)| {
                context.icon = icon.link();
                Edition { context, search }
            })
            .collect();
        let until = site.next_change(crate::render::now()).map(std::time::SystemTime::from);
        let kept = arc_swap::ArcSwap::from_pointee(kept::KeptPages::new(KEPT_BYTES, until));
        Version { site, editions, kept, number, icon }
    }

    fn searches(&self) -> Vec<Arc<SearchSlot>> {
        self.editions.iter().map(|e| Arc::clone(&e.search)).collect()
    }

    /// The pages kept for the site as it is at this moment: once an event is over, a new set,
    /// so no page that lists it as upcoming is served again.
    pub(crate) fn kept_pages(&self) -> std::sync::Arc<kept::KeptPages> {
        let pages = self.kept.load_full();
        if pages.until.is_none() {
            return pages;
        }
        let now = std::time::SystemTime::now();
        if pages.is_current(now) {
            return pages;
        }
        let until = self.site.next_change(now.into()).map(std::time::SystemTime::from);
        let fresh = std::sync::Arc::new(kept::KeptPages::new(KEPT_BYTES, until));
        self.kept.store(std::sync::Arc::clone(&fresh));
        fresh
    }
}

/// What a state serves for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `serve`.
    Production,
    /// `serve --watch`.
    Preview,
    /// `export`.
    Export,
}

/// The version number that ends the preview's event streams when the server stops, so an open
/// tab does not hold the stop for the whole grace period; the page's script reconnects to the
/// next server and reloads.
const PREVIEW_STOPPED: u64 = u64::MAX;

impl AppState {
    /// State for serving `site`, loaded from `content_dir`, at `urls`, believing
    /// `X-Forwarded-For` from `trusted_proxies`.
    pub fn new(site: Site, content_dir: PathBuf, urls: Urls, trusted_proxies: TrustedProxies) -> Self {
        Self::build(site, content_dir, urls, trusted_proxies, Mode::Production)
    }

    /// State for writing the site as files (`export`): pages without the search form, since
    /// no server will be there to answer it.
    pub fn for_export(site: Site, content_dir: PathBuf, urls: Urls) -> Self {
        Self::build(site, content_dir, urls, TrustedProxies::default(), Mode::Export)
    }

    /// State for the editor's preview (`serve --watch`): pages reload themselves when the
    /// content changes and show its mistakes.
    pub fn preview(site: Site, content_dir: PathBuf, urls: Urls, trusted_proxies: TrustedProxies) -> Self {
        Self::build(site, content_dir, urls, trusted_proxies, Mode::Preview)
    }

    fn build(site: Site, content_dir: PathBuf, urls: Urls, trusted_proxies: TrustedProxies, mode: Mode) -> Self {
        let preview = mode == Mode::Preview;
        let assets = Assets::new(&urls, preview);
        let live = preview.then(|| tokio::sync::watch::channel(1).0);
        let searchable = mode != Mode::Export;
        // NOTE: the languages and their words are those of the site first loaded; a change of
        // `language` or `languages` under `--watch` takes a restart.
        let languages: Vec<crate::render::LanguageName> = site
            .settings
            .languages()
            .into_iter()
            .map(|tag| crate::render::LanguageName {
                tag: tag.to_owned(),
                name: Words::for_language(tag).get("language-name"),
            })
            .collect();
        let untranslated = site.untranslated();
        let contexts: Vec<Context> = site
            .editions()
            .map(|edition| {
                let urls = urls.in_edition(&edition.segment);
                Context {
                    stylesheet: assets.stylesheet(),
                    icon: crate::render::IconLink::default(),
                    preview: preview.then(|| crate::render::Preview {
                        script: assets.live_script().unwrap_or_default(),
                        events: urls.file(paths::PREVIEW_EVENTS),
                        mistakes: Vec::new(),
                        warnings: Vec::new(),
                        held_back: Vec::new(),
                        untranslated: untranslated.clone(),
                    }),
                    search: searchable.then(|| urls.path(paths::SEARCH)),
                    words: Words::for_language(&edition.language),
                    languages: languages.clone(),
                    urls,
                }
            })
            .collect();
        let site = Arc::new(site);
        let searches =
            contexts.iter().enumerate().map(|(i, c)| index_in_background(&site, i, &c.words, searchable)).collect();
        let icon = Icon::new(&site, &content_dir, &urls);
        let first = Version::new(site, contexts.clone(), searches, 1, icon);
        let current = ArcSwap::from_pointee(first);
        let images = crate::images::Maker::new(crate::images::default_cache_dir(), content_dir.clone());
        let shared = Shared { current, contexts, content_dir, images, urls, assets, trusted_proxies, live };
        AppState { inner: Arc::new(shared), edition: 0 }
    }

    /// The same state, keeping the sizes it makes of images in `cache` rather than in
    /// [`default_cache_dir`](crate::images::default_cache_dir); for a state not yet serving.
    pub fn with_image_cache(mut self, cache: PathBuf) -> Self {
        if let Some(shared) = Arc::get_mut(&mut self.inner) {
            shared.images = crate::images::Maker::new(cache, shared.content_dir.clone());
        }
        self
    }

    /// Starts making, in the background, the sizes of the current version's images that are
    /// not in the cache yet; until each is made, its original is sent.
    pub fn make_images(&self) {
        self.inner.images.request(self.site().images.all().cloned().collect());
    }

    /// Makes the sizes of the current version's images that are not in the cache yet, now;
    /// how many were made.
    pub fn make_images_now(&self) -> usize {
        let renditions: Vec<_> = self.site().images.all().cloned().collect();
        self.inner.images.make(&renditions)
    }

    /// The same state answering for the edition in the site's language number `edition`.
    pub(crate) fn for_edition(&self, edition: usize) -> AppState {
        AppState { inner: Arc::clone(&self.inner), edition }
    }

    /// What this state's requests are answered from: the current version, in its language.
    pub(crate) fn served(&self) -> Served {
        Served { version: self.version(), edition: self.edition }
    }

    /// Serves `site` from now on, with no mistakes to show, and shows its content's
    /// `warnings` (as [`crate::Report::lines`] gives them) on every page of the preview.
    pub fn publish(&self, site: Site, warnings: Vec<String>) {
        let site = Arc::new(site);
        // Only where pages have a search form (not in an export) is there a search to answer.
        let searches = (self.inner.contexts.iter().enumerate())
            .map(|(i, c)| index_in_background(&site, i, &c.words, c.search.is_some()))
            .collect();
        self.swap(site, searches, Banners { warnings, ..Banners::default() });
        self.make_images();
    }

    /// Keeps serving the current site, and shows `mistakes` on every page of the preview.
    pub fn show_mistakes(&self, mistakes: Vec<String>) {
        let current = self.version();
        self.swap(Arc::clone(&current.site), current.searches(), Banners { mistakes, ..Banners::default() });
    }

    /// Keeps serving the current site, and shows the `warnings` of its content on every page
    /// of the preview: those of the site the server started with.
    pub fn show_warnings(&self, warnings: Vec<String>) {
        let current = self.version();
        self.swap(Arc::clone(&current.site), current.searches(), Banners { warnings, ..Banners::default() });
    }

    /// Keeps serving the current site, and shows on every page of the preview what a change
    /// held back would remove.
    pub fn hold_back(&self, removals: Vec<Removal>) {
        let current = self.version();
        let banners = Banners { held_back: removals, ..Banners::default() };
        self.swap(Arc::clone(&current.site), current.searches(), banners);
    }

    fn swap(&self, site: Arc<Site>, searches: Vec<Arc<SearchSlot>>, banners: Banners) {
        let shared = &self.inner;
        let number = self.version().number + 1;
        let mut contexts = shared.contexts.clone();
        let untranslated = site.untranslated();
        for context in &mut contexts {
            if let Some(preview) = &mut context.preview {
                preview.mistakes.clone_from(&banners.mistakes);
                preview.warnings.clone_from(&banners.warnings);
                preview.held_back.clone_from(&banners.held_back);
                preview.untranslated.clone_from(&untranslated);
            }
        }
        let icon = Icon::new(&site, &shared.content_dir, &shared.urls);
        let version = Version::new(site, contexts, searches, number, icon);
        shared.current.store(Arc::new(version));
        if let Some(live) = &shared.live {
            live.send_replace(number);
        }
    }

    /// Every asset's path, without the base path: what `export` writes besides the pages.
    pub fn asset_paths(&self) -> Vec<String> {
        let icon = [self.version().icon.path(), paths::FAVICON.to_owned()];
        self.inner.assets.paths().chain(icon).collect()
    }

    /// The content version being served now.
    pub(crate) fn version(&self) -> Arc<Version> {
        self.inner.current.load_full()
    }

    fn site(&self) -> Arc<Site> {
        Arc::clone(&self.version().site)
    }

    /// Ends the preview's event streams: the server is stopping.
    fn stop_previews(&self) {
        if let Some(live) = &self.inner.live {
            live.send_replace(PREVIEW_STOPPED);
        }
    }

    fn is_preview(&self) -> bool {
        self.inner.live.is_some()
    }
}

/// What the preview's banners show for one version: at most one of the three is not empty.
#[derive(Default)]
struct Banners {
    mistakes: Vec<String>,
    warnings: Vec<String>,
    held_back: Vec<Removal>,
}

/// The whole application with every layer, without a socket, so tests can call it directly.
/// The front door stands before the routes, not inside each: a kept page is answered without
/// matching its address against every route (a twentieth of the server's CPU per request).
pub fn router(state: AppState) -> Router {
    // Each edition answers every route in its language under its segment (`/nb/people/`);
    // the files every edition shares are answered once, at the root.
    let editions = state.version().site.editions().map(|e| e.segment.clone()).collect::<Vec<_>>();
    let mut router = Router::new();
    for (edition, segment) in editions.iter().enumerate() {
        let routes = Route::all()
            .into_iter()
            .filter(|route| edition == 0 || route.in_every_language())
            .fold(Router::new(), |router, route| {
                router.route(&paths::in_language(segment, &route.pattern()), handler(route))
            });
        router = router.merge(routes.with_state(state.for_edition(edition)));
    }
    let fallback = Router::new().fallback(handlers::fallback);
    let fallback = if state.is_preview() {
        fallback.route(paths::PREVIEW_EVENTS, get(handlers::preview_events))
    } else {
        fallback
    };
    // Inside the front door, past the kept pages: only a page being drawn can take long.
    let timeout = TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT);
    let routes = router.merge(fallback.with_state(state.clone())).layer(timeout);
    Router::new().fallback_service(routes).layer(from_fn_with_state(state, front::front))
}

/// What answers `route`.
fn handler(route: Route) -> MethodRouter<AppState> {
    match route {
        Route::Home => get(handlers::home),
        // Files beside the pages: a person's vCard, a publication's BibTeX and RIS.
        Route::Download(EntityKind::Person) => get(handlers::vcard),
        Route::Download(EntityKind::Publication) => get(handlers::citation),
        Route::Download(EntityKind::Event) => get(handlers::event_calendar),
        Route::Download(_) => get(handlers::fallback),
        // The projects', people's and publications' lists have filters.
        Route::List(EntityKind::Project) => get(handlers::narrowed_list::<crate::render::pages::ProjectFilter>),
        Route::List(EntityKind::Person) => get(handlers::narrowed_list::<crate::render::pages::PeopleFilter>),
        Route::List(EntityKind::Publication) => get(handlers::publications),
        Route::ListPage(kind) => get(move |state, uri, n| handlers::later_list_page(kind, state, uri, n)),
        Route::Entity(kind) => get(move |state, uri, slug| handlers::entity(kind, state, uri, slug)),
        Route::List(kind) => get(move |state, uri| handlers::list(kind, state, uri)),
        Route::Search => get(handlers::search),
        Route::Sitemap => get(handlers::sitemap),
        Route::SitemapPart => get(handlers::sitemap_part),
        Route::Robots => get(handlers::robots),
        Route::Feed => get(handlers::feed),
        Route::GroupFeed => get(handlers::group_feed),
        Route::Calendar => get(handlers::calendar),
        Route::GroupCalendar => get(handlers::group_calendar),
        Route::Health => get(handlers::healthz),
        Route::Asset => get(handlers::asset),
        Route::Favicon => get(handlers::favicon),
        Route::Media => get(handlers::media),
        Route::Image => get(handlers::image),
        Route::FreePage => get(|state, uri, slug| handlers::entity(EntityKind::Page, state, uri, slug)),
    }
}

/// Listens where `config` says and serves `site` until SIGTERM or Ctrl-C; then stops
/// accepting, lets requests in flight finish (at most [`SHUTDOWN_GRACE`]) and returns. The
/// preview shows `warnings`, the lines of its content's warnings, until the next change, and
/// reloads from `memo`, what the content's files read as when `site` was built.
pub async fn run(
    site: Site,
    warnings: Vec<String>,
    memo: crate::build::Memo,
    config: &ServeConfig,
) -> Result<(), StartError> {
    let default_base = match &config.listen {
        Listen::Tcp(addr) => format!("http://{addr}/"),
        Listen::Unix(_) => "http://localhost/".to_owned(),
    };
    let urls = Urls::new(config.base_url.as_deref().unwrap_or(&default_base))?;
    let listener = listener::Listener::bind(&config.listen, config.backlog)
        .await
        .map_err(|source| StartError::Listen { listen: config.listen.clone(), source })?;
    tracing::info!(listen = %config.listen, base_url = %urls, summary = %site.summary(), "serving {}", config.content.display());
    let (content, proxies) = (config.content.clone(), config.trusted_proxies.clone());
    let state = if config.watch {
        let state = AppState::preview(site, content, urls, proxies);
        if !warnings.is_empty() {
            state.show_warnings(warnings);
        }
        state
    } else {
        AppState::new(site, content, urls, proxies)
    };
    let state = state.with_image_cache(config.image_cache.clone());
    state.make_images();
    let _watching = match config.watch {
        true => Some(watch::watch(&config.content, state.clone(), memo)?),
        false => None,
    };
    let limits = listener::Limits {
        max_connections: config.max_connections,
        deadlines: connection::Deadlines {
            first_request: config.header_timeout,
            keep_alive: config.keepalive_timeout,
            send: config.send_timeout,
        },
    };
    let stopping = state.clone();
    let shutdown = async move {
        shutdown_signal().await;
        stopping.stop_previews();
    };
    listener.serve(router(state), limits, shutdown).await;
    tracing::info!("stopped");
    Ok(())
}
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
