//! A computed framework -> an IATI 2.03 `iati-activities` document.
//!
//! Element order follows the schema's sequences exactly (xmllint refuses
//! anything else). Figures come from [`Computed`], so they are the ones
//! `logframe status` prints for each reporting period:
//!
//! - a running total (`cumulative`) is published per reporting period as a
//!   period from the project start to the end of that reporting period: the
//!   total to date against the target in force, so each IATI period states
//!   something true on its own;
//! - any other indicator is published per reporting period with the value
//!   recorded within it, against the target in force at its end.
//!
//! Disaggregated values are extra `target`/`actual` elements carrying
//! `dimension` children, one per cell of every breakdown that is complete
//! (adds up to the total) in all the rows behind the figure.
//!
//! Nothing here reads the clock: `generated-datetime` is
//! `SOURCE_DATE_EPOCH`, else the `--as-of` instant, else the newest
//! `recorded_at` in the ledger; the activity status is judged at the same
//! date.

use chrono::{DateTime, NaiveDate, Utc};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::{NS, PREFIX};
use crate::compute::Computed;
use crate::compute::breakdown::{complete_cells, points_behind};
use crate::compute::series::Point;
use crate::compute::targets::{TargetInForce, TargetRule, target_for_period_value};
use crate::diag::Diagnostic;
use crate::format::decimal;
use crate::ledger::DimKey;
use crate::model::{Direction, Framework, Indicator, IndicatorType, Period, Project, Text, Value};

/// `result@type` for a result level.
pub fn result_type(level: &str) -> &'static str {
    match level {
        "output" => "1",
        "outcome" | "intermediate_outcome" | "immediate_outcome" => "2",
        "impact" | "ultimate_outcome" => "3",
        _ => "9",
    }
}

/// `indicator@measure` for an indicator.
pub fn measure(ind: &Indicator) -> &'static str {
    match ind.kind {
        IndicatorType::Count | IndicatorType::Number => "1",
        IndicatorType::Percentage => "2",
        IndicatorType::Milestone => "3",
        IndicatorType::Qualitative if ind.scale.is_some() => "4",
        IndicatorType::Qualitative => "5",
    }
}

/// `reporting-org@type` guessed from the organisation identifier: DAC
/// multilateral channel codes (`XM-DAC-4...`) are multilaterals (40), a
/// country code with a number (`CA-3`, `GB-1`) or `XX-GOV-` is a
/// government (10), anything else is other (90).
pub fn org_type(org_ref: &str) -> &'static str {
    let parts: Vec<&str> = org_ref.split('-').collect();
    match parts.as_slice() {
        ["XM", "DAC", code, ..] if code.starts_with('4') => "40",
        [cc, num] if cc.len() == 2 && num.bytes().all(|b| b.is_ascii_digit()) => "10",
        [cc, "GOV", ..] if cc.len() == 2 => "10",
        _ => "90",
    }
}

/// IATI activity status (1 pipeline, 2 implementation, 3 finalisation)
/// at `today`. Closure (4) is a financial fact logframe does not know.
pub fn activity_status(p: &Project, today: NaiveDate) -> &'static str {
    if today < p.start {
        "1"
    } else if today <= p.end {
        "2"
    } else {
        "3"
    }
}

fn datetime(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

struct Xml {
    w: Writer<Vec<u8>>,
}

impl Xml {
    fn event(&mut self, e: Event) {
        self.w.write_event(e).expect("writing to memory cannot fail");
    }

    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.event(Event::Start(
            BytesStart::new(name).with_attributes(attrs.iter().copied()),
        ));
    }

    fn end(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.event(Event::Empty(
            BytesStart::new(name).with_attributes(attrs.iter().copied()),
        ));
    }

    fn text_element(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.start(name, attrs);
        // Only `<`, `>` and `&` need escaping in text; quotes stay readable.
        self.event(Event::Text(BytesText::from_escaped(quick_xml::escape::partial_escape(
            text,
        ))));
        self.end(name);
    }

    /// One `narrative` for the default language, one with `xml:lang` for
    /// each translation.
    fn narratives(&mut self, text: &Text, lang: &str) {
        self.text_element("narrative", &[], &text.default);
        for (l, t) in &text.translations {
            if l != lang && !t.trim().is_empty() {
                self.text_element("narrative", &[("xml:lang", l)], t);
            }
        }
    }

    /// `<name><narrative>..</narrative></name>`
    fn text_block(&mut self, name: &str, attrs: &[(&str, &str)], text: &Text, lang: &str) {
        self.start(name, attrs);
        self.narratives(text, lang);
        self.end(name);
    }
}

fn ext(name: &str) -> String {
    format!("{PREFIX}:{name}")
}

