//! What a file in `partners/` holds: an organisation the groups or their projects work with.

use serde::Deserialize;

use super::{Entity, EntityKind, Html, Ref, Slug, Text, Url};

/// An organisation the groups work with: a listed partner, or an institution that
/// coordinates, funds or collaborates on a project.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// File name; the partner's entry is `/partners/#{slug}`.
    #[serde(skip)]
    pub slug: Slug,
    /// Full name, as the organisation writes it: `TAOS Institute`.
    pub name: Text,
    /// What sort of organisation it is, in free text: `university`.
    pub kind: Option<String>,
    /// The partner's own website.
    pub link: Option<Url>,
    /// Groups that list it as a partner.
    #[serde(default)]
    pub groups: Vec<Ref>,
    /// Description, rendered from the body.
    #[serde(skip)]
    pub description: Html,
}

impl Entity for Partner {
    const KIND: EntityKind = EntityKind::Partner;
    const DESCRIBED: &'static str = "A partner organisation, in partners/";
    const NEW_FILE: &'static str = r#"+++
# An organisation the groups work with. content/README.md documents every field.
name = {title}
# kind = "university"
# link = "https://…"
# groups = ["relational-welfare"]    # the groups that list it as a partner
+++

<!-- A description, in Markdown, below this line; leave it empty if there is none. -->
"#;
    fn slug(&self) -> &Slug {
        &self.slug
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn identify(&mut self, slug: Slug, body: Html) {
        self.slug = slug;
        self.description = body;
    }
    fn texts_mut(&mut self) -> Vec<(&'static str, &mut Text)> {
        vec![("name", &mut self.name)]
    }
    fn body_mut(&mut self) -> Option<&mut Html> {
        Some(&mut self.description)
    }
    fn urls(&self) -> Vec<&Url> {
        self.link.iter().collect()
    }
    fn references(&self) -> Vec<(EntityKind, &Ref)> {
        self.groups.iter().map(|r| (EntityKind::Group, r)).collect()
    }
}
