//! Turns loaded documents into typed entities and checks every reference between them.
//! Collects every mistake instead of stopping at the first, each with file, line and hint.

mod authors;
mod bibtex;
mod memo;
mod toml_error;

pub use memo::Memo;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::de::DeserializeOwned;

use crate::diagnostic::{ContentError, ContentWarning, Span, nearest};
use crate::load::{Content, Document};
use crate::markdown;
use crate::model::{
    Entities, Entity, EntityKind, Group, Html, Person, Project, Publication, Reader, Ref, Settings, Slug, with_entities,
};
use crate::paths;

/// The checked entities, before they are linked: every field typed, every reference known to
/// name an existing file.
#[derive(Debug)]
pub struct Model {
    /// From `site.toml`.
    pub settings: Settings,
    /// Every entity file, by kind and slug.
    pub entities: Entities,
    /// Files under `media/`, relative to the content folder.
    pub media: BTreeSet<String>,
    /// What each image file the site can show is, by path.
    pub images: BTreeMap<String, crate::images::Probe>,
    /// When the newest content file was last changed.
    pub modified: Option<std::time::SystemTime>,
    /// When each entity's file was last changed, by kind and slug.
    pub changed: HashMap<(EntityKind, Slug), std::time::SystemTime>,
    /// Bodies in the site's other languages, from `{slug}.{language}.md`, by kind, slug and
    /// language.
    pub translations: HashMap<(EntityKind, Slug, String), Html>,
}

/// Content that checks: the model, and the values it was read without.
#[derive(Debug)]
pub struct Checked {
    /// Every entity, typed and its references known good.
    pub model: Model,
    /// Values left out of the model, each named where it was written.
    pub warnings: Vec<ContentWarning>,
}

/// Content that does not check: every error, and the warnings found besides, so an editor
/// sees both at once.
#[derive(Debug)]
pub struct Rejected {
    /// Every error, in no particular order.
    pub errors: Vec<ContentError>,
    /// Every warning, in no particular order.
    pub warnings: Vec<ContentWarning>,
}

/// Checks loaded content. Returns the model only when there is no error at all, so a site
/// is never built from part of the content; the warnings (values left out of the model) come
/// with the model, and with the errors, so every caller can name them. With a `memo` (the
/// watcher's), only the files whose text is not what it holds are parsed again, and it is left
/// holding what this check read.
pub fn check(content: &Content, memo: Option<&mut Memo>) -> Result<Checked, Rejected> {
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
    // Slugs come from the files, not from the entities that parsed: a file with a typo in one
    // field must not make every reference to it an error too.
    let places = content.documents.iter().map(|d| ((d.kind, d.slug.clone()), d.source)).collect();
    let mut checker = Checker { content, errors, warnings: Vec::new(), reserved: reserved_slugs(), places, memo };
    let mut model = Model {
        settings: settings.unwrap_or_else(|| Settings {
            name: Default::default(),
            description: Default::default(),
            language: String::new(),
            languages: None,
            host: None,
            citation_style: Default::default(),
            icon: None,
            logo: None,
            time_zone: Default::default(),
        }),
        entities: Entities::read(&mut checker),
        media: content.media.clone(),
        images: content.images.iter().filter_map(|(path, p)| Some((path.clone(), p.clone().ok()?))).collect(),
        modified: content.modified,
        changed: HashMap::new(),
        translations: HashMap::new(),
    };
    model.changed = checker
        .places
        .iter()
        .filter_map(|(key, source)| Some((key.clone(), content.sources.get(*source)?.modified?)))
        .collect();
    if let Some(memo) = checker.memo {
        memo.finish();
    }
    let mut errors = checker.errors;
    let (dangling, small) = References::new(content, &checker.places).check(&model);
    errors.extend(dangling);
    errors.extend(unknown_icon(content, &model.settings));
    errors.extend(times_and_places(content, &checker.places, &model));
    errors.extend(languages(content, &checker.places, &mut model));
    let mut warnings = checker.warnings;
    warnings.extend(small);
    if errors.is_empty() { Ok(Checked { model, warnings }) } else { Err(Rejected { errors, warnings }) }
}

