//! Images: each is offered in widths fit for its place, as WebP and in its own format (a
//! portrait as AVIF too), upright and without its metadata, made in the background into a
//! cache outside the content; what cannot be shown is named by `check` with the file that
//! uses it.
//!
//! The fixture `tests/fixtures/images/` holds text only: every image is made here, so each
//! case says what is in its pictures.

mod common;

use std::path::Path;

use common::{ContentCopy, fixture, page, request};
use image::{Rgb, RgbImage};
use img_parts::ImageEXIF;

const RED: [u8; 3] = [220, 30, 30];
const BLUE: [u8; 3] = [30, 60, 220];
const GREEN: [u8; 3] = [30, 200, 60];
/// Words in the camera's EXIF that must never reach a visitor.
const SECRET: &str = "GPS-SECRET-63.4305N";

/// A picture `width`×`height` whose rows above `split` (a fraction of the height) are `top`
/// and the rest `rest`, with a little texture so it encodes like a photo.
fn picture(width: u32, height: u32, split: f32, top: [u8; 3], rest: [u8; 3]) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        let [r, g, b] = if (y as f32) < split * height as f32 { top } else { rest };
        let grain = ((x * 7 + y * 13) % 9) as u8;
        Rgb([r.saturating_add(grain), g.saturating_add(grain), b.saturating_add(grain)])
    })
}

fn encoded(image: &RgbImage, format: image::ImageFormat) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, format).expect("an encoded image");
    out.into_inner()
}

/// A camera's EXIF: the orientation, a description with [`SECRET`] and a GPS position.
fn camera_exif(orientation: u16) -> Vec<u8> {
    let mut tiff: Vec<u8> = b"II\x2a\0\x08\0\0\0".to_vec();
    let entry = |tiff: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        tiff.extend(tag.to_le_bytes());
        tiff.extend(kind.to_le_bytes());
        tiff.extend(count.to_le_bytes());
        tiff.extend(value);
    };
    // IFD0 at 8: three entries (2 + 36 + 4 bytes), then the GPS IFD at 50, its rationals at
    // 80, the description at 104.
    tiff.extend(3u16.to_le_bytes());
    let o = orientation.to_le_bytes();
    entry(&mut tiff, 0x010E, 2, SECRET.len() as u32 + 1, 104u32.to_le_bytes());
    entry(&mut tiff, 0x0112, 3, 1, [o[0], o[1], 0, 0]);
    entry(&mut tiff, 0x8825, 4, 1, 50u32.to_le_bytes());
    tiff.extend(0u32.to_le_bytes());
    tiff.extend(2u16.to_le_bytes());
    entry(&mut tiff, 0x0001, 2, 2, *b"N\0\0\0");
    entry(&mut tiff, 0x0002, 5, 3, 80u32.to_le_bytes());
    tiff.extend(0u32.to_le_bytes());
    for (n, d) in [(63u32, 1u32), (25, 1), (4321, 100)] {
        tiff.extend(n.to_le_bytes());
        tiff.extend(d.to_le_bytes());
    }
    assert_eq!(tiff.len(), 104);
    tiff.extend(SECRET.as_bytes());
    tiff.push(0);
    tiff
}

/// A JPEG as a phone writes it: stored sideways with EXIF orientation 6 (turn right to view),
/// and [`camera_exif`]'s position.
fn phone_jpeg(stored: &RgbImage) -> Vec<u8> {
    let bytes = encoded(stored, image::ImageFormat::Jpeg);
    let mut jpeg = img_parts::jpeg::Jpeg::from_bytes(bytes.into()).expect("a JPEG");
    jpeg.set_exif(Some(camera_exif(6).into()));
    jpeg.encoder().bytes().to_vec()
}

