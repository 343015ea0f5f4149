//! The directory, `/people/`, and each person's page.

use crate::model::Mark as _;
use askama::Template;
use serde_json::json;

use super::super::{Chrome, Context, Phone};
use super::filter::{Filter, UnknownFilter, choices, chosen, chosen_slug};
use super::paging::{self, Cut, Pager};
use super::{
    Linked, PeopleSection, PersonCard, Picture, ProjectCard, group_link, group_node, person_card, picture, place,
    project_card, role_id, sort_people, sort_projects,
};
use crate::link::Site;
use crate::model::EntityKind;
use crate::model::{Html, Link, Person, Role, Slug};
use crate::paths;

/// `/people/`: everyone, grouped by role, sorted by family name in Norwegian order; paged
/// when long (`/people/page/2/`), each role's section going on across the pages; narrowed to
/// one group's people with `?group=` (paged with `?page=`), where a group's page sends the
/// visitor when the group has more people than it shows.
#[derive(Template)]
#[template(path = "pages/people.html")]
pub struct PeoplePage<'a> {
    /// The frame: head (with `rel=prev/next` when paged), navigation, breadcrumbs and footer.
    pub chrome: Chrome<'a>,
    /// Where the filter form goes: `/people/`, base path included.
    pub action: String,
    /// The group filter.
    pub filters: Vec<Filter>,
    /// `45 people`, or `12 of 45 people` when narrowed to a group.
    pub count: String,
    /// Whether the list is narrowed, so the page offers to show everyone.
    pub filtered: bool,
    /// One per role that has people on this page; a person with two roles is under both.
    pub sections: Vec<PeopleSection>,
    /// The links to the pages before and after.
    pub pager: Pager,
}

/// What the directory's query narrows it to: a group, and the page of the narrowed list.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct PeopleFilter {
    /// A group's slug: its people by role, then its former members.
    pub group: Option<String>,
    /// The page of a narrowed list, from 1; the whole directory's pages have addresses of
    /// their own (`/people/page/2/`).
    pub page: Option<String>,
}

/// A section of the directory, in the order the page shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Directory {
    /// Those with a current membership in this role.
    Role(Role),
    /// Those whose every membership has ended.
    Former,
    /// Everyone without a membership: named by a project or publication, or not yet given a group.
    Others,
}

/// The directory's order, worked out once a day per site (through [`Site::memo`]): a
/// university's hundred thousand people are sorted once, not for each of its pages.
#[derive(Default)]
struct Kept(std::sync::Mutex<Option<std::sync::Arc<Order>>>);

/// Everyone in the directory on `today`, section by section, each by family name.
struct Order {
    /// The day the sections hold for: memberships end.
    today: chrono::NaiveDate,
    /// Each section's people, by slug; a former member with the index of the membership that
    /// ended last, whose years the card shows.
    sections: Vec<(Directory, Vec<Listed>)>,
}

/// A person where the directory lists them.
struct Listed {
    /// Who.
    slug: Slug,
    /// For a former member, the index of the membership that ended last, whose years the
    /// card shows.
    ended: Option<usize>,
}

impl Order {
    fn new(site: &Site, today: chrono::NaiveDate) -> Self {
        let current = |role| site.people.values().filter(|p| is_current(p, role, today)).collect();
        let others = site.people.values().filter(|p| p.memberships.is_empty()).collect();
        Order::of_people(today, current, site.former_people(today), others)
    }

    /// The people of `group` on `today`: its current members by role, then its former ones.
    fn of_group(site: &Site, group: &Slug, today: chrono::NaiveDate) -> Self {
        let current = |role| site.people_of_group(group, role, today).collect();
        Order::of_people(today, current, site.former_of_group(group, today), Vec::new())
    }

