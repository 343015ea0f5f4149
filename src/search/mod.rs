//! Finds people, projects, groups, partners, publications, practices and pages by what a
//! visitor half remembers: a family name with a typo, a name typed without Norwegian letters,
//! another form of an English word, an acronym, an email or phone digits in any grouping.
//!
//! The index is tantivy's, built in memory from a [`Site`] once per content version; nothing
//! is written to disk. Queries are never parsed as query syntax: each word becomes its own
//! small query (exact stem, prefix, one typo), so no input can be an error.

mod fold;
mod snippet;

use tantivy::collector::{Count, TopDocs};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{FAST, Field, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{AsciiFoldingFilter, Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};
use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Term};

pub use snippet::{Fragment, Snippet};

use crate::link::Site;
use std::collections::BTreeMap;

use crate::model::{
    Entity, EntityKind as Kind, Event, Group, Html, News, Page, Partner, Person, Practice, Project, Publication, Slug,
    with_entities,
};
use crate::words::Words;

/// The longest query answered; longer is a mistake (a pasted page), answered with a 400.
pub const MAX_QUERY_CHARS: usize = 200;
/// The most hits ranked for one query; the count still says how many match in all.
const MAX_HITS: usize = 1000;
/// The shortest query word matched as the start of a longer word.
const PREFIX_FROM: usize = 3;
/// The shortest query word matched with one typo.
const TYPO_FROM: usize = 4;
/// Memory tantivy may use while building, the least it accepts for one thread.
const BUILD_MEMORY: usize = 15_000_000;

/// One thing that can be found: its kind and slug (to link it), its title and its text.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Which list or page it belongs to; results are grouped by it.
    pub kind: Kind,
    /// Its file's name.
    pub slug: Slug,
    /// What it is, as visitors read it: `PhD project`, `Research center`, `Special issue`.
    pub label: String,
    /// A name or title, with an acronym or short name after it where there is one.
    pub title: String,
}

/// Why the index was not built.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// Tantivy refused, which only a bug can cause.
    #[error("building the search index failed: {0}")]
    Refused(#[from] tantivy::TantivyError),
    /// The site was replaced while it was indexed (a save under `--watch`): nobody will search it.
    #[error("the site was replaced before its search index was built")]
    Unwanted,
}

/// A query that is not answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadQuery {
    /// Longer than [`MAX_QUERY_CHARS`].
    #[error("a search can be at most {max} characters long; this one has {length}")]
    TooLong {
        /// The limit.
        max: usize,
        /// The query's length, in characters.
        length: usize,
    },
}

/// The words of a query as the index knows them.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    /// Each word folded (lowercase, ASCII, Norwegian letters spelled out) and its English stem.
    words: Vec<(String, String)>,
    /// The query's digits, when it is a phone number.
    digits: Option<String>,
}

impl Terms {
    /// True when the query holds nothing to search for: blank, or punctuation only.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.digits.is_none()
    }
}

/// The results of one query.
#[derive(Debug)]
pub struct Findings<'a> {
    /// How many entries match in all.
    pub total: usize,
    /// The best matches (at most a thousand), grouped by kind, best first within a kind; the
    /// kind with the best match first.
    pub hits: Vec<&'a Entry>,
    /// The query's words, for marking them in snippets.
    pub terms: Terms,
}

/// The site's search index: built once per content version, read by every search.
pub struct SearchIndex {
    searcher: Searcher,
    /// Per segment, the column that maps a tantivy document to its entry.
    entry_ids: Vec<Column<u64>>,
    fields: Fields,
    words: TextAnalyzer,
    stems: TextAnalyzer,
    entries: Vec<Entry>,
    /// Each entry's title, folded, for suggestions when nothing matches.
    folded_titles: Vec<String>,
    /// The interface's words, which name each entry's kind.
    interface: Words,
    /// Keeps the reader, and so the segments, alive.
    _reader: IndexReader,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("entries", &self.entries.len()).finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, Copy)]
struct Fields {
    entry: Field,
    title_words: Field,
    title_stems: Field,
    text_words: Field,
    text_stems: Field,
    phone: Field,
}

