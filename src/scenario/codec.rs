//! The URL codec of ECONOMICS.md §1: any string → a scenario, its warnings and the view keys;
//! a scenario → its canonical query.
//!
//! Parsing is total: it never fails and never panics. Each problem adds one [`Warning`] that
//! names the key, and parsing goes on with a safe value.

use super::keys::{Key, KEY_COUNT};
use super::presets::Preset;
use super::read;
use super::schema::{Schema, SCHEMA, SCHEMAS};
use super::warning::{Problem, Warning};
use super::Scenario;

/// Longest input read, in bytes (8 KiB); the rest is cut with a warning.
pub const MAX_INPUT: usize = 8 * 1024;

/// The view keys: not part of the model, read by the explorer, ignored by the CLI.
pub const VIEW_KEYS: [&str; 8] = [
    "lang", "tab", "embed", "controls", "cmp", "theme", "story", "step",
];

/// The result of parsing a query: never fails.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The scenario (current schema), every value finite and in bounds.
    pub scenario: Scenario,
    /// One warning per problem with a model key, `v` or `preset`.
    pub warnings: Vec<Warning>,
    /// The view keys and their values, in query order, for the explorer to read.
    pub view: Vec<(String, String)>,
}

/// Parses a query string, `?query`, or a whole URL (`https://host/path?query#fragment`). The
/// query is read with the keys, defaults and presets of the schema its `v` names, then upgraded
/// to the current schema (ECONOMICS.md §1).
pub fn parse(input: &str) -> Parsed {
    let mut warnings = Vec::new();
    let query = query_part(cut(input, &mut warnings));
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .map(|(n, v)| (n.trim().to_string(), v.into_owned()))
        .collect();
    let version = pairs.iter().rev().find(|(n, _)| n == "v").map(|(_, v)| v);
    // What `v` and `preset` say comes first: it explains the warnings about the keys.
    let given = |name: &str| pairs.iter().filter(|(n, _)| n == name).count() as u32;
    let schema = match version {
        Some(v) => {
            if given("v") > 1 {
                warnings.push(Warning::RepeatedName {
                    name: "v",
                    times: given("v"),
                    value: v.clone(),
                });
            }
            schema_of(v, &mut warnings)
        }
        None => Schema::current(),
    };
    let preset = pairs
        .iter()
        .rev()
        .find(|(n, _)| n == "preset")
        .map(|(_, v)| v);
    if let Some(id) = preset.filter(|_| given("preset") > 1) {
        warnings.push(Warning::RepeatedName {
            name: "preset",
            times: given("preset"),
            value: id.clone(),
        });
    }

    let mut raw: [Option<(&'static str, String)>; KEY_COUNT] = std::array::from_fn(|_| None);
    let mut seen = [0u32; KEY_COUNT];
    let mut unknown: Vec<&str> = Vec::new();
    let mut view = Vec::new();
    for (name, value) in pairs.iter() {
        if name.is_empty() {
            if !value.is_empty() {
                warnings.push(Warning::ValueWithoutKey(value.clone()));
            }
            continue;
        }
        match name.as_str() {
            "v" | "preset" => {}
            _ if VIEW_KEYS.contains(&name.as_str()) => view.push((name.clone(), value.clone())),
            _ => match schema.key(name) {
                Some(k) => {
                    seen[k.key as usize] += 1;
                    raw[k.key as usize] = Some((k.name, value.clone()));
                }
                // One warning for each unknown key, however often it comes.
                None if unknown.contains(&name.as_str()) => {}
                None => {
                    unknown.push(name);
                    warnings.push(match Key::from_name(name) {
                        // A key of the current schema that the link's did not have. Its value
                        // is the upgraded scenario's, known at the end.
                        Some(key) => Warning::NotInSchema {
                            key,
                            schema: schema.version,
                            value: String::new(),
                        },
                        None => Warning::UnknownKey(name.clone()),
                    });
                }
            },
        }
    }

    let mut scenario = schema.defaults();
    if let Some(id) = preset {
        match schema.preset(id.trim()) {
            Some(s) => scenario = s,
            None => warnings.push(Warning::UnknownPreset {
                id: id.clone(),
                schema: schema.version,
            }),
        }
    }
    for key in Key::all() {
        if let Some((name, text)) = &raw[key as usize] {
            if seen[key as usize] > 1 {
                warnings.push(Warning::Value {
                    key,
                    name,
                    problem: Problem::Repeated {
                        times: seen[key as usize],
                        value: text.clone(),
                    },
                });
            }
            let bounds = schema.bounds(&scenario, key);
            read::apply(&mut scenario, key, name, text, bounds, &mut warnings);
        }
    }
    schema.upgrade_to_current(&mut scenario);
    for w in &mut warnings {
        if let Warning::NotInSchema { key, value, .. } = w {
            *value = scenario.value_text(*key);
        }
    }
    Parsed {
        scenario,
        warnings,
        view,
    }
}

/// The canonical query: `v=` the current schema, then every key that differs from its default,
/// in table order.
pub fn canonical_query(s: &Scenario) -> String {
    let mut q = format!("v={SCHEMA}");
    for key in Key::all() {
        if s.get(key) != s.default_of(key) {
            q.push('&');
            q.push_str(key.name());
            q.push('=');
            q.push_str(&s.value_text(key));
        }
    }
    q
}

impl Preset {
    /// The scenario `preset=ID` reads to: the current schema's defaults with this preset's
    /// keys.
    pub fn scenario(&self) -> Scenario {
        Schema::current()
            .preset(self.id)
            .expect("every preset of the picker is one of the current schema's")
    }

    /// The canonical query of `preset=ID`.
    pub fn canonical_query(&self) -> String {
        canonical_query(&self.scenario())
    }
}

/// The shortest decimal text that parses back to the same `f64`, without exponent or trailing
/// `.0` (`2.5`, `100`, `0.025`).
pub fn format_number(v: f64) -> String {
    format!("{}", v + 0.0)
}

/// Whether `name` is a name the codec knows (a key of any schema, `v`, `preset` or a view key).
pub fn is_known_name(name: &str) -> bool {
    SCHEMAS.iter().any(|s| s.key(name).is_some())
        || matches!(name, "v" | "preset")
        || VIEW_KEYS.contains(&name)
}

/// The schema a link's `v` names; the current one, with a warning, when it names none.
fn schema_of(value: &str, warnings: &mut Vec<Warning>) -> &'static Schema {
    let given = value.trim().to_string();
    let v = given.parse::<f64>().ok();
    if let Some(schema) = v.and_then(|v| SCHEMAS.iter().find(|s| f64::from(s.version) == v)) {
        return schema;
    }
    warnings.push(if v.is_some_and(|v| v > f64::from(SCHEMA)) {
        Warning::NewerVersion {
            given,
            schema: SCHEMA,
        }
    } else {
        Warning::UnknownVersion {
            given: value.to_string(),
            schema: SCHEMA,
        }
    });
    Schema::current()
}

/// Cuts the input to [`MAX_INPUT`] bytes on a character boundary.
fn cut<'a>(input: &'a str, warnings: &mut Vec<Warning>) -> &'a str {
    if input.len() <= MAX_INPUT {
        return input;
    }
    let mut end = MAX_INPUT;
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    warnings.push(Warning::TooLong(input.len()));
    &input[..end]
}

