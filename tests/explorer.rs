//! The explorer's state machine, natively: every action, the effects it asks for, and the view
//! models the page renders.

use hashshift::analysis::monte_carlo;
use hashshift::analysis::sweeps;
use hashshift::calendar::Date;
use hashshift::charts::{palette, ChartId};
use hashshift::explorer::core::typing::{self, Nudge};
use hashshift::explorer::core::{McWorker, WorkerEvent};
use hashshift::explorer::view::controls::InputView;
use hashshift::explorer::view::kpi::{Kpi, RunState};
use hashshift::explorer::view::page::{self, BannerMode, McLine, NoticeView};
use hashshift::explorer::view::{casebook, controls, export, kpi, odds, share, snapshot, summary};
use hashshift::explorer::{
    self, Action, CopyWhat, Effect, Export, McResult, McRun, Notice, State, Swept, UrlWrite,
    MAP_CELLS,
};
use hashshift::i18n::Lang;
use hashshift::report;
use hashshift::scenario::{Key, Preset, KEYS};
use std::rc::Rc;

const PAGE: &str = "https://example.org/tools/hashshift/";

fn load(q: &str) -> State {
    State::load(PAGE, q)
}

/// `effects` but the sweeps of the inputs, which the page asks for at load and after every change
/// of the scenario (tested on their own below).
fn without_sweeps(effects: Vec<Effect>) -> Vec<Effect> {
    effects
        .into_iter()
        .filter(|e| !matches!(e, Effect::Sweep(_)))
        .collect()
}

/// [`explorer::update`], its effects but the sweeps.
fn update(s: &mut State, action: Action) -> Vec<Effect> {
    without_sweeps(explorer::update(s, action))
}

/// [`explorer::start`], its effects but the sweeps.
fn start(s: &mut State) -> Vec<Effect> {
    without_sweeps(explorer::start(s))
}

/// The warnings the banner lists for `s`, first and (when asked for) the rest, their key names
/// in backticks (the page marks them to set them in code type).
fn listed(s: &State) -> Vec<String> {
    page::banner(&s.warnings, BannerMode::of(s)).map_or_else(Vec::new, |b| {
        [b.first, b.rest]
            .concat()
            .iter()
            .map(|w| backticked(w))
            .collect()
    })
}

/// A page's warning with its key names in backticks, as the CLI writes them.
fn backticked(text: &str) -> String {
    text.replace(hashshift::i18n::KEY_MARK, "`")
}

/// The banner's button for `s`, while some warnings are not listed.
fn more(s: &State) -> Option<String> {
    page::banner(&s.warnings, BannerMode::of(s)).and_then(|b| b.more)
}

/// `effects` but those of Monte Carlo, for tests of other things: while `mc > 0` (the default)
/// the page asks for a run at load and after every change of the scenario.
fn without_monte_carlo(effects: Vec<Effect>) -> Vec<Effect> {
    effects
        .into_iter()
        .filter(|e| !matches!(e, Effect::MonteCarlo(_) | Effect::CancelMonteCarlo))
        .collect()
}

/// Applies `action` to `s`; returns the effects but those of Monte Carlo.
fn page_update(s: &mut State, action: Action) -> Vec<Effect> {
    without_monte_carlo(update(s, action))
}

fn url(query: &str, push: bool) -> Effect {
    Effect::Url {
        query: query.to_string(),
        write: if push { UrlWrite::Push } else { UrlWrite::Soon },
    }
}

fn url_now(query: &str) -> Effect {
    Effect::Url {
        query: query.to_string(),
        write: UrlWrite::Now,
    }
}

#[test]
fn loading_writes_the_canonical_query_at_once() {
    let mut s = load("mw=18&tab=cash");
    assert_eq!(s.query(), "v=3&mw=18&tab=cash");
    assert_eq!(
        without_monte_carlo(start(&mut s)),
        [url_now("v=3&mw=18&tab=cash")]
    );
    assert!(s.warnings.is_empty() && !s.warnings_open);
}

#[test]
fn set_reset_and_typed_text() {
    let mut s = load("");
    assert_eq!(
        page_update(&mut s, Action::Set(Key::Power, 47.0)),
        [url("v=3&power=47", false)]
    );
    assert_eq!(s.projection().scenario.get(Key::Power), 47.0, "re-run");
    assert_eq!(
        page_update(&mut s, Action::Reset(Key::Power)),
        [url("v=3", false)]
    );
    // Typed text is read like the URL: clean text applies, bad text warns and keeps the value.
    page_update(&mut s, Action::SetText(Key::Mw, "18".into()));
    assert_eq!(s.scenario.get(Key::Mw), 18.0);
    assert!(s.warnings.is_empty());
    // A number box commits with the value before the typing: `7,5` in an English page, whose
    // `7` applied on the way, falls back to the cap rate before it, 6.
    page_update(&mut s, Action::Set(Key::Caprate, 6.0));
    for text in ["7", "7,"] {
        let text = text.into();
        page_update(
            &mut s,
            Action::Type {
                key: Key::Caprate,
                text,
            },
        );
    }
    assert_eq!(s.scenario.get(Key::Caprate), 7.0);
    let text = "7,5".into();
    page_update(
        &mut s,
        Action::Commit {
            key: Key::Caprate,
            text,
        },
    );
    assert_eq!(s.scenario.get(Key::Caprate), 6.0);
    assert_eq!(listed(&s), ["`caprate`: “7,5” is not a number; using 6."]);
    assert!(page_update(&mut s, Action::SetText(Key::Btc, "lots".into())).is_empty());
    assert_eq!(s.scenario.get(Key::Btc), 60_000.0);
    assert!(s.warnings_open);
    assert_eq!(listed(&s), ["`btc`: “lots” is not a number; using 60,000."]);
    page_update(&mut s, Action::SetText(Key::Mw, "9000".into()));
    assert_eq!(s.scenario.get(Key::Mw), 5000.0);
    assert!(listed(&s)[0].contains("above the maximum 5,000\u{a0}MW"));
    page_update(&mut s, Action::DismissWarnings);
    assert!(listed(&s).is_empty());
    // An unchanged value asks for nothing.
    assert!(page_update(&mut s, Action::Set(Key::Mw, 5000.0)).is_empty());
}

#[test]
fn a_slider_step_is_a_set() {
    let (mut slid, mut set) = (load(""), load(""));
    let effects = update(&mut slid, Action::Slide(Key::Power, 47.0));
    assert_eq!(effects, update(&mut set, Action::Set(Key::Power, 47.0)));
    assert_eq!(slid.scenario, set.scenario);
    assert_eq!(slid.query(), "v=3&power=47");
}

#[test]
fn presses_beyond_a_slider_each_move_the_value_as_it_stands() {
    // `power=300` is beyond the slider's 0–200: two ArrowLefts and a PageDown that arrive
    // before the page renders again each count, from the value the one before left.
    let mut s = load("power=300");
    let left = Nudge::of_key("ArrowLeft").unwrap();
    page_update(&mut s, Action::Nudge(Key::Power, left));
    page_update(&mut s, Action::Nudge(Key::Power, left));
    assert_eq!(s.scenario.get(Key::Power), 299.0);
    let effects = page_update(
        &mut s,
        Action::Nudge(Key::Power, Nudge::of_key("PageDown").unwrap()),
    );
    assert_eq!(effects, [url("v=3&power=279", false)]);
}

#[test]
fn a_month_picker_applies_whole_months_in_its_range() {
    let applies = |text| typing::month_applies(text, "2024-05", "2040-12");
    assert!(applies("2030-01") && applies("2024-05") && applies("2040-12"));
    // On the way to 2030: a year being typed, and an empty picker.
    for text in [
        "0002-01", "0020-01", "0203-01", "", "2024-04", "2041-01", "20300-01",
    ] {
        assert!(!applies(text), "{text}");
    }
}

#[test]
fn a_preset_is_a_new_history_entry_and_the_picker_follows() {
    let mut s = load("");
    let p = Preset::find("bitfarms-wa").unwrap();
    assert_eq!(
        page_update(&mut s, Action::Preset(p)),
        [url("v=3&mw=18&cbuild=11&capex=12&cterm=0", true)]
    );
    let picker = casebook::presets(&s);
    assert!(picker
        .options()
        .any(|o| o.id == "bitfarms-wa" && o.selected));
    assert!(picker.note.starts_with("Bitfarms, Nov 2025"));
    // Beside it: its source, what the model cannot express, and what it set.
    let source = picker.source.unwrap();
    assert_eq!(
        (source.href, source.text.as_str()),
        (
            "https://pulse2.com/bitfarms-advances-128-million-washington-conversion-to-hpc-and-ai-infrastructure-with-2026-completion-target",
            "Source: pulse2.com"
        )
    );
    assert!(picker
        .cannot
        .unwrap()
        .starts_with("What the model cannot express: A tenant and its price"));
    assert_eq!(
        picker.set.as_deref(),
        Some(
            "Set: Site capacity 18\u{a0}MW, Construction time 11\u{a0}months, Conversion capex \
             $12M/MW IT, Contract term 0\u{a0}months; everything else at defaults."
        )
    );
    page_update(&mut s, Action::Set(Key::Btc, 80_000.0));
    let picker = casebook::presets(&s);
    assert!(
        picker.options().all(|o| !o.selected),
        "a custom scenario now"
    );
    assert!(picker.note.starts_with("Pick a preset"));
    assert_eq!(
        (picker.source, picker.cannot, picker.set),
        (None, None, None)
    );
    // Picking the same preset again still makes an entry the user can go back from.
    page_update(&mut s, Action::Preset(p));
    assert!(page_update(&mut s, Action::Preset(p))
        .contains(&url("v=3&mw=18&cbuild=11&capex=12&cterm=0", true)));
}

/// `key`'s number box on the page of `s`: its text, and the problem said beside it (key names in
/// backticks).
fn number_box(s: &State, key: Key) -> (String, Option<String>) {
    let c = controls::control_typed(&s.scenario, &s.drafts.of(key), key, s.view.lang);
    let InputView::Number { text, .. } = c.input else {
        panic!("{key:?} has a number box");
    };
    (text, c.problem.map(|p| backticked(&p)))
}

fn type_text(s: &mut State, key: Key, text: &str) -> Vec<Effect> {
    let text = text.to_string();
    update(s, Action::Type { key, text })
}

fn commit(s: &mut State, key: Key, text: &str) -> Vec<Effect> {
    let text = text.to_string();
    update(s, Action::Commit { key, text })
}

