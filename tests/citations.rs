//! A publication's page as a reader cites it and as Google Scholar reads it: the reference in
//! the site's CSL style, the fields BibTeX gives (volume, issue, pages, ISBN, abstract,
//! editors), and authors found by ORCID iD. On copies of the `bibtex` fixture.

mod common;

use common::{ContentCopy, app, fixture, page};

/// An article with every field a journal's "cite" button exports, and a book with its ISBN
/// and abstract, added to a copy of the fixture.
const FULL: &str = r#"
@article{full2020,
  author = {Lovelace, Ada and Ese, Jo and Nordmann, Kari},
  title = {Everything a Journal Exports},
  journal = {Nordic Social Work Research},
  volume = {11},
  number = {2},
  pages = {101--120},
  year = {2020},
  doi = {10.1000/full.2020},
  ORCID-Numbers = {Nordmann, Kari/0000-0002-1825-0097},
}

@book{isbn2016,
  author = {Jo Ese},
  title = {A Book with an {ISBN}},
  publisher = {Universitetsforlaget},
  isbn = {978-82-15-00000-1},
  abstract = {What the book is about, in one sentence.},
  year = {2016},
}
"#;

fn copy_with_full_entries() -> ContentCopy {
    let copy = ContentCopy::of(&fixture("bibtex"));
    let alpha = std::fs::read_to_string(copy.path("publications/alpha.bib")).expect("alpha.bib");
    copy.write("publications/alpha.bib", format!("{alpha}{FULL}"));
    copy
}

/// The Highwire Press tags of a page, in order, as Scholar reads them.
fn scholar_tags(page: &common::Page) -> Vec<(String, String)> {
    let html = page.html();
    let meta = scraper::Selector::parse("meta[name^=citation_]").expect("a selector");
    html.select(&meta)
        .map(|m| (m.attr("name").unwrap_or_default().to_owned(), m.attr("content").unwrap_or_default().to_owned()))
        .collect()
}

#[tokio::test]
async fn a_publication_is_cited_in_apa_by_default_with_members_linked_and_no_inline_style() {
    let copy = copy_with_full_entries();
    let app = app(copy.root());
    let article = page(&app, "/publications/full2020/").await;
    assert_eq!(
        article.texts(".citation"),
        ["Lovelace, A., Ese, J., & Nordmann, K. (2020). Everything a Journal Exports. Nordic Social Work \
             Research, 11(2), 101–120. https://doi.org/10.1000/full.2020"],
        "APA 7: initials, ampersand, year, italic journal and volume, issue, pages, DOI as a link"
    );
    let citation = article.html();
    let select = |css: &str| {
        let selector = scraper::Selector::parse(css).expect("a selector");
        citation.select(&selector).map(|e| e.text().collect::<String>()).collect::<Vec<_>>()
    };
    assert_eq!(select(".citation i"), ["Nordic Social Work Research", "11"], "italics as <i>");
    assert_eq!(select(".citation a.member"), ["Lovelace, A."], "the member is linked; others are not");
    assert!(article.body.contains("<a class=\"member\" href=\"/people/ada-lovelace/\">"));
    assert!(article.body.contains("<a href=\"https://doi.org/10.1000/full.2020\">"), "the DOI links");
    let cite = article.body.split("class=\"citation\"").nth(1).unwrap_or_default();
    let cite = cite.split("</p>").next().unwrap_or_default();
    assert!(!cite.contains("style="), "no inline styles, which the Content-Security-Policy forbids: {cite}");
}

#[tokio::test]
async fn the_page_shows_volume_issue_pages_isbn_and_abstract_and_scholar_gets_them() {
    let copy = copy_with_full_entries();
    let app = app(copy.root());
    let article = page(&app, "/publications/full2020/").await;
    assert_eq!(
        article.texts(".publication .meta span"),
        ["Nordic Social Work Research", "Volume 11", "Issue 2", "Pages 101–120", "2020"]
    );
    let tags = scholar_tags(&article);
    let tag = |name: &str| tags.iter().filter(|(n, _)| n == name).map(|(_, c)| c.as_str()).collect::<Vec<_>>();
    assert_eq!(tag("citation_author"), ["Ada Lovelace", "Jo Ese", "Kari Nordmann"], "in byline order");
    assert_eq!(tag("citation_volume"), ["11"]);
    assert_eq!(tag("citation_issue"), ["2"]);
    assert_eq!(tag("citation_firstpage"), ["101"]);
    assert_eq!(tag("citation_lastpage"), ["120"]);
    let names: Vec<&str> = tags.iter().map(|(n, _)| n.as_str()).collect();
    let at = |name: &str| names.iter().position(|n| *n == name).unwrap_or(usize::MAX);
    assert!(at("citation_title") < at("citation_author") && at("citation_author") < at("citation_volume"));

    let book = page(&app, "/publications/isbn2016/").await;
    assert_eq!(book.texts("#abstract-heading + .abstract"), ["What the book is about, in one sentence."]);
    assert!(book.text().contains("ISBN: 978-82-15-00000-1"));
    assert_eq!(
        scholar_tags(&book).into_iter().filter(|(n, _)| n == "citation_isbn").map(|(_, c)| c).collect::<Vec<_>>(),
        ["978-82-15-00000-1"]
    );
    assert_eq!(book.texts("h1"), ["A Book with an ISBN"], "protected capitals keep their case");
}

