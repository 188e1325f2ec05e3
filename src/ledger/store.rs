//! The ledger's rows in a compact form: 24 bytes a row, whatever the value,
//! and 8 more for `recorded_at` once any row has one.
//!
//! A [`Row`] holds small integers only: the indicator, indexes into tables
//! of the periods, breakdowns and of the rest (file, text fields, review)
//! seen, and the value as a 32-bit decimal mantissa and scale (or an index
//! into a side table for ratios, texts and wider numbers). `recorded_at` is
//! a column beside the rows, in milliseconds (or an index into a side table
//! for the rare time finer than a millisecond), kept only when some row
//! has a time: a ledger of plain rows (an import of figures) does not
//! carry it.
//! Every table is exact: [`Store::entry`] gives back the [`Entry`] that was
//! pushed, value for value.

use std::hash::Hash;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap as HashMap;

use super::read::Strings;
use super::row::{DimKey, Entry, Origin, Review};
use crate::model::{Period, PeriodKind, Value};
use crate::source::FileId;

/// A table of distinct things, each with its index.
#[derive(Debug, Clone)]
struct Interner<T> {
    list: Vec<T>,
    map: HashMap<T, u32>,
}

impl<T> Default for Interner<T> {
    fn default() -> Self {
        Interner {
            list: Vec::new(),
            map: HashMap::default(),
        }
    }
}

impl<T: Hash + Eq + Clone> Interner<T> {
    fn intern(&mut self, t: T) -> u32 {
        if let Some(&i) = self.map.get(&t) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(t.clone());
        self.map.insert(t, i);
        i
    }
}

/// The file, text fields and review details of a row (strings as
/// indexes): few distinct ones in a ledger, so rows share them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Meta {
    file: FileId,
    review: Review,
    comment: u32,
    source: u32,
    recorded_by: u32,
    reviewed_by: u32,
    review_note: u32,
    review_of: Option<DateTime<Utc>>,
}

/// `tag` values beyond the scales of an inline number (0..=28).
const FLAG_FALSE: u8 = 29;
const FLAG_TRUE: u8 = 30;
/// The value is `values[value]`.
const SIDE: u8 = 31;

/// `at` for a row without `recorded_at`.
const NO_TIME: i64 = i64::MIN;
/// `at` values from here up to `TIMES_END` are indexes into `times`:
/// far below any time chrono can hold (about -8.3e15 ms).
const TIMES_BASE: i64 = i64::MIN + 1;
const TIMES_END: i64 = i64::MIN / 2;

/// One row, compact.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row {
    /// The mantissa (an `i32`'s bits) of an inline number, else an index
    /// into `values`.
    value: u32,
    indicator: u32,
    dims: u32,
    line: u32,
    meta: u32,
    period: u16,
    tag: u8,
}

/// Rows and the tables their indexes point into.
#[derive(Debug, Default, Clone)]
pub(crate) struct Store {
    rows: Vec<Row>,
    /// Each row's `recorded_at` ([`NO_TIME`], a time in milliseconds or an
    /// index into `times`); empty while no row has one.
    ats: Vec<i64>,
    pub(crate) strings: Strings,
    periods: Interner<(NaiveDate, NaiveDate, PeriodKind)>,
    dims: Interner<DimKey>,
    metas: Interner<Meta>,
    values: Vec<Value>,
    times: Vec<DateTime<Utc>>,
    /// The period and meta of the last row pushed, with their indexes:
    /// neighbouring rows mostly share them.
    last_period: Option<((NaiveDate, NaiveDate, PeriodKind), u32)>,
    last_meta: Option<(Meta, u32)>,
    /// The meta of a plain row of a file (no text, no review).
    plain_meta: Option<(FileId, u32)>,
}

impl Store {
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    pub(crate) fn reserve(&mut self, n: usize) {
        self.rows.reserve(n);
    }

    pub(crate) fn truncate(&mut self, n: usize) {
        self.rows.truncate(n);
        self.ats.truncate(n);
    }

    /// Row `i`'s `recorded_at` as stored.
    fn at(&self, i: u32) -> i64 {
        self.ats.get(i as usize).copied().unwrap_or(NO_TIME)
    }

    /// Note the `recorded_at` of the row about to be pushed: the column is
    /// made (every earlier row without a time) at the first time.
    fn push_at(&mut self, at: i64) {
        if at != NO_TIME || !self.ats.is_empty() {
            self.ats.resize(self.rows.len(), NO_TIME);
            self.ats.push(at);
        }
    }

