//! The images an editor puts in `media/`: what each file is ([`probe`]), the sizes and formats
//! each place it is shown in gets ([`Rendition`]), and the making of those in the background
//! ([`Maker`]) into a cache folder outside the content.
//!
//! A photo straight from a camera is megabytes; a phone shows it 160 pixels wide. So every
//! raster image is made again, in a few widths fit for its place, as WebP and in its own
//! format (the small places as AVIF too), oriented as the camera meant and with its metadata
//! (a GPS position) left out.

mod make;
mod maker;
mod strip;
mod svg;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::SystemTime;

pub use maker::{CACHE_ENV, Maker, default_cache_dir};
pub use strip::without_metadata;

use crate::model::{Focus, Place};

/// The largest image file read: a camera's 24-megapixel JPEG is 6 to 12 MB.
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;
/// The most pixels an image may have: a 61-megapixel camera's photo passes, a decompression
/// bomb does not.
pub const MAX_PIXELS: u64 = 64_000_000;
/// Bumped whenever the making changes (a filter, a quality), so every variant gets a new name.
const RECIPE: u32 = 1;

/// A kind of image file the site knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A photo.
    Jpeg,
    /// A screenshot, a logo.
    Png,
    /// Either, smaller.
    Webp,
    /// Smaller still; made by the site, never read from the content.
    Avif,
    /// A drawing, sent as it is.
    Svg,
}

impl Format {
    /// The formats the site makes variants in.
    pub const MADE: [Format; 4] = [Format::Jpeg, Format::Png, Format::Webp, Format::Avif];

    /// What a file's extension says it is, if it is one of these.
    pub fn by_extension(path: &str) -> Option<Format> {
        let extension = Path::new(path).extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "jpg" | "jpeg" => Some(Format::Jpeg),
            "png" => Some(Format::Png),
            "webp" => Some(Format::Webp),
            "svg" => Some(Format::Svg),
            _ => None,
        }
    }

    /// The extension of the files the site makes in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::Webp => "webp",
            Format::Avif => "avif",
            Format::Svg => "svg",
        }
    }

    /// Its media type.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
            Format::Webp => "image/webp",
            Format::Avif => "image/avif",
            Format::Svg => "image/svg+xml",
        }
    }

    /// How editors and messages name it.
    fn name(self) -> &'static str {
        match self {
            Format::Jpeg => "a JPEG",
            Format::Png => "a PNG",
            Format::Webp => "a WebP",
            Format::Avif => "an AVIF",
            Format::Svg => "an SVG",
        }
    }
}

/// What reading an image file found: enough to lay out its `<img>` and to name its variants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    /// What the file is, by its bytes.
    pub format: Format,
    /// Width and height in pixels as shown, after the camera's orientation; unknown for an
    /// SVG without a size.
    pub size: Option<(u32, u32)>,
    /// The BLAKE3 hash of its bytes, in hex: a changed file gets new variants.
    pub hash: String,
}

/// Why an image file cannot be shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// The file could not be read.
    #[error("cannot read the image: {0}")]
    Unreadable(String),
    /// The extension says one kind, the bytes another (or none).
    #[error("the file is named {named} image, but {is}")]
    NotItsName {
        /// `a JPEG`.
        named: &'static str,
        /// `it is a PNG image`, `it is not an image`.
        is: String,
    },
    /// The bytes are not a whole image of their kind.
    #[error("the image is damaged: {0}")]
    Corrupt(String),
    /// Over [`MAX_BYTES`] or [`MAX_PIXELS`].
    #[error("the image is too large: {0}")]
    Huge(String),
    /// An SVG with something that runs: a script, an event handler, a `javascript:` link.
    #[error("the SVG carries {0}, and the site sends no image that runs code")]
    Script(String),
}

/// The probes of media files kept while the process runs, by path, size and change time, so a
/// reload under `--watch` reads and hashes only the files that changed.
type Probed = HashMap<PathBuf, (u64, Option<SystemTime>, Result<Probe, Problem>)>;

fn probed() -> &'static Mutex<Probed> {
    static PROBED: OnceLock<Mutex<Probed>> = OnceLock::new();
    PROBED.get_or_init(Mutex::default)
}

/// Where probes are kept between runs, once [`remember_probes_in`] names it.
static REMEMBERED: OnceLock<PathBuf> = OnceLock::new();

