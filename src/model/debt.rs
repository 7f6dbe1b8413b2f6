//! Project debt and the equity's view (ECONOMICS.md §8b). The plan borrows `ltc` of its capex
//! as it spends it. A draw capitalizes its interest until it starts repaying, in the month
//! after it (or, for a tranche still being built, when the tranche goes live); it is then repaid
//! in `12·tenor` equal monthly instalments of principal with its interest paid in cash (with
//! `tenor = 0`, interest only). Whatever is still owed after the last month's instalments is
//! repaid then, in a balloon. Debt changes none of §8's cash lines, NPV or IRR.

use super::finance;
use super::flows::{Capex, Flows};
use super::site::Tranche;
use super::summary::{self, YearRow};
use crate::calendar::YearMonth;
use crate::scenario::{Key, Scenario};

/// The plan's debt, month by month, $. Every column has one value per month of the horizon.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Debt {
    /// Borrowed: `ltc/100` of each tranche's capex of the month.
    pub draw: Vec<f64>,
    /// Interest paid in cash.
    pub interest: Vec<f64>,
    /// Equal instalments of principal (the balloon left out).
    pub instalments: Vec<f64>,
    /// Owed at the end of the month, capitalized interest included, after the month's draws
    /// and instalments and before the balloon (so the last month's is the balloon).
    pub balance: Vec<f64>,
}

/// The loan terms.
struct Terms {
    /// `1 + kd/100/12`: what a month's interest makes of a balance.
    growth: f64,
    /// `kd/100/12`, the monthly rate.
    rate: f64,
    /// Equal instalments of principal, `12·tenor`; 0 for a bullet.
    instalments: usize,
}

/// The plan's debt over the first `n` months: `None` when it borrows nothing (`ltc = 0`, or no
/// tranche to spend on), so that a plan without debt pays nothing for it.
pub fn schedule(s: &Scenario, tranches: &[Tranche], n: usize) -> Option<Debt> {
    let ltc = s.get(Key::Ltc) / 100.0;
    if ltc == 0.0 || tranches.is_empty() {
        return None;
    }
    let rate = s.get(Key::Kd) / 100.0 / 12.0;
    let terms = Terms {
        growth: 1.0 + rate,
        rate,
        instalments: 12 * s.int(Key::Tenor) as usize,
    };
    let capex = Capex::new(s);
    let mut debt = Debt {
        draw: vec![0.0; n],
        interest: vec![0.0; n],
        instalments: vec![0.0; n],
        balance: vec![0.0; n],
    };
    let mut building = Vec::new();
    for t in tranches {
        // Draws made while the tranche is built all start repaying when it goes live; a draw
        // made once it is live (its GPUs, its refits) starts repaying the month after.
        building.clear();
        for (q, spent) in capex.of(t, n) {
            let draw = ltc * spent;
            debt.draw[q] += draw;
            if q < t.live {
                building.push((q, draw));
            } else {
                debt.borrow(&[(q, draw)], q + 1, &terms);
            }
        }
        debt.borrow(&building, t.live, &terms);
    }
    Some(debt)
}

impl Debt {
    /// Adds a loan made of `draws` (month, $; in month order, every month before `r`) that
    /// starts repaying in month `r`: until then each month's interest is added to it; from `r`
    /// on, its balance at the start of `r` is repaid in equal instalments with the interest on
    /// the balance at the start of each month paid in cash, or, for a bullet, only the
    /// interest is paid. What is owed at the horizon is left for the balloon.
    fn borrow(&mut self, draws: &[(usize, f64)], r: usize, terms: &Terms) {
        let n = self.balance.len();
        let Some(&(first, _)) = draws.first() else {
            return;
        };
        let mut owed = 0.0;
        let mut draws = draws.iter().peekable();
        for m in first..r.min(n) {
            owed *= terms.growth;
            while let Some((_, draw)) = draws.next_if(|(q, _)| *q == m) {
                owed += draw;
            }
            self.balance[m] += owed;
        }
        let k = terms.instalments;
        if k == 0 {
            for m in r..n {
                self.interest[m] += terms.rate * owed;
                self.balance[m] += owed;
            }
            return;
        }
        // The share of the loan still owed after `paid` instalments, `(k − paid)/k`, exactly 0
        // after the last.
        let left = |paid: usize| owed * (k - paid) as f64 / k as f64;
        for (paid, m) in (r..n).take(k).enumerate() {
            self.interest[m] += terms.rate * left(paid);
            self.instalments[m] += owed / k as f64;
            self.balance[m] += left(paid + 1);
        }
    }

