//! Schema 1, the first release's (`v=1`), frozen: its keys, defaults and presets, and the step
//! to schema 2 (ECONOMICS.md §1 "Older links").

use super::{key, preset, v2, Schema, SchemaKeys, SchemaPresets};
use crate::scenario::{Key as K, Scenario};

/// Schema 1: schema 2's defaults and bounds but for `start`, `btc`, `hr`, `hrg`, `fee`, `capex`
/// and `gpudecl`; one AI opex share, `aiopex`, with `gpuopex`'s bounds.
pub(super) const SCHEMA: Schema = Schema {
    version: 1,
    keys: SchemaKeys::Frozen(&[
        key("start", K::Start, "2026-01"),
        key("years", K::Years, "10"),
        key("mw", K::Mw, "100"),
        key("power", K::Power, "45"),
        key("btc", K::Btc, "90000"),
        key("btcg", K::Btcg, "0"),
        key("hr", K::Hr, "1100"),
        key("hrg", K::Hrg, "20"),
        key("hdrop", K::Hdrop, "10"),
        key("fee", K::Fee, "0.025"),
        key("blockmin", K::Blockmin, "10"),
        key("jth", K::Jth, "17.5"),
        key("mpue", K::Mpue, "1.05"),
        key("uptime", K::Uptime, "95"),
        key("pool", K::Pool, "2"),
        key("mopex", K::Mopex, "3000"),
        key("shutoff", K::Shutoff, "1"),
        key("ai", K::Ai, "gpu"),
        key("conv", K::Conv, "100"),
        key("phases", K::Phases, "1"),
        key("every", K::Every, "12"),
        key("cstart", K::Cstart, "2026-01"),
        key("cbuild", K::Cbuild, "12"),
        key("pue", K::Pue, "1.25"),
        key("capex", K::Capex, "8"),
        key("gpu", K::Gpu, "2.5"),
        key("gpudecl", K::Gpudecl, "10"),
        key("util", K::Util, "90"),
        key("gpumw", K::Gpumw, "545"),
        key("gpucost", K::Gpucost, "50000"),
        key("gpulife", K::Gpulife, "5"),
        key("aiopex", K::Gpuopex, "15"),
        key("dclife", K::Dclife, "20"),
        key("colo", K::Colo, "130"),
        key("esc", K::Esc, "3"),
        key("rate", K::Rate, "12"),
        key("mc", K::Mc, "0"),
        key("vol", K::Vol, "50"),
        key("elas", K::Elas, "0.5"),
        key("seed", K::Seed, "1"),
    ]),
    bounds: &[],
    presets: SchemaPresets::Frozen(&[
        preset("keep-mining", "conv=0"),
        preset("bitfarms-wa", "mw=18&cbuild=11&capex=8.9"),
        preset(
            "iren-msft",
            "years=5&mw=250&cbuild=9&gpu=2.03&gpudecl=0&util=100&gpucost=53000",
        ),
        preset("colo-lease", "years=12&mw=250&ai=colo&colo=121"),
        preset("absorb-4y", "phases=4"),
    ]),
    // Round figures, taken from no dated market.
    market: None,
    upgrade: Some(upgrade),
};

/// The mechanisms schema 2 added, switched off, in schema 2's names.
const SWITCHED_OFF: &str =
    "powg=0&dark=100&asicp=0&firm=0&ramp=0&refit=0&cterm=0&prepay=0&tv=book&landv=0";

/// Migration 1 → 2: every schema-1 key keeps its value; `aiopex` sets both opex shares (it is
/// carried by `gpuopex`); the IT load is sized by the PUE (`itratio = pue`); one discount rate
/// (`airate = rate`); the mechanisms schema 2 added are switched off. The months stay schema 1's.
fn upgrade(s: &mut Scenario) {
    s.set(K::Coloopex, s.get(K::Gpuopex));
    s.set(K::Itratio, s.get(K::Pue));
    s.set(K::Airate, s.get(K::Rate));
    v2::SCHEMA.write_query(s, SWITCHED_OFF);
}

#[cfg(test)]
mod tests {
    use crate::i18n::WarningText;
    use crate::scenario::{canonical_query, parse, Key, SCHEMA};

    #[test]
    fn schema_1_defaults_migrate_to_an_explicit_schema_2_query() {
        let p = parse("v=1");
        assert!(p.warnings.is_empty());
        // Schema 1's defaults as a schema-2 link (its canonical query while schema 2 is the
        // current one): the same scenario, whichever schema is current.
        let v2 = "v=2&start=2026-01&powg=0&btc=90000&hr=1100&hrg=20&fee=0.025&dark=100&asicp=0\
                  &itratio=1.25&firm=0&capex=8&ramp=0&gpudecl=10&refit=0&coloopex=15&tv=book\
                  &landv=0";
        let explicit = parse(v2);
        assert!(explicit.warnings.is_empty());
        assert_eq!(explicit.scenario, p.scenario);
        if SCHEMA == 2 {
            assert_eq!(canonical_query(&p.scenario), v2);
        }
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
            ["`powg` was ignored: schema-1 links (`v=1`) had no `powg`, so it stays at 0."]
        );
        let it = p.warnings[0].text(crate::i18n::Lang::It);
        assert!(
            it.starts_with("La chiave `powg` è stata ignorata: i link di schema 1"),
            "{it}"
        );
        // A derived key says the value schema 1 gave it.
        assert_eq!(
            parse("v=1&itratio=1.5&pue=1.3").warnings[0].text(crate::i18n::Lang::En),
            "`itratio` was ignored: schema-1 links (`v=1`) had no `itratio`, so it stays at 1.3."
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
