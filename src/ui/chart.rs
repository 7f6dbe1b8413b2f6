//! One chart: a `<canvas data-chart=NAME>` drawn with plotters at the screen's pixel ratio,
//! redrawn when the projection or its size changes, with an HTML legend and a hover read-out.

use super::canvas::Canvas;
use super::state::{Action, Shared};
use super::url;
use crate::analysis::{breakeven_map, monte_carlo, tornado, MonteCarlo};
use crate::charts::{self, readout::readout, LegendItem, Mark, Style, XMap};
use crate::format;
use crate::i18n::{fill, tr, Lang};
use crate::model::Projection;
use crate::scenario::{Key, Tab};
use gloo::timers::callback::Timeout;
use gloo::utils::window;
use plotters::prelude::*;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, ResizeObserver};
use yew::prelude::*;

/// Props of [`ChartView`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Which chart.
    pub tab: Tab,
    /// What to draw.
    pub projection: Shared<Projection>,
    /// Small layout (embed, phone).
    pub compact: bool,
    /// Whether this chart is the one shown (hidden ones are not drawn).
    pub active: bool,
    /// Where gestures go.
    pub dispatch: Callback<Action>,
    /// Interface language.
    pub lang: Lang,
}

/// Cells per side of the break-even map on the page (odd: the scenario is the middle cell).
/// 31 × 31 keeps a redraw inside one frame; the core computes 41 × 41 in under 0.1 ms, so the
/// cost is the canvas calls per cell.
const MAP_CELLS: usize = 31;

/// What each chart shows, in a sentence.
fn caption(tab: Tab) -> &'static str {
    match tab {
        Tab::Revenue => "Monthly revenue of the plan, mining and AI stacked, against keeping the whole site mining.",
        Tab::Cash => "Cumulative cash flow after power, opex and capex (undiscounted), plan against keep-mining.",
        Tab::Hashprice => "What a petahash earns per day, and the BTC price path; halvings cut the first in half.",
        Tab::Sensitivity => "NPV advantage of converting when one input moves 20 % down or up, widest swing first.",
        Tab::Map => "NPV advantage of converting for other starting BTC prices and AI rates; the outlined cell is this scenario.",
        Tab::Fan => "Monthly revenue across random BTC price paths: the band holds the middle 80 % (p10–p90).",
    }
}

fn legend(tab: Tab, lang: Lang) -> Vec<LegendItem> {
    match tab {
        Tab::Revenue => charts::revenue::legend(lang),
        Tab::Cash => charts::cash::legend(lang),
        Tab::Hashprice => charts::hashprice::legend(lang),
        Tab::Sensitivity => charts::sensitivity::legend(lang),
        Tab::Map => charts::map::legend(lang),
        Tab::Fan => charts::fan::legend(lang),
    }
}

