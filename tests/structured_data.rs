//! schema.org data and link-preview tags, as structured-data validators and social sites read
//! them: person pages as `ProfilePage`s, one `@id` per entity on every page it appears on,
//! breadcrumbs as a `BreadcrumbList`, and OpenGraph with Twitter cards.

mod common;

use common::{ContentCopy, Page, app, fixture, meta, page};
use serde_json::Value;

/// The page's JSON-LD, parsed.
fn json_ld(page: &Page) -> Value {
    let script = scraper::Selector::parse("script[type=\"application/ld+json\"]").unwrap();
    let html = page.html();
    let text: String = html.select(&script).next().expect("JSON-LD").text().collect();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("JSON-LD parses: {e}\n{text}"))
}

/// The breadcrumbs a page shows, as a reader reads them: the separator left out. The page's
/// own crumb is not shown (its heading follows), while the `BreadcrumbList` names it last.
fn shown_crumbs(page: &Page) -> Vec<String> {
    page.texts("nav.breadcrumbs li").into_iter().map(|c| c.trim_start_matches('›').trim().to_owned()).collect()
}

/// The breadcrumbs as schema.org lists them: each step's position, name and URL.
fn crumbs(list: &Value) -> Vec<(u64, String, String)> {
    assert_eq!(list["@type"], "BreadcrumbList");
    let items = list["itemListElement"].as_array().expect("a list");
    items
        .iter()
        .map(|i| {
            assert_eq!(i["@type"], "ListItem");
            (
                i["position"].as_u64().unwrap_or(0),
                i["name"].as_str().unwrap_or("").into(),
                i["item"].as_str().unwrap_or("").into(),
            )
        })
        .collect()
}

const SITE: &str = "https://groups.example.org";

#[tokio::test]
async fn a_person_page_is_a_profile_page_about_the_person() {
    let app = app(&fixture("pages"));
    let ragna = page(&app, "/people/ragna-berg-lie/").await;
    let ld = json_ld(&ragna);
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "ProfilePage");
    assert_eq!(ld["url"], format!("{SITE}/people/ragna-berg-lie/"));
    let person = &ld["mainEntity"];
    assert_eq!(person["@type"], "Person");
    assert_eq!(person["@id"], format!("{SITE}/people/ragna-berg-lie/#person"));
    assert_eq!(person["name"], "Ragna Berg Lie");
    assert_eq!((&person["givenName"], &person["familyName"]), (&"Ragna".into(), &"Berg Lie".into()));
    let groups: Vec<&str> =
        person["memberOf"].as_array().expect("groups").iter().filter_map(|g| g["@id"].as_str()).collect();
    assert_eq!(groups, [format!("{SITE}/groups/fjord-studies/#group"), format!("{SITE}/groups/coast-centre/#group")]);
    assert_eq!(
        crumbs(&ld["breadcrumb"]),
        [
            (1, "Home".into(), format!("{SITE}/")),
            (2, "People".into(), format!("{SITE}/people/")),
            (3, "Ragna Berg Lie".into(), format!("{SITE}/people/ragna-berg-lie/")),
        ]
    );
    let names: Vec<String> = crumbs(&ld["breadcrumb"]).into_iter().map(|(_, name, _)| name).collect();
    assert_eq!(shown_crumbs(&ragna), names[..names.len() - 1], "the visible breadcrumbs, but the page's own");
}

#[tokio::test]
async fn a_group_page_names_its_members_by_the_ids_of_their_own_pages() {
    let app = app(&fixture("pages"));
    let group = json_ld(&page(&app, "/groups/fjord-studies/").await);
    assert_eq!(group["@type"], "ResearchOrganization");
    assert_eq!(group["@id"], format!("{SITE}/groups/fjord-studies/#group"));
    let members = group["member"].as_array().expect("members");
    let ragna = members.iter().find(|m| m["name"] == "Ragna Berg Lie").expect("Ragna is a member");
    let own = json_ld(&page(&app, "/people/ragna-berg-lie/").await);
    assert_eq!(ragna["@id"], own["mainEntity"]["@id"], "one node, on her page and the group's");
    assert!(members.iter().all(|m| m["@id"].as_str().is_some_and(|id| id.ends_with("#person"))), "{members:?}");
    // The person's page names the group by the group page's own `@id`, too.
    let groups = own["mainEntity"]["memberOf"].as_array().expect("groups");
    assert!(groups.iter().any(|g| g["@id"] == group["@id"]), "{groups:?}");
    assert_eq!(
        crumbs(&group["mainEntityOfPage"]["breadcrumb"]),
        [
            (1, "Home".into(), format!("{SITE}/")),
            (2, "Fjord Studies Group".into(), format!("{SITE}/groups/fjord-studies/"))
        ]
    );
    assert_eq!(group["mainEntityOfPage"]["@id"], format!("{SITE}/groups/fjord-studies/"));
    assert!(group.get("logo").is_none(), "the fixture's groups have no logo file");
}

