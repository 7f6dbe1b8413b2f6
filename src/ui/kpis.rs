//! KPI cards: `[data-kpi]` with the CLI's raw value in `data-value`; the odds card's
//! `data-state` says whether its Monte Carlo run has landed.

use super::Shared;
use crate::analysis::Analyses;
use crate::explorer::view::kpi::{cards, compare, pinned_cards, Kpi, RunState};
use crate::explorer::view::odds;
use crate::i18n::{Lang, Msg};
use yew::prelude::*;

/// Props of [`Kpis`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The model's answer shown.
    pub results: Shared<Analyses>,
    /// The pinned scenario A's, when one is pinned.
    pub compare: Option<Shared<Analyses>>,
    /// The odds card, while Monte Carlo is on ([`odds::card`]).
    pub odds: Option<Kpi>,
    /// Compact cards (embed): no explanation line, it goes to the tooltip.
    pub compact: bool,
    /// Interface language.
    pub lang: Lang,
}

/// The headline numbers: six headline cards with their sentences (seven with the odds card,
/// while Monte Carlo is on), then six secondary ones, nine with the equity's of a plan with debt
/// (an embed shows a short row of five, their sentences as tooltips).
#[function_component(Kpis)]
pub fn kpis(props: &Props) -> Html {
    let compact = props.compact;
    let lang = props.lang;
    let mut all = cards(props.results.projection(), lang);
    if let Some(a) = &props.compare {
        compare(&mut all, &pinned_cards(a.projection(), lang), lang);
    }
    if let Some(card) = &props.odds {
        odds::place(&mut all, card.clone());
    }
    let (primary, secondary): (Vec<Kpi>, Vec<Kpi>) = all
        .into_iter()
        .filter(|k| !compact || k.in_embed)
        .partition(|k| k.primary || compact);
    html! {
        // Focus lands here when the warnings above are dismissed (`tabindex=-1`: not a Tab stop).
        <section class="kpis" id="kpis" tabindex="-1" aria-labelledby="kpis-heading">
            { super::region_heading("kpis-heading", props.lang.t(Msg::KpisRegion)) }
            <div class="kpi-row primary">{ for primary.into_iter().map(|k| card(k, compact)) }</div>
            if !secondary.is_empty() {
                <div class="kpi-row secondary">{ for secondary.into_iter().map(|k| card(k, true)) }</div>
            }
        </section>
    }
}

/// One card; a compact one keeps its sentence as a tooltip (and for screen readers).
fn card(k: Kpi, compact: bool) -> Html {
    let tone = match k.favours_plan {
        Some(true) => "good",
        Some(false) => "bad",
        None => "neutral",
    };
    html! {
        // A card whose Monte Carlo run is under way is busy: no number yet, greyed.
        <div class={classes!("kpi", tone)} data-kpi={k.id} data-value={k.data_value}
             data-compare-value={k.compare.as_ref().map(|c| c.data_value.clone())}
             data-state={k.run.map(RunState::name)}
             aria-busy={(k.run == Some(RunState::Running)).then_some("true")}
             title={compact.then(|| k.meaning.clone())}>
            <div class="kpi-title">{ if compact { k.short_title } else { k.title } }</div>
            // An amount and its unit do not part across lines (`2,70 mld $`); the detail may
            // go to the next, after a space that a screen reader also hears ("$2.70 B Jan 2033").
            // A long value in a narrow card is set smaller to fit (the CSS divides the card's
            // width by its length, down to a floor); past the floor (large text) it wraps
            // rather than being cut.
            <div class="kpi-value" style={format!("--chars: {}", k.text.chars().count())}><span class="amount">{ k.text }</span>
                if let Some(d) = k.detail { { " " }<span class="kpi-detail">{ d }</span> }
            </div>
            // The best choice's card sets the three NPVs side by side, the best one marked; the
            // odds card, the share of paths on which each is best, after a lead (`Best:`) that
            // also names the list for screen readers.
            if !k.choices.is_empty() {
                <ul class="kpi-choices" aria-label={k.choices_lead.map(|(_, name)| name)}>
                    if let Some((lead, _)) = k.choices_lead {
                        <li class="choices-lead" aria-hidden="true">{ lead }</li>
                    }
                    { for k.choices.iter().map(|c| html! {
                        <li class={classes!(c.best.then_some("best"))} data-choice={c.choice} data-value={c.data_value.clone()}>
                            <span class="choice-label">{ c.label }</span>{ " " }<span class="amount nowrap">{ c.text.clone() }</span>
                        </li>
                    }) }
                </ul>
            }
            if let Some(c) = &k.compare {
                <div class="kpi-compare"><span class="nowrap">{ &c.value }</span>
                    if let Some(change) = &c.change { { " · " }<span class="nowrap">{ change }</span> }
                </div>
            }
            <p class={classes!("kpi-meaning", compact.then_some("visually-hidden"))}>{ k.meaning }</p>
        </div>
    }
}
