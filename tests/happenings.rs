//! News and events: their pages, the calendars (read back by calcard, a real iCalendar
//! parser) and the Atom feeds (read back by feed-rs), what is upcoming as the clock moves, and
//! where they show on group, person and project pages. The fixture `happenings` is the minimal
//! site with stories and events, on Oslo's clock.

mod common;

use calcard::icalendar::{ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarProperty, ICalendarValue};
use common::{BASE_URL, ContentCopy, app, fixture, get, page};

fn happenings() -> axum::Router {
    app(&fixture("happenings"))
}

/// The events of a calendar file, parsed.
fn events_of(text: &str) -> Vec<ICalendarComponent> {
    let calendar = ICalendar::parse(text).unwrap_or_else(|e| panic!("not iCalendar: {e:?}\n{text}"));
    calendar.components.into_iter().filter(|c| c.component_type == ICalendarComponentType::VEvent).collect()
}

/// A property of an event as text: a date `2099-06-12`, a UTC time `2099-06-12T12:00Z`, or text.
fn value(event: &ICalendarComponent, property: ICalendarProperty) -> String {
    let entry = event.property(&property).unwrap_or_else(|| panic!("no {property:?} in {event:?}"));
    match entry.values.first() {
        Some(ICalendarValue::PartialDateTime(at)) => match (at.hour, at.minute) {
            (Some(hour), Some(minute)) => {
                let utc = if at.tz_hour == Some(0) && at.tz_minute.unwrap_or(0) == 0 { "Z" } else { "" };
                format!(
                    "{:04}-{:02}-{:02}T{hour:02}:{minute:02}{utc}",
                    at.year.unwrap_or(0),
                    at.month.unwrap_or(0),
                    at.day.unwrap_or(0)
                )
            }
            _ => format!("{:04}-{:02}-{:02}", at.year.unwrap_or(0), at.month.unwrap_or(0), at.day.unwrap_or(0)),
        },
        Some(ICalendarValue::Text(text)) => text.clone(),
        Some(ICalendarValue::Uri(uri)) => format!("{uri:?}"),
        other => format!("{other:?}"),
    }
}

fn by_summary<'a>(events: &'a [ICalendarComponent], summary: &str) -> &'a ICalendarComponent {
    events
        .iter()
        .find(|e| value(e, ICalendarProperty::Summary) == summary)
        .unwrap_or_else(|| panic!("no event `{summary}`"))
}

#[tokio::test]
async fn news_is_listed_newest_first_and_each_story_is_a_news_article() {
    let app = happenings();
    let list = page(&app, "/news/").await;
    assert_eq!(
        list.texts(".news-card .card-title"),
        ["Alpha wins a grant for coastal research", "Beta opens its doors"]
    );
    assert_eq!(list.texts(".news-card time"), ["20 November 2026", "12 June 2026"]);

    let story = page(&app, "/news/new-grant/").await;
    assert_eq!(story.texts("h1"), ["Alpha wins a grant for coastal research"]);
    assert!(story.body.contains("<time datetime=\"2026-11-20\">20 November 2026</time>"), "{}", story.body);
    // The editor's links, written without their closing slash, point straight at the pages.
    assert!(story.body.contains("href=\"/projects/parent-project/\""));
    assert!(story.body.contains("href=\"/people/ada-lovelace/\""));
    let json: serde_json::Value = {
        let start = story.body.find("application/ld+json\">").expect("JSON-LD") + "application/ld+json\">".len();
        let end = story.body[start..].find("</script>").expect("its end") + start;
        serde_json::from_str(&story.body[start..end]).expect("valid JSON")
    };
    assert_eq!(json["@type"], "NewsArticle");
    assert_eq!(json["datePublished"], "2026-11-20");
    assert_eq!(json["about"][0]["@id"], format!("{BASE_URL}people/ada-lovelace/#person"));
    assert!(story.body.contains("<link rel=\"alternate\" type=\"application/atom+xml\""), "the feed is linked");
}

