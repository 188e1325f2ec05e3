//! Where the used cells of one .ods table or .xls sheet lie, as the
//! pre-scans count them without expanding the grid.

use super::grid::{MAX_COLUMNS, MAX_ROWS};

/// Where the used cells of one .ods table or .xls sheet lie.
#[derive(Debug, Default)]
pub(super) struct SheetExtent {
    pub(super) name: String,
    /// Rows and columns spanned by used cells, as (first, last).
    pub(super) rows: Option<(u64, u64)>,
    pub(super) cols: Option<(u64, u64)>,
    /// The first used cell beyond [`MAX_COLUMNS`] or [`MAX_ROWS`].
    pub(super) stray: Option<(u64, u64)>,
}

impl SheetExtent {
    pub(super) fn dense_cells(&self) -> u64 {
        match (self.rows, self.cols) {
            (Some((r0, r1)), Some((c0, c1))) => (r1 - r0 + 1).saturating_mul(c1 - c0 + 1),
            _ => 0,
        }
    }
}

impl SheetExtent {
    /// Count a used cell (or, with `used` false, a declared extent).
    pub(super) fn cover(&mut self, rows: (u64, u64), cols: (u64, u64), used: bool) {
        self.rows = Some(self.rows.map_or(rows, |(a, b)| (a.min(rows.0), b.max(rows.1))));
        self.cols = Some(self.cols.map_or(cols, |(a, b)| (a.min(cols.0), b.max(cols.1))));
        if used && self.stray.is_none() && (cols.1 >= u64::from(MAX_COLUMNS) || rows.1 >= u64::from(MAX_ROWS)) {
            self.stray = Some((rows.1.min(u64::from(MAX_ROWS) - 1).max(rows.0), cols.1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extents_count_the_dense_grid_and_name_the_first_stray_cell() {
        let mut t = SheetExtent::default();
        assert_eq!(t.dense_cells(), 0);
        t.cover((2, 11), (1, 5), true);
        assert_eq!(t.dense_cells(), 10 * 5);
        assert_eq!(t.stray, None);
        // A declared extent widens the grid but is never a stray cell.
        t.cover((0, 0), (0, 500), false);
        assert_eq!(t.dense_cells(), 12 * 501);
        assert_eq!(t.stray, None);
        t.cover((7, 7), (u64::from(MAX_COLUMNS), u64::from(MAX_COLUMNS)), true);
        assert_eq!(t.stray, Some((7, u64::from(MAX_COLUMNS))));
        // Only the first is kept.
        t.cover((9, 9), (300, 300), true);
        assert_eq!(t.stray, Some((7, u64::from(MAX_COLUMNS))));
    }

    #[test]
    fn a_repeated_row_past_the_last_row_is_named_at_the_last_row() {
        let mut t = SheetExtent::default();
        let last = u64::from(MAX_ROWS) - 1;
        t.cover((5, last + 1000), (0, 0), true);
        assert_eq!(t.stray, Some((last, 0)));
    }
}
