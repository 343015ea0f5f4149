//! Where everything on the site lives: the one table of every entity's address, every list's
//! address, the sections of the navigation and the routes the server answers. The router, the
//! sitemap, `export`, the navigation, the 404 page and `check`'s reserved page slugs all read
//! it, so an address is written down once.
//!
//! Paths here are root-relative and without the base path (`/people/ada/`); `render::Urls`
//! puts them under the base URL the site is published at.
//!
//! A page's address ends in `/` and a file's has an extension (`/people/ada/`,
//! `/people/ada.vcf`): `export` writes each page as a folder's `index.html`, which every static
//! host (nginx, Caddy, Python's `http.server`, GitHub Pages, S3) serves at exactly that address,
//! so the served site and an exported one have the same URLs and neither redirects a link it
//! writes. The bare address of a page (`/people/ada`) is sent to it with a permanent redirect.

use crate::model::{EntityKind, Slug};

/// The home page.
pub const HOME: &str = "/";
/// Where the home page lists the groups, which have no list page of their own.
pub const GROUPS_ON_HOME: &str = "/#groups";
/// The search page and its form's target.
pub const SEARCH: &str = "/search/";
/// The sitemap, or the index of its parts on a large site.
pub const SITEMAP: &str = "/sitemap.xml";
/// Crawlers' instructions, which name the sitemap.
pub const ROBOTS: &str = "/robots.txt";
/// The site's icon where browsers ask for it whatever a page links.
pub const FAVICON: &str = "/favicon.ico";
/// The Atom feed of everything new on the site: news, and events as they are announced.
pub const FEED: &str = "/feed.xml";
/// The calendar of every event, to subscribe to.
pub const CALENDAR: &str = "/events.ics";
/// The name of a group's own feed and calendar files, in its page's folder.
const GROUP_FEED: &str = "feed.xml";
const GROUP_CALENDAR: &str = "events.ics";
/// The health check for load balancers and process supervisors.
pub const HEALTH: &str = "/healthz";
/// The editor's preview only: the stream that tells open pages to reload.
pub const PREVIEW_EVENTS: &str = "/_preview/events";

/// An address no route answers and no slug can take (slugs hold no `_`): `export` draws its
/// `404.html` from it.
pub const NOWHERE: &str = "/_nowhere";

/// The segment under a list's address before a page number: `/publications/page/2/`. A
/// publication, person or project cannot take it as its slug ([`reserved_slugs`]).
const PAGED: &str = "page";

/// The kinds whose lists are paged at path addresses when long, so that a static export can
/// write each page; how many a page holds is `render::pages::per_page`'s.
pub const PAGED_LISTS: [EntityKind; 6] = [
    EntityKind::Project,
    EntityKind::Person,
    EntityKind::News,
    EntityKind::Partner,
    EntityKind::Publication,
    EntityKind::Practice,
];

/// The extension of a person's vCard, beside their page.
pub const VCARD: &str = "vcf";
/// The extension of a publication's BibTeX entry, beside its page.
pub const BIBTEX: &str = "bib";
/// The extension of a publication's RIS record, beside its page.
pub const RIS: &str = "ris";
/// The extension of an event's iCalendar file, beside its page.
pub const ICALENDAR: &str = "ics";

/// The kinds whose pages have files beside them (vCards, citations), at `{prefix}/{slug}.{ext}`.
pub const DOWNLOADS: [EntityKind; 3] = [EntityKind::Person, EntityKind::Publication, EntityKind::Event];

/// Folder of the parts of a sitemap too large for one file: `/sitemaps/1.xml`.
const SITEMAP_PARTS: &str = "/sitemaps";
/// Folder of the fingerprinted static files.
const ASSETS: &str = "/assets";
/// Where the sizes made of `media/`'s images are, by file name.
const IMAGES: &str = "/images";

