//! Success stories in the PDF (as `narrative.md.j2` prints them): the
//! title, the photo scaled to the text width with its caption and credit
//! under it, the linked indicators, then the story's text.
//!
//! Photos are embedded without decoding (see [`crate::report::photo`]): a
//! JPEG as a `/DCTDecode` image, a PNG's compressed data as a
//! `/FlateDecode` image with the PNG predictors. Each is one image
//! XObject named `IMG<n>` after its place in the document, so the file
//! stays byte-identical from run to run.

use std::collections::BTreeMap;

use printpdf::{
    DictItem, ExternalStream, ExternalXObject, Op, PdfDocument, Pt, Px, XObject, XObjectId, XObjectTransform,
};

use super::content::{BODY, Content, SMALL, id_runs, markdown};
use super::layout::{Block, GREY, Paragraph, Run};
use crate::report::Report;
use crate::report::photo::{Image, ImageKind};
use crate::report::stories::Story;

/// The blocks of a section's stories.
pub(super) fn stories(r: &Report, stories: &[Story], c: &mut Content) {
    let l = &r.labels;
    let colon = l["colon"];
    for s in stories {
        c.heading(4, s.title.clone(), false);
        if let Some(p) = &s.photo
            && let Some(image) = &p.image
        {
            c.blocks.push(Block::Image {
                width: image.width as f32,
                height: image.height as f32,
                index: c.images.len(),
            });
            c.images.push(image.clone());
            let mut runs = Vec::new();
            if let Some(cap) = &p.caption {
                runs.push(Run::regular(cap.clone()));
            }
            if let Some(credit) = &p.credit {
                if !runs.is_empty() {
                    runs.push(Run::regular(" — "));
                }
                runs.push(Run::bold(format!("{}{colon} ", l["photo_credit"])));
                runs.push(Run::regular(credit.clone()));
            }
            if !runs.is_empty() {
                c.blocks.push(Block::Paragraph(Paragraph {
                    colour: GREY,
                    space_after: BODY * 0.8,
                    ..Paragraph::new(runs, SMALL)
                }));
            }
        }
        if !s.indicators.is_empty() {
            c.para(vec![Run::bold(format!("{}{colon}", l["story_indicators"]))]);
            for i in &s.indicators {
                c.bullet(id_runs(&i.id, i.title.clone()), 1);
            }
            c.end_list();
        }
        markdown(&s.body, c);
    }
}

fn id(index: usize) -> XObjectId {
    XObjectId(format!("IMG{index}"))
}

fn name(n: &str) -> DictItem {
    DictItem::Name(n.as_bytes().to_vec())
}

/// The image XObject of a picture: its dictionary and its data as they are.
fn xobject(image: &Image) -> XObject {
    let mut dict: BTreeMap<String, DictItem> = BTreeMap::new();
    dict.insert("Type".into(), name("XObject"));
    dict.insert("Subtype".into(), name("Image"));
    dict.insert("Width".into(), DictItem::Int(i64::from(image.width)));
    dict.insert("Height".into(), DictItem::Int(i64::from(image.height)));
    let content = match &image.kind {
        ImageKind::Jpeg { components, bytes } => {
            let space = match components {
                1 => "DeviceGray",
                4 => "DeviceCMYK",
                _ => "DeviceRGB",
            };
            dict.insert("ColorSpace".into(), name(space));
            dict.insert("BitsPerComponent".into(), DictItem::Int(8));
            dict.insert("Filter".into(), name("DCTDecode"));
            bytes.as_ref().clone()
        }
        ImageKind::Png {
            colors,
            bit_depth,
            palette,
            data,
        } => {
            let space = match palette {
                Some(p) => DictItem::Array(vec![
                    name("Indexed"),
                    name("DeviceRGB"),
                    DictItem::Int((p.len() / 3) as i64 - 1),
                    DictItem::String {
                        data: p.clone(),
                        literal: false,
                    },
                ]),
                None if *colors == 1 => name("DeviceGray"),
                None => name("DeviceRGB"),
            };
            dict.insert("ColorSpace".into(), space);
            dict.insert("BitsPerComponent".into(), DictItem::Int(i64::from(*bit_depth)));
            dict.insert("Filter".into(), name("FlateDecode"));
            let mut parms = BTreeMap::new();
            parms.insert("Predictor".to_string(), DictItem::Int(15));
            parms.insert("Colors".to_string(), DictItem::Int(i64::from(*colors)));
            parms.insert("BitsPerComponent".to_string(), DictItem::Int(i64::from(*bit_depth)));
            parms.insert("Columns".to_string(), DictItem::Int(i64::from(image.width)));
            dict.insert("DecodeParms".into(), DictItem::Dict { map: parms });
            data.as_ref().clone()
        }
        ImageKind::PngAlpha {
            colors,
            bit_depth,
            data,
            alpha,
        } => {
            let space = if *colors == 1 { "DeviceGray" } else { "DeviceRGB" };
            dict.insert("ColorSpace".into(), name(space));
            dict.insert("BitsPerComponent".into(), DictItem::Int(i64::from(*bit_depth)));
            dict.insert("Filter".into(), name("FlateDecode"));
            // The alpha samples: a soft mask of the same size.
            let mut mask: BTreeMap<String, DictItem> = BTreeMap::new();
            mask.insert("Type".into(), name("XObject"));
            mask.insert("Subtype".into(), name("Image"));
            mask.insert("Width".into(), DictItem::Int(i64::from(image.width)));
            mask.insert("Height".into(), DictItem::Int(i64::from(image.height)));
            mask.insert("ColorSpace".into(), name("DeviceGray"));
            mask.insert("BitsPerComponent".into(), DictItem::Int(i64::from(*bit_depth)));
            mask.insert("Filter".into(), name("FlateDecode"));
            dict.insert(
                "SMask".into(),
                DictItem::Stream {
                    stream: ExternalStream {
                        dict: mask,
                        content: alpha.as_ref().clone(),
                        compress: false,
                    },
                },
            );
            data.as_ref().clone()
        }
    };

    XObject::External(ExternalXObject {
        stream: ExternalStream {
            dict,
            content,
            compress: false,
        },
        width: Some(Px(image.width as usize)),
        height: Some(Px(image.height as usize)),
        dpi: None,
    })
}