/// The site's icon, when `site.toml` names one that is not in `media/`, as an image's file is.
fn unknown_icon(content: &Content, settings: &Settings) -> Option<ContentError> {
    let icon = settings.icon.as_ref().filter(|icon| !content.media.contains(&icon.path))?;
    let file = content.settings.and_then(|i| content.sources.get(i));
    let (path, text) = file.map_or(("", ""), |f| (f.path.as_str(), f.text.as_str()));
    Some(ContentError::UnknownMedia {
        at: Span::new(path, text, icon.at.clone()),
        file: icon.path.clone(),
        nearest: nearest(&icon.path, &content.media.iter().collect::<Vec<_>>()),
    })
}

/// A warning if the part of the image `place` shows is smaller than it should be there.
fn too_small(
    at: Span,
    file: &str,
    probe: &crate::images::Probe,
    place: crate::model::Place,
    focus: Option<crate::model::Focus>,
) -> Option<ContentWarning> {
    let crop = crate::images::shown(probe, place, focus)?;
    let (least_width, least_height) = crate::images::least(place);
    if crop.width >= least_width && crop.height >= least_height {
        return None;
    }
    let (width, height) = probe.size?;
    use crate::model::Place::*;
    let (place, least) = match place {
        Portrait | Card => ("a portrait", format!("{least_width} pixels on its shorter side")),
        Hero => ("a hero", format!("{least_width} pixels wide")),
        Logo => ("a logo", format!("{least_height} pixels high")),
        Story => ("a story's image", format!("{least_width} pixels wide")),
    };
    let file = file.to_owned();
    Some(ContentWarning::SmallImage { at, file, width, height, place, least })
}

/// What the parser cannot see in news and events: a time the site's clocks skip, an end
/// before its start or written in another form, a location that says nothing.
fn times_and_places(
    content: &Content,
    places: &HashMap<(EntityKind, Slug), usize>,
    model: &Model,
) -> Vec<ContentError> {
    let zone = model.settings.time_zone.0;
    let mut errors = Vec::new();
    let file = |kind, slug: &Slug| {
        let source = places.get(&(kind, slug.clone())).and_then(|i| content.sources.get(*i));
        source.map_or(("", ""), |f| (f.path.as_str(), f.text.as_str()))
    };
    let skipped = |(path, text): (&str, &str), moment: &crate::model::Moment| ContentError::SkippedTime {
        at: Span::new(path, text, moment.at.clone()),
        zone: zone.name().to_owned(),
    };
    for news in model.entities.news.values() {
        if news.date.place(zone).is_err() {
            errors.push(skipped(file(EntityKind::News, &news.slug), &news.date));
        }
    }
    for event in model.entities.events.values() {
        let (path, text) = file(EntityKind::Event, &event.slug);
        let at = |range: &std::ops::Range<usize>| Span::new(path, text, range.clone());
        let form = |m: &crate::model::Moment| if m.is_day() { "day" } else { "time" };
        match event.when(zone) {
            Err((_, moment)) => errors.push(skipped((path, text), moment)),
            Ok(when) => {
                if let Some(end) = &event.end {
                    if end.is_day() != event.start.is_day() {
                        errors.push(ContentError::MixedMoments {
                            at: at(&end.at),
                            start: form(&event.start),
                            end: form(end),
                        });
                    } else if when.end.is_some_and(|e| e.begins() < when.start.begins()) {
                        errors.push(ContentError::EndBeforeStart { at: at(&end.at) });
                    }
                }
            }
        }
        if let Some(announced) = &event.announced
            && announced.place(zone).is_err()
        {
            errors.push(skipped((path, text), announced));
        }
        let location = &event.location;
        if location.online && location.url.is_none() {
            errors.push(ContentError::OnlineWithoutLink { at: at(&location.at) });
        } else if location.name.is_none() && location.address.is_none() && !location.online {
            errors.push(ContentError::EmptyLocation { at: at(&location.at) });
        }
    }
    errors
}

