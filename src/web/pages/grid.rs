//! The entry form's model: every indicator due in a period with its
//! disaggregation grid, each cell prefilled with the value in force, the
//! value waiting for review and the last rejection's note; and the cells a
//! submitted form changed, as `app::record::Entry` values.
//!
//! A cell's form fields are named `INDICATOR|DIM1|DIM2|FIELD`: the
//! indicator id, then one value per disaggregation of the framework in its
//! order (empty where the cell is not broken down by it), then the field
//! (`value`, `numerator`, `denominator`, `score`).

use std::collections::HashMap;

use serde::Serialize;

use crate::app::{self, record::Entry};
use crate::compute::Computed;
use crate::ledger::row::{Review, TOTAL};
use crate::ledger::{DimKey, Ledger};
use crate::locale::{self, Lang};
use crate::model::{Framework, IndicatorType, MAX_DIMENSIONS, Period, Value};
use crate::users::User;

#[derive(Debug, Serialize)]
pub struct Grid {
    pub indicators: Vec<IndicatorGrid>,
    /// Indicators due but not broken down by country, which a user limited
    /// to countries does not enter.
    pub skipped: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct IndicatorGrid {
    pub id: String,
    pub title: String,
    /// `number`, `percentage`, `milestone` or `qualitative`.
    pub kind: &'static str,
    pub unit: String,
    pub scale: String,
    /// The column headings (the first disaggregation's values) when the
    /// grid has two; one empty heading otherwise.
    pub columns: Vec<String>,
    pub rows: Vec<GridRow>,
}

#[derive(Debug, Serialize)]
pub struct GridRow {
    pub label: String,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Serialize)]
pub struct Cell {
    /// The form name prefix `INDICATOR|DIM1|DIM2`.
    pub key: String,
    /// The HTML id prefix (`c12`).
    pub id: String,
    /// What the cell is, for its labels: `1111.2 women GT`.
    pub label: String,
    pub fields: Vec<Field>,
    pub errors: Vec<CellError>,
    /// The value waiting for review, if any.
    pub pending: Option<String>,
    /// The last decision on this cell was a rejection: by whom, and why.
    pub rejected: Option<Rejection>,
    /// What was typed would replace a value someone else recorded: asked
    /// before anything is written.
    pub replaces: Option<Replacing>,
    #[serde(skip)]
    pub indicator: String,
    #[serde(skip)]
    pub dims: Vec<(String, String)>,
}

#[derive(Debug, Serialize)]
pub struct Field {
    /// `value`, `numerator`, `denominator`, `score`.
    pub name: &'static str,
    /// `number`, `flag`, `text`.
    pub input: &'static str,
    pub label: &'static str,
    /// The text shown: the value in force, or what was typed.
    pub value: String,
    #[serde(skip)]
    pub in_force: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CellError {
    pub message: String,
    pub expected: Option<String>,
    pub found: Option<String>,
    pub hint: Option<String>,
}

/// A value someone else recorded that a cell's typed value would replace:
/// who, when, the old and the new value, and the form's confirmation of it.
#[derive(Debug, Clone, Serialize)]
pub struct Replacing {
    /// The cell's label (`1111.2 Women Guatemala (GT)`), for the summary.
    pub label: String,
    pub by: String,
    pub when: String,
    pub old: String,
    pub new: String,
    /// The hidden `confirm` field: the cell and the value confirmed, so a
    /// value recorded again meanwhile is asked about again.
    pub confirm: String,
}

#[derive(Debug, Serialize)]
pub struct Rejection {
    pub by: String,
    pub note: String,
}

fn kind_name(k: IndicatorType) -> &'static str {
    match k {
        IndicatorType::Count | IndicatorType::Number => "number",
        IndicatorType::Percentage => "percentage",
        IndicatorType::Milestone => "milestone",
        IndicatorType::Qualitative => "qualitative",
    }
}

