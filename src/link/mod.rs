//! Connects checked entities into a [`Site`]: the graph every page is drawn from, with the
//! reverse indices pages need (a group's projects, a person's groups, a project's
//! sub-projects), so no page has to search.

use std::collections::{BTreeMap, BTreeSet};

use crate::check::Model;
use crate::model::{EntityKind, Group, Page, Partner, Person, Practice, Project, Publication, Role, Settings, Slug};

/// The whole site, immutable once built. Lookups are by slug; lists come in a stable order
/// (by slug) and pages sort them as they show them.
#[derive(Debug)]
pub struct Site {
    /// The name, description, language and host every page shows.
    pub settings: Settings,
    /// In slug order, which is also the order of the navigation and the home page.
    pub groups: BTreeMap<Slug, Group>,
    /// Every project and research activity, each with its page.
    pub projects: BTreeMap<Slug, Project>,
    /// Each with a page and a vCard; only people with a membership are in the directory.
    pub people: BTreeMap<Slug, Person>,
    /// Listed on `/partners`, with no page of their own.
    pub partners: BTreeMap<Slug, Partner>,
    /// Listed on `/publications`, with no page of their own.
    pub publications: BTreeMap<Slug, Publication>,
    /// Listed on `/practices`, with no page of their own.
    pub practices: BTreeMap<Slug, Practice>,
    /// Free pages, in slug order, which is also the order of the footer.
    pub pages: BTreeMap<Slug, Page>,
    /// Files under `media/` (`media/hero.jpg`): the only files served from the content folder.
    pub media: BTreeSet<String>,
    /// When the newest content file was last changed: every page's `Last-Modified`.
    pub modified: std::time::SystemTime,
    index: Index,
}

/// Reverse indices, each the inverse of references written in entity files.
#[derive(Debug, Default)]
struct Index {
    group_projects: BTreeMap<Slug, BTreeSet<Slug>>,
    group_people: BTreeMap<Slug, BTreeSet<(Role, Slug)>>,
    group_partners: BTreeMap<Slug, BTreeSet<Slug>>,
    group_publications: BTreeMap<Slug, BTreeSet<Slug>>,
    group_practices: BTreeMap<Slug, BTreeSet<Slug>>,
    person_projects: BTreeMap<Slug, BTreeSet<Slug>>,
    person_publications: BTreeMap<Slug, BTreeSet<Slug>>,
    partner_projects: BTreeMap<Slug, BTreeSet<Slug>>,
    subprojects: BTreeMap<Slug, BTreeSet<Slug>>,
}

fn by_slug<T>(entities: Vec<T>, slug: impl Fn(&T) -> &Slug) -> BTreeMap<Slug, T> {
    entities.into_iter().map(|e| (slug(&e).clone(), e)).collect()
}

fn add(index: &mut BTreeMap<Slug, BTreeSet<Slug>>, key: Slug, value: &Slug) {
    index.entry(key).or_default().insert(value.clone());
}

/// Builds the site from a model whose references have all been checked.
pub fn link(model: Model) -> Site {
    let mut index = Index::default();
    for project in &model.projects {
        for group in &project.groups {
            add(&mut index.group_projects, group.slug(), &project.slug);
        }
        for person in &project.people {
            add(&mut index.person_projects, person.person.slug(), &project.slug);
        }
        for partner in
            project.coordinator.iter().chain(&project.leader).chain(&project.funder).chain(&project.collaborators)
        {
            add(&mut index.partner_projects, partner.slug(), &project.slug);
        }
        if let Some(parent) = &project.parent {
            add(&mut index.subprojects, parent.slug(), &project.slug);
        }
    }
    for person in &model.people {
        for membership in &person.memberships {
            index
                .group_people
                .entry(membership.group.slug())
                .or_default()
                .insert((membership.role, person.slug.clone()));
        }
    }
    for partner in &model.partners {
        for group in &partner.groups {
            add(&mut index.group_partners, group.slug(), &partner.slug);
        }
    }
    for publication in &model.publications {
        for group in &publication.groups {
            add(&mut index.group_publications, group.slug(), &publication.slug);
        }
        for editor in &publication.editors {
            add(&mut index.person_publications, editor.slug(), &publication.slug);
        }
    }
    for practice in &model.practices {
        for group in &practice.groups {
            add(&mut index.group_practices, group.slug(), &practice.slug);
        }
    }
    Site {
        settings: model.settings,
        groups: by_slug(model.groups, |e| &e.slug),
        projects: by_slug(model.projects, |e| &e.slug),
        people: by_slug(model.people, |e| &e.slug),
        partners: by_slug(model.partners, |e| &e.slug),
        publications: by_slug(model.publications, |e| &e.slug),
        practices: by_slug(model.practices, |e| &e.slug),
        pages: by_slug(model.pages, |e| &e.slug),
        media: model.media,
        modified: model.modified.unwrap_or(std::time::UNIX_EPOCH),
        index,
    }
}