/// Words as typed, folded: for prefixes and typos.
pub(crate) fn words_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(fold::NorwegianFolding)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Words reduced to their stem in `language` (a BCP 47 tag): in English "communities" and
/// "community" meet, in Norwegian "prosjektene" and "prosjekt". Folded first, æ/ø/å as
/// Norwegians type them without, in every language, since names are Norwegian in all.
pub(crate) fn stems_analyzer(language: &str) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(fold::NorwegianFolding)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(stemmer_for(language)))
        .build()
}

/// The Snowball stemmer for a language tag: bokmål, nynorsk and `no` share the Norwegian one;
/// a language without a stemmer gets the English one, as its words are most often English.
fn stemmer_for(language: &str) -> Language {
    let primary = language.split('-').next().unwrap_or_default().to_ascii_lowercase();
    match primary.as_str() {
        "nb" | "nn" | "no" => Language::Norwegian,
        "da" => Language::Danish,
        "sv" => Language::Swedish,
        "fi" => Language::Finnish,
        "de" => Language::German,
        "nl" => Language::Dutch,
        "fr" => Language::French,
        "es" => Language::Spanish,
        "it" => Language::Italian,
        "pt" => Language::Portuguese,
        _ => Language::English,
    }
}

impl SearchIndex {
    /// Indexes every entity of `site`, each kind named in the words of `interface`; gives up
    /// with [`SearchError::Unwanted`] once `wanted` says the index is no longer needed.
    pub fn build(site: &Site, interface: &Words, wanted: &dyn Fn() -> bool) -> Result<Self, SearchError> {
        let mut schema = Schema::builder();
        let text = |tokenizer: &str| {
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(IndexRecordOption::WithFreqs),
            )
        };
        let fields = Fields {
            entry: schema.add_u64_field("entry", FAST),
            title_words: schema.add_text_field("title_words", text("words")),
            title_stems: schema.add_text_field("title_stems", text("stems")),
            text_words: schema.add_text_field("text_words", text("words")),
            text_stems: schema.add_text_field("text_stems", text("stems")),
            phone: schema.add_text_field("phone", STRING),
        };
        let index = Index::create_in_ram(schema.build());
        index.tokenizers().register("words", words_analyzer());
        index.tokenizers().register("stems", stems_analyzer(&site.language));

