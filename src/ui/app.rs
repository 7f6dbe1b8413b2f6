//! The page: reads the store, lays out the header, warnings, cards, charts and controls, and
//! forwards every gesture to the store as an [`Action`].

use super::announce::Announcer;
use super::breakevens::Breakevens;
use super::chart::ChartView;
use super::controls::Controls;
use super::dom;
use super::embed::use_host_sizing;
use super::header::{Presets, Tabs};
use super::kpis::Kpis;
use super::live::{self, LiveChart};
use super::share::Share;
use super::store::Store;
use super::story;
use super::table::{use_settled, TableView, SETTLE_HIDDEN_MS, SETTLE_MS};
use super::warnings::Warnings;
use super::Shared;
use crate::analysis::{Analyses, MonteCarlo};
use crate::charts::ChartId;
use crate::explorer::view::compare::{self, waterfall};
use crate::explorer::view::odds;
use crate::explorer::view::page::{self, ChartPanel, McLine};
use crate::explorer::view::snapshot::snapshot;
use crate::explorer::view::summary::summary;
use crate::explorer::view::{breakevens, casebook};
use crate::explorer::Action;
use crate::i18n::{Lang, Msg};
use gloo::events::EventListener;
use gloo::utils::window;
use std::rc::Rc;
use yew::prelude::*;

/// The store, subscribed to: the page re-renders on every change (a slider step's render
/// comes after the chart in view is drawn: see [`super::live`]), follows the system's colour
/// scheme (for `theme=auto`) and back and forward; and one dispatch callback for the app's
/// lifetime, so that components comparing props see it unchanged.
#[hook]
fn use_store() -> (Rc<Store>, Callback<Action>) {
    let store = (*use_memo((), |_| Store::load())).clone();
    let force = use_force_update();
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
            let scheme = dom::dark_scheme().map(|query| {
                let store = store.clone();
                EventListener::new(&query.clone(), "change", move |_| {
                    store.dispatch(Action::SystemDark(query.matches()));
                })
            });
            let keys = story::keys(store.clone());
            let listener = EventListener::new(&window(), "popstate", move |_| {
                store.dispatch(Action::Navigated(dom::query()));
            });
            move || drop((listener, scheme, keys))
        });
    }
    (store, dispatch)
}

/// The explorer.
#[function_component(App)]
pub fn app() -> Html {
    let (store, dispatch) = use_store();
    let state = store.state();
    let lang = state.view.lang;
    let t = |m: Msg| lang.t(m);
    // The document's language, title and description follow the view.
    use_effect_with(lang, |lang| {
        let t = |m| lang.t(m);
        dom::set_language(lang.html_lang(), t(Msg::PageTitle), t(Msg::PageDescription))
    });
    // `<html data-theme>` shows the theme in force; the page's colours follow it.
    let dark = state.dark();
    use_effect_with(dark, |dark| {
        dom::set_theme(if *dark { "dark" } else { "light" })
    });

    let embed = state.view.embed;
    let app_ref = use_node_ref();
    let sized = use_host_sizing(embed, app_ref.clone());
    let (results, compare, monte_carlo) = live::drawn(&state);
    let ids: Vec<ChartId> = if embed {
        vec![state.view.tab]
    } else {
        ChartId::all().collect()
    };
    let charts: Vec<ChartPanelFor> = ids
        .into_iter()
        .map(|id| ChartPanelFor {
            panel: page::chart_panel(&state, id),
            line: page::monte_carlo_line(&state, id),
        })
        .collect();
    // The controls (hundreds of elements) and the charts out of view are built in the task
    // after the first frame, so that the first chart is drawn without waiting for them.
    let first_frame_drawn = use_after_first_frame();
    let controls_hidden = embed && state.view.controls.is_none();
    let full_href = format!("./?{}", state.full_query());

    html! {
        <div ref={app_ref} class={classes!("app", embed.then_some("embed"), sized.then_some("sized"))}>
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
                    <Presets picker={casebook::presets(&state)} dispatch={dispatch.clone()} {lang} />
                    <Share notice={page::notice(&state)} pinned={state.compare.is_some()}
                        dispatch={dispatch.clone()} {lang} />
                }
            </header>
            <p class="print-link">{ lang.fill(Msg::ScenarioLink, &[("link", &state.full_link())]) }</p>
            <Warnings warnings={Shared(state.warnings.clone())} mode={page::BannerMode::of(&state)}
                dispatch={dispatch.clone()} />
            if let Some(panel) = crate::explorer::view::story::panel(&state) {
                { story::view(&panel, &dispatch, lang) }
            }
            <Kpis results={results.clone()} compare={compare.clone()} odds={odds::card(&state)} compact={embed}
                dispatch={dispatch.clone()} {lang} />
            <section aria-labelledby="summary-heading">
                { super::region_heading("summary-heading", t(Msg::SummaryRegion)) }
                <p class="summary" id="summary" data-role="summary">
                    { summary(state.projection(), odds::for_summary(&state), lang) }
                </p>
                <Announcer text={page::headline(&results, lang)} />
            </section>
            if let (Some(a), false) = (&compare, embed) {
                <Waterfall pinned={a.clone()} results={results.clone()} {lang} />
            }
            <main class="body">
                <Charts {charts} tab={state.view.tab} all_built={first_frame_drawn} results={results.clone()} compare={compare.clone()}
                    {monte_carlo} {embed} {dark} dispatch={dispatch.clone()} {lang} live={store.live()} />
                <aside class="controls" data-panel="controls" hidden={controls_hidden} aria-labelledby="inputs-heading"
                    data-sweep={state.swept.as_ref().map(|w| if w.scenario == state.scenario { "current" } else { "stale" })}>
                    { super::region_heading("inputs-heading", t(Msg::InputsRegion)) }
                    // Beside the sliders it moves, above them.
                    if let (Some(panel), true) = (breakevens::panel(&state, lang), first_frame_drawn) {
                        <Breakevens {panel} dispatch={dispatch.clone()} {lang} />
                    }
                    if first_frame_drawn {
                        <Controls scenario={state.scenario} drafts={state.drafts.clone()} dispatch={dispatch.clone()}
                            only={if embed { state.view.controls.clone() } else { None }}
                            snapshot={snapshot(lang, &state.scenario, state.today)} swept={state.swept.clone()} {lang} />
                    }
                </aside>
            </main>
            if !embed {
                <Annual results={results.clone()} {lang} />
                <footer>{ page::footer(lang) }</footer>
            }
        </div>
    }
}

