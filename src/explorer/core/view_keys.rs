//! The view keys (`lang`, `tab`, `embed`, `controls`, `cmp`, `theme`, `story`, `step`): how the
//! explorer shows a scenario. They are not part of the model; the codec hands them over and the CLI ignores them.

use super::story::{self, StoryAt};
use crate::charts::ChartId;
use crate::i18n::{warning_quote, WarningText};
use crate::i18n::{Lang, Msg, Voice};
use crate::scenario::{canonical_query, parse, Key, Scenario, Warning};

/// The view state carried in the URL beside the scenario.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct View {
    /// Interface language.
    pub lang: Lang,
    /// The chart shown (`tab`).
    pub tab: ChartId,
    /// Compact page for iframes.
    pub embed: bool,
    /// In embed mode, the keys whose controls are shown (`None`: none; never empty).
    pub controls: Option<Vec<Key>>,
    /// The pinned scenario the page compares with (`cmp`, its canonical query).
    pub cmp: Option<Scenario>,
    /// Light, dark, or the system's choice (`theme`).
    pub theme: Theme,
    /// The story open and its step (`story`, `step`): the page shows that step's scenario.
    pub story: Option<StoryAt>,
}

/// The `theme` view key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the system (`prefers-color-scheme`).
    #[default]
    Auto,
    /// Dark text on light.
    Light,
    /// Light text on dark.
    Dark,
}

impl Theme {
    /// Every theme, as the URL names them.
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// The URL word (`theme=dark`).
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Whether the page is dark, given whether the system asks for dark.
    pub fn dark(self, system_dark: bool) -> bool {
        match self {
            Theme::Auto => system_dark,
            Theme::Light => false,
            Theme::Dark => true,
        }
    }
}

/// A problem with a view key: shown by the explorer, ignored by the CLI.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewWarning {
    /// `lang` names no language.
    Lang(String),
    /// `tab` names no chart.
    Tab(String),
    /// `embed` is not 0 or 1.
    Embed,
    /// `controls` names no key.
    Controls(String),
    /// `cmp` holds a scenario with these problems; its safe values are used.
    Compare(Vec<Warning>),
    /// `theme` names no theme.
    Theme(String),
    /// `story` names no story.
    Story(String),
    /// `step` (its text) is not a step of the story, which has this many; the step shown.
    Step(String, usize, usize),
}

/// A warning the page shows: about the link's model keys or its view keys.
#[derive(Clone, Debug, PartialEq)]
pub enum PageWarning {
    /// From the codec (model keys, `v`, `preset`).
    Link(Warning),
    /// From the view keys.
    View(ViewWarning),
}

impl PageWarning {
    /// The warning as a sentence said in `voice`.
    pub fn said(&self, voice: Voice) -> String {
        match self {
            PageWarning::Link(w) => w.said(voice),
            PageWarning::View(w) => w.said(voice),
        }
    }
}

impl ViewWarning {
    /// The warning as a sentence said in `voice`.
    pub fn said(&self, voice: Voice) -> String {
        let lang = voice.lang;
        match self {
            ViewWarning::Lang(value) => {
                let known: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
                voice.fill(
                    Msg::WarnLang,
                    &[
                        ("value", &warning_quote(value)),
                        ("known", &known.join(", ")),
                        ("fallback", Lang::default().code()),
                    ],
                )
            }
            ViewWarning::Tab(value) => voice.fill(
                Msg::WarnTab,
                &[
                    ("value", &warning_quote(value)),
                    (
                        "fallback",
                        &warning_quote(lang.t(ChartId::default().def().title)),
                    ),
                ],
            ),
            ViewWarning::Embed => voice.fill(Msg::WarnEmbed, &[]),
            ViewWarning::Controls(value) => {
                voice.fill(Msg::WarnControls, &[("value", &warning_quote(value))])
            }
            ViewWarning::Compare(problems) => {
                let said: Vec<String> = problems.iter().map(|w| w.said(voice)).collect();
                voice.fill(Msg::WarnCompare, &[("problems", &said.join(" "))])
            }
            ViewWarning::Theme(value) => {
                let known: Vec<&str> = Theme::ALL.iter().map(|t| t.name()).collect();
                voice.fill(
                    Msg::WarnTheme,
                    &[
                        ("value", &warning_quote(value)),
                        ("known", &known.join(", ")),
                    ],
                )
            }
            ViewWarning::Story(value) => {
                voice.fill(Msg::WarnStory, &[("value", &warning_quote(value))])
            }
            ViewWarning::Step(value, steps, shown) => voice.fill(
                Msg::WarnStep,
                &[
                    ("value", &warning_quote(value)),
                    ("n", &steps.to_string()),
                    ("step", &shown.to_string()),
                ],
            ),
        }
    }
}

