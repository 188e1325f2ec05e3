//! The fast reading of a ledger file with nothing wrong in it: the body is
//! cut at line starts (never inside a quoted cell) into small parts, read
//! on every core, each by its own CSV reader and row parser; the parts are
//! joined in order as they come. Line numbers are counted as a part is
//! read, not looked up.
//!
//! It gives up at the first thing that is not a plain good row (a header
//! problem, malformed CSV, a row of the wrong width, a bad cell): the
//! caller then reads the file again with
//! [`read_rows`](super::read::read_rows), which reports every problem at
//! its `file:line:col`. Good files pay for one reading, bad files for two.

use std::collections::BTreeMap;
use std::io::Read;
use std::ops::Range;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use rustc_hash::FxHashSet;

mod plain;

use super::read::{Column, CsvDialect, header_columns, row_fields};
use super::row::{Entry, Origin, RowParser};
use super::store::Store;
use crate::model::Framework;
use crate::source::{self, FileId, LineNotes};

/// The rows of one part, with string indexes into the part's own table and
/// line numbers counted from the part's start (0 for its first line).
struct Part {
    store: Store,
    /// Line ends in the part.
    newlines: u32,
    /// Where some of the part's lines start: (line from the part's start,
    /// byte offset in the part), every [`NOTE_LINES`]th line and the first.
    notes: Vec<(u32, u32)>,
}

/// [`source::NOTE_LINES`] as a part counts its lines: a message quoting a
/// cell of a streamed file reads from the nearest note, so that the file
/// is not read whole again for it.
const NOTE_LINES: u32 = source::NOTE_LINES as u32;

/// Below this many bytes a file is read on one thread.
const PARALLEL_FROM: usize = 1 << 20;