        let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, BUILD_MEMORY)?;
        let mut entries = Vec::new();
        let mut refused = None;
        let mut unwanted = false;
        documents(site, interface, None, |Document { entry, text, phones }| {
            // Asked now and then (an atomic load): an index of 10,000 entities takes most of a second.
            if entries.len() % 16 == 0 && !wanted() {
                unwanted = true;
                return std::ops::ControlFlow::Break(());
            }
            let id = entries.len();
            let mut document = TantivyDocument::default();
            document.add_u64(fields.entry, id as u64);
            document.add_text(fields.title_words, &entry.title);
            document.add_text(fields.title_stems, &entry.title);
            for text in [text.as_str(), entry.label.as_str()] {
                document.add_text(fields.text_words, text);
                document.add_text(fields.text_stems, text);
            }
            for phone in &phones {
                for digits in phone_forms(phone) {
                    document.add_text(fields.phone, digits);
                }
            }
            if let Err(error) = writer.add_document(document) {
                refused.get_or_insert(error);
            }
            entries.push(entry);
            std::ops::ControlFlow::Continue(())
        });
        if let Some(error) = refused {
            return Err(error.into());
        }
        if unwanted {
            return Err(SearchError::Unwanted);
        }
        writer.commit()?;
        drop(writer);
        // Grown by doubling, the list had room for a third more entries than the site has.
        entries.shrink_to_fit();
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let searcher = reader.searcher();
        let entry_ids =
            searcher.segment_readers().iter().map(|s| s.fast_fields().u64("entry")).collect::<Result<_, _>>()?;
        let mut words = words_analyzer();
        let folded_titles = entries.iter().map(|e| fold_text(&mut words, &e.title)).collect();
        Ok(SearchIndex {
            searcher,
            entry_ids,
            fields,
            words,
            stems: stems_analyzer(&site.language),
            entries,
            folded_titles,
            interface: interface.clone(),
            _reader: reader,
        })
    }

    /// The bytes tantivy's segments take in memory, for the log: what the index costs.
    pub fn bytes(&self) -> u64 {
        self.searcher.space_usage().map_or(0, |usage| usage.total().get_bytes())
    }

    /// How many entries the index holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The words of `query` as the index knows them, or why it is not answered.
    pub fn terms(&self, query: &str) -> Result<Terms, BadQuery> {
        let length = query.chars().count();
        if length > MAX_QUERY_CHARS {
            return Err(BadQuery::TooLong { max: MAX_QUERY_CHARS, length });
        }
        let words = tokens(&mut self.words.clone(), query).into_iter().map(|(_, _, word)| word);
        let stems = tokens(&mut self.stems.clone(), query).into_iter().map(|(_, _, stem)| stem);
        let mut pairs: Vec<(String, String)> = words.zip(stems).collect();
        pairs.dedup();
        Ok(Terms { words: pairs, digits: phone_digits(query) })
    }

    /// Every entry matching all words of `terms` (or its phone number), grouped by kind.
    pub fn find(&self, terms: Terms) -> Findings<'_> {
        if terms.is_empty() {
            return Findings { total: 0, hits: Vec::new(), terms };
        }
        let query = self.query(&terms);
        let collector = (Count, TopDocs::with_limit(MAX_HITS).order_by_score());
        let (total, top) = match self.searcher.search(&query, &collector) {
            Ok(found) => found,
            Err(error) => {
                tracing::warn!(%error, "search failed");
                (0, Vec::new())
            }
        };
        let mut hits: Vec<(f32, &Entry)> =
            top.into_iter().filter_map(|(score, address)| Some((score, self.entry(address)?))).collect();
        // Kinds in the order of their best match, so the likeliest answer comes first.
        let mut kinds: Vec<Kind> = Vec::new();
        for (_, entry) in &hits {
            if !kinds.contains(&entry.kind) {
                kinds.push(entry.kind);
            }
        }
        hits.sort_by_key(|(_, entry)| kinds.iter().position(|k| *k == entry.kind));
        Findings { total, hits: hits.into_iter().map(|(_, entry)| entry).collect(), terms }
    }

    /// The entry's title and a passage of its text around the first match, with the query's
    /// words marked; `site` is the one the index was built from.
    pub fn snippet(&self, site: &Site, entry: &Entry, terms: &Terms) -> Snippet {
        let mut text = String::new();
        documents(site, &self.interface, Some((entry.kind, &entry.slug)), |document| {
            text = document.text;
            std::ops::ControlFlow::Continue(())
        });
        let mut marker = snippet::Marker { words: self.words.clone(), stems: self.stems.clone(), terms };
        Snippet { title: marker.mark(&entry.title, None), text: marker.mark(&text, Some(snippet::WINDOW)) }
    }

    /// Up to `n` titles that look most like `query`, for a search that found nothing.
    pub fn suggest(&self, query: &str, n: usize) -> Vec<&str> {
        let query = fold_text(&mut self.words.clone(), query);
        if query.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(f64, usize)> = self
            .folded_titles
            .iter()
            .enumerate()
            .map(|(i, title)| {
                let whole = strsim::jaro_winkler(&query, title);
                let best_word = title
                    .split(' ')
                    .filter(|w| w.len() >= 3)
                    .map(|w| strsim::jaro_winkler(&query, w))
                    .fold(0.0, f64::max);
                (whole.max(best_word), i)
            })
            .filter(|(score, _)| *score >= 0.75)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut titles: Vec<&str> = Vec::new();
        for (_, i) in scored {
            let title = self.entries[i].title.as_str();
            if !titles.contains(&title) {
                titles.push(title);
            }
            if titles.len() == n {
                break;
            }
        }
        titles
    }

    fn entry(&self, address: DocAddress) -> Option<&Entry> {
        let column = self.entry_ids.get(address.segment_ord as usize)?;
        let id = usize::try_from(column.first(address.doc_id)?).ok()?;
        self.entries.get(id)
    }

    /// Every word must match somewhere; a match in the title counts more than one in the text,
    /// and an exact word more than a prefix or a typo.
    fn query(&self, terms: &Terms) -> BooleanQuery {
        let f = self.fields;
        let boosted = |query: Box<dyn Query>, boost: f32| -> (Occur, Box<dyn Query>) {
            (Occur::Should, Box::new(BoostQuery::new(query, boost)))
        };
        let exact = |field: Field, text: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs))
        };
        let mut every_word: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (word, stem) in &terms.words {
            let mut ways = vec![boosted(exact(f.title_stems, stem), 8.0), boosted(exact(f.text_stems, stem), 1.0)];
            let length = word.chars().count();
            if length >= PREFIX_FROM {
                let prefix = |field| Box::new(FuzzyTermQuery::new_prefix(Term::from_field_text(field, word), 0, true));
                ways.push(boosted(prefix(f.title_words), 4.0));
                ways.push(boosted(prefix(f.text_words), 0.5));
            }
            // A number (a year, a volume) is meant as written: 2021 is not a typo of 2020.
            if length >= TYPO_FROM && !word.chars().all(|c| c.is_ascii_digit()) {
                let typo = |field| Box::new(FuzzyTermQuery::new(Term::from_field_text(field, word), 1, true));
                ways.push(boosted(typo(f.title_words), 3.0));
                ways.push(boosted(typo(f.text_words), 0.3));
            }
            every_word.push((Occur::Must, Box::new(BooleanQuery::new(ways))));
        }
        let mut either: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if !every_word.is_empty() {
            either.push((Occur::Should, Box::new(BooleanQuery::new(every_word))));
        }
        if let Some(digits) = &terms.digits {
            either.push(boosted(exact(f.phone, digits), 10.0));
        }
        BooleanQuery::new(either)
    }
}