/// Every picture of the document as a resource, `IMG0`, `IMG1`, ...
pub(super) fn register(doc: &mut PdfDocument, images: &[Image]) {
    for (i, image) in images.iter().enumerate() {
        doc.resources.xobjects.map.insert(id(i), xobject(image));
    }
}

/// Draw picture `index` into the box `[x, y, w, h]`, in PDF points from
/// the bottom left.
pub(super) fn image_op(index: usize, [x, y, w, h]: [f32; 4]) -> Op {
    Op::UseXobject {
        id: id(index),
        transform: XObjectTransform {
            translate_x: Some(Pt(x)),
            translate_y: Some(Pt(y)),
            scale_x: Some(w),
            scale_y: Some(h),
            no_auto_scale: true,
            ..XObjectTransform::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::Paper;
    use super::super::font::Fonts;
    use super::super::layout::{Heading, Item, lay_out};
    use super::*;

    fn heading() -> Block {
        Block::Heading(Heading {
            level: 4,
            text: "A story".into(),
            anchor: "s".into(),
            in_toc: false,
        })
    }

    fn images(items: &[Item]) -> Vec<[f32; 4]> {
        items
            .iter()
            .filter_map(|i| match i {
                Item::Image { x, y, w, h, .. } => Some([*x, *y, *w, *h]),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_photo_takes_the_text_width_or_half_the_page_height_centred() {
        let g = Paper::A4.geometry();
        let wide = Block::Image {
            width: 900.0,
            height: 500.0,
            index: 0,
        };
        let tall = Block::Image {
            width: 300.0,
            height: 900.0,
            index: 1,
        };
        let laid = lay_out(Fonts::get(), g, &[wide, tall]);
        let all: Vec<[f32; 4]> = laid.pages.iter().flat_map(|p| images(p)).collect();
        // 900 × 500 pixels: the body width (495.28 pt), 500/900 of it high.
        let [x, _, w, h] = all[0];
        assert!((x - g.left).abs() < 0.01 && (w - g.body_width()).abs() < 0.01);
        assert!((h - w * 500.0 / 900.0).abs() < 0.01);
        // 300 × 900: half the body height, a third of it wide, centred.
        let [x, _, w, h] = all[1];
        let half = (g.body_bottom() - g.top) / 2.0;
        assert!((h - half).abs() < 0.01 && (w - half / 3.0).abs() < 0.01);
        assert!((x + w / 2.0 - (g.left + g.body_width() / 2.0)).abs() < 0.01);
    }

    #[test]
    fn a_story_title_moves_with_its_photo_to_the_next_page() {
        let g = Paper::A4.geometry();
        // Fill the page to 100 pt above the bottom: room for the title, not
        // for the photo under it.
        let fill = g.body_bottom() - g.top - 100.0;
        let blocks = vec![
            Block::Space(0.0),
            Block::Paragraph(Paragraph::new(vec![Run::regular("x")], 9.5)),
            Block::Space(fill - 9.5 * 1.3 - 9.5 * 0.6),
            heading(),
            Block::Image {
                width: 900.0,
                height: 500.0,
                index: 0,
            },
        ];
        let laid = lay_out(Fonts::get(), g, &blocks);
        assert_eq!(laid.anchors["s"].page, 1, "the title went with the photo");
        assert_eq!(images(&laid.pages[1]).len(), 1);
    }

    #[test]
    fn a_png_is_embedded_with_its_predictors_and_a_jpeg_as_it_is() {
        let png = Image {
            width: 3,
            height: 2,
            kind: ImageKind::Png {
                colors: 1,
                bit_depth: 8,
                palette: Some(vec![0, 0, 0, 255, 255, 255]),
                data: std::sync::Arc::new(b"zlib".to_vec()),
            },
        };
        let XObject::External(x) = xobject(&png) else {
            panic!("an external image")
        };
        assert_eq!(x.stream.content, b"zlib");
        assert!(!x.stream.compress, "compressed once, by the PNG");
        assert_eq!(x.stream.dict["Filter"], name("FlateDecode"));
        let DictItem::Dict { map } = &x.stream.dict["DecodeParms"] else {
            panic!("decode parameters")
        };
        assert_eq!(map["Predictor"], DictItem::Int(15));
        assert_eq!(map["Columns"], DictItem::Int(3));
        // A palette of two colours: Indexed, highest index 1.
        let DictItem::Array(space) = &x.stream.dict["ColorSpace"] else {
            panic!("an indexed colour space")
        };
        assert_eq!(space[2], DictItem::Int(1));
        let jpeg = Image {
            width: 3,
            height: 2,
            kind: ImageKind::Jpeg {
                components: 1,
                bytes: std::sync::Arc::new(vec![0xFF, 0xD8]),
            },
        };
        let XObject::External(x) = xobject(&jpeg) else {
            panic!("an external image")
        };
        assert_eq!(x.stream.content, [0xFF, 0xD8]);
        assert_eq!(x.stream.dict["Filter"], name("DCTDecode"));
        assert_eq!(x.stream.dict["ColorSpace"], name("DeviceGray"));
    }
}
