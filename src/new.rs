//! `groupsite new KIND "Title"`: a new content file with every field documented in comments,
//! named after the title, so an editor starts from the format rather than from memory.

use std::path::{Path, PathBuf};

use crate::model::{EntityKind, Slug};

/// Why no file was written.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    /// The title has no letters or digits to make a file name from.
    #[error("“{0}” gives no file name: a title needs letters or digits")]
    NoSlug(String),
    /// The title makes a page name the site itself uses (`search`, `people` …).
    #[error("a page named “{0}” could never be reached: the site uses /{0} itself; choose another title")]
    Reserved(String),
    /// A file with that name exists; it is never overwritten.
    #[error("{0} exists already; it was left as it is")]
    Exists(PathBuf),
    /// The file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

/// Writes `content/{folder}/{slug}.md` for a new entity of `kind` titled `title`, and returns
/// its path. The slug comes from the title, Norwegian letters transliterated.
pub fn new_file(content: &Path, kind: EntityKind, title: &str) -> Result<PathBuf, NewError> {
    let slug = Slug::suggest(title).ok_or_else(|| NewError::NoSlug(title.to_owned()))?;
    if kind == EntityKind::Page && crate::paths::reserved_page_slugs().iter().any(|r| r == slug.as_str()) {
        return Err(NewError::Reserved(slug.to_string()));
    }
    let folder = content.join(kind.folder());
    let path = folder.join(format!("{slug}.md"));
    if path.exists() || folder.join(format!("{slug}.toml")).exists() {
        return Err(NewError::Exists(path));
    }
    let failed = |source| NewError::Write { path: path.clone(), source };
    std::fs::create_dir_all(&folder).map_err(failed)?;
    let quoted = toml::Value::String(title.to_owned()).to_string();
    let text = template(kind).replace("{title}", &quoted).replace("groups = []", &groups_line(content));
    // `create_new` refuses to replace a file that appeared since the check above.
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists { NewError::Exists(path.clone()) } else { failed(e) }
    })?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(failed)?;
    Ok(path)
}

/// A `groups` line naming the content's first group, so the new file checks clean at once,
/// with every group's slug in a comment to choose from.
fn groups_line(content: &Path) -> String {
    let mut slugs: Vec<String> = std::fs::read_dir(content.join(EntityKind::Group.folder()))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".md").or_else(|| name.strip_suffix(".toml"))?;
            Slug::parse(stem).map(|s| s.to_string())
        })
        .collect();
    slugs.sort();
    match slugs.first() {
        Some(first) => format!("groups = [\"{first}\"]   # every group: {}", slugs.join(", ")),
        None => "groups = []".to_owned(),
    }
}

/// What a file of `kind` is, as `groupsite new --help` lists the kinds.
pub fn described(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "A person, in people/",
        EntityKind::Project => "A project, in projects/",
        EntityKind::Group => "A research group or centre, in groups/",
        EntityKind::Partner => "A partner organisation, in partners/",
        EntityKind::Publication => "A special issue, edited book, journal or report, in publications/",
        EntityKind::Practice => "A promising practice, in practices/",
        EntityKind::Page => "A free page, in pages/",
    }
}

fn template(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => PERSON,
        EntityKind::Project => PROJECT,
        EntityKind::Group => GROUP,
        EntityKind::Partner => PARTNER,
        EntityKind::Publication => PUBLICATION,
        EntityKind::Practice => PRACTICE,
        EntityKind::Page => PAGE,
    }
}

const PERSON: &str = r#"+++
# A person. Every field but `name` may be left out; leave out what you do not know.
# content/README.md documents every field.
name = {title}
# family_name = "von Heimburg"      # only where it is not the last word of the name; the directory sorts by it
# title = "Associate Professor"
# affiliations = [{ title = "…", department = "Department of …", institution = "NTNU", country = "Norway" }]
# emails = ["name@example.org"]
# phones = ["+47-12345678"]          # international form; shown grouped, dialled as tel:
# photo = { file = "media/name.jpg", alt = "What the photo shows", credit = "Photographer" }
# links = [{ label = "ORCID", url = "https://orcid.org/…" }]
# memberships: group slug (a file in groups/) and role: member, external-member, advisory-board,
# associated-researcher; `position` is optional.
memberships = [
  # { group = "wellfare", role = "member", position = "Leader" },
]
+++