/// The site's languages as `site.toml` gives them, every text's languages among them, and
/// each translation file's body read into the model.
fn languages(content: &Content, places: &HashMap<(EntityKind, Slug), usize>, model: &mut Model) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let site_file = content.settings.and_then(|i| content.sources.get(i));
    let settings = &model.settings;
    if let (Some(listed), Some(file)) = (&settings.languages, site_file)
        && !listed.get_ref().iter().any(|tag| tag.0 == settings.language)
        && !settings.language.is_empty()
    {
        errors.push(ContentError::DefaultLanguageUnlisted {
            at: Span::new(&file.path, &file.text, listed.span()),
            language: settings.language.clone(),
        });
    }
    let site_languages: Vec<String> = settings.languages().into_iter().map(str::to_owned).collect();
    let listed = site_languages.iter().map(|l| format!("`{l}`")).collect::<Vec<_>>().join(", ");
    let unknown = |at: Span, language: &str| ContentError::UnknownLanguage {
        at,
        language: language.to_owned(),
        languages: listed.clone(),
    };
    for kind in EntityKind::ALL {
        with_entities!(kind, mut model.entities, |entities| {
            for entity in entities.values_mut() {
                let Some(file) = places.get(&(kind, entity.slug().clone())).and_then(|i| content.sources.get(*i))
                else {
                    continue;
                };
                for (_, text) in entity.texts_mut() {
                    for language in text.languages().filter(|l| !site_languages.iter().any(|s| s == l)) {
                        errors.push(unknown(Span::new(&file.path, &file.text, text.at.clone()), language));
                    }
                }
            }
        });
    }
    // `/{tag}/` is the home of a language, so no free page can be at it.
    for language in site_languages.iter().skip(1) {
        let page = Slug::parse(&crate::paths::language_segment(language)).and_then(|slug| {
            let file = places.get(&(EntityKind::Page, slug)).and_then(|i| content.sources.get(*i))?;
            Some((file, language))
        });
        if let Some((file, language)) = page {
            errors.push(ContentError::ReservedSlug { at: Span::file(&file.path), slug: language.to_lowercase() });
        }
    }
    for translation in &content.translations {
        let file = &content.sources[translation.source];
        if !site_languages.contains(&translation.language) {
            errors.push(unknown(Span::file(&file.path), &translation.language));
            continue;
        }
        if !places.contains_key(&(translation.kind, translation.slug.clone())) {
            let slugs: Vec<&str> =
                places.keys().filter(|(k, _)| *k == translation.kind).map(|(_, s)| s.as_str()).collect();
            errors.push(ContentError::UnknownTranslated {
                at: Span::file(&file.path),
                slug: translation.slug.to_string(),
                nearest: nearest(translation.slug.as_str(), &slugs),
            });
            continue;
        }
        match markdown::render(translation.body(&file.text)) {
            Ok(body) => {
                let key = (translation.kind, translation.slug.clone(), translation.language.clone());
                model.translations.insert(key, body);
            }
            Err(fault) => {
                let start = translation.body_start;
                let at = start + fault.at.start..start + fault.at.end;
                errors.push(ContentError::Body { at: Span::new(&file.path, &file.text, at), mistake: fault.mistake });
            }
        }
    }
    errors
}

/// Every slug a route takes from a kind, with the kind.
fn reserved_slugs() -> Vec<(EntityKind, String)> {
    EntityKind::ALL
        .into_iter()
        .flat_map(|kind| paths::reserved_slugs(kind).into_iter().map(move |s| (kind, s)))
        .collect()
}

impl Checker<'_> {
    fn is_reserved(&self, kind: EntityKind, slug: &Slug) -> bool {
        self.reserved.iter().any(|(k, r)| *k == kind && r == slug.as_str())
    }
}

