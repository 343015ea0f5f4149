//! Builds the site from a content folder, the three steps in turn: [`load`](crate::load) reads
//! the files, [`check`](crate::check) types them and collects every mistake, and
//! [`link`](crate::link) connects them into a [`Site`].

use std::path::Path;

use crate::diagnostic::Report;
use crate::link::Site;
use crate::{check, link, load};

/// The site built from the content folder at `dir`, or every mistake in it: a site is never
/// built from part of the content.
pub fn site(dir: &Path) -> Result<Site, Report> {
    let content = load::load_dir(dir);
    match check::check(&content) {
        Ok(model) => Ok(link::link(model)),
        Err(errors) => Err(Report::new(errors, content.sources.into_iter().map(|s| (s.path, s.text)).collect())),
    }
}
