//! The measurement ledger: every value ever recorded, never edited in place.
//!
//! A ledger is the set of CSV files under `frameworks/<name>/measurements/`,
//! read in file-name order. One value is kept per (indicator, period,
//! disaggregation); recording the same key again is a correction: the newest
//! row (by `recorded_at`, then by position) wins, the older ones stay for
//! `history` and `explain`. `--as-of` replays the ledger as it stood on a
//! date by ignoring rows recorded after it. A withdrawal (`logframe void`,
//! a row marked `void`) takes precedence like a correction and leaves the
//! key without a value until one is recorded again.

pub mod read;
mod read_fast;
pub mod review;
pub mod row;
mod store;
pub mod write;
pub mod xlsx;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Framework;
use crate::source::Sources;
#[cfg(test)]
use read::Strings;
use read::read_rows;
pub use row::{DimKey, Entry, Origin};

/// The identity of a value: one per indicator, period and disaggregation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub indicator: u32,
    pub end: chrono::NaiveDate,
    pub start: chrono::NaiveDate,
    pub dims: DimKey,
}

impl Entry {
    pub fn key(&self) -> Key {
        Key {
            indicator: self.indicator,
            end: self.period.end,
            start: self.period.start,
            dims: self.dims,
        }
    }
}

#[derive(Debug, Default)]
pub struct Ledger {
    /// Rows in reading order (files by name, then line), compact.
    store: store::Store,
    /// Every row sorted by key, then precedence: computed once, on first use.
    sorted: std::sync::OnceLock<Vec<u32>>,
    /// The shape of each breakdown of the store's table ([`Ledger::shape`]).
    shapes: std::sync::OnceLock<Vec<u8>>,
}

pub fn measurements_dir(fw: &Framework) -> PathBuf {
    fw.dir.join("measurements")
}

