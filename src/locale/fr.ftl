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
this_period = Cette période
percent_spent = % dépensé
variance = Écart
spending_explanation = Explication
forecast = Prévision
forecast_basis = Base
not_recorded = non saisi
forecast_written = prévision écrite
forecast_average = prévision (dépense moyenne par période)
spent_this_period = Dépensé cette période
variance_overall = Écart par rapport au budget au prorata du temps
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
headlines_rule = Choisies selon une règle : les indicateurs qui ont atteint leur cible de fin de projet pendant la période, puis les jalons réalisés, puis les extrants au niveau de leur cible en vigueur ou au-delà ; jamais un indicateur en baisse depuis la période précédente ; trois au plus, les plus avancés d’abord.
attention = Indicateurs en retard, à risque ou non atteints
none = Aucun.
results = Résultats
outcomes = Résultats
outputs = Extrants
indicator = Indicateur
unit = Unité
baseline = Référence
target_period = Cible (période)
target_to_date = Attendu à ce jour
end_target = Cible de fin de projet
actual_period = Réel (période)
actual_to_date = Réel à ce jour
percent_to_date = % de l’attendu à ce jour
percent_of_end = % de la cible finale
explanation = Statut
assessment = Appréciation
disaggregation = Ventilation
comments = Commentaires saisis avec les valeurs
assumptions = Hypothèses
chart = Graphique d’avancement
summary_chart = Pourcentage de la cible à ce jour, par indicateur
chart_target = Cible
chart_actual = Réel à ce jour
narrative = Exposé narratif
no_narrative = Aucun exposé narratif n’a été rédigé pour cette période.
annex_pmf = Annexe A : Cadre de mesure du rendement
definition = Définition
data_source = Source des données
collection_method = Méthode de collecte
frequency = Fréquence
responsible = Responsabilité
annex_quality = Annexe B : Notes sur la qualité des données
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
status-not_achieved = non atteint
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
reason-not-achieved = { $actual } à la fin du projet, pour une cible de { $target } : { $percent } de la cible
reason-not-achieved-from = { $actual } à la fin du projet, pour une cible de { $target } à partir d’une référence de { $start } : { $percent } du chemin de la référence à la cible
reason-had-reached = { $reason }, après avoir atteint { $from } en { $period }
reason-fell-back = redescendu de { $from } ({ $period }) à { $actual }, sous la cible de fin de projet de { $target } ; { $progress }

## Les autres phrases du rapport.

summary-headline = { $actual }{ $unit } pour une cible de fin de projet de { $target } ({ $percent } de la cible)
report-target-rule-interpolate = Cibles : les cibles de fin de projet et de période sont celles convenues dans le cadre logique ; la valeur attendue à ce jour est interpolée par jours entre elles, en unités entières pour les dénombrements (les statuts utilisent la valeur exacte).
report-target-rule-step = Cibles : les cibles de fin de projet et de période sont celles convenues dans le cadre logique ; la valeur attendue à ce jour est la dernière cible convenue échue à la fin de la période, maintenue jusqu’à la suivante.
report-target-rule-except-step = Pour { $ids }, la valeur attendue à ce jour est plutôt la dernière cible convenue échue à la fin de la période.
report-target-rule-except-interpolate = Pour { $ids }, la valeur attendue à ce jour est plutôt interpolée par jours entre les cibles convenues.
note-percent-ratio = Le % de la cible finale des totaux cumulés et des autres valeurs comptées depuis zéro est la valeur à ce jour divisée par la cible finale : { $actual } / { $target } = { $percent } ({ $id }).
note-percent-level = Le % de la cible finale des indicateurs de niveau est le progrès depuis la référence : ({ $actual } − { $start }) / ({ $target } − { $start }) = { $percent } ({ $id }).
note-percent-expected = Le % de l’attendu à ce jour suit la même formule, avec la valeur exacte attendue à ce jour à la place de la cible finale.
burn-sentence = { $spent } du budget est dépensé après { $elapsed } de la durée du projet : un rythme de { $rate }, un écart de { $variance } par rapport au budget au prorata du temps ; { $pace ->
        [ahead] la dépense devance le calendrier
        [behind] la dépense est en retard sur le calendrier
       *[in-step] la dépense suit le calendrier (à ±{ $band } près)
    }.
burn-sentence-upto = Jusqu’à { $period }, dernière période où des dépenses sont saisies, { $spent } du budget était dépensé après { $elapsed } de la durée du projet : un rythme de { $rate }, un écart de { $variance } par rapport au budget au prorata du temps ; { $pace ->
        [ahead] la dépense devançait le calendrier
        [behind] la dépense était en retard sur le calendrier
       *[in-step] la dépense suivait le calendrier (à ±{ $band } près)
    }.
burn-lines = { $pace ->
        [ahead] En avance sur le calendrier
       *[behind] En retard sur le calendrier
    } : { $lines }.
burn-line = { $line } ({ $spent } dépensé, écart { $variance })
burn-lines-in-step = Chaque ligne budgétaire reste à ±{ $band } de son budget au prorata du temps.
missing-note = Aucune dépense n’est saisie pour { $periods } (voir l’annexe sur la qualité des données) : les dépenses à ce jour ne comptent rien pour { $count ->
        [one] cette période
       *[other] ces périodes
    }, ce qui ne veut pas dire que rien n’a été dépensé.
statement-caption = Dépenses par ligne budgétaire, { $period }
variance-note = L’écart compare les dépenses à ce jour au budget au prorata du temps : le budget × { $elapsed }, la part des jours du projet écoulés au { $date }. Au-delà de ±{ $band }, une ligne devance le calendrier ou est en retard sur lui. { $line } : ({ $spent } − { $prorated }) ÷ { $prorated } = { $variance }.
forecast-caption = Prévision pour { $period }
forecast-average-note = Sans prévision écrite, la prévision d’une ligne est sa dépense moyenne par période : dépenses à ce jour ÷ { $count } { $count ->
        [one] période
       *[other] périodes
    } de rapport avec dépenses.
