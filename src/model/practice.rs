//! What a file in `practices/` holds: a promising practice the groups point to, and the level it works at.

use serde::Deserialize;

use super::{Entity, EntityKind, Html, Link, Ref, RefList, Slug, Text, Url};

/// A promising practice elsewhere that a group points to as an example.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    /// File name; the practice's entry is `/practices/#{slug}`.
    #[serde(skip)]
    pub slug: Slug,
    /// The entry's heading on `/practices/`.
    pub title: Text,
    /// Which heading of `/practices/` lists it.
    pub level: Level,
    /// Where it happens: `Wigan, UK`.
    pub place: Option<String>,
    /// Groups that point to it; at least one.
    pub groups: RefList,
    /// Where to read more, under the description.
    #[serde(default)]
    pub links: Vec<Link>,
    /// Description, rendered from the body.
    #[serde(skip)]
    pub description: Html,
}

/// The level of society a practice works at, in the order the site lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// `neighbourhood`: one local community.
    Neighbourhood,
    /// `municipality`: a town or municipality as a whole.
    Municipality,
    /// `national`: a whole country.
    National,
    /// `international`: across countries.
    International,
}

impl Level {
    /// Every level, smallest first.
    pub const ALL: [Level; 4] = [Level::Neighbourhood, Level::Municipality, Level::National, Level::International];

    /// The level as content writes it, and as catalogues and ids name it.
    pub fn key(self) -> &'static str {
        match self {
            Level::Neighbourhood => "neighbourhood",
            Level::Municipality => "municipality",
            Level::National => "national",
            Level::International => "international",
        }
    }
}

impl Entity for Practice {
    const KIND: EntityKind = EntityKind::Practice;
    const DESCRIBED: &'static str = "A promising practice, in practices/";
    const NEW_FILE: &'static str = r#"+++
# A promising practice the groups point to. content/README.md documents every field.
title = {title}
# level: neighbourhood, municipality, national or international
level = "municipality"
# place = "Wigan, UK"
# links = [{ label = "…", url = "https://…" }]
# groups: at least one group slug. Required.
groups = []
+++

<!-- The description, in Markdown, below this line. -->
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
    fn texts_mut(&mut self) -> Vec<(&'static str, &mut Text)> {
        vec![("title", &mut self.title)]
    }
    fn body_mut(&mut self) -> Option<&mut Html> {
        Some(&mut self.description)
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
