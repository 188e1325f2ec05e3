//! `logframe funding`: a [`FundingSummary`] or a [`Portfolio`] as text,
//! CSV or JSON. Formatting only; every figure was computed before.
//!
//! The text table groups thousands (`6,576,097`) for reading; CSV and JSON
//! carry the exact figures (`6576097`) for spreadsheets and programs.

use rust_decimal::Decimal;

use crate::compute::funding::{Basis, FundingSummary, Money, Pace, Portfolio, ShortfallCheck};
use crate::format::{self, columns};
use crate::locale::{Lang::En, message, text};
use crate::render::status::spreadsheet_safe;

/// An amount with thousands grouped and its own decimals kept:
/// `2901786.00` -> `2,901,786.00`.
pub(crate) fn money(d: Decimal) -> String {
    crate::locale::number_dp(crate::locale::Lang::En, d, d.scale(), false)
}

/// An amount shown with `dp` decimals, so that a column lines up
/// (`0` next to `2901786.00` prints as `0.00`). For display only.
fn money_dp(d: Decimal, dp: u32) -> String {
    let mut x = d;
    x.rescale(dp);
    money(x)
}

/// The decimals a currency's column shows: as many as its figures carry.
fn dp_of<'a>(figures: impl IntoIterator<Item = &'a Decimal>) -> u32 {
    figures.into_iter().map(|d| d.scale()).max().unwrap_or(0).min(4)
}

