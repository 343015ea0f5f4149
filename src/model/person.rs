use serde::Deserialize;

use super::{Entity, EntityKind, Html, Image, Link, Ref, Slug, Url};

/// A person who belongs to at least one group, or works on a project.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// File name; the person's URL is `/people/{slug}`.
    #[serde(skip)]
    pub slug: Slug,
    /// Name as the person writes it: `Øyvind Kvello`.
    #[serde(deserialize_with = "super::non_blank")]
    pub name: String,
    /// Family name for sorting, where it is not the last word of `name`.
    pub family_name: Option<String>,
    /// Academic or job title: `Associate Professor`.
    pub title: Option<String>,
    #[serde(default)]
    pub affiliations: Vec<Affiliation>,
    #[serde(default)]
    pub emails: Vec<String>,
    /// Phone numbers in international form, as written in the content.
    #[serde(default)]
    pub phones: Vec<String>,
    pub photo: Option<Image>,
    #[serde(default)]
    pub links: Vec<Link>,
    #[serde(default)]
    pub memberships: Vec<Membership>,
    /// Biography, rendered from the body.
    #[serde(skip)]
    pub bio: Html,
}

impl Person {
    /// The family name the directory sorts by.
    pub fn family_name(&self) -> &str {
        self.family_name.as_deref().unwrap_or_else(|| self.name.rsplit(' ').next().unwrap_or(&self.name))
    }
}

/// Where a person works; each part may be left out.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Affiliation {
    /// Title held there, where a person has different titles at different places.
    pub title: Option<String>,
    pub department: Option<String>,
    pub institution: Option<String>,
    pub country: Option<String>,
}

/// A person's place in a group.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    pub group: Ref,
    pub role: Role,
    /// Position in the group, such as `Leader`.
    pub position: Option<String>,
}

/// The roles a person can have in a group, in the order a group page lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Member,
    ExternalMember,
    AdvisoryBoard,
    AssociatedResearcher,
}

impl Role {
    /// Every role, in the order a group page lists them.
    pub const ALL: [Role; 4] = [Role::Member, Role::ExternalMember, Role::AdvisoryBoard, Role::AssociatedResearcher];

    /// Heading for the people who have this role.
    pub fn label(self) -> &'static str {
        match self {
            Role::Member => "Members",
            Role::ExternalMember => "External members",
            Role::AdvisoryBoard => "Advisory board",
            Role::AssociatedResearcher => "Associated researchers",
        }
    }
}

impl Entity for Person {
    const KIND: EntityKind = EntityKind::Person;
    fn identify(&mut self, slug: Slug, body: Html) {
        self.slug = slug;
        self.bio = body;
    }
    fn urls(&self) -> Vec<&Url> {
        self.links.iter().filter_map(|l| l.url.as_ref()).collect()
    }
    fn references(&self) -> Vec<(EntityKind, &Ref)> {
        self.memberships.iter().map(|m| (EntityKind::Group, &m.group)).collect()
    }
    fn images(&self) -> Vec<&Image> {
        self.photo.iter().collect()
    }
}
