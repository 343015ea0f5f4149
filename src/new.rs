//! `groupsite new KIND "Title"`: a new content file with every field documented in comments,
//! named after the title, so an editor starts from the format rather than from memory.

use std::path::{Path, PathBuf};

use crate::model::{Entity, EntityKind, Slug, with_entities};

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
    let today = chrono::Utc::now().date_naive().to_string();
    let text = template(kind)
        .replace("{title}", &quoted)
        .replace("{today}", &today)
        .replace("groups = []", &groups_line(content));
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
    with_entities!(kind, type T => T::DESCRIBED)
}

fn template(kind: EntityKind) -> &'static str {
    with_entities!(kind, type T => T::NEW_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_checks_as_toml_with_its_title() {
        for kind in EntityKind::ALL {
            let text = template(kind).replace("{title}", "\"Test\"").replace("{today}", "2026-12-01");
            let front = text.split("+++").nth(1).expect("front matter");
            assert!(front.parse::<toml::Table>().is_ok(), "{kind}: {front}");
        }
    }
}
