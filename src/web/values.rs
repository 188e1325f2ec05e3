//! The JSON API that writes: values pushed by scripts and field-data tools
//! (KoboToolbox, ODK), and the approval queue. Each call goes through the
//! same use cases as the terminal (`app::record`, `app::review`), under
//! the same ledger lock, so a value sent here and one recorded at the
//! terminal at the same moment are both kept.
//!
//! Numbers are taken as the text the client sent (`12.50` stays `12.50`):
//! a JSON number is read as its raw text, never through a float.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State as AxState};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;
use serde_json::value::RawValue;

use super::State;
use super::api::{denied, error};
use super::auth::{self, ApiUser};
use crate::app::{Failure, FailureKind, record, review, whose};
use crate::diag::Diagnostic;
use crate::ledger::write::Outcome;
use crate::users::{Permission, Role, User};

/// One value as JSON: `value`, or `numerator` + `denominator`, or `score`
/// (with `value` as the text of a qualitative indicator).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueIn {
    indicator: String,
    period: String,
    value: Option<Box<RawValue>>,
    numerator: Option<Box<RawValue>>,
    denominator: Option<Box<RawValue>>,
    score: Option<Box<RawValue>>,
    #[serde(default)]
    dims: BTreeMap<String, String>,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    source: String,
}

/// The body of `POST .../values`: one value, a list written all or
/// none, or `{"values": [...]}`; `"replace": true` beside the value (or the
/// list) confirms replacing values someone else recorded. (Not an untagged
/// enum: raw numbers do not survive its buffering, and its error would not
/// say what is wrong.)
fn values_in(body: &[u8]) -> Result<(Vec<ValueIn>, bool), serde_json::Error> {
    use serde::de::Error;
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'[') {
        return serde_json::from_slice(body).map(|v| (v, false));
    }
    // The object's fields as the client wrote them: `replace` and `values`
    // taken out, the rest is one value.
    let mut fields: BTreeMap<String, Box<RawValue>> = serde_json::from_slice(body)?;
    let replace = match fields.remove("replace") {
        Some(r) => serde_json::from_str::<bool>(r.get())
            .map_err(|_| serde_json::Error::custom(format!("`replace` is true or false, not {}", r.get())))?,
        None => false,
    };
    let values = match fields.remove("values") {
        Some(list) if fields.is_empty() => serde_json::from_str(list.get())?,
        Some(_) => {
            let extra: Vec<&str> = fields.keys().map(String::as_str).collect();
            return Err(serde_json::Error::custom(format!(
                "beside `values` only `replace` is read, not {}",
                extra.join(", ")
            )));
        }
        None => vec![serde_json::from_str(&serde_json::to_string(&fields)?)?],
    };
    Ok((values, replace))
}

/// The text of a JSON scalar as the client wrote it: a string's content, a
/// number's digits, `true`/`false` as yes/no.
fn scalar(raw: &Option<Box<RawValue>>) -> Result<String, String> {
    let Some(raw) = raw else { return Ok(String::new()) };
    let text = raw.get().trim();
    if text.starts_with('"') {
        return serde_json::from_str::<String>(text).map_err(|e| e.to_string());
    }
    match text {
        "true" => Ok("yes".into()),
        "false" => Ok("no".into()),
        "null" => Ok(String::new()),
        t if t.starts_with(['{', '[']) => Err(format!("`{t}` is not a number or a text")),
        t => Ok(t.to_string()),
    }
}

fn entry(v: ValueIn) -> Result<record::Entry, String> {
    Ok(record::Entry {
        value: scalar(&v.value)?,
        numerator: scalar(&v.numerator)?,
        denominator: scalar(&v.denominator)?,
        score: scalar(&v.score)?,
        indicator: v.indicator,
        period: v.period,
        dims: v.dims.into_iter().collect(),
        comment: v.comment,
        source: v.source,
    })
}

/// Whether `user` may enter `e`: a user limited to countries enters only
/// rows of those countries (a total over countries would overwrite the
/// other countries' officers' figures).
pub fn may_enter(user: &User, e: &record::Entry) -> bool {
    user.countries.is_empty()
        || e.dims
            .iter()
            .any(|(n, v)| n.trim() == "country" && user.countries.iter().any(|c| c == v.trim()))
}

/// Diagnostics as JSON: `{"errors": [{message, expected, found, hint}]}`.
pub fn diagnostics_json(diags: &crate::diag::Diagnostics) -> serde_json::Value {
    json!({
        "errors": diags.0.iter().filter(|d| d.is_error()).map(|d| json!({
            "message": d.message,
            "expected": d.expected,
            "found": d.found,
            "hint": d.hint,
        })).collect::<Vec<_>>()
    })
}

