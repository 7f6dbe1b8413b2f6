//! The explorer's state: the scenario and its results, the view keys, the warnings shown, the
//! Monte Carlo runs and the copy notice; and what it says of itself (its query, its links).

use super::drafts::Drafts;
use super::export::Export;
use super::preset_picker::PresetBrowsing;
use super::view_keys::{PageWarning, View, ViewWarning};
use crate::analysis::{Analyses, Kind, MonteCarlo, Sweep};
use crate::calendar::Date;
use crate::model::Projection;
use crate::scenario::{canonical_query, parse, Key, Preset, Scenario, PRESETS};
use std::rc::Rc;

/// Cells per side of the break-even map on the page (odd: the scenario is the middle cell).
/// 31 × 31 keeps a redraw inside one frame; the cost is the canvas calls per cell.
pub const MAP_CELLS: usize = 31;

/// The model's answer for `s`, with the page's analyses computed when a chart first needs them.
pub(super) fn results(s: &Scenario) -> Rc<Analyses> {
    Rc::new(Analyses::run(s, MAP_CELLS))
}

/// A Monte Carlo result and the scenario it was run for.
#[derive(Clone, Debug)]
pub struct McResult {
    /// The scenario simulated.
    pub scenario: Scenario,
    /// Its paths' percentiles.
    pub result: Rc<MonteCarlo>,
}

/// The sweeps of a scenario's inputs ([`crate::analysis::sweeps`]: each one's break-even and
/// where converting wins), made by the worker, and the scenario they were made for.
#[derive(Clone, Debug, PartialEq)]
pub struct Swept {
    /// The scenario swept.
    pub scenario: Scenario,
    /// One sweep per input the tornado moves for it, in table order.
    pub sweeps: Rc<Vec<Sweep>>,
}

/// The Monte Carlo run asked of the shell and not finished yet: its scenario and how far it got.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct McRun {
    /// The scenario simulated.
    pub scenario: Scenario,
    /// Months simulated so far.
    pub done: u32,
    /// Months to simulate (the horizon).
    pub total: u32,
}

impl McRun {
    /// The share of months simulated, in whole percent rounded down: 0–99 while the run is under
    /// way.
    pub fn percent(&self) -> u32 {
        (u64::from(self.done) * 100)
            .checked_div(u64::from(self.total))
            .map_or(0, |p| p.min(100) as u32)
    }
}

/// How long the page gives the Monte Carlo worker to say it has loaded, ms, from its spawning.
/// On a low-end phone's profile (390×844 at DPR 3, the CPU slowed 6×) on a busy machine, the
/// worker took 0.2–2.0 s (16 loads) from its spawning to a first result; 5 s is well past that,
/// so that only a worker that will never answer is taken for a failure, and a reader hears of
/// it soon.
pub const WORKER_LOAD_MS: u32 = 5000;

/// The Monte Carlo worker, as the page knows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum McWorker {
    /// Not asked for yet: it loads the first time a run is.
    #[default]
    Unused,
    /// Spawned, and not heard from yet.
    Loading,
    /// It said it has loaded.
    Ready,
    /// It could not load (its script or its wasm), or it broke: the page runs no Monte Carlo in
    /// the background any more, and a download that needs a run makes it itself.
    Failed,
    /// It said nothing within [`WORKER_LOAD_MS`]: taken as
    /// failed, until it says it has loaded after all (a slow network), when it is ready again.
    TimedOut,
}

impl McWorker {
    /// Whether the page must do without it: it failed, or has not loaded in time.
    pub fn failed(self) -> bool {
        matches!(self, McWorker::Failed | McWorker::TimedOut)
    }
}

/// What the Monte Carlo worker, or its watch, told the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkerEvent {
    /// Its first message: it has loaded and takes runs.
    Loaded,
    /// An `error` or `messageerror` event, or it could not be spawned at all.
    Failed,
    /// [`WORKER_LOAD_MS`] have passed since it was spawned.
    Silent,
}

/// What was copied, or asked to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyWhat {
    /// The page's link.
    Link,
    /// The embed code.
    Embed,
    /// The CLI command that reproduces the page's numbers.
    Cli,
}

