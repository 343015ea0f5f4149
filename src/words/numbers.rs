//! Numbers as each language writes them, by CLDR's rules through ICU4X (the family of the
//! collator names sort by): `1 000` in Norwegian, with a no-break space, `1,000` in English.
//! Fluent leaves numbers as digits; its bundle asks [`format`] for each.

use fluent_bundle::FluentValue;
use fluent_bundle::memoizer::MemoizerKind;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

/// A catalogue's language's way with numbers, made once per bundle by Fluent's memoizer.
struct Numbers(DecimalFormatter);

impl Memoizable for Numbers {
    type Args = ();
    type Error = icu_provider::DataError;

    fn construct(language: LanguageIdentifier, _: ()) -> Result<Self, Self::Error> {
        let locale: icu_locale_core::Locale = language.to_string().parse().unwrap_or(icu_locale_core::locale!("en"));
        DecimalFormatter::try_new((&locale).into(), Default::default()).map(Numbers)
    }
}

/// A whole number of a message as its catalogue's language writes it; anything else is left
/// to Fluent.
pub(super) fn format<M: MemoizerKind>(value: &FluentValue, memoizer: &M) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    if number.value.fract() != 0.0 || number.value.abs() >= 1e15 {
        return None;
    }
    let whole = Decimal::from(number.value as i64);
    memoizer.with_try_get_threadsafe::<Numbers, _, _>((), |numbers| numbers.0.format(&whole).to_string()).ok()
}