fn moneys(list: &[Money]) -> String {
    list.iter()
        .map(|m| format!("{} {}", m.currency, money(m.amount)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn check_cell(c: Option<ShortfallCheck>, dp: u32) -> String {
    match c {
        None => String::new(),
        Some(c) if c.agrees => text(En, "funding-check-agrees").into(),
        Some(c) if c.difference.is_sign_negative() => {
            message(En, "funding-check-less", [("gap", money_dp(c.gap(), dp).into())])
        }
        Some(c) => message(En, "funding-check-more", [("gap", money_dp(c.difference, dp).into())]),
    }
}

/// One sentence on a stated shortfall.
pub(crate) fn shortfall_sentence(c: &ShortfallCheck, currency: &str) -> String {
    if c.agrees {
        message(
            En,
            "funding-shortfall-agrees",
            [("currency", currency.into()), ("stated", money(c.stated).into())],
        )
    } else {
        let way = if c.difference.is_sign_negative() {
            "less"
        } else {
            "more"
        };
        message(
            En,
            "funding-shortfall-differs",
            [
                ("currency", currency.into()),
                ("stated", money(c.stated).into()),
                ("computed", money(c.computed).into()),
                ("gap", money(c.gap()).into()),
                ("way", way.into()),
            ],
        )
    }
}

fn burn_sentence(s: &FundingSummary) -> String {
    let (Some(r), Some(v), Some(pace)) = (s.burn_rate, s.variance_percent, s.pace) else {
        return text(En, "funding-burn-undefined").into();
    };
    let id = match pace {
        Pace::InStep => "funding-burn-in-step",
        Pace::Behind => "funding-burn-slower",
        Pace::Ahead => "funding-burn-faster",
    };
    message(
        En,
        id,
        [("rate", format::decimal(r).into()), ("variance", signed(v).into())],
    )
}

/// A variance with its sign: `+3.02 %`, `-25.64 %`.
fn signed(v: Decimal) -> String {
    let p = format::percent(Some(v));
    if v > Decimal::ZERO { format!("+{p}") } else { p }
}

fn pace_word(p: Option<Pace>) -> String {
    match p {
        Some(Pace::Behind) => text(En, "funding-pace-behind").into(),
        Some(Pace::InStep) => text(En, "funding-pace-in-step").into(),
        Some(Pace::Ahead) => text(En, "funding-pace-ahead").into(),
        None => String::new(),
    }
}

pub(crate) fn table(s: &FundingSummary) -> String {
    let dp = dp_of(
        [&s.budget]
            .into_iter()
            .chain(s.pledges.iter().map(|p| &p.amount))
            .chain(s.lines.iter().filter_map(|l| l.allocation.as_ref())),
    );
    let mut out = overview(s, dp);
    out.push_str(&pledges_table(s, dp));
    out.push_str(&lines_table(s, dp));
    out.push_str(&comments(s));
    out.push_str(&forecast_table(s, dp));
    out.push_str(&periods_table(s, dp));
    if !s.missing.is_empty() {
        let list: Vec<String> = s.missing.iter().map(|p| p.to_string()).collect();
        out.push_str(&format!(
            "\n{}\n",
            message(En, "funding-missing", [("periods", list.join(", ").into())])
        ));
    }
    if let Some(chk) = &s.shortfall_check
        && !chk.agrees
    {
        out.push_str(&format!(
            "\n{}\n",
            message(
                En,
                "funding-finding",
                [("text", shortfall_sentence(chk, &s.currency).into())]
            )
        ));
    }
    out
}

/// The title lines, the budget/pledged/spent figures and the burn rate.
fn overview(s: &FundingSummary, dp: u32) -> String {
    let c = &s.currency;
    let money = |d: Decimal| money_dp(d, dp);
    let mut out = format!(
        "{} — {}\n{}{}\n\n",
        s.short_name.as_deref().unwrap_or(&s.framework),
        s.title,
        message(
            En,
            "funding-in",
            [
                ("currency", c.as_str().into()),
                ("start", s.start.to_string().into()),
                ("end", s.end.to_string().into()),
            ],
        ),
        s.period
            .map(|p| format!(
                "; {}",
                message(
                    En,
                    "funding-expenditure-to",
                    [("period", p.to_string().into()), ("end", p.end.to_string().into())],
                )
            ))
            .unwrap_or_default()
    );
    let mut facts: Vec<Vec<String>> = vec![
        vec![text(En, "funding-budget").into(), money(s.budget), String::new()],
        vec![
            text(En, "funding-pledged").into(),
            money(s.pledged),
            format::percent(s.pledged_percent),
        ],
        vec![
            text(En, "funding-shortfall").into(),
            money(s.shortfall),
            format::percent(s.shortfall_percent()),
        ],
    ];
    if let Some(chk) = &s.shortfall_check {
        facts.push(vec![
            text(En, "funding-stated-shortfall").into(),
            money(chk.stated),
            check_cell(Some(*chk), dp),
        ]);
    }
    if let Some(p) = s.period {
        facts.push(vec![
            message(En, "funding-spent-this-period", [("period", p.to_string().into())]),
            s.this_period
                .map(money)
                .unwrap_or_else(|| text(En, "funding-not-recorded").into()),
            String::new(),
        ]);
    }
    facts.push(vec![
        text(En, "funding-spent-to-date").into(),
        money(s.spent),
        format::percent(s.spent_percent),
    ]);
    facts.push(vec![
        text(En, "funding-remaining").into(),
        money(s.remaining),
        String::new(),
    ]);
    facts.push(vec![
        text(En, "funding-time-elapsed").into(),
        String::new(),
        format::percent(s.elapsed_percent),
    ]);
    out.push_str(&columns(&["", c, "%"], &facts, &[false, true, true]));
    out.push_str(&match s.pace_to {
        Some(to) if s.period.is_some_and(|p| to.end < p.end) => message(
            En,
            "funding-burn-rate-to",
            [("period", to.to_string().into()), ("text", burn_sentence(s).into())],
        ),
        _ => message(En, "funding-burn-rate", [("text", burn_sentence(s).into())]),
    });
    out.push('\n');
    if !s.unconverted.is_empty() {
        out.push_str(&message(
            En,
            "funding-not-pledged",
            [
                ("currency", c.as_str().into()),
                ("amounts", moneys(&s.unconverted).into()),
            ],
        ));
        out.push('\n');
    }
    out
}

/// The pledges, each in its own currency and converted.
fn pledges_table(s: &FundingSummary, dp: u32) -> String {
    let c = &s.currency;
    let money = |d: Decimal| money_dp(d, dp);
    let mut out = format!("\n{}\n", text(En, "funding-pledges"));
    if s.pledges.is_empty() {
        out.push_str(text(En, "term-none"));
        out.push('\n');
    } else {
        let rows: Vec<Vec<String>> = s
            .pledges
            .iter()
            .map(|p| {
                vec![
                    p.donor.clone(),
                    p.date.map(|d| d.to_string()).unwrap_or_default(),
                    p.currency.clone(),
                    super::funding::money(p.amount),
                    p.rate.map(format::decimal).unwrap_or_default(),
                    p.converted
                        .map(money)
                        .unwrap_or_else(|| text(En, "funding-no-rate").into()),
                ]
            })
            .collect();
        let in_c = message(En, "funding-col-in", [("currency", c.as_str().into())]);
        out.push_str(&columns(
            &[
                text(En, "funding-col-donor"),
                text(En, "funding-col-date"),
                text(En, "funding-col-currency"),
                text(En, "funding-col-amount"),
                text(En, "funding-col-rate"),
                &in_c,
            ],
            &rows,
            &[false, false, false, true, true, true],
        ));
    }
    out
}

/// Allocation, spending and remainder by budget line (none when the
/// framework has no lines).
fn lines_table(s: &FundingSummary, dp: u32) -> String {
    let money = |d: Decimal| money_dp(d, dp);
    let opt_money = |d: Option<Decimal>| d.map(money).unwrap_or_default();
    let mut out = String::new();
    if !s.lines.is_empty() {
        out.push_str(&format!("\n{}\n", text(En, "funding-budget-lines")));
        let rows: Vec<Vec<String>> = s
            .lines
            .iter()
            .map(|l| {
                vec![
                    l.id.clone().unwrap_or_else(|| "-".into()),
                    format::clip(&l.title, 40),
                    opt_money(l.allocation),
                    l.this_period
                        .map(money)
                        .unwrap_or_else(|| text(En, "funding-not-recorded").into()),
                    money(l.spent),
                    opt_money(l.remaining),
                    format::percent(l.spent_percent),
                    l.variance_percent.map(signed).unwrap_or_default(),
                    pace_word(l.pace),
                    if l.overspent {
                        text(En, "funding-overspent").into()
                    } else {
                        String::new()
                    },
                ]
            })
            .collect();
        out.push_str(&columns(
            &[
                text(En, "funding-col-line"),
                text(En, "col-title"),
                text(En, "funding-col-allocation"),
                text(En, "funding-col-this-period"),
                text(En, "funding-col-spent"),
                text(En, "funding-col-remaining"),
                text(En, "funding-col-percent-spent"),
                text(En, "funding-col-variance"),
                text(En, "funding-col-pace"),
                "",
            ],
            &rows,
            &[false, false, true, true, true, true, true, true, false, false],
        ));
    }
    out
}

/// The explanations written with the period's expenditure, by line.
fn comments(s: &FundingSummary) -> String {
    let (Some(p), true) = (s.period, s.lines.iter().any(|l| !l.comments.is_empty())) else {
        return String::new();
    };
    let mut out = format!(
        "\n{}\n",
        message(En, "funding-comments", [("period", p.to_string().into())])
    );
    for l in s.lines.iter().filter(|l| !l.comments.is_empty()) {
        out.push_str(&format!(
            "{}: {}\n",
            l.id.as_deref().unwrap_or("-"),
            l.comments.join("; ")
        ));
    }
    out
}

/// The next period's forecast by line, with its basis, then the total.
fn forecast_table(s: &FundingSummary, dp: u32) -> String {
    let Some(f) = &s.forecast else {
        return String::new();
    };
    let money = |d: Decimal| money_dp(d, dp);
    let basis = |b: Basis| match b {
        Basis::Written => text(En, "funding-basis-written").to_string(),
        Basis::Average => text(En, "funding-basis-average").to_string(),
        Basis::Mixed => String::new(),
    };
    let mut rows: Vec<Vec<String>> = s
        .lines
        .iter()
        .filter_map(|l| {
            let x = l.forecast.as_ref()?;
            Some(vec![
                l.id.clone().unwrap_or_else(|| "-".into()),
                money(x.amount),
                basis(x.basis),
                x.comments.join("; "),
            ])
        })
        .collect();
    rows.push(vec![
        text(En, "total").into(),
        money(f.amount),
        basis(f.basis),
        String::new(),
    ]);
    let mut out = format!(
        "\n{}\n",
        message(En, "funding-forecast", [("period", f.period.to_string().into())])
    );
    out.push_str(&columns(
        &[
            text(En, "funding-col-line"),
            text(En, "funding-col-forecast"),
            text(En, "funding-col-basis"),
            text(En, "col-comment"),
        ],
        &rows,
        &[false, true, false, false],
    ));
    if s.lines
        .iter()
        .any(|l| l.forecast.as_ref().is_some_and(|x| x.basis == Basis::Average))
    {
        out.push_str(&message(
            En,
            "funding-average-note",
            [("count", f.periods_averaged.into())],
        ));
        out.push('\n');
    }
    out
}

/// Spending period by period, with the running total.
fn periods_table(s: &FundingSummary, dp: u32) -> String {
    let money = |d: Decimal| money_dp(d, dp);
    let mut out = String::new();
    if !s.by_period.is_empty() {
        out.push_str(&format!("\n{}\n", text(En, "funding-by-period")));
        let rows: Vec<Vec<String>> = s
            .by_period
            .iter()
            .map(|p| {
                vec![
                    p.period.to_string(),
                    money(p.spent),
                    money(p.cumulative),
                    format::percent(p.cumulative_percent),
                ]
            })
            .collect();
        out.push_str(&columns(
            &[
                text(En, "col-period"),
                text(En, "funding-col-spent"),
                text(En, "col-to-date"),
                text(En, "funding-col-percent-budget"),
            ],
            &rows,
            &[false, true, true, true],
        ));
    }
    out
}

/// One figure per row (`section,item,label,measure,currency,value`), so a
/// spreadsheet can pivot it.
pub(crate) fn csv(s: &FundingSummary) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(["section", "item", "label", "measure", "currency", "value"])
        .expect("in-memory write");
    let c = s.currency.as_str();
    let d = |x: Decimal| x.to_string();
    let od = |x: Option<Decimal>| x.map(|x| x.to_string()).unwrap_or_default();
    let period = s.period.map(|p| p.to_string()).unwrap_or_default();
    let mut rows: Vec<[String; 6]> = vec![
        row("total", "", "", "budget", c, d(s.budget)),
        row("total", "", "", "pledged", c, d(s.pledged)),
        row("total", "", "", "pledged_percent", "", od(s.pledged_percent)),
        row("total", "", "", "shortfall", c, d(s.shortfall)),
    ];
    if let Some(chk) = &s.shortfall_check {
        rows.push(row("total", "", "", "stated_shortfall", c, d(chk.stated)));
        rows.push(row("total", "", "", "stated_minus_computed", c, d(chk.difference)));
    }
    rows.extend([
        row("total", &period, "", "spent", c, d(s.spent)),
        row("total", &period, "", "remaining", c, d(s.remaining)),
        row("total", &period, "", "spent_percent", "", od(s.spent_percent)),
        row("total", &period, "", "elapsed_percent", "", od(s.elapsed_percent)),
        row("total", &period, "", "burn_rate", "", od(s.burn_rate)),
        row("total", &period, "", "variance_percent", "", od(s.variance_percent)),
        row("total", &period, "", "spent_this_period", c, od(s.this_period)),
    ]);
    if let Some(to) = s.pace_to {
        rows.push(row("total", &period, "", "pace_to", "", to.to_string()));
    }
    for m in &s.missing {
        rows.push(row("missing", &m.to_string(), "", "no_expenditure", "", String::new()));
    }
    if let Some(f) = &s.forecast {
        rows.push(row("forecast", &f.period.to_string(), "", "amount", c, d(f.amount)));
    }
    for m in &s.unconverted {
        rows.push(row("unconverted", "", "", "pledged", &m.currency, d(m.amount)));
    }
    for (i, p) in s.pledges.iter().enumerate() {
        let n = (i + 1).to_string();
        let label = spreadsheet_safe(&p.donor);
        rows.push(row("pledge", &n, &label, "amount", &p.currency, d(p.amount)));
        if let Some(r) = p.rate {
            rows.push(row("pledge", &n, &label, "rate", "", d(r)));
        }
        if let Some(x) = p.converted {
            rows.push(row("pledge", &n, &label, "converted", c, d(x)));
        }
        if let Some(date) = p.date {
            rows.push(row("pledge", &n, &label, "date", "", date.to_string()));
        }
    }
    for l in &s.lines {
        let id = l.id.clone().unwrap_or_default();
        let label = spreadsheet_safe(&l.title);
        if let Some(a) = l.allocation {
            rows.push(row("budget_line", &id, &label, "allocation", c, d(a)));
        }
        rows.push(row("budget_line", &id, &label, "spent", c, d(l.spent)));
        if let Some(p) = l.spent_percent {
            rows.push(row("budget_line", &id, &label, "spent_percent", "", d(p)));
        }
        if let Some(x) = l.this_period {
            rows.push(row("budget_line", &id, &label, "spent_this_period", c, d(x)));
        }
        if let Some(v) = l.variance_percent {
            rows.push(row("budget_line", &id, &label, "variance_percent", "", d(v)));
        }
        if let Some(f) = &l.forecast {
            rows.push(row("budget_line", &id, &label, "forecast", c, d(f.amount)));
        }
    }
    for p in &s.by_period {
        let id = p.period.to_string();
        rows.push(row("period", &id, "", "spent", c, d(p.spent)));
        rows.push(row("period", &id, "", "cumulative", c, d(p.cumulative)));
    }
    for r in rows {
        w.write_record(&r).expect("in-memory write");
    }
    String::from_utf8(w.into_inner().expect("in-memory write")).expect("utf-8")
}

fn row(section: &str, item: &str, label: &str, measure: &str, currency: &str, value: String) -> [String; 6] {
    [
        section.into(),
        item.into(),
        label.into(),
        measure.into(),
        currency.into(),
        value,
    ]
}

pub(crate) fn json(s: &FundingSummary) -> String {
    serde_json::to_string_pretty(s).expect("funding serialises") + "\n"
}

pub(crate) fn portfolio_table(p: &Portfolio) -> String {
    let count = u32::try_from(p.projects.len()).unwrap_or(u32::MAX);
    let mut out = message(En, "funding-portfolio-title", [("count", count.into())]) + "\n\n";
    let dp = |currency: &str| dp_of(p.projects.iter().filter(|r| r.currency == currency).map(|r| &r.budget));
    let rows: Vec<Vec<String>> = p
        .projects
        .iter()
        .map(|r| {
            let dp = dp(&r.currency);
            vec![
                r.framework.clone(),
                r.currency.clone(),
                money_dp(r.budget, dp),
                money_dp(r.pledged, dp),
                money_dp(r.shortfall, dp),
                r.shortfall_check.map(|c| money_dp(c.stated, dp)).unwrap_or_default(),
                check_cell(r.shortfall_check, dp),
            ]
        })
        .collect();
    out.push_str(&columns(
        &[
            text(En, "funding-col-framework"),
            text(En, "funding-col-currency"),
            text(En, "funding-col-budget"),
            text(En, "funding-col-pledged"),
            text(En, "funding-col-shortfall"),
            text(En, "funding-col-stated"),
            text(En, "funding-col-check"),
        ],
        &rows,
        &[false, false, true, true, true, true, false],
    ));
    out.push_str(&format!("\n{}\n", text(En, "funding-totals")));
    let rows: Vec<Vec<String>> = p
        .totals
        .iter()
        .map(|t| {
            let dp = dp(&t.currency);
            vec![
                t.currency.clone(),
                t.projects.to_string(),
                money_dp(t.budget, dp),
                money_dp(t.pledged, dp),
                money_dp(t.shortfall, dp),
            ]
        })
        .collect();
    out.push_str(&columns(
        &[
            text(En, "funding-col-currency"),
            text(En, "funding-col-projects"),
            text(En, "funding-col-budget"),
            text(En, "funding-col-pledged"),
            text(En, "funding-col-shortfall"),
        ],
        &rows,
        &[false, true, true, true, true],
    ));
    let unconverted: Vec<String> = p
        .projects
        .iter()
        .filter(|r| !r.unconverted.is_empty())
        .map(|r| format!("{}: {}", r.framework, moneys(&r.unconverted)))
        .collect();
    if !unconverted.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            message(
                En,
                "funding-left-out-no-rate",
                [("list", unconverted.join("; ").into())]
            )
        ));
    }
    let findings: Vec<String> = p
        .projects
        .iter()
        .filter_map(|r| {
            r.shortfall_check
                .filter(|c| !c.agrees)
                .map(|c| format!("{}: {}", r.framework, shortfall_sentence(&c, &r.currency)))
        })
        .collect();
    if !findings.is_empty() {
        out.push_str("\nfindings\n");
        for f in findings {
            out.push_str(&f);
            out.push('\n');
        }
    }
    if !p.without_funding.is_empty() {
        out.push_str(&format!("\nno funding section: {}\n", p.without_funding.join(", ")));
    }
    out
}

