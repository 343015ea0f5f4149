//! Helpers shared by the test files: copies of the shipped content to break on purpose,
//! small fixture folders, and running the real binary.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use groupsite::{ContentError, Report, Site};

/// The content folder shipped with the crate.
pub fn shipped_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// A fixture's content folder under `tests/fixtures/{name}/content`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name).join("content")
}

/// The content folder of the fixture that holds one kind of mistake, under
/// `tests/fixtures/invalid/{case}/content`.
pub fn invalid(case: &str) -> PathBuf {
    fixture(&format!("invalid/{case}"))
}

/// Runs `groupsite check --content dir`.
pub fn run_check(dir: &Path) -> Outcome {
    groupsite(&["check", "--content", dir.to_str().expect("a UTF-8 path")])
}

/// Loads, checks and links a content folder; its warnings are left out (see [`built`]).
pub fn check(dir: &Path) -> Result<Site, Report> {
    built(dir).map(|built| built.site)
}

/// Loads, checks and links a content folder, with the warnings its content gave.
pub fn built(dir: &Path) -> Result<groupsite::build::Built, Report> {
    groupsite::build::site(dir)
}

/// The content folder of the fixture that holds one kind of warning, under
/// `tests/fixtures/warnings/{case}/content`.
pub fn warned(case: &str) -> PathBuf {
    fixture(&format!("warnings/{case}"))
}

/// The errors of a content folder that must have some.
pub fn errors(dir: &Path) -> Vec<ContentError> {
    match check(dir) {
        Ok(site) => panic!("expected errors, but the content checked clean: {}", site.summary()),
        Err(report) => report.errors,
    }
}

/// What `groupsite check` printed, and how it exited.
pub struct Outcome {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// A cache folder for the sizes of images, one per test process, so no test writes into the
/// user's own cache and none finds another run's images there.
pub fn image_cache() -> &'static Path {
    static CACHE: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    CACHE.get_or_init(|| tempfile::tempdir().expect("a cache folder")).path()
}

/// Runs the built binary with `args`.
pub fn groupsite(args: &[&str]) -> Outcome {
    let output = Command::new(env!("CARGO_BIN_EXE_groupsite"))
        .args(args)
        .env("GROUPSITE_CACHE_DIR", image_cache())
        .output()
        .expect("the binary runs");
    Outcome {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs `groupsite export` of `content` into `out` at `base_url`, and asserts that it succeeded.
pub fn export(content: &Path, out: &Path, base_url: &str) {
    let content = content.to_str().expect("a UTF-8 path");
    let out = out.to_str().expect("a UTF-8 path");
    let exported = groupsite(&["export", "--content", content, "--out", out, "--base-url", base_url]);
    assert_eq!(exported.code, Some(0), "{}", exported.stderr);
}

/// A throw-away copy of a content folder, for breaking it on purpose.
pub struct ContentCopy {
    dir: tempfile::TempDir,
}

impl ContentCopy {
    /// A copy of the shipped content.
    pub fn of_shipped() -> Self {
        Self::of(&shipped_content())
    }

    /// A copy of any content folder.
    pub fn of(source: &Path) -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        copy_dir(source, dir.path());
        ContentCopy { dir }
    }

    /// The copy's root.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the copy.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Replaces `from` (which must occur exactly once) with `to` in `rel`, and returns the
    /// 1-based line and column where `to` now starts.
    pub fn replace(&self, rel: &str, from: &str, to: &str) -> (usize, usize) {
        let path = self.path(rel);
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert_eq!(text.matches(from).count(), 1, "`{from}` must occur once in {rel}");
        let at = text.find(from).unwrap_or_default();
        fs::write(&path, text.replacen(from, to, 1)).expect("write");
        line_col(&text, at)
    }

    /// Writes a file into the copy, creating folders as needed.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().expect("a parent")).expect("create folder");
        fs::write(path, contents).expect("write");
    }

    /// Runs `groupsite check --content` on the copy.
    pub fn run_check(&self) -> Outcome {
        run_check(self.root())
    }

    /// The copy's errors, through the library.
    pub fn errors(&self) -> Vec<ContentError> {
        errors(self.root())
    }
}

/// The 1-based line and column (in characters) of byte `at` in `text`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..].chars().count() + 1;
    (line, col)
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create folder");
    for entry in fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// A served page as `export` writes it: without the header's search form, which an export
/// leaves out because no server is there to answer it.
pub fn without_search_form(page: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(page);
    let Some(start) = text.find("\n<form class=\"site-search\"") else { return page.to_vec() };
    let Some(length) = text[start..].find("</form>") else { return page.to_vec() };
    format!("{}{}", &text[..start], &text[start + length + "</form>".len()..]).into_bytes()
}

/// The base URL tests serve the site under.
pub const BASE_URL: &str = "https://groups.example.org/";

/// The whole application over a content folder, without a socket.
pub fn app(dir: &Path) -> axum::Router {
    app_at(dir, BASE_URL)
}

