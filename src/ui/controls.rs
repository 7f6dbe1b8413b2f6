//! The controls panel: one control per model key, rendered from the explorer's view models;
//! each control forwards its gestures as actions.

use super::dom::{focus, page_focused, target};
use super::forward;
use super::warnings::marked_up;
use crate::explorer::core::drafts::{Draft, Drafts};
use crate::explorer::core::typing;
use crate::explorer::view::breakevens;
use crate::explorer::view::controls::{
    self, control_shows, control_typed, groups, ControlSlice, InputView,
};
use crate::explorer::view::snapshot::Snapshot;
use crate::explorer::{Action, Swept};
use crate::i18n::{Lang, Msg};
use crate::scenario::{Group, Key, Kind, Scenario};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`Controls`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The scenario shown.
    pub scenario: Scenario,
    /// What the reader's typing left in the controls.
    pub drafts: Drafts,
    /// Where gestures go.
    pub dispatch: Callback<Action>,
    /// Only these keys, ungrouped (embed `controls=`); `None`: every key, grouped.
    #[prop_or_default]
    pub only: Option<Vec<Key>>,
    /// The market snapshot's line, shown at the top of the market group.
    pub snapshot: Snapshot,
    /// The latest sweep of the inputs, whose bands mark under each slider where converting wins
    /// (dimmed by the panel's `data-sweep=stale` while it is of an earlier scenario: one
    /// attribute, so that a drag's first step re-renders no control).
    #[prop_or_default]
    pub swept: Option<Swept>,
    /// Interface language.
    pub lang: Lang,
}

/// The panel.
#[function_component(Controls)]
pub fn controls(props: &Props) -> Html {
    let (s, lang) = (props.scenario, props.lang);
    let control = |key: Key| {
        html! {
            <Control key={key.name()} id={key} scenario={s} draft={props.drafts.of(key)}
                dispatch={props.dispatch.clone()} {lang} />
        }
    };
    if let Some(keys) = &props.only {
        return html! { <div class="group flat">{ for keys.iter().copied().map(control) }</div> };
    }
    html! {
        <>
        if props.swept.is_some() {
            <p class="help band-legend">{ lang.t(Msg::ShadingLegend) }</p>
        }
        { for groups(&s, lang).into_iter().map(|g| html! {
            <GroupView key={g.title} title={g.title} keys={g.keys} hidden={g.hidden} shown_count={g.shown_count}
                open={g.open} snapshot={(g.group == Group::Market).then(|| props.snapshot.clone())}
                swept={props.swept.clone()}
                scenario={s} drafts={props.drafts.clone()} dispatch={props.dispatch.clone()} {lang} />
        }) }
        </>
    }
}

#[derive(Properties)]
struct GroupProps {
    title: &'static str,
    keys: Vec<Key>,
    hidden: bool,
    shown_count: usize,
    open: bool,
    snapshot: Option<Snapshot>,
    swept: Option<Swept>,
    scenario: Scenario,
    drafts: Drafts,
    dispatch: Callback<Action>,
    lang: Lang,
}

impl PartialEq for GroupProps {
    /// A group re-renders only when one of its own keys, or what was typed for it, changes.
    fn eq(&self, other: &Self) -> bool {
        (
            self.title,
            &self.keys,
            self.hidden,
            self.shown_count,
            self.open,
            &self.snapshot,
            &self.swept,
            &self.dispatch,
            self.lang,
        ) == (
            other.title,
            &other.keys,
            other.hidden,
            other.shown_count,
            other.open,
            &other.snapshot,
            &other.swept,
            &other.dispatch,
            other.lang,
        ) && self.keys.iter().all(|&k| {
            ControlSlice::of(&self.scenario, k) == ControlSlice::of(&other.scenario, k)
                && self.drafts.of(k) == other.drafts.of(k)
        })
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
        open,
        snapshot,
        swept,
        scenario,
        drafts,
        dispatch,
        lang,
    } = props;
    // Once open, the element's `open` stays set: a group opens when it should (the plan starts
    // borrowing) and never closes under the reader, who may open or close any group.
    let opened = use_mut_ref(|| false);
    if *open {
        *opened.borrow_mut() = true;
    }
    let opened = *opened.borrow();
    // Until it is first laid out, the page takes it to be as tall as its controls shown: none
    // while it is closed, its summary only. The market group holds more than its controls: the
    // snapshot's line (counted as one more control: on a phone it wraps to as much) and a
    // snapshot note under each of `btc`, `hr` and `fee` (half a control each). Better too tall
    // than too short: a group that turns out shorter only lifts the bottom to the reader, one
    // that turns out taller moves it away from End.
    // Its button, when there is one, is one more.
    let notes = keys.iter().filter(|k| k.def().snapshot).count();
    let lines = snapshot
        .as_ref()
        .map_or(0, |s| 1 + u8::from(s.refresh.is_some()));
    let tall = if opened {
        *shown_count as f64 + f64::from(lines) + 0.5 * notes as f64
    } else {
        0.0
    };
    // The button goes once pressed: the focus moves to the line, which names the new market.
    let refresh = dispatch.reform(|_: MouseEvent| {
        focus("market-snapshot");
        Action::MarketRefresh
    });
    html! {
        // Named for screen readers, which do not take a group's name from its summary.
        <details class="group" open={opened} hidden={*hidden} aria-label={*title}
            style={format!("--controls: {tall}")}>
            <summary>{ *title }</summary>
            if let Some(s) = snapshot {
                <p class={classes!("snapshot-age", s.stale.then_some("stale"))} data-role="snapshot"
                    id="market-snapshot" tabindex="-1" data-date={s.date.clone()}>{ s.text.clone() }</p>
                if let Some(label) = &s.refresh {
                    <button type="button" class="market-refresh" data-action="market-refresh"
                        onclick={refresh}>{ label }</button>
                }
            }
            { for keys.iter().map(|&key| html! {
                <Control key={key.name()} id={key} scenario={*scenario} draft={drafts.of(key)}
                    band={swept.as_ref().and_then(|w| breakevens::band(w, key))}
                    dispatch={dispatch.clone()} lang={*lang} />
            }) }
        </details>
    }
}