/// The kinds with a list page, in the order the navigation and the home page's cards show them.
pub const SECTIONS: [EntityKind; 7] = [
    EntityKind::Project,
    EntityKind::Person,
    EntityKind::News,
    EntityKind::Event,
    EntityKind::Partner,
    EntityKind::Publication,
    EntityKind::Practice,
];

/// The first segment of the addresses of the site in `language`, where it is not the
/// default: `nb` for `nb`, `nb-no` for `nb-NO`; the default language lives at the root.
pub fn language_segment(language: &str) -> String {
    language.to_ascii_lowercase()
}

/// `path` (root-relative, as every function here gives it) in the edition of the site under
/// `segment` (from [`language_segment`]), or as it is where `segment` is empty (the default).
pub fn in_language(segment: &str, path: &str) -> String {
    if segment.is_empty() { path.to_owned() } else { format!("/{segment}{path}") }
}

/// Whether `path` is a file every edition of the site shares, at one address whatever the
/// language: media, assets, the sitemap, `robots.txt`, the icon and the health check.
pub fn is_shared(path: &str) -> bool {
    // Each shared route's fixed part, and whether a variable part follows it; worked out once,
    // as every site-relative link of every body is asked about.
    static SHARED: std::sync::OnceLock<Vec<(String, bool)>> = std::sync::OnceLock::new();
    let shared = SHARED.get_or_init(|| {
        let routes = Route::all().into_iter().filter(|route| !route.in_every_language());
        routes
            .map(|route| {
                let pattern = route.pattern();
                let fixed = pattern.split('{').next().unwrap_or_default().to_owned();
                let open = fixed.len() < pattern.len();
                (fixed, open)
            })
            .collect()
    });
    shared.iter().any(|(fixed, open)| if *open { path.starts_with(fixed.as_str()) } else { path == fixed })
}

/// How a kind of entity is reached: by a page of its own under a prefix, or as an entry of
/// its kind's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reached {
    /// `{prefix}/{slug}/`; a free page's prefix is empty, so it lives at `/{slug}/`.
    Page {
        /// `/groups`, `/projects`, `/people`, or `` for free pages.
        prefix: &'static str,
    },
    /// `{list}#{slug}` (`/partners/#ada`): an entry of a list page, with no page of its own;
    /// on a later page of a long list, `{list}page/{n}/#{slug}` ([`entry_on_page`]).
    Entry,
}

/// How entities of `kind` are reached.
pub fn reached(kind: EntityKind) -> Reached {
    match kind {
        EntityKind::Group => Reached::Page { prefix: "/groups" },
        EntityKind::Project => Reached::Page { prefix: "/projects" },
        EntityKind::Person => Reached::Page { prefix: "/people" },
        EntityKind::Publication => Reached::Page { prefix: "/publications" },
        EntityKind::News => Reached::Page { prefix: "/news" },
        EntityKind::Event => Reached::Page { prefix: "/events" },
        EntityKind::Page => Reached::Page { prefix: "" },
        EntityKind::Partner | EntityKind::Practice => Reached::Entry,
    }
}

/// The list page of `kind`, for the kinds in [`SECTIONS`].
pub fn list(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Project => Some("/projects/"),
        EntityKind::Person => Some("/people/"),
        EntityKind::Partner => Some("/partners/"),
        EntityKind::Publication => Some("/publications/"),
        EntityKind::Practice => Some("/practices/"),
        EntityKind::News => Some("/news/"),
        EntityKind::Event => Some("/events/"),
        EntityKind::Group | EntityKind::Page => None,
    }
}

/// The list page of `kind`, or the home page for a kind without one (groups, free pages).
pub fn list_page(kind: EntityKind) -> &'static str {
    list(kind).unwrap_or(HOME)
}

/// Where an entity is shown: its own page, or its entry on the first page of its kind's list
/// (an entry further down a long list is at [`entry_on_page`]).
pub fn entity(kind: EntityKind, slug: &Slug) -> String {
    entry_on_page(kind, slug, 1)
}

