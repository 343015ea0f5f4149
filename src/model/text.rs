//! Text an editor may write in more than one of the site's languages: a group's name, a
//! project's title, a person's position. Each edition of the site shows it in its own language
//! where the editor gave one, and otherwise in another, marked with that language's tag so a
//! screen reader pronounces it right.

use std::fmt;
use std::ops::{Deref, Range};

use serde::{Deserialize, Deserializer};
use serde_spanned::Spanned;

/// Translatable text: written as one string, in the site's default language, or as a table of
/// one string per language, `{ en = "Welfare", nb = "Velferd" }`. Reads as the string an
/// edition shows (`&*text`); [`Text::marked`] prints it for a page with its language marked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    /// What the edition shows.
    shown: String,
    /// The language of `shown`, where it is not the edition's own.
    lang: Option<Box<str>>,
    /// Each language's text, for the table form, in the order written; empty for a string,
    /// which is in the default language.
    given: Vec<(String, String)>,
    /// Where the value is written, for mistakes about its languages.
    pub at: Range<usize>,
}

/// The two ways a text is written.
enum Written {
    One(String),
    Many(Vec<(String, String)>),
}

impl<'de> Deserialize<'de> for Written {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Written;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("text, or a table of one text per language such as `{ en = \"…\", nb = \"…\" }`")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Written, E> {
                Ok(Written::One(text.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, text: String) -> Result<Written, E> {
                Ok(Written::One(text))
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(self, mut map: M) -> Result<Written, M::Error> {
                let mut given = Vec::new();
                while let Some((language, text)) = map.next_entry::<String, String>()? {
                    given.push((language, text));
                }
                Ok(Written::Many(given))
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let spanned = Spanned::<Written>::deserialize(d)?;
        let at = spanned.span();
        let blank = || D::Error::custom("this text is blank: write something, or leave the field out");
        let given = match spanned.into_inner() {
            Written::One(text) if text.trim().is_empty() => return Err(blank()),
            Written::One(text) => return Ok(Text { shown: text, lang: None, given: Vec::new(), at }),
            Written::Many(given) => given,
        };
        if given.iter().any(|(_, text)| text.trim().is_empty()) {
            return Err(blank());
        }
        let Some((_, first)) = given.first() else {
            return Err(D::Error::custom("give the text in at least one language: `{ en = \"…\" }`"));
        };
        Ok(Text { shown: first.clone(), lang: None, given, at })
    }
}

impl Text {
    /// A text in the default language, as code builds one (tests, BibTeX).
    pub fn plain(text: impl Into<String>) -> Self {
        Text { shown: text.into(), ..Text::default() }
    }

    /// The text as an edition shows it.
    pub fn as_str(&self) -> &str {
        &self.shown
    }

    /// The languages the editor wrote it in, by tag; none for a plain string, which is in the
    /// default language.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.given.iter().map(|(language, _)| language.as_str())
    }

    /// The language the text is shown in, where it is not the edition's own.
    pub fn lang(&self) -> Option<&str> {
        self.lang.as_deref()
    }

    /// Makes the text what the edition in `language` shows: its own text; else the default
    /// language's; else the first written, each marked with its language.
    pub fn settle(&mut self, language: &str, default: &str) {
        let (text, lang) = if self.given.is_empty() {
            (None, default)
        } else if let Some((_, text)) = self.given.iter().find(|(l, _)| l == language) {
            (Some(text), language)
        } else if let Some((_, text)) = self.given.iter().find(|(l, _)| l == default) {
            (Some(text), default)
        } else {
            let (l, text) = &self.given[0];
            (Some(text), l.as_str())
        };
        if let Some(text) = text {
            self.shown.clone_from(text);
        }
        self.lang = (lang != language).then(|| lang.into());
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.shown
    }
}

/// The text alone, never its markup: for titles, attributes, feeds and files.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shown)
    }
}

