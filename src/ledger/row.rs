//! One measurement row -> a typed [`Entry`], with every problem located.
//!
//! The same rules apply to the ledger's own files, to imported CSV and
//! spreadsheet rows, and to `logframe record`: a value is checked once, in
//! one place, whatever door it came through.
//!
//! This file holds the row's types and the [`RowParser`]; [`value`] types a
//! row's value fields by the indicator's type, [`timestamp`] reads and
//! writes `recorded_at`, and [`span`] finds a field's bytes in its record.

mod day_period;
mod span;
mod timestamp;
mod value;

pub(crate) use span::field_span;
pub(crate) use timestamp::{CLOCK_SKEW, is_future, parse_timestamp, timestamp_text};
pub(crate) use value::ambiguous_number;
use value::parse_value;

use rustc_hash::FxHashMap as HashMap;

use chrono::{DateTime, Utc};

use crate::diag::{Diagnostic, did_you_mean};
use crate::model::period::PERIOD_FORMS;
use crate::model::{Framework, Indicator, MAX_DIMENSIONS, Period, Value};
use crate::source::FileId;

/// No value for this dimension: the row is a total over it.
pub const TOTAL: u16 = u16::MAX;

/// The disaggregation values of a row, by the framework's dimension index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DimKey(pub [u16; MAX_DIMENSIONS]);

/// Hashed as one integer (the values side by side): one step of the hasher
/// instead of one per value, for the ledger's millions of rows.
impl std::hash::Hash for DimKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u128(self.0.iter().fold(0u128, |k, &v| k << 16 | u128::from(v)));
    }
}

impl DimKey {
    pub const TOTAL: DimKey = DimKey([TOTAL; MAX_DIMENSIONS]);

    pub fn is_total(&self) -> bool {
        *self == DimKey::TOTAL
    }

    /// How many dimensions this row is broken down by.
    pub fn depth(&self) -> usize {
        self.0.iter().filter(|&&v| v != TOTAL).count()
    }

    /// Bit set of the dimensions this row specifies.
    pub fn shape(&self) -> u8 {
        self.0
            .iter()
            .enumerate()
            .filter(|&(_, &v)| v != TOTAL)
            .fold(0, |acc, (i, _)| acc | 1 << i)
    }

    /// The values this row is broken down by, in the dimensions' order
    /// (`[women, PE]`); empty for the total. For a reader's sentence, which
    /// words each value in its language.
    pub fn values<'a>(&self, fw: &'a Framework) -> Vec<&'a str> {
        self.0
            .iter()
            .enumerate()
            .filter(|&(_, &v)| v != TOTAL)
            .map(|(d, &v)| fw.disaggregations[d].values[v as usize].as_str())
            .collect()
    }

    /// The category of each disaggregation as written in the ledger, in
    /// the framework's column order (blank where the row is a total over
    /// it).
    pub fn texts<'f>(&self, fw: &'f Framework) -> [&'f str; MAX_DIMENSIONS] {
        let mut out = [""; MAX_DIMENSIONS];
        for (d, dim) in fw.disaggregations.iter().enumerate().take(MAX_DIMENSIONS) {
            if let Some(text) = dim.values.get(self.0[d] as usize) {
                out[d] = text;
            }
        }
        out
    }

    /// `sex=women, country=PE`, or `total`.
    pub fn describe(&self, fw: &Framework) -> String {
        if self.is_total() {
            return "total".into();
        }
        self.0
            .iter()
            .enumerate()
            .filter(|&(_, &v)| v != TOTAL)
            .map(|(d, &v)| {
                let dim = &fw.disaggregations[d];
                format!("{}={}", dim.name, dim.values[v as usize])
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Where a row stands in review, when the framework asks for approval.
///
/// A value entered by an enterer is written `pending` and does not count.
/// An approver's decision is a row of its own, appended like every change:
/// a copy of the pending value marked `approved` (it counts from then on)
/// or `rejected` (it never counts), naming the pending row it decides by
/// that row's `recorded_at` (`review_of`). Rows with no review state (every
/// row of a framework without approval, and every row `record` and
/// `import` write at the terminal) count as they always did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Review {
    #[default]
    None,
    Pending,
    Approved,
    Rejected,
    /// A withdrawal (`logframe void`): a copy of the value in force marked
    /// `void`, with the reason in `review_note` and the withdrawn row's
    /// `recorded_at` in `review_of`. It takes precedence like a correction,
    /// so the key has no value until one is recorded again.
    Void,
}

impl Review {
    pub const NAMES: [&str; 4] = ["pending", "approved", "rejected", "void"];

    /// The text in the ledger's `review` column (empty for none).
    pub fn as_str(self) -> &'static str {
        match self {
            Review::None => "",
            Review::Pending => "pending",
            Review::Approved => "approved",
            Review::Rejected => "rejected",
            Review::Void => "void",
        }
    }

    /// Whether a row in this state takes precedence over the rows of its
    /// key before it (a value that counts, or a withdrawal).
    pub fn counts(self) -> bool {
        matches!(self, Review::None | Review::Approved | Review::Void)
    }

    /// Whether a row in force in this state gives its key a value (a
    /// withdrawal leaves it without one).
    pub fn gives_value(self) -> bool {
        self != Review::Void
    }
}

/// Where a row came from: its file and line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Origin {
    pub file: FileId,
    pub line: u32,
}

