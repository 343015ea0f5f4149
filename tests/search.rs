//! `/search/`, through the router: what visitors find with a name half remembered, how results
//! are shown, and how bad queries are answered. On the `pages` fixture (invented people and
//! projects written for these cases) and on copies of the minimal one.

mod common;

use common::{ContentCopy, app, fixture, get, page, request};

/// A search's address, the query percent-encoded as a browser's form would.
fn search_path(query: &str) -> String {
    let mut path = String::from("/search/?q=");
    for byte in query.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => path.push(byte as char),
            b' ' => path.push('+'),
            other => path.push_str(&format!("%{other:02X}")),
        }
    }
    path
}

/// The results of a search as (kind heading, title) pairs, in the order shown.
async fn results(app: &axum::Router, query: &str) -> Vec<(String, String)> {
    let found = page(app, &search_path(query)).await;
    let html = found.html();
    let section = scraper::Selector::parse("main section").expect("selector");
    let heading = scraper::Selector::parse("h2").expect("selector");
    let title = scraper::Selector::parse("li.result h3").expect("selector");
    let collapse = |t: String| t.split_whitespace().collect::<Vec<_>>().join(" ");
    html.select(&section)
        .flat_map(|s| {
            let kind = s.select(&heading).next().map(|h| h.text().collect::<String>()).unwrap_or_default();
            s.select(&title).map(move |t| (kind.clone(), collapse(t.text().collect::<String>()))).collect::<Vec<_>>()
        })
        .collect()
}

/// The title of the first result of `kind`.
async fn first_of(app: &axum::Router, query: &str, kind: &str) -> String {
    let found = results(app, query).await;
    found
        .iter()
        .find(|(k, _)| k == kind)
        .map(|(_, t)| t.clone())
        .unwrap_or_else(|| panic!("no {kind} for `{query}`: {found:?}"))
}

#[tokio::test]
async fn every_page_has_a_labelled_search_form_that_works_without_script() {
    let app = app(&fixture("pages"));
    for path in ["/", "/people/", "/projects/tide/", "/accessibility/", "/no-such-page"] {
        let shown = get(&app, path).await;
        let html = shown.html();
        let form = scraper::Selector::parse("header form[role=search][method=get]").expect("selector");
        let form = html.select(&form).next().unwrap_or_else(|| panic!("{path}: no search form in the header"));
        assert_eq!(form.value().attr("action"), Some("/search/"), "{path}");
        let input = scraper::Selector::parse("input[name=q]").expect("selector");
        let id = form.select(&input).next().and_then(|i| i.value().attr("id")).expect("an input with an id");
        let label = scraper::Selector::parse(&format!("label[for={id}]")).expect("selector");
        assert!(form.select(&label).next().is_some(), "{path}: the search input has a label");
        let button = scraper::Selector::parse("button[type=submit]").expect("selector");
        assert!(form.select(&button).next().is_some(), "{path}: a submit button");
    }
}

#[tokio::test]
async fn a_person_is_found_by_family_name_given_name_email_and_phone_in_any_grouping() {
    let app = app(&fixture("pages"));
    for query in [
        "Kvalheim",
        "Øystein",
        "oystein.kvalheim@example.org",
        "71234567",
        "+47 712 34 567",
        "0047 71 23 45 67",
        "+47-91234567",
    ] {
        assert_eq!(first_of(&app, query, "People").await, "Øystein Kvalheim", "`{query}`");
    }
}

#[tokio::test]
async fn one_typo_still_finds_the_person() {
    let app = app(&fixture("pages"));
    assert_eq!(first_of(&app, "Kvalhem", "People").await, "Øystein Kvalheim");
    assert_eq!(first_of(&app, "Lindenbam", "People").await, "Henrik Lindenbaum");
    assert_eq!(first_of(&app, "Hartman", "People").await, "Eva Hartmann");
}

#[tokio::test]
async fn names_are_found_typed_without_norwegian_letters() {
    let app = app(&fixture("pages"));
    assert_eq!(first_of(&app, "Oystein", "People").await, "Øystein Kvalheim");
    assert_eq!(first_of(&app, "Ronning", "People").await, "Dag-Erik Rønning");
    assert_eq!(first_of(&app, "Ornes", "People").await, "Kari Berg Ørnes");
    // "Aarhus" is how Århus is typed without å; the practice mentions the city.
    let found = page(&app, &search_path("Aarhus")).await;
    assert!(found.texts("mark").iter().any(|m| m == "Århus"), "Århus is marked: {:?}", found.texts("mark"));
}