/// Where an entity is shown, an entry of a list being on page `n` (from 1) of it:
/// `/partners/page/2/#acme`. An entity with a page of its own is at its page whatever `n`.
pub fn entry_on_page(kind: EntityKind, slug: &Slug, n: usize) -> String {
    match (reached(kind), list(kind)) {
        (Reached::Page { prefix }, _) => format!("{prefix}/{slug}/"),
        (Reached::Entry, Some(_)) => format!("{}#{slug}", list_page_number(kind, n)),
        (Reached::Entry, None) => format!("/#{slug}"),
    }
}

/// The folder the files beside `kind`'s pages or entries live in: `/people`.
fn folder(kind: EntityKind) -> &'static str {
    match reached(kind) {
        Reached::Page { prefix } => prefix,
        Reached::Entry => list_page(kind).trim_end_matches('/'),
    }
}

/// A file drawn from the entity of `kind` named `slug`, beside its page: `/people/ada.vcf`.
fn beside(kind: EntityKind, slug: &Slug, extension: &str) -> String {
    format!("{}/{slug}.{extension}", folder(kind))
}

/// A person's vCard, beside their page.
pub fn vcard(slug: &Slug) -> String {
    beside(EntityKind::Person, slug, VCARD)
}

/// An event's iCalendar file, beside its page.
pub fn event_calendar(slug: &Slug) -> String {
    beside(EntityKind::Event, slug, ICALENDAR)
}

/// A group's own Atom feed, in its page's folder: `/groups/ada/feed.xml`.
pub fn group_feed(slug: &Slug) -> String {
    format!("{}{GROUP_FEED}", entity(EntityKind::Group, slug))
}

/// A group's own calendar of events, in its page's folder: `/groups/ada/events.ics`.
pub fn group_calendar(slug: &Slug) -> String {
    format!("{}{GROUP_CALENDAR}", entity(EntityKind::Group, slug))
}

/// Page `n` (from 1) of the unfiltered list of `kind`: page 1 is the list's own address,
/// the others `{list}page/{n}/`.
pub fn list_page_number(kind: EntityKind, n: usize) -> String {
    let list = list_page(kind);
    if n <= 1 { list.to_owned() } else { format!("{list}{PAGED}/{n}/") }
}

/// The list of `kind` narrowed by filters, `(name, value)` in order, each value already one
/// the site knows (a slug, a year, a kind's key), so none needs escaping: `/publications/?group=ada`.
pub fn filtered_list(kind: EntityKind, filters: &[(&str, &str)]) -> String {
    let query: Vec<String> = filters.iter().map(|(name, value)| format!("{name}={value}")).collect();
    let list = list_page(kind);
    if query.is_empty() { list.to_owned() } else { format!("{list}?{}", query.join("&")) }
}

/// Page `n` (from 1) of the list of `kind` narrowed by `filters` (as [`filtered_list`]): with
/// no filter, the unfiltered list's page at its own address ([`list_page_number`]); with
/// filters, the filtered list with `page=n` after them, but for page 1.
pub fn filtered_list_page(kind: EntityKind, filters: &[(&str, &str)], n: usize) -> String {
    if filters.is_empty() {
        return list_page_number(kind, n);
    }
    let n = n.to_string();
    let page = (n != "1").then_some(("page", n.as_str()));
    let query: Vec<(&str, &str)> = filters.iter().copied().chain(page).collect();
    filtered_list(kind, &query)
}

/// A publication's BibTeX entry, beside its page, for reference managers.
pub fn bibtex(slug: &Slug) -> String {
    beside(EntityKind::Publication, slug, BIBTEX)
}

/// A publication's RIS record, beside its page, for reference managers that read RIS.
pub fn ris(slug: &Slug) -> String {
    beside(EntityKind::Publication, slug, RIS)
}

/// A file of the content's `media/` folder, from its path relative to the content folder
/// (`media/hero.jpg`).
pub fn media(file: &str) -> String {
    format!("/{file}")
}

/// A size of an image the site makes from one in `media/`, by its file name.
pub fn image(name: &str) -> String {
    format!("{IMAGES}/{name}")
}