/// One recorded value.
#[derive(Debug, Clone)]
pub struct Entry {
    pub indicator: u32,
    pub period: Period,
    pub dims: DimKey,
    pub value: Value,
    /// Indexes into the ledger's string table; 0 is none.
    pub comment: u32,
    pub source: u32,
    pub recorded_by: u32,
    pub recorded_at: Option<DateTime<Utc>>,
    pub origin: Origin,
    pub review: Review,
    /// For an approval or a rejection: the `recorded_at` of the pending
    /// row it decides.
    pub review_of: Option<DateTime<Utc>>,
    /// Who decided, and the note (a rejection's reason); string table
    /// indexes.
    pub reviewed_by: u32,
    pub review_note: u32,
}

/// The text fields of one row, as read.
#[derive(Debug, Default, Clone, Copy)]
pub struct RowFields<'a> {
    pub indicator: &'a str,
    pub period: &'a str,
    pub value: &'a str,
    pub numerator: &'a str,
    pub denominator: &'a str,
    pub score: &'a str,
    pub dims: [&'a str; MAX_DIMENSIONS],
    pub comment: &'a str,
    pub source: &'a str,
    pub recorded_at: &'a str,
    pub recorded_by: &'a str,
    pub review: &'a str,
    pub review_of: &'a str,
    pub reviewed_by: &'a str,
    pub review_note: &'a str,
}

/// Which field a diagnostic is about, so the reader can point at its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Indicator,
    Period,
    Value,
    Numerator,
    Denominator,
    Score,
    Dim(usize),
    RecordedAt,
    Review,
    ReviewOf,
}

/// A problem with one field of a row.
pub struct FieldError {
    pub field: Option<Field>,
    pub diagnostic: Diagnostic,
}

fn fe(field: Field, d: Diagnostic) -> FieldError {
    FieldError {
        field: Some(field),
        diagnostic: d,
    }
}

/// Lookup tables built once per framework, so that a million rows parse
/// without a linear search or an allocation each.
pub struct RowParser<'f> {
    pub fw: &'f Framework,
    indicators: HashMap<&'f str, u32>,
    dim_values: Vec<HashMap<&'f str, u16>>,
    periods: HashMap<Box<str>, Period>,
    /// The last indicator and period read (rows come in runs of them).
    last_indicator: Option<(&'f str, u32)>,
    last_period: Option<Period>,
    last_period_text: String,
    span: Period,
    /// Parsing values being entered (`record`, `import`), not a ledger
    /// being read: the rules for new values apply too ([`day_period`]).
    entry: bool,
}

