//! The append: new rows written at the end of `ledger.csv` in place, for a
//! file whose header is already the canonical one, so that recording one
//! value costs a few small writes whatever the ledger's size.
//!
//! Under the lock, in order: a marker beside the ledger
//! (`.ledger.csv.append`) records the file's length, and is synced; the
//! rows go to the end of the file in one write and the file is synced; the
//! appended bytes are read back with the ledger's own parser and compared
//! with the rows meant (a difference cuts them off again and refuses); the
//! marker is removed and the folder synced. A writer killed before the
//! marker is gone leaves it behind: the next writer, under the lock, cuts
//! the file back to the length it names (a torn last line, or rows whose
//! writer never said they were written) before reading the ledger.
//!
//! Large batches (an import) still go through the atomic rewrite, so that a
//! kill leaves the old file or the new one byte for byte.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::dialect::{finish, writer};
use super::io_error;
use super::new_row::NewRow;
use super::verify::RowImage;
use crate::diag::Diagnostic;
use crate::ledger::Ledger;
use crate::ledger::read::CsvDialect;
use crate::ledger::row::RowParser;
use crate::model::Framework;
use crate::source::Sources;

/// Appends up to this many bytes; more go through the rewrite.
pub(super) const MAX_APPEND: usize = 4096;

/// The marker of an append in progress, beside the ledger file (its target
/// when it is a symbolic link).
fn marker_of(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.append"))
}

fn sync_dir(target: &Path) -> Result<(), Diagnostic> {
    let dir = target.parent().unwrap_or(Path::new("."));
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| io_error(format!("cannot sync {}", dir.display()), e))
}

/// Under the lock, before the ledger is read: cut back an append whose
/// writer died before it was done, and remove its marker.
pub(super) fn repair_torn_append(target: &Path) -> Result<(), Diagnostic> {
    let marker = marker_of(target);
    let text = match fs::read_to_string(&marker) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io_error(format!("cannot read {}", marker.display()), e)),
    };
    // A marker cut short by a crash (empty or not a number) was written
    // before any row was: there is nothing to cut.
    if let Ok(len) = text.trim().parse::<u64>() {
        match OpenOptions::new().write(true).open(target) {
            Ok(f) => {
                if f.metadata()
                    .map_err(|e| io_error(format!("cannot read {}", target.display()), e))?
                    .len()
                    > len
                {
                    f.set_len(len)
                        .and_then(|()| f.sync_all())
                        .map_err(|e| io_error(format!("cannot repair {}", target.display()), e))?;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_error(format!("cannot open {}", target.display()), e)),
        }
    }
    fs::remove_file(&marker).map_err(|e| io_error(format!("cannot remove {}", marker.display()), e))?;
    sync_dir(target)
}

/// At most this many rows are appended (a record, a small import).
pub(super) const MAX_ROWS: usize = 32;

/// Whether rows could be appended to the ledger file at `path` as it stands:
/// it exists and its header line is the canonical one (`header(review)`,
/// with the review columns when `review` or when the file has them),
/// followed by a line end. Only the start of the file is read.
pub(super) fn can_append(path: &Path, header: impl Fn(bool) -> Vec<String>, review: bool) -> bool {
    let Ok(f) = File::open(path) else { return false };
    let mut start = Vec::new();
    if f.take(1 << 16).read_to_end(&mut start).is_err() {
        return false;
    }
    let Some(end) = start.iter().position(|&b| b == b'\n') else {
        return false;
    };
    let Ok(line) = std::str::from_utf8(&start[..=end]) else {
        return false;
    };
    let review = review || super::has_review_columns(line);
    appended_text(line, &header(review), &[]).is_some()
}

