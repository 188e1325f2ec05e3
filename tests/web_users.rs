//! `logframe user`: the users file it writes (0600, argon2id hashes, no
//! password in it) and its errors, each with its exit code.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use common::Run;

/// `logframe ARGS` in `dir` with `stdin` piped in (not a terminal).
fn user(dir: &Path, args: &[&str], stdin: &str) -> Run {
    let mut child = common::command(dir, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("logframe runs");
    // A command refused before it reads the password closes its stdin:
    // that write may fail, and is no failure of the test.
    let _ = child.stdin.take().expect("stdin").write_all(stdin.as_bytes());
    let out = child.wait_with_output().expect("logframe ends");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8"),
    }
}

const PW: &str = "correct horse battery staple\n";

#[test]
fn the_users_file_is_private_and_holds_hashes_only() {
    let ws = common::workspace(&["starsom"]);
    let d = ws.path();
    user(
        d,
        &[
            "user",
            "add",
            "maria",
            "--role",
            "enterer",
            "--framework",
            "starsom",
            "--country",
            "GT",
            "--lang",
            "es",
        ],
        PW,
    )
    .expect_code(0);
    user(
        d,
        &["user", "add", "root", "--role", "admin"],
        "another long password\n",
    )
    .expect_code(0);
    let path = d.join(".logframe/users.yaml");
    let text = std::fs::read_to_string(&path).expect("users file");
    assert!(!text.contains("correct horse"), "no plain password:\n{text}");
    assert!(!text.contains("another long password"));
    assert_eq!(text.matches("$argon2id$").count(), 2, "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("metadata").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "mode {mode:o}");
    }
    let list = user(d, &["user", "list"], "");
    list.expect_code(0);
    assert!(
        list.stdout.contains("maria") && list.stdout.contains("enterer") && list.stdout.contains("GT"),
        "{}",
        list.stdout
    );
    assert!(list.stdout.contains("es"));

    // A new password replaces the hash; the old one is gone.
    let before = text
        .lines()
        .find(|l| l.contains("$argon2id$"))
        .expect("hash")
        .to_string();
    user(d, &["user", "passwd", "maria"], "a new long password\n").expect_code(0);
    let after = std::fs::read_to_string(&path).expect("users file");
    assert!(!after.contains(&before));

    user(d, &["user", "remove", "maria"], "").expect_code(0);
    assert!(!user(d, &["user", "list"], "").stdout.contains("maria"));
}

#[test]
fn user_errors_say_what_was_expected_with_exit_code_2() {
    let ws = common::workspace(&["starsom"]);
    let d = ws.path();
    user(d, &["user", "add", "ana", "--role", "admin"], PW).expect_code(0);
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["user", "add", "ana", "--role", "viewer"],
            PW,
            "user `ana` already exists",
        ),
        (
            &["user", "add", "ANA", "--role", "viewer"],
            PW,
            "user `ana` already exists",
        ),
        (
            &["user", "add", "../x", "--role", "viewer"],
            PW,
            "is not a usable user name",
        ),
        (
            &["user", "add", "", "--role", "viewer"],
            PW,
            "is not a usable user name",
        ),
        (
            &["user", "add", "bo", "--role", "viewer", "--framework", "starsm"],
            PW,
            "did you mean `starsom`?",
        ),
        (
            &["user", "add", "bo", "--role", "viewer", "--country", "gt"],
            PW,
            "codes are upper case: `GT`",
        ),
        (
            &["user", "add", "bo", "--role", "viewer", "--country", "UK"],
            PW,
            "not an ISO 3166-1 alpha-2 country code",
        ),
        (
            &["user", "add", "bo", "--role", "viewer"],
            "short\n",
            "the password is too short",
        ),
        (
            &["user", "add", "bo", "--role", "viewer"],
            "",
            "the password is too short",
        ),
        (&["user", "remove", "nobody"], "", "no user `nobody`"),
        (&["user", "remove", "ana"], "", "`ana` is the last admin"),
        (&["user", "passwd", "anna"], PW, "did you mean `ana`?"),
    ];
    for (args, stdin, message) in cases {
        let r = user(d, args, stdin);
        r.expect_code(2);
        assert!(r.stderr.contains(message), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("expected"), "{args:?}: {}", r.stderr);
    }
    // Nothing was written by a refused command.
    let list = user(d, &["user", "list"], "");
    assert_eq!(list.stdout.lines().count(), 3, "{}", list.stdout);

    // A role that does not exist is clap's usage error.
    user(d, &["user", "add", "bo", "--role", "boss"], PW).expect_code(2);
}

#[test]
fn a_broken_users_file_is_a_finding_with_exit_code_1() {
    let ws = common::workspace(&["starsom"]);
    let d = ws.path();
    std::fs::create_dir_all(d.join(".logframe")).expect("mkdir");
    std::fs::write(
        d.join(".logframe/users.yaml"),
        "users:\n  - name: x\n    role: emperor\n",
    )
    .expect("write");
    let r = user(d, &["user", "list"], "");
    r.expect_code(1);
    assert!(r.stderr.contains("is not a valid users file"), "{}", r.stderr);
}
