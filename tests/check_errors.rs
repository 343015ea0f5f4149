//! Each mistake an editor can make, each in a small content folder of its own under
//! `tests/fixtures/invalid/`: `check` exits 1 and names the file, line and column, what is
//! wrong and how to fix it.

mod common;

use std::path::Path;

use common::{ContentCopy, invalid};
use groupsite::ContentError;
use groupsite::model::EntityKind;

/// Checks `dir` through the library and through the binary. There must be exactly one
/// error, at `place` (`path:line:col`), whose message and hint contain the given words. The
/// binary must exit 1 and print the place, the message and the hint.
fn the_one_error(dir: &Path, place: &str, message: &str, hint: &str) -> ContentError {
    let errors = common::errors(dir);
    let [error] = errors.as_slice() else { panic!("expected one error, got {errors:#?}") };
    assert_eq!(error.span().map(|s| s.to_string()).as_deref(), Some(place), "{error:?}");
    assert!(error.to_string().contains(message), "message `{error}` lacks `{message}`");
    let shown_hint = error.hint().unwrap_or_default();
    assert!(shown_hint.contains(hint), "hint `{shown_hint}` lacks `{hint}`");

    let outcome = common::run_check(dir);
    assert_eq!(outcome.code, Some(1), "check must exit 1; stderr:\n{}", outcome.stderr);
    for expected in [place, message, hint, "error: 1 mistake in the content"] {
        assert!(outcome.stderr.contains(expected), "stderr lacks `{expected}`:\n{}", outcome.stderr);
    }
    error.clone()
}

fn place(path: &str, (line, col): (usize, usize)) -> String {
    format!("{path}:{line}:{col}")
}

#[test]
fn toml_syntax_error_points_at_the_fault() {
    let dir = invalid("toml-syntax");
    let error = the_one_error(&dir, "projects/point.toml:2:17", "invalid TOML", "toml.io");
    assert!(matches!(error, ContentError::BadToml { .. }), "{error:?}");
    let outcome = common::run_check(&dir);
    assert!(outcome.stderr.contains("acronym = \"POINT"), "the faulty line is quoted:\n{}", outcome.stderr);
    assert!(outcome.stderr.contains('^'), "a marker under the fault:\n{}", outcome.stderr);
}

#[test]
fn a_toml_file_that_opens_with_a_byte_order_mark_is_placed_as_one_without() {
    let dir = invalid("toml-syntax");
    let copy = ContentCopy::of(&dir);
    let text = std::fs::read_to_string(copy.path("projects/point.toml")).expect("the fixture");
    copy.write("projects/point.toml", format!("\u{feff}{text}"));
    let error = the_one_error(copy.root(), "projects/point.toml:2:17", "invalid TOML", "toml.io");
    assert!(matches!(error, ContentError::BadToml { .. }), "{error:?}");
}

#[test]
fn unknown_field_names_the_nearest_known_field() {
    let error = the_one_error(
        &invalid("unknown-field"),
        "projects/abcd.toml:1:1",
        "unknown field `tittle`",
        "did you mean `title`?",
    );
    assert!(matches!(error, ContentError::UnknownField { .. }));
}

#[test]
fn unknown_field_in_markdown_front_matter_counts_lines_from_the_top_of_the_file() {
    let dir = invalid("unknown-field-in-front-matter");
    the_one_error(&dir, "groups/alpha.md:4:1", "unknown field `tag_line`", "did you mean `tagline`?");
}

#[test]
fn missing_required_field_is_named() {
    let dir = invalid("missing-field");
    let error = the_one_error(&dir, "partners/cabe.toml:1:1", "missing required field `name`", "add `name = …`");
    assert!(matches!(error, ContentError::MissingField { .. }));
}

#[test]
fn wrong_type_says_what_was_expected() {
    let dir = invalid("wrong-type");
    let error = the_one_error(&dir, "projects/point.toml:3:14", "wrong type: expected u16, found string", "README.md");
    assert!(matches!(error, ContentError::WrongType { .. }));
}

#[test]
fn value_outside_the_allowed_set_suggests_the_nearest() {
    let error = the_one_error(
        &invalid("value-not-allowed"),
        "people/larry-davidson.toml:3:29",
        "`advisor` is not an allowed value",
        "did you mean `advisory-board`?",
    );
    assert!(matches!(error, ContentError::BadValue { .. }));
}

