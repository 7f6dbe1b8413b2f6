//! The stories (`stories/*.md`) read, name only fields of the CLI's report, and say what their
//! step's numbers make true: each claim a sentence relies on ("converting wins", "on most
//! paths", "a third less") is checked here on the CLI's JSON report of that step's query, so
//! that a model change that breaks a story's argument fails a test.

use hashshift::charts::ChartId;
use hashshift::explorer::core::story::{ids, parse as parse_story, story, Piece, Story, STORIES};
use hashshift::explorer::core::View;
use hashshift::explorer::view::story::source;
use hashshift::explorer::{start, update, Action, Effect, State, UrlWrite};
use hashshift::i18n::Lang;
use hashshift::report::json_of;
use hashshift::scenario::{parse, Key, Preset};
use serde_json::Value;

/// Each story's claims, per step (1-based): `A op B`, `op` one of `<`, `>`, `=`; a term is a
/// number, a word or date (compared as text), a field of this step's report (`npv_advantage`,
/// `plan.npv`, `prob_plan_better`), another step's (`@7.npv_advantage`), or `k*` a field.
const CLAIMS: &[(&str, &[(usize, &str)])] = &[
    (
        "mining-or-ai",
        &[
            // "covers its power while power costs less than {…}. It pays $45."
            (1, "mining_breakeven_power > 45"),
            // "the next halving comes in {…}" (the 2028 halving); the fleet goes dark after it.
            (2, "next_halving > 2028-01-01"),
            (2, "next_halving < 2029-01-01"),
            (2, "baseline_dark_month > 2028-04-17"),
            (2, "baseline.npv > 0"),
            // Bitfarms: the merchant plan loses, and needs more than its $2.50 to break even.
            (3, "npv_advantage < 0"),
            (3, "breakeven_ai_rate > 2.5"),
            // IREN: the contract wins, the rate could fall below its $2.03, and the terminal
            // value is "more than all of it".
            (4, "npv_advantage > 0"),
            (4, "breakeven_ai_rate < 2.03"),
            (4, "npv_advantage_terminal > npv_advantage"),
            // The lease wins; the rent could fall below its $121.
            (5, "npv_advantage > 0"),
            (5, "breakeven_ai_rate < 121"),
            // Four tranches: more than converting at once (step 7's site), a third less cash.
            (6, "npv_advantage > @7.npv_advantage"),
            (6, "peak_funding_usd < 0.7*@7.peak_funding_usd"),
            (6, "peak_funding_usd > 0.6*@7.peak_funding_usd"),
            // Selling beats both, on most paths (Italian: "nella maggior parte").
            (7, "best_choice = sell"),
            (7, "npv_sell > plan.npv"),
            (7, "npv_sell > baseline.npv"),
            (7, "best_sell > 0.5"),
        ],
    ),
    (
        "contracts",
        &[
            // Merchant GPUs lose, on most paths, and the fan spans both signs.
            (1, "npv_advantage < 0"),
            (1, "prob_plan_better < 0.5"),
            (1, "npv_advantage_p10 < 0"),
            (1, "npv_advantage_p90 > 0"),
            // Five years fixed: worth more than nothing, yet "only" a minority of paths.
            (2, "npv_advantage > 0"),
            (2, "prob_plan_better < 0.5"),
            // Ten years: wins on most paths, and is the best choice (mining-or-ai's last
            // step: "converting wins where a longer contract or a lease fixes the price").
            (3, "npv_advantage > @2.npv_advantage"),
            (3, "prob_plan_better > 0.5"),
            (3, "best_choice = convert"),
            // The lease: wins "almost always" (Italian: "quasi sempre").
            (4, "npv_advantage > 0"),
            (4, "prob_plan_better > 0.8"),
            (4, "best_choice = convert"),
            // Debt: the value and the project's return stay, the owners put in less and earn
            // more, and the first year of repayments is not covered.
            (5, "npv_advantage = @4.npv_advantage"),
            (5, "irr_incremental = @4.irr_incremental"),
            (5, "peak_equity_usd < peak_funding_usd"),
            (5, "equity_irr > irr_incremental"),
            (5, "min_dscr < 1"),
            (5, "min_dscr_year = 2028"),
            // Debt on merchant GPUs: the project earns less than the debt's 8 %, the owners'
            // return falls, the cover is short.
            (6, "irr_incremental < 0.08"),
            (6, "equity_irr < irr_incremental"),
            (6, "min_dscr < 1"),
        ],
    ),
];

