//! A story's photo: what kind of picture a file holds, read from its bytes.
//!
//! The PDF embeds a photo without decoding it: a JPEG goes in as it is
//! (a `/DCTDecode` stream), a PNG's compressed image data goes in as a
//! `/FlateDecode` stream with the PNG predictors, which PDF readers undo
//! themselves. So this module only reads the headers: size, colours,
//! bit depth, and for a PNG its palette and compressed data. Pictures the
//! PDF cannot take that way (a PNG with transparency or interlacing, a
//! lossless or arithmetic-coded JPEG) are refused here with the reason, so
//! that the team can re-save the file.

use std::sync::Arc;

/// A picture ready to embed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub width: u32,
    pub height: u32,
    pub kind: ImageKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageKind {
    /// The whole file, embedded as it is; 1 (grey), 3 (RGB) or 4 (CMYK)
    /// components.
    Jpeg { components: u8, bytes: Arc<Vec<u8>> },
    /// The concatenated `IDAT` data (zlib, PNG row filters).
    Png {
        /// Colour components per pixel: 1 (grey or palette index) or 3 (RGB).
        colors: u8,
        bit_depth: u8,
        /// RGB triples, for a palette image.
        palette: Option<Vec<u8>>,
        data: Arc<Vec<u8>>,
    },
}

/// The picture in `bytes`, or why it cannot be embedded.
pub fn probe(bytes: &[u8]) -> Result<Image, String> {
    if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg(bytes)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png(bytes)
    } else {
        Err("it is not a JPEG or PNG picture".into())
    }
}

/// The extension a picture's copy takes: `jpg` or `png`.
pub fn extension(image: &Image) -> &'static str {
    match image.kind {
        ImageKind::Jpeg { .. } => "jpg",
        ImageKind::Png { .. } => "png",
    }
}

fn jpeg(bytes: &[u8]) -> Result<Image, String> {
    let mut at = 2;
    while at + 4 <= bytes.len() {
        if bytes[at] != 0xFF {
            return Err(format!("the JPEG is damaged at byte {at}"));
        }
        let marker = bytes[at + 1];
        if marker == 0xFF {
            at += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        match marker {
            // Baseline, extended and progressive Huffman frames.
            0xC0..=0xC2 => {
                let s = bytes
                    .get(at + 4..at + 10)
                    .ok_or_else(|| "the JPEG ends inside its frame header".to_string())?;
                let height = u32::from(u16::from_be_bytes([s[1], s[2]]));
                let width = u32::from(u16::from_be_bytes([s[3], s[4]]));
                let components = s[5];
                if width == 0 || height == 0 || !matches!(components, 1 | 3 | 4) {
                    return Err(format!(
                        "the JPEG's frame is {width} × {height} pixels with {components} components"
                    ));
                }
                return Ok(Image {
                    width,
                    height,
                    kind: ImageKind::Jpeg {
                        components,
                        bytes: Arc::new(bytes.to_vec()),
                    },
                });
            }
            0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => {
                return Err("the JPEG is lossless or arithmetic-coded, which PDF readers do not show".into());
            }
            0xD9 | 0xDA => break,
            _ => at += 2 + len,
        }
    }
    Err("the JPEG has no frame header".into())
}

fn png(bytes: &[u8]) -> Result<Image, String> {
    let mut at = 8;
    let mut header: Option<(u32, u32, u8, u8, u8)> = None;
    let mut palette = None;
    let mut data = Vec::new();
    while at + 8 <= bytes.len() {
        let len = u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize;
        let kind = &bytes[at + 4..at + 8];
        let body = bytes
            .get(at + 8..at + 8 + len)
            .ok_or_else(|| "the PNG ends inside a chunk".to_string())?;
        match kind {
            b"IHDR" if len >= 13 => {
                let w = u32::from_be_bytes([body[0], body[1], body[2], body[3]]);
                let h = u32::from_be_bytes([body[4], body[5], body[6], body[7]]);
                header = Some((w, h, body[8], body[9], body[12]));
            }
            b"PLTE" => palette = Some(body.to_vec()),
            b"IDAT" => data.extend_from_slice(body),
            b"IEND" => break,
            _ => {}
        }
        at += 12 + len;
    }
    let (width, height, bit_depth, colour_type, interlace) =
        header.ok_or_else(|| "the PNG has no header chunk".to_string())?;
    let colors = match colour_type {
        0 | 3 => 1,
        2 => 3,
        4 | 6 => {
            return Err("the PNG has transparency (an alpha channel); save it without transparency or as JPEG".into());
        }
        other => return Err(format!("the PNG has an unknown colour type {other}")),
    };
    if interlace != 0 {
        return Err("the PNG is interlaced; save it without interlacing".into());
    }
    if colour_type == 3 && palette.is_none() {
        return Err("the PNG has a palette colour type but no palette".into());
    }
    if width == 0 || height == 0 || data.is_empty() {
        return Err("the PNG has no picture data".into());
    }
    Ok(Image {
        width,
        height,
        kind: ImageKind::Png {
            colors,
            bit_depth,
            palette: if colour_type == 3 { palette } else { None },
            data: Arc::new(data),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG chunk: length, type, data, and a CRC (not checked here).
    fn chunk(kind: &[u8], body: &[u8]) -> Vec<u8> {
        let mut c = (body.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(body);
        c.extend_from_slice(&[0, 0, 0, 0]);
        c
    }

    fn png_file(colour_type: u8, interlace: u8) -> Vec<u8> {
        let mut f = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = 3u32.to_be_bytes().to_vec();
        ihdr.extend_from_slice(&2u32.to_be_bytes());
        ihdr.extend_from_slice(&[8, colour_type, 0, 0, interlace]);
        f.extend(chunk(b"IHDR", &ihdr));
        f.extend(chunk(b"IDAT", b"zlib"));
        f.extend(chunk(b"IDAT", b"data"));
        f.extend(chunk(b"IEND", b""));
        f
    }

    #[test]
    fn a_png_gives_its_size_and_its_joined_data() {
        let i = probe(&png_file(2, 0)).unwrap();
        assert_eq!((i.width, i.height), (3, 2));
        match i.kind {
            ImageKind::Png {
                colors,
                bit_depth,
                data,
                palette,
            } => {
                assert_eq!((colors, bit_depth, palette), (3, 8, None));
                assert_eq!(data.as_slice(), b"zlibdata");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn transparency_interlacing_and_other_files_are_refused_with_the_reason() {
        assert!(probe(&png_file(6, 0)).unwrap_err().contains("transparency"));
        assert!(probe(&png_file(2, 1)).unwrap_err().contains("interlaced"));
        assert!(probe(&png_file(3, 0)).unwrap_err().contains("no palette"));
        assert!(probe(b"GIF89a").unwrap_err().contains("not a JPEG or PNG"));
        assert!(probe(&[0xFF, 0xD8, 0xFF, 0xD9]).unwrap_err().contains("no frame"));
    }

    #[test]
    fn a_jpeg_gives_its_size_from_the_frame_header() {
        // SOI, an APP0 segment of 4 bytes, SOF0: 8 bits, 20 high, 30 wide, 3 components.
        let mut f = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00];
        f.extend([0xFF, 0xC0, 0x00, 0x11, 8, 0, 20, 0, 30, 3]);
        f.extend([0; 9]);
        let i = probe(&f).unwrap();
        assert_eq!((i.width, i.height), (30, 20));
        assert!(matches!(i.kind, ImageKind::Jpeg { components: 3, .. }));
    }
}
