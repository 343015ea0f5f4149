//! Reading an image's size and making its variants: decode once, turn it as the camera was
//! held, cut and scale it (`fast_image_resize`, whose SIMD convolution is several times the
//! `image` crate's own), and encode each width. Encoders write no metadata, so a camera's
//! EXIF (its GPS position, its serial number) is not in any variant.

use std::io::Cursor;

use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
use image::{DynamicImage, ImageDecoder, ImageReader};

use super::{Format, Problem, Rendition, Variant};

/// JPEG quality of the variants: what photo sites use for pictures shown at their size.
const JPEG_QUALITY: u8 = 80;
/// WebP quality (lossy): about the JPEG's look in two thirds of the bytes.
const WEBP_QUALITY: f32 = 75.0;
/// AVIF quality (ravif's scale, 1–100): within half a decibel of the WebP's PSNR on a photo's
/// portrait, in about four fifths of its bytes.
const AVIF_QUALITY: f32 = 70.0;
/// rav1e's fastest preset: a portrait's five widths in about a third of a second.
const AVIF_SPEED: u8 = 10;

fn image_format(format: Format) -> Option<image::ImageFormat> {
    match format {
        Format::Jpeg => Some(image::ImageFormat::Jpeg),
        Format::Png => Some(image::ImageFormat::Png),
        Format::Webp => Some(image::ImageFormat::WebP),
        Format::Avif | Format::Svg => None,
    }
}

/// Width and height as shown (turned by the EXIF orientation), if the bytes are a whole
/// image of `format`.
pub(super) fn dimensions(bytes: &[u8], format: Format) -> Result<(u32, u32), Problem> {
    let kind = image_format(format).ok_or_else(|| Problem::Corrupt("not a raster image".into()))?;
    let mut decoder = ImageReader::with_format(Cursor::new(bytes), kind)
        .into_decoder()
        .map_err(|e| Problem::Corrupt(e.to_string()))?;
    let (w, h) = decoder.dimensions();
    let turned = decoder.orientation().is_ok_and(|o| {
        use image::metadata::Orientation::*;
        matches!(o, Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH)
    });
    whole(bytes, format)?;
    Ok(if turned { (h, w) } else { (w, h) })
}

/// Whether the file goes on to its end: a copy cut short (an upload that stopped) has a
/// good header and half a picture.
fn whole(bytes: &[u8], format: Format) -> Result<(), Problem> {
    let cut = || Err(Problem::Corrupt("the file ends before the picture does (was it copied whole?)".into()));
    match format {
        Format::Jpeg => {
            // The picture ends with an end-of-image marker after its scan; one in an EXIF
            // thumbnail, before the scan, does not count.
            let scan = start_of_scan(bytes).unwrap_or(bytes.len());
            if bytes[scan..].windows(2).any(|w| w == [0xFF, 0xD9]) { Ok(()) } else { cut() }
        }
        Format::Png => {
            if bytes.windows(4).rev().take(64).any(|w| w == b"IEND") {
                Ok(())
            } else {
                cut()
            }
        }
        Format::Webp => {
            let riff = bytes.get(4..8).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
            if riff.is_some_and(|n| n + 8 <= bytes.len()) { Ok(()) } else { cut() }
        }
        Format::Avif | Format::Svg => Ok(()),
    }
}

/// Where a JPEG's first scan starts, walking its segments from the start.
fn start_of_scan(bytes: &[u8]) -> Option<usize> {
    let mut at = 2;
    while at + 4 <= bytes.len() {
        if bytes[at] != 0xFF {
            return None;
        }
        let marker = bytes[at + 1];
        if marker == 0xDA {
            return Some(at);
        }
        let length = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        at += 2 + length;
    }
    None
}

/// The EXIF orientation of the image (1, upright, where it says none).
pub(super) fn orientation(bytes: &[u8], format: Format) -> u16 {
    let decoder =
        image_format(format).and_then(|kind| ImageReader::with_format(Cursor::new(bytes), kind).into_decoder().ok());
    decoder.and_then(|mut d| d.orientation().ok()).map_or(1, |o| u16::from(o.to_exif()))
}

