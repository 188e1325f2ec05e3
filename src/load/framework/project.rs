//! The `project:` block and the framework-wide settings (status thresholds,
//! disaggregation dimensions): everything the results tree inherits.

use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::Lower;
use crate::diag::Diagnostic;
use crate::load::countries;
use crate::load::raw::*;
use crate::model::period::{FiscalYearStart, Frequency};
use crate::model::*;

impl Lower<'_> {
    pub(super) fn project(&mut self, p: RawProject, dir: &Path) -> Option<Project> {
        let id = match &p.id {
            Some(id) => id.value().0.trim().to_string(),
            None => dir
                .canonicalize()
                .ok()
                .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| "framework".into()),
        };
        let language = self.language(&p);
        let (start, end) = self.project_dates(&p);
        let fiscal_year_start = self.fiscal_year_start(&p);
        let reporting_frequency = match &p.reporting_frequency {
            Some(f) => self.choice(f, "reporting frequency", &Frequency::NAMES, Frequency::parse)?,
            None => Frequency::Quarterly,
        };
        let budget = p.budget.as_ref().and_then(|b| self.decimal(b, "budget"));
        let reporting_deadline_days = self.deadline_days(&p);
        let approval = self.approval(&p);
        let countries = self.countries(&p);
        let currency = p.currency.as_ref().map(|v| {
            let code = v.value().trim().to_string();
            if !crate::load::currencies::is_currency(&code) {
                self.err(v, crate::load::funding::currency_error(&code));
            }
            code
        });
        if let Some((v, d)) = p
            .iati_id
            .as_ref()
            .and_then(|v| Some((v, iati_identifier_problem(v.value().trim())?)))
        {
            self.err(v, d);
        }
        let title = self.text_in(&p.title, &language, "the project title");
        let description = p
            .description
            .as_ref()
            .map(|d| self.text_in(d, &language, "the description"));
        Some(Project {
            id,
            id_span: p.id.as_ref().map(|l| self.span(l)),
            iati_id: p.iati_id.map(|v| v.value().trim().to_string()),
            title,
            short_name: p.short_name.map(|v| v.value().trim().to_string()),
            description,
            donor: p.donor.map(|v| v.value().trim().to_string()),
            implementer: p.implementer.map(|v| v.value().trim().to_string()),
            start: start?,
            end: end?,
            currency,
            budget,
            countries,
            language,
            fiscal_year_start,
            reporting_frequency,
            reporting_deadline_days,
            approval,
        })
    }

    /// `approval: true`: values entered by enterers wait for an approver.
    fn approval(&mut self, p: &RawProject) -> bool {
        let Some(a) = &p.approval else { return false };
        match a.value().0.trim() {
            "true" | "yes" => true,
            "false" | "no" => false,
            other => {
                self.err(
                    a,
                    Diagnostic::error("`approval` is not true or false")
                        .expected("true or false")
                        .found(format!("`{other}`"))
                        .hint("approval: true makes values entered by enterers wait for an approver"),
                );
                false
            }
        }
    }

    /// The project language, with a warning when reports have no labels in it.
    fn language(&mut self, p: &RawProject) -> String {
        let language = p
            .language
            .as_ref()
            .map_or("en".to_string(), |l| l.value().trim().to_string());
        if let Some(l) = &p.language
            && !["en", "fr", "es"].contains(&language.as_str())
        {
            self.err(
                l,
                Diagnostic::warning(format!("reports are not translated into `{language}`"))
                    .expected("en, fr or es")
                    .found(format!("`{language}`"))
                    .hint("reports will use English labels; the project's own texts stay as written"),
            );
        }
        language
    }

    /// Start and end, with an error when the project does not last a day.
    fn project_dates(&mut self, p: &RawProject) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let start = self.date(&p.start);
        let end = self.date(&p.end);
        // A project of one day is refused too: no reporting period (a month
        // at the shortest) fits in it, and `end` equal to `start` is almost
        // always the start date copied by mistake.
        if let (Some(s), Some(e)) = (start, end)
            && e <= s
        {
            let (message, hint) = if e == s {
                (
                    "the project ends on the day it starts",
                    "a logframe covers months or years: set `end` to the project's last day",
                )
            } else {
                (
                    "the project ends before it starts",
                    "check the order of `start` and `end`",
                )
            };
            self.err(
                &p.end,
                Diagnostic::error(message)
                    .expected(format!("an end date after the start {s}"))
                    .found(e.to_string())
                    .hint(hint),
            );
        }
        (start, end)
    }

    fn fiscal_year_start(&mut self, p: &RawProject) -> Option<FiscalYearStart> {
        p.fiscal_year_start.as_ref().and_then(|f| {
            let v = FiscalYearStart::parse(f.value());
            if v.is_none() {
                self.err(
                    f,
                    Diagnostic::error("fiscal_year_start is not a month-day")
                        .expected("MM-DD, e.g. \"04-01\" for a fiscal year starting on 1 April")
                        .found(format!("`{}`", f.value()))
                        .hint("quote it: fiscal_year_start: \"04-01\""),
                );
            }
            v
        })
    }

    fn deadline_days(&mut self, p: &RawProject) -> u32 {
        match &p.reporting_deadline_days {
            None => DEFAULT_DEADLINE_DAYS,
            Some(d) => match d.value().0.trim().parse::<u32>() {
                Ok(n) if n <= 366 => n,
                _ => {
                    self.err(
                        d,
                        Diagnostic::error("reporting_deadline_days is not a number of days")
                            .expected("a whole number of days from 0 to 366")
                            .found(format!("`{}`", d.value().0))
                            .hint("e.g. reporting_deadline_days: 60 for values due two months after each period"),
                    );
                    DEFAULT_DEADLINE_DAYS
                }
            },
        }
    }

    /// The ISO 3166-1 alpha-2 codes, each checked; unknown codes are kept
    /// (and reported) so that the rest of the project still lowers.
    fn countries(&mut self, p: &RawProject) -> Vec<String> {
        let mut countries = Vec::new();
        for c in p.countries.iter().flatten() {
            let code = c.value().trim().to_string();
            if !countries::is_country(&code) {
                let upper = code.to_ascii_uppercase();
                let hint = if countries::is_country(&upper) {
                    format!("write it in capitals: {upper}")
                } else if upper == "UK" {
                    "the United Kingdom is GB".to_string()
                } else {
                    "use ISO 3166-1 alpha-2 codes, e.g. CA, US, MX".to_string()
                };
                self.err(
                    c,
                    Diagnostic::error(format!("`{code}` is not an ISO 3166-1 alpha-2 country code"))
                        .expected("a two-letter code such as CA or PE")
                        .found(format!("`{code}`"))
                        .hint(hint),
                );
            }
            countries.push(code);
        }
        countries
    }

    pub(super) fn thresholds(&mut self, t: &Loc<RawThresholds>, inherited: Thresholds) -> Thresholds {
        let v = t.value();
        let on_track = v
            .on_track
            .as_ref()
            .and_then(|x| self.decimal(x, "on_track"))
            .unwrap_or(inherited.on_track);
        let at_risk = v
            .at_risk
            .as_ref()
            .and_then(|x| self.decimal(x, "at_risk"))
            .unwrap_or(inherited.at_risk);
        if !(Decimal::ZERO < at_risk && at_risk < on_track) {
            self.err(
                t,
                Diagnostic::error("status thresholds are out of order")
                    .expected("0 < at_risk < on_track, in percent of the progress expected to date")
                    .found(format!("on_track {on_track}, at_risk {at_risk}"))
                    .hint("the defaults are on_track: 85, at_risk: 60"),
            );
            return inherited;
        }
        Thresholds { on_track, at_risk }
    }

    pub(super) fn disaggregations(
        &mut self,
        raw: Option<&OrderedMap<Loc<String>, Vec<Loc<IdText>>>>,
    ) -> Vec<Disaggregation> {
        // The ledger's own columns cannot name a disaggregation column.
        use crate::ledger::read::{BASE_COLUMNS, REVIEW_COLUMNS};
        let reserved: Vec<&str> = BASE_COLUMNS.iter().chain(REVIEW_COLUMNS.iter()).copied().collect();
        let mut out: Vec<Disaggregation> = Vec::new();
        for (name, values) in raw.map(|m| m.0.as_slice()).unwrap_or_default() {
            let n = name.value().trim().to_string();
            let ok_name = !n.is_empty()
                && n.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !ok_name || reserved.contains(&n.as_str()) {
                self.err(
                    name,
                    Diagnostic::error(format!("`{n}` cannot name a disaggregation"))
                        .expected("a lower-case name (letters, digits, _) that is not a measurement column")
                        .found(format!("`{n}`"))
                        .hint(format!(
                            "the names {} are taken by measurement columns",
                            reserved.join(", ")
                        )),
                );
                continue;
            }
            if out.iter().any(|d| d.name == n) {
                self.err(
                    name,
                    Diagnostic::error(format!("disaggregation `{n}` is declared twice")).hint("merge the two lists"),
                );
                continue;
            }
            let mut vals: Vec<String> = Vec::new();
            for v in values {
                let s = v.value().0.trim().to_string();
                if vals.contains(&s) {
                    self.err(
                        v,
                        Diagnostic::error(format!("`{s}` is listed twice under `{n}`"))
                            .hint("remove the repeated value"),
                    );
                } else {
                    vals.push(s);
                }
            }
            if vals.is_empty() {
                self.err(
                    name,
                    Diagnostic::error(format!("disaggregation `{n}` has no values"))
                        .expected("a list such as [women, men, other]")
                        .hint("list the categories values are broken down into"),
                );
            }
            out.push(Disaggregation { name: n, values: vals });
        }
        out
    }
}