#[test]
fn a_number_box_keeps_what_is_typed_and_applies_clean_values_at_once() {
    // `1.234.567` typed key by key on the Italian page: the box shows each key's text, never
    // rewritten (`1.234` applies 1,234 $ on the way, and must not become `1234` under the
    // reader's keys); text that is not yet a value leaves the value where it was.
    let mut s = load("lang=it");
    let typed = "1.234.567";
    for end in 1..=typed.len() {
        type_text(&mut s, Key::Btc, &typed[..end]);
        assert_eq!(number_box(&s, Key::Btc), (typed[..end].to_string(), None));
        let expected = match end {
            1..=4 => 60_000.0,
            5..=8 => 1234.0,
            _ => 1_234_567.0,
        };
        assert_eq!(
            s.scenario.get(Key::Btc),
            expected,
            "after {:?}",
            &typed[..end]
        );
    }
    assert_eq!(s.query(), "v=3&btc=1234567&lang=it");
    // Enter commits it: the box shows the value in force, with no problem.
    assert_eq!(
        commit(&mut s, Key::Btc, typed),
        [],
        "the value was applied while typing"
    );
    assert_eq!(number_box(&s, Key::Btc), ("1234567".to_string(), None));
    assert!(s.warnings.is_empty());
    // Leaving the box forgets text typed and not committed.
    type_text(&mut s, Key::Mw, "18,");
    assert_eq!(number_box(&s, Key::Mw).0, "18,");
    update(&mut s, Action::LeaveBox(Key::Mw));
    assert_eq!(number_box(&s, Key::Mw).0, "18");
    // So does the value moving some other way: a slider, a reset.
    type_text(&mut s, Key::Mw, "25");
    update(&mut s, Action::Slide(Key::Mw, 30.0));
    assert_eq!(number_box(&s, Key::Mw).0, "30");
    type_text(&mut s, Key::Mw, "2");
    update(&mut s, Action::Reset(Key::Mw));
    assert_eq!(number_box(&s, Key::Mw).0, "100");
}

#[test]
fn a_commit_keeps_a_safe_value_and_says_its_problem_beside_the_box_until_the_value_moves() {
    let mut s = load("");
    // `1,5` typed key by key in English applies `1` on the way; committed, it cannot be read and
    // falls back to the value before the typing, 100 MW.
    for text in ["1", "1,", "1,5"] {
        type_text(&mut s, Key::Mw, text);
    }
    assert_eq!(s.scenario.get(Key::Mw), 1.0);
    assert_eq!(number_box(&s, Key::Mw), ("1,5".to_string(), None));
    commit(&mut s, Key::Mw, "1,5");
    assert_eq!(s.scenario.get(Key::Mw), 100.0);
    let problem = "`mw`: “1,5” is not a number; using 100.";
    assert_eq!(
        number_box(&s, Key::Mw),
        ("100".to_string(), Some(problem.to_string()))
    );
    // One commit: the banner says the same problem, once.
    assert_eq!(listed(&s), [problem]);
    assert_eq!(s.drafts.of(Key::Mw).commits, 1);
    // A commit that leaves the value as it was still counts, so the box shows it again.
    commit(&mut s, Key::Mw, "lots");
    assert_eq!(s.drafts.of(Key::Mw).commits, 2);
    assert_eq!(number_box(&s, Key::Mw).0, "100");
    // Leaving the box keeps the problem; typing again clears it.
    update(&mut s, Action::LeaveBox(Key::Mw));
    assert!(number_box(&s, Key::Mw).1.is_some());
    type_text(&mut s, Key::Mw, "1");
    assert_eq!(number_box(&s, Key::Mw), ("1".to_string(), None));
    // A value that reads clears it too.
    commit(&mut s, Key::Mw, "9000");
    assert_eq!(
        number_box(&s, Key::Mw).1.as_deref(),
        Some("`mw`: 9,000 is above the maximum 5,000\u{a0}MW; using 5,000."),
        "a clamped value is a problem too"
    );
    commit(&mut s, Key::Mw, "18");
    assert_eq!(number_box(&s, Key::Mw), ("18".to_string(), None));
    // The value moved by the slider clears the problem, and it does not come back with the
    // value.
    commit(&mut s, Key::Mw, "lots");
    assert!(number_box(&s, Key::Mw).1.is_some());
    update(&mut s, Action::Slide(Key::Mw, 20.0));
    assert_eq!(number_box(&s, Key::Mw), ("20".to_string(), None));
    update(&mut s, Action::Slide(Key::Mw, 18.0));
    assert_eq!(number_box(&s, Key::Mw).1, None);
    // Back and forward keep what was typed while the value stays.
    commit(&mut s, Key::Mw, "lots");
    update(&mut s, Action::Navigated("mw=18&power=40".into()));
    assert!(number_box(&s, Key::Mw).1.is_some());
    update(&mut s, Action::Navigated("mw=30".into()));
    assert_eq!(number_box(&s, Key::Mw).1, None);
}

#[test]
fn a_month_picker_waits_for_a_whole_month_and_its_reader() {
    let mut s = load("");
    let month = |s: &mut State, text: &str| {
        let text = text.to_string();
        page_update(
            s,
            Action::MonthInput {
                key: Key::Start,
                text,
            },
        )
    };
    // A year typed makes months of its own on the way: they wait, and nothing is committed.
    for text in ["0002-01", "0020-01", "0203-01"] {
        assert_eq!(month(&mut s, text), [], "{text}");
    }
    assert_eq!(s.drafts.of(Key::Start).commits, 0);
    assert_eq!(month(&mut s, "2030-01"), [url("v=3&start=2030-01", false)]);
    assert_eq!(s.drafts.of(Key::Start).commits, 1);
    // A part cleared waits too; switching to another window leaves it waiting.
    assert_eq!(month(&mut s, ""), []);
    let leave = |s: &mut State, page_focused| {
        let (key, text) = (Key::Start, String::new());
        page_update(
            s,
            Action::MonthLeave {
                key,
                text,
                page_focused,
            },
        )
    };
    assert_eq!(leave(&mut s, false), []);
    assert!(s.warnings.is_empty());
    assert_eq!(s.drafts.of(Key::Start).commits, 1);
    // Leaving the picker reads it like typed text: a warning, the month in force kept, and the
    // picker shows it again.
    assert_eq!(leave(&mut s, true), []);
    assert_eq!(s.query(), "v=3&start=2030-01");
    assert_eq!(s.drafts.of(Key::Start).commits, 2);
    assert!(listed(&s)[0].ends_with("2030-01."), "{:?}", listed(&s));
    // Enter reads it too; a month before the start leaves the construction start where it was.
    let enter = |s: &mut State, text: &str| {
        let (key, text) = (Key::Cstart, text.to_string());
        page_update(s, Action::MonthEnter { key, text })
    };
    enter(&mut s, "2024-05");
    assert_eq!(s.query(), "v=3&start=2030-01", "cstart follows the start");
    assert_eq!(
        listed(&s),
        ["`cstart`: 2024-05 is before `start` 2030-01; using 2030-01."]
    );
    assert_eq!(s.drafts.of(Key::Cstart).commits, 1);
    // The month in force, read again, is no commit.
    enter(&mut s, "2030-01");
    assert_eq!(s.drafts.of(Key::Cstart).commits, 1);
}

/// The preset picker's gestures, at `at_ms`.
fn key(s: &mut State, name: &str, at_ms: f64) -> Vec<Effect> {
    let (key, plain) = (name.to_string(), true);
    page_update(s, Action::PickerKey { key, plain, at_ms })
}

fn change(s: &mut State, id: &str, at_ms: f64) -> Vec<Effect> {
    let id = id.to_string();
    page_update(s, Action::PickerChange { id, at_ms })
}

#[test]
fn the_keyboard_browses_the_presets_and_enter_or_leaving_applies_the_one_showing() {
    let mut s = load("");
    let note = |id: &str| Lang::En.t(Preset::find(id).unwrap().note).to_string();
    let hint = "Enter applies it; Esc goes back.";
    // A closed picker moves at each arrow key and says so with `change`, right after: the
    // keyboard browses, and the note says the preset showing.
    assert_eq!(key(&mut s, "ArrowDown", 1000.0), []);
    assert_eq!(change(&mut s, "keep-mining", 1004.0), []);
    key(&mut s, "ArrowDown", 2000.0);
    change(&mut s, "bitfarms-wa", 2199.0);
    let picker = casebook::presets(&s);
    assert!(picker.browsing && picker.takes_key("Enter") && picker.takes_key("Escape"));
    assert_eq!(picker.note, format!("{} {hint}", note("bitfarms-wa")));
    assert_eq!((picker.chosen, s.query().as_str()), ("", "v=3"));
    // Enter applies it: one history entry.
    assert_eq!(
        key(&mut s, "Enter", 3000.0),
        [url("v=3&mw=18&cbuild=11&capex=12&cterm=0", true)]
    );
    let picker = casebook::presets(&s);
    assert!(!picker.browsing && !picker.takes_key("Enter"));
    assert_eq!(
        (picker.chosen, picker.note),
        ("bitfarms-wa", note("bitfarms-wa"))
    );
    // Escape goes back to the preset in force, and the picker shows it again.
    key(&mut s, "End", 4000.0);
    change(&mut s, "iren-msft", 4001.0);
    assert!(casebook::presets(&s).browsing);
    let returns = casebook::presets(&s).returns;
    assert_eq!(key(&mut s, "Escape", 5000.0), []);
    let picker = casebook::presets(&s);
    assert_eq!((picker.browsing, picker.returns), (false, returns + 1));
    assert_eq!(
        (picker.chosen, picker.note),
        ("bitfarms-wa", note("bitfarms-wa"))
    );
    // Switching to another window is not leaving the picker; leaving it applies the preset
    // showing.
    key(&mut s, "ArrowUp", 6000.0);
    change(&mut s, "keep-mining", 6002.0);
    assert_eq!(
        page_update(
            &mut s,
            Action::PickerLeave {
                page_focused: false
            }
        ),
        []
    );
    assert!(casebook::presets(&s).browsing);
    assert_eq!(
        page_update(&mut s, Action::PickerLeave { page_focused: true }),
        [url("v=3&conv=0", true)]
    );
    assert_eq!(casebook::presets(&s).chosen, "keep-mining");
    // Leaving without browsing applies nothing.
    assert_eq!(
        page_update(&mut s, Action::PickerLeave { page_focused: true }),
        []
    );
}

