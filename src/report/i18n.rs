//! Fixed report texts in English, French and Spanish, and the number and
//! date formats of each language.
//!
//! Numbers are formatted here, in Rust, so that templates only place
//! finished strings. French uses U+202F (narrow no-break space) both as
//! thousands separator and before `%` and `:`, as the French national
//! typographic rules and CLDR do; Spanish groups with points.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::compute::{Reason, Status};
use crate::model::{IndicatorType, Thresholds, Value};

/// Narrow no-break space, French thousands separator.
pub const NNBSP: char = '\u{202F}';

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Es];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    fn pick(self, en: &'static str, fr: &'static str, es: &'static str) -> &'static str {
        match self {
            Lang::En => en,
            Lang::Fr => fr,
            Lang::Es => es,
        }
    }
}

/// Label key, English, French, Spanish.
const LABELS: &[(&str, &str, &str, &str)] = &[
    (
        "report_title",
        "Progress report",
        "Rapport d’étape",
        "Informe de avance",
    ),
    ("project_id", "Project", "Projet", "Proyecto"),
    (
        "funding",
        "Financial overview",
        "Aperçu financier",
        "Resumen financiero",
    ),
    (
        "pledged",
        "Pledged",
        "Contributions annoncées",
        "Contribuciones comprometidas",
    ),
    (
        "shortfall",
        "Shortfall",
        "Déficit de financement",
        "Déficit de financiación",
    ),
    ("spent", "Spent to date", "Dépensé à ce jour", "Gastado a la fecha"),
    ("remaining", "Remaining", "Solde", "Saldo"),
    (
        "spent_share",
        "Share of budget spent",
        "Part du budget dépensée",
        "Proporción del presupuesto gastada",
    ),
    (
        "elapsed_share",
        "Share of project time elapsed",
        "Part de la durée écoulée",
        "Proporción del plazo transcurrida",
    ),
    ("burn_rate", "Burn rate", "Rythme de dépense", "Ritmo de gasto"),
    (
        "pledges",
        "Pledges",
        "Contributions annoncées",
        "Contribuciones comprometidas",
    ),
    ("pledge_donor", "Donor", "Bailleur", "Donante"),
    ("pledge_date", "Date", "Date", "Fecha"),
    ("amount", "Amount", "Montant", "Importe"),
    (
        "budget_lines",
        "Spending by budget line",
        "Dépenses par ligne budgétaire",
        "Gasto por partida presupuestaria",
    ),
    ("budget_line", "Budget line", "Ligne budgétaire", "Partida"),
    ("allocation", "Allocation", "Dotation", "Asignación"),
    ("overspent", "overspent", "dépassement", "sobregiro"),
    (
        "burn_chart",
        "Cumulative spending against time elapsed",
        "Dépenses cumulées et temps écoulé",
        "Gasto acumulado frente al tiempo transcurrido",
    ),
    (
        "burn_spent",
        "Spent (% of budget)",
        "Dépensé (% du budget)",
        "Gastado (% del presupuesto)",
    ),
    (
        "burn_time",
        "Time elapsed (%)",
        "Temps écoulé (%)",
        "Tiempo transcurrido (%)",
    ),
    (
        "no_budget_line",
        "no budget line",
        "sans ligne budgétaire",
        "sin partida",
    ),
    ("iati_id", "IATI identifier", "Identifiant IITA", "Identificador IATI"),
    ("donor", "Donor", "Bailleur de fonds", "Donante"),
    (
        "implementer",
        "Implementing organisation",
        "Organisation d’exécution",
        "Organismo de ejecución",
    ),
    (
        "reporting_period",
        "Reporting period",
        "Période visée",
        "Período del informe",
    ),
    ("fiscal_year", "Fiscal year", "Exercice financier", "Ejercicio fiscal"),
    (
        "project_dates",
        "Project dates",
        "Dates du projet",
        "Fechas del proyecto",
    ),
    ("budget", "Budget", "Budget", "Presupuesto"),
    ("countries", "Countries", "Pays", "Países"),
    ("generated", "Generated on", "Produit le", "Generado el"),
    ("as_of", "Ledger as of", "Registre arrêté au", "Registro al"),
    (
        "description",
        "Project description",
        "Description du projet",
        "Descripción del proyecto",
    ),
    (
        "executive_summary",
        "Executive summary",
        "Sommaire",
        "Resumen ejecutivo",
    ),
    (
        "indicators_by_status",
        "Indicators by status",
        "Indicateurs par statut",
        "Indicadores por estado",
    ),
    ("status", "Status", "Statut", "Estado"),
    ("indicators", "Indicators", "Indicateurs", "Indicadores"),
    ("total", "Total", "Total", "Total"),
    (
        "headlines",
        "Headline achievements",
        "Principales réalisations",
        "Logros principales",
    ),
    (
        "attention",
        "Indicators off track or at risk",
        "Indicateurs en retard ou à risque",
        "Indicadores retrasados o en riesgo",
    ),
    ("none", "None.", "Aucun.", "Ninguno."),
    ("results", "Results", "Résultats", "Resultados"),
    ("outcomes", "Outcomes", "Résultats", "Resultados"),
    ("outputs", "Outputs", "Extrants", "Productos"),
    ("indicator", "Indicator", "Indicateur", "Indicador"),
    ("unit", "Unit", "Unité", "Unidad"),
    ("baseline", "Baseline", "Référence", "Línea de base"),
    ("target_period", "Target (period)", "Cible (période)", "Meta (período)"),
    ("target_to_date", "Target to date", "Cible à date", "Meta a la fecha"),
    (
        "end_target",
        "End-of-project target",
        "Cible de fin de projet",
        "Meta al final del proyecto",
    ),
    (
        "actual_period",
        "Actual (period)",
        "Réel (période)",
        "Logrado (período)",
    ),
    ("actual_to_date", "Actual to date", "Réel à date", "Logrado a la fecha"),
    (
        "percent_to_date",
        "% of target to date",
        "% de la cible à date",
        "% de la meta a la fecha",
    ),
    (
        "percent_of_end",
        "% of end target",
        "% de la cible finale",
        "% de la meta final",
    ),
    ("explanation", "Status", "Statut", "Estado"),
    ("assessment", "Assessment", "Appréciation", "Valoración"),
    ("disaggregation", "Disaggregation", "Ventilation", "Desagregación"),
    (
        "comments",
        "Comments recorded with the values",
        "Commentaires saisis avec les valeurs",
        "Comentarios registrados con los valores",
    ),
    ("assumptions", "Assumptions", "Hypothèses", "Supuestos"),
    ("chart", "Progress chart", "Graphique d’avancement", "Gráfico de avance"),
    (
        "summary_chart",
        "Percent of the target to date, by indicator",
        "Pourcentage de la cible à date, par indicateur",
        "Porcentaje de la meta a la fecha, por indicador",
    ),
    ("chart_target", "Target", "Cible", "Meta"),
    ("chart_actual", "Actual to date", "Réel à date", "Logrado a la fecha"),
    ("narrative", "Narrative", "Exposé narratif", "Narrativa"),
    (
        "no_narrative",
        "No narrative was written for this period.",
        "Aucun exposé narratif n’a été rédigé pour cette période.",
        "No se redactó ninguna narrativa para este período.",
    ),
    (
        "missing_explanation",
        "Indicators off track or at risk that the narrative does not explain",
        "Indicateurs en retard ou à risque que l’exposé narratif n’explique pas",
        "Indicadores retrasados o en riesgo que la narrativa no explica",
    ),
    (
        "annex_pmf",
        "Annex A: Performance measurement framework",
        "Annexe A : Cadre de mesure du rendement",
        "Anexo A: Marco de medición del desempeño",
    ),
    ("definition", "Definition", "Définition", "Definición"),
    ("data_source", "Data source", "Source des données", "Fuente de datos"),
    (
        "collection_method",
        "Collection method",
        "Méthode de collecte",
        "Método de recolección",
    ),
    ("frequency", "Frequency", "Fréquence", "Frecuencia"),
    ("responsible", "Responsibility", "Responsabilité", "Responsable"),
    (
        "annex_quality",
        "Annex B: Data-quality notes",
        "Annexe B : Notes sur la qualité des données",
        "Anexo B: Notas sobre la calidad de los datos",
    ),
    (
        "no_quality_notes",
        "No data-quality issue was found.",
        "Aucun problème de qualité des données n’a été relevé.",
        "No se encontró ningún problema de calidad de datos.",
    ),
    ("level", "Level", "Niveau", "Nivel"),
    ("result", "Result", "Résultat", "Resultado"),
    ("colon", ":", "\u{202F}:", ":"),
    ("yes", "yes", "oui", "sí"),
    ("no", "no", "non", "no"),
];

