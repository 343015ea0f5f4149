//! Crawls the whole site from `/` through the router, as a visitor clicking every link
//! would: every entity is reachable, no internal link or anchor is broken, and the sitemap
//! lists exactly the canonical pages a visitor can reach.

mod common;

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use common::{app, check, get, shipped_content};

#[tokio::test]
async fn every_entity_is_reachable_from_home_and_no_link_is_broken() {
    let app = app(&shipped_content());
    let mut queue = VecDeque::from(["/".to_owned()]);
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut fragments: Vec<(String, String, String)> = Vec::new();
    let mut broken = Vec::new();
    let selector = scraper::Selector::parse("a[href], link[href], img[src]").unwrap();
    let description = scraper::Selector::parse("meta[name=description]").unwrap();
    let json_ld = scraper::Selector::parse("script[type=\"application/ld+json\"]").unwrap();
    let mut without_schema = Vec::new();
    let mut descriptions: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    let with_id = scraper::Selector::parse("[id]").unwrap();
    let canonical = scraper::Selector::parse("link[rel=canonical]").unwrap();
    let mut canonicals: BTreeSet<String> = BTreeSet::new();

    while let Some(path) = queue.pop_front() {
        let page = get(&app, &path).await;
        if page.status != 200 {
            broken.push(format!("{path}: {}", page.status));
            continue;
        }
        if !page.header("content-type").starts_with("text/html") {
            continue;
        }
        let html = page.html();
        canonicals.extend(html.select(&canonical).filter_map(|l| l.attr("href")).map(str::to_owned));
        let schema = html.select(&json_ld).next().map(|s| s.text().collect::<String>());
        let typed = schema
            .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok())
            .is_some_and(|v| v["@type"].is_string() && v["@context"] == "https://schema.org");
        if !typed {
            without_schema.push(path.clone());
        }
        // A page's description is its own among the pages of its language; the same page in
        // another language may say the same where its content is not translated.
        let lang = html.root_element().attr("lang").unwrap_or_default().to_owned();
        if let Some(text) = html.select(&description).next().and_then(|m| m.attr("content")) {
            descriptions.entry((lang, text.to_owned())).or_default().push(path.clone());
        }
        ids.insert(path.clone(), html.select(&with_id).filter_map(|e| e.attr("id")).map(str::to_owned).collect());
        for element in html.select(&selector) {
            let Some(target) = element.attr("href").or_else(|| element.attr("src")) else { continue };
            let target = target.strip_prefix("https://groups.example.org").unwrap_or(target);
            if !target.starts_with('/') && !target.starts_with('#') {
                continue;
            }
            let (target_path, fragment) = target.split_once('#').unwrap_or((target, ""));
            let target_path = if target_path.is_empty() { path.clone() } else { target_path.to_owned() };
            if !fragment.is_empty() {
                fragments.push((path.clone(), target_path.clone(), fragment.to_owned()));
            }
            if seen.insert(target_path.clone()) {
                queue.push_back(target_path);
            }
        }
    }
    assert!(broken.is_empty(), "broken links: {broken:#?}");
    assert!(without_schema.is_empty(), "pages without schema.org data: {without_schema:?}");
    let shared: Vec<_> = descriptions.iter().filter(|(_, pages)| pages.len() > 1).collect();
    assert!(shared.is_empty(), "every page has a description of its own: {shared:#?}");

    for (from, to, fragment) in &fragments {
        let known = ids.get(to.split('?').next().unwrap_or(to)).is_some_and(|ids| ids.contains(fragment));
        assert!(known, "{from} links to {to}#{fragment}, which has no such id");
    }

    let sitemap = get(&app, "/sitemap.xml").await.body;
    let listed: BTreeSet<String> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|rest| rest.split_once("</loc>").map(|(loc, _)| loc.replace("&amp;", "&")))
        .collect();
    assert!(listed.len() > 20, "the sitemap lists the site's pages: {sitemap}");
    let unlisted: Vec<_> = canonicals.difference(&listed).collect();
    assert!(unlisted.is_empty(), "canonical pages reachable from / but not in the sitemap: {unlisted:#?}");
    let unreachable: Vec<_> = listed.difference(&canonicals).collect();
    assert!(unreachable.is_empty(), "sitemap entries no page reachable from / has as canonical: {unreachable:#?}");

    let site = check(&shipped_content()).unwrap();
    for path in groupsite::page_paths(&site) {
        assert!(seen.contains(&path), "{path} is not reachable from /");
    }
    let anchored: Vec<(&str, String)> = site
        .partners
        .keys()
        .map(|s| ("/partners/", s.to_string()))
        .chain(site.publications.keys().map(|s| ("/publications/", s.to_string())))
        .chain(site.practices.keys().map(|s| ("/practices/", s.to_string())))
        .collect();
    for (list, id) in anchored {
        assert!(ids[list].contains(&id), "{list} has an entry with id {id}");
    }
    assert!(seen.iter().any(|p| p.ends_with(".vcf")), "vCards are linked");
}
