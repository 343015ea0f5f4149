//! What a file in `publications/` holds: a special issue, edited book, journal or report of the groups.

use serde::Deserialize;

use super::{Entity, EntityKind, Html, Ref, RefList, Slug, Url};

/// A special issue, edited book, journal or report the groups have produced.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    /// File name; the publication's entry is `/publications#{slug}`.
    #[serde(skip)]
    pub slug: Slug,
    /// The entry's heading, linked to `link` where there is one.
    #[serde(deserialize_with = "super::non_blank")]
    pub title: String,
    /// Which heading of `/publications` lists it.
    pub kind: PublicationKind,
    /// Journal or series it appeared in.
    pub venue: Option<String>,
    /// Shown after the venue, or instead of it on a group's page.
    pub publisher: Option<String>,
    /// Year of publication, the last of the entry's facts.
    pub year: Option<u16>,
    /// People who edited it; each one's page lists it.
    #[serde(default)]
    pub editors: Vec<Ref>,
    /// Groups that list it; at least one.
    pub groups: RefList,
    /// Projects it is an output of; each project's page lists it.
    #[serde(default)]
    pub projects: Vec<Ref>,
    /// Where to find it online; the entry's title links there.
    pub link: Option<Url>,
    /// Authors in the order of the byline, each matched to a person's file where one names them.
    #[serde(default)]
    pub authors: Vec<Author>,
    /// The DOI, without `https://doi.org/`: `10.1000/xyz123`.
    pub doi: Option<String>,
    /// Description, rendered from the body.
    #[serde(skip)]
    pub description: Html,
}

/// An author of a publication: the name as the source writes it, and the person it is, where
/// a person's file names them (by `name`, by family name and initials, or a `citation_names`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    /// `Øyvind Kvello`, `Kvello, Ø.`.
    pub name: String,
    /// Where the name is written in its file.
    pub at: std::ops::Range<usize>,
    /// The person it is; set by `check`, never written.
    pub person: Option<Ref>,
}

impl Author {
    /// An author read from any source, not yet matched to a person.
    pub fn new(name: impl Into<String>, at: std::ops::Range<usize>) -> Self {
        Author { name: name.into(), at, person: None }
    }
}

impl<'de> Deserialize<'de> for Author {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = serde_spanned::Spanned::<String>::deserialize(d)?;
        let at = spanned.span();
        Ok(Author::new(spanned.into_inner(), at))
    }
}

/// What kind of publication it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PublicationKind {
    /// `special-issue`: a journal issue people of the groups edited.
    SpecialIssue,
    /// `edited-book`: a published edited volume.
    EditedBook,
    /// `journal`: a journal a group runs, named on the group's page through its `journal`.
    Journal,
    /// `report`: a report the group took part in.
    Report,
    /// `article`: an article in a journal (BibTeX `@article`).
    Article,
    /// `book`: a book (BibTeX `@book`).
    Book,
    /// `chapter`: a chapter of a book (`@incollection`, `@inbook`).
    Chapter,
    /// `conference-paper`: a paper in proceedings (`@inproceedings`).
    ConferencePaper,
    /// `thesis`: a doctoral or master's thesis.
    Thesis,
}

impl PublicationKind {
    /// Every kind, in the order `/publications` lists them.
    pub const ALL: [PublicationKind; 9] = [
        PublicationKind::SpecialIssue,
        PublicationKind::EditedBook,
        PublicationKind::Journal,
        PublicationKind::Report,
        PublicationKind::Article,
        PublicationKind::Book,
        PublicationKind::Chapter,
        PublicationKind::ConferencePaper,
        PublicationKind::Thesis,
    ];

    /// The kind as content writes it (`special-issue`), and as catalogues and ids name it.
    pub fn key(self) -> &'static str {
        match self {
            PublicationKind::SpecialIssue => "special-issue",
            PublicationKind::EditedBook => "edited-book",
            PublicationKind::Journal => "journal",
            PublicationKind::Report => "report",
            PublicationKind::Article => "article",
            PublicationKind::Book => "book",
            PublicationKind::Chapter => "chapter",
            PublicationKind::ConferencePaper => "conference-paper",
            PublicationKind::Thesis => "thesis",
        }
    }
}

impl Entity for Publication {
    const KIND: EntityKind = EntityKind::Publication;
    const DESCRIBED: &'static str = "A special issue, edited book, journal or report, in publications/";
    const NEW_FILE: &'static str = r#"+++
# A special issue, edited book, journal or report. content/README.md documents every field.
title = {title}
# kind: special-issue, edited-book, journal or report
kind = "special-issue"
# venue = "Journal name"
# publisher = "…"
# year = 2024
# editors = ["a-person-slug"]
# link = "https://…"
# groups: at least one group slug. Required.
groups = []
+++

<!-- A description, in Markdown, below this line; leave it empty if there is none. -->
"#;
    fn slug(&self) -> &Slug {
        &self.slug
    }
    fn name(&self) -> &str {
        &self.title
    }
    fn identify(&mut self, slug: Slug, body: Html) {
        self.slug = slug;
        self.description = body;
    }
    fn urls(&self) -> Vec<&Url> {
        self.link.iter().collect()
    }
    fn references(&self) -> Vec<(EntityKind, &Ref)> {
        let editors = self.editors.iter().map(|r| (EntityKind::Person, r));
        let authors = self.authors.iter().filter_map(|a| Some((EntityKind::Person, a.person.as_ref()?)));
        let projects = self.projects.iter().map(|r| (EntityKind::Project, r));
        editors.chain(authors).chain(projects).chain(self.groups.iter().map(|r| (EntityKind::Group, r))).collect()
    }
    fn required_lists(&self) -> Vec<(&'static str, &RefList)> {
        vec![("groups", &self.groups)]
    }
}
