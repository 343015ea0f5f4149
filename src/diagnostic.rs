//! The mistakes an editor can make in content/, each with the place it was made and a hint,
//! and how they are shown: one line per error, or a compiler-style snippet.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::WriteColor};

use crate::model::EntityKind;

/// A place in a content file, kept both as a byte range (for snippets) and as the 1-based
/// line and column an editor looks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Path relative to the content folder, with `/` separators: `people/ana.md`.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub col: usize,
    /// Byte range in the file's text; empty where the whole file is at fault.
    pub range: Range<usize>,
}

impl Span {
    /// The span of `range` within `text`, the contents of the file at `path`.
    pub fn new(path: &str, text: &str, range: Range<usize>) -> Self {
        let start = floor_char_boundary(text, range.start.min(text.len()));
        let before = &text[..start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().filter(|&c| c != '\u{feff}').count() + 1;
        let end = floor_char_boundary(text, range.end.clamp(start, text.len()));
        Span { path: path.to_owned(), line, col, range: start..end }
    }

    /// A span for a whole file, pointing at its start.
    pub fn file(path: &str) -> Self {
        Span { path: path.to_owned(), line: 1, col: 1, range: 0..0 }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path, self.line, self.col)
    }
}

/// One mistake in the content. Each variant carries what is needed to name the fault and to
/// suggest a fix; [`ContentError::hint`] holds the suggestion.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContentError {
    /// The content folder the command was given is missing or cannot be opened.
    #[error("the content folder `{path}` cannot be read: {reason}")]
    MissingFolder {
        /// The folder as the command was given it.
        path: PathBuf,
        /// The operating system's reason.
        reason: String,
    },
    /// A file or folder that cannot be read, such as for its permissions, or a link that loops.
    #[error("cannot read this file: {reason}")]
    Unreadable {
        /// The file or folder.
        at: Span,
        /// The operating system's reason.
        reason: String,
    },
    /// A content file saved in another encoding than UTF-8.
    #[error("the file is not UTF-8 text")]
    NotUtf8 {
        /// The first byte that is not UTF-8.
        at: Span,
    },
    /// A `.md` file that does not open with a `+++` line.
    #[error("a Markdown file must start with front matter between `+++` lines")]
    MissingFrontMatter {
        /// The start of the file.
        at: Span,
    },
    /// Front matter with no closing `+++` line.
    #[error("the front matter opened here is never closed with a `+++` line")]
    UnclosedFrontMatter {
        /// The opening `+++`.
        at: Span,
    },
    /// Front matter that is not TOML at all: a missing quote, bracket or `=`.
    #[error("invalid TOML: {reason}")]
    BadToml {
        /// Where the TOML parser gave up.
        at: Span,
        /// The TOML parser's message.
        reason: String,
    },
    /// A field this kind of entity does not have, often a typo.
    #[error("unknown field `{field}`")]
    UnknownField {
        /// The unknown field.
        at: Span,
        /// The field name as written.
        field: String,
        /// The known field it most likely means.
        nearest: Option<String>,
        /// Every field this kind of entity has.
        expected: Box<[String]>,
    },
    /// A required field left out.
    #[error("missing required field `{field}`")]
    MissingField {
        /// The front matter that lacks it.
        at: Span,
        /// The required field.
        field: String,
    },
    /// A value of the wrong type or form: a number for text, a blank name, a bad language tag.
    #[error("wrong type: {reason}")]
    WrongType {
        /// The value.
        at: Span,
        /// What was expected, and what was found.
        reason: String,
    },
    /// A value outside a fixed set, such as a `kind` or `role` the site does not know.
    #[error("`{value}` is not an allowed value")]
    BadValue {
        /// The value.
        at: Span,
        /// The value as written.
        value: String,
        /// The allowed value it most likely means.
        nearest: Option<String>,
        /// Every allowed value.
        expected: Box<[String]>,
    },
    /// A list that must name at least one entity, such as a project's `groups`, left empty.
    #[error("`{field}` needs at least one entry")]
    EmptyList {
        /// The empty list.
        at: Span,
        /// The field that holds it.
        field: &'static str,
    },
    /// A reference to a file that does not exist, usually a misspelt slug.
    #[error("unknown {kind} `{slug}`")]
    UnknownSlug {
        /// Where the reference is written.
        at: Span,
        /// The kind of entity the reference must name.
        kind: EntityKind,
        /// The slug as written.
        slug: String,
        /// The existing slug of that kind it most likely means.
        nearest: Option<String>,
    },
    /// Projects whose `parent` chain leads back to where it started.
    #[error("the chain of `parent` projects from `{slug}` leads back to `{slug}`")]
    ParentCycle {
        /// This project's `parent`.
        at: Span,
        /// The project that is its own ancestor.
        slug: String,
    },
    /// Two files in one folder with the same slug, such as `ana.md` and `ana.toml`.
    #[error("two files have the slug `{slug}`")]
    DuplicateSlug {
        /// The second file, in path order.
        at: Span,
        /// The folder both files are in.
        kind: EntityKind,
        /// The slug they share.
        slug: String,
        /// The first file, as `path:1:1`.
        other: String,
    },
    /// A file name that is not a slug: capitals, spaces, Norwegian letters.
    #[error("`{name}` is not a valid file name: a slug is lowercase letters, digits and hyphens")]
    BadFileName {
        /// The file.
        at: Span,
        /// The file name as it is.
        name: String,
        /// A valid name made from it, where one can be: `Øyvind.md` → `oyvind.md`.
        suggestion: Option<String>,
    },
    /// A folder at the top of the content that is neither an entity folder nor `media/`.
    #[error("`{folder}` is not a content folder")]
    UnknownFolder {
        /// The folder.
        at: Span,
        /// Its name as it is.
        folder: String,
        /// The content folder it most likely means.
        nearest: Option<String>,
    },
    /// A file that is not `.md` or `.toml`, or a stray file at the top of the content.
    #[error("`{name}` is not a content file")]
    UnexpectedFile {
        /// The file.
        at: Span,
        /// Its name as it is.
        name: String,
    },
    /// No `site.toml` in the content folder.
    #[error("`site.toml` is missing")]
    MissingSiteFile {
        /// Where `site.toml` belongs.
        at: Span,
    },
    /// A link that is not `https:`, `http:` or `mailto:`, such as `javascript:`.
    #[error("`{url}` is not a web or email address")]
    UnsafeUrl {
        /// Where the link is written.
        at: Span,
        /// The link as written.
        url: String,
    },
    /// A free page named after one of the site's own addresses, such as `people`, or a
    /// publication named `page`, the segment of its list's later pages.
    #[error("`{slug}` is an address the site itself uses")]
    ReservedSlug {
        /// The page's file, or the BibTeX entry's key.
        at: Span,
        /// The address it would take.
        slug: String,
    },
    /// A link in `media/` that leads outside it, or nowhere.
    #[error("this file in `media/` is a link to a place outside `media/`")]
    MediaOutside {
        /// The link in `media/`.
        at: Span,
    },
    /// A link, anywhere in the content, to a file or folder outside the content folder: what
    /// it leads to is neither read nor served, however much is there.
    #[error("this is a link to `{target}`, outside the content folder")]
    LinkOutside {
        /// The link.
        at: Span,
        /// Where it leads, all links resolved.
        target: String,
    },
    /// A link to a file or folder that does not exist (any more).
    #[error("this is a link to `{target}`, which does not exist")]
    DanglingLink {
        /// The link.
        at: Span,
        /// Where it leads, as the link says it.
        target: String,
    },
    /// A BibTeX file the reader cannot follow: unbalanced braces, a missing key or comma.
    #[error("this BibTeX cannot be read: {reason}")]
    BadBibtex {
        /// Where the reader gave up.
        at: Span,
        /// The reader's reason.
        reason: String,
        /// What to do about it, for the kind of mistake it is.
        hint: String,
    },
    /// A BibTeX entry whose `crossref` or `xdata` leads back to itself, or through too many
    /// entries to follow.
    #[error("the `crossref` or `xdata` of `{key}` leads back to it, or through more than {most} entries")]
    CrossrefLoop {
        /// The entry's key.
        at: Span,
        /// The key.
        key: String,
        /// The most entries a chain may pass through.
        most: usize,
    },
    /// An author of a publication whom two or more people's files answer to.
    #[error("the author `{name}` could be any of {people}")]
    AmbiguousAuthor {
        /// Where the byline is written.
        at: Span,
        /// The name as written.
        name: String,
        /// The people it could be, by slug.
        people: String,
    },
    /// A BibTeX entry of a type the site does not list, such as `@misc`.
    #[error("`@{found}` is not a kind of publication the site lists")]
    UnlistedEntryType {
        /// The entry.
        at: Span,
        /// The entry type as written.
        found: String,
    },
    /// A BibTeX entry without a title, which its heading and link need.
    #[error("the entry `{key}` has no title")]
    UntitledEntry {
        /// The entry's key.
        at: Span,
        /// The key.
        key: String,
    },
    /// Two BibTeX entries whose keys give one address, `/publications/{slug}/`.
    #[error("two publications would have the slug `{slug}`")]
    SameEntrySlug {
        /// The second entry's key.
        at: Span,
        /// The slug both keys give.
        slug: String,
        /// The first entry, as `path:line:col`.
        other: String,
    },
    /// A `bibliography` that names no BibTeX file of `publications/`.
    #[error("no BibTeX file `{file}` in publications/")]
    UnknownBibliography {
        /// The path as written.
        at: Span,
        /// The path.
        file: String,
        /// The BibTeX file it most likely means.
        nearest: Option<String>,
    },
    /// A body the site would show with text silently missing (an unclosed `<style>`,
    /// comment or tag), or nested too deep for the sanitizer to finish in time.
    #[error("{mistake}")]
    Body {
        /// What is at fault, in the body.
        at: Span,
        /// What is wrong with it.
        mistake: crate::markdown::BodyMistake,
    },
    /// An event whose `end` comes before its `start`.
    #[error("the event ends before it starts")]
    EndBeforeStart {
        /// The `end`.
        at: Span,
    },
    /// An event whose `end` is a day and `start` a time, or the other way round.
    #[error("`end` is written as a {end} and `start` as a {start}")]
    MixedMoments {
        /// The `end`.
        at: Span,
        /// `day` or `time`.
        start: &'static str,
        /// `day` or `time`.
        end: &'static str,
    },
    /// A time on the site's clock that the site's time zone skips, the night summer time begins.
    #[error("there is no such time in {zone}: the clocks go forward over it that night")]
    SkippedTime {
        /// The time.
        at: Span,
        /// The site's time zone.
        zone: String,
    },
    /// An event's `location` that says neither where nor how to take part.
    #[error("the location says neither where the event is nor how to join it")]
    EmptyLocation {
        /// The location.
        at: Span,
    },
    /// An online event with no link to join it.
    #[error("the event is online but its location gives no `url` to join it")]
    OnlineWithoutLink {
        /// The location.
        at: Span,
    },
    /// A text given in a language the site is not published in, or a translation file of one.
    #[error("`{language}` is not one of the site's languages ({languages})")]
    UnknownLanguage {
        /// The text, or the translation file.
        at: Span,
        /// The language written.
        language: String,
        /// The site's languages, from `site.toml`, as a list to read.
        languages: String,
    },
    /// A translation file (`wellfare.nb.md`) beside no file of the entity it translates.
    #[error("this file translates `{slug}`, but there is no `{slug}.md` or `{slug}.toml` beside it")]
    UnknownTranslated {
        /// The translation file.
        at: Span,
        /// The slug it names.
        slug: String,
        /// The nearest slug of the same kind.
        nearest: Option<String>,
    },
    /// A translation file that opens with front matter: its fields belong in the entity's own file.
    #[error("a translation file holds only the translated body, no `+++` front matter")]
    TranslationFrontMatter {
        /// The opening `+++`.
        at: Span,
    },
    /// `languages` in `site.toml` without the default `language`.
    #[error("`languages` does not name `{language}`, the site's `language`")]
    DefaultLanguageUnlisted {
        /// The list.
        at: Span,
        /// The default language.
        language: String,
    },
    /// An image whose `file` is not in `media/`.
    #[error("there is no file `{file}` in `media/`")]
    UnknownMedia {
        /// Where the path is written.
        at: Span,
        /// The path as written: `media/hero.jpg`.
        file: String,
        /// The file in `media/` it most likely means.
        nearest: Option<String>,
    },
    /// An image file the site cannot show: damaged, not what its name says, too large, or
    /// an SVG that runs code.
    #[error("`{file}`: {problem}")]
    BadImage {
        /// Where the path is written.
        at: Span,
        /// The path as written: `media/hero.jpg`.
        file: String,
        /// What is wrong with it.
        problem: crate::images::Problem,
    },
}

