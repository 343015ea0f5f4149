//! Each page type through the router, on the `pages` fixture (invented groups, projects and
//! people written for these cases): what a visitor must find on it.

mod common;

use common::{app, fixture, get, page};

fn app_on_fixture() -> axum::Router {
    app(&fixture("pages"))
}

fn position(haystack: &[String], needle: &str) -> usize {
    haystack.iter().position(|s| s.contains(needle)).unwrap_or_else(|| panic!("`{needle}` not in {haystack:#?}"))
}

#[tokio::test]
async fn home_shows_both_groups_with_taglines_and_ways_in() {
    let app = app_on_fixture();
    let home = page(&app, "/").await;
    // The site's description names both groups too: only the cards themselves count.
    let html = home.html();
    let link = scraper::Selector::parse(".group-card .card-title a").unwrap();
    let cards: Vec<(String, Option<&str>)> = html.select(&link).map(|a| (a.text().collect(), a.attr("href"))).collect();
    assert_eq!(
        cards,
        [
            ("Coast Centre: Nordic Research Centre for Coastal Life".to_owned(), Some("/groups/coast-centre/")),
            ("Fjord Studies Group".to_owned(), Some("/groups/fjord-studies/")),
        ]
    );
    let cards = home.texts(".group-card");
    assert!(cards[0].contains("Understanding coasts together with those who live on them"), "{cards:?}");
    assert!(cards[1].contains("The purpose of the group is to understand how fjords shape"), "{cards:?}");
    let links = home.texts("main a");
    for section in ["Projects", "People", "Partners", "Publications", "Practices"] {
        assert!(links.iter().any(|l| l == section), "home links to {section}: {links:?}");
    }
    assert_eq!(home.texts("h1"), ["Fjord Studies · Coast Centre"]);
}

#[tokio::test]
async fn group_page_shows_about_quote_people_partners_and_publications() {
    let app = app_on_fixture();
    let group = page(&app, "/groups/fjord-studies/").await;
    // Members' cards name the department too: the group's own line is in its page head.
    assert_eq!(group.texts(".page-head .kicker"), ["Research group · Department of Coastal Science"]);
    let text = group.text();
    for fact in [
        "Hanna Strand (2009, 2015)",
        "A fjord is a long memory of ice",
        "Berg & Dahl, 2019, p. 12",
        "Mastodon: fjord studies",
    ] {
        assert!(text.contains(fact), "the group page shows `{fact}`");
    }
    assert!(group.texts("#partners").join(" ").contains("The Tide Institute"), "its partner");
    let publications = group.texts("#publications").join(" ");
    for publication in ["Fjord Quarterly: Journal of Fjord Research", "Action methods for studying fjord communities"] {
        assert!(publications.contains(publication), "`{publication}` in {publications}");
    }
    let headings = group.texts("h3");
    assert!(position(&headings, "Members") < position(&headings, "External members"));
    let members = group.texts("#people .person-card");
    assert!(members.iter().any(|m| m.contains("Øystein Kvalheim")
        && m.contains("Professor")
        && m.contains("Department of Coastal Science")));
    assert_eq!(
        group.texts(".quote figcaption"),
        ["— Berg & Dahl, 2019, p. 12"],
        "the dash is in the text, for text browsers too"
    );
    let introduced = text.find("wrote of fjord towns as follows:").expect("the sentence that introduces the quotation");
    let quoted = text.find("A fjord is a long memory of ice").expect("the quotation");
    let after = text.find("Living by a fjord is living").expect("the next paragraph");
    assert!(introduced < quoted && quoted < after, "the quotation follows the sentence that introduces it");
}

#[tokio::test]
async fn centre_page_shows_spotlights_board_practices_journal_and_ongoing_projects_first() {
    let app = app_on_fixture();
    let centre = page(&app, "/groups/coast-centre/").await;
    assert_eq!(
        centre.texts(".spotlight h3"),
        ["Tides across the lifespan", "Harbours and economies", "Place-based change", "Responsible coastal innovation"]
    );
    let people = centre.texts("#people").join(" ");
    for fact in ["Advisory board", "Lars Dalby", "Associated researchers", "Tomas Szabo"] {
        assert!(people.contains(fact), "the centre's people show `{fact}`: {people}");
    }
    assert!(centre.texts("#practices").join(" ").contains("The Harbour Deal"), "its practice");
    assert!(
        centre.texts("#publications").join(" ").contains("Nordic Journal of Coasts and Coastal Life"),
        "its journal"
    );
    let cards = centre.texts("#projects .project-card");
    let last_ongoing = cards.iter().rposition(|c| c.contains("Ongoing")).expect("ongoing projects");
    let first_other = cards.iter().position(|c| !c.contains("Ongoing")).expect("other projects");
    assert!(last_ongoing < first_other, "ongoing projects come first: {cards:#?}");
    assert_eq!(cards.len(), 7);
    assert!(centre.body.contains("\"@type\":\"ResearchOrganization\""));
}

