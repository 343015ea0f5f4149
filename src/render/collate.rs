//! Sorting names in the order Norwegian readers expect, by the Unicode Collation Algorithm with
//! CLDR's Norwegian rules (ICU4X's `icu_collator`, its data compiled in): A to Z, then Æ, Ø, Å;
//! Ä and Ö with Æ and Ø, AA with Å; every other letter (é, ç, ğ, ñ, š …) beside its base
//! letter (Ü with Y, as Norwegian dictionaries have it); case and accents decide only between
//! names otherwise the same.

use std::sync::LazyLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;

/// The Norwegian collator, made once; none only if the compiled-in data could not serve it.
static NORWEGIAN: LazyLock<Option<CollatorBorrowed<'static>>> =
    LazyLock::new(|| Collator::try_new(locale!("nb").into(), CollatorOptions::default()).ok());

/// A sort key for `text` in Norwegian order: compare keys as `text`s are to be sorted.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SortKey(Vec<u8>);

/// The key that sorts `text` where a Norwegian reader expects it.
pub fn norwegian_key(text: &str) -> SortKey {
    let mut key = Vec::with_capacity(text.len() * 2);
    match NORWEGIAN.as_ref() {
        Some(collator) => {
            let Ok(()) = collator.write_sort_key_to(text, &mut key);
        }
        None => key.extend(text.to_lowercase().bytes()),
    }
    SortKey(key)
}

#[cfg(test)]
mod tests {
    use super::norwegian_key;

    fn sorted<'a>(names: &[&'a str]) -> Vec<&'a str> {
        let mut names = names.to_vec();
        names.sort_by_key(|n| norwegian_key(n));
        names
    }

    #[test]
    fn norwegian_letters_come_after_z_and_aa_is_a_double_a_sorted_as_a_ring() {
        assert_eq!(
            sorted(&["Ørjasæter", "Zeta", "Åsheim", "Ærø", "Aas", "Bøe", "Boe"]),
            ["Boe", "Bøe", "Zeta", "Ærø", "Ørjasæter", "Aas", "Åsheim"]
        );
    }

    #[test]
    fn letters_of_other_languages_sort_beside_their_base_letter_not_after_a_ring() {
        assert_eq!(
            sorted(&[
                "Šimek",
                "Sand",
                "Tamm",
                "Çelik",
                "Dahl",
                "Cruz",
                "Öztürk",
                "Østby",
                "Åberg",
                "Núñez",
                "Nilsen",
                "Ødegård",
                "Yıldız",
                "Gül",
                "Güneş"
            ]),
            [
                "Çelik",
                "Cruz",
                "Dahl",
                "Gül",
                "Güneş",
                "Nilsen",
                "Núñez",
                "Sand",
                "Šimek",
                "Tamm",
                "Yıldız",
                "Ødegård",
                "Østby",
                "Öztürk",
                "Åberg"
            ]
        );
    }

    #[test]
    fn case_and_accents_only_break_ties() {
        assert_eq!(sorted(&["eriksen", "Éric", "Erik"]), ["Éric", "Erik", "eriksen"]);
        assert!(norwegian_key("Hansen") < norwegian_key("hanssen"));
    }
}
