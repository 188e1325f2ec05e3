//! The flow: a cursor that places blocks on pages, top to bottom, opening
//! a new page when the next piece does not fit. What keeps together:
//! - a heading (or a caption paragraph marked `keep_with_next`) stays with
//!   the short text that introduces its section and the first unit of the
//!   table or chart after it; when that would take more than
//!   [`KEEP_CAP`] of a page, with the first unit of the next block only,
//!   so that a short section is never pushed off a page that has room for
//!   it and a heading never ends a page;
//! - a paragraph breaks leaving at least [`MIN_LINES`] lines on either
//!   side (no orphan, no widow);
//! - a table of at most eight rows is not split, a longer one leaves at
//!   least three rows on either side of a break (see `table`);
//! - a chart is never split;
//! - a note under a table (`keep_with_previous`) stays with its last rows.

use super::table::{SMALL_TABLE_ROWS, first_unit};
use super::text::{Line, break_lines};
use super::{
    Anchor, BLACK, Block, Face, GREY, Geometry, Heading, Item, LEADING, Laid, Measure, Paragraph, Rgb, Run,
    heading_size,
};

/// A paragraph that breaks across pages leaves at least this many lines on
/// each page.
pub(crate) const MIN_LINES: usize = 2;

/// The most of a page a heading may take with it (its introduction and
/// the first unit of what follows), as a fraction of the body height.
pub(crate) const KEEP_CAP: f32 = 0.45;

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

/// The first lines of a paragraph that cannot be parted from what comes
/// before it: all of a short one, else [`MIN_LINES`].
fn paragraph_start(m: &dyn Measure, width: f32, p: &Paragraph) -> f32 {
    let n = break_lines(m, &p.runs, p.size, width - p.indent).len();
    let k = if n < 2 * MIN_LINES { n } else { MIN_LINES };
    k as f32 * p.size * LEADING
}

/// The least of block `k` that must share a page with what precedes it.
fn first_unit_of(m: &dyn Measure, g: &Geometry, blocks: &[Block], k: usize) -> f32 {
    let w = g.body_width();
    match blocks.get(k) {
        None => 0.0,
        Some(Block::Heading(h)) => heading_height(m, w, h) + first_unit_of(m, g, blocks, k + 1),
        Some(Block::Paragraph(p)) if p.keep_with_next => paragraph_height(m, w, p) + first_unit_of(m, g, blocks, k + 1),
        Some(Block::Paragraph(p)) => paragraph_start(m, w, p),
        Some(Block::Table(t)) => {
            // A small table goes whole, with the note under it.
            let note = match blocks.get(k + 1) {
                Some(Block::Paragraph(p)) if p.keep_with_previous && t.rows.len() <= SMALL_TABLE_ROWS => {
                    t.size + paragraph_height(m, w, p)
                }
                _ => 0.0,
            };
            first_unit(m, t, w) + note
        }
        Some(Block::Chart { height, .. }) => height.min(g.body_bottom() - g.top),
        // A photo goes whole (it is scaled to fit a page).
        Some(Block::Image { width, height, .. }) => image_size(*g, *width, *height).1,
        Some(Block::Space(s)) => s + first_unit_of(m, g, blocks, k + 1),
        Some(Block::TocLine { .. }) => 0.0,
    }
}