    /// The sections of the people `current` gives for each role, the `former` with the
    /// membership that ended last, and the `others`, each sorted as the directory sorts.
    fn of_people<'s>(
        today: chrono::NaiveDate,
        current: impl Fn(Role) -> Vec<&'s Person>,
        mut former: Vec<(&'s Person, &'s crate::model::Membership)>,
        mut others: Vec<&'s Person>,
    ) -> Self {
        let by_slug = |people: Vec<&Person>| {
            people.into_iter().map(|p| Listed { slug: p.slug.clone(), ended: None }).collect::<Vec<_>>()
        };
        let mut sections: Vec<(Directory, Vec<Listed>)> = Role::ALL
            .into_iter()
            .map(|role| {
                let mut people = current(role);
                sort_people(&mut people);
                (Directory::Role(role), by_slug(people))
            })
            .collect();
        former.sort_by_cached_key(|(p, _)| super::directory_key(p));
        let former = former
            .into_iter()
            .map(|(p, m)| Listed { slug: p.slug.clone(), ended: p.memberships.iter().position(|x| std::ptr::eq(x, m)) })
            .collect();
        sections.push((Directory::Former, former));
        sort_people(&mut others);
        sections.push((Directory::Others, by_slug(others)));
        sections.retain(|(_, people)| !people.is_empty());
        Order { today, sections }
    }

    /// The cards of the part of the sections on `cut`, each under its heading; `with_roles`
    /// shows a current member's roles on their card.
    fn sections(&self, site: &Site, context: &Context, cut: &Cut, with_roles: bool) -> Vec<PeopleSection> {
        let words = &context.words;
        paging::parts(&self.sections, cut)
            .into_iter()
            .map(|part| {
                let (heading, id) = match *part.section {
                    Directory::Role(role) => (words.role_heading(role), role_id(role)),
                    Directory::Former => (words.get("people-former"), "former-members"),
                    Directory::Others => (words.get("people-others"), "other-people"),
                };
                let people = part
                    .entries
                    .iter()
                    .filter_map(|Listed { slug, ended }| {
                        let person = site.people.get(slug)?;
                        let with_roles = with_roles && matches!(part.section, Directory::Role(_));
                        let mut card = person_card(site, context, person, with_roles);
                        let membership = ended.and_then(|i| person.memberships.get(i));
                        card.roles.extend(membership.and_then(|m| super::tenure(words, m)));
                        Some(card)
                    })
                    .collect();
                PeopleSection { heading: paging::heading(context, heading, part.continued), id: id.to_owned(), people }
            })
            .collect()
    }

    /// How many people the sections hold, each once however many sections they are in.
    fn people(&self) -> usize {
        let mut seen = std::collections::HashSet::new();
        self.sections.iter().flat_map(|(_, people)| people).filter(|p| seen.insert(&p.slug)).count()
    }

    /// The directory of `site` as it is now.
    fn of(site: &Site) -> std::sync::Arc<Order> {
        let today = site.today(super::super::now());
        let kept = site.memo(|_| Kept::default());
        let mut kept = kept.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        match kept.as_ref() {
            Some(order) if order.today == today => order.clone(),
            _ => {
                let order = std::sync::Arc::new(Order::new(site, today));
                *kept = Some(order.clone());
                order
            }
        }
    }
}

impl super::ListFilter for PeopleFilter {
    const LIST: EntityKind = EntityKind::Person;

    fn values(&self) -> Vec<&Option<String>> {
        vec![&self.group]
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
        Ok(PeoplePage::filtered(site, context, self, number)?.map(|page| page.render()))
    }
}

/// How many people the directory lists today, a person once in each of their sections.
pub(super) fn listed_count(site: &Site) -> usize {
    paging::total(&Order::of(site).sections)
}

/// Whether `person` is in the directory's section of `role` on `today`: a membership in it
/// that has not ended.
fn is_current(person: &Person, role: Role, today: chrono::NaiveDate) -> bool {
    person.memberships.iter().any(|m| m.role == role && !m.has_ended(today))
}

impl<'a> PeoplePage<'a> {
    /// Page `number` (from 1) of the directory of `site`: everyone with a membership in a
    /// group, by role, then former members, then everyone else (named by a project or
    /// publication, or not yet given a group), so every person's page is linked. `None` past
    /// the last page.
    pub fn new(site: &'a Site, context: &'a Context, number: usize) -> Option<Self> {
        PeoplePage::filtered(site, context, &PeopleFilter::default(), number).ok()?
    }

