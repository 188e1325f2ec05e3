//! Benchmark: the STARSOM Markdown report, from the loaded framework and
//! ledger to the Markdown text and its SVG charts, in memory.
//!
//! Run with `cargo run --release --example bench_report` from the
//! repository root. Loading the YAML and CSV is timed separately; the
//! report step (compute, build the report model, render Markdown and
//! charts) is repeated and its median and minimum are printed.

use std::path::Path;
use std::time::{Duration, Instant};

use logframe::compute::Computed;
use logframe::locale::Lang;
use logframe::render::files::{ReportFormat, render_files, stem};
use logframe::report::narrative::Narrative;
use logframe::report::{Inputs, Layout, build};
use logframe::workspace;

fn main() {
    let dir = Path::new("frameworks/starsom");
    let runs = 50;
    let t0 = Instant::now();
    let loaded = workspace::load(dir);
    let load = t0.elapsed();
    let fw = loaded.framework.as_ref().expect("run from the repository root");
    let period = fw.parse_period("2023-Q3").unwrap();
    let narrative_text = std::fs::read_to_string(dir.join("narrative/2023-Q3.md")).unwrap_or_default();
    let mut times: Vec<Duration> = Vec::new();
    let mut bytes = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let (computed, diags) = Computed::new(fw, &loaded.ledger, &loaded.sources, None);
        let chart_dir = stem(&fw.project.id, "2023-Q3", Lang::En, &fw.project.language);
        let report = build(
            &computed,
            Inputs {
                lang: Lang::En,
                layout: Layout::for_donor(fw.project.donor.as_deref()),
                period,
                as_of: None,
                source_date_epoch: None,
                narrative: Narrative::parse(&narrative_text, None),
                diagnostics: &diags,
                sources: &loaded.sources,
                chart_dir: &chart_dir,
            },
        );
        let written = render_files(&report, &chart_dir, ReportFormat::Md, Vec::new()).unwrap();
        bytes = written.files.iter().map(|(_, t)| t.len()).sum::<usize>();
        times.push(t.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "load STARSOM (YAML + {} ledger rows): {:>6.2} ms",
        loaded.ledger.len(),
        ms(load)
    );
    println!(
        "report, {runs} runs: median {:>6.2} ms, min {:>6.2} ms ({bytes} bytes of Markdown + SVG)",
        ms(times[runs / 2]),
        ms(times[0])
    );
}
