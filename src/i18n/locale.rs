//! Each language's conventions as one value: its codes, its message table, how it writes
//! numbers, money and dates, and the articles its templates leave to slots. [`Fmt`] reads
//! them; no code asks which language it is writing.
//!
//! [`Fmt`]: super::Fmt

use super::article::{Articles, Sound};
use super::{en, it, Msg};

/// Where a language writes the dollar sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Place {
    /// Before the number, touching it, after any minus: `$590`, `−$1.24 B`, `$45/MWh`.
    Before,
    /// After the number and its scale word, past a no-break space: `590 $`, `−1,24 mld $`,
    /// `45 $/MWh` (as the Italian financial press writes it).
    After,
}

/// A language's conventions. One value per language ([`EN`], [`IT`]); `Lang::locale` finds it.
pub(super) struct Locale {
    /// The URL code of the `lang` view key: `en` (`lang=en`), `it`.
    pub code: &'static str,
    /// The BCP 47 tag for `<html lang>`: `en`, `it`.
    pub html_lang: &'static str,
    /// The language's message table: the text of every [`Msg`], `{name}` slots unfilled.
    pub text: fn(Msg) -> &'static str,
    /// The mark between groups of three digits of a whole part: `,` in `1,234,567`; `.` in
    /// `1.234.567`.
    pub thousands: char,
    /// The mark before the decimals: `.` in `1,234.5`; `,` in `1.234,5`. Typed numbers are read
    /// with it (a lone `.` on the Italian page is still a decimal point).
    pub decimal: char,
    /// Where the dollar sign goes, in every amount and before the rest of a price's unit.
    pub dollar: Place,
    /// The words of money rounded to three significant digits, for dollars divided by 10³,
    /// 10⁶, 10⁹… in turn, written after the number past a no-break space: `k`, `M`, `B`, `T`
    /// (`$85.0 k`, `$597 M`, `$1.24 B`, `$4.73 T`); `mila`, `mln`, `mld` (`85,0 mila $`). An
    /// amount past the last word keeps its digits, grouped: `4.727 mld $`. At most four words
    /// are reached: from 999.5 × 10¹² dollars an amount is written with an exponent.
    pub money_words: &'static [&'static str],
    /// The unit of an axis of dollars divided by 1, 10³, 10⁶ and 10⁹: `$`, `$k`, `$M`, `$B`;
    /// `$`, `mila $`, `mln $`, `mld $` (a no-break space inside).
    pub money_units: [&'static str; 4],
    /// The short names of the months, January first: `Jan`…`Dec`; `gen`…`dic`.
    pub months: [&'static str; 12],
    /// How the first day of a month is written: `1`; `1º` in Italian (read `primo`). Every
    /// other day is its number.
    pub day_one: &'static str,
    /// A date, with slots `{day}`, `{month}` (a short name of [`Locale::months`]) and `{year}`:
    /// `{day} {month} {year}` writes `17 Apr 2028`.
    pub date: &'static str,
    /// A month of a year, with slots `{month}` and `{year}`: `{month} {year}` writes `Apr 2028`.
    pub month: &'static str,
    /// The articles that templates of this language leave to slots (`{at_the}{date}`), agreeing
    /// with the number or date after them; `None` when its templates need none (English: the
    /// slots are filled with nothing).
    pub articles: Option<Articles>,
}

/// English.
pub(super) static EN: Locale = Locale {
    code: "en",
    html_lang: "en",
    text: en::text,
    thousands: ',',
    decimal: '.',
    dollar: Place::Before,
    money_words: &["k", "M", "B", "T"],
    money_units: ["$", "$k", "$M", "$B"],
    months: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    day_one: "1",
    date: "{day} {month} {year}",
    month: "{month} {year}",
    articles: None,
};

/// Italian.
pub(super) static IT: Locale = Locale {
    code: "it",
    html_lang: "it",
    text: it::text,
    thousands: '.',
    decimal: ',',
    dollar: Place::After,
    money_words: &["mila", "mln", "mld"],
    money_units: ["$", "mila\u{a0}$", "mln\u{a0}$", "mld\u{a0}$"],
    months: [
        "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
    ],
    day_one: "1º",
    date: "{day} {month} {year}",
    month: "{month} {year}",
    articles: Some(Articles {
        forms: [
            ["il ", "l'", "lo "],
            ["nel ", "nell'", "nello "],
            ["al ", "all'", "allo "],
            ["del ", "dell'", "dello "],
        ],
        number: Sound::of_italian_number,
        day: Sound::of_italian_day,
    }),
};

#[cfg(test)]
mod tests {
    use super::super::{slot_names, Lang};
    use std::collections::BTreeSet;

    #[test]
    fn every_locale_is_well_formed() {
        for lang in Lang::ALL {
            let l = lang.locale();
            let slots = |template| slot_names(template).collect::<BTreeSet<_>>();
            assert_eq!(
                slots(l.date),
                BTreeSet::from(["day", "month", "year"]),
                "{}",
                l.code
            );
            assert_eq!(
                slots(l.month),
                BTreeSet::from(["month", "year"]),
                "{}",
                l.code
            );
            // A typed number is read by its marks: they must differ.
            assert_ne!(l.thousands, l.decimal, "{}", l.code);
            // From 999.5 × 10¹² dollars an amount takes an exponent: a fifth word is never said.
            assert!((1..=4).contains(&l.money_words.len()), "{}", l.code);
        }
    }
}
