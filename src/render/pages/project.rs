//! `/projects/`, with its filters, and each project's page.

use crate::model::Mark as _;
use askama::Template;
use serde_json::json;

use super::super::{Chrome, Context, Section};
use super::filter::{Filter, ListFilter, UnknownFilter, choices, chosen, chosen_slug};
use super::paging::{Cut, Pager};
use super::{Linked, ProjectCard, group_link, period, project_card, sort_projects};
use crate::link::Site;
use crate::model::EntityKind;
use crate::model::{Html, Link, Project, ProjectKind, Ref, Slug, Status};
use crate::paths;

/// The filters of `/projects/`, as given in the query string; an empty value means "any".
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ProjectFilter {
    /// A group's slug.
    pub group: Option<String>,
    /// `ongoing` or `completed`.
    pub status: Option<String>,
    /// A kind as content writes it: `phd-project`.
    pub kind: Option<String>,
    /// The page of a filtered list, from 1; the unfiltered list's pages have addresses of
    /// their own (`/projects/page/2/`).
    pub page: Option<String>,
}

impl ListFilter for ProjectFilter {
    const LIST: EntityKind = EntityKind::Project;

    fn values(&self) -> Vec<&Option<String>> {
        vec![&self.group, &self.status, &self.kind]
    }

    fn page(&self) -> &Option<String> {
        &self.page
    }

    fn draw(
        &self,
        site: &Site,
        context: &Context,
        number: usize,
    ) -> Result<Option<askama::Result<String>>, UnknownFilter> {
        Ok(ProjectsPage::new(site, context, self, number)?.map(|page| page.render()))
    }
}

/// `/projects/`: every project, ongoing first, narrowed by group, status and kind through a
/// GET form, and paged when long: the unfiltered list at `/projects/page/2/`, a filtered one
/// with `?page=`.
#[derive(Template)]
#[template(path = "pages/projects.html")]
pub struct ProjectsPage<'a> {
    /// The frame: head, navigation, breadcrumbs and footer.
    pub chrome: Chrome<'a>,
    /// Where the filter form goes: `/projects/`, base path included.
    pub action: String,
    /// The group, status and kind filters.
    pub filters: Vec<Filter>,
    /// The projects on this page that pass every filter, ongoing first.
    pub projects: Vec<ProjectCard>,
    /// `29 projects`, or `2 of 29 projects` when filtered.
    pub count: String,
    /// Whether any filter is set, so the page offers to clear them.
    pub filtered: bool,
    /// The links to the pages before and after.
    pub pager: Pager,
}

/// Every project in the order `/projects/` lists them, ongoing first, each part by title:
/// worked out once per site (through [`Site::memo`]), not for every page of a long list.
struct Order(Vec<Slug>);

impl Order {
    fn new(site: &Site) -> Self {
        let mut projects: Vec<&Project> = site.projects.values().collect();
        sort_projects(&mut projects);
        Order(projects.into_iter().map(|p| p.slug.clone()).collect())
    }
}

