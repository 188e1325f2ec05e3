//! Markdown reports from minijinja templates.
//!
//! Templates are compiled into the binary and overridable one file at a
//! time: a file of the same name in one of the override folders wins. Every
//! value a template prints is escaped for Markdown (CommonMark + GFM tables)
//! unless marked `|safe`; undefined variables are errors, not blanks.
//!
//! A framework's templates are user input like its YAML: a render has a
//! budget ([`FUEL`] steps of the template engine, [`RECURSION_LIMIT`] levels
//! of includes, macros and loops), so a template that loops for ever fails
//! with an error naming it instead of hanging the report; and an override
//! file must resolve inside its folder, so a symlink cannot pull any file of
//! the machine into a donor report.
//!
//! A broken template is reported like a broken logframe.yaml: the
//! template's text goes into the run's [`Sources`] and the diagnostic points
//! at the place minijinja names (`tpl/funding.md.j2:7:4`), in plain words,
//! exit 1. Override files are read here, not by minijinja: a file that is
//! not UTF-8 gets the shared encoding diagnostic, and a line longer than
//! [`MAX_TEMPLATE_LINE`] is refused before minijinja's 16-bit column
//! counter can overflow on it. The runtime limits keep exit 2.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, Output, State, UndefinedBehavior, Value};

use crate::diag::Diagnostic;
use crate::diag::FailureKind;
use crate::report::Report;
use crate::source::{FileId, Sources, Span};
use crate::text_file::read_text;

/// Fuel for one report render: about one unit per template instruction and
/// per 64 bytes of text made. Measured with the built-in templates: the
/// STARSOM report uses about 6,300, a 120-indicator report with five-way
/// disaggregation about 125,000 (roughly 1,000 per indicator). Five million
/// leaves forty times that, and stops a runaway template within seconds
/// and about 300 MB of text.
pub const FUEL: u64 = 5_000_000;

/// Nesting depth of includes, macros, loops and conditions in one render.
/// The built-in templates nest about ten deep.
pub const RECURSION_LIMIT: usize = 100;

/// The built-in templates, by file name.
pub const BUILTIN: &[(&str, &str)] = &[
    ("report.md.j2", include_str!("../templates/report.md.j2")),
    ("gac.md.j2", include_str!("../templates/gac.md.j2")),
    ("body.md.j2", include_str!("../templates/body.md.j2")),
    ("title.md.j2", include_str!("../templates/title.md.j2")),
    ("summary.md.j2", include_str!("../templates/summary.md.j2")),
    ("result.md.j2", include_str!("../templates/result.md.j2")),
    ("narrative.md.j2", include_str!("../templates/narrative.md.j2")),
    ("annex.md.j2", include_str!("../templates/annex.md.j2")),
    ("funding.md.j2", include_str!("../templates/funding.md.j2")),
    ("gender.md.j2", include_str!("../templates/gender.md.j2")),
    ("risks.md.j2", include_str!("../templates/risks.md.j2")),
    ("workplan.md.j2", include_str!("../templates/workplan.md.j2")),
    ("portfolio.md.j2", include_str!("../templates/portfolio.md.j2")),
];

/// Escape user text for inline Markdown, inside or outside a table cell:
/// line breaks become spaces, and characters that would start markup or
/// end a table cell are backslash-escaped.
pub fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_inline_into(&mut out, s);
    out
}

