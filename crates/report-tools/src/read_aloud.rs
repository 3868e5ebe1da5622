//! 朗读: a section read aloud with the browser's own speech synthesis in a Chinese voice, one
//! heading or sentence at a time; the passage being read is highlighted (the CSS Custom
//! Highlight API, so the report's markup is untouched; a class where the browser lacks it) and
//! kept in sight between the top bar and the reading bar, with 暂停 / 继续 and 停止 (also Esc).
//! What is spoken is a copy of the text with its figures as words
//! (`report_core::spoken::spoken`): the page's text never changes. Without speech synthesis,
//! or without a Chinese voice, the bar says so.
//!
//! [`ReadingBar`] is the bar; [`Reading`] its pure state; the speech engine is the effects
//! below it. A reading is a *session*: a stop or a new reading makes the old utterances' late
//! events stale.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::utils::{document, window};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, KeyboardEvent, SpeechSynthesis, SpeechSynthesisUtterance};
use yew::prelude::*;

use super::page;
use report_core::markup as dom;

/// What the bar shows.
#[derive(Clone, PartialEq, Default)]
pub enum Reading {
    /// No bar.
    #[default]
    Idle,
    /// Reading passage `at` (0-based) of `of`; `paused` when paused.
    Speaking { at: usize, of: usize, paused: bool },
    /// A message read out at once (no voice, an error, the end), with 关闭.
    Message(String),
}

/// The `<html>` class while the bar is shown (the page leaves room for it, read-aloud.css).
const READING_CLASS: &str = "reading-aloud";
/// The name of the highlight, and the class used where the browser has no highlights.
const HIGHLIGHT: &str = "reading";
const HIGHLIGHT_CLASS: &str = "reading-now";

/// Messages, in words for the reader.
const NO_SPEECH: &str = "这个浏览器不支持朗读。可以换用其他浏览器，或使用手机自带的读屏功能。";
const NO_VOICE: &str =
    "这个浏览器没有中文（普通话）语音，无法朗读。可以在手机或电脑的系统设置里添加中文语音后再试。";
const FINISHED: &str = "朗读完毕。";

