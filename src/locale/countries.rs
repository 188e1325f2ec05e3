//! Countries by their name in the report's language: `PE` is Peru, Pérou,
//! Perú. Frameworks write countries as ISO 3166-1 alpha-2 codes (the
//! project's `countries:` and a `country` disaggregation); the machine
//! outputs (CSV, JSON, IATI) keep the codes, the reader's pages print the
//! names. The table (`countries.tsv`, every ISO 3166-1 country) is embedded
//! in the binary.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::Lang;

const TABLE: &str = include_str!("countries.tsv");

/// The names of each code, in the order of [`Lang::ALL`].
fn table() -> &'static BTreeMap<&'static str, [&'static str; 3]> {
    static NAMES: OnceLock<BTreeMap<&'static str, [&'static str; 3]>> = OnceLock::new();
    NAMES.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?, [f.next()?, f.next()?, f.next()?]))
            })
            .collect()
    })
}

/// The country's name in `lang`, `None` when `code` is not an ISO 3166-1
/// alpha-2 code (upper case, as frameworks write them).
pub fn country(lang: Lang, code: &str) -> Option<&'static str> {
    table().get(code).map(|names| names[lang as usize])
}

/// The name of a country code, or the text as written when it is not one.
pub fn country_or_code(lang: Lang, code: &str) -> String {
    country(lang, code).map_or_else(|| code.to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_iso_country_has_three_names() {
        // 249 ISO 3166-1 countries, each with a name in each language.
        assert_eq!(table().len(), 249);
        for (code, names) in table() {
            assert!(
                code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()),
                "{code}"
            );
            assert!(
                names.iter().all(|n| !n.trim().is_empty() && !n.contains('\t')),
                "{code}"
            );
        }
    }

    #[test]
    fn names_a_report_prints() {
        assert_eq!(country(Lang::Es, "PE"), Some("Perú"));
        assert_eq!(country(Lang::Fr, "PE"), Some("Pérou"));
        assert_eq!(country(Lang::En, "PE"), Some("Peru"));
        assert_eq!(country(Lang::Fr, "BR"), Some("Brésil"));
        assert_eq!(country(Lang::Es, "BR"), Some("Brasil"));
        assert_eq!(country(Lang::Fr, "CI"), Some("Côte d’Ivoire"));
        assert_eq!(country(Lang::Es, "CA"), Some("Canadá"));
        assert_eq!(country(Lang::Fr, "US"), Some("États-Unis"));
        assert_eq!(country(Lang::Es, "GT"), Some("Guatemala"));
        // Not a code: as written.
        assert_eq!(country(Lang::Fr, "pe"), None);
        assert_eq!(country_or_code(Lang::Fr, "americas"), "americas");
    }

    #[test]
    fn every_country_of_the_shipped_frameworks_is_named() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/frameworks");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path().join("logframe.yaml");
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            for line in text.lines().filter(|l| l.trim_start().starts_with("countries:")) {
                let list = line
                    .split_once('[')
                    .and_then(|(_, r)| r.split_once(']'))
                    .map(|(l, _)| l);
                for code in list.unwrap_or("").split(',').map(str::trim).filter(|c| !c.is_empty()) {
                    assert!(country(Lang::Fr, code).is_some(), "{}: {code}", path.display());
                }
            }
        }
    }
}
