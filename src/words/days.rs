//! Days as each language writes them, from CLDR's patterns and month names through ICU4X
//! (the family of the collator, the plural rules and the numbers): `1. desember 2026` in
//! Norwegian, `1 December 2026` in British and `December 1, 2026` in American English.

use chrono::{Datelike, NaiveDate};
use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::YMD;

/// A language's long form of a day, made once with its catalogue.
pub(super) struct Days(Option<FixedCalendarDateTimeFormatter<Gregorian, YMD>>);

impl Days {
    /// The form for the BCP 47 tag `tag`; CLDR's root form where ICU4X has no data for it.
    pub(super) fn new(tag: &str) -> Days {
        let locale: icu_locale_core::Locale = tag.parse().unwrap_or(icu_locale_core::locale!("en"));
        let formatter = FixedCalendarDateTimeFormatter::try_new((&locale).into(), YMD::long());
        if let Err(error) = &formatter {
            tracing::warn!(language = tag, %error, "no CLDR day format for this language; days are written ISO 8601");
        }
        Days(formatter.ok())
    }

    /// `date` in the long form, or as ISO 8601 where there is none.
    pub(super) fn format(&self, date: NaiveDate) -> String {
        let day = u8::try_from(date.day()).ok();
        let month = u8::try_from(date.month()).ok();
        let gregorian = day.zip(month).and_then(|(d, m)| Date::try_new_gregorian(date.year(), m, d).ok());
        match (&self.0, gregorian) {
            (Some(formatter), Some(day)) => formatter.format(&day).to_string(),
            _ => date.format("%Y-%m-%d").to_string(),
        }
    }
}
