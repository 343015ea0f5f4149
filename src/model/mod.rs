//! The entities of the site, in the language of research groups: what a group, project,
//! person, partner, publication, practice, news story, event and page hold. `check` builds them from files;
//! `link` connects them into a `Site`.

mod event;
mod group;
mod moment;
mod news;
mod page;
mod partner;
mod person;
mod practice;
mod project;
mod publication;
mod settings;
mod text;

use std::collections::BTreeMap;
use std::fmt;
use std::ops::{Deref, Range};

use serde::de::{DeserializeOwned, Error as _, Unexpected};
use serde::{Deserialize, Deserializer};
// Spans come through serde_spanned's protocol, which the TOML reader speaks; a source that does
// not (BibTeX) builds values with their `new` and byte ranges of its own.
use serde_spanned::Spanned;

pub use event::{Event, EventPerson, EventStatus, Location, When};
pub use group::{Group, GroupKind, Quote, Spotlight};
pub use moment::{Moment, Placed, Skipped, Written, end_of, start_of};
pub use news::News;
pub use page::Page;
pub use partner::Partner;
pub use person::{Affiliation, Membership, Person, Role, Tenure, orcid_id};
pub use practice::{Level, Practice};
pub use project::{Project, ProjectKind, ProjectPerson, Status};
pub use publication::{Author, Publication, PublicationKind};
pub use settings::{CitationStyle, ICON_TYPES, LanguageTag, Settings, TimeZone, icon_type};
pub use text::{Mark, Marked, Text};

/// The kinds of entity, one per content folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// `groups/`: the research groups and centres.
    Group,
    /// `projects/`: projects and other research activities.
    Project,
    /// `people/`: everyone the groups and their projects name.
    Person,
    /// `partners/`: organisations the groups and their projects work with.
    Partner,
    /// `publications/`: special issues, edited books, journals and reports.
    Publication,
    /// `practices/`: promising practices the groups point to.
    Practice,
    /// `news/`: stories the groups tell, newest first.
    News,
    /// `events/`: seminars, conferences and the like, upcoming and past.
    Event,
    /// `pages/`: free pages such as the accessibility statement.
    Page,
}

impl EntityKind {
    /// Every kind, in the order the site presents them.
    pub const ALL: [EntityKind; 9] = [
        EntityKind::Group,
        EntityKind::Project,
        EntityKind::Person,
        EntityKind::Partner,
        EntityKind::Publication,
        EntityKind::Practice,
        EntityKind::News,
        EntityKind::Event,
        EntityKind::Page,
    ];

    /// The folder under content/ that holds this kind.
    pub fn folder(self) -> &'static str {
        match self {
            EntityKind::Group => "groups",
            EntityKind::Project => "projects",
            EntityKind::Person => "people",
            EntityKind::Partner => "partners",
            EntityKind::Publication => "publications",
            EntityKind::Practice => "practices",
            EntityKind::News => "news",
            EntityKind::Event => "events",
            EntityKind::Page => "pages",
        }
    }

    /// The kind in the plural, as the preview's banner counts entities: `12 of 14 people`.
    pub fn plural(self) -> &'static str {
        match self {
            EntityKind::Person => "people",
            other => other.folder(),
        }
    }

    /// The kind's stable name, in the singular: `person`, as `groupsite new` and the catalogue's
    /// message ids name it.
    pub fn key(self) -> &'static str {
        match self {
            EntityKind::Group => "group",
            EntityKind::Project => "project",
            EntityKind::Person => "person",
            EntityKind::Partner => "partner",
            EntityKind::Publication => "publication",
            EntityKind::Practice => "practice",
            EntityKind::News => "news",
            EntityKind::Event => "event",
            EntityKind::Page => "page",
        }
    }

    /// The kind whose folder is `folder`.
    pub fn from_folder(folder: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.folder() == folder)
    }
}