impl View {
    /// Reads the view keys handed over by the codec, warning about unknown values.
    pub fn parse(pairs: &[(String, String)], warnings: &mut Vec<ViewWarning>) -> View {
        let mut view = View::default();
        let mut step = None;
        for (name, value) in pairs {
            let value = value.trim();
            match name.as_str() {
                "lang" => match Lang::from_code(value) {
                    Some(lang) => view.lang = lang,
                    None => warnings.push(ViewWarning::Lang(value.to_string())),
                },
                "tab" => match ChartId::from_name(value) {
                    Some(t) => view.tab = t,
                    None => warnings.push(ViewWarning::Tab(value.to_string())),
                },
                "embed" => match value {
                    "1" | "true" => view.embed = true,
                    "0" | "false" | "" => view.embed = false,
                    _ => warnings.push(ViewWarning::Embed),
                },
                "controls" => view.controls = parse_controls(value, warnings),
                "cmp" => {
                    let pinned = parse(value);
                    if !pinned.warnings.is_empty() {
                        warnings.push(ViewWarning::Compare(pinned.warnings));
                    }
                    view.cmp = Some(pinned.scenario);
                }
                "theme" => match Theme::ALL.into_iter().find(|t| t.name() == value) {
                    Some(t) => view.theme = t,
                    None => warnings.push(ViewWarning::Theme(value.to_string())),
                },
                "story" => match story::ids().find(|&id| id == value) {
                    Some(id) => view.story = Some(StoryAt { id, step: 1 }),
                    None => warnings.push(ViewWarning::Story(value.to_string())),
                },
                "step" => step = Some(value),
                _ => {}
            }
        }
        // A step out of range shows the nearest; `step` without a story means nothing.
        if let (Some(at), Some(text)) = (&mut view.story, step) {
            let steps = at.story(view.lang).map_or(1, |s| s.steps.len());
            let asked = text.parse::<usize>().ok();
            at.step = asked.unwrap_or(1).clamp(1, steps);
            if asked != Some(at.step) {
                warnings.push(ViewWarning::Step(text.to_string(), steps, at.step));
            }
        }
        view
    }

    /// The view keys that differ from their defaults, as `&key=value` pairs.
    pub fn query_suffix(&self) -> String {
        let mut q = String::new();
        if self.lang != Lang::default() {
            q.push_str("&lang=");
            q.push_str(self.lang.code());
        }
        if self.tab != ChartId::default() {
            q.push_str("&tab=");
            q.push_str(self.tab.name());
        }
        if self.embed {
            q.push_str("&embed=1");
        }
        if let Some(keys) = &self.controls {
            let names: Vec<_> = keys.iter().map(|k| k.name()).collect();
            q.push_str("&controls=");
            q.push_str(&names.join(","));
        }
        if let Some(pinned) = &self.cmp {
            q.push_str("&cmp=");
            q.extend(form_urlencoded::byte_serialize(
                canonical_query(pinned).as_bytes(),
            ));
        }
        if self.theme != Theme::default() {
            q.push_str("&theme=");
            q.push_str(self.theme.name());
        }
        if let Some(at) = self.story {
            q.push_str(&format!("&story={}&step={}", at.id, at.step));
        }
        q
    }
}

