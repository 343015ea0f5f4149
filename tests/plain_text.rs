//! The pages as tools that ignore CSS read them (text browsers, reader modes, screen readers'
//! landmark lists): every word apart from the next, separators in the text itself, the skip
//! link inside a landmark and each entry named by its heading; and what the layout leaves
//! out (an empty banner, the page's own crumb) or keeps whole (a phone number), and a
//! `<title>` that does not say the same name twice. On the `pages` and `bibtex` fixtures.

mod common;

use common::{ContentCopy, app, fixture, page};
use scraper::{ElementRef, Html, Selector};

/// A CSS selector the tests write themselves.
fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a CSS selector")
}

/// The text of `element` as a text browser reads it: its text nodes joined as they are.
fn raw_text(element: ElementRef<'_>) -> String {
    element.text().collect()
}

/// The raw text of every element matching `css`, whitespace collapsed.
fn texts(html: &Html, css: &str) -> Vec<String> {
    html.select(&selector(css)).map(|e| raw_text(e).split_whitespace().collect::<Vec<_>>().join(" ")).collect()
}

#[tokio::test]
async fn the_skip_link_is_the_first_focusable_element_inside_the_banner() {
    let app = app(&fixture("pages"));
    for path in ["/", "/groups/fjord-studies/", "/projects/tide/", "/people/", "/partners/", "/search/?q=tide"] {
        let html = page(&app, path).await.html();
        let focusable = selector("a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])");
        let first = html.select(&focusable).next().expect("something to focus");
        assert_eq!(first.value().attr("class"), Some("skip-link"), "{path}: the skip link comes first");
        assert_eq!(first.value().attr("href"), Some("#main"), "{path}");
        let in_banner = html.select(&selector("body > header.site-header > a.skip-link")).count();
        assert_eq!(in_banner, 1, "{path}: the skip link is inside the header's banner landmark");
        assert_eq!(html.select(&selector("body > a")).count(), 0, "{path}: no link outside every landmark");
    }
}

#[tokio::test]
async fn every_entry_is_named_by_its_own_heading() {
    for (fixture_name, path) in
        [("pages", "/partners/"), ("pages", "/practices/"), ("pages", "/publications/"), ("bibtex", "/publications/")]
    {
        let app = app(&fixture(fixture_name));
        let html = page(&app, path).await.html();
        let entries: Vec<_> = html.select(&selector("article.entry")).collect();
        assert!(entries.len() > 1, "{fixture_name} {path} lists entries");
        let mut ids = std::collections::BTreeSet::new();
        for id in html.select(&selector("[id]")).filter_map(|e| e.value().attr("id")) {
            assert!(!id.is_empty() && !id.contains(char::is_whitespace), "a valid id: `{id}`");
            assert!(ids.insert(id.to_owned()), "{fixture_name} {path}: the id `{id}` is used once");
        }
        for entry in entries {
            let label = entry.value().attr("aria-labelledby").expect("each entry is labelled");
            let heading = entry.select(&selector("h3")).next().expect("each entry has a heading");
            assert_eq!(heading.value().attr("id"), Some(label), "{fixture_name} {path}: labelled by its heading");
        }
    }
}

#[tokio::test]
async fn a_projects_kind_status_and_period_read_apart() {
    let app = app(&fixture("pages"));
    for path in ["/projects/", "/groups/fjord-studies/"] {
        let html = page(&app, path).await.html();
        let metas = texts(&html, ".project-card .meta");
        assert!(metas.contains(&"Project · Ongoing · 2021–2024".to_owned()), "{path}: {metas:#?}");
        assert!(metas.contains(&"Project · Completed".to_owned()), "{path}: {metas:#?}");
        let text = texts(&html, "main").join(" ");
        assert!(!text.contains("ProjectOngoing") && !text.contains("ProjectCompleted"), "{path}: {text}");
    }
    let stylesheet = std::fs::read_to_string("static/site.css").expect("the stylesheet");
    for rule in ["span + span::before", "li + li::before", "figcaption::before"] {
        assert!(!stylesheet.contains(rule), "no separator drawn by CSS alone (`{rule}`), none doubled");
    }
}

#[tokio::test]
async fn a_byline_is_separated_by_commas_in_the_text() {
    let app = app(&fixture("bibtex"));
    let list = page(&app, "/publications/").await.html();
    assert_eq!(texts(&list, "article#kvello2021 .byline"), ["Øyvind Kvello, Kristin Berre Ørjasæter, María Aróstica"]);
    let publication = page(&app, "/publications/kvello2021/").await.html();
    assert_eq!(texts(&publication, ".byline"), ["Øyvind Kvello, Kristin Berre Ørjasæter, María Aróstica"]);
    let facts = texts(&publication, ".meta");
    assert!(facts.iter().all(|f| !f.is_empty()), "{facts:?}");
}

