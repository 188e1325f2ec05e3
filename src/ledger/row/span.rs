//! Where a field lies in its CSV record, found on the raw bytes, so that a
//! diagnostic points at the cell and not at the whole line.

use crate::source::{FileId, Span};

/// The span of field `index` in a CSV record that starts at byte `start` of
/// `text`, found by walking the raw bytes (quotes included).
pub(crate) fn field_span(file: FileId, text: &str, start: usize, index: usize, delimiter: u8) -> Span {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut field = 0;
    let mut in_quotes = false;
    let mut field_start = start;
    while i < bytes.len() {
        let b = bytes[i];
        if in_quotes {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    in_quotes = false;
                }
            }
        } else if b == b'"' {
            in_quotes = true;
        } else if b == delimiter || b == b'\n' || b == b'\r' {
            if field == index {
                return Span::new(file, field_start, i);
            }
            if b != delimiter {
                break;
            }
            field += 1;
            field_start = i + 1;
        }
        i += 1;
    }
    if field == index {
        Span::new(file, field_start, i)
    } else {
        Span::new(file, start, start + 1)
    }
}