/// The CLI's JSON report of each step of `story`.
fn reports(story: &Story) -> Vec<Value> {
    (story.steps.iter())
        .map(|step| serde_json::from_str(&json_of(step.query, &[])).unwrap())
        .collect()
}

/// Field `name` of a report: of its `summary` (`plan.npv` its plan's) or its `monte_carlo`.
fn field<'a>(report: &'a Value, name: &str) -> Option<&'a Value> {
    let summary = name
        .split('.')
        .try_fold(&report["summary"], |v, k| v.get(k));
    summary.or_else(|| report["monte_carlo"].get(name))
}

/// A claim's term on step `at` (0-based) of `reports`.
fn term(term: &str, reports: &[Value], at: usize) -> Value {
    if let Some((k, rest)) = term.split_once('*') {
        let k: f64 = k.parse().unwrap();
        return Value::from(k * term_number(rest, reports, at));
    }
    if let Ok(x) = term.parse::<f64>() {
        return Value::from(x);
    }
    let (at, name) = match term.strip_prefix('@').and_then(|t| t.split_once('.')) {
        Some((step, name)) => (step.parse::<usize>().unwrap() - 1, name),
        None => (at, term),
    };
    match field(&reports[at], name) {
        Some(v) => v.clone(),
        // Not a field: a word or a date, as text.
        None if name.chars().all(|c| c.is_ascii_lowercase()) || name.starts_with("20") => {
            Value::from(name)
        }
        None => panic!("{name} is no field of the report"),
    }
}

fn term_number(t: &str, reports: &[Value], at: usize) -> f64 {
    term(t, reports, at).as_f64().unwrap_or(f64::NAN)
}

#[test]
fn every_claim_a_story_makes_is_true_of_its_steps() {
    for (id, claims) in CLAIMS {
        let s = story(id, Lang::En).unwrap();
        let reports = reports(&s);
        for (step, claim) in *claims {
            let [a, op, b] = claim.split(' ').collect::<Vec<_>>()[..] else {
                panic!("{claim}: `A op B`")
            };
            let (a, b) = (term(a, &reports, step - 1), term(b, &reports, step - 1));
            let holds = match (a.as_f64(), b.as_f64()) {
                (Some(x), Some(y)) => match op {
                    "<" => x < y,
                    ">" => x > y,
                    _ => x == y,
                },
                _ => {
                    let (x, y) = (
                        a.as_str().map(str::to_string),
                        b.as_str().map(str::to_string),
                    );
                    let (x, y) = (x.unwrap_or(a.to_string()), y.unwrap_or(b.to_string()));
                    match op {
                        "<" => x < y,
                        ">" => x > y,
                        _ => x == y,
                    }
                }
            };
            assert!(holds, "{id} step {step}: `{claim}` is false ({a} {op} {b})");
        }
    }
}

#[test]
fn every_number_a_story_names_is_a_field_of_the_cli_report_and_not_null() {
    for id in ids() {
        let s = story(id, Lang::En).unwrap();
        let reports = reports(&s);
        for lang in Lang::ALL {
            let s = story(id, lang).unwrap();
            for (i, step) in s.steps.iter().enumerate() {
                for name in step.fields() {
                    let value = field(&reports[i], name);
                    assert!(
                        value.is_some_and(|v| !v.is_null()),
                        "{id}.{} step {}: {{{name}}} names no field of the CLI's summary or monte_carlo, or it is null",
                        lang.code(),
                        i + 1
                    );
                }
            }
        }
    }
}

