//! The URL codec of ECONOMICS.md §1: any string → a scenario, view keys and warnings; a scenario →
//! its canonical query.
//!
//! Parsing is total: it never fails and never panics. Each problem adds one warning that names
//! the key, and parsing goes on with a safe value.

use super::keys::{Key, Kind, KEY_COUNT};
use super::month::YearMonth;
use super::presets::Preset;
use super::view::View;
use super::Scenario;

/// Longest input read, in bytes (8 KiB); the rest is cut with a warning.
pub const MAX_INPUT: usize = 8 * 1024;

/// Longest excerpt of a bad value quoted back in a warning, in characters.
const QUOTE_CHARS: usize = 24;

/// The result of parsing a query: never fails.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The scenario, every value finite and in bounds.
    pub scenario: Scenario,
    /// The view keys (`lang`, `tab`, `embed`, `controls`).
    pub view: View,
    /// One human-readable sentence per problem with a model key, `v` or `preset`.
    pub warnings: Vec<String>,
    /// Problems with view keys: shown by the explorer, ignored by the CLI.
    pub view_warnings: Vec<String>,
}

/// Parses a query string, `?query`, or a whole URL (`https://host/path?query#fragment`).
pub fn parse(input: &str) -> Parsed {
    let mut warnings = Vec::new();
    let mut view_warnings = Vec::new();
    let query = query_part(cut(input, &mut warnings));

    let mut raw: [Option<String>; KEY_COUNT] = std::array::from_fn(|_| None);
    let mut seen = [0u32; KEY_COUNT];
    let mut preset: Option<String> = None;
    let mut view_pairs = Vec::new();
    for (name, value) in form_urlencoded::parse(query.as_bytes()) {
        let name = name.trim().to_string();
        if name.is_empty() {
            if !value.is_empty() {
                warnings.push(format!(
                    "A value without a key ({}) was ignored.",
                    quote(&value)
                ));
            }
            continue;
        }
        match name.as_str() {
            "v" => check_version(&value, &mut warnings),
            "preset" => preset = Some(value.into_owned()),
            _ if View::is_view_key(&name) => view_pairs.push((name, value.into_owned())),
            _ => match Key::from_name(&name) {
                Some(key) => {
                    seen[key as usize] += 1;
                    raw[key as usize] = Some(value.into_owned());
                }
                None => warnings.push(unknown_key(&name)),
            },
        }
    }

    let mut scenario = Scenario::default();
    if let Some(id) = preset {
        match Preset::find(id.trim()) {
            Some(p) => scenario = p.scenario(),
            None => warnings.push(format!(
                "`preset`: unknown preset {}; known presets are {}.",
                quote(&id),
                super::presets::PRESETS.map(|p| p.id).join(", ")
            )),
        }
    }
    for key in Key::all() {
        if let Some(text) = &raw[key as usize] {
            if seen[key as usize] > 1 {
                warnings.push(format!(
                    "`{}` was given {} times; the last value ({}) is used.",
                    key.name(),
                    seen[key as usize],
                    quote(text)
                ));
            }
            apply(&mut scenario, key, text, &mut warnings);
        }
    }
    let view = View::parse(&view_pairs, &mut view_warnings);
    Parsed {
        scenario,
        view,
        warnings,
        view_warnings,
    }
}