#[tokio::test]
async fn each_person_s_name_is_apart_from_their_title_places_and_roles() {
    let app = app(&fixture("pages"));
    for path in ["/people/", "/groups/fjord-studies/"] {
        let html = page(&app, path).await.html();
        let cards = texts(&html, ".person-card");
        let kvalheim = cards.iter().find(|c| c.contains("Øystein Kvalheim")).expect("Øystein Kvalheim's card");
        assert!(
            kvalheim.contains("Øystein Kvalheim · Professor · Department of Coastal Science"),
            "{path}: {kvalheim}"
        );
        for card in html.select(&selector(".person-card")) {
            let name = texts_in(card, ".person-name").join(" ");
            let rest = texts_in(card, ".person-title, .person-place, .person-role");
            let text = raw_text(card).split_whitespace().collect::<Vec<_>>().join(" ");
            let expected = std::iter::once(name).chain(rest).collect::<Vec<_>>().join(" · ");
            assert_eq!(text, expected, "{path}: name, title, places and roles apart");
        }
    }
}

/// The text of each element under `element` matching `css`, whitespace collapsed, without
/// the separators only tools without CSS see.
fn texts_in(element: ElementRef<'_>, css: &str) -> Vec<String> {
    let hidden = selector(".visually-hidden");
    element
        .select(&selector(css))
        .map(|e| {
            let separators: String = e.select(&hidden).map(raw_text).collect();
            let text = raw_text(e);
            let text = text.strip_prefix(separators.as_str()).unwrap_or(&text);
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

#[tokio::test]
async fn a_group_without_a_picture_shows_no_banner() {
    let app = app(&fixture("pages"));
    let plain = page(&app, "/groups/fjord-studies/").await;
    assert!(!plain.body.contains("hero"), "no picture, no banner");
    let named_only = page(&app, "/groups/coast-centre/").await;
    assert!(!named_only.body.contains("hero"), "a picture named without a file: no banner either");
    let pictured = page(&common::app(&fixture("bibtex")), "/groups/alpha/").await.html();
    assert_eq!(pictured.select(&selector("figure.hero img")).count(), 1, "a picture is still shown");
}

#[tokio::test]
async fn the_breadcrumb_leaves_out_the_page_it_is_on_and_keeps_each_separator_with_its_crumb() {
    let app = app(&fixture("pages"));
    let child = page(&app, "/projects/measuring-salt-in-marshes/").await;
    let html = child.html();
    let crumbs = texts(&html, ".breadcrumbs li");
    assert_eq!(crumbs, ["Home", "› Projects", "› Salt-marsh research"], "the page's own heading follows");
    for crumb in html.select(&selector(".breadcrumbs li")).skip(1) {
        let children: Vec<_> = crumb.children().filter_map(ElementRef::wrap).collect();
        assert_eq!(children.len(), 2, "a separator and a link");
        assert_eq!(children[0].value().attr("class"), Some("crumb-sep"));
        assert_eq!(raw_text(children[0]), "›\u{a0}", "joined to its crumb by a no-break space");
        assert_eq!(children[1].value().name(), "a");
    }
    let heading = texts(&html, "h1");
    assert!(!crumbs.iter().any(|c| heading.iter().any(|h| c.ends_with(h.as_str()))), "the title is not repeated");
    let list = page(&app, "/people/").await.html();
    assert_eq!(texts(&list, ".breadcrumbs li"), ["Home"]);
}

#[tokio::test]
async fn a_phone_number_in_a_result_is_kept_whole() {
    let app = app(&fixture("pages"));
    let found = page(&app, "/search/?q=71234567").await.html();
    let numbers = texts(&found, ".snippet .number");
    assert!(numbers.contains(&"+47-71234567".to_owned()), "{numbers:?}");
    assert!(numbers.contains(&"+47-91234567".to_owned()), "every hyphened number, not only the match: {numbers:?}");
    let snippet = texts(&found, ".snippet").join(" ");
    assert!(snippet.contains("+47-71234567"), "the text itself is as written: {snippet}");
    assert!(texts(&found, ".snippet mark").contains(&"71234567".to_owned()), "the match is still marked");
}

#[tokio::test]
async fn a_title_does_not_repeat_a_name_the_site_s_name_holds() {
    let copy = ContentCopy::of(&fixture("pages"));
    copy.replace(
        "site.toml",
        "name = \"Fjord Studies · Coast Centre\"",
        "name = \"Fjord Studies Group · Coast Centre\"",
    );
    let app = app(copy.root());
    let group = page(&app, "/groups/fjord-studies/").await;
    assert_eq!(group.texts("title"), ["Fjord Studies Group · Coast Centre"]);
    let other = page(&app, "/groups/coast-centre/").await;
    assert_eq!(
        other.texts("title"),
        ["Coast Centre: Nordic Research Centre for Coastal Life"],
        "a name whose first words are a part of the site's says it once"
    );
    let copy = ContentCopy::of(&fixture("pages"));
    copy.replace("site.toml", "name = \"Fjord Studies · Coast Centre\"", "name = \"Fjord Studies · Coast\"");
    let other = page(&common::app(copy.root()), "/groups/coast-centre/").await;
    assert_eq!(
        other.texts("title"),
        ["Coast Centre: Nordic Research Centre for Coastal Life – Fjord Studies · Coast"],
        "a name only like a part still says both"
    );
    let people = page(&app, "/people/").await;
    assert_eq!(people.texts("title"), ["People – Fjord Studies Group · Coast Centre"]);
}
