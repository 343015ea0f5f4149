//! Splits one content file into TOML front matter and Markdown body, keeping byte offsets so
//! that errors point at the line and column the editor sees.

use std::ops::Range;

use crate::diagnostic::{ContentError, Span};
use crate::model::{EntityKind, Slug};

/// The text of one content file, kept so errors can quote it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the content folder, with `/` separators.
    pub path: String,
    /// The whole file, as read, for quoting in error snippets; shared with the watcher's memo,
    /// which keeps it for the next reload.
    pub text: std::sync::Arc<String>,
    /// When the file was last changed, where the file system says: an event's date in the
    /// feeds when its file gives none.
    pub modified: Option<std::time::SystemTime>,
}

/// One entity file, split into front matter and body.
#[derive(Debug, Clone)]
pub struct Document {
    /// Index of the file in `Content::sources`.
    pub source: usize,
    /// From the folder the file is in.
    pub kind: EntityKind,
    /// From the file name.
    pub slug: Slug,
    /// The front matter as TOML, padded so that byte offsets in it are offsets in the file:
    /// error spans from the TOML parser then point into the file as the editor sees it. `None`
    /// where the file's text is its front matter as it stands, a `.toml` file without a byte
    /// order mark: at 100,000 entities copies of those were 18 MiB of `check`'s 461 MiB peak.
    padded: Option<String>,
    /// Where the Markdown body starts in the file (its end for `.toml` files): the body is
    /// read from the file's text, not copied, and a mistake in it is placed in the file.
    pub body_start: usize,
}

/// A front matter that cannot be found.
#[derive(Debug, Clone, Copy)]
pub enum FrontMatterProblem {
    /// The file does not open with a `+++` line.
    Missing,
    /// The `+++` at this byte offset is never closed.
    Unclosed(usize),
}

impl FrontMatterProblem {
    /// Where to point the editor: the opening `+++`, or the start of the file.
    pub fn range(self) -> Range<usize> {
        match self {
            FrontMatterProblem::Missing => 0..0,
            FrontMatterProblem::Unclosed(start) => start..start + 3,
        }
    }

    /// The mistake as the editor will read it, placed at `at`.
    pub fn into_error(self, at: Span) -> ContentError {
        match self {
            FrontMatterProblem::Missing => ContentError::MissingFrontMatter { at },
            FrontMatterProblem::Unclosed(_) => ContentError::UnclosedFrontMatter { at },
        }
    }
}

const DELIMITER: &str = "+++";
const BOM: &str = "\u{feff}";

impl Document {
    /// The Markdown body, from `text`, the text of the document's file.
    pub fn body<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.body_start..).unwrap_or_default()
    }

    /// The front matter as TOML, from `text`, the text of the document's file.
    pub fn front_matter<'a>(&'a self, text: &'a str) -> &'a str {
        self.padded.as_deref().unwrap_or(text)
    }

    /// A `.toml` file: all front matter, no body.
    pub fn toml(source: usize, kind: EntityKind, slug: Slug, text: &str) -> Self {
        let padded = text.starts_with(BOM).then(|| blank_bom(text));
        Document { source, kind, slug, padded, body_start: text.len() }
    }

    /// A `.md` file: `+++`, TOML, `+++`, Markdown.
    pub fn markdown(source: usize, kind: EntityKind, slug: Slug, text: &str) -> Result<Self, FrontMatterProblem> {
        let start = if text.starts_with(BOM) { BOM.len() } else { 0 };
        let mut lines = line_ranges(text, start);
        let Some(open) = lines.next().filter(|r| text[r.clone()].trim_end() == DELIMITER) else {
            return Err(FrontMatterProblem::Missing);
        };
        let Some(close) = lines.find(|r| text[r.clone()].trim_end() == DELIMITER) else {
            return Err(FrontMatterProblem::Unclosed(open.start));
        };
        let mut front_matter = blank_bom(&text[..close.start]);
        // The opening delimiter becomes a TOML comment of the same length.
        front_matter.replace_range(open.start..open.start + 1, "#");
        let body_start = (close.end + 1).min(text.len());
        Ok(Document { source, kind, slug, padded: Some(front_matter), body_start })
    }
}

/// Ranges of each line's text, without its `\n`.
fn line_ranges(text: &str, from: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let range = pos..end;
        pos = end + 1;
        Some(range)
    })
}

fn blank_bom(text: &str) -> String {
    match text.strip_prefix(BOM) {
        Some(rest) => format!("{}{rest}", " ".repeat(BOM.len())),
        None => text.to_owned(),
    }
}
