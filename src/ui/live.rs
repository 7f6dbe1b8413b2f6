//! A slider step in two phases. The chart in view is redrawn at once, in the input's own task;
//! the rest of the page (cards, summary, the moved control's box, the tables) renders in the
//! next task. A drag's input events come with the frame, so the browser draws the frame with the
//! new chart before that render: on a slow phone the chart follows the finger a whole render
//! (and that render's layout and paint) sooner, and the cards follow one frame later.

use super::{canvas, Shared};
use crate::analysis::{Analyses, MonteCarlo};
use crate::charts::ChartId;
use crate::explorer::view::page;
use crate::explorer::State;
use std::cell::RefCell;
use std::rc::Rc;
use yew::NodeRef;

/// What a chart draws: the scenario's results, the pinned scenario's and the Monte Carlo run.
pub type Drawn = (
    Shared<Analyses>,
    Option<Shared<Analyses>>,
    Option<Shared<MonteCarlo>>,
);

/// What the chart in view draws in `state` (the charts out of view lag behind: see `Charts`).
pub fn drawn(state: &State) -> Drawn {
    (
        Shared(Rc::clone(&state.results)),
        state.compare.clone().map(Shared),
        page::chart_monte_carlo(state).map(|mc| Shared(Rc::clone(mc))),
    )
}

/// A chart's painter: paints what it is given unless the chart shows it already, and says
/// whether it painted.
type Painter = Rc<dyn Fn(&Drawn) -> bool>;

/// The painter of the chart in view and its canvas, which that chart registers each time it
/// renders.
#[derive(Default)]
pub struct LiveChart {
    slot: RefCell<Option<(ChartId, NodeRef, Painter)>>,
    /// What the page knows of its canvases, for every painting and export.
    pub canvases: Rc<canvas::Canvases>,
}

impl LiveChart {
    /// Chart `id` is in view on `canvas` and paints with `painter`.
    pub fn register(
        &self,
        id: ChartId,
        canvas: NodeRef,
        painter: impl Fn(&Drawn) -> bool + 'static,
    ) {
        *self.slot.borrow_mut() = Some((id, canvas, Rc::new(painter)));
    }

    /// Chart `id` is out of view (another chart may have registered since).
    pub fn unregister(&self, id: ChartId) {
        let mut slot = self.slot.borrow_mut();
        if slot.as_ref().is_some_and(|(held, ..)| *held == id) {
            *slot = None;
        }
    }

    /// Paints the chart in view with what it draws in `state`; whether it painted (not when no
    /// chart is in view or it showed that already).
    pub fn paint(&self, state: &State) -> bool {
        let painter = self.slot.borrow().as_ref().map(|(.., p)| Rc::clone(p));
        painter.is_some_and(|paint| paint(&drawn(state)))
    }

    /// Brings the style of the chart in view's canvas up to date (see [`canvas::settle`]).
    pub fn settle(&self) {
        if let Some((_, canvas, _)) = &*self.slot.borrow() {
            canvas::settle(canvas);
        }
    }
}
