//! The `funding:` section and the expenditure ledger
//! (`expenditures/*.csv`) into [`Funding`].
//!
//! Amounts are read as text and parsed by `model::number`, so `1,178,122`
//! (a string in YAML, not a number) is refused with a hint rather than
//! misread. Per-entry problems are found here, with the entry's location;
//! rules that need the whole section in view (overspent lines, pledges over
//! the budget) live in `validate::funding`.

mod files;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::raw::{DateText, DecimalText, Loc, RawExpenditure, RawFunding, RawPledge, RawText};
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::funding::{BudgetLine, Expenditure, Funding, Pledge};
use crate::model::number::parse_decimal;
use crate::model::period::{PERIOD_FORMS, parse_period};
use crate::model::{Period, Project, Text};
use crate::source::{FileId, Sources, Span};

pub use files::{COLUMNS, read_expenditures};

/// Lowering state: the YAML file, for spans, and the diagnostics.
struct Ctx<'a> {
    file: FileId,
    sources: &'a Sources,
    diags: &'a mut Diagnostics,
}

impl Ctx<'_> {
    fn span<T>(&self, loc: &Loc<T>) -> Span {
        loc.span(self.sources, self.file)
    }

    fn err<T>(&mut self, loc: &Loc<T>, d: Diagnostic) {
        let span = self.span(loc);
        self.diags.push(d.at(span));
    }

    /// An amount; `nonnegative` refuses a minus sign (budgets, pledges).
    fn amount(&mut self, loc: &Loc<DecimalText>, what: &str, nonnegative: bool) -> Option<Decimal> {
        let text = loc.value().0.trim();
        match parse_decimal(text) {
            Ok(d) if nonnegative && d.is_sign_negative() && !d.is_zero() => {
                self.err(
                    loc,
                    Diagnostic::error(format!("{what} is negative"))
                        .expected("an amount of at least 0")
                        .found(format!("`{text}`"))
                        .hint("write the amount without a minus sign"),
                );
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                self.err(
                    loc,
                    Diagnostic::error(format!("{what}: {}", e.message))
                        .expected("an amount such as 1178122 or 125000.50")
                        .found(format!("`{text}`"))
                        .hint(e.hint),
                );
                None
            }
        }
    }

    fn currency(&mut self, loc: &Loc<String>) -> Option<String> {
        let code = loc.value().trim();
        if super::currencies::is_currency(code) {
            return Some(code.to_string());
        }
        self.err(loc, currency_error(code));
        None
    }

    fn date(&mut self, loc: &Loc<DateText>) -> Option<NaiveDate> {
        loc.date().map_err(|d| self.err(loc, d)).ok()
    }
}

/// The error for a `currency:` that is not an ISO 4217 code (the project's
/// and the funding section's alike).
pub fn currency_error(code: &str) -> Diagnostic {
    Diagnostic::error(format!("`{code}` is not an ISO 4217 currency code"))
        .expected("an ISO 4217 code such as USD, EUR or CAD")
        .found(format!("`{code}`"))
        .hint(super::currencies::hint(code))
}

fn text_in(t: &RawText, lang: &str) -> Text {
    match t {
        RawText::Plain(s) => Text::plain(s.trim()),
        RawText::Translated(map) => Text {
            default: map
                .get(lang)
                .or_else(|| map.values().next())
                .map(|s| s.trim().to_string())
                .unwrap_or_default(),
            translations: map.iter().map(|(k, v)| (k.clone(), v.trim().to_string())).collect(),
        },
    }
}

/// Lower `funding:`; `None` when the section is absent.
pub fn lower(
    raw: Option<&RawFunding>,
    project: &Project,
    file: FileId,
    sources: &Sources,
    diags: &mut Diagnostics,
) -> Option<Funding> {
    let raw = raw?;
    let mut cx = Ctx { file, sources, diags };
    let currency = currency_of(&mut cx, raw, project);
    let (budget, budget_span) = budget_of(&mut cx, raw, project);
    let budget_lines = budget_lines(&mut cx, raw, project.language.as_str());
    let pledges = raw
        .pledges
        .iter()
        .flatten()
        .filter_map(|p| pledge(&mut cx, p, currency.as_ref()))
        .collect();
    let expenditures = raw
        .expenditures
        .iter()
        .flatten()
        .filter_map(|e| expenditure(&mut cx, e, project, &budget_lines, "expenditure"))
        .collect();
    let forecast = raw
        .forecast
        .iter()
        .flatten()
        .filter_map(|e| expenditure(&mut cx, e, project, &budget_lines, "forecast"))
        .collect();
    let stated_shortfall = raw
        .stated_shortfall
        .as_ref()
        .and_then(|s| cx.amount(s, "stated_shortfall", false));
    // A refused currency or budget was reported above; the placeholder keeps
    // the section (and its expenditure files) from being reported as absent,
    // and nothing is computed from a framework with errors.
    Some(Funding {
        refused: currency.is_none() || budget.is_none(),
        currency: currency.unwrap_or_default(),
        budget: budget.unwrap_or_default(),
        budget_lines,
        pledges,
        expenditures,
        forecast,
        stated_shortfall,
        budget_span,
        stated_shortfall_span: raw.stated_shortfall.as_ref().map(|s| cx.span(s)),
    })
}

