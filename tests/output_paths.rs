//! Nothing escapes the output folder: ids that become file names are
//! checked, and every output file goes through `output::write_file`, which
//! refuses names and symlinks leading out of its folder and writes
//! atomically (issue 10, item 5).

mod common;

use std::path::{Path, PathBuf};

use common::{run, workspace};
use logframe::output::{write_file, write_files, write_path};

/// Every file under `dir`, relative to it.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir").map(|e| e.expect("entry")) {
            let p = e.path();
            if e.file_type().expect("file type").is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).expect("under dir").to_path_buf());
            }
        }
    }
    out.sort();
    out
}

fn set_project_id(ws: &Path, id: &str) {
    let yaml = ws.join("frameworks/starsom/logframe.yaml");
    let text = std::fs::read_to_string(&yaml).expect("read logframe.yaml");
    let text = text.replacen("  id: starsom\n", &format!("  id: {id}\n"), 1);
    assert!(text.contains(id), "the id was replaced");
    std::fs::write(&yaml, text).expect("write logframe.yaml");
}

#[test]
fn project_id_that_is_a_path_is_refused_by_check() {
    for id in ["\"../../pwn\"", "\"/tmp/pwn\"", "\"a b\""] {
        let ws = workspace(&["starsom"]);
        set_project_id(ws.path(), id);
        let r = run(ws.path(), &["check", "starsom"]);
        r.expect_code(1);
        assert!(r.stderr.contains("project id"), "{id}: {}", r.stderr);
        assert!(r.stderr.contains("logframe.yaml:19:7"), "{id}: {}", r.stderr);
    }
}

#[test]
fn report_with_a_path_as_project_id_writes_nothing_outside_out() {
    let ws = workspace(&["starsom"]);
    set_project_id(ws.path(), "\"../../pwn\"");
    let before = files_under(ws.path());
    let r = run(
        ws.path(),
        &[
            "report",
            "starsom",
            "--period",
            "2023-Q3",
            "--out",
            "reports/x",
            "--format",
            "md,json",
        ],
    );
    assert_ne!(r.code, 0, "{}", r.stderr);
    let escaped: Vec<PathBuf> = files_under(ws.path())
        .into_iter()
        .filter(|p| !before.contains(p) && !p.starts_with("reports/x"))
        .collect();
    assert!(escaped.is_empty(), "written outside reports/x: {escaped:?}");
}

#[test]
fn empty_and_spaced_indicator_ids_are_refused() {
    let cases = [
        ("- id: \"\"", "indicator id is empty"),
        ("- id: \"1100 .1\"", "indicator id `1100 .1` is not allowed"),
    ];
    for (to, message) in cases {
        let from = "- id: \"1100.1\"";
        let ws = workspace(&["starsom"]);
        let yaml = ws.path().join("frameworks/starsom/logframe.yaml");
        let text = std::fs::read_to_string(&yaml).expect("read");
        assert!(text.contains(from));
        std::fs::write(&yaml, text.replacen(from, to, 1)).expect("write");
        let r = run(ws.path(), &["check", "starsom"]);
        r.expect_code(1);
        assert!(r.stderr.contains(message), "{to}: {}", r.stderr);
    }
}

#[test]
fn write_file_refuses_names_that_leave_the_folder() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    for name in ["../escape.md", "/tmp/escape.md", "a/../../escape.md", ""] {
        let e = write_file(&out, name, b"x").expect_err(name);
        assert!(e.message.contains("refusing to write"), "{name}: {}", e.message);
    }
    assert!(!tmp.path().join("escape.md").exists());
    assert_eq!(
        write_file(&out, "a/b.md", b"x").expect("plain name"),
        out.join("a/b.md")
    );
}

#[cfg(unix)]
#[test]
fn write_file_refuses_a_symlinked_folder_leading_out() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (out, elsewhere) = (tmp.path().join("out"), tmp.path().join("elsewhere"));
    std::fs::create_dir_all(&out).expect("mkdir");
    std::fs::create_dir_all(&elsewhere).expect("mkdir");
    std::os::unix::fs::symlink(&elsewhere, out.join("charts")).expect("symlink");
    let files = vec![
        (PathBuf::from("report.md"), b"md".to_vec()),
        (PathBuf::from("charts/a.svg"), b"svg".to_vec()),
    ];
    let e = write_files(&out, &files).expect_err("symlink out");
    assert!(e.message.contains("symlink"), "{}", e.message);
    // Checked before writing: not even the first file was written.
    assert!(!out.join("report.md").exists());
    assert!(files_under(&elsewhere).is_empty());
}

#[cfg(unix)]
#[test]
fn report_refuses_a_chart_folder_symlinked_out_and_writes_nothing() {
    let ws = workspace(&["starsom"]);
    let (out, elsewhere) = (ws.path().join("reports"), ws.path().join("elsewhere"));
    std::fs::create_dir_all(&out).expect("mkdir");
    std::fs::create_dir_all(&elsewhere).expect("mkdir");
    std::os::unix::fs::symlink(&elsewhere, out.join("starsom-2023-Q3")).expect("symlink");
    let r = run(ws.path(), &["report", "starsom", "--period", "2023-Q3"]);
    r.expect_code(2);
    assert!(r.stderr.contains("symlink"), "{}", r.stderr);
    assert!(files_under(&elsewhere).is_empty());
    assert!(!out.join("starsom-2023-Q3.md").exists());
}

