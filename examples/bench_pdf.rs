//! Benchmark: the PDF report.
//!
//! Run with `cargo run --release --example bench_pdf` from the repository
//! root. Times (median of several runs, in one process) the STARSOM PDF
//! from the loaded framework (compute, report model, layout, drawing,
//! font subsetting, compression), then a synthetic framework of many
//! indicators that gives a report of about a hundred pages, and prints the
//! peak memory of the process (VmHWM).

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use logframe::compute::Computed;
use logframe::locale::Lang;
use logframe::render::pdf::{Options, Paper};
use logframe::report::narrative::Narrative;
use logframe::report::{Inputs, Layout, build};
use logframe::workspace;

fn render(dir: &Path, period: &str, narrative: &str) -> (Vec<u8>, Duration) {
    let loaded = workspace::load(dir);
    let fw = loaded.framework.as_ref().expect("the framework loads");
    let period = fw.parse_period(period).unwrap();
    let t = Instant::now();
    let (computed, diags) = Computed::new(fw, &loaded.ledger, &loaded.sources, None);
    let report = build(
        &computed,
        Inputs {
            lang: Lang::En,
            layout: Layout::for_donor(fw.project.donor.as_deref()),
            period,
            as_of: None,
            source_date_epoch: None,
            narrative: Narrative::parse(narrative, None),
            diagnostics: &diags,
            sources: &loaded.sources,
            chart_dir: "charts",
        },
    );
    let pdf = logframe::render::pdf::render(
        &report,
        &Options {
            paper: Paper::A4,
            created: period.end.and_time(chrono::NaiveTime::MIN),
        },
    );
    (pdf, t.elapsed())
}

fn median(dir: &Path, period: &str, narrative: &str, runs: usize) -> (Vec<u8>, Duration, Duration) {
    let mut times = Vec::new();
    let mut bytes = Vec::new();
    for _ in 0..runs {
        let (b, t) = render(dir, period, narrative);
        bytes = b;
        times.push(t);
    }
    times.sort();
    (bytes, times[runs / 2], times[0])
}

fn pages(pdf: &[u8]) -> usize {
    let s = String::from_utf8_lossy(pdf);
    s.matches("/Type/Page/").count() + s.matches("/Type/Page>>").count()
}

/// A framework of `results` × 5 count indicators, quarterly values in five
/// countries over four years: every indicator gets a table row, a
/// disaggregation table, a comment and a chart.
fn synthetic(results: usize) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("logframe-bench-pdf-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("measurements")).unwrap();
    let countries = ["PE", "CO", "BR", "CI", "SN"];
    let mut yaml = String::from(
        "project:\n  id: bench\n  title: Synthetic benchmark — Perú, Côte d’Ivoire, São Paulo\n  implementer: Bench\n  start: 2020-01-01\n  end: 2024-12-31\n  reporting_frequency: quarterly\n",
    );
    writeln!(
        yaml,
        "disaggregations:\n  country: [{}]\nresults:",
        countries.join(", ")
    )
    .unwrap();
    for r in 0..results {
        writeln!(
            yaml,
            "  - id: \"{r}\"\n    level: outcome\n    statement: Result {r}, a statement long enough to wrap over two lines in the table of contents of the report\n    indicators:"
        )
        .unwrap();
        for i in 0..5 {
            writeln!(
                yaml,
                "      - id: \"{r}.{i}\"\n        title: Number of practitioners trained in the investigation of migrant smuggling cases, indicator {r}.{i}\n        type: count\n        unit: practitioners\n        targets: [{{period: end, value: \"{}\"}}]\n        disaggregate_by: [country]",
                400 + 10 * i
            )
            .unwrap();
        }
    }
    std::fs::write(dir.join("logframe.yaml"), yaml).unwrap();
    let mut csv = String::from(
        "indicator,period,value,numerator,denominator,score,country,comment,source,recorded_at,recorded_by\n",
    );
    for r in 0..results {
        for i in 0..5 {
            for y in 2020..2024 {
                for q in 1..=4 {
                    for (k, c) in countries.iter().enumerate() {
                        let comment = if k == 0 && q == 4 {
                            "Quarterly review with the focal points"
                        } else {
                            ""
                        };
                        writeln!(
                            csv,
                            "{r}.{i},{y}-Q{q},{},,,,{c},{comment},,2024-01-15T10:00:00Z,bench",
                            (r + i + k + q) % 7
                        )
                        .unwrap();
                    }
                }
            }
        }
    }
    std::fs::write(dir.join("measurements/ledger.csv"), csv).unwrap();
    dir
}

fn vm_hwm() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
        })
        .unwrap_or_else(|| "n/a".into())
}

fn main() {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let starsom = Path::new("frameworks/starsom");
    let narrative = std::fs::read_to_string(starsom.join("narrative/2023-Q3.md")).unwrap_or_default();
    let (pdf, med, min) = median(starsom, "2023-Q3", &narrative, 20);
    println!(
        "STARSOM 2023-Q3: {} pages, {} kB; median {:.1} ms, min {:.1} ms (compute + model + layout + PDF)",
        pages(&pdf),
        pdf.len() / 1024,
        ms(med),
        ms(min)
    );
    let results: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(24);
    let dir = synthetic(results);
    let (pdf, med, min) = median(&dir, "2023-Q4", "", 5);
    println!(
        "synthetic, {} indicators: {} pages, {} kB; median {:.1} ms, min {:.1} ms",
        results * 5,
        pages(&pdf),
        pdf.len() / 1024,
        ms(med),
        ms(min)
    );
    std::fs::write(std::env::temp_dir().join("bench-synthetic.pdf"), &pdf).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    println!("peak memory (VmHWM): {}", vm_hwm());
}
