//! The atomic replacement of a ledger file: a temporary file beside it (or
//! beside a link's target), fsynced, checked by [`super::verify`], renamed
//! over the old one, then the folder fsynced. Temporary files a killed
//! writer left are recognised by name and removed under the lock.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::io_error;
use super::verify::{RowImage, verify};
use crate::diag::Diagnostic;
use crate::model::Framework;

/// The temporary file a writer uses for `name` in its folder.
pub(super) fn temp_name(name: &str) -> String {
    format!(".{name}.{}.tmp", std::process::id())
}

/// Whether `file` is a temporary file of a writer of `name`.
pub(super) fn is_temp_of(file: &str, name: &str) -> bool {
    file.strip_prefix('.')
        .and_then(|f| f.strip_prefix(name))
        .and_then(|f| f.strip_prefix('.'))
        .and_then(|f| f.strip_suffix(".tmp"))
        .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Remove the temporary files of writers of `name` in `dir`. Called under
/// the lock, when no other writer can be running: any such file was left
/// by a writer that was killed before its rename.
pub(super) fn remove_stale_temps(dir: &Path, name: &str) -> std::io::Result<()> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        if is_temp_of(&entry.file_name().to_string_lossy(), name) && entry.file_type()?.is_file() {
            fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// Replace `path` (or the target of a link at `path`) with `text`, which
/// must read back as `expected` (the old rows of the file, then the new
/// ones): write a temporary file beside it, fsync, verify, rename, fsync
/// the folder. On any failure the temporary file is removed and the old
/// file is left as it was.
pub(super) fn write_ledger_file(
    fw: &Framework,
    path: &Path,
    text: &str,
    expected: &[RowImage],
) -> Result<(), Diagnostic> {
    let target = write_target(path)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if target != path {
        remove_stale_temps(dir, &name).map_err(|e| io_error("cannot remove stale temporary files".into(), e))?;
    }
    let tmp = dir.join(temp_name(&name));
    let result = write_synced(&tmp, text.as_bytes())
        .map_err(|e| io_error(format!("cannot write {}", tmp.display()), e))
        .and_then(|()| verify(fw, &tmp, expected))
        .and_then(|()| {
            fs::rename(&tmp, &target).map_err(|e| io_error(format!("cannot replace {}", target.display()), e))
        });
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result?;
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| io_error(format!("cannot sync {}", dir.display()), e))
}

/// The file to replace: `path`, or the file a symbolic link at `path`
/// points to (the link stays a link; the data goes where it points).
pub(super) fn write_target(path: &Path) -> Result<PathBuf, Diagnostic> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).map_err(|e| {
            Diagnostic::error(format!(
                "{} is a symbolic link that cannot be followed: {e}",
                path.display()
            ))
            .hint("point the link at an existing file, or replace it with the file itself")
        }),
        _ => Ok(path.to_path_buf()),
    }
}

pub(super) fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = File::create(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}
