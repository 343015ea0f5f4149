//! What crawlers read: `/sitemap.xml` and `/robots.txt`.

use super::Urls;
use crate::link::Site;

/// Every page's path, without the base path: the pages a crawler should find.
pub fn page_paths(site: &Site) -> Vec<String> {
    let fixed = ["/", "/projects", "/people", "/partners", "/publications", "/practices"].map(str::to_owned);
    let groups = site.groups.keys().map(|s| format!("/groups/{s}"));
    let projects = site.projects.keys().map(|s| format!("/projects/{s}"));
    let people = site.people.keys().map(|s| format!("/people/{s}"));
    let pages = site.pages.keys().map(|s| format!("/{s}"));
    fixed.into_iter().chain(groups).chain(projects).chain(people).chain(pages).collect()
}

/// `/sitemap.xml`: every page with its absolute URL.
pub fn sitemap(site: &Site, urls: &Urls) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in page_paths(site) {
        xml.push_str(&format!("  <url><loc>{}</loc></url>\n", xml_escape(&urls.absolute(&path))));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `/robots.txt`: everything may be crawled; the sitemap is named.
pub fn robots(urls: &Urls) -> String {
    format!("User-agent: *\nAllow: /\nSitemap: {}\n", urls.absolute("/sitemap.xml"))
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
