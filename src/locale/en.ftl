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
attention = Indicators off track or at risk
none = None.
results = Results
outcomes = Outcomes
outputs = Outputs
indicator = Indicator
unit = Unit
baseline = Baseline
target_period = Target (period)
target_to_date = Target to date
end_target = End-of-project target
actual_period = Actual (period)
actual_to_date = Actual to date
percent_to_date = % of target to date
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
missing_explanation = Indicators off track or at risk that the narrative does not explain
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

## The report's other sentences.

summary-headline = { $actual }{ $unit } against an end-of-project target of { $target } ({ $percent } of the target)
burn-sentence = { $spent } of the budget is spent after { $elapsed } of the project's time: a burn rate of { $rate }, { $pace ->
        [ahead] spending runs ahead of time
        [behind] spending runs behind time
       *[in-step] spending is in step with time
    }.
shortfall-note = The source states a shortfall of { $currency } { $stated }; budget − pledged gives { $currency } { $computed }.

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
funding-burn-in-step = { $rate } (spending in step with time)
funding-burn-slower = { $rate } (spending slower than time passes)
funding-burn-faster = { $rate } (spending faster than time passes)
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
web-target-to-date = Target to date
web-end-target = End target
web-percent-target = % of target
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
