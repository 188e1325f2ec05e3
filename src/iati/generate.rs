//! An imported activity -> the text of a framework folder: logframe.yaml
//! and measurements/iati.csv, and writing them.
//!
//! Why serialisers only: every text in an IATI file is the publisher's
//! (identifiers, titles, units, dimension values), and a text pasted into
//! YAML can become a key (`&#10;status_thresholds: ...` in an identifier
//! did). So logframe.yaml is the serialisation of the same raw structs that
//! `load` reads ([`crate::load::raw`]), the ledger is written by the csv
//! crate, and the only free text, the comment at the top, is reduced to one
//! line first. The folder is built beside its target and renamed into place
//! in one step, so that a failed import leaves nothing behind and never
//! overwrites a folder that exists.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::import::{Activity, Dims, Figure, IatiPeriod, Imported, ImportedIndicator, ImportedResult, Texts, one_line};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::raw::{
    BoolText, DateText, DecimalText, FigureText, IdText, Loc, OrderedMap, PeriodText, RawBaseline, RawFramework,
    RawIndicator, RawProject, RawResult, RawScale, RawTarget, RawText,
};
use crate::model::{IndicatorType, Period};

fn loc<T>(value: T) -> Loc<T> {
    Loc::new(value)
}

/// The framework of `a`: logframe.yaml, the ledger, and the counts.
pub(crate) fn framework(a: &Activity, file: &str, mut warnings: Diagnostics) -> Result<Imported, Diagnostic> {
    let id = super::import::slug(&a.identifier);
    let mut ledger = Ledger::new(a);
    let ends = super::import::period_ends(Period::days(a.start, a.end), a.frequency, a.fiscal);
    let mut results = Vec::new();
    let mut indicators = 0;
    for r in &a.results {
        let mut raw = Vec::new();
        for ind in &r.indicators {
            let labelled = labelled_periods(ind);
            let targets = targets(a, ind, &labelled, &ends, &mut warnings);
            for (label, p, prev) in &labelled {
                ledger.actuals(ind, label, p, *prev);
            }
            raw.push(loc(raw_indicator(a, ind, targets)));
            indicators += 1;
        }
        results.push(raw_result(a, r, raw));
    }
    let raw = RawFramework {
        project: project(a, &id),
        levels: Some(levels(&a.results).into_iter().map(loc).collect()),
        status_thresholds: None,
        target_rule: None,
        disaggregations: (!a.dims.is_empty()).then(|| {
            OrderedMap(
                a.dims
                    .iter()
                    .map(|(d, values)| (loc(d.clone()), values.iter().map(|v| loc(IdText(v.clone()))).collect()))
                    .collect(),
            )
        }),
        results,
        funding: None,
    };
    let yaml = serde_saphyr::to_string(&raw).map_err(|e| {
        Diagnostic::error(format!(
            "cannot write logframe.yaml for activity {}: {e}",
            one_line(&a.identifier, 80)
        ))
        .hint("report this as a bug, with the IATI file")
    })?;
    let rows = ledger.rows;
    Ok(Imported {
        id,
        yaml: header(file, &a.identifier) + &yaml,
        csv: ledger.finish()?,
        results: a.results.len(),
        indicators,
        rows,
        warnings,
    })
}

/// The comment at the top of logframe.yaml, every text in it on one line.
fn header(file: &str, identifier: &str) -> String {
    let name = Path::new(file).file_name().map_or(file.into(), |n| n.to_string_lossy());
    format!(
        "# Imported by `logframe import-iati` from {}, activity {}.\n\
         # Check the dates, levels and targets before reporting on it.\n\n",
        one_line(&name, 120),
        one_line(identifier, 120)
    )
}

fn text(t: &Texts, lang: &str) -> Loc<RawText> {
    if t.translations.is_empty() {
        return loc(RawText::Plain(t.default.clone()));
    }
    let mut all = t.translations.clone();
    all.insert(lang.to_string(), t.default.clone());
    loc(RawText::Translated(all))
}

fn project(a: &Activity, id: &str) -> RawProject {
    let some = |s: &Option<String>| s.clone().map(loc);
    RawProject {
        id: Some(loc(IdText(id.to_string()))),
        iati_id: Some(loc(a.identifier.clone())),
        title: text(&a.title, &a.lang),
        short_name: None,
        description: a.description.as_ref().map(|d| text(d, &a.lang)),
        donor: some(&a.donor),
        implementer: some(&a.implementer),
        start: loc(DateText(a.start.to_string())),
        end: loc(DateText(a.end.to_string())),
        currency: some(&a.currency),
        budget: a.budget.map(|b| loc(DecimalText(b.to_string()))),
        countries: (!a.countries.is_empty()).then(|| a.countries.iter().cloned().map(loc).collect()),
        language: Some(loc(a.lang.clone())),
        fiscal_year_start: a.fiscal.map(|f| loc(f.to_string())),
        reporting_frequency: Some(loc(a.frequency.to_string())),
        reporting_deadline_days: None,
        approval: None,
    }
}

