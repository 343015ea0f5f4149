//! One log line per request, with the real client address: taken from `X-Forwarded-For` only
//! when the connection comes from a proxy the operator trusts, so no client can forge it.

use std::cell::RefCell;
use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::sync::OnceLock;
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

/// The log target of request lines: `GROUPSITE_LOG=info,groupsite::access=off` turns them off.
const ACCESS_TARGET: &str = "groupsite::access";
/// The most bytes of a request's path and query a log line holds: a client may send 64 KiB
/// of them, and a line is read by people and by collectors with their own limits.
const LOGGED_PATH_BYTES: usize = 2048;
/// A thread writes its held-back request lines once they reach this many bytes, even when busy.
const HELD_BYTES: usize = 16 * 1024;

/// How the log is written: the same for request lines and every other line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// `2026-11-25T05:03:30.123456Z  INFO groupsite::access: request method=GET path=/ status=200 …`
    #[default]
    Text,
    /// `{"timestamp":…,"level":"INFO","message":"request","method":"GET",…}`, for log collectors.
    Json,
}

/// The format chosen at start; request lines are written in it without going through `tracing`.
static FORMAT: OnceLock<LogFormat> = OnceLock::new();

impl LogFormat {
    /// The format the log was started in; text if it was not.
    pub fn chosen() -> LogFormat {
        FORMAT.get().copied().unwrap_or_default()
    }
}

/// Writes the content's mistakes to the log: as `check` prints them in a text log, one error
/// event per error and one warning event per warning (place, message, hint) in a JSON one, so
/// every line stays JSON.
pub fn log_report(report: &crate::Report) {
    match LogFormat::chosen() {
        LogFormat::Text => {
            let mut rich = codespan_reporting::term::termcolor::Buffer::no_color();
            if report.emit(&mut rich).is_ok() {
                let _ = LogLine.write_all(rich.as_slice());
            }
        }
        LogFormat::Json => {
            for mistake in report.mistakes() {
                let place = mistake.place.as_deref().unwrap_or_default();
                let hint = mistake.hint.as_deref().unwrap_or_default();
                match mistake.severity {
                    crate::Severity::Error => {
                        tracing::error!(target: "groupsite::content", place, hint, "{}", mistake.message)
                    }
                    crate::Severity::Warning => {
                        tracing::warn!(target: "groupsite::content", place, hint, "{}", mistake.message)
                    }
                }
            }
        }
    }
}

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

/// Where the log goes: standard error. Request lines are the log's bulk, one per request, so
/// they are formatted directly rather than through `tracing`'s field visitors, and held back
/// per thread to be written in one go when the thread runs out of work (see
/// [`LogWriter::write_held`]) or holds [`HELD_BYTES`]. Under load this turns a write per request
/// into one per batch, as nginx's `access_log … buffer=` does, while a quiet server still
/// writes each line at once. Any other line first writes what its thread holds, so each
/// thread's lines stay in order.
#[derive(Debug, Clone, Copy)]
pub struct LogWriter;

impl LogWriter {
    /// The writer for a log in `format`; request lines follow it from now on.
    pub fn new(format: LogFormat) -> Self {
        let _ = FORMAT.set(format);
        LogWriter
    }

    /// Writes the request lines this thread holds: call it whenever a thread is about to wait
    /// for work (tokio's `on_thread_park`), so no line waits longer than the work before it.
    pub fn write_held() {
        let _ = HELD.try_with(|held| held.borrow_mut().write_out());
    }
}

/// One line of the log other than a request line, written after what its thread holds.
pub struct LogLine;