impl ContentError {
    /// Where the mistake is; `None` only when the content folder itself is missing.
    pub fn span(&self) -> Option<&Span> {
        use ContentError::*;
        match self {
            MissingFolder { .. } => None,
            Unreadable { at, .. }
            | NotUtf8 { at }
            | MissingFrontMatter { at }
            | UnclosedFrontMatter { at }
            | BadToml { at, .. }
            | UnknownField { at, .. }
            | MissingField { at, .. }
            | WrongType { at, .. }
            | BadValue { at, .. }
            | EmptyList { at, .. }
            | UnknownSlug { at, .. }
            | ParentCycle { at, .. }
            | DuplicateSlug { at, .. }
            | BadFileName { at, .. }
            | UnknownFolder { at, .. }
            | UnexpectedFile { at, .. }
            | MissingSiteFile { at }
            | MediaOutside { at }
            | LinkOutside { at, .. }
            | DanglingLink { at, .. }
            | UnsafeUrl { at, .. }
            | ReservedSlug { at, .. }
            | UnknownMedia { at, .. }
            | BadImage { at, .. }
            | EndBeforeStart { at }
            | MixedMoments { at, .. }
            | SkippedTime { at, .. }
            | EmptyLocation { at }
            | UnknownLanguage { at, .. }
            | UnknownTranslated { at, .. }
            | TranslationFrontMatter { at }
            | DefaultLanguageUnlisted { at, .. }
            | OnlineWithoutLink { at }
            | Body { at, .. }
            | BadBibtex { at, .. }
            | UnlistedEntryType { at, .. }
            | CrossrefLoop { at, .. }
            | AmbiguousAuthor { at, .. }
            | UntitledEntry { at, .. }
            | SameEntrySlug { at, .. }
            | UnknownBibliography { at, .. } => Some(at),
        }
    }

