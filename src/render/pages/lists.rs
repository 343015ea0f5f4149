//! The list pages of entries: partners and practices, which have no page of their own, and
//! the entries `/publications/` shows (`super::publications`). Each entry's `id` is its slug,
//! so other pages link to `/partners/#slug`; section ids hold an underscore, which no slug can,
//! so the two never clash.

use crate::model::Mark as _;
use askama::Template;

use super::super::{Chrome, Context, norwegian_key};
use super::{Linked, group_link};
use crate::link::Site;
use crate::model::{EntityKind, Html, Level, Link, Ref};

/// One partner, publication or practice, as its list shows it.
pub struct Entry<'a> {
    /// The slug, the target of links from other pages.
    pub id: String,
    /// The heading's `id`, which names the entry (`aria-labelledby`): the slug and
    /// `_heading`, so it clashes with no slug and no section's `id`.
    pub heading_id: String,
    /// The entry's heading.
    pub title: crate::model::Text,
    /// A publication's authors in byline order, those with a page here linked to it.
    pub authors: Vec<super::Byline>,
    /// Its own website, where known.
    pub href: Option<String>,
    /// Short facts under the title: kind, venue, year, place.
    pub meta: Vec<String>,
    /// Groups, projects or editors it is connected to, each under its label.
    pub related: Vec<Related>,
    /// The description; none where the file has no body.
    pub body: Option<Html>,
    /// A practice's links; empty for partners and publications.
    pub links: &'a [Link],
}

/// Links from an entry to what it is connected to, under a label: `Groups`, `Projects`,
/// `Editors`.
pub struct Related {
    /// `Groups`, `Projects`, `Editors` or `Project`.
    pub label: String,
    /// Never empty: a label with nothing to link is left out.
    pub links: Vec<Linked>,
}

/// Entries under one heading.
pub struct EntrySection<'a> {
    /// A kind of publication, a level of practice, or listed partners and other institutions.
    pub heading: String,
    /// The heading's `id`; it holds an underscore, so it never clashes with an entry's slug.
    pub id: String,
    /// In Norwegian order by title.
    pub entries: Vec<Entry<'a>>,
}

pub(super) fn groups(site: &Site, context: &Context, refs: &[Ref]) -> Vec<Linked> {
    refs.iter().filter_map(|r| site.groups.get(&r.slug())).map(|g| group_link(context, g)).collect()
}

pub(super) fn body(context: &Context, html: &Html) -> Option<Html> {
    (!html.is_empty()).then(|| context.body(html))
}

pub(super) fn related(context: &Context, groups: Vec<Linked>, more: Vec<(String, Vec<Linked>)>) -> Vec<Related> {
    std::iter::once((context.words.get("related-groups"), groups))
        .chain(more)
        .filter(|(_, links)| !links.is_empty())
        .map(|(label, links)| Related { label, links })
        .collect()
}

/// `/partners/`: the partners the groups list, then the other institutions their projects
/// name as coordinator, funder or collaborator.
#[derive(Template)]
#[template(path = "pages/entries.html")]
pub struct PartnersPage<'a> {
    /// The frame: head, navigation, breadcrumbs and footer.
    pub chrome: Chrome<'a>,
    /// Only headings that have entries.
    pub sections: Vec<EntrySection<'a>>,
}

impl<'a> PartnersPage<'a> {
    /// The list of `site`'s partners.
    pub fn new(site: &'a Site, context: &'a Context) -> Self {
        let (urls, words) = (&context.urls, &context.words);
        let mut partners: Vec<_> = site.partners.values().collect();
        partners.sort_by_key(|p| norwegian_key(&p.name));
        let entry = |p: &'a crate::model::Partner| {
            let projects = site
                .projects_of_partner(&p.slug)
                .map(|pr| Linked { label: pr.title.clone(), href: urls.of(pr) })
                .collect();
            Entry {
                id: p.slug.to_string(),
                heading_id: format!("{}_heading", p.slug),
                title: p.name.clone(),
                authors: Vec::new(),
                href: p.link.as_ref().map(|l| l.href.clone()),
                meta: p.kind.iter().cloned().collect(),
                related: related(
                    context,
                    groups(site, context, &p.groups),
                    vec![(words.get("related-projects"), projects)],
                ),
                body: body(context, &p.description),
                links: &[],
            }
        };
        let (listed, others): (Vec<_>, Vec<_>) = partners.into_iter().partition(|p| !p.groups.is_empty());
        let sections = [
            (words.get("partners-listed"), "listed_partners", listed),
            (words.get("partners-others"), "project_institutions", others),
        ]
        .into_iter()
        .filter(|(_, _, list)| !list.is_empty())
        .map(|(heading, id, list)| EntrySection {
            heading,
            id: id.into(),
            entries: list.into_iter().map(entry).collect(),
        })
        .collect();
        let chrome = context
            .list_chrome(site, EntityKind::Partner)
            .describe(words.with("partners-description", &[("site", (&site.settings.name).into())]));
        PartnersPage { chrome, sections }
    }
}

/// `/practices/`: promising practices, from the neighbourhood to the international level.
#[derive(Template)]
#[template(path = "pages/entries.html")]
pub struct PracticesPage<'a> {
    /// The frame: head, navigation, breadcrumbs and footer.
    pub chrome: Chrome<'a>,
    /// Only headings that have entries.
    pub sections: Vec<EntrySection<'a>>,
}

impl<'a> PracticesPage<'a> {
    /// The list of `site`'s practices.
    pub fn new(site: &'a Site, context: &'a Context) -> Self {
        let words = &context.words;
        let sections = Level::ALL
            .into_iter()
            .filter_map(|level| {
                let mut entries: Vec<Entry> = site
                    .practices
                    .values()
                    .filter(|p| p.level == level)
                    .map(|p| Entry {
                        id: p.slug.to_string(),
                        heading_id: format!("{}_heading", p.slug),
                        title: p.title.clone(),
                        authors: Vec::new(),
                        href: None,
                        meta: p.place.iter().cloned().collect(),
                        related: related(context, groups(site, context, &p.groups), Vec::new()),
                        body: body(context, &p.description),
                        links: &p.links,
                    })
                    .collect();
                entries.sort_by_key(|e| norwegian_key(&e.title));
                (!entries.is_empty()).then(|| EntrySection {
                    heading: words.level(level),
                    id: format!("level_{}", level.key()),
                    entries,
                })
            })
            .collect();
        let chrome = context
            .list_chrome(site, EntityKind::Practice)
            .describe(words.with("practices-description", &[("site", (&site.settings.name).into())]));
        PracticesPage { chrome, sections }
    }
}
