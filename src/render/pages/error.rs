//! The page a visitor sees for an address with no page, or a query the site cannot answer.

use crate::model::Mark as _;
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
    /// The section the URL was under, if any: a 404 under `/people/` offers `/people/`.
    pub nearest: Option<Linked>,
    /// Every link of the navigation and the footer: ways back into the site.
    pub sections: Vec<Linked>,
    /// What `Try …` says before the link to the nearest section.
    pub try_before: String,
    /// What it says after it.
    pub try_after: String,
}

/// Stands for the link in `error-try` while the message is split around it, since the link is
/// HTML and the message is text.
const LINK: &str = "\u{1}";

impl<'a> ErrorPage<'a> {
    /// For a path with no page; `path` is without the base path.
    pub fn not_found(site: &'a Site, context: &'a Context, path: &str) -> Self {
        let nearest = paths::nearest_list(path);
        let words = &context.words;
        let (title, message) = (words.get("error-not-found-title"), words.get("error-not-found"));
        Self::new(site, context, path, &title, message, nearest)
    }

    /// For a request whose query makes no sense, such as a filter value the site does not know;
    /// `section` is the page to go back to.
    pub fn bad_request(site: &'a Site, context: &'a Context, message: String, section: &str) -> Self {
        Self::new(site, context, section, &context.words.get("error-bad-request-title"), message, Some(section))
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
                if path == paths::GROUPS_ON_HOME { context.words.get("error-groups-on-home") } else { path.to_owned() };
            sections.iter().find(|l| l.href == href).cloned().unwrap_or(Linked { label: label.into(), href })
        });
        let sentence = context.words.with("error-try", &[("link", LINK.into())]);
        let (try_before, try_after) = sentence.split_once(LINK).unwrap_or((&sentence, ""));
        let (try_before, try_after) = (try_before.to_owned(), try_after.to_owned());
        ErrorPage { chrome, message, nearest, sections, try_before, try_after }
    }
}
