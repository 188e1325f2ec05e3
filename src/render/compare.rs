//! `logframe compare`: the IPTT as text, tidy CSV or JSON (xlsx is in
//! [`super::xlsx`]). Every figure comes from the [`Compare`] model.
//!
//! The text fits 120 columns: one block with the life-of-project figures,
//! then the periods in blocks of [`PERIODS_PER_BLOCK`].

use crate::compute::targets::TargetRule;
use crate::evaluate::compare::{ActualRule, Cell, Compare, IndicatorRow};
use crate::format::{self, clip};
use crate::locale::{self, Lang, term, term_message};
use crate::model::{IndicatorType, Value};
use crate::render::status::spreadsheet_safe;

/// Periods side by side in one text block (target, actual and % each).
pub(crate) const PERIODS_PER_BLOCK: usize = 4;
const WIDTH: usize = 120;

/// A figure for a narrow column: `76.9 %` for a ratio, the score of a
/// qualitative value, yes/no for a milestone.
pub(crate) fn short_value(v: &Value) -> String {
    match v {
        Value::Number { value } => format::decimal(*value),
        Value::Ratio { .. } => v
            .figure()
            .map(|p| format!("{} %", format::decimal(p.round_dp(1))))
            .unwrap_or_else(|| term("term-na").into()),
        Value::Flag { done } => yes_no(*done),
        Value::Text { score: Some(s), .. } => format::decimal(*s),
        Value::Text { text, score: None } => clip(text, 8),
    }
}

fn target_text(ind: &IndicatorRow, t: Option<rust_decimal::Decimal>) -> String {
    match (ind.kind, t) {
        (IndicatorType::Milestone, Some(v)) => yes_no(!v.is_zero()),
        (IndicatorType::Percentage, Some(v)) => format!("{} %", format::decimal(v.round_dp(2))),
        (_, t) => format::opt_decimal(t.map(|v| v.round_dp(2))),
    }
}

/// A period's target: as written when agreed, `~30` when it is the value
/// expected to date (the note under the header says so).
fn cell_target_text(ind: &IndicatorRow, cell: &Cell) -> String {
    let t = target_text(ind, cell.target_shown);
    match cell.target_shown {
        Some(_) if !cell.agreed => format!("~{t}"),
        _ => t,
    }
}

fn yes_no(yes: bool) -> String {
    term(if yes { "yes" } else { "no" }).into()
}

fn pct(p: Option<rust_decimal::Decimal>) -> String {
    format::percent(p)
}

fn pad_left(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(s.chars().count())))
}

fn pad_right(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(s.chars().count())))
}

/// Lines of `(label, cells)` laid out with a fixed label width and
/// right-aligned cells of the given widths.
fn line(label: &str, label_w: usize, cells: &[(String, usize)]) -> String {
    let mut s = pad_right(label, label_w);
    for (c, w) in cells {
        s.push_str("  ");
        s.push_str(&pad_left(c, *w));
    }
    s.trim_end().to_string() + "\n"
}

fn header(c: &Compare) -> String {
    let span = match (c.periods.first(), c.periods.last()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} .. {b}"),
        _ => term("compare-no-periods").into(),
    };
    let mut out = clip(&format!("{} — {}", c.name, c.title), WIDTH) + "\n";
    out.push_str(&term_message("compare-title", [("span", span.into())]));
    if let Some(a) = c.as_of {
        out.push_str(", ");
        out.push_str(&term_message(
            "term-as-of",
            [("date", a.date_naive().to_string().into())],
        ));
    }
    if let Some(b) = &c.by {
        out.push_str(", ");
        out.push_str(&term_message("compare-by", [("dimension", b.as_str().into())]));
    }
    out.push('\n');
    out.push_str(term("compare-actual-note"));
    out.push('\n');
    out.push_str(term("compare-percent-note"));
    out.push('\n');
    out.push_str(term("compare-target-note"));
    out.push('\n');
    out
}

fn result_line(r: &crate::evaluate::compare::ResultRows) -> String {
    clip(
        &format!("{} {}: {}", r.id, r.level.replace('_', " "), r.statement),
        WIDTH,
    ) + "\n"
}

fn label_width(c: &Compare) -> usize {
    let mut w = term("col-indicator").chars().count();
    for r in &c.results {
        for i in &r.indicators {
            w = w.max(i.id.chars().count() + 2);
            for k in &i.categories {
                w = w.max(category_label(&k.category).chars().count());
            }
        }
    }
    w
}

fn id_label(i: &IndicatorRow) -> String {
    format!(
        "{}{}",
        i.id,
        if i.actual_rule == ActualRule::ToDate { " *" } else { "" }
    )
}

fn category_label(k: &Option<String>) -> String {
    format!("  {}", k.as_deref().unwrap_or(term("compare-not-broken-down")))
}

pub(crate) fn table(c: &Compare) -> String {
    let mut out = header(c);
    let lw = label_width(c);
    out.push_str(&life_of_project(c, lw));
    // Periods, a block at a time.
    for (b, block) in c.periods.chunks(PERIODS_PER_BLOCK).enumerate() {
        out.push_str(&period_block(c, lw, b * PERIODS_PER_BLOCK, block));
    }
    out
}

