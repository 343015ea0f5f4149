//! One struct per page type, each holding what its template shows, prepared from the `Site`.
//! `new` does every lookup, sort and URL; templates only loop, branch and print.
//! [`entity_page`] and [`list_page`] are the one place a kind meets its page types.

mod error;
mod events;
mod filter;
mod group;
mod home;
mod lists;
mod news;
mod page;
mod paging;
mod person;
mod project;
mod publication;
mod publications;
mod search;

pub use error::ErrorPage;
pub(crate) use events::when_text;
pub use events::{EventCard, EventPage, EventsPage};
pub use filter::ListFilter;
pub use group::GroupPage;
pub use home::HomePage;
pub use lists::{PartnersPage, PracticesPage};
pub(crate) use news::published;
pub use news::{NewsCard, NewsPage, StoryPage};
pub use page::FreePage;
pub use paging::per_page;
pub use person::{PeopleFilter, PeoplePage, PersonPage};
pub use project::{ProjectFilter, ProjectPage, ProjectsPage};
pub use publications::{PublicationFilter, PublicationsPage, Refused};
pub use search::{Asked, SearchPage};

use askama::Template;

use super::{Arg, Context, RenderError, Words, norwegian_key};
use crate::link::Site;
use crate::model::{Affiliation, EntityKind, Group, Image, Person, Project, Publication, Role, Slug};
use crate::paths;

/// The page of the entity of `kind` named `slug`, drawn; none where there is no such entity
/// or its kind has no pages (its entities are entries of a list).
pub fn entity_page(
    kind: EntityKind,
    site: &Site,
    context: &Context,
    slug: &Slug,
) -> Option<Result<String, RenderError>> {
    let drawn = match kind {
        EntityKind::Group => GroupPage::new(site, context, slug)?.render(),
        EntityKind::Project => ProjectPage::new(site, context, slug)?.render(),
        EntityKind::Person => PersonPage::new(site, context, slug)?.render(),
        EntityKind::Page => FreePage::new(site, context, slug)?.render(),
        EntityKind::Publication => publication::PublicationPage::new(site, context, slug)?.render(),
        EntityKind::News => StoryPage::new(site, context, slug)?.render(),
        EntityKind::Event => EventPage::new(site, context, slug, super::now())?.render(),
        EntityKind::Partner | EntityKind::Practice => return None,
    };
    Some(drawn.map_err(RenderError::from))
}

/// The list page of `kind` (a paged list's first page); none for a kind without one. The
/// lists with filters are drawn by [`ProjectsPage`] and [`PublicationsPage`] themselves.
pub fn list_page(kind: EntityKind, site: &Site, context: &Context) -> Option<Result<String, RenderError>> {
    list_page_at(kind, site, context, 1)
}

/// Page `number` (from 2) of the unfiltered list of `kind`, for the kinds in
/// [`paths::PAGED_LISTS`]; none past its last page.
pub fn later_list_page(
    kind: EntityKind,
    site: &Site,
    context: &Context,
    number: usize,
) -> Option<Result<String, RenderError>> {
    if !paths::PAGED_LISTS.contains(&kind) {
        return None;
    }
    list_page_at(kind, site, context, number)
}

/// Page `number` (from 1) of the unfiltered list of `kind`; none past its last page, and
/// none but the first for a list that is not paged.
fn list_page_at(
    kind: EntityKind,
    site: &Site,
    context: &Context,
    number: usize,
) -> Option<Result<String, RenderError>> {
    let drawn = match kind {
        EntityKind::Project => ProjectsPage::new(site, context, &ProjectFilter::default(), number).ok()??.render(),
        EntityKind::Person => PeoplePage::new(site, context, number)?.render(),
        EntityKind::Partner => PartnersPage::new(site, context, number)?.render(),
        EntityKind::Publication => {
            PublicationsPage::new(site, context, &PublicationFilter::default(), number).ok()?.render()
        }
        EntityKind::Practice => PracticesPage::new(site, context, number)?.render(),
        EntityKind::News => NewsPage::new(site, context, number)?.render(),
        EntityKind::Event => (number == 1).then(|| EventsPage::new(site, context, super::now()))?.render(),
        EntityKind::Group | EntityKind::Page => return None,
    };
    Some(drawn.map_err(RenderError::from))
}