    /// What the editor can do about it, in one sentence.
    pub fn hint(&self) -> Option<String> {
        use ContentError::*;
        let did_you_mean = |nearest: &Option<String>| nearest.as_ref().map(|n| format!("did you mean `{n}`?"));
        match self {
            MissingFolder { .. } => Some("pass the folder with `--content DIR` or run from the folder that holds `content/`".into()),
            Unreadable { .. } => Some("check the file's permissions, or remove it".into()),
            NotUtf8 { .. } => Some("save the file as UTF-8 text; binary files such as images belong in `media/`".into()),
            MissingFrontMatter { .. } => Some("start the file with a line `+++`, the fields, and another `+++` line; or rename it to `.toml` if it has no body".into()),
            UnclosedFrontMatter { .. } => Some("add a line holding only `+++` after the last field".into()),
            BadToml { .. } => Some("see https://toml.io for the syntax; text values need quotes".into()),
            UnknownField { nearest, expected, .. } => did_you_mean(nearest).or_else(|| Some(format!("known fields: {}", list(expected)))),
            MissingField { field, .. } => Some(format!("add `{field} = …` to the front matter")),
            WrongType { .. } => Some("content/README.md gives the type of every field".into()),
            BadValue { nearest, expected, .. } => {
                let allowed = format!("allowed values: {}", list(expected));
                Some(match did_you_mean(nearest) { Some(d) => format!("{d} ({allowed})"), None => allowed })
            }
            EmptyList { .. } => Some("name at least one".into()),
            UnknownSlug { kind, nearest, .. } => did_you_mean(nearest).or_else(|| Some(format!("a {kind} is referred to by its file name in `{}/`, without extension", kind.folder()))),
            ParentCycle { .. } => Some("remove `parent`, or name the project this one belongs to".into()),
            DuplicateSlug { other, .. } => Some(format!("the other file is {other}; rename or remove one of them")),
            BadFileName { suggestion, .. } => suggestion.as_ref().map(|s| format!("rename it to `{s}`")),
            UnknownFolder { nearest, .. } => did_you_mean(nearest).or_else(|| {
                let folders: Vec<String> =
                    EntityKind::ALL.iter().map(|k| format!("{}/", k.folder())).chain(["media/".to_owned()]).collect();
                Some(format!("content folders are {}", list(&folders)))
            }),
            UnexpectedFile { .. } => Some("content files end in `.md` or `.toml`; images belong in `media/`".into()),
            MissingSiteFile { .. } => Some("create `site.toml` with `name`, `description` and `language`".into()),
            UnsafeUrl { .. } => Some("links start with `https://`, `http://` or `mailto:`".into()),
            ReservedSlug { .. } => Some("rename the file, or change the BibTeX key; the slug is its address, and this one is taken".into()),
            MediaOutside { .. } => Some("copy the file into `media/` instead of linking to it; the server sends nothing from outside `media/`".into()),
            LinkOutside { .. } => Some("copy the files in instead of linking to them; nothing outside the content folder is read or served".into()),
            DanglingLink { .. } => Some("remove the link, or put the file itself in its place".into()),
            UnknownMedia { nearest, .. } => did_you_mean(nearest).or_else(|| Some("put the image in `media/` and write its path as `media/name.jpg`".into())),
            BadImage { problem, .. } => Some(image_hint(problem).into()),
            Body { mistake, .. } => Some(mistake.hint()),
            EndBeforeStart { .. } => Some("swap `start` and `end`, or correct the date".into()),
            MixedMoments { .. } => Some("write both as days (2026-12-01) or both as times (2026-12-01T14:00:00)".into()),
            SkippedTime { .. } => Some("write the time the clocks show, such as an hour later, or give it with its offset (…T02:30:00+01:00)".into()),
            EmptyLocation { .. } => Some("give the place's `name` (and `address`), or `online = true` with the `url` to join".into()),
            OnlineWithoutLink { .. } => Some("add `url = \"https://…\"`, the link to join".into()),
            UnknownLanguage { .. } => Some("add the language to `languages` in site.toml, or write the text in one of them".into()),
            UnknownTranslated { nearest, .. } => did_you_mean(nearest).or_else(|| Some("name the file `{slug}.{language}.md` after the entity's own file".into())),
            TranslationFrontMatter { .. } => Some("write translated fields in the entity's own file, as `name = { en = \"…\", nb = \"…\" }`, and keep only the Markdown here".into()),
            DefaultLanguageUnlisted { language, .. } => Some(format!("add `\"{language}\"` to `languages`; the default language is published at the site's root")),
            BadBibtex { hint, .. } => Some(hint.clone()),
            UnlistedEntryType { .. } => Some("the site lists @article, @book, @incollection, @inbook, @inproceedings, @phdthesis, @mastersthesis, @thesis, @report, @techreport and @periodical (a special issue)".into()),
            AmbiguousAuthor { name, .. } => Some(format!("add `citation_names = [\"{name}\"]` to the file of the person it is")),
            CrossrefLoop { .. } => Some("point `crossref` at the book or proceedings the entry is part of, which must not point back".into()),
            UntitledEntry { .. } => Some("add `title = {…}` to the entry".into()),
            SameEntrySlug { other, .. } => Some(format!("the other entry is at {other}; change one key (the slug is the key in lowercase, other characters as hyphens)")),
            UnknownBibliography { nearest, .. } => did_you_mean(nearest).or_else(|| Some("write it as `publications/name.bib`, a file in publications/".into())),
        }
    }

