use std::collections::BTreeSet;
use std::path::Path;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::*;
use crate::compute::Status;

/// The arguments a message's text names: `{ $actual }` -> `actual`.
fn arguments(source: &str, id: &str) -> BTreeSet<String> {
    let mut lines = source.lines().skip_while(|l| !l.starts_with(&format!("{id} =")));
    let first = lines.next().unwrap_or_default().to_string();
    let text = std::iter::once(first)
        .chain(lines.take_while(|l| l.starts_with(' ')).map(str::to_string))
        .collect::<Vec<_>>()
        .join("\n");
    text.split('$')
        .skip(1)
        .map(|s| {
            s.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

#[test]
fn every_language_has_every_message_and_no_other() {
    let en: BTreeSet<&str> = ids(Lang::En.source()).collect();
    assert!(en.len() > 100, "the English catalogue reads as {} messages", en.len());
    for lang in Lang::ALL {
        let all: Vec<&str> = ids(lang.source()).collect();
        let set: BTreeSet<&str> = all.iter().copied().collect();
        assert_eq!(set.len(), all.len(), "{}.ftl names a message twice", lang.code());
        let missing: Vec<_> = en.difference(&set).collect();
        let extra: Vec<_> = set.difference(&en).collect();
        assert!(missing.is_empty(), "{}.ftl lacks {missing:?}", lang.code());
        assert!(
            extra.is_empty(),
            "{}.ftl has messages English lacks: {extra:?}",
            lang.code()
        );
    }
}

#[test]
fn every_message_takes_the_same_arguments_in_every_language() {
    for id in ids(Lang::En.source()) {
        let en = arguments(Lang::En.source(), id);
        for lang in Lang::ALL {
            assert_eq!(arguments(lang.source(), id), en, "{id} in {}.ftl", lang.code());
        }
    }
}

#[test]
fn every_message_without_arguments_has_a_text() {
    for lang in Lang::ALL {
        for id in ids(lang.source()) {
            if arguments(lang.source(), id).is_empty() {
                assert!(!text(lang, id).is_empty(), "{id} is empty in {}.ftl", lang.code());
            }
        }
        for s in Status::ALL {
            assert!(!status(lang, s).is_empty());
        }
        for m in 1..=12 {
            assert!(!month(lang, m).is_empty());
        }
    }
}

/// The ids the code names: the literal after `text(lang, `,
/// `message(lang, `, `l(`, `labels[`, `term(` and `term_message(` in the
/// Rust sources, and
/// `labels.NAME` in the templates.
fn used_ids(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            used_ids(&path, out);
            continue;
        }
        let Ok(src) = std::fs::read_to_string(&path) else {
            continue;
        };
        if path.ends_with("locale/tests.rs") {
            continue;
        }
        if path.extension().is_some_and(|e| e == "rs") {
            for call in ["text(", "message("] {
                for (at, _) in src.match_indices(call) {
                    let rest = src[at + call.len()..].trim_start();
                    let first = rest
                        .find(|c: char| !(c.is_ascii_alphanumeric() || "_.:".contains(c)))
                        .unwrap_or(0);
                    let Some(rest) = rest[first..].strip_prefix(',') else {
                        continue;
                    };
                    if let Some(lit) = rest.trim_start().strip_prefix('"') {
                        out.insert(lit[..lit.find('"').unwrap()].to_string());
                    }
                }
            }
            for open in ["l(\"", "l[\"", "labels[\"", "term(\"", "term_message(\""] {
                for (at, _) in src.match_indices(open) {
                    let before = src[..at].chars().last().unwrap_or(' ');
                    if before.is_ascii_alphanumeric() || before == '_' {
                        continue;
                    }
                    let lit = &src[at + open.len()..];
                    out.insert(lit[..lit.find('"').unwrap()].to_string());
                }
            }
        } else {
            for (at, _) in src.match_indices("labels.") {
                let id: String = src[at + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                out.insert(id);
            }
        }
    }
}

#[test]
fn every_id_the_code_names_exists() {
    let mut used = BTreeSet::new();
    used_ids(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut used);
    assert!(used.len() > 60, "the scan found only {} ids: {used:?}", used.len());
    let en: BTreeSet<&str> = ids(Lang::En.source()).collect();
    let unknown: Vec<_> = used.iter().filter(|id| !en.contains(id.as_str())).collect();
    assert!(unknown.is_empty(), "the code names ids no catalogue has: {unknown:?}");
}

#[test]
fn numbers_follow_each_language() {
    let d = Decimal::from_str("2901786.00").unwrap();
    assert_eq!(money(Lang::En, d), "2,901,786.00");
    assert_eq!(money(Lang::Fr, d), "2\u{202F}901\u{202F}786,00");
    assert_eq!(money(Lang::Es, d), "2.901.786,00");
    assert_eq!(number(Lang::En, Decimal::from_str("169.960").unwrap()), "169.96");
    assert_eq!(number(Lang::En, Decimal::from(172)), "172");
    assert_eq!(
        number(Lang::Fr, Decimal::from_str("-1234.5").unwrap()),
        "-1\u{202F}234,5"
    );
    assert_eq!(percent(Lang::En, Decimal::from_str("103.43").unwrap()), "103.4%");
    assert_eq!(percent(Lang::Fr, Decimal::from(50)), "50\u{202F}%");
    assert_eq!(percent(Lang::Es, Decimal::from(100)), "100\u{a0}%");
}

#[test]
fn dates_follow_each_language() {
    let d = NaiveDate::from_ymd_opt(2023, 10, 1).unwrap();
    assert_eq!(date(Lang::En, d), "1 October 2023");
    assert_eq!(date(Lang::Fr, d), "1er octobre 2023");
    assert_eq!(date(Lang::Fr, d + chrono::Days::new(1)), "2 octobre 2023");
    assert_eq!(date(Lang::Es, d), "1 de octubre de 2023");
}

#[test]
fn arguments_are_printed_without_isolation_marks() {
    let page = message(Lang::En, "pdf-page", [("n", "2".into()), ("m", "9".into())]);
    assert_eq!(page, "Page 2 of 9");
    assert_eq!(text(Lang::Fr, "colon"), "\u{202F}:");
}

#[test]
fn an_unknown_id_prints_nothing_and_known_names_fall_back() {
    assert_eq!(text(Lang::En, "no-such-message"), "");
    assert_eq!(level(Lang::Fr, "output"), "Extrant");
    assert_eq!(level(Lang::Fr, "sub_output"), "Sub output");
    assert_eq!(dimension_value(Lang::Es, "women"), "mujeres");
    assert_eq!(dimension_value(Lang::Es, "PE"), "PE");
}

/// The report and the terminal word a status from the same message: a
/// milestone done late says so in both (the report used to drop it).
#[test]
fn the_report_and_the_terminal_say_the_same_sentence() {
    let due = NaiveDate::from_ymd_opt(2012, 12, 31).unwrap();
    let late = crate::compute::Reason::MilestoneDone {
        period: crate::model::Period::half(2013, 1),
        late_after: Some(due),
    };
    assert_eq!(
        plain_explanation(Status::Achieved, &late),
        "achieved: done (recorded for 2013-H1), after its due date 2012-12-31"
    );
    assert_eq!(
        explanation(
            Lang::En,
            crate::model::IndicatorType::Milestone,
            Status::Achieved,
            &late
        ),
        "Achieved: done (recorded for 2013-H1), after its due date 31 December 2012."
    );
}

/// The terminal's counts choose the singular by the count, as the
/// hand-written `if n == 1` did before the catalogues.
#[test]
fn terminal_counts_take_the_plural_of_their_count() {
    let findings = |e: usize, w: usize| {
        term_message(
            "check-findings",
            [
                ("summary", "starsom".into()),
                ("errors", e.into()),
                ("warnings", w.into()),
            ],
        )
    };
    assert_eq!(findings(1, 0), "starsom: 1 error, 0 warnings");
    assert_eq!(findings(2, 1), "starsom: 2 errors, 1 warning");
    assert_eq!(
        message(
            Lang::Fr,
            "history-counts",
            [
                ("rows", 1usize.into()),
                ("in_force", "1".into()),
                ("superseded", "0".into())
            ]
        ),
        "1 ligne, 1 en vigueur, 0 remplacées"
    );
    assert_eq!(term("history-waiting"), "waiting for review");
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "en.ftl has no message `col-no-such-column`")]
fn a_terminal_word_the_catalogue_lacks_stops_a_debug_build() {
    let _ = term("col-no-such-column");
}

/// Where `text` breaks French typography: a `; : ! ?` without a narrow
/// (or plain) no-break space before it, a `«` without one after it, a `»`
/// without one before it. Code (between backticks, or a `key: value` of
/// logframe.yaml such as `target_rule: step`) and `://` are left alone.
fn french_spacing_faults(text: &str) -> Vec<String> {
    let nbsp = |c: Option<char>| matches!(c, Some('\u{202f}' | '\u{a0}'));
    let chars: Vec<char> = text.chars().collect();
    let mut code = false;
    let mut out = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        if c == '`' {
            code = !code;
        }
        let fault = match c {
            _ if code => false,
            ':' if after == Some('/') => false,
            ':' if before.is_some_and(|b| b.is_ascii_lowercase() || b == '_') && after == Some(' ') => {
                // `target_rule: step`: a YAML key, written as in the file.
                let word: String = chars[..i]
                    .iter()
                    .rev()
                    .take_while(|c| !c.is_whitespace() && **c != '(')
                    .collect();
                !word.contains('_')
            }
            ';' | ':' | '!' | '?' => !nbsp(before),
            '«' => !nbsp(after),
            '»' => !nbsp(before),
            _ => false,
        };
        if fault {
            let from = i.saturating_sub(20);
            out.push(chars[from..(i + 1).min(chars.len())].iter().collect());
        }
    }
    out
}