struct Checker<'a> {
    content: &'a Content,
    errors: Vec<ContentError>,
    /// Values the model is read without.
    warnings: Vec<ContentWarning>,
    /// Slugs an entity of a kind cannot have, as the site's routes take them: a free page's
    /// `people`, a publication's `page`.
    reserved: Vec<(EntityKind, String)>,
    /// Where every entity was read: its kind and slug, and the index of its file.
    places: HashMap<(EntityKind, Slug), usize>,
    /// What the files read as at the last reload, under `--watch`.
    memo: Option<&'a mut Memo>,
}

impl Reader for Checker<'_> {
    fn read_bibliographies(
        &mut self,
        groups: &BTreeMap<Slug, Group>,
        people: &BTreeMap<Slug, Person>,
        publications: &mut BTreeMap<Slug, Publication>,
    ) {
        let owners = self.owners(groups, people);
        let nobody = BTreeSet::new();
        let content = self.content;
        // The same work in two files (same key, or same DOI) is one publication of both files' groups.
        let mut by_key: HashMap<String, (Slug, usize, std::ops::Range<usize>)> = HashMap::new();
        let mut by_doi: HashMap<String, Slug> = HashMap::new();
        for &source in &content.bibliographies {
            let file = &content.sources[source];
            for entry in
                bibtex::entries(file, owners.get(&file.path).unwrap_or(&nobody), &mut self.errors, &mut self.warnings)
            {
                let publication = entry.publication;
                if self.is_reserved(EntityKind::Publication, &publication.slug) {
                    let at = Span::new(&file.path, &file.text, entry.at);
                    self.errors.push(ContentError::ReservedSlug { at, slug: publication.slug.to_string() });
                    continue;
                }
                let same = by_key
                    .get(&entry.key)
                    .map(|(slug, ..)| slug.clone())
                    .or_else(|| publication.doi.as_ref().and_then(|doi| by_doi.get(doi).cloned()));
                if let Some(existing) = same.and_then(|slug| publications.get_mut(&slug)) {
                    for group in publication.groups.refs {
                        if !existing.groups.iter().any(|g| g.slug == group.slug) {
                            existing.groups.refs.push(group);
                        }
                    }
                    continue;
                }
                if publications.contains_key(&publication.slug) {
                    let other = match by_key.values().find(|(slug, ..)| *slug == publication.slug) {
                        Some((_, first, at)) => {
                            let first = &content.sources[*first];
                            Span::new(&first.path, &first.text, at.clone()).to_string()
                        }
                        None => self
                            .places
                            .get(&(EntityKind::Publication, publication.slug.clone()))
                            .map(|i| format!("{}:1:1", content.sources[*i].path))
                            .unwrap_or_default(),
                    };
                    self.errors.push(ContentError::SameEntrySlug {
                        at: Span::new(&file.path, &file.text, entry.at),
                        slug: publication.slug.to_string(),
                        other,
                    });
                    continue;
                }
                self.admit(&publication, source);
                by_key.insert(entry.key, (publication.slug.clone(), source, entry.at));
                if let Some(doi) = &publication.doi {
                    by_doi.insert(doi.clone(), publication.slug.clone());
                }
                publications.insert(publication.slug.clone(), publication);
            }
        }
        for ambiguous in authors::match_authors(publications, people) {
            let Some(source) =
                self.places.get(&(EntityKind::Publication, ambiguous.publication)).map(|i| &content.sources[*i])
            else {
                continue;
            };
            self.errors.push(ContentError::AmbiguousAuthor {
                at: Span::new(&source.path, &source.text, ambiguous.at),
                name: ambiguous.name,
                people: ambiguous.people.iter().map(Slug::to_string).collect::<Vec<_>>().join(", "),
            });
        }
    }

    /// Every document of `T`'s kind, typed; the ones with mistakes are left out and their
    /// mistakes recorded.
    fn read<T: Entity + DeserializeOwned + Clone + Send + Sync + 'static>(&mut self) -> BTreeMap<Slug, T> {
        let mut entities = Vec::new();
        for document in self.content.documents.iter().filter(|d| d.kind == T::KIND) {
            match self.entity::<T>(document) {
                Ok(entity) => entities.push((entity.slug().clone(), entity)),
                Err(error) => self.errors.push(error),
            }
        }
        // Built at once rather than entry by entry, a map's nodes are full: inserted in slug
        // order, each node was left half empty, 40 MB at 100,000 entities (BENCHMARKS.md).
        entities.into_iter().collect()
    }
}