#[test]
fn unknown_slug_names_the_nearest_existing_slug() {
    let error = the_one_error(
        &invalid("unknown-group"),
        "people/siri-mordal.toml:3:13",
        "unknown group `relational-welfar`",
        "did you mean `relational-welfare`?",
    );
    let ContentError::UnknownSlug { kind: EntityKind::Group, nearest, .. } = error else { panic!("{error:?}") };
    assert_eq!(nearest.as_deref(), Some("relational-welfare"));
}

#[test]
fn unknown_partner_slug_in_a_project_is_found_too() {
    let dir = invalid("unknown-partner");
    the_one_error(&dir, "projects/point.toml:3:15", "unknown partner `serraf`", "did you mean `seraf`?");
}

#[test]
fn two_files_with_one_slug_are_both_named() {
    let dir = invalid("duplicate-slug");
    let error = the_one_error(&dir, "people/jo-ese.toml:1:1", "two files have the slug `jo-ese`", "people/jo-ese.md");
    assert!(matches!(error, ContentError::DuplicateSlug { kind: EntityKind::Person, .. }));
}

#[test]
fn file_name_that_is_not_a_slug_gets_a_suggested_name() {
    let dir = invalid("file-name-not-a-slug");
    let error =
        the_one_error(&dir, "people/Øyvind Test.toml:1:1", "not a valid file name", "rename it to `oyvind-test.toml`");
    assert!(matches!(error, ContentError::BadFileName { .. }));
}

#[test]
fn file_in_an_unknown_folder_names_the_nearest_folder() {
    let dir = invalid("unknown-folder");
    let error = the_one_error(&dir, "peoples:1:1", "`peoples` is not a content folder", "did you mean `people`?");
    assert!(matches!(error, ContentError::UnknownFolder { .. }));
}

#[test]
fn markdown_without_front_matter_says_how_to_add_it() {
    the_one_error(&invalid("no-front-matter"), "pages/notes.md:1:1", "must start with front matter", "`+++`");
}

#[test]
fn unclosed_front_matter_points_at_the_opening_line() {
    let dir = invalid("unclosed-front-matter");
    the_one_error(&dir, "pages/notes.md:1:1", "never closed", "add a line holding only `+++`");
}

#[test]
fn projects_that_are_their_own_ancestors_are_each_refused() {
    let dir = invalid("parent-cycle");
    let errors = common::errors(&dir);
    let cycle: Vec<String> = errors
        .iter()
        .map(|e| match e {
            ContentError::ParentCycle { at, .. } => at.to_string(),
            other => panic!("expected only parent cycles, got {other:?}"),
        })
        .collect();
    assert_eq!(cycle, ["projects/mattering-research.toml:2:10", "projects/measuring-mattering.toml:2:10"]);
    let outcome = common::run_check(&dir);
    assert_eq!(outcome.code, Some(1));
    assert!(
        outcome.stderr.contains("leads back to `mattering-research`") && outcome.stderr.contains("remove `parent`")
    );
}

#[test]
fn image_file_missing_from_media_is_named() {
    let error = the_one_error(
        &invalid("unknown-media"),
        "groups/alpha.md:4:17",
        "there is no file `media/girls.jpg` in `media/`",
        "put the image in `media/`",
    );
    assert!(matches!(error, ContentError::UnknownMedia { .. }));
    let errors = common::errors(&invalid("unknown-media-near-a-file"));
    let [ContentError::UnknownMedia { nearest, .. }] = errors.as_slice() else { panic!("{errors:?}") };
    assert_eq!(nearest.as_deref(), Some("media/girls.jpeg"));
}

#[test]
fn a_link_that_is_not_a_web_or_email_address_is_refused() {
    let error = the_one_error(
        &invalid("unsafe-url"),
        "practices/the-wigan-deal.md:6:34",
        "`javascript:alert(1)` is not a web or email address",
        "`https://`",
    );
    assert!(matches!(error, ContentError::UnsafeUrl { .. }));
}

#[test]
fn a_page_cannot_take_an_address_the_site_uses() {
    let dir = invalid("reserved-slug");
    let error = the_one_error(&dir, "pages/people.md:1:1", "`people` is an address the site itself uses", "rename");
    assert!(matches!(error, ContentError::ReservedSlug { .. }));
}

