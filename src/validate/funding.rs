//! Funding rules that need the whole section in view: pledges against the
//! budget, budget lines against the budget, spending against allocations.
//! Each entry was checked on its own while loading.

use rust_decimal::Decimal;

use crate::diag::Diagnostic;
use crate::model::Framework;
use crate::model::funding::Funding;
use crate::source::Sources;

/// `over` as "N over" / "N short" for a message.
fn gap(actual: Decimal, limit: Decimal) -> String {
    let d = actual - limit;
    if d.is_sign_negative() {
        format!("{} short", -d)
    } else {
        format!("{d} over")
    }
}

/// Pledges in the budget currency (converted at stated rates) above the budget.
pub fn pledges_within_budget(fw: &Framework, _: &Sources) -> Vec<Diagnostic> {
    let Some(f) = fw.funding.as_ref().filter(|f| !f.refused) else {
        return Vec::new();
    };
    let pledged: Decimal = f.pledges.iter().filter_map(|p| p.in_currency(&f.currency)).sum();
    if pledged <= f.budget {
        return Vec::new();
    }
    vec![
        Diagnostic::warning(format!(
            "pledges exceed the budget: {} {pledged} pledged against {} {}",
            f.currency, f.currency, f.budget
        ))
        .at(f.budget_span)
        .expected(format!("pledges totalling at most the budget, {}", f.budget))
        .found(format!("{pledged} ({})", gap(pledged, f.budget)))
        .hint("check each pledge's amount and currency, or raise the budget if it was revised"),
    ]
}

/// Budget lines that do not add up to the budget.
pub fn lines_add_up(fw: &Framework, _: &Sources) -> Vec<Diagnostic> {
    let Some(f) = fw.funding.as_ref().filter(|f| !f.refused) else {
        return Vec::new();
    };
    if f.budget_lines.is_empty() {
        return Vec::new();
    }
    let total: Decimal = f.budget_lines.iter().map(|l| l.amount).sum();
    if total == f.budget {
        return Vec::new();
    }
    vec![
        Diagnostic::warning(format!(
            "the budget lines add up to {total}, the budget is {}",
            f.budget
        ))
        .at(f.budget_span)
        .expected(format!("budget lines totalling {}", f.budget))
        .found(format!("{total} ({})", gap(total, f.budget)))
        .hint("correct a line's amount, or add the missing line (e.g. programme support costs)"),
    ]
}

/// Spending above a line's allocation, and above the whole budget.
pub fn not_overspent(fw: &Framework, _: &Sources) -> Vec<Diagnostic> {
    let Some(f) = fw.funding.as_ref().filter(|f| !f.refused) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, line) in f.budget_lines.iter().enumerate() {
        let spent = spent_on(f, Some(i));
        if spent > line.amount {
            out.push(
                Diagnostic::warning(format!(
                    "budget line `{}` is overspent: {} {spent} spent of {}",
                    line.id, f.currency, line.amount
                ))
                .at(line.span)
                .expected(format!("spending up to the allocation, {}", line.amount))
                .found(format!("{spent} ({})", gap(spent, line.amount)))
                .hint("check the expenditure rows on this line, or record the budget revision that moved money to it"),
            );
        }
    }
    let total: Decimal = f.expenditures.iter().map(|e| e.amount).sum();
    if total > f.budget {
        out.push(
            Diagnostic::warning(format!(
                "expenditure exceeds the budget: {} {total} spent of {}",
                f.currency, f.budget
            ))
            .at(f.budget_span)
            .expected(format!("spending up to the budget, {}", f.budget))
            .found(format!("{total} ({})", gap(total, f.budget)))
            .hint("check the expenditure rows for duplicates, or record the revised budget"),
        );
    }
    out
}

fn spent_on(f: &Funding, line: Option<usize>) -> Decimal {
    f.expenditures
        .iter()
        .filter(|e| e.budget_line == line)
        .map(|e| e.amount)
        .sum()
}
