//! A story's photo: what kind of picture a file holds, read from its bytes.
//!
//! The PDF embeds a photo without decoding it where it can: a JPEG goes in
//! as it is (a `/DCTDecode` stream), a PNG's compressed image data goes in
//! as a `/FlateDecode` stream with the PNG predictors, which PDF readers
//! undo themselves. So this module mostly reads headers: size, colours,
//! bit depth, and for a PNG its palette and compressed data. A PNG with
//! transparency is the exception: PDF wants its alpha channel as a
//! separate soft mask, so its rows are inflated, unfiltered and split into
//! colour and alpha (see [`split_alpha`]). Pictures the PDF cannot take
//! (an interlaced PNG, a lossless or arithmetic-coded JPEG) are refused
//! here with the reason, so that the team can re-save the file.

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
    /// A PNG with transparency, split: colour samples and alpha samples,
    /// each zlib-compressed without row filters.
    PngAlpha {
        colors: u8,
        bit_depth: u8,
        data: Arc<Vec<u8>>,
        alpha: Arc<Vec<u8>>,
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
        ImageKind::Png { .. } | ImageKind::PngAlpha { .. } => "png",
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
        0 | 3 | 4 => 1,
        2 | 6 => 3,
        other => return Err(format!("the PNG has an unknown colour type {other}")),
    };
    if interlace != 0 {
        return Err("the PNG is interlaced; save it without interlacing".into());
    }
    if matches!(colour_type, 4 | 6) {
        if width == 0 || height == 0 || data.is_empty() {
            return Err("the PNG has no picture data".into());
        }
        let (data, alpha) = split_alpha(&data, width, height, colors, bit_depth)?;
        return Ok(Image {
            width,
            height,
            kind: ImageKind::PngAlpha {
                colors,
                bit_depth,
                data: Arc::new(data),
                alpha: Arc::new(alpha),
            },
        });
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

/// The colour and alpha samples of a PNG with transparency, each
/// zlib-compressed: the `IDAT` data inflated, its rows unfiltered (PNG
/// filters 0-4), each pixel's last sample moved to the alpha plane.
pub fn split_alpha(
    idat: &[u8],
    width: u32,
    height: u32,
    colors: u8,
    bit_depth: u8,
) -> Result<(Vec<u8>, Vec<u8>), String> {
    use std::io::{Read, Write};
    if !matches!(bit_depth, 8 | 16) {
        return Err(format!("the PNG's bit depth {bit_depth} is not 8 or 16"));
    }
    let sample = usize::from(bit_depth / 8);
    let bpp = (usize::from(colors) + 1) * sample;
    let (w, h) = (width as usize, height as usize);
    let row = w
        .checked_mul(bpp)
        .filter(|r| r.checked_mul(h).is_some_and(|n| n <= 256 * 1024 * 1024))
        .ok_or_else(|| format!("the PNG is too large to embed ({width} × {height} pixels)"))?;
    let mut raw = Vec::with_capacity((row + 1) * h);
    flate2::read::ZlibDecoder::new(idat)
        .take(((row + 1) * h) as u64)
        .read_to_end(&mut raw)
        .map_err(|e| format!("the PNG's picture data is damaged ({e})"))?;
    if raw.len() < (row + 1) * h {
        return Err("the PNG's picture data ends early".into());
    }
    let mut prev = vec![0u8; row];
    let mut cur = vec![0u8; row];
    let mut colour = Vec::with_capacity(w * h * bpp);
    let mut alpha = Vec::with_capacity(w * h * sample);
    for y in 0..h {
        let line = &raw[y * (row + 1)..(y + 1) * (row + 1)];
        let (filter, bytes) = (line[0], &line[1..]);
        for i in 0..row {
            let a = if i >= bpp { cur[i - bpp] } else { 0 };
            let b = prev[i];
            let c = if i >= bpp { prev[i - bpp] } else { 0 };
            let predicted = match filter {
                0 => 0,
                1 => a,
                2 => b,
                3 => ((u16::from(a) + u16::from(b)) / 2) as u8,
                4 => paeth(a, b, c),
                other => return Err(format!("the PNG has an unknown row filter {other}")),
            };
            cur[i] = bytes[i].wrapping_add(predicted);
        }
        for px in cur.chunks_exact(bpp) {
            let (c, a) = px.split_at(bpp - sample);
            colour.extend_from_slice(c);
            alpha.extend_from_slice(a);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let deflate = |bytes: &[u8]| {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(bytes)
            .and_then(|_| z.finish())
            .expect("compressing in memory")
    };
    Ok((deflate(&colour), deflate(&alpha)))
}

/// The PNG's Paeth predictor: the neighbour closest to `a + b - c`.
fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
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
        // "zlibdata" is not zlib: a PNG with transparency is decoded, and refused when damaged.
        assert!(probe(&png_file(6, 0)).unwrap_err().contains("damaged"));
        assert!(probe(&png_file(2, 1)).unwrap_err().contains("interlaced"));
        assert!(probe(&png_file(3, 0)).unwrap_err().contains("no palette"));
        assert!(probe(b"GIF89a").unwrap_err().contains("not a JPEG or PNG"));
        assert!(probe(&[0xFF, 0xD8, 0xFF, 0xD9]).unwrap_err().contains("no frame"));
    }

    #[test]
    fn transparency_is_split_into_colour_and_alpha_with_the_rows_unfiltered() {
        use std::io::{Read, Write};
        // 2 × 2 grey + alpha, 8 bits. Row 0, filter 0 (none): (10, 255) (20, 128).
        // Row 1, filter 2 (up: add the byte above): stored (1, 0) (2, 1)
        // gives (11, 255) (22, 129).
        let raw = [0u8, 10, 255, 20, 128, 2, 1, 0, 2, 1];
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(&raw).unwrap();
        let (colour, alpha) = split_alpha(&z.finish().unwrap(), 2, 2, 1, 8).unwrap();
        let inflate = |b: &[u8]| {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(b).read_to_end(&mut out).unwrap();
            out
        };
        assert_eq!(inflate(&colour), [10, 20, 11, 22]);
        assert_eq!(inflate(&alpha), [255, 128, 255, 129]);
        // Paeth: p = a + b - c; the neighbour nearest p, a first, then b.
        assert_eq!(paeth(10, 20, 10), 20); // p = 20
        assert_eq!(paeth(20, 10, 10), 20); // p = 20
        assert_eq!(paeth(5, 5, 9), 5); // p = 1: a and b tie, a wins
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
