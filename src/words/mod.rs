//! Every word the site shows visitors that does not come from content/: one Fluent catalogue
//! per language, embedded in the binary, with the language's plural rules. Pages, search
//! results and error responses name a message by its id; values of model enums are named by
//! their `key()`, so no English label lives in the model.

mod days;
mod numbers;

use std::borrow::Cow;
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use chrono::{NaiveDate, Timelike};

use crate::model::{EntityKind, EventStatus, GroupKind, Level, ProjectKind, PublicationKind, Role, Status};

/// The catalogues that ship, by language tag; the first is the fallback.
const CATALOGUES: &[(&str, &str)] =
    &[("en", include_str!("en.ftl")), ("nb", include_str!("nb.ftl")), ("nn", include_str!("nn.ftl"))];

/// Language tags that name a catalogue by another name: `no` (Norwegian) is written in bokmål.
const ALIASES: &[(&str, &str)] = &[("no", "nb")];

/// The pseudo-language of the tests: English with every message marked `⟦…⟧`, so a word that
/// does not come from a catalogue stands out.
pub const PSEUDO: &str = "qps-ploc";

/// A value put into a message: text as it is, or a number that chooses the plural form.
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    /// Shown as given; never chooses a form.
    Text(Cow<'a, str>),
    /// Shown as digits, and chooses the plural form (`1 project`, `2 projects`); exact up to
    /// 2⁵³, so a number an address gives is passed as text.
    Count(usize),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl<'a> From<&'a crate::model::Text> for Arg<'a> {
    fn from(text: &'a crate::model::Text) -> Self {
        Arg::Text(Cow::Borrowed(text.as_str()))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg::Text(Cow::Owned(text))
    }
}

impl From<usize> for Arg<'_> {
    fn from(count: usize) -> Self {
        Arg::Count(count)
    }
}

/// The words of one interface language, cheap to clone; every page is drawn with one.
#[derive(Clone)]
pub struct Words {
    inner: Arc<Catalogue>,
}

struct Catalogue {
    tag: String,
    bundle: FluentBundle<FluentResource>,
    /// True for the pseudo-language.
    marked: bool,
    labels: Labels,
    /// How the language writes a day.
    days: days::Days,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Words").field("language", &self.inner.tag).finish_non_exhaustive()
    }
}

impl Words {
    /// The words of the language `tag` (`en`, `en-GB`, `nb`, `nb-NO`, `nn`, `no`, or
    /// [`PSEUDO`]); a language without a catalogue gets English, and the log says so.
    pub fn for_language(tag: &str) -> Words {
        if tag.eq_ignore_ascii_case(PSEUDO) {
            return Words::build(PSEUDO, CATALOGUES[0].1, true);
        }
        let primary = tag.split('-').next().unwrap_or_default();
        let primary =
            ALIASES.iter().find(|(alias, _)| alias.eq_ignore_ascii_case(primary)).map_or(primary, |(_, to)| to);
        match CATALOGUES.iter().find(|(language, _)| language.eq_ignore_ascii_case(primary)) {
            Some((language, source)) => Words::build_for(language, tag, source, false),
            None => {
                tracing::warn!(language = tag, "no catalogue for this language; pages use English words");
                Words::english()
            }
        }
    }

    /// The English words, which every message has.
    pub fn english() -> Words {
        Words::build(CATALOGUES[0].0, CATALOGUES[0].1, false)
    }

    fn build(tag: &str, source: &str, marked: bool) -> Words {
        Words::build_for(tag, tag, source, marked)
    }

