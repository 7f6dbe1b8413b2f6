//! Monte Carlo in a web worker, so that a run of 100,000 paths never delays a redraw.
//!
//! The worker runs the page's own wasm (`assets/worker.js`: the page sends it its glue's URL and
//! its compiled module, so the model is downloaded once); there [`serve`] simulates a few months at a time
//! ([`MonteCarloRun::step`]) and reports its progress after each chunk. Between chunks it yields
//! to its event loop (a message to itself through a `MessageChannel`, which, unlike a timer, is
//! not throttled), so that a newer request or a cancellation, queued meanwhile, is read before
//! the next chunk: a superseded run stops within one chunk, and the worker's wasm stays loaded.
//! The page ([`McRunner`]) spawns the worker the first time it needs Monte Carlo (at load, while
//! `mc > 0`: the odds card shows its numbers), sends it the scenario as its canonical query
//! (which round-trips bit for bit, so the worker simulates exactly the scenario the CLI reads
//! from that query), and passes on the replies about the run it asked for last, dropping those
//! of runs it has since replaced or cancelled. It passes on, too, what the worker says of
//! itself: its first message (it has loaded), its `error` and `messageerror` events, and the end
//! of the time it is given to load ([`WORKER_LOAD_MS`]); the explorer's core decides what they
//! mean.

use crate::analysis::{self, Dot, FanMonth, MonteCarlo, MonteCarloRun, Sweep};
use crate::explorer::core::{WorkerEvent, WORKER_LOAD_MS};
use crate::explorer::{Action, McResult, McRun, Swept};
use crate::model::{self, Projection};
use crate::scenario::{canonical_query, parse, Scenario};
use gloo::timers::callback::Timeout;
use js_sys::Uint8Array;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue, UnwrapThrowExt};
use web_sys::{
    DedicatedWorkerGlobalScope, MessageChannel, MessageEvent, MessagePort, Worker, WorkerOptions,
    WorkerType,
};

/// The worker's script, beside the page (`assets/worker.js`).
const LOADER: &str = "worker.js";

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The URL of the page's wasm-bindgen glue (`import.meta.url` in it), which the worker
    /// imports to run the same wasm.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static GLUE_URL: String;
}

/// Price draws per chunk (paths × months): about 4 months of 100,000 paths. Natively a month of
/// 100,000 paths takes 2.7 ms, 3.6 ms with the defaults' AI-rate index and 4.7 ms where the
/// index moves every month; the worker was about 1.75 times slower when last measured. A chunk
/// then takes some 20–33 ms, so a superseded run stops well within the 60 ms the page waits
/// before asking for the next one, and progress is reported every 3 % or so.
const CHUNK_DRAWS: usize = 3 << 17;

/// A message to or from the worker, as it crosses: bincode, which keeps every `f64` bit for bit
/// (failing without formatting the error, which would add its `Debug` code to the page's wasm).
fn encode<T: Serialize>(message: &T) -> JsValue {
    let bytes = bincode::serialize(message).ok();
    Uint8Array::from(bytes.expect_throw("a worker message encodes").as_slice()).into()
}

/// A message that crossed to or from the worker ([`encode`]); `None` for anything else.
fn decode<T: DeserializeOwned>(data: JsValue) -> Option<T> {
    let bytes = Uint8Array::new(&data).to_vec();
    bincode::deserialize(&bytes).ok()
}

/// A message to the worker.
#[derive(Debug, Serialize, Deserialize)]
pub enum Request {
    /// Run Monte Carlo for the scenario of a canonical query, replacing any run under way.
    Run {
        /// The page's number for this run, echoed in the replies.
        id: u32,
        /// The scenario's canonical query.
        query: String,
    },
    /// Stop the run under way.
    Cancel,
    /// Sweep the inputs of the scenario of a canonical query ([`analysis::sweeps`]), at once.
    Sweep {
        /// The page's number for this sweep, echoed in the reply.
        id: u32,
        /// The scenario's canonical query.
        query: String,
    },
}

