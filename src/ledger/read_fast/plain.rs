//! The plain row's fast lane: most ledger rows are a known indicator of a
//! count or number, a period, a few categories and a whole number, with
//! every other cell empty. Such a row is read from its bytes with the
//! last indicator and period remembered (rows come in runs of them) and
//! its breakdown looked up by its bytes in a small table (a ledger has few
//! distinct ones), and stored as indexes without building an [`Entry`].
//!
//! Anything else (a cell with spaces, decimals, a comment, a review state,
//! an unknown id) goes to the full row parser, which gives the same row or
//! stops the fast reading: the lane decides nothing the parser would decide
//! otherwise (`read_fast`'s tests read rows both ways and compare them).
//!
//! [`Entry`]: crate::ledger::row::Entry

use super::super::read::Column;
use super::super::row::{DimKey, RowParser};
use super::super::store::Store;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{Framework, IndicatorType, MAX_DIMENSIONS};

/// Where the cells of a plain row are, from the header.
pub(super) struct Layout {
    width: usize,
    indicator: usize,
    period: usize,
    value: usize,
    /// The column of each disaggregation the header names.
    dims: Vec<(usize, usize)>,
    /// The other columns (comment, source, time, review ...): empty in a
    /// plain row.
    others: Vec<usize>,
    /// The first and last column of the disaggregations when they stand
    /// side by side (their cells then are one stretch of a line).
    span: Option<(usize, usize)>,
}

impl Layout {
    /// `None` when the header lacks a base column the lane reads (the
    /// full parser says what is missing).
    pub(super) fn of(columns: &[Option<Column>]) -> Option<Layout> {
        let at = |want: usize| {
            columns
                .iter()
                .position(|c| matches!(c, Some(Column::Base(b)) if *b == want))
        };
        let (indicator, period, value) = (at(0)?, at(1)?, at(2)?);
        let dims: Vec<(usize, usize)> = columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match c {
                Some(Column::Dim(d)) if *d < MAX_DIMENSIONS => Some((i, *d)),
                _ => None,
            })
            .collect();
        let others = (0..columns.len())
            .filter(|i| ![indicator, period, value].contains(i) && !dims.iter().any(|(c, _)| c == i))
            .collect();
        let span = match (dims.first(), dims.last()) {
            (Some(&(first, _)), Some(&(last, _))) if last - first + 1 == dims.len() => Some((first, last)),
            _ => None,
        };
        Some(Layout {
            width: columns.len(),
            indicator,
            period,
            value,
            dims,
            others,
            span,
        })
    }
}

/// A plain row, read: its period and breakdown as indexes into the
/// store's tables.
pub(super) struct Plain {
    pub indicator: u32,
    pub period: u16,
    pub dims: u32,
    /// The value, a whole number below a billion.
    pub value: u32,
}

/// What the lane makes of a plain record.
pub(super) enum Read {
    Plain(Plain),
    /// A row of an indicator the reading skips.
    Skipped,
}

/// The cells of one record: its line (without the line end) and where
/// its separators are in it.
pub(super) struct Record<'t, 'e> {
    pub line: &'t [u8],
    pub separators: &'e [usize],
}

impl<'t> Record<'t, '_> {
    fn start(&self, k: usize) -> usize {
        if k == 0 { 0 } else { self.separators[k - 1] + 1 }
    }

    fn end(&self, k: usize) -> usize {
        self.separators.get(k).copied().unwrap_or(self.line.len())
    }

    fn cell(&self, k: usize) -> &'t [u8] {
        &self.line[self.start(k)..self.end(k)]
    }
}

