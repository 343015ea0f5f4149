//! The TOML parser's messages, sorted into the mistakes an editor understands.

use crate::diagnostic::{ContentError, Span, nearest};

/// Sorts a deserialization message (`unknown field `x`, expected one of …`) into the
/// matching [`ContentError`], with the nearest allowed name where there is one.
pub fn classify(message: &str, at: Span) -> ContentError {
    let message = message.trim();
    let first = backticked(message).into_iter().next().unwrap_or_default();
    let expected = || match message.split_once("expected") {
        Some((_, rest)) => backticked(rest).into_boxed_slice(),
        None => Box::default(),
    };
    if message.starts_with("unknown field") {
        let expected = expected();
        ContentError::UnknownField { nearest: nearest(&first, &expected), field: first, expected, at }
    } else if message.starts_with("missing field") {
        ContentError::MissingField { at, field: first }
    } else if message.starts_with("unknown variant") {
        let expected = expected();
        ContentError::BadValue { nearest: nearest(&first, &expected), value: first, expected, at }
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        let reason = match rest.rsplit_once(", expected ") {
            Some((found, wanted)) => format!("expected {wanted}, found {found}"),
            None => rest.to_owned(),
        };
        ContentError::WrongType { at, reason }
    } else if message.starts_with("invalid") {
        ContentError::WrongType { at, reason: message.to_owned() }
    } else {
        ContentError::BadToml { at, reason: message.to_owned() }
    }
}

/// The words between backticks, in order.
fn backticked(text: &str) -> Vec<String> {
    text.split('`').skip(1).step_by(2).map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_suggests_the_nearest_known_one() {
        let error = classify("unknown field `tittle`, expected one of `title`, `kind`", Span::file("x.toml"));
        let ContentError::UnknownField { field, nearest, .. } = error else { panic!("{error:?}") };
        assert_eq!(field, "tittle");
        assert_eq!(nearest.as_deref(), Some("title"));
    }

    #[test]
    fn wrong_type_says_what_was_expected_first() {
        let error = classify("invalid type: integer `5`, expected a string", Span::file("x.toml"));
        assert_eq!(error.to_string(), "wrong type: expected a string, found integer `5`");
    }

    #[test]
    fn unknown_variant_lists_allowed_values() {
        let error =
            classify("unknown variant `membr`, expected one of `member`, `external-member`", Span::file("x.toml"));
        let ContentError::BadValue { value, nearest, expected, .. } = error else { panic!("{error:?}") };
        assert_eq!((value.as_str(), nearest.as_deref()), ("membr", Some("member")));
        assert_eq!(&*expected, ["member", "external-member"]);
    }
}
