//! Issue 10: every `import-iati` refusal of a bad input file is a located
//! diagnostic (`--> file:line:col`, the line with a caret, expected /
//! found / hint) with exit 1; exit 2 is kept for what is not in the file
//! (a path that cannot be read, several activities and no `--activity`).
//!
//! Before, the place was pasted into the message (`activity.xml:5: not
//! well-formed XML`, a line and no column), a Latin-1 or UTF-16 file was
//! "not UTF-8 text" with exit 2 and no place, and an empty file was "not
//! an IATI activity file" with no place.

mod common;

use std::path::Path;

use common::{Run, run};

/// Write `bytes` as `name` in `dir` and import it.
fn import(dir: &Path, name: &str, bytes: &[u8], extra: &[&str]) -> Run {
    std::fs::write(dir.join(name), bytes).unwrap();
    let mut args = vec!["import-iati", name, "--out", "fw"];
    args.extend_from_slice(extra);
    run(dir, &args)
}

/// The rendered diagnostic holds every one of `parts`, and nothing was
/// written.
fn assert_has(r: &Run, dir: &Path, parts: &[&str]) {
    for p in parts {
        assert!(r.stderr.contains(p), "missing {p:?} in:\n{}", r.stderr);
    }
    assert!(!dir.join("fw").exists(), "nothing is written on a refusal");
}

const HEAD: &str = "<iati-activities version=\"2.03\">\n";

#[test]
fn import_iati_locates_xml_errors_with_line_and_column() {
    let ws = tempfile::tempdir().unwrap();
    let xml = format!("{HEAD}<iati-activity>\n  <title></iati-activity>\n</iati-activities>\n");
    let r = import(ws.path(), "broken.xml", xml.as_bytes(), &[]);
    r.expect_code(1);
    assert_has(
        &r,
        ws.path(),
        &[
            "error: not well-formed XML",
            "--> broken.xml:3:",
            "^",
            "= expected: an IATI activity file",
            "= hint: check the file with `xmllint --noout FILE.xml`",
        ],
    );
    assert!(
        !r.stderr.contains("broken.xml:3: "),
        "no line pasted into the message: {}",
        r.stderr
    );
}

#[test]
fn import_iati_locates_a_document_that_ends_inside_an_element() {
    let ws = tempfile::tempdir().unwrap();
    let xml = format!("{HEAD}<iati-activity>\n  <title>cut here");
    let r = import(ws.path(), "cut.xml", xml.as_bytes(), &[]);
    r.expect_code(1);
    assert_has(&r, ws.path(), &["not well-formed XML", "--> cut.xml:", "^"]);
}

#[test]
fn import_iati_locates_control_characters_with_a_column() {
    let ws = tempfile::tempdir().unwrap();
    let xml = format!(
        "{HEAD}<iati-activity>\n<iati-identifier>X\u{1b}[31m</iati-identifier></iati-activity></iati-activities>"
    );
    let r = import(ws.path(), "esc.xml", xml.as_bytes(), &[]);
    r.expect_code(1);
    assert_has(
        &r,
        ws.path(),
        &[
            "not well-formed XML: U+001B is not a character XML 1.0 allows",
            "--> esc.xml:3:19",
        ],
    );
    assert!(!r.stderr.contains('\u{1b}'));
}

#[test]
fn import_iati_of_a_latin1_file_is_located_like_yaml_and_csv() {
    let ws = tempfile::tempdir().unwrap();
    let mut bytes = format!("{HEAD}<iati-activity>\n<title><narrative>Projet ").into_bytes();
    bytes.extend_from_slice(b"\xe9t\xe9</narrative></title></iati-activity></iati-activities>\n");
    let r = import(ws.path(), "latin1.xml", &bytes, &[]);
    r.expect_code(1);
    assert_has(
        &r,
        ws.path(),
        &[
            "latin1.xml is not UTF-8 text: it looks like Latin-1",
            "--> latin1.xml:3:26",
            "0xE9",
            "= hint: IATI files are UTF-8 XML",
        ],
    );
}

