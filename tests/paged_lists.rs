//! Long lists are paged: `/people/`, `/projects/`, `/partners/` (and `/practices/`) show a
//! page at a time, each later page at an address of its own (`/people/page/2/`) that is
//! canonical, linked with `rel=prev/next`, in the sitemap and written by `export`; a role's
//! section goes on across the pages; a filtered list of projects pages with `?page=`; a partner
//! further down its list is linked on the page it stands on. Short lists, as the shipped
//! content's, stay on one page with no pager.
//!
//! On a copy of the `minimal` fixture with people, partners and projects generated into it,
//! enough for three pages of people, two of partners and two of projects.

mod common;

use std::collections::HashMap;

use common::{ContentCopy, app, fixture, get, page};

/// Members generated into the `alpha` group, besides Ada Lovelace: with Dina von Heimburg
/// (an external member) and Ada again on the advisory board, 233 cards, three pages of 100.
const PEOPLE: usize = 230;
/// Partners generated into `alpha`'s list, besides Acme: 61 partners, two pages of 50.
const PARTNERS: usize = 60;
/// Completed projects generated into `alpha`, besides the fixture's two: 112, two pages of 100.
const PROJECTS: usize = 110;

fn many() -> ContentCopy {
    let copy = ContentCopy::of(&fixture("minimal"));
    for n in 0..PEOPLE {
        copy.write(
            &format!("people/person-{n:03}.toml"),
            format!("name = \"Gen Person{n:03}\"\nmemberships = [{{ group = \"alpha\", role = \"member\" }}]\n"),
        );
    }
    for n in 0..PARTNERS {
        copy.write(
            &format!("partners/partner-{n:02}.toml"),
            format!("name = \"Partner {n:02}\"\ngroups = [\"alpha\"]\n"),
        );
    }
    for n in 0..PROJECTS {
        copy.write(
            &format!("projects/project-{n:03}.toml"),
            format!(
                "title = \"Project {n:03}\"\nkind = \"project\"\nstatus = \"completed\"\ngroups = [\"alpha\"]\ncoordinator = \"partner-{:02}\"\n",
                PARTNERS - 1
            ),
        );
    }
    copy
}

/// The first `attr` of `selector` in `page`.
fn attr(page: &common::Page, selector: &str, attr: &str) -> Option<String> {
    let selector = scraper::Selector::parse(selector).unwrap();
    page.html().select(&selector).next().and_then(|e| e.attr(attr)).map(str::to_owned)
}

/// Every `attr` of `selector` in `page`, in order.
fn attrs(page: &common::Page, selector: &str, attr: &str) -> Vec<String> {
    let selector = scraper::Selector::parse(selector).unwrap();
    page.html().select(&selector).filter_map(|e| e.attr(attr)).map(str::to_owned).collect()
}

fn absolute(path: &str) -> String {
    format!("{}{}", common::BASE_URL.trim_end_matches('/'), path)
}