    /// The balloon, $: what is still owed after the last month's instalments, repaid in that
    /// month.
    pub fn balloon(&self) -> f64 {
        self.balance.last().copied().unwrap_or(0.0)
    }

    /// The balloon if month `m` is the last, else 0, $.
    fn balloon_in(&self, m: usize) -> f64 {
        if m + 1 == self.balance.len() {
            self.balloon()
        } else {
            0.0
        }
    }

    /// The principal repaid in month `m`, $: its instalments and, in the last month, the
    /// balloon.
    pub fn principal(&self, m: usize) -> f64 {
        self.instalments[m] + self.balloon_in(m)
    }

    /// The largest balance owed at the end of any month, $ (before the balloon; 0 for no
    /// months).
    pub fn peak(&self) -> f64 {
        self.balance.iter().copied().fold(0.0, f64::max)
    }

    /// Writes the debt lines into the plan's months, and with them its equity cash.
    pub fn apply(&self, plan: &mut [Flows]) {
        for (m, f) in plan.iter_mut().enumerate() {
            f.finance(self.draw[m], self.interest[m], self.principal(m));
        }
    }

    /// The equity's IRR (a yearly fraction) and its peak funding, $, with the first month it
    /// is reached, from the plan's months (with [`Debt::apply`]'s lines) and keep-mining's, the
    /// first at `start`. The IRR is that of `Δe = equity_cf_plan − cash_flow_baseline`; the
    /// peak is that of `Δe` less the Δ of the terminal values plus the balloon, which the
    /// terminal value repays.
    pub fn equity(
        &self,
        start: YearMonth,
        plan: &[Flows],
        baseline: &[Flows],
    ) -> (Option<f64>, f64, Option<YearMonth>) {
        let delta: Vec<f64> = (plan.iter().zip(baseline))
            .map(|(p, b)| p.equity_cf - b.cash_flow)
            .collect();
        let operating: Vec<f64> = (plan.iter().zip(baseline).enumerate())
            .map(|(m, (p, b))| delta[m] - (p.terminal() - b.terminal()) + self.balloon_in(m))
            .collect();
        let (peak, month) = summary::peak(start, &operating);
        (finance::irr(&delta), peak, month)
    }

    /// Sets each year's cover (`dscr`): the plan's AI operating cash, `ai_revenue − ai_power −
    /// ai_opex` less the prepayment credits, over its debt service, interest plus instalments
    /// (the balloon left out); `None` for a year without debt service. `rows` are the calendar
    /// years of the months of `plan`, in order; `credits` the prepayment credits of each month.
    pub fn cover(&self, rows: &mut [YearRow], plan: &[Flows], credits: &[f64]) {
        let mut m = 0;
        for row in rows {
            let (mut cash, mut service) = (0.0, 0.0);
            for (f, credit) in plan[m..m + row.months].iter().zip(&credits[m..]) {
                cash += f.ai_revenue - f.ai_power - f.ai_opex - credit;
                service += self.interest[m] + self.instalments[m];
                m += 1;
            }
            row.dscr = (service > 0.0).then(|| cash / service);
        }
    }
}

/// The smallest yearly cover and its year (the first on a tie); `None` when no year has debt
/// service.
pub fn min_dscr(rows: &[YearRow]) -> Option<(f64, i32)> {
    rows.iter()
        .filter_map(|r| Some((r.dscr?, r.year)))
        .fold(None, |low, (dscr, year)| match low {
            Some((d, _)) if d <= dscr => low,
            _ => Some((dscr, year)),
        })
}