impl<'a> ProjectsPage<'a> {
    /// Page `number` (from 1) of the list under `filter`; the filter's own `page` is not read.
    /// A filter value the site does not know is an error, while known values that match
    /// nothing give an empty list; `None` past the last page.
    pub fn new(
        site: &'a Site,
        context: &'a Context,
        filter: &ProjectFilter,
        number: usize,
    ) -> Result<Option<Self>, UnknownFilter> {
        let (group, status, kind) = (chosen(&filter.group), chosen(&filter.status), chosen(&filter.kind));
        let unknown = |field, value: &str| UnknownFilter::new(EntityKind::Project, field, value);
        let group_slug = chosen_slug(group, &site.groups).map_err(|g| unknown("group", g))?;
        let status_wanted = match status {
            Some(s) => Some(Status::ALL.into_iter().find(|x| x.key() == s).ok_or_else(|| unknown("status", s))?),
            None => None,
        };
        let kind_wanted = match kind {
            Some(k) => Some(ProjectKind::ALL.into_iter().find(|x| x.key() == k).ok_or_else(|| unknown("kind", k))?),
            None => None,
        };
        let order = site.memo(Order::new);
        let projects: Vec<&Project> = order
            .0
            .iter()
            .filter_map(|slug| site.projects.get(slug))
            .filter(|p| group_slug.as_ref().is_none_or(|g| p.groups.iter().any(|r| &r.slug() == g)))
            .filter(|p| status_wanted.is_none_or(|s| p.status == Some(s)))
            .filter(|p| kind_wanted.is_none_or(|k| p.kind == k))
            .collect();
        let Some(cut) = Cut::of(EntityKind::Project, projects.len(), number) else {
            return Ok(None);
        };
        let filtered = group.is_some() || status.is_some() || kind.is_some();
        let words = &context.words;
        let total = site.projects.len();
        let count = if filtered {
            words.with("projects-count-filtered", &[("shown", projects.len().into()), ("total", total.into())])
        } else {
            words.with("projects-count", &[("total", total.into())])
        };
        let set = [("group", group), ("status", status), ("kind", kind)];
        let query: Vec<(&str, &str)> = set.into_iter().filter_map(|(name, value)| Some((name, value?))).collect();
        let pager = Pager::new(context, &cut, |n| paths::filtered_list_page(EntityKind::Project, &query, n));
        // The head's `rel=prev/next` are for the unfiltered pages, whose addresses are canonical.
        let chrome = if filtered {
            context.list_chrome(site, EntityKind::Project)
        } else {
            pager.chrome(site, context, EntityKind::Project, &cut)
        };
        let chrome = chrome.describe(
            words.with("projects-description", &[("total", total.into()), ("site", (&site.settings.name).into())]),
        );
        Ok(Some(ProjectsPage {
            chrome,
            action: context.urls.path(paths::list_page(EntityKind::Project)),
            filters: vec![
                Filter::new(
                    words,
                    "group",
                    choices(words, site.groups.values().map(|g| (g.slug.to_string(), g.name.to_string())), group),
                ),
                Filter::new(
                    words,
                    "status",
                    choices(words, Status::ALL.map(|s| (s.key().to_owned(), words.status(s))), status),
                ),
                Filter::new(
                    words,
                    "kind",
                    choices(words, ProjectKind::ALL.map(|k| (k.key().to_owned(), words.project_kind(k))), kind),
                ),
            ],
            projects: cut.of_slice(&projects).iter().map(|p| project_card(site, context, p)).collect(),
            count,
            filtered,
            pager,
        }))
    }
}

/// One fact about a project: a term and its values, each linked where there is a page.
pub struct Fact {
    /// `Coordinator`, `Period` …
    pub term: String,
    /// Never empty: a fact the content does not state is left out.
    pub values: Vec<FactValue>,
}

/// A value of a fact, with a link where it names something on the site.
pub struct FactValue {
    /// A partner's, group's or project's name, or a value as written.
    pub text: crate::model::Text,
    /// Where the value has a page or an entry on the site.
    pub href: Option<String>,
}

/// A person on a project's page, with their part in it.
pub struct ProjectPersonRow {
    /// The person's name, linked to their page.
    pub person: Linked,
    /// `Project leader`, `PhD candidate` …
    pub role: Option<String>,
}

/// `/projects/{slug}/`: every field the content has for one project.
#[derive(Template)]
#[template(path = "pages/project.html")]
pub struct ProjectPage<'a> {
    /// The frame: head, navigation, breadcrumbs and footer.
    pub chrome: Chrome<'a>,
    /// Only the facts the content states, in a fixed order.
    pub facts: Vec<Fact>,
    /// People on the project, in the order its file lists them.
    pub people: Vec<ProjectPersonRow>,
    /// Projects whose `parent` is this one, ongoing first.
    pub subprojects: Vec<ProjectCard>,
    /// Publications that are outputs of the project, newest first, linked to their entries.
    pub outputs: Vec<Linked>,
    /// Description, its site-relative links under the base path.
    pub description: Html,
    /// Project sites and other pages about it.
    pub links: &'a [Link],
    /// News about the project and its events.
    pub happenings: super::Happenings,
}