/// Every entity of the site, one map per kind, by slug: what `check` builds and a `Site`
/// holds. A new kind is a field here, a line in [`Entities::read`] and an arm of
/// [`with_entities!`]; the steps that go through those need no edit to know of it.
#[derive(Debug, Clone, Default)]
pub struct Entities {
    /// `groups/`: in slug order, which is also the order of the navigation and the home page.
    pub groups: BTreeMap<Slug, Group>,
    /// `projects/`: every project and research activity, each with its page.
    pub projects: BTreeMap<Slug, Project>,
    /// `people/`: each with a page and a vCard; only people with a membership are in the directory.
    pub people: BTreeMap<Slug, Person>,
    /// `partners/`: listed on `/partners/`, with no page of their own.
    pub partners: BTreeMap<Slug, Partner>,
    /// `publications/`: each with a page, and listed on `/publications/` by kind.
    pub publications: BTreeMap<Slug, Publication>,
    /// `practices/`: listed on `/practices/`, with no page of their own.
    pub practices: BTreeMap<Slug, Practice>,
    /// `news/`: each with a page, listed newest first on `/news/`.
    pub news: BTreeMap<Slug, News>,
    /// `events/`: each with a page and a calendar file, listed on `/events/`.
    pub events: BTreeMap<Slug, Event>,
    /// `pages/`: free pages, in slug order, which is also the order of the footer.
    pub pages: BTreeMap<Slug, Page>,
}

/// Reads every entity of one kind, whatever its source: how `check` fills [`Entities`].
pub trait Reader {
    /// The entities of `T`'s kind that read without a mistake, by slug.
    fn read<T: Entity + DeserializeOwned + Clone + Send + Sync + 'static>(&mut self) -> BTreeMap<Slug, T>;
    /// Adds to `publications` the entries of the BibTeX files, which belong to the groups and
    /// people that list them in their `bibliography`.
    fn read_bibliographies(
        &mut self,
        groups: &BTreeMap<Slug, Group>,
        people: &BTreeMap<Slug, Person>,
        publications: &mut BTreeMap<Slug, Publication>,
    );
}

impl Entities {
    /// Every kind's entities, from `reader`.
    pub fn read(reader: &mut impl Reader) -> Self {
        let groups = reader.read();
        let projects = reader.read();
        let people = reader.read();
        let partners = reader.read();
        let mut publications = reader.read();
        reader.read_bibliographies(&groups, &people, &mut publications);
        Entities {
            groups,
            projects,
            people,
            partners,
            publications,
            practices: reader.read(),
            news: reader.read(),
            events: reader.read(),
            pages: reader.read(),
        }
    }
}

