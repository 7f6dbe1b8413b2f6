//! Monte Carlo in a web worker, so that a run of 100,000 paths never delays a redraw.
//!
//! The worker ([`McWorker`], the `mc_worker` binary) simulates a few months at a time
//! ([`MonteCarloRun::step`]) and reports its progress after each chunk. Between chunks it yields
//! to its event loop (a message to itself through a `MessageChannel`, which, unlike a timer, is
//! not throttled), so that a newer request or a cancellation, queued meanwhile, is read before
//! the next chunk: a superseded run stops within one chunk, and the worker's wasm stays loaded.
//! The page ([`McRunner`]) spawns the worker the first time a chart needs Monte Carlo, sends it
//! the scenario as its canonical query (which round-trips bit for bit, so the worker simulates
//! exactly the scenario the CLI reads from that query), and passes on the replies about the run
//! it asked for last, dropping those of runs it has since replaced or cancelled.

use crate::analysis::{FanMonth, MonteCarlo, MonteCarloRun};
use crate::explorer::{Action, McResult, McRun};
use crate::model::{self, Projection};
use crate::scenario::{canonical_query, parse, Scenario};
use gloo_worker::{Codec, HandlerId, Registrable, Spawnable, Worker, WorkerBridge, WorkerScope};
use js_sys::Uint8Array;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue, UnwrapThrowExt};
use web_sys::{MessageChannel, MessagePort};

/// The worker's loader script, beside the page (`assets/mc_worker_loader.js`).
const LOADER: &str = "mc_worker_loader.js";

/// Draws per chunk (paths × months): 5 months of 100,000 paths, about 25 ms in the worker, so a
/// superseded run stops well within the 60 ms the page waits before asking for the next one, and
/// progress is reported every 4 % or so.
const CHUNK_DRAWS: usize = 1 << 19;

/// How messages cross to and from the worker: bincode, which keeps every `f64` bit for bit (like
/// gloo's default codec, but failing without formatting the error, which would add its `Debug`
/// code to the page's wasm).
#[derive(Debug)]
struct Wire;

impl Codec for Wire {
    fn encode<I: Serialize>(input: I) -> JsValue {
        let bytes = bincode::serialize(&input).ok();
        Uint8Array::from(bytes.expect_throw("a worker message encodes").as_slice()).into()
    }

    fn decode<O: DeserializeOwned>(input: JsValue) -> O {
        let bytes = Uint8Array::from(input).to_vec();
        bincode::deserialize(&bytes)
            .ok()
            .expect_throw("a worker message decodes")
    }
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
}

/// A message from the worker.
#[derive(Debug, Serialize, Deserialize)]
pub enum Reply {
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
    },
}

/// The run under way in the worker and who asked for it.
struct Job {
    id: u32,
    asker: HandlerId,
    run: MonteCarloRun<Projection>,
}

/// The Monte Carlo worker: one run at a time, a chunk of months per task.
pub struct McWorker {
    job: Option<Job>,
    /// A message posted here wakes the worker for the next chunk in a new task, after the
    /// messages that came in meanwhile.
    wake: MessagePort,
    /// Whether a wake-up is posted and not handled yet.
    woken: bool,
}

impl McWorker {
    /// Makes sure the next chunk runs in a task of its own.
    fn wake(&mut self) {
        if !self.woken {
            self.wake
                .post_message(&JsValue::NULL)
                .expect("a MessagePort takes null");
            self.woken = true;
        }
    }
}

impl Worker for McWorker {
    /// A wake-up: run the next chunk.
    type Message = ();
    type Input = Request;
    type Output = Reply;

    fn create(scope: &WorkerScope<Self>) -> Self {
        let channel = MessageChannel::new().expect("workers have MessageChannel");
        let scope = scope.clone();
        let on_wake = Closure::<dyn Fn()>::new(move || scope.send_message(()));
        channel
            .port1()
            .set_onmessage(Some(on_wake.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        on_wake.forget();
        McWorker {
            job: None,
            wake: channel.port2(),
            woken: false,
        }
    }

    fn received(&mut self, _: &WorkerScope<Self>, request: Request, asker: HandlerId) {
        self.job = match request {
            // The page asks only for scenarios with paths to run (`mc > 0`).
            Request::Run { id, query } => MonteCarloRun::new(model::run(&parse(&query).scenario))
                .map(|run| Job { id, asker, run }),
            Request::Cancel => None,
        };
        if self.job.is_some() {
            self.wake();
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, _: ()) {
        self.woken = false;
        let Some(mut job) = self.job.take() else {
            return;
        };
        job.run.step((CHUNK_DRAWS / job.run.paths()).max(1));
        let (done, total) = (job.run.months_done(), job.run.months());
        if done < total {
            let (id, done, total) = (job.id, done as u32, total as u32);
            scope.respond(job.asker, Reply::Progress { id, done, total });
            self.job = Some(job);
            self.wake();
        } else {
            let mut result = job.run.finish();
            let fan = std::mem::take(&mut result.fan);
            scope.respond(
                job.asker,
                Reply::Done {
                    id: job.id,
                    result,
                    fan,
                },
            );
        }
    }
}

/// Serves Monte Carlo runs to the page, in its web worker (the `mc_worker` binary's `main`).
pub fn serve() {
    McWorker::registrar().encoding::<Wire>().register();
}

/// The worker seen from the page.
pub struct McRunner {
    bridge: WorkerBridge<McWorker>,
    /// The run asked for last, unless it has finished or been cancelled: its id and scenario.
    /// Replies about any other run are dropped.
    asked: Rc<Cell<Option<(u32, Scenario)>>>,
    /// The id of the last run asked for.
    last_id: Cell<u32>,
}

impl McRunner {
    /// Spawns the worker (its wasm loads now); `dispatch` gets the progress and results of the
    /// runs asked for.
    pub fn spawn(dispatch: impl Fn(Action) + 'static) -> Self {
        let asked = Rc::new(Cell::new(None::<(u32, Scenario)>));
        let bridge = McWorker::spawner()
            .encoding::<Wire>()
            .callback({
                let asked = Rc::clone(&asked);
                move |reply| match (reply, asked.get()) {
                    (Reply::Progress { id, done, total }, Some((asked_id, scenario)))
                        if id == asked_id =>
                    {
                        dispatch(Action::MonteCarloProgress(Box::new(McRun {
                            scenario,
                            done,
                            total,
                        })));
                    }
                    (Reply::Done { id, result, fan }, Some((asked_id, scenario)))
                        if id == asked_id =>
                    {
                        asked.set(None);
                        let result = Rc::new(MonteCarlo { fan, ..result });
                        dispatch(Action::MonteCarloDone(Box::new(McResult {
                            scenario,
                            result,
                        })));
                    }
                    _ => {} // about a run replaced or cancelled since
                }
            })
            .spawn_with_loader(LOADER);
        McRunner {
            bridge,
            asked,
            last_id: Cell::new(0),
        }
    }

    /// Runs `scenario`, replacing any run under way.
    pub fn run(&self, scenario: Scenario) {
        let id = self.last_id.get().wrapping_add(1);
        self.last_id.set(id);
        self.asked.set(Some((id, scenario)));
        let query = canonical_query(&scenario);
        self.bridge.send(Request::Run { id, query });
    }

    /// Stops the run under way, if any.
    pub fn cancel(&self) {
        if self.asked.take().is_some() {
            self.bridge.send(Request::Cancel);
        }
    }
}
