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
web-target-to-date = Meta a la fecha
web-end-target = Meta final
web-percent-target = % de la meta
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
