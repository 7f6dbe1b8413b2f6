//! Numbers, money and dates for people, in a language's conventions.

use super::{Lang, Msg};
use crate::calendar::{Date, YearMonth};

/// The typographic minus sign used for negative numbers.
const MINUS: &str = "\u{2212}";

/// Formats numbers, money and dates in one language's conventions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fmt {
    lang: Lang,
}

const MONTHS: [Msg; 12] = [
    Msg::Jan,
    Msg::Feb,
    Msg::Mar,
    Msg::Apr,
    Msg::May,
    Msg::Jun,
    Msg::Jul,
    Msg::Aug,
    Msg::Sep,
    Msg::Oct,
    Msg::Nov,
    Msg::Dec,
];

impl Fmt {
    /// The formatter of `lang`.
    pub fn new(lang: Lang) -> Self {
        Fmt { lang }
    }

    /// Money with three significant digits and a scale word: `$597 M`, `−$1.24 B`, `$85.0 k`,
    /// `$950`.
    pub fn money(&self, v: f64) -> String {
        let sign = if v < 0.0 { MINUS } else { "" };
        let a = v.abs();
        let (x, suffix) = if a >= 1e9 {
            (a / 1e9, " B")
        } else if a >= 1e6 {
            (a / 1e6, " M")
        } else if a >= 1e3 {
            (a / 1e3, " k")
        } else {
            (a, "")
        };
        format!("{sign}${}{suffix}", three_digits(x))
    }

    /// Whole dollars with thousands grouped: `$447,014`.
    pub fn dollars(&self, v: f64) -> String {
        let sign = if v < 0.0 { MINUS } else { "" };
        format!("{sign}${}", self.grouped(v.abs().round() as u64))
    }

    /// Dollars with `decimals` decimals: `$2.50`.
    pub fn price(&self, v: f64, decimals: usize) -> String {
        let sign = if v < 0.0 { MINUS } else { "" };
        format!("{sign}${:.decimals$}", v.abs())
    }

    /// An integer with its thousands grouped: `1,234,567`.
    pub fn grouped(&self, n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
    }

    /// A yearly rate given as a fraction: `0.048` → `4.8 %/yr`.
    pub fn percent_per_year(&self, fraction: f64) -> String {
        let p = fraction * 100.0;
        let digits = if p.abs() >= 100.0 { 0 } else { 1 };
        format!(
            "{} {}",
            self.fixed(p, digits),
            self.lang.t(Msg::UnitPctPerYear)
        )
    }

    /// A plain number: up to `decimals` decimals, trailing zeros dropped, thousands grouped.
    pub fn number(&self, v: f64, decimals: usize) -> String {
        let text = format!("{:.*}", decimals, v.abs());
        let text = if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            text
        };
        self.separate(v, &text)
    }

    /// A number with exactly `decimals` decimals, thousands grouped: `25.0`.
    pub fn fixed(&self, v: f64, decimals: usize) -> String {
        self.separate(v, &format!("{:.*}", decimals, v.abs()))
    }

    /// Groups the digits of `text` (the decimal form of `|v|`) and signs it like `v`.
    fn separate(&self, v: f64, text: &str) -> String {
        let (int, frac) = text
            .split_once('.')
            .map_or((text, None), |(i, f)| (i, Some(f)));
        let int = int
            .parse::<u64>()
            .map(|n| self.grouped(n))
            .unwrap_or_else(|_| int.to_string());
        let sign = if v < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
            MINUS
        } else {
            ""
        };
        match frac {
            Some(f) => format!("{sign}{int}.{f}"),
            None => format!("{sign}{int}"),
        }
    }

    /// A date for people: `17 Apr 2028`, `17 apr 2028`.
    pub fn date(&self, d: Date) -> String {
        format!("{} {}", d.day, self.month(d.year_month()))
    }

    /// A month for people: `Apr 2028`, `apr 2028`.
    pub fn month(&self, m: YearMonth) -> String {
        format!(
            "{} {}",
            self.lang.t(MONTHS[m.month() as usize - 1]),
            m.year()
        )
    }
}

/// A number ≥ 0 with three significant digits (no more than needed below 1000).
fn three_digits(x: f64) -> String {
    if x >= 99.95 {
        format!("{x:.0}")
    } else if x >= 9.995 {
        format!("{x:.1}")
    } else {
        format!("{x:.2}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: Fmt = Fmt { lang: Lang::En };

    #[test]
    fn money_has_three_significant_digits() {
        assert_eq!(EN.money(-596_769_094.55), "−$597 M");
        assert_eq!(EN.money(1_240_000_000.0), "$1.24 B");
        assert_eq!(EN.money(85_012.0), "$85.0 k");
        assert_eq!(EN.money(950.0), "$950");
        assert_eq!(EN.money(5_970_000.0), "$5.97 M");
        assert_eq!(EN.money(0.0), "$0.00");
        assert_eq!(EN.money(999_999.0), "$1000 k");
    }

    #[test]
    fn dollars_and_rates() {
        assert_eq!(EN.dollars(447_013.835), "$447,014");
        assert_eq!(EN.dollars(-1_000.0), "−$1,000");
        assert_eq!(EN.price(3.0024, 2), "$3.00");
        assert_eq!(EN.grouped(1_234_567), "1,234,567");
        assert_eq!(EN.grouped(999), "999");
        assert_eq!(EN.percent_per_year(0.047998), "4.8 %/yr");
        assert_eq!(EN.percent_per_year(-0.25), "−25.0 %/yr");
        assert_eq!(EN.percent_per_year(1.5), "150 %/yr");
    }

    #[test]
    fn plain_numbers_and_months() {
        assert_eq!(EN.number(1100.0, 1), "1,100");
        assert_eq!(EN.number(2.50, 2), "2.5");
        assert_eq!(EN.number(-12.345, 2), "−12.35");
        assert_eq!(EN.number(-0.001, 2), "0");
        assert_eq!(EN.month(YearMonth::new(2028, 4)), "Apr 2028");
        assert_eq!(Lang::It.fmt().month(YearMonth::new(2028, 4)), "apr 2028");
    }
}
