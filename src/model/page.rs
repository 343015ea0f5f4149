use serde::Deserialize;

use super::{Entity, EntityKind, Html, Ref, Slug};

/// A free page such as the accessibility statement, served at `/{slug}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    #[serde(skip)]
    pub slug: Slug,
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
    fn references(&self) -> Vec<(EntityKind, &Ref)> {
        Vec::new()
    }
}
