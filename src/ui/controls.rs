//! The controls panel: one control per model key, rendered from the explorer's view models;
//! each control forwards its gestures as actions.

use super::dom::{focus, target};
use super::forward;
use super::warnings::marked_up;
use crate::explorer::core::typing::{self, committed, preview, Committed};
use crate::explorer::view::controls::{
    self, control, control_shows, groups, ControlSlice, InputView,
};
use crate::explorer::view::page::page_voice;
use crate::explorer::Action;
use crate::i18n::Lang;
use crate::i18n::WarningText;
use crate::scenario::{Key, Kind, Scenario, Warning};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`Controls`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The scenario shown.
    pub scenario: Scenario,
    /// Where gestures go.
    pub dispatch: Callback<Action>,
    /// Only these keys, ungrouped (embed `controls=`); `None`: every key, grouped.
    #[prop_or_default]
    pub only: Option<Vec<Key>>,
    /// Interface language.
    pub lang: Lang,
}

/// The panel.
#[function_component(Controls)]
pub fn controls(props: &Props) -> Html {
    let (s, lang) = (props.scenario, props.lang);
    let control = |key: Key| {
        html! {
            <Control key={key.name()} id={key} scenario={s} dispatch={props.dispatch.clone()} {lang} />
        }
    };
    if let Some(keys) = &props.only {
        return html! { <div class="group flat">{ for keys.iter().copied().map(control) }</div> };
    }
    html! {
        { for groups(&s, lang).into_iter().map(|g| html! {
            <GroupView key={g.title} title={g.title} keys={g.keys} hidden={g.hidden} shown_count={g.shown_count}
                scenario={s} dispatch={props.dispatch.clone()} {lang} />
        }) }
    }
}

#[derive(Properties)]
struct GroupProps {
    title: &'static str,
    keys: Vec<Key>,
    hidden: bool,
    shown_count: usize,
    scenario: Scenario,
    dispatch: Callback<Action>,
    lang: Lang,
}

impl PartialEq for GroupProps {
    /// A group re-renders only when one of its own keys changes.
    fn eq(&self, other: &Self) -> bool {
        (
            self.title,
            &self.keys,
            self.hidden,
            self.shown_count,
            &self.dispatch,
            self.lang,
        ) == (
            other.title,
            &other.keys,
            other.hidden,
            other.shown_count,
            &other.dispatch,
            other.lang,
        ) && self
            .keys
            .iter()
            .all(|&k| ControlSlice::of(&self.scenario, k) == ControlSlice::of(&other.scenario, k))
    }
}

/// One group of controls.
#[function_component(GroupView)]
fn group_view(props: &GroupProps) -> Html {
    let GroupProps {
        title,
        keys,
        hidden,
        shown_count,
        scenario,
        dispatch,
        lang,
    } = props;
    html! {
        // Named for screen readers, which do not take a group's name from its summary. Until it
        // is first laid out, the page takes it to be as tall as its controls shown.
        <details class="group" open=true hidden={*hidden} aria-label={*title}
            style={format!("--controls: {shown_count}")}>
            <summary>{ *title }</summary>
            { for keys.iter().map(|&key| html! {
                <Control key={key.name()} id={key} scenario={*scenario} dispatch={dispatch.clone()} lang={*lang} />
            }) }
        </details>
    }
}

/// A number box being typed into.
#[derive(Clone, PartialEq)]
struct Draft {
    /// The text as typed.
    typed: String,
    /// The key's value the typing left (a clean text applies as it is typed).
    left: f64,
    /// The key's value when the typing began.
    before: f64,
}

#[derive(Properties)]
struct ControlProps {
    id: Key,
    scenario: Scenario,
    dispatch: Callback<Action>,
    lang: Lang,
}

impl PartialEq for ControlProps {
    /// A control shows only its own key's value, default, bounds and visibility, so it
    /// re-renders only when one of those changes (not on every change of the scenario).
    fn eq(&self, other: &Self) -> bool {
        (self.id, self.lang, &self.dispatch) == (other.id, other.lang, &other.dispatch)
            && ControlSlice::of(&self.scenario, self.id)
                == ControlSlice::of(&other.scenario, other.id)
    }
}