/// How many pages the unfiltered list of `kind` has: at least one, more for the kinds in
/// [`paths::PAGED_LISTS`] when they are long, at [`per_page`] a page.
pub fn unfiltered_pages(kind: EntityKind, site: &Site) -> usize {
    let listed = match kind {
        EntityKind::Publication => publications::listed_count(site),
        EntityKind::Person => person::listed_count(site),
        EntityKind::News | EntityKind::Project | EntityKind::Partner | EntityKind::Practice => site.count(kind),
        EntityKind::Group | EntityKind::Event | EntityKind::Page => return 1,
    };
    paging::page_count(listed, per_page(kind))
}

/// Where the entity of `kind` named `slug` is shown, root-relative: its own page, or its
/// entry on the page of its list it stands on (`/partners/page/2/#acme`). Links to an entry
/// of a list are made here, as only the site knows which page it is on.
pub(crate) fn shown_at(site: &Site, kind: EntityKind, slug: &Slug) -> String {
    paths::entry_on_page(kind, slug, lists::entry_page(site, kind, slug))
}

/// [`shown_at`], with the base path, for a link on a page.
pub(crate) fn href(site: &Site, context: &Context, kind: EntityKind, slug: &Slug) -> String {
    context.urls.path(&shown_at(site, kind, slug))
}

/// The sections the navigation, the home page and the sitemap show, in [`paths::SECTIONS`]'
/// order: those whose list has something in it, so a site without news has no "News".
pub fn shown_sections(site: &Site) -> impl Iterator<Item = EntityKind> + '_ {
    paths::SECTIONS.into_iter().filter(move |kind| match kind {
        EntityKind::Publication => publications::listed_count(site) > 0,
        other => site.count(*other) > 0,
    })
}

/// News and events on the page of a group, a person or a project.
#[derive(Debug, Clone, Default)]
pub struct Happenings {
    /// Stories, newest first: a group's latest, all of a person's or a project's.
    pub news: Vec<NewsCard>,
    /// To `/news/`, where the page shows only the latest.
    pub news_more: Option<Linked>,
    /// Events: a group's upcoming; a person's or project's upcoming, then past.
    pub events: Vec<EventCard>,
    /// To `/events/`, where the page shows only some.
    pub events_more: Option<Linked>,
    /// A group's calendar to subscribe to, where it has events.
    pub calendar: Option<Linked>,
}

/// The news and events of the `kind` named `slug`. A group's page shows its latest stories
/// and next events, with links to all; a person's or project's shows every one.
pub(crate) fn happenings(site: &Site, context: &Context, kind: EntityKind, slug: &Slug) -> Happenings {
    let (urls, words) = (&context.urls, &context.words);
    let news = news::newest_first(site, site.news_of(kind, slug));
    let (upcoming, past) = events::by_time(site, site.events_of(kind, slug), super::now());
    let link = |label: String, path: &str| Linked { label: label.into(), href: urls.path(path) };
    if kind == EntityKind::Group {
        let more_news = news.len() > news::LATEST_ON_GROUP;
        let more_events = upcoming.len() > events::UPCOMING_ON_PAGE || !past.is_empty();
        let has_events = !upcoming.is_empty() || !past.is_empty();
        return Happenings {
            news: news.into_iter().take(news::LATEST_ON_GROUP).map(|n| news::card(site, context, n)).collect(),
            news_more: more_news.then(|| link(words.get("news-all"), paths::list_page(EntityKind::News))),
            events: upcoming
                .into_iter()
                .take(events::UPCOMING_ON_PAGE)
                .map(|e| events::card(site, context, e))
                .collect(),
            events_more: more_events.then(|| link(words.get("events-all"), paths::list_page(EntityKind::Event))),
            calendar: has_events.then(|| {
                let name = site.groups.get(slug).map(|g| g.name.to_string()).unwrap_or_default();
                link(words.with("event-calendar-group", &[("group", name.into())]), &paths::group_calendar(slug))
            }),
        };
    }
    Happenings {
        news: news.into_iter().map(|n| news::card(site, context, n)).collect(),
        events: upcoming.into_iter().chain(past).map(|e| events::card(site, context, e)).collect(),
        ..Happenings::default()
    }
}