/// The tokens of `text`: byte offsets and the analysed word.
fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, usize, String)> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(token) = stream.next() {
        out.push((token.offset_from, token.offset_to, token.text.clone()));
    }
    out
}

fn fold_text(words: &mut TextAnalyzer, text: &str) -> String {
    tokens(words, text).into_iter().map(|(_, _, w)| w).collect::<Vec<_>>().join(" ")
}

/// The digits of a query that is a phone number (digits and the usual separators, at least
/// five digits), with an international `00` written as `+` would be.
fn phone_digits(query: &str) -> Option<String> {
    let separators = |c: char| c.is_whitespace() || matches!(c, '+' | '-' | '.' | '(' | ')' | '/');
    if !query.chars().all(|c| c.is_ascii_digit() || separators(c)) {
        return None;
    }
    let digits: String = query.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.strip_prefix("00").map(str::to_owned).unwrap_or(digits);
    (digits.len() >= 5).then_some(digits)
}

/// The forms a phone number is found by: all its digits, and without the country code for a
/// Norwegian number, as it is dialled at home.
fn phone_forms(phone: &str) -> Vec<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let mut forms = vec![digits.clone()];
    if phone.trim_start().starts_with('+')
        && let Some(national) = digits.strip_prefix("47").filter(|n| n.len() == 8)
    {
        forms.push(national.to_owned());
    }
    forms
}

/// Markdown already rendered, as plain words for the index and snippets.
fn plain(html: &Html) -> String {
    html.plain_text()
}

/// Parts of an entity's text, the empty ones left out, joined for the index and snippets.
fn joined<'a>(parts: impl IntoIterator<Item = Option<&'a str>>) -> String {
    parts.into_iter().flatten().map(str::trim).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" · ")
}

fn titled(name: &str, extra: Option<&str>) -> String {
    match extra {
        Some(extra) if extra != name => format!("{name} ({extra})"),
        _ => name.to_owned(),
    }
}

