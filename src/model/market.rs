//! The time grid and deterministic market paths (ECONOMICS.md §2–§4): per month its days, block
//! heights, rewards, BTC price, network hashrate, hashprice and power prices.

use super::{clock, finance};
use crate::calendar::YearMonth;
use crate::scenario::{Key, Scenario};

/// One month of the market, shared by the plan and the baseline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarketMonth {
    /// Calendar month.
    pub month: YearMonth,
    /// Days in the month.
    pub days: u32,
    /// Hours in the month, `24 · days`.
    pub hours: f64,
    /// Block height at the month's first instant.
    pub h_start: f64,
    /// Block height at the next month's first instant.
    pub h_end: f64,
    /// Blocks mined in the month, `days · 1440 / blockmin`.
    pub blocks: f64,
    /// Subsidy mined in the month, BTC.
    pub subsidy: f64,
    /// Subsidy plus fees paid to all miners in the month, BTC.
    pub reward: f64,
    /// Halvings since the start, `k(m)`.
    pub halvings: u32,
    /// BTC price, $.
    pub price: f64,
    /// Network hashrate, EH/s.
    pub network_ehs: f64,
    /// Hashprice, $/PH/day.
    pub hashprice: f64,
    /// Power price paid by mining, $/MWh: `pw(m) = power · g(m)`.
    pub mining_power_price: f64,
    /// Power price paid by the AI hall, $/MWh: `pa(m) = (power + firm) · g(m)`.
    pub ai_power_price: f64,
}

/// The market path of every month of the horizon.
pub fn market(s: &Scenario) -> Vec<MarketMonth> {
    let mut months = clock_months(s);
    price(s, &mut months);
    months
}

/// The keys [`clock_months`] reads: what [`price`] may reprice a path of months under.
pub const CLOCK: [Key; 4] = [Key::Start, Key::Years, Key::Blockmin, Key::Fee];

/// Every month of the horizon with its calendar, blocks and rewards (which read only the
/// [`CLOCK`] keys); its prices are left at zero for [`price`].
fn clock_months(s: &Scenario) -> Vec<MarketMonth> {
    let n = s.horizon_months();
    let start = s.month(Key::Start);
    let block_min = s.get(Key::Blockmin);
    let fee = s.get(Key::Fee);
    let h0 = clock::height_at(start.unix_start(), block_min);
    let mut months = Vec::with_capacity(n);
    let mut h_start = h0;
    for m in 0..n {
        let month = start.plus(m as i32);
        let days = month.days();
        let h_end = clock::height_at(month.plus(1).unix_start(), block_min);
        let blocks = f64::from(days) * 1440.0 / block_min;
        let subsidy = clock::subsidy_btc(h_start, h_end);
        months.push(MarketMonth {
            month,
            days,
            hours: 24.0 * f64::from(days),
            h_start,
            h_end,
            blocks,
            subsidy,
            reward: subsidy + blocks * fee,
            halvings: clock::halvings_between(h0, h_end),
            price: 0.0,
            network_ehs: 0.0,
            hashprice: 0.0,
            mining_power_price: 0.0,
            ai_power_price: 0.0,
        });
        h_start = h_end;
    }
    months
}

