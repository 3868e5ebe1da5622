//! What each figure measures: the indicator its clause names ([`crate::indicators`]) and the
//! label a card may carry. Decided where the figures are found (the build, the importer, the
//! reading worker); the report file carries the indicator of each figure and the label of each
//! card, so the page never reads the text again.
//!
//! The rules, in the order they are tried for a figure:
//!
//! 1. **A change that qualifies the figure before it** ("1.3万亿元，增长5.2%") measures what
//!    that figure measures, and gets no card of its own (it is on that figure's card).
//! 2. **Lists with 分别**: in `A、B分别增长x、y` (also `A和B…`, `A与B…`, values joined by
//!    、 和 与 及; also without 分别 when a list of values follows a list of items:
//!    `原煤、原油产量达到x、y`) the k-th value belongs to the k-th item. The items are the words
//!    before 分别 (or before the first value) in its clause, without the verbs that close them,
//!    split at 、, else also at 和 / 与 / 及, and used only when there are as many items as
//!    values: a list longer or shorter than its values gets no indicator and no label, never a
//!    guess; so do old values (`分别从50%、75%提高至…`), shares of something else (`分别完成年
//!    计划的…`) and a subject that states numbers itself. A short first item (five characters
//!    at most) shares the end of the last one where that makes an indicator (`城镇、农村居民人均
//!    可支配收入` → 城镇居民人均可支配收入) or ends in a common head noun (`家电、新能源汽车零售额`
//!    → 家电零售额, see [`SHARED_HEADS`]). A 分别 with no items of its own takes those of the
//!    list or the run of values before it in its sentence (`…分别为x、y，分别增长a、b`;
//!    `签约金额x、到位资金y，分别增长a、b`), only for changes (%, 百分点, 倍): `累计分别达到…` or
//!    `分别提升6位` measure something else.
//! 3. **The words before the figure in its clause** (from the clause's start or the figure
//!    before it, whichever is later): the indicator written there when it is the whole subject —
//!    only period, place and verb words before it, only link words after it — and the figure's
//!    unit fits ([`crate::indicators::Indicators::named_in`]): so a share (`占地区生产总值比重`),
//!    a part (`对东盟出口`) or a fraction of a target is not the indicator. When those words
//!    only say how it changed ("，同比增长"), the figure measures what the figure before it in
//!    its sentence measures, or the indicator that opens the clause before it.
//! 4. **Not measures at all** (no indicator, no label, so no card; the figure stays marked in
//!    the text): ordinals of meetings or visits (`五次、六次全会`, `总书记两次`), numbers
//!    inside a title or a quotation (`《…十条措施》`), and counts of a report's own structure
//!    (`以下十个方面`).
//!
//! A label is the indicator's name, else a short noun phrase taken whole from the clause
//! ([`noun_phrase`]); a figure with neither gets no card.

use super::figures::meaning::{clause_start, sentence_end, sentence_start};
use super::figures::Figure;
use super::indicators::{Indicator, Indicators};

/// What one figure measures.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Measure {
    /// The indicator's name ("地区生产总值"), where the text names one.
    pub indicator: Option<String>,
    /// What its card is called; `None`: it gets no card.
    pub label: Option<String>,
}

impl Measure {
    /// A figure of `indicator`, labelled by its name.
    fn of(indicator: &Indicator) -> Measure {
        Measure {
            indicator: Some(indicator.name.clone()),
            label: Some(indicator.name.clone()),
        }
    }
}

/// Head nouns a list's items may share with its last item: `家电、新能源汽车零售额` names
/// 家电零售额. Longest first.
pub const SHARED_HEADS: &[&str] = &[
    "可支配收入",
    "抽检合格率",
    "住院报销比例",
    "报销比例",
    "合格率",
    "覆盖率",
    "达标率",
    "满意率",
    "机场旅客吞吐量",
    "吞吐量",
    "零售额",
    "增加值",
    "营业收入",
    "营收",
    "出口额",
    "进口额",
    "交易额",
    "交易规模",
    "出口",
    "进口",
    "贷款",
    "投资",
    "产量",
    "收入",
    "人数",
    "人次",
    "规模",
    "总额",
    "比例",
    "比重",
];

/// Units of a change, a share or a rate: the only values that may take items stated before
/// them in their sentence.
const CHANGE_UNITS: [&str; 3] = ["%", "百分点", "倍"];

