//! The accept loop: TCP or a Unix socket, HTTP/1.1, a cap on connections with a queue behind
//! it, a cap on header size, and a graceful stop that answers every request already received.
//!
//! HTTP/2 is not offered: without TLS no browser speaks it, and a proxy in front (nginx,
//! Caddy) speaks HTTP/1.1 to its upstream; the proxy speaks HTTP/2 and HTTP/3 to visitors.

use std::fmt;
use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::Arc;

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::HeaderValue;
use axum::http::header::CONNECTION;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use socket2::{Domain, Protocol, SockAddr, Socket, Type};
use tokio::net::{TcpListener, TcpStream, UnixListener, UnixStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio_util::either::Either;
use tower::ServiceExt;

use super::connection::{Connections, Deadlines, InFlight, Watched};
use super::{Peer, SHUTDOWN_GRACE};
/// On stopping, the listener closes once no connection has come for this long.
const DRAIN_QUIET: Duration = Duration::from_millis(50);
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
    /// How long each connection may stay silent or leave its answer unread; the silence
    /// allowed before the first request is also the time a request's headers may take.
    pub deadlines: Deadlines,
}

/// A bound listener of either kind.
pub(super) enum Listener {
    Tcp(TcpListener),
    Unix(UnixListener, PathBuf),
}

/// A connection just accepted, of either kind.
type Stream = Either<TcpStream, UnixStream>;

impl Listener {
    /// Binds with a queue `backlog` deep; a Unix socket left behind by a previous run is
    /// replaced.
    pub(super) async fn bind(listen: &Listen, backlog: u32) -> std::io::Result<Self> {
        let queue = i32::try_from(backlog).unwrap_or(i32::MAX);
        warn_if_the_kernel_caps(backlog);
        match listen {
            Listen::Tcp(addr) => {
                let socket = Socket::new(Domain::for_address(*addr), Type::STREAM, Some(Protocol::TCP))?;
                // A restart binds again at once, while the old process's connections close.
                socket.set_reuse_address(true)?;
                socket.bind(&(*addr).into())?;
                socket.listen(queue)?;
                socket.set_nonblocking(true)?;
                Ok(Listener::Tcp(TcpListener::from_std(socket.into())?))
            }
            Listen::Unix(path) => {
                if tokio::net::UnixStream::connect(path).await.is_err() {
                    let _ = tokio::fs::remove_file(path).await;
                }
                let socket = Socket::new(Domain::UNIX, Type::STREAM, None)?;
                socket.bind(&SockAddr::unix(path)?)?;
                socket.listen(queue)?;
                socket.set_nonblocking(true)?;
                // The site is public: the proxy in front, whichever user it runs as, may connect.
                std::fs::set_permissions(path, std::os::unix::fs::PermissionsExt::from_mode(0o666))?;
                Ok(Listener::Unix(UnixListener::from_std(socket.into())?, path.clone()))
            }
        }
    }

    async fn accept(&self) -> std::io::Result<(Stream, Peer)> {
        match self {
            Listener::Tcp(listener) => listener.accept().await.map(|(s, addr)| (Either::Left(s), Peer::Tcp(addr))),
            Listener::Unix(listener, _) => listener.accept().await.map(|(s, _)| (Either::Right(s), Peer::Unix)),
        }
    }

    /// Serves `app` within `limits` until `shutdown` completes; then answers every request
    /// already received, and every connection the kernel had queued, within [`SHUTDOWN_GRACE`].
    pub(super) async fn serve(self, app: Router, limits: Limits, shutdown: impl Future<Output = ()>) {
        let mut http = http1::Builder::new();
        http.timer(TokioTimer::new())
            .header_read_timeout(limits.deadlines.first_request)
            .max_header_size(MAX_HEADER_BYTES)
            .max_buf_size(MAX_HEADER_BYTES);
        let max_connections = limits.max_connections.clamp(1, Semaphore::MAX_PERMITS);
        let connections = Connections::default();
        let server = Server { http, app, deadlines: limits.deadlines, connections, max_connections };
        let slots = Arc::new(Semaphore::new(max_connections));
        tokio::pin!(shutdown);
        loop {
            let accepted = tokio::select! {
                accepted = self.accept() => accepted,
                () = &mut shutdown => break,
            };
            let (stream, peer) = match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors and the like: wait a moment rather than spin.
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            let slot = match Arc::clone(&slots).try_acquire_owned() {
                Ok(slot) => slot,
                Err(_) => {
                    // A visitor waits: connections between requests make room for it.
                    server.connections.set_crowded(true);
                    let slot = tokio::select! {
                        slot = Arc::clone(&slots).acquire_owned() => slot.ok(),
                        () = &mut shutdown => None,
                    };
                    server.connections.set_crowded(false);
                    match slot {
                        Some(slot) => slot,
                        None => {
                            self.drain(&server, &slots, Some((stream, peer))).await;
                            return;
                        }
                    }
                }
            };
            server.spawn(stream, peer, slot);
        }
        self.drain(&server, &slots, None).await;
    }

