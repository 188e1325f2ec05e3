//! Output formats shared by several commands' arguments.

use clap::ValueEnum;

/// What a table-shaped command prints: aligned text, CSV or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Table,
    Csv,
    Json,
}

/// `--lang`: the report's language, as the flag spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Fr,
    Es,
}

impl From<LangArg> for crate::locale::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::En => Self::En,
            LangArg::Fr => Self::Fr,
            LangArg::Es => Self::Es,
        }
    }
}
