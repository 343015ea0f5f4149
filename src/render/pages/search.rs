//! `/search/?q=`: what the site holds that matches a query, grouped by kind, a page at a time.

use crate::model::Mark as _;
use askama::Template;

use super::super::{Chrome, Context, Section};
use super::Linked;
use crate::link::Site;
use crate::model::EntityKind;
use crate::paths;
use crate::search::{BadQuery, Findings, Fragment, MAX_QUERY_CHARS, SearchIndex};

/// Results on one page; more are paged.
pub const PER_PAGE: usize = 20;
/// How many near names an empty result suggests.
const SUGGESTIONS: usize = 5;

/// `/search/`: the form, then the results grouped by kind, or a message saying why there are
/// none.
#[derive(Template)]
#[template(path = "pages/search.html")]
pub struct SearchPage<'a> {
    /// The frame; the header's search box shows the query too.
    pub chrome: Chrome<'a>,
    /// The query as typed, shown back in the form.
    pub query: String,
    /// The form's target.
    pub action: String,
    /// What happened, in a sentence: `12 results for "kvello"`, or why nothing was searched.
    pub status: String,
    /// The results on this page, by kind.
    pub groups: Vec<ResultGroup>,
    /// Names that look like the query, when nothing matched.
    pub suggestions: Vec<Linked>,
    /// The page before, where there is one.
    pub previous: Option<String>,
    /// The page after, where there is one.
    pub next: Option<String>,
    /// `Page 2 of 3`, when there is more than one.
    pub position: Option<String>,
    /// Why the query was not searched, for the response's status; the page says it too.
    pub refused: Option<BadQuery>,
}

/// The results of one kind on this page.
pub struct ResultGroup {
    /// What the results are.
    pub kind: EntityKind,
    /// `People`, `Projects` …
    pub heading: String,
    /// The heading's `id`.
    pub id: String,
    /// Best first.
    pub results: Vec<SearchResult>,
}

/// One thing found.
pub struct SearchResult {
    /// Where it is shown: its page, or its place in a list.
    pub href: String,
    /// What it is: `Person`, `PhD project`, `Special issue` …
    pub kind: String,
    /// The title, matching words marked.
    pub title: Vec<Fragment>,
    /// A passage of its text, matching words marked, with numbers (phones) kept whole.
    pub text: Vec<Run>,
}

/// A stretch of a result's passage: a number that must not break at its hyphens
/// (`+47-73598189`), or the text between such numbers.
pub struct Run {
    /// Whether it is such a number, shown so that no line breaks inside it.
    pub whole: bool,
    /// Its pieces, matching words marked.
    pub parts: Vec<Fragment>,
}

/// Where a query stands before it is searched.
pub enum Asked<'q> {
    /// A query to search for, and which page of results.
    Query {
        /// As typed.
        text: &'q str,
        /// 1 for the first page.
        page: usize,
    },
    /// No query: the visitor opened the search page.
    Nothing,
}

impl<'a> SearchPage<'a> {
    /// The results of `asked` in `index`, or the form with why the query was refused.
    pub fn new(site: &'a Site, context: &'a Context, index: &SearchIndex, asked: Asked<'_>) -> Self {
        let (text, page) = match asked {
            Asked::Query { text, page } => (text, page.max(1)),
            Asked::Nothing => ("", 1),
        };
        // An over-long query is shown cut, so the page stays small and the visitor can shorten it.
        let shown: String = text.chars().take(MAX_QUERY_CHARS).collect();
        let words = &context.words;
        let chrome = context
            .chrome(site, Section::Search, &words.get("search-title"), paths::SEARCH)
            .not_indexed()
            .searched(&shown);
        let action = context.urls.path(paths::SEARCH);
        let mut search = SearchPage {
            chrome,
            query: shown,
            action,
            status: String::new(),
            groups: Vec::new(),
            suggestions: Vec::new(),
            previous: None,
            next: None,
            position: None,
            refused: None,
        };
        let terms = match index.terms(text) {
            Ok(terms) => terms,
            Err(bad) => {
                let BadQuery::TooLong { max, length } = bad;
                search.status = words.with("search-too-long", &[("max", max.into()), ("length", length.into())]);
                search.refused = Some(bad);
                return search;
            }
        };
        if text.trim().is_empty() {
            search.status = words.get("search-nothing-asked");
            return search;
        }
        if terms.is_empty() {
            search.status = if text.contains(char::REPLACEMENT_CHARACTER) {
                words.get("search-not-text")
            } else {
                words.get("search-no-letters")
            };
            return search;
        }
        let findings = index.find(terms);
        search.status = words.with("search-results", &[("count", findings.total.into()), ("query", text.into())]);
        if findings.total == 0 {
            search.suggestions = index
                .suggest(text, SUGGESTIONS)
                .into_iter()
                .map(|title| Linked { label: title.to_owned().into(), href: search_href(context, title, 1) })
                .collect();
            return search;
        }
        search.page(site, context, index, &findings, page);
        search
    }