/// Sets the BTC price, network hashrate, hashprice and power prices of `months` (a path of
/// [`clock_months`] under the same [`CLOCK`] keys as `s`) from the rest of `s`'s market keys.
pub fn price(s: &Scenario, months: &mut [MarketMonth]) {
    let n = months.len();
    let btc = s.get(Key::Btc);
    let price_growth = 1.0 + s.get(Key::Btcg) / 100.0;
    let hr = s.get(Key::Hr);
    let hr_growth = 1.0 + s.get(Key::Hrg) / 100.0;
    let keep_at_halving = 1.0 - s.get(Key::Hdrop) / 100.0;
    let power = s.get(Key::Power);
    let ai_power = power + s.get(Key::Firm);
    let power_growth = 1.0 + s.get(Key::Powg) / 100.0;
    let (price_path, hr_path, power_path) = (
        finance::monthly_powers(price_growth, 0, n),
        finance::monthly_powers(hr_growth, 0, n),
        finance::monthly_powers(power_growth, 0, n),
    );
    // `(1 − hdrop)^k`, recomputed only when a halving passes.
    let mut drop = (0u32, 1.0f64);
    for (m, mk) in months.iter_mut().enumerate() {
        if drop.0 != mk.halvings {
            drop = (
                mk.halvings,
                libm::pow(keep_at_halving, f64::from(mk.halvings)),
            );
        }
        mk.price = btc * price_path[m];
        mk.network_ehs = hr * hr_path[m] * drop.1;
        mk.hashprice = mk.price * mk.reward / f64::from(mk.days) / (mk.network_ehs * 1000.0);
        let g = power_path[m];
        mk.mining_power_price = power * g;
        mk.ai_power_price = ai_power * g;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::parse;

    #[test]
    fn january_2026_by_hand() {
        let s = parse("start=2026-01&btc=90000&hr=1100&fee=0.025").scenario;
        let m = market(&s);
        assert_eq!(m.len(), 120);
        let jan = m[0];
        // 2026-01-01T00:00Z is 53,653,833 s after the anchor: 89,423.055 blocks of 600 s.
        assert!((jan.h_start - (840_000.0 + 53_653_833.0 / 600.0)).abs() < 1e-6);
        // 31 days × 144 blocks, all in era 4 (3.125 BTC), plus 0.025 BTC fees per block.
        assert_eq!(jan.blocks, 4464.0);
        assert!((jan.subsidy - 4464.0 * 3.125).abs() < 1e-6);
        assert!((jan.reward - 4464.0 * 3.15).abs() < 1e-6);
        assert_eq!(jan.price, 90_000.0);
        assert_eq!(jan.network_ehs, 1100.0);
        // 90000 × 14061.6 / 31 / 1,100,000 = 37.1134… $/PH/day.
        assert!((jan.hashprice - 90_000.0 * 14_061.6 / 31.0 / 1_100_000.0).abs() < 1e-9);
    }

    #[test]
    fn growth_compounds_monthly_and_halving_drops_hashrate() {
        let s = parse("start=2026-01&btc=90000&hr=1100&btcg=44&hrg=21").scenario;
        let m = market(&s);
        // After 6 months: 1.44^(1/2) = 1.2, 1.21^(1/2) = 1.1.
        assert!((m[6].price - 108_000.0).abs() < 1e-6);
        assert!((m[6].network_ehs - 1210.0).abs() < 1e-9);
        // April 2028 holds the halving: k jumps to 1 and hashrate loses 10 %.
        let april = m.iter().position(|x| x.halvings == 1).unwrap();
        assert_eq!(m[april].month, YearMonth::new(2028, 4));
        let expected = 1100.0 * 1.21f64.powf(april as f64 / 12.0) * 0.9;
        assert!((m[april].network_ehs - expected).abs() < 1e-6);
        // That month's subsidy mixes 3.125 and 1.5625 BTC blocks.
        let per_block = m[april].subsidy / m[april].blocks;
        assert!(per_block > 1.5625 && per_block < 3.125, "{per_block}");
    }

    #[test]
    fn power_prices_escalate_yearly_and_the_ai_hall_pays_the_firm_premium() {
        let m = market(&parse("power=40&powg=10&firm=12").scenario);
        assert_eq!((m[0].mining_power_price, m[0].ai_power_price), (40.0, 52.0));
        // Month 12: one year of 10 %; month 6: (1.1)^(1/2).
        assert!((m[12].mining_power_price - 44.0).abs() < 1e-12);
        assert!((m[12].ai_power_price - 57.2).abs() < 1e-12);
        assert!((m[6].mining_power_price - 40.0 * 1.1f64.sqrt()).abs() < 1e-12);
        // No escalation: exactly the price, every month (schema-1 links rely on it).
        let flat = market(&parse("powg=0").scenario);
        assert!(flat.iter().all(|x| x.mining_power_price == 45.0));
    }

    #[test]
    fn hashprice_matches_luxor_january_2026_within_two_percent() {
        // Luxor, 12 Jan 2026: $39.53/PH/day at BTC $91,132, 7-day hashrate 1,024 EH/s, fees
        // 0.55 % of rewards: fee / (3.125 + fee) = 0.0055, so fee = 0.0055 · 3.125 / 0.9945.
        let fee = 0.0055 * 3.125 / 0.9945;
        let p = parse(&format!("start=2026-01&btc=91132&hr=1024&fee={fee}"));
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
        let hp = market(&p.scenario)[0].hashprice;
        // By hand: 91132 · 144 · (3.125 + 0.017282) / 1,024,000 = 40.27.
        assert!((hp - 40.27).abs() < 0.01, "hashprice {hp}");
        assert!((hp / 39.53 - 1.0).abs() < 0.02, "hashprice {hp}");
    }

    #[test]
    fn hashprice_matches_luxor_august_2025_within_two_percent() {
        // Luxor: Aug 2025 average hashprice $56.44/PH/day at BTC $114,925, difficulty 129.70T,
        // fees ~0.025 BTC/block. Network EH/s = difficulty · 2^32 / 600 / 1e18.
        let ehs = 129.70e12 * 4_294_967_296.0 / 600.0 / 1e18;
        let q = format!("start=2025-08&btc=114925&hr={ehs}&fee=0.025");
        let p = parse(&q);
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
        let hp = market(&p.scenario)[0].hashprice;
        assert!((hp / 56.44 - 1.0).abs() < 0.02, "hashprice {hp}");
    }
}
