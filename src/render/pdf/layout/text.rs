//! Text: words measured, lines broken greedily (at spaces, after a hyphen
//! inside a word, inside a URL after its punctuation, and as a last resort
//! between characters) and single lines cut with an ellipsis. Tables size
//! their columns from the same words ([`tokens`]), so that a column never
//! asks for a width its lines would not use.

use super::{Face, Measure, Run};

/// A piece of one line: text in one face starting at `x`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Piece {
    pub x: f32,
    pub face: Face,
    pub text: String,
    pub width: f32,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Line {
    pub pieces: Vec<Piece>,
    pub width: f32,
}

impl Line {
    /// The line's text, a space between pieces that have a gap.
    #[cfg(test)]
    pub(crate) fn text(&self) -> String {
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
pub(super) struct Token {
    pub(super) segs: Vec<(Face, String)>,
    /// Preceded by a space.
    pub(super) space_before: bool,
    /// A line may break before it (after a space, or after a hyphen).
    break_before: bool,
}

pub(super) fn tokens(runs: &[Run]) -> Vec<Token> {
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
pub(crate) fn break_lines(m: &dyn Measure, runs: &[Run], size: f32, width: f32) -> Vec<Line> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::layout::testing::Mono;

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
    fn ellipsis_cuts_to_the_width() {
        assert_eq!(ellipsize(&Mono, Face::Regular, 10.0, "abcdef", 30.0), "abcdef");
        assert_eq!(ellipsize(&Mono, Face::Regular, 10.0, "abc defgh", 30.0), "abc d…");
        assert_eq!(ellipsize(&Mono, Face::Regular, 10.0, "abcdefgh", 1.0), "…");
    }
}
