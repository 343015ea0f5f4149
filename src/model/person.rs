//! What a file in `people/` holds: who a person is, how to reach them, and the groups they belong to.

use serde::Deserialize;

use super::{Entity, EntityKind, FilePath, Html, Image, Link, Ref, Slug, Text, Url};

/// A person who belongs to at least one group, or works on a project.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// File name; the person's URL is `/people/{slug}/`.
    #[serde(skip)]
    pub slug: Slug,
    /// Name as the person writes it: `Øyvind Kvello`.
    #[serde(deserialize_with = "super::non_blank")]
    pub name: String,
    /// Family name for sorting, where it is not the last word of `name`.
    pub family_name: Option<String>,
    /// Other forms of the name in bylines (`Kvello, Ø. K.`), where the name and the family name
    /// with initials do not find the person among a publication's authors.
    #[serde(default)]
    pub citation_names: Vec<String>,
    /// ORCID iD, `0000-0002-1825-0097`: finds the person among a publication's authors before
    /// any name does, and links the page to the ORCID record.
    #[serde(default, deserialize_with = "orcid")]
    pub orcid: Option<String>,
    /// Academic or job title: `Associate Professor`.
    pub title: Option<Text>,
    /// Where the person works, one line each under the name.
    #[serde(default)]
    pub affiliations: Vec<Affiliation>,
    /// Shown as `mailto:` links and put in the vCard.
    #[serde(default)]
    pub emails: Vec<String>,
    /// Phone numbers in international form, as written in the content.
    #[serde(default)]
    pub phones: Vec<String>,
    /// Portrait at the top of the person's page.
    pub photo: Option<Image>,
    /// ORCID, profiles and the like, under "Links" on the person's page.
    #[serde(default)]
    pub links: Vec<Link>,
    /// The only record of who belongs to a group: group pages find their people here.
    #[serde(default)]
    pub memberships: Vec<Membership>,
    /// BibTeX files in `publications/` whose every entry is the person's, and so their groups'.
    #[serde(default)]
    pub bibliography: Vec<FilePath>,
    /// Biography, rendered from the body.
    #[serde(skip)]
    pub bio: Html,
}

impl Person {
    /// The family name the directory sorts by.
    pub fn family_name(&self) -> &str {
        self.family_name.as_deref().unwrap_or_else(|| self.name.rsplit(' ').next().unwrap_or(&self.name))
    }

    /// The given names: the name without the family name, where that leaves any.
    pub fn given_name(&self) -> Option<&str> {
        let family = self.family_name();
        let given = match self.name.strip_suffix(family) {
            Some(given) => given.trim(),
            None => self.name.rsplit_once(' ').map_or("", |(given, _)| given.trim()),
        };
        (!given.is_empty()).then_some(given)
    }
}

/// Where a person works; each part may be left out.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Affiliation {
    /// Title held there, where a person has different titles at different places.
    pub title: Option<String>,
    /// Department or unit: `Department of Social Work`.
    pub department: Option<String>,
    /// University or employer: `NTNU`; the organisation in the vCard.
    pub institution: Option<String>,
    /// Last on the affiliation's line.
    pub country: Option<String>,
}

/// A person's place in a group.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    /// The group whose page lists the person.
    pub group: Ref,
    /// Which heading of the group's people the person appears under.
    pub role: Role,
    /// Position in the group, such as `Leader`.
    pub position: Option<Text>,
    /// When the person joined: a year (`2019`) or a day (`2019-08-01`).
    pub start: Option<Tenure>,
    /// When the person left; a membership whose end has passed is a former one.
    pub end: Option<Tenure>,
}

impl Membership {
    /// Whether the membership is over on `today`: its end year or day has passed.
    pub fn has_ended(&self, today: chrono::NaiveDate) -> bool {
        use chrono::Datelike;
        match self.end {
            Some(Tenure::Year(year)) => i32::from(year) < today.year(),
            Some(Tenure::Day(day)) => day < today,
            None => false,
        }
    }

    /// The day after its end, when it is over; none for a membership without an end.
    pub fn ends_after(&self) -> Option<chrono::NaiveDate> {
        match self.end? {
            Tenure::Year(year) => chrono::NaiveDate::from_ymd_opt(i32::from(year) + 1, 1, 1),
            Tenure::Day(day) => day.succ_opt(),
        }
    }
}

/// A year or a day a membership began or ended, as content writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tenure {
    /// `2019`.
    Year(u16),
    /// `2019-08-01`.
    Day(chrono::NaiveDate),
}

impl Tenure {
    /// The year, for the years a page shows: `2015–2019`.
    pub fn year(self) -> i32 {
        use chrono::Datelike;
        match self {
            Tenure::Year(year) => i32::from(year),
            Tenure::Day(day) => day.year(),
        }
    }
}

impl<'de> Deserialize<'de> for Tenure {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Year(u16),
            Day(toml::value::Datetime),
        }
        let invalid = || serde::de::Error::custom("write a year (2019) or a day (2019-08-01)");
        match Written::deserialize(d).map_err(|_: D::Error| invalid())? {
            Written::Year(year) if (1000..=9999).contains(&year) => Ok(Tenure::Year(year)),
            Written::Day(toml::value::Datetime { date: Some(date), time: None, offset: None }) => {
                chrono::NaiveDate::from_ymd_opt(i32::from(date.year), u32::from(date.month), u32::from(date.day))
                    .map(Tenure::Day)
                    .ok_or_else(invalid)
            }
            _ => Err(invalid()),
        }
    }
}