#[tokio::test]
async fn an_edited_volume_names_its_editors_and_a_chapter_the_book_and_its_editors() {
    let app = app(&fixture("bibtex"));
    let book = page(&app, "/publications/edited2019/").await;
    assert_eq!(book.texts(".publication .editors"), ["Edited by: Ada Lovelace"]);
    assert!(book.body.contains("<a href=\"/people/ada-lovelace/\">Ada Lovelace</a>"), "a member editor links");
    assert_eq!(book.texts(".citation"), ["Lovelace, A. (Ed.). (2019). Edited Volume. Fagbokforlaget."]);
    let chapter = page(&app, "/publications/inherited2019/").await;
    assert_eq!(
        chapter.texts(".citation"),
        ["Lovelace, A. (2019). A Chapter of the Edited Volume. In A. Lovelace (Ed.), Edited Volume. Fagbokforlaget."],
        "the book's editors and publisher come through crossref"
    );
}

#[tokio::test]
async fn another_style_and_the_norwegian_terms_are_chosen_in_site_toml() {
    let copy = copy_with_full_entries();
    copy.replace("site.toml", "language = \"en\"", "language = \"nb\"\ncitation_style = \"chicago-author-date\"");
    let app = app(copy.root());
    let article = page(&app, "/publications/full2020/").await;
    assert_eq!(
        article.texts(".citation"),
        ["Lovelace, Ada, Jo Ese, og Kari Nordmann. 2020. «Everything a Journal Exports». Nordic Social Work \
             Research 11 (2): 101–20. https://doi.org/10.1000/full.2020."],
        "Chicago author-date, with Norwegian terms"
    );
    copy.replace("site.toml", "citation_style = \"chicago-author-date\"", "citation_style = \"apa\"");
    let undated = page(&app_of(&copy), "/publications/beta-journal/").await;
    assert!(
        undated.texts(".citation")[0].contains("(u.å.)"),
        "APA's “no date” in Bokmål: {:?}",
        undated.texts(".citation")
    );
}

fn app_of(copy: &ContentCopy) -> axum::Router {
    app(copy.root())
}

#[test]
fn a_citation_style_groupsite_does_not_carry_is_a_mistake_in_site_toml() {
    let copy = ContentCopy::of(&fixture("bibtex"));
    let (line, _) = copy.replace("site.toml", "language = \"en\"", "language = \"en\"\ncitation_style = \"mla-99\"");
    let outcome = common::run_check(copy.root());
    assert_eq!(outcome.code, Some(1), "{}", outcome.stderr);
    assert!(outcome.stderr.contains(&format!("site.toml:{}:", line + 1)), "named at its line: {}", outcome.stderr);
    assert!(outcome.stderr.contains("`mla-99` is not a citation style"), "{}", outcome.stderr);
}

#[tokio::test]
async fn an_author_is_found_by_orcid_before_any_name() {
    let copy = copy_with_full_entries();
    // Kari Nordmann's file has her ORCID iD and a name no byline writes.
    copy.write(
        "people/kari-nordmann.toml",
        "name = \"Kari Nordmann-Berg\"\norcid = \"0000-0002-1825-0097\"\nmemberships = [{ group = \"alpha\", role = \"member\" }]\n",
    );
    // Jo Ese's file has another iD than the byline's, so the same name does not find him.
    copy.write(
        "people/jo-ese.toml",
        "name = \"Jo Ese\"\norcid = \"0000-0001-5109-3700\"\nmemberships = [{ group = \"alpha\", role = \"member\" }]\n",
    );
    copy.replace(
        "publications/alpha.bib",
        "ORCID-Numbers = {Nordmann, Kari/0000-0002-1825-0097}",
        "ORCID-Numbers = {Nordmann, Kari/0000-0002-1825-0097; Ese, Jo/0000-0002-1694-233X}",
    );
    let app = app(copy.root());
    let article = page(&app, "/publications/full2020/").await;
    let html = article.html();
    let links = scraper::Selector::parse(".byline a").expect("a selector");
    let linked: Vec<_> = html.select(&links).filter_map(|a| a.attr("href")).collect();
    assert_eq!(linked, ["/people/ada-lovelace/", "/people/kari-nordmann/"], "Kari by ORCID; Jo's iD differs");
    assert!(article.body.contains("\"sameAs\":\"https://orcid.org/0000-0002-1825-0097\""), "ORCID as sameAs");
    let kari = page(&app, "/people/kari-nordmann/").await;
    assert_eq!(kari.texts("section[aria-labelledby=written-heading] li"), ["Everything a Journal Exports"]);
    assert!(
        kari.body.contains("<a href=\"https://orcid.org/0000-0002-1825-0097\">ORCID</a>"),
        "her page links her ORCID record"
    );
    assert!(kari.body.contains("\"sameAs\":\"https://orcid.org/0000-0002-1825-0097\""), "and names it as sameAs");
}

#[test]
fn an_orcid_id_that_is_not_one_is_a_warning_in_bibtex_and_a_mistake_in_a_persons_file() {
    let copy = copy_with_full_entries();
    let (line, _) = copy.replace(
        "publications/alpha.bib",
        "Nordmann, Kari/0000-0002-1825-0097",
        "Nordmann, Kari/0000-0002-1825-0098",
    );
    let outcome = common::run_check(copy.root());
    assert_eq!(outcome.code, Some(0), "a warning: the site still builds: {}", outcome.stderr);
    assert!(
        outcome.stderr.contains(&format!("alpha.bib:{line}:"))
            && outcome.stderr.contains("`0000-0002-1825-0098` is not an ORCID iD"),
        "named at its field: {}",
        outcome.stderr
    );
    copy.write("people/kari-nordmann.toml", "name = \"Kari Nordmann\"\norcid = \"0000-0002-1825-0098\"\n");
    let outcome = common::run_check(copy.root());
    assert_eq!(outcome.code, Some(1), "{}", outcome.stderr);
    assert!(outcome.stderr.contains("kari-nordmann.toml:2:"), "{}", outcome.stderr);
}