/// The whole document.
pub fn activities(c: &Computed, epoch: Option<DateTime<Utc>>) -> Result<String, Diagnostic> {
    let p = &c.fw.project;
    let publisher = publisher(p)?;
    let current = c.ledger.current(c.as_of);
    let last_updated = current.iter().filter_map(|&i| c.ledger.entry(i).recorded_at).max();
    let generated = epoch.or(c.as_of).or(last_updated);
    let today = c.as_of.or(epoch).or(last_updated).map_or(p.start, |t| t.date_naive());

    let mut x = Xml {
        w: Writer::new_with_indent(Vec::new(), b' ', 2),
    };
    x.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    let generated_text = generated.map(datetime);
    let xmlns = format!("xmlns:{PREFIX}");
    let mut root: Vec<(&str, &str)> = vec![("version", "2.03")];
    if let Some(g) = &generated_text {
        root.push(("generated-datetime", g));
    }
    root.push((&xmlns, NS));
    x.start("iati-activities", &root);
    activity(&mut x, c, &publisher, last_updated, today);
    x.end("iati-activities");
    let mut bytes = x.w.into_inner();
    bytes.push(b'\n');
    Ok(String::from_utf8(bytes).expect("the writer writes UTF-8"))
}

/// Who publishes the activity, under which identifier.
struct Publisher<'a> {
    /// The activity's IATI identifier.
    id: &'a str,
    /// The reporting organisation's identifier (the id's prefix).
    org_ref: &'a str,
    /// The reporting organisation's name.
    reporter: &'a str,
}

/// The identifier and the reporting organisation, or why IATI cannot
/// have them.
fn publisher(p: &crate::model::Project) -> Result<Publisher<'_>, Diagnostic> {
    let Some(id) = p.iati_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) else {
        return Err(Diagnostic::error(format!("{}: the project has no IATI identifier", p.id))
            .expected("`iati_id:` under `project:` in logframe.yaml")
            .found("no `iati_id`")
            .hint("add `iati_id: <reporting organisation identifier>-<activity id>` under `project:`, e.g. `iati_id: CA-3-P009615001`"));
    };
    let org_ref = match id.rsplit_once('-') {
        Some((org, own)) if !org.is_empty() && !own.is_empty() => org,
        _ => {
            return Err(Diagnostic::error(format!("`{id}` is not an IATI activity identifier"))
                .expected("the reporting organisation's identifier, a hyphen, and the activity's own id")
                .found(format!("`{id}`"))
                .hint("write it as published, e.g. `iati_id: CA-3-P009615001` (organisation CA-3)"));
        }
    };
    let Some(reporter) = p.donor.as_deref().or(p.implementer.as_deref()) else {
        return Err(
            Diagnostic::error(format!("{}: IATI needs a reporting organisation", p.id))
                .expected("`donor:` or `implementer:` under `project:`")
                .found("neither")
                .hint("add `donor:` (the organisation that publishes the activity) under `project:`"),
        );
    };
    Ok(Publisher { id, org_ref, reporter })
}

/// The one `iati-activity`: identity, organisations, dates, budget, then
/// the results.
fn activity(x: &mut Xml, c: &Computed, publisher: &Publisher, last_updated: Option<DateTime<Utc>>, today: NaiveDate) {
    let p = &c.fw.project;
    let Publisher { id, org_ref, reporter } = *publisher;
    let lang = p.language.as_str();
    let updated_text = last_updated.map(datetime);
    let mut attrs: Vec<(&str, &str)> = Vec::new();
    if let Some(u) = &updated_text {
        attrs.push(("last-updated-datetime", u));
    }
    attrs.push(("xml:lang", lang));
    if let Some(cur) = &p.currency {
        attrs.push(("default-currency", cur));
    }
    let (freq_attr, fiscal_attr) = (ext("reporting-frequency"), ext("fiscal-year-start"));
    let frequency = p.reporting_frequency.to_string();
    attrs.push((&freq_attr, &frequency));
    let fiscal = p.fiscal_year_start.map(|f| f.to_string());
    if let Some(f) = &fiscal {
        attrs.push((&fiscal_attr, f));
    }
    x.start("iati-activity", &attrs);
    x.text_element("iati-identifier", &[], id);

    let reporter_type = org_type(org_ref);
    x.start("reporting-org", &[("ref", org_ref), ("type", reporter_type)]);
    x.text_element("narrative", &[], reporter);
    x.end("reporting-org");

    x.text_block("title", &[], &p.title, lang);
    let description = p.description.as_ref().unwrap_or(&p.title);
    x.text_block("description", &[("type", "1")], description, lang);

    for (name, role) in [(&p.donor, "1"), (&p.implementer, "4")] {
        let Some(name) = name else { continue };
        if name == reporter {
            x.start(
                "participating-org",
                &[("ref", org_ref), ("type", reporter_type), ("role", role)],
            );
        } else {
            x.start("participating-org", &[("role", role)]);
        }
        x.text_element("narrative", &[], name);
        x.end("participating-org");
    }

    x.empty("activity-status", &[("code", activity_status(p, today))]);
    let (start, end) = (p.start.to_string(), p.end.to_string());
    x.empty("activity-date", &[("type", "1"), ("iso-date", &start)]);
    x.empty("activity-date", &[("type", "3"), ("iso-date", &end)]);
    for country in &p.countries {
        x.empty("recipient-country", &[("code", country)]);
    }
    if let Some(budget) = p.budget {
        x.start("budget", &[("type", "1"), ("status", "1")]);
        x.empty("period-start", &[("iso-date", &start)]);
        x.empty("period-end", &[("iso-date", &end)]);
        x.text_element("value", &[("value-date", &start)], &budget.to_string());
        x.end("budget");
    }
    results(x, c, today);
    x.end("iati-activity");
}

