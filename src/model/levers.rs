//! The NPV advantage as a function of two levers: a scale `k` on the whole BTC price path (with
//! the network hashrate following at `k^elas`, so hashprice scales by `u = k^(1−elas)`), and a
//! scale on the AI rate (`gpu` or `colo`). The advantage is piecewise linear in `u` (each
//! month's fleet switches on where `u · revenue ≥ power`, with a step where a dark fleet's opex
//! differs from a running one's) and linear in the AI rate, so both breakevens of ECONOMICS.md
//! §8 are solved exactly, and the break-even map and Monte Carlo reuse one run. For Monte
//! Carlo's AI-rate index (§10) each variant also keeps the part of its AI cash that an index
//! on the uncontracted GPU rate moves, month by month, and its halls' market terminal value.

use super::flows::Variant;

/// Price range searched for the BTC breakeven, as a scale `k` on the BTC path.
pub const BTC_SCALE_RANGE: (f64, f64) = (0.01, 100.0);
/// Range searched for the AI-rate breakeven, as a scale on `gpu` or `colo`.
pub const AI_SCALE_RANGE: (f64, f64) = (0.001, 1000.0);

/// One variant's NPV split into what the hashprice moves and what it does not.
#[derive(Clone, Debug, PartialEq)]
pub struct VariantLevers {
    /// Mining revenue per month before shut-off at `u = 1`, $ (undiscounted).
    pub revenue: Vec<f64>,
    /// Mining power per month, $ (undiscounted).
    pub power: Vec<f64>,
    /// Mining opex per month while the fleet runs, $.
    pub opex_on: Vec<f64>,
    /// Mining opex per month while the fleet is off, $.
    pub opex_off: Vec<f64>,
    /// Discounted sum of everything but the mining margin (ASIC sales, terminal values, the
    /// whole AI line), $.
    pub fixed_npv: f64,
    /// Discounted part of the AI line proportional to the AI rate, $.
    pub ai_rate_npv: f64,
    /// GPU revenue per month of the months no contract fixes (`e ≥ cterm`), $ (undiscounted).
    pub open_revenue: Vec<f64>,
    /// Per month, the discounted AI cash proportional to `open_revenue` (net of its opex), $.
    pub open_npv: Vec<f64>,
    /// Discounted terminal value of the halls at the market lease rate (`tv = market`; 0 under
    /// book value), $: proportional to `colo`.
    pub hall_npv: f64,
}

/// Both variants' levers and the shared discount factors.
#[derive(Clone, Debug, PartialEq)]
pub struct Levers {
    /// `1 / (1 + rate)^((m+1)/12)` per month: the mining line's discount factors.
    pub discount: Vec<f64>,
    /// Whether the fleet shuts off in unprofitable months.
    pub shutoff: bool,
    /// Network hashrate elasticity to the BTC price.
    pub elas: f64,
    /// The conversion plan.
    pub plan: VariantLevers,
    /// Keep mining.
    pub baseline: VariantLevers,
}

impl VariantLevers {
    /// Splits a simulated variant, given the mining and AI lines' discount divisors.
    pub fn new(v: &Variant, mining_divisors: &[f64], ai_divisors: &[f64]) -> Self {
        let mut fixed_npv = 0.0;
        let mut ai_rate_npv = 0.0;
        for (m, f) in v.flows.iter().enumerate() {
            let (dm, da) = (mining_divisors[m], ai_divisors[m]);
            fixed_npv += (f.asic_sales + f.terminal_mining) / dm + f.ai_cf() / da;
            ai_rate_npv += v.ai_rate_part[m] / da;
        }
        let open_npv = (v.open_part.iter().zip(ai_divisors))
            .map(|(part, da)| part / da)
            .collect();
        VariantLevers {
            revenue: v.potential_revenue.clone(),
            power: v.potential_power.clone(),
            opex_on: v.opex_on.clone(),
            opex_off: v.opex_off.clone(),
            fixed_npv,
            ai_rate_npv,
            open_revenue: v.open_revenue.clone(),
            open_npv,
            hall_npv: ai_divisors.last().map_or(0.0, |da| v.hall_value / da),
        }
    }

    /// The discounted cash of month `m` that the AI-rate index multiplies, $: its uncontracted
    /// GPU cash, and in the last month also the halls' market terminal value (the market rent is
    /// `colo · X` there). 0 where the index moves nothing.
    pub fn index_weight(&self, m: usize) -> f64 {
        let hall = if m + 1 == self.open_npv.len() {
            self.hall_npv
        } else {
            0.0
        };
        self.open_npv[m] + hall
    }

    /// What the AI-rate index `x` of month `m` adds to the NPV, $: `(x − 1) ·`
    /// [`VariantLevers::index_weight`].
    pub fn index_gain(&self, m: usize, x: f64) -> f64 {
        (x - 1.0) * self.index_weight(m)
    }