/// The whole section's span, for a missing key.
fn section_span(cx: &Ctx) -> Span {
    Span::new(cx.file, 0, 1)
}

/// The funding currency: its own, else the project's.
fn currency_of(cx: &mut Ctx, raw: &RawFunding, project: &Project) -> Option<String> {
    let section_span = section_span(cx);
    match (&raw.currency, &project.currency) {
        (Some(c), p) => {
            let c2 = cx.currency(c);
            if let (Some(mine), Some(p)) = (&c2, p)
                && mine != p
            {
                cx.err(
                    c,
                    Diagnostic::warning(format!(
                        "the funding currency {mine} differs from the project currency {p}"
                    ))
                    .expected(format!("{p}, as under `project:`"))
                    .found(mine.clone())
                    .hint(
                        "state one currency for the budget; pledges in other currencies take `currency:` and `rate:`",
                    ),
                );
            }
            c2
        }
        (None, Some(p)) => Some(p.clone()),
        (None, None) => {
            cx.diags.push(
                Diagnostic::error("the funding section has no currency")
                    .at(raw.budget.as_ref().map_or(section_span, |b| cx.span(b)))
                    .expected("`currency:` under `funding:` or under `project:`")
                    .found("neither")
                    .hint("add `currency: USD` (an ISO 4217 code) under `funding:`"),
            );
            None
        }
    }
}

/// The budget and where it is written: its own, else the project's.
fn budget_of(cx: &mut Ctx, raw: &RawFunding, project: &Project) -> (Option<Decimal>, Span) {
    let section_span = section_span(cx);
    match &raw.budget {
        Some(b) => {
            let v = cx.amount(b, "budget", true);
            if let (Some(v), Some(p)) = (v, project.budget)
                && v != p
            {
                cx.err(
                    b,
                    Diagnostic::warning(format!("the funding budget {v} differs from the project budget {p}"))
                        .expected(format!("{p}, as under `project:`"))
                        .found(v.to_string())
                        .hint("keep one budget figure, or remove `budget:` from one of the two sections"),
                );
            }
            (v, cx.span(b))
        }
        None => match project.budget {
            Some(p) => (Some(p), section_span),
            None => {
                cx.diags.push(
                    Diagnostic::error("the funding section has no budget")
                        .at(raw.currency.as_ref().map_or(section_span, |c| cx.span(c)))
                        .expected("`budget:` under `funding:` or under `project:`")
                        .found("neither")
                        .hint("add `budget: 6576097` under `funding:`"),
                );
                (None, section_span)
            }
        },
    }
}

/// The budget lines, each id once.
fn budget_lines(cx: &mut Ctx, raw: &RawFunding, lang: &str) -> Vec<BudgetLine> {
    let mut budget_lines: Vec<BudgetLine> = Vec::new();
    for l in raw.budget_lines.iter().flatten() {
        let v = l.value();
        let id = v.id.value().0.trim().to_string();
        let amount = cx.amount(&v.amount, &format!("budget line {id}"), true);
        if let Some(first) = budget_lines.iter().find(|b| b.id == id) {
            let (line, _) = cx.sources.get(cx.file).line_col(first.span.start);
            cx.err(
                &v.id,
                Diagnostic::error(format!("budget line `{id}` is declared twice"))
                    .expected("each budget line id once")
                    .found(format!("`{id}` again (first on line {line})"))
                    .hint("merge the two lines, or give this one another id"),
            );
            continue;
        }
        let Some(amount) = amount else { continue };
        budget_lines.push(BudgetLine {
            title: v
                .title
                .as_ref()
                .map_or_else(|| Text::plain(id.clone()), |t| text_in(t.value(), lang)),
            id,
            amount,
            span: cx.span(&v.amount),
        });
    }
    budget_lines
}

