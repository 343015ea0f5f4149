# Every word the site shows visitors that does not come from content/, in Norwegian bokmål.
# Ids are kebab-case; ids ending in a model key (`project-kind-phd-project`) are looked up by
# the enum's `key()`, so every value of the enum needs its message.

## The frame of every page

skip-link = Hopp til innholdet
nav-main = Hovedmeny
# The language switcher's label, and this language's name in itself, as the switcher of
# every other language names it.
nav-languages = Språk
language-name = Norsk bokmål
nav-breadcrumb = Brødsmulesti
crumb-home = Hjem
# Between two crumbs, before the later one; a right-to-left language turns it round.
crumb-separator = ›
page-title = { $page } – { $site }
site-search = Nettstedet
site-search-label = Søk på nettstedet
search-button = Søk
on-this-page = På denne siden
links = Lenker

## The editor's preview

preview-mistakes = Innholdet har feil.
preview-mistakes-hint = Denne forhåndsvisningen viser den siste versjonen som var uten feil. Rett disse og lagre:
preview-warnings = Innholdet har advarsler.
preview-warnings-hint = Denne forhåndsvisningen er oppdatert, men disse verdiene er utelatt. Rett dem og lagre:
preview-untranslated = Ikke alt er oversatt ennå.
preview-untranslated-hint = Sidene på disse språkene viser teksten på standardspråket der en oversettelse mangler, merket som det:
preview-held-back = Denne endringen fjerner { $removals }.
preview-held-back-hint = Forhåndsvisningen viser dem fortsatt. Lagre en hvilken som helst fil i innholdsmappen på nytt for å publisere endringen, eller angre slettingen. Dette ville forsvinne:
preview-removal = { $gone } av { $had } { $kinds }
preview-more = og { $count } { $kinds } til
entity-plural-group = grupper
entity-plural-project = prosjekter
entity-plural-person = personer
entity-plural-partner = partnere
entity-plural-publication = publikasjoner
entity-plural-practice = praksiser
entity-plural-news = nyhetssaker
entity-plural-event = arrangementer
entity-plural-page = sider

## Lists in a sentence: "A, B og C"

list-pair = { $first } og { $second }
list-series = { $first }, { $rest }

## Sections, by kind: in the navigation, on the home page, as headings and over search results

section-group = Grupper
section-project = Prosjekter
section-person = Personer
section-partner = Partnere
section-publication = Publikasjoner
section-practice = Praksiser
section-news = Nyheter
section-event = Arrangementer
section-page = Sider

## The home page

home-groups = Grupper
home-explore = Utforsk
home-count-project = { $count ->
    [one] { $count } prosjekt
   *[other] { $count } prosjekter
}
home-count-person = { $count ->
    [one] { $count } person
   *[other] { $count } personer
}
home-count-partner = { $count ->
    [one] { $count } partner
   *[other] { $count } partnere
}
home-count-publication = { $count ->
    [one] { $count } publikasjon
   *[other] { $count } publikasjoner
}
home-count-practice = { $count ->
    [one] { $count } praksis
   *[other] { $count } praksiser
}
home-count-news = { $count ->
    [one] { $count } sak
   *[other] { $count } saker
}
home-count-event = { $count ->
    [one] { $count } arrangement
   *[other] { $count } arrangementer
}

## Kinds, roles, statuses and levels, by the model's keys

group-kind-research-group = Forskningsgruppe
group-kind-research-centre = Forskningssenter
project-kind-project = Prosjekt
project-kind-phd-project = Doktorgradsprosjekt
project-kind-edited-book = Redigert bok
project-kind-review = Kunnskapsoppsummering
project-kind-expert-group = Ekspertgruppe
status-ongoing = Pågående
status-completed = Avsluttet
role-member = Medlem
role-external-member = Eksternt medlem
role-advisory-board = Rådgivende utvalg
role-associated-researcher = Tilknyttet forsker
role-heading-member = Medlemmer
role-heading-external-member = Eksterne medlemmer
role-heading-advisory-board = Rådgivende utvalg
role-heading-associated-researcher = Tilknyttede forskere
publication-kind-special-issue = Temanummer
publication-kind-edited-book = Redigert bok
publication-kind-journal = Tidsskrift
publication-kind-report = Rapport
publication-kind-article = Artikkel
publication-kind-book = Bok
publication-kind-chapter = Kapittel
publication-kind-conference-paper = Konferanseartikkel
publication-kind-thesis = Avhandling
level-neighbourhood = Nabolag
level-municipality = Kommune
level-national = Nasjonalt
level-international = Internasjonalt