/// The results that have indicators, each with its indicators.
fn results(x: &mut Xml, c: &Computed, today: NaiveDate) {
    let lang = c.fw.project.language.as_str();
    for r in &c.fw.results {
        if r.indicators.is_empty() {
            continue;
        }
        let (id_attr, level_attr) = (ext("id"), ext("level"));
        x.start(
            "result",
            &[
                ("type", result_type(&r.level)),
                (&id_attr, &r.id),
                (&level_attr, &r.level),
            ],
        );
        x.text_block("title", &[], &r.statement, lang);
        for &i in &r.indicators {
            indicator(x, c, i, today);
        }
        x.end("result");
    }
}

fn indicator(x: &mut Xml, c: &Computed, i: usize, today: NaiveDate) {
    let fw = c.fw;
    let ind = &fw.indicators[i];
    let lang = fw.project.language.as_str();
    let m = measure(ind);
    let names: Vec<String> = ["type", "cumulative", "aggregate", "unit", "scale-min", "scale-max"]
        .iter()
        .map(|n| ext(n))
        .collect();
    let cumulative = ind.cumulative.to_string();
    let (smin, smax) = (ind.scale.map(|s| decimal(s.min)), ind.scale.map(|s| decimal(s.max)));
    let mut attrs: Vec<(&str, &str)> = vec![("measure", m)];
    if m != "5" {
        attrs.push((
            "ascending",
            if ind.direction == Direction::Increase {
                "true"
            } else {
                "false"
            },
        ));
    }
    attrs.push((&names[0], ind.kind.name()));
    attrs.push((&names[1], &cumulative));
    attrs.push((&names[2], ind.aggregate.name()));
    if let Some(u) = &ind.unit {
        attrs.push((&names[3], u));
    }
    if let (Some(a), Some(b)) = (&smin, &smax) {
        attrs.push((&names[4], a));
        attrs.push((&names[5], b));
    }
    x.start("indicator", &attrs);
    x.text_block("title", &[], &ind.title, lang);
    if let Some(def) = &ind.pmf.definition {
        x.text_block("description", &[], def, lang);
    }
    x.empty("reference", &[("vocabulary", "99"), ("code", &ind.id)]);
    if let Some(b) = &ind.baseline {
        let year = b.date.unwrap_or(fw.project.start).format("%Y").to_string();
        let date = b.date.map(|d| d.to_string());
        let value = decimal(b.value);
        let mut attrs: Vec<(&str, &str)> = vec![("year", &year)];
        if let Some(d) = &date {
            attrs.push(("iso-date", d));
        }
        if m != "5" {
            attrs.push(("value", &value));
        }
        x.empty("baseline", &attrs);
    }
    periods(x, c, i, today);
    x.end("indicator");
}

/// One `period` per reporting period that has a target or an actual.
fn periods(x: &mut Xml, c: &Computed, i: usize, today: NaiveDate) {
    let fw = c.fw;
    let ind = &fw.indicators[i];
    let lang = fw.project.language.as_str();
    let m = measure(ind);
    let points = &c.series.by_indicator[i];
    let mut prev_end: Option<NaiveDate> = None;
    for rp in &c.reporting {
        let prog = c.progress(i, rp);
        let (span, target, actual, cells) = if ind.cumulative {
            let so_far: Vec<&Point> = points.iter().filter(|p| p.period.end <= rp.end).collect();
            let fresh = so_far.iter().any(|p| prev_end.is_none_or(|e| p.period.end > e));
            let actual = prog.to_date_actual.filter(|_| fresh || rp.end <= today);
            let cells = if actual.is_some() {
                complete_cells(c.ledger, &so_far)
            } else {
                Vec::new()
            };
            (
                Period::days(fw.project.start, rp.end),
                prog.target_to_date,
                actual,
                cells,
            )
        } else {
            let within: Vec<&Point> = points.iter().filter(|p| rp.contains(&p.period)).collect();
            let chosen = points_behind(ind.aggregate, &within);
            let target = target_for_period_value(fw, ind, rp, prog.target_to_date);
            let cells = if prog.period_actual.is_some() {
                complete_cells(c.ledger, &chosen)
            } else {
                Vec::new()
            };
            (*rp, target, prog.period_actual, cells)
        };
        prev_end = Some(rp.end);
        if target.is_none() && actual.is_none() {
            continue;
        }
        x.start("period", &[]);
        x.empty("period-start", &[("iso-date", &span.start.to_string())]);
        x.empty("period-end", &[("iso-date", &span.end.to_string())]);
        if let Some(t) = target {
            target_element(x, m, t, rp.end, lang);
        }
        if let Some(a) = &actual {
            value_element(x, fw, m, a, DimKey::TOTAL);
            for (key, v) in &cells {
                value_element(x, fw, m, v, *key);
            }
        }
        x.end("period");
    }
}