/// Every label of a language, for templates (`labels.baseline`).
pub fn labels(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    LABELS
        .iter()
        .map(|&(k, en, fr, es)| (k, lang.pick(en, fr, es)))
        .collect()
}

/// One label; panics on an unknown key (a programming error).
pub fn label(lang: Lang, key: &str) -> &'static str {
    let &(_, en, fr, es) = LABELS
        .iter()
        .find(|l| l.0 == key)
        .unwrap_or_else(|| panic!("no label `{key}`"));
    lang.pick(en, fr, es)
}

pub fn status(lang: Lang, s: Status) -> &'static str {
    match s {
        Status::Achieved => lang.pick("achieved", "atteint", "logrado"),
        Status::OnTrack => lang.pick("on track", "en bonne voie", "según lo previsto"),
        Status::AtRisk => lang.pick("at risk", "à risque", "en riesgo"),
        Status::OffTrack => lang.pick("off track", "en retard", "retrasado"),
        Status::NoData => lang.pick("no data", "aucune donnée", "sin datos"),
        Status::NotYetDue => lang.pick("not yet due", "pas encore dû", "aún no previsto"),
        Status::NoTarget => lang.pick("no target", "sans cible", "sin meta"),
    }
}

/// The name of a results level (`intermediate_outcome`); unknown levels
/// are shown as written, underscores as spaces.
pub fn level(lang: Lang, level: &str) -> String {
    let known = match level {
        "ultimate_outcome" => lang.pick("Ultimate outcome", "Résultat ultime", "Resultado final"),
        "intermediate_outcome" => lang.pick("Intermediate outcome", "Résultat intermédiaire", "Resultado intermedio"),
        "immediate_outcome" => lang.pick("Immediate outcome", "Résultat immédiat", "Resultado inmediato"),
        "output" => lang.pick("Output", "Extrant", "Producto"),
        "outcome" => lang.pick("Outcome", "Effet", "Efecto"),
        "impact" => lang.pick("Impact", "Impact", "Impacto"),
        "objective" => lang.pick("Objective", "Objectif", "Objetivo"),
        "activity" => lang.pick("Activity", "Activité", "Actividad"),
        _ => "",
    };
    if known.is_empty() {
        capitalise(&level.replace('_', " "))
    } else {
        known.to_string()
    }
}

