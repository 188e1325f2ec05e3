//! Running a parsed command: load, compute, render, and map the outcome to
//! an exit code (0 clean, 1 findings, 2 usage or I/O error).

use std::path::Path;

use crate::cli::{Cli, Command, TableFormat};
use crate::compute::Computed;
use crate::diag::{Diagnostic, Diagnostics};
use crate::ledger::row::{RowFields, RowParser};
use crate::ledger::write::{NewRow, commit, now, recorder};
use crate::model::MAX_DIMENSIONS;
use crate::render;
use crate::source::Sources;
use crate::workspace::{self};

macro_rules! outln {
    ($($arg:tt)*) => { out(&(format!($($arg)*) + "\n")) };
}

pub use crate::terminal::{CLEAN, FINDINGS, USAGE};
use crate::terminal::{eprint as eprint_diags, open, out, report_commit, usage};

pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Check {
            framework,
            quality,
            deadline_days,
            as_of,
        } => check(framework.as_deref(), quality, deadline_days, as_of.as_deref()),
        Command::Status {
            framework,
            period,
            format,
            as_of,
        } => status(&framework, period.as_deref(), format, as_of.as_deref()),
        Command::Record {
            framework,
            indicator,
            period,
            value,
            numerator,
            denominator,
            score,
            dims,
            comment,
            source,
            by,
        } => {
            let fields = RecordArgs {
                indicator,
                period,
                value: value.unwrap_or_default(),
                numerator: numerator.unwrap_or_default(),
                denominator: denominator.unwrap_or_default(),
                score: score.unwrap_or_default(),
                dims,
                comment: comment.unwrap_or_default(),
                source: source.unwrap_or_default(),
            };
            record(&framework, fields, by.as_deref())
        }
        Command::Import {
            framework,
            file,
            dry_run,
            by,
            sheet,
        } if sheet.is_some() || crate::ledger::xlsx::is_spreadsheet(&file) => {
            crate::evaluate::command::import_spreadsheet(&framework, &file, sheet.as_deref(), dry_run, by.as_deref())
        }
        Command::Import {
            framework,
            file,
            dry_run,
            by,
            ..
        } => import(&framework, &file, dry_run, by.as_deref()),
        Command::History {
            framework,
            indicator,
            period,
            as_of,
        } => history(&framework, &indicator, period.as_deref(), as_of.as_deref()),
        Command::Compare(args) => crate::evaluate::command::compare(args),
        Command::Explain(args) => crate::evaluate::command::explain(args),
        Command::Report(args) => crate::report::command::run(args),
        Command::Funding(args) => crate::cli::funding::run(args),
        Command::Templates { action } => crate::report::command::templates(action),
        Command::Schema => {
            out(&crate::load::raw::json_schema());
            CLEAN
        }
        Command::Init { name, dir } => init(&name, &dir),
        Command::Export(target) => crate::iati::run_export(target),
        Command::ImportIati(args) => crate::iati::run_import(args),
    }
}

/// `check [--quality] [--as-of DATE]`: validation, plus the data-quality
/// rules when `quality` is set (deadline: the flag, else the project's). With `--as-of` the ledger
/// is read as it stood that day, and that day is "today" for what is due.
fn check(arg: Option<&str>, quality: bool, deadline_days: Option<u32>, as_of: Option<&str>) -> i32 {
    let dirs = match arg {
        Some(a) => match workspace::resolve(a) {
            Ok(d) => vec![d],
            Err(d) => return usage(d),
        },
        None => {
            let all = workspace::list_frameworks(Path::new("frameworks"));
            if all.is_empty() {
                return usage(Diagnostic::error("no frameworks under ./frameworks").hint(
                    "run from the workspace folder, name a framework folder, or create one with `logframe init NAME`",
                ));
            }
            all
        }
    };
    let as_of = match as_of.map(workspace::parse_as_of).transpose() {
        Ok(a) => a,
        Err(d) => return usage(d),
    };
    let today = match as_of.map_or_else(now, Ok) {
        Ok(t) => t.date_naive(),
        Err(d) => return usage(d),
    };
    let mut code = CLEAN;
    for dir in dirs {
        let mut loaded = workspace::load(&dir);
        let mut diags = std::mem::take(&mut loaded.diagnostics);
        let summary = match &loaded.framework {
            Some(fw) if !diags.has_errors() => {
                let (computed, d) = Computed::new(fw, &loaded.ledger, &loaded.sources, as_of);
                diags.extend(d);
                let mut summary = format!(
                    "{}: {} results, {} indicators, {} ledger rows",
                    fw.project.id,
                    fw.results.len(),
                    fw.indicators.len(),
                    loaded.ledger.entries.len()
                );
                if quality {
                    let deadline_days = deadline_days.unwrap_or(fw.project.reporting_deadline_days);
                    let rules = crate::compute::quality::Rules {
                        deadline_days,
                        today,
                        now: Some(chrono::Utc::now()),
                    };
                    diags.extend(crate::compute::quality::findings(&computed, &loaded.sources, &rules));
                    summary.push_str(&format!(", quality checked on {today}"));
                }
                summary
            }
            _ => dir.display().to_string(),
        };
        eprint_diags(&diags, &loaded.sources);
        if diags.is_empty() {
            outln!("{summary}: ok");
        } else {
            let n = |k: usize, what: &str| format!("{k} {what}{}", if k == 1 { "" } else { "s" });
            outln!(
                "{summary}: {}, {}",
                n(diags.errors(), "error"),
                n(diags.warnings(), "warning")
            );
            code = code.max(crate::terminal::exit_code(&diags));
        }
    }
    code
}

