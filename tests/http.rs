//! HTTP behaviour a visitor or a crawler notices: 404 pages, redirects to canonical URLs,
//! escaping, the sitemap, robots.txt, the health check and assets.

mod common;

use common::{ContentCopy, app, app_at, fixture, get, page, request};

#[tokio::test]
async fn unknown_paths_and_slugs_get_a_404_page_in_the_layout_with_ways_back() {
    let app = app(&fixture("minimal"));
    for path in
        ["/no-such-page", "/people/nobody/", "/projects/nothing/", "/groups/none/", "/people/Not_A_Slug/", "/a/b/c"]
    {
        let missing = get(&app, path).await;
        assert_eq!(missing.status, 404, "{path}");
        assert_eq!(missing.header("content-type"), "text/html; charset=utf-8");
        assert_eq!(missing.texts("h1"), ["Page not found"], "{path}");
        let links = missing.texts("main a");
        for section in ["Projects", "People", "Partners"] {
            assert!(links.contains(&section.to_owned()), "{path} offers {section}: {links:?}");
        }
        assert!(missing.body.contains("<meta name=\"robots\" content=\"noindex\">"));
    }
    let under_people = get(&app, "/people/nobody/").await;
    assert!(under_people.text().contains("Try People."), "{}", under_people.text());
}

#[tokio::test]
async fn a_page_s_bare_address_redirects_permanently_to_its_folder_and_a_file_s_never_does() {
    let app = app(&fixture("minimal"));
    let redirect = get(&app, "/projects?group=alpha").await;
    assert_eq!(redirect.status, 308);
    assert_eq!(redirect.header("location"), "/projects/?group=alpha");
    let person = get(&app, "/people/ada-lovelace").await;
    assert_eq!(person.status, 308);
    assert_eq!(person.header("location"), "/people/ada-lovelace/");
    assert_eq!(get(&app, "/contact").await.header("location"), "/contact/", "a free page");
    assert_eq!(get(&app, "/search").await.header("location"), "/search/");
    for page in ["/", "/projects/", "/people/ada-lovelace/", "/contact/"] {
        assert_eq!(get(&app, page).await.status, 200, "{page} is served where its links point");
    }
    for file in ["/people/ada-lovelace.vcf/", "/sitemap.xml/"] {
        assert_eq!(get(&app, file).await.status, 404, "{file}: a file is no folder");
    }
    let vcard = get(&app, "/people/ada-lovelace.vcf").await;
    assert_eq!(vcard.status, 200);
    // An address that names no page is a 404 at once, not a redirect to another 404.
    for missing in ["/people/nobody", "/nothing", "/projects/nothing"] {
        let answer = get(&app, missing).await;
        assert_eq!(answer.status, 404, "{missing}");
        assert_eq!(answer.header("location"), "", "{missing}");
    }
}

#[tokio::test]
async fn a_bare_address_never_redirects_to_another_site() {
    let app = app(&fixture("minimal"));
    for path in ["//evil.example", "/\\evil.example", "/people//x", "//evil.example/"] {
        let answer = get(&app, path).await;
        assert_eq!(answer.status, 404, "{path} -> {}", answer.header("location"));
        assert_eq!(answer.header("location"), "");
    }
}

#[tokio::test]
async fn urls_that_are_not_utf8_get_the_404_page_not_a_bare_400() {
    let app = app(&fixture("minimal"));
    for path in ["/groups/%ff/", "/%ff", "/people/%ff.vcf", "/media/%ff", "/assets/%c0%af"] {
        let answer = get(&app, path).await;
        assert_eq!(answer.status, 404, "{path}");
        assert_eq!(answer.texts("h1"), ["Page not found"], "{path}");
    }
}

#[tokio::test]
async fn error_pages_mark_no_navigation_item_current_and_have_no_canonical_url() {
    let app = app(&fixture("minimal"));
    for path in ["/projects/?group=nope", "/people/nobody/"] {
        let answer = get(&app, path).await;
        assert!(!answer.body.contains("aria-current"), "{path}");
        assert!(!answer.body.contains("rel=\"canonical\""), "{path}");
    }
    assert!(get(&app, "/groups/nothing/").await.text().contains("Try the groups on the home page."));
}