#[tokio::test]
async fn events_are_listed_upcoming_soonest_first_then_past_newest_first() {
    let app = happenings();
    let events = page(&app, "/events/").await;
    let titles = events.texts("section[aria-labelledby=upcoming-heading] .card-title");
    assert_eq!(titles, ["A talk that will not be", "Summer seminar on tides", "Winter workshop"]);
    assert_eq!(events.texts("section[aria-labelledby=past-heading] .card-title"), ["Autumn conference"]);
    let metas = events.texts(".event-card .meta");
    assert!(metas.contains(&"12 June 2099, 14:00–16:00 (CEST) · Harbour hall, room 2".to_owned()), "{metas:#?}");
    assert!(metas.contains(&"1 December 2099, 09:00–12:00 (CET) · Zoom".to_owned()), "{metas:#?}");
    assert!(metas.iter().any(|m| m.ends_with("Cancelled")), "a cancelled event says so: {metas:#?}");
    assert!(metas.contains(&"1 October 2020 – 2 October 2020 · Test University".to_owned()), "{metas:#?}");

    let seminar = page(&app, "/events/summer-seminar/").await;
    assert!(seminar.body.contains("<time datetime=\"2099-06-12T14:00:00+02:00\">"), "{}", seminar.body);
    assert_eq!(seminar.texts(".facts dd")[1..], ["Harbour hall, room 2", "Kaia 1, 7010 Trondheim"]);
    assert!(seminar.body.contains("href=\"https://example.org/register\""), "registration while it is to come");
    assert_eq!(seminar.texts("#people-heading + ul li"), ["Ada Lovelace, Speaker"]);
    assert!(seminar.body.contains("\"eventStatus\":\"https://schema.org/EventScheduled\""));
    assert!(seminar.body.contains("\"startDate\":\"2099-06-12T14:00:00+02:00\""));
    let over = page(&app, "/events/autumn-conference/").await;
    assert!(over.text().contains("This event is over."));
    let online = page(&app, "/events/winter-workshop/").await;
    assert!(online.body.contains("\"eventAttendanceMode\":\"https://schema.org/OnlineEventAttendanceMode\""));
    assert!(online.body.contains("<a href=\"https://example.org/zoom\">Join online</a>"));
}

#[tokio::test]
async fn calendars_give_oslo_times_right_in_summer_and_in_winter() {
    let app = happenings();
    let one = get(&app, "/events/summer-seminar.ics").await;
    assert_eq!(one.status, 200);
    assert_eq!(one.header("content-type"), "text/calendar; charset=utf-8");
    let events = events_of(&one.body);
    let [seminar] = events.as_slice() else { panic!("one event: {events:?}") };
    // 14:00 in Oslo in June is summer time, UTC+2.
    assert_eq!(value(seminar, ICalendarProperty::Dtstart), "2099-06-12T12:00Z");
    assert_eq!(value(seminar, ICalendarProperty::Dtend), "2099-06-12T14:00Z");
    assert_eq!(value(seminar, ICalendarProperty::Uid), format!("{BASE_URL}events/summer-seminar/"));
    assert!(value(seminar, ICalendarProperty::Location).contains("Kaia 1"));

    let all = events_of(&get(&app, "/events.ics").await.body);
    assert_eq!(all.len(), 4);
    // 09:00 in December is winter time, UTC+1.
    assert_eq!(value(by_summary(&all, "Winter workshop"), ICalendarProperty::Dtstart), "2099-12-01T08:00Z");
    // An all-day event's end is the day after its last (RFC 5545).
    let conference = by_summary(&all, "Autumn conference");
    assert_eq!(value(conference, ICalendarProperty::Dtstart), "2020-10-01");
    assert_eq!(value(conference, ICalendarProperty::Dtend), "2020-10-03");
    assert!(format!("{:?}", by_summary(&all, "A talk that will not be")).contains("Cancelled"));

    let beta = events_of(&get(&app, "/groups/beta/events.ics").await.body);
    let mut titles: Vec<String> = beta.iter().map(|e| value(e, ICalendarProperty::Summary)).collect();
    titles.sort();
    assert_eq!(titles, ["Autumn conference", "Winter workshop"], "a group's calendar has its events only");
    assert_eq!(get(&app, "/groups/nobody/events.ics").await.status, 404);
}

#[tokio::test]
async fn feeds_carry_news_and_events_with_absolute_links_and_the_full_text() {
    let app = happenings();
    let site = get(&app, "/feed.xml").await;
    assert_eq!(site.header("content-type"), "application/atom+xml; charset=utf-8");
    let feed = feed_rs::parser::parse(site.body.as_bytes()).expect("an Atom feed feed-rs reads");
    assert_eq!(feed.entries.len(), 6, "two stories and four events");
    let first = &feed.entries[0];
    assert_eq!(first.title.as_ref().map(|t| t.content.as_str()), Some("Alpha wins a grant for coastal research"));
    assert_eq!(first.links[0].href, format!("{BASE_URL}news/new-grant/"));
    let body = first.content.as_ref().and_then(|c| c.body.clone()).unwrap_or_default();
    assert!(body.contains(&format!("href=\"{BASE_URL}projects/parent-project/\"")), "absolute links: {body}");
    assert!(feed.entries.iter().all(|e| e.updated.is_some()), "every entry is dated");
    let seminar = feed.entries.iter().find(|e| e.id == format!("{BASE_URL}events/summer-seminar/")).expect("events");
    assert_eq!(seminar.updated.map(|u| u.to_rfc3339()).as_deref(), Some("2026-10-31T23:00:00+00:00"), "as announced");

    let beta = feed_rs::parser::parse(get(&app, "/groups/beta/feed.xml").await.body.as_bytes()).expect("Atom");
    let mut ids: Vec<String> = beta.entries.iter().map(|e| e.id.clone()).collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            format!("{BASE_URL}events/autumn-conference/"),
            format!("{BASE_URL}events/winter-workshop/"),
            format!("{BASE_URL}news/beta-launch/")
        ]
    );
    let group = page(&app, "/groups/beta/").await;
    assert!(group.body.contains(&format!("type=\"application/atom+xml\" href=\"{BASE_URL}groups/beta/feed.xml\"")));
    assert!(group.body.contains(&format!("type=\"text/calendar\" href=\"{BASE_URL}groups/beta/events.ics\"")));
}

