//! Each page type through the router, on the shipped content: what a visitor must find on it.

mod common;

use common::{app, get, page, shipped_content};

fn app_on_shipped() -> axum::Router {
    app(&shipped_content())
}

fn position(haystack: &[String], needle: &str) -> usize {
    haystack.iter().position(|s| s.contains(needle)).unwrap_or_else(|| panic!("`{needle}` not in {haystack:#?}"))
}

#[tokio::test]
async fn home_shows_both_groups_with_taglines_and_ways_in() {
    let app = app_on_shipped();
    let home = page(&app, "/").await;
    // The site's description names both groups too: only the cards themselves count.
    let html = home.html();
    let link = scraper::Selector::parse(".group-card .card-title a").unwrap();
    let cards: Vec<(String, Option<&str>)> = html.select(&link).map(|a| (a.text().collect(), a.attr("href"))).collect();
    assert_eq!(
        cards,
        [
            ("Relational Welfare and Wellbeing".to_owned(), Some("/groups/relational-welfare")),
            (
                "WellFare: Nordic Research Center for Wellbeing and Social Sustainability".to_owned(),
                Some("/groups/wellfare")
            ),
        ]
    );
    let cards = home.texts(".group-card");
    assert!(cards[0].contains("The purpose of the research group is to promote wellbeing for all"), "{cards:?}");
    assert!(cards[1].contains("Transforming societies towards universal wellbeing and social sustainability"));
    let links = home.texts("main a");
    for section in ["Projects", "People", "Partners", "Publications", "Practices"] {
        assert!(links.iter().any(|l| l == section), "home links to {section}: {links:?}");
    }
    assert_eq!(home.texts("h1"), ["Relational Welfare and Wellbeing · WellFare"]);
}

#[tokio::test]
async fn group_page_shows_about_quote_people_partners_and_publications() {
    let app = app_on_shipped();
    let group = page(&app, "/groups/relational-welfare").await;
    let text = group.text();
    for fact in [
        "Hillary Cottam (2011, 2018)",
        "Relational welfare is a human centred and collaborative approach",
        "Ness & Heimburg, 2020, p. 36",
        "Department of Education and Lifelong Learning",
        "TAOS Institute",
        "Academic Quarter: Journal of Humanistic Research",
        "Twitter: relasjonell velferd eng",
        "Action research methods for transforming communities",
    ] {
        assert!(text.contains(fact), "the group page shows `{fact}`");
    }
    let headings = group.texts("h3");
    assert!(position(&headings, "Members") < position(&headings, "External members"));
    let members = group.texts("#people .person-card");
    assert!(members.iter().any(|m| m.contains("Øyvind Kvello")
        && m.contains("Professor")
        && m.contains("Department of Education and Lifelong Learning")));
    assert_eq!(group.texts(".quote figcaption"), ["Ness & Heimburg, 2020, p. 36"]);
    let introduced = text.find("community-based practices:").expect("the sentence that introduces the quotation");
    let quoted = text.find("Relational welfare is a human centred").expect("the quotation");
    let after = text.find("Creating wellbeing for all is basically").expect("the next paragraph");
    assert!(introduced < quoted && quoted < after, "the quotation follows the sentence that introduces it");
}

#[tokio::test]
async fn centre_page_shows_spotlights_board_practices_journal_and_ongoing_projects_first() {
    let app = app_on_shipped();
    let centre = page(&app, "/groups/wellfare").await;
    assert_eq!(
        centre.texts(".spotlight h3"),
        [
            "Well and fair development across the lifespan",
            "Transforming policies, economies and societies",
            "People-centered and place-based changes",
            "Radical and responsible welfare innovations",
        ]
    );
    let text = centre.text();
    for fact in [
        "Advisory board",
        "Larry Davidson",
        "Associated researchers",
        "Thomas Szulevicz",
        "The Wigan Deal",
        "Nordic Journal of Wellbeing and Sustainable Welfare Development",
    ] {
        assert!(text.contains(fact), "the centre page shows `{fact}`");
    }
    let cards = centre.texts("#projects .project-card");
    let last_ongoing = cards.iter().rposition(|c| c.contains("Ongoing")).expect("ongoing projects");
    let first_other = cards.iter().position(|c| !c.contains("Ongoing")).expect("other projects");
    assert!(last_ongoing < first_other, "ongoing projects come first: {cards:#?}");
    assert_eq!(cards.len(), 17);
    assert!(centre.body.contains("\"@type\":\"ResearchOrganization\""));
}

