//! The deployment examples, run for real: Debian's nginx with `deploy/nginx.conf` in front of
//! groupsite under a sub-path, crawled for broken links; and `deploy/nginx-static.conf`
//! serving `groupsite export`, byte for byte the pages groupsite serves. Needs `nginx` on the
//! PATH or in /usr/sbin (`scripts/test` installs it).

mod common;

use std::collections::{BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::shipped_content;

fn nginx_binary() -> PathBuf {
    ["/usr/sbin/nginx", "/usr/bin/nginx"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
        .expect("nginx is not installed: run scripts/test, which installs it, or apt-get install nginx")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port()
}

/// `text` with each `(from, to)` replaced; every `from` must be there, so an edit to the
/// example that this test no longer understands fails loudly.
fn adapt(text: &str, replacements: &[(&str, String)]) -> String {
    replacements.iter().fold(text.to_owned(), |text, (from, to)| {
        assert!(text.contains(from), "the example no longer contains `{from}`");
        text.replace(from, to)
    })
}

struct Running(Child);

impl Drop for Running {
    /// SIGTERM, not SIGKILL: nginx's master then stops its workers too.
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.0.id().to_string()]).status();
        let _ = self.0.wait();
    }
}

fn start_nginx(dir: &Path, sites: &[String]) -> Running {
    for sub in ["body", "proxy", "fastcgi", "uwsgi", "scgi", "cache"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    let d = dir.display();
    let includes: String = sites
        .iter()
        .enumerate()
        .map(|(i, site)| {
            let file = dir.join(format!("site-{i}.conf"));
            std::fs::write(&file, site).unwrap();
            format!("    include {};\n", file.display())
        })
        .collect();
    let conf = format!(
        "worker_processes 1;\ndaemon off;\npid {d}/nginx.pid;\nerror_log {d}/error.log warn;\nevents {{ worker_connections 256; }}\n\
         http {{\n    include /etc/nginx/mime.types;\n    access_log off;\n    client_body_temp_path {d}/body;\n    proxy_temp_path {d}/proxy;\n\
         fastcgi_temp_path {d}/fastcgi;\n    uwsgi_temp_path {d}/uwsgi;\n    scgi_temp_path {d}/scgi;\n{includes}}}\n"
    );
    let conf_path = dir.join("nginx.conf");
    std::fs::write(&conf_path, conf).unwrap();
    let child = Command::new(nginx_binary())
        .args(["-c", conf_path.to_str().unwrap(), "-p", dir.to_str().unwrap(), "-e", &format!("{d}/error.log")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nginx starts");
    Running(child)
}

fn fetch(url: &str) -> (u16, Vec<u8>) {
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).max_redirects(0).build().into();
    for _ in 0..100 {
        if let Ok(mut response) = agent.get(url).call() {
            let status = response.status().as_u16();
            let body = response.body_mut().read_to_vec().unwrap_or_default();
            return (status, body);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("{url} did not answer");
}

/// `groupsite export` of the shipped content into `out`, for the site at `base`.
fn export_shipped_content(out: &Path, base: &str) {
    let content = shipped_content();
    common::export(&content, out, base);
}

#[test]
fn nginx_in_front_under_a_sub_path_and_the_static_export_serve_the_same_site() {
    let tmp = tempfile::tempdir().unwrap();
    // nginx's workers run as an unprivileged user: they must reach the socket and the export.
    std::fs::set_permissions(tmp.path(), std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let (proxy_port, static_port) = (free_port(), free_port());
    let base = format!("http://127.0.0.1:{proxy_port}/research/");
    let socket = tmp.path().join("groupsite.sock");

    let _groupsite = Running(
        Command::new(env!("CARGO_BIN_EXE_groupsite"))
            .args(["serve", "--content", shipped_content().to_str().unwrap()])
            .args(["--addr", &format!("unix:{}", socket.display()), "--base-url", &base])
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let site_root = tmp.path().join("site");
    export_shipped_content(&site_root.join("research"), &base);
    // What an operator keeps in the export: a repository stays private, .well-known/ is public.
    std::fs::create_dir_all(site_root.join("research/.git")).unwrap();
    std::fs::write(site_root.join("research/.git/config"), "[core]").unwrap();
    std::fs::create_dir_all(site_root.join("research/.well-known")).unwrap();
    std::fs::write(site_root.join("research/.well-known/security.txt"), "Contact: x").unwrap();

    let proxy = adapt(
        &std::fs::read_to_string("deploy/nginx.conf").unwrap(),
        &[
            ("server unix:/run/groupsite/groupsite.sock;", format!("server unix:{};", socket.display())),
            ("/var/cache/nginx/groupsite", tmp.path().join("cache").display().to_string()),
            ("listen 80;", format!("listen 127.0.0.1:{proxy_port};")),
        ],
    );
    let static_site = adapt(
        &std::fs::read_to_string("deploy/nginx-static.conf").unwrap(),
        &[
            ("root /srv/groupsite/site;", format!("root {};", site_root.display())),
            ("listen 80;", format!("listen 127.0.0.1:{static_port};")),
        ],
    );
    let _nginx = start_nginx(tmp.path(), &[proxy, static_site]);

    // Crawl through the proxy from the sub-path's home.
    let mut queue = VecDeque::from(["/research/".to_owned()]);
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    let mut pages = Vec::new();
    while let Some(path) = queue.pop_front() {
        let (status, body) = fetch(&format!("http://127.0.0.1:{proxy_port}{path}"));
        assert_eq!(status, 200, "{path} through nginx");
        let text = String::from_utf8_lossy(&body).into_owned();
        if [".css", ".vcf", ".bib", ".ris", ".xml"].iter().any(|suffix| path.ends_with(suffix)) {
            continue;
        }
        pages.push((path.clone(), body));
        for href in text.split("href=\"").skip(1).filter_map(|s| s.split('"').next()) {
            let href = href.replace("&amp;", "&").replace("&#38;", "&");
            let href = href.strip_prefix(&format!("http://127.0.0.1:{proxy_port}")).unwrap_or(&href).to_owned();
            let href = href.split('#').next().unwrap_or_default().to_owned();
            if href.is_empty() || !href.starts_with('/') {
                continue;
            }
            assert!(href.starts_with("/research/"), "{path} links outside the sub-path: {href}");
            if seen.insert(href.clone()) {
                queue.push_back(href);
            }
        }
    }
    assert!(pages.len() > 80, "crawled {} pages", pages.len());

    // Search works through the proxy, under the sub-path.
    let (status, found) = fetch(&format!("http://127.0.0.1:{proxy_port}/research/search/?q=Kvelo"));
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&found).contains("href=\"/research/people/oyvind-kvello/\""));

    // The static export, served by nginx alone, is byte for byte the same, but for the search
    // form, which an export leaves out: no server is there to answer it.
    let mut forms = 0;
    for (path, body) in &pages {
        if path.contains('?') {
            continue;
        }
        let (status, exported) = fetch(&format!("http://127.0.0.1:{static_port}{path}"));
        assert_eq!(status, 200, "{path} from the export");
        let served = common::without_search_form(body);
        forms += usize::from(served.len() < body.len());
        assert!(exported == served, "{path}: the export differs from what groupsite serves");
    }
    assert!(forms > 80, "every served page has the search form; {forms} had it");
    for private in ["/research/.git/config", "/research/.groupsite-export"] {
        assert_eq!(fetch(&format!("http://127.0.0.1:{static_port}{private}")).0, 404, "{private} is not served");
    }
    assert_eq!(fetch(&format!("http://127.0.0.1:{static_port}/research/.well-known/security.txt")).0, 200);
    let (status, missing) = fetch(&format!("http://127.0.0.1:{static_port}/research/no-such-page"));
    assert_eq!(status, 404);
    assert!(String::from_utf8_lossy(&missing).contains("Page not found"));
}

/// Every `href` and `src` in `html` that points into the site at `origin` (root-relative or
/// absolute), without its fragment.
fn links_into(html: &str, origin: &str) -> Vec<String> {
    let mut links = Vec::new();
    for attribute in ["href=\"", "src=\"", "content=\""] {
        for value in html.split(attribute).skip(1).filter_map(|s| s.split('"').next()) {
            let value = value.replace("&amp;", "&").replace("&#38;", "&");
            let value = value.strip_prefix(origin).map(str::to_owned).unwrap_or(value);
            let value = value.split('#').next().unwrap_or_default().to_owned();
            if value.starts_with('/') && !value.starts_with("//") {
                links.push(value);
            }
        }
    }
    links
}

#[test]
fn the_export_on_a_server_that_knows_nothing_of_groupsite_answers_every_address_without_a_redirect() {
    let tmp = tempfile::tempdir().unwrap();
    let port = free_port();
    let origin = format!("http://127.0.0.1:{port}");
    let base = format!("{origin}/research/");
    let site_root = tmp.path().join("site");
    export_shipped_content(&site_root.join("research"), &base);
    // Python's own file server, as it comes: no configuration, no rewrites.
    let _server = Running(
        Command::new("python3")
            .args(["-m", "http.server", &port.to_string(), "--bind", "127.0.0.1", "--directory"])
            .arg(&site_root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 runs: scripts/test installs it"),
    );

    let (status, sitemap) = fetch(&format!("{base}sitemap.xml"));
    assert_eq!(status, 200);
    let sitemap = String::from_utf8_lossy(&sitemap).into_owned();
    let listed: Vec<String> =
        sitemap.split("<loc>").skip(1).filter_map(|s| s.split("</loc>").next()).map(str::to_owned).collect();
    assert!(listed.len() > 80, "the sitemap lists {} pages", listed.len());
    let mut checked = BTreeSet::new();
    let mut linked = BTreeSet::new();
    for url in &listed {
        let (status, body) = fetch(url);
        assert_eq!(status, 200, "{url}, listed in the sitemap, is served as it is written");
        let html = String::from_utf8_lossy(&body).into_owned();
        let canonical = html.split("<link rel=\"canonical\" href=\"").nth(1).and_then(|s| s.split('"').next());
        assert_eq!(canonical, Some(url.as_str()), "{url} names itself as canonical");
        checked.insert(url.strip_prefix(&origin).unwrap_or(url).to_owned());
        linked.extend(links_into(&html, &origin));
    }
    // Every address a page writes, in links, images, the icon, OpenGraph: none is a redirect.
    let search = format!("/research/{}", "search/");
    let mut redirects = Vec::new();
    for path in linked.iter().filter(|path| !checked.contains(*path) && !path.starts_with(&search)) {
        let (status, _) = fetch(&format!("{origin}{path}"));
        if (300..400).contains(&status) {
            redirects.push(path.clone());
        } else {
            assert_eq!(status, 200, "{path}, linked from a page, is in the export");
        }
    }
    assert!(redirects.is_empty(), "these addresses redirect on a plain static server: {redirects:?}");
    assert!(linked.len() > checked.len(), "pages link files too: {} addresses", linked.len());
}
