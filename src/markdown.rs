//! Markdown bodies to safe HTML, once, when content is loaded.

mod plain;
mod raw_html;

use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use crate::model::Html;

/// How deep quotes, lists and HTML elements may sit inside one another in a body. The
/// sanitizer's HTML parser does work in proportion to this depth for every element it opens,
/// so without a bound a 100 KB file of `>` takes it tens of seconds. A real page nests a
/// handful of levels (a list in a quote in a list); 64 is far beyond that and well under the
/// 512 at which browsers stop nesting.
pub const MAX_DEPTH: usize = 64;

/// The longest a raw HTML tag, or a link's or image's address or title, may be. The
/// sanitizer reads an attribute value in time that grows with the square of its length (1 MB
/// of `&` in a link took 12 s; in a raw attribute, minutes), and no real address or tag needs
/// more than a few hundred bytes: the sitemap protocol caps a URL at 2,048.
pub const MAX_TAG_BYTES: usize = 8 * 1024;

/// Elements the sanitizer removes together with everything inside them.
pub const TEXT_DROPPING_ELEMENTS: [&str; 2] = ["script", "style"];

/// The longest text the sanitizer is given as one piece. Writing out a piece of text costs it
/// time in proportion to the piece's length for every `&` or `«` in it, so longer text is
/// handed over in pieces, with an empty comment (which it removes) between them.
const TEXT_PIECE: usize = 1024;

/// Where a body's text is cut into pieces; the sanitizer removes it, leaving the text whole.
const PIECE_BREAK: &str = "<!---->";

/// A body the site would show with part of it silently missing, or that would take the
/// sanitizer unbounded time.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BodyMistake {
    /// An element read as text or dropped with its content (`<style>`, `<textarea>`,
    /// `<template>`), not closed before the Markdown that follows it.
    #[error("`<{name}>` is not closed, so the text after it would be lost")]
    UnclosedElement {
        /// The element's name.
        name: String,
    },
    /// A comment (`<!--`), or something read as one (`<?`, `<!`), not closed.
    #[error("the comment opened with `{opened}` is not closed, so the text after it would be lost")]
    UnclosedComment {
        /// How it opens.
        opened: &'static str,
    },
    /// A tag with no `>`, which takes the Markdown after it for its attributes.
    #[error("the tag `{tag}` has no `>`, so the text after it would be lost")]
    UnclosedTag {
        /// The tag as far as its name.
        tag: String,
    },
    /// A raw HTML tag, or a link's address or title, longer than [`MAX_TAG_BYTES`].
    #[error("this {what} is longer than {} KiB", MAX_TAG_BYTES / 1024)]
    TooLong {
        /// What is too long: "tag", "link address" …
        what: &'static str,
    },
    /// Nesting past [`MAX_DEPTH`].
    #[error("quotes, lists and HTML elements are nested more than {MAX_DEPTH} deep here")]
    TooDeep,
}

impl BodyMistake {
    /// What the editor can do about it.
    pub fn hint(&self) -> String {
        match self {
            BodyMistake::UnclosedElement { name } if name == "plaintext" => {
                "remove it: nothing ends a `<plaintext>`".into()
            }
            BodyMistake::UnclosedElement { name }
                if TEXT_DROPPING_ELEMENTS.contains(&name.as_str()) || name == "template" =>
            {
                format!(
                    "close it with `</{name}>` right after its content, or remove it; a `<{name}>` in a body is dropped"
                )
            }
            BodyMistake::UnclosedElement { name } => {
                format!("close it with `</{name}>` in the same paragraph, or remove it")
            }
            BodyMistake::UnclosedComment { opened: "<!--" } => "close the comment with `-->`".into(),
            BodyMistake::UnclosedComment { .. } => "end it with `>`, or remove it".into(),
            BodyMistake::UnclosedTag { .. } => "end the tag with `>`, and close any quote opened in it".into(),
            BodyMistake::TooLong { .. } => "shorten it, or link to a page that holds the text".into(),
            BodyMistake::TooDeep => {
                "no page needs this many; remove some of the `>`, list markers or HTML elements that open here".into()
            }
        }
    }
}

/// A [`BodyMistake`] and where it is, as a byte range in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyFault {
    /// Byte range in the body (not the file) of what is at fault.
    pub at: Range<usize>,
    /// What is wrong.
    pub mistake: BodyMistake,
}

