//! The app shell: reads the URL, holds the reducer, keeps the URL in sync and lays out the page.

use super::chart::ChartView;
use super::controls::Controls;
use super::kpis::Kpis;
use super::share::Share;
use super::state::{Action, State};
use super::url;
use crate::i18n::tr;
use crate::scenario::{Tab, PRESETS};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use gloo::utils::window;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Longest wait between a change and the URL showing it, ms. Coalescing writes keeps
/// `history.replaceState` under the browser's rate limit while a slider is dragged.
const URL_DELAY_MS: u32 = 100;

/// The explorer.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State::from_query(&url::current_query()));
    // One callback for the app's lifetime, so that components comparing props see it unchanged.
    let dispatch = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |a: Action| dispatcher.dispatch(a))
        }))
        .clone()
    };

    {
        // URL ← state, coalesced: the first change arms a timer, which writes the latest query.
        let latest = use_mut_ref(String::new);
        let timer = use_mut_ref(|| None::<Timeout>);
        use_effect_with(state.query(), move |query| {
            *latest.borrow_mut() = query.clone();
            if timer.borrow().is_none() {
                let (latest, slot) = (latest.clone(), timer.clone());
                *timer.borrow_mut() = Some(Timeout::new(URL_DELAY_MS, move || {
                    url::replace(&latest.borrow());
                    slot.borrow_mut().take();
                }));
            }
        });
    }
    {
        // State ← URL on back and forward.
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&window(), "popstate", move |_| {
                state.dispatch(Action::Load(url::current_query()));
            });
            move || drop(listener)
        });
    }

    let embed = state.view.embed;
    let lang = state.view.lang;
    let t = |en: &'static str| tr(lang, en);
    {
        // The document's language follows the view, for screen readers and hyphenation.
        use_effect_with(lang, |lang| {
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute(
                    "lang",
                    if *lang == crate::i18n::Lang::It {
                        "it"
                    } else {
                        "en"
                    },
                );
            }
        });
    }
    let preset = state.preset();
    let on_preset = {
        let (state, view) = (state.clone(), state.view.query_suffix());
        Callback::from(move |e: Event| {
            let id = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
                .map(|s| s.value());
            if let Some(p) = id.and_then(|id| PRESETS.iter().find(|p| p.id == id)) {
                // A preset is a new scenario: it gets its own history entry.
                url::push(&format!("{}{view}", p.canonical_query()));
                state.dispatch(Action::Preset(p));
            }
        })
    };
    let warnings = (state.warnings_open && !state.warnings.is_empty()).then(|| {
        let dismiss = dispatch.reform(|_| Action::DismissWarnings);
        html! {
            <div class="warnings" data-role="warnings" role="alert">
                <div>
                    <strong>{ t("Some values could not be used as given:") }</strong>
                    <ul>{ for state.warnings.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                </div>
                <button type="button" class="dismiss" aria-label={t("Dismiss the warnings")} onclick={dismiss}>{ "×" }</button>
            </div>
        }
    });
    let tabs: Vec<Tab> = if embed {
        vec![state.view.tab]
    } else {
        Tab::ALL.to_vec()
    };
    let charts = html! {
        <section class="charts" aria-label="Charts">
            if !embed {
                <div class="tabs" role="tablist">
                    { for Tab::ALL.iter().map(|&t| {
                        let onclick = dispatch.reform(move |_| Action::Tab(t));
                        html! {
                            <button type="button" role="tab" data-tab={t.name()} aria-selected={(t == state.view.tab).to_string()}
                                class={classes!("tab", (t == state.view.tab).then_some("active"))} {onclick}>{ tr(lang, t.title()) }</button>
                        }
                    }) }
                </div>
            }
            { for tabs.into_iter().map(|t| html! {
                <ChartView key={t.name()} tab={t} projection={state.projection.clone()} compact={embed}
                    active={t == state.view.tab} dispatch={dispatch.clone()} {lang} />
            }) }
        </section>
    };
    let controls_hidden = embed && state.view.controls.as_ref().is_none_or(|k| k.is_empty());
    let controls = html! {
        <aside class="controls" data-panel="controls" hidden={controls_hidden} aria-label="Scenario inputs">
            <Controls scenario={state.scenario} dispatch={dispatch.clone()}
                only={if embed { state.view.controls.clone() } else { None }} {lang} />
        </aside>
    };
    let full_href = format!("./?{}", state.full_query());
    let embed_query = format!("{}&embed=1", state.full_query());

    html! {
        <div class={classes!("app", embed.then_some("embed"))}>
            <header class="top">
                <div class="brand">
                    <h1>{ "HashShift" }</h1>
                    <p class="tagline">{ t("What a megawatt earns mining Bitcoin, and converted to AI compute") }</p>
                </div>
                if embed {
                    <a class="open-full" data-action="open-full" href={full_href} target="_blank" rel="noopener">
                        { t("Open the full explorer ↗") }
                    </a>
                } else {
                    <div class="preset">
                        <label for="preset">{ t("Preset") }</label>
                        <select id="preset" onchange={on_preset}>
                            <option value="" selected={preset.is_none()}>{ t("Custom scenario") }</option>
                            { for PRESETS.iter().map(|p| html! {
                                <option value={p.id} title={p.note} selected={preset.is_some_and(|x| x.id == p.id)}>{ p.title }</option>
                            }) }
                        </select>
                        <p class="preset-note">{ preset.map_or(t("Pick a preset to start from a real deal; every slider stays yours."), |p| p.note) }</p>
                    </div>
                    <Share query={state.query()} {embed_query} {lang} />
                }
            </header>
            { for warnings }
            <Kpis projection={state.projection.clone()} compact={embed} {lang} />
            <main class="body">
                { charts }
                { controls }
            </main>
            if !embed {
                <footer>
                    { t("Model: schema v1. Money in nominal US dollars, pre-tax, unlevered. The URL is the scenario: share it or bookmark it.") }
                </footer>
            }
        </div>
    }
}