/// Words that only say how a figure changed or link it to its subject; a clause of these
/// alone names nothing.
const LINK_WORDS: &[&str] = &[
    "同比",
    "环比",
    "比上年",
    "较上年",
    "同口径",
    "年均",
    "平均",
    "分别",
    "增长",
    "增加",
    "提高",
    "提升",
    "上升",
    "上涨",
    "下降",
    "减少",
    "降低",
    "回落",
    "达到",
    "保持在",
    "控制在",
    "稳定在",
    "继续",
    "保持",
    "稳定",
    "连续",
    "突破",
    "超过",
    "完成",
    "实现",
    "总计",
    "累计",
    "迈上",
    "跃上",
    "站上",
    "首次",
    "预期目标",
    "目标",
    "设定",
    "了",
    "达",
    "为",
    "至",
    "到",
    "均",
    "也",
    "和",
    "约",
    "在",
];

/// Words that close a label without naming anything: stripped from its end.
const TRAILING: &[&str] = &[
    "分别达到",
    "分别达",
    "分别为",
    "分别",
    "年均",
    "连跨",
    "迈上",
    "跃上",
    "跻身",
    "总数达",
    "总量达",
    "达到",
    "达",
    "增长",
    "增加",
    "提高到",
    "提高至",
    "提高",
    "提升",
    "下降",
    "减少",
    "降低",
    "突破",
    "超过",
    "超",
    "逾",
    "为",
    "至",
    "到",
    "同比",
    "比上年",
    "较上年",
    "共",
    "累计",
    "完成",
    "实现",
    "保持在",
    "控制在",
    "稳定在",
    "均",
];

/// Words that open a clause without naming what a figure counts: periods, places, verbs.
const OPENERS: &[&str] = &[
    "截至目前",
    "今年以来",
    "今年来",
    "目前",
    "今年",
    "全年",
    "去年",
    "累计完成",
    "累计",
    "共计",
    "全镇",
    "全乡",
    "全县",
    "全区",
    "全市",
    "全州",
    "全省",
    "全疆",
    "全自治区",
    "全国",
    "我镇",
    "我县",
    "我区",
    "我市",
    "我省",
    "力争",
    "争取",
    "确保",
    "预计",
    "计划",
    "拟",
    "完成",
    "实现",
    "达到",
    "达",
    "共有",
    "共",
    "已经",
    "已",
    "为",
    "有",
    "约",
    "突破",
    "超过",
    "其中",
    "同时",
    "并",
    "和",
    "及",
];

/// A label may not start with one of these: it is the tail of a phrase ("的村", "在县").
const NOT_A_START: &str = "的在和与及等或是时后了对把将从由向以按占并且也还均都之其率";

/// A label that is only one of these says nothing about what is counted.
const GENERIC: &[&str] = &[
    "总数", "总量", "数量", "规模", "比例", "比重", "占比", "人数", "个数", "总额", "数据", "项目",
];

/// Verbs that, alone, do not say what a figure counts ("新增百余户").
const BARE_VERBS: &[&str] = &[
    "新增", "新建", "建成", "引进", "改造", "实施", "开展", "培育", "打造", "建设", "落实", "帮助",
    "带动", "吸纳", "解决", "发放", "办理", "参保", "举办", "组织", "推动", "支持", "减少", "增加",
    "提高", "下降", "增长", "达到", "超过", "惠及", "覆盖", "服务", "接待", "签约", "开工", "竣工",
];

/// Verbs where a long clause's own noun phrase starts: a long label keeps its last one and
/// what follows.
const SPLIT_VERBS: &[&str] = &[
    "推介", "入驻", "实施", "建设", "完成", "新增", "开工", "改造", "引进", "培育", "建成", "落地",
    "签约", "打造", "发放", "新建", "认定", "获批", "培训", "救助", "吸引", "带动",
];

/// The longest label, in characters.
const LONGEST_LABEL: usize = 12;

/// What each of `figures` (recognised in `text`, in order) measures, by the rules of the
/// module documentation.
pub fn measures(text: &str, figures: &[Figure]) -> Vec<Measure> {
    measures_with(Indicators::builtin(), text, figures)
}

