//! Sorting names in the order Norwegian readers expect.

/// A sort key that orders names as Norwegians expect: A to Z, then Æ, Ø, Å; case and
/// accents (é, ü) do not count, and Ä and Ö sort as Æ and Ø.
pub fn norwegian_key(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| {
            Some(match c {
                'æ' | 'ä' => '{',
                'ø' | 'ö' => '|',
                'å' => '}',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'á' | 'à' | 'â' => 'a',
                'ó' | 'ò' | 'ô' => 'o',
                'ü' | 'ú' => 'u',
                'í' | 'ì' | 'ï' => 'i',
                c if c.is_alphanumeric() || c == ' ' => c,
                _ => return None,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::norwegian_key;

    #[test]
    fn norwegian_letters_come_after_z() {
        let mut names = vec!["Ørjasæter", "Zeta", "Åsheim", "Ærø", "Aas", "Bøe", "Boe"];
        names.sort_by_key(|n| norwegian_key(n));
        assert_eq!(names, ["Aas", "Boe", "Bøe", "Zeta", "Ærø", "Ørjasæter", "Åsheim"]);
    }
}
