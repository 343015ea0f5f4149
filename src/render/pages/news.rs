//! `/news/`: the groups' stories, newest first, paged (`/news/page/2/`), and each story's page.

use crate::model::Mark as _;
use askama::Template;
use serde_json::json;

use super::super::{Chrome, Context};
use super::paging::{Cut, Pager};
use super::{Linked, Picture, group_link, group_node, person_node, picture, short_group_link};
use crate::link::Site;
use crate::model::{EntityKind, Html, News, Placed, Slug};
use crate::paths;

/// How many stories a group's page shows of its latest.
pub(super) const LATEST_ON_GROUP: usize = 3;

/// A story as lists show it: its headline, its date and its summary.
#[derive(Debug, Clone)]
pub struct NewsCard {
    /// The headline, the card's link text.
    pub title: crate::model::Text,
    /// The story's page.
    pub href: String,
    /// `1 December 2026`.
    pub date: String,
    /// The date for `<time datetime>`: `2026-12-01`, or the instant in RFC 3339.
    pub datetime: String,
    /// The summary, where the story has one.
    pub summary: Option<crate::model::Text>,
    /// The story's groups, by short name.
    pub groups: Vec<Linked>,
}

/// The stories of `site`, newest first; two of one moment by slug.
pub(crate) fn newest_first<'a>(site: &Site, news: impl Iterator<Item = &'a News>) -> Vec<&'a News> {
    let mut news: Vec<&News> = news.collect();
    news.sort_by_key(|n| (std::cmp::Reverse(published(site, n)), n.slug.clone()));
    news
}

/// When a story was published, on the site's clock.
pub(crate) fn published(site: &Site, news: &News) -> chrono::DateTime<chrono::Utc> {
    news.date.place(site.settings.time_zone.0).map_or(chrono::DateTime::UNIX_EPOCH, Placed::begins)
}

/// The day and `datetime` value of a moment as pages write them.
pub(crate) fn dated(site: &Site, context: &Context, placed: Placed) -> (String, String) {
    match placed {
        Placed::Day { date, .. } => (context.words.date(date), date.to_string()),
        Placed::At(at) => {
            let local = at.with_timezone(&site.settings.time_zone.0);
            (context.words.date(local.date_naive()), local.to_rfc3339())
        }
    }
}

/// The card of one story.
pub(crate) fn card(site: &Site, context: &Context, news: &News) -> NewsCard {
    let placed = news.date.place(site.settings.time_zone.0).unwrap_or(Placed::At(chrono::DateTime::UNIX_EPOCH));
    let (date, datetime) = dated(site, context, placed);
    NewsCard {
        title: news.title.clone(),
        href: context.urls.of(news),
        date,
        datetime,
        summary: news.summary.clone(),
        groups: news
            .groups
            .iter()
            .filter_map(|r| site.groups.get(&r.slug()))
            .map(|g| short_group_link(context, g))
            .collect(),
    }
}

/// `/news/` and its later pages.
#[derive(Template)]
#[template(path = "pages/news.html")]
pub struct NewsPage<'a> {
    /// The frame, with `rel=prev/next` in the head.
    pub chrome: Chrome<'a>,
    /// This page's stories.
    pub cards: Vec<NewsCard>,
    /// The links to the pages before and after.
    pub pager: Pager,
}

impl<'a> NewsPage<'a> {
    /// Page `number` (from 1) of the news; `None` past the last page.
    pub fn new(site: &'a Site, context: &'a Context, number: usize) -> Option<Self> {
        let (urls, words) = (&context.urls, &context.words);
        let cut = Cut::of(EntityKind::News, site.news.len(), number)?;
        let cards =
            cut.of_slice(&newest_first(site, site.news.values())).iter().map(|n| card(site, context, n)).collect();
        let pager = Pager::unfiltered(context, EntityKind::News, &cut);
        let chrome = pager
            .chrome(site, context, EntityKind::News, &cut)
            .describe(words.with("news-description", &[("site", (&site.settings.name).into())]))
            .feed(urls.absolute(paths::FEED));
        Some(NewsPage { chrome, cards, pager })
    }
}

/// `/news/{slug}/`: one story, with the people and projects it is about.
#[derive(Template)]
#[template(path = "pages/story.html")]
pub struct StoryPage<'a> {
    /// The frame, with the story's schema.org `NewsArticle`.
    pub chrome: Chrome<'a>,
    /// `1 December 2026`.
    pub date: String,
    /// For `<time datetime>`.
    pub datetime: String,
    /// The summary, set above the story.
    pub summary: Option<crate::model::Text>,
    /// The picture at the top.
    pub picture: Option<Picture>,
    /// The story, its site-relative links under the base path.
    pub body: Html,
    /// Its groups, people and projects, each under its section's name; only those with links.
    pub related: Vec<(String, Vec<Linked>)>,
}

impl<'a> StoryPage<'a> {
    /// The story `slug`; `None`, and so a 404, when there is no such story.
    pub fn new(site: &'a Site, context: &'a Context, slug: &Slug) -> Option<Self> {
        let news = site.news.get(slug)?;
        let (urls, words) = (&context.urls, &context.words);
        let placed = news.date.place(site.settings.time_zone.0).ok()?;
        let (date, datetime) = dated(site, context, placed);
        let groups: Vec<Linked> =
            news.groups.iter().filter_map(|r| site.groups.get(&r.slug())).map(|g| group_link(context, g)).collect();
        let people: Vec<Linked> = news
            .people
            .iter()
            .filter_map(|r| site.people.get(&r.slug()))
            .map(|p| Linked { label: p.name.clone().into(), href: urls.of(p) })
            .collect();
        let projects: Vec<Linked> = news
            .projects
            .iter()
            .filter_map(|r| site.projects.get(&r.slug()))
            .map(|p| Linked { label: p.title.clone(), href: urls.of(p) })
            .collect();
        let picture = news.image.as_ref().and_then(|i| picture(site, context, i, crate::model::Place::Story));
        let schema = json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "@id": urls.node_id(news),
            "headline": news.title,
            "datePublished": datetime,
            "url": urls.absolute_of(news),
            "description": news.summary,
            "image": picture.as_ref().map(|p| p.absolute(urls)),
            "about": news.people.iter().filter_map(|r| site.people.get(&r.slug())).map(|p| person_node(urls, p)).collect::<Vec<_>>(),
            "publisher": news.groups.iter().filter_map(|r| site.groups.get(&r.slug())).map(|g| group_node(urls, g)).collect::<Vec<_>>(),
        });
        let chrome = context
            .item_chrome(site, EntityKind::News, &news.title, &paths::entity(EntityKind::News, slug))
            .heading_in(news.title.lang())
            .describe(news.summary.clone().unwrap_or_else(|| news.title.clone()))
            .og("article")
            .image(picture.as_ref(), urls, true)
            .schema(schema)
            .feed(urls.absolute(paths::FEED));
        Some(StoryPage {
            chrome,
            date,
            datetime,
            summary: news.summary.clone(),
            picture,
            body: context.body(&news.body),
            related: [
                (words.section(EntityKind::Group), groups),
                (words.get("news-people"), people),
                (words.get("news-projects"), projects),
            ]
            .into_iter()
            .filter(|(_, links)| !links.is_empty())
            .collect(),
        })
    }
}
