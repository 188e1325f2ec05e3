//! `risks.yaml` -> [`Risks`]: the risk register beside the logframe.
//!
//! Each entry's own problems (an unknown category, a rating off the 1-5
//! scale, a period that is not one) are found here, at the entry; rules
//! that need the logframe or the whole register in view (duplicate ids,
//! linked results, periods inside the project) live in `validate::risks`.
//! An absent file means no register, and no section in the report.

use serde::Deserialize;

use super::beside::{Ctx, read};
use super::raw::{IdText, Loc, PeriodText, RawText};
use crate::diag::Diagnostics;
use crate::model::Framework;
use crate::model::risks::{Risk, RiskCategory, RiskUpdate, Risks};
use crate::source::Sources;

pub const FILE: &str = "risks.yaml";

const LIKELIHOOD: &str = "1 rare, 2 unlikely, 3 possible, 4 likely, 5 almost certain";
const IMPACT: &str = "1 negligible, 2 minor, 3 moderate, 4 major, 5 severe";

/// `risks.yaml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRisks {
    risks: Vec<Loc<RawRisk>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRisk {
    id: Loc<IdText>,
    statement: Loc<RawText>,
    /// operational | political | security | financial | fiduciary |
    /// reputational | environmental | social
    category: Loc<String>,
    /// 1-5, as assessed when the risk was identified.
    likelihood: Loc<IdText>,
    impact: Loc<IdText>,
    mitigation: Loc<RawText>,
    owner: Option<Loc<RawText>>,
    /// Ids of the results the risk threatens.
    results: Option<Vec<Loc<IdText>>>,
    updates: Option<Vec<Loc<RawUpdate>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUpdate {
    period: Loc<PeriodText>,
    likelihood: Loc<IdText>,
    impact: Loc<IdText>,
    text: Loc<RawText>,
}

/// The register of the framework's folder, if it has one.
pub fn load(fw: &Framework, sources: &mut Sources, diags: &mut Diagnostics) -> Option<Risks> {
    let (raw, file): (RawRisks, _) = read(fw, FILE, sources, diags)?;
    let mut cx = Ctx {
        fw,
        file,
        sources,
        diags,
    };
    let risks = raw.risks.iter().filter_map(|r| risk(&mut cx, r)).collect();
    Some(Risks { risks })
}

fn risk(cx: &mut Ctx, loc: &Loc<RawRisk>) -> Option<Risk> {
    let r = loc.value();
    let id = cx.id(&r.id, "a risk");
    let what = format!("risk {}", id.as_deref().unwrap_or("?"));
    let statement = cx.text(&r.statement, &format!("the statement of {what}"));
    let category = cx.choice(&r.category, "risk category", &RiskCategory::NAMES, RiskCategory::parse);
    let likelihood = cx.scale(&r.likelihood, "likelihood", LIKELIHOOD);
    let impact = cx.scale(&r.impact, "impact", IMPACT);
    let mitigation = cx.text(&r.mitigation, &format!("the mitigation of {what}"));
    let owner = r.owner.as_ref().map(|o| cx.text(o, &format!("the owner of {what}")));
    let results: Vec<(String, _)> = r
        .results
        .iter()
        .flatten()
        .map(|l| (l.value().0.trim().to_string(), cx.span(l)))
        .collect();
    let updates: Vec<Option<RiskUpdate>> = r.updates.iter().flatten().map(|u| update(cx, u, &what)).collect();
    let (Some(id), Some(category), Some(likelihood), Some(impact)) = (id, category, likelihood, impact) else {
        return None;
    };
    Some(Risk {
        id,
        statement,
        category,
        likelihood,
        impact,
        mitigation,
        owner,
        results: results.iter().map(|(r, _)| r.clone()).collect(),
        result_spans: results.iter().map(|(_, s)| *s).collect(),
        updates: updates.into_iter().flatten().collect(),
        span: cx.span(&r.id),
    })
}

fn update(cx: &mut Ctx, loc: &Loc<RawUpdate>, what: &str) -> Option<RiskUpdate> {
    let u = loc.value();
    let period = cx.period(&u.period, &format!("the update period of {what}"));
    let likelihood = cx.scale(&u.likelihood, "likelihood", LIKELIHOOD);
    let impact = cx.scale(&u.impact, "impact", IMPACT);
    let text = cx.text(&u.text, &format!("an update of {what}"));
    Some(RiskUpdate {
        period: period?,
        likelihood: likelihood?,
        impact: impact?,
        text,
        span: cx.span(&u.period),
    })
}