    /// Page `number` (from 1) of the directory under `filter` (its own `page` is not read);
    /// a group the site does not have is an error, `None` is past the last page.
    pub fn filtered(
        site: &'a Site,
        context: &'a Context,
        filter: &PeopleFilter,
        number: usize,
    ) -> Result<Option<Self>, UnknownFilter> {
        let words = &context.words;
        let group = chosen_slug(chosen(&filter.group), &site.groups)
            .map_err(|g| UnknownFilter::new(EntityKind::Person, "group", g))?;
        let today = site.today(super::super::now());
        let order = match &group {
            Some(group) => std::sync::Arc::new(Order::of_group(site, group, today)),
            None => Order::of(site),
        };
        let Some(cut) = Cut::of(EntityKind::Person, paging::total(&order.sections), number) else {
            return Ok(None);
        };
        let sections = order.sections(site, context, &cut, true);
        let total = site.people.len();
        let (pager, chrome, count) = match &group {
            Some(group) => {
                let query = [("group", group.as_str())];
                let pager = Pager::new(context, &cut, |n| paths::filtered_list_page(EntityKind::Person, &query, n));
                let shown = order.people();
                let count = words.with("people-count-filtered", &[("shown", shown.into()), ("total", total.into())]);
                // The head's `rel=prev/next` are for the whole directory's pages, which are canonical.
                (pager, context.list_chrome(site, EntityKind::Person), count)
            }
            None => {
                let pager = Pager::unfiltered(context, EntityKind::Person, &cut);
                let chrome = pager.chrome(site, context, EntityKind::Person, &cut);
                (pager, chrome, words.with("people-count", &[("total", total.into())]))
            }
        };
        let chrome = chrome.describe(words.with("people-description", &[("site", (&site.settings.name).into())]));
        let groups = site.groups.values().map(|g| (g.slug.to_string(), g.name.to_string()));
        Ok(Some(PeoplePage {
            chrome,
            action: context.urls.path(paths::list_page(EntityKind::Person)),
            filters: vec![Filter::new(words, "group", choices(words, groups, group.as_ref().map(Slug::as_str)))],
            count,
            filtered: group.is_some(),
            sections,
            pager,
        }))
    }
}

/// The people a group's page shows: the first page of the directory narrowed to the group,
/// and how many people the group has (each once) where that page does not hold them all.
pub(super) struct GroupPeople {
    /// Its current members by role, then its former members.
    pub sections: Vec<PeopleSection>,
    /// The group's people, where there are more than one page shows.
    pub more: Option<usize>,
}

/// The people `group`'s page shows.
pub(super) fn of_group(site: &Site, context: &Context, group: &Slug) -> GroupPeople {
    let order = Order::of_group(site, group, site.today(super::super::now()));
    let cut = Cut::of(EntityKind::Person, paging::total(&order.sections), 1);
    let sections = cut.as_ref().map(|cut| order.sections(site, context, cut, false)).unwrap_or_default();
    let more = cut.filter(|cut| cut.pages > 1).map(|_| order.people());
    GroupPeople { sections, more }
}

/// A phone number, readable and dialable.
pub struct PhoneLink {
    /// As visitors read it: `+47 93 04 00 95`.
    pub text: String,
    /// As phones dial it: `tel:+4793040095`.
    pub uri: String,
}

/// `/people/{slug}/`: one person, how to reach them, and where they belong.
#[derive(Template)]
#[template(path = "pages/person.html")]
pub struct PersonPage<'a> {
    /// The frame: head, navigation, breadcrumbs and footer.
    pub chrome: Chrome<'a>,
    /// The person, for the fields the page shows as written: name, title, emails.
    pub person: &'a Person,
    /// One line per affiliation: title, department, institution, country.
    pub places: Vec<String>,
    /// Every phone number, readable and dialable.
    pub phones: Vec<PhoneLink>,
    /// The person's groups, in the order their file lists them.
    pub memberships: Vec<MembershipRow>,
    /// Projects the person works on, ongoing first.
    pub projects: Vec<ProjectCard>,
    /// Publications the person edited, linked to their entries.
    pub edited: Vec<Linked>,
    /// Publications the person is an author of, newest first, linked to their entries.
    pub written: Vec<Linked>,
    /// Biography, its site-relative links under the base path.
    pub bio: Html,
    /// ORCID, profiles and the like.
    pub links: Vec<Link>,
    /// The person's vCard, `/people/{slug}.vcf`, base path included.
    pub vcard: String,
    /// The vCard link's text: `Add Ana to your contacts (vCard)`.
    pub vcard_label: String,
    /// The person's photo, where the content has one.
    pub photo: Option<Picture>,
    /// News about the person and events they speak at or organise.
    pub happenings: super::Happenings,
}

/// A person's place in a group, as their page lists it.
pub struct MembershipRow {
    /// The group's full name, linked to its page.
    pub group: Linked,
    /// `External member`, `Advisory board` …
    pub role: String,
    /// Position in the group, such as `Leader`.
    pub position: Option<crate::model::Text>,
    /// The years, `2015–2019`, where the content gives them.
    pub tenure: Option<String>,
    /// `former member`, once the membership has ended.
    pub former: Option<String>,
}

