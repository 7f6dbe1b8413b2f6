//! The analyses of one scenario, each computed the first time it is asked for and kept: the
//! explorer draws its charts from one, the report writes its `analysis` object and its
//! `monte_carlo` from one.

use super::{
    breakeven_map, breakevens, monte_carlo, rates, timing, tornado, Breakeven, BreakevenMap,
    MonteCarlo, RatePoint, TimingPoint, Tornado,
};
use crate::model::{self, Projection};
use crate::scenario::Scenario;
use std::borrow::Borrow;
use std::cell::OnceCell;

/// A scenario's projection and its analyses, one per [`Kind`](super::Kind), each computed on
/// first ask and kept (asking again gives the same one).
///
/// `P` is the projection, owned (`Projection`: the explorer's, shared between the page's
/// parts) or borrowed (`&Projection`: the report's, for one write).
///
/// Monte Carlo is special: [`Analyses::monte_carlo`] runs it on the calling thread, for a
/// while with many paths. The page's charts never ask this bundle for it: a web worker runs it,
/// and the page keeps the worker's latest result itself (a chart may show the run of earlier
/// inputs while the new one runs) and hands it to [`crate::charts::Input::of`]; only an image
/// export made before the worker has finished asks here. A run made elsewhere for the same
/// scenario is taken with [`Analyses::with_monte_carlo`] (the report does so with the page's).
#[derive(Debug)]
pub struct Analyses<P = Projection> {
    projection: P,
    map_cells: usize,
    tornado: OnceCell<Tornado>,
    map: OnceCell<BreakevenMap>,
    rates: OnceCell<Vec<RatePoint>>,
    timing: OnceCell<Vec<TimingPoint>>,
    breakevens: OnceCell<Vec<Breakeven>>,
    monte_carlo: OnceCell<Option<MonteCarlo>>,
}

impl Analyses {
    /// Runs the model for `s`; the break-even map will have `map_cells` cells a side.
    pub fn run(s: &Scenario, map_cells: usize) -> Self {
        Analyses::new(model::run(s), map_cells)
    }
}

impl<P: Borrow<Projection>> Analyses<P> {
    /// The analyses of `projection`'s scenario, none computed yet; the break-even map will have
    /// `map_cells` cells a side (odd: the scenario is the middle cell).
    pub fn new(projection: P, map_cells: usize) -> Self {
        Analyses {
            projection,
            map_cells,
            tornado: OnceCell::new(),
            map: OnceCell::new(),
            rates: OnceCell::new(),
            timing: OnceCell::new(),
            breakevens: OnceCell::new(),
            monte_carlo: OnceCell::new(),
        }
    }

    /// Takes `run`, the Monte Carlo result made elsewhere for this scenario, as its Monte
    /// Carlo: [`Analyses::monte_carlo`] then gives it rather than running another.
    pub fn with_monte_carlo(mut self, run: MonteCarlo) -> Self {
        self.monte_carlo = OnceCell::from(Some(run));
        self
    }

    /// The model's projection of the scenario.
    pub fn projection(&self) -> &Projection {
        self.projection.borrow()
    }

    /// [`Kind::Tornado`](super::Kind::Tornado): the NPV advantage with each input moved ∓20 %.
    pub fn tornado(&self) -> &Tornado {
        self.tornado
            .get_or_init(|| tornado(&self.projection().scenario))
    }

    /// [`Kind::Map`](super::Kind::Map): the NPV advantage on the grid of BTC price × AI rate.
    pub fn map(&self) -> &BreakevenMap {
        self.map
            .get_or_init(|| breakeven_map(self.projection(), self.map_cells, self.map_cells))
    }

    /// [`Kind::Rates`](super::Kind::Rates): the NPV advantage against the discount rate.
    pub fn rates(&self) -> &[RatePoint] {
        self.rates.get_or_init(|| rates(self.projection()))
    }

    /// [`Kind::Timing`](super::Kind::Timing): the value of waiting.
    pub fn timing(&self) -> &[TimingPoint] {
        self.timing
            .get_or_init(|| timing(&self.projection().scenario))
    }

    /// [`Kind::Breakevens`](super::Kind::Breakevens): the value of each input alone at which the
    /// NPV advantage is zero.
    pub fn breakevens(&self) -> &[Breakeven] {
        self.breakevens
            .get_or_init(|| breakevens(self.projection()))
    }

    /// [`Kind::MonteCarlo`](super::Kind::MonteCarlo): the run given to
    /// [`Analyses::with_monte_carlo`], or else one run here, on this thread, on first ask;
    /// `None` when `mc = 0`.
    pub fn monte_carlo(&self) -> Option<&MonteCarlo> {
        self.monte_carlo
            .get_or_init(|| monte_carlo(self.projection()))
            .as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::parse;

    /// Whether each analysis has been computed, in the order of [`super::super::Kind::ALL`].
    fn computed<P>(a: &Analyses<P>) -> [bool; 6] {
        [
            a.tornado.get().is_some(),
            a.map.get().is_some(),
            a.rates.get().is_some(),
            a.timing.get().is_some(),
            a.breakevens.get().is_some(),
            a.monte_carlo.get().is_some(),
        ]
    }

    #[test]
    fn each_analysis_is_computed_on_first_ask_and_once() {
        let a = Analyses::run(&parse("mc=20").scenario, 5);
        assert_eq!(computed(&a), [false; 6]);
        let rates = a.rates();
        assert_eq!(computed(&a), [false, false, true, false, false, false]);
        assert!(std::ptr::eq(rates, a.rates()));
        assert!(std::ptr::eq(a.tornado(), a.tornado()));
        assert!(std::ptr::eq(a.map(), a.map()));
        assert!(std::ptr::eq(a.timing(), a.timing()));
        assert!(std::ptr::eq(a.breakevens(), a.breakevens()));
        let mc = a.monte_carlo().expect("mc > 0");
        assert!(std::ptr::eq(mc, a.monte_carlo().unwrap()));
        assert_eq!(computed(&a), [true; 6]);
    }

    #[test]
    fn each_analysis_is_its_function_of_the_projection() {
        let p = model::run(&parse("mc=20&ai=colo").scenario);
        let a = Analyses::new(&p, 7);
        assert_eq!(a.tornado(), &tornado(&p.scenario));
        assert_eq!(a.map(), &breakeven_map(&p, 7, 7));
        assert_eq!(a.rates(), rates(&p));
        assert_eq!(a.timing(), timing(&p.scenario));
        assert_eq!(a.breakevens(), breakevens(&p));
        assert_eq!(a.monte_carlo(), monte_carlo(&p).as_ref());
        assert!(Analyses::run(&parse("mc=0").scenario, 3)
            .monte_carlo()
            .is_none());
    }

    #[test]
    fn a_run_made_elsewhere_is_taken_rather_than_run_again() {
        let p = model::run(&parse("mc=20").scenario);
        let mut made = monte_carlo(&p).unwrap();
        // Marked, to tell it from a run made here (which would have 20 paths).
        made.paths = 7;
        let a = Analyses::new(&p, 3).with_monte_carlo(made.clone());
        assert_eq!(a.monte_carlo(), Some(&made));
    }
}