    fn page(&mut self, site: &Site, context: &Context, index: &SearchIndex, findings: &Findings<'_>, page: usize) {
        let words = &context.words;
        let pages = super::paging::page_count(findings.hits.len(), PER_PAGE);
        // Any page number an address can hold is answered: past the last, nothing is shown.
        let shown = findings.hits.iter().skip((page - 1).saturating_mul(PER_PAGE)).take(PER_PAGE);
        for entry in shown {
            let snippet = index.snippet(site, entry, &findings.terms);
            let result = SearchResult {
                href: super::href(site, context, entry.kind, &entry.slug),
                kind: entry.label.clone(),
                title: snippet.title,
                text: whole_numbers(snippet.text),
            };
            match self.groups.last_mut() {
                Some(group) if group.kind == entry.kind => group.results.push(result),
                _ => self.groups.push(ResultGroup {
                    kind: entry.kind,
                    heading: words.section(entry.kind),
                    id: format!("results-{}", entry.kind.folder()),
                    results: vec![result],
                }),
            }
        }
        if page > pages {
            // As text: an address can ask for a page past what a Fluent number holds exactly.
            let past = words.with("search-past-last-page", &[("page", page.to_string().into())]);
            self.status = format!("{} {past}", self.status);
        }
        if pages > 1 {
            self.position =
                Some(words.with("search-position", &[("page", page.min(pages).into()), ("pages", pages.into())]));
        }
        self.previous = (page > 1).then(|| search_href(context, &self.query, (page - 1).min(pages)));
        self.next = (page < pages).then(|| search_href(context, &self.query, page + 1));
        if findings.total > findings.hits.len() {
            let best = words.with("search-best-shown", &[("count", findings.hits.len().into())]);
            self.status = format!("{} {best}", self.status);
        }
    }
}

/// `fragments` as runs, each number with a hyphen between digits (a phone number written
/// `+47-73598189`, a span of years) a run of its own, so the page can keep it on one line.
fn whole_numbers(fragments: Vec<Fragment>) -> Vec<Run> {
    // Each character with whether it is marked and which number, if any, it belongs to.
    let chars: Vec<(char, bool)> = fragments.iter().flat_map(|f| f.text.chars().map(move |c| (c, f.marked))).collect();
    let mut number = vec![None; chars.len()];
    let mut start = 0;
    while start < chars.len() {
        let numeric = |c: char| c.is_ascii_digit() || c == '+' || c == '-';
        if !numeric(chars[start].0) {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < chars.len() && numeric(chars[end].0) {
            end += 1;
        }
        let hyphened =
            chars[start..end].windows(3).any(|w| w[0].0.is_ascii_digit() && w[1].0 == '-' && w[2].0.is_ascii_digit());
        if hyphened {
            number[start..end].fill(Some(start));
        }
        start = end;
    }
    let mut runs: Vec<Run> = Vec::new();
    let mut previous = None;
    for (i, &(c, marked)) in chars.iter().enumerate() {
        let belongs = number[i];
        let run = match runs.last_mut() {
            Some(run) if i > 0 && previous == Some(belongs) => run,
            _ => {
                runs.push(Run { whole: belongs.is_some(), parts: Vec::new() });
                let Some(run) = runs.last_mut() else { continue };
                run
            }
        };
        previous = Some(belongs);
        match run.parts.last_mut() {
            Some(part) if part.marked == marked => part.text.push(c),
            _ => run.parts.push(Fragment { text: c.to_string(), marked }),
        }
    }
    runs
}

/// The address of a search, with the query percent-encoded.
fn search_href(context: &Context, query: &str, page: usize) -> String {
    let mut href = format!("{}?q={}", paths::SEARCH, encode(query));
    if page > 1 {
        href.push_str(&format!("&page={page}"));
    }
    context.urls.path(&href)
}

/// A query string value: letters, digits and `-._~` as they are, spaces as `+`, the rest as
/// `%XX` bytes.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(byte as char),
            b' ' => out.push('+'),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}
