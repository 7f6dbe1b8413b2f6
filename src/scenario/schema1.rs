//! Schema 1 links (ECONOMICS.md §1 "Schema 1 links"): every link the first release made starts
//! with `v=1` and keeps its meaning forever. Such a query is read with schema 1's keys,
//! defaults and presets, then migrated to a schema-2 scenario whose months are schema 1's: the
//! mechanisms schema 2 added are switched off.

use super::codec;
use super::keys::Key;
use super::Scenario;

/// The keys schema 2 added: unknown to a `v=1` link.
const ADDED: [Key; 15] = [
    Key::Powg,
    Key::Dark,
    Key::Asicp,
    Key::Itratio,
    Key::Firm,
    Key::Ramp,
    Key::Refit,
    Key::Gpuopex,
    Key::Coloopex,
    Key::Cterm,
    Key::Prepay,
    Key::Airate,
    Key::Tv,
    Key::Caprate,
    Key::Landv,
];

/// Schema 1's name of the AI opex share, which sets both schema-2 opex keys.
const AIOPEX: &str = "aiopex";

/// Schema 1's defaults where they differ from schema 2's, and the added mechanisms switched off,
/// as schema-2 keys (`airate`, `itratio` and `coloopex` follow in [`migrate`]).
const DEFAULTS: &str = "start=2026-01&powg=0&btc=90000&hr=1100&hrg=20&fee=0.025&dark=100\
                        &asicp=0&firm=0&capex=8&ramp=0&gpudecl=10&refit=0&gpuopex=15&cterm=0\
                        &prepay=0&tv=book&landv=0";

/// Schema 1's presets: id and keys over schema 1's defaults.
const PRESETS: [(&str, &str); 5] = [
    ("keep-mining", "conv=0"),
    ("bitfarms-wa", "mw=18&cbuild=11&capex=8.9"),
    (
        "iren-msft",
        "years=5&mw=250&cbuild=9&gpu=2.03&gpudecl=0&util=100&gpucost=53000",
    ),
    ("colo-lease", "years=12&mw=250&ai=colo&colo=121"),
    ("absorb-4y", "phases=4"),
];

/// The key a `v=1` link means by `name`, and the name it wrote; `None` for a name schema 1
/// did not have.
pub fn key(name: &str) -> Option<(Key, &'static str)> {
    if name == AIOPEX {
        return Some((Key::Gpuopex, AIOPEX));
    }
    Key::from_name(name)
        .filter(|k| !ADDED.contains(k))
        .map(|k| (k, k.name()))
}

/// Schema 1's defaults as a schema-2 scenario.
pub fn defaults() -> Scenario {
    over(Scenario::default(), DEFAULTS)
}

/// Schema 1's preset `id` over schema 1's defaults.
pub fn preset(id: &str) -> Option<Scenario> {
    PRESETS
        .iter()
        .find(|(p, _)| *p == id)
        .map(|(_, keys)| over(defaults(), keys))
}

/// The schema-2 values that schema 1 tied to others: one opex share for both AI models, the IT
/// load sized by the PUE, one discount rate.
pub fn migrate(s: &mut Scenario) {
    s.set(Key::Coloopex, s.get(Key::Gpuopex));
    s.set(Key::Itratio, s.get(Key::Pue));
    s.set(Key::Airate, s.get(Key::Rate));
}

/// `keys` (a query of schema-2 keys, all valid) applied over `s`.
fn over(mut s: Scenario, keys: &str) -> Scenario {
    let mut ignored = Vec::new();
    for (name, value) in form_urlencoded::parse(keys.as_bytes()) {
        if let Some(key) = Key::from_name(&name) {
            codec::apply(&mut s, key, key.name(), &value, &mut ignored);
        }
    }
    debug_assert!(
        ignored.is_empty(),
        "schema 1 table is malformed: {ignored:?}"
    );
    migrate(&mut s);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{canonical_query, parse};

    #[test]
    fn schema_1_defaults_migrate_to_an_explicit_schema_2_query() {
        let p = parse("v=1");
        assert!(p.warnings.is_empty());
        assert_eq!(
            canonical_query(&p.scenario),
            "v=2&start=2026-01&powg=0&btc=90000&hr=1100&hrg=20&fee=0.025&dark=100&asicp=0\
             &itratio=1.25&firm=0&capex=8&ramp=0&gpudecl=10&refit=0&coloopex=15&tv=book&landv=0"
        );
        // And the migrated query reads back to the same scenario, with no warning.
        let again = parse(&canonical_query(&p.scenario));
        assert!(again.warnings.is_empty());
        assert_eq!(again.scenario, p.scenario);
    }

    #[test]
    fn schema_1_keys_keep_their_values_and_added_keys_are_unknown() {
        let p = parse("v=1&pue=1.3&rate=15&aiopex=20&powg=5&mw=18");
        let s = p.scenario;
        assert_eq!(s.get(Key::Itratio), 1.3, "the IT load was sized by the PUE");
        assert_eq!(s.get(Key::Airate), 15.0, "one discount rate");
        assert_eq!((s.get(Key::Gpuopex), s.get(Key::Coloopex)), (20.0, 20.0));
        assert_eq!(s.get(Key::Powg), 0.0);
        assert_eq!(s.get(Key::Mw), 18.0);
        let texts: Vec<String> = p
            .warnings
            .iter()
            .map(|w| w.text(crate::i18n::Lang::En))
            .collect();
        assert_eq!(
            texts,
            ["`powg` was ignored: schema-1 links (`v=1`) had no `powg`, so this one keeps schema 1's value, 0."]
        );
        let it = p.warnings[0].text(crate::i18n::Lang::It);
        assert!(
            it.starts_with("La chiave `powg` è stata ignorata: i link di schema 1"),
            "{it}"
        );
        // A derived key says the value schema 1 gave it.
        assert_eq!(
            parse("v=1&itratio=1.5&pue=1.3").warnings[0].text(crate::i18n::Lang::En),
            "`itratio` was ignored: schema-1 links (`v=1`) had no `itratio`, so this one keeps schema 1's value, 1.3."
        );
        // A name no schema has is unknown, as in a schema-2 link.
        assert_eq!(
            parse("v=1&zap=1").warnings[0].text(crate::i18n::Lang::En),
            "Unknown key `zap` was ignored."
        );
        // A bad value falls back to schema 1's default, and the warning names schema 1's key.
        let p = parse("v=1&btc=lots&aiopex=x");
        assert_eq!(p.scenario.get(Key::Btc), 90_000.0);
        assert!(p.warnings[0]
            .text(crate::i18n::Lang::En)
            .contains("using 90,000"));
        assert!(p.warnings[1]
            .text(crate::i18n::Lang::En)
            .starts_with("`aiopex`"));
    }

    #[test]
    fn schema_1_presets_are_schema_1s() {
        let p = parse("v=1&preset=iren-msft");
        assert!(p.warnings.is_empty());
        let s = p.scenario;
        assert_eq!(
            (s.get(Key::Years), s.get(Key::Mw), s.get(Key::Gpudecl)),
            (5.0, 250.0, 0.0)
        );
        assert_eq!((s.get(Key::Cterm), s.get(Key::Prepay)), (0.0, 0.0));
        assert_eq!(s.get(Key::Btc), 90_000.0);
        let p = parse("v=1&preset=bitfarms-wa&btc=80000");
        assert_eq!(
            (p.scenario.get(Key::Capex), p.scenario.get(Key::Btc)),
            (8.9, 80_000.0)
        );
    }
}
