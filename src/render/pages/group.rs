//! A group's page: everything the content says about one group, gathered from every file that names it.

use crate::model::Mark as _;
use askama::Template;
use serde_json::json;

use super::super::{Chrome, Context, Section};
use super::paging;
use super::{
    Happenings, Linked, PeopleSection, Picture, ProjectCard, person_node, picture, project_card, publications,
    sort_projects,
};
use crate::link::Site;
use crate::model::{EntityKind, Group, Html, Link, Place, PublicationKind, Role, Slug};
use crate::paths;

/// `/groups/{slug}/`: everything about one group, drawn from every file that names it.
#[derive(Template)]
#[template(path = "pages/group.html")]
pub struct GroupPage<'a> {
    /// The frame: head, navigation, breadcrumbs and footer.
    pub chrome: Chrome<'a>,
    /// The group, for the fields the page shows as written: name, tagline, mission, spotlights.
    pub group: &'a Group,
    /// `Research group` or `Research center`, above the name.
    pub kind: String,
    /// Host institution and department, joined for one line.
    pub home: Option<String>,
    /// The about text's first paragraph; the quotation follows it.
    pub about_intro: Html,
    /// The rest of the about text.
    pub about_rest: Html,
    /// The wide picture; nothing is shown where the content has no file.
    pub hero: Option<Picture>,
    /// The hero's caption, `Photo: …`, where the content names its photographer.
    pub hero_credit: Option<String>,
    /// Beside the name, where the content has the file.
    pub logo: Option<Picture>,
    /// Ongoing projects first; as many as a page of `/projects/` holds.
    pub projects: Vec<ProjectCard>,
    /// `All 1,234 projects of …`, to `/projects/?group=`, where the group has more than shown.
    pub all_projects: Option<Linked>,
    /// One section per role that has people, in the order of [`Role::ALL`], then former
    /// members; as many people as a page of `/people/` holds.
    pub people: Vec<PeopleSection>,
    /// `All 4,321 people of …`, to `/people/?group=`, where the group has more than shown.
    pub all_people: Option<Linked>,
    /// Partners the group lists, in Norwegian order, each linked to its entry on `/partners/`.
    pub partners: Vec<Linked>,
    /// The latest publications and edited books (at most five), newest first; not the journal.
    pub publications: Vec<Listed>,
    /// `All publications of …`, to `/publications/?group=`; none where the group has none.
    pub all_publications: Option<Linked>,
    /// Practices the group points to.
    pub practices: Vec<Listed>,
    /// The group's own journal, named above its other publications.
    pub journal: Option<Listed>,
    /// The group's accounts elsewhere, under "Follow".
    pub social: &'a [Link],
    /// Its latest news and next events.
    pub happenings: Happenings,
}

/// An entry in one of the group page's short lists: what it is, its title, and where more is.
pub struct Listed {
    /// Set before the title: `Special issue`, `Municipality`.
    pub kind: String,
    /// The entry's title, the link text.
    pub title: crate::model::Text,
    /// Its entry on a list page, or an edited book's project page.
    pub href: String,
    /// Venue, publisher or place (and a publication's year), after the title.
    pub detail: Option<String>,
}

