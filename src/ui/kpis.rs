//! KPI cards: `[data-kpi]` with the CLI's raw value in `data-value`; the odds card's
//! `data-state` says whether its Monte Carlo run has landed. Each card's button opens how it is
//! computed, `[data-explain]`, below the card's row.

use super::Shared;
use crate::analysis::Analyses;
use crate::explorer::view::explain::{cli, explain};
use crate::explorer::view::kpi::{cards, compare, pinned_cards, Kpi, RunState};
use crate::explorer::view::odds;
use crate::explorer::{Action, CopyWhat};
use crate::i18n::{Lang, Msg};
use crate::model::Projection;
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
    /// Where the command's copy goes.
    pub dispatch: Callback<Action>,
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
    let p = props.results.projection();
    // The card whose explanation is open: its id.
    let open = use_state(|| None::<&'static str>);
    // The panel takes the focus as it opens; Escape closes it and gives the focus back to its
    // card's button.
    use_effect_with(*open, |open| {
        if open.is_some() {
            super::dom::focus("explain");
        }
    });
    let close = {
        let open = open.clone();
        Callback::from(move |()| {
            if let Some(id) = *open {
                open.set(None);
                super::dom::focus(&format!("explain-{id}"));
            }
        })
    };
    let on_key = {
        let (open, close) = (open.clone(), close.clone());
        Callback::from(move |e: KeyboardEvent| {
            if open.is_some() && e.key() == "Escape" {
                e.prevent_default();
                close.emit(());
            }
        })
    };
    let toggle = |id: &'static str| {
        let open = open.clone();
        Callback::from(move |_| open.set((*open != Some(id)).then_some(id)))
    };
    // The open card's explanation, after the row that holds it.
    let panel = |row: &[Kpi]| {
        let k = row.iter().find(|k| Some(k.id) == *open)?;
        Some(explanation(
            k,
            p,
            &props.dispatch,
            close.reform(|_| ()),
            lang,
        ))
    };
    let card = |k: Kpi, small: bool| {
        let opener = (!compact).then(|| (Some(k.id) == *open, toggle(k.id)));
        card(k, small, opener, lang)
    };
    let mut all = cards(p, lang);
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
        <section class="kpis" id="kpis" tabindex="-1" aria-labelledby="kpis-heading" onkeydown={on_key}>
            { super::region_heading("kpis-heading", props.lang.t(Msg::KpisRegion)) }
            <div class="kpi-row primary">{ for primary.iter().cloned().map(|k| card(k, compact)) }</div>
            { panel(&primary).unwrap_or_default() }
            if !secondary.is_empty() {
                <div class="kpi-row secondary">{ for secondary.iter().cloned().map(|k| card(k, true)) }</div>
                { panel(&secondary).unwrap_or_default() }
            }
        </section>
    }
}

/// How card `k` of `p` is computed: its formula in symbols and words, `p`'s numbers in it up to
/// the card's value, and the CLI command that prints them all, with its copy button.
fn explanation(
    k: &Kpi,
    p: &Projection,
    dispatch: &Callback<Action>,
    close: Callback<MouseEvent>,
    lang: Lang,
) -> Html {
    let Some(e) = explain(k, p, lang) else {
        return Html::default();
    };
    html! {
        <section class="explain" id="explain" data-explain={k.id} tabindex="-1" aria-labelledby="explain-title">
            <h3 id="explain-title">{ k.title }</h3>
            <button type="button" class="dismiss" aria-label={lang.t(Msg::ExplainClose)} onclick={close}>{ "×" }</button>
            <p><code>{ e.symbols }</code></p>
            <p>{ e.words }</p>
            <p class="explain-numbers">{ e.numbers }<b class="explain-value" data-value={k.data_value.clone()}>{ &k.text }</b></p>
            <p class="explain-cli">{ lang.t(Msg::ExplainCli) }{ " " }<code>{ cli(&p.scenario) }</code>{ " " }
                <button type="button" data-action="copy-cli" onclick={dispatch.reform(|_| Action::Copy(CopyWhat::Cli))}>{ lang.t(Msg::CopyCli) }</button>
            </p>
        </section>
    }
}

/// One card; a compact one keeps its sentence as a tooltip (and for screen readers). `opener`:
/// whether its explanation is open and what its button does (none in an embed).
fn card(k: Kpi, compact: bool, opener: Option<(bool, Callback<MouseEvent>)>, lang: Lang) -> Html {
    let id = k.id;
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
            if let Some((open, onclick)) = opener {
                <button type="button" class="explain-open" id={format!("explain-{id}")} aria-expanded={open.to_string()}
                    aria-controls={open.then_some("explain")} title={lang.t(Msg::ExplainOpen)} {onclick}>
                    // A small mark for the eye; its name, for screen readers, in words.
                    <span aria-hidden="true">{ "ƒ(x)" }</span>
                    <span class="visually-hidden">{ lang.t(Msg::ExplainOpen) }</span>
                </button>
            }
        </div>
    }
}