/// A message from the worker.
#[derive(Debug, Serialize, Deserialize)]
pub enum Reply {
    /// The worker has loaded and reads requests: its first message.
    Ready,
    /// Run `id` has simulated `done` of its `total` months.
    Progress {
        /// The run.
        id: u32,
        /// Months simulated.
        done: u32,
        /// Months to simulate.
        total: u32,
    },
    /// Run `id` has finished.
    Done {
        /// The run.
        id: u32,
        /// Its result, whose fan travels beside it (the result's serde form leaves it out).
        result: MonteCarlo,
        /// The fan, one entry per month.
        fan: Vec<FanMonth>,
        /// The odds chart's dots, which travel beside it too.
        dots: Vec<Dot>,
    },
    /// Sweep `id` is made.
    Swept {
        /// The sweep.
        id: u32,
        /// One per input the tornado moves, in table order.
        sweeps: Vec<Sweep>,
    },
}

/// The run under way in the worker.
struct Job {
    id: u32,
    run: MonteCarloRun<Projection>,
}

/// The worker's side: one run at a time, a chunk of months per task.
struct Simulator {
    /// The worker's global scope, to reply through.
    scope: DedicatedWorkerGlobalScope,
    job: Option<Job>,
    /// A message posted here wakes the worker for the next chunk in a new task, after the
    /// messages that came in meanwhile.
    wake: MessagePort,
    /// Whether a wake-up is posted and not handled yet.
    woken: bool,
}

impl Simulator {
    fn reply(&self, reply: &Reply) {
        self.scope
            .post_message(&encode(reply))
            .expect_throw("a worker replies");
    }

    /// Makes sure the next chunk runs in a task of its own.
    fn wake(&mut self) {
        if !self.woken {
            self.wake
                .post_message(&JsValue::NULL)
                .expect_throw("a MessagePort takes null");
            self.woken = true;
        }
    }

    fn received(&mut self, request: Request) {
        self.job = match request {
            // The page asks only for scenarios with paths to run (`mc > 0`).
            Request::Run { id, query } => {
                MonteCarloRun::new(model::run(&parse(&query).scenario)).map(|run| Job { id, run })
            }
            Request::Cancel => None,
            // Made between two chunks of a run under way, which goes on after.
            Request::Sweep { id, query } => {
                let sweeps = analysis::sweeps(&model::run(&parse(&query).scenario));
                self.reply(&Reply::Swept { id, sweeps });
                return;
            }
        };
        if self.job.is_some() {
            self.wake();
        }
    }

    /// A wake-up: runs the next chunk.
    fn step(&mut self) {
        self.woken = false;
        let Some(mut job) = self.job.take() else {
            return;
        };
        job.run.step((CHUNK_DRAWS / job.run.paths()).max(1));
        let (done, total) = (job.run.months_done(), job.run.months());
        if done < total {
            let (id, done, total) = (job.id, done as u32, total as u32);
            self.reply(&Reply::Progress { id, done, total });
            self.job = Some(job);
            self.wake();
        } else {
            let mut result = job.run.finish();
            let fan = std::mem::take(&mut result.fan);
            let dots = std::mem::take(&mut result.dots);
            self.reply(&Reply::Done {
                id: job.id,
                result,
                fan,
                dots,
            });
        }
    }
}

/// Serves Monte Carlo runs to the page, in its web worker (the wasm's start there).
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let channel = MessageChannel::new().expect_throw("workers have MessageChannel");
    let simulator = Rc::new(RefCell::new(Simulator {
        scope: scope.clone(),
        job: None,
        wake: channel.port2(),
        woken: false,
    }));
    let on_wake = Closure::<dyn Fn()>::new({
        let simulator = Rc::clone(&simulator);
        move || simulator.borrow_mut().step()
    });
    channel
        .port1()
        .set_onmessage(Some(on_wake.as_ref().unchecked_ref()));
    let on_request = Closure::<dyn Fn(MessageEvent)>::new({
        let simulator = Rc::clone(&simulator);
        move |e: MessageEvent| {
            // Only the page posts here, and only requests; anything else is ignored.
            if let Some(request) = decode(e.data()) {
                simulator.borrow_mut().received(request);
            }
        }
    });
    scope.set_onmessage(Some(on_request.as_ref().unchecked_ref()));
    // The handlers live as long as the worker.
    on_wake.forget();
    on_request.forget();
    // Requests sent before now were held by the page: it sends them on this first message.
    simulator.borrow().reply(&Reply::Ready);
}

/// What the page sends the worker before its first message (messages posted earlier would reach
/// it before its handler is set, and be lost), then that the way is open.
enum Outbox {
    /// Not loaded yet: the run and the sweep to ask for once it has, if any (a run replaces any
    /// run before it, and a cancellation leaves no run to ask for; a sweep, any sweep).
    Held(Option<Request>, Option<Request>),
    /// Loaded: requests go at once.
    Open,
}

