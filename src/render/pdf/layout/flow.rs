//! The flow: a cursor that places blocks on pages, top to bottom, opening
//! a new page when the next piece does not fit. A heading keeps the blocks
//! that introduce its section (and some room for what follows) on its page,
//! so that it never ends a page alone.

use super::text::{Line, break_lines};
use super::{
    Anchor, BLACK, Block, Face, GREY, Geometry, Heading, Item, LEADING, Laid, Measure, Paragraph, Rgb, Run,
    heading_size,
};

/// Room kept below a heading so that it never ends a page alone.
const KEEP_WITH_NEXT: f32 = 48.0;

/// The height a heading takes, spacing included.
fn heading_height(m: &dyn Measure, width: f32, h: &Heading) -> f32 {
    let size = heading_size(h.level);
    let n = break_lines(m, &[Run::bold(h.text.clone())], size, width).len();
    size * 0.8 + n as f32 * size * 1.25 + size * 0.35 + if h.level <= 2 { 2.0 } else { 0.0 }
}

/// The height a paragraph takes, spacing after included.
fn paragraph_height(m: &dyn Measure, width: f32, p: &Paragraph) -> f32 {
    let n = break_lines(m, &p.runs, p.size, width - p.indent).len();
    n as f32 * p.size * LEADING + p.space_after
}

pub(super) struct Flow<'a> {
    pub(super) m: &'a dyn Measure,
    pub(super) g: Geometry,
    pub(super) out: Laid,
    pub(super) y: f32,
}

