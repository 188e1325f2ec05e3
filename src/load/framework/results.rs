//! The results tree: each result placed at its level, linked to its parent
//! and children, its indicators lowered in order.

use super::Lower;
use crate::diag::{Diagnostic, did_you_mean};
use crate::load::raw::*;
use crate::model::*;

impl Lower<'_> {
    pub(super) fn result(&mut self, r: &RawResult, parent: Option<usize>, fw: &mut Framework) {
        let level = r.level.value().trim().to_string();
        let depth = match fw.levels.iter().position(|l| *l == level) {
            Some(d) => d,
            None => {
                let names: Vec<&str> = fw.levels.iter().map(String::as_str).collect();
                self.err(
                    &r.level,
                    Diagnostic::error(format!("unknown level `{level}`"))
                        .expected(format!("one of the framework's levels: {}", names.join(", ")))
                        .found(format!("`{level}`"))
                        .hint(
                            did_you_mean(&level, names.iter().copied())
                                .unwrap_or_else(|| "declare the level under `levels:` or use one of those".into()),
                        ),
                );
                parent.map_or(0, |p| fw.results[p].depth + 1)
            }
        };
        let lang = fw.project.language.clone();
        let index = fw.results.len();
        fw.results.push(ResultNode {
            id: r.id.value().0.trim().to_string(),
            level,
            depth,
            statement: self.text_in(&r.statement, &lang, "the statement"),
            assumptions: r
                .assumptions
                .iter()
                .flatten()
                .map(|a| self.text_in(a, &lang, "the assumption"))
                .collect(),
            parent,
            children: Vec::new(),
            indicators: Vec::new(),
            span: self.span(&r.id),
        });
        if let Some(p) = parent {
            fw.results[p].children.push(index);
        }
        for ind in r.indicators.iter().flatten() {
            if let Some(i) = self.indicator(ind, index, fw) {
                fw.results[index].indicators.push(fw.indicators.len());
                fw.indicators.push(i);
            }
        }
        for child in r.results.iter().flatten() {
            self.result(child, Some(index), fw);
        }
    }
}
