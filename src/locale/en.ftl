# English: the report in English and every terminal output.
# Every message id exists in every language (a test checks it, and that
# each message takes the same arguments). Ids without a hyphen are the
# report's labels, given whole to the templates (`labels.baseline`).
# Invisible characters: U+202F (narrow no-break space, French thousands
# and before `:`, `;`, `%`), U+00A0 (no-break space, Spanish before `%`).

## Labels of the report.

report_title = Progress report
project_id = Project
funding = Financial overview
pledged = Pledged
shortfall = Shortfall
spent = Spent to date
remaining = Remaining
spent_share = Share of budget spent
elapsed_share = Share of project time elapsed
burn_rate = Burn rate
pledges = Pledges
pledge_donor = Donor
pledge_date = Date
amount = Amount
budget_lines = Spending by budget line
budget_line = Budget line
allocation = Allocation
overspent = overspent
burn_chart = Cumulative spending against time elapsed
burn_spent = Spent (% of budget)
burn_time = Time elapsed (%)
no_budget_line = no budget line
this_period = This period
percent_spent = % spent
variance = Variance
spending_explanation = Explanation
forecast = Forecast
forecast_basis = Basis
not_recorded = not recorded
forecast_written = forecast written
forecast_average = forecast (average spending per period)
spent_this_period = Spent this period
variance_overall = Variance against the budget pro-rated to time
iati_id = IATI identifier
donor = Donor
implementer = Implementing organisation
reporting_period = Reporting period
fiscal_year = Fiscal year
project_dates = Project dates
budget = Budget
countries = Countries
generated = Generated on
as_of = Ledger as of
description = Project description
executive_summary = Executive summary
indicators_by_status = Indicators by status
status = Status
indicators = Indicators
total = Total
headlines = Headline achievements
headlines_rule = Chosen by rule: indicators that reached their end-of-project target this period, then milestones done, then outputs at or above their target in force; never one that fell since the last period; at most three, largest progress first.
attention = Indicators off track, at risk or not achieved
none = None.
results = Results
outcomes = Outcomes
outputs = Outputs
indicator = Indicator
unit = Unit
baseline = Baseline
target_period = Target (period)
target_to_date = Expected to date
end_target = End-of-project target
actual_period = Actual (period)
actual_to_date = Actual to date
percent_to_date = % of expected to date
percent_of_end = % of end target
explanation = Status
assessment = Assessment
disaggregation = Disaggregation
comments = Comments recorded with the values
assumptions = Assumptions
chart = Progress chart
summary_chart = Percent of the target to date, by indicator
chart_target = Target
chart_actual = Actual to date
narrative = Narrative
no_narrative = No narrative was written for this period.
annex_pmf = Annex A: Performance measurement framework
definition = Definition
data_source = Data source
collection_method = Collection method
frequency = Frequency
responsible = Responsibility
annex_quality = Annex B: Data-quality notes
no_quality_notes = No data-quality issue was found.
level = Level
result = Result
colon = :
yes = yes
no = no

## Words of the status explanations (report and terminal alike).

status-achieved = achieved
status-on_track = on track
status-at_risk = at risk
status-off_track = off track
status-not_achieved = not achieved
status-no_data = no data
status-not_yet_due = not yet due
status-no_target = no target
# The report's sentence: `On track: ...`.
status-sentence = { $status }: { $reason }.
reason-reached = { $actual } reached the end-of-project target of { $target }
reason-milestone-done = done (recorded for { $period })
reason-milestone-done-late = done (recorded for { $period }), after its due date { $due }
reason-milestone-overdue = due by { $due } and not recorded as done
reason-milestone-not-due = due by { $due }
reason-nothing-expected = no progress is expected by { $by }
reason-missing = no value recorded by { $by }, when { $expected } was expected
reason-progress = { $actual } against { $expected } expected by { $by }: { $percent } of the expected progress ({ $verdict })
reason-progress-from = { $actual } against { $expected } expected by { $by }, from a baseline of { $start }: { $percent } of the expected progress ({ $verdict })
verdict-on-track = at least { $threshold } is on track
verdict-at-risk = below { $threshold } is at risk
verdict-off-track = below { $threshold } is off track
reason-target-equals-baseline = the target in force ({ $target }) equals the baseline, so progress is undefined
reason-no-target = no target is set
reason-no-target-no-data = no target is set and no value is recorded
reason-not-achieved = { $actual } at the project's end, against the end-of-project target of { $target }: { $percent } of the target
reason-not-achieved-from = { $actual } at the project's end, against the end-of-project target of { $target } from a baseline of { $start }: { $percent } of the way from the baseline to the target
reason-had-reached = { $reason }, after reaching { $from } in { $period }
reason-fell-back = fell from { $from } ({ $period }) to { $actual }, below the end-of-project target of { $target }; { $progress }

## The report's other sentences.

summary-headline = { $actual }{ $unit } against an end-of-project target of { $target } ({ $percent } of the target)
report-target-rule-interpolate = Targets: the end-of-project and period targets are the ones agreed in the logframe; the value expected to date is interpolated by days between them, shown in whole units for counts (statuses use the exact figure).
report-target-rule-step = Targets: the end-of-project and period targets are the ones agreed in the logframe; the value expected to date is the latest agreed target due by the period's end, held until the next one.
report-target-rule-except-step = For { $ids }, the value expected to date is instead the latest agreed target due by the period's end.
report-target-rule-except-interpolate = For { $ids }, the value expected to date is instead interpolated by days between the agreed targets.
note-percent-ratio = % of end target for running totals and other figures counted from zero is the value to date over the end target: { $actual } / { $target } = { $percent } ({ $id }).
note-percent-level = % of end target for level indicators is progress from the baseline: ({ $actual } − { $start }) / ({ $target } − { $start }) = { $percent } ({ $id }).
note-percent-expected = % of expected to date is the same formula with the exact value expected to date in place of the end target.
burn-sentence = { $spent } of the budget is spent after { $elapsed } of the project's time: a burn rate of { $rate }, a variance of { $variance } against the budget pro-rated to time; { $pace ->
        [ahead] spending runs ahead of time
        [behind] spending runs behind time
       *[in-step] spending is in step with time (within ±{ $band })
    }.
