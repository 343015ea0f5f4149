//! A publication as reference managers read it: its BibTeX entry (`/publications/{slug}.bib`),
//! its RIS record (`.ris`) and the COinS context object its page carries for Zotero's browser
//! connector. All three are written from the [`Publication`] model, so a TOML publication has
//! them as well as one read from BibTeX.

use crate::model::{Author, Publication, PublicationKind};

/// The publication's BibTeX entry, keyed by its slug, for a reader's reference manager: the
/// entry type from its kind, names as `Family, Given`, LaTeX's special characters escaped and
/// the title's capitals protected so bibliography styles keep them.
pub fn bibtex(publication: &Publication) -> String {
    use PublicationKind as K;
    let kind = publication.kind;
    let entry_type = match kind {
        K::Article => "article",
        K::Book | K::EditedBook => "book",
        K::Chapter => "incollection",
        K::ConferencePaper => "inproceedings",
        K::Thesis => "phdthesis",
        K::Report => "techreport",
        K::SpecialIssue | K::Journal => "periodical",
    };
    let venue_field = match kind {
        K::Chapter | K::ConferencePaper => Some("booktitle"),
        K::Article | K::SpecialIssue => Some("journal"),
        K::Book | K::EditedBook | K::Journal | K::Thesis | K::Report => None,
    };
    let publisher_field = match kind {
        K::Thesis => "school",
        K::Report => "institution",
        _ => "publisher",
    };
    let names = |people: &[Author]| people.iter().map(|a| escape(&family_given(a))).collect::<Vec<_>>().join(" and ");
    let mut fields: Vec<(&str, String)> = Vec::new();
    if !publication.authors.is_empty() {
        fields.push(("author", names(&publication.authors)));
    }
    if !publication.editors.is_empty() {
        fields.push(("editor", names(&publication.editors)));
    }
    fields.push(("title", protect_capitals(&publication.title)));
    if let (Some(field), Some(venue)) = (venue_field, &publication.venue) {
        fields.push((field, escape(venue)));
    }
    let escaped = |value: &Option<String>| value.as_deref().map(escape);
    fields.extend(escaped(&publication.publisher).map(|p| (publisher_field, p)));
    fields.extend(publication.year.map(|y| ("year", y.to_string())));
    fields.extend(escaped(&publication.volume).map(|v| ("volume", v)));
    fields.extend(escaped(&publication.issue).map(|n| ("number", n)));
    fields.extend(escaped(&publication.pages).map(|p| ("pages", p.replace('–', "--"))));
    fields.extend(escaped(&publication.isbn).map(|i| ("isbn", i)));
    // DOIs and URLs are verbatim fields: only a brace could break the entry.
    fields.extend(publication.doi.as_deref().map(|d| ("doi", verbatim(d))));
    fields.extend(online(publication).map(|u| ("url", verbatim(u))));
    fields.extend(escaped(&publication.summary).map(|a| ("abstract", a)));
    let body: String = fields.iter().map(|(name, value)| format!(",\n  {name} = {{{value}}}")).collect();
    format!("@{entry_type}{{{}{body}\n}}\n", publication.slug)
}

/// The publication's RIS record, for the reference managers that import RIS rather than
/// BibTeX (EndNote, Mendeley, Zotero): one `TAG  - value` line each, ending in CRLF.
pub fn ris(publication: &Publication) -> String {
    use PublicationKind as K;
    let kind = publication.kind;
    let ty = match kind {
        K::Article => "JOUR",
        K::Book => "BOOK",
        K::EditedBook => "EDBOOK",
        K::Chapter => "CHAP",
        K::ConferencePaper => "CPAPER",
        K::Thesis => "THES",
        K::Report => "RPRT",
        K::SpecialIssue | K::Journal => "JFULL",
    };
    let mut lines: Vec<(&str, String)> = vec![("TY", ty.to_owned())];
    lines.extend(publication.authors.iter().map(|a| ("AU", family_given(a))));
    // A chapter's and a paper's editors edited the book they are in (the secondary title's).
    let editor_tag = if kind.edited_itself() { "ED" } else { "A2" };
    lines.extend(publication.editors.iter().map(|a| (editor_tag, family_given(a))));
    lines.push(("TI", publication.title.clone()));
    lines.extend(publication.venue.clone().map(|v| ("T2", v)));
    lines.extend(publication.year.map(|y| ("PY", y.to_string())));
    lines.extend(publication.volume.clone().map(|v| ("VL", v)));
    lines.extend(publication.issue.clone().map(|i| ("IS", i)));
    if let Some((first, last)) = publication.pages.as_deref().map(page_range) {
        lines.push(("SP", first.to_owned()));
        lines.extend(last.map(|l| ("EP", l.to_owned())));
    }
    lines.extend(publication.isbn.clone().map(|i| ("SN", i)));
    lines.extend(publication.doi.clone().map(|d| ("DO", d)));
    lines.extend(online(publication).map(|u| ("UR", u.to_owned())));
    lines.extend(publication.publisher.clone().map(|p| ("PB", p)));
    lines.extend(publication.summary.clone().map(|a| ("AB", a)));
    let mut out: String = lines.iter().map(|(tag, value)| format!("{tag}  - {}\r\n", one_line(value))).collect();
    out.push_str("ER  - \r\n");
    out
}

