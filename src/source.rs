//! Source files and byte spans.
//!
//! Every value the engine reads remembers where it came from, so that a
//! diagnostic or an `explain` line can point at `file:line:col`. Files are
//! kept in one [`Sources`] table and referred to by a small [`FileId`]; a
//! [`Span`] is a byte range in one of them. Line and column numbers are
//! computed on demand from the text, never stored twice. A large ledger
//! file is read in chunks and its text is not kept: it is read again from
//! the disk only if a message must quote it ([`Sources::add_unread`]).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Index of a file in [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileId(pub u32);

/// A byte range in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Span {
        Span {
            file,
            start: start as u32,
            end: end.max(start) as u32,
        }
    }
}

/// A file's text: held from the start, or read from the disk the first
/// time it is needed (a large ledger file read in chunks, whose text is
/// needed only to quote a line in a message).
#[derive(Debug)]
pub struct Text {
    path: PathBuf,
    text: OnceLock<String>,
}

impl std::ops::Deref for Text {
    type Target = String;

    fn deref(&self) -> &String {
        // A file read in chunks was UTF-8 without NUL; if it has changed
        // since so that it no longer is, there is nothing to quote.
        self.text.get_or_init(|| {
            std::fs::read(&self.path)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .unwrap_or_default()
        })
    }
}

impl Text {
    /// The first line (with its line end), and whether the text ends with
    /// a line end: the text itself when it is held; otherwise the first
    /// line and, when the file does not end with `\n`, one more byte (`x`)
    /// read from the disk, without reading the whole file.
    pub fn outline(&self) -> std::borrow::Cow<'_, str> {
        use std::io::{Read, Seek, SeekFrom};
        if let Some(t) = self.text.get() {
            return std::borrow::Cow::Borrowed(t);
        }
        let read = || -> std::io::Result<String> {
            let mut f = std::fs::File::open(&self.path)?;
            let len = f.metadata()?.len();
            let mut head = Vec::new();
            let mut chunk = [0u8; 4096];
            loop {
                let n = f.read(&mut chunk)?;
                head.extend_from_slice(&chunk[..n]);
                if n == 0 || memchr::memchr(b'\n', &head).is_some() {
                    break;
                }
            }
            let head_len = memchr::memchr(b'\n', &head).map_or(head.len(), |i| i + 1);
            head.truncate(head_len);
            let mut last = [0u8; 1];
            if len > 0 {
                f.seek(SeekFrom::Start(len - 1))?;
                f.read_exact(&mut last)?;
            }
            let mut out = String::from_utf8_lossy(&head).into_owned();
            if (head_len as u64) < len && last[0] != b'\n' {
                out.push('x');
            }
            Ok(out)
        };
        std::borrow::Cow::Owned(read().unwrap_or_default())
    }
}

/// One file's path (as the user named it) and its text.
#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    pub name: String,
    pub text: Text,
    line_starts: OnceLock<Vec<u32>>,
    /// For a file whose text is not held: where some of its lines start
    /// (see [`LineNotes`]).
    line_notes: LineNotes,
}

/// Where some lines of a file start: (1-based line, byte offset), sorted,
/// line 1 at offset 0 first. The ledger reader notes every
/// [`NOTE_LINES`]th line of a file it streams, and
/// [`SourceFile::text_from_line`] reads a line from the nearest note.
pub type LineNotes = Vec<(usize, u64)>;

/// Lines between two notes a reader takes (see [`LineNotes`]).
pub const NOTE_LINES: usize = 4096;

/// The text [`SourceFile::text_from_line`] gives of a file whose text is
/// not held: the line and what follows it, up to this many bytes.
const WINDOW: usize = 64 << 10;

impl SourceFile {
    fn new(path: PathBuf, text: Option<String>, line_notes: LineNotes) -> SourceFile {
        let name = display_path(&path);
        SourceFile {
            name,
            text: Text {
                path: path.clone(),
                text: text.map(OnceLock::from).unwrap_or_default(),
            },
            path,
            line_starts: OnceLock::new(),
            line_notes,
        }
    }

