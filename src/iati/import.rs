//! An IATI activity -> a framework folder (logframe.yaml and
//! measurements/iati.csv holding the actuals).
//!
//! Any IATI 2.0x activity file is accepted. Without logframe's extension
//! attributes (see the module above) an indicator becomes a level: its
//! actual in each IATI period is the value recorded for that period, its
//! latest actual is the value to date (`cumulative: false, aggregate:
//! last`). With them, the export of a framework comes back with the same
//! types and rules, and a running total published as periods from the
//! project start is turned back into the value of each reporting period.
//!
//! What does not come back: result nesting (results are imported flat, with
//! their levels), assumptions, the PMF columns other than the definition,
//! targets other than the target in force at each reporting period's end,
//! status thresholds, ledger comments, sources and the correction trail
//! (one row per value, recorded at the activity's `last-updated-datetime`).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use rust_decimal::Decimal;

use super::NS;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::period::{FiscalYearStart, Frequency, reporting_periods};
use crate::model::{IndicatorType, MAX_DIMENSIONS, Period};

/// A parsed XML element: name as written (with its prefix), attributes,
/// children and text.
#[derive(Debug, Default, Clone)]
pub struct Node {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
    pub text: String,
    /// 1-based line of the start tag.
    pub line: usize,
}

impl Node {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    pub fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }
}

/// Byte offsets of the line starts of a document, built once so that the
/// line of any offset is a binary search (counting newlines from the start
/// for every element made imports quadratic: 22 s for a 2.2 MB file).
struct Lines(Vec<usize>);

impl Lines {
    fn new(xml: &str) -> Lines {
        let starts = std::iter::once(0)
            .chain(xml.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1))
            .collect();
        Lines(starts)
    }

    /// 1-based line of the byte at `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset).max(1)
    }
}

/// What the parser reads from: the text, its line index and its name.
struct Doc<'a> {
    xml: &'a str,
    lines: Lines,
    file: &'a str,
}

impl Doc<'_> {
    fn error(&self, offset: usize, what: impl std::fmt::Display) -> Diagnostic {
        Diagnostic::error(format!(
            "{}:{}: not well-formed XML: {what}",
            self.file,
            self.lines.line_of(offset)
        ))
        .expected("an IATI activity file (UTF-8 XML)")
        .hint("check the file with `xmllint --noout FILE.xml`")
    }

    fn element(&self, e: &BytesStart, offset: usize) -> Result<Node, Diagnostic> {
        let mut node = Node {
            name: String::from(e.name().as_ref()),
            line: self.lines.line_of(offset),
            ..Node::default()
        };
        for a in e.attributes() {
            let a = a.map_err(|err| self.error(offset, err))?;
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|err| self.error(offset, err))?;
            node.attrs.push((String::from(a.key.as_ref()), value.into_owned()));
        }
        Ok(node)
    }

    /// The text of a character or entity reference.
    fn reference(&self, r: &quick_xml::events::BytesRef, offset: usize) -> Result<String, Diagnostic> {
        match r.resolve_char_ref() {
            Ok(Some(c)) => Ok(c.to_string()),
            Ok(None) => quick_xml::escape::resolve_predefined_entity(r)
                .map(str::to_string)
                .ok_or_else(|| self.error(offset, format!("unknown entity `&{};`", &**r))),
            Err(e) => Err(self.error(offset, e)),
        }
    }
}

/// Parse a document into its tree of elements (the returned node is the
/// document; its children are the root elements). Linear in the size of
/// the document.
pub fn parse(xml: &str, file: &str) -> Result<Node, Diagnostic> {
    let doc = Doc {
        xml,
        lines: Lines::new(xml),
        file,
    };
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Node::default()];
    loop {
        let offset = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| doc.error(reader.error_position() as usize, e))?;
        let top = stack.len() - 1;
        match event {
            Event::Start(e) => stack.push(doc.element(&e, offset)?),
            Event::Empty(e) => {
                let n = doc.element(&e, offset)?;
                stack[top].children.push(n);
            }
            Event::End(_) => {
                let n = stack.pop().expect("the reader checks that tags match");
                match stack.last_mut() {
                    Some(parent) => parent.children.push(n),
                    None => return Err(doc.error(offset, "an end tag without a start tag")),
                }
            }
            Event::Text(t) => stack[top].text.push_str(&t.xml10_content()),
            Event::CData(t) => stack[top].text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let c = doc.reference(&r, offset)?;
                stack[top].text.push_str(&c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err(doc.error(doc.xml.len(), "the document ends inside an element"));
    }
    Ok(stack.pop().expect("the document node"))
}

/// A text and its translations, as read from `narrative` children.
#[derive(Debug, Default, Clone, PartialEq)]
struct Texts {
    default: String,
    translations: BTreeMap<String, String>,
}

