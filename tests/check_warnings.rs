//! Each value the site can do without, each in a small content folder of its own under
//! `tests/fixtures/warnings/`: `check` names it with its file, line and column and still exits
//! 0 (1 under `--deny-warnings`), the entry is published without it, and the server starts.

mod common;

use std::path::Path;

use common::{Server, app, built, get, warned};

/// Each case: its folder, where the value is, and words of its message and its hint.
const CASES: &[(&str, &str, &str, &str)] = &[
    ("url-not-a-web-address", "publications/works.bib:5:10", "`www.example.org/care` is not a web address", "https://"),
    ("year-not-a-year", "publications/works.bib:4:11", "`20019` in `year` is not a year", "four digits"),
    ("date-not-a-year", "publications/works.bib:4:11", "`May 2021` in `date` is not a year", "2024-05-31"),
    (
        "doi-not-a-doi",
        "publications/works.bib:5:10",
        "`https://doi.org/10.1000/care.2020` is not a DOI",
        "`10.1000/care.2020`",
    ),
];

fn path(dir: &Path) -> &str {
    dir.to_str().expect("a UTF-8 path")
}

#[test]
fn check_prints_each_warning_with_its_place_and_passes() {
    for &(case, place, message, hint) in CASES {
        let dir = warned(case);
        let built = built(&dir).unwrap_or_else(|report| panic!("{case}: a warning is not an error:\n{report}"));
        let [warning] = built.warnings.warnings.as_slice() else {
            panic!("{case}: expected one warning, got {:#?}", built.warnings.warnings)
        };
        assert_eq!(warning.span().to_string(), place, "{case}");
        assert!(warning.to_string().contains(message), "{case}: `{warning}` lacks `{message}`");
        assert!(warning.hint().contains(hint), "{case}: hint `{}` lacks `{hint}`", warning.hint());

        let rich = common::groupsite(&["check", "--content", path(&dir)]);
        assert_eq!(rich.code, Some(0), "{case}: warnings alone pass; stderr:\n{}", rich.stderr);
        let shown = format!("{}/{place}", path(&dir));
        for expected in [&format!("warning: {message}"), &shown, hint, "warning: 1 warning in the content"] {
            assert!(rich.stderr.contains(expected), "{case}: stderr lacks `{expected}`:\n{}", rich.stderr);
        }
        assert!(!rich.stderr.contains("error"), "{case}: a warning is no error:\n{}", rich.stderr);
        assert!(rich.stdout.contains("1 publication"), "{case}: the summary counts the entry:\n{}", rich.stdout);

        let short = common::groupsite(&["check", "--content", path(&dir), "--format", "short"]);
        assert_eq!(short.code, Some(0), "{case}: {}", short.stderr);
        let line = format!("{shown}: warning: {message}");
        let lines: Vec<&str> = short.stderr.lines().collect();
        assert!(
            lines.len() == 1 && lines[0].starts_with(&line) && lines[0].contains("(hint: "),
            "{case}: one line `{line}… (hint: …)`:\n{}",
            short.stderr
        );
    }
}

#[test]
fn deny_warnings_makes_a_warning_fail_check_and_clean_content_pass() {
    for &(case, place, ..) in CASES {
        let dir = warned(case);
        let denied = common::groupsite(&["check", "--content", path(&dir), "--deny-warnings"]);
        assert_eq!(denied.code, Some(1), "{case}: stderr:\n{}", denied.stderr);
        assert!(denied.stderr.contains(place) && denied.stderr.contains("--deny-warnings"), "{}", denied.stderr);
    }
    let clean = common::fixture("bibtex");
    let passed = common::groupsite(&["check", "--content", path(&clean), "--deny-warnings"]);
    assert_eq!(passed.code, Some(0), "clean BibTeX gives no warning:\n{}", passed.stderr);
    assert!(!passed.stderr.contains("warning"), "{}", passed.stderr);
}

#[test]
fn the_shipped_content_gives_no_warnings() {
    let built = built(&common::shipped_content()).unwrap_or_else(|report| panic!("{report}"));
    assert!(built.warnings.is_empty(), "{}", built.warnings);
}

