//! `/events/`: upcoming events first (soonest first), then past ones (newest first), and each
//! event's page. What is upcoming follows the clock: each page is drawn for the moment it is
//! asked for, and `serve` keeps drawn pages only until the next event is over.

use crate::model::Mark as _;
use askama::Template;
use chrono::{DateTime, Utc};
use serde_json::json;

use super::super::{Chrome, Context};
use super::{Linked, group_link, group_node, person_node};
use crate::link::Site;
use crate::model::{EntityKind, Event, EventStatus, Html, Placed, Slug, When};
use crate::paths;

/// How many upcoming events a group's, person's or project's page shows.
pub(super) const UPCOMING_ON_PAGE: usize = 3;

/// An event as lists show it.
#[derive(Debug, Clone)]
pub struct EventCard {
    /// What it is called, the card's link text.
    pub title: crate::model::Text,
    /// The event's page.
    pub href: String,
    /// `1 December 2026, 14:00–16:00 (CET)`.
    pub when: String,
    /// Its start for `<time datetime>`.
    pub datetime: String,
    /// The place's name, or `Online`.
    pub place: Option<String>,
    /// `Cancelled`, `Postponed` …; none for an event that takes place as announced.
    pub status: Option<String>,
}

/// An event's time as pages write it, and its start for `<time datetime>`.
pub(crate) fn when_text(site: &Site, context: &Context, when: &When) -> (String, String) {
    let zone = site.settings.time_zone.0;
    let words = &context.words;
    let local = |at: DateTime<Utc>| at.with_timezone(&zone);
    let at = |at: DateTime<Utc>| {
        let local = local(at);
        let (date, time, zone) = (words.date(local.date_naive()), words.time(local), local.format("%Z").to_string());
        words.with("when-at", &[("date", date.into()), ("time", time.into()), ("zone", zone.into())])
    };
    let text = match (when.start, when.end) {
        (Placed::Day { date, .. }, None) => words.date(date),
        (Placed::Day { date: from, .. }, Some(Placed::Day { date: to, .. })) if from == to => words.date(from),
        (Placed::Day { date: from, .. }, Some(Placed::Day { date: to, .. })) => {
            words.with("when-span", &[("from", words.date(from).into()), ("to", words.date(to).into())])
        }
        (Placed::At(from), None) => at(from),
        (Placed::At(from), Some(Placed::At(to))) if local(from).date_naive() == local(to).date_naive() => {
            let start = local(from);
            words.with(
                "when-same-day",
                &[
                    ("date", words.date(start.date_naive()).into()),
                    ("from", words.time(start).into()),
                    ("to", words.time(local(to)).into()),
                    ("zone", start.format("%Z").to_string().into()),
                ],
            )
        }
        (start, Some(end)) => {
            words.with("when-span", &[("from", at(start.begins()).into()), ("to", at(end.begins()).into())])
        }
    };
    let datetime = match when.start {
        Placed::Day { date, .. } => date.to_string(),
        Placed::At(from) => local(from).to_rfc3339(),
    };
    (text, datetime)
}

/// The card of one event.
pub(crate) fn card(site: &Site, context: &Context, event: &Event) -> EventCard {
    let (when, datetime) = when_text(site, context, &site.when(event));
    let place =
        event.location.name.clone().or_else(|| event.location.online.then(|| context.words.get("event-online")));
    EventCard {
        title: event.title.clone(),
        href: context.urls.of(event),
        when,
        datetime,
        place,
        status: (event.status != EventStatus::Scheduled).then(|| context.words.event_status(event.status)),
    }
}

/// `events`, split at `now`: the upcoming soonest first, the past newest first.
pub(crate) fn by_time<'a>(
    site: &Site,
    events: impl Iterator<Item = &'a Event>,
    now: DateTime<Utc>,
) -> (Vec<&'a Event>, Vec<&'a Event>) {
    let (mut upcoming, mut past): (Vec<&Event>, Vec<&Event>) = events.partition(|e| site.is_upcoming(e, now));
    upcoming.sort_by_key(|e| (site.when(e).start.begins(), e.slug.clone()));
    past.sort_by_key(|e| (std::cmp::Reverse(site.when(e).start.begins()), e.slug.clone()));
    (upcoming, past)
}