#[tokio::test]
async fn projects_list_every_project_and_filters_by_group_status_and_kind() {
    let app = app_on_fixture();
    let all = page(&app, "/projects/").await;
    assert_eq!(all.texts(".project-card").len(), 8);
    assert_eq!(all.texts(".count"), ["8 projects"]);
    for label in ["Group", "Status", "Kind"] {
        assert!(all.texts("form label").contains(&label.to_owned()), "a labelled {label} filter");
    }

    let filtered = page(&app, "/projects/?group=coast-centre&status=ongoing&kind=").await;
    let cards = filtered.texts(".project-card");
    assert_eq!(cards.len(), 3, "{cards:#?}");
    assert!(cards.iter().all(|c| c.contains("Ongoing") && c.contains("Coast Centre")), "{cards:#?}");
    assert_eq!(filtered.texts(".count"), ["3 of 8 projects"]);
    assert_eq!(
        filtered.texts("#filter-group option[selected]"),
        ["Coast Centre: Nordic Research Centre for Coastal Life"]
    );

    let phd = page(&app, "/projects/?kind=phd-project").await;
    assert_eq!(phd.texts(".project-card").len(), 2);
}

#[tokio::test]
async fn a_filter_that_matches_nothing_is_a_friendly_empty_page() {
    let app = app_on_fixture();
    // Both PhD projects are the centre's alone.
    let empty = page(&app, "/projects/?group=fjord-studies&kind=phd-project").await;
    assert!(empty.texts(".project-card").is_empty());
    assert!(empty.text().contains("No projects match these filters."));
    assert_eq!(empty.texts(".count"), ["0 of 8 projects"]);
    assert!(empty.texts(".empty a").contains(&"Show all projects".to_owned()));
}

#[tokio::test]
async fn an_unknown_filter_value_is_a_400_page_in_the_layout() {
    let app = app_on_fixture();
    let bad = get(&app, "/projects/?group=coast-center").await;
    assert_eq!(bad.status, 400);
    assert!(bad.text().contains("There is no group “coast-center” to filter projects by."), "{}", bad.text());
    assert!(bad.texts("nav[aria-label=Main] a").len() >= 5);
}

#[tokio::test]
async fn project_page_shows_every_field_with_links() {
    let app = app_on_fixture();
    let review = page(&app, "/projects/harbour-safety-review/").await;
    assert!(review.texts(".facts div").iter().any(|f| f.starts_with("Project leader Harbour Review Team")));
    let tide = page(&app, "/projects/tide/").await;
    let facts = tide.texts(".facts div");
    for fact in [
        "Acronym TIDE",
        "Period 2021–2024",
        "Coordinator University of Bergen – SEALAB",
        "Funder Nordic Sea Council",
        "Groups Fjord Studies Group; Coast Centre: Nordic Research Centre for Coastal Life",
    ] {
        assert!(facts.contains(&fact.to_owned()), "`{fact}` in {facts:#?}");
    }
    let html = tide.html();
    let links: Vec<_> =
        html.select(&scraper::Selector::parse(".facts a").unwrap()).filter_map(|a| a.attr("href")).collect();
    for href in ["/partners/#sealab", "/partners/#nordic-sea-council", "/groups/fjord-studies/"] {
        assert!(links.contains(&href), "`{href}` in {links:?}");
    }
    assert!(tide.body.contains("href=\"/people/oystein-kvalheim/\""), "its people link to their pages");
    assert!(tide.body.contains("\"@type\":\"ResearchProject\""));
    assert_eq!(tide.texts("h1"), ["TIDE: Tidal Rhythms In Daily Employment: Focusing on Shift Work at Sea"]);

    let parent = page(&app, "/projects/salt-marsh-research/").await;
    assert_eq!(parent.texts(".project-card .card-title").len(), 2, "two sub-projects");
    let child = page(&app, "/projects/measuring-salt-in-marshes/").await;
    assert!(child.texts(".facts div").contains(&"Part of Salt-marsh research".to_owned()));
    assert_eq!(child.texts(".breadcrumbs li").len(), 3, "Home › Projects › Salt-marsh research, then its heading");
}

