//! Makes variants into the cache folder: in a thread of its own while a server runs, so no
//! request and no start waits for image work, or all at once for `export`.
//!
//! Files in the cache are named by their fingerprint alone, so one cache can serve many
//! sites and a variant made once is never made again. A file is written beside its name and
//! renamed into place: a reader sees a whole variant or none.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use super::{Format, Rendition, Variant, make};

/// The environment variable that names the cache folder, as `--cache-dir` does.
pub const CACHE_ENV: &str = "GROUPSITE_CACHE_DIR";

/// Where variants are kept unless the operator says: the folder [`CACHE_ENV`] names, else the
/// user's cache folder
/// (`$XDG_CACHE_HOME/groupsite/images`, else `~/.cache/groupsite/images`), or the system's
/// temporary folder where there is no home.
pub fn default_cache_dir() -> PathBuf {
    if let Some(named) = std::env::var_os(CACHE_ENV).filter(|n| !n.is_empty()) {
        return PathBuf::from(named);
    }
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty()).map(|h| PathBuf::from(h).join(".cache"));
    let xdg = std::env::var_os("XDG_CACHE_HOME").filter(|x| !x.is_empty()).map(PathBuf::from);
    match xdg.or(home) {
        Some(cache) => cache.join("groupsite").join("images"),
        None => std::env::temp_dir().join("groupsite-images"),
    }
}

/// Makes the variants of a site's images, once each, into a cache folder.
#[derive(Debug, Clone)]
pub struct Maker {
    cache: PathBuf,
    content: PathBuf,
    queue: Arc<Mutex<Option<mpsc::Sender<Vec<Rendition>>>>>,
}

impl Maker {
    /// A maker reading sources from the `content` folder and writing into `cache`.
    pub fn new(cache: PathBuf, content: PathBuf) -> Self {
        Maker { cache, content, queue: Arc::default() }
    }

    /// Where `variant` is, or will be, in the cache.
    pub fn cached(&self, variant: &Variant) -> PathBuf {
        self.cache.join(variant.cached())
    }

    /// The cache file for a variant's name from an earlier version of the site (a page a
    /// visitor loaded before a change), if the name is one the site could have made.
    pub fn cached_by_name(&self, name: &str) -> Option<PathBuf> {
        let (_, cached) = name.split_once('.')?;
        let (fingerprint, extension) = cached.split_once('.')?;
        let known = Format::MADE.iter().any(|f| f.extension() == extension);
        (known && fingerprint.len() == 16 && fingerprint.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| self.cache.join(cached))
    }

    /// Makes, in the background, every variant of `renditions` not yet in the cache; earlier
    /// requests still waiting are made first.
    pub fn request(&self, renditions: Vec<Rendition>) {
        let Ok(mut queue) = self.queue.lock() else { return };
        if queue.is_none() {
            let (sender, receiver) = mpsc::channel::<Vec<Rendition>>();
            let maker = self.clone();
            let spawned = std::thread::Builder::new().name("images".into()).spawn(move || {
                crate::background::yield_to_requests();
                while let Ok(renditions) = receiver.recv() {
                    maker.make(&renditions);
                }
            });
            match spawned {
                Ok(_) => *queue = Some(sender),
                Err(error) => {
                    tracing::warn!(%error, "cannot make images in the background; originals are sent");
                    return;
                }
            }
        }
        if let Some(sender) = queue.as_ref() {
            let _ = sender.send(renditions);
        }
    }

    /// Makes every variant of `renditions` not yet in the cache, now: for `export`. Returns
    /// how many were made; each image that could not be is logged, and its original used.
    pub fn make(&self, renditions: &[Rendition]) -> usize {
        let started = Instant::now();
        let missing: Vec<&Rendition> =
            renditions.iter().filter(|r| r.variants().any(|v| !self.cached(v).exists())).collect();
        if missing.is_empty() {
            return 0;
        }
        if let Err(error) = std::fs::create_dir_all(&self.cache) {
            tracing::warn!(cache = %self.cache.display(), %error, "cannot create the image cache; originals are sent");
            return 0;
        }
        let mut made = 0;
        // Each source is decoded once for all the places that show it.
        let mut by_source: std::collections::BTreeMap<&str, Vec<&Rendition>> = Default::default();
        for rendition in missing {
            by_source.entry(rendition.source.as_str()).or_default().push(rendition);
        }
        for (source, uses) in by_source {
            match self.make_source(source, &uses) {
                Ok(n) => made += n,
                Err(error) => {
                    tracing::warn!(image = source, %error, "cannot make this image's sizes; its original is sent")
                }
            }
        }
        tracing::info!(variants = made, ms = started.elapsed().as_millis() as u64, "images made");
        made
    }

    fn make_source(&self, source: &str, uses: &[&Rendition]) -> Result<usize, String> {
        let bytes = std::fs::read(self.content.join(source)).map_err(|e| e.to_string())?;
        let hash = blake3::hash(&bytes).to_hex().to_string();
        let Some(first) = uses.first() else { return Ok(0) };
        if hash != first.hash {
            // Changed since it was checked: the next version of the site asks for its variants.
            return Ok(0);
        }
        let format = super::sniff(&bytes).ok_or("not an image")?;
        let upright = make::decode(&bytes, format)?;
        let mut written = HashSet::new();
        for rendition in uses {
            // A card's portrait is the page's, smaller: the same files, made once.
            if rendition.variants().all(|v| written.contains(&v.name)) {
                continue;
            }
            make::variants(&upright, rendition, |variant, bytes| {
                if written.insert(variant.name.clone()) {
                    self.put(variant, &bytes).map_err(|e| format!("cannot write into the image cache: {e}"))?;
                }
                Ok(())
            })?;
        }
        Ok(written.len())
    }

    fn put(&self, variant: &Variant, bytes: &[u8]) -> std::io::Result<()> {
        let target = self.cached(variant);
        let partial = self.cache.join(format!(".{}.{}.partial", variant.cached(), std::process::id()));
        std::fs::write(&partial, bytes)?;
        std::fs::rename(&partial, &target).inspect_err(|_| {
            let _ = std::fs::remove_file(&partial);
        })
    }

    /// The cache folder.
    pub fn cache(&self) -> &Path {
        &self.cache
    }
}