burn-to = { $rate } (jusqu’à { $period })
shortfall-note = La source indique un déficit de { $currency } { $stated } ; budget − contributions donne { $currency } { $computed }.

## L’annexe sur la qualité des données (report/data_quality.rs) : des phrases simples, sans références de fichier.

quality-missing = Indicateur { $id } : aucune valeur n’a été saisie pour { $count ->
        [one] la période
       *[other] les périodes
    } { $periods }.
quality-late = Indicateur { $id } : la valeur de { $period }{ $breakdown } a été saisie { $days } jours après la fin de la période.
quality-future = Indicateur { $id } : la valeur de { $period }{ $breakdown } porte une date de saisie dans le futur.
quality-outlier = Indicateur { $id } : la valeur de { $period } ({ $value }) est très { $way ->
        [above] supérieure
       *[below] inférieure
    } à celles des autres { $periods ->
        [monthly] mois
        [quarterly] trimestres
        [semiannual] semestres
       *[annual] années
    } (médiane { $median }) ; { $noted }
quality-noted = l’équipe a noté : « { $comment } ».
quality-not-noted = aucun commentaire saisi avec elle n’en donne la raison.
quality-percent-baseline = Indicateur { $id } : la référence, { $value }, n’est pas un pourcentage compris entre 0 et 100.
quality-percent-target = Indicateur { $id } : la cible de { $period }, { $value }, n’est pas un pourcentage compris entre 0 et 100.
quality-percent-end-target = Indicateur { $id } : la cible de fin de projet, { $value }, n’est pas un pourcentage compris entre 0 et 100.
quality-percent-value = Indicateur { $id } : la valeur de { $period }{ $breakdown }, { $value }, n’est pas un pourcentage compris entre 0 et 100.
quality-target-missing = Indicateur { $id } : des valeurs sont saisies pour { $periods }, mais aucune cible ne s’applique à { $count ->
        [one] cette période
       *[other] ces périodes
    }.
quality-expenditure-missing = Aucune dépense n’est saisie pour { $periods } : les dépenses à ce jour ne comptent rien pour { $count ->
        [one] cette période
       *[other] ces périodes
    }.
quality-other = Constat de la vérification des données (en anglais ; logframe check en donne le détail) : { $message }

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

# A fiscal quarter or half in the GAC layout: T2 de l’exercice 2023-2024 (juillet–septembre 2023, période civile 2023-Q3)
# Un trimestre ou un semestre civil dans le rapport : T3 2023, S2 2013.
period-quarter = T{ $n } { $year }
period-half = S{ $n } { $year }
# Digits of the fiscal year's second year: FY2023-24 (2) or 2023-2024 (4).
fiscal-year-end-digits = 4
fiscal-year-name = exercice { $start }-{ $end }
fiscal-year-short = { $start }-{ $end }
fiscal-quarter = T{ $n }
fiscal-half = S{ $n }
month-span = { $from }–{ $to } { $year }
month-span-years = { $from } { $from_year }–{ $to } { $to_year }
period-fiscal = { $part } de l’{ $fy } ({ $months }, période civile { $code })

## Les phrases de la commande funding (terminal).

funding-check-agrees = concorde
funding-check-less = déclaré inférieur de { $gap }
funding-check-more = déclaré supérieur de { $gap }
funding-shortfall-agrees = le déficit déclaré { $currency } { $stated } concorde avec budget - contributions
funding-shortfall-differs = le déficit déclaré { $currency } { $stated } ne concorde pas : budget - contributions donne { $computed }, la source indique { $gap } de { $way ->
        [less] moins
       *[more] plus
    }
