//! Writing output files: reports, charts, exports, new frameworks.
//!
//! Every file the engine writes for the user goes through [`write_file`],
//! for two reasons. File names are built from user data (project and
//! indicator ids), so the one function that joins them to the output folder
//! refuses any name that would leave it: `..`, absolute paths, or a
//! subfolder that is a symlink to elsewhere. And a file is written to a
//! temporary file beside it, fsynced and renamed over the old one, so a
//! crash or a full disk leaves the old file or the new one, never half of
//! one.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use crate::diag::Diagnostic;

/// Write `bytes` to `dir/name`, atomically, creating folders as needed.
/// `name` is relative and may hold subfolders (`starsom-2023-Q3/summary.svg`);
/// it may not leave `dir`. Returns the path written.
pub fn write_file(dir: &Path, name: impl AsRef<Path>, bytes: &[u8]) -> Result<PathBuf, Diagnostic> {
    let path = prepare(dir, name.as_ref())?;
    replace(&path, bytes, SHARED)?;
    Ok(path)
}

/// Like [`write_file`], but the file is readable by its owner alone (0600
/// on Unix): the users file and the session key.
pub fn write_private_file(dir: &Path, name: impl AsRef<Path>, bytes: &[u8]) -> Result<PathBuf, Diagnostic> {
    let path = prepare(dir, name.as_ref())?;
    replace(&path, bytes, PRIVATE)?;
    Ok(path)
}

/// File modes: shared output (0666 less the umask) and private files.
const SHARED: u32 = 0o666;
const PRIVATE: u32 = 0o600;

/// Write `bytes` to a file the user named (`-o FILE`): atomically, inside
/// the folder the path names. A symlink the user names is written through
/// to its target.
pub fn write_path(path: &Path, bytes: &[u8]) -> Result<PathBuf, Diagnostic> {
    if is_symlink(path) {
        let real = resolve(path)?;
        return write_path_plain(&real, bytes);
    }
    write_path_plain(path, bytes)
}

fn write_path_plain(path: &Path, bytes: &[u8]) -> Result<PathBuf, Diagnostic> {
    let Some(name) = path.file_name() else {
        return Err(Diagnostic::error(format!("{} does not name a file", path.display()))
            .expected("a file name, e.g. `report.xlsx`")
            .found(path.display().to_string())
            .hint("give the file a name"));
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    write_file(dir, name, bytes)
}

/// Write several files under `dir`. Every name is checked (and its folder
/// made) before the first file is written, so a refused name leaves no
/// partial output.
pub fn write_files(dir: &Path, files: &[(PathBuf, Vec<u8>)]) -> Result<Vec<PathBuf>, Diagnostic> {
    // A report names hundreds of files in one or two folders: each folder
    // is made and its real path checked once, not once a file.
    let mut checked: Vec<PathBuf> = Vec::new();
    let paths = files
        .iter()
        .map(|(name, _)| prepare_in(dir, name, &mut checked))
        .collect::<Result<Vec<_>, _>>()?;
    // In batches, so that the temporary files held open stay well under
    // the usual limit of open files (1024).
    for (paths, files) in paths.chunks(BATCH).zip(files.chunks(BATCH)) {
        replace_all(paths, files).map_err(|(path, e)| cannot(format!("cannot write {}", path.display()), e))?;
    }
    Ok(paths)
}

/// Files written together by [`replace_all`].
const BATCH: usize = 256;

/// [`replace`] for many files at once, with the same guarantee for each
/// (the old file or the new one, never half of one) but far fewer waits on
/// the disk: a report over hundreds of indicators writes hundreds of
/// charts, and a write, fsync, rename and folder fsync per file cost more
/// than building the report. Every temporary file is written first, then
/// all are made durable together ([`sync_all`]), then all are renamed,
/// then each folder is fsynced once. A failure
/// before the renames leaves every old file in place and removes the
/// temporary files.
fn replace_all<'a>(paths: &'a [PathBuf], files: &[(PathBuf, Vec<u8>)]) -> Result<(), (&'a Path, std::io::Error)> {
    let mut written = Vec::with_capacity(paths.len());
    for (path, (_, bytes)) in paths.iter().zip(files) {
        if holds(path, bytes) {
            continue;
        }
        let parent = path.parent().unwrap_or(Path::new("."));
        let mut tmp = new_file(SHARED)
            .prefix(".logframe-")
            .suffix(".tmp")
            .tempfile_in(parent)
            .map_err(|e| (path.as_path(), e))?;
        tmp.write_all(bytes).map_err(|e| (path.as_path(), e))?;
        written.push((path, tmp));
    }
    sync_all(&written)?;
    let mut folders: Vec<&Path> = Vec::new();
    for (path, tmp) in written {
        tmp.persist(path).map_err(|e| (path.as_path(), e.error))?;
        let parent = path.parent().unwrap_or(Path::new("."));
        if !folders.contains(&parent) {
            folders.push(parent);
        }
    }
    for folder in folders {
        sync_dir(folder).map_err(|e| (folder, e))?;
    }
    Ok(())
}

/// Make the temporary files' data and metadata durable. One by one, each
/// fsync waits for the disk to flush its cache (0.3 ms a file here, 0.12 s
/// for a report's 400 charts). On Linux, past a few files, one `syncfs`
/// per file system holding them does the same for all of them at once:
/// it returns once everything written to that file system is on disk,
/// and reports a write error of any of them.
fn sync_all<'a>(written: &[(&'a PathBuf, tempfile::NamedTempFile)]) -> Result<(), (&'a Path, std::io::Error)> {
    #[cfg(target_os = "linux")]
    if written.len() > ONE_BY_ONE {
        use std::os::unix::fs::MetadataExt;
        let mut devices: Vec<u64> = Vec::new();
        for (path, tmp) in written {
            let dev = tmp.as_file().metadata().map_err(|e| (path.as_path(), e))?.dev();
            if !devices.contains(&dev) {
                devices.push(dev);
                rustix::fs::syncfs(tmp.as_file()).map_err(|e| (path.as_path(), e.into()))?;
            }
        }
        return Ok(());
    }
    for (path, tmp) in written {
        tmp.as_file().sync_all().map_err(|e| (path.as_path(), e))?;
    }
    Ok(())
}

