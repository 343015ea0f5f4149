//! What crawlers read: `/sitemap.xml` and `/robots.txt`.

use super::Urls;
use crate::link::Site;
use crate::model::EntityKind;
use crate::paths;

/// Every page's path, without the base path: the pages a crawler should find, the later pages
/// of a paged list among them. Entries of a list (a partner, a practice) are found on the
/// list's page.
pub fn page_paths(site: &Site) -> Vec<String> {
    let paged = paths::PAGED_LISTS.into_iter().flat_map(|kind| {
        (2..=super::pages::unfiltered_pages(kind, site)).map(move |n| paths::list_page_number(kind, n))
    });
    let lists = super::pages::shown_sections(site).filter_map(paths::list).map(str::to_owned).chain(paged);
    let entities = EntityKind::ALL
        .into_iter()
        .filter(|kind| matches!(paths::reached(*kind), paths::Reached::Page { .. }))
        .flat_map(|kind| site.names(kind).into_iter().map(move |(slug, _)| paths::entity(kind, slug)));
    std::iter::once(paths::HOME.to_owned()).chain(lists).chain(entities).collect()
}

/// Every address the site answers with a page of its own: the sitemap's and the search page.
struct PageAddresses(std::collections::HashSet<String>);

/// True when `path` (without the base path) is a page of the site, so that its bare address
/// can be sent to it; worked out once per site.
pub fn is_page(site: &Site, path: &str) -> bool {
    let addresses = site.memo(|site| {
        // Every list answers, an empty one too, though only lists with entries are in the sitemap.
        let lists = paths::SECTIONS.into_iter().filter_map(paths::list).map(str::to_owned);
        PageAddresses(page_paths(site).into_iter().chain(lists).chain([paths::SEARCH.to_owned()]).collect())
    });
    addresses.0.contains(path)
}

/// The most URLs one sitemap file may list (sitemaps.org); a larger site's `/sitemap.xml` is an
/// index of parts, each listing at most this many.
pub const SITEMAP_URLS: usize = 50_000;

/// The sitemap files of a site: `/sitemap.xml`, and the parts it indexes (`/sitemaps/1.xml` …)
/// when the site has more pages than one file may list.
pub fn sitemap_paths(site: &Site) -> Vec<String> {
    paths_of_sitemap(entry_count(site), SITEMAP_URLS)
}

/// `/sitemap.xml`: every page with its absolute URL, or an index of the parts that list them.
pub fn sitemap(site: &Site, urls: &Urls) -> String {
    sitemap_at(site, urls, SITEMAP_URLS)
}

/// `/sitemaps/{part}.xml` (from 1) of a site too large for one sitemap file.
pub fn sitemap_part(site: &Site, urls: &Urls, part: usize) -> Option<String> {
    sitemap_part_at(site, urls, part, SITEMAP_URLS)
}

fn paths_of_sitemap(pages: usize, limit: usize) -> Vec<String> {
    let mut files = vec![paths::SITEMAP.to_owned()];
    if pages > limit {
        files.extend((1..=pages.div_ceil(limit)).map(paths::sitemap_part));
    }
    files
}

const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
const NAMESPACE: &str = "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"";
/// Where a sitemap's `<xhtml:link>` alternates are defined.
const XHTML: &str = "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"";

/// Every URL the sitemap lists: each page in each of the site's languages, as the page's
/// path and the index of its language among [`crate::model::Settings::languages`].
fn entries(site: &Site) -> Vec<(usize, String)> {
    let languages = site.settings.languages().len();
    page_paths(site).into_iter().flat_map(|path| (0..languages).map(move |i| (i, path.clone()))).collect()
}

/// How many URLs the sitemap lists.
fn entry_count(site: &Site) -> usize {
    page_paths(site).len() * site.settings.languages().len()
}

fn sitemap_at(site: &Site, urls: &Urls, limit: usize) -> String {
    let entries = entries(site);
    if entries.len() <= limit {
        return url_set(site, &entries, urls);
    }
    let mut xml = format!("{XML_HEAD}<sitemapindex {NAMESPACE}>\n");
    for path in paths_of_sitemap(entries.len(), limit).iter().skip(1) {
        xml.push_str(&format!("  <sitemap><loc>{}</loc></sitemap>\n", xml_escape(&urls.absolute_file(path))));
    }
    xml.push_str("</sitemapindex>\n");
    xml
}

fn sitemap_part_at(site: &Site, urls: &Urls, part: usize, limit: usize) -> Option<String> {
    let entries = entries(site);
    if entries.len() <= limit || part == 0 {
        return None;
    }
    let chunk = entries.chunks(limit).nth(part - 1)?;
    Some(url_set(site, chunk, urls))
}

/// A `<urlset>` of `entries`; on a site in more than one language, each with its page in
/// every language and `x-default` as alternates, which Google requires to point both ways.
fn url_set(site: &Site, entries: &[(usize, String)], urls: &Urls) -> String {
    let languages = site.settings.languages();
    let mut xml = if languages.len() > 1 {
        format!("{XML_HEAD}<urlset {NAMESPACE} {XHTML}>\n")
    } else {
        format!("{XML_HEAD}<urlset {NAMESPACE}>\n")
    };
    for (language, path) in entries {
        let alternates = urls.alternates(&languages, path);
        let own = alternates.get(*language).map_or_else(|| urls.absolute(path), |a| a.href.clone());
        xml.push_str(&format!("  <url><loc>{}</loc>", xml_escape(&own)));
        for alternate in &alternates {
            xml.push_str(&format!(
                "\n    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                xml_escape(&alternate.hreflang),
                xml_escape(&alternate.href)
            ));
        }
        xml.push_str(if alternates.is_empty() { "</url>\n" } else { "\n  </url>\n" });
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `/robots.txt`: everything may be crawled; the sitemap is named.
pub fn robots(urls: &Urls) -> String {
    format!("User-agent: *\nAllow: /\nSitemap: {}\n", urls.absolute_file(paths::SITEMAP))
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::{paths_of_sitemap, sitemap_at, sitemap_part_at};
    use crate::render::Urls;

    #[test]
    fn a_site_larger_than_one_sitemap_gets_an_index_of_parts() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal/content");
        let site = crate::build::site(&dir).expect("the fixture checks clean").site;
        let urls = Urls::new("https://example.org/research/").expect("a base URL");
        let pages = super::entry_count(&site);
        assert_eq!(paths_of_sitemap(pages, pages), ["/sitemap.xml"]);
        assert!(sitemap_at(&site, &urls, pages).contains("<urlset"));
        let index = sitemap_at(&site, &urls, 5);
        assert!(index.contains("<sitemapindex"), "{index}");
        let parts = paths_of_sitemap(pages, 5);
        assert_eq!(parts.len(), 1 + pages.div_ceil(5));
        assert!(index.contains("<loc>https://example.org/research/sitemaps/1.xml</loc>"));
        let listed: usize =
            (1..parts.len()).map(|n| sitemap_part_at(&site, &urls, n, 5).unwrap().matches("<url>").count()).sum();
        assert_eq!(listed, pages, "every page is in exactly one part");
        assert!(sitemap_part_at(&site, &urls, parts.len(), 5).is_none());
        assert!(sitemap_part_at(&site, &urls, 0, 5).is_none());
    }
}
