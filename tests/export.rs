//! `groupsite export` into folders that already hold something: only a folder an export marked
//! with its manifest counts as an earlier export, what the site's owner added to an export
//! survives the next one, a failed export leaves the earlier one as it was, and `--out` must
//! name a folder.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{ContentCopy, Outcome, fixture};

/// Runs `groupsite export` of `content` into `out`.
fn export(content: &Path, out: &Path) -> Outcome {
    common::groupsite(&["export", "--content", content.to_str().unwrap(), "--out", out.to_str().unwrap()])
}

/// Every file under `folder` with its bytes, and every folder (as `None`), by relative path.
fn snapshot(folder: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    walkdir::WalkDir::new(folder)
        .min_depth(1)
        .into_iter()
        .map(|entry| {
            let entry = entry.unwrap();
            let bytes = entry.file_type().is_file().then(|| std::fs::read(entry.path()).unwrap());
            (entry.path().strip_prefix(folder).unwrap().to_path_buf(), bytes)
        })
        .collect()
}

/// Asserts that `folder` is as `before` was, byte for byte, nothing added or lost.
fn assert_as_it_was(folder: &Path, before: &BTreeMap<PathBuf, Option<Vec<u8>>>) {
    let after = snapshot(folder);
    let survived = before.iter().filter(|(path, bytes)| after.get(*path) == Some(bytes)).count();
    assert_eq!(survived, before.len(), "{survived} of {} files and folders are as they were", before.len());
    assert_eq!(&after, before, "nothing is added either");
}