#[test]
fn a_pick_from_the_open_list_or_by_pointer_applies_at_once() {
    let mut s = load("");
    // Space opens the list: the pick comes later, and applies.
    key(&mut s, " ", 1000.0);
    assert_eq!(
        change(&mut s, "keep-mining", 1100.0),
        [url("v=3&conv=0", true)]
    );
    // A change 200 ms or more after a browsing key is a pick too.
    key(&mut s, "ArrowDown", 2000.0);
    assert_eq!(
        change(&mut s, "bitfarms-wa", 2200.0),
        [url("v=3&mw=18&cbuild=11&capex=12&cterm=0", true)]
    );
    // So is one after Alt+↓, which opens the list.
    let (key_name, plain, at_ms) = ("ArrowDown".to_string(), false, 3000.0);
    page_update(
        &mut s,
        Action::PickerKey {
            key: key_name,
            plain,
            at_ms,
        },
    );
    assert_eq!(
        change(&mut s, "keep-mining", 3001.0),
        [url("v=3&conv=0", true)]
    );
    // "Custom scenario" changes nothing: the picker goes back to the preset in force.
    let returns = casebook::presets(&s).returns;
    assert_eq!(change(&mut s, "", 9000.0), []);
    let picker = casebook::presets(&s);
    assert_eq!(
        (picker.chosen, picker.returns),
        ("keep-mining", returns + 1)
    );
    // Browsed to "Custom scenario", the note is the preset's in force, and Enter goes back.
    key(&mut s, "Home", 10_000.0);
    change(&mut s, "", 10_001.0);
    let picker = casebook::presets(&s);
    assert!(picker.browsing);
    assert_eq!(
        picker.note,
        Lang::En.t(Preset::find("keep-mining").unwrap().note)
    );
    assert_eq!(key(&mut s, "Enter", 11_000.0), []);
    assert_eq!(casebook::presets(&s).returns, returns + 2);
}

#[test]
fn back_and_forward_end_the_browsing_when_the_preset_in_force_changes() {
    let mut s = load("");
    key(&mut s, "ArrowDown", 1000.0);
    change(&mut s, "keep-mining", 1001.0);
    // Another custom scenario: the picker still shows the preset browsed to.
    update(&mut s, Action::Navigated("mw=18".into()));
    assert!(casebook::presets(&s).browsing);
    update(&mut s, Action::Navigated("preset=bitfarms-wa".into()));
    let picker = casebook::presets(&s);
    assert!(!picker.browsing);
    assert_eq!(picker.chosen, "bitfarms-wa");
}

#[test]
fn tabs_and_history_navigation() {
    let mut s = load("");
    assert_eq!(
        page_update(&mut s, Action::Tab(ChartId::Map)),
        [url("v=3&tab=map", false)]
    );
    assert_eq!(s.view.tab, ChartId::Map);
    // Back to an old link: its state, its warnings, the canonical query written back.
    let effects = page_update(&mut s, Action::Navigated("mw=abc&lang=it".into()));
    assert_eq!(effects, [url("v=3&lang=it", false)]);
    assert_eq!((s.view.lang, s.view.tab), (Lang::It, ChartId::Revenue));
    assert_eq!(listed(&s), ["`mw`: “abc” non è un numero; si usa 100."]);
    assert_eq!(s.page_url, PAGE);
}

#[test]
fn copying_reports_what_the_clipboard_did() {
    let mut s = load("mw=18&tab=cash");
    let effects = page_update(&mut s, Action::Copy(CopyWhat::Link));
    assert_eq!(effects, [Effect::Copy(CopyWhat::Link)]);
    assert_eq!(
        share::copy_text(&s, CopyWhat::Link),
        format!("{PAGE}?v=3&mw=18&tab=cash")
    );
    assert_eq!(
        s.notice, None,
        "nothing is claimed before the clipboard answers"
    );
    assert_eq!(
        page_update(&mut s, Action::Copied(CopyWhat::Link, true)),
        [Effect::ClearNoticeSoon]
    );
    assert_eq!(
        page::notice(&s),
        Some(NoticeView {
            sentence: "Link copied",
            manual: None
        })
    );
    page_update(&mut s, Action::ClearNotice);
    assert_eq!(page::notice(&s), None);
    // Refused: say so and show the text to copy by hand; it stays until the next copy.
    page_update(&mut s, Action::Copy(CopyWhat::Embed));
    assert!(page_update(&mut s, Action::Copied(CopyWhat::Embed, false)).is_empty());
    let NoticeView { sentence, manual } = page::notice(&s).unwrap();
    assert!(sentence.starts_with("Copying was refused"));
    let manual = manual.unwrap();
    assert!(manual.starts_with(
        "<iframe data-hashshift src=\"https://example.org/tools/hashshift/?v=3&amp;mw=18&amp;tab=cash&amp;embed=1\""
    ));
    assert!(manual
        .ends_with("<script src=\"https://example.org/tools/hashshift/embed.js\" async></script>"));
    page_update(&mut s, Action::ClearNotice);
    assert!(matches!(s.notice, Some(Notice::Refused(..))));
}

#[test]
fn a_refused_copy_keeps_the_text_it_was_asked_for() {
    let mut s = load("mw=18");
    update(&mut s, Action::Copy(CopyWhat::Link));
    update(&mut s, Action::Copied(CopyWhat::Link, false));
    update(&mut s, Action::Set(Key::Mw, 20.0));
    // The text to copy by hand is the link the reader asked for, not the one of later inputs.
    let manual = page::notice(&s).unwrap().manual;
    assert_eq!(manual, Some(format!("{PAGE}?v=3&mw=18")));
}

#[test]
fn downloads_and_shares_name_what_the_shell_produces() {
    let mut s = load("mw=18&tab=cash");
    assert_eq!(
        page_update(&mut s, Action::Export(Export::Csv)),
        [Effect::Download(Export::Csv)]
    );
    let file = export::file(&s, Export::Csv).unwrap();
    assert_eq!(
        (file.name.as_str(), file.mime),
        ("hashshift-monthly-mw18.csv", "text/csv;charset=utf-8")
    );
    assert_eq!(file.contents, report::monthly_csv(&s.projection().months));
    for image in [Export::Png, Export::Svg] {
        assert_eq!(
            page_update(&mut s, Action::Export(image)),
            [Effect::DownloadChart(image)]
        );
        assert_eq!(export::file(&s, image), None, "drawn by the shell");
    }
    assert_eq!(export::filename(&s, Export::Svg), "hashshift-cash-mw18.svg");
    assert_eq!(page_update(&mut s, Action::Share), [Effect::Share]);
    let sheet = share::sheet(&s);
    assert_eq!(sheet.title, "HashShift — mine Bitcoin or convert to AI?");
    // The odds are not in yet (their run has not landed): no "…" to share.
    assert_eq!(sheet.text, summary::summary(s.projection(), None, Lang::En));
    assert_eq!(sheet.url, format!("{PAGE}?v=3&mw=18&tab=cash"));
}

#[test]
fn monte_carlo_is_asked_for_and_marked_stale_while_inputs_move() {
    let mut s = load("mc=200&tab=fan");
    let effects = start(&mut s);
    assert_eq!(effects.len(), 2);
    assert_eq!(effects[1], Effect::MonteCarlo(Box::new(s.scenario)));
    assert!(matches!(
        page::monte_carlo_line(&s, ChartId::Fan),
        Some(McLine::Running { percent: 0, .. })
    ));
    let done = |s: &State| McResult {
        scenario: s.scenario,
        result: Rc::new(monte_carlo(s.projection()).unwrap()),
    };
    let first = done(&s);
    assert!(update(&mut s, Action::MonteCarloDone(Box::new(first))).is_empty());
    let Some(McLine::Current(n)) = page::monte_carlo_line(&s, ChartId::Fan) else {
        panic!("current numbers");
    };
    assert_eq!(n.paths, "200");
    // A slider moves: new run asked for; the old numbers are shown as the previous inputs'.
    let effects = update(&mut s, Action::Set(Key::Vol, 80.0));
    assert!(matches!(effects.last(), Some(Effect::MonteCarlo(_))));
    let Some(McLine::Stale { note, numbers, .. }) = page::monte_carlo_line(&s, ChartId::Fan) else {
        panic!("stale numbers must say so");
    };
    assert!(
        note.contains("previous") && note.contains("(0\u{a0}%)"),
        "{note}"
    );
    assert_eq!(numbers, n);
    assert!(
        page::chart_monte_carlo(&s).is_some(),
        "the fan stays drawn meanwhile"
    );
    let second = done(&s);
    update(&mut s, Action::MonteCarloDone(Box::new(second)));
    assert!(matches!(
        page::monte_carlo_line(&s, ChartId::Fan),
        Some(McLine::Current(_))
    ));
    // Switched off, the last run is no longer drawn.
    update(&mut s, Action::Set(Key::Mc, 0.0));
    assert!(page::chart_monte_carlo(&s).is_none(), "mc=0 draws no fan");
    // Other charts ask for no Monte Carlo; mc=0 offers to switch it on.
    assert!(page::monte_carlo_line(&s, ChartId::Cash).is_none());
    let mut off = load("mc=0&tab=fan");
    assert!(matches!(
        page::monte_carlo_line(&off, ChartId::Fan),
        Some(McLine::Off { .. })
    ));
    assert_eq!(start(&mut off).len(), 1);
    assert!(update(&mut off, Action::Tab(ChartId::Revenue)).len() == 1);
}

#[test]
fn monte_carlo_is_on_by_default_and_a_default_page_asks_for_its_run_at_load() {
    // `mc=1000` is the default: the page asks the worker for its run as it loads (the odds
    // card shows it), and the worker loads then.
    let mut s = load("");
    assert_eq!(s.scenario.get(Key::Mc), 1000.0);
    assert_eq!(
        start(&mut s),
        [url_now("v=3"), Effect::MonteCarlo(Box::new(s.scenario))]
    );
    assert_eq!(s.monte_carlo_worker, McWorker::Loading);
    assert!(page::monte_carlo_line(&s, ChartId::Revenue).is_none());
    assert_eq!(odds(&s).run, Some(RunState::Running));
    // The fan chart shows that run's progress: nothing is asked twice.
    assert_eq!(
        update(&mut s, Action::Tab(ChartId::Fan)),
        [url("v=3&tab=fan", false)]
    );
    assert!(matches!(
        page::monte_carlo_line(&s, ChartId::Fan),
        Some(McLine::Running { percent: 0, .. })
    ));
    update_with(&mut s, finished);
    let Some(McLine::Current(n)) = page::monte_carlo_line(&s, ChartId::Fan) else {
        panic!("current numbers");
    };
    assert_eq!(n.paths, "1000");
    assert_eq!(odds(&s).run, Some(RunState::Current));
    // A default page on another chart: its JSON report waits for the run asked at load.
    let mut s = load("tab=cash");
    start(&mut s);
    assert_eq!(update(&mut s, Action::Export(Export::Json)), []);
    assert_eq!(
        update_with(&mut s, finished),
        [Effect::Download(Export::Json)]
    );
    assert_eq!(
        export::file(&s, Export::Json).unwrap().contents,
        cli_json(&s)
    );
}