/// The entities in `map` named by the slugs under `key` in `index`.
fn lookup<'a, T>(
    index: &'a BTreeMap<Slug, BTreeSet<Slug>>,
    key: &Slug,
    map: &'a BTreeMap<Slug, T>,
) -> impl Iterator<Item = &'a T> + 'a {
    index.get(key).into_iter().flatten().filter_map(move |slug| map.get(slug))
}

impl Site {
    /// Projects a group lists.
    pub fn projects_of_group<'a>(&'a self, group: &Slug) -> impl Iterator<Item = &'a Project> + 'a {
        lookup(&self.index.group_projects, group, &self.projects)
    }

    /// People with `role` in a group.
    pub fn people_of_group<'a>(&'a self, group: &Slug, role: Role) -> impl Iterator<Item = &'a Person> + 'a {
        let entries = self.index.group_people.get(group).into_iter().flatten();
        entries.filter(move |(r, _)| *r == role).filter_map(|(_, slug)| self.people.get(slug))
    }

    /// Partners a group lists.
    pub fn partners_of_group<'a>(&'a self, group: &Slug) -> impl Iterator<Item = &'a Partner> + 'a {
        lookup(&self.index.group_partners, group, &self.partners)
    }

    /// Publications of a group.
    pub fn publications_of_group<'a>(&'a self, group: &Slug) -> impl Iterator<Item = &'a Publication> + 'a {
        lookup(&self.index.group_publications, group, &self.publications)
    }

    /// Practices a group points to.
    pub fn practices_of_group<'a>(&'a self, group: &Slug) -> impl Iterator<Item = &'a Practice> + 'a {
        lookup(&self.index.group_practices, group, &self.practices)
    }

    /// Groups a person belongs to, with the role in each.
    pub fn groups_of_person<'a>(&'a self, person: &'a Person) -> impl Iterator<Item = (&'a Group, Role)> + 'a {
        person.memberships.iter().filter_map(|m| Some((self.groups.get(&m.group.slug())?, m.role)))
    }

    /// Projects a person takes part in.
    pub fn projects_of_person<'a>(&'a self, person: &Slug) -> impl Iterator<Item = &'a Project> + 'a {
        lookup(&self.index.person_projects, person, &self.projects)
    }

    /// Publications a person edited.
    pub fn publications_of_person<'a>(&'a self, person: &Slug) -> impl Iterator<Item = &'a Publication> + 'a {
        lookup(&self.index.person_publications, person, &self.publications)
    }

    /// Projects a partner coordinates, funds or collaborates on.
    pub fn projects_of_partner<'a>(&'a self, partner: &Slug) -> impl Iterator<Item = &'a Project> + 'a {
        lookup(&self.index.partner_projects, partner, &self.projects)
    }

    /// Sub-projects of a project.
    pub fn subprojects<'a>(&'a self, project: &Slug) -> impl Iterator<Item = &'a Project> + 'a {
        lookup(&self.index.subprojects, project, &self.projects)
    }

    /// Every entity of `kind`, by slug, with the name or title pages show it under: what the
    /// preview names when a change would take entities away.
    pub fn names(&self, kind: EntityKind) -> Vec<(&Slug, &str)> {
        match kind {
            EntityKind::Group => self.groups.values().map(|e| (&e.slug, e.name.as_str())).collect(),
            EntityKind::Project => self.projects.values().map(|e| (&e.slug, e.title.as_str())).collect(),
            EntityKind::Person => self.people.values().map(|e| (&e.slug, e.name.as_str())).collect(),
            EntityKind::Partner => self.partners.values().map(|e| (&e.slug, e.name.as_str())).collect(),
            EntityKind::Publication => self.publications.values().map(|e| (&e.slug, e.title.as_str())).collect(),
            EntityKind::Practice => self.practices.values().map(|e| (&e.slug, e.title.as_str())).collect(),
            EntityKind::Page => self.pages.values().map(|e| (&e.slug, e.title.as_str())).collect(),
        }
    }

    /// How many entities of each kind the site holds, for `check`'s summary.
    pub fn summary(&self) -> String {
        let counts = [
            (self.groups.len(), "group", "groups"),
            (self.projects.len(), "project", "projects"),
            (self.people.len(), "person", "people"),
            (self.partners.len(), "partner", "partners"),
            (self.publications.len(), "publication", "publications"),
            (self.practices.len(), "practice", "practices"),
            (self.pages.len(), "page", "pages"),
        ];
        counts
            .iter()
            .map(|&(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