fn status(arg: &str, period: Option<&str>, format: TableFormat, as_of: Option<&str>) -> i32 {
    let (fw, loaded) = match open(arg) {
        Ok(x) => x,
        Err(c) => return c,
    };
    let as_of = match as_of.map(workspace::parse_as_of).transpose() {
        Ok(a) => a,
        Err(d) => return usage(d),
    };
    let (computed, diags) = Computed::new(&fw, &loaded.ledger, &loaded.sources, as_of);
    let mut all = loaded.diagnostics;
    all.extend(diags);
    eprint_diags(&all, &loaded.sources);
    let period = match period {
        Some(p) => match workspace::parse_period_arg(&fw, p) {
            Ok(p) => p,
            Err(d) => return usage(d),
        },
        None => computed.default_period(),
    };
    let table = computed.table(&period);
    let text = match format {
        TableFormat::Table => render::status::table(&fw, &table),
        TableFormat::Csv => render::status::csv(&fw, &table),
        TableFormat::Json => render::status::json(&table),
    };
    out(&text);
    CLEAN
}

struct RecordArgs {
    indicator: String,
    period: String,
    value: String,
    numerator: String,
    denominator: String,
    score: String,
    dims: Vec<String>,
    comment: String,
    source: String,
}

fn record(arg: &str, a: RecordArgs, by: Option<&str>) -> i32 {
    let (fw, _loaded) = match open(arg) {
        Ok(x) => x,
        Err(c) => return c,
    };
    let mut dims: [&str; MAX_DIMENSIONS] = [""; MAX_DIMENSIONS];
    for d in &a.dims {
        let Some((name, value)) = d.split_once('=') else {
            return usage(
                Diagnostic::error(format!("--dim `{d}` is not NAME=VALUE"))
                    .expected("e.g. --dim sex=women")
                    .found(d.clone())
                    .hint("write the dimension, `=`, and the value"),
            );
        };
        match fw.disaggregation_index(name.trim()) {
            Some(i) if !dims[i].is_empty() => {
                return usage(
                    Diagnostic::error(format!("--dim {} is given twice", name.trim()))
                        .expected(format!("one value for `{}`", name.trim()))
                        .found(format!("{} and {}", dims[i], value))
                        .hint("record each breakdown as its own value"),
                );
            }
            Some(i) => dims[i] = value,
            None => {
                let names: Vec<&str> = fw.disaggregations.iter().map(|d| d.name.as_str()).collect();
                return usage(
                    Diagnostic::error(format!("unknown disaggregation `{}`", name.trim()))
                        .expected(format!("one of {}", names.join(", ")))
                        .found(name.trim().to_string())
                        .hint(
                            crate::diag::did_you_mean(name.trim(), names.iter().copied())
                                .unwrap_or_else(|| "declare it in logframe.yaml".into()),
                        ),
                );
            }
        }
    }
    let fields = RowFields {
        indicator: &a.indicator,
        period: &a.period,
        value: &a.value,
        numerator: &a.numerator,
        denominator: &a.denominator,
        score: &a.score,
        dims,
        comment: &a.comment,
        source: &a.source,
        recorded_at: "",
        recorded_by: "",
    };
    let mut parser = RowParser::new(&fw);
    let parsed = match parser.parse(&fields) {
        Ok(p) => p,
        Err(errors) => {
            let diags = Diagnostics(errors.into_iter().map(|e| e.diagnostic).collect());
            eprint_diags(&diags, &Sources::default());
            return FINDINGS;
        }
    };
    let at = match now() {
        Ok(t) => t,
        Err(d) => return usage(d),
    };
    let row = NewRow::new(&fw, parsed, &fields, at, &recorder(by));
    report_commit(&fw, commit(&fw, Sources::default(), vec![row], false), false)
}

