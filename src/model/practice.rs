use serde::Deserialize;

use super::{Entity, EntityKind, Html, Link, Ref, RefList, Slug, Url};

/// A promising practice elsewhere that a group points to as an example.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    #[serde(skip)]
    pub slug: Slug,
    #[serde(deserialize_with = "super::non_blank")]
    pub title: String,
    pub level: Level,
    /// Where it happens: `Wigan, UK`.
    pub place: Option<String>,
    pub groups: RefList,
    #[serde(default)]
    pub links: Vec<Link>,
    #[serde(skip)]
    pub description: Html,
}

/// The level of society a practice works at, in the order the site lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Neighbourhood,
    Municipality,
    National,
    International,
}

impl Level {
    /// Every level, smallest first.
    pub const ALL: [Level; 4] = [Level::Neighbourhood, Level::Municipality, Level::National, Level::International];

    /// Heading for practices at this level.
    pub fn label(self) -> &'static str {
        match self {
            Level::Neighbourhood => "Neighbourhood",
            Level::Municipality => "Municipality",
            Level::National => "National",
            Level::International => "International",
        }
    }
}

impl Entity for Practice {
    const KIND: EntityKind = EntityKind::Practice;
    fn identify(&mut self, slug: Slug, body: Html) {
        self.slug = slug;
        self.description = body;
    }
    fn urls(&self) -> Vec<&Url> {
        self.links.iter().filter_map(|l| l.url.as_ref()).collect()
    }
    fn references(&self) -> Vec<(EntityKind, &Ref)> {
        self.groups.iter().map(|r| (EntityKind::Group, r)).collect()
    }
    fn required_lists(&self) -> Vec<(&'static str, &RefList)> {
        vec![("groups", &self.groups)]
    }
}
