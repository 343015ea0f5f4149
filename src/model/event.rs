//! What a file in `events/` holds: a seminar, a conference, a defence; when and where it is,
//! who speaks, and where to register.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{Entity, EntityKind, Html, Moment, Placed, Ref, RefList, Skipped, Slug, Text, Url, end_of};

/// An event: listed on `/events/` (upcoming, then past), on its groups' pages, in the
/// calendars and the feeds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// File name; the event's URL is `/events/{slug}/`.
    #[serde(skip)]
    pub slug: Slug,
    /// What the event is called.
    pub title: Text,
    /// When it begins: a day for an all-day event, or a time (on the site's clock unless it
    /// has an offset).
    pub start: Moment,
    /// When it ends, written as `start` is: the last day of an all-day event, or a time. An
    /// event without one is over when it begins (a time) or when its day is (a day).
    pub end: Option<Moment>,
    /// Where it takes place.
    pub location: Location,
    /// Whether it takes place as announced; left out, it does.
    #[serde(default)]
    pub status: EventStatus,
    /// Groups whose pages, calendars and feeds carry it; at least one.
    pub groups: RefList,
    /// Speakers and organisers, in the order the page lists them.
    #[serde(default)]
    pub people: Vec<EventPerson>,
    /// Projects it belongs to, whose pages list it.
    #[serde(default)]
    pub projects: Vec<Ref>,
    /// Where to sign up.
    pub registration: Option<Url>,
    /// The day it was announced, for the feeds; left out, the file's last change stands for it.
    pub announced: Option<Moment>,
    /// One or two sentences for lists, search engines and link previews.
    pub summary: Option<Text>,
    /// The description, rendered from the body.
    #[serde(skip)]
    pub description: Html,
}

/// When an event takes place, on the site's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    /// When it begins.
    pub start: Placed,
    /// When it ends, as written.
    pub end: Option<Placed>,
    /// The moment it is over and moves from upcoming to past: its end, the end of its last
    /// day, or (without an end) its start, or the end of its day.
    pub over: DateTime<Utc>,
}

impl Event {
    /// When the event takes place on the clock of `zone`; `Err` with the moment a clock there
    /// skips, which `check` refuses, so a checked site always has an answer.
    pub fn when(&self, zone: chrono_tz::Tz) -> Result<When, (Skipped, &Moment)> {
        let start = self.start.place(zone).map_err(|s| (s, &self.start))?;
        let end = match &self.end {
            Some(end) => Some(end.place(zone).map_err(|s| (s, end))?),
            None => None,
        };
        let over = match end.unwrap_or(start) {
            Placed::Day { date, .. } => end_of(date, zone),
            Placed::At(at) => at,
        };
        Ok(When { start, end, over })
    }
}

/// Where an event takes place: a place with a name and perhaps an address, online, or both.
#[derive(Debug, Clone)]
pub struct Location {
    /// The place's name: `Dragvoll, room D1-185`; for an online event, the service.
    pub name: Option<String>,
    /// The street address, for maps and calendars.
    pub address: Option<String>,
    /// True when it can be followed online; `url` then says where.
    pub online: bool,
    /// The link to join online, or the place's own page.
    pub url: Option<Url>,
    /// Byte range of the location in its file, so a location that says too little is named.
    pub at: std::ops::Range<usize>,
}

impl<'de> Deserialize<'de> for Location {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = serde_spanned::Spanned::<LocationFields>::deserialize(d)?;
        let at = spanned.span();
        let LocationFields { name, address, online, url } = spanned.into_inner();
        Ok(Location { name, address, online, url, at })
    }
}

/// A location as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LocationFields {
    /// The place's name: `Dragvoll, room D1-185`; for an online event, the service.
    name: Option<String>,
    /// The street address, for maps and calendars.
    address: Option<String>,
    /// True when it can be followed online; `url` then says where.
    #[serde(default)]
    online: bool,
    /// The link to join online, or the place's own page.
    url: Option<Url>,
}

/// A person's part in an event.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventPerson {
    /// The person, whose page lists the event in turn.
    pub person: Ref,
    /// `Speaker`, `Organiser` …
    pub role: Option<String>,
}

