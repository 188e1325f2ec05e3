//! The measurement ledger: every value ever recorded, never edited in place.
//!
//! A ledger is the set of CSV files under `frameworks/<name>/measurements/`,
//! read in file-name order. One value is kept per (indicator, period,
//! disaggregation); recording the same key again is a correction: the newest
//! row (by `recorded_at`, then by position) wins, the older ones stay for
//! `history` and `explain`. `--as-of` replays the ledger as it stood on a
//! date by ignoring rows recorded after it.

pub mod read;
mod read_fast;
pub mod row;
pub mod write;
pub mod xlsx;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Framework;
use crate::source::Sources;
use read::{Strings, read_rows};
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
    /// Rows in reading order (files by name, then line).
    pub entries: Vec<Entry>,
    pub strings: Strings,
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
        let Ledger { entries, strings } = self;
        if read_fast::read_clean(fw, &sources.get(file).text, file, only, entries, strings) {
            return Diagnostics::default();
        }
        read_rows(fw, parser, sources, file, |r, f, origin| {
            entries.push(Entry {
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
            });
        })
    }

    pub fn str(&self, i: u32) -> Option<&str> {
        self.strings.get(i)
    }

    /// Order of precedence: later `recorded_at` wins; undated rows come
    /// first; among equals, the later row in reading order wins.
    fn precedence(&self, i: u32) -> (Option<DateTime<Utc>>, u32) {
        (self.entries[i as usize].recorded_at, i)
    }

    /// Indexes of every row known at `as_of`, sorted by key, then by
    /// precedence (the last of each key is the one in force).
    pub fn trail(&self, as_of: Option<DateTime<Utc>>) -> Vec<u32> {
        let mut idx: Vec<u32> = (0..self.entries.len() as u32)
            .filter(|&i| match (as_of, self.entries[i as usize].recorded_at) {
                (Some(cut), Some(at)) => at <= cut,
                _ => true,
            })
            .collect();
        self.sort_trail(&mut idx);
        idx
    }

    /// Sort rows by key, then precedence. Ledgers are mostly written in
    /// order of indicator and period: when they are, only the rows of each
    /// indicator and period are sorted among themselves (small sorts, on
    /// every core) instead of the whole ledger at once.
    fn sort_trail(&self, idx: &mut [u32]) {
        let full = |&i: &u32| (self.entries[i as usize].key(), self.precedence(i));
        let coarse = |i: u32| {
            let e = &self.entries[i as usize];
            (e.indicator, e.period.end, e.period.start)
        };
        if !idx.windows(2).all(|w| coarse(w[0]) <= coarse(w[1])) {
            idx.sort_unstable_by_key(full);
            return;
        }
        // Within a run the indicator and period are equal: the rest of the
        // key (the breakdown, packed in one integer) and the precedence decide.
        let rest = |&i: &u32| {
            let e = &self.entries[i as usize];
            let dims = e.dims.0.iter().fold(0u128, |k, &v| k << 16 | u128::from(v));
            (dims, e.recorded_at, i)
        };
        let sort_runs = |part: &mut [u32]| {
            // Each run's keys are read once into a buffer and sorted there.
            let mut keys = Vec::new();
            let mut s = 0;
            while s < part.len() {
                let c = coarse(part[s]);
                let e = s + part[s..].iter().position(|&i| coarse(i) != c).unwrap_or(part.len() - s);
                if e - s > 1 && !part[s..e].is_sorted_by_key(rest) {
                    keys.clear();
                    keys.extend(part[s..e].iter().map(rest));
                    keys.sort_unstable();
                    for (slot, k) in part[s..e].iter_mut().zip(&keys) {
                        *slot = k.2;
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

    /// The value in force for each key at `as_of`, sorted by key (so by
    /// indicator, then period end). Rows waiting for review (pending) and
    /// rejected ones do not count.
    pub fn current(&self, as_of: Option<DateTime<Utc>>) -> Vec<u32> {
        self.in_force(as_of, false)
    }

    /// [`Ledger::current`] as it would be if every value waiting for
    /// review were approved (`status --include-pending`).
    pub fn current_with_pending(&self, as_of: Option<DateTime<Utc>>) -> Vec<u32> {
        self.in_force(as_of, true)
    }

    fn in_force(&self, as_of: Option<DateTime<Utc>>, with_pending: bool) -> Vec<u32> {
        let trail = self.trail(as_of);
        let queued: std::collections::HashSet<u32> = if with_pending {
            self.pending(as_of).into_iter().collect()
        } else {
            Default::default()
        };
        let mut out: Vec<u32> = Vec::with_capacity(trail.len());
        let counts = |i: u32| self.entries[i as usize].review.counts() || queued.contains(&i);
        for i in trail.into_iter().filter(|&i| counts(i)) {
            match out.last_mut() {
                Some(last) if self.entries[*last as usize].key() == self.entries[i as usize].key() => *last = i,
                _ => out.push(i),
            }
        }
        out
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
            let key = self.entries[trail[start] as usize].key();
            let mut end = start;
            while end < trail.len() && self.entries[trail[end] as usize].key() == key {
                end += 1;
            }
            let rows = &trail[start..end];
            // The last pending row of the key, unless decided, or replaced
            // by a value recorded at the terminal after it.
            if let Some(pos) = rows
                .iter()
                .rposition(|&i| self.entries[i as usize].review == row::Review::Pending)
            {
                let p = &self.entries[rows[pos] as usize];
                let decided = rows.iter().any(|&i| {
                    let e = &self.entries[i as usize];
                    matches!(e.review, row::Review::Approved | row::Review::Rejected)
                        && e.review_of.is_some()
                        && e.review_of == p.recorded_at
                });
                let replaced = rows[pos + 1..]
                    .iter()
                    .any(|&i| self.entries[i as usize].review == row::Review::None);
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
        if let Some(first) = self.entries.first()
            && self.entries.iter().all(|e| e.origin.file == first.origin.file)
        {
            return diags;
        }
        let trail = self.trail(None);
        for w in trail.windows(2) {
            let (p, e) = (&self.entries[w[0] as usize], &self.entries[w[1] as usize]);
            if p.key() != e.key()
                || p.recorded_at != e.recorded_at
                || p.origin.file == e.origin.file
                || p.value == e.value
            {
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
        self.entries.iter().map(|e| e.period.end).max()
    }
}

fn line_start(sources: &Sources, o: Origin) -> usize {
    sources.get(o.file).offset_of(o.line as usize, 1)
}

/// `file:line` of a row.
pub fn origin_text(sources: &Sources, o: Origin) -> String {
    format!("{}:{}", sources.get(o.file).name, o.line)
}
