//! The page: reads the store, lays out the header, warnings, cards, charts and controls, and
//! forwards every gesture to the store as an [`Action`].

use super::chart::ChartView;
use super::controls::Controls;
use super::dom;
use super::kpis::Kpis;
use super::share::Share;
use super::store::Store;
use super::table::{use_settled, TableView};
use super::{forward, Shared};
use crate::charts::ChartId;
use crate::explorer::{page, Action};
use crate::i18n::Msg;
use crate::scenario::Preset;
use gloo::events::EventListener;
use gloo::utils::window;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The explorer.
#[function_component(App)]
pub fn app() -> Html {
    let store = (*use_memo((), |_| Store::load())).clone();
    let force = use_force_update();
    // One callback for the app's lifetime, so that components comparing props see it unchanged.
    let dispatch = {
        let store = store.clone();
        (*use_memo((), move |_| {
            Callback::from(move |a: Action| store.dispatch(a))
        }))
        .clone()
    };
    {
        let store = store.clone();
        use_effect_with((), move |_| {
            store.on_change(move || force.force_update());
            store.start();
            // State ← URL on back and forward.
            let listener = EventListener::new(&window(), "popstate", move |_| {
                store.dispatch(Action::Navigated(dom::query()));
            });
            move || drop(listener)
        });
    }

    let state = store.state();
    let lang = state.view.lang;
    let t = |m: Msg| lang.t(m);
    // The document's language and title follow the view.
    use_effect_with(lang, |lang| {
        dom::set_language(lang.html_lang(), lang.t(Msg::PageTitle))
    });

    let embed = state.view.embed;
    let picker = page::presets(&state);
    let on_preset = forward(&dispatch, |e: Event| {
        // Picking "Custom scenario" changes nothing.
        let id = dom::target::<HtmlSelectElement>(&e)?.value();
        Preset::find(&id).map(Action::Preset)
    });
    let warnings = page::warnings(&state);
    let warnings = (!warnings.is_empty()).then(|| {
        let dismiss = dispatch.reform(|_| Action::DismissWarnings);
        html! {
            <div class="warnings" data-role="warnings" role="alert">
                <div>
                    <strong>{ t(Msg::WarningsTitle) }</strong>
                    <ul>{ for warnings.into_iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                </div>
                <button type="button" class="dismiss" aria-label={t(Msg::WarningsDismiss)} onclick={dismiss}>{ "×" }</button>
            </div>
        }
    });
    let shown: Vec<ChartId> = if embed {
        vec![state.view.tab]
    } else {
        ChartId::all().collect()
    };
    let results = Shared(state.results.clone());
    let monte_carlo = page::chart_monte_carlo(&state).map(|mc| Shared(Rc::clone(mc)));
    let charts = html! {
        <section class="charts" aria-label={t(Msg::ChartsRegion)}>
            if !embed {
                <div class="tabs" role="tablist" aria-label={t(Msg::ChartTabs)}>
                    { for ChartId::all().map(|id| {
                        let active = id == state.view.tab;
                        let onclick = dispatch.reform(move |_| Action::Tab(id));
                        html! {
                            <button type="button" role="tab" data-tab={id.name()} aria-selected={active.to_string()}
                                class={classes!("tab", active.then_some("active"))} {onclick}>{ t(id.def().title) }</button>
                        }
                    }) }
                </div>
            }
            { for shown.into_iter().map(|id| {
                let active = id == state.view.tab;
                let panel = active.then(|| Shared(Rc::new(page::chart_panel(&state, id))));
                html! {
                    <ChartView key={id.name()} {id} {active} {panel} results={results.clone()}
                        monte_carlo={monte_carlo.clone()} line={page::monte_carlo_line(&state, id)}
                        compact={embed} dispatch={dispatch.clone()} {lang} />
                }
            }) }
        </section>
    };
    let controls_hidden = embed && state.view.controls.as_ref().is_none_or(|k| k.is_empty());
    let controls = html! {
        <aside class="controls" data-panel="controls" hidden={controls_hidden} aria-label={t(Msg::InputsRegion)}>
            <Controls scenario={state.scenario} dispatch={dispatch.clone()}
                only={if embed { state.view.controls.clone() } else { None }} {lang} />
        </aside>
    };
    let full_href = format!("./?{}", state.full_query());
    let custom = picker.options.iter().all(|o| !o.3);

    html! {
        <div class={classes!("app", embed.then_some("embed"))}>
            <header class="top">
                <div class="brand">
                    <h1>{ "HashShift" }</h1>
                    <p class="tagline">{ t(Msg::Tagline) }</p>
                </div>
                if embed {
                    <a class="open-full" data-action="open-full" href={full_href} target="_blank" rel="noopener">
                        { t(Msg::OpenFull) }
                    </a>
                } else {
                    <div class="preset">
                        <label for="preset">{ t(Msg::PresetLabel) }</label>
                        <select id="preset" onchange={on_preset}>
                            <option value="" selected={custom}>{ t(Msg::PresetCustom) }</option>
                            { for picker.options.iter().map(|&(id, title, note, selected)| html! {
                                <option value={id} title={note} {selected}>{ title }</option>
                            }) }
                        </select>
                        <p class="preset-note">{ picker.note }</p>
                    </div>
                    <Share notice={page::notice(&state)} dispatch={dispatch.clone()} {lang} />
                }
            </header>
            { for warnings }
            <Kpis results={results.clone()} compact={embed} {lang} />
            <main class="body">
                { charts }
                { controls }
            </main>
            if !embed {
                <Annual results={results.clone()} {lang} />
                <footer>{ page::footer(lang) }</footer>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct AnnualProps {
    results: Shared<crate::explorer::Results>,
    lang: crate::i18n::Lang,
}

/// The yearly table of plan, baseline and difference, built once input settles.
#[function_component(Annual)]
fn annual(props: &AnnualProps) -> Html {
    let lang = props.lang;
    let table = use_settled((props.results.clone(), lang), true, |(results, lang)| {
        page::annual_table(results, *lang)
    });
    html! {
        <section class="annual" aria-labelledby="annual-title">
            <h2 id="annual-title">{ lang.t(Msg::AnnualTitle) }</h2>
            if let Some(table) = table {
                <TableView caption={lang.t(Msg::AnnualCaption).to_string()} {table} role="annual" />
            }
        </section>
    }
}
