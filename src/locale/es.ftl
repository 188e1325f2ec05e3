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
this_period = Este periodo
percent_spent = % gastado
variance = Desviación
spending_explanation = Explicación
forecast = Previsión
forecast_basis = Base
not_recorded = no registrado
forecast_written = previsión escrita
forecast_average = previsión (gasto medio por periodo)
spent_this_period = Gastado en el periodo
variance_overall = Desviación frente al presupuesto prorrateado en el tiempo
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
headlines_rule = Elegidos según una regla: los indicadores que alcanzaron su meta de fin de proyecto en este período, luego los hitos realizados, luego los productos en su meta vigente o por encima; nunca uno que bajó desde el período anterior; tres como máximo, los más avanzados primero.
attention = Indicadores retrasados, en riesgo o no alcanzados
none = Ninguno.
results = Resultados
outcomes = Resultados
outputs = Productos
indicator = Indicador
unit = Unidad
baseline = Línea de base
target_period = Meta (período)
target_to_date = Esperado a la fecha
end_target = Meta al final del proyecto
actual_period = Valor real (período)
actual_to_date = Valor real a la fecha
percent_to_date = % de lo esperado a la fecha
percent_of_end = % de la meta final
explanation = Estado
assessment = Valoración
disaggregation = Desagregación
comments = Comentarios registrados con los valores
assumptions = Supuestos
chart = Gráfico de avance
summary_chart = Porcentaje de la meta a la fecha, por indicador
chart_target = Meta
chart_actual = Valor real a la fecha
narrative = Narrativa
no_narrative = No se redactó ninguna narrativa para este período.
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
status-not_achieved = no alcanzado
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
reason-not-achieved = { $actual } al cierre del proyecto, frente a una meta de { $target }: { $percent } de la meta
reason-not-achieved-from = { $actual } al cierre del proyecto, frente a una meta de { $target } desde una línea de base de { $start }: { $percent } del camino de la línea de base a la meta
reason-had-reached = { $reason }, después de alcanzar { $from } en { $period }
reason-fell-back = bajó de { $from } ({ $period }) a { $actual }, por debajo de la meta al final del proyecto de { $target }; { $progress }

## Las demás frases del informe.

summary-headline = { $actual }{ $unit } frente a una meta al final del proyecto de { $target } ({ $percent } de la meta)
report-target-rule-interpolate = Metas: las metas de fin de proyecto y de período son las acordadas en el marco lógico; el valor esperado a la fecha se interpola por días entre ellas y se muestra en unidades enteras para los conteos (los estados usan la cifra exacta).
report-target-rule-step = Metas: las metas de fin de proyecto y de período son las acordadas en el marco lógico; el valor esperado a la fecha es la última meta acordada vencida al final del período, que rige hasta la siguiente.
report-target-rule-except-step = Para { $ids }, el valor esperado a la fecha es en cambio la última meta acordada vencida al final del período.
report-target-rule-except-interpolate = Para { $ids }, el valor esperado a la fecha se interpola en cambio por días entre las metas acordadas.
note-percent-ratio = El % de la meta final de los totales acumulados y demás cifras contadas desde cero es el valor a la fecha dividido por la meta final: { $actual } / { $target } = { $percent } ({ $id }).
note-percent-level = El % de la meta final de los indicadores de nivel es el avance desde la línea de base: ({ $actual } − { $start }) / ({ $target } − { $start }) = { $percent } ({ $id }).
note-percent-expected = El % de lo esperado a la fecha sigue la misma fórmula, con el valor exacto esperado a la fecha en lugar de la meta final.
burn-sentence = Se ha gastado el { $spent } del presupuesto tras el { $elapsed } del plazo del proyecto: un ritmo de { $rate }, una desviación de { $variance } frente al presupuesto prorrateado en el tiempo; { $pace ->
        [ahead] el gasto va por delante del calendario
        [behind] el gasto va por detrás del calendario
       *[in-step] el gasto sigue el calendario (dentro de ±{ $band })
    }.
burn-sentence-upto = Hasta { $period }, último periodo con gasto registrado, se había gastado el { $spent } del presupuesto tras el { $elapsed } del plazo del proyecto: un ritmo de { $rate }, una desviación de { $variance } frente al presupuesto prorrateado en el tiempo; { $pace ->
        [ahead] el gasto iba por delante del calendario
        [behind] el gasto iba por detrás del calendario
       *[in-step] el gasto seguía el calendario (dentro de ±{ $band })
    }.
burn-lines = { $pace ->
        [ahead] Por delante del calendario
       *[behind] Por detrás del calendario
    }: { $lines }.
burn-line = { $line } ({ $spent } gastado, desviación { $variance })
burn-lines-in-step = Todas las partidas están dentro de ±{ $band } de su presupuesto prorrateado.
missing-note = No hay gasto registrado para { $periods } (véase el anexo de calidad de los datos): el gasto a la fecha no incluye nada para { $count ->
        [one] ese periodo
       *[other] esos periodos
    }, lo que no significa que no se haya gastado nada.
statement-caption = Gasto por partida presupuestaria, { $period }
variance-note = La desviación compara el gasto a la fecha con el presupuesto prorrateado en el tiempo: el presupuesto × { $elapsed }, la proporción de los días del proyecto transcurridos al { $date }. Más allá de ±{ $band }, una partida va por delante o por detrás del calendario. { $line }: ({ $spent } − { $prorated }) ÷ { $prorated } = { $variance }.
forecast-caption = Previsión para { $period }
forecast-average-note = Sin previsión escrita, la previsión de una partida es su gasto medio por periodo: gasto a la fecha ÷ { $count } { $count ->
        [one] periodo
       *[other] periodos
    } de informe con gasto.
burn-to = { $rate } (hasta { $period })
shortfall-note = La fuente indica un déficit de { $currency } { $stated }; presupuesto − contribuciones da { $currency } { $computed }.

## El anexo de calidad de los datos (report/data_quality.rs): frases sencillas, sin referencias a archivos.