/// The engine: what is being read, and the session that late events must match.
#[derive(Default)]
struct Engine {
    passages: Vec<(Element, String)>,
    at: usize,
    paused: bool,
    session: u32,
    voice: Option<web_sys::SpeechSynthesisVoice>,
    /// The 朗读 button to give the focus back to.
    back: Option<Element>,
    /// Where the bar's state goes.
    show: Option<Callback<Reading>>,
    /// The utterances' handlers, kept alive while they may fire.
    handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

thread_local! {
    static ENGINE: RefCell<Engine> = RefCell::new(Engine::default());
}

fn synthesis() -> Option<SpeechSynthesis> {
    let has = js_sys::Reflect::get(&window(), &"speechSynthesis".into())
        .is_ok_and(|s| !s.is_undefined() && !s.is_null())
        && js_sys::Reflect::get(&window(), &"SpeechSynthesisUtterance".into())
            .is_ok_and(|u| u.is_function());
    if has {
        window().speech_synthesis().ok()
    } else {
        None
    }
}

/// Shows `reading` in the bar; the page leaves room for the bar while there is one.
fn show(reading: Reading) {
    if let Some(root) = document().document_element() {
        let _ = root
            .class_list()
            .toggle_with_force(READING_CLASS, reading != Reading::Idle);
    }
    let show = ENGINE.with(|e| e.borrow().show.clone());
    if let Some(show) = show {
        show.emit(reading);
    }
}

/// The id of the element the reading bar lives in.
const ROOT_ID: &str = "reader-care";

/// Starts the reading bar's app in its own element after the page's, once the page's app
/// runs.
pub fn start() {
    crate::when_app_ready(|| {
        if let Some(root) = crate::root(ROOT_ID) {
            yew::Renderer::<ReadingBar>::with_root(root).render();
        }
    });
}

/// A press handed over by the page: 朗读 reads its section; 字号's summary needs nothing more
/// (`display::start` listens to the panel).
pub fn activate(target: Element) {
    if let Ok(Some(button)) = target.closest(&format!("[{}]", dom::READ_SECTION)) {
        read(button);
    }
}

/// Reads the section of a 朗读 button (and its subsections) aloud.
pub fn read(button: Element) {
    let Some(section) = button.get_attribute(dom::READ_SECTION) else {
        return;
    };
    ENGINE.with(|e| e.borrow_mut().back = Some(button));
    let Some(synth) = synthesis() else {
        return message(NO_SPEECH);
    };
    // A collapsed section opens first, so that the sentence read can be seen.
    let toggle = document()
        .query_selector(&format!("[aria-controls='{}']", dom::body_id(&section)))
        .ok()
        .flatten();
    if let Some(toggle) =
        toggle.filter(|t| t.get_attribute("aria-expanded").as_deref() == Some("false"))
    {
        if let Some(t) = toggle.dyn_ref::<web_sys::HtmlElement>() {
            t.click();
        }
    }
    with_voices(synth, move |voices| {
        let Some(voice) = choose_voice(&voices) else {
            return message(NO_VOICE);
        };
        stop(false);
        let passages = page::passages(&section);
        if passages.is_empty() {
            return;
        }
        let session = ENGINE.with(|e| {
            let mut e = e.borrow_mut();
            e.voice = Some(voice);
            e.passages = passages;
            e.at = 0;
            e.session
        });
        speak_next(session);
    });
}

/// The voice to read with: a zh-CN one, else any Chinese one.
fn choose_voice(voices: &[web_sys::SpeechSynthesisVoice]) -> Option<web_sys::SpeechSynthesisVoice> {
    let lang = |v: &web_sys::SpeechSynthesisVoice| v.lang().to_ascii_lowercase().replace('_', "-");
    let chinese: Vec<_> = voices
        .iter()
        .filter(|v| lang(v).starts_with("zh"))
        .collect();
    chinese
        .iter()
        .find(|v| lang(v).starts_with("zh-cn"))
        .or_else(|| chinese.first())
        .map(|v| (*v).clone())
}

/// The voices, once the browser has them (some load them after the first ask; two seconds at
/// most).
fn with_voices(
    synth: SpeechSynthesis,
    then: impl FnOnce(Vec<web_sys::SpeechSynthesisVoice>) + 'static,
) {
    let list = |s: &SpeechSynthesis| -> Vec<web_sys::SpeechSynthesisVoice> {
        // Not checked with `instanceof`: a page (or a test) may give voices of its own making.
        s.get_voices().iter().map(JsCast::unchecked_into).collect()
    };
    let now = list(&synth);
    if !now.is_empty() {
        return then(now);
    }
    let then = Rc::new(RefCell::new(Some(then)));
    let finish = {
        let (synth, then) = (synth.clone(), then.clone());
        move || {
            if let Some(then) = then.borrow_mut().take() {
                then(list(&synth));
            }
        }
    };
    let listener = Rc::new(RefCell::new(None::<EventListener>));
    *listener.borrow_mut() = Some(EventListener::once(&synth, "voiceschanged", {
        let finish = finish.clone();
        move |_| finish()
    }));
    gloo::timers::callback::Timeout::new(2_000, move || {
        listener.borrow_mut().take();
        finish();
    })
    .forget();
}

fn speak_next(session: u32) {
    let next = ENGINE.with(|e| {
        let e = e.borrow();
        if e.session != session {
            return None;
        }
        Some((
            e.passages.get(e.at).cloned(),
            e.at,
            e.passages.len(),
            e.voice.clone(),
        ))
    });
    let Some((passage, at, of, voice)) = next else {
        return;
    };
    let Some((node, text)) = passage else {
        return stop(true);
    };
    show(Reading::Speaking {
        at,
        of,
        paused: false,
    });
    highlight(&node);
    let Some(synth) = synthesis() else {
        return;
    };
    let Ok(utterance) =
        SpeechSynthesisUtterance::new_with_text(&report_core::spoken::spoken(&text))
    else {
        return message(NO_SPEECH);
    };
    utterance.set_lang("zh-CN");
    utterance.set_voice(voice.as_ref());
    utterance.set_rate(0.95);
    let on_end = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        let go_on = ENGINE.with(|e| {
            let mut e = e.borrow_mut();
            if e.session != session {
                return false;
            }
            e.at += 1;
            true
        });
        if go_on {
            speak_next(session);
        }
    });
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let error = js_sys::Reflect::get(&event, &"error".into())
            .ok()
            .and_then(|e| e.as_string())
            .unwrap_or_default();
        let current = ENGINE.with(|e| e.borrow().session == session);
        if current && error != "interrupted" && error != "canceled" {
            message(&format!("朗读出错了（{error}），请再试一次。"));
        }
    });
    utterance.set_onend(Some(on_end.as_ref().unchecked_ref()));
    utterance.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    ENGINE.with(|e| {
        let mut e = e.borrow_mut();
        // The handlers of passages already read are not needed any more.
        e.handlers.clear();
        e.handlers.extend([on_end, on_error]);
    });
    synth.speak(&utterance);
}