/// The images fixture with its pictures:
/// - `ana.jpg`, a phone's photo 600×400 stored sideways: upright it is 400×600, red in its
///   top quarter (the stored left quarter) and blue below;
/// - `ben.png`, 400×800, green in its top quarter, shown with `focus = "top"`;
/// - `hero.jpg`, 2000×800; `story.jpg`, 1000×600; `logo.png`, 400×160;
/// - `lab.svg`, a plain drawing 120×40.
fn with_pictures() -> ContentCopy {
    let copy = ContentCopy::of(&fixture("images"));
    let sideways = RgbImage::from_fn(600, 400, |x, _| Rgb(if x < 150 { RED } else { BLUE }));
    copy.write("media/ana.jpg", phone_jpeg(&sideways));
    copy.write("media/ben.png", encoded(&picture(400, 800, 0.25, GREEN, BLUE), image::ImageFormat::Png));
    copy.write("media/hero.jpg", encoded(&picture(2000, 800, 0.5, BLUE, GREEN), image::ImageFormat::Jpeg));
    copy.write("media/story.jpg", encoded(&picture(1000, 600, 0.5, RED, GREEN), image::ImageFormat::Jpeg));
    copy.write("media/logo.png", encoded(&picture(400, 160, 0.5, RED, BLUE), image::ImageFormat::Png));
    copy.write(
        "media/lab.svg",
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" fill="teal"/></svg>"#,
    );
    copy
}

/// The site's router with its state, whose images go to `cache`.
fn app(content: &Path, cache: &Path) -> (axum::Router, groupsite::serve::AppState) {
    let site = common::check(content).unwrap_or_else(|report| panic!("content must check clean:\n{report}"));
    let urls = groupsite::Urls::new("https://images.example.org/").expect("a base URL");
    let state = groupsite::serve::AppState::new(site, content.to_path_buf(), urls, Default::default())
        .with_image_cache(cache.to_path_buf());
    (groupsite::serve::router(state.clone()), state)
}

/// The `(url, width)` pairs of a `srcset`.
fn candidates(srcset: &str) -> Vec<(String, u32)> {
    srcset
        .split(", ")
        .filter_map(|c| {
            let (url, width) = c.split_once(' ')?;
            Some((url.to_owned(), width.strip_suffix('w')?.parse().ok()?))
        })
        .collect()
}

fn attribute(html: &scraper::Html, selector: &str, name: &str) -> String {
    let selector = scraper::Selector::parse(selector).expect("a selector");
    let element = html.select(&selector).next().unwrap_or_else(|| panic!("no `{selector:?}`"));
    element.attr(name).unwrap_or_default().to_owned()
}

/// Whether a pixel is mostly `colour`: its strongest channel is the colour's.
fn is(pixel: &Rgb<u8>, colour: [u8; 3]) -> bool {
    let strongest = |c: [u8; 3]| (0..3).max_by_key(|i| c[*i]).unwrap_or(0);
    strongest(pixel.0) == strongest(colour)
}

