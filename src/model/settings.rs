use serde::Deserialize;

/// Site-wide settings from `site.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The site's name, in the header and every page title.
    pub name: String,
    /// One sentence for search engines and link previews of the home page.
    pub description: String,
    /// BCP 47 language tag of the content, for `<html lang>`.
    pub language: String,
    /// The institution named in the footer.
    pub host: Option<String>,
}