/// One `target`. A target logframe derived rather than read from the
/// logframe (interpolated between two written targets, or held after the
/// last) says so in its comment and carries a `logframe:interpolated`
/// child, so that an import keeps only the written ones.
fn target_element(x: &mut Xml, measure: &str, t: TargetInForce, end: NaiveDate, lang: &str) {
    // A derived target is published to two decimals; a written one exactly.
    let v = match t.rule {
        TargetRule::Explicit { .. } => decimal(t.value),
        _ => decimal(t.value.round_dp(2)),
    };
    let attrs: &[(&str, &str)] = if measure == "5" { &[] } else { &[("value", &v)] };
    let note = match t.rule {
        TargetRule::Explicit { .. } => None,
        TargetRule::Interpolated { to, .. } if to == end => None,
        TargetRule::Interpolated {
            from,
            from_value,
            to,
            to_value,
        } => Some(format!(
            "Target in force on {end}, interpolated between {} on {from} and {} on {to}",
            decimal(from_value),
            decimal(to_value)
        )),
        TargetRule::Start => Some(format!(
            "Target in force on {end}: the starting value, before the first target"
        )),
        TargetRule::Held { from } => Some(format!(
            "Target in force on {end}: the target of {from}, still in force"
        )),
        TargetRule::Stepped { from } => Some(format!(
            "Target in force on {end}: the target due {from}, held until the next (target_rule: step)"
        )),
    };
    let Some(note) = note else {
        x.empty("target", attrs);
        return;
    };
    x.start("target", attrs);
    x.start("comment", &[]);
    let narrative_attrs: &[(&str, &str)] = if lang == "en" { &[] } else { &[("xml:lang", "en")] };
    x.text_element("narrative", narrative_attrs, &note);
    x.end("comment");
    x.empty(&ext("interpolated"), &[]);
    x.end("target");
}

/// One `actual` with its value, its dimensions, the text of a qualitative
/// value as its comment, and the parts of a percentage in a
/// `logframe:ratio` child (`actual` allows foreign elements, not foreign
/// attributes).
fn value_element(x: &mut Xml, fw: &Framework, measure: &str, v: &Value, key: DimKey) {
    let mut owned: Vec<(&str, String)> = Vec::new();
    let mut ratio: Option<(String, String)> = None;
    match v {
        Value::Number { value } => owned.push(("value", decimal(*value))),
        Value::Ratio { numerator, denominator } => {
            if let Some(f) = v.figure() {
                owned.push(("value", decimal(f.round_dp(2))));
            }
            ratio = Some((decimal(*numerator), decimal(*denominator)));
        }
        Value::Flag { done } => owned.push(("value", if *done { "1" } else { "0" }.to_string())),
        Value::Text { score, .. } => {
            if let (Some(s), "4") = (score, measure) {
                owned.push(("value", decimal(*s)));
            }
        }
    }
    let attrs: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let text = match v {
        Value::Text { text, .. } if !text.trim().is_empty() => Some(text),
        _ => None,
    };
    if key.is_total() && text.is_none() && ratio.is_none() {
        x.empty("actual", &attrs);
        return;
    }
    x.start("actual", &attrs);
    for (d, &val) in key.0.iter().enumerate() {
        if val != crate::ledger::row::TOTAL {
            let dim = &fw.disaggregations[d];
            x.empty(
                "dimension",
                &[("name", &dim.name), ("value", &dim.values[val as usize])],
            );
        }
    }
    if let Some(t) = text {
        x.start("comment", &[]);
        x.text_element("narrative", &[], t);
        x.end("comment");
    }
    if let Some((n, d)) = &ratio {
        x.empty(&ext("ratio"), &[("numerator", n), ("denominator", d)]);
    }
    x.end("actual");
}
