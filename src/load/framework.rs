//! logframe.yaml -> [`Framework`]: parse the YAML, then turn located text
//! into typed values, collecting every problem instead of stopping.

use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::countries;
use super::raw::*;
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::number::parse_decimal;
use crate::model::period::{FiscalYearStart, Frequency, PERIOD_FORMS};
use crate::model::*;
use crate::source::{FileId, Sources, Span};

pub const DEFAULT_LEVELS: [&str; 3] = ["impact", "outcome", "output"];

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
        diags.extend(crate::validate::check_framework(fw, sources));
    }
    (framework, diags)
}

/// A serde-saphyr error as a located diagnostic, with a suggestion for
/// misspelt keys.
fn yaml_error(e: &serde_saphyr::Error, file: FileId, sources: &Sources) -> Diagnostic {
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
        d = d.label("here").expected(expected).found(found).hint(hint);
    }
    d
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

    fn choice<T: Copy>(
        &mut self,
        loc: &Loc<String>,
        what: &str,
        names: &[&str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let found = loc.value().trim();
        let v = parse(found);
        if v.is_none() {
            self.err(
                loc,
                Diagnostic::error(format!("unknown {what} `{found}`"))
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
            funding,
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

    fn project(&mut self, p: RawProject, dir: &Path) -> Option<Project> {
        let id = match &p.id {
            Some(id) => id.value().0.trim().to_string(),
            None => dir
                .canonicalize()
                .ok()
                .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| "framework".into()),
        };
        let language = p
            .language
            .as_ref()
            .map_or("en".to_string(), |l| l.value().trim().to_string());
        if let Some(l) = &p.language
            && !["en", "fr", "es"].contains(&language.as_str())
        {
            self.err(
                l,
                Diagnostic::warning(format!("reports are not translated into `{language}`"))
                    .expected("en, fr or es")
                    .found(format!("`{language}`"))
                    .hint("reports will use English labels; the project's own texts stay as written"),
            );
        }
        let start = self.date(&p.start);
        let end = self.date(&p.end);
        // A project of one day is refused too: no reporting period (a month
        // at the shortest) fits in it, and `end` equal to `start` is almost
        // always the start date copied by mistake.
        if let (Some(s), Some(e)) = (start, end)
            && e <= s
        {
            let (message, hint) = if e == s {
                (
                    "the project ends on the day it starts",
                    "a logframe covers months or years: set `end` to the project's last day",
                )
            } else {
                (
                    "the project ends before it starts",
                    "check the order of `start` and `end`",
                )
            };
            self.err(
                &p.end,
                Diagnostic::error(message)
                    .expected(format!("an end date after the start {s}"))
                    .found(e.to_string())
                    .hint(hint),
            );
        }
        let fiscal_year_start = p.fiscal_year_start.as_ref().and_then(|f| {
            let v = FiscalYearStart::parse(f.value());
            if v.is_none() {
                self.err(
                    f,
                    Diagnostic::error("fiscal_year_start is not a month-day")
                        .expected("MM-DD, e.g. \"04-01\" for a fiscal year starting on 1 April")
                        .found(format!("`{}`", f.value()))
                        .hint("quote it: fiscal_year_start: \"04-01\""),
                );
            }
            v
        });
        let reporting_frequency = match &p.reporting_frequency {
            Some(f) => self.choice(f, "reporting frequency", &Frequency::NAMES, Frequency::parse)?,
            None => Frequency::Quarterly,
        };
        let budget = p.budget.as_ref().and_then(|b| self.decimal(b, "budget"));
        let reporting_deadline_days = match &p.reporting_deadline_days {
            None => DEFAULT_DEADLINE_DAYS,
            Some(d) => match d.value().0.trim().parse::<u32>() {
                Ok(n) if n <= 366 => n,
                _ => {
                    self.err(
                        d,
                        Diagnostic::error("reporting_deadline_days is not a number of days")
                            .expected("a whole number of days from 0 to 366")
                            .found(format!("`{}`", d.value().0))
                            .hint("e.g. reporting_deadline_days: 60 for values due two months after each period"),
                    );
                    DEFAULT_DEADLINE_DAYS
                }
            },
        };
        let mut countries = Vec::new();
        for c in p.countries.iter().flatten() {
            let code = c.value().trim().to_string();
            if !countries::is_country(&code) {
                let upper = code.to_ascii_uppercase();
                let hint = if countries::is_country(&upper) {
                    format!("write it in capitals: {upper}")
                } else if upper == "UK" {
                    "the United Kingdom is GB".to_string()
                } else {
                    "use ISO 3166-1 alpha-2 codes, e.g. CA, US, MX".to_string()
                };
                self.err(
                    c,
                    Diagnostic::error(format!("`{code}` is not an ISO 3166-1 alpha-2 country code"))
                        .expected("a two-letter code such as CA or PE")
                        .found(format!("`{code}`"))
                        .hint(hint),
                );
            }
            countries.push(code);
        }
        let currency = p.currency.as_ref().map(|v| {
            let code = v.value().trim().to_string();
            if !super::currencies::is_currency(&code) {
                self.err(v, super::funding::currency_error(&code));
            }
            code
        });
        if let Some((v, d)) = p
            .iati_id
            .as_ref()
            .and_then(|v| Some((v, iati_identifier_problem(v.value().trim())?)))
        {
            self.err(v, d);
        }
        let title = self.text_in(&p.title, &language, "the project title");
        let description = p
            .description
            .as_ref()
            .map(|d| self.text_in(d, &language, "the description"));
        Some(Project {
            id,
            id_span: p.id.as_ref().map(|l| self.span(l)),
            iati_id: p.iati_id.map(|v| v.value().trim().to_string()),
            title,
            short_name: p.short_name.map(|v| v.value().trim().to_string()),
            description,
            donor: p.donor.map(|v| v.value().trim().to_string()),
            implementer: p.implementer.map(|v| v.value().trim().to_string()),
            start: start?,
            end: end?,
            currency,
            budget,
            countries,
            language,
            fiscal_year_start,
            reporting_frequency,
            reporting_deadline_days,
        })
    }

    fn thresholds(&mut self, t: &Loc<RawThresholds>, inherited: Thresholds) -> Thresholds {
        let v = t.value();
        let on_track = v
            .on_track
            .as_ref()
            .and_then(|x| self.decimal(x, "on_track"))
            .unwrap_or(inherited.on_track);
        let at_risk = v
            .at_risk
            .as_ref()
            .and_then(|x| self.decimal(x, "at_risk"))
            .unwrap_or(inherited.at_risk);
        if !(Decimal::ZERO < at_risk && at_risk < on_track) {
            self.err(
                t,
                Diagnostic::error("status thresholds are out of order")
                    .expected("0 < at_risk < on_track, in percent of the progress expected to date")
                    .found(format!("on_track {on_track}, at_risk {at_risk}"))
                    .hint("the defaults are on_track: 85, at_risk: 60"),
            );
            return inherited;
        }
        Thresholds { on_track, at_risk }
    }

    fn disaggregations(&mut self, raw: Option<&OrderedMap<Loc<String>, Vec<Loc<IdText>>>>) -> Vec<Disaggregation> {
        const RESERVED: [&str; 10] = [
            "indicator",
            "period",
            "value",
            "numerator",
            "denominator",
            "score",
            "comment",
            "source",
            "recorded_at",
            "recorded_by",
        ];
        let mut out: Vec<Disaggregation> = Vec::new();
        for (name, values) in raw.map(|m| m.0.as_slice()).unwrap_or_default() {
            let n = name.value().trim().to_string();
            let ok_name = !n.is_empty()
                && n.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !ok_name || RESERVED.contains(&n.as_str()) {
                self.err(
                    name,
                    Diagnostic::error(format!("`{n}` cannot name a disaggregation"))
                        .expected("a lower-case name (letters, digits, _) that is not a measurement column")
                        .found(format!("`{n}`"))
                        .hint(format!(
                            "the names {} are taken by measurement columns",
                            RESERVED.join(", ")
                        )),
                );
                continue;
            }
            if out.iter().any(|d| d.name == n) {
                self.err(
                    name,
                    Diagnostic::error(format!("disaggregation `{n}` is declared twice")).hint("merge the two lists"),
                );
                continue;
            }
            let mut vals: Vec<String> = Vec::new();
            for v in values {
                let s = v.value().0.trim().to_string();
                if vals.contains(&s) {
                    self.err(
                        v,
                        Diagnostic::error(format!("`{s}` is listed twice under `{n}`"))
                            .hint("remove the repeated value"),
                    );
                } else {
                    vals.push(s);
                }
            }
            if vals.is_empty() {
                self.err(
                    name,
                    Diagnostic::error(format!("disaggregation `{n}` has no values"))
                        .expected("a list such as [women, men, other]")
                        .hint("list the categories values are broken down into"),
                );
            }
            out.push(Disaggregation { name: n, values: vals });
        }
        out
    }

    fn result(&mut self, r: &RawResult, parent: Option<usize>, fw: &mut Framework) {
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

    fn indicator(&mut self, loc: &Loc<RawIndicator>, result: usize, fw: &Framework) -> Option<Indicator> {
        let r = loc.value();
        let lang = fw.project.language.clone();
        let kind = self.choice(&r.kind, "indicator type", &IndicatorType::NAMES, IndicatorType::parse);
        let direction = match &r.direction {
            Some(d) => self.choice(d, "direction", &["increase", "decrease"], |s| match s {
                "increase" => Some(Direction::Increase),
                "decrease" => Some(Direction::Decrease),
                _ => None,
            }),
            None => Some(Direction::Increase),
        };
        let kind = kind?;
        let cumulative = match &r.cumulative {
            Some(c) => match c.value().0.trim() {
                "true" | "yes" => true,
                "false" | "no" => false,
                other => {
                    self.err(
                        c,
                        Diagnostic::error("`cumulative` is not true or false")
                            .expected("true or false")
                            .found(format!("`{other}`"))
                            .hint("cumulative: true adds period values into a running total"),
                    );
                    kind == IndicatorType::Count
                }
            },
            None => kind == IndicatorType::Count,
        };
        let aggregate = match &r.aggregate {
            Some(a) => self.choice(a, "aggregation", &Aggregate::NAMES, Aggregate::parse)?,
            None if cumulative => Aggregate::Sum,
            None => Aggregate::Last,
        };
        let id = r.id.value().0.trim().to_string();
        if cumulative {
            let problem = match kind {
                IndicatorType::Milestone | IndicatorType::Qualitative => {
                    Some(format!("a {} indicator cannot be cumulative", kind.name()))
                }
                _ if aggregate != Aggregate::Sum => Some(format!(
                    "a cumulative indicator adds its values up, so it cannot use `aggregate: {}`",
                    aggregate.name()
                )),
                _ if direction == Some(Direction::Decrease) => Some(
                    "a running total cannot decrease: a cumulative indicator must have direction increase".to_string(),
                ),
                _ => None,
            };
            if let Some(msg) = problem {
                let at = r
                    .cumulative
                    .as_ref()
                    .map(|c| self.span(c))
                    .unwrap_or(self.span(&r.kind));
                self.diags.push(
                    Diagnostic::error(format!("indicator {id}: {msg}"))
                        .at(at)
                        .hint("set `cumulative: false` for a level indicator, or change the type or aggregation"),
                );
            }
        }
        let baseline = r.baseline.as_ref().and_then(|b| {
            let v = b.value();
            let value = self.figure(&v.value, kind, "baseline")?;
            let date = v.date.as_ref().and_then(|d| self.date(d));
            Some(Baseline {
                value,
                date,
                span: self.span(&v.value),
            })
        });
        let mut targets = Vec::new();
        let mut end_target = None;
        for t in r.targets.iter().flatten() {
            let tv = t.value();
            let ptext = tv.period.value().0.trim();
            let period = if ptext == "end" {
                Some(TargetPeriod::End)
            } else {
                match fw.parse_period(ptext) {
                    Ok(p) => Some(TargetPeriod::Period(p)),
                    Err(e) => {
                        self.err(
                            &tv.period,
                            Diagnostic::error(format!("target period: {}", e.message))
                                .expected(format!("{PERIOD_FORMS}, or `end` for the life of the project"))
                                .found(format!("`{ptext}`"))
                                .hint(e.hint),
                        );
                        None
                    }
                }
            };
            let value = self.figure(&tv.value, kind, "target");
            let (Some(period), Some(value)) = (period, value) else {
                continue;
            };
            let target = Target {
                period,
                value,
                span: self.span(&tv.period),
            };
            match period {
                TargetPeriod::End if end_target.is_some() => self.err(
                    &tv.period,
                    Diagnostic::error(format!("indicator {id} has two `end` targets"))
                        .hint("keep one life-of-project target"),
                ),
                TargetPeriod::End => end_target = Some(target),
                TargetPeriod::Period(p) => {
                    if targets.iter().any(|x: &Target| x.period == TargetPeriod::Period(p)) {
                        self.err(
                            &tv.period,
                            Diagnostic::error(format!("indicator {id} has two targets for {p}"))
                                .hint("keep one target per period"),
                        );
                    } else {
                        targets.push(target);
                    }
                }
            }
        }
        targets.sort_by_key(|t| match t.period {
            TargetPeriod::Period(p) => (p.end, p.start),
            TargetPeriod::End => (fw.project.end, fw.project.end),
        });
        let mut disaggregate_by = Vec::new();
        for d in r.disaggregate_by.iter().flatten() {
            let name = d.value().trim();
            match fw.disaggregation_index(name) {
                Some(i) if disaggregate_by.contains(&i) => self.err(
                    d,
                    Diagnostic::error(format!("`{name}` is listed twice in disaggregate_by")).hint("remove the repeat"),
                ),
                Some(i) => disaggregate_by.push(i),
                None => {
                    let names: Vec<&str> = fw.disaggregations.iter().map(|d| d.name.as_str()).collect();
                    self.err(
                        d,
                        Diagnostic::error(format!("unknown disaggregation `{name}`"))
                            .expected(if names.is_empty() {
                                "a dimension declared under `disaggregations:`".to_string()
                            } else {
                                format!("one of {}", names.join(", "))
                            })
                            .found(format!("`{name}`"))
                            .hint(
                                did_you_mean(name, names.iter().copied())
                                    .unwrap_or_else(|| format!("declare it first: disaggregations: {{{name}: [...]}}")),
                            ),
                    );
                }
            }
        }
        if disaggregate_by.len() > MAX_DIMENSIONS {
            self.err(
                &r.id,
                Diagnostic::error(format!(
                    "indicator {id} is broken down by {} dimensions",
                    disaggregate_by.len()
                ))
                .expected(format!("at most {MAX_DIMENSIONS}"))
                .hint("drop the dimensions nobody reports on"),
            );
            disaggregate_by.truncate(MAX_DIMENSIONS);
        }
        let scale = r.scale.as_ref().and_then(|s| {
            let min = self.decimal(&s.value().min, "scale min")?;
            let max = self.decimal(&s.value().max, "scale max")?;
            if kind != IndicatorType::Qualitative {
                self.err(
                    s,
                    Diagnostic::error("only qualitative indicators take a score scale").hint("remove `scale:`"),
                );
            }
            if min >= max {
                self.err(
                    s,
                    Diagnostic::error("the scale's min is not below its max")
                        .found(format!("min {min}, max {max}"))
                        .hint("write scale: {min: 1, max: 5}"),
                );
                return None;
            }
            Some(Scale { min, max })
        });
        let thresholds = match &r.status_thresholds {
            Some(t) => self.thresholds(t, fw.thresholds),
            None => fw.thresholds,
        };
        let opt_text =
            |s: &mut Self, t: &Option<Loc<RawText>>, what: &str| t.as_ref().map(|t| s.text_in(t, &lang, what));
        let pmf = Pmf {
            definition: opt_text(self, &r.definition, "the definition"),
            data_source: opt_text(self, &r.data_source, "the data source"),
            collection_method: opt_text(self, &r.collection_method, "the collection method"),
            frequency: opt_text(self, &r.frequency, "the frequency"),
            responsible: opt_text(self, &r.responsible, "responsible"),
        };
        Some(Indicator {
            id,
            title: self.text_in(&r.title, &lang, "the indicator title"),
            kind,
            unit: r.unit.as_ref().map(|u| u.value().trim().to_string()),
            direction: direction?,
            cumulative,
            aggregate,
            baseline,
            targets,
            end_target,
            disaggregate_by,
            scale,
            pmf,
            thresholds,
            result,
            declared_targets: r.targets.as_ref().map_or(0, Vec::len),
            span: self.span(&r.id),
        })
    }

    /// A baseline or target figure, typed by the indicator.
    fn figure(&mut self, loc: &Loc<FigureText>, kind: IndicatorType, what: &str) -> Option<Decimal> {
        let text = loc.value().0.trim();
        if kind == IndicatorType::Milestone {
            return match text {
                "yes" | "true" => Some(Decimal::ONE),
                "no" | "false" => Some(Decimal::ZERO),
                _ => {
                    self.err(
                        loc,
                        Diagnostic::error(format!("a milestone {what} is yes or no"))
                            .expected("yes or no")
                            .found(format!("`{text}`"))
                            .hint("a milestone target `{period: 2023-06-30, value: yes}` means done by that date"),
                    );
                    None
                }
            };
        }
        let d = self.decimal_text(loc, text, what)?;
        match kind {
            IndicatorType::Count if d.is_sign_negative() || !d.fract().is_zero() => {
                self.err(
                    loc,
                    Diagnostic::error(format!("a count {what} must be a whole number of at least 0"))
                        .expected("0, 1, 2, ...")
                        .found(format!("`{text}`"))
                        .hint("use type: number for figures that are not counts"),
                );
                None
            }
            IndicatorType::Percentage if d < Decimal::ZERO || d > Decimal::ONE_HUNDRED => {
                self.err(
                    loc,
                    Diagnostic::error(format!("a percentage {what} must lie between 0 and 100"))
                        .expected("a percent figure, e.g. 60 for 60 %")
                        .found(format!("`{text}`"))
                        .hint("percentage baselines and targets are written in percent, not as fractions"),
                );
                None
            }
            _ => Some(d),
        }
    }
}

/// What is wrong with an IATI activity identifier, if anything: it is the
/// reporting organisation's identifier (a registration agency such as `CA`
/// or `XM-DAC`, then the organisation's code), a hyphen and the activity's
/// own id, with no whitespace and none of the characters the standard
/// forbids in identifiers (`/ & | ?`).
fn iati_identifier_problem(id: &str) -> Option<Diagnostic> {
    let one_line: String = id.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let bad = id
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || "/&|?".contains(*c));
    let parts: Vec<&str> = id.split('-').collect();
    let shaped = parts.len() >= 3
        && parts[0].len() == 2
        && parts[0].bytes().all(|b| b.is_ascii_uppercase())
        && parts.iter().all(|p| !p.is_empty());
    let found = match bad {
        Some(c) if c.is_whitespace() || c.is_control() => format!("`{one_line}`: it holds whitespace"),
        Some(c) => format!("`{one_line}`: it holds `{c}`"),
        None if !shaped => format!("`{one_line}`"),
        None => return None,
    };
    Some(
        Diagnostic::error("`iati_id` is not an IATI activity identifier")
            .expected("the reporting organisation's identifier, a hyphen and the activity's id, e.g. CA-3-P009615001")
            .found(found)
            .hint("copy the iati-identifier as its publisher wrote it, without spaces or line breaks"),
    )
}