    fn label(&self) -> &'static str {
        use ContentError::*;
        match self {
            UnknownField { .. } => "unknown field",
            MissingField { .. } => "in this front matter",
            UnknownSlug { .. } => "no file has this slug",
            UnknownMedia { .. } => "no such file",
            BadImage { .. } => "this image",
            BadValue { .. } => "not allowed here",
            DuplicateSlug { .. } => "second file with this slug",
            _ => "here",
        }
    }
}

/// A value in the content the site cannot use but can do without: unlike a [`ContentError`],
/// it does not stop the site from being built. It exists so such a value is named with its
/// place (by `check`, in the server's log and on the preview's banner) instead of being
/// dropped in silence, and `check --deny-warnings` can make it fail an editors' CI.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContentWarning {
    /// A BibTeX `url` that is not a web address, such as `www.example.org` or `javascript:…`;
    /// the entry is published without a link of its own.
    #[error("`{url}` is not a web address; the entry is published without it")]
    NotAUrl {
        /// The field's value.
        at: Span,
        /// The value as written.
        url: String,
    },
    /// A BibTeX `year` or `date` that does not start with a year, such as `in press`; the
    /// entry is published without a year.
    #[error("`{value}` in `{field}` is not a year; the entry is published without it")]
    NotAYear {
        /// The field's value.
        at: Span,
        /// `year` or `date`.
        field: &'static str,
        /// The value as written.
        value: String,
    },
    /// A BibTeX `doi` that is not a DOI (one starts with `10.` and has a `/`); the entry is
    /// published without it.
    #[error("`{doi}` is not a DOI; the entry is published without it")]
    NotADoi {
        /// The field's value.
        at: Span,
        /// The value as written.
        doi: String,
    },
    /// An ORCID iD in a BibTeX `ORCID-Numbers` field that is not one (four groups of four
    /// digits whose last checks the rest); the author is published without it.
    #[error("`{orcid}` is not an ORCID iD; the author is published without it")]
    NotAnOrcid {
        /// The field's value.
        at: Span,
        /// The iD as written.
        orcid: String,
    },
    /// An image smaller than its place shows it, which looks blurred on a phone's screen;
    /// the site shows it at the size it has.
    #[error("`{file}` is {width}×{height} pixels, too small for {place}, which wants at least {least}")]
    SmallImage {
        /// Where the path is written.
        at: Span,
        /// The path as written.
        file: String,
        /// Its width, as shown.
        width: u32,
        /// Its height, as shown.
        height: u32,
        /// `a portrait`.
        place: &'static str,
        /// `320 pixels on its shorter side`.
        least: String,
    },
}

