//! The controls panel: one control per model key, grouped, each with a label, a slider, an
//! exact number box (`name=KEY`), its unit, a one-line explanation and a reset.

use super::state::Action;
use crate::format;
use crate::i18n::{fill, tr, Lang};
use crate::scenario::{AiModel, Group, Key, Kind, Scenario, KEYS};
use wasm_bindgen::JsCast;
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
    let s = props.scenario;
    let lang = props.lang;
    let control = |key: Key| html! { <Control key={key.name()} id={key} scenario={s} dispatch={props.dispatch.clone()} {lang} /> };
    if let Some(keys) = &props.only {
        return html! { <div class="group flat">{ for keys.iter().copied().map(control) }</div> };
    }
    let hidden_group = match s.ai() {
        AiModel::Gpu => Group::Colocation,
        AiModel::Colo => Group::GpuCloud,
    };
    html! {
        { for Group::ALL.iter().map(|&g| html! {
            <details class="group" open=true hidden={g == hidden_group}>
                <summary>{ tr(lang, g.title()) }</summary>
                { for KEYS.iter().filter(|d| d.group == g).map(|d| control(d.key)) }
            </details>
        }) }
    }
}

#[derive(Properties)]
struct ControlProps {
    id: Key,
    scenario: Scenario,
    dispatch: Callback<Action>,
    lang: Lang,
}

impl PartialEq for ControlProps {
    /// A control shows only its own key's value, default and bounds, so it re-renders only
    /// when one of those changes (not on every change of the scenario).
    fn eq(&self, other: &Self) -> bool {
        let shown = |p: &Self| {
            let (s, k) = (&p.scenario, p.id);
            (k, s.get(k), s.default_of(k), s.bounds(k))
        };
        shown(self) == shown(other) && self.dispatch == other.dispatch && self.lang == other.lang
    }
}

fn input_of(e: &Event) -> Option<HtmlInputElement> {
    e.target()?.dyn_into().ok()
}

/// A value typed so far, if it is already a clean value for the key (live update while typing).
fn clean_value(s: &Scenario, key: Key, text: &str) -> Option<f64> {
    let mut copy = *s;
    copy.set_text(key, text)
        .is_empty()
        .then(|| copy.get(key))
        .filter(|_| !text.trim().is_empty())
}

#[function_component(Control)]
fn control(props: &ControlProps) -> Html {
    let ControlProps {
        id: key,
        scenario: s,
        dispatch,
        lang,
    } = props;
    let lang = *lang;
    let t = |en: &'static str| tr(lang, en);
    let (key, s) = (*key, *s);
    let d = key.def();
    let id = format!("c-{}", d.name);
    let value = s.get(key);
    let default = s.default_of(key);
    let default_text = match d.kind {
        Kind::Month => crate::scenario::YearMonth::from_index(default as i32).to_string(),
        Kind::AiModel => t(if default == 0.0 {
            "GPU cloud"
        } else {
            "Colocation"
        })
        .to_string(),
        Kind::Toggle => t(if default == 1.0 { "on" } else { "off" }).to_string(),
        _ => format!("{} {}", format::number(default, 6), t(d.unit)),
    };
    let reset = {
        let dispatch = dispatch.clone();
        html! {
            <button type="button" class="reset" title={fill(t("Reset to default ({value})"), &[("value", default_text.trim())])}
                aria-label={fill(t("Reset {label} to its default"), &[("label", t(d.label))])} disabled={value == default}
                onclick={Callback::from(move |_| dispatch.emit(Action::Reset(key)))}>{ "↺" }</button>
        }
    };
    let on_text_change = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = input_of(&e) {
                let text = input.value();
                // Show the safe value at once, even when the scenario does not change.
                let mut after = s;
                after.set_text(key, &text);
                input.set_value(&after.value_text(key));
                dispatch.emit(Action::SetText(key, text));
            }
        })
    };
    let body = match d.kind {
        Kind::Month => {
            let (lo, hi) = s.bounds(key);
            let month = |v: f64| crate::scenario::YearMonth::from_index(v as i32).to_string();
            let dispatch = dispatch.clone();
            html! {
                <input type="month" class="month" id={id.clone()} name={d.name} value={s.value_text(key)}
                    min={month(lo)} max={month(hi)}
                    onchange={Callback::from(move |e: Event| {
                        if let Some(input) = input_of(&e) {
                            dispatch.emit(Action::SetText(key, input.value()));
                        }
                    })} />
            }
        }
        Kind::AiModel => {
            let dispatch = dispatch.clone();
            html! {
                <select id={id.clone()} name={d.name}
                    onchange={Callback::from(move |e: Event| {
                        if let Some(select) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) {
                            dispatch.emit(Action::SetText(key, select.value()));
                        }
                    })}>
                    <option value="gpu" selected={s.ai() == AiModel::Gpu}>{ t("GPU cloud: own GPUs, rent GPU-hours") }</option>
                    <option value="colo" selected={s.ai() == AiModel::Colo}>{ t("Colocation: lease the powered hall") }</option>
                </select>
            }
        }
        Kind::Toggle => {
            let dispatch = dispatch.clone();
            html! {
                <input type="checkbox" id={id.clone()} name={d.name} value="1" checked={value == 1.0}
                    onchange={Callback::from(move |e: Event| {
                        if let Some(input) = input_of(&e) {
                            dispatch.emit(Action::Set(key, if input.checked() { 1.0 } else { 0.0 }));
                        }
                    })} />
            }
        }
        Kind::Real | Kind::Integer => {
            let (lo, hi) = key.slider_range();
            let on_slide = {
                let dispatch = dispatch.clone();
                Callback::from(move |e: InputEvent| {
                    if let Some(v) = e
                        .target()
                        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                        .and_then(|i| i.value().parse::<f64>().ok())
                    {
                        dispatch.emit(Action::Set(key, v));
                    }
                })
            };
            let on_type = {
                let dispatch = dispatch.clone();
                Callback::from(move |e: InputEvent| {
                    let input = e
                        .target()
                        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok());
                    if let Some(v) = input.and_then(|i| clean_value(&s, key, &i.value())) {
                        dispatch.emit(Action::Set(key, v));
                    }
                })
            };
            html! {
                <div class="control-row">
                    <input type="range" data-for={d.name} min={lo.to_string()} max={hi.to_string()}
                        step={d.step.to_string()} value={value.clamp(lo, hi).to_string()}
                        aria-label={t(d.label)} oninput={on_slide} />
                    <input type="text" inputmode="decimal" class="number" id={id.clone()} name={d.name}
                        value={s.value_text(key)} autocomplete="off" spellcheck="false"
                        oninput={on_type} onchange={on_text_change} />
                </div>
            }
        }
    };
    html! {
        <div class={classes!("control", (d.kind == Kind::Toggle).then_some("toggle"))} data-key={d.name}>
            <div class="control-head">
                <label for={id}>{ t(d.label) }</label>
                if !d.unit.is_empty() { <span class="unit">{ t(d.unit) }</span> }
                { reset }
            </div>
            { body }
            <p class="help">{ t(d.help) }</p>
        </div>
    }
}