<!-- The biography, in Markdown, below this line. Leave it empty if there is none. -->
"#;

const PROJECT: &str = r#"+++
# A project or other research activity. content/README.md documents every field.
title = {title}
# acronym = "POINT"
# kind: project, phd-project, edited-book, review or expert-group
kind = "project"
# status = "ongoing"                 # or "completed"; only where the source says so
# start_year = 2021
# end_year = 2024
# coordinator = "seraf"              # a partner slug (a file in partners/)
# leader = "who"                     # a partner slug, where the source says "project leader"
# funder = "norwegian-research-council"
# programme = "Erasmus+"
# collaborators = ["nord-university"]
# language = "Norwegian"             # where the material is not in English
# people = [{ person = "siri-mordal", role = "PhD candidate" }]
# parent = "mattering-research"      # the project this one is part of
# links = [{ label = "Project site", url = "https://…" }]
# groups: at least one group slug (a file in groups/). Required.
groups = []
+++

<!-- The description, in Markdown, below this line. -->
"#;

const GROUP: &str = r#"+++
# A research group or centre. content/README.md documents every field.
name = {title}
# short_name = "WellFare"
# kind: research-group or research-centre
kind = "research-group"
# host = "NTNU"
# department = "Department of …"
# tagline = "One line under the name"
# mission = """The group's purpose, in a paragraph."""
# hero = { file = "media/hero.jpg", alt = "What the image shows", credit = "Photographer" }
# logo = { file = "media/logo.png", alt = "The group's logo" }
# quote = { text = "…", citation = "Author, year, page" }
# spotlights = [{ title = "…", text = "…" }]
# journal = "a-publication-slug"
# social = [{ label = "Twitter", url = "https://…" }]
+++

<!-- The about text, in Markdown, below this line. -->
"#;

const PARTNER: &str = r#"+++
# An organisation the groups work with. content/README.md documents every field.
name = {title}
# kind = "university"
# link = "https://…"
# groups = ["relational-welfare"]    # the groups that list it as a partner
+++

<!-- A description, in Markdown, below this line; leave it empty if there is none. -->
"#;

const PUBLICATION: &str = r#"+++
# A special issue, edited book, journal or report. content/README.md documents every field.
title = {title}
# kind: special-issue, edited-book, journal or report
kind = "special-issue"
# venue = "Journal name"
# publisher = "…"
# year = 2024
# editors = ["a-person-slug"]
# link = "https://…"
# groups: at least one group slug. Required.
groups = []
+++

<!-- A description, in Markdown, below this line; leave it empty if there is none. -->
"#;

const PRACTICE: &str = r#"+++
# A promising practice the groups point to. content/README.md documents every field.
title = {title}
# level: neighbourhood, municipality, national or international
level = "municipality"
# place = "Wigan, UK"
# links = [{ label = "…", url = "https://…" }]
# groups: at least one group slug. Required.
groups = []
+++

<!-- The description, in Markdown, below this line. -->
"#;

const PAGE: &str = r#"+++
# A free page, served at /{file name}. content/README.md documents every field.
title = {title}
# description = "One sentence for search engines."
+++

<!-- The page, in Markdown, below this line. -->
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_checks_as_toml_with_its_title() {
        for kind in EntityKind::ALL {
            let text = template(kind).replace("{title}", "\"Test\"");
            let front = text.split("+++").nth(1).expect("front matter");
            assert!(front.parse::<toml::Table>().is_ok(), "{kind}: {front}");
        }
    }
}
