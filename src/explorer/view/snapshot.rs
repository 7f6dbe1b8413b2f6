//! The market snapshot beside the market inputs (`[data-role="snapshot"]`): the date of the
//! market the defaults of `btc`, `hr` and `fee` were taken from (ECONOMICS.md §1, §12), or of
//! the older snapshot the link's market inputs are, and how old it is today, with a gentle
//! warning once its numbers have likely moved. A link on an older snapshot is offered the
//! current one (`data-action="market-refresh"`).

use crate::calendar::Date;
use crate::i18n::{Article, Lang, Msg};
use crate::scenario::{older_snapshot, Scenario, MARKET_SNAPSHOT};

/// Days after which the snapshot's numbers have likely moved: its age then reads as a warning.
pub const STALE_DAYS: i64 = 90;

/// The snapshot line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// The snapshot's date, `YYYY-MM-DD` (`data-date`).
    pub date: String,
    /// What the line says (`Market of 26 Jun 2026 · 164 days old`).
    pub text: String,
    /// Whether it is older than [`STALE_DAYS`]: the line reads as a warning.
    pub stale: bool,
    /// The label of the button that takes the current snapshot, when the link's market inputs
    /// are an older one's (`Update to the market of 26 Jun 2026`).
    pub refresh: Option<String>,
}

/// Days since 1970-01-01 of `d`.
fn day_number(d: Date) -> i64 {
    d.year_month().unix_start().div_euclid(86_400) + i64::from(d.day) - 1
}

/// Days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    day_number(to) - day_number(from)
}

/// The snapshot line of `s` in `lang`, its age counted to `today` when the page knows it (and it
/// is not before the snapshot, as a wrong clock would have it).
pub fn snapshot(lang: Lang, s: &Scenario, today: Option<Date>) -> Snapshot {
    let f = lang.fmt();
    let older = older_snapshot(s);
    let date = older.unwrap_or(MARKET_SNAPSHOT);
    let market = lang.fill(
        Msg::SnapshotMarket,
        &[
            f.date_article(date, Article::OfThe),
            ("date", &f.date(date)),
        ],
    );
    let age = today.map(|t| days_between(date, t)).filter(|&d| d >= 0);
    let stale = age.is_some_and(|d| d > STALE_DAYS);
    let text = match age {
        None => market,
        Some(0) => lang.fill(Msg::SnapshotToday, &[("market", &market)]),
        Some(d) => {
            let n = d as f64;
            let days = f.quantity(&f.number(n, 0), n, Some(Msg::UnitDays));
            let msg = if stale {
                Msg::SnapshotStale
            } else {
                Msg::SnapshotAge
            };
            lang.fill(msg, &[("market", &market), ("days", &days)])
        }
    };
    Snapshot {
        date: date.to_string(),
        text,
        stale,
        refresh: older.map(|_| super::page::snapshot_dated(Msg::MarketRefresh, lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::parse;

    fn on(year: i32, month: u32, day: u32) -> Option<Date> {
        Some(Date { year, month, day })
    }

    #[test]
    fn days_are_counted_across_months_and_years() {
        // 26 Jun → 7 Dec 2026: 4 (rest of June) + 31 + 31 + 30 + 31 + 30 (Jul–Nov) + 7 = 164.
        assert_eq!(days_between(MARKET_SNAPSHOT, on(2026, 12, 7).unwrap()), 164);
        // 2028 is a leap year: 1 Feb → 1 Mar is 29 days; a whole year from 26 Jun 2026, 365.
        assert_eq!(
            days_between(on(2028, 2, 1).unwrap(), on(2028, 3, 1).unwrap()),
            29
        );
        assert_eq!(days_between(MARKET_SNAPSHOT, on(2027, 6, 26).unwrap()), 365);
        assert_eq!(days_between(MARKET_SNAPSHOT, on(2026, 6, 25).unwrap()), -1);
    }

    #[test]
    fn the_line_says_the_date_and_its_age_in_the_pages_language() {
        let s = snapshot(Lang::En, &Scenario::default(), on(2026, 12, 7));
        assert_eq!(s.date, "2026-06-26");
        assert!(s.stale, "164 days is past 90");
        assert_eq!(
            s.text,
            "Market of 26 Jun 2026 · 164\u{a0}days old: the BTC price, hashrate and fees have likely moved since."
        );
        assert_eq!(
            snapshot(Lang::It, &Scenario::default(), on(2026, 12, 7)).text,
            "Mercato del 26 giu 2026 · 164\u{a0}giorni fa: prezzo del BTC, hashrate e commissioni saranno cambiati da allora."
        );
        // 90 days (26 Jun + 4 + 31 + 31 + 24 = 24 Sep) is not yet stale; 91 is.
        let s = snapshot(Lang::En, &Scenario::default(), on(2026, 9, 24));
        assert_eq!(
            (s.text.as_str(), s.stale),
            ("Market of 26 Jun 2026 · 90\u{a0}days old", false)
        );
        assert!(snapshot(Lang::En, &Scenario::default(), on(2026, 9, 25)).stale);
        assert_eq!(
            snapshot(Lang::It, &Scenario::default(), on(2026, 6, 27)).text,
            "Mercato del 26 giu 2026 · 1\u{a0}giorno fa"
        );
        assert_eq!(
            snapshot(Lang::En, &Scenario::default(), on(2026, 6, 26)).text,
            "Market of 26 Jun 2026 · today"
        );
        // No clock, or one before the snapshot: the date alone.
        for today in [None, on(2026, 1, 1)] {
            let s = snapshot(Lang::En, &Scenario::default(), today);
            assert_eq!((s.text.as_str(), s.stale), ("Market of 26 Jun 2026", false));
            assert_eq!(s.refresh, None);
        }
    }

    #[test]
    fn a_link_on_an_older_snapshot_says_its_date_and_is_offered_the_current_one() {
        let old = parse("v=2&mw=18").scenario;
        // 15 Jun → 7 Dec 2026: 15 (rest of June) + 31 + 31 + 30 + 31 + 30 + 7 = 175.
        let s = snapshot(Lang::En, &old, on(2026, 12, 7));
        assert_eq!(s.date, "2026-06-15");
        assert!(s
            .text
            .starts_with("Market of 15 Jun 2026 · 175\u{a0}days old:"));
        assert_eq!(
            s.refresh.as_deref(),
            Some("Update to the market of 26 Jun 2026")
        );
        let it = snapshot(Lang::It, &old, None);
        assert_eq!(it.text, "Mercato del 15 giu 2026");
        assert_eq!(
            it.refresh.as_deref(),
            Some("Aggiorna al mercato del 26 giu 2026")
        );
        // The reader's own market is not a snapshot.
        let own = parse("v=2&btc=70000").scenario;
        assert_eq!(snapshot(Lang::En, &own, None).refresh, None);
    }
}
