//! Serves the site over HTTP: the router, its handlers and the listener. Pages come from
//! `render`; this module adds status codes, headers and the network.

mod assets;
mod error;
mod handlers;
mod media;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::routing::get;
use tokio::net::TcpListener;

pub use assets::Assets;
pub use error::ServeError;

use crate::link::Site;
use crate::render::{Context, Urls};

/// What `groupsite serve` needs to know.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// The content folder, whose `media/` files are sent from disk on each request.
    pub content: PathBuf,
    /// Where to listen.
    pub addr: SocketAddr,
    /// Where the site is published; by default `http://{addr}/`.
    pub base_url: Option<String>,
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// `--base-url` is not one the site can build its links from.
    #[error(transparent)]
    BaseUrl(#[from] crate::render::BadBaseUrl),
    /// The address is taken, or not one this machine may listen on.
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        /// The address asked for.
        addr: SocketAddr,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The listener failed after it was bound.
    #[error("the server stopped: {0}")]
    Serve(std::io::Error),
}

/// Everything a handler needs: the site and how to draw it. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Shared>,
}

struct Shared {
    site: Arc<Site>,
    /// The content folder, for the files of `media/`.
    content_dir: PathBuf,
    context: Context,
    assets: Assets,
}

impl AppState {
    /// State for serving `site`, loaded from `content_dir`, at `urls`.
    pub fn new(site: Site, content_dir: PathBuf, urls: Urls) -> Self {
        let assets = Assets::new(&urls);
        let context = Context { urls, stylesheet: assets.stylesheet() };
        AppState { inner: Arc::new(Shared { site: Arc::new(site), content_dir, context, assets }) }
    }

    fn site(&self) -> Arc<Site> {
        Arc::clone(&self.inner.site)
    }

    fn context(&self) -> &Context {
        &self.inner.context
    }
}

/// The whole application, without a socket, so tests can call it directly.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(handlers::home))
        .route("/groups/{slug}", get(handlers::group))
        .route("/projects", get(handlers::projects))
        .route("/projects/{slug}", get(handlers::project))
        .route("/people", get(handlers::people))
        .route("/people/{slug}", get(handlers::person))
        .route("/partners", get(handlers::partners))
        .route("/publications", get(handlers::publications))
        .route("/practices", get(handlers::practices))
        .route("/sitemap.xml", get(handlers::sitemap))
        .route("/robots.txt", get(handlers::robots))
        .route("/healthz", get(handlers::healthz))
        .route("/assets/{file}", get(handlers::asset))
        .route("/media/{*path}", get(handlers::media))
        .route("/{page}", get(handlers::page))
        .fallback(handlers::fallback)
        .with_state(state)
}

/// Binds `config.addr` and serves `site` until Ctrl-C or SIGTERM.
pub async fn run(site: Site, config: &ServeConfig) -> Result<(), StartError> {
    let base_url = config.base_url.clone().unwrap_or_else(|| format!("http://{}/", config.addr));
    let urls = Urls::new(&base_url)?;
    let listener =
        TcpListener::bind(config.addr).await.map_err(|source| StartError::Listen { addr: config.addr, source })?;
    let local = listener.local_addr().map_err(StartError::Serve)?;
    tracing::info!(addr = %local, base_url = %urls, summary = %site.summary(), "serving {}", config.content.display());
    let app = router(AppState::new(site, config.content.clone(), urls));
    axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await.map_err(StartError::Serve)
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
