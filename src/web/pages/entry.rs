//! Data entry: `GET /f/{fw}/enter?period=P` shows every indicator due in
//! the period with its grid, prefilled; `POST` checks each changed cell by
//! the import's row rules (`app::record::check`, errors shown at the cell)
//! and records them all or none (`app::record::record`).

use axum::Form;
use axum::extract::{Path, Query, State as AxState};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::context;
use minijinja::value::{Serde, Value};
use serde::Serialize;

use super::grid::{self, CellError, Grid};
use super::{PeriodQuery, blocking, denied, engine_error, error_page, page, word};
use crate::app::record::{Options, check, record};
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
    let (code, errors, refused, unchanged, saved) = match shown.outcome {
        Outcome::Shown => (StatusCode::OK, false, None, false, None),
        Outcome::Errors => (StatusCode::UNPROCESSABLE_ENTITY, true, None, false, None),
        Outcome::Refused(r) => (StatusCode::UNPROCESSABLE_ENTITY, true, Some(r), false, None),
        Outcome::Unchanged => (StatusCode::OK, false, None, true, None),
        Outcome::Saved(x) => (StatusCode::OK, false, None, false, Some(x)),
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
    let entries: Vec<_> = changed.into_iter().map(|(_, e)| e).collect();
    let opts = Options {
        by: Some(user.name.clone()),
        pending: fwk.project.approval && user.role == Role::Enterer,
        dry_run: false,
        // As before; a confirmation step for values someone else
        // recorded is still to be built (issue 17).
        replace: true,
    };
    match record(&app.framework, &entries, &opts) {
        Ok(done) => {
            let out = done.value;
            // The grid again, from the ledger as written.
            let o = s.workspace.open(name).map_err(Stop::Engine)?;
            shown.grid = grid::build(o.app(), &period, user, lang);
            shown.outcome = Outcome::Saved(Saved {
                added: out.added,
                corrections: out.corrections,
                pending: out.pending,
            });
        }
        Err(f) => {
            let mut d = f.diagnostics.0;
            d.retain(|d| d.is_error());
            shown.outcome = Outcome::Refused(d.into_iter().map(CellError::from).collect());
        }
    }
    Ok(shown)
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
