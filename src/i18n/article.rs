//! Italian definite articles before a number, chosen by how the number is read aloud: `il 40 %`,
//! `l'80 %` (`ottanta`), `lo 0 %` (`zero`); joined to a preposition, `nell'8 %`, `all'8 %`,
//! `dell'8 %`. A template leaves the article to a slot
//! (`{at_the}{rates}`) that English fills with nothing.

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

    /// The Italian form, with its space, before a word that begins as `sound` says.
    pub fn italian(self, sound: Sound) -> &'static str {
        let [consonant, vowel, z] = match self {
            Article::The => ["il ", "l'", "lo "],
            Article::InThe => ["nel ", "nell'", "nello "],
            Article::AtThe => ["al ", "all'", "allo "],
            Article::OfThe => ["del ", "dell'", "dello "],
        };
        match sound {
            Sound::Consonant => consonant,
            Sound::Vowel => vowel,
            Sound::Z => z,
        }
    }
}

/// How a word begins, as far as an Italian article cares.
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
    /// How a number is read aloud, given the digits of its whole part as written (`8` of
    /// `8,5`) and whether it is written with a minus: `meno…`, `zero`, and then by the whole
    /// part (`otto virgola cinque`). The numbers the page writes stay below `undicimila` and
    /// `un milione`, whose articles this does not know.
    pub fn of_number(whole: &str, minus: bool) -> Sound {
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

    /// How day `day` of a date is read aloud: the first as `primo` (written `1º`), `otto`, `undici`.
    pub fn of_day(day: u32) -> Sound {
        if day == 8 || day == 11 {
            Sound::Vowel
        } else {
            Sound::Consonant
        }
    }
}