/// Keeps what each image file is in `cache` between runs, by path, size, change time and inode,
/// so a restart reads a few bytes per photo instead of hashing it whole (a hundred camera
/// photos are a second of a start). The first call names the folder for the process.
pub fn remember_probes_in(cache: &Path) {
    let _ = REMEMBERED.set(cache.join("probes"));
}

/// The file that remembers the probe of the file at `path` as it is now.
fn remembered(path: &Path, metadata: &std::fs::Metadata) -> Option<PathBuf> {
    use std::os::unix::fs::MetadataExt;
    let folder = REMEMBERED.get()?;
    let path = std::fs::canonicalize(path).ok()?;
    let mut key = blake3::Hasher::new();
    key.update(path.as_os_str().as_encoded_bytes());
    for n in [metadata.len(), metadata.ino(), metadata.mtime() as u64, metadata.mtime_nsec() as u64] {
        key.update(&n.to_le_bytes());
    }
    Some(folder.join(&key.finalize().to_hex()[..32]))
}

/// A probe as [`remembered`] keeps it: `jpeg 400 600 {hash}`, `-` for an unknown size.
fn recall(file: &Path) -> Option<Probe> {
    let text = std::fs::read_to_string(file).ok()?;
    let mut words = text.split_whitespace();
    let format = match words.next()? {
        "jpeg" => Format::Jpeg,
        "png" => Format::Png,
        "webp" => Format::Webp,
        "avif" => Format::Avif,
        "svg" => Format::Svg,
        _ => return None,
    };
    let size = match (words.next()?, words.next()?) {
        ("-", "-") => None,
        (w, h) => Some((w.parse().ok()?, h.parse().ok()?)),
    };
    let hash = words.next().filter(|h| h.len() == 64)?.to_owned();
    Some(Probe { format, size, hash })
}

fn remember(file: &Path, probe: &Probe) {
    let format = match probe.format {
        Format::Jpeg => "jpeg",
        Format::Png => "png",
        Format::Webp => "webp",
        Format::Avif => "avif",
        Format::Svg => "svg",
    };
    let size = probe.size.map_or("- -".to_owned(), |(w, h)| format!("{w} {h}"));
    let (Some(folder), Some(name)) = (file.parent(), file.file_name()) else { return };
    let partial = folder.join(format!(".{}.{}", name.to_string_lossy(), std::process::id()));
    let written = std::fs::create_dir_all(folder)
        .and_then(|()| std::fs::write(&partial, format!("{format} {size} {}\n", probe.hash)))
        .and_then(|()| std::fs::rename(&partial, file));
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
}

/// What the file at `path` is, if its extension names a kind of image the site makes or
/// checks (JPEG, PNG, WebP, SVG); `None` for other files.
pub fn probe(path: &Path) -> Option<Result<Probe, Problem>> {
    let named = Format::by_extension(&path.to_string_lossy())?;
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(e) => return Some(Err(Problem::Unreadable(e.to_string()))),
    };
    let (len, modified) = (metadata.len(), metadata.modified().ok());
    let memo = probed().lock().ok().and_then(|p| p.get(path).cloned());
    if let Some((was_len, was_modified, probe)) = memo
        && was_len == len
        && was_modified == modified
        && modified.is_some()
    {
        return Some(probe);
    }
    let kept = remembered(path, &metadata);
    let probe = match kept.as_deref().and_then(recall) {
        Some(probe) => Ok(probe),
        None => {
            let probe = read(path, named, len);
            if let (Some(kept), Ok(probe)) = (&kept, &probe) {
                remember(kept, probe);
            }
            probe
        }
    };
    if let Ok(mut memo) = probed().lock() {
        memo.insert(path.to_owned(), (len, modified, probe.clone()));
    }
    Some(probe)
}

fn read(path: &Path, named: Format, len: u64) -> Result<Probe, Problem> {
    if len > MAX_BYTES {
        return Err(Problem::Huge(format!("{} MB, over the limit of {} MB", len >> 20, MAX_BYTES >> 20)));
    }
    let bytes = std::fs::read(path).map_err(|e| Problem::Unreadable(e.to_string()))?;
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let is = sniff(&bytes);
    if is != Some(named) {
        let is = is.map_or("it is not an image".to_owned(), |f| format!("it is {} image", f.name()));
        return Err(Problem::NotItsName { named: named.name(), is });
    }
    let size = match named {
        Format::Svg => svg::check(&bytes)?,
        raster => Some(make::dimensions(&bytes, raster)?),
    };
    if let Some((w, h)) = size
        && u64::from(w) * u64::from(h) > MAX_PIXELS
    {
        return Err(Problem::Huge(format!("{w}×{h} pixels, over the limit of {} megapixels", MAX_PIXELS / 1_000_000)));
    }
    Ok(Probe { format: named, size, hash })
}

