//! The files of `static/`, compiled into the binary and served under content-hashed names,
//! so browsers and caches may keep them for a year.

use sha2::{Digest, Sha256};

use crate::render::{Asset, Urls};

const STYLESHEET: &str = include_str!("../../static/site.css");
/// Only in the editor's preview: the script that reloads pages when content changes.
const LIVE_SCRIPT: &str = include_str!("../../static/live.js");

/// One compiled-in file under its fingerprinted name.
#[derive(Debug, Clone)]
struct Compiled {
    name: String,
    href: String,
    body: &'static str,
    mime: &'static str,
}

impl Compiled {
    fn new(urls: &Urls, stem: &str, extension: &str, body: &'static str, mime: &'static str) -> Self {
        let name = format!("{stem}.{}.{extension}", fingerprint(body.as_bytes()));
        let href = urls.path(&crate::paths::asset(&name));
        Compiled { name, href, body, mime }
    }
}

/// The compiled-in assets and their fingerprinted names.
#[derive(Debug, Clone)]
pub struct Assets {
    files: Vec<Compiled>,
}

impl Assets {
    /// Names every asset after a hash of its bytes: `site.3f9c2a1b0d.css`. The live-reload
    /// script exists only in the editor's preview.
    pub fn new(urls: &Urls, preview: bool) -> Self {
        let mut files = vec![Compiled::new(urls, "site", "css", STYLESHEET, "text/css; charset=utf-8")];
        if preview {
            files.push(Compiled::new(urls, "live", "js", LIVE_SCRIPT, "text/javascript; charset=utf-8"));
        }
        Assets { files }
    }

    /// The stylesheet, as pages link it.
    pub fn stylesheet(&self) -> Asset {
        Asset { href: self.files.first().map(|f| f.href.clone()).unwrap_or_default() }
    }

    /// The live-reload script's URL, in the editor's preview.
    pub fn live_script(&self) -> Option<String> {
        self.files.iter().find(|f| f.name.starts_with("live.")).map(|f| f.href.clone())
    }

    /// Every asset's path, without the base path: what `export` writes.
    pub fn paths(&self) -> impl Iterator<Item = String> + '_ {
        self.files.iter().map(|f| crate::paths::asset(&f.name))
    }

    /// The bytes and MIME type of the asset named `name`, if there is one.
    pub fn get(&self, name: &str) -> Option<(&'static str, &'static str)> {
        self.files.iter().find(|f| f.name == name).map(|f| (f.body, f.mime))
    }
}

/// The first ten hex digits of the SHA-256 of `bytes`: the same on every build and every
/// replica, so a rolling deploy never links a stylesheet another replica cannot serve.
fn fingerprint(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().take(5).map(|b| format!("{b:02x}")).collect()
}
