//! The page's pickers as components of their own, so that a slider step does not render them
//! again: the preset picker and the chart tabs.

use super::dom;
use crate::charts::ChartId;
use crate::explorer::view::page::{picker_key_browses, PresetPicker};
use crate::explorer::Action;
use crate::i18n::{Lang, Msg};
use crate::scenario::Preset;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`Presets`].
#[derive(Properties, PartialEq)]
pub struct PresetsProps {
    /// The picker's view model.
    pub picker: PresetPicker,
    /// Where gestures go.
    pub dispatch: Callback<Action>,
    /// Interface language.
    pub lang: Lang,
}

/// The preset picker with its source note.
#[function_component(Presets)]
pub fn presets(props: &PresetsProps) -> Html {
    let PresetsProps {
        picker,
        dispatch,
        lang,
    } = props;
    // The preset in force, or "" (custom): the picker's value, set on the element, because an
    // option's `selected` attribute no longer moves a picker the reader has used (Back after a
    // pick would leave the picked preset showing).
    let chosen = picker
        .options
        .iter()
        .find(|o| o.selected)
        .map_or("", |o| o.id);
    // A closed picker moves to the next preset at each arrow key and says so with `change`
    // (Chromium on Windows and Linux). The keyboard browses the presets, and each one's note;
    // Enter, or leaving the picker for another part of the page, applies the one showing, and
    // Escape goes back. A pick by pointer or from the open list applies at once: its `change`
    // does not follow a browsing key's `keydown` within the same moment (`KEYED_MS`).
    let browsing = use_state_eq(|| None::<String>);
    let keyed_at = use_mut_ref(|| f64::NEG_INFINITY);
    let select = use_node_ref();
    {
        let (select, browsing) = (select.clone(), browsing.clone());
        use_effect_with(chosen, move |chosen| {
            browsing.set(None);
            if let Some(select) = select.cast::<HtmlSelectElement>() {
                select.set_value(chosen);
            }
        });
    }
    let apply = {
        let (dispatch, browsing) = (dispatch.clone(), browsing.clone());
        move |picker: &HtmlSelectElement| {
            browsing.set(None);
            match Preset::find(&picker.value()) {
                Some(preset) if picker.value() != chosen => dispatch.emit(Action::Preset(preset)),
                // "Custom scenario" changes nothing: the picker goes back to what is in force.
                _ => picker.set_value(chosen),
            }
        }
    };
    let onchange = {
        let (apply, browsing, keyed_at) = (apply.clone(), browsing.clone(), keyed_at.clone());
        Callback::from(move |e: Event| {
            let Some(picker) = dom::target::<HtmlSelectElement>(&e) else {
                return;
            };
            if e.time_stamp() - *keyed_at.borrow() < KEYED_MS {
                browsing.set(Some(picker.value()).filter(|v| v != chosen));
            } else {
                apply(&picker);
            }
        })
    };
    let onkeydown = {
        let (apply, browsing) = (apply.clone(), browsing.clone());
        Callback::from(move |e: KeyboardEvent| {
            let plain = !(e.alt_key() || e.ctrl_key() || e.meta_key());
            *keyed_at.borrow_mut() = if plain && picker_key_browses(&e.key()) {
                e.time_stamp()
            } else {
                f64::NEG_INFINITY
            };
            let Some(picker) = dom::target::<HtmlSelectElement>(&e) else {
                return;
            };
            if browsing.is_some() && matches!(e.key().as_str(), "Enter" | "Escape") {
                e.prevent_default();
                if e.key() == "Escape" {
                    picker.set_value(chosen);
                }
                apply(&picker);
            }
        })
    };
    // The window losing the focus (another tab or app) is not leaving the picker.
    let onblur = {
        let browsing = browsing.clone();
        Callback::from(move |e: FocusEvent| {
            let page_focused = gloo::utils::document().has_focus().unwrap_or(true);
            match dom::target(&e) {
                Some(picker) if browsing.is_some() && page_focused => apply(&picker),
                _ => {}
            }
        })
    };
    let note = match browsing.as_deref() {
        Some(id) => {
            let browsed = picker.options.iter().find(|o| o.id == id);
            browsed.map_or(picker.note.to_owned(), |o| {
                format!("{} {}", o.note, lang.t(Msg::PresetBrowseHint))
            })
        }
        None => picker.note.to_owned(),
    };
    html! {
        <div class="preset">
            <label for="preset">{ lang.t(Msg::PresetLabel) }</label>
            <select id="preset" ref={select} aria-describedby="preset-note" {onchange} {onkeydown} {onblur}>
                <option value="" selected={chosen.is_empty()}>{ lang.t(Msg::PresetCustom) }</option>
                { for picker.options.iter().map(|o| html! {
                    <option value={o.id} title={o.note} selected={o.selected}>{ o.title }</option>
                }) }
            </select>
            <p class="preset-note" id="preset-note">{ note }</p>
        </div>
    }
}

/// How soon after a browsing key's `keydown` its `change` comes, at most, ms (the change is
/// the key's default action, a task later at most; a pick from an open list comes seconds on).
const KEYED_MS: f64 = 200.0;

/// Props of [`Tabs`].
#[derive(Properties, PartialEq)]
pub struct TabsProps {
    /// The chart shown.
    pub tab: ChartId,
    /// Where gestures go.
    pub dispatch: Callback<Action>,
    /// Interface language.
    pub lang: Lang,
}

/// One tab per chart, as the ARIA tabs pattern has them: the chart shown is the one tab in the
/// page's tab order, the arrow keys, Home and End move to another and show it, and each tab
/// names the panel it shows.
#[function_component(Tabs)]
pub fn tabs(props: &TabsProps) -> Html {
    let TabsProps {
        tab,
        dispatch,
        lang,
    } = props;
    // On a phone the strip scrolls sideways: the tab shown is scrolled into it.
    let strip = use_node_ref();
    {
        let strip = strip.clone();
        use_effect_with(*tab, move |tab| {
            if let Some(strip) = strip.cast::<web_sys::Element>() {
                dom::scroll_into_strip(&strip, &tab.tab_id());
            }
        });
    }
    let onkeydown = {
        let (dispatch, tab) = (dispatch.clone(), *tab);
        Callback::from(move |e: KeyboardEvent| {
            // Alt+← and the like stay the browser's (back, forward).
            if e.alt_key() || e.ctrl_key() || e.meta_key() {
                return;
            }
            if let Some(next) = tab.tab_after_key(&e.key()) {
                e.prevent_default();
                dispatch.emit(Action::Tab(next));
                dom::focus(&next.tab_id());
            }
        })
    };
    html! {
        <div class="tabs" role="tablist" aria-label={lang.t(Msg::ChartTabs)} ref={strip} {onkeydown}>
            { for ChartId::all().map(|id| {
                let active = id == *tab;
                let onclick = dispatch.reform(move |_| Action::Tab(id));
                html! {
                    <button type="button" role="tab" id={id.tab_id()} data-tab={id.name()}
                        aria-selected={active.to_string()} aria-controls={id.panel_id()}
                        tabindex={if active { "0" } else { "-1" }}
                        class={classes!("tab", active.then_some("active"))} {onclick}>{ lang.t(id.def().title) }</button>
                }
            }) }
        </div>
    }
}
