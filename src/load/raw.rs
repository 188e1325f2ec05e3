//! The logframe YAML as written: every scalar kept as located text.
//!
//! serde-saphyr deserialises these structs and rejects unknown keys
//! (`deny_unknown_fields`); every scalar arrives as the exact characters the
//! user typed, wrapped in [`Loc`] so that later checks can point at it. No
//! number passes through a float: decimals are parsed from this text by
//! `model::number`. The same structs derive the JSON Schema that
//! `logframe schema` prints for editors, and serialise the logframe.yaml
//! that `import-iati` writes (so that generated YAML is always YAML: no text
//! is ever pasted into it).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Deserializer, Serialize};
use serde_saphyr::Spanned;

/// A value with the place it was written.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Loc<T>(pub Spanned<T>);

impl<T> Loc<T> {
    /// A value built in code, to be serialised (it was written nowhere).
    pub fn new(value: T) -> Loc<T> {
        use serde_saphyr::Location;
        Loc(Spanned::new(value, Location::UNKNOWN, Location::UNKNOWN))
    }

    pub fn value(&self) -> &T {
        &self.0.value
    }

    /// 1-based line and column of the value.
    pub fn line_col(&self) -> (usize, usize) {
        let l = self.0.referenced;
        (l.line() as usize, l.column() as usize)
    }

    /// The value's byte span in `file`.
    pub fn span(&self, sources: &crate::source::Sources, file: crate::source::FileId) -> crate::source::Span {
        let f = sources.get(file);
        let (line, col) = self.line_col();
        let start = f.offset_of(line, col);
        let end = f.offset_of(line, col + self.text_len().max(1));
        crate::source::Span::new(file, start, end.max(start + 1))
    }

    /// Length of the value's text in characters, when known.
    pub fn text_len(&self) -> usize {
        self.0.referenced.span().len() as usize
    }
}

impl Loc<String> {
    /// One of `names` (trimmed), read by `parse`, or the list and the
    /// nearest name (the caller places the diagnostic).
    pub fn choice<T>(
        &self,
        what: &str,
        names: &[&str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Result<T, crate::diag::Diagnostic> {
        let found = self.value().trim();
        parse(found).ok_or_else(|| crate::diag::Diagnostic::unknown_choice(what, found, names))
    }
}

impl Loc<DateText> {
    /// The date, or why it is not one (the caller places the diagnostic).
    pub fn date(&self) -> Result<chrono::NaiveDate, crate::diag::Diagnostic> {
        crate::model::period::parse_date(&self.value().0).map_err(|e| {
            crate::diag::Diagnostic::error(e.message)
                .expected("a date YYYY-MM-DD")
                .found(format!("`{}`", self.value().0))
                .hint(e.hint)
        })
    }
}

impl<T: JsonSchema> JsonSchema for Loc<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

macro_rules! text_scalar {
    ($(#[$doc:meta])* $name:ident, $schema:tt) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Deserialize, Serialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl JsonSchema for $name {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

text_scalar!(
    /// An exact decimal: write `2901786.00` or `"2901786.00"`.
    DecimalText,
    {"type": ["string", "number"], "pattern": "^-?[0-9]+(\\.[0-9]+)?$"}
);
text_scalar!(
    /// An id: `"1100.1"` (quote ids that look like numbers).
    IdText,
    {"type": ["string", "integer", "number"]}
);
text_scalar!(
    /// A period: 2022, 2022-Q3, 2022-H1, 2022-07, 2022-07-15, FY2022-23, START..END, or `end`.
    PeriodText,
    {"type": ["string", "integer"]}
);
text_scalar!(
    /// A target or baseline figure: a number, or yes/no for milestones.
    FigureText,
    {"type": ["string", "number", "boolean"]}
);
text_scalar!(
    /// true/false (yes/no accepted).
    BoolText,
    {"type": ["boolean", "string"], "enum": [true, false, "yes", "no", "true", "false"]}
);
text_scalar!(
    /// A date, YYYY-MM-DD.
    DateText,
    {"type": "string", "format": "date"}
);

/// A text, or its translations by language code: `{en: ..., fr: ..., es: ...}`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum RawText {
    Plain(String),
    Translated(BTreeMap<String, String>),
}

/// A map that keeps the order its keys were written in.
#[derive(Debug, Clone)]
pub struct OrderedMap<K, V>(pub Vec<(K, V)>);

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<K, V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V2<K, V>(PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for V2<K, V> {
            type Value = OrderedMap<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(OrderedMap(out))
            }
        }
        d.deserialize_map(V2(PhantomData))
    }
}

impl<K: Serialize, V: Serialize> Serialize for OrderedMap<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<K, V: JsonSchema> JsonSchema for OrderedMap<K, V> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        format!("Map_of_{}", V::schema_name()).into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "object", "additionalProperties": generator.subschema_for::<V>()})
    }
}

