//! Country codes from names, for hints: an officer types `Guatemala`,
//! `Pérou` or `peru` where the ledger wants `GT` or `PE`. The names are the
//! report's table (`src/locale/countries.tsv`: every ISO 3166-1 country in
//! English, French and Spanish), compared without case or accents.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

const TABLE: &str = include_str!("../locale/countries.tsv");

/// `Pérou` -> `perou`: lower case, accents dropped, a typographic
/// apostrophe as a plain one, spaces single.
fn fold(name: &str) -> String {
    let plain: String = name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn by_name() -> &'static HashMap<String, &'static str> {
    static NAMES: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut m = HashMap::new();
        for line in TABLE.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut f = line.split('\t');
            let Some(code) = f.next() else { continue };
            for name in f {
                m.entry(fold(name)).or_insert(code);
            }
        }
        m
    })
}

/// The ISO 3166-1 alpha-2 code of a country written by its name in
/// English, French or Spanish, with or without accents.
pub fn code_for_name(name: &str) -> Option<&'static str> {
    by_name().get(&fold(name)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_in_any_language_and_without_accents_gives_the_code() {
        for (name, code) in [
            ("Guatemala", "GT"),
            ("guatemala", "GT"),
            ("Pérou", "PE"),
            ("Perú", "PE"),
            ("Peru", "PE"),
            ("peru", "PE"),
            ("Brésil", "BR"),
            ("Brasil", "BR"),
            ("Côte d\u{2019}Ivoire", "CI"),
            ("Cote d'Ivoire", "CI"),
            ("Sénégal", "SN"),
        ] {
            assert_eq!(code_for_name(name), Some(code), "{name}");
        }
        assert_eq!(code_for_name("Atlantis"), None);
        assert_eq!(code_for_name("GT"), None);
    }
}
