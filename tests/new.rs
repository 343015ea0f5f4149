//! `groupsite new`: a new file named after its title, documented, never overwriting.

mod common;

use common::{ContentCopy, fixture, groupsite};

fn new(copy: &ContentCopy, kind: &str, title: &str) -> common::Outcome {
    groupsite(&["new", kind, title, "--content", copy.root().to_str().unwrap()])
}

#[test]
fn the_file_is_named_from_the_title_with_norwegian_letters_transliterated() {
    let copy = ContentCopy::of(&fixture("minimal"));
    let outcome = new(&copy, "person", "Åse Ørnæs-Bø");
    assert_eq!(outcome.code, Some(0), "{}", outcome.stderr);
    let text = std::fs::read_to_string(copy.path("people/ase-ornaes-bo.md")).unwrap();
    assert!(text.contains("name = \"Åse Ørnæs-Bø\""));
    assert!(text.contains("# memberships: group slug"), "fields are documented in comments");
    let site = common::check(copy.root()).expect("a new person checks clean");
    assert_eq!(site.people.values().filter(|p| p.name == "Åse Ørnæs-Bø").count(), 1);
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let copy = ContentCopy::of(&fixture("minimal"));
    let before = std::fs::read_to_string(copy.path("people/dina-von-heimburg.toml")).unwrap();
    let outcome = new(&copy, "person", "Dina von Heimburg");
    assert_eq!(outcome.code, Some(1));
    assert!(outcome.stderr.contains("exists already"), "{}", outcome.stderr);
    assert!(!copy.path("people/dina-von-heimburg.md").exists());
    assert_eq!(std::fs::read_to_string(copy.path("people/dina-von-heimburg.toml")).unwrap(), before);
    assert_eq!(new(&copy, "page", "Om oss").code, Some(0));
    assert_eq!(new(&copy, "page", "Om oss").code, Some(1), "a second time refuses");
}

#[test]
fn every_kind_makes_a_file_that_checks_clean_at_once() {
    let copy = ContentCopy::of(&fixture("minimal"));
    for kind in groupsite::model::EntityKind::ALL {
        let title =
            if kind == groupsite::model::EntityKind::Project { "Ny studie".to_owned() } else { format!("Ny {kind}") };
        let outcome = new(&copy, kind.key(), &title);
        assert_eq!(outcome.code, Some(0), "{kind}: {}", outcome.stderr);
    }
    // A preview under `--watch` keeps showing every save of these files, without a banner.
    let site = common::check(copy.root()).unwrap_or_else(|report| panic!("new files check clean:\n{report}"));
    let project = std::fs::read_to_string(copy.path("projects/ny-studie.md")).unwrap();
    assert!(project.contains("groups = [\"alpha\"]   # every group: alpha, beta"), "{project}");
    assert!(site.projects_of_group(&groupsite::model::Slug::parse("alpha").unwrap()).any(|p| p.title == "Ny studie"));
    // A story is dated today and an event starts today, for the editor to change.
    let today = chrono::Utc::now().date_naive().to_string();
    let news = std::fs::read_to_string(copy.path("news/ny-news.md")).unwrap();
    assert!(news.contains(&format!("\ndate = {today}\n")), "{news}");
    let event = std::fs::read_to_string(copy.path("events/ny-event.md")).unwrap();
    assert!(event.contains(&format!("\nstart = {today}\n")), "{event}");
    assert_eq!(site.news.len(), 1);
    assert_eq!(site.events.len(), 1);
}

#[test]
fn a_page_named_like_an_address_of_the_site_is_refused() {
    let copy = ContentCopy::of(&fixture("minimal"));
    let outcome = new(&copy, "page", "Search");
    assert_eq!(outcome.code, Some(1));
    assert!(outcome.stderr.contains("the site uses /search itself"), "{}", outcome.stderr);
    assert!(!copy.path("pages/search.md").exists());
}

#[test]
fn a_title_without_letters_is_refused() {
    let copy = ContentCopy::of(&fixture("minimal"));
    let outcome = new(&copy, "project", "!!!");
    assert_eq!(outcome.code, Some(1));
    assert!(outcome.stderr.contains("gives no file name"));
}