## A group's page

group-photo-credit = Foto: { $credit }
# Before the name of whoever a group page's quote is by, in the HTML so text browsers show it too.
quote-source = —
group-about = Om oss
group-spotlights = Fokusområder
group-follow = Følg oss

## Projects

period-both = { $start }–{ $end }
period-from = Fra { $start }
period-until = Til { $end }
projects-description = Alle de { $total } prosjektene og forskningsaktivitetene til { $site }.
projects-count = { $total ->
    [one] { $total } prosjekt
   *[other] { $total } prosjekter
}
projects-count-filtered = { $total ->
    [one] { $shown } av { $total } prosjekt
   *[other] { $shown } av { $total } prosjekter
}
filter-group = Gruppe
filter-status = Status
filter-kind = Type
filter-any = Alle
filter-submit = Vis prosjekter
filter-clear = Fjern filtrene
filter-unreadable = Filtrene i denne adressen kunne ikke leses.
filter-unknown-group = Det finnes ingen gruppe «{ $value }» å filtrere prosjektene etter.
filter-unknown-status = Det finnes ingen status «{ $value }» å filtrere prosjektene etter.
filter-unknown-kind = Det finnes ingen type «{ $value }» å filtrere prosjektene etter.
projects-none = Ingen prosjekter passer med disse filtrene.
projects-show-all = Vis alle prosjekter
project-description = { $heading }. { $kind } i { $groups }.
project-subprojects = Delprosjekter
project-outputs = Publikasjoner
fact-acronym = Akronym
fact-kind = Type
fact-status = Status
fact-period = Periode
fact-coordinator = Koordinator
fact-leader = Prosjektleder
fact-funder = Finansiør
fact-programme = Program
fact-collaborators = Samarbeidspartnere
fact-language = Språk
fact-groups = Grupper
fact-part-of = Del av

## People

people-description = Personene i { $site }: medlemmer, eksterne medlemmer, rådgivende utvalg og tilknyttede forskere.
people-former = Tidligere medlemmer
membership-former = tidligere medlem
people-others = Andre personer
people-count = { $total ->
    [one] { $total } person
   *[other] { $total } personer
}
people-count-filtered = { $total ->
    [one] { $shown } av { $total } person
   *[other] { $shown } av { $total } personer
}
people-unknown-group = Det finnes ingen gruppe «{ $value }» å filtrere personene etter.
person-contact = Kontakt
person-email = E-post
person-phone = Telefon
person-vcard = Legg { $name } til i kontaktene dine (vCard)
person-groups = Grupper
person-edited = Redaktør for
person-publications = Publikasjoner
person-orcid = ORCID
publication-doi = DOI
publication-online = Les den på nett
publication-editors = Redigert av
publication-isbn = ISBN
publication-abstract = Sammendrag
publication-cite = Siter
publication-volume = Volum { $volume }
publication-issue = Nummer { $issue }
publication-pages = Sider { $pages }
person-biography = Biografi
publication-download = Last ned
publication-bibtex = BibTeX
publication-ris = RIS

## Partners, publications and practices

partners-description = Organisasjonene { $site } samarbeider med.
partners-listed = Partnere
partners-others = Institusjoner i prosjektene våre
publications-description-narrowed = { $shown ->
    [one] Én publikasjon
   *[other] { $shown } publikasjoner
} fra { $site }, nyeste først — { $narrowed }.
publications-description = Publikasjonene til { $site }, nyeste først: artikler, bøker, temanumre, redigerte bøker, tidsskrifter og rapporter.
list-page-title = { $list }, side { $page }
publications-count = { $total ->
    [one] { $total } publikasjon
   *[other] { $total } publikasjoner
}
publications-count-filtered = { $total ->
    [one] { $shown } av { $total } publikasjon
   *[other] { $shown } av { $total } publikasjoner
}
publications-year-none = Uten årstall
publications-filter-submit = Vis publikasjoner
people-filter-submit = Vis personer
publications-none = Ingen publikasjoner passer med disse filtrene.
publications-show-all = Vis alle publikasjoner
list-pager = Sider i listen
list-previous = Forrige side
list-next = Neste side
list-position = Side { $page } av { $pages }
list-section-continued = { $section } (fortsatt)
publications-unknown-year = Det finnes ikke noe år «{ $value }» å filtrere publikasjonene etter.
publications-unknown-kind = Det finnes ingen type «{ $value }» å filtrere publikasjonene etter.
publications-unknown-group = Det finnes ingen gruppe «{ $value }» å filtrere publikasjonene etter.
publications-unknown-person = Det finnes ingen person «{ $value }» å filtrere publikasjonene etter.
list-unknown-page = Det finnes ingen side «{ $value }» i denne listen.
list-past-last-page = Det finnes ingen side { $page } i denne listen.
group-all-publications = Alle publikasjoner fra { $group }
group-all-people = Alle { $count } personer i { $group }
group-all-projects = Alle { $count } prosjekter i { $group }
filter-year = År
filter-person = Person
practices-description = Lovende praksiser fra nabolagsnivå til internasjonalt nivå, samlet av { $site }.
related-groups = Grupper
related-projects = Prosjekter
related-editors = Redaktører
related-project = Prosjekt
related-book-project = Om bokprosjektet

