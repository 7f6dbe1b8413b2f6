//! The explorer's state: the scenario and its results, the view keys, the warnings shown, the
//! Monte Carlo runs and the copy notice; and what it says of itself (its query, its links).

use super::drafts::Drafts;
use super::preset_picker::PresetBrowsing;
use super::view_keys::{PageWarning, View, ViewWarning};
use crate::analysis::{Analyses, Kind, MonteCarlo};
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
    /// The browser refused the clipboard: the text is shown to copy by hand. With the link that
    /// was to be copied (the page's or its embed's), which that text is made of.
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
            CopyWhat::Link => self.query(),
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

    /// Whether the chart shown needs a Monte Carlo run that has not finished.
    pub(super) fn needs_monte_carlo(&self) -> bool {
        self.view.tab.needs(Kind::MonteCarlo)
            && self.scenario.get(Key::Mc) > 0.0
            && self.current_monte_carlo().is_none()
    }
}