impl<'a> ProjectPage<'a> {
    /// The page of the project `slug`; `None`, and so a 404, when there is no such project.
    pub fn new(site: &'a Site, context: &'a Context, slug: &Slug) -> Option<Self> {
        let project = site.projects.get(slug)?;
        let (urls, words) = (&context.urls, &context.words);
        let path = paths::entity(EntityKind::Project, slug);
        let text = |t: &str| FactValue { text: t.to_owned().into(), href: None };
        let partner = |r: &Ref| {
            let p = site.partners.get(&r.slug());
            FactValue {
                text: p.map_or_else(|| r.slug.clone().into(), |p| p.name.clone()),
                href: Some(super::href(site, context, EntityKind::Partner, &r.slug())),
            }
        };
        let mut facts = Vec::new();
        let mut fact = |term: String, values: Vec<FactValue>| {
            if !values.is_empty() {
                facts.push(Fact { term, values });
            }
        };
        fact(words.get("fact-acronym"), project.acronym.iter().map(|a| text(a)).collect());
        fact(words.get("fact-kind"), vec![text(&words.project_kind(project.kind))]);
        fact(words.get("fact-status"), project.status.iter().map(|s| text(&words.status(*s))).collect());
        fact(words.get("fact-period"), period(words, project).iter().map(|p| text(p)).collect());
        fact(words.get("fact-coordinator"), project.coordinator.iter().map(partner).collect());
        fact(words.get("fact-leader"), project.leader.iter().map(partner).collect());
        fact(words.get("fact-funder"), project.funder.iter().map(partner).collect());
        fact(words.get("fact-programme"), project.programme.iter().map(|p| text(p)).collect());
        fact(words.get("fact-collaborators"), project.collaborators.iter().map(partner).collect());
        fact(words.get("fact-language"), project.language.iter().map(|l| text(l)).collect());
        let groups: Vec<_> = project.groups.iter().filter_map(|g| site.groups.get(&g.slug())).collect();
        fact(
            words.get("fact-groups"),
            groups
                .iter()
                .map(|g| {
                    let l = group_link(context, g);
                    FactValue { text: l.label, href: Some(l.href) }
                })
                .collect(),
        );
        let parent = project.parent.as_ref().and_then(|p| site.projects.get(&p.slug()));
        fact(
            words.get("fact-part-of"),
            parent.iter().map(|p| FactValue { text: p.title.clone(), href: Some(urls.of(*p)) }).collect(),
        );
        let people = project
            .people
            .iter()
            .filter_map(|pp| {
                let person = site.people.get(&pp.person.slug())?;
                let link = Linked { label: person.name.clone().into(), href: urls.of(person) };
                Some(ProjectPersonRow { person: link, role: pp.role.clone() })
            })
            .collect();
        let outputs = super::newest_first(context, site.publications_of_project(slug));
        let mut subprojects: Vec<_> = site.subprojects(slug).collect();
        sort_projects(&mut subprojects);

        let projects_label = words.section(EntityKind::Project);
        let mut ancestors = vec![(projects_label.as_str(), paths::list_page(EntityKind::Project).to_owned())];
        if let Some(p) = parent {
            ancestors.push((p.acronym.as_deref().unwrap_or(&p.title), paths::entity(EntityKind::Project, &p.slug)));
        }
        let ancestors: Vec<(&str, &str)> = ancestors.iter().map(|(l, p)| (*l, p.as_str())).collect();
        let heading = match &project.acronym {
            Some(a) if !project.title.starts_with(a.as_str()) => format!("{a}: {}", project.title),
            _ => project.title.to_string(),
        };
        let group_names: Vec<_> = groups.iter().map(|g| g.name.to_string()).collect();
        // The title first, so each project's description is its own.
        let description = words.with(
            "project-description",
            &[
                ("heading", (&heading).into()),
                ("kind", words.project_kind(project.kind).into()),
                ("groups", words.and_list(&group_names).into()),
            ],
        );
        let chrome = context
            .chrome(site, Section::List(EntityKind::Project), &heading, &path)
            .heading_in(project.title.lang())
            .describe(description)
            .trail(urls, &ancestors)
            .og("article")
            .schema(json!({
                "@context": "https://schema.org",
                "@type": "ResearchProject",
                "@id": urls.node_id(project),
                "name": project.title,
                "alternateName": project.acronym,
                "url": urls.absolute(&path),
                "funder": project.funder.as_ref().and_then(|f| site.partners.get(&f.slug())).map(|f| json!({"@type": "Organization", "name": f.name})),
                "parentOrganization": groups.iter().map(|g| super::group_node(urls, g)).collect::<Vec<_>>(),
            }));
        Some(ProjectPage {
            chrome,
            facts,
            people,
            subprojects: subprojects.iter().map(|p| project_card(site, context, p)).collect(),
            outputs,
            description: context.body(&project.description),
            links: &project.links,
            happenings: super::happenings(site, context, EntityKind::Project, slug),
        })
    }
}