impl<'f> RowParser<'f> {
    pub fn new(fw: &'f Framework) -> RowParser<'f> {
        RowParser {
            fw,
            indicators: fw
                .indicators
                .iter()
                .enumerate()
                .map(|(i, ind)| (ind.id.as_str(), i as u32))
                .collect(),
            dim_values: fw
                .disaggregations
                .iter()
                .map(|d| {
                    d.values
                        .iter()
                        .enumerate()
                        .map(|(i, v)| (v.as_str(), i as u16))
                        .collect()
                })
                .collect(),
            periods: HashMap::default(),
            last_indicator: None,
            last_period: None,
            last_period_text: String::new(),
            span: fw.project.span(),
            entry: false,
        }
    }

    /// A parser for values being entered: a ledger's rules plus those of new
    /// values (no one-day period where a reporting period belongs).
    pub fn for_entry(fw: &'f Framework) -> RowParser<'f> {
        RowParser {
            entry: true,
            ..RowParser::new(fw)
        }
    }

    /// The index of a declared indicator id (as in a cell, trimmed).
    pub fn indicator_index(&self, id: &str) -> Option<u32> {
        self.indicators.get(id.trim()).copied()
    }

    /// The period a cell names, when it is a good one (the full parse says
    /// what is wrong with the others).
    pub(crate) fn period_of(&mut self, text: &str) -> Option<Period> {
        self.period(text).ok()
    }

    /// The index of category `text` (as in a cell, untrimmed) of
    /// disaggregation `d`.
    pub(crate) fn category_index(&self, d: usize, text: &str) -> Option<u16> {
        self.dim_values.get(d)?.get(text).copied()
    }

    /// Parse a row; strings are not interned here (the caller does that).
    pub fn parse(&mut self, row: &RowFields) -> Result<ParsedRow, Vec<FieldError>> {
        let mut errors = Vec::new();
        let fw = self.fw;
        let indicator = self.indicator_cached(row.indicator).map_err(|e| errors.push(e)).ok();
        let period = self
            .period(row.period)
            .map_err(|d| errors.push(fe(Field::Period, d)))
            .ok();
        let Some(ix) = indicator else { return Err(errors) };
        let ind = &fw.indicators[ix as usize];
        if self.entry
            && let Some(d) = period.and_then(|p| day_period::day_refusal(fw, ind, p))
        {
            errors.push(fe(Field::Period, d));
        }
        let dims = self.dims(ind, row, &mut errors);
        let value = parse_value(ind.kind, ind.scale.map(|s| (s.min, s.max)), row)
            .map_err(|e| errors.extend(e))
            .ok();
        let recorded_at = recorded_at(row.recorded_at)
            .map_err(|e| errors.push(e))
            .unwrap_or_default();
        let (review, review_of) = review_fields(row).map_err(|e| errors.push(e)).unwrap_or_default();
        match (period, value, errors.is_empty()) {
            (Some(period), Some(value), true) => Ok(ParsedRow {
                indicator: ix,
                period,
                dims,
                value,
                recorded_at,
                review,
                review_of,
            }),
            _ => Err(errors),
        }
    }

    /// [`RowParser::indicator`], remembering the last one found.
    fn indicator_cached(&mut self, id: &str) -> Result<u32, FieldError> {
        let id = id.trim();
        if let Some((last, i)) = self.last_indicator
            && last == id
        {
            return Ok(i);
        }
        let i = self.indicator(id)?;
        self.last_indicator = Some((self.fw.indicators[i as usize].id.as_str(), i));
        Ok(i)
    }

    /// The indicator's index, from its id.
    fn indicator(&self, id: &str) -> Result<u32, FieldError> {
        let id = id.trim();
        match self.indicators.get(id) {
            Some(&i) => Ok(i),
            None => {
                let ids = self.fw.indicators.iter().map(|i| i.id.as_str());
                Err(fe(
                    Field::Indicator,
                    Diagnostic::error(if id.is_empty() {
                        "the indicator is missing".to_string()
                    } else {
                        format!("unknown indicator `{id}`")
                    })
                    .expected("an indicator id declared in logframe.yaml")
                    .found(format!("`{id}`"))
                    .hint(
                        did_you_mean(id, ids)
                            .unwrap_or_else(|| "`logframe status FRAMEWORK` lists the indicator ids".into()),
                    ),
                ))
            }
        }
    }

    /// The breakdown cells as a key; a cell the indicator is not broken
    /// down by, or an unknown category, is an error.
    fn dims(&self, ind: &Indicator, row: &RowFields, errors: &mut Vec<FieldError>) -> DimKey {
        let fw = self.fw;
        let mut dims = DimKey::TOTAL;
        for (d, text) in row.dims.iter().enumerate().take(fw.disaggregations.len()) {
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let dim = &fw.disaggregations[d];
            if !ind.disaggregate_by.contains(&d) {
                errors.push(fe(
                    Field::Dim(d),
                    Diagnostic::error(format!("indicator {} is not broken down by {}", ind.id, dim.name))
                        .expected(format!("a blank `{}` cell for this indicator", dim.name))
                        .found(format!("`{text}`"))
                        .hint(format!(
                            "leave the cell blank: {} is recorded as one figure, not by {} (its breakdowns are set in the logframe by the framework's owner)",
                            ind.id, dim.name
                        )),
                ));
                continue;
            }
            match self.dim_values[d].get(text) {
                Some(&v) => dims.0[d] = v,
                None => errors.push(fe(
                    Field::Dim(d),
                    Diagnostic::error(format!("unknown {} `{text}`", dim.name))
                        .expected(format!("one of {}", dim.values.join(", ")))
                        .found(format!("`{text}`"))
                        .hint(category_hint(text, &dim.name, &dim.values)),
                )),
            }
        }
        dims
    }

    fn period(&mut self, text: &str) -> Result<Period, Diagnostic> {
        let t = text.trim();
        if let Some(p) = self.last_period
            && self.last_period_text == t
        {
            return Ok(p);
        }
        if let Some(&p) = self.periods.get(t) {
            self.last_period = Some(p);
            self.last_period_text.clear();
            self.last_period_text.push_str(t);
            return Ok(p);
        }
        let p = self.fw.parse_period(t).map_err(|e| {
            Diagnostic::error(format!("period: {}", e.message))
                .expected(PERIOD_FORMS)
                .found(format!("`{t}`"))
                .hint(e.hint)
        })?;
        if !self.span.overlaps(&p) {
            return Err(Diagnostic::error(format!("period {p} lies outside the project"))
                .expected(format!("a period within {} .. {}", self.span.start, self.span.end))
                .found(format!("{p} ({} .. {})", p.start, p.end))
                .hint("check the year; values can only be recorded for the project's life"));
        }
        self.periods.insert(t.into(), p);
        Ok(p)
    }
}

/// The `recorded_at` cell: blank, or a timestamp.
fn recorded_at(text: &str) -> Result<Option<DateTime<Utc>>, FieldError> {
    match text.trim() {
        "" => Ok(None),
        t => match parse_timestamp(t) {
            Some(ts) => Ok(Some(ts)),
            None => Err(fe(
                Field::RecordedAt,
                Diagnostic::error("recorded_at is not a timestamp")
                    .expected("an RFC 3339 time such as 2022-07-20T09:00:00Z, or a date")
                    .found(format!("`{t}`"))
                    .hint("leave it blank in files to import; the ledger stamps the time"),
            )),
        },
    }
}

/// The review columns: a state, and for a decision the pending row it
/// decides (by its `recorded_at`).
fn review_fields(row: &RowFields) -> Result<(Review, Option<DateTime<Utc>>), FieldError> {
    let review = match row.review.trim() {
        "" => Review::None,
        "pending" => Review::Pending,
        "approved" => Review::Approved,
        "rejected" => Review::Rejected,
        "void" => Review::Void,
        other => {
            return Err(fe(
                Field::Review,
                Diagnostic::error(format!("unknown review state `{other}`"))
                    .expected(format!("one of {}, or blank", Review::NAMES.join(", ")))
                    .found(format!("`{other}`"))
                    .hint(
                        did_you_mean(other, Review::NAMES.iter().copied())
                            .unwrap_or_else(|| "leave it blank: the web's approval queue writes it".into()),
                    ),
            ));
        }
    };
    let of = row.review_of.trim();
    match (review, of) {
        (Review::Approved | Review::Rejected, "") => Err(fe(
            Field::ReviewOf,
            Diagnostic::error(format!("an {} row names no pending row", review.as_str()))
                .expected("review_of: the recorded_at of the pending row it decides")
                .found("a blank review_of")
                .hint("approve and reject with `logframe approve` or on the web, not by hand"),
        )),
        (Review::Approved | Review::Rejected, t) => match parse_timestamp(t) {
            Some(at) => Ok((review, Some(at))),
            None => Err(fe(
                Field::ReviewOf,
                Diagnostic::error("review_of is not a timestamp")
                    .expected("the recorded_at of the pending row, e.g. 2024-01-15T10:00:00.000Z")
                    .found(format!("`{t}`"))
                    .hint("approve and reject with `logframe approve` or on the web, not by hand"),
            )),
        },
        (Review::Void, _) if row.review_note.trim().is_empty() => Err(fe(
            Field::Review,
            Diagnostic::error("a void row gives no reason")
                .expected("review_note: why the value was withdrawn")
                .found("a blank review_note")
                .hint("withdraw values with `logframe void ... --reason TEXT`, not by hand"),
        )),
        (Review::Void, "") => Ok((review, None)),
        (Review::Void, t) => match parse_timestamp(t) {
            Some(at) => Ok((review, Some(at))),
            None => Err(fe(
                Field::ReviewOf,
                Diagnostic::error("review_of is not a timestamp")
                    .expected("the recorded_at of the withdrawn row, e.g. 2024-01-15T10:00:00.000Z")
                    .found(format!("`{t}`"))
                    .hint("withdraw values with `logframe void`, not by hand"),
            )),
        },
        (_, "") => Ok((review, None)),
        (_, t) => Err(fe(
            Field::ReviewOf,
            Diagnostic::error("review_of on a row that is not an approval or a rejection")
                .expected("a blank review_of")
                .found(format!("`{t}`"))
                .hint("only approved and rejected rows name the pending row they decide"),
        )),
    }
}

/// A row's typed content; strings stay with the caller.
#[derive(Debug, Clone)]
pub struct ParsedRow {
    pub indicator: u32,
    pub period: Period,
    pub dims: DimKey,
    pub value: Value,
    pub recorded_at: Option<DateTime<Utc>>,
    pub review: Review,
    pub review_of: Option<DateTime<Utc>>,
}

/// The hint for a category the framework does not list. A country written
/// by its name (`Guatemala`, `Pérou`) gets its code; a near miss its
/// spelling. Only a value that is plausibly a new category (none of those)
/// is sent to the framework's owner, never to the logframe file: the person
/// typing values does not edit it.
pub(crate) fn category_hint(text: &str, dim: &str, values: &[String]) -> String {
    let code = crate::model::country_names::code_for_name(text);
    match code {
        Some(code) if values.iter().any(|v| v == code) => format!("`{text}` is written `{code}` here: write {code}"),
        Some(code) => format!(
            "`{text}` is {code}, which is not one of this framework's {dim} categories; \
             if the project now works there, ask the framework's owner to add it"
        ),
        None => did_you_mean(text, values.iter().map(String::as_str)).unwrap_or_else(|| {
            format!("write one of the listed {dim} categories; if `{text}` is a new one, ask the framework's owner to add it")
        }),
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::model::IndicatorType;

    #[test]
    fn future_means_beyond_five_minutes_of_clock_skew() {
        let now = parse_timestamp("2024-01-01T12:00:00Z").expect("time");
        let at = |t: &str| parse_timestamp(t).expect("time");
        assert!(!is_future(at("2024-01-01T12:05:00Z"), now));
        assert!(is_future(at("2024-01-01T12:05:00.001Z"), now));
        assert!(!is_future(at("2024-01-01"), now));
        assert_eq!(
            timestamp_text(at("2024-01-01T13:00:00+01:00")),
            "2024-01-01T12:00:00.000Z"
        );
    }

    fn row<'a>(value: &'a str, num: &'a str, den: &'a str) -> RowFields<'a> {
        RowFields {
            value,
            numerator: num,
            denominator: den,
            ..Default::default()
        }
    }

    fn message(kind: IndicatorType, r: RowFields) -> String {
        match parse_value(kind, Some((Decimal::ONE, Decimal::from(5))), &r) {
            Ok(v) => format!("ok {v:?}"),
            Err(e) => e
                .iter()
                .map(|e| e.diagnostic.message.clone())
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    #[test]
    fn value_rules_by_type() {
        use IndicatorType::*;
        let cases: &[(IndicatorType, RowFields, &str)] = &[
            (Count, row("3", "", ""), "ok Number"),
            (Count, row("-1", "", ""), "cannot be negative"),
            (Count, row("2.5", "", ""), "whole number"),
            (Count, row("3,5", "", ""), "decimal comma"),
            (Count, row("", "", ""), "missing"),
            (Count, row("3", "1", ""), "takes no numerator"),
            (Number, row("-2.75", "", ""), "ok Number"),
            (Percentage, row("", "42", "60"), "ok Ratio"),
            (Percentage, row("70", "", ""), "numerator and denominator"),
            (Percentage, row("", "61", "60"), "exceeds denominator"),
            (Percentage, row("", "0", "0"), "denominator is zero"),
            (Milestone, row("yes", "", ""), "ok Flag"),
            (Milestone, row("maybe", "", ""), "yes or no"),
            (
                Qualitative,
                RowFields {
                    value: "Good cooperation",
                    score: "4",
                    ..Default::default()
                },
                "ok Text",
            ),
            (
                Qualitative,
                RowFields {
                    value: "x",
                    score: "9",
                    ..Default::default()
                },
                "off the scale",
            ),
        ];
        for (kind, r, want) in cases {
            let got = message(*kind, *r);
            assert!(got.contains(want), "{kind:?} {r:?}: got {got}, want {want}");
        }
    }

    #[test]
    fn field_span_skips_quoted_delimiters() {
        let text = "a,b,c\n1100.1,\"x, y\",3,4\n";
        let s = field_span(FileId(0), text, 6, 2, b',');
        assert_eq!(&text[s.start as usize..s.end as usize], "3");
        let s = field_span(FileId(0), text, 6, 3, b',');
        assert_eq!(&text[s.start as usize..s.end as usize], "4");
    }
}