/// The bytes to append to `old` for `rows`, in its dialect, when `old`
/// has exactly the canonical `header` and line ends the rows can follow;
/// `None` when the file must be rewritten instead.
pub(super) fn appended_text(old: &str, header: &[String], rows: &[NewRow]) -> Option<String> {
    let d = CsvDialect::of(old);
    let after = &d.body[d.first_line.len()..];
    let crlf = after.starts_with("\r\n");
    if !(crlf || after.starts_with('\n')) {
        return None;
    }
    let have: Vec<String> = d
        .first_line
        .split(char::from(d.delimiter))
        .map(|c| c.trim().to_ascii_lowercase())
        .collect();
    if d.first_line.contains('"') || have != header {
        return None;
    }
    let mut w = writer(d.delimiter, crlf);
    for r in rows {
        w.write_record(&r.cells).ok()?;
    }
    let mut text = finish(w).ok()?;
    if !old.ends_with('\n') {
        text.insert_str(0, if crlf { "\r\n" } else { "\n" });
    }
    (text.len() <= MAX_APPEND).then_some(text)
}

/// Append `text` (from [`appended_text`]) to the ledger file at `target`,
/// whose header line (with its line end) is `header`, and check that it
/// reads back as `expected`.
pub(super) fn append(
    fw: &Framework,
    target: &Path,
    header: &str,
    text: &str,
    expected: &[RowImage],
) -> Result<(), Diagnostic> {
    let marker = marker_of(target);
    let mut f = OpenOptions::new()
        .read(true)
        .append(true)
        .open(target)
        .map_err(|e| io_error(format!("cannot open {}", target.display()), e))?;
    let len = f
        .metadata()
        .map_err(|e| io_error(format!("cannot read {}", target.display()), e))?
        .len();
    fs::write(&marker, len.to_string())
        .and_then(|()| File::open(&marker)?.sync_all())
        .map_err(|e| io_error(format!("cannot write {}", marker.display()), e))?;
    sync_dir(target)?;
    let undo = |f: &File| {
        let _ = f.set_len(len).and_then(|()| f.sync_all());
    };
    if let Err(e) = f.write_all(text.as_bytes()).and_then(|()| f.sync_all()) {
        undo(&f);
        return Err(io_error(format!("cannot append to {}", target.display()), e));
    }
    if let Err(d) = read_back(fw, &mut f, target, len, header, expected) {
        undo(&f);
        let _ = fs::remove_file(&marker);
        return Err(d);
    }
    fs::remove_file(&marker).map_err(|e| io_error(format!("cannot remove {}", marker.display()), e))?;
    sync_dir(target)
}

/// Read the bytes appended after `len` back with the ledger's parser (under
/// the file's header) and compare them with the rows meant.
fn read_back(
    fw: &Framework,
    f: &mut File,
    target: &Path,
    len: u64,
    header: &str,
    expected: &[RowImage],
) -> Result<(), Diagnostic> {
    let refuse = |what: String| {
        Diagnostic::error(format!(
            "the rows were not recorded: what was appended to {} did not read back as expected ({what})",
            target.display()
        ))
        .hint("the ledger is as it was; this is a bug in logframe, please report it with the ledger file")
    };
    let mut bytes = Vec::new();
    f.seek(SeekFrom::Start(len))
        .and_then(|_| f.read_to_end(&mut bytes))
        .map_err(|e| refuse(e.to_string()))?;
    let tail = String::from_utf8(bytes).map_err(|e| refuse(e.to_string()))?;
    let mut sources = Sources::default();
    let file = sources.add(target.to_path_buf(), format!("{header}{tail}"));
    let mut ledger = Ledger::default();
    let diags = ledger.read_file(fw, &mut RowParser::new(fw), &sources, file);
    if let Some(d) = diags.0.iter().find(|d| d.is_error()) {
        return Err(refuse(d.message.clone()));
    }
    let got: Vec<RowImage> = ledger.entries().map(|e| RowImage::of(&ledger, e)).collect();
    if got != expected {
        return Err(refuse(format!(
            "{} rows read back, {} meant",
            got.len(),
            expected.len()
        )));
    }
    Ok(())
}

/// The header line of a file [`appended_text`] accepted, with its
/// byte-order mark and line end.
pub(super) fn header_line(old: &str) -> &str {
    let d = CsvDialect::of(old);
    let end = d.bom + d.first_line.len();
    let eol = if old[end..].starts_with("\r\n") { 2 } else { 1 };
    &old[..(end + eol).min(old.len())]
}