#[test]
fn blank_names_and_bad_language_tags_are_refused() {
    the_one_error(&invalid("blank-name"), "people/jo-ese.toml:1:8", "text that is not blank", "README.md");
    the_one_error(&invalid("no-language"), "site.toml:3:12", "a language tag such as `en`", "README.md");
}

#[test]
fn an_empty_list_of_groups_is_named_where_it_is_written() {
    let error = the_one_error(
        &invalid("empty-groups"),
        "projects/sovei.toml:3:10",
        "`groups` needs at least one entry",
        "name at least one",
    );
    assert!(matches!(error, ContentError::EmptyList { field: "groups", .. }));
    let dir = invalid("no-groups");
    the_one_error(&dir, "projects/sovei.toml:1:1", "missing required field `groups`", "add `groups = …`");
}

#[test]
fn columns_do_not_count_a_byte_order_mark() {
    the_one_error(&invalid("byte-order-mark"), "people/jo-ese.toml:1:8", "wrong type", "README.md");
}

#[test]
fn short_format_prints_one_line_per_error_with_the_path_as_given() {
    let dir = invalid("two-mistakes");
    let root = dir.to_str().unwrap();
    let outcome = common::groupsite(&["check", "--content", root, "--format", "short"]);
    assert_eq!(outcome.code, Some(1));
    let lines: Vec<&str> = outcome.stderr.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "{root}/people/siri-mordal.toml:3:13: unknown group `relational-welfar` (hint: did you mean `relational-welfare`?)"
            ),
            format!("{root}/projects/abcd.toml:1:1: unknown field `tittle` (hint: did you mean `title`?)"),
        ]
    );
}

#[test]
fn every_error_is_reported_not_just_the_first() {
    let dir = invalid("four-mistakes");
    assert_eq!(common::errors(&dir).len(), 4, "{:#?}", common::errors(&dir));
    let outcome = common::run_check(&dir);
    assert_eq!(outcome.code, Some(1));
    for place in ["projects/abcd.toml:1:1", "people/siri-mordal.toml:3:13", "partners/cabe.toml:1:1", "peoples:1:1"] {
        assert!(outcome.stderr.contains(place), "stderr lacks {place}:\n{}", outcome.stderr);
    }
    assert!(outcome.stderr.contains("4 mistakes"), "{}", outcome.stderr);
}

#[test]
fn an_unclosed_style_in_a_body_is_named_where_it_opens_not_left_to_swallow_the_rest() {
    let dir = invalid("unclosed-style");
    let error = the_one_error(&dir, "pages/contact.md:6:1", "`<style>` is not closed", "`</style>`");
    assert!(matches!(error, ContentError::Body { .. }), "{error:?}");
    let dir = invalid("unclosed-comment");
    the_one_error(&dir, "pages/contact.md:6:1", "the comment opened with `<!--` is not closed", "`-->`");
}

#[test]
fn a_style_closed_where_it_opens_is_dropped_quietly() {
    let copy = ContentCopy::of(&common::fixture("minimal"));
    copy.replace("pages/contact.md", "Write to us.", "<style>p { color: red }</style>\n\nWrite to us.");
    let site = common::check(copy.root()).unwrap_or_else(|report| panic!("{report}"));
    let body = site.pages.values().map(|p| p.body.as_str().to_owned()).collect::<String>();
    assert!(body.contains("Write to us.") && !body.contains("color"), "{body}");
}

/// A body of `size` bytes that nests `opening` (`> `, `<div>`, …) as deep as it will go, as
/// someone pasting or generating a file could write.
fn nested(opening: &str, size: usize) -> String {
    format!("+++\ntitle = \"Deep\"\n+++\n{}x\n", opening.repeat(size / opening.len()))
}

#[test]
fn deep_nesting_is_named_at_the_level_past_the_bound_and_found_in_time() {
    let bound = groupsite::MAX_DEPTH;
    // Where each kind of nesting passes the bound: a quote is one level and holds a paragraph;
    // a list and its item are two; a `<div>` block is one.
    for (opening, levels) in [("> ", bound), ("- ", bound / 2), ("<div>", bound), ("<blockquote>", bound)] {
        let copy = ContentCopy::of(&common::fixture("minimal"));
        copy.write("pages/deep.md", nested(opening, 1_000_000));
        let started = std::time::Instant::now();
        let col = opening.len() * levels + 1;
        let error = the_one_error(copy.root(), &place("pages/deep.md", (4, col)), "nested more than", "remove some");
        assert!(matches!(error, ContentError::Body { .. }), "{error:?}");
        let took = started.elapsed();
        assert!(took.as_secs() < 10, "{opening:?} nested through 1 MB took {took:?} to check twice");
    }
}

