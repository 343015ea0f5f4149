//! The shipped content against the seed pages it was written from: it checks clean, and
//! every person, membership, contact detail, partner, publication and practice the seeds
//! state is there, once.

mod common;

use std::collections::BTreeSet;

use common::{check, groupsite, shipped_content};
use groupsite::Site;
use groupsite::model::{Role, Slug};

const RWW: &str = "relational-welfare";
const WELLFARE: &str = "wellfare";

fn site() -> Site {
    match check(&shipped_content()) {
        Ok(site) => site,
        Err(report) => panic!("the shipped content must check clean:\n{report}"),
    }
}

fn slug(s: &str) -> Slug {
    Slug::parse(s).expect("a valid slug")
}

#[test]
fn shipped_content_checks_clean_with_a_summary() {
    let outcome = groupsite(&["check", "--content", shipped_content().to_str().unwrap()]);
    assert_eq!(outcome.code, Some(0), "{}", outcome.stderr);
    assert!(
        outcome.stdout.contains("2 groups, 29 projects, 45 people, 19 partners, 6 publications, 5 practices, 2 pages"),
        "{}",
        outcome.stdout
    );
}

/// Members of the research group (seed 001): name, title, department, phones, emails.
const MEMBERS: [(&str, &str, &str, &[&str], &str); 11] = [
    (
        "Gunvor Marie Dyrdal",
        "Associate professor",
        "Department of Health Sciences Gjøvik",
        &["+47-61135423", "+47-90175356"],
        "gunvor.dyrdal@ntnu.no",
    ),
    (
        "Camilla Fikse",
        "Associate Professor",
        "Department of Education and Lifelong Learning",
        &["+47-73590470"],
        "camilla.fikse@ntnu.no",
    ),
    (
        "Mark Steven Hopfenbeck",
        "Assistant Professor",
        "Department of Health Sciences Gjøvik",
        &["+47-61135340", "+47-41243179"],
        "mark.hopfenbeck@ntnu.no",
    ),
    (
        "Anita Oxaas Karlsen",
        "Senior Adviser",
        "Department of Education and Lifelong Learning",
        &["+47-73598189", "+47-97743556"],
        "anita.karlsen@svt.ntnu.no",
    ),
    (
        "Bente Heggem Kojan",
        "Professor",
        "Department of Social Work",
        &["+47-73559192", "+47-93228223"],
        "bente.h.kojan@ntnu.no",
    ),
    (
        "Øyvind Kvello",
        "Professor",
        "Department of Education and Lifelong Learning",
        &["+47-73559809", "+47-93035464", "+47-73412509"],
        "oyvind.kvello@ntnu.no",
    ),
    (
        "Siri Mordal",
        "PhD Candidate",
        "Department of Education and Lifelong Learning",
        &["+47-92870710"],
        "siri.mordal@ntnu.no",
    ),
    (
        "Arild Ohren",
        "PhD Candidate",
        "Department of Sociology and Political Science",
        &["+47-73595277"],
        "arild.ohren@ntnu.no",
    ),
    (
        "Jonathan Reams",
        "Associate Professor",
        "Department of Education and Lifelong Learning",
        &["+47-73591651"],
        "jonathan.reams@ntnu.no",
    ),
    (
        "Dag-Helge Rønnevik",
        "PhD Candidate",
        "Department of Public Health and Nursing",
        &["+47-95401616"],
        "dag.h.ronnevik@ntnu.no",
    ),
    (
        "Daniel Schofield",
        "Associate Professor",
        "Department of Education and Lifelong Learning",
        &["+47-73412354", "+47-930 400 95"],
        "daniel.schofield@ntnu.no",
    ),
];