#[derive(Properties)]
struct ControlProps {
    id: Key,
    scenario: Scenario,
    draft: Draft,
    /// The style of the band under its slider ([`breakevens::band`]), if any.
    #[prop_or_default]
    band: Option<String>,
    dispatch: Callback<Action>,
    lang: Lang,
}

impl PartialEq for ControlProps {
    /// A control shows only its own key's value, default, bounds and visibility, and what was
    /// typed for it, so it re-renders only when one of those changes (not on every change of
    /// the scenario). A commit always re-renders it, which puts the value in force back in the
    /// box or the picker even when the value did not change.
    fn eq(&self, other: &Self) -> bool {
        (self.id, self.lang, &self.dispatch, &self.draft, &self.band)
            == (
                other.id,
                other.lang,
                &other.dispatch,
                &other.draft,
                &other.band,
            )
            && ControlSlice::of(&self.scenario, self.id)
                == ControlSlice::of(&other.scenario, other.id)
    }
}

/// The value of the input element an event is for.
fn value_of(e: &web_sys::Event) -> Option<String> {
    target::<HtmlInputElement>(e).map(|input| input.value())
}

#[function_component(Control)]
fn control_view(props: &ControlProps) -> Html {
    let ControlProps {
        id: key,
        scenario: s,
        draft,
        band,
        dispatch,
        lang,
    } = props;
    let (key, s, lang) = (*key, *s, *lang);
    let c = control_typed(&s, draft, key, lang);
    // The input is described by its unit and its help (its label names it); the number box
    // also by its problem.
    let (unit_id, help_id) = (format!("{}-unit", c.id), format!("{}-help", c.id));
    let problem_id = format!("{}-problem", c.id);
    let described = match c.unit {
        Some(_) => format!("{unit_id} {help_id}"),
        None => help_id.clone(),
    };
    let box_described = match c.problem {
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
    let body = match c.input {
        InputView::Month { value, min, max } => {
            // What the picker's text does (a month applied at once, or waiting until Enter or
            // the picker is left) is the state's to say; it shows the month in force after each
            // commit (a month before `start` leaves the value where it was).
            let on_change = forward(dispatch, move |e: Event| {
                let text = value_of(&e)?;
                Some(Action::MonthInput { key, text })
            });
            let on_blur = forward(dispatch, move |e: FocusEvent| {
                let text = value_of(&e)?;
                let page_focused = page_focused();
                Some(Action::MonthLeave {
                    key,
                    text,
                    page_focused,
                })
            });
            // Enter reads it too (where the picker is a text box, Firefox's and Safari's).
            let on_enter = forward(dispatch, move |e: KeyboardEvent| {
                if e.key() != "Enter" {
                    return None;
                }
                let text = value_of(&e)?;
                Some(Action::MonthEnter { key, text })
            });
            html! {
                <input type="month" class="month" id={c.id.clone()} name={c.name} aria-describedby={described.clone()} {value} {min} {max}
                    onchange={on_change} onblur={on_blur} onkeydown={on_enter} />
            }
        }
        InputView::Select { options } => {
            let on_change = forward(dispatch, move |e: Event| {
                let select = target::<HtmlSelectElement>(&e)?;
                Some(Action::SetText(key, select.value()))
            });
            html! {
                <select id={c.id.clone()} name={c.name} aria-describedby={described.clone()} onchange={on_change}>
                    { for options.into_iter().map(|o| html! {
                        <option value={o.value} selected={o.selected}>{ o.label }</option>
                    }) }
                </select>
            }
        }
        InputView::Checkbox { checked } => {
            let on_change = forward(dispatch, move |e: Event| {
                let input = target::<HtmlInputElement>(&e)?;
                Some(Action::Set(key, if input.checked() { 1.0 } else { 0.0 }))
            });
            html! {
                <input type="checkbox" id={c.id.clone()} name={c.name} aria-describedby={described.clone()} value="1" {checked}
                    onchange={on_change} />
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
            // The box shows what the state says: the text being typed, or the value in force.
            let on_type = forward(dispatch, move |e: InputEvent| {
                let text = value_of(&e)?;
                Some(Action::Type { key, text })
            });
            let on_change = forward(dispatch, move |e: Event| {
                let text = value_of(&e)?;
                Some(Action::Commit { key, text })
            });
            let on_blur = dispatch.reform(move |_: FocusEvent| Action::LeaveBox(key));
            html! {
                <div class="control-row">
                    <div class="slider">
                        <input type="range" id={slider_id} data-for={c.name} {min} {max} {step} value={position}
                            style={fill}
                            aria-label={c.label} aria-valuetext={spoken} aria-describedby={described.clone()}
                            oninput={on_slide} onkeydown={on_key} />
                        if let Some(style) = band {
                            <span class="band" aria-hidden="true" style={style.clone()}></span>
                        }
                    </div>
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
            if let Some(text) = c.problem { <p class="problem" id={problem_id}>{ marked_up(&text) }</p> }
            <p class="help" id={help_id}>{ c.help }</p>
            if let Some(note) = c.note { <p class="help snapshot">{ note }</p> }
        </div>
    }
}