#[tokio::test]
async fn a_group_with_a_logo_file_names_it_as_its_logo() {
    let copy = ContentCopy::of(&fixture("minimal"));
    copy.replace(
        "groups/alpha.md",
        "tagline = \"First\"\n",
        "tagline = \"First\"\nlogo = { file = \"media/ada.png\", alt = \"Alpha's logo\" }\n",
    );
    let app = app(copy.root());
    let group = json_ld(&page(&app, "/groups/alpha/").await);
    let (logo, image) = (group["logo"].as_str().unwrap_or_default(), group["image"].as_str().unwrap_or_default());
    assert!(logo.starts_with(&format!("{SITE}/images/ada-400.")) && logo.ends_with(".png"), "{logo}");
    assert!(image.starts_with(&format!("{SITE}/images/hero-1200.")) && image.ends_with(".png"), "{image}");
}

#[tokio::test]
async fn a_publication_names_its_matched_people_by_their_ids() {
    let app = app(&fixture("pages"));
    let publication = page(&app, "/publications/tides-and-towns/").await;
    let ld = json_ld(&publication);
    assert_eq!(ld["@id"], format!("{SITE}/publications/tides-and-towns/#publication"));
    let editors = ld["editor"].as_array().expect("editors");
    assert_eq!(editors[0]["@id"], format!("{SITE}/people/oystein-kvalheim/#person"));
    let own = json_ld(&page(&app, "/people/oystein-kvalheim/").await);
    assert_eq!(editors[0]["@id"], own["mainEntity"]["@id"]);
    let steps = crumbs(&ld["mainEntityOfPage"]["breadcrumb"]);
    let names: Vec<String> = steps.iter().map(|(_, name, _)| name.clone()).collect();
    assert_eq!(names[..names.len() - 1], shown_crumbs(&publication), "the visible breadcrumbs, but the page's own");
    assert_eq!(steps.last().map(|s| s.2.as_str()), Some(format!("{SITE}/publications/tides-and-towns/").as_str()));
}

#[tokio::test]
async fn pages_have_twitter_cards_and_a_locale_beside_opengraph() {
    let app = app(&fixture("pages"));
    let group = page(&app, "/groups/fjord-studies/").await;
    assert_eq!(meta(&group, "property", "og:locale"), ["en"], "`en` names no region to add");
    assert_eq!(meta(&group, "name", "twitter:card"), ["summary"], "no picture");
    assert_eq!(meta(&group, "name", "twitter:title"), meta(&group, "property", "og:title"));
    assert_eq!(meta(&group, "name", "twitter:description"), meta(&group, "property", "og:description"));
    assert!(meta(&group, "name", "twitter:image").is_empty() && meta(&group, "property", "og:image").is_empty());

    let app = common::app(&fixture("minimal"));
    let alpha = page(&app, "/groups/alpha/").await;
    assert_eq!(meta(&alpha, "name", "twitter:card"), ["summary_large_image"], "a banner");
    let hero = meta(&alpha, "property", "og:image");
    assert!(hero.len() == 1 && hero[0].starts_with(&format!("{SITE}/images/hero-1200.")), "1200 pixels wide: {hero:?}");
    assert_eq!(meta(&alpha, "name", "twitter:image"), hero);
    assert_eq!(meta(&alpha, "property", "og:image:width"), ["1200"]);
    assert_eq!(meta(&alpha, "property", "og:image:height"), ["300"]);
    assert_eq!(meta(&alpha, "name", "twitter:image:alt"), ["A gradient from blue to pink"]);
    let ada = page(&app, "/people/ada-lovelace/").await;
    assert_eq!(meta(&ada, "name", "twitter:card"), ["summary"], "a portrait");
    let portrait = meta(&ada, "name", "twitter:image");
    assert!(portrait.len() == 1 && portrait[0].starts_with(&format!("{SITE}/images/ada-400.")), "{portrait:?}");
    assert_eq!(json_ld(&ada)["mainEntity"]["image"], portrait[0], "the same picture");
}

#[tokio::test]
async fn og_locale_has_the_region_where_the_language_names_one() {
    let copy = ContentCopy::of(&fixture("minimal"));
    let toml = std::fs::read_to_string(copy.path("site.toml")).expect("site.toml");
    let language = toml.lines().find(|l| l.starts_with("language")).expect("a language").to_owned();
    copy.replace("site.toml", &language, "language = \"en-GB\"");
    let home = page(&app(copy.root()), "/").await;
    assert_eq!(meta(&home, "property", "og:locale"), ["en_GB"]);
}