/// The kind of image the bytes are, by their first bytes.
fn sniff(bytes: &[u8]) -> Option<Format> {
    match image::guess_format(bytes) {
        Ok(image::ImageFormat::Jpeg) => Some(Format::Jpeg),
        Ok(image::ImageFormat::Png) => Some(Format::Png),
        Ok(image::ImageFormat::WebP) => Some(Format::Webp),
        _ if svg::looks_like_svg(bytes) => Some(Format::Svg),
        _ => None,
    }
}

/// How an image is made and shown in one place: its shape, the widths it comes in, the width
/// it is shown at, and the smallest that still looks sharp there.
struct Recipe {
    /// Cut to a square; else the image keeps its own shape.
    square: bool,
    /// Widths to make, in pixels, each only if the image is at least that wide.
    widths: &'static [u32],
    /// The `sizes` attribute: how wide the image is on the page.
    sizes: &'static str,
    /// Also made as AVIF. AVIF is the smallest of the three formats but the slowest to make
    /// (rav1e without assembly, about 0.8 s of CPU a megapixel): a portrait's widths are a
    /// third of a second, a hero's five up to 2400 pixels several seconds, so only the small
    /// places get it.
    avif: bool,
}

fn recipe(place: Place) -> Recipe {
    // Portraits are 10rem on a person's page and 4rem on a card: the widths cover both at
    // one to three device pixels per CSS pixel.
    const PORTRAIT: &[u32] = &[64, 128, 192, 320, 480];
    match place {
        Place::Portrait => Recipe { square: true, widths: PORTRAIT, sizes: "10rem", avif: true },
        Place::Card => Recipe { square: true, widths: PORTRAIT, sizes: "4rem", avif: true },
        Place::Hero => Recipe {
            square: false,
            widths: &[480, 800, 1200, 1600, 2400],
            sizes: "(min-width: 72rem) 70rem, 100vw",
            avif: false,
        },
        Place::Logo => Recipe { square: false, widths: &[128, 256, 512], sizes: "16rem", avif: true },
        Place::Story => Recipe {
            square: false,
            widths: &[480, 800, 1200, 1600],
            sizes: "(min-width: 44rem) 42rem, 100vw",
            avif: false,
        },
    }
}

/// The smallest an image may be for a place before it looks blurred there: what `check`
/// warns of, as `(width, height)` of the part shown.
pub fn least(place: Place) -> (u32, u32) {
    match place {
        Place::Portrait | Place::Card => (320, 320),
        Place::Hero => (1200, 1),
        Place::Logo => (1, 128),
        Place::Story => (800, 1),
    }
}

/// The part of `probe`'s image that `place` shows, cut around `focus`; `None` for an SVG or an
/// image whose size is unknown, which are shown whole as they are.
pub fn shown(probe: &Probe, place: Place, focus: Option<Focus>) -> Option<Crop> {
    let size = probe.size.filter(|_| probe.format != Format::Svg)?;
    Some(Crop::of(size, recipe(place).square, focus.unwrap_or(Focus::CENTER)))
}

/// The part of an image a place shows, in its pixels: a portrait's square around the focus,
/// or the whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Crop {
    /// Left edge.
    pub x: u32,
    /// Top edge.
    pub y: u32,
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
}

impl Crop {
    fn of(size: (u32, u32), square: bool, focus: Focus) -> Crop {
        let (w, h) = size;
        if !square {
            return Crop { x: 0, y: 0, width: w, height: h };
        }
        let side = w.min(h);
        let at = |length: u32, fraction: f32| {
            let centre = (fraction * length as f32) as i64 - i64::from(side / 2);
            centre.clamp(0, i64::from(length - side)) as u32
        };
        Crop { x: at(w, focus.x), y: at(h, focus.y), width: side, height: side }
    }
}

/// One file the site makes from an image: a width in a format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Its file name, under `/images/`: `ana-ruiz-192.3f2a9c1b7d6e5f40.webp`; the middle part
    /// is a fingerprint of the source and the recipe, so it can be cached for ever.
    pub name: String,
    /// In pixels.
    pub width: u32,
    /// In pixels.
    pub height: u32,
    /// What it is made as.
    pub format: Format,
}