impl Checker<'_> {
    /// The groups each BibTeX file belongs to, from the `bibliography` of groups and people (a
    /// person's file belongs to their groups); a path that names no BibTeX file is a mistake.
    fn owners(
        &mut self,
        groups: &BTreeMap<Slug, Group>,
        people: &BTreeMap<Slug, Person>,
    ) -> HashMap<String, BTreeSet<Slug>> {
        let content = self.content;
        let files: BTreeSet<&str> = content.bibliographies.iter().map(|i| content.sources[*i].path.as_str()).collect();
        let listed = groups
            .values()
            .flat_map(|g| g.bibliography.iter().map(move |f| (EntityKind::Group, &g.slug, f, vec![g.slug.clone()])))
            .chain(people.values().flat_map(|p| {
                let of = p.memberships.iter().map(|m| m.group.slug()).collect::<Vec<_>>();
                p.bibliography.iter().map(move |f| (EntityKind::Person, &p.slug, f, of.clone()))
            }));
        let mut owners: HashMap<String, BTreeSet<Slug>> = HashMap::new();
        for (kind, slug, file, of) in listed {
            if files.contains(file.path.as_str()) {
                owners.entry(file.path.clone()).or_default().extend(of);
                continue;
            }
            let Some(source) = self.places.get(&(kind, slug.clone())).map(|i| &content.sources[*i]) else {
                continue;
            };
            let candidates: Vec<&str> = files.iter().copied().collect();
            self.errors.push(ContentError::UnknownBibliography {
                at: Span::new(&source.path, &source.text, file.at.clone()),
                file: file.path.clone(),
                nearest: nearest(&file.path, &candidates),
            });
        }
        owners
    }

    /// One TOML and Markdown document, typed and admitted; recalled from the memo where its
    /// text is as it was.
    fn entity<T: Entity + DeserializeOwned + Clone + Send + Sync + 'static>(
        &mut self,
        document: &Document,
    ) -> Result<T, ContentError> {
        let file = self.content.source(document);
        if let Some(memo) = self.memo.as_deref_mut()
            && let Some(entity) = memo.recall::<T>(&file.path, &file.text)
        {
            self.admit(&entity, document.source);
            return Ok(entity);
        }
        let mut entity: T = parse(&file.path, &file.text, document.front_matter(&file.text))?;
        let (body, fault) = match markdown::render(document.body(&file.text)) {
            Ok(body) => (body, None),
            Err(fault) => {
                let at = document.body_start + fault.at.start..document.body_start + fault.at.end;
                (
                    Html::default(),
                    Some(ContentError::Body { at: Span::new(&file.path, &file.text, at), mistake: fault.mistake }),
                )
            }
        };
        entity.identify(document.slug.clone(), body);
        self.admit(&entity, document.source);
        match fault {
            Some(fault) => Err(fault),
            None => {
                if let Some(memo) = self.memo.as_deref_mut() {
                    memo.keep(&file.path, &file.text, &entity);
                }
                Ok(entity)
            }
        }
    }

    /// The checks every entity passes, whatever source it was read from: `source` is the index
    /// of its file in the content's sources, against which its spans are byte ranges. A second
    /// source (BibTeX) builds model values with their spans and hands them here.
    fn admit<T: Entity>(&mut self, entity: &T, source: usize) {
        let file = &self.content.sources[source];
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
        if self.is_reserved(T::KIND, entity.slug()) {
            let at = Span::file(&file.path);
            self.errors.push(ContentError::ReservedSlug { at, slug: entity.slug().to_string() });
        }
        self.places.insert((T::KIND, entity.slug().clone()), source);
    }
}

