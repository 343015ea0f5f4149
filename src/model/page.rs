//! What a file in `pages/` holds: a free page such as the accessibility statement or contact page.

use serde::Deserialize;

use super::{Entity, EntityKind, Html, Ref, Slug, Text, Url};

/// A free page such as the accessibility statement, served at `/{slug}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// File name, and so the page's address; never one of the site's own sections.
    #[serde(skip)]
    pub slug: Slug,
    /// The page's `<h1>`, and its link text in the footer.
    pub title: Text,
    /// One sentence for search engines.
    pub description: Option<Text>,
    /// The page's text, rendered from the body.
    #[serde(skip)]
    pub body: Html,
}

impl Entity for Page {
    const KIND: EntityKind = EntityKind::Page;
    const DESCRIBED: &'static str = "A free page, in pages/";
    const NEW_FILE: &'static str = r#"+++
# A free page, served at /{file name}. content/README.md documents every field.
title = {title}
# description = "One sentence for search engines."
+++

<!-- The page, in Markdown, below this line. -->
"#;
    fn slug(&self) -> &Slug {
        &self.slug
    }
    fn name(&self) -> &str {
        &self.title
    }
    fn identify(&mut self, slug: Slug, body: Html) {
        self.slug = slug;
        self.body = body;
    }
    fn texts_mut(&mut self) -> Vec<(&'static str, &mut Text)> {
        vec![("title", &mut self.title)]
            .into_iter()
            .chain(self.description.as_mut().map(|s| ("description", s)))
            .collect()
    }
    fn body_mut(&mut self) -> Option<&mut Html> {
        Some(&mut self.body)
    }
    fn urls(&self) -> Vec<&Url> {
        Vec::new()
    }
    fn references(&self) -> Vec<(EntityKind, &Ref)> {
        Vec::new()
    }
}
