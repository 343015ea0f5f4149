//! The real binary on a real socket: slow clients cut off, a graceful stop that loses no
//! request, a Unix socket, one log line per request, and `export` byte for byte.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::{Server, fixture};

#[test]
fn a_client_that_sends_headers_slowly_is_cut_off() {
    let server = Server::start(&fixture("minimal"), &["--header-timeout", "1"]);
    let mut stream = std::net::TcpStream::connect(server.addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    stream.write_all(b"GET / HTTP/1.1\r\nHost: t\r\n").unwrap();
    let started = Instant::now();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let waited = started.elapsed();
    assert!(waited < Duration::from_secs(5), "cut off after {waited:?}");
    assert!(!String::from_utf8_lossy(&answer).contains("200 OK"));
    let fine = server.raw("GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    assert!(fine.starts_with("HTTP/1.1 200"), "the server still serves others");
}

#[test]
fn clients_that_send_nothing_cannot_hold_every_slot() {
    let server = Server::start(&fixture("minimal"), &["--header-timeout", "1", "--max-connections", "3"]);
    let silent: Vec<std::net::TcpStream> = (0..3).map(|_| std::net::TcpStream::connect(server.addr).unwrap()).collect();
    let started = Instant::now();
    let fine = server.raw("GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    assert!(fine.starts_with("HTTP/1.1 200"), "served while three clients say nothing");
    assert!(started.elapsed() < Duration::from_secs(5), "served after {:?}", started.elapsed());
    for mut stream in silent {
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        assert!(answer.is_empty(), "a silent client is closed without an answer");
    }
}

#[test]
fn oversized_headers_are_refused() {
    let server = Server::start(&fixture("minimal"), &[]);
    let huge = format!("GET / HTTP/1.1\r\nHost: t\r\nX-Big: {}\r\nConnection: close\r\n\r\n", "a".repeat(100_000));
    let answer = server.raw(&huge);
    assert!(answer.is_empty() || answer.starts_with("HTTP/1.1 431"), "{}", &answer[..answer.len().min(80)]);
}

#[test]
fn sigterm_during_a_burst_loses_no_request() {
    let mut server = Server::start(&fixture("minimal"), &[]);
    let addr = server.addr;
    let clients: Vec<_> = (0..64)
        .map(|i| {
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(i % 16));
                let Ok(mut stream) = std::net::TcpStream::connect(addr) else { return "refused".to_owned() };
                stream.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
                if stream.write_all(b"GET /people/ HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").is_err() {
                    return "write failed".to_owned();
                }
                let mut answer = Vec::new();
                match stream.read_to_end(&mut answer) {
                    Ok(_) if answer.starts_with(b"HTTP/1.1 200") && answer.trim_ascii_end().ends_with(b"</html>") => {
                        "served".to_owned()
                    }
                    Ok(_) => format!("cut: {} bytes", answer.len()),
                    Err(e) => format!("error: {e}"),
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(6));
    server.terminate();
    let outcomes: Vec<String> = clients.into_iter().map(|c| c.join().unwrap()).collect();
    let lost: Vec<&String> = outcomes.iter().filter(|o| *o != "served" && *o != "refused").collect();
    assert!(lost.is_empty(), "requests lost during shutdown: {lost:?}");
    assert!(outcomes.iter().any(|o| o == "served"));
    let status = server.child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "a graceful stop exits 0");
}

#[test]
fn the_logged_client_comes_from_every_forwarded_for_line_of_a_trusted_proxy() {
    let server = Server::start(&fixture("minimal"), &["--trusted-proxy", "127.0.0.1", "--log-format", "json"]);
    // A proxy that appends its own line: the client cannot choose the address logged.
    let request = "GET /healthz?proxied HTTP/1.1\r\nHost: t\r\nX-Forwarded-For: 5.5.5.5\r\nX-Forwarded-For: 6.6.6.6\r\nConnection: close\r\n\r\n";
    assert!(server.raw(request).starts_with("HTTP/1.1 200"));
    let log = server.log_when(|log| log.contains("/healthz?proxied"));
    let line = log.lines().find(|l| l.contains("/healthz?proxied")).unwrap_or_default();
    assert!(line.contains("\"client\":\"6.6.6.6\""), "the right-most untrusted hop is logged: {line}");
}

#[test]
fn a_burst_is_logged_one_whole_line_per_request_and_a_quiet_request_at_once() {
    let server = Server::start(&fixture("minimal"), &["--log-format", "json"]);
    let (threads, each) = (8, 150);
    std::thread::scope(|scope| {
        for thread in 0..threads {
            let server = &server;
            scope.spawn(move || {
                for i in 0..each {
                    let request = format!(
                        "GET /people/ada-lovelace/?n={thread}-{i} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"
                    );
                    assert!(server.raw(&request).starts_with("HTTP/1.1 200"));
                }
            });
        }
    });
    // Request lines are written in batches under load; once the server is idle, all of them.
    let log = server.log_when(|log| log.matches("?n=").count() >= threads * each);
    let mut tags: Vec<String> = log
        .lines()
        .filter(|line| line.contains("?n="))
        .map(|line| {
            let entry: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
            entry["path"].as_str().unwrap_or_default().trim_start_matches("/people/ada-lovelace/?n=").to_owned()
        })
        .collect();
    tags.sort();
    let mut expected: Vec<String> = (0..threads).flat_map(|t| (0..each).map(move |i| format!("{t}-{i}"))).collect();
    expected.sort();
    assert_eq!(tags.len(), expected.len(), "one line per request");
    assert_eq!(tags, expected);

    assert!(
        server.raw("GET /projects/?quiet HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").starts_with("HTTP/1.1 200")
    );
    // No more requests come and nothing fills the batch: the idle server writes the line anyway.
    let log = server.log_when(|log| log.contains("/projects/?quiet"));
    assert!(log.contains("/projects/?quiet"), "a request on a quiet server is logged without waiting for more");
}

#[test]
fn serves_on_a_unix_socket_and_logs_one_json_line_per_request() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("groupsite.sock");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_groupsite"))
        .args(["serve", "--content", fixture("minimal").to_str().unwrap()])
        .args([
            "--addr",
            &format!("unix:{}", socket.display()),
            "--log-format",
            "json",
            "--trusted-proxy",
            "10.0.0.0/8",
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut answer = String::new();
    for _ in 0..200 {
        if let Ok(mut stream) = std::os::unix::net::UnixStream::connect(&socket) {
            stream
                .write_all(b"GET /people/ada-lovelace/ HTTP/1.1\r\nHost: t\r\nX-Forwarded-For: 198.51.100.7\r\nConnection: close\r\n\r\n")
                .unwrap();
            stream.read_to_string(&mut answer).unwrap();
            break;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let _ = std::process::Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let log = String::from_utf8_lossy(&output.stderr);
    let line =
        log.lines().find(|l| l.contains("\"path\":\"/people/ada-lovelace/\"")).unwrap_or_else(|| panic!("{log}"));
    let entry: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(entry["method"], "GET");
    assert_eq!(entry["status"], 200);
    assert!(entry["bytes"].as_u64().unwrap() > 1000);
    assert!(entry["latency_ms"].as_f64().is_some());
    assert_eq!(entry["client"], "198.51.100.7", "a local proxy on the socket is trusted");
    assert!(!socket.exists(), "the socket is removed on exit");
}

// Hardening: no handful of connections may hold every slot, and a restart answers every
// request already received.

/// A connection to `server` that has sent nothing yet, with reads bounded by `wait`.
fn connect(server: &Server, wait: Duration) -> TcpStream {
    let stream = TcpStream::connect(server.addr).unwrap();
    stream.set_read_timeout(Some(wait)).unwrap();
    stream.set_write_timeout(Some(wait)).unwrap();
    stream
}

/// One response read off a keep-alive connection: its head (lowercased) and body, or `None`
/// when the server closed the connection before a whole response came.
fn read_response(stream: &mut TcpStream) -> Option<(String, Vec<u8>)> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return None,
        }
    }
    let head = String::from_utf8_lossy(&head).to_lowercase();
    let length = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .and_then(|n| n.trim().parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).ok()?;
    Some((head, body))
}

/// Whether the server closes `stream` within its read timeout (rather than leaving it open).
fn is_closed_by_server(mut stream: TcpStream) -> bool {
    let mut sink = Vec::new();
    match stream.read_to_end(&mut sink) {
        Ok(_) => true,
        Err(e) => !matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut),
    }
}

/// A client that sends request after request and reads none of the answers, until the server
/// takes no more of them: it holds a slot with an answer in flight.
fn deaf_client(server: &Server) -> TcpStream {
    let mut stream = connect(server, Duration::from_millis(500));
    let requests = b"GET /people/ HTTP/1.1\r\nHost: t\r\n\r\n".repeat(100);
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(5) && stream.write_all(&requests).is_ok() {}
    stream
}

const HEALTHZ: &str = "GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";

#[test]
fn connections_that_open_http2_cannot_hold_every_slot() {
    // HTTP/2 without TLS is not spoken: behind a proxy, the upstream speaks HTTP/1.1.
    let server = Server::start(&fixture("minimal"), &["--max-connections", "4", "--header-timeout", "30"]);
    let preface = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\x00\x00\x00\x04\x00\x00\x00\x00\x00";
    let http2: Vec<TcpStream> = (0..8)
        .map(|_| {
            let mut stream = connect(&server, Duration::from_secs(5));
            stream.write_all(preface).unwrap();
            stream
        })
        .collect();
    let started = Instant::now();
    let mut visitor = connect(&server, Duration::from_secs(8));
    visitor.write_all(HEALTHZ.as_bytes()).unwrap();
    let answer = read_response(&mut visitor);
    assert!(answer.is_some_and(|(head, _)| head.starts_with("http/1.1 200")), "a visitor is served");
    assert!(started.elapsed() < Duration::from_secs(5), "served after {:?}", started.elapsed());
    for stream in http2 {
        assert!(is_closed_by_server(stream), "an HTTP/2 preface is answered and closed at once");
    }
}

#[test]
fn an_idle_keep_alive_connection_is_closed_after_the_keepalive_timeout() {
    let server = Server::start(&fixture("minimal"), &["--keepalive-timeout", "1"]);
    let mut stream = connect(&server, Duration::from_secs(10));
    stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n").unwrap();
    assert!(read_response(&mut stream).is_some_and(|(head, _)| head.starts_with("http/1.1 200")));
    let started = Instant::now();
    assert!(is_closed_by_server(stream));
    let waited = started.elapsed();
    assert!(waited > Duration::from_millis(500) && waited < Duration::from_secs(5), "closed after {waited:?}");
}

#[test]
fn idle_keep_alive_connections_give_way_to_a_waiting_visitor() {
    let server = Server::start(&fixture("minimal"), &["--max-connections", "3", "--keepalive-timeout", "120"]);
    let idle: Vec<TcpStream> = (0..3)
        .map(|_| {
            let mut stream = connect(&server, Duration::from_secs(10));
            stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n").unwrap();
            assert!(read_response(&mut stream).is_some());
            stream
        })
        .collect();
    let started = Instant::now();
    let mut visitor = connect(&server, Duration::from_secs(10));
    visitor.write_all(HEALTHZ.as_bytes()).unwrap();
    assert!(read_response(&mut visitor).is_some_and(|(head, _)| head.starts_with("http/1.1 200")));
    assert!(started.elapsed() < Duration::from_secs(3), "served after {:?}", started.elapsed());
    assert!(idle.into_iter().any(is_closed_by_server), "an idle connection made room");
}

#[test]
fn clients_that_never_read_cannot_hold_every_slot() {
    let server = Server::start(&fixture("minimal"), &["--max-connections", "2", "--send-timeout", "1"]);
    let deaf: Vec<TcpStream> = std::thread::scope(|scope| {
        let writers: Vec<_> = (0..2).map(|_| scope.spawn(|| deaf_client(&server))).collect();
        writers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let started = Instant::now();
    let mut visitor = connect(&server, Duration::from_secs(10));
    visitor.write_all(HEALTHZ.as_bytes()).unwrap();
    assert!(read_response(&mut visitor).is_some_and(|(head, _)| head.starts_with("http/1.1 200")));
    assert!(started.elapsed() < Duration::from_secs(5), "served after {:?}", started.elapsed());
    for stream in deaf {
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        assert!(is_closed_by_server(stream), "a client that reads nothing is closed");
    }
}

#[test]
fn sigterm_answers_every_request_a_keep_alive_client_has_sent() {
    let mut server = Server::start(&fixture("minimal"), &[]);
    let outcomes: Vec<String> = std::thread::scope(|scope| {
        let clients: Vec<_> = (0..16)
            .map(|_| {
                let server = &server;
                scope.spawn(move || {
                    let mut stream = connect(server, Duration::from_secs(15));
                    let mut served = 0;
                    loop {
                        if stream.write_all(b"GET /people/ HTTP/1.1\r\nHost: t\r\n\r\n").is_err() {
                            return format!("refused after {served}");
                        }
                        match read_response(&mut stream) {
                            Some((head, _)) if head.contains("connection: close") => return "closed".to_owned(),
                            Some(_) => served += 1,
                            None => return format!("lost after {served}"),
                        }
                    }
                })
            })
            .collect();
        std::thread::sleep(Duration::from_millis(500));
        server.terminate();
        clients.into_iter().map(|c| c.join().unwrap()).collect()
    });
    let lost: Vec<&String> = outcomes.iter().filter(|o| *o != "closed").collect();
    assert!(lost.is_empty(), "every request sent is answered, the last with `Connection: close`: {lost:?}");
    assert_eq!(server.child.wait().unwrap().code(), Some(0));
}

#[test]
fn connections_beyond_max_connections_wait_in_the_queue_and_are_served() {
    let server =
        Server::start(&fixture("minimal"), &["--max-connections", "1", "--backlog", "512", "--send-timeout", "2"]);
    // The one slot is taken until the send timeout: the others wait for it.
    let _busy = deaf_client(&server);
    let started = Instant::now();
    let waiting: Vec<TcpStream> = (0..300)
        .map(|_| {
            let mut stream = connect(&server, Duration::from_secs(20));
            stream.write_all(b"GET /people/ HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").unwrap();
            stream
        })
        .collect();
    assert!(started.elapsed() < Duration::from_secs(1), "300 connections queued in {:?}", started.elapsed());
    for mut stream in waiting {
        assert!(read_response(&mut stream).is_some_and(|(head, _)| head.starts_with("http/1.1 200")));
    }
}

#[test]
fn a_short_backlog_turns_connections_away() {
    let server =
        Server::start(&fixture("minimal"), &["--max-connections", "1", "--backlog", "8", "--send-timeout", "30"]);
    let _busy = deaf_client(&server);
    let queued = (0..40)
        .filter_map(|_| TcpStream::connect_timeout(&server.addr, Duration::from_millis(300)).ok())
        .collect::<Vec<_>>();
    assert!(queued.len() < 20, "{} of 40 connections queued behind a backlog of 8", queued.len());
}

#[test]
fn sigterm_serves_every_connection_already_queued() {
    let mut server =
        Server::start(&fixture("minimal"), &["--max-connections", "1", "--backlog", "1024", "--send-timeout", "3"]);
    // The one slot is taken by an answer that is not read: nothing queued is served before the stop.
    let _busy = deaf_client(&server);
    let waiting: Vec<TcpStream> = (0..600)
        .map(|_| {
            let mut stream = connect(&server, Duration::from_secs(20));
            stream.write_all(b"GET /people/ HTTP/1.1\r\nHost: t\r\n\r\n").unwrap();
            stream
        })
        .collect();
    server.terminate();
    let served = waiting
        .into_iter()
        .filter_map(|mut stream| read_response(&mut stream))
        .filter(|(head, _)| head.starts_with("http/1.1 200") && head.contains("connection: close"))
        .count();
    assert_eq!(served, 600, "every connection queued when the server was told to stop is served");
    assert_eq!(server.child.wait().unwrap().code(), Some(0));
}

#[test]
fn export_writes_the_served_site_byte_for_byte_with_compressed_copies() {
    let out = tempfile::tempdir().unwrap();
    let base = "https://example.org/research/";
    common::export(&fixture("minimal"), out.path(), base);
    let server = Server::start(&fixture("minimal"), &["--base-url", base]);
    for (path, file) in [
        ("/", "index.html"),
        ("/people/ada-lovelace/", "people/ada-lovelace/index.html"),
        ("/people/ada-lovelace.vcf", "people/ada-lovelace.vcf"),
        ("/projects/", "projects/index.html"),
        ("/groups/alpha/", "groups/alpha/index.html"),
        ("/sitemap.xml", "sitemap.xml"),
        ("/contact/", "contact/index.html"),
    ] {
        let served = server.raw(&format!("GET {path} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"));
        let body = served.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or_default();
        let body = String::from_utf8(common::without_search_form(body.as_bytes())).unwrap();
        let written = std::fs::read_to_string(out.path().join(file)).unwrap();
        assert_eq!(written, body, "{path} is exported as served, but for the search form");
        let gz = std::fs::read(out.path().join(format!("{file}.gz"))).unwrap();
        let mut unzipped = String::new();
        flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut unzipped).unwrap();
        assert_eq!(unzipped, written);
        assert!(out.path().join(format!("{file}.br")).exists());
    }
    assert!(std::fs::read_to_string(out.path().join("404.html")).unwrap().contains("Page not found"));
    assert!(std::fs::read_dir(out.path().join("assets")).unwrap().count() >= 3, "the stylesheet and its copies");
}