quality-missing = Indicador { $id }: no se registró ningún valor para { $count ->
        [one] el período
       *[other] los períodos
    } { $periods }.
quality-late = Indicador { $id }: el valor de { $period }{ $breakdown } se registró { $days } días después del fin del período.
quality-future = Indicador { $id }: el valor de { $period }{ $breakdown } lleva una fecha de registro futura.
quality-outlier = Indicador { $id }: el valor de { $period } ({ $value }) está muy { $way ->
        [above] por encima
       *[below] por debajo
    } de los otros { $periods ->
        [monthly] meses
        [quarterly] trimestres
        [semiannual] semestres
       *[annual] años
    } (mediana { $median }); { $noted }
quality-noted = el equipo anotó: «{ $comment }».
quality-not-noted = ningún comentario registrado con él explica por qué.
quality-percent-baseline = Indicador { $id }: la línea de base, { $value }, no es un porcentaje entre 0 y 100.
quality-percent-target = Indicador { $id }: la meta para { $period }, { $value }, no es un porcentaje entre 0 y 100.
quality-percent-end-target = Indicador { $id }: la meta al final del proyecto, { $value }, no es un porcentaje entre 0 y 100.
quality-percent-value = Indicador { $id }: el valor de { $period }{ $breakdown }, { $value }, no es un porcentaje entre 0 y 100.
quality-target-missing = Indicador { $id }: hay valores registrados para { $periods }, pero ninguna meta se aplica a { $count ->
        [one] ese período
       *[other] esos períodos
    }.
quality-expenditure-missing = No se registró ningún gasto para { $periods }: el gasto a la fecha no cuenta nada para { $count ->
        [one] ese período
       *[other] esos períodos
    }.
quality-other = Hallazgo de la verificación de datos (en inglés; logframe check da el detalle): { $message }

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

# A fiscal quarter or half in the GAC layout: T2 del ejercicio 2023-2024 (julio–septiembre de 2023, período natural 2023-Q3)
# Un trimestre o semestre natural en el informe: T3 2023, S2 2013.
period-quarter = T{ $n } { $year }
period-half = S{ $n } { $year }
# Digits of the fiscal year's second year: FY2023-24 (2) or 2023-2024 (4).
fiscal-year-end-digits = 4
fiscal-year-name = ejercicio { $start }-{ $end }
fiscal-year-short = { $start }-{ $end }
fiscal-quarter = T{ $n }
fiscal-half = S{ $n }
month-span = { $from }–{ $to } de { $year }
month-span-years = { $from } de { $from_year }–{ $to } de { $to_year }
period-fiscal = { $part } del { $fy } ({ $months }, período natural { $code })

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
funding-burn-in-step = { $rate }, desviación { $variance } (el gasto sigue el tiempo, dentro de ±10 %)
funding-burn-slower = { $rate }, desviación { $variance } (el gasto va por detrás del tiempo)
funding-burn-faster = { $rate }, desviación { $variance } (el gasto va por delante del tiempo)
funding-burn-rate-to = tasa de ejecución hasta { $period }, último periodo con gasto: { $text }
funding-spent-this-period = gastado en { $period }
funding-not-recorded = no registrado
funding-missing = hallazgo: no hay gasto registrado para { $periods } (no se cuenta como cero)
funding-col-this-period = este periodo
funding-col-variance = desviación
funding-col-pace = ritmo
funding-pace-behind = por detrás
funding-pace-in-step = al ritmo
funding-pace-ahead = por delante
funding-comments = explicaciones registradas con el gasto de { $period }
funding-forecast = previsión para { $period }
funding-col-forecast = previsión
funding-col-basis = base
funding-basis-written = escrita
funding-basis-average = gasto medio por periodo
funding-average-note = gasto medio por periodo: gasto a la fecha / { $count } periodos de informe con gasto
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

## The commands' summaries (terminal).

cli-wrote = escrito: { $path }
commit-dry-run = prueba en seco, no se escribe nada
commit-counts = { $project }: { $added } nuevas, { $corrections } { $corrections ->
        [one] corrección
       *[other] correcciones
    }, { $unchanged } sin cambios
commit-older = { $n } más antiguas que el valor vigente (guardadas en el historial)
commit-pending = { $n } en espera de revisión
commit-approved = { $n } aprobadas
commit-rejected = { $n } rechazadas
commit-voided = { $n } retiradas
commit-row-new = { $what }: { $new } (nueva)
commit-row-correction = { $what }: { $old } -> { $new }
commit-row-comment = { $what }: { $new } (mismo valor, comentario cambiado)
commit-row-waiting = { $what }: { $new }, en espera de revisión
commit-row-void = { $what }: { $old } -> retirado
commit-kept = { $what } = { $value }: guardado en el rastro, no vigente; { $in_force } sigue vigente (registrado el { $at } por { $by }, { $place })
check-counts = { $id }: { $results } resultados, { $indicators } indicadores, { $rows } filas del registro
check-quality = calidad verificada al { $day }
check-ok = { $summary }: ok
check-findings = { $summary }: { $errors } { $errors ->
        [one] error
       *[other] errores
    }, { $warnings } { $warnings ->
        [one] advertencia
       *[other] advertencias
    }
check-rates = completitud { $received }/{ $due } valores debidos recibidos ({ $completeness }); puntualidad { $on_time }/{ $judged } a tiempo ({ $timeliness }); coherencia { $added }/{ $broken } desgloses que cuadran ({ $consistency }); un valor vence { $days } días después del fin de su período
check-rates-indicator = { $id }: completitud { $received }/{ $due } ({ $completeness }), puntualidad { $on_time }/{ $judged } ({ $timeliness }), coherencia { $added }/{ $broken } ({ $consistency })
check-rates-irregular = { $id }: completitud y puntualidad no verificadas: su frecuencia «{ $frequency }» no indica ningún período regular; coherencia { $added }/{ $broken } ({ $consistency })
check-rates-milestone = { $id }: completitud y puntualidad no verificadas: un hito vence una sola vez, en su fecha; coherencia { $added }/{ $broken } ({ $consistency })
history-none = ningún valor registrado
history-counts = { $rows } { $rows ->
        [one] fila
       *[other] filas
    }, { $in_force } vigentes, { $superseded } reemplazadas
