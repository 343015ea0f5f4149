//! Every URL the site writes, built from the base URL so the site can live under a sub-path.

use std::fmt;

use crate::model::{Entity, EntityKind, Html, Slug};
use crate::paths;

/// Where the site is published, from `--base-url`: every link, canonical URL and sitemap entry
/// is built from it, so the site works under a sub-path behind a reverse proxy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Urls {
    /// Scheme and host, without a trailing slash: `https://example.org`.
    origin: String,
    /// The sub-path the site is mounted at, without a trailing slash: `/research` or ``.
    prefix: String,
    /// The edition's language segment after it, with its slash: `/nb`, or `` for the
    /// default language.
    segment: String,
}

/// A page in one of the site's languages, for `<link rel="alternate" hreflang>` and the
/// sitemap's alternates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InLanguage {
    /// The language's tag, or `x-default` for the page a visitor of any other language gets.
    pub hreflang: String,
    /// Absolute.
    pub href: String,
}

/// A base URL that is not `http://` or `https://` followed by a host.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a base URL: write it as https://example.org/ or https://example.org/research/")]
pub struct BadBaseUrl(pub String);

impl Urls {
    /// Parses a base URL such as `https://example.org/research/`.
    pub fn new(base_url: &str) -> Result<Self, BadBaseUrl> {
        let bad = || BadBaseUrl(base_url.to_owned());
        let rest = base_url.strip_prefix("https://").or_else(|| base_url.strip_prefix("http://")).ok_or_else(bad)?;
        let (host, path) = rest.split_once('/').map_or((rest, ""), |(h, p)| (h, p));
        let valid_host = !host.is_empty()
            && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
        let valid_path = path.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.' | '~'));
        if !valid_host || !valid_path || path.contains("..") || base_url.contains(['?', '#']) {
            return Err(bad());
        }
        let scheme_len = base_url.len() - rest.len();
        let origin = format!("{}{host}", &base_url[..scheme_len]);
        let prefix = match path.trim_matches('/') {
            "" => String::new(),
            p => format!("/{p}"),
        };
        Ok(Urls { origin, prefix, segment: String::new() })
    }

    /// The same site's URLs in the edition whose addresses start with `segment` (`nb`, from
    /// [`paths::language_segment`]; empty for the default language).
    pub fn in_edition(&self, segment: &str) -> Urls {
        let segment = if segment.is_empty() { String::new() } else { format!("/{segment}") };
        Urls { segment, ..self.clone() }
    }

    /// The same site's URLs in `language`, number `index` among the site's languages: the
    /// default (0) at the root, the others under their segment.
    pub fn in_language(&self, index: usize, language: &str) -> Urls {
        let segment = if index == 0 { String::new() } else { paths::language_segment(language) };
        self.in_edition(&segment)
    }

    /// The root-relative URL of a page of this edition: `/people/` → `/research/nb/people/`.
    pub fn path(&self, path: &str) -> String {
        format!("{}{}{path}", self.prefix, self.segment)
    }

    /// The absolute URL of a page of this edition, for canonical links, OpenGraph and the sitemap.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}{}{path}", self.origin, self.prefix, self.segment)
    }

    /// The page at `path` in each of `languages` (the site's, the default first), as
    /// `hreflang` alternates: each language's absolute URL, then `x-default`, the default's.
    /// Empty for a site in one language, which has no alternates.
    pub fn alternates(&self, languages: &[&str], path: &str) -> Vec<InLanguage> {
        if languages.len() < 2 {
            return Vec::new();
        }
        let edition = |i: usize, language: &str| self.in_language(i, language).absolute(path);
        let mut alternates: Vec<InLanguage> = languages
            .iter()
            .enumerate()
            .map(|(i, language)| InLanguage { hreflang: (*language).to_owned(), href: edition(i, language) })
            .collect();
        alternates.push(InLanguage { hreflang: "x-default".to_owned(), href: edition(0, languages[0]) });
        alternates
    }

    /// The root-relative URL of a file every edition shares (`/media/a.jpg`, an asset, the
    /// sitemap): `/research/media/a.jpg`.
    pub fn file(&self, path: &str) -> String {
        format!("{}{path}", self.prefix)
    }

    /// The absolute URL of a file every edition shares, for link previews and `robots.txt`.
    pub fn absolute_file(&self, path: &str) -> String {
        format!("{}{}{path}", self.origin, self.prefix)
    }

    /// Where `entity` is shown, base path included: its page, or its entry on its list.
    pub fn of<T: Entity>(&self, entity: &T) -> String {
        self.entity(T::KIND, entity.slug())
    }

    /// The absolute URL of where `entity` is shown, for schema.org data and vCards.
    pub fn absolute_of<T: Entity>(&self, entity: &T) -> String {
        self.absolute(&paths::entity(T::KIND, entity.slug()))
    }

    /// The schema.org `@id` of `entity`'s node: its page's absolute URL and a fragment naming
    /// its kind (`https://…/people/ana/#person`), the same on every page the node appears on.
    pub fn node_id<T: Entity>(&self, entity: &T) -> String {
        format!("{}#{}", self.absolute_of(entity), T::KIND.key())
    }

    /// Where the entity of `kind` named `slug` is shown, base path included.
    pub fn entity(&self, kind: EntityKind, slug: &Slug) -> String {
        self.path(&paths::entity(kind, slug))
    }

    /// A Markdown body as this site shows it: its site-relative links (`href="/contact"`,
    /// `src="/media/a.png"`) moved under the base path, and a link to a page written without
    /// its closing `/` (`/contact`) given it, so that no link the site writes is a redirect.
    /// The base path holds only URL path characters, so the result stays safe.
    pub fn rebase(&self, html: &Html) -> Html {
        let text = html.as_str();
        let mut out = String::with_capacity(text.len() + 64);
        let mut rest = text;
        while let Some((at, attribute)) = next_site_link(rest) {
            let start = at + attribute.len();
            out.push_str(&rest[..start]);
            rest = &rest[start..];
            let end = rest.find('"').unwrap_or(rest.len());
            let link = &rest[..end];
            out.push_str(&self.prefix);
            if !paths::is_shared(link) {
                out.push_str(&self.segment);
            }
            let split = link.find(['?', '#']).unwrap_or(link.len());
            let (path, tail) = link.split_at(split);
            out.push_str(path);
            let last = path.rsplit('/').next().unwrap_or_default();
            if attribute == "href=\"" && !last.is_empty() && !last.contains('.') {
                out.push('/');
            }
            out.push_str(tail);
            rest = &rest[end..];
        }
        out.push_str(rest);
        Html::sanitized(out).in_language_of(html)
    }

    /// A Markdown body for a feed reader, which has no page to resolve links against: as
    /// [`Urls::rebase`] writes it, with every site-relative link made absolute.
    pub fn absolute_links(&self, html: &Html) -> String {
        let rebased = self.rebase(html);
        let text = rebased.as_str();
        let mut out = String::with_capacity(text.len() + 256);
        let mut rest = text;
        while let Some((at, attribute)) = next_site_link(rest) {
            let start = at + attribute.len();
            out.push_str(&rest[..start]);
            out.push_str(&self.origin);
            rest = &rest[start..];
        }
        out.push_str(rest);
        out
    }

    /// True when the site is served over HTTPS.
    pub fn is_https(&self) -> bool {
        self.origin.starts_with("https://")
    }

    /// The sub-path, empty at the root of a host.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }
}