burn-sentence-upto = Up to { $period }, the last period with expenditure recorded, { $spent } of the budget was spent after { $elapsed } of the project's time: a burn rate of { $rate }, a variance of { $variance } against the budget pro-rated to time; { $pace ->
        [ahead] spending ran ahead of time
        [behind] spending ran behind time
       *[in-step] spending was in step with time (within ±{ $band })
    }.
burn-lines = { $pace ->
        [ahead] Running ahead of time
       *[behind] Running behind time
    }: { $lines }.
burn-line = { $line } ({ $spent } spent, variance { $variance })
burn-lines-in-step = Every budget line is within ±{ $band } of its pro-rated budget.
missing-note = No expenditure is recorded for { $periods } (see the data-quality annex): spending to date includes nothing for { $count ->
        [one] that period
       *[other] those periods
    }, which does not mean that nothing was spent.
statement-caption = Spending by budget line, { $period }
variance-note = Variance compares spending to date with the budget pro-rated to time: the budget × { $elapsed }, the share of the project's days elapsed by { $date }. Beyond ±{ $band } a line runs ahead of or behind time. { $line }: ({ $spent } − { $prorated }) ÷ { $prorated } = { $variance }.
forecast-caption = Forecast for { $period }
forecast-average-note = Where no forecast is written, a line's forecast is its average spending per period: spending to date ÷ { $count } reporting { $count ->
        [one] period
       *[other] periods
    } with expenditure.
burn-to = { $rate } (to { $period })
shortfall-note = The source states a shortfall of { $currency } { $stated }; budget − pledged gives { $currency } { $computed }.

## The data-quality annex (report/data_quality.rs): plain sentences, no file references.

quality-missing = Indicator { $id }: no value was recorded for { $count ->
        [one] the period
       *[other] the periods
    } { $periods }.
quality-late = Indicator { $id }: the value for { $period }{ $breakdown } was recorded { $days } days after the period ended.
quality-future = Indicator { $id }: the value for { $period }{ $breakdown } carries a recording date in the future.
quality-outlier = Indicator { $id }: the value for { $period } ({ $value }) is far { $way ->
        [above] above
       *[below] below
    } the other { $periods ->
        [monthly] months
        [quarterly] quarters
        [semiannual] half-years
       *[annual] years
    } (median { $median }); { $noted }
quality-noted = the team noted: “{ $comment }”.
quality-not-noted = no comment recorded with it says why.
quality-percent-baseline = Indicator { $id }: the baseline, { $value }, is not a percentage between 0 and 100.
quality-percent-target = Indicator { $id }: the target for { $period }, { $value }, is not a percentage between 0 and 100.
quality-percent-end-target = Indicator { $id }: the end-of-project target, { $value }, is not a percentage between 0 and 100.
quality-percent-value = Indicator { $id }: the value for { $period }{ $breakdown }, { $value }, is not a percentage between 0 and 100.
quality-target-missing = Indicator { $id }: values are recorded for { $periods }, but no target applies to { $count ->
        [one] that period
       *[other] those periods
    }.
quality-expenditure-missing = No expenditure is recorded for { $periods }: spending to date counts nothing for { $count ->
        [one] that period
       *[other] those periods
    }.
quality-other = { $message }

## Results levels, disaggregation dimensions and their values.

level-ultimate_outcome = Ultimate outcome
level-intermediate_outcome = Intermediate outcome
level-immediate_outcome = Immediate outcome
level-output = Output
level-outcome = Outcome
level-impact = Impact
level-objective = Objective
level-activity = Activity
dimension-sex = Sex
dimension-country = Country
dimension-region = Region
dimension-age = Age
dimension-value-women = women
dimension-value-men = men
dimension-value-other = other
dimension-value-girls = girls
dimension-value-boys = boys

## Words only the PDF prints.

pdf-contents = Contents
pdf-page = Page { $n } of { $m }
pdf-progress = Progress

## Numbers and dates.

number-group = ,
number-point = .
percent = { $n }%
date = { $day } { $month } { $year }
date-range = { $start } – { $end }

# A fiscal quarter or half in the GAC layout: FY2023-24 Q2 (July–September 2023; calendar 2023-Q3)
# A calendar quarter or half as the report names it: 2023-Q3, 2013-H2 (the ledger's code).
period-quarter = { $year }-Q{ $n }
period-half = { $year }-H{ $n }
# Digits of the fiscal year's second year: FY2023-24 (2) or 2023-2024 (4).
fiscal-year-end-digits = 2
fiscal-year-name = FY{ $start }-{ $end }
fiscal-year-short = FY{ $start }-{ $end }
fiscal-quarter = Q{ $n }
fiscal-half = H{ $n }
month-span = { $from }–{ $to } { $year }
month-span-years = { $from } { $from_year }–{ $to } { $to_year }
period-fiscal = { $fy } { $part } ({ $months }; calendar { $code })

## The funding command's sentences (terminal).

funding-check-agrees = agrees
funding-check-less = stated is { $gap } less
funding-check-more = stated is { $gap } more
funding-shortfall-agrees = the stated shortfall { $currency } { $stated } agrees with budget - pledged
funding-shortfall-differs = the stated shortfall { $currency } { $stated } does not add up: budget - pledged is { $computed }, the source states { $gap } { $way ->
        [less] less
       *[more] more
    }