/// One pledge, in its own currency with its rate to the budget's; `None`
/// when it is refused (reported).
fn pledge(cx: &mut Ctx, p: &Loc<RawPledge>, currency: Option<&String>) -> Option<Pledge> {
    let v = p.value();
    {
        let donor = v.donor.value().trim().to_string();
        let amount = cx.amount(&v.amount, &format!("pledge of {donor}"), true);
        let own = match &v.currency {
            Some(c) => cx.currency(c),
            None => currency.cloned(),
        };
        let rate = v.rate.as_ref().and_then(|r| {
            let d = cx.amount(r, "rate", true)?;
            if d.is_zero() {
                cx.err(
                    r,
                    Diagnostic::error("the rate is zero")
                        .expected("units of the budget currency per unit of the pledge's currency, above 0")
                        .found("`0`")
                        .hint("write the rate the donor agreement or the UN operational rate states"),
                );
                return None;
            }
            Some(d)
        });
        let date = v.date.as_ref().and_then(|d| cx.date(d));
        if let (Some(own), Some(budget_cur)) = (&own, currency) {
            if own != budget_cur && rate.is_none() && v.rate.is_none() {
                let span = v.currency.as_ref().map_or_else(|| cx.span(&v.amount), |c| cx.span(c));
                cx.diags.push(
                    Diagnostic::warning(format!("the pledge of {donor} is in {own} without a rate to {budget_cur}"))
                        .expected(format!("`rate:` in {budget_cur} per {own}"))
                        .found(format!("{} {own} and no rate", v.amount.value().0.trim()))
                        .hint(format!(
                            "add `rate: ...` ({budget_cur} per 1 {own}); until then the pledge is left out of the pledged total and the shortfall"
                        ))
                        .at(span),
                );
            }
            if let Some(r) = &v.rate
                && own == budget_cur
            {
                cx.err(
                    r,
                    Diagnostic::warning(format!(
                        "the pledge of {donor} is in the budget currency {own}; its rate is ignored"
                    ))
                    .expected(format!("`rate:` only with a `currency:` other than {own}"))
                    .found(format!("rate {}", r.value().0.trim()))
                    .hint("remove `rate:`, or add the pledge's own `currency:`"),
                );
            }
        }
        let (Some(amount), Some(own)) = (amount, own) else {
            return None;
        };
        let rate = if currency == Some(&own) { None } else { rate };
        Some(Pledge {
            donor,
            amount,
            currency: own,
            rate,
            date,
            span: cx.span(p),
        })
    }
}

/// One expenditure (or, with `what` = "forecast", one planned amount)
/// written in logframe.yaml; `None` when it is refused (reported).
fn expenditure(
    cx: &mut Ctx,
    e: &Loc<RawExpenditure>,
    project: &Project,
    budget_lines: &[BudgetLine],
    what: &str,
) -> Option<Expenditure> {
    let v = e.value();
    {
        let ptext = v.period.value().0.trim();
        let period = match parse_period(ptext, project.fiscal_year_start) {
            Ok(p) => Some(p),
            Err(err) => {
                cx.err(
                    &v.period,
                    Diagnostic::error(format!("{what} period: {}", err.message))
                        .expected(PERIOD_FORMS)
                        .found(format!("`{ptext}`"))
                        .hint(err.hint),
                );
                None
            }
        };
        if let Some(p) = period {
            let span = cx.span(&v.period);
            if let Some(d) = outside_project(p, project, span, what) {
                cx.diags.push(d);
            }
        }
        let amount = cx.amount(&v.amount, what, false);
        let line = match &v.budget_line {
            Some(b) => {
                let id = b.value().0.trim();
                match budget_lines.iter().position(|l| l.id == id) {
                    Some(i) => Some(Some(i)),
                    None => {
                        let span = cx.span(b);
                        cx.diags.push(unknown_line(id, budget_lines).at(span));
                        None
                    }
                }
            }
            None => Some(None),
        };
        let (Some(period), Some(amount), Some(budget_line)) = (period, amount, line) else {
            return None;
        };
        Some(Expenditure {
            period,
            budget_line,
            amount,
            comment: v
                .comment
                .as_ref()
                .map(|c| c.value().trim().to_string())
                .filter(|c| !c.is_empty()),
            span: cx.span(e),
        })
    }
}

/// An expenditure (or forecast, as `what` says) period that does not lie
/// within the project.
fn outside_project(p: Period, project: &Project, span: Span, what: &str) -> Option<Diagnostic> {
    if project.span().contains(&p) {
        return None;
    }
    Some(
        Diagnostic::warning(format!("{what} for {p} lies outside the project"))
            .at(span)
            .expected(format!("a period within {} .. {}", project.start, project.end))
            .found(format!("{p} ({} .. {})", p.start, p.end))
            .hint("check the period, or the project's start and end dates"),
    )
}

fn unknown_line(id: &str, lines: &[BudgetLine]) -> Diagnostic {
    let names: Vec<&str> = lines.iter().map(|l| l.id.as_str()).collect();
    Diagnostic::error(format!("unknown budget line `{id}`"))
        .expected(if names.is_empty() {
            "no budget line: none are declared under `funding: budget_lines:`".to_string()
        } else {
            format!("one of {}", names.join(", "))
        })
        .found(format!("`{id}`"))
        .hint(did_you_mean(id, names.iter().copied()).unwrap_or_else(|| {
            if names.is_empty() {
                "declare budget lines under `funding: budget_lines:`, or leave budget_line empty".to_string()
            } else {
                "declare the line under `funding: budget_lines:`, or correct the id".to_string()
            }
        }))
}
