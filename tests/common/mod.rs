//! Shared helpers for the CLI tests: run the built binary in a temporary
//! workspace, compare output with expected files.
//!
//! Expected outputs live in files next to the tests; `UPDATE_GOLDEN=1 cargo
//! test` rewrites them, and the diff is reviewed like code.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (where Cargo.toml is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn tests_dir() -> PathBuf {
    root().join("tests")
}

/// What one run of the binary produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Panic with the whole run unless it exited with `code`.
    pub fn expect_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

/// A command for the binary with a stable environment: fixed user, no
/// clock override unless the caller sets one.
pub fn command(cwd: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_logframe"));
    c.args(args)
        .current_dir(cwd)
        .env("LOGFRAME_USER", "tester")
        .env_remove("LOGFRAME_NOW")
        .env("NO_COLOR", "1")
        .env("RUST_BACKTRACE", "0");
    c
}

/// Run `logframe ARGS` in `cwd`.
pub fn run(cwd: &Path, args: &[&str]) -> Run {
    run_env(cwd, args, &[])
}

/// Run `logframe ARGS` in `cwd` with extra environment variables.
pub fn run_env(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut c = command(cwd, args);
    for (k, v) in env {
        c.env(k, v);
    }
    Run::from(c.output().expect("the logframe binary runs"))
}

/// Copy a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("create {}: {e}", to.display()));
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display())) {
        let entry = entry.expect("directory entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap_or_else(|e| panic!("copy {}: {e}", entry.path().display()));
        }
    }
}

/// A temporary workspace holding `frameworks/<name>` for each of `names`,
/// taken from the repository's shipped frameworks.
pub fn workspace(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in names {
        copy_dir(
            &root().join("frameworks").join(name),
            &dir.path().join("frameworks").join(name),
        );
    }
    dir
}

/// A temporary workspace holding `frameworks/<name>` copied from
/// `tests/fixtures/<fixture>`.
pub fn fixture_workspace(fixture: &str, name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(
        &tests_dir().join("fixtures").join(fixture),
        &dir.path().join("frameworks").join(name),
    );
    dir
}

pub fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Compare `actual` with the expected file; with UPDATE_GOLDEN set, write
/// it instead. Returns a description of the difference.
pub fn golden(path: &Path, actual: &str) -> Result<(), String> {
    if updating() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create golden folder");
        }
        std::fs::write(path, actual).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        return Ok(());
    }
    let expected = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            return Err(format!(
                "{}: {e} (run `UPDATE_GOLDEN=1 cargo test` to create it)",
                path.display()
            ));
        }
    };
    if expected == actual {
        return Ok(());
    }
    Err(format!(
        "{} differs (first difference at line {}); `UPDATE_GOLDEN=1 cargo test` rewrites it\n{}",
        path.display(),
        first_difference(&expected, actual),
        line_diff(&expected, actual)
    ))
}

/// Like [`golden`], panicking on a difference.
pub fn assert_golden(path: &Path, actual: &str) {
    if let Err(e) = golden(path, actual) {
        panic!("{e}");
    }
}

fn first_difference(a: &str, b: &str) -> usize {
    a.lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .unwrap_or(a.lines().count().min(b.lines().count()))
        + 1
}

/// A plain line diff: lines only in the expected file with `-`, lines only
/// in the actual output with `+` (enough to review a golden mismatch).
fn line_diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    // Longest common subsequence table; outputs here are small.
    let mut lcs = vec![vec![0usize; a.len() + 1]; e.len() + 1];
    for i in (0..e.len()).rev() {
        for j in (0..a.len()).rev() {
            lcs[i][j] = if e[i] == a[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = String::new();
    while i < e.len() || j < a.len() {
        if i < e.len() && j < a.len() && e[i] == a[j] {
            out.push_str(&format!("  {}\n", e[i]));
            i += 1;
            j += 1;
        } else if j < a.len() && (i == e.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push_str(&format!("+ {}\n", a[j]));
            j += 1;
        } else {
            out.push_str(&format!("- {}\n", e[i]));
            i += 1;
        }
    }
    out
}

/// Count ledger data rows (lines after the header) in a CSV file.
pub fn data_rows(path: &Path) -> usize {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let mut rdr = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let mut n = 0;
    for record in rdr.records() {
        record.unwrap_or_else(|e| panic!("{} does not parse as CSV: {e}", path.display()));
        n += 1;
    }
    n
}

/// `logframe compare starsom ARGS --format json` in `ws`, exited 0.
pub fn compare_json(ws: &Path, args: &[&str]) -> Run {
    let mut all = vec!["compare", "starsom"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let r = run(ws, &all);
    r.expect_code(0);
    r
}
