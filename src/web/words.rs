//! Every word of the web pages, in one table: (key, English, French,
//! Spanish). Templates read them as `w.KEY`. The figures, status labels and
//! report headings come from the report model, already in the user's
//! language. This table folds into the `src/locale/` catalogues when they
//! land.

use std::collections::BTreeMap;

use crate::users::UiLang;

const WORDS: &[(&str, &str, &str, &str)] = &[
    ("skip", "Skip to content", "Aller au contenu", "Ir al contenido"),
    ("sign_in", "Sign in", "Se connecter", "Iniciar sesión"),
    ("sign_out", "Sign out", "Se déconnecter", "Cerrar sesión"),
    ("user", "User name", "Nom d'utilisateur", "Nombre de usuario"),
    ("password", "Password", "Mot de passe", "Contraseña"),
    (
        "wrong",
        "Wrong user name or password.",
        "Nom d'utilisateur ou mot de passe incorrect.",
        "Nombre de usuario o contraseña incorrectos.",
    ),
    (
        "throttled",
        "Too many failed sign-ins. Wait this many seconds, then try again:",
        "Trop d'échecs de connexion. Attendez ce nombre de secondes, puis réessayez :",
        "Demasiados intentos fallidos. Espere estos segundos y vuelva a intentarlo:",
    ),
    ("signed_in_as", "Signed in as", "Connecté en tant que", "Sesión de"),
    ("frameworks", "Frameworks", "Cadres logiques", "Marcos lógicos"),
    (
        "no_frameworks",
        "No framework is shared with you yet.",
        "Aucun cadre logique ne vous est encore ouvert.",
        "Todavía no tiene acceso a ningún marco lógico.",
    ),
    ("framework", "Framework", "Cadre logique", "Marco lógico"),
    ("period", "Period", "Période", "Período"),
    ("show", "Show", "Afficher", "Mostrar"),
    ("indicators", "Indicators", "Indicateurs", "Indicadores"),
    ("status", "Status", "Statut", "Estado"),
    ("charts", "Charts", "Graphiques", "Gráficos"),
    ("funding", "Funding", "Financement", "Financiación"),
    (
        "summary_chart",
        "Percent of the target to date, per indicator",
        "Pourcentage de la cible à date, par indicateur",
        "Porcentaje de la meta a la fecha, por indicador",
    ),
    (
        "progress_chart",
        "Target and actual to date",
        "Cible et réalisé à date",
        "Meta y logro a la fecha",
    ),
    (
        "burn_chart",
        "Spending against time elapsed",
        "Dépenses et temps écoulé",
        "Gasto frente al tiempo transcurrido",
    ),
    (
        "all_frameworks",
        "All frameworks",
        "Tous les cadres logiques",
        "Todos los marcos lógicos",
    ),
    (
        "does_not_load",
        "This framework does not load:",
        "Ce cadre logique ne se charge pas :",
        "Este marco lógico no se carga:",
    ),
    (
        "check_hint",
        "Run `logframe check` in the workspace for the details.",
        "Lancez `logframe check` dans l'espace de travail pour le détail.",
        "Ejecute `logframe check` en el espacio de trabajo para ver el detalle.",
    ),
    (
        "no_funding",
        "No funding section.",
        "Aucune section financière.",
        "Sin sección financiera.",
    ),
    ("users", "Users", "Utilisateurs", "Usuarios"),
    ("role", "Role", "Rôle", "Rol"),
    ("language", "Language", "Langue", "Idioma"),
    ("countries", "Countries", "Pays", "Países"),
    ("all", "all", "tous", "todos"),
    (
        "forbidden",
        "You do not have access to this page.",
        "Vous n'avez pas accès à cette page.",
        "No tiene acceso a esta página.",
    ),
    (
        "not_found",
        "There is no such page.",
        "Cette page n'existe pas.",
        "Esta página no existe.",
    ),
    (
        "bad_request",
        "The request could not be used:",
        "La requête est inutilisable :",
        "No se pudo usar la solicitud:",
    ),
    (
        "csrf",
        "The form had expired. Load the page again and resubmit.",
        "Le formulaire avait expiré. Rechargez la page et renvoyez-le.",
        "El formulario había caducado. Vuelva a cargar la página y envíelo de nuevo.",
    ),
    ("error", "Error", "Erreur", "Error"),
    ("indicator", "Indicator", "Indicateur", "Indicador"),
    ("title", "Title", "Intitulé", "Título"),
    ("baseline", "Baseline", "Référence", "Línea de base"),
    ("this_period", "This period", "Cette période", "Este período"),
    ("to_date", "To date", "À date", "A la fecha"),
    ("target_to_date", "Target to date", "Cible à date", "Meta a la fecha"),
    ("end_target", "End target", "Cible finale", "Meta final"),
    ("percent_target", "% of target", "% de la cible", "% de la meta"),
];

fn pick(lang: UiLang, en: &'static str, fr: &'static str, es: &'static str) -> &'static str {
    match lang {
        UiLang::En => en,
        UiLang::Fr => fr,
        UiLang::Es => es,
    }
}

/// Every word in `lang`, for templates.
pub fn words(lang: UiLang) -> BTreeMap<&'static str, &'static str> {
    WORDS
        .iter()
        .map(|&(k, en, fr, es)| (k, pick(lang, en, fr, es)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_once_and_has_every_language() {
        let mut keys: Vec<&str> = WORDS.iter().map(|w| w.0).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), WORDS.len(), "a key appears twice");
        for (k, en, fr, es) in WORDS {
            assert!(!en.is_empty() && !fr.is_empty() && !es.is_empty(), "{k}");
        }
    }

    #[test]
    fn every_word_a_template_uses_is_in_the_table() {
        let known = words(UiLang::En);
        let mut used = 0;
        for (name, text) in super::super::pages::TEMPLATES {
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
                assert!(known.contains_key(key.as_str()), "{name} uses w.{key}");
                used += 1;
            }
        }
        assert!(used > 30, "the templates' words were found ({used})");
    }
}