    /// Add a row; its string fields are indexes into `self.strings`.
    pub(crate) fn push(&mut self, e: &Entry) {
        let period = self.period_slot(&e.period);
        let (value, tag) = self.value_parts(&e.value);
        let at = self.time_parts(e.recorded_at);
        let dims = self.dims_slot(e.dims);
        let meta = self.meta_slot(Meta {
            file: e.origin.file,
            review: e.review,
            comment: e.comment,
            source: e.source,
            recorded_by: e.recorded_by,
            reviewed_by: e.reviewed_by,
            review_note: e.review_note,
            review_of: e.review_of,
        });
        self.push_at(at);
        self.rows.push(Row {
            value,
            indicator: e.indicator,
            dims,
            line: e.origin.line,
            meta,
            period,
            tag,
        });
    }

    /// Add a plain row (see `read_fast::plain`): a whole number below a
    /// billion, no time, no text, no review; its period and breakdown are
    /// indexes into this store's tables ([`Store::period_slot`],
    /// [`Store::dims_slot`]). The row [`Store::push`] would add for the
    /// same [`Entry`].
    pub(crate) fn push_plain(&mut self, indicator: u32, period: u16, dims: u32, value: u32, origin: Origin) {
        let meta = match self.plain_meta {
            Some((file, m)) if file == origin.file => m,
            _ => {
                let m = self.meta_slot(Meta {
                    file: origin.file,
                    review: Review::None,
                    comment: 0,
                    source: 0,
                    recorded_by: 0,
                    reviewed_by: 0,
                    review_note: 0,
                    review_of: None,
                });
                self.plain_meta = Some((origin.file, m));
                m
            }
        };
        debug_assert!(value < 1_000_000_000);
        self.push_at(NO_TIME);
        self.rows.push(Row {
            value,
            indicator,
            dims,
            line: origin.line,
            meta,
            period,
            tag: 0,
        });
    }

    /// The index of a period in the table (neighbouring rows mostly share
    /// one: the last is remembered).
    pub(crate) fn period_slot(&mut self, p: &Period) -> u16 {
        let pk = (p.start, p.end, p.kind);
        let period = match self.last_period {
            Some((k, i)) if k == pk => i,
            _ => self.periods.intern(pk),
        };
        self.last_period = Some((pk, period));
        assert!(
            period <= u32::from(u16::MAX),
            "more than 65,536 distinct periods in one ledger"
        );
        period as u16
    }

    /// The index of a breakdown in the table.
    pub(crate) fn dims_slot(&mut self, d: DimKey) -> u32 {
        self.dims.intern(d)
    }

    /// The index of a row's file, texts and review in the table (the last
    /// is remembered).
    fn meta_slot(&mut self, m: Meta) -> u32 {
        let meta = match self.last_meta {
            Some((k, i)) if k == m => i,
            _ => self.metas.intern(m),
        };
        self.last_meta = Some((m, meta));
        meta
    }

    fn value_parts(&mut self, v: &Value) -> (u32, u8) {
        match v {
            Value::Number { value } => {
                if let Ok(m) = i32::try_from(value.mantissa()) {
                    let back = Decimal::new(i64::from(m), value.scale());
                    if back.serialize() == value.serialize() {
                        return (m as u32, value.scale() as u8);
                    }
                }
            }
            Value::Flag { done } => return (0, if *done { FLAG_TRUE } else { FLAG_FALSE }),
            _ => {}
        }
        self.values.push(v.clone());
        (self.values.len() as u32 - 1, SIDE)
    }

    fn time_parts(&mut self, t: Option<DateTime<Utc>>) -> i64 {
        match t {
            None => NO_TIME,
            Some(t) if t.timestamp_subsec_nanos() % 1_000_000 == 0 => t.timestamp_millis(),
            Some(t) => {
                self.times.push(t);
                TIMES_BASE + self.times.len() as i64 - 1
            }
        }
    }

    pub(crate) fn indicator(&self, i: u32) -> u32 {
        self.rows[i as usize].indicator
    }

    pub(crate) fn period(&self, i: u32) -> Period {
        let (start, end, kind) = self.periods.list[self.rows[i as usize].period as usize];
        Period { start, end, kind }
    }

    /// The index of row `i`'s period in the table of periods.
    pub(crate) fn period_index(&self, i: u32) -> usize {
        usize::from(self.rows[i as usize].period)
    }

    /// For each period of the table, its rank in order of end, then start
    /// (periods with the same days, written differently, share a rank).
    pub(crate) fn period_ranks(&self) -> Vec<u32> {
        let list = &self.periods.list;
        let mut order: Vec<usize> = (0..list.len()).collect();
        order.sort_by_key(|&p| (list[p].1, list[p].0));
        let mut rank = vec![0u32; list.len()];
        let mut r = 0;
        for (k, &p) in order.iter().enumerate() {
            if k > 0 {
                let q = order[k - 1];
                if (list[p].0, list[p].1) != (list[q].0, list[q].1) {
                    r += 1;
                }
            }
            rank[p] = r;
        }
        rank
    }

