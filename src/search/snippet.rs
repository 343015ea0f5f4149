//! What a result shows of its entry: the title and a passage of text around the first word
//! that matched, with every matching word marked. The words are matched as the index matches
//! them (folded, stemmed, by prefix, with one typo), so a marked word is why the entry was found.

use tantivy::tokenizer::TextAnalyzer;

use tantivy::tokenizer::TokenStream;

use super::{PREFIX_FROM, TYPO_FROM, Terms, tokens};

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
    /// Whether a word of the text (folded) is one the query found: the same word, a word it
    /// begins, the same stem, or one typo away.
    fn matches(&mut self, word: &str) -> bool {
        let digits = self.terms.digits.as_deref().is_some_and(|d| word.len() >= 4 && d.contains(word));
        if digits {
            return true;
        }
        let mut stem: Option<String> = None;
        for (w, s) in &self.terms.words {
            let length = w.chars().count();
            if word == w || (length >= PREFIX_FROM && word.starts_with(w.as_str())) {
                return true;
            }
            if length >= TYPO_FROM && within_one_edit(word, w) {
                return true;
            }
            // Stemming is the dear check: only for words that begin like the query's stem.
            if s.len() >= 3 && word.get(..3) == s.get(..3) {
                let stem = stem.get_or_insert_with(|| {
                    tokens(&mut self.stems, word).into_iter().next().map(|(_, _, s)| s).unwrap_or_default()
                });
                if stem == s {
                    return true;
                }
            }
        }
        false
    }

    /// `text` cut to at most `window` bytes around its first match (or its start), in pieces.
    pub(super) fn mark(&mut self, text: &str, window: Option<usize>) -> Vec<Fragment> {
        let window = window.filter(|w| text.len() > *w);
        let mut words = self.words.clone();
        let mut stream = words.token_stream(text);
        let mut matched: Vec<(usize, usize)> = Vec::new();
        let mut bounds: Option<(usize, usize)> = None;
        while let Some(token) = stream.next() {
            if let Some((_, end)) = bounds
                && token.offset_to > end
            {
                break;
            }
            if self.matches(&token.text) {
                matched.push((token.offset_from, token.offset_to));
                if bounds.is_none() {
                    bounds = Some(match window {
                        Some(window) => window_around(text, token.offset_from, window),
                        None => (0, text.len()),
                    });
                }
            }
        }
        let (start, end) = bounds.unwrap_or_else(|| match window {
            Some(window) => (0, word_end(text, window)),
            None => (0, text.len()),
        });
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

/// The passage of `text` shown around a match at byte `first`: a little before it, whole words.
fn window_around(text: &str, first: usize, window: usize) -> (usize, usize) {
    let mut start = word_start(text, first.saturating_sub(LEAD));
    if start > first {
        // One long word (a pasted link) before the match: start at the match itself.
        start = first;
    }
    let cut = (start + window).min(text.len());
    let end = word_end(text, cut);
    // With no space to cut at after the match (a long link after it), the passage is cut
    // inside that word, on a character boundary, so the match is always in it.
    let end = if end > first { end } else { (start..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(start) };
    (start, end)
}

/// Whether `a` becomes `b` by at most one edit: a letter changed, added or removed, or two
/// neighbours swapped. Linear, where a full edit distance is quadratic.
fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        let (rest_a, rest_b) = (&short[prefix..], &long[prefix..]);
        rest_a.len() <= 1
            || rest_a[1..] == rest_b[1..]
            || (rest_a.len() >= 2 && rest_a[0] == rest_b[1] && rest_a[1] == rest_b[0] && rest_a[2..] == rest_b[2..])
    } else {
        short[prefix..] == long[prefix + 1..]
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

#[cfg(test)]
mod tests {
    use super::within_one_edit;

    #[test]
    fn a_passage_is_cut_safely_whatever_the_text() {
        let index_terms = crate::search::Terms { words: vec![("kvello".into(), "kvello".into())], digits: None };
        let analyzer = crate::search::words_analyzer();
        let stems = crate::search::stems_analyzer("en");
        let mut marker = super::Marker { words: analyzer, stems, terms: &index_terms };
        let long_word = "ø".repeat(400);
        for text in [
            format!("{long_word} Kvello"),
            format!("Kvello {long_word}"),
            format!("{} Kvello {}", "æøå ".repeat(100), "å".repeat(300)),
            format!("https://example.org/{}Kvello", "a".repeat(500)),
            format!("{}-Kvello {}", "a".repeat(500), "b".repeat(300)),
        ] {
            let fragments = marker.mark(&text, Some(super::WINDOW));
            let shown: String = fragments.iter().map(|f| f.text.as_str()).collect();
            assert!(shown.len() <= super::WINDOW + 8, "{} bytes", shown.len());
        }
        // The match is in the passage even when no space follows it within the window.
        for text in [
            format!("Read https://example.org/kvello/{}", "a".repeat(300)),
            format!("See kvello{}", "-a".repeat(150)),
            format!("{} and kvello-{}", "b ".repeat(40), "c".repeat(300)),
        ] {
            let fragments = marker.mark(&text, Some(super::WINDOW));
            assert!(fragments.iter().any(|f| f.marked && f.text == "kvello"), "{fragments:?}");
        }
    }

    #[test]
    fn one_edit_is_a_change_an_addition_a_removal_or_a_swap() {
        for (a, b) in [("kvelo", "kvello"), ("hopfenbek", "hopfenbeck"), ("kvello", "kvallo"), ("kvello", "kevllo")] {
            assert!(within_one_edit(a, b) && within_one_edit(b, a), "{a} {b}");
        }
        for (a, b) in [("kvlo", "kvello"), ("kvello", "klevol"), ("abc", "xyz"), ("hansen", "hanson2")] {
            assert!(!within_one_edit(a, b), "{a} {b}");
        }
        assert!(within_one_edit("same", "same"));
    }
}
