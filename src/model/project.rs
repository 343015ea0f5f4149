use serde::Deserialize;

use super::{Entity, EntityKind, Html, Link, Ref, RefList, Slug, Url};

/// A research activity of any kind: a project, a PhD project, an edited book, a review.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// File name; the project's URL is `/projects/{slug}`.
    #[serde(skip)]
    pub slug: Slug,
    #[serde(deserialize_with = "super::non_blank")]
    pub title: String,
    pub acronym: Option<String>,
    pub kind: ProjectKind,
    pub status: Option<Status>,
    pub start_year: Option<u16>,
    pub end_year: Option<u16>,
    /// The partner that coordinates the project.
    pub coordinator: Option<Ref>,
    /// The partner that leads the project, where the content says "project leader" rather
    /// than coordinator.
    pub leader: Option<Ref>,
    /// The partner that funds it.
    pub funder: Option<Ref>,
    /// Funding programme, as text.
    pub programme: Option<String>,
    /// Partners that take part.
    #[serde(default)]
    pub collaborators: Vec<Ref>,
    /// Language of the project's material, where not English.
    pub language: Option<String>,
    /// Groups that list the project; at least one.
    pub groups: RefList,
    #[serde(default)]
    pub people: Vec<ProjectPerson>,
    /// The project this one is a sub-project of.
    pub parent: Option<Ref>,
    #[serde(default)]
    pub links: Vec<Link>,
    /// Description, rendered from the body.
    #[serde(skip)]
    pub description: Html,
}

/// A person's part in a project.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectPerson {
    pub person: Ref,
    /// `Project leader`, `PhD candidate` …
    pub role: Option<String>,
}

/// What kind of research activity a project is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProjectKind {
    Project,
    PhdProject,
    EditedBook,
    Review,
    ExpertGroup,
}

impl ProjectKind {
    /// Every kind, in the order filters list them.
    pub const ALL: [ProjectKind; 5] = [
        ProjectKind::Project,
        ProjectKind::PhdProject,
        ProjectKind::EditedBook,
        ProjectKind::Review,
        ProjectKind::ExpertGroup,
    ];

    /// How the site names the kind.
    pub fn label(self) -> &'static str {
        match self {
            ProjectKind::Project => "Project",
            ProjectKind::PhdProject => "PhD project",
            ProjectKind::EditedBook => "Edited book",
            ProjectKind::Review => "Review",
            ProjectKind::ExpertGroup => "Expert group",
        }
    }
}

/// Whether a project is still running, where the content says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Ongoing,
    Completed,
}

impl Status {
    /// How the site names the status.
    pub fn label(self) -> &'static str {
        match self {
            Status::Ongoing => "Ongoing",
            Status::Completed => "Completed",
        }
    }
}

impl Entity for Project {
    const KIND: EntityKind = EntityKind::Project;
    fn identify(&mut self, slug: Slug, body: Html) {
        self.slug = slug;
        self.description = body;
    }
    fn urls(&self) -> Vec<&Url> {
        self.links.iter().filter_map(|l| l.url.as_ref()).collect()
    }
    fn references(&self) -> Vec<(EntityKind, &Ref)> {
        let partners = self.coordinator.iter().chain(&self.leader).chain(&self.funder).chain(&self.collaborators);
        partners
            .map(|r| (EntityKind::Partner, r))
            .chain(self.groups.iter().map(|r| (EntityKind::Group, r)))
            .chain(self.people.iter().map(|p| (EntityKind::Person, &p.person)))
            .chain(self.parent.iter().map(|r| (EntityKind::Project, r)))
            .collect()
    }
    fn required_lists(&self) -> Vec<(&'static str, &RefList)> {
        vec![("groups", &self.groups)]
    }
}