/// The canonical query: `v=1` then every key that differs from its default, in table order.
pub fn canonical_query(s: &Scenario) -> String {
    let mut q = String::from("v=1");
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

/// The shortest decimal text that parses back to the same `f64`, without exponent or trailing
/// `.0` (`2.5`, `100`, `0.025`).
pub fn format_number(v: f64) -> String {
    format!("{}", v + 0.0)
}

/// Reads one key's text into the scenario, warning about each problem.
pub(crate) fn apply(s: &mut Scenario, key: Key, text: &str, warnings: &mut Vec<String>) {
    let name = key.name();
    let text = text.trim();
    let fallback = s.value_text(key);
    if text.is_empty() {
        warnings.push(format!("`{name}` is empty; using {fallback}."));
        return;
    }
    let value = match key.def().kind {
        Kind::Month => match YearMonth::parse(text) {
            Some(m) => f64::from(m.index()),
            None => {
                warnings.push(format!(
                    "`{name}`: {} is not a month (YYYY-MM); using {fallback}.",
                    quote(text)
                ));
                return;
            }
        },
        Kind::AiModel => match text {
            "gpu" => 0.0,
            "colo" => 1.0,
            _ => {
                warnings.push(format!(
                    "`{name}`: {} is neither gpu nor colo (lower case); using {fallback}.",
                    quote(text)
                ));
                return;
            }
        },
        Kind::Real | Kind::Integer | Kind::Toggle => match number(key, text) {
            Ok(v) => v,
            Err(why) => {
                warnings.push(format!(
                    "`{name}`: {} {why}; using {fallback}.",
                    quote(text)
                ));
                return;
            }
        },
    };
    let whole = matches!(key.def().kind, Kind::Integer | Kind::Toggle);
    let value = if whole && value.fract() != 0.0 {
        let rounded = value.round();
        warnings.push(format!(
            "`{name}`: {} is not a whole number; rounded to {}.",
            quote(text),
            format_number(rounded)
        ));
        rounded
    } else {
        value
    };
    let (lo, hi) = s.bounds(key);
    let shown = |v: f64| match key.def().kind {
        Kind::Month => YearMonth::from_index(v as i32).to_string(),
        _ => format_number(v),
    };
    let unit = match key.def().unit {
        "" => String::new(),
        u => format!(" {u}"),
    };
    if value < lo {
        let what = if key == Key::Cstart {
            "before `start`"
        } else {
            "below the minimum"
        };
        warnings.push(format!(
            "`{name}`: {} is {what} {}{unit}; using {}.",
            shown(value),
            shown(lo),
            shown(lo)
        ));
    } else if value > hi {
        warnings.push(format!(
            "`{name}`: {} is above the maximum {}{unit}; using {}.",
            shown(value),
            shown(hi),
            shown(hi)
        ));
    }
    s.set(key, value);
}

/// A number, or why the text is not one.
fn number(key: Key, text: &str) -> Result<f64, &'static str> {
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_) => Err("is not a finite number"),
        Err(_) if key.def().kind == Kind::Toggle => Err("is not 0 or 1"),
        Err(_) => Err("is not a number"),
    }
}

/// The warning for a key that is not a key; names are lower case, so a key in other case gets
/// a hint.
fn unknown_key(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    let known = Key::from_name(&lower).is_some()
        || matches!(lower.as_str(), "v" | "preset")
        || View::is_view_key(&lower);
    if known && lower != name {
        format!(
            "Unknown key `{}` was ignored (keys are lower case: `{lower}`).",
            clip(name)
        )
    } else {
        format!("Unknown key `{}` was ignored.", clip(name))
    }
}

fn check_version(value: &str, warnings: &mut Vec<String>) {
    match value.trim().parse::<f64>() {
        Ok(1.0) => {}
        Ok(v) if v > 1.0 => warnings.push(format!(
            "`v`: this link was made by a newer version of HashShift (v={}); its keys were read as v1.",
            clip(value.trim())
        )),
        _ => warnings.push(format!(
            "`v`: unknown schema version {}; keys were read as v1.",
            quote(value)
        )),
    }
}

/// Cuts the input to [`MAX_INPUT`] bytes on a character boundary.
fn cut<'a>(input: &'a str, warnings: &mut Vec<String>) -> &'a str {
    if input.len() <= MAX_INPUT {
        return input;
    }
    let mut end = MAX_INPUT;
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    warnings.push(format!(
        "The link is {} bytes long; only its first 8 KiB were read.",
        input.len()
    ));
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

/// A value quoted back to the user, shortened when long.
fn quote(text: &str) -> String {
    format!("“{}”", clip(text))
}