/// The one place a kind of entity meets its map: evaluates `$body` with `$entities` bound to
/// the map of `$kind` in `$holder`, an [`Entities`] or what derefs to one (a `Site`). `$body` is checked for each kind's type, so a step that
/// needs something of every kind (a search document, a reverse index) fails to compile for a
/// kind that lacks it, and a new kind fails to compile here until it has a collection. The
/// second form binds the kind's type instead: `with_entities!(kind, type T => T::DESCRIBED)`.
macro_rules! with_entities {
    (@each $kind:expr, ($($borrow:tt)+), $holder:expr, |$entities:ident| $body:expr) => {
        match $kind {
            $crate::model::EntityKind::Group => {
                let $entities = $($borrow)+ $holder.groups;
                $body
            }
            $crate::model::EntityKind::Project => {
                let $entities = $($borrow)+ $holder.projects;
                $body
            }
            $crate::model::EntityKind::Person => {
                let $entities = $($borrow)+ $holder.people;
                $body
            }
            $crate::model::EntityKind::Partner => {
                let $entities = $($borrow)+ $holder.partners;
                $body
            }
            $crate::model::EntityKind::Publication => {
                let $entities = $($borrow)+ $holder.publications;
                $body
            }
            $crate::model::EntityKind::Practice => {
                let $entities = $($borrow)+ $holder.practices;
                $body
            }
            $crate::model::EntityKind::News => {
                let $entities = $($borrow)+ $holder.news;
                $body
            }
            $crate::model::EntityKind::Event => {
                let $entities = $($borrow)+ $holder.events;
                $body
            }
            $crate::model::EntityKind::Page => {
                let $entities = $($borrow)+ $holder.pages;
                $body
            }
        }
    };
    ($kind:expr, mut $holder:expr, |$entities:ident| $body:expr) => {
        $crate::model::with_entities!(@each $kind, (&mut), $holder, |$entities| $body)
    };
    ($kind:expr, $holder:expr, |$entities:ident| $body:expr) => {
        $crate::model::with_entities!(@each $kind, (&), $holder, |$entities| $body)
    };
    ($kind:expr, type $t:ident => $body:expr) => {
        match $kind {
            $crate::model::EntityKind::Group => {
                type $t = $crate::model::Group;
                $body
            }
            $crate::model::EntityKind::Project => {
                type $t = $crate::model::Project;
                $body
            }
            $crate::model::EntityKind::Person => {
                type $t = $crate::model::Person;
                $body
            }
            $crate::model::EntityKind::Partner => {
                type $t = $crate::model::Partner;
                $body
            }
            $crate::model::EntityKind::Publication => {
                type $t = $crate::model::Publication;
                $body
            }
            $crate::model::EntityKind::Practice => {
                type $t = $crate::model::Practice;
                $body
            }
            $crate::model::EntityKind::News => {
                type $t = $crate::model::News;
                $body
            }
            $crate::model::EntityKind::Event => {
                type $t = $crate::model::Event;
                $body
            }
            $crate::model::EntityKind::Page => {
                type $t = $crate::model::Page;
                $body
            }
        }
    };
}
pub(crate) use with_entities;

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// An entity's name in URLs and references: its file name without extension. Only built from
/// names that passed [`Slug::parse`], so it is always lowercase ASCII, digits and hyphens.
/// Shared, not copied: the indices and pages hold an entity's slug many times over, and at
/// 100,000 entities a copy each was 23 MB of small allocations (BENCHMARKS.md).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Slug(std::sync::Arc<str>);

impl Slug {
    /// Accepts `a-z`, `0-9` and single inner hyphens; anything else is not a slug.
    pub fn parse(name: &str) -> Option<Slug> {
        let valid = !name.is_empty()
            && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !name.starts_with('-')
            && !name.ends_with('-')
            && !name.contains("--");
        valid.then(|| Slug(name.into()))
    }

    /// A slug made from any text: Norwegian letters transliterated (æ → ae, ø → o, å → a),
    /// other letters lowercased, everything else a single hyphen. Used to suggest a file name.
    pub fn suggest(text: &str) -> Option<Slug> {
        let mut out = String::new();
        for c in text.chars().flat_map(char::to_lowercase) {
            match c {
                'æ' => out.push_str("ae"),
                'ø' | 'ö' | 'ó' | 'ò' | 'ô' => out.push('o'),
                'å' | 'ä' | 'á' | 'à' | 'â' => out.push('a'),
                'é' | 'è' | 'ê' | 'ë' => out.push('e'),
                'ü' | 'ú' => out.push('u'),
                c if c.is_ascii_alphanumeric() => out.push(c),
                _ if !out.ends_with('-') && !out.is_empty() => out.push('-'),
                _ => {}
            }
        }
        Slug::parse(out.trim_end_matches('-'))
    }

    /// For comparing with slugs as editors wrote them, before they are checked.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A map by slug can be searched with a slug as written, without making one.
impl std::borrow::Borrow<str> for Slug {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A reference from one entity to another by slug, as written in a file. It keeps where it
/// was written so an unknown slug can be named with its line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    /// The slug as the editor wrote it; checked against the files before a `Site` is built.
    pub slug: String,
    /// Byte range of the value in its file.
    pub at: Range<usize>,
}

impl Ref {
    /// A reference read from any source: `at` is where `slug` was written in its file.
    pub fn new(slug: impl Into<String>, at: Range<usize>) -> Self {
        Ref { slug: slug.into(), at }
    }

