//! Page layout: blocks of text, tables and charts flowed onto pages.
//!
//! Pure and PDF-free so that it can be tested with boxes and positions:
//! the input is a list of [`Block`]s and a [`Measure`] (text widths), the
//! output is pages of positioned [`Item`]s in points, origin at the top left
//! of the page, y growing downwards. [`super::draw`] turns items into PDF
//! operations.
//!
//! Lines break greedily at spaces and after a hyphen inside a word
//! (ragged right, never an inserted hyphen); a word wider than its column
//! breaks after its URL punctuation (`/`, `.`, `?` ...) and, failing that,
//! is cut between characters, so nothing ever overflows. Tables size their
//! columns from their content (after the CSS automatic table algorithm:
//! each column gets its longest short word, so figures and header words
//! are never split, a long word or URL asks for at most
//! [`LONG_WORD_EM`] and is broken in its own column, and the remaining
//! width is shared in proportion to what each column would need on one
//! line), break between rows (or between lines of a row taller than a
//! page) and repeat their header row on every page. The running header
//! ([`running_header`]) gives its two sides a width budget each.

use std::collections::BTreeMap;

/// A face of the bundled font.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
}

/// Text measurement, in points.
pub trait Measure {
    fn width(&self, face: Face, size: f32, text: &str) -> f32;
}

/// An RGB colour, components 0 to 1.
pub type Rgb = [f32; 3];

pub const BLACK: Rgb = [0.0, 0.0, 0.0];
pub const GREY: Rgb = [0.35, 0.35, 0.35];

/// A status as drawn: a colour and, so that it also reads in greyscale, a
/// fill pattern. The text label is always printed next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Solid dark fill.
    Achieved,
    /// Solid fill.
    OnTrack,
    /// Diagonal stripes.
    AtRisk,
    /// Cross-hatching.
    OffTrack,
    /// Light grey, dotted outline.
    Neutral,
}

/// Page size and margins, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
    pub left: f32,
}

impl Geometry {
    pub fn body_width(&self) -> f32 {
        self.width - self.left - self.right
    }
    pub fn body_bottom(&self) -> f32 {
        self.height - self.bottom
    }
    pub fn body_right(&self) -> f32 {
        self.width - self.right
    }
    /// Whether a box lies inside the body area (with a rounding tolerance).
    pub fn contains(&self, b: [f32; 4]) -> bool {
        let e = 0.01;
        b[0] >= self.left - e && b[1] >= self.top - e && b[2] <= self.body_right() + e && b[3] <= self.body_bottom() + e
    }
}

/// Something drawn on a page. Coordinates in points from the top left;
/// text is placed by its baseline.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text {
        x: f32,
        y: f32,
        size: f32,
        face: Face,
        colour: Rgb,
        text: String,
        /// The measured width.
        width: f32,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
    /// A straight line or a polyline.
    Path {
        points: Vec<(f32, f32)>,
        width: f32,
        colour: Rgb,
        dash: Option<(f32, f32)>,
    },
    Dot {
        x: f32,
        y: f32,
        r: f32,
        colour: Rgb,
    },
    /// A bar of `w` at most, filled to `fraction` (0 to 1) in the status's
    /// colour and pattern, with an outline.
    Bar {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fraction: f32,
        tone: Tone,
        /// Where to draw a tick (fraction of `w`), e.g. the 100 % mark.
        tick: Option<f32>,
    },
    /// A chart drawn into this box by the caller.
    Chart {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        index: usize,
    },
    /// A clickable area that jumps to an anchor.
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        target: String,
    },
}

impl Item {
    /// The box `[x0, y0, x1, y1]` the item covers.
    pub fn bbox(&self) -> [f32; 4] {
        match self {
            Item::Text { x, y, size, width, .. } => [*x, y - size * 0.76, x + width, y + size * 0.24],
            Item::Rect { x, y, w, h, .. }
            | Item::Bar { x, y, w, h, .. }
            | Item::Chart { x, y, w, h, .. }
            | Item::Link { x, y, w, h, .. } => [*x, *y, x + w, y + h],
            Item::Path { points, width, .. } => {
                // Butt caps: each segment widens across its direction only.
                let hw = width / 2.0;
                let mut b = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
                let mut add = |px: f32, py: f32| b = [b[0].min(px), b[1].min(py), b[2].max(px), b[3].max(py)];
                for w in points.windows(2) {
                    let ((x0, y0), (x1, y1)) = (w[0], w[1]);
                    let len = ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt().max(1e-6);
                    let (nx, ny) = (-(y1 - y0) / len * hw, (x1 - x0) / len * hw);
                    for (px, py) in [(x0, y0), (x1, y1)] {
                        add(px + nx, py + ny);
                        add(px - nx, py - ny);
                    }
                }
                if points.len() == 1 {
                    add(points[0].0, points[0].1);
                }
                b
            }
            Item::Dot { x, y, r, .. } => [x - r, y - r, x + r, y + r],
        }
    }
}

