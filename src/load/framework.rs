//! logframe.yaml -> [`Framework`]: parse the YAML, then turn located text
//! into typed values, collecting every problem instead of stopping.

use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::raw::*;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::number::parse_decimal;
use crate::model::*;
use crate::source::{FileId, Sources, Span};

pub(crate) const DEFAULT_LEVELS: [&str; 3] = ["impact", "outcome", "output"];

/// Read and lower `dir/logframe.yaml`. Returns the framework when it could
/// be built (possibly with warnings), and every diagnostic.
pub fn load_framework(dir: &Path, sources: &mut Sources) -> (Option<Framework>, Diagnostics) {
    let path = dir.join("logframe.yaml");
    let mut diags = Diagnostics::default();
    let file = match super::text::read_text(
        &path,
        sources,
        "save logframe.yaml as UTF-8 (in most editors: Save As, or Save with Encoding, then UTF-8)",
    ) {
        Ok(f) => f,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    let text = &sources.get(file).text;
    let raw: RawFramework = match serde_saphyr::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            diags.push(yaml_error(&e, file, sources));
            return (None, diags);
        }
    };
    let mut lower = Lower {
        file,
        sources,
        diags: Diagnostics::default(),
    };
    let mut framework = lower.framework(raw, dir);
    let mut diags = lower.diags;
    if let Some(fw) = &mut framework {
        diags.extend(super::funding::read_expenditures(fw, sources));
        fw.risks = super::risks::load(fw, sources, &mut diags);
        fw.workplan = super::workplan::load(fw, sources, &mut diags);
        diags.extend(crate::validate::check_framework(fw, sources));
    }
    (framework, diags)
}

mod indicator;
mod project;
mod results;
mod target_parts;
mod targets;
pub(super) mod yaml_error;

use yaml_error::yaml_error;

/// The lowering pass: located raw YAML in, typed model out, with every
/// problem pushed onto `diags` rather than returned. Its steps live beside
/// this file, one file per part of the logframe (the project, the results
/// tree, indicators and their targets); the helpers shared by all of them
/// stay here.
struct Lower<'a> {
    file: FileId,
    sources: &'a Sources,
    diags: Diagnostics,
}

impl Lower<'_> {
    fn span<T>(&self, loc: &Loc<T>) -> Span {
        loc.span(self.sources, self.file)
    }

    fn err<T>(&mut self, loc: &Loc<T>, d: Diagnostic) {
        let span = self.span(loc);
        self.diags.push(d.at(span));
    }

    fn text(&self, loc: &Loc<RawText>) -> Text {
        match loc.value() {
            RawText::Plain(s) => Text::plain(s.trim()),
            RawText::Translated(map) => Text {
                default: String::new(),
                translations: map.iter().map(|(k, v)| (k.clone(), v.trim().to_string())).collect(),
            },
        }
    }

    /// Resolve a translated text's default from the project language.
    fn text_in(&mut self, loc: &Loc<RawText>, lang: &str, what: &str) -> Text {
        let mut t = self.text(loc);
        if let RawText::Translated(map) = loc.value() {
            match map.get(lang) {
                Some(s) => t.default = s.trim().to_string(),
                None => {
                    t.default = map.values().next().cloned().unwrap_or_default();
                    self.err(
                        loc,
                        Diagnostic::warning(format!("{what} has no text in the project language `{lang}`"))
                            .expected(format!("a `{lang}:` entry"))
                            .found(format!(
                                "languages {}",
                                map.keys().cloned().collect::<Vec<_>>().join(", ")
                            ))
                            .hint(format!("add `{lang}: ...`; until then the first translation is used")),
                    );
                }
            }
        }
        t
    }

    fn date(&mut self, loc: &Loc<DateText>) -> Option<NaiveDate> {
        loc.date().map_err(|d| self.err(loc, d)).ok()
    }

    fn decimal(&mut self, loc: &Loc<DecimalText>, what: &str) -> Option<Decimal> {
        self.decimal_text(loc, &loc.value().0, what)
    }

    fn decimal_text<T>(&mut self, loc: &Loc<T>, text: &str, what: &str) -> Option<Decimal> {
        match parse_decimal(text) {
            Ok(d) => Some(d),
            Err(e) => {
                self.err(
                    loc,
                    Diagnostic::error(format!("{what}: {}", e.message))
                        .expected("a number, e.g. 2901786.00")
                        .found(format!("`{text}`"))
                        .hint(e.hint),
                );
                None
            }
        }
    }

    fn choice<T>(
        &mut self,
        loc: &Loc<String>,
        what: &str,
        names: &[&str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        loc.choice(what, names, parse).map_err(|d| self.err(loc, d)).ok()
    }

    /// `target_rule:` when written (an unknown rule is an error, and the
    /// `default` stands), else `default`.
    fn target_rule(&mut self, loc: Option<&Loc<String>>, default: ExpectedRule) -> ExpectedRule {
        loc.and_then(|l| self.choice(l, "target rule", &ExpectedRule::NAMES, ExpectedRule::parse))
            .unwrap_or(default)
    }

    fn framework(&mut self, raw: RawFramework, dir: &Path) -> Option<Framework> {
        let project = self.project(raw.project, dir)?;
        let levels: Vec<String> = match &raw.levels {
            Some(ls) if !ls.is_empty() => ls.iter().map(|l| l.value().trim().to_string()).collect(),
            _ => DEFAULT_LEVELS.iter().map(|s| s.to_string()).collect(),
        };
        let thresholds = match &raw.status_thresholds {
            Some(t) => self.thresholds(t, Thresholds::default()),
            None => Thresholds::default(),
        };
        let target_rule = self.target_rule(raw.target_rule.as_ref(), ExpectedRule::default());
        let disaggregations = self.disaggregations(raw.disaggregations.as_ref());
        let funding = super::funding::lower(raw.funding.as_ref(), &project, self.file, self.sources, &mut self.diags);
        let mut fw = Framework {
            dir: dir.to_path_buf(),
            project,
            levels,
            disaggregations,
            results: Vec::new(),
            indicators: Vec::new(),
            thresholds,
            target_rule,
            funding,
            risks: None,
            workplan: None,
        };
        if raw.results.is_empty() {
            self.diags.push(
                Diagnostic::error("the logframe has no results")
                    .at(Span::new(self.file, 0, 1))
                    .expected("at least one result under `results:`")
                    .hint("add a result with an id, a level, a statement and its indicators"),
            );
        }
        for r in &raw.results {
            self.result(r, None, &mut fw);
        }
        Some(fw)
    }
}