#[tokio::test]
async fn each_place_offers_widths_fit_for_it_with_a_box_kept_before_it_loads() {
    let copy = with_pictures();
    let cache = tempfile::tempdir().unwrap();
    let (app, _) = app(copy.root(), cache.path());

    let ana = page(&app, "/people/ana-ruiz/").await;
    let html = ana.html();
    let srcset = candidates(&attribute(&html, "img.portrait", "srcset"));
    let widths: Vec<u32> = srcset.iter().map(|c| c.1).collect();
    assert_eq!(widths, [64, 128, 192, 320, 400], "never wider than the photo's 400 upright pixels");
    assert!(srcset.iter().all(|(url, _)| url.starts_with("/images/ana-") && url.ends_with(".jpg")), "{srcset:?}");
    let webp = candidates(&attribute(&html, "picture source[type='image/webp']", "srcset"));
    assert_eq!(webp.iter().map(|c| c.1).collect::<Vec<_>>(), widths, "the same widths as WebP");
    let avif = candidates(&attribute(&html, "picture source[type='image/avif']", "srcset"));
    assert_eq!(avif.iter().map(|c| c.1).collect::<Vec<_>>(), widths, "the same widths as AVIF");
    assert!(avif.iter().all(|(url, _)| url.ends_with(".avif")), "{avif:?}");
    assert_eq!(
        attribute(&html, "picture source", "type"),
        "image/avif",
        "the smallest format first: a browser takes the first source it can read"
    );
    assert_eq!(attribute(&html, "img.portrait", "width"), "400", "a portrait is square");
    assert_eq!(attribute(&html, "img.portrait", "height"), "400");
    assert_eq!(attribute(&html, "img.portrait", "sizes"), "10rem");
    assert_eq!(attribute(&html, "img.portrait", "alt"), "Ana Ruiz, smiling");
    assert_eq!(attribute(&html, "img.portrait", "decoding"), "async");
    assert_eq!(attribute(&html, "img.portrait", "loading"), "", "at the top of the page: loaded at once");
    assert_eq!(common::meta(&ana, "property", "og:image"), [format!("https://images.example.org{}", srcset[4].0)]);
    assert_eq!(common::meta(&ana, "property", "og:image:width"), ["400"]);

    let people = page(&app, "/people/").await;
    let html = people.html();
    assert_eq!(attribute(&html, "img.card-portrait", "loading"), "lazy", "cards further down wait for the scroll");
    assert_eq!(attribute(&html, "img.card-portrait", "sizes"), "4rem");
    assert_eq!(attribute(&html, "img.card-portrait", "alt"), "", "the name beside it says who it is");
    let cards = scraper::Selector::parse("img.card-portrait").unwrap();
    let cards: Vec<_> = html.select(&cards).map(|img| candidates(img.attr("srcset").unwrap_or_default())).collect();
    assert!(cards.contains(&srcset), "one set of portraits for the page and the cards: {cards:?}");

    let lab = page(&app, "/groups/lab/").await;
    let html = lab.html();
    let hero = candidates(&attribute(&html, "img.hero-image", "srcset"));
    assert_eq!(hero.iter().map(|c| c.1).collect::<Vec<_>>(), [480, 800, 1200, 1600, 2000]);
    assert_eq!(
        (attribute(&html, "img.hero-image", "width"), attribute(&html, "img.hero-image", "height")),
        ("2000".into(), "800".into())
    );
    assert_eq!(common::meta(&lab, "property", "og:image:width"), ["1200"], "link previews get 1200 pixels");
    assert_eq!(common::meta(&lab, "property", "og:image:height"), ["480"]);
    assert_eq!(attribute(&html, "img.logo", "src"), "/media/lab.svg", "a drawing is sent as it is");
    assert_eq!(
        (attribute(&html, "img.logo", "width"), attribute(&html, "img.logo", "height")),
        ("120".into(), "40".into())
    );
    assert_eq!(attribute(&html, "img.logo", "srcset"), "");

    let story = page(&app, "/news/opening/").await;
    let html = story.html();
    let widths: Vec<u32> = candidates(&attribute(&html, "img.story-image", "srcset")).iter().map(|c| c.1).collect();
    assert_eq!(widths, [480, 800, 1000]);

    let about = page(&app, "/about/").await;
    let logo = common::meta(&about, "property", "og:image");
    assert!(
        logo.len() == 1 && logo[0].starts_with("https://images.example.org/images/logo-"),
        "the site's logo: {logo:?}"
    );
    assert_eq!(common::meta(&about, "property", "og:image:alt"), ["The site's logo"]);
}

