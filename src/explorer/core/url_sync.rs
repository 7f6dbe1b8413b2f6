//! Keeping the address bar in step with the state, as a pure state machine with the clock
//! passed in. `history.replaceState` is slow (tens of ms on a slow phone) and rate-limited, so
//! a change is written once input rests for [`SETTLE_MS`] (or [`MAX_WAIT_MS`] into a long drag),
//! never inside the gesture that made it; the canonical query is written at once on load; and a
//! pending write is flushed before any new history entry (a preset picked right after a change
//! never loses that change).

/// How long input must rest before the address bar is rewritten, ms.
pub const SETTLE_MS: f64 = 200.0;
/// The longest a change waits for its write during a drag, ms.
pub const MAX_WAIT_MS: f64 = 1000.0;

/// What the shell does to the address bar.
#[derive(Clone, Debug, PartialEq)]
pub enum UrlOp {
    /// `history.replaceState` with this query.
    Replace(String),
    /// `history.pushState` with this query (a new history entry).
    Push(String),
    /// Call [`UrlSync::timer_fired`] after this many ms (instead of any earlier timer).
    ArmTimer(f64),
}

/// The address bar's state as the explorer knows it.
#[derive(Clone, Debug, PartialEq)]
pub struct UrlSync {
    /// What the address bar shows.
    shown: String,
    /// The latest query not written yet, and when the first unwritten change came, ms.
    pending: Option<(String, f64)>,
}

impl UrlSync {
    /// The address bar shows `query`.
    pub fn new(query: String) -> Self {
        UrlSync {
            shown: query,
            pending: None,
        }
    }

    /// The page is shown with `query`: written at once, so that a first action never races it.
    pub fn start(&mut self, query: String) -> Vec<UrlOp> {
        self.pending = None;
        self.write(query)
    }

    /// The state's query is now `query` (at `now` ms): written once input rests.
    pub fn replace(&mut self, query: String, now: f64) -> Vec<UrlOp> {
        if query == self.shown {
            self.pending = None;
            return Vec::new();
        }
        let since = self.pending.as_ref().map_or(now, |(_, since)| *since);
        self.pending = Some((query, since));
        let wait = SETTLE_MS.min(since + MAX_WAIT_MS - now).max(0.0);
        vec![UrlOp::ArmTimer(wait)]
    }

    /// The armed timer fired: write what is pending.
    pub fn timer_fired(&mut self) -> Vec<UrlOp> {
        match self.pending.take() {
            Some((q, _)) => self.write(q),
            None => Vec::new(),
        }
    }

    /// A gesture that makes a new history entry for `query`: the pending write goes first, to
    /// the entry being left.
    pub fn push(&mut self, query: String) -> Vec<UrlOp> {
        let mut ops = self.timer_fired();
        if query != self.shown || !ops.is_empty() {
            ops.push(UrlOp::Push(query.clone()));
        }
        self.shown = query;
        ops
    }

    /// The browser moved through its history: the address bar shows `query`, and nothing is
    /// pending for the entry left behind.
    pub fn navigated(&mut self, query: String) {
        self.shown = query;
        self.pending = None;
    }

    fn write(&mut self, query: String) -> Vec<UrlOp> {
        if query == self.shown {
            return Vec::new();
        }
        self.shown = query.clone();
        vec![UrlOp::Replace(query)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sync(shown: &str) -> UrlSync {
        UrlSync::new(shown.to_string())
    }

    #[test]
    fn the_canonical_query_is_written_at_once_on_load() {
        let mut s = sync("mw=18");
        assert_eq!(
            s.start("v=3&mw=18".into()),
            [UrlOp::Replace("v=3&mw=18".into())]
        );
        // A canonical address bar needs no write at all.
        let mut s = sync("v=3");
        assert!(s.start("v=3".into()).is_empty());
    }

    #[test]
    fn changes_are_written_once_input_rests_never_in_the_gesture() {
        let mut s = sync("v=3");
        assert_eq!(
            s.replace("v=3&power=46".into(), 0.0),
            [UrlOp::ArmTimer(200.0)]
        );
        // Each change of a drag re-arms the timer…
        assert_eq!(
            s.replace("v=3&power=47".into(), 16.0),
            [UrlOp::ArmTimer(200.0)]
        );
        assert_eq!(
            s.replace("v=3&power=48".into(), 32.0),
            [UrlOp::ArmTimer(200.0)]
        );
        // …and when it fires, the last value is written once.
        assert_eq!(s.timer_fired(), [UrlOp::Replace("v=3&power=48".into())]);
        assert!(s.timer_fired().is_empty());
    }

    #[test]
    fn a_long_drag_is_written_within_the_maximum_wait() {
        let mut s = sync("v=3");
        s.replace("v=3&btc=1".into(), 0.0);
        assert_eq!(
            s.replace("v=3&btc=2".into(), 900.0),
            [UrlOp::ArmTimer(100.0)]
        );
        assert_eq!(
            s.replace("v=3&btc=3".into(), 1200.0),
            [UrlOp::ArmTimer(0.0)]
        );
        assert_eq!(s.timer_fired(), [UrlOp::Replace("v=3&btc=3".into())]);
        // The next change starts a new wait.
        assert_eq!(
            s.replace("v=3&btc=4".into(), 1300.0),
            [UrlOp::ArmTimer(200.0)]
        );
    }

    #[test]
    fn a_change_back_to_what_is_shown_cancels_the_pending_write() {
        let mut s = sync("v=3");
        s.replace("v=3&mw=10".into(), 0.0);
        assert!(s.replace("v=3".into(), 10.0).is_empty());
        assert!(s.timer_fired().is_empty());
    }

    #[test]
    fn a_push_flushes_the_pending_write_first() {
        let mut s = sync("v=3");
        s.replace("v=3&mw=11".into(), 10.0);
        assert_eq!(
            s.push("v=3&phases=4".into()),
            [
                UrlOp::Replace("v=3&mw=11".into()),
                UrlOp::Push("v=3&phases=4".into())
            ]
        );
        // The armed timer then has nothing to write.
        assert!(s.timer_fired().is_empty());
        // A push with nothing pending only pushes.
        let mut s = sync("v=3");
        assert_eq!(
            s.push("v=3&conv=0".into()),
            [UrlOp::Push("v=3&conv=0".into())]
        );
    }

    #[test]
    fn history_navigation_drops_what_was_pending() {
        let mut s = sync("v=3");
        s.replace("v=3&mw=11".into(), 10.0);
        s.navigated("v=3&conv=0".into());
        assert!(s.timer_fired().is_empty());
        assert!(s.replace("v=3&conv=0".into(), 200.0).is_empty());
    }
}