funding-burn-undefined = undefined (no time elapsed or no budget)
funding-burn-in-step = { $rate }, variance { $variance } (spending in step with time, within ±10 %)
funding-burn-slower = { $rate }, variance { $variance } (spending behind time)
funding-burn-faster = { $rate }, variance { $variance } (spending ahead of time)
funding-burn-rate-to = burn rate to { $period }, the last period with expenditure: { $text }
funding-spent-this-period = spent in { $period }
funding-not-recorded = not recorded
funding-missing = finding: no expenditure recorded for { $periods } (not counted as zero)
funding-col-this-period = this period
funding-col-variance = variance
funding-col-pace = pace
funding-pace-behind = behind
funding-pace-in-step = in step
funding-pace-ahead = ahead
funding-comments = explanations written with the expenditure of { $period }
funding-forecast = forecast for { $period }
funding-col-forecast = forecast
funding-col-basis = basis
funding-basis-written = written
funding-basis-average = average spending per period
funding-average-note = average spending per period: spending to date / { $count } reporting periods with expenditure
funding-portfolio-title = funding portfolio: { $count } { $count ->
        [one] project
       *[other] projects
    }

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## The commands' summaries (terminal).

cli-wrote = wrote { $path }
commit-dry-run = dry run, nothing written
commit-counts = { $project }: { $added } new, { $corrections } { $corrections ->
        [one] correction
       *[other] corrections
    }, { $unchanged } unchanged
commit-older = { $n } older than the value in force (kept in the history)
commit-pending = { $n } waiting for review
commit-approved = { $n } approved
commit-rejected = { $n } rejected
commit-voided = { $n } withdrawn
commit-row-new = { $what }: { $new } (new)
commit-row-correction = { $what }: { $old } -> { $new }
commit-row-comment = { $what }: { $new } (same value, comment changed)
commit-row-waiting = { $what }: { $new }, waiting for review
commit-row-void = { $what }: { $old } -> withdrawn
commit-kept = { $what } = { $value }: kept in the trail, not in force; { $in_force } stays in force (recorded { $at } by { $by }, { $place })
check-counts = { $id }: { $results } results, { $indicators } indicators, { $rows } ledger rows
check-quality = quality checked on { $day }
check-ok = { $summary }: ok
check-findings = { $summary }: { $errors } { $errors ->
        [one] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }
check-rates = completeness { $received }/{ $due } values due received ({ $completeness }); timeliness { $on_time }/{ $judged } on time ({ $timeliness }); consistency { $added }/{ $broken } breakdowns add up ({ $consistency }); a value is due { $days } days after its period ends
check-rates-indicator = { $id }: completeness { $received }/{ $due } ({ $completeness }), timeliness { $on_time }/{ $judged } ({ $timeliness }), consistency { $added }/{ $broken } ({ $consistency })
check-rates-irregular = { $id }: completeness and timeliness not checked: its frequency “{ $frequency }” names no regular period; consistency { $added }/{ $broken } ({ $consistency })
check-rates-milestone = { $id }: completeness and timeliness not checked: a milestone is due once, by its date; consistency { $added }/{ $broken } ({ $consistency })
history-none = no values recorded
history-counts = { $rows } { $rows ->
        [one] row
       *[other] rows
    }, { $in_force } in force, { $superseded } superseded
history-withdrawn = { $n } withdrawn
review-nothing = { $project }: nothing is waiting for review
review-replaces = replaces { $value } (by { $by }, { $at })
review-new-value = new value
review-line = { $id }  { $indicator } { $period } ({ $breakdown }) = { $value }  by { $by }, { $at }; { $replaces }
init-created = created { $dir }/logframe.yaml
init-next = next: edit it, then `logframe check { $dir }`
templates-kept = kept { $path } (already there)
templates-next = edit a file and pass `--templates { $dir }` to `logframe report`; delete the ones you keep unchanged
report-wrote-pdf = wrote { $path } ({ $kb } kB)
report-wrote = wrote { $path } ({ $charts } charts)
iati-imported = { $id }: { $results } results, { $indicators } indicators, { $rows } ledger rows written to { $dir }
funding-left-out = { $dir }: left out of the portfolio, it does not load

## Terminal tables: status, history, explain.

term-period = period { $period } ({ $start } .. { $end })
term-as-of = ledger as of { $date }
term-undated = undated
term-none = none
col-indicator = indicator
col-title = title
col-baseline = baseline
col-period = period
col-to-date = to date
col-target = target
col-end = end
col-end-target = end target
col-percent-target = % target
col-percent-end = % end
col-status = status
col-breakdown = breakdown
col-value = value
col-recorded-at = recorded_at
col-by = by
col-source = source
col-comment = comment
col-row = row
col-state = state
col-superseded-by = superseded by
col-role = role
status-counts = { $n } indicators: { $counts }
status-category = category { $categories }: the values recorded for it only; targets and baselines are the whole project's and are not shown
status-not-broken-down = not broken down by { $dims }, so not shown: { $ids }
history-in-force = in force
history-superseded = superseded
history-approved = approved by { $by }
history-rejection = rejection by { $by }
history-void = withdrawn by { $by }
history-waiting = waiting for review
history-entered-approved = entered, approved by { $by }
history-entered-rejected = entered, rejected by { $by }
history-entered-not-reviewed = entered, not reviewed, superseded
explain-cumulative = cumulative
explain-not-cumulative = not cumulative
explain-aggregate = aggregate { $name }
explain-status = status: { $text }
explain-figures = period value { $period }, to date { $to_date }, target in force { $target }, end target { $end }, { $percent } of the target, { $percent_end } of the end target
explain-points = values in force that went into the figures
explain-no-points = none recorded up to the period's end
explain-within-period = (within the period)
explain-superseded = superseded by corrections
explain-aggregation = aggregation
explain-target = target
explain-percent = percent achieved
explain-status-title = status
explain-parts = targets by category
part-share = { $target } target: at least { $figure } { $category }; to date { $value } of { $total } = { $actual }, { $percent } of the target share: { $verdict }
part-value = { $target } target: at least { $figure } { $category }; to date { $value } of { $total }, { $percent } of the target part: { $verdict }
part-none = { $target } target: at least { $figure } { $category }; nothing recorded by { $dim } yet
part-met = met
part-not-met = not met
part-not-met-yet = not met yet (not yet due)
part-nothing = nothing recorded

