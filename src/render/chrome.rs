//! The frame every page shares: title, navigation, breadcrumbs, metadata for search engines and
//! link previews, and the footer.

use serde_json::Value;

use super::{Context, Labels, Words};
use crate::link::Site;
use crate::model::{EntityKind, Slug};
use crate::paths;

/// The part of the site a page belongs to, so the navigation can mark it as current.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Section {
    /// The home page, which the navigation has no link for: the site's name leads there.
    Home,
    /// One group's page, by slug.
    Group(Slug),
    /// A list page (`/people/`) and the pages of its entities (`/people/ada/`).
    List(EntityKind),
    /// A free page, by slug.
    Page(Slug),
    /// `/search/`, which the navigation has no link for: the search box leads there.
    Search,
    /// The 404 page, which belongs to no section.
    Nowhere,
}

/// A static file under a content-hashed name, so it can be cached for a year.
#[derive(Debug, Clone)]
pub struct Asset {
    /// The root-relative URL, base path included: `/assets/site.3f9c2a1b.css`.
    pub href: String,
}

/// The site's icon as every page links it: where it is and what kind of image, so a browser
/// that cannot show the kind skips it.
#[derive(Debug, Clone, Default)]
pub struct IconLink {
    /// The root-relative URL under its fingerprinted name, base path included.
    pub href: String,
    /// Its media type: `image/svg+xml`, `image/png` or `image/x-icon`.
    pub mime: &'static str,
}

/// One link of the main navigation or the footer.
#[derive(Debug, Clone)]
pub struct NavItem {
    /// A group's short name, a section's name, or a free page's title.
    pub label: crate::model::Text,
    /// Root-relative, base path included.
    pub href: String,
    /// Whether the link leads to where the visitor is, for `aria-current`.
    pub current: Option<Current>,
}

/// How a navigation link relates to the page it is shown on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Current {
    /// The link leads to this very page.
    Page,
    /// The link leads to the section this page is in.
    Section,
}

/// The value of `aria-current`.
impl std::fmt::Display for Current {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Current::Page => "page",
            Current::Section => "true",
        })
    }
}

/// The search form in the header of every page.
#[derive(Debug, Clone)]
pub struct SearchBox {
    /// The form's target, base path included.
    pub action: String,
    /// The query shown in the box: the one searched for, on the search page.
    pub query: String,
}

/// One step of the breadcrumb trail; the last one, the page itself, has no link.
#[derive(Debug, Clone)]
pub struct Crumb {
    /// `Home`, an ancestor's name, or the page's own heading.
    pub label: String,
    /// Root-relative, base path included; none for the page itself.
    pub href: Option<String>,
}

