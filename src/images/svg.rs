//! SVG files, which are sent as they are: read once to find their size and to refuse one that
//! can run code when opened on its own (a script, an event handler, a `javascript:` link).

use quick_xml::events::{BytesStart, Event};

use super::Problem;

/// Whether the bytes start as an SVG document does.
pub(super) fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    (head.starts_with('<')) && head.contains("<svg")
}

/// The drawing's size from its root's `width` and `height` (or `viewBox`), if it says;
/// a problem if anything in it runs.
pub(super) fn check(bytes: &[u8]) -> Result<Option<(u32, u32)>, Problem> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buffer = Vec::new();
    let mut size = None;
    let mut root = true;
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(element) | Event::Empty(element)) => {
                refuse_code(&element)?;
                if root {
                    size = measure(&element);
                    root = false;
                }
            }
            Ok(Event::Eof) => return Ok(size),
            Ok(_) => {}
            Err(e) => {
                return Err(Problem::Corrupt(format!(
                    "the SVG is not well-formed XML at byte {}: {e}",
                    reader.error_position()
                )));
            }
        }
        buffer.clear();
    }
}

fn refuse_code(element: &BytesStart) -> Result<(), Problem> {
    let name = element.local_name().as_ref().to_ascii_lowercase();
    if name == "script" || name == "foreignobject" {
        return Err(Problem::Script(format!("a `<{}>` element", element.name().as_ref())));
    }
    for attribute in element.attributes().flatten() {
        let key = attribute.key.local_name().as_ref().to_ascii_lowercase();
        if key.starts_with("on") {
            return Err(Problem::Script(format!("an event handler (`{key}` on `<{name}>`)")));
        }
        let value = attribute.value.to_ascii_lowercase();
        let value: String = value.chars().filter(|c| !c.is_whitespace()).collect();
        if value.starts_with("javascript:") || value.starts_with("data:text/html") {
            return Err(Problem::Script(format!("a `javascript:` link (`{key}` on `<{name}>`)")));
        }
    }
    Ok(())
}

/// The root's size in pixels: `width` and `height` when they are plain or `px` numbers, else
/// the `viewBox`'s.
fn measure(root: &BytesStart) -> Option<(u32, u32)> {
    let attribute = |name: &str| {
        let value = root.try_get_attribute(name).ok()??;
        Some(value.value.into_owned())
    };
    let pixels = |v: &str| v.trim().trim_end_matches("px").parse::<f64>().ok().filter(|n| *n > 0.0);
    if let (Some(w), Some(h)) =
        (attribute("width").as_deref().and_then(pixels), attribute("height").as_deref().and_then(pixels))
    {
        return Some((w.round() as u32, h.round() as u32));
    }
    let view_box = attribute("viewBox")?;
    let numbers: Vec<f64> =
        view_box.split([' ', ',']).filter(|s| !s.is_empty()).filter_map(|n| n.parse().ok()).collect();
    match numbers[..] {
        [_, _, w, h] if w > 0.0 && h > 0.0 => Some((w.round() as u32, h.round() as u32)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_svg_that_runs_code_is_refused_and_a_plain_one_measured() {
        let plain = br#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="1" height="1"/></svg>"#;
        assert_eq!(check(plain), Ok(Some((120, 40))));
        let sized = br#"<svg xmlns="http://www.w3.org/2000/svg" width="64px" height="32"></svg>"#;
        assert_eq!(check(sized), Ok(Some((64, 32))));
        for bad in [
            &br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#[..],
            br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>"#,
            br#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><a x:href=" javascript:alert(1)"><text>x</text></a></svg>"#,
            br#"<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div/></foreignObject></svg>"#,
        ] {
            assert!(matches!(check(bad), Err(Problem::Script(_))), "{}", String::from_utf8_lossy(bad));
        }
        assert!(matches!(check(b"<svg><g></svg>"), Err(Problem::Corrupt(_))));
    }
}
