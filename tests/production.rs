//! What operators and caches in front of the server rely on, through the router: cache
//! headers and ETags, 304s, compressed forms chosen by Accept-Encoding, security headers on
//! every response, methods, and odd paths.

mod common;

use common::{ContentCopy, app, app_at, fixture, get, request};

fn decode(encoding: &str, bytes: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    match encoding {
        "gzip" => {
            flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).unwrap();
        }
        "br" => brotli::BrotliDecompress(&mut &bytes[..], &mut out).unwrap(),
        "zstd" => out = zstd::decode_all(bytes).unwrap(),
        other => panic!("unexpected coding {other}"),
    }
    out
}

#[tokio::test]
async fn every_coding_round_trips_to_the_identical_page() {
    // Bodies under 1 KiB are sent as they are: enough people for a sitemap over that.
    let copy = ContentCopy::of(&fixture("minimal"));
    for i in 0..12 {
        copy.write(&format!("people/person-{i:02}.toml"), format!("name = \"Person {i:02}\"\n"));
    }
    let app = app(copy.root());
    assert!(get(&app, "/sitemap.xml").await.body.len() > 1024, "a sitemap worth compressing");
    for path in ["/", "/groups/alpha/", "/people/", "/sitemap.xml"] {
        let (plain, identity) = request(&app, "GET", path, &[]).await;
        assert_eq!(plain.header("content-encoding"), "");
        for coding in ["br", "gzip", "zstd"] {
            let (page, bytes) = request(&app, "GET", path, &[("accept-encoding", coding)]).await;
            assert_eq!(page.header("content-encoding"), coding, "{path}");
            assert_eq!(page.header("vary"), "Accept-Encoding");
            assert!(bytes.len() < identity.len() / 2, "{path} in {coding}: {} of {}", bytes.len(), identity.len());
            assert_eq!(decode(coding, &bytes), identity, "{path} in {coding}");
            assert_ne!(page.header("etag"), plain.header("etag"), "each coding has its own ETag");
        }
    }
}

#[tokio::test]
async fn accept_encoding_q_values_choose_the_coding() {
    let app = app(&fixture("minimal"));
    let coding = |accept: &'static str| {
        let app = app.clone();
        async move {
            request(&app, "GET", "/people/", &[("accept-encoding", accept)])
                .await
                .0
                .header("content-encoding")
                .to_owned()
        }
    };
    assert_eq!(coding("gzip, deflate, br, zstd").await, "br");
    assert_eq!(coding("br;q=0.2, gzip;q=0.8").await, "gzip");
    assert_eq!(coding("br;q=0, gzip;q=0, zstd").await, "zstd");
    assert_eq!(coding("deflate").await, "");
}

#[tokio::test]
async fn a_matching_etag_or_date_gets_304_without_a_body() {
    let app = app(&fixture("minimal"));
    let (first, _) = request(&app, "GET", "/projects/parent-project/", &[("accept-encoding", "gzip")]).await;
    let etag = first.header("etag").to_owned();
    assert!(etag.starts_with('"') && etag.ends_with('"') && !etag.starts_with("W/"), "a strong ETag: {etag}");
    let (again, bytes) =
        request(&app, "GET", "/projects/parent-project/", &[("accept-encoding", "gzip"), ("if-none-match", &etag)])
            .await;
    assert_eq!(again.status, 304);
    assert!(bytes.is_empty());
    assert_eq!(again.header("etag"), etag);
    assert_eq!(again.header("cache-control"), first.header("cache-control"));
    let (other, _) = request(
        &app,
        "GET",
        "/projects/parent-project/",
        &[("accept-encoding", "gzip"), ("if-none-match", "\"stale\"")],
    )
    .await;
    assert_eq!(other.status, 200);
    let modified = first.header("last-modified").to_owned();
    assert!(modified.ends_with(" GMT"), "{modified}");
    let (since, _) = request(&app, "GET", "/projects/parent-project/", &[("if-modified-since", &modified)]).await;
    assert_eq!(since.status, 304);
    let (old, _) =
        request(&app, "GET", "/projects/parent-project/", &[("if-modified-since", "Thu, 01 Jan 1970 00:00:00 GMT")])
            .await;
    assert_eq!(old.status, 200);
}

