//! `/publications/`: every publication, with the edited books the content keeps as projects,
//! by year (newest first, the undated last), narrowed by year, kind, group and person through
//! a GET form, and paged when long. The unfiltered list's pages have addresses of their own
//! (`/publications/page/2/`), so a static export writes each as a file; a filtered list pages
//! with `?page=`.

use crate::model::Mark as _;
use std::collections::BTreeSet;

use askama::Template;

use super::super::{Chrome, Context, Words, norwegian_key};
use super::filter::{Filter, choices, chosen, chosen_slug};
use super::lists::{Entry, EntrySection, body, groups, related};
use super::paging::{Cut, Pager};
use super::{Arg, Linked, sort_people};
use crate::link::Site;
use crate::model::{EntityKind, Project, ProjectKind, Publication, PublicationKind, Slug};
use crate::paths;

/// How many entries a group's page shows of its latest publications.
pub(super) const LATEST_ON_GROUP: usize = 5;

/// The filters of `/publications/` and the page asked for, as given in the query string; an
/// empty value means "any".
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct PublicationFilter {
    /// A year: `2021`.
    pub year: Option<String>,
    /// A kind as content writes it: `special-issue`.
    pub kind: Option<String>,
    /// A group's slug.
    pub group: Option<String>,
    /// A person's slug: their publications as a matched author or as an editor.
    pub person: Option<String>,
    /// The page of a filtered list, from 1.
    pub page: Option<String>,
}

impl PublicationFilter {
    /// Whether any filter (not the page) is set: an unfiltered list's pages live at their own
    /// addresses rather than under `?page=`.
    pub fn is_filtered(&self) -> bool {
        [&self.year, &self.kind, &self.group, &self.person].into_iter().any(|v| chosen(v).is_some())
    }

    /// The page asked for, 1 where none is; `Err` with the value as written where it is not a
    /// page number.
    pub fn page_number(&self) -> Result<usize, Refused> {
        super::paging::page_number(&self.page).map_err(|p| Refused::Unknown { field: "page", value: p.to_owned() })
    }
}

/// Why `/publications/` cannot be drawn as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// A filter value that names nothing, or a page that is not a number: a 400.
    #[error("there is no {field} “{value}” to list publications by")]
    Unknown {
        /// `year`, `kind`, `group`, `person` or `page`.
        field: &'static str,
        /// The value as the address gave it.
        value: String,
    },
    /// A page past the list's last one: a 404.
    #[error("there is no page {0} of the publications")]
    PastLast(usize),
}

impl Refused {
    /// What the visitor reads on the error page.
    pub fn message(&self, words: &Words) -> String {
        match self {
            Refused::Unknown { field, value } => {
                let value = [("value", Arg::from(value))];
                match *field {
                    "year" => words.with("publications-unknown-year", &value),
                    "kind" => words.with("publications-unknown-kind", &value),
                    "group" => words.with("publications-unknown-group", &value),
                    "person" => words.with("publications-unknown-person", &value),
                    _ => words.with("list-unknown-page", &value),
                }
            }
            Refused::PastLast(page) => words.with("list-past-last-page", &[("page", (*page).into())]),
        }
    }
}

/// What `/publications/` lists: a publication, or an edited book the content keeps as a project.
#[derive(Clone, Copy)]
pub(super) enum Listed<'a> {
    /// A publication, with a page of its own.
    Publication(&'a Publication),
    /// A project of kind edited book: listed as an edited book, linked to its project page.
    Book(&'a Project),
}

impl<'a> Listed<'a> {
    /// The year it was published; none for an undated publication and for a book project.
    pub(super) fn year(self) -> Option<u16> {
        match self {
            Listed::Publication(p) => p.year,
            Listed::Book(_) => None,
        }
    }

    /// Its kind as the list shows it: a book project is an edited book.
    pub(super) fn kind(self) -> PublicationKind {
        match self {
            Listed::Publication(p) => p.kind,
            Listed::Book(_) => PublicationKind::EditedBook,
        }
    }

    /// Its title, the entry's heading and the key it is sorted by within a year.
    pub(super) fn title(self) -> &'a str {
        match self {
            Listed::Publication(p) => &p.title,
            Listed::Book(p) => &p.title,
        }
    }

    /// Whether it is one of `group`'s.
    pub(super) fn in_group(self, group: &Slug) -> bool {
        match self {
            Listed::Publication(p) => p.groups.iter().any(|r| &r.slug() == group),
            Listed::Book(p) => p.groups.iter().any(|r| &r.slug() == group),
        }
    }

    /// The people who are its matched authors or editors; a book project has none.
    fn people(self) -> Vec<Slug> {
        match self {
            Listed::Publication(p) => {
                p.authors.iter().chain(&p.editors).filter_map(|a| Some(a.person.as_ref()?.slug())).collect()
            }
            Listed::Book(_) => Vec::new(),
        }
    }

    /// The groups it is listed under.
    fn group_slugs(self) -> Vec<Slug> {
        match self {
            Listed::Publication(p) => p.groups.iter().map(|r| r.slug()).collect(),
            Listed::Book(p) => p.groups.iter().map(|r| r.slug()).collect(),
        }
    }

    /// Whether `person` is a matched author or an editor; a book project has neither.
    fn by_person(self, person: &Slug) -> bool {
        match self {
            Listed::Publication(p) => {
                p.authors.iter().chain(&p.editors).filter_map(|a| a.person.as_ref()).any(|r| &r.slug() == person)
            }
            Listed::Book(_) => false,
        }
    }
}

