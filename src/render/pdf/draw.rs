//! Layout items to printpdf operations: the only place that knows PDF
//! coordinates (origin bottom left) and printpdf's types.
//!
//! Status tones get a colour *and* a pattern (solid, upright stripes,
//! slanting stripes, cross-hatching, lines across, outline: the looks of
//! [`crate::render::chart::look`], shared with the SVG charts), so bars
//! and swatches still read when printed in black and white.

use printpdf::{
    Color, FontId, Line, LineDashPattern, LinePoint, Op, PaintMode, PdfFontHandle, Point, Polygon, PolygonRing, Pt,
    Rect, Rgb as PdfRgb, TextItem, TextMatrix, WindingOrder,
};

use super::layout::{Face, Item, Rgb, Tone};
use crate::compute::Status;
use crate::render::chart::look::{Look, Pattern, look};

/// Resource names of the embedded faces. The first six letters are also
/// the subset tag, so they are fixed upper-case letters: a stable file.
pub(crate) const REGULAR_ID: &str = "DJVSNR";
pub(crate) const BOLD_ID: &str = "DJVSNB";

pub(crate) fn font_id(face: Face) -> FontId {
    FontId(
        match face {
            Face::Regular => REGULAR_ID,
            Face::Bold => BOLD_ID,
        }
        .to_string(),
    )
}

fn colour(c: Rgb) -> Color {
    Color::Rgb(PdfRgb::new(c[0], c[1], c[2], None))
}

/// The status a tone stands for, whose look ([`look`]) it is drawn in.
fn status_of(t: Tone) -> Status {
    match t {
        Tone::Achieved => Status::Achieved,
        Tone::OnTrack => Status::OnTrack,
        Tone::AtRisk => Status::AtRisk,
        Tone::OffTrack => Status::OffTrack,
        Tone::NotAchieved => Status::NotAchieved,
        Tone::Neutral => Status::NoData,
    }
}

/// Fill and pattern colours of a tone, and its pattern: the same as the
/// SVG charts'.
pub(crate) fn tone_look(t: Tone) -> (Rgb, Rgb, Pattern) {
    let l = look(status_of(t));
    (Look::unit(l.fill), Look::unit(l.ink), l.pattern)
}

struct Pen<'a> {
    h: f32,
    ops: &'a mut Vec<Op>,
    in_text: bool,
    font: Option<(Face, f32)>,
    fill: Option<Rgb>,
}