#[tokio::test]
async fn pages_assets_and_health_declare_their_cache_policy() {
    let app = app(&fixture("minimal"));
    let home = get(&app, "/").await;
    assert_eq!(home.header("cache-control"), "public, max-age=300, stale-while-revalidate=86400");
    let css = home
        .body
        .split("href=\"")
        .filter_map(|s| s.split('"').next())
        .find(|s| s.starts_with("/assets/") && s.ends_with(".css"))
        .unwrap()
        .to_owned();
    let (asset, _) = request(&app, "GET", &css, &[("accept-encoding", "br")]).await;
    assert_eq!(asset.header("cache-control"), "public, max-age=31536000, immutable");
    assert_eq!(asset.header("content-encoding"), "br");
    assert_eq!(get(&app, "/healthz").await.header("cache-control"), "no-store");
}

#[tokio::test]
async fn security_headers_are_on_every_response() {
    let app = app_at(&fixture("minimal"), "https://example.org/");
    for path in ["/", "/people/ada-lovelace/", "/no-such-page", "/healthz", "/media/hero.png", "/projects/?group=none"]
    {
        let page = get(&app, path).await;
        assert_eq!(page.header("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(page.header("referrer-policy"), "strict-origin-when-cross-origin", "{path}");
        assert!(page.header("permissions-policy").contains("camera=()"), "{path}");
        let csp = page.header("content-security-policy");
        assert!(
            csp.starts_with("default-src") && !csp.contains("unsafe-inline") || csp.contains("sandbox"),
            "{path}: {csp}"
        );
        assert!(page.header("strict-transport-security").starts_with("max-age="), "{path}");
    }
    let csp = get(&app, "/").await.header("content-security-policy").to_owned();
    assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), "{csp}");
    let plain = app_at(&fixture("minimal"), "http://127.0.0.1:3000/");
    assert_eq!(get(&plain, "/").await.header("strict-transport-security"), "", "HSTS only under https");
}

#[tokio::test]
async fn head_answers_like_get_without_a_body_and_other_methods_get_405() {
    let app = app(&fixture("minimal"));
    let (get_page, _) = request(&app, "GET", "/people/", &[]).await;
    let (head, bytes) = request(&app, "HEAD", "/people/", &[]).await;
    assert_eq!(head.status, 200);
    assert!(bytes.is_empty());
    assert_eq!(head.header("etag"), get_page.header("etag"));
    assert_eq!(head.header("content-type"), "text/html; charset=utf-8");
    for method in ["POST", "PUT", "DELETE", "PATCH"] {
        let (answer, _) = request(&app, method, "/people/", &[]).await;
        assert_eq!(answer.status, 405, "{method}");
        assert_eq!(answer.header("allow"), "GET,HEAD");
    }
}

#[tokio::test]
async fn a_get_with_a_body_is_refused() {
    let app = app(&fixture("minimal"));
    let (answer, _) = request(&app, "GET", "/", &[("content-length", "5")]).await;
    assert_eq!(answer.status, 400);
}

#[tokio::test]
async fn odd_paths_get_400_or_404_never_500() {
    let app = app(&fixture("minimal"));
    let long = format!("/{}", "a".repeat(10_000));
    for path in [
        "/..",
        "/../site.toml",
        "/%2e%2e/site.toml",
        "/media/%2e%2e%2fsite.toml",
        "/people/%00/",
        "/%00",
        "/%c0%ae%c0%ae/",
        "/people/%ff%fe/",
        "/groups/alpha%2f..%2f..",
        long.as_str(),
        "/assets/../Cargo.toml",
        "/projects/?group=%ff",
        "/projects/?kind=%00",
    ] {
        let page = get(&app, path).await;
        assert!(page.status == 400 || page.status == 404 || page.status == 308, "{path}: {}", page.status);
        assert!(!page.body.contains("[package]") && !page.body.contains("language = "), "{path} leaks a file");
    }
}

#[tokio::test]
async fn media_files_revalidate_with_etag_and_date() {
    let app = app(&fixture("minimal"));
    let (first, bytes) = request(&app, "GET", "/media/hero.png", &[]).await;
    assert_eq!(first.status, 200);
    assert!(!bytes.is_empty());
    let etag = first.header("etag").to_owned();
    assert!(etag.starts_with('"'), "an ETag: {etag:?}");
    assert!(first.header("last-modified").ends_with(" GMT"));
    assert!(!first.header("content-security-policy").contains("unsafe-inline"));
    let (again, body) = request(&app, "GET", "/media/hero.png", &[("if-none-match", &etag)]).await;
    assert_eq!((again.status, body.len()), (304, 0));
    let date = first.header("last-modified").to_owned();
    let (since, _) = request(&app, "GET", "/media/hero.png", &[("if-modified-since", &date)]).await;
    assert_eq!(since.status, 304);
}
