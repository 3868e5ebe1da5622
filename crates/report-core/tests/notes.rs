//! Review notes (审议意见) against what `static/notes.js` did: the stored data it wrote read
//! back with nothing lost, damaged data kept aside, the rules of a valid note, anchoring in a
//! report, reading order, the exports (literal texts, as notes.js produced them for the same
//! notes), the import merge with its messages, editing, and a deterministic fuzz of reading
//! and importing.

use report_core::model::{Report, Section, SectionKind, SectionNumber};
use report_core::notes::{
    self, add, date_label, delete, edit, file_name, import, import_file, json, markdown, merge,
    new_id, plain_text, quote_for, quoted, read_stored, save, to_stored, Anchors, EditError,
    ImportError, ImportSummary, Note, Place, SaveError, Write,
};

mod support;

// --- Data -----------------------------------------------------------------------------------

/// A stored value exactly as notes.js wrote it (`JSON.stringify` of its document) for the
/// Songshi report: a quote that is the start of a longer paragraph (`cut`), a note stored
/// before `heading` existed (no `heading`), and texts over several lines.
const STORED: &str = r#"{"version":1,"report":"2024年嵩市镇政府工作报告","notes":[{"id":"lvnk40g0-4fzq1a","section":"sec-1-1-1","paragraph":0,"quote":"紧紧围绕“大抓落实年”活动要求，推进重点项目建设，目前，","cut":true,"heading":"一、2024年以来工作回顾 › 今年来，我们坚持拼经济抓发展，经济运行持续好转。 › 一是把好经济“方向盘”。","text":"道路工程进度请在年底前公开。\n征地补偿标准也请一并说明。","created":"2024-05-01T08:30:00.000Z","updated":"2024-05-02T09:15:30.250Z"},{"id":"lvnk9zz1-k3j9xq","section":"sec-1-4-1","paragraph":0,"quote":"城乡居民医疗保险参保9950人","cut":false,"text":"参保率是多少？","created":"2024-05-03T01:00:00.000Z","updated":"2024-05-03T01:00:00.000Z"},{"id":"lvnkb2c3-8h2k0m","section":"sec-1-5-2","paragraph":0,"quote":"强化矛盾纠纷排查调处工作，建立镇村工作互动日机制，","cut":true,"heading":"一、2024年以来工作回顾 › 今年来，我们全面加强政府建设，社会稳定态势向好。 › 二是社会大局和谐稳定。","text":"建议：\n1. 公布排查清单；\n2. 说明化解进度。","created":"2024-05-04T12:00:00.000Z","updated":"2024-05-04T12:00:00.000Z"}]}"#;

const SONGSHI: &str = "2024年嵩市镇政府工作报告";

fn section(
    number: &[u32],
    kind: SectionKind,
    marker: &str,
    heading: &str,
    body: &str,
    children: Vec<Section>,
) -> Section {
    Section {
        kind,
        number: SectionNumber(number.to_vec()),
        marker: marker.into(),
        heading: heading.into(),
        body: body.into(),
        children,
    }
}

const TITLE: &str = "2024年某镇政府工作报告";

/// A small report: a part with a theme and two points, a part with an empty line between its
/// paragraphs, and an annex whose heading ends with a space.
fn report() -> Report {
    use SectionKind::*;
    Report {
        sections: vec![
            section(&[1], Part, "一、", "2024年工作回顾", "全镇上下团结奋斗，各项工作取得新成效。", vec![
                section(&[1, 1], Theme, "", "今年来，我们坚持拼经济抓发展。", "", vec![
                    section(&[1, 1, 1], Point, "一是", "把好经济“方向盘”。",
                        "全镇完成财税收入1687万元，同比增长14.5%。\n新引进项目3个，总投资2亿元，其中工业项目2个、农业项目1个，均已开工建设并顺利推进，为全年经济发展打下坚实基础。",
                        vec![]),
                    section(&[1, 1, 2], Point, "二是", "守牢安全底线。",
                        "开展安全隐患排查20余次，整改隐患问题50余处。", vec![]),
                ]),
            ]),
            section(&[2], Part, "二、", "2025年工作安排",
                "坚持以人民为中心，扎实推进各项工作。\n\n确保全年目标任务圆满完成。", vec![]),
        ],
        annexes: vec![section(&[0, 1], Annex, "附件1", "名词解释 ",
            "乡贤：指在乡村有德行、有才能、有声望的人。", vec![])],
        ..Report::titled(TITLE)
    }
}

#[allow(clippy::too_many_arguments)]
fn note(
    id: &str,
    section: &str,
    paragraph: u32,
    quote: &str,
    cut: bool,
    heading: &str,
    text: &str,
    created: &str,
    updated: &str,
) -> Note {
    Note {
        id: id.into(),
        section: section.into(),
        paragraph,
        quote: quote.into(),
        cut,
        heading: heading.into(),
        text: text.into(),
        created: created.into(),
        updated: updated.into(),
    }
}

const H111: &str = "一、2024年工作回顾 › 今年来，我们坚持拼经济抓发展。 › 一是把好经济“方向盘”。";