    /// The byte offset where 1-based `line` starts, and the text from there
    /// (that line, then what follows it: all of it when the text is held,
    /// else up to 64 KiB, enough for a record's cells). `None` past the
    /// last line.
    ///
    /// A file whose text is not held (a large ledger read in chunks) is not
    /// read whole to quote one cell: the line is read from the nearest
    /// note of where lines start that its reader took.
    pub fn text_from_line(&self, line: usize) -> Option<(usize, std::borrow::Cow<'_, str>)> {
        use std::io::{BufRead, Read, Seek, SeekFrom};
        let line = line.max(1);
        if self.text.text.get().is_some() {
            let start = *self.line_starts().get(line - 1)? as usize;
            return Some((start, std::borrow::Cow::Borrowed(&self.text[start..])));
        }
        let notes = &self.line_notes;
        let (note_line, note) = notes[..notes.partition_point(|&(l, _)| l <= line)].last().copied()?;
        let read = || -> std::io::Result<Option<(usize, String)>> {
            let mut f = std::fs::File::open(&self.text.path)?;
            f.seek(SeekFrom::Start(note))?;
            let mut r = std::io::BufReader::with_capacity(WINDOW, f);
            // Past the lines before `line` (each must end: else `line` is
            // past the file's last line), then a window of text.
            let (mut at, mut skipped) = (note as usize, Vec::new());
            for _ in note_line..line {
                skipped.clear();
                at += r.read_until(b'\n', &mut skipped)?;
                if skipped.last() != Some(&b'\n') {
                    return Ok(None);
                }
            }
            let mut window = Vec::with_capacity(WINDOW);
            r.take(WINDOW as u64).read_to_end(&mut window)?;
            // A cut inside a character keeps the characters before it.
            let valid = std::str::from_utf8(&window).map_or_else(|e| e.valid_up_to(), str::len);
            window.truncate(valid);
            Ok(Some((at, String::from_utf8(window).unwrap_or_default())))
        };
        let (start, text) = read().ok()??;
        Some((start, std::borrow::Cow::Owned(text)))
    }

    /// Byte offsets of the starts of lines (computed when first needed).
    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0u32];
            starts.extend(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i as u32 + 1));
            starts
        })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: u32) -> (usize, usize) {
        let line_starts = self.line_starts();
        let line = line_starts.partition_point(|&s| s <= offset) - 1;
        let start = line_starts[line] as usize;
        let end = (offset as usize).min(self.text.len());
        let col = self.text.get(start..end).map_or(end - start, |s| s.chars().count());
        (line + 1, col + 1)
    }

    /// Byte offset of a 1-based line and column (in characters).
    pub fn offset_of(&self, line: usize, col: usize) -> usize {
        let Some(&start) = self.line_starts().get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let start = start as usize;
        let rest = &self.text[start..];
        let skip = col.saturating_sub(1);
        start + rest.char_indices().nth(skip).map_or(rest.len(), |(i, _)| i)
    }

    /// Text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let line_starts = self.line_starts();
        let Some(&start) = line_starts.get(line.saturating_sub(1)) else {
            return "";
        };
        let end = line_starts.get(line).map_or(self.text.len(), |&e| e as usize);
        self.text[start as usize..end].trim_end_matches(['\n', '\r'])
    }
}

/// Paths are shown relative to the working directory when they are under it.
fn display_path(path: &Path) -> String {
    let shown = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    shown.display().to_string()
}

/// Every file read during one run. Cloning shares the files (a ledger of
/// many megabytes is not copied when a result carries its sources).
#[derive(Debug, Default, Clone)]
pub struct Sources {
    files: Vec<std::sync::Arc<SourceFile>>,
}

impl Sources {
    pub fn add(&mut self, path: PathBuf, text: String) -> FileId {
        self.files
            .push(std::sync::Arc::new(SourceFile::new(path, Some(text), Vec::new())));
        FileId(self.files.len() as u32 - 1)
    }

    /// The id the next file added will have.
    pub fn next_id(&self) -> FileId {
        FileId(self.files.len() as u32)
    }

    /// Add a file already read (in chunks) without keeping its text: it
    /// is read again from `path` if a message must quote it, from the
    /// nearest of the `notes` its reader took (none: from its start).
    pub fn add_unread(&mut self, path: PathBuf, mut notes: LineNotes) -> FileId {
        if notes.first() != Some(&(1, 0)) {
            notes.insert(0, (1, 0));
        }
        self.files.push(std::sync::Arc::new(SourceFile::new(path, None, notes)));
        FileId(self.files.len() as u32 - 1)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// `file:line:col` of a span's start.
    pub fn locate(&self, span: Span) -> String {
        let file = self.get(span.file);
        let (line, col) = file.line_col(span.start);
        format!("{}:{line}:{col}", file.name)
    }

    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (FileId(i as u32), &**f))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_round_trips_with_multibyte_text() {
        let mut s = Sources::default();
        let id = s.add(PathBuf::from("x.yaml"), "a: 1\nb: Perú\nc: 3\n".into());
        let f = s.get(id);
        assert_eq!(f.line_col(0), (1, 1));
        let off = f.offset_of(3, 4);
        assert_eq!(&f.text[off..off + 1], "3");
        assert_eq!(f.line_col(off as u32), (3, 4));
        assert_eq!(f.line_text(2), "b: Perú");
    }