#[test]
fn a_megabyte_of_text_checks_in_time() {
    for body in ["&«".repeat(350_000), "|a|b|\n|-|-|\n".to_owned() + &"|&|«|\n".repeat(120_000), "[".repeat(1_000_000)]
    {
        let copy = ContentCopy::of(&common::fixture("minimal"));
        copy.write("pages/long.md", format!("+++\ntitle = \"Long\"\n+++\n{body}\n"));
        let started = std::time::Instant::now();
        common::check(copy.root()).unwrap_or_else(|report| panic!("{report}"));
        let took = started.elapsed();
        eprintln!("{} bytes took {took:?} to check", body.len());
        assert!(took.as_secs() < 30, "{} bytes took {took:?} to check", body.len());
    }
}

#[test]
fn an_address_or_tag_past_the_bound_is_named_and_many_just_under_it_check_in_time() {
    let bound = groupsite::MAX_TAG_BYTES;
    for (body, what) in [
        (format!("Text.\n\n[x](https://example.org/?{})\n", "&".repeat(bound)), "link's address"),
        (format!("Text.\n\n<a title=\"{}\">x</a>\n", "&".repeat(bound)), "tag"),
    ] {
        let copy = ContentCopy::of(&common::fixture("minimal"));
        copy.write("pages/long.md", format!("+++\ntitle = \"Long\"\n+++\n{body}"));
        let message = format!("this {what} is longer than");
        let error = the_one_error(copy.root(), &place("pages/long.md", (6, 1)), &message, "shorten it");
        assert!(matches!(error, ContentError::Body { .. }), "{error:?}");
    }
    // Just under the bound, 300 KB of them, with text after each raw tag.
    let under = "&".repeat(bound - 100);
    let link = format!("[x](https://example.org/?{under}) and <a title=\"{under}\">x</a> then text.\n\n");
    let copy = ContentCopy::of(&common::fixture("minimal"));
    copy.write("pages/long.md", format!("+++\ntitle = \"Long\"\n+++\n{}", link.repeat(300_000 / link.len())));
    let started = std::time::Instant::now();
    let site = common::check(copy.root()).unwrap_or_else(|report| panic!("{report}"));
    let took = started.elapsed();
    assert!(took.as_secs() < 30, "300 KB of long links and tags took {took:?} to check");
    let page = site.pages.values().find(|p| p.title == "Long").map(|p| p.body.as_str().to_owned()).unwrap_or_default();
    assert_eq!(page.matches("then text.").count(), 300_000 / link.len(), "the text after each raw tag is kept");
}

#[test]
fn a_bibtex_file_that_cannot_be_read_is_named_where_the_reader_gave_up() {
    let dir = invalid("bibtex-syntax");
    let error = the_one_error(
        &dir,
        "publications/works.bib:1:9",
        "this BibTeX cannot be read: a `{` is not closed",
        "close it with `}`",
    );
    assert!(matches!(error, ContentError::BadBibtex { .. }), "{error:?}");
}

#[test]
fn two_bibtex_keys_that_give_one_slug_are_both_named() {
    let dir = invalid("bibtex-same-slug");
    let error = the_one_error(
        &dir,
        "publications/works.bib:5:10",
        "slug `same-key`",
        "the other entry is at publications/works.bib:1:10",
    );
    assert!(matches!(error, ContentError::SameEntrySlug { .. }), "{error:?}");
}

#[test]
fn a_bibtex_entry_type_the_site_does_not_list_is_named() {
    let dir = invalid("bibtex-unlisted-type");
    let error = the_one_error(&dir, "publications/works.bib:5:7", "`@misc`", "@article");
    assert!(matches!(error, ContentError::UnlistedEntryType { .. }), "{error:?}");
}