/// The ledger's CSV files, sorted by name.
pub fn ledger_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    match std::fs::read_dir(dir) {
        Ok(rd) => {
            for e in rd {
                let p = e?.path();
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")) && !name.starts_with('.') {
                    files.push(p);
                }
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    files.sort();
    Ok(files)
}

impl Ledger {
    /// Read every ledger file of the framework.
    pub fn load(fw: &Framework, sources: &mut Sources) -> (Ledger, Diagnostics) {
        Ledger::load_only(fw, sources, None)
    }

    /// [`Ledger::load`] keeping, of the files that read cleanly, only the
    /// rows of the indicators in `only` (every row when `None`): what a
    /// write needs to classify a few new rows without holding the whole
    /// ledger. A file with any problem is read whole, and its problems
    /// reported, as by `load`.
    pub(crate) fn load_only(
        fw: &Framework,
        sources: &mut Sources,
        only: Option<&rustc_hash::FxHashSet<u32>>,
    ) -> (Ledger, Diagnostics) {
        let mut diags = Diagnostics::default();
        let mut ledger = Ledger::default();
        let dir = measurements_dir(fw);
        let files = match ledger_files(&dir) {
            Ok(f) => f,
            Err(e) => {
                diags.push(
                    Diagnostic::error(format!("cannot list {}: {e}", dir.display()))
                        .hint("check the folder's permissions"),
                );
                return (ledger, diags);
            }
        };
        let mut parser = row::RowParser::new(fw);
        for path in files {
            if std::fs::metadata(&path).is_ok_and(|m| m.len() >= read_fast::STREAM_FROM) {
                let id = sources.next_id();
                if let Some(notes) = read_fast::read_streaming(fw, &path, id, only, &mut ledger.store) {
                    sources.add_unread(path, notes);
                    continue;
                }
            }
            let file = match read::read_csv_file(&path, sources) {
                Ok(f) => f,
                Err(d) => {
                    diags.push(d);
                    continue;
                }
            };
            diags.extend(ledger.read_file_only(fw, &mut parser, sources, file, only));
        }
        diags.extend(ledger.ambiguous_corrections(fw, sources));
        (ledger, diags)
    }

    /// Append the rows of one ledger file already in `sources`: the one
    /// reading of a ledger file, for `load` and for the write path's
    /// read-back of what it wrote.
    pub fn read_file(
        &mut self,
        fw: &Framework,
        parser: &mut row::RowParser,
        sources: &Sources,
        file: crate::source::FileId,
    ) -> Diagnostics {
        self.read_file_only(fw, parser, sources, file, None)
    }

    fn read_file_only(
        &mut self,
        fw: &Framework,
        parser: &mut row::RowParser,
        sources: &Sources,
        file: crate::source::FileId,
        only: Option<&rustc_hash::FxHashSet<u32>>,
    ) -> Diagnostics {
        self.sorted = std::sync::OnceLock::new();
        self.shapes = std::sync::OnceLock::new();
        let store = &mut self.store;
        if read_fast::read_clean(fw, &sources.get(file).text, file, only, store) {
            return Diagnostics::default();
        }
        read_rows(fw, parser, sources, file, |r, f, origin| {
            let strings = &mut store.strings;
            let e = Entry {
                indicator: r.indicator,
                period: r.period,
                dims: r.dims,
                value: r.value,
                comment: strings.intern(f.comment),
                source: strings.intern(f.source),
                recorded_by: strings.intern(f.recorded_by),
                recorded_at: r.recorded_at,
                origin,
                review: r.review,
                review_of: r.review_of,
                reviewed_by: strings.intern(f.reviewed_by),
                review_note: strings.intern(f.review_note),
            };
            store.push(&e);
        })
    }

    /// A ledger of the given rows (their string fields index `strings`).
    #[cfg(test)]
    pub(crate) fn of_entries(entries: &[Entry], strings: Strings) -> Ledger {
        let mut l = Ledger::default();
        l.store.strings = strings;
        for e in entries {
            l.store.push(e);
        }
        l
    }

    #[cfg(test)]
    fn of_store(store: store::Store) -> Ledger {
        Ledger {
            store,
            sorted: Default::default(),
            shapes: Default::default(),
        }
    }

    /// How many rows the ledger holds.
    pub fn len(&self) -> usize {
        self.store.len()
    }

    pub fn is_empty(&self) -> bool {
        self.store.len() == 0
    }

    /// Row `i` (an index in reading order), whole.
    pub fn entry(&self, i: u32) -> Entry {
        self.store.entry(i)
    }

    /// Every row, whole, in reading order.
    pub fn entries(&self) -> impl Iterator<Item = Entry> + '_ {
        (0..self.len() as u32).map(|i| self.store.entry(i))
    }

    /// The key of row `i`.
    pub fn key(&self, i: u32) -> Key {
        let p = self.store.period(i);
        Key {
            indicator: self.store.indicator(i),
            end: p.end,
            start: p.start,
            dims: self.store.dims(i),
        }
    }

    pub fn indicator(&self, i: u32) -> u32 {
        self.store.indicator(i)
    }

    pub fn period(&self, i: u32) -> crate::model::Period {
        self.store.period(i)
    }

    pub fn dims(&self, i: u32) -> DimKey {
        self.store.dims(i)
    }

    /// The dimensions row `i` gives, a bit each ([`DimKey::shape`]), from a
    /// table of the few distinct breakdowns: reports ask it of every row
    /// of every indicator.
    pub fn shape(&self, i: u32) -> u8 {
        let shapes = self.shapes.get_or_init(|| self.store.dims_shapes());
        shapes[self.store.dims_index(i)]
    }

    /// Row `i`'s value when it is a number held inline: its mantissa and
    /// scale, for sums that add integers (see `Store`).
    pub fn inline_number(&self, i: u32) -> Option<(i64, u32)> {
        self.store.inline_number(i)
    }

    pub fn value(&self, i: u32) -> crate::model::Value {
        self.store.value(i)
    }

    pub fn recorded_at(&self, i: u32) -> Option<DateTime<Utc>> {
        self.store.recorded_at(i)
    }

    pub fn origin(&self, i: u32) -> Origin {
        self.store.origin(i)
    }

    pub fn review(&self, i: u32) -> row::Review {
        self.store.review(i)
    }

    pub fn str(&self, i: u32) -> Option<&str> {
        self.store.strings.get(i)
    }

    /// Indexes of every row known at `as_of`, sorted by key, then by
    /// precedence (the last of each key is the one in force).
    pub fn trail(&self, as_of: Option<DateTime<Utc>>) -> Vec<u32> {
        let all = self.sorted();
        match as_of {
            None => all.to_vec(),
            Some(cut) => all
                .iter()
                .copied()
                .filter(|&i| self.recorded_at(i).is_none_or(|at| at <= cut))
                .collect(),
        }
    }

    /// Every row sorted by key, then precedence (computed once).
    fn sorted(&self) -> &[u32] {
        self.sorted.get_or_init(|| {
            let mut idx: Vec<u32> = (0..self.len() as u32).collect();
            self.sort_trail(&mut idx);
            idx
        })
    }

    /// Sort rows by key, then precedence. Ledgers are mostly written in
    /// order of indicator and period: when they are, only the rows of each
    /// indicator and period are sorted among themselves (small sorts, on
    /// every core) instead of the whole ledger at once.
    fn sort_trail(&self, idx: &mut [u32]) {
        // Order of precedence: later `recorded_at` wins; undated rows come
        // first; among equals, the later row in reading order wins.
        let full = |&i: &u32| (self.key(i), self.store.time_order(i), i);
        // The indicator and the period's rank (by end, then start; one rank
        // for the same days) in one integer: the order of (indicator, end,
        // start).
        let period_rank = self.store.period_ranks();
        let coarse =
            |i: u32| u64::from(self.store.indicator(i)) << 32 | u64::from(period_rank[self.store.period_index(i)]);
        if !idx.windows(2).all(|w| coarse(w[0]) <= coarse(w[1])) && !self.bucket_by_coarse_key(idx) {
            idx.sort_unstable_by_key(full);
            return;
        }
        // Within a run the indicator and period are equal: the rest of the
        // key (the breakdown, packed in one integer) and the precedence decide.
        // Breakdowns by their rank in key order (few distinct ones: the
        // table is ranked once, not a key compared per row).
        let ranks = self.store.dims_ranks();
        let rest = |&i: &u32| (ranks[self.store.dims_index(i)], self.store.time_order(i), i);
        let sort_runs = |part: &mut [u32]| {
            // Each run's keys are read once into a buffer and sorted there.
            let mut keys = Vec::new();
            let mut packed: Vec<u64> = Vec::new();
            // The breakdowns of the last run sorted by rank alone, in reading
            // order, and the order it took (positions in the run): a ledger
            // lists the same breakdowns in the same order period after
            // period, and the same breakdowns in the same order take the
            // same order.
            let (mut last_dims, mut last_order, mut scratch) = (Vec::new(), Vec::new(), Vec::new());
            let mut s = 0;
            while s < part.len() {
                let c = coarse(part[s]);
                let e = s + part[s..].iter().position(|&i| coarse(i) != c).unwrap_or(part.len() - s);
                if e - s > 1 && !part[s..e].is_sorted_by_key(rest) {
                    let run = &mut part[s..e];
                    if run.len() == last_dims.len()
                        && run.iter().zip(&last_dims).all(|(&i, &d)| self.store.dims_index(i) == d)
                    {
                        scratch.clear();
                        scratch.extend(last_order.iter().map(|&k: &u32| run[k as usize]));
                        run.copy_from_slice(&scratch);
                        s = e;
                        continue;
                    }
                    // Mostly one row per breakdown (no corrections): sorted
                    // by the breakdown's rank alone, in one integer each.
                    // Where two rows share a breakdown, the whole key.
                    packed.clear();
                    packed.extend(
                        run.iter()
                            .enumerate()
                            .map(|(k, &i)| u64::from(ranks[self.store.dims_index(i)]) << 32 | k as u64),
                    );
                    packed.sort_unstable();
                    last_dims.clear();
                    last_order.clear();
                    if packed.windows(2).all(|w| w[0] >> 32 != w[1] >> 32) {
                        last_dims.extend(run.iter().map(|&i| self.store.dims_index(i)));
                        last_order.extend(packed.iter().map(|&k| k as u32));
                        scratch.clear();
                        scratch.extend(last_order.iter().map(|&k| run[k as usize]));
                        run.copy_from_slice(&scratch);
                    } else {
                        keys.clear();
                        keys.extend(part[s..e].iter().map(rest));
                        keys.sort_unstable();
                        for (slot, k) in part[s..e].iter_mut().zip(&keys) {
                            *slot = k.2;
                        }
                    }
                }
                s = e;
            }
        };
        // Two halves cut between runs, one per thread, for large ledgers.
        let mut mid = idx.len() / 2;
        while mid > 0 && mid < idx.len() && coarse(idx[mid - 1]) == coarse(idx[mid]) {
            mid += 1;
        }
        if idx.len() < 100_000 || mid >= idx.len() {
            sort_runs(idx);
            return;
        }
        let (a, b) = idx.split_at_mut(mid);
        std::thread::scope(|s| {
            s.spawn(|| sort_runs(a));
            sort_runs(b);
        });
    }

    /// Put `idx` in order of indicator and period (end, then start), each
    /// run of equal ones in reading order, by counting (a ledger with
    /// corrections appended is mostly, not wholly, in order): `false`,
    /// leaving `idx` as it was, when there are far more (indicator, period)
    /// pairs than rows.
    fn bucket_by_coarse_key(&self, idx: &mut [u32]) -> bool {
        let rank = self.store.period_ranks();
        let ranks = rank.iter().max().map_or(0, |&r| r as usize + 1);
        let indicators = idx
            .iter()
            .map(|&i| self.store.indicator(i))
            .max()
            .map_or(0, |m| m as usize + 1);
        let buckets = indicators.saturating_mul(ranks);
        if buckets > 4 * idx.len() + 1024 {
            return false;
        }
        let bucket = |i: u32| self.store.indicator(i) as usize * ranks + rank[self.store.period_index(i)] as usize;
        let mut start = vec![0u32; buckets + 1];
        for &i in idx.iter() {
            start[bucket(i) + 1] += 1;
        }
        for b in 1..start.len() {
            start[b] += start[b - 1];
        }
        let mut out = vec![0u32; idx.len()];
        for &i in idx.iter() {
            let b = bucket(i);
            out[start[b] as usize] = i;
            start[b] += 1;
        }
        idx.copy_from_slice(&out);
        true
    }

    /// The value in force for each key at `as_of`, sorted by key (so by
    /// indicator, then period end). Rows waiting for review (pending) and
    /// rejected ones do not count.
    pub fn current(&self, as_of: Option<DateTime<Utc>>) -> Vec<u32> {
        self.in_force(as_of, false)
    }

    /// For each key of the rows `wanted` keeps, the index of its row in
    /// force: the row that counts with the latest `recorded_at`, the last
    /// read on a tie, as [`Ledger::current`] finds it, without sorting the
    /// whole ledger (a write looks at a few keys). A key whose row in force
    /// is a withdrawal keeps that row: it has no value
    /// ([`row::Review::gives_value`]).
    pub fn in_force_where(&self, mut wanted: impl FnMut(u32) -> bool) -> std::collections::HashMap<Key, u32> {
        let mut out: std::collections::HashMap<Key, u32> = std::collections::HashMap::new();
        for i in 0..self.len() as u32 {
            if !self.review(i).counts() || !wanted(i) {
                continue;
            }
            let at = self.recorded_at(i);
            out.entry(self.key(i))
                .and_modify(|c| {
                    if at >= self.recorded_at(*c) {
                        *c = i;
                    }
                })
                .or_insert(i);
        }
        out
    }

    /// [`Ledger::current`] as it would be if every value waiting for
    /// review were approved (`status --include-pending`).
    pub fn current_with_pending(&self, as_of: Option<DateTime<Utc>>) -> Vec<u32> {
        self.in_force(as_of, true)
    }

    fn in_force(&self, as_of: Option<DateTime<Utc>>, with_pending: bool) -> Vec<u32> {
        let queued: std::collections::HashSet<u32> = if with_pending {
            self.pending(as_of).into_iter().collect()
        } else {
            Default::default()
        };
        let known = |i: u32| as_of.is_none_or(|cut| self.recorded_at(i).is_none_or(|at| at <= cut));
        let counts = |i: u32| self.review(i).counts() || queued.contains(&i);
        let of = |rows: &[u32]| {
            let mut out: Vec<u32> = Vec::with_capacity(rows.len());
            // The shared sorted order, filtered as it is read (not copied).
            for i in rows.iter().copied().filter(|&i| known(i) && counts(i)) {
                match out.last_mut() {
                    Some(last) if self.same_key(*last, i) => *last = i,
                    _ => out.push(i),
                }
            }
            // A key whose last row is a withdrawal has no value.
            out.retain(|&i| self.review(i).gives_value());
            out
        };
        // Keys of different indicators never meet: a large ledger's two
        // halves, cut between indicators, are read on two threads.
        let sorted = self.sorted();
        let (a, b) = sorted.split_at(self.indicator_cut(sorted));
        if a.is_empty() || b.is_empty() {
            return of(sorted);
        }
        let (mut out, rest) = std::thread::scope(|s| {
            let first = s.spawn(|| of(a));
            let rest = of(b);
            (first.join().expect("the first half is read"), rest)
        });
        out.extend(rest);
        out
    }

    /// Where to cut `rows` (sorted by key) in two for two threads: at the
    /// first row of an indicator near the middle; 0 (no cut) for fewer
    /// than 100,000 rows or a single indicator.
    pub fn indicator_cut(&self, rows: &[u32]) -> usize {
        if rows.len() < 100_000 {
            return 0;
        }
        let mid = rows.len() / 2;
        let ind = self.indicator(rows[mid]);
        let forward = rows[mid..]
            .iter()
            .position(|&i| self.indicator(i) != ind)
            .map(|k| mid + k);
        let backward = rows[..mid]
            .iter()
            .rposition(|&i| self.indicator(i) != ind)
            .map(|k| k + 1);
        match (forward, backward) {
            (Some(f), Some(b)) => {
                if f - mid <= mid - b {
                    f
                } else {
                    b
                }
            }
            (Some(f), None) => f,
            (None, Some(b)) => b,
            (None, None) => 0,
        }
    }

    /// The values waiting for review at `as_of`: for each key, its latest
    /// pending row, unless a decision (approved or rejected) names it or a
    /// later row that counts has replaced it. Sorted by key.
    pub fn pending(&self, as_of: Option<DateTime<Utc>>) -> Vec<u32> {
        self.pending_in(&self.trail(as_of))
    }

    /// [`Ledger::pending`] among the rows of `trail` (sorted by key, then
    /// precedence, as [`Ledger::trail`] gives them): a write looks only at
    /// the keys it writes.
    pub fn pending_in(&self, trail: &[u32]) -> Vec<u32> {
        let mut out = Vec::new();
        let mut start = 0;
        while start < trail.len() {
            let mut end = start;
            while end < trail.len() && self.same_key(trail[start], trail[end]) {
                end += 1;
            }
            let rows = &trail[start..end];
            // The last pending row of the key, unless decided, or replaced
            // by a value recorded at the terminal after it.
            if let Some(pos) = rows.iter().rposition(|&i| self.review(i) == row::Review::Pending) {
                let p = self.entry(rows[pos]);
                let decided = rows.iter().any(|&i| {
                    matches!(self.review(i), row::Review::Approved | row::Review::Rejected) && {
                        let e = self.entry(i);
                        e.review_of.is_some() && e.review_of == p.recorded_at
                    }
                });
                let replaced = rows[pos + 1..].iter().any(|&i| self.review(i) == row::Review::None);
                if !decided && !replaced {
                    out.push(rows[pos]);
                }
            }
            start = end;
        }
        out
    }

    /// Two rows for one key with the same timestamp in different files:
    /// nothing says which is the correction. Such rows are neighbours in
    /// the sorted trail, so no extra index is needed.
    fn ambiguous_corrections(&self, fw: &Framework, sources: &Sources) -> Diagnostics {
        let mut diags = Diagnostics::default();
        // Rows of one file never tie with each other here.
        if !self.is_empty() && (0..self.len() as u32).all(|i| self.origin(i).file == self.origin(0).file) {
            return diags;
        }
        for w in self.sorted().windows(2) {
            if !self.same_key(w[0], w[1])
                || self.store.time_order(w[0]) != self.store.time_order(w[1])
                || self.origin(w[0]).file == self.origin(w[1]).file
            {
                continue;
            }
            let (p, e) = (self.entry(w[0]), self.entry(w[1]));
            if p.value == e.value {
                continue;
            }
            let other = sources.get(p.origin.file);
            let start = line_start(sources, e.origin);
            diags.push(
                Diagnostic::error(format!(
                    "two different values for {} {} ({}) with the same recorded_at",
                    fw.indicators[e.indicator as usize].id,
                    e.period,
                    e.dims.describe(fw)
                ))
                .at(crate::source::Span::new(e.origin.file, start, start + 1))
                .expected("one value per key, or a later recorded_at on the correction")
                .found(format!("another value at {}:{}", other.name, p.origin.line))
                .hint("give the correcting row a later recorded_at, or remove one of the rows"),
            );
        }
        diags
    }

    /// Periods with at least one value, for choosing a default report period.
    pub fn latest_period_end(&self) -> Option<chrono::NaiveDate> {
        (0..self.len() as u32).map(|i| self.period(i).end).max()
    }

    /// Whether rows `a` and `b` have the same key.
    fn same_key(&self, a: u32, b: u32) -> bool {
        self.store.same_key(a, b)
    }

    /// Whether rows `a` and `b` are of one indicator and period (the same
    /// days, however the period is written).
    pub fn same_indicator_period(&self, a: u32, b: u32) -> bool {
        self.store.same_indicator_period(a, b)
    }
}

