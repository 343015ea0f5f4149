//! What a file in `groups/` holds: the research group or centre the site is about.

use serde::Deserialize;

use super::{Entity, EntityKind, FilePath, Html, Image, Link, Ref, Slug, Text, Url};

/// A research group or research centre: the unit the site is about.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// File name; the group's URL is `/groups/{slug}/`.
    #[serde(skip)]
    pub slug: Slug,
    /// Full name: `Relational Welfare and Wellbeing`.
    pub name: Text,
    /// Short name for navigation and lists.
    pub short_name: Option<Text>,
    /// Group or centre; shown above the name on its page and on its home-page card.
    pub kind: GroupKind,
    /// Host institution.
    pub host: Option<String>,
    /// Department at the host institution, shown with the host above the group's name.
    pub department: Option<String>,
    /// One line under the name.
    pub tagline: Option<Text>,
    /// The group's purpose, in a paragraph.
    pub mission: Option<Text>,
    /// The wide picture at the top of the group's page.
    pub hero: Option<Image>,
    /// Shown beside the name at the top of the group's page.
    pub logo: Option<Image>,
    /// Set between the first paragraph of the about text and the rest.
    pub quote: Option<Quote>,
    /// Areas the group concentrates on.
    #[serde(default)]
    pub spotlights: Vec<Spotlight>,
    /// The group's journal, a publication of kind `journal`.
    pub journal: Option<Ref>,
    /// BibTeX files in `publications/` whose every entry is the group's.
    #[serde(default)]
    pub bibliography: Vec<FilePath>,
    /// The group's accounts elsewhere, under "Follow" on its page.
    #[serde(default)]
    pub social: Vec<Link>,
    /// About text, rendered from the body.
    #[serde(skip)]
    pub about: Html,
}

/// What kind of unit a group is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GroupKind {
    /// `kind = "research-group"`.
    ResearchGroup,
    /// `kind = "research-centre"`; visitors read the American "Research center".
    ResearchCentre,
}

impl GroupKind {
    /// Every kind.
    pub const ALL: [GroupKind; 2] = [GroupKind::ResearchGroup, GroupKind::ResearchCentre];

    /// The kind as content writes it (`research-centre`), and as catalogues name it.
    pub fn key(self) -> &'static str {
        match self {
            GroupKind::ResearchGroup => "research-group",
            GroupKind::ResearchCentre => "research-centre",
        }
    }
}

/// A quotation with where it comes from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// The quoted words, set as a block quotation.
    #[serde(deserialize_with = "super::non_blank")]
    pub text: String,
    /// Source, as cited: `Ness & Heimburg, 2020, p. 36`.
    pub citation: Option<String>,
}

/// One area a group concentrates on, with its explanation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spotlight {
    /// The area's heading under "Spotlight areas".
    pub title: Text,
    /// One paragraph on the group's work in the area.
    pub text: Text,
}

impl Entity for Group {
    const KIND: EntityKind = EntityKind::Group;
    const DESCRIBED: &'static str = "A research group or centre, in groups/";
    const NEW_FILE: &'static str = r#"+++
# A research group or centre. content/README.md documents every field.
name = {title}
# short_name = "WellFare"
# kind: research-group or research-centre
kind = "research-group"
# host = "NTNU"
# department = "Department of …"
# tagline = "One line under the name"
# mission = """The group's purpose, in a paragraph."""
# hero = { file = "media/hero.jpg", alt = "What the image shows", credit = "Photographer" }
# logo = { file = "media/logo.png", alt = "The group's logo" }
# quote = { text = "…", citation = "Author, year, page" }
# spotlights = [{ title = "…", text = "…" }]
# journal = "a-publication-slug"
# social = [{ label = "Twitter", url = "https://…" }]
+++

<!-- The about text, in Markdown, below this line. -->
"#;
    fn slug(&self) -> &Slug {
        &self.slug
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn identify(&mut self, slug: Slug, body: Html) {
        self.slug = slug;
        self.about = body;
    }
    fn texts_mut(&mut self) -> Vec<(&'static str, &mut Text)> {
        let mut texts = vec![("name", &mut self.name)];
        texts.extend(self.short_name.as_mut().map(|t| ("short_name", t)));
        texts.extend(self.tagline.as_mut().map(|t| ("tagline", t)));
        texts.extend(self.mission.as_mut().map(|t| ("mission", t)));
        for spotlight in &mut self.spotlights {
            texts.push(("spotlights.title", &mut spotlight.title));
            texts.push(("spotlights.text", &mut spotlight.text));
        }
        texts
    }
    fn body_mut(&mut self) -> Option<&mut Html> {
        Some(&mut self.about)
    }
    fn references(&self) -> Vec<(EntityKind, &Ref)> {
        self.journal.iter().map(|r| (EntityKind::Publication, r)).collect()
    }
    fn images(&self) -> Vec<(super::Place, &Image)> {
        let hero = self.hero.iter().map(|i| (super::Place::Hero, i));
        hero.chain(self.logo.iter().map(|i| (super::Place::Logo, i))).collect()
    }
    fn urls(&self) -> Vec<&Url> {
        self.social.iter().filter_map(|l| l.url.as_ref()).collect()
    }
}