/// External members of the research group (seed 001). Ragnhild Bang-Nes is spelled
/// "Ragnhild Bang Nes" on the centre's page; she is one person, under that spelling.
const EXTERNAL_MEMBERS: [&str; 23] = [
    "Ellen Andvig",
    "Ragnhild Bang Nes",
    "Ane Bjørnsgaard",
    "Tore Dag Bøe",
    "Toril Dale",
    "Simon Dunne",
    "Siren Eriksen",
    "Jo Ese",
    "Jeppe Oute Hansen",
    "Dina von Heimburg",
    "Hege Hofstad",
    "Marianne T.S. Holter",
    "Camilla Ihlebæk",
    "Lisbeth Iversen",
    "Bengt Karlsson",
    "Lars Kobro",
    "Liam MacGabhann",
    "Emma Charlott Andersson Nordbø",
    "Ingunn Skjesol",
    "Rolf Sundet",
    "Knut Tore Sælør",
    "Berit Irene Vannebo",
    "Kristin Berre Ørjasæter",
];

/// The centre's advisory board (seed 002): name, title, institution.
const ADVISORY_BOARD: [(&str, &str, &str); 11] = [
    ("Ragnhild Bang Nes", "research professor", "Norwegian Institute of Public Health (NIPH)"),
    ("Larry Davidson", "professor", "Yale University"),
    ("Heikki Hiilamo", "professor", "Finnish Institute for Health and Welfare"),
    ("Peter Goldblatt", "professor", "Institute of Health Equity, University College London"),
    ("Dora Gudmundsdottir", "PhD, Director of Public Health", "Directorate of Health in Iceland"),
    ("Christine Brown", "professor and head", "WHO European Office for Investment for Health and Development"),
    ("Sheila McNamee", "professor", "University of New Hampshire"),
    ("Arthur Grimes", "professor", "Victoria University of Wellington"),
    ("Svend Brinkmann", "professor", "Aalborg University"),
    ("Louise Bringselius", "senior lecturer and researcher", "Lund University"),
    ("Morten Hulvej Rod", "Professor, Director", "National Institute of Public Health"),
];

#[test]
fn every_membership_matches_the_seeds_and_nothing_more() {
    let site = site();
    let mut expected: BTreeSet<(String, &str, Role)> = BTreeSet::new();
    expected.extend(MEMBERS.iter().map(|m| (m.0.to_owned(), RWW, Role::Member)));
    expected.extend(EXTERNAL_MEMBERS.iter().map(|n| (n.to_string(), RWW, Role::ExternalMember)));
    expected.extend(ADVISORY_BOARD.iter().map(|a| (a.0.to_owned(), WELLFARE, Role::AdvisoryBoard)));
    expected.insert(("Thomas Szulevicz".to_owned(), WELLFARE, Role::AssociatedResearcher));
    let actual: BTreeSet<(String, &str, Role)> = site
        .people
        .values()
        .flat_map(|p| {
            site.groups_of_person(p, site.today(chrono::Utc::now()))
                .map(move |(g, r)| (p.name.clone(), g.slug.as_str(), r))
        })
        .collect();
    let missing: Vec<_> = expected.difference(&actual).collect();
    let extra: Vec<_> = actual.difference(&expected).collect();
    assert!(missing.is_empty() && extra.is_empty(), "missing: {missing:#?}\nnot in the seeds: {extra:#?}");
    assert_eq!(site.people.len(), 11 + 23 + 11 + 1 - 1, "Ragnhild Bang Nes is one person in two roles");
}

#[test]
fn members_have_their_title_department_every_phone_and_email() {
    let site = site();
    for (name, title, department, phones, email) in MEMBERS {
        let person = site.people.values().find(|p| p.name == name).unwrap_or_else(|| panic!("{name} is missing"));
        assert_eq!(person.title.as_deref(), Some(title), "{name}");
        let departments: Vec<_> = person.affiliations.iter().filter_map(|a| a.department.as_deref()).collect();
        assert_eq!(departments, [department], "{name}");
        assert_eq!(person.phones, phones, "{name}");
        assert_eq!(person.emails, [email], "{name}");
    }
}