/// The page's sweeps: one in the worker at a time (a sweep cannot be stopped once begun), and
/// the newest asked for meanwhile, which goes once that one lands (an older one waiting is
/// dropped): a drag never piles up sweeps.
#[derive(Default)]
struct SweepQueue {
    /// The sweep in the worker: its id and scenario.
    in_flight: Cell<Option<(u32, Scenario)>>,
    /// The sweep to ask for next.
    waiting: Cell<Option<(u32, Scenario)>>,
}

impl SweepQueue {
    /// Takes sweep `id` of `scenario`: the request to send now, unless one is in flight.
    fn ask(&self, id: u32, scenario: Scenario) -> Option<Request> {
        if self.in_flight.get().is_some() {
            self.waiting.set(Some((id, scenario)));
            return None;
        }
        self.in_flight.set(Some((id, scenario)));
        Some(sweep_request(id, &scenario))
    }

    /// Sweep `id` has landed: its scenario, if it was the one in flight.
    fn landed(&self, id: u32) -> Option<Scenario> {
        let (asked, scenario) = self.in_flight.get()?;
        (asked == id).then(|| {
            self.in_flight.set(None);
            scenario
        })
    }

    /// The request for the sweep waiting, if any, now in flight.
    fn next(&self) -> Option<Request> {
        let (id, scenario) = self.waiting.take()?;
        self.in_flight.set(Some((id, scenario)));
        Some(sweep_request(id, &scenario))
    }
}

/// The request to sweep `scenario`.
fn sweep_request(id: u32, scenario: &Scenario) -> Request {
    let query = canonical_query(scenario);
    Request::Sweep { id, query }
}

/// The worker seen from the page.
pub struct McRunner {
    /// The worker, unless it could not even be spawned.
    worker: Option<Worker>,
    outbox: Rc<RefCell<Outbox>>,
    /// The run asked for last, unless it has finished or been cancelled: its id and scenario.
    /// Replies about any other run are dropped.
    asked: Rc<Cell<Option<(u32, Scenario)>>>,
    /// The sweeps asked for.
    sweeps: Rc<SweepQueue>,
    /// The id of the last run or sweep asked for.
    last_id: Cell<u32>,
    /// The worker's event handlers, kept as long as it.
    _handlers: Vec<Closure<dyn Fn(JsValue)>>,
    /// Sends [`WorkerEvent::Silent`] once the worker has had its time to load, unless it has
    /// loaded by then (its first message drops it).
    _watch: Rc<RefCell<Option<Timeout>>>,
}

