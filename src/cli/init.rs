//! `logframe init`: a new framework folder whose starter logframe.yaml
//! passes `check`.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::diag::Diagnostic;
use crate::terminal::{CLEAN, out, usage};

macro_rules! outln {
    ($($arg:tt)*) => { out(&(format!($($arg)*) + "\n")) };
}

/// Create a new framework folder with a starter logframe.yaml
#[derive(Debug, Args)]
pub struct InitArgs {
    pub name: String,
    /// Parent folder (default: ./frameworks)
    #[arg(long, default_value = "frameworks")]
    pub dir: PathBuf,
}

pub fn run(a: InitArgs) -> i32 {
    init(&a.name, &a.dir)
}

const INIT_TEMPLATE: &str = include_str!("../templates/init.yaml");

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
