//! Draws pages from a [`Site`]: one struct per page type holds what its template shows,
//! prepared (sorted, grouped, linked); templates only loop, branch and print. Knows nothing of
//! HTTP and reads no files.

mod calendar;
mod chrome;
mod citation;
mod cite;
mod collate;
mod feed;
pub mod pages;
mod phone;
mod sitemap;
mod urls;
mod vcard;

pub use crate::words::{Arg, Labels, Words};
pub use calendar::{calendar, event_calendar};
pub use chrome::{Asset, Chrome, IconLink, LanguageName, PreviewImage, Section};
pub(crate) use citation::cited;
pub use cite::{bibtex, coins, ris};
pub use collate::{SortKey, norwegian_key};
pub use feed::{FeedOf, feed};
pub use phone::Phone;
pub use sitemap::{is_page, page_paths, robots, sitemap, sitemap_part, sitemap_paths};
pub use urls::{BadBaseUrl, InLanguage, Urls};
pub use vcard::vcard;

use crate::link::Site;
use crate::model::{EntityKind, Html};

/// A page could not be drawn; only a template bug can cause it.
#[derive(Debug, thiserror::Error)]
#[error("rendering a page failed: {0}")]
pub struct RenderError(#[from] askama::Error);

/// The moment pages are drawn for: what is upcoming and what is past is decided by it.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

/// Text safe inside an element or a quoted attribute, escaped as templates escape it.
pub(crate) fn escape(text: &str) -> String {
    match askama::filters::escape(text, askama::filters::Html) {
        Ok(safe) => safe.to_string(),
        Err(never) => match never {},
    }
}

/// What every page needs besides the site: where the site lives and where its stylesheet is.
#[derive(Debug, Clone)]
pub struct Context {
    /// Absolute and root-relative URLs of the site.
    pub urls: Urls,
    /// The stylesheet, under its fingerprinted name.
    pub stylesheet: Asset,
    /// The site's icon: its own from `media/`, or one drawn from its name.
    pub icon: IconLink,
    /// Editor's preview only (`serve --watch`): what makes pages refresh themselves and show
    /// the content's mistakes.
    pub preview: Option<Preview>,
    /// Where the search form in every page's header sends its query, base path included; none
    /// where no server answers searches (`export`).
    pub search: Option<String>,
    /// The words of the interface's language.
    pub words: Words,
    /// The site's languages, the default first, each named in itself for the switcher.
    pub languages: Vec<LanguageName>,
}

/// What pages show in the editor's preview.
#[derive(Debug, Clone, Default)]
pub struct Preview {
    /// The script that reloads a page when the content changes.
    pub script: String,
    /// The server-sent events it listens to.
    pub events: String,
    /// The content's mistakes, `path:line:col: message`, while the last change does not check
    /// clean; empty when it does.
    pub mistakes: Vec<String>,
    /// The warnings of the content served, `path:line:col: warning: message`: values the site
    /// is published without, shown more mildly than mistakes, since the site is up to date.
    pub warnings: Vec<String>,
    /// While the last change is held back because it removes most of a kind: what it removes.
    pub held_back: Vec<Removal>,
    /// What the served site's other languages show untranslated, as `check` summarises it.
    pub untranslated: Vec<String>,
}

/// How much of one kind of entity a change the preview holds back would take away, so the
/// editor sees what would go before it goes.
#[derive(Debug, Clone)]
pub struct Removal {
    /// The kind of entity.
    pub kind: crate::model::EntityKind,
    /// How many the served site has.
    pub had: usize,
    /// Those the change removes: slug and the name pages show.
    pub gone: Vec<(crate::model::Slug, String)>,
}

impl Removal {
    /// The most entities a banner names one by one; the rest are counted.
    const NAMED: usize = 20;

    /// Those the banner names.
    pub fn named(&self) -> &[(crate::model::Slug, String)] {
        &self.gone[..self.gone.len().min(Self::NAMED)]
    }

    /// How many more go than the banner names.
    pub fn unnamed(&self) -> usize {
        self.gone.len().saturating_sub(Self::NAMED)
    }
}

impl Context {
    /// A Markdown body as this site shows it: site-relative links carry the base path.
    pub fn body(&self, html: &Html) -> Html {
        self.urls.rebase(html)
    }

    /// The frame of a page in `section`, titled `title`, at `path` (root-relative, without the
    /// base path).
    pub fn chrome<'a>(&'a self, site: &'a Site, section: Section, title: &str, path: &str) -> Chrome<'a> {
        Chrome::new(site, self, section, title, path)
    }

    /// The frame of the list page of `kind`: its section marked in the navigation, titled by
    /// the section's name, with the trail Home › the list.
    pub fn list_chrome<'a>(&'a self, site: &'a Site, kind: EntityKind) -> Chrome<'a> {
        let title = self.words.section(kind);
        self.chrome(site, Section::List(kind), &title, crate::paths::list_page(kind)).trail(&self.urls, &[])
    }

    /// The frame of page `number` (from 2) of the unfiltered list of `kind`, at `path`: titled
    /// `Publications, page 2`, with the trail Home › the list.
    pub fn later_page_chrome<'a>(&'a self, site: &'a Site, kind: EntityKind, number: usize, path: &str) -> Chrome<'a> {
        let list = self.words.section(kind);
        let title = self.words.with("list-page-title", &[("list", (&list).into()), ("page", number.into())]);
        self.chrome(site, Section::List(kind), &title, path)
            .trail(&self.urls, &[(&list, crate::paths::list_page(kind))])
    }

    /// The frame of the page of an entity of `kind` at `path`, titled `title`, with the trail
    /// Home › its kind's list › the entity.
    pub fn item_chrome<'a>(&'a self, site: &'a Site, kind: EntityKind, title: &str, path: &str) -> Chrome<'a> {
        let list = self.words.section(kind);
        self.chrome(site, Section::List(kind), title, path).trail(&self.urls, &[(&list, crate::paths::list_page(kind))])
    }
}
