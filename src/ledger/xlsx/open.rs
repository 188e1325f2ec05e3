//! Opening a workbook: the error for a file that is not one (saying what it
//! seems to be), and the sheet to read.

use std::path::Path;

use crate::diag::Diagnostic;

/// The error for a file calamine cannot open, saying what the file seems
/// to be from its first bytes: a CSV or text file renamed, an old .xls
/// named .xlsx, a damaged workbook.
pub(super) fn not_a_workbook(path: &Path, error: &str) -> Diagnostic {
    let mut head = [0u8; 512];
    let n = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    let head = &head[..n];
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let (found, hint) = if head.starts_with(b"PK") {
        (
            "a zip archive that is not a readable workbook (damaged, or another kind of document)".to_string(),
            "open it in your spreadsheet and save it again as .xlsx, or export the sheet as CSV UTF-8",
        )
    } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        (
            match ext.as_str() {
                "xls" => "an old Excel (.xls) file that cannot be read (damaged?)".to_string(),
                _ => format!("an old Excel (.xls) file named .{ext}"),
            },
            if ext == "xls" {
                "open it in your spreadsheet and save it again as .xlsx"
            } else {
                "rename it to .xls, or save it again as .xlsx"
            },
        )
    } else if n > 0 && std::str::from_utf8(head).is_ok() {
        (
            "a text file (CSV?), not a workbook".to_string(),
            "if it is CSV, rename it to .csv and import it as CSV",
        )
    } else if n == 0 {
        ("an empty file".to_string(), "check the path; the file holds nothing")
    } else {
        (
            "bytes that are not a workbook".to_string(),
            "save it as .xlsx (Excel workbook) or .ods, or export the sheet as CSV UTF-8",
        )
    };
    Diagnostic::error(format!("cannot read {} as a spreadsheet: {error}", path.display()))
        .expected(format!("a .{ext} workbook"))
        .found(found)
        .hint(hint)
}

/// The sheet to read: the one named, else the first.
pub(super) fn sheet_name(names: &[String], sheet: Option<&str>, path: &Path) -> Result<String, Diagnostic> {
    match sheet {
        Some(s) => names.iter().find(|n| n.as_str() == s).cloned().ok_or_else(|| {
            Diagnostic::error(format!("{} has no sheet `{s}`", path.display()))
                .expected(format!("one of {}", names.join(", ")))
                .found(format!("`{s}`"))
                .hint(
                    crate::diag::did_you_mean(s, names.iter().map(String::as_str))
                        .unwrap_or_else(|| "name a sheet with --sheet".into()),
                )
        }),
        None => names.first().cloned().ok_or_else(|| {
            Diagnostic::error(format!("{} has no sheets", path.display()))
                .expected("a workbook with at least one sheet")
                .found("no sheet")
                .hint("check the file")
        }),
    }
}
