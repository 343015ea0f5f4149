//! An original from `media/` as the site sends it: without the metadata a camera or an
//! editing program wrote into it (EXIF with its GPS position and serial number, XMP, IPTC,
//! comments, text chunks), which no visitor needs and some would use. Only the orientation
//! stays, so the picture is still upright. The pixels are the file's own (`img-parts` moves
//! whole segments and chunks and decodes nothing).

use img_parts::jpeg::{Jpeg, markers};
use img_parts::png::Png;
use img_parts::webp::WebP;
use img_parts::{Bytes, ImageEXIF};

use super::Format;

/// `bytes` (an image of `format`) without its metadata; as they are if they cannot be read,
/// which `check` has already named.
pub fn without_metadata(bytes: Vec<u8>, format: Format) -> Vec<u8> {
    let bytes = Bytes::from(bytes);
    let stripped = match format {
        Format::Jpeg => jpeg(bytes.clone()),
        Format::Png => Png::from_bytes(bytes.clone()).ok().map(|mut png| {
            for kind in [*b"eXIf", *b"tEXt", *b"zTXt", *b"iTXt", *b"tIME"] {
                png.remove_chunks_by_type(kind);
            }
            png.encoder().bytes()
        }),
        Format::Webp => WebP::from_bytes(bytes.clone()).ok().map(|mut webp| {
            for id in [img_parts::webp::CHUNK_EXIF, img_parts::webp::CHUNK_XMP] {
                webp.remove_chunks_by_id(id);
            }
            webp.encoder().bytes()
        }),
        Format::Avif | Format::Svg => None,
    };
    stripped.unwrap_or(bytes).to_vec()
}

fn jpeg(bytes: Bytes) -> Option<Bytes> {
    let orientation = super::make::orientation(&bytes, Format::Jpeg);
    let mut jpeg = Jpeg::from_bytes(bytes).ok()?;
    // APP1 holds EXIF and XMP, APP13 IPTC; APP2's MPF points at pictures after the end,
    // which are not sent either. APP2's colour profile stays.
    jpeg.segments_mut().retain(|segment| {
        let marker = segment.marker();
        let mpf = marker == markers::APP2 && segment.contents().starts_with(b"MPF\0");
        !(marker == markers::APP1 || marker == markers::APP13 || marker == markers::COM || mpf)
    });
    if orientation > 1 {
        jpeg.set_exif(Some(orientation_only(orientation)));
    }
    Some(jpeg.encoder().bytes())
}

/// The smallest EXIF that says how to turn the picture: a TIFF header and one entry.
fn orientation_only(orientation: u16) -> Bytes {
    let mut tiff = Vec::with_capacity(26);
    tiff.extend_from_slice(b"MM\0\x2a\0\0\0\x08"); // big-endian, first directory at 8
    tiff.extend_from_slice(&1u16.to_be_bytes()); // one entry
    tiff.extend_from_slice(&0x0112u16.to_be_bytes()); // Orientation
    tiff.extend_from_slice(&3u16.to_be_bytes()); // SHORT
    tiff.extend_from_slice(&1u32.to_be_bytes()); // one value
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&0u32.to_be_bytes()); // no next directory
    Bytes::from(tiff)
}