impl ContentWarning {
    /// Where the value is.
    pub fn span(&self) -> &Span {
        use ContentWarning::*;
        match self {
            NotAUrl { at, .. }
            | NotAYear { at, .. }
            | NotADoi { at, .. }
            | NotAnOrcid { at, .. }
            | SmallImage { at, .. } => at,
        }
    }

    /// What the editor can do about it, in one sentence.
    pub fn hint(&self) -> String {
        use ContentWarning::*;
        match self {
            NotAUrl { .. } => "write the whole address, starting with `https://`".into(),
            NotAYear { field: "date", .. } => "write the date as `2024`, `2024-05` or `2024-05-31`".into(),
            NotAYear { .. } => "write the year in four digits, such as `2024`".into(),
            NotADoi { doi, .. } => match doi.find("10.").filter(|i| *i > 0 && doi[*i..].contains('/')) {
                Some(i) => format!("write only the DOI itself: `{}`", &doi[i..]),
                None => "a DOI starts with `10.` and has a `/`, such as `10.1000/182`; remove the field if the work has none".into(),
            },
            NotAnOrcid { .. } => {
                "an ORCID iD is four groups of four digits, such as `0000-0002-1825-0097`; copy it from orcid.org".into()
            }
            SmallImage { .. } => "use the photo as the camera took it; the site makes the smaller sizes itself".into(),
        }
    }
}

