//! Phone numbers as visitors read them and phones dial them.

use std::fmt;

/// A phone number as visitors read it and phones dial it, by libphonenumber's rules for its
/// country (through rlibphonenumber, a port carrying Google's metadata): `+47 93 04 00 95` and
/// `tel:+4793040095`, from whatever grouping the content wrote (`+47-930 400 95`). A number
/// the rules do not know is shown as its digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    /// As visitors read it: the international form, or `+` and the digits.
    shown: String,
    /// `+` and digits only.
    digits: String,
}

impl Phone {
    /// Reads a number as written in content: in international form (`+47 …`), since a site
    /// is read from abroad; a number without its country code keeps its digits.
    pub fn new(written: &str) -> Self {
        use rlibphonenumber::{PHONE_NUMBER_UTIL, PhoneNumberFormat};
        let plus = written.trim_start().starts_with('+');
        let digits: String = written.chars().filter(char::is_ascii_digit).collect();
        let digits = if plus { format!("+{digits}") } else { digits };
        let parsed = PHONE_NUMBER_UTIL.parse(written, None).ok().filter(|n| PHONE_NUMBER_UTIL.is_valid_number(n));
        match parsed {
            Some(number) => Phone {
                shown: PHONE_NUMBER_UTIL.format(&number, PhoneNumberFormat::International).into_owned(),
                digits: PHONE_NUMBER_UTIL.format(&number, PhoneNumberFormat::E164).into_owned(),
            },
            None => Phone { shown: digits.clone(), digits },
        }
    }

    /// The `tel:` URI (RFC 3966).
    pub fn uri(&self) -> String {
        format!("tel:{}", self.digits)
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shown)
    }
}

#[cfg(test)]
mod tests {
    use super::Phone;

    #[test]
    fn numbers_are_grouped_by_their_countrys_rules_whatever_the_content_wrote() {
        for (written, shown) in [
            ("+47-73559809", "+47 73 55 98 09"),
            ("+47-930 400 95", "+47 93 04 00 95"),
            ("+47 412 43 179", "+47 41 24 31 79"),
            ("+46812345678", "+46 8 123 456 78"),
            ("+1 (650) 253-0000", "+1 650-253-0000"),
            ("+442079460958", "+44 20 7946 0958"),
        ] {
            assert_eq!(Phone::new(written).to_string(), shown, "{written}");
        }
    }

    #[test]
    fn a_number_the_rules_do_not_know_keeps_its_digits() {
        assert_eq!(Phone::new("73 55 98 09").to_string(), "73559809");
        assert_eq!(Phone::new("+47 123").to_string(), "+47123");
    }

    #[test]
    fn tel_uri_has_digits_only() {
        assert_eq!(Phone::new("+47-930 400 95").uri(), "tel:+4793040095");
    }
}
