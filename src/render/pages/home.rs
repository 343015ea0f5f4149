//! The home page: the groups, and a way into every section.

use crate::model::Mark as _;
use askama::Template;
use serde_json::json;

use super::super::{Chrome, Context, Section};
use crate::link::Site;
use crate::paths;

/// `/`: what the site is, the groups with their taglines, and a way into every section.
#[derive(Template)]
#[template(path = "pages/home.html")]
pub struct HomePage<'a> {
    /// The frame.
    pub chrome: Chrome<'a>,
    /// The site's description from `site.toml`, as the lead paragraph.
    pub lead: &'a crate::model::Text,
    /// Every group, in slug order.
    pub groups: Vec<GroupCard>,
    /// One card per section, in navigation order.
    pub sections: Vec<SectionCard>,
}

/// A group on the home page.
pub struct GroupCard {
    /// Full name, the card's link text.
    pub name: crate::model::Text,
    /// The group's page.
    pub href: String,
    /// `Research group` or `Research center`, above the name.
    pub kind: String,
    /// The tagline, or the mission where there is no tagline.
    pub summary: Option<crate::model::Text>,
}

/// A way into a section, with how much it holds.
pub struct SectionCard {
    /// The section's name, the card's link text.
    pub label: String,
    /// The section's page.
    pub href: String,
    /// How much it holds: `1 person`, `12 people`.
    pub count: String,
}

impl<'a> HomePage<'a> {
    /// The home page of `site`; every site has one.
    pub fn new(site: &'a Site, context: &'a Context) -> Self {
        let (urls, words) = (&context.urls, &context.words);
        let chrome = context.chrome(site, Section::Home, &site.settings.name, paths::HOME).schema(json!({
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": site.settings.name,
            "url": urls.absolute(paths::HOME),
            "inLanguage": site.language,
        }));
        // The site's feed and calendar, for readers and calendars that look for them on the home page.
        let chrome = if site.news.is_empty() && site.events.is_empty() {
            chrome
        } else {
            chrome.feed(urls.absolute(paths::FEED))
        };
        let chrome = if site.events.is_empty() { chrome } else { chrome.calendar(urls.absolute(paths::CALENDAR)) };
        let groups = site
            .groups
            .values()
            .map(|g| GroupCard {
                name: g.name.clone(),
                href: urls.of(g),
                kind: words.group_kind(g.kind),
                summary: g.tagline.clone().or_else(|| g.mission.clone()),
            })
            .collect();
        let sections = super::shown_sections(site)
            .map(|kind| SectionCard {
                label: words.section(kind),
                href: urls.path(paths::list_page(kind)),
                count: words.section_count(kind, site.count(kind)),
            })
            .collect();
        HomePage { chrome, lead: &site.settings.description, groups, sections }
    }
}
