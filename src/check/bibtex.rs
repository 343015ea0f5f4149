//! Publications from BibTeX: every entry of a `.bib` file in `publications/` becomes a
//! [`Publication`] whose spans point into that file, so it is checked as one read from TOML is.
//!
//! biblatex (the Typst project's reader) does the reading: `@string` abbreviations, `crossref`,
//! month macros, and LaTeX accents and commands to Unicode (`{\O}rjas{\ae}ter` is
//! "Ørjasæter"). Fields the site has no use for are ignored, as the BibTeX world has hundreds.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use biblatex::{Bibliography, ChunksExt, RawBibliography};

use crate::diagnostic::{ContentError, ContentWarning, Span};
use crate::load::SourceFile;
use crate::model::{Author, Html, Publication, PublicationKind, Ref, RefList, Slug, Url};

/// One entry read from a BibTeX file, with where it was written.
pub(super) struct Entry {
    /// The publication, its references' spans into its file.
    pub publication: Publication,
    /// The entry's key as written, to find the same work in two files.
    pub key: String,
    /// Where the key is written, in bytes.
    pub at: Range<usize>,
}

/// Every entry of the BibTeX file `file`, each belonging to the groups in `owners` besides those
/// its own `groups` field names; the file's mistakes go to `errors`, and the values left out
/// of an entry that is read (a `url`, `year`, `date` or `doi` the site cannot use) to `warnings`.
pub(super) fn entries(
    file: &SourceFile,
    owners: &BTreeSet<Slug>,
    errors: &mut Vec<ContentError>,
    warnings: &mut Vec<ContentWarning>,
) -> Vec<Entry> {
    let span = |range: Range<usize>| Span::new(&file.path, &file.text, range);
    let bad =
        |mistake: Mistake| ContentError::BadBibtex { at: span(mistake.at), reason: mistake.reason, hint: mistake.hint };
    let raw = match RawBibliography::parse(&file.text) {
        Ok(raw) => raw,
        Err(first) => {
            // The reader stops at its first mistake; each entry is read again on its own, so
            // that every broken one is named at once.
            let (good, mut mistakes) = recover(&file.text);
            if mistakes.is_empty() {
                mistakes.push(syntax_mistake(&file.text, 0, first));
            }
            if tangled(&good).is_none() {
                mistakes.extend(resolution_mistakes(good));
            }
            mistakes.sort_by_key(|m| m.at.start);
            errors.extend(mistakes.into_iter().map(bad));
            return Vec::new();
        }
    };
    let written: HashMap<&str, (Range<usize>, String)> =
        raw.entries.iter().map(|e| (e.v.key.v, (e.v.key.span.clone(), e.v.kind.v.to_ascii_lowercase()))).collect();
    if let Some((at, key)) = tangled(&raw) {
        errors.push(ContentError::CrossrefLoop { at: span(at), key, most: PARENTS });
        return Vec::new();
    }
    let bibliography = match Bibliography::from_raw(raw) {
        Ok(bibliography) => bibliography,
        Err(first) => {
            // As above: the resolver stops at its first mistake, so each entry is resolved
            // again on its own (the raw bibliography was given away, and is read again).
            let mut mistakes = RawBibliography::parse(&file.text).map(resolution_mistakes).unwrap_or_default();
            if mistakes.is_empty() {
                mistakes.push(resolution_mistake(first));
            }
            mistakes.sort_by_key(|m| m.at.start);
            errors.extend(mistakes.into_iter().map(bad));
            return Vec::new();
        }
    };
    let mut read = Vec::new();
    for entry in bibliography.iter() {
        let Some((key_at, kind)) = written.get(entry.key.as_str()).cloned() else {
            continue;
        };
        // A place is counted out (line and column) only for a mistake: counting it for every
        // entry of a large file would read the file once per entry.
        let at = || span(key_at.clone());
        let Some(kind) = kind_of(&kind, entry) else {
            errors.push(ContentError::UnlistedEntryType { at: at(), found: kind });
            continue;
        };
        let Some(slug) = Slug::suggest(&entry.key) else {
            let (reason, hint) = if entry.key.trim().is_empty() {
                (
                    "the entry has no key".to_owned(),
                    "an entry starts with its key and a comma: `@article{kvello2024, title = …}`",
                )
            } else {
                (
                    format!("the key `{}` gives no address", entry.key),
                    "the key is the entry's address: write it with letters or digits, as `kvello2024`",
                )
            };
            errors.push(ContentError::BadBibtex { at: at(), reason, hint: hint.to_owned() });
            continue;
        };
        let text =
            |field: &str| entry.get(field).map(|chunks| chunks.format_verbatim()).filter(|t| !t.trim().is_empty());
        // A special issue is a `@periodical`: BibLaTeX names the issue in `issuetitle` and the
        // journal in `title`; without `issuetitle`, `title` is the issue's and `journaltitle`
        // the journal's.
        let issue_title = (kind == PublicationKind::SpecialIssue).then(|| text("issuetitle")).flatten();
        let Some(title) = issue_title.clone().or_else(|| entry.title().ok().map(|t| t.format_verbatim())) else {
            errors.push(ContentError::UntitledEntry { at: at(), key: entry.key.clone() });
            continue;
        };
        // A field inherited through `crossref` has no place of its own in this file.
        let field_at = |field: &str| {
            let chunks = entry.get(field)?;
            let (first, last) = (chunks.first()?, chunks.last()?);
            (!first.is_detached() && !last.is_detached()).then_some(first.span.start..last.span.end)
        };
        // The slugs of a field such as `groups = {a, b}`, each at its own place where it has one.
        let slugs = |field: &str| {
            let range = field_at(field).unwrap_or(key_at.clone());
            let named = text(field).unwrap_or_default();
            let written: Vec<&str> = named.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
            written
                .into_iter()
                .map(|slug| {
                    let within = file.text.get(range.clone()).and_then(|field| field.find(slug));
                    let start = within.map_or(range.start, |i| range.start + i);
                    Ref::new(slug, start..start + slug.len())
                })
                .collect::<Vec<_>>()
        };
        let mut groups: Vec<Ref> = owners.iter().map(|slug| Ref::new(slug.as_str(), key_at.clone())).collect();
        for named in slugs("groups") {
            if !groups.iter().any(|g| g.slug == named.slug) {
                groups.push(named);
            }
        }
        let projects = slugs("projects");
        // A value the site cannot use is left out of the entry, and named at its field.
        let place = |field: &str| span(field_at(field).unwrap_or(key_at.clone()));
        let doi = match entry.doi().ok().map(|d| d.trim().to_owned()).filter(|d| !d.is_empty()) {
            Some(doi) if !is_doi(&doi) => {
                warnings.push(ContentWarning::NotADoi { at: place("doi"), doi });
                None
            }
            doi => doi,
        };
        let url = match text("url").map(|url| Url::new(url.trim(), field_at("url").unwrap_or(key_at.clone()))) {
            Some(url) if !url.is_safe() => {
                warnings.push(ContentWarning::NotAUrl { at: place("url"), url: url.href });
                None
            }
            url => url,
        };
        let link = match (&doi, url) {
            (Some(doi), _) => {
                Some(Url::new(format!("https://doi.org/{doi}"), field_at("doi").unwrap_or(key_at.clone())))
            }
            (None, url) => url,
        };
        let mut year = None;
        for field in ["year", "date"] {
            // `date` is read only where `year` gives none.
            let Some(value) = text(field).filter(|_| year.is_none()) else { continue };
            year = year_of(&value);
            if year.is_none() {
                warnings.push(ContentWarning::NotAYear { at: place(field), field, value });
            }
        }
        let mut orcids = orcid_numbers(text("orcid-numbers").as_deref().unwrap_or_default());
        orcids.retain_mut(|(_, written)| match crate::model::orcid_id(written) {
            Some(id) => {
                *written = id;
                true
            }
            None => {
                warnings.push(ContentWarning::NotAnOrcid { at: place("orcid-numbers"), orcid: written.clone() });
                false
            }
        });
        let named = |people: Vec<biblatex::Person>, field: &str| -> Vec<Author> {
            let at = field_at(field).unwrap_or(key_at.clone());
            people
                .iter()
                .map(|person| {
                    let name = [&person.given_name, &person.prefix, &person.name, &person.suffix]
                        .into_iter()
                        .map(|part| part.trim())
                        .filter(|part| !part.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ");
                    let orcid =
                        orcids.iter().find(|(family, _)| *family == person.name.trim()).map(|(_, id)| id.clone());
                    let family = [person.prefix.trim(), person.name.trim()]
                        .into_iter()
                        .filter(|part| !part.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ");
                    Author { orcid, family: Some(family).filter(|f| !f.is_empty()), ..Author::new(name, at.clone()) }
                })
                .collect()
        };
        let authors = named(entry.author().unwrap_or_default(), "author");
        let editors = entry
            .editors()
            .unwrap_or_default()
            .into_iter()
            .filter(|(_, role)| *role == biblatex::EditorType::Editor)
            .flat_map(|(people, _)| people)
            .collect();
        let editors = named(editors, "editor");
        let publisher =
            entry.publisher().ok().map(|p| p.iter().map(|c| c.format_verbatim()).collect::<Vec<_>>().join(", "));
        let publication = Publication {
            slug,
            title,
            kind,
            venue: match issue_title {
                Some(_) => text("title"),
                None => text("journaltitle").or_else(|| text("journal")).or_else(|| text("booktitle")),
            },
            publisher: publisher.filter(|p| !p.is_empty()).or_else(|| text("school")).or_else(|| text("institution")),
            year,
            editors,
            groups: RefList::new(groups, key_at.clone()),
            projects,
            link,
            authors,
            doi,
            volume: text("volume"),
            issue: text("number").or_else(|| text("issue")),
            pages: text("pages").map(|pages| pages.replace("--", "–").trim().to_owned()),
            isbn: text("isbn"),
            summary: text("abstract"),
            description: Html::default(),
        };
        read.push(Entry { publication, key: entry.key.clone(), at: key_at.clone() });
    }
    read
}

/// A mistake in a BibTeX file, in bytes from the file's start, before its line and column are
/// counted out.
struct Mistake {
    /// Where it is.
    at: Range<usize>,
    /// What is wrong, in the editor's words.
    reason: String,
    /// What to do about it.
    hint: String,
}

impl Mistake {
    fn new(at: Range<usize>, reason: impl Into<String>, hint: impl Into<String>) -> Self {
        Self { at, reason: reason.into(), hint: hint.into() }
    }
}

/// Where each line of `text` that starts with `@` (after spaces or tabs) has its `@`: where an
/// entry starts, when the reader has lost its way.
fn entry_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).filter_map(move |line| {
        let rest = text.get(line..)?;
        let indent = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        rest[indent..].starts_with('@').then_some(line + indent)
    })
}

