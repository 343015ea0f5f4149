//! `/publications/{slug}`: one publication, as a reader and as Google Scholar read it.

use askama::Template;
use serde_json::json;

use super::super::{Chrome, Context};
use super::{Byline, Linked, byline, group_link};
use crate::link::Site;
use crate::model::{EntityKind, Html, Publication, PublicationKind, Slug};
use crate::paths;

/// `/publications/{slug}`: the byline with members linked, where it appeared, its DOI, its
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
    /// Venue, publisher and year, as far as known.
    pub facts: Vec<String>,
    /// The DOI, linked to its resolver.
    pub doi: Option<Linked>,
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
        let doi =
            publication.doi.as_ref().map(|doi| Linked { label: doi.clone(), href: format!("https://doi.org/{doi}") });
        let online = publication
            .link
            .as_ref()
            .filter(|l| doi.as_ref().is_none_or(|d| d.href != l.href))
            .map(|l| Linked { label: words.get("publication-online"), href: l.href.clone() });
        let facts = [&publication.venue, &publication.publisher]
            .into_iter()
            .flatten()
            .cloned()
            .chain(publication.year.map(|y| y.to_string()))
            .collect();
        let path = paths::entity(EntityKind::Publication, slug);
        let chrome = context
            .item_chrome(site, EntityKind::Publication, &publication.title, &path)
            .describe(described(publication))
            .og("article")
            .schema(schema(publication, urls))
            .cite(scholar_tags(publication));
        Some(PublicationPage {
            chrome,
            kind: words.publication_kind(publication.kind),
            authors,
            facts,
            doi,
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
                Linked { label: words.get("publication-bibtex"), href: urls.path(&paths::bibtex(slug)) },
                Linked { label: words.get("publication-ris"), href: urls.path(&paths::ris(slug)) },
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
    let publisher = match publication.kind {
        PublicationKind::Thesis => "citation_dissertation_institution",
        PublicationKind::Report => "citation_technical_report_institution",
        _ => "citation_publisher",
    };
    tags.extend(publication.publisher.clone().map(|p| (publisher, p)));
    tags.extend(publication.doi.clone().map(|d| ("citation_doi", d)));
    tags
}

/// schema.org data: a `ScholarlyArticle`, `Book`, `Chapter` or `Thesis` with its authors.
fn schema(publication: &Publication, urls: &crate::render::Urls) -> serde_json::Value {
    let kind = match publication.kind {
        PublicationKind::Book | PublicationKind::EditedBook => "Book",
        PublicationKind::Chapter => "Chapter",
        PublicationKind::Thesis => "Thesis",
        PublicationKind::Report => "Report",
        _ => "ScholarlyArticle",
    };
    let people: Vec<_> = publication
        .authors
        .iter()
        .map(|a| {
            let page = a.person.as_ref().map(|r| urls.absolute(&paths::entity(EntityKind::Person, &r.slug())));
            json!({"@type": "Person", "name": a.name, "url": page})
        })
        .collect();
    json!({
        "@context": "https://schema.org",
        "@type": kind,
        "name": publication.title,
        "author": people,
        "datePublished": publication.year.map(|y| y.to_string()),
        "publisher": publication.publisher,
        "isPartOf": publication.venue,
        "sameAs": publication.doi.as_ref().map(|d| format!("https://doi.org/{d}")),
        "url": urls.absolute_of(publication),
    })
}
