//! `/publications/` as a visitor uses it: by year, newest first, the undated last; narrowed by
//! year, kind, group and person; counted; paged at addresses of their own when long, in the
//! sitemap and the export; and a group's page with its latest publications and a link to all.
//! On the `bibtex` fixture (years 2017 to 2024, one undated journal), and a copy of it with
//! enough entries generated into its BibTeX file to need a second page.

mod common;

use common::{ContentCopy, app, fixture, get, page};

/// The ids of the entries a list page shows, in order.
fn entry_ids(page: &common::Page) -> Vec<String> {
    let selector = scraper::Selector::parse("main article.entry").unwrap();
    page.html().select(&selector).filter_map(|a| a.attr("id").map(str::to_owned)).collect()
}

/// The first `attr` of `selector` in `page`.
fn attr(page: &common::Page, selector: &str, attr: &str) -> Option<String> {
    let selector = scraper::Selector::parse(selector).unwrap();
    page.html().select(&selector).next().and_then(|e| e.attr(attr)).map(str::to_owned)
}

/// The values a filter's `<select>` offers, "Any" (empty) first.
fn options(page: &common::Page, name: &str) -> Vec<String> {
    let selector = scraper::Selector::parse(&format!("select[name={name}] option")).unwrap();
    page.html().select(&selector).filter_map(|o| o.attr("value").map(str::to_owned)).collect()
}

/// Extra entries in the `alpha` group's BibTeX file, enough with the fixture's ten entries for
/// a second page of the list: `gen01` … `gen51`, one a year from 1950, by Ada Lovelace.
const GENERATED: usize = 51;

fn app_of(copy: &ContentCopy) -> axum::Router {
    app(copy.root())
}

fn many_publications() -> ContentCopy {
    let copy = ContentCopy::of(&fixture("bibtex"));
    let path = copy.path("publications/alpha.bib");
    let mut bib = std::fs::read_to_string(&path).unwrap();
    for n in 1..=GENERATED {
        bib.push_str(&format!(
            "\n@article{{gen{n:02},\n  author = {{Ada Lovelace}},\n  title = {{Generated article {n:02}}},\n  journal = {{Journal of Tests}},\n  year = {{{}}},\n}}\n",
            1950 + n
        ));
    }
    std::fs::write(&path, bib).unwrap();
    copy
}

#[tokio::test]
async fn years_newest_first_the_undated_last_each_entry_with_its_kind() {
    let app = app(&fixture("bibtex"));
    let list = page(&app, "/publications/").await;
    assert_eq!(
        list.texts("main h2"),
        ["2024", "2023", "2022", "2021", "2020", "2019", "2018", "2017", "Year not given"]
    );
    assert_eq!(list.texts("section[aria-labelledby=year_none] .entry h3"), ["Beta Journal"]);
    assert_eq!(
        list.texts("section[aria-labelledby=year_2019] .entry h3"),
        ["A Chapter of the Edited Volume", "Edited Volume"],
        "within a year, by title"
    );
    assert!(list.texts("#beta-journal .meta").join(" ").contains("Journal"), "the undated keep their kind");
    assert_eq!(list.texts(".count"), ["11 publications"]);
    assert!(list.texts(".pager").is_empty(), "one page needs no pager");
    assert_eq!(attr(&list, "link[rel=next]", "href"), None);
    assert_eq!(attr(&list, "link[rel=canonical]", "href").as_deref(), Some("https://groups.example.org/publications/"));
}

