//! The recogniser: finds figures in a text, reads their qualifiers, and attaches changes and
//! periods to them. What it accepts is documented on [`super::recognise`].

use super::numerals::{arabic_run_end, is_chinese_numeral, is_more, read_quantity};
use super::words::{
    is_sentence_end, longest_at, may_start_set_phrase, word_at, CHANGE_BASES, CHANGE_VERBS,
    NOT_AFTER, RANGE_SEPARATORS, SET_PHRASES, UNITS,
};
use super::{Change, Figure, Qualifier};

/// A figure before its change is attached, with where its basis or verb of change starts.
struct Found {
    figure: Figure,
    /// Byte offset where the written change ("同比增长") starts, for a change figure.
    change_start: Option<usize>,
}

pub(super) struct Recogniser<'t> {
    text: &'t str,
    chars: Vec<char>,
    /// Byte offset of every character, and `text.len()` at the end.
    offsets: Vec<usize>,
}

impl<'t> Recogniser<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        let (mut offsets, chars): (Vec<usize>, Vec<char>) = text.char_indices().unzip();
        offsets.push(text.len());
        Recogniser {
            text,
            chars,
            offsets,
        }
    }

    /// Byte offset of character index `i` (clamped to the end of the text).
    fn byte(&self, i: usize) -> usize {
        self.offsets.get(i).copied().unwrap_or(self.text.len())
    }

    fn slice(&self, from: usize, to: usize) -> &'t str {
        self.text.get(self.byte(from)..self.byte(to)).unwrap_or("")
    }

    pub(super) fn run(&self) -> Vec<Figure> {
        let mut found: Vec<Found> = Vec::new();
        // A period waiting for its figure: its text and where it ends (character index).
        let mut period: Option<(String, usize)> = None;
        let mut last_end = 0;
        let mut i = 0;
        while let Some(&c) = self.chars.get(i) {
            // Fast path: most characters can start nothing.
            let may_start =
                c.is_ascii_digit() || matches!(c, '数' | '几') || may_start_set_phrase(c);
            if !may_start {
                i += 1;
                continue;
            }
            if let Some((_, len)) = longest_at(&self.chars, i, SET_PHRASES) {
                i += len;
                continue;
            }
            if let Some(end) = self.period_at(i) {
                period = Some((self.slice(i, end).to_string(), end));
                i = end;
                continue;
            }
            if let Some((start, end, mut f)) = self.figure_at(i, last_end) {
                if let Some((p, p_end)) = period.take() {
                    let between = self.chars.get(p_end..start).unwrap_or(&[]);
                    if !between.iter().any(|c| is_sentence_end(*c)) {
                        f.figure.period = Some(p);
                    }
                }
                found.push(f);
                last_end = end;
                i = end;
                continue;
            }
            i = self.skip(i);
        }
        self.attach_changes(found)
    }

    /// Where to go on from `i` when nothing starts there: past the whole number, so that no
    /// figure starts in the middle of one.
    fn skip(&self, i: usize) -> usize {
        let chars = &self.chars;
        let end = match chars.get(i) {
            Some(c) if c.is_ascii_digit() => arabic_run_end(chars, i),
            Some(&c) if is_chinese_numeral(c) => {
                let mut j = i;
                while chars.get(j).copied().is_some_and(is_chinese_numeral) {
                    j += 1;
                }
                j
            }
            _ => i + 1,
        };
        end.max(i + 1)
    }

    /// A month range at `i` ("1-8月", "1月至8月"): where it ends.
    fn period_at(&self, i: usize) -> Option<usize> {
        let chars = &self.chars;
        let digits = |from: usize| {
            let mut j = from;
            while chars.get(j).is_some_and(char::is_ascii_digit) {
                j += 1;
            }
            (j > from && j - from <= 2).then_some(j)
        };
        if i > 0 && chars.get(i - 1).is_some_and(char::is_ascii_alphanumeric) {
            return None;
        }
        let mut j = digits(i)?;
        if chars.get(j) == Some(&'月') {
            j += 1;
        }
        if !chars.get(j).is_some_and(|c| RANGE_SEPARATORS.contains(c)) {
            return None;
        }
        j = digits(j + 1)?;
        if chars.get(j) != Some(&'月') {
            return None;
        }
        j += 1;
        if chars.get(j) == Some(&'份') {
            j += 1;
        }
        Some(j)
    }

    /// A figure starting with the number at `i` (its prefix qualifier may start before `i`, but
    /// not before `last_end`): its character range and the figure.
    fn figure_at(&self, i: usize, last_end: usize) -> Option<(usize, usize, Found)> {
        let chars = &self.chars;
        let first = *chars.get(i)?;
        let arabic = first.is_ascii_digit();
        let chinese_start = is_chinese_numeral(first)
            || (matches!(first, '数' | '几')
                && chars.get(i + 1).copied().is_some_and(is_chinese_numeral));
        if !arabic && !chinese_start {
            return None;
        }
        let before = i.checked_sub(1).and_then(|b| chars.get(b)).copied();
        if before == Some('第') || (arabic && before.is_some_and(|c| c.is_ascii_alphanumeric())) {
            return None;
        }
        let q = read_quantity(chars, i).ok()?;
        if let Some((from, to)) = q.chinese {
            let numeral = chars.get(from..to).unwrap_or(&[]);
            let lone_magnitude = matches!(numeral, ['百' | '千' | '万' | '亿']);
            let lone_one_or_two = matches!(numeral, ['一' | '二']);
            if lone_one_or_two || (lone_magnitude && !q.several && !q.more) {
                return None;
            }
        }
        if longest_at(chars, q.end, NOT_AFTER).is_some() {
            return None;
        }
        let (unit_written, unit_len) = longest_at(chars, q.end, UNITS)?;
        let end = q.end + unit_len;
        if unit_written == "位" && word_at(chars, end, "一体") {
            return None;
        }

        // Prefix qualifiers.
        let mut start = i;
        let mut about = false;
        let mut passed = false;
        if i > last_end && chars.get(i - 1) == Some(&'约') {
            about = true;
            start = i - 1;
        } else if i >= last_end + 2 && word_at(chars, i - 2, "突破") {
            passed = true;
            start = i - 2;
        }
        let qualifier = if q.several {
            Qualifier::Several
        } else if about && q.more {
            Qualifier::AboutMoreThan
        } else if about {
            Qualifier::About
        } else if passed {
            Qualifier::Passed
        } else if q.more {
            Qualifier::MoreThan
        } else {
            Qualifier::Exact
        };

        let (unit, written_unit) = match unit_written {
            "元" => {
                // The 万 of "1687万元" or "10万余元" belongs to the written unit.
                let mut k = q.end;
                if k > i && is_more(chars.get(k - 1)) {
                    k -= 1;
                }
                let magnitude = k
                    .checked_sub(1)
                    .and_then(|b| chars.get(b))
                    .filter(|c| matches!(c, '万' | '亿') && k > i);
                let written = magnitude.map_or("元".to_string(), |m| format!("{m}元"));
                ("元".to_string(), written)
            }
            "％" => ("%".to_string(), "％".to_string()),
            other => (other.to_string(), other.to_string()),
        };

        let (change, change_start) = if matches!(unit.as_str(), "%" | "百分点" | "个百分点")
        {
            match self.change_before(start) {
                Some((change, at)) => (Some(change), Some(self.byte(at))),
                None => (None, None),
            }
        } else {
            (None, None)
        };

        let figure = Figure {
            start: self.byte(start),
            end: self.byte(end),
            value: q.value,
            unit,
            written_unit,
            qualifier,
            change,
            period: None,
            changed_by: None,
        };
        Some((
            start,
            end,
            Found {
                figure,
                change_start,
            },
        ))
    }

    /// The change written right before character `at` ("同比增长", "下降了"), with the
    /// character index where it starts.
    fn change_before(&self, at: usize) -> Option<(Change, usize)> {
        let chars = &self.chars;
        let mut k = at;
        if k > 0 && chars.get(k - 1) == Some(&'了') {
            k -= 1;
        }
        let (verb, direction, verb_start) = CHANGE_VERBS.iter().find_map(|(verb, direction)| {
            let len = verb.chars().count();
            let from = k.checked_sub(len)?;
            word_at(chars, from, verb).then_some((*verb, *direction, from))
        })?;
        let basis = CHANGE_BASES.iter().find_map(|basis| {
            let from = verb_start.checked_sub(basis.chars().count())?;
            word_at(chars, from, basis).then_some((*basis, from))
        });
        let (basis, start) = basis.unwrap_or(("", verb_start));
        let change = Change {
            direction,
            basis: basis.to_string(),
            verb: verb.to_string(),
        };
        Some((change, start))
    }

    /// Sets `changed_by` of each figure that a change figure right after it qualifies.
    fn attach_changes(&self, found: Vec<Found>) -> Vec<Figure> {
        let starts: Vec<Option<usize>> = found.iter().map(|f| f.change_start).collect();
        let mut figures: Vec<Figure> = found.into_iter().map(|f| f.figure).collect();
        for k in 1..figures.len() {
            let Some(change_start) = starts.get(k).copied().flatten() else {
                continue;
            };
            let Some(previous) = figures.get(k - 1) else {
                continue;
            };
            if previous.change.is_some() || previous.changed_by.is_some() {
                continue;
            }
            let between = self.text.get(previous.end..change_start);
            if between.is_some_and(|b| b.chars().all(|c| matches!(c, '，' | '、' | ','))) {
                if let Some(previous) = figures.get_mut(k - 1) {
                    previous.changed_by = Some(k);
                }
            }
        }
        figures
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::figures::{recognise, Direction};

    // ---- recognise ----

    /// (written, value, unit, written unit, qualifier) of every figure.
    fn summary(text: &str) -> Vec<(String, String, String, String, Qualifier)> {
        recognise(text)
            .iter()
            .map(|f| {
                (
                    text.get(f.start..f.end).unwrap_or("?").to_string(),
                    f.value.to_string(),
                    f.unit.clone(),
                    f.written_unit.clone(),
                    f.qualifier,
                )
            })
            .collect()
    }

    use Qualifier::{About, AboutMoreThan, Exact, MoreThan, Passed, Several};

    /// A figure expected in a phrase: (written, value, unit, written unit, qualifier).
    type Expected = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Qualifier,
    );

    /// Realistic phrases and the figures in them: (written, value, unit, written unit,
    /// qualifier).
    const PHRASES: &[(&str, &[Expected])] = &[
        (
            "1-8月全镇完成财税收入1687万元，同比增长14.5%，各项工作平稳有序开展。",
            &[
                ("1687万元", "16870000", "元", "万元", Exact),
                ("14.5%", "14.5", "%", "%", Exact),
            ],
        ),
        (
            "已引进资溪县远诚竹制品有限公司1家工业企业，投资约2000万元；",
            &[
                ("1家", "1", "家", "家", Exact),
                ("约2000万元", "20000000", "元", "万元", About),
            ],
        ),
        (
            "预计投资金额3亿元。",
            &[("3亿元", "300000000", "元", "亿元", Exact)],
        ),
        (
            "共走访企业及项目30余次，帮助解决诉求难题10余个",
            &[
                ("30余次", "30", "次", "次", MoreThan),
                ("10余个", "10", "个", "个", MoreThan),
            ],
        ),
        (
            "号召41名乡贤企业家成立嵩市镇商会",
            &[("41名", "41", "名", "名", Exact)],
        ),
        (
            "劝阻沿街摊位占道经营约20余次",
            &[("约20余次", "20", "次", "次", AboutMoreThan)],
        ),
        (
            "共新建灌溉水渠、水沟、机耕道等2000余米，解决5个村小组共260亩农田灌溉",
            &[
                ("2000余米", "2000", "米", "米", MoreThan),
                ("5个", "5", "个", "个", Exact),
                ("260亩", "260", "亩", "亩", Exact),
            ],
        ),
        (
            "镇区1万余平方米的公共场所面积已纳入绿化养护；1055盏路灯已经进行编号",
            &[
                ("1万余平方米", "10000", "平方米", "平方米", MoreThan),
                ("1055盏", "1055", "盏", "盏", Exact),
            ],
        ),
        (
            "以及23户林农参与笋竹两用林建设经营，目前已经流转竹林6000余亩",
            &[
                ("23户", "23", "户", "户", Exact),
                ("6000余亩", "6000", "亩", "亩", MoreThan),
            ],
        ),
        (
            "完成耕地恢复图斑整改约20亩，耕地违法图斑整改约30亩，积极对抛荒地进行复耕，\
             今年水稻种植面积同比提升29.4%。",
            &[
                ("约20亩", "20", "亩", "亩", About),
                ("约30亩", "30", "亩", "亩", About),
                ("29.4%", "29.4", "%", "%", Exact),
            ],
        ),
        (
            "收到投稿百余条，网上浏览量突破3万人次，吸引了数百名游客前来打卡拍照。",
            &[
                ("百余条", "100", "条", "条", MoreThan),
                ("突破3万人次", "30000", "人次", "人次", Passed),
                ("数百名", "100", "名", "名", Several),
            ],
        ),
        (
            "共吸纳干部群众700余人次参与各类文体活动",
            &[("700余人次", "700", "人次", "人次", MoreThan)],
        ),
        (
            "发放低保金15.3万元。累计发放补贴约2万元，发放各类补助资金29万元。",
            &[
                ("15.3万元", "153000", "元", "万元", Exact),
                ("约2万元", "20000", "元", "万元", About),
                ("29万元", "290000", "元", "万元", Exact),
            ],
        ),
        (
            "共排查重点人员21户，新增监测对象8户27人。",
            &[
                ("21户", "21", "户", "户", Exact),
                ("8户", "8", "户", "户", Exact),
                ("27人", "27", "人", "人", Exact),
            ],
        ),
        (
            "推动胡关、云际、桥湾三个联建村各类资源要素汇聚",
            &[("三个", "3", "个", "个", Exact)],
        ),
        (
            "将具有履职能力的350余位党员全方位覆盖全体农户",
            &[("350余位", "350", "位", "位", MoreThan)],
        ),
        (
            "两千人参加，十余万元资金，三十多个村，数十万元投入",
            &[
                ("两千人", "2000", "人", "人", Exact),
                ("十余万元", "100000", "元", "万元", MoreThan),
                ("三十多个", "30", "个", "个", MoreThan),
                ("数十万元", "100000", "元", "万元", Several),
            ],
        ),
        (
            "5千米道路，3千万元，2.5平方公里，10余万元，1,687万元",
            &[
                ("5千米", "5", "千米", "千米", Exact),
                ("3千万元", "30000000", "元", "万元", Exact),
                ("2.5平方公里", "2.5", "平方公里", "平方公里", Exact),
                ("10余万元", "100000", "元", "万元", MoreThan),
                ("1,687万元", "16870000", "元", "万元", Exact),
            ],
        ),
        (
            "占比30%，同比提高2个百分点，下降了3％",
            &[
                ("30%", "30", "%", "%", Exact),
                ("2个百分点", "2", "个百分点", "个百分点", Exact),
                ("3％", "3", "%", "％", Exact),
            ],
        ),
        (
            "约数百名群众，约三个村",
            &[
                ("约数百名", "100", "名", "名", Several),
                ("约三个", "3", "个", "个", About),
            ],
        ),
    ];

    #[test]
    fn recognises_realistic_phrases() {
        for (text, expected) in PHRASES {
            let expected: Vec<_> = expected
                .iter()
                .map(|(w, v, u, wu, q)| {
                    (
                        w.to_string(),
                        v.to_string(),
                        u.to_string(),
                        wu.to_string(),
                        *q,
                    )
                })
                .collect();
            assert_eq!(summary(text), expected, "in {text}");
        }
    }

    #[test]
    fn not_figures() {
        let phrases = [
            "党的二十大和二十届二中、三中全会精神",
            "实现“十四五”规划目标任务",
            "深化“一把手招商”工作机制",
            "贯彻落实“六位一体”长效管护机制",
            "重点对“六小场所”开展检查",
            "实现全镇水域“一杆一圈一绳”全覆盖",
            "巩固“两不愁三保障”成果",
            "鼓励村集体与两山公司合作",
            "挂牌成立“出云峰三联三共工作站”",
            "成功举办首届摄影视频大赛",
            "聘请第三方公司进行日常管护",
            "一是抓项目，二是抓招商，三是抓民生。",
            "预计10月初投产",
            "自今年5月竣工以来",
            "2024年是中华人民共和国成立75周年",
            "1-8月",
            "1—8月，1至8月，1月至8月，1-8月份",
            "照亮了村民回家的“最后一米路”",
            "第3批，第三个，第1名",
            "千家万户，万人空巷，千米，百家",
            "一次性补贴，一条龙服务，一户一档，二次供水",
            "3个月，10余年，2023年12月31日，10时30分，第二季度",
            "G320国道，COVID-19",
            "投资万元以上，三位一体",
            "1687万，14.5，约2000",
            "两个维护，四个意识，三个代表",
        ];
        for text in phrases {
            assert_eq!(summary(text), vec![], "in {text}");
        }
    }

    #[test]
    fn a_change_attaches_to_the_figure_right_before_it() {
        let figures =
            recognise("1-8月全镇完成财税收入1687万元，同比增长14.5%，各项工作平稳有序开展。");
        assert_eq!(figures.len(), 2);
        assert_eq!(figures[0].changed_by, Some(1));
        assert_eq!(figures[0].period.as_deref(), Some("1-8月"));
        assert_eq!(figures[0].change, None);
        assert_eq!(
            figures[1].change,
            Some(Change {
                direction: Direction::Up,
                basis: "同比".into(),
                verb: "增长".into(),
            })
        );
        assert_eq!(figures[1].changed_by, None);
        assert_eq!(figures[1].period, None);
    }

    #[test]
    fn a_distant_change_stands_alone() {
        let figures = recognise(
            "耕地违法图斑整改约30亩，积极对抛荒地进行复耕，今年水稻种植面积同比提升29.4%。",
        );
        assert_eq!(figures.len(), 2);
        assert_eq!(figures[0].changed_by, None);
        let change = figures[1]
            .change
            .as_ref()
            .map(|c| (c.direction, c.basis.as_str(), c.verb.as_str()));
        assert_eq!(change, Some((Direction::Up, "同比", "提升")));
    }

    /// A change as (direction, basis, verb).
    type ChangeReading = Option<(Direction, &'static str, &'static str)>;

    #[test]
    fn changes_read_direction_basis_and_verb() {
        let table: &[(&str, ChangeReading)] = &[
            ("同比增长14.5%", Some((Direction::Up, "同比", "增长"))),
            ("同比提升29.4%", Some((Direction::Up, "同比", "提升"))),
            ("环比上升2%", Some((Direction::Up, "环比", "上升"))),
            ("提高3.5个百分点", Some((Direction::Up, "", "提高"))),
            ("增加了12%", Some((Direction::Up, "", "增加"))),
            ("下降3%", Some((Direction::Down, "", "下降"))),
            ("同比减少约5%", Some((Direction::Down, "同比", "减少"))),
            ("降低1.2个百分点", Some((Direction::Down, "", "降低"))),
            ("覆盖率达95%", None),
            ("增长300万元", None),
        ];
        for (text, expected) in table {
            let figures = recognise(text);
            assert_eq!(figures.len(), 1, "{text}");
            let change = figures[0]
                .change
                .as_ref()
                .map(|c| (c.direction, c.basis.as_str(), c.verb.as_str()));
            assert_eq!(change, *expected, "{text}");
        }
    }

    #[test]
    fn a_change_attaches_across_a_comma_or_enumeration_mark_only() {
        let attached = |text: &str| {
            let figures = recognise(text);
            assert_eq!(figures.len(), 2, "{text}");
            figures[0].changed_by
        };
        assert_eq!(attached("收入1687万元，同比增长14.5%"), Some(1));
        assert_eq!(attached("收入1687万元、下降3%"), Some(1));
        assert_eq!(attached("收入1687万元增长14.5%"), Some(1));
        assert_eq!(attached("收入1687万元，比去年增长14.5%"), None);
        assert_eq!(attached("收入1687万元。同比增长14.5%"), None);
        // A change does not qualify another change.
        assert_eq!(attached("同比增长5%，同比增长14.5%"), None);
    }

    #[test]
    fn periods_qualify_the_first_figure_in_their_sentence() {
        for period in ["1-8月", "1—8月", "1至8月", "1月至8月", "1-8月份"] {
            let text = format!("{period}全镇完成财税收入1687万元，新增企业3家。");
            let figures = recognise(&text);
            assert_eq!(figures.len(), 2, "{text}");
            assert_eq!(figures[0].period.as_deref(), Some(period), "{text}");
            assert_eq!(figures[1].period, None, "{text}");
        }
        let figures = recognise("1-8月工作平稳。全镇完成财税收入1687万元。");
        assert_eq!(figures.len(), 1);
        assert_eq!(figures[0].period, None);
    }

    #[test]
    fn ranges_are_byte_ranges_on_char_boundaries() {
        let text = "约2000万元";
        let figures = recognise(text);
        assert_eq!((figures[0].start, figures[0].end), (0, text.len()));
        let text = "新增监测对象8户27人";
        let figures = recognise(text);
        assert_eq!(&text[figures[0].start..figures[0].end], "8户");
        assert_eq!(&text[figures[1].start..figures[1].end], "27人");
    }

    #[test]
    fn overflow_skips_the_figure() {
        let text = "投资99999999999999999999999万元，新增3家";
        assert_eq!(
            summary(text),
            vec![(
                "3家".to_string(),
                "3".to_string(),
                "家".to_string(),
                "家".to_string(),
                Exact
            )]
        );
        assert!(recognise("18446744073709551615亿元").is_empty());
        assert!(recognise("九千九百九十九万亿亿亿元").is_empty());
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "约",
            "突破",
            "数",
            "余",
            "%",
            "1",
            "1.",
            ".5%",
            "1,",
            "1,000,",
            "-1-8月",
            "1-",
            "1-8",
            "1月至",
            "第",
            "约约约3个",
            "突破突破3个",
            "同比增长",
            "了5%",
            "数数百名",
            "零零零个",
            "亿亿亿亿个",
            "万万万人",
            "\u{0}3个\u{10FFFF}",
        ] {
            let figures = recognise(text);
            check_ranges(text, &figures);
        }
    }

    fn check_ranges(text: &str, figures: &[Figure]) {
        let mut last = 0;
        for (k, f) in figures.iter().enumerate() {
            assert!(f.start < f.end, "{text}: {f:?}");
            assert!(
                f.start >= last,
                "{text}: overlapping or out of order at {k}"
            );
            assert!(
                text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
                "{text}: {f:?}"
            );
            assert!(f.end <= text.len());
            if let Some(by) = f.changed_by {
                assert!(by > k && by < figures.len(), "{text}: {f:?}");
                assert!(figures[by].change.is_some());
            }
            last = f.end;
        }
    }

    /// The cleaned text of the real report.
    fn report_text() -> String {
        match crate::data::report() {
            Ok(report) => report.shown_text(),
            Err(e) => panic!("the embedded report parses: {e}"),
        }
    }

    #[test]
    fn no_window_of_the_real_report_panics() {
        // Every window of up to 40 characters, and every prefix and suffix: the windows cut
        // numbers, units, qualifiers and periods at every possible place.
        let text = report_text();
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        for (s, &start) in bounds.iter().enumerate() {
            for &end in bounds.iter().skip(s + 1).take(40) {
                let window = &text[start..end];
                check_ranges(window, &recognise(window));
            }
            let suffix = &text[start..];
            check_ranges(suffix, &recognise(suffix));
            let prefix = &text[..start];
            check_ranges(prefix, &recognise(prefix));
        }
    }

    #[test]
    fn each_figure_of_the_real_report_reads_the_same_on_its_own() {
        let text = report_text();
        let figures = recognise(&text);
        assert!(!figures.is_empty());
        for f in &figures {
            let written = &text[f.start..f.end];
            let alone = recognise(written);
            assert_eq!(alone.len(), 1, "{written}");
            assert_eq!(
                (alone[0].value, &alone[0].unit, alone[0].qualifier),
                (f.value, &f.unit, f.qualifier),
                "{written}"
            );
            assert_eq!((alone[0].start, alone[0].end), (0, written.len()));
        }
    }
}
