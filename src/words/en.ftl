# Every word the site shows visitors that does not come from content/, in English.
# Ids are kebab-case; ids ending in a model key (`project-kind-phd-project`) are looked up by
# the enum's `key()`, so every value of the enum needs its message.

## The frame of every page

skip-link = Skip to main content
nav-main = Main
# The language switcher's label, and this language's name in itself, as the switcher of
# every other language names it.
nav-languages = Language
language-name = English
nav-breadcrumb = Breadcrumb
crumb-home = Home
# Between two crumbs, before the later one; a right-to-left language turns it round.
crumb-separator = ›
page-title = { $page } – { $site }
site-search = Site
site-search-label = Search the site
search-button = Search
on-this-page = On this page
links = Links

## The editor's preview

preview-mistakes = The content has mistakes.
preview-mistakes-hint = This preview shows the last version that checked clean. Fix these and save:
preview-warnings = The content has warnings.
preview-warnings-hint = This preview is up to date, but these values are left out of it. Fix them and save:
preview-untranslated = Not everything is translated yet.
preview-untranslated-hint = Pages in these languages show the default language’s text where a translation is missing, marked as such:
preview-held-back = This change removes { $removals }.
preview-held-back-hint = This preview still shows them. Save any file in the content folder again to publish the change, or undo the deletion. What would go:
preview-removal = { $gone } of { $had } { $kinds }
preview-more = and { $count } more { $kinds }
entity-plural-group = groups
entity-plural-project = projects
entity-plural-person = people
entity-plural-partner = partners
entity-plural-publication = publications
entity-plural-practice = practices
entity-plural-news = news stories
entity-plural-event = events
entity-plural-page = pages

## Lists in a sentence: "A, B and C"

list-pair = { $first } and { $second }
list-series = { $first }, { $rest }

## Sections, by kind: in the navigation, on the home page, as headings and over search results

section-group = Groups
section-project = Projects
section-person = People
section-partner = Partners
section-publication = Publications
section-practice = Practices
section-news = News
section-event = Events
section-page = Pages

## The home page

home-groups = Groups
home-explore = Explore
home-count-project = { $count ->
    [one] { $count } project
   *[other] { $count } projects
}
home-count-person = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
home-count-partner = { $count ->
    [one] { $count } partner
   *[other] { $count } partners
}
home-count-publication = { $count ->
    [one] { $count } publication
   *[other] { $count } publications
}
home-count-practice = { $count ->
    [one] { $count } practice
   *[other] { $count } practices
}
home-count-news = { $count ->
    [one] { $count } story
   *[other] { $count } stories
}
home-count-event = { $count ->
    [one] { $count } event
   *[other] { $count } events
}

## Kinds, roles, statuses and levels, by the model's keys

group-kind-research-group = Research group
group-kind-research-centre = Research center
project-kind-project = Project
project-kind-phd-project = PhD project
project-kind-edited-book = Edited book
project-kind-review = Review
project-kind-expert-group = Expert group
status-ongoing = Ongoing
status-completed = Completed
role-member = Member
role-external-member = External member
role-advisory-board = Advisory board
role-associated-researcher = Associated researcher
role-heading-member = Members
role-heading-external-member = External members
role-heading-advisory-board = Advisory board
role-heading-associated-researcher = Associated researchers
publication-kind-special-issue = Special issue
publication-kind-edited-book = Edited book
publication-kind-journal = Journal
publication-kind-report = Report
publication-kind-article = Article
publication-kind-book = Book
publication-kind-chapter = Chapter
publication-kind-conference-paper = Conference paper
publication-kind-thesis = Thesis
level-neighbourhood = Neighbourhood
level-municipality = Municipality
level-national = National
level-international = International

## A group's page

group-photo-credit = Photo: { $credit }
# Before the name of whoever a group page's quote is by, in the HTML so text browsers show it too.
quote-source = —
group-about = About
group-spotlights = Spotlight areas
group-follow = Follow

## Projects

period-both = { $start }–{ $end }
period-from = From { $start }
period-until = Until { $end }
projects-description = All { $total } projects and research activities of { $site }.
projects-count = { $total ->
    [one] { $total } project
   *[other] { $total } projects
}
projects-count-filtered = { $total ->
    [one] { $shown } of { $total } project
   *[other] { $shown } of { $total } projects
}
filter-group = Group
filter-status = Status
filter-kind = Kind
filter-any = Any
filter-submit = Show projects
filter-clear = Clear filters
filter-unreadable = The filters in this address could not be read.
filter-unknown-group = There is no group “{ $value }” to filter projects by.
filter-unknown-status = There is no status “{ $value }” to filter projects by.
filter-unknown-kind = There is no kind “{ $value }” to filter projects by.
projects-none = No projects match these filters.
projects-show-all = Show all projects
project-description = { $heading }. { $kind } of { $groups }.
project-subprojects = Sub-projects
project-outputs = Publications
fact-acronym = Acronym
fact-kind = Kind
fact-status = Status
fact-period = Period
fact-coordinator = Coordinator
fact-leader = Project leader
fact-funder = Funder
fact-programme = Programme
fact-collaborators = Collaborators
fact-language = Language
fact-groups = Groups
fact-part-of = Part of

## People