/// What `base.html` needs on every page: the site's name, navigation, canonical URL,
/// language, metadata for search engines and link previews, and the footer.
#[derive(Debug, Clone)]
pub struct Chrome<'a> {
    /// `<html lang>`.
    pub lang: &'a str,
    /// From `site.toml`: the header's home link, and the end of every `<title>`.
    pub site_name: &'a crate::model::Text,
    /// The whole `<title>`, unique per page.
    pub title: String,
    /// The `<h1>` of most pages, and the OpenGraph title.
    pub heading: String,
    /// The language of the heading, where it is not the page's: a title not translated.
    pub heading_lang: Option<String>,
    /// The meta description and OpenGraph description.
    pub description: String,
    /// The page's one absolute URL; none for error pages, which are not to be indexed.
    pub canonical: Option<String>,
    /// OpenGraph type: `website`, `profile` or `article`.
    pub og_type: &'static str,
    /// `og:locale`, from the site's language: `nb_NO` for `nb-NO`, just `en` for `en`, as no
    /// region is known to add.
    pub og_locale: String,
    /// `og:locale:alternate`: the site's other languages, in the same form.
    pub og_locale_alternates: Vec<String>,
    /// The page's picture for link previews (OpenGraph and Twitter cards), absolute.
    pub image: Option<PreviewImage>,
    /// The Twitter card: `summary_large_image` for a wide picture, else `summary`.
    pub twitter_card: &'static str,
    /// Where the site's name in the header and footer leads, base path included.
    pub home_href: String,
    /// The main navigation: every group, then the sections.
    pub nav: Vec<NavItem>,
    /// Empty on the home page and on error pages, which show no trail.
    pub breadcrumbs: Vec<Crumb>,
    /// The stylesheet's fingerprinted URL.
    pub stylesheet: &'a str,
    /// The site's icon, for browser tabs and bookmarks.
    pub icon: &'a IconLink,
    /// The host institution, named in the footer.
    pub host: Option<&'a str>,
    /// Free pages (accessibility statement, contact), linked from the footer.
    pub footer_links: Vec<NavItem>,
    /// schema.org JSON-LD, already escaped for a `<script>` element.
    pub json_ld: Option<String>,
    /// The schema.org node `json_ld` is written from, before the breadcrumbs join it.
    schema_node: Option<Value>,
    /// The breadcrumb trail for schema.org: each step's name and absolute URL.
    crumb_urls: Vec<(String, String)>,
    /// Pages that must not be indexed (the 404 page).
    pub noindex: bool,
    /// Google Scholar's Highwire Press tags, `(name, content)` in order: a publication's page.
    pub citation: Vec<(&'static str, String)>,
    /// `<link rel="prev">`: the page before in a paged list, absolute.
    pub prev: Option<String>,
    /// `<link rel="next">`: the page after in a paged list, absolute.
    pub next: Option<String>,
    /// `<link rel="alternate">`s: the feeds and calendars the page belongs to, absolute.
    pub alternates: Vec<Alternate>,
    /// `<link rel="alternate" hreflang>`s: this page in every language of the site, and
    /// `x-default`; none for a site in one language, or a page not to be indexed.
    pub in_languages: Vec<super::InLanguage>,
    /// The language switcher: this page in each of the site's other languages.
    pub switcher: Vec<LanguageLink>,
    /// The editor's preview (`serve --watch`): live reload and the content's mistakes.
    pub preview: Option<&'a super::Preview>,
    /// The search form; none in an export, which has no server to answer it.
    pub search: Option<SearchBox>,
    /// The fixed words of the frame and of every page's template.
    pub labels: &'a Labels,
    /// The preview's banner for a change held back, ready to print.
    pub held_back: Option<HeldBack>,
    words: &'a Words,
}

/// A link to the page the visitor is on in another language, named in that language, so a
/// reader who does not know the page's language still finds their own.
#[derive(Debug, Clone)]
pub struct LanguageLink {
    /// `Norsk bokmål`, `English`.
    pub name: String,
    /// The language's tag, for `lang` and `hreflang`.
    pub lang: String,
    /// Root-relative, base path included.
    pub href: String,
}

/// A language the site is published in, as the language switcher names it.
#[derive(Debug, Clone)]
pub struct LanguageName {
    /// Its tag, from `site.toml`.
    pub tag: String,
    /// Its name in itself, from its own catalogue: `Norsk bokmål`.
    pub name: String,
}

/// A picture for link previews.
#[derive(Debug, Clone)]
pub struct PreviewImage {
    /// Absolute URL.
    pub src: String,
    /// Its width and height, which previews use to lay it out before it loads.
    pub size: Option<(u32, u32)>,
    /// Its text alternative.
    pub alt: String,
}

/// The preview's banner for a change held back because it removes most of a kind.
#[derive(Debug, Clone)]
pub struct HeldBack {
    /// `This change removes 12 of 14 people.`
    pub summary: String,
    /// What would go, one line each: a name with its file, or how many more.
    pub items: Vec<HeldBackItem>,
}

/// One line of what a change held back would remove.
#[derive(Debug, Clone)]
pub struct HeldBackItem {
    /// An entity's name, or `and 3 more people`.
    pub text: String,
    /// The entity's file, `people/ana`; none on the line that counts the rest.
    pub file: Option<String>,
}

impl HeldBack {
    fn new(words: &Words, removals: &[super::Removal]) -> Option<Self> {
        if removals.is_empty() {
            return None;
        }
        let counts: Vec<String> = removals
            .iter()
            .map(|r| {
                let kinds = words.entity_plural(r.kind);
                words.with(
                    "preview-removal",
                    &[("gone", r.gone.len().into()), ("had", r.had.into()), ("kinds", kinds.into())],
                )
            })
            .collect();
        let summary = words.with("preview-held-back", &[("removals", words.and_list(&counts).into())]);
        let mut items = Vec::new();
        for removal in removals {
            items.extend(removal.named().iter().map(|(slug, name)| HeldBackItem {
                text: name.clone(),
                file: Some(format!("{}/{slug}", removal.kind.folder())),
            }));
            if removal.unnamed() > 0 {
                let kinds = words.entity_plural(removal.kind);
                let text = words.with("preview-more", &[("count", removal.unnamed().into()), ("kinds", kinds.into())]);
                items.push(HeldBackItem { text, file: None });
            }
        }
        Some(HeldBack { summary, items })
    }
}

