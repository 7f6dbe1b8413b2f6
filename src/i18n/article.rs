//! Definite articles before a number or a date, for languages that agree them with how the
//! number is read aloud: Italian `il 40 %`, `l'80 %` (`ottanta`), `lo 0 %` (`zero`); joined to
//! a preposition, `nell'8 %`, `all'8 %`, `dell'8 %`. A template leaves the article to a slot
//! (`{at_the}{rates}`) that a language without such articles (English) fills with nothing.

/// An article's use: alone or joined to a preposition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Article {
    /// `il`, `l'`, `lo`.
    The,
    /// `in` with the article: `nel`, `nell'`, `nello`.
    InThe,
    /// `a` with the article: `al`, `all'`, `allo`.
    AtThe,
    /// `di` with the article: `del`, `dell'`, `dello`.
    OfThe,
}

impl Article {
    /// Every use, each with its own template slot.
    pub const ALL: [Article; 4] = [Article::The, Article::InThe, Article::AtThe, Article::OfThe];

    /// The slot templates write it in (`{in_the}`).
    pub fn slot(self) -> &'static str {
        match self {
            Article::The => "the",
            Article::InThe => "in_the",
            Article::AtThe => "at_the",
            Article::OfThe => "of_the",
        }
    }
}

/// How a word begins, as far as an article cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sound {
    /// `cento`, `meno…`.
    Consonant,
    /// `uno`, `otto`, `undici`, `ottanta…`.
    Vowel,
    /// `zero`.
    Z,
}

impl Sound {
    /// How a number is read aloud in Italian, given the digits of its whole part as written
    /// (`8` of `8,5`) and whether it is written with a minus: `meno…`, `zero`, and then by the
    /// whole part (`otto virgola cinque`). The numbers the page writes stay below `undicimila`
    /// and `un milione`, whose articles this does not know.
    pub fn of_italian_number(whole: &str, minus: bool) -> Sound {
        if minus {
            Sound::Consonant
        } else if whole == "0" {
            Sound::Z
        } else if whole.starts_with('8') || whole == "1" || whole == "11" {
            Sound::Vowel
        } else {
            Sound::Consonant
        }
    }

    /// How day `day` of a date is read aloud in Italian: the first as `primo` (written `1º`),
    /// `otto`, `undici`.
    pub fn of_italian_day(day: u32) -> Sound {
        if day == 8 || day == 11 {
            Sound::Vowel
        } else {
            Sound::Consonant
        }
    }
}

/// A language's articles: their forms, and how the numbers and days they come before are read.
pub struct Articles {
    /// The forms of each [`Article`], in [`Article::ALL`] order, each with its space (or
    /// apostrophe) before a word that begins with a consonant, a vowel and a `z`, in that order
    /// (the order of [`Sound`]): Italian `["il ", "l'", "lo "]` for [`Article::The`].
    pub forms: [[&'static str; 3]; 4],
    /// How a number is read aloud, given the digits of its whole part as written (`8` of `8,5`)
    /// and whether it is written with a minus.
    pub number: fn(&str, bool) -> Sound,
    /// How day `day` of a month is read aloud.
    pub day: fn(u32) -> Sound,
}

impl Articles {
    /// The form of `article`, with its space, before a word that begins as `sound` says.
    pub fn before(&self, article: Article, sound: Sound) -> &'static str {
        self.forms[article as usize][sound as usize]
    }
}
