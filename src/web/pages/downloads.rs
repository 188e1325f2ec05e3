//! Downloads, `GET /f/{fw}/download/{file}?period=P&lang=L` (viewer and
//! up): the report as PDF or as a zip of its Markdown and SVG charts
//! (`app::report::report`, in memory), the IPTT as xlsx or CSV
//! (`app::compare`), IATI XML (`app::iati::export`). The file names are
//! built from the framework id, kept to letters, digits, `.`, `-`, `_`.

use std::io::Write;

use axum::extract::{Path, Query, State as AxState};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::{blocking, denied, engine_error, error_page};
use crate::app::{self, compare, iati};
use crate::locale::Lang;
use crate::render::files::ReportFormat;
use crate::users::Permission;
use crate::web::State;
use crate::web::auth::{self, Denied, WebUser};
use crate::web::engine::EngineError;

/// Every file a framework offers, by its name in the URL.
pub const FILES: &[&str] = &["report.pdf", "report-md.zip", "iptt.xlsx", "iptt.csv", "iati.xml"];

#[derive(Deserialize)]
pub struct DownloadQuery {
    period: Option<String>,
    lang: Option<String>,
}

/// A file name made of letters, digits, `.`, `-` and `_` only.
pub fn sanitize(name: &str) -> String {
    let s = crate::output::safe_name(name);
    let s = s.trim_start_matches('.').to_string();
    if s.is_empty() { "download".into() } else { s }
}

/// A downloaded file: its bytes, media type and name.
struct File {
    bytes: Vec<u8>,
    mime: &'static str,
    name: String,
}

enum Failed {
    Engine(EngineError),
    /// The engine could not make the file; the text says why.
    Made(String),
}

fn failure_text(f: app::Failure) -> String {
    let mut d = f.diagnostics;
    d.sort();
    d.render(&f.sources)
}

/// A zip of files named relative to its root.
fn zip_of(files: &[(std::path::PathBuf, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (path, bytes) in files {
        let name = path.to_string_lossy().replace('\\', "/");
        z.start_file(name, opts).map_err(|e| e.to_string())?;
        z.write_all(bytes).map_err(|e| e.to_string())?;
    }
    z.finish().map(|c| c.into_inner()).map_err(|e| e.to_string())
}

fn make(s: &State, name: &str, file: &str, q: &DownloadQuery) -> Result<File, Failed> {
    let o = s.workspace.open(name).map_err(Failed::Engine)?;
    let id = sanitize(&o.app().framework.project.id);
    match file {
        "report.pdf" | "report-md.zip" => {
            let pdf = file == "report.pdf";
            let query = app::report::Query {
                period: q.period.clone().filter(|p| !p.is_empty()),
                formats: vec![if pdf { ReportFormat::Pdf } else { ReportFormat::Md }],
                lang: q.lang.as_deref().and_then(Lang::parse),
                ..Default::default()
            };
            let mut opened = o.into_app();
            let done = app::report::report(&mut opened, &query).map_err(|f| match f.kind {
                app::FailureKind::Usage => Failed::Engine(EngineError::from_failure(f)),
                app::FailureKind::Findings => Failed::Made(failure_text(f)),
            })?;
            let rendered = done
                .value
                .into_iter()
                .next()
                .ok_or(Failed::Made("nothing rendered".into()))?;
            let stem = sanitize(&rendered.main.with_extension("").to_string_lossy());
            if pdf {
                let bytes = rendered
                    .files
                    .into_iter()
                    .find(|(p, _)| *p == rendered.main)
                    .map(|(_, b)| b)
                    .ok_or(Failed::Made("no PDF".into()))?;
                Ok(File {
                    bytes,
                    mime: "application/pdf",
                    name: format!("{stem}.pdf"),
                })
            } else {
                Ok(File {
                    bytes: zip_of(&rendered.files).map_err(Failed::Made)?,
                    mime: "application/zip",
                    name: format!("{stem}.zip"),
                })
            }
        }
        "iptt.xlsx" | "iptt.csv" => {
            let c = compare::compare(
                o.app(),
                &compare::Query {
                    to: q.period.clone().filter(|p| !p.is_empty()),
                    ..Default::default()
                },
            )
            .map_err(|f| Failed::Engine(EngineError::from_failure(f)))?
            .value;
            if file == "iptt.csv" {
                Ok(File {
                    bytes: crate::render::compare::csv(&c).into_bytes(),
                    mime: "text/csv; charset=utf-8",
                    name: format!("{id}-iptt.csv"),
                })
            } else {
                let built =
                    crate::render::xlsx::workbook(&o.app().framework, &c).map_err(|e| Failed::Made(e.to_string()))?;
                Ok(File {
                    bytes: built.bytes,
                    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    name: format!("{id}-iptt.xlsx"),
                })
            }
        }
        _ => {
            let xml = iati::export(o.app(), None)
                .map_err(|f| Failed::Made(failure_text(f)))?
                .value;
            Ok(File {
                bytes: xml.into_bytes(),
                mime: "application/xml; charset=utf-8",
                name: format!("{id}-iati.xml"),
            })
        }
    }
}

pub async fn download(
    AxState(s): AxState<State>,
    u: WebUser,
    Path((fw, file)): Path<(String, String)>,
    Query(q): Query<DownloadQuery>,
) -> Response {
    let name = match auth::framework(&s, &u.user, &fw, Permission::Read) {
        Ok(n) => n,
        Err(d) => return denied(&s, &u, d),
    };
    let Some(file) = FILES.iter().find(|f| **f == file) else {
        return denied(&s, &u, Denied::NotFound);
    };
    let (s2, n2) = (s.clone(), name.clone());
    match blocking(move || make(&s2, &n2, file, &q)).await {
        Ok(f) => (
            [
                (header::CONTENT_TYPE, f.mime.to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{}\"", f.name),
                ),
            ],
            f.bytes,
        )
            .into_response(),
        Err(Failed::Engine(e)) => engine_error(&s, &u, e),
        Err(Failed::Made(text)) => error_page(
            &s,
            Some(&u),
            StatusCode::UNPROCESSABLE_ENTITY,
            super::word(u.user.lang, "web-does-not-load"),
            Some(text),
        ),
    }
}
