//! Ids that become file names and keys are plain: ASCII letters, digits,
//! `.`, `-` and `_`, not empty, not starting with `.`, at most
//! [`MAX_ID_LEN`] characters.
//!
//! The project id names the report files (`<id>-2023-Q3.md`) and their chart
//! folder; indicator ids name chart files and key every ledger row; result
//! ids are quoted in reports and IATI exports. An id such as `../../pwn`
//! would lead a report out of its folder, and `"1100 .1"` or `""` cannot be
//! typed back on a command line or told apart in a CSV. Every shipped
//! framework keeps to this rule (ids like `1100.1`, `OP1.1.a`, `unodc-glot92`).

use crate::diag::Diagnostic;
use crate::model::Framework;
use crate::source::{Sources, Span};

/// Longest id accepted: report names add a period and a language to the
/// project id, and file names stop at 255 bytes.
pub const MAX_ID_LEN: usize = 100;

const ALLOWED: &str = "ASCII letters, digits, `.`, `-` and `_`, not starting with `.`";

pub fn check(fw: &Framework, _: &Sources) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    match fw.project.id_span {
        Some(span) => out.extend(check_id("project", &fw.project.id, Some(span))),
        None => out.extend(check_id("project", &fw.project.id, None).map(|d| folder_name_hint(d, &fw.project.id))),
    }
    for r in &fw.results {
        out.extend(check_id("result", &r.id, Some(r.span)));
    }
    for i in &fw.indicators {
        out.extend(check_id("indicator", &i.id, Some(i.span)));
    }
    out
}

/// What is wrong with `id`, if anything.
pub fn problem(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("it is empty".into());
    }
    if id.starts_with('.') {
        return Some("it starts with `.`".into());
    }
    if id.chars().count() > MAX_ID_LEN {
        return Some(format!("it is {} characters long", id.chars().count()));
    }
    let (at, c) = id.chars().enumerate().find(|(_, c)| !allowed(*c))?;
    Some(format!("{} at character {}", describe(c), at + 1))
}

fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')
}

fn describe(c: char) -> String {
    match c {
        ' ' => "a space".into(),
        '/' | '\\' => format!("a path separator `{c}`"),
        c if c.is_whitespace() || c.is_control() => format!("the character U+{:04X}", c as u32),
        c => format!("`{c}`"),
    }
}

fn check_id(what: &str, id: &str, span: Option<Span>) -> Option<Diagnostic> {
    let why = problem(id)?;
    let shown = if id.is_empty() {
        "an empty id".to_string()
    } else {
        format!("`{id}`: {why}")
    };
    let hint = match suggestion(id) {
        Some(s) if what == "indicator" => {
            format!("write it as `{s}`, and use the same id in the measurement files")
        }
        Some(s) => format!("write it as `{s}`"),
        None => format!("give the {what} an id such as `{}`", example(what)),
    };
    let message = if id.is_empty() {
        format!("{what} id is empty")
    } else {
        format!("{what} id `{id}` is not allowed: ids name files and key ledger rows")
    };
    Some(
        Diagnostic::error(message)
            .at_opt(span)
            .expected(format!("an id of {ALLOWED}, at most {MAX_ID_LEN} characters"))
            .found(shown)
            .hint(hint),
    )
}

fn example(what: &str) -> &'static str {
    match what {
        "project" => "my-project",
        "result" => "1100",
        _ => "1100.1",
    }
}

/// The id with spaces dropped and other characters replaced by `-`, when
/// that gives a valid id (also for importers that must turn outside codes
/// into ids, such as `import-iati`).
pub fn suggestion(id: &str) -> Option<String> {
    let mut s = String::new();
    for c in id.chars().filter(|c| !c.is_whitespace()) {
        let c = if allowed(c) { c } else { '-' };
        if !(c == '-' && s.ends_with('-')) {
            s.push(c);
        }
    }
    let s: String = s.trim_start_matches(['.', '-']).chars().take(MAX_ID_LEN).collect();
    let s = s.trim_end_matches('-').to_string();
    (problem(&s).is_none() && s != id).then_some(s)
}

/// A project without `id:` takes its folder name; say so, since the id is
/// not in the file.
fn folder_name_hint(d: Diagnostic, folder: &str) -> Diagnostic {
    let id = suggestion(folder).unwrap_or_else(|| "my-project".into());
    Diagnostic {
        message: format!("{} (the project id defaults to the folder name)", d.message),
        ..d
    }
    .hint(format!(
        "add `id: {id}` under `project:` in logframe.yaml, or rename the folder"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_style_ids_pass() {
        for id in ["1100.1", "OP1.1.a", "unodc-glot92", "S_ACH", "iom-px0012"] {
            assert_eq!(problem(id), None, "{id}");
        }
    }

    #[test]
    fn path_like_and_blank_ids_fail() {
        for id in ["", "../../pwn", "/tmp/pwn", "1100 .1", ".hidden", "a\u{202F}b", "é"] {
            assert!(problem(id).is_some(), "{id:?}");
        }
        assert!(problem(&"x".repeat(MAX_ID_LEN + 1)).is_some());
    }

    #[test]
    fn suggests_a_clean_id() {
        assert_eq!(suggestion("1100 .1").as_deref(), Some("1100.1"));
        assert_eq!(suggestion("../../pwn").as_deref(), Some("pwn"));
        assert_eq!(suggestion("/tmp/pwn").as_deref(), Some("tmp-pwn"));
        assert_eq!(suggestion(""), None);
    }
}
