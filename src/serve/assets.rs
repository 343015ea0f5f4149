//! The files of `static/`, compiled into the binary and served under content-hashed names,
//! so browsers and caches may keep them for a year.

use sha2::{Digest, Sha256};

use crate::render::{Asset, Urls};

const STYLESHEET: &str = include_str!("../../static/site.css");

/// The compiled-in assets and their fingerprinted names.
#[derive(Debug, Clone)]
pub struct Assets {
    stylesheet_name: String,
    stylesheet_href: String,
}

impl Assets {
    /// Names every asset after a hash of its bytes: `site.3f9c2a1b.css`.
    pub fn new(urls: &Urls) -> Self {
        let stylesheet_name = format!("site.{}.css", fingerprint(STYLESHEET.as_bytes()));
        let stylesheet_href = urls.path(&format!("/assets/{stylesheet_name}"));
        Assets { stylesheet_name, stylesheet_href }
    }

    /// The stylesheet, as pages link it.
    pub fn stylesheet(&self) -> Asset {
        Asset { href: self.stylesheet_href.clone() }
    }

    /// The bytes and MIME type of the asset named `name`, if there is one.
    pub fn get(&self, name: &str) -> Option<(&'static str, &'static str)> {
        (name == self.stylesheet_name).then_some((STYLESHEET, "text/css; charset=utf-8"))
    }
}

/// The first ten hex digits of the SHA-256 of `bytes`: the same on every build and every
/// replica, so a rolling deploy never links a stylesheet another replica cannot serve.
fn fingerprint(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().take(5).map(|b| format!("{b:02x}")).collect()
}