/// How much a mistake weighs: an error keeps the site from being built; a warning names a
/// value the site leaves out, and the site is built without it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The site cannot be built right: `check` fails and `serve` does not start.
    Error,
    /// The site is built without the value: `check` passes unless `--deny-warnings`.
    Warning,
}

/// What to do about an image file the site cannot show.
fn image_hint(problem: &crate::images::Problem) -> &'static str {
    use crate::images::Problem::*;
    match problem {
        Unreadable(_) => "check that the file can be read by the user the site runs as",
        NotItsName { .. } => "save the image in the format its name says, or rename it to the format it is",
        Corrupt(_) => "copy the image into `media/` again from where it came from, or export it again",
        Huge(_) => "scale the image down to at most 8000 pixels on its longer side before adding it",
        Script(_) => "export the drawing again as a plain SVG (no scripts or interactivity), or as a PNG",
    }
}

fn list(items: &[String]) -> String {
    items.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ")
}

/// Every error and warning found in one pass over the content, with the text of the files
/// they point into, so they can be shown as snippets.
#[derive(Debug, Default)]
pub struct Report {
    /// The errors, in the order of the files they are in.
    pub errors: Vec<ContentError>,
    /// The warnings, in the order of the files they are in.
    pub warnings: Vec<ContentWarning>,
    sources: Vec<(String, String)>,
    /// The content folder as the user named it, put before every path shown, so
    /// `content/people/ana.md:7:12` opens from where the command ran.
    folder: Option<String>,
}

