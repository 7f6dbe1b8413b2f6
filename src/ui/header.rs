//! The page's pickers as components of their own, so that a slider step does not render them
//! again: the preset picker (a casebook) and the chart tabs.

use super::{dom, forward};
use crate::charts::ChartId;
use crate::explorer::view::casebook::PresetPicker;
use crate::explorer::Action;
use crate::i18n::{Lang, Msg};
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

/// The preset picker, grouped as a casebook, with the note, source link and limits of the
/// preset showing and what the preset in force set. Whether a `change` browses or applies, and
/// what Enter, Escape and leaving the picker do, is the state's to say
/// ([`crate::explorer::core::preset_picker`]).
#[function_component(Presets)]
pub fn presets(props: &PresetsProps) -> Html {
    let PresetsProps {
        picker,
        dispatch,
        lang,
    } = props;
    let chosen = picker.chosen;
    // The picker's value, set on the element, because an option's `selected` attribute no
    // longer moves a picker the reader has used (Back after a pick would leave the picked
    // preset showing): the preset in force, each time it changes and each time the picker goes
    // back to it.
    let select = use_node_ref();
    {
        let select = select.clone();
        use_effect_with((chosen, picker.returns), move |(chosen, _)| {
            if let Some(select) = select.cast::<HtmlSelectElement>() {
                select.set_value(chosen);
            }
        });
    }
    let onchange = forward(dispatch, |e: Event| {
        let picker = dom::target::<HtmlSelectElement>(&e)?;
        Some(Action::PickerChange {
            id: picker.value(),
            at_ms: e.time_stamp(),
        })
    });
    let onkeydown = {
        let (dispatch, picker) = (dispatch.clone(), picker.clone());
        Callback::from(move |e: KeyboardEvent| {
            if picker.takes_key(&e.key()) {
                e.prevent_default();
            }
            dispatch.emit(Action::PickerKey {
                key: e.key(),
                plain: !(e.alt_key() || e.ctrl_key() || e.meta_key()),
                at_ms: e.time_stamp(),
            });
        })
    };
    let onblur = dispatch.reform(|_: FocusEvent| Action::PickerLeave {
        page_focused: dom::page_focused(),
    });
    // Described by the note of the preset showing and by what it set (once one is in force).
    let described = match picker.set {
        Some(_) => "preset-note preset-set",
        None => "preset-note",
    };
    html! {
        <div class="preset">
            <label for="preset">{ lang.t(Msg::PresetLabel) }</label>
            <select id="preset" ref={select} aria-describedby={described} {onchange} {onkeydown} {onblur}>
                <option value="" selected={chosen.is_empty()}>{ lang.t(Msg::PresetCustom) }</option>
                { for picker.groups.iter().map(|g| html! {
                    <optgroup label={g.title}>
                        { for g.options.iter().map(|o| html! {
                            <option value={o.id} title={o.note} selected={o.selected}>{ o.label.clone() }</option>
                        }) }
                    </optgroup>
                }) }
            </select>
            <div class="preset-about" data-role="preset-about">
                <p class="preset-note"><span id="preset-note">{ picker.note.clone() }</span>
                    // The one address off the page's origin: a plain link, never requested.
                    if let Some(source) = &picker.source {
                        { " " }<a class="preset-source" data-role="preset-source" href={source.href}
                            target="_blank" rel="noopener">{ source.text.clone() }</a>
                    }
                </p>
                if let Some(cannot) = &picker.cannot {
                    <p class="preset-cannot" data-role="preset-cannot">{ cannot.clone() }</p>
                }
                if let Some(set) = &picker.set {
                    <p class="preset-set" id="preset-set" data-role="preset-set">{ set.clone() }</p>
                }
            </div>
        </div>
    }
}

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