#[cfg(unix)]
#[test]
fn write_file_refuses_a_symlinked_file_leading_out_and_writes_through_one_inside() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).expect("mkdir");
    let victim = tmp.path().join("victim.txt");
    std::fs::write(&victim, "keep").expect("write");
    std::os::unix::fs::symlink(&victim, out.join("report.md")).expect("symlink");
    let e = write_file(&out, "report.md", b"new").expect_err("symlink out");
    assert!(e.message.contains("symlink"), "{}", e.message);
    assert_eq!(std::fs::read_to_string(&victim).expect("read"), "keep");

    std::fs::write(out.join("real.md"), "old").expect("write");
    std::os::unix::fs::symlink(out.join("real.md"), out.join("latest.md")).expect("symlink");
    write_file(&out, "latest.md", b"new").expect("written through");
    assert_eq!(std::fs::read_to_string(out.join("real.md")).expect("read"), "new");
    let link = std::fs::symlink_metadata(out.join("latest.md")).expect("stat");
    assert!(link.file_type().is_symlink(), "the link stays a link");
}

#[cfg(unix)]
#[test]
fn write_path_writes_through_a_symlink_the_user_names() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let target = tmp.path().join("target.csv");
    std::fs::write(&target, "old").expect("write");
    let link = tmp.path().join("link.csv");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    write_path(&link, b"new").expect("written");
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "new");
    assert!(std::fs::symlink_metadata(&link).expect("stat").file_type().is_symlink());
}

#[test]
fn write_path_leaves_no_temporary_file() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let p = tmp.path().join("compare.csv");
    write_path(&p, b"one").expect("first");
    write_path(&p, b"two").expect("second");
    assert_eq!(std::fs::read_to_string(&p).expect("read"), "two");
    assert_eq!(files_under(tmp.path()), vec![PathBuf::from("compare.csv")]);
}

#[test]
fn folder_name_used_as_project_id_is_checked_too() {
    let ws = workspace(&["starsom"]);
    let from = ws.path().join("frameworks/starsom");
    let to = ws.path().join("frameworks/My Project");
    std::fs::rename(&from, &to).expect("rename");
    let yaml = to.join("logframe.yaml");
    let text = std::fs::read_to_string(&yaml).expect("read");
    std::fs::write(&yaml, text.replacen("  id: starsom\n", "", 1)).expect("write");
    let r = run(ws.path(), &["check", "My Project"]);
    // Not located in a file (the id is the folder's name): a usage error.
    r.expect_code(2);
    assert!(r.stderr.contains("defaults to the folder name"), "{}", r.stderr);
    assert!(r.stderr.contains("id: MyProject"), "{}", r.stderr);
}

/// A file that already holds what would be written is left as it is (the
/// same inode, no temporary file): a report made again from the same data
/// changes nothing; a changed file is replaced, and only it.
#[cfg(unix)]
#[test]
fn files_already_holding_their_bytes_are_left_as_they_are() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("reports");
    let files = vec![
        (PathBuf::from("report.md"), b"# Report\n".to_vec()),
        (PathBuf::from("charts/a.svg"), b"<svg>a</svg>".to_vec()),
        (PathBuf::from("charts/b.svg"), b"<svg>b</svg>".to_vec()),
    ];
    write_files(&out, &files).expect("first write");
    let inode = |name: &str| std::fs::metadata(out.join(name)).expect("written").ino();
    let before: Vec<u64> = ["report.md", "charts/a.svg", "charts/b.svg"].map(inode).to_vec();
    let mut again = files.clone();
    // Same length, other bytes: replaced.
    again[2].1 = b"<svg>c</svg>".to_vec();
    write_files(&out, &again).expect("second write");
    assert_eq!(inode("report.md"), before[0], "unchanged: not rewritten");
    assert_eq!(inode("charts/a.svg"), before[1], "unchanged: not rewritten");
    assert_ne!(inode("charts/b.svg"), before[2], "changed: replaced");
    assert_eq!(std::fs::read(out.join("charts/b.svg")).expect("read"), b"<svg>c</svg>");
    assert_eq!(files_under(&out).len(), 3, "no temporary file left");
}

/// A report's hundreds of files, in more than one batch and more than one
/// folder (synced together, not one by one): each holds its own bytes,
/// and no temporary file is left.
#[test]
fn hundreds_of_files_in_several_folders_each_hold_their_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("reports");
    let files: Vec<(PathBuf, Vec<u8>)> = (0..600)
        .map(|i| {
            let folder = ["big-2024-12", "big-2024-12/photos", "other"][i % 3];
            (
                PathBuf::from(format!("{folder}/chart-{i}.svg")),
                format!("<svg>{i}</svg>").into_bytes(),
            )
        })
        .collect();
    let written = write_files(&out, &files).expect("write");
    assert_eq!(written.len(), 600);
    for (name, bytes) in &files {
        assert_eq!(
            &std::fs::read(out.join(name)).expect("written"),
            bytes,
            "{}",
            name.display()
        );
    }
    assert_eq!(files_under(&out).len(), 600, "no temporary file left");
}
