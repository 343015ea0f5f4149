//! A publication cited in the site's CSL style (APA 7 unless `site.toml` names another), as
//! hayagriva (the Typst project's CSL processor) formats it, with its terms ("n.d.", "Ed.") in
//! the site's language. Formatted when a page is first drawn, never at startup.
//!
//! hayagriva's own HTML sets italics with inline styles, which the Content-Security-Policy
//! forbids; the citation is written here instead, with `<i>`, `<b>` and `<a>`, and every
//! author or editor who is a person of the site linked to their page.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use hayagriva::citationberg::{IndependentStyle, Locale, LocaleCode, Style};
use hayagriva::types::{
    Date, EntryType, FormatString, MaybeTyped, Numeric, PageRanges, Person, Publisher, SerialNumber,
};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, ElemChild, ElemChildren, ElemMeta, Entry,
};

use crate::model::{Author, CitationStyle, Html, Publication, PublicationKind, Ref};

/// `publication`'s entry in a reference list in `style`, its terms in `language` (a BCP 47 tag);
/// `page` gives the address of a person of the site, to link their name. `None` where the
/// style writes nothing for it.
pub fn cited(
    publication: &Publication,
    style: CitationStyle,
    language: &str,
    page: impl Fn(&Ref) -> String,
) -> Option<Html> {
    let style = independent(style)?;
    let entry = entry(publication);
    let locales = locales();
    // The formatter is another project's code fed with the content: should it fail on some
    // entry, the page goes without a citation rather than without an answer.
    let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut driver = BibliographyDriver::new();
        driver.citation(CitationRequest::from_items(vec![CitationItem::with_entry(&entry)], &style, locales));
        driver.finish(BibliographyRequest::new(&style, Some(locale(language)), locales))
    }))
    .ok()?;
    let item = rendered.bibliography?.items.into_iter().next()?;
    let mut out = String::new();
    write(&item.content, publication, &page, &mut out);
    (!out.trim().is_empty()).then(|| Html::sanitized(out))
}

/// The CSL locale for a language tag: Norwegian (`no`) and bokmål (`nb`) are cited in
/// bokmål's terms, nynorsk (`nn`) in nynorsk's, whatever region the tag names or leaves out.
fn locale(language: &str) -> LocaleCode {
    let primary = language.split('-').next().unwrap_or(language).to_ascii_lowercase();
    LocaleCode(match primary.as_str() {
        "no" | "nb" => "nb-NO".to_owned(),
        "nn" => "nn-NO".to_owned(),
        _ => language.to_owned(),
    })
}

/// Every locale hayagriva carries, decoded once, on the first citation.
fn locales() -> &'static [Locale] {
    static LOCALES: OnceLock<Vec<Locale>> = OnceLock::new();
    LOCALES.get_or_init(hayagriva::archive::locales)
}

/// The style, decoded once on its first citation; `None` for a style that only points at
/// another (there are none of those in the archive today).
fn independent(style: CitationStyle) -> Option<Arc<IndependentStyle>> {
    static STYLES: OnceLock<Mutex<HashMap<&'static str, Arc<IndependentStyle>>>> = OnceLock::new();
    let styles = STYLES.get_or_init(Default::default);
    let id = style.0.csl_id();
    if let Some(found) = styles.lock().ok()?.get(id) {
        return Some(found.clone());
    }
    let Style::Independent(decoded) = style.0.get() else { return None };
    let decoded = Arc::new(decoded);
    styles.lock().ok()?.insert(id, decoded.clone());
    Some(decoded)
}

