//! Calendar months (`YYYY-MM`), UTC dates and the calendar arithmetic of the time grid. A leaf
//! module: the scenario, the model and the formatting of dates for people all build on it.

use std::fmt;

/// A calendar month, counted as `year · 12 + (month − 1)` so that months add like integers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth(i32);

impl YearMonth {
    /// The month `month` (1–12) of `year`.
    pub fn new(year: i32, month: u32) -> Self {
        YearMonth(year * 12 + month as i32 - 1)
    }

    /// The month with the given index (`year · 12 + month − 1`).
    pub fn from_index(index: i32) -> Self {
        YearMonth(index)
    }

    /// `year · 12 + month − 1`.
    pub fn index(self) -> i32 {
        self.0
    }

    /// The calendar year.
    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// The calendar month, 1–12.
    pub fn month(self) -> u32 {
        self.0.rem_euclid(12) as u32 + 1
    }

    /// The month `n` months later (earlier when `n` is negative).
    pub fn plus(self, n: i32) -> Self {
        YearMonth(self.0 + n)
    }

    /// Months from `self` to `later` (negative when `later` is earlier).
    pub fn months_until(self, later: YearMonth) -> i32 {
        later.0 - self.0
    }

    /// Length of the month in days (28–31), Gregorian calendar.
    pub fn days(self) -> u32 {
        match self.month() {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            _ if is_leap(self.year()) => 29,
            _ => 28,
        }
    }

    /// Unix time (seconds) of the month's first instant, 00:00 UTC on day 1.
    pub fn unix_start(self) -> i64 {
        days_from_civil(self.year(), self.month(), 1) * 86_400
    }

    /// Parses `YYYY-MM` (a one-digit month is accepted). `None` when it is not such a month.
    pub fn parse(text: &str) -> Option<Self> {
        let (y, m) = text.trim().split_once('-')?;
        if y.len() != 4 || m.is_empty() || m.len() > 2 {
            return None;
        }
        if !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let month: u32 = m.parse().ok()?;
        let year: i32 = y.parse().ok()?;
        (1..=12)
            .contains(&month)
            .then(|| YearMonth::new(year, month))
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

impl serde::Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A UTC calendar date, printed `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Calendar year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
}

impl Date {
    /// The UTC date of a unix time in seconds.
    pub fn from_unix(seconds: i64) -> Self {
        let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
        Date { year, month, day }
    }

    /// The month this date falls in.
    pub fn year_month(self) -> YearMonth {
        YearMonth::new(self.year, self.month)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_lengths_follow_the_gregorian_calendar() {
        assert_eq!(YearMonth::new(2026, 1).days(), 31);
        assert_eq!(YearMonth::new(2026, 2).days(), 28);
        assert_eq!(YearMonth::new(2028, 2).days(), 29);
        assert_eq!(YearMonth::new(2100, 2).days(), 28);
        assert_eq!(YearMonth::new(2000, 2).days(), 29);
        assert_eq!(YearMonth::new(2026, 4).days(), 30);
    }

    #[test]
    fn unix_start_matches_known_instants() {
        // 2026-01-01T00:00:00Z = 1767225600 (20454 days after the epoch).
        assert_eq!(YearMonth::new(2026, 1).unix_start(), 1_767_225_600);
        assert_eq!(YearMonth::new(1970, 1).unix_start(), 0);
        assert_eq!(YearMonth::new(2024, 5).unix_start(), 1_714_521_600);
    }

    #[test]
    fn dates_round_trip_through_unix_time() {
        // The 840,000 anchor: 2024-04-20T00:09:27Z.
        assert_eq!(Date::from_unix(1_713_571_767).to_string(), "2024-04-20");
        assert_eq!(Date::from_unix(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_unix(951_782_400).to_string(), "2000-02-29");
    }

    #[test]
    fn parses_and_prints_year_months() {
        assert_eq!(YearMonth::parse("2026-01"), Some(YearMonth::new(2026, 1)));
        assert_eq!(YearMonth::parse("2026-7"), Some(YearMonth::new(2026, 7)));
        assert_eq!(YearMonth::parse("2026-13"), None);
        assert_eq!(YearMonth::parse("26-01"), None);
        assert_eq!(YearMonth::parse("2026-+1"), None);
        assert_eq!(YearMonth::new(2026, 3).to_string(), "2026-03");
        assert_eq!(YearMonth::new(2026, 12).plus(1), YearMonth::new(2027, 1));
        assert_eq!(
            YearMonth::new(2026, 1).months_until(YearMonth::new(2027, 3)),
            14
        );
    }
}
