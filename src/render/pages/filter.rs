//! The GET forms that narrow a list (`/projects/`, `/people/`, `/publications/`): their
//! `<select>`s, the values a query may choose, and the mistake of a value that names nothing.

use super::super::{Context, Words};
use super::Arg;
use crate::link::Site;
use crate::model::{EntityKind, Slug};

/// A filter value that names nothing: a group, status or kind the site does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("there is no {field} “{value}” to filter the list of {list:?} by")]
pub struct UnknownFilter {
    /// The list being filtered: projects or people.
    pub list: EntityKind,
    /// `group`, `status`, `kind` or `page`.
    pub field: &'static str,
    /// The value as the address gave it.
    pub value: String,
}

impl UnknownFilter {
    /// The value `value` of `field` in the query of the list of `list`, which names nothing.
    pub fn new(list: EntityKind, field: &'static str, value: &str) -> Self {
        UnknownFilter { list, field, value: value.to_owned() }
    }

    /// What the visitor reads on the 400 page.
    pub fn message(&self, words: &Words) -> String {
        let value = [("value", Arg::from(&self.value))];
        match self.field {
            "group" if self.list == EntityKind::Person => words.with("people-unknown-group", &value),
            "group" => words.with("filter-unknown-group", &value),
            "status" => words.with("filter-unknown-status", &value),
            "page" => words.with("list-unknown-page", &value),
            _ => words.with("filter-unknown-kind", &value),
        }
    }
}

/// The query of a list that a GET form narrows (`/projects/`, `/people/`): its filters, the
/// page of the narrowed list asked for, and the page drawn; the server answers every such
/// list the same way.
pub trait ListFilter: serde::de::DeserializeOwned {
    /// The list it narrows.
    const LIST: EntityKind;
    /// The filters' values as the query gave them (not the page).
    fn values(&self) -> Vec<&Option<String>>;
    /// The page of the narrowed list as the query gave it.
    fn page(&self) -> &Option<String>;
    /// Whether a filter (not the page) is set: the whole list's pages have addresses of their
    /// own rather than `?page=`.
    fn is_filtered(&self) -> bool {
        self.values().into_iter().any(|v| chosen(v).is_some())
    }
    /// The page asked for, 1 where none is; an [`UnknownFilter`] where it is not a number.
    fn page_number(&self) -> Result<usize, UnknownFilter> {
        super::paging::page_number(self.page()).map_err(|value| UnknownFilter::new(Self::LIST, "page", value))
    }
    /// Page `number` of the list so narrowed, drawn; none past its last page.
    fn draw(
        &self,
        site: &Site,
        context: &Context,
        number: usize,
    ) -> Result<Option<askama::Result<String>>, UnknownFilter>;
}

/// One choice in a filter's `<select>`.
pub struct Choice {
    /// What the address carries; empty for "Any".
    pub value: String,
    /// What the visitor reads.
    pub label: String,
    /// The value the list is filtered by now, so the form shows the current filters.
    pub selected: bool,
}

/// One `<select>` of a list's GET form: the query parameter it sets, its label, its choices.
pub struct Filter {
    /// The query parameter, `group`; also the control's id, `filter-group`.
    pub name: &'static str,
    /// What the visitor reads above it.
    pub label: String,
    /// "Any" first, then the values the list can be narrowed to.
    pub choices: Vec<Choice>,
}

impl Filter {
    /// The filter `name`, labelled by the catalogue's `filter-{name}`.
    pub(super) fn new(words: &Words, name: &'static str, choices: Vec<Choice>) -> Self {
        Filter { name, label: words.get(&format!("filter-{name}")), choices }
    }
}

/// A filter's value, or none where the address leaves it out or blank ("any").
pub(super) fn chosen(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// The slug of an entity in `known` that a filter's `value` names, none where the value is
/// left out; the value itself, as an error, where it names none of them.
pub(super) fn chosen_slug<'v, T>(
    value: Option<&'v str>,
    known: &std::collections::BTreeMap<Slug, T>,
) -> Result<Option<Slug>, &'v str> {
    value.map(|v| Slug::parse(v).filter(|s| known.contains_key(s)).ok_or(v)).transpose()
}

/// A filter's choices: "Any" first, then `all` as `(value, label)`, the `current` one selected.
pub(super) fn choices(
    words: &Words,
    all: impl IntoIterator<Item = (String, String)>,
    current: Option<&str>,
) -> Vec<Choice> {
    let any = Choice { value: String::new(), label: words.get("filter-any"), selected: current.is_none() };
    let rest = all.into_iter().map(|(value, label)| Choice { selected: current == Some(value.as_str()), value, label });
    std::iter::once(any).chain(rest).collect()
}