/// [`measures`] with another table of indicators.
pub fn measures_with(table: &Indicators, text: &str, figures: &[Figure]) -> Vec<Measure> {
    let groups = list_groups(text, figures);
    let mut out: Vec<Measure> = Vec::with_capacity(figures.len());
    let mut previous_items: Vec<(usize, Vec<String>)> = Vec::new();
    for (k, figure) in figures.iter().enumerate() {
        // 1. A change qualifying the figure before it.
        if let Some(j) = figures[..k].iter().position(|f| f.changed_by == Some(k)) {
            let indicator = out[j].indicator.clone();
            out.push(Measure {
                indicator,
                label: None,
            });
            continue;
        }
        if not_a_measure(text, figures, k) {
            out.push(Measure::default());
            continue;
        }
        // 2. Lists with 分别.
        if let Some((first, at)) = groups[k] {
            let n = groups
                .iter()
                .filter(|g| g.is_some_and(|(f, _)| f == first))
                .count();
            let items = items_of(text, figures, first, n, &previous_items);
            if let Some(items) = &items {
                if at == 0 {
                    previous_items.push((sentence_start(text, figure.start), items.clone()));
                }
            }
            out.push(match items {
                Some(items) => item_measure(table, &items, at, &figure.unit),
                None => run_before(text, figures, first, n)
                    .filter(|_| CHANGE_UNITS.contains(&figure.unit.as_str()))
                    .map_or_else(Measure::default, |j| out[j + at].clone()),
            });
            continue;
        }
        // 3. The words before it in its clause.
        let from = words_from(text, figures, k);
        let words = &text[from..figure.start];
        let named = indicator_in(table, words, &figure.unit);
        let measure = match named {
            Some(indicator) => Measure::of(indicator),
            None if k > 0
                && only_links(&strip_openers(words))
                && same_sentence(text, figures[k - 1].end, from)
                && fits_previous(table, &out[k - 1], &figures[k - 1], figure) =>
            {
                out[k - 1].clone()
            }
            None => match subject_before(table, text, from, &figure.unit)
                .filter(|_| only_links(&strip_openers(words)))
            {
                Some(indicator) => Measure::of(indicator),
                None => Measure {
                    indicator: None,
                    label: noun_phrase(text, figure.start, figure.end, from)
                        .filter(|label| !names_what_does_not_fit(table, label, &figure.unit)),
                },
            },
        };
        out.push(measure);
    }
    out
}

/// Where the words of figure `k` start: its clause's start, or the end of the figure before it
/// when that is later.
fn words_from(text: &str, figures: &[Figure], k: usize) -> usize {
    let start = figures[k].start;
    let previous_end = k.checked_sub(1).map_or(0, |j| figures[j].end.min(start));
    clause_start(text, start).max(previous_end)
}

/// Whether figure `b` follows figure `a` in a list of values ("5%、6%", "5%和6%").
pub(crate) fn listed_with(text: &str, a: &Figure, b: &Figure) -> bool {
    matches!(
        text.get(a.end..b.start),
        Some("、" | "和" | "与" | "及" | "以及")
    )
}

/// The indicator `words` name last, when it is the whole subject of the figure: only period,
/// place and verb words before it (全省, 2024年, 实现), only link words after it (增长, 平均为),
/// and the figure's unit fits it. So a share (`占地区生产总值比重`), a part (`对东盟出口`,
/// `租赁和商务服务业增加值`), a fraction of a target (`完成年度目标的`) and another thing
/// (`高新技术企业贷款`) are not the indicator.
fn indicator_in<'a>(table: &'a Indicators, words: &str, unit: &str) -> Option<&'a Indicator> {
    let named = table.named_in(words)?;
    let whole = opens(words, named.start) && only_links(&words[named.end..]);
    (whole && named.indicator.fits(unit)).then_some(named.indicator)
}

/// Whether only period, place and verb words stand before byte `at` of `words`.
fn opens(words: &str, at: usize) -> bool {
    let before = words[..at].trim_matches(|c: char| "，,、；;：: 　和及与".contains(c));
    strip_openers(before).is_empty()
}