#[function_component(Control)]
fn control_view(props: &ControlProps) -> Html {
    let ControlProps {
        id: key,
        scenario: s,
        dispatch,
        lang,
    } = props;
    let (key, s, lang) = (*key, *s, *lang);
    let c = control(&s, key, lang);
    // The number box's text while it is being typed into, the key's value it left, and the
    // key's value before: the box keeps what the reader typed (a clean value applies at once,
    // but the box is not rewritten under their keys: `1.234.567` must not become `1,234` after
    // its fifth key) until the change or the blur, or until the value moves some other way
    // (back, a preset); text that cannot be read then falls back to the value before.
    let draft = use_state_eq(|| None::<Draft>);
    // A month picker shows the month the model uses after each change: a month before `start`
    // leaves the value where it was, so nothing else would redraw the picker, which would keep
    // showing the month the reader picked.
    let month_box = use_node_ref();
    let month_changes = use_state(|| 0u32);
    {
        let month_box = month_box.clone();
        let shown = match &c.input {
            InputView::Month { value, .. } => Some(value.clone()),
            _ => None,
        };
        use_effect_with((*month_changes, shown), move |(_, shown)| {
            if let (Some(picker), Some(shown)) = (month_box.cast::<HtmlInputElement>(), shown) {
                if picker.value() != *shown {
                    picker.set_value(shown);
                }
            }
        });
    }
    let draft_now = (*draft).clone().filter(|d| d.left == s.get(key));
    // The problem with the text last committed in the box, and the value that commit left: it
    // is said beside the box, in the page's language, until the value moves (a step, a reset,
    // a preset) or the reader types again.
    let problem = use_state_eq(|| None::<(Warning, f64)>);
    {
        let problem = problem.clone();
        use_effect_with(s.get(key), move |value| {
            if problem.as_ref().is_some_and(|(_, left)| left != value) {
                problem.set(None);
            }
        });
    }
    let problem_now = (*problem)
        .as_ref()
        .filter(|(_, left)| *left == s.get(key))
        .map(|(w, _)| w.said(page_voice(lang)));
    // The input is described by its unit and its help (its label names it); the number box
    // also by its problem.
    let (unit_id, help_id) = (format!("{}-unit", c.id), format!("{}-help", c.id));
    let problem_id = format!("{}-problem", c.id);
    let described = match c.unit {
        Some(_) => format!("{unit_id} {help_id}"),
        None => help_id.clone(),
    };
    let box_described = match problem_now {
        Some(_) => format!("{described} {problem_id}"),
        None => described.clone(),
    };
    // The button is disabled once its value is the default: the focus goes to the control it
    // reset, not to the page; for a number, to its slider, which a phone opens no keyboard for.
    let slider_id = format!("{}-slider", c.id);
    let reset = {
        let dispatch = dispatch.clone();
        let target = match c.input {
            InputView::Number { .. } => slider_id.clone(),
            _ => c.id.clone(),
        };
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::Reset(key));
            focus(&target);
        })
    };
    let set_text = move |dispatch: &Callback<Action>| {
        dispatch.reform(move |text: String| Action::SetText(key, text))
    };
    let body = match c.input {
        InputView::Month { value, min, max } => {
            // A month within the picker's range applies at once; any other (a year half
            // typed, a part cleared) waits for the blur, which reads whatever the picker then
            // holds and shows the month in force.
            let on_change = {
                let (set, month_changes) = (set_text(dispatch), month_changes.clone());
                let (min, max) = (min.clone(), max.clone());
                Callback::from(move |e: Event| {
                    if let Some(input) = target::<HtmlInputElement>(&e) {
                        let text = input.value();
                        if typing::month_applies(&text, &min, &max) {
                            set.emit(text);
                            month_changes.set(*month_changes + 1);
                        }
                    }
                })
            };
            // Reads the picker as it stands, unless it shows the month in force.
            let read = {
                let (set, month_changes) = (set_text(dispatch), month_changes.clone());
                let shown = value.clone();
                move |input: HtmlInputElement| {
                    if input.value() != shown {
                        set.emit(input.value());
                        month_changes.set(*month_changes + 1);
                    }
                }
            };
            // Leaving the picker reads it; leaving the window (another tab) does not, so a
            // year half typed waits for the reader's return.
            let on_blur = {
                let read = read.clone();
                Callback::from(move |e: FocusEvent| {
                    let page_has_focus = gloo::utils::document().has_focus().unwrap_or(true);
                    if let Some(input) = target::<HtmlInputElement>(&e).filter(|_| page_has_focus) {
                        read(input);
                    }
                })
            };
            // Enter reads it too (where the picker is a text box, Firefox's and Safari's).
            let on_enter = Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" {
                    if let Some(input) = target::<HtmlInputElement>(&e) {
                        read(input);
                    }
                }
            });
            html! {
                <input type="month" class="month" id={c.id.clone()} name={c.name} aria-describedby={described.clone()} {value} {min} {max}
                    ref={month_box} onchange={on_change} onblur={on_blur} onkeydown={on_enter} />
            }
        }
        InputView::Select { options } => {
            let set = set_text(dispatch);
            html! {
                <select id={c.id.clone()} name={c.name} aria-describedby={described.clone()}
                    onchange={Callback::from(move |e: Event| {
                        if let Some(select) = target::<HtmlSelectElement>(&e) { set.emit(select.value()) }
                    })}>
                    { for options.into_iter().map(|o| html! {
                        <option value={o.value} selected={o.selected}>{ o.label }</option>
                    }) }
                </select>
            }
        }
        InputView::Checkbox { checked } => {
            let dispatch = dispatch.clone();
            html! {
                <input type="checkbox" id={c.id.clone()} name={c.name} aria-describedby={described.clone()} value="1" {checked}
                    onchange={Callback::from(move |e: Event| {
                        if let Some(input) = target::<HtmlInputElement>(&e) {
                            dispatch.emit(Action::Set(key, if input.checked() { 1.0 } else { 0.0 }));
                        }
                    })} />
            }
        }
        InputView::Number {
            min,
            max,
            step,
            position,
            fill,
            text,
            spoken,
        } => {
            let on_slide = forward(dispatch, move |e: InputEvent| {
                let slider = target::<HtmlInputElement>(&e)?;
                let v = slider.value().parse::<f64>().ok()?;
                // The page renders the step after the frame (see `super::live`); the slider
                // announces its new value at once.
                let said = controls::spoken(key, s.with(key, v).get(key), lang);
                let _ = slider.set_attribute("aria-valuetext", &said);
                // So does its track's filled part, which the page draws on touch screens.
                let _ = slider.set_attribute("style", &controls::slider_fill(key, v));
                Some(Action::Slide(key, v))
            });
            // Beyond the slider's range, arrows and pages move the value itself, not the
            // slider's end. The value moves as the state holds it when the press arrives: a
            // key's repeats before a render each count.
            let on_key = forward(dispatch, move |e: KeyboardEvent| {
                let nudge = typing::Nudge::of_key(&e.key())?;
                if !typing::beyond_slider(&s, key) {
                    return None;
                }
                e.prevent_default();
                Some(Action::Nudge(key, nudge))
            });
            // While typing, clean values apply at once; the rest waits for the change.
            let before = draft_now.as_ref().map_or(s.get(key), |d| d.before);
            let on_type = {
                let (draft, problem, dispatch) = (draft.clone(), problem.clone(), dispatch.clone());
                Callback::from(move |e: InputEvent| {
                    let Some(input) = target::<HtmlInputElement>(&e) else {
                        return;
                    };
                    problem.set(None);
                    let typed = input.value();
                    let value = preview(&s, key, &typed, lang);
                    if let Some(v) = value {
                        dispatch.emit(Action::Set(key, v));
                    }
                    let left = value.unwrap_or(s.get(key));
                    draft.set(Some(Draft {
                        typed,
                        left,
                        before,
                    }));
                })
            };
            let on_change = {
                let (draft, problem, dispatch) = (draft.clone(), problem.clone(), dispatch.clone());
                Callback::from(move |e: Event| {
                    if let Some(input) = target::<HtmlInputElement>(&e) {
                        let text = input.value();
                        let Committed {
                            scenario,
                            text: shown,
                            warnings,
                        } = committed(&s, key, &text, before, lang);
                        // Show the safe value at once, even when the scenario does not change.
                        input.set_value(&shown);
                        problem.set(warnings.first().map(|w| (w.clone(), scenario.get(key))));
                        draft.set(None);
                        dispatch.emit(Action::Commit(key, text, before));
                    }
                })
            };
            let on_blur = {
                let draft = draft.clone();
                Callback::from(move |_: FocusEvent| draft.set(None))
            };
            let text = draft_now.map_or(text, |d| d.typed);
            html! {
                <div class="control-row">
                    <input type="range" id={slider_id} data-for={c.name} {min} {max} {step} value={position}
                        style={fill}
                        aria-label={c.label} aria-valuetext={spoken} aria-describedby={described.clone()}
                        oninput={on_slide} onkeydown={on_key} />
                    <input type="text" inputmode="decimal" class="number" id={c.id.clone()} name={c.name} aria-describedby={box_described}
                        value={text} autocomplete="off" spellcheck="false"
                        oninput={on_type} onchange={on_change} onblur={on_blur} />
                </div>
            }
        }
    };
    let toggle = key.def().kind == Kind::Toggle;
    html! {
        <div class={classes!("control", toggle.then_some("toggle"))} data-key={c.name} hidden={!control_shows(&s, key)}>
            <div class="control-head">
                <label for={c.id}>{ c.label }</label>
                if let Some(unit) = c.unit { <span class="unit" id={unit_id}>{ unit }</span> }
                <button type="button" class="reset" title={c.reset_title}
                    aria-label={c.reset_label} disabled={c.at_default} onclick={reset}>{ "↺" }</button>
            </div>
            { body }
            if let Some(text) = problem_now { <p class="problem" id={problem_id}>{ marked_up(&text) }</p> }
            <p class="help" id={help_id}>{ c.help }</p>
            if let Some(note) = c.note { <p class="help snapshot">{ note }</p> }
        </div>
    }
}
