//! Connects checked entities into a [`Site`]: the graph every page is drawn from, with the
//! reverse indices pages need (a group's projects, a person's groups, a project's
//! sub-projects), so no page has to search.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Deref;

use crate::check::Model;
use chrono::{DateTime, NaiveDate, Utc};

use crate::model::{
    Entities, Entity, EntityKind, Event, Group, Membership, News, Partner, Person, Practice, Project, Publication,
    Role, Settings, Slug, When, with_entities,
};

/// The whole site, immutable once built: its entities (`site.groups` …, through `Deref`), the
/// settings, the media files and who refers to whom. Lookups are by slug; lists come in a
/// stable order (by slug) and pages sort them as they show them.
#[derive(Debug)]
pub struct Site {
    /// The name, description, language and host every page shows.
    pub settings: Settings,
    /// Every entity, one map per kind.
    pub entities: Entities,
    /// Files under `media/` (`media/hero.jpg`): the only files served from the content folder.
    pub media: BTreeSet<String>,
    /// Every image as each place shows it, and its variants by name; shared by the editions.
    pub images: std::sync::Arc<crate::images::Renditions>,
    /// When the newest content file was last changed: every page's `Last-Modified`.
    pub modified: std::time::SystemTime,
    /// When each entity's file was last changed, by kind and slug.
    changed: std::collections::HashMap<(EntityKind, Slug), std::time::SystemTime>,
    index: std::sync::Arc<Index>,
    memo: Memo,
    /// The language this edition of the site is in: the default's, or one of `editions`'.
    pub language: String,
    /// The first segment of this edition's addresses (`nb`); empty for the default language.
    pub segment: String,
    /// The site in each of its other languages, on the default language's site only.
    editions: Vec<Site>,
    /// What this edition shows in the default language, not translated.
    untranslated: Untranslated,
}

/// What pages work out from the whole site (the order of a list of a hundred thousand
/// publications, its filters' choices), worked out on first use and kept while this site is
/// served, so no request pays for it twice. One value of each type; a new site starts empty.
#[derive(Default)]
struct Memo(
    std::sync::Mutex<std::collections::HashMap<std::any::TypeId, std::sync::Arc<dyn std::any::Any + Send + Sync>>>,
);

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memo")
    }
}

/// A site is its entities and what is known of them: pages read `site.people` as they would
/// read `site.entities.people`.
impl Deref for Site {
    type Target = Entities;
    fn deref(&self) -> &Entities {
        &self.entities
    }
}

/// Who refers to each entity, by the kind and slug of the referring entity: the inverse of
/// the references written in entity files, built alike for every kind from its `references()`.
/// One sorted list of (referred, referrer) pairs rather than a set per entity: at 100,000
/// entities the sets' nodes, mostly holding one or two slugs, took 30 MB (BENCHMARKS.md). An
/// entity is named in a pair by its kind and its number, its place in its kind's slug order,
/// so that the list sorts as integers: sorted by slug, it was a tenth of a reload's time.
#[derive(Debug, Default)]
struct Index {
    /// Each kind's slugs in order, at the kind's place in [`EntityKind::ALL`]: an entity's
    /// number is its place here.
    slugs: Vec<Vec<Slug>>,
    /// (referred, referrer), in order: an entity's referrers are together, by kind and number.
    referrers: Vec<(Numbered, Numbered)>,
}

/// An entity, by its kind (the high half) and its number in its kind's slug order.
type Numbered = u64;

/// The entity of `kind` numbered `number`.
fn numbered(kind: EntityKind, number: usize) -> Numbered {
    ((kind as u64) << 32) | number as u64
}

impl Index {
    /// The index of every reference the entities make, kind by kind.
    fn of(entities: &Entities) -> Self {
        let mut slugs = vec![Vec::new(); EntityKind::ALL.len()];
        for kind in EntityKind::ALL {
            slugs[kind as usize] = with_entities!(kind, entities, |map| map.keys().cloned().collect());
        }
        let numbers: Vec<std::collections::HashMap<&str, usize>> = slugs
            .iter()
            .map(|kind| kind.iter().enumerate().map(|(number, slug)| (slug.as_str(), number)).collect())
            .collect();
        let mut referrers = Vec::new();
        for kind in EntityKind::ALL {
            with_entities!(kind, entities, |map| {
                for (number, entity) in map.values().enumerate() {
                    let referrer = numbered(kind, number);
                    for (to, reference) in entity.references() {
                        if let Some(&referred) = numbers[to as usize].get(reference.slug.as_str()) {
                            referrers.push((numbered(to, referred), referrer));
                        }
                    }
                }
            });
        }
        referrers.sort_unstable();
        referrers.dedup();
        referrers.shrink_to_fit();
        Index { slugs, referrers }
    }