/// The roles a person can have in a group, in the order a group page lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// `member`: a researcher of the group itself.
    Member,
    /// `external-member`: listed by the group under "External members".
    ExternalMember,
    /// `advisory-board`: sits on the group's advisory board.
    AdvisoryBoard,
    /// `associated-researcher`: works with the group without being a member.
    AssociatedResearcher,
}

impl Role {
    /// Every role, in the order a group page lists them.
    pub const ALL: [Role; 4] = [Role::Member, Role::ExternalMember, Role::AdvisoryBoard, Role::AssociatedResearcher];

    /// The role as content writes it (`external-member`), and as catalogues name it.
    pub fn key(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::ExternalMember => "external-member",
            Role::AdvisoryBoard => "advisory-board",
            Role::AssociatedResearcher => "associated-researcher",
        }
    }
}

impl Entity for Person {
    const KIND: EntityKind = EntityKind::Person;
    const DESCRIBED: &'static str = "A person, in people/";
    const NEW_FILE: &'static str = r#"+++
# A person. Every field but `name` may be left out; leave out what you do not know.
# content/README.md documents every field.
name = {title}
# family_name = "von Heimburg"      # only where it is not the last word of the name; the directory sorts by it
# title = "Associate Professor"
# affiliations = [{ title = "…", department = "Department of …", institution = "NTNU", country = "Norway" }]
# emails = ["name@example.org"]
# phones = ["+47-12345678"]          # international form; shown grouped, dialled as tel:
# photo = { file = "media/name.jpg", alt = "What the photo shows", credit = "Photographer" }
#                                    # as the camera took it; cut square, around `focus = "top"` if set
# links = [{ label = "ORCID", url = "https://orcid.org/…" }]
# memberships: group slug (a file in groups/) and role: member, external-member, advisory-board,
# associated-researcher; `position` is optional.
memberships = [
  # { group = "wellfare", role = "member", position = "Leader" },
]
+++

<!-- The biography, in Markdown, below this line. Leave it empty if there is none. -->
"#;
    fn slug(&self) -> &Slug {
        &self.slug
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn identify(&mut self, slug: Slug, body: Html) {
        self.slug = slug;
        self.bio = body;
    }
    fn texts_mut(&mut self) -> Vec<(&'static str, &mut Text)> {
        let positions =
            self.memberships.iter_mut().filter_map(|m| m.position.as_mut().map(|p| ("memberships.position", p)));
        self.title.as_mut().map(|t| ("title", t)).into_iter().chain(positions).collect()
    }
    fn body_mut(&mut self) -> Option<&mut Html> {
        Some(&mut self.bio)
    }
    fn urls(&self) -> Vec<&Url> {
        self.links.iter().filter_map(|l| l.url.as_ref()).collect()
    }
    fn references(&self) -> Vec<(EntityKind, &Ref)> {
        self.memberships.iter().map(|m| (EntityKind::Group, &m.group)).collect()
    }
    fn images(&self) -> Vec<(super::Place, &Image)> {
        self.photo.iter().map(|i| (super::Place::Portrait, i)).collect()
    }
}

/// An ORCID iD in its plain form (`0000-0002-1825-0097`), from that or from its address
/// (`https://orcid.org/0000-0002-1825-0097`); `None` unless its check digit is right, so a
/// mistyped iD finds no one.
pub fn orcid_id(written: &str) -> Option<String> {
    let written = written.trim();
    let id = ["https://orcid.org/", "http://orcid.org/", "orcid.org/"]
        .iter()
        .find_map(|prefix| written.strip_prefix(prefix))
        .unwrap_or(written)
        .to_ascii_uppercase();
    let groups: Vec<&str> = id.split('-').collect();
    let shaped = groups.len() == 4 && groups.iter().all(|g| g.len() == 4);
    let digits: Vec<char> = id.chars().filter(|c| *c != '-').collect();
    if !shaped || digits.len() != 16 {
        return None;
    }
    // ISO 7064 MOD 11-2, as orcid.org checks it.
    let mut total = 0u32;
    for c in &digits[..15] {
        total = (total + c.to_digit(10)?) * 2;
    }
    let check = match (12 - total % 11) % 11 {
        10 => 'X',
        n => char::from_digit(n, 10)?,
    };
    (digits[15] == check).then_some(id)
}

fn orcid<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let written = String::deserialize(d)?;
    orcid_id(&written).map(Some).ok_or_else(|| {
        serde::de::Error::custom(format!(
            "`{written}` is not an ORCID iD: four groups of four digits, such as `0000-0002-1825-0097`, the last a check digit"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::orcid_id;

    #[test]
    fn an_orcid_id_is_read_from_its_plain_form_or_its_address_and_its_check_digit_is_checked() {
        assert_eq!(orcid_id("0000-0002-1825-0097").as_deref(), Some("0000-0002-1825-0097"));
        assert_eq!(orcid_id("https://orcid.org/0000-0002-1694-233x").as_deref(), Some("0000-0002-1694-233X"));
        assert_eq!(orcid_id("0000-0002-1825-0098"), None, "a wrong check digit");
        assert_eq!(orcid_id("0000-0002-1825"), None);
        assert_eq!(orcid_id("0000 0002 1825 0097"), None);
    }
}