/// [`escape_inline`], appended to `out` (a report fills thousands of
/// cells: no copy of each on the way).
fn escape_inline_into(out: &mut String, s: &str) {
    let mut after_cr = false;
    for (i, c) in s.chars().enumerate() {
        // `\r\n` is one line break, one space.
        if c == '\n' && after_cr {
            after_cr = false;
            continue;
        }
        after_cr = c == '\r';
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '<' | '>' | '[' | ']' | '|' | '&' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // Markers that only count at the start of a line.
            '#' | '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
}

fn markdown_formatter(out: &mut Output, state: &mut State, value: &Value) -> Result<(), Error> {
    if value.is_safe() || !matches!(state.auto_escape(), AutoEscape::Custom(_)) {
        let plain = AutoEscape::None;
        let mode = if value.is_safe() { &plain } else { state.auto_escape() };
        if matches!(mode, AutoEscape::None) {
            return write!(out, "{value}").map_err(|e| Error::new(ErrorKind::WriteFailure, e.to_string()));
        }
        return minijinja::escape_formatter(out, state, value);
    }
    if value.is_none() {
        return Ok(());
    }
    let mut escaped = String::new();
    match value.as_str() {
        Some(text) => escape_inline_into(&mut escaped, text),
        None => escape_inline_into(&mut escaped, &value.to_string()),
    }
    out.write_str(&escaped)
        .map_err(|e| Error::new(ErrorKind::WriteFailure, e.to_string()))
}

/// The longest line a user's template may have, in characters. minijinja
/// counts columns in 16 bits: a line over 65,535 characters overflows the
/// counter (a panic in debug builds, wrong columns in release). No one
/// writes a template line of more than a few hundred characters (the
/// built-in ones stay under 300); 10,000 leaves room for a long table row
/// or a pasted paragraph and stays far under the counter's limit.
pub const MAX_TEMPLATE_LINE: usize = 10_000;

/// How to save a template as UTF-8, for the shared encoding diagnostic.
const SAVE_AS_UTF8: &str =
    "save the template as UTF-8 (in most editors: Save As, Encoding: UTF-8), or delete it to use the built-in one";

/// The user's template files read during one render, by template name, and
/// the problem that stopped one from being read.
#[derive(Default)]
struct Reads {
    files: Vec<(String, PathBuf, String)>,
    refused: Option<Refused>,
}

/// A template file refused before minijinja saw it.
struct Refused {
    path: PathBuf,
    /// The text the diagnostic's span points into, if it has one.
    shown: Option<String>,
    diagnostic: Diagnostic,
    kind: FailureKind,
}

/// A template problem, ready to print: the diagnostic (its span points into
/// the [`Sources`] given to [`render_report`]) and the exit code it calls for.
#[derive(Debug)]
pub struct TemplateProblem {
    pub diagnostic: Diagnostic,
    pub kind: FailureKind,
}

/// Build the environment; `overrides` are searched in order before the
/// built-in templates.
pub fn environment(overrides: Vec<PathBuf>) -> Environment<'static> {
    environment_reading(overrides, Arc::default())
}

fn environment_reading(overrides: Vec<PathBuf>, reads: Arc<Mutex<Reads>>) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_syntax(
        SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .expect("valid syntax"),
    );
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".md.j2") || name.ends_with(".md") {
            AutoEscape::Custom("markdown".into())
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(markdown_formatter);
    env.set_fuel(Some(FUEL));
    env.set_recursion_limit(RECURSION_LIMIT);
    env.set_loader(move |name| {
        if name.contains(['/', '\\']) || name.starts_with('.') {
            return Ok(None);
        }
        for dir in &overrides {
            let p = dir.join(name);
            if p.is_file() {
                return read_override(dir, &p, name, &reads).map(Some);
            }
        }
        Ok(BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, t)| t.to_string()))
    });
    env
}

fn lock(reads: &Mutex<Reads>) -> std::sync::MutexGuard<'_, Reads> {
    reads.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// An override template's text, if the file resolves inside `dir`, is
