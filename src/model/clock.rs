//! The Bitcoin clock (ECONOMICS.md §3): block heights in time, the integer subsidy schedule,
//! subsidy mined in an interval of heights, halvings.

use crate::calendar::Date;

/// Height of the anchor block.
pub const ANCHOR_HEIGHT: f64 = 840_000.0;
/// Unix time (s) the anchor block was mined: 2024-04-20T00:09:27Z.
pub const ANCHOR_TIME: i64 = 1_713_571_767;
/// Blocks between halvings.
pub const HALVING_INTERVAL: u64 = 210_000;
/// Subsidy of era 0, satoshis.
const INITIAL_SUBSIDY_SAT: u64 = 5_000_000_000;

/// Block height (a real number) at unix time `t` seconds, with blocks every `block_min` minutes.
pub fn height_at(t: i64, block_min: f64) -> f64 {
    ANCHOR_HEIGHT + (t - ANCHOR_TIME) as f64 / (60.0 * block_min)
}

/// Block subsidy of era `era` in satoshis, as Bitcoin Core's `GetBlockSubsidy` (0 from era 64).
pub fn subsidy_sat(era: u64) -> u64 {
    if era >= 64 {
        0
    } else {
        INITIAL_SUBSIDY_SAT >> era
    }
}

/// Subsidy mined over the heights `[h0, h1)`, in BTC: each era's overlap times its subsidy.
pub fn subsidy_btc(h0: f64, h1: f64) -> f64 {
    let interval = HALVING_INTERVAL as f64;
    let mut era = (h0.max(0.0) / interval).floor() as u64;
    let mut total = 0.0;
    while era < 64 && (era as f64) * interval < h1 {
        let lo = h0.max(era as f64 * interval);
        let hi = h1.min((era + 1) as f64 * interval);
        if hi > lo {
            total += (hi - lo) * subsidy_sat(era) as f64 / 1e8;
        }
        era += 1;
    }
    total
}

/// Number of halving heights `210000·e` with `h0 < 210000·e ≤ h1`.
pub fn halvings_between(h0: f64, h1: f64) -> u32 {
    let interval = HALVING_INTERVAL as f64;
    ((h1 / interval).floor() - (h0 / interval).floor()).max(0.0) as u32
}

/// The first halving height above `h0` and the UTC date it is reached.
pub fn next_halving(h0: f64, block_min: f64) -> (u64, Date) {
    let era = (h0 / HALVING_INTERVAL as f64).floor() as u64 + 1;
    let height = era * HALVING_INTERVAL;
    let seconds = (height as f64 - ANCHOR_HEIGHT) * 60.0 * block_min;
    (
        height,
        Date::from_unix(ANCHOR_TIME + seconds.floor() as i64),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn total_subsidy_is_bitcoin_cores_number() {
        let total: u64 = (0..70).map(|e| HALVING_INTERVAL * subsidy_sat(e)).sum();
        assert_eq!(total, 2_099_999_997_690_000);
        assert_eq!(subsidy_sat(4), 312_500_000);
        assert_eq!(subsidy_sat(32), 1);
        assert_eq!(subsidy_sat(33), 0);
    }

    #[test]
    fn subsidy_over_an_interval_splits_at_the_halving() {
        // 100 blocks of era 4 (3.125 BTC) then 50 of era 5 (1.5625 BTC).
        let btc = subsidy_btc(1_049_900.0, 1_050_050.0);
        assert!((btc - (312.5 + 78.125)).abs() < 1e-9, "{btc}");
        // Half a block at the end of era 4.
        assert!((subsidy_btc(1_049_999.5, 1_050_000.0) - 1.5625).abs() < 1e-12);
        // Summing the real-height formula over every era gives the integer total.
        let all = subsidy_btc(0.0, 64.0 * HALVING_INTERVAL as f64);
        assert!((all - 20_999_999.976_9).abs() < 1e-6, "{all}");
    }

    #[test]
    fn heights_and_halving_dates() {
        assert_eq!(height_at(ANCHOR_TIME, 10.0), 840_000.0);
        assert_eq!(height_at(ANCHOR_TIME + 6000, 10.0), 840_010.0);
        assert_eq!(height_at(ANCHOR_TIME + 6000, 5.0), 840_020.0);
        // 210,000 blocks of 600 s after the anchor: 1713571767 + 126000000 = 1839571767,
        // which is 2028-04-17T04:09:27Z.
        let (h, date) = next_halving(929_000.0, 10.0);
        assert_eq!(h, 1_050_000);
        assert_eq!(date.to_string(), "2028-04-17");
        assert_eq!(next_halving(1_050_000.0, 10.0).0, 1_260_000);
        assert_eq!(halvings_between(929_000.0, 1_050_000.0), 1);
        assert_eq!(halvings_between(1_050_000.0, 1_050_010.0), 0);
        assert_eq!(halvings_between(929_000.0, 1_260_000.0), 2);
    }
}
