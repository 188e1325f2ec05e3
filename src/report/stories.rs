//! Success stories, written by the team in the period's narrative.
//!
//! A narrative section whose `##` heading is "Success stories" (or
//! "Histoires de réussite", "Historias de éxito", see [`is_stories_heading`])
//! holds one story per `###` heading. Right under a story's heading, a few
//! `Key: value` lines say what the story is linked to; the rest is the
//! story's text, Markdown as written:
//!
//! ```markdown
//! ## Success stories
//!
//! ### A shared case between Bogotá and São Paulo
//!
//! Indicators: 1100.2, 1210.1
//! Photo: photos/mentoring.png
//! Caption: A mentoring session on a shared case
//! Credit: Illustration, STARSOM team
//!
//! The text of the story...
//! ```
//!
//! The keys are read in English, French or Spanish (`Indicateurs`,
//! `Légende`, `Crédit`; `Indicadores`, `Foto`, `Leyenda`, `Crédito`), a
//! space before the colon allowed; a line that is not one of them ends the
//! key lines. Text between the section heading and the first story is kept
//! as the section's introduction. Parsing is pure and keeps byte offsets
//! into the narrative's text, so that [`link`] and the report's use case
//! (which reads the photos) can locate their errors at the line written.

use serde::Serialize;

use super::photo::Image;
use crate::diag::{Diagnostic, did_you_mean};
use crate::model::Framework;
use crate::source::{FileId, Span};

/// A byte range in the narrative's text.
pub type At = (usize, usize);

#[derive(Debug, Clone, Serialize)]
pub struct Story {
    pub title: String,
    /// Markdown, trimmed; its headings demoted below the story's.
    pub body: String,
    pub indicators: Vec<Linked>,
    pub photo: Option<Photo>,
}

/// An indicator a story is linked to.
#[derive(Debug, Clone, Serialize)]
pub struct Linked {
    pub id: String,
    /// In the report's language, once [`link`]ed; empty for an unknown id.
    pub title: String,
    #[serde(skip)]
    pub at: At,
}

#[derive(Debug, Clone, Serialize)]
pub struct Photo {
    /// As written, relative to the narrative folder.
    pub path: String,
    /// Where the Markdown report links it, relative to the Markdown file
    /// (beside the charts); set once the picture has been read.
    pub file: Option<String>,
    pub caption: Option<String>,
    pub credit: Option<String>,
    #[serde(skip)]
    pub at: At,
    /// The picture, once read; the PDF embeds it.
    #[serde(skip)]
    pub image: Option<Image>,
    /// The file's bytes and the name of its copy beside the charts, once
    /// read; the Markdown report writes the copy.
    #[serde(skip)]
    pub copy: Option<(String, std::sync::Arc<Vec<u8>>)>,
}

/// Whether a `##` heading starts the success stories: its words, in any
/// of the report's languages, case and a final colon ignored.
pub fn is_stories_heading(title: &str) -> bool {
    const NAMES: [&str; 9] = [
        "success stories",
        "success story",
        "stories",
        "histoires de réussite",
        "récits de réussite",
        "histoires à succès",
        "historias de éxito",
        "casos de éxito",
        "historias",
    ];
    let t = title.trim().trim_end_matches(':').trim().to_lowercase();
    NAMES.contains(&t.as_str())
}

/// Which key a `Key: value` line under a story's heading sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Indicators,
    Photo,
    Caption,
    Credit,
}

fn key(word: &str) -> Option<Key> {
    match word.trim().to_lowercase().as_str() {
        "indicators" | "indicator" | "indicateurs" | "indicateur" | "indicadores" | "indicador" => {
            Some(Key::Indicators)
        }
        "photo" | "foto" | "image" | "imagen" | "picture" => Some(Key::Photo),
        "caption" | "légende" | "legende" | "leyenda" | "pie de foto" => Some(Key::Caption),
        "credit" | "crédit" | "crédito" | "credito" => Some(Key::Credit),
        _ => None,
    }
}

/// A `Key: value` line: the key, the value and the value's offset in the
/// line.
fn key_line(line: &str) -> Option<(Key, &str, usize)> {
    let colon = line.find(':')?;
    let k = key(line[..colon].trim_end_matches('\u{a0}').trim_end_matches('\u{202f}'))?;
    let rest = &line[colon + 1..];
    let value = rest.trim();
    let lead = rest.len() - rest.trim_start().len();
    Some((k, value, colon + 1 + lead))
}