/// The next `href="/…"` or `src="/…"` in `text` that is a site-relative link (not `//host/…`):
/// where its attribute starts, and the attribute up to the link's opening quote.
fn next_site_link(text: &str) -> Option<(usize, &'static str)> {
    let mut from = 0;
    loop {
        let found = ["href=\"", "src=\""]
            .into_iter()
            .filter_map(|attribute| {
                let at = text[from..].find(&format!("{attribute}/"))? + from;
                Some((at, attribute))
            })
            .min_by_key(|(at, _)| *at)?;
        let after = &text[found.0 + found.1.len()..];
        if !after.starts_with("//") {
            return Some(found);
        }
        from = found.0 + found.1.len();
    }
}

impl fmt::Display for Urls {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}/", self.origin, self.prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::Urls;

    #[test]
    fn sub_path_is_kept_in_every_url() {
        let urls = Urls::new("https://example.org/research/").unwrap();
        assert_eq!(urls.path("/people"), "/research/people");
        assert_eq!(urls.absolute("/"), "https://example.org/research/");
        assert!(urls.is_https());
    }

    #[test]
    fn root_base_url_has_no_prefix() {
        let urls = Urls::new("http://127.0.0.1:3000").unwrap();
        assert_eq!(urls.path("/"), "/");
        assert_eq!(urls.absolute("/projects"), "http://127.0.0.1:3000/projects");
    }

    #[test]
    fn site_relative_links_move_under_a_base_path() {
        let html = crate::markdown::render(
            "[Contact](/contact), [elsewhere](https://example.org/x) and [protocol](//cdn.example/x)",
        )
        .unwrap();
        let rebased = Urls::new("https://example.org/research/").unwrap().rebase(&html);
        assert!(rebased.as_str().contains("href=\"/research/contact/\""), "{}", rebased.as_str());
        assert!(rebased.as_str().contains("href=\"https://example.org/x\""));
        assert!(rebased.as_str().contains("href=\"//cdn.example/x\""), "{}", rebased.as_str());
        let at_root = Urls::new("https://example.org/").unwrap().rebase(&html);
        assert!(at_root.as_str().contains("href=\"/contact/\""), "{}", at_root.as_str());
    }

    #[test]
    fn a_link_to_a_page_gets_its_closing_slash_and_a_file_keeps_its_name() {
        let html = crate::markdown::render(
            "[a](/people/ada) [b](/people/ada/) [c](/people?group=x#top) [d](/media/cv.pdf) [e](/) ![f](/media/f.png)",
        )
        .unwrap();
        let rebased = Urls::new("https://example.org/research/").unwrap().rebase(&html);
        let text = rebased.as_str();
        assert_eq!(text.matches("href=\"/research/people/ada/\"").count(), 2, "{text}");
        for expected in [
            "href=\"/research/people/?group=x#top\"",
            "href=\"/research/media/cv.pdf\"",
            "href=\"/research/\"",
            "src=\"/research/media/f.png\"",
        ] {
            assert!(text.contains(expected), "{expected} in {text}");
        }
    }

    #[test]
    fn nonsense_is_refused() {
        for bad in ["example.org", "ftp://x", "https://", "https://a/b?c", "https://a/../b", "https://a b/"] {
            assert!(Urls::new(bad).is_err(), "{bad}");
        }
    }
}
