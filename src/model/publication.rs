//! What a file in `publications/` holds: a special issue, edited book, journal or report of the groups.

use serde::Deserialize;

use super::{Entity, EntityKind, Html, Ref, RefList, Slug, Url};

/// A special issue, edited book, journal or report the groups have produced.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    /// File name, or a BibTeX key made URL-safe; the publication's page is `/publications/{slug}/`.
    #[serde(skip)]
    pub slug: Slug,
    /// The entry's heading, linked to `link` where there is one.
    #[serde(deserialize_with = "super::non_blank")]
    pub title: String,
    /// Which heading of `/publications/` lists it.
    pub kind: PublicationKind,
    /// Journal or series it appeared in.
    pub venue: Option<String>,
    /// Shown after the venue, or instead of it on a group's page.
    pub publisher: Option<String>,
    /// Year of publication, the last of the entry's facts.
    pub year: Option<u16>,
    /// People who edited it, in the order of the title page; each one who is a person of the
    /// site links to their page, which lists it. A TOML file names them by slug, BibTeX by name.
    #[serde(default, deserialize_with = "editors_by_slug")]
    pub editors: Vec<Author>,
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
    /// Volume of the journal or series, as written: `11`.
    pub volume: Option<String>,
    /// Issue of the journal (BibTeX `number`): `2`.
    pub issue: Option<String>,
    /// Pages in the journal or book, `101–120`, or an article number.
    pub pages: Option<String>,
    /// ISBN of a book, or of the book a chapter is in.
    pub isbn: Option<String>,
    /// The abstract, as the source gives it, shown on the publication's page.
    #[serde(rename = "abstract")]
    pub summary: Option<String>,
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
    /// The family name with its particle (`von Heimburg`), where the source tells it apart, as
    /// BibTeX does; otherwise citations take it from the name.
    pub family: Option<String>,
    /// The author's ORCID iD (`0000-0002-1825-0097`) where the source gives one; it finds the
    /// person before any name does.
    pub orcid: Option<String>,
    /// The person it is; set by `check` (or by a TOML file's editor slug), never written.
    pub person: Option<Ref>,
}

impl Author {
    /// An author read from any source, not yet matched to a person.
    pub fn new(name: impl Into<String>, at: std::ops::Range<usize>) -> Self {
        Author { name: name.into(), at, family: None, orcid: None, person: None }
    }
}

/// An author as a TOML file writes one: a name, or a table with the name and an ORCID iD.
#[derive(Deserialize)]
#[serde(untagged)]
enum Written {
    Name(String),
    Table { name: String, orcid: Option<String> },
}

impl<'de> Deserialize<'de> for Author {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = serde_spanned::Spanned::<Written>::deserialize(d)?;
        let at = spanned.span();
        Ok(match spanned.into_inner() {
            Written::Name(name) => Author::new(name, at),
            Written::Table { name, orcid: Some(written) } => {
                let orcid = super::person::orcid_id(&written).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "`{written}` is not an ORCID iD: four groups of four digits, such as `0000-0002-1825-0097`"
                    ))
                })?;
                Author { orcid: Some(orcid), ..Author::new(name, at) }
            }
            Written::Table { name, orcid: None } => Author::new(name, at),
        })
    }
}

/// A TOML file's `editors`: slugs of people, each already the person it names.
fn editors_by_slug<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Author>, D::Error> {
    let refs = Vec::<Ref>::deserialize(d)?;
    Ok(refs
        .into_iter()
        .map(|r| Author { person: Some(r.clone()), ..Author::new(r.slug.clone(), r.at.clone()) })
        .collect())
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
    /// Every kind, in the order `/publications/` lists them.
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

    /// Whether the editors of a publication of this kind edited it; a chapter's and a
    /// proceedings paper's edited the book they are in.
    pub fn edited_itself(self) -> bool {
        !matches!(self, PublicationKind::Chapter | PublicationKind::ConferencePaper)
    }

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
    fn body_mut(&mut self) -> Option<&mut Html> {
        Some(&mut self.description)
    }
    fn urls(&self) -> Vec<&Url> {
        self.link.iter().collect()
    }
    fn references(&self) -> Vec<(EntityKind, &Ref)> {
        let people = self.authors.iter().chain(&self.editors);
        let people = people.filter_map(|a| Some((EntityKind::Person, a.person.as_ref()?)));
        let projects = self.projects.iter().map(|r| (EntityKind::Project, r));
        people.chain(projects).chain(self.groups.iter().map(|r| (EntityKind::Group, r))).collect()
    }
    fn required_lists(&self) -> Vec<(&'static str, &RefList)> {
        vec![("groups", &self.groups)]
    }
}
