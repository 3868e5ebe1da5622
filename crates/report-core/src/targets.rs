//! What a report promises for its year (主要预期目标) beside what it says last year came to.
//!
//! Found from the figures already placed ([`FigureIndex`]: each with its kind and indicator),
//! never by reading numbers again, so the build, the reading worker and the page find the same
//! ones. The rules:
//!
//! - **Targets**: the figures of the report's target passages — from the colon after a
//!   sentence's 预期目标 / 主要目标 / 发展目标 to the end of that paragraph ("主要预期目标是：
//!   地区生产总值增长5%左右，…") — that are targets and measure an indicator, the first of each
//!   indicator. A report without such a passage has as targets the target figures with an
//!   indicator in its parts that plan (their heading names 安排, 计划, 任务, 目标, 打算, 展望 or
//!   建议).
//! - **How a target is stated** ([`Bound`]): approximate (约, 左右), at least (以上, 不低于,
//!   突破 …), at most (以内, 不超过, 低于 …), a range (`5.0%—5.5%`) or exact. In a list whose
//!   last value carries the bound ("分别增长5%、6.5%左右", "分别控制在5%和3%以内"), the bound is
//!   read for every value of the list, as such lists are meant.
//! - **An aim** beyond the target is the figure right after it that 力争 / 争取 introduces
//!   ("增长7%以上、力争达到8%").
//! - **The year**: a year written in the passage's lead ("2025年主要预期目标"), else in the
//!   heading of the part holding it ("二、2025年经济社会发展总体要求"), else the year of the
//!   report (its title, else its meeting line).
//! - **Last year's results**: for each target's indicator, the first figure before the first
//!   target passage (outside the parts that plan) that is a result or an estimate (预计, 初步统计)
//!   of the same indicator in the same unit: "增长5.2%" beside "增长5%左右", never "1.3万亿元".
//!   Its year is the target's year less one.

use super::cards::{figure_id, unit_of_figure, unit_text, FigureIndex, PlacedFigure, OPENING};
use super::figures::meaning::Kind;
use super::figures::{Amount, Qualifier};
use super::measures::listed_with;
use super::model::{FrontKind, Report};

/// How a target (or a result) states its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// As written: "增长2%".
    Exact,
    /// 约, 左右: "5%左右".
    Approximate,
    /// 以上, 不低于, 突破, 超过: "1200万人以上".
    AtLeast,
    /// 以内, 不超过, 低于, 控制在…以内: "5.5%以内".
    AtMost,
    /// Both ends: "5.0%—5.5%", or 数 (数百).
    Range,
}

impl Bound {
    /// Its name in the report file: "exact", "approximate", "at_least", "at_most", "range".
    pub fn key(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::Approximate => "approximate",
            Bound::AtLeast => "at_least",
            Bound::AtMost => "at_most",
            Bound::Range => "range",
        }
    }

    /// How a figure's qualifier bounds its value; a ratio states no target.
    pub fn of(qualifier: Qualifier) -> Option<Bound> {
        Some(match qualifier {
            Qualifier::Exact => Bound::Exact,
            Qualifier::About | Qualifier::Around => Bound::Approximate,
            Qualifier::AtLeast
            | Qualifier::MoreThan
            | Qualifier::AboutMoreThan
            | Qualifier::Passed => Bound::AtLeast,
            Qualifier::AtMost | Qualifier::LessThan | Qualifier::Nearly => Bound::AtMost,
            Qualifier::Range | Qualifier::Several => Bound::Range,
            Qualifier::Ratio => return None,
        })
    }
}

/// One figure a target or a result stands on.
#[derive(Debug, Clone, PartialEq)]
pub struct Stated {
    /// The indicator's name.
    pub indicator: String,
    /// The text unit and the figure's index in it.
    pub unit_id: String,
    pub index: usize,
    /// As written: "5%左右".
    pub written: String,
    /// The verb of the change it states, as written ("增长", "下降", "降低"); "" when it states
    /// a level ("城镇调查失业率5.5%左右", "粮食产量1.4万亿斤").
    pub change: String,
    pub bound: Bound,
    /// The least and greatest value the text allows, in base units: both the value for an
    /// exact or approximate figure, one of them for a bound, both ends for a range.
    pub min: Option<Amount>,
    pub max: Option<Amount>,
    /// A result or an estimate (for a target: a target).
    pub kind: Kind,
    /// The year it is for, where known ("2025").
    pub year: Option<u32>,
}