/// An author as a byline shows them: linked to their page where they have one here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    /// The name as the publication writes it.
    pub name: String,
    /// The person's page, base path included, for a member of the site.
    pub href: Option<String>,
}

/// A publication's authors in byline order, those the site knows linked to their pages.
pub(crate) fn byline(context: &Context, publication: &Publication) -> Vec<Byline> {
    names(context, &publication.authors)
}

/// Authors or editors by name, each who is a person here linked to their page.
pub(crate) fn names(context: &Context, people: &[crate::model::Author]) -> Vec<Byline> {
    let page = |r: &crate::model::Ref| context.urls.entity(EntityKind::Person, &r.slug());
    people.iter().map(|a| Byline { name: a.name.clone(), href: a.person.as_ref().map(page) }).collect()
}

/// Publications as a list of links, newest first; undated ones last, each part by title.
pub(crate) fn newest_first<'p>(context: &Context, publications: impl Iterator<Item = &'p Publication>) -> Vec<Linked> {
    let mut publications: Vec<_> = publications.collect();
    publications.sort_by_key(|p| (std::cmp::Reverse(p.year), norwegian_key(&p.title)));
    publications.into_iter().map(|p| Linked { label: p.title.clone().into(), href: context.urls.of(p) }).collect()
}

/// A link with its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Linked {
    /// The visible text: a name or title.
    pub label: crate::model::Text,
    /// Root-relative, base path included.
    pub href: String,
}

/// A project as lists show it: enough to choose whether to open it.
#[derive(Debug, Clone)]
pub struct ProjectCard {
    /// The full title, the card's link text.
    pub title: crate::model::Text,
    /// The project's page.
    pub href: String,
    /// Set before the title.
    pub acronym: Option<String>,
    /// The kind as visitors read it: `PhD project`.
    pub kind: String,
    /// `Ongoing` or `Completed`, where the content says.
    pub status: Option<String>,
    /// `2021–2024`, `From 2021` or `Until 2024`.
    pub period: Option<String>,
    /// The project's groups, by short name, as a card has little room.
    pub groups: Vec<Linked>,
}

/// A person as lists show them: photo, name, what they do and where.
#[derive(Debug, Clone)]
pub struct PersonCard {
    /// Their photo, small, where the content has one.
    pub photo: Option<Picture>,
    /// The name as the person writes it, the card's link text.
    pub name: String,
    /// The person's page.
    pub href: String,
    /// Academic or job title.
    pub title: Option<crate::model::Text>,
    /// Department, institution and country, one line per affiliation.
    pub places: Vec<String>,
    /// Groups and roles, where the list spans several groups.
    pub roles: Vec<String>,
}

/// An image from `media/`, ready for `<picture>`: the variants to choose from, the size it
/// takes before it loads (no layout shift), its text alternative and credit.
#[derive(Debug, Clone)]
pub struct Picture {
    /// The widest variant in the image's own format, or the original while it has none.
    pub src: String,
    /// Every width in the image's own format: `…-64.….jpg 64w, …`; empty for an SVG.
    pub srcset: String,
    /// Every width as WebP, for a `<source>`; empty where the image is WebP or an SVG.
    pub webp: String,
    /// Every width as AVIF, for the first `<source>`; empty for an SVG and the wide places.
    pub avif: String,
    /// How wide the place shows it, for the browser's choice among the widths.
    pub sizes: &'static str,
    /// Its width and height in pixels, for the box kept for it; unknown for some SVGs.
    pub size: Option<(u32, u32)>,
    /// Text alternative; the content format requires one, and a card leaves it empty
    /// where the name beside it says the same.
    pub alt: String,
    /// Photographer or source; a group's hero shows it as a caption.
    pub credit: Option<String>,
    /// The place, as the `<img>`'s class: `portrait`, `hero`, `logo`, `story`, `card`.
    pub class: &'static str,
    /// Below the fold: loaded when the visitor scrolls near it.
    pub lazy: bool,
    /// What link previews show: the variant near 1200 pixels wide, with its size.
    preview: Option<(String, u32, u32)>,
}

