//! The editor's preview, `serve --watch`, on a temporary copy of the minimal fixture: each
//! kind of save is picked up, a broken file never takes the site down, and pages say what is
//! wrong until it is fixed.

mod common;

use std::time::{Duration, Instant};

use common::{ContentCopy, Server, fixture};

/// Waits until `condition` holds for the page at `path`, and returns how long it took.
fn until(server: &Server, path: &str, what: &str, condition: impl Fn(&str) -> bool) -> Duration {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(15) {
        if condition(&server.page(path)) {
            return started.elapsed();
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("{path}: {what} within 15 s; log:\n{}", server.log());
}

fn title(page: &str) -> String {
    page.split("<h1>").nth(1).and_then(|s| s.split("</h1>").next()).unwrap_or_default().to_owned()
}

/// A throw-away copy of the minimal fixture.
fn minimal() -> ContentCopy {
    ContentCopy::of(&fixture("minimal"))
}

/// A copy of the minimal fixture with a second free page, so that removing both is most of
/// a kind.
fn minimal_with_two_pages() -> ContentCopy {
    let copy = minimal();
    copy.write("pages/accessibility.md", "+++\ntitle = \"Accessibility statement\"\n+++\nWe try.\n");
    copy
}

#[test]
fn an_edited_title_is_served_within_a_second() {
    let copy = minimal();
    let server = Server::start(copy.root(), &["--watch"]);
    assert_eq!(title(&server.page("/projects/parent-project/")), "Parent project");
    copy.replace("projects/parent-project.toml", "Parent project", "Parent project, edited");
    let took = until(&server, "/projects/parent-project/", "the new title", |p| title(p) == "Parent project, edited");
    assert!(took < Duration::from_secs(1), "took {took:?}");
}

#[test]
fn search_finds_what_an_edit_added() {
    let copy = minimal();
    let server = Server::start(copy.root(), &["--watch"]);
    assert!(server.page("/search/?q=Zanzibar").contains("Nothing matches"));
    copy.replace("projects/parent-project.toml", "Parent project", "Parent project in Zanzibar");
    until(&server, "/search/?q=Zanzibar", "the edited project found", |p| p.contains("/projects/parent-project/\""));
}

/// A site large enough that its search index takes longer to build than a reload.
fn minimal_with_many_projects() -> ContentCopy {
    let copy = minimal();
    let body = "A project about care, welfare and wellbeing in families and schools. ".repeat(10);
    for n in 0..1200 {
        copy.write(
            &format!("projects/project-{n:04}.md"),
            format!("+++\ntitle = \"Project {n:04}\"\nkind = \"project\"\ngroups = [\"alpha\"]\n+++\n{body}\n"),
        );
    }
    copy
}

/// Saves in quick succession each replace a site whose search index is still being built:
/// that index is given up, not finished, and search answers from the newest site.
#[test]
fn a_replaced_site_s_search_index_is_given_up_and_search_finds_the_newest_edit() {
    let copy = minimal_with_many_projects();
    let server = Server::start_with(copy.root(), &["--watch"], &[("GROUPSITE_LOG", "info,groupsite::serve=debug")]);
    let mut before = "Parent project".to_owned();
    for word in ["Zanzibar", "Zambezi", "Zagreb", "Zurich", "Zaragoza", "Zermatt"] {
        let after = format!("Parent project in {word}");
        copy.replace("projects/parent-project.toml", &format!("\"{before}\""), &format!("\"{after}\""));
        until(&server, "/projects/parent-project/", "the new title", |p| title(p) == after);
        before = after;
    }
    until(&server, "/search/?q=Zermatt", "the last edit found", |p| p.contains("/projects/parent-project/\""));
    assert!(server.page("/search/?q=Zagreb").contains("Nothing matches"), "an earlier edit is still found");
    let log = server.log_when(|log| log.contains("search index of a replaced site dropped"));
    assert!(log.contains("search index of a replaced site dropped"), "no index was given up; log:\n{log}");
}

#[test]
fn a_broken_file_keeps_the_last_good_site_and_shows_a_banner_until_fixed() {
    let copy = minimal();
    let server = Server::start(copy.root(), &["--watch"]);
    let (line, col) = copy.replace("projects/parent-project.toml", "kind = \"project\"", "kind = \"projekt\"");
    let place = format!("projects/parent-project.toml:{line}:{}", col + 7);
    until(&server, "/projects/parent-project/", "the banner", |p| p.contains("content-mistakes") && p.contains(&place));
    let page = server.page("/projects/");
    assert!(page.contains("2 projects") && page.contains("Parent project<"), "the last good site is still served");
    assert!(page.contains(&place), "every page names the file and line: {place}");
    assert!(server.log().contains(&place), "the mistake is printed as check prints it");

    copy.replace("projects/parent-project.toml", "kind = \"projekt\"", "kind = \"project\"");
    copy.replace("projects/parent-project.toml", "Parent project", "Parent project (fixed)");
    until(&server, "/projects/parent-project/", "the fixed page without banner", |p| {
        !p.contains("content-mistakes") && title(p).ends_with("(fixed)")
    });
}

#[test]
fn warnings_are_shown_on_a_banner_of_their_own_while_the_site_is_published() {
    let copy = ContentCopy::of(&common::warned("url-not-a-web-address"));
    let server = Server::start(copy.root(), &["--watch"]);
    let page = common::Page { status: 200, headers: Default::default(), body: server.page("/publications/") };
    let shown = page.texts(".content-warnings li");
    assert_eq!(shown.len(), 1, "the warning of the content the server started with:\n{}", page.body);
    assert!(shown[0].contains("publications/works.bib:5:10: warning: `www.example.org/care`"), "{shown:?}");
    assert!(!page.body.contains("content-mistakes"), "a warning is no mistake");

    copy.replace("publications/works.bib", "{www.example.org/care}", "{https://example.org/care}");
    until(&server, "/publications/care2020/", "the fixed link, without banner", |p| {
        !p.contains("content-warnings") && p.contains("href=\"https://example.org/care\"")
    });
    copy.replace("publications/works.bib", "{2020}", "{20019}");
    until(&server, "/publications/care2020/", "the new warning, with the site published", |p| {
        p.contains("content-warnings")
            && p.contains("works.bib:4:11: warning:")
            && p.contains("https://example.org/care")
    });
}

#[test]
fn a_save_by_rename_and_a_delete_are_both_picked_up() {
    let copy = minimal();
    let server = Server::start(copy.root(), &["--watch"]);
    // Many editors write a temporary file and rename it over the original.
    let original = std::fs::read_to_string(copy.path("projects/child-project.toml")).unwrap();
    std::fs::write(
        copy.path("projects/.child-project.toml.tmp"),
        original.replace("title = \"Child project\"", "title = \"Child project renamed\""),
    )
    .unwrap();
    std::fs::rename(copy.path("projects/.child-project.toml.tmp"), copy.path("projects/child-project.toml")).unwrap();
    until(&server, "/projects/child-project/", "the renamed-over title", |p| title(p) == "Child project renamed");

    assert!(server.page("/practices/").contains("Town Deal"), "the practice is listed before");
    std::fs::remove_file(copy.path("practices/town-deal.toml")).unwrap();
    until(&server, "/practices/", "the deleted practice gone", |p| !p.is_empty() && !p.contains("Town Deal"));
}

#[test]
fn a_burst_of_fifty_saves_causes_few_reloads() {
    let copy = minimal();
    let server = Server::start(copy.root(), &["--watch"]);
    let text = std::fs::read_to_string(copy.path("projects/child-project.toml")).unwrap();
    for i in 0..50 {
        std::fs::write(
            copy.path("projects/child-project.toml"),
            text.replace("Child project", &format!("Child save {i}")),
        )
        .unwrap();
        // Half a second in all, ten times the debouncer's span: as slow as a loaded machine.
        std::thread::sleep(Duration::from_millis(10));
    }
    until(&server, "/projects/child-project/", "the last save", |p| title(p) == "Child save 49");
    std::thread::sleep(Duration::from_millis(500));
    let reloads = server.log().matches("content reloaded").count();
    assert!((1..=10).contains(&reloads), "{reloads} reloads for 50 saves");
}

#[test]
fn only_the_preview_has_a_script_and_its_policy_allows_only_that() {
    let copy = minimal();
    let preview = Server::start(copy.root(), &["--watch"]);
    let page = preview.page("/");
    let script = page.split("<script src=\"").nth(1).and_then(|s| s.split('"').next()).expect("a live-reload script");
    assert!(script.starts_with("/assets/live.") && script.ends_with(".js"));
    assert!(preview.page(script).contains("EventSource"));
    let head = preview.raw("GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    assert!(head.contains("script-src 'self'"));
    let events = first_event(&preview);
    assert!(events.contains("text/event-stream") && events.contains("data: 1"), "{events}");

    let plain = Server::start(copy.root(), &[]);
    let page = plain.page("/");
    assert!(!page.contains("<script src="), "no script without --watch");
    assert!(plain.raw("GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").contains("script-src 'none'"));
    assert!(plain.page("/_preview/events").is_empty());
    assert!(plain.page(script).is_empty(), "the script is not even served");
}

/// The response to `/_preview/events` up to its first event; the stream itself never ends.
fn first_event(server: &Server) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(server.addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    stream.write_all(b"GET /_preview/events HTTP/1.1\r\nHost: t\r\n\r\n").unwrap();
    let mut seen = Vec::new();
    let mut chunk = [0u8; 1024];
    while let Ok(n @ 1..) = stream.read(&mut chunk) {
        seen.extend_from_slice(&chunk[..n]);
        if String::from_utf8_lossy(&seen).contains("data: ") {
            break;
        }
    }
    String::from_utf8_lossy(&seen).into_owned()
}

#[test]
fn stopping_the_preview_with_a_page_open_is_quick() {
    use std::io::Read;
    let copy = minimal();
    let mut server = Server::start(copy.root(), &["--watch"]);
    let mut events = std::net::TcpStream::connect(server.addr).unwrap();
    events.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    std::io::Write::write_all(&mut events, b"GET /_preview/events HTTP/1.1\r\nHost: t\r\n\r\n").unwrap();
    let mut first = [0u8; 512];
    assert!(events.read(&mut first).unwrap() > 0);
    let started = Instant::now();
    server.terminate();
    assert_eq!(server.child.wait().unwrap().code(), Some(0));
    assert!(started.elapsed() < Duration::from_secs(3), "an open page held the stop for {:?}", started.elapsed());
    let mut rest = Vec::new();
    let _ = events.read_to_end(&mut rest);
    assert!(!String::from_utf8_lossy(&rest).contains("data: "), "no reload is sent to the page");
}

#[test]
fn the_server_never_starts_on_content_with_mistakes() {
    let copy = minimal();
    copy.replace("projects/parent-project.toml", "title =", "tittle =");
    let outcome = common::groupsite(&["serve", "--content", copy.root().to_str().unwrap(), "--addr", "127.0.0.1:0"]);
    assert_eq!(outcome.code, Some(1));
    assert!(
        outcome.stderr.contains("projects/parent-project.toml:1:1") && outcome.stderr.contains("does not start"),
        "{}",
        outcome.stderr
    );
}

/// Each line of `log` that is not JSON.
fn not_json(log: &str) -> Vec<&str> {
    log.lines().filter(|line| serde_json::from_str::<serde_json::Value>(line).is_err()).collect()
}

#[test]
fn under_a_json_log_the_refusal_to_start_on_mistakes_is_json_lines() {
    let copy = minimal();
    copy.replace("projects/parent-project.toml", "title =", "tittle =");
    let root = copy.root().to_str().unwrap();
    let outcome = common::groupsite(&["serve", "--content", root, "--addr", "127.0.0.1:0", "--log-format", "json"]);
    assert_eq!(outcome.code, Some(1));
    assert_eq!(not_json(&outcome.stderr), Vec::<&str>::new(), "every line is JSON:\n{}", outcome.stderr);
    let place = format!("{root}/projects/parent-project.toml:1:1");
    assert!(outcome.stderr.contains(&format!("\"place\":\"{place}\"")), "{}", outcome.stderr);
    assert!(outcome.stderr.contains("does not start"), "{}", outcome.stderr);
}

#[test]
fn under_a_json_log_every_line_of_a_preview_with_a_mistake_is_json() {
    let copy = minimal();
    let server = Server::start(copy.root(), &["--watch", "--log-format", "json"]);
    let (line, col) = copy.replace("projects/parent-project.toml", "kind = \"project\"", "kind = \"projekt\"");
    let place = format!("projects/parent-project.toml:{line}:{}", col + 7);
    until(&server, "/projects/", "the banner", |p| p.contains(&place));
    let log = server.log_when(|log| log.contains("\"path\":\"/projects/\"") && log.contains("still serving"));
    assert!(log.contains(&place) && log.contains("\"hint\":\"did you mean `project`?"), "{log}");
    assert_eq!(not_json(&log), Vec::<&str>::new(), "every line is JSON:\n{log}");
}

#[test]
fn check_and_the_banner_show_the_same_lines_for_the_same_mistakes() {
    let copy = minimal();
    let server = Server::start(copy.root(), &["--watch"]);
    copy.replace("projects/parent-project.toml", "title =", "tittle =");
    copy.replace("people/ada-lovelace.md", "role = \"member\"", "role = \"membre\"");
    until(&server, "/", "the banner", |p| p.contains("tittle") && p.contains("membre"));
    let root = copy.root().to_str().unwrap();
    let check = common::groupsite(&["check", "--content", root, "--format", "short"]);
    let printed: Vec<&str> = check.stderr.lines().collect();
    let page = common::Page { status: 200, headers: Default::default(), body: server.page("/") };
    let shown = page.texts(".content-mistakes li");
    assert_eq!(printed.len(), 2, "{}", check.stderr);
    assert_eq!(shown, printed, "the banner lists what check prints, in its order");
}

#[test]
fn a_reload_that_panics_is_logged_and_shown_on_the_banner_and_watching_goes_on() {
    let copy = minimal();
    let server = Server::start_with(copy.root(), &["--watch"], &[("GROUPSITE_TEST_PANIC_ON_RELOAD", "1")]);
    copy.replace("projects/parent-project.toml", "Parent project", "Parent project, edited");
    until(&server, "/projects/", "the failure on the banner", |p| p.contains("failed while reloading the content"));
    assert!(server.page("/projects/").contains("Parent project<"), "the last good site is still served");
    let failed = |log: &str| log.matches("reloading the content failed").count();
    assert_eq!(failed(&server.log()), 1, "{}", server.log());
    copy.replace("projects/parent-project.toml", "Parent project, edited", "Parent project, edited again");
    let log = server.log_when(|log| failed(log) == 2);
    assert_eq!(failed(&log), 2, "the next save is reloaded too:\n{log}");
}

/// How many folders the server's file watcher watches, from the kernel's own account.
fn watched_folders(server: &Server) -> usize {
    let fdinfo = std::path::PathBuf::from(format!("/proc/{}/fdinfo", server.child.id()));
    std::fs::read_dir(fdinfo)
        .map(|fds| {
            fds.flatten()
                .map(|fd| std::fs::read_to_string(fd.path()).unwrap_or_default())
                .map(|info| info.lines().filter(|l| l.starts_with("inotify wd:")).count())
                .sum()
        })
        .unwrap_or_default()
}

#[test]
fn a_folder_moved_in_with_a_link_to_a_big_folder_outside_is_one_mistake_and_not_watched() {
    let outside = tempfile::tempdir().unwrap();
    for i in 0..300 {
        let folder = outside.path().join(format!("d{i}"));
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("f.png"), "x").unwrap();
    }
    let photos = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path(), photos.path().join("usr")).unwrap();
    let copy = minimal();
    let server = Server::start(copy.root(), &["--watch"]);
    let before = watched_folders(&server);
    assert!(before > 0, "the watcher's folders are visible");

    std::fs::rename(photos.path(), copy.path("media/photos")).unwrap();
    until(&server, "/", "the banner", |p| p.contains("media/photos/usr:1:1"));
    let page = server.page("/");
    assert_eq!(page.matches("<li><code>").count(), 1, "one mistake for the link:\n{page}");
    let after = watched_folders(&server);
    assert!(after <= before + 1, "{before} folders watched before, {after} after");
}

#[test]
fn deleting_all_people_is_held_back_until_any_file_is_saved_again() {
    // More people than the banner names (20), so that it counts the rest; and no file refers
    // to a person, so that the deletion is no mistake.
    let copy = minimal();
    copy.replace(
        "projects/parent-project.toml",
        "people = [{ person = \"ada-lovelace\", role = \"Project leader\" }]\n",
        "",
    );
    copy.replace("publications/beta-journal.md", "editors = [\"ada-lovelace\"]\n", "");
    for i in 0..22 {
        copy.write(&format!("people/person-{i:02}.toml"), format!("name = \"Person {i:02}\"\n"));
    }
    let people = 2 + 22;
    let server = Server::start(copy.root(), &["--watch"]);
    std::fs::remove_dir_all(copy.path("people")).unwrap();
    let banner = format!("This change removes {people} of {people} people.");
    until(&server, "/people/ada-lovelace/", "the held-back banner", |p| p.contains(&banner));
    let page = server.page("/people/ada-lovelace/");
    assert!(page.contains("<h1>Ada Lovelace</h1>"), "the last site is still served");
    assert!(page.contains("<li>Ada Lovelace <code>people/ada-lovelace</code></li>"), "the banner names who would go");
    assert!(page.contains("<li>Person 17 <code>people/person-17</code></li>"), "twenty of them");
    assert!(!page.contains("<code>people/person-18</code>"), "and no more");
    assert!(page.contains(&format!("<li>and {} more people</li>", people - 20)), "and counts the rest");
    assert!(page.contains("Save any file in the content folder again to publish the change, or undo the deletion."));
    let log = server.log();
    assert!(log.contains("WARN") && log.contains(&format!("{people} of {people} people")), "{log}");

    // The deletion's own events may straggle in after the banner; they do not publish it.
    // Nothing is waited for here but their absence.
    std::thread::sleep(Duration::from_millis(400));
    assert!(server.page("/people/ada-lovelace/").contains(&banner), "held back still; log:\n{}", server.log());

    // The folder is gone, so there is nothing in it to save: touching any file will do.
    let touched = std::process::Command::new("touch").arg(copy.path("site.toml")).status().unwrap();
    assert!(touched.success());
    until(&server, "/people/ada-lovelace/", "the deletion published", str::is_empty);
    assert!(!server.page("/").contains("content-held"), "no banner once published");
    assert_eq!(server.log().matches("change held back: it removes").count(), 1, "held back once");
    assert!(server.log().contains("saved again: publishing it"));
}

#[test]
fn undoing_a_held_back_deletion_keeps_everything_and_the_banner_goes() {
    let copy = minimal_with_two_pages();
    let server = Server::start(copy.root(), &["--watch"]);
    std::fs::rename(copy.path("pages"), copy.path(".pages-in-the-bin")).unwrap();
    until(&server, "/", "the held-back banner", |p| p.contains("This change removes 2 of 2 pages."));
    std::fs::rename(copy.path(".pages-in-the-bin"), copy.path("pages")).unwrap();
    until(&server, "/accessibility/", "the banner gone", |p| !p.is_empty() && !p.contains("content-held"));
    assert!(!server.log().contains(" 0 pages"), "the deletion was never published:\n{}", server.log());
}

#[test]
fn removing_half_of_a_kind_or_its_only_one_is_an_ordinary_edit() {
    let copy = minimal_with_two_pages();
    let server = Server::start(copy.root(), &["--watch"]);
    std::fs::remove_file(copy.path("pages/accessibility.md")).unwrap();
    until(&server, "/accessibility/", "one of two pages gone at once", str::is_empty);
    std::fs::remove_file(copy.path("pages/contact.md")).unwrap();
    until(&server, "/contact/", "the only page gone at once", str::is_empty);
    assert!(!server.page("/").contains("content-held"));
    assert!(!server.log().contains("change held back"), "{}", server.log());
}

#[test]
fn a_new_story_and_an_event_s_mistake_show_at_once_under_watch() {
    let copy = ContentCopy::of(&fixture("happenings"));
    let server = Server::start(copy.root(), &["--watch"]);
    copy.write(
        "news/fresh.md",
        "+++\ntitle = \"Fresh story\"\ndate = 2026-11-30\ngroups = [\"alpha\"]\n+++\nJust in.\n",
    );
    let took = until(&server, "/news/", "the new story", |p| p.contains("Fresh story"));
    assert!(took < Duration::from_secs(1), "took {took:?}");
    assert!(server.page("/groups/alpha/").contains("Fresh story"), "and on its group's page");
    let (line, col) =
        copy.replace("events/summer-seminar.md", "end = 2099-06-12T16:00:00", "end = 2099-06-12T13:00:00");
    let place = format!("events/summer-seminar.md:{line}:{}", col + 6);
    until(&server, "/events/", "the banner", |p| p.contains("content-mistakes") && p.contains(&place));
    assert!(server.page("/events/summer-seminar/").contains("14:00–16:00"), "the last good event is still served");
}

#[test]
fn the_preview_lists_what_is_not_translated_as_check_does_and_updates_when_a_translation_is_saved() {
    let copy = ContentCopy::of(&fixture("languages"));
    let server = Server::start(copy.root(), &["--watch"]);
    let checked = common::run_check(copy.root());
    let page = server.page("/nb/");
    for line in checked.stdout.lines().skip(1) {
        assert!(page.contains(&format!("<li><code>{line}</code></li>")), "{line} in {page}");
    }
    // Both bokmål and nynorsk lack the contact page's body.
    assert_eq!(page.matches("pages/ 1 of 1: body 1 (contact)").count(), 2, "{page}");
    copy.write("pages/contact.nb.md", "Skriv til [gruppen](/groups/alpha).\n");
    until(&server, "/nb/contact/", "the translated body", |p| p.contains("Skriv til"));
    let page = server.page("/nb/");
    assert_eq!(page.matches("pages/ 1 of 1: body 1 (contact)").count(), 1, "bokmål's line is gone: {page}");
    assert!(
        server.page("/nb/contact/").contains("href=\"/nb/groups/alpha/\""),
        "a translated body links in its language"
    );
}

#[test]
fn a_replaced_photo_gets_sizes_of_its_own_and_they_are_made_in_the_background() {
    let copy = minimal();
    let server = Server::start(copy.root(), &["--watch"]);
    let widest = |page: &str| {
        let srcset = page.split("class=\"portrait\"").nth(1).and_then(|s| s.split("srcset=\"").nth(1));
        let srcset = srcset.and_then(|s| s.split('"').next()).unwrap_or_default();
        srcset.rsplit(", ").next().and_then(|c| c.split(' ').next()).unwrap_or_default().to_owned()
    };
    let before = widest(&server.page("/people/ada-lovelace/"));
    assert!(before.starts_with("/images/ada-400."), "{before}");

    let larger = image::RgbImage::from_fn(600, 600, |x, y| image::Rgb([(x / 3) as u8, (y / 3) as u8, 90]));
    larger.save_with_format(copy.path("media/ada.png"), image::ImageFormat::Png).unwrap();
    until(&server, "/people/ada-lovelace/", "the new photo's sizes", |p| widest(p).starts_with("/images/ada-480."));
    let after = widest(&server.page("/people/ada-lovelace/"));
    let request = format!("GET {after} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    let started = Instant::now();
    while !server.raw(&request).starts_with("HTTP/1.1 200") {
        // At nice 10, the making waits for whatever else the machine runs (a parallel test run).
        assert!(started.elapsed() < Duration::from_secs(30), "{after} is made; log:\n{}", server.log());
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(server.raw(&request).contains("cache-control: public, max-age=31536000, immutable"));
}

/// Every file under `dir`, by its path relative to `dir`.
fn files(dir: &std::path::Path) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("under the folder").to_path_buf();
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

/// Builds `copy` as the watcher does, from `memo`, and afresh, and asserts that both give the
/// same site: every exported file byte for byte, or the same mistakes at the same places.
async fn same_as_a_full_reload(copy: &ContentCopy, memo: &mut groupsite::build::Memo, step: &str) {
    let remembered = groupsite::build::site_remembering(copy.root(), Some(memo));
    let full = groupsite::build::site(copy.root());
    match (remembered, full) {
        (Ok(remembered), Ok(full)) => {
            assert_eq!(remembered.warnings.lines(), full.warnings.lines(), "{step}: warnings");
            let out = tempfile::tempdir().expect("a folder");
            let mut exported = Vec::new();
            for (name, site) in [("remembered", remembered.site), ("full", full.site)] {
                let dir = out.path().join(name);
                groupsite::export::export(site, copy.root(), &dir, "https://example.org/", common::image_cache())
                    .await
                    .unwrap_or_else(|e| panic!("{step}: export: {e}"));
                exported.push(files(&dir));
            }
            let (remembered, full) = (&exported[0], &exported[1]);
            let paths = |files: &std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>| {
                files.keys().cloned().collect::<Vec<_>>()
            };
            assert_eq!(paths(remembered), paths(full), "{step}: the files exported");
            let differing: Vec<_> =
                full.iter().filter(|(path, bytes)| remembered[*path] != **bytes).map(|(path, _)| path).collect();
            assert!(differing.is_empty(), "{step}: these pages differ: {differing:?}");
            assert!(full.len() > 20, "{step}: only {} files exported", full.len());
        }
        (Err(remembered), Err(full)) => {
            assert_eq!(remembered.lines(), full.lines(), "{step}: the mistakes");
            assert!(!full.lines().is_empty(), "{step}: no mistake named");
        }
        (remembered, full) => panic!(
            "{step}: the reload from the memo {} and the full one {}",
            if remembered.is_ok() { "built" } else { "failed" },
            if full.is_ok() { "built" } else { "failed" },
        ),
    }
}

/// The watcher reads again only the files a save changed; after each of a run of edits,
/// renames, deletions, mistakes and their fixes, the site it builds so is the one a full
/// reload builds.
#[tokio::test]
async fn a_reload_that_reads_only_the_changed_files_builds_what_a_full_reload_builds() {
    let copy = minimal();
    // Files last changed an hour ago, so that their size and time vouch for their text.
    let hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    for file in files(copy.root()).keys() {
        let file = std::fs::File::options().append(true).open(copy.path(&file.to_string_lossy())).expect("open");
        file.set_modified(hour_ago).expect("set the time of change");
    }
    let mut memo = groupsite::build::Memo::default();
    same_as_a_full_reload(&copy, &mut memo, "the first load").await;
    assert!(memo.len() >= 10, "the memo holds {} files after the first load", memo.len());

    copy.replace("people/ada-lovelace.md", "name = \"Ada Lovelace\"", "name = \"Ada King\"");
    same_as_a_full_reload(&copy, &mut memo, "a name changed").await;
    copy.replace("people/ada-lovelace.md", "name = \"Ada King\"", "name = \"Ada Kong\"");
    same_as_a_full_reload(&copy, &mut memo, "a name changed to one as long").await;
    copy.replace("people/ada-lovelace.md", "Ada's bio.", "Ada's *new* bio, [with a link](/projects/).");
    same_as_a_full_reload(&copy, &mut memo, "a body changed").await;
    // Again, the file now settled: its text is not read again, and what it read as is kept.
    let file = std::fs::File::options().append(true).open(copy.path("people/ada-lovelace.md")).expect("open");
    file.set_modified(hour_ago).expect("set the time of change");
    same_as_a_full_reload(&copy, &mut memo, "the changed body, settled").await;

    let child = std::fs::read_to_string(copy.path("projects/child-project.toml")).expect("read");
    std::fs::rename(copy.path("projects/child-project.toml"), copy.path("projects/little-project.toml"))
        .expect("rename");
    same_as_a_full_reload(&copy, &mut memo, "a project renamed").await;
    // The same text at another path is another entity, with the slug of its own file.
    copy.write("projects/child-project.toml", &child);
    same_as_a_full_reload(&copy, &mut memo, "the same project under both names").await;
    std::fs::remove_file(copy.path("projects/little-project.toml")).expect("remove");
    same_as_a_full_reload(&copy, &mut memo, "the renamed copy deleted").await;

    let acme = std::fs::read_to_string(copy.path("partners/acme.toml")).expect("read");
    std::fs::remove_file(copy.path("partners/acme.toml")).expect("remove");
    same_as_a_full_reload(&copy, &mut memo, "a partner still named deleted").await;
    copy.write("partners/acme.toml", &acme);
    same_as_a_full_reload(&copy, &mut memo, "the partner back").await;

    copy.replace("people/ada-lovelace.md", "title = \"Professor\"", "title = \"Professor");
    same_as_a_full_reload(&copy, &mut memo, "a broken file").await;
    copy.replace("people/ada-lovelace.md", "title = \"Professor", "title = \"Professor\"");
    same_as_a_full_reload(&copy, &mut memo, "the broken file fixed").await;
    copy.replace("projects/child-project.toml", "groups = [\"beta\"]", "groups = [\"gamma\"]");
    same_as_a_full_reload(&copy, &mut memo, "a reference to nothing").await;
    copy.replace("projects/child-project.toml", "groups = [\"gamma\"]", "groups = [\"alpha\"]");
    same_as_a_full_reload(&copy, &mut memo, "the reference to another group").await;
}

/// Told by the watcher which paths changed, a reload looks only at those files (a folder
/// among them makes it walk); after each save, new file, rename, deletion, mistake and new
/// folder, the site it builds is the one a full reload builds.
#[tokio::test]
async fn a_reload_told_which_paths_changed_builds_what_a_full_reload_builds() {
    let copy = minimal();
    let mut memo = groupsite::build::Memo::default();
    same_as_a_full_reload(&copy, &mut memo, "the first load").await;
    let changed = |memo: &mut groupsite::build::Memo, paths: &[&str]| {
        memo.changed_only(paths.iter().map(|p| (*p).to_owned()).collect());
    };

    copy.replace("people/ada-lovelace.md", "name = \"Ada Lovelace\"", "name = \"Ada King\"");
    changed(&mut memo, &["people/ada-lovelace.md"]);
    same_as_a_full_reload(&copy, &mut memo, "a name changed").await;

    let child = std::fs::read_to_string(copy.path("projects/child-project.toml")).expect("read");
    std::fs::rename(copy.path("projects/child-project.toml"), copy.path("projects/little-project.toml"))
        .expect("rename");
    changed(&mut memo, &["projects/child-project.toml", "projects/little-project.toml"]);
    same_as_a_full_reload(&copy, &mut memo, "a project renamed").await;
    copy.write("projects/child-project.toml", &child);
    changed(&mut memo, &["projects/child-project.toml"]);
    same_as_a_full_reload(&copy, &mut memo, "the same project under both names").await;
    std::fs::remove_file(copy.path("projects/little-project.toml")).expect("remove");
    changed(&mut memo, &["projects/little-project.toml", "projects/.little-project.toml.swp"]);
    same_as_a_full_reload(&copy, &mut memo, "the renamed copy deleted").await;

    copy.replace("people/ada-lovelace.md", "title = \"Professor\"", "title = \"Professor");
    changed(&mut memo, &["people/ada-lovelace.md"]);
    same_as_a_full_reload(&copy, &mut memo, "a broken file").await;
    copy.replace("people/ada-lovelace.md", "title = \"Professor", "title = \"Professor\"");
    changed(&mut memo, &["people/ada-lovelace.md"]);
    same_as_a_full_reload(&copy, &mut memo, "the broken file fixed").await;

    // A file in a folder no kind has is a mistake, whether the folder is new or not.
    copy.write("stuff/note.md", "+++\n+++\n");
    changed(&mut memo, &["stuff", "stuff/note.md"]);
    same_as_a_full_reload(&copy, &mut memo, "an unknown folder made").await;
    copy.write("stuff/other.md", "+++\n+++\n");
    changed(&mut memo, &["stuff/other.md"]);
    same_as_a_full_reload(&copy, &mut memo, "a file added to the unknown folder").await;
    std::fs::remove_dir_all(copy.path("stuff")).expect("remove");
    changed(&mut memo, &["stuff", "stuff/note.md", "stuff/other.md"]);
    same_as_a_full_reload(&copy, &mut memo, "the unknown folder removed").await;

    // A file the watcher did not name is still read once the next change is a folder's.
    copy.replace("people/ada-lovelace.md", "name = \"Ada King\"", "name = \"Ada Kong\"");
    std::fs::create_dir(copy.path("projects/archive")).expect("a folder");
    changed(&mut memo, &["projects/archive"]);
    same_as_a_full_reload(&copy, &mut memo, "a folder made, and a file changed unnamed").await;
    copy.write("projects/archive/old-project.toml", child.replace("Child", "Old"));
    changed(&mut memo, &["projects/archive/old-project.toml"]);
    same_as_a_full_reload(&copy, &mut memo, "a project in the new folder").await;
}