funding-burn-undefined = non défini (aucun temps écoulé ou aucun budget)
funding-burn-in-step = { $rate }, écart { $variance } (la dépense suit le temps, à ±10 % près)
funding-burn-slower = { $rate }, écart { $variance } (la dépense est en retard sur le temps)
funding-burn-faster = { $rate }, écart { $variance } (la dépense devance le temps)
funding-burn-rate-to = taux d’absorption jusqu’à { $period }, dernière période avec dépenses : { $text }
funding-spent-this-period = dépensé en { $period }
funding-not-recorded = non saisi
funding-missing = constat : aucune dépense saisie pour { $periods } (pas comptée comme zéro)
funding-col-this-period = cette période
funding-col-variance = écart
funding-col-pace = rythme
funding-pace-behind = en retard
funding-pace-in-step = au rythme
funding-pace-ahead = en avance
funding-comments = explications saisies avec les dépenses de { $period }
funding-forecast = prévision pour { $period }
funding-col-forecast = prévision
funding-col-basis = base
funding-basis-written = écrite
funding-basis-average = dépense moyenne par période
funding-average-note = dépense moyenne par période : dépenses à ce jour / { $count } périodes de rapport avec dépenses
funding-portfolio-title = portefeuille de financement : { $count } { $count ->
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

## The commands' summaries (terminal).

cli-wrote = écrit : { $path }
commit-dry-run = essai à blanc, rien n’est écrit
commit-counts = { $project } : { $added } nouvelles, { $corrections } { $corrections ->
        [one] correction
       *[other] corrections
    }, { $unchanged } inchangées
commit-older = { $n } plus anciennes que la valeur en vigueur (gardées dans l’historique)
commit-pending = { $n } en attente de revue
commit-approved = { $n } approuvées
commit-rejected = { $n } rejetées
commit-voided = { $n } retirées
commit-row-new = { $what } : { $new } (nouvelle)
commit-row-correction = { $what } : { $old } -> { $new }
commit-row-comment = { $what } : { $new } (même valeur, commentaire modifié)
commit-row-waiting = { $what } : { $new }, en attente de revue
commit-row-void = { $what } : { $old } -> retirée
commit-kept = { $what } = { $value } : gardée dans la trace, pas en vigueur ; { $in_force } reste en vigueur (enregistrée le { $at } par { $by }, { $place })
check-counts = { $id } : { $results } résultats, { $indicators } indicateurs, { $rows } lignes du registre
check-quality = qualité vérifiée au { $day }
check-ok = { $summary } : ok
check-findings = { $summary } : { $errors } { $errors ->
        [one] erreur
       *[other] erreurs
    }, { $warnings } { $warnings ->
        [one] avertissement
       *[other] avertissements
    }
check-rates = complétude { $received }/{ $due } valeurs dues reçues ({ $completeness }) ; ponctualité { $on_time }/{ $judged } à temps ({ $timeliness }) ; cohérence { $added }/{ $broken } ventilations qui concordent ({ $consistency }) ; une valeur est due { $days } jours après la fin de sa période
check-rates-indicator = { $id } : complétude { $received }/{ $due } ({ $completeness }), ponctualité { $on_time }/{ $judged } ({ $timeliness }), cohérence { $added }/{ $broken } ({ $consistency })
check-rates-irregular = { $id } : complétude et ponctualité non vérifiées : sa fréquence « { $frequency } » ne désigne aucune période régulière ; cohérence { $added }/{ $broken } ({ $consistency })
check-rates-milestone = { $id } : complétude et ponctualité non vérifiées : un jalon n’est dû qu’une fois, à sa date ; cohérence { $added }/{ $broken } ({ $consistency })
history-none = aucune valeur enregistrée
history-counts = { $rows } { $rows ->
        [one] ligne
       *[other] lignes
    }, { $in_force } en vigueur, { $superseded } remplacées
history-withdrawn = { $n } retirées
review-nothing = { $project } : rien n’attend de revue
review-replaces = remplace { $value } (par { $by }, { $at })
review-new-value = nouvelle valeur
review-line = { $id }  { $indicator } { $period } ({ $breakdown }) = { $value }  par { $by }, { $at } ; { $replaces }
init-created = créé : { $dir }/logframe.yaml
init-next = ensuite : modifiez-le, puis `logframe check { $dir }`
templates-kept = gardé : { $path } (déjà présent)
templates-next = modifiez un fichier et passez `--templates { $dir }` à `logframe report` ; supprimez ceux que vous gardez tels quels
report-wrote-pdf = écrit : { $path } ({ $kb } ko)
report-wrote = écrit : { $path } ({ $charts } graphiques)
iati-imported = { $id } : { $results } résultats, { $indicators } indicateurs, { $rows } lignes du registre écrits dans { $dir }
funding-left-out = { $dir } : laissé hors du portefeuille, il ne se charge pas

## Terminal tables: status, history, explain.

term-period = période { $period } ({ $start } .. { $end })
term-as-of = registre au { $date }
term-undated = non daté
term-none = aucun
col-indicator = indicateur
col-title = titre
col-baseline = référence
col-period = période
col-to-date = à ce jour
col-target = cible
col-end = fin
col-end-target = cible finale
col-percent-target = % cible
col-percent-end = % fin
col-status = statut
col-breakdown = ventilation
col-value = valeur
col-recorded-at = enregistré le
col-by = par
col-source = source
col-comment = commentaire
col-row = ligne
col-state = état
col-superseded-by = remplacée par
col-role = rôle
status-counts = { $n } indicateurs : { $counts }
status-category = catégorie { $categories } : seules les valeurs enregistrées pour elle ; les cibles et les valeurs de référence sont celles du projet entier et ne sont pas affichées
status-not-broken-down = non ventilés par { $dims }, donc non affichés : { $ids }
history-in-force = en vigueur
history-superseded = remplacée
history-approved = approuvée par { $by }
history-rejection = rejet par { $by }
history-void = retirée par { $by }
history-waiting = en attente de revue
history-entered-approved = saisie, approuvée par { $by }
history-entered-rejected = saisie, rejetée par { $by }
history-entered-not-reviewed = saisie, non revue, remplacée
explain-cumulative = cumulatif
explain-not-cumulative = non cumulatif
explain-aggregate = agrégation { $name }
explain-status = statut : { $text }
explain-figures = valeur de la période { $period }, à ce jour { $to_date }, cible en vigueur { $target }, cible finale { $end }, { $percent } de la cible, { $percent_end } de la cible finale
explain-points = valeurs en vigueur entrées dans les chiffres
explain-no-points = aucune enregistrée jusqu’à la fin de la période
explain-within-period = (dans la période)
explain-superseded = remplacées par des corrections
explain-aggregation = agrégation
explain-target = cible
explain-percent = pourcentage atteint
explain-status-title = statut
explain-parts = cibles par catégorie
part-share = cible { $target } : au moins { $figure } { $category } ; à ce jour { $value } sur { $total } = { $actual }, { $percent } de la part visée : { $verdict }
part-value = cible { $target } : au moins { $figure } { $category } ; à ce jour { $value } sur { $total }, { $percent } de la part visée : { $verdict }
part-none = cible { $target } : au moins { $figure } { $category } ; rien d’enregistré par { $dim } à ce jour
part-met = atteinte
part-not-met = non atteinte
part-not-met-yet = pas encore atteinte (pas encore échue)
part-nothing = rien d’enregistré

## The funding command's tables (terminal).

funding-in = financement en { $currency }, projet { $start } .. { $end }
funding-expenditure-to = dépenses jusqu’à { $period } ({ $end })
funding-finding = constat : { $text }
funding-budget = budget
funding-pledged = promis
funding-shortfall = déficit
funding-stated-shortfall = déficit déclaré
funding-spent-to-date = dépensé à ce jour
funding-remaining = restant
funding-time-elapsed = temps écoulé
funding-burn-rate = taux d’absorption : { $text }
funding-not-pledged = hors du total promis (pas de taux vers { $currency }) : { $amounts }
funding-pledges = promesses
funding-no-rate = pas de taux
funding-col-in = en { $currency }
funding-col-donor = bailleur
funding-col-date = date
funding-col-currency = devise
funding-col-amount = montant
funding-col-rate = taux
funding-budget-lines = lignes budgétaires
funding-overspent = dépassement
funding-col-line = ligne
funding-col-allocation = allocation
funding-col-spent = dépensé
funding-col-remaining = restant
funding-col-percent-spent = % dépensé
funding-by-period = dépenses par période
funding-col-percent-budget = % du budget
funding-col-framework = cadre
funding-col-budget = budget
funding-col-pledged = promis
funding-col-shortfall = déficit
funding-col-stated = déclaré
funding-col-check = contrôle
funding-col-projects = projets
funding-totals = totaux par devise (les devises ne s’additionnent jamais)
funding-left-out-no-rate = promesses laissées de côté faute de taux : { $list }

## The tracking table (terminal).

term-na = n.d.
col-actual = réel
col-percent = %
compare-no-periods = aucune période
compare-title = tableau de suivi des indicateurs, { $span }
compare-by = par { $dimension }
compare-actual-note = réel : total cumulé jusqu’à la fin de la période pour les indicateurs cumulatifs (*), sinon la valeur de la période ;
compare-percent-note = % : réel par rapport à la cible affichée (indicateurs de niveau : progrès depuis la référence) ; sans cible affichée, rien n’est évalué
compare-target-note = cible : telle qu’écrite dans logframe.yaml (convenue) ; ~ la valeur attendue à ce jour selon target_rule, dénombrements en unités entières
compare-not-broken-down = non ventilé
compare-life-of-project = durée du projet, du { $start } au { $end } (à ce jour au { $last })
compare-no-indicators = aucun indicateur
compare-target-note-agreed = cible : telle que convenue dans logframe.yaml, dans la période de son échéance (--targets expected : valeurs attendues entre-temps)
compare-target-note-both = cible : telle que convenue dans logframe.yaml, évaluée ; attendu : ~ la valeur attendue à ce jour selon target_rule, non évaluée
compare-increment-note = + : ce que la période a ajouté au total cumulé
compare-life-from-start = durée du projet comptée depuis son début ({ $start }), avant la première période affichée
compare-basis-note = base : le chiffre à ce jour est le total cumulé (total), celui de la dernière période (dernier) ou toutes les périodes regroupées (groupé)
compare-other-note = autre : un pourcentage calculé autrement (groupé : somme des numérateurs / somme des dénominateurs), quand il diffère
col-basis = base
col-other = autre
col-expected = attendu
col-increment = +
compare-rule-running-total = total
compare-rule-latest = dernier
compare-rule-pooled = groupé
compare-rule-max = max.
compare-rule-mean = moyenne
compare-share = part { $share }
compare-share-target = part { $share }, cible { $target }

## How a figure was obtained (logframe explain, terminal).

point-total = la ligne du total ({ $value })
point-one = son unique ligne par { $dims } ({ $value })
point-sum = la somme de { $n } lignes par { $dims } : { $terms } = { $value }
point-adds-up = concorde
point-does-not-add-up = ne concorde PAS ; le total est retenu
point-breakdown = ventilation par { $dims } : { $terms } = { $sum } ({ $verdict })
agg-period-none = valeur de la période ({ $period }) : rien d’enregistré dans la période
agg-period-one = valeur de la période ({ $period }) : { $value } (une période mesurée)
agg-period-many = valeur de la période ({ $period }) : `{ $rule }` de { $list } = { $value }
agg-cumulative = cumulatif : la somme de toutes les valeurs de période jusqu’à la fin de la période
agg-per-period = somme par période : jugé sur la seule période demandée
agg-level = un niveau : `{ $rule }` de toutes les valeurs de période jusqu’à la fin de la période
agg-to-date-none = valeur à ce jour : aucune ({ $how })
agg-to-date = valeur à ce jour : { $value } ({ $how })
agg-to-date-list = valeur à ce jour : { $value } ({ $how } : { $list })
agg-pooled = les pourcentages sont regroupés : numérateurs et dénominateurs sont additionnés, puis divisés
anchor-start = la valeur de départ au { $date }
anchor-period = la cible { $period } au { $date }
anchor-end = la cible de fin de projet au { $date }
target-milestone = un jalon n’a pas de cible courante ; il est dû à sa première cible `yes`
target-none-per-period = aucune cible en vigueur : un indicateur `sum` non cumulatif n’est jugé que sur les cibles écrites pour la période, et aucune n’est écrite pour { $period }
target-none = aucune cible en vigueur : l’indicateur n’a ni cible datée ni cible finale entre lesquelles interpoler
target-explicit = { $value } : écrite pour { $period } dans logframe.yaml
target-on-anchor = { $value } : { $anchor } (l’ancre tombe à la fin de la période)
target-interpolated = { $value } : interpolée par jours entre { $from } ({ $from_value }) et { $to } ({ $to_value }) : { $from_value } + ({ $to_value } - { $from_value }) x { $done }/{ $span } jours
target-start = { $value } : la période finit avant la première ancre, la valeur de départ s’applique donc
target-start-step = { $value } : aucune cible écrite dans logframe.yaml n’est encore échue, la valeur de départ s’applique (target_rule: step)
target-held = { $value } : la période finit après la dernière ancre ({ $from }), dont la valeur s’applique
target-stepped = { $value } : la dernière cible écrite dans logframe.yaml, échue le { $from }, s’applique jusqu’à la suivante (target_rule: step)
target-anchors = ancres : { $list }
target-end = cible de fin de projet : { $end }
target-no-end = aucune cible de fin de projet
percent-no-actual = indéfini : aucune valeur à ce jour
percent-undefined = indéfini (la cible égale le départ)
percent-cumulative = à ce jour / cible x 100 = { $actual } / { $target } x 100 = { $result }
percent-level = (à ce jour - référence) / (cible - référence) x 100 = ({ $actual } - { $start }) / ({ $target } - { $start }) x 100 = { $result }
percent-milestone = un jalon est atteint ou non : pas de pourcentage d’une cible courante
percent-of-target = de la cible en vigueur : { $formula }
percent-of-end = de la cible finale : { $formula }
explain-thresholds = seuils : en bonne voie dès { $on_track } %, à risque dès { $at_risk } %, en retard en dessous
rule-reached = règle : un chiffre à ce jour qui atteint ou dépasse la cible de fin de projet est atteint, quelle que soit la période
rule-milestone = règle : un jalon est atteint une fois enregistré comme fait, en retard quand son échéance passe sans lui, non atteint quand le projet se termine sans lui, sinon pas encore dû
rule-nothing-expected = règle : tant que la cible en vigueur est la valeur de départ, rien n’est attendu
rule-missing = règle : un progrès était attendu à la fin de la période et aucune valeur n’est enregistrée
rule-progress = règle : le pourcentage de la cible en vigueur est classé selon les seuils
rule-target-equals-baseline = règle : quand la cible égale la référence, le progrès ne peut pas être mesuré
rule-no-target = règle : sans cible, aucun statut ne peut être jugé
rule-not-achieved = règle : à la dernière période du projet (celle qui contient sa date de fin), un chiffre à ce jour inférieur à la cible de fin de projet est non atteint
rule-fell-back = règle : un niveau qui a atteint sa cible de fin de projet puis est redescendu en dessous est de nouveau classé selon la cible en vigueur, et la baisse est indiquée

## The tracking table's workbook (xlsx).

xlsx-indicator = Indicateur
xlsx-result = Résultat
xlsx-level = Niveau
xlsx-title = Titre
xlsx-type = Type
xlsx-unit = Unité
xlsx-direction = Sens
xlsx-cumulative = Cumulatif
xlsx-aggregate = Agrégation
xlsx-baseline = Référence
xlsx-baseline-date = Date de référence
xlsx-targets = Cibles
xlsx-end-target = Cible finale
xlsx-disaggregated-by = Ventilé par
xlsx-definition = Définition
xlsx-data-source = Source des données
xlsx-collection-method = Méthode de collecte
xlsx-frequency = Fréquence
xlsx-responsible = Responsable
xlsx-category = catégorie
xlsx-target = Cible
xlsx-actual = Réel
xlsx-life-of-project = Durée du projet (jusqu’au { $last })
xlsx-to-date = À ce jour
xlsx-percent-of-end = % de la fin
xlsx-status = Statut
xlsx-why = Pourquoi
xlsx-total = total
xlsx-running-total = total cumulé
xlsx-per-period = par période
xlsx-notes-title = Tableau de suivi des indicateurs, { $first } .. { $last }
xlsx-note-target = Cible : la cible convenue écrite dans logframe.yaml pour la période ; en italique, la valeur attendue à ce jour, selon target_rule (interpolée linéairement par jours entre les cibles convenues, ou la dernière cible convenue maintenue jusqu’à la suivante), en unités entières pour les dénombrements (les pourcentages utilisent la valeur exacte).
xlsx-note-actual = Réel : le total cumulé jusqu’à la fin de la période pour les indicateurs cumulatifs (colonne unité : total cumulé) ; la valeur mesurée dans la période pour les autres (par période).
xlsx-note-percent = % : réel par rapport à la cible en vigueur ; pour les niveaux, progrès depuis la référence : (réel - référence) / (cible - référence). Coloré selon le statut à la fin de la période.
xlsx-note-life = Durée du projet : la cible de fin de projet, la valeur à ce jour à la dernière période affichée, son pourcentage et le statut avec sa raison.
xlsx-note-figures = Les chiffres sont des décimaux exacts dans logframe ; les cellules les gardent comme nombres de tableur. `logframe explain` montre comment chaque chiffre a été obtenu.
xlsx-outcome-or-output = Résultat ou extrant
xlsx-outcome = résultat
xlsx-output = extrant
xlsx-indicators = Indicateurs
xlsx-all-outcomes = Tous les niveaux de résultats
xlsx-all-outputs = Tous les niveaux d’extrants
xlsx-target-at = Cible à { $period }
xlsx-target-kind = Nature de la cible
xlsx-agreed = convenue
xlsx-expected = attendue à ce jour
xlsx-actual-at = Réel à { $period }
xlsx-percent-of-target = % de la cible
xlsx-comments = Commentaires et explication des écarts
xlsx-narrative = Récit
xlsx-in-force = En vigueur
xlsx-due = Valeurs dues
xlsx-received = Reçues
xlsx-completeness = Complétude
xlsx-judged = Reçues avec une date
xlsx-on-time = À temps
xlsx-timeliness = Ponctualité
xlsx-broken-down = Périodes sous plusieurs formes
xlsx-add-up = Concordent
xlsx-consistency = Cohérence
xlsx-missing = Périodes manquantes
xlsx-late = Périodes en retard
xlsx-note = Note
xlsx-country = Pays
xlsx-all = Tous les indicateurs vérifiés
xlsx-not-checked-irregular = Complétude et ponctualité non vérifiées : la fréquence « { $frequency } » ne désigne aucune période régulière.
xlsx-not-checked-milestone = Complétude et ponctualité non vérifiées : un jalon n’est dû qu’une fois, à sa date.
xlsx-country-completeness = Pas de complétude par pays : le cadre ne dit pas quels pays rendent compte à quelle période.
xlsx-quality-as-of = Qualité des données au { $day }. Une valeur est due { $days } jours après la fin de sa période (reporting_deadline_days du projet, ou --deadline-days).
xlsx-quality-completeness = Complétude : parmi les périodes de la fréquence de l’indicateur comprises entièrement dans le projet et échues, celles qui ont une valeur.
xlsx-quality-timeliness = Ponctualité : parmi les périodes reçues, celles dont chaque valeur a été enregistrée pour la première fois (recorded_at ; les corrections ne sont pas jugées) avant l’échéance. Les lignes sans recorded_at ne sont pas jugées.
xlsx-quality-consistency = Cohérence : parmi les périodes enregistrées sous plusieurs formes (un total et une ventilation, ou deux ventilations), celles dont les ventilations concordent avec le total.

## Les pages web (logframe serve)
web-skip = Aller au contenu
web-sign-in = Se connecter
web-sign-out = Se déconnecter
web-user = Nom d'utilisateur
web-password = Mot de passe
web-wrong = Nom d'utilisateur ou mot de passe incorrect.
web-throttled = Trop d'échecs de connexion. Attendez ce nombre de secondes, puis réessayez :
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
web-summary-chart = Pourcentage de la cible à ce jour, par indicateur
web-progress-chart = Cible et réalisé à ce jour
web-burn-chart = Dépenses et temps écoulé
web-all-frameworks = Tous les cadres logiques
web-does-not-load = Ce cadre logique ne se charge pas :
web-check-hint = Lancez `logframe check` dans l'espace de travail pour le détail.
web-no-funding = Aucune section financière.
web-users = Utilisateurs
web-role = Rôle
web-language = Langue
web-countries = Pays
web-all = tous
web-forbidden = Vous n'avez pas accès à cette page.
web-not-found = Cette page n'existe pas.
web-bad-request = La requête est inutilisable :
web-csrf = Le formulaire avait expiré. Rechargez la page et renvoyez-le.
web-error = Erreur
web-indicator = Indicateur
web-title = Intitulé
web-baseline = Référence
web-this-period = Cette période
web-to-date = À ce jour
web-target-to-date = Attendu à ce jour
web-end-target = Cible finale
web-percent-target = % de l’attendu
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
web-nothing-changed = Aucune valeur modifiée : rien à enregistrer.
web-saved = Enregistré.
web-new-values = nouvelles valeurs
web-corrections = corrections
web-waiting = en attente de validation
web-rejected-by = Rejeté par
web-waiting-value = En attente de validation :
web-country-only = Les indicateurs sans ventilation par pays sont saisis par les utilisateurs sans restriction de pays :
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
web-void-by = retirée par
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

## Terminal : logframe portfolio (indicateurs standard agrégés entre cadres).

portfolio-title = portefeuille au { $date } ({ $from }) : { $count } cadres, chacun à sa dernière période de rapport achevée à cette date
portfolio-date-period = la fin de { $period }
portfolio-date-as-of = registres au { $date }
portfolio-date-today = aujourd'hui
portfolio-standards = indicateurs standard
portfolio-no-standards = pas de frameworks/standards.yaml : aucun indicateur standard à agréger
portfolio-standard = { $code } : { $title } ({ $unit })
portfolio-total-sum = total : { $value } { $unit }
portfolio-total-pool = regroupé : { $percent } ({ $numerator }/{ $denominator })
portfolio-total-none = total : aucune valeur
portfolio-total-list = les niveaux sont listés, jamais additionnés
portfolio-total-done = jalons : { $done } atteints, { $overdue } en retard, { $notdue } pas encore dus
portfolio-undefined = indéfini
portfolio-misfit-unit = non additionné : l'unité { $unit } ne correspond pas
portfolio-misfit-type = non additionné : un indicateur de type { $type }
portfolio-misfit-per-period = non additionné : un chiffre par période, pas un total cumulé
portfolio-no-period = aucune période achevée
portfolio-no-value-here = aucune valeur
portfolio-no-value = aucune valeur pour la période : { $frameworks }
portfolio-by = par { $by }
portfolio-not-broken-down = non ventilé
portfolio-no-donor = aucun bailleur indiqué
portfolio-status-by-framework = statut par cadre
portfolio-funding = financement par devise (les devises ne sont jamais additionnées)
portfolio-without-funding = sans section de financement : { $frameworks }
portfolio-left-out = { $dir } : exclu du portefeuille, il ne se charge pas
portfolio-col-framework = cadre
portfolio-col-unit = unité
portfolio-col-note = note
portfolio-col-frequency = rapports
portfolio-col-off-track = indicateurs hors trajectoire ou non atteints

## Le rapport de portefeuille (report --portfolio).

pf_title = Rapport de portefeuille
pf_date = Date de l’agrégation
pf_date_taken = Date retenue
pf-date-period = la fin de { $period }
pf_date_as_of = les registres tels qu’ils étaient à la fin de ce jour (--as-of)
pf_date_today = aujourd’hui
pf_how = Chaque cadre est pris à sa dernière période de rapport terminée à cette date ou avant, avec ses valeurs jusqu’à la fin de cette période.
pf_frameworks = Cadres de résultats
pf_framework = Cadre
pf_period = Période retenue
pf_no_period = aucune période de rapport terminée
pf_standards = Indicateurs standard
pf_no_standards = L’espace de travail ne décrit aucun indicateur standard (frameworks/standards.yaml).
pf_rule = Règle
pf_rule_sum = effectifs additionnés
pf_rule_pool = pourcentages regroupés (somme des numérateurs / somme des dénominateurs)
pf_rule_list = niveaux énumérés, jamais additionnés
pf_rule_done = jalons comptés : atteints, en retard, pas encore dus
pf_contribution = Valeur à ce jour
pf_note = Remarque
pf-total-sum = { $value } { $unit }
pf-total-pool = { $percent } ({ $numerator } / { $denominator })
pf_total_none = aucune valeur
pf_total_list = les niveaux sont énumérés, jamais additionnés
pf-total-done = { $done } atteints, { $overdue } en retard, { $notdue } pas encore dus
pf_split = Répartition par
pf_group = Groupe
pf_not_broken_down = non ventilé
pf-no-value = Aucune valeur pour la période : { $frameworks }
pf-misfit-unit = non additionné : l’unité { $unit } ne correspond pas
pf-misfit-type = non additionné : un indicateur de type { $type }
pf_misfit_per_period = non additionné : un chiffre par période, pas un total cumulé
pf_no_value_here = aucune valeur
pf_chart = Contribution par cadre
pf_off_track = Projets en retard ou en deçà de leurs cibles
pf_off_track_none = Aucun indicateur n’est en retard ou non atteint.
pf_indicators_off_track = Indicateurs en retard ou non atteints
pf_funding = Financement par devise
pf_funding_note = Les devises ne sont jamais additionnées entre elles.
pf_currency = Devise
pf_projects = Projets
pf_projects_status = Projets : indicateurs par statut
pf-without-funding = Sans section de financement : { $frameworks }

## Résultats en matière d’égalité des genres (report/gender.rs)
gender_equality = Résultats en matière d’égalité des genres
gender_total = Total ventilé par sexe
gender_women = Femmes
gender_trend_up = en hausse
gender_trend_down = en baisse
gender_trend_same = stable
gender_denominator = personnes comptées au dénominateur
gender_values = enregistrés
gender-col-period = { $women } (période)
gender-col-previous = { $women } (cumul, période précédente)
gender-col-target = Cible ({ $women })
gender-col-trend = Tendance
gender-at-least = au moins { $share }
gender-table-caption = Part de chaque catégorie à ce jour (valeur), { $period }
gender-note = Les parts portent sur les valeurs ventilées par sexe, regroupées sur toutes les périodes à ce jour (pour un indicateur de niveau, sa dernière période) ; pour un indicateur en pourcentage, sur les personnes comptées au dénominateur. Toutes les catégories sont montrées, « autre » comprise. La tendance compare la part des femmes à ce jour avec celle de la fin de la période de rapport précédente ({ $previous }).
gender-sentence = Les femmes représentent { $share } d’un total de { $total } { $counted } (valeurs ventilées par sexe, à ce jour).
gender-sentence-period = Cette période : { $share } sur { $total }.
gender-target-met = La cible d’au moins { $target } de femmes est atteinte.
gender-target-not-met = La cible d’au moins { $target } de femmes n’est pas atteinte.
gender-trend = { $way ->
    [up] En hausse par rapport à { $previous } à la fin de { $period }.
    [down] En baisse par rapport à { $previous } à la fin de { $period }.
   *[same] Inchangée depuis la fin de { $period }.
}
gender-categories = { $dimension } : { $list }.
gender-nothing = Rien n’est encore ventilé par sexe.
gender-zero = Le total ventilé par sexe à ce jour est de 0 : aucune part ne peut être donnée.
gender-overall = Au total, les femmes représentent { $share } d’un total de { $total } { $counted } pour l’indicateur { $id } ({ $title }) à ce jour{ $target }.
gender-overall-target = , pour une cible d’au moins { $target }

## logframe sheet : le classeur de saisie
sheet-entry-name = Saisie
sheet-instructions-name = Instructions
sheet-col-title = titre
sheet-col-unit = unité
sheet-col-expected = à saisir
sheet-col-definition = définition
sheet-expect-count = un nombre entier, 0 ou plus
sheet-expect-number = un nombre
sheet-expect-percentage = numérateur et dénominateur (le pourcentage est calculé)
sheet-expect-milestone = yes (oui) ou no (non)
sheet-expect-text = un texte
sheet-expect-scored = un texte, et une note de { $min } à { $max }
sheet-invalid-title = Valeur refusée
sheet-invalid-count = Saisissez un nombre entier, 0 ou plus.
sheet-invalid-figure = Saisissez un nombre, 0 ou plus.
sheet-invalid-score = Saisissez une note de { $min } à { $max }.
sheet-invalid-list = Choisissez une valeur de la liste.
sheet-title = { $project } : valeurs attendues pour { $period }
sheet-for-country = Pays : { $country }. Seules les valeurs ventilées par pays sont demandées ici ; les totaux du projet sont saisis par la coordination.
sheet-for-all = Tous les pays, et les totaux.
sheet-count = { $rows } { $rows ->
        [one] valeur attendue
       *[other] valeurs attendues
    }, dont { $prefilled } { $prefilled ->
        [one] déjà enregistrée (préremplie)
       *[other] déjà enregistrées (préremplies)
    }.
sheet-step-fill = 1. Dans la feuille « { $sheet } », saisissez les chiffres dans les cellules blanches : la valeur ; le numérateur et le dénominateur pour les pourcentages ; la note et le texte pour les indicateurs qualitatifs. Les cellules grises sont fixes.
sheet-step-blank = 2. Laissez vides les cellules d’une valeur que vous n’avez pas : une ligne sans valeur est ignorée, pas refusée.
sheet-step-prefilled = 3. Les valeurs déjà enregistrées sont préremplies. Ne les modifiez que pour les corriger : l’import enregistre la modification comme une correction, et une valeur inchangée ne change rien.
sheet-step-numbers = 4. Saisissez les chiffres comme des nombres. Les jalons prennent yes (oui) ou no (non). Ne renommez pas les colonnes de la première ligne ; les colonnes entre parenthèses sont à lire et ne sont pas importées.
sheet-step-import = 5. Enregistrez le classeur et importez-le : logframe import { $framework } FICHIER.xlsx. Chaque ligne est vérifiée avant toute écriture ; une erreur nomme sa cellule (par exemple { $cell }) et rien n’est importé tant qu’elle n’est pas corrigée.
sheet-skipped = Non demandés ici (non ventilés par pays) : { $list }.
sheet-summary = { $rows } { $rows ->
        [one] valeur attendue
       *[other] valeurs attendues
    } pour { $period }, { $prefilled } { $prefilled ->
        [one] préremplie
       *[other] préremplies
    }
sheet-columns = Les colonnes (leurs noms, en première ligne, sont ceux que lit l’import) :
sheet-about-indicator = le code de l’indicateur (fixe)
sheet-about-period = la période de rapport (fixe)
sheet-about-dim = la catégorie de { $name } (fixe ; vide sur une ligne de total)
sheet-about-value = le chiffre de la période ; yes (oui) ou no (non) pour un jalon ; le texte d’un indicateur qualitatif
sheet-about-numerator = d’un pourcentage : l’effectif qui remplit le critère (par ex. 42 sur 60)
sheet-about-denominator = d’un pourcentage : l’effectif évalué (par ex. 60)
sheet-about-score = d’un indicateur qualitatif : la note sur son échelle
sheet-about-comment = une remarque sur la valeur (facultatif)
sheet-about-source = d’où vient le chiffre (facultatif)

## Risk register and workplan (report/risks.rs, report/workplan.rs)
risk_register = Registre des risques
risk_col_risk = Risque
risk_col_category = Catégorie
risk_col_score = Probabilité × impact
risk_col_rating = Cote
risk_col_before = Période précédente
risk_col_trend = Tendance
risk_mitigation = Atténuation
risk_owner = Responsable
risk_results = Résultats concernés
risk_no_update = Aucune mise à jour pour cette période.
risk_none_rose = Aucune cote de risque n’a augmenté pendant la période.
risk-intro = Chaque risque est coté probabilité × impact (de 1 à 5 chacun, soit de 1 à 25) à la fin de { $period }, et comparé à sa cote avant le début de la période ; les risques sont classés par cote, la plus élevée d’abord. Niveaux : faible 1–4, moyen 5–9, élevé 10–16, critique 20–25.
risk-rating = { $rating } ({ $level })
risk-rose = La cote a augmenté pour { $count ->
    [one] un risque
   *[other] { $count } risques
} : { $list }.
risk-rose-item = { $id } ({ $before } → { $now })
risk-update = Mise à jour, { $period } : { $text }
risk-trend-up = en hausse
risk-trend-down = en baisse
risk-trend-same = stable
risk-level-low = faible
risk-level-medium = moyen
risk-level-high = élevé
risk-level-critical = critique
risk-category-operational = Opérationnel
risk-category-political = Politique
risk-category-security = Sécurité
risk-category-financial = Financier
risk-category-fiduciary = Fiduciaire
risk-category-reputational = Réputation
risk-category-environmental = Environnemental
risk-category-social = Genre et social
workplan = Plan de travail
workplan_activity = Activité
workplan_result = Résultat
workplan_planned = Dates prévues
workplan_status = État
workplan_note = Remarque
workplan_status_note = Les états sont ceux de la dernière mise à jour de l’équipe.
workplan-status-planned = Prévue
workplan-status-under_way = En cours
workplan-status-done = Réalisée
workplan-status-delayed = Retardée
workplan-status-cancelled = Annulée
workplan-status-count = { $status } : { $count }
workplan-summary = { $planned ->
    [one] Une activité était prévue
   *[other] { $planned } activités étaient prévues
} en { $period } (leurs dates prévues recoupent la période) ; { $due ->
    [0] aucune ne devait s’y achever
    [one] une devait s’y achever, et elle { $done ->
        [0] n’est pas réalisée
       *[other] est réalisée
    }
   *[other] { $due } devaient s’y achever, dont { $done ->
        [0] aucune réalisée
        [one] une réalisée
       *[other] { $done } réalisées
    }
}. Par état : { $statuses }.
workplan-none = Aucune activité n’était prévue en { $period }.
workplan-next-heading = Période suivante : { $period } ({ $dates })
workplan-next-none = Aucune activité ne reste prévue pour { $period }.
workplan-last = { $period } est la dernière période de rapport du projet : aucune période ne suit.
workplan-overdue = en retard depuis le { $date }
workplan-done-on = réalisée le { $date }
workplan-note-join = { $a } ; { $b }

## Narrative scaffold and stories (report/scaffold.rs, report/stories.rs, `logframe narrative new`)
story_indicators = Indicateurs liés
photo_credit = Crédit
narrative-untranslated = Aucune version { $language ->
    [en] anglaise
    [es] espagnole
   *[fr] française
} de l’exposé narratif n’a été fournie : l’exposé de l’équipe est reproduit tel quel, en { $original ->
    [en] anglais
    [es] espagnol
   *[fr] français
}.
narrative-scaffold-title = Exposé narratif de { $project }, { $period }
narrative-heading-context = Contexte
narrative-heading-progress = Progrès et explication des écarts
narrative-heading-gender = Égalité des genres
narrative-heading-environment = Environnement
narrative-heading-governance = Gouvernance
narrative-heading-risks = Risques et mesures d’atténuation
narrative-heading-lessons = Leçons apprises
narrative-heading-next = Prochaine période
narrative-heading-stories = Histoires de réussite
narrative-prompt-context = Ce qui a changé pendant la période (contexte politique, institutionnel, sécuritaire) et qu’un lecteur doit savoir.
narrative-prompt-progress = Ce qui a été accompli au regard du cadre de mesure du rendement, et pourquoi les chiffres s’écartent de ce qui était attendu. Expliquez chaque indicateur ci-dessous.
narrative-prompt-explain = Explication : pourquoi, et ce que fait l’équipe.
narrative-prompt-gender = Résultats pour les femmes et pour les hommes, et comment le travail a fait progresser l’égalité des genres.
narrative-prompt-environment = Effets du travail sur l’environnement, et comment ils ont été gérés.
narrative-prompt-governance = Participation, transparence et redevabilité dans le travail du projet et de ses partenaires.
narrative-prompt-risks = Les risques qui ont évolué pendant la période, et ce qui a été fait pour les atténuer.
narrative-prompt-lessons = Ce que l’équipe a appris, ce qu’elle conservera ou changera.
narrative-prompt-next = Ce qui est prévu pour la prochaine période.
narrative-prompt-stories = Une histoire par titre `###`. Sous le titre, des lignes facultatives `Indicateurs : 1100.2, 1200.1`, `Photo : photos/fichier.jpg` (un JPEG ou un PNG de ce dossier), `Légende : …` et `Crédit : …` ; puis l’histoire.
narrative-wrote = écrit : { $path } ({ $sections } sections, { $bullets ->
    [one] { $bullets } indicateur à expliquer
   *[other] { $bullets } indicateurs à expliquer
})

## Pages and charts
data_as_of = Données arrêtées au
chart-axis-period = Période de rapport
pdf-progress-note = Progression : la barre montre le pourcentage de la valeur attendue à date, jusqu’à 150 % ; le trait marque 100 %.

## Le web : à qui est la valeur, les chiffres d’un pays (ticket 17)
web-replace-title = Valeurs saisies par quelqu’un d’autre
web-replace-intro = Rien n’a été enregistré. Les valeurs signalées ci-dessous ont été saisies par quelqu’un d’autre, et les vôtres les remplaceraient. Vérifiez avec cette personne que vos valeurs sont justes, puis cochez la case et enregistrez de nouveau.
web-replace-confirm = Remplacer ces valeurs : j’ai vérifié avec la personne qui les a saisies
web-recorded-by = Saisi par
web-whole-project = Tout le projet
web-country = Pays
web-country-intro = Ce qui a été saisi pour ce pays, dans la période et à date. Les cibles sont fixées pour tout le projet : il n’y a donc ici ni pourcentage ni statut.
web-not-by-country = Sans ventilation par pays (seul le projet entier a leurs chiffres) :
web-saved-warnings = Enregistré, mais à vérifier :