/// The fields of a value, as a person would type them.
fn texts(v: &Value) -> [(&'static str, String); 4] {
    let crate::model::value::Typed {
        value,
        numerator,
        denominator,
        score,
    } = v.typed();
    [
        ("value", value),
        ("numerator", numerator),
        ("denominator", denominator),
        ("score", score),
    ]
}

/// A category as a reader sees it: a country by its name in `lang` with
/// its code, which is what the sheet and the import take (`Guatemala
/// (GT)`), other categories by their words (`Women`).
pub fn place_name(lang: Lang, dim: &str, value: &str) -> String {
    match dim {
        "country" | "countries" => match locale::country(lang, value) {
            Some(name) => format!("{name} ({value})"),
            None => value.to_string(),
        },
        _ => locale::dimension_value(lang, value),
    }
}

/// A breakdown as a reader sees it: `Women, Guatemala (GT)`, or `Total`
/// (the terminal and the API keep `sex=women, country=GT`).
pub fn breakdown_name(fw: &Framework, dims: &DimKey, lang: Lang) -> String {
    if dims.is_total() {
        return locale::text(lang, "web-total").to_string();
    }
    dims.0
        .iter()
        .enumerate()
        .filter(|&(_, &v)| v != TOTAL)
        .map(|(d, &v)| {
            let dim = &fw.disaggregations[d];
            place_name(lang, &dim.name, &dim.values[v as usize])
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The user's country limit on a framework: the index of its `country`
/// disaggregation and the countries, when the user is limited.
pub fn country_limit<'u>(fw: &Framework, user: &'u User) -> Option<(Option<usize>, &'u [String])> {
    (!user.countries.is_empty()).then(|| (fw.disaggregation_index("country"), user.countries.as_slice()))
}

/// A row's or column's disaggregation value: (dimension, value index,
/// value), or none for the total.
type Place<'f> = Option<(usize, u16, &'f str)>;

/// What the ledger holds for the cells of one period: the value in force,
/// the value waiting for review, and the latest row (a rejection there is
/// what the enterer has to act on), by indicator and breakdown.
struct Prefill<'l> {
    ledger: &'l Ledger,
    current: HashMap<(u32, DimKey), u32>,
    pending: HashMap<(u32, DimKey), u32>,
    last: HashMap<(u32, DimKey), u32>,
}

impl<'l> Prefill<'l> {
    fn of(ledger: &'l Ledger, period: &Period) -> Prefill<'l> {
        let at = |rows: Vec<u32>| -> HashMap<(u32, DimKey), u32> {
            rows.into_iter()
                .filter(|&i| ledger.entry(i).period == *period)
                .map(|i| {
                    let e = &ledger.entry(i);
                    ((e.indicator, e.dims), i)
                })
                .collect()
        };
        Prefill {
            ledger,
            current: at(ledger.current(None)),
            pending: at(ledger.pending(None)),
            last: last_rows(ledger, period),
        }
    }

    fn value(&self, k: &(u32, DimKey)) -> Option<Value> {
        self.current.get(k).map(|&i| self.ledger.entry(i).value)
    }

    fn pending(&self, k: &(u32, DimKey)) -> Option<String> {
        self.pending
            .get(k)
            .map(|&i| crate::format::value(&self.ledger.entry(i).value))
    }

    fn rejected(&self, k: &(u32, DimKey)) -> Option<Rejection> {
        self.last.get(k).and_then(|&i| {
            let e = &self.ledger.entry(i);
            (e.review == Review::Rejected).then(|| Rejection {
                by: self.ledger.str(e.reviewed_by).unwrap_or("").to_string(),
                note: self.ledger.str(e.review_note).unwrap_or("").to_string(),
            })
        })
    }
}

/// The input fields of an indicator's cell, prefilled with `in_force`.
fn fields(kind: IndicatorType, in_force: Option<&Value>, lang: Lang) -> Vec<Field> {
    let texts = in_force.map(texts);
    let field = |name: &'static str, input: &'static str, label: &'static str| {
        let shown = texts
            .as_ref()
            .and_then(|t| t.iter().find(|(n, _)| *n == name))
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        Field {
            name,
            input,
            label,
            value: shown.clone(),
            in_force: shown,
        }
    };
    let w = |id| locale::text(lang, id);
    match kind {
        IndicatorType::Count | IndicatorType::Number => vec![field("value", "number", w("web-value"))],
        IndicatorType::Percentage => vec![
            field("numerator", "number", w("web-numerator")),
            field("denominator", "number", w("web-denominator")),
        ],
        IndicatorType::Milestone => vec![field("value", "flag", w("web-value"))],
        IndicatorType::Qualitative => vec![
            field("score", "number", w("web-score")),
            field("value", "text", w("web-text")),
        ],
    }
}

/// One cell: indicator `ix` at the places of its column and row.
fn cell(fw: &Framework, ix: usize, places: [&Place; 2], prefill: &Prefill, lang: Lang, n: usize) -> Cell {
    let ind = &fw.indicators[ix];
    let mut key = DimKey([TOTAL; MAX_DIMENSIONS]);
    let mut named = Vec::new();
    for &(d, k, v) in places.into_iter().flatten() {
        key.0[d] = k;
        named.push((fw.disaggregations[d].name.clone(), v.to_string()));
    }
    // The form name: the indicator, then one value per disaggregation of
    // the framework in its order (empty where the cell has none).
    let mut form_key = ind.id.clone();
    for dim in &fw.disaggregations {
        form_key.push('|');
        form_key.push_str(named.iter().find(|(n, _)| *n == dim.name).map_or("", |(_, v)| v));
    }
    let label = std::iter::once(ind.id.clone())
        .chain(named.iter().map(|(d, v)| place_name(lang, d, v)))
        .collect::<Vec<_>>()
        .join(" ");
    let k = (ix as u32, key);
    Cell {
        key: form_key,
        id: format!("c{n}"),
        label,
        fields: fields(ind.kind, prefill.value(&k).as_ref(), lang),
        errors: Vec::new(),
        pending: prefill.pending(&k),
        rejected: prefill.rejected(&k),
        replaces: None,
        indicator: ind.id.clone(),
        dims: named,
    }
}

/// The grid of `period` for `user`, prefilled from the ledger.
pub fn build(o: &app::Opened, period: &Period, user: &User, lang: Lang) -> Grid {
    let fw = &o.framework;
    let (computed, _) = Computed::new(fw, &o.ledger, &o.sources, None);
    let prefill = Prefill::of(&o.ledger, period);
    let limit = country_limit(fw, user);
    let mut grid = Grid {
        indicators: Vec::new(),
        skipped: Vec::new(),
    };
    // Which indicators are due and which categories, from the one "what is
    // due" model (`app::due`); the grid only lays them out.
    let (due, skipped) = app::due::due_indicators(fw, &computed, period, limit);
    grid.skipped = skipped.iter().map(|&i| fw.indicators[i].id.clone()).collect();
    let places = |(d, cats): &(usize, Vec<u16>)| -> Vec<Place> {
        cats.iter()
            .map(|&k| Some((*d, k, fw.disaggregations[*d].values[k as usize].as_str())))
            .collect()
    };
    let mut n = 0;
    for d in &due {
        let ix = d.index;
        let ind = &fw.indicators[ix];
        // Rows by the last dimension, columns by the first when two.
        let (cols, rows): (Vec<Place>, Vec<Place>) = match d.categories.as_slice() {
            [] => (vec![None], vec![None]),
            [a] => (vec![None], places(a)),
            [a, b, ..] => (places(a), places(b)),
        };
        // A broken-down indicator's total first, for users who enter every
        // country (a row of one cell).
        let mut layout: Vec<(Place, &[Place])> = Vec::new();
        if d.total {
            layout.push((None, &[None]));
        }
        layout.extend(rows.iter().map(|r| (*r, cols.as_slice())));
        let mut out_rows = Vec::new();
        for (r, row_cols) in layout {
            let mut cells = Vec::new();
            for c in row_cols {
                cells.push(cell(fw, ix, [c, &r], &prefill, lang, n));
                n += 1;
            }
            out_rows.push(GridRow {
                label: r
                    .map(|(d, _, v)| place_name(lang, &fw.disaggregations[d].name, v))
                    .unwrap_or_else(|| locale::text(lang, "web-total").to_string()),
                cells,
            });
        }
        grid.indicators.push(IndicatorGrid {
            id: ind.id.clone(),
            title: ind.title.get(lang.code()).to_string(),
            kind: kind_name(ind.kind),
            unit: ind.unit.clone().unwrap_or_default(),
            scale: ind
                .scale
                .as_ref()
                .map(|s| format!("{}–{}", s.min, s.max))
                .unwrap_or_default(),
            columns: cols
                .iter()
                .map(|c| {
                    c.map(|(d, _, v)| place_name(lang, &fw.disaggregations[d].name, v))
                        .unwrap_or_default()
                })
                .collect(),
            rows: out_rows,
        });
    }
    grid
}

/// The latest row of each key of `period` (by `recorded_at`, then file
/// order): a rejection there is what the enterer has to act on.
fn last_rows(ledger: &Ledger, period: &Period) -> HashMap<(u32, DimKey), u32> {
    let mut out: HashMap<(u32, DimKey), u32> = HashMap::new();
    for i in ledger.trail(None) {
        let e = &ledger.entry(i);
        if e.period != *period {
            continue;
        }
        let k = (e.indicator, e.dims);
        let later = out.get(&k).is_none_or(|&j| {
            let f = &ledger.entry(j);
            (e.recorded_at, i) >= (f.recorded_at, j)
        });
        if later {
            out.insert(k, i);
        }
    }
    out
}

/// One field of a submitted form, by its name.
pub struct Submitted {
    pub cell: String,
    pub field: String,
    pub value: String,
}

/// Split a form name `INDICATOR|DIMS...|FIELD`; `None` for other names.
pub fn parse_name(name: &str, value: &str) -> Option<Submitted> {
    let (cell, field) = name.rsplit_once('|')?;
    Some(Submitted {
        cell: cell.to_string(),
        field: field.to_string(),
        value: value.to_string(),
    })
}

/// The country a form cell names, when the framework has a country
/// disaggregation and the cell is broken down by it.
pub fn cell_country<'a>(fw: &Framework, cell: &'a str) -> Option<&'a str> {
    let d = fw.disaggregation_index("country")?;
    cell.split('|').nth(d + 1).filter(|c| !c.is_empty())
}