fn texts(node: Option<&Node>, lang: &str) -> Texts {
    let mut t = Texts::default();
    let Some(node) = node else { return t };
    let mut found_default = false;
    for n in node.all("narrative") {
        let text = n.text.split_whitespace().collect::<Vec<_>>().join(" ");
        match n.attr("xml:lang").map(str::to_ascii_lowercase) {
            Some(l) if l != lang => {
                t.translations.entry(l).or_insert(text);
            }
            _ if !found_default => {
                t.default = text;
                found_default = true;
            }
            _ => {}
        }
    }
    if !found_default && let Some((_, first)) = t.translations.iter().next() {
        t.default = first.clone();
    }
    t
}

/// A YAML double-quoted scalar (JSON strings are valid YAML).
fn q(s: &str) -> String {
    serde_json::to_string(s).expect("strings serialise")
}

fn yaml_text(t: &Texts, lang: &str) -> String {
    if t.translations.is_empty() {
        return q(&t.default);
    }
    let mut parts = vec![format!("{}: {}", q(lang), q(&t.default))];
    parts.extend(t.translations.iter().map(|(l, s)| format!("{}: {}", q(l), q(s))));
    format!("{{{}}}", parts.join(", "))
}

/// A value read from an `actual`.
#[derive(Debug, Clone, PartialEq)]
enum Figure {
    Number(Decimal),
    Ratio(Decimal, Decimal),
    Flag(bool),
    Text(String, Option<Decimal>),
}

impl Figure {
    fn minus(&self, other: &Figure) -> Figure {
        match (self, other) {
            (Figure::Number(a), Figure::Number(b)) => Figure::Number(a - b),
            (Figure::Ratio(n1, d1), Figure::Ratio(n2, d2)) => Figure::Ratio(n1 - n2, d1 - d2),
            _ => self.clone(),
        }
    }

    fn is_zero(&self) -> bool {
        match self {
            Figure::Number(a) => a.is_zero(),
            Figure::Ratio(n, d) => n.is_zero() && d.is_zero(),
            _ => false,
        }
    }
}

type Dims = Vec<(String, String)>;

struct IatiPeriod {
    start: NaiveDate,
    end: NaiveDate,
    target: Option<Decimal>,
    total: Option<Figure>,
    cells: Vec<(Dims, Figure)>,
}

struct ImportedIndicator {
    id: String,
    title: Texts,
    definition: Option<Texts>,
    kind: IndicatorType,
    unit: Option<String>,
    increase: bool,
    cumulative: bool,
    aggregate: String,
    baseline: Option<(Decimal, Option<NaiveDate>)>,
    scale: Option<(Decimal, Decimal)>,
    periods: Vec<IatiPeriod>,
}

/// A framework ready to be written.
pub struct Imported {
    pub id: String,
    pub yaml: String,
    pub csv: String,
    pub results: usize,
    pub indicators: usize,
    pub rows: usize,
    pub warnings: Diagnostics,
}

impl Imported {
    /// Create `dir` with logframe.yaml and measurements/iati.csv; refuse to
    /// overwrite an existing framework.
    pub fn write(&self, dir: &Path) -> Result<(), Diagnostic> {
        let io = |e: std::io::Error, p: &Path| {
            Diagnostic::error(format!("cannot write {}: {e}", p.display())).hint("check the folder's permissions")
        };
        if dir.join("logframe.yaml").exists() {
            return Err(
                Diagnostic::error(format!("{} already holds a framework", dir.display()))
                    .expected("a new folder")
                    .found(format!("{}", dir.join("logframe.yaml").display()))
                    .hint("choose another folder with --out DIR, or remove the old one"),
            );
        }
        let m = dir.join("measurements");
        std::fs::create_dir_all(&m).map_err(|e| io(e, &m))?;
        let y = dir.join("logframe.yaml");
        std::fs::write(&y, &self.yaml).map_err(|e| io(e, &y))?;
        let c = m.join("iati.csv");
        std::fs::write(&c, &self.csv).map_err(|e| io(e, &c))?;
        Ok(())
    }
}

fn decimal(s: &str) -> Option<Decimal> {
    crate::model::number::parse_decimal(s.trim()).ok()
}

/// The number in attribute `attr` of `n` (`None` when absent or blank);
/// `Err` holds the warning's message and hint when it is not a number.
fn number_attr(n: &Node, attr: &str, file: &str) -> Result<Option<Decimal>, (String, String)> {
    match n.attr(attr).map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(raw) => crate::model::number::parse_decimal(raw).map(Some).map_err(|e| {
            (
                format!(
                    "{file}:{}: <{} {attr}=\"{raw}\"> is not a number ({}); the value was left out",
                    n.line, n.name, e.message
                ),
                format!(
                    "{}; IATI numbers have no thousands separators and a `.` decimal point (1000, 12.5): fix the file and import it again",
                    e.hint
                ),
            )
        }),
    }
}

