# Every word the site shows visitors that does not come from content/, in Norwegian nynorsk.
# Ids are kebab-case; ids ending in a model key (`project-kind-phd-project`) are looked up by
# the enum's `key()`, so every value of the enum needs its message.

## The frame of every page

skip-link = Hopp til innhaldet
nav-main = Hovudmeny
# The language switcher's label, and this language's name in itself, as the switcher of
# every other language names it.
nav-languages = Språk
language-name = Norsk nynorsk
nav-breadcrumb = Brødsmulesti
crumb-home = Heim
# Between two crumbs, before the later one; a right-to-left language turns it round.
crumb-separator = ›
page-title = { $page } – { $site }
site-search = Nettstaden
site-search-label = Søk på nettstaden
search-button = Søk
on-this-page = På denne sida
links = Lenkjer

## The editor's preview

preview-mistakes = Innhaldet har feil.
preview-mistakes-hint = Denne førehandsvisinga viser den siste versjonen som var utan feil. Rett desse og lagre:
preview-warnings = Innhaldet har åtvaringar.
preview-warnings-hint = Denne førehandsvisinga er oppdatert, men desse verdiane er ikkje tekne med. Rett dei og lagre:
preview-untranslated = Ikkje alt er omsett enno.
preview-untranslated-hint = Sidene på desse språka viser teksten på standardspråket der ei omsetjing manglar, merkt som det:
preview-held-back = Denne endringa fjernar { $removals }.
preview-held-back-hint = Førehandsvisinga viser dei framleis. Lagre ei fil i innhaldsmappa på nytt for å publisere endringa, eller angre slettinga. Dette ville bli fjerna:
preview-removal = { $gone } av { $had } { $kinds }
preview-more = og { $count } { $kinds } til
entity-plural-group = grupper
entity-plural-project = prosjekt
entity-plural-person = personar
entity-plural-partner = partnarar
entity-plural-publication = publikasjonar
entity-plural-practice = praksisar
entity-plural-news = nyheiter
entity-plural-event = arrangement
entity-plural-page = sider

## Lists in a sentence: "A, B og C"

list-pair = { $first } og { $second }
list-series = { $first }, { $rest }

## Sections, by kind: in the navigation, on the home page, as headings and over search results

section-group = Grupper
section-project = Prosjekt
section-person = Personar
section-partner = Partnarar
section-publication = Publikasjonar
section-practice = Praksisar
section-news = Nyheiter
section-event = Arrangement
section-page = Sider

## The home page

home-groups = Grupper
home-explore = Utforsk
home-count-project = { $count ->
    [one] { $count } prosjekt
   *[other] { $count } prosjekt
}
home-count-person = { $count ->
    [one] { $count } person
   *[other] { $count } personar
}
home-count-partner = { $count ->
    [one] { $count } partnar
   *[other] { $count } partnarar
}
home-count-publication = { $count ->
    [one] { $count } publikasjon
   *[other] { $count } publikasjonar
}
home-count-practice = { $count ->
    [one] { $count } praksis
   *[other] { $count } praksisar
}
home-count-news = { $count ->
    [one] { $count } nyheit
   *[other] { $count } nyheiter
}
home-count-event = { $count ->
    [one] { $count } arrangement
   *[other] { $count } arrangement
}

## Kinds, roles, statuses and levels, by the model's keys

group-kind-research-group = Forskingsgruppe
group-kind-research-centre = Forskingssenter
project-kind-project = Prosjekt
project-kind-phd-project = Doktorgradsprosjekt
project-kind-edited-book = Redigert bok
project-kind-review = Gjennomgang
project-kind-expert-group = Ekspertgruppe
status-ongoing = Pågåande
status-completed = Avslutta
role-member = Medlem
role-external-member = Eksternt medlem
role-advisory-board = Rådgjevande utval
role-associated-researcher = Tilknytt forskar
role-heading-member = Medlemmer
role-heading-external-member = Eksterne medlemmer
role-heading-advisory-board = Rådgjevande utval
role-heading-associated-researcher = Tilknytte forskarar
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
group-spotlights = Satsingsområde
group-follow = Følg oss

