//! Test fixtures shared by the layout stages: a monospaced measure with
//! easy arithmetic, an A4 page, a table long enough to cross pages.

use super::{Align, Cell, Column, Face, Geometry, Item, Measure, Table, Tone};

/// Every character is `size * 0.5` wide: easy arithmetic.
pub(super) struct Mono;
impl Measure for Mono {
    fn width(&self, _: Face, size: f32, text: &str) -> f32 {
        text.chars().count() as f32 * size * 0.5
    }
}

pub(super) fn a4() -> Geometry {
    Geometry {
        width: 595.0,
        height: 842.0,
        top: 60.0,
        right: 50.0,
        bottom: 60.0,
        left: 50.0,
    }
}

pub(super) fn texts(items: &[Item]) -> Vec<String> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

pub(super) fn big_table(rows: usize) -> Table {
    Table {
        columns: vec![
            Column {
                align: Align::Left,
                fixed: None,
            },
            Column {
                align: Align::Right,
                fixed: None,
            },
            Column {
                align: Align::Left,
                fixed: Some(40.0),
            },
        ],
        header: vec!["Indicator".into(), "Actual to date".into(), "Progress".into()],
        rows: (0..rows)
            .map(|i| {
                vec![
                    Cell::text(format!(
                        "row {i} with a title long enough to wrap in its column once or twice over"
                    )),
                    Cell::text(format!("{i}.5")),
                    Cell::Bar {
                        fraction: Some(0.5),
                        tone: Tone::OnTrack,
                        tick: Some(2.0 / 3.0),
                    },
                ]
            })
            .collect(),
        size: 8.0,
        striped: true,
        expand: true,
    }
}