/// A file that cannot be read whole, read again entry by entry: each stretch from one line
/// that starts with `@` to the next is read on its own. Gives the entries and `@string`s of the
/// stretches that read (their spans still into the whole file) and one mistake for each that
/// does not.
fn recover(text: &str) -> (RawBibliography<'_>, Vec<Mistake>) {
    let mut good = RawBibliography { preamble: String::new(), entries: Vec::new(), abbreviations: Vec::new() };
    let mut mistakes = Vec::new();
    let mut bounds: Vec<usize> = std::iter::once(0).chain(entry_starts(text).filter(|&at| at > 0)).collect();
    bounds.push(text.len());
    for stretch in bounds.windows(2) {
        let [start, end] = [stretch[0], stretch[1]];
        let Some(block) = text.get(start..end) else { continue };
        match RawBibliography::parse(block) {
            Ok(raw) => {
                let shift = |span: &mut Range<usize>| *span = span.start + start..span.end + start;
                let shift_pair = |pair: &mut biblatex::Pair| {
                    shift(&mut pair.key.span);
                    shift(&mut pair.value.span);
                    pair.value.v.iter_mut().for_each(|chunk| shift(&mut chunk.span));
                };
                for mut entry in raw.entries {
                    shift(&mut entry.span);
                    shift(&mut entry.v.key.span);
                    shift(&mut entry.v.kind.span);
                    entry.v.fields.iter_mut().for_each(shift_pair);
                    good.entries.push(entry);
                }
                for mut pair in raw.abbreviations {
                    shift_pair(&mut pair);
                    good.abbreviations.push(pair);
                }
            }
            Err(error) => mistakes.push(syntax_mistake(block, start, error)),
        }
    }
    (good, mistakes)
}