/// A run of text in one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub face: Face,
}

impl Run {
    pub fn regular(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            face: Face::Regular,
        }
    }
    pub fn bold(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            face: Face::Bold,
        }
    }
}

/// A piece of one line: text in one face starting at `x`.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub x: f32,
    pub face: Face,
    pub text: String,
    pub width: f32,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub pieces: Vec<Piece>,
    pub width: f32,
}

impl Line {
    /// The line's text, a space between pieces that have a gap.
    pub fn text(&self) -> String {
        let mut s = String::new();
        let mut end: Option<f32> = None;
        for p in &self.pieces {
            if end.is_some_and(|e| p.x - e > 0.01) {
                s.push(' ');
            }
            s.push_str(&p.text);
            end = Some(p.x + p.width);
        }
        s
    }
}

/// Spaces that allow a line break. No-break spaces (U+00A0, U+202F, used
/// before `%` in French and Spanish) keep their neighbours together.
fn is_break_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// A word: segments in possibly different faces with no space between.
#[derive(Debug)]
struct Token {
    segs: Vec<(Face, String)>,
    /// Preceded by a space.
    space_before: bool,
    /// A line may break before it (after a space, or after a hyphen).
    break_before: bool,
}

fn tokens(runs: &[Run]) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut pending_space = false;
    let mut in_word = false;
    for run in runs {
        let mut after_hyphen = false;
        let mut prev: Option<char> = None;
        for c in run.text.chars() {
            if is_break_space(c) {
                pending_space = true;
                in_word = false;
                after_hyphen = false;
                prev = Some(c);
                continue;
            }
            // Break after a hyphen between two letters: "End-of-project".
            let hyphen_break = after_hyphen && c.is_alphabetic();
            if !in_word || pending_space || hyphen_break {
                out.push(Token {
                    segs: Vec::new(),
                    space_before: pending_space && !out.is_empty(),
                    break_before: pending_space || hyphen_break,
                });
                pending_space = false;
                in_word = true;
            }
            after_hyphen = c == '-' && prev.is_some_and(char::is_alphabetic);
            prev = Some(c);
            let t = out.last_mut().expect("a token was pushed");
            match t.segs.last_mut() {
                Some((f, s)) if *f == run.face => s.push(c),
                _ => t.segs.push((run.face, c.to_string())),
            }
        }
    }
    out
}

/// Characters after which a long word (a URL, a path) may break.
fn is_url_break(c: char) -> bool {
    matches!(
        c,
        '/' | '.' | '?' | '&' | '=' | '_' | '-' | ':' | '#' | ',' | ';' | '\\'
    )
}

/// A word too long for its line split into pieces that a line may break
/// between: after a run of URL punctuation (`https://` | `sherloc.` |
/// `org/` ...). The first piece keeps the word's spacing.
fn split_long(t: Token) -> Vec<Token> {
    let mut out = vec![Token {
        segs: Vec::new(),
        space_before: t.space_before,
        break_before: t.break_before,
    }];
    let chars: Vec<(Face, char)> = t.segs.iter().flat_map(|(f, s)| s.chars().map(|c| (*f, c))).collect();
    for (k, &(face, c)) in chars.iter().enumerate() {
        let cur = out.last_mut().expect("a token");
        match cur.segs.last_mut() {
            Some((f, s)) if *f == face => s.push(c),
            _ => cur.segs.push((face, c.to_string())),
        }
        if is_url_break(c) && chars.get(k + 1).is_some_and(|(_, n)| !is_url_break(*n)) {
            out.push(Token {
                segs: Vec::new(),
                space_before: false,
                break_before: true,
            });
        }
    }
    out.retain(|t| !t.segs.is_empty());
    out
}

