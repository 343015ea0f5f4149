//! A body in Markdown alone, with no raw HTML, written out without the sanitizer. Every element
//! the Markdown renderer writes is one the sanitizer keeps, so what it would take away is taken
//! away here, as it takes it: an address of a scheme it does not allow, a table cell's alignment
//! and a code block's language (attributes it removes); and a link gets the `rel` it gives one.
//! Parsing the HTML once more to find nothing to remove was a fifth of `check` at 100,000
//! entities, where no body had raw HTML.

use pulldown_cmark::{Alignment, CodeBlockKind, CowStr, Event, LinkType, Tag, html};
use pulldown_cmark_escape::{escape_href, escape_html};

use super::{LINK_REL, PIECE_BREAK, URL_SCHEMES};

/// The body's HTML, from events that hold no raw HTML but the renderer's own (the breaks
/// between pieces of text, `<code>` around a long code span).
pub(super) fn to_html(events: Vec<Event<'_>>, capacity: usize) -> String {
    let mut kept = Vec::with_capacity(events.len());
    let mut events = events.into_iter();
    while let Some(event) = events.next() {
        kept.push(match event {
            // Only the sanitizer needs the text in pieces.
            Event::InlineHtml(piece) if *piece == *PIECE_BREAK => continue,
            Event::Start(Tag::Table(alignments)) => Event::Start(Tag::Table(vec![Alignment::None; alignments.len()])),
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => {
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(CowStr::Borrowed(""))))
            }
            Event::Start(Tag::Link { link_type, dest_url, title, .. }) => {
                let mut a = String::from("<a");
                let href =
                    if link_type == LinkType::Email { format!("mailto:{dest_url}") } else { dest_url.to_string() };
                address(&mut a, "href", &href);
                attribute(&mut a, "title", &title);
                a.push_str(" rel=\"");
                a.push_str(LINK_REL);
                a.push_str("\">");
                Event::InlineHtml(a.into())
            }
            Event::Start(Tag::Image { dest_url, title, .. }) => {
                let mut img = String::from("<img");
                address(&mut img, "src", &dest_url);
                img.push_str(" alt=\"");
                alt_text(&mut events, &mut img);
                img.push('"');
                attribute(&mut img, "title", &title);
                img.push('>');
                Event::InlineHtml(img.into())
            }
            other => other,
        });
    }
    let mut out = String::with_capacity(capacity);
    html::push_html(&mut out, kept.into_iter());
    // Kept for as long as the site is served, so copied to a string of its own length, as the
    // sanitizer's output is (the allocator shrinks a string in place, keeping its room).
    out.as_str().to_owned()
}

/// Writes ` name="url"` as the renderer escapes an address, or nothing where the sanitizer
/// would remove it: an absolute address of a scheme not in [`URL_SCHEMES`], or one that does
/// not parse. It is judged as a browser reads the attribute, entities decoded.
fn address(out: &mut String, name: &str, url: &str) {
    let mut escaped = String::with_capacity(url.len());
    let _ = escape_href(&mut escaped, url);
    let read = escaped.replace("&#x27;", "'").replace("&amp;", "&");
    let allowed = match url::Url::parse(&read) {
        Ok(url) => URL_SCHEMES.contains(&url.scheme()),
        Err(url::ParseError::RelativeUrlWithoutBase) => true,
        Err(_) => false,
    };
    if allowed {
        out.push_str(&format!(" {name}=\"{escaped}\""));
    }
}

/// Writes ` name="value"`, escaped, where the value is not empty (as the renderer does).
fn attribute(out: &mut String, name: &str, value: &str) {
    if !value.is_empty() {
        out.push_str(&format!(" {name}=\""));
        let _ = escape_html(&mut *out, value);
        out.push('"');
    }
}

/// The text of an image's description, escaped for its `alt`, up to and including the image's
/// end (as the renderer reads it: the text of everything inside, tags left out).
fn alt_text<'a>(events: &mut impl Iterator<Item = Event<'a>>, out: &mut String) {
    let mut depth = 0usize;
    for event in events {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => return,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::InlineHtml(piece) if *piece == *PIECE_BREAK => {}
            Event::Text(text) | Event::Code(text) | Event::InlineHtml(text) => {
                let _ = escape_html(&mut *out, &text);
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
}