    /// The referenced slug, for lookups in a checked `Site`.
    pub fn slug(&self) -> Slug {
        Slug(self.slug.as_str().into())
    }
}

impl<'de> Deserialize<'de> for Ref {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<String>::deserialize(d)?;
        let at = spanned.span();
        Ok(Ref::new(spanned.into_inner(), at))
    }
}

/// References that must name at least one entity (a project's groups), with where the list
/// was written, so an empty one can be named with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefList {
    /// The references, in the order written.
    pub refs: Vec<Ref>,
    /// Byte range of the list in its file.
    pub at: Range<usize>,
}

impl RefList {
    /// A list read from any source: `at` is where the whole list was written.
    pub fn new(refs: Vec<Ref>, at: Range<usize>) -> Self {
        RefList { refs, at }
    }
}

impl<'de> Deserialize<'de> for RefList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Vec<Ref>>::deserialize(d)?;
        let at = spanned.span();
        Ok(RefList::new(spanned.into_inner(), at))
    }
}

impl Deref for RefList {
    type Target = [Ref];
    fn deref(&self) -> &[Ref] {
        &self.refs
    }
}

impl<'a> IntoIterator for &'a RefList {
    type Item = &'a Ref;
    type IntoIter = std::slice::Iter<'a, Ref>;
    fn into_iter(self) -> Self::IntoIter {
        self.refs.iter()
    }
}

/// A link to another site, as written, with where it was written. `check` lets only
/// `https:`, `http:` and `mailto:` through, so no content can put `javascript:` in a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    /// The URL as written.
    pub href: String,
    /// Byte range of the value in its file.
    pub at: Range<usize>,
}

impl Url {
    /// A link read from any source: `at` is where `href` was written.
    pub fn new(href: impl Into<String>, at: Range<usize>) -> Self {
        Url { href: href.into(), at }
    }

    /// True for the schemes a visitor's browser may follow from the site.
    pub fn is_safe(&self) -> bool {
        let lower = self.href.trim_start().to_ascii_lowercase();
        ["https://", "http://", "mailto:"].iter().any(|scheme| lower.starts_with(scheme))
            && !self.href.contains(char::is_whitespace)
    }
}

impl<'de> Deserialize<'de> for Url {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<String>::deserialize(d)?;
        let at = spanned.span();
        Ok(Url::new(spanned.into_inner(), at))
    }
}

/// Shown as its address, for `href`.
impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.href)
    }
}

/// Reads a text that must say something: a blank name or title would give an empty heading
/// and an empty link.
pub(crate) fn non_blank<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let text = String::deserialize(d)?;
    if text.trim().is_empty() {
        return Err(D::Error::invalid_value(Unexpected::Str(&text), &"text that is not blank"));
    }
    Ok(text)
}

/// Reads a BCP 47 language tag such as `en` or `nb-NO`, which `<html lang>` needs.
pub(crate) fn language_tag<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let tag = String::deserialize(d)?;
    if !is_language_tag(&tag) {
        return Err(D::Error::invalid_value(Unexpected::Str(&tag), &"a language tag such as `en` or `nb-NO`"));
    }
    Ok(tag)
}

/// Whether `tag` has the shape of a BCP 47 language tag: a primary language of two or three
/// letters, then subtags of letters and digits (`en`, `nb-NO`, `zh-Hant-TW`).
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// HTML rendered from a Markdown body at load time and sanitized, so it is safe to insert
/// into a page as is. Held at its exact size and shared by the editions and the watcher's memo:
/// at 100,000 entities the bodies are the largest part of a site's memory, and the room a
/// `String` grows into was a quarter of them (BENCHMARKS.md).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Html(std::sync::Arc<str>, Option<Box<str>>);

impl Html {
    /// Wraps HTML that has been sanitized; only `markdown::render` builds one from Markdown.
    pub(crate) fn sanitized(html: String) -> Self {
        Html(html.as_str().into(), None)
    }

    /// The same HTML marked as written in `language`: an edition in another language shows
    /// it so, where the body is not translated.
    pub(crate) fn in_language(self, language: &str) -> Self {
        Html(self.0, Some(language.into()))
    }

