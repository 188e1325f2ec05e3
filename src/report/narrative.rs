//! The narrative written by the project team for a period.
//!
//! `frameworks/<name>/narrative/<period>.md` (or `<period>.<lang>.md` for a
//! translation) is Markdown whose `## ` headings start sections (context,
//! challenges, lessons, risks, ...). Sections are included in the report as
//! written: the narrative is the team's own Markdown. The success stories
//! section is read into stories ([`super::stories`]). A report in another
//! language than the project's, without its `<period>.<lang>.md`, shows the
//! original and says so (`untranslated`): a donor reading French knows the
//! narrative is the team's English, and the team is told on stderr.
//!
//! A narrative saved by a word processor in a legacy encoding (Latin-1,
//! UTF-16) is refused at its first byte that is not UTF-8, as
//! `file:line:col`, so the writer can find the character to fix.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::stories::{self, At, Story};
use crate::diag::Diagnostic;
use crate::source::{Sources, Span};

#[derive(Debug, Clone, Default, Serialize)]
pub struct Narrative {
    /// The file the narrative came from, relative to the framework folder.
    pub file: Option<String>,
    /// The language the narrative is written in, when it is not the
    /// report's (no translation was found): the report says so.
    pub untranslated: Option<String>,
    pub sections: Vec<Section>,
    /// Problems with the file's structure, `line N: ...`, for stderr.
    #[serde(skip)]
    pub warnings: Vec<String>,
    /// Problems with the stories, at their place in `text`, for stderr.
    #[serde(skip)]
    pub story_warnings: Vec<(At, String)>,
    /// The text parsed (byte-order mark and CRLF removed): the offsets of
    /// the stories point into it.
    #[serde(skip)]
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub title: String,
    /// Markdown, trimmed; its headings demoted to level 4 or below, so
    /// they stay under the section's own (level 3 in the report). In the
    /// success stories section, the text before the first story.
    pub body: String,
    /// The success stories, when this is their section (see
    /// [`stories`](super::stories)).
    pub stories: Vec<Story>,
}

/// The level of an ATX heading line (`### x` -> 3), if it is one.
fn heading_level(line: &str) -> Option<usize> {
    let t = line
        .strip_prefix("   ")
        .or(line.strip_prefix("  "))
        .or(line.strip_prefix(' '))
        .unwrap_or(line);
    let n = t.chars().take_while(|&c| c == '#').count();
    let rest = &t[n..];
    ((1..=6).contains(&n) && (rest.is_empty() || rest.starts_with([' ', '\t']))).then_some(n)
}

/// A code fence opening or closing line (```` ``` ```` or `~~~`).
fn fence(line: &str) -> Option<&str> {
    let t = line.trim_start();
    (line.len() - t.len() < 4)
        .then(|| ["```", "~~~"].into_iter().find(|f| t.starts_with(f)))
        .flatten()
}