/// The edited books the content keeps as projects, which `/publications/` lists too.
fn books(site: &Site) -> impl Iterator<Item = &Project> {
    site.projects.values().filter(|p| p.kind == ProjectKind::EditedBook)
}

/// What `/publications/` works out from the whole site once, on its first use (through
/// [`Site::memo`]): its order, and the choices of its filters. A university's list has a
/// hundred thousand entries; sorting them for every page would cost each page a third of a
/// second.
struct Prepared {
    /// Everything listed, newest first, the undated last, each year by title.
    order: Vec<Item>,
    /// The years that have publications, newest first.
    years: Vec<u16>,
    /// The kinds that have publications.
    kinds: BTreeSet<PublicationKind>,
    /// The groups that have publications.
    groups: BTreeSet<Slug>,
    /// The people who are authors or editors of any.
    people: BTreeSet<Slug>,
}

/// An entry of the list, by slug, so what is kept holds no borrow of the site.
enum Item {
    Publication(Slug),
    Book(Slug),
}

impl Item {
    fn resolve<'a>(&self, site: &'a Site) -> Option<Listed<'a>> {
        match self {
            Item::Publication(slug) => site.publications.get(slug).map(Listed::Publication),
            Item::Book(slug) => site.projects.get(slug).map(Listed::Book),
        }
    }
}

impl Prepared {
    fn new(site: &Site) -> Self {
        let books = books(site).map(Listed::Book);
        let mut all: Vec<Listed> = site.publications.values().map(Listed::Publication).chain(books).collect();
        all.sort_by_cached_key(|l| (std::cmp::Reverse(l.year()), norwegian_key(l.title())));
        let mut years: Vec<u16> = all.iter().filter_map(|l| l.year()).collect();
        years.dedup();
        let (mut kinds, mut groups, mut people) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
        for listed in &all {
            kinds.insert(listed.kind());
            groups.extend(listed.group_slugs());
            people.extend(listed.people());
        }
        let order = all
            .into_iter()
            .map(|l| match l {
                Listed::Publication(p) => Item::Publication(p.slug.clone()),
                Listed::Book(p) => Item::Book(p.slug.clone()),
            })
            .collect();
        Prepared { order, years, kinds, groups, people }
    }
}

/// Everything `/publications/` lists, newest first, the undated last, each year by title.
pub(super) fn listed(site: &Site) -> impl Iterator<Item = Listed<'_>> {
    let prepared = site.memo(Prepared::new);
    (0..prepared.order.len()).filter_map(move |i| prepared.order.get(i)?.resolve(site))
}

/// How many entries the list has: the publications and the edited books kept as projects.
pub(super) fn listed_count(site: &Site) -> usize {
    site.publications.len() + books(site).count()
}