impl McRunner {
    /// Spawns the worker (its wasm loads now); `dispatch` gets the progress and results of the
    /// runs asked for, and what the worker says of itself ([`Action::MonteCarloWorker`]).
    pub fn spawn(dispatch: impl Fn(Action) + 'static) -> Self {
        let dispatch: Rc<dyn Fn(Action)> = Rc::new(dispatch);
        let asked = Rc::new(Cell::new(None::<(u32, Scenario)>));
        let outbox = Rc::new(RefCell::new(Outbox::Held(None, None)));
        let sweeps = Rc::new(SweepQueue::default());
        let worker = spawn_worker();
        let event = |event: WorkerEvent| {
            let dispatch = Rc::clone(&dispatch);
            move || dispatch(Action::MonteCarloWorker(event))
        };
        let Some(worker) = worker else {
            return McRunner {
                worker: None,
                outbox,
                asked,
                sweeps,
                last_id: Cell::new(0),
                _handlers: Vec::new(),
                // In a task of its own, after the effects being run.
                _watch: Rc::new(RefCell::new(Some(Timeout::new(
                    0,
                    event(WorkerEvent::Failed),
                )))),
            };
        };
        let watch = Rc::new(RefCell::new(None::<Timeout>));
        let on_reply = {
            let (dispatch, asked, outbox, worker, watch, sweeps) = (
                Rc::clone(&dispatch),
                Rc::clone(&asked),
                Rc::clone(&outbox),
                worker.clone(),
                Rc::clone(&watch),
                Rc::clone(&sweeps),
            );
            move |data: JsValue| {
                let Some(reply) = decode::<Reply>(data.unchecked_into::<MessageEvent>().data())
                else {
                    // Not a reply of this page's worker: a broken worker.
                    dispatch(Action::MonteCarloWorker(WorkerEvent::Failed));
                    return;
                };
                match (reply, asked.get()) {
                    (Reply::Ready, _) => {
                        // Loaded: its watch has nothing left to say (dropping it cancels it).
                        drop(watch.borrow_mut().take());
                        let held = std::mem::replace(&mut *outbox.borrow_mut(), Outbox::Open);
                        if let Outbox::Held(run, sweep) = held {
                            run.into_iter().chain(sweep).for_each(|r| post(&worker, &r));
                        }
                        dispatch(Action::MonteCarloWorker(WorkerEvent::Loaded));
                    }
                    (Reply::Progress { id, done, total }, Some((asked_id, scenario)))
                        if id == asked_id =>
                    {
                        dispatch(Action::MonteCarloProgress(Box::new(McRun {
                            scenario,
                            done,
                            total,
                        })));
                    }
                    (
                        Reply::Done {
                            id,
                            result,
                            fan,
                            dots,
                        },
                        Some((asked_id, scenario)),
                    ) if id == asked_id => {
                        asked.set(None);
                        // The run's own inputs, which its serde form leaves out.
                        let result = Rc::new(MonteCarlo {
                            fan,
                            dots,
                            scenario: Some(Box::new(scenario)),
                            ..result
                        });
                        dispatch(Action::MonteCarloDone(Box::new(McResult {
                            scenario,
                            result,
                        })));
                    }
                    (Reply::Swept { id, sweeps: made }, _) => {
                        if let Some(scenario) = sweeps.landed(id) {
                            dispatch(Action::Swept(Box::new(Swept {
                                scenario,
                                sweeps: Rc::new(made),
                            })));
                        }
                        if let Some(next) = sweeps.next() {
                            post(&worker, &next);
                        }
                    }
                    _ => {} // about a run replaced or cancelled since
                }
            }
        };
        let on_reply = Closure::<dyn Fn(JsValue)>::new(on_reply);
        let failed = event(WorkerEvent::Failed);
        let on_error = Closure::<dyn Fn(JsValue)>::new(move |_| failed());
        worker.set_onmessage(Some(on_reply.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
        McRunner {
            worker: Some(worker),
            outbox,
            asked,
            sweeps,
            last_id: Cell::new(0),
            _handlers: vec![on_reply, on_error],
            _watch: {
                *watch.borrow_mut() =
                    Some(Timeout::new(WORKER_LOAD_MS, event(WorkerEvent::Silent)));
                watch
            },
        }
    }

    /// Sends `request` now, or once the worker has loaded.
    fn send(&self, request: Request) {
        let Some(worker) = &self.worker else { return };
        match &mut *self.outbox.borrow_mut() {
            Outbox::Open => post(worker, &request),
            Outbox::Held(run, sweep) => match request {
                Request::Run { .. } => *run = Some(request),
                Request::Cancel => *run = None,
                Request::Sweep { .. } => *sweep = Some(request),
            },
        }
    }

    /// A new id for a run or a sweep.
    fn next_id(&self) -> u32 {
        let id = self.last_id.get().wrapping_add(1);
        self.last_id.set(id);
        id
    }

    /// Sweeps `scenario`'s inputs: now, or once the sweep under way has landed.
    pub fn sweep(&self, scenario: Scenario) {
        if let Some(request) = self.sweeps.ask(self.next_id(), scenario) {
            self.send(request);
        }
    }

    /// Runs `scenario`, replacing any run under way.
    pub fn run(&self, scenario: Scenario) {
        let id = self.next_id();
        self.asked.set(Some((id, scenario)));
        let query = canonical_query(&scenario);
        self.send(Request::Run { id, query });
    }

    /// Stops the run under way, if any.
    pub fn cancel(&self) {
        if self.asked.take().is_some() {
            self.send(Request::Cancel);
        }
    }
}

/// Spawns the worker and hands it this wasm: the glue's URL and the compiled module, in its first
/// message; `None` if it cannot be spawned.
fn spawn_worker() -> Option<Worker> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(LOADER, &options).ok()?;
    let start = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&start, &key.into(), value).ok();
    set("glue", &GLUE_URL.with(|url| JsValue::from_str(url)))?;
    set("module", &wasm_bindgen::module())?;
    worker.post_message(&start).ok()?;
    Some(worker)
}

/// Posts `request` to the worker.
fn post(worker: &Worker, request: &Request) {
    worker
        .post_message(&encode(request))
        .expect_throw("the page posts to its worker");
}