/// An entity as the index reads it: its entry, everything else a visitor may search it by as
/// plain text (parts joined by ` · `), and a person's phones.
struct Document {
    entry: Entry,
    text: String,
    phones: Vec<String>,
}

/// The entities of `map`, or only the one `only` names: the index reads them all, a snippet one.
fn pick<'a, T: Entity>(map: &'a BTreeMap<Slug, T>, only: Option<(Kind, &Slug)>) -> Vec<&'a T> {
    match only {
        None => map.values().collect(),
        Some((k, slug)) if k == T::KIND => map.get(slug).into_iter().collect(),
        Some(_) => Vec::new(),
    }
}

/// The order kinds are indexed in, which decides between equally good matches: people first.
const ORDER: [Kind; Kind::ALL.len()] = [
    Kind::Person,
    Kind::Project,
    Kind::Group,
    Kind::Event,
    Kind::News,
    Kind::Partner,
    Kind::Publication,
    Kind::Practice,
    Kind::Page,
];

/// Every entity of the site as a document to index, or only the one `only` names. The text is
/// made again for a snippet rather than kept, so the index holds no second copy of the content.
/// Each is handed to `each` as it is made, so the whole site's text is never held at once.
fn documents(
    site: &Site,
    words: &Words,
    only: Option<(Kind, &Slug)>,
    mut each: impl FnMut(Document) -> std::ops::ControlFlow<()>,
) {
    for kind in ORDER {
        let stopped = with_entities!(kind, site, |entities| {
            pick(entities, only).into_iter().try_for_each(|entity| {
                let (label, title, text) = entity.searched(site, words);
                let entry = Entry { kind, slug: entity.slug().clone(), label, title };
                each(Document { entry, text, phones: entity.phones() })
            })
        });
        if stopped.is_break() {
            return;
        }
    }
}

/// What a visitor may find an entity of one kind by.
trait Searchable: Entity {
    /// What it is as visitors read it (in `words`), its title in results, and its text as
    /// plain text.
    fn searched(&self, site: &Site, words: &Words) -> (String, String, String);
    /// Phone numbers, found in any grouping of their digits.
    fn phones(&self) -> Vec<String> {
        Vec::new()
    }
}

fn name_of_partner(site: &Site, slug: Slug) -> Option<&str> {
    site.partners.get(&slug).map(|p| p.name.as_str())
}

fn name_of_person(site: &Site, slug: Slug) -> Option<&str> {
    site.people.get(&slug).map(|p| p.name.as_str())
}

impl Searchable for Person {
    fn searched(&self, _: &Site, words: &Words) -> (String, String, String) {
        let bio = plain(&self.bio);
        let places = self
            .affiliations
            .iter()
            .flat_map(|a| [&a.title, &a.department, &a.institution, &a.country].map(|part| part.as_deref()));
        let positions = self.memberships.iter().map(|m| m.position.as_deref());
        let text = joined(
            [self.title.as_deref()]
                .into_iter()
                .chain(places)
                .chain(positions)
                .chain(self.emails.iter().map(|e| Some(e.as_str())))
                .chain(self.phones.iter().map(|p| Some(p.as_str())))
                .chain([Some(bio.as_str())]),
        );
        (words.get("search-kind-person"), self.name.clone(), text)
    }
    fn phones(&self) -> Vec<String> {
        self.phones.clone()
    }
}

impl Searchable for Project {
    fn searched(&self, site: &Site, words: &Words) -> (String, String, String) {
        let description = plain(&self.description);
        let partners = self
            .coordinator
            .iter()
            .chain(&self.leader)
            .chain(&self.funder)
            .chain(&self.collaborators)
            .map(|r| name_of_partner(site, r.slug()));
        let people = self.people.iter().map(|p| name_of_person(site, p.person.slug()));
        let text = joined(
            [self.programme.as_deref()].into_iter().chain(partners).chain(people).chain([Some(description.as_str())]),
        );
        (words.project_kind(self.kind), titled(&self.title, self.acronym.as_deref()), text)
    }
}