#[test]
fn french_spacing_faults_are_found() {
    assert!(french_spacing_faults("Statut\u{202f}: en retard\u{202f}; «\u{202f}autre\u{202f}»").is_empty());
    assert!(french_spacing_faults("voir `logframe check: x` et https://x.org").is_empty());
    assert!(french_spacing_faults("(target_rule: step)").is_empty());
    assert_eq!(french_spacing_faults("Statut : x").len(), 1, "a plain space");
    assert_eq!(french_spacing_faults("Statut: x").len(), 1, "no space");
    assert_eq!(french_spacing_faults("a; b").len(), 1);
    assert_eq!(french_spacing_faults("« autre »").len(), 2);
    assert_eq!(french_spacing_faults("Vraiment ?").len(), 1);
}

/// French typography in every French message: a narrow no-break space
/// before `; : ! ?` and inside « ».
#[test]
fn french_messages_space_their_punctuation() {
    let faults: Vec<String> = Lang::Fr
        .source()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split_once(" = ").map_or(l, |(_, v)| v))
        .flat_map(french_spacing_faults)
        .collect();
    assert!(faults.is_empty(), "fr.ftl: {faults:#?}");
}

#[test]
fn calendar_quarters_and_halves_are_named_in_each_language() {
    use crate::model::Period;
    // English keeps the ledger's codes; French and Spanish name them.
    assert_eq!(period_name(Lang::En, &Period::quarter(2023, 3)), "2023-Q3");
    assert_eq!(period_name(Lang::Fr, &Period::quarter(2023, 3)), "T3 2023");
    assert_eq!(period_name(Lang::Es, &Period::half(2013, 2)), "S2 2013");
    assert_eq!(
        period_names(Lang::Fr, &[Period::quarter(2021, 2), Period::quarter(2023, 4)]),
        "T2 2021, T4 2023"
    );
    // Years and months keep their codes.
    assert_eq!(period_name(Lang::Fr, &Period::year(2012)), "2012");
    assert_eq!(period_name(Lang::Es, &Period::month(2023, 7)), "2023-07");
    // Fiscal years: FY2023-24 in English, 2023-2024 after a label.
    assert_eq!(fiscal_year(Lang::En, 2023, "fiscal-year-name"), "FY2023-24");
    assert_eq!(fiscal_year(Lang::Fr, 2023, "fiscal-year-name"), "exercice 2023-2024");
    assert_eq!(fiscal_year(Lang::Es, 2023, "fiscal-year-short"), "2023-2024");
}