/// What the lane remembers between rows of one part.
pub(super) struct Lane<'t> {
    layout: &'t Layout,
    /// The categories of each disaggregation written in at most 7 bytes,
    /// by their bytes packed in one integer ([`packed`]): no text compared.
    short: Vec<FxHashMap<u64, u16>>,
    /// The last indicator: its cell, index, and the dimensions it is
    /// broken down by (a bit each); only counts and numbers are kept.
    indicator: Option<(&'t [u8], u32, u8)>,
    /// The last period: its cell and index in the store.
    period: Option<(&'t [u8], u16)>,
    categories: [Option<(&'t [u8], u16)>; MAX_DIMENSIONS],
    /// Breakdowns by the bytes of their cells, side by side (see
    /// [`Layout::span`]): the stretch packed in one integer, the
    /// breakdown's index in the store and the dimensions it names (a bit
    /// each).
    breakdowns: Vec<(u128, u32, u8)>,
}

/// Slots of [`Lane::breakdowns`] (a power of two).
const BREAKDOWN_SLOTS: usize = 1024;

impl<'t> Lane<'t> {
    pub(super) fn new(layout: &'t Layout, fw: &Framework) -> Lane<'t> {
        let short = fw
            .disaggregations
            .iter()
            .map(|d| {
                d.values
                    .iter()
                    .enumerate()
                    .filter_map(|(i, v)| Some((packed(v.as_bytes())?, i as u16)))
                    .collect()
            })
            .collect();
        Lane {
            layout,
            short,
            indicator: None,
            period: None,
            categories: [None; MAX_DIMENSIONS],
            breakdowns: Vec::new(),
        }
    }

    /// The row of `r` when it is plain, its period and breakdown found or
    /// added in `store`'s tables (`Skipped` when `only` does not keep its
    /// indicator); else `None` (the full parser then reads it).
    pub(super) fn read(
        &mut self,
        parser: &mut RowParser,
        store: &mut Store,
        r: &Record<'t, '_>,
        only: Option<&FxHashSet<u32>>,
    ) -> Option<Read> {
        let l = self.layout;
        if r.separators.len() + 1 != l.width {
            return None;
        }
        let (indicator, allowed) = self.indicator(parser, r.cell(l.indicator))?;
        if only.is_some_and(|only| !only.contains(&indicator)) {
            return Some(Read::Skipped);
        }
        let period = self.period(parser, store, r.cell(l.period))?;
        let value = whole(r.cell(l.value))?;
        // Every other cell (comment, source, time, review ...) is empty.
        if l.others.iter().any(|&c| r.start(c) != r.end(c)) {
            return None;
        }
        let dims = match l.span {
            Some((first, last)) => match short(&r.line[r.start(first)..r.end(last)]) {
                Some(key) => self.breakdown(parser, store, r, key, allowed)?,
                None => self.dims(parser, store, r, allowed)?.0,
            },
            None => self.dims(parser, store, r, allowed)?.0,
        };
        Some(Read::Plain(Plain {
            indicator,
            period,
            dims,
            value,
        }))
    }

    /// The breakdown whose cells, side by side, are `key` ([`short`]): from
    /// the table when met before, else read cell by cell and kept.
    fn breakdown(
        &mut self,
        parser: &RowParser,
        store: &mut Store,
        r: &Record<'t, '_>,
        key: u128,
        allowed: u8,
    ) -> Option<u32> {
        if self.breakdowns.is_empty() {
            self.breakdowns = vec![(0, 0, 0); BREAKDOWN_SLOTS];
        }
        // Two slots a key: the second for when two keys share the first.
        let first =
            ((key as u64 ^ (key >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as usize % BREAKDOWN_SLOTS;
        let second = (first + 1) % BREAKDOWN_SLOTS;
        for slot in [first, second] {
            let (k, dims, shape) = self.breakdowns[slot];
            // A key holds its length: never 0, so an empty slot never matches.
            if k == key {
                return (shape & !allowed == 0).then_some(dims);
            }
        }
        let slot = if self.breakdowns[first].0 == 0 { first } else { second };
        let (dims, shape) = self.dims(parser, store, r, allowed)?;
        self.breakdowns[slot] = (key, dims, shape);
        Some(dims)
    }

    /// The breakdown of `r`, read cell by cell: its index in `store` and
    /// the dimensions it names.
    fn dims(&mut self, parser: &RowParser, store: &mut Store, r: &Record<'t, '_>, allowed: u8) -> Option<(u32, u8)> {
        let mut dims = DimKey::TOTAL;
        let mut shape = 0u8;
        for &(col, d) in &self.layout.dims {
            let cell = r.cell(col);
            if cell.is_empty() {
                continue;
            }
            if allowed & (1 << d) == 0 {
                return None;
            }
            dims.0[d] = self.category(parser, d, cell)?;
            shape |= 1 << d;
        }
        Some((store.dims_slot(dims), shape))
    }

    fn indicator(&mut self, parser: &RowParser, cell: &'t [u8]) -> Option<(u32, u8)> {
        if let Some((last, i, allowed)) = self.indicator
            && same(last, cell)
        {
            return Some((i, allowed));
        }
        let id = std::str::from_utf8(cell).ok()?;
        if id.trim().len() != id.len() {
            return None;
        }
        let i = parser.indicator_index(id)?;
        let ind = &parser.fw.indicators[i as usize];
        if !matches!(ind.kind, IndicatorType::Count | IndicatorType::Number) {
            return None;
        }
        let allowed = ind
            .disaggregate_by
            .iter()
            .filter(|&&d| d < MAX_DIMENSIONS)
            .fold(0u8, |m, &d| m | 1 << d);
        self.indicator = Some((cell, i, allowed));
        Some((i, allowed))
    }

    fn period(&mut self, parser: &mut RowParser, store: &mut Store, cell: &'t [u8]) -> Option<u16> {
        if let Some((last, p)) = self.period
            && same(last, cell)
        {
            return Some(p);
        }
        let text = std::str::from_utf8(cell).ok()?;
        if text.trim().len() != text.len() {
            return None;
        }
        let p = store.period_slot(&parser.period_of(text)?);
        self.period = Some((cell, p));
        Some(p)
    }

    fn category(&mut self, parser: &RowParser, d: usize, cell: &'t [u8]) -> Option<u16> {
        if let Some((last, v)) = self.categories[d]
            && same(last, cell)
        {
            return Some(v);
        }
        let v = match packed(cell) {
            Some(k) => *self.short.get(d)?.get(&k)?,
            None => parser.category_index(d, std::str::from_utf8(cell).ok()?)?,
        };
        self.categories[d] = Some((cell, v));
        Some(v)
    }
}

/// Whether two cells hold the same bytes. Cells are short: a plain loop,
/// without a call to compare memory (measured faster here than `==`, and
/// than copying both into integers, which stalls on the copies).
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// The bytes of `word` equal to `b`: the high bit of each such byte set,
/// every other bit clear (exact: no carry crosses from one byte to the
/// next).
pub(super) fn bytes_equal(word: u64, b: u8) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let x = word ^ u64::from_ne_bytes([b; 8]);
    !(((x & LOW7) + LOW7) | x) & !LOW7
}

/// Up to 7 bytes and their count in one integer (distinct texts, distinct
/// integers); `None` for longer texts. Built byte by byte in a register.
fn packed(text: &[u8]) -> Option<u64> {
    if text.len() > 7 {
        return None;
    }
    let bytes = text
        .iter()
        .enumerate()
        .fold(0u64, |v, (i, &b)| v | u64::from(b) << (8 * i));
    Some(bytes | (text.len() as u64) << 56)
}

/// Up to 15 bytes and their count in one integer (distinct texts,
/// distinct integers, never 0); `None` for longer texts.
fn short(text: &[u8]) -> Option<u128> {
    if text.len() > 15 {
        return None;
    }
    let mut bytes = [0u8; 16];
    bytes[..text.len()].copy_from_slice(text);
    bytes[15] = text.len() as u8 + 1;
    Some(u128::from_le_bytes(bytes))
}

/// A cell of one to nine ASCII digits, as a number: the value (scale 0)
/// the full parser gives it, small enough to be stored inline.
fn whole(cell: &[u8]) -> Option<u32> {
    if cell.is_empty() || cell.len() > 9 {
        return None;
    }
    let mut n = 0u32;
    for &b in cell {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        n = n * 10 + u32::from(d);
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::{bytes_equal, packed, same, whole};

    #[test]
    fn cells_are_the_same_when_their_bytes_are() {
        assert!(same(b"2023-Q1", b"2023-Q1"));
        assert!(!same(b"2023-Q1", b"2023-Q2"));
        assert!(!same(b"GT", b"GT\0"));
        assert!(same(b"", b""));
        assert!(same(b"a longer indicator id", b"a longer indicator id"));
        assert!(!same(b"a longer indicator id", b"a longer indicator iD"));
    }

    #[test]
    fn bytes_equal_marks_exactly_the_equal_bytes() {
        let word = |b: &[u8; 8]| u64::from_le_bytes(*b);
        assert_eq!(bytes_equal(word(b"1.1,2020"), b','), 0x80 << 24);
        assert_eq!(bytes_equal(word(b",,\n,\x00\x80,,"), b','), 0x8080_0000_8000_8080);
        assert_eq!(bytes_equal(word(b"\n\n\n\n\n\n\n\n"), b'\n'), 0x8080_8080_8080_8080);
        // Neighbours of the byte (one bit off either way, the high bit set)
        // are not it.
        assert_eq!(bytes_equal(word(b"-+.\xac\x2c\x2d\x0c\x6c"), b','), 0x80 << 32);
        for b in 0..=255u8 {
            for n in 0..=255u8 {
                let w = u64::from_le_bytes([n, b, n, n, b, n, n, n]);
                let want = if n == b {
                    0x8080_8080_8080_8080
                } else {
                    0x0000_0080_0000_8000
                };
                assert_eq!(bytes_equal(w, b), want, "{b} among {n}");
            }
        }
    }

    #[test]
    fn packed_texts_are_distinct() {
        assert_eq!(packed(b"GT"), packed(b"GT"));
        assert_ne!(packed(b"GT"), packed(b"GT\0"));
        assert_ne!(packed(b""), packed(b"\0"));
        assert_ne!(packed(b"women"), packed(b"men"));
        assert!(packed(b"1234567").is_some());
        assert_eq!(packed(b"12345678"), None);
    }

    #[test]
    fn whole_numbers_are_plain_digits_below_a_billion() {
        assert_eq!(whole(b"0"), Some(0));
        assert_eq!(whole(b"007"), Some(7));
        assert_eq!(whole(b"999999999"), Some(999_999_999));
        for not in [
            &b""[..],
            b"1000000000",
            b"-1",
            b"1.0",
            b" 1",
            b"1e3",
            b"+1",
            b"\xd9\xa3",
        ] {
            assert_eq!(whole(not), None, "{:?}", String::from_utf8_lossy(not));
        }
    }
}
