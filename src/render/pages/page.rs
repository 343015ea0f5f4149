//! `/{slug}`: the free pages, such as the accessibility statement.

use crate::model::Mark as _;
use askama::Template;

use super::super::{Chrome, Context, Section};
use crate::link::Site;
use crate::model::{EntityKind, Html, Page, Slug};
use crate::paths;

/// `/{slug}`: a free page such as the accessibility statement.
#[derive(Template)]
#[template(path = "pages/page.html")]
pub struct FreePage<'a> {
    /// The frame: head, navigation, breadcrumbs and footer.
    pub chrome: Chrome<'a>,
    /// The page's text, its site-relative links under the base path.
    pub body: Html,
}

impl<'a> FreePage<'a> {
    /// The free page `slug`; `None`, and so a 404, when there is no such page.
    pub fn new(site: &'a Site, context: &'a Context, slug: &Slug) -> Option<Self> {
        let page: &Page = site.pages.get(slug)?;
        let chrome = context
            .chrome(site, Section::Page(slug.clone()), &page.title, &paths::entity(EntityKind::Page, slug))
            .heading_in(page.title.lang())
            .describe(page.description.clone().unwrap_or_default())
            .trail(&context.urls, &[]);
        Some(FreePage { chrome, body: context.body(&page.body) })
    }
}