#[tokio::test]
async fn sizes_are_made_upright_without_metadata_and_sent_for_ever_once_made() {
    let copy = with_pictures();
    let cache = tempfile::tempdir().unwrap();
    let (app, state) = app(copy.root(), cache.path());
    let html = page(&app, "/people/ana-ruiz/").await.html();
    let srcset = candidates(&attribute(&html, "img.portrait", "srcset"));
    let (smallest, largest) = (&srcset[0].0, &srcset[4].0);

    let (before, _) = request(&app, "GET", largest, &[]).await;
    assert_eq!(before.status, 307, "not made yet: the original, for now");
    assert_eq!(before.header("location"), "/media/ana.jpg");
    assert_eq!(before.header("cache-control"), "no-store", "no cache keeps the stand-in");

    let made = state.make_images_now();
    assert!(made >= 15, "every width in all three formats, for the page and the cards: {made}");
    assert_eq!(state.make_images_now(), 0, "nothing is made twice");

    let (sent, bytes) = request(&app, "GET", largest, &[]).await;
    assert_eq!(sent.status, 200);
    assert_eq!(sent.header("content-type"), "image/jpeg");
    assert_eq!(sent.header("cache-control"), "public, max-age=31536000, immutable");
    let variant = image::load_from_memory(&bytes).expect("a JPEG").to_rgb8();
    assert_eq!(variant.dimensions(), (400, 400));
    // Upright, the top quarter (rows 0–149 of 600) is red; the centred square is rows 100–499.
    assert!(
        is(variant.get_pixel(200, 10), RED),
        "the camera's orientation is applied: {:?}",
        variant.get_pixel(200, 10)
    );
    assert!(is(variant.get_pixel(200, 390), BLUE));
    assert!(is(variant.get_pixel(10, 200), BLUE), "not turned the wrong way");
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains(SECRET) && !text.contains("Exif"), "no metadata in a size");
    let (webp, bytes) = request(&app, "GET", &webp_of(&html, 0), &[]).await;
    assert_eq!(webp.header("content-type"), "image/webp");
    assert_eq!(image::load_from_memory(&bytes).expect("a WebP").width(), 64);
    let avif = candidates(&attribute(&html, "picture source[type='image/avif']", "srcset"));
    let (sent, bytes) = request(&app, "GET", &avif[4].0, &[]).await;
    assert_eq!(sent.header("content-type"), "image/avif");
    assert_eq!(sent.header("cache-control"), "public, max-age=31536000, immutable");
    assert_eq!(bytes.get(4..12), Some(&b"ftypavif"[..]), "an AVIF file");
    assert_eq!(avif_size(&bytes), Some((400, 400)), "as wide as the widest JPEG");
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains(SECRET) && !text.contains("Exif"), "no metadata in an AVIF either");
    assert_eq!(request(&app, "GET", smallest, &[]).await.0.status, 200);

    // The original itself: the same pixels, upright by its orientation alone, no position.
    let (original, bytes) = request(&app, "GET", "/media/ana.jpg", &[]).await;
    assert_eq!(original.status, 200);
    assert!(!String::from_utf8_lossy(&bytes).contains(SECRET), "the camera's words are not sent");
    let jpeg = img_parts::jpeg::Jpeg::from_bytes(bytes.into()).expect("a JPEG");
    let exif = jpeg.exif().expect("the orientation is kept");
    assert!(exif.len() < 40, "only the orientation: {} bytes", exif.len());
    assert!(!exif.windows(2).any(|w| w == [0x88, 0x25] || w == [0x25, 0x88]), "no GPS directory");

    for missing in ["/images/ana-64.0123456789abcdef.jpg", "/images/../site.toml", "/images/nothing.png"] {
        assert_eq!(request(&app, "GET", missing, &[]).await.0.status, 404, "{missing}");
    }
}

/// An AVIF's width and height, from its `ispe` property (the image crate reads no AVIF).
fn avif_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let at = bytes.windows(4).position(|w| w == b"ispe")? + 8;
    let number = |i: usize| Some(u32::from_be_bytes(bytes.get(i..i + 4)?.try_into().ok()?));
    Some((number(at)?, number(at + 4)?))
}

fn webp_of(html: &scraper::Html, i: usize) -> String {
    candidates(&attribute(html, "picture source[type='image/webp']", "srcset"))[i].0.clone()
}

#[tokio::test]
async fn a_portrait_is_cut_around_the_focus_the_editor_gives() {
    let copy = with_pictures();
    let cache = tempfile::tempdir().unwrap();
    let (app, state) = app(copy.root(), cache.path());
    state.make_images_now();
    let html = page(&app, "/people/ben-berg/").await.html();
    let srcset = candidates(&attribute(&html, "img.portrait", "srcset"));
    assert!(srcset.iter().all(|(url, _)| url.ends_with(".png")), "a PNG stays a PNG: {srcset:?}");
    let (_, bytes) = request(&app, "GET", &srcset[srcset.len() - 1].0, &[]).await;
    let top = image::load_from_memory(&bytes).expect("a PNG").to_rgb8();
    assert_eq!(top.dimensions(), (400, 400));
    assert!(is(top.get_pixel(200, 100), GREEN), "`focus = \"top\"` keeps the top: {:?}", top.get_pixel(200, 100));

    copy.replace("people/ben-berg.md", ", focus = \"top\"", "");
    let (app, state) = self::app(copy.root(), cache.path());
    state.make_images_now();
    let centred = candidates(&attribute(&page(&app, "/people/ben-berg/").await.html(), "img.portrait", "srcset"));
    assert_ne!(centred, srcset, "another cut is another file");
    let (_, bytes) = request(&app, "GET", &centred[centred.len() - 1].0, &[]).await;
    let middle = image::load_from_memory(&bytes).expect("a PNG").to_rgb8();
    assert!(is(middle.get_pixel(200, 100), BLUE), "centred, the green top is cut off");
}

