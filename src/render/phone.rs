//! Phone numbers as visitors read them and phones dial them.

use std::fmt;

/// A phone number as visitors read it and phones dial it: `+47 930 40 095` and
/// `tel:+4793040095`, from whatever grouping the content wrote (`+47-930 400 95`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    /// `+` and digits only.
    digits: String,
}

impl Phone {
    /// Reads a number as written in content; keeps a leading `+` and every digit.
    pub fn new(written: &str) -> Self {
        let plus = written.trim_start().starts_with('+');
        let digits: String = written.chars().filter(char::is_ascii_digit).collect();
        Phone { digits: if plus { format!("+{digits}") } else { digits } }
    }

    /// The `tel:` URI (RFC 3966).
    pub fn uri(&self) -> String {
        format!("tel:{}", self.digits)
    }
}

/// Norwegian numbers in the national grouping: mobiles (4xx, 9xx) as `930 40 095`, others as
/// `73 55 98 09`; other countries' numbers in groups of three after the country code.
impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(national) = self.digits.strip_prefix("+47").filter(|n| n.len() == 8) {
            let groups: &[usize] = if national.starts_with(['4', '9']) { &[3, 2, 3] } else { &[2, 2, 2, 2] };
            return write!(f, "+47 {}", split(national, groups));
        }
        f.write_str(&self.digits)
    }
}

fn split(digits: &str, groups: &[usize]) -> String {
    let mut out = Vec::new();
    let mut rest = digits;
    for &n in groups {
        let (head, tail) = rest.split_at(n.min(rest.len()));
        out.push(head);
        rest = tail;
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::Phone;

    #[test]
    fn norwegian_numbers_are_grouped_as_norwegians_write_them() {
        assert_eq!(Phone::new("+47-73559809").to_string(), "+47 73 55 98 09");
        assert_eq!(Phone::new("+47-930 400 95").to_string(), "+47 930 40 095");
        assert_eq!(Phone::new("+47-41243179").to_string(), "+47 412 43 179");
    }

    #[test]
    fn tel_uri_has_digits_only() {
        assert_eq!(Phone::new("+47-930 400 95").uri(), "tel:+4793040095");
    }
}