/// The publication as hayagriva's model has it: a chapter in its book, an article in its
/// journal, so the style can name both.
fn entry(publication: &Publication) -> Entry {
    let key = publication.slug.as_str();
    let text = |value: &str| FormatString::with_value(value);
    let (own, parent) = match publication.kind {
        PublicationKind::Article => (EntryType::Article, Some(EntryType::Periodical)),
        // A special issue is cited as its editors' article in the journal: `Fikse, C. (Ed.).
        // (2022). Title. Journal, 12(3).`
        PublicationKind::SpecialIssue => (EntryType::Article, Some(EntryType::Periodical)),
        PublicationKind::Journal => (EntryType::Periodical, None),
        PublicationKind::EditedBook => (EntryType::Book, None),
        PublicationKind::Book => (EntryType::Book, None),
        PublicationKind::Chapter => (EntryType::Chapter, Some(EntryType::Anthology)),
        // Published proceedings are cited as a book the paper is in; hayagriva's proceedings
        // type writes a stray comma after the year where no month is known.
        PublicationKind::ConferencePaper => (EntryType::Chapter, Some(EntryType::Anthology)),
        PublicationKind::Thesis => (EntryType::Thesis, None),
        PublicationKind::Report => (EntryType::Report, None),
    };
    let mut entry = Entry::new(key, own);
    entry.set_title(text(&publication.title));
    if !publication.authors.is_empty() {
        entry.set_authors(publication.authors.iter().map(person).collect());
    }
    if let Some(year) = publication.year {
        entry.set_date(Date::from_year(i32::from(year)));
    }
    let mut numbers = std::collections::BTreeMap::new();
    numbers.extend(publication.doi.clone().map(|doi| ("doi".to_owned(), doi)));
    numbers.extend(publication.isbn.clone().map(|isbn| ("isbn".to_owned(), isbn)));
    if !numbers.is_empty() {
        entry.set_serial_number(SerialNumber(numbers));
    }
    if publication.doi.is_none()
        && let Some(url) = publication.link.as_ref().and_then(|l| l.href.parse().ok())
    {
        entry.set_url(hayagriva::types::QualifiedUrl::new(url, None));
    }
    if let Some(pages) = &publication.pages {
        entry.set_page_range(pages.parse::<MaybeTyped<PageRanges>>().unwrap_or_else(|n| match n {}));
    }
    let number = |value: &str| value.parse::<MaybeTyped<Numeric>>().unwrap_or_else(|n| match n {});
    let publisher = publication.publisher.as_deref().map(|p| Publisher::new(Some(text(p)), None));
    let editors: Vec<Person> = publication.editors.iter().map(person).collect();
    // What the work appeared in holds the venue, volume, issue and the book's editors.
    let mut holder = match (parent, &publication.venue) {
        (Some(kind), Some(venue)) => {
            let mut holder = Entry::new(&format!("{key}-in"), kind);
            holder.set_title(text(venue));
            Some(holder)
        }
        _ => None,
    };
    let at = holder.as_mut().unwrap_or(&mut entry);
    publication.volume.as_deref().map(number).into_iter().for_each(|v| at.set_volume(v));
    publication.issue.as_deref().map(number).into_iter().for_each(|i| at.set_issue(i));
    if !editors.is_empty() {
        at.set_editors(editors);
    }
    if let Some(publisher) = publisher {
        at.set_publisher(publisher);
    }
    if let Some(holder) = holder {
        entry.set_parents(vec![holder]);
    }
    entry
}

/// An author in hayagriva's terms: the family name as the source splits it, else from the
/// name (`Kvello, Ø.` or `Øyvind Kvello`).
fn person(author: &Author) -> Person {
    let name = author.name.trim();
    let (given, family) = match (&author.family, name.split_once(',')) {
        (Some(family), _) => (name.strip_suffix(family.as_str()).unwrap_or_default().trim(), family.trim()),
        (None, Some((family, given))) => (given.trim(), family.trim()),
        (None, None) => match name.rsplit_once(' ') {
            Some((given, family)) => (given.trim(), family),
            None => ("", name),
        },
    };
    Person {
        name: family.to_owned(),
        given_name: Some(given.to_owned()).filter(|g| !g.is_empty()),
        prefix: None,
        suffix: None,
        comma_suffix: false,
        alias: None,
    }
}