/// Put the submitted texts into the grid's fields; the changed cells as
/// entries, each with the index of its cell. A cell whose fields all equal
/// the value in force, or are all empty, is not sent.
pub fn apply(grid: &mut Grid, period: &str, submitted: &[Submitted]) -> Vec<((usize, usize, usize), Entry)> {
    let mut out = Vec::new();
    for (a, ind) in grid.indicators.iter_mut().enumerate() {
        for (b, row) in ind.rows.iter_mut().enumerate() {
            for (c, cell) in row.cells.iter_mut().enumerate() {
                let mut any = false;
                for f in &mut cell.fields {
                    if let Some(s) = submitted.iter().find(|s| s.cell == cell.key && s.field == f.name) {
                        f.value = s.value.clone();
                        any = true;
                    }
                }
                if !any {
                    continue;
                }
                let changed = cell.fields.iter().any(|f| f.value.trim() != f.in_force.trim());
                let empty = cell.fields.iter().all(|f| f.value.trim().is_empty());
                if !changed || empty {
                    continue;
                }
                let get = |name: &str| {
                    cell.fields
                        .iter()
                        .find(|f| f.name == name)
                        .map(|f| f.value.trim().to_string())
                        .unwrap_or_default()
                };
                out.push((
                    (a, b, c),
                    Entry {
                        indicator: cell.indicator.clone(),
                        period: period.to_string(),
                        value: get("value"),
                        numerator: get("numerator"),
                        denominator: get("denominator"),
                        score: get("score"),
                        dims: cell.dims.clone(),
                        comment: String::new(),
                        source: String::new(),
                    },
                ));
            }
        }
    }
    out
}

impl Grid {
    pub fn cell_mut(&mut self, (a, b, c): (usize, usize, usize)) -> &mut Cell {
        &mut self.indicators[a].rows[b].cells[c]
    }

    /// Whether a form cell name is one of the grid's.
    pub fn has(&self, key: &str) -> bool {
        self.indicators
            .iter()
            .flat_map(|i| &i.rows)
            .flat_map(|r| &r.cells)
            .any(|c| c.key == key)
    }
}

impl From<crate::diag::Diagnostic> for CellError {
    fn from(d: crate::diag::Diagnostic) -> CellError {
        CellError {
            message: d.message,
            expected: d.expected,
            found: d.found,
            hint: d.hint,
        }
    }
}
