//! KPI cards: `[data-kpi]` with the CLI's raw value in `data-value`.

use super::state::Shared;
use crate::i18n::Lang;
use crate::kpi::kpis;
use yew::prelude::*;

/// Props of [`Kpis`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The projection shown.
    pub projection: Shared<crate::model::Projection>,
    /// Compact cards (embed): no explanation line, it goes to the tooltip.
    pub compact: bool,
    /// Interface language.
    pub lang: Lang,
}

/// The six headline numbers.
#[function_component(Kpis)]
pub fn kpi_cards(props: &Props) -> Html {
    let cards = kpis(&props.projection, props.lang);
    html! {
        <section class="kpis" aria-label="Headline numbers">
            { for cards.into_iter().map(|k| {
                let tone = match k.favours_plan {
                    Some(true) => "good",
                    Some(false) => "bad",
                    None => "neutral",
                };
                html! {
                    <div class={classes!("kpi", tone)} data-kpi={k.id} data-value={k.data_value}
                         title={props.compact.then(|| k.meaning.clone())}>
                        <div class="kpi-title">{ if props.compact { k.short_title } else { k.title } }</div>
                        <div class="kpi-value">{ k.text }</div>
                        if !props.compact { <p class="kpi-meaning">{ k.meaning }</p> }
                    </div>
                }
            }) }
        </section>
    }
}
