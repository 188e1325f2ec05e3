# Français.
# Every message id exists in every language (a test checks it, and that
# each message takes the same arguments). Ids without a hyphen are the
# report's labels, given whole to the templates (`labels.baseline`).
# Invisible characters: U+202F (narrow no-break space, French thousands
# and before `:`, `;`, `%`), U+00A0 (no-break space, Spanish before `%`).

## Labels of the report.

report_title = Rapport d’étape
project_id = Projet
funding = Aperçu financier
pledged = Contributions annoncées
shortfall = Déficit de financement
spent = Dépensé à ce jour
remaining = Solde
spent_share = Part du budget dépensée
elapsed_share = Part de la durée écoulée
burn_rate = Rythme de dépense
pledges = Contributions annoncées
pledge_donor = Bailleur
pledge_date = Date
amount = Montant
budget_lines = Dépenses par ligne budgétaire
budget_line = Ligne budgétaire
allocation = Dotation
overspent = dépassement
burn_chart = Dépenses cumulées et temps écoulé
burn_spent = Dépensé (% du budget)
burn_time = Temps écoulé (%)
no_budget_line = sans ligne budgétaire
iati_id = Identifiant IITA
donor = Bailleur de fonds
implementer = Organisation d’exécution
reporting_period = Période visée
fiscal_year = Exercice financier
project_dates = Dates du projet
budget = Budget
countries = Pays
generated = Produit le
as_of = Registre arrêté au
description = Description du projet
executive_summary = Sommaire
indicators_by_status = Indicateurs par statut
status = Statut
indicators = Indicateurs
total = Total
headlines = Principales réalisations
attention = Indicateurs en retard ou à risque
none = Aucun.
results = Résultats
outcomes = Résultats
outputs = Extrants
indicator = Indicateur
unit = Unité
baseline = Référence
target_period = Cible (période)
target_to_date = Cible à date
end_target = Cible de fin de projet
actual_period = Réel (période)
actual_to_date = Réel à date
percent_to_date = % de la cible à date
percent_of_end = % de la cible finale
explanation = Statut
assessment = Appréciation
disaggregation = Ventilation
comments = Commentaires saisis avec les valeurs
assumptions = Hypothèses
chart = Graphique d’avancement
summary_chart = Pourcentage de la cible à date, par indicateur
chart_target = Cible
chart_actual = Réel à date
narrative = Exposé narratif
no_narrative = Aucun exposé narratif n’a été rédigé pour cette période.
missing_explanation = Indicateurs en retard ou à risque que l’exposé narratif n’explique pas
annex_pmf = Annexe A : Cadre de mesure du rendement
definition = Définition
data_source = Source des données
collection_method = Méthode de collecte
frequency = Fréquence
responsible = Responsabilité
annex_quality = Annexe B : Notes sur la qualité des données
no_quality_notes = Aucun problème de qualité des données n’a été relevé.
level = Niveau
result = Résultat
colon =  :
yes = oui
no = non

## Mots des explications de statut.

status-achieved = atteint
status-on_track = en bonne voie
status-at_risk = à risque
status-off_track = en retard
status-no_data = aucune donnée
status-not_yet_due = pas encore dû
status-no_target = sans cible
status-sentence = { $status } : { $reason }.
reason-reached = { $actual } atteint la cible de fin de projet de { $target }
reason-milestone-done = réalisé (saisi pour { $period })
reason-milestone-done-late = réalisé (saisi pour { $period }), après sa date d’échéance du { $due }
reason-milestone-overdue = prévu pour le { $due } et non saisi comme réalisé
reason-milestone-not-due = prévu pour le { $due }
reason-nothing-expected = aucun progrès n’est attendu au { $by }
reason-missing = aucune valeur saisie au { $by }, alors que { $expected } était attendu
reason-progress = { $actual } pour { $expected } attendu au { $by } : { $percent } du progrès attendu ({ $verdict })
reason-progress-from = { $actual } pour { $expected } attendu au { $by }, à partir d’une référence de { $start } : { $percent } du progrès attendu ({ $verdict })
verdict-on-track = au moins { $threshold } : en bonne voie
verdict-at-risk = moins de { $threshold } : à risque
verdict-off-track = moins de { $threshold } : en retard
reason-target-equals-baseline = la cible en vigueur ({ $target }) est égale à la référence : le progrès n’est pas défini
reason-no-target = aucune cible n’est fixée
reason-no-target-no-data = aucune cible n’est fixée et aucune valeur n’est saisie

## Les autres phrases du rapport.

summary-headline = { $actual }{ $unit } pour une cible de fin de projet de { $target } ({ $percent } de la cible)
burn-sentence = { $spent } du budget est dépensé après { $elapsed } de la durée du projet : un rythme de { $rate }, { $pace ->
        [ahead] la dépense devance le calendrier
        [behind] la dépense est en retard sur le calendrier
       *[in-step] la dépense suit le calendrier
    }.
shortfall-note = La source indique un déficit de { $currency } { $stated } ; budget − contributions donne { $currency } { $computed }.

## Niveaux de résultats, dimensions de ventilation et leurs valeurs.

level-ultimate_outcome = Résultat ultime
level-intermediate_outcome = Résultat intermédiaire
level-immediate_outcome = Résultat immédiat
level-output = Extrant
level-outcome = Effet
level-impact = Impact
level-objective = Objectif
level-activity = Activité
dimension-sex = Sexe
dimension-country = Pays
dimension-region = Région
dimension-age = Âge
dimension-value-women = femmes
dimension-value-men = hommes
dimension-value-other = autre
dimension-value-girls = filles
dimension-value-boys = garçons