#[tokio::test]
async fn other_english_word_forms_are_found() {
    let app = app(&fixture("pages"));
    let communities = results(&app, "communities").await;
    assert!(
        communities.iter().any(|(_, t)| t.contains("Community Boat Building")),
        "`communities` finds `community`: {communities:?}"
    );
    let recover = results(&app, "recover").await;
    assert!(
        recover.iter().any(|(_, t)| t.starts_with("Recovery of small coastal fisheries")),
        "`recover` finds `recovery`: {recover:?}"
    );
}

#[tokio::test]
async fn acronyms_and_title_words_find_their_project() {
    let app = app(&fixture("pages"));
    assert_eq!(first_of(&app, "CBB", "Projects").await, "Community Boat Building (CBB)");
    assert!(first_of(&app, "TIDE", "Projects").await.ends_with("(TIDE)"));
    assert!(first_of(&app, "shift work", "Projects").await.ends_with("(TIDE)"));
    assert_eq!(first_of(&app, "CoWell", "Practices").await, "The Coastal Wellbeing (CoWell) network");
    assert_eq!(first_of(&app, "SEALAB", "Partners").await, "University of Bergen – SEALAB");
    assert_eq!(first_of(&app, "salt-marsh", "Projects").await, "Salt-marsh research");
}

#[tokio::test]
async fn a_title_match_ranks_before_a_match_in_the_text() {
    let app = app(&fixture("pages"));
    for query in ["municipality", "research"] {
        let found = page(&app, &search_path(query)).await;
        let html = found.html();
        let projects = scraper::Selector::parse("#results-projects + ol > li h3").expect("selector");
        let mark = scraper::Selector::parse("mark").expect("selector");
        let in_title: Vec<bool> = html.select(&projects).map(|h| h.select(&mark).next().is_some()).collect();
        assert!(in_title.contains(&true) && in_title.contains(&false), "`{query}` has both kinds: {in_title:?}");
        let first_text_only = in_title.iter().position(|t| !t).unwrap_or(in_title.len());
        assert!(in_title[first_text_only..].iter().all(|t| !t), "`{query}`: title matches come first: {in_title:?}");
    }
}

#[tokio::test]
async fn results_are_grouped_by_kind_with_a_count_a_snippet_and_marked_words() {
    let app = app(&fixture("pages"));
    let found = page(&app, &search_path("recovery")).await;
    let headings = found.texts("main h2");
    let kinds = ["People", "Projects", "Groups", "Partners", "Publications", "Practices", "Pages"];
    assert!(headings.iter().all(|h| kinds.contains(&h.as_str())), "{headings:?}");
    assert!(headings.len() >= 3, "several kinds: {headings:?}");
    let mut unique = headings.clone();
    unique.dedup();
    assert_eq!(unique, headings, "each kind once");
    assert_eq!(headings[0], "Projects", "the kind with the best match first");
    let shown = found.texts("li.result").len();
    let count = found.texts("[role=status]").join(" ");
    assert_eq!(count, format!("{shown} results for “recovery”."));
    assert!(found.texts("li.result .snippet").iter().all(|s| !s.is_empty()));
    assert!(found.texts("mark").iter().all(|m| m.to_lowercase().starts_with("recover")), "{:?}", found.texts("mark"));
    assert!(!found.texts(".snippet mark").is_empty(), "snippets show the matched words");
    // Each result links to where the entity is shown.
    let links = found.html();
    let link = scraper::Selector::parse("li.result h3 a").expect("selector");
    let hrefs: Vec<&str> = links.select(&link).filter_map(|a| a.value().attr("href")).collect();
    assert!(hrefs.contains(&"/projects/recovery-of-fisheries/"), "{hrefs:?}");
    assert!(hrefs.iter().any(|h| h.starts_with("/partners/#")), "{hrefs:?}");
}