#[tokio::test]
async fn projects_list_every_project_and_filters_by_group_status_and_kind() {
    let app = app_on_shipped();
    let all = page(&app, "/projects").await;
    assert_eq!(all.texts(".project-card").len(), 29);
    assert_eq!(all.texts(".count"), ["29 projects"]);
    for label in ["Group", "Status", "Kind"] {
        assert!(all.texts("form label").contains(&label.to_owned()), "a labelled {label} filter");
    }

    let filtered = page(&app, "/projects?group=wellfare&status=ongoing&kind=").await;
    let cards = filtered.texts(".project-card");
    assert!(!cards.is_empty() && cards.iter().all(|c| c.contains("Ongoing") && c.contains("WellFare")), "{cards:#?}");
    assert_eq!(filtered.texts(".count"), [format!("{} of 29 projects", cards.len())]);
    assert_eq!(
        filtered.texts("#filter-group option[selected]"),
        ["WellFare: Nordic Research Center for Wellbeing and Social Sustainability"]
    );

    let phd = page(&app, "/projects?kind=phd-project").await;
    assert_eq!(phd.texts(".project-card").len(), 2);
}

#[tokio::test]
async fn a_filter_that_matches_nothing_is_a_friendly_empty_page() {
    let app = app_on_shipped();
    let empty = page(&app, "/projects?status=completed").await;
    assert!(empty.texts(".project-card").is_empty());
    assert!(empty.text().contains("No projects match these filters."));
    assert_eq!(empty.texts(".count"), ["0 of 29 projects"]);
    assert!(empty.texts(".empty a").contains(&"Show all projects".to_owned()));
}

#[tokio::test]
async fn an_unknown_filter_value_is_a_400_page_in_the_layout() {
    let app = app_on_shipped();
    let bad = get(&app, "/projects?group=wellfair").await;
    assert_eq!(bad.status, 400);
    assert!(bad.text().contains("There is no group “wellfair” to filter projects by."), "{}", bad.text());
    assert!(bad.texts("nav[aria-label=Main] a").len() >= 5);
}

#[tokio::test]
async fn project_page_shows_every_field_with_links() {
    let app = app_on_shipped();
    let review = page(&app, "/projects/rapid-review-inequalities-in-health-and-wellbeing").await;
    assert!(review.texts(".facts div").iter().any(|f| f.starts_with("Project leader Marmot Review Team")));
    let point = page(&app, "/projects/point").await;
    let facts = point.texts(".facts div");
    for fact in [
        "Acronym POINT",
        "Period 2021–2024",
        "Coordinator University of Oslo – SERAF",
        "Funder Norwegian Research Council",
        "Groups Relational Welfare and Wellbeing; WellFare: Nordic Research Center for Wellbeing and Social Sustainability",
    ] {
        assert!(facts.contains(&fact.to_owned()), "`{fact}` in {facts:#?}");
    }
    assert!(point.body.contains("\"@type\":\"ResearchProject\""));
    assert_eq!(
        point.texts("h1"),
        ["POINT: Preventing an Opioid Epidemic In Norway: Focusing on Treatment of Chronic pain"]
    );

    let parent = page(&app, "/projects/mattering-research").await;
    assert_eq!(parent.texts(".project-card .card-title").len(), 2, "two sub-projects");
    let child = page(&app, "/projects/measuring-the-experience-of-mattering").await;
    assert!(child.texts(".facts div").contains(&"Part of Mattering-research".to_owned()));
    assert_eq!(child.texts(".breadcrumbs li").len(), 4, "Home › Projects › Mattering-research › this");
}

#[tokio::test]
async fn people_are_grouped_by_role_and_sorted_by_family_name_norwegian_letters_last() {
    let app = app_on_shipped();
    let people = page(&app, "/people").await;
    assert_eq!(people.texts("main h2"), ["Members", "External members", "Advisory board", "Associated researchers"]);
    let external = people.texts("#external-members + ul .person-name");
    assert_eq!(external.first().map(String::as_str), Some("Ellen Andvig"));
    assert_eq!(external.last().map(String::as_str), Some("Kristin Berre Ørjasæter"), "Ø sorts after Z");
    assert!(position(&external, "Tore Dag Bøe") > position(&external, "Ane Bjørnsgaard"));
    assert!(
        position(&external, "Dina von Heimburg") < position(&external, "Hege Hofstad"),
        "von Heimburg sorts under H"
    );
    let members = people.texts("#members + ul .person-name");
    assert!(position(&members, "Dag-Helge Rønnevik") > position(&members, "Jonathan Reams"));
    assert!(position(&members, "Dag-Helge Rønnevik") < position(&members, "Daniel Schofield"));
}

