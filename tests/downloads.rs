//! A publication's "Cite" downloads, `/publications/{slug}.bib` and `.ris`, read back as a
//! reference manager would; the links to them and the COinS span on its page; and `export`
//! writing them beside the page. On the `bibtex` fixture, whose entries have every kind.

mod common;

use biblatex::{Bibliography, ChunksExt, EntryType};
use common::{app, fixture, get, page};

/// The `TAG  - value` lines of a RIS record, in order.
fn ris_lines(text: &str) -> Vec<(String, String)> {
    text.split("\r\n")
        .filter(|line| !line.is_empty())
        .map(|line| {
            let (tag, value) = line.split_once("  - ").unwrap_or_else(|| panic!("not a RIS line: {line:?}"));
            (tag.to_owned(), value.to_owned())
        })
        .collect()
}

/// The values of `tag` in a record.
fn values<'a>(lines: &'a [(String, String)], tag: &str) -> Vec<&'a str> {
    lines.iter().filter(|(t, _)| t == tag).map(|(_, v)| v.as_str()).collect()
}

#[tokio::test]
async fn the_bibtex_download_reads_back_as_the_entry() {
    let app = app(&fixture("bibtex"));
    let file = get(&app, "/publications/kvello2021.bib").await;
    assert_eq!(file.status, 200);
    assert_eq!(file.header("content-type"), "application/x-bibtex; charset=utf-8");
    assert_eq!(file.header("content-disposition"), "attachment; filename=\"kvello2021.bib\"");
    assert!(file.header("cache-control").contains("max-age"), "kept like the vCard: {}", file.header("cache-control"));
    assert!(!file.header("etag").is_empty(), "revalidated with an ETag");
    let bibliography = Bibliography::parse(&file.body).unwrap_or_else(|e| panic!("{e:?}: {}", file.body));
    assert_eq!(bibliography.len(), 1);
    let entry = bibliography.get("kvello2021").expect("keyed by its slug");
    assert_eq!(entry.entry_type, EntryType::Article);
    let authors: Vec<(String, String)> = entry.author().unwrap().into_iter().map(|p| (p.given_name, p.name)).collect();
    assert_eq!(
        authors,
        [
            ("Øyvind".to_owned(), "Kvello".to_owned()),
            ("Kristin Berre".to_owned(), "Ørjasæter".to_owned()),
            ("María".to_owned(), "Aróstica".to_owned()),
        ],
        "in order, with their accents"
    );
    assert_eq!(entry.title().unwrap().format_verbatim(), "Mattering in the Nordic welfare state");
    assert!(file.body.contains("title = {Mattering in the {Nordic} welfare state}"), "capitals kept: {}", file.body);
    let journal = entry.get("journal").or_else(|| entry.get("journaltitle")).expect("a journal");
    assert_eq!(journal.format_verbatim(), "Nordic Social Work Research");
    assert_eq!(entry.get("year").map(|y| y.format_verbatim()).as_deref(), Some("2021"));
    assert_eq!(entry.doi().unwrap(), "10.1000/mattering.2021");
    assert!(entry.get("url").is_none(), "the DOI is its link, not written twice");
}

#[tokio::test]
async fn every_kind_has_its_bibtex_entry_type() {
    let app = app(&fixture("bibtex"));
    for (slug, entry_type, field, value) in [
        ("fikse2020", EntryType::Book, "publisher", "Universitetsforlaget"),
        ("edited2019", EntryType::Book, "editor", "Lovelace, Ada"),
        ("chapter2022", EntryType::InCollection, "booktitle", "Edited Volume"),
        ("paper2023", EntryType::InProceedings, "url", "https://example.org/paper"),
        ("thesis2018", EntryType::PhdThesis, "school", "NTNU"),
        ("report2017", EntryType::TechReport, "institution", "Bufdir"),
        ("heimburg2024", EntryType::Article, "author", "von Heimburg, Dina and Lovelace, A. and Ese, Jo"),
    ] {
        let file = get(&app, &format!("/publications/{slug}.bib")).await;
        assert_eq!(file.status, 200, "{slug}");
        let bibliography = Bibliography::parse(&file.body).unwrap_or_else(|e| panic!("{slug}: {e:?}: {}", file.body));
        let entry = bibliography.get(slug).unwrap_or_else(|| panic!("{slug}: {}", file.body));
        assert_eq!(entry.entry_type, entry_type, "{slug}");
        assert!(file.body.contains(&format!("  {field} = {{{value}}}")), "{slug}: {field}: {}", file.body);
    }
    let dina = Bibliography::parse(&get(&app, "/publications/heimburg2024.bib").await.body).unwrap();
    let first = dina.get("heimburg2024").unwrap().author().unwrap().remove(0);
    assert_eq!((first.prefix.as_str(), first.name.as_str()), ("von", "Heimburg"), "the particle is kept apart");
}

