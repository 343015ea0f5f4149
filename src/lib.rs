//! groupsite: a server-rendered website for research groups and centres.
//!
//! Content flows through one module per step: [`load`] reads the files, [`check`] turns them
//! into typed entities and collects every mistake, [`link`] builds the [`Site`] graph.

#![warn(missing_docs)]

pub mod check;
pub mod cli;
pub mod diagnostic;
pub mod export;
pub mod link;
pub mod load;
pub mod markdown;
pub mod model;
pub mod new;
pub mod paths;
pub mod render;
pub mod search;
pub mod serve;
pub mod words;

pub use cli::{Cli, run};
pub use diagnostic::{ContentError, Report, Span};
pub use link::Site;

/// Loads, checks and links the content folder at `dir`: the site, or every mistake in it.
pub fn check_dir(dir: &std::path::Path) -> Result<Site, Report> {
    let content = load::load_dir(dir);
    match check::check(&content) {
        Ok(model) => Ok(link::link(model)),
        Err(errors) => Err(Report::new(errors, content.sources.into_iter().map(|s| (s.path, s.text)).collect())),
    }
}