/// Draws `tab` on `canvas` sized to its CSS box times the pixel ratio; the hover map of time
/// charts.
fn draw(
    canvas: &HtmlCanvasElement,
    tab: Tab,
    p: &Projection,
    mc: Option<&MonteCarlo>,
    compact: bool,
    lang: Lang,
) -> Option<XMap> {
    let ratio = window().device_pixel_ratio().max(1.0);
    let (w, h) = (canvas.client_width(), canvas.client_height());
    if w <= 0 || h <= 0 {
        return None;
    }
    let (pw, ph) = (
        (f64::from(w) * ratio).round() as u32,
        (f64::from(h) * ratio).round() as u32,
    );
    if canvas.width() != pw || canvas.height() != ph {
        canvas.set_width(pw);
        canvas.set_height(ph);
    }
    let area = Canvas::new(canvas)?.into_drawing_area();
    let style = Style {
        scale: ratio,
        compact: compact || w < 520,
        lang,
    };
    let s = &p.scenario;
    let result =
        match tab {
            Tab::Revenue => charts::revenue::draw(&area, p, &style).map(Some),
            Tab::Cash => charts::cash::draw(&area, p, &style).map(Some),
            Tab::Hashprice => charts::hashprice::draw(&area, p, &style).map(Some),
            Tab::Sensitivity => charts::sensitivity::draw(&area, &tornado(s), &style).map(|_| None),
            Tab::Map => charts::map::draw(&area, &breakeven_map(p, MAP_CELLS, MAP_CELLS), &style)
                .map(|_| None),
            Tab::Fan => match mc.filter(|mc| mc.fan.len() == p.months.len()) {
                Some(mc) => charts::fan::draw(&area, p, mc, &style).map(Some),
                None if s.get(Key::Mc) == 0.0 => {
                    charts::message(&area, tr(lang, "Monte Carlo is off (0 paths)."), &style)
                        .map(|_| None)
                }
                None => charts::message(&area, tr(lang, "Simulating price paths…"), &style)
                    .map(|_| None),
            },
        };
    let _ = area.present();
    let draws = canvas
        .get_attribute("data-draws")
        .and_then(|d| d.parse::<u64>().ok())
        .unwrap_or(0);
    let _ = canvas.set_attribute("data-draws", &(draws + 1).to_string());
    let now = url::now().to_string();
    if !canvas.has_attribute("data-first-drawn-at") {
        let _ = canvas.set_attribute("data-first-drawn-at", &now);
    }
    let _ = canvas.set_attribute("data-drawn-at", &now);
    result.ok().flatten()
}

/// One chart with its caption, legend and hover read-out.
#[function_component(ChartView)]
pub fn chart_view(props: &Props) -> Html {
    let Props {
        tab,
        projection,
        compact,
        active,
        dispatch,
        lang,
    } = props;
    let (tab, compact, active, lang) = (*tab, *compact, *active, *lang);
    let t = |en: &'static str| tr(lang, en);
    let canvas = use_node_ref();
    let frame = use_node_ref();
    let resized = use_state(|| 0u32);
    let xmap = use_mut_ref(|| None::<XMap>);
    let hover = use_state(|| None::<(usize, f64)>);
    let mc = use_state(|| None::<Shared<MonteCarlo>>);
    let mc_timer = use_mut_ref(|| None::<Timeout>);

    {
        // Redraw when the chart's box changes size (window resize, layout change).
        let (frame, resized) = (frame.clone(), resized.clone());
        use_effect_with((), move |_| {
            let observer = frame.cast::<web_sys::Element>().and_then(|el| {
                let count = Rc::new(std::cell::Cell::new(0u32));
                let callback = Closure::<dyn FnMut()>::new(move || {
                    count.set(count.get().wrapping_add(1));
                    resized.set(count.get());
                });
                let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
                observer.observe(&el);
                Some((observer, callback))
            });
            move || {
                if let Some((observer, _callback)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    {
        // Monte Carlo runs after input settles: while a slider moves, new input only re-arms
        // the timer, so dragging never piles up work.
        let mc = mc.clone();
        use_effect_with((projection.clone(), active), move |(p, active)| {
            if tab == Tab::Fan && *active && p.scenario.get(Key::Mc) > 0.0 {
                let p = p.clone();
                *mc_timer.borrow_mut() = Some(Timeout::new(60, move || {
                    mc.set(monte_carlo(&p).map(|m| Shared(Rc::new(m))));
                }));
            } else {
                *mc_timer.borrow_mut() = None;
            }
        });
    }
    {
        let (canvas, xmap) = (canvas.clone(), xmap.clone());
        use_effect_with(
            (
                projection.clone(),
                active,
                *resized,
                (*mc).clone(),
                compact,
                lang,
            ),
            move |(p, active, _, mc, compact, lang)| {
                if *active {
                    if let Some(c) = canvas.cast::<HtmlCanvasElement>() {
                        *xmap.borrow_mut() = draw(&c, tab, p, mc.as_deref(), *compact, *lang);
                    }
                }
            },
        );
    }

    let onpointermove = {
        let (hover, xmap) = (hover.clone(), xmap.clone());
        Callback::from(move |e: PointerEvent| {
            let ratio = window().device_pixel_ratio().max(1.0);
            let found = xmap.borrow().and_then(|m| {
                let month = m.month_at(f64::from(e.offset_x()) * ratio)?;
                Some((month, m.x_of(month) / ratio))
            });
            if *hover != found {
                hover.set(found);
            }
        })
    };
    let onpointerleave = {
        let hover = hover.clone();
        Callback::from(move |_| hover.set(None))
    };
    // The guide and read-out stay mounted (only hidden) so that the canvas beside them is
    // never re-created by a change of the children list.
    let shown = hover.filter(|_| active);
    let (title, rows) = shown.map_or_else(Default::default, |(m, _)| {
        readout(lang, tab, projection, mc.as_deref(), m)
    });
    let x = shown.map_or(0.0, |(_, x)| x);
    let width = f64::from(
        canvas
            .cast::<HtmlCanvasElement>()
            .map_or(0, |c| c.client_width()),
    );
    let readout_style = if x > width * 0.6 {
        format!("right: calc(100% - {x:.0}px + 10px)")
    } else {
        format!("left: {:.0}px", x + 10.0)
    };
    let tooltip = html! {
        <>
            <div class="guide" hidden={shown.is_none()} style={format!("left: {x:.0}px")}></div>
            <div class="readout" role="status" hidden={shown.is_none() || rows.is_empty()} style={readout_style}>
                <strong>{ title }</strong>
                { for rows.into_iter().map(|(k, v)| html! { <div><span>{ k }</span><b>{ v }</b></div> }) }
            </div>
        </>
    };
    let mc_line = (tab == Tab::Fan).then(|| {
        let paths = projection.scenario.get(Key::Mc);
        if paths == 0.0 {
            let dispatch = dispatch.clone();
            html! {
                <p class="mc-line">{ t("Monte Carlo is off. ") }
                    <button type="button" onclick={Callback::from(move |_| dispatch.emit(Action::Set(Key::Mc, 1000.0)))}>
                        { t("Simulate 1,000 BTC price paths") }
                    </button>
                </p>
            }
        } else {
            match &*mc {
                Some(r) if r.fan.len() == projection.months.len() => html! {
                    <p class="mc-line" data-role="monte-carlo" data-paths={r.paths.to_string()}
                        data-p10={format::json_number(r.npv_advantage_p10)} data-p50={format::json_number(r.npv_advantage_p50)}
                        data-p90={format::json_number(r.npv_advantage_p90)} data-prob={format::json_number(r.prob_plan_better)}>
                        { fill(t("{paths} paths · NPV advantage p10 {p10} · median {p50} · p90 {p90} · converting wins in {share} % of paths"), &[
                            ("paths", &format::grouped(r.paths as u64)), ("p10", &format::money(r.npv_advantage_p10)),
                            ("p50", &format::money(r.npv_advantage_p50)), ("p90", &format::money(r.npv_advantage_p90)),
                            ("share", &format!("{:.0}", r.prob_plan_better * 100.0))]) }
                    </p>
                },
                _ => html! { <p class="mc-line">{ t("Simulating…") }</p> },
            }
        }
    });

    html! {
        <figure class="chart" hidden={!active} data-tab={tab.name()}>
            if !compact { <figcaption>{ t(caption(tab)) }</figcaption> }
            <div class="chart-frame" ref={frame}>
                <canvas ref={canvas} data-chart={tab.name()} class="chart-canvas" role="img"
                    aria-label={format!("{}. {}", t(tab.title()), t(caption(tab)))}
                    {onpointermove} {onpointerleave}></canvas>
                { tooltip }
            </div>
            <ul class="legend">
                { for legend(tab, lang).into_iter().map(|item| {
                    let mark = match item.mark { Mark::Line => "line", Mark::Dashed => "dashed", Mark::Band => "band" };
                    html! { <li><span class={classes!("swatch", mark)} style={format!("--c: {}", item.color)}></span>{ item.label }</li> }
                }) }
            </ul>
            { for mc_line }
        </figure>
    }
}
