//! The library build (`report_site::library::build`) on folders made here: what is read, what is
//! left out and said, ids kept apart, `--strict`, an empty folder, a catalogue that names a
//! path outside the folder, and nothing written outside the output folder. The pages are
//! stand-ins (the real ones are the `prerender` step's, tested end to end).

use std::path::{Path, PathBuf};

use report_site::library::build::{build, Built};

const COUNTY: &str = include_str!("../../../tests/reports/county-2030.txt");
const PROVINCE: &str = include_str!("../../../tests/reports/province-2031.txt");

/// A fresh folder under the target's temporary folder.
fn folder(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("library-tests")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(dir: &Path, out: &Path, strict: bool) -> Result<Built, String> {
    std::fs::create_dir_all(out).unwrap();
    build(
        dir,
        out,
        "/",
        strict,
        &|content, folder| {
            Ok((
                format!(
                    "<html><body><div id=app>{}</div></body></html>",
                    content.report.title
                ),
                vec![("report.json".into(), folder.as_bytes().to_vec())],
            ))
        },
        &|markup, title, _| {
            Ok(format!(
                "<html><head><title>{title}</title></head><body>{markup}</body></html>"
            ))
        },
    )
}

/// Every file under `dir`, as paths relative to it.
fn files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            out.extend(files(&path).into_iter().map(|f| format!("{name}/{f}")));
        } else {
            out.push(name);
        }
    }
    out.sort();
    out
}

#[test]
fn a_file_that_cannot_be_read_is_left_out_and_named_and_strict_refuses_it() {
    let dir = folder("left-out");
    std::fs::write(dir.join("county-2030.txt"), COUNTY).unwrap();
    std::fs::write(dir.join("damaged.json"), "{\"schema\": 1, \"report\": [").unwrap();
    std::fs::write(dir.join("scan.pdf"), b"%PDF-1.7").unwrap();
    std::fs::write(dir.join("README.md"), "notes").unwrap();
    std::fs::write(dir.join(".hidden.txt"), "x").unwrap();
    let out = dir.join("../left-out-dist");
    let built = run(&dir, &out, false).unwrap();
    assert_eq!(built.entries.len(), 1);
    let left: Vec<&str> = built.left_out.iter().map(|l| l.file.as_str()).collect();
    assert_eq!(left, ["damaged.json", "scan.pdf"]);
    assert!(
        built.left_out[1].error.contains(".txt"),
        "{:?}",
        built.left_out
    );
    let library: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("library.json")).unwrap()).unwrap();
    assert_eq!(library["left_out"][0]["file"], "damaged.json");
    let err = run(&dir, &dir.join("../left-out-strict"), true).unwrap_err();
    assert!(
        err.contains("damaged.json") && err.contains("--strict"),
        "{err}"
    );
}

#[test]
fn ids_are_kept_apart_and_names_with_spaces_or_chinese_are_said() {
    let dir = folder("ids");
    std::fs::write(dir.join("a b.txt"), COUNTY).unwrap();
    std::fs::write(dir.join("a-b.txt"), PROVINCE).unwrap();
    std::fs::write(dir.join("某县 报告.txt"), COUNTY).unwrap();
    let out = dir.join("../ids-dist");
    let built = run(&dir, &out, false).unwrap();
    let mut ids: Vec<&str> = built.entries.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids.len(), 3);
    assert!(ids.contains(&"a-b") && ids.contains(&"a-b-2"), "{ids:?}");
    let notes = built.notes.join("\n");
    assert!(notes.contains("重复"), "{notes}");
    assert!(notes.contains("某县 报告.txt"), "{notes}");
    assert!(notes.contains("两份报告标题相同"), "{notes}");
    // Everything is inside the output folder, each report in its id's folder.
    let written = files(&out);
    for id in &ids {
        assert!(written.contains(&format!("{id}/index.html")), "{written:?}");
    }
    assert!(written.iter().all(|f| !f.contains("..")));
    assert!(written.contains(&"library.json".to_string()));
    assert!(written.contains(&"targets.csv".to_string()));
    assert!(written.contains(&"search/meta.json".to_string()));
}

#[test]
fn an_empty_folder_and_a_catalogue_that_leaves_the_folder_stop_the_build() {
    let empty = folder("empty");
    let err = run(&empty, &empty.join("../empty-dist"), false).unwrap_err();
    assert!(err.contains("没有报告"), "{err}");

    let dir = folder("escape");
    std::fs::write(dir.join("county-2030.txt"), COUNTY).unwrap();
    std::fs::write(
        dir.join("library.tsv"),
        "file\tid\ttitle\tplace\tlevel\tyear\tcuration\n../secret.txt\n",
    )
    .unwrap();
    let err = run(&dir, &dir.join("../escape-dist"), false).unwrap_err();
    assert!(
        err.contains("library.tsv") && err.contains("文件夹"),
        "{err}"
    );
}

#[test]
fn the_catalogue_names_the_site_and_sets_what_the_text_does_not_say() {
    let dir = folder("catalogue");
    std::fs::write(dir.join("county-2030.txt"), COUNTY).unwrap();
    std::fs::write(dir.join("province-2031.txt"), PROVINCE).unwrap();
    std::fs::write(
        dir.join("library.tsv"),
        "site\t测试库\nfile\tid\ttitle\tplace\tlevel\tyear\tcuration\ncounty-2030.txt\tmy-county\t\t某县\t县区\t2030\t\nmissing.txt\n",
    )
    .unwrap();
    let out = dir.join("../catalogue-dist");
    let built = run(&dir, &out, false).unwrap();
    assert_eq!(built.site, "测试库");
    let county = built
        .entries
        .iter()
        .find(|e| e.file == "county-2030.txt")
        .unwrap();
    assert_eq!(county.id, "my-county");
    assert_eq!(county.place.as_deref(), Some("某县"));
    assert_eq!(county.level, Some("县区"));
    let province = built
        .entries
        .iter()
        .find(|e| e.file == "province-2031.txt")
        .unwrap();
    assert_eq!(province.place.as_deref(), Some("青岚省"));
    assert_eq!(province.level, Some("省"));
    assert_eq!(province.year, Some(2031));
    assert!(
        built.notes.iter().any(|n| n.contains("missing.txt")),
        "{:?}",
        built.notes
    );
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("<title>测试库</title>") && index.contains("my-county/"));
}
