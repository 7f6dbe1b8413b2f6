//! KPI cards: `[data-kpi]` with the CLI's raw value in `data-value`.

use super::Shared;
use crate::explorer::{kpi::cards, Results};
use crate::i18n::{Lang, Msg};
use yew::prelude::*;

/// Props of [`Kpis`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The model's answer shown.
    pub results: Shared<Results>,
    /// Compact cards (embed): no explanation line, it goes to the tooltip.
    pub compact: bool,
    /// Interface language.
    pub lang: Lang,
}

/// The headline numbers.
#[function_component(Kpis)]
pub fn kpis(props: &Props) -> Html {
    let compact = props.compact;
    html! {
        <section class="kpis" aria-label={props.lang.t(Msg::KpisRegion)}>
            { for cards(&props.results.projection, props.lang).into_iter().map(|k| {
                let tone = match k.favours_plan {
                    Some(true) => "good",
                    Some(false) => "bad",
                    None => "neutral",
                };
                html! {
                    <div class={classes!("kpi", tone)} data-kpi={k.id} data-value={k.data_value}
                         title={compact.then(|| k.meaning.clone())}>
                        <div class="kpi-title">{ if compact { k.short_title } else { k.title } }</div>
                        <div class="kpi-value">{ k.text }</div>
                        if !compact { <p class="kpi-meaning">{ k.meaning }</p> }
                    </div>
                }
            }) }
        </section>
    }
}