/// An entry as the list shows it: its kind first, so special issues and edited books keep
/// their kinds under a year.
fn entry<'a>(site: &'a Site, context: &'a Context, listed: Listed<'a>) -> Entry<'a> {
    let (urls, words) = (&context.urls, &context.words);
    let kind = words.publication_kind(listed.kind());
    match listed {
        Listed::Publication(p) => {
            let editors = p
                .editors
                .iter()
                .filter_map(|e| site.people.get(&e.person.as_ref()?.slug()))
                .map(|e| Linked { label: e.name.clone().into(), href: urls.of(e) })
                .collect();
            Entry {
                id: p.slug.to_string(),
                heading_id: format!("{}_heading", p.slug),
                title: p.title.clone().into(),
                href: Some(urls.of(p)),
                authors: super::byline(context, p),
                meta: std::iter::once(kind).chain([&p.venue, &p.publisher].into_iter().flatten().cloned()).collect(),
                related: related(
                    context,
                    groups(site, context, &p.groups),
                    vec![(words.get("related-editors"), editors)],
                ),
                body: body(context, &p.description),
                links: &[],
            }
        }
        Listed::Book(p) => Entry {
            id: format!("project_{}", p.slug),
            heading_id: format!("project_{}_heading", p.slug),
            title: p.title.clone(),
            authors: Vec::new(),
            href: None,
            meta: std::iter::once(kind).chain(p.status.iter().map(|s| words.status(*s))).collect(),
            related: related(
                context,
                groups(site, context, &p.groups),
                vec![(
                    words.get("related-project"),
                    vec![Linked { label: words.get("related-book-project").into(), href: urls.of(p) }],
                )],
            ),
            body: None,
            links: &[],
        },
    }
}

/// `/publications/` and its pages: by year, with filters, a count and a pager.
#[derive(Template)]
#[template(path = "pages/publications.html")]
pub struct PublicationsPage<'a> {
    /// The frame: head (with `rel=prev/next` on the unfiltered pages), navigation, breadcrumbs
    /// and footer.
    pub chrome: Chrome<'a>,
    /// Where the filter form goes: `/publications/`, base path included.
    pub action: String,
    /// The year (newest first), kind, group and person (authors and editors with a page
    /// here, by family name) filters, each offering only values that have publications, and
    /// each shown only where it has a choice besides "Any".
    pub filters: Vec<Filter>,
    /// Whether any filter is set, so the page offers to clear them.
    pub filtered: bool,
    /// `60 publications`, or `2 of 60 publications` when filtered.
    pub count: String,
    /// This page's entries by year, newest first, the undated last.
    pub sections: Vec<EntrySection<'a>>,
    /// The links to the pages before and after: the unfiltered list's own addresses, or the
    /// filtered list's `?page=`.
    pub pager: Pager,
}