impl Pen<'_> {
    fn p(&self, x: f32, y: f32) -> Point {
        Point {
            x: Pt(x),
            y: Pt(self.h - y),
        }
    }

    fn end_text(&mut self) {
        if self.in_text {
            self.ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    fn fill(&mut self, c: Rgb) {
        if self.fill != Some(c) {
            self.ops.push(Op::SetFillColor { col: colour(c) });
            self.fill = Some(c);
        }
    }

    fn stroke(&mut self, c: Rgb, width: f32, dash: Option<(f32, f32)>) {
        self.ops.push(Op::SetOutlineColor { col: colour(c) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        self.ops.push(Op::SetLineDashPattern {
            dash: match dash {
                Some((on, off)) => LineDashPattern::new(0.0, &[on, off]),
                None => LineDashPattern::solid(),
            },
        });
    }

    fn line(&mut self, pts: &[(f32, f32)]) {
        let points = pts
            .iter()
            .map(|(x, y)| LinePoint {
                p: self.p(*x, *y),
                bezier: false,
            })
            .collect();
        self.ops.push(Op::DrawLine {
            line: Line {
                points,
                is_closed: false,
            },
        });
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, mode: PaintMode) {
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(self.h - y - h),
                width: Pt(w),
                height: Pt(h),
                mode: Some(mode),
                winding_order: Some(WindingOrder::NonZero),
            },
        });
    }

    /// A box filled in a tone's colour and pattern.
    fn toned(&mut self, x: f32, y: f32, w: f32, h: f32, tone: Tone) {
        if w <= 0.0 || h <= 0.0 {
            return;
        }
        let (bg, fg, pattern) = tone_look(tone);
        self.fill(bg);
        self.rect(x, y, w, h, PaintMode::Fill);
        let step = 2.8;
        let clip = |pen: &mut Self| {
            pen.ops.push(Op::SaveGraphicsState);
            pen.rect(x, y, w, h, PaintMode::Clip);
            pen.stroke(fg, 0.7, None);
        };
        let unclip = |pen: &mut Self| {
            pen.ops.push(Op::RestoreGraphicsState);
            pen.fill = None;
        };
        match pattern {
            Pattern::Aslant | Pattern::Crossed => {
                clip(self);
                let n = ((w + h) / step).ceil() as usize;
                for k in 0..=n {
                    let x0 = x + k as f32 * step;
                    self.line(&[(x0 - h, y + h), (x0, y)]);
                    if pattern == Pattern::Crossed {
                        self.line(&[(x0 - h, y), (x0, y + h)]);
                    }
                }
                unclip(self);
            }
            Pattern::Upright => {
                clip(self);
                let n = (w / step).ceil() as usize;
                for k in 1..=n {
                    let x0 = x + k as f32 * step - step / 2.0;
                    self.line(&[(x0, y), (x0, y + h)]);
                }
                unclip(self);
            }
            Pattern::Across => {
                clip(self);
                let n = (h / step).ceil() as usize;
                for k in 1..=n {
                    let y0 = y + k as f32 * step - step / 2.0;
                    self.line(&[(x, y0), (x + w, y0)]);
                }
                unclip(self);
            }
            Pattern::Dotted => {
                self.stroke(fg, 0.5, Some((1.0, 1.0)));
                self.rect(x, y, w, h, PaintMode::Stroke);
            }
            Pattern::Solid => {}
        }
    }

    fn item(&mut self, it: &Item) {
        match it {
            Item::Text {
                x,
                y,
                size,
                face,
                colour,
                text,
                ..
            } => self.text(*x, *y, (*face, *size), *colour, text),
            Item::Rect { x, y, w, h, fill } => {
                self.end_text();
                self.fill(*fill);
                self.rect(*x, *y, *w, *h, PaintMode::Fill);
            }
            Item::Path {
                points,
                width,
                colour,
                dash,
            } => {
                self.end_text();
                self.stroke(*colour, *width, *dash);
                self.line(points);
            }
            Item::Dot { x, y, r, colour } => {
                self.end_text();
                self.fill(*colour);
                self.dot(*x, *y, *r);
            }
            Item::Bar {
                x,
                y,
                w,
                h,
                fraction,
                tone,
                tick,
            } => {
                self.end_text();
                self.bar([*x, *y, *w, *h], *fraction, *tone, *tick);
            }
            Item::Image { x, y, w, h, index } => {
                self.end_text();
                self.ops
                    .push(super::stories::image_op(*index, [*x, self.h - y - h, *w, *h]));
            }
            Item::Chart { .. } | Item::Link { .. } => {}
        }
    }

    /// Text at baseline `y`, opening a text section and switching font
    /// only when needed.
    fn text(&mut self, x: f32, y: f32, font: (Face, f32), colour: Rgb, text: &str) {
        if !self.in_text {
            self.ops.push(Op::StartTextSection);
            self.in_text = true;
            self.font = None;
        }
        if self.font != Some(font) {
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(font_id(font.0)),
                size: Pt(font.1),
            });
            self.font = Some(font);
        }
        self.fill(colour);
        self.ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(x), Pt(self.h - y)),
        });
        self.ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.to_string())],
        });
    }

    /// A filled circle from four Bézier arcs.
    fn dot(&mut self, cx: f32, cy: f32, r: f32) {
        let k = 0.5523 * r;
        let pts = [
            (cx + r, cy, false),
            (cx + r, cy + k, true),
            (cx + k, cy + r, true),
            (cx, cy + r, false),
            (cx - k, cy + r, true),
            (cx - r, cy + k, true),
            (cx - r, cy, false),
            (cx - r, cy - k, true),
            (cx - k, cy - r, true),
            (cx, cy - r, false),
            (cx + k, cy - r, true),
            (cx + r, cy - k, true),
            (cx + r, cy, false),
        ];
        let points = pts
            .iter()
            .map(|(px, py, b)| LinePoint {
                p: self.p(*px, *py),
                bezier: *b,
            })
            .collect();
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
    }

    /// A bar in box `[x, y, w, h]` filled to `fraction` in the tone's
    /// pattern, outlined when not full or ticked, with its tick.
    fn bar(&mut self, [x, y, w, h]: [f32; 4], fraction: f32, tone: Tone, tick: Option<f32>) {
        let fw = w * fraction.clamp(0.0, 1.0);
        if fraction < 1.0 {
            self.fill([1.0, 1.0, 1.0]);
            self.rect(x, y, w, h, PaintMode::Fill);
        }
        self.toned(x, y, fw, h, tone);
        if fraction < 1.0 || tick.is_some() {
            self.stroke([0.55, 0.55, 0.55], 0.4, None);
            self.rect(x, y, w, h, PaintMode::Stroke);
        }
        if let Some(t) = tick {
            let tx = x + w * t;
            self.stroke([0.1, 0.1, 0.1], 0.8, None);
            self.line(&[(tx, y - 1.0), (tx, y + h + 1.0)]);
        }
    }
}

/// The operations drawing `items` on a page `height` points high.
pub(crate) fn page_ops(items: &[Item], height: f32) -> Vec<Op> {
    let mut ops = Vec::with_capacity(items.len() * 4);
    let mut pen = Pen {
        h: height,
        ops: &mut ops,
        in_text: false,
        font: None,
        fill: None,
    };
    for it in items {
        pen.item(it);
    }
    pen.end_text();
    ops
}