/// The level of an ATX heading (`### x` -> 3), outside code fences.
fn heading_level(line: &str) -> Option<usize> {
    let t = line.trim_start();
    if line.len() - t.len() > 3 {
        return None;
    }
    let n = t.chars().take_while(|&c| c == '#').count();
    let rest = &t[n..];
    ((1..=6).contains(&n) && (rest.is_empty() || rest.starts_with([' ', '\t']))).then_some(n)
}

fn fence(line: &str) -> Option<&'static str> {
    let t = line.trim_start();
    if line.len() - t.len() >= 4 {
        return None;
    }
    ["```", "~~~"].into_iter().find(|f| t.starts_with(f))
}

/// Demote the headings of a story's text below the story's own (level 5
/// and 6), code fences left alone.
fn demote(text: &str) -> String {
    let mut out = String::new();
    let mut in_fence: Option<&str> = None;
    for line in text.lines() {
        if let Some(open) = in_fence {
            if fence(line) == Some(open) {
                in_fence = None;
            }
        } else if let Some(f) = fence(line) {
            in_fence = Some(f);
        } else if let Some(l) = heading_level(line) {
            let t = line.trim_start();
            out.push_str(&"#".repeat((l + 1).clamp(5, 6)));
            out.push_str(&t[l..]);
            out.push('\n');
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim().to_string()
}

/// Split the raw text of a stories section (starting at byte `at` of the
/// narrative) into its introduction and its stories. Problems (a story
/// without a title, a key given twice, a caption without a photo) come
/// back as warnings with their place.
pub fn split(raw: &str, at: usize) -> (String, Vec<Story>, Vec<(At, String)>) {
    let mut intro = String::new();
    let mut stories: Vec<Story> = Vec::new();
    let mut warnings = Vec::new();
    // The story being read, and whether its key lines are still open.
    let mut body = String::new();
    let mut keys_open = false;
    let mut in_fence: Option<&str> = None;
    let mut offset = at;
    let finish = |stories: &mut Vec<Story>, body: &mut String, warnings: &mut Vec<(At, String)>| {
        if let Some(s) = stories.last_mut() {
            s.body = demote(body);
            if let Some(p) = &s.photo
                && p.path.is_empty()
                && p.at != (0, 0)
            {
                warnings.push((
                    p.at,
                    "a photo line without a file name; the story is shown without a photo".into(),
                ));
                s.photo = None;
            }
        }
        body.clear();
    };
    let mut caption_without_photo: Vec<(usize, At)> = Vec::new();
    for line in raw.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let text = line.trim_end_matches(['\n', '\r']);
        if let Some(open) = in_fence {
            if fence(text) == Some(open) {
                in_fence = None;
            }
        } else if let Some(f) = fence(text) {
            in_fence = Some(f);
            keys_open = false;
        } else if heading_level(text) == Some(3) {
            finish(&mut stories, &mut body, &mut warnings);
            let t = text.trim_start();
            let title = t[3..].trim().trim_end_matches('#').trim().to_string();
            if title.is_empty() {
                warnings.push((
                    (start, start + text.len()),
                    "a story heading `###` without a title".into(),
                ));
            }
            stories.push(Story {
                title,
                body: String::new(),
                indicators: Vec::new(),
                photo: None,
            });
            keys_open = true;
            continue;
        } else if keys_open && !stories.is_empty() {
            if text.trim().is_empty() && body.trim().is_empty() {
                continue;
            }
            if let Some((k, value, v_at)) = key_line(text) {
                let story = stories.last_mut().expect("a story");
                let v_start = start + v_at;
                let v = (v_start, v_start + value.len());
                let twice = match k {
                    Key::Indicators => {
                        let had = !story.indicators.is_empty();
                        for (i, id) in ids(value) {
                            story.indicators.push(Linked {
                                id: id.to_string(),
                                title: String::new(),
                                at: (v_start + i, v_start + i + id.len()),
                            });
                        }
                        had
                    }
                    Key::Photo => {
                        let had = story
                            .photo
                            .as_ref()
                            .is_some_and(|p| !p.path.is_empty() || p.at != (0, 0));
                        let p = photo_of(story);
                        p.path = value.to_string();
                        p.at = v;
                        had
                    }
                    Key::Caption | Key::Credit => {
                        let p = photo_of(story);
                        let slot = if k == Key::Caption {
                            &mut p.caption
                        } else {
                            &mut p.credit
                        };
                        let had = slot.is_some();
                        *slot = (!value.is_empty()).then(|| value.to_string());
                        caption_without_photo.push((stories.len() - 1, v));
                        had
                    }
                };
                if twice {
                    warnings.push((v, "this key is given twice for the story; the last one counts".into()));
                }
                continue;
            }
            keys_open = false;
        }
        if stories.is_empty() {
            intro.push_str(line);
        } else {
            body.push_str(line);
        }
    }
    finish(&mut stories, &mut body, &mut warnings);
    for (i, at) in caption_without_photo {
        if let Some(p) = &stories[i].photo
            && p.at == (0, 0)
        {
            warnings.push((at, "a caption or credit without a photo line; it is not shown".into()));
        }
    }
    for s in &mut stories {
        if s.photo.as_ref().is_some_and(|p| p.at == (0, 0)) {
            s.photo = None;
        }
    }
    (intro, stories, warnings)
}

/// The photo of a story, made empty if it has none yet (a caption may come
/// before the photo line).
fn photo_of(story: &mut Story) -> &mut Photo {
    story.photo.get_or_insert_with(|| Photo {
        path: String::new(),
        file: None,
        caption: None,
        credit: None,
        at: (0, 0),
        image: None,
        copy: None,
    })
}

/// The ids of an `Indicators:` line, separated by commas, semicolons or
/// spaces, with their offsets in the value.
fn ids(value: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in value.char_indices().chain([(value.len(), ' ')]) {
        let sep = c == ',' || c == ';' || c.is_whitespace();
        match (sep, start) {
            (true, Some(s)) => {
                out.push((s, &value[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

/// Give each linked indicator its title in `lang`; an id the logframe does
/// not have is an error at the id, with the closest id as a hint.
pub fn link(stories: &mut [Story], fw: &Framework, lang: &str, file: FileId) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for s in stories {
        for l in &mut s.indicators {
            match fw.indicators.iter().find(|i| i.id == l.id) {
                Some(i) => l.title = i.title.get(lang).to_string(),
                None => {
                    let hint = did_you_mean(&l.id, fw.indicators.iter().map(|i| i.id.as_str()))
                        .unwrap_or_else(|| "link the story to indicator ids of the logframe".into());
                    out.push(
                        Diagnostic::error(format!(
                            "the story \"{}\" is linked to indicator `{}`, which the logframe does not have",
                            s.title, l.id
                        ))
                        .at(Span::new(file, l.at.0, l.at.1))
                        .expected("an indicator id of logframe.yaml")
                        .found(format!("`{}`", l.id))
                        .hint(hint),
                    );
                }
            }
        }
        s.indicators
            .retain(|l| !l.title.is_empty() || fw.indicators.iter().any(|i| i.id == l.id));
    }
    out
}

/// The photo's path as written, if it stays inside the narrative folder:
/// relative, no `..`, no drive or root.
pub fn photo_path(written: &str) -> Result<std::path::PathBuf, String> {
    use std::path::{Component, Path};
    let p = Path::new(written);
    let plain = !written.contains('\\')
        && p.components().next().is_some()
        && p.components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if plain {
        Ok(p.to_path_buf())
    } else {
        Err(format!("`{written}` leads out of the narrative folder"))
    }
}

/// The name of a photo's copy beside the Markdown report's charts:
/// `photo-photos-mentoring.png` for `photos/mentoring.png` (one name per
/// path, and nothing a Markdown link would need to escape).
pub fn copy_name(written: &str, ext: &str) -> String {
    let stem = written.rsplit_once('.').map_or(written, |(s, _)| s);
    let flat: String = crate::output::safe_name(stem.trim_start_matches("./"))
        .chars()
        .map(|c| if c == '_' { '-' } else { c })
        .collect();
    format!("photo-{flat}.{ext}")
}

#[cfg(test)]
mod tests;