#[tokio::test]
async fn the_query_is_shown_back_escaped() {
    let app = app(&fixture("pages"));
    let found = page(&app, &search_path("<script>alert(1)</script> Kvalheim")).await;
    assert!(!found.body.contains("<script>alert"), "the query is escaped");
    let html = found.html();
    let input = scraper::Selector::parse("main input[name=q]").expect("selector");
    let value = html.select(&input).next().and_then(|i| i.value().attr("value")).expect("the query in the box");
    assert_eq!(value, "<script>alert(1)</script> Kvalheim");
    let header = scraper::Selector::parse("header input[name=q]").expect("selector");
    assert_eq!(html.select(&header).next().and_then(|i| i.value().attr("value")), Some(value));
}

#[tokio::test]
async fn nothing_found_suggests_the_nearest_names() {
    let app = app(&fixture("pages"));
    let found = page(&app, &search_path("Kvalheimxx")).await;
    assert_eq!(found.texts("[role=status]"), ["Nothing matches “Kvalheimxx”."]);
    let suggestions = found.texts(".empty li a");
    assert!(suggestions.contains(&"Øystein Kvalheim".to_owned()), "{suggestions:?}");
    let html = found.html();
    let link = scraper::Selector::parse(".empty li a").expect("selector");
    let href = html
        .select(&link)
        .find(|a| a.text().collect::<String>() == "Øystein Kvalheim")
        .and_then(|a| a.value().attr("href"));
    let href = href.expect("the suggestion links to a search");
    let followed = page(&app, href).await;
    assert_eq!(followed.texts("li.result h3").first().map(String::as_str), Some("Øystein Kvalheim"));
}

#[tokio::test]
async fn bad_queries_get_a_clear_answer_never_an_error() {
    let app = app(&fixture("pages"));
    let cases: [(&str, u16, &str); 9] = [
        ("/search/", 200, "Type a name"),
        ("/search/?q=", 200, "Type a name"),
        ("/search/?q=+++", 200, "Type a name"),
        ("/search/?q=%21%3F%2C%2E%26", 200, "no letters or digits"),
        ("/search/?q=%22%3A%2A%28", 200, "no letters or digits"),
        ("/search/?q=%FF%FE", 200, "could not be read"),
        ("/search/?q=title%3Akvalheim", 200, "“title:kvalheim”"),
        ("/search/?q=lindenb%2A", 200, "1 result"),
        ("/search/?q=%28CBB", 200, "1 result"),
    ];
    for (path, status, message) in cases {
        let answer = get(&app, path).await;
        assert_eq!(answer.status, status, "{path}");
        let said = answer.texts("[role=status]").join(" ");
        assert!(said.contains(message), "{path}: `{said}`");
    }
    let long = format!("/search/?q={}", "a".repeat(10_000));
    let answer = get(&app, &long).await;
    assert_eq!(answer.status, 400);
    assert!(answer.texts("[role=status]").join(" ").contains("at most 200 characters"), "{}", answer.text());
    assert!(answer.body.len() < 40_000, "the over-long query is not echoed whole");
    let twice = get(&app, "/search/?q=a&q=b").await;
    assert_eq!(twice.status, 400);
}

#[tokio::test]
async fn search_is_not_indexed_not_kept_and_compressed_per_response() {
    let app = app(&fixture("pages"));
    let found = page(&app, &search_path("Kvalheim")).await;
    let html = found.html();
    let robots = scraper::Selector::parse("meta[name=robots]").expect("selector");
    assert_eq!(html.select(&robots).next().and_then(|m| m.value().attr("content")), Some("noindex"));
    assert_eq!(found.header("cache-control"), "private, max-age=60");
    assert_eq!(found.header("vary"), "Accept-Encoding");
    assert!(found.header("content-security-policy").contains("default-src 'self'"));
    let sitemap = get(&app, "/sitemap.xml").await;
    assert!(!sitemap.body.contains("/search/"));
    let (gzipped, bytes) = request(&app, "GET", &search_path("Kvalheim"), &[("accept-encoding", "gzip")]).await;
    assert_eq!(gzipped.header("content-encoding"), "gzip");
    let mut unzipped = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut unzipped).expect("gzip");
    assert_eq!(unzipped, found.body);
    let (head, body) = request(&app, "HEAD", &search_path("Kvalheim"), &[]).await;
    assert_eq!((head.status, body.len()), (200, 0));
}

