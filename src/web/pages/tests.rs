//! The pages' words: every one the templates and handlers name is in the
//! catalogues, in the user's language.

use super::*;

/// Every `w.KEY` a template reads and every `"web-..."` id the pages
/// name is a message of the catalogues (the locale tests check that
/// each is in all three languages).
#[test]
fn every_word_the_pages_use_is_in_the_catalogues() {
    let known = words(UiLang::En);
    assert!(known.len() > 80, "the web- messages were read ({})", known.len());
    let mut used = 0;
    for (name, text) in TEMPLATES {
        for (at, _) in text.match_indices("w.") {
            // `w.KEY`, not the tail of another name (`overview.total`).
            let before = text[..at].chars().next_back();
            if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.') {
                continue;
            }
            let key: String = text[at + 2..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            assert!(
                known.get(key.as_str()).is_some_and(|t| !t.is_empty()),
                "{name} uses w.{key}"
            );
            used += 1;
        }
    }
    assert!(used > 60, "the templates' words were found ({used})");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web");
    let mut ids = 0;
    for path in [
        "pages/mod.rs",
        "pages/entry.rs",
        "pages/grid.rs",
        "pages/review.rs",
        "pages/indicator.rs",
        "pages/downloads.rs",
    ] {
        let src = std::fs::read_to_string(dir.join(path)).expect("a page source");
        for (at, _) in src.match_indices("\"web-") {
            let id: String = src[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if id == "web-" {
                continue;
            }
            for lang in crate::locale::Lang::ALL {
                assert!(
                    crate::locale::get(lang, &id).is_some(),
                    "{path} names {id}, missing in {}",
                    lang.code()
                );
            }
            ids += 1;
        }
    }
    assert!(ids > 20, "the pages' ids were found ({ids})");
}

#[test]
fn the_words_follow_the_users_language() {
    assert_eq!(words(UiLang::En)["sign_in"], "Sign in");
    assert_eq!(words(UiLang::Fr)["sign_in"], "Se connecter");
    assert_eq!(words(UiLang::Es)["save"], "Guardar");
}
