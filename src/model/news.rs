//! What a file in `news/` holds: a story the groups tell, dated, with the people and projects
//! it is about.

use serde::Deserialize;

use super::{Entity, EntityKind, Html, Image, Moment, Ref, RefList, Slug, Text, Url};

/// A news story: listed on `/news/`, on its groups' pages and in the feeds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct News {
    /// File name; the story's URL is `/news/{slug}/`.
    #[serde(skip)]
    pub slug: Slug,
    /// The headline.
    pub title: Text,
    /// When it was published: a day, or a time with its offset (or on the site's clock).
    pub date: Moment,
    /// Groups whose pages and feeds carry it; at least one.
    pub groups: RefList,
    /// People it is about, whose pages list it.
    #[serde(default)]
    pub people: Vec<Ref>,
    /// Projects it is about, whose pages list it.
    #[serde(default)]
    pub projects: Vec<Ref>,
    /// A picture at the top of the story.
    pub image: Option<Image>,
    /// One or two sentences for lists, search engines and link previews.
    pub summary: Option<Text>,
    /// The story, rendered from the body.
    #[serde(skip)]
    pub body: Html,
}

impl Entity for News {
    const KIND: EntityKind = EntityKind::News;
    const DESCRIBED: &'static str = "A news story, in news/";
    const NEW_FILE: &'static str = r#"+++
# A news story. content/README.md documents every field.
title = {title}
# date: the day it is published (2026-12-01), or a time with its offset (2026-12-01T09:00:00+01:00);
# a time without an offset is on the site's clock (`time_zone` in site.toml).
date = {today}
# summary = "One or two sentences for lists, search engines and link previews."
# people = ["oyvind-kvello"]          # people it is about (files in people/)
# projects = ["point"]                # projects it is about (files in projects/)
# image = { file = "media/story.jpg", alt = "What the picture shows", credit = "Photographer" }
# groups: at least one group slug (a file in groups/). Required.
groups = []
+++

<!-- The story, in Markdown, below this line. -->
"#;
    fn slug(&self) -> &Slug {
        &self.slug
    }
    fn name(&self) -> &str {
        &self.title
    }
    fn identify(&mut self, slug: Slug, body: Html) {
        self.slug = slug;
        self.body = body;
    }
    fn texts_mut(&mut self) -> Vec<(&'static str, &mut Text)> {
        vec![("title", &mut self.title)].into_iter().chain(self.summary.as_mut().map(|s| ("summary", s))).collect()
    }
    fn body_mut(&mut self) -> Option<&mut Html> {
        Some(&mut self.body)
    }
    fn urls(&self) -> Vec<&Url> {
        Vec::new()
    }
    fn references(&self) -> Vec<(EntityKind, &Ref)> {
        self.groups
            .iter()
            .map(|r| (EntityKind::Group, r))
            .chain(self.people.iter().map(|r| (EntityKind::Person, r)))
            .chain(self.projects.iter().map(|r| (EntityKind::Project, r)))
            .collect()
    }
    fn required_lists(&self) -> Vec<(&'static str, &RefList)> {
        vec![("groups", &self.groups)]
    }
    fn images(&self) -> Vec<(super::Place, &Image)> {
        self.image.iter().map(|i| (super::Place::Story, i)).collect()
    }
}
