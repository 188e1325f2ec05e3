//! IATI 2.03: a framework's results as an `iati-activities` document, and
//! a new framework folder from an IATI activity. The mappings and the XML
//! live in `iati/`.

use std::path::PathBuf;

use super::{Done, Failure, Opened, Result, Workspace};
use crate::diag::Diagnostics;
use crate::iati::{export, generate, import};
use crate::source::Sources;

/// The framework's results as IATI XML, the ledger read as of a date.
pub fn export(o: &Opened, as_of: Option<&str>) -> Result<String> {
    let as_of = super::as_of(as_of).map_err(|f| o.fail(f))?;
    let epoch = crate::workspace::source_date_epoch().map_err(|d| o.fail(Failure::usage(d)))?;
    let (computed, diags) = crate::compute::Computed::new(&o.framework, &o.ledger, &o.sources, as_of);
    let mut all = o.warnings();
    all.extend(diags);
    match export::activities(&computed, epoch) {
        Ok(xml) => Ok(Done::new(xml, all, o.sources.clone())),
        Err(d) => {
            all.push(d);
            Err(Failure {
                kind: super::FailureKind::Findings,
                diagnostics: all,
                sources: o.sources.clone(),
                note: None,
            })
        }
    }
}

/// What `import-iati` created.
#[derive(Debug)]
pub struct Created {
    pub id: String,
    pub results: usize,
    pub indicators: usize,
    pub rows: usize,
    pub dir: PathBuf,
}

#[derive(Debug, Default, Clone)]
pub struct ImportQuery {
    /// The IATI activity file.
    pub file: PathBuf,
    /// The folder to create (default: frameworks/IDENTIFIER, slugged).
    pub out: Option<PathBuf>,
    /// The activity to import, when the file holds several.
    pub activity: Option<String>,
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

/// Create a framework folder from an IATI activity's results. The new
/// folder is loaded back: its findings come with the import's warnings.
pub fn import_iati(ws: &Workspace, q: &ImportQuery) -> Result<Created> {
    // The shared reader: a Latin-1 or UTF-16 file gets the same located
    // message as a YAML or CSV file; only a file that cannot be read at
    // all is an I/O error.
    let mut sources = Sources::default();
    let id = crate::text_file::read_text(
        &q.file,
        &mut sources,
        "IATI files are UTF-8 XML: save the file as UTF-8, or export it again from the IATI registry",
    )
    .map_err(|d| Failure::from_diagnostics(Diagnostics(vec![d]), printable(&sources)))?;
    let text = &sources.get(id).text;
    let file = q.file.display().to_string();
    let imported = import::read(text, q.activity.as_deref(), &file, id)
        .and_then(|(activity, warnings)| Ok(generate::framework(&activity, &file, warnings)?))
        .map_err(|e| Failure {
            kind: if e.usage {
                super::FailureKind::Usage
            } else {
                super::FailureKind::Findings
            },
            diagnostics: Diagnostics(vec![e.diagnostic]),
            sources: printable(&sources),
            note: None,
        })?;
    let dir = match &q.out {
        Some(dir) => dir.clone(),
        None => generate::default_dir(&ws.frameworks_dir(), &imported.id).map_err(Failure::usage)?,
    };
    imported.write(&dir).map_err(Failure::usage)?;
    // The import's warnings point into the IATI file, and the folder must
    // load and pass `check`: one table of sources for both, the IATI file
    // added under a new id.
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
    let findings = warnings.has_errors();
    let mut done = Done::new(
        Created {
            id: imported.id.clone(),
            results: imported.results,
            indicators: imported.indicators,
            rows: imported.rows,
            dir,
        },
        warnings,
        all_sources,
    );
    done.findings = findings;
    Ok(done)
}