/// A copy of the minimal fixture with `n` projects that mention "river" in their text, and one
/// with it in the title.
fn river_fixture(n: usize) -> ContentCopy {
    let copy = ContentCopy::of(&fixture("minimal"));
    for i in 0..n {
        copy.write(
            &format!("projects/flow-{i:02}.md"),
            format!("+++\ntitle = \"Flow study {i:02}\"\nkind = \"project\"\ngroups = [\"alpha\"]\n+++\nFieldwork along the river, year {i}.\n"),
        );
    }
    copy.write(
        "projects/rivers.toml",
        "title = \"Rivers and their people\"\nkind = \"project\"\ngroups = [\"beta\"]\n",
    );
    copy
}

#[tokio::test]
async fn many_results_are_paged_twenty_at_a_time() {
    let copy = river_fixture(30);
    let app = app(copy.root());
    let first = page(&app, "/search/?q=river").await;
    assert_eq!(first.texts("[role=status]"), ["31 results for “river”."]);
    assert_eq!(first.texts("li.result").len(), 20);
    assert_eq!(first.texts("li.result h3")[0], "Rivers and their people", "the title match comes first");
    assert!(first.texts("nav.pager").join(" ").contains("Page 1 of 2"));
    let html = first.html();
    let next = scraper::Selector::parse("a[rel=next]").expect("selector");
    let href = html.select(&next).next().and_then(|a| a.value().attr("href")).expect("a link to the next page");
    let second = page(&app, href).await;
    assert_eq!(second.texts("li.result").len(), 11);
    assert!(second.texts("a[rel=prev]").len() == 1 && second.texts("a[rel=next]").is_empty());
    let on_both: Vec<String> =
        second.texts("li.result h3").into_iter().filter(|t| first.texts("li.result h3").contains(t)).collect();
    assert!(on_both.is_empty(), "no result on both pages: {on_both:?}");
    let beyond = page(&app, "/search/?q=river&page=9").await;
    assert!(beyond.texts("[role=status]").join(" ").contains("There is no page 9"));
    for huge in ["18446744073709551615", "4611686018427387905"] {
        let far = page(&app, &format!("/search/?q=river&page={huge}")).await;
        assert!(far.texts("li.result").is_empty(), "page {huge} shows no results");
        assert!(far.texts("[role=status]").join(" ").contains(&format!("There is no page {huge}")));
    }
}

#[tokio::test]
async fn content_markup_in_a_title_is_escaped_in_results() {
    let copy = ContentCopy::of(&fixture("minimal"));
    copy.write(
        "projects/tagged.toml",
        "title = \"<script>alert(1)</script> Tagged river\"\nkind = \"project\"\ngroups = [\"alpha\"]\n",
    );
    let app = app(copy.root());
    let found = page(&app, "/search/?q=tagged").await;
    assert!(!found.body.contains("<script>alert(1)"), "a title is escaped");
    assert_eq!(found.texts("li.result h3"), ["<script>alert(1)</script> Tagged river"]);
    assert_eq!(found.texts("li.result h3 mark"), ["Tagged"]);
}

#[tokio::test]
async fn export_leaves_the_search_form_out() {
    let out = tempfile::tempdir().expect("a folder");
    let content = fixture("minimal");
    let site = common::check(&content).expect("clean");
    groupsite::export::export(site, &content, out.path(), "https://example.org/", common::image_cache())
        .await
        .expect("exported");
    let home = std::fs::read_to_string(out.path().join("index.html")).expect("the home page");
    assert!(home.contains("<header"), "the header is there");
    assert!(!home.contains("role=\"search\""), "but no search form: no server answers it");
    assert!(!out.path().join("search").exists());
}

/// On the `bibtex` fixture: a publication is found by its title, an author, its venue, its year
/// and its DOI; a year is a number, not a word with typos.
#[tokio::test]
async fn a_publication_is_found_by_title_author_venue_year_and_doi() {
    let app = app(&fixture("bibtex"));
    let titles = |found: Vec<(String, String)>| found.into_iter().map(|(_, t)| t).collect::<Vec<_>>();
    let mattering = "Mattering in the Nordic welfare state".to_owned();
    for query in
        ["mattering nordic", "Ørjasæter", "orjasaeter", "Nordic Social Work Research", "10.1000/mattering.2021"]
    {
        assert!(titles(results(&app, query).await).contains(&mattering), "`{query}` finds the article");
    }
    let of_2021 = titles(results(&app, "2021").await);
    assert!(of_2021.contains(&mattering), "{of_2021:?}");
    assert!(!of_2021.contains(&"Relational Welfare".to_owned()), "2020 is not a typo of 2021: {of_2021:?}");
}
