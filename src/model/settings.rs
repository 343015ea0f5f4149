//! What `site.toml` holds: the few settings every page shares.

use serde::Deserialize;

/// Site-wide settings from `site.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The site's name, in the header and every page title.
    #[serde(deserialize_with = "super::non_blank")]
    pub name: String,
    /// One sentence for search engines and link previews of the home page.
    #[serde(deserialize_with = "super::non_blank")]
    pub description: String,
    /// BCP 47 language tag of the content, for `<html lang>`.
    #[serde(deserialize_with = "super::language_tag")]
    pub language: String,
    /// The institution named in the footer.
    pub host: Option<String>,
}