/// Parses front matter into `T`, turning the parser's error into one an editor can act on.
/// Front matter that reads is parsed once; only a file that does not read is parsed again as
/// a plain table, to tell bad TOML from a field of the wrong name or type (a second parse of
/// every file was a sixth of `check`).
fn parse<T: DeserializeOwned>(path: &str, text: &str, front_matter: &str) -> Result<T, ContentError> {
    toml::from_str(front_matter).map_err(|e| {
        if let Err(syntax) = front_matter.parse::<toml::Table>() {
            let at = Span::new(path, text, syntax.span().unwrap_or(0..0));
            return ContentError::BadToml { at, reason: syntax.message().trim().to_owned() };
        }
        let at = Span::new(path, text, e.span().unwrap_or(0..0));
        toml_error::classify(e.message(), at)
    })
}

/// The slugs of every entity, by kind, and where each entity's file is.
struct References<'a> {
    /// Every entity's file, by kind and slug: the slugs references may name.
    places: &'a HashMap<(EntityKind, Slug), usize>,
    /// The same slugs as written, so that a reference is looked up without a slug made of it.
    known: HashSet<(EntityKind, &'a str)>,
    media: &'a BTreeSet<String>,
    images: &'a BTreeMap<String, Result<crate::images::Probe, crate::images::Problem>>,
    content: &'a Content,
}

impl<'a> References<'a> {
    /// From every entity's place: its kind, slug and the index of its file in `content`.
    fn new(content: &'a Content, places: &'a HashMap<(EntityKind, Slug), usize>) -> Self {
        let known = places.keys().map(|(kind, slug)| (*kind, slug.as_str())).collect();
        References { places, known, media: &content.media, images: &content.images, content }
    }

    /// The path and text of the file of the `kind` named `slug`.
    fn file(&self, kind: EntityKind, slug: &Slug) -> (&'a str, &'a str) {
        let file = self.places.get(&(kind, slug.clone())).and_then(|&i| self.content.sources.get(i));
        file.map_or(("", ""), |f| (f.path.as_str(), f.text.as_str()))
    }

    /// Dangling references and unusable images as errors; images too small for their
    /// place as warnings.
    fn check(&self, model: &Model) -> (Vec<ContentError>, Vec<ContentWarning>) {
        let (mut errors, mut warnings) = (Vec::new(), Vec::new());
        for kind in EntityKind::ALL {
            with_entities!(kind, model.entities, |entities| self.check_all(entities, &mut errors, &mut warnings));
        }
        if let Some(logo) = &model.settings.logo {
            let settings = self.content.settings.and_then(|i| self.content.sources.get(i));
            let file = settings.map_or(("", ""), |f| (f.path.as_str(), f.text.as_str()));
            self.check_image(file, crate::model::Place::Logo, logo, &mut errors, &mut warnings);
        }
        self.check_parents(&model.entities.projects, &mut errors);
        (errors, warnings)
    }

    /// An image in the file with this path and text: an error if its file is missing or
    /// cannot be shown, a warning if it is small for its place.
    fn check_image(
        &self,
        (path, text): (&str, &str),
        place: crate::model::Place,
        image: &crate::model::Image,
        errors: &mut Vec<ContentError>,
        warnings: &mut Vec<ContentWarning>,
    ) {
        let Some(file) = &image.file else { return };
        let at = Span::new(path, text, file.at.clone());
        if !self.media.contains(&file.path) {
            let nearest = nearest(&file.path, &self.media.iter().collect::<Vec<_>>());
            errors.push(ContentError::UnknownMedia { at, file: file.path.clone(), nearest });
            return;
        }
        match self.images.get(&file.path) {
            Some(Err(problem)) => {
                errors.push(ContentError::BadImage { at, file: file.path.clone(), problem: problem.clone() })
            }
            Some(Ok(probe)) => warnings.extend(too_small(at, &file.path, probe, place, image.focus)),
            None => {}
        }
    }