impl Stated {
    /// The HTML id of its figure in the text.
    pub fn figure_id(&self) -> String {
        figure_id(&self.unit_id, self.index)
    }

    /// The value in plain words for a reader: "约5%", "不低于1200万人", "不超过5.5%",
    /// "5%至5.5%之间", "2%". The number and unit are the written ones, the bound's words
    /// before them.
    pub fn plain(&self) -> String {
        plain_words(&self.written, self.bound)
    }

    /// [`Stated::plain`] with the verb of its change: "增长约5%", "降低约3%", "至少增长3%",
    /// "最多下降2%" (a bound of a change is said before its verb).
    pub fn plain_change(&self) -> String {
        match (self.bound, self.change.is_empty()) {
            (Bound::AtLeast | Bound::AtMost, false) => {
                let word = if self.bound == Bound::AtLeast {
                    "至少"
                } else {
                    "最多"
                };
                let core = plain_words(&self.written, Bound::Exact);
                format!("{word}{}{core}", self.change)
            }
            _ => format!("{}{}", self.change, self.plain()),
        }
    }
}

/// A target with the aim beyond it, if the text adds one.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub stated: Stated,
    /// "力争达到8%": the figure 力争 / 争取 introduces right after the target.
    pub aim: Option<Stated>,
}

/// A report's targets and, for their indicators, what it says the year before came to.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Targets {
    pub targets: Vec<Target>,
    pub results: Vec<Stated>,
}

impl Targets {
    /// The targets and results of `report`, by the rules of the module documentation.
    pub fn find(report: &Report, index: &FigureIndex) -> Targets {
        let report_year = year_of_report(report);
        let passages = passages(report, index);
        let mut targets: Vec<Target> = Vec::new();
        let mut aims: Vec<(String, usize)> = Vec::new();
        let candidates: Vec<(String, usize, Option<u32>)> = if passages.is_empty() {
            index
                .units
                .iter()
                .filter(|(unit, _)| plans(report, unit))
                .flat_map(|(unit, figures)| {
                    (0..figures.len()).map(move |k| (unit.clone(), k, None))
                })
                .collect()
        } else {
            passages
                .iter()
                .flat_map(|p| {
                    let figures = index.of(&p.unit);
                    (0..figures.len())
                        .filter(move |&k| figures[k].start >= p.from && figures[k].end <= p.to)
                        .map(move |k| (p.unit.clone(), k, p.year))
                })
                .collect()
        };
        for (unit, k, year) in candidates {
            let figures = index.of(&unit);
            let figure = &figures[k];
            let Some(indicator) = figure.indicator.as_deref() else {
                continue;
            };
            if figure.kind != Kind::Target
                || aims.contains(&(unit.clone(), k))
                || targets.iter().any(|t| t.stated.indicator == indicator)
            {
                continue;
            }
            let Some(text) = unit_text(report, &unit) else {
                continue;
            };
            let year = year.or(report_year);
            let Some(stated) = stated(text, &unit, figures, k, indicator, year) else {
                continue;
            };
            let aim = aim_after(text, figures, k).and_then(|j| {
                aims.push((unit.clone(), j));
                stated_as_written(text, &unit, figures, j, indicator, year)
            });
            targets.push(Target { stated, aim });
        }
        let first_passage = passages.first().map(|p| (p.unit.clone(), p.from));
        let results = targets
            .iter()
            .filter_map(|target| {
                let t = &target.stated;
                let unit = &index.of(&t.unit_id)[t.index].unit;
                let year = t.year.map(|y| y - 1);
                first_result(report, index, &first_passage, &t.indicator, unit, year)
            })
            .collect();
        Targets { targets, results }
    }

    /// What `report` says `indicator` came to, in base unit `unit`, by the rule of last year's
    /// results (module documentation): the first result or estimate of it before the first
    /// target passage, outside the parts that plan; `year` is the year it is for. For reading a
    /// report's targets against what the next year's report says of them.
    pub fn reported(
        report: &Report,
        index: &FigureIndex,
        indicator: &str,
        unit: &str,
        year: Option<u32>,
    ) -> Option<Stated> {
        let first_passage = passages(report, index)
            .first()
            .map(|p| (p.unit.clone(), p.from));
        first_result(report, index, &first_passage, indicator, unit, year)
    }