history-withdrawn = { $n } retiradas
review-nothing = { $project }: nada espera revisión
review-replaces = reemplaza { $value } (por { $by }, { $at })
review-new-value = valor nuevo
review-line = { $id }  { $indicator } { $period } ({ $breakdown }) = { $value }  por { $by }, { $at }; { $replaces }
init-created = creado: { $dir }/logframe.yaml
init-next = después: edítelo y ejecute `logframe check { $dir }`
templates-kept = conservado: { $path } (ya existía)
templates-next = edite un archivo y pase `--templates { $dir }` a `logframe report`; borre los que deje sin cambios
report-wrote-pdf = escrito: { $path } ({ $kb } kB)
report-wrote = escrito: { $path } ({ $charts } gráficos)
iati-imported = { $id }: { $results } resultados, { $indicators } indicadores, { $rows } filas del registro escritas en { $dir }
funding-left-out = { $dir }: fuera de la cartera, no se carga

## Terminal tables: status, history, explain.

term-period = período { $period } ({ $start } .. { $end })
term-as-of = registro al { $date }
term-undated = sin fecha
term-none = ninguno
col-indicator = indicador
col-title = título
col-baseline = línea de base
col-period = período
col-to-date = a la fecha
col-target = meta
col-end = final
col-end-target = meta final
col-percent-target = % meta
col-percent-end = % final
col-status = estado
col-breakdown = desglose
col-value = valor
col-recorded-at = registrado el
col-by = por
col-source = fuente
col-comment = comentario
col-row = fila
col-state = estado
col-superseded-by = reemplazada por
col-role = función
status-counts = { $n } indicadores: { $counts }
status-category = categoría { $categories }: solo los valores registrados para ella; las metas y las líneas de base son las del proyecto entero y no se muestran
status-not-broken-down = no desglosados por { $dims }, por lo que no se muestran: { $ids }
history-in-force = vigente
history-superseded = reemplazada
history-approved = aprobada por { $by }
history-rejection = rechazo por { $by }
history-void = retirado por { $by }
history-waiting = en espera de revisión
history-entered-approved = ingresada, aprobada por { $by }
history-entered-rejected = ingresada, rechazada por { $by }
history-entered-not-reviewed = ingresada, sin revisar, reemplazada
explain-cumulative = acumulativo
explain-not-cumulative = no acumulativo
explain-aggregate = agregación { $name }
explain-status = estado: { $text }
explain-figures = valor del período { $period }, a la fecha { $to_date }, meta vigente { $target }, meta final { $end }, { $percent } de la meta, { $percent_end } de la meta final
explain-points = valores vigentes que entraron en las cifras
explain-no-points = ninguno registrado hasta el final del período
explain-within-period = (dentro del período)
explain-superseded = reemplazados por correcciones
explain-aggregation = agregación
explain-target = meta
explain-percent = porcentaje alcanzado
explain-status-title = estado
explain-parts = metas por categoría
part-share = meta { $target }: al menos { $figure } { $category }; hasta la fecha { $value } de { $total } = { $actual }, { $percent } de la proporción meta: { $verdict }
part-value = meta { $target }: al menos { $figure } { $category }; hasta la fecha { $value } de { $total }, { $percent } de la parte meta: { $verdict }
part-none = meta { $target }: al menos { $figure } { $category }; nada registrado por { $dim } todavía
part-met = cumplida
part-not-met = no cumplida
part-not-met-yet = aún no cumplida (aún no vence)
part-nothing = nada registrado

## The funding command's tables (terminal).

funding-in = financiación en { $currency }, proyecto { $start } .. { $end }
funding-expenditure-to = gasto hasta { $period } ({ $end })
funding-finding = hallazgo: { $text }
funding-budget = presupuesto
funding-pledged = comprometido
funding-shortfall = déficit
funding-stated-shortfall = déficit declarado
funding-spent-to-date = gastado a la fecha
funding-remaining = restante
funding-time-elapsed = tiempo transcurrido
funding-burn-rate = tasa de ejecución: { $text }
funding-not-pledged = fuera del total comprometido (sin tasa a { $currency }): { $amounts }
funding-pledges = compromisos
funding-no-rate = sin tasa
funding-col-in = en { $currency }
funding-col-donor = donante
funding-col-date = fecha
funding-col-currency = moneda
funding-col-amount = monto
funding-col-rate = tasa
funding-budget-lines = líneas presupuestarias
funding-overspent = sobregasto
funding-col-line = línea
funding-col-allocation = asignación
funding-col-spent = gastado
funding-col-remaining = restante
funding-col-percent-spent = % gastado
funding-by-period = gasto por período
funding-col-percent-budget = % del presupuesto
funding-col-framework = marco
funding-col-budget = presupuesto
funding-col-pledged = comprometido
funding-col-shortfall = déficit
funding-col-stated = declarado
funding-col-check = control
funding-col-projects = proyectos
funding-totals = totales por moneda (las monedas nunca se suman entre sí)
funding-left-out-no-rate = compromisos excluidos por falta de tasa: { $list }

## The tracking table (terminal).