/// Notes on [`report`], in stored order: placed in their paragraph, in another paragraph of
/// their section, in another section, detached with and without a heading, with an empty
/// quote, on a paragraph after an empty line, in the annex.
fn notes() -> Vec<Note> {
    let day = |d: u32| format!("2024-05-{d:02}T00:00:00.000Z");
    vec![
        note(
            "lvnk40g0-a1b2c3",
            "sec-1-1-1",
            1,
            "新引进项目3个，总投资2亿元，其中工业项目2个、农业项目1个，",
            true,
            H111,
            "建议列出项目清单。\n并说明开工时间。",
            "2024-05-01T08:30:00.000Z",
            "2024-05-01T08:30:00.000Z",
        ),
        note(
            "lvnk5000-d4e5f6",
            "sec-2",
            0,
            "扎实推进各项工作",
            false,
            "二、2025年工作安排",
            "同意。",
            "2024-05-02T09:00:00.000Z",
            "2024-05-03T10:00:00.000Z",
        ),
        note(
            "lvnk3000-g7h8i9",
            "sec-1-1-1",
            1,
            "总投资2亿元",
            false,
            H111,
            "资金来源？",
            "2024-04-30T07:00:00.000Z",
            "2024-04-30T07:00:00.000Z",
        ),
        note(
            "lvnk6000-j1k2l3",
            "sec-1-1-2",
            3,
            "1687 万元",
            false,
            "",
            "数据来源请注明。",
            &day(4),
            &day(4),
        ),
        note(
            "lvnk7000-m4n5o6",
            "sec-3-1",
            0,
            "这段话已不在报告里",
            true,
            "三、旧的部分 › （一）旧标题",
            "原意见\n第二行",
            &day(5),
            &day(5),
        ),
        note(
            "lvnk8000-p7q8r9",
            "sec-9",
            0,
            "不存在",
            false,
            "",
            "没有标题的意见",
            &day(6),
            &day(6),
        ),
        note(
            "lvnk9000-s1t2u3",
            "sec-1",
            0,
            "",
            false,
            "一、2024年工作回顾",
            "总体同意",
            &day(7),
            &day(7),
        ),
        note(
            "lvnka000-v4w5x6",
            "sec-2",
            2,
            "确保全年目标任务圆满完成。",
            false,
            "##二、2025年工作安排",
            "好",
            &day(8),
            &day(8),
        ),
        note(
            "lvnkb000-y7z8a9",
            "annex-1",
            0,
            "乡贤",
            false,
            "附件1名词解释",
            "加一条",
            &day(9),
            &day(9),
        ),
        note(
            "lvnkc000-b1c2d3",
            "sec-7",
            0,
            "别处",
            false,
            "##旧",
            "#井号",
            &day(10),
            &day(10),
        ),
    ]
}

fn ids(notes: &[Note]) -> Vec<&str> {
    notes.iter().map(|n| n.id.as_str()).collect()
}

fn set(write: Write) -> String {
    match write {
        Write::Set(text) => text,
        Write::Remove => panic!("expected a text to write, got a removal"),
    }
}

// --- Migration ------------------------------------------------------------------------------

#[test]
fn migration_reads_what_notes_js_stored_and_writes_it_back_in_its_shape() {
    let stored = read_stored(STORED);
    assert!(!stored.damaged);
    assert_eq!(stored.rewrite(SONGSHI), None, "nothing to write back");
    let n = &stored.notes;
    assert_eq!(
        ids(n),
        ["lvnk40g0-4fzq1a", "lvnk9zz1-k3j9xq", "lvnkb2c3-8h2k0m"]
    );
    assert_eq!(
        n[0],
        note(
            "lvnk40g0-4fzq1a",
            "sec-1-1-1",
            0,
            "紧紧围绕“大抓落实年”活动要求，推进重点项目建设，目前，",
            true,
            "一、2024年以来工作回顾 › 今年来，我们坚持拼经济抓发展，经济运行持续好转。 › 一是把好经济“方向盘”。",
            "道路工程进度请在年底前公开。\n征地补偿标准也请一并说明。",
            "2024-05-01T08:30:00.000Z",
            "2024-05-02T09:15:30.250Z",
        )
    );
    assert_eq!(
        n[1].heading, "",
        "a note without heading reads with an empty one"
    );
    assert!(!n[1].cut);
    assert_eq!(n[2].text, "建议：\n1. 公布排查清单；\n2. 说明化解进度。");

    // Written back: the same text, with the missing heading written as notes.js's clean()
    // wrote it (an empty string after "cut").
    let written = set(to_stored(SONGSHI, n));
    let expected = STORED.replace(
        r#""cut":false,"text":"参保率是多少？""#,
        r#""cut":false,"heading":"","text":"参保率是多少？""#,
    );
    assert_ne!(expected, STORED);
    assert_eq!(written, expected);
    assert_eq!(read_stored(&written).notes, stored.notes);

    // The shape notes.js reads: the same members with the same JSON types.
    let v: serde_json::Value = serde_json::from_str(&written).expect("JSON");
    assert_eq!(v["version"], 1);
    assert_eq!(v["report"], SONGSHI);
    for note in v["notes"].as_array().expect("notes") {
        let keys: Vec<&str> = note
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut want = [
            "id",
            "section",
            "paragraph",
            "quote",
            "cut",
            "heading",
            "text",
            "created",
            "updated",
        ];
        want.sort_unstable();
        assert_eq!(keys, want);
        assert!(note["paragraph"].is_u64() && note["cut"].is_boolean());
        for key in [
            "id", "section", "quote", "heading", "text", "created", "updated",
        ] {
            assert!(note[key].is_string(), "{key}");
        }
    }
}

#[test]
fn migrated_notes_find_their_paragraphs_in_the_songshi_report() {
    let report = support::report().expect("the Songshi report");
    assert_eq!(report.title, SONGSHI);
    let anchors = Anchors::new(report);
    let stored = read_stored(STORED);
    for n in &stored.notes {
        let place = anchors.place(n).expect("placed");
        assert_eq!(
            (place.section.as_str(), place.paragraph),
            (n.section.as_str(), 0)
        );
        // The quote Rust makes for that paragraph is the one notes.js made.
        if n.cut {
            let text = anchors.paragraph(&n.section, 0).expect("paragraph");
            let q = quote_for(text, None);
            assert_eq!((q.quote.as_str(), q.cut), (n.quote.as_str(), true));
            assert_eq!(anchors.heading_path(&n.section), n.heading);
        }
    }
    assert_eq!(
        anchors.own_heading(&stored.notes[1]),
        "一是民生保障精准落实。"
    );
    let order: Vec<&str> = anchors
        .ordered(&stored.notes)
        .iter()
        .map(|e| e.note.id.as_str())
        .collect();
    assert_eq!(
        order,
        ["lvnk40g0-4fzq1a", "lvnk9zz1-k3j9xq", "lvnkb2c3-8h2k0m"]
    );
}

