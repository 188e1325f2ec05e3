//! kill -9 during `import` and `record`: after every kill the ledger parses
//! and is exactly the old one or exactly the old one plus the whole batch,
//! never part of it; the next writer removes the killed writer's temporary
//! file; a normal import still works at the end.
//!
//! The kill points are seeded (the same on every run) and spread over the
//! measured duration of a complete import, so that some land while the
//! ledger is read, some while the temporary file is written, verified or
//! renamed, and some after the end.

#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{command, fixture_workspace, run};

const FW: &str = "base";
const KILLS: usize = 30;
/// Days of the project used as periods: two rows each.
const DAYS: usize = 300;

fn ledger(ws: &Path) -> PathBuf {
    ws.join("frameworks").join(FW).join("measurements").join("ledger.csv")
}

/// A small deterministic generator (xorshift64*), so that a failing kill
/// point can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// An import file of `2 * DAYS` rows whose values all depend on `round`,
/// so that every round changes every value; returns its path and its rows
/// (indicator, period, value).
fn batch(ws: &Path, round: usize) -> (PathBuf, Vec<[String; 3]>) {
    let start = chrono::NaiveDate::from_ymd_opt(2022, 1, 1).expect("date");
    let mut rows = Vec::new();
    for d in 0..DAYS {
        // One day each, written as a range: a bare day is refused for these
        // quarterly indicators (issue 17), the range names the day alone.
        let day = (start + chrono::Days::new(d as u64)).to_string();
        let day = format!("{day}..{day}");
        rows.push(["1100.2".to_string(), day.clone(), format!("{}", round * 1000 + d)]);
        rows.push(["1110.1".to_string(), day, format!("{}", round * 1000 + d % 7)]);
    }
    let mut text = String::from("indicator,period,value\n");
    for r in &rows {
        text.push_str(&r.join(","));
        text.push('\n');
    }
    let path = ws.join(format!("batch-{round}.csv"));
    std::fs::write(&path, text).expect("write the batch");
    (path, rows)
}

/// Data records of a ledger text; panics if it does not parse as CSV.
fn records(text: &[u8]) -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new()
        .from_reader(text)
        .records()
        .enumerate()
        .map(|(i, r)| r.unwrap_or_else(|e| panic!("the ledger does not parse at record {i}: {e}")))
        .collect()
}

/// The ledger after a kill is `old`, or `old` plus exactly `batch`.
fn assert_old_or_new(old: &[u8], now: &[u8], batch: &[[String; 3]], finished: bool, what: &str) -> bool {
    let now_rows = records(now);
    if now == old {
        assert!(!finished, "{what}: the writer exited but the ledger did not change");
        return false;
    }
    assert!(
        now.starts_with(old) || old.is_empty(),
        "{what}: the old rows were not kept byte for byte"
    );
    let old_rows = records(old);
    assert_eq!(
        now_rows.len(),
        old_rows.len() + batch.len(),
        "{what}: neither the old ledger nor the old one plus the whole batch"
    );
    for (got, want) in now_rows[old_rows.len()..].iter().zip(batch) {
        assert_eq!(&[&got[0], &got[1], &got[2]], &[&want[0], &want[1], &want[2]], "{what}");
    }
    true
}

fn temps(ws: &Path) -> usize {
    std::fs::read_dir(ledger(ws).parent().expect("folder"))
        .expect("list")
        .filter(|e| {
            e.as_ref()
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count()
}

#[test]
fn kill_9_during_import_and_record_leaves_the_old_or_the_new_ledger() {
    let ws = fixture_workspace("base", FW);
    let ws = ws.path();
    // A ledger to start from, and the time a complete import takes.
    // (the second one: a correction of every row, as in the rounds below).
    let mut full = Duration::from_millis(5);
    for round in [0, KILLS + 1] {
        let (path, _) = batch(ws, round);
        let t = Instant::now();
        run(ws, &["import", FW, path.to_str().expect("path")]).expect_code(0);
        full = full.max(t.elapsed());
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut old_kept, mut new_written, mut stale_seen) = (0, 0, 0);
    for round in 1..=KILLS {
        let (args, rows) = if round % 4 == 0 {
            let value = round.to_string();
            let args: Vec<String> = ["record", FW, "1100.2", "--period", "2022-01-01", "--value", &value]
                .map(String::from)
                .to_vec();
            (args, vec![["1100.2".to_string(), "2022-01-01".to_string(), value]])
        } else {
            let (path, rows) = batch(ws, round);
            let args = vec!["import".into(), FW.into(), path.to_string_lossy().into_owned()];
            (args, rows)
        };
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        stale_seen += temps(ws);
        let old = std::fs::read(ledger(ws)).expect("read the ledger");
        let mut child = command(ws, &args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn logframe");
        // Between nothing and twice a complete import.
        let delay = full.mul_f64((rng.next() % 2000) as f64 / 1000.0);
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL; fails harmlessly if it already exited
        let status = child.wait().expect("wait");
        let finished = status.success();
        let now = std::fs::read(ledger(ws)).expect("the ledger is still there");
        let what = format!("round {round} ({}), killed after {delay:?}", args[0]);
        if assert_old_or_new(&old, &now, &rows, finished, &what) {
            new_written += 1;
        } else {
            old_kept += 1;
        }
    }
    eprintln!(
        "{KILLS} kills: {old_kept} left the old ledger, {new_written} the new one, {stale_seen} stale temp files met"
    );
    // A normal import still works and removes any temporary file left.
    let (last, _) = batch(ws, KILLS + 2);
    let r = run(ws, &["import", FW, last.to_str().expect("path")]);
    r.expect_code(0);
    assert!(r.stdout.contains("600 corrections"), "{}", r.stdout);
    assert_eq!(temps(ws), 0, "stale temporary files were not removed");
    run(ws, &["check", FW]).expect_code(0);
}