/// What must go on the page of the heading or caption at `k`, below it:
/// the text that introduces its section (paragraphs and deeper headings,
/// up to the next table or chart, or the next heading of its level or
/// above) and the first unit of that table or chart; or, when that is
/// more than [`KEEP_CAP`] of a page, the first unit of the next block.
fn keep_below(m: &dyn Measure, g: &Geometry, blocks: &[Block], k: usize, level: u8) -> f32 {
    let w = g.body_width();
    let cap = (g.body_bottom() - g.top) * KEEP_CAP;
    let mut sum = 0.0;
    let mut j = k + 1;
    while let Some(b) = blocks.get(j) {
        match b {
            Block::Heading(h) if h.level <= level => break,
            Block::Heading(h) => sum += heading_height(m, w, h),
            Block::Paragraph(p) => sum += paragraph_height(m, w, p),
            Block::Space(s) => sum += s,
            // A photo under a story's title stays with it, like a chart.
            Block::Table(_) | Block::Chart { .. } | Block::Image { .. } => {
                sum += first_unit_of(m, g, blocks, j);
                break;
            }
            Block::TocLine { .. } => break,
        }
        if sum > cap {
            break;
        }
        j += 1;
    }
    if sum <= cap {
        sum
    } else {
        first_unit_of(m, g, blocks, k + 1)
    }
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
        let after = size * 0.35 + if h.level <= 2 { 2.0 } else { 0.0 };
        self.ensure(before + height + after + keep);
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

    /// A paragraph; `keep` is the room kept below it for what it
    /// introduces (a caption's table).
    fn paragraph(&mut self, p: &Paragraph, keep: f32) {
        let lead = p.size * LEADING;
        let x = self.g.left + p.indent;
        let lines = break_lines(self.m, &p.runs, p.size, self.g.body_width() - p.indent);
        let n = lines.len();
        let body_h = self.g.body_bottom() - self.g.top;
        // The lines that go on the current page, the rest on the next:
        // never fewer than MIN_LINES on either side.
        let room = self.g.body_bottom() + 0.01 - self.y;
        let whole = n as f32 * lead + keep;
        let mut fit = n;
        if !self.at_top() && whole > room {
            if keep > 0.0 && whole <= body_h {
                // A caption goes with what it introduces.
                fit = 0;
            } else {
                fit = ((room / lead).floor().max(0.0) as usize).min(n);
                if fit < n && n - fit < MIN_LINES {
                    fit = n.saturating_sub(MIN_LINES);
                }
                if fit < n && fit < MIN_LINES {
                    fit = 0;
                }
            }
        }
        if fit == 0 && n > 0 {
            self.new_page();
        }
        for (i, l) in lines.iter().enumerate() {
            if fit > 0 && fit < n && i == fit {
                self.new_page();
            }
            // Still guard: a paragraph longer than a page breaks anyway.
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
            Block::Heading(h) => f.heading(h, keep_below(m, &g, blocks, k, h.level)),
            Block::Paragraph(p) if p.keep_with_next => {
                f.paragraph(p, p.space_after + first_unit_of(m, &g, blocks, k + 1))
            }
            Block::Paragraph(p) => f.paragraph(p, 0.0),
            Block::Table(t) => {
                // A note under the table goes with its last rows.
                let note = match blocks.get(k + 1) {
                    Some(Block::Paragraph(p)) if p.keep_with_previous => paragraph_height(m, g.body_width(), p),
                    _ => 0.0,
                };
                f.table(t, note)
            }
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

    /// `n` one-line paragraphs of 10 points, no space after: a page
    /// filler of known height (13 points a line).
    fn filler(n: usize) -> Vec<Block> {
        (0..n)
            .map(|_| {
                Block::Paragraph(Paragraph {
                    space_after: 0.0,
                    ..Paragraph::new(vec![Run::regular("x")], 10.0)
                })
            })
            .collect()
    }

    fn heading(level: u8, anchor: &str) -> Block {
        Block::Heading(Heading {
            level,
            text: format!("Heading {anchor}"),
            anchor: anchor.into(),
            in_toc: true,
        })
    }

    /// The page each of the big table's rows landed on.
    fn row_pages(laid: &Laid, rows: usize) -> Vec<usize> {
        (0..rows)
            .map(|i| {
                laid.pages
                    .iter()
                    .position(|p| texts(p).contains(&format!("{i}.5")))
                    .expect("every row placed")
            })
            .collect()
    }

    /// The body holds 722 / 13 = 55 filler lines (A4 fixture: 842 − 60 − 60).
    const LINES: usize = 55;

    #[test]
    fn a_small_table_is_not_split_and_stays_with_its_heading() {
        // Each row of the big table is two or three lines of 8 points
        // (~28 to 38 points): 6 rows need ~200 points with the header.
        for fill in (30..LINES).step_by(3) {
            let mut blocks = filler(fill);
            blocks.push(heading(4, "t"));
            blocks.push(Block::Table(big_table(6)));
            let laid = lay_out(&Mono, a4(), &blocks);
            let pages = row_pages(&laid, 6);
            assert!(pages.iter().all(|p| *p == pages[0]), "fill {fill}: {pages:?}");
            assert_eq!(
                laid.anchors["t"].page, pages[0],
                "fill {fill}: the heading went with its table"
            );
        }
    }

    #[test]
    fn a_long_table_leaves_three_rows_on_either_side_of_a_break() {
        for rows in [9, 12, 30] {
            for fill in (0..LINES).step_by(2) {
                let mut blocks = filler(fill);
                blocks.push(Block::Table(big_table(rows)));
                let laid = lay_out(&Mono, a4(), &blocks);
                let pages = row_pages(&laid, rows);
                let mut per_page = std::collections::BTreeMap::new();
                for p in &pages {
                    *per_page.entry(*p).or_insert(0) += 1;
                }
                assert!(
                    per_page.values().all(|n| *n >= 3),
                    "{rows} rows after {fill} lines: {per_page:?}"
                );
                // The header is repeated on every page the table crosses.
                for p in per_page.keys() {
                    assert!(texts(&laid.pages[*p]).contains(&"Indicator".to_string()), "page {p}");
                }
            }
        }
    }

    #[test]
    fn a_heading_never_ends_a_page() {
        let g = a4();
        for fill in 0..LINES {
            for next in [
                Block::Table(big_table(2)),
                Block::Chart {
                    height: 170.0,
                    index: 0,
                },
                Block::Table(big_table(20)),
                Block::Paragraph(Paragraph::new(vec![Run::regular("word ".repeat(200))], 10.0)),
            ] {
                let mut blocks = filler(fill);
                blocks.push(heading(4, "h"));
                blocks.push(next.clone());
                // A results table's note under it.
                blocks.push(Block::Paragraph(Paragraph {
                    keep_with_previous: true,
                    ..Paragraph::new(vec![Run::regular("Note: ".repeat(40))], 8.0)
                }));
                let laid = lay_out(&Mono, g, &blocks);
                let page = laid.anchors["h"].page;
                let below = &laid.pages[page];
                let last = below
                    .iter()
                    .rposition(|i| matches!(i, Item::Text { text, .. } if text == "Heading h"));
                let after = below[last.expect("the heading") + 1..]
                    .iter()
                    .any(|i| matches!(i, Item::Chart { .. } | Item::Text { .. }));
                assert!(
                    after,
                    "fill {fill}: heading alone at the foot of page {page} before {next:?}"
                );
            }
        }
    }

    #[test]
    fn a_short_section_that_fits_is_not_pushed_to_the_next_page() {
        // Two thirds of a page, then a short section (heading and two
        // bullets) and a long one: the short one stays.
        let mut blocks = filler(36);
        blocks.push(heading(3, "short"));
        for _ in 0..2 {
            blocks.push(Block::Paragraph(Paragraph {
                bullet: Some("•".into()),
                indent: 12.0,
                ..Paragraph::new(vec![Run::regular("word ".repeat(30))], 9.5)
            }));
        }
        blocks.push(heading(2, "long"));
        for _ in 0..30 {
            blocks.push(Block::Paragraph(Paragraph::new(
                vec![Run::regular("word ".repeat(20))],
                9.5,
            )));
        }
        blocks.push(Block::Table(big_table(12)));
        let laid = lay_out(&Mono, a4(), &blocks);
        assert_eq!(laid.anchors["short"].page, 0);
    }

    #[test]
    fn paragraphs_leave_no_orphan_and_no_widow() {
        // A paragraph of 7 lines (13 points each) starting at every height
        // of the page: each page it crosses holds at least two of its lines.
        let para = Paragraph {
            space_after: 0.0,
            ..Paragraph::new(vec![Run::regular("abcdefghij ".repeat(7 * 8))], 10.0)
        };
        let n = break_lines(&Mono, &para.runs, 10.0, a4().body_width()).len();
        assert_eq!(n, 7);
        for fill in 40..LINES {
            let mut blocks = filler(fill);
            blocks.push(Block::Paragraph(para.clone()));
            let laid = lay_out(&Mono, a4(), &blocks);
            let lines_on = |p: &Vec<Item>| texts(p).iter().filter(|t| t.starts_with("abcdefghij")).count();
            let counts: Vec<usize> = laid.pages.iter().map(lines_on).filter(|n| *n > 0).collect();
            assert_eq!(counts.iter().sum::<usize>(), 7);
            assert!(counts.iter().all(|c| *c >= MIN_LINES), "fill {fill}: {counts:?}");
        }
    }

    #[test]
    fn a_closing_section_that_fits_leaves_no_page_of_one_or_two_lines() {
        // A long table ending low on a page, then the last section (a
        // heading and two one-line bullets), as Annex B after Annex A: it
        // goes below the table, not alone onto a last page.
        let mut blocks = vec![Block::Table(big_table(18))];
        blocks.push(heading(2, "annex-b"));
        for _ in 0..2 {
            blocks.push(Block::Paragraph(Paragraph {
                bullet: Some("•".into()),
                indent: 12.0,
                space_after: 3.0,
                ..Paragraph::new(vec![Run::regular("a data-quality note")], 9.5)
            }));
        }
        let laid = lay_out(&Mono, a4(), &blocks);
        let table_end = row_pages(&laid, 18)[17];
        assert_eq!(laid.anchors["annex-b"].page, table_end);
        assert_eq!(laid.pages.len(), table_end + 1);
    }

    #[test]
    fn a_caption_stays_with_its_table() {
        for fill in (30..LINES).step_by(2) {
            let mut blocks = filler(fill);
            blocks.push(Block::Paragraph(Paragraph {
                keep_with_next: true,
                ..Paragraph::new(vec![Run::bold("Disaggregation – Country")], 8.0)
            }));
            blocks.push(Block::Table(big_table(5)));
            let laid = lay_out(&Mono, a4(), &blocks);
            let caption = laid
                .pages
                .iter()
                .position(|p| texts(p).iter().any(|t| t.starts_with("Disaggregation")))
                .expect("placed");
            assert_eq!(row_pages(&laid, 5), [caption; 5], "fill {fill}");
        }
    }

    #[test]
    fn a_note_under_a_table_stays_with_its_last_rows() {
        for rows in [5, 12] {
            for fill in (20..LINES).step_by(2) {
                let mut blocks = filler(fill);
                blocks.push(Block::Table(big_table(rows)));
                blocks.push(Block::Paragraph(Paragraph {
                    keep_with_previous: true,
                    ..Paragraph::new(vec![Run::regular("Note: ".repeat(40))], 8.0)
                }));
                let laid = lay_out(&Mono, a4(), &blocks);
                let last_row = row_pages(&laid, rows)[rows - 1];
                let note = laid
                    .pages
                    .iter()
                    .position(|p| texts(p).iter().any(|t| t.starts_with("Note:")))
                    .expect("placed");
                assert_eq!(note, last_row, "{rows} rows after {fill} lines");
            }
        }
    }
}