/// The progress report of the run of `s`'s scenario after `done` of its months.
fn progress(s: &State, done: u32) -> Action {
    Action::MonteCarloProgress(Box::new(McRun {
        scenario: s.scenario,
        done,
        total: s.projection().months.len() as u32,
    }))
}

/// The Monte Carlo effects among `effects`.
fn monte_carlo_effects(effects: Vec<Effect>) -> Vec<Effect> {
    effects
        .into_iter()
        .filter(|e| matches!(e, Effect::MonteCarlo(_) | Effect::CancelMonteCarlo))
        .collect()
}

/// Applies the action that `f` makes of the state.
fn update_with(s: &mut State, f: impl Fn(&State) -> Action) -> Vec<Effect> {
    let action = f(s);
    update(s, action)
}

/// The result of the run of `s`'s scenario.
fn finished(s: &State) -> Action {
    Action::MonteCarloDone(Box::new(McResult {
        scenario: s.scenario,
        result: Rc::new(monte_carlo(s.projection()).unwrap()),
    }))
}

#[test]
fn a_monte_carlo_run_in_flight_shows_its_progress_and_is_asked_for_once() {
    let mut s = load("mc=2000&tab=fan&lang=it");
    assert_eq!(start(&mut s).len(), 2);
    let months = s.projection().months.len() as u32;
    assert_eq!(
        s.monte_carlo_run,
        Some(McRun {
            scenario: s.scenario,
            done: 0,
            total: months
        })
    );
    // Progress and unrelated gestures ask for nothing more: the run in flight goes on.
    assert!(update_with(&mut s, |s| progress(s, months * 2 / 5)).is_empty());
    assert!(update(&mut s, Action::DismissWarnings).is_empty());
    assert!(update(&mut s, Action::Tab(ChartId::Fan)).is_empty());
    let query = s.query();
    assert_eq!(
        monte_carlo_effects(update(&mut s, Action::Navigated(query))),
        []
    );
    let Some(McLine::Running { text, percent }) = page::monte_carlo_line(&s, ChartId::Fan) else {
        panic!("running");
    };
    assert_eq!(
        (text.as_str(), percent),
        ("Simulazione dei percorsi di prezzo… 40\u{a0}%", 40)
    );
    // The run finishes: the numbers are current and nothing runs.
    assert!(update_with(&mut s, finished).is_empty());
    assert_eq!(s.monte_carlo_run, None);
    assert!(matches!(
        page::monte_carlo_line(&s, ChartId::Fan),
        Some(McLine::Current(_))
    ));
    // A new input: a new run, whose progress shows beside the previous numbers.
    let effects = update(&mut s, Action::Set(Key::Vol, 80.0));
    assert_eq!(
        effects.last(),
        Some(&Effect::MonteCarlo(Box::new(s.scenario)))
    );
    update_with(&mut s, |s| progress(s, months - 1));
    let Some(McLine::Stale { note, percent, .. }) = page::monte_carlo_line(&s, ChartId::Fan) else {
        panic!("stale");
    };
    assert_eq!(percent, 99);
    assert!(
        note.starts_with("Aggiornamento per i nuovi dati (99\u{a0}%)"),
        "{note}"
    );
}

#[test]
fn a_superseded_monte_carlo_run_is_replaced_and_its_reports_are_dropped() {
    let mut s = load("mc=2000&tab=fan");
    start(&mut s);
    let old = s.clone();
    update(&mut s, progress(&old, 30));
    // A slider moves mid-run: the old run is replaced by one of the new scenario.
    let effects = update(&mut s, Action::Set(Key::Btc, 90000.0));
    assert_eq!(
        effects.last(),
        Some(&Effect::MonteCarlo(Box::new(s.scenario)))
    );
    assert_eq!(
        s.monte_carlo_run.map(|r| (r.scenario, r.done)),
        Some((s.scenario, 0))
    );
    // Late reports of the old run change nothing.
    assert!(update(&mut s, progress(&old, 60)).is_empty());
    assert!(update(&mut s, finished(&old)).is_empty());
    assert!(s.monte_carlo.is_none());
    assert!(matches!(
        page::monte_carlo_line(&s, ChartId::Fan),
        Some(McLine::Running { percent: 0, .. })
    ));
    // The new run's result shows.
    update_with(&mut s, finished);
    assert_eq!(s.current_monte_carlo().map(|m| m.paths), Some(2000));
    assert_eq!(s.monte_carlo_run, None);
}

/// The odds card of `s`, which shows one.
fn odds(s: &State) -> Kpi {
    odds::card(s).expect("an odds card")
}

/// The raw text of `field`'s value in a JSON report, exactly as printed.
fn printed<'a>(json: &'a str, field: &str) -> &'a str {
    let key = format!("\"{field}\": ");
    let at = json.find(&key).expect(field) + key.len();
    json[at..].split([',', '\n']).next().unwrap_or_default()
}

/// The odds card's list of choices as it reads (`Best: Convert 32 % · …`), the best in
/// brackets.
fn best_line(card: &Kpi) -> String {
    let choices: Vec<String> = (card.choices.iter())
        .map(|c| {
            let said = format!("{} {}", c.label, c.text);
            if c.best {
                format!("[{said}]")
            } else {
                said
            }
        })
        .collect();
    format!("{} {}", card.choices_lead.unwrap().0, choices.join(" · "))
}

#[test]
fn the_odds_card_holds_the_clis_monte_carlo() {
    for q in [
        "",
        "btc=90000&lang=it",
        "mc=500&aivol=0",
        "conv=0",
        "preset=iren-msft&mc=300",
    ] {
        let mut s = load(q);
        start(&mut s);
        update_with(&mut s, finished);
        let (card, json) = (odds(&s), cli_json(&s));
        assert_eq!(card.id, "prob_plan_better");
        assert_eq!(card.data_value, printed(&json, "prob_plan_better"), "{q}");
        let choices: Vec<(&str, &str)> = (card.choices.iter())
            .map(|c| (c.choice, c.data_value.as_str()))
            .collect();
        // Where nothing converts, converting is never best, and not listed.
        let listed = ["convert", "mine", "sell"]
            .into_iter()
            .filter(|&c| s.projection().converts() || c != "convert");
        let want: Vec<(&str, &str)> = listed
            .map(|c| (c, printed(&json, &format!("best_{c}"))))
            .collect();
        assert_eq!(choices, want, "{q}");
    }
}

#[test]
fn the_odds_card_says_the_share_its_count_and_each_choices_share_in_both_languages() {
    // The CLI's `hashshift run 'v=3'`: 1000 paths, prob_plan_better 0.337 (33.7 % rounds to
    // 34 %, 34 of 100), best_convert 0.318 (32 %), best_mine 0.001 (one path: 1 %, never 0 %),
    // best_sell 0.681 (68 %).
    let mut s = load("");
    start(&mut s);
    update_with(&mut s, finished);
    let card = odds(&s);
    assert_eq!(
        (card.title, card.data_value.as_str(), card.text.as_str()),
        ("Chance converting beats mining", "0.337", "34\u{a0}%")
    );
    assert_eq!(
        card.meaning,
        "In 34 of 100 simulated futures of the BTC price and the AI rate, converting beats keeping mining."
    );
    assert_eq!(
        best_line(&card),
        "Best: Convert 32\u{a0}% · Keep mining 1\u{a0}% · [Sell now 68\u{a0}%]"
    );
    assert_eq!(
        card.choices_lead.unwrap().1,
        "Share of simulated futures in which each choice is best"
    );
    assert_eq!(card.favours_plan, Some(false), "converting wins on a third");
    assert!(card.primary && !card.in_embed);
    // The same run, in Italian.
    update(&mut s, Action::Navigated("v=3&lang=it".into()));
    let card = odds(&s);
    assert_eq!(
        (card.title, card.text.as_str()),
        ("Probabilità che convertire batta il mining", "34\u{a0}%")
    );
    assert_eq!(
        card.meaning,
        "Su 100 futuri simulati del prezzo BTC e della tariffa IA, convertire rende più che continuare a minare in 34."
    );
    assert_eq!(
        best_line(&card),
        "Migliore: Convertire 32\u{a0}% · Continuare a minare 1\u{a0}% · [Vendere ora 68\u{a0}%]"
    );
    // Without the AI rate's risk (`aivol=0`), only the price moves: 0.994 is 99 %.
    let mut s = load("mc=500&aivol=0");
    start(&mut s);
    update_with(&mut s, finished);
    let card = odds(&s);
    assert_eq!(card.text, "99\u{a0}%");
    assert_eq!(
        card.meaning,
        "In 99 of 100 simulated futures of the BTC price, converting beats keeping mining."
    );
    assert_eq!(card.favours_plan, Some(true));
    // Nothing converts: nothing to compare, and the choice is between mining and selling
    // (0.999 is 99 %, not 100 %).
    let mut s = load("conv=0&lang=it");
    start(&mut s);
    update_with(&mut s, finished);
    let card = odds(&s);
    assert_eq!(card.text, "0\u{a0}%");
    assert_eq!(
        card.meaning,
        "Nessuna conversione prevista: il piano è continuare a minare."
    );
    assert_eq!(
        best_line(&card),
        "Migliore: Continuare a minare 1\u{a0}% · [Vendere ora 99\u{a0}%]"
    );
    assert_eq!(card.favours_plan, None);
}

