//! Builds the site from a content folder, the three steps in turn: [`load`](crate::load) reads
//! the files, [`check`](crate::check) types them and collects every mistake, and
//! [`link`](crate::link) connects them into a [`Site`].

use std::collections::HashSet;
use std::path::Path;

use crate::diagnostic::Report;
use crate::link::Site;
use crate::{check, link, load};

/// What the last build of one content folder read and made of each file, kept by the watcher
/// so that a reload opens, parses and renders only the files that changed (and those changed
/// less than a second before they were last read); the rest of the build (references, links,
/// indices) is done in full, so its site is the one a build without it gives.
#[derive(Debug, Default)]
pub struct Memo {
    texts: load::Texts,
    entities: check::Memo,
}

impl Memo {
    /// How many entity files' typed entities it holds.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether it holds nothing yet.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// Tells the next build that nothing but `paths` (relative to the content folder,
    /// `/`-separated) changed since the last: it looks at only those files rather than at
    /// every file, and walks the folder where one of them is a folder or a link.
    pub fn changed_only(&mut self, paths: std::collections::BTreeSet<String>) {
        self.texts.changed_only(paths);
    }
}

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
    site_remembering(dir, None)
}

/// The site built as [`site`] builds it, reading again only the files whose text is not what
/// `memo` holds from the last build (the watcher's), and leaving in it what this one read.
pub fn site_remembering(dir: &Path, memo: Option<&mut Memo>) -> Result<Built, Report> {
    let (texts, entities) = match memo {
        Some(memo) => (Some(&mut memo.texts), Some(&mut memo.entities)),
        None => (None, None),
    };
    let content = load::load_dir(dir, texts);
    let checked = check::check(&content, entities);
    // A text is copied only where the watcher's memo shares it.
    let quote = |s: load::SourceFile| (s.path, std::sync::Arc::unwrap_or_clone(s.text));
    let sources = content.sources.into_iter();
    match checked {
        Ok(check::Checked { model, warnings }) => {
            // Only the files warned about are quoted, so a large site's text is not kept for them.
            let warned: HashSet<&str> = warnings.iter().map(|w| w.span().path.as_str()).collect();
            let quoted = sources.filter(|s| warned.contains(s.path.as_str())).map(quote).collect();
            let warnings = Report::new(Vec::new(), quoted).with_warnings(warnings);
            Ok(Built { site: link::link(model), warnings })
        }
        Err(check::Rejected { errors, warnings }) => {
            Err(Report::new(errors, sources.map(quote).collect()).with_warnings(warnings))
        }
    }
}
