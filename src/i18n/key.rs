//! A model key's values for people: a number with the key's unit, in a language's conventions.

use super::Lang;
use crate::scenario::Key;

/// A key's values as people read them.
pub trait KeyText {
    /// Value `v` of this key with its unit, as people read it in `lang`, with up to
    /// `decimals` decimals: `45 $/MWh`, `$65,000`, `1 tranche`.
    fn with_unit(self, v: f64, decimals: usize, lang: Lang) -> String;
}

impl KeyText for Key {
    fn with_unit(self, v: f64, decimals: usize, lang: Lang) -> String {
        let f = lang.fmt();
        f.quantity(&f.number(v, decimals), v, self.def().unit)
    }
}