/// A logframe: `frameworks/<name>/logframe.yaml`.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "logframe",
    description = "A logical framework for logframe (results, indicators, targets)"
)]
pub struct RawFramework {
    pub project: RawProject,
    /// Result levels from the top down; default [impact, outcome, output].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub levels: Option<Vec<Loc<String>>>,
    /// Percent of the expected progress at which an indicator is on track / at risk.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_thresholds: Option<Loc<RawThresholds>>,
    /// interpolate | step (default interpolate): the value expected between written targets is
    /// interpolated by days, or is the latest written target due (held until the next one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_rule: Option<Loc<String>>,
    /// Disaggregation dimensions and their allowed values, e.g. `sex: [women, men, other]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disaggregations: Option<OrderedMap<Loc<String>, Vec<Loc<IdText>>>>,
    pub results: Vec<RawResult>,
    /// Budget, pledges and expenditure (optional).
    // No generated framework has funding yet: see `funding_not_serialised`.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "funding_not_serialised")]
    pub funding: Option<RawFunding>,
}

/// Funding is read, never written by logframe (RawFunding has no
/// serialiser): refuse rather than drop it silently.
fn funding_not_serialised<S: Serializer>(_: &Option<RawFunding>, _: S) -> Result<S::Ok, S::Error> {
    Err(serde::ser::Error::custom("funding cannot be written yet"))
}

