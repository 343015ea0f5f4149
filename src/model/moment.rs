//! When something happens or happened, as content writes it: a day (`2026-12-01`), a time in
//! the site's time zone (`2026-12-01T18:00:00`), or a time with its offset
//! (`2026-12-01T18:00:00+01:00`). TOML's own dates, so an editor needs no quotes and a
//! malformed one is a syntax error at its place.

use std::ops::Range;

use chrono::{DateTime, Days, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone as _, Utc};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use serde_spanned::Spanned;

/// A date or a date and time, with where it was written so a mistake in it can be named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moment {
    /// The value as written.
    pub written: Written,
    /// Byte range of the value in its file.
    pub at: Range<usize>,
}

/// The three forms a moment can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// A whole day, as for an all-day event or a news story's date.
    Day(NaiveDate),
    /// A time on the site's clock, which `site.toml`'s `time_zone` sets.
    Local(NaiveDateTime),
    /// A time with its offset from UTC, the same instant wherever the site is.
    Fixed(DateTime<FixedOffset>),
}

/// A moment placed on the site's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placed {
    /// A whole day, from its first moment in the site's time zone.
    Day {
        /// The day.
        date: NaiveDate,
        /// Its first moment.
        begins: DateTime<Utc>,
    },
    /// One instant.
    At(DateTime<Utc>),
}

/// A time of day the site's time zone skips (clocks go forward over it) on that date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Skipped;

impl Moment {
    /// The moment on the clock of `zone`. A local time that the zone's clocks skip (02:30 on
    /// the morning summer time begins) is refused; one they show twice (when summer time ends)
    /// is the first of the two.
    pub fn place(&self, zone: chrono_tz::Tz) -> Result<Placed, Skipped> {
        match self.written {
            Written::Day(date) => Ok(Placed::Day { date, begins: start_of(date, zone) }),
            Written::Local(local) => match zone.from_local_datetime(&local) {
                LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => Ok(Placed::At(at.with_timezone(&Utc))),
                LocalResult::None => Err(Skipped),
            },
            Written::Fixed(at) => Ok(Placed::At(at.with_timezone(&Utc))),
        }
    }

    /// True for a whole day, false for a time.
    pub fn is_day(&self) -> bool {
        matches!(self.written, Written::Day(_))
    }
}

impl Placed {
    /// When it begins: the instant, or the first moment of the day.
    pub fn begins(self) -> DateTime<Utc> {
        match self {
            Placed::Day { begins, .. } | Placed::At(begins) => begins,
        }
    }
}

/// The first moment of `date` in `zone`: midnight, or the first time after it the clocks show
/// where a zone skips midnight itself.
pub fn start_of(date: NaiveDate, zone: chrono_tz::Tz) -> DateTime<Utc> {
    (0..24 * 60)
        .step_by(15)
        .find_map(|minutes| {
            let time = NaiveTime::MIN + chrono::Duration::minutes(minutes);
            zone.from_local_datetime(&date.and_time(time)).earliest()
        })
        .map_or_else(|| date.and_time(NaiveTime::MIN).and_utc(), |at| at.with_timezone(&Utc))
}

/// The first moment of the day after `date` in `zone`: when an all-day event ending on
/// `date` is over.
pub fn end_of(date: NaiveDate, zone: chrono_tz::Tz) -> DateTime<Utc> {
    start_of(date.checked_add_days(Days::new(1)).unwrap_or(date), zone)
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<toml::value::Datetime>::deserialize(d)?;
        let at = spanned.span();
        let value = spanned.into_inner();
        let Some(date) = value.date else {
            return Err(D::Error::custom(format!("`{value}` is a time without a date; write the date first")));
        };
        let day = NaiveDate::from_ymd_opt(i32::from(date.year), u32::from(date.month), u32::from(date.day))
            .ok_or_else(|| D::Error::custom(format!("{date} is not a date: that month has no such day")))?;
        let written = match (value.time, value.offset) {
            (None, _) => Written::Day(day),
            (Some(time), offset) => {
                let clock = NaiveTime::from_hms_nano_opt(
                    u32::from(time.hour),
                    u32::from(time.minute),
                    u32::from(time.second.unwrap_or(0)),
                    time.nanosecond.unwrap_or(0),
                )
                .ok_or_else(|| D::Error::custom(format!("{time} is not a time of day")))?;
                let local = day.and_time(clock);
                match offset {
                    None => Written::Local(local),
                    Some(offset) => {
                        let minutes = match offset {
                            toml::value::Offset::Z => 0,
                            toml::value::Offset::Custom { minutes } => i32::from(minutes),
                        };
                        let offset = FixedOffset::east_opt(minutes * 60)
                            .ok_or_else(|| D::Error::custom(format!("{offset} is not an offset from UTC")))?;
                        let fixed = offset
                            .from_local_datetime(&local)
                            .single()
                            .ok_or_else(|| D::Error::custom(format!("`{value}` is not a time")))?;
                        Written::Fixed(fixed)
                    }
                }
            }
        };
        Ok(Moment { written, at })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Moment, toml::de::Error> {
        #[derive(Deserialize)]
        struct Holder {
            at: Moment,
        }
        toml::from_str::<Holder>(&format!("at = {text}")).map(|h| h.at)
    }

    #[test]
    fn oslo_is_an_hour_ahead_of_utc_in_winter_and_two_in_summer() {
        let oslo = chrono_tz::Europe::Oslo;
        let winter = read("2026-12-01T18:00:00").unwrap().place(oslo).unwrap();
        assert_eq!(winter.begins().to_rfc3339(), "2026-12-01T17:00:00+00:00");
        let summer = read("2026-06-12T18:00:00").unwrap().place(oslo).unwrap();
        assert_eq!(summer.begins().to_rfc3339(), "2026-06-12T16:00:00+00:00");
        let fixed = read("2026-06-12T18:00:00+02:00").unwrap().place(chrono_tz::UTC).unwrap();
        assert_eq!(fixed.begins().to_rfc3339(), "2026-06-12T16:00:00+00:00");
        let day = read("2026-06-12").unwrap().place(oslo).unwrap();
        assert_eq!(day.begins().to_rfc3339(), "2026-06-11T22:00:00+00:00");
    }

    #[test]
    fn a_time_the_clocks_skip_is_refused_and_one_they_show_twice_is_the_first() {
        let oslo = chrono_tz::Europe::Oslo;
        assert_eq!(read("2026-03-29T02:30:00").unwrap().place(oslo), Err(Skipped));
        let twice = read("2026-10-25T02:30:00").unwrap().place(oslo).unwrap();
        assert_eq!(twice.begins().to_rfc3339(), "2026-10-25T00:30:00+00:00");
    }

    #[test]
    fn a_day_that_does_not_exist_is_a_mistake() {
        let error = read("2026-02-30").unwrap_err();
        assert!(error.message().contains("date"), "{}", error.message());
        assert!(error.span().is_some(), "placed where it is written");
        assert!(read("18:00:00").is_err());
    }
}