/// Writes formatted citation output as HTML: `<i>`, `<b>`, `<sup>`, `<sub>` for the style's
/// formatting, `<a>` for links and for the names of people of the site.
fn write(children: &ElemChildren, publication: &Publication, page: &impl Fn(&Ref) -> String, out: &mut String) {
    use hayagriva::citationberg::taxonomy::NameVariable;
    for child in &children.0 {
        match child {
            ElemChild::Text(text) => formatted(&text.text, &text.formatting, out),
            ElemChild::Link { text, url } => {
                out.push_str(&format!("<a href=\"{}\">", escape(url)));
                formatted(&text.text, &text.formatting, out);
                out.push_str("</a>");
            }
            ElemChild::Elem(elem) => {
                let person = match elem.meta {
                    Some(ElemMeta::Name(NameVariable::Author, i)) => publication.authors.get(i),
                    Some(ElemMeta::Name(NameVariable::Editor, i)) => publication.editors.get(i),
                    _ => None,
                };
                match person.and_then(|a| a.person.as_ref()) {
                    Some(person) => {
                        out.push_str(&format!("<a class=\"member\" href=\"{}\">", escape(&page(person))));
                        write(&elem.children, publication, page, out);
                        out.push_str("</a>");
                    }
                    None => write(&elem.children, publication, page, out),
                }
            }
            ElemChild::Markup(text) => out.push_str(&escape(text)),
            ElemChild::Transparent { .. } => {}
        }
    }
}

/// Text with the style's formatting as elements, never as inline styles.
fn formatted(text: &str, formatting: &hayagriva::Formatting, out: &mut String) {
    use hayagriva::citationberg::{FontStyle, FontVariant, FontWeight, VerticalAlign};
    let mut tags: Vec<&str> = Vec::new();
    if formatting.font_style == FontStyle::Italic {
        tags.push("i");
    }
    if formatting.font_weight == FontWeight::Bold {
        tags.push("b");
    }
    if formatting.font_variant == FontVariant::SmallCaps {
        tags.push("small");
    }
    match formatting.vertical_align {
        VerticalAlign::Sup => tags.push("sup"),
        VerticalAlign::Sub => tags.push("sub"),
        _ => {}
    }
    tags.iter().for_each(|tag| out.push_str(&format!("<{tag}>")));
    out.push_str(&escape(text));
    tags.iter().rev().for_each(|tag| out.push_str(&format!("</{tag}>")));
}

use super::escape;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{RefList, Slug};

    fn undated_book() -> Publication {
        Publication {
            slug: Slug::parse("care").unwrap(),
            title: "Care".into(),
            kind: PublicationKind::EditedBook,
            venue: None,
            publisher: Some("Fagbokforlaget".into()),
            year: None,
            editors: vec![Author { name: "Ness, Ottar".into(), person: None, at: 0..0, family: None, orcid: None }],
            groups: RefList::new(Vec::new(), 0..0),
            link: None,
            authors: Vec::new(),
            doi: None,
            volume: None,
            issue: None,
            pages: None,
            isbn: None,
            summary: None,
            projects: Vec::new(),
            description: Html::default(),
        }
    }

    #[test]
    fn terms_are_in_the_language_of_the_page() {
        let cite = |language| {
            cited(&undated_book(), CitationStyle::default(), language, |_| String::new())
                .map(|h| h.as_str().to_owned())
                .unwrap_or_default()
        };
        assert_eq!(cite("en"), "Ness, O. (Ed.). (n.d.). <i>Care</i>. Fagbokforlaget.");
        for language in ["nb", "nb-NO", "no", "nn", "nn-NO"] {
            assert_eq!(cite(language), "Ness, O. (red.). (u.å.). <i>Care</i>. Fagbokforlaget.", "{language}");
        }
    }
}