#[test]
fn the_odds_card_shows_no_earlier_numbers_while_its_run_is_pending() {
    let mut s = load("");
    start(&mut s);
    // Asked for at load, not landed yet: updating, without a number.
    let pending = odds(&s);
    assert_eq!(
        (
            pending.run,
            pending.data_value.as_str(),
            pending.text.as_str()
        ),
        (Some(RunState::Running), "", "…")
    );
    // Laid out as it will be, each number a "…", the sentence's too, so that nothing moves
    // when the run lands.
    assert_eq!(
        pending.meaning,
        "In … of 100 simulated futures of the BTC price and the AI rate, converting beats keeping mining."
    );
    assert_eq!(
        best_line(&pending),
        "Best: Convert … · Keep mining … · Sell now …"
    );
    assert!(pending.choices.iter().all(|c| c.data_value.is_empty()));
    assert_eq!(pending.favours_plan, None);
    update_with(&mut s, finished);
    let current = odds(&s);
    assert_eq!(
        (current.run, current.data_value.as_str()),
        (Some(RunState::Current), "0.337")
    );
    assert_eq!(current.meaning, pending.meaning.replace('…', "34"));
    assert_eq!(current.choices.len(), pending.choices.len());
    // A slider moves: the new scenario's run is asked for, and the card is updating again,
    // exactly as before its first run: not the previous inputs' numbers.
    let old = s.clone();
    let effects = update(&mut s, Action::Slide(Key::Btc, 90000.0));
    assert_eq!(
        monte_carlo_effects(effects),
        [Effect::MonteCarlo(Box::new(s.scenario))]
    );
    assert_eq!(odds(&s), pending);
    // Progress, and a late result of the previous inputs, change nothing shown.
    update_with(&mut s, |s| progress(s, 60));
    update(&mut s, finished(&old));
    assert_eq!(odds(&s), pending);
    // The run lands: the new inputs' numbers, the CLI's (`btc=90000`: 0.326).
    update_with(&mut s, finished);
    let card = odds(&s);
    assert_eq!(
        (card.run, card.data_value.as_str()),
        (Some(RunState::Current), "0.326")
    );
    assert_eq!(card.data_value, printed(&cli_json(&s), "prob_plan_better"));
    // In Italian, while updating.
    update(&mut s, Action::Navigated("v=3&btc=80000&lang=it".into()));
    let card = odds(&s);
    assert_eq!(
        (card.text.as_str(), card.meaning.as_str()),
        (
            "…",
            "Su 100 futuri simulati del prezzo BTC e della tariffa IA, convertire rende più che continuare a minare in …."
        )
    );
}

#[test]
fn with_monte_carlo_off_there_is_no_odds_card_and_no_run() {
    let mut s = load("mc=0");
    assert_eq!(start(&mut s), [url_now("v=3&mc=0")]);
    assert!(odds::card(&s).is_none());
    assert_eq!(
        update(&mut s, Action::Set(Key::Btc, 70000.0)),
        [url("v=3&btc=70000&mc=0", false)]
    );
    // The worker loads for the break-evens' sweep (see below), and runs nothing yet.
    assert_eq!(s.monte_carlo_worker, McWorker::Loading);
    assert_eq!(s.monte_carlo_run, None);
    // Switched on: the card, updating, and its run asked of the worker.
    let effects = update(&mut s, Action::Set(Key::Mc, 200.0));
    assert_eq!(
        monte_carlo_effects(effects),
        [Effect::MonteCarlo(Box::new(s.scenario))]
    );
    assert_eq!(s.monte_carlo_worker, McWorker::Loading);
    assert_eq!(odds(&s).run, Some(RunState::Running));
    // Switched off again: no card.
    update(&mut s, Action::Set(Key::Mc, 0.0));
    assert!(odds::card(&s).is_none());
    // An embed has no odds card, and runs nothing for a chart without Monte Carlo.
    let mut e = load("embed=1&tab=cash");
    assert_eq!(start(&mut e).len(), 1);
    assert!(odds::card(&e).is_none());
    assert_eq!(e.monte_carlo_worker, McWorker::Unused);
}

#[test]
fn the_odds_card_says_calmly_that_its_worker_did_not_load() {
    let mut s = load("lang=it");
    start(&mut s);
    update(&mut s, worker(WorkerEvent::Silent));
    let card = odds(&s);
    assert_eq!(
        (card.run, card.data_value.as_str(), card.text.as_str()),
        (Some(RunState::Failed), "", "—")
    );
    assert_eq!(
        card.meaning,
        "Monte Carlo non è partito: il suo web worker non si è caricato. Ricarica la pagina per riprovare."
    );
    // It loads after all (a slow network): the run is asked again, and the card updates.
    let effects = update(&mut s, worker(WorkerEvent::Loaded));
    assert_eq!(monte_carlo_effects(effects).len(), 1);
    assert_eq!(odds(&s).run, Some(RunState::Running));
    update_with(&mut s, finished);
    assert_eq!(odds(&s).run, Some(RunState::Current));
}

#[test]
fn a_pinned_scenarios_odds_are_compared_once_its_run_has_landed() {
    let mut s = load("");
    start(&mut s);
    // Pinned before its run lands: no value of A's yet.
    update(&mut s, Action::Pin);
    assert!(odds(&s).compare.is_none());
    update_with(&mut s, finished);
    let a = odds(&s).compare.expect("A's odds");
    assert_eq!(
        (a.data_value.as_str(), a.value.as_str(), a.change),
        ("0.337", "A: 34\u{a0}%", None)
    );
    // B moves: A's value stays beside the card while B's run goes on, then the change.
    update(&mut s, Action::Set(Key::Btc, 90000.0));
    let card = odds(&s);
    assert_eq!(card.run, Some(RunState::Running));
    assert_eq!(
        card.compare.as_ref().map(|c| c.data_value.as_str()),
        Some("0.337")
    );
    assert_eq!(card.compare.unwrap().change, None);
    update_with(&mut s, finished);
    // 0.326 − 0.337 = −0.011: −1.1 points.
    let a = odds(&s).compare.expect("A's odds");
    assert_eq!(
        (a.data_value.as_str(), a.change.as_deref()),
        ("0.337", Some("−1.1\u{a0}pts"))
    );
    // Unpinned: no comparison, and A's run is let go.
    update(&mut s, Action::Unpin);
    assert!(odds(&s).compare.is_none());
    assert!(s.pinned_monte_carlo.is_none());
    // A link whose pinned scenario was never run on this page: no value of A's.
    let mut s = load("btc=90000&cmp=v%3D3");
    start(&mut s);
    update_with(&mut s, finished);
    assert!(s.compare.is_some() && odds(&s).compare.is_none());
}

#[test]
fn a_monte_carlo_run_nothing_needs_any_more_is_cancelled() {
    // Monte Carlo switched off mid-run.
    let mut s = load("mc=2000&tab=fan");
    start(&mut s);
    assert_eq!(
        update(&mut s, Action::Set(Key::Mc, 0.0)).last(),
        Some(&Effect::CancelMonteCarlo)
    );
    assert_eq!(s.monte_carlo_run, None);
    // Another chart picked mid-run: the run goes on (the odds card needs it), and a new
    // scenario there asks for its own.
    let mut s = load("mc=2000&tab=fan");
    start(&mut s);
    assert_eq!(
        monte_carlo_effects(update(&mut s, Action::Tab(ChartId::Cash))),
        []
    );
    let effects = update(&mut s, Action::Set(Key::Power, 41.0));
    assert_eq!(
        effects.last(),
        Some(&Effect::MonteCarlo(Box::new(s.scenario)))
    );
    // An embed has no odds card: only its chart needs a run. Its fan's run goes on while its
    // scenario is shown on another chart, for when the fan is shown again...
    let mut s = load("mc=2000&tab=fan&embed=1");
    start(&mut s);
    assert_eq!(
        monte_carlo_effects(update(&mut s, Action::Tab(ChartId::Cash))),
        []
    );
    update_with(&mut s, finished);
    assert!(s.current_monte_carlo().is_some());
    // ...but once the scenario changes on that chart, nothing needs it.
    update(&mut s, Action::Tab(ChartId::Fan));
    let effects = update(&mut s, Action::Set(Key::Power, 40.0));
    assert!(matches!(effects.last(), Some(Effect::MonteCarlo(_))));
    let effects = update(&mut s, Action::Tab(ChartId::Cash));
    assert_eq!(
        monte_carlo_effects(effects),
        [],
        "same scenario: the run goes on"
    );
    let effects = update(&mut s, Action::Set(Key::Power, 41.0));
    assert_eq!(effects.last(), Some(&Effect::CancelMonteCarlo));
    // Back on the fan: the scenario shown is asked for.
    let effects = update(&mut s, Action::Tab(ChartId::Fan));
    assert_eq!(
        effects.last(),
        Some(&Effect::MonteCarlo(Box::new(s.scenario)))
    );
}

/// The worker's report about itself.
fn worker(event: WorkerEvent) -> Action {
    Action::MonteCarloWorker(event)
}

/// The JSON report the CLI prints for `s`'s scenario.
fn cli_json(s: &State) -> String {
    report::json_of(&hashshift::scenario::canonical_query(&s.scenario), &[])
}

#[test]
fn a_download_that_needs_monte_carlo_waits_for_the_workers_run() {
    let mut s = load("mc=200&vol=70&tab=fan");
    start(&mut s);
    assert!(update(&mut s, worker(WorkerEvent::Loaded)).is_empty());
    update_with(&mut s, |s| progress(s, 40));
    // Asked for while the run goes on: no file yet (nor a second run), and the page says why.
    assert_eq!(update(&mut s, Action::Export(Export::Json)), []);
    assert_eq!(update(&mut s, Action::Export(Export::Png)), []);
    assert_eq!(
        update(&mut s, Action::Export(Export::Json)),
        [],
        "one file each"
    );
    assert_eq!(s.exports_waiting, [Export::Json, Export::Png]);
    let waiting = NoticeView {
        sentence: "Waiting for Monte Carlo to finish: the download starts when it is done.",
        manual: None,
    };
    assert_eq!(page::notice(&s), Some(waiting));
    // The tables hold no Monte Carlo: they go at once.
    assert_eq!(
        update(&mut s, Action::Export(Export::Csv)),
        [Effect::Download(Export::Csv)]
    );
    // Progress changes nothing; the run's result sends the files, in the order asked.
    assert_eq!(update_with(&mut s, |s| progress(s, 80)), []);
    let result = Rc::new(monte_carlo(s.projection()).unwrap());
    let done = McResult {
        scenario: s.scenario,
        result: Rc::clone(&result),
    };
    assert_eq!(
        update(&mut s, Action::MonteCarloDone(Box::new(done))),
        [
            Effect::Download(Export::Json),
            Effect::DownloadChart(Export::Png)
        ]
    );
    assert!(s.exports_waiting.is_empty());
    assert_eq!(page::notice(&s), None);
    // The file holds that very run, the CLI's numbers.
    assert!(std::ptr::eq(s.current_monte_carlo().unwrap(), &*result));
    let json = export::file(&s, Export::Json).unwrap().contents;
    assert_eq!(json, report::json_of("v=3&mc=200&vol=70", &[]));
    assert!(json.contains("\"npv_advantage_p50\""));
    // With the run made, a download goes at once.
    assert_eq!(
        update(&mut s, Action::Export(Export::Svg)),
        [Effect::DownloadChart(Export::Svg)]
    );
}