    /// What the AI-rate index `x` of month `m` adds to its AI revenue, $ (undiscounted).
    pub fn index_revenue(&self, m: usize, x: f64) -> f64 {
        (x - 1.0) * self.open_revenue[m]
    }

    /// Whether the fleet runs in month `m` at hashprice scale `u`.
    pub fn runs(&self, m: usize, u: f64, shutoff: bool) -> bool {
        !(shutoff && u * self.revenue[m] < self.power[m])
    }

    /// Mining revenue of month `m` at hashprice scale `u`, $ (0 when the fleet is off).
    pub fn revenue_at(&self, m: usize, u: f64, shutoff: bool) -> f64 {
        if self.runs(m, u, shutoff) {
            u * self.revenue[m]
        } else {
            0.0
        }
    }

    /// Mining margin of month `m` at hashprice scale `u`, $ (undiscounted): revenue − power −
    /// opex when the fleet runs, the dark fleet's opex when it is off.
    pub fn margin(&self, m: usize, u: f64, shutoff: bool) -> f64 {
        if self.runs(m, u, shutoff) {
            u * self.revenue[m] - self.power[m] - self.opex_on[m]
        } else {
            -self.opex_off[m]
        }
    }
}

impl Levers {
    /// The hashprice scale `u = k^(1−elas)` of a BTC price scale `k`.
    pub fn hashprice_scale(&self, k: f64) -> f64 {
        libm::pow(k, 1.0 - self.elas)
    }

    /// The NPV advantage of the plan with the hashprice scaled by `u` and the AI rate by
    /// `ai_scale`, $.
    pub fn npv_advantage(&self, u: f64, ai_scale: f64) -> f64 {
        self.mining_advantage(u) + self.plan.fixed_npv - self.baseline.fixed_npv
            + (ai_scale - 1.0) * (self.plan.ai_rate_npv - self.baseline.ai_rate_npv)
    }

    /// The NPV advantage with the BTC price path scaled by `k` (hashrate following at
    /// `k^elas`) and the AI rate by `ai_scale`, $.
    pub fn npv_advantage_at_price(&self, k: f64, ai_scale: f64) -> f64 {
        self.npv_advantage(self.hashprice_scale(k), ai_scale)
    }

    /// Plan minus baseline discounted mining margin at hashprice scale `u`, $.
    pub fn mining_advantage(&self, u: f64) -> f64 {
        self.mining_advantage_path(|_| u)
    }

    /// Plan minus baseline discounted mining margin with month `m`'s hashprice scaled by
    /// `u(m)`, $.
    pub fn mining_advantage_path(&self, u: impl Fn(usize) -> f64) -> f64 {
        self.discount
            .iter()
            .enumerate()
            .map(|(m, &d)| {
                let u = u(m);
                d * (self.plan.margin(m, u, self.shutoff)
                    - self.baseline.margin(m, u, self.shutoff))
            })
            .sum()
    }

    /// The NPV advantage with month `m`'s hashprice scaled by `u(m)` (the AI rate as it is), $.
    pub fn npv_advantage_path(&self, u: impl Fn(usize) -> f64) -> f64 {
        self.mining_advantage_path(u) + self.plan.fixed_npv - self.baseline.fixed_npv
    }

    /// The BTC price scale `k` in [0.01, 100] at which the NPV advantage is zero, solved
    /// exactly on the piecewise-linear function of `u`; where there are several, the one with
    /// the smallest `|ln k|`. `None` without a root (always when `elas = 1`: the hashprice then
    /// does not move with the price, unless the advantage is exactly zero).
    pub fn breakeven_price_scale(&self) -> Option<f64> {
        let exponent = 1.0 - self.elas;
        if exponent == 0.0 {
            return (self.npv_advantage(1.0, 1.0) == 0.0).then_some(1.0);
        }
        let (k_lo, k_hi) = BTC_SCALE_RANGE;
        let (a, b) = (self.hashprice_scale(k_lo), self.hashprice_scale(k_hi));
        let (lo, hi) = (a.min(b), a.max(b));
        // f(u) = intercept + slope·u on each segment between switch-on points.
        let mut intercept = self.plan.fixed_npv - self.baseline.fixed_npv;
        let mut slope = 0.0;
        let mut switches: Vec<(f64, f64, f64)> = Vec::new(); // (u, Δintercept, Δslope)
        for (sign, v) in [(1.0, &self.plan), (-1.0, &self.baseline)] {
            for (m, &d) in self.discount.iter().enumerate() {
                let (rev, pow) = (v.revenue[m], v.power[m]);
                // Running: u·rev − pow − opex_on; off: −opex_off.
                let on = (-sign * d * (pow + v.opex_on[m]), sign * d * rev);
                let off = -sign * d * v.opex_off[m];
                let always_on = !self.shutoff || (rev > 0.0 && pow / rev <= lo) || pow <= 0.0;
                if always_on {
                    intercept += on.0;
                    slope += on.1;
                } else if rev > 0.0 && pow / rev < hi {
                    intercept += off;
                    switches.push((pow / rev, on.0 - off, on.1));
                } else {
                    intercept += off;
                }
            }
        }
        switches.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut best: Option<f64> = None;
        let mut consider = |a: f64, b: f64, intercept: f64, slope: f64| {
            let (fa, fb) = (intercept + slope * a, intercept + slope * b);
            let root = if fa == 0.0 {
                a
            } else if fb == 0.0 {
                b
            } else if fa.signum() != fb.signum() {
                (-intercept / slope).clamp(a, b)
            } else {
                return;
            };
            if best.is_none_or(|x: f64| root.ln().abs() < x.ln().abs()) {
                best = Some(root);
            }
        };
        let mut from = lo;
        for (u, di, ds) in switches {
            consider(from, u, intercept, slope);
            intercept += di;
            slope += ds;
            from = u;
        }
        consider(from, hi, intercept, slope);
        best.map(|u| libm::pow(u, 1.0 / exponent).clamp(k_lo, k_hi))
    }