    /// The slugs of the entities of kind `of` that refer to the `kind` named `slug`, in slug order.
    fn referrers<'a>(&'a self, kind: EntityKind, slug: &Slug, of: EntityKind) -> impl Iterator<Item = &'a Slug> + 'a {
        let kind_slugs = &self.slugs[kind as usize];
        let pairs = match kind_slugs.binary_search_by(|s| s.as_str().cmp(slug.as_str())) {
            Ok(number) => {
                // Where a pair sorts: by the referred entity, then by the referrer's kind.
                let place = |(referred, referrer): &(Numbered, Numbered)| (*referred, *referrer >> 32);
                let wanted = (numbered(kind, number), of as u64);
                let start = self.referrers.partition_point(|pair| place(pair) < wanted);
                let end = start + self.referrers[start..].partition_point(|pair| place(pair) == wanted);
                &self.referrers[start..end]
            }
            Err(_) => &[],
        };
        let of_slugs = &self.slugs[of as usize];
        pairs.iter().filter_map(move |(_, referrer)| of_slugs.get((referrer & u64::from(u32::MAX)) as usize))
    }
}

/// The membership of `person` among those `which` picks that ended last, where there are some
/// and every one of them has ended on `today`.
fn last_ended(person: &Person, today: NaiveDate, which: impl Fn(&Membership) -> bool) -> Option<&Membership> {
    let picked: Vec<&Membership> = person.memberships.iter().filter(|m| which(m)).collect();
    if !picked.iter().all(|m| m.has_ended(today)) {
        return None;
    }
    picked.into_iter().max_by_key(|m| m.end.map(|e| e.year()))
}

/// Every event's end and every membership's, in order: the moments the site's pages change
/// by the clock alone.
struct ClockChanges(Vec<DateTime<Utc>>);

/// The day an event starts, as written.
fn event_day(event: &Event) -> chrono::NaiveDate {
    match event.start.written {
        crate::model::Written::Day(date) => date,
        crate::model::Written::Local(at) => at.date(),
        crate::model::Written::Fixed(at) => at.date_naive(),
    }
}

/// Builds the site from a model whose references have all been checked.
pub fn link(model: Model) -> Site {
    let index = std::sync::Arc::new(Index::of(&model.entities));
    let languages: Vec<String> = model.settings.languages().into_iter().map(str::to_owned).collect();
    let default = languages.first().cloned().unwrap_or_default();
    let images = renditions(&model);
    let mut site = Site {
        segment: String::new(),
        settings: model.settings,
        entities: model.entities,
        images: std::sync::Arc::new(images),
        media: model.media,
        modified: model.modified.unwrap_or(std::time::UNIX_EPOCH),
        changed: model.changed,
        index,
        memo: Memo::default(),
        editions: Vec::new(),
        untranslated: Untranslated::default(),
        language: default.clone(),
    };
    site.settle(&model.translations, &default);
    site.editions = languages.iter().skip(1).map(|language| site.translated(language, &model.translations)).collect();
    site
}

/// The variants of every image the entities show, in each place they show it: a person's
/// photo on their page and on cards.
fn renditions(model: &Model) -> crate::images::Renditions {
    use crate::model::Place;
    let mut renditions = crate::images::Renditions::default();
    let mut add = |place: Place, image: &crate::model::Image| {
        let Some(file) = &image.file else { return };
        let Some(probe) = model.images.get(&file.path) else { return };
        renditions.add(&file.path, probe, place, image.focus);
        if place == Place::Portrait {
            renditions.add(&file.path, probe, Place::Card, image.focus);
        }
    };
    for kind in EntityKind::ALL {
        with_entities!(kind, model.entities, |entities| {
            for entity in entities.values() {
                for (place, image) in entity.images() {
                    add(place, image);
                }
            }
        });
    }
    if let Some(logo) = &model.settings.logo {
        add(Place::Logo, logo);
    }
    renditions
}

impl Site {
    /// This edition of the site (the default language's) in `language`: the same entities,
    /// each text and body settled to the language, with pages of its own to keep.
    fn translated(&self, language: &str, translations: &Translations) -> Site {
        let mut edition = Site {
            language: language.to_owned(),
            segment: crate::paths::language_segment(language),
            settings: self.settings.clone(),
            entities: self.entities.clone(),
            media: self.media.clone(),
            images: std::sync::Arc::clone(&self.images),
            modified: self.modified,
            changed: self.changed.clone(),
            index: std::sync::Arc::clone(&self.index),
            memo: Memo::default(),
            editions: Vec::new(),
            untranslated: Untranslated::default(),
        };
        edition.settle(translations, &self.language);
        edition
    }