impl<'a> Chrome<'a> {
    pub(super) fn new(site: &'a Site, context: &'a Context, section: Section, title: &str, path: &str) -> Self {
        let urls = &context.urls;
        let words = &context.words;
        let groups = site.groups.values().map(|g| {
            let label = g.short_name.clone().unwrap_or_else(|| g.name.clone());
            (label, paths::entity(EntityKind::Group, &g.slug), Section::Group(g.slug.clone()))
        });
        let sections = super::pages::shown_sections(site)
            .filter_map(|kind| Some((words.section(kind).into(), paths::list(kind)?.to_owned(), Section::List(kind))));
        let nav = groups
            .chain(sections)
            .map(|(label, href, s)| {
                let current = match () {
                    _ if section == Section::Nowhere => None,
                    _ if href == path => Some(Current::Page),
                    _ => (s == section).then_some(Current::Section),
                };
                NavItem { label, href: urls.path(&href), current }
            })
            .collect();
        let footer_links = site
            .pages
            .values()
            .map(|p| NavItem {
                label: p.title.clone(),
                href: urls.of(p),
                current: (section == Section::Page(p.slug.clone())).then_some(Current::Page),
            })
            .collect();
        let name = site.settings.name.as_str();
        let full_title = if section == Section::Home || names_part_of(title, name) {
            name.to_owned()
        } else if opens_with_part_of(title, name) {
            title.to_owned()
        } else {
            words.with("page-title", &[("page", title.into()), ("site", name.into())])
        };
        // Pages about one entity say more (`Person`, `ResearchProject` …); the rest say what
        // kind of page they are and whose site they belong to.
        let page_type = match section {
            Section::List(kind) if paths::list(kind) == Some(path) => "CollectionPage",
            _ => "WebPage",
        };
        let page_schema = serde_json::json!({
            "@context": "https://schema.org",
            "@type": page_type,
            "name": title,
            "url": urls.absolute(path),
            "inLanguage": site.language,
            "isPartOf": { "@type": "WebSite", "name": name, "url": urls.absolute(paths::HOME) },
        });
        let tags: Vec<&str> = context.languages.iter().map(|l| l.tag.as_str()).collect();
        let switcher = context
            .languages
            .iter()
            .enumerate()
            .filter(|(_, l)| l.tag != site.language)
            .map(|(i, l)| LanguageLink {
                name: l.name.clone(),
                lang: l.tag.clone(),
                href: urls.in_language(i, &l.tag).path(path),
            })
            .collect();
        Chrome {
            lang: &site.language,
            site_name: &site.settings.name,
            title: full_title,
            heading: title.to_owned(),
            heading_lang: None,
            description: site.settings.description.to_string(),
            canonical: Some(urls.absolute(path)),
            og_type: "website",
            og_locale: og_locale(&site.language),
            og_locale_alternates: tags.iter().filter(|t| **t != site.language).map(|t| og_locale(t)).collect(),
            // The site's logo, until the page names a picture of its own.
            image: (site.settings.logo.as_ref())
                .and_then(|logo| super::pages::picture(site, context, logo, crate::model::Place::Logo))
                .and_then(|logo| logo.preview(urls)),
            twitter_card: "summary",
            home_href: urls.path(paths::HOME),
            nav,
            breadcrumbs: Vec::new(),
            stylesheet: &context.stylesheet.href,
            icon: &context.icon,
            host: site.settings.host.as_deref(),
            footer_links,
            json_ld: None,
            schema_node: None,
            crumb_urls: Vec::new(),
            noindex: false,
            citation: Vec::new(),
            prev: None,
            alternates: Vec::new(),
            in_languages: urls.alternates(&tags, path),
            switcher,
            next: None,
            preview: context.preview.as_ref(),
            search: context.search.as_ref().map(|action| SearchBox { action: action.clone(), query: String::new() }),
            labels: words.labels(),
            held_back: context.preview.as_ref().and_then(|p| HeldBack::new(words, &p.held_back)),
            words,
        }
        .schema(page_schema)
    }