/// The COinS context object (OpenURL 1.0 KEV) of the publication, the `title` of the empty
/// `span class="Z3988"` on its page from which Zotero's connector and other tools save it;
/// values percent-encoded, the whole still to be HTML-escaped by the template.
pub fn coins(publication: &Publication) -> String {
    use PublicationKind as K;
    let kind = publication.kind;
    let (format, genre) = match kind {
        K::Article => ("journal", "article"),
        K::SpecialIssue => ("journal", "issue"),
        K::Journal => ("journal", "journal"),
        K::Book | K::EditedBook => ("book", "book"),
        K::Chapter => ("book", "bookitem"),
        K::ConferencePaper => ("book", "proceeding"),
        K::Report => ("book", "report"),
        K::Thesis => ("dissertation", ""),
    };
    let mut pairs: Vec<(&str, String)> =
        vec![("ctx_ver", "Z39.88-2004".to_owned()), ("rft_val_fmt", format!("info:ofi/fmt:kev:mtx:{format}"))];
    if !genre.is_empty() {
        pairs.push(("rft.genre", genre.to_owned()));
    }
    let title = publication.title.clone();
    let venue = publication.venue.clone();
    match (format, kind) {
        ("journal", K::Journal) => pairs.push(("rft.jtitle", title)),
        ("journal", _) => {
            pairs.push(("rft.atitle", title));
            pairs.extend(venue.map(|v| ("rft.jtitle", v)));
        }
        (_, K::Chapter | K::ConferencePaper) => {
            pairs.push(("rft.atitle", title));
            pairs.extend(venue.map(|v| ("rft.btitle", v)));
        }
        ("book", _) => pairs.push(("rft.btitle", title)),
        _ => pairs.push(("rft.title", title)),
    }
    pairs.extend(publication.authors.iter().map(|a| ("rft.au", a.name.clone())));
    pairs.extend(publication.year.map(|y| ("rft.date", y.to_string())));
    pairs.extend(publication.volume.clone().map(|v| ("rft.volume", v)));
    pairs.extend(publication.issue.clone().map(|i| ("rft.issue", i)));
    if let Some((first, last)) = publication.pages.as_deref().map(page_range) {
        pairs.push(("rft.spage", first.to_owned()));
        pairs.extend(last.map(|l| ("rft.epage", l.to_owned())));
    }
    let publisher_key = if kind == K::Thesis { "rft.inst" } else { "rft.pub" };
    pairs.extend(publication.publisher.clone().filter(|_| format != "journal").map(|p| (publisher_key, p)));
    pairs.extend(publication.isbn.clone().map(|i| ("rft.isbn", i)));
    pairs.extend(publication.doi.as_ref().map(|d| ("rft_id", format!("info:doi/{d}"))));
    pairs.extend(online(publication).map(|u| ("rft_id", u.to_owned())));
    pairs.iter().map(|(key, value)| format!("{key}={}", percent_encode(value))).collect::<Vec<_>>().join("&")
}

/// A name as citations sort it, `Family, Given`: a name already written with a comma stays as
/// it is; otherwise the family name where the source tells it apart (with a suffix such as
/// `Jr` after it), or else the last word.
fn family_given(author: &Author) -> String {
    let name = author.name.trim();
    if name.contains(',') {
        return name.to_owned();
    }
    if let Some(family) = author.family.as_deref().map(str::trim).filter(|f| !f.is_empty())
        && let Some(at) = name.find(family)
    {
        let given = name[..at].trim();
        let suffix = name[at + family.len()..].trim();
        return [family, suffix, given].into_iter().filter(|part| !part.is_empty()).collect::<Vec<_>>().join(", ");
    }
    match name.rsplit_once(' ') {
        Some((given, family)) => format!("{family}, {}", given.trim()),
        None => name.to_owned(),
    }
}

/// Where to read the publication online, where that is not its DOI (which has a field of its own).
fn online(publication: &Publication) -> Option<&str> {
    let doi = publication.doi.as_ref().map(|d| format!("https://doi.org/{d}"));
    publication.link.as_ref().map(|l| l.href.as_str()).filter(|href| doi.as_deref() != Some(*href))
}

/// The first and last page of `101–120`, `101--120` or `101-120`; an article number or a
/// single page has no last.
fn page_range(pages: &str) -> (&str, Option<&str>) {
    let pages = pages.trim();
    for dash in ["–", "--", "-", "—"] {
        if let Some((first, last)) = pages.split_once(dash) {
            let last = last.trim_start_matches(['-', '–']).trim();
            return (first.trim(), Some(last).filter(|l| !l.is_empty()));
        }
    }
    (pages, None)
}

/// A value on one line: RIS tags and BibTeX fields hold no line breaks.
fn one_line(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text as BibTeX reads it back: LaTeX's special characters escaped, on one line.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '#' | '$' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c => out.push(c),
        }
    }
    out
}

