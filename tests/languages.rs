//! The site in more than one language: each language's pages under its own addresses, the
//! `hreflang` alternates in pages and sitemap (every pair pointing back), the switcher, texts
//! and bodies shown untranslated marked with their own language, search in each language's
//! stemmer, the summary of what is not translated, and `export` writing every language. The
//! fixture `languages` is in English (the default), bokmål and nynorsk.

mod common;

use std::collections::BTreeMap;

use common::{BASE_URL, ContentCopy, app, fixture, get, page};

fn languages() -> axum::Router {
    app(&fixture("languages"))
}

/// `href`s of `<link rel=alternate hreflang>` in a page, by language.
fn hreflangs(page: &common::Page) -> BTreeMap<String, String> {
    let selector = scraper::Selector::parse("link[rel=alternate][hreflang]").unwrap();
    page.html()
        .select(&selector)
        .map(|l| (l.attr("hreflang").unwrap_or_default().to_owned(), l.attr("href").unwrap_or_default().to_owned()))
        .collect()
}

fn absolute(path: &str) -> String {
    format!("{}{}", BASE_URL.trim_end_matches('/'), path)
}

#[tokio::test]
async fn each_language_has_its_pages_in_its_words_and_its_texts() {
    let app = languages();
    for (prefix, lang, people, group, position) in [
        ("", "en", "People", "Alpha Group", "Leader"),
        ("/nb", "nb", "Personer", "Alfagruppen", "Leder"),
        ("/nn", "nn", "Personar", "Alfagruppa", "Leiar"),
    ] {
        let home = page(&app, &format!("{prefix}/")).await;
        assert!(home.body.contains(&format!("<html lang=\"{lang}\">")), "{prefix}/ is in {lang}");
        assert!(home.texts(".main-nav a").contains(&people.to_owned()), "{prefix}/: {:?}", home.texts(".main-nav a"));
        let group_page = page(&app, &format!("{prefix}/groups/alpha/")).await;
        assert_eq!(group_page.texts("h1"), [group], "{prefix}");
        let people_list = page(&app, &format!("{prefix}/people/")).await;
        for shown in [&home, &people_list] {
            assert!(
                shown.body.contains(&format!("\"inLanguage\":\"{lang}\"")),
                "{prefix}: schema.org names the language"
            );
        }
        for other in ["en", "nb", "nn"].into_iter().filter(|l| *l != lang) {
            assert!(home.body.contains(&format!("<meta property=\"og:locale:alternate\" content=\"{other}\">")));
        }
        let canonical = absolute(&format!("{prefix}/groups/alpha/"));
        assert!(group_page.body.contains(&format!("<link rel=\"canonical\" href=\"{canonical}\">")), "{prefix}");
        let person = page(&app, &format!("{prefix}/people/ada-lovelace/")).await;
        assert!(person.text().contains(position), "{prefix}: {}", person.text());
        // Links stay in the visitor's language.
        assert!(group_page.body.contains(&format!("href=\"{prefix}/projects/care/\"")), "{prefix}");
    }
    // The bare address of a language's home and pages is sent to them; an unknown one is its 404.
    assert_eq!(get(&app, "/nb").await.header("location"), "/nb/");
    assert_eq!(get(&app, "/nb/people").await.header("location"), "/nb/people/");
    let missing = get(&app, "/nb/nothing").await;
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("<html lang=\"nb\">"), "the 404 page of /nb/ is in bokmål");
}

#[tokio::test]
async fn every_page_names_itself_in_every_language_and_every_alternate_points_back() {
    let app = languages();
    let sitemap = get(&app, "/sitemap.xml").await.body;
    let listed: Vec<String> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|rest| rest.split_once("</loc>").map(|(loc, _)| loc.to_owned()))
        .collect();
    let pages = listed.len() / 3;
    assert!(pages >= 8, "every page, three times: {listed:?}");
    assert_eq!(listed.len(), pages * 3);
    let mut sets: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for url in &listed {
        let path = url.strip_prefix(BASE_URL.trim_end_matches('/')).unwrap_or(url);
        let shown = page(&app, path).await;
        let alternates = hreflangs(&shown);
        assert_eq!(
            alternates.keys().map(String::as_str).collect::<Vec<_>>(),
            ["en", "nb", "nn", "x-default"],
            "{path}"
        );
        let lang = shown.html().root_element().attr("lang").unwrap_or_default().to_owned();
        assert_eq!(alternates[&lang], *url, "{path} names itself as its language's page");
        assert_eq!(alternates["x-default"], alternates["en"], "{path}: x-default is the default language's");
        sets.insert(url.clone(), alternates);
    }
    // Reciprocal: each alternate's own alternates are the same set.
    for (url, alternates) in &sets {
        for href in alternates.values() {
            assert_eq!(sets.get(href), Some(alternates), "{url} → {href} does not point back");
        }
    }
    // The sitemap gives each URL the same alternates.
    let entry = sitemap.split("<url>").find(|u| u.contains("/nb/projects/care/</loc>")).unwrap_or_default();
    for (lang, path) in [
        ("en", "/projects/care/"),
        ("nb", "/nb/projects/care/"),
        ("nn", "/nn/projects/care/"),
        ("x-default", "/projects/care/"),
    ] {
        let link = format!("<xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{}\"/>", absolute(path));
        assert!(entry.contains(&link), "{link} in {entry}");
    }
    assert!(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
}

