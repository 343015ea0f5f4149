//! The vCards at `/people/{slug}.vcf`, read by a real vCard parser (`calcard`, the one behind
//! Stalwart's CardDAV server) as contacts tools read them: a stable `UID`, a `REV`, phone types
//! split, and each role kept with its organisation.

mod common;

use calcard::vcard::{
    VCard, VCardEntry, VCardParameterName, VCardParameterValue, VCardProperty, VCardType, VCardValue,
};
use common::{ContentCopy, app, fixture, get};

/// The card at `path`, parsed.
async fn card(app: &axum::Router, path: &str) -> VCard {
    let response = get(app, path).await;
    assert_eq!(response.status, 200, "GET {path}");
    VCard::parse(&response.body).unwrap_or_else(|e| panic!("{path} does not parse: {e:?}\n{}", response.body))
}

/// The text of each of an entry's values: an `ORG`'s components, a `ROLE`'s text.
fn texts(entry: &VCardEntry) -> Vec<String> {
    entry
        .values
        .iter()
        .flat_map(|v| match v {
            VCardValue::Component(parts) => parts.clone(),
            other => other.as_text().map(str::to_owned).into_iter().collect(),
        })
        .collect()
}

#[tokio::test]
async fn every_card_has_a_uid_that_stays_the_same_across_builds_and_a_rev() {
    let path = "/people/oystein-kvalheim.vcf";
    let first = card(&app(&fixture("pages")), path).await;
    // A second build, from a copy whose files are all newer.
    let copy = ContentCopy::of(&fixture("pages"));
    let second = card(&app(copy.root()), path).await;
    let uid = first.uid().expect("a UID");
    assert_eq!(uid, "https://groups.example.org/people/oystein-kvalheim/");
    assert_eq!(second.uid(), Some(uid), "the UID does not change between builds");
    let other = card(&app(&fixture("pages")), "/people/ragna-berg-lie.vcf").await;
    assert_ne!(other.uid(), Some(uid), "each person has their own UID");

    let rev = second.property(&VCardProperty::Rev).expect("a REV");
    match rev.values.first() {
        Some(VCardValue::PartialDateTime(time)) => {
            assert!(time.year.is_some_and(|y| y >= 2024) && time.second.is_some(), "{time:?}");
        }
        other => panic!("REV is a timestamp, not {other:?}"),
    }
}

#[tokio::test]
async fn phone_types_are_separate_values_a_parser_splits() {
    let app = app(&fixture("pages"));
    // Unquoted: in RFC 6350's grammar a quoted `TYPE="voice,work"` is one value whose comma is
    // part of it. calcard splits it anyway; stricter parsers do not, so the text is pinned too.
    let raw = get(&app, "/people/oystein-kvalheim.vcf").await.body;
    assert_eq!(raw.matches("\r\nTEL;VALUE=uri;TYPE=voice,work:tel:+47").count(), 3, "{raw}");
    let card = card(&app, "/people/oystein-kvalheim.vcf").await;
    let phones: Vec<&VCardEntry> = card.properties(&VCardProperty::Tel).collect();
    assert_eq!(phones.len(), 3);
    for phone in phones {
        let types: Vec<&VCardParameterValue> = phone.parameters(&VCardParameterName::Type).collect();
        assert_eq!(
            types,
            [&VCardParameterValue::Type(VCardType::Voice), &VCardParameterValue::Type(VCardType::Work)],
            "{phone:?}"
        );
        assert!(texts(phone).iter().all(|t| t.starts_with("tel:+47")), "{phone:?}");
    }
}

#[tokio::test]
async fn a_person_in_two_groups_keeps_each_role_with_its_group() {
    let card = card(&app(&fixture("pages")), "/people/ragna-berg-lie.vcf").await;
    let (mut pairs, mut alone) = (Vec::new(), Vec::new());
    for org in card.properties(&VCardProperty::Org) {
        let Some(group) = org.group.as_deref() else {
            alone.push(texts(org));
            continue;
        };
        let roles: Vec<_> =
            card.properties(&VCardProperty::Role).filter(|r| r.group.as_deref() == Some(group)).collect();
        assert_eq!(roles.len(), 1, "one ROLE beside {org:?}");
        pairs.push((texts(org), texts(roles[0])));
    }
    assert_eq!(
        pairs,
        [
            (vec!["Fjord Studies Group".to_owned()], vec!["External member".to_owned()]),
            (
                vec!["Test University".to_owned(), "Coast Centre: Nordic Research Centre for Coastal Life".to_owned()],
                vec!["Advisory board".to_owned()]
            ),
        ]
    );
    assert_eq!(alone, [vec!["Institute of Tides".to_owned()]], "her affiliation, which has no role of its own");
    let name = card.property(&VCardProperty::N).expect("an N");
    assert_eq!(texts(name)[..2], ["Berg Lie".to_owned(), "Ragna".to_owned()]);
}
