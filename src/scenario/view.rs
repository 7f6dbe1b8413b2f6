//! View keys (`lang`, `tab`, `embed`, `controls`): how the explorer shows a scenario. They are
//! not part of the model; the CLI ignores them.

use super::keys::Key;
use crate::i18n::Lang;

/// The chart shown (the `tab` view key).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Tab {
    /// Monthly revenue, mining versus AI, plan against baseline.
    #[default]
    Revenue,
    /// Cumulative cash flow, plan versus baseline.
    Cash,
    /// Hashprice and BTC price.
    Hashprice,
    /// Sensitivity of the NPV advantage (tornado).
    Sensitivity,
    /// NPV advantage over BTC price × AI rate.
    Map,
    /// Monte Carlo fan of monthly revenue.
    Fan,
}

impl Tab {
    /// Every tab in display order.
    pub const ALL: [Tab; 6] = [
        Tab::Revenue,
        Tab::Cash,
        Tab::Hashprice,
        Tab::Sensitivity,
        Tab::Map,
        Tab::Fan,
    ];

    /// URL spelling, also the chart's `data-chart` name.
    pub fn name(self) -> &'static str {
        match self {
            Tab::Revenue => "revenue",
            Tab::Cash => "cash",
            Tab::Hashprice => "hashprice",
            Tab::Sensitivity => "sensitivity",
            Tab::Map => "map",
            Tab::Fan => "fan",
        }
    }

    /// Tab caption.
    pub fn title(self) -> &'static str {
        match self {
            Tab::Revenue => "Revenue",
            Tab::Cash => "Cumulative cash",
            Tab::Hashprice => "Hashprice",
            Tab::Sensitivity => "Sensitivity",
            Tab::Map => "Break-even map",
            Tab::Fan => "Monte Carlo",
        }
    }

    fn from_name(name: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// The view state carried in the URL beside the scenario.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct View {
    /// Interface language, `en` (default) or `it`.
    pub lang: Lang,
    /// The chart shown.
    pub tab: Tab,
    /// Compact page for iframes.
    pub embed: bool,
    /// In embed mode, the keys whose controls are shown (`None`: none).
    pub controls: Option<Vec<Key>>,
}

impl View {
    /// Whether `name` is a view key.
    pub fn is_view_key(name: &str) -> bool {
        matches!(name, "lang" | "tab" | "embed" | "controls")
    }

    /// Reads the view keys, warning about unknown values.
    pub(super) fn parse(pairs: &[(String, String)], warnings: &mut Vec<String>) -> View {
        let mut view = View::default();
        for (name, value) in pairs {
            let value = value.trim();
            match name.as_str() {
                "lang" => match value {
                    "en" => view.lang = Lang::En,
                    "it" => view.lang = Lang::It,
                    _ => warnings.push("`lang`: only en and it are available; using en.".into()),
                },
                "tab" => match Tab::from_name(value) {
                    Some(t) => view.tab = t,
                    None => warnings.push(format!(
                        "`tab`: no chart is called “{value}”; showing {}.",
                        Tab::default().name()
                    )),
                },
                "embed" => match value {
                    "1" | "true" => view.embed = true,
                    "0" | "false" | "" => view.embed = false,
                    _ => warnings.push("`embed` takes 0 or 1; showing the full page.".into()),
                },
                _ => view.controls = Some(parse_controls(value, warnings)),
            }
        }
        view
    }

    /// The view keys that differ from their defaults, as `&key=value` pairs.
    pub fn query_suffix(&self) -> String {
        let mut q = String::new();
        if self.lang == Lang::It {
            q.push_str("&lang=it");
        }
        if self.tab != Tab::default() {
            q.push_str("&tab=");
            q.push_str(self.tab.name());
        }
        if self.embed {
            q.push_str("&embed=1");
        }
        if let Some(keys) = &self.controls {
            q.push_str("&controls=");
            if keys.is_empty() {
                q.push('0');
            } else {
                let names: Vec<_> = keys.iter().map(|k| k.name()).collect();
                q.push_str(&names.join(","));
            }
        }
        q
    }
}

fn parse_controls(value: &str, warnings: &mut Vec<String>) -> Vec<Key> {
    if value == "0" || value.is_empty() {
        return Vec::new();
    }
    let mut keys = Vec::new();
    for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match Key::from_name(&name.to_ascii_lowercase()) {
            Some(k) if !keys.contains(&k) => keys.push(k),
            Some(_) => {}
            None => warnings.push(format!("`controls`: no control is called “{name}”.")),
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::super::codec::parse;
    use super::*;

    #[test]
    fn view_keys_round_trip() {
        let p = parse("tab=cash&embed=1&lang=it&controls=btc,power,btc");
        assert_eq!(p.view.tab, Tab::Cash);
        assert!(p.view.embed && p.view.lang == Lang::It);
        assert_eq!(p.view.controls, Some(vec![Key::Btc, Key::Power]));
        assert_eq!(
            p.view.query_suffix(),
            "&lang=it&tab=cash&embed=1&controls=btc,power"
        );
        assert_eq!(parse(&p.view.query_suffix()).view, p.view);
        assert_eq!(parse("controls=0").view.controls, Some(vec![]));
    }

    #[test]
    fn bad_view_values_warn_separately() {
        let p = parse("tab=pie&embed=maybe&lang=fr&controls=btc,nope");
        assert_eq!(
            p.view,
            View {
                controls: Some(vec![Key::Btc]),
                ..View::default()
            }
        );
        assert_eq!(p.view_warnings.len(), 4);
        assert!(p.warnings.is_empty());
    }
}
