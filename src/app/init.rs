//! Starting a workspace's files: a new framework folder whose starter
//! logframe.yaml passes `check`, and the built-in report templates written
//! out as a starting point for overrides.

use std::path::{Path, PathBuf};

use super::{Done, Failure, Result};
use crate::diag::{Diagnostic, Diagnostics};
use crate::render::markdown;
use crate::source::Sources;

const INIT_TEMPLATE: &str = include_str!("../templates/init.yaml");

/// Create `parent/name/logframe.yaml` and `measurements/`; the folder it made.
pub fn init(name: &str, parent: &Path) -> Result<PathBuf> {
    let ok = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if !ok {
        return Err(Failure::usage(
            Diagnostic::error(format!("`{name}` cannot name a framework"))
                .expected("lower-case letters, digits, - and _")
                .found(name.to_string())
                .hint("e.g. `logframe init my-project`"),
        ));
    }
    let dir = parent.join(name);
    if dir.exists() {
        return Err(Failure::usage(
            Diagnostic::error(format!("{} already exists", dir.display()))
                .hint("pick another name, or edit the existing framework"),
        ));
    }
    // The name is checked above; quoted as a JSON string it is a YAML
    // scalar whatever it holds.
    let id = serde_json::to_string(name).unwrap_or_default();
    let yaml = INIT_TEMPLATE.replace("{{id}}", &id);
    crate::output::write_file(parent, Path::new(name).join("logframe.yaml"), yaml.as_bytes())
        .and_then(|_| {
            std::fs::create_dir_all(dir.join("measurements")).map_err(|e| {
                Diagnostic::error(format!("cannot create {}: {e}", dir.join("measurements").display()))
                    .hint("check that the folder is writable")
            })
        })
        .map_err(Failure::usage)?;
    Ok(Done::new(dir, Diagnostics::default(), Sources::default()))
}

/// Each built-in template's path in `dir`, and whether it was written
/// (`false`: a file of that name was there already and is kept).
pub fn export_templates(dir: &Path) -> Result<Vec<(PathBuf, bool)>> {
    std::fs::create_dir_all(dir).map_err(|e| {
        Failure::usage(
            Diagnostic::error(format!("cannot create {}: {e}", dir.display()))
                .hint("check that the folder is writable"),
        )
    })?;
    let mut out = Vec::new();
    for (name, text) in markdown::BUILTIN {
        let p = dir.join(name);
        if p.exists() {
            out.push((p, false));
            continue;
        }
        crate::output::write_file(dir, name, text.as_bytes()).map_err(Failure::usage)?;
        out.push((p, true));
    }
    Ok(Done::new(out, Diagnostics::default(), Sources::default()))
}