/// The reader's `error` in `block`, which starts at byte `start` of its file, in the editor's
/// words and with a hint for the common cases.
fn syntax_mistake(block: &str, start: usize, error: biblatex::ParseError) -> Mistake {
    use biblatex::{ParseErrorKind as Kind, Token};
    let at = error.span.start + start..error.span.end + start;
    let at_end = error.span.start >= block.trim_end().len();
    match error.kind {
        Kind::UnexpectedEof | Kind::Expected(Token::ClosingBrace | Token::Identifier | Token::Comma) if at_end => {
            match unclosed_brace(block) {
                Some(open) => Mistake::new(
                    open + start..open + start + 1,
                    "a `{` is not closed",
                    "close it with `}`; each entry ends with its own `}` before the next line that starts with `@`",
                ),
                None => Mistake::new(
                    at,
                    "the entry is not closed",
                    "close each `\"` and `{` of its values, and the entry with `}`, before the next line that starts with `@`",
                ),
            }
        }
        Kind::Expected(Token::Comma) if block.get(error.span.start..).is_some_and(|rest| rest.starts_with('=')) => {
            // What was read as the key is the first field's name: the place is that name's.
            let before = block.get(..error.span.start).unwrap_or_default().trim_end();
            let name = before.rfind(|c: char| c.is_whitespace() || c == '{').map_or(0, |i| i + 1);
            Mistake::new(
                name + start..before.len() + start,
                "the entry has no key",
                "an entry starts with its key and a comma: `@article{kvello2024, title = …}`",
            )
        }
        Kind::Expected(Token::Comma) => Mistake::new(
            {
                // Where the comma belongs: after the value before it.
                let after = block.get(..error.span.start).unwrap_or_default().trim_end().len() + start;
                after..after
            },
            "a `,` is missing",
            "a comma follows the key and every field but the last: `@article{key, title = {…}, year = {2024}}`",
        ),
        Kind::Expected(Token::Equals) => {
            Mistake::new(at, "a `=` is missing", "each field is `name = {value}`, its value in braces or quotes")
        }
        Kind::Expected(Token::OpeningBrace) => {
            Mistake::new(at, "a `{` is missing", "an entry opens with `{` after its type: `@article{key, title = {…}}`")
        }
        Kind::Expected(Token::Identifier) => Mistake::new(
            at,
            "a field's name is missing",
            "each field is `name = {value}`; look for a doubled `,` or a value outside its braces",
        ),
        kind => Mistake::new(at, kind.to_string(), GENERAL_HINT),
    }
}