#[tokio::test]
async fn group_person_and_project_pages_show_their_news_and_events() {
    let app = happenings();
    let alpha = page(&app, "/groups/alpha/").await;
    assert_eq!(alpha.texts("#news .card-title"), ["Alpha wins a grant for coastal research"]);
    assert_eq!(
        alpha.texts("#events .card-title"),
        ["A talk that will not be", "Summer seminar on tides", "Winter workshop"]
    );
    assert!(alpha.body.contains("href=\"/groups/alpha/events.ics\""), "its calendar to subscribe to");
    let ada = page(&app, "/people/ada-lovelace/").await;
    assert_eq!(ada.texts("#news .card-title"), ["Alpha wins a grant for coastal research"]);
    assert_eq!(ada.texts("#events .card-title"), ["Summer seminar on tides"]);
    let dina = page(&app, "/people/dina-von-heimburg/").await;
    assert_eq!(dina.texts("#events .card-title"), ["Autumn conference"], "past events too");
    let project = page(&app, "/projects/parent-project/").await;
    assert_eq!(project.texts("#news .card-title"), ["Alpha wins a grant for coastal research"]);
    assert_eq!(project.texts("#events .card-title"), ["Summer seminar on tides"]);
}

#[tokio::test]
async fn news_and_events_are_in_the_navigation_the_sitemap_and_search_only_when_there_are_some() {
    let app = happenings();
    let home = page(&app, "/").await;
    assert!(home.texts("nav.main-nav a").iter().any(|a| a == "News"), "{:?}", home.texts("nav.main-nav a"));
    assert!(home.texts("nav.main-nav a").iter().any(|a| a == "Events"));
    let sitemap = get(&app, "/sitemap.xml").await.body;
    for path in ["news/", "news/new-grant/", "events/", "events/summer-seminar/"] {
        assert!(sitemap.contains(&format!("<loc>{BASE_URL}{path}</loc>")), "{path} in {sitemap}");
    }
    let found = page(&app, "/search/?q=tides").await;
    assert!(found.body.contains("href=\"/events/summer-seminar/\""), "{}", found.body);

    for (kind, href) in [("application/atom+xml", "feed.xml"), ("text/calendar", "events.ics")] {
        assert!(
            home.body.contains(&format!("type=\"{kind}\" href=\"{BASE_URL}{href}\"")),
            "the home page links {href}"
        );
    }

    let plain = app_without_happenings();
    let home = page(&plain, "/").await;
    let nav = home.texts("nav.main-nav a");
    assert!(!nav.iter().any(|a| a == "News" || a == "Events"), "{nav:?}");
    assert!(!get(&plain, "/sitemap.xml").await.body.contains("/news/"));
}

fn app_without_happenings() -> axum::Router {
    app(&fixture("minimal"))
}

/// An event that ends `seconds` from now, on the site's clock, in a copy of the fixture.
fn ending_soon(seconds: i64) -> ContentCopy {
    let copy = ContentCopy::of(&fixture("happenings"));
    let oslo = chrono_tz::Europe::Oslo;
    let now = chrono::Utc::now().with_timezone(&oslo);
    let start = (now - chrono::Duration::minutes(30)).format("%Y-%m-%dT%H:%M:%S");
    let end = (now + chrono::Duration::seconds(seconds)).format("%Y-%m-%dT%H:%M:%S");
    copy.write(
        "events/ending-soon.md",
        format!(
            "+++\ntitle = \"Ending soon\"\nstart = {start}\nend = {end}\nlocation = {{ name = \"Here\" }}\ngroups = [\"alpha\"]\n+++\n"
        ),
    );
    copy
}