    /// Makes every text and body of this edition, and the site's name and description, what
    /// its language shows, the site's default language being `default`.
    fn settle(&mut self, translations: &Translations, default: &str) {
        self.untranslated = settle(&mut self.entities, translations, &self.language, default);
        self.settings.name.settle(&self.language, default);
        self.settings.description.settle(&self.language, default);
    }
}

/// Bodies in the site's other languages, by kind, slug and language, as `check` read them.
type Translations = std::collections::HashMap<(EntityKind, Slug, String), crate::model::Html>;

/// Makes `entities` what the edition in `language` shows: each text in its language where the
/// editor gave it, and each body from its translation file; what is not translated stays in
/// the `default` language, marked as such.
fn settle(entities: &mut Entities, translations: &Translations, language: &str, default: &str) -> Untranslated {
    let mut untranslated = Untranslated { language: language.to_owned(), ..Untranslated::default() };
    for kind in EntityKind::ALL {
        with_entities!(kind, mut entities, |entities| {
            for entity in entities.values_mut() {
                let mut missing = Vec::new();
                for (field, text) in entity.texts_mut() {
                    text.settle(language, default);
                    if text.lang().is_some() && !missing.contains(&field) {
                        missing.push(field);
                    }
                }
                let key = (kind, entity.slug().clone(), language.to_owned());
                if let Some(body) = entity.body_mut() {
                    match translations.get(&key).cloned() {
                        Some(translated) => *body = translated,
                        None if language != default && !body.as_str().is_empty() => {
                            *body = std::mem::take(body).in_language(default);
                            missing.push(Untranslated::BODY);
                        }
                        None => {}
                    }
                }
                *untranslated.of.entry(kind).or_default() += 1;
                if !missing.is_empty() && language != default {
                    untranslated.entities.entry(kind).or_default().push((entity.slug().clone(), missing));
                }
            }
        });
    }
    untranslated
}

/// What the edition in one of the site's other languages shows in the default language, for
/// the editors: `check` prints it and the preview shows it, as a list of work to do rather
/// than as mistakes, since the site is whole without it.
#[derive(Debug, Clone, Default)]
pub struct Untranslated {
    /// The edition's language.
    pub language: String,
    /// By kind, each entity with the fields it shows untranslated, in slug order.
    pub entities: BTreeMap<EntityKind, Vec<(Slug, Vec<&'static str>)>>,
    /// How many entities of each kind there are.
    pub of: BTreeMap<EntityKind, usize>,
}

impl Untranslated {
    /// What the summary calls an untranslated body: the Markdown a `{slug}.{tag}.md` translates.
    pub const BODY: &'static str = "body";
    /// The most slugs a line names; the rest are counted.
    const NAMED: usize = 5;

    /// The summary, a line per kind under a line for the language; nothing when every text
    /// and body is translated.
    pub fn lines(&self) -> Vec<String> {
        let missing: usize = self.entities.values().map(Vec::len).sum();
        if missing == 0 {
            return Vec::new();
        }
        let total: usize = self.of.values().sum();
        let mut lines = vec![format!(
            "not yet translated into `{}`: {missing} of {total} entities show text in the default language",
            self.language
        )];
        for (kind, entities) in &self.entities {
            let mut fields: Vec<(&str, usize)> = Vec::new();
            for field in entities.iter().flat_map(|(_, f)| f) {
                match fields.iter_mut().find(|(f, _)| f == field) {
                    Some((_, n)) => *n += 1,
                    None => fields.push((field, 1)),
                }
            }
            let fields: Vec<String> = fields.iter().map(|(f, n)| format!("{f} {n}")).collect();
            let named: Vec<&str> = entities.iter().take(Self::NAMED).map(|(s, _)| s.as_str()).collect();
            let more = match entities.len().saturating_sub(Self::NAMED) {
                0 => String::new(),
                more => format!(" and {more} more"),
            };
            let of = self.of.get(kind).copied().unwrap_or_default();
            lines.push(format!(
                "  {}/ {} of {of}: {} ({}{more})",
                kind.folder(),
                entities.len(),
                fields.join(", "),
                named.join(", "),
            ));
        }
        lines
    }
}

impl Site {
    /// Every edition of the site, the default language's first: the site itself, then its
    /// translations.
    pub fn editions(&self) -> impl Iterator<Item = &Site> {
        std::iter::once(self).chain(&self.editions)
    }

