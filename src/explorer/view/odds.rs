//! The odds card, `[data-kpi=prob_plan_better]`: the share of Monte Carlo paths on which
//! converting beats keeping mining, said as a reader can quote it ("In 34 of 100 simulated
//! futures, converting beats keeping mining"), and the share on which each choice (convert,
//! keep mining, sell now) is the best, from the worker's run of the scenario shown (ECONOMICS.md
//! §10), in whole numbers of 100 ([`shown_share`]). While that run is asked for or under way the
//! card is laid out as it will be, each number in its place a "…": never the previous inputs'
//! numbers as if they were these, and the page does not move when the run lands.

use super::kpi::{compare, data_value, no_plan, Card, ChoiceValue, Kpi, RunState};
use crate::analysis::MonteCarlo;
use crate::charts::choice_label;
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

/// The odds the page's summary tells: those of the run of the scenario shown, `Some(None)`
/// while it goes on; `None` where the page shows no odds card, or its worker did not load.
pub fn for_summary(state: &State) -> Option<Option<&MonteCarlo>> {
    let mc = state.current_monte_carlo();
    let coming = mc.is_some() || !state.monte_carlo_worker.failed();
    (state.shows_odds() && coming).then_some(mc)
}

/// A share of paths (0–1) as the odds are written, in whole percent (whole numbers of 100: a
/// thousand paths do not tell 33.7 % from 34 %), except that a share that is neither none nor
/// all of the paths is never written 0 or 100, but 1 or 99 (1 path in 2,000 losing is 99).
pub(super) fn shown_share(prob: f64) -> f64 {
    let whole = (prob * 100.0).round();
    if prob > 0.0 && prob < 1.0 {
        whole.clamp(1.0, 99.0)
    } else {
        whole
    }
}

/// A share of paths (0–1) for people, in whole percent: `62 %`, `99 %` (never 0 or 100 unless
/// it is: see [`shown_share`]).
pub(super) fn share(fraction: f64, lang: Lang) -> String {
    let f = lang.fmt();
    let percent = shown_share(fraction);
    f.quantity(&f.number(percent, 0), percent, Some(Msg::UnitPct))
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
        let n = prob.map_or(PENDING.into(), |x| lang.fmt().number(shown_share(x), 0));
        lang.fill(msg, &[("n", &n)])
    } else {
        no_plan(p, lang)
    };
    let favours = prob.filter(|&x| converts && x != 0.5).map(|x| x > 0.5);
    let shares = [
        (Choice::Convert, mc.map(|m| m.best_convert)),
        (Choice::Mine, mc.map(|m| m.best_mine)),
        (Choice::Sell, mc.map(|m| m.best_sell)),
    ];
    let most = shares.iter().filter_map(|s| s.1).fold(0.0, f64::max);
    // Where nothing converts, the plan is the baseline: converting is never best.
    let choices = (shares.into_iter())
        .filter(|&(choice, _)| converts || choice != Choice::Convert)
        .map(|(choice, fraction)| {
            let (data_value, text) = shown(fraction, lang);
            ChoiceValue {
                choice: choice.name(),
                label: lang.t(choice_label(choice)),
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
    fn a_share_of_paths_is_all_or_none_only_when_it_is() {
        // Whole percent: 0.734 is 73.4 %, written 73; 0.995 is 99.5 %, rounded to 100 but
        // written 99, as it is not every path.
        assert_eq!(shown_share(1.0), 100.0);
        assert_eq!(shown_share(0.0), 0.0);
        assert_eq!(shown_share(0.734), 73.0);
        assert_eq!(shown_share(0.994), 99.0);
        assert_eq!(shown_share(0.995), 99.0);
        // 1 path in 2,000 losing, 1 in 100,000; and the other way round.
        assert_eq!(shown_share(0.9995), 99.0);
        assert_eq!(shown_share(0.99999), 99.0);
        assert_eq!(shown_share(0.0005), 1.0);
        assert_eq!(shown_share(0.00001), 1.0);
        assert_eq!(shown_share(0.016), 2.0);
    }

    #[test]
    fn a_share_of_paths_reads_in_whole_percent_unless_that_would_read_all_or_none() {
        // 0.337 is 33.7 %, written 34 %; 0.5 is 50 %; 1 is 100 % (every path).
        assert_eq!(share(0.337, Lang::En), "34\u{a0}%");
        assert_eq!(share(0.5, Lang::En), "50\u{a0}%");
        assert_eq!(share(1.0, Lang::En), "100\u{a0}%");
        // One path of 1,000 (0.001) is 1 %, not 0 %; 999 of 1,000 are 99 %, not 100 %.
        assert_eq!(share(0.001, Lang::En), "1\u{a0}%");
        assert_eq!(share(0.999, Lang::It), "99\u{a0}%");
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
