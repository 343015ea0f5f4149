//! How Norwegians type their letters on a keyboard without them: `æ` as `ae`, `ø` as `o`,
//! `å` as `aa`. Folding both the content and the query this way lets "Orjasaeter" find
//! "Orjasæter" and "Aarhus" find "Århus"; tantivy's ASCII folding, which runs after, handles
//! every other accent.

use std::mem;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Token filter that spells `æ`, `ø` and `å` (already lowercased) as Norwegians do in ASCII.
#[derive(Clone, Copy, Debug, Default)]
pub struct NorwegianFolding;

impl TokenFilter for NorwegianFolding {
    type Tokenizer<T: Tokenizer> = FoldingTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> FoldingTokenizer<T> {
        FoldingTokenizer { tokenizer, buffer: String::new() }
    }
}

/// A tokenizer whose tokens come out folded.
#[derive(Clone)]
pub struct FoldingTokenizer<T> {
    tokenizer: T,
    buffer: String,
}

impl<T: Tokenizer> Tokenizer for FoldingTokenizer<T> {
    type TokenStream<'a> = FoldingStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.buffer.clear();
        FoldingStream { tail: self.tokenizer.token_stream(text), buffer: &mut self.buffer }
    }
}

/// The folded tokens of one text.
pub struct FoldingStream<'a, T> {
    tail: T,
    buffer: &'a mut String,
}

impl<T: TokenStream> TokenStream for FoldingStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        if !self.tail.token().text.is_ascii() {
            fold_into(&self.tail.token().text, self.buffer);
            mem::swap(&mut self.tail.token_mut().text, self.buffer);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Writes `text` into `out` with the Norwegian letters spelled out.
fn fold_into(text: &str, out: &mut String) {
    out.clear();
    for c in text.chars() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push('o'),
            'å' => out.push_str("aa"),
            other => out.push(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fold_into;

    #[test]
    fn norwegian_letters_are_spelled_as_on_an_english_keyboard() {
        let mut out = String::new();
        fold_into("ørjasæter århus", &mut out);
        assert_eq!(out, "orjasaeter aarhus");
    }
}
