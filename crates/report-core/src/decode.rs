//! Reading a file's bytes as text: UTF-8 with or without a byte-order mark, UTF-16 with a
//! byte-order mark, else GB18030 (which includes GBK). Bytes that are no text at all — a
//! picture, an archive, a binary — and text too large for a report are refused with a message
//! in Chinese.
//!
//! The rules are one function, [`decode_with`], for both sides; only the decoders for what is
//! not UTF-8 differ ([`Decoders`]): natively (the importer, the build step) encoding_rs, in the
//! browser its own `TextDecoder` (`src/open_file.rs`), so encoding_rs never reaches the wasm.

/// Larger than any report (a province's is about 100 KB): refused before parsing.
pub const LARGEST_FILE: usize = 8 << 20;

/// Which encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Gb18030,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16 => "UTF-16",
            Encoding::Gb18030 => "GB18030/GBK",
        }
    }
}

/// Strict decoders for the encodings that are not UTF-8: `None` when a byte does not belong.
pub trait Decoders {
    /// UTF-16 without its byte-order mark.
    fn utf16(&self, bytes: &[u8], big_endian: bool) -> Option<String>;
    /// GB18030, which includes GBK and GB2312.
    fn gb18030(&self, bytes: &[u8]) -> Option<String>;
}

/// encoding_rs, natively.
#[cfg(not(target_arch = "wasm32"))]
struct Native;

#[cfg(not(target_arch = "wasm32"))]
impl Decoders for Native {
    fn utf16(&self, bytes: &[u8], big_endian: bool) -> Option<String> {
        let encoding = if big_endian {
            encoding_rs::UTF_16BE
        } else {
            encoding_rs::UTF_16LE
        };
        let (text, malformed) = encoding.decode_without_bom_handling(bytes);
        (!malformed).then(|| text.into_owned())
    }

    fn gb18030(&self, bytes: &[u8]) -> Option<String> {
        let (text, malformed) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
        (!malformed).then(|| text.into_owned())
    }
}

/// Reads `bytes` as text natively (see the module documentation).
#[cfg(not(target_arch = "wasm32"))]
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), String> {
    decode_with(bytes, &Native)
}

/// Reads `bytes` as text with `decoders` for what is not UTF-8 (see the module documentation).
pub fn decode_with(bytes: &[u8], decoders: &impl Decoders) -> Result<(String, Encoding), String> {
    if bytes.len() > LARGEST_FILE {
        return Err(format!(
            "文件太大（{} MB）：报告正文通常不超过1 MB，这可能不是一份报告。",
            bytes.len() >> 20
        ));
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(format!(
            "这不是文本文件，看起来是{kind}。请打开 .txt 或 .json 文件。"
        ));
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        (utf8(rest)?, Encoding::Utf8)
    } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let text = decoders
            .utf16(&bytes[2..], bytes[0] == 0xFE)
            .ok_or("文件是 UTF-16 编码，但其中有无法读取的字节。")?;
        (text, Encoding::Utf16)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_string(), Encoding::Utf8)
    } else {
        let text = decoders
            .gb18030(bytes)
            .ok_or("文件既不是 UTF-8 也不是 GBK/GB18030 编码的文本，无法读取。")?;
        (text, Encoding::Gb18030)
    };
    if text.contains('\0') {
        return Err("这不是文本文件（其中有空字节）。".into());
    }
    if text.trim().is_empty() {
        return Err("文件是空的，没有文字。".into());
    }
    Ok((text, encoding))
}

fn utf8(bytes: &[u8]) -> Result<String, String> {
    std::str::from_utf8(bytes)
        .map(String::from)
        .map_err(|_| "文件以 UTF-8 标记开头，但其中有无法读取的字节。".to_string())
}

/// What a binary file looks like, from its first bytes.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const KINDS: [(&[u8], &str); 8] = [
        (b"\x89PNG", "一张 PNG 图片"),
        (b"\xFF\xD8\xFF", "一张 JPEG 图片"),
        (b"GIF8", "一张 GIF 图片"),
        (b"PK\x03\x04", "一个压缩包（ZIP，或 Word/Excel 文档）"),
        (b"%PDF", "一个 PDF 文件（请先把文字复制成 .txt）"),
        (b"\xD0\xCF\x11\xE0", "一个旧版 Word/Excel 文档"),
        (b"Rar!", "一个 RAR 压缩包"),
        (b"\x1F\x8B", "一个 gzip 压缩包"),
    ];
    KINDS
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

// Natively: encoding_rs stands in for the browser's decoders.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_a_bom() {
        assert_eq!(
            decode("报告".as_bytes()).unwrap(),
            ("报告".into(), Encoding::Utf8)
        );
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("报告".as_bytes());
        assert_eq!(decode(&bom).unwrap().0, "报告");
    }

    #[test]
    fn utf16_with_a_bom() {
        let mut le = vec![0xFF, 0xFE];
        for unit in "报告".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&le).unwrap(), ("报告".into(), Encoding::Utf16));
        let mut be = vec![0xFE, 0xFF];
        for unit in "报告".encode_utf16() {
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap(), ("报告".into(), Encoding::Utf16));
    }

    #[test]
    fn gbk_is_read_as_gb18030() {
        let (gbk, _, _) = encoding_rs::GBK.encode("各位代表：政府工作报告");
        assert_eq!(
            decode(&gbk).unwrap(),
            ("各位代表：政府工作报告".into(), Encoding::Gb18030)
        );
    }

    #[test]
    fn pictures_archives_empty_and_garbage_are_refused_in_chinese() {
        assert!(decode(b"\x89PNG\r\n\x1a\n....")
            .unwrap_err()
            .contains("PNG 图片"));
        assert!(decode(b"PK\x03\x04...").unwrap_err().contains("压缩包"));
        assert!(decode(b"   \n\t ").unwrap_err().contains("空的"));
        assert!(decode(b"").unwrap_err().contains("空的"));
        assert!(decode(&[0x81, 0x20, 0xFF, 0xFF, 0x80])
            .unwrap_err()
            .contains("无法读取"));
        assert!(decode(&vec![b'a'; LARGEST_FILE + 1])
            .unwrap_err()
            .contains("太大"));
    }
}