    /// Whether rows `a` and `b` are of one indicator and period (the same
    /// days, however written), compared by their indexes where they can be.
    pub(crate) fn same_indicator_period(&self, a: u32, b: u32) -> bool {
        let (ra, rb) = (&self.rows[a as usize], &self.rows[b as usize]);
        ra.indicator == rb.indicator && {
            ra.period == rb.period || {
                let (p, q) = (
                    &self.periods.list[ra.period as usize],
                    &self.periods.list[rb.period as usize],
                );
                (p.0, p.1) == (q.0, q.1)
            }
        }
    }

    /// Whether rows `a` and `b` have one key: indicator, period and
    /// breakdown (interned: one index per breakdown).
    pub(crate) fn same_key(&self, a: u32, b: u32) -> bool {
        self.rows[a as usize].dims == self.rows[b as usize].dims && self.same_indicator_period(a, b)
    }

    /// The shape of each breakdown of the table, in table order.
    pub(crate) fn dims_shapes(&self) -> Vec<u8> {
        self.dims.list.iter().map(DimKey::shape).collect()
    }

    /// The index of row `i`'s breakdown in the table of breakdowns.
    pub(crate) fn dims_index(&self, i: u32) -> usize {
        self.rows[i as usize].dims as usize
    }

    /// For each breakdown of the table, its rank in key order (distinct
    /// breakdowns, distinct ranks).
    pub(crate) fn dims_ranks(&self) -> Vec<u32> {
        let list = &self.dims.list;
        let mut order: Vec<usize> = (0..list.len()).collect();
        order.sort_by_key(|&d| list[d]);
        let mut rank = vec![0u32; list.len()];
        for (r, &d) in order.iter().enumerate() {
            rank[d] = r as u32;
        }
        rank
    }

    pub(crate) fn dims(&self, i: u32) -> DimKey {
        self.dims.list[self.rows[i as usize].dims as usize]
    }

    fn meta(&self, i: u32) -> &Meta {
        &self.metas.list[self.rows[i as usize].meta as usize]
    }

    pub(crate) fn review(&self, i: u32) -> Review {
        self.meta(i).review
    }

    pub(crate) fn origin(&self, i: u32) -> Origin {
        Origin {
            file: self.meta(i).file,
            line: self.rows[i as usize].line,
        }
    }

    pub(crate) fn recorded_at(&self, i: u32) -> Option<DateTime<Utc>> {
        match self.at(i) {
            NO_TIME => None,
            at if at < TIMES_END => Some(self.times[(at - TIMES_BASE) as usize]),
            at => DateTime::from_timestamp_millis(at),
        }
    }

    /// `recorded_at` as a number that sorts as the times do (no time
    /// first), with the nanoseconds below the millisecond.
    pub(crate) fn time_order(&self, i: u32) -> (i64, u32) {
        match self.at(i) {
            NO_TIME => (NO_TIME, 0),
            at if at < TIMES_END => {
                let t = self.times[(at - TIMES_BASE) as usize];
                (t.timestamp_millis(), t.timestamp_subsec_nanos() % 1_000_000)
            }
            at => (at, 0),
        }
    }

    pub(crate) fn value(&self, i: u32) -> Value {
        let r = &self.rows[i as usize];
        match r.tag {
            FLAG_FALSE => Value::Flag { done: false },
            FLAG_TRUE => Value::Flag { done: true },
            SIDE => self.values[r.value as usize].clone(),
            scale => Value::Number {
                value: Decimal::new(i64::from(r.value as i32), u32::from(scale)),
            },
        }
    }

    /// Row `i`'s value when it is a number held inline: its mantissa and
    /// scale (the value is `Decimal::new(mantissa, scale)`).
    pub(crate) fn inline_number(&self, i: u32) -> Option<(i64, u32)> {
        let r = &self.rows[i as usize];
        (r.tag < FLAG_FALSE).then(|| (i64::from(r.value as i32), u32::from(r.tag)))
    }

    /// The row as an [`Entry`], exactly as it was pushed.
    pub(crate) fn entry(&self, i: u32) -> Entry {
        let r = &self.rows[i as usize];
        let m = &self.metas.list[r.meta as usize];
        Entry {
            indicator: r.indicator,
            period: self.period(i),
            dims: self.dims(i),
            value: self.value(i),
            comment: m.comment,
            source: m.source,
            recorded_by: m.recorded_by,
            recorded_at: self.recorded_at(i),
            origin: self.origin(i),
            review: m.review,
            review_of: m.review_of,
            reviewed_by: m.reviewed_by,
            review_note: m.review_note,
        }
    }