impl Variant {
    /// The name of its file in the cache folder: the fingerprint and the extension, shared
    /// by every site that uses the same image the same way.
    pub fn cached(&self) -> &str {
        let dot = self.name.find('.').map_or(0, |i| i + 1);
        &self.name[dot..]
    }
}

/// An image as one place shows it: the variants to choose from and what the `<img>` says.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendition {
    /// The file in `media/`.
    pub source: String,
    /// Its hash, to find that the file has not changed since.
    pub hash: String,
    /// Where it is shown.
    pub place: Place,
    /// The part shown.
    pub crop: Crop,
    /// Every width, smallest first, in the source's own format (JPEG or PNG; WebP for WebP).
    pub own: Vec<Variant>,
    /// Every width as WebP, unless the source is WebP.
    pub webp: Vec<Variant>,
    /// Every width as AVIF, the smallest of the three, where the place is small enough for
    /// AVIF to be made in time (portraits, cards, logos).
    pub avif: Vec<Variant>,
    /// How wide it is on the page, for `sizes`.
    pub sizes: &'static str,
}

impl Rendition {
    /// The variants of `probe`'s image (at `source`) for `place`, cut around `focus`; `None`
    /// for an SVG or an image whose size is unknown, which are sent as they are.
    pub fn plan(source: &str, probe: &Probe, place: Place, focus: Option<Focus>) -> Option<Rendition> {
        let recipe = recipe(place);
        let crop = shown(probe, place, focus)?;
        let mut widths: Vec<u32> = recipe.widths.iter().copied().filter(|w| *w <= crop.width).collect();
        if recipe.widths.last().is_some_and(|widest| crop.width < *widest) && !widths.contains(&crop.width) {
            // Narrower than the widest: its own width is the widest made.
            widths.push(crop.width);
        }
        let stem = stem(source);
        let variant = |width: u32, format: Format| {
            let height = ((u64::from(width) * u64::from(crop.height)).div_ceil(u64::from(crop.width))).max(1) as u32;
            let mut fingerprint = blake3::Hasher::new();
            fingerprint.update(&RECIPE.to_le_bytes());
            fingerprint.update(probe.hash.as_bytes());
            for n in [crop.x, crop.y, crop.width, crop.height, width, height] {
                fingerprint.update(&n.to_le_bytes());
            }
            fingerprint.update(format.extension().as_bytes());
            let fingerprint = &fingerprint.finalize().to_hex()[..16];
            let name = format!("{stem}-{width}.{fingerprint}.{}", format.extension());
            Variant { name, width, height, format }
        };
        let own = widths.iter().map(|w| variant(*w, probe.format)).collect();
        let webp = if probe.format == Format::Webp {
            Vec::new()
        } else {
            widths.iter().map(|w| variant(*w, Format::Webp)).collect()
        };
        let avif = match recipe.avif {
            true => widths.iter().map(|w| variant(*w, Format::Avif)).collect(),
            false => Vec::new(),
        };
        Some(Rendition {
            source: source.to_owned(),
            hash: probe.hash.clone(),
            place,
            crop,
            own,
            webp,
            avif,
            sizes: recipe.sizes,
        })
    }

    /// Every variant, in the source's format first.
    pub fn variants(&self) -> impl Iterator<Item = &Variant> {
        self.own.iter().chain(&self.webp).chain(&self.avif)
    }

    /// The variant link previews show: the widest in the source's format up to 1200 pixels,
    /// the width OpenGraph's readers ask for.
    pub fn preview(&self) -> Option<&Variant> {
        self.own.iter().rev().find(|v| v.width <= 1200).or(self.own.first())
    }

    /// The widest variant in the source's format: `<img src>` for browsers without `srcset`.
    pub fn fallback(&self) -> Option<&Variant> {
        self.own.last()
    }
}

/// A file name's stem, as it goes in a variant's name: lower-case letters, digits and dashes.
fn stem(source: &str) -> String {
    let stem = Path::new(source).file_stem().and_then(|s| s.to_str()).unwrap_or("image");
    let mut out = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-');
    if out.is_empty() { "image".to_owned() } else { out.to_owned() }
}

/// Every rendition a site shows, by image and place, and every variant by name, so a page can
/// find its image's and the server the one asked for.
#[derive(Debug, Default, Clone)]
pub struct Renditions {
    /// Each image's width and height as shown, SVGs' too, by path.
    sizes: HashMap<String, (u32, u32)>,
    by_use: HashMap<(String, Place, FocusKey), Rendition>,
    by_name: BTreeMap<String, (String, Place, FocusKey)>,
}

