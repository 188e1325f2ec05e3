//! The `funding:` section and the expenditure ledger
//! (`expenditures/*.csv`) into [`Funding`].
//!
//! Amounts are read as text and parsed by `model::number`, so `1,178,122`
//! (a string in YAML, not a number) is refused with a hint rather than
//! misread. Per-entry problems are found here, with the entry's location;
//! rules that need the whole section in view (overspent lines, pledges over
//! the budget) live in `validate::funding`.

use std::path::PathBuf;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::raw::{DateText, DecimalText, Loc, RawFunding, RawText};
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::ledger::row::field_span;
use crate::model::funding::{BudgetLine, Expenditure, Funding, Pledge};
use crate::model::number::parse_decimal;
use crate::model::period::{PERIOD_FORMS, parse_period};
use crate::model::{Framework, Period, Project, Text};
use crate::source::{FileId, Sources, Span};

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
    let section_span = Span::new(file, 0, 1);
    let currency = match (&raw.currency, &project.currency) {
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
    };
    let (budget, budget_span) = match &raw.budget {
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
    };

    let lang = project.language.as_str();
    let mut budget_lines: Vec<BudgetLine> = Vec::new();
    for l in raw.budget_lines.iter().flatten() {
        let v = l.value();
        let id = v.id.value().0.trim().to_string();
        let amount = cx.amount(&v.amount, &format!("budget line {id}"), true);
        if let Some(first) = budget_lines.iter().find(|b| b.id == id) {
            let (line, _) = sources.get(file).line_col(first.span.start);
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

    let mut pledges = Vec::new();
    for p in raw.pledges.iter().flatten() {
        let v = p.value();
        let donor = v.donor.value().trim().to_string();
        let amount = cx.amount(&v.amount, &format!("pledge of {donor}"), true);
        let own = match &v.currency {
            Some(c) => cx.currency(c),
            None => currency.clone(),
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
        if let (Some(own), Some(budget_cur)) = (&own, &currency) {
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
            continue;
        };
        let rate = if currency.as_ref() == Some(&own) { None } else { rate };
        pledges.push(Pledge {
            donor,
            amount,
            currency: own,
            rate,
            date,
            span: cx.span(p),
        });
    }

    let mut expenditures = Vec::new();
    for e in raw.expenditures.iter().flatten() {
        let v = e.value();
        let ptext = v.period.value().0.trim();
        let period = match parse_period(ptext, project.fiscal_year_start) {
            Ok(p) => Some(p),
            Err(err) => {
                cx.err(
                    &v.period,
                    Diagnostic::error(format!("expenditure period: {}", err.message))
                        .expected(PERIOD_FORMS)
                        .found(format!("`{ptext}`"))
                        .hint(err.hint),
                );
                None
            }
        };
        if let Some(p) = period {
            let span = cx.span(&v.period);
            if let Some(d) = outside_project(p, project, span) {
                cx.diags.push(d);
            }
        }
        let amount = cx.amount(&v.amount, "expenditure", false);
        let line = match &v.budget_line {
            Some(b) => {
                let id = b.value().0.trim();
                match budget_lines.iter().position(|l| l.id == id) {
                    Some(i) => Some(Some(i)),
                    None => {
                        let span = cx.span(b);
                        cx.diags.push(unknown_line(id, &budget_lines).at(span));
                        None
                    }
                }
            }
            None => Some(None),
        };
        let (Some(period), Some(amount), Some(budget_line)) = (period, amount, line) else {
            continue;
        };
        expenditures.push(Expenditure {
            period,
            budget_line,
            amount,
            comment: v
                .comment
                .as_ref()
                .map(|c| c.value().trim().to_string())
                .filter(|c| !c.is_empty()),
            span: cx.span(e),
        });
    }

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
        stated_shortfall,
        budget_span,
        stated_shortfall_span: raw.stated_shortfall.as_ref().map(|s| cx.span(s)),
    })
}

/// An expenditure period that does not lie within the project.
fn outside_project(p: Period, project: &Project, span: Span) -> Option<Diagnostic> {
    if project.span().contains(&p) {
        return None;
    }
    Some(
        Diagnostic::warning(format!("expenditure for {p} lies outside the project"))
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

/// The columns of an expenditure CSV file.
pub const COLUMNS: [&str; 4] = ["period", "budget_line", "amount", "comment"];

/// Read `expenditures/*.csv` (sorted by name) into the framework's funding.
/// Tolerates a byte-order mark, `;` separators and CRLF line ends, like the
/// measurement ledger; refuses unknown columns and malformed amounts.
pub fn read_expenditures(fw: &mut Framework, sources: &mut Sources) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let dir = fw.dir.join("expenditures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")))
        .collect();
    files.sort();
    for path in files {
        let file = match crate::ledger::read::read_csv_file(&path, sources) {
            Ok(f) => f,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let Some(funding) = fw.funding.as_mut() else {
            diags.push(
                Diagnostic::error("expenditures without a funding section")
                    .at(Span::new(file, 0, 1))
                    .expected("a `funding:` section in logframe.yaml (currency, budget, budget lines)")
                    .found("expenditures/*.csv and no `funding:`")
                    .hint("add `funding: {currency: USD, budget: ...}` to logframe.yaml"),
            );
            continue;
        };
        let project = &fw.project;
        read_file(funding, project, sources, file, &mut diags);
    }
    diags
}

