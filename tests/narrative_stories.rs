//! Success stories and the narrative scaffold, run as a user would: the
//! photo embedded in the PDF and copied beside the Markdown, located
//! errors for what a story names wrongly, `narrative new`, and the notes
//! on stderr that never reach the donor's copy.

mod common;

use std::path::Path;

const NARRATIVE: &str = "frameworks/starsom/narrative/2023-Q3.md";

fn report(dir: &Path, extra: &[&str]) -> common::Run {
    let mut args = vec!["report", "starsom", "--period", "2023-Q3", "--out", "out"];
    args.extend_from_slice(extra);
    common::run(dir, &args)
}

/// The shipped narrative with its `## Success stories` section replaced.
fn with_stories(dir: &Path, stories: &str) {
    let path = dir.join(NARRATIVE);
    let text = std::fs::read_to_string(&path).expect("the shipped narrative");
    let head = text
        .split("## Success stories")
        .next()
        .expect("text before the stories");
    std::fs::write(&path, format!("{head}## Success stories\n\n{stories}")).expect("write the narrative");
}

/// The line and column of `needle` in the narrative, as diagnostics print them.
fn place(dir: &Path, needle: &str) -> String {
    let text = std::fs::read_to_string(dir.join(NARRATIVE)).unwrap();
    let at = text.find(needle).expect("the needle");
    let line = text[..at].matches('\n').count() + 1;
    let col = at - text[..at].rfind('\n').map_or(0, |n| n + 1) + 1;
    format!("{NARRATIVE}:{line}:{col}")
}

#[test]
fn the_shipped_story_is_embedded_in_the_pdf_and_copied_beside_the_markdown() {
    let ws = common::workspace(&["starsom"]);
    let run = report(ws.path(), &["--format", "md,pdf"]);
    run.expect_code(0);
    let out = ws.path().join("out");
    // The Markdown links the copy, which has the photo's bytes.
    let md = std::fs::read_to_string(out.join("starsom-2023-Q3.md")).unwrap();
    assert!(
        md.contains("](starsom-2023-Q3/photo-photos-mentoring-illustration.png)"),
        "{md}"
    );
    assert!(md.contains("— Credit: Illustration drawn for this example, not a photograph*"));
    assert!(md.contains("**Linked indicators:**\n\n- **1200.1** Average number of days"));
    let copy = std::fs::read(out.join("starsom-2023-Q3/photo-photos-mentoring-illustration.png")).unwrap();
    let original = std::fs::read(
        ws.path()
            .join("frameworks/starsom/narrative/photos/mentoring-illustration.png"),
    )
    .unwrap();
    assert_eq!(copy, original);
    assert!(original.len() < 100 * 1024, "the example photo stays small");
    // The PDF holds it as an image of its own size (pdfimages, poppler-utils).
    let pdf = out.join("starsom-2023-Q3.pdf");
    let list = std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(&pdf)
        .output()
        .expect("pdfimages runs");
    let list = String::from_utf8_lossy(&list.stdout);
    let rows: Vec<&str> = list.lines().skip(2).collect();
    assert_eq!(rows.len(), 1, "{list}");
    let cols: Vec<&str> = rows[0].split_whitespace().collect();
    // page num type width height color comp bpc
    assert_eq!(&cols[2..8], ["image", "900", "500", "rgb", "3", "8"], "{list}");
    // With its caption and credit under it.
    let text = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("A mentoring session on a shared case"), "{text}");
    assert!(text.contains("— Credit: Illustration drawn for this"), "{text}");
}

#[test]
fn a_story_linked_to_an_unknown_indicator_is_an_error_at_the_id() {
    let ws = common::workspace(&["starsom"]);
    with_stories(ws.path(), "### A story\n\nIndicators: 1200.1, 1200.l\n\nText.\n");
    let run = report(ws.path(), &[]);
    run.expect_code(1);
    assert!(run.stderr.contains(&place(ws.path(), "1200.l")), "{}", run.stderr);
    assert!(run.stderr.contains("did you mean `1200.1`?"), "{}", run.stderr);
    // The report is still written, with the story and its known indicator.
    let md = std::fs::read_to_string(ws.path().join("out/starsom-2023-Q3.md")).unwrap();
    assert!(md.contains("#### A story") && md.contains("- **1200.1**"));
    assert!(
        !md.contains("1200.l"),
        "not in the data-quality annex either: it is the team's to fix"
    );
}

