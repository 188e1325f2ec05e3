//! Output formats shared by several commands' arguments.

use clap::ValueEnum;

/// What a table-shaped command prints: aligned text, CSV or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Table,
    Csv,
    Json,
}