/// A fingerprinted static file, by its file name.
pub fn asset(name: &str) -> String {
    format!("{ASSETS}/{name}")
}

/// Part `n` (from 1) of a sitemap too large for one file.
pub fn sitemap_part(n: usize) -> String {
    format!("{SITEMAP_PARTS}/{n}.xml")
}

/// The section a path is under, by its first segment, as the 404 page offers it: a list page,
/// or the home page's groups for `/groups/…`.
pub fn nearest_list(path: &str) -> Option<&'static str> {
    let first = path.trim_start_matches('/').split(['/', '#', '?']).next().unwrap_or_default();
    if matches!(reached(EntityKind::Group), Reached::Page { prefix } if prefix.trim_start_matches('/') == first) {
        return Some(GROUPS_ON_HOME);
    }
    SECTIONS.into_iter().filter_map(list).find(|l| l.trim_matches('/') == first)
}

/// Every address the server answers, by what it answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// `/`.
    Home,
    /// The page of an entity that has one: a group, project or person (`{prefix}/{slug}/`).
    Entity(EntityKind),
    /// `{prefix}/{file}`: the files beside the pages of a kind in [`DOWNLOADS`]
    /// (`/people/ada.vcf`), and the bare addresses of those pages, which redirect to them.
    Download(EntityKind),
    /// The list page of a kind in [`SECTIONS`].
    List(EntityKind),
    /// `{list}page/{n}/`: page `n` of a long list, for the kinds in [`PAGED_LISTS`].
    ListPage(EntityKind),
    /// `/search/`.
    Search,
    /// `/sitemap.xml`.
    Sitemap,
    /// `/sitemaps/{file}`.
    SitemapPart,
    /// `/robots.txt`.
    Robots,
    /// `/feed.xml`: the site's Atom feed.
    Feed,
    /// `/groups/{slug}/feed.xml`: a group's Atom feed.
    GroupFeed,
    /// `/events.ics`: the calendar of every event.
    Calendar,
    /// `/groups/{slug}/events.ics`: a group's calendar.
    GroupCalendar,
    /// `/healthz`.
    Health,
    /// `/assets/{file}`.
    Asset,
    /// `/favicon.ico`.
    Favicon,
    /// `/media/{*path}`: files of the content's `media/` folder.
    Media,
    /// `/images/{file}`: the sizes the site makes of images in `media/`.
    Image,
    /// `/{page}/`: a free page; matched after every other route.
    FreePage,
}

impl Route {
    /// Whether the route is answered in every language of the site, under each language's
    /// segment (`/nb/people/`), rather than once for all (the media, the sitemap).
    pub fn in_every_language(self) -> bool {
        !matches!(
            self,
            Route::Media
                | Route::Image
                | Route::Asset
                | Route::Sitemap
                | Route::SitemapPart
                | Route::Robots
                | Route::Favicon
                | Route::Health
        )
    }

    /// Every route, the free pages last.
    pub fn all() -> Vec<Route> {
        let entities = EntityKind::ALL
            .into_iter()
            .filter(|k| matches!(reached(*k), Reached::Page { prefix } if !prefix.is_empty()))
            .map(Route::Entity)
            .chain(DOWNLOADS.into_iter().map(Route::Download));
        let lists = SECTIONS.into_iter().map(Route::List).chain(PAGED_LISTS.map(Route::ListPage));
        let fixed = [
            Route::Search,
            Route::Sitemap,
            Route::SitemapPart,
            Route::Robots,
            Route::Feed,
            Route::GroupFeed,
            Route::Calendar,
            Route::GroupCalendar,
            Route::Health,
            Route::Asset,
            Route::Favicon,
            Route::Media,
            Route::Image,
            Route::FreePage,
        ];
        std::iter::once(Route::Home).chain(entities).chain(lists).chain(fixed).collect()
    }