    /// The AI-rate scale in [0.001, 1000] at which the NPV advantage is zero, given the NPV
    /// advantage at scale 1. `None` where the AI rate does not move the NPV or the root is out
    /// of range.
    pub fn breakeven_ai_scale(&self, npv_advantage: f64) -> Option<f64> {
        let slope = self.plan.ai_rate_npv - self.baseline.ai_rate_npv;
        if slope == 0.0 {
            return None;
        }
        let k = 1.0 - npv_advantage / slope;
        let (lo, hi) = AI_SCALE_RANGE;
        (lo..=hi).contains(&k).then_some(k)
    }
}

#[cfg(test)]
mod tests {
    use crate::model;
    use crate::scenario::parse;

    #[test]
    fn the_ai_rate_index_moves_the_uncontracted_gpu_months_and_the_halls_market_value() {
        // A year, the hall live from the first month, a 6-month contract: months 6–11 are
        // uncontracted, and all of their GPU revenue is; net of the 15 % GPU opex, 85 % of it
        // is cash, discounted at airate 12 %/yr: month m's by 1.12^((m+1)/12).
        let p = model::run(&parse("years=1&cbuild=0&cterm=6&ramp=0&tv=book").scenario);
        let plan = &p.levers.plan;
        for (m, row) in p.months.iter().enumerate() {
            let open = if m >= 6 { row.plan.ai_revenue } else { 0.0 };
            assert_eq!(plan.open_revenue[m], open, "month {m}");
            let npv = 0.85 * open / 1.12f64.powf((m as f64 + 1.0) / 12.0);
            assert!(
                (plan.open_npv[m] - npv).abs() <= 1e-9 * npv.max(1.0),
                "month {m}"
            );
            assert_eq!(plan.index_gain(m, 1.5), 0.5 * plan.open_npv[m]);
        }
        assert!(plan.open_revenue[6] > 0.0);
        // Book value: no hall at a market rent. The baseline has no AI at all.
        assert_eq!(plan.hall_npv, 0.0);
        let baseline = &p.levers.baseline;
        assert!(baseline.open_npv.iter().all(|&v| v == 0.0) && baseline.hall_npv == 0.0);
    }

    #[test]
    fn the_halls_market_value_is_the_next_years_rent_at_the_cap_rate() {
        // Defaults: one tranche of 100 MW / 1.4 = 71.428571 MW of IT, live from month 12; at
        // the horizon (month 120) it is in its lease year floor(108/12) = 9: the market rent
        // 130 · 1.03^9 = 130 · 1.3047732 $/kW-month. 12 months · 71,428.571 kW · that · (1 −
        // 5 %) / 7 % = $1,973,136,590, credited in month 119 and discounted by
        // 1.12^(120/12) = 3.1058482: $635,297,174.
        let p = model::run(&parse("").scenario);
        let plan = &p.levers.plan;
        assert!(
            (plan.hall_npv - 635_297_174.195).abs() < 1e-3,
            "{}",
            plan.hall_npv
        );
        let last = p.months.len() - 1;
        assert_eq!(plan.index_weight(last), plan.open_npv[last] + plan.hall_npv);
        assert_eq!(plan.index_weight(last - 1), plan.open_npv[last - 1]);
        // A lease's rent is contracted: colocation has no uncontracted revenue.
        let colo = model::run(&parse("ai=colo").scenario);
        assert!(colo.levers.plan.open_revenue.iter().all(|&v| v == 0.0));
        assert!((colo.levers.plan.hall_npv - 635_297_174.195).abs() < 1e-3);
    }
}
