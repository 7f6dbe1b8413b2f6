//! The story panel, `[data-role=story]`: the step's heading and text, its numbers the step's own
//! as the KPI cards write them (a Monte Carlo number a "…" until the worker's run of the step
//! lands), and the progress line.

use super::kpi::{data_value, pinned_cards, Kpi};
use super::odds::share;
use crate::analysis::MonteCarlo;
use crate::explorer::core::story::{Piece, MC_FIELDS};
use crate::explorer::core::State;
use crate::i18n::{Lang, Msg};
use crate::scenario::Preset;

/// What the story panel shows.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryPanel {
    /// The story's title.
    pub title: &'static str,
    /// The step, 1-based.
    pub step: usize,
    /// How many steps the story has.
    pub steps: usize,
    /// The step as HTML: the progress line (`Step 2 of 6`), its heading (`h3`) and its
    /// paragraphs, each number a `<b data-field data-value>` (`data-value` as the CLI prints it,
    /// empty while not known), each link opening in a new tab. Its text is the stories' own
    /// (their test keeps `<` and `&` out of it) and the formatters', so it needs no escaping.
    pub html: String,
    /// Whether a number waits for the Monte Carlo run.
    pub pending: bool,
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
    let steps = story.steps.len();
    let progress = lang.fill(
        Msg::StoryProgress,
        &[
            ("step", &at.step.to_string()),
            ("steps", &steps.to_string()),
        ],
    );
    let mut html = format!(
        "<p class=story-progress>{progress}</p><h3>{}</h3><p>",
        step.heading
    );
    let mut pending = false;
    for piece in step.pieces() {
        html += &match piece {
            Piece::Text(t) => t.into(),
            Piece::Break => "</p><p>".into(),
            Piece::Link(label, href) => format!(
                "<a href=\"{}\" target=_blank rel=noopener>{label}</a>",
                source(href)
            ),
            Piece::Field(name) => {
                let (value, text) = field(name, &cards, mc, failed, lang)
                    .unwrap_or_else(|| (String::new(), name.into()));
                pending |= text == PENDING;
                format!("<b data-field={name} data-value=\"{value}\">{text}</b>")
            }
        };
    }
    html += "</p>";
    Some(StoryPanel {
        title: story.title,
        step: at.step,
        steps,
        html,
        pending,
    })
}

/// A link's address: `preset:ID` is that preset's source, as the preset picker links it.
pub fn source(href: &'static str) -> &'static str {
    let preset = href.strip_prefix("preset:").and_then(Preset::find);
    preset.and_then(|p| p.source).unwrap_or(href)
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
    if let Some(at) = MC_FIELDS.iter().position(|&f| f == name) {
        let Some(mc) = mc else {
            let word = if failed { lang.t(Msg::Dash) } else { PENDING };
            return Some((String::new(), word.into()));
        };
        let f = lang.fmt();
        let x = [
            mc.prob_plan_better,
            mc.best_convert,
            mc.best_mine,
            mc.best_sell,
            mc.npv_advantage_p10,
            mc.npv_advantage_p50,
            mc.npv_advantage_p90,
        ][at];
        // Shares of paths first, then money.
        let text = match at {
            0..4 => share(x, lang),
            _ => f.money(x),
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
        let state = State::load("https://x.org/", "story=contracts&step=3");
        let p = panel(&state).unwrap();
        assert!(p.pending);
        assert_eq!(
            p.html,
            "<p class=story-progress>Step 3 of 6</p><h3>A ten-year contract</h3><p>With ten years \
             fixed, converting wins by <b data-field=npv_advantage data-value=\"305996000.22316736\">\
             $306\u{a0}M</b> and on <b data-field=prob_plan_better data-value=\"\">…</b> of the \
             paths.</p>"
        );
        let it = State::load("https://x.org/", "story=contracts&step=4&lang=it");
        let html = panel(&it).unwrap().html;
        assert!(
            html.starts_with("<p class=story-progress>Passo 4 di 6</p>"),
            "{html}"
        );
        assert!(html.contains("(<a href=\"https://www.sec.gov/"), "{html}");
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