/// The schemes an absolute address in a body may have (the sanitizer's own defaults); any
/// other (`javascript:`, `data:`) is removed.
const URL_SCHEMES: [&str; 25] = [
    "bitcoin",
    "ftp",
    "ftps",
    "geo",
    "http",
    "https",
    "im",
    "irc",
    "ircs",
    "magnet",
    "mailto",
    "mms",
    "mx",
    "news",
    "nntp",
    "openpgp4fpr",
    "sip",
    "sms",
    "smsto",
    "ssh",
    "tel",
    "url",
    "webcal",
    "wtai",
    "xmpp",
];

/// What every link in a body is marked with: the page it opens gets no hold on this one, and
/// no address of it.
const LINK_REL: &str = "noopener noreferrer";

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut sanitizer = ammonia::Builder::default();
    sanitizer
        .clean_content_tags(TEXT_DROPPING_ELEMENTS.into_iter().collect())
        .url_schemes(URL_SCHEMES.into_iter().collect())
        .link_rel(Some(LINK_REL));
    sanitizer
});

/// Renders a Markdown body and removes from it anything that could run in a visitor's
/// browser (scripts, styles, event handlers, `javascript:` links), so an editor's raw HTML
/// can never inject script. Headings move one level down: the page's own title is the one
/// `<h1>`, so a body's `# Heading` becomes an `<h2>`. Refuses a body whose raw HTML would
/// make the sanitizer drop the text after it, or that nests past [`MAX_DEPTH`].
pub fn render(markdown: &str) -> Result<Html, BodyFault> {
    let body = read(markdown)?;
    let capacity = markdown.len() * 3 / 2;
    Ok(Html::sanitized(match body.raw_html {
        false => plain::to_html(body.events, capacity),
        true => sanitized(body.events, capacity),
    }))
}

/// A body's Markdown read as events ready to be written out as HTML.
struct Body<'a> {
    events: Vec<Event<'a>>,
    /// Whether the editor wrote any raw HTML, which only the sanitizer can make safe.
    raw_html: bool,
}

/// The body's HTML, made safe by the sanitizer.
fn sanitized(events: Vec<Event<'_>>, capacity: usize) -> String {
    let mut unsafe_html = String::with_capacity(capacity);
    html::push_html(&mut unsafe_html, events.into_iter());
    SANITIZER.clean(&unsafe_html).to_string()
}

/// Reads a body, refusing one whose raw HTML would make the sanitizer drop the text after it,
/// or that nests past [`MAX_DEPTH`]; headings move one level down, and text comes in pieces the
/// sanitizer can write out in linear time.
fn read(markdown: &str) -> Result<Body<'_>, BodyFault> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let fault = |(at, mistake): (Range<usize>, BodyMistake)| {
        let end = at.end.min(markdown.len());
        BodyFault { at: at.start.min(end)..end, mistake }
    };
    let mut reading = raw_html::Reading::new();
    let mut events = Vec::new();
    let mut piece = 0;
    let mut raw_html = false;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        let event = match event {
            Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                Event::Start(Tag::Heading { level: lower(level), id, classes, attrs })
            }
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(lower(level))),
            other => other,
        };
        match event {
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            Event::Start(tag) => {
                if let Some(what) = too_long(&tag) {
                    return Err(fault((range, BodyMistake::TooLong { what })));
                }
                reading.markdown_start(range.start, is_block(&tag)).map_err(fault)?;
                events.push(Event::Start(tag));
                piece = 0;
            }
            Event::End(tag) => {
                reading.markdown_end(is_block_end(tag)).map_err(fault)?;
                events.push(Event::End(tag));
                piece = 0;
            }
            Event::Html(raw) | Event::InlineHtml(raw) => {
                if piece + raw.len() > TEXT_PIECE && reading.in_text() {
                    events.push(Event::InlineHtml(PIECE_BREAK.into()));
                    piece = 0;
                }
                piece += raw.len();
                raw_html = true;
                reading.raw(&raw, offset_in(markdown, &raw).unwrap_or(range.start)).map_err(fault)?;
                events.push(Event::InlineHtml(raw));
            }
            Event::Text(text) => in_pieces(text, &mut piece, reading.in_text(), &mut events),
            Event::Code(code) if code.len() > TEXT_PIECE => {
                events.push(Event::InlineHtml("<code>".into()));
                piece = 0;
                in_pieces(code, &mut piece, reading.in_text(), &mut events);
                events.push(Event::InlineHtml("</code>".into()));
                piece = 0;
            }
            Event::SoftBreak => {
                piece += 1;
                events.push(Event::SoftBreak);
            }
            other => {
                piece = 0;
                events.push(other);
            }
        }
    }
    reading.finish().map_err(fault)?;
    Ok(Body { events, raw_html })
}