## Projects

period-both = { $start }–{ $end }
period-from = Frå { $start }
period-until = Til { $end }
projects-description = Alle dei { $total } prosjekta og forskingsaktivitetane til { $site }.
projects-count = { $total ->
    [one] { $total } prosjekt
   *[other] { $total } prosjekt
}
projects-count-filtered = { $total ->
    [one] { $shown } av { $total } prosjekt
   *[other] { $shown } av { $total } prosjekt
}
filter-group = Gruppe
filter-status = Status
filter-kind = Type
filter-any = Alle
filter-submit = Vis prosjekt
filter-clear = Fjern filtra
filter-unreadable = Filtra i denne adressa kunne ikkje lesast.
filter-unknown-group = Det finst inga gruppe «{ $value }» å filtrere prosjekta etter.
filter-unknown-status = Det finst ingen status «{ $value }» å filtrere prosjekta etter.
filter-unknown-kind = Det finst ingen type «{ $value }» å filtrere prosjekta etter.
projects-none = Ingen prosjekt passar med desse filtra.
projects-show-all = Vis alle prosjekta
project-description = { $heading }. { $kind } ved { $groups }.
project-subprojects = Delprosjekt
project-outputs = Publikasjonar
fact-acronym = Akronym
fact-kind = Type
fact-status = Status
fact-period = Periode
fact-coordinator = Koordinator
fact-leader = Prosjektleiar
fact-funder = Finansiert av
fact-programme = Program
fact-collaborators = Samarbeidspartnarar
fact-language = Språk
fact-groups = Grupper
fact-part-of = Del av

## People

people-description = Personane i { $site }: medlemmer, eksterne medlemmer, rådgjevande utval og tilknytte forskarar.
people-former = Tidlegare medlemmer
membership-former = tidlegare medlem
people-others = Andre personar
people-count = { $total ->
    [one] { $total } person
   *[other] { $total } personar
}
people-count-filtered = { $total ->
    [one] { $shown } av { $total } person
   *[other] { $shown } av { $total } personar
}
people-unknown-group = Det finst inga gruppe «{ $value }» å filtrere personane etter.
person-contact = Kontakt
person-email = E-post
person-phone = Telefon
person-vcard = Legg { $name } til i kontaktane dine (vCard)
person-groups = Grupper
person-edited = Redigerte verk
person-publications = Publikasjonar
person-orcid = ORCID
publication-doi = DOI
publication-online = Les på nett
publication-editors = Redigert av
publication-isbn = ISBN
publication-abstract = Samandrag
publication-cite = Siter
publication-volume = Årgang { $volume }
publication-issue = Nummer { $issue }
publication-pages = Side { $pages }
person-biography = Biografi
publication-download = Last ned
publication-bibtex = BibTeX
publication-ris = RIS

## Partners, publications and practices

partners-description = Organisasjonane { $site } samarbeider med.
partners-listed = Partnarar
partners-others = Institusjonar i prosjekta våre
publications-description-narrowed = { $shown ->
    [one] Éin publikasjon
   *[other] { $shown } publikasjonar
} frå { $site }, nyaste først — { $narrowed }.
publications-description = Publikasjonane til { $site }, nyaste først: artiklar, bøker, temanummer, redigerte bøker, tidsskrift og rapportar.
list-page-title = { $list }, side { $page }
publications-count = { $total ->
    [one] { $total } publikasjon
   *[other] { $total } publikasjonar
}
publications-count-filtered = { $total ->
    [one] { $shown } av { $total } publikasjon
   *[other] { $shown } av { $total } publikasjonar
}
publications-year-none = Utan årstal
publications-filter-submit = Vis publikasjonar
people-filter-submit = Vis personar
publications-none = Ingen publikasjonar passar med desse filtra.
publications-show-all = Vis alle publikasjonane
list-pager = Sider i lista
list-previous = Førre side
list-next = Neste side
list-position = Side { $page } av { $pages }
list-section-continued = { $section } (framhald)
publications-unknown-year = Det finst ikkje noko år «{ $value }» å filtrere publikasjonane etter.
publications-unknown-kind = Det finst ingen type «{ $value }» å filtrere publikasjonane etter.
publications-unknown-group = Det finst inga gruppe «{ $value }» å filtrere publikasjonane etter.
publications-unknown-person = Det finst ingen person «{ $value }» å filtrere publikasjonane etter.
list-unknown-page = Det finst inga side «{ $value }» i denne lista.
list-past-last-page = Det finst inga side { $page } i denne lista.
group-all-publications = Alle publikasjonane til { $group }
group-all-people = Alle dei { $count } personane i { $group }
group-all-projects = Alle dei { $count } prosjekta i { $group }
filter-year = År
filter-person = Person
practices-description = Lovande praksisar frå nabolagsnivå til internasjonalt nivå, samla av { $site }.
related-groups = Grupper
related-projects = Prosjekt
related-editors = Redaktørar
related-project = Prosjekt
related-book-project = Om bokprosjektet