#[tokio::test]
async fn a_title_with_script_is_escaped_in_html_and_json_ld() {
    let copy = ContentCopy::of(&fixture("minimal"));
    copy.write(
        "projects/evil.toml",
        "title = \"<script>alert('x')</script> & </script><b>bold</b>\"\nkind = \"project\"\ngroups = [\"alpha\"]\n",
    );
    let app = app(copy.root());
    let evil = page(&app, "/projects/evil/").await;
    assert!(!evil.body.contains("<script>alert"), "{}", evil.body);
    assert!(!evil.body.contains("<b>bold</b>"));
    assert!(evil.body.contains("&#60;script&#62;alert"), "escaped as entities: {}", evil.body);
    let json_ld_start = evil.body.find("application/ld+json").expect("JSON-LD");
    let json_ld = &evil.body[json_ld_start..];
    let json_ld = &json_ld[..json_ld.find("</script>").expect("closed")];
    assert!(json_ld.contains("\\u003cscript\\u003e"), "{json_ld}");
    assert_eq!(evil.texts("h1"), ["<script>alert('x')</script> & </script><b>bold</b>"]);
    let list = page(&app, "/projects/").await;
    assert!(!list.body.contains("<script>alert"));
}

#[tokio::test]
async fn sitemap_lists_every_page_with_absolute_urls_from_the_base_url() {
    let app = app_at(&fixture("minimal"), "https://example.org/research/");
    let sitemap = get(&app, "/sitemap.xml").await;
    assert_eq!(sitemap.status, 200);
    assert_eq!(sitemap.header("content-type"), "application/xml; charset=utf-8");
    let locs: Vec<&str> = sitemap.body.split("<loc>").skip(1).filter_map(|s| s.split("</loc>").next()).collect();
    assert_eq!(locs.len(), 6 + 2 + 2 + 2 + 1 + 1, "fixed pages, groups, projects, people, publications, free pages");
    assert!(locs.iter().all(|l| l.starts_with("https://example.org/research/")), "{locs:?}");
    for page in ["groups/beta", "projects/child-project", "people/ada-lovelace", "publications/beta-journal", "contact"]
    {
        assert!(locs.contains(&format!("https://example.org/research/{page}/").as_str()), "{page} in {locs:?}");
    }
    assert!(locs.contains(&"https://example.org/research/"));

    let robots = get(&app, "/robots.txt").await;
    assert_eq!(robots.header("content-type"), "text/plain; charset=utf-8");
    assert!(robots.body.contains("Sitemap: https://example.org/research/sitemap.xml"));
}

#[tokio::test]
async fn under_a_sub_path_every_link_carries_it() {
    // A free page whose text links to other pages: links written in content are rebased too.
    let copy = ContentCopy::of(&fixture("minimal"));
    copy.write(
        "pages/about.md",
        "+++\ntitle = \"About\"\n+++\nSee [the people](/people) and [Ada](/people/ada-lovelace).\n",
    );
    let app = app_at(copy.root(), "https://example.org/research/");
    for path in ["/", "/about/", "/contact/", "/groups/alpha/", "/projects/parent-project/", "/people/ada-lovelace/"] {
        let page = page(&app, path).await;
        let html = page.html();
        let selector = scraper::Selector::parse("a[href], link[href], img[src]").unwrap();
        for href in html.select(&selector).filter_map(|e| e.attr("href").or(e.attr("src"))) {
            assert!(
                href.starts_with("/research/")
                    || href.starts_with("https://example.org/research/")
                    || href.starts_with('#')
                    || href.starts_with("mailto:")
                    || href.starts_with("tel:"),
                "{path} links to {href}"
            );
        }
    }
    let about = page(&app, "/about/").await;
    assert!(about.body.contains("href=\"/research/people/ada-lovelace/\""), "a link in the text: {}", about.body);
    let group = page(&app, "/groups/alpha/").await;
    assert!(group.body.contains("src=\"/research/images/hero-1200."), "an image: {}", group.body);
    let ada = page(&app, "/people/ada-lovelace/").await;
    assert!(ada.body.contains("href=\"/research/people/ada-lovelace.vcf\""), "{}", ada.body);
}