/// What is malformed in a story's file (the format of `stories/README.md`), which the page's
/// lenient reading would show as it stands: an unreadable file, a stray brace or bracket, a
/// heading or comment inside a step's text, an empty part, a link to nowhere.
fn problems(src: &'static str) -> Vec<String> {
    let Some(s) = parse_story("t", src) else {
        return vec!["no `# Title`, no step, or a step without `<!-- scenario: QUERY -->`".into()];
    };
    let mut found = Vec::new();
    let mut say = |what: &str, at: &str| found.push(format!("{what}: {at:?}"));
    if s.title.is_empty() || s.title.contains('\n') {
        say("the title is one line, then `## Heading`", s.title);
    }
    for step in &s.steps {
        if step.heading.contains(['<', '&']) {
            say("a heading holds no `<` or `&`", step.heading);
        }
        if step.heading.is_empty() || step.query.is_empty() || step.text.is_empty() {
            say(
                "a step has a heading, a scenario and a paragraph",
                step.heading,
            );
        }
        for piece in step.pieces() {
            match piece {
                Piece::Text(t) => {
                    if t.contains(['{', '}', '[', ']']) {
                        say(
                            "a brace or bracket opens no `{field}` or `[label](href)`",
                            t,
                        );
                    }
                    // The page writes the text as HTML, unescaped.
                    if t.contains(['<', '&']) {
                        say("the text holds no `<` or `&`", t);
                    }
                    if t.lines().any(|l| l.trim_start().starts_with('#')) {
                        say("a step's text holds no other heading or comment", t);
                    }
                }
                Piece::Field(f) => {
                    let known = |c: char| c.is_ascii_lowercase() || "_.0123456789".contains(c);
                    if f.is_empty() || !f.chars().all(known) {
                        say("a field is a lower-case name", f);
                    }
                }
                Piece::Break => {}
                Piece::Link(label, href) => {
                    let preset = href.strip_prefix("preset:").map(Preset::find);
                    let sourced = preset.is_some_and(|p| p.is_some_and(|p| p.source.is_some()));
                    let plain = !label.contains(['<', '&']) && !href.contains(['"', '<', '&']);
                    let to = sourced || source(href).starts_with("https://");
                    if label.is_empty() || !plain || !to {
                        say(
                            "a link has a label and goes to https:// or a preset's source",
                            href,
                        );
                    }
                }
            }
        }
    }
    found
}

#[test]
fn every_story_file_is_well_formed_and_a_malformed_one_is_caught() {
    for (id, sources) in STORIES {
        for (lang, src) in Lang::ALL.into_iter().zip(sources) {
            assert_eq!(
                problems(src),
                Vec::<String>::new(),
                "stories/{id}.{}.md",
                lang.code()
            );
        }
    }
    let bad = [
        "no title",
        "# T\n",
        "# T\ntext\n## H\n<!-- scenario: v=3 -->\nx",
        "# T\n## H\ntext",
        "# T\n## H\n<!-- scenario: v=3 -->\n",
        "# T\n## H\n<!-- scenario: v=3 -->\n### Sub\nx",
        "# T\n## H\n<!-- scenario: v=3 -->\na {b c",
        "# T\n## H\n<!-- scenario: v=3 -->\na {B}",
        "# T\n## H\n<!-- scenario: v=3 -->\na } b",
        "# T\n## H\n<!-- scenario: v=3 -->\n[a] b",
        "# T\n## H\n<!-- scenario: v=3 -->\n[a](b",
        "# T\n## H\n<!-- scenario: v=3 -->\n[](https://x.org)",
        "# T\n## H\n<!-- scenario: v=3 -->\n[a](preset:nope)",
        "# T\n## H\n<!-- scenario: v=3 -->\n[a](preset:absorb-4y)",
        "# T\n## H\n<!-- scenario: v=3 -->\nAT&T <b>",
        "# T\n## H&M\n<!-- scenario: v=3 -->\nx",
        "# T\n## H\n<!-- scenario: v=3 -->\n[a](https://x.org/\"onclick)",
    ];
    for src in bad {
        assert_ne!(problems(src), Vec::<String>::new(), "{src:?} is malformed");
    }
}

