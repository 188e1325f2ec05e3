//! Hostile text sizes in the PDF (issue 10, item 9): a 24 kB `short_name`
//! took 11 s because `ellipsize` measured every prefix of it. Layout steps
//! are O(n log n) at worst: the running header's cut measures a logarithmic
//! number of prefixes, and a report with huge texts everywhere (short name,
//! title, a comment of long words) renders in a debug build in seconds.

mod common;

use std::cell::Cell;
use std::time::{Duration, Instant};

use common::{run, workspace};
use logframe::render::pdf::layout::{Face, Measure, ellipsize};

/// One point per character; counts the characters it was asked to measure.
struct Counting(Cell<usize>);

impl Measure for Counting {
    fn width(&self, _: Face, _: f32, text: &str) -> f32 {
        let n = text.chars().count();
        self.0.set(self.0.get() + n);
        n as f32
    }
}

#[test]
fn ellipsize_measures_a_logarithmic_number_of_prefixes() {
    let text = "S".repeat(24_000);
    let m = Counting(Cell::new(0));
    let cut = ellipsize(&m, Face::Regular, 10.0, &text, 100.0);
    assert_eq!(cut.chars().count(), 100, "{cut}");
    assert!(cut.ends_with('…'));
    // Quadratic was 24,000 prefixes of 12,000 characters on average (about
    // 288 million); bisection is about 16 prefixes.
    let measured = m.0.get();
    assert!(measured < 40 * text.len(), "measured {measured} characters");
}

#[test]
fn ellipsize_keeps_the_longest_prefix_that_fits() {
    let m = Counting(Cell::new(0));
    assert_eq!(ellipsize(&m, Face::Regular, 10.0, "abc defgh", 6.0), "abc d…");
    assert_eq!(ellipsize(&m, Face::Regular, 10.0, "abc defgh", 5.0), "abc…");
    assert_eq!(ellipsize(&m, Face::Regular, 10.0, "abc defgh", 9.0), "abc defgh");
    assert_eq!(ellipsize(&m, Face::Regular, 10.0, "abc", 0.5), "…");
}

/// `n` words of a few letters, then one word of `n * 6` letters.
fn long_text(n: usize, letter: char) -> String {
    let words: Vec<String> = (0..n).map(|i| "abcdefg"[..2 + i % 5].to_string()).collect();
    format!("{} {}", words.join(" "), letter.to_string().repeat(n * 6))
}

#[test]
fn pdf_with_huge_short_name_title_and_comment_renders_quickly() {
    let w = workspace(&["starsom"]);
    let fw = w.path().join("frameworks/starsom");
    let yaml = std::fs::read_to_string(fw.join("logframe.yaml")).expect("read yaml");
    let yaml = yaml
        .replacen(
            "  short_name: STARSOM\n",
            &format!("  short_name: {}\n", "S".repeat(24_000)),
            1,
        )
        .replacen(
            "    en: \"Strengthening Trans-Regional Action and Responses against the Smuggling of Migrants\"\n",
            &format!("    en: \"{}\"\n", long_text(4_000, 'T')),
            1,
        );
    assert!(yaml.contains(&"S".repeat(24_000)) && yaml.contains(&"T".repeat(24_000)));
    std::fs::write(fw.join("logframe.yaml"), yaml).expect("write yaml");
    let csv = fw.join("measurements/2023.csv");
    let mut text = std::fs::read_to_string(&csv).expect("read csv");
    text.push_str(&format!(
        "1111.1,2023-Q4,1,,,,,,{},Project records,2024-01-10T09:00:00Z,m.garcia\n",
        long_text(4_000, 'C')
    ));
    std::fs::write(&csv, text).expect("write csv");

    let start = Instant::now();
    let r = run(
        w.path(),
        &[
            "report", "starsom", "--period", "2023-Q4", "--format", "pdf", "--out", "out",
        ],
    );
    let took = start.elapsed();
    r.expect_code(0);
    let pdf = std::fs::read(w.path().join("out/starsom-2023-Q4.pdf")).expect("pdf written");
    assert!(pdf.starts_with(b"%PDF"));
    assert!(took < Duration::from_secs(20), "took {took:?}");
}