    /// A file added unread gives its text, lines and columns from the
    /// disk, as a file added with its text does; its outline is the first
    /// line and whether the text ends with a line end.
    #[test]
    fn an_unread_file_reads_as_a_read_one_and_outlines_without_reading() {
        let dir = tempfile::tempdir().expect("temp dir");
        for text in ["h,é\r\n1,2\r\n3,4\r\n", "h,é\n1,2\n3,4", "h\n", "h", ""] {
            let path = dir.path().join("ledger.csv");
            std::fs::write(&path, text).expect("write");
            let mut s = Sources::default();
            let held = s.add(path.clone(), text.to_string());
            let unread = s.add_unread(path, Vec::new());
            let outline = s.get(unread).text.outline().into_owned();
            assert_eq!(outline.lines().next(), text.lines().next(), "{text:?}");
            assert_eq!(outline.ends_with('\n'), text.ends_with('\n'), "{text:?}");
            let (a, b) = (s.get(held), s.get(unread));
            assert_eq!(a.text.as_str(), b.text.as_str());
            for line in 1..4 {
                assert_eq!(a.line_text(line), b.line_text(line));
                assert_eq!(a.offset_of(line, 2), b.offset_of(line, 2));
            }
            assert_eq!(a.line_col(5), b.line_col(5));
        }
    }

    /// A line of a file whose text is not held is read from the nearest
    /// note of where lines start (or from the file's start without notes),
    /// at the offset and with the text the held file gives; the file's
    /// text stays unread.
    #[test]
    fn text_from_a_line_of_an_unread_file_is_the_held_text_from_there() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut big = String::from("indicator,period,value\n");
        for k in 0..3 * NOTE_LINES + 17 {
            big.push_str(&format!("1.{k},2023-Q{},{}\n", k % 4 + 1, "é".repeat(k % 3)));
        }
        let long_cell = "x".repeat(WINDOW + 10);
        for text in [
            big.clone(),
            format!("{big}\"a\nb\",{long_cell}"),
            "h,é\r\n1,2\r\n3,4".into(),
            String::new(),
        ] {
            let path = dir.path().join("ledger.csv");
            std::fs::write(&path, &text).expect("write");
            let mut s = Sources::default();
            let held = s.add(path.clone(), text.clone());
            // Without notes, and with notes at uneven lines (as the ledger
            // reader takes them per chunk).
            let starts: Vec<usize> = std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect();
            let noted: Vec<(usize, u64)> = [1, 2, 7, 100, NOTE_LINES + 3, 2 * NOTE_LINES]
                .into_iter()
                .filter(|&l| l <= starts.len())
                .map(|l| (l, starts[l - 1] as u64))
                .collect();
            for unread in [s.add_unread(path.clone(), Vec::new()), s.add_unread(path, noted)] {
                let lines = text.matches('\n').count() + 1;
                for line in [
                    1,
                    2,
                    3,
                    NOTE_LINES,
                    NOTE_LINES + 1,
                    NOTE_LINES + 2,
                    2 * NOTE_LINES + 5,
                    3 * NOTE_LINES + 1,
                    3 * NOTE_LINES + 2,
                    lines,
                    lines + 1,
                    lines + 5000,
                ] {
                    let (a, b) = (s.get(held).text_from_line(line), s.get(unread).text_from_line(line));
                    match (a, b) {
                        (Some((sa, ta)), Some((sb, tb))) => {
                            assert_eq!(sa, sb, "line {line}");
                            assert!(
                                ta.starts_with(tb.as_ref()),
                                "line {line}: the window is the start of the text from there"
                            );
                            assert!(tb.len() >= ta.len().min(WINDOW - 4), "line {line}: a whole window");
                        }
                        (a, b) => assert_eq!(a.is_none(), b.is_none(), "line {line}"),
                    }
                }
                assert!(s.get(unread).text.text.get().is_none(), "the text is not read whole");
            }
        }
    }
}