## The funding command's tables (terminal).

funding-in = funding in { $currency }, project { $start } .. { $end }
funding-expenditure-to = expenditure to { $period } ({ $end })
funding-finding = finding: { $text }
funding-budget = budget
funding-pledged = pledged
funding-shortfall = shortfall
funding-stated-shortfall = stated shortfall
funding-spent-to-date = spent to date
funding-remaining = remaining
funding-time-elapsed = time elapsed
funding-burn-rate = burn rate: { $text }
funding-not-pledged = not in the pledged total (no rate to { $currency }): { $amounts }
funding-pledges = pledges
funding-no-rate = no rate
funding-col-in = in { $currency }
funding-col-donor = donor
funding-col-date = date
funding-col-currency = currency
funding-col-amount = amount
funding-col-rate = rate
funding-budget-lines = budget lines
funding-overspent = overspent
funding-col-line = line
funding-col-allocation = allocation
funding-col-spent = spent
funding-col-remaining = remaining
funding-col-percent-spent = % spent
funding-by-period = expenditure by period
funding-col-percent-budget = % of budget
funding-col-framework = framework
funding-col-budget = budget
funding-col-pledged = pledged
funding-col-shortfall = shortfall
funding-col-stated = stated
funding-col-check = check
funding-col-projects = projects
funding-totals = totals by currency (currencies are never added together)
funding-left-out-no-rate = pledges left out for want of a rate: { $list }

## The tracking table (terminal).

term-na = n/a
col-actual = actual
col-percent = %
compare-no-periods = no periods
compare-title = indicator performance tracking table, { $span }
compare-by = by { $dimension }
compare-actual-note = actual: running total to the period's end for cumulative indicators (*), else the value within the period;
compare-percent-note = %: actual against the target shown (level indicators: progress from the baseline); no target shown, nothing graded
compare-target-note = target: as written in logframe.yaml (agreed); ~ the value expected to date by the target_rule, counts in whole units
compare-not-broken-down = not broken down
compare-life-of-project = life of project, { $start } to { $end } (to date at { $last })
compare-no-indicators = no indicators
compare-target-note-agreed = target: as agreed in logframe.yaml, in the period its due date falls in (--targets expected: values expected between)
compare-target-note-both = target: as agreed in logframe.yaml, graded; expected: ~ the value expected to date by the target_rule, not graded
compare-increment-note = +: what the period added to the running total
compare-life-from-start = life of project counted from the project's start ({ $start }), before the first period shown
compare-basis-note = basis: the figure to date is the running total (total), the latest period's (latest) or every period pooled (pooled)
compare-other-note = other: a percentage taken the other way (pooled: sum of numerators / sum of denominators), where it differs
col-basis = basis
col-other = other
col-expected = expected
col-increment = +
compare-rule-running-total = total
compare-rule-latest = latest
compare-rule-pooled = pooled
compare-rule-max = max
compare-rule-mean = mean
compare-share = share { $share }
compare-share-target = share { $share }, target { $target }

## How a figure was obtained (logframe explain, terminal).

