//! A report opened from a file appears a screen first: its first sections are rendered and
//! painted, then the rest at the following frames, about [`TASK_MS`] of work each, so that the
//! page answers (scrolls, takes a key) while a long report is being built and no task blocks
//! it for long. Measured in docs/speed.md. The whole
//! report is in the page a fraction of a second later (the end-to-end benchmark `e2e_speed`
//! times it); the reader's state asks for all of it at once whenever a part not yet in the page
//! may be needed (a search, the figures' list and their links, printing, a jump to a section):
//! see `Reader` in `components/app.rs`. The built page's own report is hydrated whole (it is in
//! the HTML already).

use yew::prelude::*;

/// Sections (in reading order, parts and everything in them) in the first render: more than a
/// screen of text on a phone or a desktop.
pub const FIRST_SECTIONS: usize = 8;
/// How long one task of building the rest should take, in milliseconds.
const TASK_MS: f64 = 30.0;

/// How many sections (in reading order) of a report to render: all of them when `gradual` is
/// false; else [`FIRST_SECTIONS`], then more at each frame after the first is painted, each
/// step sized from the time the last one took. `ends` are where the report's parts end (their
/// sections counted in reading order, the last one the report's total): after the first
/// screen, every step ends with a part, so that a part is rendered again at most once (a part
/// rendered in pieces is rendered again, paragraphs and all, with each piece).
#[hook]
pub fn use_gradual(ends: Vec<usize>, gradual: bool) -> usize {
    let shown = use_state(|| if gradual { FIRST_SECTIONS } else { usize::MAX });
    // When the last step was asked for, and how many sections it added.
    let asked = use_mut_ref(|| (0.0, 0));
    {
        let shown = shown.clone();
        use_effect_with(*shown, move |&count| {
            let total = ends.last().copied().unwrap_or(0);
            if count >= total {
                return;
            }
            let (at, added) = *asked.borrow();
            let step = if added == 0 {
                FIRST_SECTIONS * 4
            } else {
                let took = (js_sys::Date::now() - at).max(1.0);
                ((added as f64 * TASK_MS / took) as usize).clamp(1, added * 4)
            };
            let next = ends
                .iter()
                .copied()
                .find(|&end| end >= count + step)
                .unwrap_or(total);
            let more = move || {
                *asked.borrow_mut() = (js_sys::Date::now(), next - count);
                shown.set(next);
            };
            // Rendered in a frame's callback, painted in that frame; after the first screen,
            // one frame is left to paint it alone.
            after_frames(if added == 0 { 2 } else { 1 }, Box::new(more));
        });
    }
    *shown
}

/// Calls `f` in the callback of the `frames`-th frame from now.
fn after_frames(frames: u32, f: Box<dyn FnOnce()>) {
    let f = wasm_bindgen::closure::Closure::once_into_js(move || {
        if frames > 1 {
            after_frames(frames - 1, f)
        } else {
            f()
        }
    });
    let _ = gloo::utils::window().request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&f));
}
