//! `/publications/{slug}/`: one publication, as a reader and as Google Scholar read it.

use crate::model::Mark as _;
use askama::Template;
use serde_json::json;

use super::super::{Chrome, Context};
use super::{Byline, Linked, byline, group_link};
use crate::link::Site;
use crate::model::{EntityKind, Html, Publication, PublicationKind, Slug};
use crate::paths;

/// `/publications/{slug}/`: the byline with members linked, where it appeared, its DOI, its
/// groups and projects; in the head, the Highwire Press tags Google Scholar indexes by.
#[derive(Template)]
#[template(path = "pages/publication.html")]
pub struct PublicationPage<'a> {
    /// The frame, with the Scholar tags and schema.org data.
    pub chrome: Chrome<'a>,
    /// What kind of publication it is: `Article`.
    pub kind: String,
    /// Authors in byline order; those with a page here link to it.
    pub authors: Vec<Byline>,
    /// Editors, of the work itself or of the book it is in, linked likewise.
    pub editors: Vec<Byline>,
    /// Venue, volume, issue, pages, publisher and year, as far as known.
    pub facts: Vec<String>,
    /// The DOI, linked to its resolver.
    pub doi: Option<Linked>,
    /// The ISBN of the book.
    pub isbn: Option<String>,
    /// The abstract, as the source gives it.
    pub summary: Option<String>,
    /// The reference in the site's citation style, its people linked; none where the style
    /// gives nothing.
    pub citation: Option<Html>,
    /// Where to read it online, where that is not its DOI.
    pub online: Option<Linked>,
    /// Its groups and the projects it is an output of, each under its section's name; only
    /// those with links.
    pub related: Vec<(String, Vec<Linked>)>,
    /// The description, its site-relative links under the base path.
    pub description: Html,
    /// "Cite": its BibTeX entry and RIS record, for a reader's reference manager.
    pub downloads: Vec<Linked>,
    /// The COinS context object, the `title` of the span Zotero's connector saves it from.
    pub coins: String,
}

impl<'a> PublicationPage<'a> {
    /// The publication `slug`; `None`, and so a 404, when there is no such publication.
    pub fn new(site: &'a Site, context: &'a Context, slug: &Slug) -> Option<Self> {
        let publication = site.publications.get(slug)?;
        let (urls, words) = (&context.urls, &context.words);
        let authors = byline(context, publication);
        let groups =
            publication.groups.iter().filter_map(|r| site.groups.get(&r.slug())).map(|g| group_link(context, g));
        let projects = publication.projects.iter().filter_map(|r| site.projects.get(&r.slug()));
        let projects = projects.map(|p| Linked { label: p.title.clone(), href: urls.of(p) });
        let doi = publication
            .doi
            .as_ref()
            .map(|doi| Linked { label: doi.clone().into(), href: format!("https://doi.org/{doi}") });
        let online = publication
            .link
            .as_ref()
            .filter(|l| doi.as_ref().is_none_or(|d| d.href != l.href))
            .map(|l| Linked { label: words.get("publication-online").into(), href: l.href.clone() });
        let numbered = [
            ("publication-volume", "volume", &publication.volume),
            ("publication-issue", "issue", &publication.issue),
            ("publication-pages", "pages", &publication.pages),
        ];
        let numbered = numbered
            .into_iter()
            .filter_map(|(id, arg, value)| Some(words.with(id, &[(arg, value.as_deref()?.into())])));
        let facts = publication
            .venue
            .iter()
            .cloned()
            .chain(numbered)
            .chain(publication.publisher.clone())
            .chain(publication.year.map(|y| y.to_string()))
            .collect();
        let person_page = |r: &crate::model::Ref| urls.entity(EntityKind::Person, &r.slug());
        let citation = crate::render::cited(publication, site.settings.citation_style, &site.language, person_page);
        let path = paths::entity(EntityKind::Publication, slug);
        let chrome = context
            .item_chrome(site, EntityKind::Publication, &publication.title, &path)
            .describe(described(publication))
            .og("article")
            .schema(schema(site, publication, urls))
            .cite(scholar_tags(publication));
        Some(PublicationPage {
            chrome,
            kind: words.publication_kind(publication.kind),
            authors,
            editors: super::names(context, &publication.editors),
            facts,
            doi,
            isbn: publication.isbn.clone(),
            summary: publication.summary.clone(),
            citation,
            online,
            related: [
                (words.section(EntityKind::Group), groups.collect::<Vec<_>>()),
                (words.section(EntityKind::Project), projects.collect()),
            ]
            .into_iter()
            .filter(|(_, links)| !links.is_empty())
            .collect(),
            description: context.body(&publication.description),
            downloads: vec![
                Linked { label: words.get("publication-bibtex").into(), href: urls.path(&paths::bibtex(slug)) },
                Linked { label: words.get("publication-ris").into(), href: urls.path(&paths::ris(slug)) },
            ],
            coins: crate::render::coins(publication),
        })
    }
}

