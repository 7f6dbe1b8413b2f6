//! One [`Action`] per user gesture or outside event, and the pure [`update`] that applies it
//! to the [`State`] and says which [`Effect`]s the shell must run. An effect names what to
//! produce (a copy, a download); the shell gets its text from the view models
//! ([`crate::explorer::view`]) as it runs it.

use super::export::Export;
use super::preset_picker::picker_value;
use super::state::{
    results, CopyWhat, McResult, McRun, McWorker, Notice, State, Swept, WorkerEvent,
};
use super::typing::{nudged, set_typed, significant, Nudge};
use super::view_keys::PageWarning;
use crate::charts::ChartId;
use crate::scenario::{on_current_market, Key, Preset, Scenario, Warning};
use std::rc::Rc;

/// One user gesture or outside event.
#[derive(Clone, Debug)]
pub enum Action {
    /// A valid number, a box or a choice set a key.
    Set(Key, f64),
    /// A slider moved a key: as `Set` (the shell draws the chart in view before the page).
    Slide(Key, f64),
    /// A key press on a slider that cannot show the key's value: the value moves by itself, as
    /// the state holds it when the press arrives ([`super::typing::nudged`]). The page renders
    /// at once, so that the slider says its new value at once.
    Nudge(Key, Nudge),
    /// Text typed, pasted or picked for a key (read like the URL; bad text warns).
    SetText(Key, String),
    /// Text typed into a key's number box: the box's text after the keystroke (or paste). The
    /// box keeps it; a clean value applies at once ([`super::drafts::Drafts::type_text`]).
    Type {
        /// The box's key.
        key: Key,
        /// The box's text.
        text: String,
    },
    /// Text committed in a key's number box (its `change`: Enter, or leaving it after typing):
    /// a safe value applies, the box shows it, the problem is said beside it
    /// ([`super::drafts::Drafts::commit`]).
    Commit {
        /// The box's key.
        key: Key,
        /// The box's text.
        text: String,
    },
    /// A key's number box lost the focus: it shows the value in force again.
    LeaveBox(Key),
    /// A key's month picker changed (its `change`): a whole month in range applies at once,
    /// anything else waits ([`super::drafts::Drafts::month_input`]).
    MonthInput {
        /// The picker's key.
        key: Key,
        /// The picker's value (`YYYY-MM`, or empty).
        text: String,
    },
    /// Enter pressed on a key's month picker: the month it holds is read
    /// ([`super::drafts::Drafts::read_month`]).
    MonthEnter {
        /// The picker's key.
        key: Key,
        /// The picker's value (`YYYY-MM`, or empty).
        text: String,
    },
    /// A key's month picker lost the focus: the month it holds is read, unless the window lost
    /// the focus (another tab or app), which leaves a year half typed waiting for the reader.
    MonthLeave {
        /// The picker's key.
        key: Key,
        /// The picker's value (`YYYY-MM`, or empty).
        text: String,
        /// Whether the page kept the focus (`document.hasFocus()`).
        page_focused: bool,
    },
    /// Back to the key's default.
    Reset(Key),
    /// A preset picked.
    Preset(&'static Preset),
    /// A key pressed on the preset picker ([`super::preset_picker::PresetBrowsing::key_down`]).
    PickerKey {
        /// Its name (`KeyboardEvent.key`).
        key: String,
        /// Whether pressed without Alt, Ctrl or Meta.
        plain: bool,
        /// When, ms (the event's time stamp).
        at_ms: f64,
    },
    /// The preset picker changed (its `change`): it browses or applies
    /// ([`super::preset_picker::PresetBrowsing::changed`]).
    PickerChange {
        /// The preset id it shows (`""`: "Custom scenario").
        id: String,
        /// When, ms (the event's time stamp).
        at_ms: f64,
    },
    /// The preset picker lost the focus: the preset browsed to applies, unless the window lost
    /// the focus ([`super::preset_picker::PresetBrowsing::left`]).
    PickerLeave {
        /// Whether the page kept the focus (`document.hasFocus()`).
        page_focused: bool,
    },
    /// A chart tab picked.
    Tab(ChartId),
    /// The browser moved through its history: the address bar's query.
    Navigated(String),
    /// The warnings banner closed.
    DismissWarnings,
    /// "Show all": the banner lists every warning.
    ShowAllWarnings,
    /// "Pin this scenario": the current scenario becomes A.
    Pin,
    /// "Unpin": no comparison.
    Unpin,
    /// "Update to the market of …": the scenario, on an older market snapshot, becomes A and
    /// takes the current snapshot's market inputs ([`crate::scenario::on_current_market`]).
    MarketRefresh,
    /// "Copy link" or "Copy embed code".
    Copy(CopyWhat),
    /// "Share": the system's share sheet, or the link copied.
    Share,
    /// A download asked for.
    Export(Export),
    /// The clipboard's answer to a copy: whether it took the text.
    Copied(CopyWhat, bool),
    /// The copy confirmation has been shown long enough.
    ClearNotice,
    /// A Monte Carlo run got further (ignored unless it is the run under way).
    MonteCarloProgress(Box<McRun>),
    /// A Monte Carlo run finished (ignored unless it is the run under way).
    MonteCarloDone(Box<McResult>),
    /// The Monte Carlo worker loaded or failed, or its watch ran out.
    MonteCarloWorker(WorkerEvent),
    /// The worker swept the inputs of a scenario (ignored unless it is the one asked for last).
    Swept(Box<Swept>),
    /// Move one input to its break-even, as one step of the history (Back returns): a row of
    /// "What would have to be true" chosen. The value is taken to 6 significant figures.
    BreakEven(Key, f64),
    /// The system's colour scheme changed: whether it is dark.
    SystemDark(bool),
    /// The story moves this many steps (−1: back, 1: on), if it has that step: its scenario
    /// and chart are shown, as a new history entry (in an embed, in place).
    StoryStep(isize),
    /// "Take the wheel": the story closes, its scenario stays.
    StoryExit,
}

/// How the address bar takes a new query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlWrite {
    /// At once (the page was just shown).
    Now,
    /// Once input rests, replacing the entry.
    Soon,
    /// As a new history entry (a preset picked).
    Push,
}