/// The name of a disaggregation dimension.
pub fn dimension(lang: Lang, name: &str) -> String {
    match name {
        "sex" => lang.pick("Sex", "Sexe", "Sexo").into(),
        "country" => lang.pick("Country", "Pays", "País").into(),
        "region" => lang.pick("Region", "Région", "Región").into(),
        "age" => lang.pick("Age", "Âge", "Edad").into(),
        _ => name.replace('_', " "),
    }
}

/// A value of a disaggregation dimension (`women`, `PE`).
pub fn dimension_value(lang: Lang, value: &str) -> String {
    match value {
        "women" => lang.pick("women", "femmes", "mujeres").into(),
        "men" => lang.pick("men", "hommes", "hombres").into(),
        "other" => lang.pick("other", "autre", "otro").into(),
        "girls" => lang.pick("girls", "filles", "niñas").into(),
        "boys" => lang.pick("boys", "garçons", "niños").into(),
        _ => value.replace('_', " "),
    }
}

/// The first letter in upper case: `à risque` -> `À risque`.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

const MONTHS: [[&str; 12]; 3] = [
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
];

pub fn month(lang: Lang, m: u32) -> &'static str {
    MONTHS[lang as usize][(m as usize + 11) % 12]
}

/// `30 September 2023`, `1er octobre 2023`, `30 de septiembre de 2023`.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    let m = month(lang, d.month());
    match lang {
        Lang::En => format!("{} {m} {}", d.day(), d.year()),
        Lang::Fr if d.day() == 1 => format!("1er {m} {}", d.year()),
        Lang::Fr => format!("{} {m} {}", d.day(), d.year()),
        Lang::Es => format!("{} de {m} de {}", d.day(), d.year()),
    }
}