/// Up to this many files are fsynced one by one (the file system may hold
/// other programs' unwritten data that `syncfs` would wait for too).
#[cfg(target_os = "linux")]
const ONE_BY_ONE: usize = 8;

/// Whether the file at `path` holds `bytes` already: it is then left as
/// it is (its date too), so that a report made again from the same data
/// changes nothing a folder-syncing tool would upload again, and does not
/// wait on the disk for files it would write unchanged.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|old| old == bytes)
}

/// The file to write for `dir/name`, once `name` is known to stay inside
/// `dir` and its folder exists. An existing symlink is written through when
/// it leads to a file inside `dir`, and refused when it leads out: never
/// silently replaced by a plain file.
fn prepare(dir: &Path, name: &Path) -> Result<PathBuf, Diagnostic> {
    prepare_in(dir, name, &mut Vec::new())
}

/// [`prepare`], skipping the folders of `checked` (made and found inside
/// `dir` already) and adding the one it checks.
fn prepare_in(dir: &Path, name: &Path, checked: &mut Vec<PathBuf>) -> Result<PathBuf, Diagnostic> {
    check_name(dir, name)?;
    let path = dir.join(name);
    let parent = path.parent().unwrap_or(dir);
    if !checked.iter().any(|c| c == parent) {
        std::fs::create_dir_all(parent).map_err(|e| cannot(format!("cannot create {}", parent.display()), e))?;
        stays_inside(dir, parent, name)?;
        checked.push(parent.to_path_buf());
    }
    if !is_symlink(&path) {
        return Ok(path);
    }
    let real = resolve(&path)?;
    if real.starts_with(resolve(dir)?) {
        Ok(real)
    } else {
        Err(outside(dir, name, &format!("it is a symlink to {}", real.display()))
            .hint("remove the symlink, or pick another output folder"))
    }
}

fn is_symlink(path: &Path) -> bool {
    path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink())
}

fn resolve(p: &Path) -> Result<PathBuf, Diagnostic> {
    p.canonicalize()
        .map_err(|e| cannot(format!("cannot resolve {}", p.display()), e))
}

/// `name` is a plain relative path: only normal components, no `..`, no
/// root.
pub fn check_name(dir: &Path, name: &Path) -> Result<(), Diagnostic> {
    let plain = name.components().next().is_some() && name.components().all(|c| matches!(c, Component::Normal(_)));
    if plain {
        Ok(())
    } else {
        Err(outside(dir, name, "the name leads out of the folder").hint(
            "ids that name files hold only letters, digits, `.`, `-` and `_`; `logframe check` shows which one is wrong",
        ))
    }
}

fn outside(dir: &Path, name: &Path, why: &str) -> Diagnostic {
    Diagnostic::error(format!(
        "refusing to write `{}` in {}: {why}",
        name.display(),
        dir.display()
    ))
    .expected(format!("a file inside {}", dir.display()))
    .found(name.display().to_string())
}

/// The folder a file lands in, with symlinks resolved, is `dir` or below it.
fn stays_inside(dir: &Path, parent: &Path, name: &Path) -> Result<(), Diagnostic> {
    let real = resolve(parent)?;
    if real.starts_with(resolve(dir)?) {
        Ok(())
    } else {
        Err(outside(dir, name, &format!("a symlink leads to {}", real.display()))
            .hint("remove the symlink, or pick another output folder"))
    }
}

/// Replace `path` with `bytes`, or leave it as it was.
fn replace(path: &Path, bytes: &[u8], mode: u32) -> Result<(), Diagnostic> {
    let parent = path.parent().unwrap_or(Path::new("."));
    write_and_rename(parent, path, bytes, mode).map_err(|e| cannot(format!("cannot write {}", path.display()), e))
}

/// Temporary file in `parent`, fsynced, renamed over `path`, folder fsynced.
/// The temporary file is removed if anything fails.
fn write_and_rename(parent: &Path, path: &Path, bytes: &[u8], mode: u32) -> std::io::Result<()> {
    let mut tmp = new_file(mode).prefix(".logframe-").suffix(".tmp").tempfile_in(parent)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(parent)
}

/// A temporary file with `mode` (less the umask): reports are shared
/// (0666, readable as a plain new file would be), secrets private (0600).
#[cfg(unix)]
fn new_file(mode: u32) -> tempfile::Builder<'static, 'static> {
    use std::os::unix::fs::PermissionsExt;
    let mut b = tempfile::Builder::new();
    b.permissions(std::fs::Permissions::from_mode(mode));
    b
}

#[cfg(not(unix))]
fn new_file(_mode: u32) -> tempfile::Builder<'static, 'static> {
    tempfile::Builder::new()
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

/// Folders cannot be opened for fsync on Windows; the rename is durable
/// enough there.
#[cfg(not(unix))]
fn sync_dir(_: &Path) -> std::io::Result<()> {
    Ok(())
}

fn cannot(what: String, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("{what}: {e}")).hint("check that the folder is writable, or pick another output folder")
}

/// A file name made from user text (an id, a project name): letters,
/// digits, `.`, `-` and `_` kept, anything else `_`, so that the name
/// names one file in its folder and nothing else.
pub fn safe_name(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect()
}
