//! The importer end to end: `report-import` run on made-up reports in every encoding it
//! reads, and on hostile input. Checks the JSON on standard output, the summary on standard
//! error, and that bad input exits 1 with one clear line and never panics.

#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::Command;

const COUNTY: &str = include_str!("../../../tests/reports/county-2030.txt");
const TOWN_PDF: &str = include_str!("../../../tests/reports/town-pdf-2030.txt");

/// A fresh folder under target/ for the files of one test.
fn folder(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("import-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
}

fn import(file: &std::path::Path, extra: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_report-import"))
        .arg(file)
        .args(extra)
        .output()
        .expect("run the importer");
    Run {
        ok: out.status.success(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn import_bytes(name: &str, bytes: &[u8]) -> Run {
    let dir = folder(name);
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    import(&path, &[])
}

fn json(run: &Run) -> serde_json::Value {
    assert!(run.ok, "the importer failed: {}", run.stderr);
    serde_json::from_str(&run.stdout).expect("the importer prints JSON")
}

#[test]
fn a_county_report_is_imported_with_its_structure_and_figures() {
    let run = import_bytes("county.txt", COUNTY.as_bytes());
    let file = json(&run);
    assert_eq!(file["schema"], report_core::file::SCHEMA);
    assert_eq!(file["meta"]["title"], "二〇三〇年某县政府工作报告");
    assert_eq!(
        file["meta"]["meeting"],
        "——2030年1月10日在某县第一届人民代表大会第一次会议上"
    );
    let kinds: Vec<&str> = file["front"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["notice", "notice", "title", "title", "meeting", "speaker"]
    );
    let parts = file["sections"].as_array().unwrap();
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0]["heading"], "2029年工作回顾");
    assert_eq!(parts[0]["children"][0]["kind"], "subsection");
    assert_eq!(parts[1]["children"][0]["kind"], "item");
    assert_eq!(file["annexes"][0]["children"].as_array().unwrap().len(), 2);
    assert_eq!(file["meta"]["complete"], true);
    assert!(
        run.stderr.contains("报告：二〇三〇年某县政府工作报告"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("2个部分"), "{}", run.stderr);
    assert!(run.stderr.contains("注意：无"), "{}", run.stderr);
}

#[test]
fn gbk_utf16_and_a_bom_read_the_same_as_utf8() {
    let reference = json(&import_bytes("utf8.txt", COUNTY.as_bytes()));
    let (gbk, _, _) = encoding_rs::GBK.encode(COUNTY);
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in COUNTY.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(COUNTY.as_bytes());
    for (name, bytes, encoding) in [
        ("gbk.txt", gbk.into_owned(), "GB18030"),
        ("utf16.txt", utf16, "UTF-16"),
        ("bom.txt", bom, "UTF-8"),
    ] {
        let run = import_bytes(name, &bytes);
        assert_eq!(json(&run), reference, "{name}");
        assert!(run.stderr.contains(encoding), "{name}: {}", run.stderr);
    }
}

#[test]
fn a_text_copied_from_a_pdf_is_joined_and_its_cut_is_reported() {
    let run = import_bytes("pdf.txt", TOWN_PDF.as_bytes());
    let file = json(&run);
    assert_eq!(file["meta"]["complete"], false);
    assert_eq!(file["meta"]["stops_at"], "今年共");
    assert_eq!(
        file["opening"][0],
        "现在，我代表镇人民政府向大会报告工作，请予审议，并请列席人员提出意见。"
    );
    assert!(
        run.stderr.contains("正文在句子中间结束（“今年共”）"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_curation_file_gives_the_cards_and_a_wrong_one_fails_clearly() {
    let dir = folder("curation");
    let report = dir.join("county.txt");
    std::fs::write(&report, COUNTY).unwrap();
    let good = dir.join("good.tsv");
    std::fs::write(
        &good,
        "meta\tissuer\t某县人民政府\ntheme\tsec-1\t回顾\ncard\tgdp\t地区生产总值\t12000000000\theadline\t地区生产总值120亿元\n",
    )
    .unwrap();
    let file = json(&import(&report, &["--curation", good.to_str().unwrap()]));
    assert_eq!(file["cards"].as_array().unwrap().len(), 1);
    assert_eq!(file["meta"]["issuer"], "某县人民政府");
    let bad = dir.join("bad.tsv");
    std::fs::write(&bad, "theme\tsec-1\t回顾\ncard\tx\tx\t1\t-\t火星基地1座\n").unwrap();
    let run = import(&report, &["--curation", bad.to_str().unwrap()]);
    assert!(!run.ok);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.starts_with("错误："), "{}", run.stderr);
}

#[test]
fn hostile_input_exits_with_one_clear_line() {
    let big_line = "甲".repeat(350_000); // about 1 MB on one line
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.txt", Vec::new(), "空的"),
        ("blank.txt", b" \n\t \r\n".to_vec(), "空的"),
        (
            "picture.txt",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "PNG",
        ),
        ("archive.txt", b"PK\x03\x04\x14\0\0\0".to_vec(), "压缩包"),
        (
            "garbage.txt",
            vec![0x81, 0x20, 0xFF, 0xFE, 0x80, 0x81],
            "无法读取",
        ),
        ("huge.txt", vec![b'a'; 9 << 20], "太大"),
        (
            "broken.json",
            b"{\"schema\": 1, \"meta\": {".to_vec(),
            "JSON",
        ),
        (
            "newer.json",
            br#"{"schema": 7, "meta": {}}"#.to_vec(),
            "版本是7",
        ),
    ];
    for (name, bytes, words) in cases {
        let run = import_bytes(name, &bytes);
        assert!(!run.ok, "{name} was accepted");
        assert_eq!(run.stderr.lines().count(), 1, "{name}: {}", run.stderr);
        assert!(run.stderr.contains(words), "{name}: {}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{name}: {}", run.stderr);
    }
    // A megabyte on one line, and text without any structure, are read (with a notice).
    let run = import_bytes("line.txt", big_line.as_bytes());
    assert!(run.ok, "{}", run.stderr);
    let run = import_bytes("plain.txt", "这是一段话。\n这是另一段话。".as_bytes());
    assert!(run.stderr.contains("全文按段落显示"), "{}", run.stderr);
    // Markup in a report file stays text.
    let run = import_bytes(
        "markup.txt",
        "<script>alert(1)</script>报告\n各位代表：\n一、<img src=x onerror=alert(1)>\n正文。"
            .as_bytes(),
    );
    let file = json(&run);
    let heading = file["sections"][0]["heading"].as_str().unwrap();
    assert!(heading.starts_with("<img src=x onerror=alert"), "{heading}");
    assert!(file["meta"]["title"]
        .as_str()
        .unwrap()
        .starts_with("<script>"));
}

#[test]
fn the_importer_output_reads_back_as_the_same_report() {
    let dir = folder("round-trip");
    let first = import_bytes("county.txt", COUNTY.as_bytes()).stdout;
    let path = dir.join("county.json");
    std::fs::write(&path, &first).unwrap();
    let second = import(&path, &[]);
    assert_eq!(second.stdout, first);
}