/// `/events/`: what is coming up, then what has been.
#[derive(Template)]
#[template(path = "pages/events.html")]
pub struct EventsPage<'a> {
    /// The frame, with the calendar in the head.
    pub chrome: Chrome<'a>,
    /// Events not yet over, soonest first.
    pub upcoming: Vec<EventCard>,
    /// Events over, newest first.
    pub past: Vec<EventCard>,
    /// The link to subscribe to every event.
    pub subscribe: Linked,
}

impl<'a> EventsPage<'a> {
    /// Every event of `site`, as of `now`.
    pub fn new(site: &'a Site, context: &'a Context, now: DateTime<Utc>) -> Self {
        let (urls, words) = (&context.urls, &context.words);
        let (upcoming, past) = by_time(site, site.events.values(), now);
        let chrome = context
            .list_chrome(site, EntityKind::Event)
            .describe(words.with("events-description", &[("site", (&site.settings.name).into())]))
            .calendar(urls.absolute(paths::CALENDAR))
            .feed(urls.absolute(paths::FEED));
        EventsPage {
            chrome,
            upcoming: upcoming.into_iter().map(|e| card(site, context, e)).collect(),
            past: past.into_iter().map(|e| card(site, context, e)).collect(),
            subscribe: Linked { label: words.get("event-calendar-site").into(), href: urls.path(paths::CALENDAR) },
        }
    }
}

/// `/events/{slug}/`: one event, when and where, who speaks, how to take part.
#[derive(Template)]
#[template(path = "pages/event.html")]
pub struct EventPage<'a> {
    /// The frame, with the event's schema.org `Event`.
    pub chrome: Chrome<'a>,
    /// `1 December 2026, 14:00–16:00 (CET)`.
    pub when: String,
    /// Its start, for `<time datetime>`.
    pub datetime: String,
    /// `Cancelled`, `Postponed` …; none when it takes place as announced.
    pub status: Option<String>,
    /// Whether it is over, as of the moment the page was drawn.
    pub over: bool,
    /// The place's name.
    pub place: Option<String>,
    /// The place's address.
    pub address: Option<String>,
    /// Where to join online, or the place's page.
    pub online: Option<Linked>,
    /// Where to sign up, while it is still to come.
    pub registration: Option<Linked>,
    /// Speakers and organisers: the person's page and their part.
    pub people: Vec<(Linked, Option<String>)>,
    /// The summary, above the description.
    pub summary: Option<crate::model::Text>,
    /// The description, its site-relative links under the base path.
    pub description: Html,
    /// Its groups and projects, each under its section's name; only those with links.
    pub related: Vec<(String, Vec<Linked>)>,
    /// The event's own calendar file.
    pub calendar: Linked,
}

