//! Axis helpers: money scaled to $, $k, $M or $B (in Italian mila $, mln $, mld $), and a time axis labelled by calendar year.

use crate::calendar::YearMonth;
use crate::i18n::Fmt;

/// A money axis: values divided by `divisor` and labelled in `unit`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MoneyAxis {
    /// What values are divided by.
    pub divisor: f64,
    /// The divisor as a power of 1000 (0 for $, 3 for billions).
    scale: usize,
    decimals: usize,
}

impl MoneyAxis {
    /// The axis for values spanning `lo..hi` dollars.
    pub fn for_range(lo: f64, hi: f64) -> Self {
        let big = lo.abs().max(hi.abs());
        let scale = if big >= 2e9 {
            3
        } else if big >= 2e6 {
            2
        } else if big >= 2e3 {
            1
        } else {
            0
        };
        let divisor = 1000f64.powi(scale as i32);
        let span = (hi - lo).abs() / divisor;
        let decimals = if span >= 20.0 {
            0
        } else if span >= 2.0 {
            1
        } else {
            2
        };
        MoneyAxis {
            divisor,
            scale,
            decimals,
        }
    }

    /// Unit of the divided values in `f`'s language: `$M`, `mln $`.
    pub fn unit(&self, f: Fmt) -> &'static str {
        f.money_unit(self.scale)
    }

    /// Tick label of an already divided value.
    pub fn tick(&self, v: f64, f: Fmt) -> String {
        f.number(v, self.decimals)
    }
}

/// A time axis of months from `start`: key points at each January (every other one when the
/// horizon is long or the chart compact, every fourth on a compact chart of a long horizon).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeAxis {
    /// First month.
    pub start: YearMonth,
    /// Months on the axis.
    pub months: usize,
}

impl TimeAxis {
    /// Month offsets where a year label goes.
    pub fn key_points(&self, compact: bool) -> Vec<i32> {
        // A label needs about 40 CSS px: a phone's chart holds six or so, a desktop's twelve.
        let years = self.months / 12;
        let every = match (compact, years) {
            (true, 13..) => 4,
            (true, 7..) | (false, 13..) => 2,
            _ => 1,
        };
        let first = (12 - (self.start.month() as usize - 1)) % 12;
        (first..self.months)
            .step_by(12)
            .filter(|&m| self.start.plus(m as i32).year() % every == 0)
            .map(|m| m as i32)
            .collect()
    }

    /// Label of a month offset: its calendar year.
    pub fn label(&self, x: i32) -> String {
        self.start.plus(x).year().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_axis_picks_a_readable_unit() {
        let (en, it) = (crate::i18n::Lang::En.fmt(), crate::i18n::Lang::It.fmt());
        let a = MoneyAxis::for_range(0.0, 62e6);
        assert_eq!(
            (a.divisor, a.unit(en), a.unit(it)),
            (1e6, "$M", "mln\u{a0}$")
        );
        assert_eq!(a.tick(40.0, en), "40");
        let a = MoneyAxis::for_range(-600e6, 800e6);
        assert_eq!(a.unit(en), "$M");
        let a = MoneyAxis::for_range(0.0, 5e3);
        assert_eq!((a.unit(en), a.tick(2.5, en).as_str()), ("$k", "2.5"));
        assert_eq!(a.tick(2.5, it), "2,5");
        assert_eq!(MoneyAxis::for_range(-3e9, 1e9).unit(it), "mld\u{a0}$");
    }

    #[test]
    fn years_are_marked_at_januaries() {
        let t = TimeAxis {
            start: YearMonth::new(2026, 3),
            months: 36,
        };
        assert_eq!(t.key_points(false), vec![10, 22, 34]);
        assert_eq!(t.label(10), "2027");
        let long = TimeAxis {
            start: YearMonth::new(2026, 1),
            months: 240,
        };
        assert_eq!(long.key_points(false).len(), 10);
        assert_eq!(long.key_points(true), vec![24, 72, 120, 168, 216]);
        assert_eq!(long.label(24), "2028");
    }
}
