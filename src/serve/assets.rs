//! The files of `static/`, compiled into the binary and served under content-hashed names,
//! so browsers and caches may keep them for a year.

use std::path::Path;

use axum::body::Bytes;
use sha2::{Digest, Sha256};

use crate::link::Site;
use crate::render::{Asset, IconLink, Urls};

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
        let href = urls.file(&crate::paths::asset(&name));
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

/// The site's icon, which browsers show in tabs and bookmarks and ask for at `/favicon.ico`:
/// the file `site.toml` names, or a square drawn from the site's name. It belongs to one
/// content version, since either can change while the server runs.
#[derive(Debug, Clone)]
pub struct Icon {
    name: String,
    link: IconLink,
    body: Bytes,
}

/// The colour of the drawn icon's square: the stylesheet's accent, under which white text
/// has a contrast of 8:1.
const ICON_SQUARE: &str = "#00509e";

impl Icon {
    /// The icon of `site`, whose content folder is `content`. A named file that cannot be read
    /// (removed since the content was checked) is logged, and the drawn icon is used instead.
    pub fn new(site: &Site, content: &Path, urls: &Urls) -> Self {
        let own = site.settings.icon.as_ref().and_then(|icon| {
            let mime = crate::model::icon_type(&icon.path)?;
            let extension = icon.path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
            match std::fs::read(content.join(&icon.path)) {
                Ok(bytes) => Some((Bytes::from(bytes), extension, mime)),
                Err(error) => {
                    tracing::warn!(%error, file = %icon.path, "cannot read the site's icon; drawing one");
                    None
                }
            }
        });
        let (body, extension, mime) =
            own.unwrap_or_else(|| (Bytes::from(drawn(&site.settings.name)), "svg".to_owned(), "image/svg+xml"));
        let name = format!("icon.{}.{extension}", fingerprint(&body));
        let href = urls.file(&crate::paths::asset(&name));
        Icon { name, link: IconLink { href, mime }, body }
    }

    /// How pages link it.
    pub fn link(&self) -> IconLink {
        self.link.clone()
    }

    /// Its path under its fingerprinted name, without the base path: what `export` writes.
    pub fn path(&self) -> String {
        crate::paths::asset(&self.name)
    }

    /// Whether `name` is the icon's fingerprinted file name.
    pub fn is_named(&self, name: &str) -> bool {
        self.name == name
    }

    /// Its bytes and media type.
    pub fn body(&self) -> (Bytes, &'static str) {
        (self.body.clone(), self.link.mime)
    }
}

/// The icon drawn for a site without its own: the first letter or digit of its name, white
/// and bold on a rounded square of the site's accent colour, in the visitor's own sans-serif,
/// so no font is fetched.
fn drawn(name: &str) -> String {
    let initial: String =
        name.chars().find(|c| c.is_alphanumeric()).map(|c| c.to_uppercase().collect()).unwrap_or_default();
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\">\
         <rect width=\"64\" height=\"64\" rx=\"12\" fill=\"{ICON_SQUARE}\"/>\
         <text x=\"32\" y=\"45\" text-anchor=\"middle\" font-family=\"system-ui, Arial, Helvetica, sans-serif\" \
         font-size=\"38\" font-weight=\"700\" fill=\"#ffffff\">{initial}</text></svg>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::{STYLESHEET, drawn};

    /// The rules of the stylesheet's `@media print` block.
    fn print_rules() -> &'static str {
        let start = STYLESHEET.find("@media print {").expect("a print block") + "@media print {".len();
        let mut depth = 1;
        for (at, c) in STYLESHEET[start..].char_indices() {
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            if depth == 0 {
                return &STYLESHEET[start..start + at];
            }
        }
        panic!("the print block is not closed")
    }

    /// The declarations of the print rule whose selector list names `selector`.
    fn declarations_for(selector: &str) -> String {
        let rules = print_rules();
        let mut rest = rules;
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
            let selectors = rest[..open].rsplit(['}', '/']).next().unwrap_or_default();
            if selectors.split(',').any(|s| s.trim() == selector) {
                return rest[open + 1..close].to_owned();
            }
            rest = &rest[close.min(rest.len() - 1) + 1..];
        }
        panic!("no print rule for `{selector}` in:\n{rules}")
    }

    #[test]
    fn print_shows_where_outside_links_go_and_leaves_out_what_paper_cannot_use() {
        let after = declarations_for("a[href^=\"http\"]::after");
        assert!(after.contains("content: \" (\" attr(href) \")\""), "{after}");
        for hidden in [".skip-link", ".main-nav", ".site-search", "a[href$=\".vcf\"]"] {
            assert!(declarations_for(hidden).contains("display: none"), "{hidden} is not printed");
        }
        for plain in ["a[href^=\"mailto:\"]", "a[href^=\"tel:\"]"] {
            assert!(declarations_for(plain).contains("text-decoration: none"), "{plain} prints as text");
            assert!(!print_rules().contains(&format!("{plain}::after")), "{plain} prints no address after it");
        }
    }

    #[test]
    fn the_drawn_icon_shows_the_first_letter_of_the_name() {
        let svg = drawn("Relational Welfare and Wellbeing · WellFare");
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{svg}");
        assert!(svg.contains(">R</text>"), "{svg}");
        assert!(drawn("«ø-lab»").contains(">Ø</text>"), "the first letter, upper case, whatever the script");
        assert!(drawn("<&>").contains("></text>"), "nothing that is not a letter or digit is written into the SVG");
    }
}