#[tokio::test]
async fn each_filter_narrows_the_list_and_counts_what_it_shows() {
    let app = app(&fixture("bibtex"));
    let all = page(&app, "/publications/").await;
    assert_eq!(options(&all, "year"), ["", "2024", "2023", "2022", "2021", "2020", "2019", "2018", "2017"]);
    assert_eq!(options(&all, "group"), ["", "alpha", "beta"]);
    assert!(options(&all, "kind").contains(&"thesis".to_owned()));
    let without_thesis = ContentCopy::of(&fixture("bibtex"));
    without_thesis.replace("publications/alpha.bib", "@phdthesis{thesis2018", "@techreport{thesis2018");
    let kinds = options(&page(&app_of(&without_thesis), "/publications/").await, "kind");
    assert!(!kinds.contains(&"thesis".to_owned()), "only kinds that have publications: {kinds:?}");
    assert!(options(&all, "person").contains(&"ada-lovelace".to_owned()));

    let by_year = page(&app, "/publications/?year=2019").await;
    assert_eq!(entry_ids(&by_year), ["inherited2019", "edited2019"]);
    assert_eq!(by_year.texts(".count"), ["2 of 11 publications"]);
    assert_eq!(attr(&by_year, "select[name=year] option[selected]", "value").as_deref(), Some("2019"));
    assert_eq!(by_year.texts("a.clear"), ["Clear filters"]);

    let by_kind = page(&app, "/publications/?kind=chapter").await;
    assert_eq!(entry_ids(&by_kind), ["chapter2022", "inherited2019"]);

    let by_group = entry_ids(&page(&app, "/publications/?group=beta").await);
    for id in ["kvello2021", "edited2019", "beta-journal"] {
        assert!(by_group.contains(&id.to_owned()), "{id} is beta's: {by_group:?}");
    }
    assert!(!by_group.contains(&"paper2023".to_owned()), "alpha's alone is not: {by_group:?}");

    let by_person = entry_ids(&page(&app, "/publications/?person=ada-lovelace").await);
    for id in ["heimburg2024", "chapter2022", "beta-journal"] {
        assert!(by_person.contains(&id.to_owned()), "{id}: an author (by initials too) or an editor: {by_person:?}");
    }
    assert!(!by_person.contains(&"paper2023".to_owned()), "{by_person:?}");

    let both = page(&app, "/publications/?year=2024&person=ada-lovelace").await;
    assert_eq!(entry_ids(&both), ["heimburg2024"]);
    let none = page(&app, "/publications/?year=1999").await;
    assert!(entry_ids(&none).is_empty());
    assert_eq!(none.texts(".empty p"), ["No publications match these filters.", "Show all publications"]);

    for bad in ["year=nineteen", "kind=poem", "group=nobody", "person=nobody", "page=two", "page=0"] {
        let refused = get(&app, &format!("/publications/?{bad}")).await;
        assert_eq!(refused.status, 400, "{bad}");
        assert!(refused.text().contains("There is no"), "{bad}: {}", refused.text());
    }
}

#[tokio::test]
async fn a_long_list_has_pages_with_their_own_addresses_canonical_and_rel_links() {
    let copy = many_publications();
    let app = app(copy.root());
    let first = page(&app, "/publications/").await;
    assert_eq!(entry_ids(&first).len(), 50);
    assert_eq!(first.texts(".count"), ["62 publications"]);
    assert_eq!(first.texts(".pager span"), ["Page 1 of 2"]);
    assert_eq!(attr(&first, ".pager a[rel=next]", "href").as_deref(), Some("/publications/page/2/"));
    assert_eq!(first.texts(".pager a[rel=next]"), ["Next page"]);
    assert_eq!(
        attr(&first, "link[rel=next]", "href").as_deref(),
        Some("https://groups.example.org/publications/page/2/")
    );
    assert_eq!(attr(&first, "link[rel=prev]", "href"), None);

    let second = page(&app, "/publications/page/2/").await;
    let ids = entry_ids(&second);
    assert_eq!(ids.len(), 12);
    assert_eq!(ids.last().map(String::as_str), Some("beta-journal"), "the undated close the last page");
    assert!(ids.iter().all(|id| !entry_ids(&first).contains(id)), "no entry on both pages");
    assert_eq!(second.texts("h2").last().map(String::as_str), Some("Year not given"));
    assert_eq!(
        attr(&second, "link[rel=canonical]", "href").as_deref(),
        Some("https://groups.example.org/publications/page/2/")
    );
    assert_eq!(attr(&second, "link[rel=prev]", "href").as_deref(), Some("https://groups.example.org/publications/"));
    assert_eq!(attr(&second, "link[rel=next]", "href"), None);
    assert_eq!(second.texts(".pager a[rel=prev]"), ["Previous page"]);
    assert_ne!(first.texts("title"), second.texts("title"), "each page has a title of its own");
    assert_eq!(second.texts("h1"), ["Publications, page 2"]);

    assert_eq!(get(&app, "/publications/page/3/").await.status, 404, "past the last page");
    assert_eq!(get(&app, "/publications/page/02/").await.status, 404, "one address per page");
    assert_eq!(get(&app, "/publications/page/two/").await.status, 404);
    let one = get(&app, "/publications/page/1/").await;
    assert_eq!((one.status, one.header("location")), (308, "/publications/"), "page 1 is the list itself");
    let query = get(&app, "/publications/?page=2").await;
    assert_eq!((query.status, query.header("location")), (308, "/publications/page/2/"));

    // A filtered list pages with `?page=`, keeping its filters.
    let own = entry_ids(&page(&common::app(&fixture("bibtex")), "/publications/?person=ada-lovelace").await).len();
    let mine = page(&app, "/publications/?person=ada-lovelace").await;
    assert_eq!(mine.texts(".count"), [format!("{} of 62 publications", GENERATED + own)]);
    let next = attr(&mine, ".pager a[rel=next]", "href").unwrap_or_default();
    assert_eq!(next, "/publications/?person=ada-lovelace&page=2");
    assert_eq!(attr(&mine, "link[rel=next]", "href"), None, "a filtered list's canonical is the list");
    let mine2 = page(&app, &next).await;
    assert_eq!(entry_ids(&mine2).len(), GENERATED + own - 50);
    assert_eq!(attr(&mine2, ".pager a[rel=prev]", "href").as_deref(), Some("/publications/?person=ada-lovelace"));
    assert_eq!(get(&app, "/publications/?person=ada-lovelace&page=3").await.status, 404);
}