    /// Last year's result for the indicator of `target`, if the report gives one.
    pub fn result_for(&self, target: &Target) -> Option<&Stated> {
        self.results
            .iter()
            .find(|r| r.indicator == target.stated.indicator)
    }

    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    /// The table the page shows, a row per target ([`TargetRow`]).
    pub fn rows(&self) -> Vec<TargetRow> {
        self.targets
            .iter()
            .map(|t| {
                let s = &t.stated;
                let mut note = Vec::new();
                if s.written != s.plain() {
                    note.push(s.plain_change());
                }
                if let Some(aim) = &t.aim {
                    note.push(format!("力争{}", aim.written));
                }
                let result = self.result_for(t);
                TargetRow {
                    indicator: s.indicator.clone(),
                    year: s.year,
                    target: (s.figure_id(), format!("{}{}", s.change, s.written)),
                    target_note: note.join("，"),
                    result: result.map_or_else(Default::default, |r| {
                        (r.figure_id(), format!("{}{}", r.change, r.written))
                    }),
                    result_note: match result {
                        Some(r) if r.kind == Kind::Estimate => "预计数".to_string(),
                        _ => String::new(),
                    },
                }
            })
            .collect()
    }
}

/// The first figure before `first_passage` (a unit and a byte offset in it), outside the parts
/// that plan, that is a result or an estimate of `indicator` in base unit `unit`.
fn first_result(
    report: &Report,
    index: &FigureIndex,
    first_passage: &Option<(String, usize)>,
    indicator: &str,
    unit_of_target: &str,
    year: Option<u32>,
) -> Option<Stated> {
    for (unit, figures) in &index.units {
        if plans(report, unit) {
            continue;
        }
        let Some(text) = unit_text(report, unit) else {
            continue;
        };
        for (k, f) in figures.iter().enumerate() {
            if first_passage
                .as_ref()
                .is_some_and(|(u, from)| u == unit && f.start >= *from)
            {
                return None;
            }
            if f.indicator.as_deref() == Some(indicator)
                && f.kind != Kind::Target
                && f.unit == unit_of_target
            {
                return stated_as_written(text, unit, figures, k, indicator, year);
            }
        }
    }
    None
}

/// One row of the 主要目标 table, with its words made where the figures are found (the build,
/// the reading worker), so that the page only shows them. Its figures are ids of the report's
/// figures: the page shows a row only when each is there and its words end with that figure
/// as written ([`TargetRow::from_strings`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TargetRow {
    /// The indicator's name.
    pub indicator: String,
    /// The year of the target ("2025"), where known; last year's result is for the year before.
    pub year: Option<u32>,
    /// The target's figure id and its words as shown: the verb of its change and the figure as
    /// written ("增长5%左右").
    pub target: (String, String),
    /// The target in plain words and the aim beyond it ("增长约5%，力争8%"); "" when the
    /// written words say it all.
    pub target_note: String,
    /// Last year's result the same report gives, as `target`; two empty strings when it gives
    /// none.
    pub result: (String, String),
    /// "预计数" for an estimate, else "".
    pub result_note: String,
}

impl TargetRow {
    /// The row's eight strings as the report file's `target_figures` hold them: indicator,
    /// year, target figure, its words, its note, result figure, its words, its note.
    pub fn strings(&self) -> Vec<String> {
        vec![
            self.indicator.clone(),
            self.year.map_or(String::new(), |y| y.to_string()),
            self.target.0.clone(),
            self.target.1.clone(),
            self.target_note.clone(),
            self.result.0.clone(),
            self.result.1.clone(),
            self.result_note.clone(),
        ]
    }

    /// A row of [`TargetRow::strings`] over the figures the page has read, or `None` when it
    /// is malformed or its target is not a figure of the text written as its words say; a
    /// result that is not there is left out.
    pub fn from_strings(v: &[String], report: &Report, index: &FigureIndex) -> Option<TargetRow> {
        let [indicator, year, target, words, note, result, result_words, result_note] = v else {
            return None;
        };
        let shown = |id: &String, words: &String| {
            let unit = unit_of_figure(id)?;
            let k: usize = id.rsplit_once("-fig-")?.1.parse().ok()?;
            let f = index.of(unit).get(k.checked_sub(1)?)?;
            let written = unit_text(report, unit)?.get(f.start..f.end)?;
            words
                .ends_with(written)
                .then(|| (id.clone(), words.clone()))
        };
        let target = shown(target, words)?;
        let result = shown(result, result_words);
        Some(TargetRow {
            indicator: indicator.clone(),
            year: year.parse().ok(),
            target,
            target_note: note.clone(),
            result_note: if result.is_some() {
                result_note.clone()
            } else {
                String::new()
            },
            result: result.unwrap_or_default(),
        })
    }
}

