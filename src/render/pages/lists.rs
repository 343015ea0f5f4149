//! The list pages of entries: partners and practices, which have no page of their own, and
//! the entries `/publications/` shows (`super::publications`). Each entry's `id` is its slug,
//! so other pages link to `/partners/#slug`; section ids hold an underscore, which no slug can,
//! so the two never clash.

use crate::model::Mark as _;
use askama::Template;

use std::collections::HashMap;

use super::super::{Chrome, Context, norwegian_key};
use super::paging::{self, Cut, Pager};
use super::{Linked, group_link};
use crate::link::Site;
use crate::model::{EntityKind, Html, Level, Link, Ref, Slug};

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

/// The two sections of `/partners/`, in the order the page shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PartnerSection {
    /// The partners the groups list.
    Listed,
    /// The other institutions the projects name as coordinator, funder or collaborator.
    Others,
}

/// `/partners/`'s order, worked out once per site (through [`Site::memo`]): each section's
/// partners by name, and the page each stands on, which every link to a partner needs.
struct PartnerOrder {
    /// Each section's partners, by slug, in Norwegian order by name.
    sections: Vec<(PartnerSection, Vec<Slug>)>,
    /// The page (from 1) each partner stands on.
    pages: HashMap<Slug, usize>,
}

impl PartnerOrder {
    fn new(site: &Site) -> Self {
        let mut partners: Vec<_> = site.partners.values().collect();
        partners.sort_by_cached_key(|p| norwegian_key(&p.name));
        let (listed, others): (Vec<_>, Vec<_>) = partners.into_iter().partition(|p| !p.groups.is_empty());
        let slugs = |list: Vec<&crate::model::Partner>| list.into_iter().map(|p| p.slug.clone()).collect();
        let sections = vec![(PartnerSection::Listed, slugs(listed)), (PartnerSection::Others, slugs(others))];
        let pages = paging::entry_pages(EntityKind::Partner, &sections);
        PartnerOrder { sections, pages }
    }
}

/// `/practices/`'s order, worked out once per site: by level, each level by title, with the
/// page each practice stands on.
struct PracticeOrder {
    /// Each level's practices, by slug, in Norwegian order by title.
    sections: Vec<(Level, Vec<Slug>)>,
    /// The page (from 1) each practice stands on.
    pages: HashMap<Slug, usize>,
}

impl PracticeOrder {
    fn new(site: &Site) -> Self {
        let sections: Vec<(Level, Vec<Slug>)> = Level::ALL
            .into_iter()
            .map(|level| {
                let mut practices: Vec<_> = site.practices.values().filter(|p| p.level == level).collect();
                practices.sort_by_cached_key(|p| norwegian_key(&p.title));
                (level, practices.into_iter().map(|p| p.slug.clone()).collect())
            })
            .collect();
        let pages = paging::entry_pages(EntityKind::Practice, &sections);
        PracticeOrder { sections, pages }
    }
}

/// The page (from 1) of its list the entry of `kind` named `slug` stands on: 1 for a kind
/// whose entities have pages of their own, and for a slug the list does not hold.
pub(super) fn entry_page(site: &Site, kind: EntityKind, slug: &Slug) -> usize {
    let page = match kind {
        EntityKind::Partner => site.memo(PartnerOrder::new).pages.get(slug).copied(),
        EntityKind::Practice => site.memo(PracticeOrder::new).pages.get(slug).copied(),
        _ => None,
    };
    page.unwrap_or(1)
}

/// `/partners/`: the partners the groups list, then the other institutions their projects
/// name as coordinator, funder or collaborator; paged when long (`/partners/page/2/`), a
/// section going on across the pages.
#[derive(Template)]
#[template(path = "pages/entries.html")]
pub struct PartnersPage<'a> {
    /// The frame: head (with `rel=prev/next` when paged), navigation, breadcrumbs and footer.
    pub chrome: Chrome<'a>,
    /// Only headings that have entries on this page.
    pub sections: Vec<EntrySection<'a>>,
    /// The links to the pages before and after.
    pub pager: Pager,
}

impl<'a> PartnersPage<'a> {
    /// Page `number` (from 1) of the list of `site`'s partners; `None` past the last page.
    pub fn new(site: &'a Site, context: &'a Context, number: usize) -> Option<Self> {
        let (urls, words) = (&context.urls, &context.words);
        let order = site.memo(PartnerOrder::new);
        let cut = Cut::of(EntityKind::Partner, paging::total(&order.sections), number)?;
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
        let sections = paging::parts(&order.sections, &cut)
            .into_iter()
            .map(|part| {
                let (heading, id) = match part.section {
                    PartnerSection::Listed => (words.get("partners-listed"), "listed_partners"),
                    PartnerSection::Others => (words.get("partners-others"), "project_institutions"),
                };
                EntrySection {
                    heading: paging::heading(context, heading, part.continued),
                    id: id.into(),
                    entries: part.entries.iter().filter_map(|slug| site.partners.get(slug)).map(entry).collect(),
                }
            })
            .collect();
        let pager = Pager::unfiltered(context, EntityKind::Partner, &cut);
        let chrome = pager
            .chrome(site, context, EntityKind::Partner, &cut)
            .describe(words.with("partners-description", &[("site", (&site.settings.name).into())]));
        Some(PartnersPage { chrome, sections, pager })
    }
}

/// `/practices/`: promising practices, from the neighbourhood to the international level;
/// paged when long, as the partners.
#[derive(Template)]
#[template(path = "pages/entries.html")]
pub struct PracticesPage<'a> {
    /// The frame: head, navigation, breadcrumbs and footer.
    pub chrome: Chrome<'a>,
    /// Only headings that have entries on this page.
    pub sections: Vec<EntrySection<'a>>,
    /// The links to the pages before and after.
    pub pager: Pager,
}

impl<'a> PracticesPage<'a> {
    /// Page `number` (from 1) of the list of `site`'s practices; `None` past the last page.
    pub fn new(site: &'a Site, context: &'a Context, number: usize) -> Option<Self> {
        let words = &context.words;
        let order = site.memo(PracticeOrder::new);
        let cut = Cut::of(EntityKind::Practice, paging::total(&order.sections), number)?;
        let sections = paging::parts(&order.sections, &cut)
            .into_iter()
            .map(|part| EntrySection {
                heading: paging::heading(context, words.level(*part.section), part.continued),
                id: format!("level_{}", part.section.key()),
                entries: part
                    .entries
                    .iter()
                    .filter_map(|slug| site.practices.get(slug))
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
                    .collect(),
            })
            .collect();
        let pager = Pager::unfiltered(context, EntityKind::Practice, &cut);
        let chrome = pager
            .chrome(site, context, EntityKind::Practice, &cut)
            .describe(words.with("practices-description", &[("site", (&site.settings.name).into())]));
        Some(PracticesPage { chrome, sections, pager })
    }
}