#[tokio::test]
async fn the_switcher_is_a_plain_link_to_the_same_page_in_each_other_language() {
    let app = languages();
    let care = page(&app, "/nb/projects/care/").await;
    let selector = scraper::Selector::parse("nav.languages a").unwrap();
    let links: Vec<(String, String, String)> = care
        .html()
        .select(&selector)
        .map(|a| {
            let attr = |n| a.attr(n).unwrap_or_default().to_owned();
            (attr("href"), attr("lang"), a.text().collect())
        })
        .collect();
    assert_eq!(
        links,
        [
            ("/projects/care/".to_owned(), "en".to_owned(), "English".to_owned()),
            ("/nn/projects/care/".to_owned(), "nn".to_owned(), "Norsk nynorsk".to_owned()),
        ]
    );
    assert_eq!(care.texts("nav.languages").len(), 1);
    assert!(!care.body.contains("<script src"), "no script is needed to switch");
}

#[tokio::test]
async fn what_is_not_translated_is_shown_in_the_default_language_marked_as_such() {
    let app = languages();
    let nb = page(&app, "/nb/groups/alpha/").await;
    assert!(nb.body.contains("<span lang=\"en\">A tagline only in English</span>"), "{}", nb.body);
    assert!(
        nb.body.contains("<div class=\"prose\"><p>Vi forsker på omsorg i kommunene.</p>"),
        "the bokmål body: {}",
        nb.body
    );
    assert!(nb.body.contains("<h1>Alfagruppen</h1>"));
    let nn = page(&app, "/nn/groups/alpha/").await;
    assert!(
        nn.body.contains("<div class=\"prose\" lang=\"en\"><p>We study care in communities and in barnehagene.</p>"),
        "{}",
        nn.body
    );
    let nn_care = page(&app, "/nn/projects/care/").await;
    assert!(nn_care.body.contains("<h1 lang=\"en\">Care work</h1>"), "{}", nn_care.body);
    // A text given only in Norwegian is marked so in every other language, and not in its own.
    for path in ["/projects/", "/nn/projects/"] {
        let list = page(&app, path).await;
        assert!(list.body.contains("<span lang=\"nb\">SoVei</span>"), "{path}");
    }
    let nb_list = page(&app, "/nb/projects/").await;
    assert!(nb_list.body.contains(">SoVei</a>") && !nb_list.body.contains("lang=\"nb\">SoVei"), "{}", nb_list.body);
    // The English site marks nothing of its own content.
    let en = page(&app, "/groups/alpha/").await;
    assert!(!en.body.contains("<span lang=\"en\">") && !en.body.contains("class=\"prose\" lang"), "{}", en.body);
}

#[tokio::test]
async fn search_stems_each_language_in_its_own_way_and_links_into_it() {
    let app = languages();
    // Bokmål: "kommune" finds "kommunene" (the group) and "kommune" (the project).
    let nb = page(&app, "/nb/search/?q=kommune").await;
    let main = nb.texts("main").join(" ");
    assert!(nb.body.contains("href=\"/nb/groups/alpha/\""), "{main}");
    assert!(nb.body.contains("href=\"/nb/projects/care/\""), "{main}");
    // The same words under each language's stemmer: Norwegian finds "barnehagene" (the
    // kindergartens) from "barnehager", which is neither its prefix nor a typo of it; English,
    // which stems the two apart, does not.
    let found = |page: &common::Page| {
        let selector = scraper::Selector::parse("main a").unwrap();
        page.html().select(&selector).filter_map(|a| a.attr("href").map(str::to_owned)).collect::<Vec<_>>()
    };
    let nn = page(&app, "/nn/search/?q=barnehager").await;
    assert!(found(&nn).contains(&"/nn/groups/alpha/".to_owned()), "{}", nn.text());
    let en = page(&app, "/search/?q=barnehager").await;
    assert!(!found(&en).contains(&"/groups/alpha/".to_owned()), "{}", en.text());
    // English: "community" finds "communities".
    let en = page(&app, "/search/?q=community").await;
    assert!(en.body.contains("href=\"/groups/alpha/\""), "{}", en.text());
    let hrefs = found(&en);
    assert!(
        !hrefs.is_empty() && hrefs.iter().all(|h| !h.starts_with("/nb/")),
        "English results stay English: {hrefs:?}"
    );
}

