//! Keeping the address bar in step with the state, as a pure state machine with the clock
//! passed in: the first change after a quiet spell is written at once (so the canonical URL is
//! there right after load), later ones at most once per [`GAP_MS`] while a slider is dragged
//! (browsers limit `history.replaceState`), and a pending write is flushed before any new
//! history entry (so a preset picked right after a change never loses that change).

/// Shortest time between two rewrites of the address bar, ms.
pub const GAP_MS: f64 = 100.0;

/// What the shell does to the address bar.
#[derive(Clone, Debug, PartialEq)]
pub enum UrlOp {
    /// `history.replaceState` with this query.
    Replace(String),
    /// `history.pushState` with this query (a new history entry).
    Push(String),
    /// Call [`UrlSync::timer_fired`] after this many ms.
    ArmTimer(f64),
}

/// The address bar's state as the explorer knows it.
#[derive(Clone, Debug, PartialEq)]
pub struct UrlSync {
    /// What the address bar shows.
    shown: String,
    /// The latest query not written yet.
    pending: Option<String>,
    /// When the last write happened, ms.
    last_write: Option<f64>,
    /// Whether a timer is armed.
    timer: bool,
}

impl UrlSync {
    /// The address bar shows `query` and nothing was written yet.
    pub fn new(query: String) -> Self {
        UrlSync {
            shown: query,
            pending: None,
            last_write: None,
            timer: false,
        }
    }

    /// The state's query is now `query` (at `now` ms): write it, or arm the timer.
    pub fn replace(&mut self, query: String, now: f64) -> Vec<UrlOp> {
        if self.timer {
            self.pending = Some(query);
            return Vec::new();
        }
        if query == self.shown {
            self.pending = None;
            return Vec::new();
        }
        match self.last_write {
            Some(t) if now - t < GAP_MS => {
                self.pending = Some(query);
                self.timer = true;
                vec![UrlOp::ArmTimer(GAP_MS - (now - t))]
            }
            _ => self.write(query, now),
        }
    }

    /// The armed timer fired (at `now` ms): write what is pending.
    pub fn timer_fired(&mut self, now: f64) -> Vec<UrlOp> {
        self.timer = false;
        match self.pending.take() {
            Some(q) if q != self.shown => self.write(q, now),
            _ => Vec::new(),
        }
    }

    /// A gesture that makes a new history entry for `query`: the pending write goes first, to
    /// the entry being left.
    pub fn push(&mut self, query: String, now: f64) -> Vec<UrlOp> {
        let mut ops = match self.pending.take() {
            Some(q) if q != self.shown => vec![UrlOp::Replace(q)],
            _ => Vec::new(),
        };
        if query != self.shown || !ops.is_empty() {
            ops.push(UrlOp::Push(query.clone()));
        }
        self.shown = query;
        self.last_write = Some(now);
        ops
    }

    /// The browser moved through its history: the address bar shows `query`, and nothing is
    /// pending for the entry left behind.
    pub fn navigated(&mut self, query: String) {
        self.shown = query;
        self.pending = None;
    }

    fn write(&mut self, query: String, now: f64) -> Vec<UrlOp> {
        self.shown = query.clone();
        self.last_write = Some(now);
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
    fn the_first_write_after_load_is_immediate() {
        let mut s = sync("mw=18");
        assert_eq!(
            s.replace("v=1&mw=18".into(), 5.0),
            [UrlOp::Replace("v=1&mw=18".into())]
        );
        // A canonical address bar needs no write at all.
        let mut s = sync("v=1");
        assert!(s.replace("v=1".into(), 5.0).is_empty());
    }

    #[test]
    fn a_drag_writes_at_most_once_per_gap_and_ends_on_the_last_value() {
        let mut s = sync("v=1");
        assert_eq!(
            s.replace("v=1&power=46".into(), 0.0),
            [UrlOp::Replace("v=1&power=46".into())]
        );
        assert_eq!(
            s.replace("v=1&power=47".into(), 16.0),
            [UrlOp::ArmTimer(84.0)]
        );
        assert!(s.replace("v=1&power=48".into(), 32.0).is_empty());
        assert_eq!(
            s.timer_fired(100.0),
            [UrlOp::Replace("v=1&power=48".into())]
        );
        assert!(s.timer_fired(200.0).is_empty());
        // Quiet again: the next change is written at once.
        assert_eq!(
            s.replace("v=1&power=49".into(), 300.0),
            [UrlOp::Replace("v=1&power=49".into())]
        );
    }

    #[test]
    fn a_change_back_to_what_is_shown_cancels_the_pending_write() {
        let mut s = sync("v=1");
        s.replace("v=1&mw=10".into(), 0.0);
        s.replace("v=1&mw=11".into(), 10.0);
        s.replace("v=1&mw=10".into(), 20.0);
        assert!(s.timer_fired(100.0).is_empty());
    }

    #[test]
    fn a_push_flushes_the_pending_write_first() {
        let mut s = sync("v=1");
        s.replace("v=1&mw=10".into(), 0.0);
        s.replace("v=1&mw=11".into(), 10.0);
        assert_eq!(
            s.push("v=1&phases=4".into(), 20.0),
            [
                UrlOp::Replace("v=1&mw=11".into()),
                UrlOp::Push("v=1&phases=4".into())
            ]
        );
        // The armed timer then has nothing to write.
        assert!(s.timer_fired(100.0).is_empty());
        // A push right after load, with nothing pending, only pushes.
        let mut s = sync("v=1");
        assert_eq!(
            s.push("v=1&conv=0".into(), 1.0),
            [UrlOp::Push("v=1&conv=0".into())]
        );
    }

    #[test]
    fn history_navigation_drops_what_was_pending() {
        let mut s = sync("v=1");
        s.replace("v=1&mw=10".into(), 0.0);
        s.replace("v=1&mw=11".into(), 10.0);
        s.navigated("v=1&conv=0".into());
        assert!(s.timer_fired(100.0).is_empty());
        assert!(s.replace("v=1&conv=0".into(), 200.0).is_empty());
    }
}
