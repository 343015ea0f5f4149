//! One log line per request, with the real client address: taken from `X-Forwarded-For` only
//! when the connection comes from a proxy the operator trusts, so no client can forge it.

use std::net::{IpAddr, SocketAddr};
use std::time::Instant;

use axum::extract::Request;
use axum::response::Response;
use ipnet::IpNet;

use super::AppState;

/// Where a connection came from, recorded by the accept loop on every request.
#[derive(Debug, Clone, Copy)]
pub enum Peer {
    /// A TCP client or proxy.
    Tcp(SocketAddr),
    /// A local process on the Unix socket: only a local proxy can connect, so it is trusted.
    Unix,
}

/// Who sent a request, as the log names it; formatted only when the line is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Client {
    /// An address: the peer's, or the one a trusted proxy forwarded.
    Address(IpAddr),
    /// A process on the Unix socket that did not say whom it forwards.
    UnixSocket,
    /// Not known (a request made without a connection, as in tests and `export`).
    Unknown,
}

impl std::fmt::Display for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Client::Address(address) => address.fmt(f),
            Client::UnixSocket => f.write_str("unix"),
            Client::Unknown => f.write_str("-"),
        }
    }
}

/// The proxies whose `X-Forwarded-For` is believed (`--trusted-proxy`).
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(pub Vec<IpNet>);

impl TrustedProxies {
    fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&address))
    }

    /// The client's address: the peer itself, or, when the peer is trusted, the nearest
    /// address in `X-Forwarded-For` that is not one of the trusted proxies.
    pub fn client(&self, peer: Option<Peer>, forwarded_for: Option<&str>) -> Client {
        let trusted_peer = match peer {
            Some(Peer::Tcp(address)) if !self.trusts(address.ip()) => return Client::Address(address.ip()),
            Some(Peer::Tcp(address)) => Client::Address(address.ip()),
            Some(Peer::Unix) => Client::UnixSocket,
            None => Client::Unknown,
        };
        let Some(forwarded) = forwarded_for.filter(|_| peer.is_some()) else { return trusted_peer };
        let hops: Vec<IpAddr> = forwarded.split(',').filter_map(|a| a.trim().parse().ok()).collect();
        hops.iter().rev().find(|a| !self.trusts(**a)).or(hops.first()).map_or(trusted_peer, |a| Client::Address(*a))
    }
}

/// One request, from when it came in to the log line written when it is answered.
pub(super) struct Entry {
    started: Instant,
    method: axum::http::Method,
    /// The path and query as sent: a clone shares the request's bytes.
    uri: axum::http::Uri,
    client: Client,
}

impl Entry {
    /// Notes what the log line says of `request`: method, path and client.
    pub(super) fn begin(request: &Request, state: &AppState) -> Self {
        let started = Instant::now();
        let method = request.method().clone();
        let uri = request.uri().clone();
        let peer = request.extensions().get::<Peer>().copied();
        // A proxy may append its own header line rather than extend the first: read every line.
        let mut lines = request.headers().get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok());
        let client = match (lines.next(), lines.next()) {
            (None, _) => state.inner.trusted_proxies.client(peer, None),
            (Some(only), None) => state.inner.trusted_proxies.client(peer, Some(only)),
            (Some(first), Some(second)) => {
                let all = [first, second].into_iter().chain(lines).collect::<Vec<_>>().join(",");
                state.inner.trusted_proxies.client(peer, Some(&all))
            }
        };
        Entry { started, method, uri, client }
    }

    /// Writes the line: method, path, status, bytes, latency and client.
    pub(super) fn end(self, response: &Response) {
        let bytes = axum::body::HttpBody::size_hint(response.body()).exact().unwrap_or(0);
        let latency_ms = (self.started.elapsed().as_secs_f64() * 1_000_000.0).round() / 1000.0;
        tracing::info!(
            target: "groupsite::access",
            method = %self.method,
            path = %self.uri,
            status = response.status().as_u16(),
            bytes,
            latency_ms,
            client = %self.client,
            "request"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::{Peer, TrustedProxies};

    fn proxies() -> TrustedProxies {
        TrustedProxies(vec!["127.0.0.1/32".parse().unwrap(), "10.0.0.0/8".parse().unwrap()])
    }

    #[test]
    fn forwarded_for_is_believed_only_from_a_trusted_proxy() {
        let direct = Some(Peer::Tcp("203.0.113.9:5000".parse().unwrap()));
        assert_eq!(proxies().client(direct, Some("1.2.3.4")).to_string(), "203.0.113.9");
        let via_proxy = Some(Peer::Tcp("127.0.0.1:5000".parse().unwrap()));
        assert_eq!(proxies().client(via_proxy, Some("1.2.3.4")).to_string(), "1.2.3.4");
        assert_eq!(proxies().client(via_proxy, Some("6.6.6.6, 1.2.3.4, 10.1.1.1")).to_string(), "1.2.3.4");
        assert_eq!(proxies().client(via_proxy, None).to_string(), "127.0.0.1");
        assert_eq!(proxies().client(via_proxy, Some("garbage")).to_string(), "127.0.0.1");
        assert_eq!(proxies().client(Some(Peer::Unix), Some("1.2.3.4")).to_string(), "1.2.3.4");
    }
}
