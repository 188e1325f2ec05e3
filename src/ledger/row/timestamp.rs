//! `recorded_at`: how the ledger writes a timestamp, how it reads one, and
//! how far ahead of the clock one may lie before it is refused.

use chrono::{DateTime, NaiveDate, Utc};

/// How far ahead of this machine's clock a `recorded_at` may lie. Clocks of
/// the machines that export rows drift by a little; a row dated further
/// ahead would outrank every correction until its time came, pinning its
/// value in force.
pub(crate) const CLOCK_SKEW: chrono::TimeDelta = chrono::TimeDelta::minutes(5);

/// Whether `at` lies beyond `now` plus the allowed [`CLOCK_SKEW`].
pub(crate) fn is_future(at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    at > now + CLOCK_SKEW
}

/// A timestamp as the ledger writes it: RFC 3339 in UTC, milliseconds.
pub(crate) fn timestamp_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub(crate) fn parse_timestamp(t: &str) -> Option<DateTime<Utc>> {
    if let Ok(ts) = DateTime::parse_from_rfc3339(t) {
        return Some(ts.with_timezone(&Utc));
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|dt| dt.and_utc())
}
