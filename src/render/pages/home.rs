use askama::Template;
use serde_json::json;

use super::super::{Chrome, Context, Section};
use crate::link::Site;

/// `/`: what the site is, the groups with their taglines, and a way into every section.
#[derive(Template)]
#[template(path = "pages/home.html")]
pub struct HomePage<'a> {
    pub chrome: Chrome<'a>,
    pub groups: Vec<GroupCard>,
    pub sections: Vec<SectionCard>,
}

/// A group on the home page.
pub struct GroupCard {
    pub name: String,
    pub href: String,
    pub kind: &'static str,
    /// The tagline, or the mission where there is no tagline.
    pub summary: Option<String>,
}

/// A way into a section, with how much it holds.
pub struct SectionCard {
    pub label: &'static str,
    pub href: String,
    pub count: String,
}

impl<'a> HomePage<'a> {
    pub fn new(site: &'a Site, context: &'a Context) -> Self {
        let urls = &context.urls;
        let chrome = context.chrome(site, Section::Home, &site.settings.name, "/").schema(json!({
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": site.settings.name,
            "url": urls.absolute("/"),
        }));
        let groups = site
            .groups
            .values()
            .map(|g| GroupCard {
                name: g.name.clone(),
                href: urls.path(&format!("/groups/{}", g.slug)),
                kind: g.kind.label(),
                summary: g.tagline.clone().or_else(|| g.mission.clone()),
            })
            .collect();
        let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let sections = vec![
            SectionCard {
                label: "Projects",
                href: urls.path("/projects"),
                count: count(site.projects.len(), "project", "projects"),
            },
            SectionCard {
                label: "People",
                href: urls.path("/people"),
                count: count(site.people.len(), "person", "people"),
            },
            SectionCard {
                label: "Partners",
                href: urls.path("/partners"),
                count: count(site.partners.len(), "partner", "partners"),
            },
            SectionCard {
                label: "Publications",
                href: urls.path("/publications"),
                count: count(site.publications.len(), "publication", "publications"),
            },
            SectionCard {
                label: "Practices",
                href: urls.path("/practices"),
                count: count(site.practices.len(), "practice", "practices"),
            },
        ];
        HomePage { chrome, groups, sections }
    }
}