    /// The catalogue `tag` (`en`) for a site whose language is `locale` (`en-GB`), whose
    /// region decides how days are written.
    fn build_for(tag: &str, locale: &str, source: &str, marked: bool) -> Words {
        let language: LanguageIdentifier = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![language]);
        // Fluent sets placeables between Unicode isolation marks by default; pages show text
        // of one direction, and the marks would only add bytes.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(numbers::format));
        let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(resource, errors)| {
            tracing::error!(language = tag, ?errors, "the catalogue has syntax errors; those messages are left out");
            resource
        });
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!(language = tag, ?errors, "the catalogue names a message twice");
        }
        let days = days::Days::new(if marked { "en" } else { locale });
        let mut catalogue = Catalogue { tag: tag.to_owned(), bundle, marked, labels: Labels::default(), days };
        catalogue.labels = Labels::new(&catalogue);
        Words { inner: Arc::new(catalogue) }
    }

    /// The message `id`; a missing one is logged and shown as its id, never a failed page.
    pub fn get(&self, id: &str) -> String {
        self.inner.format(id, None)
    }

    /// The message `id` with its placeables filled from `args`.
    pub fn with(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, arg) in args {
            let value = match arg {
                Arg::Text(text) => FluentValue::from(text.as_ref()),
                Arg::Count(count) => FluentValue::from(*count),
            };
            fluent.set(*name, value);
        }
        self.inner.format(id, Some(&fluent))
    }

    /// The fixed words templates print, formatted once.
    pub fn labels(&self) -> &Labels {
        &self.inner.labels
    }

    /// Items as one phrase: `A`, `A and B`, `A, B and C`.
    pub fn and_list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => {
                let first = init
                    .iter()
                    .cloned()
                    .reduce(|first, rest| self.with("list-series", &[("first", first.into()), ("rest", rest.into())]))
                    .unwrap_or_default();
                self.with("list-pair", &[("first", first.into()), ("second", last.into())])
            }
        }
    }

    /// How the site names a kind of group: `Research center`.
    pub fn group_kind(&self, kind: GroupKind) -> String {
        self.get(&format!("group-kind-{}", kind.key()))
    }

    /// How the site names a kind of project: `PhD project`.
    pub fn project_kind(&self, kind: ProjectKind) -> String {
        self.get(&format!("project-kind-{}", kind.key()))
    }

    /// How the site names a project's status: `Ongoing`.
    pub fn status(&self, status: Status) -> String {
        self.get(&format!("status-{}", status.key()))
    }

    /// A role as said of one person: `External member`.
    pub fn role(&self, role: Role) -> String {
        self.get(&format!("role-{}", role.key()))
    }

    /// The heading over the people who have a role: `External members`.
    pub fn role_heading(&self, role: Role) -> String {
        self.get(&format!("role-heading-{}", role.key()))
    }

    /// One publication's kind: `Special issue`.
    pub fn publication_kind(&self, kind: PublicationKind) -> String {
        self.get(&format!("publication-kind-{}", kind.key()))
    }

    /// A practice's level: `Municipality`.
    pub fn level(&self, level: Level) -> String {
        self.get(&format!("level-{}", level.key()))
    }

    /// A kind of entity in the plural, inside a sentence: `people`.
    pub fn entity_plural(&self, kind: EntityKind) -> String {
        self.get(&format!("entity-plural-{kind}"))
    }

    /// The name of a kind's section, as the navigation, headings and search results show it:
    /// `People`.
    pub fn section(&self, kind: EntityKind) -> String {
        self.get(&format!("section-{kind}"))
    }

    /// A day as pages write it, as CLDR has the language write it: `1. desember 2026`.
    pub fn date(&self, date: NaiveDate) -> String {
        self.inner.days.format(date)
    }

    /// A time of day as pages write it: `14:00`.
    pub fn time(&self, at: impl Timelike) -> String {
        self.with(
            "time",
            &[("hour", format!("{:02}", at.hour()).into()), ("minute", format!("{:02}", at.minute()).into())],
        )
    }

    /// Whether an event takes place as announced: `Cancelled`.
    pub fn event_status(&self, status: EventStatus) -> String {
        self.get(&format!("event-status-{}", status.key()))
    }

    /// How much a section holds, as its card on the home page says: `1 person`, `12 people`.
    pub fn section_count(&self, kind: EntityKind, count: usize) -> String {
        self.with(&format!("home-count-{kind}"), &[("count", count.into())])
    }
}