#[tokio::test]
async fn the_people_are_paged_each_once_in_their_section_and_linked_by_rel_next_and_prev() {
    let copy = many();
    let app = app(copy.root());
    let first = page(&app, "/people/").await;
    assert_eq!(attr(&first, "link[rel=next]", "href"), Some(absolute("/people/page/2/")));
    assert_eq!(attr(&first, "link[rel=prev]", "href"), None);
    assert_eq!(attr(&first, "link[rel=canonical]", "href"), Some(absolute("/people/")));
    assert_eq!(attr(&first, ".pager a[rel=next]", "href").as_deref(), Some("/people/page/2/"));
    assert_eq!(first.texts(".pager span"), ["Page 1 of 3"]);

    let second = page(&app, "/people/page/2/").await;
    assert_eq!(attr(&second, "link[rel=prev]", "href"), Some(absolute("/people/")));
    assert_eq!(attr(&second, "link[rel=next]", "href"), Some(absolute("/people/page/3/")));
    assert_eq!(attr(&second, "link[rel=canonical]", "href"), Some(absolute("/people/page/2/")));
    assert_eq!(second.texts("h1"), ["People, page 2"]);
    assert_eq!(second.texts("main h2"), ["Members (continued)"], "the members go on from page 1");

    let third = page(&app, "/people/page/3/").await;
    assert_eq!(attr(&third, "link[rel=next]", "href"), None, "the last page has no next");
    assert!(third.texts(".pager a[rel=next]").is_empty());
    assert_eq!(attr(&third, ".pager a[rel=prev]", "href").as_deref(), Some("/people/page/2/"));
    assert_eq!(third.texts("main h2"), ["Members (continued)", "External members", "Advisory board"]);
    assert_eq!(attrs(&third, "section[aria-labelledby=members]", "aria-labelledby").len(), 1);

    // Every person is on exactly one page of each section they are in.
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for list in [&first, &second, &third] {
        for section in attrs(list, "main section", "aria-labelledby") {
            let cards = attrs(list, &format!("section[aria-labelledby={section}] .person-name"), "href");
            assert!(cards.len() <= 100, "{section}: {} cards", cards.len());
            for href in cards {
                *seen.entry((section.clone(), href)).or_default() += 1;
            }
        }
    }
    assert!(seen.values().all(|n| *n == 1), "a card on two pages: {seen:?}");
    let members = seen.keys().filter(|(section, _)| section == "members").count();
    assert_eq!(members, PEOPLE + 1, "every member is listed");
    for n in [0, 99, 150, PEOPLE - 1] {
        assert!(seen.contains_key(&("members".to_owned(), format!("/people/person-{n:03}/"))), "person-{n:03}");
    }
    assert!(seen.contains_key(&("external-members".to_owned(), "/people/dina-von-heimburg/".to_owned())));
    assert!(seen.contains_key(&("advisory-board".to_owned(), "/people/ada-lovelace/".to_owned())));

    assert_eq!(get(&app, "/people/page/99/").await.status, 404, "past the last page");
    assert_eq!(get(&app, "/people/page/0/").await.status, 404);
    assert_eq!(get(&app, "/people/page/02/").await.status, 404, "one address per page");
    let one = get(&app, "/people/page/1/").await;
    assert_eq!((one.status, one.header("location")), (308, "/people/"), "page 1 is the list itself");
    assert_eq!(page(&app, "/people/person-150/").await.status, 200, "a person's page is not a list page");
}

#[tokio::test]
async fn a_partner_on_a_later_page_is_linked_there_and_its_section_goes_on() {
    let copy = many();
    let app = app(copy.root());
    let last = format!("partner-{:02}", PARTNERS - 1);
    let project = page(&app, "/projects/project-000/").await;
    let links = attrs(&project, "main a", "href");
    assert!(links.contains(&format!("/partners/page/2/#{last}")), "{links:?}");
    let group = page(&app, "/groups/alpha/").await;
    let links = attrs(&group, "main a", "href");
    assert!(links.contains(&format!("/partners/page/2/#{last}")), "{links:?}");
    assert!(links.contains(&"/partners/#acme".to_owned()), "the first page's partners at the list: {links:?}");

    let second = page(&app, "/partners/page/2/").await;
    assert!(second.body.contains(&format!("id=\"{last}\"")), "the entry is where the link goes");
    assert_eq!(second.texts("main h2").first().map(String::as_str), Some("Partners (continued)"));
    assert_eq!(attr(&second, "link[rel=prev]", "href"), Some(absolute("/partners/")));
    let first = page(&app, "/partners/").await;
    assert!(!first.body.contains(&format!("id=\"{last}\"")));
    assert_eq!(attr(&first, "link[rel=next]", "href"), Some(absolute("/partners/page/2/")));
    assert_eq!(get(&app, "/partners/page/3/").await.status, 404);
}

