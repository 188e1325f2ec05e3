//! Diagnostics: errors and warnings as located values.
//!
//! Nothing in the engine prints or stops at the first problem. Every stage
//! returns its output plus a list of [`Diagnostic`]s; the CLI sorts them by
//! file and line and prints them together, rustc-style, through
//! codespan-reporting. Each diagnostic states what was expected, what was
//! found, and ends with one thing the user can do.

use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, Chars, Config};
use serde::Serialize;

use crate::source::{FileId, Sources, Span};

/// Why a use case stopped before producing its result: the faces map it
/// to an exit code (1, 2) or an HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The input (a framework, a ledger, an import file, a template) has
    /// errors that point into it.
    Findings,
    /// The request itself cannot be served: a wrong argument, a missing
    /// or unreadable file, a folder that cannot be written, a limit hit.
    Usage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One finding about the user's input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    pub span: Option<Span>,
    /// A short label under the caret; defaults to the `found` text.
    pub label: Option<String>,
    pub expected: Option<String>,
    pub found: Option<String>,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span: None,
            label: None,
            expected: None,
            found: None,
            hint: None,
        }
    }

    /// An unknown name where one of `names` was expected: ``unknown
    /// status `donee` ``, with a suggestion.
    pub fn unknown_choice(what: &str, found: &str, names: &[&str]) -> Diagnostic {
        Diagnostic::error(format!("unknown {what} `{found}`"))
            .expected(format!("one of {}", names.join(", ")))
            .found(format!("`{found}`"))
            .hint(
                did_you_mean(found, names.iter().copied())
                    .unwrap_or_else(|| format!("use one of {}", names.join(", "))),
            )
    }

    pub fn warning(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    pub fn at(mut self, span: Span) -> Diagnostic {
        self.span = Some(span);
        self
    }

    pub fn at_opt(mut self, span: Option<Span>) -> Diagnostic {
        self.span = span.or(self.span);
        self
    }

    pub fn expected(mut self, text: impl Into<String>) -> Diagnostic {
        self.expected = Some(text.into());
        self
    }

    pub fn found(mut self, text: impl Into<String>) -> Diagnostic {
        self.found = Some(text.into());
        self
    }

    pub fn hint(mut self, text: impl Into<String>) -> Diagnostic {
        self.hint = Some(text.into());
        self
    }

    pub fn label(mut self, text: impl Into<String>) -> Diagnostic {
        self.label = Some(text.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Diagnostics gathered by one stage.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn errors(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.0.len() - self.errors()
    }

    /// Order by file, then position, then message; located ones first.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (a.span.is_none(), a.span, a.severity, &a.message).cmp(&(b.span.is_none(), b.span, b.severity, &b.message))
        });
        self.0.dedup();
    }

    /// Render all diagnostics, then a one-line summary.
    pub fn render(&self, sources: &Sources) -> String {
        let mut out = String::new();
        for d in &self.0 {
            out.push_str(&render(d, sources));
        }
        if !self.0.is_empty() {
            out.push_str(&format!(
                "{} error{}, {} warning{}\n",
                self.errors(),
                plural(self.errors()),
                self.warnings(),
                plural(self.warnings())
            ));
        }
        out
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Render one diagnostic like rustc: message, `--> file:line:col`, the line
/// with a caret, then `= expected`, `= found`, `= hint` notes.
pub fn render(d: &Diagnostic, sources: &Sources) -> String {
    let mut cs = match d.severity {
        Severity::Error => CsDiagnostic::error(),
        Severity::Warning => CsDiagnostic::warning(),
    }
    .with_message(&d.message);
    // A hostile or broken file can hold a line of megabytes: quoting it (and
    // a caret under each of its characters) would bury the message, so such
    // a line is named by its place and length instead of printed.
    let long_line = d.span.and_then(|span| {
        let f = sources.get(span.file);
        let (line, col) = f.line_col(span.start.min(f.text.len() as u32));
        let chars = f.line_text(line).chars().count();
        (chars > MAX_QUOTED_LINE).then(|| format!("{}:{line}:{col}", f.name))
    });
    if let Some(span) = d.span.filter(|_| long_line.is_none()) {
        let label = d.label.clone().or_else(|| d.found.clone()).unwrap_or_default();
        let end = if span.end > span.start {
            span.end
        } else {
            span.start + 1
        };
        let len = sources.get(span.file).text.len() as u32;
        let range = (span.start.min(len) as usize)..(end.min(len.max(span.start)) as usize);
        cs = cs.with_labels(vec![Label::primary(span.file, range).with_message(label)]);
    }
    let mut notes = Vec::new();
    if let Some(e) = &d.expected {
        notes.push(format!("expected: {e}"));
    }
    if let Some(f) = &d.found {
        notes.push(format!("found: {}", clip(f)));
    }
    if let Some(h) = &d.hint {
        notes.push(format!("hint: {h}"));
    }
    cs = cs.with_notes(notes);
    let config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    let text = term::emit_into_string(&config, sources, &cs).unwrap_or_else(|_| format!("{}\n", d.message));
    match long_line {
        // The place goes where codespan would have put it: under the message.
        Some(place) => match text.split_once('\n') {
            Some((first, rest)) => {
                format!(
                    "{first}\n  --> {place}\n = the line is longer than {MAX_QUOTED_LINE} characters: not quoted\n{rest}"
                )
            }
            None => text,
        },
        None => text,
    }
}

/// Lines longer than this are located, not quoted.
const MAX_QUOTED_LINE: usize = 500;

/// A `found` text of a huge cell, shortened to its start and end.
fn clip(text: &str) -> std::borrow::Cow<'_, str> {
    const KEEP: usize = 200;
    let n = text.chars().count();
    if n <= 2 * KEEP {
        return text.into();
    }
    let head: String = text.chars().take(KEEP).collect();
    let tail: String = text.chars().skip(n - KEEP).collect();
    format!("{head}… ({} characters) …{tail}", n).into()
}