/// A chart's texts and, for Monte Carlo charts, its line of numbers.
#[derive(Clone, PartialEq)]
struct ChartPanelFor {
    panel: ChartPanel,
    line: Option<McLine>,
}

#[derive(Properties, PartialEq)]
struct ChartsProps {
    /// The charts on the page (an embed has only its own), with their texts.
    charts: Vec<ChartPanelFor>,
    /// The chart in view.
    tab: ChartId,
    /// Whether the charts out of view are built too (after the page's first frame).
    all_built: bool,
    results: Shared<Analyses>,
    compare: Option<Shared<Analyses>>,
    monte_carlo: Option<Shared<MonteCarlo>>,
    embed: bool,
    dark: bool,
    dispatch: Callback<Action>,
    lang: Lang,
    live: Shared<LiveChart>,
}

/// The charts: tabs, the "Show the data" toggle and every chart, mounted (those out of view once
/// the page's first frame is drawn); only the one in view is drawn on a slider step.
#[function_component(Charts)]
fn charts(props: &ChartsProps) -> Html {
    let ChartsProps {
        charts,
        tab,
        all_built,
        results,
        compare,
        monte_carlo,
        embed,
        dark,
        dispatch,
        lang,
        live,
    } = props;
    let (tab, all_built, embed, dark, lang) = (*tab, *all_built, *embed, *dark, *lang);
    let show_data = use_state(|| false);
    // Charts out of view get the results as of the last pause in input: a slider step then
    // renders and draws only the chart in view, and the others' tables follow once input rests.
    let lagging = use_settled(results.clone(), SETTLE_HIDDEN_MS, Shared::clone)
        .value
        .map_or_else(|| results.clone(), |r| Shared::clone(&r));
    let toggle = {
        let show = show_data.clone();
        move |_| show.set(!*show)
    };
    html! {
        <section class={classes!("charts", (*show_data).then_some("data-shown"))} aria-labelledby="charts-heading">
            { super::region_heading("charts-heading", lang.t(Msg::ChartsRegion)) }
            if !embed {
                <Tabs {tab} dispatch={dispatch.clone()} {lang} />
            }
            <button type="button" class="show-data" data-action="show-data" aria-pressed={show_data.to_string()}
                onclick={toggle}>{ lang.t(Msg::ShowData) }</button>
            { for charts.iter().map(|c| {
                let id = c.panel.id;
                if id != tab && !all_built {
                    // An empty stand-in under the same key, until the first frame is drawn.
                    return html! { <figure key={id.name()} class="chart" hidden=true data-tab={id.name()}
                        id={id.panel_id()} role="tabpanel" aria-labelledby={id.tab_id()}></figure> };
                }
                html! {
                    <ChartView key={id.name()} {id} active={id == tab} show_data={*show_data}
                        panel={c.panel.clone()}
                        results={if id == tab { results.clone() } else { lagging.clone() }}
                        compare={compare.clone()} monte_carlo={monte_carlo.clone()}
                        line={c.line.clone()} compact={embed} {dark} dispatch={dispatch.clone()} {lang} live={live.clone()} />
                }
            }) }
        </section>
    }
}