#[test]
fn a_bibliography_that_names_no_bibtex_file_suggests_the_nearest() {
    let dir = invalid("bibtex-unknown-file");
    let error =
        the_one_error(&dir, "groups/alpha.md:4:17", "no BibTeX file `publications/work.bib`", "publications/works.bib");
    assert!(matches!(error, ContentError::UnknownBibliography { .. }), "{error:?}");
}

#[test]
fn a_crossref_that_leads_back_to_its_entry_is_named_not_followed_for_ever() {
    let dir = invalid("bibtex-crossref-loop");
    let error = the_one_error(
        &dir,
        "publications/works.bib:1:15",
        "`crossref` or `xdata` of `chapter` leads back",
        "must not point back",
    );
    assert!(matches!(error, ContentError::CrossrefLoop { .. }), "{error:?}");
}

#[test]
fn an_author_two_people_answer_to_is_named_and_citation_names_settle_it() {
    let dir = invalid("bibtex-ambiguous-author");
    let error = the_one_error(
        &dir,
        "publications/works.bib:2:13",
        "could be any of ada-lovelace, anne-lovelace",
        "citation_names",
    );
    assert!(matches!(error, ContentError::AmbiguousAuthor { .. }), "{error:?}");
    let copy = ContentCopy::of(&dir);
    copy.write("people/ada-lovelace.toml", "name = \"Ada Lovelace\"\ncitation_names = [\"Lovelace, A.\"]\n");
    let site = common::check(copy.root()).unwrap_or_else(|report| panic!("settled:\n{report}"));
    let author = &site.publications.values().next().expect("the article").authors[0];
    assert_eq!(author.person.as_ref().map(|p| p.slug.as_str()), Some("ada-lovelace"));
}

