//! The odds card, `[data-kpi=prob_plan_better]`: the share of Monte Carlo paths on which
//! converting beats keeping mining, of how many paths, and the share on which each choice
//! (convert, keep mining, sell now) is the best, from the worker's run of the scenario shown
//! (ECONOMICS.md §10). While that run is asked for or under way the card is laid out as it will
//! be, each number in its place a "…" and its sentence (which holds no number) the same: never
//! the previous inputs' numbers as if they were these, and the page does not move when the run
//! lands.

use super::kpi::{compare, data_value, no_plan, Card, ChoiceValue, Kpi, RunState};
use super::page::shown_share;
use crate::analysis::MonteCarlo;
use crate::explorer::core::State;
use crate::i18n::{Lang, Msg};
use crate::model::{Choice, Projection};
use crate::scenario::Key;

/// What stands for a number not known yet.
const PENDING: &str = "…";

/// The odds card of the state, with the pinned scenario's value when its run has finished;
/// `None` when the page shows none ([`State::shows_odds`]: `mc=0`, or an embed).
pub fn card(state: &State) -> Option<Kpi> {
    if !state.shows_odds() {
        return None;
    }
    let lang = state.view.lang;
    let mc = state.current_monte_carlo();
    let mut card = if mc.is_none() && state.monte_carlo_worker.failed() {
        let value = (String::new(), lang.t(Msg::Dash).into());
        Kpi {
            run: Some(RunState::Failed),
            ..kpi(lang, value, lang.t(Msg::McFailed).into(), None)
        }
    } else {
        odds(state.projection(), mc, lang)
    };
    if let (Some(mc), Some(a)) = (state.pinned_monte_carlo(), &state.compare) {
        let pinned = odds(a.projection(), Some(mc), lang);
        compare(std::slice::from_mut(&mut card), &[pinned], lang);
    }
    Some(card)
}

/// Puts the odds card among `cards` in display order: after the best choice's.
pub fn place(cards: &mut Vec<Kpi>, odds: Kpi) {
    let at = cards
        .iter()
        .position(|k| k.id == Card::BestChoice.id())
        .map_or(cards.len(), |i| i + 1);
    cards.insert(at, odds);
}

/// The odds card with value `value` (raw and for people), saying `meaning`.
fn kpi(lang: Lang, value: (String, String), meaning: String, favours: Option<bool>) -> Kpi {
    let titles = (lang.t(Msg::KpiOddsTitle), lang.t(Msg::KpiOddsShort));
    Card::Odds.kpi(titles, value, meaning, favours)
}

/// `n` paths in words: `1,000 paths`, `1 percorso`.
fn paths(n: usize, lang: Lang) -> String {
    let f = lang.fmt();
    f.quantity(&f.grouped(n as u64), n as f64, Some(Msg::UnitPaths))
}

/// A share of paths (0–1) for people: `62 %`, `99.5 %` (never 0 or 100 unless it is: see
/// [`shown_share`]).
fn share(fraction: f64, lang: Lang) -> String {
    let f = lang.fmt();
    let (percent, decimals) = shown_share(fraction);
    f.quantity(&f.fixed(percent, decimals), percent, Some(Msg::UnitPct))
}

/// A share's `data-value` and text, or none and [`PENDING`] while it is not known.
fn shown(fraction: Option<f64>, lang: Lang) -> (String, String) {
    fraction.map_or((String::new(), PENDING.into()), |x| {
        (data_value(x), share(x, lang))
    })
}

/// The card of projection `p`'s scenario: its finished run `mc`'s numbers, or, while none has
/// finished, the same card updating, each number a [`PENDING`].
fn odds(p: &Projection, mc: Option<&MonteCarlo>, lang: Lang) -> Kpi {
    let prob = mc.map(|m| m.prob_plan_better);
    let converts = p.converts();
    let meaning = if converts {
        let msg = if p.scenario.get(Key::Aivol) > 0.0 {
            Msg::OddsMeaning
        } else {
            Msg::OddsMeaningBtc
        };
        let n = mc.map_or(p.scenario.int(Key::Mc) as usize, |m| m.paths);
        lang.fill(msg, &[("paths", &paths(n, lang))])
    } else {
        no_plan(p, lang)
    };
    let favours = prob.filter(|&x| converts && x != 0.5).map(|x| x > 0.5);
    let shares = [
        (
            Choice::Convert,
            Msg::ChoiceConvert,
            mc.map(|m| m.best_convert),
        ),
        (Choice::Mine, Msg::ChoiceMine, mc.map(|m| m.best_mine)),
        (Choice::Sell, Msg::ChoiceSell, mc.map(|m| m.best_sell)),
    ];
    let most = shares.iter().filter_map(|s| s.2).fold(0.0, f64::max);
    // Where nothing converts, the plan is the baseline: converting is never best.
    let choices = (shares.into_iter())
        .filter(|&(choice, ..)| converts || choice != Choice::Convert)
        .map(|(choice, label, fraction)| {
            let (data_value, text) = shown(fraction, lang);
            ChoiceValue {
                choice: choice.name(),
                label: lang.t(label),
                data_value,
                text,
                best: fraction == Some(most),
            }
        })
        .collect();
    let run = match prob {
        Some(_) => RunState::Current,
        None => RunState::Running,
    };
    Kpi {
        choices,
        choices_lead: Some((lang.t(Msg::OddsBest), lang.t(Msg::OddsBestList))),
        run: Some(run),
        ..kpi(lang, shown(prob, lang), meaning, favours)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_of_paths_reads_in_whole_percent_unless_that_would_read_all_or_none() {
        // 0.337 is 33.7 %, written 34 %; 0.5 is 50 %; 1 is 100 % (every path).
        assert_eq!(share(0.337, Lang::En), "34\u{a0}%");
        assert_eq!(share(0.5, Lang::En), "50\u{a0}%");
        assert_eq!(share(1.0, Lang::En), "100\u{a0}%");
        // One path of 1,000 (0.001) is 0.1 %, not 0 %; 999 of 1,000 are 99.9 %, not 100 %.
        assert_eq!(share(0.001, Lang::En), "0.1\u{a0}%");
        assert_eq!(share(0.999, Lang::It), "99,9\u{a0}%");
    }

    #[test]
    fn paths_are_counted_with_their_noun() {
        assert_eq!(paths(1000, Lang::En), "1,000\u{a0}paths");
        assert_eq!(paths(1, Lang::En), "1\u{a0}path");
        assert_eq!(paths(100_000, Lang::It), "100.000\u{a0}percorsi");
    }

    #[test]
    fn the_odds_card_follows_the_best_choice() {
        let state = State::load("https://example.org/h/", "");
        let mut cards = super::super::kpi::cards(state.projection(), Lang::En);
        place(&mut cards, card(&state).unwrap());
        let ids: Vec<&str> = cards.iter().map(|k| k.id).collect();
        let at = ids.iter().position(|&id| id == "best_choice").unwrap();
        assert_eq!(ids[at + 1..at + 3], ["prob_plan_better", "npv_sell"]);
        // Primary cards come first: the odds card ends the headline row.
        let primary: Vec<&str> = (cards.iter().filter(|k| k.primary)).map(|k| k.id).collect();
        assert_eq!(primary.last(), Some(&"prob_plan_better"));
        assert_eq!(primary.len(), 7);
    }
}
