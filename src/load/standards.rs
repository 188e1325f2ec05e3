//! `frameworks/standards.yaml`: the standard indicators of a workspace (a
//! donor's standard indicators, SDG indicators, an agency's own codes), so
//! that the portfolio knows each one's unit and how it rolls up.
//!
//! Read like a logframe: serde-saphyr into located raw structs (unknown
//! keys refused), then lowered with every problem collected as a located
//! diagnostic. [`check_framework`] says which indicators of a framework
//! name a code the file does not have, or do not fit their standard.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::raw::{IdText, Loc, RawText};
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::{Framework, Indicator, IndicatorType, Text};
use crate::source::{FileId, Sources, Span};

/// The file's name, in the frameworks folder.
pub const FILE: &str = "standards.yaml";

/// `standards.yaml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStandards {
    pub standards: Vec<Loc<RawStandard>>,
}

/// One standard indicator as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStandard {
    pub code: Loc<IdText>,
    pub title: Loc<RawText>,
    pub unit: Loc<String>,
    /// Units of contributing indicators that count as this unit (e.g.
    /// `practitioners` and `officials` as `people`).
    pub accepts_units: Option<Vec<Loc<String>>>,
    /// count | percentage | number | milestone
    #[serde(rename = "type")]
    pub kind: Loc<String>,
    /// sum | pool | list | done
    pub aggregation: Loc<String>,
    /// Dimensions the standard asks its figures to be broken down by.
    pub disaggregate_by: Option<Vec<Loc<String>>>,
}

/// How a standard's contributions combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    /// Counts added up.
    Sum,
    /// Percentages pooled: sum of numerators / sum of denominators.
    Pool,
    /// Listed, never added (levels).
    List,
    /// Milestones counted done and due.
    Done,
}

