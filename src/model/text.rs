//! Texts a framework carries in several languages.
//!
//! Titles, statements, units and budget lines are written once in the
//! project's language and may carry translations; every renderer asks for
//! the text in its report's language and falls back to the default. Its
//! own file so that the funding model and the framework model both use it
//! without depending on each other.

use std::collections::BTreeMap;

use serde::Serialize;

/// A text the framework may carry in several languages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Text {
    /// The text in the project's default language.
    pub default: String,
    /// Translations by language code (`fr`, `es`, ...).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, String>,
}

impl Text {
    pub fn plain(s: impl Into<String>) -> Text {
        Text {
            default: s.into(),
            translations: BTreeMap::new(),
        }
    }

    /// The text in `lang`, falling back to the default language.
    pub fn get(&self, lang: &str) -> &str {
        self.translations.get(lang).map_or(&self.default, String::as_str)
    }
}