/// UTF-8 text and has no line longer than [`MAX_TEMPLATE_LINE`]. A refused
/// file is recorded in `reads` with its diagnostic; minijinja gets an error
/// that only stops the render.
fn read_override(dir: &Path, path: &Path, name: &str, reads: &Mutex<Reads>) -> Result<String, Error> {
    let refuse = |refused: Refused| {
        let message = refused.diagnostic.message.clone();
        lock(reads).refused.get_or_insert(refused);
        Err(Error::new(ErrorKind::InvalidOperation, message))
    };
    let unreadable = |e: std::io::Error, what: &str, p: &Path| Refused {
        path: path.to_path_buf(),
        shown: None,
        diagnostic: Diagnostic::error(format!("cannot read template {what} {}: {e}", p.display()))
            .expected("a readable file")
            .found(e.kind().to_string())
            .hint("check that the file is readable, or delete it to use the built-in one"),
        kind: FailureKind::Usage,
    };
    let real = match path.canonicalize() {
        Ok(r) => r,
        Err(e) => return refuse(unreadable(e, "file", path)),
    };
    let folder = match dir.canonicalize() {
        Ok(f) => f,
        Err(e) => return refuse(unreadable(e, "folder", dir)),
    };
    if !real.starts_with(&folder) {
        return refuse(Refused {
            path: path.to_path_buf(),
            shown: None,
            diagnostic: Diagnostic::error(format!(
                "template error: template {} resolves to {}, outside {}; templates are read only from inside their folder",
                path.display(),
                real.display(),
                dir.display()
            ))
            .hint("copy the template into the folder instead of linking to it; nothing was written"),
            kind: FailureKind::Usage,
        });
    }
    let mut local = Sources::default();
    match read_text(path, &mut local, SAVE_AS_UTF8) {
        Err(d) => {
            let shown = d.span.map(|s| local.get(s.file).text.clone());
            let kind = if d.span.is_some() {
                FailureKind::Findings
            } else {
                FailureKind::Usage
            };
            let diagnostic = Diagnostic {
                message: format!("template {}", d.message),
                ..d
            };
            refuse(Refused {
                path: path.to_path_buf(),
                shown,
                diagnostic,
                kind,
            })
        }
        Ok(id) => {
            let text = local.get(id).text.clone();
            if let Some(d) = long_line(path, &local, id) {
                return refuse(Refused {
                    path: path.to_path_buf(),
                    shown: Some(text),
                    diagnostic: d,
                    kind: FailureKind::Findings,
                });
            }
            lock(reads)
                .files
                .push((name.to_string(), path.to_path_buf(), text.clone()));
            Ok(text)
        }
    }
}

/// The first line of the file longer than [`MAX_TEMPLATE_LINE`], located at
/// its first character past the limit.
fn long_line(path: &Path, sources: &Sources, id: FileId) -> Option<Diagnostic> {
    let file = sources.get(id);
    let (line, len) = file
        .text
        .split('\n')
        .map(|l| l.chars().count())
        .enumerate()
        .find(|&(_, n)| n > MAX_TEMPLATE_LINE)?;
    let start = file.offset_of(line + 1, MAX_TEMPLATE_LINE + 1);
    let end = file.offset_of(line + 2, 1);
    Some(
        Diagnostic::error(format!(
            "template {}: line {} is {len} characters long",
            path.display(),
            line + 1
        ))
        .at(Span::new(id, start, end))
        .label("the line goes on past here")
        .expected(format!("template lines of at most {MAX_TEMPLATE_LINE} characters"))
        .found(format!("a line of {len} characters"))
        .hint(
            "break the line: text between tags can go on the next line, and a long `{{ ... }}` or `{% ... %}` can be split over lines inside its braces",
        ),
    )
}

/// Render `report` with the template `name`, reading the user's templates
/// in `overrides`. Any problem with a template is a diagnostic located in
/// the user's file (its text is added to `sources`) when the template
/// engine says where, with the exit code it calls for: 1 for a mistake in
/// a template, 2 for a file that cannot be read or a render over its
/// budget.
pub fn render_report(
    report: &Report,
    name: &str,
    overrides: Vec<PathBuf>,
    sources: &mut Sources,
) -> Result<String, TemplateProblem> {
    let reads: Arc<Mutex<Reads>> = Arc::default();
    let env = environment_reading(overrides, reads.clone());
    let result = env
        .get_template(name)
        .and_then(|t| t.render(Value::from(Serde(report))));
    drop(env);
    let err = match result {
        Ok(text) => return Ok(text),
        Err(e) => e,
    };
    let mut reads = lock(&reads);
    if let Some(refused) = reads.refused.take() {
        let mut diagnostic = refused.diagnostic;
        if let (Some(shown), Some(span)) = (refused.shown, diagnostic.span.as_mut()) {
            span.file = sources.add(refused.path, shown);
        }
        return Err(TemplateProblem {
            diagnostic,
            kind: refused.kind,
        });
    }
    Err(located_error(&err, &reads.files, sources))
}