#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawProject {
    /// Defaults to the folder name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Loc<IdText>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iati_id: Option<Loc<String>>,
    pub title: Loc<RawText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short_name: Option<Loc<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Loc<RawText>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub donor: Option<Loc<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implementer: Option<Loc<String>>,
    pub start: Loc<DateText>,
    pub end: Loc<DateText>,
    /// ISO 4217 code, e.g. CAD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<Loc<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<Loc<DecimalText>>,
    /// ISO 3166-1 alpha-2 codes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub countries: Option<Vec<Loc<String>>>,
    /// Default language of the texts: en, fr or es.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<Loc<String>>,
    /// Month and day the fiscal year starts, e.g. "04-01"; enables FY2022-23 periods.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fiscal_year_start: Option<Loc<String>>,
    /// monthly | quarterly | semiannual | annual (default quarterly).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reporting_frequency: Option<Loc<String>>,
    /// Days after a period's end by which its values are due (default 30); `check --quality` flags later ones.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reporting_deadline_days: Option<Loc<IdText>>,
    /// Values entered on the web by an enterer wait for an approver before they count (default false).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approval: Option<Loc<BoolText>>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawThresholds {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_track: Option<Loc<DecimalText>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_risk: Option<Loc<DecimalText>>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawResult {
    pub id: Loc<IdText>,
    pub level: Loc<String>,
    pub statement: Loc<RawText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assumptions: Option<Vec<Loc<RawText>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicators: Option<Vec<Loc<RawIndicator>>>,
    /// Child results, one level down.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub results: Option<Vec<RawResult>>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    pub id: Loc<IdText>,
    pub title: Loc<RawText>,
    /// count | number | percentage | milestone | qualitative
    #[serde(rename = "type")]
    pub kind: Loc<String>,
    /// A text, or its translations (`{en: days, fr: jours}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Loc<RawText>>,
    /// increase | decrease (default increase)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Loc<String>>,
    /// Targets and actuals accumulate from the project start (default: true for count).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cumulative: Option<Loc<BoolText>>,
    /// sum | last | max | mean (default by type)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggregate: Option<Loc<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Loc<RawBaseline>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub targets: Option<Vec<Loc<RawTarget>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disaggregate_by: Option<Vec<Loc<String>>>,
    /// Score scale of a qualitative indicator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<Loc<RawScale>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_thresholds: Option<Loc<RawThresholds>>,
    /// interpolate | step: overrides the framework's `target_rule` for this indicator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_rule: Option<Loc<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub definition: Option<Loc<RawText>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_source: Option<Loc<RawText>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collection_method: Option<Loc<RawText>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frequency: Option<Loc<RawText>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub responsible: Option<Loc<RawText>>,
    /// The standard indicator this one reports on: a code of frameworks/standards.yaml
    /// (a donor's standard indicator, an SDG indicator such as 16.2.2, or an agency's own code).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standard: Option<Loc<IdText>>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBaseline {
    pub value: Loc<FigureText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Loc<DateText>>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTarget {
    /// A period, or `end` for the life of the project.
    pub period: Loc<PeriodText>,
    pub value: Loc<FigureText>,
    /// Shares of the total by category, in percent: `{sex: {women: 40}}`
    /// (at least 40 % women).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<PartsByDimension>,
    /// Values by category: `{sex: {women: 150, men: 150}}` (at least 150 women).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<PartsByDimension>,
}

/// A target's parts: dimension -> category -> figure, in the order written.
pub type PartsByDimension = OrderedMap<Loc<String>, OrderedMap<Loc<IdText>, Loc<DecimalText>>>;

#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawScale {
    pub min: Loc<DecimalText>,
    pub max: Loc<DecimalText>,
}

/// The JSON Schema of logframe.yaml, pretty-printed.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(RawFramework);
    serde_json::to_string_pretty(&schema).expect("schema serialises") + "\n"
}

/// `funding:` as written.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFunding {
    /// ISO 4217 code of the budget (default: project.currency).
    pub currency: Option<Loc<String>>,
    /// The total budget (default: project.budget).
    pub budget: Option<Loc<DecimalText>>,
    /// Allocations by output or cost category.
    pub budget_lines: Option<Vec<Loc<RawBudgetLine>>>,
    pub pledges: Option<Vec<Loc<RawPledge>>>,
    /// Expenditure by period; more can go in expenditures/*.csv.
    pub expenditures: Option<Vec<Loc<RawExpenditure>>>,
    /// Planned spending for coming periods, written like expenditure
    /// (period, budget_line, amount, comment).
    pub forecast: Option<Vec<Loc<RawExpenditure>>>,
    /// The shortfall a source states; checked against budget - pledged.
    pub stated_shortfall: Option<Loc<DecimalText>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBudgetLine {
    pub id: Loc<IdText>,
    pub title: Option<Loc<RawText>>,
    pub amount: Loc<DecimalText>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPledge {
    pub donor: Loc<String>,
    pub amount: Loc<DecimalText>,
    /// Date of the pledge or agreement, if known.
    pub date: Option<Loc<DateText>>,
    /// ISO 4217 code, when not the budget currency.
    pub currency: Option<Loc<String>>,
    /// Units of the budget currency per unit of the pledge's currency.
    pub rate: Option<Loc<DecimalText>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawExpenditure {
    pub period: Loc<PeriodText>,
    pub budget_line: Option<Loc<IdText>>,
    pub amount: Loc<DecimalText>,
    pub comment: Option<Loc<String>>,
}