/// False until the page's first frame has been drawn, then true (from the next task on).
#[hook]
fn use_after_first_frame() -> bool {
    let done = use_state(|| false);
    let frame = use_mut_ref(|| None::<gloo::render::AnimationFrame>);
    {
        let done = done.clone();
        use_effect_with((), move |_| {
            *frame.borrow_mut() = Some(gloo::render::request_animation_frame(move |_| {
                // The frame's layout and paint come after this callback (and the first chart's,
                // asked for earlier): the timer fires once they are done.
                gloo::timers::callback::Timeout::new(0, move || done.set(true)).forget();
            }));
        });
    }
    *done
}

#[derive(Properties, PartialEq)]
struct AnnualProps {
    results: Shared<Analyses>,
    lang: Lang,
}

/// The yearly table of plan, baseline and difference, built once input settles.
#[function_component(Annual)]
fn annual(props: &AnnualProps) -> Html {
    let lang = props.lang;
    let table = use_settled(
        (props.results.clone(), lang),
        SETTLE_MS,
        |(results, lang)| page::annual_table(results, *lang),
    );
    // Its rows (a header and a year each), for the size the page assumes for it until it is
    // first laid out.
    let rows = props.results.projection().years.len() + 1;
    html! {
        <section class="annual" aria-labelledby="annual-title" style={format!("--rows: {rows}")}>
            <h2 id="annual-title">{ lang.t(Msg::AnnualTitle) }</h2>
            if let Some(t) = table.value {
                <TableView caption={page::annual_caption(props.results.projection(), lang)} table={t} role="annual" fresh={table.fresh} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct WaterfallProps {
    pinned: Shared<Analyses>,
    results: Shared<Analyses>,
    lang: Lang,
}

/// An input's change from A's value to now's, each value whole on its line.
fn change(c: &compare::Change) -> Html {
    html! { <><span class="nowrap">{ &c.from }</span>{ " → " }<span class="nowrap">{ &c.to }</span></> }
}

/// What changed since the pinned scenario A, one input at a time: a waterfall of the NPV
/// advantage, built once input settles.
#[function_component(Waterfall)]
fn waterfall_view(props: &WaterfallProps) -> Html {
    let lang = props.lang;
    let settled = use_settled(
        (props.pinned.clone(), props.results.clone(), lang),
        SETTLE_MS,
        |(a, b, lang)| waterfall(&a.projection().scenario, &b.projection().scenario, *lang),
    );
    let t = |m| lang.t(m);
    html! {
        <section class="compare" data-role="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{ t(Msg::CompareTitle) }</h2>
            <p class="compare-caption">{ t(Msg::CompareCaption) }</p>
            if let Some(compare::Waterfall { amount_title, rows, idle }) = settled.value.as_deref() {
                if rows.len() <= 2 && idle.is_empty() {
                    <p>{ t(Msg::NothingChanged) }</p>
                }
                <table class="waterfall" aria-busy={(!settled.fresh).to_string()}>
                    <thead><tr>
                        <th scope="col">{ t(Msg::CompareInput) }</th>
                        <th scope="col">{ t(Msg::CompareChange) }</th>
                        <th scope="col" class="amount">{ amount_title }</th>
                        <th scope="col" aria-hidden="true"></th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|r| html! {
                            <tr class={classes!(r.total.then_some("total"))} data-step={(!r.total).then_some(r.label.clone())}>
                                <th scope="row">{ &r.label }</th>
                                <td>
                                    if let Some(c) = &r.change { { change(c) } }
                                </td>
                                <td class="amount">{ &r.amount }</td>
                                <td class="bar-cell" aria-hidden="true">
                                    <span class={classes!("bar", if r.up { "up" } else { "down" }, r.total.then_some("total"))}
                                        style={format!("left: {:.2}%; width: {:.2}%", r.bar.left, r.bar.width)}></span>
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                if !idle.is_empty() {
                    <p class="compare-idle" data-role="idle-inputs">
                        { t(Msg::CompareIdle) }
                        { for idle.iter().enumerate().map(|(i, input)| html! { <>
                            { if i == 0 { " " } else { ", " } }{ &input.label }{ " (" }
                            { change(&input.change) }{ ")" }
                        </> }) }{ "." }
                    </p>
                }
            }
        </section>
    }
}