/// The result levels: GAC's when the results use them, else the default
/// three, with any other level used appended.
fn levels(results: &[ImportedResult]) -> Vec<String> {
    let used: Vec<&str> = results.iter().map(|r| r.level.as_str()).collect();
    let gac = [
        "ultimate_outcome",
        "intermediate_outcome",
        "immediate_outcome",
        "output",
    ];
    let default = ["impact", "outcome", "output"];
    if used.iter().all(|l| gac.contains(l)) && used.iter().any(|l| *l != "output") {
        return gac.iter().map(|s| s.to_string()).collect();
    }
    let mut levels: Vec<String> = default.iter().map(|s| s.to_string()).collect();
    let mut seen: HashSet<&str> = default.into_iter().collect();
    for l in used {
        if seen.insert(l) {
            levels.push(l.to_string());
        }
    }
    levels
}

fn raw_result(a: &Activity, r: &ImportedResult, indicators: Vec<Loc<RawIndicator>>) -> RawResult {
    RawResult {
        id: loc(IdText(r.id.clone())),
        level: loc(r.level.clone()),
        statement: text(&r.statement, &a.lang),
        assumptions: None,
        indicators: Some(indicators),
        results: None,
    }
}

/// A figure as logframe.yaml writes it: yes/no for a milestone.
fn figure(kind: IndicatorType, v: Decimal) -> Loc<FigureText> {
    let text = match kind {
        IndicatorType::Milestone if v.is_zero() => "no".to_string(),
        IndicatorType::Milestone => "yes".to_string(),
        _ => v.normalize().to_string(),
    };
    loc(FigureText(text))
}

fn raw_indicator(a: &Activity, ind: &ImportedIndicator, targets: Vec<Loc<RawTarget>>) -> RawIndicator {
    let used = used_dimensions(a, ind);
    RawIndicator {
        id: loc(IdText(ind.id.clone())),
        title: text(&ind.title, &a.lang),
        kind: loc(ind.kind.name().to_string()),
        unit: ind.unit.clone().map(|u| loc(RawText::Plain(u))),
        direction: Some(loc(if ind.increase { "increase" } else { "decrease" }.to_string())),
        cumulative: Some(loc(BoolText(ind.cumulative.to_string()))),
        aggregate: Some(loc(ind.aggregate.clone())),
        baseline: ind.baseline.map(|(v, d)| {
            loc(RawBaseline {
                value: figure(ind.kind, v),
                date: d.map(|d| loc(DateText(d.to_string()))),
            })
        }),
        targets: (!targets.is_empty()).then_some(targets),
        disaggregate_by: (!used.is_empty()).then(|| used.into_iter().map(loc).collect()),
        scale: ind.scale.map(|(lo, hi)| {
            loc(RawScale {
                min: loc(DecimalText(lo.normalize().to_string())),
                max: loc(DecimalText(hi.normalize().to_string())),
            })
        }),
        status_thresholds: None,
        target_rule: None,
        definition: ind.definition.as_ref().map(|d| text(d, &a.lang)),
        data_source: None,
        collection_method: None,
        frequency: None,
        responsible: None,
        standard: None,
    }
}

/// The framework's dimensions that this indicator's cells use.
fn used_dimensions(a: &Activity, ind: &ImportedIndicator) -> Vec<String> {
    let names: HashSet<&str> = ind
        .periods
        .iter()
        .flat_map(|p| p.cells.iter())
        .flat_map(|(c, _)| c.iter().map(|(n, _)| n.as_str()))
        .collect();
    a.dims
        .iter()
        .filter(|(d, _)| names.contains(d.as_str()))
        .map(|(d, _)| d.clone())
        .collect()
}

/// Each IATI period with the label of the period its values belong to (a
/// running total's period starts the day after the previous one ends), and
/// the period before it.
fn labelled_periods(ind: &ImportedIndicator) -> Vec<(String, &IatiPeriod, Option<&IatiPeriod>)> {
    let mut out = Vec::with_capacity(ind.periods.len());
    let mut prev: Option<&IatiPeriod> = None;
    for p in &ind.periods {
        let own_start = match prev {
            Some(q) if ind.cumulative && p.start <= q.end && q.end < p.end => q.end.succ_opt().unwrap_or(p.start),
            _ => p.start,
        };
        out.push((super::import::period_label(own_start, p.end), p, prev));
        prev = Some(p);
    }
    out
}

