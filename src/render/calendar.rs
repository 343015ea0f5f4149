//! iCalendar files (RFC 5545): one per event, beside its page, and calendars to subscribe to,
//! the site's and each group's. Written with the `icalendar` crate, which folds long lines and
//! escapes text as the RFC asks. Times are written in UTC, which every calendar application
//! reads and shows on its own clock, so summer time needs no `VTIMEZONE` to be right.

use chrono::{DateTime, Days, Utc};
use icalendar::{Calendar, Component, EventLike};

use super::Context;
use crate::link::Site;
use crate::model::{Event, EventStatus, Placed};

/// The calendar file of one event, to add to a calendar.
pub fn event_calendar(site: &Site, context: &Context, event: &Event) -> String {
    calendar(site, context, &event.title, std::iter::once(event))
}

/// A calendar of `events` named `name`, to subscribe to: the site's or a group's.
pub fn calendar<'a>(site: &Site, context: &Context, name: &str, events: impl Iterator<Item = &'a Event>) -> String {
    let mut calendar = Calendar::empty();
    calendar.append_property(("VERSION", "2.0"));
    calendar.append_property(("PRODID", "-//groupsite//EN"));
    calendar.append_property(("CALSCALE", "GREGORIAN"));
    calendar.name(name);
    for event in events {
        calendar.push(vevent(site, context, event));
    }
    calendar.done().to_string()
}

/// One `VEVENT`: its UID is its page's URL, so a calendar that subscribed keeps one entry per
/// event however often it is fetched; `DTSTAMP` is when its file last changed.
fn vevent(site: &Site, context: &Context, event: &Event) -> icalendar::Event {
    let urls = &context.urls;
    let when = site.when(event);
    let changed: DateTime<Utc> = site.changed(crate::model::EntityKind::Event, &event.slug).into();
    let mut vevent = icalendar::Event::new();
    vevent.uid(&urls.absolute_of(event)).timestamp(changed).summary(&event.title).url(&urls.absolute_of(event));
    match (when.start, when.end) {
        (Placed::Day { date, .. }, end) => {
            let last = match end {
                Some(Placed::Day { date: last, .. }) => last,
                _ => date,
            };
            // An all-day event's DTEND is the day after its last (RFC 5545, 3.6.1).
            vevent.starts(date).ends(last.checked_add_days(Days::new(1)).unwrap_or(last));
        }
        (Placed::At(start), end) => {
            vevent.starts(start);
            if let Some(end) = end {
                vevent.ends(end.begins());
            }
        }
    }
    let location = &event.location;
    let place: Vec<&str> = [location.name.as_deref(), location.address.as_deref()].into_iter().flatten().collect();
    let place = match (place.is_empty(), location.online, &location.url) {
        (true, true, Some(url)) => url.href.clone(),
        _ => place.join(", "),
    };
    if !place.is_empty() {
        vevent.location(&place);
    }
    let text = event.summary.as_ref().map_or_else(|| event.description.plain_text(), crate::model::Text::to_string);
    if !text.trim().is_empty() {
        vevent.description(text.trim());
    }
    match event.status {
        EventStatus::Cancelled => {
            vevent.status(icalendar::EventStatus::Cancelled);
        }
        EventStatus::Postponed => {
            vevent.status(icalendar::EventStatus::Tentative);
        }
        EventStatus::Scheduled | EventStatus::Rescheduled | EventStatus::MovedOnline => {
            vevent.status(icalendar::EventStatus::Confirmed);
        }
    }
    vevent.done()
}
