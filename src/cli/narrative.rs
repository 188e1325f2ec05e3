//! `logframe narrative new`: the scaffold of a period's narrative, with
//! the sections the donor's layout asks for and a bullet per indicator to
//! explain.

use clap::{Args, Subcommand};

use super::formats::LangArg;
use super::terminal::{CLEAN, fail, finish, outln};
use crate::app::{Workspace, narrative};
use crate::locale::term_message;

#[derive(Debug, Subcommand)]
pub enum NarrativeAction {
    /// Write narrative/<period>.md (or <period>.<lang>.md in a language other than the project's)
    /// with the layout's sections, the progress section pre-filled with a bullet per indicator
    /// off track, at risk or not achieved
    New(NewArgs),
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// A framework folder, or a name under ./frameworks
    pub framework: String,
    /// Reporting period, e.g. 2023-Q3
    #[arg(long)]
    pub period: String,
    /// Language of the headings (default: the project's language)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Replace an existing narrative file
    #[arg(long)]
    pub force: bool,
}

pub fn run(action: NarrativeAction) -> i32 {
    let NarrativeAction::New(a) = action;
    let mut o = match Workspace::current().open(&a.framework) {
        Ok(o) => o,
        Err(f) => return fail(f),
    };
    let q = narrative::NewQuery {
        period: a.period,
        lang: a.lang.map(Into::into),
        force: a.force,
    };
    finish(narrative::new(&mut o, &q), |done| {
        outln(&term_message(
            "narrative-wrote",
            [
                ("path", done.path.display().to_string().into()),
                ("sections", done.sections.to_string().into()),
                ("bullets", done.bullets.into()),
            ],
        ));
        CLEAN
    })
}