    /// The same HTML marked with the language of `other`: what becomes of a body (its links
    /// moved, its paragraphs split) is still in its language.
    pub(crate) fn in_language_of(self, other: &Html) -> Self {
        Html(self.0, other.1.clone())
    }

    /// The language the body is written in, where it is not its page's: the `lang` of its
    /// `<div>`.
    pub fn lang(&self) -> Option<&str> {
        self.1.as_deref()
    }

    /// For templates to insert unescaped (`|safe`); safe because it was sanitized at load.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text as plain words, tags left out and entities read: for the search index,
    /// calendars and anywhere HTML cannot go.
    pub fn plain_text(&self) -> String {
        let mut text = String::with_capacity(self.0.len());
        let mut in_tag = false;
        for c in self.0.chars() {
            match c {
                '<' => {
                    in_tag = true;
                    text.push(' ');
                }
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        let text = text
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&nbsp;", " ");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// True when the entity has no body.
    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }

    /// The first top-level paragraph and the rest, so a page can set something (a quotation)
    /// between them. Both halves are whole elements, so both stay safe.
    pub fn split_after_first_paragraph(&self) -> (Html, Html) {
        const END: &str = "</p>\n";
        match self.0.find(END).filter(|_| self.0.starts_with("<p>")) {
            Some(i) => (
                Html(self.0[..i + END.len()].into(), self.1.clone()),
                Html(self.0[i + END.len()..].into(), self.1.clone()),
            ),
            None => (self.clone(), Html::default()),
        }
    }
}

/// A labelled link; the URL is left out where the content does not know it, and then the
/// label is shown as plain text.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// What the visitor reads: `ORCID`, `Twitter: relasjonell velferd eng`.
    #[serde(deserialize_with = "non_blank")]
    pub label: String,
    /// Where it goes, if known.
    pub url: Option<Url>,
}

/// A path to a file of the content folder (`media/hero.jpg`, `publications/works.bib`), as
/// written, with where it was written so a missing file can be named with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilePath {
    /// Relative to the content folder: `media/hero.jpg`.
    pub path: String,
    /// Byte range of the value in its file.
    pub at: Range<usize>,
}

impl FilePath {
    /// A media file named in any source: `at` is where `path` was written.
    pub fn new(path: impl Into<String>, at: Range<usize>) -> Self {
        FilePath { path: path.into(), at }
    }
}

impl<'de> Deserialize<'de> for FilePath {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<String>::deserialize(d)?;
        let at = spanned.span();
        Ok(FilePath::new(spanned.into_inner(), at))
    }
}

/// An image with the text that replaces it for people who cannot see it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Image {
    /// The file in `media/`; left out where the image itself is not in the content.
    pub file: Option<FilePath>,
    /// Text alternative, as a screen reader reads it.
    #[serde(deserialize_with = "non_blank")]
    pub alt: String,
    /// Photographer or source.
    pub credit: Option<String>,
    /// Where the subject is, which a crop keeps in view (a portrait is cut to a square).
    #[serde(default)]
    pub focus: Option<Focus>,
}

/// Where a photo's subject is, as fractions across and down (`[0.5, 0.3]`), so a crop keeps
/// it; editors write that or a word: `"top"`, `"bottom left"`, `"center"`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Focus {
    /// From the left edge (0) to the right (1).
    pub x: f32,
    /// From the top edge (0) to the bottom (1).
    pub y: f32,
}

impl Focus {
    /// The middle, where a crop is centred unless the editor says otherwise.
    pub const CENTER: Focus = Focus { x: 0.5, y: 0.5 };

    /// The focus a word (or two: `top left`) names.
    pub fn named(words: &str) -> Option<Focus> {
        let mut focus = Focus::CENTER;
        for word in words.split_whitespace() {
            match word.to_ascii_lowercase().as_str() {
                "top" => focus.y = 0.0,
                "bottom" => focus.y = 1.0,
                "left" => focus.x = 0.0,
                "right" => focus.x = 1.0,
                "center" | "centre" => {}
                _ => return None,
            }
        }
        Some(focus)
    }
}