/// What is wrong with an IATI activity identifier, if anything: it is the
/// reporting organisation's identifier (a registration agency such as `CA`
/// or `XM-DAC`, then the organisation's code), a hyphen and the activity's
/// own id, with no whitespace and none of the characters the standard
/// forbids in identifiers (`/ & | ?`).
fn iati_identifier_problem(id: &str) -> Option<Diagnostic> {
    let one_line: String = id.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let bad = id
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || "/&|?".contains(*c));
    let parts: Vec<&str> = id.split('-').collect();
    let shaped = parts.len() >= 3
        && parts[0].len() == 2
        && parts[0].bytes().all(|b| b.is_ascii_uppercase())
        && parts.iter().all(|p| !p.is_empty());
    let found = match bad {
        Some(c) if c.is_whitespace() || c.is_control() => format!("`{one_line}`: it holds whitespace"),
        Some(c) => format!("`{one_line}`: it holds `{c}`"),
        None if !shaped => format!("`{one_line}`"),
        None => return None,
    };
    Some(
        Diagnostic::error("`iati_id` is not an IATI activity identifier")
            .expected("the reporting organisation's identifier, a hyphen and the activity's id, e.g. CA-3-P009615001")
            .found(found)
            .hint("copy the iati-identifier as its publisher wrote it, without spaces or line breaks"),
    )
}
