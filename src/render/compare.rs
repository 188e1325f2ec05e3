//! `logframe compare`: the IPTT as text, tidy CSV or JSON (xlsx is in
//! [`super::xlsx`]). Every figure comes from the [`Compare`] model.
//!
//! The text fits 120 columns: one block with the life-of-project figures,
//! then the columns in blocks of as many as fit (at most
//! [`PERIODS_PER_BLOCK`]): target, actual and %, with the expected value
//! under `--targets both` and the increment under `--increments`.

use crate::compute::columns::ColumnKind;
use crate::compute::targets::TargetRule;
use crate::evaluate::compare::{
    ActualRule, CategoryTarget, Cell, Compare, Filter, IndicatorRow, TargetsShown, ToDateRule,
};
use crate::format::{self, clip};
use crate::locale::{self, Lang, term, term_message};
use crate::model::{IndicatorType, PartKind, Value};
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
    if let Some(f) = &c.filter {
        for l in filter_lines(f) {
            out.push_str(&l);
            out.push('\n');
        }
    }
    let mut notes = vec![
        term("compare-actual-note"),
        term("compare-percent-note"),
        match c.targets {
            TargetsShown::Agreed => term("compare-target-note-agreed"),
            TargetsShown::Expected => term("compare-target-note"),
            TargetsShown::Both => term("compare-target-note-both"),
        },
    ];
    if c.increments {
        notes.push(term("compare-increment-note"));
    }
    notes.push(term("compare-basis-note"));
    notes.push(term("compare-other-note"));
    for n in notes {
        out.push_str(n);
        out.push('\n');
    }
    out
}