impl Catalogue {
    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            tracing::error!(language = %self.tag, id, "no such message in the catalogue");
            return id.to_owned();
        };
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::error!(language = %self.tag, id, ?errors, "a message could not be filled in");
        }
        if self.marked { format!("⟦{text}⟧") } else { text.into_owned() }
    }
}

/// Declares [`Labels`]: each field is the message of its id, formatted once per catalogue.
macro_rules! labels {
    ($($(#[$doc:meta])* $field:ident = $id:literal,)*) => {
        /// The fixed words templates print (headings, labels, aria-labels), formatted once
        /// per language, so templates hold no words of their own.
        #[derive(Debug, Clone, Default)]
        pub struct Labels {
            $($(#[$doc])* pub $field: String,)*
        }

        impl Labels {
            /// Every message id a label reads.
            #[cfg(test)]
            const IDS: &[&str] = &[$($id),*];

            fn new(catalogue: &Catalogue) -> Self {
                Labels { $($field: catalogue.format($id, None),)* }
            }
        }
    };
}

labels! {
    /// The link past the header to the page's main content.
    skip_link = "skip-link",
    /// `aria-label` of the main navigation.
    nav_main = "nav-main",
    /// `aria-label` of the language switcher.
    nav_languages = "nav-languages",
    /// `aria-label` of the breadcrumb trail.
    nav_breadcrumb = "nav-breadcrumb",
    /// The mark before each crumb but the first, in the HTML so text browsers show it too.
    crumb_separator = "crumb-separator",
    /// `aria-label` of the header's search form.
    site_search = "site-search",
    /// The hidden label of the header's search box.
    site_search_label = "site-search-label",
    /// The button of both search forms.
    search_button = "search-button",
    /// `aria-label` of a long page's table of contents.
    on_this_page = "on-this-page",
    /// The heading over an entity's links.
    links = "links",
    /// The first words of the preview's banner of mistakes.
    preview_mistakes = "preview-mistakes",
    /// What the editor is to do about them.
    preview_mistakes_hint = "preview-mistakes-hint",
    /// The first words of the preview's banner of warnings.
    preview_warnings = "preview-warnings",
    /// What the editor is to do about them.
    preview_warnings_hint = "preview-warnings-hint",
    /// The first words of the preview's list of what is not translated yet.
    preview_untranslated = "preview-untranslated",
    /// What the list is.
    preview_untranslated_hint = "preview-untranslated-hint",
    /// What the editor is to do about a change held back.
    preview_held_back_hint = "preview-held-back-hint",
    /// The link home among the error page's ways back.
    home = "crumb-home",
    /// The home page's heading over the groups.
    home_groups = "home-groups",
    /// The home page's heading over the sections.
    home_explore = "home-explore",
    /// A group page's heading over its about text.
    group_about = "group-about",
    /// The dash before the source of a group page's quote.
    quote_source = "quote-source",
    /// A group page's heading over its spotlight areas.
    group_spotlights = "group-spotlights",
    /// A group page's heading over its accounts elsewhere.
    group_follow = "group-follow",
    /// The heading over projects.
    projects = "section-project",
    /// The heading over people.
    people = "section-person",
    /// The heading over partners.
    partners = "section-partner",
    /// The heading over publications.
    publications = "section-publication",
    /// The heading over practices.
    practices = "section-practice",
    /// The heading over news.
    news = "section-news",
    /// The heading over events.
    events = "section-event",
    /// A project page's heading over its sub-projects.
    subprojects = "project-subprojects",
    project_outputs = "project-outputs",
    /// The filter form's button.
    filter_submit = "filter-submit",
    /// The publications' filter form's button.
    publications_filter_submit = "publications-filter-submit",
    /// The people filter form's button.
    people_filter_submit = "people-filter-submit",
    /// What an empty filtered list of publications says.
    publications_none = "publications-none",
    /// The link from an empty filtered list to all publications.
    publications_show_all = "publications-show-all",
    /// `aria-label` of a paged list's links to its other pages.
    list_pager = "list-pager",
    /// The link to the page of the list before.
    list_previous = "list-previous",
    /// The link to the page of the list after.
    list_next = "list-next",
    /// The link that clears the filters.
    filter_clear = "filter-clear",
    /// What an empty filtered list says.
    projects_none = "projects-none",
    /// The link from an empty filtered list to all projects.
    projects_show_all = "projects-show-all",
    /// A person page's heading over emails and phones.
    person_contact = "person-contact",
    /// The label before an email address.
    person_email = "person-email",
    /// The label before a phone number.
    person_phone = "person-phone",
    /// A person page's heading over their groups.
    person_groups = "person-groups",
    /// A person page's heading over what they edited.
    person_edited = "person-edited",
    person_publications = "person-publications",
    /// The label before a publication's DOI.
    publication_doi = "publication-doi",
    /// The label before a publication's editors.
    publication_editors = "publication-editors",
    /// The label before a book's ISBN.
    publication_isbn = "publication-isbn",
    /// A publication page's heading over its abstract.
    publication_abstract = "publication-abstract",
    /// A publication page's heading over its formatted citation.
    publication_cite = "publication-cite",
    /// A person page's heading over their biography.
    person_biography = "person-biography",
    /// The label of the search page's box.
    search_query_label = "search-query-label",
    /// What the search page says before near names.
    search_suggestions = "search-suggestions",
    /// `aria-label` of the result pages' links.
    search_pager = "search-pager",
    /// The link to the page of results before.
    search_previous = "search-previous",
    /// The link to the page of results after.
    search_next = "search-next",
    /// A publication page's label before its BibTeX and RIS downloads.
    publication_download = "publication-download",
    /// The error page's heading over the ways back.
    error_where_next = "error-where-next",
    /// What a feed reader lists the site's or a group's Atom feed as.
    feed_link = "feed-link",
    /// What a calendar app lists the site's calendar as, and the link to subscribe.
    event_calendar_site = "event-calendar-site",
    /// The heading over upcoming events.
    events_upcoming = "events-upcoming",
    /// The heading over past events.
    events_past = "events-past",
    /// What `/events/` says when nothing is coming up.
    events_none_upcoming = "events-none-upcoming",
    /// What an empty `/news/` says.
    news_none = "news-none",
    /// An event page's label before when it is.
    event_when = "event-when",
    /// An event page's label before where it is.
    event_where = "event-where",
    /// An event page's heading over its speakers and organisers.
    event_people = "event-people",
    /// What an event's page says once it is over.
    event_over = "event-over",
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message the code names by a literal id: `words.get("…")`, `words.with("…"`.
    fn ids_in_code() -> Vec<String> {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut ids = Vec::new();
        for file in
            walkdir::WalkDir::new(root).into_iter().flatten().filter(|f| f.path().extension() == Some("rs".as_ref()))
        {
            let code = std::fs::read_to_string(file.path()).unwrap_or_default();
            for call in ["words.get(", "words.with("] {
                for (at, _) in code.match_indices(call) {
                    let rest = code[at + call.len()..].trim_start();
                    let id = rest.strip_prefix('"').and_then(|quoted| quoted.split('"').next());
                    let is_id =
                        |id: &&str| id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                    ids.extend(id.filter(is_id).filter(|id| !id.is_empty()).map(str::to_owned));
                }
            }
        }
        ids
    }

    /// Every message the code names through an enum's key.
    fn ids_of_keys() -> Vec<String> {
        let mut ids = Vec::new();
        ids.extend(GroupKind::ALL.map(|k| format!("group-kind-{}", k.key())));
        ids.extend(ProjectKind::ALL.map(|k| format!("project-kind-{}", k.key())));
        ids.extend(Status::ALL.map(|s| format!("status-{}", s.key())));
        ids.extend(Role::ALL.map(|r| format!("role-{}", r.key())));
        ids.extend(Role::ALL.map(|r| format!("role-heading-{}", r.key())));
        ids.extend(PublicationKind::ALL.map(|k| format!("publication-kind-{}", k.key())));
        ids.extend(Level::ALL.map(|l| format!("level-{}", l.key())));
        ids.extend(EventStatus::ALL.map(|s| format!("event-status-{}", s.key())));
        ids.extend(EntityKind::ALL.map(|k| format!("entity-plural-{k}")));
        ids.extend(EntityKind::ALL.map(|k| format!("section-{k}")));
        ids.extend(crate::paths::SECTIONS.map(|k| format!("home-count-{k}")));
        ids
    }

    #[test]
    fn every_message_the_code_names_is_in_every_catalogue() {
        let in_code = ids_in_code();
        assert!(in_code.len() > 50, "the scan finds the calls: {in_code:?}");
        let ids: Vec<String> =
            in_code.into_iter().chain(ids_of_keys()).chain(Labels::IDS.iter().map(|id| (*id).to_owned())).collect();
        for (language, _) in CATALOGUES {
            let words = Words::for_language(language);
            let missing: Vec<_> = ids.iter().filter(|id| words.inner.bundle.get_message(id).is_none()).collect();
            assert!(missing.is_empty(), "`{language}` lacks {missing:?}");
        }
    }

    #[test]
    fn every_catalogue_parses_whole() {
        for (language, source) in CATALOGUES {
            assert!(FluentResource::try_new((*source).to_owned()).is_ok(), "`{language}` has syntax errors");
        }
    }

    #[test]
    fn counts_choose_the_plural_form() {
        let words = Words::english();
        let count = |n: usize| words.section_count(EntityKind::Person, n);
        assert_eq!([count(0), count(1), count(12)], ["0 people", "1 person", "12 people"]);
    }

    #[test]
    fn placeables_carry_no_isolation_marks() {
        let words = Words::english();
        assert_eq!(words.with("period-from", &[("start", "2021".into())]), "From 2021");
    }

    #[test]
    fn lists_read_as_a_phrase() {
        let words = Words::english();
        let list = |items: &[&str]| words.and_list(&items.iter().map(|i| (*i).to_owned()).collect::<Vec<_>>());
        assert_eq!([list(&["A"]), list(&["A", "B"]), list(&["A", "B", "C"])], ["A", "A and B", "A, B and C"]);
    }

    #[test]
    fn numbers_are_grouped_as_each_language_writes_them() {
        let count = |tag: &str, n: usize| Words::for_language(tag).section_count(EntityKind::Person, n);
        assert_eq!(count("en", 12_345), "12,345 people");
        assert_eq!(count("nb", 12_345), "12\u{a0}345 personer");
        assert_eq!(count("nn", 1_000_000), "1\u{a0}000\u{a0}000 personar");
        assert_eq!(count("nb", 1), "1 person", "the plural still follows the number");
    }

    #[test]
    fn a_missing_message_shows_its_id() {
        assert_eq!(Words::english().get("no-such-message"), "no-such-message");
    }

    #[test]
    fn the_pseudo_language_marks_every_message() {
        let words = Words::for_language(PSEUDO);
        assert_eq!(words.section(EntityKind::Project), "⟦Projects⟧");
        assert_eq!(words.labels().skip_link, "⟦Skip to main content⟧");
    }

    #[test]
    fn a_language_without_a_catalogue_gets_english() {
        assert_eq!(Words::for_language("de-DE").section(EntityKind::Person), "People");
    }

    #[test]
    fn norwegian_in_bokmal_and_nynorsk_with_dates_as_norwegians_write_them() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        for (tag, people, projects) in [
            ("nb-NO", "Personer", "2 prosjekter"),
            ("no", "Personer", "2 prosjekter"),
            ("nn", "Personar", "2 prosjekt"),
        ] {
            let words = Words::for_language(tag);
            assert_eq!(words.section(EntityKind::Person), people, "{tag}");
            assert_eq!(words.date(day), "1. desember 2026", "{tag}");
            assert_eq!(words.section_count(EntityKind::Project, 2), projects, "{tag}");
        }
        assert_eq!(Words::for_language("en-GB").date(day), "1 December 2026");
        assert_eq!(Words::for_language("en").date(day), "December 1, 2026", "CLDR's English is American");
    }
}
