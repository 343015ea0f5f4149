//! One log line per request, with the real client address: taken from `X-Forwarded-For` only
//! when the connection comes from a proxy the operator trusts, so no client can forge it.

use std::net::{IpAddr, SocketAddr};
use std::time::Instant;

use axum::extract::{Request, State};
use axum::middleware::Next;
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

/// The proxies whose `X-Forwarded-For` is believed (`--trusted-proxy`).
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(pub Vec<IpNet>);

impl TrustedProxies {
    fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&address))
    }

    /// The client's address: the peer itself, or, when the peer is trusted, the nearest
    /// address in `X-Forwarded-For` that is not one of the trusted proxies.
    pub fn client(&self, peer: Option<Peer>, forwarded_for: Option<&str>) -> String {
        let trusted_peer = match peer {
            Some(Peer::Tcp(address)) if !self.trusts(address.ip()) => return address.ip().to_string(),
            Some(Peer::Tcp(address)) => address.ip().to_string(),
            Some(Peer::Unix) => "unix".to_owned(),
            None => "-".to_owned(),
        };
        let Some(forwarded) = forwarded_for.filter(|_| peer.is_some()) else { return trusted_peer };
        let hops: Vec<IpAddr> = forwarded.split(',').filter_map(|a| a.trim().parse().ok()).collect();
        hops.iter().rev().find(|a| !self.trusts(**a)).or(hops.first()).map_or(trusted_peer, IpAddr::to_string)
    }
}

/// Middleware: logs method, path, status, bytes, latency and client of every request.
pub async fn log(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path_and_query().map_or_else(|| request.uri().path().to_owned(), |pq| pq.to_string());
    let peer = request.extensions().get::<Peer>().copied();
    // A proxy may append its own header line rather than extend the first: read every line.
    let lines: Vec<&str> =
        request.headers().get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok()).collect();
    let forwarded = (!lines.is_empty()).then(|| lines.join(","));
    let client = state.inner.trusted_proxies.client(peer, forwarded.as_deref());
    let response = next.run(request).await;
    let bytes = axum::body::HttpBody::size_hint(response.body()).exact().unwrap_or(0);
    let latency_ms = (started.elapsed().as_secs_f64() * 1_000_000.0).round() / 1000.0;
    tracing::info!(
        target: "groupsite::access",
        %method,
        %path,
        status = response.status().as_u16(),
        bytes,
        latency_ms,
        %client,
        "request"
    );
    response
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
        assert_eq!(proxies().client(direct, Some("1.2.3.4")), "203.0.113.9");
        let via_proxy = Some(Peer::Tcp("127.0.0.1:5000".parse().unwrap()));
        assert_eq!(proxies().client(via_proxy, Some("1.2.3.4")), "1.2.3.4");
        assert_eq!(proxies().client(via_proxy, Some("6.6.6.6, 1.2.3.4, 10.1.1.1")), "1.2.3.4");
        assert_eq!(proxies().client(via_proxy, None), "127.0.0.1");
        assert_eq!(proxies().client(via_proxy, Some("garbage")), "127.0.0.1");
        assert_eq!(proxies().client(Some(Peer::Unix), Some("1.2.3.4")), "1.2.3.4");
    }
}
