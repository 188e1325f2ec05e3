//! The running header: a project name flush left and a period flush
//! right on one line of the top margin, each side cut to its own budget so
//! that the two never overlap whatever their lengths.

use super::text::ellipsize;
use super::{Face, GREY, Geometry, Item, Measure};

/// A line across the top margin with `left` flush left and `right` flush
/// right at baseline `y`, in grey. `right` lists variants, fullest first
/// (the period with its dates, then the period alone): the first that fits
/// beside `left` is used. When the two still do not fit side by side with
/// a gap of two ems, each gets a budget (half the line each, or what the
/// shorter one leaves) and is cut with an ellipsis, so they never overlap.
pub(crate) fn running_header(
    m: &dyn Measure,
    g: &Geometry,
    size: f32,
    y: f32,
    left: (Face, &str),
    right: (Face, &[&str]),
) -> Vec<Item> {
    let (lf, rf) = (left.0, right.0);
    let room = g.body_width() - 2.0 * size;
    let half = room / 2.0;
    let lw = m.width(lf, size, left.1);
    let budgets = |rw: f32| -> (f32, f32) {
        if lw + rw <= room {
            (lw, rw)
        } else if lw <= half {
            (lw, room - lw)
        } else if rw <= half {
            (room - rw, rw)
        } else {
            (half, half)
        }
    };
    let rtext = right
        .1
        .iter()
        .copied()
        .find(|r| lw + m.width(rf, size, r) <= room)
        .or(right.1.last().copied())
        .unwrap_or("");
    let (lb, rb) = budgets(m.width(rf, size, rtext));
    let mut out = Vec::new();
    for (face, text, budget, flush_right) in [(lf, left.1, lb, false), (rf, rtext, rb, true)] {
        let text = ellipsize(m, face, size, text, budget);
        let width = m.width(face, size, &text);
        out.push(Item::Text {
            x: if flush_right { g.body_right() - width } else { g.left },
            y,
            size,
            face,
            colour: GREY,
            text,
            width,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::layout::testing::{Mono, a4, texts};

    #[test]
    fn running_header_texts_never_overlap() {
        let g = a4();
        let overlap = |items: &[Item]| {
            let (a, b) = (items[0].bbox(), items[1].bbox());
            a[2] > b[0] - 1.0
        };
        let short = ("STARSOM — Progress report", "2023-Q3 (1 July 2023 – 30 September 2023)");
        let items = running_header(
            &Mono,
            &g,
            7.5,
            36.0,
            (Face::Bold, short.0),
            (Face::Regular, &[short.1, "2023-Q3"]),
        );
        assert_eq!(texts(&items), [short.0, short.1], "both fit whole");
        let long_left = "Regional Coalition TIP-SOM Phase II — Informe de avance ".repeat(3);
        let long_right = "2021-03-15..2023-12-31 (15 de marzo de 2021 – 31 de diciembre de 2023)";
        // The period alone when the dates do not fit beside the name.
        let items = running_header(
            &Mono,
            &g,
            7.5,
            36.0,
            (
                Face::Bold,
                "Regional Coalition TIP-SOM Phase II — Informe de avance del proyecto",
            ),
            (Face::Regular, &[long_right, "2021-03-15..2023-12-31"]),
        );
        assert_eq!(texts(&items)[1], "2021-03-15..2023-12-31");
        assert!(!overlap(&items));
        // Both too long: each cut to half the line, with an ellipsis.
        let items = running_header(
            &Mono,
            &g,
            7.5,
            36.0,
            (Face::Bold, &long_left),
            (Face::Regular, &[&long_right.repeat(2)]),
        );
        let t = texts(&items);
        assert!(t[0].ends_with('…') && t[1].ends_with('…'), "{t:?}");
        assert!(!overlap(&items), "{items:?}");
        for it in &items {
            let b = it.bbox();
            assert!(b[0] >= g.left - 0.01 && b[2] <= g.body_right() + 0.01, "{it:?}");
        }
        // A short left keeps its text, the right takes the rest.
        let items = running_header(
            &Mono,
            &g,
            7.5,
            36.0,
            (Face::Bold, "X"),
            (Face::Regular, &[&long_right.repeat(3)]),
        );
        assert_eq!(texts(&items)[0], "X");
        assert!(!overlap(&items));
    }
}