## Search

search-title = Søk
search-query-label = Namn, tittel, ord, e-post eller telefonnummer
search-suggestions = Meinte du ein av desse?
search-pager = Resultatsider
search-previous = Førre resultat
search-next = Neste resultat
search-position = Side { $page } av { $pages }
search-nothing-asked = Skriv inn eit namn, ein tittel, eit ord eller eit telefonnummer, og trykk på Søk.
search-too-long = Ingenting vart søkt etter: eit søk kan ha høgst { $max } teikn, men dette har { $length }. Kort ned søket og prøv igjen.
search-not-text = Dette søket kunne ikkje lesast som tekst. Skriv det inn i søkjefeltet.
search-no-letters = Det er ingen bokstavar eller siffer i dette søket. Skriv inn eit namn eller eit ord.
search-results = { $count ->
    [0] Ingen treff på «{ $query }».
    [one] { $count } treff på «{ $query }».
   *[other] { $count } treff på «{ $query }».
}
search-past-last-page = Det finst inga side { $page } med resultat.
search-best-shown = Her ser du dei { $count } beste treffa; legg til eit ord for å avgrense søket.
search-unreadable = Søket i denne adressa kunne ikkje lesast; skriv det inn i søkjefeltet.
search-unavailable = Søket er ikkje tilgjengeleg. Problemet er loggført.
search-kind-person = Person
search-kind-partner = Partnar
search-kind-practice = Praksis
search-kind-page = Side
search-kind-news = Nyheit
search-kind-event = Arrangement

## Error pages

error-not-found-title = Fann ikkje sida
error-not-found = Det finst inga side på denne adressa. Sida kan vere flytta, eller lenkja kan ha ein skrivefeil.
error-bad-request-title = Ugyldig førespurnad
error-try = Prøv { $link }.
error-where-next = Kvar vil du gå vidare?
error-groups-on-home = gruppene på framsida
error-internal = Intern serverfeil. Problemet er loggført.

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

news-description = Nyheiter frå { $site }, nyaste først.
news-none = Ingen nyheiter enno.
news-all = Alle nyheiter
news-people = Personar
news-projects = Prosjekt

## Events

events-description = Seminar, konferansar og andre arrangement ved { $site }: dei kommande først, så dei tidlegare.
events-upcoming = Kommande arrangement
events-past = Tidlegare arrangement
events-none-upcoming = Det er ingen kommande arrangement.
events-all = Alle arrangement
event-when = Tid
event-where = Stad
event-online = På nett
event-join = Delta på nett
event-registration = Meld deg på
event-people = Føredragshaldarar og arrangørar
event-calendar = Legg til i kalenderen (.ics)
event-calendar-group = Abonner på kalenderen til { $group } (.ics)
event-calendar-site = Abonner på kalenderen (.ics)
event-over = Dette arrangementet er over.
event-status-scheduled = Planlagt
event-status-cancelled = Avlyst
event-status-postponed = Utsett
event-status-rescheduled = Nytt tidspunkt
event-status-moved-online = Flytta til nett

## Feeds

feed-title-site = { $site }
feed-title-group = { $group } – { $site }
feed-link = Nyheitsstraum (Atom)
feed-event = Arrangement: { $title }