#[test]
fn a_json_download_asks_the_worker_for_a_run_no_chart_shown_needs() {
    // An embed of the cash chart: no odds card, and a chart without Monte Carlo.
    let mut s = load("mc=200&tab=cash&embed=1");
    assert_eq!(
        start(&mut s).len(),
        1,
        "the cash chart needs no Monte Carlo"
    );
    assert_eq!(s.monte_carlo_worker, McWorker::Unused);
    assert_eq!(
        update(&mut s, Action::Export(Export::Json)),
        [Effect::MonteCarlo(Box::new(s.scenario))]
    );
    assert_eq!(s.monte_carlo_worker, McWorker::Loading);
    // An image of the cash chart holds no Monte Carlo: at once.
    assert_eq!(
        update(&mut s, Action::Export(Export::Png)),
        [Effect::DownloadChart(Export::Png)]
    );
    assert_eq!(
        update_with(&mut s, finished),
        [Effect::Download(Export::Json)]
    );
    assert_eq!(
        export::file(&s, Export::Json).unwrap().contents,
        cli_json(&s)
    );
    // With `mc=0` there is nothing to wait for.
    let mut off = load("mc=0&tab=fan");
    assert_eq!(
        update(&mut off, Action::Export(Export::Json)),
        [Effect::Download(Export::Json)]
    );
}

#[test]
fn a_download_waiting_follows_the_scenario_shown() {
    let mut s = load("mc=200&tab=fan");
    start(&mut s);
    update(&mut s, worker(WorkerEvent::Loaded));
    update(&mut s, Action::Export(Export::Json));
    let old = s.clone();
    // The reader moves an input: the new scenario's run replaces the old, and the download
    // waits for it.
    let effects = update(&mut s, Action::Set(Key::Vol, 80.0));
    assert_eq!(
        effects[1..],
        [Effect::MonteCarlo(Box::new(s.scenario))],
        "{effects:?}"
    );
    assert_eq!(s.exports_waiting, [Export::Json]);
    // Back and forward keep it waiting.
    let query = s.query();
    update(&mut s, Action::Navigated(query));
    assert_eq!(s.exports_waiting, [Export::Json]);
    assert!(
        update(&mut s, finished(&old)).is_empty(),
        "the old run's late result"
    );
    assert_eq!(
        update_with(&mut s, finished),
        [Effect::Download(Export::Json)]
    );
    let json = export::file(&s, Export::Json).unwrap().contents;
    assert!(
        json.contains("\"query\": \"v=3&mc=200&vol=80\""),
        "{}",
        &json[..80]
    );
    assert_eq!(json, cli_json(&s));
    // Monte Carlo switched off while a download waits: it goes at once, without Monte Carlo,
    // as the CLI's for the scenario shown.
    update(&mut s, Action::Set(Key::Vol, 90.0));
    update(&mut s, Action::Export(Export::Json));
    let effects = update(&mut s, Action::Set(Key::Mc, 0.0));
    assert_eq!(
        effects[1..],
        [Effect::Download(Export::Json), Effect::CancelMonteCarlo]
    );
    assert_eq!(
        export::file(&s, Export::Json).unwrap().contents,
        cli_json(&s)
    );
}

#[test]
fn a_worker_that_fails_to_load_says_so_and_downloads_make_their_own_run() {
    let mut s = load("mc=200&tab=fan&lang=it");
    start(&mut s);
    assert_eq!(s.monte_carlo_worker, McWorker::Loading);
    update(&mut s, Action::Export(Export::Json));
    // Silent past its time: failed. The download goes, its Monte Carlo made on the page.
    assert_eq!(
        update(&mut s, worker(WorkerEvent::Silent)),
        [Effect::Download(Export::Json)]
    );
    assert_eq!(s.monte_carlo_worker, McWorker::TimedOut);
    assert_eq!(s.monte_carlo_run, None);
    let failed = "Monte Carlo non è partito: il suo web worker non si è caricato. Ricarica la pagina per riprovare.";
    assert_eq!(
        page::monte_carlo_line(&s, ChartId::Fan),
        Some(McLine::Failed { text: failed })
    );
    assert_eq!(
        page::notice(&s).map(|n| n.sentence),
        Some("Il worker di Monte Carlo non si è caricato, quindi il Monte Carlo del download l'ha calcolato questa pagina.")
    );
    assert_eq!(
        export::file(&s, Export::Json).unwrap().contents,
        cli_json(&s)
    );
    // No run is asked of it any more; downloads go at once.
    let effects = update(&mut s, Action::Set(Key::Vol, 80.0));
    assert_eq!(monte_carlo_effects(effects), []);
    assert_eq!(
        update(&mut s, Action::Export(Export::Png)),
        [Effect::DownloadChart(Export::Png)]
    );
    // Its line says so in English too; `mc=0` is still an offer to switch it on.
    update(&mut s, Action::Navigated("mc=200&tab=fan".into()));
    assert_eq!(s.monte_carlo_worker, McWorker::TimedOut);
    assert_eq!(
        page::monte_carlo_line(&s, ChartId::Fan),
        Some(McLine::Failed {
            text: "Monte Carlo could not run: its web worker did not load. Reload the page to try again."
        })
    );
    update(&mut s, Action::Set(Key::Mc, 0.0));
    assert!(matches!(
        page::monte_carlo_line(&s, ChartId::Fan),
        Some(McLine::Off { .. })
    ));
    // It loads after all (a slow network): ready, and the fan's run is asked of it again.
    update(&mut s, Action::Set(Key::Mc, 200.0));
    let effects = update(&mut s, worker(WorkerEvent::Loaded));
    assert_eq!(s.monte_carlo_worker, McWorker::Ready);
    assert_eq!(
        monte_carlo_effects(effects).len(),
        1,
        "the run is asked again"
    );
    assert!(matches!(
        page::monte_carlo_line(&s, ChartId::Fan),
        Some(McLine::Running { .. })
    ));
}

#[test]
fn a_worker_that_loaded_is_not_failed_by_its_watch_but_by_its_errors() {
    let mut s = load("mc=200&tab=fan");
    start(&mut s);
    assert!(update(&mut s, worker(WorkerEvent::Loaded)).is_empty());
    assert_eq!(s.monte_carlo_worker, McWorker::Ready);
    // Its watch runs out after it has loaded: nothing changes.
    assert!(update(&mut s, worker(WorkerEvent::Silent)).is_empty());
    assert_eq!(s.monte_carlo_worker, McWorker::Ready);
    assert!(matches!(
        page::monte_carlo_line(&s, ChartId::Fan),
        Some(McLine::Running { .. })
    ));
    // An `error` event (the worker broke mid-run): failed, and the run will never come.
    update(&mut s, worker(WorkerEvent::Failed));
    assert_eq!(
        (s.monte_carlo_worker, s.monte_carlo_run),
        (McWorker::Failed, None)
    );
    assert!(matches!(
        page::monte_carlo_line(&s, ChartId::Fan),
        Some(McLine::Failed { .. })
    ));
    // A late "loaded" does not bring it back.
    update(&mut s, worker(WorkerEvent::Loaded));
    assert_eq!(s.monte_carlo_worker, McWorker::Failed);
}

#[test]
fn chart_panels_carry_caption_legend_and_table_in_the_page_language() {
    let s = load("lang=it&tab=map");
    let panel = page::chart_panel(&s, ChartId::Map);
    assert_eq!(panel.title, "Mappa di pareggio");
    assert!(panel.label.starts_with("Mappa di pareggio. "));
    assert!(panel.table_caption.contains("Mappa di pareggio"));
    let table = page::chart_table(&s.results, ChartId::Map, None, s.view.lang);
    assert_eq!(table.rows.len(), MAP_CELLS);
    assert_eq!(table.columns.len(), MAP_CELLS + 1);
    assert!(table.rows[0][1].contains('$'), "{}", table.rows[0][1]);
    let tornado = page::chart_table(&s.results, ChartId::Sensitivity, None, s.view.lang);
    assert!(!tornado.rows.is_empty());
    assert!(!page::chart_panel(&s, ChartId::Sensitivity)
        .legend
        .is_empty());
}

#[test]
fn embed_and_full_queries() {
    let s = load("mw=18&embed=1&controls=btc,gpu&tab=cash");
    assert_eq!(s.query(), "v=3&mw=18&tab=cash&embed=1&controls=btc,gpu");
    assert_eq!(s.full_query(), "v=3&mw=18&tab=cash");
    assert_eq!(s.embed_query(), "v=3&mw=18&tab=cash&embed=1");
    assert_eq!(
        s.link(CopyWhat::Link),
        format!("{PAGE}?v=3&mw=18&tab=cash&embed=1&controls=btc,gpu")
    );
    // What an embed prints as its scenario's link: the full explorer's.
    assert_eq!(s.full_link(), format!("{PAGE}?v=3&mw=18&tab=cash"));
}

#[test]
fn the_yearly_table_and_the_footer() {
    let s = load("start=2027-07&years=2");
    let t = page::annual_table(&s.results, Lang::En);
    assert_eq!(t.columns.len(), 10);
    assert_eq!(
        t.rows
            .iter()
            .map(|r| (r[0].as_str(), r[1].as_str()))
            .collect::<Vec<_>>(),
        [("2027", "6"), ("2028", "12"), ("2029", "6")]
    );
    let last = &s.projection().years[2];
    assert_eq!(t.rows[2][9], Lang::En.fmt().money(last.cumulative_delta));
    // The plan's other flows: in the default plan, 2027 sells the converted site's ASICs
    // (no revenue, no terminal value yet) and the last year holds the terminal value.
    let d = load("");
    let t = page::annual_table(&d.results, Lang::En);
    assert_eq!(t.columns[5], "Plan: other flows");
    let other = |year: i32| -> f64 {
        (d.projection().months.iter())
            .filter(|m| m.month.year() == year)
            .map(|m| {
                let p = &m.plan;
                p.asic_sales + p.prepayment + p.terminal_mining + p.terminal_ai
            })
            .sum()
    };
    assert!(other(2027) > 0.0);
    assert_eq!(t.rows[0][5], Lang::En.fmt().money(other(2027)));
    let last = t.rows.last().unwrap();
    assert_eq!(last[0], "2036");
    assert!(other(2036) >= d.projection().summary.plan.terminal);
    assert_eq!(last[5], Lang::En.fmt().money(other(2036)));
    assert!(page::footer(Lang::En).contains("snapshot of 26 Jun 2026"));
    assert!(page::footer(Lang::It).contains("istantanea del 26 giu 2026"));
}