/// How an import failed: the file's content (exit 1), or how it was asked
/// for, e.g. several activities and no `--activity` (exit 2).
#[derive(Debug)]
pub struct ImportError {
    pub diagnostic: Diagnostic,
    pub usage: bool,
}

impl From<Diagnostic> for ImportError {
    fn from(diagnostic: Diagnostic) -> ImportError {
        ImportError {
            diagnostic,
            usage: false,
        }
    }
}

fn date(s: Option<&str>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(s.trim().get(..10)?, "%Y-%m-%d").ok())
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() { "iati-activity".into() } else { out }
}

/// A dimension name as logframe accepts it (lower case, `_` for others).
fn dim_name(s: &str) -> String {
    let mut out: String = s
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if out.is_empty() {
        out = "dimension".into();
    }
    out
}

/// The label a period is written with: 2022-Q3, 2022-H1, 2022, 2022-07, or
/// START..END.
pub fn period_label(start: NaiveDate, end: NaiveDate) -> String {
    let y = start.year();
    let m = start.month();
    let candidates = [
        (start.day() == 1 && m == 1).then(|| Period::year(y)),
        (start.day() == 1 && (m - 1).is_multiple_of(6)).then(|| Period::half(y, m.div_ceil(6))),
        (start.day() == 1 && (m - 1).is_multiple_of(3)).then(|| Period::quarter(y, m.div_ceil(3))),
        (start.day() == 1).then(|| Period::month(y, m)),
    ];
    for p in candidates.into_iter().flatten() {
        if p.end == end {
            return p.to_string();
        }
    }
    if start == end {
        return start.to_string();
    }
    format!("{start}..{end}")
}