impl Picture {
    /// The picture link previews show, with absolute URLs; none for a drawing (SVG), which
    /// they do not show.
    pub fn preview(&self, urls: &crate::render::Urls) -> Option<crate::render::PreviewImage> {
        let size = match &self.preview {
            Some((_, w, h)) => Some((*w, *h)),
            None if self.src.to_ascii_lowercase().ends_with(".svg") => return None,
            None => self.size,
        };
        Some(crate::render::PreviewImage { src: self.absolute(urls), size, alt: self.alt.clone() })
    }

    /// The absolute URL of what previews show (the size near 1200 pixels, else `src`), for
    /// them and for schema.org data.
    pub fn absolute(&self, urls: &crate::render::Urls) -> String {
        let src = &self.preview.as_ref().map_or(&self.src, |(src, ..)| src);
        // `src` has the base path already; the origin is all it lacks.
        urls.absolute_file(src.strip_prefix(urls.prefix()).unwrap_or(src))
    }
}

/// The picture of an image in `place`, where the content has its file.
pub(crate) fn picture(site: &Site, context: &Context, image: &Image, place: crate::model::Place) -> Option<Picture> {
    use crate::model::Place;
    let file = image.file.as_ref()?;
    let url = |name: &str| context.urls.file(&paths::image(name));
    let srcset = |variants: &[crate::images::Variant]| {
        variants.iter().map(|v| format!("{} {}w", url(&v.name), v.width)).collect::<Vec<_>>().join(", ")
    };
    let class = match place {
        Place::Portrait => "portrait",
        Place::Card => "card-portrait",
        Place::Hero => "hero-image",
        Place::Logo => "logo",
        Place::Story => "story-image",
    };
    let mut picture = Picture {
        src: context.urls.file(&paths::media(&file.path)),
        srcset: String::new(),
        webp: String::new(),
        avif: String::new(),
        sizes: "",
        size: site.images.size(&file.path),
        alt: if place == Place::Card { String::new() } else { image.alt.clone() },
        credit: image.credit.clone(),
        class,
        lazy: place == Place::Card,
        preview: None,
    };
    if let Some(rendition) = site.images.get(&file.path, place, image.focus) {
        if let Some(fallback) = rendition.fallback() {
            picture.src = url(&fallback.name);
            picture.size = Some((fallback.width, fallback.height));
        }
        picture.srcset = srcset(&rendition.own);
        picture.webp = srcset(&rendition.webp);
        picture.avif = srcset(&rendition.avif);
        picture.sizes = rendition.sizes;
        picture.preview = rendition.preview().map(|v| (url(&v.name), v.width, v.height));
    }
    Some(picture)
}

/// A person's schema.org node where another entity names them (a group's member, a
/// publication's author): the same `@id` as on their own page, so the nodes are one.
pub(crate) fn person_node(urls: &crate::render::Urls, person: &Person) -> serde_json::Value {
    serde_json::json!({"@type": "Person", "@id": urls.node_id(person), "name": person.name, "url": urls.absolute_of(person)})
}

/// A group's schema.org node where another entity names it (a person's `memberOf`, a project's
/// `parentOrganization`), with the `@id` it has on its own page.
pub(crate) fn group_node(urls: &crate::render::Urls, group: &Group) -> serde_json::Value {
    serde_json::json!({"@type": "ResearchOrganization", "@id": urls.node_id(group), "name": group.name, "url": urls.absolute_of(group)})
}

/// People under one heading, such as "Advisory board".
#[derive(Debug, Clone)]
pub struct PeopleSection {
    /// The role's heading: `Advisory board`.
    pub heading: String,
    /// `id` of the heading, for links into the section.
    pub id: String,
    /// By family name, in Norwegian order.
    pub people: Vec<PersonCard>,
}

pub(crate) fn group_link(context: &Context, group: &Group) -> Linked {
    Linked { label: group.name.clone(), href: context.urls.of(group) }
}

