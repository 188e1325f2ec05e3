//! Reading the text files people edit (logframe.yaml, CSV files): UTF-8 or
//! a located error.
//!
//! Spreadsheets and old editors still save Latin-1, Windows-1252 or UTF-16.
//! Guessing the encoding and converting would put wrong letters in a donor
//! report without anyone noticing, so such a file is refused; but the
//! message says which encoding it looks like, points at the first byte that
//! is not UTF-8 (line:col) and says how to save the file as UTF-8. A NUL
//! byte (binary data, or UTF-16 read as bytes) is refused the same way: it
//! is valid UTF-8 but never part of a text someone typed. Lines ending in
//! CR alone are read as lines.

use std::path::Path;

use crate::diag::Diagnostic;
use crate::source::{FileId, Sources, Span};

/// Read `path` into `sources`. `save_hint` says how to save the file as
/// UTF-8 (`save it as "CSV UTF-8"`). On a decoding problem the file is
/// still added (undecodable bytes shown as `�`) so the error can point into
/// it.
pub fn read_text(path: &Path, sources: &mut Sources, save_hint: &str) -> Result<FileId, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(format!("cannot read {}: {e}", path.display()))
            .expected("a readable file")
            .found(e.kind().to_string())
            .hint("check that the path is a readable file")
    })?;
    match decode(bytes) {
        Ok(text) => Ok(sources.add(path.to_path_buf(), old_mac_line_ends(text))),
        Err(bad) => {
            let file = sources.add(path.to_path_buf(), bad.shown);
            Err(
                Diagnostic::error(format!("{} is not UTF-8 text: {}", path.display(), bad.looks_like))
                    .at(Span::new(file, bad.offset, bad.offset + bad.width))
                    .label("the first byte that is not UTF-8 text")
                    .expected("UTF-8 text")
                    .found(bad.found)
                    .hint(save_hint.to_string()),
            )
        }
    }
}

/// A file whose lines end in CR alone (old Mac editors and Excel for Mac's
/// "CSV (Macintosh)") read with LF instead: one byte for one, so offsets
/// stay the file's, and every line:col in a message is right. Files with
/// any LF are left as they are, so a CR inside a quoted cell is kept.
fn old_mac_line_ends(text: String) -> String {
    if text.contains('\r') && !text.contains('\n') {
        text.replace('\r', "\n")
    } else {
        text
    }
}

/// Why some bytes are not UTF-8 text.
#[derive(Debug)]
pub struct BadText {
    /// Byte offset of the first bad byte in `shown`.
    pub offset: usize,
    /// Bytes the bad sequence takes in `shown`.
    pub width: usize,
    /// The text with undecodable bytes as U+FFFD and NULs as spaces; the
    /// part before `offset` is the file's own bytes.
    pub shown: String,
    pub looks_like: String,
    pub found: String,
}

/// The bytes as UTF-8 text without NUL, or where and why not.
pub fn decode(bytes: Vec<u8>) -> Result<String, BadText> {
    let (bytes, offset, found) = match String::from_utf8(bytes) {
        Ok(t) => match t.find('\0') {
            None => return Ok(t),
            Some(i) => (t.into_bytes(), i, "a NUL byte (0x00)".to_string()),
        },
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let found = describe_byte(&bytes, at);
            (bytes, at, found)
        }
    };
    let looks_like = looks_like(&bytes);
    let shown = String::from_utf8_lossy(&bytes).replace('\0', " ");
    let width = shown[offset..].chars().next().map_or(1, char::len_utf8);
    Err(BadText {
        offset,
        width,
        shown,
        looks_like,
        found,
    })
}

/// `the byte 0xE9 (é in Latin-1)`, or the byte-order mark it starts.
fn describe_byte(bytes: &[u8], at: usize) -> String {
    let b = bytes.get(at).copied().unwrap_or(0);
    if at == 0 && (bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])) {
        return format!(
            "the bytes 0x{:02X} 0x{:02X}, a UTF-16 byte-order mark",
            bytes[0], bytes[1]
        );
    }
    match b {
        0xA0..=0xFF => format!("the byte 0x{b:02X} (`{}` in Latin-1)", char::from(b)),
        _ => format!("the byte 0x{b:02X}"),
    }
}

/// The encoding the bytes most likely are in, as a phrase.
fn looks_like(bytes: &[u8]) -> String {
    let head = &bytes[..bytes.len().min(4096)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    let kind = if head.starts_with(&[0xFF, 0xFE, 0, 0]) || head.starts_with(&[0, 0, 0xFE, 0xFF]) {
        "it looks like UTF-32"
    } else if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        "it looks like UTF-16 (\"Unicode Text\")"
    } else if nuls * 4 >= head.len() && !head.is_empty() {
        "it looks like UTF-16 without a byte-order mark"
    } else if nuls > 0 {
        "it holds NUL bytes, as binary files do"
    } else if head.iter().any(|b| (0x80..0xA0).contains(b)) {
        "it looks like Windows-1252 (\"ANSI\")"
    } else {
        "it looks like Latin-1 (ISO-8859-1)"
    };
    kind.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_named_and_located() {
        let latin1 = b"title: Projet \xe9t\xe9\n".to_vec();
        let e = decode(latin1).unwrap_err();
        assert_eq!(e.offset, 14);
        assert!(e.looks_like.contains("Latin-1"), "{}", e.looks_like);
        assert!(e.found.contains("0xE9") && e.found.contains('é'), "{}", e.found);
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("ab\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let e = decode(utf16).unwrap_err();
        assert_eq!(e.offset, 0);
        assert!(e.looks_like.contains("UTF-16"), "{}", e.looks_like);
        let bare16: Vec<u8> = "indicator,period\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let e = decode(bare16).unwrap_err();
        assert_eq!(e.offset, 1);
        assert!(e.looks_like.contains("without a byte-order mark"), "{}", e.looks_like);
        let cp1252 = b"a,\x93quoted\x94\n".to_vec();
        assert!(decode(cp1252).unwrap_err().looks_like.contains("Windows-1252"));
        assert_eq!(decode(b"plain\n".to_vec()).unwrap(), "plain\n");
    }
}
