//! Numbers, money and dates for people, in a language's conventions.

use super::article::Article;
use super::locale::{Locale, Place};
use super::{fill, Lang, Msg};
use crate::calendar::{Date, YearMonth};

/// The typographic minus sign used for negative numbers (U+2212, not a hyphen).
pub const MINUS: &str = "\u{2212}";
/// The space between a number and its unit or scale word (`$590\u{a0}M`, `12\u{a0}%/yr`): a
/// no-break space, so that a line never ends between them.
pub const NBSP: char = '\u{a0}';

/// Formats numbers, money and dates in one language's conventions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fmt {
    lang: Lang,
}

impl Fmt {
    /// The formatter of `lang`.
    pub fn new(lang: Lang) -> Self {
        Fmt { lang }
    }

    /// This language's conventions.
    fn locale(&self) -> &'static Locale {
        self.lang.locale()
    }

    /// `text` (a number as Rust writes it, with a `.`) with this language's decimal mark.
    fn decimal_mark(&self, text: &str) -> String {
        text.replace('.', &self.locale().decimal.to_string())
    }

    /// `amount` (digits, already with this language's marks, and any scale word) as dollars,
    /// signed, the sign where this language puts it: `−$590 M`, `−590 mln $`.
    fn dollar_sign(&self, negative: bool, amount: &str) -> String {
        let sign = if negative { MINUS } else { "" };
        match self.locale().dollar {
            Place::Before => format!("{sign}${amount}"),
            Place::After => format!("{sign}{amount}{NBSP}$"),
        }
    }

    /// Money with three significant digits and a scale word: `$597 M`, `−$1.24 B`, `$85.0 k`,
    /// `$950`, `$4.73 T`; in Italian `597 mln $`, `−1,24 mld $`, `85,0 mila $`, `950 $`, and
    /// thousands of billions grouped as the Italian press writes them, `4.727 mld $`. From a
    /// thousand trillion (extreme scenarios) an exponent keeps it short: `−$1.99e17`.
    pub fn money(&self, v: f64) -> String {
        let a = v.abs();
        if a >= 999.5e12 {
            return self.dollar_sign(v < 0.0, &self.decimal_mark(&format!("{a:.2e}")));
        }
        // The scale is chosen after rounding: $999,999 is `$1.00 M`, not `$1000 k`.
        let words = self.locale().money_words;
        let scale = (1..=words.len())
            .rev()
            .find(|&s| a >= 999.5 * 1000f64.powi(s as i32 - 1))
            .unwrap_or(0);
        let x = a / 1000f64.powi(scale as i32);
        // Past the last scale word (thousands of Italian billions) the digits stay, grouped.
        let digits = if x >= 999.5 {
            self.group_digits(&format!("{x:.0}"))
        } else {
            self.decimal_mark(&three_digits(x))
        };
        let amount = match scale {
            0 => digits,
            s => format!("{digits}{NBSP}{}", words[s - 1]),
        };
        self.dollar_sign(v < 0.0, &amount)
    }

    /// The unit of dollars divided by `1000^scale` (scale 0–3), for an axis: `$`, `$k`, `$M`,
    /// `$B`; `$`, `mila $`, `mln $`, `mld $`.
    pub fn money_unit(&self, scale: usize) -> &'static str {
        self.locale().money_units[scale.min(3)]
    }

    /// Whole dollars with thousands grouped: `$447,014`, `447.014 $`.
    pub fn dollars(&self, v: f64) -> String {
        self.dollar_sign(v < 0.0, &self.group_digits(&format!("{:.0}", v.abs())))
    }

    /// Dollars with `decimals` decimals: `$2.50`, `2,50 $`. A price that is not zero but would
    /// be written as one takes the decimals of its first two significant digits, up to 12
    /// (`$0.0045`, where two decimals wrote `$0.00`), so that it never reads as nothing.
    pub fn price(&self, v: f64, decimals: usize) -> String {
        let scale = 10f64.powi(decimals as i32);
        let decimals = if v != 0.0 && (v.abs() * scale).round() == 0.0 {
            ((1.0 - v.abs().log10().floor()) as usize).clamp(decimals, 12)
        } else {
            decimals
        };
        let text = format!("{:.decimals$}", v.abs());
        self.dollar_sign(v < 0.0, &self.separate(1.0, &text))
    }

    /// An integer with its thousands grouped: `1,234,567`, `1.234.567`.
    pub fn grouped(&self, n: u64) -> String {
        self.group_digits(&n.to_string())
    }

    /// A run of decimal digits, grouped by three: `1234567` → `1,234,567`, `1.234.567`.
    fn group_digits(&self, digits: &str) -> String {
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(self.locale().thousands);
            }
            out.push(c);
        }
        out
    }

    /// The slot of `article` and its text before number `value` as [`Fmt::number`] writes it
    /// to `decimals` decimals, read aloud, to fill a template with: Italian `il 40 %`, `l'80 %`
    /// (79.96 written `80`), `lo 0 %`, `nell'8 %`, `all'8 %`; a negative number
    /// is read `meno…`, `il −8 %`. English needs none: empty.
    pub fn article(
        &self,
        value: f64,
        decimals: usize,
        article: Article,
    ) -> (&'static str, &'static str) {
        let text = self.locale().articles.as_ref().map_or("", |articles| {
            // The digits `number` writes, rounded the same way (0.95 is written `0,9`).
            let digits = format!("{:.*}", decimals, value.abs());
            let whole = digits.split('.').next().unwrap_or_default();
            let sound = (articles.number)(whole, written_negative(value, &digits));
            articles.before(article, sound)
        });
        (article.slot(), text)
    }

    /// The slot of `article` and its text before date `d` as [`Fmt::date`] writes it: Italian
    /// `il 1º`, `l'8`, `all'11`, `del 15`. English needs none: empty.
    pub fn date_article(&self, d: Date, article: Article) -> (&'static str, &'static str) {
        let text = self.locale().articles.as_ref().map_or("", |articles| {
            articles.before(article, (articles.day)(d.day))
        });
        (article.slot(), text)
    }

    /// A yearly rate given as a fraction: `0.048` → `4.8 %/yr`.
    pub fn percent_per_year(&self, fraction: f64) -> String {
        let p = fraction * 100.0;
        let digits = if p.abs() >= 100.0 { 0 } else { 1 };
        format!(
            "{}{NBSP}{}",
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

    /// Groups the digits of `text` (the decimal form of `|v|`, with a `.`), puts in this
    /// language's decimal mark and signs it like `v`.
    fn separate(&self, v: f64, text: &str) -> String {
        let (int, frac) = text
            .split_once('.')
            .map_or((text, None), |(i, f)| (i, Some(f)));
        let int = self.group_digits(int);
        let sign = if written_negative(v, text) { MINUS } else { "" };
        match frac {
            Some(f) => format!("{sign}{int}{}{f}", self.locale().decimal),
            None => format!("{sign}{int}"),
        }
    }

    /// A number as typed by a person in this language, written the way a query writes it
    /// (`1.234,5` → `1234.5` in Italian, `1,234.5` → `1234.5` in English; `−` → `-`).
    /// A mark that cannot be a thousands separator is read as the decimal mark, so `47.5` is
    /// 47.5 in Italian too, while `65.000` is 65000; spaces (plain, no-break or narrow) may
    /// group thousands in either language (`65 000`). Anything else is left for the codec to
    /// warn about.
    pub fn read_number(&self, text: &str) -> String {
        let text = text.trim().replace(MINUS, "-");
        let (thousands, decimal) = (self.locale().thousands, self.locale().decimal);
        let (sign, body) = match text.strip_prefix(['-', '+']) {
            Some(rest) => (&text[..1], rest),
            None => ("", text.as_str()),
        };
        let (int, frac) = match body.rsplit_once(decimal) {
            Some((i, f)) if !f.contains(thousands) => (i, Some(f)),
            _ => (body, None),
        };
        // Thousands may be grouped by spaces too (`65 000`, as Italian and SI write them).
        let spaced = int.replace(SPACES, &thousands.to_string());
        let int = if grouped(&spaced, thousands) {
            spaced.replace(thousands, "")
        } else {
            int.to_string()
        };
        match frac {
            Some(f) => format!("{sign}{int}.{f}"),
            None => format!("{sign}{int}"),
        }
    }

    /// `text` without the `unit` (in this language, singular or plural) a person may type or
    /// paste with a number, placed as this language writes it: after the number (`45 $/MWh`,
    /// `65.000 $`, `2 anni`, a percentage's `%` alone), except dollars in English, whose `$`
    /// comes before it and the rest of the unit after (`$45/MWh`, `−$5`, `$65,000`). A unit in
    /// the other language's place, or text that is only a unit, is left for the codec to warn
    /// about: `$65,000` on the Italian page is not sixty-five.
    pub fn without_unit(&self, text: &str, unit: Msg) -> String {
        let plain = |t: &str| t.replace(NBSP, " ");
        let text = plain(text.trim());
        let dollars_first = self.locale().dollar == Place::Before;
        let after = [unit, singular(unit)]
            .map(|u| plain(self.lang.t(u)))
            .into_iter()
            .filter(|u| !(dollars_first && u.starts_with('$')))
            .chain(self.lang.t(unit).starts_with('%').then(|| "%".to_string()));
        let mut number = after
            .filter_map(|u| text.strip_suffix(u.as_str()).map(str::to_string))
            .next();
        if number.is_none() && dollars_first {
            let (sign, body) = match text.strip_prefix(['-', '+', '−']) {
                Some(rest) => (&text[..text.len() - rest.len()], rest),
                None => ("", text.as_str()),
            };
            let per = plain(self.lang.t(unit));
            if let (Some(digits), Some(per)) = (body.strip_prefix('$'), per.strip_prefix('$')) {
                number = Some(format!(
                    "{sign}{}",
                    digits.strip_suffix(per).unwrap_or(digits)
                ));
            }
        }
        match number {
            Some(n) if !n.trim().is_empty() => n.trim().to_string(),
            _ => text,
        }
    }

    /// `number` (this language's text of `v`) with its `unit`, as people write it and as the
    /// cards write prices: dollars before the number in English (`$65,000`, `−$5`, `$45/MWh`;
    /// `65.000 $`, `45 $/MWh` in Italian); a count in the singular for one (`1 tranche`,
    /// `−1 month`); a ratio bare (`1.4`).
    pub fn quantity(&self, number: &str, v: f64, unit: Option<Msg>) -> String {
        let Some(unit) = unit else {
            return number.to_string();
        };
        let unit = if v.abs() == 1.0 { singular(unit) } else { unit };
        let text = self.lang.t(unit);
        match (unit, text.strip_prefix('$')) {
            (Msg::UnitRatio, _) => number.to_string(),
            // `$`, `$/MWh`, `$M/MW IT`: the number in dollars, then the rest of the unit.
            (_, Some(rest)) => {
                let (negative, digits) = match number.strip_prefix(MINUS) {
                    Some(digits) => (true, digits),
                    None => (false, number),
                };
                format!("{}{rest}", self.dollar_sign(negative, digits))
            }
            _ => format!("{number}{NBSP}{text}"),
        }
    }

    /// Every digit of `v` (as a query writes it: the shortest text that reads back as `v`),
    /// grouped and with this language's marks: `1234.5` → `1,234.5`, `1.234,5`. A magnitude
    /// no key's bounds come near (from 10¹⁵, or under 10⁻⁶) is written with an exponent,
    /// `1e308`, `−2,5e-7`, not in three hundred digits.
    pub fn exact(&self, v: f64) -> String {
        let a = v.abs();
        if a != 0.0 && !(1e-6..1e15).contains(&a) {
            let sign = if v < 0.0 { MINUS } else { "" };
            return format!("{sign}{}", self.decimal_mark(&format!("{a:e}")));
        }
        self.separate(v, &crate::scenario::format_number(a))
    }

    /// A number as a person types it in this language: the query's form with this language's
    /// decimal mark and no grouping (`47,5`).
    pub fn typed_number(&self, query_form: &str) -> String {
        self.decimal_mark(query_form)
    }

    /// A date for people: `17 Apr 2028`, `17 apr 2028`; Italian writes the first day `1º`.
    pub fn date(&self, d: Date) -> String {
        let locale = self.locale();
        let day = match d.day {
            1 => locale.day_one.to_string(),
            day => day.to_string(),
        };
        self.with_month(locale.date, d.year_month(), &[("day", &day)])
    }

    /// A month for people: `Apr 2028`, `apr 2028`.
    pub fn month(&self, m: YearMonth) -> String {
        self.with_month(self.locale().month, m, &[])
    }

    /// `template` with its `{month}` (the month's short name) and `{year}` slots filled by `m`,
    /// and any other of its slots by `slots`.
    fn with_month(&self, template: &str, m: YearMonth, slots: &[(&str, &str)]) -> String {
        let month = self.locale().months[m.month() as usize - 1];
        let year = m.year().to_string();
        let slots = [&[("month", month), ("year", year.as_str())], slots].concat();
        fill(template, &slots)
    }
}

/// The singular of a count's `unit` (`year` of `years`); any other unit as it is.
fn singular(unit: Msg) -> Msg {
    match unit {
        Msg::UnitYears => Msg::UnitYear,
        Msg::UnitMonths => Msg::UnitMonth,
        Msg::UnitTranches => Msg::UnitTranche,
        Msg::UnitPaths => Msg::UnitPath,
        Msg::UnitDays => Msg::UnitDay,
        unit => unit,
    }
}

/// The spaces that may group thousands: a space, a no-break space, a narrow no-break space.
const SPACES: [char; 3] = [' ', NBSP, '\u{202f}'];

/// Whether `int` is digits grouped by threes with `thousands` marks (`1.234.567`), at least one.
fn grouped(int: &str, thousands: char) -> bool {
    int.contains(thousands)
        && int.split(thousands).enumerate().all(|(i, g)| {
            g.bytes().all(|b| b.is_ascii_digit())
                && if i == 0 {
                    (1..=3).contains(&g.len()) && !g.starts_with('0')
                } else {
                    g.len() == 3
                }
        })
}

/// Whether `v`, written as `digits` (its absolute value), shows a minus: not when every digit
/// written is zero (−0.04 to a tenth is `0`).
fn written_negative(v: f64, digits: &str) -> bool {
    v < 0.0 && digits.chars().any(|c| c.is_ascii_digit() && c != '0')
}

/// A number ≥ 0 with three significant digits (no more than needed below 1000; zero as `0`).
fn three_digits(x: f64) -> String {
    if x == 0.0 {
        "0".to_string()
    } else if x >= 99.95 {
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
    fn quantities_put_dollars_first_in_english_and_one_in_the_singular() {
        let it = Fmt { lang: Lang::It };
        assert_eq!(EN.quantity("65,000", 65e3, Some(Msg::UnitUsd)), "$65,000");
        assert_eq!(EN.quantity("−5", -5.0, Some(Msg::UnitUsd)), "−$5");
        assert_eq!(
            it.quantity("65.000", 65e3, Some(Msg::UnitUsd)),
            "65.000\u{a0}$"
        );
        // As the cards write prices: `$45.00/MWh`, `45,00 $/MWh`.
        let per_mwh = Some(Msg::UnitUsdPerMwh);
        assert_eq!(EN.quantity("45", 45.0, per_mwh), "$45/MWh");
        assert_eq!(EN.quantity("−2.5", -2.5, per_mwh), "−$2.5/MWh");
        assert_eq!(it.quantity("45", 45.0, per_mwh), "45\u{a0}$/MWh");
        assert_eq!(
            EN.quantity("11", 11.0, Some(Msg::UnitMusdPerMwIt)),
            "$11M/MW IT"
        );
        assert_eq!(EN.quantity("1.4", 1.4, Some(Msg::UnitRatio)), "1.4");
        assert_eq!(
            EN.quantity("1", 1.0, Some(Msg::UnitTranches)),
            "1\u{a0}tranche"
        );
        assert_eq!(
            EN.quantity("2", 2.0, Some(Msg::UnitTranches)),
            "2\u{a0}tranches"
        );
        assert_eq!(it.quantity("1", 1.0, Some(Msg::UnitYears)), "1\u{a0}anno");
        assert_eq!(EN.quantity("0.5", 0.5, None), "0.5");
    }

    #[test]
    fn italian_numbers_take_the_article_they_are_read_with() {
        let it = Fmt { lang: Lang::It };
        let every = |shown| Article::ALL.map(|a| it.article(shown, 1, a).1);
        let cases = [
            (0.0, ["lo ", "nello ", "allo ", "dello "]),
            (0.4, ["lo ", "nello ", "allo ", "dello "]),
            (1.0, ["l'", "nell'", "all'", "dell'"]),
            (8.5, ["l'", "nell'", "all'", "dell'"]),
            (11.0, ["l'", "nell'", "all'", "dell'"]),
            (18.0, ["il ", "nel ", "al ", "del "]),
            (40.0, ["il ", "nel ", "al ", "del "]),
            (-8.0, ["il ", "nel ", "al ", "del "]),
            (80.0, ["l'", "nell'", "all'", "dell'"]),
            (89.9, ["l'", "nell'", "all'", "dell'"]),
            (100.0, ["il ", "nel ", "al ", "del "]),
            (800.0, ["l'", "nell'", "all'", "dell'"]),
            (-0.0, ["lo ", "nello ", "allo ", "dello "]),
            (-0.04, ["lo ", "nello ", "allo ", "dello "]),
        ];
        for (shown, forms) in cases {
            assert_eq!(every(shown), forms, "{shown}");
        }
        assert_eq!(EN.article(80.0, 1, Article::InThe), ("in_the", ""));
        // The article agrees with the number as written: 79.96 written to a tenth is `80`.
        assert_eq!(it.article(79.96, 1, Article::The).1, "l'");
        assert_eq!(it.article(79.96, 2, Article::The).1, "il ");
        // …rounded as `number` rounds it: 0.95 is written `0,9`, 10.95 `10,9`, 11.95 `11,9`.
        for (value, said) in [(0.95, "lo "), (10.95, "il "), (11.95, "l'")] {
            assert_eq!(it.number(value, 1), it.number(value - 0.05, 1));
            assert_eq!(it.article(value, 1, Article::The).1, said, "{value}");
        }
    }

    #[test]
    fn italian_dates_take_the_article_of_their_day() {
        let it = Fmt { lang: Lang::It };
        let day = |day| Date {
            year: 2028,
            month: 4,
            day,
        };
        // The first is written `1º` and read `primo`; `otto` and `undici` begin with a vowel.
        let cases = [
            (1, "al 1º apr 2028"),
            (8, "all'8 apr 2028"),
            (11, "all'11 apr 2028"),
            (17, "al 17 apr 2028"),
            (18, "al 18 apr 2028"),
        ];
        for (d, said) in cases {
            let d = day(d);
            assert_eq!(
                format!("{}{}", it.date_article(d, Article::AtThe).1, it.date(d)),
                said
            );
        }
        assert_eq!(it.date_article(day(8), Article::OfThe), ("of_the", "dell'"));
        assert_eq!(EN.date_article(day(8), Article::AtThe).1, "");
        assert_eq!(EN.date(day(1)), "1 Apr 2028");
    }

    #[test]
    fn an_ai_rate_has_one_symbol_on_its_control_its_card_and_its_axis() {
        for lang in [Lang::En, Lang::It] {
            let f = Fmt { lang };
            for (unit, card, axis) in [
                (
                    Msg::UnitUsdPerGpuHour,
                    Msg::PerGpuHourShort,
                    Msg::AxisGpuRate,
                ),
                (
                    Msg::UnitUsdPerKwMonth,
                    Msg::PerKwMonthShort,
                    Msg::AxisLeaseRate,
                ),
            ] {
                // A control's value and a card's value of $125 read the same.
                let on_card = lang.fill(card, &[("v", &f.price(125.0, 0))]);
                assert_eq!(f.quantity("125", 125.0, Some(unit)), on_card);
                assert!(lang.t(axis).ends_with(lang.t(unit)), "{}", lang.t(axis));
            }
        }
    }

    #[test]
    fn exact_numbers_keep_every_digit_in_the_language_marks() {
        let it = Fmt { lang: Lang::It };
        assert_eq!(EN.exact(1234.5), "1,234.5");
        assert_eq!(it.exact(1234.5), "1.234,5");
        assert_eq!(EN.exact(10_000_000.0), "10,000,000");
        assert_eq!(EN.exact(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(it.exact(-0.5), "−0,5");
        // Magnitudes far beyond every key's bounds keep their digits in an exponent.
        assert_eq!(EN.exact(1e308), "1e308");
        assert_eq!(it.exact(-2.5e-7), "−2,5e-7");
        assert_eq!(EN.exact(123_456_789_012_345.0), "123,456,789,012,345");
        assert_eq!(EN.exact(1.5e15), "1.5e15");
    }

    #[test]
    fn money_has_three_significant_digits() {
        assert_eq!(EN.money(-596_769_094.55), "−$597\u{a0}M");
        assert_eq!(EN.money(1_240_000_000.0), "$1.24\u{a0}B");
        assert_eq!(EN.money(85_012.0), "$85.0\u{a0}k");
        assert_eq!(EN.money(950.0), "$950");
        assert_eq!(EN.money(5_970_000.0), "$5.97\u{a0}M");
        assert_eq!(EN.money(0.0), "$0");
        assert_eq!(EN.money(4.727e12), "$4.73\u{a0}T");
        assert_eq!(EN.money(999.9996e9), "$1.00\u{a0}T");
        assert_eq!(EN.money(999.4e12), "$999\u{a0}T");
        assert_eq!(EN.money(-198_761_419.0e9), "−$1.99e17");
        assert_eq!(EN.money(3e29), "$3.00e29");
        assert_eq!(EN.dollars(3e21), "$3,000,000,000,000,000,000,000");
        let it = Fmt { lang: Lang::It };
        assert_eq!(it.money(2.5e12), "2.500\u{a0}mld\u{a0}$");
        assert_eq!(it.money(999.4e12), "999.400\u{a0}mld\u{a0}$");
        assert_eq!(it.money(-1.99e17), "−1,99e17\u{a0}$");
        assert_eq!(EN.money(999_999.0), "$1.00\u{a0}M");
        assert_eq!(EN.money(999.6), "$1.00\u{a0}k");
        assert_eq!(EN.money(999.4), "$999");
    }

    #[test]
    fn dollars_and_rates() {
        assert_eq!(EN.dollars(447_013.835), "$447,014");
        assert_eq!(EN.dollars(-1_000.0), "−$1,000");
        assert_eq!(EN.price(3.0024, 2), "$3.00");
        // Not zero, never written as zero: two significant digits.
        assert_eq!(EN.price(0.0045288, 2), "$0.0045");
        assert_eq!(EN.price(-0.004, 2), "−$0.0040");
        assert_eq!(IT.price(0.00031521, 2), "0,00032\u{a0}$");
        assert_eq!(EN.price(0.3, 0), "$0.30");
        assert_eq!(EN.price(0.0, 2), "$0.00");
        assert_eq!(EN.price(0.005, 2), "$0.01");
        assert_eq!(EN.grouped(1_234_567), "1,234,567");
        assert_eq!(EN.grouped(999), "999");
        assert_eq!(EN.percent_per_year(0.047998), "4.8\u{a0}%/yr");
        assert_eq!(EN.percent_per_year(-0.25), "−25.0\u{a0}%/yr");
        assert_eq!(EN.percent_per_year(1.5), "150\u{a0}%/yr");
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

    const IT: Fmt = Fmt { lang: Lang::It };

    #[test]
    fn a_unit_typed_or_pasted_with_a_number_is_left_out() {
        let f = |fmt: Fmt, text: &str, unit: Msg| fmt.without_unit(text, unit);
        assert_eq!(f(IT, "45 $/MWh", Msg::UnitUsdPerMwh), "45");
        assert_eq!(f(IT, "65.000\u{a0}$", Msg::UnitUsd), "65.000");
        assert_eq!(f(IT, "12,5%", Msg::UnitPctPerYear), "12,5");
        assert_eq!(f(IT, "12,5 %/anno", Msg::UnitPctPerYear), "12,5");
        assert_eq!(f(EN, "$45/MWh", Msg::UnitUsdPerMwh), "45");
        assert_eq!(f(EN, "$65,000", Msg::UnitUsd), "65,000");
        assert_eq!(f(EN, "−$5", Msg::UnitUsd), "−5");
        assert_eq!(f(EN, "$3.14/GPU-h", Msg::UnitUsdPerGpuHour), "3.14");
        assert_eq!(f(EN, "45 EH/s", Msg::UnitUsdPerMwh), "45 EH/s");
        assert_eq!(f(EN, "5%", Msg::UnitEhs), "5%");
        assert_eq!(f(EN, "1 year", Msg::UnitYears), "1");
        assert_eq!(f(IT, "2 anni", Msg::UnitYears), "2");
        // Dollars where the other language puts them are no number here.
        assert_eq!(f(IT, "$65,000", Msg::UnitUsd), "$65,000");
        assert_eq!(f(EN, "65.000 $", Msg::UnitUsd), "65.000 $");
        assert_eq!(f(EN, "45 $/MWh", Msg::UnitUsdPerMwh), "45 $/MWh");
        // Nor is a unit alone.
        assert_eq!(f(EN, "$", Msg::UnitUsd), "$");
        assert_eq!(f(IT, "%", Msg::UnitPctPerYear), "%");
    }

    #[test]
    fn typed_numbers_are_read_in_the_pages_language() {
        assert_eq!(IT.read_number("47,5"), "47.5");
        assert_eq!(IT.read_number(" 1.234,5 "), "1234.5");
        assert_eq!(IT.read_number("65.000"), "65000");
        assert_eq!(
            IT.read_number("47.5"),
            "47.5",
            "a lone point is a decimal point"
        );
        assert_eq!(
            IT.read_number("0.500"),
            "0.500",
            "no thousands start with 0"
        );
        assert_eq!(IT.read_number("−0,25"), "-0.25");
        assert_eq!(
            IT.read_number("1.5.0"),
            "1.5.0",
            "left for the codec to warn about"
        );
        assert_eq!(IT.read_number("abc"), "abc");
        assert_eq!(EN.read_number("65,000"), "65000");
        assert_eq!(EN.read_number("1,234.5"), "1234.5");
        assert_eq!(EN.read_number("47.5"), "47.5");
        assert_eq!(
            EN.read_number("47,5"),
            "47,5",
            "not English: the codec warns"
        );
        assert_eq!(EN.read_number("+3"), "+3");
        // Spaces group thousands in either language, by threes only (else the codec warns).
        for (fmt, typed, read) in [
            (IT, "65 000", "65000"),
            (IT, "1\u{a0}234,5", "1234.5"),
            (EN, "1\u{202f}234\u{202f}567.5", "1234567.5"),
            (IT, "12 5", "12 5"),
            (EN, "1 23", "1 23"),
        ] {
            assert_eq!(fmt.read_number(typed), read, "{typed}");
        }
        assert_eq!(IT.typed_number("47.5"), "47,5");
        assert_eq!(EN.typed_number("47.5"), "47.5");
    }

    #[test]
    fn italian_numbers_money_and_dates() {
        assert_eq!(IT.number(1234.5, 1), "1.234,5");
        assert_eq!(IT.fixed(-0.25, 2), "−0,25");
        assert_eq!(IT.grouped(1_234_567), "1.234.567");
        assert_eq!(IT.money(-590_040_000.0), "−590\u{a0}mln\u{a0}$");
        assert_eq!(IT.money(1_240_000_000.0), "1,24\u{a0}mld\u{a0}$");
        assert_eq!(IT.money(85_012.0), "85,0\u{a0}mila\u{a0}$");
        assert_eq!(IT.money(950.0), "950\u{a0}$");
        assert_eq!(IT.money(0.0), "0\u{a0}$");
        assert_eq!(IT.dollars(447_013.835), "447.014\u{a0}$");
        assert_eq!(IT.price(3.137, 2), "3,14\u{a0}$");
        assert_eq!(IT.price(-1234.5, 2), "−1.234,50\u{a0}$");
        assert_eq!(IT.percent_per_year(0.0648), "6,5\u{a0}%/anno");
        assert_eq!(
            IT.date(Date {
                year: 2028,
                month: 4,
                day: 17
            }),
            "17 apr 2028"
        );
    }
}