term-na = n/d
col-actual = real
col-percent = %
compare-no-periods = ningún período
compare-title = tabla de seguimiento de indicadores, { $span }
compare-by = por { $dimension }
compare-actual-note = real: total acumulado hasta el final del período para los indicadores acumulativos (*), si no el valor del período;
compare-percent-note = %: real frente a la meta mostrada (indicadores de nivel: avance desde la línea de base); sin meta mostrada, no se califica
compare-target-note = meta: tal como está escrita en logframe.yaml (acordada); ~ el valor esperado a la fecha según target_rule, conteos en unidades enteras
compare-not-broken-down = sin desglose
compare-life-of-project = vida del proyecto, del { $start } al { $end } (a la fecha al { $last })
compare-no-indicators = ningún indicador
compare-target-note-agreed = meta: tal como se acordó en logframe.yaml, en el período en que vence (--targets expected: valores esperados entre medio)
compare-target-note-both = meta: tal como se acordó en logframe.yaml, calificada; esperado: ~ el valor esperado a la fecha según target_rule, sin calificar
compare-increment-note = +: lo que el período añadió al total acumulado
compare-life-from-start = vida del proyecto contada desde su inicio ({ $start }), antes del primer período mostrado
compare-basis-note = base: la cifra a la fecha es el total acumulado (total), la del último período (último) o todos los períodos agrupados (agrupado)
compare-other-note = otra: un porcentaje calculado de la otra forma (agrupado: suma de numeradores / suma de denominadores), cuando difiere
col-basis = base
col-other = otra
col-expected = esperado
col-increment = +
compare-rule-running-total = total
compare-rule-latest = último
compare-rule-pooled = agrupado
compare-rule-max = máx.
compare-rule-mean = media
compare-share = parte { $share }
compare-share-target = parte { $share }, meta { $target }

## How a figure was obtained (logframe explain, terminal).

point-total = la fila del total ({ $value })
point-one = su única fila por { $dims } ({ $value })
point-sum = la suma de { $n } filas por { $dims }: { $terms } = { $value }
point-adds-up = cuadra
point-does-not-add-up = NO cuadra; se usa el total
point-breakdown = desglose por { $dims }: { $terms } = { $sum } ({ $verdict })
agg-period-none = valor del período ({ $period }): nada registrado dentro del período
agg-period-one = valor del período ({ $period }): { $value } (un período medido)
agg-period-many = valor del período ({ $period }): `{ $rule }` de { $list } = { $value }
agg-cumulative = acumulativo: la suma de todos los valores de período hasta el final del período
agg-per-period = suma por período: se juzga solo el período pedido
agg-level = un nivel: `{ $rule }` de todos los valores de período hasta el final del período
agg-to-date-none = valor a la fecha: ninguno ({ $how })
agg-to-date = valor a la fecha: { $value } ({ $how })
agg-to-date-list = valor a la fecha: { $value } ({ $how }: { $list })
agg-pooled = los porcentajes se agrupan: numeradores y denominadores se suman y luego se dividen
anchor-start = el valor inicial al { $date }
anchor-period = la meta { $period } al { $date }
anchor-end = la meta de fin de proyecto al { $date }
target-milestone = un hito no tiene meta progresiva; vence en su primera meta `yes`
target-none-per-period = ninguna meta vigente: un indicador `sum` no acumulativo solo se juzga con metas escritas para el período, y no hay ninguna para { $period }
target-none = ninguna meta vigente: el indicador no tiene metas fechadas ni final entre las que interpolar
target-explicit = { $value }: escrita para { $period } en logframe.yaml
target-on-anchor = { $value }: { $anchor } (el ancla cae al final del período)
target-interpolated = { $value }: interpolada por días entre { $from } ({ $from_value }) y { $to } ({ $to_value }): { $from_value } + ({ $to_value } - { $from_value }) x { $done }/{ $span } días
target-start = { $value }: el período termina antes de la primera ancla, así que rige el valor inicial
target-start-step = { $value }: aún no vence ninguna meta escrita en logframe.yaml, así que rige el valor inicial (target_rule: step)
target-held = { $value }: el período termina después de la última ancla ({ $from }), cuyo valor rige
target-stepped = { $value }: la última meta escrita en logframe.yaml, vencida el { $from }, rige hasta la siguiente (target_rule: step)
target-anchors = anclas: { $list }
target-end = meta de fin de proyecto: { $end }
target-no-end = ninguna meta de fin de proyecto
percent-no-actual = indefinido: ningún valor a la fecha
percent-undefined = indefinido (la meta es igual al inicio)
percent-cumulative = a la fecha / meta x 100 = { $actual } / { $target } x 100 = { $result }
percent-level = (a la fecha - línea de base) / (meta - línea de base) x 100 = ({ $actual } - { $start }) / ({ $target } - { $start }) x 100 = { $result }
percent-milestone = un hito se cumple o no: no hay porcentaje de una meta progresiva
percent-of-target = de la meta vigente: { $formula }
percent-of-end = de la meta final: { $formula }
explain-thresholds = umbrales: en curso desde { $on_track } %, en riesgo desde { $at_risk } %, retrasado por debajo
rule-reached = regla: una cifra a la fecha que alcanza o supera la meta de fin de proyecto está lograda, sea cual sea el período
rule-milestone = regla: un hito está logrado una vez registrado como hecho, retrasado cuando su fecha pasa sin él, no alcanzado cuando el proyecto termina sin él, si no aún no vence
rule-nothing-expected = regla: mientras la meta vigente sea el valor inicial, no se espera nada
rule-missing = regla: se esperaba avance al final del período y no hay valor registrado
rule-progress = regla: el porcentaje de la meta vigente se califica con los umbrales
rule-target-equals-baseline = regla: con la meta igual a la línea de base, el avance no se puede medir
rule-no-target = regla: sin meta no se puede juzgar ningún estado
rule-not-achieved = regla: en el último período del proyecto (el que contiene su fecha de fin), una cifra a la fecha inferior a la meta de fin de proyecto es no alcanzada
rule-fell-back = regla: un nivel que alcanzó su meta de fin de proyecto y volvió a bajar se califica de nuevo frente a la meta vigente, y se muestra la caída

## The tracking table's workbook (xlsx).

