//! The XML of an activity file as a tree of [`Node`]s, read in one pass.
//!
//! Elements keep their byte offset (spans give lines when a message is
//! shown), so any file size takes linear time; nesting is bounded so that a
//! hostile file cannot overflow the stack. Characters XML 1.0 forbids are
//! located errors, not text that would reach the terminal.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use rust_decimal::Decimal;

use super::text::one_line;
use crate::diag::Diagnostic;
use crate::source::{FileId, Span};

/// A parsed XML element: name as written (with its prefix), attributes,
/// children and text.
#[derive(Debug, Default, Clone)]
pub(crate) struct Node {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
    pub text: String,
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

/// A character XML 1.0 allows (its `Char` production).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The span of the character at byte `offset` of `text` (an offset inside
/// a character is moved back to its start; one past the end is an empty
/// span at the end), so that a diagnostic can show it with a caret.
pub(crate) fn char_span(text: &str, file: FileId, offset: usize) -> Span {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let width = text[at..].chars().next().map_or(0, char::len_utf8);
    Span::new(file, at, at + width)
}

/// What the parser reads from: the text and its file.
struct Doc<'a> {
    xml: &'a str,
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
pub(crate) const MAX_DEPTH: usize = 200;

/// Parse a document into its tree of elements (the returned node is the
/// document; its children are the root elements). Linear in the size of
/// the document; nesting deeper than [`MAX_DEPTH`] is an error.
pub(crate) fn parse(xml: &str, file: FileId) -> Result<Node, Diagnostic> {
    let doc = Doc { xml, file };
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

/// The number in attribute `attr` of `n` (`None` when absent or blank);
/// `Err` holds the warning's message and hint when it is not a number.
pub(super) fn number_attr(n: &Node, attr: &str) -> Result<Option<Decimal>, (String, String)> {
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
