//! Raw HTML in a body read the way the sanitizer's HTML parser will read it, only far enough
//! to see the two things that parser does not say out loud: text it will swallow (an unclosed
//! `<style>`, comment or tag takes the rest of the body with it) and how deep elements nest
//! (its work grows with the depth of every element it opens).

use std::ops::Range;

use super::{BodyMistake, MAX_DEPTH, MAX_TAG_BYTES};

/// Elements whose content the parser reads as plain text up to their end tag; a visitor then
/// sees everything after an unclosed one as code, or nothing at all where it is also dropped.
const RAW_TEXT_ELEMENTS: [&str; 9] =
    ["textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "script", "style"];

/// Elements with no end tag, which never hold anything open.
const VOID_ELEMENTS: [&str; 16] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
    "keygen", "frame",
];

/// Elements the parser closes by itself when the next one of their kind (or their parent's
/// end) comes, so unclosed ones never pile up: `<p>a<p>b`, `<li>` after `<li>`.
const SELF_CLOSING_ELEMENTS: [&str; 16] =
    ["p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rtc", "rp"];

/// The element that swallows its content whatever comes after it, until its end tag.
const TEMPLATE: &str = "template";

/// The element after which the parser reads every byte as text, with no way to end it.
const PLAINTEXT: &str = "plaintext";

/// An element open in the sanitizer's parser, as far as this reading can tell.
#[derive(Debug, PartialEq, Eq)]
enum Open {
    /// One the Markdown made, numbered so its end finds it.
    Markdown(u32),
    /// One written in raw HTML, by name.
    Raw(String),
}

/// Where the parser's tokenizer is, between one byte and the next.
#[derive(Debug, Clone, PartialEq, Eq)]
enum State {
    /// Text; tags may start.
    Text,
    /// Just after `<`.
    TagOpen,
    /// After `</`.
    EndTagOpen,
    /// In a tag, up to its `>`.
    Tag { name: String, end: bool, within: Within },
    /// After `<!`, with how many `-` came so far.
    Declaration { dashes: u8 },
    /// Inside `<!--`: the run of `-` just seen, and whether anything came yet.
    Comment { dashes: usize, bang: bool, length: usize },
    /// `<?…`, `<!…` or `<![CDATA[…`: read as a comment up to the next `>`.
    BogusComment,
    /// Inside an element read as text, and how much of its end tag `</name` has come.
    RawText { name: &'static str, matched: usize },
    /// After `<plaintext>`.
    Plaintext,
}

/// Where in a tag the tokenizer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Within {
    /// The tag's name.
    Name,
    /// Between attributes, or in an attribute's name.
    Attributes,
    /// After an attribute's `=`, before its value.
    Equals,
    /// A value without quotes, which ends at white space.
    Unquoted,
    /// A value in these quotes, which only the same quote ends; a `>` in it ends nothing.
    Quoted(char),
}

/// Follows the raw HTML and the Markdown around it through a body, in order.
#[derive(Debug)]
pub(super) struct Reading {
    state: State,
    /// Where the construct that put the tokenizer out of [`State::Text`] starts, in the body.
    opened_at: usize,
    /// What opened a comment read up to the next `>`: `<?`, `<!` or `</`.
    bogus: &'static str,
    open: Vec<Open>,
    markdown: Vec<u32>,
    templates: Vec<usize>,
    next: u32,
}

impl Reading {
    /// A reading at the start of a body.
    pub(super) fn new() -> Self {
        Reading {
            state: State::Text,
            opened_at: 0,
            bogus: "<!",
            open: Vec::new(),
            markdown: Vec::new(),
            templates: Vec::new(),
            next: 0,
        }
    }

    /// True when the parser is reading plain text, so that an empty comment put here splits
    /// a text node and changes nothing else.
    pub(super) fn in_text(&self) -> bool {
        self.state == State::Text && self.templates.is_empty()
    }

