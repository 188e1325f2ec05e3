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

use std::path::{Path, PathBuf};

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, Output, State, UndefinedBehavior, Value};

use crate::diag::Diagnostic;
use crate::report::Report;

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
    ("title.md.j2", include_str!("../templates/title.md.j2")),
    ("summary.md.j2", include_str!("../templates/summary.md.j2")),
    ("result.md.j2", include_str!("../templates/result.md.j2")),
    ("narrative.md.j2", include_str!("../templates/narrative.md.j2")),
    ("annex.md.j2", include_str!("../templates/annex.md.j2")),
    ("funding.md.j2", include_str!("../templates/funding.md.j2")),
];

/// Escape user text for inline Markdown, inside or outside a table cell:
/// line breaks become spaces, and characters that would start markup or
/// end a table cell are backslash-escaped.
pub fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let one_line = s.replace("\r\n", " ").replace(['\n', '\r'], " ");
    for (i, c) in one_line.chars().enumerate() {
        match c {
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
    out
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
    out.write_str(&escape_inline(&value.to_string()))
        .map_err(|e| Error::new(ErrorKind::WriteFailure, e.to_string()))
}

/// Build the environment; `overrides` are searched in order before the
/// built-in templates.
pub fn environment(overrides: Vec<PathBuf>) -> Environment<'static> {
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
                return read_override(dir, &p).map(Some);
            }
        }
        Ok(BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, t)| t.to_string()))
    });
    env
}

/// An override template's text, if the file resolves inside `dir`.
fn read_override(dir: &Path, path: &Path) -> Result<String, Error> {
    let fail = |msg: String| Error::new(ErrorKind::InvalidOperation, msg);
    let real = path
        .canonicalize()
        .map_err(|e| fail(format!("cannot read template {}: {e}", path.display())))?;
    let folder = dir
        .canonicalize()
        .map_err(|e| fail(format!("cannot read template folder {}: {e}", dir.display())))?;
    if !real.starts_with(&folder) {
        return Err(fail(format!(
            "template {} resolves to {}, outside {}; templates are read only from inside their folder",
            path.display(),
            real.display(),
            dir.display()
        )));
    }
    std::fs::read_to_string(&real).map_err(|e| fail(format!("cannot read template {}: {e}", path.display())))
}

/// A render error in the user's terms: which template, what went wrong,
/// and that nothing was written. Errors inside an include are wrapped by
/// the include; the innermost one says what happened.
pub fn template_error(e: &Error) -> Diagnostic {
    let inner = innermost(e);
    let place = match (inner.name(), inner.line()) {
        (Some(n), Some(l)) => format!("{n}, line {l}"),
        (Some(n), None) => n.to_string(),
        _ => "a template".to_string(),
    };
    let detail = inner.detail().map_or_else(|| inner.kind().to_string(), str::to_string);
    match inner.kind() {
        ErrorKind::OutOfFuel => {
            Diagnostic::error(format!("template error in {place}: the template does too much work"))
                .expected(format!("a report rendered within {FUEL} steps of the template engine"))
                .found("a loop, or text, that would take too long to make")
                .hint("look for large `range(...)` loops or nested loops in the template; nothing was written")
        }
        _ if detail.contains("recursion") => {
            Diagnostic::error(format!("template error in {place}: includes or macros nest too deep"))
                .expected(format!(
                    "at most {RECURSION_LIMIT} levels of includes, macros and loops"
                ))
                .found(detail)
                .hint("look for a template that includes itself or a macro that calls itself; nothing was written")
        }
        _ if detail.contains("outside") => Diagnostic::error(format!("template error: {detail}"))
            .hint("copy the template into the folder instead of linking to it; nothing was written"),
        _ => Diagnostic::error(format!("template error: {e:#}"))
            .hint("fix the template named above, or remove it to use the built-in one; nothing was written"),
    }
}

/// The innermost template error in `e`'s chain of causes.
fn innermost(e: &Error) -> &Error {
    let mut cur = e;
    while let Some(next) = std::error::Error::source(cur).and_then(|s| s.downcast_ref::<Error>()) {
        cur = next;
    }
    cur
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