/// What the shell must do after an update.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Show `query` in the address bar.
    Url {
        /// The page's query.
        query: String,
        /// How.
        write: UrlWrite,
    },
    /// Put the link or the embed code ([`crate::explorer::view::share::copy_text`]) on the
    /// clipboard, then send [`Action::Copied`].
    Copy(CopyWhat),
    /// Send [`Action::ClearNotice`] in a moment.
    ClearNoticeSoon,
    /// Open the system's share sheet with the page's title, its written summary and its link
    /// ([`crate::explorer::view::share::sheet`]); without one (or when it fails), send
    /// [`Action::Copy`] of the link.
    Share,
    /// Save a report (CSV or JSON) as a file ([`crate::explorer::view::export::file`]). A JSON
    /// report comes once the worker's Monte Carlo run of the scenario shown has (or the worker
    /// has failed: the file then makes its run).
    Download(Export),
    /// Draw the current chart framed for export ([`crate::explorer::view::export::draw_image`])
    /// and save it as PNG or SVG ([`Export::Png`], [`Export::Svg`]), named by
    /// [`crate::explorer::view::export::filename`].
    DownloadChart(Export),
    /// Stop the Monte Carlo run under way at once, and run this scenario's when input settles,
    /// sending [`Action::MonteCarloProgress`] as it goes and [`Action::MonteCarloDone`] at the
    /// end. The first one (at load, while `mc > 0`) spawns the worker, which sends [`Action::MonteCarloWorker`] when it
    /// loads or fails, and [`WorkerEvent::Silent`] once
    /// [`WORKER_LOAD_MS`](super::state::WORKER_LOAD_MS) have passed.
    MonteCarlo(Box<Scenario>),
    /// Stop the Monte Carlo run under way: its scenario is no longer shown and nothing needs
    /// one (`mc=0`, or an embed whose chart draws none).
    CancelMonteCarlo,
    /// Sweep this scenario's inputs in the worker once input rests (one sweep at a time: a newer
    /// one waits for the one under way), then send [`Action::Swept`].
    Sweep(Box<Scenario>),
}

