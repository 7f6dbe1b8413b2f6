//! The break-even map: NPV advantage on a grid of BTC price × AI rate (ECONOMICS.md §9).
//!
//! Mining does not depend on the AI rate and AI does not depend on the BTC price, so each grid
//! cell is `mining(u) + fixed + (k_ai − 1)·ai`, from the one run's [`Levers`]. The BTC axis
//! scales the price path as the BTC breakeven does: the hashrate follows at `k^elas`, so the
//! hashprice moves by `u = k^(1−elas)`.

use crate::model::{Levers, Projection};
use crate::scenario::Key;

/// The grid spans the scenario's value divided and multiplied by this factor, log-spaced.
pub const MAP_SPAN: f64 = 3.0;

/// NPV advantage on a grid; the middle cell (odd sizes) is the scenario itself.
#[derive(Clone, Debug, PartialEq)]
pub struct BreakevenMap {
    /// The AI rate on the vertical axis: `gpu` or `colo`.
    pub ai_key: Key,
    /// Starting BTC prices of the columns, $, ascending.
    pub btc_prices: Vec<f64>,
    /// AI rates of the rows, ascending ($/GPU-hour or $/kW-month).
    pub ai_rates: Vec<f64>,
    /// NPV advantage, $, row-major: `values[row * btc_prices.len() + col]`.
    pub values: Vec<f64>,
}

impl BreakevenMap {
    /// NPV advantage at (`col`, `row`), $.
    pub fn at(&self, col: usize, row: usize) -> f64 {
        self.values[row * self.btc_prices.len() + col]
    }
}

/// Scales from `1/MAP_SPAN` to `MAP_SPAN`, log-spaced, `n ≥ 2` of them.
fn scales(n: usize) -> Vec<f64> {
    let lo = -MAP_SPAN.ln();
    let step = 2.0 * MAP_SPAN.ln() / (n - 1) as f64;
    (0..n).map(|i| libm::exp(lo + step * i as f64)).collect()
}

/// The map with `cols` BTC prices and `rows` AI rates (each at least 2).
pub fn breakeven_map(p: &Projection, cols: usize, rows: usize) -> BreakevenMap {
    let levers: &Levers = &p.levers;
    let s = &p.scenario;
    let ai_key = s.ai_rate_key();
    let (btc_scales, ai_scales) = (scales(cols.max(2)), scales(rows.max(2)));
    let mining: Vec<f64> = btc_scales
        .iter()
        .map(|&k| levers.mining_advantage(levers.hashprice_scale(k)))
        .collect();
    let fixed = levers.plan.fixed_npv - levers.baseline.fixed_npv;
    let ai_slope = levers.plan.ai_rate_npv - levers.baseline.ai_rate_npv;
    let mut values = Vec::with_capacity(mining.len() * ai_scales.len());
    for &ka in &ai_scales {
        let ai = (ka - 1.0) * ai_slope;
        values.extend(mining.iter().map(|m| m + fixed + ai));
    }
    BreakevenMap {
        ai_key,
        btc_prices: btc_scales.iter().map(|k| k * s.get(Key::Btc)).collect(),
        ai_rates: ai_scales.iter().map(|k| k * s.get(ai_key)).collect(),
        values,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;
    use crate::scenario::{parse, Scenario};

    #[test]
    fn cells_match_direct_model_runs() {
        for q in [
            "",
            "ai=colo&years=12",
            "shutoff=0&power=80",
            "phases=3&btcg=10&elas=0",
            "elas=1.4&dark=60",
            "cterm=60&prepay=20&tv=book",
        ] {
            let s = parse(q).scenario;
            let p = model::run(&s);
            let map = breakeven_map(&p, 5, 5);
            let mid = map.at(2, 2);
            let scale = p.summary.npv_advantage.abs().max(1.0);
            assert!((mid - p.summary.npv_advantage).abs() / scale < 1e-9, "{q}");
            for (col, row) in [(0, 0), (4, 1), (1, 4), (3, 3)] {
                // The BTC axis moves the hashrate too, at k^elas.
                let k = map.btc_prices[col] / s.get(Key::Btc);
                let moved = s
                    .with(Key::Btc, map.btc_prices[col])
                    .with(Key::Hr, s.get(Key::Hr) * k.powf(s.get(Key::Elas)))
                    .with(map.ai_key, map.ai_rates[row]);
                let direct = model::npv_advantage(&moved);
                let cell = map.at(col, row);
                assert!(
                    (cell - direct).abs() / direct.abs().max(1e6) < 1e-9,
                    "{q} {cell} {direct}"
                );
            }
        }
    }

    #[test]
    fn grid_is_log_spaced_around_the_scenario() {
        let p = model::run(&Scenario::default());
        let map = breakeven_map(&p, 41, 41);
        assert_eq!(map.values.len(), 41 * 41);
        assert!((map.btc_prices[20] - 60_000.0).abs() < 1e-6);
        assert!((map.btc_prices[0] - 60_000.0 / 3.0).abs() < 1e-6);
        assert!((map.ai_rates[40] - 7.5).abs() < 1e-9);
    }
}
