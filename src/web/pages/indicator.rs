//! An indicator's page, `GET /f/{fw}/i/{id}?period=P`: its trail with each
//! row's review state (`app::history`) and how the figure of the period is
//! obtained (`app::explain`).

use axum::extract::{Path, Query, State as AxState};
use axum::response::Response;
use minijinja::context;
use minijinja::value::{Serde, Value};
use serde::Serialize;

use super::{PeriodQuery, blocking, denied, engine_error, page};
use crate::app::{explain, history};
use crate::ledger::review::RowState;
use crate::locale::{self, Lang};
use crate::users::Permission;
use crate::web::State;
use crate::web::auth::{self, Denied, WebUser};
use crate::web::engine::EngineError;

#[derive(Serialize)]
struct Row {
    period: String,
    breakdown: String,
    value: String,
    recorded_at: String,
    by: String,
    source: String,
    comment: String,
    state: String,
    /// `in_force`, `superseded`, `pending`, `approved`, `rejected`.
    class: &'static str,
}

/// A row's state in the user's words, and its class for the page.
fn state(st: &RowState, lang: Lang) -> (String, &'static str) {
    let w = |id| locale::text(lang, id);
    let note = |n: &str| match n {
        "" => String::new(),
        n => format!(": {n}"),
    };
    let text = match st {
        RowState::InForce => w("web-in-force").to_string(),
        RowState::Superseded => w("web-superseded").to_string(),
        RowState::Approved { by, in_force } => format!(
            "{} {by}, {}",
            w("web-approved-by"),
            w(if *in_force { "web-in-force" } else { "web-superseded" })
        ),
        RowState::Rejection { by, note: n } => format!("{} {by}{}", w("web-rejection-by"), note(n)),
        RowState::Waiting => w("web-waiting").to_string(),
        RowState::EnteredApproved { by } => format!("{} {by}", w("web-entered-approved")),
        RowState::EnteredRejected { by, note: n } => format!("{} {by}{}", w("web-entered-rejected"), note(n)),
        RowState::EnteredNotReviewed => w("web-entered-unreviewed").to_string(),
        RowState::Void { by, reason } => format!("{} {by}{}", w("web-void-by"), note(reason)),
    };
    (text, st.class())
}

pub async fn show(
    AxState(s): AxState<State>,
    u: WebUser,
    Path((fw, id)): Path<(String, String)>,
    Query(q): Query<PeriodQuery>,
) -> Response {
    let name = match auth::framework(&s, &u.user, &fw, Permission::Read) {
        Ok(n) => n,
        Err(d) => return denied(&s, &u, d),
    };
    let lang = u.user.lang.report_lang();
    let (s2, n2) = (s.clone(), name.clone());
    let result = blocking(move || {
        let o = s2.workspace.open(&n2)?;
        let app = o.app();
        let fwk = &app.framework;
        let Some(ix) = fwk.indicator_index(&id) else {
            return Ok(None);
        };
        let period = q.period().filter(|p| !p.is_empty()).map(str::to_string);
        let trail = history::history(
            app,
            &history::Query {
                indicator: id.clone(),
                period: period.clone(),
                as_of: None,
            },
        )
        .map_err(EngineError::from_failure)?
        .value;
        let ledger = &app.ledger;
        let rows: Vec<Row> = trail
            .rows
            .iter()
            .zip(&trail.states)
            .map(|(&i, st)| {
                let e = &ledger.entry(i);
                let (state, class) = state(st, lang);
                Row {
                    period: e.period.to_string(),
                    breakdown: super::grid::breakdown_name(fwk, &e.dims, lang),
                    value: crate::format::value(&e.value),
                    recorded_at: e
                        .recorded_at
                        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                        .unwrap_or_default(),
                    by: ledger.str(e.recorded_by).unwrap_or("").to_string(),
                    source: ledger.str(e.source).unwrap_or("").to_string(),
                    comment: ledger.str(e.comment).unwrap_or("").to_string(),
                    state,
                    class,
                }
            })
            .collect();
        let explained = explain::explain(
            app,
            &explain::Query {
                indicator: id.clone(),
                period,
                as_of: None,
            },
        )
        .map_err(EngineError::from_failure)?
        .value;
        let ind = &fwk.indicators[ix];
        let p = &fwk.project;
        Ok(Some((
            ind.id.clone(),
            ind.title.get(lang.code()).to_string(),
            p.short_name.clone().unwrap_or_else(|| p.id.clone()),
            rows,
            crate::render::explain::text(&explained),
            o.periods(),
        )))
    })
    .await;
    match result {
        Ok(Some((id, title, fw_title, rows, explanation, periods))) => page(
            &s,
            "indicator.html",
            u.user.lang,
            Some(&u),
            context! {
                fw => name, fw_title => fw_title, id => id, title => title,
                rows => Value::from(Serde(rows)), explanation => explanation, periods => periods,
            },
        ),
        Ok(None) => denied(&s, &u, Denied::NotFound),
        Err(e) => engine_error(&s, &u, e),
    }
}
