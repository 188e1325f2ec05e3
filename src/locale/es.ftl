# Español.
# Every message id exists in every language (a test checks it, and that
# each message takes the same arguments). Ids without a hyphen are the
# report's labels, given whole to the templates (`labels.baseline`).
# Invisible characters: U+202F (narrow no-break space, French thousands
# and before `:`, `;`, `%`), U+00A0 (no-break space, Spanish before `%`).

## Labels of the report.

report_title = Informe de avance
project_id = Proyecto
funding = Resumen financiero
pledged = Contribuciones comprometidas
shortfall = Déficit de financiación
spent = Gastado a la fecha
remaining = Saldo
spent_share = Proporción del presupuesto gastada
elapsed_share = Proporción del plazo transcurrida
burn_rate = Ritmo de gasto
pledges = Contribuciones comprometidas
pledge_donor = Donante
pledge_date = Fecha
amount = Importe
budget_lines = Gasto por partida presupuestaria
budget_line = Partida
allocation = Asignación
overspent = sobregiro
burn_chart = Gasto acumulado frente al tiempo transcurrido
burn_spent = Gastado (% del presupuesto)
burn_time = Tiempo transcurrido (%)
no_budget_line = sin partida
iati_id = Identificador IATI
donor = Donante
implementer = Organismo de ejecución
reporting_period = Período del informe
fiscal_year = Ejercicio fiscal
project_dates = Fechas del proyecto
budget = Presupuesto
countries = Países
generated = Generado el
as_of = Registro al
description = Descripción del proyecto
executive_summary = Resumen ejecutivo
indicators_by_status = Indicadores por estado
status = Estado
indicators = Indicadores
total = Total
headlines = Logros principales
attention = Indicadores retrasados o en riesgo
none = Ninguno.
results = Resultados
outcomes = Resultados
outputs = Productos
indicator = Indicador
unit = Unidad
baseline = Línea de base
target_period = Meta (período)
target_to_date = Meta a la fecha
end_target = Meta al final del proyecto
actual_period = Logrado (período)
actual_to_date = Logrado a la fecha
percent_to_date = % de la meta a la fecha
percent_of_end = % de la meta final
explanation = Estado
assessment = Valoración
disaggregation = Desagregación
comments = Comentarios registrados con los valores
assumptions = Supuestos
chart = Gráfico de avance
summary_chart = Porcentaje de la meta a la fecha, por indicador
chart_target = Meta
chart_actual = Logrado a la fecha
narrative = Narrativa
no_narrative = No se redactó ninguna narrativa para este período.
missing_explanation = Indicadores retrasados o en riesgo que la narrativa no explica
annex_pmf = Anexo A: Marco de medición del desempeño
definition = Definición
data_source = Fuente de datos
collection_method = Método de recolección
frequency = Frecuencia
responsible = Responsable
annex_quality = Anexo B: Notas sobre la calidad de los datos
no_quality_notes = No se encontró ningún problema de calidad de datos.
level = Nivel
result = Resultado
colon = :
yes = sí
no = no

## Palabras de las explicaciones de estado.

status-achieved = logrado
status-on_track = según lo previsto
status-at_risk = en riesgo
status-off_track = retrasado
status-no_data = sin datos
status-not_yet_due = aún no previsto
status-no_target = sin meta
status-sentence = { $status }: { $reason }.
reason-reached = { $actual } alcanza la meta al final del proyecto de { $target }
reason-milestone-done = realizado (registrado para { $period })
reason-milestone-done-late = realizado (registrado para { $period }), después de su fecha prevista, el { $due }
reason-milestone-overdue = previsto para el { $due } y no registrado como realizado
reason-milestone-not-due = previsto para el { $due }
reason-nothing-expected = no se espera ningún avance al { $by }
reason-missing = ningún valor registrado al { $by }, cuando se esperaba { $expected }
reason-progress = { $actual } frente a { $expected } esperado al { $by }: { $percent } del avance esperado ({ $verdict })
reason-progress-from = { $actual } frente a { $expected } esperado al { $by }, desde una línea de base de { $start }: { $percent } del avance esperado ({ $verdict })
verdict-on-track = desde { $threshold } se considera según lo previsto
verdict-at-risk = por debajo de { $threshold } se considera en riesgo
verdict-off-track = por debajo de { $threshold } se considera retrasado
reason-target-equals-baseline = la meta vigente ({ $target }) es igual a la línea de base, por lo que el avance no está definido
reason-no-target = no se ha fijado ninguna meta
reason-no-target-no-data = no se ha fijado ninguna meta ni registrado ningún valor

## Las demás frases del informe.

summary-headline = { $actual }{ $unit } frente a una meta al final del proyecto de { $target } ({ $percent } de la meta)
burn-sentence = Se ha gastado el { $spent } del presupuesto tras el { $elapsed } del plazo del proyecto: un ritmo de { $rate }, { $pace ->
        [ahead] el gasto va por delante del calendario
        [behind] el gasto va por detrás del calendario
       *[in-step] el gasto sigue el calendario
    }.
shortfall-note = La fuente indica un déficit de { $currency } { $stated }; presupuesto − contribuciones da { $currency } { $computed }.

## Niveles de resultados, dimensiones de desagregación y sus valores.

level-ultimate_outcome = Resultado final
level-intermediate_outcome = Resultado intermedio
level-immediate_outcome = Resultado inmediato
level-output = Producto
level-outcome = Efecto
level-impact = Impacto
level-objective = Objetivo
level-activity = Actividad
dimension-sex = Sexo
dimension-country = País
dimension-region = Región
dimension-age = Edad
dimension-value-women = mujeres
dimension-value-men = hombres
dimension-value-other = otro
dimension-value-girls = niñas
dimension-value-boys = niños

## Palabras que solo imprime el PDF.

pdf-contents = Índice
pdf-page = Página { $n } de { $m }
pdf-progress = Avance

## Números y fechas.

number-group = .
number-point = ,
percent = { $n } %
date = { $day } de { $month } de { $year }
date-range = { $start } – { $end }

## Las frases del comando funding (terminal).

funding-check-agrees = concuerda
funding-check-less = el declarado es { $gap } menor
funding-check-more = el declarado es { $gap } mayor
funding-shortfall-agrees = el déficit declarado { $currency } { $stated } concuerda con presupuesto - contribuciones
funding-shortfall-differs = el déficit declarado { $currency } { $stated } no cuadra: presupuesto - contribuciones da { $computed }, la fuente indica { $gap } { $way ->
        [less] menos
       *[more] más
    }
funding-burn-undefined = sin definir (no ha transcurrido tiempo o no hay presupuesto)
funding-burn-in-step = { $rate } (el gasto sigue el tiempo)
funding-burn-slower = { $rate } (el gasto va más lento que el tiempo)
funding-burn-faster = { $rate } (el gasto va más rápido que el tiempo)
funding-portfolio-title = cartera de financiación: { $count } { $count ->
        [one] proyecto
       *[other] proyectos
    }

month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
