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
    /// The CSL style publications are cited in on their pages.
    #[serde(default)]
    pub citation_style: CitationStyle,
}

/// A CSL citation style by its short name (`apa`, `chicago-author-date`, `ieee`, …), one of
/// the styles groupsite carries, so no style is fetched at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CitationStyle(pub hayagriva::archive::ArchivedStyle);

impl Default for CitationStyle {
    /// APA 7th edition, the style most of the social sciences cite in.
    fn default() -> Self {
        CitationStyle(hayagriva::archive::ArchivedStyle::AmericanPsychologicalAssociation)
    }
}

impl<'de> Deserialize<'de> for CitationStyle {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        hayagriva::archive::ArchivedStyle::by_name(name.trim()).map(CitationStyle).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{name}` is not a citation style groupsite knows; content/README.md lists them \
                 (`apa`, `chicago-author-date`, `harvard-cite-them-right`, `ieee`, `vancouver`, …)"
            ))
        })
    }
}
