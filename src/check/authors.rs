//! The authors of publications matched to the people of the site, so a byline links to its
//! members' pages and a person's page lists what they wrote.
//!
//! A person is found by their ORCID iD where the author and the person both have one, else by
//! their `name` or one of their `citation_names` as written, or else by
//! family name and initials (`Kvello, Ø.`, `Ø. Kvello`); an author that two people answer to
//! is a mistake the editor settles with `citation_names`.

use std::collections::{BTreeMap, HashMap};

use crate::model::{Person, Publication, Ref, Slug};

/// An author two or more people answer to.
pub(super) struct Ambiguous {
    /// The publication whose byline names them.
    pub publication: Slug,
    /// Where the name is written.
    pub at: std::ops::Range<usize>,
    /// The name as written.
    pub name: String,
    /// The people it could be.
    pub people: Vec<Slug>,
}

/// Sets each author's and editor's person in `publications`, and gives an editor a TOML file
/// names by slug the person's name and family name; returns the names that answer to more than one person.
pub(super) fn match_authors(
    publications: &mut BTreeMap<Slug, Publication>,
    people: &BTreeMap<Slug, Person>,
) -> Vec<Ambiguous> {
    // Every form a person answers to, looked up rather than compared with every person, so
    // matching grows with the authors alone.
    let mut by_written: HashMap<String, Vec<&Person>> = HashMap::new();
    let mut by_initials: HashMap<String, Vec<&Person>> = HashMap::new();
    let mut by_orcid: HashMap<&str, Vec<&Person>> = HashMap::new();
    for p in people.values() {
        let written = std::iter::once(p.name.as_str()).chain(p.citation_names.iter().map(String::as_str));
        let mut forms: Vec<String> = written.map(key).collect();
        forms.sort();
        forms.dedup();
        for form in forms {
            by_written.entry(form).or_default().push(p);
        }
        let given = p.name.strip_suffix(p.family_name()).unwrap_or(&p.name);
        by_initials.entry(key(&format!("{} {}", initials(given), p.family_name()))).or_default().push(p);
        if let Some(orcid) = &p.orcid {
            by_orcid.entry(orcid.as_str()).or_default().push(p);
        }
    }
    let mut ambiguous = Vec::new();
    for publication in publications.values_mut() {
        for author in publication.authors.iter_mut().chain(publication.editors.iter_mut()) {
            if let Some(person) = author.person.as_ref().and_then(|r| people.get(&r.slug())) {
                author.name = person.name.clone();
                // Citations write it family name first: `von Heimburg, Dina`.
                author.family = author.family.take().or_else(|| person.family_name.clone());
                continue;
            }
            let orcid = author.orcid.as_deref().map(str::trim);
            let mut found: Vec<&Person> = orcid.and_then(|o| by_orcid.get(o)).cloned().unwrap_or_default();
            if found.is_empty() {
                found = answering(&by_written, &key(&author.name), orcid);
            }
            if found.is_empty() {
                found = answering(&by_initials, &initialled(&author.name), orcid);
            }
            match found.as_slice() {
                [] => {}
                [one] => author.person = Some(Ref::new(one.slug.as_str(), author.at.clone())),
                many => ambiguous.push(Ambiguous {
                    publication: publication.slug.clone(),
                    at: author.at.clone(),
                    name: author.name.clone(),
                    people: many.iter().map(|p| p.slug.clone()).collect(),
                }),
            }
        }
    }
    ambiguous
}

/// The people who answer to `form` in `index`; where the author has an ORCID iD, only those
/// who have none, since a person whose iD is another is not the author, whatever the name.
fn answering<'p>(index: &HashMap<String, Vec<&'p Person>>, form: &str, orcid: Option<&str>) -> Vec<&'p Person> {
    index.get(form).into_iter().flatten().filter(|p| orcid.is_none() || p.orcid.is_none()).copied().collect()
}

/// A name in one form for comparing: `Kvello, Øyvind` and `Øyvind  Kvello.` are `øyvind kvello`.
fn key(name: &str) -> String {
    let name = match name.split_once(',') {
        Some((family, given)) => format!("{given} {family}"),
        None => name.to_owned(),
    };
    name.replace(['.', '{', '}'], " ").split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Given names as initials: `Kristin Berre` is `K. B.`.
fn initials(given: &str) -> String {
    given.split_whitespace().filter_map(|w| w.chars().next()).map(|c| format!("{c}.")).collect::<Vec<_>>().join(" ")
}

/// A byline's name with its given names as initials, in the form of [`key`].
fn initialled(name: &str) -> String {
    let ordered = key(name);
    match ordered.rsplit_once(' ') {
        Some((given, family)) => key(&format!("{} {family}", initials(given))),
        None => ordered,
    }
}

#[cfg(test)]
mod tests {
    use super::{initialled, key};

    #[test]
    fn names_in_any_common_form_compare_alike() {
        assert_eq!(key("Kvello, Øyvind"), key("Øyvind Kvello"));
        assert_eq!(initialled("Kvello, Ø."), initialled("Øyvind Kvello"));
        assert_eq!(initialled("Ø. Kvello"), "ø kvello");
        assert_eq!(initialled("Kristin Berre Ørjasæter"), "k b ørjasæter");
    }
}