/// The life-of-project block: baseline, end target, to date, % of the end
/// target and status, one line per indicator (and category).
fn life_of_project(c: &Compare, lw: usize) -> String {
    let mut out = String::new();
    let any = c.results.iter().any(|r| !r.indicators.is_empty());
    // Life of project.
    let last = c.periods.last().map(|p| p.to_string()).unwrap_or_default();
    let widths = [8usize, 10, 12, 8, 11];
    let title_w = WIDTH - lw - widths.iter().map(|w| w + 2).sum::<usize>() - 2;
    out.push_str(&format!(
        "\n{}\n",
        term_message("compare-life-of-project", [("last", last.into())])
    ));
    let head = |cells: [&str; 5]| -> Vec<(String, usize)> {
        cells.iter().zip(widths).map(|(s, w)| (s.to_string(), w)).collect()
    };
    let lop = |label: &str, title: &str, cells: Vec<(String, usize)>| {
        let mut s = pad_right(label, lw);
        s.push_str("  ");
        s.push_str(&pad_right(&clip(title, title_w), title_w));
        for (k, (c, w)) in cells.into_iter().enumerate() {
            s.push_str("  ");
            // The status, last, reads best aligned left.
            s.push_str(&if k == 4 { pad_right(&c, w) } else { pad_left(&c, w) });
        }
        s.trim_end().to_string() + "\n"
    };
    out.push_str(&lop(
        term("col-indicator"),
        term("col-title"),
        head(
            [
                "col-baseline",
                "col-end-target",
                "col-to-date",
                "col-percent-end",
                "col-status",
            ]
            .map(term),
        ),
    ));
    out.push_str(&lop(
        &"-".repeat(lw),
        &"-".repeat(title_w),
        widths.iter().map(|w| ("-".repeat(*w), *w)).collect(),
    ));
    for r in c.results.iter().filter(|r| !r.indicators.is_empty()) {
        out.push_str(&result_line(r));
        for i in &r.indicators {
            let cells = vec![
                (target_text(i, i.baseline), widths[0]),
                (target_text(i, i.life.target), widths[1]),
                (i.life.actual.as_ref().map(short_value).unwrap_or_default(), widths[2]),
                (pct(i.life.percent), widths[3]),
                (locale::status(Lang::En, i.life.status).to_string(), widths[4]),
            ];
            out.push_str(&lop(&id_label(i), &i.title, cells));
            for k in &i.categories {
                let cells = vec![
                    (String::new(), widths[0]),
                    (String::new(), widths[1]),
                    (k.to_date.as_ref().map(short_value).unwrap_or_default(), widths[2]),
                ];
                out.push_str(&lop(&category_label(&k.category), "", cells));
            }
        }
    }
    if !any {
        out.push_str(term("compare-no-indicators"));
        out.push('\n');
    }
    out
}

/// One block of periods side by side, starting at period `first`: target,
/// actual and % for each.
fn period_block(c: &Compare, lw: usize, first: usize, block: &[crate::model::Period]) -> String {
    let fw = 7usize;
    let mut out = String::new();
    out.push('\n');
    let group_w = 3 * fw + 4;
    let mut top = pad_right("", lw);
    for p in block {
        top.push_str("  ");
        top.push_str(&pad_right(&p.to_string(), group_w));
    }
    out.push_str(&(top.trim_end().to_string() + "\n"));
    let sub: Vec<(String, usize)> = block
        .iter()
        .flat_map(|_| ["col-target", "col-actual", "col-percent"].map(|s| (term(s).to_string(), fw)))
        .collect();
    out.push_str(&line(term("col-indicator"), lw, &sub));
    let rule: Vec<(String, usize)> = block
        .iter()
        .flat_map(|_| [0, 1, 2].map(|_| ("-".repeat(fw), fw)))
        .collect();
    out.push_str(&line(&"-".repeat(lw), lw, &rule));
    for r in c.results.iter().filter(|r| !r.indicators.is_empty()) {
        out.push_str(&result_line(r));
        for i in &r.indicators {
            let cells: Vec<(String, usize)> = i.cells[first..first + block.len()]
                .iter()
                .flat_map(|cell: &Cell| {
                    [
                        (cell_target_text(i, cell), fw),
                        (cell.actual.as_ref().map(short_value).unwrap_or_default(), fw),
                        (pct(cell.percent), fw),
                    ]
                })
                .collect();
            out.push_str(&line(&id_label(i), lw, &cells));
            for k in &i.categories {
                let cells: Vec<(String, usize)> = k.actuals[first..first + block.len()]
                    .iter()
                    .flat_map(|a| {
                        [
                            (String::new(), fw),
                            (a.as_ref().map(short_value).unwrap_or_default(), fw),
                            (String::new(), fw),
                        ]
                    })
                    .collect();
                out.push_str(&line(&category_label(&k.category), lw, &cells));
            }
        }
    }
    out
}

