//! How a status looks in a chart, the same in the SVG of the Markdown
//! report and in the PDF: a fill colour, an ink colour and a pattern, so
//! that no two statuses differ by shade alone and every one still reads
//! when printed in black and white ("achieved" is solid, "on track"
//! striped upright, "at risk" striped aslant, "off track" cross-hatched,
//! "not achieved" lined across; the statuses without a figure are light
//! grey with a dotted outline).

use crate::compute::Status;

use super::model::drawn_as;

/// The pattern drawn in ink over the fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pattern {
    Solid,
    /// Upright lines.
    Upright,
    /// Lines rising to the right.
    Aslant,
    /// Both diagonals.
    Crossed,
    /// Lines across.
    Across,
    /// No pattern; a dotted outline.
    Dotted,
}

/// A status's look: fill and ink as RGB bytes, and a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Look {
    pub fill: [u8; 3],
    pub ink: [u8; 3],
    pub pattern: Pattern,
}

impl Look {
    /// `#rrggbb` of a colour.
    pub(crate) fn hex(c: [u8; 3]) -> String {
        format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
    }
    /// A colour as 0-to-1 components.
    pub(crate) fn unit(c: [u8; 3]) -> [f32; 3] {
        c.map(|x| f32::from(x) / 255.0)
    }
}

/// The look of `s`.
pub(crate) fn look(s: Status) -> Look {
    let (fill, ink, pattern) = match drawn_as(s) {
        Status::Achieved => ([0x1a, 0x7f, 0x37], [0x1a, 0x7f, 0x37], Pattern::Solid),
        Status::OnTrack => ([0xbf, 0xe3, 0xc9], [0x2e, 0x9e, 0x5b], Pattern::Upright),
        Status::AtRisk => ([0xfa, 0xd9, 0x73], [0xb3, 0x80, 0x00], Pattern::Aslant),
        Status::OffTrack => ([0xf5, 0xb8, 0xb8], [0xc6, 0x28, 0x28], Pattern::Crossed),
        Status::NotAchieved => ([0x7f, 0x1d, 0x1d], [0xf5, 0xb8, 0xb8], Pattern::Across),
        _ => ([0xed, 0xed, 0xed], [0x9e, 0x9e, 0x9e], Pattern::Dotted),
    };
    Look { fill, ink, pattern }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graded_statuses_differ_in_pattern_not_only_in_shade() {
        let graded = [
            Status::Achieved,
            Status::OnTrack,
            Status::AtRisk,
            Status::OffTrack,
            Status::NotAchieved,
            Status::NoData,
        ];
        for (i, a) in graded.iter().enumerate() {
            for b in &graded[i + 1..] {
                assert_ne!(look(*a).pattern, look(*b).pattern, "{a:?} and {b:?}");
            }
        }
        assert_eq!(look(Status::NoTarget), look(Status::NoData));
        assert_eq!(Look::hex([0x1a, 0x7f, 0x37]), "#1a7f37");
    }
}