/// The targets of an indicator, each on a period logframe accepts; a target
/// that is not is left out with a warning.
fn targets(
    a: &Activity,
    ind: &ImportedIndicator,
    labelled: &[(String, &IatiPeriod, Option<&IatiPeriod>)],
    ends: &BTreeSet<NaiveDate>,
    warnings: &mut Diagnostics,
) -> Vec<Loc<RawTarget>> {
    let mut out = Vec::new();
    for (label, p, _) in labelled {
        let Some(t) = p.target else { continue };
        let period = if p.end == a.end {
            "end".to_string()
        } else if ind.kind == IndicatorType::Milestone {
            // Due by the end of the period it was published in.
            p.end.to_string()
        } else if ends.contains(&p.end) {
            label.clone()
        } else {
            warnings.push(
                Diagnostic::warning(format!(
                    "indicator {}: the target for {label} does not end with a {} reporting period and was left out",
                    one_line(&ind.id, 80),
                    a.frequency
                ))
                .hint("add it to logframe.yaml with a period that ends with a reporting period"),
            );
            continue;
        };
        out.push(loc(RawTarget {
            period: loc(PeriodText(period)),
            value: figure(ind.kind, t),
            share: None,
            by: None,
        }));
    }
    out
}

/// measurements/iati.csv being written: one row per value, every row from
/// the activity, recorded at its last update.
struct Ledger {
    w: csv::Writer<Vec<u8>>,
    dims: Vec<String>,
    source: String,
    recorded_at: String,
    rows: usize,
    error: Option<csv::Error>,
}

impl Ledger {
    fn new(a: &Activity) -> Ledger {
        let dims: Vec<String> = a.dims.iter().map(|d| d.0.clone()).collect();
        let header = ["indicator", "period", "value", "numerator", "denominator", "score"]
            .into_iter()
            .chain(dims.iter().map(String::as_str))
            .chain(["comment", "source", "recorded_at", "recorded_by"]);
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let error = w.write_record(header).err();
        Ledger {
            w,
            dims,
            source: format!("IATI {}", a.identifier),
            recorded_at: a.recorded_at.clone(),
            rows: 0,
            error,
        }
    }

    /// The rows of one IATI period: its total, and its cells (cells without
    /// a total are kept: the total is their sum). A running total becomes
    /// the value of its own period by subtracting the previous one.
    fn actuals(&mut self, ind: &ImportedIndicator, label: &str, p: &IatiPeriod, prev: Option<&IatiPeriod>) {
        if let Some(total) = &p.total {
            let before = prev.filter(|_| ind.cumulative).and_then(|q| q.total.as_ref());
            let value = before.map_or(total.clone(), |b| total.minus(b));
            self.row(&ind.id, label, &value, &Vec::new());
        }
        if p.total.is_none() && ind.cumulative {
            return;
        }
        let previous = prev.filter(|q| ind.cumulative && q.total.as_ref().is_some_and(|t| !t.is_zero()));
        let before: HashMap<&Dims, &Figure> = previous
            .iter()
            .flat_map(|q| q.cells.iter().map(|(c, f)| (c, f)))
            .collect();
        let shapes: HashSet<Vec<&String>> = previous
            .iter()
            .flat_map(|q| q.cells.iter().map(|(c, _)| c.iter().map(|x| &x.0).collect()))
            .collect();
        for (cell, fig) in &p.cells {
            let v = match previous {
                Some(_) => {
                    if !shapes.contains(&cell.iter().map(|x| &x.0).collect::<Vec<_>>()) {
                        continue;
                    }
                    before.get(cell).map_or(fig.clone(), |b| fig.minus(b))
                }
                None => fig.clone(),
            };
            if !v.is_zero() {
                self.row(&ind.id, label, &v, cell);
            }
        }
    }

    fn row(&mut self, ind: &str, period: &str, fig: &Figure, cell: &Dims) {
        let blank = String::new;
        let (value, num, den, score) = match fig {
            Figure::Number(v) => (v.normalize().to_string(), blank(), blank(), blank()),
            Figure::Ratio(n, d) => (blank(), n.normalize().to_string(), d.normalize().to_string(), blank()),
            Figure::Flag(b) => (if *b { "yes" } else { "no" }.to_string(), blank(), blank(), blank()),
            Figure::Text(t, s) => (
                t.clone(),
                blank(),
                blank(),
                s.map(|s| s.normalize().to_string()).unwrap_or_default(),
            ),
        };
        let by_name: BTreeMap<&str, &str> = cell.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let mut rec = vec![ind.to_string(), period.to_string(), value, num, den, score];
        rec.extend(
            self.dims
                .iter()
                .map(|d| by_name.get(d.as_str()).unwrap_or(&"").to_string()),
        );
        rec.extend([
            blank(),
            self.source.clone(),
            self.recorded_at.clone(),
            "import-iati".into(),
        ]);
        if self.error.is_none() {
            self.error = self.w.write_record(&rec).err();
        }
        self.rows += 1;
    }