impl Write for LogLine {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        LogWriter::write_held();
        std::io::stderr().lock().write_all(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for LogWriter {
    type Writer = LogLine;

    fn make_writer(&'a self) -> LogLine {
        LogLine
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

    /// Holds the line (method, path, status, bytes, latency and client) to be written with
    /// this thread's others, when the log filter lets request lines through.
    pub(super) fn end(self, response: &Response) {
        if !tracing::enabled!(target: ACCESS_TARGET, tracing::Level::INFO) {
            return;
        }
        let line = RequestLine {
            method: self.method.as_str(),
            path: at_most(self.uri.path_and_query().map_or_else(|| self.uri.path(), |pq| pq.as_str())),
            status: response.status().as_u16(),
            bytes: axum::body::HttpBody::size_hint(response.body()).exact().unwrap_or(0),
            micros: self.started.elapsed().as_micros(),
            client: self.client,
            at: std::time::SystemTime::now(),
        };
        let format = LogFormat::chosen();
        let held = HELD.try_with(|held| {
            let mut held = held.borrow_mut();
            line.append(&mut held.0, format);
            if held.0.len() >= HELD_BYTES {
                held.write_out();
            }
        });
        if held.is_err() {
            // The thread is ending and its held lines are gone already: write straight through.
            let mut own = Vec::new();
            line.append(&mut own, format);
            let _ = std::io::stderr().lock().write_all(&own);
        }
    }
}

/// `path` cut to [`LOGGED_PATH_BYTES`] at a character's edge, and whether it was cut.
fn at_most(path: &str) -> (&str, bool) {
    if path.len() <= LOGGED_PATH_BYTES {
        return (path, false);
    }
    let edge = (0..=LOGGED_PATH_BYTES).rev().find(|i| path.is_char_boundary(*i)).unwrap_or(0);
    (&path[..edge], true)
}

/// What the log says of one request.
struct RequestLine<'a> {
    method: &'a str,
    /// The path and query, and whether they were cut short (the line then shows `…`).
    path: (&'a str, bool),
    status: u16,
    bytes: u64,
    micros: u128,
    client: Client,
    /// When the request was answered.
    at: std::time::SystemTime,
}

impl RequestLine<'_> {
    /// Appends the line, whole or not at all: a clock past the year 9999 has no RFC 3339 time.
    fn append(&self, out: &mut Vec<u8>, format: LogFormat) {
        let whole = out.len();
        if self.write(out, format).is_err() {
            out.truncate(whole);
        }
    }

    /// Writes the line as `tracing-subscriber` writes any other event in `format`, so a log
    /// reads the same throughout.
    fn write(&self, out: &mut Vec<u8>, format: LogFormat) -> std::io::Result<()> {
        // humantime panics on a time before 1970, which a badly set clock can give, and fails
        // after 9999; formatted apart, so that a failure is an error here and not a panic.
        let mut now = String::with_capacity(32);
        let time = humantime::format_rfc3339_micros(self.at.max(std::time::UNIX_EPOCH));
        std::fmt::Write::write_fmt(&mut now, format_args!("{time}")).map_err(std::io::Error::other)?;
        let (millis, micros) = (self.micros / 1000, self.micros % 1000);
        let RequestLine { method, status, bytes, client, .. } = self;
        let (path, cut) = self.path;
        let cut = if cut { "…" } else { "" };
        match format {
            LogFormat::Text => writeln!(
                out,
                "{now}  INFO {ACCESS_TARGET}: request method={method} path={path}{cut} status={status} bytes={bytes} \
                 latency_ms={millis}.{micros:03} client={client}"
            ),
            LogFormat::Json => {
                write!(out, r#"{{"timestamp":"{now}","level":"INFO","message":"request","method":"{method}","path":"#)?;
                match cut {
                    "" => serde_json::to_writer(&mut *out, path)?,
                    _ => serde_json::to_writer(&mut *out, &format!("{path}{cut}"))?,
                }
                writeln!(
                    out,
                    r#","status":{status},"bytes":{bytes},"latency_ms":{millis}.{micros:03},"client":"{client}","target":"{ACCESS_TARGET}"}}"#
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Client, LogFormat, Peer, RequestLine, TrustedProxies};
    use std::time::{Duration, SystemTime, UNIX_EPOCH};

    fn line_at(format: LogFormat, at: SystemTime) -> String {
        line_for("/a\"b\\c?q=x y", format, at)
    }

    fn line_for(path: &str, format: LogFormat, at: SystemTime) -> String {
        let line = RequestLine {
            method: "GET",
            path: super::at_most(path),
            status: 404,
            bytes: 2869,
            micros: 1_502,
            client: Client::Address("203.0.113.9".parse().unwrap()),
            at,
        };
        let mut out = b"earlier line\n".to_vec();
        line.append(&mut out, format);
        String::from_utf8(out).unwrap().strip_prefix("earlier line\n").unwrap().to_owned()
    }

    fn line(format: LogFormat) -> String {
        line_at(format, SystemTime::now())
    }

    #[test]
    fn a_clock_out_of_range_costs_at_most_the_line_never_the_request() {
        for format in [LogFormat::Text, LogFormat::Json] {
            let before_1970 = line_at(format, UNIX_EPOCH - Duration::from_secs(60));
            assert!(before_1970.contains("1970-01-01T00:00:00"), "{before_1970}");
            let year_10000 = UNIX_EPOCH + Duration::from_secs(253_402_300_800 + 60);
            assert_eq!(line_at(format, year_10000), "", "no half line is left for the next to join");
        }
    }

    #[test]
    fn a_request_line_reads_like_the_rest_of_the_log_in_either_format() {
        let text = line(LogFormat::Text);
        let (time, rest) = text.split_once("  INFO ").unwrap();
        assert!(humantime::parse_rfc3339(time).is_ok(), "{time}");
        assert_eq!(
            rest,
            "groupsite::access: request method=GET path=/a\"b\\c?q=x y status=404 bytes=2869 latency_ms=1.502 client=203.0.113.9\n"
        );

        let json = line(LogFormat::Json);
        assert!(json.ends_with("}\n") && json.lines().count() == 1);
        let entry: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(entry["path"], "/a\"b\\c?q=x y", "the path survives any character in it");
        assert_eq!(entry["level"], "INFO");
        assert_eq!(entry["message"], "request");
        assert_eq!(entry["target"], "groupsite::access");
        assert_eq!(entry["status"], 404);
        assert_eq!(entry["latency_ms"].as_f64(), Some(1.502));
        assert_eq!(entry["client"], "203.0.113.9");
    }

    #[test]
    fn a_huge_path_is_cut_at_a_character_and_marked() {
        let path = format!("/search?q={}", "ø".repeat(30_000));
        for format in [LogFormat::Text, LogFormat::Json] {
            let line = line_for(&path, format, SystemTime::now());
            assert!(line.len() < super::LOGGED_PATH_BYTES + 300, "{} bytes", line.len());
            assert!(line.contains("øø…"), "cut at a character's edge and marked: {}", &line[line.len() - 120..]);
            assert!(line.contains("status=404") || line.contains("\"status\":404"));
        }
    }

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
