//! The bundled font: DejaVu Sans and DejaVu Sans Bold, compiled into the
//! binary so a fresh build needs no system fonts (licence in
//! `assets/fonts/LICENSE`).
//!
//! The PDF's built-in fonts only know WinAnsi, which turns "Côte d’Ivoire"
//! punctuation and "€" into `?`; an embedded TrueType font with a ToUnicode
//! map prints and copies every Latin character. There is no shaping: text
//! is measured by summing the advances of the glyphs the font maps each
//! character to, which is exactly how a viewer places the glyphs we emit
//! (printpdf writes the same advances into the font's `/W` array), so a
//! measured line is the drawn line.

use std::sync::OnceLock;

use printpdf::ParsedFont;

use super::layout::{Face, Measure};

pub(crate) const REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
pub(crate) const BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// Characters below this code point have their advances cached in a table;
/// the rest (rare in Latin text) are looked up in the font each time.
const TABLE: usize = 0x2200;

/// One face: the parsed font and a table of advances in font units.
pub(crate) struct FaceMetrics {
    pub font: ParsedFont,
    units_per_em: f32,
    advances: Vec<u16>,
}

impl FaceMetrics {
    fn new(bytes: &[u8]) -> FaceMetrics {
        let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("the bundled font parses");
        let units_per_em = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        let advances = (0..TABLE as u32).map(|c| Self::lookup(&font, c)).collect();
        FaceMetrics {
            font,
            units_per_em,
            advances,
        }
    }

    fn lookup(font: &ParsedFont, c: u32) -> u16 {
        // A character the font lacks is drawn as glyph 0 (.notdef), so it is
        // measured as glyph 0 too.
        let gid = font.lookup_glyph_index(c).unwrap_or(0);
        font.get_horizontal_advance(gid)
    }

    /// The advance of `c` in font units.
    pub(crate) fn advance(&self, c: char) -> u16 {
        match self.advances.get(c as usize) {
            Some(a) => *a,
            None => Self::lookup(&self.font, c as u32),
        }
    }

    /// Whether the font has a glyph for `c` (the tests check the bundled
    /// fonts cover the languages we print).
    #[cfg(test)]
    pub(crate) fn has_glyph(&self, c: char) -> bool {
        self.font.lookup_glyph_index(c as u32).is_some_and(|g| g != 0)
    }

    /// The width of `text` in points at `size`.
    pub(crate) fn width(&self, size: f32, text: &str) -> f32 {
        let units: u32 = text.chars().map(|c| u32::from(self.advance(c))).sum();
        units as f32 * size / self.units_per_em
    }
}

/// Both faces of the bundled font.
pub(crate) struct Fonts {
    pub regular: FaceMetrics,
    pub bold: FaceMetrics,
}

impl Fonts {
    /// The bundled fonts, parsed once per process.
    pub(crate) fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| Fonts {
            regular: FaceMetrics::new(REGULAR_TTF),
            bold: FaceMetrics::new(BOLD_TTF),
        })
    }

    pub(crate) fn face(&self, face: Face) -> &FaceMetrics {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }
}

impl Measure for Fonts {
    fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        self.face(face).width(size, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_text_has_glyphs_in_both_faces() {
        let f = Fonts::get();
        for c in "Perú Côte d’Ivoire Bogotá Québec São Paulo naïve € — “” ‘’ – × \u{202F}\u{a0}".chars()
        {
            assert!(f.regular.has_glyph(c) || c == ' ', "regular lacks {c:?}");
            assert!(f.bold.has_glyph(c) || c == ' ', "bold lacks {c:?}");
        }
    }

    #[test]
    fn width_is_the_sum_of_advances() {
        let f = Fonts::get();
        let a = f.width(Face::Regular, 10.0, "Perú");
        let b = f.width(Face::Regular, 10.0, "Pe") + f.width(Face::Regular, 10.0, "rú");
        assert!((a - b).abs() < 1e-4);
        assert!(f.width(Face::Bold, 10.0, "Perú") > a, "bold is wider");
        // DejaVu Sans: "m" is 1995 units of 2048.
        assert!((f.width(Face::Regular, 2048.0, "m") - 1995.0).abs() < 0.5);
    }
}
