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
//!
//! This module reads: the XML (in one pass, with a line index built once,
//! so that any file size takes linear time) into an [`Activity`];
//! [`super::generate`] writes it, through serialisers only.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use rust_decimal::Decimal;

use super::NS;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::period::{FiscalYearStart, Frequency, reporting_periods};
use crate::model::{IndicatorType, MAX_DIMENSIONS, Period};
use crate::source::{FileId, Span};

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
    /// Byte offset of the start tag's `<` in the document.
    pub offset: usize,
}

impl Node {
    /// The first character of the start tag (its `<`) in `file`.
    pub fn span(&self, file: FileId) -> Span {
        Span::new(file, self.offset, self.offset + 1)
    }

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

/// A character XML 1.0 allows (its `Char` production).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The span of the character at byte `offset` of `text` (an offset inside
/// a character is moved back to its start; one past the end is an empty
/// span at the end), so that a diagnostic can show it with a caret.
pub fn char_span(text: &str, file: FileId, offset: usize) -> Span {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let width = text[at..].chars().next().map_or(0, char::len_utf8);
    Span::new(file, at, at + width)
}

/// What the parser reads from: the text, its line index and its file.
struct Doc<'a> {
    xml: &'a str,
    lines: Lines,
    file: FileId,
}

impl Doc<'_> {
    fn span(&self, offset: usize) -> Span {
        char_span(self.xml, self.file, offset)
    }

    fn error(&self, offset: usize, what: impl std::fmt::Display) -> Diagnostic {
        Diagnostic::error(format!("not well-formed XML: {what}"))
            .at(self.span(offset))
            .label("here")
            .expected("an IATI activity file (well-formed UTF-8 XML)")
            .hint("check the file with `xmllint --noout FILE.xml`")
    }

    fn not_a_char(&self, offset: usize, c: char) -> Diagnostic {
        self.error(offset, format!("U+{:04X} is not a character XML 1.0 allows", c as u32))
            .label(format!("U+{:04X}", c as u32))
            .found(format!("U+{:04X}, a control character", c as u32))
    }

    /// The first byte of a control character XML 1.0 forbids (C0 other
    /// than tab and line breaks), located: such a byte in a text would
    /// reach the terminal as an escape sequence.
    fn check_controls(&self) -> Result<(), Diagnostic> {
        match self
            .xml
            .bytes()
            .position(|b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
        {
            Some(at) => Err(self.not_a_char(at, char::from(self.xml.as_bytes()[at]))),
            None => Ok(()),
        }
    }

    fn too_deep(&self, offset: usize) -> Diagnostic {
        Diagnostic::error(format!("elements nested more than {MAX_DEPTH} levels deep"))
            .at(self.span(offset))
            .label(format!("level {}", MAX_DEPTH + 1))
            .expected("an IATI activity file (under 10 levels deep)")
            .found(format!("more than {MAX_DEPTH} levels"))
            .hint("this is not an IATI activity file: check where it came from")
    }

    fn element(&self, e: &BytesStart, offset: usize) -> Result<Node, Diagnostic> {
        let mut node = Node {
            name: String::from(e.name().as_ref()),
            line: self.lines.line_of(offset),
            offset,
            ..Node::default()
        };
        for a in e.attributes() {
            let a = a.map_err(|err| self.error(offset, err))?;
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|err| self.error(offset, err))?;
            if let Some(c) = value.chars().find(|c| !xml_char(*c)) {
                return Err(self.not_a_char(offset, c));
            }
            node.attrs.push((String::from(a.key.as_ref()), value.into_owned()));
        }
        Ok(node)
    }

    /// The text of a character or entity reference.
    fn reference(&self, r: &quick_xml::events::BytesRef, offset: usize) -> Result<String, Diagnostic> {
        match r.resolve_char_ref() {
            Ok(Some(c)) if !xml_char(c) => Err(self.not_a_char(offset, c)),
            Ok(Some(c)) => Ok(c.to_string()),
            Ok(None) => quick_xml::escape::resolve_predefined_entity(r)
                .map(str::to_string)
                .ok_or_else(|| self.error(offset, format!("unknown entity `&{};`", &**r))),
            Err(e) => Err(self.error(offset, e)),
        }
    }
}