impl<'a> EventPage<'a> {
    /// The event `slug` as of `now`; `None`, and so a 404, when there is no such event.
    pub fn new(site: &'a Site, context: &'a Context, slug: &Slug, now: DateTime<Utc>) -> Option<Self> {
        let event = site.events.get(slug)?;
        let (urls, words) = (&context.urls, &context.words);
        let when = site.when(event);
        let (when_text, datetime) = when_text(site, context, &when);
        let over = when.over <= now;
        let location = &event.location;
        let online = location.url.as_ref().map(|url| Linked {
            label: if location.online { words.get("event-join") } else { url.href.clone() }.into(),
            href: url.href.clone(),
        });
        let people: Vec<(Linked, Option<String>)> = event
            .people
            .iter()
            .filter_map(|p| Some((site.people.get(&p.person.slug())?, p.role.clone())))
            .map(|(person, role)| (Linked { label: person.name.clone().into(), href: urls.of(person) }, role))
            .collect();
        let groups: Vec<Linked> =
            event.groups.iter().filter_map(|r| site.groups.get(&r.slug())).map(|g| group_link(context, g)).collect();
        let projects: Vec<Linked> = event
            .projects
            .iter()
            .filter_map(|r| site.projects.get(&r.slug()))
            .map(|p| Linked { label: p.title.clone(), href: urls.of(p) })
            .collect();
        let chrome = context
            .item_chrome(site, EntityKind::Event, &event.title, &paths::entity(EntityKind::Event, slug))
            .heading_in(event.title.lang())
            .describe(
                event
                    .summary
                    .as_ref()
                    .map_or_else(|| format!("{} · {when_text}", event.title), crate::model::Text::to_string),
            )
            .og("website")
            .schema(schema(site, context, event, &when))
            .calendar(urls.absolute(&paths::event_calendar(slug)));
        Some(EventPage {
            chrome,
            when: when_text,
            datetime,
            status: (event.status != EventStatus::Scheduled).then(|| words.event_status(event.status)),
            over,
            place: location.name.clone().or_else(|| location.online.then(|| words.get("event-online"))),
            address: location.address.clone(),
            online,
            registration: event
                .registration
                .as_ref()
                .filter(|_| !over)
                .map(|url| Linked { label: words.get("event-registration").into(), href: url.href.clone() }),
            people,
            summary: event.summary.clone(),
            description: context.body(&event.description),
            related: [(words.section(EntityKind::Group), groups), (words.section(EntityKind::Project), projects)]
                .into_iter()
                .filter(|(_, links)| !links.is_empty())
                .collect(),
            calendar: Linked {
                label: words.get("event-calendar").into(),
                href: urls.path(&paths::event_calendar(slug)),
            },
        })
    }
}

/// schema.org's `Event`: when, where (a `Place`, a `VirtualLocation` or both), its status and
/// how it is attended, its organisers and performers.
fn schema(site: &Site, context: &Context, event: &Event, when: &When) -> serde_json::Value {
    let urls = &context.urls;
    let zone = site.settings.time_zone.0;
    let iso = |placed: Placed| match placed {
        Placed::Day { date, .. } => date.to_string(),
        Placed::At(at) => at.with_timezone(&zone).to_rfc3339(),
    };
    let location = &event.location;
    // An online event's `name` is the service it is on; a place needs an address, or a name
    // of an event not online.
    let physical = location.address.is_some() || (location.name.is_some() && !location.online);
    let place = physical.then(|| json!({"@type": "Place", "name": location.name, "address": location.address}));
    let virtual_place =
        location.online.then(|| json!({"@type": "VirtualLocation", "url": location.url.as_ref().map(|u| &u.href)}));
    let mode = match (place.is_some(), virtual_place.is_some()) {
        (true, true) => "https://schema.org/MixedEventAttendanceMode",
        (false, true) => "https://schema.org/OnlineEventAttendanceMode",
        _ => "https://schema.org/OfflineEventAttendanceMode",
    };
    let locations: Vec<serde_json::Value> = place.into_iter().chain(virtual_place).collect();
    let performers: Vec<serde_json::Value> =
        event.people.iter().filter_map(|p| site.people.get(&p.person.slug())).map(|p| person_node(urls, p)).collect();
    let organisers: Vec<serde_json::Value> =
        event.groups.iter().filter_map(|r| site.groups.get(&r.slug())).map(|g| group_node(urls, g)).collect();
    json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": urls.node_id(event),
        "name": event.title,
        "url": urls.absolute_of(event),
        "description": event.summary,
        "startDate": iso(when.start),
        "endDate": when.end.map(iso),
        "eventStatus": event.status.schema_org(),
        "eventAttendanceMode": mode,
        "location": match locations.as_slice() { [one] => one.clone(), _ => serde_json::Value::Array(locations) },
        "organizer": organisers,
        "performer": performers,
        "offers": event.registration.as_ref().map(|r| json!({"@type": "Offer", "url": r.href})),
    })
}
