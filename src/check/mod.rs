//! Turns loaded documents into typed entities and checks every reference between them.
//! Collects every mistake instead of stopping at the first, each with file, line and hint.

mod toml_error;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::de::DeserializeOwned;

use crate::diagnostic::{ContentError, Span, nearest};
use crate::load::{Content, Document};
use crate::markdown;
use crate::model::{
    Entity, EntityKind, Group, Page, Partner, Person, Practice, Project, Publication, Ref, Settings, Slug,
    with_entities,
};
use crate::paths;

/// The checked entities, before they are linked: every field typed, every reference known to
/// name an existing file.
#[derive(Debug)]
pub struct Model {
    /// From `site.toml`.
    pub settings: Settings,
    /// Every file in `groups/`, in file-name order, as are the lists below.
    pub groups: Vec<Group>,
    /// Every file in `projects/`.
    pub projects: Vec<Project>,
    /// Every file in `people/`.
    pub people: Vec<Person>,
    /// Every file in `partners/`.
    pub partners: Vec<Partner>,
    /// Every file in `publications/`.
    pub publications: Vec<Publication>,
    /// Every file in `practices/`.
    pub practices: Vec<Practice>,
    /// Every file in `pages/`.
    pub pages: Vec<Page>,
    /// Files under `media/`, relative to the content folder.
    pub media: BTreeSet<String>,
    /// When the newest content file was last changed.
    pub modified: Option<std::time::SystemTime>,
}

/// Checks loaded content. Returns the model only when there is no mistake at all, so a site
/// is never built from part of the content.
pub fn check(content: &Content) -> Result<Model, Vec<ContentError>> {
    let mut errors = content.errors.clone();
    let settings = match content.settings {
        Some(i) => {
            let file = &content.sources[i];
            parse::<Settings>(&file.path, &file.text, &file.text).map_err(|e| errors.push(e)).ok()
        }
        None if content.errors.iter().any(|e| matches!(e, ContentError::MissingFolder { .. })) => None,
        None => {
            errors.push(ContentError::MissingSiteFile { at: Span::file(crate::load::SETTINGS_FILE) });
            None
        }
    };
    let mut checker = Checker { content, errors, reserved: paths::reserved_page_slugs() };
    let model = Model {
        settings: settings.unwrap_or_else(|| Settings {
            name: String::new(),
            description: String::new(),
            language: String::new(),
            host: None,
        }),
        groups: checker.entities(),
        projects: checker.entities(),
        people: checker.entities(),
        partners: checker.entities(),
        publications: checker.entities(),
        practices: checker.entities(),
        pages: checker.entities(),
        media: content.media.clone(),
        modified: content.modified,
    };
    let mut errors = checker.errors;
    errors.extend(References::new(content).check(&model));
    if errors.is_empty() { Ok(model) } else { Err(errors) }
}

struct Checker<'a> {
    content: &'a Content,
    errors: Vec<ContentError>,
    /// Names a free page cannot have, as the site's routes take them.
    reserved: Vec<String>,
}

impl Checker<'_> {
    /// Every document of `T`'s kind, typed; the ones with mistakes are left out and their
    /// mistakes recorded.
    fn entities<T: Entity + DeserializeOwned>(&mut self) -> Vec<T> {
        let mut entities = Vec::new();
        for document in self.content.documents.iter().filter(|d| d.kind == T::KIND) {
            match self.entity::<T>(document) {
                Ok(entity) => entities.push(entity),
                Err(error) => self.errors.push(error),
            }
        }
        entities
    }

    fn entity<T: Entity + DeserializeOwned>(&mut self, document: &Document) -> Result<T, ContentError> {
        let file = self.content.source(document);
        let mut entity: T = parse(&file.path, &file.text, &document.front_matter)?;
        for (field, list) in entity.required_lists() {
            if list.is_empty() {
                let at = Span::new(&file.path, &file.text, list.at.clone());
                self.errors.push(ContentError::EmptyList { at, field });
            }
        }
        for url in entity.urls() {
            if !url.is_safe() {
                let at = Span::new(&file.path, &file.text, url.at.clone());
                self.errors.push(ContentError::UnsafeUrl { at, url: url.href.clone() });
            }
        }
        if T::KIND == EntityKind::Page && self.reserved.iter().any(|r| r == document.slug.as_str()) {
            let at = Span::file(&file.path);
            self.errors.push(ContentError::ReservedSlug { at, slug: document.slug.to_string() });
        }
        let body = markdown::render(&document.body).map_err(|fault| {
            let at = document.body_start + fault.at.start..document.body_start + fault.at.end;
            ContentError::Body { at: Span::new(&file.path, &file.text, at), mistake: fault.mistake }
        })?;
        entity.identify(document.slug.clone(), body);
        Ok(entity)
    }
}