#[tokio::test]
async fn the_ris_download_lists_the_record_in_order() {
    let app = app(&fixture("bibtex"));
    let file = get(&app, "/publications/kvello2021.ris").await;
    assert_eq!(file.status, 200);
    assert_eq!(file.header("content-type"), "application/x-research-info-systems; charset=utf-8");
    assert_eq!(file.header("content-disposition"), "attachment; filename=\"kvello2021.ris\"");
    assert!(file.body.ends_with("\r\n") && !file.body.replace("\r\n", "").contains('\n'), "CRLF lines");
    let lines = ris_lines(&file.body);
    assert_eq!(lines.first().map(|(t, v)| (t.as_str(), v.as_str())), Some(("TY", "JOUR")));
    assert_eq!(values(&lines, "AU"), ["Kvello, Øyvind", "Ørjasæter, Kristin Berre", "Aróstica, María"]);
    assert_eq!(values(&lines, "TI"), ["Mattering in the Nordic welfare state"]);
    assert_eq!(values(&lines, "T2"), ["Nordic Social Work Research"]);
    assert_eq!(values(&lines, "PY"), ["2021"]);
    assert_eq!(values(&lines, "DO"), ["10.1000/mattering.2021"]);
    assert_eq!(lines.last().map(|(t, v)| (t.as_str(), v.as_str())), Some(("ER", "")), "ER last");

    for (slug, ty) in [
        ("fikse2020", "BOOK"),
        ("edited2019", "EDBOOK"),
        ("chapter2022", "CHAP"),
        ("paper2023", "CPAPER"),
        ("thesis2018", "THES"),
        ("report2017", "RPRT"),
        ("beta-journal", "JFULL"),
    ] {
        let lines = ris_lines(&get(&app, &format!("/publications/{slug}.ris")).await.body);
        assert_eq!(values(&lines, "TY"), [ty], "{slug}");
    }
}

#[tokio::test]
async fn a_toml_publication_has_its_downloads_too() {
    let app = app(&fixture("bibtex"));
    let bib = get(&app, "/publications/beta-journal.bib").await;
    assert_eq!(bib.status, 200);
    let bibliography = Bibliography::parse(&bib.body).unwrap_or_else(|e| panic!("{e:?}: {}", bib.body));
    let entry = bibliography.get("beta-journal").expect("keyed by its slug");
    assert_eq!(entry.entry_type, EntryType::Periodical);
    assert_eq!(entry.title().unwrap().format_verbatim(), "Beta Journal");
    let editors: Vec<String> =
        entry.editors().unwrap().into_iter().flat_map(|(people, _)| people).map(|p| p.name).collect();
    assert_eq!(editors, ["Lovelace"], "its editor, named by slug in the file, as the person's name");
    let ris = ris_lines(&get(&app, "/publications/beta-journal.ris").await.body);
    assert_eq!(values(&ris, "TI"), ["Beta Journal"]);
    assert_eq!(values(&ris, "ED"), ["Lovelace, Ada"]);
}

#[tokio::test]
async fn an_editor_named_by_slug_is_cited_by_their_family_name() {
    let copy = common::ContentCopy::of(&fixture("bibtex"));
    copy.replace("publications/beta-journal.md", "[\"ada-lovelace\"]", "[\"dina-von-heimburg\", \"ada-lovelace\"]");
    let app = app(copy.root());
    let ris = ris_lines(&get(&app, "/publications/beta-journal.ris").await.body);
    assert_eq!(
        values(&ris, "ED"),
        ["von Heimburg, Dina", "Lovelace, Ada"],
        "the person's family_name, with its particle"
    );
    let bib = get(&app, "/publications/beta-journal.bib").await.body;
    assert!(bib.contains("  editor = {von Heimburg, Dina and Lovelace, Ada},"), "{bib}");
}

#[tokio::test]
async fn a_missing_publication_or_a_strange_suffix_is_a_404() {
    let app = app(&fixture("bibtex"));
    for path in [
        "/publications/nope.bib",
        "/publications/nope.ris",
        "/publications/kvello2021.txt",
        "/publications/kvello2021.bib.ris",
        "/publications/.bib",
        "/publications/Kvello2021.bib",
    ] {
        let answer = get(&app, path).await;
        assert_eq!(answer.status, 404, "{path}");
        assert!(answer.header("content-type").starts_with("text/html"), "{path}: the 404 page");
    }
}

