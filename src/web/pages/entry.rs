//! Data entry: `GET /f/{fw}/enter?period=P` shows every indicator due in
//! the period with its grid, prefilled; `POST` checks each changed cell by
//! the import's row rules (`app::record::check`, errors shown at the cell)
//! and records them all or none (`app::record::record`).
//!
//! A cell that would replace a value someone else recorded is not written
//! at once: the form comes back with those cells marked (who recorded the
//! value, when, the old value and the new) and a box to tick; saving with
//! it ticked writes them (`app::whose`, issue 17). The tick confirms the
//! values shown: one recorded again meanwhile is asked about again.

use axum::Form;
use axum::extract::{Path, Query, State as AxState};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::context;
use minijinja::value::{Serde, Value};
use serde::Serialize;

use super::grid::{self, CellError, Grid, Replacing};
use super::{PeriodQuery, blocking, denied, engine_error, error_page, page, word};
use crate::app::record::{Options, check};
use crate::app::whose::{self, Refused};
use crate::model::Framework;
use crate::users::{Permission, Role, User};
use crate::web::auth::{self, Denied, WebUser};
use crate::web::engine::EngineError;
use crate::web::{Server, State};

/// What a save recorded.
#[derive(Debug, Default, Serialize)]
struct Saved {
    added: usize,
    corrections: usize,
    pending: usize,
    /// What the write said besides (a total that does not add up to its
    /// parts, a figure that reads two ways): written, but worth a look.
    warnings: Vec<CellError>,
}

/// The page's outcome besides the grid.
enum Outcome {
    Shown,
    /// Cells have errors: nothing was written.
    Errors,
    /// The write was refused as a whole (a refusal under the ledger lock).
    Refused(Vec<CellError>),
    Unchanged,
    Saved(Saved),
    /// Cells would replace values someone else recorded: nothing was
    /// written until the user confirms them.
    Confirm(Vec<Replacing>),
}

struct Shown {
    grid: Grid,
    period: String,
    periods: Vec<String>,
    title: String,
    approval: bool,
    outcome: Outcome,
}

fn render(s: &Server, u: &WebUser, fw: &str, shown: Shown) -> Response {
    let mut confirm = None;
    let (code, errors, refused, unchanged, saved) = match shown.outcome {
        Outcome::Shown => (StatusCode::OK, false, None, false, None),
        Outcome::Errors => (StatusCode::UNPROCESSABLE_ENTITY, true, None, false, None),
        Outcome::Refused(r) => (StatusCode::UNPROCESSABLE_ENTITY, true, Some(r), false, None),
        Outcome::Unchanged => (StatusCode::OK, false, None, true, None),
        Outcome::Saved(x) => (StatusCode::OK, false, None, false, Some(x)),
        Outcome::Confirm(r) => {
            confirm = Some(r);
            (StatusCode::CONFLICT, false, None, false, None)
        }
    };
    let mut r = page(
        s,
        "enter.html",
        u.user.lang,
        Some(u),
        context! {
            fw => fw,
            title => shown.title,
            period => shown.period,
            periods => shown.periods,
            grid => Value::from(Serde(&shown.grid)),
            errors => errors,
            refused => Value::from(Serde(refused)),
            unchanged => unchanged,
            saved => Value::from(Serde(saved)),
            confirm => Value::from(Serde(confirm)),
            approval => shown.approval,
            countries => u.user.countries.clone(),
        },
    );
    *r.status_mut() = code;
    r
}

/// The period asked for, else the latest reporting period that has ended
/// (else the first).
fn pick_period(o: &crate::app::Opened, asked: Option<&str>) -> Result<crate::model::Period, EngineError> {
    let fw = &o.framework;
    match asked.filter(|p| !p.is_empty()) {
        Some(p) => crate::app::period(fw, "period", p).map_err(EngineError::from_failure),
        None => {
            let all = fw.reporting_periods();
            let today = chrono::Utc::now().date_naive();
            Ok(all
                .iter()
                .rev()
                .find(|p| p.end < today)
                .or(all.first())
                .copied()
                .expect("a project has a reporting period"))
        }
    }
}