#[tokio::test]
async fn a_filtered_list_of_projects_pages_with_its_query() {
    let copy = many();
    let app = app(copy.root());
    let first = page(&app, "/projects/").await;
    assert_eq!(first.texts(".project-card").len(), 100);
    assert_eq!(attr(&first, "link[rel=next]", "href"), Some(absolute("/projects/page/2/")));
    let second = page(&app, "/projects/page/2/").await;
    assert_eq!(second.texts(".project-card").len(), PROJECTS + 2 - 100);
    assert_eq!(attr(&second, "link[rel=canonical]", "href"), Some(absolute("/projects/page/2/")));
    let query = get(&app, "/projects/?page=2").await;
    assert_eq!((query.status, query.header("location")), (308, "/projects/page/2/"));

    let alpha = page(&app, "/projects/?group=alpha").await;
    let next = attr(&alpha, ".pager a[rel=next]", "href").unwrap_or_default();
    assert_eq!(next, "/projects/?group=alpha&page=2");
    assert_eq!(attr(&alpha, "link[rel=next]", "href"), None, "a filtered list's canonical is the list");
    let alpha2 = page(&app, &next).await;
    assert_eq!(alpha2.texts(".project-card").len(), PROJECTS + 1 - 100, "the child project is beta's only");
    assert_eq!(attr(&alpha2, ".pager a[rel=prev]", "href").as_deref(), Some("/projects/?group=alpha"));
    let selected = attrs(&alpha2, "select[name=group] option[selected]", "value");
    assert_eq!(selected, ["alpha"], "the form keeps the filter on a later page");
    assert_eq!(get(&app, "/projects/?group=alpha&page=3").await.status, 404);
    assert_eq!(get(&app, "/projects/?group=alpha&page=two").await.status, 400);
    let beta = page(&app, "/projects/?group=beta").await;
    assert!(beta.texts(".pager").is_empty(), "a short filtered list has one page");
}

#[tokio::test]
async fn a_group_page_shows_a_page_of_its_people_and_projects_and_links_to_all_of_them() {
    let copy = many();
    let app = app(copy.root());
    let group = page(&app, "/groups/alpha/").await;
    let people = group.html().select(&scraper::Selector::parse("#people .person-card").unwrap()).count();
    assert_eq!(people, 100, "a page of /people/ holds 100 cards");
    assert_eq!(group.texts("#projects .project-card").len(), 100, "a page of /projects/ holds 100 cards");
    let more = attrs(&group, "p.more a", "href");
    assert!(more.contains(&"/people/?group=alpha".to_owned()), "{more:?}");
    assert!(more.contains(&"/projects/?group=alpha".to_owned()), "{more:?}");
    let text = group.text();
    // Ada, the generated members and Dina; Ada's advisory board is beta's.
    assert!(text.contains(&format!("All {} people of Alpha Group", PEOPLE + 2)), "{text}");
    assert!(text.contains(&format!("All {} projects of Alpha Group", PROJECTS + 1)), "{text}");

    let alpha = page(&app, "/people/?group=alpha").await;
    assert_eq!(alpha.texts(".person-card").len(), 100);
    assert_eq!(attrs(&alpha, "select[name=group] option[selected]", "value"), ["alpha"]);
    assert_eq!(alpha.texts(".filters button"), ["Show people"], "the form's button names the list it narrows");
    assert_eq!(attr(&alpha, "link[rel=canonical]", "href"), Some(absolute("/people/")));
    let next = attr(&alpha, ".pager a[rel=next]", "href").unwrap_or_default();
    assert_eq!(next, "/people/?group=alpha&page=2");
    let third = page(&app, "/people/?group=alpha&page=3").await;
    assert_eq!(third.texts(".person-card").len(), PEOPLE + 2 - 200, "Ada, the members and Dina, 100 a page");
    assert_eq!(attr(&third, ".pager a[rel=next]", "href"), None);
    assert!(third.text().contains("(continued)"), "the members' section goes on");
    let beta = page(&app, "/people/?group=beta").await;
    assert!(beta.texts(".pager").is_empty(), "beta's people fit on one page");
    assert!(!beta.body.contains("Gen Person"), "only beta's people");
    assert_eq!(get(&app, "/people/?group=alpha&page=4").await.status, 404);
    let unknown = get(&app, "/people/?group=nope").await;
    assert_eq!(unknown.status, 400);
    assert!(unknown.body.contains("There is no group “nope” to filter people by."), "{}", unknown.body);
    let everyone = get(&app, "/people/?page=2").await;
    assert_eq!((everyone.status, everyone.header("location")), (308, "/people/page/2/"));
}