    /// The route in the router's syntax: `/people/{slug}/`.
    pub fn pattern(self) -> String {
        match self {
            Route::Home => HOME.to_owned(),
            Route::Entity(kind) => match reached(kind) {
                Reached::Page { prefix } => format!("{prefix}/{{slug}}/"),
                Reached::Entry => list_page(kind).to_owned(),
            },
            Route::Download(kind) => format!("{}/{{file}}", folder(kind)),
            Route::List(kind) => list(kind).unwrap_or(HOME).to_owned(),
            Route::ListPage(kind) => format!("{}{PAGED}/{{n}}/", list_page(kind)),
            Route::Search => SEARCH.to_owned(),
            Route::Sitemap => SITEMAP.to_owned(),
            Route::SitemapPart => format!("{SITEMAP_PARTS}/{{file}}"),
            Route::Robots => ROBOTS.to_owned(),
            Route::Feed => FEED.to_owned(),
            Route::GroupFeed => format!("{}/{{slug}}/{GROUP_FEED}", folder(EntityKind::Group)),
            Route::Calendar => CALENDAR.to_owned(),
            Route::GroupCalendar => format!("{}/{{slug}}/{GROUP_CALENDAR}", folder(EntityKind::Group)),
            Route::Health => HEALTH.to_owned(),
            Route::Asset => format!("{ASSETS}/{{file}}"),
            Route::Favicon => FAVICON.to_owned(),
            Route::Media => format!("{}/{{*path}}", media("media")),
            Route::Image => format!("{IMAGES}/{{file}}"),
            Route::FreePage => "/{page}/".to_owned(),
        }
    }

    /// The first segment of the route's addresses, up to any `.`: a free page with this name
    /// could never be reached. None for the home page and free pages themselves.
    fn prefix(self) -> Option<String> {
        if matches!(self, Route::Home | Route::FreePage) {
            return None;
        }
        let pattern = self.pattern();
        let first = pattern.trim_start_matches('/').split(['/', '.']).next().unwrap_or_default();
        Some(first.to_owned())
    }
}

/// Names a free page cannot have, because a route of the site starts with them.
pub fn reserved_page_slugs() -> Vec<String> {
    let mut slugs: Vec<String> = Route::all().into_iter().filter_map(Route::prefix).collect();
    slugs.sort();
    slugs.dedup();
    slugs
}