/// Adds `text` to `events`, cut with [`PIECE_BREAK`] wherever the text since the last element
/// (`piece` bytes so far) grows past [`TEXT_PIECE`]; uncut where a break would not be removed.
fn in_pieces<'a>(text: CowStr<'a>, piece: &mut usize, cut: bool, events: &mut Vec<Event<'a>>) {
    if !cut || *piece + text.len() <= TEXT_PIECE {
        *piece += text.len();
        events.push(Event::Text(text));
        return;
    }
    let mut rest: &str = &text;
    while *piece + rest.len() > TEXT_PIECE {
        // Raw HTML may have filled the piece already: then the break comes first.
        let mut end = TEXT_PIECE.saturating_sub(*piece).min(rest.len());
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        if end > 0 {
            events.push(Event::Text(rest[..end].to_owned().into()));
        }
        events.push(Event::InlineHtml(PIECE_BREAK.into()));
        rest = &rest[end..];
        *piece = 0;
    }
    *piece = rest.len();
    if !rest.is_empty() {
        events.push(Event::Text(rest.to_owned().into()));
    }
}

/// Where `part`, a slice of `body`, starts in it; `None` for text the parser made itself.
fn offset_in(body: &str, part: &str) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(body.as_ptr() as usize)?;
    (start + part.len() <= body.len()).then_some(start)
}

/// What of a link or image is longer than [`MAX_TAG_BYTES`], if anything.
fn too_long(tag: &Tag) -> Option<&'static str> {
    let (what, dest_url, title) = match tag {
        Tag::Link { dest_url, title, .. } => ("link", dest_url, title),
        Tag::Image { dest_url, title, .. } => ("image", dest_url, title),
        _ => return None,
    };
    match (dest_url.len() > MAX_TAG_BYTES, title.len() > MAX_TAG_BYTES) {
        (true, _) => Some(if what == "link" { "link's address" } else { "image's address" }),
        (_, true) => Some(if what == "link" { "link's title" } else { "image's title" }),
        _ => None,
    }
}