// --- Damaged data ---------------------------------------------------------------------------

#[test]
fn data_that_is_not_json_is_damaged_and_the_key_is_cleared_once_kept_aside() {
    let stored = read_stored("{damaged");
    assert!(stored.damaged);
    assert!(stored.notes.is_empty());
    assert_eq!(stored.rewrite(SONGSHI), Some(Write::Remove));
}

#[test]
fn another_version_is_damaged() {
    let v2 = STORED.replacen(r#""version":1"#, r#""version":2"#, 1);
    let stored = read_stored(&v2);
    assert!(stored.damaged);
    assert!(
        stored.notes.is_empty(),
        "nothing of another version is read"
    );
    assert_eq!(stored.rewrite(SONGSHI), Some(Write::Remove));
    for other in [
        r#"{"version":"1","notes":[]}"#,
        r#"{"notes":[]}"#,
        r#"{"version":1}"#,
        r#"{"version":1,"notes":{}}"#,
        r#"{"version":1,"notes":null}"#,
    ] {
        assert!(read_stored(other).damaged, "{other}");
    }
    // 1.0 is the number 1 in JavaScript.
    assert!(!read_stored(r#"{"version":1.0,"notes":[]}"#).damaged);
}

#[test]
fn one_invalid_note_among_valid_ones_keeps_the_valid_ones_and_the_raw_text_aside() {
    let raw = STORED.replace(r#""id":"lvnk9zz1-k3j9xq""#, r#""id":"""#);
    let stored = read_stored(&raw);
    assert!(stored.damaged);
    assert_eq!(ids(&stored.notes), ["lvnk40g0-4fzq1a", "lvnkb2c3-8h2k0m"]);
    let rewritten = set(stored.rewrite(SONGSHI).expect("a rewrite"));
    let again = read_stored(&rewritten);
    assert!(!again.damaged);
    assert_eq!(again.notes, stored.notes);
}

#[test]
fn a_value_that_is_not_an_object_is_damaged() {
    for raw in [
        "[]",
        "[1,2]",
        r#""notes""#,
        "42",
        "null",
        "true",
        "false",
        "{}",
        " ",
    ] {
        let stored = read_stored(raw);
        assert!(stored.damaged, "{raw:?}");
        assert!(stored.notes.is_empty());
    }
}

#[test]
fn an_empty_string_is_nothing_stored() {
    // notes.js: `if (raw)`: an empty value is not read, not kept aside.
    let stored = read_stored("");
    assert!(!stored.damaged);
    assert!(stored.notes.is_empty());
    assert_eq!(stored.rewrite(SONGSHI), None);
    let empty = read_stored(r#"{"version":1,"report":"x","notes":[]}"#);
    assert!(!empty.damaged && empty.notes.is_empty());
}

#[test]
fn half_a_character_written_by_javascript_does_not_damage_the_data() {
    // JSON.stringify writes a lone surrogate (a selection cut in the middle of an emoji) as an
    // escape; serde_json alone would refuse the whole text.
    let raw = STORED.replace("参保率是多少？", r"参保率是多少？\ud83d");
    let stored = read_stored(&raw);
    assert!(!stored.damaged);
    assert_eq!(stored.notes[1].text, "参保率是多少？\u{fffd}");
    let pair = STORED.replace("参保率是多少？", r"参保率\ud83d\ude00");
    assert_eq!(read_stored(&pair).notes[1].text, "参保率😀");
}

#[test]
fn data_that_could_not_be_kept_aside_is_never_written_over() {
    let n = notes();
    assert_eq!(
        save(TITLE, &n, Some("{damaged"), Some("{damaged")),
        Err(SaveError::Refused)
    );
    assert_eq!(
        SaveError::Refused.message(),
        "本机无法保存意见（浏览器不允许保存数据），请先导出。"
    );
    assert_eq!(
        SaveError::Full.message(),
        "本机存储已满，意见没有保存，请先导出。"
    );
    // Kept aside: the key holds something else now, so it may be written.
    assert!(matches!(
        save(TITLE, &n, None, Some("{damaged")),
        Ok(Write::Set(_))
    ));
    assert!(matches!(
        save(TITLE, &n, Some("{\"version\":1}"), Some("{damaged")),
        Ok(Write::Set(_))
    ));
    assert_eq!(save(TITLE, &[], Some(STORED), None), Ok(Write::Remove));
    assert_eq!(
        notes::storage_key(SONGSHI),
        "songshi-report.notes:2024年嵩市镇政府工作报告"
    );
    assert_eq!(
        notes::damaged_key(SONGSHI),
        "songshi-report.notes-damaged:2024年嵩市镇政府工作报告"
    );
}

// --- Validation -----------------------------------------------------------------------------

/// A valid stored note with `member` replaced by the JSON `value` (`None`: left out).
fn with_member(member: &str, value: Option<&str>) -> String {
    let members = [
        ("id", r#""a""#),
        ("section", r#""sec-1""#),
        ("paragraph", "0"),
        ("quote", r#""引文""#),
        ("cut", "true"),
        ("heading", r#""一、""#),
        ("text", r#""意见""#),
        ("created", r#""2024-05-01T00:00:00.000Z""#),
        ("updated", r#""2024-05-01T00:00:00.000Z""#),
    ];
    let body: Vec<String> = members
        .iter()
        .filter_map(|&(k, v)| {
            let v = if k == member { value } else { Some(v) };
            v.map(|v| format!("\"{k}\":{v}"))
        })
        .collect();
    format!("{{{}}}", body.join(","))
}

fn valid(note: &str) -> bool {
    let raw = format!(r#"{{"version":1,"notes":[{note}]}}"#);
    let stored = read_stored(&raw);
    let ok = !stored.damaged;
    assert_eq!(ok, serde_json::from_str::<Note>(note).is_ok(), "{note}");
    ok
}

#[test]
fn a_note_is_valid_exactly_as_notes_js_valid_said() {
    let units = |n: usize| format!("\"{}\"", "字".repeat(n));
    let emoji = |n: usize| format!("\"{}\"", "😀".repeat(n));
    let cases: Vec<(&str, Option<String>, bool)> = vec![
        ("id", None, false),
        ("id", Some(r#""""#.into()), false),
        ("id", Some(units(1)), true),
        ("id", Some(units(100)), true),
        ("id", Some(units(101)), false),
        // JavaScript counts UTF-16 units: 50 emoji are 100, 51 are 102.
        ("id", Some(emoji(50)), true),
        ("id", Some(emoji(51)), false),
        ("id", Some("1".into()), false),
        ("section", Some(r#""""#.into()), true),
        ("section", Some(units(200)), true),
        ("section", Some(units(201)), false),
        ("section", None, false),
        ("paragraph", Some("-1".into()), false),
        ("paragraph", Some("99999".into()), true),
        ("paragraph", Some("100000".into()), false),
        ("paragraph", Some("1e2".into()), true),
        ("paragraph", Some("-0".into()), true),
        ("paragraph", Some(r#""1""#.into()), false),
        ("paragraph", Some("null".into()), false),
        ("paragraph", None, false),
        ("quote", Some(r#""""#.into()), true),
        ("quote", Some(units(2000)), true),
        ("quote", Some(units(2001)), false),
        ("quote", None, false),
        ("text", Some(r#""""#.into()), true),
        ("text", Some(units(notes::MAX_TEXT)), true),
        ("text", Some(units(notes::MAX_TEXT + 1)), false),
        ("text", Some("[]".into()), false),
        ("heading", None, true),
        ("heading", Some(r#""""#.into()), true),
        ("heading", Some("null".into()), false),
        ("heading", Some("1".into()), false),
        ("cut", None, true),
        ("cut", Some("false".into()), true),
        ("cut", Some(r#""true""#.into()), false),
        ("cut", Some("null".into()), false),
        ("created", None, false),
        ("created", Some("0".into()), false),
        ("created", Some(r#""whenever""#.into()), true),
        ("updated", Some("null".into()), false),
    ];
    for (member, value, want) in cases {
        let json = with_member(member, value.as_deref());
        assert_eq!(valid(&json), want, "{member} = {value:?}");
    }
    // Other members are dropped; a missing cut is false and a missing heading empty.
    let extra = r#"{"id":"a","section":"s","paragraph":2,"quote":"q","text":"t","created":"c","updated":"u","colour":"red"}"#;
    let n: Note = serde_json::from_str(extra).expect("valid");
    assert_eq!(n, note("a", "s", 2, "q", false, "", "t", "c", "u"));
    assert!(serde_json::from_str::<Note>("[]").is_err());
}

#[test]
fn a_fractional_paragraph_is_refused() {
    // notes.js accepted 1.5 (it never wrote one); it is kept aside here, not rounded.
    assert!(!valid(&with_member("paragraph", Some("1.5"))));
}

// --- Anchoring and order --------------------------------------------------------------------

fn place(section: &str, paragraph: usize, position: usize) -> Option<Place> {
    Some(Place {
        section: section.into(),
        paragraph,
        position,
    })
}

#[test]
fn a_note_goes_to_its_paragraph_else_where_its_quote_is_else_nowhere() {
    let report = report();
    let anchors = Anchors::new(&report);
    let n = notes();
    let places: Vec<Option<Place>> = n.iter().map(|n| anchors.place(n)).collect();
    assert_eq!(
        places,
        vec![
            place("sec-1-1-1", 1, 2),
            place("sec-2", 0, 4),
            place("sec-1-1-1", 1, 2),
            // Not in its section: the first paragraph of the report with "1687万元".
            place("sec-1-1-1", 0, 1),
            None,
            None,
            // An empty quote is in its own paragraph.
            place("sec-1", 0, 0),
            // After an empty line: the page's paragraph index 2.
            place("sec-2", 2, 5),
            place("annex-1", 0, 6),
            None,
        ]
    );
    // Its own paragraph first, else the first of its section with the quote.
    let mut moved = n[0].clone();
    moved.paragraph = 0;
    assert_eq!(anchors.place(&moved), place("sec-1-1-1", 1, 2));
    moved.quote = "同比增长 14.5%".into();
    moved.paragraph = 1;
    assert_eq!(anchors.place(&moved), place("sec-1-1-1", 0, 1));
    // The empty line is no paragraph of the page.
    assert_eq!(anchors.paragraph("sec-2", 1), None);
    assert_eq!(
        anchors.paragraph("sec-2", 2),
        Some("确保全年目标任务圆满完成。")
    );
}

#[test]
fn heading_paths_run_from_the_part_down() {
    let report = report();
    let anchors = Anchors::new(&report);
    assert_eq!(anchors.heading_path("sec-1-1-1"), H111);
    assert_eq!(anchors.heading_path("sec-2"), "二、2025年工作安排");
    assert_eq!(anchors.heading_path("annex-1"), "附件1名词解释");
    assert_eq!(anchors.heading_path("sec-9"), "");
    assert_eq!(anchors.heading_path("report"), "");
    let n = notes();
    assert_eq!(anchors.own_heading(&n[0]), "一是把好经济“方向盘”。");
    assert_eq!(
        anchors.own_heading(&n[3]),
        "二是守牢安全底线。",
        "no heading: the report's"
    );
    assert_eq!(anchors.own_heading(&n[5]), "", "no heading, no section");
}

#[test]
fn notes_are_listed_in_reading_order_with_the_detached_last() {
    let report = report();
    let anchors = Anchors::new(&report);
    let n = notes();
    let entries = anchors.ordered(&n);
    let order: Vec<(&str, bool, &str)> = entries
        .iter()
        .map(|e| (e.note.id.as_str(), e.is_detached(), e.location.as_str()))
        .collect();
    assert_eq!(
        order,
        [
            ("lvnk9000-s1t2u3", false, "一、2024年工作回顾"),
            ("lvnk6000-j1k2l3", false, H111),
            // One paragraph: the earlier written first.
            ("lvnk3000-g7h8i9", false, H111),
            ("lvnk40g0-a1b2c3", false, H111),
            ("lvnk5000-d4e5f6", false, "二、2025年工作安排"),
            ("lvnka000-v4w5x6", false, "二、2025年工作安排"),
            ("lvnkb000-y7z8a9", false, "附件1名词解释"),
            ("lvnk7000-m4n5o6", true, "三、旧的部分 › （一）旧标题"),
            ("lvnk8000-p7q8r9", true, "sec-9"),
            ("lvnkc000-b1c2d3", true, "##旧"),
        ]
    );
    // Equal times keep their stored order.
    let mut same = vec![n[2].clone(), n[0].clone()];
    same[0].created = same[1].created.clone();
    let order: Vec<&str> = anchors
        .ordered(&same)
        .iter()
        .map(|e| e.note.id.as_str())
        .collect();
    assert_eq!(order, ["lvnk3000-g7h8i9", "lvnk40g0-a1b2c3"]);
}

// --- Exports --------------------------------------------------------------------------------

const DATE: &str = "2024年5月20日";

/// What notes.js's plainText() gave for [`notes`] on [`report`].
const PLAIN: &str = "《2024年某镇政府工作报告》审议意见
（共10条，2024年5月20日导出）

1. 一、2024年工作回顾
   意见：总体同意

2. 一、2024年工作回顾 › 今年来，我们坚持拼经济抓发展。 › 一是把好经济“方向盘”。
   原文：「1687 万元」
   意见：数据来源请注明。

3. 一、2024年工作回顾 › 今年来，我们坚持拼经济抓发展。 › 一是把好经济“方向盘”。
   原文：「总投资2亿元」
   意见：资金来源？

4. 一、2024年工作回顾 › 今年来，我们坚持拼经济抓发展。 › 一是把好经济“方向盘”。
   原文：「新引进项目3个，总投资2亿元，其中工业项目2个、农业项目1个，……」
   意见：建议列出项目清单。
   并说明开工时间。

5. 二、2025年工作安排
   原文：「扎实推进各项工作」
   意见：同意。

6. 二、2025年工作安排
   原文：「确保全年目标任务圆满完成。」
   意见：好

7. 附件1名词解释
   原文：「乡贤」
   意见：加一条

8. 三、旧的部分 › （一）旧标题（原文中找不到）
   原文：「这段话已不在报告里……」
   意见：原意见
   第二行

9. sec-9（原文中找不到）
   原文：「不存在」
   意见：没有标题的意见

10. ##旧（原文中找不到）
   原文：「别处」
   意见：#井号
";

/// What notes.js's markdown() gave for [`notes`] on [`report`].
const MARKDOWN: &str = "# 《2024年某镇政府工作报告》审议意见

共10条，2024年5月20日导出。

## 1. 一、2024年工作回顾

总体同意

## 2. 一、2024年工作回顾 › 今年来，我们坚持拼经济抓发展。 › 一是把好经济“方向盘”。

> 1687 万元

数据来源请注明。

## 3. 一、2024年工作回顾 › 今年来，我们坚持拼经济抓发展。 › 一是把好经济“方向盘”。

> 总投资2亿元

资金来源？

## 4. 一、2024年工作回顾 › 今年来，我们坚持拼经济抓发展。 › 一是把好经济“方向盘”。

> 新引进项目3个，总投资2亿元，其中工业项目2个、农业项目1个，……

建议列出项目清单。  
并说明开工时间。

## 5. 二、2025年工作安排

> 扎实推进各项工作

同意。

## 6. 二、2025年工作安排

> 确保全年目标任务圆满完成。

好

## 7. 附件1名词解释

> 乡贤

加一条

## 8. 三、旧的部分 › （一）旧标题（原文中找不到）

> 这段话已不在报告里……

原意见  
第二行

## 9. sec-9（原文中找不到）

> 不存在

没有标题的意见

## 10. 旧（原文中找不到）

> 别处

#井号
";

/// What notes.js's json() gave for the first two of [`notes`].
const JSON_EXPORT: &str = r#"{
  "version": 1,
  "report": "2024年某镇政府工作报告",
  "exported": "2024-05-20T01:02:03.456Z",
  "notes": [
    {
      "id": "lvnk40g0-a1b2c3",
      "section": "sec-1-1-1",
      "paragraph": 1,
      "quote": "新引进项目3个，总投资2亿元，其中工业项目2个、农业项目1个，",
      "cut": true,
      "heading": "一、2024年工作回顾 › 今年来，我们坚持拼经济抓发展。 › 一是把好经济“方向盘”。",
      "text": "建议列出项目清单。\n并说明开工时间。",
      "created": "2024-05-01T08:30:00.000Z",
      "updated": "2024-05-01T08:30:00.000Z"
    },
    {
      "id": "lvnk5000-d4e5f6",
      "section": "sec-2",
      "paragraph": 0,
      "quote": "扎实推进各项工作",
      "cut": false,
      "heading": "二、2025年工作安排",
      "text": "同意。",
      "created": "2024-05-02T09:00:00.000Z",
      "updated": "2024-05-03T10:00:00.000Z"
    }
  ]
}"#;

const EXPORTED: &str = "2024-05-20T01:02:03.456Z";

#[test]
fn plain_text_is_what_notes_js_copied() {
    let report = report();
    let anchors = Anchors::new(&report);
    assert_eq!(plain_text(TITLE, &anchors, &notes(), DATE), PLAIN);
    assert_eq!(
        plain_text(TITLE, &anchors, &[], DATE),
        "《2024年某镇政府工作报告》审议意见\n（共0条，2024年5月20日导出）\n"
    );
}

#[test]
fn markdown_is_what_notes_js_downloaded() {
    let report = report();
    let anchors = Anchors::new(&report);
    assert_eq!(markdown(TITLE, &anchors, &notes(), DATE), MARKDOWN);
    assert_eq!(
        markdown(TITLE, &anchors, &[], DATE),
        "# 《2024年某镇政府工作报告》审议意见\n\n共0条，2024年5月20日导出。\n"
    );
}

#[test]
fn json_is_what_notes_js_downloaded_and_imports_back() {
    let n = notes();
    assert_eq!(json(TITLE, &n[..2], EXPORTED), JSON_EXPORT);
    assert_eq!(
        json(TITLE, &[], EXPORTED),
        "{\n  \"version\": 1,\n  \"report\": \"2024年某镇政府工作报告\",\n  \"exported\": \"2024-05-20T01:02:03.456Z\",\n  \"notes\": []\n}"
    );
    let mut mine = Vec::new();
    let summary = import(&mut mine, TITLE, &json(TITLE, &n, EXPORTED)).expect("imported");
    assert_eq!(
        summary,
        ImportSummary {
            added: 10,
            updated: 0,
            skipped: 0
        }
    );
    assert_eq!(mine, n);
}

#[test]
fn names_and_quotes_are_as_notes_js_made_them() {
    assert_eq!(file_name(TITLE, "md"), "2024年某镇政府工作报告·审议意见.md");
    assert_eq!(
        file_name(TITLE, "json"),
        "2024年某镇政府工作报告·审议意见.json"
    );
    assert_eq!(date_label(2024, 5, 1), "2024年5月1日");
    assert_eq!(date_label(2025, 12, 31), "2025年12月31日");
    let n = notes();
    assert_eq!(
        quoted(&n[0]),
        "「新引进项目3个，总投资2亿元，其中工业项目2个、农业项目1个，……」"
    );
    assert_eq!(quoted(&n[1]), "「扎实推进各项工作」");
    assert_eq!(notes::DAMAGED_FILE_NAME, "意见原始数据.txt");
}

// --- Import ---------------------------------------------------------------------------------

#[test]
fn a_file_that_is_not_for_this_report_is_refused_in_chinese_and_changes_nothing() {
    let n = notes();
    let file = json(TITLE, &n[..2], EXPORTED);
    let cases: Vec<(String, ImportError, &str)> = vec![
        (
            "不是 JSON".into(),
            ImportError::NotJson,
            "导入失败：这不是意见的 JSON 文件（内容无法读取）。本机的意见没有改动。",
        ),
        (
            "".into(),
            ImportError::NotJson,
            "导入失败：这不是意见的 JSON 文件（内容无法读取）。本机的意见没有改动。",
        ),
        (
            "{}".into(),
            ImportError::NoNotes,
            "导入失败：文件里没有意见。本机的意见没有改动。",
        ),
        (
            "[]".into(),
            ImportError::NoNotes,
            "导入失败：文件里没有意见。本机的意见没有改动。",
        ),
        (
            "null".into(),
            ImportError::NoNotes,
            "导入失败：文件里没有意见。本机的意见没有改动。",
        ),
        (
            r#"{"version":2}"#.into(),
            ImportError::NoNotes,
            "导入失败：文件里没有意见。本机的意见没有改动。",
        ),
        (
            file.replace("\"version\": 1", "\"version\": 2"),
            ImportError::Version("2".into()),
            "导入失败：文件的格式版本是2，本程序只能读版本1。本机的意见没有改动。",
        ),
        (
            r#"{"notes":[]}"#.into(),
            ImportError::Version("undefined".into()),
            "导入失败：文件的格式版本是undefined，本程序只能读版本1。本机的意见没有改动。",
        ),
        (
            r#"{"version":"1","notes":[]}"#.into(),
            ImportError::Version("1".into()),
            "导入失败：文件的格式版本是1，本程序只能读版本1。本机的意见没有改动。",
        ),
        (
            r#"{"version":[2,null,3],"notes":[]}"#.into(),
            ImportError::Version("2,,3".into()),
            "导入失败：文件的格式版本是2,,3，本程序只能读版本1。本机的意见没有改动。",
        ),
        (
            r#"{"version":1.5,"notes":[]}"#.into(),
            ImportError::Version("1.5".into()),
            "导入失败：文件的格式版本是1.5，本程序只能读版本1。本机的意见没有改动。",
        ),
        (
            file.replace("2024年某镇", "2023年某镇"),
            ImportError::OtherReport("2023年某镇政府工作报告".into()),
            "导入失败：这是《2023年某镇政府工作报告》的意见，不是本报告的。本机的意见没有改动。",
        ),
        (
            r#"{"version":1,"notes":[]}"#.into(),
            ImportError::OtherReport("undefined".into()),
            "导入失败：这是《undefined》的意见，不是本报告的。本机的意见没有改动。",
        ),
    ];
    for (text, error, message) in cases {
        let mut mine = n[2..].to_vec();
        let before = mine.clone();
        let result = import(&mut mine, TITLE, &text);
        assert_eq!(result, Err(error.clone()), "{text}");
        assert_eq!(error.message(), message);
        assert_eq!(mine, before, "nothing changed");
    }
    assert_eq!(
        ImportError::TooLarge.message(),
        "这个文件太大（超过5MB），不是意见文件。"
    );
    assert_eq!(
        ImportError::Unreadable.message(),
        "导入失败：文件无法读取。"
    );
}

#[test]
fn an_import_merges_by_id_with_the_later_edit_winning_and_never_adds_a_note_twice() {
    let n = notes();
    let mut mine = vec![n[0].clone(), n[1].clone(), n[2].clone()];
    mine[1].updated = "2099-01-01T00:00:00.000Z".into(); // newer here: kept
    mine[2].updated = "2024-01-01T00:00:00.000Z".into(); // older here: replaced
    let mut copy = n[3].clone(); // same place and text under another id: not added
    copy.id = "another-id".into();
    let incoming = vec![
        n[0].clone(),
        n[1].clone(),
        n[2].clone(),
        copy.clone(),
        n[4].clone(),
        n[4].clone(),
    ];
    let summary = merge(&mut mine, incoming);
    assert_eq!(
        summary,
        ImportSummary {
            added: 2,
            updated: 1,
            skipped: 0
        }
    );
    assert_eq!(
        ids(&mine),
        [
            "lvnk40g0-a1b2c3",
            "lvnk5000-d4e5f6",
            "lvnk3000-g7h8i9",
            "another-id",
            "lvnk7000-m4n5o6"
        ]
    );
    assert_eq!(mine[1].updated, "2099-01-01T00:00:00.000Z");
    assert_eq!(mine[2], n[2]);
    assert_eq!(
        summary.message(),
        "已导入：新增2条，更新1条；重复的没有再加。"
    );

    // The same file again adds nothing.
    let file = json(TITLE, &mine, EXPORTED);
    let again = import(&mut mine, TITLE, &file).expect("imported");
    assert_eq!(again, ImportSummary::default());
    assert_eq!(
        again.message(),
        "已导入：新增0条，更新0条；重复的没有再加。"
    );

    // A note with the content of an existing one is not added, even under a new id.
    let mut dup = n[0].clone();
    dup.id = "new".into();
    dup.updated = "2099-12-31T00:00:00.000Z".into();
    assert_eq!(merge(&mut mine, vec![dup]).added, 0);
}

#[test]
fn invalid_notes_of_a_file_are_skipped_and_counted() {
    let n = notes();
    let file = json(TITLE, &n[..3], EXPORTED)
        .replace("\"id\": \"lvnk5000-d4e5f6\"", "\"id\": 5")
        .replace("\"paragraph\": 0", "\"paragraph\": -1");
    let mut mine = Vec::new();
    let summary = import(&mut mine, TITLE, &file).expect("imported");
    assert_eq!(
        summary,
        ImportSummary {
            added: 2,
            updated: 0,
            skipped: 1
        }
    );
    assert_eq!(
        summary.message(),
        "已导入：新增2条，更新0条，1条无法读取已跳过；重复的没有再加。"
    );
}

#[test]
fn a_file_is_read_as_the_browser_reads_it() {
    let n = notes();
    let text = json(TITLE, &n[..2], EXPORTED);
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(text.as_bytes());
    let mut mine = Vec::new();
    assert_eq!(
        import_file(&mut mine, TITLE, &with_bom).map(|s| s.added),
        Ok(2)
    );
    let mut broken = text.clone().into_bytes();
    broken.insert(broken.len() - 3, 0xFF); // inside the JSON, outside any string
    assert_eq!(
        import_file(&mut Vec::new(), TITLE, &broken),
        Err(ImportError::NotJson)
    );
    let big = vec![b' '; (notes::MAX_IMPORT_BYTES + 1) as usize];
    assert_eq!(
        import_file(&mut Vec::new(), TITLE, &big),
        Err(ImportError::TooLarge)
    );
    assert_eq!(notes::import::check_size(notes::MAX_IMPORT_BYTES), Ok(()));
}

// --- Writing, changing, deleting ------------------------------------------------------------

#[test]
fn a_note_is_written_changed_and_deleted() {
    let report = report();
    let anchors = Anchors::new(&report);
    let mut mine = Vec::new();

    let draft = anchors.draft("sec-1-1-1", 1, None).expect("a paragraph");
    assert_eq!(
        draft.quote,
        "新引进项目3个，总投资2亿元，其中工业项目2个、农业项目1个，"
    );
    assert!(draft.cut);
    assert_eq!(draft.heading, H111);
    let id = new_id(1_714_552_200_000, 123_456);
    assert_eq!(id, "lvnk40g0-002n9c");
    add(
        &mut mine,
        &draft,
        "  建议列出项目清单。\n并说明开工时间。 \n",
        id.clone(),
        "2024-05-01T08:30:00.000Z",
    )
    .expect("added");
    assert_eq!(
        mine[0],
        note(
            &id,
            "sec-1-1-1",
            1,
            &draft.quote,
            true,
            H111,
            "建议列出项目清单。\n并说明开工时间。",
            "2024-05-01T08:30:00.000Z",
            "2024-05-01T08:30:00.000Z"
        )
    );

    let selected = anchors
        .draft("sec-2", 0, Some(" 扎实推进 "))
        .expect("a paragraph");
    assert_eq!((selected.quote.as_str(), selected.cut), ("扎实推进", false));
    assert_eq!(
        add(&mut mine, &selected, " \n ", "b".into(), "t"),
        Err(EditError::Empty)
    );
    assert_eq!(
        add(&mut mine, &selected, "好", id.clone(), "t"),
        Err(EditError::DuplicateId)
    );
    assert_eq!(
        add(&mut mine, &selected, "好", String::new(), "t"),
        Err(EditError::Invalid)
    );
    let long = "字".repeat(notes::MAX_TEXT + 1);
    assert_eq!(
        add(&mut mine, &selected, &long, "b".into(), "t"),
        Err(EditError::TooLong)
    );
    assert_eq!(mine.len(), 1, "refused notes are not added");
    assert_eq!(EditError::Empty.message(), "请先写下意见，再按保存。");

    assert!(
        anchors.draft("sec-2", 1, None).is_none(),
        "an empty line has no 写意见"
    );
    assert!(anchors.draft("sec-9", 0, None).is_none());

    edit(&mut mine, &id, " 改过的意见 ", "2024-05-02T00:00:00.000Z").expect("changed");
    assert_eq!(
        (mine[0].text.as_str(), mine[0].updated.as_str()),
        ("改过的意见", "2024-05-02T00:00:00.000Z")
    );
    assert_eq!(mine[0].created, "2024-05-01T08:30:00.000Z");
    assert_eq!(edit(&mut mine, "nope", "x", "t"), Err(EditError::NotFound));
    assert_eq!(edit(&mut mine, &id, "", "t"), Err(EditError::Empty));

    assert!(!delete(&mut mine, "nope"));
    assert!(delete(&mut mine, &id));
    assert!(mine.is_empty());
    assert_eq!(to_stored(TITLE, &mine), Write::Remove);
}

#[test]
fn the_counts_in_words() {
    use notes::text;
    assert_eq!(text::opener_label(0), "我的意见");
    assert_eq!(text::opener_label(3), "我的意见（3）");
    assert_eq!(text::panel_title(3), "我的意见（3条）");
    assert_eq!(text::detached_title(2), "原文中找不到的意见（2条）");
    assert_eq!(
        text::copied(4),
        "已复制全部意见（4条），可以粘贴到消息或文档里。"
    );
    assert_eq!(
        text::panel_intro(TITLE),
        "《2024年某镇政府工作报告》的审议意见，只保存在这台设备的浏览器里。在正文段落下按“写意见”添加。"
    );
}

// --- Fuzz -----------------------------------------------------------------------------------

/// A small deterministic generator (a linear congruential one).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// `base` with one to four pieces of JSON (or of anything) inserted, or runs deleted.
fn mutate(base: &str, rng: &mut Rng) -> String {
    const PIECES: [&str; 28] = [
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\\",
        "0",
        "-1",
        "1.5",
        "1e400",
        "null",
        "true",
        "\\u",
        "\\ud83d",
        "\\udc00",
        "\"version\":2",
        "\"notes\":[]",
        "\"heading\":null",
        "\"cut\":\"x\"",
        "\"paragraph\":100000",
        "\"id\":\"\"",
        "😀",
        "\n",
        "\u{feff}",
        "\"report\":1",
        "\"version\":\"1\"",
    ];
    let mut chars: Vec<char> = base.chars().collect();
    for _ in 0..=rng.below(4) {
        if rng.below(2) == 0 && !chars.is_empty() {
            let at = rng.below(chars.len());
            let end = (at + 1 + rng.below(6)).min(chars.len());
            chars.drain(at..end);
        } else {
            let at = rng.below(chars.len() + 1);
            let piece = PIECES[rng.below(PIECES.len())];
            chars.splice(at..at, piece.chars());
        }
    }
    chars.into_iter().collect()
}

#[test]
fn fuzz_reading_stored_data_never_panics_and_never_loses_a_readable_note() {
    let n = notes();
    let base = set(to_stored(TITLE, &n));
    let mut rng = Rng(2024);
    let mut damaged = 0;
    for _ in 0..4000 {
        let raw = mutate(&base, &mut rng);
        let stored = read_stored(&raw);
        assert!(stored.notes.iter().all(Note::is_valid));
        damaged += usize::from(stored.damaged);
        match stored.rewrite(TITLE) {
            None => assert!(!stored.damaged),
            Some(Write::Remove) => assert!(stored.notes.is_empty()),
            Some(Write::Set(text)) => {
                let again = read_stored(&text);
                assert!(!again.damaged, "what is written back reads back: {text}");
                assert_eq!(again.notes, stored.notes);
            }
        }
    }
    assert!(
        damaged > 1000 && damaged < 4000,
        "the fuzz reaches both sides: {damaged}"
    );
}

#[test]
fn fuzz_importing_never_panics_and_changes_nothing_when_refused() {
    let n = notes();
    let file = json(TITLE, &n[2..8], EXPORTED);
    let mut rng = Rng(7);
    let mut merged = 0;
    for _ in 0..4000 {
        let text = mutate(&file, &mut rng);
        let mut mine = n[..5].to_vec();
        let before = mine.clone();
        match import(&mut mine, TITLE, &text) {
            Err(e) => {
                assert_eq!(mine, before);
                assert!(e.message().starts_with("导入失败："));
            }
            Ok(summary) => {
                merged += 1;
                assert_eq!(mine.len(), before.len() + summary.added);
                assert!(mine.iter().all(Note::is_valid));
                assert!(summary.message().starts_with("已导入："));
                // Everything merged is stored and read back whole.
                assert!(!read_stored(&set(to_stored(TITLE, &mine))).damaged);
            }
        }
    }
    assert!(merged > 100, "the fuzz reaches the merge: {merged}");
}