fn parse_controls(value: &str, warnings: &mut Vec<ViewWarning>) -> Option<Vec<Key>> {
    if value == "0" || value.is_empty() {
        return None;
    }
    let mut keys = Vec::new();
    for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match Key::from_name(&name.to_ascii_lowercase()) {
            Some(k) if !keys.contains(&k) => keys.push(k),
            Some(_) => {}
            None => warnings.push(ViewWarning::Controls(name.to_string())),
        }
    }
    (!keys.is_empty()).then_some(keys)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::parse;

    fn view(q: &str) -> (View, Vec<ViewWarning>) {
        let mut warnings = Vec::new();
        (View::parse(&parse(q).view, &mut warnings), warnings)
    }

    #[test]
    fn view_keys_round_trip() {
        let (v, w) = view("theme=dark&tab=cash&embed=1&lang=it&controls=btc,power,btc");
        assert!(w.is_empty());
        assert_eq!(v.tab, ChartId::Cash);
        assert!(v.embed && v.lang == Lang::It);
        assert_eq!(v.controls, Some(vec![Key::Btc, Key::Power]));
        assert_eq!(v.theme, Theme::Dark);
        assert_eq!(
            v.query_suffix(),
            "&lang=it&tab=cash&embed=1&controls=btc,power&theme=dark"
        );
        assert!(Theme::Dark.dark(false) && !Theme::Light.dark(true) && Theme::Auto.dark(true));
        assert_eq!(view("theme=auto").0.query_suffix(), "");
        assert_eq!(view(&v.query_suffix()).0, v);
        // No control is the default: `controls=0`, or naming none that exists, is no key.
        assert_eq!(view("controls=0").0.controls, None);
        let (v, w) = view("controls=zzz,nope");
        assert_eq!(
            (&v.controls, v.query_suffix(), w.len()),
            (&None, String::new(), 2)
        );
    }

    #[test]
    fn a_pinned_scenario_travels_percent_encoded() {
        let (v, w) = view("cmp=v%3D3%26mw%3D18%26gpu%3D3");
        assert!(w.is_empty());
        let pinned = v.cmp.unwrap();
        assert_eq!(canonical_query(&pinned), "v=3&mw=18&gpu=3");
        let suffix = View {
            cmp: Some(pinned),
            ..View::default()
        }
        .query_suffix();
        assert_eq!(suffix, "&cmp=v%3D3%26mw%3D18%26gpu%3D3");
        // An old link pinned as A is migrated like any other.
        let (v, _) = view("cmp=v%3D1%26mw%3D18");
        assert!(canonical_query(&v.cmp.unwrap()).contains("tv=book"));
        let (v, _) = view("cmp=v%3D2%26mw%3D18");
        assert_eq!(
            canonical_query(&v.cmp.unwrap()),
            "v=3&mw=18&btc=65000&hr=890&fee=0.02&cterm=0&mc=0&aivol=0"
        );
        let (_, w) = view("cmp=mw%3Dlots");
        assert_eq!(
            w[0].said(Voice::plain(Lang::En)),
            "`cmp`, the pinned scenario A: `mw`: “lots” is not a number; using 100."
        );
    }

    #[test]
    fn a_story_opens_at_a_step_in_range() {
        let (v, w) = view("step=03&story=contracts");
        assert_eq!(
            (v.story, w),
            (
                Some(StoryAt {
                    id: "contracts",
                    step: 3
                }),
                vec![]
            )
        );
        assert_eq!(v.query_suffix(), "&story=contracts&step=3");
        assert_eq!(view("story=contracts").0.story.unwrap().step, 1);
        // `step` alone means nothing.
        assert_eq!(view("step=2"), (View::default(), vec![]));
        let said = |q: &str, lang| {
            let (v, w) = view(q);
            (v.story.map(|at| at.step), w[0].said(Voice::plain(lang)))
        };
        assert_eq!(
            said("story=contracts&step=99", Lang::En),
            (
                Some(6),
                "`step`: “99” is not a step of this story (1–6); showing step 6.".into()
            )
        );
        assert_eq!(
            said("story=contracts&step=x&lang=it", Lang::It),
            (
                Some(1),
                "`step`: “x” non è un passo di questa storia (1–6); si mostra il passo 1.".into()
            )
        );
        assert_eq!(
            said("story=nope&step=2", Lang::En),
            (
                None,
                "`story`: no story is called “nope”; showing the explorer.".into()
            )
        );
    }

    #[test]
    fn bad_view_values_warn_and_keep_defaults() {
        let (v, w) = view("tab=pie&embed=maybe&lang=fr&controls=btc,nope&theme=sepia");
        assert_eq!(
            v,
            View {
                controls: Some(vec![Key::Btc]),
                ..View::default()
            }
        );
        let texts: Vec<String> = w.iter().map(|w| w.said(Voice::plain(Lang::En))).collect();
        assert_eq!(
            texts,
            [
                "`tab`: no chart is called “pie”; showing “Revenue”.",
                "`embed` takes 0 or 1; showing the full page.",
                "`lang`: “fr” is not a language here (en, it); using en.",
                "`controls`: no control is called “nope”.",
                "`theme`: “sepia” is not a theme here (auto, light, dark); following the system.",
            ]
        );
        assert_eq!(
            w[0].said(Voice::plain(Lang::It)),
            "`tab`: nessun grafico si chiama “pie”; si mostra “Ricavi”."
        );
    }
}