    /// An element the Markdown opens at `at`: the start of a block when `block`.
    pub(super) fn markdown_start(&mut self, at: usize, block: bool) -> Result<(), (Range<usize>, BodyMistake)> {
        if block {
            self.still_in_text()?;
        }
        self.next += 1;
        self.markdown.push(self.next);
        self.push(Open::Markdown(self.next), at..at + 1)
    }

    /// The end of the element the Markdown opened last.
    pub(super) fn markdown_end(&mut self, block: bool) -> Result<(), (Range<usize>, BodyMistake)> {
        if let Some(id) = self.markdown.pop()
            && let Some(i) = self.open.iter().rposition(|o| *o == Open::Markdown(id))
        {
            self.open.remove(i);
        }
        if block { self.still_in_text() } else { Ok(()) }
    }

    /// The end of the body.
    pub(super) fn finish(&self) -> Result<(), (Range<usize>, BodyMistake)> {
        self.still_in_text()
    }

    /// Raw HTML written at `at` in the body.
    pub(super) fn raw(&mut self, html: &str, at: usize) -> Result<(), (Range<usize>, BodyMistake)> {
        for (i, c) in html.char_indices() {
            self.step(c, at + i)?;
        }
        Ok(())
    }

    /// Markdown after an open construct would be swallowed by it.
    fn still_in_text(&self) -> Result<(), (Range<usize>, BodyMistake)> {
        let mistake = match &self.state {
            State::Text => match self.templates.first() {
                Some(&at) => {
                    return Err((at..at + 1 + TEMPLATE.len(), BodyMistake::UnclosedElement { name: TEMPLATE.into() }));
                }
                None => return Ok(()),
            },
            State::TagOpen => BodyMistake::UnclosedTag { tag: "<".into() },
            State::EndTagOpen => BodyMistake::UnclosedTag { tag: "</".into() },
            State::Tag { name, end: false, .. } => BodyMistake::UnclosedTag { tag: format!("<{name}") },
            State::Tag { name, end: true, .. } => BodyMistake::UnclosedTag { tag: format!("</{name}") },
            State::Declaration { .. } => BodyMistake::UnclosedComment { opened: "<!" },
            State::Comment { .. } => BodyMistake::UnclosedComment { opened: "<!--" },
            State::BogusComment => BodyMistake::UnclosedComment { opened: self.bogus },
            State::RawText { name, .. } => BodyMistake::UnclosedElement { name: (*name).into() },
            State::Plaintext => BodyMistake::UnclosedElement { name: PLAINTEXT.into() },
        };
        let length = match &mistake {
            BodyMistake::UnclosedTag { tag } => tag.len(),
            BodyMistake::UnclosedComment { opened } => opened.len(),
            BodyMistake::UnclosedElement { name } => 1 + name.len(),
            BodyMistake::TooDeep | BodyMistake::TooLong { .. } => 1,
        };
        Err((self.opened_at..self.opened_at + length, mistake))
    }

    fn push(&mut self, element: Open, at: Range<usize>) -> Result<(), (Range<usize>, BodyMistake)> {
        self.open.push(element);
        if self.open.len() > MAX_DEPTH { Err((at, BodyMistake::TooDeep)) } else { Ok(()) }
    }

