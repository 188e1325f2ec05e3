//! Markdown reports from minijinja templates.
//!
//! Templates are compiled into the binary and overridable one file at a
//! time: a file of the same name in one of the override folders wins. Every
//! value a template prints is escaped for Markdown (CommonMark + GFM tables)
//! unless marked `|safe`; undefined variables are errors, not blanks.

use std::path::PathBuf;

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, Output, State, UndefinedBehavior, Value};

use crate::report::Report;

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
    env.set_loader(move |name| {
        if name.contains(['/', '\\']) || name.starts_with('.') {
            return Ok(None);
        }
        for dir in &overrides {
            let p = dir.join(name);
            if p.is_file() {
                return std::fs::read_to_string(&p).map(Some).map_err(|e| {
                    Error::new(
                        ErrorKind::InvalidOperation,
                        format!("cannot read template {}: {e}", p.display()),
                    )
                });
            }
        }
        Ok(BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, t)| t.to_string()))
    });
    env
}

/// Render `report` with the template `name` (e.g. `report.md.j2`).
pub fn render(report: &Report, name: &str, overrides: Vec<PathBuf>) -> Result<String, Error> {
    let env = environment(overrides);
    let t = env.get_template(name)?;
    t.render(Value::from(Serde(report)))
}