#[tokio::test]
async fn an_event_moves_to_past_when_it_ends_without_a_restart_and_no_cache_keeps_it_longer() {
    let copy = ending_soon(3);
    let app = app(copy.root());
    let upcoming = |page: &common::Page| page.texts("section[aria-labelledby=upcoming-heading] .card-title");
    let before = page(&app, "/events/").await;
    assert!(upcoming(&before).contains(&"Ending soon".to_owned()), "{:?}", upcoming(&before));
    // Kept, but only until the event is over: shared caches are told so too.
    let again = page(&app, "/events/").await;
    assert_eq!(again.body, before.body);
    let max_age: u64 = again
        .header("cache-control")
        .strip_prefix("public, max-age=")
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("a short max-age: {}", again.header("cache-control")));
    assert!(max_age <= 3, "max-age {max_age} outlives the event");
    let group = page(&app, "/groups/alpha/").await;
    assert!(group.texts("#events .card-title").contains(&"Ending soon".to_owned()));

    tokio::time::sleep(std::time::Duration::from_millis(4_200)).await;
    let after = page(&app, "/events/").await;
    assert!(!upcoming(&after).contains(&"Ending soon".to_owned()), "{:?}", upcoming(&after));
    assert!(after.texts("section[aria-labelledby=past-heading] .card-title").contains(&"Ending soon".to_owned()));
    let group = page(&app, "/groups/alpha/").await;
    assert!(!group.texts("#events .card-title").contains(&"Ending soon".to_owned()), "the group page moved on too");
    assert_eq!(
        after.header("cache-control"),
        "public, max-age=300, stale-while-revalidate=86400",
        "no event ends soon now"
    );
}

#[tokio::test]
async fn later_pages_of_the_news_have_their_own_addresses() {
    let copy = ContentCopy::of(&fixture("happenings"));
    for n in 0..25 {
        copy.write(
            &format!("news/story-{n:02}.md"),
            format!("+++\ntitle = \"Story {n:02}\"\ndate = 2025-01-{:02}\ngroups = [\"alpha\"]\n+++\n", n + 1),
        );
    }
    let app = app(copy.root());
    let first = page(&app, "/news/").await;
    assert_eq!(first.texts(".news-card").len(), 20);
    assert!(first.body.contains(&format!("<link rel=\"next\" href=\"{BASE_URL}news/page/2/\">")));
    let second = page(&app, "/news/page/2/").await;
    assert_eq!(second.texts(".news-card").len(), 7);
    assert_eq!(second.texts(".news-card .card-title").last().map(String::as_str), Some("Story 00"));
    assert_eq!(get(&app, "/news/page/3/").await.status, 404);
    assert_eq!(get(&app, "/news/page/1/").await.header("location"), "/news/");
    assert!(get(&app, "/sitemap.xml").await.body.contains("news/page/2/</loc>"));
}

#[tokio::test]
async fn a_member_who_has_left_is_a_former_member_with_the_years_they_were_there() {
    let app = happenings();
    let alpha = page(&app, "/groups/alpha/").await;
    let sections = alpha.texts("#people h3");
    assert!(sections.contains(&"Former members".to_owned()), "{sections:?}");
    let former = alpha.texts("#former-members + ul.people li");
    assert_eq!(former.len(), 1, "{former:?}");
    assert!(former[0].contains("Ola Nordmann") && former[0].contains("2015–2019"), "{former:?}");
    let members = alpha.texts("#members + ul.people li");
    assert!(!members.iter().any(|m| m.contains("Ola Nordmann")), "not a current member: {members:?}");

    let people = page(&app, "/people/").await;
    let former = people.texts("section[aria-labelledby=former-members] li");
    assert!(former.iter().any(|p| p.contains("Ola Nordmann") && p.contains("2015–2019")), "{former:?}");
    let members = people.texts("section[aria-labelledby=members] li");
    assert!(!members.iter().any(|m| m.contains("Ola Nordmann")), "{members:?}");

    let ola = page(&app, "/people/ola-nordmann/").await;
    assert_eq!(ola.texts("#groups-heading + ul li"), ["Alpha Group: Member · 2015–2019 · former member"]);
    let card = get(&app, "/people/ola-nordmann.vcf").await.body;
    assert!(!card.contains("Alpha Group"), "a former group is not the card's organisation: {card}");
}

#[test]
fn export_writes_the_feeds_and_calendars_and_every_event_s_file() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    let content = fixture("happenings");
    common::export(&content, &target, BASE_URL);
    for file in [
        "feed.xml",
        "events.ics",
        "groups/alpha/feed.xml",
        "groups/beta/events.ics",
        "events/summer-seminar.ics",
        "events/summer-seminar/index.html",
        "news/index.html",
        "news/new-grant/index.html",
        "events/index.html",
    ] {
        assert!(target.join(file).is_file(), "{file} is exported");
    }
    let feed = std::fs::read(target.join("feed.xml")).unwrap();
    assert_eq!(feed_rs::parser::parse(feed.as_slice()).expect("Atom").entries.len(), 6);
    let calendar = std::fs::read_to_string(target.join("events.ics")).unwrap();
    assert_eq!(events_of(&calendar).len(), 4);
    assert!(target.join("events.ics.gz").is_file(), "compressed for gzip_static");
}