/// The categories of a table limited by `--dim`, as a heading names
/// them: `country = Guatemala (GT), sex = women` (a country by its name,
/// its code beside it).
pub(crate) fn filter_label(f: &Filter) -> String {
    f.categories
        .iter()
        .map(|c| {
            let name = locale::breakdown_value(Lang::En, &c.dimension, &c.category);
            if name == c.category {
                format!("{} = {name}", c.dimension)
            } else {
                format!("{} = {name} ({})", c.dimension, c.category)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The filter in words, as `status --dim` puts it: the category (no
/// targets shown), then the indicators it leaves out, if any.
pub(crate) fn filter_lines(f: &Filter) -> Vec<String> {
    let mut lines = vec![term_message(
        "status-category",
        [("categories", filter_label(f).into())],
    )];
    if !f.not_broken_down.is_empty() {
        let dims: Vec<&str> = f.categories.iter().map(|c| c.dimension.as_str()).collect();
        let ids: Vec<&str> = f.not_broken_down.iter().map(|l| l.id.as_str()).collect();
        lines.push(term_message(
            "status-not-broken-down",
            [("dims", dims.join(", ").into()), ("ids", ids.join(", ").into())],
        ));
    }
    lines
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

/// The word for how a figure to date is taken.
pub(crate) fn basis(r: ToDateRule) -> &'static str {
    term(match r {
        ToDateRule::RunningTotal => "compare-rule-running-total",
        ToDateRule::Latest => "compare-rule-latest",
        ToDateRule::Pooled => "compare-rule-pooled",
        ToDateRule::Max => "compare-rule-max",
        ToDateRule::Mean => "compare-rule-mean",
    })
}

pub(crate) fn table(c: &Compare) -> String {
    let mut out = header(c);
    let lw = label_width(c);
    out.push_str(&life_of_project(c, lw));
    // Periods, as many side by side as fit.
    let per_block = periods_per_block(c, lw);
    for (b, block) in c.periods.chunks(per_block).enumerate() {
        out.push_str(&period_block(c, lw, b * per_block, block));
    }
    out
}

/// The sub-columns of a period: target, (expected), actual, (+), %.
fn sub_columns(c: &Compare) -> Vec<&'static str> {
    let mut s = vec!["col-target"];
    if c.targets == TargetsShown::Both {
        s.push("col-expected");
    }
    s.push("col-actual");
    if c.increments {
        s.push("col-increment");
    }
    s.push("col-percent");
    s
}

const FIGURE_W: usize = 7;

fn periods_per_block(c: &Compare, lw: usize) -> usize {
    let group = sub_columns(c).len() * (FIGURE_W + 2);
    ((WIDTH - lw) / group).clamp(1, PERIODS_PER_BLOCK)
}

/// The life-of-project block: baseline, end target, to date and how it is
/// taken, % of the end target, the other way for a percentage, and status,
/// one line per indicator (and category).
fn life_of_project(c: &Compare, lw: usize) -> String {
    let mut out = String::new();
    let any = c.results.iter().any(|r| !r.indicators.is_empty());
    let last = c.periods.last().map(|p| p.to_string()).unwrap_or_default();
    let widths = [8usize, 10, 10, 7, 8, 10, 11];
    let title_w = WIDTH - lw - widths.iter().map(|w| w + 2).sum::<usize>() - 2;
    out.push_str(&format!(
        "\n{}\n",
        term_message(
            "compare-life-of-project",
            [
                ("start", c.life_start.to_string().into()),
                ("end", c.life_end.to_string().into()),
                ("last", last.into())
            ]
        )
    ));
    if c.life_before_first {
        out.push_str(&term_message(
            "compare-life-from-start",
            [("start", c.life_start.to_string().into())],
        ));
        out.push('\n');
    }
    let head = |cells: [&str; 7]| -> Vec<(String, usize)> {
        cells.iter().zip(widths).map(|(s, w)| (s.to_string(), w)).collect()
    };
    let lop = |label: &str, title: &str, cells: Vec<(String, usize)>| {
        let mut s = pad_right(label, lw);
        s.push_str("  ");
        s.push_str(&pad_right(&clip(title, title_w), title_w));
        for (k, (c, w)) in cells.into_iter().enumerate() {
            s.push_str("  ");
            // The basis and the status read best aligned left.
            s.push_str(&if k == 3 || k == 6 {
                pad_right(&c, w)
            } else {
                pad_left(&c, w)
            });
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
                "col-basis",
                "col-percent-end",
                "col-other",
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
            let other = i
                .life
                .alternative
                .as_ref()
                .map(|a| a.actual.as_ref().map(short_value).unwrap_or_default())
                .unwrap_or_default();
            let cells = vec![
                (target_text(i, i.baseline), widths[0]),
                (target_text(i, i.life.target), widths[1]),
                (i.life.actual.as_ref().map(short_value).unwrap_or_default(), widths[2]),
                (basis(i.life.actual_rule).to_string(), widths[3]),
                (pct(i.life.percent), widths[4]),
                (other, widths[5]),
                (locale::status(Lang::En, i.life.status).to_string(), widths[6]),
            ];
            out.push_str(&lop(&id_label(i), &i.title, cells));
            for k in &i.categories {
                let share = |s: Option<rust_decimal::Decimal>| format::percent(s.map(|s| s.round_dp(1)));
                let title = match (&k.share, &k.target) {
                    (_, Some(t)) => term_message(
                        "compare-share-target",
                        [
                            ("share", share(k.share).into()),
                            ("target", share_target_text(i, t).into()),
                        ],
                    ),
                    (Some(_), None) => term_message("compare-share", [("share", share(k.share).into())]),
                    (None, None) => String::new(),
                };
                let met = k
                    .target
                    .as_ref()
                    .and_then(|t| t.met)
                    .map(|m| term(if m { "part-met" } else { "part-not-met" }).to_string())
                    .unwrap_or_default();
                let cells = vec![
                    (String::new(), widths[0]),
                    (String::new(), widths[1]),
                    (k.to_date.as_ref().map(short_value).unwrap_or_default(), widths[2]),
                    (String::new(), widths[3]),
                    (String::new(), widths[4]),
                    (k.alternative.as_ref().map(short_value).unwrap_or_default(), widths[5]),
                    (met, widths[6]),
                ];
                out.push_str(&lop(&category_label(&k.category), &title, cells));
            }
        }
    }
    if !any {
        out.push_str(term("compare-no-indicators"));
        out.push('\n');
    }
    out
}

/// A category target as written: `40 %` of the total for a share, the
/// value for a `by:` part.
fn share_target_text(i: &IndicatorRow, t: &CategoryTarget) -> String {
    match t.kind {
        PartKind::Share => format::percent(Some(t.target)),
        PartKind::Value => target_text(i, Some(t.target)),
    }
}

/// A column's heading: its name, with its dates within the project when
/// it is not a reporting period (a fiscal year cut by the project or by
/// `--to` says where).
fn column_heading(c: &Compare, k: usize) -> String {
    let p = c.periods[k];
    let cell = c.results.iter().flat_map(|r| &r.indicators).next().map(|i| &i.cells[k]);
    match (c.columns, cell) {
        (ColumnKind::Reporting, _) | (_, None) => p.to_string(),
        (_, Some(cell)) => format!("{p} {}..{}", cell.start, cell.end),
    }
}

/// One block of periods side by side, starting at period `first`: target,
/// actual and % for each (expected and increment when asked).
fn period_block(c: &Compare, lw: usize, first: usize, block: &[crate::model::Period]) -> String {
    let fw = FIGURE_W;
    let subs = sub_columns(c);
    let mut out = String::new();
    out.push('\n');
    let group_w = subs.len() * (fw + 2) - 2;
    let mut top = pad_right("", lw);
    for k in first..first + block.len() {
        top.push_str("  ");
        top.push_str(&pad_right(&column_heading(c, k), group_w));
    }
    out.push_str(&(top.trim_end().to_string() + "\n"));
    let sub: Vec<(String, usize)> = block
        .iter()
        .flat_map(|_| subs.iter().map(|s| (term(s).to_string(), fw)))
        .collect();
    out.push_str(&line(term("col-indicator"), lw, &sub));
    let rule: Vec<(String, usize)> = block
        .iter()
        .flat_map(|_| subs.iter().map(|_| ("-".repeat(fw), fw)))
        .collect();
    out.push_str(&line(&"-".repeat(lw), lw, &rule));
    for r in c.results.iter().filter(|r| !r.indicators.is_empty()) {
        out.push_str(&result_line(r));
        for i in &r.indicators {
            let cells: Vec<(String, usize)> = i.cells[first..first + block.len()]
                .iter()
                .flat_map(|cell: &Cell| {
                    subs.iter()
                        .map(|s| {
                            let text = match *s {
                                "col-target" => cell_target_text(i, cell),
                                "col-expected" => cell
                                    .expected
                                    .map(|e| format!("~{}", target_text(i, Some(e))))
                                    .unwrap_or_default(),
                                "col-actual" => cell.actual.as_ref().map(short_value).unwrap_or_default(),
                                "col-increment" => cell
                                    .increment
                                    .as_ref()
                                    .map(|v| format!("+{}", short_value(v)))
                                    .unwrap_or_default(),
                                _ => pct(cell.percent),
                            };
                            (text, fw)
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            out.push_str(&line(&id_label(i), lw, &cells));
            for k in &i.categories {
                let cells: Vec<(String, usize)> = k.actuals[first..first + block.len()]
                    .iter()
                    .flat_map(|a| {
                        subs.iter()
                            .map(|s| {
                                let text = match *s {
                                    "col-actual" => a.as_ref().map(short_value).unwrap_or_default(),
                                    _ => String::new(),
                                };
                                (text, fw)
                            })
                            .collect::<Vec<_>>()
                    })
                    .collect();
                out.push_str(&line(&category_label(&k.category), lw, &cells));
            }
        }
    }
    out
}

/// The columns of [`csv`], in order.
const CSV_HEADER: [&str; 23] = [
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
    "expected",
    "actual",
    "numerator",
    "denominator",
    "actual_text",
    "actual_rule",
    "increment",
    "percent",
    "status",
    "share",
    "share_target",
    "women_share",
];

/// One CSV row's figures, the rest coming from the indicator.
#[derive(Default)]
struct CsvRow<'a> {
    category: String,
    period: String,
    start: String,
    end: String,
    target: Option<rust_decimal::Decimal>,
    target_rule: &'a str,
    expected: Option<rust_decimal::Decimal>,
    actual: Option<&'a Value>,
    actual_rule: &'a str,
    increment: Option<&'a Value>,
    percent: Option<rust_decimal::Decimal>,
    status: &'a str,
    share: Option<rust_decimal::Decimal>,
    share_target: Option<rust_decimal::Decimal>,
    women_share: Option<rust_decimal::Decimal>,
}

/// Tidy CSV: one row per indicator x column (x category), then one row per
/// indicator (x category) with `period` = `end` for the life of project
/// (from the project's start, whatever `--from`), and for a percentage
/// whose other way differs a second `end` row with its rule (`pooled` or
/// `latest`).
pub(crate) fn csv(c: &Compare) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let mut header = CSV_HEADER.to_vec();
    if c.filter.is_some() {
        header.push("filter");
    }
    w.write_record(header).expect("in-memory write");
    for r in &c.results {
        for i in &r.indicators {
            indicator_rows(&mut w, c, r, i);
        }
    }
    if let Some(f) = &c.filter {
        left_out_rows(&mut w, c, f);
    }
    String::from_utf8(w.into_inner().expect("in-memory write")).expect("utf-8")
}

/// The name of a to-date rule, as in JSON.
fn to_date_rule_name(r: ToDateRule) -> &'static str {
    match r {
        ToDateRule::RunningTotal => "running_total",
        ToDateRule::Latest => "latest",
        ToDateRule::Pooled => "pooled",
        ToDateRule::Max => "max",
        ToDateRule::Mean => "mean",
    }
}

/// An indicator's rows: each column, the life of project, then the same
/// for each category.
fn indicator_rows(
    w: &mut csv::Writer<Vec<u8>>,
    c: &Compare,
    r: &crate::evaluate::compare::ResultRows,
    i: &IndicatorRow,
) {
    let rule = actual_rule_name(i.actual_rule);
    let filter = c.filter.as_ref().map(filter_cell);
    let mut row = |x: CsvRow| {
        let (fig, n, d, text) = value_cells(x.actual);
        let mut record = vec![
            spreadsheet_safe(&c.framework),
            spreadsheet_safe(&r.id),
            spreadsheet_safe(&r.level),
            spreadsheet_safe(&i.id),
            spreadsheet_safe(&i.title),
            spreadsheet_safe(&x.category),
            x.period,
            x.start,
            x.end,
            format::opt_decimal(x.target),
            x.target_rule.to_string(),
            format::opt_decimal(x.expected),
            fig,
            n,
            d,
            spreadsheet_safe(&text),
            x.actual_rule.to_string(),
            value_cells(x.increment).0,
            format::opt_decimal(x.percent),
            x.status.to_string(),
            format::opt_decimal(x.share.map(|s| s.round_dp(4))),
            format::opt_decimal(x.share_target),
            format::opt_decimal(x.women_share.map(|s| s.round_dp(4))),
        ];
        record.extend(filter.clone());
        w.write_record(record).expect("in-memory write");
    };
    let (life_start, life_end) = (c.life_start.to_string(), c.life_end.to_string());
    for cell in &i.cells {
        row(CsvRow {
            period: cell.period.to_string(),
            start: cell.start.to_string(),
            end: cell.end.to_string(),
            target: cell.target_shown,
            target_rule: cell.target.map(|t| rule_name(&t.rule)).unwrap_or_default(),
            expected: cell.expected,
            actual: cell.actual.as_ref(),
            actual_rule: rule,
            increment: cell.increment.as_ref(),
            percent: cell.percent,
            status: locale::status(Lang::En, cell.status),
            ..Default::default()
        });
    }
    let life = |actual, actual_rule, percent, status| CsvRow {
        period: "end".into(),
        start: life_start.clone(),
        end: life_end.clone(),
        target: i.life.target,
        target_rule: if i.life.target.is_some() { "end" } else { "" },
        actual,
        actual_rule,
        percent,
        status,
        women_share: i.women_share,
        ..Default::default()
    };
    row(life(
        i.life.actual.as_ref(),
        to_date_rule_name(i.life.actual_rule),
        i.life.percent,
        locale::status(Lang::En, i.life.status),
    ));
    if let Some(a) = &i.life.alternative {
        row(CsvRow {
            women_share: None,
            ..life(a.actual.as_ref(), to_date_rule_name(a.rule), a.percent, "")
        });
    }
    for k in &i.categories {
        let cat = k.category.clone().unwrap_or_else(|| "not broken down".into());
        for (cell, a) in i.cells.iter().zip(&k.actuals) {
            row(CsvRow {
                category: cat.clone(),
                period: cell.period.to_string(),
                start: cell.start.to_string(),
                end: cell.end.to_string(),
                actual: a.as_ref(),
                actual_rule: rule,
                ..Default::default()
            });
        }
        let met = k
            .target
            .as_ref()
            .and_then(|t| t.met)
            .map(|m| if m { "met" } else { "not met" });
        row(CsvRow {
            category: cat.clone(),
            period: "end".into(),
            start: life_start.clone(),
            end: life_end.clone(),
            actual: k.to_date.as_ref(),
            actual_rule: to_date_rule_name(i.life.actual_rule),
            status: met.unwrap_or_default(),
            share: k.share,
            share_target: k
                .target
                .as_ref()
                .filter(|t| t.kind == PartKind::Share)
                .map(|t| t.target),
            target: k
                .target
                .as_ref()
                .filter(|t| t.kind == PartKind::Value)
                .map(|t| t.target),
            target_rule: if k.target.as_ref().is_some_and(|t| t.kind == PartKind::Value) {
                "by"
            } else {
                ""
            },
            ..Default::default()
        });
        if let (Some(alt), Some(a)) = (&k.alternative, &i.life.alternative) {
            row(CsvRow {
                category: cat,
                period: "end".into(),
                start: life_start.clone(),
                end: life_end.clone(),
                actual: Some(alt),
                actual_rule: to_date_rule_name(a.rule),
                ..Default::default()
            });
        }
    }
}

/// The `filter` cell of a category's table: `country=GT;sex=women`, as
/// `--dim` writes it.
fn filter_cell(f: &Filter) -> String {
    let cats: Vec<String> = f
        .categories
        .iter()
        .map(|c| format!("{}={}", c.dimension, c.category))
        .collect();
    spreadsheet_safe(&cats.join(";"))
}

/// One `end` row per indicator a category's table leaves out, its status
/// `not broken down` and no figure.
fn left_out_rows(w: &mut csv::Writer<Vec<u8>>, c: &Compare, f: &Filter) {
    for l in &f.not_broken_down {
        let mut record = vec![
            spreadsheet_safe(&c.framework),
            spreadsheet_safe(&l.result),
            spreadsheet_safe(&l.level),
            spreadsheet_safe(&l.id),
            spreadsheet_safe(&l.title),
        ];
        record.resize(CSV_HEADER.len(), String::new());
        let at = |name: &str| CSV_HEADER.iter().position(|h| *h == name).expect("a CSV column");
        record[at("period")] = "end".into();
        record[at("period_start")] = c.life_start.to_string();
        record[at("period_end")] = c.life_end.to_string();
        record[at("status")] = "not broken down".into();
        record.push(filter_cell(f));
        w.write_record(record).expect("in-memory write");
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
