//! What a file in `projects/` holds: a research activity, who runs and funds it, and who works on it.

use serde::Deserialize;

use super::{Entity, EntityKind, Html, Link, Ref, RefList, Slug, Text, Url};

/// A research activity of any kind: a project, a PhD project, an edited book, a review.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// File name; the project's URL is `/projects/{slug}/`.
    #[serde(skip)]
    pub slug: Slug,
    /// Full title; the page heading puts the acronym before it unless the title starts with it.
    pub title: Text,
    /// Short name, `POINT`: on cards, and in the breadcrumbs of sub-projects.
    pub acronym: Option<String>,
    /// A filter on `/projects/`; edited books are listed among the publications too.
    pub kind: ProjectKind,
    /// Left out where the content does not say; ongoing projects are listed first.
    pub status: Option<Status>,
    /// First year; alone it reads `From 2021`, with `end_year` `2021–2024`.
    pub start_year: Option<u16>,
    /// Last year; alone it reads `Until 2024`.
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
    /// People on the project, in the order its page lists them.
    #[serde(default)]
    pub people: Vec<ProjectPerson>,
    /// The project this one is a sub-project of.
    pub parent: Option<Ref>,
    /// Project sites and other pages about it, at the end of its page.
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
    /// The person, whose page lists the project in turn.
    pub person: Ref,
    /// `Project leader`, `PhD candidate` …
    pub role: Option<String>,
}

/// What kind of research activity a project is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProjectKind {
    /// `project`: a research project.
    Project,
    /// `phd-project`: a doctoral candidate's project.
    PhdProject,
    /// `edited-book`: a book the groups edit; also listed among the publications.
    EditedBook,
    /// `review`: a review of research, such as a rapid review.
    Review,
    /// `expert-group`: an expert group the groups take part in.
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

    /// The kind as content and addresses write it (`phd-project`), and as catalogues name it.
    pub fn key(self) -> &'static str {
        match self {
            ProjectKind::Project => "project",
            ProjectKind::PhdProject => "phd-project",
            ProjectKind::EditedBook => "edited-book",
            ProjectKind::Review => "review",
            ProjectKind::ExpertGroup => "expert-group",
        }
    }
}

/// Whether a project is still running, where the content says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// `ongoing`: listed before the rest.
    Ongoing,
    /// `completed`: listed after the ongoing ones.
    Completed,
}

impl Status {
    /// Every status, in the order filters list them.
    pub const ALL: [Status; 2] = [Status::Ongoing, Status::Completed];

    /// The status as content and addresses write it, and as catalogues name it.
    pub fn key(self) -> &'static str {
        match self {
            Status::Ongoing => "ongoing",
            Status::Completed => "completed",
        }
    }
}

impl Entity for Project {
    const KIND: EntityKind = EntityKind::Project;
    const DESCRIBED: &'static str = "A project, in projects/";
    const NEW_FILE: &'static str = r#"+++
# A project or other research activity. content/README.md documents every field.
title = {title}
# acronym = "POINT"
# kind: project, phd-project, edited-book, review or expert-group
kind = "project"
# status = "ongoing"                 # or "completed"; only where the source says so
# start_year = 2021
# end_year = 2024
# coordinator = "seraf"              # a partner slug (a file in partners/)
# leader = "who"                     # a partner slug, where the source says "project leader"
# funder = "norwegian-research-council"
# programme = "Erasmus+"
# collaborators = ["nord-university"]
# language = "Norwegian"             # where the material is not in English
# people = [{ person = "siri-mordal", role = "PhD candidate" }]
# parent = "mattering-research"      # the project this one is part of
# links = [{ label = "Project site", url = "https://…" }]
# groups: at least one group slug (a file in groups/). Required.
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