    /// Marks the heading as written in `lang`, where an editor's title is shown untranslated.
    pub fn heading_in(mut self, lang: Option<&str>) -> Self {
        self.heading_lang = lang.map(str::to_owned);
        self
    }

    /// Sets the meta description; blank text keeps the site's own.
    pub fn describe(mut self, description: impl Into<String>) -> Self {
        let description = description.into();
        if !description.trim().is_empty() {
            self.description = shorten(&description, 200);
        }
        self
    }

    /// Sets the breadcrumb trail: `Home`, the given ancestors, then the page itself.
    pub fn trail(mut self, urls: &super::Urls, ancestors: &[(&str, &str)]) -> Self {
        let home = self.words.get("crumb-home");
        let steps = std::iter::once((home.as_str(), paths::HOME)).chain(ancestors.iter().copied());
        let mut crumbs: Vec<Crumb> =
            steps.clone().map(|(label, path)| Crumb { label: label.into(), href: Some(urls.path(path)) }).collect();
        crumbs.push(Crumb { label: self.heading.clone(), href: None });
        self.crumb_urls = steps.map(|(label, path)| (label.to_owned(), urls.absolute(path))).collect();
        if let Some(canonical) = &self.canonical {
            self.crumb_urls.push((self.heading.clone(), canonical.clone()));
        }
        self.breadcrumbs = crumbs;
        self.write_json_ld();
        self
    }

    /// The crumbs the page shows: the whole trail but the page itself, whose name is the
    /// heading right below (a long title would otherwise be read, and at a phone's width
    /// shown, twice). `breadcrumbs` keeps the whole trail for anything that wants it.
    pub fn shown_breadcrumbs(&self) -> &[Crumb] {
        match self.breadcrumbs.split_last() {
            Some((_, ancestors)) => ancestors,
            None => &[],
        }
    }

    /// Sets the schema.org data: the page's main node. Where the page shows breadcrumbs, they
    /// join it as a `BreadcrumbList`: the `breadcrumb` of a page node (`ProfilePage`), or of the
    /// `mainEntityOfPage` of an entity (`ResearchProject`).
    pub fn schema(mut self, value: Value) -> Self {
        self.schema_node = Some(value);
        self.write_json_ld();
        self
    }

    /// Sets the picture link previews show: `wide` for a banner, which gets the large card.
    pub fn image(mut self, picture: Option<&super::pages::Picture>, urls: &super::Urls, wide: bool) -> Self {
        if let Some(preview) = picture.and_then(|p| p.preview(urls)) {
            self.image = Some(preview);
            self.twitter_card = if wide { "summary_large_image" } else { "summary" };
        }
        self
    }

    /// Writes `json_ld` from the main node and the breadcrumbs, escaped so that no text can close
    /// the `<script>` element.
    fn write_json_ld(&mut self) {
        let Some(mut value) = self.schema_node.clone() else {
            self.json_ld = None;
            return;
        };
        if self.crumb_urls.len() > 1 && value.is_object() {
            let items: Vec<Value> = self
                .crumb_urls
                .iter()
                .enumerate()
                .map(|(i, (name, url))| {
                    serde_json::json!({"@type": "ListItem", "position": i + 1, "name": name, "item": url})
                })
                .collect();
            let list = serde_json::json!({"@type": "BreadcrumbList", "itemListElement": items});
            if value["@type"].as_str().is_some_and(|t| t.ends_with("Page")) {
                value["breadcrumb"] = list;
            } else {
                let page = serde_json::json!({"@type": "WebPage", "@id": self.canonical, "url": self.canonical});
                value["mainEntityOfPage"] = page;
                value["mainEntityOfPage"]["breadcrumb"] = list;
            }
        }
        drop_empty(&mut value);
        let json = value.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026");
        self.json_ld = Some(json);
    }

    /// Marks a page search engines are not to index (an error page, search results): no
    /// canonical URL and no schema.org data of its own.
    pub fn not_indexed(mut self) -> Self {
        self.noindex = true;
        self.canonical = None;
        self.in_languages.clear();
        self.json_ld = None;
        self.schema_node = None;
        self
    }

    /// Shows `query` in the header's search box.
    pub fn searched(mut self, query: &str) -> Self {
        if let Some(search) = &mut self.search {
            search.query = query.to_owned();
        }
        self
    }