/// The names in `folder`: an export leaves nothing beside its target, however it ends.
fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// Writes `contents` to `folder/relative`, making folders as needed.
fn put(folder: &Path, relative: &str, contents: &[u8]) {
    let path = folder.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

/// What a site's owner adds to an export: a domain for GitHub Pages, a repository, a
/// security contact, Apache settings, downloads, and a file inside a folder the export wrote.
const USER_FILES: [(&str, &[u8]); 7] = [
    ("CNAME", b"research.example.org\n"),
    (".git/HEAD", b"ref: refs/heads/main\n"),
    (".git/objects/ab/cdef0123", b"\x78\x01\x4b\xca\xc9\x4f\x52\x30\x65\x00\x00"),
    (".well-known/security.txt", b"Contact: mailto:security@example.org\n"),
    (".htaccess", b"ErrorDocument 404 /404.html\n"),
    ("downloads/annual-report.pdf", b"%PDF-1.7 not really\n"),
    ("people/ada-lovelace/cv.pdf", b"%PDF-1.7 a CV\n"),
];

#[test]
fn a_folder_that_only_looks_like_an_export_is_refused_and_left_as_it_was() {
    let parent = tempfile::tempdir().unwrap();
    let folder = parent.path().join("documents");
    for (file, contents) in [
        ("index.html", &b"<p>my own home page</p>"[..]),
        ("404.html", b"<p>lost</p>"),
        ("sitemap.xml", b"<urlset/>"),
        (".git/HEAD", b"ref: refs/heads/main\n"),
        ("thesis.txt", b"mine"),
    ] {
        put(&folder, file, contents);
    }
    let before = snapshot(&folder);
    let refused = export(&fixture("minimal"), &folder);
    assert_as_it_was(&folder, &before);
    assert_eq!(refused.code, Some(1), "{}", refused.stdout);
    assert!(refused.stderr.contains("holds no earlier export"), "{}", refused.stderr);
    assert_eq!(names_in(parent.path()), ["documents"]);
}

#[test]
fn a_second_export_keeps_what_the_user_added_and_removes_only_what_the_content_no_longer_has() {
    let copy = ContentCopy::of(&fixture("minimal"));
    let parent = tempfile::tempdir().unwrap();
    let site = parent.path().join("site");
    let first = export(copy.root(), &site);
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    let first_manifest = std::fs::read_to_string(site.join(".groupsite-export")).unwrap_or_default();
    assert!(site.join("people/dina-von-heimburg/index.html").exists());
    for (file, contents) in USER_FILES {
        put(&site, file, contents);
    }
    std::fs::remove_file(copy.path("people/dina-von-heimburg.toml")).unwrap();

    let again = export(copy.root(), &site);
    assert_eq!(again.code, Some(0), "{}", again.stderr);
    let survived = USER_FILES
        .iter()
        .filter(|(file, contents)| std::fs::read(site.join(file)).ok().as_deref() == Some(*contents))
        .count();
    assert_eq!(survived, USER_FILES.len(), "{survived} of {} user files survived", USER_FILES.len());
    assert!(again.stdout.contains("files of the earlier export removed"), "{}", again.stdout);
    for gone in [
        "people/dina-von-heimburg/index.html",
        "people/dina-von-heimburg.vcf",
        "people/dina-von-heimburg.vcf.br",
        "people/dina-von-heimburg",
    ] {
        assert!(!site.join(gone).exists(), "{gone} is gone");
    }
    assert!(site.join("people/ada-lovelace/index.html").exists());
    assert!(first_manifest.starts_with("# groupsite export"), "the manifest names its writer: {first_manifest}");
    assert!(first_manifest.lines().any(|l| l == "people/dina-von-heimburg/index.html"), "{first_manifest}");
    let manifest = std::fs::read_to_string(site.join(".groupsite-export")).unwrap();
    assert!(!manifest.contains("people/dina-von-heimburg"), "{manifest}");
    assert!(!manifest.contains("CNAME") && !manifest.contains("cv.pdf"), "a user's file is never listed: {manifest}");
    assert_eq!(names_in(parent.path()), ["site"]);
}

#[tokio::test]
async fn a_failed_export_leaves_the_earlier_one_as_it_was_byte_for_byte() {
    let copy = ContentCopy::of(&fixture("minimal"));
    let parent = tempfile::tempdir().unwrap();
    let site = parent.path().join("site");
    let base = "https://example.org/";
    let checked = common::check(copy.root()).unwrap();
    groupsite::export::export(checked, copy.root(), &site, base, common::image_cache()).await.unwrap();
    put(&site, "CNAME", b"research.example.org\n");
    let before = snapshot(&site);

    // The content changes, so every page changes; then a media file goes while the site is
    // exported, after the pages are drawn and before the media are.
    copy.replace("groups/alpha.md", "name = \"Alpha Group\"", "name = \"Alpha Research Group\"");
    let checked = common::check(copy.root()).unwrap();
    std::fs::remove_file(copy.path("media/hero.png")).unwrap();
    let failed = groupsite::export::export(checked, copy.root(), &site, base, common::image_cache()).await;
    assert!(
        matches!(&failed, Err(groupsite::export::ExportError::Page { path, .. }) if path == "/media/hero.png"),
        "{failed:?}"
    );

    assert_as_it_was(&site, &before);
    assert_eq!(names_in(parent.path()), ["site"], "no folder is left beside it");
}

#[test]
fn a_users_file_where_the_new_export_writes_is_kept_and_the_export_refused() {
    let copy = ContentCopy::of(&fixture("minimal"));
    let parent = tempfile::tempdir().unwrap();
    let site = parent.path().join("site");
    assert_eq!(export(copy.root(), &site).code, Some(0));
    put(&site, "about/index.html", b"<p>about us, by hand</p>");
    put(&site, "CNAME", b"research.example.org\n");
    let before = snapshot(&site);

    copy.write("pages/about.md", "+++\ntitle = \"About\"\n+++\nAbout us.\n");
    let refused = export(copy.root(), &site);
    assert_eq!(refused.code, Some(1), "{}", refused.stdout);
    assert!(refused.stderr.contains("about/index.html"), "the file in the way is named: {}", refused.stderr);
    assert_as_it_was(&site, &before);
    assert_eq!(names_in(parent.path()), ["site"]);
}

#[test]
fn export_into_a_file_says_it_is_not_a_folder() {
    let parent = tempfile::tempdir().unwrap();
    let file = parent.path().join("site.tar");
    std::fs::write(&file, "an archive").unwrap();
    let refused = export(&fixture("minimal"), &file);
    assert_eq!(refused.code, Some(1));
    assert!(refused.stderr.contains("is not a folder"), "{}", refused.stderr);
    assert!(!refused.stderr.contains("not empty"), "{}", refused.stderr);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "an archive");
}