/// The indicator that opens the clause before the figure at `start`, in the same sentence
/// ("全省地区生产总值连跨4个千亿台阶，2024年达到1.3万亿元" → 地区生产总值 for 1.3万亿元), when its
/// unit fits.
fn subject_before<'a>(
    table: &'a Indicators,
    text: &str,
    from: usize,
    unit: &str,
) -> Option<&'a Indicator> {
    let head = &text[..from];
    let end = head.trim_end_matches(['，', ',']).len();
    if end == head.len() {
        return None;
    }
    let start = clause_start(text, end);
    if start < sentence_start(text, from) {
        return None;
    }
    let clause = &text[start..end];
    // The clause's subject: its words up to its first digit.
    let subject_end = clause
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(clause.len());
    let subject = &clause[..subject_end];
    let named = table.named_in(subject)?;
    (opens(subject, named.start) && named.indicator.fits(unit)).then_some(named.indicator)
}

/// The figures that stand in a list after 分别: for each figure, the list's first figure and
/// its place in the list.
fn list_groups(text: &str, figures: &[Figure]) -> Vec<Option<(usize, usize)>> {
    let mut groups = vec![None; figures.len()];
    let mut k = 0;
    while k < figures.len() {
        let words = &text[words_from(text, figures, k)..figures[k].start];
        let mut j = k + 1;
        while j < figures.len() && listed_with(text, &figures[j - 1], &figures[j]) {
            j += 1;
        }
        // 分别, or a list of values after a list of items without it ("原煤、原油、天然气产量
        // 达到6640.8万吨、1253.6万吨、9.1亿立方米").
        let listed = words.contains("分别") || (j > k + 1 && words.contains('、'));
        if !listed {
            k += 1;
            continue;
        }
        for (at, i) in (k..j).enumerate() {
            groups[i] = Some((k, at));
        }
        k = j;
    }
    groups
}

