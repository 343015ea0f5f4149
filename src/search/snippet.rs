//! What a result shows of its entry: the title and a passage of text around the first word
//! that matched, with every matching word marked. The words are matched as the index matches
//! them (folded, stemmed, by prefix, with one typo), so a marked word is why the entry was found.

use tantivy::tokenizer::TextAnalyzer;

use super::{Terms, tokens};

/// The longest passage of text a result shows, in bytes of the original text.
pub(super) const WINDOW: usize = 240;
/// How much text comes before the first match, so the match is seen in its sentence.
const LEAD: usize = 60;

/// A piece of a title or passage: marked when it is a word the query found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    /// The text as written in the content.
    pub text: String,
    /// Whether to show it as a match (`<mark>`).
    pub marked: bool,
}

/// What a result shows of its entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The title, with matching words marked.
    pub title: Vec<Fragment>,
    /// A passage of the text, with matching words marked; empty when the entry has no text.
    pub text: Vec<Fragment>,
}

pub(super) struct Marker<'a> {
    pub(super) words: TextAnalyzer,
    pub(super) stems: TextAnalyzer,
    pub(super) terms: &'a Terms,
}

impl Marker<'_> {
    fn matches(&self, word: &str, stem: &str) -> bool {
        let by_word = self.terms.words.iter().any(|(w, s)| {
            let length = w.chars().count();
            word == w
                || stem == s
                || (length >= 3 && word.starts_with(w.as_str()))
                || (length >= 4 && strsim::damerau_levenshtein(word, w) <= 1)
        });
        let by_digits = self.terms.digits.as_deref().is_some_and(|d| word.len() >= 4 && d.contains(word));
        by_word || by_digits
    }

    /// `text` cut to at most `window` bytes around its first match (or its start), in pieces.
    pub(super) fn mark(&mut self, text: &str, window: Option<usize>) -> Vec<Fragment> {
        let words = tokens(&mut self.words, text);
        let stems = tokens(&mut self.stems, text);
        let matched: Vec<(usize, usize)> = words
            .iter()
            .filter(|(from, _, word)| {
                let stem = stems.iter().find(|(f, _, _)| f == from).map_or("", |(_, _, s)| s.as_str());
                self.matches(word, stem)
            })
            .map(|(from, to, _)| (*from, *to))
            .collect();
        let (start, end) = match window {
            Some(window) if text.len() > window => {
                let first = matched.first().map_or(0, |(from, _)| *from);
                let start = word_start(text, first.saturating_sub(LEAD));
                (start, word_end(text, (start + window).min(text.len())))
            }
            _ => (0, text.len()),
        };
        let mut fragments = Vec::new();
        let mut plain = String::new();
        if start > 0 {
            plain.push('…');
        }
        let mut at = start;
        for (from, to) in matched.into_iter().filter(|(from, to)| *from >= start && *to <= end) {
            plain.push_str(&text[at..from]);
            if !plain.is_empty() {
                fragments.push(Fragment { text: std::mem::take(&mut plain), marked: false });
            }
            fragments.push(Fragment { text: text[from..to].to_owned(), marked: true });
            at = to;
        }
        plain.push_str(&text[at..end]);
        if end < text.len() {
            plain.push('…');
        }
        if !plain.is_empty() {
            fragments.push(Fragment { text: plain, marked: false });
        }
        fragments
    }
}

/// The start of the word at or after byte `at`.
fn word_start(text: &str, at: usize) -> usize {
    if at == 0 {
        return 0;
    }
    let at = (at..text.len()).find(|i| text.is_char_boundary(*i)).unwrap_or(text.len());
    text[at..].char_indices().find(|(_, c)| c.is_whitespace()).map_or(at, |(i, c)| at + i + c.len_utf8())
}

/// The end of the last whole word before byte `at`.
fn word_end(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    let at = (0..=at).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
    text[..at].rfind(char::is_whitespace).unwrap_or(at)
}