fn outcome_json(o: &Outcome) -> serde_json::Value {
    json!({
        "added": o.added,
        "corrections": o.corrections,
        "unchanged": o.unchanged,
        "older": o.older,
        "pending": o.pending,
        "approved": o.approved,
        "rejected": o.rejected,
    })
}

fn failure(f: Failure) -> Response {
    let code = match f.kind {
        FailureKind::Findings => StatusCode::UNPROCESSABLE_ENTITY,
        FailureKind::Usage => StatusCode::BAD_REQUEST,
    };
    (code, Json(diagnostics_json(&f.diagnostics))).into_response()
}

/// What a post did: wrote, or was refused only because it would replace
/// values someone else recorded.
enum Posted {
    Written(Outcome, bool, Vec<record::Entry>),
    Others(Failure, Vec<whose::Replaced>, Vec<record::Entry>),
}

/// 409: the values someone else recorded that the body would replace, in
/// the usual error JSON (who, when, the old value in each message) and
/// one by one under `replaces`; the same body with `"replace": true`
/// writes them.
fn conflict(f: Failure, replaced: &[whose::Replaced], entries: &[record::Entry]) -> Response {
    let mut diags = f.diagnostics;
    // The refusals point at the value in force; the closing "nothing was
    // written" has no place and keeps its words.
    for d in diags.0.iter_mut().filter(|d| d.is_error() && d.span.is_some()) {
        d.expected = Some("`\"replace\": true` in the body, to replace a value someone else recorded".into());
        d.hint = Some(
            "check with them that the new value is right, then send the same body again with `\"replace\": true`"
                .into(),
        );
    }
    let mut body = diagnostics_json(&diags);
    body["replaces"] = replaced
        .iter()
        .map(|r| {
            let e = &entries[r.entry];
            json!({
                "indicator": e.indicator,
                "period": e.period,
                "dims": e.dims.iter().cloned().collect::<BTreeMap<String, String>>(),
                "recorded_by": r.by,
                "recorded_at": r.at.map(crate::ledger::row::timestamp_text),
                "value": crate::format::value(&r.old),
                "new_value": crate::format::value(&r.new),
            })
        })
        .collect();
    (StatusCode::CONFLICT, Json(body)).into_response()
}

fn bad_body(d: Diagnostic) -> Response {
    failure(Failure::usage(d))
}