#[test]
fn check_sums_up_what_each_language_lacks_without_failing() {
    let outcome = common::run_check(&fixture("languages"));
    assert_eq!(outcome.code, Some(0), "{}", outcome.stderr);
    let lines: Vec<&str> = outcome.stdout.lines().collect();
    assert!(
        lines.contains(&"not yet translated into `nb`: 3 of 5 entities show text in the default language"),
        "{lines:#?}"
    );
    assert!(lines.contains(&"  groups/ 1 of 1: short_name 1, tagline 1 (alpha)"), "{lines:#?}");
    assert!(lines.contains(&"  projects/ 2 of 2: title 2, body 1 (care, sovei)"), "nynorsk lacks both: {lines:#?}");
    assert!(!outcome.stderr.contains("error"), "{}", outcome.stderr);
}

#[test]
fn export_writes_every_language() {
    let out = tempfile::tempdir().expect("a temporary folder");
    let outcome = common::groupsite(&[
        "export",
        "--content",
        fixture("languages").to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert_eq!(outcome.code, Some(0), "{}", outcome.stderr);
    for (file, lang) in [
        ("index.html", "en"),
        ("nb/index.html", "nb"),
        ("nn/projects/care/index.html", "nn"),
        ("nb/people/ada-lovelace/index.html", "nb"),
    ] {
        let html = std::fs::read_to_string(out.path().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{file}");
    }
    for file in ["nb/feed.xml", "nn/events.ics", "nb/people/ada-lovelace.vcf", "sitemap.xml"] {
        assert!(out.path().join(file).is_file(), "{file}");
    }
    assert!(!out.path().join("nb/sitemap.xml").exists(), "one sitemap for every language");
}

/// `check` names each mistake about languages at its place.
#[test]
fn mistakes_about_languages_are_named_where_they_are_written() {
    let cases = [
        ("groups/alpha.md", "nn = \"Alfagruppa\"", "de = \"Alphagruppe\"", "`de` is not one of the site's languages"),
        ("site.toml", "languages = [\"en\", \"nb\", \"nn\"]", "languages = [\"nb\", \"nn\"]", "does not name `en`"),
        ("projects/care.nb.md", "Omsorgsarbeid", "+++\ntitle = \"x\"\n+++\nOmsorgsarbeid", "no `+++` front matter"),
    ];
    for (file, from, to, message) in cases {
        let copy = ContentCopy::of(&fixture("languages"));
        copy.replace(file, from, to);
        let errors = common::errors(copy.root());
        let [error] = errors.as_slice() else { panic!("{file}: expected one error, got {errors:#?}") };
        assert!(error.to_string().contains(message), "{file}: {error}");
        assert_eq!(error.span().map(|s| s.path.clone()).as_deref(), Some(file), "{error:?}");
    }
    let copy = ContentCopy::of(&fixture("languages"));
    copy.write("projects/cure.nb.md", "Kur.\n");
    let errors = common::errors(copy.root());
    assert!(errors.iter().any(|e| e.to_string().contains("translates `cure`")), "{errors:#?}");
    assert!(errors.iter().any(|e| e.hint().unwrap_or_default().contains("did you mean `care`")), "{errors:#?}");
    let copy = ContentCopy::of(&fixture("languages"));
    copy.write("pages/nb.md", "+++\ntitle = \"A page at the address of a language\"\n+++\n");
    let errors = common::errors(copy.root());
    assert!(errors.iter().any(|e| e.span().is_some_and(|s| s.path == "pages/nb.md")), "{errors:#?}");
    let copy = ContentCopy::of(&fixture("languages"));
    copy.write("projects/care.de.md", "Pflege.\n");
    let errors = common::errors(copy.root());
    assert!(errors.iter().any(|e| e.to_string().contains("`de` is not one of the site's languages")), "{errors:#?}");
}