    fn step(&mut self, c: char, at: usize) -> Result<(), (Range<usize>, BodyMistake)> {
        let tag = |c: char, end| State::Tag { name: c.to_ascii_lowercase().into(), end, within: Within::Name };
        self.state = match std::mem::replace(&mut self.state, State::Text) {
            State::Text | State::TagOpen if c == '<' => {
                self.opened_at = at;
                State::TagOpen
            }
            State::Text => State::Text,
            State::TagOpen => match c {
                '!' => State::Declaration { dashes: 0 },
                '?' => self.bogus("<?"),
                '/' => State::EndTagOpen,
                c if c.is_ascii_alphabetic() => tag(c, false),
                _ => State::Text,
            },
            State::EndTagOpen => match c {
                c if c.is_ascii_alphabetic() => tag(c, true),
                '>' => State::Text,
                _ => self.bogus("</"),
            },
            State::Declaration { dashes } => match (c, dashes) {
                ('-', 0) => State::Declaration { dashes: 1 },
                ('-', _) => State::Comment { dashes: 0, bang: false, length: 0 },
                ('>', 0) => State::Text,
                _ => self.bogus("<!"),
            },
            State::Comment { dashes, bang, length } => match c {
                '>' if dashes >= 2 || (bang && dashes == 0) || (length == dashes && length <= 1) => State::Text,
                '-' => State::Comment { dashes: dashes + 1, bang: false, length: length + 1 },
                '!' if dashes >= 2 => State::Comment { dashes: 0, bang: true, length: length + 1 },
                _ => State::Comment { dashes: 0, bang: false, length: length + 1 },
            },
            State::BogusComment if c == '>' => State::Text,
            State::BogusComment => State::BogusComment,
            State::Tag { .. } if at - self.opened_at > MAX_TAG_BYTES => {
                return Err((self.opened_at..self.opened_at + 1, BodyMistake::TooLong { what: "tag" }));
            }
            State::Tag { mut name, end, within } => {
                let within = match (within, c) {
                    (Within::Quoted(q), c) if c == q => Within::Attributes,
                    (Within::Quoted(q), _) => Within::Quoted(q),
                    (_, '>') => return self.tag(&name, end, at),
                    (Within::Name, c) if c.is_whitespace() || c == '/' => Within::Attributes,
                    (Within::Name, c) => {
                        name.extend(c.to_lowercase());
                        Within::Name
                    }
                    (Within::Attributes, '=') => Within::Equals,
                    (Within::Attributes, _) => Within::Attributes,
                    (Within::Equals, c) if c.is_whitespace() => Within::Equals,
                    (Within::Equals, '"' | '\'') => Within::Quoted(c),
                    (Within::Equals, _) => Within::Unquoted,
                    (Within::Unquoted, c) if c.is_whitespace() => Within::Attributes,
                    (Within::Unquoted, _) => Within::Unquoted,
                };
                State::Tag { name, end, within }
            }
            State::RawText { name, matched } => match matched {
                _ if c == '<' => State::RawText { name, matched: 1 },
                1 if c == '/' => State::RawText { name, matched: 2 },
                m if m >= 2
                    && m < 2 + name.len()
                    && c.is_ascii()
                    && name.as_bytes()[m - 2].eq_ignore_ascii_case(&(c as u8)) =>
                {
                    State::RawText { name, matched: m + 1 }
                }
                m if m == 2 + name.len() && c == '>' => State::Text,
                m if m == 2 + name.len() && (c.is_whitespace() || c == '/') => {
                    State::Tag { name: name.into(), end: true, within: Within::Attributes }
                }
                _ => State::RawText { name, matched: 0 },
            },
            State::Plaintext => State::Plaintext,
        };
        Ok(())
    }

    fn bogus(&mut self, opened: &'static str) -> State {
        self.bogus = opened;
        State::BogusComment
    }

    /// A whole tag, `<name …>` or `</name …>`, ending at `at`.
    fn tag(&mut self, name: &str, end: bool, at: usize) -> Result<(), (Range<usize>, BodyMistake)> {
        let start = self.opened_at;
        self.state = State::Text;
        if end {
            if name == TEMPLATE {
                self.templates.pop();
            }
            if self.open.last() == Some(&Open::Raw(name.to_owned())) {
                self.open.pop();
            }
            return Ok(());
        }
        if let Some(raw) = RAW_TEXT_ELEMENTS.iter().find(|e| **e == name) {
            self.state = State::RawText { name: raw, matched: 0 };
        } else if name == PLAINTEXT {
            self.state = State::Plaintext;
        } else if !VOID_ELEMENTS.contains(&name) && !SELF_CLOSING_ELEMENTS.contains(&name) {
            if name == TEMPLATE {
                self.templates.push(start);
            }
            self.push(Open::Raw(name.to_owned()), start..at + 1)?;
        }
        Ok(())
    }
}