#[tokio::test]
async fn person_page_has_title_department_mailto_and_grouped_tel_links() {
    let app = app_on_shipped();
    let person = page(&app, "/people/daniel-schofield").await;
    let text = person.text();
    assert!(text.contains("Associate Professor") && text.contains("Department of Education and Lifelong Learning"));
    let html = person.html();
    let hrefs: Vec<_> = html.select(&scraper::Selector::parse("a").unwrap()).filter_map(|a| a.attr("href")).collect();
    assert!(hrefs.contains(&"mailto:daniel.schofield@ntnu.no"));
    assert!(hrefs.contains(&"tel:+4773412354") && hrefs.contains(&"tel:+4793040095"), "{hrefs:?}");
    assert!(text.contains("+47 73 41 23 54") && text.contains("+47 930 40 095"));
    assert!(text.contains("Relational Welfare and Wellbeing: Member"));
    assert!(hrefs.contains(&"/people/daniel-schofield.vcf"));
    assert!(person.body.contains("\"@type\":\"Person\""));

    let ragnhild = page(&app, "/people/ragnhild-bang-nes").await;
    let groups = ragnhild.texts("section[aria-labelledby=groups-heading] li");
    assert_eq!(groups.len(), 2, "one person, two memberships: {groups:?}");
}

#[tokio::test]
async fn vcard_is_version_4_with_every_email_and_phone() {
    let app = app_on_shipped();
    let card = get(&app, "/people/oyvind-kvello.vcf").await;
    assert_eq!(card.status, 200);
    assert_eq!(card.header("content-type"), "text/vcard; charset=utf-8");
    let body = &card.body;
    assert!(body.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"), "{body}");
    assert!(body.ends_with("END:VCARD\r\n"));
    assert!(body.lines().all(|l| l.len() <= 75));
    assert!(body.contains("FN:Øyvind Kvello\r\n") && body.contains("N:Kvello;Øyvind;;;\r\n"));
    assert!(body.contains("EMAIL;TYPE=work:oyvind.kvello@ntnu.no\r\n"));
    for tel in ["tel:+4773559809", "tel:+4793035464", "tel:+4773412509"] {
        assert!(body.contains(tel), "{tel} in {body}");
    }
    assert!(body.contains("URL:https://groups.example.org/people/oyvind-kvello\r\n"));
    assert!(body.contains("ORG:Relational Welfare and Wellbeing\r\nROLE:Member\r\n"), "{body}");
    let board = get(&app, "/people/ragnhild-bang-nes.vcf").await.body.replace("\r\n ", "");
    assert!(board.contains("N:Bang Nes;Ragnhild;;;\r\n"), "{board}");
    assert!(
        board.contains("ORG:NTNU;WellFare: Nordic Research Center for Wellbeing and Social Sustainability\r\n"),
        "{board}"
    );
    assert_eq!(get(&app, "/people/nobody.vcf").await.status, 404);
}

#[tokio::test]
async fn partners_publications_and_practices_list_everything_with_anchors() {
    let app = app_on_shipped();
    let partners = page(&app, "/partners").await;
    assert_eq!(partners.texts(".entry").len(), 19);
    assert!(partners.texts("#seraf h3").contains(&"University of Oslo – SERAF".to_owned()));
    assert!(partners.texts("#seraf .related").iter().any(|r| r.contains("Preventing an Opioid Epidemic")));

    let publications = page(&app, "/publications").await;
    assert_eq!(publications.texts("main h2"), ["Special issues", "Edited books", "Journals", "Reports"]);
    assert_eq!(publications.texts("section[aria-labelledby=kind_special-issue] .entry").len(), 4);
    assert!(publications.text().contains("Health promotion at the local level"));

    let practices = page(&app, "/practices").await;
    assert_eq!(practices.texts("main h2"), ["Neighbourhood", "Municipality", "National", "International"]);
    assert!(practices.text().contains("Århus municipality, Denmark"));
}

#[tokio::test]
async fn free_pages_are_served_at_their_slug() {
    let app = app_on_shipped();
    assert_eq!(page(&app, "/accessibility").await.texts("h1"), ["Accessibility statement"]);
    assert_eq!(page(&app, "/contact").await.texts("h1"), ["Contact"]);
}

#[tokio::test]
async fn every_page_has_a_unique_title_description_canonical_and_opengraph() {
    let app = app_on_shipped();
    let mut titles = std::collections::BTreeSet::new();
    for path in
        ["/", "/groups/wellfare", "/projects", "/projects/point", "/people", "/people/jo-ese", "/partners", "/contact"]
    {
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
    let copy = common::ContentCopy::of_shipped();
    copy.write("people/ase-ornaes.toml", "name = \"Åse Ørnæs\"\n");
    let app = app(copy.root());
    let people = page(&app, "/people").await;
    let headings = people.texts("main h2");
    assert_eq!(headings.last().map(String::as_str), Some("Other people"), "{headings:?}");
    assert!(people.body.contains("href=\"/people/ase-ornaes\""));
    let shipped = page(&app_on_shipped(), "/people").await;
    assert!(!shipped.texts("main h2").contains(&"Other people".to_owned()), "only when there is someone to list");
}