/// The entry `care2020` of a case, as `/publications/` lists it: its heading's HTML and its text.
async fn listed(case: &str) -> (String, String) {
    let app = app(&warned(case));
    let list = get(&app, "/publications/").await;
    assert_eq!(list.status, 200, "{case}");
    let html = list.html();
    let selector = scraper::Selector::parse("article#care2020").expect("a selector");
    let entry = html.select(&selector).next().unwrap_or_else(|| panic!("{case}: the entry is published"));
    let heading = scraper::Selector::parse("h3").expect("a selector");
    let heading = entry.select(&heading).next().map(|h| h.inner_html()).unwrap_or_default();
    let text = entry.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Care in the welfare state") && text.contains("Nordic Social Work Research"), "{text}");
    (heading, text)
}

#[tokio::test]
async fn each_entry_is_published_without_the_value_warned_about() {
    let (_, _) = listed("url-not-a-web-address").await;
    let own = common::get(&common::app(&warned("url-not-a-web-address")), "/publications/care2020/").await;
    assert_eq!(own.status, 200);
    assert!(!own.body.contains("href=\"www.example.org/care\""), "no link from a url that is not a web address");
    let (_, text) = listed("year-not-a-year").await;
    assert!(!text.contains("2001") && !text.contains("20019"), "no year read from `20019`: {text}");
    let (_, text) = listed("date-not-a-year").await;
    assert!(!text.contains("2021"), "no year read from `May 2021`: {text}");
    let (_, _) = listed("doi-not-a-doi").await;
    let own = common::get(&common::app(&warned("doi-not-a-doi")), "/publications/care2020/").await;
    assert!(own.body.contains("href=\"https://example.org/care\""), "the entry's own url, not the DOI: {}", own.body);
    assert!(!own.body.contains("https://doi.org/"), "no DOI link from a value that is not a DOI");
}

#[test]
fn the_server_starts_on_content_with_warnings_and_logs_each() {
    let dir = warned("url-not-a-web-address");
    let place = format!("{}/publications/works.bib:5:10", path(&dir));
    let server = Server::start(&dir, &[]);
    assert!(server.page("/publications/").contains("Care in the welfare state"), "the site is served");
    let log = server.log();
    assert!(log.contains(&place) && log.contains("warning: `www.example.org/care`"), "logged as check prints:\n{log}");

    let server = Server::start(&dir, &["--log-format", "json"]);
    let log = server.log_when(|log| log.contains("\"level\":\"WARN\""));
    let events: Vec<serde_json::Value> =
        log.lines().map(|line| serde_json::from_str(line).unwrap_or_else(|_| panic!("not JSON: {line}"))).collect();
    let warned: Vec<&serde_json::Value> = events.iter().filter(|e| e["target"] == "groupsite::content").collect();
    assert_eq!(warned.len(), 1, "one event per warning:\n{log}");
    assert_eq!(warned[0]["level"], "WARN", "{log}");
    assert_eq!(warned[0]["place"], place.as_str(), "{log}");
    assert!(warned[0]["hint"].as_str().is_some_and(|h| h.contains("https://")), "{log}");
}

#[test]
fn content_with_errors_and_warnings_fails_and_names_both_in_file_order() {
    let copy = common::ContentCopy::of(&warned("url-not-a-web-address"));
    // `site.toml` comes after `publications/` in file order, so the error is listed second.
    copy.replace("site.toml", "language = \"en\"", "language = \"en\"\ncolour = \"red\"");
    let outcome = copy.run_check();
    assert_eq!(outcome.code, Some(1), "{}", outcome.stderr);
    for expected in ["error: 1 mistake in the content", "warning: 1 warning in the content", "www.example.org/care"] {
        assert!(outcome.stderr.contains(expected), "stderr lacks `{expected}`:\n{}", outcome.stderr);
    }
    let short = common::groupsite(&["check", "--content", path(copy.root()), "--format", "short"]);
    let lines: Vec<&str> = short.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", short.stderr);
    assert!(lines[0].contains("publications/works.bib:5:10: warning: "), "{lines:#?}");
    assert!(lines[1].contains("site.toml:4:1: unknown field `colour`"), "{lines:#?}");
}
