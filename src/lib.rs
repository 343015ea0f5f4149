//! groupsite: a server-rendered website for research groups and centres.
//!
//! Content flows through one module per step: [`load`] reads the files, [`check`] turns them
//! into typed entities and collects every mistake, [`link`] builds the [`Site`] graph; [`build`]
//! runs the three. [`render`] draws pages from a site, [`serve`] answers HTTP with them and
//! [`export`] writes them as files. The command line is the binary's, in `src/cli.rs`: it
//! calls this library and nothing here calls it.

#![warn(missing_docs)]

mod background;
pub mod build;
mod check;
mod diagnostic;
pub mod export;
pub mod images;
mod link;
mod load;
mod markdown;
pub mod model;
pub mod new;
pub mod paths;
mod render;
mod search;
pub mod serve;
mod words;

pub use diagnostic::{ContentError, ContentWarning, Report, Severity};
pub use link::Site;
pub use markdown::{MAX_DEPTH, MAX_TAG_BYTES};
pub use render::{BadBaseUrl, Removal, Urls, page_paths};
