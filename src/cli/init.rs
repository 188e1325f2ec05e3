//! `logframe init`: a new framework folder whose starter logframe.yaml
//! passes `check`.

use std::path::PathBuf;

use clap::Args;

use super::terminal::{CLEAN, finish, outln};
use crate::locale::term_message;

/// Create a new framework folder with a starter logframe.yaml
#[derive(Debug, Args)]
pub struct InitArgs {
    pub name: String,
    /// Parent folder (default: ./frameworks)
    #[arg(long, default_value = "frameworks")]
    pub dir: PathBuf,
}

pub fn run(a: InitArgs) -> i32 {
    finish(crate::app::init::init(&a.name, &a.dir), |dir| {
        let dir = || dir.display().to_string().into();
        outln(&term_message("init-created", [("dir", dir())]));
        outln(&term_message("init-next", [("dir", dir())]));
        CLEAN
    })
}