/// Reads `stated` with `bound` (its value `value`): both ends for a point, one for a bound.
fn with_bound(stated: &mut Stated, bound: Bound, value: Amount) {
    if bound == stated.bound {
        return;
    }
    stated.bound = bound;
    (stated.min, stated.max) = match bound {
        Bound::AtLeast => (Some(value), None),
        Bound::AtMost => (None, Some(value)),
        _ => (Some(value), Some(value)),
    };
}

/// A target passage: unit, byte range (from after the lead's colon to the paragraph's end),
/// and the year its lead names.
struct Passage {
    unit: String,
    from: usize,
    to: usize,
    year: Option<u32>,
}

const LEADS: [&str; 4] = ["预期目标", "主要目标", "发展目标", "主要指标"];

fn passages(report: &Report, index: &FigureIndex) -> Vec<Passage> {
    let mut out = Vec::new();
    for (unit, _) in &index.units {
        let Some(text) = unit_text(report, unit) else {
            continue;
        };
        let mut at = 0;
        while let Some((lead_at, lead)) = LEADS
            .iter()
            .filter_map(|w| text[at..].find(w).map(|i| (at + i, *w)))
            .min()
        {
            let after_lead = lead_at + lead.len();
            let paragraph_end = text[after_lead..]
                .find('\n')
                .map_or(text.len(), |i| after_lead + i);
            // The colon must follow in the lead's sentence ("主要预期目标是：").
            let colon = text[after_lead..paragraph_end]
                .find(['：', ':'])
                .map(|i| after_lead + i)
                .filter(|&c| !text[after_lead..c].contains(['。', '；', '，']));
            if let Some(colon) = colon {
                let sentence_from = text[..lead_at]
                    .char_indices()
                    .rfind(|(_, c)| "。\n！？".contains(*c))
                    .map_or(0, |(i, c)| i + c.len_utf8());
                let part_heading = report
                    .path_to(unit)
                    .first()
                    .and_then(|id| report.find(id))
                    .map(|part| part.heading.as_str());
                out.push(Passage {
                    unit: unit.clone(),
                    from: colon,
                    to: paragraph_end,
                    year: year_in(&text[sentence_from..lead_at])
                        .or_else(|| part_heading.and_then(year_in)),
                });
            }
            at = after_lead;
        }
    }
    out
}

/// Whether the unit lies in a part whose heading says it plans.
fn plans(report: &Report, unit: &str) -> bool {
    if unit == OPENING {
        return false;
    }
    let path = report.path_to(unit);
    let Some(top) = path.first().and_then(|id| report.find(id)) else {
        return false;
    };
    ["安排", "计划", "任务", "目标", "打算", "展望", "建议"]
        .iter()
        .any(|w| top.heading.contains(w))
}