/// How deep elements may nest. IATI documents are under 10 levels deep;
/// the tree is freed recursively, so a hostile million-deep nesting would
/// overflow the stack.
pub const MAX_DEPTH: usize = 200;

/// Parse a document into its tree of elements (the returned node is the
/// document; its children are the root elements). Linear in the size of
/// the document; nesting deeper than [`MAX_DEPTH`] is an error.
pub fn parse(xml: &str, file: FileId) -> Result<Node, Diagnostic> {
    let doc = Doc {
        xml,
        lines: Lines::new(xml),
        file,
    };
    doc.check_controls()?;
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Node::default()];
    loop {
        let offset = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| doc.error(reader.error_position() as usize, e))?;
        let top = stack.len() - 1;
        match event {
            Event::Start(_) if stack.len() > MAX_DEPTH => return Err(doc.too_deep(offset)),
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
    if let Some(open) = stack.last().filter(|_| stack.len() > 1) {
        return Err(doc
            .error(
                open.offset,
                format!("the document ends inside `<{}>`", one_line(&open.name, 80)),
            )
            .label("this element is never closed")
            .found("the end of the file"));
    }
    Ok(stack.pop().expect("the document node"))
}

/// A text and its translations, as read from `narrative` children.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Texts {
    pub default: String,
    pub translations: BTreeMap<String, String>,
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

/// A value read from an `actual`.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Figure {
    Number(Decimal),
    Ratio(Decimal, Decimal),
    Flag(bool),
    Text(String, Option<Decimal>),
}

impl Figure {
    pub fn minus(&self, other: &Figure) -> Figure {
        match (self, other) {
            (Figure::Number(a), Figure::Number(b)) => Figure::Number(a - b),
            (Figure::Ratio(n1, d1), Figure::Ratio(n2, d2)) => Figure::Ratio(n1 - n2, d1 - d2),
            _ => self.clone(),
        }
    }

    pub fn is_zero(&self) -> bool {
        match self {
            Figure::Number(a) => a.is_zero(),
            Figure::Ratio(n, d) => n.is_zero() && d.is_zero(),
            _ => false,
        }
    }
}

/// The cell of a disaggregated actual: (dimension, value) pairs.
pub(super) type Dims = Vec<(String, String)>;

pub(super) struct IatiPeriod {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub target: Option<Decimal>,
    pub total: Option<Figure>,
    pub cells: Vec<(Dims, Figure)>,
}

pub(super) struct ImportedIndicator {
    pub id: String,
    pub title: Texts,
    pub definition: Option<Texts>,
    pub kind: IndicatorType,
    pub unit: Option<String>,
    pub increase: bool,
    pub cumulative: bool,
    pub aggregate: String,
    pub baseline: Option<(Decimal, Option<NaiveDate>)>,
    pub scale: Option<(Decimal, Decimal)>,
    pub periods: Vec<IatiPeriod>,
}

pub(super) struct ImportedResult {
    pub id: String,
    pub level: String,
    pub statement: Texts,
    pub indicators: Vec<ImportedIndicator>,
}