#[tokio::test]
async fn the_page_links_to_both_and_carries_coins() {
    let app = app(&fixture("bibtex"));
    let article = page(&app, "/publications/kvello2021/").await;
    let html = article.html();
    let link = scraper::Selector::parse(".downloads a").unwrap();
    let links: Vec<(String, Option<&str>)> = html.select(&link).map(|a| (a.text().collect(), a.attr("href"))).collect();
    assert_eq!(
        links,
        [
            ("BibTeX".to_owned(), Some("/publications/kvello2021.bib")),
            ("RIS".to_owned(), Some("/publications/kvello2021.ris"))
        ]
    );
    assert_eq!(article.texts(".downloads .label"), ["Download:"]);
    assert_eq!(article.texts("section.cite h2"), ["Cite"], "under the citation, in its section");

    let span = scraper::Selector::parse("span.Z3988").unwrap();
    let spans: Vec<_> = html.select(&span).collect();
    assert_eq!(spans.len(), 1);
    assert_eq!(spans[0].text().collect::<String>(), "", "the span is empty");
    let title = spans[0].attr("title").expect("a context object");
    assert!(title.starts_with("ctx_ver=Z39.88-2004&rft_val_fmt="), "{title}");
    assert!(!article.body.contains("&rft"), "the ampersands are escaped in the attribute");
    let pairs: Vec<(String, String)> = title
        .split('&')
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (key.to_owned(), percent_decode(value))
        })
        .collect();
    let value = |key: &str| pairs.iter().filter(|(k, _)| k == key).map(|(_, v)| v.as_str()).collect::<Vec<_>>();
    assert_eq!(value("rft_val_fmt"), ["info:ofi/fmt:kev:mtx:journal"]);
    assert_eq!(value("rft.genre"), ["article"]);
    assert_eq!(value("rft.atitle"), ["Mattering in the Nordic welfare state"]);
    assert_eq!(value("rft.jtitle"), ["Nordic Social Work Research"]);
    assert_eq!(value("rft.au"), ["Øyvind Kvello", "Kristin Berre Ørjasæter", "María Aróstica"]);
    assert_eq!(value("rft.date"), ["2021"]);
    assert_eq!(value("rft_id"), ["info:doi/10.1000/mattering.2021"]);

    let thesis = page(&app, "/publications/thesis2018/").await;
    assert!(thesis.body.contains("info%3Aofi%2Ffmt%3Akev%3Amtx%3Adissertation"), "a thesis is a dissertation");
    let chapter = page(&app, "/publications/chapter2022/").await.html();
    let chapter = chapter.select(&span).next().and_then(|s| s.attr("title")).unwrap_or_default().to_owned();
    assert!(
        chapter.contains("mtx%3Abook&rft.genre=bookitem&rft.atitle=A%20Chapter&rft.btitle=Edited%20Volume"),
        "{chapter}"
    );
}

/// A percent-encoded value as UTF-8 text.
fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            out.push(u8::from_str_radix(&value[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn export_writes_each_publications_downloads_beside_its_page() {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let content = fixture("bibtex");
    let done = common::groupsite(&["export", "--content", content.to_str().unwrap(), "--out", site.to_str().unwrap()]);
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    for slug in ["kvello2021", "thesis2018", "beta-journal"] {
        assert!(site.join(format!("publications/{slug}/index.html")).exists(), "{slug}'s page");
        for file in [format!("{slug}.bib"), format!("{slug}.ris")] {
            for written in [file.clone(), format!("{file}.gz"), format!("{file}.br")] {
                assert!(site.join("publications").join(&written).exists(), "{written} is written");
            }
        }
    }
    let bib = std::fs::read_to_string(site.join("publications/kvello2021.bib")).unwrap();
    assert!(bib.starts_with("@article{kvello2021,"), "{bib}");
    let ris = std::fs::read_to_string(site.join("publications/kvello2021.ris")).unwrap();
    assert!(ris.starts_with("TY  - JOUR\r\n") && ris.ends_with("ER  - \r\n"), "{ris}");
    let sitemap = std::fs::read_to_string(site.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("/publications/kvello2021/</loc>"), "{sitemap}");
    assert!(!sitemap.contains(".bib<") && !sitemap.contains(".ris<"), "the sitemap lists pages only: {sitemap}");
}