/// Each image the site cannot show, with what `check` says of it at the place that names it.
const BROKEN: &[(&str, &str, &str)] = &[
    ("media/ana.jpg", "people/ana-ruiz.md:4:18", "the image is damaged"),
    ("media/ben.png", "people/ben-berg.md:3:18", "the file is named a PNG image, but it is a JPEG image"),
    ("media/lab.svg", "groups/lab.md:6:17", "the SVG carries a `<script>` element"),
    ("media/story.jpg", "news/opening.md:5:18", "the file is named a JPEG image, but it is not an image"),
    ("media/logo.png", "site.toml:4:17", "the image is too large: 9000×9000 pixels, over the limit of 64 megapixels"),
];

/// A PNG that says it is 9000×9000 pixels (81 megapixels): a header, no picture to speak of.
fn huge_png() -> Vec<u8> {
    let chunk = |kind: &[u8; 4], data: &[u8]| {
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        out.extend(kind);
        out.extend(data);
        out.extend(crc.sum().to_be_bytes());
        out
    };
    let mut header = 9000u32.to_be_bytes().to_vec();
    header.extend(9000u32.to_be_bytes());
    header.extend([8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &header));
    png.extend(chunk(b"IDAT", &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]));
    png.extend(chunk(b"IEND", &[]));
    png
}

#[test]
fn check_names_each_image_it_cannot_show_with_the_file_that_uses_it() {
    let copy = with_pictures();
    let whole = std::fs::read(copy.path("media/ana.jpg")).unwrap();
    copy.write("media/ana.jpg", &whole[..whole.len() / 2]);
    copy.write("media/ben.png", &whole);
    copy.write(
        "media/lab.svg",
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><script>alert(document.cookie)</script></svg>"#,
    );
    copy.write("media/story.jpg", "not a picture at all");
    copy.write("media/logo.png", huge_png());
    let checked = copy.run_check();
    assert_eq!(checked.code, Some(1), "a damaged image is an error:\n{}", checked.stderr);
    for (file, place, message) in BROKEN {
        let line = checked.stderr.lines().position(|l| l.contains(message) && l.contains(file));
        let line = line.unwrap_or_else(|| panic!("no `{message}` for {file}:\n{}", checked.stderr));
        let next = checked.stderr.lines().nth(line + 1).unwrap_or_default();
        assert!(next.ends_with(place), "{file} at {place}: {next}");
    }
    let served = common::groupsite(&["serve", "--content", copy.root().to_str().unwrap(), "--addr", "127.0.0.1:0"]);
    assert_eq!(served.code, Some(1), "the server does not start on a site it cannot build right");
}

#[test]
fn a_photo_too_small_for_its_place_is_a_warning_and_the_site_still_builds() {
    let copy = with_pictures();
    copy.write("media/ana.jpg", encoded(&picture(200, 300, 0.5, RED, BLUE), image::ImageFormat::Jpeg));
    copy.write("media/hero.jpg", encoded(&picture(800, 300, 0.5, RED, BLUE), image::ImageFormat::Jpeg));
    let checked = copy.run_check();
    assert_eq!(checked.code, Some(0), "{}", checked.stderr);
    for expected in [
        "warning: `media/ana.jpg` is 200×300 pixels, too small for a portrait, which wants at least 320 pixels on its shorter side",
        "people/ana-ruiz.md:4:18",
        "warning: `media/hero.jpg` is 800×300 pixels, too small for a hero, which wants at least 1200 pixels wide",
        "groups/lab.md:5:17",
        "2 warnings in the content",
    ] {
        assert!(checked.stderr.contains(expected), "lacks `{expected}`:\n{}", checked.stderr);
    }
}

