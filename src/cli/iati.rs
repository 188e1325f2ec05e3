//! `logframe export iati` and `logframe import-iati`: the IATI commands;
//! the mappings and the XML live in `iati/`.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use crate::diag::{Diagnostic, Diagnostics};
use crate::iati::{export, generate, import};
use crate::source::Sources;
use crate::workspace;

/// `logframe export ...`
#[derive(Debug, Subcommand)]
pub enum ExportTarget {
    /// An IATI 2.03 `iati-activities` document with the framework's results
    Iati {
        /// A framework folder, or a name under ./frameworks
        framework: String,
        /// Use the ledger as it stood at the end of this date (YYYY-MM-DD)
        #[arg(long)]
        as_of: Option<String>,
        /// Write to this file instead of stdout
        #[arg(short = 'o', long = "output", value_name = "FILE.xml")]
        output: Option<PathBuf>,
    },
}

/// `logframe import-iati FILE.xml [--out DIR] [--activity ID]`
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// An IATI activity file (iati-activities, version 2.x)
    pub file: PathBuf,
    /// The framework folder to create, new or empty (default: ./frameworks/IDENTIFIER, slugged)
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The iati-identifier of the activity to import (needed when the file holds several)
    #[arg(long)]
    pub activity: Option<String>,
}

use crate::terminal::{CLEAN, FINDINGS, USAGE};

fn fail(d: Diagnostic, code: i32) -> i32 {
    crate::terminal::eprint(&Diagnostics(vec![d]), &Sources::default());
    code
}

/// Run `logframe export TARGET`.
pub fn export(target: ExportTarget) -> i32 {
    let ExportTarget::Iati {
        framework,
        as_of,
        output,
    } = target;
    let dir = match crate::workspace::resolve(&framework) {
        Ok(d) => d,
        Err(d) => return fail(d, USAGE),
    };
    let mut loaded = crate::workspace::load(&dir);
    let fw = match loaded.framework.take() {
        Some(fw) if !loaded.diagnostics.has_errors() => fw,
        _ => {
            let code = if loaded.diagnostics.is_empty() { USAGE } else { FINDINGS };
            crate::terminal::eprint(&loaded.diagnostics, &loaded.sources);
            return code;
        }
    };
    let as_of = match as_of.as_deref().map(crate::workspace::parse_as_of).transpose() {
        Ok(a) => a,
        Err(d) => return fail(d, USAGE),
    };
    let epoch = match workspace::source_date_epoch() {
        Ok(e) => e,
        Err(d) => return fail(d, USAGE),
    };
    let (computed, mut diags) = crate::compute::Computed::new(&fw, &loaded.ledger, &loaded.sources, as_of);
    let mut all = std::mem::take(&mut loaded.diagnostics);
    all.extend(std::mem::take(&mut diags));
    let xml = match export::activities(&computed, epoch) {
        Ok(x) => x,
        Err(d) => {
            all.push(d);
            crate::terminal::eprint(&all, &loaded.sources);
            return FINDINGS;
        }
    };
    crate::terminal::eprint(&all, &loaded.sources);
    match output {
        Some(path) => match crate::output::write_path(&path, xml.as_bytes()) {
            Ok(_) => CLEAN,
            Err(d) => fail(d, USAGE),
        },
        None => {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(xml.as_bytes()).and_then(|_| out.flush());
            CLEAN
        }
    }
}

/// A C0 control character other than tab and line breaks: XML 1.0 forbids
/// them, and quoted in a diagnostic (an ESC) they would reach the terminal
/// as an escape sequence.
fn is_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')
}

/// The files of `sources` to quote in a diagnostic: control characters
/// shown as spaces (one byte for one, so that every span stays right).
fn printable(sources: &Sources) -> Sources {
    let mut shown = Sources::default();
    for (_, f) in sources.files() {
        let text = if f.text.bytes().any(is_control) {
            f.text
                .chars()
                .map(|c| if c.is_ascii() && is_control(c as u8) { ' ' } else { c })
                .collect()
        } else {
            f.text.clone()
        };
        shown.add(f.path.clone(), text);
    }
    shown
}

/// Run `logframe import-iati`.
pub fn import(args: ImportArgs) -> i32 {
    // The shared reader: a Latin-1 or UTF-16 file gets the same located
    // message as a YAML or CSV file (encoding guessed, line:col of the
    // first byte that is not UTF-8); only a file that cannot be read at all
    // is an I/O error (exit 2).
    let mut sources = Sources::default();
    let id = match crate::text_file::read_text(
        &args.file,
        &mut sources,
        "IATI files are UTF-8 XML: save the file as UTF-8, or export it again from the IATI registry",
    ) {
        Ok(id) => id,
        Err(d) => {
            let code = if d.span.is_some() { FINDINGS } else { USAGE };
            crate::terminal::eprint(&Diagnostics(vec![d]), &printable(&sources));
            return code;
        }
    };
    let text = &sources.get(id).text;
    let file = args.file.display().to_string();
    let imported = match import::read(text, args.activity.as_deref(), &file, id)
        .and_then(|(activity, warnings)| Ok(generate::framework(&activity, &file, warnings)?))
    {
        Ok(i) => i,
        Err(e) => {
            crate::terminal::eprint(&Diagnostics(vec![e.diagnostic]), &printable(&sources));
            return if e.usage { USAGE } else { FINDINGS };
        }
    };
    let dir = match args.out {
        Some(dir) => dir,
        None => match generate::default_dir(Path::new("frameworks"), &imported.id) {
            Ok(d) => d,
            Err(d) => return fail(d, USAGE),
        },
    };
    if let Err(d) = imported.write(&dir) {
        return fail(d, USAGE);
    }
    // The import's warnings point into the IATI file, and the folder must
    // load and pass `check` (say so if it does not): one table of sources
    // for both, the IATI file added under a new id.
    let loaded = crate::workspace::load(&dir);
    let mut all_sources = loaded.sources;
    let iati = sources.get(id);
    let moved = all_sources.add(iati.path.clone(), iati.text.clone());
    let mut warnings = imported.warnings.clone();
    for w in &mut warnings.0 {
        if let Some(span) = w.span.as_mut().filter(|s| s.file == id) {
            span.file = moved;
        }
    }
    warnings.extend(loaded.diagnostics);
    let has_errors = warnings.has_errors();
    crate::terminal::eprint(&warnings, &all_sources);
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "{}: {} results, {} indicators, {} ledger rows written to {}",
        imported.id,
        imported.results,
        imported.indicators,
        imported.rows,
        dir.display()
    );
    if has_errors { FINDINGS } else { CLEAN }
}