/// One row per project, then one `total` row per currency.
pub(crate) fn portfolio_csv(p: &Portfolio) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record([
        "row",
        "framework",
        "currency",
        "budget",
        "pledged",
        "shortfall",
        "stated_shortfall",
        "stated_minus_computed",
        "projects",
    ])
    .expect("in-memory write");
    for r in &p.projects {
        w.write_record([
            "project".to_string(),
            r.framework.clone(),
            r.currency.clone(),
            r.budget.to_string(),
            r.pledged.to_string(),
            r.shortfall.to_string(),
            r.shortfall_check.map(|c| c.stated.to_string()).unwrap_or_default(),
            r.shortfall_check.map(|c| c.difference.to_string()).unwrap_or_default(),
            String::new(),
        ])
        .expect("in-memory write");
    }
    for t in &p.totals {
        w.write_record([
            "total".to_string(),
            String::new(),
            t.currency.clone(),
            t.budget.to_string(),
            t.pledged.to_string(),
            t.shortfall.to_string(),
            String::new(),
            String::new(),
            t.projects.to_string(),
        ])
        .expect("in-memory write");
    }
    String::from_utf8(w.into_inner().expect("in-memory write")).expect("utf-8")
}

pub(crate) fn portfolio_json(p: &Portfolio) -> String {
    serde_json::to_string_pretty(p).expect("portfolio serialises") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn money_groups_thousands_and_keeps_decimals() {
        for (x, want) in [
            ("6576097", "6,576,097"),
            ("2901786.00", "2,901,786.00"),
            ("-1", "-1"),
            ("-1234.5", "-1,234.5"),
            ("999", "999"),
            ("0", "0"),
        ] {
            assert_eq!(money(Decimal::from_str(x).unwrap()), want);
        }
    }
}