#[tokio::test]
async fn a_short_group_page_shows_everyone_without_a_link_to_more() {
    for content in [common::shipped_content(), fixture("minimal")] {
        let app = app(&content);
        for file in std::fs::read_dir(content.join("groups")).unwrap() {
            let file = file.unwrap().path();
            let href = format!("/groups/{}/", file.file_stem().unwrap().to_string_lossy());
            let group = page(&app, &href).await;
            assert!(!group.texts("#people .person-card").is_empty(), "{href} shows its people");
            let more = attrs(&group, "p.more a", "href");
            assert!(!more.iter().any(|m| m.starts_with("/people/") || m.starts_with("/projects/")), "{href}: {more:?}");
        }
    }
}

#[tokio::test]
async fn the_sitemap_lists_the_later_pages_and_export_writes_them() {
    let copy = many();
    let app = app(copy.root());
    let sitemap = get(&app, "/sitemap.xml").await;
    for later in ["/people/page/2/", "/people/page/3/", "/partners/page/2/", "/projects/page/2/"] {
        assert!(sitemap.body.contains(&format!("<loc>{}</loc>", absolute(later))), "{later} in {}", sitemap.body);
    }
    assert!(!sitemap.body.contains("/people/page/4/"));
    assert!(!sitemap.body.contains("/practices/page/"), "one practice needs one page");

    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    common::export(copy.root(), &target, common::BASE_URL);
    for later in ["people/page/2", "people/page/3", "partners/page/2", "projects/page/2"] {
        let written = std::fs::read_to_string(target.join(later).join("index.html"))
            .unwrap_or_else(|e| panic!("{later} is a file: {e}"));
        let canonical = format!("<link rel=\"canonical\" href=\"{}/\">", absolute(&format!("/{later}")));
        assert!(written.contains(&canonical), "{later}");
    }
    assert!(!target.join("people/page/4").exists());
}

#[tokio::test]
async fn short_lists_stay_on_one_page_without_a_pager() {
    for content in [common::shipped_content(), fixture("minimal")] {
        let app = app(&content);
        for list in ["/people/", "/projects/", "/partners/", "/practices/"] {
            let shown = page(&app, list).await;
            assert!(shown.texts(".pager").is_empty(), "{list} of {}", content.display());
            assert_eq!(attr(&shown, "link[rel=next]", "href"), None, "{list}");
            assert!(!shown.text().contains("(continued)"), "{list}");
        }
        let sitemap = get(&app, "/sitemap.xml").await;
        assert!(!sitemap.body.contains("/page/"), "{}", content.display());
    }
}

#[test]
fn no_person_or_project_can_take_the_address_of_a_page_of_their_list() {
    let copy = ContentCopy::of(&fixture("minimal"));
    copy.write("people/page.toml", "name = \"Page Person\"\n");
    copy.write("projects/page.toml", "title = \"Page\"\nkind = \"project\"\ngroups = [\"alpha\"]\n");
    let reserved = copy
        .errors()
        .into_iter()
        .filter(|e| matches!(e, groupsite::ContentError::ReservedSlug { slug, .. } if slug == "page"))
        .count();
    assert_eq!(reserved, 2);
}
