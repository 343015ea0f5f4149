//! The accept loop: TCP or a Unix socket, a cap on connections, a timeout on slow request
//! headers, a cap on header size, and a graceful shutdown that lets requests in flight finish.

use std::fmt;
use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::{TcpListener, UnixListener};
use tokio::sync::Semaphore;
use tokio_util::either::Either;
use tower::ServiceExt;

use super::{Peer, SHUTDOWN_GRACE};

/// On shutdown, the listener closes once no connection has arrived for this long.
const DRAIN_QUIET: std::time::Duration = std::time::Duration::from_millis(50);
/// On shutdown, the listener closes after this long even under endless traffic.
const DRAIN_AT_MOST: std::time::Duration = std::time::Duration::from_secs(1);
/// The most bytes of request line and headers a client may send.
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// Where to listen: `127.0.0.1:3000`, `[::1]:8080`, or `unix:/run/groupsite.sock`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listen {
    /// A TCP address and port.
    Tcp(SocketAddr),
    /// A Unix socket, for a proxy on the same machine.
    Unix(PathBuf),
}

/// An `--addr` that is neither `HOST:PORT` nor `unix:PATH`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an address: write HOST:PORT (127.0.0.1:3000) or unix:PATH (unix:/run/groupsite.sock)")]
pub struct BadListen(pub String);

impl FromStr for Listen {
    type Err = BadListen;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.strip_prefix("unix:") {
            Some(path) if !path.is_empty() => Ok(Listen::Unix(PathBuf::from(path))),
            Some(_) => Err(BadListen(text.to_owned())),
            None => text.parse().map(Listen::Tcp).map_err(|_| BadListen(text.to_owned())),
        }
    }
}

impl fmt::Display for Listen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Listen::Tcp(addr) => write!(f, "{addr}"),
            Listen::Unix(path) => write!(f, "unix:{}", path.display()),
        }
    }
}

/// What one server may take on.
pub(super) struct Limits {
    /// Connections served at once.
    pub max_connections: usize,
    /// Time a client has to send its request headers.
    pub header_timeout: std::time::Duration,
}

/// A bound listener of either kind.
pub(super) enum Listener {
    Tcp(TcpListener),
    Unix(UnixListener, PathBuf),
}

impl Listener {
    /// Binds; a Unix socket left behind by a previous run is replaced.
    pub(super) async fn bind(listen: &Listen) -> std::io::Result<Self> {
        match listen {
            Listen::Tcp(addr) => Ok(Listener::Tcp(TcpListener::bind(addr).await?)),
            Listen::Unix(path) => {
                if tokio::net::UnixStream::connect(path).await.is_err() {
                    let _ = tokio::fs::remove_file(path).await;
                }
                let listener = UnixListener::bind(path)?;
                // The site is public: the proxy in front, whichever user it runs as, may connect.
                std::fs::set_permissions(path, std::os::unix::fs::PermissionsExt::from_mode(0o666))?;
                Ok(Listener::Unix(listener, path.clone()))
            }
        }
    }

    async fn accept(&self) -> std::io::Result<(Either<tokio::net::TcpStream, tokio::net::UnixStream>, Peer)> {
        match self {
            Listener::Tcp(listener) => listener.accept().await.map(|(s, addr)| (Either::Left(s), Peer::Tcp(addr))),
            Listener::Unix(listener, _) => listener.accept().await.map(|(s, _)| (Either::Right(s), Peer::Unix)),
        }
    }

    /// Serves `app` within `limits` until `shutdown` completes; then serves the connections
    /// already queued too, so a restart loses no request a client has sent.
    pub(super) async fn serve(self, app: Router, limits: Limits, shutdown: impl Future<Output = ()>) {
        let mut builder = Builder::new(TokioExecutor::new());
        builder
            .http1()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout)
            .max_buf_size(MAX_HEADER_BYTES);
        let builder = Arc::new(builder);
        let graceful = GracefulShutdown::new();
        let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
        tokio::pin!(shutdown);
        let mut stopping: Option<std::time::Instant> = None;
        loop {
            let Ok(slot) = Arc::clone(&slots).acquire_owned().await else { break };
            let accepted = match stopping {
                // Connections the kernel has already queued are clients whose requests are on
                // their way: serve them until the queue stays empty for a moment (or, under
                // endless traffic, for at most a second), then close the listener.
                Some(since) if since.elapsed() < DRAIN_AT_MOST => {
                    match tokio::time::timeout(DRAIN_QUIET, self.accept()).await {
                        Ok(accepted) => accepted,
                        Err(_) => break,
                    }
                }
                Some(_) => break,
                None => tokio::select! {
                    accepted = self.accept() => accepted,
                    () = &mut shutdown => {
                        stopping = Some(std::time::Instant::now());
                        continue;
                    }
                },
            };
            let (stream, peer) = match accepted {
                Ok(accepted) => accepted,
                Err(error) if stopping.is_some() => {
                    tracing::debug!(%error, "accept failed while stopping");
                    break;
                }
                Err(error) => {
                    // Out of file descriptors and the like: wait a moment rather than spin.
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            };
            let app = app.clone();
            let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
                let mut request = request.map(Body::new);
                request.extensions_mut().insert(peer);
                app.clone().oneshot(request)
            });
            let builder = Arc::clone(&builder);
            let watcher = graceful.watcher();
            let header_timeout = limits.header_timeout;
            tokio::spawn(async move {
                // hyper's header timeout starts with the first byte: a client that connects and
                // says nothing would hold its slot for ever.
                if !speaks_within(&stream, header_timeout).await {
                    tracing::debug!("a client sent nothing for {header_timeout:?}; connection closed");
                    drop(slot);
                    return;
                }
                let connection = watcher.watch(builder.serve_connection(TokioIo::new(stream), service).into_owned());
                if let Err(error) = connection.await {
                    tracing::debug!(%error, "connection ended with an error");
                }
                drop(slot);
            });
        }
        if let Listener::Unix(_, path) = &self {
            let _ = std::fs::remove_file(path);
        }
        drop(self);
        tokio::select! {
            () = graceful.shutdown() => {},
            () = tokio::time::sleep(SHUTDOWN_GRACE) => tracing::warn!("requests still in flight after {SHUTDOWN_GRACE:?}; stopping anyway"),
        }
    }
}

/// Whether a TCP client sends something (or hangs up) within `timeout` of connecting. A Unix
/// socket's client is the proxy on this machine, which is trusted to speak.
async fn speaks_within(
    stream: &Either<tokio::net::TcpStream, tokio::net::UnixStream>,
    timeout: std::time::Duration,
) -> bool {
    match stream {
        Either::Left(tcp) => {
            let mut first = [0u8; 1];
            matches!(tokio::time::timeout(timeout, tcp.peek(&mut first)).await, Ok(Ok(_)))
        }
        Either::Right(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::Listen;

    #[test]
    fn addresses_and_sockets_parse() {
        assert_eq!("127.0.0.1:3000".parse::<Listen>().unwrap().to_string(), "127.0.0.1:3000");
        assert_eq!("unix:/run/g.sock".parse::<Listen>().unwrap(), Listen::Unix("/run/g.sock".into()));
        assert!("unix:".parse::<Listen>().is_err());
        assert!("localhost".parse::<Listen>().is_err());
    }
}