/// The query of a query string, `?query` or whole URL, without any `#fragment`.
fn query_part(input: &str) -> &str {
    let input = input.trim();
    let input = input.split('#').next().unwrap_or("");
    match input.split_once('?') {
        Some((_, q)) => q,
        None if input.contains("://") || input.starts_with('/') => "",
        None => input,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::YearMonth;
    use crate::i18n::{Lang, WarningText};

    fn texts(q: &str) -> Vec<String> {
        parse(q).warnings.iter().map(|w| w.text(Lang::En)).collect()
    }

    #[test]
    fn defaults_have_the_bare_canonical_query() {
        let p = parse("");
        assert_eq!(p.scenario, Scenario::default());
        assert!(p.warnings.is_empty());
        assert_eq!(canonical_query(&p.scenario), "v=3");
    }

    #[test]
    fn canonical_query_lists_changed_keys_in_table_order() {
        let p = parse("gpu=2.750&mw=18&v=3&start=2027-03&ai=colo&tv=book");
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
        assert_eq!(
            canonical_query(&p.scenario),
            "v=3&start=2027-03&mw=18&ai=colo&gpu=2.75&tv=book"
        );
    }

    #[test]
    fn accepts_leading_question_mark_whole_urls_plus_and_escapes() {
        let a = parse("?mw=18&fee=0.03");
        let b = parse("https://example.org/tools/hashshift/?mw=18&fee=%30.03#top");
        let c = parse("  mw=+18&fee=0.03 ");
        assert_eq!(a.scenario, b.scenario);
        assert_eq!(a.scenario.get(Key::Mw), 18.0);
        assert_eq!(a.scenario.get(Key::Fee), 0.03);
        // `+` decodes to a space, which is trimmed.
        assert_eq!(c.scenario.get(Key::Mw), 18.0, "{:?}", c.warnings);
        assert!(parse("https://example.org/").warnings.is_empty());
    }

    #[test]
    fn every_bad_value_warns_once_and_falls_back() {
        let p = parse("mw=abc&power=&btc=inf&hr=NaN&years=7.5&jth=1&uptime=250&foo=1");
        let w = texts("mw=abc&power=&btc=inf&hr=NaN&years=7.5&jth=1&uptime=250&foo=1");
        assert_eq!(w.len(), 8, "{w:#?}");
        let s = p.scenario;
        assert_eq!(s.get(Key::Mw), 100.0);
        assert_eq!(s.get(Key::Power), 45.0);
        assert_eq!(s.get(Key::Btc), 60_000.0);
        assert_eq!(s.get(Key::Hr), 958.0);
        assert_eq!(s.get(Key::Years), 8.0);
        assert_eq!(s.get(Key::Jth), 5.0);
        assert_eq!(s.get(Key::Uptime), 100.0);
        for (w, key) in w
            .iter()
            .zip(["foo", "years", "mw", "power", "btc", "hr", "jth", "uptime"])
        {
            assert!(w.contains(key), "{w} should name {key}");
        }
        assert_eq!(w[2], "`mw`: “abc” is not a number; using 100.");
        assert_eq!(w[6], "`jth`: 1 is below the minimum 5\u{a0}J/TH; using 5.");
    }

    #[test]
    fn rounding_half_away_from_zero_then_clamping() {
        assert_eq!(parse("phases=2.5").scenario.get(Key::Phases), 3.0);
        assert_eq!(parse("every=1.5").scenario.get(Key::Every), 2.0);
        let p = parse("years=0.4");
        assert_eq!(p.scenario.get(Key::Years), 1.0);
        assert_eq!(p.warnings.len(), 2);
    }

    #[test]
    fn cstart_before_start_is_moved_to_start() {
        let p = parse("start=2027-01&cstart=2026-06");
        assert_eq!(p.scenario.month(Key::Cstart), YearMonth::new(2027, 1));
        assert_eq!(
            texts("start=2027-01&cstart=2026-06"),
            ["`cstart`: 2026-06 is before `start` 2027-01; using 2027-01."]
        );
        let p = parse("cstart=2027-06&start=2026-03");
        assert_eq!(p.scenario.month(Key::Cstart), YearMonth::new(2027, 6));
        assert_eq!(
            canonical_query(&p.scenario),
            "v=3&start=2026-03&cstart=2027-06"
        );
    }

    #[test]
    fn a_warning_shows_the_characters_a_paste_hides() {
        // A zero-width space, as some content systems paste it, and a right-to-left override.
        assert_eq!(
            texts("mw=%E2%80%8B18"),
            ["`mw`: “⟨U+200B⟩18” is not a number; using 100."]
        );
        assert_eq!(
            texts("preset=%E2%80%AEabc")[0].split(';').next().unwrap(),
            "`preset`: unknown preset “⟨U+202E⟩abc”"
        );
    }

    #[test]
    fn repeated_key_last_wins_with_a_warning() {
        let p = parse("mw=10&mw=20");
        assert_eq!(p.scenario.get(Key::Mw), 20.0);
        assert_eq!(
            texts("mw=10&mw=20"),
            ["`mw` was given 2 times; the last value (“20”) is used."]
        );
    }

    #[test]
    fn a_repeated_version_or_preset_warns_and_the_last_wins() {
        // `v=2&v=1` is a schema 1 link: it must say so, since its keys change meaning.
        let p = parse("v=2&v=1&mw=5");
        assert_eq!(p.scenario.get(Key::Btc), 90_000.0, "read as schema 1");
        assert_eq!(
            texts("v=2&v=1&mw=5"),
            ["`v` was given 2 times; the last value (“1”) is used."]
        );
        let p = parse("preset=iren-msft&preset=colo-lease");
        assert_eq!(p.scenario, parse("preset=colo-lease").scenario);
        assert_eq!(
            texts("preset=iren-msft&preset=colo-lease"),
            ["`preset` was given 2 times; the last value (“colo-lease”) is used."]
        );
        assert!(texts("v=2&preset=colo-lease").is_empty());
    }

    #[test]
    fn an_unknown_key_warns_once_however_often_it_comes() {
        assert_eq!(
            texts("foo=1&foo=2&mw=3&foo=3"),
            ["Unknown key `foo` was ignored."]
        );
        // A tracking key is an unknown key (the explorer keeps it out of its banner).
        let shared = "v=3&mw=18&fbclid=IwAR0abc&UTM_Source=x&utm=1";
        let p = parse(shared);
        assert_eq!(p.scenario, parse("mw=18").scenario);
        let tracking: Vec<bool> = p.warnings.iter().map(Warning::is_tracking).collect();
        assert_eq!(tracking, [true, true, false]);
    }

    #[test]
    fn what_the_version_says_comes_before_the_unknown_keys() {
        let t = texts("a=1&b=2&v=3&v=5");
        assert_eq!(t.len(), 4);
        assert!(t[0].starts_with("`v` was given 2 times"), "{}", t[0]);
        assert!(t[1].contains("newer version"), "{}", t[1]);
    }

    #[test]
    fn newer_versions_and_unknown_presets_warn() {
        assert_eq!(
            texts("v=4&mw=10"),
            ["`v`: this link was made by a newer version of HashShift (v=4); its keys were read as v3."]
        );
        assert_eq!(parse("v=4&mw=10").scenario.get(Key::Mw), 10.0);
        assert_eq!(texts("v=banana").len(), 1);
        assert!(texts("v=1").is_empty() && texts("v=2").is_empty() && texts("v=3").is_empty());
        assert_eq!(
            parse("mw=3").scenario,
            parse("v=3&mw=3").scenario,
            "no v: schema 3"
        );
        assert_eq!(
            texts("preset=nope"),
            ["`preset`: unknown preset “nope”; known presets are keep-mining, bitfarms-wa, iren-msft, absorb-4y, colo-lease, cipher-barber-lake, terawulf-core42, galaxy-helios, riot-amd."]
        );
    }

    #[test]
    fn preset_is_applied_before_other_keys_wherever_it_stands() {
        let p = parse("btc=80000&preset=bitfarms-wa");
        assert!(p.warnings.is_empty());
        assert_eq!(
            canonical_query(&p.scenario),
            "v=3&mw=18&btc=80000&cbuild=11&capex=12&cterm=0"
        );
    }

    #[test]
    fn view_keys_are_handed_on_without_warnings() {
        let p = parse("tab=cash&embed=1&lang=it&controls=btc,power&mw=18");
        assert!(p.warnings.is_empty());
        assert_eq!(p.view.len(), 4);
        assert_eq!(p.view[3], ("controls".to_string(), "btc,power".to_string()));
    }

    #[test]
    fn long_input_is_cut_on_a_char_boundary() {
        let long = format!("mw=18&x={}", "é".repeat(5000));
        let p = parse(&long);
        assert_eq!(p.scenario.get(Key::Mw), 18.0);
        assert!(texts(&long).iter().any(|w| w.contains("8\u{a0}KiB")));
    }

    #[test]
    fn toggles_take_0_or_1() {
        assert_eq!(parse("shutoff=0").scenario.get(Key::Shutoff), 0.0);
        let words = parse("shutoff=off");
        assert_eq!(
            words.scenario.get(Key::Shutoff),
            1.0,
            "unparsable: the default"
        );
        assert!(texts("shutoff=off")[0].contains("is not 0 or 1"));
        let p = parse("shutoff=0.4");
        assert_eq!(
            (p.scenario.get(Key::Shutoff), p.warnings.len()),
            (0.0, 1),
            "rounded, with a warning"
        );
        let p = parse("shutoff=5");
        assert_eq!(
            (p.scenario.get(Key::Shutoff), p.warnings.len()),
            (1.0, 1),
            "clamped, with a warning"
        );
    }

    #[test]
    fn keys_and_choice_values_are_lower_case() {
        let p = parse("MW=18&ai=COLO");
        assert_eq!(p.scenario, Scenario::default());
        assert_eq!(
            texts("MW=18&ai=COLO"),
            [
                "Unknown key `MW` was ignored (keys are lower case: `mw`).",
                "`ai`: “COLO” is not one of gpu, colo (lower case); using gpu."
            ]
        );
        assert_eq!(texts("Zap=1"), ["Unknown key `Zap` was ignored."]);
    }

    #[test]
    fn warnings_read_in_italian_too() {
        let p = parse("mw=abc");
        assert_eq!(
            p.warnings[0].text(Lang::It),
            "`mw`: “abc” non è un numero; si usa 100."
        );
    }

    #[test]
    fn numbers_print_in_shortest_exact_form() {
        assert_eq!(format_number(2.5), "2.5");
        assert_eq!(format_number(100.0), "100");
        assert_eq!(format_number(0.025), "0.025");
        assert_eq!(format_number(-0.0), "0");
        assert_eq!(format_number(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(format_number(4_294_967_295.0), "4294967295");
    }
}
