//! The loader on small fixture folders: what a checked site holds, the indices pages use,
//! and content that must never make `check` panic.

mod common;

use std::fs;

use common::{ContentCopy, check, errors, fixture, groupsite};
use groupsite::ContentError;
use groupsite::model::{Role, Slug};

fn slug(s: &str) -> Slug {
    Slug::parse(s).expect("a valid slug")
}

#[test]
fn fixture_loads_every_entity() {
    let site = check(&fixture("minimal")).expect("the fixture is clean");
    assert_eq!(site.summary(), "2 groups, 2 projects, 2 people, 1 partner, 1 publication, 1 practice, 1 page");
    assert_eq!(site.settings.name, "Test Site");
}

#[test]
fn files_editors_keep_beside_the_content_are_ignored() {
    let copy = ContentCopy::of(&fixture("minimal"));
    copy.write("projects/#child-project.toml#", "half a save");
    copy.write("projects/4913", "");
    copy.write("projects/.child-project.toml.swp", [0u8, 1, 2]);
    let site = check(copy.root()).unwrap_or_else(|report| panic!("editors' files are not content:\n{report}"));
    assert_eq!(site.projects.len(), 2);
}

#[test]
fn markdown_is_rendered_at_load_and_script_removed() {
    let site = check(&fixture("minimal")).expect("clean");
    let about = site.groups[&slug("alpha")].about.as_str();
    assert!(about.contains("About <em>Alpha</em>."), "{about}");
    assert!(!about.contains("<script"), "{about}");
    assert_eq!(site.people[&slug("ada-lovelace")].bio.as_str().trim(), "<p>Ada's bio.</p>");
}