people-description = The people of { $site }: members, external members, advisory board and associated researchers.
people-former = Former members
membership-former = former member
people-others = Other people
people-count = { $total ->
    [one] { $total } person
   *[other] { $total } people
}
people-count-filtered = { $total ->
    [one] { $shown } of { $total } person
   *[other] { $shown } of { $total } people
}
people-unknown-group = There is no group “{ $value }” to filter people by.
person-contact = Contact
person-email = Email
person-phone = Phone
person-vcard = Add { $name } to your contacts (vCard)
person-groups = Groups
person-edited = Edited
person-publications = Publications
person-orcid = ORCID
publication-doi = DOI
publication-online = Read it online
publication-editors = Edited by
publication-isbn = ISBN
publication-abstract = Abstract
publication-cite = Cite
publication-volume = Volume { $volume }
publication-issue = Issue { $issue }
publication-pages = Pages { $pages }
person-biography = Biography
publication-download = Download
publication-bibtex = BibTeX
publication-ris = RIS

## Partners, publications and practices

partners-description = The organisations { $site } work with.
partners-listed = Partners
partners-others = Institutions in our projects
publications-description-narrowed = { $shown ->
    [one] One publication
   *[other] { $shown } publications
} of { $site }, newest first — { $narrowed }.
publications-description = The publications of { $site }, newest first: articles, books, special issues, edited books, journals and reports.
list-page-title = { $list }, page { $page }
publications-count = { $total ->
    [one] { $total } publication
   *[other] { $total } publications
}
publications-count-filtered = { $total ->
    [one] { $shown } of { $total } publication
   *[other] { $shown } of { $total } publications
}
publications-year-none = Year not given
publications-filter-submit = Show publications
people-filter-submit = Show people
publications-none = No publications match these filters.
publications-show-all = Show all publications
list-pager = Pages of the list
list-previous = Previous page
list-next = Next page
list-position = Page { $page } of { $pages }
list-section-continued = { $section } (continued)
publications-unknown-year = There is no year “{ $value }” to filter publications by.
publications-unknown-kind = There is no kind “{ $value }” to filter publications by.
publications-unknown-group = There is no group “{ $value }” to filter publications by.
publications-unknown-person = There is no person “{ $value }” to filter publications by.
list-unknown-page = There is no page “{ $value }” of this list.
list-past-last-page = There is no page { $page } of this list.
group-all-publications = All publications of { $group }
group-all-people = All { $count } people of { $group }
group-all-projects = All { $count } projects of { $group }
filter-year = Year
filter-person = Person
practices-description = Promising practices from the neighbourhood to the international level, gathered by { $site }.
related-groups = Groups
related-projects = Projects
related-editors = Editors
related-project = Project
related-book-project = About the book project

## Search

search-title = Search
search-query-label = Name, title, word, email or phone number
search-suggestions = Did you mean one of these?
search-pager = Result pages
search-previous = Previous results
search-next = Next results
search-position = Page { $page } of { $pages }
search-nothing-asked = Type a name, a title, a word or a phone number, and press Search.
search-too-long = Nothing was searched: a search can be at most { $max } characters long; this one has { $length }. Shorten it and try again.
search-not-text = This search could not be read as text. Type it in the search box.
search-no-letters = There are no letters or digits in this search. Type a name or a word.
search-results = { $count ->
    [0] Nothing matches “{ $query }”.
    [one] { $count } result for “{ $query }”.
   *[other] { $count } results for “{ $query }”.
}
search-past-last-page = There is no page { $page } of results.
search-best-shown = The best { $count } are shown; add a word to narrow it.
search-unreadable = The search in this address could not be read; type it in the search box.
search-unavailable = Search is not available. The problem has been logged.
search-kind-person = Person
search-kind-partner = Partner
search-kind-practice = Practice
search-kind-page = Page
search-kind-news = News
search-kind-event = Event

## Error pages

error-not-found-title = Page not found
error-not-found = There is no page at this address. It may have moved, or the link may have a typo.
error-bad-request-title = Bad request
error-try = Try { $link }.
error-where-next = Where to go from here
error-groups-on-home = the groups on the home page
error-internal = Internal server error. The problem has been logged.

## Dates and times, on the site's clock

# A time of day, 24-hour: 14:00.
time = { $hour }:{ $minute }
# A time on a day, with the time zone's abbreviation: 1 December 2026, 14:00 (CET).
when-at = { $date }, { $time } ({ $zone })
# From one time to another on one day: 1 December 2026, 14:00–16:00 (CET).
when-same-day = { $date }, { $from }–{ $to } ({ $zone })
# From one day, or time, to another: 1 December 2026 – 3 December 2026.
when-span = { $from } – { $to }

## News

news-description = News from { $site }, newest first.
news-none = No news yet.
news-all = All news
news-people = People
news-projects = Projects

## Events

events-description = Seminars, conferences and other events of { $site }: upcoming first, then past.
events-upcoming = Upcoming events
events-past = Past events
events-none-upcoming = No events are coming up.
events-all = All events
event-when = When
event-where = Where
event-online = Online
event-join = Join online
event-registration = Register
event-people = Speakers and organisers
event-calendar = Add to calendar (.ics)
event-calendar-group = Subscribe to the calendar of { $group } (.ics)
event-calendar-site = Subscribe to the calendar (.ics)
event-over = This event is over.
event-status-scheduled = Scheduled
event-status-cancelled = Cancelled
event-status-postponed = Postponed
event-status-rescheduled = Rescheduled
event-status-moved-online = Moved online

## Feeds

feed-title-site = { $site }
feed-title-group = { $group } – { $site }
feed-link = News feed (Atom)
feed-event = Event: { $title }