    /// The edition in the site's language number `edition` (0 the default, then each of
    /// `languages` in order); the site itself where there is no such edition.
    pub fn edition(&self, edition: usize) -> &Site {
        self.editions().nth(edition).unwrap_or(self)
    }

    /// What each edition in another language still shows untranslated, as summary lines.
    pub fn untranslated(&self) -> Vec<String> {
        self.editions().flat_map(|e| e.untranslated.lines()).collect()
    }

    /// The value of type `T` `make` works out from this site, made on the first call and
    /// shared by every later one. `make` may ask for a value of another type; the map is
    /// locked only to find each type's slot, and two first requests for one type wait for the
    /// same making.
    pub fn memo<T: std::any::Any + Send + Sync>(&self, make: impl FnOnce(&Site) -> T) -> std::sync::Arc<T> {
        type Slot<T> = std::sync::OnceLock<std::sync::Arc<T>>;
        let key = std::any::TypeId::of::<T>();
        let slot = {
            let mut slots = self.memo.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            let slot = slots.entry(key).or_insert_with(|| std::sync::Arc::new(Slot::<T>::new()));
            std::sync::Arc::clone(slot).downcast::<Slot<T>>()
        };
        match slot {
            Ok(slot) => std::sync::Arc::clone(slot.get_or_init(|| std::sync::Arc::new(make(self)))),
            // A slot is keyed by its own type, so this cannot happen; the value is made unkept.
            Err(_) => std::sync::Arc::new(make(self)),
        }
    }

    /// The entities of the type of `map` that refer to the `kind` named `slug`.
    fn referring<'a, T: Entity>(
        &'a self,
        kind: EntityKind,
        slug: &Slug,
        map: &'a BTreeMap<Slug, T>,
    ) -> impl Iterator<Item = &'a T> + 'a {
        self.index.referrers(kind, slug, T::KIND).filter_map(|s| map.get(s))
    }

