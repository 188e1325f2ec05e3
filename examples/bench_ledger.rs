//! Benchmark: `check` + `status` on a generated ledger of 1,008,000 rows
//! (100 indicators x 60 months x 56 countries x 3 sexes).
//!
//! Run with `cargo run --release --example bench_ledger`. It writes the
//! framework to a temporary folder, then times, in this process, loading
//! and validating the ledger (what `logframe check` does) and computing
//! every indicator's status (what `logframe status` does), and prints the
//! peak resident memory (VmHWM). Pass a number to change the country count.

use std::fmt::Write as _;
use std::time::Instant;

use logframe::compute::Computed;
use logframe::workspace;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--measure") {
        measure(
            std::path::Path::new(&args[2]),
            args[3].parse().unwrap(),
            args[4].parse().unwrap(),
        );
        return;
    }
    let countries: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(56);
    let dir = std::env::temp_dir().join(format!("logframe-bench-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("measurements")).unwrap();
    let codes: Vec<String> = logframe::load::countries::all()
        .take(countries)
        .map(str::to_string)
        .collect();
    let mut yaml = String::from(
        "project:\n  id: bench\n  title: Benchmark\n  start: 2020-01-01\n  end: 2024-12-31\n  reporting_frequency: quarterly\n",
    );
    writeln!(
        yaml,
        "disaggregations:\n  sex: [women, men, other]\n  country: [{}]",
        codes.join(", ")
    )
    .unwrap();
    yaml.push_str("results:\n  - id: \"1\"\n    level: outcome\n    statement: Everything\n    indicators:\n");
    for i in 0..100 {
        writeln!(
            yaml,
            "      - id: \"1.{i}\"\n        title: Indicator {i}\n        type: count\n        targets: [{{period: end, value: \"{}\"}}]\n        disaggregate_by: [sex, country]",
            60 * countries * 3 * 10
        )
        .unwrap();
    }
    std::fs::write(dir.join("logframe.yaml"), yaml).unwrap();
    let mut csv = String::from(
        "indicator,period,value,numerator,denominator,score,sex,country,comment,source,recorded_at,recorded_by\n",
    );
    let mut rows = 0usize;
    for i in 0..100 {
        for m in 0..60 {
            let period = format!("{}-{:02}", 2020 + m / 12, m % 12 + 1);
            for c in &codes {
                for s in ["women", "men", "other"] {
                    writeln!(
                        csv,
                        "1.{i},{period},{},,,,{s},{c},,,2025-01-15T10:00:00Z,bench",
                        (i + m) % 17
                    )
                    .unwrap();
                    rows += 1;
                }
            }
        }
    }
    std::fs::write(dir.join("measurements/ledger.csv"), &csv).unwrap();
    let bytes = csv.len();
    drop(csv);
    // Measure in a fresh process so the generator's buffers do not count.
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--measure",
            &dir.display().to_string(),
            &rows.to_string(),
            &bytes.to_string(),
        ])
        .status()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert!(status.success());
}

fn measure(dir: &std::path::Path, rows: usize, bytes: usize) {
    let dir = dir.to_path_buf();
    let t0 = Instant::now();
    let loaded = workspace::load(&dir);
    let t_load = t0.elapsed();
    let fw = loaded.framework.as_ref().expect("framework loads");
    assert!(!loaded.diagnostics.has_errors(), "{:?}", loaded.diagnostics);
    assert_eq!(loaded.ledger.len(), rows);
    let t1 = Instant::now();
    let (computed, diags) = Computed::new(fw, &loaded.ledger, &loaded.sources, None);
    let period = computed.default_period();
    let table = computed.table(&period);
    let t_status = t1.elapsed();
    assert!(diags.is_empty());
    assert_eq!(table.indicators.len(), 100);
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(|l| l.split_whitespace().nth(1).unwrap_or("0").parse::<u64>().unwrap_or(0))
        })
        .unwrap_or(0);
    println!("rows:            {rows} ({:.1} MB of CSV)", bytes as f64 / 1e6);
    println!("load + validate: {:>7.1} ms", t_load.as_secs_f64() * 1e3);
    println!("compute status:  {:>7.1} ms", t_status.as_secs_f64() * 1e3);
    println!("total:           {:>7.1} ms", (t_load + t_status).as_secs_f64() * 1e3);
    println!(
        "peak memory:     {:>7.1} MB (VmHWM of the measuring process)",
        peak as f64 / 1024.0
    );
    println!(
        "first status:    {} {}",
        table.indicators[0].indicator,
        logframe::locale::plain_explanation(table.indicators[0].status, &table.indicators[0].reason)
    );
}