#[test]
fn serving_writes_nothing_into_the_content_and_works_from_a_read_only_folder() {
    let copy = with_pictures();
    let before = tree(copy.root());
    set_read_only(copy.root(), true);
    let cache = tempfile::tempdir().unwrap();
    let cache_dir = cache.path().join("made here");
    let server = common::Server::start(copy.root(), &["--cache-dir", cache_dir.to_str().unwrap()]);
    let person = server.page("/people/ana-ruiz/");
    let html = scraper::Html::parse_document(&person);
    let largest = candidates(&attribute(&html, "img.portrait", "srcset")).pop().map(|c| c.0).unwrap_or_default();
    assert!(largest.starts_with("/images/ana-400."), "{person}");
    let mut status = String::new();
    for _ in 0..200 {
        status = server.raw(&format!("GET {largest} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"));
        if status.starts_with("HTTP/1.1 200") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(status.starts_with("HTTP/1.1 200"), "made in the background: {status:.200}");
    // The sizes are written one by one: the one asked for may be there before the rest.
    let made = || std::fs::read_dir(&cache_dir).map(|d| d.count()).unwrap_or(0);
    // At nice 10, the making waits for whatever else the machine runs (a parallel test run).
    for _ in 0..600 {
        if made() >= 15 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(made() >= 15, "into the cache folder the flag names: {} files", made());
    drop(server);
    let remembered = std::fs::read_dir(cache_dir.join("probes")).map(|d| d.count()).unwrap_or(0);
    assert_eq!(remembered, 6, "what each of the six images is, kept for the next start");
    let again = common::Server::start(copy.root(), &["--cache-dir", cache_dir.to_str().unwrap()]);
    let picture =
        |page: &str| page.split("<picture>").nth(1).unwrap_or_default().split("</picture>").next().map(str::to_owned);
    assert_eq!(picture(&again.page("/people/ana-ruiz/")), picture(&person), "the next start names the same sizes");
    drop(again);
    set_read_only(copy.root(), false);
    assert_eq!(tree(copy.root()), before, "not a file added or changed in the content");
}

/// Every file under `dir`, with its size and modification time.
fn tree(dir: &Path) -> Vec<(String, u64, std::time::SystemTime)> {
    let mut files: Vec<_> = walk(dir)
        .into_iter()
        .map(|p| {
            let meta = std::fs::metadata(&p).unwrap();
            (p.strip_prefix(dir).unwrap().display().to_string(), meta.len(), meta.modified().unwrap())
        })
        .collect();
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = vec![dir.to_path_buf()];
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() { found.extend(walk(&path)) } else { found.push(path) }
    }
    found
}

fn set_read_only(dir: &Path, read_only: bool) {
    for path in walk(dir) {
        let mut permissions = std::fs::metadata(&path).unwrap().permissions();
        permissions.set_readonly(read_only);
        std::fs::set_permissions(&path, permissions).unwrap();
    }
}

#[tokio::test]
async fn export_writes_every_size_its_pages_name() {
    let copy = with_pictures();
    let cache = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let site = common::check(copy.root()).unwrap();
    let target = out.path().join("site");
    groupsite::export::export(site, copy.root(), &target, "https://images.example.org/", cache.path()).await.unwrap();
    let html = scraper::Html::parse_document(&std::fs::read_to_string(target.join("people/index.html")).unwrap());
    let srcsets = scraper::Selector::parse("img[srcset], source[srcset]").unwrap();
    let mut named = 0;
    for element in html.select(&srcsets) {
        for (url, width) in candidates(element.attr("srcset").unwrap_or_default()) {
            let file = target.join(url.trim_start_matches('/'));
            let bytes = std::fs::read(&file).unwrap_or_else(|_| panic!("{url} is in the export"));
            let size = match url.ends_with(".avif") {
                true => avif_size(&bytes).map(|(w, _)| w),
                false => image::load_from_memory(&bytes).ok().map(|i| i.width()),
            };
            assert_eq!(size, Some(width), "{url}");
            named += 1;
        }
    }
    assert!(named >= 30, "two people's cards, five widths, three formats: {named}");
    assert!(!std::fs::read_to_string(target.join(".groupsite-export")).unwrap().is_empty());
}