#[test]
fn a_photo_outside_the_narrative_folder_or_missing_is_refused_where_it_is_named() {
    let ws = common::workspace(&["starsom"]);
    with_stories(
        ws.path(),
        "### Out\n\nPhoto: ../logframe.yaml\n\nText.\n\n### Absolute\n\nPhoto: /etc/hostname\n\n### Missing\n\nPhoto: photos/none.jpg\n\n### Not a picture\n\nPhoto: 2023-Q3.fr.md\n",
    );
    let run = report(ws.path(), &["--format", "md,pdf"]);
    run.expect_code(1);
    let e = &run.stderr;
    assert!(e.contains(&place(ws.path(), "../logframe.yaml")), "{e}");
    assert!(e.contains("leads out of the narrative folder"), "{e}");
    assert!(e.contains(&place(ws.path(), "/etc/hostname")), "{e}");
    assert!(
        e.contains(&place(ws.path(), "photos/none.jpg")) && e.contains("cannot read the photo"),
        "{e}"
    );
    assert!(e.contains("not a JPEG or PNG picture"), "{e}");
    // Nothing was copied, and the stories are shown without photos.
    let copies: Vec<_> = std::fs::read_dir(ws.path().join("out/starsom-2023-Q3"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("photo-"))
        .collect();
    assert!(copies.is_empty());
    let md = std::fs::read_to_string(ws.path().join("out/starsom-2023-Q3.md")).unwrap();
    assert!(md.contains("#### Out") && !md.contains("photo-"), "{md}");
}

#[test]
fn a_large_photo_is_embedded_with_a_warning() {
    let ws = common::workspace(&["starsom"]);
    let photos = ws.path().join("frameworks/starsom/narrative/photos");
    let mut big = std::fs::read(photos.join("mentoring-illustration.png")).unwrap();
    // Bytes after IEND are ignored by readers: a valid picture of 6 MB.
    big.resize(6 * 1024 * 1024, 0);
    std::fs::write(photos.join("big.png"), big).unwrap();
    with_stories(ws.path(), "### Big\n\nPhoto: photos/big.png\n\nText.\n");
    let run = report(ws.path(), &[]);
    run.expect_code(0);
    assert!(run.stderr.contains("is 6 MB"), "{}", run.stderr);
    assert!(
        run.stderr.contains(&place(ws.path(), "photos/big.png")),
        "{}",
        run.stderr
    );
}

#[test]
fn narrative_new_writes_the_gac_scaffold_with_a_bullet_per_indicator_to_explain() {
    let ws = common::workspace(&["starsom"]);
    let path = ws.path().join(NARRATIVE);
    // The shipped narrative is kept: exit 2 and a hint.
    let before = std::fs::read_to_string(&path).unwrap();
    let run = common::run(ws.path(), &["narrative", "new", "starsom", "--period", "2023-Q3"]);
    run.expect_code(2);
    assert!(
        run.stderr.contains("already exists") && run.stderr.contains("--force"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    // --force replaces it.
    let run = common::run(
        ws.path(),
        &["narrative", "new", "starsom", "--period", "2023-Q3", "--force"],
    );
    run.expect_code(0);
    assert!(
        run.stdout.contains("(9 sections, 2 indicators to explain)"),
        "{}",
        run.stdout
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## Context",
            "## Progress and variance explanations",
            "## Gender equality",
            "## Environment",
            "## Governance",
            "## Risks and mitigation",
            "## Lessons learned",
            "## Next period",
            "## Success stories",
        ]
    );
    // The bullets hold the sentences the report prints for the two
    // indicators off track or at risk at 2023-Q3.
    let report_md = {
        report(ws.path(), &[]).expect_code(0);
        std::fs::read_to_string(ws.path().join("out/starsom-2023-Q3.md")).unwrap()
    };
    for line in [
        "- **1100.2** Number of gender-sensitive migrant smuggling prosecutions initiated: Off track: 6 against 13 expected by 30 September 2023: 47.4% of the expected progress (below 60% is off track).",
        "- **1200.1** Average number of days to answer a mutual legal assistance request in migrant smuggling cases: At risk: 140 against 130.04 expected by 30 September 2023, from a baseline of 180: 80.1% of the expected progress (below 85% is at risk).",
    ] {
        assert!(text.contains(line), "{text}");
        assert!(report_md.contains(line), "the report's own sentence: {line}");
    }
    // In French, beside the project's English: <period>.fr.md.
    let run = common::run(
        ws.path(),
        &[
            "narrative",
            "new",
            "starsom",
            "--period",
            "2023-Q3",
            "--lang",
            "fr",
            "--force",
        ],
    );
    run.expect_code(0);
    // A scaffold left as written is reported, once, on stderr.
    let run = report(ws.path(), &[]);
    assert!(
        run.stderr.contains("9 section(s) still hold the scaffold's prompt"),
        "{}",
        run.stderr
    );
    let fr = std::fs::read_to_string(ws.path().join("frameworks/starsom/narrative/2023-Q3.fr.md")).unwrap();
    assert!(
        fr.contains("## Progrès et explication des écarts\n") && fr.contains("## Histoires de réussite\n"),
        "{fr}"
    );
    assert!(fr.contains("- **1100.2** "), "{fr}");
}

#[test]
fn what_the_narrative_lacks_is_said_on_stderr_and_not_in_the_report() {
    let ws = common::workspace(&["starsom"]);
    std::fs::write(
        ws.path().join(NARRATIVE),
        "## Context\n\nA quiet quarter.\n\n## Risks\n\n- Elections.\n\n## Progress\n\nThe prosecutions initiated lag behind.\n",
    )
    .unwrap();
    let run = report(ws.path(), &["--format", "md,pdf"]);
    run.expect_code(0);
    let e = &run.stderr;
    assert!(
        e.contains("lacks 6 section(s) the report's layout asks for: `Gender equality`, `Environment`, `Governance`, `Lessons learned`, `Next period`, `Success stories`"),
        "{e}"
    );
    // 1100.2 is explained by most of its title's words in one paragraph? No:
    // "prosecutions" and "initiated" are 2 of its 6 long words (3 needed).
    assert!(e.contains("does not explain indicator 1100.2"), "{e}");
    assert!(e.contains("does not explain indicator 1200.1"), "{e}");
    let md = std::fs::read_to_string(ws.path().join("out/starsom-2023-Q3.md")).unwrap();
    assert!(!md.contains("does not explain") && !md.contains("the narrative does not explain"));
    let pdf = std::process::Command::new("pdftotext")
        .args([ws.path().join("out/starsom-2023-Q3.pdf").to_str().unwrap(), "-"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&pdf.stdout).contains("does not explain"));
}

#[test]
fn a_missing_translation_of_the_narrative_is_said_on_stderr_and_in_the_report() {
    let ws = common::workspace(&["starsom"]);
    std::fs::remove_file(ws.path().join("frameworks/starsom/narrative/2023-Q3.fr.md")).unwrap();
    let run = report(ws.path(), &["--lang", "fr"]);
    run.expect_code(0);
    assert!(
        run.stderr
            .contains("narrative/2023-Q3.fr.md does not exist: the report shows narrative/2023-Q3.md as written"),
        "{}",
        run.stderr
    );
    let md = std::fs::read_to_string(ws.path().join("out/starsom-2023-Q3.fr.md")).unwrap();
    assert!(
        md.contains("*Aucune version française de l’exposé narratif n’a été fournie\u{202f}: l’exposé de l’équipe est reproduit tel quel, en anglais.*"),
        "{md}"
    );
    assert!(md.contains("### Context"), "the English narrative, as written");
    // With the French file there, no note.
    let ws = common::workspace(&["starsom"]);
    let run = report(ws.path(), &["--lang", "fr"]);
    run.expect_code(0);
    assert!(!run.stderr.contains("does not exist"), "{}", run.stderr);
}

/// A PNG of `w` × `h` RGBA pixels (rows unfiltered; CRCs left at zero,
/// which logframe does not check).
fn rgba_png(w: u32, h: u32) -> Vec<u8> {
    use std::io::Write;
    let chunk = |kind: &[u8], body: &[u8]| {
        let mut c = (body.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(body);
        c.extend_from_slice(&[0; 4]);
        c
    };
    let mut raw = Vec::new();
    for y in 0..h {
        raw.push(0);
        for x in 0..w {
            // Red, fading out to the right.
            raw.extend_from_slice(&[200, 30, 30, (255 - x * 255 / w.max(1)) as u8]);
            let _ = y;
        }
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(&raw).unwrap();
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    let mut f = b"\x89PNG\r\n\x1a\n".to_vec();
    f.extend(chunk(b"IHDR", &ihdr));
    f.extend(chunk(b"IDAT", &z.finish().unwrap()));
    f.extend(chunk(b"IEND", b""));
    f
}

#[test]
fn a_png_with_transparency_is_embedded_with_a_soft_mask() {
    let ws = common::workspace(&["starsom"]);
    std::fs::write(
        ws.path().join("frameworks/starsom/narrative/fade.png"),
        rgba_png(40, 20),
    )
    .unwrap();
    with_stories(ws.path(), "### Fade\n\nPhoto: fade.png\n\nText.\n");
    let run = report(ws.path(), &["--format", "pdf"]);
    run.expect_code(0);
    let list = std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(ws.path().join("out/starsom-2023-Q3.pdf"))
        .output()
        .expect("pdfimages runs");
    let list = String::from_utf8_lossy(&list.stdout);
    let kinds: Vec<Vec<&str>> = list
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().skip(2).take(4).collect())
        .collect();
    assert_eq!(
        kinds,
        [["image", "40", "20", "rgb"], ["smask", "40", "20", "gray"]],
        "{list}"
    );
}
