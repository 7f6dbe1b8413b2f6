//! The dated market snapshots behind the defaults of `btc`, `hr` and `fee` (ECONOMICS.md §12),
//! read from the schema registry: a schema's defaults of those keys are its snapshot's, dated by
//! its entry's [`Schema::market`](super::Schema::market), so a new snapshot is one new entry.
//!
//! A link is on an older snapshot when its three market inputs all equal that snapshot's (a
//! `v=2` link that kept schema 2's defaults migrates to `btc=65000&hr=890&fee=0.02`); the page
//! then offers the current one. A link that changed any of the three holds the reader's own
//! market, which no snapshot replaces.

use super::schema::SCHEMAS;
use super::{Date, Key, Scenario};

/// The market inputs: the keys whose defaults are the snapshot's (`btc`, `hr`, `fee`).
pub fn market_keys() -> impl Iterator<Item = Key> {
    Key::all().filter(|k| k.def().snapshot)
}

/// Every dated market snapshot, oldest first: its day and a scenario holding its market inputs
/// (the defaults of the first schema taken from it). The last is the current one,
/// [`MARKET_SNAPSHOT`](super::MARKET_SNAPSHOT) with the key table's defaults.
pub fn snapshots() -> Vec<(Date, Scenario)> {
    let mut all: Vec<(Date, Scenario)> = (SCHEMAS.iter())
        .filter_map(|s| Some((s.market?, s.defaults())))
        .collect();
    all.dedup_by_key(|(date, _)| *date);
    all
}

/// The day of the older snapshot whose market inputs `s` holds, all three exactly; `None` when
/// they are the current snapshot's, or any of them is the reader's own.
pub fn older_snapshot(s: &Scenario) -> Option<Date> {
    let on = |m: &Scenario| market_keys().all(|k| s.get(k) == m.get(k));
    let all = snapshots();
    let (current, older) = all.split_last()?;
    if on(&current.1) {
        return None;
    }
    older
        .iter()
        .rev()
        .find(|(_, m)| on(m))
        .map(|&(date, _)| date)
}

/// `s` on the current snapshot: its market inputs at their defaults, every other key as it was.
pub fn on_current_market(mut s: Scenario) -> Scenario {
    for key in market_keys() {
        s.set(key, s.default_of(key));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{canonical_query, parse, MARKET_SNAPSHOT};

    fn day(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    /// `s`'s market inputs, in table order.
    fn market(s: &Scenario) -> Vec<f64> {
        market_keys().map(|k| s.get(k)).collect()
    }

    #[test]
    fn the_snapshots_are_dated_in_order_and_the_last_is_the_key_tables() {
        let names: Vec<&str> = market_keys().map(Key::name).collect();
        assert_eq!(names, ["btc", "hr", "fee"]);
        let all = snapshots();
        let dates: Vec<Date> = all.iter().map(|&(d, _)| d).collect();
        // Schema 1's round figures are undated; schema 2's and 3's are ECONOMICS.md §12's.
        assert_eq!(dates, [day(2026, 6, 15), day(2026, 6, 26)]);
        assert!(dates.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(dates.last(), Some(&MARKET_SNAPSHOT));
        assert_eq!(market(&all[0].1), [65_000.0, 890.0, 0.02]);
        assert_eq!(market(&all[1].1), [60_000.0, 958.0, 0.017]);
        assert_eq!(market(&all[1].1), market(&Scenario::default()));
        // Schemas that share a snapshot share its values.
        for s in SCHEMAS {
            if let Some((_, m)) = all.iter().find(|(d, _)| Some(*d) == s.market) {
                assert_eq!(market(&s.defaults()), market(m), "schema {}", s.version);
            }
        }
    }

    #[test]
    fn a_link_is_on_an_older_snapshot_when_all_three_market_inputs_are_its() {
        let june_15 = Some(day(2026, 6, 15));
        assert_eq!(older_snapshot(&parse("v=2").scenario), june_15);
        assert_eq!(older_snapshot(&parse("v=2&mw=18&mc=500").scenario), june_15);
        let explicit = "v=3&btc=65000&hr=890&fee=0.02";
        assert_eq!(older_snapshot(&parse(explicit).scenario), june_15);
        // Today's market, the reader's own (one key changed), or an undated one: none.
        for q in ["v=3", "v=2&btc=70000", "v=3&hr=890&fee=0.02", "v=1"] {
            assert_eq!(older_snapshot(&parse(q).scenario), None, "{q}");
        }
    }

    #[test]
    fn the_current_market_changes_the_market_inputs_only() {
        let old = parse("v=2&mw=18&cstart=2028-03").scenario;
        let new = on_current_market(old);
        assert_eq!(
            canonical_query(&old),
            "v=3&mw=18&btc=65000&hr=890&fee=0.02&cstart=2028-03&cterm=0&mc=0&aivol=0"
        );
        assert_eq!(
            canonical_query(&new),
            "v=3&mw=18&cstart=2028-03&cterm=0&mc=0&aivol=0"
        );
        for k in Key::all() {
            let market = k.def().snapshot;
            assert_eq!(old.get(k) != new.get(k), market, "{}", k.name());
        }
        assert_eq!(older_snapshot(&new), None);
    }
}