/// The image decoded and turned upright.
pub(super) fn decode(bytes: &[u8], format: Format) -> Result<DynamicImage, String> {
    let kind = image_format(format).ok_or("an SVG is sent as it is")?;
    let mut decoder = ImageReader::with_format(Cursor::new(bytes), kind).into_decoder().map_err(|e| e.to_string())?;
    let orientation = decoder.orientation().map_err(|e| e.to_string())?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    image.apply_orientation(orientation);
    // Eight bits a channel, with alpha only where the image has it: what the encoders take.
    Ok(if image.color().has_alpha() {
        DynamicImage::ImageRgba8(image.into_rgba8())
    } else {
        DynamicImage::ImageRgb8(image.into_rgb8())
    })
}

/// Makes every variant of `rendition` from the `upright` image, widest first, and hands each
/// to `made` as soon as it is encoded, so the quick formats are served while AVIF is still
/// being made: each width is scaled from the one before, which is faster than from the
/// source and as sharp.
pub(super) fn variants(
    upright: &DynamicImage,
    rendition: &Rendition,
    mut made: impl FnMut(&Variant, Vec<u8>) -> Result<(), String>,
) -> Result<(), String> {
    let mut resizer = Resizer::new();
    let mut larger: Option<DynamicImage> = None;
    let crop = rendition.crop;
    for own in rendition.own.iter().rev() {
        let mut scaled = DynamicImage::new(own.width, own.height, upright.color());
        let lanczos = ResizeAlg::Convolution(FilterType::Lanczos3);
        match &larger {
            Some(larger) => resizer.resize(larger, &mut scaled, &ResizeOptions::new().resize_alg(lanczos)),
            None => {
                let cut = (f64::from(crop.x), f64::from(crop.y), f64::from(crop.width), f64::from(crop.height));
                let options = ResizeOptions::new().resize_alg(lanczos).crop(cut.0, cut.1, cut.2, cut.3);
                resizer.resize(upright, &mut scaled, &options)
            }
        }
        .map_err(|e| e.to_string())?;
        made(own, encode(&scaled, own.format)?)?;
        for smaller in [&rendition.webp, &rendition.avif] {
            if let Some(variant) = smaller.iter().find(|v| v.width == own.width) {
                made(variant, encode(&scaled, variant.format)?)?;
            }
        }
        larger = Some(scaled);
    }
    Ok(())
}

fn encode(image: &DynamicImage, format: Format) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    match format {
        Format::Jpeg => {
            let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
            image.write_with_encoder(encoder).map_err(|e| e.to_string())?;
        }
        Format::Png => {
            let encoder = image::codecs::png::PngEncoder::new(&mut out);
            image.write_with_encoder(encoder).map_err(|e| e.to_string())?;
        }
        Format::Webp => {
            let encoder = webp::Encoder::from_image(image).map_err(|e| e.to_owned())?;
            out = encoder.encode(WEBP_QUALITY).to_vec();
        }
        Format::Avif => out = avif(image)?,
        Format::Svg => return Err("an SVG is sent as it is".into()),
    }
    Ok(out)
}

fn avif(image: &DynamicImage) -> Result<Vec<u8>, String> {
    let (width, height) = (image.width() as usize, image.height() as usize);
    // One thread: the maker is the background's one thread, below the requests.
    let encoder = ravif::Encoder::new().with_quality(AVIF_QUALITY).with_speed(AVIF_SPEED).with_num_threads(Some(1));
    let encoded = match image {
        DynamicImage::ImageRgba8(rgba) => {
            let pixels: Vec<ravif::RGBA8> = rgba.pixels().map(|p| ravif::RGBA8::new(p[0], p[1], p[2], p[3])).collect();
            encoder.encode_rgba(ravif::Img::new(&pixels[..], width, height))
        }
        other => {
            let rgb = other.to_rgb8();
            let pixels: Vec<ravif::RGB8> = rgb.pixels().map(|p| ravif::RGB8::new(p[0], p[1], p[2])).collect();
            encoder.encode_rgb(ravif::Img::new(&pixels[..], width, height))
        }
    };
    encoded.map(|e| e.avif_file).map_err(|e| e.to_string())
}