/// A DOI or URL in a verbatim field: its braces percent-encoded, the only characters that
/// could end the field early.
fn verbatim(text: &str) -> String {
    one_line(text).replace('{', "%7B").replace('}', "%7D")
}

/// A title escaped, each word with a capital in braces (but a first word's initial capital,
/// which every style keeps), so styles that lower-case titles keep `{Nordic}` and `{COVID}`.
fn protect_capitals(title: &str) -> String {
    let escaped = escape(title);
    escaped
        .split(' ')
        .enumerate()
        .map(|(i, word)| {
            let mut letters = word.chars().filter(|c| c.is_alphabetic());
            let initial_only = i == 0 && letters.next().is_some() && !letters.any(char::is_uppercase);
            if word.chars().any(char::is_uppercase) && !initial_only { braced(word) } else { word.to_owned() }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word in braces, the punctuation before and after it left outside: `({Nordic}),`.
fn braced(word: &str) -> String {
    const BEFORE: [char; 3] = ['(', '[', '"'];
    const AFTER: [char; 9] = [',', '.', ':', ';', '!', '?', ')', ']', '"'];
    let core = word.trim_start_matches(BEFORE).trim_end_matches(AFTER);
    let start = word.len() - word.trim_start_matches(BEFORE).len();
    let (before, after) = (&word[..start], &word[start + core.len()..]);
    format!("{before}{{{core}}}{after}")
}

/// Percent-encodes a KEV value: everything but RFC 3986's unreserved characters.
fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in one_line(value).bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Html, RefList, Slug};

    fn publication(kind: PublicationKind) -> Publication {
        Publication {
            slug: Slug::parse("kvello2021").unwrap(),
            title: "Mattering in the Nordic welfare state: 100% & more".to_owned(),
            kind,
            venue: Some("Nordic Social Work Research".to_owned()),
            publisher: Some("Routledge".to_owned()),
            year: Some(2021),
            editors: vec![],
            groups: RefList::new(vec![], 0..0),
            projects: vec![],
            link: None,
            authors: vec![
                Author { family: Some("Kvello".to_owned()), ..Author::new("Øyvind Kvello", 0..0) },
                Author::new("Kristin Berre Ørjasæter", 0..0),
                Author::new("von Heimburg, Dina", 0..0),
            ],
            doi: Some("10.1000/x_y".to_owned()),
            volume: Some("11".to_owned()),
            issue: Some("2".to_owned()),
            pages: Some("101–120".to_owned()),
            isbn: None,
            summary: Some("Two\nlines.".to_owned()),
            description: Html::default(),
        }
    }

    #[test]
    fn names_are_family_first() {
        let p = publication(PublicationKind::Article);
        let names: Vec<String> = p.authors.iter().map(family_given).collect();
        assert_eq!(names, ["Kvello, Øyvind", "Ørjasæter, Kristin Berre", "von Heimburg, Dina"]);
        let jr = Author { family: Some("King".to_owned()), ..Author::new("Martin Luther King Jr.", 0..0) };
        assert_eq!(family_given(&jr), "King, Jr., Martin Luther");
        assert_eq!(family_given(&Author::new("UNESCO", 0..0)), "UNESCO");
    }

    #[test]
    fn bibtex_escapes_and_protects() {
        let text = bibtex(&publication(PublicationKind::Article));
        assert!(text.starts_with("@article{kvello2021,\n"), "{text}");
        assert!(text.contains("title = {Mattering in the {Nordic} welfare state: 100\\% \\& more}"), "{text}");
        assert!(text.contains("pages = {101--120}"), "{text}");
        assert!(text.contains("doi = {10.1000/x_y}"), "{text}");
        assert!(text.contains("abstract = {Two lines.}"), "{text}");
        assert_eq!(escape("a{b}_c\\"), "a\\{b\\}\\_c\\textbackslash{}");
        assert_eq!(protect_capitals("COVID and Me"), "{COVID} and {Me}");
        assert_eq!(protect_capitals("Co-op: Perspectives, (Nordic) forms"), "Co-op: {Perspectives}, ({Nordic}) forms");
        assert_eq!(protect_capitals("What Is It?"), "What {Is} {It}?");
    }

    #[test]
    fn ris_splits_pages_and_ends_with_er() {
        let text = ris(&publication(PublicationKind::Article));
        assert!(text.starts_with("TY  - JOUR\r\nAU  - Kvello, Øyvind\r\n"), "{text}");
        assert!(text.contains("SP  - 101\r\nEP  - 120\r\n"), "{text}");
        assert!(text.ends_with("AB  - Two lines.\r\nER  - \r\n"), "{text}");
        assert_eq!(page_range("e1234"), ("e1234", None));
        assert_eq!(page_range("5--9"), ("5", Some("9")));
    }

    #[test]
    fn coins_encodes_values() {
        let text = coins(&publication(PublicationKind::Chapter));
        assert!(
            text.starts_with("ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook&rft.genre=bookitem")
        );
        assert!(text.contains("&rft.au=%C3%98yvind%20Kvello&"), "{text}");
        assert!(text.contains("&rft_id=info%3Adoi%2F10.1000%2Fx_y"), "{text}");
    }
}
