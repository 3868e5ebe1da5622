//! 主要目标: the year's targets indicator by indicator, each as written and in plain words (约5%,
//! 不低于1200万人, 5%至5.5%之间), beside what the same report says the year before came to
//! (marked 预计 when it is an estimate), every value linked to its sentence. A real table (the
//! elements keep their roles when `targets.css` shows each row as one column on a narrow screen
//! or at large text). Nothing is shown for a report without targets.
//!
//! Kept small on purpose: the page's wasm is near its budget (docs/size-budget.md), so the
//! words are made where the figures are found (`report_core::targets::TargetRow`) and the
//! cells are one helper.

use yew::prelude::*;

use super::AppContext;

/// The panel, or nothing when the report states no targets. A plain function: it has no state
/// of its own (see `components/mod.rs`).
pub fn targets_panel(state: &AppContext) -> Html {
    let Some(first) = state.targets.first() else {
        return Html::default();
    };
    let (target_head, result_head) = match first.year {
        Some(y) => (format!("{y}年目标"), format!("{}年结果", y - 1)),
        None => ("今年目标".to_string(), "上年结果".to_string()),
    };
    html! {
        <section id="targets" class="targets" aria-labelledby="targets-title">
            <h2 id="targets-title">{ "主要目标" }</h2>
            <p>{ "报告提出的目标，和报告所说的上一年结果并列。点数字可跳到原句。" }</p>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{ "指标" }</th>
                        <th scope="col">{ target_head }</th>
                        <th scope="col">{ result_head }</th>
                    </tr>
                </thead>
                <tbody>
                    { for state.targets.iter().map(|row| html! {
                        <tr>
                            <th scope="row">{ &row.indicator }</th>
                            { cell(&row.target, &row.target_note) }
                            { cell(&row.result, &row.result_note) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

/// One value: a link to its sentence with its words, then its note; "未找到对应的数" when none
/// was found (the report may still say it in words another reading would find).
fn cell((id, words): &(String, String), note: &str) -> Html {
    html! {
        <td>
            if id.is_empty() {
                <span>{ "未找到对应的数" }</span>
            } else {
                <a href={format!("#{id}")}>{ words }</a>
                if !note.is_empty() {
                    <small>{ note }</small>
                }
            }
        </td>
    }
}