pub async fn form(
    AxState(s): AxState<State>,
    u: WebUser,
    Path(fw): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> Response {
    let name = match auth::framework(&s, &u.user, &fw, Permission::Enter) {
        Ok(n) => n,
        Err(d) => return denied(&s, &u, d),
    };
    let (s2, user, n2) = (s.clone(), u.user.clone(), name.clone());
    let result = blocking(move || {
        let o = s2.workspace.open(&n2)?;
        let app = o.app();
        let period = pick_period(app, q.period())?;
        let lang = user.lang.report_lang();
        Ok::<_, EngineError>(Shown {
            grid: grid::build(app, &period, &user, lang),
            period: period.to_string(),
            periods: o.periods(),
            title: title(app),
            approval: app.framework.project.approval,
            outcome: Outcome::Shown,
        })
    })
    .await;
    match result {
        Ok(shown) => render(&s, &u, &name, shown),
        Err(e) => engine_error(&s, &u, e),
    }
}

fn title(o: &crate::app::Opened) -> String {
    let p = &o.framework.project;
    p.short_name.clone().unwrap_or_else(|| p.id.clone())
}

/// Why a save stopped before any cell was checked.
enum Stop {
    Engine(EngineError),
    /// A cell of a country that is not the user's.
    Forbidden,
    /// A cell the form never had.
    Unknown(String),
}

pub async fn save(
    AxState(s): AxState<State>,
    u: WebUser,
    Path(fw): Path<String>,
    Query(q): Query<PeriodQuery>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let name = match auth::framework(&s, &u.user, &fw, Permission::Enter) {
        Ok(n) => n,
        Err(d) => return denied(&s, &u, d),
    };
    let csrf = fields
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str())
        .unwrap_or("");
    if !super::csrf_ok(&s, &u, csrf) {
        return error_page(&s, Some(&u), StatusCode::FORBIDDEN, word(u.user.lang, "web-csrf"), None);
    }
    let (s2, user, n2) = (s.clone(), u.user.clone(), name.clone());
    let result = blocking(move || save_now(&s2, &user, &n2, q.period(), &fields)).await;
    match result {
        Ok(shown) => render(&s, &u, &name, shown),
        Err(Stop::Engine(e)) => engine_error(&s, &u, e),
        Err(Stop::Forbidden) => denied(&s, &u, Denied::Forbidden),
        Err(Stop::Unknown(cell)) => error_page(
            &s,
            Some(&u),
            StatusCode::BAD_REQUEST,
            word(u.user.lang, "web-bad-request"),
            Some(cell),
        ),
    }
}