impl Report {
    /// A report that can quote `sources` (path, text); errors are put in file order, then
    /// line order, as a compiler lists them.
    pub fn new(mut errors: Vec<ContentError>, sources: Vec<(String, String)>) -> Self {
        errors.sort_by(|a, b| {
            let place = |e: &ContentError| e.span().map(|s| (s.path.clone(), s.line, s.col));
            place(a).cmp(&place(b))
        });
        Report { errors, warnings: Vec::new(), sources, folder: None }
    }

    /// The report with `warnings` besides its errors, put in file order as they are.
    pub fn with_warnings(mut self, mut warnings: Vec<ContentWarning>) -> Self {
        warnings.sort_by(|a, b| order(a.span()).cmp(&order(b.span())));
        self.warnings = warnings;
        self
    }

    /// Shows every path under `folder`, the content folder as the user named it.
    pub fn in_folder(mut self, folder: &std::path::Path) -> Self {
        let folder = folder.to_string_lossy();
        self.folder = Some(folder.trim_end_matches('/').to_owned()).filter(|f| !f.is_empty() && f != ".");
        self
    }

    /// Whether the report holds nothing at all, neither error nor warning.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty() && self.warnings.is_empty()
    }

    fn shown(&self, path: &str) -> String {
        match &self.folder {
            Some(folder) => format!("{folder}/{path}"),
            None => path.to_owned(),
        }
    }

    /// Every mistake as it is shown, errors and warnings together in file order (an error
    /// before a warning at the same place): the one presenter that `check`, the server's log
    /// and the preview's banners all draw from, each in its own form.
    pub fn mistakes(&self) -> impl Iterator<Item = Mistake<'_>> {
        let errors = self.errors.iter().map(|error| Mistake {
            severity: Severity::Error,
            at: error.span(),
            label: error.label(),
            place: error.span().map(|at| self.shown(&at.to_string())),
            message: error.to_string(),
            hint: error.hint(),
        });
        let warnings = self.warnings.iter().map(|warning| Mistake {
            severity: Severity::Warning,
            at: Some(warning.span()),
            label: "here",
            place: Some(self.shown(&warning.span().to_string())),
            message: warning.to_string(),
            hint: Some(warning.hint()),
        });
        let mut all: Vec<Mistake<'_>> = errors.chain(warnings).collect();
        // Stable, so each kind keeps its own order; a place-less error (no folder) comes first.
        all.sort_by(|a, b| a.at.map(order).cmp(&b.at.map(order)).then(a.severity.cmp(&b.severity)));
        all.into_iter()
    }

    /// Every mistake on one line, `path:line:col: message (hint: …)` (a warning's message
    /// opened by `warning: `): what `check --format short` prints and the preview's banners
    /// list (a content with errors lists its warnings among them, as `check` does).
    pub fn lines(&self) -> Vec<String> {
        self.mistakes().map(|mistake| mistake.to_string()).collect()
    }

    /// Writes every mistake on one line, `path:line:col: message (hint: …)`, for tools that
    /// jump to errors.
    pub fn emit_short(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        for line in self.lines() {
            writeln!(out, "{line}")?;
        }
        Ok(())
    }

    /// Writes every mistake as a compiler does: the message, `path:line:col`, the line with a
    /// marker under the fault, and the hint; then a count of each weight there is.
    pub fn emit(&self, out: &mut dyn WriteColor) -> std::io::Result<()> {
        let mut files = SimpleFiles::new();
        // A byte order mark is invisible in editors; leave it out so columns match theirs.
        let bom = |t: &str| if t.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
        let ids: Vec<(&str, usize, usize)> = self
            .sources
            .iter()
            .map(|(p, t)| (p.as_str(), files.add(self.shown(p), t[bom(t)..].to_owned()), bom(t)))
            .collect();
        let config = term::Config::default();
        for mistake in self.mistakes() {
            let mut diagnostic = match mistake.severity {
                Severity::Error => Diagnostic::error(),
                Severity::Warning => Diagnostic::warning(),
            }
            .with_message(mistake.message);
            match mistake.at.and_then(|at| ids.iter().find(|(p, ..)| *p == at.path).map(|(_, id, bom)| (at, *id, *bom)))
            {
                Some((at, id, bom)) if quotable(files_text(&self.sources, &at.path), at.range.start) => {
                    let range = at.range.start.saturating_sub(bom)..at.range.end.saturating_sub(bom);
                    diagnostic = diagnostic.with_labels(vec![Label::primary(id, range).with_message(mistake.label)]);
                }
                _ => {
                    if let Some(place) = mistake.place {
                        diagnostic = diagnostic.with_notes(vec![format!("in {place}")]);
                    }
                }
            }
            if let Some(hint) = mistake.hint {
                diagnostic.notes.push(format!("help: {hint}"));
            }
            term::emit_to_write_style(out, &config, &files, &diagnostic).map_err(std::io::Error::other)?;
        }
        let n = self.errors.len();
        if n > 0 {
            writeln!(out, "error: {n} {} in the content", if n == 1 { "mistake" } else { "mistakes" })?;
        }
        let n = self.warnings.len();
        if n > 0 {
            writeln!(out, "warning: {n} {} in the content", if n == 1 { "warning" } else { "warnings" })?;
        }
        Ok(())
    }
}