#[tokio::test]
async fn people_are_grouped_by_role_and_sorted_by_family_name_norwegian_letters_last() {
    let app = app_on_fixture();
    let people = page(&app, "/people/").await;
    assert_eq!(people.texts("main h2"), ["Members", "External members", "Advisory board", "Associated researchers"]);
    let external = people.texts("#external-members + ul .person-name");
    assert_eq!(external.first().map(String::as_str), Some("Ellen Andersen"));
    assert_eq!(external.last().map(String::as_str), Some("Kari Berg Ørnes"), "Ø sorts after Z");
    assert!(position(&external, "Zakarias Zahl") < position(&external, "Kari Berg Ørnes"));
    assert!(position(&external, "Tone Bø") > position(&external, "Are Bjørk"), "ø sorts after j");
    assert!(
        position(&external, "Karin van Dalen") > position(&external, "Tone Bø")
            && position(&external, "Karin van Dalen") < position(&external, "Hanne Eide"),
        "van Dalen sorts under D"
    );
    assert!(position(&external, "Ragna Berg Lie") < position(&external, "Are Bjørk"), "Berg Lie sorts under B");
    let members = people.texts("#members + ul .person-name");
    assert!(position(&members, "Dag-Erik Rønning") > position(&members, "Jon Reinholt"));
    assert!(position(&members, "Dag-Erik Rønning") < position(&members, "Daniel Sand"));
}

#[tokio::test]
async fn person_page_has_title_department_mailto_and_grouped_tel_links() {
    let app = app_on_fixture();
    let person = page(&app, "/people/daniel-sand/").await;
    let text = person.text();
    assert!(text.contains("Associate Professor") && text.contains("Department of Coastal Science"));
    let html = person.html();
    let hrefs: Vec<_> = html.select(&scraper::Selector::parse("a").unwrap()).filter_map(|a| a.attr("href")).collect();
    assert!(hrefs.contains(&"mailto:daniel.sand@example.org"));
    assert!(hrefs.contains(&"tel:+4771112233") && hrefs.contains(&"tel:+4791122334"), "{hrefs:?}");
    assert!(text.contains("+47 71 11 22 33") && text.contains("+47 91 12 23 34"));
    assert!(text.contains("Fjord Studies Group: Member"));
    assert!(hrefs.contains(&"/people/daniel-sand.vcf"));
    assert!(person.body.contains("\"@type\":\"Person\""));

    let ragna = page(&app, "/people/ragna-berg-lie/").await;
    let groups = ragna.texts("section[aria-labelledby=groups-heading] li");
    assert_eq!(
        groups,
        [
            "Fjord Studies Group: External member",
            "Coast Centre: Nordic Research Centre for Coastal Life: Advisory board"
        ],
        "one person, two memberships"
    );
}

