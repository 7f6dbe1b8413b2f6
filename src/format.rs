//! Numbers formatted for people: money with a unit prefix, rates, percentages, prices.

/// The typographic minus sign used for negative numbers.
const MINUS: &str = "\u{2212}";

/// Money with three significant digits and a scale word: `$597 M`, `−$1.24 B`, `$85.0 k`, `$950`.
pub fn money(v: f64) -> String {
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

/// Whole dollars with thousands separators: `$447,014`.
pub fn dollars(v: f64) -> String {
    let sign = if v < 0.0 { MINUS } else { "" };
    format!("{sign}${}", grouped(v.abs().round() as u64))
}

/// An integer with `,` between thousands.
pub fn grouped(n: u64) -> String {
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
pub fn percent_per_year(fraction: f64) -> String {
    let p = fraction * 100.0;
    let text = if p.abs() >= 100.0 {
        format!("{p:.0}")
    } else {
        format!("{p:.1}")
    };
    format!("{} %/yr", text.replace('-', MINUS))
}

/// A plain number for a control or tooltip: up to `decimals` decimals, trailing zeros dropped,
/// thousands grouped.
pub fn number(v: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, v.abs());
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let int = int
        .parse::<u64>()
        .map(grouped)
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

/// An `f64` exactly as the CLI's JSON prints it (shortest round-trip, `1.0`, `1e21`).
pub fn json_number(v: f64) -> String {
    zmij::Buffer::new().format_finite(v).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_has_three_significant_digits() {
        assert_eq!(money(-596_769_094.55), "−$597 M");
        assert_eq!(money(1_240_000_000.0), "$1.24 B");
        assert_eq!(money(85_012.0), "$85.0 k");
        assert_eq!(money(950.0), "$950");
        assert_eq!(money(5_970_000.0), "$5.97 M");
        assert_eq!(money(0.0), "$0.00");
        assert_eq!(money(999_999.0), "$1000 k");
    }

    #[test]
    fn dollars_and_rates() {
        assert_eq!(dollars(447_013.835), "$447,014");
        assert_eq!(dollars(-1_000.0), "−$1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(grouped(999), "999");
        assert_eq!(percent_per_year(0.047998), "4.8 %/yr");
        assert_eq!(percent_per_year(-0.25), "−25.0 %/yr");
        assert_eq!(percent_per_year(1.5), "150 %/yr");
    }

    #[test]
    fn plain_numbers() {
        assert_eq!(number(1100.0, 1), "1,100");
        assert_eq!(number(2.50, 2), "2.5");
        assert_eq!(number(-12.345, 2), "−12.35");
        assert_eq!(number(-0.001, 2), "0");
    }

    #[test]
    fn json_numbers_match_serde_json() {
        for v in [
            -596_769_094.550_450_4,
            0.0,
            3.002_400_150_131_566,
            1e21,
            1.5e-7,
            100.0,
        ] {
            assert_eq!(json_number(v), serde_json::to_string(&v).unwrap());
        }
    }
}
