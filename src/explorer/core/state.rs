//! The explorer's state, one [`Action`] per user gesture or outside event, and the pure
//! [`update`] that applies it and says which [`Effect`]s the shell must run.

use super::view_keys::{PageWarning, View, ViewWarning};
use crate::analysis::{Analyses, Kind, MonteCarlo};
use crate::charts::ChartId;
use crate::explorer::view::controls::{committed, nudged, set_typed, Nudge};
use crate::explorer::view::export::Export;
use crate::model::Projection;
use crate::scenario::{canonical_query, parse, Key, Preset, Scenario, PRESETS};
use std::rc::Rc;

/// Cells per side of the break-even map on the page (odd: the scenario is the middle cell).
/// 31 × 31 keeps a redraw inside one frame; the cost is the canvas calls per cell.
pub const MAP_CELLS: usize = 31;

/// The model's answer for `s`, with the page's analyses computed when a chart first needs them.
fn results(s: &Scenario) -> Rc<Analyses> {
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

/// What was copied, or asked to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyWhat {
    /// The page's link.
    Link,
    /// The embed code.
    Embed,
}

/// A short message after a gesture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The clipboard took the text.
    Copied(CopyWhat),
    /// The browser refused the clipboard: the text is shown to copy by hand.
    Refused(CopyWhat, String),
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
    /// Carlo aside: the page's runs are the worker's, in `monte_carlo`; only an image export
    /// asks this bundle for one, made on this thread, when the worker has not finished.
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
    /// The message after the last copy gesture.
    pub notice: Option<Notice>,
    /// Whether the system asks for a dark page (`prefers-color-scheme: dark`), for `theme=auto`.
    pub system_dark: bool,
}

/// One user gesture or outside event.
#[derive(Clone, Debug)]
pub enum Action {
    /// A valid number, a box or a choice set a key.
    Set(Key, f64),
    /// A slider moved a key: as `Set` (the shell draws the chart in view before the page).
    Slide(Key, f64),
    /// A key press on a slider that cannot show the key's value: the value moves by itself, as
    /// the state holds it when the press arrives ([`crate::explorer::view::controls::nudged`]). The page renders
    /// at once, so that the slider says its new value at once.
    Nudge(Key, Nudge),
    /// Text typed, pasted or picked for a key (read like the URL; bad text warns).
    SetText(Key, String),
    /// Text committed in a key's number box, and the key's value when typing began, which
    /// text that cannot be read falls back to ([`crate::explorer::view::controls::committed`]).
    Commit(Key, String, f64),
    /// Back to the key's default.
    Reset(Key),
    /// A preset picked.
    Preset(&'static Preset),
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
    /// The system's colour scheme changed: whether it is dark.
    SystemDark(bool),
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
    /// Put `text` on the clipboard, then send [`Action::Copied`].
    Copy {
        /// Which text.
        what: CopyWhat,
        /// The text.
        text: String,
    },
    /// Send [`Action::ClearNotice`] in a moment.
    ClearNoticeSoon,
    /// Open the system's share sheet with the link; without one (or when it fails), send
    /// [`Action::Copy`] of the link.
    Share {
        /// The page's title.
        title: String,
        /// The written summary.
        text: String,
        /// The link.
        url: String,
    },
    /// Save `contents` as a file.
    Download {
        /// The file's name.
        filename: String,
        /// Its MIME type.
        mime: &'static str,
        /// Its text.
        contents: String,
    },
    /// Draw the current chart framed for export ([`crate::explorer::view::export::draw_image`]) and save it
    /// as PNG or SVG.
    DownloadChart {
        /// The file's name.
        filename: String,
        /// [`Export::Png`] or [`Export::Svg`].
        format: Export,
    },
    /// Stop the Monte Carlo run under way at once, and run this scenario's when input settles,
    /// sending [`Action::MonteCarloProgress`] as it goes and [`Action::MonteCarloDone`] at the
    /// end.
    MonteCarlo(Box<Scenario>),
    /// Stop the Monte Carlo run under way: its scenario is no longer shown and no chart shown
    /// needs one.
    CancelMonteCarlo,
}

impl State {
    /// Shows `warnings` about a typed value in the banner, in place of the ones before (none:
    /// the banner stays as it was).
    fn warn(&mut self, warnings: Vec<crate::scenario::Warning>) {
        if !warnings.is_empty() {
            self.warnings = Rc::new(warnings.into_iter().map(PageWarning::Link).collect());
            self.warnings_open = true;
            self.warnings_all = false;
        }
    }