/// The order mistakes are listed in: by file, then line, then column.
fn order(span: &Span) -> (&str, usize, usize) {
    (&span.path, span.line, span.col)
}

/// One mistake as every form shows it. Its `Display` is the one-line form
/// `people/ana.md:7:12: unknown group `wellfair` (hint: …)`, as compilers print with
/// `--error-format short` and editors' jump-to-error features expect; a warning's message
/// opens with `warning: `, so the two weights can be told apart on one line.
#[derive(Debug)]
pub struct Mistake<'a> {
    /// An error or a warning.
    pub severity: Severity,
    /// Where it is, for the snippet's range; `None` only when the content folder itself is
    /// missing.
    pub at: Option<&'a Span>,
    /// The few words under the snippet's marker.
    pub label: &'static str,
    /// `content/people/ana.md:7:12`, under the folder as the user named it; `None` only when
    /// the content folder itself is missing.
    pub place: Option<String>,
    /// What is wrong.
    pub message: String,
    /// What the editor can do about it.
    pub hint: Option<String>,
}

impl fmt::Display for Mistake<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(place) = &self.place {
            write!(f, "{place}: ")?;
        }
        if self.severity == Severity::Warning {
            write!(f, "warning: ")?;
        }
        write!(f, "{}", self.message)?;
        match &self.hint {
            Some(hint) => write!(f, " (hint: {hint})"),
            None => Ok(()),
        }
    }
}

/// The longest line quoted under an error; a longer one (a generated or pasted file) is named
/// by its place only, since printing it would take longer than checking the whole site.
const QUOTED_LINE: usize = 1000;

/// Whether the line holding byte `at` of `text` can be quoted.
fn quotable(text: &str, at: usize) -> bool {
    let at = floor_char_boundary(text, at.min(text.len()));
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    !text.is_empty() && end - start <= QUOTED_LINE
}

fn files_text<'a>(sources: &'a [(String, String)], path: &str) -> &'a str {
    sources.iter().find(|(p, _)| p == path).map_or("", |(_, t)| t.as_str())
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for mistake in self.mistakes() {
            writeln!(f, "{mistake}")?;
        }
        Ok(())
    }
}

/// The candidate closest to what the editor wrote, if one is close enough to be a likely
/// typo: `wellfair` → `wellfare`, `tittle` → `title`.
pub fn nearest<S: AsRef<str>>(written: &str, candidates: &[S]) -> Option<String> {
    let written = written.to_lowercase();
    candidates
        .iter()
        .map(|c| c.as_ref())
        .map(|c| (strsim::jaro_winkler(&written, c), strsim::levenshtein(&written, c), c))
        .filter(|&(similarity, distance, _)| similarity >= 0.8 || distance <= 2)
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, _, c)| c.to_owned())
}
