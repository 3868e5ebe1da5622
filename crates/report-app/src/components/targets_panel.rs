//! 主要目标: the year's targets indicator by indicator, each as written and in plain words (约5%,
//! 不低于1200万人, 5%至5.5%之间), beside what the same report says the year before came to
//! (marked 预计 when it is an estimate), every value linked to its sentence. A real table for
//! screen readers; one column per row on a narrow screen or at large text (`targets.css`).
//! Nothing is shown for a report without targets.

use yew::prelude::*;

use super::AppContext;
use report_core::figures::meaning::Kind;
use report_core::targets::Stated;

/// The panel, or nothing when the report states no targets. A plain function: it has no state
/// of its own (see `components/mod.rs`).
pub fn targets_panel(state: &AppContext) -> Html {
    let found = &state.targets;
    let Some(first) = found.targets.first() else {
        return Html::default();
    };
    let year = first.stated.year;
    let target_head = year.map_or("今年目标".to_string(), |y| format!("{y}年目标"));
    let result_head = year.map_or("上年结果".to_string(), |y| format!("{}年结果", y - 1));
    let link = |s: &Stated| {
        html! {
            <a class="targets__value" href={format!("#{}", s.figure_id())}
                aria-label={format!("{}{}，看原文", s.change, s.written)}>
                { format!("{}{}", s.change, s.written) }
            </a>
        }
    };
    html! {
        <section id="targets" class="targets" aria-labelledby="targets-title" data-testid="targets">
            <h2 id="targets-title" class="targets__title">{ "主要目标" }</h2>
            <p class="targets__intro">
                { format!("报告提出的{}，和报告所说的{}并列。点数字可跳到原句。", target_head, result_head) }
            </p>
            <table class="targets__table" role="table">
                <caption class="visually-hidden">{ format!("主要目标：指标、{target_head}、{result_head}") }</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <th scope="col" role="columnheader">{ "指标" }</th>
                        <th scope="col" role="columnheader">{ target_head.clone() }</th>
                        <th scope="col" role="columnheader">{ result_head.clone() }</th>
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    { for found.targets.iter().map(|target| {
                        let t = &target.stated;
                        let result = found.result_for(target);
                        html! {
                            <tr role="row" data-testid="target-row">
                                <th scope="row" role="rowheader" class="targets__indicator">{ &t.indicator }</th>
                                <td role="cell" data-label={target_head.clone()} data-testid="target-value">
                                    { link(t) }
                                    if t.written != t.plain() {
                                        <span class="targets__plain" data-testid="target-plain">{ t.plain_change() }</span>
                                    }
                                    if let Some(aim) = &target.aim {
                                        <span class="targets__aim">{ "力争 " }{ link(aim) }</span>
                                    }
                                </td>
                                <td role="cell" data-label={result_head.clone()} data-testid="target-result">
                                    if let Some(r) = result {
                                        { link(r) }
                                        if r.kind == Kind::Estimate {
                                            <span class="targets__kind" data-testid="target-estimate">{ "预计" }</span>
                                        }
                                        if r.written != r.plain() {
                                            <span class="targets__plain">{ r.plain_change() }</span>
                                        }
                                    } else {
                                        <span class="targets__none">{ "报告未提及" }</span>
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </section>
    }
}
