//! Builds the site from a content folder, the three steps in turn: [`load`](crate::load) reads
//! the files, [`check`](crate::check) types them and collects every mistake, and
//! [`link`](crate::link) connects them into a [`Site`].

use std::collections::HashSet;
use std::path::Path;

use crate::diagnostic::Report;
use crate::link::Site;
use crate::{check, link, load};

/// A site built from content, and the warnings its content gave: values the site was built
/// without, which every caller names (`check` prints them, `serve` logs them, the preview
/// shows them) though none of them stops the site.
#[derive(Debug)]
pub struct Built {
    /// The site.
    pub site: Site,
    /// A report holding only warnings (none when the content is clean), ready to be shown as
    /// errors are.
    pub warnings: Report,
}

/// The site built from the content folder at `dir`, with the content's warnings; or every
/// error in it, with its warnings too: a site is never built from part of the content.
pub fn site(dir: &Path) -> Result<Built, Report> {
    let content = load::load_dir(dir);
    let checked = check::check(&content);
    let sources = content.sources.into_iter().map(|s| (s.path, s.text));
    match checked {
        Ok(check::Checked { model, warnings }) => {
            // Only the files warned about are quoted, so a large site's text is not kept for them.
            let warned: HashSet<&str> = warnings.iter().map(|w| w.span().path.as_str()).collect();
            let quoted = sources.filter(|(path, _)| warned.contains(path.as_str())).collect();
            let warnings = Report::new(Vec::new(), quoted).with_warnings(warnings);
            Ok(Built { site: link::link(model), warnings })
        }
        Err(check::Rejected { errors, warnings }) => {
            Err(Report::new(errors, sources.collect()).with_warnings(warnings))
        }
    }
}