impl Rule {
    pub const NAMES: [&'static str; 4] = ["sum", "pool", "list", "done"];

    pub fn parse(s: &str) -> Option<Rule> {
        Some(match s {
            "sum" => Rule::Sum,
            "pool" => Rule::Pool,
            "list" => Rule::List,
            "done" => Rule::Done,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// Whether the rule makes sense for indicators of type `kind`: sums of
    /// counts, pools of percentages, milestones done; any may be listed.
    pub fn fits(self, kind: IndicatorType) -> bool {
        matches!(
            (self, kind),
            (Rule::List, _)
                | (Rule::Sum, IndicatorType::Count)
                | (Rule::Pool, IndicatorType::Percentage)
                | (Rule::Done, IndicatorType::Milestone)
        )
    }
}

/// The types a standard indicator may have (not qualitative: texts do not roll up).
pub const TYPES: [&str; 4] = ["count", "percentage", "number", "milestone"];

/// One standard indicator.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Standard {
    pub code: String,
    pub title: Text,
    pub unit: String,
    pub accepts_units: Vec<String>,
    #[serde(rename = "type")]
    pub kind: IndicatorType,
    pub aggregation: Rule,
    pub disaggregate_by: Vec<String>,
    #[serde(skip)]
    pub span: Span,
}

impl Standard {
    /// Whether an indicator's unit counts as the standard's unit (same
    /// words, case aside, or one of `accepts_units`). An indicator without
    /// a unit fits none.
    pub fn accepts_unit(&self, unit: Option<&str>) -> bool {
        let Some(u) = unit.map(str::trim) else {
            return false;
        };
        std::iter::once(&self.unit)
            .chain(&self.accepts_units)
            .any(|a| a.eq_ignore_ascii_case(u))
    }

    /// Why `ind` cannot contribute to this standard, if it cannot: another
    /// type; a figure per period where running totals are summed (a
    /// quarter's count and a half-year's do not add up to anything); or,
    /// for figures that add, a unit that does not count as the standard's.
    /// A milestone's unit is not checked: milestones are counted.
    pub fn misfit(&self, ind: &Indicator) -> Option<Misfit> {
        if ind.kind != self.kind {
            Some(Misfit::Type {
                found: ind.kind.name().to_string(),
            })
        } else if self.aggregation == Rule::Sum && !ind.cumulative {
            Some(Misfit::PerPeriod)
        } else if self.kind != IndicatorType::Milestone && !self.accepts_unit(ind.unit.as_deref()) {
            Some(Misfit::Unit {
                found: ind.unit.clone(),
            })
        } else {
            None
        }
    }

    fn units(&self) -> String {
        std::iter::once(&self.unit)
            .chain(&self.accepts_units)
            .map(|u| format!("`{u}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Why an indicator does not fit its standard.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "misfit", rename_all = "snake_case")]
pub enum Misfit {
    Type {
        found: String,
    },
    /// A count per period (`cumulative: false`) where running totals are summed.
    PerPeriod,
    Unit {
        found: Option<String>,
    },
}

/// The standards of a workspace and the file they came from.
#[derive(Debug, Clone)]
pub struct Standards {
    pub path: PathBuf,
    pub list: Vec<Standard>,
}

impl Standards {
    pub fn get(&self, code: &str) -> Option<&Standard> {
        self.list.iter().find(|s| s.code == code)
    }

    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.list.iter().map(|s| s.code.as_str())
    }
}

/// Read `frameworks_dir/standards.yaml`: `None` when the workspace has no
/// such file; else the standards (when the file could be read and lowered
/// without errors) and every diagnostic.
pub fn load(frameworks_dir: &Path, sources: &mut Sources) -> Option<(Option<Standards>, Diagnostics)> {
    let path = frameworks_dir.join(FILE);
    if !path.exists() {
        return None;
    }
    let mut diags = Diagnostics::default();
    let file = match super::text::read_text(&path, sources, "save standards.yaml as UTF-8") {
        Ok(f) => f,
        Err(d) => {
            diags.push(d);
            return Some((None, diags));
        }
    };
    let raw: RawStandards = match serde_saphyr::from_str(&sources.get(file).text) {
        Ok(r) => r,
        Err(e) => {
            diags.push(yaml_error(&e, file, sources));
            return Some((None, diags));
        }
    };
    let list = lower(&raw, file, sources, &mut diags);
    let standards = (!diags.has_errors()).then_some(Standards { path, list });
    Some((standards, diags))
}

/// Located raw standards -> standards, every problem pushed onto `diags`.
fn lower(raw: &RawStandards, file: FileId, sources: &Sources, diags: &mut Diagnostics) -> Vec<Standard> {
    let mut out: Vec<Standard> = Vec::new();
    let mut seen: Vec<(String, usize)> = Vec::new();
    for loc in &raw.standards {
        let r = loc.value();
        let code = r.code.value().0.trim().to_string();
        let code_span = r.code.span(sources, file);
        if code.is_empty() {
            diags.push(
                Diagnostic::error("standards.yaml: a standard without a code")
                    .at(code_span)
                    .expected("a code, e.g. MS-TRAINED or \"16.2.2\"")
                    .found("an empty code")
                    .hint("write the code the donor or agency uses"),
            );
            continue;
        }
        if let Some((_, line)) = seen.iter().find(|(c, _)| *c == code) {
            diags.push(
                Diagnostic::error(format!("standards.yaml: standard `{code}` is described twice"))
                    .at(code_span)
                    .expected(format!("each code once (`{code}` is first on line {line})"))
                    .found(format!("`{code}` again"))
                    .hint("keep one description of the code, or give the second its own code"),
            );
            continue;
        }
        seen.push((code.clone(), r.code.line_col().0));
        let title = title(&r.title, &code, file, sources, diags);
        let unit = r.unit.value().trim().to_string();
        if unit.is_empty() {
            diags.push(
                Diagnostic::error(format!("standards.yaml: standard `{code}` has an empty unit"))
                    .at(r.unit.span(sources, file))
                    .expected("a unit, e.g. people")
                    .found("an empty text")
                    .hint("the roll-up adds only figures of one unit: name it"),
            );
        }
        let kind = choice(&r.kind, "type", &TYPES, IndicatorType::parse, file, sources, diags);
        let aggregation = choice(
            &r.aggregation,
            "aggregation",
            &Rule::NAMES,
            Rule::parse,
            file,
            sources,
            diags,
        );
        let (Some(kind), Some(aggregation)) = (kind, aggregation) else {
            continue;
        };
        if !aggregation.fits(kind) {
            diags.push(
                Diagnostic::error(format!(
                    "standards.yaml: standard `{code}`: a {} standard cannot use `aggregation: {}`",
                    kind.name(),
                    aggregation.name()
                ))
                .at(r.aggregation.span(sources, file))
                .expected(format!("`{}` or `list`", natural_rule(kind).name()))
                .found(format!("`{}`", aggregation.name()))
                .hint("counts are summed, percentages pooled, milestones counted done; levels are only listed"),
            );
        }
        out.push(Standard {
            code,
            title,
            unit,
            accepts_units: r
                .accepts_units
                .iter()
                .flatten()
                .map(|u| u.value().trim().to_string())
                .collect(),
            kind,
            aggregation,
            disaggregate_by: r
                .disaggregate_by
                .iter()
                .flatten()
                .map(|d| d.value().trim().to_string())
                .collect(),
            span: code_span,
        });
    }
    out
}

/// The rule a standard of type `kind` naturally takes.
fn natural_rule(kind: IndicatorType) -> Rule {
    match kind {
        IndicatorType::Count => Rule::Sum,
        IndicatorType::Percentage => Rule::Pool,
        IndicatorType::Milestone => Rule::Done,
        IndicatorType::Number | IndicatorType::Qualitative => Rule::List,
    }
}

/// A title, plain or translated; English is its default text when given.
fn title(loc: &Loc<RawText>, code: &str, file: FileId, sources: &Sources, diags: &mut Diagnostics) -> Text {
    let empty = |at: Span, which: String, diags: &mut Diagnostics| {
        diags.push(
            Diagnostic::error(format!("standards.yaml: standard `{code}` has an empty title{which}"))
                .at(at)
                .expected("the standard's wording, e.g. \"People trained in countering migrant smuggling\"")
                .found("an empty text")
                .hint("write the title as the donor or agency words it"),
        );
    };
    match loc.value() {
        RawText::Plain(s) => {
            if s.trim().is_empty() {
                empty(loc.span(sources, file), String::new(), diags);
            }
            Text::plain(s.trim())
        }
        RawText::Translated(map) => {
            for (lang, s) in map {
                if s.trim().is_empty() {
                    empty(loc.span(sources, file), format!(" in `{lang}`"), diags);
                }
            }
            if map.is_empty() {
                empty(loc.span(sources, file), String::new(), diags);
            }
            let default = map
                .get("en")
                .or_else(|| map.values().next())
                .map(|s| s.trim().to_string())
                .unwrap_or_default();
            Text {
                default,
                translations: map.iter().map(|(k, v)| (k.clone(), v.trim().to_string())).collect(),
            }
        }
    }
}

fn choice<T>(
    loc: &Loc<String>,
    what: &str,
    names: &[&str],
    parse: impl Fn(&str) -> Option<T>,
    file: FileId,
    sources: &Sources,
    diags: &mut Diagnostics,
) -> Option<T> {
    let found = loc.value().trim();
    let v = names.contains(&found).then(|| parse(found)).flatten();
    if v.is_none() {
        diags.push(
            Diagnostic::error(format!("standards.yaml: unknown {what} `{found}`"))
                .at(loc.span(sources, file))
                .expected(format!("one of {}", names.join(", ")))
                .found(format!("`{found}`"))
                .hint(
                    did_you_mean(found, names.iter().copied())
                        .unwrap_or_else(|| format!("use one of {}", names.join(", "))),
                ),
        );
    }
    v
}

/// A serde-saphyr error as a located diagnostic; a misspelt key gets the
/// nearest known one.
fn yaml_error(e: &serde_saphyr::Error, file: FileId, sources: &Sources) -> Diagnostic {
    let mut opts = serde_saphyr::RenderOptions::default();
    opts.snippets = serde_saphyr::SnippetMode::Off;
    let full = e.render_with_options(opts);
    let first = full.lines().next().unwrap_or("invalid YAML").trim();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let message = match first.split_once(": ") {
        Some((head, rest)) if head.starts_with("line ") => rest,
        _ => first,
    };
    let message = message.rfind(" at line ").map_or(message, |i| &message[..i]);
    let span = e.location().map(|l| {
        let start = sources.get(file).offset_of(l.line() as usize, l.column() as usize);
        Span::new(file, start, start + 1)
    });
    let d = Diagnostic::error(format!("standards.yaml: {message}")).at_opt(span);
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (found, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let expected = expected
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ");
        let names: Vec<&str> = expected.split(", ").map(|s| s.trim_matches('`')).collect();
        return Diagnostic::error(format!("standards.yaml: unknown key `{found}`"))
            .at_opt(span)
            .label("unknown key")
            .expected(format!("one of: {}", names.join(", ")))
            .found(format!("`{found}`"))
            .hint(
                did_you_mean(found, names.iter().copied())
                    .unwrap_or_else(|| "remove the key, or check its spelling and indentation".into()),
            );
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        return Diagnostic::error(format!("standards.yaml: missing key `{key}`"))
            .at_opt(span)
            .expected(format!("a `{key}:` key"))
            .found(format!("no `{key}:` here"))
            .hint("each standard has code, title, unit, type and aggregation");
    }
    let line = e
        .location()
        .map(|l| sources.get(file).line_text(l.line() as usize).trim().to_string())
        .unwrap_or_default();
    d.expected("standards: a list of {code, title, unit, type, aggregation}")
        .found(if line.is_empty() {
            "the end of the file".to_string()
        } else {
            format!("`{line}`")
        })
        .hint("check the indentation, brackets and quotes on this line and the one before")
}

/// The indicators of `fw` whose `standard:` is not a code of `standards`,
/// or whose type or unit does not fit theirs; and a warning where the
/// standard asks for a breakdown the indicator does not give.
pub fn check_framework(standards: &Standards, fw: &Framework) -> Diagnostics {
    let mut diags = Diagnostics::default();
    for ind in &fw.indicators {
        let Some(code) = ind.standard.as_deref() else {
            continue;
        };
        let at = ind.standard_span.unwrap_or(ind.span);
        let Some(std) = standards.get(code) else {
            diags.push(
                Diagnostic::error(format!("indicator {}: unknown standard indicator `{code}`", ind.id))
                    .at(at)
                    .expected(format!("a code of {}", standards.path.display()))
                    .found(format!("`{code}`"))
                    .hint(
                        did_you_mean(code, standards.codes())
                            .unwrap_or_else(|| format!("describe `{code}` in {} first", standards.path.display())),
                    ),
            );
            continue;
        };
        match std.misfit(ind) {
            Some(Misfit::Type { found }) => diags.push(
                Diagnostic::error(format!(
                    "indicator {}: a {found} indicator cannot report on the {} standard `{code}`",
                    ind.id,
                    std.kind.name()
                ))
                .at(at)
                .expected(format!("a {} indicator", std.kind.name()))
                .found(format!("type {found}"))
                .hint("report on a standard of the indicator's type, or remove `standard:`"),
            ),
            Some(Misfit::PerPeriod) => diags.push(
                Diagnostic::error(format!(
                    "indicator {}: a count per period cannot be summed into the standard `{code}`",
                    ind.id
                ))
                .at(at)
                .expected("a running total (cumulative: true, the default for counts)")
                .found("cumulative: false")
                .hint("the roll-up adds each project's total to date; periods of different lengths do not add up"),
            ),
            Some(Misfit::Unit { found }) => diags.push(
                Diagnostic::error(format!(
                    "indicator {}: its unit does not fit the standard `{code}`, counted in {}",
                    ind.id, std.unit
                ))
                .at(at)
                .expected(format!("unit {}", std.units()))
                .found(found.as_ref().map_or("no unit".to_string(), |u| format!("unit `{u}`")))
                .hint(match found {
                    Some(u) => format!(
                        "figures of different units are never added: if {u} are {}, add `{u}` to `accepts_units` of {code} in standards.yaml",
                        std.unit
                    ),
                    None => format!("give the indicator a unit (`unit: {}`)", std.unit),
                }),
            ),
            None => {}
        }
        for dim in &std.disaggregate_by {
            let given = fw
                .disaggregation_index(dim)
                .is_some_and(|d| ind.disaggregate_by.contains(&d));
            if !given {
                diags.push(
                    Diagnostic::warning(format!(
                        "indicator {}: the standard `{code}` asks for figures by {dim}",
                        ind.id
                    ))
                    .at(at)
                    .expected(format!("`{dim}` in the indicator's disaggregate_by"))
                    .found("no breakdown by it")
                    .hint(format!(
                        "add `{dim}` to disaggregate_by; until then the roll-up by {dim} shows its figures as not broken down"
                    )),
                );
            }
        }
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowered(yaml: &str) -> (Vec<Standard>, Vec<String>) {
        let mut sources = Sources::default();
        let file = sources.add(PathBuf::from("frameworks/standards.yaml"), yaml.to_string());
        let raw: RawStandards = serde_saphyr::from_str(yaml).expect("yaml");
        let mut diags = Diagnostics::default();
        let list = lower(&raw, file, &sources, &mut diags);
        let lines = diags
            .0
            .iter()
            .map(|d| format!("{} @{}", d.message, sources.locate(d.span.expect("located"))))
            .collect();
        (list, lines)
    }

    #[test]
    fn a_clean_file_lowers_with_english_as_the_default_title() {
        let (list, found) = lowered(
            "standards:\n  - code: MS-TRAINED\n    title: {en: People trained, fr: Personnes formées}\n    unit: people\n    accepts_units: [officials]\n    type: count\n    aggregation: sum\n",
        );
        assert_eq!(found, Vec::<String>::new());
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].title.default, "People trained");
        assert_eq!(list[0].aggregation, Rule::Sum);
        assert!(list[0].accepts_unit(Some("Officials")));
        assert!(list[0].accepts_unit(Some("people")));
        assert!(!list[0].accepts_unit(Some("cases")));
        assert!(!list[0].accepts_unit(None));
    }

    #[test]
    fn duplicates_empty_titles_and_unknown_choices_are_located() {
        let (list, found) = lowered(
            "standards:\n  - {code: A, title: one, unit: u, type: count, aggregation: sum}\n  - {code: A, title: two, unit: u, type: count, aggregation: sum}\n  - {code: B, title: {en: \"\"}, unit: u, type: cuont, aggregation: pol}\n  - {code: C, title: three, unit: u, type: number, aggregation: sum}\n",
        );
        assert_eq!(list.len(), 2, "{found:?}");
        assert_eq!(found.len(), 5, "{found:?}");
        assert!(
            found[0].starts_with("standards.yaml: standard `A` is described twice @"),
            "{found:?}"
        );
        assert!(found[0].ends_with(":3:12"), "{found:?}");
        assert!(found[1].contains("empty title in `en`"), "{found:?}");
        assert!(found[2].contains("unknown type `cuont`"), "{found:?}");
        assert!(found[3].contains("unknown aggregation `pol`"), "{found:?}");
        assert!(
            found[4].contains("a number standard cannot use `aggregation: sum`"),
            "{found:?}"
        );
    }

    #[test]
    fn rules_fit_their_types() {
        assert!(Rule::Sum.fits(IndicatorType::Count));
        assert!(!Rule::Sum.fits(IndicatorType::Number));
        assert!(!Rule::Sum.fits(IndicatorType::Percentage));
        assert!(Rule::Pool.fits(IndicatorType::Percentage));
        assert!(Rule::List.fits(IndicatorType::Number));
        assert!(Rule::Done.fits(IndicatorType::Milestone));
        assert!(!Rule::Done.fits(IndicatorType::Count));
    }
}
