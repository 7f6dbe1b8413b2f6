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
            .map(|(p, b)| equity_delta(p, b))
            .collect();
        let operating: Vec<f64> = (plan.iter().zip(baseline).enumerate())
            .map(|(m, (p, b))| equity_operating(p, b, self.balloon_in(m)))
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

/// A month's incremental equity cash, $ (`Δe`): the plan's equity cash less keep-mining's
/// cash flow (keep-mining borrows nothing).
pub fn equity_delta(plan: &Flows, baseline: &Flows) -> f64 {
    plan.equity_cf - baseline.cash_flow
}

/// A month's operating incremental equity cash, $ (`Δe_op`): [`equity_delta`] without the Δ of
/// the terminal values and with the month's `balloon` added back (the terminal value repays
/// it).
pub fn equity_operating(plan: &Flows, baseline: &Flows, balloon: f64) -> f64 {
    equity_delta(plan, baseline) - (plan.terminal() - baseline.terminal()) + balloon
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::summary::YearTotals;

    /// A schedule of `n` months with nothing borrowed yet.
    fn empty(n: usize) -> Debt {
        Debt {
            draw: vec![0.0; n],
            interest: vec![0.0; n],
            instalments: vec![0.0; n],
            balance: vec![0.0; n],
        }
    }

    /// 1 % a month, `instalments` of them.
    fn terms(instalments: usize) -> Terms {
        Terms {
            growth: 1.01,
            rate: 0.01,
            instalments,
        }
    }

    fn close(a: &[f64], b: &[f64]) {
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            assert!((x - y).abs() < 1e-9, "{a:?} != {b:?}");
        }
    }

    #[test]
    fn a_loan_capitalizes_then_repays_in_equal_instalments() {
        // 100 drawn in months 0 and 1, repaid from month 2 in 2 instalments at 1 %/month.
        // Month 0 ends owing 100; month 1, 100 · 1.01 + 100 = 201 (the new draw earns nothing
        // yet). From month 2: instalments 201/2 = 100.5; interest on the balance at the start
        // of the month, 1 % of 201 = 2.01, then 1 % of 100.5 = 1.005; owed 100.5, then 0.
        let mut d = empty(5);
        d.borrow(&[(0, 100.0), (1, 100.0)], 2, &terms(2));
        close(&d.balance, &[100.0, 201.0, 100.5, 0.0, 0.0]);
        close(&d.interest, &[0.0, 0.0, 2.01, 1.005, 0.0]);
        close(&d.instalments, &[0.0, 0.0, 100.5, 100.5, 0.0]);
        assert_eq!((d.balloon(), d.peak()), (0.0, 201.0));
        // Instalments outliving the horizon: 4 months leave 100.5 for the balloon, repaid
        // with month 3's instalment as its principal.
        let mut d = empty(4);
        d.borrow(&[(0, 100.0), (1, 100.0)], 2, &terms(4));
        close(&d.instalments, &[0.0, 0.0, 50.25, 50.25]);
        close(&d.balance, &[100.0, 201.0, 150.75, 100.5]);
        assert!((d.principal(3) - (50.25 + 100.5)).abs() < 1e-12);
        assert_eq!(d.principal(2), 50.25);
    }

    #[test]
    fn a_bullet_pays_interest_only_and_a_balloon() {
        // The same draws, tenor 0: 2.01 of interest a month from month 2, 201 owed throughout,
        // repaid in month 3's balloon.
        let mut d = empty(4);
        d.borrow(&[(0, 100.0), (1, 100.0)], 2, &terms(0));
        close(&d.interest, &[0.0, 0.0, 2.01, 2.01]);
        close(&d.balance, &[100.0, 201.0, 201.0, 201.0]);
        assert_eq!(d.instalments, [0.0; 4]);
        assert_eq!(
            (d.balloon(), d.principal(3), d.principal(2)),
            (201.0, 201.0, 0.0)
        );
    }

    #[test]
    fn a_loan_repaid_after_the_horizon_capitalizes_to_the_end() {
        // Repayment would start in month 5, after the horizon's 3 months: 100 from month 1
        // grows to 101 in month 2, and all of it is the balloon.
        let mut d = empty(3);
        d.borrow(&[(1, 100.0)], 5, &terms(12));
        close(&d.balance, &[0.0, 100.0, 101.0]);
        assert_eq!((d.interest.iter().sum::<f64>(), d.balloon()), (0.0, 101.0));
        // No draws, no loan.
        d.borrow(&[], 1, &terms(1));
        close(&d.balance, &[0.0, 100.0, 101.0]);
    }

    /// A year with this cover.
    fn year(year: i32, dscr: Option<f64>) -> YearRow {
        YearRow {
            year,
            months: 12,
            plan: YearTotals::default(),
            baseline: YearTotals::default(),
            delta_cash_flow: 0.0,
            cumulative_delta: 0.0,
            dscr,
        }
    }

    #[test]
    fn the_smallest_cover_first_on_a_tie() {
        let rows = [
            year(2027, None),
            year(2028, Some(1.4)),
            year(2029, Some(1.2)),
            year(2030, Some(1.2)),
            year(2031, Some(1.3)),
        ];
        assert_eq!(min_dscr(&rows), Some((1.2, 2029)));
        assert_eq!(min_dscr(&rows[..1]), None);
        assert_eq!(min_dscr(&[]), None);
    }
}