/// Whether the element starts a block, which raw HTML left open would swallow whole.
fn is_block(tag: &Tag) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_block_end(tag: TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

fn lower(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(markdown: &str) -> Html {
        super::render(markdown).unwrap_or_else(|fault| panic!("{markdown:?}: {fault:?}"))
    }

    fn refused(markdown: &str) -> BodyFault {
        match super::render(markdown) {
            Ok(html) => panic!("{markdown:?} rendered as {:?}", html.as_str()),
            Err(fault) => fault,
        }
    }

    #[test]
    fn markdown_becomes_html() {
        assert_eq!(render("Some *words*.").as_str().trim(), "<p>Some <em>words</em>.</p>");
    }

    #[test]
    fn a_body_splits_after_its_first_paragraph() {
        let (intro, rest) = render("One.\n\nTwo.\n\nThree.").split_after_first_paragraph();
        assert_eq!(intro.as_str(), "<p>One.</p>\n");
        assert_eq!(rest.as_str(), "<p>Two.</p>\n<p>Three.</p>\n");
        let (intro, rest) = render("# Heading\n\nText.").split_after_first_paragraph();
        assert!(intro.as_str().starts_with("<h2>") && rest.is_empty());
    }

    #[test]
    fn headings_sit_below_the_page_title() {
        assert_eq!(render("# One\n## Two").as_str(), "<h2>One</h2>\n<h3>Two</h3>\n");
    }

    /// Bodies without raw HTML, each with what the writer without the sanitizer must treat as
    /// the sanitizer does: addresses of every kind, alignments, code languages, escaping.
    const PLAIN_BODIES: [&str; 12] = [
        "Plain *em* **strong** ~~del~~ `code` and \"quotes\", 'apostrophes', & < > and a\u{a0}space.",
        "[rel](/people/) [abs](https://example.org/a?b=1&c=2#d) [t](https://example.org \"A \\\"title\\\" 'x'\")",
        "<https://example.org/auto> <someone@example.org> [mail](mailto:a@b.c) [tel](tel:+4712345678) [ftp](ftp://x/)",
        "[js](javascript:alert(1)) [JS](JAVASCRIPT:alert(1)) [tab](<java\tscript:alert(1)>) [data](data:text/html,x)",
        "[vb](vbscript:x) [bad](http://[::1) [space](<a b>) [q](x'y) [ent](&#106;avascript:alert(1)) [](//evil.example/)",
        "![alt *em* `code`](/media/a.png \"T\") ![bad](javascript:x) ![](data:image/png;base64,AAA) ![x\ny](https://e.org/i.png)",
        "| a | b | c |\n|:--|:-:|--:|\n| 1 | *2* | [3](javascript:x) |\n",
        "```rust\nfn main() { \"<b>\" }\n```\n\n    indented <i>\n\n~~~\nplain\n~~~\n",
        "3. three\n4. four\n\n- a\n- b\n\n  para\n\n> quote\n> more\n\n---\n\nline  \nbreak\\\nhard",
        "# H1\n## H2\n###### H6 [in](/contact)\n\nSee [ref][r] and [r].\n\n[r]: /contact \"Contact\"\n",
        "Less than: a < b, 3 <4, and >quoted.\n\nA [link with a long text to cut &amp; &«](/x) and `&« code`.",
        "",
    ];

    /// Writes HTML out as the sanitizer does, but keeps what the writer without it might wrongly
    /// let through (unsafe schemes, `style`, `class`, a `rel` of its own), so that any such thing
    /// makes a difference from the sanitized HTML.
    static KEEPING_ALL: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
        let mut keeping = ammonia::Builder::default();
        keeping
            .add_generic_attributes(["style", "class", "rel", "id"])
            .add_url_schemes(["javascript", "vbscript", "data", "file"])
            .link_rel(None);
        keeping
    });

    /// The body as the sanitizer writes it and as the writer without it does, re-serialized.
    fn both_ways(markdown: &str) -> Option<(String, String)> {
        let body = read(markdown).unwrap_or_else(|fault| panic!("{markdown:?}: {fault:?}"));
        if body.raw_html {
            return None;
        }
        let plain = plain::to_html(body.events, 0);
        assert_eq!(render(markdown).as_str(), plain, "the body is written without the sanitizer");
        let events = read(markdown).map(|body| body.events).unwrap_or_default();
        Some((KEEPING_ALL.clean(&plain).to_string(), sanitized(events, 0)))
    }

    #[test]
    fn a_body_without_raw_html_is_written_as_the_sanitizer_would_write_it() {
        let kept = KEEPING_ALL.clean("<a href=\"javascript:x\" style=\"a\" rel=\"r\">x</a>").to_string();
        assert!(kept.contains("javascript:") && kept.contains("style") && kept.contains("rel=\"r\""), "{kept}");
        for markdown in PLAIN_BODIES.map(str::to_owned).into_iter().chain(long_bodies()) {
            let (plain, sanitized) = both_ways(&markdown).unwrap_or_else(|| panic!("{markdown:?} has raw HTML"));
            assert_eq!(plain, sanitized, "{markdown:?}");
        }
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut compared = 0;
        for file in walkdir::WalkDir::new(fixtures).into_iter().filter_map(Result::ok) {
            let Ok(text) = std::fs::read_to_string(file.path()) else { continue };
            let Some(body) = text.strip_prefix("+++").and_then(|t| t.split_once("\n+++").map(|(_, b)| b)) else {
                continue;
            };
            if file.path().extension().is_some_and(|e| e == "md")
                && let Ok(Some((plain, sanitized))) = std::panic::catch_unwind(|| both_ways(body))
            {
                assert_eq!(plain, sanitized, "{}", file.path().display());
                compared += 1;
            }
        }
        assert!(compared > 20, "only {compared} fixture bodies compared");
    }

    /// Bodies long enough that the sanitizer gets their text in pieces.
    fn long_bodies() -> [String; 2] {
        let text = "&«\"".repeat(1500);
        [format!("{text}\n\n`{text}`\n\n    {text}\n"), format!("[{text}](/x \"{text}\") *{text}*")]
    }

    #[test]
    fn raw_script_and_handlers_are_removed() {
        let html = render("Hi <script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))");
        let html = html.as_str();
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("Hi"), "{html}");
    }

    /// Every raw HTML opening the sanitizer's parser might read past its paragraph, as a
    /// block of its own and inside a paragraph.
    const OPENINGS: [&str; 20] = [
        "<style>",
        "<STYLE type=\"text/css\">",
        "<style/>",
        "<script>",
        "<template>",
        "<textarea>",
        "<title>",
        "<xmp>",
        "<iframe>",
        "<noembed>",
        "<noframes>",
        "<noscript>",
        "<plaintext>",
        "<!--",
        "<?php",
        "<![CDATA[",
        "<!DOCTYPE",
        "<div title=\"x",
        "<div",
        "</div title='",
    ];

    #[test]
    fn text_after_raw_html_is_never_lost_in_silence() {
        for opening in OPENINGS {
            for markdown in [
                format!("Before\n\n{opening}\n\n# Heading\n\nAfter text.\n"),
                format!("Before {opening} middle\n\n# Heading\n\nAfter text.\n"),
                format!("- Before\n\n  {opening}\n- Heading\n\nAfter text.\n"),
                format!("> Before {opening}\n\n# Heading\n\nAfter text.\n"),
            ] {
                match super::render(&markdown) {
                    Ok(html) => {
                        let html = html.as_str();
                        assert!(
                            html.contains(">Heading</h") || html.contains("<li>Heading"),
                            "{markdown:?} lost its heading: {html}"
                        );
                        assert!(html.contains("<p>After text.</p>"), "{markdown:?} lost its last line: {html}");
                    }
                    Err(fault) => {
                        assert_eq!(
                            fault.at.start,
                            markdown.find(opening).unwrap_or_default(),
                            "{markdown:?}: {fault:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn an_unclosed_style_is_named_where_it_opens() {
        let fault = refused("Intro.\n\n<style>\n\n## Heading\n\nText.\n");
        assert_eq!(fault.at, 8..14);
        assert_eq!(fault.mistake, BodyMistake::UnclosedElement { name: "style".into() });
        assert!(fault.mistake.hint().contains("</style>"), "{}", fault.mistake.hint());
        let fault = refused("A <style>b\n\nC</style>\n");
        assert_eq!((fault.at.start, fault.mistake), (2, BodyMistake::UnclosedElement { name: "style".into() }));
        assert_eq!(
            super::render("<!-- a\n\nb").map_err(|f| f.mistake),
            Err(BodyMistake::UnclosedComment { opened: "<!--" })
        );
        let tag = super::render("<div title=\"x\n\nText").map_err(|f| f.mistake);
        assert_eq!(tag, Err(BodyMistake::UnclosedTag { tag: "<div".into() }));
    }

    #[test]
    fn closed_raw_html_keeps_the_text_around_it() {
        for markdown in [
            "<style>p { color: red }</style>\n\nAfter text.",
            "Before <style>p{}</style> and after.\n\nAfter text.",
            "<!-- a note\nfor editors -->\n\nAfter text.",
            "<textarea>kept</textarea>\n\nAfter text.",
            "<div class=\"a>b\">\n\nInside.\n\n</div>\n\nAfter text.",
            "<template><p>unseen</p></template>\n\nAfter text.",
            "Less < more, 3<4 and a </ b> <!>.\n\nAfter text.",
        ] {
            let html = render(markdown);
            assert!(html.as_str().contains("<p>After text.</p>"), "{markdown:?}: {}", html.as_str());
        }
    }

    #[test]
    fn nesting_is_bounded() {
        for (markdown, opening) in [
            ("> ".repeat(MAX_DEPTH + 1) + "x", "> ".len() * MAX_DEPTH),
            ("<div>".repeat(MAX_DEPTH + 1), "<div>".len() * MAX_DEPTH),
            ("<div>\n".repeat(MAX_DEPTH + 1), "<div>\n".len() * MAX_DEPTH),
            // Inside a paragraph, which is one level itself.
            ("<span></b>".repeat(MAX_DEPTH + 1), "<span></b>".len() * (MAX_DEPTH - 1)),
        ] {
            let fault = refused(&markdown);
            assert_eq!(fault.mistake, BodyMistake::TooDeep, "{markdown:?}");
            assert_eq!(fault.at.start, opening, "{markdown:?}");
        }
        let fault = refused(&("- ".repeat(MAX_DEPTH) + "x"));
        assert_eq!(fault.mistake, BodyMistake::TooDeep);
        render(&"> ".repeat(MAX_DEPTH / 4));
        render(&("<div>\n\nText.\n\n</div>\n\n".repeat(MAX_DEPTH * 2)));
        render(&("<p>One<p>Two<br><li>Three".repeat(MAX_DEPTH * 2)));
    }

    #[test]
    fn long_text_reaches_the_page_whole() {
        let text = "&«".repeat(3000);
        let html = render(&format!("{text}\n\n`{text}`\n\n    {text}\n"));
        let escaped = "&amp;«".repeat(3000);
        assert_eq!(
            html.as_str(),
            format!("<p>{escaped}</p>\n<p><code>{escaped}</code></p>\n<pre><code>{escaped}\n</code></pre>\n")
        );
    }
}