impl<'de> Deserialize<'de> for Focus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Words(String),
            Point(Vec<f32>),
        }
        const EXPECTED: &str = "`top`, `bottom`, `left`, `right`, `center` (or two: `top left`), or \
                                `[x, y]` with each from 0 to 1";
        match Written::deserialize(d).map_err(|_| D::Error::custom(format!("a focus is {EXPECTED}")))? {
            Written::Words(words) => {
                Focus::named(&words).ok_or_else(|| D::Error::invalid_value(Unexpected::Str(&words), &EXPECTED))
            }
            Written::Point(point) => match point[..] {
                [x, y] if (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y) => Ok(Focus { x, y }),
                _ => Err(D::Error::custom(format!("a focus is {EXPECTED}"))),
            },
        }
    }
}

/// Where an image is shown, which decides its shape, the widths it is made in and how
/// small it may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    /// A person's `photo` on their page, cut to a square.
    Portrait,
    /// A person's `photo` on a card in a list: the portrait, smaller.
    Card,
    /// A group's `hero`, across the page.
    Hero,
    /// A group's or the site's `logo`, a line high.
    Logo,
    /// A story's `image`, across the text.
    Story,
}

/// What every entity has besides its own fields: its slug, its body and the references it
/// makes, so checking and linking treat all kinds alike.
pub trait Entity {
    /// The folder and kind of this entity.
    const KIND: EntityKind;
    /// What `groupsite new --help` lists the kind as: `A person, in people/`.
    const DESCRIBED: &'static str;
    /// The file `groupsite new` starts from, every field documented in comments; `{title}`
    /// stands for the quoted title.
    const NEW_FILE: &'static str;
    /// The entity's name in URLs and references.
    fn slug(&self) -> &Slug;
    /// The name or title pages show it under.
    fn name(&self) -> &str;
    /// Sets what comes from the file rather than the front matter.
    fn identify(&mut self, slug: Slug, body: Html);
    /// Every slug this entity refers to, with the kind it must name.
    fn references(&self) -> Vec<(EntityKind, &Ref)>;
    /// Fields that must hold at least one entry.
    fn required_lists(&self) -> Vec<(&'static str, &RefList)> {
        Vec::new()
    }
    /// Links to other sites, which must use a safe scheme.
    fn urls(&self) -> Vec<&Url>;
    /// Images the entity shows, whose files must be in `media/`, each with where it is shown.
    fn images(&self) -> Vec<(Place, &Image)> {
        Vec::new()
    }
    /// The texts an editor may write in each of the site's languages, by field name, so each
    /// edition shows its own and `check` can say which are not translated yet.
    fn texts_mut(&mut self) -> Vec<(&'static str, &mut Text)> {
        Vec::new()
    }
    /// The long text from the body, which a file `{slug}.{language}.md` translates; none for
    /// an entity read from elsewhere than a Markdown file's body.
    fn body_mut(&mut self) -> Option<&mut Html> {
        None
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde::de::IntoDeserializer;
    use serde::de::value::{Error, StrDeserializer};

    use super::*;

    fn read<'de, T: Deserialize<'de>>(key: &'de str) -> Option<T> {
        let text: StrDeserializer<'de, Error> = key.into_deserializer();
        T::deserialize(text).ok()
    }

    #[test]
    fn every_key_is_the_name_content_writes() {
        assert!(GroupKind::ALL.into_iter().all(|k| read(k.key()) == Some(k)));
        assert!(ProjectKind::ALL.into_iter().all(|k| read(k.key()) == Some(k)));
        assert!(Status::ALL.into_iter().all(|s| read(s.key()) == Some(s)));
        assert!(Role::ALL.into_iter().all(|r| read(r.key()) == Some(r)));
        assert!(PublicationKind::ALL.into_iter().all(|k| read(k.key()) == Some(k)));
        assert!(Level::ALL.into_iter().all(|l| read(l.key()) == Some(l)));
        assert!(EventStatus::ALL.into_iter().all(|s| read(s.key()) == Some(s)));
    }
}