impl<'a> PersonPage<'a> {
    /// The page of the person `slug`; `None`, and so a 404, when there is no such person.
    pub fn new(site: &'a Site, context: &'a Context, slug: &Slug) -> Option<Self> {
        let person = site.people.get(slug)?;
        let (urls, words) = (&context.urls, &context.words);
        let today = site.today(super::super::now());
        let path = paths::entity(EntityKind::Person, slug);
        let memberships = person
            .memberships
            .iter()
            .filter_map(|m| {
                let group = group_link(context, site.groups.get(&m.group.slug())?);
                Some(MembershipRow {
                    group,
                    role: words.role(m.role),
                    position: m.position.clone(),
                    tenure: super::tenure(words, m),
                    former: m.has_ended(today).then(|| words.get("membership-former")),
                })
            })
            .collect::<Vec<_>>();
        let mut projects: Vec<_> = site.projects_of_person(slug).collect();
        sort_projects(&mut projects);
        let is_them = |people: &[crate::model::Author]| {
            people.iter().any(|a| a.person.as_ref().is_some_and(|r| r.slug == slug.as_str()))
        };
        let edited = site.publications_of_person(slug).filter(|p| p.kind.edited_itself() && is_them(&p.editors));
        let edited = super::newest_first(context, edited);
        let written = super::newest_first(context, site.publications_of_person(slug).filter(|p| is_them(&p.authors)));
        let places: Vec<String> = person.affiliations.iter().map(place).filter(|p| !p.is_empty()).collect();
        let card: PersonCard = person_card(site, context, person, true);
        // The name first, so each person's description is their own.
        let description = [
            vec![person.name.clone()],
            person.title.iter().map(crate::model::Text::to_string).collect(),
            places.clone(),
            card.roles.clone(),
        ]
        .concat()
        .join(". ");
        // The ORCID record, first among the links, unless the links already name it.
        let orcid = person.orcid.as_ref().map(|id| crate::model::Url::new(format!("https://orcid.org/{id}"), 0..0));
        let listed = person.links.iter().any(|l| l.url.as_ref().is_some_and(|u| u.href.contains("orcid.org/")));
        let links: Vec<Link> = orcid
            .iter()
            .filter(|_| !listed)
            .map(|url| Link { label: words.get("person-orcid"), url: Some(url.clone()) })
            .chain(person.links.iter().cloned())
            .collect();
        let photo = person.photo.as_ref().and_then(|p| picture(site, context, p, crate::model::Place::Portrait));
        let chrome = context
            .item_chrome(site, EntityKind::Person, &person.name, &path)
            .describe(description)
            .og("profile")
            .image(photo.as_ref(), urls, false)
            .schema(json!({
                "@context": "https://schema.org",
                "@type": "ProfilePage",
                "@id": urls.absolute(&path),
                "url": urls.absolute(&path),
                "name": person.name,
                "isPartOf": { "@type": "WebSite", "name": site.settings.name, "url": urls.absolute(paths::HOME) },
                "mainEntity": {
                    "@type": "Person",
                    "@id": urls.node_id(person),
                    "name": person.name,
                    "givenName": person.given_name(),
                    "familyName": person.family_name(),
                    "jobTitle": person.title,
                    "email": person.emails.iter().map(|e| format!("mailto:{e}")).collect::<Vec<_>>(),
                    "telephone": person.phones.iter().map(|p| Phone::new(p).to_string()).collect::<Vec<_>>(),
                    "affiliation": person.affiliations.iter().filter_map(|a| a.institution.as_ref().or(a.department.as_ref())).map(|n| json!({"@type": "Organization", "name": n})).collect::<Vec<_>>(),
                    "memberOf": site.groups_of_person(person, today).map(|(g, _)| group_node(urls, g)).collect::<Vec<_>>(),
                    "url": urls.absolute(&path),
                    "image": photo.as_ref().map(|p| p.absolute(urls)),
                    "sameAs": orcid.as_ref().map(|o| o.href.clone()),
                },
            }));
        Some(PersonPage {
            chrome,
            person,
            places,
            phones: person
                .phones
                .iter()
                .map(|p| {
                    let phone = Phone::new(p);
                    PhoneLink { text: phone.to_string(), uri: phone.uri() }
                })
                .collect(),
            memberships,
            projects: projects.iter().map(|p| project_card(site, context, p)).collect(),
            edited,
            written,
            bio: context.body(&person.bio),
            links,
            vcard: urls.path(&paths::vcard(slug)),
            vcard_label: words.with("person-vcard", &[("name", (&person.name).into())]),
            photo,
            happenings: super::happenings(site, context, EntityKind::Person, slug),
        })
    }
}
