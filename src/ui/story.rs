//! The story panel above the charts: the story's title, a progress line, the step's heading and
//! text (a polite live region: a screen reader reads each step as it comes, once its numbers
//! are in), and Previous, Next and "Take the wheel". The arrow keys (outside the form
//! controls and the chart tabs, which use them) and a sideways swipe on the panel walk the
//! steps too. Plain functions, not a component: the page renders the panel with its state.

use super::store::Store;
use crate::explorer::view::story::StoryPanel;
use crate::explorer::Action;
use crate::i18n::{Lang, Msg};
use gloo::events::{EventListener, EventListenerOptions};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How far a swipe must go sideways to turn a step, CSS px.
const SWIPE_PX: i32 = 40;

thread_local! {
    /// Where a finger or pen went down on the panel.
    static DOWN: Cell<Option<(i32, i32)>> = const { Cell::new(None) };
}

/// Turns the story's step on ← and → while one is open ([`key_step`]).
pub fn keys(store: Rc<Store>) -> EventListener {
    let active = EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(&gloo::utils::document(), "keydown", active, move |e| {
        let e = e.dyn_ref::<KeyboardEvent>();
        let open = store.state().view.story.is_some();
        if let Some((e, step)) = e.filter(|_| open).and_then(|e| Some((e, key_step(e)?))) {
            e.prevent_default();
            store.dispatch(step);
        }
    })
}

/// The step a key press turns to: ← the previous, → the next, unless a modifier is held, the
/// page took the key already, or the key is its target's own (a form control's, a chart tab's).
fn key_step(e: &KeyboardEvent) -> Option<Action> {
    let by = match e.key().as_str() {
        "ArrowLeft" => -1,
        "ArrowRight" => 1,
        _ => return None,
    };
    // The chart tabs take their arrows (and prevent the default).
    let element = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let owns =
        element.is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
    let modified = e.alt_key() || e.ctrl_key() || e.meta_key() || e.shift_key();
    (!(modified || owns || e.default_prevented())).then_some(Action::StoryStep(by))
}

/// A button of the panel: `action` its `data-action` and class, `off` whether it does nothing
/// here (the first step's Previous, the last's Next).
fn button(
    action: &'static str,
    label: &'static str,
    off: bool,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! {
        <button type="button" class={action} data-action={action} aria-disabled={off.to_string()} {onclick}>{ label }</button>
    }
}

/// The story panel.
pub fn view(panel: &StoryPanel, dispatch: &Callback<Action>, lang: Lang) -> Html {
    let onpointerdown = Callback::from(|e: PointerEvent| {
        let at = (e.pointer_type() != "mouse").then(|| (e.client_x(), e.client_y()));
        DOWN.set(at);
    });
    let onpointerup = super::forward(dispatch, |e: PointerEvent| {
        let (x, y) = DOWN.take()?;
        let (dx, dy) = (e.client_x() - x, e.client_y() - y);
        (dx.abs() > SWIPE_PX && dx.abs() > dy.abs())
            .then(|| Action::StoryStep(-dx.signum() as isize))
    });
    let step = |by: isize| dispatch.reform(move |_| Action::StoryStep(by));
    let (at, steps) = (panel.step, panel.steps);
    html! {
        <section class="story" data-role="story" data-step={at.to_string()} data-steps={steps.to_string()}
            style={format!("--done: {}%", at * 100 / steps)} aria-labelledby="story-title" {onpointerdown} {onpointerup}>
            <h2 id="story-title">{ panel.title }</h2>
            <div class="story-step" aria-live="polite" aria-atomic="true" aria-busy={panel.pending.to_string()}>
                { Html::from_html_unchecked(panel.html.clone().into()) }
            </div>
            <div class="story-nav">
                { button("story-prev", lang.t(Msg::StoryPrev), at == 1, step(-1)) }
                { button("story-next", lang.t(Msg::StoryNext), at == steps, step(1)) }
                { button("story-exit", lang.t(Msg::StoryExit), false, dispatch.reform(|_| Action::StoryExit)) }
            </div>
        </section>
    }
}
