//! Atom feeds (RFC 4287): the site's, of everything new (news, and events as they are
//! announced), and each group's. Written with `atom_syndication`, which escapes and structures
//! the XML; every link is absolute under the base URL, and each entry carries its full text.

use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Person, Text};
use chrono::{DateTime, Utc};

use super::Context;
use crate::link::Site;
use crate::model::{EntityKind, Event, Group, News, Placed};

/// The most entries a feed carries: the newest.
pub const FEED_ENTRIES: usize = 50;

/// What a feed is of: the whole site, or one group.
#[derive(Debug, Clone, Copy)]
pub enum FeedOf<'a> {
    /// Everything new on the site: `/feed.xml`.
    Site,
    /// One group's news and events: `/groups/{slug}/feed.xml`.
    Group(&'a Group),
}

/// The Atom feed `of`, its newest entries first.
pub fn feed(site: &Site, context: &Context, of: FeedOf<'_>) -> String {
    let (urls, words) = (&context.urls, &context.words);
    let site_name = (&site.settings.name).into();
    let (title, path, page, news, events): (String, String, String, Vec<&News>, Vec<&Event>) = match of {
        FeedOf::Site => (
            words.with("feed-title-site", &[("site", site_name)]),
            crate::paths::FEED.to_owned(),
            urls.absolute(crate::paths::HOME),
            site.news.values().collect(),
            site.events.values().collect(),
        ),
        FeedOf::Group(group) => (
            words.with("feed-title-group", &[("group", (&group.name).into()), ("site", site_name)]),
            crate::paths::group_feed(&group.slug),
            urls.absolute_of(group),
            site.news_of(EntityKind::Group, &group.slug).collect(),
            site.events_of(EntityKind::Group, &group.slug).collect(),
        ),
    };
    let mut entries: Vec<(DateTime<Utc>, Entry)> = news
        .into_iter()
        .map(|n| news_entry(site, context, n))
        .chain(events.into_iter().map(|e| event_entry(site, context, e)))
        .collect();
    entries.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    entries.truncate(FEED_ENTRIES);
    let updated = entries.first().map_or_else(|| DateTime::<Utc>::from(site.modified), |(at, _)| *at);

    let mut feed = Feed::default();
    feed.set_title(Text::plain(title));
    feed.set_id(urls.absolute(&path));
    feed.set_updated(fixed(updated));
    feed.set_lang(Some(site.language.clone()));
    feed.set_authors(vec![Person {
        name: site.settings.name.to_string(),
        uri: Some(urls.absolute(crate::paths::HOME)),
        ..Default::default()
    }]);
    feed.set_links(vec![
        Link {
            href: urls.absolute(&path),
            rel: "self".into(),
            mime_type: Some("application/atom+xml".into()),
            ..Default::default()
        },
        Link { href: page, rel: "alternate".into(), mime_type: Some("text/html".into()), ..Default::default() },
    ]);
    feed.set_entries(entries.into_iter().map(|(_, entry)| entry).collect::<Vec<_>>());
    feed.to_string()
}

fn fixed(at: DateTime<Utc>) -> FixedDateTime {
    at.fixed_offset()
}

/// A story: updated when it was published, its whole text as HTML.
fn news_entry(site: &Site, context: &Context, news: &News) -> (DateTime<Utc>, Entry) {
    let urls = &context.urls;
    let published = super::pages::published(site, news);
    let mut entry = Entry::default();
    entry.set_title(Text::plain(news.title.clone()));
    entry.set_id(urls.absolute_of(news));
    entry.set_updated(fixed(published));
    entry.set_published(Some(fixed(published)));
    entry.set_links(vec![Link { href: urls.absolute_of(news), ..Default::default() }]);
    entry.set_summary(news.summary.clone().map(Text::plain));
    entry.set_content(Some(html_content(urls.absolute_links(&news.body))));
    (published, entry)
}

/// An event: updated when it was announced (its `announced`, or when its file last changed),
/// with when and where before its description.
fn event_entry(site: &Site, context: &Context, event: &Event) -> (DateTime<Utc>, Entry) {
    let (urls, words) = (&context.urls, &context.words);
    let announced = event
        .announced
        .as_ref()
        .and_then(|m| m.place(site.settings.time_zone.0).ok())
        .map(Placed::begins)
        .unwrap_or_else(|| site.changed(EntityKind::Event, &event.slug).into());
    let (when, _) = super::pages::when_text(site, context, &site.when(event));
    let place = event.location.name.clone().or_else(|| event.location.online.then(|| words.get("event-online")));
    let facts = [Some(when), place].into_iter().flatten().map(|f| super::escape(&f)).collect::<Vec<_>>().join(" · ");
    let mut entry = Entry::default();
    entry.set_title(Text::plain(words.with("feed-event", &[("title", (&event.title).into())])));
    entry.set_id(urls.absolute_of(event));
    entry.set_updated(fixed(announced));
    entry.set_links(vec![Link { href: urls.absolute_of(event), ..Default::default() }]);
    entry.set_summary(event.summary.clone().map(Text::plain));
    let text = format!("<p>{facts}</p>\n{}", urls.absolute_links(&event.description));
    entry.set_content(Some(html_content(text)));
    (announced, entry)
}

fn html_content(html: String) -> Content {
    Content { value: Some(html), content_type: Some("html".into()), ..Default::default() }
}