impl<'a> Files<'a> for Sources {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        Ok(&self.get(id).name)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        Ok(&self.get(id).text)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        Ok(self.get(id).line_col(byte_index as u32).0 - 1)
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        let file = self.get(id);
        let start = file.offset_of(line_index + 1, 1);
        let end = start + file.line_text(line_index + 1).len();
        Ok(start..end)
    }
}

/// "did you mean ...?" for a misspelt name among the candidates.
pub fn did_you_mean<'a>(found: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let lower = found.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&lower, &c.to_lowercase()), c))
        .filter(|&(d, c)| d <= 2.max(c.len() / 3) && d < c.len().max(1))
        .min()
        .map(|(_, c)| format!("did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn renders_location_expected_found_hint() {
        let mut sources = Sources::default();
        let id = sources.add(
            PathBuf::from("m.csv"),
            "indicator,period,value\n1.1,2022-Q1,3,5\n".into(),
        );
        let d = Diagnostic::error("value is not a number")
            .at(Span::new(id, 36, 39))
            .expected("a number with `.` as decimal point")
            .found("`3,5`")
            .hint("write 3.5");
        let text = render(&d, &sources);
        assert!(text.contains("error: value is not a number"), "{text}");
        assert!(text.contains("m.csv:2:14"), "{text}");
        assert!(text.contains("= expected: a number"), "{text}");
        assert!(text.contains("= hint: write 3.5"), "{text}");
    }

    /// A cell of 200,000 characters printed about 800 kB of diagnostic (the
    /// line, a caret per character, the cell again as `found`).
    #[test]
    fn a_huge_line_is_located_not_quoted() {
        let mut sources = Sources::default();
        let cell = "a".repeat(200_000);
        let id = sources.add(
            PathBuf::from("m.csv"),
            format!("indicator,period,value\n1.1,2022-Q1,{cell}\n"),
        );
        let d = Diagnostic::error("value is not a number")
            .at(Span::new(id, 35, 35 + cell.len()))
            .found(format!("`{cell}`"))
            .hint("write a number");
        let text = render(&d, &sources);
        assert!(text.len() < 2_000, "{} bytes", text.len());
        assert!(text.contains("--> m.csv:2:13"), "{text}");
        assert!(text.contains("(200002 characters)"), "{text}");
        assert!(text.contains("= hint: write a number"), "{text}");
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            did_you_mean("targest", ["targets", "title"]).as_deref(),
            Some("did you mean `targets`?")
        );
        assert_eq!(did_you_mean("zzz", ["targets", "title"]), None);
    }
}