    /// Stops: answers what connections have received, serves what the kernel has queued, and
    /// waits for every connection to end, within [`SHUTDOWN_GRACE`].
    async fn drain(self, server: &Server, slots: &Arc<Semaphore>, mut waiting: Option<(Stream, Peer)>) {
        let until = tokio::time::Instant::now() + SHUTDOWN_GRACE;
        server.connections.stop();
        // The listen queue keeps its length: a shorter one would leave clients of a burst
        // half-connected (their connect has returned, the kernel dropped their last ACK), and
        // closing the listener resets those. Every queued connection is served below.
        let mut queued = 0usize;
        // Connections keep coming until the queue has been empty a moment: a client racing the
        // stop is served rather than reset, and under endless traffic the grace period ends it.
        loop {
            let next = match waiting.take() {
                Some(next) => Some(next),
                None => {
                    let quiet = (tokio::time::Instant::now() + DRAIN_QUIET).min(until);
                    tokio::time::timeout_at(quiet, self.accept()).await.ok().and_then(Result::ok)
                }
            };
            let Some((stream, peer)) = next else { break };
            let Ok(Ok(slot)) = tokio::time::timeout_at(until, Arc::clone(slots).acquire_owned()).await else {
                tracing::warn!("connections still queued after {SHUTDOWN_GRACE:?}; closing them");
                break;
            };
            server.spawn(stream, peer, slot);
            queued += 1;
        }
        tracing::debug!(queued, "served the connections queued when stopping");
        if let Listener::Unix(_, path) = &self {
            let _ = std::fs::remove_file(path);
        }
        drop(self);
        // Every slot back means every connection has closed.
        let every_slot = u32::try_from(server.max_connections).unwrap_or(u32::MAX);
        if tokio::time::timeout_at(until, slots.acquire_many(every_slot)).await.is_err() {
            tracing::warn!("requests still in flight after {SHUTDOWN_GRACE:?}; stopping anyway");
        }
    }
}

/// What every connection is served with.
struct Server {
    http: http1::Builder,
    app: Router,
    deadlines: Deadlines,
    connections: Connections,
    /// The slots there are, all of them free once every connection has closed.
    max_connections: usize,
}

impl Server {
    /// Serves one connection in a task of its own, holding `slot` until it closes.
    fn spawn(&self, stream: Stream, peer: Peer, slot: OwnedSemaphorePermit) {
        let (app, connections, in_flight) = (self.app.clone(), self.connections.clone(), InFlight::default());
        let stream = Watched::new(stream, self.deadlines, &self.connections, in_flight.clone());
        let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
            let answering = in_flight.begin();
            let mut request = request.map(Body::new);
            request.extensions_mut().insert(peer);
            let (app, connections) = (app.clone(), connections.clone());
            async move {
                let mut response = app.oneshot(request).await?;
                if connections.is_stopping() {
                    response.headers_mut().insert(CONNECTION, HeaderValue::from_static("close"));
                }
                Ok::<_, std::convert::Infallible>(response.map(|body| answering.until_sent(body)))
            }
        });
        let connection = self.http.serve_connection(TokioIo::new(stream), service);
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::debug!(%error, "connection ended with an error");
            }
            drop(slot);
        });
    }
}

/// Logs a warning when the kernel will hold fewer queued connections than asked for.
fn warn_if_the_kernel_caps(backlog: u32) {
    let cap = std::fs::read_to_string("/proc/sys/net/core/somaxconn").ok().and_then(|t| t.trim().parse::<u32>().ok());
    if let Some(cap) = cap.filter(|cap| *cap < backlog) {
        tracing::warn!(backlog, somaxconn = cap, "the kernel queues at most {cap} connections (net.core.somaxconn)");
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
