//! What `site.toml` holds: the few settings every page shares.

use serde::Deserialize;

/// Site-wide settings from `site.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The site's name, in the header and every page title.
    pub name: super::Text,
    /// One sentence for search engines and link previews of the home page.
    pub description: super::Text,
    /// BCP 47 language tag of the content, and the site's default language: its pages are at
    /// the site's root.
    #[serde(deserialize_with = "super::language_tag")]
    pub language: String,
    /// Every language the site is published in (`["en", "nb"]`), the default among them; each
    /// but the default lives under `/{tag}/`. Left out, the default alone.
    #[serde(default)]
    pub languages: Option<serde_spanned::Spanned<Vec<LanguageTag>>>,
    /// The institution named in the footer.
    pub host: Option<String>,
    /// The CSL style publications are cited in on their pages.
    #[serde(default)]
    pub citation_style: CitationStyle,
    /// The site's own icon (`media/icon.svg`, `.png` or `.ico`), which browsers show in tabs
    /// and bookmarks; without one the site draws its own from its name.
    #[serde(default, deserialize_with = "icon_file")]
    pub icon: Option<super::FilePath>,
    /// The site's logo (`{ file = "media/logo.png", alt = "…" }`): what link previews show
    /// of a page that has no picture of its own.
    pub logo: Option<super::Image>,
    /// The IANA time zone the groups live in (`Europe/Oslo`): events' times without an offset
    /// are on its clock, and pages show times on it. Left out, UTC.
    #[serde(default)]
    pub time_zone: TimeZone,
}

/// A language the site is published in, as `site.toml` writes it: a BCP 47 tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageTag(pub String);

impl<'de> Deserialize<'de> for LanguageTag {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::language_tag(d).map(LanguageTag)
    }
}

impl Settings {
    /// The site's languages, the default first, each once.
    pub fn languages(&self) -> Vec<&str> {
        let mut languages = vec![self.language.as_str()];
        for tag in self.languages.iter().flat_map(|l| l.get_ref()) {
            if !languages.contains(&tag.0.as_str()) {
                languages.push(&tag.0);
            }
        }
        languages
    }
}

/// A time zone of the IANA database, which groupsite carries (chrono-tz), so summer time is
/// right in every year without the machine's own tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeZone(pub chrono_tz::Tz);

impl Default for TimeZone {
    fn default() -> Self {
        TimeZone(chrono_tz::UTC)
    }
}

impl<'de> Deserialize<'de> for TimeZone {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        if let Ok(zone) = name.trim().parse::<chrono_tz::Tz>() {
            return Ok(TimeZone(zone));
        }
        let names: Vec<&str> = chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()).collect();
        let hint =
            crate::diagnostic::nearest(&name, &names).map(|n| format!("; did you mean `{n}`?")).unwrap_or_default();
        Err(serde::de::Error::custom(format!(
            "`{name}` is not a time zone of the IANA database, such as `Europe/Oslo`{hint}"
        )))
    }
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

/// The media types of the icon files browsers show, by extension.
pub const ICON_TYPES: [(&str, &str); 3] = [("svg", "image/svg+xml"), ("png", "image/png"), ("ico", "image/x-icon")];

/// The media type of an icon file, by its extension, if it is one browsers show.
pub fn icon_type(path: &str) -> Option<&'static str> {
    let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
    ICON_TYPES.iter().find(|(e, _)| *e == extension).map(|(_, mime)| *mime)
}

/// Reads the site's icon: a file browsers can show as one, so the site never links an icon
/// no tab displays.
fn icon_file<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<super::FilePath>, D::Error> {
    let file = super::FilePath::deserialize(d)?;
    if icon_type(&file.path).is_none() {
        return Err(serde::de::Error::custom(format!(
            "`{}` is not an icon browsers show; name an `.svg`, `.png` or `.ico` file in `media/`",
            file.path
        )));
    }
    Ok(Some(file))
}