/// A save, off the async threads: the grid rebuilt, each changed cell
/// checked (errors at their cells), then every change recorded at once.
fn save_now(
    s: &State,
    user: &User,
    name: &str,
    period: Option<&str>,
    fields: &[(String, String)],
) -> Result<Shown, Stop> {
    let o = s.workspace.open(name).map_err(Stop::Engine)?;
    let app = o.app();
    let fwk = &app.framework;
    let period = pick_period(app, period).map_err(Stop::Engine)?;
    let lang = user.lang.report_lang();
    let mut grid = grid::build(app, &period, user, lang);
    let submitted: Vec<grid::Submitted> = fields.iter().filter_map(|(k, v)| grid::parse_name(k, v)).collect();
    only_cells_of_the_grid(&grid, fwk, user, &submitted)?;
    let text = period.to_string();
    let changed = grid::apply(&mut grid, &text, &submitted);
    let mut shown = Shown {
        grid,
        period: text,
        periods: o.periods(),
        title: title(app),
        approval: fwk.project.approval,
        outcome: Outcome::Shown,
    };
    if changed.is_empty() {
        shown.outcome = Outcome::Unchanged;
        return Ok(shown);
    }
    let mut bad = false;
    for (at, entry) in &changed {
        if let Err(errors) = check(fwk, entry) {
            bad = true;
            shown.grid.cell_mut(*at).errors = errors.into_iter().map(CellError::from).collect();
        }
    }
    if bad {
        shown.outcome = Outcome::Errors;
        return Ok(shown);
    }
    let entries: Vec<_> = changed.iter().map(|(_, e)| e.clone()).collect();
    let pending = fwk.project.approval && user.role == Role::Enterer;
    // Replace colleagues' values only when the box was ticked for exactly
    // the values in force now.
    let asked = fields.iter().any(|(k, v)| k == "replace" && v == "1");
    let confirmed: Vec<&str> = fields
        .iter()
        .filter(|(k, _)| k == "confirm")
        .map(|(_, v)| v.as_str())
        .collect();
    let replace = asked && {
        let notes = replacing(&shown.grid, app, &changed, &entries, user, lang);
        !notes.is_empty() && notes.iter().all(|(_, n)| confirmed.contains(&n.confirm.as_str()))
    };
    let opts = Options {
        by: Some(user.name.clone()),
        pending,
        dry_run: false,
        replace,
    };
    match whose::record_asking(fwk, &entries, &opts) {
        Ok(done) => {
            let warnings = done
                .diagnostics
                .0
                .into_iter()
                .filter(|d| !d.is_error())
                .map(CellError::from)
                .collect();
            let out = done.value;
            // The grid again, from the ledger as written.
            let o = s.workspace.open(name).map_err(Stop::Engine)?;
            shown.grid = grid::build(o.app(), &period, user, lang);
            shown.outcome = Outcome::Saved(Saved {
                added: out.added,
                corrections: out.corrections,
                pending: out.pending,
                warnings,
            });
        }
        Err(Refused::Others(f)) => {
            // Whose values, from the ledger as it is now (one may have been
            // recorded since the form was opened).
            let o = s.workspace.open(name).map_err(Stop::Engine)?;
            let notes = replacing(&shown.grid, o.app(), &changed, &entries, user, lang);
            if notes.is_empty() {
                shown.outcome = Outcome::Refused(refusals(f));
            } else {
                for (at, note) in &notes {
                    shown.grid.cell_mut(*at).replaces = Some(note.clone());
                }
                shown.outcome = Outcome::Confirm(notes.into_iter().map(|(_, n)| n).collect());
            }
        }
        Err(Refused::Other(f)) => shown.outcome = Outcome::Refused(refusals(f)),
    }
    Ok(shown)
}

/// A refusal's errors, for the summary above the form.
fn refusals(f: crate::app::Failure) -> Vec<CellError> {
    let mut d = f.diagnostics.0;
    d.retain(|d| d.is_error());
    d.into_iter().map(CellError::from).collect()
}

type At = (usize, usize, usize);

/// The changed cells that would replace a value someone else recorded, as
/// the form shows them: who, when, the old value and the new.
fn replacing(
    grid: &Grid,
    o: &crate::app::Opened,
    changed: &[(At, crate::app::record::Entry)],
    entries: &[crate::app::record::Entry],
    user: &User,
    lang: crate::locale::Lang,
) -> Vec<(At, Replacing)> {
    whose::others_values(&o.framework, &o.ledger, entries, &user.name)
        .into_iter()
        .map(|r| {
            let at = changed[r.entry].0;
            let cell = &grid.indicators[at.0].rows[at.1].cells[at.2];
            let stamp = r.at.map(crate::ledger::row::timestamp_text).unwrap_or_default();
            let old = crate::locale::value(lang, &r.old);
            let when =
                r.at.map(|t| {
                    format!(
                        "{} {} UTC",
                        crate::locale::date(lang, t.date_naive()),
                        t.format("%H:%M")
                    )
                })
                .unwrap_or_default();
            (
                at,
                Replacing {
                    label: cell.label.clone(),
                    confirm: format!("{}\t{}\t{stamp}\t{}", cell.key, r.by, crate::format::value(&r.old)),
                    by: r.by,
                    when,
                    old,
                    new: crate::locale::value(lang, &r.new),
                },
            )
        })
        .collect()
}

/// Every submitted cell is one of the grid's (a user limited to countries
/// has none of the others'): else nothing is saved.
fn only_cells_of_the_grid(
    grid: &grid::Grid,
    fw: &Framework,
    user: &User,
    submitted: &[grid::Submitted],
) -> Result<(), Stop> {
    for sub in submitted {
        if grid.has(&sub.cell) {
            continue;
        }
        let theirs = grid::cell_country(fw, &sub.cell).is_none_or(|c| user.countries.iter().any(|m| m == c));
        if !user.countries.is_empty() && !theirs {
            return Err(Stop::Forbidden);
        }
        return Err(Stop::Unknown(sub.cell.clone()));
    }
    Ok(())
}