impl Flow<'_> {
    pub(super) fn page(&mut self) -> &mut Vec<Item> {
        self.out.pages.last_mut().expect("a page")
    }

    pub(super) fn new_page(&mut self) {
        self.out.pages.push(Vec::new());
        self.y = self.g.top;
    }

    pub(super) fn at_top(&self) -> bool {
        (self.y - self.g.top).abs() < 0.01
    }

    /// Start a new page unless `h` fits below the current position.
    pub(super) fn ensure(&mut self, h: f32) {
        if self.y + h > self.g.body_bottom() + 0.01 && !self.at_top() {
            self.new_page();
        }
    }

    fn text(&mut self, x: f32, baseline: f32, size: f32, face: Face, colour: Rgb, text: String) {
        let width = self.m.width(face, size, &text);
        self.page().push(Item::Text {
            x,
            y: baseline,
            size,
            face,
            colour,
            text,
            width,
        });
    }

    pub(super) fn line(&mut self, x: f32, top: f32, size: f32, colour: Rgb, line: &Line) {
        let baseline = top + size * 1.02;
        for p in &line.pieces {
            self.text(x + p.x, baseline, size, p.face, colour, p.text.clone());
        }
    }

    fn heading(&mut self, h: &Heading, keep: f32) {
        let size = heading_size(h.level);
        let lead = size * 1.25;
        let w = self.g.body_width();
        let lines = break_lines(self.m, &[Run::bold(h.text.clone())], size, w);
        let before = if self.at_top() { 0.0 } else { size * 0.8 };
        let height = lines.len() as f32 * lead;
        self.ensure(before + height + keep);
        if !self.at_top() {
            self.y += before;
        }
        self.out.anchors.insert(
            h.anchor.clone(),
            Anchor {
                page: self.out.pages.len() - 1,
                y: self.y,
            },
        );
        let colour = if h.level <= 2 { [0.07, 0.2, 0.4] } else { BLACK };
        for l in &lines {
            let top = self.y;
            self.line(self.g.left, top, size, colour, l);
            self.y += lead;
        }
        self.y += size * 0.35;
        if h.level <= 2 {
            let y = self.y - size * 0.2;
            let (l, r) = (self.g.left, self.g.body_right());
            self.page().push(Item::Path {
                points: vec![(l, y), (r, y)],
                width: 0.6,
                colour: [0.6, 0.65, 0.75],
                dash: None,
            });
            self.y += 2.0;
        }
    }

    fn paragraph(&mut self, p: &Paragraph) {
        let lead = p.size * LEADING;
        let x = self.g.left + p.indent;
        let lines = break_lines(self.m, &p.runs, p.size, self.g.body_width() - p.indent);
        for (i, l) in lines.iter().enumerate() {
            self.ensure(lead);
            let top = self.y;
            if i == 0
                && let Some(b) = &p.bullet
            {
                let bw = self.m.width(Face::Regular, p.size, b);
                self.text(
                    x - bw - p.size * 0.5,
                    top + p.size * 1.02,
                    p.size,
                    Face::Regular,
                    p.colour,
                    b.clone(),
                );
            }
            self.line(x, top, p.size, p.colour, l);
            self.y += lead;
        }
        self.y += p.space_after;
    }

    fn toc_line(&mut self, level: u8, text: &str, page: &str, target: &str) {
        let size = if level <= 2 { 10.0 } else { 9.0 };
        let face = if level <= 2 { Face::Bold } else { Face::Regular };
        let lead = size * 1.45;
        let indent = f32::from(level.saturating_sub(2)) * 14.0;
        let num_w = 36.0;
        let x = self.g.left + indent;
        let avail = self.g.body_width() - indent - num_w;
        let lines = break_lines(
            self.m,
            &[Run {
                text: text.into(),
                face,
            }],
            size,
            avail,
        );
        let h = lines.len() as f32 * lead;
        self.ensure(h);
        let top = self.y;
        for l in &lines {
            let t = self.y;
            self.line(x, t, size, BLACK, l);
            self.y += lead;
        }
        // Dot leaders after the last line, then the right-aligned number.
        let base = self.y - lead + size * 1.02;
        let last_w = lines.last().map(|l| l.width).unwrap_or(0.0);
        let pw = self.m.width(face, size, page);
        let right = self.g.body_right();
        let dot_w = self.m.width(Face::Regular, size, ".");
        let from = x + last_w + size * 0.5;
        let to = right - pw - size * 0.5;
        if to > from + dot_w {
            let n = ((to - from) / (dot_w * 2.0)).floor() as usize;
            let dots = ". ".repeat(n).trim_end().to_string();
            let dw = self.m.width(Face::Regular, size, &dots);
            self.text(to - dw, base, size, Face::Regular, GREY, dots);
        }
        self.text(right - pw, base, size, face, BLACK, page.to_string());
        self.page().push(Item::Link {
            x,
            y: top,
            w: right - x,
            h,
            target: target.to_string(),
        });
        if level <= 2 {
            self.y += 2.0;
        }
    }

    fn chart(&mut self, height: f32, index: usize) {
        let h = height.min(self.g.body_bottom() - self.g.top);
        self.ensure(h);
        let (x, y, w) = (self.g.left, self.y, self.g.body_width());
        self.page().push(Item::Chart { x, y, w, h, index });
        self.y += h + 8.0;
    }

    /// A picture, centred (see [`image_size`]).
    fn image(&mut self, width: f32, height: f32, index: usize) {
        let (w, h) = image_size(self.g, width, height);
        self.ensure(h);
        let x = self.g.left + (self.g.body_width() - w) / 2.0;
        let y = self.y;
        self.page().push(Item::Image { x, y, w, h, index });
        self.y += h + 4.0;
    }
}

/// The size of a picture of `width` × `height` pixels: scaled, keeping its
/// proportions, to the body width, or to half the body height if it is
/// taller than that.
fn image_size(g: Geometry, width: f32, height: f32) -> (f32, f32) {
    let fit = (g.body_width() / width.max(1.0)).min((g.body_bottom() - g.top) / 2.0 / height.max(1.0));
    (width * fit, height * fit)
}