/// The hint for a mistake in a BibTeX file without a more particular one.
const GENERAL_HINT: &str = "each entry is `@type{key, field = {value}, …}`, with its braces balanced";

/// The `{` of `block` that is not closed: the innermost one open where a line starts with a
/// field (`year = …`) inside a value, as a title left open swallows the fields after it; else
/// the innermost one open at the end.
fn unclosed_brace(block: &str) -> Option<usize> {
    let field_starts = |line: &str| {
        let line = line.trim_start();
        let name =
            line.len() - line.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-').len();
        name > 0 && line[name..].trim_start().starts_with('=')
    };
    let mut open = Vec::new();
    let mut bytes = block.bytes().enumerate();
    while let Some((i, b)) = bytes.next() {
        match b {
            b'\\' => {
                bytes.next();
            }
            b'{' => open.push(i),
            b'}' => {
                open.pop();
            }
            b'\n' if open.len() >= 2 && block.get(i + 1..).is_some_and(field_starts) => return open.last().copied(),
            _ => {}
        }
    }
    open.pop()
}

/// Every mistake the resolver finds in `raw` (keys written twice, `@string` abbreviations not
/// defined, LaTeX commands it cannot read), each entry resolved on its own with every `@string`
/// of the file, since the resolver stops at its first.
fn resolution_mistakes(raw: RawBibliography<'_>) -> Vec<Mistake> {
    let mut mistakes = Vec::new();
    let mut seen: HashMap<&str, Range<usize>> = HashMap::new();
    for entry in &raw.entries {
        if seen.insert(entry.v.key.v, entry.v.key.span.clone()).is_some() {
            mistakes.push(Mistake::new(
                entry.v.key.span.clone(),
                format!("the key `{}` is written twice in this file", entry.v.key.v),
                "give each entry of a file its own key",
            ));
        }
    }
    for entry in &raw.entries {
        let alone = RawBibliography {
            preamble: String::new(),
            entries: vec![entry.clone()],
            abbreviations: raw.abbreviations.clone(),
        };
        if let Err(error) = Bibliography::from_raw(alone) {
            mistakes.push(resolution_mistake(error));
        }
    }
    mistakes
}

/// The resolver's `error`, in the editor's words and with a hint for the common cases.
fn resolution_mistake(error: biblatex::ParseError) -> Mistake {
    use biblatex::{ParseErrorKind as Kind, Token};
    match error.kind {
        Kind::UnknownAbbreviation(name) => Mistake::new(
            error.span,
            format!("the abbreviation `{name}` is not defined"),
            format!("define it with `@string{{{name} = {{…}}}}`, or write the value in braces: `{{{name}}}`"),
        ),
        Kind::MalformedCommand => Mistake::new(
            error.span,
            "a LaTeX command here cannot be read",
            "write accents as `{\\'o}` or `{\\O}`, or simply in UTF-8: `ó`, `Ø`",
        ),
        Kind::Unexpected(Token::ClosingBrace) => {
            Mistake::new(error.span, "this `}` closes nothing", "remove it, or add the `{` it was meant to close")
        }
        Kind::DuplicateKey(key) => Mistake::new(
            error.span,
            format!("the key `{key}` is written twice in this file"),
            "give each entry of a file its own key",
        ),
        kind => Mistake::new(error.span, kind.to_string(), GENERAL_HINT),
    }
}