fn import(arg: &str, file: &Path, dry_run: bool, by: Option<&str>) -> i32 {
    let (fw, _loaded) = match open(arg) {
        Ok(x) => x,
        Err(c) => return c,
    };
    let mut sources = Sources::default();
    let id = match crate::ledger::read::read_csv_file(file, &mut sources) {
        Ok(id) => id,
        Err(d) => {
            let mut diags = crate::diag::Diagnostics::default();
            diags.push(d);
            eprint_diags(&diags, &sources);
            eprintln!("nothing was imported: fix the file and import it again");
            return crate::terminal::exit_code(&diags);
        }
    };
    let at = match now() {
        Ok(t) => t,
        Err(d) => return usage(d),
    };
    let who = recorder(by);
    let default_source = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let line = |l: u32| format!("line {l}");
    let (rows, mut diags) = crate::ledger::write::import_rows(&fw, &sources, id, &default_source, at, &who, &line);
    if rows.is_empty() && !diags.has_errors() {
        diags.push(crate::ledger::read::no_rows(&sources, id));
    }
    if diags.has_errors() {
        eprint_diags(&diags, &sources);
        eprintln!("nothing was imported: fix the rows above and import the file again");
        return FINDINGS;
    }
    eprint_diags(&diags, &sources);
    let result = commit(&fw, sources, rows.into_iter().map(|(r, _)| r).collect(), dry_run);
    report_commit(&fw, result, dry_run)
}

fn history(arg: &str, indicator: &str, period: Option<&str>, as_of: Option<&str>) -> i32 {
    let (fw, loaded) = match open(arg) {
        Ok(x) => x,
        Err(c) => return c,
    };
    eprint_diags(&loaded.diagnostics, &loaded.sources);
    let Some(ix) = fw.indicator_index(indicator) else {
        return usage(
            Diagnostic::error(format!("unknown indicator `{indicator}`"))
                .expected("an indicator id of the framework")
                .found(indicator.to_string())
                .hint(
                    crate::diag::did_you_mean(indicator, fw.indicators.iter().map(|i| i.id.as_str()))
                        .unwrap_or_else(|| "`logframe status` lists them".into()),
                ),
        );
    };
    let as_of = match as_of.map(workspace::parse_as_of).transpose() {
        Ok(a) => a,
        Err(d) => return usage(d),
    };
    let period = match period.map(|p| workspace::parse_period_arg(&fw, p)).transpose() {
        Ok(p) => p,
        Err(d) => return usage(d),
    };
    let ledger = &loaded.ledger;
    let keep = |i: &u32| {
        let e = &ledger.entries[*i as usize];
        e.indicator as usize == ix && period.is_none_or(|p| p.contains(&e.period))
    };
    let trail: Vec<u32> = ledger.trail(as_of).into_iter().filter(keep).collect();
    let mut in_force: Vec<u32> = ledger.current(as_of).into_iter().filter(keep).collect();
    in_force.sort_unstable();
    let ind = &fw.indicators[ix];
    outln!("{} {}", ind.id, ind.title.default);
    if trail.is_empty() {
        outln!("no values recorded");
    } else {
        out(&render::history::history(
            &fw,
            ledger,
            &loaded.sources,
            &trail,
            &in_force,
        ));
        outln!(
            "{} row{}, {} in force, {} superseded",
            trail.len(),
            if trail.len() == 1 { "" } else { "s" },
            in_force.len(),
            trail.len() - in_force.len()
        );
    }
    CLEAN
}

const INIT_TEMPLATE: &str = include_str!("templates/init.yaml");

fn init(name: &str, parent: &Path) -> i32 {
    let ok = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if !ok {
        return usage(
            Diagnostic::error(format!("`{name}` cannot name a framework"))
                .expected("lower-case letters, digits, - and _")
                .found(name.to_string())
                .hint("e.g. `logframe init my-project`"),
        );
    }
    let dir = parent.join(name);
    if dir.exists() {
        return usage(
            Diagnostic::error(format!("{} already exists", dir.display()))
                .hint("pick another name, or edit the existing framework"),
        );
    }
    // The name is checked above; quoted as a JSON string it is a YAML
    // scalar whatever it holds.
    let id = serde_json::to_string(name).unwrap_or_default();
    let yaml = INIT_TEMPLATE.replace("{{id}}", &id);
    let written =
        crate::output::write_file(parent, Path::new(name).join("logframe.yaml"), yaml.as_bytes()).and_then(|_| {
            std::fs::create_dir_all(dir.join("measurements")).map_err(|e| {
                Diagnostic::error(format!("cannot create {}: {e}", dir.join("measurements").display()))
                    .hint("check that the folder is writable")
            })
        });
    if let Err(d) = written {
        return usage(d);
    }
    outln!("created {}/logframe.yaml", dir.display());
    outln!("next: edit it, then `logframe check {}`", dir.display());
    CLEAN
}