/// Break `runs` into lines no wider than `width` at `size`.
pub fn break_lines(m: &dyn Measure, runs: &[Run], size: f32, width: f32) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut cur = Line::default();
    let width = width.max(size); // at least one character per line
    let push_seg = |line: &mut Line, face: Face, text: &str, gap: f32| {
        let w = m.width(face, size, text);
        match line.pieces.last_mut() {
            Some(p) if p.face == face => {
                if gap > 0.0 {
                    p.text.push(' ');
                }
                p.text.push_str(text);
                p.width = m.width(face, size, &p.text);
                line.width = p.x + p.width;
            }
            _ => {
                let x = line.width + gap;
                line.pieces.push(Piece {
                    x,
                    face,
                    text: text.to_string(),
                    width: w,
                });
                line.width = x + w;
            }
        }
    };
    let seg_width = |t: &Token| -> f32 { t.segs.iter().map(|(f, s)| m.width(*f, size, s)).sum() };
    // A word wider than the whole line (a URL) breaks after its slashes,
    // dots and the like first; only a piece still too wide is cut.
    let toks = tokens(runs)
        .into_iter()
        .flat_map(|t| if seg_width(&t) > width { split_long(t) } else { vec![t] });
    for t in toks {
        let tw = seg_width(&t);
        let space = m.width(t.segs[0].0, size, " ");
        let gap = if t.space_before && !cur.pieces.is_empty() {
            space
        } else {
            0.0
        };
        if !cur.pieces.is_empty() && t.break_before && cur.width + gap + tw > width {
            lines.push(std::mem::take(&mut cur));
        }
        let gap = if cur.pieces.is_empty() { 0.0 } else { gap };
        if cur.width + gap + tw <= width {
            for (i, (f, s)) in t.segs.iter().enumerate() {
                push_seg(&mut cur, *f, s, if i == 0 { gap } else { 0.0 });
            }
            continue;
        }
        // Too wide even on its own line: cut between characters.
        let mut first = true;
        for (f, s) in &t.segs {
            for c in s.chars() {
                let mut buf = [0u8; 4];
                let cs: &str = c.encode_utf8(&mut buf);
                let cw = m.width(*f, size, cs);
                let g = if first { gap } else { 0.0 };
                if !cur.pieces.is_empty() && cur.width + g + cw > width {
                    lines.push(std::mem::take(&mut cur));
                }
                let g = if cur.pieces.is_empty() { 0.0 } else { g };
                push_seg(&mut cur, *f, cs, g);
                first = false;
            }
        }
    }
    if !cur.pieces.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Paragraph style.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub runs: Vec<Run>,
    pub size: f32,
    /// Left indent of every line.
    pub indent: f32,
    /// A marker hung in the indent of the first line ("•").
    pub bullet: Option<String>,
    pub colour: Rgb,
    pub space_after: f32,
}

impl Paragraph {
    pub fn new(runs: Vec<Run>, size: f32) -> Paragraph {
        Paragraph {
            runs,
            size,
            indent: 0.0,
            bullet: None,
            colour: BLACK,
            space_after: size * 0.6,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub align: Align,
    /// A fixed width (progress bars); else sized to content.
    pub fixed: Option<f32>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(Vec<Run>),
    /// A progress bar: `fraction` of the full bar (1.0 = 150 %, see the
    /// caller), with a tick at `tick`; `None` draws nothing.
    Bar {
        fraction: Option<f32>,
        tone: Tone,
        tick: Option<f32>,
    },
    /// A status: a swatch in its pattern, then its label.
    Status {
        label: String,
        tone: Tone,
    },
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(vec![Run::regular(s)])
    }
    pub fn bold(s: impl Into<String>) -> Cell {
        Cell::Text(vec![Run::bold(s)])
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    /// Header cells (bold); empty for a table without a header row.
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub size: f32,
    /// Shade every other row.
    pub striped: bool,
    /// Spread the columns over the whole body width even when the content
    /// needs less.
    pub expand: bool,
}

/// Outline level and title of a heading, for the table of contents and
/// the bookmarks.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    pub anchor: String,
    /// Listed in the table of contents.
    pub in_toc: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(Heading),
    Paragraph(Paragraph),
    Table(Table),
    /// A chart of this height across the body width.
    Chart {
        height: f32,
        index: usize,
    },
    Space(f32),
    PageBreak,
    /// A table-of-contents line: title, dot leaders, page number, linked.
    TocLine {
        level: u8,
        text: String,
        page: String,
        target: String,
    },
}

/// Where an anchor landed: page index (from 0) and y.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Anchor {
    pub page: usize,
    pub y: f32,
}

#[derive(Debug, Default)]
pub struct Laid {
    pub pages: Vec<Vec<Item>>,
    pub anchors: BTreeMap<String, Anchor>,
}

pub const LEADING: f32 = 1.3;
const CELL_PAD_X: f32 = 3.0;
const CELL_PAD_Y: f32 = 2.5;
/// Room kept below a heading so that it never ends a page alone.
const KEEP_WITH_NEXT: f32 = 48.0;

pub fn heading_size(level: u8) -> f32 {
    match level {
        1 => 20.0,
        2 => 15.0,
        3 => 11.5,
        _ => 10.0,
    }
}

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

struct Flow<'a> {
    m: &'a dyn Measure,
    g: Geometry,
    out: Laid,
    y: f32,
}

