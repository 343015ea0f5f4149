//! Content codings: which one a client accepts (RFC 9110 `Accept-Encoding`, q-values
//! honoured), and compressing a body into it once.

use std::io::Write;

/// A content coding the server can send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// The body as is.
    Identity,
    /// `br`: the smallest for HTML, so preferred when a client weighs several equally.
    Brotli,
    /// `zstd`.
    Zstd,
    /// `gzip`: what every client and proxy understands.
    Gzip,
}

impl Encoding {
    /// The compressed codings, in the order preferred when a client's q-values tie.
    pub const COMPRESSED: [Encoding; 3] = [Encoding::Brotli, Encoding::Zstd, Encoding::Gzip];
    /// Every coding.
    pub const ALL: [Encoding; 4] = [Encoding::Identity, Encoding::Brotli, Encoding::Zstd, Encoding::Gzip];

    /// The token in `Accept-Encoding` and `Content-Encoding`.
    pub fn token(self) -> &'static str {
        match self {
            Encoding::Identity => "identity",
            Encoding::Brotli => "br",
            Encoding::Zstd => "zstd",
            Encoding::Gzip => "gzip",
        }
    }

    /// Marks `headers` as those of a body chosen by `Accept-Encoding` and sent in this coding:
    /// caches must keep one copy per coding, and a compressed body says how it is compressed.
    pub fn describe(self, headers: &mut axum::http::HeaderMap) {
        use axum::http::{HeaderValue, header};
        headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
        if self != Encoding::Identity {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(self.token()));
        }
    }

    /// `body` in this coding, compressed as small as the codec can: for bodies made once and
    /// kept. Compression into memory cannot fail; the fallback keeps the identity body should
    /// a codec ever refuse.
    pub fn compress(self, body: &[u8]) -> Vec<u8> {
        self.compress_with(body, Effort::Smallest)
    }

    /// `body` in this coding, compressed well but without the slowest settings: for a page kept
    /// once it is first asked for, where the first visitor waits for it (Brotli 10 took up to
    /// 30 ms a page; 6 takes under 1 ms for a body about a tenth larger).
    pub fn compress_kept(self, body: &[u8]) -> Vec<u8> {
        self.compress_with(body, Effort::Kept)
    }

    /// `body` in this coding, compressed fast: for a body made for one response only, such as
    /// search results, where the time spent counts on every request.
    pub fn compress_quick(self, body: &[u8]) -> Vec<u8> {
        self.compress_with(body, Effort::Quick)
    }

    fn compress_with(self, body: &[u8], effort: Effort) -> Vec<u8> {
        let (gzip, brotli, zstd) = match effort {
            Effort::Smallest => (flate2::Compression::best(), 10, 19),
            Effort::Kept => (flate2::Compression::best(), 6, 9),
            Effort::Quick => (flate2::Compression::fast(), 2, 3),
        };
        let compressed = match self {
            Encoding::Identity => return body.to_vec(),
            Encoding::Gzip => {
                let mut encoder = flate2::write::GzEncoder::new(Vec::new(), gzip);
                encoder.write_all(body).and_then(|()| encoder.finish())
            }
            Encoding::Brotli => {
                let mut out = Vec::new();
                // A window no larger than the body: a 4 MiB window for a 20 KB page only costs
                // time spent clearing tables. But at least 2^17: at quality 5 and up, a window
                // of 2^16 or less makes Brotli choose a hasher that takes 32 MB of tables, for
                // output no smaller.
                let bits = usize::BITS - body.len().max(1).leading_zeros();
                let lgwin = i32::try_from(bits).unwrap_or(22).clamp(17, 22);
                let params = brotli::enc::BrotliEncoderParams { quality: brotli, lgwin, ..Default::default() };
                brotli::BrotliCompress(&mut &body[..], &mut out, &params).map(|_| out)
            }
            // The one-shot API tells zstd the size, so it sizes its tables to the body.
            Encoding::Zstd => zstd::bulk::compress(body, zstd),
        };
        compressed.unwrap_or_else(|_| body.to_vec())
    }
}

