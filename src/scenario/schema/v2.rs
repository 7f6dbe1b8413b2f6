//! Schema 2, the second release's (`v=2`), frozen: its keys, defaults and presets, and the step
//! to schema 3 (ECONOMICS.md §1 "Older links").

use super::{key, preset, v3, Schema, SchemaKeys, SchemaPresets};
use crate::scenario::Key as K;
use crate::scenario::{Date, Scenario};

/// Schema 2: schema 3's keys without `ltc`, `kd`, `tenor` and `aivol`; schema 3's defaults but
/// for the market snapshot of 2026-06-15 (`btc`, `hr`, `fee`), merchant GPU prices (`cterm=0`)
/// and Monte Carlo off (`mc=0`).
pub(super) const SCHEMA: Schema = Schema {
    version: 2,
    keys: SchemaKeys::Frozen(&[
        key("start", K::Start, "2027-01"),
        key("years", K::Years, "10"),
        key("mw", K::Mw, "100"),
        key("power", K::Power, "45"),
        key("powg", K::Powg, "2"),
        key("btc", K::Btc, "65000"),
        key("btcg", K::Btcg, "0"),
        key("hr", K::Hr, "890"),
        key("hrg", K::Hrg, "10"),
        key("hdrop", K::Hdrop, "10"),
        key("fee", K::Fee, "0.02"),
        key("blockmin", K::Blockmin, "10"),
        key("jth", K::Jth, "17.5"),
        key("mpue", K::Mpue, "1.05"),
        key("uptime", K::Uptime, "95"),
        key("pool", K::Pool, "2"),
        key("mopex", K::Mopex, "3000"),
        key("shutoff", K::Shutoff, "1"),
        key("dark", K::Dark, "30"),
        key("asicp", K::Asicp, "8"),
        key("ai", K::Ai, "gpu"),
        key("conv", K::Conv, "100"),
        key("phases", K::Phases, "1"),
        key("every", K::Every, "12"),
        key("cstart", K::Cstart, "2027-01"),
        key("cbuild", K::Cbuild, "12"),
        key("itratio", K::Itratio, "1.4"),
        key("pue", K::Pue, "1.25"),
        key("firm", K::Firm, "10"),
        key("capex", K::Capex, "11"),
        key("ramp", K::Ramp, "3"),
        key("gpu", K::Gpu, "2.5"),
        key("gpudecl", K::Gpudecl, "15"),
        key("util", K::Util, "90"),
        key("gpumw", K::Gpumw, "545"),
        key("gpucost", K::Gpucost, "50000"),
        key("gpulife", K::Gpulife, "5"),
        key("refit", K::Refit, "1"),
        key("gpuopex", K::Gpuopex, "15"),
        key("dclife", K::Dclife, "20"),
        key("colo", K::Colo, "130"),
        key("esc", K::Esc, "3"),
        key("coloopex", K::Coloopex, "5"),
        key("cterm", K::Cterm, "0"),
        key("prepay", K::Prepay, "0"),
        key("rate", K::Rate, "12"),
        key("airate", K::Airate, "12"),
        key("tv", K::Tv, "market"),
        key("caprate", K::Caprate, "7"),
        key("landv", K::Landv, "0.5"),
        key("mc", K::Mc, "0"),
        key("vol", K::Vol, "50"),
        key("elas", K::Elas, "0.5"),
        key("seed", K::Seed, "1"),
    ]),
    bounds: &[],
    presets: SchemaPresets::Frozen(&[
        preset("keep-mining", "conv=0"),
        preset("bitfarms-wa", "mw=18&cbuild=11&capex=12"),
        preset(
            "iren-msft",
            "years=6&mw=280&cbuild=9&gpu=2.03&util=100&gpucost=53000&cterm=60&prepay=20&airate=9",
        ),
        preset("colo-lease", "years=12&mw=250&ai=colo&colo=121&airate=9"),
        preset("absorb-4y", "phases=4"),
    ]),
    market: Some(Date {
        year: 2026,
        month: 6,
        day: 15,
    }),
    upgrade: Some(upgrade),
};