## Mots que seul le PDF imprime.

pdf-contents = Table des matières
pdf-page = Page { $n } sur { $m }
pdf-progress = Progression

## Nombres et dates.

number-group =  
number-point = ,
percent = { $n } %
date = { $day ->
        [1] 1er
       *[other] { $day }
    } { $month } { $year }
date-range = { $start } – { $end }

## Les phrases de la commande funding (terminal).

funding-check-agrees = concorde
funding-check-less = déclaré inférieur de { $gap }
funding-check-more = déclaré supérieur de { $gap }
funding-shortfall-agrees = le déficit déclaré { $currency } { $stated } concorde avec budget - contributions
funding-shortfall-differs = le déficit déclaré { $currency } { $stated } ne concorde pas{" "}: budget - contributions donne { $computed }, la source indique { $gap } de { $way ->
        [less] moins
       *[more] plus
    }
funding-burn-undefined = non défini (aucun temps écoulé ou aucun budget)
funding-burn-in-step = { $rate } (la dépense suit le temps)
funding-burn-slower = { $rate } (la dépense est plus lente que le temps)
funding-burn-faster = { $rate } (la dépense est plus rapide que le temps)
funding-portfolio-title = portefeuille de financement{" "}: { $count } { $count ->
        [one] projet
       *[other] projets
    }

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Les pages web (logframe serve)
web-skip = Aller au contenu
web-sign-in = Se connecter
web-sign-out = Se déconnecter
web-user = Nom d'utilisateur
web-password = Mot de passe
web-wrong = Nom d'utilisateur ou mot de passe incorrect.
web-throttled = Trop d'échecs de connexion. Attendez ce nombre de secondes, puis réessayez :
web-signed-in-as = Connecté en tant que
web-frameworks = Cadres logiques
web-no-frameworks = Aucun cadre logique ne vous est encore ouvert.
web-framework = Cadre logique
web-period = Période
web-show = Afficher
web-indicators = Indicateurs
web-status = Statut
web-charts = Graphiques
web-funding = Financement
web-summary-chart = Pourcentage de la cible à date, par indicateur
web-progress-chart = Cible et réalisé à date
web-burn-chart = Dépenses et temps écoulé
web-all-frameworks = Tous les cadres logiques
web-does-not-load = Ce cadre logique ne se charge pas :
web-check-hint = Lancez `logframe check` dans l'espace de travail pour le détail.
web-no-funding = Aucune section financière.
web-users = Utilisateurs
web-role = Rôle
web-language = Langue
web-countries = Pays
web-all = tous
web-forbidden = Vous n'avez pas accès à cette page.
web-not-found = Cette page n'existe pas.
web-bad-request = La requête est inutilisable :
web-csrf = Le formulaire avait expiré. Rechargez la page et renvoyez-le.
web-error = Erreur
web-indicator = Indicateur
web-title = Intitulé
web-baseline = Référence
web-this-period = Cette période
web-to-date = À date
web-target-to-date = Cible à date
web-end-target = Cible finale
web-percent-target = % de la cible
web-enter = Saisir des valeurs
web-enter-title = Valeurs de la période
web-enter-intro = Chaque indicateur attendu pour cette période, prérempli avec les valeurs en vigueur. Seules les cellules modifiées sont enregistrées, toutes ou aucune.
web-save = Enregistrer
web-value = Valeur
web-numerator = Numérateur
web-denominator = Dénominateur
web-score = Note
web-text = Texte
web-yes = oui
web-no = non
web-not-given = non renseigné
web-total = Total
web-breakdown = Ventilation
web-unit = Unité
web-errors-nothing-saved = Certaines valeurs comportent des erreurs, signalées à côté de chacune. Rien n'a été enregistré.
web-nothing-changed = Aucune valeur modifiée : rien à enregistrer.
web-saved = Enregistré.
web-new-values = nouvelles valeurs
web-corrections = corrections
web-waiting = en attente de validation
web-rejected-by = Rejeté par
web-waiting-value = En attente de validation :
web-country-only = Les indicateurs sans ventilation par pays sont saisis par les utilisateurs sans restriction de pays :
web-nothing-due = Aucun indicateur n'est attendu pour cette période.
web-queue = En attente de validation
web-queue-empty = Rien n'attend de validation.
web-replaces = Remplace
web-nothing-in-force = rien en vigueur
web-entered-by = Saisi par
web-approve = Approuver
web-reject = Rejeter
web-comment = Commentaire
web-reject-comment = Commentaire (obligatoire pour rejeter)
web-decision = Décision
web-history = Historique
web-explanation = Comment le chiffre est obtenu
web-recorded-at = Enregistré le
web-by = Par
web-state = État
web-in-force = en vigueur
web-superseded = remplacé
web-approved-by = approuvé par
web-rejection-by = rejet par
web-entered-approved = saisi, approuvé par
web-entered-rejected = saisi, rejeté par
web-entered-unreviewed = saisi, non examiné, remplacé
web-no-rows = Aucune valeur enregistrée.
web-downloads = Téléchargements
web-report-pdf = Rapport (PDF)
web-report-md = Rapport (Markdown et graphiques, zip)
web-iptt-xlsx = Tableau de suivi (xlsx)
web-iptt-csv = Tableau de suivi (CSV)
web-iati-xml = IATI XML
web-report-language = Langue du rapport
web-download = Télécharger
web-english = anglais
web-french = français
web-spanish = espagnol
web-dashboard = Tableau de bord
web-open-indicator = Ouvrir la page de l'indicateur
web-reject-needs-comment = Un rejet demande un commentaire qui dit quoi corriger.
