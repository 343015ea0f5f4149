//! Every word a visitor reads comes from content/ or from the interface's catalogue: each page
//! type is drawn in the pseudo-language (every catalogue message marked `⟦…⟧`) over a fixture
//! whose every text is marked `‹…›`, and no letter may be left outside both marks.

mod common;

use common::{check, fixture, get};
use groupsite::model::{EntityKind, Slug};
use groupsite::serve::{AppState, TrustedProxies, router};
use groupsite::{Removal, Urls};

/// Each page type, with the status it must answer with.
const PAGES: &[(&str, u16)] = &[
    ("/", 200),
    ("/groups/alpha/", 200),
    ("/groups/beta/", 200),
    ("/projects/", 200),
    ("/projects/?kind=phd-project", 200),
    ("/projects/?status=completed&group=alpha", 200),
    ("/projects/parent-project/", 200),
    ("/projects/child-project/", 200),
    ("/projects/book-project/", 200),
    ("/people/", 200),
    ("/people/ada-lovelace/", 200),
    ("/people/dina-von-heimburg/", 200),
    ("/people/bo-berg/", 200),
    ("/partners/", 200),
    ("/publications/", 200),
    ("/practices/", 200),
    ("/contact/", 200),
    ("/search/", 200),
    ("/search/?q=project", 200),
    ("/search/?q=zzzqqq", 200),
    ("/search/?q=lovelase", 200),
    ("/search/?q=%21%21", 200),
    ("/no-such-page", 404),
    ("/people/nobody/", 404),
    ("/groups/nobody/", 404),
    ("/projects/?kind=nonsense", 400),
    ("/projects/?group=nobody", 400),
    ("/projects/?status=nonsense", 400),
];

/// The text a visitor meets on a page: text outside `<script>` and `<style>` (the `<title>`
/// included), text alternatives and labels, the values of buttons, and the descriptions
/// search engines and link previews show. `<code>` (file names in the preview's banners) is
/// left out: it names files, in no language.
fn visible_texts(html: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(html);
    let mut flow = String::new();
    let mut attributes = Vec::new();
    for node in document.tree.root().descendants() {
        match node.value() {
            scraper::Node::Text(text) => {
                let hidden = node
                    .ancestors()
                    .filter_map(|a| a.value().as_element())
                    .any(|e| matches!(e.name(), "script" | "style" | "code"));
                if !hidden {
                    flow.push_str(text);
                }
            }
            scraper::Node::Element(element) => {
                for name in ["alt", "title", "aria-label", "placeholder"] {
                    attributes.extend(element.attr(name).map(str::to_owned));
                }
                let button = matches!(element.attr("type"), Some("submit" | "button" | "reset"));
                if element.name() == "input" && button {
                    attributes.extend(element.attr("value").map(str::to_owned));
                }
                let described = element.attr("name") == Some("description")
                    || matches!(element.attr("property"), Some("og:title" | "og:description" | "og:site_name"));
                if element.name() == "meta" && described {
                    attributes.extend(element.attr("content").map(str::to_owned));
                }
            }
            _ => {}
        }
    }
    std::iter::once(flow).chain(attributes).collect()
}

/// `text` without its marked spans, which may nest and run across elements; `None` when a
/// mark is not closed.
fn unmarked(text: &str) -> Option<String> {
    let (mut content, mut words, mut out) = (0usize, 0usize, String::new());
    for c in text.chars() {
        match c {
            '‹' => content += 1,
            // A message that is itself the glyph (the breadcrumb's `⟦›⟧`) closes no content.
            '›' if words > 0 && content == 0 => {}
            '›' => content = content.checked_sub(1)?,
            '⟦' => words += 1,
            '⟧' => words = words.checked_sub(1)?,
            c if content == 0 && words == 0 => out.push(c),
            _ => {}
        }
    }
    (content == 0 && words == 0).then_some(out)
}

