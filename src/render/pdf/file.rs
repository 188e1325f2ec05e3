//! The laid-out report written as a PDF file. printpdf writes the pages,
//! fonts (subset, with ToUnicode maps) and link annotations; the outline
//! (bookmarks, nested by heading level), the document information and the
//! trailer `/ID` are written here on the lopdf document, so that the file
//! depends on nothing but its inputs: fixed resource names, dates from the
//! period end (or `SOURCE_DATE_EPOCH`), and an `/ID` hashed from the
//! content.

use chrono::NaiveDateTime;
use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    Actions, BorderArray, ColorArray, Destination, HighlightingMode, LinkAnnotation, Mm, Op, PdfDocument, PdfFont,
    PdfPage, PdfSaveOptions, Pt, Rect,
};

use super::Options;
use super::document::{Laidout, lay_out_report};
use super::draw;
use super::font::Fonts;
use super::layout::{Face, Item};
use crate::report::Report;

fn pdf_date(t: NaiveDateTime) -> String {
    t.format("D:%Y%m%d%H%M%S+00'00'").to_string()
}

fn utf16(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        bytes.extend(u.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// FNV-1a, 64 bits: a stable content hash for the trailer `/ID`.
fn fnv(seed: u64, data: &[u8], h: &mut u64) {
    if *h == 0 {
        *h = 0xcbf2_9ce4_8422_2325 ^ seed;
    }
    for b in data {
        *h ^= u64::from(*b);
        *h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
}

/// The document information of a file.
pub(crate) struct Info {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: String,
}

/// Render the report as PDF bytes.
pub(crate) fn render(r: &Report, opts: &Options) -> Vec<u8> {
    let l = &r.labels;
    let mut kw = vec![r.project.id.clone(), r.period.code.clone()];
    kw.extend(r.project.iati_id.clone());
    let info = Info {
        title: format!(
            "{}{} {} — {}",
            l["report_title"], l["colon"], r.project.short_name, r.project.title
        ),
        author: r.project.implementer.clone().unwrap_or_default(),
        subject: format!("{} ({})", r.period.code, r.period.dates),
        keywords: kw.join(", "),
    };
    write(&lay_out_report(r, opts.paper), &info, opts)
}

/// Pages laid out, written as PDF bytes.
pub(crate) fn write(laid: &Laidout, info: &Info, opts: &Options) -> Vec<u8> {
    let g = laid.geometry;
    let fonts = Fonts::get();
    let mut doc = PdfDocument::new("");
    doc.resources
        .fonts
        .map
        .insert(draw::font_id(Face::Regular), PdfFont::new(fonts.regular.font.clone()));
    doc.resources
        .fonts
        .map
        .insert(draw::font_id(Face::Bold), PdfFont::new(fonts.bold.font.clone()));
    super::stories::register(&mut doc, &laid.images);
    // Anchor name -> (page from 1, y from the top).
    let anchors: std::collections::BTreeMap<&str, (usize, f32)> = laid
        .outline
        .iter()
        .map(|(h, p, y)| (h.anchor.as_str(), (p + 1, *y)))
        .collect();
    let mm = |pt: f32| Mm(pt * 25.4 / 72.0);
    for items in &laid.pages {
        let mut ops = draw::page_ops(items, g.height);
        for it in items {
            if let Item::Link { x, y, w, h, target } = it
                && let Some((page, ty)) = anchors.get(target.as_str())
            {
                ops.push(Op::LinkAnnotation {
                    link: LinkAnnotation::new(
                        Rect {
                            x: Pt(*x),
                            y: Pt(g.height - y - h),
                            width: Pt(*w),
                            height: Pt(*h),
                            mode: None,
                            winding_order: None,
                        },
                        Actions::go_to(Destination::Xyz {
                            page: *page,
                            left: Some(0.0),
                            top: Some(g.height - ty + 12.0),
                            zoom: None,
                        }),
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        Some(ColorArray::Transparent),
                        Some(HighlightingMode::None),
                    ),
                });
            }
        }
        doc.pages.push(PdfPage::new(mm(g.width), mm(g.height), ops));
    }
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    finish(&mut lo, info, laid, opts);
    lo.compress();
    let mut out = Vec::new();
    lo.save_to(&mut out).expect("writing to memory cannot fail");
    out
}

/// Outline, document information and `/ID` on the lopdf document.
fn finish(lo: &mut lopdf::Document, i: &Info, laid: &Laidout, opts: &Options) {
    outline(lo, laid);
    info(lo, i, opts);
    id(lo);
}

/// The bookmarks: one entry per outline heading, nested by level.
fn outline(lo: &mut lopdf::Document, laid: &Laidout) {
    let g = laid.geometry;
    let page_ids = lo.get_pages();
    let page_id = |p: usize| page_ids.get(&(p as u32 + 1)).copied();
    // Outline: nested by heading level.
    let entries: Vec<(u8, String, ObjectId, f32)> = laid
        .outline
        .iter()
        .filter_map(|(h, p, y)| page_id(*p).map(|id| (h.level, h.text.clone(), id, *y)))
        .collect();
    if !entries.is_empty() {
        let root = lo.new_object_id();
        let ids: Vec<ObjectId> = entries.iter().map(|_| lo.new_object_id()).collect();
        // Parent of each entry: the closest earlier entry of a lower level.
        let parent: Vec<Option<usize>> = (0..entries.len())
            .map(|i| (0..i).rev().find(|&j| entries[j].0 < entries[i].0))
            .collect();
        let children = |p: Option<usize>| -> Vec<usize> { (0..entries.len()).filter(|&i| parent[i] == p).collect() };
        fn descendants(i: usize, parent: &[Option<usize>]) -> i64 {
            (0..parent.len())
                .filter(|&k| parent[k] == Some(i))
                .map(|k| 1 + descendants(k, parent))
                .sum()
        }
        for i in 0..entries.len() {
            let (_, title, page, y) = &entries[i];
            let siblings = children(parent[i]);
            let pos = siblings
                .iter()
                .position(|&s| s == i)
                .expect("an entry is its parent's child");
            let mut d = Dictionary::new();
            d.set("Title", utf16(title));
            d.set("Parent", Object::Reference(parent[i].map(|p| ids[p]).unwrap_or(root)));
            d.set(
                "Dest",
                Object::Array(vec![
                    Object::Reference(*page),
                    Object::Name(b"XYZ".to_vec()),
                    Object::Real(0.0),
                    Object::Real(g.height - y + 12.0),
                    Object::Null,
                ]),
            );
            if pos > 0 {
                d.set("Prev", Object::Reference(ids[siblings[pos - 1]]));
            }
            if pos + 1 < siblings.len() {
                d.set("Next", Object::Reference(ids[siblings[pos + 1]]));
            }
            let kids = children(Some(i));
            if let (Some(f), Some(l)) = (kids.first(), kids.last()) {
                d.set("First", Object::Reference(ids[*f]));
                d.set("Last", Object::Reference(ids[*l]));
                // Top-level sections open, deeper levels closed.
                let n = descendants(i, &parent);
                d.set("Count", Object::Integer(if entries[i].0 <= 2 { n } else { -n }));
            }
            lo.set_object(ids[i], d);
        }
        let top = children(None);
        let mut o = Dictionary::new();
        o.set("Type", Object::Name(b"Outlines".to_vec()));
        o.set("First", Object::Reference(ids[top[0]]));
        o.set("Last", Object::Reference(ids[*top.last().expect("one entry")]));
        o.set("Count", Object::Integer(entries.len() as i64));
        lo.set_object(root, o);
        if let Ok(cat) = lo.catalog_mut() {
            cat.set("Outlines", Object::Reference(root));
            cat.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
    }
}

/// The document information: ours, in full, dated from the options.
fn info(lo: &mut lopdf::Document, i: &Info, opts: &Options) {
    let mut info = Dictionary::new();
    info.set("Title", utf16(&i.title));
    info.set("Author", utf16(&i.author));
    info.set("Subject", utf16(&i.subject));
    info.set("Keywords", utf16(&i.keywords));
    info.set("Creator", utf16(concat!("logframe ", env!("CARGO_PKG_VERSION"))));
    info.set("Producer", utf16("printpdf 0.12.8"));
    info.set("CreationDate", Object::string_literal(pdf_date(opts.created)));
    info.set("ModDate", Object::string_literal(pdf_date(opts.created)));
    let info_id = lo.add_object(info);
    if let Ok(old) = lo.trailer.get(b"Info").and_then(Object::as_reference) {
        lo.objects.remove(&old);
    }
    lo.trailer.set("Info", Object::Reference(info_id));
}

/// The trailer `/ID`: a hash of every object, so equal inputs give equal
/// files.
fn id(lo: &mut lopdf::Document) {
    let (mut a, mut b) = (0u64, 0u64);
    for (id, obj) in &lo.objects {
        let key = format!("{} {}", id.0, id.1);
        fnv(1, key.as_bytes(), &mut a);
        fnv(2, key.as_bytes(), &mut b);
        let bytes: Vec<u8> = match obj {
            Object::Stream(s) => s.content.clone(),
            other => format!("{other:?}").into_bytes(),
        };
        fnv(1, &bytes, &mut a);
        fnv(2, &bytes, &mut b);
    }
    let id: Vec<u8> = a.to_be_bytes().into_iter().chain(b.to_be_bytes()).collect();
    lo.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_is_stable_and_dates_are_pdf_dates() {
        let t = chrono::NaiveDate::from_ymd_opt(2023, 9, 30)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap();
        assert_eq!(pdf_date(t), "D:20230930000000+00'00'");
        let (mut a, mut b) = (0u64, 0u64);
        fnv(1, b"abc", &mut a);
        fnv(1, b"abc", &mut b);
        assert_eq!(a, b);
    }
}