point-total = the total row ({ $value })
point-one = its one row by { $dims } ({ $value })
point-sum = the sum of { $n } rows by { $dims }: { $terms } = { $value }
point-adds-up = adds up
point-does-not-add-up = does NOT add up; the total is used
point-breakdown = breakdown by { $dims }: { $terms } = { $sum } ({ $verdict })
agg-period-none = period value ({ $period }): nothing recorded within the period
agg-period-one = period value ({ $period }): { $value } (one measured period)
agg-period-many = period value ({ $period }): `{ $rule }` of { $list } = { $value }
agg-cumulative = cumulative: the sum of every period value up to the period's end
agg-per-period = per-period sum: judged on the period asked for only
agg-level = a level: `{ $rule }` of every period value up to the period's end
agg-to-date-none = to-date value: none ({ $how })
agg-to-date = to-date value: { $value } ({ $how })
agg-to-date-list = to-date value: { $value } ({ $how }: { $list })
agg-pooled = percentages are pooled: numerators and denominators are added, then divided
anchor-start = the start value on { $date }
anchor-period = the { $period } target on { $date }
anchor-end = the end-of-project target on { $date }
target-milestone = a milestone has no running target; it is due by its earliest `yes` target
target-none-per-period = no target in force: a non-cumulative `sum` indicator is judged only against targets written for the period, and none is written for { $period }
target-none = no target in force: the indicator has no dated or end target to interpolate between
target-explicit = { $value }: written for { $period } in logframe.yaml
target-on-anchor = { $value }: { $anchor } (the anchor falls on the period's end)
target-interpolated = { $value }: interpolated by days between { $from } ({ $from_value }) and { $to } ({ $to_value }): { $from_value } + ({ $to_value } - { $from_value }) x { $done }/{ $span } days
target-start = { $value }: the period ends before the first anchor, so the start value holds
target-start-step = { $value }: no target written in logframe.yaml is due yet, so the start value holds (target_rule: step)
target-held = { $value }: the period ends after the last anchor ({ $from }), whose value holds
target-stepped = { $value }: the latest target written in logframe.yaml, due { $from }, holds until the next one (target_rule: step)
target-anchors = anchors: { $list }
target-end = end-of-project target: { $end }
target-no-end = no end-of-project target
percent-no-actual = undefined: no to-date value
percent-undefined = undefined (target equals the start)
percent-cumulative = to date / target x 100 = { $actual } / { $target } x 100 = { $result }
percent-level = (to date - baseline) / (target - baseline) x 100 = ({ $actual } - { $start }) / ({ $target } - { $start }) x 100 = { $result }
percent-milestone = a milestone is done or not: no percent of a running target
percent-of-target = of the target in force: { $formula }
percent-of-end = of the end target: { $formula }
explain-thresholds = thresholds: on track from { $on_track } %, at risk from { $at_risk } %, off track below
rule-reached = rule: a to-date figure at or beyond the end-of-project target is achieved, whatever the period
rule-milestone = rule: a milestone is achieved once recorded as done, off track when its due date passes without it, not achieved when the project ends without it, else not yet due
rule-nothing-expected = rule: while the target in force is still the start value, nothing is expected
rule-missing = rule: progress was expected by the period's end and no value is recorded
rule-progress = rule: the percent of the target in force is graded by the thresholds
rule-target-equals-baseline = rule: with the target equal to the baseline, progress cannot be measured
rule-no-target = rule: without a target no status can be judged
rule-not-achieved = rule: at the project's final period (the one holding its end date), a to-date figure short of the end-of-project target is not achieved
rule-fell-back = rule: a level that reached its end-of-project target and fell back below it is graded again against the target in force, and the fall is shown

## The tracking table's workbook (xlsx).

xlsx-indicator = Indicator
xlsx-result = Result
xlsx-level = Level
xlsx-title = Title
xlsx-type = Type
xlsx-unit = Unit
xlsx-direction = Direction
xlsx-cumulative = Cumulative
xlsx-aggregate = Aggregate
xlsx-baseline = Baseline
xlsx-baseline-date = Baseline date
xlsx-targets = Targets
xlsx-end-target = End target
xlsx-disaggregated-by = Disaggregated by
xlsx-definition = Definition
xlsx-data-source = Data source
xlsx-collection-method = Collection method
xlsx-frequency = Frequency
xlsx-responsible = Responsible
xlsx-category = category
xlsx-target = Target
xlsx-actual = Actual
xlsx-life-of-project = Life of project (to date at { $last })
xlsx-to-date = To date
xlsx-percent-of-end = % of end
xlsx-status = Status
xlsx-why = Why
xlsx-total = total
xlsx-running-total = running total
xlsx-per-period = per period
xlsx-notes-title = Indicator performance tracking table, { $first } .. { $last }
xlsx-note-target = Target: the agreed target written in logframe.yaml for the period; in italics, the value expected to date instead, by the target_rule (interpolated linearly by days between agreed targets, or the latest agreed target held until the next), in whole units for counts (percents use the exact value).
xlsx-note-actual = Actual: the running total to the period's end for cumulative indicators (unit column: running total); the value measured within the period for others (per period).
xlsx-note-percent = %: actual against the target in force; for levels, progress from the baseline: (actual - baseline) / (target - baseline). Coloured by the status at the period's end.
xlsx-note-life = Life of project: the end-of-project target, the to-date value at the last period shown, its percent and the status with its reason.
xlsx-note-figures = Figures are exact decimals in logframe; cells hold them as spreadsheet numbers. `logframe explain` shows how any figure was obtained.
xlsx-outcome-or-output = Outcome or output
xlsx-outcome = outcome
xlsx-output = output
xlsx-indicators = Indicators
xlsx-all-outcomes = All outcome levels
xlsx-all-outputs = All output levels
xlsx-target-at = Target at { $period }
xlsx-target-kind = Target kind
xlsx-agreed = agreed
xlsx-expected = expected to date
xlsx-actual-at = Actual at { $period }
xlsx-percent-of-target = % of target
xlsx-comments = Comments and variance explanation
xlsx-narrative = Narrative
xlsx-in-force = In force
xlsx-due = Values due
xlsx-received = Received
xlsx-completeness = Completeness
xlsx-judged = Received with a date
xlsx-on-time = On time
xlsx-timeliness = Timeliness
xlsx-broken-down = Periods in several shapes
xlsx-add-up = Add up
xlsx-consistency = Consistency
xlsx-missing = Missing periods
xlsx-late = Late periods
xlsx-note = Note
xlsx-country = Country
xlsx-all = All indicators checked
xlsx-not-checked-irregular = Completeness and timeliness not checked: the frequency “{ $frequency }” names no regular period.
xlsx-not-checked-milestone = Completeness and timeliness not checked: a milestone is due once, by its date.
xlsx-country-completeness = Completeness by country is not given: the framework does not say which countries report in which period.
xlsx-quality-as-of = Data quality as of { $day }. A value is due { $days } days after the end of its period (the project's reporting_deadline_days, or --deadline-days).
xlsx-quality-completeness = Completeness: of the periods of the indicator's frequency that lie wholly within the project and are due, those with a value.
xlsx-quality-timeliness = Timeliness: of the periods received, those whose every value was first recorded (recorded_at; corrections are not judged) by the deadline. Rows without recorded_at are not judged.
xlsx-quality-consistency = Consistency: of the periods recorded in more than one shape (a total and a breakdown, or two breakdowns), those whose breakdowns add up to the total.

## The web pages (logframe serve): web-KEY is w.KEY in the templates
web-skip = Skip to content
web-sign-in = Sign in
web-sign-out = Sign out
web-user = User name
web-password = Password
web-wrong = Wrong user name or password.
web-throttled = Too many failed sign-ins. Wait this many seconds, then try again:
web-signed-in-as = Signed in as
web-frameworks = Frameworks
web-no-frameworks = No framework is shared with you yet.
web-framework = Framework
web-period = Period
web-show = Show
web-indicators = Indicators
web-status = Status
web-charts = Charts
web-funding = Funding
web-summary-chart = Percent of the target to date, per indicator
web-progress-chart = Target and actual to date
web-burn-chart = Spending against time elapsed
web-all-frameworks = All frameworks
web-does-not-load = This framework does not load:
web-check-hint = Run `logframe check` in the workspace for the details.
web-no-funding = No funding section.
web-users = Users
web-role = Role
web-language = Language
web-countries = Countries
web-all = all
web-forbidden = You do not have access to this page.
web-not-found = There is no such page.
web-bad-request = The request could not be used:
web-csrf = The form had expired. Load the page again and resubmit.
web-error = Error
web-indicator = Indicator
web-title = Title
web-baseline = Baseline
web-this-period = This period
web-to-date = To date
web-target-to-date = Expected to date
web-end-target = End target
web-percent-target = % of expected
web-enter = Enter values
web-enter-title = Values for the period
web-enter-intro = Every indicator due in this period, prefilled with the values in force. Only the cells you change are saved, all or nothing.
web-save = Save
web-value = Value
web-numerator = Numerator
web-denominator = Denominator
web-score = Score
web-text = Text
web-yes = yes
web-no = no
web-not-given = not given
web-total = Total
web-breakdown = Breakdown
web-unit = Unit
web-errors-nothing-saved = Some values have errors, shown beside each one. Nothing was saved.
web-nothing-changed = No value was changed: nothing to save.
web-saved = Saved.
web-new-values = new values
web-corrections = corrections
web-waiting = waiting for review
web-rejected-by = Rejected by
web-waiting-value = Waiting for review:
web-country-only = Indicators without a country breakdown are entered by users not limited to countries:
web-nothing-due = No indicator is due in this period.
web-queue = Waiting for review
web-queue-empty = Nothing is waiting for review.
web-replaces = Replaces
web-nothing-in-force = nothing in force
web-entered-by = Entered by
web-approve = Approve
web-reject = Reject
web-comment = Comment
web-reject-comment = Comment (needed to reject)
web-decision = Decision
web-history = History
web-explanation = How the figure is obtained
web-recorded-at = Recorded
web-by = By
web-state = State
web-in-force = in force
web-superseded = superseded
web-approved-by = approved by
web-rejection-by = rejection by
web-void-by = withdrawn by
web-entered-approved = entered, approved by
web-entered-rejected = entered, rejected by
web-entered-unreviewed = entered, not reviewed, superseded
web-no-rows = No value recorded yet.
web-downloads = Downloads
web-report-pdf = Report (PDF)
web-report-md = Report (Markdown and charts, zip)
web-iptt-xlsx = Tracking table (xlsx)
web-iptt-csv = Tracking table (CSV)
web-iati-xml = IATI XML
web-report-language = Report language
web-download = Download
web-english = English
web-french = French
web-spanish = Spanish
web-dashboard = Dashboard
web-open-indicator = Open the indicator's page
web-reject-needs-comment = A rejection needs a comment saying what to fix.

## Terminal: logframe portfolio (standard indicators rolled up across frameworks).

portfolio-title = portfolio at { $date } ({ $from }): { $count } frameworks, each at its latest reporting period ending on or before that date
portfolio-date-period = the end of { $period }
portfolio-date-as-of = ledgers as of { $date }
portfolio-date-today = today
portfolio-standards = standard indicators
portfolio-no-standards = no frameworks/standards.yaml: no standard indicators to roll up
portfolio-standard = { $code }: { $title } ({ $unit })
portfolio-total-sum = total: { $value } { $unit }
portfolio-total-pool = pooled: { $percent } ({ $numerator }/{ $denominator })
portfolio-total-none = total: no value
portfolio-total-list = levels are listed, never added
portfolio-total-done = milestones: { $done } done, { $overdue } overdue, { $notdue } not yet due
portfolio-undefined = undefined
portfolio-misfit-unit = not added: unit { $unit } does not fit
portfolio-misfit-type = not added: a { $type } indicator
portfolio-misfit-per-period = not added: a figure per period, not a running total
portfolio-no-period = no period ended yet
portfolio-no-value-here = no value
portfolio-no-value = no value for the period: { $frameworks }
portfolio-by = by { $by }
portfolio-not-broken-down = not broken down
portfolio-no-donor = no donor named
portfolio-status-by-framework = status by framework
portfolio-funding = funding by currency (currencies are never added together)
portfolio-without-funding = without a funding section: { $frameworks }
portfolio-left-out = { $dir }: left out of the portfolio, it does not load
portfolio-col-framework = framework
portfolio-col-unit = unit
portfolio-col-note = note
portfolio-col-frequency = reporting
portfolio-col-off-track = indicators off track or not achieved

## The portfolio report (report --portfolio).

pf_title = Portfolio report
pf_date = Roll-up date
pf_date_taken = Date from
pf-date-period = the end of { $period }
pf_date_as_of = the ledgers as they stood at the end of that day (--as-of)
pf_date_today = today
pf_how = Each framework is taken at its latest reporting period ending on or before this date, with its values to the end of that period.
pf_frameworks = Frameworks
pf_framework = Framework
pf_period = Period taken
pf_no_period = no reporting period ended yet
pf_standards = Standard indicators
pf_no_standards = The workspace describes no standard indicators (frameworks/standards.yaml).
pf_rule = Rule
pf_rule_sum = counts summed
pf_rule_pool = percentages pooled (sum of numerators / sum of denominators)
pf_rule_list = levels listed, never added
pf_rule_done = milestones counted done, overdue and not yet due
pf_contribution = Value to date
pf_note = Note
pf-total-sum = { $value } { $unit }
pf-total-pool = { $percent } ({ $numerator } / { $denominator })
pf_total_none = no value
pf_total_list = levels are listed, never added
pf-total-done = { $done } done, { $overdue } overdue, { $notdue } not yet due
pf_split = Split by
pf_group = Group
pf_not_broken_down = not broken down
pf-no-value = No value for the period: { $frameworks }
pf-misfit-unit = not added: the unit { $unit } does not fit
pf-misfit-type = not added: a { $type } indicator
pf_misfit_per_period = not added: a figure per period, not a running total
pf_no_value_here = no value
pf_chart = Contribution per framework
pf_off_track = Projects off track or short of their targets
pf_off_track_none = No indicator is off track or not achieved.
pf_indicators_off_track = Indicators off track or not achieved
pf_funding = Funding by currency
pf_funding_note = Currencies are never added together.
pf_currency = Currency
pf_projects = Projects
pf_projects_status = Projects: indicators by status
pf-without-funding = Without a funding section: { $frameworks }

## Gender equality results (report/gender.rs)
gender_equality = Gender equality results
gender_total = Total recorded by sex
gender_women = Women
gender_trend_up = up
gender_trend_down = down
gender_trend_same = unchanged
gender_denominator = people counted in the denominator
gender_values = recorded
gender-col-period = { $women } (period)
gender-col-previous = { $women } (to date, previous period)
gender-col-target = Target ({ $women })
gender-col-trend = Trend
gender-at-least = at least { $share }
gender-table-caption = Share of each category to date (value), { $period }
gender-note = Shares are of the values recorded by sex, pooled over every period to date (for a level indicator, its latest period); for a percentage indicator, of the people counted in its denominator. Every category is shown, “other” included. The trend compares the share of women to date with the share at the end of the previous reporting period ({ $previous }).
gender-sentence = Women are { $share } of the { $total } { $counted } recorded by sex to date.
gender-sentence-period = This period: { $share } of { $total }.
gender-target-met = The target of at least { $target } women is met.
gender-target-not-met = The target of at least { $target } women is not met.
gender-trend = { $way ->
    [up] Up from { $previous } at the end of { $period }.
    [down] Down from { $previous } at the end of { $period }.
   *[same] Unchanged since the end of { $period }.
}
gender-categories = { $dimension }: { $list }.
gender-nothing = Nothing recorded by sex to date.
gender-zero = The total recorded by sex to date is 0: there is no share to give.
gender-overall = Overall, women are { $share } of the { $total } { $counted } of indicator { $id } ({ $title }) to date{ $target }.
gender-overall-target = , against a target of at least { $target }

## logframe sheet: the entry workbook
sheet-entry-name = Entry
sheet-instructions-name = Instructions
sheet-col-title = title
sheet-col-unit = unit
sheet-col-expected = what to enter
sheet-col-definition = definition
sheet-expect-count = a whole number, 0 or more
sheet-expect-number = a number
sheet-expect-percentage = numerator and denominator (the percentage is computed)
sheet-expect-milestone = yes or no
sheet-expect-text = a text
sheet-expect-scored = a text, and a score from { $min } to { $max }
sheet-invalid-title = Value not accepted
sheet-invalid-count = Type a whole number, 0 or more.
sheet-invalid-figure = Type a number, 0 or more.
sheet-invalid-score = Type a score from { $min } to { $max }.
sheet-invalid-list = Choose a value from the list.
sheet-title = { $project }: values due for { $period }
sheet-for-country = Country: { $country }. Only the values broken down by country are asked for here; the project's totals are entered by the coordinator.
sheet-for-all = Every country, and the totals.
sheet-count = { $rows } { $rows ->
        [one] value
       *[other] values
    } due, { $prefilled } already recorded (prefilled).
sheet-step-fill = 1. In the sheet “{ $sheet }”, type the figures in the white cells: value; numerator and denominator for percentages; score and text for qualitative indicators. Grey cells are fixed.
sheet-step-blank = 2. Leave the cells of a value you do not have empty: a row with no value is skipped, not refused.
sheet-step-prefilled = 3. The values already recorded are filled in. Change one only to correct it: the import records the change as a correction, and an unchanged value changes nothing.
sheet-step-numbers = 4. Type figures as numbers. Milestones take yes or no. Do not rename the first row's columns; columns in parentheses are for reading and are not imported.
sheet-step-import = 5. Save the workbook and import it: logframe import { $framework } FILE.xlsx. Every row is checked before anything is written; an error names its cell (for example { $cell }) and nothing is imported until it is fixed.
sheet-skipped = Not asked for here (not broken down by country): { $list }.
sheet-summary = { $rows } { $rows ->
        [one] value
       *[other] values
    } due for { $period }, { $prefilled } prefilled
sheet-columns = The columns (their names in the first row are what the import reads):
sheet-about-indicator = the indicator's code (fixed)
sheet-about-period = the reporting period (fixed)
sheet-about-dim = the category of { $name } (fixed; empty on a total row)
sheet-about-value = the figure for the period; yes or no for a milestone; the text of a qualitative indicator
sheet-about-numerator = of a percentage: the count that meets the criterion (e.g. 42 of 60)
sheet-about-denominator = of a percentage: the count assessed (e.g. 60)
sheet-about-score = of a qualitative indicator: the score on its scale
sheet-about-comment = a note on the value (optional)
sheet-about-source = where the figure comes from (optional)

## Risk register and workplan (report/risks.rs, report/workplan.rs)
risk_register = Risk register
risk_col_risk = Risk
risk_col_category = Category
risk_col_score = Likelihood × impact
risk_col_rating = Rating
risk_col_before = Last period
risk_col_trend = Trend
risk_mitigation = Mitigation
risk_owner = Owner
risk_results = Results affected
risk_no_update = No update for this period.
risk_none_rose = No risk rating rose this period.
risk-intro = Each risk is rated likelihood × impact (1 to 5 each, so 1 to 25) at the end of { $period }, against its rating before the period began; risks are listed by rating, highest first. Levels: low 1–4, medium 5–9, high 10–16, critical 20–25.
risk-rating = { $rating } ({ $level })
risk-rose = The rating rose for { $count ->
    [one] one risk
   *[other] { $count } risks
}: { $list }.
risk-rose-item = { $id } ({ $before } → { $now })
risk-update = Update, { $period }: { $text }
risk-trend-up = up
risk-trend-down = down
risk-trend-same = unchanged
risk-level-low = low
risk-level-medium = medium
risk-level-high = high
risk-level-critical = critical
risk-category-operational = Operational
risk-category-political = Political
risk-category-security = Security
risk-category-financial = Financial
risk-category-fiduciary = Fiduciary
risk-category-reputational = Reputational
risk-category-environmental = Environmental
risk-category-social = Gender and social
workplan = Workplan
workplan_activity = Activity
workplan_result = Result
workplan_planned = Planned dates
workplan_status = Status
workplan_note = Note
workplan_status_note = Statuses are as the team last updated them.
workplan-status-planned = Planned
workplan-status-under_way = Under way
workplan-status-done = Done
workplan-status-delayed = Delayed
workplan-status-cancelled = Cancelled
workplan-status-count = { $status }: { $count }
workplan-summary = { $planned ->
    [one] One activity was
   *[other] { $planned } activities were
} planned in { $period } (their planned dates overlap it); { $due ->
    [0] none was due to end in it
    [one] one was due to end in it, and it { $done ->
        [0] is not done
       *[other] is done
    }
   *[other] { $due } were due to end in it, of which { $done ->
        [one] one is
       *[other] { $done } are
    } done
}. By status: { $statuses }.
workplan-none = No activity was planned in { $period }.
workplan-next-heading = Next period: { $period } ({ $dates })
workplan-next-none = No activity remains planned for { $period }.
workplan-last = { $period } is the project's last reporting period: no period comes next.
workplan-overdue = overdue since { $date }
workplan-done-on = done on { $date }
workplan-note-join = { $a }; { $b }

## Narrative scaffold and stories (report/scaffold.rs, report/stories.rs, `logframe narrative new`)
story_indicators = Linked indicators
photo_credit = Credit
narrative-untranslated = No { $language ->
    [fr] French
    [es] Spanish
   *[en] English
} version of the narrative was provided: the team's narrative is shown as written, in { $original ->
    [fr] French
    [es] Spanish
   *[en] English
}.
narrative-scaffold-title = { $project } narrative, { $period }
narrative-heading-context = Context
narrative-heading-progress = Progress and variance explanations
narrative-heading-gender = Gender equality
narrative-heading-environment = Environment
narrative-heading-governance = Governance
narrative-heading-risks = Risks and mitigation
narrative-heading-lessons = Lessons learned
narrative-heading-next = Next period
narrative-heading-stories = Success stories
narrative-prompt-context = What changed in the setting this period (political, institutional, security) that a reader needs to know.
narrative-prompt-progress = What was achieved against the performance measurement framework, and why figures differ from what was expected. Explain each indicator below.
narrative-prompt-explain = Explanation: why, and what the team does about it.
narrative-prompt-gender = Results for women and men, and how the work addressed gender equality.
narrative-prompt-environment = Effects of the work on the environment, and how they were managed.
narrative-prompt-governance = Participation, transparency and accountability in the project's work and in its partners'.
narrative-prompt-risks = The risks that changed this period, and what was done to mitigate them.
narrative-prompt-lessons = What the team learned, and what it will keep or change.
narrative-prompt-next = What is planned for the next period.
narrative-prompt-stories = One story per `###` heading. Under the heading, optional lines `Indicators: 1100.2, 1200.1`, `Photo: photos/file.jpg` (a JPEG or PNG in this folder), `Caption: …` and `Credit: …`; then the story.
narrative-wrote = wrote { $path } ({ $sections } sections, { $bullets ->
    [one] { $bullets } indicator to explain
   *[other] { $bullets } indicators to explain
})

## Pages and charts
data_as_of = Data as of
chart-axis-period = Reporting period
pdf-progress-note = Progress: the bar shows the percentage of the value expected to date, up to 150%; the tick marks 100%.

## The web: whose value is it, one country's figures (issue 17)
web-replace-title = Values someone else recorded
web-replace-intro = Nothing was saved. The values marked below were recorded by someone else, and yours would replace them. Check with them that your values are right, then tick the box and save again.
web-replace-confirm = Replace these values: I have checked with whoever recorded them
web-recorded-by = Recorded by
web-whole-project = Whole project
web-country = Country
web-country-intro = What was recorded for this country, within the period and to date. Targets are set for the whole project, so there is no percentage or status here.
web-not-by-country = Not broken down by country (only the whole project has their figures):
web-saved-warnings = Written, but worth a look:
