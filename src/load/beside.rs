//! What the files the team keeps beside logframe.yaml (`risks.yaml`,
//! `workplan.yaml`) share: reading one if it is there, its YAML errors
//! located the way logframe.yaml's are, and the lowering of its texts,
//! scales, periods and dates with a located diagnostic for each problem.

use chrono::NaiveDate;
use serde::de::DeserializeOwned;

use super::raw::{DateText, IdText, Loc, PeriodText, RawText};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Framework, Period, Text};
use crate::source::{FileId, Sources, Span};

/// The file `name` in the framework's folder, parsed; `None` when it is
/// absent (no section) or could not be read or parsed (reported).
pub(super) fn read<T: DeserializeOwned>(
    fw: &Framework,
    name: &str,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> Option<(T, FileId)> {
    let path = fw.dir.join(name);
    if !path.exists() {
        return None;
    }
    let hint = format!("save {name} as UTF-8 (in most editors: Save As, or Save with Encoding, then UTF-8)");
    let file = match super::text::read_text(&path, sources, &hint) {
        Ok(f) => f,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    match serde_saphyr::from_str(&sources.get(file).text) {
        Ok(raw) => Some((raw, file)),
        Err(e) => {
            diags.push(super::framework::yaml_error::yaml_error_in(&e, file, sources, name));
            None
        }
    }
}

/// Lowering state for one file.
pub(super) struct Ctx<'a> {
    pub(super) fw: &'a Framework,
    pub(super) file: FileId,
    pub(super) sources: &'a Sources,
    pub(super) diags: &'a mut Diagnostics,
}

impl Ctx<'_> {
    pub(super) fn span<T>(&self, loc: &Loc<T>) -> Span {
        loc.span(self.sources, self.file)
    }

    pub(super) fn err<T>(&mut self, loc: &Loc<T>, d: Diagnostic) {
        let span = self.span(loc);
        self.diags.push(d.at(span));
    }

    /// An id, trimmed; an empty one is refused.
    pub(super) fn id(&mut self, loc: &Loc<IdText>, what: &str) -> Option<String> {
        let id = loc.value().0.trim().to_string();
        if id.is_empty() {
            self.err(
                loc,
                Diagnostic::error(format!("{what} has an empty id"))
                    .expected("an id such as R1 or A1.2")
                    .found("nothing")
                    .hint("give each entry a short id of its own"),
            );
            return None;
        }
        Some(id)
    }

    /// A text in the project's language, with its translations; a
    /// translated text without the project's language is warned about.
    pub(super) fn text(&mut self, loc: &Loc<RawText>, what: &str) -> Text {
        let lang = self.fw.project.language.clone();
        match loc.value() {
            RawText::Plain(s) => Text::plain(s.trim()),
            RawText::Translated(map) => {
                let default = match map.get(&lang) {
                    Some(s) => s.trim().to_string(),
                    None => {
                        self.err(
                            loc,
                            Diagnostic::warning(format!("{what} has no text in the project language `{lang}`"))
                                .expected(format!("a `{lang}:` entry"))
                                .found(format!(
                                    "languages {}",
                                    map.keys().cloned().collect::<Vec<_>>().join(", ")
                                ))
                                .hint(format!("add `{lang}: ...`; until then the first translation is used")),
                        );
                        map.values().next().map(|s| s.trim().to_string()).unwrap_or_default()
                    }
                };
                Text {
                    default,
                    translations: map.iter().map(|(k, v)| (k.clone(), v.trim().to_string())).collect(),
                }
            }
        }
    }

    /// A whole number from 1 to 5 (`scale` names the two ends for the hint).
    pub(super) fn scale(&mut self, loc: &Loc<IdText>, what: &str, scale: &str) -> Option<u8> {
        let text = loc.value().0.trim();
        match text.parse::<u8>() {
            Ok(n @ 1..=5) => Some(n),
            _ => {
                self.err(
                    loc,
                    Diagnostic::error(format!("{what} `{text}` is not on the 1-5 scale"))
                        .expected("a whole number 1, 2, 3, 4 or 5")
                        .found(format!("`{text}`"))
                        .hint(format!("rate {what} from 1 to 5 ({scale})")),
                );
                None
            }
        }
    }

    /// A period of the project's calendar (`2023-Q3`, `FY2023-24-Q2`, ...).
    pub(super) fn period(&mut self, loc: &Loc<PeriodText>, what: &str) -> Option<Period> {
        let text = loc.value().0.trim();
        match self.fw.parse_period(text) {
            Ok(p) => Some(p),
            Err(e) => {
                self.err(
                    loc,
                    Diagnostic::error(format!("{what}: {}", e.message))
                        .expected(crate::model::period::PERIOD_FORMS)
                        .found(format!("`{text}`"))
                        .hint(e.hint),
                );
                None
            }
        }
    }

    pub(super) fn date(&mut self, loc: &Loc<DateText>) -> Option<NaiveDate> {
        loc.date().map_err(|d| self.err(loc, d)).ok()
    }

    /// One of `names`, with a suggestion when it is not.
    pub(super) fn choice<T>(
        &mut self,
        loc: &Loc<String>,
        what: &str,
        names: &[&str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        loc.choice(what, names, parse).map_err(|d| self.err(loc, d)).ok()
    }
}
