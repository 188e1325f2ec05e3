//! The narrative written by the project team for a period.
//!
//! `frameworks/<name>/narrative/<period>.md` (or `<period>.<lang>.md` for a
//! translation) is Markdown whose `## ` headings start sections (context,
//! challenges, lessons, risks, ...). Sections are included in the report as
//! written: the narrative is the team's own Markdown.

use std::path::{Path, PathBuf};

use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Narrative {
    /// The file the narrative came from, relative to the framework folder.
    pub file: Option<String>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub title: String,
    /// Markdown, trimmed.
    pub body: String,
}

impl Narrative {
    /// Split Markdown at its `## ` headings. Text before the first one
    /// (other than a `# ` title) becomes an untitled section.
    pub fn parse(text: &str, file: Option<String>) -> Narrative {
        let mut sections = Vec::new();
        let mut title: Option<String> = None;
        let mut body = String::new();
        let mut flush = |title: Option<String>, body: &mut String| {
            let b = body.trim().to_string();
            if title.is_some() || !b.is_empty() {
                sections.push(Section {
                    title: title.unwrap_or_default(),
                    body: b,
                });
            }
            body.clear();
        };
        for line in text.lines() {
            if let Some(h) = line.strip_prefix("## ") {
                flush(title.take(), &mut body);
                title = Some(h.trim().to_string());
            } else if title.is_none() && line.starts_with("# ") {
                // The file's own title: the report has its own.
            } else {
                body.push_str(line);
                body.push('\n');
            }
        }
        flush(title, &mut body);
        Narrative { file, sections }
    }

    /// The narrative file for a period, in `lang` if translated.
    pub fn find(dir: &Path, period: &str, lang: &str) -> Option<PathBuf> {
        let d = dir.join("narrative");
        [d.join(format!("{period}.{lang}.md")), d.join(format!("{period}.md"))]
            .into_iter()
            .find(|p| p.is_file())
    }

    /// True when the narrative names `id` as a word (`1100.2`, not `11100.2`).
    pub fn mentions(&self, id: &str) -> bool {
        let found_in = |t: &str| {
            t.match_indices(id).any(|(at, _)| {
                let before_ok = !t[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '_');
                let mut after = t[at + id.len()..].chars();
                let after_ok = match after.next() {
                    None => true,
                    Some('.') => !after.next().is_some_and(char::is_alphanumeric),
                    Some(c) => !(c.is_alphanumeric() || c == '_'),
                };
                before_ok && after_ok
            })
        };
        !id.is_empty() && self.sections.iter().any(|s| found_in(&s.title) || found_in(&s.body))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_split_at_level_two_headings() {
        let n = Narrative::parse(
            "# STARSOM\n\n## Context\nLima, Perú.\n\n## Risks\n- one\n### detail\n",
            None,
        );
        assert_eq!(n.sections.len(), 2);
        assert_eq!(n.sections[0].title, "Context");
        assert_eq!(n.sections[0].body, "Lima, Perú.");
        assert_eq!(n.sections[1].body, "- one\n### detail");
    }

    #[test]
    fn an_id_is_mentioned_as_a_word() {
        let n = Narrative::parse("## Challenges\nIndicator 1100.2 lags. See 1200.10.\n", None);
        assert!(n.mentions("1100.2"));
        assert!(!n.mentions("1100"));
        assert!(!n.mentions("1200.1"));
        assert!(n.mentions("1200.10"));
    }
}
