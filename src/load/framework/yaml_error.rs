//! YAML syntax and shape errors as located diagnostics. serde-saphyr reports
//! a message and a position; users need the line they wrote, the key they
//! misspelt and a suggestion, so the error is re-read against the source.

use crate::diag::{Diagnostic, did_you_mean};
use crate::source::{FileId, Sources, Span};

/// A serde-saphyr error as a located diagnostic, with a suggestion for
/// misspelt keys.
pub(super) fn yaml_error(e: &serde_saphyr::Error, file: FileId, sources: &Sources) -> Diagnostic {
    let mut opts = serde_saphyr::RenderOptions::default();
    opts.snippets = serde_saphyr::SnippetMode::Off;
    let full = e.render_with_options(opts);
    let first = full.lines().next().unwrap_or("invalid YAML").trim();
    let message = strip_location_prefix(first);
    let message = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    let span = e.location().map(|l| {
        let f = sources.get(file);
        let start = f.offset_of(l.line() as usize, l.column() as usize);
        Span::new(file, start, start + 1)
    });
    let mut d = Diagnostic::error(format!("logframe.yaml: {message}")).at_opt(span);
    if message.contains("found a tab")
        && let Some(tab) = first_indenting_tab(&sources.get(file).text)
    {
        // The scanner reports the scalar before the tab; point at the tab.
        return Diagnostic::error("logframe.yaml: a tab in the indentation")
            .at(Span::new(file, tab, tab + 1))
            .label("tab")
            .expected("indentation made of spaces")
            .found("a tab character")
            .hint(
                "indent with spaces; YAML does not allow tabs (most editors can convert them: \"indent using spaces\")",
            );
    }
    if let Some(rest) = message.strip_prefix("duplicate mapping key") {
        d = duplicate_key(d, rest, e, file, sources);
    } else if let Some(rest) = message.strip_prefix("unknown field `") {
        let (found, expected) = rest.split_once('`').unwrap_or((rest, ""));
        d.message = format!("logframe.yaml: unknown key `{found}`");
        let expected = expected
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ");
        let names: Vec<&str> = expected.split(", ").map(|s| s.trim_matches('`')).collect();
        d = d
            .label("unknown key")
            .expected(format!("one of: {}", names.join(", ")))
            .found(format!("`{found}`"))
            .hint(did_you_mean(found, names.iter().copied()).unwrap_or_else(|| {
                "remove the key, or check its spelling and indentation against `logframe schema`".into()
            }));
    } else if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        d.message = format!("logframe.yaml: missing key `{key}`");
        d = d
            .label(format!("`{key}` belongs in this mapping"))
            .expected(format!("a `{key}:` key"))
            .found(format!("no `{key}:` here"))
            .hint(format!(
                "add `{key}: ...`; `logframe schema` lists every key and what it takes"
            ));
    } else {
        d = unexpected_shape(d, message, e, file, sources);
    }
    d
}

/// A key written twice in one mapping, pointing back at the first.
fn duplicate_key(
    mut d: Diagnostic,
    rest: &str,
    e: &serde_saphyr::Error,
    file: FileId,
    sources: &Sources,
) -> Diagnostic {
    let key = rest
        .trim_start_matches(": ")
        .split(", set DuplicateKeyPolicy")
        .next()
        .unwrap_or("")
        .trim();
    let first = e
        .location()
        .and_then(|l| first_key_line(sources.get(file), key, l.line() as usize, l.column() as usize));
    d.message = format!("logframe.yaml: duplicate key `{key}`");
    let first_text = first.map_or_else(
        || "earlier in the same mapping".to_string(),
        |line| format!("on line {line}"),
    );
    d = d
        .label(format!("second `{key}:`"))
        .expected(format!(
            "each key once per mapping (the first `{key}:` is {first_text})"
        ))
        .found(format!("`{key}:` a second time"))
        .hint(format!(
            "keep one of the two `{key}:` lines; if they belong to different items, check the indentation"
        ));
    d
}

