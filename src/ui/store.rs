//! The shell around [`explorer::update`]: it holds the state, forwards each action, runs the
//! effects `update` returns (address bar, clipboard, timers, the Monte Carlo worker) and asks Yew
//! to render.

use super::live::LiveChart;
use super::monte_carlo::McRunner;
use super::{dom, Shared};
use crate::explorer::core::url_sync::{UrlOp, UrlSync};
use crate::explorer::view::{export, share};
use crate::explorer::{self, Action, CopyWhat, Effect, Export, State, UrlWrite};
use gloo::timers::callback::Timeout;
use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

/// How long "Link copied" stays, ms.
const NOTICE_MS: u32 = 2000;
/// How long input must rest before Monte Carlo runs, ms: while a slider moves, each change
/// stops the run under way and re-arms the timer, so dragging never piles up work and the worker
/// rests.
const MONTE_CARLO_SETTLE_MS: u32 = 60;
/// How long input must rest before the worker sweeps the inputs, ms: longer than for Monte
/// Carlo, since a sweep landing re-renders every slider's band. On a slow phone a drag's steps
/// come 40–60 ms apart; a pause of a quarter of a second ends the drag.
const SWEEP_SETTLE_MS: u32 = 250;

/// The explorer's state and the shell's timers.
pub struct Store {
    state: RefCell<State>,
    url: RefCell<UrlSync>,
    url_timer: RefCell<Option<Timeout>>,
    notice_timer: RefCell<Option<Timeout>>,
    monte_carlo_timer: RefCell<Option<Timeout>>,
    sweep_timer: RefCell<Option<Timeout>>,
    /// The Monte Carlo worker, spawned the first time the page needs a run (at load, while
    /// `mc > 0`).
    monte_carlo: OnceCell<McRunner>,
    render: RefCell<Option<Box<dyn Fn()>>>,
    /// The painter of the chart in view.
    live: Rc<LiveChart>,
    /// The page's render after a slider step's frame, and whether it is still to come.
    render_timer: RefCell<Option<Timeout>>,
    render_due: Cell<bool>,
}

impl Store {
    /// The store of the page as loaded.
    pub fn load() -> Rc<Self> {
        let query = dom::query();
        let mut state = State::load(&dom::page_url(), &query);
        state.system_dark = dom::dark_scheme().is_some_and(|q| q.matches());
        state.today = Some(dom::today());
        Rc::new(Store {
            state: RefCell::new(state),
            url: RefCell::new(UrlSync::new(query)),
            url_timer: RefCell::new(None),
            notice_timer: RefCell::new(None),
            monte_carlo_timer: RefCell::new(None),
            sweep_timer: RefCell::new(None),
            monte_carlo: OnceCell::new(),
            render: RefCell::new(None),
            live: Rc::default(),
            render_timer: RefCell::new(None),
            render_due: Cell::new(false),
        })
    }

    /// Sets what asks Yew to render the page again.
    pub fn on_change(&self, render: impl Fn() + 'static) {
        *self.render.borrow_mut() = Some(Box::new(render));
    }

    /// Where the chart in view registers its painter.
    pub fn live(&self) -> Shared<LiveChart> {
        Shared(Rc::clone(&self.live))
    }