#[test]
fn each_story_reads_in_every_language_with_the_same_steps_and_clean_queries() {
    for id in ids() {
        let en = story(id, Lang::En).unwrap_or_else(|| panic!("{id}.en.md reads"));
        for lang in Lang::ALL {
            let s = story(id, lang).unwrap_or_else(|| panic!("{id}.{}.md reads", lang.code()));
            let queries = |s: &Story| s.steps.iter().map(|st| st.query).collect::<Vec<_>>();
            assert_eq!(
                queries(&s),
                queries(&en),
                "{id}.{}: the steps differ",
                lang.code()
            );
        }
        for step in &en.steps {
            let parsed = parse(step.query);
            assert_eq!(parsed.warnings, [], "{id}: {}", step.query);
            let mut warnings = Vec::new();
            View::parse(&parsed.view, &mut warnings);
            assert_eq!(warnings, [], "{id}: {}", step.query);
        }
    }
    // Every story is claimed about.
    assert_eq!(
        ids().collect::<Vec<_>>(),
        CLAIMS.iter().map(|c| c.0).collect::<Vec<_>>()
    );
}

/// The address bar writes of `effects`.
fn urls(effects: &[Effect]) -> Vec<(String, UrlWrite)> {
    (effects.iter())
        .filter_map(|e| match e {
            Effect::Url { query, write } => Some((query.clone(), *write)),
            _ => None,
        })
        .collect()
}

#[test]
fn a_story_walks_its_steps_each_a_url_and_the_wheel_keeps_the_scenario() {
    let mut state = State::load("https://x.org/", "story=mining-or-ai&step=2&lang=it");
    // The step's scenario and chart, whatever else the link said.
    assert_eq!(
        state.query(),
        "v=3&conv=0&lang=it&story=mining-or-ai&step=2"
    );
    // Each step is a new history entry: its scenario's query, its tab, the story.
    let next = update(&mut state, Action::StoryStep(1));
    let three = "v=3&mw=18&cbuild=11&capex=12&cterm=0&lang=it&tab=cash&story=mining-or-ai&step=3";
    assert_eq!(urls(&next), [(three.to_string(), UrlWrite::Push)]);
    assert_eq!(state.view.tab, ChartId::Cash);
    update(&mut state, Action::StoryStep(-1));
    update(&mut state, Action::StoryStep(-1));
    // No step before the first, none after the last.
    assert!(urls(&update(&mut state, Action::StoryStep(-1))).is_empty());
    assert_eq!(state.view.story.unwrap().step, 1);
    let mut last = State::load("https://x.org/", "story=contracts&step=6");
    assert!(urls(&update(&mut last, Action::StoryStep(1))).is_empty());
    // Back and forward load the step's URL.
    update(&mut state, Action::Navigated(three.into()));
    assert_eq!(
        (state.view.story.unwrap().step, state.scenario.get(Key::Mw)),
        (3, 18.0)
    );
    // Taking the wheel: the story goes, the scenario and its chart stay.
    let exit = update(&mut state, Action::StoryExit);
    let kept = "v=3&mw=18&cbuild=11&capex=12&cterm=0&lang=it&tab=cash";
    assert_eq!(urls(&exit), [(kept.to_string(), UrlWrite::Push)]);
    // Moving an input is taking the wheel too.
    let mut state = State::load("https://x.org/", "story=contracts&step=4");
    update(&mut state, Action::Set(Key::Colo, 140.0));
    assert_eq!(state.query(), "v=3&ai=colo&colo=140&tab=fan");
    // A chart picked stays in the story.
    let mut state = State::load("https://x.org/", "story=contracts&step=4");
    update(&mut state, Action::Tab(ChartId::Cash));
    assert_eq!(state.query(), "v=3&ai=colo&tab=cash&story=contracts&step=4");
}

#[test]
fn an_embedded_story_walks_in_place_and_runs_the_monte_carlo_its_text_needs() {
    let mut state = State::load("https://x.org/", "embed=1&story=contracts&step=4");
    // The step's text names Monte Carlo numbers: the embed (with no odds card) runs them.
    let effects = start(&mut state);
    assert!(effects.iter().any(|e| matches!(e, Effect::MonteCarlo(_))));
    // An embed's steps replace its entry: its article's history stays the article's.
    let next = update(&mut state, Action::StoryStep(1));
    let five = "v=3&ai=colo&ltc=80&tenor=12&tab=funding&embed=1&story=contracts&step=5";
    assert_eq!(urls(&next), [(five.to_string(), UrlWrite::Soon)]);
    // Its "open the full explorer" opens the story at the same step.
    assert!(state
        .full_link()
        .ends_with("tenor=12&tab=funding&story=contracts&step=5"));
}
