//! Sensitivity of the NPV advantage to one input at a time (the tornado chart).

use crate::model;
use crate::scenario::{Key, Scenario};

/// Relative move of each input: −20 % and +20 %, clamped to the key's bounds.
pub const SWING: f64 = 0.2;

/// One bar: the NPV advantage with one key moved down and up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    /// The input moved.
    pub key: Key,
    /// Its value moved down (−20 %, clamped), in the key's unit.
    pub low_value: f64,
    /// Its value moved up (+20 %, clamped).
    pub high_value: f64,
    /// NPV advantage at `low_value`, $.
    pub low: f64,
    /// NPV advantage at `high_value`, $.
    pub high: f64,
}

impl Bar {
    /// How far the NPV advantage swings between the two moves, $.
    pub fn swing(&self) -> f64 {
        (self.high - self.low).abs()
    }
}

/// The tornado: bars sorted by swing, widest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Tornado {
    /// NPV advantage of the scenario itself, $.
    pub base: f64,
    /// One bar per input.
    pub bars: Vec<Bar>,
}

/// The NPV advantage when each input the key table marks for the tornado under the scenario's
/// AI model moves by ∓20 % of its value, clamped to its bounds. An input at zero (such as the
/// default `btcg`) does not move.
pub fn tornado(s: &Scenario) -> Tornado {
    let eval = model::Evaluator::new(s);
    let bars = Key::tornado(s.ai()).map(|key| {
        let v = s.get(key);
        let low_s = s.with(key, v * (1.0 - SWING));
        let high_s = s.with(key, v * (1.0 + SWING));
        Bar {
            key,
            low_value: low_s.get(key),
            high_value: high_s.get(key),
            low: eval.npv_advantage(&low_s),
            high: eval.npv_advantage(&high_s),
        }
    });
    let mut bars: Vec<Bar> = bars.collect();
    bars.sort_by(|a, b| b.swing().total_cmp(&a.swing()));
    Tornado {
        base: eval.npv_advantage(s),
        bars,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::parse;

    #[test]
    fn bars_match_direct_runs_and_are_sorted() {
        let s = Scenario::default();
        let t = tornado(&s);
        assert_eq!(t.bars.len(), Key::tornado(s.ai()).count());
        assert_eq!(t.base, model::run(&s).summary.npv_advantage);
        for w in t.bars.windows(2) {
            assert!(w[0].swing() >= w[1].swing());
        }
        let power = t.bars.iter().find(|b| b.key == Key::Power).unwrap();
        assert_eq!((power.low_value, power.high_value), (36.0, 54.0));
        let direct = model::run(&s.with(Key::Power, 54.0)).summary.npv_advantage;
        assert_eq!(power.high, direct);
        // A dearer GPU-hour can only help the plan.
        let gpu = t.bars.iter().find(|b| b.key == Key::Gpu).unwrap();
        assert!(gpu.high > t.base && t.base > gpu.low);
    }

    #[test]
    fn moves_are_clamped_and_colocation_moves_its_own_inputs() {
        let s = parse("ai=colo&conv=90&rate=90").scenario;
        let t = tornado(&s);
        let moved: Vec<Key> = t.bars.iter().map(|b| b.key).collect();
        assert!(moved.contains(&Key::Colo) && moved.contains(&Key::Esc));
        for gpu_only in [Key::Gpu, Key::Util, Key::Gpudecl, Key::Gpucost] {
            assert!(!moved.contains(&gpu_only), "{gpu_only:?}");
        }
        // Under colocation every bar moves but `firm`: ECONOMICS.md §9 lists the firm-power
        // premium for both models, and the tenant pays the hall's power.
        for b in &t.bars {
            let flat = b.swing() == 0.0;
            assert_eq!(
                flat,
                b.key == Key::Firm || s.get(b.key) == 0.0,
                "{:?}",
                b.key
            );
        }
        let gpu = tornado(&parse("util=100").scenario);
        let util = gpu.bars.iter().find(|b| b.key == Key::Util).unwrap();
        assert_eq!(util.high_value, 100.0);
        let rate = t.bars.iter().find(|b| b.key == Key::Rate).unwrap();
        assert_eq!(rate.high_value, 100.0);
        assert_eq!(rate.low_value, 72.0);
    }
}