/// The items of the list whose values are the `n` figures from `first`: the words before 分别
/// (or before the first value) in its clause, without the verbs that close them (达到, 增长),
/// split to as many items as values; else the items of the list before it in the same sentence
/// when this one has none of its own.
fn items_of(
    text: &str,
    figures: &[Figure],
    first: usize,
    n: usize,
    previous: &[(usize, Vec<String>)],
) -> Option<Vec<String>> {
    let start = figures[first].start;
    let clause = clause_start(text, start);
    let at = text[clause..start]
        .rfind("分别")
        .map_or(start, |i| clause + i);
    // Values that are not the items' own: old values (分别从50%、75%提高至…), shares of
    // something else (分别完成年计划的113.4%、…).
    let verb = &text[at..start];
    if verb.contains(['从', '由']) || verb.ends_with('的') {
        return None;
    }
    let subject = strip_openers(&text[clause_start(text, at)..at]);
    let subject = strip_suffixes(&subject, TRAILING);
    // A subject that states a number itself is no list of names ("均新增2家、授权点").
    if subject.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if subject.is_empty() {
        // Items reused from before in the sentence only for changes of them ("…，分别增长
        // 9%、7%"): "累计分别达到1522家、103家" or "分别提升6位、49位" are other measures.
        if !CHANGE_UNITS.contains(&figures[first].unit.as_str()) {
            return None;
        }
        let sentence = sentence_start(text, start);
        return previous
            .iter()
            .rev()
            .find(|(s, items)| *s == sentence && items.len() == n)
            .map(|(_, items)| items.clone());
    }
    let by_comma: Vec<String> = subject.split('、').map(String::from).collect();
    if by_comma.len() == n {
        return Some(by_comma);
    }
    let finer: Vec<String> = by_comma
        .iter()
        .flat_map(|piece| {
            piece
                .split(['和', '与', '及'])
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect();
    (finer.len() == n && finer.iter().all(|i| !i.is_empty())).then_some(finer)
}

/// The measure of item `at` of a list's `items`.
fn item_measure(table: &Indicators, items: &[String], at: usize, unit: &str) -> Measure {
    let item = items[at].trim();
    let last = items.last().map_or("", |s| s.trim());
    let completed = complete_item(table, item, last);
    match indicator_in(table, &completed, unit) {
        Some(indicator) => Measure::of(indicator),
        None => Measure {
            indicator: None,
            label: usable_label(&completed),
        },
    }
}

/// For a list after 分别 with no items of its own, whose values follow a run of as many figures
/// in its sentence ("签约金额1.15万亿元、到位资金7969.9亿元，分别增长13.1%、33.7%"): the first
/// figure of that run, whose figures' measures are the items'.
fn run_before(text: &str, figures: &[Figure], first: usize, n: usize) -> Option<usize> {
    let start = first.checked_sub(n)?;
    let joined = (start + 1..first).all(|j| {
        let between = &text[figures[j - 1].end..figures[j].start];
        !between.contains(['。', '；', '，', '\n']) && between.chars().count() <= 12
    });
    let lead = &text[figures[first - 1].end..figures[first].start];
    let only_link = lead.starts_with(['，', ',']) && only_links(lead);
    (joined && only_link).then_some(start)
}

/// A short item completed by the end of the list's last item, where that names an indicator
/// or a shared head noun; else the item as written.
fn complete_item(table: &Indicators, item: &str, last: &str) -> String {
    if item == last || item.chars().count() > 5 {
        return item.to_string();
    }
    // The longest end of the last item that makes an indicator's way of writing.
    let starts: Vec<usize> = last.char_indices().map(|(i, _)| i).skip(1).collect();
    for &s in &starts {
        let candidate = format!("{item}{}", &last[s..]);
        if table.written_as(&candidate).is_some() {
            return candidate;
        }
    }
    // An item that ends like a noun of its own ("事故起数") needs nothing.
    if item.ends_with(|c: char| "数率量额值比重例入资款".contains(c)) {
        return item.to_string();
    }
    SHARED_HEADS
        .iter()
        .find(|h| last.ends_with(*h) && !item.contains(*h))
        .map_or_else(|| item.to_string(), |h| format!("{item}{h}"))
}

/// Ordinals of meetings and visits, numbers in a title or quotation, counts of the report's
/// own structure.
fn not_a_measure(text: &str, figures: &[Figure], k: usize) -> bool {
    let figure = &figures[k];
    let sentence = &text[sentence_start(text, figure.start)..sentence_end(text, figure.end)];
    // The text after the run of figures joined by 、 that this one starts or belongs to.
    let mut last = k;
    while last + 1 < figures.len()
        && text.get(figures[last].end..figures[last + 1].start) == Some("、")
    {
        last += 1;
    }
    let after: String = text[figures[last].end..].chars().take(6).collect();
    let before = &text[sentence_start(text, figure.start)..figure.start];
    let clause = &text[clause_start(text, figure.start)..figure.start];
    let meetings = ["全会", "会议", "全体会议", "党代会", "常委会"];
    if figure.unit == "次"
        && (meetings
            .iter()
            .any(|w| after.starts_with(w) || clause.contains(w))
            || [
                "总书记",
                "视察",
                "考察",
                "批示",
                "指示",
                "讲话",
                "会见",
                "回信",
            ]
            .iter()
            .any(|w| sentence.contains(w)))
    {
        return true;
    }
    let open = |o: char, c: char| before.matches(o).count() > before.matches(c).count();
    if open('《', '》') || open('“', '”') || open('「', '」') {
        return true;
    }
    ["方面", "个方面", "大方面"]
        .iter()
        .any(|w| after.starts_with(w))
        || ["以下", "如下", "下列"].iter().any(|w| before.ends_with(w))
}

/// Whether `label` names an indicator the figure's unit does not fit ("地区生产总值" for the
/// 4个 of "地区生产总值连跨4个千亿台阶"): such a label would say what the figure is not.
fn names_what_does_not_fit(table: &Indicators, label: &str, unit: &str) -> bool {
    table
        .named_in(label)
        .is_some_and(|named| opens(label, named.start) && !named.indicator.fits(unit))
}

/// Whether a figure whose clause only says how it changed can measure what the figure before
/// it measures: the same unit, or a change of that figure's indicator.
fn fits_previous(
    table: &Indicators,
    measure: &Measure,
    previous: &Figure,
    figure: &Figure,
) -> bool {
    match measure
        .indicator
        .as_deref()
        .and_then(|name| table.get(name))
    {
        Some(indicator) => indicator.fits(&figure.unit),
        None => previous.unit == figure.unit,
    }
}

/// Whether `words` only say how a figure changed or link it to its subject.
fn only_links(words: &str) -> bool {
    let mut rest = words;
    while let Some(c) = rest.chars().next() {
        let link = LINK_WORDS
            .iter()
            .filter(|w| rest.starts_with(**w))
            .map(|w| w.len())
            .max();
        rest = match link {
            Some(len) => &rest[len..],
            None if "，,、 　".contains(c) => &rest[c.len_utf8()..],
            None => return false,
        };
    }
    true
}

fn same_sentence(text: &str, from: usize, to: usize) -> bool {
    text.get(from.min(to)..to)
        .is_some_and(|between| !between.contains(['。', '！', '？', '\n', '；']))
}

/// A card's label for the figure at `start..end` of `text` that names no indicator: a short
/// noun phrase taken whole from the words before it in its clause (from `from` on), without
/// the period, place and verb words that open it and the link words that close it; when two
/// characters or fewer are left (a lone verb: 引进), the words after it complete it
/// (`引进1家工业企业` → 引进工业企业). `None` when what is left starts like the tail of a
/// phrase (的, 在, …), is only a generic word (总数, 比例), is shorter than two characters, or
/// is longer than twelve even after the last 的 — a cut clause is no label.
pub fn noun_phrase(text: &str, start: usize, end: usize, from: usize) -> Option<String> {
    let is_stop = |c: char| "，,；;。！？：:、（）()“”《》\n".contains(c);
    let head = text.get(from..start).unwrap_or("");
    let clause_from = head.rfind(is_stop).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    let mut label = strip_openers(head.get(clause_from..).unwrap_or("").trim());
    label = strip_suffixes(&label, TRAILING);
    if label.chars().count() <= 2 {
        let lone = label.clone();
        let tail = text.get(end..).unwrap_or("");
        let after: String = tail.split(is_stop).next().unwrap_or("").trim().to_string();
        let after = after
            .split(['的', '和', '，'])
            .next()
            .unwrap_or("")
            .to_string();
        label.push_str(&after);
        // A lone verb that nothing completes ("新增百余户。") names nothing.
        if label == lone && BARE_VERBS.contains(&lone.as_str()) {
            return None;
        }
    }
    usable_label(&label)
}

/// `label` if it names something (see [`noun_phrase`]).
fn usable_label(label: &str) -> Option<String> {
    let label = label.trim();
    let label = if label.chars().count() > LONGEST_LABEL {
        // A long clause: what follows its last 的, else its last verb with its object
        // ("面向民间资本推介重大项目总投资" → 推介重大项目总投资).
        label.rsplit_once('的').map_or_else(
            || {
                SPLIT_VERBS
                    .iter()
                    .filter_map(|v| label.rfind(v))
                    .max()
                    .map_or(label, |at| &label[at..])
            },
            |(_, after)| after,
        )
    } else {
        label
    };
    let n = label.chars().count();
    // A label that ends like a cut phrase ("初确定的", "配置AED达每") names nothing whole.
    let ends_badly = label.ends_with(['的', '每', '达', '了', '和', '及', '与', '再']);
    let starts_badly = label
        .chars()
        .next()
        .is_some_and(|c| NOT_A_START.contains(c));
    let digit_start = label.chars().next().is_some_and(|c| c.is_ascii_digit());
    let names_something = (2..=LONGEST_LABEL).contains(&n)
        && !starts_badly
        && !digit_start
        && !ends_badly
        && !GENERIC.contains(&label);
    names_something.then(|| label.to_string())
}

/// Strips period, place and verb words from the start of a clause, and a month range.
fn strip_openers(words: &str) -> String {
    let mut label = words.trim().to_string();
    loop {
        let before = label.clone();
        // A period: "1-8月", "2024年", "五年", "近三年".
        let digits = label
            .find(|c: char| {
                !(c.is_ascii_digit() || "-—至月年份近一二三四五六七八九十两".contains(c))
            })
            .unwrap_or(label.len());
        if let Some(year) = label[..digits].rfind(['月', '年']) {
            label = label[year + 3..].to_string();
        }
        for w in OPENERS {
            if let Some(rest) = label.strip_prefix(w) {
                label = rest.to_string();
            }
        }
        if label == before {
            return label;
        }
    }
}

/// Strips any of `suffixes` from the end, repeatedly.
fn strip_suffixes(words: &str, suffixes: &[&str]) -> String {
    let mut label = words.trim().to_string();
    loop {
        let before = label.len();
        for w in suffixes {
            if let Some(rest) = label.strip_suffix(w) {
                label = rest.to_string();
            }
        }
        if label.len() == before {
            return label;
        }
    }
}