/// Words the site itself writes (a catalogue's, a slug), which are in the page's language.
impl From<String> for Text {
    fn from(text: String) -> Text {
        Text::plain(text)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::plain(text)
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        text.shown
    }
}

/// As the edition shows it: schema.org data and other machine-read copies carry the words alone.
impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.shown)
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.shown == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.shown == *other
    }
}

/// What templates print words with: `{{ project.title.marked() }}`. Text an editor wrote is
/// marked with its language where that is not the page's; words the site writes itself (a
/// `String`) are in the page's language already, and print as they are, escaped.
pub trait Mark {
    /// The words for a page, escaped, inside `<span lang="…">` where they are not in the
    /// page's language.
    fn marked(&self) -> Marked<'_>;
}

impl Mark for Text {
    fn marked(&self) -> Marked<'_> {
        Marked { text: &self.shown, lang: self.lang() }
    }
}

impl Mark for String {
    fn marked(&self) -> Marked<'_> {
        self.as_str().marked()
    }
}

impl Mark for str {
    fn marked(&self) -> Marked<'_> {
        Marked { text: self, lang: None }
    }
}

/// Words as a template prints them: escaped, and marked with their language where that is
/// not the page's.
pub struct Marked<'a> {
    text: &'a str,
    lang: Option<&'a str>,
}

impl fmt::Display for Marked<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = askama::filters::escape(self.text, askama::filters::Html).map_err(|_| fmt::Error)?;
        match self.lang {
            Some(lang) => write!(f, "<span lang=\"{}\">{text}</span>", Lang(lang)),
            None => write!(f, "{text}"),
        }
    }
}

impl askama::filters::HtmlSafe for Marked<'_> {}

/// A language tag as an attribute value: only the letters, digits and hyphens a tag holds.
struct Lang<'a>(&'a str);

impl fmt::Display for Lang<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').try_for_each(|c| write!(f, "{c}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(toml: &str) -> Result<Text, String> {
        #[derive(Deserialize)]
        struct Holder {
            name: Text,
        }
        toml::from_str::<Holder>(toml).map(|h| h.name).map_err(|e| e.message().to_owned())
    }

    #[test]
    fn a_string_is_in_the_default_language_and_marked_elsewhere() {
        let mut text = read("name = \"Welfare\"").unwrap();
        text.settle("en", "en");
        assert_eq!(text.marked().to_string(), "Welfare");
        text.settle("nb", "en");
        assert_eq!(text.marked().to_string(), "<span lang=\"en\">Welfare</span>");
        assert_eq!(text.to_string(), "Welfare");
    }

    #[test]
    fn each_edition_shows_its_own_text_or_the_default_marked() {
        let mut text = read("name = { en = \"Welfare & care\", nb = \"Velferd\" }").unwrap();
        text.settle("nb", "en");
        assert_eq!(text.marked().to_string(), "Velferd");
        text.settle("nn", "en");
        assert_eq!(text.marked().to_string(), "<span lang=\"en\">Welfare &#38; care</span>");
        text.settle("en", "en");
        assert_eq!(&*text, "Welfare & care");
    }

    #[test]
    fn a_text_given_only_in_norwegian_is_marked_norwegian_in_every_language() {
        let mut text = read("name = { nb = \"SoVei\" }").unwrap();
        for edition in ["en", "nn"] {
            text.settle(edition, "en");
            assert_eq!(text.marked().to_string(), "<span lang=\"nb\">SoVei</span>", "{edition}");
        }
        text.settle("nb", "en");
        assert_eq!(text.marked().to_string(), "SoVei");
    }

    #[test]
    fn blank_and_empty_texts_are_refused() {
        assert!(read("name = \" \"").unwrap_err().contains("blank"));
        assert!(read("name = { en = \"\" }").unwrap_err().contains("blank"));
        assert!(read("name = {}").unwrap_err().contains("at least one language"));
        assert!(read("name = 3").unwrap_err().contains("a table of one text per language"), "{:?}", read("name = 3"));
    }
}