/// Read a clean file into `store`: `true` when done, `false` (with
/// `store`'s rows as they were) when anything is off.
///
/// The body is cut into many small parts; the threads take the next part
/// as they finish one, and this thread appends the parts in order as they
/// arrive, so that the rows are held once, not once in parts and once
/// joined.
pub(super) fn read_clean(
    fw: &Framework,
    text: &str,
    file: FileId,
    only: Option<&FxHashSet<u32>>,
    store: &mut Store,
) -> bool {
    let Some((body_start, columns, named, dialect)) = header(fw, text, file) else {
        return false;
    };
    let threads = if text.len() < PARALLEL_FROM {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get()).min(8)
    };
    let Some(ranges) = split(text.as_bytes(), body_start, threads * PARTS_PER_THREAD) else {
        return false;
    };
    let before = store.len();
    store.reserve(memchr::memchr_iter(b'\n', &text.as_bytes()[body_start..]).count() + 1);
    let read = |r: &Range<usize>| read_part(fw, text, file, dialect.delimiter, (&columns, named), only, r.clone());
    // The header is line 1; rows count from the line after it.
    let mut base = 2u32;
    let mut join = |part: Part| {
        store.append(part.store, base);
        base += part.newlines;
    };
    let done = if threads == 1 {
        ranges.iter().all(|r| read(r).map(&mut join).is_some())
    } else {
        let next = AtomicUsize::new(0);
        let failed = AtomicBool::new(false);
        std::thread::scope(|s| {
            let (tx, rx) = mpsc::channel::<(usize, Option<Part>)>();
            for _ in 0..threads {
                let tx = tx.clone();
                let (next, failed, ranges, read) = (&next, &failed, &ranges, &read);
                s.spawn(move || {
                    loop {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        if k >= ranges.len() || failed.load(Ordering::Relaxed) {
                            break;
                        }
                        let part = read(&ranges[k]);
                        if part.is_none() {
                            failed.store(true, Ordering::Relaxed);
                        }
                        if tx.send((k, part)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            let mut waiting: BTreeMap<usize, Part> = BTreeMap::new();
            let mut want = 0;
            for (k, part) in rx {
                let Some(part) = part else {
                    return false;
                };
                waiting.insert(k, part);
                while let Some(part) = waiting.remove(&want) {
                    join(part);
                    want += 1;
                }
            }
            want == ranges.len()
        })
    };
    if !done {
        store.truncate(before);
    }
    done
}

/// Files from this size are read in chunks straight from the disk: their
/// text is never held whole (it is read again only if a message must
/// quote it).
pub(super) const STREAM_FROM: u64 = 4 << 20;

/// Bytes read from the disk at a time when streaming.
const CHUNK: usize = 1 << 20;

/// Read the clean ledger file at `path` chunk by chunk into `store`, its
/// rows from `file`: where its lines start, every [`NOTE_LINES`]th line,
/// when done; `None` (with `store`'s rows as they were) when anything is
/// off: a header problem, malformed CSV, a byte that is not UTF-8, a NUL,
/// a row that is not plain and good. The caller then reads the whole file
/// as usual.
pub(super) fn read_streaming(
    fw: &Framework,
    path: &Path,
    file: FileId,
    only: Option<&FxHashSet<u32>>,
    store: &mut Store,
) -> Option<LineNotes> {
    let before = store.len();
    let done = stream(fw, path, file, only, store);
    if done.is_none() {
        store.truncate(before);
    }
    done
}

fn stream(
    fw: &Framework,
    path: &Path,
    file: FileId,
    only: Option<&FxHashSet<u32>>,
    store: &mut Store,
) -> Option<LineNotes> {
    let mut f = std::fs::File::open(path).ok()?;
    let mut buf = Vec::with_capacity(CHUNK + (64 << 10));
    let mut eof = fill(&mut f, &mut buf)?;
    let head_end = memchr::memchr(b'\n', &buf)? + 1;
    let head = std::str::from_utf8(&buf[..head_end]).ok()?;
    let (body_start, columns, named, delimiter) = {
        let (start, columns, named, dialect) = header(fw, head, file)?;
        (start, columns, named, dialect.delimiter)
    };
    buf.drain(..body_start);
    // The header is line 1, at the file's start; the chunks follow it.
    let mut notes: LineNotes = vec![(1, 0)];
    let mut offset = body_start as u64;
    // Room for about as many rows as the first chunk holds per byte, so
    // that the rows are not held in a vector twice their size.
    if !eof && let Ok(meta) = f.metadata() {
        let lines = memchr::memchr_iter(b'\n', &buf).count() as f64;
        let estimate = meta.len() as f64 / buf.len().max(1) as f64 * lines * 1.02;
        store.reserve(estimate as usize);
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    // A chunk of whole records, read on a worker: `None` at a NUL, a byte
    // that is not UTF-8 or a row that is not plain and good.
    let read = |chunk: &[u8]| {
        if memchr::memchr(0, chunk).is_some() {
            return None;
        }
        let text = std::str::from_utf8(chunk).ok()?;
        read_part(fw, text, file, delimiter, (&columns, named), only, 0..text.len())
    };
    // This thread reads the file chunk by chunk and hands each chunk of
    // whole records to the workers; it appends the rows of the chunks in
    // order as they come back, while the workers read the next ones.
    let (jobs, queue) = mpsc::sync_channel::<(usize, u64, Vec<u8>)>(threads * 2);
    let queue = std::sync::Mutex::new(queue);
    let (results, done) = mpsc::channel::<(usize, u64, Option<Part>)>();
    // A chunk read goes back to this thread to be filled again: the file
    // passes through a few chunks' memory, not through 87 MB of new memory
    // (each new page costs the system a fault: a third of the faults of
    // reading a large ledger, measured).
    let (give_back, given_back) = mpsc::channel::<Vec<u8>>();
    let failed = AtomicBool::new(false);
    std::thread::scope(|s| {
        for _ in 0..threads {
            let (results, queue, failed, read, give_back) =
                (results.clone(), &queue, &failed, &read, give_back.clone());
            s.spawn(move || {
                loop {
                    let job = queue.lock().map(|q| q.recv());
                    let Ok(Ok((k, offset, chunk))) = job else { break };
                    let part = if failed.load(Ordering::Relaxed) {
                        None
                    } else {
                        read(&chunk)
                    };
                    // Dropped if this thread has stopped taking them.
                    let _ = give_back.send(chunk);
                    if part.is_none() {
                        failed.store(true, Ordering::Relaxed);
                    }
                    if results.send((k, offset, part)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(results);
        // The header is line 1; rows count from the line after it.
        let mut base = 2u32;
        let mut waiting: BTreeMap<usize, (u64, Part)> = BTreeMap::new();
        let mut want = 0usize;
        let mut join = |k: usize, offset: u64, part: Option<Part>| -> Option<()> {
            waiting.insert(k, (offset, part?));
            while let Some((offset, part)) = waiting.remove(&want) {
                notes.extend(
                    part.notes
                        .iter()
                        .map(|&(line, at)| ((base + line) as usize, offset + u64::from(at))),
                );
                store.append(part.store, base);
                base += part.newlines;
                want += 1;
            }
            Some(())
        };
        let mut sent = 0usize;
        let produced = (|| -> Option<()> {
            loop {
                // The complete records read so far: up to the last line end
                // outside quotes (at the end of the file, everything).
                let end = if eof {
                    buf.len()
                } else {
                    match last_record_end(&buf) {
                        Some(i) => i,
                        None => {
                            eof = fill(&mut f, &mut buf)?;
                            continue;
                        }
                    }
                };
                // The chunk goes as it is; what follows its last record
                // starts the next one.
                let mut next = match given_back.try_recv() {
                    Ok(mut used) => {
                        used.clear();
                        used
                    }
                    Err(_) => Vec::with_capacity(CHUNK + (64 << 10)),
                };
                next.extend_from_slice(&buf[end..]);
                buf.truncate(end);
                if !buf.is_empty() {
                    let len = buf.len() as u64;
                    jobs.send((sent, offset, std::mem::replace(&mut buf, next))).ok()?;
                    offset += len;
                    sent += 1;
                } else {
                    buf = next;
                }
                while let Ok((k, offset, part)) = done.try_recv() {
                    join(k, offset, part)?;
                }
                if failed.load(Ordering::Relaxed) {
                    return None;
                }
                if eof {
                    return Some(());
                }
                eof = fill(&mut f, &mut buf)?;
            }
        })();
        drop(jobs);
        if produced.is_none() {
            failed.store(true, Ordering::Relaxed);
        }
        for (k, offset, part) in done.iter() {
            if join(k, offset, part).is_none() {
                failed.store(true, Ordering::Relaxed);
            }
        }
        (!failed.load(Ordering::Relaxed) && want == sent).then_some(())
    })?;
    Some(notes)
}

/// Just past the last `\n` of `buf` that lies outside quotes (an even
/// number of quotes before it), `buf` starting outside quotes.
fn last_record_end(buf: &[u8]) -> Option<usize> {
    if memchr::memchr(b'"', buf).is_none() {
        return memchr::memrchr(b'\n', buf).map(|i| i + 1);
    }
    let mut quotes = 0usize;
    let mut end = None;
    for i in memchr::memchr2_iter(b'"', b'\n', buf) {
        if buf[i] == b'"' {
            quotes += 1;
        } else if quotes.is_multiple_of(2) {
            end = Some(i + 1);
        }
    }
    end
}

/// Read up to [`CHUNK`] more bytes into `buf`: whether the file has ended.
fn fill(f: &mut std::fs::File, buf: &mut Vec<u8>) -> Option<bool> {
    let want = buf.len() + CHUNK;
    while buf.len() < want {
        let n = f.by_ref().take((want - buf.len()) as u64).read_to_end(buf).ok()?;
        if n == 0 {
            return Some(true);
        }
    }
    Some(false)
}

/// Parts per thread: small enough that few are held at once.
const PARTS_PER_THREAD: usize = 16;

/// Where the body starts, the header's columns and how many it names, when
/// the header is plain and good.
fn header<'t>(
    fw: &Framework,
    text: &'t str,
    file: FileId,
) -> Option<(usize, Vec<Option<Column>>, usize, CsvDialect<'t>)> {
    let dialect = CsvDialect::of(text);
    if dialect.first_line.contains('"') {
        return None;
    }
    let after = &dialect.body[dialect.first_line.len()..];
    let eol = if after.starts_with("\r\n") {
        2
    } else if after.starts_with('\n') {
        1
    } else {
        // CR-only line ends, or a header alone: the slow reader says what it is.
        return None;
    };
    let body_start = dialect.bom + dialect.first_line.len() + eol;
    let mut rdr = dialect.reader();
    let mut record = csv::StringRecord::new();
    if !rdr.read_record(&mut record).ok()? {
        return None;
    }
    let (columns, named, diags) = header_columns(fw, &record, file, text, &dialect);
    diags.is_empty().then_some((body_start, columns, named, dialect))
}

/// Cut `text[start..]` into about `n` ranges that begin at a line start
/// outside any quoted cell (an even number of quotes before it).
fn split(text: &[u8], start: usize, n: usize) -> Option<Vec<Range<usize>>> {
    let len = text.len() - start;
    let mut cuts = vec![start];
    let mut quotes = 0usize;
    let mut counted = start;
    for k in 1..n {
        let mut at = (start + len * k / n).max(*cuts.last().expect("one cut"));
        loop {
            let Some(found) = memchr::memchr(b'\n', &text[at..]) else {
                return finish(cuts, text.len());
            };
            let nl = at + found + 1;
            if nl >= text.len() {
                return finish(cuts, text.len());
            }
            quotes += memchr::memchr_iter(b'"', &text[counted..nl]).count();
            counted = nl;
            at = nl;
            if quotes.is_multiple_of(2) {
                break;
            }
        }
        // A byte-order mark at a part's start would be dropped by its reader.
        if text[at..].starts_with(&[0xEF, 0xBB, 0xBF]) {
            return None;
        }
        if at > *cuts.last().expect("one cut") {
            cuts.push(at);
        }
    }
    finish(cuts, text.len())
}

fn finish(cuts: Vec<usize>, end: usize) -> Option<Vec<Range<usize>>> {
    let mut out: Vec<Range<usize>> = cuts.windows(2).map(|w| w[0]..w[1]).collect();
    out.push(*cuts.last()?..end);
    Some(out)
}

/// Read one part; `None` at the first row that is not plain and good.
fn read_part(
    fw: &Framework,
    text: &str,
    file: FileId,
    delimiter: u8,
    (columns, named): (&[Option<Column>], usize),
    only: Option<&FxHashSet<u32>>,
    range: Range<usize>,
) -> Option<Part> {
    let bytes = &text.as_bytes()[range.clone()];
    let mut store = Store::default();
    // About a row per 24 bytes (a plain row is shorter, a commented one
    // longer): the rows are not moved as the vector grows.
    store.reserve(bytes.len() / 24);
    let mut rows = Rows {
        parser: RowParser::new(fw),
        store,
        file,
        columns,
        named,
        only,
    };
    if plain(bytes) {
        // No quote and no lone CR: a record is a line, a cell what lies
        // between separators (what the CSV reader would find, faster).
        let layout = plain::Layout::of(columns);
        let mut lane = layout.as_ref().map(|l| plain::Lane::new(l, fw));
        // The separators of the record being read, from its line start.
        let mut separators: Vec<usize> = Vec::with_capacity(columns.len() + 1);
        let mut line = 0u32;
        let mut from = 0;
        let mut notes = vec![(0, 0)];
        // A separator ends a cell, a line feed a record. Both are ASCII:
        // every cut is at a character boundary.
        let mut cut = |i: usize| -> Option<()> {
            if bytes[i] == delimiter {
                separators.push(i - from);
            } else {
                let text = &bytes[from..i];
                rows.record(&mut lane, text.strip_suffix(b"\r").unwrap_or(text), &separators, line)?;
                separators.clear();
                from = i + 1;
                line += 1;
                if line.is_multiple_of(NOTE_LINES) {
                    notes.push((line, from as u32));
                }
            }
            Some(())
        };
        // Eight bytes at a time: the separators and line feeds of a word
        // found at once (cells are short: a search call per cell costs
        // more, measured).
        let words = bytes.chunks_exact(8);
        let tail = words.remainder().len();
        for (k, word) in words.enumerate() {
            let w = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
            let mut found = plain::bytes_equal(w, delimiter) | plain::bytes_equal(w, b'\n');
            while found != 0 {
                cut(k * 8 + found.trailing_zeros() as usize / 8)?;
                found &= found - 1;
            }
        }
        let tail_start = bytes.len() - tail;
        for (i, &b) in bytes[tail_start..].iter().enumerate() {
            if b == delimiter || b == b'\n' {
                cut(tail_start + i)?;
            }
        }
        let newlines = line;
        if from < bytes.len() {
            let text = &bytes[from..];
            rows.record(&mut lane, text.strip_suffix(b"\r").unwrap_or(text), &separators, line)?;
        }
        return Some(rows.part(newlines, notes));
    }
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(bytes);
    let mut record = csv::StringRecord::new();
    let (mut line, mut counted) = (0u32, 0usize);
    let mut notes = vec![(0, 0)];
    while rdr.read_record(&mut record).ok()? {
        let pos = record.position()?;
        let mut start = pos.byte() as usize;
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        line += bytes[counted..start].iter().filter(|&&b| b == b'\n').count() as u32;
        counted = start;
        if line / NOTE_LINES > notes.last().map_or(0, |n: &(u32, u32)| n.0 / NOTE_LINES) {
            notes.push((line, start as u32));
        }
        let cells: Vec<&str> = record.iter().collect();
        rows.push(&cells, line)?;
    }
    let newlines = line + memchr::memchr_iter(b'\n', &bytes[counted..]).count() as u32;
    Some(rows.part(newlines, notes))
}

/// Whether a part holds no quote and no carriage return but before a line feed.
fn plain(bytes: &[u8]) -> bool {
    memchr::memchr(b'"', bytes).is_none() && memchr::memchr_iter(b'\r', bytes).all(|i| bytes.get(i + 1) == Some(&b'\n'))
}

/// The rows of a part as they are read.
struct Rows<'f, 'c> {
    parser: RowParser<'f>,
    store: Store,
    file: FileId,
    columns: &'c [Option<Column>],
    named: usize,
    /// Keep only the rows of these indicators (the others are skipped
    /// unparsed; an unknown indicator still stops the fast reading).
    only: Option<&'c FxHashSet<u32>>,
}

impl Rows<'_, '_> {
    /// Add one record's cells, read on `line` of the part; `None` when it
    /// is not a good row (a blank one is skipped).
    fn push(&mut self, cells: &[&str], line: u32) -> Option<()> {
        if cells.iter().all(|c| c.trim().is_empty()) {
            return Some(());
        }
        let width = self.columns.len();
        if cells.len() != width && !(self.named..width).contains(&cells.len()) {
            return None;
        }
        if cells.iter().skip(self.named).any(|c| !c.trim().is_empty()) {
            return None;
        }
        let f = row_fields(self.columns, cells.iter().copied());
        if let Some(only) = self.only
            && let Some(i) = self.parser.indicator_index(f.indicator)
            && !only.contains(&i)
        {
            return Some(());
        }
        let r = self.parser.parse(&f).ok()?;
        let strings = &mut self.store.strings;
        let e = Entry {
            indicator: r.indicator,
            period: r.period,
            dims: r.dims,
            value: r.value,
            comment: strings.intern(f.comment),
            source: strings.intern(f.source),
            recorded_by: strings.intern(f.recorded_by),
            recorded_at: r.recorded_at,
            origin: Origin { file: self.file, line },
            review: r.review,
            review_of: r.review_of,
            reviewed_by: strings.intern(f.reviewed_by),
            review_note: strings.intern(f.review_note),
        };
        self.store.push(&e);
        Some(())
    }

    /// Add the record of `text` (a line without its line end) whose
    /// separators are at `separators`, by the plain lane when it can read
    /// it, else by the full parser.
    fn record<'t>(
        &mut self,
        lane: &mut Option<plain::Lane<'t>>,
        text: &'t [u8],
        separators: &[usize],
        line: u32,
    ) -> Option<()> {
        let record = plain::Record { line: text, separators };
        match lane
            .as_mut()
            .and_then(|lane| lane.read(&mut self.parser, &mut self.store, &record, self.only))
        {
            Some(plain::Read::Plain(r)) => {
                let origin = Origin { file: self.file, line };
                self.store.push_plain(r.indicator, r.period, r.dims, r.value, origin);
                return Some(());
            }
            Some(plain::Read::Skipped) => return Some(()),
            None => {}
        }
        // The part is text cut at ASCII bytes: every cell is text.
        let mut cells = Vec::with_capacity(separators.len() + 1);
        let mut from = 0;
        for &end in separators.iter().chain([&text.len()]) {
            cells.push(std::str::from_utf8(&text[from..end]).ok()?);
            from = end + 1;
        }
        self.push(&cells, line)
    }

    fn part(self, newlines: u32, notes: Vec<(u32, u32)>) -> Part {
        Part {
            store: self.store,
            newlines,
            notes,
        }
    }
}

#[cfg(test)]
mod tests {
    //! The fast reading must give what the row-by-row reader gives: the same
    //! rows, values, strings and `file:line`, whatever the line ends,
    //! quotes, blank lines and size (a large file is read in parts).

    use std::path::{Path, PathBuf};

    use super::*;
    use crate::ledger::Ledger;
    use crate::ledger::read::read_rows;
    use crate::source::Sources;

    fn framework() -> Framework {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("frameworks/starsom");
        crate::workspace::load(&dir).framework.expect("starsom loads")
    }

    /// Every row as text: key, value, strings, time, review and line.
    fn rows(l: &Ledger) -> Vec<String> {
        l.entries()
            .map(|e| {
                format!(
                    "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                    e.key(),
                    e.value,
                    (l.str(e.comment), l.str(e.source), l.str(e.recorded_by)),
                    e.recorded_at,
                    e.review,
                    e.review_of,
                    (l.str(e.reviewed_by), l.str(e.review_note)),
                    e.origin
                )
            })
            .collect()
    }

    fn both(fw: &Framework, text: String) -> (Option<Vec<String>>, Vec<String>) {
        let mut sources = Sources::default();
        let file = sources.add(PathBuf::from("ledger.csv"), text);
        let mut fast = Store::default();
        let done = read_clean(fw, &sources.get(file).text, file, None, &mut fast);
        let fast = Ledger::of_store(fast);
        let mut slow = Store::default();
        let mut parser = RowParser::new(fw);
        let diags = read_rows(fw, &mut parser, &sources, file, |r, f, origin| {
            let e = Entry {
                indicator: r.indicator,
                period: r.period,
                dims: r.dims,
                value: r.value,
                comment: slow.strings.intern(f.comment),
                source: slow.strings.intern(f.source),
                recorded_by: slow.strings.intern(f.recorded_by),
                recorded_at: r.recorded_at,
                origin,
                review: r.review,
                review_of: r.review_of,
                reviewed_by: slow.strings.intern(f.reviewed_by),
                review_note: slow.strings.intern(f.review_note),
            };
            slow.push(&e);
        });
        let slow = Ledger::of_store(slow);
        if done {
            assert!(diags.is_empty(), "the fast reading does not pass over a finding");
        }
        // The same text read in chunks from the disk.
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ledger.csv");
        std::fs::write(&path, &*sources.get(file).text).expect("write");
        let mut streamed = Store::default();
        let notes = read_streaming(fw, &path, file, None, &mut streamed);
        let streamed_done = notes.is_some();
        if let Some(notes) = notes {
            // Each note is where its line starts, in order, from line 1.
            let text = sources.get(file).text.as_bytes();
            let starts: Vec<usize> = std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', text).map(|i| i + 1))
                .collect();
            assert_eq!(notes.first(), Some(&(1, 0)));
            assert!(notes.windows(2).all(|w| w[0].0 < w[1].0), "sorted by line");
            for &(line, at) in &notes {
                assert_eq!(starts.get(line - 1), Some(&(at as usize)), "line {line}");
            }
            let lines = starts.len();
            assert!(
                notes.len() >= lines / NOTE_LINES as usize,
                "a note every {NOTE_LINES} lines at most: {} notes, {lines} lines",
                notes.len()
            );
            assert!(diags.is_empty(), "the streamed reading does not pass over a finding");
            assert_eq!(rows(&Ledger::of_store(streamed)), rows(&slow), "streamed");
        } else {
            assert_eq!(streamed.len(), 0, "a refused streamed reading leaves no rows");
        }
        STREAMED.with(|s| s.set(streamed_done));
        (done.then(|| rows(&fast)), rows(&slow))
    }

    thread_local! {
        /// Whether the last [`both`] could read the file in chunks.
        static STREAMED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    fn shipped() -> String {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("frameworks/starsom/measurements");
        let text = std::fs::read_to_string(dir.join("2022.csv")).expect("read");
        let more = std::fs::read_to_string(dir.join("2023.csv")).expect("read");
        text + more.split_once('\n').expect("a header").1
    }

    #[test]
    fn fast_and_row_by_row_readings_agree() {
        let fw = framework();
        let text = shipped();
        let header_end = text.find('\n').expect("a header") + 1;
        let body = &text[header_end..];
        let big = format!("{}{}", &text[..header_end], body.repeat(2 << 20 >> 12));
        assert!(big.len() > 2 * PARALLEL_FROM, "large enough to be read in parts");
        let cases = [
            text.clone(),
            text.replace('\n', "\r\n"),
            text.replacen("Workshop report", "\"two\nlines, quoted\"", 3),
            format!("\u{feff}{}\n\n{}", &text[..header_end], body),
            text.trim_end().to_string(),
            big.clone(),
            big.replace('\n', "\r\n"),
            // Parts with quoted cells, read by the CSV reader.
            big.replace("Workshop report", "\"two\nlines, quoted\""),
            // Parts without a quote, read by the plain lane.
            big.lines().filter(|l| !l.contains('"')).collect::<Vec<_>>().join("\n"),
        ];
        for (i, t) in cases.into_iter().enumerate() {
            let (fast, slow) = both(&fw, t);
            assert!(!slow.is_empty(), "case {i} has rows");
            assert_eq!(fast.as_ref(), Some(&slow), "case {i}");
            assert!(STREAMED.with(|s| s.get()), "case {i} streamed");
        }
    }

    /// Rows the plain lane takes and rows it must leave to the full parser
    /// (spaces, decimals, wide numbers, texts, breakdowns an indicator does
    /// not have, other types) read as the row-by-row reader reads them.
    #[test]
    fn the_plain_lane_reads_what_the_full_parser_reads() {
        let fw = framework();
        let header =
            "indicator,period,value,numerator,denominator,score,sex,country,comment,source,recorded_at,recorded_by\n";
        let rows = [
            "1111.2,2023-Q1,6,,,,women,MX,,,,",
            "1111.2,2023-Q1,7,,,,men,MX,,,,",
            "1111.2,2023-Q1,007,,,,other,GT,,,,",
            "1111.2,2023-Q2,0,,,,,,,,,",
            "1111.2,2023-Q2,999999999,,,,women,,,,,",
            "1111.2,2023-Q2,1000000000,,,,men,,,,,",
            "1111.2,2023-Q3, 5,,,,women,MX,,,,",
            "1111.2 ,2023-Q3,5,,,,men,MX,,,,",
            "1111.2,2023-Q3,5,,,,women ,CR,,,,",
            "1111.2,2023-Q4,5,,,,women,MX,a comment,,,",
            "1111.2,2023-Q4,6,,,,men,MX,,,2023-12-01T00:00:00Z,a.b",
            "1111.2,2023-Q4,8,,,,women,MX,,,,",
            "1111.1,2023-Q1,1,,,,,,,,,",
            "1110.1,2023-Q1,,10,12,,women,,,,,",
        ];
        let mut text = header.to_string();
        for k in 0..3000 {
            for r in rows {
                text.push_str(&r.replace("2023-Q", if k % 2 == 0 { "2023-Q" } else { "2022-Q" }));
                text.push('\n');
            }
        }
        assert!(text.len() > PARALLEL_FROM, "read in parts");
        let (fast, slow) = both(&fw, text.clone());
        assert_eq!(fast.as_ref(), Some(&slow));
        assert_eq!(slow.len(), 3000 * rows.len());
        // A value only the full parser reads (a decimal count) stops the
        // fast reading as before.
        let bad = text.replacen(",6,,,,women,MX", ",6.5,,,,women,MX", 1);
        assert_eq!(both(&fw, bad).0, None);
        // A breakdown the lane has met (women in MX, for 1111.2) is still
        // refused for an indicator not broken down by sex (1100.2), and
        // read for one that is, after it.
        let mut text = header.to_string();
        for _ in 0..3000 {
            text.push_str("1111.2,2023-Q1,6,,,,women,MX,,,,\n1100.2,2023-Q1,2,,,,,MX,,,,\n");
        }
        assert!(both(&fw, text.clone()).0.is_some());
        let bad = format!("{text}1100.2,2023-Q2,2,,,,women,MX,,,,\n{text}");
        let (fast, slow) = both(&fw, bad);
        assert_eq!(fast, None);
        assert_eq!(slow.len(), 2 * 6000, "the row by row reading reports the row");
    }

    #[test]
    fn a_bad_row_leaves_the_reading_to_the_row_by_row_reader() {
        let fw = framework();
        let text = shipped();
        let header_end = text.find('\n').expect("a header") + 1;
        let body = text[header_end..].repeat(2 << 20 >> 12);
        let bad = format!("{}{body}9999.9,2022-Q1,1,,,,,,,,,\n{body}", &text[..header_end]);
        let (fast, slow) = both(&fw, bad);
        assert!(fast.is_none());
        assert!(!STREAMED.with(|s| s.get()));
        assert!(!slow.is_empty());
        let cr_only = text.replace('\n', "\r");
        assert_eq!(both(&fw, cr_only).0, None);
    }
}