fn read_file(funding: &mut Funding, project: &Project, sources: &Sources, file: FileId, diags: &mut Diagnostics) {
    let text = &sources.get(file).text;
    let dialect = crate::ledger::read::CsvDialect::of(text);
    let crate::ledger::read::CsvDialect {
        bom,
        first_line,
        delimiter,
        ..
    } = dialect;
    let mut rdr = dialect.reader();
    let mut record = csv::StringRecord::new();
    match dialect.next(&mut rdr, &mut record, file) {
        Ok(true) => {}
        Ok(false) => return,
        Err(d) => {
            diags.push(d);
            return;
        }
    }
    let mut columns: Vec<Option<usize>> = Vec::new();
    let named = crate::ledger::read::named_columns(&record);
    for (i, name) in record.iter().enumerate() {
        let n = name.trim().trim_start_matches('\u{feff}').to_ascii_lowercase();
        if i >= named {
            columns.push(None);
            continue;
        }
        match COLUMNS.iter().position(|c| *c == n) {
            Some(c) if columns.contains(&Some(c)) => {
                diags.push(
                    Diagnostic::error(format!("column `{n}` appears twice"))
                        .at(field_span(file, text, bom, i, delimiter))
                        .expected("each column once")
                        .found(format!("`{n}` twice"))
                        .hint("remove one of the two columns"),
                );
                columns.push(None);
            }
            Some(c) => columns.push(Some(c)),
            None => {
                diags.push(
                    Diagnostic::error(format!("unknown column `{}`", name.trim()))
                        .at(field_span(file, text, bom, i, delimiter))
                        .expected(format!("one of {}", COLUMNS.join(", ")))
                        .found(format!("`{}`", name.trim()))
                        .hint(did_you_mean(&n, COLUMNS).unwrap_or_else(|| "remove the column".into())),
                );
                columns.push(None);
            }
        }
    }
    for required in [0usize, 2] {
        if !columns.contains(&Some(required)) {
            diags.push(
                Diagnostic::error(format!("the header has no `{}` column", COLUMNS[required]))
                    .at(Span::new(file, bom, bom + first_line.len()))
                    .expected(format!("a header such as {}", COLUMNS.join(",")))
                    .found(first_line.to_string())
                    .hint("the first row of the file names the columns"),
            );
        }
    }
    if diags.has_errors() {
        return;
    }
    let width = columns.len();
    loop {
        match dialect.next(&mut rdr, &mut record, file) {
            Ok(true) => {}
            Ok(false) => break,
            Err(d) => {
                diags.push(d);
                break;
            }
        }
        let pos = record.position().expect("records carry positions");
        let start = dialect.record_start(text, pos);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let (line, _) = sources.get(file).line_col(start as u32);
        let line_span = Span::new(file, start, start + sources.get(file).line_text(line).len());
        if let Some(d) =
            crate::ledger::read::value_without_column(&record, named, |i| field_span(file, text, start, i, delimiter))
        {
            diags.push(d);
            continue;
        }
        if record.len() != width && !(named..width).contains(&record.len()) {
            diags.push(
                Diagnostic::error(format!("this row has {} cells, the header has {width}", record.len()))
                    .at(line_span)
                    .expected(format!("{width} cells"))
                    .found(format!("{} cells", record.len()))
                    .hint("quote cells that contain the separator, e.g. \"125000,50\" is still a decimal comma: write 125000.50"),
            );
            continue;
        }
        let cell = |c: usize| {
            columns
                .iter()
                .position(|x| *x == Some(c))
                .map(|i| (i, record.get(i).unwrap_or("").trim()))
        };
        let at = |i: usize| field_span(file, text, start, i, delimiter);
        let mut ok = true;
        let period = cell(0).and_then(|(i, t)| match parse_period(t, project.fiscal_year_start) {
            Ok(p) => {
                if let Some(d) = outside_project(p, project, at(i)) {
                    diags.push(d);
                }
                Some(p)
            }
            Err(e) => {
                diags.push(
                    Diagnostic::error(format!("expenditure period: {}", e.message))
                        .at(at(i))
                        .expected(PERIOD_FORMS)
                        .found(format!("`{t}`"))
                        .hint(e.hint),
                );
                None
            }
        });
        ok &= period.is_some();
        let amount = cell(2).and_then(|(i, t)| match parse_decimal(t) {
            Ok(d) => Some(d),
            Err(e) => {
                diags.push(
                    Diagnostic::error(format!("expenditure: {}", e.message))
                        .at(at(i))
                        .expected("an amount such as 125000.50 (point as decimal separator)")
                        .found(format!("`{t}`"))
                        .hint(e.hint),
                );
                None
            }
        });
        ok &= amount.is_some();
        let budget_line = match cell(1) {
            Some((_, "")) | None => None,
            Some((i, id)) => match funding.budget_line_index(id) {
                Some(l) => Some(l),
                None => {
                    diags.push(unknown_line(id, &funding.budget_lines).at(at(i)));
                    ok = false;
                    None
                }
            },
        };
        let comment = cell(3).map(|(_, t)| t.to_string()).filter(|t| !t.is_empty());
        if let (true, Some(period), Some(amount)) = (ok, period, amount) {
            funding.expenditures.push(Expenditure {
                period,
                budget_line,
                amount,
                comment,
                span: line_span,
            });
        }
    }
}