/// Read `xml` and build the framework of one activity: `want`, else the
/// file's only one (several without `want` is a usage error listing them).
pub fn import(xml: &str, want: Option<&str>, file: &str) -> Result<Imported, ImportError> {
    let doc = parse(xml, file)?;
    let root = doc
        .children
        .iter()
        .find(|n| n.name == "iati-activities" || n.name == "iati-activity")
        .ok_or_else(|| {
            Diagnostic::error(format!("{file} is not an IATI activity file"))
                .expected("an `iati-activities` root element")
                .found(
                    doc.children
                        .first()
                        .map_or("no element".into(), |n| format!("`{}`", n.name)),
                )
                .hint("export the activity from the IATI registry or d-portal as XML")
        })?;
    let list: Vec<&Node> = if root.name == "iati-activity" {
        vec![root]
    } else {
        root.all("iati-activity").collect()
    };
    let ident = |a: &Node| {
        a.child("iati-identifier")
            .map(|n| n.text.trim().to_string())
            .unwrap_or_default()
    };
    let act = match want {
        Some(id) => list.iter().find(|a| ident(a) == id.trim()).copied().ok_or_else(|| {
            let ids: Vec<String> = list.iter().map(|a| ident(a)).collect();
            Diagnostic::error(format!("no activity `{id}` in {file}"))
                .expected(format!("one of {}", ids.join(", ")))
                .found(id.to_string())
                .hint(
                    crate::diag::did_you_mean(id, ids.iter().map(String::as_str))
                        .unwrap_or_else(|| "copy the iati-identifier from the file".into()),
                )
        })?,
        None if list.len() > 1 => {
            let ids: Vec<String> = list.iter().map(|a| ident(a)).collect();
            return Err(ImportError {
                diagnostic: Diagnostic::error(format!("{file} holds {} activities: say which one", list.len()))
                    .expected("--activity IDENTIFIER")
                    .found(ids.join(", "))
                    .hint(format!(
                        "import one with `--activity {}` (each activity makes its own framework)",
                        ids.first().map_or("", String::as_str)
                    )),
                usage: true,
            });
        }
        None => list.first().copied().ok_or_else(|| {
            Diagnostic::error(format!("{file} holds no iati-activity"))
                .expected("at least one `iati-activity`")
                .found("none")
                .hint("check that this is an activity file, not an organisation file")
        })?,
    };
    let prefix = [act, root]
        .iter()
        .flat_map(|n| n.attrs.iter())
        .find(|(k, v)| k.starts_with("xmlns:") && v == NS)
        .map(|(k, _)| k["xmlns:".len()..].to_string());
    let ext = |n: &Node, name: &str| {
        prefix
            .as_ref()
            .and_then(|p| n.attr(&format!("{p}:{name}")).map(str::trim).map(str::to_string))
    };
    let warnings = std::cell::RefCell::new(Diagnostics::default());
    let warn = |msg: String, hint: &str| {
        warnings
            .borrow_mut()
            .push(Diagnostic::warning(msg).hint(hint.to_string()))
    };
    // A number attribute; one that is not a number is a located warning.
    let num = |n: &Node, attr: &str| match number_attr(n, attr, file) {
        Ok(v) => v,
        Err((msg, hint)) => {
            warn(msg, &hint);
            None
        }
    };

    let identifier = ident(act);
    let lang = act
        .attr("xml:lang")
        .map(str::to_ascii_lowercase)
        .unwrap_or_else(|| "en".into());
    let title = texts(act.child("title"), &lang);
    let description = act
        .all("description")
        .find(|d| matches!(d.attr("type"), None | Some("1")))
        .or_else(|| act.child("description"))
        .map(|d| texts(Some(d), &lang));
    let org = |role: &str| {
        act.all("participating-org")
            .find(|o| o.attr("role") == Some(role))
            .map(|o| texts(Some(o), &lang).default)
            .filter(|s| !s.is_empty())
    };
    let mut donor = org("1");
    let implementer = org("4");
    if donor.is_none() && implementer.is_none() {
        donor = act
            .child("reporting-org")
            .map(|o| texts(Some(o), &lang).default)
            .filter(|s| !s.is_empty());
    }
    let activity_date = |types: [&str; 2]| {
        types.iter().find_map(|t| {
            act.all("activity-date")
                .find(|d| d.attr("type") == Some(t))
                .and_then(|d| date(d.attr("iso-date")))
        })
    };

    // Results and indicators.
    let mut results: Vec<(String, String, Texts, Vec<ImportedIndicator>)> = Vec::new();
    let mut used_ids: Vec<String> = Vec::new();
    let mut unique = |id: String| {
        let mut candidate = id.clone();
        let mut n = 2;
        while used_ids.contains(&candidate) {
            candidate = format!("{id}-{n}");
            n += 1;
        }
        used_ids.push(candidate.clone());
        candidate
    };
    for (ri, r) in act.all("result").enumerate() {
        let rid = ext(r, "id")
            .or_else(|| r.child("reference").and_then(|x| x.attr("code")).map(str::to_string))
            .unwrap_or_else(|| format!("R{}", ri + 1));
        let rid = unique(rid);
        let level = ext(r, "level").unwrap_or_else(|| {
            match r.attr("type").map(str::trim) {
                Some("1") => "output",
                Some("2") => "outcome",
                Some("3") => "impact",
                _ => "other",
            }
            .to_string()
        });
        let mut indicators = Vec::new();
        for (ii, i) in r.all("indicator").enumerate() {
            let iid = ext(i, "id")
                .or_else(|| {
                    let refs: Vec<&Node> = i.all("reference").collect();
                    refs.iter()
                        .find(|x| x.attr("vocabulary") == Some("99"))
                        .or(refs.first())
                        .and_then(|x| x.attr("code"))
                        .map(str::to_string)
                })
                .unwrap_or_else(|| format!("{rid}.{}", ii + 1));
            let iid = unique(iid);
            let measure = i.attr("measure").unwrap_or("1").trim().to_string();
            let comment_text = |n: &Node| {
                n.child("comment")
                    .map(|c| texts(Some(c), &lang).default)
                    .filter(|s| !s.is_empty())
            };
            // Periods, read first: some types are told by their values.
            let mut periods: Vec<IatiPeriod> = Vec::new();
            for p in i.all("period") {
                let (Some(start), Some(end)) = (
                    date(p.child("period-start").and_then(|n| n.attr("iso-date"))),
                    date(p.child("period-end").and_then(|n| n.attr("iso-date"))),
                ) else {
                    warn(
                        format!(
                            "indicator {iid}: a period without valid start and end dates (line {}) was skipped",
                            p.line
                        ),
                        "give period-start and period-end an iso-date",
                    );
                    continue;
                };
                // A target logframe interpolated is not a written one.
                let derived = |t: &Node| {
                    prefix
                        .as_ref()
                        .is_some_and(|x| t.child(&format!("{x}:interpolated")).is_some())
                };
                let target = p
                    .all("target")
                    .find(|t| t.child("dimension").is_none() && !derived(t))
                    .and_then(|t| num(t, "value"));
                let mut total = None;
                let mut cells = Vec::new();
                for a in p.all("actual") {
                    // A qualitative (measure 5) value may be words, not a score.
                    let raw = if measure == "5" {
                        a.attr("value").and_then(decimal)
                    } else {
                        num(a, "value")
                    };
                    let ratio = prefix.as_ref().and_then(|p| a.child(&format!("{p}:ratio")));
                    let parts = (
                        ratio.and_then(|r| num(r, "numerator")),
                        ratio.and_then(|r| num(r, "denominator")),
                    );
                    let fig = match (measure.as_str(), parts, raw) {
                        (_, (Some(n), Some(d)), _) => Some(Figure::Ratio(n, d)),
                        ("2", _, Some(v)) => Some(Figure::Ratio(v, Decimal::ONE_HUNDRED)),
                        ("4" | "5", _, score) => {
                            let words = (measure == "5")
                                .then(|| a.attr("value").map(str::trim).filter(|v| !v.is_empty()))
                                .flatten()
                                .map(str::to_string);
                            let text = comment_text(a)
                                .or_else(|| score.map(|s| s.normalize().to_string()))
                                .or(words);
                            text.map(|t| Figure::Text(t, if measure == "4" { score } else { None }))
                        }
                        (_, _, Some(v)) => Some(Figure::Number(v)),
                        _ => None,
                    };
                    let Some(fig) = fig else { continue };
                    let dims: Dims = a
                        .all("dimension")
                        .filter_map(|d| Some((dim_name(d.attr("name")?), d.attr("value")?.trim().to_string())))
                        .collect();
                    if dims.is_empty() {
                        if total.is_some() {
                            warn(
                                format!(
                                    "indicator {iid}: period {start}..{end} has more than one total actual; the first is kept"
                                ),
                                "give the others a dimension",
                            );
                        } else {
                            total = Some(fig);
                        }
                    } else {
                        cells.push((dims, fig));
                    }
                }
                periods.push(IatiPeriod {
                    start,
                    end,
                    target,
                    total,
                    cells,
                });
            }
            periods.sort_by_key(|p| (p.end, std::cmp::Reverse(p.start)));
            let binary = periods.iter().filter_map(|p| match &p.total {
                Some(Figure::Number(v)) => Some(*v),
                _ => None,
            });
            let kind = match ext(i, "type").as_deref().and_then(IndicatorType::parse) {
                Some(k) => k,
                None => match measure.as_str() {
                    "2" => IndicatorType::Percentage,
                    "3" if binary.clone().all(|v| v.is_zero() || v == Decimal::ONE) => IndicatorType::Milestone,
                    "4" | "5" => IndicatorType::Qualitative,
                    _ => IndicatorType::Number,
                },
            };
            if kind == IndicatorType::Milestone {
                for p in &mut periods {
                    if let Some(Figure::Number(v)) = p.total {
                        p.total = Some(Figure::Flag(!v.is_zero()));
                    }
                    p.cells.clear();
                }
            }
            let baseline = i.child("baseline").and_then(|b| {
                let v = num(b, "value")?;
                let d = date(b.attr("iso-date"));
                Some((v, d))
            });
            let scale = match (
                ext(i, "scale-min").as_deref().and_then(decimal),
                ext(i, "scale-max").as_deref().and_then(decimal),
            ) {
                (Some(a), Some(b)) => Some((a, b)),
                _ if kind == IndicatorType::Qualitative && measure == "4" => {
                    let scores = periods
                        .iter()
                        .flat_map(|p| {
                            p.target.into_iter().chain(match &p.total {
                                Some(Figure::Text(_, Some(s))) => Some(*s),
                                _ => None,
                            })
                        })
                        .chain(baseline.map(|b| b.0));
                    let (lo, hi) = scores.fold((None::<Decimal>, None::<Decimal>), |(lo, hi), s| {
                        (Some(lo.map_or(s, |l| l.min(s))), Some(hi.map_or(s, |h| h.max(s))))
                    });
                    lo.zip(hi)
                }
                _ => None,
            };
            let cumulative = ext(i, "cumulative").is_some_and(|c| c == "true");
            indicators.push(ImportedIndicator {
                id: iid,
                title: texts(i.child("title"), &lang),
                definition: i
                    .child("description")
                    .map(|d| texts(Some(d), &lang))
                    .filter(|t| !t.default.is_empty()),
                kind,
                unit: ext(i, "unit"),
                increase: !matches!(i.attr("ascending").map(str::trim), Some("false" | "0")),
                cumulative,
                aggregate: ext(i, "aggregate")
                    .filter(|a| crate::model::Aggregate::parse(a).is_some())
                    .unwrap_or_else(|| "last".into()),
                baseline,
                scale,
                periods,
            });
        }
        if indicators.is_empty() {
            continue;
        }
        let statement = texts(r.child("title"), &lang);
        results.push((rid, level, statement, indicators));
    }
    if results.is_empty() {
        warn(
            format!("activity {identifier} has no result with indicators"),
            "the framework is created without results; add them to logframe.yaml",
        );
    }

    // Project span: the activity dates, else the periods.
    let all_periods = results.iter().flat_map(|r| r.3.iter()).flat_map(|i| i.periods.iter());
    let first = all_periods.clone().map(|p| p.start).min();
    let last = all_periods.clone().map(|p| p.end).max();
    let start = activity_date(["2", "1"]).or(first);
    let end = activity_date(["4", "3"]).or(last);
    let (Some(start), Some(end)) = (start, end) else {
        return Err(Diagnostic::error(format!("activity {identifier} has no dates"))
            .expected("activity-date elements (types 1-4) or result periods")
            .found("neither")
            .hint("add `activity-date type=\"1\"` and `type=\"3\"` to the activity")
            .into());
    };
    if end <= start {
        return Err(
            Diagnostic::error(format!("activity {identifier} ends ({end}) before it starts ({start})"))
                .expected("a start before the end")
                .found(format!("{start} .. {end}"))
                .hint("fix the activity dates in the file")
                .into(),
        );
    }
    let span = Period::days(start, end);
    let fiscal = ext(act, "fiscal-year-start").and_then(|f| FiscalYearStart::parse(&f));
    let target_ends: Vec<NaiveDate> = results
        .iter()
        .flat_map(|r| r.3.iter())
        .flat_map(|i| i.periods.iter())
        .filter(|p| p.target.is_some())
        .map(|p| p.end)
        .collect();
    let fits = |f: Frequency| {
        let ends: Vec<NaiveDate> = reporting_periods(span, f, fiscal).iter().map(|p| p.end).collect();
        target_ends.iter().all(|e| *e == end || ends.contains(e))
    };
    let frequency = ext(act, "reporting-frequency")
        .and_then(|f| Frequency::parse(&f))
        .unwrap_or_else(|| {
            // The most common period length, if targets fit it.
            let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
            for p in all_periods.clone() {
                let months = ((p.end.year() - p.start.year()) * 12 + p.end.month() as i32 - p.start.month() as i32 + 1)
                    .max(1) as u32;
                *counts.entry(months).or_default() += 1;
            }
            let common = counts
                .iter()
                .max_by_key(|(m, n)| (**n, std::cmp::Reverse(**m)))
                .map_or(12, |(m, _)| *m);
            let guess = match common {
                1 => Frequency::Monthly,
                2..=4 => Frequency::Quarterly,
                5..=8 => Frequency::Semiannual,
                _ => Frequency::Annual,
            };
            [
                guess,
                Frequency::Quarterly,
                Frequency::Semiannual,
                Frequency::Annual,
                Frequency::Monthly,
            ]
            .into_iter()
            .find(|f| fits(*f))
            .unwrap_or(Frequency::Monthly)
        });
    let ends: Vec<NaiveDate> = reporting_periods(span, frequency, fiscal)
        .iter()
        .map(|p| p.end)
        .collect();

    // Disaggregations, in order of appearance.
    let mut dims: Vec<(String, Vec<String>)> = Vec::new();
    for i in results.iter().flat_map(|r| r.3.iter()) {
        for (d, v) in i.periods.iter().flat_map(|p| p.cells.iter()).flat_map(|c| c.0.iter()) {
            match dims.iter_mut().find(|x| &x.0 == d) {
                Some(x) if !x.1.contains(v) => x.1.push(v.clone()),
                Some(_) => {}
                None => dims.push((d.clone(), vec![v.clone()])),
            }
        }
    }
    if dims.len() > MAX_DIMENSIONS {
        warn(
            format!(
                "the activity uses {} dimensions; logframe keeps the first {MAX_DIMENSIONS}",
                dims.len()
            ),
            "merge dimensions in the source file if you need the others",
        );
        dims.truncate(MAX_DIMENSIONS);
    }

    // YAML.
    let id = slug(&identifier);
    let mut y = String::new();
    y.push_str(&format!(
        "# Imported by `logframe import-iati` from {}, activity {}.\n",
        Path::new(file).file_name().map_or(file.into(), |n| n.to_string_lossy()),
        identifier
    ));
    y.push_str("# Check the dates, levels and targets before reporting on it.\n\n");
    y.push_str("project:\n");
    y.push_str(&format!("  id: {}\n", q(&id)));
    y.push_str(&format!("  iati_id: {}\n", q(&identifier)));
    y.push_str(&format!("  title: {}\n", yaml_text(&title, &lang)));
    if let Some(d) = description.filter(|d| !d.default.is_empty()) {
        y.push_str(&format!("  description: {}\n", yaml_text(&d, &lang)));
    }
    if let Some(d) = &donor {
        y.push_str(&format!("  donor: {}\n", q(d)));
    }
    if let Some(i) = &implementer {
        y.push_str(&format!("  implementer: {}\n", q(i)));
    }
    y.push_str(&format!("  start: {start}\n  end: {end}\n"));
    let currency = act.attr("default-currency").map(str::trim).filter(|c| !c.is_empty());
    if let Some(c) = currency {
        y.push_str(&format!("  currency: {}\n", q(c)));
    }
    let budgets: Vec<Decimal> = act
        .all("budget")
        .filter(|b| matches!(b.attr("type"), None | Some("1")))
        .filter_map(|b| b.child("value"))
        .filter(|v| v.attr("currency").is_none_or(|c| Some(c.trim()) == currency))
        .filter_map(|v| {
            let d = decimal(&v.text);
            if d.is_none() {
                warn(
                    format!(
                        "{file}:{}: the budget value `{}` is not a number; it was left out of the budget",
                        v.line,
                        v.text.trim()
                    ),
                    "IATI numbers have no thousands separators and a `.` decimal point; fix the file, or set `budget:` by hand",
                );
            }
            d
        })
        .collect();
    if !budgets.is_empty() {
        y.push_str(&format!(
            "  budget: {}\n",
            q(&budgets.iter().sum::<Decimal>().to_string())
        ));
    }
    let mut countries: Vec<String> = Vec::new();
    for c in act.all("recipient-country") {
        let code = c.attr("code").unwrap_or("").trim().to_ascii_uppercase();
        if crate::load::countries::is_country(&code) {
            if !countries.contains(&code) {
                countries.push(code);
            }
        } else {
            warn(
                format!("recipient-country `{code}` is not an ISO 3166-1 alpha-2 code and was left out"),
                "add it to `countries:` by hand if it is a country",
            );
        }
    }
    if !countries.is_empty() {
        y.push_str(&format!("  countries: [{}]\n", countries.join(", ")));
    }
    y.push_str(&format!("  language: {}\n", q(&lang)));
    if let Some(f) = fiscal {
        y.push_str(&format!("  fiscal_year_start: \"{f}\"\n"));
    }
    y.push_str(&format!("  reporting_frequency: {frequency}\n\n"));
    let levels_used: Vec<&str> = results.iter().map(|r| r.1.as_str()).collect();
    let gac = [
        "ultimate_outcome",
        "intermediate_outcome",
        "immediate_outcome",
        "output",
    ];
    let default = ["impact", "outcome", "output"];
    let levels: Vec<String> =
        if levels_used.iter().all(|l| gac.contains(l)) && levels_used.iter().any(|l| *l != "output") {
            gac.iter().map(|s| s.to_string()).collect()
        } else if levels_used.iter().all(|l| default.contains(l)) {
            default.iter().map(|s| s.to_string()).collect()
        } else {
            let mut v: Vec<String> = default.iter().map(|s| s.to_string()).collect();
            for l in &levels_used {
                if !v.iter().any(|x| x == l) {
                    v.push(l.to_string());
                }
            }
            v
        };
    y.push_str(&format!(
        "levels: [{}]\n\n",
        levels.iter().map(|l| q(l)).collect::<Vec<_>>().join(", ")
    ));
    if !dims.is_empty() {
        y.push_str("disaggregations:\n");
        for (d, values) in &dims {
            y.push_str(&format!(
                "  {}: [{}]\n",
                q(d),
                values.iter().map(|v| q(v)).collect::<Vec<_>>().join(", ")
            ));
        }
        y.push('\n');
    }
    y.push_str(if results.is_empty() {
        "results: []\n"
    } else {
        "results:\n"
    });

    // CSV rows.
    let header: Vec<String> = ["indicator", "period", "value", "numerator", "denominator", "score"]
        .iter()
        .map(|s| s.to_string())
        .chain(dims.iter().map(|d| d.0.clone()))
        .chain(
            ["comment", "source", "recorded_at", "recorded_by"]
                .iter()
                .map(|s| s.to_string()),
        )
        .collect();
    let recorded_at = act
        .attr("last-updated-datetime")
        .and_then(crate::ledger::row::parse_timestamp)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default();
    let source = format!("IATI {identifier}");
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(&header).expect("in-memory write");
    let mut rows = 0;
    let mut row = |ind: &str, period: &str, fig: &Figure, cell: &Dims| {
        let (value, num, den, score) = match fig {
            Figure::Number(v) => (v.normalize().to_string(), String::new(), String::new(), String::new()),
            Figure::Ratio(n, d) => (
                String::new(),
                n.normalize().to_string(),
                d.normalize().to_string(),
                String::new(),
            ),
            Figure::Flag(b) => (
                if *b { "yes" } else { "no" }.to_string(),
                String::new(),
                String::new(),
                String::new(),
            ),
            Figure::Text(t, s) => (
                t.clone(),
                String::new(),
                String::new(),
                s.map(|s| s.normalize().to_string()).unwrap_or_default(),
            ),
        };
        let mut rec = vec![ind.to_string(), period.to_string(), value, num, den, score];
        for (d, _) in &dims {
            rec.push(
                cell.iter()
                    .find(|(n, _)| n == d)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default(),
            );
        }
        rec.extend([String::new(), source.clone(), recorded_at.clone(), "import-iati".into()]);
        w.write_record(&rec).expect("in-memory write");
        rows += 1;
    };
    let n_results = results.len();
    let mut n_indicators = 0;
    for (rid, level, statement, indicators) in &results {
        y.push_str(&format!(
            "  - id: {}\n    level: {}\n    statement: {}\n    indicators:\n",
            q(rid),
            q(level),
            yaml_text(statement, &lang)
        ));
        for ind in indicators {
            n_indicators += 1;
            y.push_str(&format!("      - id: {}\n", q(&ind.id)));
            y.push_str(&format!("        title: {}\n", yaml_text(&ind.title, &lang)));
            y.push_str(&format!("        type: {}\n", ind.kind.name()));
            if let Some(u) = &ind.unit {
                y.push_str(&format!("        unit: {}\n", q(u)));
            }
            y.push_str(&format!(
                "        direction: {}\n",
                if ind.increase { "increase" } else { "decrease" }
            ));
            y.push_str(&format!(
                "        cumulative: {}\n        aggregate: {}\n",
                ind.cumulative, ind.aggregate
            ));
            if let Some((v, d)) = ind.baseline {
                let v = match ind.kind {
                    IndicatorType::Milestone => {
                        if v.is_zero() {
                            "no".to_string()
                        } else {
                            "yes".to_string()
                        }
                    }
                    _ => v.normalize().to_string(),
                };
                match d {
                    Some(d) => y.push_str(&format!("        baseline: {{value: {}, date: {d}}}\n", q(&v))),
                    None => y.push_str(&format!("        baseline: {{value: {}}}\n", q(&v))),
                }
            }
            if let Some((lo, hi)) = ind.scale {
                y.push_str(&format!(
                    "        scale: {{min: \"{}\", max: \"{}\"}}\n",
                    lo.normalize(),
                    hi.normalize()
                ));
            }
            // Each IATI period -> the period its values belong to: a running
            // total's period starts the day after the previous one ends.
            let mut targets: Vec<(String, Decimal)> = Vec::new();
            let mut prev: Option<&IatiPeriod> = None;
            for p in &ind.periods {
                let own_start = match prev {
                    Some(q) if ind.cumulative && p.start <= q.end && q.end < p.end => {
                        q.end.succ_opt().unwrap_or(p.start)
                    }
                    _ => p.start,
                };
                let label = period_label(own_start, p.end);
                if let Some(t) = p.target {
                    if p.end == end {
                        targets.push(("end".into(), t));
                    } else if ind.kind == IndicatorType::Milestone {
                        // Due by the end of the period it was published in.
                        targets.push((p.end.to_string(), t));
                    } else if ends.contains(&p.end) {
                        targets.push((label.clone(), t));
                    } else {
                        warn(
                            format!(
                                "indicator {}: the target for {label} does not end with a {frequency} reporting period and was left out",
                                ind.id
                            ),
                            "add it to logframe.yaml with a period that ends with a reporting period",
                        );
                    }
                }
                if let Some(total) = &p.total {
                    let before = if ind.cumulative {
                        prev.and_then(|q| q.total.as_ref())
                    } else {
                        None
                    };
                    let value = before.map_or(total.clone(), |b| total.minus(b));
                    row(&ind.id, &label, &value, &Vec::new());
                }
                // Cells without a total are kept too: the total is their sum.
                if p.total.is_some() || !ind.cumulative {
                    for (cell, fig) in &p.cells {
                        let v = if ind.cumulative {
                            match prev {
                                Some(q) if q.total.as_ref().is_some_and(|t| !t.is_zero()) => {
                                    let names: Vec<&String> = cell.iter().map(|c| &c.0).collect();
                                    let same_shape = q
                                        .cells
                                        .iter()
                                        .any(|(c, _)| c.iter().map(|x| &x.0).collect::<Vec<_>>() == names);
                                    if !same_shape {
                                        continue;
                                    }
                                    match q.cells.iter().find(|(c, _)| c == cell) {
                                        Some((_, b)) => fig.minus(b),
                                        None => fig.clone(),
                                    }
                                }
                                _ => fig.clone(),
                            }
                        } else {
                            fig.clone()
                        };
                        if !v.is_zero() {
                            row(&ind.id, &label, &v, cell);
                        }
                    }
                }
                prev = Some(p);
            }
            if !targets.is_empty() {
                y.push_str("        targets:\n");
                for (label, t) in &targets {
                    let v = match ind.kind {
                        IndicatorType::Milestone => {
                            if t.is_zero() {
                                "no".to_string()
                            } else {
                                "yes".to_string()
                            }
                        }
                        _ => t.normalize().to_string(),
                    };
                    y.push_str(&format!("          - {{period: {}, value: {}}}\n", q(label), q(&v)));
                }
            }
            let used: Vec<&str> = dims
                .iter()
                .filter(|(d, _)| {
                    ind.periods
                        .iter()
                        .flat_map(|p| p.cells.iter())
                        .any(|(c, _)| c.iter().any(|(n, _)| n == d))
                })
                .map(|(d, _)| d.as_str())
                .collect();
            if !used.is_empty() {
                y.push_str(&format!(
                    "        disaggregate_by: [{}]\n",
                    used.iter().map(|d| q(d)).collect::<Vec<_>>().join(", ")
                ));
            }
            if let Some(def) = &ind.definition {
                y.push_str(&format!("        definition: {}\n", yaml_text(def, &lang)));
            }
        }
    }
    let csv = String::from_utf8(w.into_inner().expect("in-memory write")).expect("utf-8");
    Ok(Imported {
        id,
        yaml: y,
        csv,
        results: n_results,
        indicators: n_indicators,
        rows,
        warnings: warnings.into_inner(),
    })
}