/// The columns of [`csv`], in order.
const CSV_HEADER: [&str; 18] = [
    "framework",
    "result",
    "level",
    "indicator",
    "title",
    "category",
    "period",
    "period_start",
    "period_end",
    "target",
    "target_rule",
    "actual",
    "numerator",
    "denominator",
    "actual_text",
    "actual_rule",
    "percent",
    "status",
];

/// Tidy CSV: one row per indicator x period (x category), then one row per
/// indicator (x category) with `period` = `end` for the life of project.
pub(crate) fn csv(c: &Compare) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(CSV_HEADER).expect("in-memory write");
    let end = c.periods.last().map(|p| p.end.to_string()).unwrap_or_default();
    let start = c.periods.first().map(|p| p.start.to_string()).unwrap_or_default();
    for r in &c.results {
        for i in &r.indicators {
            indicator_rows(&mut w, c, r, i, &start, &end);
        }
    }
    String::from_utf8(w.into_inner().expect("in-memory write")).expect("utf-8")
}

/// An indicator's rows: each period, the life of project, then the same
/// for each category.
fn indicator_rows(
    w: &mut csv::Writer<Vec<u8>>,
    c: &Compare,
    r: &crate::evaluate::compare::ResultRows,
    i: &IndicatorRow,
    start: &str,
    end: &str,
) {
    let rule = actual_rule_name(i.actual_rule);
    let mut row = |category: &str,
                   period: String,
                   ps: String,
                   pe: String,
                   target: Option<rust_decimal::Decimal>,
                   target_rule: &str,
                   actual: Option<&Value>,
                   rule: &str,
                   percent: Option<rust_decimal::Decimal>,
                   status: &str| {
        let (fig, n, d, text) = value_cells(actual);
        w.write_record([
            spreadsheet_safe(&c.framework),
            spreadsheet_safe(&r.id),
            spreadsheet_safe(&r.level),
            spreadsheet_safe(&i.id),
            spreadsheet_safe(&i.title),
            spreadsheet_safe(category),
            period,
            ps,
            pe,
            format::opt_decimal(target),
            target_rule.to_string(),
            fig,
            n,
            d,
            spreadsheet_safe(&text),
            rule.to_string(),
            format::opt_decimal(percent),
            status.to_string(),
        ])
        .expect("in-memory write");
    };
    for cell in &i.cells {
        let tr = cell.target.map(|t| rule_name(&t.rule)).unwrap_or_default();
        row(
            "",
            cell.period.to_string(),
            cell.period.start.to_string(),
            cell.period.end.to_string(),
            cell.target.map(|t| t.value),
            tr,
            cell.actual.as_ref(),
            rule,
            cell.percent,
            locale::status(Lang::En, cell.status),
        );
    }
    row(
        "",
        "end".into(),
        start.to_string(),
        end.to_string(),
        i.life.target,
        if i.life.target.is_some() { "end" } else { "" },
        i.life.actual.as_ref(),
        "to_date",
        i.life.percent,
        locale::status(Lang::En, i.life.status),
    );
    for k in &i.categories {
        let cat = k.category.clone().unwrap_or_else(|| "not broken down".into());
        for (cell, a) in i.cells.iter().zip(&k.actuals) {
            row(
                &cat,
                cell.period.to_string(),
                cell.period.start.to_string(),
                cell.period.end.to_string(),
                None,
                "",
                a.as_ref(),
                rule,
                None,
                "",
            );
        }
        row(
            &cat,
            "end".into(),
            start.to_string(),
            end.to_string(),
            None,
            "",
            k.to_date.as_ref(),
            "to_date",
            None,
            "",
        );
    }
}

/// The name of an actual rule, as in JSON.
fn actual_rule_name(r: ActualRule) -> &'static str {
    match r {
        ActualRule::ToDate => "to_date",
        ActualRule::Period => "period",
    }
}

/// The name of a target rule, as in JSON.
pub(crate) fn rule_name(r: &TargetRule) -> &'static str {
    match r {
        TargetRule::Explicit { .. } => "explicit",
        TargetRule::Interpolated { .. } => "interpolated",
        TargetRule::Start => "start",
        TargetRule::Held { .. } => "held",
        TargetRule::Stepped { .. } => "stepped",
    }
}

/// (figure, numerator, denominator, text) of a value for CSV cells.
fn value_cells(v: Option<&Value>) -> (String, String, String, String) {
    let fig = v
        .and_then(Value::figure)
        .map(|d| format::decimal(d.round_dp(4)))
        .unwrap_or_default();
    match v {
        Some(Value::Ratio { numerator, denominator }) => (
            fig,
            format::decimal(*numerator),
            format::decimal(*denominator),
            String::new(),
        ),
        Some(Value::Text { text, .. }) => (fig, String::new(), String::new(), text.to_string()),
        Some(Value::Flag { done }) => (
            fig,
            String::new(),
            String::new(),
            if *done { "yes" } else { "no" }.into(),
        ),
        _ => (fig, String::new(), String::new(), String::new()),
    }
}

pub(crate) fn json(c: &Compare) -> String {
    serde_json::to_string_pretty(c).expect("the compare model serialises") + "\n"
}