/// `POST /api/v1/frameworks/{fw}/values`: 201 with what was recorded (its
/// review state), 200 when nothing changed, 409 when it would replace
/// values someone else recorded and the body lacks `"replace": true`, 422
/// with the diagnostics.
pub async fn post_values(
    AxState(s): AxState<State>,
    u: ApiUser,
    Path(fw): Path<String>,
    body: axum::body::Bytes,
) -> Response {
    let name = match auth::framework(&s, &u.user, &fw, Permission::Enter) {
        Ok(n) => n,
        Err(d) => return denied(d, &fw),
    };
    let (values, replace) = match values_in(&body) {
        Ok(v) => v,
        Err(e) => {
            return bad_body(
                Diagnostic::error(format!("the body is not a value: {e}"))
                    .expected(
                        r#"{"indicator", "period", "value" | "numerator"+"denominator" | "score", "dims": {...}}"#,
                    )
                    .hint("send JSON with Content-Type: application/json"),
            );
        }
    };
    let mut entries = Vec::with_capacity(values.len());
    for v in values {
        match entry(v) {
            Ok(e) => entries.push(e),
            Err(m) => return bad_body(Diagnostic::error(m).hint("send numbers as JSON numbers or strings")),
        }
    }
    if let Some(e) = entries.iter().find(|e| !may_enter(&u.user, e)) {
        return error(
            StatusCode::FORBIDDEN,
            &format!("{} enters values for {} only", u.user.name, u.user.countries.join(", ")),
            Some("a `country` among the user's countries in `dims`"),
            Some(
                &e.dims
                    .iter()
                    .map(|(n, v)| format!("{n}={v}"))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            Some("a value for another country, or a total over countries, is entered by an officer for all countries"),
        );
    }
    let user = u.user.clone();
    let s2 = s.clone();
    let result = tokio::task::spawn_blocking(move || {
        let fw = s2.workspace.app().framework_named(&name)?;
        let opts = record::Options {
            by: Some(user.name.clone()),
            dry_run: false,
            pending: fw.project.approval && user.role == Role::Enterer,
            // A value someone else recorded is replaced only when the body
            // says `"replace": true` (issue 17); else 409.
            replace,
        };
        match whose::record_asking(&fw, &entries, &opts) {
            Ok(done) => Ok(Posted::Written(done.value, opts.pending, entries)),
            Err(whose::Refused::Others(f)) => {
                let o = s2.workspace.app().open_named(&name)?;
                let replaced = whose::others_values(&o.framework, &o.ledger, &entries, &user.name);
                Ok(Posted::Others(f, replaced, entries))
            }
            Err(whose::Refused::Other(f)) => Err(f),
        }
    })
    .await;
    match result {
        Ok(Ok(Posted::Written(outcome, pending, entries))) => {
            let written = outcome.added + outcome.corrections + outcome.older;
            let code = if written > 0 {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            let recorded: Vec<serde_json::Value> = entries
                .iter()
                .map(|e| {
                    json!({
                        "indicator": e.indicator,
                        "period": e.period,
                        "dims": e.dims.iter().cloned().collect::<BTreeMap<String, String>>(),
                        "value": e.value,
                        "numerator": e.numerator,
                        "denominator": e.denominator,
                        "score": e.score,
                        "review": if pending { "pending" } else { "counted" },
                    })
                })
                .collect();
            (
                code,
                Json(json!({ "recorded": recorded, "outcome": outcome_json(&outcome) })),
            )
                .into_response()
        }
        Ok(Ok(Posted::Others(f, replaced, entries))) => conflict(f, &replaced, &entries),
        Ok(Err(f)) => failure(f),
        Err(_) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the write did not finish",
            None,
            None,
            None,
        ),
    }
}

/// `GET /api/v1/frameworks/{fw}/pending`: the values waiting for review.
pub async fn pending(AxState(s): AxState<State>, u: ApiUser, Path(fw): Path<String>) -> Response {
    let name = match auth::framework(&s, &u.user, &fw, Permission::Enter) {
        Ok(n) => n,
        Err(d) => return denied(d, &fw),
    };
    let s2 = s.clone();
    let result = tokio::task::spawn_blocking(move || {
        let o = s2.workspace.app().open_named(&name)?;
        review::queue(&o).map(|d| d.value)
    })
    .await;
    match result {
        Ok(Ok(items)) => Json(json!({ "pending": items })).into_response(),
        Ok(Err(f)) => failure(f),
        Err(_) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the queue could not be read",
            None,
            None,
            None,
        ),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionIn {
    #[serde(default)]
    comment: String,
}

/// `POST /api/v1/frameworks/{fw}/pending/{id}/approve` and `/reject`.
pub async fn decide(
    AxState(s): AxState<State>,
    u: ApiUser,
    Path((fw, id, action)): Path<(String, String, String)>,
    body: axum::body::Bytes,
) -> Response {
    let decision = match action.as_str() {
        "approve" => review::Decision::Approve,
        "reject" => review::Decision::Reject,
        _ => {
            return error(
                StatusCode::NOT_FOUND,
                "no such action",
                Some("approve or reject"),
                Some(&action),
                None,
            );
        }
    };
    let name = match auth::framework(&s, &u.user, &fw, Permission::Approve) {
        Ok(n) => n,
        Err(d) => return denied(d, &fw),
    };
    let input: DecisionIn = if body.iter().all(u8::is_ascii_whitespace) {
        DecisionIn::default()
    } else {
        match serde_json::from_slice(&body) {
            Ok(d) => d,
            Err(e) => {
                return bad_body(
                    Diagnostic::error(format!("the body is not a decision: {e}")).expected(r#"{"comment": "..."}"#),
                );
            }
        }
    };
    let by = u.user.name.clone();
    let s2 = s.clone();
    let result = tokio::task::spawn_blocking(move || {
        let o = s2.workspace.app().open_named(&name)?;
        if !review::queue(&o)?.value.iter().any(|p| p.id == id) {
            return Ok(None);
        }
        review::decide(&o, &[id], false, decision, &input.comment, Some(&by)).map(|d| Some(d.value))
    })
    .await;
    match result {
        Ok(Ok(Some(outcome))) => Json(json!({ "outcome": outcome_json(&outcome) })).into_response(),
        Ok(Ok(None)) => error(
            StatusCode::NOT_FOUND,
            "no value waiting for review has this id",
            Some("an id from GET .../pending"),
            None,
            Some("it may have been decided already"),
        ),
        Ok(Err(f)) => failure(f),
        Err(_) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the decision did not finish",
            None,
            None,
            None,
        ),
    }
}