/// Every error in `e`'s chain of causes, outermost first. Errors inside an
/// include are wrapped by the include; the innermost one says what happened.
fn chain(e: &Error) -> Vec<&Error> {
    let mut all = vec![e];
    let mut cur = e;
    while let Some(next) = std::error::Error::source(cur).and_then(|s| s.downcast_ref::<Error>()) {
        all.push(next);
        cur = next;
    }
    all
}

/// A minijinja error as a diagnostic at its place in the user's template
/// (the innermost place in the chain that is in a user's file).
fn located_error(e: &Error, files: &[(String, PathBuf, String)], sources: &mut Sources) -> TemplateProblem {
    let errors = chain(e);
    let inner = errors[errors.len() - 1];
    let place = errors.iter().rev().find_map(|err| {
        let name = err.name()?;
        let (_, path, text) = files.iter().find(|(n, _, _)| n == name)?;
        let range = err
            .range()
            .filter(|r| r.start <= r.end && r.end <= text.len())
            .filter(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        if range.is_none() && err.line().is_none() {
            return None;
        }
        Some((*err, path, text, range))
    });
    let mut d = plain_words(inner);
    let limit = matches!(inner.kind(), ErrorKind::OutOfFuel) || is_recursion(inner);
    let Some((err, path, text, range)) = place else {
        return match used_builtin(&errors, files) {
            Some((builtin, line, path, text, range)) => {
                let id = sources.add(path.clone(), text.clone());
                let at = line.map_or_else(String::new, |l| format!(" at its line {l}"));
                let diagnostic = Diagnostic {
                    message: format!("{} (the built-in template{at}, used here)", d.message),
                    hint: Some(format!(
                        "the built-in `{builtin}` needs the values the built-in templates give it where they use it; use it as they do (`logframe templates export DIR` writes them out), or copy what you need from it; nothing was written"
                    )),
                    ..d
                }
                .at(Span::new(id, range.start, range.end))
                .label(format!("`{builtin}` fails{at}"));
                TemplateProblem {
                    diagnostic,
                    kind: if limit {
                        FailureKind::Usage
                    } else {
                        FailureKind::Findings
                    },
                }
            }
            None => TemplateProblem {
                diagnostic: d,
                kind: FailureKind::Usage,
            },
        };
    };
    let id = sources.add(path.clone(), text.clone());
    let file = sources.get(id);
    let range = range.unwrap_or_else(|| {
        // Only the line: point at its first non-blank character.
        let start = file.offset_of(err.line().unwrap_or(1), 1);
        let line = file.line_text(file.line_col(start as u32).0);
        let indent = line.len() - line.trim_start().len();
        let end = start + line.len();
        (start + indent).min(end)..end
    });
    d = d.at(Span::new(id, range.start, range.end));
    if let Some(name) = err.name() {
        d.message = d.message.replacen(
            "template error in a template:",
            &format!("template error in {name}:"),
            1,
        );
    }
    TemplateProblem {
        diagnostic: d,
        kind: if limit {
            FailureKind::Usage
        } else {
            FailureKind::Findings
        },
    }
}

/// For an error inside a built-in template that a user's template uses
/// (`{% extends %}`, `{% include %}`, `{% import %}`): the built-in's name,
/// the line there, and the place in the user's file that names it.
type UsedBuiltin<'a> = (&'a str, Option<usize>, &'a PathBuf, &'a String, std::ops::Range<usize>);