impl<'a> PublicationsPage<'a> {
    /// Page `number` (from 1) of the list under `filter`; the filter's own `page` is not read.
    /// A filter value the site does not know is [`Refused::Unknown`], a page past the last
    /// [`Refused::PastLast`]; known values that match nothing give an empty list.
    pub fn new(
        site: &'a Site,
        context: &'a Context,
        filter: &PublicationFilter,
        number: usize,
    ) -> Result<Self, Refused> {
        let (urls, words) = (&context.urls, &context.words);
        let unknown = |field, value: &str| Refused::Unknown { field, value: value.to_owned() };
        let (year, kind, group, person) =
            (chosen(&filter.year), chosen(&filter.kind), chosen(&filter.group), chosen(&filter.person));
        let year_wanted = match year {
            Some(y) => Some(y.parse::<u16>().ok().filter(|_| y.len() == 4).ok_or_else(|| unknown("year", y))?),
            None => None,
        };
        let kind_wanted = match kind {
            Some(k) => Some(PublicationKind::ALL.into_iter().find(|x| x.key() == k).ok_or_else(|| unknown("kind", k))?),
            None => None,
        };
        let group_slug = chosen_slug(group, &site.groups).map_err(|g| unknown("group", g))?;
        let person_slug = chosen_slug(person, &site.people).map_err(|p| unknown("person", p))?;
        let prepared = site.memo(Prepared::new);
        let narrowed = year_wanted.is_some() || kind_wanted.is_some() || group_slug.is_some() || person_slug.is_some();
        // Unfiltered, only the page's own entries are looked up.
        let (on_page, matching, cut) = if narrowed {
            let shown: Vec<Listed> = listed(site)
                .filter(|l| year_wanted.is_none_or(|y| l.year() == Some(y)))
                .filter(|l| kind_wanted.is_none_or(|k| l.kind() == k))
                .filter(|l| group_slug.as_ref().is_none_or(|g| l.in_group(g)))
                .filter(|l| person_slug.as_ref().is_none_or(|p| l.by_person(p)))
                .collect();
            let cut = Cut::of(EntityKind::Publication, shown.len(), number).ok_or(Refused::PastLast(number))?;
            (cut.of_slice(&shown).to_vec(), shown.len(), cut)
        } else {
            let cut =
                Cut::of(EntityKind::Publication, prepared.order.len(), number).ok_or(Refused::PastLast(number))?;
            let page = cut.of_slice(&prepared.order).iter().filter_map(|item| item.resolve(site)).collect();
            (page, prepared.order.len(), cut)
        };
        let filtered = filter.is_filtered();

        // Where page `n` of this list lives: the unfiltered list's at its own address.
        let set: Vec<(&str, String)> =
            [("year", year_wanted.map(|y| y.to_string())), ("kind", kind.map(str::to_owned))]
                .into_iter()
                .chain([("group", group_slug.as_ref().map(Slug::to_string))])
                .chain([("person", person_slug.as_ref().map(Slug::to_string))])
                .filter_map(|(name, value)| Some((name, value?)))
                .collect();
        let query: Vec<(&str, &str)> = set.iter().map(|(name, value)| (*name, value.as_str())).collect();
        let pager = Pager::new(context, &cut, |n| paths::filtered_list_page(EntityKind::Publication, &query, n));

        let mut sections: Vec<EntrySection> = Vec::new();
        for listed in on_page {
            let id = listed.year().map_or_else(|| "year_none".to_owned(), |y| format!("year_{y}"));
            if sections.last().is_none_or(|s| s.id != id) {
                let heading = listed.year().map_or_else(|| words.get("publications-year-none"), |y| y.to_string());
                sections.push(EntrySection { heading, id, entries: Vec::new() });
            }
            if let Some(section) = sections.last_mut() {
                section.entries.push(entry(site, context, listed));
            }
        }

        let total = prepared.order.len();
        let count = if filtered {
            words.with("publications-count-filtered", &[("shown", matching.into()), ("total", total.into())])
        } else {
            words.with("publications-count", &[("total", total.into())])
        };
        // A narrowed list says what it is narrowed to, so its link preview is its own.
        let narrowed_to: Vec<String> = [
            group_slug.as_ref().and_then(|g| site.groups.get(g)).map(|g| g.name.to_string()),
            person_slug.as_ref().and_then(|p| site.people.get(p)).map(|p| p.name.clone()),
            kind_wanted.map(|k| words.publication_kind(k)),
            year_wanted.map(|y| y.to_string()),
        ]
        .into_iter()
        .flatten()
        .collect();
        let description = if narrowed_to.is_empty() {
            words.with("publications-description", &[("site", (&site.settings.name).into())])
        } else {
            let narrowed_to = narrowed_to.join(", ");
            words.with(
                "publications-description-narrowed",
                &[
                    ("shown", matching.into()),
                    ("site", (&site.settings.name).into()),
                    ("narrowed", (&narrowed_to).into()),
                ],
            )
        };
        // The head's `rel=prev/next` are for the unfiltered pages, whose addresses are canonical.
        let chrome = if filtered {
            context.list_chrome(site, EntityKind::Publication)
        } else {
            pager.chrome(site, context, EntityKind::Publication, &cut)
        };
        let chrome = chrome.describe(description);

        let years = &prepared.years;
        let kinds = PublicationKind::ALL.into_iter().filter(|k| prepared.kinds.contains(k));
        let mut people: Vec<_> = prepared.people.iter().filter_map(|slug| site.people.get(slug)).collect();
        sort_people(&mut people);
        let year_value = year_wanted.map(|y| y.to_string());
        Ok(PublicationsPage {
            chrome,
            action: urls.path(paths::list_page(EntityKind::Publication)),
            filters: [
                Filter::new(
                    words,
                    "year",
                    choices(words, years.iter().map(|y| (y.to_string(), y.to_string())), year_value.as_deref()),
                ),
                Filter::new(
                    words,
                    "kind",
                    choices(words, kinds.map(|k| (k.key().to_owned(), words.publication_kind(k))), kind),
                ),
                Filter::new(
                    words,
                    "group",
                    choices(
                        words,
                        site.groups
                            .values()
                            .filter(|g| prepared.groups.contains(&g.slug))
                            .map(|g| (g.slug.to_string(), g.name.to_string())),
                        group,
                    ),
                ),
                Filter::new(
                    words,
                    "person",
                    choices(words, people.iter().map(|p| (p.slug.to_string(), p.name.clone())), person),
                ),
            ]
            .into_iter()
            .filter(|f| f.choices.len() > 1)
            .collect(),
            filtered,
            count,
            sections,
            pager,
        })
    }
}
