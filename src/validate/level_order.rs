//! A child result sits at a lower level than its parent (an output under an
//! outcome, never the reverse).

use crate::diag::Diagnostic;
use crate::model::Framework;
use crate::source::Sources;

pub fn check(fw: &Framework, _: &Sources) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for r in &fw.results {
        let Some(p) = r.parent.map(|p| &fw.results[p]) else {
            continue;
        };
        if r.depth <= p.depth {
            let below: Vec<&str> = fw.levels.iter().skip(p.depth + 1).map(String::as_str).collect();
            out.push(
                Diagnostic::error(format!(
                    "result {} ({}) is nested under {} ({}), which is not a higher level",
                    r.id, r.level, p.id, p.level
                ))
                .at(r.span)
                .expected(if below.is_empty() {
                    format!("no children under the lowest level `{}`", p.level)
                } else {
                    format!("a level below `{}`: {}", p.level, below.join(", "))
                })
                .found(format!("`{}`", r.level))
                .hint("move the result up in the tree, or fix its `level:`"),
            );
        }
    }
    out
}
