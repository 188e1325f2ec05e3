//! `logframe narrative new`: the scaffold of the period's narrative, with
//! the layout's sections and the indicators to explain.

use std::path::PathBuf;

use super::report::Query;
use super::{Done, Failure, Opened, Result};
use crate::diag::{Diagnostic, Diagnostics};
use crate::locale::Lang;
use crate::report::scaffold::scaffold;
use crate::source::Sources;

/// `logframe narrative new`: what was asked.
#[derive(Debug, Clone, Default)]
pub struct NewQuery {
    pub period: String,
    /// Default: the project's language.
    pub lang: Option<Lang>,
    /// Replace an existing narrative.
    pub force: bool,
}

/// What `narrative new` wrote.
#[derive(Debug)]
pub struct NewDone {
    pub path: PathBuf,
    pub sections: usize,
    /// Bullets pre-filled for indicators to explain.
    pub bullets: usize,
}

/// Write the scaffold of the period's narrative: `narrative/<period>.md`,
/// or `<period>.<lang>.md` in a language other than the project's.
/// An existing file is kept unless `force`.
pub fn new(o: &mut Opened, q: &NewQuery) -> Result<NewDone> {
    let project_lang = o.framework.project.language.clone();
    let lang = q.lang.or_else(|| Lang::parse(&project_lang)).unwrap_or(Lang::En);
    let built = super::report::model(
        o,
        &Query {
            period: Some(q.period.clone()),
            lang: Some(lang),
            ..Query::default()
        },
        None,
    )?;
    let r = &built.value.report;
    let period = r.period.code.clone();
    let name = if lang.code() == project_lang {
        format!("{period}.md")
    } else {
        format!("{period}.{}.md", lang.code())
    };
    let dir = o.framework.dir.join("narrative");
    let path = dir.join(&name);
    if path.exists() && !q.force {
        return Err(Failure::usage(
            Diagnostic::error(format!("{} already exists", path.display()))
                .expected("a period without a narrative")
                .found(format!("narrative/{name}"))
                .hint("edit it, or add --force to replace it with the scaffold"),
        ));
    }
    let text = scaffold(r);
    crate::output::write_file(&dir, &name, text.as_bytes()).map_err(Failure::usage)?;
    let done = NewDone {
        path,
        sections: crate::report::scaffold::required(r.layout).len(),
        bullets: r.summary.attention.len(),
    };
    // The report's own warnings (about the narrative it had) do not concern
    // the scaffold just written.
    Ok(Done::new(done, Diagnostics::default(), Sources::default()))
}