#[test]
fn advisory_board_has_title_and_institution_and_no_invented_contacts() {
    let site = site();
    for (name, title, institution) in ADVISORY_BOARD {
        let person = site.people.values().find(|p| p.name == name).unwrap_or_else(|| panic!("{name} is missing"));
        assert_eq!(person.title.as_deref(), Some(title), "{name}");
        let institutions: Vec<_> = person.affiliations.iter().filter_map(|a| a.institution.as_deref()).collect();
        assert_eq!(institutions, [institution], "{name}");
        assert!(person.emails.is_empty() && person.phones.is_empty() && person.photo.is_none(), "{name}");
    }
    let thomas = &site.people[&slug("thomas-szulevicz")];
    let places: Vec<_> = thomas.affiliations.iter().map(|a| (a.title.as_deref(), a.institution.as_deref())).collect();
    assert_eq!(
        places,
        [
            (Some("Associate Professor"), Some("Centre for Cultural Psychology")),
            (Some("Associate Professor"), Some("NTNU"))
        ]
    );
}

#[test]
fn no_person_has_a_photo_or_bio_the_seeds_do_not_give() {
    let site = site();
    for person in site.people.values() {
        assert!(person.photo.is_none() && person.bio.is_empty() && person.links.is_empty(), "{}", person.name);
    }
}

#[test]
fn groups_have_mission_quote_spotlights_and_images_as_the_seeds_give_them() {
    let site = site();
    let rww = &site.groups[&slug(RWW)];
    assert_eq!(rww.name, "Relational Welfare and Wellbeing");
    assert!(
        rww.mission
            .as_deref()
            .is_some_and(|m| m.starts_with("The purpose of the research group is to promote wellbeing"))
    );
    let quote = rww.quote.as_ref().expect("the quotation");
    assert!(quote.text.starts_with("Relational welfare is a human centred and collaborative approach"));
    assert_eq!(quote.citation.as_deref(), Some("Ness & Heimburg, 2020, p. 36"));
    assert_eq!(rww.hero.as_ref().map(|h| h.alt.as_str()), Some("Word cloud. Illustration"));
    assert!(rww.about.as_str().contains("Hillary Cottam"));
    assert_eq!(rww.social.iter().map(|l| l.label.as_str()).collect::<Vec<_>>(), ["Twitter: relasjonell velferd eng"]);

    let centre = &site.groups[&slug(WELLFARE)];
    assert_eq!(centre.name, "WellFare: Nordic Research Center for Wellbeing and Social Sustainability");
    assert_eq!(
        centre.tagline.as_deref(),
        Some("Transforming societies towards universal wellbeing and social sustainability")
    );
    let spotlights: Vec<_> = centre.spotlights.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        spotlights,
        [
            "Well and fair development across the lifespan",
            "Transforming policies, economies and societies",
            "People-centered and place-based changes",
            "Radical and responsible welfare innovations",
        ]
    );
    let hero = centre.hero.as_ref().expect("hero");
    assert_eq!(hero.alt, "Girls holding hands running away from the photographer. Photo");
    assert_eq!(hero.credit.as_deref(), Some("Josue Michel/Unsplash"));
    assert!(hero.file.is_none(), "the seeds give no image file");
    let journal = centre.journal.as_ref().map(|j| site.publications[&j.slug()].title.as_str());
    assert_eq!(journal, Some("Nordic Journal of Wellbeing and Sustainable Welfare Development"));
}

fn project_titles(site: &Site, group: &str) -> BTreeSet<String> {
    site.projects_of_group(&slug(group)).map(|p| p.title.to_string()).collect()
}

#[test]
fn projects_are_listed_by_every_group_whose_page_lists_them() {
    let site = site();
    let rww = project_titles(&site, RWW);
    let centre = project_titles(&site, WELLFARE);
    assert_eq!(rww.len(), 20, "19 activities on the newer page, plus the Public Conversations Project");
    assert_eq!(centre.len(), 17, "16 items less the WHO report, plus 2 sub-projects");
    let both: Vec<_> = rww.intersection(&centre).map(String::as_str).collect();
    assert_eq!(both.len(), 8, "{both:#?}");
    for shared in ["Preventing an Opioid Epidemic In Norway", "Future Lab", "WELlbeing COMmunities", "Think it out"] {
        assert!(both.iter().any(|t| t.starts_with(shared)), "{shared} is listed by both groups");
    }
    let point = &site.projects[&slug("point")];
    assert_eq!((point.acronym.as_deref(), point.start_year, point.end_year), (Some("POINT"), Some(2021), Some(2024)));
    assert_eq!(
        point.coordinator.as_ref().map(|c| site.partners[&c.slug()].name.as_str()),
        Some("University of Oslo – SERAF")
    );
    assert_eq!(
        point.funder.as_ref().map(|c| site.partners[&c.slug()].name.as_str()),
        Some("Norwegian Research Council")
    );
    let subs: Vec<_> = site.subprojects(&slug("mattering-research")).map(|p| p.title.as_str()).collect();
    assert_eq!(
        subs,
        [
            "Measuring the Experience of Mattering as Citizens",
            "Wellness, Fairness, and Worthiness in the Lives of Minority Populations"
        ]
    );
}

