//! The approver's queue: `GET /f/{fw}/pending` lists the values waiting for
//! review, each beside the value it would replace (`app::review::queue`);
//! `POST /f/{fw}/pending/{id}/approve` and `/reject` decide on one
//! (`app::review::decide`); a rejection needs a comment, shown at its form.

use axum::Form;
use axum::extract::{Path, State as AxState};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use minijinja::value::{Serde, Value};
use serde::Deserialize;

use super::{blocking, denied, engine_error, error_page, page, word};
use crate::app::review::{Decision, Pending, decide, queue};
use crate::users::Permission;
use crate::web::auth::{self, WebUser};
use crate::web::engine::EngineError;
use crate::web::{Server, State};

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    comment: String,
}

/// A decision that could not be written: which item, and why.
struct Problem {
    id: String,
    message: String,
    comment: String,
}

fn render(s: &Server, u: &WebUser, fw: &str, title: &str, items: &[Pending], problem: Option<Problem>) -> Response {
    let code = if problem.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let (pid, pmsg, pcomment) = match problem {
        Some(p) => (p.id, p.message, p.comment),
        None => Default::default(),
    };
    let mut r = page(
        s,
        "pending.html",
        u.user.lang,
        Some(u),
        context! {
            fw => fw,
            title => title,
            items => Value::from(Serde(items)),
            problem_at_item => items.iter().any(|i| i.id == pid),
            problem_id => pid,
            problem => pmsg,
            comment => pcomment,
        },
    );
    *r.status_mut() = code;
    r
}

/// The queue, each breakdown in the reader's words (`Guatemala (GT)`).
fn load(s: &State, name: &str, lang: crate::locale::Lang) -> Result<(String, Vec<Pending>), EngineError> {
    let o = s.workspace.open(name)?;
    let fw = &o.app().framework;
    let p = &fw.project;
    let title = p.short_name.clone().unwrap_or_else(|| p.id.clone());
    let mut items = queue(o.app()).map_err(EngineError::from_failure)?.value;
    for item in &mut items {
        item.breakdown = super::grid::breakdown_name(fw, &o.app().ledger.entry(item.row).dims, lang);
    }
    Ok((title, items))
}

pub async fn list(AxState(s): AxState<State>, u: WebUser, Path(fw): Path<String>) -> Response {
    let name = match auth::framework(&s, &u.user, &fw, Permission::Approve) {
        Ok(n) => n,
        Err(d) => return denied(&s, &u, d),
    };
    let (s2, n2) = (s.clone(), name.clone());
    let lang = u.user.lang.report_lang();
    match blocking(move || load(&s2, &n2, lang)).await {
        Ok((title, items)) => render(&s, &u, &name, &title, &items, None),
        Err(e) => engine_error(&s, &u, e),
    }
}

pub async fn approve(
    st: AxState<State>,
    u: WebUser,
    Path((fw, id)): Path<(String, String)>,
    Form(f): Form<DecisionForm>,
) -> Response {
    decided(st, u, fw, id, f, Decision::Approve).await
}

pub async fn reject(
    st: AxState<State>,
    u: WebUser,
    Path((fw, id)): Path<(String, String)>,
    Form(f): Form<DecisionForm>,
) -> Response {
    decided(st, u, fw, id, f, Decision::Reject).await
}

async fn decided(
    AxState(s): AxState<State>,
    u: WebUser,
    fw: String,
    id: String,
    f: DecisionForm,
    decision: Decision,
) -> Response {
    let name = match auth::framework(&s, &u.user, &fw, Permission::Approve) {
        Ok(n) => n,
        Err(d) => return denied(&s, &u, d),
    };
    if !super::csrf_ok(&s, &u, &f.csrf) {
        return error_page(&s, Some(&u), StatusCode::FORBIDDEN, word(u.user.lang, "web-csrf"), None);
    }
    let (s2, n2, by) = (s.clone(), name.clone(), u.user.name.clone());
    let comment = f.comment.clone();
    let idc = id.clone();
    let lang = u.user.lang.report_lang();
    let result = blocking(move || {
        let o = s2.workspace.open(&n2)?;
        let written = decide(
            o.app(),
            std::slice::from_ref(&idc),
            false,
            decision,
            &comment,
            Some(&by),
        );
        let problem = written.err().map(|f| {
            f.diagnostics
                .0
                .iter()
                .rfind(|d| d.is_error())
                .map(|d| match &d.hint {
                    Some(h) => format!("{} ({h})", d.message),
                    None => d.message.clone(),
                })
                .unwrap_or_default()
        });
        let (title, items) = load(&s2, &n2, lang)?;
        Ok::<_, EngineError>((title, items, problem))
    })
    .await;
    match result {
        Ok((_, _, None)) => Redirect::to(&format!("/f/{}/pending", urlencode(&name))).into_response(),
        Ok((title, items, Some(message))) => {
            let problem = Problem {
                message: if decision == Decision::Reject && f.comment.trim().is_empty() {
                    word(u.user.lang, "web-reject-needs-comment").to_string()
                } else {
                    message
                },
                id,
                comment: f.comment,
            };
            render(&s, &u, &name, &title, &items, Some(problem))
        }
        Err(e) => engine_error(&s, &u, e),
    }
}

/// A framework name in a URL path (names are listed folder names, but say
/// it anyway).
pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
