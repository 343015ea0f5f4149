//! How a long list is cut into pages: how many entries a page of each list holds, which
//! entries page `n` shows, the part of each section that falls on it, on which page an entry
//! of a list stands, and the pager and `rel=prev/next` between the pages. Every paged list
//! (`/people/`, `/projects/`, `/partners/`, `/practices/`, `/publications/`, `/news/`) reads
//! this one place, so a page's size is decided once.

use std::collections::HashMap;
use std::ops::Range;

use super::super::{Chrome, Context};
use crate::link::Site;
use crate::model::{EntityKind, Slug};
use crate::paths;

/// How many entries a page of the list of `kind` holds; a longer list is paged. Each is
/// chosen so that a page stays well under 1 MB of HTML whatever the size of the site (a
/// cache keeps every page), and so that the lists of one research group fit on one page:
///
/// - people: a card is a photo's `srcset`, a name, a title, places and roles, 1–2 KB, so
///   100 cards are at most about 200 KB; a group's few dozen people stay on one page;
/// - projects: a card is a title, kind, status, period and groups, under 1 KB: 100 a page;
/// - partners and practices: an entry carries its description and related links, 1–3 KB,
///   so 50 a page, as publications;
/// - publications: an entry with its byline and description, 50 a page;
/// - news: a card with its summary, 20 a page, as a news site shows them.
///
/// A kind without a paged list (groups, events, free pages) is never cut.
pub fn per_page(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person | EntityKind::Project => 100,
        EntityKind::Partner | EntityKind::Practice | EntityKind::Publication => 50,
        EntityKind::News => 20,
        EntityKind::Group | EntityKind::Event | EntityKind::Page => usize::MAX,
    }
}

/// How many pages a list of `len` entries at `per_page` has: at least one, so an empty list
/// still has its page.
pub fn page_count(len: usize, per_page: usize) -> usize {
    len.div_ceil(per_page.max(1)).max(1)
}

/// The page a filtered list's `?page=` asks for: 1 where it is left out or blank; `Err` with
/// the value as written where it is not a page number.
pub fn page_number(page: &Option<String>) -> Result<usize, &str> {
    match page.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        None => Ok(1),
        Some(p) => p.parse::<usize>().ok().filter(|n| *n >= 1).ok_or(p),
    }
}

/// One page of a list: its number, how many pages the list has, and which of its entries
/// (by position in the whole list) it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    /// The page, from 1.
    pub number: usize,
    /// How many pages the list has, at least one.
    pub pages: usize,
    /// The positions of the entries on this page, in the whole list's order.
    pub entries: Range<usize>,
}

impl Cut {
    /// Page `number` (from 1) of a list of `len` entries at `per_page` a page; none for page
    /// 0 or past the last page.
    pub fn new(len: usize, per_page: usize, number: usize) -> Option<Self> {
        let pages = page_count(len, per_page);
        if number == 0 || number > pages {
            return None;
        }
        let start = (number - 1).saturating_mul(per_page).min(len);
        Some(Cut { number, pages, entries: start..start.saturating_add(per_page).min(len) })
    }

    /// Page `number` of the list of `kind` with `len` entries, at [`per_page`] of the kind.
    pub fn of(kind: EntityKind, len: usize, number: usize) -> Option<Self> {
        Cut::new(len, per_page(kind), number)
    }

    /// The entries of `all` (the whole list, in order) on this page.
    pub fn of_slice<'s, T>(&self, all: &'s [T]) -> &'s [T] {
        all.get(self.entries.clone()).unwrap_or_default()
    }
}

/// The part of one section of a list that falls on a page.
pub struct Part<'s, S, T> {
    /// The section: a role, a kind of partner, a level of practice.
    pub section: &'s S,
    /// Its entries on this page, in order.
    pub entries: &'s [T],
    /// Whether the section began on an earlier page, so its heading says it goes on.
    pub continued: bool,
}

/// The parts of `sections` that fall on `cut`, in order. A list in sections is cut as one
/// run of entries, so a section can end on one page and go on on the next; a section with no
/// entries on the page is left out.
pub fn parts<'s, S, T>(sections: &'s [(S, Vec<T>)], cut: &Cut) -> Vec<Part<'s, S, T>> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (section, entries) in sections {
        let end = start + entries.len();
        let (from, to) = (cut.entries.start.max(start), cut.entries.end.min(end));
        if from < to {
            let entries = entries.get(from - start..to - start).unwrap_or_default();
            parts.push(Part { section, entries, continued: from > start });
        }
        start = end;
    }
    parts
}

/// How many entries `sections` hold together.
pub fn total<S, T>(sections: &[(S, Vec<T>)]) -> usize {
    sections.iter().map(|(_, entries)| entries.len()).sum()
}

/// The heading of a section's part on a page: as it is, or `Members (continued)` where the
/// section began on an earlier page.
pub fn heading(context: &Context, heading: String, continued: bool) -> String {
    if continued { context.words.with("list-section-continued", &[("section", heading.into())]) } else { heading }
}

