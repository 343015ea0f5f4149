//! One log line per request, with the real client address: taken from `X-Forwarded-For` only
//! when the connection comes from a proxy the operator trusts, so no client can forge it.

use std::cell::RefCell;
use std::io::Write;
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

/// The log target of request lines, which [`LogWriter`] holds back to write in batches.
const ACCESS_TARGET: &str = "groupsite::access";
/// A thread writes its held-back request lines once they reach this many bytes, even when busy.
const HELD_BYTES: usize = 16 * 1024;

thread_local! {
    static HELD: RefCell<HeldLines> = const { RefCell::new(HeldLines(Vec::new())) };
}

/// This thread's request lines not yet written; written when the thread ends, too.
struct HeldLines(Vec<u8>);

impl HeldLines {
    fn write_out(&mut self) {
        if !self.0.is_empty() {
            // A log that cannot be written has nowhere to report it.
            let _ = std::io::stderr().lock().write_all(&self.0);
            self.0.clear();
        }
    }
}

impl Drop for HeldLines {
    fn drop(&mut self) {
        self.write_out();
    }
}

/// Where the log goes: standard error, with request lines held back per thread and written in
/// one go when the thread runs out of work (see [`LogWriter::write_held`]) or holds
/// [`HELD_BYTES`]. Under load this turns a write per request into one per batch, as nginx's
/// `access_log … buffer=` does, while a quiet server still writes each line at once. Any other
/// line first writes what its thread holds, so each thread's lines stay in order.
#[derive(Debug, Clone, Copy, Default)]
pub struct LogWriter;

impl LogWriter {
    /// Writes the request lines this thread holds: call it whenever a thread is about to wait
    /// for work (tokio's `on_thread_park`), so no line waits longer than the work before it.
    pub fn write_held() {
        let _ = HELD.try_with(|held| held.borrow_mut().write_out());
    }
}

/// One line of the log on its way out.
pub enum LogLine {
    /// A request line: kept with the thread's others.
    Held,
    /// Any other line: written at once, after what the thread holds.
    Direct,
}

impl Write for LogLine {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        let held = HELD.try_with(|held| {
            let mut held = held.borrow_mut();
            match self {
                LogLine::Held => {
                    held.0.extend_from_slice(buf);
                    if held.0.len() >= HELD_BYTES {
                        held.write_out();
                    }
                    Ok(())
                }
                LogLine::Direct => {
                    held.write_out();
                    std::io::stderr().lock().write_all(buf)
                }
            }
        });
        // While the thread is ending its held lines are gone already: write straight through.
        held.unwrap_or_else(|_| std::io::stderr().lock().write_all(buf))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for LogWriter {
    type Writer = LogLine;

    fn make_writer(&'a self) -> LogLine {
        LogLine::Direct
    }

    fn make_writer_for(&'a self, meta: &tracing::Metadata<'_>) -> LogLine {
        match meta.target() {
            ACCESS_TARGET => LogLine::Held,
            _ => LogLine::Direct,
        }
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
            target: ACCESS_TARGET,
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