/// The ORCID iDs of Web of Science's `ORCID-Numbers = {Kvello, Øyvind/0000-0002-1825-0097; …}`,
/// each with the family name it is written under.
fn orcid_numbers(field: &str) -> Vec<(String, String)> {
    field
        .split(';')
        .filter_map(|pair| {
            let (name, id) = pair.rsplit_once('/')?;
            let family = name.split(',').next()?.trim();
            Some((family.to_owned(), id.trim().to_owned())).filter(|(f, id)| !f.is_empty() && !id.is_empty())
        })
        .collect()
}

/// Whether `doi` is a DOI: `10.`, a registrant code, `/` and a suffix, as `10.1000/182`.
fn is_doi(doi: &str) -> bool {
    doi.strip_prefix("10.").and_then(|rest| rest.split_once('/')).is_some_and(|(registrant, suffix)| {
        !registrant.is_empty() && !suffix.is_empty() && !doi.contains(char::is_whitespace)
    })
}

/// The year a `year` or `date` field gives: four digits, alone or opening a date (`2024-05-31`)
/// or a range (`2020/2021`).
fn year_of(value: &str) -> Option<u16> {
    let value = value.trim();
    let (digits, rest) = (value.get(..4)?, &value[4..]);
    let whole = rest.is_empty() || rest.starts_with(['-', '/']);
    (whole && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.parse().ok()).flatten()
}

/// The most entries a chain of `crossref` and `xdata` may pass through.
const PARENTS: usize = 16;

/// The first entry whose `crossref` or `xdata` parents lead back to it, or further than
/// [`PARENTS`]: biblatex follows them by recursion, so either would overflow the stack.
fn tangled(raw: &RawBibliography) -> Option<(Range<usize>, String)> {
    let text = |field: &[biblatex::Spanned<biblatex::RawChunk>]| {
        field
            .iter()
            .map(|chunk| match chunk.v {
                biblatex::RawChunk::Normal(s) | biblatex::RawChunk::Abbreviation(s) => s,
            })
            .collect::<String>()
    };
    let parents: HashMap<&str, Vec<String>> =
        raw.entries
            .iter()
            .map(|entry| {
                let linked = entry.v.fields.iter().filter(|pair| {
                    pair.key.v.eq_ignore_ascii_case("crossref") || pair.key.v.eq_ignore_ascii_case("xdata")
                });
                let keys = linked
                    .flat_map(|pair| text(&pair.value.v).split(',').map(|k| k.trim().to_owned()).collect::<Vec<_>>());
                (entry.v.key.v, keys.filter(|k| !k.is_empty()).collect())
            })
            .collect();
    for entry in &raw.entries {
        let start = entry.v.key.v;
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        let mut level: Vec<&str> = vec![start];
        for depth in 0..=PARENTS {
            let next: Vec<&str> = level
                .iter()
                .flat_map(|key| parents.get(key).into_iter().flatten())
                .map(String::as_str)
                .filter(|key| parents.contains_key(key) && seen.insert(key))
                .collect();
            if next.contains(&start) || (depth == PARENTS && !next.is_empty()) {
                return Some((entry.v.key.span.clone(), start.to_owned()));
            }
            if next.is_empty() {
                break;
            }
            level = next;
        }
    }
    None
}

/// The kind of publication an entry type is; an edited book is a `@book` with editors and no
/// authors, and a special issue a `@periodical` (an issue of a journal, with its editors).
fn kind_of(entry_type: &str, entry: &biblatex::Entry) -> Option<PublicationKind> {
    Some(match entry_type {
        "article" => PublicationKind::Article,
        "book" | "mvbook" if entry.get("author").is_none() && entry.get("editor").is_some() => {
            PublicationKind::EditedBook
        }
        "book" | "mvbook" => PublicationKind::Book,
        "inbook" | "incollection" => PublicationKind::Chapter,
        "inproceedings" | "conference" => PublicationKind::ConferencePaper,
        "phdthesis" | "mastersthesis" | "thesis" => PublicationKind::Thesis,
        "report" | "techreport" => PublicationKind::Report,
        "periodical" => PublicationKind::SpecialIssue,
        _ => return None,
    })
}