/// A short message after a gesture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The clipboard took the text.
    Copied(CopyWhat),
    /// The browser refused the clipboard: the text is shown to copy by hand. With the link that
    /// was to be copied (the page's or its embed's), which that text is made of.
    Refused(CopyWhat, String),
    /// The Monte Carlo worker failed, so the page made a download's Monte Carlo run itself.
    MonteCarloOnPage,
}

/// Everything the page shows.
#[derive(Clone, Debug)]
pub struct State {
    /// The page's address without its query (`https://host/tools/hashshift/`): links and embed
    /// codes point there.
    pub page_url: String,
    /// The scenario.
    pub scenario: Scenario,
    /// View keys.
    pub view: View,
    /// The model's answer for `scenario`, and its analyses as the charts ask for them. Monte
    /// Carlo aside: the page's runs are the worker's, in `monte_carlo`; only a download asks
    /// this bundle for one, made on this thread, when the worker has failed.
    pub results: Rc<Analyses>,
    /// The model's answer for the pinned scenario A (`view.cmp`).
    pub compare: Option<Rc<Analyses>>,
    /// Problems with the last link read or value typed.
    pub warnings: Rc<Vec<PageWarning>>,
    /// Whether the warnings banner is shown.
    pub warnings_open: bool,
    /// Whether the banner lists every warning, not only the first few (the reader asked).
    pub warnings_all: bool,
    /// The latest Monte Carlo result (perhaps of an earlier scenario).
    pub monte_carlo: Option<McResult>,
    /// The Monte Carlo run under way, if any.
    pub monte_carlo_run: Option<McRun>,
    /// The latest Monte Carlo result of the pinned scenario A (`view.cmp`), kept while A is
    /// pinned: the run that finished while A was shown (or was A since).
    pub pinned_monte_carlo: Option<McResult>,
    /// The Monte Carlo worker's state.
    pub monte_carlo_worker: McWorker,
    /// The latest sweeps of the inputs (perhaps of an earlier scenario).
    pub swept: Option<Swept>,
    /// The scenario whose sweeps were asked of the worker and have not come yet, if any.
    pub sweep_asked: Option<Scenario>,
    /// Downloads asked for that wait for the worker's Monte Carlo run of the scenario shown
    /// (each at most once, in the order asked).
    pub exports_waiting: Vec<Export>,
    /// The message after the last copy gesture.
    pub notice: Option<Notice>,
    /// Whether the system asks for a dark page (`prefers-color-scheme: dark`), for `theme=auto`.
    pub system_dark: bool,
    /// Today's date where the page runs (the reader's clock), if known: the market snapshot's
    /// age is counted to it.
    pub today: Option<Date>,
    /// What the reader's typing left in the controls: number boxes being typed into, problems
    /// with text committed there, commits.
    pub drafts: Drafts,
    /// The preset picker's browsing from the keyboard.
    pub preset_browsing: PresetBrowsing,
}
impl State {
    /// The state that the page at `page_url` (its address without the query) shows for
    /// `query`.
    pub fn load(page_url: &str, query: &str) -> Self {
        let parsed = parse(query);
        let mut view_warnings: Vec<ViewWarning> = Vec::new();
        let mut view = View::parse(&parsed.view, &mut view_warnings);
        // A story's step shows its own scenario and chart.
        let mut scenario = parsed.scenario;
        if let Some(step) = view.story.and_then(|at| at.current(view.lang)) {
            (scenario, view.tab) = step.shown();
        }
        // Tracking keys (`fbclid`, `utm_…`) are no news to a reader who came from a post.
        let warnings: Vec<PageWarning> = parsed
            .warnings
            .into_iter()
            .filter(|w| !w.is_tracking())
            .map(PageWarning::Link)
            .chain(view_warnings.into_iter().map(PageWarning::View))
            .collect();
        State {
            page_url: page_url.to_string(),
            compare: view.cmp.as_ref().map(results),
            results: results(&scenario),
            scenario,
            view,
            warnings_open: !warnings.is_empty(),
            warnings_all: false,
            warnings: Rc::new(warnings),
            monte_carlo: None,
            monte_carlo_run: None,
            pinned_monte_carlo: None,
            monte_carlo_worker: McWorker::Unused,
            swept: None,
            sweep_asked: None,
            exports_waiting: Vec::new(),
            notice: None,
            system_dark: false,
            today: None,
            drafts: Drafts::default(),
            preset_browsing: PresetBrowsing::default(),
        }
    }