/// Shows `warnings` about a typed value in the banner, in place of the ones before (none: the
/// banner stays as it was).
fn warn(state: &mut State, warnings: Vec<Warning>) {
    if !warnings.is_empty() {
        state.warnings = Rc::new(warnings.into_iter().map(PageWarning::Link).collect());
        state.warnings_open = true;
        state.warnings_all = false;
    }
}

/// What the shell must do once the page is shown: write the canonical query to the address bar
/// at once, and start Monte Carlo while `mc > 0` (the odds card needs it; an embed, only when
/// its chart does).
pub fn start(state: &mut State) -> Vec<Effect> {
    let mut effects = vec![Effect::Url {
        query: state.query(),
        write: UrlWrite::Now,
    }];
    schedule_monte_carlo(state, &mut effects);
    schedule_sweep(state, &mut effects);
    effects
}

/// Asks the worker for the sweeps of the scenario shown (for "What would have to be true" and
/// the sliders' shading) unless they are at hand or asked for already; an embed shows neither,
/// and a worker that failed makes none.
fn schedule_sweep(state: &mut State, effects: &mut Vec<Effect>) {
    let s = state.scenario;
    if state.view.embed || state.monte_carlo_worker.failed() {
        state.sweep_asked = None;
        return;
    }
    if state.swept.as_ref().map(|w| w.scenario) != Some(s) && state.sweep_asked != Some(s) {
        if state.monte_carlo_worker == McWorker::Unused {
            state.monte_carlo_worker = McWorker::Loading;
        }
        state.sweep_asked = Some(s);
        effects.push(Effect::Sweep(Box::new(s)));
    }
}

/// Asks for the Monte Carlo run the page needs ([`State::needs_monte_carlo`]) unless it is
/// already under way (while a run is in flight, nothing is asked twice; a run of an earlier
/// scenario is replaced, and the shell starts the new one only once input rests); stops a run
/// whose scenario is no longer shown when nothing needs one (a run of the scenario shown goes
/// on, for when it is needed again).
fn schedule_monte_carlo(state: &mut State, effects: &mut Vec<Effect>) {
    let in_flight = state.monte_carlo_run.map(|r| r.scenario);
    if state.needs_monte_carlo() {
        if in_flight != Some(state.scenario) {
            if state.monte_carlo_worker == McWorker::Unused {
                state.monte_carlo_worker = McWorker::Loading;
            }
            state.monte_carlo_run = Some(McRun {
                scenario: state.scenario,
                done: 0,
                total: state.projection().months.len() as u32,
            });
            effects.push(Effect::MonteCarlo(Box::new(state.scenario)));
        }
    } else if in_flight.is_some_and(|s| s != state.scenario) {
        state.monte_carlo_run = None;
        effects.push(Effect::CancelMonteCarlo);
    }
}

/// Keeps the pinned scenario's latest Monte Carlo result ([`State::pinned_monte_carlo`]): the
/// run shown, once it is of the pinned scenario; none once another scenario, or none, is pinned.
fn follow_pinned_monte_carlo(state: &mut State) {
    let cmp = state.view.cmp;
    if let Some(shown) = state
        .monte_carlo
        .as_ref()
        .filter(|r| cmp == Some(r.scenario))
    {
        state.pinned_monte_carlo = Some(shown.clone());
    } else if state.pinned_monte_carlo.as_ref().map(|r| r.scenario) != cmp {
        state.pinned_monte_carlo = None;
    }
}

/// Sends the downloads waiting that no longer wait ([`State::export_waits`]): the worker's run of
/// the scenario shown has finished, the scenario shown no longer needs one (`mc=0`, or another
/// chart for an image), or the worker has failed (the download then makes its run, and says
/// so).
fn send_exports(state: &mut State, effects: &mut Vec<Effect>) {
    let (waiting, ready): (Vec<Export>, Vec<Export>) = std::mem::take(&mut state.exports_waiting)
        .into_iter()
        .partition(|&e| state.export_waits(e));
    for export in ready {
        if state.export_needs_monte_carlo(export) {
            state.notice = Some(Notice::MonteCarloOnPage);
        }
        effects.push(if export.is_image() {
            Effect::DownloadChart(export)
        } else {
            Effect::Download(export)
        });
    }
    state.exports_waiting = waiting;
}

