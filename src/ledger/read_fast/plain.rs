//! The plain row's fast lane: most ledger rows are a known indicator of a
//! count or number, a period, a few categories and a whole number, with
//! every other cell empty. Such a row is read from its bytes with the
//! last indicator, period and category of each dimension remembered (rows
//! come in runs of them) and stored without building an [`Entry`].
//!
//! Anything else (a cell with spaces, decimals, a comment, a review state,
//! an unknown id) goes to the full row parser, which gives the same row or
//! stops the fast reading: the lane decides nothing the parser would decide
//! otherwise (`read_fast`'s tests read rows both ways and compare them).
//!
//! [`Entry`]: crate::ledger::row::Entry

use super::super::read::Column;
use super::super::row::{DimKey, RowParser};
use rustc_hash::FxHashMap;

use crate::model::{Framework, IndicatorType, MAX_DIMENSIONS, Period};

/// Where the cells of a plain row are, from the header.
pub(super) struct Layout {
    width: usize,
    indicator: usize,
    period: usize,
    value: usize,
    /// The column of each disaggregation the header names.
    dims: Vec<(usize, usize)>,
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
        Some(Layout {
            width: columns.len(),
            indicator: at(0)?,
            period: at(1)?,
            value: at(2)?,
            dims: columns
                .iter()
                .enumerate()
                .filter_map(|(i, c)| match c {
                    Some(Column::Dim(d)) if *d < MAX_DIMENSIONS => Some((i, *d)),
                    _ => None,
                })
                .collect(),
        })
    }
}

/// A plain row, read.
pub(super) struct PlainRow {
    pub indicator: u32,
    pub period: Period,
    pub dims: DimKey,
    /// The value, a whole number below a billion.
    pub value: u32,
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
    period: Option<(&'t [u8], Period)>,
    categories: [Option<(&'t [u8], u16)>; MAX_DIMENSIONS],
}

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
        }
    }

    /// The row of `cells` when it is plain, else `None` (the full parser
    /// then reads it).
    pub(super) fn read(&mut self, parser: &mut RowParser, cells: &[&'t str]) -> Option<PlainRow> {
        let l = self.layout;
        if cells.len() != l.width {
            return None;
        }
        let (indicator, allowed) = self.indicator(parser, cells[l.indicator].as_bytes())?;
        let period = self.period(parser, cells[l.period].as_bytes())?;
        let value = whole(cells[l.value].as_bytes())?;
        let mut dims = DimKey::TOTAL;
        let mut used = 0usize;
        for &(col, d) in &l.dims {
            let cell = cells[col].as_bytes();
            if cell.is_empty() {
                continue;
            }
            if allowed & (1 << d) == 0 {
                return None;
            }
            dims.0[d] = self.category(parser, d, cell)?;
            used += 1;
        }
        // Every other cell (comment, source, time, review ...) is empty.
        let filled = cells.iter().filter(|c| !c.is_empty()).count();
        if filled != 3 + used {
            return None;
        }
        Some(PlainRow {
            indicator,
            period,
            dims,
            value,
        })
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

    fn period(&mut self, parser: &mut RowParser, cell: &'t [u8]) -> Option<Period> {
        if let Some((last, p)) = self.period
            && same(last, cell)
        {
            return Some(p);
        }
        let text = std::str::from_utf8(cell).ok()?;
        if text.trim().len() != text.len() {
            return None;
        }
        let p = parser.period_of(text)?;
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
    use super::{packed, same, whole};

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