fn line_start(sources: &Sources, o: Origin) -> usize {
    sources.get(o.file).offset_of(o.line as usize, 1)
}

/// `file:line` of a row.
pub fn origin_text(sources: &Sources, o: Origin) -> String {
    format!("{}:{}", sources.get(o.file).name, o.line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Period, Value};
    use crate::source::FileId;

    /// A plain row number `n` (its value and line come from `n`), recorded
    /// at `at` seconds when given.
    fn entry(n: u32, indicator: u32, period: Period, dims: DimKey, at: Option<i64>) -> Entry {
        Entry {
            indicator,
            period,
            dims,
            value: Value::Number { value: n.into() },
            comment: 0,
            source: 0,
            recorded_by: 0,
            recorded_at: at.map(|s| DateTime::from_timestamp_millis(s * 1000).expect("time")),
            origin: Origin {
                file: FileId(0),
                line: n + 2,
            },
            review: row::Review::None,
            review_of: None,
            reviewed_by: 0,
            review_note: 0,
        }
    }

    /// The ledger of `entries` gives them in the order of a plain sort by
    /// key, then time, then reading order.
    fn assert_sorted_as_the_plain_sort(entries: &[Entry]) {
        let ledger = Ledger::of_entries(entries, Default::default());
        let mut want: Vec<u32> = (0..entries.len() as u32).collect();
        want.sort_by_key(|&i| (entries[i as usize].key(), entries[i as usize].recorded_at, i));
        assert_eq!(ledger.trail(None), want);
    }

    /// A ledger out of order (corrections appended, periods written two
    /// ways) sorts as a plain sort by key and precedence would.
    #[test]
    fn the_trail_of_a_ledger_out_of_order_is_sorted_by_key_then_precedence() {
        let mut rng = fastrand::Rng::with_seed(13);
        let quarter = |q: u32| Period::quarter(2023, q);
        let mut entries = Vec::new();
        for n in 0..3000u32 {
            let mut dims = DimKey::TOTAL;
            dims.0[0] = rng.u16(0..3);
            let mut period = quarter(rng.u32(1..5));
            if rng.bool() {
                period.kind = crate::model::PeriodKind::Range;
            }
            let (indicator, at) = (rng.u32(0..4), rng.bool().then(|| rng.i64(0..5)));
            entries.push(entry(n, indicator, period, dims, at));
        }
        assert_sorted_as_the_plain_sort(&entries);
    }

    /// A ledger in order of indicator and period whose breakdowns come in
    /// another order (country, then sex; the key's order is sex, then
    /// country), each once per period except one correction: sorted as the
    /// plain sort would (the one-row-per-breakdown lane, and the whole key
    /// where a breakdown repeats).
    #[test]
    fn runs_of_distinct_breakdowns_sort_as_the_plain_sort() {
        let mut rng = fastrand::Rng::with_seed(7);
        let mut entries = Vec::new();
        let mut push = |indicator: u32, q: u32, sex: u16, country: u16, at: Option<i64>| {
            let mut dims = DimKey::TOTAL;
            dims.0[0] = sex;
            dims.0[1] = country;
            entries.push(entry(
                entries.len() as u32,
                indicator,
                Period::quarter(2023, q),
                dims,
                at,
            ));
        };
        // Each indicator lists its breakdowns in one shuffled order quarter
        // after quarter (the sort reuses the order it found), except a
        // quarter listing them in another order and one that lacks one.
        for indicator in 0..3 {
            let mut cells: Vec<(u16, u16)> = (0..40).flat_map(|c| (0..3).map(move |s| (s, c))).collect();
            rng.shuffle(&mut cells);
            for q in 1..5 {
                let mut cells = cells.clone();
                if (indicator, q) == (2, 3) {
                    rng.shuffle(&mut cells);
                }
                if (indicator, q) == (0, 4) {
                    cells.remove(7);
                }
                for (sex, country) in cells {
                    push(indicator, q, sex, country, rng.bool().then(|| rng.i64(0..5)));
                }
            }
        }
        // A correction of one breakdown, in the middle of a run.
        push(1, 2, 2, 17, Some(9));
        let last = entries.len() - 1;
        entries.swap(500, last);
        assert_sorted_as_the_plain_sort(&entries);
    }
}