    /// The state that the page at `page_url` (its address without the query) shows for
    /// `query`.
    pub fn load(page_url: &str, query: &str) -> Self {
        let parsed = parse(query);
        let mut view_warnings: Vec<ViewWarning> = Vec::new();
        let view = View::parse(&parsed.view, &mut view_warnings);
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
            results: results(&parsed.scenario),
            scenario: parsed.scenario,
            view,
            warnings_open: !warnings.is_empty(),
            warnings_all: false,
            warnings: Rc::new(warnings),
            monte_carlo: None,
            monte_carlo_run: None,
            notice: None,
            system_dark: false,
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
            CopyWhat::Link => self.query(),
            CopyWhat::Embed => self.embed_query(),
        };
        format!("{}?{query}", self.page_url)
    }

    /// The text a copy gesture puts on the clipboard: the link, or the embed code.
    pub fn copy_text(&self, what: CopyWhat) -> String {
        match what {
            CopyWhat::Link => self.link(what),
            CopyWhat::Embed => crate::explorer::view::share::embed_code(
                &self.link(what),
                crate::explorer::view::share::folder(&self.page_url),
                self.view.lang,
            ),
        }
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

    /// Whether the chart shown needs a Monte Carlo run that has not finished.
    fn needs_monte_carlo(&self) -> bool {
        self.view.tab.needs(Kind::MonteCarlo)
            && self.scenario.get(Key::Mc) > 0.0
            && self.current_monte_carlo().is_none()
    }
}

/// What the shell must do once the page is shown: write the canonical query to the address bar
/// at once, and start Monte Carlo if the chart shown needs it.
pub fn start(state: &mut State) -> Vec<Effect> {
    let mut effects = vec![Effect::Url {
        query: state.query(),
        write: UrlWrite::Now,
    }];
    schedule_monte_carlo(state, &mut effects);
    effects
}

/// Asks for the Monte Carlo run the chart shown needs unless it is already under way (while a
/// run is in flight, nothing is asked twice); stops a run whose scenario is no longer shown when
/// nothing needs one (a run of the scenario shown goes on, for when its chart is shown again).
fn schedule_monte_carlo(state: &mut State, effects: &mut Vec<Effect>) {
    let in_flight = state.monte_carlo_run.map(|r| r.scenario);
    if state.needs_monte_carlo() {
        if in_flight != Some(state.scenario) {
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

/// Applies `action` to `state`; returns what the shell must do.
pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    let before_query = state.query();
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
            state.warn(warnings);
        }
        Action::Commit(key, text, before) => {
            let (after, _, warnings) =
                committed(&state.scenario, key, &text, before, state.view.lang);
            state.scenario = after;
            state.warn(warnings);
        }
        Action::Reset(key) => state.scenario.set(key, state.scenario.default_of(key)),
        Action::Preset(p) => {
            state.scenario = p.scenario();
            // A preset is a new scenario: it gets its own history entry.
            push = true;
        }
        Action::Tab(tab) => state.view.tab = tab,
        Action::Navigated(query) => {
            let (monte_carlo, run, system_dark) = (
                state.monte_carlo.take(),
                state.monte_carlo_run,
                state.system_dark,
            );
            *state = State::load(&state.page_url, &query);
            state.monte_carlo = monte_carlo;
            state.monte_carlo_run = run;
            state.system_dark = system_dark;
        }
        Action::DismissWarnings => state.warnings_open = false,
        Action::ShowAllWarnings => state.warnings_all = true,
        Action::Pin => state.view.cmp = Some(state.scenario),
        Action::Unpin => state.view.cmp = None,
        Action::Copy(what) => {
            state.notice = None;
            let text = state.copy_text(what);
            effects.push(Effect::Copy { what, text });
        }
        Action::Share => {
            let lang = state.view.lang;
            effects.push(Effect::Share {
                title: lang.t(crate::i18n::Msg::PageTitle).to_string(),
                text: crate::explorer::view::summary::summary(state.projection(), lang),
                url: state.link(CopyWhat::Link),
            });
        }
        Action::Export(export) => {
            let filename = export.filename(state);
            effects.push(match crate::explorer::view::export::report(state, export) {
                Some(contents) => Effect::Download {
                    filename,
                    mime: export.mime(),
                    contents,
                },
                None => Effect::DownloadChart {
                    filename,
                    format: export,
                },
            });
        }
        Action::Copied(what, true) => {
            state.notice = Some(Notice::Copied(what));
            effects.push(Effect::ClearNoticeSoon);
        }
        Action::Copied(what, false) => {
            state.notice = Some(Notice::Refused(what, state.copy_text(what)));
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
        Action::SystemDark(dark) => state.system_dark = dark,
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
    schedule_monte_carlo(state, &mut effects);
    effects
}