fn used_builtin<'a>(errors: &[&'a Error], files: &'a [(String, PathBuf, String)]) -> Option<UsedBuiltin<'a>> {
    let err = errors.iter().rev().find(|e| e.name().is_some())?;
    let builtin = err.name()?;
    BUILTIN.iter().find(|(n, _)| *n == builtin)?;
    // An include of a user's template wraps the error with its own place;
    // an `extends` does not, so it is the likely culprit: looked for first.
    let mut found: Vec<(bool, UsedBuiltin<'a>)> = Vec::new();
    for (_, path, text) in files {
        for q in ['"', '\''] {
            let quoted = format!("{q}{builtin}{q}");
            for (at, _) in text.match_indices(&quoted) {
                let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                let before = &text[line_start..at];
                if let Some(tag) = before.rfind("{%") {
                    let extends = before[tag..].contains("extends");
                    found.push((!extends, (builtin, err.line(), path, text, at..at + quoted.len())));
                }
            }
        }
    }
    found.sort_by_key(|(not_extends, (_, _, path, _, range))| (*not_extends, (*path).clone(), range.start));
    found.into_iter().next().map(|(_, used)| used)
}

fn is_recursion(e: &Error) -> bool {
    e.detail().is_some_and(|d| d.contains("recursion"))
}

/// What went wrong, in the user's words: message, expected, found, hint.
fn plain_words(inner: &Error) -> Diagnostic {
    let name = inner.name().unwrap_or("a template");
    let detail = inner.detail().map_or_else(|| inner.kind().to_string(), str::to_string);
    let delete = "or delete the file to use the built-in template; nothing was written";
    let header = |what: &str| Diagnostic::error(format!("template error in {name}: {what}"));
    match inner.kind() {
        ErrorKind::OutOfFuel => header("the template does too much work")
            .expected(format!("a report rendered within {FUEL} steps of the template engine"))
            .found("a loop, or text, that would take too long to make")
            .hint("look for large `range(...)` loops or nested loops in the template; nothing was written"),
        _ if is_recursion(inner) => header("includes or macros nest too deep")
            .expected(format!(
                "at most {RECURSION_LIMIT} levels of includes, macros and loops"
            ))
            .found(detail)
            .hint("look for a template that includes itself or a macro that calls itself; nothing was written"),
        ErrorKind::SyntaxError => syntax_words(name, &detail),
        ErrorKind::UndefinedError => header("a value the report does not have")
            .expected("names the report provides (`logframe report --format json` shows them all)")
            .found(detail)
            .hint(format!("check the spelling of the name at the place shown, {delete}")),
        ErrorKind::UnknownFilter | ErrorKind::UnknownTest | ErrorKind::UnknownFunction | ErrorKind::UnknownMethod => {
            header(&detail)
                .expected("a filter, test or function of minijinja (Jinja2), spelt as in its documentation")
                .found(detail.clone())
                .hint(format!("check the spelling at the place shown, {delete}"))
        }
        ErrorKind::TemplateNotFound | ErrorKind::BadInclude => header("an included template is not there")
            .expected(
                "the file name of a built-in template, or of a template in the override folders (no folders or paths)",
            )
            .found(detail)
            .hint(format!(
                "include templates by file name only, e.g. `{{% include \"result.md.j2\" %}}`, {delete}"
            )),
        _ => header(&detail)
            .expected("a template that the report's values can fill")
            .found(detail.clone())
            .hint(format!("fix the template at the place shown, {delete}")),
    }
}

/// A syntax error in plain words, from minijinja's detail.
fn syntax_words(name: &str, detail: &str) -> Diagnostic {
    let d = Diagnostic::error(format!("template error in {name}: {detail}"));
    let delete = "or delete the file to use the built-in template; nothing was written";
    if let Some(stmt) = detail.strip_prefix("unknown statement ") {
        if let Some(opened) = stmt.strip_prefix("end").filter(|o| !o.is_empty()) {
            return d
                .label(format!("no `{{% {opened} %}}` is open here"))
                .expected(format!(
                    "a `{{% {stmt} %}}` closes an `{{% {opened} %}}` opened earlier in the same template"
                ))
                .found(format!("`{{% {stmt} %}}` with no open `{{% {opened} %}}` before it"))
                .hint(format!(
                    "remove this `{{% {stmt} %}}`, or add the `{{% {opened} ... %}}` it should close, {delete}"
                ));
        }
        let known = [
            "if",
            "elif",
            "else",
            "for",
            "set",
            "include",
            "import",
            "from",
            "extends",
            "block",
            "macro",
            "call",
            "with",
            "filter",
            "raw",
            "autoescape",
            "break",
            "continue",
        ];
        let hint = crate::diag::did_you_mean(stmt, known)
            .unwrap_or_else(|| "write text that is not a statement outside `{% %}`".to_string());
        return d
            .expected(format!("a statement: {}", known.join(", ")))
            .found(format!("`{{% {stmt}`"))
            .hint(format!("{hint}; {delete}"));
    }
    if detail.starts_with("unexpected end of block") {
        return d
            .label("the statement ends here")
            .expected("a complete statement before `%}`, e.g. a condition after `if`, `x in items` after `for`")
            .found(format!("`%}}` too early: {detail}"))
            .hint(format!("complete the statement, or remove it, {delete}"));
    }
    if detail.starts_with("unexpected end of variable block") {
        return d
            .label("the value ends here")
            .expected("a value between `{{` and `}}`, e.g. `{{ project.title }}`")
            .found(format!("`}}}}` too early: {detail}"))
            .hint(format!("write the value to print, or remove the braces, {delete}"));
    }
    if detail.starts_with("unexpected end of input") {
        return d
            .expected("every `{{` closed by `}}`, `{%` by `%}`, `{#` by `#}`, and every block closed by its end tag")
            .found(format!("the end of the template: {detail}"))
            .hint(format!("close what is still open at the end of the template, {delete}"));
    }
    d.expected("a template in minijinja (Jinja2) syntax")
        .found(detail.to_string())
        .hint(format!("fix the template at the place shown, {delete}"))
}

/// Render `report` with the template `name` (e.g. `report.md.j2`).
pub fn render(report: &Report, name: &str, overrides: Vec<PathBuf>) -> Result<String, Error> {
    render_counting_fuel(report, name, overrides).map(|(text, _)| text)
}

/// Render, and say how much of the [`FUEL`] the render consumed (for the
/// tests that keep the budget generous for real reports).
pub fn render_counting_fuel(report: &Report, name: &str, overrides: Vec<PathBuf>) -> Result<(String, u64), Error> {
    let env = environment(overrides);
    let t = env.get_template(name)?;
    let captured = t.render_captured(Value::from(Serde(report)))?;
    let used = captured.state().fuel_levels().map_or(0, |(consumed, _)| consumed);
    Ok((captured.into_output(), used))
}

#[cfg(test)]
mod tests {
    use super::escape_inline;

    /// Markup characters are escaped, line breaks (`\r\n`, `\n`, `\r`)
    /// become one space each, and line-start markers only at the start.
    #[test]
    fn inline_text_is_escaped_and_kept_on_one_line() {
        for (text, escaped) in [
            ("", ""),
            ("1,234.5", "1,234.5"),
            ("a|b", "a\\|b"),
            (
                "*bold* _it_ `code` <b> [l](u) & ~x~ \\",
                "\\*bold\\* \\_it\\_ \\`code\\` \\<b\\> \\[l\\](u) \\& \\~x\\~ \\\\",
            ),
            ("# title", "\\# title"),
            ("- item", "\\- item"),
            ("a - b + c = d # e", "a - b + c = d # e"),
            ("one\r\ntwo\nthree\rfour", "one two three four"),
            ("\r\r\n\n\r", "    "),
            ("\n- after a break", " - after a break"),
            ("Pérou – ½", "Pérou – ½"),
        ] {
            assert_eq!(escape_inline(text), escaped, "{text:?}");
        }
    }
}