impl Flow<'_> {
    fn page(&mut self) -> &mut Vec<Item> {
        self.out.pages.last_mut().expect("a page")
    }

    fn new_page(&mut self) {
        self.out.pages.push(Vec::new());
        self.y = self.g.top;
    }

    fn at_top(&self) -> bool {
        (self.y - self.g.top).abs() < 0.01
    }

    /// Start a new page unless `h` fits below the current position.
    fn ensure(&mut self, h: f32) {
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

    fn line(&mut self, x: f32, top: f32, size: f32, colour: Rgb, line: &Line) {
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
}

/// A word wider than this many ems (a URL, a run-on identifier) is "long":
/// it asks its column for this much width at most and is broken inside
/// the column, so that it never squeezes the columns of figures.
pub const LONG_WORD_EM: f32 = 12.0;

/// The width each column of `t` gets in `avail` points.
///
/// Each column has three widths: `hard`, its longest short word (figures,
/// header words), which is never cut; `soft`, its longest word with a long
/// word counted as [`LONG_WORD_EM`] only; and `max`, its widest cell on one
/// line. The table gets `max` when that fits, else the space between
/// `soft` and `max` is shared in proportion to what each column lacks,
/// else the space between `hard` and `soft`; only when even the short
/// words do not fit are all columns scaled down and words cut. A fixed
/// column (progress bars) is at least as wide as its header words.
pub fn column_widths(m: &dyn Measure, t: &Table, avail: f32) -> Vec<f32> {
    let n = t.columns.len();
    let long = LONG_WORD_EM * t.size;
    let mut hard = vec![0.0f32; n];
    let mut soft = vec![0.0f32; n];
    let mut max = vec![0.0f32; n];
    // The longest short word, the longest word (capped) and the whole
    // text on one line.
    let see = |runs: &[Run]| -> [f32; 3] {
        let [mut h, mut s, mut whole] = [0.0f32; 3];
        for tk in tokens(runs) {
            let w: f32 = tk.segs.iter().map(|(f, s)| m.width(*f, t.size, s)).sum();
            if w <= long {
                h = h.max(w);
            }
            s = s.max(w.min(long));
            if tk.space_before {
                whole += m.width(tk.segs[0].0, t.size, " ");
            }
            whole += w;
        }
        [h, s, whole]
    };
    let mut note = |i: usize, [h, s, w]: [f32; 3]| {
        hard[i] = hard[i].max(h);
        soft[i] = soft[i].max(s);
        max[i] = max[i].max(w);
    };
    // Header cells of a wide table wrap (to about two lines), so that
    // "% of end target" does not widen a column of short figures.
    for (i, h) in t.header.iter().enumerate().take(n) {
        let [lo, s, hi] = see(&[Run::bold(h.clone())]);
        note(i, [lo, s, if t.expand { (hi / 2.0).max(s) } else { hi }]);
    }
    for row in &t.rows {
        for (i, c) in row.iter().enumerate().take(n) {
            match c {
                Cell::Text(runs) => note(i, see(runs)),
                Cell::Status { label, .. } => {
                    // Status labels are short: kept on one line.
                    let sw = status_swatch(t.size) + t.size * 0.4;
                    let [_, _, hi] = see(&[Run::regular(label.clone())]);
                    note(i, [hi + sw; 3]);
                }
                Cell::Bar { .. } => {}
            }
        }
    }
    let pad = 2.0 * CELL_PAD_X;
    for i in 0..n {
        let w = match t.columns[i].fixed {
            Some(f) => {
                let f = f.max(hard[i] + pad);
                [f; 3]
            }
            None => [hard[i] + pad, soft[i] + pad, max[i] + pad],
        };
        [hard[i], soft[i], max[i]] = w;
    }
    let sum = |v: &[f32]| -> f32 { v.iter().sum() };
    let (shard, ssoft, smax) = (sum(&hard), sum(&soft), sum(&max));
    if smax <= avail && !t.expand {
        return max;
    }
    if smax <= avail {
        // Everything fits on one line: share the rest in proportion to the
        // content so the table spans the body.
        let flexible: f32 = (0..n).filter(|&i| t.columns[i].fixed.is_none()).map(|i| max[i]).sum();
        let extra = avail - smax;
        return (0..n)
            .map(|i| match t.columns[i].fixed {
                None if flexible > 0.0 => max[i] + extra * max[i] / flexible,
                _ => max[i],
            })
            .collect();
    }
    let between = |lo: &[f32], hi: &[f32], slo: f32, shi: f32| -> Vec<f32> {
        let k = if shi > slo { (avail - slo) / (shi - slo) } else { 0.0 };
        (0..n).map(|i| lo[i] + (hi[i] - lo[i]) * k).collect()
    };
    if ssoft <= avail {
        return between(&soft, &max, ssoft, smax);
    }
    if shard <= avail {
        // Long words give way first: they are broken in their column.
        return between(&hard, &soft, shard, ssoft);
    }
    // Even the short words do not fit: scale down, words will be cut.
    hard.iter().map(|w| w * avail / shard).collect()
}

fn status_swatch(size: f32) -> f32 {
    size * 0.9
}

/// A laid-out cell: its lines (text cells) or its drawing.
enum CellLines {
    Text(Vec<Line>, Align),
    Bar {
        fraction: Option<f32>,
        tone: Tone,
        tick: Option<f32>,
    },
    Status(Vec<Line>, Tone),
}

impl CellLines {
    fn count(&self) -> usize {
        match self {
            CellLines::Text(l, _) | CellLines::Status(l, _) => l.len().max(1),
            CellLines::Bar { .. } => 1,
        }
    }
}

impl Flow<'_> {
    fn cell_lines(&self, t: &Table, col: usize, c: &Cell, w: f32, header: bool) -> CellLines {
        let inner = w - 2.0 * CELL_PAD_X;
        match c {
            Cell::Text(runs) => {
                let runs: Vec<Run> = if header {
                    runs.iter().map(|r| Run::bold(r.text.clone())).collect()
                } else {
                    runs.clone()
                };
                CellLines::Text(break_lines(self.m, &runs, t.size, inner), t.columns[col].align)
            }
            Cell::Bar { fraction, tone, tick } => CellLines::Bar {
                fraction: *fraction,
                tone: *tone,
                tick: *tick,
            },
            Cell::Status { label, tone } => {
                let sw = status_swatch(t.size) + t.size * 0.4;
                CellLines::Status(
                    break_lines(self.m, &[Run::regular(label.clone())], t.size, inner - sw),
                    *tone,
                )
            }
        }
    }

    /// Draw lines `from..to` of a row's cells, starting at the current y.
    fn row_slice(
        &mut self,
        t: &Table,
        widths: &[f32],
        cells: &[CellLines],
        from: usize,
        to: usize,
        shade: Option<Rgb>,
    ) {
        let lead = t.size * LEADING;
        let h = (to - from) as f32 * lead + 2.0 * CELL_PAD_Y;
        let top = self.y;
        let total_w: f32 = widths.iter().sum();
        if let Some(fill) = shade {
            let x = self.g.left;
            self.page().push(Item::Rect {
                x,
                y: top,
                w: total_w,
                h,
                fill,
            });
        }
        let mut x = self.g.left;
        for (i, c) in cells.iter().enumerate() {
            let w = widths[i];
            let inner_x = x + CELL_PAD_X;
            let inner_w = w - 2.0 * CELL_PAD_X;
            match c {
                CellLines::Text(lines, align) => {
                    for (k, l) in lines.iter().enumerate().take(to).skip(from) {
                        let lt = top + CELL_PAD_Y + (k - from) as f32 * lead;
                        let lx = match align {
                            Align::Left => inner_x,
                            Align::Right => inner_x + inner_w - l.width,
                        };
                        self.line(lx, lt, t.size, BLACK, l);
                    }
                }
                CellLines::Status(lines, tone) => {
                    let sw = status_swatch(t.size);
                    if from == 0 {
                        let sy = top + CELL_PAD_Y + (lead - sw) / 2.0;
                        self.page().push(Item::Bar {
                            x: inner_x,
                            y: sy,
                            w: sw,
                            h: sw,
                            fraction: 1.0,
                            tone: *tone,
                            tick: None,
                        });
                    }
                    let tx = inner_x + sw + t.size * 0.4;
                    for (k, l) in lines.iter().enumerate().take(to).skip(from) {
                        let lt = top + CELL_PAD_Y + (k - from) as f32 * lead;
                        self.line(tx, lt, t.size, BLACK, l);
                    }
                }
                CellLines::Bar { fraction, tone, tick } => {
                    if from == 0
                        && let Some(f) = fraction
                    {
                        let bh = t.size * 0.9;
                        let by = top + CELL_PAD_Y + (lead - bh) / 2.0;
                        self.page().push(Item::Bar {
                            x: inner_x,
                            y: by,
                            w: inner_w,
                            h: bh,
                            fraction: f.clamp(0.0, 1.0),
                            tone: *tone,
                            tick: *tick,
                        });
                    }
                }
            }
            x += w;
        }
        self.y += h;
    }

    fn rule(&mut self, x0: f32, x1: f32, y: f32, width: f32, colour: Rgb) {
        self.page().push(Item::Path {
            points: vec![(x0, y), (x1, y)],
            width,
            colour,
            dash: None,
        });
    }

    fn table(&mut self, t: &Table) {
        let avail = self.g.body_width();
        let widths = column_widths(self.m, t, avail);
        let total_w: f32 = widths.iter().sum();
        let (x0, x1) = (self.g.left, self.g.left + total_w);
        let lead = t.size * LEADING;
        let header: Vec<CellLines> = t
            .header
            .iter()
            .enumerate()
            .map(|(i, h)| self.cell_lines(t, i, &Cell::bold(h.clone()), widths[i], true))
            .collect();
        let header_lines = header.iter().map(CellLines::count).max().unwrap_or(0);
        let header_h = if header.is_empty() {
            0.0
        } else {
            header_lines as f32 * lead + 2.0 * CELL_PAD_Y
        };
        let draw_header = |f: &mut Self| {
            if !header.is_empty() {
                f.row_slice(t, &widths, &header, 0, header_lines, Some([0.86, 0.89, 0.94]));
                let y = f.y;
                f.rule(x0, x1, y, 0.8, GREY);
            }
        };
        let body_h = self.g.body_bottom() - self.g.top;
        let rows: Vec<Vec<CellLines>> = t
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .enumerate()
                    .map(|(i, c)| self.cell_lines(t, i, c, widths[i], false))
                    .collect()
            })
            .collect();
        let row_h =
            |r: &[CellLines]| r.iter().map(CellLines::count).max().unwrap_or(1) as f32 * lead + 2.0 * CELL_PAD_Y;
        // The header and the first row stay together.
        let first = rows.first().map(|r| row_h(r)).unwrap_or(0.0);
        self.ensure(header_h + first.min(body_h - header_h));
        draw_header(self);
        for (ri, r) in rows.iter().enumerate() {
            let n = r.iter().map(CellLines::count).max().unwrap_or(1);
            let shade = (t.striped && ri % 2 == 1).then_some([0.96, 0.96, 0.96]);
            let h = row_h(r);
            if self.y + h > self.g.body_bottom() + 0.01 && h <= body_h - header_h {
                self.new_page();
                draw_header(self);
            }
            // A row taller than a page continues line by line.
            let mut from = 0;
            while from < n {
                let room = self.g.body_bottom() - self.y - 2.0 * CELL_PAD_Y;
                let fit = ((room / lead) + 0.001).floor().max(0.0) as usize;
                if fit == 0 {
                    self.new_page();
                    draw_header(self);
                    continue;
                }
                let to = (from + fit).min(n);
                self.row_slice(t, &widths, r, from, to, shade);
                from = to;
                if from < n {
                    self.new_page();
                    draw_header(self);
                }
            }
            let y = self.y;
            let last = ri + 1 == rows.len();
            self.rule(
                x0,
                x1,
                y,
                if last { 0.8 } else { 0.3 },
                if last { GREY } else { [0.8, 0.8, 0.8] },
            );
        }
        self.y += t.size;
    }
}