#[test]
fn a_data_table_says_what_its_rows_hold_where_its_headers_do_not() {
    let s = load("");
    let caption = |id| page::chart_panel(&s, id).table_caption;
    assert_eq!(
        caption(ChartId::Revenue),
        "Revenue: the numbers behind the chart (one row per calendar year: the sum of the year's months)"
    );
    assert!(caption(ChartId::Cash)
        .ends_with("(one row per calendar year: the value at the year's end)"));
    assert!(caption(ChartId::Fan).ends_with("the year's last month)"));
    // The map's headers say what a cell is, and the hashprice table's say "average".
    assert!(caption(ChartId::Map).ends_with("the numbers behind the chart"));
    assert!(caption(ChartId::Hashprice).ends_with("the numbers behind the chart"));
    let it = load("lang=it");
    assert!(page::chart_panel(&it, ChartId::Revenue)
        .table_caption
        .ends_with("(una riga per anno solare: la somma dei mesi dell'anno)"));
}

#[test]
fn new_charts_have_panels_and_tables() {
    let s = load("tab=timing");
    let t = page::chart_table(&s.results, ChartId::Timing, None, Lang::En);
    assert_eq!(t.rows.len(), 13);
    assert_eq!(
        t.rows[4][..2],
        ["12\u{a0}months".to_string(), "Jan 2028".to_string()]
    );
    let r = page::chart_table(&s.results, ChartId::Rates, None, Lang::En);
    assert_eq!(r.rows.len(), 31);
    assert_eq!(page::chart_panel(&s, ChartId::Rates).title, "Discount rate");
}

#[test]
fn the_theme_follows_the_key_or_the_system_and_legends_follow_the_theme() {
    let mut s = load("");
    assert!(!s.dark());
    assert_eq!(page_update(&mut s, Action::SystemDark(true)), []);
    assert!(s.dark(), "theme=auto follows the system");
    let legend = |s: &State| palette::css(page::chart_panel(s, ChartId::Revenue).legend[1].color);
    assert_eq!(legend(&s), "#56b4e9", "the dark palette's AI colour");
    // Back and forward keep the system's choice; theme=light overrides it.
    page_update(&mut s, Action::Navigated("v=3&theme=light".into()));
    assert!(s.system_dark && !s.dark());
    assert_eq!(legend(&s), "#0072b2");
    assert_eq!(s.query(), "v=3&theme=light");
    assert!(
        s.embed_query().ends_with("&theme=light&embed=1"),
        "embeds take the theme"
    );
    let mut d = load("theme=dark");
    page_update(&mut d, Action::SystemDark(false));
    assert!(d.dark());
}

#[test]
fn the_market_snapshot_is_aged_to_the_readers_today_through_back_and_forward() {
    let mut s = load("lang=it");
    let today = Date {
        year: 2026,
        month: 12,
        day: 7,
    };
    s.today = Some(today);
    update(&mut s, Action::Navigated("mw=18&lang=it".into()));
    assert_eq!(s.today, Some(today));
    let line = snapshot::snapshot(s.view.lang, &s.scenario, s.today);
    assert_eq!((line.date.as_str(), line.stale), ("2026-06-26", true));
    assert!(
        line.text
            .starts_with("Mercato del 26 giu 2026 · 164\u{a0}giorni fa:"),
        "{}",
        line.text
    );
}

#[test]
fn market_refresh_pins_the_link_and_takes_the_current_snapshot_as_a_new_history_entry() {
    let mut s = load("v=2&mw=18&tab=cash");
    assert_eq!(
        s.query(),
        "v=3&mw=18&btc=65000&hr=890&fee=0.02&cterm=0&mc=0&aivol=0&tab=cash"
    );
    let line = snapshot::snapshot(Lang::En, &s.scenario, None);
    assert_eq!(line.date, "2026-06-15");
    assert!(line.refresh.is_some());
    // A as the link was; now with the market inputs of 26 Jun 2026, every other key as it was.
    let effects = page_update(&mut s, Action::MarketRefresh);
    let now = "v=3&mw=18&cterm=0&mc=0&aivol=0";
    let cmp = "cmp=v%3D3%26mw%3D18%26btc%3D65000%26hr%3D890%26fee%3D0.02%26cterm%3D0%26mc%3D0%26aivol%3D0";
    assert_eq!(effects, [url(&format!("{now}&tab=cash&{cmp}"), true)]);
    let steps = hashshift::explorer::view::compare::steps(&s.view.cmp.unwrap(), &s.scenario);
    let keys: Vec<Key> = steps.iter().map(|step| step.key).collect();
    assert_eq!(keys, [Key::Btc, Key::Hr, Key::Fee]);
    let line = snapshot::snapshot(Lang::En, &s.scenario, None);
    assert_eq!((line.date.as_str(), line.refresh), ("2026-06-26", None));
    // Back: the link as it was, unpinned.
    page_update(
        &mut s,
        Action::Navigated(
            "v=3&mw=18&btc=65000&hr=890&fee=0.02&cterm=0&mc=0&aivol=0&tab=cash".into(),
        ),
    );
    assert_eq!((s.view.cmp, s.compare.is_none()), (None, true));
}

#[test]
fn the_italian_page_reads_a_decimal_comma() {
    let mut s = load("lang=it");
    update(&mut s, Action::SetText(Key::Power, "47,5".into()));
    assert_eq!(s.scenario.get(Key::Power), 47.5);
    update(&mut s, Action::SetText(Key::Btc, "70.000".into()));
    assert_eq!(s.scenario.get(Key::Btc), 70000.0);
    assert!(s.warnings.is_empty());
    assert_eq!(
        s.query(),
        "v=3&power=47.5&btc=70000&lang=it",
        "the canonical URL never changes with the language"
    );
    // On the English page a comma is a thousands separator, or else a mistake warned about.
    let mut e = load("");
    update(&mut e, Action::SetText(Key::Btc, "70,000".into()));
    assert_eq!(e.scenario.get(Key::Btc), 70000.0);
    update(&mut e, Action::SetText(Key::Power, "47,5".into()));
    assert_eq!(e.scenario.get(Key::Power), 45.0);
    assert_eq!(e.warnings.len(), 1);
}

#[test]
fn the_json_download_uses_the_finished_run_and_equals_the_cli() {
    let mut s = load("mc=200&vol=70&tab=fan");
    start(&mut s);
    let done = McResult {
        scenario: s.scenario,
        result: Rc::new(monte_carlo(s.projection()).unwrap()),
    };
    update(&mut s, Action::MonteCarloDone(Box::new(done)));
    assert!(s.current_monte_carlo().is_some());
    let json = export::file(&s, Export::Json).unwrap().contents;
    assert_eq!(json, report::json_of("v=3&mc=200&vol=70", &[]));
    assert!(json.contains("\"npv_advantage_p50\""));
}

#[test]
fn the_banner_lists_eight_warnings_two_in_an_embed_and_the_rest_when_asked() {
    let query: Vec<String> = (0..900).map(|i| format!("k{i}=1")).collect();
    let s = load(&query.join("&"));
    assert_eq!(
        s.warnings.len(),
        900,
        "every problem is kept for the CLI's report"
    );
    let lines = listed(&s);
    assert_eq!(lines.len(), 8);
    assert_eq!(lines[0], "Unknown key `k0` was ignored.");
    assert_eq!(more(&s).unwrap(), "Show 892 more");
    // Asked, the banner lists the rest after the first eight, and a new link starts again.
    let mut all = s.clone();
    update(&mut all, Action::ShowAllWarnings);
    let b = page::banner(&all.warnings, BannerMode::of(&all)).unwrap();
    assert_eq!((b.first.len(), b.rest.len(), b.more), (8, 892, None));
    assert_eq!(backticked(&b.rest[891]), "Unknown key `k899` was ignored.");
    update(
        &mut all,
        Action::Navigated("k0=1&k1=2&zz=3&k3=4&k4=5&k5=6&k6=7&k7=8&k8=9&k9=0".into()),
    );
    assert_eq!(
        (listed(&all).len(), more(&all)),
        (8, Some("Show 2 more".into()))
    );
    // …and so does a value typed with problems.
    update(&mut all, Action::ShowAllWarnings);
    update(&mut all, Action::SetText(Key::Btc, "lots".into()));
    assert_eq!((listed(&all).len(), more(&all)), (1, None));
    assert!(!all.warnings_all);
    let s = load(&format!("lang=it&{}", query.join("&")));
    assert_eq!(more(&s).unwrap(), "Mostra altri 892");
    // Eight problems are listed whole, and nine too: a button would hide just one.
    for n in [8, 9] {
        let s = load(&query[..n].join("&"));
        assert_eq!((listed(&s).len(), more(&s)), (n, None));
    }
    // An embed, whose chart must keep its frame, lists two.
    let s = load(&format!("embed=1&{}", query[..8].join("&")));
    assert_eq!(
        (listed(&s).len(), more(&s)),
        (2, Some("Show 6 more".to_string()))
    );
    // A link shared on a social network or in a newsletter is no problem to its reader.
    let s = load("v=3&mw=18&fbclid=IwAR0abc&utm_source=twitter&utm_medium=social");
    assert!(s.warnings.is_empty() && listed(&s).is_empty());
    assert_eq!(s.query(), "v=3&mw=18");
}