/// Flow `blocks` onto pages of geometry `g`.
pub(crate) fn lay_out(m: &dyn Measure, g: Geometry, blocks: &[Block]) -> Laid {
    let mut f = Flow {
        m,
        g,
        out: Laid::default(),
        y: g.top,
    };
    f.new_page();
    for (k, b) in blocks.iter().enumerate() {
        match b {
            Block::Heading(h) => {
                // Headings and short paragraphs (assumptions, a status
                // sentence) that follow this one stay on its page too, so
                // that a heading never ends a page above only its preamble;
                // capped at a third of the page.
                let following: f32 = blocks[k + 1..]
                    .iter()
                    .map_while(|b| match b {
                        Block::Heading(n) => Some(heading_height(m, g.body_width(), n)),
                        Block::Paragraph(p) => Some(paragraph_height(m, g.body_width(), p)),
                        Block::Space(s) => Some(*s),
                        // A photo under a story's title stays with it.
                        Block::Image { width, height, .. } => Some(image_size(g, *width, *height).1),
                        _ => None,
                    })
                    .sum();
                let cap = (g.body_bottom() - g.top) / 3.0;
                f.heading(h, following.min(cap) + KEEP_WITH_NEXT)
            }
            Block::Paragraph(p) => f.paragraph(p),
            Block::Table(t) => f.table(t),
            Block::Chart { height, index } => f.chart(*height, *index),
            Block::Image { width, height, index } => f.image(*width, *height, *index),
            Block::Space(s) => {
                if !f.at_top() {
                    f.y = (f.y + s).min(g.body_bottom());
                }
            }
            Block::TocLine {
                level,
                text,
                page,
                target,
            } => f.toc_line(*level, text, page, target),
        }
    }
    f.out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::layout::testing::{Mono, a4, big_table, texts};

    #[test]
    fn nothing_is_placed_outside_the_margins() {
        let g = a4();
        let mut blocks = vec![Block::Heading(Heading {
            level: 2,
            text: "Results ".repeat(20),
            anchor: "r".into(),
            in_toc: true,
        })];
        for i in 0..30 {
            blocks.push(Block::Paragraph(Paragraph {
                bullet: Some("•".into()),
                indent: 12.0,
                ..Paragraph::new(
                    vec![Run::regular(format!("{i} ").repeat(80)), Run::bold("Xx".repeat(200))],
                    9.5,
                )
            }));
        }
        blocks.push(Block::Table(big_table(60)));
        blocks.push(Block::Chart {
            height: 2000.0,
            index: 0,
        });
        let laid = lay_out(&Mono, g, &blocks);
        for (p, items) in laid.pages.iter().enumerate() {
            for it in items {
                assert!(g.contains(it.bbox()), "page {p}: {it:?} outside the body");
            }
        }
    }

    #[test]
    fn headings_record_anchors_and_keep_with_the_next_block() {
        let g = a4();
        let mut blocks: Vec<Block> = Vec::new();
        // Fill the page nearly to the bottom.
        let lead = 10.0 * LEADING;
        let n = ((g.body_bottom() - g.top) / lead) as usize - 1;
        for _ in 0..n {
            blocks.push(Block::Paragraph(Paragraph {
                space_after: 0.0,
                ..Paragraph::new(vec![Run::regular("x")], 10.0)
            }));
        }
        blocks.push(Block::Heading(Heading {
            level: 3,
            text: "Output 1111".into(),
            anchor: "h".into(),
            in_toc: true,
        }));
        let laid = lay_out(&Mono, g, &blocks);
        assert_eq!(laid.anchors["h"].page, 1, "the heading moved to the next page");
        assert_eq!(laid.anchors["h"].y, g.top);
    }

    #[test]
    fn toc_lines_link_to_their_target() {
        let laid = lay_out(
            &Mono,
            a4(),
            &[Block::TocLine {
                level: 3,
                text: "Outcome 1100".into(),
                page: "7".into(),
                target: "r-1100".into(),
            }],
        );
        let items = &laid.pages[0];
        assert!(
            items
                .iter()
                .any(|i| matches!(i, Item::Link { target, .. } if target == "r-1100"))
        );
        let t = texts(items);
        assert_eq!(t.first().map(String::as_str), Some("Outcome 1100"));
        assert_eq!(t.last().map(String::as_str), Some("7"));
    }
}