#[tokio::test]
async fn the_sitemap_lists_the_later_pages_and_export_writes_them() {
    let copy = many_publications();
    let app = app(copy.root());
    let sitemap = get(&app, "/sitemap.xml").await;
    assert!(sitemap.body.contains("<loc>https://groups.example.org/publications/page/2/</loc>"), "{}", sitemap.body);
    assert!(!sitemap.body.contains("/publications/page/3/<"));
    let short = get(&common::app(&fixture("bibtex")), "/sitemap.xml").await;
    assert!(!short.body.contains("/publications/page/"), "a list of one page has no later pages");

    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    common::export(copy.root(), &target, common::BASE_URL);
    let second = std::fs::read_to_string(target.join("publications/page/2/index.html")).expect("page 2 is a file");
    assert!(second.contains("<link rel=\"canonical\" href=\"https://groups.example.org/publications/page/2/\">"));
    assert!(!target.join("publications/page/3").exists());
}

#[test]
fn no_publication_can_take_the_address_of_a_page_of_the_list() {
    let copy = ContentCopy::of(&fixture("bibtex"));
    let path = copy.path("publications/alpha.bib");
    let bib = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{bib}\n@article{{page,\n  title = {{Taken}},\n  year = {{2020}},\n}}\n")).unwrap();
    copy.write("publications/page.toml", "title = \"Also taken\"\nkind = \"report\"\ngroups = [\"alpha\"]\n");
    let errors = copy.errors();
    let reserved: Vec<String> = errors
        .iter()
        .filter(|e| matches!(e, groupsite::ContentError::ReservedSlug { slug, .. } if slug == "page"))
        .map(ToString::to_string)
        .collect();
    assert_eq!(reserved.len(), 2, "the BibTeX key and the file: {errors:?}");
    let check = copy.run_check();
    let lines = check.stdout + &check.stderr;
    assert_eq!(lines.matches("`page` is an address the site itself uses").count(), 2, "{lines}");
    let key_line = bib.lines().count() + 2;
    assert!(lines.contains(&format!("publications/alpha.bib:{key_line}:10")), "named at its key: {lines}");
    assert!(lines.contains("publications/page.toml:1:1"), "{lines}");
}

#[tokio::test]
async fn a_group_page_shows_its_latest_publications_and_links_to_all() {
    let app = app(&fixture("bibtex"));
    let alpha = page(&app, "/groups/alpha/").await;
    let latest = alpha.texts("#publications .listed li");
    assert_eq!(latest.len(), 5, "{latest:?}");
    let titles = ["Written by Members", "A Conference Paper", "A Chapter", "Mattering and Welfare"];
    for (shown, title) in latest.iter().zip(titles) {
        assert!(shown.contains(title), "newest first: `{title}` in {latest:?}");
    }
    assert!(latest[0].contains("Article") && latest[0].contains("2024"), "{latest:?}");
    assert_eq!(alpha.texts("#publications .more a"), ["All publications of Alpha Group"]);
    assert_eq!(attr(&alpha, "#publications .more a", "href").as_deref(), Some("/publications/?group=alpha"));
    let all = page(&app, "/publications/?group=alpha").await;
    assert!(entry_ids(&all).len() > 5, "the link leads to all of them");
}

#[tokio::test]
async fn the_shipped_list_keeps_its_special_issues_and_edited_books_and_offers_only_filters_with_a_choice() {
    let app = app(&common::shipped_content());
    let list = page(&app, "/publications/").await;
    assert_eq!(list.texts("main h2").last().map(String::as_str), Some("Year not given"));
    assert_eq!(list.texts(".count"), ["8 publications"], "six files and two edited-book projects");
    let metas = list.texts("main .entry .meta");
    assert_eq!(metas.iter().filter(|m| m.starts_with("Special issue")).count(), 4, "{metas:?}");
    assert_eq!(metas.iter().filter(|m| m.starts_with("Edited book")).count(), 2, "{metas:?}");
    assert!(
        options(&list, "person").is_empty(),
        "no publication names a person: no person filter: {:?}",
        options(&list, "person")
    );
    assert!(options(&list, "group").len() > 1);
}
