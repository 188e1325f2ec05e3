//! The narrative a donor's layout asks for: its required sections, a
//! scaffold to start writing them (`logframe narrative new`), and which of
//! them a written narrative lacks.
//!
//! The headings are Fluent messages (`narrative-heading-*`), so a scaffold
//! is written in the report's language and a narrative is recognised in
//! any of them. The progress section of the scaffold has one bullet per
//! indicator off track, at risk or not achieved, holding the status
//! sentence the report prints for it ([`Report::summary`]), so that the
//! team explains the figures the donor will read.

use super::{Layout, Narrative, Report};
use crate::locale::{self, Lang};

/// A required section: the key of its heading (`narrative-heading-KEY`).
pub type Required = &'static str;

/// The sections a layout's narrative holds, in order.
pub fn required(layout: Layout) -> &'static [Required] {
    match layout {
        Layout::Gac => &[
            "context",
            "progress",
            "gender",
            "environment",
            "governance",
            "risks",
            "lessons",
            "next",
            "stories",
        ],
        Layout::General => &["context", "progress", "risks", "lessons", "next", "stories"],
    }
}

/// A section's heading in `lang`.
pub fn heading(lang: Lang, key: Required) -> &'static str {
    locale::text(lang, &format!("narrative-heading-{key}"))
}

/// A heading compared: case, a final colon and the kind of apostrophe
/// ignored.
fn normalise(title: &str) -> String {
    title
        .trim()
        .trim_end_matches([':', '\u{a0}', '\u{202f}', ' '])
        .to_lowercase()
        .replace('\u{2019}', "'")
}

/// Whether the narrative has the section: a `##` heading that is its
/// heading in one of the languages, begins with it, or is its first words
/// ("Risks" for "Risks and mitigation"), case ignored. The success stories are also
/// recognised by their other names ([`super::stories::is_stories_heading`]).
pub fn has_section(n: &Narrative, key: Required) -> bool {
    let names: Vec<String> = Lang::ALL.iter().map(|&l| normalise(heading(l, key))).collect();
    n.sections.iter().any(|s| {
        let t = normalise(&s.title);
        (key == "stories" && super::stories::is_stories_heading(&s.title))
            || names
                .iter()
                .any(|h| !h.is_empty() && (t.starts_with(h.as_str()) || (t.chars().count() >= 4 && h.starts_with(&t))))
    })
}

/// The required sections a narrative lacks, by key.
pub fn missing_sections(n: &Narrative, layout: Layout) -> Vec<Required> {
    required(layout)
        .iter()
        .copied()
        .filter(|k| !has_section(n, k))
        .collect()
}

/// The titles of the sections (and stories) that still hold a prompt line
/// of the scaffold, in any language.
pub fn unfilled(n: &Narrative) -> Vec<String> {
    let prompts: Vec<&str> = Lang::ALL
        .iter()
        .flat_map(|&l| {
            required(Layout::Gac)
                .iter()
                .chain(&["explain"])
                .map(move |k| locale::text(l, &format!("narrative-prompt-{k}")))
        })
        .filter(|p| !p.is_empty())
        .collect();
    n.sections
        .iter()
        .filter(|s| prompts.iter().any(|p| s.body.contains(p)))
        .map(|s| s.title.clone())
        .collect()
}

/// The scaffold of the period's narrative, in the report's language: a
/// title, each required heading with a line saying what goes there, the
/// progress section pre-filled with a bullet per indicator to explain.
pub fn scaffold(r: &Report) -> String {
    let lang = r.lang;
    let mut out = format!(
        "# {}\n\n",
        locale::message(
            lang,
            "narrative-scaffold-title",
            [
                ("project", r.project.short_name.clone().into()),
                ("period", r.period.label.clone().into()),
            ],
        )
    );
    for &key in required(r.layout) {
        out.push_str(&format!("## {}\n\n", heading(lang, key)));
        out.push_str(locale::text(lang, &format!("narrative-prompt-{key}")));
        out.push_str("\n\n");
        if key == "progress" {
            for a in &r.summary.attention {
                out.push_str(&format!(
                    "- **{}** {}{} {}\n  {}\n",
                    a.id,
                    a.title,
                    r.labels["colon"],
                    a.explanation,
                    locale::text(lang, "narrative-prompt-explain"),
                ));
            }
            if !r.summary.attention.is_empty() {
                out.push('\n');
            }
        }
    }
    out.trim_end().to_string() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scaffold_left_as_written_is_unfilled_in_every_section() {
        let r = Narrative::parse(
            &format!(
                "## Context\n{}\n## Risques\n{}\n## Lessons\nWritten.\n",
                locale::text(Lang::En, "narrative-prompt-context"),
                locale::text(Lang::Fr, "narrative-prompt-risks"),
            ),
            None,
        );
        assert_eq!(unfilled(&r), ["Context", "Risques"]);
    }

    #[test]
    fn sections_are_found_in_any_language_and_by_their_first_words() {
        let n = Narrative::parse(
            "## Context\nA.\n## Risques et mesures d'atténuation\nB.\n## Lecciones aprendidas\nC.\n## Stories\n",
            None,
        );
        assert!(has_section(&n, "context"));
        assert!(has_section(&n, "risks"));
        assert!(has_section(&n, "lessons"));
        assert!(has_section(&n, "stories"));
        assert_eq!(
            missing_sections(&n, Layout::General),
            vec!["progress", "next"],
            "the general layout asks for six sections"
        );
        assert_eq!(missing_sections(&n, Layout::Gac).len(), 5);
    }
}