#[test]
fn export_through_a_link_replaces_the_folder_it_points_to_and_keeps_the_link() {
    let parent = tempfile::tempdir().unwrap();
    let real = parent.path().join("releases/site");
    std::fs::create_dir_all(&real).unwrap();
    let link = parent.path().join("site");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    assert_eq!(export(&fixture("minimal"), &link).code, Some(0));
    put(&real, "CNAME", b"research.example.org\n");
    let again = export(&fixture("minimal"), &link);
    assert_eq!(again.code, Some(0), "{}", again.stderr);
    assert_eq!(std::fs::read_link(&link).unwrap(), real, "the link is still a link, to the same folder");
    assert!(real.join("index.html").is_file());
    assert_eq!(std::fs::read(real.join("CNAME")).unwrap(), b"research.example.org\n");
    assert_eq!(names_in(parent.path()), ["releases", "site"]);
    assert_eq!(names_in(&parent.path().join("releases")), ["site"]);
}

#[test]
fn export_never_writes_into_the_content_folder() {
    let copy = ContentCopy::of(&fixture("minimal"));
    let inside = copy.path("site-export");
    let outcome = export(copy.root(), &inside);
    assert_eq!(outcome.code, Some(1));
    assert!(outcome.stderr.contains("inside the content folder"), "{}", outcome.stderr);
    assert!(!inside.exists());
    // Nor into a folder that holds it, which swapping in the export would move.
    let holder = ContentCopy::of(fixture("minimal").parent().unwrap());
    let holding = export(&holder.path("content"), holder.root());
    assert_eq!(holding.code, Some(1));
    assert!(holding.stderr.contains("holds the content folder"), "{}", holding.stderr);
}

#[test]
fn a_free_page_named_404_does_not_take_the_place_of_the_not_found_page() {
    let copy = ContentCopy::of(&fixture("minimal"));
    copy.write("pages/404.md", "+++\ntitle = \"Four hundred and four\"\n+++\nA page about a number.\n");
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    let outcome = export(copy.root(), &target);
    assert_eq!(outcome.code, Some(0), "{}", outcome.stderr);
    let not_found = std::fs::read_to_string(target.join("404.html")).unwrap();
    assert!(not_found.contains("Page not found"), "404.html is the not-found page");
    let page = std::fs::read_to_string(target.join("404/index.html")).unwrap();
    assert!(page.contains("Four hundred and four"));
}

#[test]
fn the_export_writes_the_icon_every_page_links_and_favicon_ico() {
    let copy = ContentCopy::of(&fixture("minimal"));
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    let outcome = export(copy.root(), &target);
    assert_eq!(outcome.code, Some(0), "{}", outcome.stderr);
    let home = std::fs::read_to_string(target.join("index.html")).unwrap();
    let start = home.find("<link rel=\"icon\" href=\"/").expect("the home page links an icon") + 23;
    let href = &home[start..start + home[start..].find('"').unwrap()];
    assert!(href.starts_with("/assets/icon.") && href.ends_with(".svg"), "{href}");
    let icon = std::fs::read(target.join(href.trim_start_matches('/'))).expect("the linked icon is written");
    assert!(icon.starts_with(b"<svg"));
    assert_eq!(std::fs::read(target.join("favicon.ico")).unwrap(), icon, "favicon.ico is the same icon");
    let missing = std::fs::read_to_string(target.join("404.html")).unwrap();
    assert!(missing.contains(&format!("<link rel=\"icon\" href=\"{href}\"")), "so is the not-found page's");
}
