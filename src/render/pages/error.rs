//! The page a visitor sees for an address with no page, or a query the site cannot answer.

use askama::Template;

use super::super::{Chrome, Context, Section};
use super::Linked;
use crate::link::Site;
use crate::paths;

/// The page for a request the site cannot answer (404 or 400): the site's frame, what went
/// wrong, and ways back in, the nearest section first.
#[derive(Template)]
#[template(path = "pages/error.html")]
pub struct ErrorPage<'a> {
    /// The frame, marked not to be indexed and without a canonical URL.
    pub chrome: Chrome<'a>,
    /// What went wrong, in the visitor's terms.
    pub message: String,
    /// The section the URL was under, if any: a 404 under `/people/` offers `/people`.
    pub nearest: Option<Linked>,
    /// Every link of the navigation and the footer: ways back into the site.
    pub sections: Vec<Linked>,
}

impl<'a> ErrorPage<'a> {
    /// For a path with no page; `path` is without the base path.
    pub fn not_found(site: &'a Site, context: &'a Context, path: &str) -> Self {
        let nearest = paths::nearest_list(path);
        Self::new(
            site,
            context,
            path,
            "Page not found",
            "There is no page at this address. It may have moved, or the link may have a typo.".into(),
            nearest,
        )
    }

    /// For a request whose query makes no sense, such as a filter value the site does not know;
    /// `section` is the page to go back to.
    pub fn bad_request(site: &'a Site, context: &'a Context, message: String, section: &str) -> Self {
        Self::new(site, context, section, "Bad request", message, Some(section))
    }

    fn new(
        site: &'a Site,
        context: &'a Context,
        path: &str,
        title: &str,
        message: String,
        nearest: Option<&str>,
    ) -> Self {
        let chrome = context.chrome(site, Section::Nowhere, title, path).not_indexed();
        let sections: Vec<Linked> = chrome
            .nav
            .iter()
            .chain(&chrome.footer_links)
            .map(|n| Linked { label: n.label.clone(), href: n.href.clone() })
            .collect();
        let nearest = nearest.map(|path| {
            let href = context.urls.path(path);
            let label =
                if path == paths::GROUPS_ON_HOME { "the groups on the home page".to_owned() } else { path.to_owned() };
            sections.iter().find(|l| l.href == href).cloned().unwrap_or(Linked { label, href })
        });
        ErrorPage { chrome, message, nearest, sections }
    }
}