xlsx-indicator = Indicador
xlsx-result = Resultado
xlsx-level = Nivel
xlsx-title = Título
xlsx-type = Tipo
xlsx-unit = Unidad
xlsx-direction = Dirección
xlsx-cumulative = Acumulativo
xlsx-aggregate = Agregación
xlsx-baseline = Línea de base
xlsx-baseline-date = Fecha de la línea de base
xlsx-targets = Metas
xlsx-end-target = Meta final
xlsx-disaggregated-by = Desglosado por
xlsx-definition = Definición
xlsx-data-source = Fuente de datos
xlsx-collection-method = Método de recolección
xlsx-frequency = Frecuencia
xlsx-responsible = Responsable
xlsx-category = categoría
xlsx-target = Meta
xlsx-actual = Real
xlsx-life-of-project = Vida del proyecto (a la fecha al { $last })
xlsx-to-date = A la fecha
xlsx-percent-of-end = % del final
xlsx-status = Estado
xlsx-why = Por qué
xlsx-total = total
xlsx-running-total = total acumulado
xlsx-per-period = por período
xlsx-notes-title = Tabla de seguimiento de indicadores, { $first } .. { $last }
xlsx-note-target = Meta: la meta acordada escrita en logframe.yaml para el período; en cursiva, el valor esperado a la fecha, según target_rule (interpolado linealmente por días entre las metas acordadas, o la última meta acordada vigente hasta la siguiente), en unidades enteras para los conteos (los porcentajes usan el valor exacto).
xlsx-note-actual = Real: el total acumulado hasta el final del período para los indicadores acumulativos (columna unidad: total acumulado); el valor medido dentro del período para los demás (por período).
xlsx-note-percent = %: real frente a la meta vigente; para los niveles, avance desde la línea de base: (real - línea de base) / (meta - línea de base). Coloreado según el estado al final del período.
xlsx-note-life = Vida del proyecto: la meta de fin de proyecto, el valor a la fecha en el último período mostrado, su porcentaje y el estado con su motivo.
xlsx-note-figures = Las cifras son decimales exactos en logframe; las celdas las guardan como números de hoja de cálculo. `logframe explain` muestra cómo se obtuvo cada cifra.
xlsx-outcome-or-output = Resultado o producto
xlsx-outcome = resultado
xlsx-output = producto
xlsx-indicators = Indicadores
xlsx-all-outcomes = Todos los niveles de resultados
xlsx-all-outputs = Todos los niveles de productos
xlsx-target-at = Meta a { $period }
xlsx-target-kind = Tipo de meta
xlsx-agreed = acordada
xlsx-expected = esperada a la fecha
xlsx-actual-at = Real a { $period }
xlsx-percent-of-target = % de la meta
xlsx-comments = Comentarios y explicación de las variaciones
xlsx-narrative = Narrativa
xlsx-in-force = Vigente
xlsx-due = Valores debidos
xlsx-received = Recibidos
xlsx-completeness = Completitud
xlsx-judged = Recibidos con fecha
xlsx-on-time = A tiempo
xlsx-timeliness = Puntualidad
xlsx-broken-down = Períodos en varias formas
xlsx-add-up = Cuadran
xlsx-consistency = Coherencia
xlsx-missing = Períodos faltantes
xlsx-late = Períodos tardíos
xlsx-note = Nota
xlsx-country = País
xlsx-all = Todos los indicadores verificados
xlsx-not-checked-irregular = Completitud y puntualidad no verificadas: la frecuencia «{ $frequency }» no indica ningún período regular.
xlsx-not-checked-milestone = Completitud y puntualidad no verificadas: un hito vence una sola vez, en su fecha.
xlsx-country-completeness = No hay completitud por país: el marco no dice qué países informan en qué período.
xlsx-quality-as-of = Calidad de los datos al { $day }. Un valor vence { $days } días después del fin de su período (reporting_deadline_days del proyecto, o --deadline-days).
xlsx-quality-completeness = Completitud: de los períodos de la frecuencia del indicador que caen enteramente dentro del proyecto y ya vencieron, los que tienen un valor.
xlsx-quality-timeliness = Puntualidad: de los períodos recibidos, aquellos cuyos valores se registraron por primera vez (recorded_at; las correcciones no se juzgan) antes del vencimiento. Las filas sin recorded_at no se juzgan.
xlsx-quality-consistency = Coherencia: de los períodos registrados en más de una forma (un total y un desglose, o dos desgloses), aquellos cuyos desgloses cuadran con el total.

## Las páginas web (logframe serve)
web-skip = Ir al contenido
web-sign-in = Iniciar sesión
web-sign-out = Cerrar sesión
web-user = Nombre de usuario
web-password = Contraseña
web-wrong = Nombre de usuario o contraseña incorrectos.
web-throttled = Demasiados intentos fallidos. Espere estos segundos y vuelva a intentarlo:
web-signed-in-as = Sesión de
web-frameworks = Marcos lógicos
web-no-frameworks = Todavía no tiene acceso a ningún marco lógico.
web-framework = Marco lógico
web-period = Período
web-show = Mostrar
web-indicators = Indicadores
web-status = Estado
web-charts = Gráficos
web-funding = Financiación
web-summary-chart = Porcentaje de la meta a la fecha, por indicador
web-progress-chart = Meta y logro a la fecha
web-burn-chart = Gasto frente al tiempo transcurrido
web-all-frameworks = Todos los marcos lógicos
web-does-not-load = Este marco lógico no se carga:
web-check-hint = Ejecute `logframe check` en el espacio de trabajo para ver el detalle.
web-no-funding = Sin sección financiera.
web-users = Usuarios
web-role = Rol
web-language = Idioma
web-countries = Países
web-all = todos
web-forbidden = No tiene acceso a esta página.
web-not-found = Esta página no existe.
web-bad-request = No se pudo usar la solicitud:
web-csrf = El formulario había caducado. Vuelva a cargar la página y envíelo de nuevo.
web-error = Error
web-indicator = Indicador
web-title = Título
web-baseline = Línea de base
web-this-period = Este período
web-to-date = A la fecha
web-target-to-date = Esperado a la fecha
web-end-target = Meta final
web-percent-target = % de lo esperado
web-enter = Registrar valores
web-enter-title = Valores del período
web-enter-intro = Cada indicador previsto en este período, con los valores vigentes. Solo se guardan las celdas que cambie, todas o ninguna.
web-save = Guardar
web-value = Valor
web-numerator = Numerador
web-denominator = Denominador
web-score = Puntuación
web-text = Texto
web-yes = sí
web-no = no
web-not-given = sin dato
web-total = Total
web-breakdown = Desglose
web-unit = Unidad
web-errors-nothing-saved = Algunos valores tienen errores, indicados junto a cada uno. No se guardó nada.
web-nothing-changed = No cambió ningún valor: nada que guardar.
web-saved = Guardado.
web-new-values = valores nuevos
web-corrections = correcciones
web-waiting = pendientes de revisión
web-rejected-by = Rechazado por
web-waiting-value = Pendiente de revisión:
web-country-only = Los indicadores sin desglose por país los registran usuarios sin restricción de países:
web-nothing-due = Ningún indicador está previsto en este período.
web-queue = Pendientes de revisión
web-queue-empty = Nada pendiente de revisión.
web-replaces = Reemplaza
web-nothing-in-force = nada vigente
web-entered-by = Registrado por
web-approve = Aprobar
web-reject = Rechazar
web-comment = Comentario
web-reject-comment = Comentario (obligatorio para rechazar)
web-decision = Decisión
web-history = Historial
web-explanation = Cómo se obtiene la cifra
web-recorded-at = Registrado el
web-by = Por
web-state = Estado
web-in-force = vigente
web-superseded = reemplazado
web-approved-by = aprobado por
web-rejection-by = rechazo por
web-void-by = retirado por
web-entered-approved = registrado, aprobado por
web-entered-rejected = registrado, rechazado por
web-entered-unreviewed = registrado, sin revisar, reemplazado
web-no-rows = Ningún valor registrado.
web-downloads = Descargas
web-report-pdf = Informe (PDF)
web-report-md = Informe (Markdown y gráficos, zip)
web-iptt-xlsx = Tabla de seguimiento (xlsx)
web-iptt-csv = Tabla de seguimiento (CSV)
web-iati-xml = IATI XML
web-report-language = Idioma del informe
web-download = Descargar
web-english = inglés
web-french = francés
web-spanish = español
web-dashboard = Panel
web-open-indicator = Abrir la página del indicador
web-reject-needs-comment = Un rechazo necesita un comentario que diga qué corregir.

