use serde::Deserialize;

use super::{Entity, EntityKind, Html, Ref, Slug, Url};

/// A free page such as the accessibility statement, served at `/{slug}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    #[serde(skip)]
    pub slug: Slug,
    #[serde(deserialize_with = "super::non_blank")]
    pub title: String,
    /// One sentence for search engines.
    pub description: Option<String>,
    #[serde(skip)]
    pub body: Html,
}

impl Entity for Page {
    const KIND: EntityKind = EntityKind::Page;
    fn identify(&mut self, slug: Slug, body: Html) {
        self.slug = slug;
        self.body = body;
    }
    fn urls(&self) -> Vec<&Url> {
        Vec::new()
    }
    fn references(&self) -> Vec<(EntityKind, &Ref)> {
        Vec::new()
    }
}