/// The lines of `html`'s visible text that hold a letter outside every mark.
fn unmarked_words(html: &str) -> Vec<String> {
    visible_texts(html)
        .iter()
        .flat_map(|text| match unmarked(text) {
            None => vec![format!("a mark is not closed in: {text}")],
            Some(rest) => rest
                .lines()
                .map(str::trim)
                .filter(|line| line.chars().any(char::is_alphabetic))
                .map(str::to_owned)
                .collect(),
        })
        .collect()
}

fn state(preview: bool) -> AppState {
    let dir = fixture("pseudo");
    let site = check(&dir).unwrap_or_else(|report| panic!("the fixture must check clean:\n{report}"));
    let urls = Urls::new(common::BASE_URL).expect("a base URL");
    let proxies = TrustedProxies::default();
    if preview { AppState::preview(site, dir, urls, proxies) } else { AppState::new(site, dir, urls, proxies) }
}

#[test]
fn a_word_left_out_of_the_catalogue_is_found() {
    let page = "<html><head><title>⟦‹Ada› – ‹Site›⟧</title></head><body><p>⟦Try ⟧<a>⟦People⟧</a>.</p>\
                <img alt=\"Portrait\">\n<p>‹About <em>Alpha</em>.›</p>\n<p>Links</p><script>var x;</script></body></html>";
    assert_eq!(unmarked_words(page), ["Links", "Portrait"]);
}

#[tokio::test]
async fn every_page_type_shows_no_word_outside_content_and_catalogue() {
    let app = router(state(false));
    let mut failures = Vec::new();
    for (path, status) in PAGES {
        let page = get(&app, path).await;
        assert_eq!(page.status, *status, "GET {path}");
        assert!(page.body.contains("<html lang=\"qps-ploc\">"), "GET {path} is drawn in the pseudo-language");
        failures.extend(unmarked_words(&page.body).into_iter().map(|text| format!("{path}: {text}")));
    }
    assert!(failures.is_empty(), "words outside content and the catalogue:\n{}", failures.join("\n"));
}

#[tokio::test]
async fn a_search_too_long_and_the_search_unreadable_are_in_the_catalogue() {
    let app = router(state(false));
    let long = format!("/search/?q={}", "a".repeat(300));
    for (path, status) in [(long.as_str(), 400), ("/search/?q=%FF%FE", 200), ("/search/?q=a&q=b", 400)] {
        let page = get(&app, path).await;
        assert_eq!(page.status, status, "GET {path}");
        assert_eq!(unmarked_words(&page.body), Vec::<String>::new(), "GET {path}");
    }
}

#[tokio::test]
async fn the_preview_banners_show_no_word_outside_content_and_catalogue() {
    let state = state(true);
    let app = router(state.clone());
    state.show_mistakes(vec!["‹people/ada-lovelace.md:1:1: unknown group `alpah`›".to_owned()]);
    let page = get(&app, "/").await;
    assert!(page.body.contains("content-mistakes"), "the banner of mistakes is shown");
    assert_eq!(unmarked_words(&page.body), Vec::<String>::new(), "the banner of mistakes");

    state.show_warnings(vec!["‹publications/works.bib:5:10: warning: `www` is not a web address›".to_owned()]);
    let page = get(&app, "/").await;
    assert!(page.body.contains("content-warnings"), "the banner of warnings is shown");
    assert_eq!(unmarked_words(&page.body), Vec::<String>::new(), "the banner of warnings");

    let gone =
        (0..22).map(|n| (Slug::parse(&format!("person-{n}")).expect("a slug"), format!("‹Person {n}›"))).collect();
    let projects = vec![(Slug::parse("parent-project").expect("a slug"), "‹Parent project›".to_owned())];
    state.hold_back(vec![
        Removal { kind: EntityKind::Person, had: 30, gone },
        Removal { kind: EntityKind::Project, had: 3, gone: projects },
    ]);
    let page = get(&app, "/").await;
    assert!(page.body.contains("content-held"), "the banner of a change held back is shown");
    assert_eq!(unmarked_words(&page.body), Vec::<String>::new(), "the banner of a change held back");
}