    /// Append the rows of `other`, adding `line_base` to their lines.
    pub(crate) fn append(&mut self, other: Store, line_base: u32) {
        let strings: Vec<u32> = other.strings.texts().iter().map(|t| self.strings.intern(t)).collect();
        let periods: Vec<u32> = other.periods.list.into_iter().map(|p| self.periods.intern(p)).collect();
        assert!(
            self.periods.list.len() <= usize::from(u16::MAX) + 1,
            "more than 65,536 distinct periods in one ledger"
        );
        let dims: Vec<u32> = other.dims.list.into_iter().map(|d| self.dims.intern(d)).collect();
        let metas: Vec<u32> = other
            .metas
            .list
            .into_iter()
            .map(|m| {
                let s = |x: u32| strings[x as usize];
                self.metas.intern(Meta {
                    file: m.file,
                    review: m.review,
                    comment: s(m.comment),
                    source: s(m.source),
                    recorded_by: s(m.recorded_by),
                    reviewed_by: s(m.reviewed_by),
                    review_note: s(m.review_note),
                    review_of: m.review_of,
                })
            })
            .collect();
        let values_base = self.values.len() as u32;
        self.values.extend(other.values);
        let times_base = self.times.len() as i64;
        self.times.extend(other.times);
        if !other.ats.is_empty() {
            // The other's times, at the index its rows will have here.
            self.ats.resize(self.rows.len(), NO_TIME);
            self.ats.extend(other.ats.iter().map(|&at| {
                if at != NO_TIME && at < TIMES_END {
                    at + times_base
                } else {
                    at
                }
            }));
            self.ats.resize(self.rows.len() + other.rows.len(), NO_TIME);
        } else if !self.ats.is_empty() {
            self.ats.resize(self.rows.len() + other.rows.len(), NO_TIME);
        }
        self.rows.extend(other.rows.into_iter().map(|mut r| {
            r.line += line_base;
            r.period = periods[r.period as usize] as u16;
            r.dims = dims[r.dims as usize];
            r.meta = metas[r.meta as usize];
            if r.tag == SIDE {
                r.value += values_base;
            }
            r
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_is_twenty_four_bytes() {
        assert_eq!(std::mem::size_of::<Row>(), 24);
    }

    #[test]
    fn values_and_times_round_trip_exactly() {
        let d = |s: &str| s.parse::<Decimal>().expect("decimal");
        let t = |s: &str| DateTime::parse_from_rfc3339(s).expect("time").with_timezone(&Utc);
        let values = [
            Value::Number { value: d("12") },
            Value::Number { value: d("12.500") },
            Value::Number { value: d("-0.0") },
            Value::Number { value: -Decimal::ZERO },
            Value::Number {
                value: d("79228162514264337593543950335"),
            },
            Value::Number { value: d("-3.1415") },
            Value::Number { value: d("2147483647") },
            Value::Number {
                value: d("-2147483648"),
            },
            Value::Number { value: d("2147483648") },
            Value::Number {
                value: d("1000000000000000000"),
            },
            Value::Flag { done: true },
            Value::Flag { done: false },
            Value::Ratio {
                numerator: d("1"),
                denominator: d("3"),
            },
            Value::Text {
                text: "good".into(),
                score: Some(d("4")),
            },
        ];
        let times = [
            None,
            Some(t("2024-01-15T10:00:00.000Z")),
            Some(t("2024-01-15T10:00:00.123456789Z")),
            Some(t("1900-01-01T00:00:00Z")),
        ];
        let mut s = Store::default();
        let mut want = Vec::new();
        for (k, v) in values.iter().enumerate() {
            let e = Entry {
                indicator: k as u32,
                period: Period {
                    start: NaiveDate::from_ymd_opt(2024, 1, 1).expect("date"),
                    end: NaiveDate::from_ymd_opt(2024, 3, 31).expect("date"),
                    kind: PeriodKind::Quarter,
                },
                dims: DimKey::TOTAL,
                value: v.clone(),
                comment: 0,
                source: 0,
                recorded_by: 0,
                recorded_at: times[k % times.len()],
                origin: Origin {
                    file: FileId(1),
                    line: k as u32 + 2,
                },
                review: Review::None,
                review_of: times[(k + 1) % times.len()],
                reviewed_by: 0,
                review_note: 0,
            };
            s.push(&e);
            want.push(e);
        }
        let mut joined = Store::default();
        joined.append(s.clone(), 0);
        joined.append(s, 0);
        for (i, e) in want.iter().chain(&want).enumerate() {
            let got = joined.entry(i as u32);
            assert_eq!(format!("{got:?}"), format!("{e:?}"), "row {i}");
            if let (Value::Number { value: a }, Value::Number { value: b }) = (&got.value, &e.value) {
                assert_eq!(a.serialize(), b.serialize(), "row {i}");
            }
        }
    }
}
