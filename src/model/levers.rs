//! The NPV advantage as a function of two levers: a scale `k` on the whole BTC price path and a
//! scale on the AI rate (`gpu` or `colo`). The first is piecewise linear (each month's fleet
//! switches on where `k · revenue ≥ power`), the second linear, so both breakevens of
//! ECONOMICS.md §8 are solved exactly, and the break-even map and Monte Carlo reuse one run.

use super::flows::Variant;

/// Price range searched for the BTC breakeven, as a scale on the BTC path.
pub const BTC_SCALE_RANGE: (f64, f64) = (0.01, 100.0);
/// Range searched for the AI-rate breakeven, as a scale on `gpu` or `colo`.
pub const AI_SCALE_RANGE: (f64, f64) = (0.001, 1000.0);

/// One variant's NPV split into what the BTC price moves and what it does not.
#[derive(Clone, Debug, PartialEq)]
pub struct VariantLevers {
    /// Mining revenue per month before shut-off at price scale 1, $ (undiscounted).
    pub revenue: Vec<f64>,
    /// Mining power per month before shut-off, $ (undiscounted).
    pub power: Vec<f64>,
    /// Discounted sum of everything else (opex, AI, capex, residual), $.
    pub fixed_npv: f64,
    /// Discounted AI revenue net of AI opex, $: proportional to the AI rate.
    pub ai_net_npv: f64,
}

/// Both variants' levers and the shared discount factors.
#[derive(Clone, Debug, PartialEq)]
pub struct Levers {
    /// `1 / (1 + rate)^((m+1)/12)` per month.
    pub discount: Vec<f64>,
    /// Whether the fleet shuts off in unprofitable months.
    pub shutoff: bool,
    /// The conversion plan.
    pub plan: VariantLevers,
    /// Keep mining.
    pub baseline: VariantLevers,
}

impl VariantLevers {
    /// Splits a simulated variant; `divisors` are the NPV discount divisors.
    pub fn new(v: &Variant, divisors: &[f64]) -> Self {
        let mut fixed_npv = 0.0;
        let mut ai_net_npv = 0.0;
        for (f, d) in v.flows.iter().zip(divisors) {
            fixed_npv += f.price_independent() / d;
            ai_net_npv += f.ai_net() / d;
        }
        VariantLevers {
            revenue: v.potential_revenue.clone(),
            power: v.potential_power.clone(),
            fixed_npv,
            ai_net_npv,
        }
    }

    /// Mining revenue and power of month `m` with the price path scaled by `k`, $
    /// (undiscounted); `None` when the fleet is shut off that month.
    pub fn mining_at(&self, m: usize, k: f64, shutoff: bool) -> Option<(f64, f64)> {
        let revenue = k * self.revenue[m];
        (!(shutoff && revenue < self.power[m])).then_some((revenue, self.power[m]))
    }

    /// Discounted mining margin of month `m` at price scale `k`, $.
    pub fn month_margin(&self, m: usize, k: f64, discount: f64, shutoff: bool) -> f64 {
        self.mining_at(m, k, shutoff)
            .map_or(0.0, |(r, p)| discount * (r - p))
    }
}

impl Levers {
    /// The NPV advantage of the plan with the BTC price path scaled by `price_scale` and the AI
    /// rate by `ai_scale`, $.
    pub fn npv_advantage(&self, price_scale: f64, ai_scale: f64) -> f64 {
        self.mining_advantage(price_scale)
            + self.plan.fixed_npv
            + (ai_scale - 1.0) * self.plan.ai_net_npv
            - self.baseline.fixed_npv
    }

    /// Plan minus baseline discounted mining margin at price scale `k`, $.
    pub fn mining_advantage(&self, k: f64) -> f64 {
        self.discount
            .iter()
            .enumerate()
            .map(|(m, &d)| {
                self.plan.month_margin(m, k, d, self.shutoff)
                    - self.baseline.month_margin(m, k, d, self.shutoff)
            })
            .sum()
    }

    /// The price scale in [0.01, 100] at which the NPV advantage is zero, solved exactly on the
    /// piecewise-linear function; where there are several, the one nearest the scenario's own
    /// price (smallest `|ln k|`). `None` without a root.
    pub fn breakeven_price_scale(&self) -> Option<f64> {
        let (lo, hi) = BTC_SCALE_RANGE;
        // f(k) = intercept + slope·k on each segment between switch-on prices.
        let mut intercept = self.plan.fixed_npv - self.baseline.fixed_npv;
        let mut slope = 0.0;
        let mut switches: Vec<(f64, f64, f64)> = Vec::new(); // (k, Δintercept, Δslope)
        for (sign, v) in [(1.0, &self.plan), (-1.0, &self.baseline)] {
            for (m, &d) in self.discount.iter().enumerate() {
                let (rev, pow) = (v.revenue[m], v.power[m]);
                let (di, ds) = (-sign * d * pow, sign * d * rev);
                if !self.shutoff {
                    intercept += di;
                    slope += ds;
                } else if rev > 0.0 {
                    let on_from = pow / rev;
                    if on_from <= lo {
                        intercept += di;
                        slope += ds;
                    } else if on_from < hi {
                        switches.push((on_from, di, ds));
                    }
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
        for (k, di, ds) in switches {
            consider(from, k, intercept, slope);
            intercept += di;
            slope += ds;
            from = k;
        }
        consider(from, hi, intercept, slope);
        best
    }

    /// The AI-rate scale in [0.001, 1000] at which the NPV advantage is zero, given the NPV
    /// advantage at scale 1. `None` where the AI rate does not move the NPV or the root is out
    /// of range.
    pub fn breakeven_ai_scale(&self, npv_advantage: f64) -> Option<f64> {
        if self.plan.ai_net_npv == 0.0 {
            return None;
        }
        let k = 1.0 - npv_advantage / self.plan.ai_net_npv;
        let (lo, hi) = AI_SCALE_RANGE;
        (lo..=hi).contains(&k).then_some(k)
    }
}