    /// The state, to render.
    pub fn state(&self) -> std::cell::Ref<'_, State> {
        self.state.borrow()
    }

    /// Runs what the page needs once it is shown.
    pub fn start(self: &Rc<Self>) {
        let effects = explorer::start(&mut self.state.borrow_mut());
        self.run(effects);
    }

    /// Applies a gesture or event, runs its effects and renders. A slider step that changes the
    /// chart in view paints it at once, before its effects (timers for the address bar and Monte
    /// Carlo, which nothing shows yet), and renders the page in the next task (after the frame,
    /// for a drag's steps: see [`super::live`]); anything else renders at once.
    pub fn dispatch(self: &Rc<Self>, action: Action) {
        if let Action::Navigated(query) = &action {
            self.url.borrow_mut().navigated(query.clone());
        }
        let step = matches!(action, Action::Slide(..));
        let effects = explorer::update(&mut self.state.borrow_mut(), action);
        if step && self.live.paint(&self.state.borrow()) {
            self.run(effects);
            self.render_after_frame();
        } else {
            self.run(effects);
            self.render_now();
        }
    }

    /// Asks Yew to render the page, now (a render still to come after a frame is then
    /// cancelled: this one shows the same state).
    fn render_now(&self) {
        if self.render_due.replace(false) {
            self.render_timer.borrow_mut().take();
        }
        self.render_page();
    }

    /// Asks Yew to render the page.
    fn render_page(&self) {
        if let Some(render) = &*self.render.borrow() {
            render();
        }
    }

    /// Asks Yew to render the page in the next task, unless that is asked already: after the
    /// frame under way when the step came with one, as a drag's steps do.
    fn render_after_frame(self: &Rc<Self>) {
        if self.render_due.replace(true) {
            return;
        }
        let store = Rc::clone(self);
        // The timer replaced, if any, has fired.
        *self.render_timer.borrow_mut() = Some(Timeout::new(0, move || {
            store.render_due.set(false);
            store.render_page();
            // Yew renders in a microtask queued by `render_page` (unless a render it split
            // across tasks is under way); the changes are styled after it, in this task, rather
            // than by the next step's first label.
            let live = Rc::clone(&store.live);
            yew::platform::spawn_local(async move { live.settle() });
        }));
    }

    fn run(self: &Rc<Self>, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Url { query, write } => {
                    let mut url = self.url.borrow_mut();
                    let ops = match write {
                        UrlWrite::Now => url.start(query),
                        UrlWrite::Soon => url.replace(query, dom::now()),
                        UrlWrite::Push => url.push(query),
                    };
                    drop(url);
                    self.address_bar(ops);
                }
                Effect::Copy(what) => {
                    let text = share::copy_text(&self.state.borrow(), what);
                    let store = Rc::clone(self);
                    yew::platform::spawn_local(async move {
                        let ok = dom::copy(&text).await;
                        store.dispatch(Action::Copied(what, ok));
                    });
                }
                Effect::Share => {
                    let sheet = share::sheet(&self.state.borrow());
                    let store = Rc::clone(self);
                    yew::platform::spawn_local(async move {
                        let shared = dom::share(&sheet.title, &sheet.text, &sheet.url).await;
                        if let dom::Shared::Unavailable = shared {
                            store.dispatch(Action::Copy(CopyWhat::Link));
                        }
                    });
                }
                Effect::Download(export) => {
                    if let Some(file) = export::file(&self.state.borrow(), export) {
                        dom::download(&file.name, file.mime, &file.contents);
                    }
                }
                Effect::DownloadChart(format) => {
                    let state = self.state.borrow();
                    let filename = export::filename(&state, format);
                    let canvases = &self.live.canvases;
                    let saved = if format == Export::Svg {
                        export::svg(&state, export::IMAGE_SIZE.0)
                            .map_err(|e| {
                                gloo::console::error!(format!("HashShift: exported chart: {e}"))
                            })
                            .ok()
                            .map(|svg| dom::download(&filename, format.mime(), &svg))
                    } else {
                        canvases
                            .export_png(&state)
                            .map(|url| dom::save(&filename, &url))
                    };
                    if saved.is_none() {
                        gloo::console::error!("HashShift could not draw the chart to save");
                    }
                }
                Effect::ClearNoticeSoon => {
                    let store = Rc::clone(self);
                    *self.notice_timer.borrow_mut() = Some(Timeout::new(NOTICE_MS, move || {
                        store.dispatch(Action::ClearNotice)
                    }));
                }
                Effect::MonteCarlo(scenario) => {
                    self.monte_carlo_runner().cancel();
                    let store = Rc::clone(self);
                    let timer = Timeout::new(MONTE_CARLO_SETTLE_MS, move || {
                        store.monte_carlo_runner().run(*scenario);
                    });
                    *self.monte_carlo_timer.borrow_mut() = Some(timer);
                }
                Effect::Sweep(scenario) => {
                    let store = Rc::clone(self);
                    let timer = Timeout::new(SWEEP_SETTLE_MS, move || {
                        store.monte_carlo_runner().sweep(*scenario);
                    });
                    *self.sweep_timer.borrow_mut() = Some(timer);
                }
                Effect::CancelMonteCarlo => {
                    self.monte_carlo_timer.borrow_mut().take();
                    if let Some(runner) = self.monte_carlo.get() {
                        runner.cancel();
                    }
                }
            }
        }
    }

    /// The Monte Carlo worker, spawned on first use.
    fn monte_carlo_runner(self: &Rc<Self>) -> &McRunner {
        self.monte_carlo.get_or_init(|| {
            let store = Rc::clone(self);
            McRunner::spawn(move |action| store.dispatch(action))
        })
    }

    /// Carries out address-bar operations.
    fn address_bar(self: &Rc<Self>, ops: Vec<UrlOp>) {
        for op in ops {
            match op {
                UrlOp::Replace(q) => dom::replace_query(&q),
                UrlOp::Push(q) => dom::push_query(&q),
                UrlOp::ArmTimer(ms) => {
                    let store = Rc::clone(self);
                    let timer = Timeout::new(ms.ceil() as u32, move || {
                        let ops = store.url.borrow_mut().timer_fired();
                        store.address_bar(ops);
                    });
                    *self.url_timer.borrow_mut() = Some(timer);
                }
            }
        }
    }
}