/// `1 July 2023 – 30 September 2023`.
pub fn date_range(lang: Lang, start: NaiveDate, end: NaiveDate) -> String {
    format!("{} – {}", date(lang, start), date(lang, end))
}

/// A decimal with `dp` decimals, grouped in thousands; with `trim`,
/// trailing zeros (and a bare decimal separator) are dropped.
pub fn number_dp(lang: Lang, d: Decimal, dp: u32, trim: bool) -> String {
    let (group, point) = match lang {
        Lang::En => (",".to_string(), '.'),
        Lang::Fr => (NNBSP.to_string(), ','),
        Lang::Es => (".".to_string(), ','),
    };
    let mut r = d.round_dp(dp);
    r.rescale(dp);
    let text = r.abs().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = if trim { frac.trim_end_matches('0') } else { frac };
    let mut out = String::new();
    if r.is_sign_negative() && !r.is_zero() {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push_str(&group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// A figure: up to two decimals, no trailing zeros (`169.96`, `172`).
pub fn number(lang: Lang, d: Decimal) -> String {
    number_dp(lang, d, 2, true)
}

/// An amount of money: always two decimals (`2,901,786.00`).
pub fn money(lang: Lang, d: Decimal) -> String {
    number_dp(lang, d, 2, false)
}

/// A percentage with one decimal at most: `103.4%`, `103,4 %`.
pub fn percent(lang: Lang, d: Decimal) -> String {
    let n = number_dp(lang, d, 1, true);
    match lang {
        Lang::En => format!("{n}%"),
        Lang::Fr => format!("{n}{NNBSP}%"),
        Lang::Es => format!("{n}\u{a0}%"),
    }
}

/// A figure as a reader expects it for an indicator of `kind`: `yes`/`no`
/// for a milestone, else the number (a percentage for percentage
/// indicators).
pub fn figure(lang: Lang, kind: IndicatorType, d: Decimal) -> String {
    match kind {
        IndicatorType::Milestone => label(lang, if d.is_zero() { "no" } else { "yes" }).to_string(),
        IndicatorType::Percentage => percent(lang, d),
        _ => number(lang, d),
    }
}

/// A recorded value for a table cell: `80.8% (21/26)`, `yes`, `3`. The
/// text of a qualitative value is left out (shown as the assessment).
pub fn value(lang: Lang, v: &Value) -> String {
    match v {
        Value::Number { value } => number(lang, *value),
        Value::Ratio { numerator, denominator } => match v.figure() {
            Some(p) => format!(
                "{} ({}/{})",
                percent(lang, p),
                number(lang, *numerator),
                number(lang, *denominator)
            ),
            None => format!("{}/{}", number(lang, *numerator), number(lang, *denominator)),
        },
        Value::Flag { done } => label(lang, if *done { "yes" } else { "no" }).to_string(),
        Value::Text { text, score } => match score {
            Some(s) => number(lang, *s),
            None => text.to_string(),
        },
    }
}

/// `status: reason`, the one-sentence explanation of a status.
/// `done_in` is the period a milestone was recorded as done.
pub fn explanation(lang: Lang, kind: IndicatorType, s: Status, reason: &Reason, done_in: Option<&str>) -> String {
    let f = |d: &Decimal| figure(lang, kind, *d);
    let dt = |d: &NaiveDate| date(lang, *d);
    let text = match reason {
        Reason::Reached { actual, target } => match lang {
            Lang::En => format!("{} reached the end-of-project target of {}", f(actual), f(target)),
            Lang::Fr => format!("{} atteint la cible de fin de projet de {}", f(actual), f(target)),
            Lang::Es => format!("{} alcanza la meta al final del proyecto de {}", f(actual), f(target)),
        },
        Reason::MilestoneDone { .. } => {
            let p = done_in.unwrap_or("");
            match lang {
                Lang::En => format!("done (recorded for {p})"),
                Lang::Fr => format!("réalisé (saisi pour {p})"),
                Lang::Es => format!("realizado (registrado para {p})"),
            }
        }
        Reason::MilestoneOverdue { due } => match lang {
            Lang::En => format!("due by {} and not recorded as done", dt(due)),
            Lang::Fr => format!("prévu pour le {} et non saisi comme réalisé", dt(due)),
            Lang::Es => format!("previsto para el {} y no registrado como realizado", dt(due)),
        },
        Reason::MilestoneNotDue { due } => match lang {
            Lang::En => format!("due by {}", dt(due)),
            Lang::Fr => format!("prévu pour le {}", dt(due)),
            Lang::Es => format!("previsto para el {}", dt(due)),
        },
        Reason::NothingExpectedYet { by } => match lang {
            Lang::En => format!("no progress is expected by {}", dt(by)),
            Lang::Fr => format!("aucun progrès n’est attendu au {}", dt(by)),
            Lang::Es => format!("no se espera ningún avance al {}", dt(by)),
        },
        Reason::Missing { by, expected } => match lang {
            Lang::En => format!("no value recorded by {}, when {} was expected", dt(by), f(expected)),
            Lang::Fr => format!(
                "aucune valeur saisie au {}, alors que {} était attendu",
                dt(by),
                f(expected)
            ),
            Lang::Es => format!(
                "ningún valor registrado al {}, cuando se esperaba {}",
                dt(by),
                f(expected)
            ),
        },
        Reason::Progress {
            actual,
            expected,
            start,
            by,
            percent: p,
            thresholds,
        } => progress_sentence(lang, kind, (actual, expected, start), by, p, thresholds),
        Reason::TargetEqualsBaseline { target } => match lang {
            Lang::En => format!(
                "the target in force ({}) equals the baseline, so progress is undefined",
                f(target)
            ),
            Lang::Fr => format!(
                "la cible en vigueur ({}) est égale à la référence : le progrès n’est pas défini",
                f(target)
            ),
            Lang::Es => format!(
                "la meta vigente ({}) es igual a la línea de base, por lo que el avance no está definido",
                f(target)
            ),
        },
        Reason::NoTarget => lang
            .pick(
                "no target is set",
                "aucune cible n’est fixée",
                "no se ha fijado ninguna meta",
            )
            .into(),
        Reason::NoTargetNoData => lang
            .pick(
                "no target is set and no value is recorded",
                "aucune cible n’est fixée et aucune valeur n’est saisie",
                "no se ha fijado ninguna meta ni registrado ningún valor",
            )
            .into(),
    };
    let colon = if lang == Lang::Fr {
        format!("{NNBSP}:")
    } else {
        ":".into()
    };
    format!("{}{colon} {text}.", capitalise(status(lang, s)))
}

fn progress_sentence(
    lang: Lang,
    kind: IndicatorType,
    (actual, expected, start): (&Decimal, &Decimal, &Decimal),
    by: &NaiveDate,
    p: &Decimal,
    t: &Thresholds,
) -> String {
    let f = |d: &Decimal| figure(lang, kind, *d);
    let pc = |d: &Decimal| percent(lang, *d);
    let verdict = if p >= &t.on_track {
        match lang {
            Lang::En => format!("at least {} is on track", pc(&t.on_track)),
            Lang::Fr => format!("au moins {} : en bonne voie", pc(&t.on_track)),
            Lang::Es => format!("desde {} se considera según lo previsto", pc(&t.on_track)),
        }
    } else if p >= &t.at_risk {
        match lang {
            Lang::En => format!("below {} is at risk", pc(&t.on_track)),
            Lang::Fr => format!("moins de {} : à risque", pc(&t.on_track)),
            Lang::Es => format!("por debajo de {} se considera en riesgo", pc(&t.on_track)),
        }
    } else {
        match lang {
            Lang::En => format!("below {} is off track", pc(&t.at_risk)),
            Lang::Fr => format!("moins de {} : en retard", pc(&t.at_risk)),
            Lang::Es => format!("por debajo de {} se considera retrasado", pc(&t.at_risk)),
        }
    };
    let verdict = verdict.replace(" : ", &format!("{NNBSP}: "));
    let by = date(lang, *by);
    let from = if start.is_zero() {
        String::new()
    } else {
        match lang {
            Lang::En => format!(", from a baseline of {}", f(start)),
            Lang::Fr => format!(", à partir d’une référence de {}", f(start)),
            Lang::Es => format!(", desde una línea de base de {}", f(start)),
        }
    };
    let colon = if lang == Lang::Fr {
        format!("{NNBSP}:")
    } else {
        ":".into()
    };
    match lang {
        Lang::En => format!(
            "{} against {} expected by {by}{from}{colon} {} of the expected progress ({verdict})",
            f(actual),
            f(expected),
            pc(p)
        ),
        Lang::Fr => format!(
            "{} pour {} attendu au {by}{from}{colon} {} du progrès attendu ({verdict})",
            f(actual),
            f(expected),
            pc(p)
        ),
        Lang::Es => format!(
            "{} frente a {} esperado al {by}{from}{colon} {} del avance esperado ({verdict})",
            f(actual),
            f(expected),
            pc(p)
        ),
    }
}

/// One sentence on the pace of spending: spent share against elapsed share.
pub fn burn_sentence(lang: Lang, spent: Decimal, elapsed: Decimal, rate: Decimal) -> String {
    let (s, e, r) = (percent(lang, spent), percent(lang, elapsed), number(lang, rate));
    let ahead = rate > Decimal::ONE;
    match lang {
        Lang::En => format!(
            "{s} of the budget is spent after {e} of the project's time: a burn rate of {r}, {}.",
            if ahead {
                "spending runs ahead of time"
            } else if rate < Decimal::ONE {
                "spending runs behind time"
            } else {
                "spending is in step with time"
            }
        ),
        Lang::Fr => format!(
            "{s} du budget est dépensé après {e} de la durée du projet{NNBSP}: un rythme de {r}, {}.",
            if ahead {
                "la dépense devance le calendrier"
            } else if rate < Decimal::ONE {
                "la dépense est en retard sur le calendrier"
            } else {
                "la dépense suit le calendrier"
            }
        ),
        Lang::Es => format!(
            "Se ha gastado el {s} del presupuesto tras el {e} del plazo del proyecto: un ritmo de {r}, {}.",
            if ahead {
                "el gasto va por delante del calendario"
            } else if rate < Decimal::ONE {
                "el gasto va por detrás del calendario"
            } else {
                "el gasto sigue el calendario"
            }
        ),
    }
}

/// The stated shortfall of a source set against budget − pledged.
pub fn shortfall_note(lang: Lang, currency: &str, stated: Decimal, computed: Decimal) -> String {
    let (st, co) = (money(lang, stated), money(lang, computed));
    match lang {
        Lang::En => {
            format!("The source states a shortfall of {currency} {st}; budget − pledged gives {currency} {co}.")
        }
        Lang::Fr => format!(
            "La source indique un déficit de {currency} {st}{NNBSP}; budget − contributions donne {currency} {co}."
        ),
        Lang::Es => {
            format!("La fuente indica un déficit de {currency} {st}; presupuesto − contribuciones da {currency} {co}.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

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
        assert_eq!(percent(Lang::Es, Decimal::from(100)), "100\u{a0}%");
    }

    #[test]
    fn dates_follow_each_language() {
        let d = NaiveDate::from_ymd_opt(2023, 10, 1).unwrap();
        assert_eq!(date(Lang::En, d), "1 October 2023");
        assert_eq!(date(Lang::Fr, d), "1er octobre 2023");
        assert_eq!(date(Lang::Es, d), "1 de octubre de 2023");
    }

    #[test]
    fn every_label_exists_in_every_language() {
        for l in Lang::ALL {
            assert_eq!(labels(l).len(), LABELS.len());
            assert!(labels(l).values().all(|v| !v.is_empty()));
        }
    }
}