/// Flow `blocks` onto pages of geometry `g`.
pub fn lay_out(m: &dyn Measure, g: Geometry, blocks: &[Block]) -> Laid {
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
                        _ => None,
                    })
                    .sum();
                let cap = (g.body_bottom() - g.top) / 3.0;
                f.heading(h, following.min(cap) + KEEP_WITH_NEXT)
            }
            Block::Paragraph(p) => f.paragraph(p),
            Block::Table(t) => f.table(t),
            Block::Chart { height, index } => f.chart(*height, *index),
            Block::Space(s) => {
                if !f.at_top() {
                    f.y = (f.y + s).min(g.body_bottom());
                }
            }
            Block::PageBreak => {
                if !f.at_top() {
                    f.new_page();
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

/// `text` cut to fit `width`, an ellipsis marking the cut (nothing left
/// but the ellipsis when even one character does not fit).
pub fn ellipsize(m: &dyn Measure, face: Face, size: f32, text: &str, width: f32) -> String {
    if m.width(face, size, text) <= width {
        return text.to_string();
    }
    let cut = |e: usize| format!("{}…", text[..e].trim_end());
    let fits = |e: usize| m.width(face, size, &cut(e)) <= width;
    // Widths only grow with the prefix (advances are never negative), so
    // the longest prefix that fits is found by bisection: O(n log n), not
    // one measurement per character.
    let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).collect();
    let fitting = ends.partition_point(|&e| fits(e));
    match fitting.checked_sub(1) {
        Some(k) => cut(ends[k]),
        None => "…".to_string(),
    }
}

/// A line across the top margin with `left` flush left and `right` flush
/// right at baseline `y`, in grey. `right` lists variants, fullest first
/// (the period with its dates, then the period alone): the first that fits
/// beside `left` is used. When the two still do not fit side by side with
/// a gap of two ems, each gets a budget (half the line each, or what the
/// shorter one leaves) and is cut with an ellipsis, so they never overlap.
pub fn running_header(
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

    /// Every character is `size * 0.5` wide: easy arithmetic.
    struct Mono;
    impl Measure for Mono {
        fn width(&self, _: Face, size: f32, text: &str) -> f32 {
            text.chars().count() as f32 * size * 0.5
        }
    }

    fn a4() -> Geometry {
        Geometry {
            width: 595.0,
            height: 842.0,
            top: 60.0,
            right: 50.0,
            bottom: 60.0,
            left: 50.0,
        }
    }

    fn texts(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn lines_break_at_spaces_and_never_exceed_the_width() {
        // size 10: 5 points per character, 60 points = 12 characters.
        let lines = break_lines(&Mono, &[Run::regular("the quick brown fox jumps over")], 10.0, 60.0);
        let t: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(t, ["the quick", "brown fox", "jumps over"]);
        assert!(lines.iter().all(|l| l.width <= 60.0));
    }

    #[test]
    fn hyphenated_words_break_after_the_hyphen_and_numbers_stay_whole() {
        let lines = break_lines(&Mono, &[Run::regular("End-of-project -12.5 target")], 10.0, 50.0);
        let t: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(t, ["End-of-", "project", "-12.5", "target"]);
    }

    #[test]
    fn no_break_spaces_hold_a_figure_and_its_percent_sign() {
        let lines = break_lines(&Mono, &[Run::regular("aaaa 103,4\u{202F}%")], 10.0, 40.0);
        let t: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(t, ["aaaa", "103,4\u{202F}%"]);
    }

    #[test]
    fn a_word_wider_than_the_column_is_cut() {
        let lines = break_lines(&Mono, &[Run::regular("abcdefghij")], 10.0, 20.0);
        let t: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(t, ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn faces_mix_within_a_line() {
        let lines = break_lines(
            &Mono,
            &[Run::bold("1100.2"), Run::regular(" Prosecutions: 6")],
            10.0,
            500.0,
        );
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].pieces.len(), 2);
        assert_eq!(lines[0].pieces[0].face, Face::Bold);
        assert_eq!(lines[0].pieces[1].x, 35.0); // 6 chars + a space
        assert_eq!(lines[0].text(), "1100.2 Prosecutions: 6");
    }

    fn big_table(rows: usize) -> Table {
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

    #[test]
    fn tables_break_across_pages_and_repeat_their_header() {
        let laid = lay_out(&Mono, a4(), &[Block::Table(big_table(120))]);
        assert!(laid.pages.len() >= 3, "{} pages", laid.pages.len());
        for (p, items) in laid.pages.iter().enumerate() {
            let t = texts(items);
            assert_eq!(t[0], "Indicator", "page {p} starts with the header row");
            assert!(t.iter().any(|s| s == "Actual to"), "page {p}");
        }
        // Every row is there exactly once.
        let all: Vec<String> = laid.pages.iter().flat_map(|p| texts(p)).collect();
        for i in 0..120 {
            assert_eq!(all.iter().filter(|s| **s == format!("{i}.5")).count(), 1, "row {i}");
        }
    }

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
    fn a_row_taller_than_a_page_continues_on_the_next() {
        let mut t = big_table(1);
        t.rows[0][0] = Cell::text("word ".repeat(3000));
        let g = a4();
        let laid = lay_out(&Mono, g, &[Block::Table(t)]);
        assert!(laid.pages.len() >= 2);
        for items in &laid.pages {
            assert_eq!(texts(items)[0], "Indicator");
            assert!(items.iter().all(|i| g.contains(i.bbox())));
        }
    }

    #[test]
    fn columns_size_to_content() {
        let t = big_table(3);
        let w = column_widths(&Mono, &t, 400.0);
        assert_eq!(w[2], 40.0);
        assert!((w.iter().sum::<f32>() - 400.0).abs() < 0.01);
        assert!(w[0] > w[1], "the long title column is wider: {w:?}");
        // The narrow column still holds its longest word.
        assert!(w[1] >= Mono.width(Face::Bold, 8.0, "Actual") + 2.0 * CELL_PAD_X);
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

    /// An indicator table: a title column, figure columns, a fixed
    /// progress-bar column headed `progress`.
    fn figures_table(title: &str, progress: &str) -> Table {
        let mut columns = vec![Column {
            align: Align::Left,
            fixed: None,
        }];
        columns.extend((0..6).map(|_| Column {
            align: Align::Right,
            fixed: None,
        }));
        columns.push(Column {
            align: Align::Left,
            fixed: Some(44.0),
        });
        let figures = ["29.98", "35", "6", "31", "103.4%", "88.6%"];
        Table {
            columns,
            header: [
                "Indicator",
                "Target to date",
                "End-of-project target",
                "Actual",
                "Actual to date",
            ]
            .into_iter()
            .chain(["% of target to date", "% of end target", progress])
            .map(String::from)
            .collect(),
            rows: vec![
                std::iter::once(Cell::Text(vec![Run::bold("1100.1"), Run::regular(format!(" {title}"))]))
                    .chain(figures.iter().map(|f| Cell::text(*f)))
                    .chain([Cell::Bar {
                        fraction: Some(0.6),
                        tone: Tone::OnTrack,
                        tick: None,
                    }])
                    .collect(),
            ],
            size: 7.0,
            striped: true,
            expand: true,
        }
    }

    /// Every text item of one laid-out table, and the widths.
    fn lay_table(t: Table) -> (Vec<String>, Vec<f32>) {
        let w = column_widths(&Mono, &t, a4().body_width());
        let laid = lay_out(&Mono, a4(), &[Block::Table(t)]);
        (laid.pages.iter().flat_map(|p| texts(p)).collect(), w)
    }

    #[test]
    fn a_url_or_a_long_word_does_not_squeeze_the_figure_columns() {
        let plain = figures_table("Number of investigations initiated", "Progress");
        let natural = column_widths(&Mono, &plain, a4().body_width());
        for title in [
            "Number of investigations recorded in https://sherloc.unodc.org/cld/en/v3/sherloc/cldb/index.html",
            &format!("Number of {}", "x".repeat(100)),
        ] {
            let t = figures_table(title, "Progress");
            let (texts, w) = lay_table(t.clone());
            let pad = 2.0 * CELL_PAD_X;
            for (i, f) in ["29.98", "35", "6", "31", "103.4%", "88.6%"].iter().enumerate() {
                // Each figure column is as wide as its figure and its
                // longest header word: nothing wraps mid-value.
                let word = tokens(&[Run::bold(t.header[i + 1].clone())])
                    .iter()
                    .map(|tk| Mono.width(Face::Bold, 7.0, &tk.segs[0].1))
                    .fold(0.0, f32::max);
                let need = Mono.width(Face::Regular, 7.0, f).max(word) + pad;
                assert!(w[i + 1] >= need - 0.01, "column {}: {w:?}", i + 1);
                assert!(texts.iter().any(|s| s == f), "{f} whole in {texts:?}");
            }
            for word in ["Indicator", "Target", "End-of-", "project", "target", "Progress"] {
                assert!(
                    texts.iter().any(|s| s.split(' ').any(|x| x == word)),
                    "{word} whole in {texts:?}"
                );
            }
            // The long word is broken inside its own column, which is no
            // narrower than without it.
            assert!(w[0] >= natural[0] - 0.01, "{w:?} against {natural:?}");
            let widest = texts
                .iter()
                .map(|s| Mono.width(Face::Regular, 7.0, s))
                .fold(0.0, f32::max);
            assert!(widest <= w[0] - pad + 0.01, "{texts:?} in {w:?}");
        }
    }

    #[test]
    fn a_url_breaks_after_its_slashes_and_dots() {
        let url = "https://sherloc.unodc.org/cld/en/v3/sherloc/cldb/index.html";
        let lines = break_lines(&Mono, &[Run::regular(format!("in {url}"))], 10.0, 100.0);
        let t: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(
            t,
            [
                "in https://sherloc.",
                "unodc.org/cld/en/v3/",
                "sherloc/cldb/index.",
                "html"
            ]
        );
        assert!(lines.iter().all(|l| l.width <= 100.0));
        // Short words with dots or slashes are never split.
        let t: Vec<String> = break_lines(&Mono, &[Run::regular("76.9% (20/26) ok")], 10.0, 40.0)
            .iter()
            .map(Line::text)
            .collect();
        assert_eq!(t, ["76.9%", "(20/26)", "ok"]);
    }

    #[test]
    fn a_header_word_is_never_split() {
        // "Progression" (French) is wider than the 44-point bar column.
        let t = figures_table("Nombre d'enquêtes", "Progression");
        let (texts, w) = lay_table(t);
        assert!(w[7] >= Mono.width(Face::Bold, 7.0, "Progression") + 2.0 * CELL_PAD_X);
        assert!(texts.iter().any(|s| s == "Progression"), "{texts:?}");
        // Still so in a table too wide for its long words: the header words
        // and figures keep their width, the title column's URL gives way.
        let title = format!(
            "{}https://sherloc.unodc.org/cld/en/v3/index.html",
            "investigation ".repeat(40)
        );
        let mut t = figures_table(&title, "Progression");
        let soft_min = column_widths(&Mono, &t, 1e6);
        assert!(soft_min[0] >= LONG_WORD_EM * 7.0);
        for c in 0..4 {
            t.header.push(format!("Progressions{c}"));
            t.columns.push(Column {
                align: Align::Right,
                fixed: None,
            });
            t.rows[0].push(Cell::text("1,234,567.89"));
        }
        let (texts, w) = lay_table(t);
        assert!((w.iter().sum::<f32>() - a4().body_width()).abs() < 0.01, "{w:?}");
        for c in 0..4 {
            assert!(texts.iter().any(|s| *s == format!("Progressions{c}")), "{texts:?}");
        }
        assert_eq!(texts.iter().filter(|s| *s == "1,234,567.89").count(), 4);
        for f in ["29.98", "103.4%", "88.6%", "Progression", "Target", "project"] {
            assert!(
                texts.iter().any(|s| s.split(' ').any(|x| x == f)),
                "{f} whole in {texts:?}"
            );
        }
        assert!(w[0] < LONG_WORD_EM * 7.0, "the title column gave way: {w:?}");
    }

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

    #[test]
    fn ellipsis_cuts_to_the_width() {
        assert_eq!(ellipsize(&Mono, Face::Regular, 10.0, "abcdef", 30.0), "abcdef");
        assert_eq!(ellipsize(&Mono, Face::Regular, 10.0, "abc defgh", 30.0), "abc d…");
        assert_eq!(ellipsize(&Mono, Face::Regular, 10.0, "abcdefgh", 1.0), "…");
    }
}