#[test]
fn every_broken_bibtex_entry_of_a_file_is_named_at_once_with_a_hint_for_its_mistake() {
    let dir = invalid("bibtex-three-broken");
    let errors = common::errors(&dir);
    let found: Vec<(String, String, String)> = errors
        .iter()
        .map(|e| {
            assert!(matches!(e, ContentError::BadBibtex { .. }), "{e:?}");
            (e.span().map(|s| s.to_string()).unwrap_or_default(), e.to_string(), e.hint().unwrap_or_default())
        })
        .collect();
    let expected = [
        ("publications/works.bib:10:11", "a `{` is not closed", "close it with `}`"),
        ("publications/works.bib:21:3", "the entry has no key", "@article{kvello2024,"),
        ("publications/works.bib:28:28", "a `,` is missing", "a comma follows the key and every field"),
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for ((place, message, hint), (shown_place, shown, shown_hint)) in expected.iter().zip(&found) {
        assert_eq!(shown_place, place, "{found:#?}");
        assert!(shown.contains(message) && shown_hint.contains(hint), "{found:#?}");
    }
    // The `@string` before the first break still names the journal of the entries after it.
    let outcome = common::run_check(&dir);
    assert_eq!(outcome.code, Some(1));
    assert!(!outcome.stderr.contains("abbreviation"), "{}", outcome.stderr);
    for (place, ..) in expected {
        assert!(outcome.stderr.contains(place), "stderr lacks {place}:\n{}", outcome.stderr);
    }
    assert!(outcome.stderr.contains("3 mistakes"), "{}", outcome.stderr);
}

#[test]
fn an_undefined_bibtex_abbreviation_is_named_at_each_use() {
    let copy = ContentCopy::of(&invalid("bibtex-syntax"));
    copy.write(
        "publications/works.bib",
        "@article{one, title = {One}, journal = nj}\n\n@article{two, title = {Two}, journal = pj # { 2}}\n",
    );
    let errors = copy.errors();
    let shown: Vec<String> = errors
        .iter()
        .map(|e| {
            format!("{} {e} ({})", e.span().map(|s| s.to_string()).unwrap_or_default(), e.hint().unwrap_or_default())
        })
        .collect();
    assert_eq!(shown.len(), 2, "{shown:#?}");
    assert!(
        shown[0].starts_with("publications/works.bib:1:40 ") && shown[0].contains("`nj` is not defined"),
        "{shown:#?}"
    );
    assert!(
        shown[1].starts_with("publications/works.bib:3:40 ") && shown[1].contains("@string{pj = {…}}"),
        "{shown:#?}"
    );
}

#[test]
fn an_icon_missing_from_media_or_of_a_kind_browsers_cannot_show_is_named_at_its_line() {
    let copy = ContentCopy::of(&common::fixture("minimal"));
    let settings = std::fs::read_to_string(copy.path("site.toml")).unwrap();
    let line = settings.lines().count() + 1;
    copy.write("site.toml", format!("{settings}icon = \"media/icon.svg\"\n"));
    let error = the_one_error(
        copy.root(),
        &format!("site.toml:{line}:8"),
        "there is no file `media/icon.svg` in `media/`",
        "media/",
    );
    assert!(matches!(error, ContentError::UnknownMedia { .. }));

    copy.write("site.toml", format!("{settings}icon = \"media/hero.gif\"\n"));
    let errors = copy.errors();
    let [error] = errors.as_slice() else { panic!("{errors:#?}") };
    assert_eq!(error.span().map(|s| s.to_string()), Some(format!("site.toml:{line}:8")), "{error:?}");
    assert!(error.to_string().contains("not an icon browsers show"), "{error}");
}

/// The one error of the `happenings` fixture after `from` becomes `to` in `rel`, placed where
/// `to` now starts (or `at` columns further in).
fn happening_error(rel: &str, from: &str, to: &str, at: usize, message: &str, hint: &str) -> ContentError {
    let copy = ContentCopy::of(&common::fixture("happenings"));
    let (line, col) = copy.replace(rel, from, to);
    the_one_error(copy.root(), &place(rel, (line, col + at)), message, hint)
}

#[test]
fn an_event_that_ends_before_it_starts_is_named_at_its_end() {
    let error = happening_error(
        "events/summer-seminar.md",
        "end = 2099-06-12T16:00:00",
        "end = 2099-06-12T13:00:00",
        6,
        "the event ends before it starts",
        "swap `start` and `end`",
    );
    assert!(matches!(error, ContentError::EndBeforeStart { .. }));
}

#[test]
fn a_day_that_does_not_exist_is_named_where_it_is_written() {
    happening_error("news/new-grant.md", "date = 2026-11-20", "date = 2026-02-30", 7, "date", "");
}

#[test]
fn a_time_the_clocks_skip_in_the_site_s_time_zone_is_named() {
    let error = happening_error(
        "events/summer-seminar.md",
        "start = 2099-06-12T14:00:00\nend = 2099-06-12T16:00:00",
        "start = 2099-03-29T02:30:00\nend = 2099-03-29T04:00:00",
        8,
        "there is no such time in Europe/Oslo",
        "an hour later",
    );
    assert!(matches!(error, ContentError::SkippedTime { .. }));
}

#[test]
fn an_unknown_time_zone_names_the_nearest() {
    happening_error(
        "site.toml",
        "time_zone = \"Europe/Oslo\"",
        "time_zone = \"Europe/Olso\"",
        12,
        "`Europe/Olso` is not a time zone",
        "",
    );
    let copy = ContentCopy::of(&common::fixture("happenings"));
    copy.replace("site.toml", "time_zone = \"Europe/Oslo\"", "time_zone = \"Europe/Olso\"");
    let outcome = copy.run_check();
    assert!(outcome.stderr.contains("did you mean `Europe/Oslo`?"), "{}", outcome.stderr);
}

#[test]
fn an_end_written_as_a_day_for_a_start_at_a_time_is_a_mistake() {
    let error = happening_error(
        "events/summer-seminar.md",
        "end = 2099-06-12T16:00:00",
        "end = 2099-06-13",
        6,
        "`end` is written as a day and `start` as a time",
        "both as days",
    );
    assert!(matches!(error, ContentError::MixedMoments { .. }));
}

#[test]
fn an_online_event_needs_its_link_and_a_location_must_say_something() {
    let error = happening_error(
        "events/winter-workshop.md",
        "location = { name = \"Zoom\", online = true, url = \"https://example.org/zoom\" }",
        "location = { name = \"Zoom\", online = true }",
        11,
        "gives no `url` to join it",
        "add `url",
    );
    assert!(matches!(error, ContentError::OnlineWithoutLink { .. }));
    let error = happening_error(
        "events/autumn-conference.md",
        "location = { name = \"Test University\" }",
        "location = {}",
        11,
        "neither where the event is nor how to join it",
        "the place's `name`",
    );
    assert!(matches!(error, ContentError::EmptyLocation { .. }));
}