/// Pauses or resumes the reading.
pub fn pause_or_resume() {
    let Some(synth) = synthesis() else {
        return;
    };
    let (paused, at, of) = ENGINE.with(|e| {
        let mut e = e.borrow_mut();
        e.paused = !e.paused;
        (e.paused, e.at, e.passages.len())
    });
    if paused {
        synth.pause();
    } else {
        synth.resume();
    }
    show(Reading::Speaking { at, of, paused });
}

/// Stops reading; `finished` when the end was reached (the bar then says so).
pub fn stop(finished: bool) {
    ENGINE.with(|e| {
        let mut e = e.borrow_mut();
        e.session += 1;
        e.paused = false;
    });
    if let Some(synth) = synthesis() {
        synth.cancel();
    }
    clear_highlight();
    if finished {
        message(FINISHED);
    } else {
        show(Reading::Idle);
    }
}

/// Stops and gives the focus back to the 朗读 button that started the reading.
pub fn stop_and_return() {
    stop(false);
    give_focus_back();
}

fn give_focus_back() {
    if let Some(back) = ENGINE.with(|e| e.borrow().back.clone()) {
        page::focus(&back);
    }
}

fn message(text: &str) {
    stop(false);
    show(Reading::Message(text.to_string()));
}

fn clear_highlight() {
    if let Some(highlights) = highlights() {
        let _ = js_sys::Reflect::get(&highlights, &"delete".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .map(|f| f.call1(&highlights, &HIGHLIGHT.into()));
    }
    for old in page::all(&document(), &format!(".{HIGHLIGHT_CLASS}")) {
        let _ = old.class_list().remove_1(HIGHLIGHT_CLASS);
    }
}

/// `CSS.highlights`, where the browser has the Custom Highlight API.
fn highlights() -> Option<JsValue> {
    let css = js_sys::Reflect::get(&window(), &"CSS".into()).ok()?;
    let registry = js_sys::Reflect::get(&css, &"highlights".into()).ok()?;
    let has_highlight =
        js_sys::Reflect::get(&window(), &"Highlight".into()).is_ok_and(|h| h.is_function());
    (!registry.is_undefined() && has_highlight).then_some(registry)
}

/// Marks the passage being read without touching the page's markup where the browser can,
/// else with a class; and keeps it in sight: its start just under the top bar when it is out
/// of the space between the two bars (a long sentence at 200 % shows from its start).
fn highlight(node: &Element) {
    clear_highlight();
    let marked = highlights().and_then(|registry| {
        let range = document().create_range().ok()?;
        range.select_node_contents(node).ok()?;
        let constructor: js_sys::Function = js_sys::Reflect::get(&window(), &"Highlight".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let highlight =
            js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(&range)).ok()?;
        let set: js_sys::Function = js_sys::Reflect::get(&registry, &"set".into())
            .ok()?
            .dyn_into()
            .ok()?;
        set.call2(&registry, &HIGHLIGHT.into(), &highlight).ok()
    });
    if marked.is_none() {
        let _ = node.class_list().add_1(HIGHLIGHT_CLASS);
    }
    let top = document()
        .query_selector(&format!(".{}", dom::TOP_BAR))
        .ok()
        .flatten()
        .map_or(0.0, |bar| bar.get_bounding_client_rect().bottom())
        + 8.0;
    let bar_top = document()
        .query_selector(".reader-bar:not([hidden])")
        .ok()
        .flatten()
        .map_or_else(
            || {
                window()
                    .inner_height()
                    .ok()
                    .and_then(|h| h.as_f64())
                    .unwrap_or(0.0)
            },
            |bar| bar.get_bounding_client_rect().top(),
        );
    let rect = node.get_bounding_client_rect();
    if rect.top() < top || rect.bottom() > bar_top - 8.0 {
        let calm = window()
            .match_media("(prefers-reduced-motion: reduce)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches());
        let options = web_sys::ScrollToOptions::new();
        options.set_top(rect.top() - top);
        options.set_behavior(if calm {
            web_sys::ScrollBehavior::Auto
        } else {
            web_sys::ScrollBehavior::Smooth
        });
        window().scroll_by_with_scroll_to_options(&options);
    }
}

/// The reading bar at the bottom of the screen. A message is read out at once (`role=alert`);
/// the progress (第2/6句) is not, so that a screen reader does not talk over the voice at every
/// sentence. The focus goes to 暂停 when a reading starts, and to 关闭 with a message.
#[function_component]
pub fn ReadingBar() -> Html {
    let reading = use_state(Reading::default);
    {
        let set = reading.setter();
        use_effect_with((), move |_| {
            ENGINE.with(|e| e.borrow_mut().show = Some(Callback::from(move |r| set.set(r))));
            // Esc stops the reading.
            let escape = EventListener::new(&document(), "keydown", |event| {
                let escape = event
                    .dyn_ref::<KeyboardEvent>()
                    .is_some_and(|k| k.key() == "Escape");
                let shown = document()
                    .document_element()
                    .is_some_and(|r| r.class_list().contains(READING_CLASS));
                if escape && shown {
                    stop_and_return();
                }
            });
            move || drop(escape)
        });
    }
    let first = use_node_ref();
    {
        let first = first.clone();
        let starting = matches!(
            *reading,
            Reading::Speaking {
                at: 0,
                paused: false,
                ..
            }
        ) || matches!(*reading, Reading::Message(ref m) if m != FINISHED);
        use_effect_with((starting, (*reading).clone()), move |(starting, _)| {
            if *starting {
                if let Some(button) = first.cast::<Element>() {
                    page::focus(&button);
                }
            }
        });
    }
    let close = Callback::from(|_| {
        show(Reading::Idle);
        clear_highlight();
        give_focus_back();
    });
    let (now, alert, buttons) = match &*reading {
        // Hidden between readings.
        Reading::Idle => {
            return html! {
                <div class="reader-bar floating-box" role="region" aria-label="朗读"
                    data-testid="reader-bar" hidden=true></div>
            }
        }
        Reading::Speaking { at, of, paused } => (
            format!("第{}/{}句", at + 1, of),
            false,
            html! { <>
                <button type="button" class="control" data-testid="reader-pause" ref={first}
                    onclick={Callback::from(|_| pause_or_resume())}>
                    { if *paused { "继续" } else { "暂停" } }
                </button>
                <button type="button" class="control" data-testid="reader-stop"
                    onclick={Callback::from(|_| stop_and_return())}>{ "停止" }</button>
            </> },
        ),
        Reading::Message(text) => (
            text.clone(),
            true,
            html! {
                <button type="button" class="control" data-testid="reader-close" ref={first}
                    onclick={close}>{ "关闭" }</button>
            },
        ),
    };
    html! {
        <div class={classes!("reader-bar", "floating-box", alert.then_some("reader-bar--message"))}
            role="region" aria-label="朗读" data-testid="reader-bar">
            <p class="reader-bar__now" data-testid="reader-now" role={alert.then_some("alert")}>
                { now }
            </p>
            { buttons }
        </div>
    }
}