/// Everything read from one activity, before it is written as a framework.
pub(crate) struct Activity {
    pub(super) identifier: String,
    pub(super) lang: String,
    pub(super) title: Texts,
    pub(super) description: Option<Texts>,
    pub(super) donor: Option<String>,
    pub(super) implementer: Option<String>,
    pub(super) start: NaiveDate,
    pub(super) end: NaiveDate,
    pub(super) currency: Option<String>,
    pub(super) budget: Option<Decimal>,
    pub(super) countries: Vec<String>,
    pub(super) fiscal: Option<FiscalYearStart>,
    pub(super) frequency: Frequency,
    pub(super) results: Vec<ImportedResult>,
    /// Disaggregation dimensions and their values, in order of appearance.
    pub(super) dims: Vec<(String, Vec<String>)>,
    /// The activity's `last-updated-datetime`, as a ledger timestamp.
    pub(super) recorded_at: String,
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

fn decimal(s: &str) -> Option<Decimal> {
    crate::model::number::parse_decimal(s.trim()).ok()
}

/// The number in attribute `attr` of `n` (`None` when absent or blank);
/// `Err` holds the warning's message and hint when it is not a number.
fn number_attr(n: &Node, attr: &str) -> Result<Option<Decimal>, (String, String)> {
    match n.attr(attr).map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(raw) => crate::model::number::parse_decimal(raw).map(Some).map_err(|e| {
            (
                format!(
                    "<{} {attr}=\"{}\"> is not a number ({}); the value was left out",
                    n.name,
                    one_line(raw, 80),
                    e.message
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

/// A folder and project id made of the identifier: lower-case ASCII
/// letters, digits and single `-`, never empty, never starting with `.`,
/// so that `frameworks/<slug>` can only name a folder inside `frameworks`.
pub fn slug(s: &str) -> String {
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

/// `text` on one line of at most `max` characters: line breaks and other
/// control characters become spaces (no newline can start a YAML key in a
/// comment), runs of spaces one space, and a cut is marked with `…`.
pub fn one_line(text: &str, max: usize) -> String {
    let spaced: String = text
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.chars().count() <= max {
        return words;
    }
    let cut: String = words.chars().take(max.saturating_sub(1)).collect();
    format!("{cut}…")
}

/// Read one activity of `xml`: `want`, else the file's only one (several
/// without `want` is a usage error listing them), with the warnings met on
/// the way. `file` names the document in messages; `id` is its text in the
/// [`crate::source::Sources`] that errors are located in. Reading only:
/// `generate::framework` turns the activity into a framework.
pub(crate) fn read(
    xml: &str,
    want: Option<&str>,
    file: &str,
    id: FileId,
) -> Result<(Activity, Diagnostics), ImportError> {
    if xml.trim().is_empty() {
        let what = if xml.is_empty() {
            "the file is empty"
        } else {
            "the file holds only blank space"
        };
        return Err(
            Diagnostic::error(format!("{file} is not an IATI activity file: {what}"))
                .at(Span::new(id, 0, 0))
                .label(what)
                .expected("an `iati-activities` document (XML)")
                .found(what)
                .hint("export the activity from the IATI registry or d-portal as XML")
                .into(),
        );
    }
    let doc = parse(xml, id)?;
    let (root, act) = choose_activity(&doc, want, file, id)?;
    let ctx = Ctx::new(root, act, id);
    let activity = read_activity(&ctx, act)?;
    Ok((activity, ctx.warnings.into_inner()))
}

fn identifier(a: &Node) -> String {
    a.child("iati-identifier")
        .map(|n| n.text.trim().to_string())
        .unwrap_or_default()
}

/// The root element and the activity to import.
fn choose_activity<'a>(
    doc: &'a Node,
    want: Option<&str>,
    file: &str,
    id: FileId,
) -> Result<(&'a Node, &'a Node), ImportError> {
    let at = |n: &Node| n.span(id);
    let root = doc
        .children
        .iter()
        .find(|n| n.name == "iati-activities" || n.name == "iati-activity")
        .ok_or_else(|| {
            Diagnostic::error(format!("{file} is not an IATI activity file"))
                .at(doc.children.first().map_or(Span::new(id, 0, 0), at))
                .label("the root element")
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
    let ids = || {
        list.iter()
            .map(|a| one_line(&identifier(a), 80))
            .collect::<Vec<String>>()
    };
    let act = match want {
        Some(want_id) => list
            .iter()
            .find(|a| identifier(a) == want_id.trim())
            .copied()
            .ok_or_else(|| {
                let ids = ids();
                Diagnostic::error(format!("no activity `{}` in {file}", one_line(want_id, 80)))
                    .at(at(root))
                    .label(format!("the activities are in this `{}`", one_line(&root.name, 40)))
                    .expected(format!("one of {}", ids.join(", ")))
                    .found(one_line(want_id, 80))
                    .hint(
                        crate::diag::did_you_mean(want_id, ids.iter().map(String::as_str))
                            .unwrap_or_else(|| "copy the iati-identifier from the file".into()),
                    )
            })?,
        None if list.len() > 1 => {
            let ids = ids();
            return Err(ImportError {
                diagnostic: Diagnostic::error(format!("{file} holds {} activities: say which one", list.len()))
                    .at(at(root))
                    .label(format!("{} `iati-activity` elements in this one", list.len()))
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
                .at(at(root))
                .label("no `iati-activity` in this element")
                .expected("at least one `iati-activity`")
                .found("none")
                .hint("check that this is an activity file, not an organisation file")
        })?,
    };
    Ok((root, act))
}

/// What reading an activity needs everywhere: the file (that warnings
/// point into), the activity's language, the prefix bound to logframe's
/// namespace, and the warnings so far.
struct Ctx {
    id: FileId,
    lang: String,
    prefix: Option<String>,
    warnings: RefCell<Diagnostics>,
}

impl Ctx {
    fn new(root: &Node, act: &Node, id: FileId) -> Ctx {
        let prefix = [act, root]
            .iter()
            .flat_map(|n| n.attrs.iter())
            .find(|(k, v)| k.starts_with("xmlns:") && v == NS)
            .map(|(k, _)| k["xmlns:".len()..].to_string());
        let lang = act
            .attr("xml:lang")
            .map(str::to_ascii_lowercase)
            .unwrap_or_else(|| "en".into());
        Ctx {
            id,
            lang,
            prefix,
            warnings: RefCell::new(Diagnostics::default()),
        }
    }

    /// A logframe extension attribute of `n`, trimmed.
    fn ext(&self, n: &Node, name: &str) -> Option<String> {
        let p = self.prefix.as_ref()?;
        n.attr(&format!("{p}:{name}")).map(str::trim).map(str::to_string)
    }

    /// A logframe extension element under `n`.
    fn ext_child<'n>(&self, n: &'n Node, name: &str) -> Option<&'n Node> {
        let p = self.prefix.as_ref()?;
        n.child(&format!("{p}:{name}"))
    }

    /// A warning, located at the start tag of `at`.
    fn warn(&self, at: &Node, msg: String, hint: &str) {
        self.warnings
            .borrow_mut()
            .push(Diagnostic::warning(msg).at(at.span(self.id)).hint(hint.to_string()));
    }

    /// A number attribute; one that is not a number is a located warning.
    fn num(&self, n: &Node, attr: &str) -> Option<Decimal> {
        match number_attr(n, attr) {
            Ok(v) => v,
            Err((msg, hint)) => {
                self.warn(n, msg, &hint);
                None
            }
        }
    }

    fn texts(&self, n: Option<&Node>) -> Texts {
        texts(n, &self.lang)
    }
}

fn read_activity(ctx: &Ctx, act: &Node) -> Result<Activity, ImportError> {
    let identifier = identifier(act);
    let results = read_results(ctx, act);
    if results.is_empty() {
        ctx.warn(
            act,
            format!("activity {} has no result with indicators", one_line(&identifier, 80)),
            "the framework is created without results; add them to logframe.yaml",
        );
    }
    let (start, end) = project_span(ctx, act, &identifier, &results)?;
    let fiscal = ctx
        .ext(act, "fiscal-year-start")
        .and_then(|f| FiscalYearStart::parse(&f));
    let frequency = ctx
        .ext(act, "reporting-frequency")
        .and_then(|f| Frequency::parse(&f))
        .unwrap_or_else(|| guess_frequency(&results, Period::days(start, end), fiscal));
    let dims = disaggregations(ctx, act, &results);
    let (donor, implementer) = organisations(ctx, act);
    let currency = act
        .attr("default-currency")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .filter(|c| {
            let known = crate::load::currencies::is_currency(c);
            if !known {
                ctx.warn(
                    act,
                    format!(
                        "default-currency `{}` is not an ISO 4217 code: left out",
                        one_line(c, 40)
                    ),
                    "add `currency:` under `project:` in the new logframe.yaml",
                );
            }
            known
        });
    Ok(Activity {
        title: ctx.texts(act.child("title")),
        description: act
            .all("description")
            .find(|d| matches!(d.attr("type"), None | Some("1")))
            .or_else(|| act.child("description"))
            .map(|d| ctx.texts(Some(d)))
            .filter(|d| !d.default.is_empty()),
        donor,
        implementer,
        start,
        end,
        budget: budget(ctx, act, currency.as_deref()),
        currency,
        countries: countries(ctx, act),
        lang: ctx.lang.clone(),
        fiscal,
        frequency,
        results,
        dims,
        recorded_at: act
            .attr("last-updated-datetime")
            .and_then(crate::ledger::row::parse_timestamp)
            .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_default(),
        identifier,
    })
}

/// The donor (funding organisation, role 1) and implementer (role 4); the
/// reporting organisation is the donor when neither is named.
fn organisations(ctx: &Ctx, act: &Node) -> (Option<String>, Option<String>) {
    let name = |o: &Node| Some(ctx.texts(Some(o)).default).filter(|s| !s.is_empty());
    let org = |role: &str| {
        act.all("participating-org")
            .find(|o| o.attr("role") == Some(role))
            .and_then(name)
    };
    let (donor, implementer) = (org("1"), org("4"));
    if donor.is_none() && implementer.is_none() {
        return (act.child("reporting-org").and_then(name), None);
    }
    (donor, implementer)
}

/// The sum of the original budgets (type 1) in the default currency.
fn budget(ctx: &Ctx, act: &Node, currency: Option<&str>) -> Option<Decimal> {
    let budgets: Vec<Decimal> = act
        .all("budget")
        .filter(|b| matches!(b.attr("type"), None | Some("1")))
        .filter_map(|b| b.child("value"))
        .filter(|v| v.attr("currency").is_none_or(|c| Some(c.trim()) == currency))
        .filter_map(|v| {
            let d = decimal(&v.text);
            if d.is_none() {
                ctx.warn(
                    v,
                    format!(
                        "the budget value `{}` is not a number; it was left out of the budget",
                        one_line(v.text.trim(), 80)
                    ),
                    "IATI numbers have no thousands separators and a `.` decimal point; fix the file, or set `budget:` by hand",
                );
            }
            d
        })
        .collect();
    (!budgets.is_empty()).then(|| budgets.iter().sum())
}

/// The recipient countries that are ISO 3166-1 alpha-2 codes, once each.
fn countries(ctx: &Ctx, act: &Node) -> Vec<String> {
    let mut countries: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    for c in act.all("recipient-country") {
        let code = c.attr("code").unwrap_or("").trim().to_ascii_uppercase();
        if !crate::load::countries::is_country(&code) {
            ctx.warn(
                c,
                format!(
                    "recipient-country `{}` is not an ISO 3166-1 alpha-2 code and was left out",
                    one_line(&code, 40)
                ),
                "add it to `countries:` by hand if it is a country",
            );
        } else if seen.insert(code.clone()) {
            countries.push(code);
        }
    }
    countries
}

/// Ids made unique by a `-2`, `-3`... suffix (a set: linear in the ids).
#[derive(Default)]
struct UniqueIds(HashSet<String>);

impl UniqueIds {
    /// `id` made a valid logframe id (a publisher's code such as `B1 .1/x`
    /// becomes `B1.1-x`; one with nothing usable becomes `fallback`), then
    /// unique.
    fn take(&mut self, id: String, fallback: impl FnOnce() -> String) -> String {
        let id = match crate::validate::ids::problem(&id) {
            None => id,
            Some(_) => crate::validate::ids::suggestion(&id).unwrap_or_else(fallback),
        };
        let mut candidate = id.clone();
        let mut n = 2;
        while self.0.contains(&candidate) {
            candidate = format!("{id}-{n}");
            n += 1;
        }
        self.0.insert(candidate.clone());
        candidate
    }
}

/// The results that have indicators, flat, with their levels.
fn read_results(ctx: &Ctx, act: &Node) -> Vec<ImportedResult> {
    let mut ids = UniqueIds::default();
    let mut results = Vec::new();
    for (ri, r) in act.all("result").enumerate() {
        let rid = ctx
            .ext(r, "id")
            .or_else(|| r.child("reference").and_then(|x| x.attr("code")).map(str::to_string))
            .unwrap_or_else(|| format!("R{}", ri + 1));
        let rid = ids.take(rid, || format!("R{}", ri + 1));
        let level = ctx.ext(r, "level").unwrap_or_else(|| {
            match r.attr("type").map(str::trim) {
                Some("1") => "output",
                Some("2") => "outcome",
                Some("3") => "impact",
                _ => "other",
            }
            .to_string()
        });
        let indicators: Vec<ImportedIndicator> = r
            .all("indicator")
            .enumerate()
            .map(|(ii, i)| read_indicator(ctx, i, &rid, ii, &mut ids))
            .collect();
        if indicators.is_empty() {
            continue;
        }
        results.push(ImportedResult {
            id: rid,
            level,
            statement: ctx.texts(r.child("title")),
            indicators,
        });
    }
    results
}

fn read_indicator(ctx: &Ctx, i: &Node, rid: &str, ii: usize, ids: &mut UniqueIds) -> ImportedIndicator {
    let iid = ctx
        .ext(i, "id")
        .or_else(|| {
            let refs: Vec<&Node> = i.all("reference").collect();
            refs.iter()
                .find(|x| x.attr("vocabulary") == Some("99"))
                .or(refs.first())
                .and_then(|x| x.attr("code"))
                .map(str::to_string)
        })
        .unwrap_or_else(|| format!("{rid}.{}", ii + 1));
    let iid = ids.take(iid, || format!("{rid}.{}", ii + 1));
    let measure = i.attr("measure").unwrap_or("1").trim().to_string();
    // Periods, read first: some types are told by their values.
    let mut periods: Vec<IatiPeriod> = i
        .all("period")
        .filter_map(|p| read_period(ctx, p, &iid, &measure))
        .collect();
    periods.sort_by_key(|p| (p.end, std::cmp::Reverse(p.start)));
    let kind = indicator_type(ctx, i, &measure, &periods);
    if kind == IndicatorType::Milestone {
        for p in &mut periods {
            if let Some(Figure::Number(v)) = p.total {
                p.total = Some(Figure::Flag(!v.is_zero()));
            }
            p.cells.clear();
        }
    }
    let baseline = i.child("baseline").and_then(|b| {
        let v = ctx.num(b, "value")?;
        Some((v, date(b.attr("iso-date"))))
    });
    let scale = score_scale(ctx, i, kind, &measure, &periods, baseline);
    ImportedIndicator {
        id: iid,
        title: ctx.texts(i.child("title")),
        definition: i
            .child("description")
            .map(|d| ctx.texts(Some(d)))
            .filter(|t| !t.default.is_empty()),
        kind,
        unit: ctx.ext(i, "unit"),
        increase: !matches!(i.attr("ascending").map(str::trim), Some("false" | "0")),
        cumulative: ctx.ext(i, "cumulative").is_some_and(|c| c == "true"),
        aggregate: ctx
            .ext(i, "aggregate")
            .filter(|a| crate::model::Aggregate::parse(a).is_some())
            .unwrap_or_else(|| "last".into()),
        baseline,
        scale,
        periods,
    }
}

/// The logframe type: from the extension attribute, else from the IATI
/// measure (a nominal measure whose values are all 0 or 1 is a milestone).
fn indicator_type(ctx: &Ctx, i: &Node, measure: &str, periods: &[IatiPeriod]) -> IndicatorType {
    if let Some(k) = ctx.ext(i, "type").as_deref().and_then(IndicatorType::parse) {
        return k;
    }
    let binary = || {
        periods.iter().all(|p| match &p.total {
            Some(Figure::Number(v)) => v.is_zero() || *v == Decimal::ONE,
            _ => true,
        })
    };
    match measure {
        "2" => IndicatorType::Percentage,
        "3" if binary() => IndicatorType::Milestone,
        "4" | "5" => IndicatorType::Qualitative,
        _ => IndicatorType::Number,
    }
}

/// The score scale: from the extension attributes, else (ordinal
/// qualitative) the range of the scores used.
fn score_scale(
    ctx: &Ctx,
    i: &Node,
    kind: IndicatorType,
    measure: &str,
    periods: &[IatiPeriod],
    baseline: Option<(Decimal, Option<NaiveDate>)>,
) -> Option<(Decimal, Decimal)> {
    let ext = |name: &str| ctx.ext(i, name).as_deref().and_then(decimal);
    if let (Some(a), Some(b)) = (ext("scale-min"), ext("scale-max")) {
        return Some((a, b));
    }
    if kind != IndicatorType::Qualitative || measure != "4" {
        return None;
    }
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

/// One IATI period of an indicator: its target, total and cells.
fn read_period(ctx: &Ctx, p: &Node, iid: &str, measure: &str) -> Option<IatiPeriod> {
    let (Some(start), Some(end)) = (
        date(p.child("period-start").and_then(|n| n.attr("iso-date"))),
        date(p.child("period-end").and_then(|n| n.attr("iso-date"))),
    ) else {
        ctx.warn(
            p,
            format!(
                "indicator {}: a period without valid start and end dates was skipped",
                one_line(iid, 80),
            ),
            "give period-start and period-end an iso-date",
        );
        return None;
    };
    // A target logframe interpolated is not a written one.
    let target = p
        .all("target")
        .find(|t| t.child("dimension").is_none() && ctx.ext_child(t, "interpolated").is_none())
        .and_then(|t| ctx.num(t, "value"));
    let mut total = None;
    let mut cells = Vec::new();
    for a in p.all("actual") {
        let Some(fig) = read_actual(ctx, a, measure) else {
            continue;
        };
        let dims: Dims = a
            .all("dimension")
            .filter_map(|d| Some((dim_name(d.attr("name")?), d.attr("value")?.trim().to_string())))
            .collect();
        if !dims.is_empty() {
            cells.push((dims, fig));
        } else if total.is_some() {
            ctx.warn(
                a,
                format!(
                    "indicator {}: period {start}..{end} has more than one total actual; the first is kept",
                    one_line(iid, 80)
                ),
                "give the others a dimension",
            );
        } else {
            total = Some(fig);
        }
    }
    Some(IatiPeriod {
        start,
        end,
        target,
        total,
        cells,
    })
}

/// The figure of one `actual`, by the indicator's measure.
fn read_actual(ctx: &Ctx, a: &Node, measure: &str) -> Option<Figure> {
    // A qualitative (measure 5) value may be words, not a score.
    let raw = if measure == "5" {
        a.attr("value").and_then(decimal)
    } else {
        ctx.num(a, "value")
    };
    let ratio = ctx.ext_child(a, "ratio");
    let parts = (
        ratio.and_then(|r| ctx.num(r, "numerator")),
        ratio.and_then(|r| ctx.num(r, "denominator")),
    );
    match (measure, parts, raw) {
        (_, (Some(n), Some(d)), _) => Some(Figure::Ratio(n, d)),
        ("2", _, Some(v)) => Some(Figure::Ratio(v, Decimal::ONE_HUNDRED)),
        ("4" | "5", _, score) => {
            let words = (measure == "5")
                .then(|| a.attr("value").map(str::trim).filter(|v| !v.is_empty()))
                .flatten()
                .map(str::to_string);
            let text = a
                .child("comment")
                .map(|c| ctx.texts(Some(c)).default)
                .filter(|s| !s.is_empty())
                .or_else(|| score.map(|s| s.normalize().to_string()))
                .or(words);
            text.map(|t| Figure::Text(t, if measure == "4" { score } else { None }))
        }
        (_, _, Some(v)) => Some(Figure::Number(v)),
        _ => None,
    }
}

fn all_periods(results: &[ImportedResult]) -> impl Iterator<Item = &IatiPeriod> + Clone {
    results
        .iter()
        .flat_map(|r| r.indicators.iter())
        .flat_map(|i| i.periods.iter())
}

/// Project span: the activity dates, else the periods.
fn project_span(
    ctx: &Ctx,
    act: &Node,
    identifier: &str,
    results: &[ImportedResult],
) -> Result<(NaiveDate, NaiveDate), ImportError> {
    let activity_date = |types: [&str; 2]| {
        types.iter().find_map(|t| {
            act.all("activity-date")
                .find(|d| d.attr("type") == Some(t))
                .and_then(|d| Some((date(d.attr("iso-date"))?, d)))
        })
    };
    let at = |n: &Node| n.span(ctx.id);
    let first = all_periods(results).map(|p| p.start).min();
    let last = all_periods(results).map(|p| p.end).max();
    let start_node = activity_date(["2", "1"]);
    let end_node = activity_date(["4", "3"]);
    let start = start_node.map(|d| d.0).or(first);
    let end = end_node.map(|d| d.0).or(last);
    let (Some(start), Some(end)) = (start, end) else {
        return Err(
            Diagnostic::error(format!("activity {} has no dates", one_line(identifier, 80)))
                .at(at(act))
                .label("this activity")
                .expected("activity-date elements (types 1-4) or result periods")
                .found("neither")
                .hint("add `activity-date type=\"1\"` and `type=\"3\"` to the activity")
                .into(),
        );
    };
    if end <= start {
        let what = if end == start {
            format!("starts and ends on the same day ({start})")
        } else {
            format!("ends ({end}) before it starts ({start})")
        };
        return Err(
            Diagnostic::error(format!("activity {} {what}", one_line(identifier, 80)))
                .at(at(end_node.or(start_node).map_or(act, |d| d.1)))
                .label(if end_node.is_some() {
                    "the end date"
                } else {
                    "the activity"
                })
                .expected("a start before the end")
                .found(format!("{start} .. {end}"))
                .hint("fix the activity dates in the file")
                .into(),
        );
    }
    Ok((start, end))
}

/// The ends of the reporting periods of `span` at `frequency`.
pub(super) fn period_ends(span: Period, frequency: Frequency, fiscal: Option<FiscalYearStart>) -> BTreeSet<NaiveDate> {
    reporting_periods(span, frequency, fiscal)
        .iter()
        .map(|p| p.end)
        .collect()
}

/// The reporting frequency when the file does not say: the most common
/// period length, if every target falls on a reporting period's end.
fn guess_frequency(results: &[ImportedResult], span: Period, fiscal: Option<FiscalYearStart>) -> Frequency {
    let target_ends: BTreeSet<NaiveDate> = all_periods(results)
        .filter(|p| p.target.is_some())
        .map(|p| p.end)
        .collect();
    let fits = |f: Frequency| {
        let ends = period_ends(span, f, fiscal);
        target_ends.iter().all(|e| *e == span.end || ends.contains(e))
    };
    let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
    for p in all_periods(results) {
        let months =
            ((p.end.year() - p.start.year()) * 12 + p.end.month() as i32 - p.start.month() as i32 + 1).max(1) as u32;
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
}

/// Disaggregation dimensions and their values, in order of appearance (at
/// most [`MAX_DIMENSIONS`]).
fn disaggregations(ctx: &Ctx, act: &Node, results: &[ImportedResult]) -> Vec<(String, Vec<String>)> {
    let mut dims: Vec<(String, Vec<String>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut seen: HashSet<(&str, &str)> = HashSet::new();
    let cells = all_periods(results)
        .flat_map(|p| p.cells.iter())
        .flat_map(|c| c.0.iter());
    for (d, v) in cells {
        let at = *index.entry(d.as_str()).or_insert_with(|| {
            dims.push((d.clone(), Vec::new()));
            dims.len() - 1
        });
        if seen.insert((d.as_str(), v.as_str())) {
            dims[at].1.push(v.clone());
        }
    }
    if dims.len() > MAX_DIMENSIONS {
        ctx.warn(
            act,
            format!(
                "the activity uses {} dimensions; logframe keeps the first {MAX_DIMENSIONS}",
                dims.len()
            ),
            "merge dimensions in the source file if you need the others",
        );
        dims.truncate(MAX_DIMENSIONS);
    }
    dims
}
