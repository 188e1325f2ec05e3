//! Stories read from a narrative section: keys in three languages, the
//! places of what is written, and what is refused.

use super::*;
use crate::report::Narrative;

/// The stories of the first stories section of `text`.
fn stories_of(text: &str) -> (Narrative, Vec<Story>) {
    let n = Narrative::parse(text, None);
    let s = n
        .sections
        .iter()
        .find(|s| is_stories_heading(&s.title))
        .map(|s| s.stories.clone())
        .unwrap_or_default();
    (n, s)
}

#[test]
fn a_story_has_its_title_keys_and_text_and_the_intro_stays_the_sections() {
    let text = "## Context\nA.\n\n## Success stories\n\nTwo stories this quarter.\n\n### First\n\nIndicators: 1100.2, 1200.1\nPhoto: photos/a.png\nCaption: A session\nCredit: Illustration\n\nThe text.\n#### Detail\nMore.\n\n### Second\nNo keys here: a colon in the text.\n";
    let (n, s) = stories_of(text);
    let section = &n.sections[1];
    assert_eq!(section.body, "Two stories this quarter.");
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].title, "First");
    let ids: Vec<&str> = s[0].indicators.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["1100.2", "1200.1"]);
    // Each id's place is its own bytes in the text.
    let at = s[0].indicators[1].at;
    assert_eq!(&n.text[at.0..at.1], "1200.1");
    let p = s[0].photo.as_ref().expect("a photo");
    assert_eq!(p.path, "photos/a.png");
    assert_eq!(&n.text[p.at.0..p.at.1], "photos/a.png");
    assert_eq!(p.caption.as_deref(), Some("A session"));
    assert_eq!(p.credit.as_deref(), Some("Illustration"));
    // The story's own headings go below its title (level 4 in the report).
    assert_eq!(s[0].body, "The text.\n##### Detail\nMore.");
    // "No keys here" is not a key: the line is the story's text.
    assert_eq!(s[1].body, "No keys here: a colon in the text.");
    assert!(s[1].photo.is_none() && s[1].indicators.is_empty());
    assert!(n.story_warnings.is_empty(), "{:?}", n.story_warnings);
}

#[test]
fn keys_are_read_in_french_and_spanish_with_a_space_before_the_colon() {
    let (_, s) = stories_of(
        "## Histoires de réussite\n### Une affaire\nIndicateurs\u{202f}: 1200.1 ; 1112.1\nPhoto : p.jpg\nLégende\u{a0}: Une séance\nCrédit : Illustration\n\nTexte.\n",
    );
    assert_eq!(s[0].indicators.len(), 2);
    assert_eq!(s[0].photo.as_ref().unwrap().caption.as_deref(), Some("Une séance"));
    assert_eq!(s[0].body, "Texte.");
    let (_, s) = stories_of(
        "## Historias de éxito\n### Un caso\nIndicadores: 1200.1\nFoto: f.png\nLeyenda: Una sesión\nCrédito: Ilustración\nTexto.\n",
    );
    let p = s[0].photo.as_ref().unwrap();
    assert_eq!((p.path.as_str(), p.credit.as_deref()), ("f.png", Some("Ilustración")));
}

#[test]
fn only_a_stories_heading_holds_stories() {
    let (n, s) = stories_of("## Lessons learned\n### A lesson\nIndicators: 1100.2\n");
    assert!(s.is_empty());
    assert!(n.sections[0].stories.is_empty());
    assert_eq!(n.sections[0].body, "#### A lesson\nIndicators: 1100.2");
    for h in [
        "Success stories",
        "success stories:",
        "Récits de réussite",
        "Casos de éxito",
    ] {
        assert!(is_stories_heading(h), "{h}");
    }
    assert!(!is_stories_heading("Stories of change in 2023"));
}

#[test]
fn doubtful_key_lines_warn_at_their_place() {
    let text = "## Success stories\n### One\nCaption: no photo\nIndicators: 1.1\nIndicators: 1.2\n\nText.\n### Two\nPhoto:\nText.\n";
    let (n, s) = stories_of(text);
    let warned: Vec<(&str, &str)> = n
        .story_warnings
        .iter()
        .map(|(at, w)| (&n.text[at.0..at.1], w.as_str()))
        .collect();
    assert!(
        warned.iter().any(|(t, w)| *t == "1.2" && w.contains("twice")),
        "{warned:?}"
    );
    assert!(
        warned
            .iter()
            .any(|(t, w)| *t == "no photo" && w.contains("without a photo")),
        "{warned:?}"
    );
    assert!(
        warned.iter().any(|(_, w)| w.contains("without a file name")),
        "{warned:?}"
    );
    // Both ids are kept; neither story keeps an empty photo.
    assert_eq!(s[0].indicators.len(), 2);
    assert!(s[0].photo.is_none() && s[1].photo.is_none());
}

#[test]
fn a_heading_inside_a_code_fence_does_not_start_a_story() {
    let (_, s) = stories_of("## Success stories\n### One\n```\n### not a story\n```\n");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].body, "```\n### not a story\n```");
}

#[test]
fn a_photo_path_stays_in_the_narrative_folder() {
    assert!(photo_path("photos/a.png").is_ok());
    assert!(photo_path("./a.jpg").is_ok());
    for bad in [
        "../logframe.yaml",
        "photos/../../x.png",
        "/etc/passwd",
        "",
        "C:\\x.png",
        "a\\..\\b.png",
    ] {
        assert!(photo_path(bad).is_err(), "{bad}");
    }
    assert_eq!(copy_name("photos/a_b.png", "png"), "photo-photos-a-b.png");
    // Letters outside ASCII and spaces become `-`: a name any file system takes.
    assert_eq!(copy_name("./Día 1.jpeg", "jpg"), "photo-D-a-1.jpg");
}

#[test]
fn an_indicator_is_explained_by_its_id_or_most_of_its_title_words() {
    let n = Narrative::parse(
        "## Progress\n- The prosecutions initiated by trained practitioners lag.\n\n## Success stories\n### Mentoring\nPractitioners mentored this quarter said...\n",
        None,
    );
    // "gender-sensitive migrant smuggling prosecutions initiated": of its
    // words of 5 letters or more (gender, sensitive, migrant, smuggling,
    // prosecutions, initiated: 6), 2 are in one paragraph; half is 3.
    assert!(!n.explains(
        "1100.2",
        "Number of gender-sensitive migrant smuggling prosecutions initiated"
    ));
    // "prosecutions initiated": 2 words of 2.
    assert!(n.explains("x", "Prosecutions initiated"));
    // A story explains too: "number", "practitioners", "mentored" are 3
    // words, 2 needed; the story has "practitioners" and "mentored".
    assert!(n.explains("1112.1", "Number of practitioners mentored"));
    // Words spread over two paragraphs do not count.
    let n = Narrative::parse("## A\nSmuggling.\n\nProsecutions.\n", None);
    assert!(!n.explains("1100.2", "Smuggling prosecutions"));
}