#[test]
fn partners_publications_and_practices_are_all_there() {
    let site = site();
    let partners: BTreeSet<_> = site.partners_of_group(&slug(RWW)).map(|p| p.name.as_str()).collect();
    assert_eq!(
        partners,
        BTreeSet::from([
            "CABE - Capacity Building and Evaluation",
            "Competence Center for Lived Experience and Service Development",
            "EQUALITY ResearchCollective",
            "Joint Action Analytics",
            "Nurture Development",
            "SESAM – Centre for Social Innovation and Entrepreneurship",
            "TAOS Institute",
            "The Yale Program for Recovery and Community Health, Yale University",
            "YoungInvest",
        ])
    );
    let special_issues: BTreeSet<_> = site.publications_of_group(&slug(RWW)).map(|p| p.venue.as_deref()).collect();
    assert_eq!(
        special_issues,
        BTreeSet::from([
            Some("International Journal of Environmental Research and Public Health"),
            Some("Academic Quarter: Journal of Humanistic Research"),
            Some("Frontiers in Psychology"),
        ])
    );
    assert_eq!(site.publications_of_group(&slug(RWW)).count(), 4);
    let practices: Vec<_> = site.practices_of_group(&slug(WELLFARE)).map(|p| (p.level, p.place.as_deref())).collect();
    assert_eq!(practices.len(), 5);
    assert!(practices.contains(&(groupsite::model::Level::Neighbourhood, Some("Århus municipality, Denmark"))));
    assert!(practices.contains(&(groupsite::model::Level::Municipality, Some("Wigan, UK"))));
}

#[test]
fn the_editors_reference_names_every_page_slug_the_site_reserves() {
    let reference = std::fs::read_to_string(shipped_content().join("README.md")).expect("content/README.md");
    let (_, rest) = reference.split_once("take a name the site uses itself:").expect("the sentence on reserved names");
    let sentence = rest.split_once('.').map_or(rest, |(s, _)| s);
    let mut named: Vec<String> = sentence.split('`').skip(1).step_by(2).map(str::to_owned).collect();
    let mut reserved = groupsite::paths::reserved_page_slugs();
    named.sort();
    reserved.sort();
    assert_eq!(named, reserved);
}

/// The research group's name is the first part of the site's: its `<title>` says it once.
#[tokio::test]
async fn the_group_s_title_does_not_say_its_name_twice() {
    let app = common::app(&shipped_content());
    let group = common::page(&app, "/groups/relational-welfare/").await;
    assert_eq!(group.texts("title"), ["Relational Welfare and Wellbeing · WellFare"]);
    let people = common::page(&app, "/people/").await;
    assert_eq!(people.texts("title"), ["People – Relational Welfare and Wellbeing · WellFare"]);
}

#[test]
fn the_shipped_site_keeps_oslo_s_clock_and_has_no_news_or_events_the_seeds_do_not_give() {
    let site = common::check(&shipped_content()).expect("the shipped content checks");
    assert_eq!(site.settings.time_zone.0, chrono_tz::Europe::Oslo);
    assert!(site.news.is_empty() && site.events.is_empty());
    let today = site.today(chrono::Utc::now());
    assert!(
        site.people
            .values()
            .flat_map(|p| &p.memberships)
            .all(|m| m.start.is_none() && m.end.is_none() && !m.has_ended(today)),
        "the seeds give no membership dates, so everyone stays a member"
    );
}