/// A value of the wrong shape (a list where a text belongs, ...), or any
/// other syntax error, with the offending line quoted.
fn unexpected_shape(
    mut d: Diagnostic,
    message: &str,
    e: &serde_saphyr::Error,
    file: FileId,
    sources: &Sources,
) -> Diagnostic {
    let line = e
        .location()
        .map(|l| sources.get(file).line_text(l.line() as usize).trim().to_string())
        .unwrap_or_default();
    let (expected, hint) = if message.contains("untagged enum RawText") {
        d.message = "logframe.yaml: expected a text".into();
        (
            "a text, or its translations {en: ..., fr: ..., es: ...}",
            "write the text on one line, or quote it",
        )
    } else if message.contains("sequence") {
        d.message = "logframe.yaml: expected a list".into();
        (
            "a list such as [sex, country]",
            "write a list in brackets, e.g. `[country]`, or as `- item` lines",
        )
    } else if message.contains("mapping") || message.contains("struct") {
        d.message = "logframe.yaml: expected a mapping".into();
        (
            "a mapping of `key: value` lines",
            "indent the keys under this one, or use {key: value}",
        )
    } else if message.contains("string scalar") || message.contains("invalid type") {
        d.message = "logframe.yaml: expected a single value".into();
        (
            "a single value (text or number)",
            "remove the brackets or braces, or quote the value",
        )
    } else {
        (
            "valid YAML",
            "check the indentation, brackets and quotes on this line and the one before",
        )
    };
    let found = if line.is_empty() {
        "the end of the file".to_string()
    } else {
        format!("`{line}`")
    };
    d.label("here").expected(expected).found(found).hint(hint)
}

/// Byte offset of the first tab among a line's leading whitespace.
fn first_indenting_tab(text: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        if let Some(i) = line[..indent].find('\t') {
            return Some(offset + i);
        }
        offset += line.len();
    }
    None
}

/// The line (1-based) of the first `key:` in the block mapping whose later
/// `key:` is at `line`:`col`: walk up through the lines indented to `col`,
/// stopping where the mapping starts (a `- ` item or a line indented less).
fn first_key_line(f: &crate::source::SourceFile, key: &str, line: usize, col: usize) -> Option<usize> {
    for n in (1..line).rev() {
        let text = f.line_text(n);
        let body = text.trim_start_matches(' ');
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let item = body.strip_prefix("- ");
        let content = item.map_or(body, |rest| rest.trim_start_matches(' '));
        let key_col = text.len() - content.len() + 1;
        match key_col.cmp(&col) {
            std::cmp::Ordering::Less => return None,
            std::cmp::Ordering::Equal => {
                let k = content.split(':').next().unwrap_or("").trim().trim_matches(['"', '\'']);
                if k == key {
                    return Some(n);
                }
                if item.is_some() {
                    return None;
                }
            }
            std::cmp::Ordering::Greater => {}
        }
    }
    None
}

fn strip_location_prefix(s: &str) -> &str {
    let s = s.strip_prefix("error: ").unwrap_or(s);
    if s.starts_with("line ")
        && let Some((_, rest)) = s.split_once(": ")
    {
        return rest;
    }
    s
}

/// The same diagnostic for another YAML file beside the logframe
/// (`risks.yaml`, `workplan.yaml`), named by `name`. `logframe schema`
/// describes logframe.yaml only, so hints that send the reader there point
/// at the keys the diagnostic lists instead.
pub(crate) fn yaml_error_in(e: &serde_saphyr::Error, file: FileId, sources: &Sources, name: &str) -> Diagnostic {
    let mut d = yaml_error(e, file, sources);
    if let Some(rest) = d.message.strip_prefix("logframe.yaml: ") {
        d.message = format!("{name}: {rest}");
    }
    if let Some(h) = &mut d.hint {
        *h = h
            .replace(
                "; `logframe schema` lists every key and what it takes",
                &format!(" (the README's {name} section lists every key)"),
            )
            .replace(" against `logframe schema`", "");
    }
    d
}