/// Whether an event takes place as announced, as schema.org's `eventStatus` says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventStatus {
    /// `scheduled`: as announced.
    #[default]
    Scheduled,
    /// `cancelled`: it will not take place.
    Cancelled,
    /// `postponed`: moved to a time not yet known.
    Postponed,
    /// `rescheduled`: moved to the time the file now gives.
    Rescheduled,
    /// `moved-online`: it takes place online instead.
    MovedOnline,
}

impl EventStatus {
    /// Every status, in the order content/README.md lists them.
    pub const ALL: [EventStatus; 5] = [
        EventStatus::Scheduled,
        EventStatus::Cancelled,
        EventStatus::Postponed,
        EventStatus::Rescheduled,
        EventStatus::MovedOnline,
    ];

    /// The status as content writes it, and as catalogues name it.
    pub fn key(self) -> &'static str {
        match self {
            EventStatus::Scheduled => "scheduled",
            EventStatus::Cancelled => "cancelled",
            EventStatus::Postponed => "postponed",
            EventStatus::Rescheduled => "rescheduled",
            EventStatus::MovedOnline => "moved-online",
        }
    }

    /// schema.org's name for it, as `eventStatus` takes it.
    pub fn schema_org(self) -> &'static str {
        match self {
            EventStatus::Scheduled => "https://schema.org/EventScheduled",
            EventStatus::Cancelled => "https://schema.org/EventCancelled",
            EventStatus::Postponed => "https://schema.org/EventPostponed",
            EventStatus::Rescheduled => "https://schema.org/EventRescheduled",
            EventStatus::MovedOnline => "https://schema.org/EventMovedOnline",
        }
    }
}

impl Entity for Event {
    const KIND: EntityKind = EntityKind::Event;
    const DESCRIBED: &'static str = "An event, in events/";
    const NEW_FILE: &'static str = r#"+++
# An event. content/README.md documents every field.
title = {title}
# start: a day for an all-day event (2026-12-01), or a time: 2026-12-01T14:00:00 is on the
# site's clock (`time_zone` in site.toml); 2026-12-01T14:00:00+01:00 carries its offset.
start = {today}
# end = 2026-12-01T16:00:00           # written as `start` is; for an all-day event, its last day
# location: a place's `name` and `address`; `online = true` with the `url` to join; or both.
location = { name = "Where it is" }
# status = "cancelled"                # or postponed, rescheduled, moved-online; left out, scheduled
# summary = "One or two sentences for lists, search engines and link previews."
# people = [{ person = "oyvind-kvello", role = "Speaker" }]
# projects = ["point"]
# registration = "https://…"
# announced = 2026-11-01              # for the feeds; left out, the file's last change
# groups: at least one group slug (a file in groups/). Required.
groups = []
+++

<!-- The description, in Markdown, below this line. -->
"#;
    fn slug(&self) -> &Slug {
        &self.slug
    }
    fn name(&self) -> &str {
        &self.title
    }
    fn identify(&mut self, slug: Slug, body: Html) {
        self.slug = slug;
        self.description = body;
    }
    fn texts_mut(&mut self) -> Vec<(&'static str, &mut Text)> {
        vec![("title", &mut self.title)].into_iter().chain(self.summary.as_mut().map(|s| ("summary", s))).collect()
    }
    fn body_mut(&mut self) -> Option<&mut Html> {
        Some(&mut self.description)
    }
    fn urls(&self) -> Vec<&Url> {
        self.registration.iter().chain(&self.location.url).collect()
    }
    fn references(&self) -> Vec<(EntityKind, &Ref)> {
        self.groups
            .iter()
            .map(|r| (EntityKind::Group, r))
            .chain(self.people.iter().map(|p| (EntityKind::Person, &p.person)))
            .chain(self.projects.iter().map(|r| (EntityKind::Project, r)))
            .collect()
    }
    fn required_lists(&self) -> Vec<(&'static str, &RefList)> {
        vec![("groups", &self.groups)]
    }
}