/// How hard to compress: once for ever (an export), once per content version (a kept page),
/// or once per response.
#[derive(Debug, Clone, Copy)]
enum Effort {
    Smallest,
    Kept,
    Quick,
}

/// The coding to send for an `Accept-Encoding` header: the highest q-value among the codings
/// the server has, ties going to the smaller output; identity when nothing else is accepted.
pub fn negotiate(accept_encoding: Option<&str>) -> Encoding {
    let Some(header) = accept_encoding else { return Encoding::Identity };
    let mut wildcard: Option<f32> = None;
    let mut listed: Vec<(String, f32)> = Vec::new();
    for item in header.split(',') {
        let mut parts = item.split(';');
        let token = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        if token.is_empty() {
            continue;
        }
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q=").or_else(|| p.trim().strip_prefix("Q=")))
            .find_map(|v| v.trim().parse::<f32>().ok())
            .map_or(1.0, |q| q.clamp(0.0, 1.0));
        if token == "*" {
            wildcard = Some(q);
        } else {
            listed.push((token, q));
        }
    }
    let weight = |encoding: Encoding| {
        listed.iter().find(|(t, _)| t == encoding.token()).map(|(_, q)| *q).or(wildcard).unwrap_or(0.0)
    };
    let best = Encoding::COMPRESSED.into_iter().map(|e| (e, weight(e))).filter(|(_, q)| *q > 0.0).fold(
        None,
        |best: Option<(Encoding, f32)>, (e, q)| match best {
            Some((_, bq)) if bq >= q => best,
            _ => Some((e, q)),
        },
    );
    match best {
        Some((encoding, q)) if q >= identity_weight(&listed, wildcard) => encoding,
        _ => Encoding::Identity,
    }
}

/// Identity is acceptable unless refused outright (`identity;q=0`, or `*;q=0` without it).
fn identity_weight(listed: &[(String, f32)], wildcard: Option<f32>) -> f32 {
    listed.iter().find(|(t, _)| t == "identity").map(|(_, q)| *q).or(wildcard.filter(|q| *q == 0.0)).unwrap_or(0.001)
}

#[cfg(test)]
mod tests {
    use super::{Encoding, negotiate};

    #[test]
    fn browsers_get_brotli() {
        assert_eq!(negotiate(Some("gzip, deflate, br, zstd")), Encoding::Brotli);
    }

    #[test]
    fn q_values_are_honoured() {
        assert_eq!(negotiate(Some("br;q=0.5, gzip;q=0.9")), Encoding::Gzip);
        assert_eq!(negotiate(Some("br;q=0, zstd;q=0.1")), Encoding::Zstd);
        assert_eq!(negotiate(Some("gzip;q=0")), Encoding::Identity);
        assert_eq!(negotiate(Some("*;q=0.2, br;q=0")), Encoding::Zstd);
        assert_eq!(negotiate(Some("identity")), Encoding::Identity);
        assert_eq!(negotiate(Some("GZIP")), Encoding::Gzip);
        assert_eq!(negotiate(Some("")), Encoding::Identity);
        assert_eq!(negotiate(None), Encoding::Identity);
        assert_eq!(negotiate(Some("gzip;q=nonsense")), Encoding::Gzip);
    }

    #[test]
    fn every_coding_round_trips() {
        let body = "<p>Øyvind Kvello</p>".repeat(200);
        let gz = Encoding::Gzip.compress(body.as_bytes());
        let mut out = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut out).unwrap();
        assert_eq!(out, body);
        let zs = Encoding::Zstd.compress(body.as_bytes());
        assert_eq!(zstd::decode_all(&zs[..]).unwrap(), body.as_bytes());
        let br = Encoding::Brotli.compress(body.as_bytes());
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut out).unwrap();
        assert_eq!(out, body.as_bytes());
        assert!(br.len() < body.len() / 10);
        for encoding in Encoding::COMPRESSED {
            let quick = encoding.compress_quick(body.as_bytes());
            assert!(quick.len() < body.len() / 5, "{encoding:?}");
        }
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut &Encoding::Brotli.compress_quick(body.as_bytes())[..], &mut out).unwrap();
        assert_eq!(out, body.as_bytes());
    }
}