#[tokio::test]
async fn vcard_is_version_4_with_every_email_and_phone() {
    let app = app_on_fixture();
    let card = get(&app, "/people/oystein-kvalheim.vcf").await;
    assert_eq!(card.status, 200);
    assert_eq!(card.header("content-type"), "text/vcard; charset=utf-8");
    let body = &card.body;
    assert!(body.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"), "{body}");
    assert!(body.ends_with("END:VCARD\r\n"));
    assert!(body.lines().all(|l| l.len() <= 75));
    assert!(body.contains("FN:Øystein Kvalheim\r\n") && body.contains("N:Kvalheim;Øystein;;;\r\n"));
    assert!(body.contains("EMAIL;TYPE=work:oystein.kvalheim@example.org\r\n"));
    for tel in ["tel:+4771234567", "tel:+4791234567", "tel:+4771239876"] {
        assert!(body.contains(tel), "{tel} in {body}");
    }
    assert!(body.contains("URL:https://groups.example.org/people/oystein-kvalheim/\r\n"));
    assert!(body.contains("item1.ORG:Fjord Studies Group\r\nitem1.ROLE:Member\r\n"), "{body}");
    let board = get(&app, "/people/ragna-berg-lie.vcf").await.body.replace("\r\n ", "");
    assert!(board.contains("N:Berg Lie;Ragna;;;\r\n"), "{board}");
    assert!(
        board.contains(
            "item2.ORG:Test University;Coast Centre: Nordic Research Centre for Coastal Life\r\nitem2.ROLE:Advisory board\r\n"
        ),
        "the group's host before its name: {board}"
    );
    assert_eq!(get(&app, "/people/nobody.vcf").await.status, 404);
}

#[tokio::test]
async fn partners_publications_and_practices_list_everything_with_anchors() {
    let app = app_on_fixture();
    let partners = page(&app, "/partners/").await;
    assert_eq!(partners.texts(".entry").len(), 5);
    assert_eq!(partners.texts("#sealab h3"), ["University of Bergen – SEALAB"]);
    assert!(partners.texts("#sealab .related").iter().any(|r| r.contains("Tidal Rhythms In Daily Employment")));

    let publications = page(&app, "/publications/").await;
    assert_eq!(
        publications.texts("main h2"),
        ["2023", "2022", "Year not given"],
        "by year, newest first, the undated last"
    );
    assert_eq!(publications.texts("section[aria-labelledby=year_2023] .entry h3"), ["Harbours after the storm"]);
    let undated = publications.texts("section[aria-labelledby=year_none] .entry");
    assert!(undated.iter().any(|e| e.contains("Health promotion at the local level") && e.contains("Report")));
    assert!(
        undated
            .iter()
            .any(|e| e.contains("Action methods for studying fjord communities") && e.contains("Edited book")),
        "an edited book keeps its kind: {undated:?}"
    );
    assert!(
        publications.texts("section[aria-labelledby=year_2022] .entry").join(" ").contains("Special issue"),
        "a special issue keeps its kind"
    );

    let practices = page(&app, "/practices/").await;
    assert_eq!(practices.texts("main h2"), ["Neighbourhood", "Municipality", "National", "International"]);
    assert!(practices.texts("#the-harbour-deal").join(" ").contains("Århus municipality, Denmark"));
}

#[tokio::test]
async fn free_pages_are_served_at_their_slug() {
    let app = app_on_fixture();
    assert_eq!(page(&app, "/accessibility/").await.texts("h1"), ["Accessibility statement"]);
    assert_eq!(page(&app, "/contact/").await.texts("h1"), ["Contact"]);
}

#[tokio::test]
async fn every_page_has_a_unique_title_description_canonical_and_opengraph() {
    let app = app_on_fixture();
    let mut titles = std::collections::BTreeSet::new();
    for path in [
        "/",
        "/groups/coast-centre/",
        "/projects/",
        "/projects/tide/",
        "/people/",
        "/people/tomas-szabo/",
        "/partners/",
        "/contact/",
    ] {
        let page = page(&app, path).await;
        let html = page.html();
        let attr = |selector: &str, name: &str| {
            let s = scraper::Selector::parse(selector).unwrap();
            html.select(&s).next().and_then(|e| e.attr(name)).map(str::to_owned).unwrap_or_default()
        };
        assert_eq!(attr("link[rel=canonical]", "href"), format!("https://groups.example.org{path}"));
        assert!(!attr("meta[name=description]", "content").is_empty(), "{path}");
        assert_eq!(attr("meta[property='og:url']", "content"), format!("https://groups.example.org{path}"));
        assert!(!attr("meta[property='og:title']", "content").is_empty());
        assert!(titles.insert(page.texts("title").join("")), "{path} has a title of its own");
        assert_eq!(page.texts("a.skip-link"), ["Skip to main content"]);
        assert!(
            !page.body.contains("<script>") && !page.body.contains("style="),
            "no inline script or style on {path}"
        );
    }
}

#[tokio::test]
async fn a_person_with_no_group_is_listed_under_other_people() {
    let copy = common::ContentCopy::of(&fixture("pages"));
    copy.write("people/ase-ornaes.toml", "name = \"Åse Ørnæs\"\n");
    let app = app(copy.root());
    let people = page(&app, "/people/").await;
    let headings = people.texts("main h2");
    assert_eq!(headings.last().map(String::as_str), Some("Other people"), "{headings:?}");
    assert!(people.body.contains("href=\"/people/ase-ornaes/\""));
    let everyone_in_a_group = page(&app_on_fixture(), "/people/").await;
    assert!(
        !everyone_in_a_group.texts("main h2").contains(&"Other people".to_owned()),
        "only when there is someone to list"
    );
}

/// What `/publications/` shows of the entries of a group's BibTeX file: each under its kind, its
/// authors with LaTeX accents as letters, its venue through `@string`, its DOI as the link, and
/// the groups of the file and of its own `groups` field.
#[tokio::test]
async fn publications_from_bibtex_are_listed_under_their_kinds() {
    let app = app(&fixture("bibtex"));
    let list = page(&app, "/publications/").await;
    let html = list.html();
    let entry = |id: &str| {
        let selector = scraper::Selector::parse(&format!("article#{id}")).unwrap();
        let found = html.select(&selector).next().unwrap_or_else(|| panic!("an entry {id}"));
        found.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let byline = |id: &str| {
        let selector = scraper::Selector::parse(&format!("article#{id} .byline li")).unwrap();
        html.select(&selector)
            .map(|li| li.text().collect::<String>().trim_end_matches(", ").to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(byline("kvello2021"), ["Øyvind Kvello", "Kristin Berre Ørjasæter", "María Aróstica"]);
    let article = entry("kvello2021");
    assert!(article.contains("Nordic Social Work Research"), "{article}");
    assert!(list.body.contains("<a href=\"/publications/kvello2021/\">Mattering in the Nordic welfare state</a>"));
    let shared = entry("kvello2021");
    assert!(
        shared.contains("Alpha Group") && shared.contains("Beta"),
        "one DOI in two files is one publication: {shared}"
    );
    assert!(!list.body.contains("kvello-2021-mattering"), "the second file's copy is not listed again");
    let inherited = entry("inherited2019");
    assert!(inherited.contains("Edited Volume"), "through crossref: {inherited}");
    let selector = scraper::Selector::parse("section[aria-labelledby=year_2019] article#inherited2019").unwrap();
    assert!(html.select(&selector).next().is_some(), "its year through crossref");
    let edited = entry("edited2019");
    assert!(edited.contains("Alpha Group") && edited.contains("Beta"), "both groups: {edited}");
    for (year, id, kind) in [
        ("year_2021", "kvello2021", "Article"),
        ("year_2024", "heimburg2024", "Article"),
        ("year_2020", "fikse2020", "Book"),
        ("year_2019", "edited2019", "Edited book"),
        ("year_2022", "chapter2022", "Chapter"),
        ("year_2019", "inherited2019", "Chapter"),
        ("year_2023", "paper2023", "Conference paper"),
        ("year_2018", "thesis2018", "Thesis"),
        ("year_2017", "report2017", "Report"),
    ] {
        let selector = scraper::Selector::parse(&format!("section[aria-labelledby={year}] article#{id}")).unwrap();
        assert!(html.select(&selector).next().is_some(), "{id} is listed under {year}");
        assert!(entry(id).contains(kind), "{id} shows its kind {kind}: {}", entry(id));
    }
    // Each kind as the publication's own page names it.
    for (id, kind) in [
        ("kvello2021", "Article"),
        ("fikse2020", "Book"),
        ("edited2019", "Edited book"),
        ("chapter2022", "Chapter"),
        ("paper2023", "Conference paper"),
        ("thesis2018", "Thesis"),
        ("report2017", "Report"),
        ("special2022", "Special issue"),
    ] {
        let own = page(&app, &format!("/publications/{id}/")).await;
        assert_eq!(own.texts("p.kicker"), [kind], "the kind of {id}");
    }
    let special = page(&app, "/publications/special2022/").await;
    assert_eq!(special.texts("h1"), ["Mattering and Welfare"], "a @periodical's issuetitle is its title");
    let shown = special.text();
    for part in ["Nordic Journal of Wellbeing", "2022"] {
        assert!(shown.contains(part), "the special issue's page lacks {part}: {shown}");
    }
    let site = common::check(&fixture("bibtex")).unwrap_or_else(|report| panic!("{report}"));
    let read =
        |slug: &str| site.publications.values().find(|p| p.slug.as_str() == slug).unwrap_or_else(|| panic!("{slug}"));
    let issue = read("special2022");
    let editors: Vec<&str> = issue.editors.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(editors, ["Toril Dale", "Siri Mordal"]);
    assert_eq!((issue.volume.as_deref(), issue.issue.as_deref()), (Some("11"), Some("2")));
    let members = scraper::Selector::parse("article#heimburg2024 .byline a").unwrap();
    let linked: Vec<_> = html
        .select(&members)
        .map(|a| (a.text().collect::<String>(), a.attr("href").unwrap_or_default().to_owned()))
        .collect();
    assert_eq!(
        linked,
        [
            ("Dina von Heimburg".to_owned(), "/people/dina-von-heimburg/".to_owned()),
            ("A. Lovelace".to_owned(), "/people/ada-lovelace/".to_owned())
        ],
        "members, by name and by initials, link to their pages; others do not"
    );
    let person = page(&app, "/people/ada-lovelace/").await;
    assert_eq!(
        person.texts("section[aria-labelledby=written-heading] li"),
        ["Written by Members", "A Chapter", "A Chapter of the Edited Volume"],
        "a person's publications, newest first"
    );
    assert_eq!(
        person.texts("section[aria-labelledby=edited-heading] li"),
        ["Edited Volume", "Beta Journal"],
        "what they edited (a TOML editor slug, a BibTeX editor name) stays apart from what they wrote, newest first"
    );
    let project = page(&app, "/projects/parent-project/").await;
    assert_eq!(
        project.texts("section[aria-labelledby=outputs-heading] li"),
        ["Written by Members", "Mattering in the Nordic welfare state"],
        "a project's outputs, from the entries' projects field, newest first"
    );
    let found = get(&app, "/search/?q=orjasaeter").await;
    assert!(found.body.contains("/publications/kvello2021/"), "found by an author typed without Norwegian letters");
}

/// A publication's own page: what a reader sees, and the Highwire Press tags Google Scholar
/// reads, in the order it reads them.
#[tokio::test]
async fn a_publication_page_shows_the_work_and_carries_the_tags_google_scholar_indexes() {
    let app = app(&fixture("bibtex"));
    let article = page(&app, "/publications/kvello2021/").await;
    assert_eq!(article.texts("h1"), ["Mattering in the Nordic welfare state"]);
    assert_eq!(article.texts(".byline"), ["Øyvind Kvello, Kristin Berre Ørjasæter, María Aróstica"]);
    assert!(article.body.contains("<a href=\"https://doi.org/10.1000/mattering.2021\">10.1000/mattering.2021</a>"));
    assert!(article.body.contains("<a href=\"/projects/parent-project/\">"), "its project");
    let html = article.html();
    let meta = scraper::Selector::parse("meta[name^=citation_]").unwrap();
    let tags: Vec<(String, String)> = html
        .select(&meta)
        .map(|m| (m.attr("name").unwrap_or_default().to_owned(), m.attr("content").unwrap_or_default().to_owned()))
        .collect();
    let tag = |name: &str| tags.iter().filter(|(n, _)| n == name).map(|(_, c)| c.as_str()).collect::<Vec<_>>();
    assert_eq!(tag("citation_title"), ["Mattering in the Nordic welfare state"]);
    assert_eq!(tag("citation_author"), ["Øyvind Kvello", "Kristin Berre Ørjasæter", "María Aróstica"], "in order");
    assert_eq!(tag("citation_publication_date"), ["2021"]);
    assert_eq!(tag("citation_journal_title"), ["Nordic Social Work Research"]);
    assert_eq!(tag("citation_doi"), ["10.1000/mattering.2021"]);
    let thesis = page(&app, "/publications/thesis2018/").await;
    assert!(thesis.body.contains("<meta name=\"citation_dissertation_institution\" content=\"NTNU\">"));
    let chapter = page(&app, "/publications/chapter2022/").await;
    assert!(chapter.body.contains("<meta name=\"citation_inbook_title\" content=\"Edited Volume\">"));
    assert!(
        chapter.body.contains("<a href=\"/people/ada-lovelace/\">Ada Lovelace</a>"),
        "a member links to their page"
    );
    assert_eq!(get(&app, "/publications/nothing/").await.status, 404);
}

#[tokio::test]
async fn e_mail_and_phone_links_show_the_address_and_number_so_print_needs_no_link() {
    let app = app_on_fixture();
    let person = page(&app, "/people/daniel-sand/").await;
    let html = person.html();
    let contact = scraper::Selector::parse("a[href^='mailto:'], a[href^='tel:']").unwrap();
    let links: Vec<(String, String)> = html
        .select(&contact)
        .map(|a| (a.attr("href").unwrap_or_default().to_owned(), a.text().collect::<String>()))
        .collect();
    assert!(links.len() >= 3, "{links:?}");
    for (href, text) in &links {
        let shown: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let target = href.trim_start_matches("mailto:").trim_start_matches("tel:");
        assert_eq!(shown, target, "the link text is the address itself");
    }
}
