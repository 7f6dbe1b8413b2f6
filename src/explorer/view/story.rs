//! The story panel, `[data-role=story]`: the step's heading and text, its numbers the step's own
//! as the KPI cards write them (a Monte Carlo number a "…" until the worker's run of the step
//! lands), and the progress line.

use super::kpi::{data_value, pinned_cards, Kpi};
use super::page::shown_share;
use crate::analysis::MonteCarlo;
use crate::explorer::core::story::{Piece, MC_FIELDS};
use crate::explorer::core::{State, View};
use crate::i18n::{Lang, Msg};
use crate::scenario::canonical_query;

/// A piece of a step's text, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub enum Bit {
    /// Words.
    Text(String),
    /// A number: its field (`data-field`), its value as the CLI prints it (`data-value`, empty
    /// while not known) and its text.
    Number(String, String, String),
    /// A link: its label and address.
    Link(String, String),
}

/// What the story panel shows.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryPanel {
    /// The story's title.
    pub title: &'static str,
    /// The step's heading.
    pub heading: &'static str,
    /// The step's paragraphs.
    pub text: Vec<Vec<Bit>>,
    /// The step, 1-based, and how many there are.
    pub step: usize,
    /// How many steps the story has.
    pub steps: usize,
    /// `Step 2 of 6`.
    pub progress: String,
    /// Whether a number waits for the Monte Carlo run.
    pub pending: bool,
    /// The full explorer with the step's scenario, out of the story (an embed's wheel).
    pub exit_href: String,
}

/// The panel of the story open in `state`, if any.
pub fn panel(state: &State) -> Option<StoryPanel> {
    let lang = state.view.lang;
    let at = state.view.story?;
    let story = at.story(lang)?;
    let step = story.steps.get(at.step - 1)?;
    let cards = pinned_cards(state.projection(), lang);
    let mc = state.current_monte_carlo();
    let failed = state.monte_carlo_worker.failed();
    let mut pending = false;
    let text = (step.text.iter())
        .map(|paragraph| {
            (paragraph.iter())
                .map(|piece| match piece {
                    Piece::Text(t) => Bit::Text(t.clone()),
                    Piece::Link(label, href) => Bit::Link(label.clone(), href.clone()),
                    Piece::Field(name) => {
                        let (value, text) = field(name, &cards, mc, failed, lang)
                            .unwrap_or_else(|| (String::new(), format!("{{{name}}}")));
                        pending |= text == PENDING;
                        Bit::Number(name.clone(), value, text)
                    }
                })
                .collect()
        })
        .collect();
    let outside = View {
        story: None,
        embed: false,
        controls: None,
        ..state.view.clone()
    };
    Some(StoryPanel {
        title: story.title,
        heading: step.heading,
        text,
        step: at.step,
        steps: story.steps.len(),
        progress: lang.fill(
            Msg::StoryProgress,
            &[
                ("step", &at.step.to_string()),
                ("steps", &story.steps.len().to_string()),
            ],
        ),
        pending,
        exit_href: format!(
            "./?{}{}",
            canonical_query(&state.scenario),
            outside.query_suffix()
        ),
    })
}

/// What stands for a Monte Carlo number while its run goes on.
const PENDING: &str = "…";

/// Field `name`'s value as the CLI prints it and its text: a summary field's as its KPI card
/// (of `cards`) writes it (`plan.npv` and `baseline.npv` as the best-choice card lists them), a
/// Monte Carlo one's from the run `mc` (shares as the odds card writes them, money as the
/// Monte Carlo line), pending while the run goes on and a dash when the worker `failed`.
/// `None` for a field no card shows.
pub fn field(
    name: &str,
    cards: &[Kpi],
    mc: Option<&MonteCarlo>,
    failed: bool,
    lang: Lang,
) -> Option<(String, String)> {
    if MC_FIELDS.contains(&name) {
        let Some(mc) = mc else {
            let word = if failed { lang.t(Msg::Dash) } else { PENDING };
            return Some((String::new(), word.into()));
        };
        let f = lang.fmt();
        let (x, money) = match name {
            "prob_plan_better" => (mc.prob_plan_better, false),
            "best_convert" => (mc.best_convert, false),
            "best_mine" => (mc.best_mine, false),
            "best_sell" => (mc.best_sell, false),
            "npv_advantage_p10" => (mc.npv_advantage_p10, true),
            "npv_advantage_p50" => (mc.npv_advantage_p50, true),
            _ => (mc.npv_advantage_p90, true),
        };
        let (percent, decimals) = shown_share(x);
        let text = match money {
            true => f.money(x),
            false => f.quantity(&f.fixed(percent, decimals), percent, Some(Msg::UnitPct)),
        };
        return Some((data_value(x), text));
    }
    let choice = match name {
        "plan.npv" => "convert",
        "baseline.npv" => "mine",
        _ => {
            let card = cards.iter().find(|k| k.id == name)?;
            return Some((card.data_value.clone(), card.text.clone()));
        }
    };
    let mut choices = cards.iter().flat_map(|k| &k.choices);
    let c = choices.find(|c| c.choice == choice)?;
    Some((c.data_value.clone(), c.text.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::monte_carlo;
    use crate::explorer::core::story::{ids, story};

    #[test]
    fn every_number_of_every_story_is_written_as_its_card_writes_it() {
        for id in ids() {
            for lang in Lang::ALL {
                let s = story(id, lang).unwrap_or_else(|| panic!("{id} {lang:?} reads"));
                for (i, step) in s.steps.iter().enumerate() {
                    let state =
                        State::load("https://x.org/", &format!("story={id}&step={}", i + 1));
                    let cards = pinned_cards(state.projection(), lang);
                    let mc = monte_carlo(state.projection());
                    for name in step.fields() {
                        let known = field(name, &cards, mc.as_ref(), false, lang);
                        assert!(
                            known.is_some(),
                            "{id}.{lang:?} step {}: {{{name}}} is no field a card shows",
                            i + 1
                        );
                        let (value, text) = known.unwrap();
                        assert!(
                            !value.is_empty() && !text.is_empty(),
                            "{id} step {}: {{{name}}} is null",
                            i + 1
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_monte_carlo_number_waits_for_its_run() {
        let state = State::load("https://x.org/", "story=contracts&step=1&lang=it");
        let p = panel(&state).unwrap();
        assert!(p.pending);
        assert_eq!((p.step, p.progress.as_str()), (1, "Passo 1 di 6"));
        let cards = pinned_cards(state.projection(), Lang::En);
        assert_eq!(
            field("best_sell", &cards, None, false, Lang::En).unwrap().1,
            "…"
        );
        assert_eq!(
            field("best_sell", &cards, None, true, Lang::En).unwrap().1,
            "—"
        );
        let mc = monte_carlo(state.projection()).unwrap();
        let sell = field("best_sell", &cards, Some(&mc), false, Lang::It).unwrap();
        assert_eq!(sell.0, data_value(mc.best_sell));
        // A summary field is its card's text; the NPVs are the best-choice card's.
        let npv = field("npv_advantage", &cards, None, false, Lang::En).unwrap();
        assert_eq!(npv, (cards[0].data_value.clone(), cards[0].text.clone()));
        let mine = field("baseline.npv", &cards, None, false, Lang::En).unwrap();
        assert_eq!(mine.0, data_value(state.projection().summary.baseline.npv));
        assert_eq!(field("debt_peak_usd", &cards, None, false, Lang::En), None);
    }
}