impl<'a> GroupPage<'a> {
    /// The page of the group `slug`; `None`, and so a 404, when there is no such group.
    pub fn new(site: &'a Site, context: &'a Context, slug: &Slug) -> Option<Self> {
        let group = site.groups.get(slug)?;
        let (urls, words) = (&context.urls, &context.words);
        let path = paths::entity(EntityKind::Group, slug);

        // A university's group has thousands of people and projects: the page shows a list's
        // page of each and links to the rest, so it stays as small as any list's page.
        let mut projects: Vec<_> = site.projects_of_group(slug).collect();
        sort_projects(&mut projects);
        // "All 232 people of …", to the list of `kind` narrowed to the group.
        let all = |kind, key: &str, count: usize| Linked {
            label: words.with(key, &[("count", count.into()), ("group", (&group.name).into())]).into(),
            href: urls.path(&paths::filtered_list(kind, &[("group", slug.as_str())])),
        };
        let all_projects = (projects.len() > paging::per_page(EntityKind::Project))
            .then(|| all(EntityKind::Project, "group-all-projects", projects.len()));
        projects.truncate(paging::per_page(EntityKind::Project));
        let today = site.today(super::super::now());
        let people = super::person::of_group(site, context, slug);
        let all_people = people.more.map(|count| all(EntityKind::Person, "group-all-people", count));
        let people = people.sections;
        let mut partners: Vec<Linked> = site
            .partners_of_group(slug)
            .map(|p| Linked { label: p.name.clone(), href: super::href(site, context, EntityKind::Partner, &p.slug) })
            .collect();
        partners.sort_by_key(|l| super::norwegian_key(&l.label));

        // The latest first, as `/publications/?group=` lists them; the journal has its own line.
        // Read only as far as the latest are found: a university's list is long.
        let mut of_group = publications::listed(site).filter(|l| l.in_group(slug)).peekable();
        let has_publications = of_group.peek().is_some();
        let publications = of_group
            .filter(|l| l.kind() != PublicationKind::Journal)
            .take(publications::LATEST_ON_GROUP)
            .map(|listed| {
                let (href, detail, title) = match listed {
                    publications::Listed::Publication(p) => {
                        (urls.of(p), p.venue.clone().or_else(|| p.publisher.clone()), p.title.clone().into())
                    }
                    publications::Listed::Book(p) => (urls.of(p), None, p.title.clone()),
                };
                let detail = detail.into_iter().chain(listed.year().map(|y| y.to_string())).collect::<Vec<_>>();
                Listed {
                    kind: words.publication_kind(listed.kind()),
                    title,
                    href,
                    detail: (!detail.is_empty()).then(|| detail.join(", ")),
                }
            })
            .collect();
        let all_publications = has_publications.then(|| Linked {
            label: words.with("group-all-publications", &[("group", (&group.name).into())]).into(),
            href: urls.path(&paths::filtered_list(EntityKind::Publication, &[("group", slug.as_str())])),
        });
        let practices = site
            .practices_of_group(slug)
            .map(|p| Listed {
                kind: words.level(p.level),
                title: p.title.clone(),
                href: super::href(site, context, EntityKind::Practice, &p.slug),
                detail: p.place.clone(),
            })
            .collect();
        let journal = group.journal.as_ref().and_then(|j| site.publications.get(&j.slug())).map(|j| Listed {
            kind: words.publication_kind(PublicationKind::Journal),
            title: j.title.clone().into(),
            href: urls.of(j),
            detail: None,
        });
        let hero = group.hero.as_ref().and_then(|h| picture(site, context, h, Place::Hero));
        let hero_credit = hero.as_ref().and_then(|h| h.credit.as_ref());
        let hero_credit = hero_credit.map(|credit| words.with("group-photo-credit", &[("credit", credit.into())]));
        let logo = group.logo.as_ref().and_then(|l| picture(site, context, l, Place::Logo));
        let home = [&group.department, &group.host].into_iter().flatten().cloned().collect::<Vec<_>>().join(", ");

        // The members the page shows, each once.
        let mut seen = std::collections::HashSet::new();
        let members: Vec<_> = Role::ALL
            .into_iter()
            .flat_map(|role| site.people_of_group(slug, role, today))
            .filter(|p| seen.insert(&p.slug))
            .take(paging::per_page(EntityKind::Person))
            .map(|p| person_node(urls, p))
            .collect();
        let description = group.tagline.clone().or_else(|| group.mission.clone()).unwrap_or_default();
        let chrome = context
            .chrome(site, Section::Group(slug.clone()), &group.name, &path)
            .describe(description.clone())
            .trail(urls, &[])
            .image(hero.as_ref().or(logo.as_ref()), urls, hero.is_some())
            .schema(json!({
                "@context": "https://schema.org",
                "@type": "ResearchOrganization",
                "@id": urls.node_id(group),
                "name": group.name,
                "alternateName": group.short_name,
                "description": description,
                "url": urls.absolute(&path),
                "parentOrganization": group.host.as_ref().map(|h| json!({"@type": "CollegeOrUniversity", "name": h})),
                "logo": logo.as_ref().map(|l| l.absolute(urls)),
                "image": hero.as_ref().map(|h| h.absolute(urls)),
                "member": members,
            }));
        let happenings = super::happenings(site, context, EntityKind::Group, slug);
        let has_news_or_events = !happenings.news.is_empty() || happenings.calendar.is_some();
        let chrome = if has_news_or_events { chrome.feed(urls.absolute(&paths::group_feed(slug))) } else { chrome };
        let chrome = if happenings.calendar.is_some() {
            chrome.calendar(urls.absolute(&paths::group_calendar(slug)))
        } else {
            chrome
        };
        let (about_intro, about_rest) = context.body(&group.about).split_after_first_paragraph();
        Some(GroupPage {
            chrome,
            group,
            kind: words.group_kind(group.kind),
            home: (!home.is_empty()).then_some(home),
            about_intro,
            about_rest,
            hero,
            hero_credit,
            logo,
            projects: projects.iter().map(|p| project_card(site, context, p)).collect(),
            all_projects,
            people,
            all_people,
            partners,
            publications,
            all_publications,
            practices,
            journal,
            social: &group.social,
            happenings,
        })
    }
}
