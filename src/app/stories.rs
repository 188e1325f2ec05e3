//! The period's narrative as the report reads it: its success stories
//! checked and their photos read; what the narrative lacks, said to the
//! team on stderr (never in the donor's copy).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Diagnostic, Diagnostics};
use crate::locale::Lang;
use crate::model::Framework;
use crate::report::photo;
use crate::report::scaffold::{heading, missing_sections};
use crate::report::stories::{self, At};
use crate::report::{Narrative, Report};
use crate::source::{FileId, Sources, Span};

/// A photo larger than this is embedded, with a warning: the PDF grows by
/// its size.
pub const LARGE_PHOTO: u64 = 5 * 1024 * 1024;

/// Check the narrative's stories: their linked indicators against the
/// logframe, their photos read from the narrative folder (relative paths
/// that stay inside it, JPEG or PNG). The photos' copies are named for the
/// Markdown report, which links them from `chart_dir`. Errors are located
/// in the narrative; a story keeps its text when its photo is refused.
pub fn stories(fw: &Framework, n: &mut Narrative, lang: Lang, chart_dir: &str, sources: &mut Sources) -> Diagnostics {
    let mut out = Diagnostics::default();
    let has_stories = n.sections.iter().any(|s| !s.stories.is_empty());
    let Some(rel) = n.file.clone() else {
        return out;
    };
    if !has_stories && n.story_warnings.is_empty() {
        return out;
    }
    let path = fw.dir.join(&rel);
    let file = sources.add(path.clone(), n.text.clone());
    let span = |at: At| Span::new(file, at.0, at.1);
    for (at, w) in &n.story_warnings {
        out.push(Diagnostic::warning(format!("{rel}: {w}")).at(span(*at)));
    }
    let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
    for s in n.sections.iter_mut().filter(|s| !s.stories.is_empty()) {
        out.extend(Diagnostics(stories::link(&mut s.stories, fw, lang.code(), file)));
        for st in &mut s.stories {
            let Some(p) = &mut st.photo else { continue };
            match read_photo(&folder, &p.path, file, p.at) {
                Ok((image, bytes, warning)) => {
                    let name = stories::copy_name(&p.path, photo::extension(&image));
                    p.file = Some(format!("{chart_dir}/{name}"));
                    p.copy = Some((name, bytes));
                    p.image = Some(image);
                    out.extend(Diagnostics(warning.into_iter().collect()));
                }
                Err(d) => {
                    out.push(d);
                    st.photo = None;
                }
            }
        }
    }
    out
}

/// A photo read: the picture, the file's bytes, and a warning when it is
/// large.
type Read = (photo::Image, Arc<Vec<u8>>, Option<Diagnostic>);

/// A story's photo, or the located error that refuses it.
fn read_photo(folder: &Path, written: &str, file: FileId, at: At) -> std::result::Result<Read, Diagnostic> {
    let span = Span::new(file, at.0, at.1);
    let refuse = |msg: String, expected: &str, hint: &str| {
        Diagnostic::error(msg)
            .at(span)
            .expected(expected.to_string())
            .found(format!("`{written}`"))
            .hint(hint.to_string())
    };
    let rel = stories::photo_path(written).map_err(|why| {
        refuse(
            format!("the photo {why}"),
            "a JPEG or PNG file in the narrative folder, e.g. `photos/workshop.jpg`",
            "copy the photo into the narrative folder and name it from there",
        )
    })?;
    let full = folder.join(&rel);
    if let (Ok(real), Ok(root)) = (full.canonicalize(), folder.canonicalize())
        && !real.starts_with(&root)
    {
        return Err(refuse(
            format!(
                "the photo is a link to {}, outside the narrative folder",
                real.display()
            ),
            "a file inside the narrative folder",
            "copy the photo into the narrative folder instead of linking to it",
        ));
    }
    let bytes = std::fs::read(&full).map_err(|e| {
        refuse(
            format!("cannot read the photo {}: {e}", full.display()),
            "a readable JPEG or PNG file",
            "check the file name (it is relative to the narrative folder)",
        )
    })?;
    let image = photo::probe(&bytes).map_err(|why| {
        refuse(
            format!("the photo {} cannot be embedded: {why}", full.display()),
            "a JPEG, or a PNG that is not interlaced",
            "save the photo again as JPEG",
        )
    })?;
    let warning = (bytes.len() as u64 > LARGE_PHOTO).then(|| {
        Diagnostic::warning(format!(
            "the photo {} is {} MB: the PDF grows by as much",
            full.display(),
            bytes.len().div_ceil(1024 * 1024)
        ))
        .at(span)
        .hint("save a smaller copy (about 1600 pixels wide is plenty for a report)")
    });
    Ok((image, Arc::new(bytes), warning))
}

/// The copies of the stories' photos, beside the Markdown report's charts
/// (`<stem>/photo-....jpg`).
pub fn photo_files(r: &Report, stem: &str) -> Vec<(PathBuf, Vec<u8>)> {
    r.narrative
        .sections
        .iter()
        .flat_map(|s| &s.stories)
        .filter_map(|st| st.photo.as_ref()?.copy.as_ref())
        .map(|(name, bytes)| (PathBuf::from(stem).join(name), bytes.as_ref().clone()))
        .collect()
}

/// What the narrative lacks, for the team: the layout's required sections
/// it does not have, the indicators off track, at risk or not achieved
/// it does not explain. Warnings on stderr; the donor's copy shows none.
pub fn notes(r: &Report, fw_dir: &Path) -> Diagnostics {
    let mut out = Diagnostics::default();
    let framework = fw_dir.display();
    let period = &r.period.code;
    let Some(file) = &r.narrative.file else {
        out.push(
            Diagnostic::warning(format!(
                "no narrative for {period}: the report says that none was written, and {} indicator(s) off track, at risk or not achieved go unexplained",
                r.summary.attention.len()
            ))
            .hint(format!(
                "`logframe narrative new {framework} --period {period}` writes a scaffold to fill in"
            )),
        );
        return out;
    };
    let missing = missing_sections(&r.narrative, r.layout);
    if !missing.is_empty() {
        let names: Vec<String> = missing.iter().map(|k| format!("`{}`", heading(r.lang, k))).collect();
        out.push(
            Diagnostic::warning(format!(
                "{file} lacks {} section(s) the report's layout asks for: {}",
                missing.len(),
                names.join(", ")
            ))
            .hint("add a `## ` heading for each: they are the headings `logframe narrative new` writes"),
        );
    }
    let unfilled = crate::report::scaffold::unfilled(&r.narrative);
    if !unfilled.is_empty() {
        let names: Vec<String> = unfilled.iter().map(|t| format!("`{t}`")).collect();
        out.push(
            Diagnostic::warning(format!(
                "{file}: {} section(s) still hold the scaffold's prompt, which the report prints as written: {}",
                names.len(),
                names.join(", ")
            ))
            .hint("replace each prompt line with the team's text"),
        );
    }
    for m in &r.missing_explanations {
        out.push(
            Diagnostic::warning(format!(
                "{file} does not explain indicator {} ({}): it is {}",
                m.id, m.title, m.status
            ))
            .hint(format!(
                "name {} in the narrative, or most words of its title in one paragraph",
                m.id
            )),
        );
    }
    out
}