fn clip(text: &str) -> String {
    if text.chars().count() <= QUOTE_CHARS {
        text.to_string()
    } else {
        let head: String = text.chars().take(QUOTE_CHARS).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warn_count(q: &str) -> usize {
        parse(q).warnings.len()
    }

    #[test]
    fn defaults_have_the_bare_canonical_query() {
        let p = parse("");
        assert_eq!(p.scenario, Scenario::default());
        assert!(p.warnings.is_empty());
        assert_eq!(canonical_query(&p.scenario), "v=1");
    }

    #[test]
    fn canonical_query_lists_changed_keys_in_table_order() {
        let p = parse("gpu=2.750&mw=18&v=1&start=2027-03&ai=colo");
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
        assert_eq!(
            canonical_query(&p.scenario),
            "v=1&start=2027-03&mw=18&ai=colo&gpu=2.75"
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
        assert_eq!(p.warnings.len(), 8, "{:#?}", p.warnings);
        let s = p.scenario;
        assert_eq!(s.get(Key::Mw), 100.0);
        assert_eq!(s.get(Key::Power), 45.0);
        assert_eq!(s.get(Key::Btc), 90_000.0);
        assert_eq!(s.get(Key::Hr), 1100.0);
        assert_eq!(s.get(Key::Years), 8.0);
        assert_eq!(s.get(Key::Jth), 5.0);
        assert_eq!(s.get(Key::Uptime), 100.0);
        for (w, key) in p
            .warnings
            .iter()
            .zip(["foo", "years", "mw", "power", "btc", "hr", "jth", "uptime"])
        {
            assert!(w.contains(key), "{w} should name {key}");
        }
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
        assert_eq!(p.warnings.len(), 1);
        assert!(p.warnings[0].contains("cstart"));
        let p = parse("cstart=2027-06&start=2026-03");
        assert_eq!(p.scenario.month(Key::Cstart), YearMonth::new(2027, 6));
        assert_eq!(
            canonical_query(&p.scenario),
            "v=1&start=2026-03&cstart=2027-06"
        );
    }

    #[test]
    fn repeated_key_last_wins_with_a_warning() {
        let p = parse("mw=10&mw=20");
        assert_eq!(p.scenario.get(Key::Mw), 20.0);
        assert_eq!(p.warnings.len(), 1);
    }

    #[test]
    fn newer_versions_and_unknown_presets_warn() {
        assert_eq!(warn_count("v=2&mw=10"), 1);
        assert_eq!(warn_count("v=banana"), 1);
        assert_eq!(warn_count("v=1"), 0);
        assert_eq!(warn_count("preset=nope"), 1);
    }

    #[test]
    fn preset_is_applied_before_other_keys_wherever_it_stands() {
        let p = parse("btc=80000&preset=bitfarms-wa");
        assert!(p.warnings.is_empty());
        assert_eq!(
            canonical_query(&p.scenario),
            "v=1&mw=18&btc=80000&cbuild=11&capex=8.9"
        );
    }

    #[test]
    fn view_keys_are_not_model_warnings() {
        let p = parse("tab=cash&embed=1&lang=it&controls=btc,power");
        assert!(p.warnings.is_empty());
        assert!(p.view_warnings.is_empty());
    }

    #[test]
    fn long_input_is_cut_on_a_char_boundary() {
        let long = format!("mw=18&x={}", "é".repeat(5000));
        let p = parse(&long);
        assert_eq!(p.scenario.get(Key::Mw), 18.0);
        assert!(p.warnings.iter().any(|w| w.contains("8 KiB")));
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
        assert!(words.warnings[0].contains("is not 0 or 1"));
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
    fn keys_and_enum_values_are_lower_case() {
        let p = parse("MW=18&ai=COLO");
        assert_eq!(p.scenario, Scenario::default());
        assert_eq!(p.warnings.len(), 2);
        assert!(
            p.warnings[0].contains("`MW`") && p.warnings[0].contains("`mw`"),
            "{}",
            p.warnings[0]
        );
        assert!(p.warnings[1].contains("`ai`"));
        assert!(!parse("Zap=1").warnings[0].contains("lower case"));
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