/// Slugs an entity of `kind` cannot have, because another route of the site takes its address:
/// a free page cannot be `people`, a publication cannot be `page` (`/publications/page/2/`).
pub fn reserved_slugs(kind: EntityKind) -> Vec<String> {
    let prefix = match reached(kind) {
        Reached::Page { prefix: "" } => return reserved_page_slugs(),
        Reached::Page { prefix } => prefix,
        Reached::Entry => return Vec::new(),
    };
    let mut slugs: Vec<String> = Route::all()
        .into_iter()
        .filter(|route| *route != Route::Entity(kind))
        .filter_map(|route| {
            let pattern = route.pattern();
            let first = pattern.strip_prefix(prefix)?.strip_prefix('/')?.split(['/', '.']).next()?;
            (!first.is_empty() && !first.starts_with('{')).then(|| first.to_owned())
        })
        .collect();
    slugs.sort();
    slugs.dedup();
    slugs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_live_where_their_kind_says() {
        let slug = Slug::parse("ada").unwrap();
        assert_eq!(entity(EntityKind::Group, &slug), "/groups/ada/");
        assert_eq!(entity(EntityKind::Person, &slug), "/people/ada/");
        assert_eq!(entity(EntityKind::Partner, &slug), "/partners/#ada");
        assert_eq!(entity(EntityKind::Page, &slug), "/ada/");
        assert_eq!(vcard(&slug), "/people/ada.vcf");
        assert_eq!(bibtex(&slug), "/publications/ada.bib");
        assert_eq!(ris(&slug), "/publications/ada.ris");
    }

    #[test]
    fn every_page_is_a_folder_and_every_file_has_an_extension() {
        let slug = Slug::parse("ada").unwrap();
        let pages = [HOME.to_owned(), SEARCH.to_owned(), list_page_number(EntityKind::News, 2)]
            .into_iter()
            .chain(SECTIONS.into_iter().filter_map(list).map(str::to_owned))
            .chain(EntityKind::ALL.into_iter().map(|kind| entity(kind, &slug).split('#').next().unwrap().to_owned()));
        for page in pages {
            assert!(page.ends_with('/'), "{page}");
        }
        for file in [vcard(&slug), bibtex(&slug), ris(&slug), SITEMAP.to_owned(), ROBOTS.to_owned(), sitemap_part(1)] {
            let last = file.rsplit('/').next().unwrap();
            assert!(last.contains('.') && !file.ends_with('/'), "{file}");
        }
    }

    #[test]
    fn every_kind_is_reached_by_a_page_or_a_list() {
        for kind in EntityKind::ALL {
            if reached(kind) == Reached::Entry {
                assert!(list(kind).is_some(), "{kind} has entries, so it needs a list");
            }
            assert_eq!(list(kind).is_some(), SECTIONS.contains(&kind), "{kind}: a list page is a section");
        }
    }

    #[test]
    fn a_404_offers_the_section_it_was_under() {
        assert_eq!(nearest_list("/people/nobody"), Some("/people/"));
        assert_eq!(nearest_list("/groups/nothing"), Some("/#groups"));
        assert_eq!(nearest_list("/partners"), Some("/partners/"));
        assert_eq!(nearest_list("/nothing"), None);
    }

    #[test]
    fn every_route_but_the_free_pages_reserves_its_first_segment() {
        let reserved = reserved_page_slugs();
        for expected in ["groups", "projects", "people", "partners", "search", "sitemap", "sitemaps", "robots"] {
            assert!(reserved.iter().any(|r| r == expected), "{expected} in {reserved:?}");
        }
        for more in ["healthz", "assets", "media", "images", "publications", "practices"] {
            assert!(reserved.iter().any(|r| r == more), "{more} in {reserved:?}");
        }
        assert!(!reserved.iter().any(String::is_empty));
        assert!(reserved.windows(2).all(|pair| pair[0] < pair[1]), "each once: {reserved:?}");
    }

    #[test]
    fn a_paged_list_reserves_its_page_segment() {
        assert_eq!(reserved_slugs(EntityKind::Publication), ["page"]);
        assert_eq!(reserved_slugs(EntityKind::Person), ["page"]);
        assert_eq!(reserved_slugs(EntityKind::Project), ["page"]);
        assert_eq!(reserved_slugs(EntityKind::Page), reserved_page_slugs());
        assert!(reserved_slugs(EntityKind::Group).is_empty());
        assert_eq!(list_page_number(EntityKind::Publication, 1), "/publications/");
        assert_eq!(list_page_number(EntityKind::Publication, 3), "/publications/page/3/");
        assert!(Route::all().iter().any(|r| r.pattern() == "/publications/page/{n}/"));
        assert_eq!(
            filtered_list(EntityKind::Publication, &[("group", "ada"), ("page", "2")]),
            "/publications/?group=ada&page=2"
        );
        assert_eq!(filtered_list(EntityKind::Publication, &[]), "/publications/");
        assert_eq!(filtered_list_page(EntityKind::Project, &[("group", "ada")], 1), "/projects/?group=ada");
        assert_eq!(filtered_list_page(EntityKind::Project, &[("group", "ada")], 2), "/projects/?group=ada&page=2");
        assert_eq!(filtered_list_page(EntityKind::Project, &[], 2), "/projects/page/2/");
        let acme = Slug::parse("acme").unwrap();
        assert_eq!(entry_on_page(EntityKind::Partner, &acme, 1), "/partners/#acme");
        assert_eq!(entry_on_page(EntityKind::Partner, &acme, 2), "/partners/page/2/#acme");
        assert_eq!(entry_on_page(EntityKind::Person, &acme, 2), "/people/acme/");
    }
}