/// A group link for crowded places (cards), by its short name where it has one.
pub(crate) fn short_group_link(context: &Context, group: &Group) -> Linked {
    let label = group.short_name.clone().unwrap_or_else(|| group.name.clone());
    Linked { label, href: context.urls.of(group) }
}

/// The years a project runs, as far as the content gives them.
fn period(words: &Words, project: &Project) -> Option<String> {
    years(words, project.start_year.map(i32::from), project.end_year.map(i32::from))
}

/// A span of years as far as it is known: `2015–2019`, `From 2015`, `Until 2019`.
fn years(words: &Words, start: Option<i32>, end: Option<i32>) -> Option<String> {
    let year = |y: i32| Arg::from(y.to_string());
    match (start, end) {
        (Some(start), Some(end)) => Some(words.with("period-both", &[("start", year(start)), ("end", year(end))])),
        (Some(start), None) => Some(words.with("period-from", &[("start", year(start))])),
        (None, Some(end)) => Some(words.with("period-until", &[("end", year(end))])),
        (None, None) => None,
    }
}

pub(crate) fn project_card(site: &Site, context: &Context, project: &Project) -> ProjectCard {
    ProjectCard {
        title: project.title.clone(),
        href: context.urls.of(project),
        acronym: project.acronym.clone(),
        kind: context.words.project_kind(project.kind),
        status: project.status.map(|s| context.words.status(s)),
        period: period(&context.words, project),
        groups: project
            .groups
            .iter()
            .filter_map(|g| site.groups.get(&g.slug()))
            .map(|g| short_group_link(context, g))
            .collect(),
    }
}

/// Ongoing projects first, then the rest, each part by title.
pub(crate) fn sort_projects(projects: &mut [&Project]) {
    use crate::model::Status;
    projects.sort_by_cached_key(|p| (p.status != Some(Status::Ongoing), norwegian_key(&p.title)));
}

/// One line for an affiliation: `Professor, Department of Social Work, NTNU, Norway`.
pub(crate) fn place(affiliation: &Affiliation) -> String {
    [&affiliation.title, &affiliation.department, &affiliation.institution, &affiliation.country]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The years a membership ran, as far as the content gives them: `2015–2019`.
pub(crate) fn tenure(words: &Words, membership: &crate::model::Membership) -> Option<String> {
    years(words, membership.start.map(|t| t.year()), membership.end.map(|t| t.year()))
}

pub(crate) fn person_card(site: &Site, context: &Context, person: &Person, with_roles: bool) -> PersonCard {
    let today = site.today(super::now());
    let roles = if with_roles {
        site.groups_of_person(person, today)
            .map(|(g, role)| format!("{}, {}", context.words.role(role), g.short_name.as_ref().unwrap_or(&g.name)))
            .collect()
    } else {
        Vec::new()
    };
    PersonCard {
        photo: person.photo.as_ref().and_then(|p| picture(site, context, p, crate::model::Place::Card)),
        name: person.name.clone(),
        href: context.urls.of(person),
        title: person.title.clone(),
        places: person.affiliations.iter().map(place).filter(|p| !p.is_empty()).collect(),
        roles,
    }
}

/// People sorted by family name, then given names, in Norwegian order; a family name's
/// particle (`von Heimburg`) does not count, so it sorts under H.
pub(crate) fn sort_people(people: &mut [&Person]) {
    people.sort_by_cached_key(|p| directory_key(p));
}

/// Where a person stands in a directory: by family name without its particles (`von`), then name.
fn directory_key(person: &Person) -> (crate::render::SortKey, crate::render::SortKey) {
    (norwegian_key(without_particles(person.family_name())), norwegian_key(&person.name))
}

fn without_particles(family_name: &str) -> &str {
    let mut rest = family_name;
    while let Some((word, tail)) = rest.split_once(' ') {
        if !word.chars().all(|c| c.is_lowercase()) {
            break;
        }
        rest = tail;
    }
    rest
}

/// The `id` of a role's heading: the anchors visitors have shared, kept as they were.
pub(crate) fn role_id(role: Role) -> &'static str {
    match role {
        Role::Member => "members",
        Role::ExternalMember => "external-members",
        Role::AdvisoryBoard => "advisory-board",
        Role::AssociatedResearcher => "associated-researchers",
    }
}