#[test]
fn group_knows_its_projects_people_partners_publications_and_practices() {
    let site = check(&fixture("minimal")).expect("clean");
    let titles = |g: &str| site.projects_of_group(&slug(g)).map(|p| p.title.as_str()).collect::<Vec<_>>();
    assert_eq!(titles("alpha"), ["Parent project"]);
    assert_eq!(titles("beta"), ["Child project", "Parent project"]);
    let people = |g: &str, r| {
        site.people_of_group(&slug(g), r, site.today(chrono::Utc::now())).map(|p| p.name.as_str()).collect::<Vec<_>>()
    };
    assert_eq!(people("alpha", Role::Member), ["Ada Lovelace"]);
    assert_eq!(people("alpha", Role::ExternalMember), ["Dina von Heimburg"]);
    assert_eq!(people("beta", Role::AdvisoryBoard), ["Ada Lovelace"]);
    assert!(people("beta", Role::Member).is_empty());
    assert_eq!(site.partners_of_group(&slug("alpha")).map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Acme Institute"]);
    let publications = site.publications_of_group(&slug("beta")).map(|p| p.title.as_str()).collect::<Vec<_>>();
    assert_eq!(publications, ["Beta Journal"]);
    assert_eq!(site.practices_of_group(&slug("beta")).map(|p| p.title.as_str()).collect::<Vec<_>>(), ["Town Deal"]);
}

#[test]
fn person_knows_groups_projects_and_publications() {
    let site = check(&fixture("minimal")).expect("clean");
    let ada = &site.people[&slug("ada-lovelace")];
    let groups: Vec<_> =
        site.groups_of_person(ada, site.today(chrono::Utc::now())).map(|(g, r)| (g.name.as_str(), r)).collect();
    assert_eq!(groups, [("Alpha Group", Role::Member), ("Beta Centre", Role::AdvisoryBoard)]);
    let projects: Vec<_> = site.projects_of_person(&ada.slug).map(|p| p.title.as_str()).collect();
    assert_eq!(projects, ["Parent project"]);
    let edited: Vec<_> = site.publications_of_person(&ada.slug).map(|p| p.title.as_str()).collect();
    assert_eq!(edited, ["Beta Journal"]);
    assert_eq!(site.people[&slug("dina-von-heimburg")].family_name(), "von Heimburg");
    assert_eq!(ada.family_name(), "Lovelace");
}

#[test]
fn project_knows_sub_projects_and_partner_knows_projects() {
    let site = check(&fixture("minimal")).expect("clean");
    let subs: Vec<_> = site.subprojects(&slug("parent-project")).map(|p| p.title.as_str()).collect();
    assert_eq!(subs, ["Child project"]);
    assert_eq!(site.subprojects(&slug("child-project")).count(), 0);
    let coordinated: Vec<_> = site.projects_of_partner(&slug("acme")).map(|p| p.title.as_str()).collect();
    assert_eq!(coordinated, ["Parent project"]);
}

#[test]
fn media_files_are_listed_and_links_out_of_media_refused() {
    let site = check(&fixture("minimal")).expect("clean");
    assert_eq!(site.media.iter().map(String::as_str).collect::<Vec<_>>(), ["media/ada.png", "media/hero.png"]);
    let copy = ContentCopy::of(&fixture("minimal"));
    std::os::unix::fs::symlink(copy.path("site.toml"), copy.path("media/site.png")).unwrap();
    let errors = copy.errors();
    let [ContentError::MediaOutside { at }] = errors.as_slice() else { panic!("{errors:?}") };
    assert_eq!(at.to_string(), "media/site.png:1:1");
}

/// A folder outside the content, of `files` files in folders of a hundred.
fn outside_folder(files: usize) -> tempfile::TempDir {
    let outside = tempfile::tempdir().unwrap();
    for i in 0..files {
        let folder = outside.path().join(format!("d{}", i / 100));
        fs::create_dir_all(&folder).unwrap();
        fs::write(folder.join(format!("f{i}.md")), "+++\n+++\n").unwrap();
    }
    outside
}

#[test]
fn a_link_in_media_to_a_big_folder_outside_is_one_mistake_and_not_walked() {
    let outside = outside_folder(4000);
    let copy = ContentCopy::of(&fixture("minimal"));
    std::os::unix::fs::symlink(outside.path(), copy.path("media/usr")).unwrap();
    let started = std::time::Instant::now();
    let errors = copy.errors();
    let took = started.elapsed();
    let [ContentError::LinkOutside { at, target }] = errors.as_slice() else {
        panic!("{} errors, first {:?}", errors.len(), errors.first())
    };
    assert_eq!(at.to_string(), "media/usr:1:1");
    let real = fs::canonicalize(outside.path()).unwrap();
    assert_eq!(target, &real.display().to_string());
    assert!(errors[0].hint().is_some_and(|h| h.contains("copy the files in")), "{:?}", errors[0].hint());
    assert!(took < std::time::Duration::from_millis(500), "took {took:?}");
}

#[test]
fn links_out_of_any_folder_or_to_nothing_are_one_mistake_each_and_links_within_work() {
    let outside = outside_folder(3);
    let copy = ContentCopy::of(&fixture("minimal"));
    std::os::unix::fs::symlink(outside.path(), copy.path("people/alumni")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("d0/f0.md"), copy.path("pages/about.md")).unwrap();
    std::os::unix::fs::symlink("gone.png", copy.path("media/old.png")).unwrap();
    let errors = copy.errors();
    let found: Vec<_> = errors
        .iter()
        .map(|e| match e {
            ContentError::LinkOutside { at, .. } => format!("{at} leads outside"),
            ContentError::DanglingLink { at, target } => format!("{at} leads to {target}, which is not there"),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        found,
        [
            "media/old.png:1:1 leads to gone.png, which is not there",
            "pages/about.md:1:1 leads outside",
            "people/alumni:1:1 leads outside"
        ]
    );

    let within = ContentCopy::of(&fixture("minimal"));
    std::os::unix::fs::symlink("hero.png", within.path("media/banner.png")).unwrap();
    let site = check(within.root()).unwrap_or_else(|report| panic!("a link within media/ is fine:\n{report}"));
    assert!(site.media.contains("media/banner.png"));
}

#[test]
fn required_list_left_empty_is_an_error() {
    let copy = ContentCopy::of(&fixture("minimal"));
    copy.write("practices/town-deal.toml", "title = \"Town Deal\"\nlevel = \"municipality\"\ngroups = []\n");
    let errors = copy.errors();
    let [ContentError::EmptyList { at, field: "groups" }] = errors.as_slice() else { panic!("{errors:?}") };
    assert_eq!(at.to_string(), "practices/town-deal.toml:3:10");
}

#[test]
fn missing_site_file_is_an_error() {
    let copy = ContentCopy::of(&fixture("minimal"));
    fs::remove_file(copy.path("site.toml")).unwrap();
    let errors = copy.errors();
    assert!(matches!(errors.as_slice(), [ContentError::MissingSiteFile { .. }]), "{errors:?}");
}

#[test]
fn missing_content_folder_exits_1_with_a_message() {
    let outcome = groupsite(&["check", "--content", "/nonexistent/groupsite-content"]);
    assert_eq!(outcome.code, Some(1));
    assert!(outcome.stderr.contains("/nonexistent/groupsite-content"), "{}", outcome.stderr);
    assert!(outcome.stderr.contains("--content DIR"), "{}", outcome.stderr);
}

#[test]
fn content_folder_from_the_environment() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_groupsite"))
        .arg("check")
        .env("GROUPSITE_CONTENT", fixture("minimal"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("2 groups, 2 projects"));
}

/// Whatever the files hold, `check` reports and exits 1; it never panics.
#[test]
fn hostile_files_are_reported_never_a_panic() {
    let copy = ContentCopy::of(&fixture("minimal"));
    copy.write("people/empty.toml", "");
    copy.write("pages/empty.md", "");
    copy.write("people/binary.toml", [0u8, 159, 146, 150, 0, 255, 1, 2]);
    copy.write("pages/latin1.md", b"+++\ntitle = \"Bl\xe5b\xe6r\"\n+++\n");
    copy.write("projects/only-delimiters.md", "+++\n+++\n");
    copy.write("partners/deep.toml", format!("name = {}", "[".repeat(100_000)));
    copy.write(
        "practices/crlf.md",
        "+++\r\ntitle = \"Crlf\"\r\nlevel = \"national\"\r\ngroups = [\"alpha\"]\r\n+++\r\nBody\r\n",
    );
    std::os::unix::fs::symlink("..", copy.path("groups/loop")).unwrap();
    let outcome = copy.run_check();
    assert_eq!(outcome.code, Some(1), "{}", outcome.stderr);
    assert!(!outcome.stderr.contains("panicked"), "{}", outcome.stderr);
    for place in [
        "people/empty.toml:1:1",
        "pages/empty.md:1:1",
        "people/binary.toml:1:2",
        "pages/latin1.md:2:12",
        "projects/only-delimiters.md:1:1",
        "partners/deep.toml:1:",
        "groups/loop",
    ] {
        assert!(outcome.stderr.contains(place), "stderr lacks {place}:\n{}", outcome.stderr);
    }
    assert!(!outcome.stderr.contains("crlf.md"), "a CRLF file is fine:\n{}", outcome.stderr);
    assert_eq!(errors(copy.root()).len(), 7);
}