## Search

search-title = Søk
search-query-label = Navn, tittel, ord, e-post eller telefonnummer
search-suggestions = Mente du en av disse?
search-pager = Resultatsider
search-previous = Forrige resultatside
search-next = Neste resultatside
search-position = Side { $page } av { $pages }
search-nothing-asked = Skriv et navn, en tittel, et ord eller et telefonnummer, og trykk på Søk.
search-too-long = Det ble ikke søkt: et søk kan være på høyst { $max } tegn, og dette har { $length }. Gjør det kortere og prøv igjen.
search-not-text = Dette søket kunne ikke leses som tekst. Skriv det inn i søkefeltet.
search-no-letters = Det er ingen bokstaver eller sifre i dette søket. Skriv et navn eller et ord.
search-results = { $count ->
    [0] Ingen treff for «{ $query }».
    [one] { $count } treff for «{ $query }».
   *[other] { $count } treff for «{ $query }».
}
search-past-last-page = Det finnes ingen side { $page } med resultater.
search-best-shown = De { $count } beste treffene vises; legg til et ord for å snevre inn søket.
search-unreadable = Søket i denne adressen kunne ikke leses; skriv det inn i søkefeltet.
search-unavailable = Søket er ikke tilgjengelig. Problemet er logget.
search-kind-person = Person
search-kind-partner = Partner
search-kind-practice = Praksis
search-kind-page = Side
search-kind-news = Nyhet
search-kind-event = Arrangement

## Error pages

error-not-found-title = Fant ikke siden
error-not-found = Det finnes ingen side på denne adressen. Den kan ha blitt flyttet, eller lenken kan inneholde en skrivefeil.
error-bad-request-title = Ugyldig forespørsel
error-try = Prøv { $link }.
error-where-next = Gå videre herfra
error-groups-on-home = gruppene på forsiden
error-internal = Intern serverfeil. Problemet er logget.

## Dates and times, on the site's clock

# A time of day, 24-hour: 14:00.
time = { $hour }:{ $minute }
# A time on a day, with the time zone's abbreviation: 1. desember 2026 kl. 14:00 (CET).
when-at = { $date } kl. { $time } ({ $zone })
# From one time to another on one day: 1. desember 2026 kl. 14:00–16:00 (CET).
when-same-day = { $date } kl. { $from }–{ $to } ({ $zone })
# From one day, or time, to another: 1. desember 2026 – 3. desember 2026.
when-span = { $from } – { $to }

## News

news-description = Nyheter fra { $site }, nyeste først.
news-none = Ingen nyheter ennå.
news-all = Alle nyheter
news-people = Personer
news-projects = Prosjekter

## Events

events-description = Seminarer, konferanser og andre arrangementer i regi av { $site }: kommende først, deretter tidligere.
events-upcoming = Kommende arrangementer
events-past = Tidligere arrangementer
events-none-upcoming = Ingen kommende arrangementer.
events-all = Alle arrangementer
event-when = Når
event-where = Hvor
event-online = Digitalt
event-join = Delta digitalt
event-registration = Meld deg på
event-people = Foredragsholdere og arrangører
event-calendar = Legg til i kalenderen (.ics)
event-calendar-group = Abonner på kalenderen til { $group } (.ics)
event-calendar-site = Abonner på kalenderen (.ics)
event-over = Dette arrangementet er over.
event-status-scheduled = Planlagt
event-status-cancelled = Avlyst
event-status-postponed = Utsatt
event-status-rescheduled = Nytt tidspunkt
event-status-moved-online = Gjennomføres digitalt

## Feeds

feed-title-site = { $site }
feed-title-group = { $group } – { $site }
feed-link = Nyhetsstrøm (Atom)
feed-event = Arrangement: { $title }