    fn finish(self) -> Result<String, Diagnostic> {
        let fail = |e: String| {
            Diagnostic::error(format!("cannot write measurements/iati.csv: {e}"))
                .hint("report this as a bug, with the IATI file")
        };
        if let Some(e) = self.error {
            return Err(fail(e.to_string()));
        }
        let bytes = self.w.into_inner().map_err(|e| fail(e.to_string()))?;
        String::from_utf8(bytes).map_err(|e| fail(e.to_string()))
    }
}

/// `base/<id>`, the default folder of an imported framework: `id` must be
/// one plain folder name (no separator, no `..`, not hidden), so that the
/// folder is inside `base` whatever the identifier was.
pub fn default_dir(base: &Path, id: &str) -> Result<PathBuf, Diagnostic> {
    let mut parts = Path::new(id).components();
    match (parts.next(), parts.next()) {
        (Some(Component::Normal(name)), None) if !id.starts_with('.') && !id.contains(['/', '\\']) => {
            Ok(base.join(name))
        }
        _ => Err(
            Diagnostic::error(format!("the activity's id `{}` cannot name a folder", one_line(id, 80)))
                .expected("letters, digits and `-`")
                .found(one_line(id, 80))
                .hint("choose the folder with --out DIR"),
        ),
    }
}

fn io_error(e: std::io::Error, p: &Path) -> Diagnostic {
    Diagnostic::error(format!("cannot write {}: {e}", p.display()))
        .hint("check the folder's permissions and free space")
}

/// Refuse a target that exists, unless it is an empty folder (a symlink is
/// refused too: the import would land wherever it points).
fn refuse_existing(dir: &Path) -> Result<(), Diagnostic> {
    let meta = match std::fs::symlink_metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io_error(e, dir)),
        Ok(m) => m,
    };
    let empty = meta.is_dir() && std::fs::read_dir(dir).map_err(|e| io_error(e, dir))?.next().is_none();
    if empty {
        return Ok(());
    }
    let what = if dir.join("logframe.yaml").exists() {
        format!("{} already holds a framework", dir.display())
    } else {
        format!("{} already exists", dir.display())
    };
    Err(Diagnostic::error(what)
        .expected("a new folder (or an empty one)")
        .found(format!("{}", dir.display()))
        .hint("choose another folder with --out DIR, or remove the old one"))
}

/// Write `bytes` to a new file `path` and flush it to disk.
fn write_new(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    use std::io::Write;
    let mut f = std::fs::File::create_new(path).map_err(|e| io_error(e, path))?;
    f.write_all(bytes)
        .and_then(|_| f.sync_all())
        .map_err(|e| io_error(e, path))
}

/// Flush a folder's entries (new names, renames) to disk, where the
/// platform can.
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

impl Imported {
    /// Create `dir` with logframe.yaml and measurements/iati.csv, all at
    /// once: the folder is filled under a temporary name beside it and
    /// renamed into place, so that a failed import leaves nothing behind.
    /// An existing folder is never written into (unless empty).
    pub fn write(&self, dir: &Path) -> Result<(), Diagnostic> {
        refuse_existing(dir)?;
        let Some(name) = dir.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            return Err(
                Diagnostic::error(format!("{} does not name a new folder", dir.display()))
                    .expected("a folder name, e.g. --out frameworks/my-project")
                    .found(format!("{}", dir.display()))
                    .hint("choose the folder to create with --out DIR"),
            );
        };
        let parent = dir
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| io_error(e, parent))?;
        let tmp = parent.join(format!(".{name}.import-{}.tmp", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        let done = self.fill(&tmp).and_then(|()| {
            std::fs::rename(&tmp, dir).map_err(|e| {
                Diagnostic::error(format!("cannot create {}: {e}", dir.display()))
                    .hint("another process may have created it meanwhile; choose another folder with --out DIR")
            })
        });
        if done.is_err() {
            let _ = std::fs::remove_dir_all(&tmp);
        }
        sync_dir(parent);
        done
    }

    fn fill(&self, tmp: &Path) -> Result<(), Diagnostic> {
        let m = tmp.join("measurements");
        std::fs::create_dir_all(&m).map_err(|e| io_error(e, &m))?;
        write_new(&tmp.join("logframe.yaml"), self.yaml.as_bytes())?;
        write_new(&m.join("iati.csv"), self.csv.as_bytes())?;
        sync_dir(&m);
        sync_dir(tmp);
        Ok(())
    }
}