#[tokio::test]
async fn media_files_are_served_with_their_type_and_nothing_else_is() {
    let copy = ContentCopy::of(&fixture("minimal"));
    copy.write("media/.secret.png", "hidden");
    copy.write("media/notes.txt", "not an image");
    let app = app(copy.root());
    let hero = get(&app, "/media/hero.png").await;
    assert_eq!(hero.status, 200);
    assert_eq!(hero.header("content-type"), "image/png");
    assert_eq!(hero.header("cache-control"), "public, max-age=3600", "caches keep an image an hour");
    copy.write("media/hero.png", "replaced");
    assert_eq!(get(&app, "/media/hero.png").await.body, "replaced", "a replaced image is sent at once");
    for path in [
        "/media/.secret.png",
        "/media/notes.txt",
        "/media/../site.toml",
        "/media/%2e%2e/site.toml",
        "/media/..%2fsite.toml",
        "/media/hero.png%00",
        "/media/nothing.png",
    ] {
        assert_eq!(get(&app, path).await.status, 404, "{path}");
    }
    let group = page(&app, "/groups/alpha/").await;
    let html = group.html();
    let img = html.select(&scraper::Selector::parse(".hero img").unwrap()).next().expect("the hero image");
    let src = img.attr("src").unwrap_or_default();
    assert!(src.starts_with("/images/hero-1200.") && src.ends_with(".png"), "the widest size, as a PNG: {src}");
    assert_eq!(img.attr("alt"), Some("A gradient from blue to pink"));
    assert_eq!(group.texts(".hero figcaption"), ["Photo: The test suite"]);
    let ada = page(&app, "/people/ada-lovelace/").await;
    assert!(ada.body.contains("width=\"400\" height=\"400\" alt=\"A square of colour standing in for a portrait\""));
}

/// The loader refuses links that leave the content folder; the server must not send through
/// one made after loading either, whether the file or the whole `media/` folder is swapped.
#[tokio::test]
async fn media_is_never_sent_through_a_link_that_leaves_the_content_folder() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("hero.png"), "not the site's").unwrap();
    std::fs::write(outside.path().join("ada.png"), "not the site's either").unwrap();
    let copy = ContentCopy::of(&fixture("minimal"));
    let app = app(copy.root());
    assert_eq!(get(&app, "/media/ada.png").await.status, 200);

    std::fs::remove_file(copy.path("media/ada.png")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("ada.png"), copy.path("media/ada.png")).unwrap();
    assert_eq!(get(&app, "/media/ada.png").await.status, 404, "a file swapped for a link out");

    std::fs::rename(copy.path("media"), copy.path("media-was")).unwrap();
    std::os::unix::fs::symlink(outside.path(), copy.path("media")).unwrap();
    let hero = get(&app, "/media/hero.png").await;
    assert_eq!(hero.status, 404, "media/ swapped for a link out: {}", hero.body);
}

#[tokio::test]
async fn health_check_answers_ok_uncached() {
    let app = app(&fixture("minimal"));
    let health = get(&app, "/healthz").await;
    assert_eq!((health.status, health.body.as_str()), (200, "ok\n"));
    assert_eq!(health.header("cache-control"), "no-store");
}

#[tokio::test]
async fn the_stylesheet_is_served_under_a_fingerprinted_name_for_a_year() {
    let app = app(&fixture("minimal"));
    let home = page(&app, "/").await;
    let html = home.html();
    let href = html
        .select(&scraper::Selector::parse("link[rel=stylesheet]").unwrap())
        .next()
        .and_then(|l| l.attr("href"))
        .expect("a stylesheet")
        .to_owned();
    assert!(href.starts_with("/assets/site.") && href.ends_with(".css"), "{href}");
    let css = get(&app, &href).await;
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), "text/css; charset=utf-8");
    assert_eq!(css.header("cache-control"), "public, max-age=31536000, immutable");
    assert!(css.body.contains("prefers-color-scheme: dark") && css.body.contains("@media print"));
    assert_eq!(get(&app, "/assets/site.0000000000.css").await.status, 404);
}

#[test]
fn no_free_page_can_take_an_address_a_route_answers() {
    use groupsite::paths::{Route, reserved_page_slugs};
    let reserved = reserved_page_slugs();
    for route in Route::all() {
        let pattern = route.pattern();
        let first = pattern.trim_start_matches('/').split(['/', '.']).next().unwrap_or_default();
        if matches!(route, Route::Home | Route::FreePage) {
            continue;
        }
        assert!(reserved.iter().any(|r| r == first), "{pattern}: `{first}` is a reserved page slug");
    }
    assert!(groupsite::model::Slug::parse(groupsite::paths::PREVIEW_EVENTS.trim_start_matches('/')).is_none());
    for slug in &reserved {
        let copy = ContentCopy::of(&fixture("minimal"));
        copy.write(&format!("pages/{slug}.md"), "+++\ntitle = \"Taken\"\n+++\n");
        let refused = copy.errors();
        assert!(
            refused.iter().any(|e| matches!(e, groupsite::ContentError::ReservedSlug { slug: s, .. } if s == slug)),
            "pages/{slug}.md is refused: {refused:?}"
        );
    }
}

/// The `href` and `type` of a page's `<link rel="icon">`.
fn icon_link(page: &common::Page) -> (String, String) {
    let html = page.html();
    let link = html.select(&scraper::Selector::parse("link[rel=icon]").unwrap()).next();
    let attr = |name| link.and_then(|l| l.attr(name)).unwrap_or_default().to_owned();
    (attr("href"), attr("type"))
}