## Terminal: logframe portfolio (indicadores estándar agregados entre marcos).

portfolio-title = cartera al { $date } ({ $from }): { $count } marcos, cada uno en su último período de informe terminado en esa fecha
portfolio-date-period = el fin de { $period }
portfolio-date-as-of = registros al { $date }
portfolio-date-today = hoy
portfolio-standards = indicadores estándar
portfolio-no-standards = no hay frameworks/standards.yaml: ningún indicador estándar que agregar
portfolio-standard = { $code }: { $title } ({ $unit })
portfolio-total-sum = total: { $value } { $unit }
portfolio-total-pool = agrupado: { $percent } ({ $numerator }/{ $denominator })
portfolio-total-none = total: sin valor
portfolio-total-list = los niveles se listan, nunca se suman
portfolio-total-done = hitos: { $done } cumplidos, { $overdue } atrasados, { $notdue } aún no vencidos
portfolio-undefined = indefinido
portfolio-misfit-unit = no sumado: la unidad { $unit } no corresponde
portfolio-misfit-type = no sumado: un indicador de tipo { $type }
portfolio-misfit-per-period = no sumado: una cifra por período, no un total acumulado
portfolio-no-period = ningún período terminado
portfolio-no-value-here = sin valor
portfolio-no-value = sin valor para el período: { $frameworks }
portfolio-by = por { $by }
portfolio-not-broken-down = sin desagregar
portfolio-no-donor = ningún donante indicado
portfolio-status-by-framework = estado por marco
portfolio-funding = financiación por moneda (las monedas nunca se suman)
portfolio-without-funding = sin sección de financiación: { $frameworks }
portfolio-left-out = { $dir }: excluido de la cartera, no se carga
portfolio-col-framework = marco
portfolio-col-unit = unidad
portfolio-col-note = nota
portfolio-col-frequency = informes
portfolio-col-off-track = indicadores fuera de rumbo o no alcanzados

## El informe de cartera (report --portfolio).

pf_title = Informe de cartera
pf_date = Fecha de la agregación
pf_date_taken = Fecha tomada
pf-date-period = el final de { $period }
pf_date_as_of = los registros tal como estaban al final de ese día (--as-of)
pf_date_today = hoy
pf_how = Cada marco se toma en su último período de informe terminado en esta fecha o antes, con sus valores hasta el final de ese período.
pf_frameworks = Marcos de resultados
pf_framework = Marco
pf_period = Período tomado
pf_no_period = ningún período de informe terminado
pf_standards = Indicadores estándar
pf_no_standards = El espacio de trabajo no describe indicadores estándar (frameworks/standards.yaml).
pf_rule = Regla
pf_rule_sum = conteos sumados
pf_rule_pool = porcentajes agrupados (suma de numeradores / suma de denominadores)
pf_rule_list = niveles enumerados, nunca sumados
pf_rule_done = hitos contados: cumplidos, atrasados, aún no vencidos
pf_contribution = Valor a la fecha
pf_note = Nota
pf-total-sum = { $value } { $unit }
pf-total-pool = { $percent } ({ $numerator } / { $denominator })
pf_total_none = sin valor
pf_total_list = los niveles se enumeran, nunca se suman
pf-total-done = { $done } cumplidos, { $overdue } atrasados, { $notdue } aún no vencidos
pf_split = Desglose por
pf_group = Grupo
pf_not_broken_down = sin desglosar
pf-no-value = Sin valor para el período: { $frameworks }
pf-misfit-unit = no sumado: la unidad { $unit } no corresponde
pf-misfit-type = no sumado: un indicador de tipo { $type }
pf_misfit_per_period = no sumado: una cifra por período, no un total acumulado
pf_no_value_here = sin valor
pf_chart = Contribución por marco
pf_off_track = Proyectos con retraso o por debajo de sus metas
pf_off_track_none = Ningún indicador está con retraso ni por debajo de su meta final.
pf_indicators_off_track = Indicadores con retraso o no alcanzados
pf_funding = Financiación por moneda
pf_funding_note = Las monedas nunca se suman entre sí.
pf_currency = Moneda
pf_projects = Proyectos
pf_projects_status = Proyectos: indicadores por estado
pf-without-funding = Sin sección de financiación: { $frameworks }