impl Narrative {
    /// Split Markdown at its `## ` headings. A leading `# ` title (the
    /// file's own: the report has its own) is dropped; text before the
    /// first `## ` becomes an untitled section. A byte-order mark and CRLF
    /// line ends are accepted. Headings inside a section are demoted below
    /// the section heading (`###` -> `####`, at most `######`).
    pub fn parse(text: &str, file: Option<String>) -> Narrative {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text).replace("\r\n", "\n");
        let mut sections = Vec::new();
        let mut warnings = Vec::new();
        let mut story_warnings = Vec::new();
        let mut title: Option<String> = None;
        let mut body = String::new();
        // Where the current section's text starts in `text`.
        let mut raw_at = 0;
        let mut flush = |title: Option<String>, body: &mut String, raw: (usize, usize)| {
            let mut b = body.trim().to_string();
            let mut found = Vec::new();
            if title.as_deref().is_some_and(stories::is_stories_heading) {
                let (intro, s, w) = stories::split(&text[raw.0..raw.1], raw.0);
                b = Narrative::parse(&intro, None)
                    .sections
                    .into_iter()
                    .map(|s| s.body)
                    .collect::<Vec<_>>()
                    .join("\n\n");
                found = s;
                story_warnings.extend(w);
            }
            if title.is_some() || !b.is_empty() {
                sections.push(Section {
                    title: title.unwrap_or_default(),
                    body: b,
                    stories: found,
                });
            }
            body.clear();
        };
        let mut seen_text = false;
        let mut in_fence: Option<&str> = None;
        let mut offset = 0;
        for (n, full) in text.split_inclusive('\n').enumerate() {
            let line = full.strip_suffix('\n').unwrap_or(full);
            let line_start = offset;
            offset += full.len();
            if let Some(open) = in_fence {
                if fence(line).is_some_and(|f| f == open) {
                    in_fence = None;
                }
                body.push_str(line);
                body.push('\n');
                continue;
            }
            if let Some(f) = fence(line) {
                in_fence = Some(f);
                seen_text = true;
                body.push_str(line);
                body.push('\n');
                continue;
            }
            let level = heading_level(line);
            if level == Some(1) && !seen_text {
                // The file's own title: the report has its own.
                seen_text = true;
                continue;
            }
            if !line.trim().is_empty() {
                seen_text = true;
            }
            match level {
                Some(2) => {
                    let h = line
                        .trim_start()
                        .trim_start_matches('#')
                        .trim()
                        .trim_end_matches('#')
                        .trim();
                    if h.is_empty() {
                        warnings.push(format!(
                            "line {}: a `##` heading without a title; its text is shown as an untitled section",
                            n + 1
                        ));
                    }
                    flush(title.take(), &mut body, (raw_at, line_start));
                    raw_at = offset;
                    title = Some(h.to_string());
                }
                Some(l) => {
                    let t = line.trim_start();
                    let to = (l + 1).clamp(4, 6);
                    body.push_str(&"#".repeat(to));
                    body.push_str(&t[l..]);
                    body.push('\n');
                }
                None => {
                    body.push_str(line);
                    body.push('\n');
                }
            }
        }
        flush(title, &mut body, (raw_at, text.len()));
        Narrative {
            file,
            untranslated: None,
            sections,
            warnings,
            story_warnings,
            text,
        }
    }

    /// The text of the narrative file at `path`. Text that is not UTF-8 is
    /// kept in `sources` (undecodable bytes replaced) so that the error can
    /// point at the first bad byte.
    pub fn read(path: &Path, sources: &mut Sources) -> Result<String, Diagnostic> {
        let bytes = std::fs::read(path).map_err(|e| {
            Diagnostic::error(format!("cannot read {}: {e}", path.display()))
                .hint("check that the narrative is a readable file")
        })?;
        String::from_utf8(bytes).map_err(|e| not_utf8(path, e, sources))
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
        !id.is_empty()
            && self.sections.iter().any(|s| {
                found_in(&s.title)
                    || found_in(&s.body)
                    || s.stories.iter().any(|st| found_in(&st.title) || found_in(&st.body))
            })
    }

    /// True when the narrative explains the indicator: it names its id as
    /// a word ([`Narrative::mentions`]), or one paragraph (a bullet, a
    /// story) holds most of its title's words: of the words of five
    /// letters or more, at least two and at least half, compared by their
    /// first five letters, case ignored ("prosecutions" matches
    /// "prosecution").
    pub fn explains(&self, id: &str, title: &str) -> bool {
        if self.mentions(id) {
            return true;
        }
        let key = |w: &str| w.to_lowercase().chars().take(5).collect::<String>();
        let words = |t: &str| -> Vec<String> {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 5)
                .map(key)
                .collect()
        };
        let mut wanted = words(title);
        wanted.sort();
        wanted.dedup();
        if wanted.len() < 2 {
            return false;
        }
        let need = wanted.len().div_ceil(2).max(2);
        let paragraph_has = |p: &str| {
            let have = words(p);
            wanted.iter().filter(|w| have.contains(w)).count() >= need
        };
        let paragraphs = |t: &str| -> Vec<String> {
            // A paragraph ends at a blank line or where a list item starts.
            let mut out = vec![String::new()];
            for line in t.lines() {
                let l = line.trim_start();
                let item = l.starts_with("- ") || l.starts_with("* ") || l.starts_with("+ ");
                if l.is_empty() || item {
                    out.push(String::new());
                }
                let last = out.last_mut().expect("one paragraph");
                last.push_str(line);
                last.push('\n');
            }
            out
        };
        self.sections.iter().any(|s| {
            paragraphs(&s.body).iter().any(|p| paragraph_has(p))
                || s.stories
                    .iter()
                    .any(|st| paragraph_has(&format!("{}\n{}", st.title, st.body)))
        })
    }
}

/// The located error for a narrative that is not UTF-8.
fn not_utf8(path: &Path, e: std::string::FromUtf8Error, sources: &mut Sources) -> Diagnostic {
    let at = e.utf8_error().valid_up_to();
    let bytes = e.into_bytes();
    let bad = bytes.get(at).map_or(String::new(), |b| format!("the byte 0x{b:02X}"));
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let file = sources.add(path.to_path_buf(), text);
    Diagnostic::error(format!("{} is not UTF-8 text", path.display()))
        .at(Span::new(file, at, at + 1))
        .expected("UTF-8 text")
        .found(bad)
        .hint("save the narrative as UTF-8 (in most editors: Save as, encoding UTF-8)")
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
        assert_eq!(n.sections[1].body, "- one\n#### detail");
    }

    #[test]
    fn a_bom_crlf_and_the_file_title_do_not_leak() {
        let n = Narrative::parse("\u{feff}# STARSOM 2023-Q3\r\n\r\n## Context\r\nLima.\r\n", None);
        assert_eq!(n.sections.len(), 1);
        assert_eq!(n.sections[0].title, "Context");
        assert_eq!(n.sections[0].body, "Lima.");
        // Only a leading `# ` is the title; a later one is demoted.
        let n = Narrative::parse("Intro.\n# Not a title\n", None);
        assert_eq!(n.sections[0].body, "Intro.\n#### Not a title");
    }

    #[test]
    fn an_empty_heading_starts_a_section_and_warns() {
        let n = Narrative::parse("## Context\nA.\n##\nB.\n## \nC.\n", None);
        assert_eq!(n.sections.len(), 3);
        assert_eq!(n.sections[0].body, "A.");
        assert_eq!((n.sections[1].title.as_str(), n.sections[1].body.as_str()), ("", "B."));
        assert_eq!(n.sections[2].body, "C.");
        assert_eq!(n.warnings.len(), 2);
        assert!(n.warnings[0].starts_with("line 3:"), "{:?}", n.warnings);
    }

    #[test]
    fn headings_in_code_fences_are_left_alone() {
        let n = Narrative::parse(
            "## Risks\n```\n## not a section\n# nor a title\n```\n###### deep\n",
            None,
        );
        assert_eq!(n.sections.len(), 1);
        assert_eq!(
            n.sections[0].body,
            "```\n## not a section\n# nor a title\n```\n###### deep"
        );
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