/// The first year (2000–2099) written in `text`.
fn year_in(text: &str) -> Option<u32> {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(5).find_map(|w| {
        let digits: String = w[..4].iter().collect();
        (w[4] == '年' && digits.starts_with("20") && digits.chars().all(|c| c.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    })
}

/// The year of the report: in its title, else its meeting line.
fn year_of_report(report: &Report) -> Option<u32> {
    year_in(&report.title).or_else(|| {
        report
            .front
            .iter()
            .filter(|f| f.kind == FrontKind::Meeting)
            .find_map(|f| year_in(&f.text))
    })
}

/// The figure 力争 / 争取 introduces right after figure `k`, joined by one 、 or ，.
fn aim_after(text: &str, figures: &[PlacedFigure], k: usize) -> Option<usize> {
    let next = figures.get(k + 1)?;
    let between = text.get(figures[k].end..next.start)?;
    let joined = between.starts_with(['、', '，', ','])
        && between.chars().skip(1).all(|c| !"，,；;。、：".contains(c));
    (joined && (between.contains("力争") || between.contains("争取"))).then_some(k + 1)
}

/// Figure `k` as a target or result of `indicator`, its bound widened to the bound that closes
/// its list (see the module documentation).
fn stated(
    text: &str,
    unit: &str,
    figures: &[PlacedFigure],
    k: usize,
    indicator: &str,
    year: Option<u32>,
) -> Option<Stated> {
    let mut s = stated_as_written(text, unit, figures, k, indicator, year)?;
    if s.bound == Bound::Exact {
        let mut last = k;
        while last + 1 < figures.len() && listed_with(text, &figures[last], &figures[last + 1]) {
            last += 1;
        }
        let closing = Bound::of(figures[last].qualifier)?;
        if last > k && matches!(closing, Bound::Approximate | Bound::AtLeast | Bound::AtMost) {
            with_bound(&mut s, closing, figures[k].value);
        }
    }
    Some(s)
}

/// Figure `k` as written, with the bound its own words give.
fn stated_as_written(
    text: &str,
    unit: &str,
    figures: &[PlacedFigure],
    k: usize,
    indicator: &str,
    year: Option<u32>,
) -> Option<Stated> {
    let figure = figures.get(k)?;
    let bound = Bound::of(figure.qualifier)?;
    let m = figure.meaning();
    let (min, max) = match bound {
        Bound::Exact | Bound::Approximate => (Some(figure.value), Some(figure.value)),
        _ => (m.min, m.max),
    };
    Some(Stated {
        indicator: indicator.to_string(),
        unit_id: unit.to_string(),
        index: k,
        written: text.get(figure.start..figure.end)?.to_string(),
        change: figure
            .change
            .as_ref()
            .map_or(String::new(), |c| c.verb.clone()),
        bound,
        min,
        max,
        kind: figure.kind,
        year,
    })
}

/// Words of a bound written around a figure, stripped to leave its number and unit.
const BOUND_WORDS: [&str; 20] = [
    "及以上",
    "以上",
    "左右",
    "以内",
    "及以下",
    "以下",
    "不低于",
    "不少于",
    "不超过",
    "不高于",
    "至少",
    "最少",
    "至多",
    "最多",
    "大约",
    "约",
    "超过",
    "突破",
    "低于",
    "不到",
];

/// "约5%", "不低于1200万人", "不超过5.5%", "5%至5.5%之间", "2%" for the figure written
/// `written` with `bound`.
pub fn plain_words(written: &str, bound: Bound) -> String {
    let mut core = written.to_string();
    loop {
        let before = core.len();
        for w in BOUND_WORDS {
            if let Some(rest) = core.strip_prefix(w) {
                core = rest.to_string();
            }
            if let Some(rest) = core.strip_suffix(w) {
                core = rest.to_string();
            }
        }
        if core.len() == before {
            break;
        }
    }
    match bound {
        Bound::Exact => core,
        Bound::Approximate => format!("约{core}"),
        Bound::AtLeast => format!("不低于{core}"),
        Bound::AtMost => format!("不超过{core}"),
        Bound::Range => {
            let dash = core
                .char_indices()
                .skip(1)
                .find(|(_, c)| "—–－-~～〜至到".contains(*c));
            match dash {
                Some((i, c)) => {
                    let low = core[..i].trim_end_matches('—');
                    let high = core[i + c.len_utf8()..].trim_start_matches('—');
                    format!("{low}至{high}之间")
                }
                None => format!("{core}（范围）"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_say_the_bound() {
        assert_eq!(plain_words("5%左右", Bound::Approximate), "约5%");
        assert_eq!(
            plain_words("1200万人以上", Bound::AtLeast),
            "不低于1200万人"
        );
        assert_eq!(plain_words("5.5%以内", Bound::AtMost), "不超过5.5%");
        assert_eq!(plain_words("5.0%—5.5%", Bound::Range), "5.0%至5.5%之间");
        assert_eq!(plain_words("5%—6%", Bound::Range), "5%至6%之间");
        assert_eq!(plain_words("2%", Bound::Exact), "2%");
        assert_eq!(plain_words("不低于5.5%", Bound::AtLeast), "不低于5.5%");
    }

    #[test]
    fn years_are_read_from_the_words() {
        assert_eq!(year_in("2025年主要"), Some(2025));
        assert_eq!(year_in("今年"), None);
        assert_eq!(year_in("1998年"), None);
    }
}