    /// Projects a group lists.
    pub fn projects_of_group<'a>(&'a self, group: &Slug) -> impl Iterator<Item = &'a Project> + 'a {
        self.referring(EntityKind::Group, group, &self.projects)
    }

    /// People with `role` in a group on `today`: their membership has not ended.
    pub fn people_of_group<'a>(
        &'a self,
        group: &Slug,
        role: Role,
        today: NaiveDate,
    ) -> impl Iterator<Item = &'a Person> + 'a {
        let members = self.referring(EntityKind::Group, group, &self.people);
        let group = group.clone();
        members.filter(move |p| {
            p.memberships.iter().any(|m| m.role == role && m.group.slug == group.as_str() && !m.has_ended(today))
        })
    }

    /// People who belonged to a group and no longer do on `today`, each with the membership
    /// that ended; one who is still a member in another role is not among them.
    pub fn former_of_group<'a>(&'a self, group: &Slug, today: NaiveDate) -> Vec<(&'a Person, &'a Membership)> {
        let of_group = |m: &Membership| m.group.slug == group.as_str();
        let people = self.referring(EntityKind::Group, group, &self.people);
        people.filter_map(|p| Some((p, last_ended(p, today, of_group)?))).collect()
    }

    /// People whose every membership has ended on `today`, each with the one that ended last:
    /// the former members `/people/` lists.
    pub fn former_people(&self, today: NaiveDate) -> Vec<(&Person, &Membership)> {
        self.people.values().filter_map(|p| Some((p, last_ended(p, today, |_| true)?))).collect()
    }

    /// The day it is at `now` on the site's clock.
    pub fn today(&self, now: DateTime<Utc>) -> NaiveDate {
        now.with_timezone(&self.settings.time_zone.0).date_naive()
    }

    /// Partners a group lists.
    pub fn partners_of_group<'a>(&'a self, group: &Slug) -> impl Iterator<Item = &'a Partner> + 'a {
        self.referring(EntityKind::Group, group, &self.partners)
    }

    /// Publications of a group.
    pub fn publications_of_group<'a>(&'a self, group: &Slug) -> impl Iterator<Item = &'a Publication> + 'a {
        self.referring(EntityKind::Group, group, &self.publications)
    }

    /// Practices a group points to.
    pub fn practices_of_group<'a>(&'a self, group: &Slug) -> impl Iterator<Item = &'a Practice> + 'a {
        self.referring(EntityKind::Group, group, &self.practices)
    }

    /// Groups a person belongs to on `today`, with the role in each.
    pub fn groups_of_person<'a>(
        &'a self,
        person: &'a Person,
        today: NaiveDate,
    ) -> impl Iterator<Item = (&'a Group, Role)> + 'a {
        let current = person.memberships.iter().filter(move |m| !m.has_ended(today));
        current.filter_map(|m| Some((self.groups.get(&m.group.slug())?, m.role)))
    }

    /// Projects a person takes part in.
    pub fn projects_of_person<'a>(&'a self, person: &Slug) -> impl Iterator<Item = &'a Project> + 'a {
        self.referring(EntityKind::Person, person, &self.projects)
    }

    /// Publications a person edited.
    pub fn publications_of_person<'a>(&'a self, person: &Slug) -> impl Iterator<Item = &'a Publication> + 'a {
        self.referring(EntityKind::Person, person, &self.publications)
    }

    /// Projects a partner coordinates, funds or collaborates on.
    pub fn projects_of_partner<'a>(&'a self, partner: &Slug) -> impl Iterator<Item = &'a Project> + 'a {
        self.referring(EntityKind::Partner, partner, &self.projects)
    }

    /// Publications that are outputs of a project.
    pub fn publications_of_project<'a>(&'a self, project: &Slug) -> impl Iterator<Item = &'a Publication> + 'a {
        self.referring(EntityKind::Project, project, &self.publications)
    }

    /// Sub-projects of a project.
    pub fn subprojects<'a>(&'a self, project: &Slug) -> impl Iterator<Item = &'a Project> + 'a {
        self.referring(EntityKind::Project, project, &self.projects)
    }

    /// When the file of the entity of `kind` named `slug` was last changed, or the newest
    /// file's time where the file system did not say.
    pub fn changed(&self, kind: EntityKind, slug: &Slug) -> std::time::SystemTime {
        self.changed.get(&(kind, slug.clone())).copied().unwrap_or(self.modified)
    }

    /// News about the entity of `kind` named `slug`: a group's stories, a person's, a project's.
    pub fn news_of<'a>(&'a self, kind: EntityKind, slug: &Slug) -> impl Iterator<Item = &'a News> + 'a {
        self.referring(kind, slug, &self.news)
    }

    /// Events of the entity of `kind` named `slug`: a group's, a speaker's, a project's.
    pub fn events_of<'a>(&'a self, kind: EntityKind, slug: &Slug) -> impl Iterator<Item = &'a Event> + 'a {
        self.referring(kind, slug, &self.events)
    }

    /// When `event` takes place on the site's clock. A checked site has no time its clock
    /// skips; were there one, the event would be placed at its start's day.
    pub fn when(&self, event: &Event) -> When {
        let zone = self.settings.time_zone.0;
        event.when(zone).unwrap_or_else(|_| {
            let begins = crate::model::start_of(event_day(event), zone);
            When { start: crate::model::Placed::At(begins), end: None, over: begins }
        })
    }

    /// Whether `event` is still to come (or going on) at `now`.
    pub fn is_upcoming(&self, event: &Event, now: DateTime<Utc>) -> bool {
        self.when(event).over > now
    }

    /// The next moment after `now` at which an event is over or a membership ends, so that
    /// the pages that show it change: how long a page drawn at `now` stays right.
    pub fn next_change(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let ends = self.memo(|site| {
            let zone = site.settings.time_zone.0;
            let memberships = site.people.values().flat_map(|p| &p.memberships).filter_map(Membership::ends_after);
            let mut ends: Vec<DateTime<Utc>> = site
                .events
                .values()
                .map(|e| site.when(e).over)
                .chain(memberships.map(|day| crate::model::start_of(day, zone)))
                .collect();
            ends.sort();
            ClockChanges(ends)
        });
        let after = ends.0.partition_point(|end| *end <= now);
        ends.0.get(after).copied()
    }

    /// Every entity of `kind`, by slug, with the name or title pages show it under: what the
    /// preview names when a change would take entities away, and what the sitemap lists.
    pub fn names(&self, kind: EntityKind) -> Vec<(&Slug, &str)> {
        with_entities!(kind, self, |entities| entities.values().map(|e| (e.slug(), e.name())).collect())
    }

    /// How many entities of `kind` the site holds.
    pub fn count(&self, kind: EntityKind) -> usize {
        with_entities!(kind, self, |entities| entities.len())
    }

    /// How many entities of each kind the site holds, for `check`'s summary.
    pub fn summary(&self) -> String {
        // A kind the site has none of is left out: most sites have no news yet.
        let counts = EntityKind::ALL.into_iter().filter(|kind| self.count(*kind) > 0).map(|kind| {
            let n = self.count(kind);
            format!("{n} {}", if n == 1 { kind.to_string() } else { kind.plural().to_owned() })
        });
        counts.collect::<Vec<_>>().join(", ")
    }
}