    fn span<T: Entity>(&self, slug: &Slug, r: &Ref) -> Span {
        let (path, text) = self.file(T::KIND, slug);
        Span::new(path, text, r.at.clone())
    }

    fn check_all<T: Entity>(
        &self,
        entities: &BTreeMap<Slug, T>,
        errors: &mut Vec<ContentError>,
        warnings: &mut Vec<ContentWarning>,
    ) {
        for entity in entities.values() {
            for (place, image) in entity.images() {
                self.check_image(self.file(T::KIND, entity.slug()), place, image, errors, warnings);
            }
            for (kind, r) in entity.references() {
                if self.known.contains(&(kind, r.slug.as_str())) {
                    continue;
                }
                let mut candidates: Vec<&str> =
                    self.known.iter().filter(|(of, _)| *of == kind).map(|(_, slug)| *slug).collect();
                candidates.sort_unstable();
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
    fn check_parents(&self, projects: &BTreeMap<Slug, Project>, errors: &mut Vec<ContentError>) {
        let parents: BTreeMap<&str, &Ref> =
            projects.values().filter_map(|p| Some((p.slug.as_str(), p.parent.as_ref()?))).collect();
        for project in projects.values() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::SourceFile;
    use crate::model::{Publication, PublicationKind, RefList, Url};

    /// A publication built in code, as a BibTeX reader will build one, is checked as one read
    /// from TOML is: each mistake is named at its line and column in its own file.
    #[test]
    fn an_entity_from_another_source_is_checked_with_its_own_spans() {
        let bib = "@book{care,\n  title = {Care},\n  groups = {nobody},\n  url = {javascript:alert(1)},\n}\n";
        let content = Content {
            sources: vec![SourceFile {
                path: "publications/works.bib".into(),
                text: std::sync::Arc::new(bib.into()),
                modified: None,
            }],
            ..Content::default()
        };
        let at = |text: &str| bib.find(text).map(|i| i..i + text.len()).unwrap();
        let publication = Publication {
            slug: Slug::parse("care").unwrap(),
            title: "Care".into(),
            kind: PublicationKind::EditedBook,
            venue: None,
            publisher: None,
            year: None,
            editors: Vec::new(),
            groups: RefList::new(vec![Ref::new("nobody", at("nobody"))], at("{nobody}")),
            link: Some(Url::new("javascript:alert(1)", at("javascript:alert(1)"))),
            authors: Vec::new(),
            doi: None,
            volume: None,
            issue: None,
            pages: None,
            isbn: None,
            summary: None,
            projects: Vec::new(),
            description: Html::default(),
        };
        let mut checker = Checker {
            content: &content,
            errors: Vec::new(),
            warnings: Vec::new(),
            reserved: Vec::new(),
            places: HashMap::new(),
            memo: None,
        };
        checker.admit(&publication, 0);
        let model = Model {
            settings: Settings {
                name: "S".into(),
                description: "D".into(),
                language: "en".into(),
                languages: None,
                host: None,
                citation_style: Default::default(),
                icon: None,
                logo: None,
                time_zone: Default::default(),
            },
            entities: Entities {
                publications: [(publication.slug.clone(), publication)].into(),
                ..Entities::default()
            },
            media: BTreeSet::new(),
            images: BTreeMap::new(),
            modified: None,
            changed: HashMap::new(),
            translations: HashMap::new(),
        };
        let mut errors = checker.errors;
        errors.extend(References::new(&content, &checker.places).check(&model).0);
        let places = crate::diagnostic::Report::new(errors, Vec::new()).lines();
        assert!(
            places.iter().any(|e| e.starts_with("publications/works.bib:4:10: ") && e.contains("javascript:")),
            "{places:#?}"
        );
        assert!(
            places.iter().any(|e| e.starts_with("publications/works.bib:3:13: ") && e.contains("nobody")),
            "{places:#?}"
        );
    }
}