#[test]
fn import_iati_of_a_utf16_file_is_located_like_yaml_and_csv() {
    let ws = tempfile::tempdir().unwrap();
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(HEAD.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let r = import(ws.path(), "utf16.xml", &bytes, &[]);
    r.expect_code(1);
    assert_has(
        &r,
        ws.path(),
        &[
            "utf16.xml is not UTF-8 text: it looks like UTF-16",
            "--> utf16.xml:1:1",
            "byte-order mark",
        ],
    );
}

#[test]
fn import_iati_of_an_empty_file_says_it_is_empty_at_1_1() {
    let ws = tempfile::tempdir().unwrap();
    let r = import(ws.path(), "empty.xml", b"", &[]);
    r.expect_code(1);
    assert_has(&r, ws.path(), &["the file is empty", "--> empty.xml:1:1"]);
    let r = import(ws.path(), "blank.xml", b"\n  \n", &[]);
    r.expect_code(1);
    assert_has(&r, ws.path(), &["blank space", "--> blank.xml:1:1"]);
}

#[test]
fn import_iati_of_a_missing_file_is_an_io_error() {
    let ws = tempfile::tempdir().unwrap();
    let r = run(ws.path(), &["import-iati", "nowhere.xml", "--out", "fw"]);
    r.expect_code(2);
    assert!(r.stderr.contains("cannot read nowhere.xml"), "{}", r.stderr);
}

#[test]
fn import_iati_locates_nesting_too_deep_at_the_element() {
    let ws = tempfile::tempdir().unwrap();
    let xml = format!(
        "{HEAD}<iati-activity><iati-identifier>XM-1</iati-identifier>\n  {}{}</iati-activity></iati-activities>",
        "<a>".repeat(250),
        "</a>".repeat(250)
    );
    let r = import(ws.path(), "deep.xml", xml.as_bytes(), &[]);
    r.expect_code(1);
    // The 201st level: the activities (1), the activity (2), 198 `<a>`
    // (levels 3 to 200, 3 bytes each, after two spaces), then this one.
    let col = 3 + 198 * 3;
    assert_has(
        &r,
        ws.path(),
        &[
            "elements nested more than 200 levels deep",
            &format!("--> deep.xml:3:{col}"),
        ],
    );
}

#[test]
fn import_iati_locates_a_file_that_is_not_an_activity_file() {
    let ws = tempfile::tempdir().unwrap();
    let r = import(
        ws.path(),
        "org.xml",
        b"<?xml version=\"1.0\"?>\n<iati-organisations/>\n",
        &[],
    );
    r.expect_code(1);
    assert_has(
        &r,
        ws.path(),
        &[
            "org.xml is not an IATI activity file",
            "--> org.xml:2:1",
            "`iati-organisations`",
        ],
    );
    let r = import(
        ws.path(),
        "none.xml",
        format!("{HEAD}</iati-activities>\n").as_bytes(),
        &[],
    );
    r.expect_code(1);
    assert_has(&r, ws.path(), &["holds no iati-activity", "--> none.xml:1:1"]);
}

#[test]
fn import_iati_locates_activity_choice_errors_at_the_root() {
    let ws = tempfile::tempdir().unwrap();
    let act = |id: &str| format!("<iati-activity><iati-identifier>{id}</iati-identifier></iati-activity>\n");
    let xml = format!(
        "<?xml version=\"1.0\"?>\n{HEAD}{}{}</iati-activities>\n",
        act("XM-1"),
        act("XM-2")
    );
    let r = import(ws.path(), "two.xml", xml.as_bytes(), &[]);
    r.expect_code(2);
    assert_has(
        &r,
        ws.path(),
        &["two.xml holds 2 activities", "--> two.xml:2:1", "--activity"],
    );
    let r = import(ws.path(), "two.xml", xml.as_bytes(), &["--activity", "XM-3"]);
    r.expect_code(1);
    assert_has(&r, ws.path(), &["no activity `XM-3` in two.xml", "--> two.xml:2:1"]);
}

#[test]
fn import_iati_locates_activity_dates_that_do_not_make_a_span() {
    let ws = tempfile::tempdir().unwrap();
    let xml =
        format!("{HEAD}  <iati-activity>\n<iati-identifier>XM-1</iati-identifier></iati-activity></iati-activities>\n");
    let r = import(ws.path(), "nodates.xml", xml.as_bytes(), &[]);
    r.expect_code(1);
    assert_has(&r, ws.path(), &["activity XM-1 has no dates", "--> nodates.xml:2:3"]);
    let xml = format!(
        "{HEAD}<iati-activity><iati-identifier>XM-1</iati-identifier>\n\
         <activity-date type=\"1\" iso-date=\"2024-01-01\"/>\n\
         <activity-date type=\"3\" iso-date=\"2024-01-01\"/>\n\
         </iati-activity></iati-activities>\n"
    );
    let r = import(ws.path(), "sameday.xml", xml.as_bytes(), &[]);
    r.expect_code(1);
    assert_has(
        &r,
        ws.path(),
        &["starts and ends on the same day (2024-01-01)", "--> sameday.xml:4:1"],
    );
}
