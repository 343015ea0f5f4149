//! groupsite: a server-rendered website for research groups and centres.
//!
//! Content flows through one module per step: [`load`] reads the files, [`check`] turns them
//! into typed entities and collects every mistake, [`link`] builds the [`Site`] graph; [`build`]
//! runs the three. [`render`] draws pages from a site, [`serve`] answers HTTP with them and
//! [`export`] writes them as files. The command line is the binary's, in `src/cli.rs`: it
//! calls this library and nothing here calls it.

#![warn(missing_docs)]

pub mod build;
pub mod check;
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

pub use diagnostic::{ContentError, Report, Span};
pub use link::Site;