/// A focus as a key: its two fractions' bits.
type FocusKey = (u32, u32);

fn focus_key(focus: Option<Focus>) -> FocusKey {
    let focus = focus.unwrap_or(Focus::CENTER);
    (focus.x.to_bits(), focus.y.to_bits())
}

impl Renditions {
    /// Adds the rendition of the image at `source` in `place`, if it has variants.
    pub fn add(&mut self, source: &str, probe: &Probe, place: Place, focus: Option<Focus>) {
        if let Some(size) = probe.size {
            self.sizes.insert(source.to_owned(), size);
        }
        let key = (source.to_owned(), place, focus_key(focus));
        if self.by_use.contains_key(&key) {
            return;
        }
        if let Some(rendition) = Rendition::plan(source, probe, place, focus) {
            for variant in rendition.variants() {
                self.by_name.insert(variant.name.clone(), key.clone());
            }
            self.by_use.insert(key, rendition);
        }
    }

    /// How the image at `source` is shown in `place`.
    pub fn get(&self, source: &str, place: Place, focus: Option<Focus>) -> Option<&Rendition> {
        self.by_use.get(&(source.to_owned(), place, focus_key(focus)))
    }

    /// The width and height of the image at `source`, as shown, where known.
    pub fn size(&self, source: &str) -> Option<(u32, u32)> {
        self.sizes.get(source).copied()
    }

    /// The variant named `name`, with the rendition it belongs to.
    pub fn variant(&self, name: &str) -> Option<(&Rendition, &Variant)> {
        let rendition = self.by_use.get(self.by_name.get(name)?)?;
        Some((rendition, rendition.variants().find(|v| v.name == name)?))
    }

    /// Every variant's name, for `export`.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.by_name.keys().map(String::as_str)
    }

    /// Every rendition, for the maker.
    pub fn all(&self) -> impl Iterator<Item = &Rendition> {
        self.by_use.values()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probe(w: u32, h: u32) -> Probe {
        Probe { format: Format::Jpeg, size: Some((w, h)), hash: "ab".repeat(32) }
    }

    #[test]
    fn a_portrait_is_a_square_around_its_focus_and_never_wider_than_the_photo() {
        let top = Rendition::plan("media/ana.jpg", &probe(3000, 4000), Place::Portrait, Focus::named("top")).unwrap();
        assert_eq!(top.crop, Crop { x: 0, y: 0, width: 3000, height: 3000 });
        let middle = Rendition::plan("media/ana.jpg", &probe(3000, 4000), Place::Portrait, None).unwrap();
        assert_eq!(middle.crop.y, 500);
        assert_eq!(top.own.iter().map(|v| v.width).collect::<Vec<_>>(), [64, 128, 192, 320, 480]);
        assert!(top.variants().all(|v| v.width == v.height));
        assert_ne!(top.own[0].name, middle.own[0].name, "another crop is another file");

        let small = Rendition::plan("media/Ana Ruiz.JPG", &probe(300, 200), Place::Portrait, None).unwrap();
        assert_eq!(small.own.iter().map(|v| v.width).collect::<Vec<_>>(), [64, 128, 192, 200]);
        assert!(small.own[0].name.starts_with("ana-ruiz-64."), "{}", small.own[0].name);
        assert!(small.webp[0].name.ends_with(".webp"));
    }

    #[test]
    fn a_hero_keeps_its_shape_and_previews_at_1200_pixels() {
        let hero = Rendition::plan("media/hero.jpg", &probe(6000, 4000), Place::Hero, None).unwrap();
        assert_eq!(hero.own.last().map(|v| (v.width, v.height)), Some((2400, 1600)));
        assert_eq!(hero.preview().map(|v| v.width), Some(1200));
        assert!(hero.avif.is_empty(), "a hero's widths would take seconds as AVIF");
    }

    #[test]
    fn small_places_are_made_as_avif_too_in_the_same_widths() {
        for place in [Place::Portrait, Place::Card, Place::Logo] {
            let made = Rendition::plan("media/ana.jpg", &probe(3000, 4000), place, None).unwrap();
            let widths = |v: &[Variant]| v.iter().map(|v| (v.width, v.height)).collect::<Vec<_>>();
            assert_eq!(widths(&made.avif), widths(&made.own), "{place:?}");
            assert!(made.avif.iter().all(|v| v.format == Format::Avif && v.name.ends_with(".avif")));
        }
    }
}