impl Searchable for Group {
    fn searched(&self, _: &Site, words: &Words) -> (String, String, String) {
        let about = plain(&self.about);
        let spotlights = self.spotlights.iter().flat_map(|s| [Some(s.title.as_str()), Some(s.text.as_str())]);
        let quote = self.quote.as_ref().map(|q| q.text.as_str());
        let text = joined(
            [self.tagline.as_deref(), self.mission.as_deref(), self.host.as_deref(), self.department.as_deref(), quote]
                .into_iter()
                .chain(spotlights)
                .chain([Some(about.as_str())]),
        );
        (words.group_kind(self.kind), titled(&self.name, self.short_name.as_deref()), text)
    }
}

impl Searchable for Partner {
    fn searched(&self, _: &Site, words: &Words) -> (String, String, String) {
        let description = plain(&self.description);
        (
            words.get("search-kind-partner"),
            self.name.to_string(),
            joined([self.kind.as_deref(), Some(description.as_str())]),
        )
    }
}

impl Searchable for Publication {
    fn searched(&self, _: &Site, words: &Words) -> (String, String, String) {
        let description = plain(&self.description);
        let year = self.year.map(|y| y.to_string());
        let editors = self.editors.iter().map(|e| Some(e.name.as_str()));
        let text = joined(
            [self.venue.as_deref(), self.publisher.as_deref()]
                .into_iter()
                .chain([year.as_deref()])
                .chain(editors)
                .chain(self.authors.iter().map(|a| Some(a.name.as_str())))
                .chain([self.doi.as_deref()])
                .chain([Some(description.as_str())]),
        );
        (words.publication_kind(self.kind), self.title.clone(), text)
    }
}

impl Searchable for Practice {
    fn searched(&self, _: &Site, words: &Words) -> (String, String, String) {
        let description = plain(&self.description);
        let level = words.level(self.level);
        let text = joined([Some(level.as_str()), self.place.as_deref(), Some(description.as_str())]);
        (words.get("search-kind-practice"), self.title.to_string(), text)
    }
}

impl Searchable for News {
    fn searched(&self, site: &Site, words: &Words) -> (String, String, String) {
        let body = plain(&self.body);
        let people = self.people.iter().map(|r| name_of_person(site, r.slug()));
        let text = joined([self.summary.as_deref()].into_iter().chain(people).chain([Some(body.as_str())]));
        (words.get("search-kind-news"), self.title.to_string(), text)
    }
}

impl Searchable for Event {
    fn searched(&self, site: &Site, words: &Words) -> (String, String, String) {
        let description = plain(&self.description);
        let people = self.people.iter().map(|p| name_of_person(site, p.person.slug()));
        let place = [self.location.name.as_deref(), self.location.address.as_deref()];
        let text = joined(
            [self.summary.as_deref()].into_iter().chain(place).chain(people).chain([Some(description.as_str())]),
        );
        (words.get("search-kind-event"), self.title.to_string(), text)
    }
}

impl Searchable for Page {
    fn searched(&self, _: &Site, words: &Words) -> (String, String, String) {
        let body = plain(&self.body);
        (
            words.get("search-kind-page"),
            self.title.to_string(),
            joined([self.description.as_deref(), Some(body.as_str())]),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::{ORDER, phone_digits, phone_forms};
    use crate::model::EntityKind;

    #[test]
    fn every_kind_is_searched() {
        let mut order = ORDER.to_vec();
        order.sort();
        assert_eq!(order, EntityKind::ALL, "each kind once");
    }

    #[test]
    fn a_phone_number_is_found_in_any_grouping() {
        assert_eq!(phone_digits("+47 735 59 809").as_deref(), Some("4773559809"));
        assert_eq!(phone_digits("0047 73559809").as_deref(), Some("4773559809"));
        assert_eq!(phone_digits("73 55 98 09").as_deref(), Some("73559809"));
        assert_eq!(phone_digits("2021"), None);
        assert_eq!(phone_digits("Kvello 73559809"), None);
        assert_eq!(phone_forms("+47-73559809"), ["4773559809", "73559809"]);
    }
}
