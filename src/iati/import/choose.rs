//! Which activity of a file to import: the root element, then the one
//! asked for with `--activity`, else the file's only one. Asking wrongly
//! (several activities and no choice) is a usage error, not a file error.

use super::ImportError;
use super::text::one_line;
use super::xml::Node;
use crate::diag::Diagnostic;
use crate::source::{FileId, Span};

pub(super) fn identifier(a: &Node) -> String {
    a.child("iati-identifier")
        .map(|n| n.text.trim().to_string())
        .unwrap_or_default()
}

/// The root element and the activity to import.
pub(super) fn choose_activity<'a>(
    doc: &'a Node,
    want: Option<&str>,
    file: &str,
    id: FileId,
) -> Result<(&'a Node, &'a Node), ImportError> {
    let at = |n: &Node| n.span(id);
    let root = doc
        .children
        .iter()
        .find(|n| n.name == "iati-activities" || n.name == "iati-activity")
        .ok_or_else(|| {
            Diagnostic::error(format!("{file} is not an IATI activity file"))
                .at(doc.children.first().map_or(Span::new(id, 0, 0), at))
                .label("the root element")
                .expected("an `iati-activities` root element")
                .found(
                    doc.children
                        .first()
                        .map_or("no element".into(), |n| format!("`{}`", n.name)),
                )
                .hint("export the activity from the IATI registry or d-portal as XML")
        })?;
    let list: Vec<&Node> = if root.name == "iati-activity" {
        vec![root]
    } else {
        root.all("iati-activity").collect()
    };
    let ids = || {
        list.iter()
            .map(|a| one_line(&identifier(a), 80))
            .collect::<Vec<String>>()
    };
    let act = match want {
        Some(want_id) => list
            .iter()
            .find(|a| identifier(a) == want_id.trim())
            .copied()
            .ok_or_else(|| {
                let ids = ids();
                Diagnostic::error(format!("no activity `{}` in {file}", one_line(want_id, 80)))
                    .at(at(root))
                    .label(format!("the activities are in this `{}`", one_line(&root.name, 40)))
                    .expected(format!("one of {}", ids.join(", ")))
                    .found(one_line(want_id, 80))
                    .hint(
                        crate::diag::did_you_mean(want_id, ids.iter().map(String::as_str))
                            .unwrap_or_else(|| "copy the iati-identifier from the file".into()),
                    )
            })?,
        None if list.len() > 1 => {
            let ids = ids();
            return Err(ImportError {
                diagnostic: Diagnostic::error(format!("{file} holds {} activities: say which one", list.len()))
                    .at(at(root))
                    .label(format!("{} `iati-activity` elements in this one", list.len()))
                    .expected("--activity IDENTIFIER")
                    .found(ids.join(", "))
                    .hint(format!(
                        "import one with `--activity {}` (each activity makes its own framework)",
                        ids.first().map_or("", String::as_str)
                    )),
                usage: true,
            });
        }
        None => list.first().copied().ok_or_else(|| {
            Diagnostic::error(format!("{file} holds no iati-activity"))
                .at(at(root))
                .label("no `iati-activity` in this element")
                .expected("at least one `iati-activity`")
                .found("none")
                .hint("check that this is an activity file, not an organisation file")
        })?,
    };
    Ok((root, act))
}