/// The application published at `base_url`.
pub fn app_at(dir: &Path, base_url: &str) -> axum::Router {
    let site = check(dir).unwrap_or_else(|report| panic!("content must check clean:\n{report}"));
    let urls = groupsite::Urls::new(base_url).expect("a base URL");
    let proxies = groupsite::serve::TrustedProxies::default();
    groupsite::serve::router(groupsite::serve::AppState::new(site, dir.to_path_buf(), urls, proxies))
}

/// A response, read whole.
pub struct Page {
    pub status: u16,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Page {
    /// A response header as text.
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default()
    }

    /// The body as an HTML document.
    pub fn html(&self) -> scraper::Html {
        scraper::Html::parse_document(&self.body)
    }

    /// The text of every element matching `selector`, whitespace collapsed.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let selector = scraper::Selector::parse(selector).expect("a CSS selector");
        self.html()
            .select(&selector)
            .map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }

    /// The visible text of the whole page, whitespace collapsed.
    pub fn text(&self) -> String {
        self.texts("body").join(" ")
    }
}

/// The `content` of each `<meta>` of `page` with `attribute` = `name`.
pub fn meta(page: &Page, attribute: &str, name: &str) -> Vec<String> {
    let selector = scraper::Selector::parse(&format!("meta[{attribute}=\"{name}\"]")).expect("a selector");
    page.html().select(&selector).filter_map(|m| m.attr("content").map(str::to_owned)).collect()
}

/// Sends `GET path` through the router.
pub async fn get(app: &axum::Router, path: &str) -> Page {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let request = axum::http::Request::get(path).body(axum::body::Body::empty()).expect("a request");
    let response = app.clone().oneshot(request).await.expect("the router answers");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.expect("a body").to_bytes();
    Page { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
}

/// Sends `GET path` and asserts a 200 HTML page.
pub async fn page(app: &axum::Router, path: &str) -> Page {
    let page = get(app, path).await;
    assert_eq!(page.status, 200, "GET {path}");
    assert_eq!(page.header("content-type"), "text/html; charset=utf-8", "GET {path}");
    page
}

/// Sends `method path` with extra headers through the router.
pub async fn request(app: &axum::Router, method: &str, path: &str, headers: &[(&str, &str)]) -> (Page, Vec<u8>) {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let mut builder = axum::http::Request::builder().method(method).uri(path);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let request = builder.body(axum::body::Body::empty()).expect("a request");
    let response = app.clone().oneshot(request).await.expect("the router answers");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.expect("a body").to_bytes().to_vec();
    (Page { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }, bytes)
}

/// A `groupsite serve` process on a free loopback port, stopped when dropped.
pub struct Server {
    pub child: std::process::Child,
    pub addr: std::net::SocketAddr,
    /// Where the server's log goes (a file, so a long test never fills a pipe).
    pub log: tempfile::NamedTempFile,
}

impl Server {
    /// Starts the binary on `content` with extra flags and waits until `/healthz` answers.
    pub fn start(content: &Path, flags: &[&str]) -> Server {
        Self::start_with(content, flags, &[])
    }

    /// Starts the binary as [`Server::start`] does, with extra environment variables.
    pub fn start_with(content: &Path, flags: &[&str], env: &[(&str, &str)]) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        let addr: std::net::SocketAddr = format!("127.0.0.1:{port}").parse().expect("an address");
        let log = tempfile::NamedTempFile::new().expect("a log file");
        let child = Command::new(env!("CARGO_BIN_EXE_groupsite"))
            .args(["serve", "--content", content.to_str().expect("UTF-8"), "--addr", &addr.to_string()])
            .args(flags)
            .env("GROUPSITE_CACHE_DIR", image_cache())
            .envs(env.iter().copied())
            .stderr(log.reopen().expect("the log file"))
            .spawn()
            .expect("the binary starts");
        let server = Server { child, addr, log };
        for _ in 0..200 {
            if server.raw("GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").starts_with("HTTP/1.1 200") {
                return server;
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        panic!("the server did not answer /healthz");
    }

    /// Sends raw bytes on a new connection and reads until the server closes it.
    pub fn raw(&self, request: &str) -> String {
        use std::io::{Read, Write};
        let Ok(mut stream) = std::net::TcpStream::connect(self.addr) else { return String::new() };
        let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(20)));
        let _ = stream.write_all(request.as_bytes());
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        String::from_utf8_lossy(&answer).into_owned()
    }

    /// The body of `GET path`, or an empty string when the server does not answer 200.
    pub fn page(&self, path: &str) -> String {
        let answer = self.raw(&format!("GET {path} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"));
        match answer.split_once("\r\n\r\n") {
            Some((head, body)) if head.starts_with("HTTP/1.1 200") => body.to_owned(),
            _ => String::new(),
        }
    }

    /// Everything the server has logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.log.path()).unwrap_or_default()
    }

    /// The log once `done` holds for it, or as it is after 5 s. Request lines are written in
    /// batches, after their responses, so a test waits for them rather than for a fixed time.
    pub fn log_when(&self, done: impl Fn(&str) -> bool) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        loop {
            let log = self.log();
            if done(&log) || std::time::Instant::now() > deadline {
                return log;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }

    /// Sends SIGTERM.
    pub fn terminate(&self) {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
