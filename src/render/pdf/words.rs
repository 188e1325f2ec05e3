//! Words only the PDF prints (the contents' title, the page footer, a
//! table header), in the report's three languages. The report's own labels
//! come with the [`crate::report::Report`].

use crate::report::i18n::Lang;

/// Texts only the PDF needs, in the report's three languages.
pub(super) fn local(lang: Lang, key: &str) -> &'static str {
    match (key, lang) {
        ("contents", Lang::En) => "Contents",
        ("contents", Lang::Fr) => "Table des matières",
        ("contents", Lang::Es) => "Índice",
        ("page", Lang::En) => "Page {n} of {m}",
        ("page", Lang::Fr) => "Page {n} sur {m}",
        ("page", Lang::Es) => "Página {n} de {m}",
        ("progress", Lang::En) => "Progress",
        ("progress", Lang::Fr) => "Progression",
        ("progress", Lang::Es) => "Avance",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An unknown key prints nothing: every key the PDF asks for must have
    /// a text in every language.
    #[test]
    fn every_pdf_word_exists_in_every_language() {
        for key in ["contents", "page", "progress"] {
            for lang in Lang::ALL {
                assert!(!local(lang, key).is_empty(), "{key} has no text in {lang:?}");
            }
        }
    }
}