/// The mechanisms schema 3 added, switched off: no project debt, no AI-rate risk.
const SWITCHED_OFF: &str = "ltc=0&aivol=0";

/// Every schema-2 key keeps its value (the codec has already set the keys schema 3 adds to
/// schema 3's defaults); the debt and the AI-rate index are switched off.
fn upgrade(s: &mut Scenario) {
    v3::SCHEMA.write_query(s, SWITCHED_OFF);
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, WarningText};
    use crate::scenario::{canonical_query, parse, Key};

    #[test]
    fn schema_2_defaults_migrate_to_an_explicit_schema_3_query() {
        let p = parse("v=2");
        assert!(p.warnings.is_empty());
        // Schema 2's market snapshot, merchant GPU prices and Monte Carlo off stay explicit;
        // the debt and the AI-rate index are off.
        let v3 = "v=3&btc=65000&hr=890&fee=0.02&cterm=0&mc=0&aivol=0";
        assert_eq!(canonical_query(&p.scenario), v3);
        let explicit = parse(v3);
        assert!(explicit.warnings.is_empty());
        assert_eq!(explicit.scenario, p.scenario);
        assert_eq!(p.scenario.get(Key::Ltc), 0.0);
    }

    #[test]
    fn schema_2_keys_keep_their_values_and_its_presets_their_meaning() {
        let p = parse("v=2&cterm=24&mc=500&btc=70000&kd=9");
        assert_eq!(p.scenario.get(Key::Cterm), 24.0);
        assert_eq!(p.scenario.get(Key::Mc), 500.0);
        assert_eq!(p.scenario.get(Key::Btc), 70_000.0);
        assert_eq!(p.scenario.get(Key::Kd), 8.0, "schema 2 had no `kd`");
        assert_eq!(p.warnings.len(), 1);
        // Schema 2's Bitfarms preset had the schema-2 capex and a merchant cloud.
        let bitfarms = parse("v=2&preset=bitfarms-wa");
        assert!(bitfarms.warnings.is_empty());
        assert_eq!(
            canonical_query(&bitfarms.scenario),
            "v=3&mw=18&btc=65000&hr=890&fee=0.02&cbuild=11&capex=12&cterm=0&mc=0&aivol=0"
        );
        // IREN's contract was explicit in schema 2.
        let iren = parse("v=2&preset=iren-msft").scenario;
        assert_eq!(iren.get(Key::Cterm), 60.0);
        // A preset schema 3 added was unknown to schema 2's links.
        let riot = parse("v=2&preset=riot-amd");
        assert_eq!(riot.scenario, parse("v=2").scenario);
        assert_eq!(
            riot.warnings[0].text(Lang::En),
            "`preset`: unknown preset “riot-amd”; known presets are keep-mining, bitfarms-wa, \
             iren-msft, colo-lease, absorb-4y."
        );
        let cipher = parse("v=1&preset=cipher-barber-lake&lang=it");
        assert!(cipher.warnings[0].text(Lang::It).ends_with(
            "quelli noti sono keep-mining, bitfarms-wa, iren-msft, colo-lease, absorb-4y."
        ));
    }

    #[test]
    fn keys_schema_3_added_warn_in_schema_2_links() {
        let p = parse("v=2&ltc=50");
        assert_eq!(p.scenario, parse("v=2").scenario);
        assert_eq!(
            p.warnings[0].text(Lang::En),
            "`ltc` was ignored: schema-2 links (`v=2`) had no `ltc`, so it stays at 0."
        );
        let p = parse("v=1&prepay=10");
        assert_eq!(p.scenario, parse("v=1").scenario);
        assert_eq!(p.warnings.len(), 1);
    }
}