/// The page (from 1) each entry of a list of `kind` in `sections` stands on, by slug, so
/// that other pages link to `/partners/page/2/#acme`. An entry is on the page of its first
/// place in the list.
pub fn entry_pages<S>(kind: EntityKind, sections: &[(S, Vec<Slug>)]) -> HashMap<Slug, usize> {
    let per_page = per_page(kind);
    let mut pages = HashMap::new();
    for (position, slug) in sections.iter().flat_map(|(_, slugs)| slugs).enumerate() {
        pages.entry(slug.clone()).or_insert(position / per_page + 1);
    }
    pages
}

/// The links between the pages of a list, as the page shows them below its entries.
#[derive(Debug, Clone, Default)]
pub struct Pager {
    /// The page before, base path included; none on the first.
    pub previous: Option<String>,
    /// The page after; none on the last.
    pub next: Option<String>,
    /// `Page 2 of 3`, where there is more than one page.
    pub position: Option<String>,
    /// Where the page before is, root-relative, for the head's `rel=prev`.
    previous_path: Option<String>,
    /// Where the page after is, for the head's `rel=next`.
    next_path: Option<String>,
}

impl Pager {
    /// The pager of `cut`, page `n` of the list being at `page_path(n)` (root-relative).
    pub fn new(context: &Context, cut: &Cut, page_path: impl Fn(usize) -> String) -> Self {
        let (urls, words) = (&context.urls, &context.words);
        let previous_path = (cut.number > 1).then(|| page_path(cut.number - 1));
        let next_path = (cut.number < cut.pages).then(|| page_path(cut.number + 1));
        Pager {
            previous: previous_path.as_deref().map(|p| urls.path(p)),
            next: next_path.as_deref().map(|p| urls.path(p)),
            position: (cut.pages > 1)
                .then(|| words.with("list-position", &[("page", cut.number.into()), ("pages", cut.pages.into())])),
            previous_path,
            next_path,
        }
    }

    /// The pager of page `cut` of the unfiltered list of `kind`, whose pages have addresses of
    /// their own.
    pub fn unfiltered(context: &Context, kind: EntityKind, cut: &Cut) -> Self {
        Pager::new(context, cut, |n| paths::list_page_number(kind, n))
    }

    /// The frame of page `cut` of the unfiltered list of `kind`: the list's own on page 1,
    /// `Projects, page 2` at its own canonical address after it, each with `rel=prev/next`
    /// in the head.
    pub fn chrome<'a>(&self, site: &'a Site, context: &'a Context, kind: EntityKind, cut: &Cut) -> Chrome<'a> {
        let chrome = if cut.number <= 1 {
            context.list_chrome(site, kind)
        } else {
            context.later_page_chrome(site, kind, cut.number, &paths::list_page_number(kind, cut.number))
        };
        let absolute = |path: &Option<String>| path.as_deref().map(|p| context.urls.absolute(p));
        chrome.paged(absolute(&self.previous_path), absolute(&self.next_path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_is_cut_into_full_pages_and_a_last_one() {
        assert_eq!(Cut::new(0, 50, 1).map(|c| (c.pages, c.entries)), Some((1, 0..0)), "an empty list has its page");
        assert_eq!(Cut::new(120, 50, 3).map(|c| (c.pages, c.entries)), Some((3, 100..120)));
        assert_eq!(Cut::new(120, 50, 4), None);
        assert_eq!(Cut::new(120, 50, 0), None);
        assert_eq!(Cut::new(100, 50, 2).map(|c| c.entries), Some(50..100), "no empty page after a full one");
        assert!(Cut::new(10, 50, usize::MAX).is_none());
    }

    #[test]
    fn a_section_goes_on_across_the_page_break() {
        let sections = vec![("a", vec![1, 2, 3]), ("b", vec![4, 5, 6, 7]), ("c", vec![8])];
        let cut = Cut::new(8, 3, 2).unwrap();
        let second: Vec<_> = parts(&sections, &cut).into_iter().map(|p| (*p.section, p.entries, p.continued)).collect();
        assert_eq!(second, [("b", &[4, 5, 6][..], false)]);
        let cut = Cut::new(8, 3, 3).unwrap();
        let third: Vec<_> = parts(&sections, &cut).into_iter().map(|p| (*p.section, p.entries, p.continued)).collect();
        assert_eq!(third, [("b", &[7][..], true), ("c", &[8][..], false)]);
    }

    #[test]
    fn an_entry_is_linked_on_the_page_it_stands_on() {
        let slugs: Vec<Slug> = (0..60).filter_map(|n| Slug::parse(&format!("p{n}"))).collect();
        let pages = entry_pages(EntityKind::Partner, &[((), slugs)]);
        assert_eq!(pages.get(&Slug::parse("p0").unwrap()), Some(&1));
        assert_eq!(pages.get(&Slug::parse("p49").unwrap()), Some(&1));
        assert_eq!(pages.get(&Slug::parse("p50").unwrap()), Some(&2));
    }
}