#[tokio::test]
async fn without_an_icon_of_its_own_the_site_draws_one_from_its_name_and_every_page_links_it() {
    let app = app(&fixture("minimal"));
    let favicon = get(&app, "/favicon.ico").await;
    assert_eq!(favicon.status, 200);
    assert_eq!(favicon.header("content-type"), "image/svg+xml");
    assert_eq!(favicon.header("cache-control"), "public, max-age=604800");
    assert!(favicon.body.starts_with("<svg") && favicon.body.contains(">T</text>"), "Test Site: {}", favicon.body);

    let (href, kind) = icon_link(&page(&app, "/").await);
    assert!(href.starts_with("/assets/icon.") && href.ends_with(".svg"), "{href}");
    assert_eq!(kind, "image/svg+xml");
    let icon = get(&app, &href).await;
    assert_eq!((icon.status, icon.body.as_str()), (200, favicon.body.as_str()), "the same bytes");
    assert_eq!(icon.header("cache-control"), "public, max-age=31536000, immutable");
    assert_eq!(icon.header("content-type"), "image/svg+xml");

    for path in ["/people/", "/people/ada-lovelace/", "/projects/", "/publications/", "/search/?q=ada", "/nowhere"] {
        assert_eq!(icon_link(&get(&app, path).await), (href.clone(), kind.clone()), "{path} links the icon");
    }
    assert_eq!(get(&app, "/assets/icon.0000000000.svg").await.status, 404);
}

#[tokio::test]
async fn an_icon_named_in_site_toml_is_the_one_served_and_linked() {
    let copy = ContentCopy::of(&fixture("minimal"));
    let settings = std::fs::read_to_string(copy.path("site.toml")).unwrap();
    copy.write("site.toml", format!("{settings}icon = \"media/ada.png\"\n"));
    let app = app_at(copy.root(), "https://groups.example.org/lab/");
    let png = std::fs::read(copy.path("media/ada.png")).unwrap();
    let (favicon, bytes) = request(&app, "GET", "/favicon.ico", &[]).await;
    assert_eq!(favicon.status, 200);
    assert_eq!(favicon.header("content-type"), "image/png");
    assert_eq!(bytes, png);
    let (href, kind) = icon_link(&page(&app, "/").await);
    assert!(href.starts_with("/lab/assets/icon.") && href.ends_with(".png"), "under the base path: {href}");
    assert_eq!(kind, "image/png");
    let (linked, bytes) = request(&app, "GET", href.trim_start_matches("/lab"), &[]).await;
    assert_eq!((linked.status, bytes), (200, png));
}

fn unbrotli(bytes: &[u8]) -> String {
    let mut out = Vec::new();
    brotli::BrotliDecompress(&mut &bytes[..], &mut out).expect("a Brotli body");
    String::from_utf8(out).expect("UTF-8")
}

#[tokio::test]
async fn error_pages_are_compressed_like_other_pages_and_kept_a_minute() {
    let app = app(&fixture("minimal"));
    let (missing, bytes) = request(&app, "GET", "/people/nobody/", &[("accept-encoding", "br")]).await;
    assert_eq!(missing.status, 404);
    assert_eq!(missing.header("content-encoding"), "br");
    assert_eq!(missing.header("vary"), "Accept-Encoding");
    assert_eq!(missing.header("cache-control"), "public, max-age=60");
    assert_eq!(missing.header("content-type"), "text/html; charset=utf-8");
    let html = unbrotli(&bytes);
    assert!(html.contains("<h1") && html.contains("Page not found") && html.contains("noindex"), "{html}");

    let (plain, bytes) = request(&app, "GET", "/people/nobody/", &[]).await;
    assert_eq!(plain.status, 404);
    assert_eq!(plain.header("content-encoding"), "", "identity without Accept-Encoding");
    assert_eq!(plain.header("vary"), "Accept-Encoding");
    assert_eq!(plain.header("cache-control"), "public, max-age=60");
    assert_eq!(String::from_utf8(bytes).unwrap(), html, "the same page");

    let (bad, bytes) = request(&app, "GET", "/projects/?group=nope", &[("accept-encoding", "gzip, br;q=0.5")]).await;
    assert_eq!((bad.status, bad.header("content-encoding")), (400, "gzip"));
    assert_eq!(bad.header("cache-control"), "public, max-age=60");
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut text).unwrap();
    assert!(text.contains("<h1"), "{text}");
}