/// Parses front matter into `T`, turning the parser's error into one an editor can act on.
fn parse<T: DeserializeOwned>(path: &str, text: &str, front_matter: &str) -> Result<T, ContentError> {
    if let Err(e) = front_matter.parse::<toml::Table>() {
        let at = Span::new(path, text, e.span().unwrap_or(0..0));
        return Err(ContentError::BadToml { at, reason: e.message().trim().to_owned() });
    }
    toml::from_str(front_matter).map_err(|e| {
        let at = Span::new(path, text, e.span().unwrap_or(0..0));
        toml_error::classify(e.message(), at)
    })
}

/// The slugs of every entity, by kind, and where each entity's file is.
struct References<'a> {
    slugs: HashMap<EntityKind, BTreeSet<&'a Slug>>,
    files: HashMap<(EntityKind, &'a Slug), (&'a str, &'a str)>,
    media: &'a BTreeSet<String>,
}

impl<'a> References<'a> {
    /// Slugs come from the files, not from the entities that parsed: a file with a typo in
    /// one field must not make every reference to it an error too.
    fn new(content: &'a Content) -> Self {
        let mut slugs: HashMap<EntityKind, BTreeSet<&Slug>> = HashMap::new();
        for document in &content.documents {
            slugs.entry(document.kind).or_default().insert(&document.slug);
        }
        let files = content
            .documents
            .iter()
            .map(|d| {
                let file = content.source(d);
                ((d.kind, &d.slug), (file.path.as_str(), file.text.as_str()))
            })
            .collect();
        References { slugs, files, media: &content.media }
    }

    fn check(&self, model: &Model) -> Vec<ContentError> {
        let mut errors = Vec::new();
        for kind in EntityKind::ALL {
            with_entities!(kind, model, |entities| self.check_all(entities, &mut errors));
        }
        self.check_parents(&model.projects, &mut errors);
        errors
    }

    fn span<T: Entity>(&self, slug: &Slug, r: &Ref) -> Span {
        let (path, text) = self.files.get(&(T::KIND, slug)).copied().unwrap_or_default();
        Span::new(path, text, r.at.clone())
    }

    fn check_all<T: Entity>(&self, entities: &[T], errors: &mut Vec<ContentError>) {
        for entity in entities {
            for file in entity.images().into_iter().filter_map(|i| i.file.as_ref()) {
                if !self.media.contains(&file.path) {
                    let (path, text) = self.files.get(&(T::KIND, entity.slug())).copied().unwrap_or_default();
                    errors.push(ContentError::UnknownMedia {
                        at: Span::new(path, text, file.at.clone()),
                        file: file.path.clone(),
                        nearest: nearest(&file.path, &self.media.iter().collect::<Vec<_>>()),
                    });
                }
            }
            for (kind, r) in entity.references() {
                let known = self.slugs.get(&kind);
                if known.is_some_and(|s| s.contains(&r.slug())) {
                    continue;
                }
                let candidates: Vec<&str> = known.map(|s| s.iter().map(|s| s.as_str()).collect()).unwrap_or_default();
                errors.push(ContentError::UnknownSlug {
                    at: self.span::<T>(entity.slug(), r),
                    kind,
                    slug: r.slug.clone(),
                    nearest: nearest(&r.slug, &candidates),
                });
            }
        }
    }

    /// A project cannot be its own ancestor: the project pages would nest forever.
    fn check_parents(&self, projects: &[Project], errors: &mut Vec<ContentError>) {
        let parents: BTreeMap<&str, &Ref> =
            projects.iter().filter_map(|p| Some((p.slug.as_str(), p.parent.as_ref()?))).collect();
        for project in projects {
            let mut current = project.slug.as_str();
            for _ in 0..=parents.len() {
                let Some(parent) = parents.get(current) else {
                    break;
                };
                if parent.slug == project.slug.as_str() {
                    let r = parents[project.slug.as_str()];
                    errors.push(ContentError::ParentCycle {
                        at: self.span::<Project>(&project.slug, r),
                        slug: project.slug.to_string(),
                    });
                    break;
                }
                current = &parent.slug;
            }
        }
    }
}