/// Applies `action` to `state`; returns what the shell must do.
pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    let before_query = state.query();
    // The preset in force, while the keyboard browses the picker (which follows it).
    let chosen_before = state
        .preset_browsing
        .browsing()
        .then(|| picker_value(state.preset()));
    // A preset to apply: picked, or chosen with the picker's keyboard.
    let mut picked = None;
    let mut push = false;
    let mut effects = Vec::new();
    match action {
        Action::Set(key, value) | Action::Slide(key, value) => state.scenario.set(key, value),
        Action::Nudge(key, nudge) => {
            let value = nudged(&state.scenario, key, nudge);
            state.scenario.set(key, value);
        }
        Action::SetText(key, text) => {
            let warnings = set_typed(&mut state.scenario, key, &text, state.view.lang);
            warn(state, warnings);
        }
        Action::Type { key, text } => {
            let lang = state.view.lang;
            state.drafts.type_text(&mut state.scenario, key, text, lang);
        }
        Action::Commit { key, text } => {
            let lang = state.view.lang;
            let warnings = state.drafts.commit(&mut state.scenario, key, &text, lang);
            warn(state, warnings);
        }
        Action::LeaveBox(key) => state.drafts.leave_box(key),
        Action::MonthInput { key, text } => {
            let lang = state.view.lang;
            let warnings = state
                .drafts
                .month_input(&mut state.scenario, key, &text, lang);
            warn(state, warnings);
        }
        Action::MonthEnter { key, text }
        | Action::MonthLeave {
            key,
            text,
            page_focused: true,
        } => {
            let lang = state.view.lang;
            let warnings = state
                .drafts
                .read_month(&mut state.scenario, key, &text, lang);
            warn(state, warnings);
        }
        Action::MonthLeave {
            page_focused: false,
            ..
        } => {}
        Action::Reset(key) => state.scenario.set(key, state.scenario.default_of(key)),
        Action::Preset(p) => picked = Some(p),
        Action::PickerKey { key, plain, at_ms } => {
            let chosen = picker_value(state.preset());
            picked = state.preset_browsing.key_down(&key, plain, at_ms, chosen);
        }
        Action::PickerChange { id, at_ms } => {
            let chosen = picker_value(state.preset());
            picked = state.preset_browsing.changed(&id, at_ms, chosen);
        }
        Action::PickerLeave { page_focused } => {
            let chosen = picker_value(state.preset());
            picked = state.preset_browsing.left(page_focused, chosen);
        }
        Action::Tab(tab) => state.view.tab = tab,
        Action::Navigated(query) => {
            let worker = state.monte_carlo_worker;
            let exports_waiting = std::mem::take(&mut state.exports_waiting);
            let (monte_carlo, pinned_monte_carlo, run, system_dark, today) = (
                state.monte_carlo.take(),
                state.pinned_monte_carlo.take(),
                state.monte_carlo_run,
                state.system_dark,
                state.today,
            );
            let drafts = std::mem::take(&mut state.drafts);
            let preset_browsing = std::mem::take(&mut state.preset_browsing);
            *state = State::load(&state.page_url, &query);
            state.monte_carlo = monte_carlo;
            state.pinned_monte_carlo = pinned_monte_carlo;
            state.monte_carlo_run = run;
            state.system_dark = system_dark;
            state.today = today;
            // Text typed and problems said stay while their keys' values do, and the picker's
            // browsing while the preset in force does (both follow the state, below).
            state.drafts = drafts;
            state.preset_browsing = preset_browsing;
            state.monte_carlo_worker = worker;
            state.exports_waiting = exports_waiting;
        }
        Action::DismissWarnings => state.warnings_open = false,
        Action::ShowAllWarnings => state.warnings_all = true,
        Action::Pin => state.view.cmp = Some(state.scenario),
        Action::Unpin => state.view.cmp = None,
        Action::MarketRefresh => {
            state.view.cmp = Some(state.scenario);
            state.scenario = on_current_market(state.scenario);
            // A new scenario, as a preset's: Back returns to the link as it was.
            push = true;
        }
        Action::Copy(what) => {
            state.notice = None;
            effects.push(Effect::Copy(what));
        }
        Action::Share => effects.push(Effect::Share),
        // Sent below, at once or when the worker's run of the scenario shown finishes.
        Action::Export(export) => {
            if !state.exports_waiting.contains(&export) {
                state.exports_waiting.push(export);
            }
        }
        Action::Copied(what, true) => {
            state.notice = Some(Notice::Copied(what));
            effects.push(Effect::ClearNoticeSoon);
        }
        Action::Copied(what, false) => {
            state.notice = Some(Notice::Refused(what, state.link(what)));
        }
        Action::ClearNotice => {
            if matches!(state.notice, Some(Notice::Copied(_))) {
                state.notice = None;
            }
        }
        Action::MonteCarloProgress(progress) => {
            if let Some(run) = &mut state.monte_carlo_run {
                if run.scenario == progress.scenario {
                    *run = *progress;
                }
            }
        }
        Action::MonteCarloDone(result) => {
            if state.monte_carlo_run.map(|r| r.scenario) == Some(result.scenario) {
                state.monte_carlo = Some(*result);
                state.monte_carlo_run = None;
            }
        }
        Action::MonteCarloWorker(event) => {
            let worker = state.monte_carlo_worker;
            match event {
                // A worker that loads after its time (a slow network) is ready after all: the
                // run the page needs is asked for again (below).
                WorkerEvent::Loaded if matches!(worker, McWorker::Loading | McWorker::TimedOut) => {
                    state.monte_carlo_worker = McWorker::Ready
                }
                WorkerEvent::Failed => state.monte_carlo_worker = McWorker::Failed,
                WorkerEvent::Silent if worker == McWorker::Loading => {
                    state.monte_carlo_worker = McWorker::TimedOut
                }
                WorkerEvent::Loaded | WorkerEvent::Silent => {}
            }
            if state.monte_carlo_worker.failed() {
                // No run will come back.
                state.monte_carlo_run = None;
            }
        }
        Action::Swept(swept) => {
            if state.sweep_asked == Some(swept.scenario) {
                state.sweep_asked = None;
                state.swept = Some(*swept);
            }
        }
        Action::BreakEven(key, value) => {
            state.scenario.set(key, significant(value, 6));
            push = true;
        }
        Action::SystemDark(dark) => state.system_dark = dark,
        Action::StoryStep(by) => {
            let lang = state.view.lang;
            let to = state.view.story.and_then(|at| at.moved(by));
            if let Some(step) = to.and_then(|at| at.current(lang)) {
                state.view.story = to;
                (state.scenario, state.view.tab) = step.shown();
                // An embed's steps would fill its article's history.
                push = !state.view.embed;
            }
        }
        Action::StoryExit => {
            state.view.story = None;
            push = !state.view.embed;
        }
    }
    if let Some(p) = picked {
        state.scenario = p.scenario();
        // A preset is a new scenario: it gets its own history entry.
        push = true;
    }
    // A story shows its step's scenario: changing it is taking the wheel.
    let step = (state.view.story).and_then(|at| at.current(state.view.lang));
    if step.is_some_and(|step| step.shown().0 != state.scenario) {
        state.view.story = None;
    }
    state.drafts.follow(&state.scenario);
    if let Some(was) = chosen_before {
        state
            .preset_browsing
            .follow(was, picker_value(state.preset()));
    }
    if state.projection().scenario != state.scenario {
        state.results = results(&state.scenario);
    }
    let pinned = state.compare.as_ref().map(|c| c.projection().scenario);
    if pinned != state.view.cmp {
        state.compare = state.view.cmp.map(|a| match &state.results {
            r if r.projection().scenario == a => Rc::clone(r),
            _ => results(&a),
        });
    }
    let query = state.query();
    if push || query != before_query {
        let write = if push { UrlWrite::Push } else { UrlWrite::Soon };
        effects.insert(0, Effect::Url { query, write });
    }
    follow_pinned_monte_carlo(state);
    send_exports(state, &mut effects);
    schedule_monte_carlo(state, &mut effects);
    schedule_sweep(state, &mut effects);
    effects
}
