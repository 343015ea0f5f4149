use serde::Deserialize;

use super::{Entity, EntityKind, Html, Ref, RefList, Slug, Url};

/// A special issue, edited book, journal or report the groups have produced.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    #[serde(skip)]
    pub slug: Slug,
    #[serde(deserialize_with = "super::non_blank")]
    pub title: String,
    pub kind: PublicationKind,
    /// Journal or series it appeared in.
    pub venue: Option<String>,
    pub publisher: Option<String>,
    pub year: Option<u16>,
    #[serde(default)]
    pub editors: Vec<Ref>,
    pub groups: RefList,
    pub link: Option<Url>,
    #[serde(skip)]
    pub description: Html,
}

/// What kind of publication it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PublicationKind {
    SpecialIssue,
    EditedBook,
    Journal,
    Report,
}

impl PublicationKind {
    /// Heading for publications of this kind.
    pub fn label(self) -> &'static str {
        match self {
            PublicationKind::SpecialIssue => "Special issues",
            PublicationKind::EditedBook => "Edited books",
            PublicationKind::Journal => "Journals",
            PublicationKind::Report => "Reports",
        }
    }
}

impl Entity for Publication {
    const KIND: EntityKind = EntityKind::Publication;
    fn identify(&mut self, slug: Slug, body: Html) {
        self.slug = slug;
        self.description = body;
    }
    fn urls(&self) -> Vec<&Url> {
        self.link.iter().collect()
    }
    fn references(&self) -> Vec<(EntityKind, &Ref)> {
        let editors = self.editors.iter().map(|r| (EntityKind::Person, r));
        editors.chain(self.groups.iter().map(|r| (EntityKind::Group, r))).collect()
    }
    fn required_lists(&self) -> Vec<(&'static str, &RefList)> {
        vec![("groups", &self.groups)]
    }
}