## Resultados en igualdad de género (report/gender.rs)
gender_equality = Resultados en igualdad de género
gender_total = Total desglosado por sexo
gender_women = Mujeres
gender_trend_up = al alza
gender_trend_down = a la baja
gender_trend_same = sin cambio
gender_denominator = personas contadas en el denominador
gender_values = registrados
gender-col-period = { $women } (período)
gender-col-previous = { $women } (acumulado, período anterior)
gender-col-target = Meta ({ $women })
gender-col-trend = Tendencia
gender-at-least = al menos { $share }
gender-table-caption = Proporción de cada categoría hasta la fecha (valor), { $period }
gender-note = Las proporciones se calculan sobre los valores desglosados por sexo, agrupados en todos los períodos hasta la fecha (para un indicador de nivel, su último período); para un indicador porcentual, sobre las personas contadas en el denominador. Se muestran todas las categorías, «otro» incluido. La tendencia compara la proporción de mujeres hasta la fecha con la del final del período de informe anterior ({ $previous }).
gender-sentence = Las mujeres son el { $share } de un total de { $total } { $counted } (valores desglosados por sexo, hasta la fecha).
gender-sentence-period = Este período: { $share } de { $total }.
gender-target-met = La meta de al menos un { $target } de mujeres se cumple.
gender-target-not-met = La meta de al menos un { $target } de mujeres no se cumple.
gender-trend = { $way ->
    [up] Sube desde { $previous } al final de { $period }.
    [down] Baja desde { $previous } al final de { $period }.
   *[same] Sin cambio desde el final de { $period }.
}
gender-categories = { $dimension }: { $list }.
gender-nothing = Aún no hay valores desglosados por sexo.
gender-zero = El total desglosado por sexo hasta la fecha es 0: no hay proporción que dar.
gender-overall = En conjunto, las mujeres son el { $share } de un total de { $total } { $counted } del indicador { $id } ({ $title }) hasta la fecha{ $target }.
gender-overall-target = , frente a una meta de al menos un { $target }

## logframe sheet: el libro de captura
sheet-entry-name = Entrada
sheet-instructions-name = Instrucciones
sheet-col-title = título
sheet-col-unit = unidad
sheet-col-expected = qué ingresar
sheet-col-definition = definición
sheet-expect-count = un número entero, 0 o más
sheet-expect-number = un número
sheet-expect-percentage = numerador y denominador (el porcentaje se calcula)
sheet-expect-milestone = yes (sí) o no
sheet-expect-text = un texto
sheet-expect-scored = un texto, y una puntuación de { $min } a { $max }
sheet-invalid-title = Valor no aceptado
sheet-invalid-count = Escriba un número entero, 0 o más.
sheet-invalid-figure = Escriba un número, 0 o más.
sheet-invalid-score = Escriba una puntuación de { $min } a { $max }.
sheet-invalid-list = Elija un valor de la lista.
sheet-title = { $project }: valores esperados para { $period }
sheet-for-country = País: { $country }. Aquí solo se piden los valores desglosados por país; los totales del proyecto los ingresa la coordinación.
sheet-for-all = Todos los países, y los totales.
sheet-count = { $rows } { $rows ->
        [one] valor esperado
       *[other] valores esperados
    }, { $prefilled } { $prefilled ->
        [one] ya registrado (precargado)
       *[other] ya registrados (precargados)
    }.
sheet-step-fill = 1. En la hoja «{ $sheet }», escriba las cifras en las celdas blancas: el valor; el numerador y el denominador para los porcentajes; la puntuación y el texto para los indicadores cualitativos. Las celdas grises son fijas.
sheet-step-blank = 2. Deje vacías las celdas de un valor que no tiene: una fila sin valor se omite, no se rechaza.
sheet-step-prefilled = 3. Los valores ya registrados vienen precargados. Cámbielos solo para corregirlos: la importación registra el cambio como una corrección, y un valor sin cambios no cambia nada.
sheet-step-numbers = 4. Escriba las cifras como números. Los hitos llevan yes (sí) o no. No cambie el nombre de las columnas de la primera fila; las columnas entre paréntesis son para leer y no se importan.
sheet-step-import = 5. Guarde el libro e impórtelo: logframe import { $framework } ARCHIVO.xlsx. Cada fila se verifica antes de escribir nada; un error indica su celda (por ejemplo { $cell }) y no se importa nada hasta corregirlo.
sheet-skipped = No se piden aquí (no desglosados por país): { $list }.
sheet-summary = { $rows } { $rows ->
        [one] valor esperado
       *[other] valores esperados
    } para { $period }, { $prefilled } { $prefilled ->
        [one] precargado
       *[other] precargados
    }
sheet-columns = Las columnas (sus nombres, en la primera fila, son los que lee la importación):
sheet-about-indicator = el código del indicador (fijo)
sheet-about-period = el período de reporte (fijo)
sheet-about-dim = la categoría de { $name } (fija; vacía en una fila de total)
sheet-about-value = la cifra del período; yes (sí) o no para un hito; el texto de un indicador cualitativo
sheet-about-numerator = de un porcentaje: el número que cumple el criterio (p. ej. 42 de 60)
sheet-about-denominator = de un porcentaje: el número evaluado (p. ej. 60)
sheet-about-score = de un indicador cualitativo: la puntuación en su escala
sheet-about-comment = una nota sobre el valor (opcional)
sheet-about-source = de dónde viene la cifra (opcional)