    /// The projection shown.
    pub fn projection(&self) -> &Projection {
        self.results.projection()
    }

    /// The page's query: the canonical query plus the view keys that differ from theirs.
    pub fn query(&self) -> String {
        format!(
            "{}{}",
            canonical_query(&self.scenario),
            self.view.query_suffix()
        )
    }

    /// The query of the full explorer for the same scenario (no embed keys).
    pub fn full_query(&self) -> String {
        let view = View {
            embed: false,
            controls: None,
            ..self.view.clone()
        };
        format!("{}{}", canonical_query(&self.scenario), view.query_suffix())
    }

    /// The query of the embedded view of the same scenario.
    pub fn embed_query(&self) -> String {
        format!("{}&embed=1", self.full_query())
    }

    /// The absolute link of the full explorer for the same scenario (what an embed prints).
    pub fn full_link(&self) -> String {
        format!("{}?{}", self.page_url, self.full_query())
    }

    /// The absolute link of the page, or of its embed (`what`).
    pub fn link(&self, what: CopyWhat) -> String {
        let query = match what {
            CopyWhat::Link | CopyWhat::Cli => self.query(),
            CopyWhat::Embed => self.embed_query(),
        };
        format!("{}?{query}", self.page_url)
    }

    /// Whether the page is dark: the `theme` key, or the system's choice under `theme=auto`.
    pub fn dark(&self) -> bool {
        self.view.theme.dark(self.system_dark)
    }

    /// The preset the scenario is exactly, if any.
    pub fn preset(&self) -> Option<&'static Preset> {
        PRESETS.iter().find(|p| p.scenario() == self.scenario)
    }

    /// The Monte Carlo result of the scenario shown, if it has finished.
    pub fn current_monte_carlo(&self) -> Option<&MonteCarlo> {
        self.monte_carlo
            .as_ref()
            .filter(|r| r.scenario == self.scenario)
            .map(|r| &*r.result)
    }

    /// The Monte Carlo result of the pinned scenario A, if one has finished.
    pub fn pinned_monte_carlo(&self) -> Option<&MonteCarlo> {
        self.pinned_monte_carlo
            .as_ref()
            .filter(|r| Some(r.scenario) == self.view.cmp)
            .map(|r| &*r.result)
    }

    /// Whether the page shows the odds card (`prob_plan_better`): Monte Carlo is on and the
    /// page is not an embed, whose short row of cards has no room for it.
    pub fn shows_odds(&self) -> bool {
        !self.view.embed && self.scenario.get(Key::Mc) > 0.0
    }

    /// Whether the odds card, the chart shown, the story's step or a download waiting needs a
    /// Monte Carlo run that has not finished and the worker can make: from load on, while
    /// `mc > 0`.
    pub(super) fn needs_monte_carlo(&self) -> bool {
        let story = self.view.story.and_then(|at| at.current(self.view.lang));
        (self.shows_odds()
            || self.view.tab.needs(Kind::MonteCarlo)
            || story.is_some_and(|step| step.needs_monte_carlo())
            || !self.exports_waiting.is_empty())
            && self.scenario.get(Key::Mc) > 0.0
            && self.current_monte_carlo().is_none()
            && !self.monte_carlo_worker.failed()
    }

    /// Whether download `export` holds Monte Carlo numbers not made yet: the JSON report, or an
    /// image of a chart that draws them, while `mc > 0` and no run of the scenario shown has
    /// finished.
    pub fn export_needs_monte_carlo(&self, export: Export) -> bool {
        let holds = match export {
            Export::Json => true,
            Export::Png | Export::Svg => self.view.tab.needs(Kind::MonteCarlo),
            Export::Csv | Export::Annual => false,
        };
        holds && self.scenario.get(Key::Mc) > 0.0 && self.current_monte_carlo().is_none()
    }

    /// Whether download `export` waits for the worker's run (rather than going at once): it
    /// needs Monte Carlo ([`State::export_needs_monte_carlo`]) and the worker has not failed.
    pub fn export_waits(&self, export: Export) -> bool {
        self.export_needs_monte_carlo(export) && !self.monte_carlo_worker.failed()
    }
}