#[test]
fn every_sentence_fills_every_slot_in_every_language() {
    // Scenarios whose sentences take every article and every branch: one or two discount rates,
    // the market or book terminal value, nothing converted, a share of the site.
    let queries = [
        "mc=200&tab=fan",
        "rate=8&caprate=8&conv=80&mc=200&tab=fan",
        "airate=0&ai=colo&tv=book&phases=2",
        "conv=0&mw=80",
        "landv=50&gpu=6",
    ];
    for q in queries {
        let mut s = load(q);
        start(&mut s);
        if let Some(result) = monte_carlo(s.projection()) {
            let (scenario, result) = (s.scenario, Rc::new(result));
            update(
                &mut s,
                Action::MonteCarloDone(Box::new(McResult { scenario, result })),
            );
        }
        for lang in Lang::ALL {
            let p = s.projection();
            let odds = odds::for_summary(&s);
            let mut texts = vec![summary::summary(p, odds, lang), page::footer(lang)];
            for card in kpi::cards(p, lang) {
                texts.extend([card.meaning, card.text]);
            }
            for d in KEYS {
                let c = controls::control(&s.scenario, d.key, lang);
                texts.extend(c.note.into_iter().chain([c.reset_title, c.reset_label]));
            }
            match page::monte_carlo_line(&s, ChartId::Fan) {
                Some(McLine::Current(n)) => texts.push(n.text),
                _ => assert!(!q.contains("mc="), "{q}: the numbers of its run"),
            }
            for text in texts {
                assert!(!text.contains(['{', '}']), "{q} in {}: {text}", lang.code());
            }
        }
    }
    // Italian names the snapshot with its article, and the Monte Carlo share with its own.
    assert!(page::footer(Lang::It).contains("istantanea del 26 giu 2026"));
    // Without AI-rate risk, a GPU-hour at $1.50 loses on every path (the CLI: prob_plan_better
    // 0.0); the defaults win on all of them (the CLI's 200 paths: 1.0).
    let it = monte_carlo_line("gpu=1.5&mc=200&aivol=0&tab=fan&lang=it");
    assert!(it.contains("vince nello 0\u{a0}% dei percorsi"), "{it}");
    let it = monte_carlo_line("mc=200&aivol=0&tab=fan&lang=it");
    assert!(it.contains("vince nel 100\u{a0}% dei percorsi"), "{it}");
}

/// The Monte Carlo line of the fan chart once its run for `query` is done.
fn monte_carlo_line(query: &str) -> String {
    let mut s = load(query);
    start(&mut s);
    let result = Rc::new(monte_carlo(s.projection()).unwrap());
    let scenario = s.scenario;
    update(
        &mut s,
        Action::MonteCarloDone(Box::new(McResult { scenario, result })),
    );
    let Some(McLine::Current(n)) = page::monte_carlo_line(&s, ChartId::Fan) else {
        panic!("{query}: current numbers");
    };
    n.text
}

#[test]
fn the_odds_chart_shows_no_earlier_run_while_the_next_goes_on() {
    let table = |s: &State| {
        let mc = page::chart_monte_carlo(s).map(|m| &**m);
        page::chart_table(&s.results, ChartId::Odds, mc, Lang::En)
    };
    let mut s = load("tab=odds");
    start(&mut s);
    assert!(table(&s).rows.is_empty());
    update_with(&mut s, finished);
    let line = page::monte_carlo_line(&s, ChartId::Odds);
    assert!(matches!(line, Some(McLine::Current(_))), "{line:?}");
    // A row per dot, each a hundredth of the paths: percentiles 0.5 to 99.5.
    let t = table(&s);
    assert_eq!(t.rows.len(), 100);
    assert_eq!(
        (t.rows[0][0].as_str(), t.rows[99][0].as_str()),
        ("0.5", "99.5")
    );
    // A slider moves: the fan keeps its previous drawing, marked stale, while the odds chart
    // says it is updating, with no table, until the new inputs' run lands.
    update(&mut s, Action::Slide(Key::Btc, 90000.0));
    let line = page::monte_carlo_line(&s, ChartId::Odds);
    assert!(matches!(line, Some(McLine::Running { .. })), "{line:?}");
    let fan = page::monte_carlo_line(&s, ChartId::Fan);
    assert!(matches!(fan, Some(McLine::Stale { .. })), "{fan:?}");
    assert!(table(&s).rows.is_empty());
    update_with(&mut s, finished);
    assert_eq!(table(&s).rows.len(), 100);
}

#[test]
fn the_monte_carlo_line_never_says_every_path_when_one_loses() {
    // 1 path of 2,000 loses (the CLI: prob_plan_better 0.9995), the AI rate held still.
    let q = "ai=colo&mc=2000&vol=300&aivol=0&tab=fan";
    assert_eq!(
        monte_carlo(load(q).projection()).unwrap().prob_plan_better,
        0.9995
    );
    assert!(monte_carlo_line(q).ends_with("converting wins in 99\u{a0}% of paths"));
    let it = monte_carlo_line(&format!("{q}&lang=it"));
    assert!(
        it.ends_with("la conversione vince nel 99\u{a0}% dei percorsi"),
        "{it}"
    );
}

#[test]
fn the_monte_carlo_line_counts_its_paths_in_the_singular_for_one() {
    for (q, said) in [
        ("mc=1&tab=fan", "1\u{a0}path · NPV"),
        ("mc=1&tab=fan&lang=it", "1\u{a0}percorso · vantaggio"),
        ("mc=2000&tab=fan", "2,000\u{a0}paths · NPV"),
        ("mc=2000&tab=fan&lang=it", "2.000\u{a0}percorsi · vantaggio"),
    ] {
        let line = monte_carlo_line(q);
        assert!(line.starts_with(said), "{q}: {line}");
    }
}

#[test]
fn a_chart_that_draws_its_message_is_named_by_it_and_has_no_legend() {
    let s = load("preset=keep-mining&tab=rates");
    let panel = page::chart_panel(&s, ChartId::Rates);
    assert_eq!(
        panel.label,
        "Discount rate. Nothing converts within the horizon: the plan is to keep mining, and its NPV advantage is 0 throughout."
    );
    assert!(panel.legend.is_empty());
    // A time chart draws the plan, which is then the baseline.
    let revenue = page::chart_panel(&s, ChartId::Revenue);
    assert!(!revenue.label.contains("Nothing converts") && !revenue.legend.is_empty());
}

#[test]
fn cash_with_several_irrs_names_them_all_and_favours_neither_side() {
    // A land value this high ends the horizon with keep-mining's land worth more than the
    // plan's last month: the extra cash goes −, +, −, with an IRR at −28.4 %/yr (ECONOMICS.md's,
    // nearest zero) and one at 56.4 %/yr, while the NPV advantage is +$2.58 B (the CLI's
    // monthly cash flows, the roots of their difference's NPV found by bisection).
    let s = load("landv=50&gpu=6");
    let p = s.projection();
    let irrs = p.incremental_irrs();
    assert_eq!(irrs.len(), 2, "{irrs:?}");
    assert_eq!(Some(irrs[0]), p.summary.irr_incremental);
    assert!(p.summary.npv_advantage > 1e9);
    for (lang, listed, summed) in [
        (
            Lang::En,
            "more than one IRR: −28.4\u{a0}%/yr and 56.4\u{a0}%/yr.",
            "that cash has more than one IRR (−28.4\u{a0}%/yr and 56.4\u{a0}%/yr)",
        ),
        (
            Lang::It,
            "più di un TIR: −28,4\u{a0}%/anno e 56,4\u{a0}%/anno.",
            "quella cassa ha più di un TIR (−28,4\u{a0}%/anno e 56,4\u{a0}%/anno)",
        ),
    ] {
        let card = kpi::cards(p, lang)
            .into_iter()
            .find(|k| k.id == "irr_incremental")
            .unwrap();
        assert_eq!(card.favours_plan, None);
        assert!(card.meaning.contains(listed), "{}", card.meaning);
        let said = summary::summary(p, None, lang);
        assert!(said.contains(summed), "{said}");
    }
    // One IRR: the card compares it with the discount rate, as before.
    let s = load("");
    let p = s.projection();
    assert_eq!(
        p.incremental_irrs(),
        vec![p.summary.irr_incremental.unwrap()]
    );
    let card = kpi::cards(p, Lang::En)
        .into_iter()
        .find(|k| k.id == "irr_incremental")
        .unwrap();
    assert!(
        card.meaning.starts_with("The yearly return"),
        "{}",
        card.meaning
    );
}

#[test]
fn the_inputs_are_swept_at_load_and_once_per_scenario_and_a_stale_sweep_is_dropped() {
    let mut s = load("mc=0");
    let at_load = s.scenario;
    // At load: one sweep of the scenario shown (and the worker, spawned for it, loads).
    let effects = explorer::start(&mut s);
    assert!(effects.contains(&Effect::Sweep(Box::new(at_load))));
    assert_eq!(s.monte_carlo_worker, McWorker::Loading);
    // Asked for already: another change of the view asks for nothing more.
    let again = explorer::update(&mut s, Action::Tab(ChartId::Cash));
    assert!(!again.iter().any(|e| matches!(e, Effect::Sweep(_))));
    // A slider step asks for the new scenario's sweep.
    let effects = explorer::update(&mut s, Action::Slide(Key::Btc, 70_000.0));
    let moved = s.scenario;
    assert!(effects.contains(&Effect::Sweep(Box::new(moved))));
    // The sweep of the first scenario lands late: dropped.
    let made = |scenario| Swept {
        scenario,
        sweeps: Rc::new(sweeps(&hashshift::model::run(&scenario))),
    };
    explorer::update(&mut s, Action::Swept(Box::new(made(at_load))));
    assert_eq!(s.swept, None);
    // The one asked for lands: kept, and nothing more is asked.
    let effects = explorer::update(&mut s, Action::Swept(Box::new(made(moved))));
    assert_eq!(s.swept, Some(made(moved)));
    assert!(effects.is_empty(), "{effects:?}");
    // A worker that fails makes no sweeps: none is asked for any more.
    explorer::update(&mut s, Action::MonteCarloWorker(WorkerEvent::Failed));
    let effects = explorer::update(&mut s, Action::Slide(Key::Btc, 80_000.0));
    assert!(!effects.iter().any(|e| matches!(e, Effect::Sweep(_))));
    // An embed shows neither the panel nor the bands.
    let mut embed = load("embed=1&mc=0");
    assert!(!explorer::start(&mut embed)
        .iter()
        .any(|e| matches!(e, Effect::Sweep(_))));
}

#[test]
fn a_break_even_chosen_is_a_new_history_entry_at_six_significant_figures() {
    let mut s = load("mc=0");
    let effects = update(&mut s, Action::BreakEven(Key::Btc, 107_673.712_942_525_76));
    assert_eq!(effects, [url("v=3&btc=107674&mc=0", true)]);
    assert_eq!(s.scenario.get(Key::Btc), 107_674.0);
}