## Risk register and workplan (report/risks.rs, report/workplan.rs)
risk_register = Registro de riesgos
risk_col_risk = Riesgo
risk_col_category = Categoría
risk_col_score = Probabilidad × impacto
risk_col_rating = Calificación
risk_col_before = Período anterior
risk_col_trend = Tendencia
risk_mitigation = Mitigación
risk_owner = Responsable
risk_results = Resultados afectados
risk_no_update = Sin actualización para este período.
risk_none_rose = Ninguna calificación de riesgo aumentó en el período.
risk-intro = Cada riesgo se califica como probabilidad × impacto (de 1 a 5 cada uno, es decir de 1 a 25) al final de { $period }, frente a su calificación antes de que empezara el período; los riesgos se ordenan por calificación, de mayor a menor. Niveles: bajo 1–4, medio 5–9, alto 10–16, crítico 20–25.
risk-rating = { $rating } ({ $level })
risk-rose = La calificación aumentó para { $count ->
    [one] un riesgo
   *[other] { $count } riesgos
}: { $list }.
risk-rose-item = { $id } ({ $before } → { $now })
risk-update = Actualización, { $period }: { $text }
risk-trend-up = al alza
risk-trend-down = a la baja
risk-trend-same = sin cambio
risk-level-low = bajo
risk-level-medium = medio
risk-level-high = alto
risk-level-critical = crítico
risk-category-operational = Operativo
risk-category-political = Político
risk-category-security = Seguridad
risk-category-financial = Financiero
risk-category-fiduciary = Fiduciario
risk-category-reputational = Reputacional
risk-category-environmental = Ambiental
risk-category-social = Género y social
workplan = Plan de trabajo
workplan_activity = Actividad
workplan_result = Resultado
workplan_planned = Fechas previstas
workplan_status = Estado
workplan_note = Nota
workplan_status_note = Los estados son los de la última actualización del equipo.
workplan-status-planned = Prevista
workplan-status-under_way = En curso
workplan-status-done = Realizada
workplan-status-delayed = Retrasada
workplan-status-cancelled = Cancelada
workplan-status-count = { $status }: { $count }
workplan-summary = { $planned ->
    [one] Una actividad estaba prevista
   *[other] { $planned } actividades estaban previstas
} en { $period } (sus fechas previstas se solapan con el período); { $due ->
    [0] ninguna debía terminar en él
    [one] una debía terminar en él, y { $done ->
        [0] no está realizada
       *[other] está realizada
    }
   *[other] { $due } debían terminar en él, de las cuales { $done ->
        [0] ninguna está realizada
        [one] una está realizada
       *[other] { $done } están realizadas
    }
}. Por estado: { $statuses }.
workplan-none = No había ninguna actividad prevista en { $period }.
workplan-next-heading = Período siguiente: { $period } ({ $dates })
workplan-next-none = No queda ninguna actividad prevista para { $period }.
workplan-last = { $period } es el último período de informe del proyecto: no sigue ningún período.
workplan-overdue = atrasada desde el { $date }
workplan-done-on = realizada el { $date }
workplan-note-join = { $a }; { $b }

## Narrative scaffold and stories (report/scaffold.rs, report/stories.rs, `logframe narrative new`)
story_indicators = Indicadores vinculados
photo_credit = Crédito
narrative-untranslated = No se proporcionó una versión { $language ->
    [en] en inglés
    [fr] en francés
   *[es] en español
} de la narrativa: se reproduce la narrativa del equipo tal como fue redactada, en { $original ->
    [en] inglés
    [fr] francés
   *[es] español
}.
narrative-scaffold-title = Narrativa de { $project }, { $period }
narrative-heading-context = Contexto
narrative-heading-progress = Avances y explicación de las desviaciones
narrative-heading-gender = Igualdad de género
narrative-heading-environment = Medio ambiente
narrative-heading-governance = Gobernanza
narrative-heading-risks = Riesgos y medidas de mitigación
narrative-heading-lessons = Lecciones aprendidas
narrative-heading-next = Próximo período
narrative-heading-stories = Historias de éxito
narrative-prompt-context = Qué cambió en el contexto durante el período (político, institucional, de seguridad) que el lector necesita saber.
narrative-prompt-progress = Qué se logró respecto del marco de medición del desempeño, y por qué las cifras difieren de lo esperado. Explique cada indicador a continuación.
narrative-prompt-explain = Explicación: por qué, y qué hace el equipo al respecto.
narrative-prompt-gender = Resultados para las mujeres y para los hombres, y cómo el trabajo promovió la igualdad de género.
narrative-prompt-environment = Efectos del trabajo en el medio ambiente, y cómo se gestionaron.
narrative-prompt-governance = Participación, transparencia y rendición de cuentas en el trabajo del proyecto y de sus socios.
narrative-prompt-risks = Los riesgos que cambiaron durante el período, y qué se hizo para mitigarlos.
narrative-prompt-lessons = Qué aprendió el equipo, y qué mantendrá o cambiará.
narrative-prompt-next = Qué está previsto para el próximo período.
narrative-prompt-stories = Una historia por cada título `###`. Bajo el título, líneas opcionales `Indicadores: 1100.2, 1200.1`, `Foto: fotos/archivo.jpg` (un JPEG o PNG de esta carpeta), `Leyenda: …` y `Crédito: …`; luego la historia.
narrative-wrote = escrito: { $path } ({ $sections } secciones, { $bullets ->
    [one] { $bullets } indicador por explicar
   *[other] { $bullets } indicadores por explicar
})

## Pages and charts
data_as_of = Datos al
chart-axis-period = Período de informe
pdf-progress-note = Avance: la barra muestra el porcentaje del valor esperado a la fecha, hasta 150 %; la marca indica 100 %.

## La web: de quién es el valor, las cifras de un país (incidencia 17)
web-replace-title = Valores registrados por otra persona
web-replace-intro = No se guardó nada. Los valores marcados abajo los registró otra persona, y los suyos los reemplazarían. Confirme con esa persona que sus valores son correctos; luego marque la casilla y guarde de nuevo.
web-replace-confirm = Reemplazar estos valores: lo he verificado con quien los registró
web-recorded-by = Registrado por
web-whole-project = Todo el proyecto
web-country = País
web-country-intro = Lo registrado para este país, en el período y a la fecha. Las metas se fijan para todo el proyecto, por eso aquí no hay porcentaje ni estado.
web-not-by-country = Sin desglose por país (solo el proyecto entero tiene sus cifras):
web-saved-warnings = Guardado, pero conviene revisarlo:
