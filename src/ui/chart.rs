//! One chart: a `<canvas data-chart=NAME>` drawn with plotters at the screen's pixel ratio,
//! redrawn when its data or size changes, with its caption, legend, data table, hover read-out
//! and, for Monte Carlo, its line of numbers.

use super::canvas::Canvases;
use super::live::{Drawn, LiveChart};
use super::table::{use_settled, TableView, SETTLE_MS};
use super::Shared;
use crate::analysis::{Analyses, Kind, MonteCarlo};
use crate::charts::{self, ChartId, Colors, Mark, Style, XMap};
use crate::explorer::view::page::{chart_table, ChartPanel, McLine, McNumbers};
use crate::explorer::Action;
use crate::i18n::Lang;
use crate::scenario::Key;
use gloo::events::EventListener;
use gloo::utils::window;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, ResizeObserver};
use yew::prelude::*;

/// Props of [`ChartView`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Which chart.
    pub id: ChartId,
    /// Whether it is the chart in view (the others stay mounted, hidden and not drawn).
    pub active: bool,
    /// Whether the data tables are shown ("Show the data"), not only read to screen readers.
    pub show_data: bool,
    /// Its caption, legend and data table's caption.
    pub panel: ChartPanel,
    /// The model's answer.
    pub results: Shared<Analyses>,
    /// The pinned scenario A's, drawn as a thin grey line on time charts.
    pub compare: Option<Shared<Analyses>>,
    /// The latest Monte Carlo result that fits the horizon.
    pub monte_carlo: Option<Shared<MonteCarlo>>,
    /// The Monte Carlo line (Monte Carlo charts only).
    pub line: Option<McLine>,
    /// Small layout (embed, phone).
    pub compact: bool,
    /// Dark theme.
    pub dark: bool,
    /// Where gestures go.
    pub dispatch: Callback<Action>,
    /// Interface language.
    pub lang: Lang,
    /// Where the chart in view registers its painter.
    pub live: Shared<LiveChart>,
}

/// The CSS size of `frame`'s box: read once the effects run after mounting, then as its
/// `ResizeObserver` reports it. A change redraws, and a redraw never has to ask the page for a
/// layout. (A chart in view without a size yet measures itself in the coming frame: see
/// [`use_paint`].)
#[hook]
fn use_size(frame: NodeRef) -> (i32, i32) {
    let size = use_state(|| (0, 0));
    {
        let size = size.clone();
        use_effect_with((), move |_| {
            let observer = frame.cast::<web_sys::Element>().and_then(|el| {
                if let Some(measured) = css_size(&el) {
                    size.set(measured);
                }
                let callback =
                    Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                        let rect = entries
                            .get(0)
                            .dyn_into::<web_sys::ResizeObserverEntry>()
                            .map(|e| e.content_rect());
                        if let Ok(r) = rect {
                            size.set(whole_px(&r));
                        }
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
    *size
}

/// The CSS size of `el`'s box, rounded to whole px; none while it has no width (hidden).
fn css_size(el: &web_sys::Element) -> Option<(i32, i32)> {
    let rect = el.get_bounding_client_rect();
    (rect.width() > 0.0).then(|| whole_px(&rect))
}

/// A rectangle's width and height, rounded to whole CSS px.
fn whole_px(rect: &web_sys::DomRectReadOnly) -> (i32, i32) {
    (rect.width().round() as i32, rect.height().round() as i32)
}

/// One chart with its caption, legend, data table and hover read-out.
#[function_component(ChartView)]
pub fn chart_view(props: &Props) -> Html {
    let Props {
        id,
        active,
        show_data,
        panel,
        results,
        compare,
        monte_carlo,
        line,
        compact,
        dark,
        dispatch,
        lang,
        live,
    } = props;
    let (id, active, show_data, compact, lang) = (*id, *active, *show_data, *compact, *lang);
    let look = Style {
        scale: 1.0,
        compact,
        lang,
        colors: Colors::of(*dark),
    };
    let canvas = use_node_ref();
    let frame = use_node_ref();
    let size = use_size(frame.clone());
    let drawn = drawn_by(id, (results.clone(), compare.clone(), monte_carlo.clone()));
    let monte_carlo = drawn.2.clone();
    let painting: Painting = (drawn, size, look);
    let xmap = use_paint(
        canvas.clone(),
        frame.clone(),
        id,
        active,
        painting.clone(),
        live,
    );
    let (hover, onpointermove, onpointerleave) = use_hover(canvas.clone(), xmap);
    // The data table follows the chart once input settles, off the redraw's path; those of
    // the charts out of view follow later.
    let table = use_settled(
        (id, results.clone(), monte_carlo.clone(), lang),
        SETTLE_MS,
        |(id, results, mc, lang)| chart_table(results, *id, mc.as_deref(), *lang),
    );
    use_print(canvas.clone(), id, active, painting, &live.canvases);

    let hovered = hover.filter(|_| active);
    let tooltip = readout(
        hovered,
        hovered.and_then(|(m, _)| {
            let input = charts::Input::of(id, results, monte_carlo.as_deref());
            charts::readout(id, &input, m, lang)
        }),
        f64::from(size.0),
    );
    // A Monte Carlo table is stale while a newer run is under way, like its line.
    let fresh = table.fresh && !matches!(line, Some(McLine::Stale { .. }));
    let p = panel;
    html! {
        <figure class="chart" hidden={!active} data-tab={id.name()} id={id.panel_id()}
            role={(!compact).then_some("tabpanel")} aria-labelledby={(!compact).then(|| id.tab_id())}>
            // A paragraph, not a `<figcaption>`: the figure is a tab panel here, a role a
            // figure with a caption may not take.
            if !compact { <p class="chart-caption">{ p.caption }</p> }
            <div class="chart-frame" ref={frame}>
                <canvas ref={canvas} data-chart={id.name()} class="chart-canvas" role="img"
                    aria-label={p.label.clone()} aria-describedby="summary"
                    onpointerdown={onpointermove.clone()} {onpointermove}
                    onpointercancel={onpointerleave.clone()} {onpointerleave}></canvas>
                { tooltip }
            </div>
            if !p.legend.is_empty() {
            <ul class="legend">
                { for p.legend.iter().zip(&p.paper).map(|(item, &paper)| {
                    let mark = match item.mark { Mark::Line => "line", Mark::Dashed => "dashed", Mark::Band => "band", Mark::Bar => "bar", Mark::Outline => "outline" };
                    let css = charts::palette::css;
                    html! { <li><span class={classes!("swatch", mark)} style={format!("--c: {}; --c-paper: {}", css(item.color), css(paper))}></span>{ &item.label }</li> }
                }) }
            </ul>
            }
            // A stale table out of sight is dropped rather than read out; one shown stays,
            // marked busy, until rebuilt.
            if let Some(t) = table.value.filter(|_| fresh || show_data) {
                <TableView caption={p.table_caption.clone()} table={t} chart={id.name()}
                    visually_hidden={!show_data} {fresh} id={format!("data-{}", id.name())} />
            }
            { for line.as_ref().map(|l| monte_carlo_line(l, dispatch)) }
        </figure>
    }
}

/// Paints the chart in view whenever what it shows, its size or its look changed, and returns
/// the hover map of the last painting. It paints while the component renders, not in an
/// effect: once 16 ms of work have passed, Yew's scheduler yields to the browser between the
/// renders and the effects, and on a slow phone that let a whole frame (the new cards beside
/// the old chart) in before the chart's redraw. In view, it registers its painter with `live`,
/// which paints a slider step before the page renders (see [`super::live`]). At the first
/// render there is no canvas and no size yet: it measures and paints in the first frame, which
/// then shows the chart (the page's effects, which measure too, come after that frame on a slow
/// phone, and find the size it painted at).
#[hook]
fn use_paint(
    canvas: NodeRef,
    frame: NodeRef,
    id: ChartId,
    active: bool,
    painting: Painting,
    live: &LiveChart,
) -> Rc<RefCell<Option<XMap>>> {
    let xmap = use_mut_ref(|| None::<XMap>);
    let painted = use_mut_ref(|| None::<Painting>);
    // What the props said at the last render: a render of the chart's own (its table's timer,
    // the hover) between a slider step's painting and the page's render still has the old
    // props, and must not paint them over the new drawing.
    let seen = use_mut_ref(|| None::<Painting>);
    // The animation frame of the first painting since the chart came into view, once asked.
    let first = use_mut_ref(|| None::<gloo::render::AnimationFrame>);
    if !active {
        // Shown again, it paints afresh.
        *painted.borrow_mut() = None;
        *seen.borrow_mut() = None;
        *first.borrow_mut() = None;
        live.unregister(id);
        return xmap;
    }
    let fresh = seen.borrow().as_ref() != Some(&painting) || painted.borrow().is_none();
    let (drawn, size, look) = painting.clone();
    *seen.borrow_mut() = Some(painting.clone());
    let paint_at = {
        let canvases = Rc::clone(&live.canvases);
        let xmap = xmap.clone();
        let painted = painted.clone();
        let canvas = canvas.clone();
        move |drawn: &Drawn, size: (i32, i32)| {
            let now = (drawn.clone(), size, look);
            // Nothing to paint on yet: not mounted, or no size (hidden, or not measured).
            let blank = canvas.get().is_none() || size.0 <= 0 || size.1 <= 0;
            if blank || painted.borrow().as_ref() == Some(&now) {
                return false;
            }
            *xmap.borrow_mut() = draw(&canvases, &canvas, id, drawn, size, look);
            *painted.borrow_mut() = Some(now);
            true
        }
    };
    if fresh {
        paint_at(&drawn, size);
    }
    if size == (0, 0) && painted.borrow().is_none() && first.borrow().is_none() {
        // Not measured yet (just mounted, or shown again): measure and paint in the coming
        // frame, so that it shows the chart. Yew's effects, which measure too, come after that
        // frame once the mount has taken 16 ms (its scheduler then yields to the browser), as
        // it does on a slow phone. Nothing is painted if a render with other props, or any
        // painting (a slider step's), has come first.
        let (seen, painted) = (seen.clone(), painted.clone());
        let paint_at = paint_at.clone();
        *first.borrow_mut() = Some(gloo::render::request_animation_frame(move |_| {
            let current = seen.borrow().as_ref() == Some(&painting) && painted.borrow().is_none();
            let measured = frame.cast::<web_sys::Element>().and_then(|f| css_size(&f));
            if let (Some(measured), true) = (measured, current) {
                paint_at(&drawn, measured);
            }
        }));
    }
    live.register(id, canvas, move |drawn: &Drawn| {
        paint_at(&drawn_by(id, drawn.clone()), size)
    });
    xmap
}

/// What chart `id` draws of `drawn`: the Monte Carlo result only if it draws one, so that a run
/// landing (the odds card's, from the page's load on) repaints no other chart.
fn drawn_by(id: ChartId, (results, compare, monte_carlo): Drawn) -> Drawn {
    let monte_carlo = monte_carlo.filter(|_| id.needs(Kind::MonteCarlo));
    (results, compare, monte_carlo)
}

/// The month under the pointer and its CSS x on the canvas, with the canvas' pointer handlers
/// that follow it: a move, a press (a finger's tap has no move) and a leave or a cancel (a
/// finger that scrolls the page). A finger lifted leaves the read-out it tapped, to be read,
/// until a press elsewhere on the page. The x is taken from the hover map of the last drawing
/// at each render, so a read-out left up follows a redrawn axis (a new horizon).
#[hook]
fn use_hover(
    canvas: NodeRef,
    xmap: Rc<RefCell<Option<XMap>>>,
) -> (
    Option<(usize, f64)>,
    Callback<PointerEvent>,
    Callback<PointerEvent>,
) {
    let hover = use_state_eq(|| None::<usize>);
    let ratio = || window().device_pixel_ratio().max(1.0);
    let onpointermove = {
        let (hover, xmap) = (hover.clone(), xmap.clone());
        Callback::from(move |e: PointerEvent| {
            let x = f64::from(e.offset_x()) * ratio();
            hover.set(xmap.borrow().and_then(|m| m.point_at(x)));
        })
    };
    let onpointerleave = {
        let hover = hover.clone();
        Callback::from(move |e: PointerEvent| {
            if e.type_() == "pointercancel" || e.pointer_type() != "touch" {
                hover.set(None);
            }
        })
    };
    {
        let hover = hover.clone();
        use_effect_with((), move |_| {
            let press = EventListener::new(&gloo::utils::document(), "pointerdown", move |e| {
                let on_canvas = canvas.get().is_some_and(|c| {
                    e.target()
                        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                        .is_some_and(|t| t == c)
                });
                if !on_canvas {
                    hover.set(None);
                }
            });
            move || drop(press)
        });
    }
    let hovered = (*hover).and_then(|month| {
        let map = (*xmap.borrow())?;
        (month < map.points).then(|| (month, map.x_of(month) / ratio()))
    });
    (hovered, onpointermove, onpointerleave)
}

/// What a painting shows: what the chart draws, at which CSS size and in which look.
type Painting = (Drawn, (i32, i32), Style);

/// The CSS size a chart is painted at for paper: about an A4 or Letter page's width within
/// its margins; the printed page keeps the drawing's proportions (see the print stylesheet).
const PRINT_SIZE: (i32, i32) = (720, 380);

/// The least device pixels per CSS pixel a chart is painted at for paper, for crisp print.
const PRINT_SCALE: f64 = 2.0;

/// Paper is light and wider than a phone: while the chart is in view, it is repainted for print
/// before printing (light, at [`PRINT_SIZE`], at least [`PRINT_SCALE`]; an embed, printed in
/// its host's page, keeps its frame's size), and as it was after. Printing lays the page out
/// and prints it right after `beforeprint`, with no task between for a render to repaint it.
#[hook]
fn use_print(
    canvas: NodeRef,
    id: ChartId,
    active: bool,
    painting: Painting,
    canvases: &Rc<Canvases>,
) {
    let canvases = Rc::clone(canvases);
    let latest = use_mut_ref(|| painting.clone());
    *latest.borrow_mut() = painting;
    use_effect_with(active, move |&active| {
        let listeners = active.then(|| {
            let repaint = move |print: bool| {
                let (drawn, size, look) = latest.borrow().clone();
                let paper = Style {
                    colors: &charts::palette::LIGHT,
                    ..look
                };
                let (size, look) = match (print, look.compact) {
                    (false, _) => (size, look),
                    (true, true) => (size, paper),
                    (true, false) => (
                        PRINT_SIZE,
                        Style {
                            scale: PRINT_SCALE,
                            ..paper
                        },
                    ),
                };
                draw(&canvases, &canvas, id, &drawn, size, look);
            };
            let again = repaint.clone();
            (
                EventListener::new(&window(), "beforeprint", move |_| repaint(true)),
                EventListener::new(&window(), "afterprint", move |_| again(false)),
            )
        });
        move || drop(listeners)
    });
}

/// The hover guide at CSS x and the read-out beside it (title and rows) for the month `hovered`,
/// on a chart `width` CSS px wide. Both stay mounted (only hidden) so that the canvas beside
/// them is never re-created by a change of the children list.
fn readout(
    hovered: Option<(usize, f64)>,
    texts: Option<(String, Vec<(String, String)>)>,
    width: f64,
) -> Html {
    let (title, rows) = texts.unwrap_or_default();
    let x = hovered.map_or(0.0, |(_, x)| x);
    let style = if x > width * 0.6 {
        format!("right: calc(100% - {x:.0}px + 10px)")
    } else {
        format!("left: {:.0}px", x + 10.0)
    };
    html! {
        <>
            <div class="guide" hidden={hovered.is_none()} style={format!("left: {x:.0}px")}></div>
            <div class="readout" role="status" hidden={hovered.is_none() || rows.is_empty()} {style}>
                <strong>{ title }</strong>
                { for rows.into_iter().map(|(k, v)| html! { <div><span>{ k }</span><b>{ v }</b></div> }) }
            </div>
        </>
    }
}

/// Paints chart `id` with what it draws (the scenario's results, the pinned scenario's line, the
/// Monte Carlo run) on `canvas`, one of the page's `canvases`.
fn draw(
    canvases: &Canvases,
    canvas: &NodeRef,
    id: ChartId,
    (results, pinned, mc): &Drawn,
    size: (i32, i32),
    look: Style,
) -> Option<XMap> {
    let c = canvas.cast::<HtmlCanvasElement>()?;
    let mut input = charts::Input::of(id, results, mc.as_deref());
    input.compare = pinned.as_ref().map(|a| a.projection());
    canvases.paint(&c, size, id, &input, look)
}

/// The numbers of a run; while a newer run is under way (`stale`), with a note saying how far it
/// got (`data-progress`, whole percent).
fn numbers(n: &McNumbers, stale: Option<(&str, u32)>) -> Html {
    let state = if stale.is_some() { "stale" } else { "current" };
    html! {
        <p class={classes!("mc-line", stale.is_some().then_some("stale"))} data-role="monte-carlo" data-state={state}
            data-progress={stale.map(|(_, percent)| percent.to_string())}
            data-paths={n.paths.clone()} data-p10={n.p10.clone()} data-p50={n.p50.clone()}
            data-p90={n.p90.clone()} data-prob={n.prob.clone()}>
            if let Some((note, _)) = stale { <span class="mc-note">{ note }</span>{ " " } }
            { &n.text }
        </p>
    }
}

fn monte_carlo_line(line: &McLine, dispatch: &Callback<Action>) -> Html {
    match line {
        McLine::Off { text, action } => {
            let on = dispatch.reform(|_| Action::Set(Key::Mc, 1000.0));
            html! {
                <p class="mc-line">{ *text }{ " " }
                    <button type="button" onclick={on}>{ *action }</button>
                </p>
            }
        }
        McLine::Running { text, percent } => html! {
            <p class="mc-line" data-role="monte-carlo" data-state="running" data-progress={percent.to_string()}>
                { text }
            </p>
        },
        McLine::Stale {
            note,
            percent,
            numbers: n,
        } => numbers(n, Some((note, *percent))),
        McLine::Current(n) => numbers(n, None),
        McLine::Failed { text } => html! {
            <p class="mc-line" data-role="monte-carlo" data-state="failed">{ *text }</p>
        },
    }
}