/// The meta description: title, byline, venue and year, so each publication's is its own.
fn described(publication: &Publication) -> String {
    let byline = publication.authors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", ");
    let year = publication.year.map(|y| y.to_string());
    [Some(publication.title.as_str()), Some(byline.as_str()), publication.venue.as_deref(), year.as_deref()]
        .into_iter()
        .flatten()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Google Scholar's Highwire Press tags, in the order its inclusion guidelines list them.
fn scholar_tags(publication: &Publication) -> Vec<(&'static str, String)> {
    let mut tags = vec![("citation_title", publication.title.clone())];
    tags.extend(publication.authors.iter().map(|a| ("citation_author", a.name.clone())));
    tags.extend(publication.year.map(|y| ("citation_publication_date", y.to_string())));
    let venue = match publication.kind {
        PublicationKind::Article | PublicationKind::SpecialIssue => Some("citation_journal_title"),
        PublicationKind::ConferencePaper => Some("citation_conference_title"),
        PublicationKind::Chapter => Some("citation_inbook_title"),
        _ => None,
    };
    tags.extend(venue.zip(publication.venue.clone()));
    tags.extend(publication.volume.clone().map(|v| ("citation_volume", v)));
    tags.extend(publication.issue.clone().map(|i| ("citation_issue", i)));
    if let Some(pages) = &publication.pages {
        let (first, last) = pages.split_once(['–', '-']).unwrap_or((pages, ""));
        tags.push(("citation_firstpage", first.trim().to_owned()));
        tags.extend(Some(last.trim()).filter(|l| !l.is_empty()).map(|l| ("citation_lastpage", l.to_owned())));
    }
    let publisher = match publication.kind {
        PublicationKind::Thesis => "citation_dissertation_institution",
        PublicationKind::Report => "citation_technical_report_institution",
        _ => "citation_publisher",
    };
    tags.extend(publication.publisher.clone().map(|p| (publisher, p)));
    tags.extend(publication.doi.clone().map(|d| ("citation_doi", d)));
    tags.extend(publication.isbn.clone().map(|i| ("citation_isbn", i)));
    tags
}

/// schema.org data: a `ScholarlyArticle`, `Book`, `Chapter` or `Thesis` with its authors
/// and editors, each with their ORCID record as `sameAs`.
fn schema(site: &Site, publication: &Publication, urls: &crate::render::Urls) -> serde_json::Value {
    let kind = match publication.kind {
        PublicationKind::Book | PublicationKind::EditedBook => "Book",
        PublicationKind::Chapter => "Chapter",
        PublicationKind::Thesis => "Thesis",
        PublicationKind::Report => "Report",
        _ => "ScholarlyArticle",
    };
    let people = |people: &[crate::model::Author]| -> Vec<serde_json::Value> {
        people
            .iter()
            .map(|a| {
                let person = a.person.as_ref().and_then(|r| site.people.get(&r.slug()));
                let page = person.map(|p| urls.absolute(&paths::entity(EntityKind::Person, &p.slug)));
                let orcid = a.orcid.as_ref().or(person.and_then(|p| p.orcid.as_ref()));
                let mut node = json!({"@type": "Person", "name": a.name, "url": page});
                if let Some(person) = person {
                    node["@id"] = json!(urls.node_id(person));
                }
                if let Some(orcid) = orcid {
                    node["sameAs"] = json!(format!("https://orcid.org/{orcid}"));
                }
                node
            })
            .collect()
    };
    json!({
        "@context": "https://schema.org",
        "@type": kind,
        "@id": urls.node_id(publication),
        "name": publication.title,
        "author": people(&publication.authors),
        "editor": people(&publication.editors),
        "isbn": publication.isbn,
        "abstract": publication.summary,
        "volumeNumber": publication.volume,
        "issueNumber": publication.issue,
        "pagination": publication.pages,
        "datePublished": publication.year.map(|y| y.to_string()),
        "publisher": publication.publisher,
        "isPartOf": publication.venue,
        "sameAs": publication.doi.as_ref().map(|d| format!("https://doi.org/{d}")),
        "url": urls.absolute_of(publication),
    })
}