    /// Sets Google Scholar's Highwire Press tags.
    pub fn cite(mut self, tags: Vec<(&'static str, String)>) -> Self {
        self.citation = tags;
        self
    }

    /// Names the pages before and after this one of a paged list, as absolute URLs.
    pub fn paged(mut self, prev: Option<String>, next: Option<String>) -> Self {
        self.prev = prev;
        self.next = next;
        self
    }

    /// Names the Atom feed the page belongs to, absolute, for feed readers to find.
    pub fn feed(mut self, href: String) -> Self {
        let title = self.labels.feed_link.clone();
        self.alternates.push(Alternate { kind: "application/atom+xml", href, title });
        self
    }

    /// Names the calendar of events the page belongs to, absolute.
    pub fn calendar(mut self, href: String) -> Self {
        let title = self.labels.event_calendar_site.clone();
        self.alternates.push(Alternate { kind: "text/calendar", href, title });
        self
    }

    /// Sets the OpenGraph type.
    pub fn og(mut self, og_type: &'static str) -> Self {
        self.og_type = og_type;
        self
    }
}

/// A feed or calendar a page links in its head.
#[derive(Debug, Clone)]
pub struct Alternate {
    /// Its media type: `application/atom+xml`, `text/calendar`.
    pub kind: &'static str,
    /// Its absolute URL.
    pub href: String,
    /// What a feed reader lists it as.
    pub title: String,
}

/// `og:locale` from a BCP 47 language tag: language and region as `ll_CC` where the tag names a
/// region (`nb-NO` → `nb_NO`), else the language alone (`en` → `en`), as no region is known.
fn og_locale(language: &str) -> String {
    let mut subtags = language.split(['-', '_']);
    let lang = subtags.next().unwrap_or_default().to_ascii_lowercase();
    match subtags.find(|s| s.len() == 2 && s.chars().all(|c| c.is_ascii_alphabetic())) {
        Some(region) => format!("{lang}_{}", region.to_ascii_uppercase()),
        None => lang,
    }
}

/// Whether `title` is the site's name or one part of it (`Relational Welfare and Wellbeing` of
/// `Relational Welfare and Wellbeing · WellFare`), so that the `<title>` would say it twice.
fn names_part_of(title: &str, site: &str) -> bool {
    let title = title.trim();
    !title.is_empty()
        && (site.trim().eq_ignore_ascii_case(title) || site_name_parts(site).any(|p| p.eq_ignore_ascii_case(title)))
}

/// Whether `title` opens with one part of the site's name before a colon or dash (`WellFare:
/// Nordic Research Center …` of `… · WellFare`): the title then says whose site it is itself.
fn opens_with_part_of(title: &str, site: &str) -> bool {
    let Some((first, _)) = title.split_once([':', '–', '—', '|']) else { return false };
    let first = first.trim();
    !first.is_empty() && site_name_parts(site).any(|p| p.eq_ignore_ascii_case(first))
}

/// The parts of a site's name joined by a separator: `Relational Welfare and Wellbeing`, `WellFare`.
fn site_name_parts(site: &str) -> impl Iterator<Item = &str> {
    site.split(['·', '–', '—', '|', ':']).map(str::trim)
}

/// Text cut at a word boundary to at most `max` characters, with an ellipsis if cut.
pub(super) fn shorten(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':']))
}

/// Removes `null` values and empty lists, which schema.org consumers read as claims.
fn drop_empty(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null() && v.as_array().is_none_or(|a| !a.is_empty()));
            map.values_mut().for_each(drop_empty);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_empty),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::{names_part_of, og_locale};

    #[test]
    fn og_locale_adds_a_region_only_where_the_tag_names_one() {
        assert_eq!(og_locale("en"), "en");
        assert_eq!(og_locale("nb-NO"), "nb_NO");
        assert_eq!(og_locale("en-gb"), "en_GB");
        assert_eq!(og_locale("zh-Hant-TW"), "zh_TW");
    }

    #[test]
    fn a_title_that_is_a_part_of_the_site_s_name_is_not_repeated() {
        let site = "Relational Welfare and Wellbeing · WellFare";
        assert!(names_part_of("Relational Welfare and Wellbeing", site));
        assert!(names_part_of("WellFare", site));
        assert!(names_part_of(site, site));
        assert!(names_part_of("Fjord Studies", "Fjord Studies"));
        assert!(!names_part_of("Relational Welfare", site), "only a whole part");
        assert!(!names_part_of("People", site));
        assert!(!names_part_of("", site));
    }
}
