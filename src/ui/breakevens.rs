//! "What would have to be true": the panel of break-evens, rendered from its view model; choosing
//! a row moves its input there, as one step of the history.

use crate::explorer::view::breakevens::{Panel, Row, NEAREST};
use crate::explorer::Action;
use crate::i18n::{Lang, Msg};
use yew::prelude::*;

/// Props of [`Breakevens`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The panel's view model.
    pub panel: Panel,
    /// Where gestures go.
    pub dispatch: Callback<Action>,
    /// Interface language.
    pub lang: Lang,
}

/// The panel: the nearest break-evens, then the rest folded.
#[function_component(Breakevens)]
pub fn breakevens(props: &Props) -> Html {
    let Props {
        panel,
        dispatch,
        lang,
    } = props;
    let t = |m| lang.t(m);
    let row = |r: &Row| {
        let (key, label) = (r.key, r.label);
        html! {
            <li data-key={key.name()} data-value={r.data_value.clone()}>
                if let Some(target) = &r.target {
                    <button type="button" title={target.set.clone()}
                        onclick={dispatch.reform({ let v = target.value; move |_| Action::BreakEven(key, v) })}>
                        <span class="be-label">{ label }</span>
                        <span class="be-move">{ format!("{} → {}", r.now, target.text) }</span>
                        <span class="be-change">{ target.change.clone() }</span>
                    </button>
                } else {
                    <div class="never">
                        <span class="be-label">{ label }</span>
                        <span class="be-move">{ format!("{} · {}", r.now, t(Msg::BreakevensNever)) }</span>
                    </div>
                }
            </li>
        }
    };
    let (near, rest) = panel.rows.split_at(panel.rows.len().min(NEAREST));
    let n = rest.len().to_string();
    html! {
        <section class="breakevens" data-role="breakevens" data-state={panel.state}
            aria-busy={(panel.state == "running").to_string()} aria-labelledby="breakevens-heading">
            <h2 id="breakevens-heading">{ t(Msg::BreakevensHeading) }</h2>
            if let Some(note) = panel.note {
                <p class="be-note">{ note }</p>
            }
            if panel.waiting > 0 {
                // The room of the rows to come, blank.
                <div aria-hidden="true">
                    <p class="be-lead">{ t(Msg::BreakevensLead) }</p>
                    <ol class="be-rows">{ for (0..panel.waiting.min(NEAREST)).map(|_| html! {
                        <li><div class="never"><span class="be-label">{ "…" }</span><span class="be-move">{ "…" }</span></div></li>
                    }) }</ol>
                    <p class="be-more">{ lang.fill(Msg::BreakevensMore, &[("n", &panel.waiting.saturating_sub(NEAREST).to_string())]) }</p>
                </div>
            }
            if !panel.rows.is_empty() {
                <p class="be-lead">{ t(Msg::BreakevensLead) }</p>
                <ol class="be-rows">{ for near.iter().map(row) }</ol>
                if !rest.is_empty() {
                    <details>
                        <summary>{ lang.fill(Msg::BreakevensMore, &[("n", &n)]) }</summary>
                        <ol class="be-rows" start={(NEAREST + 1).to_string()}>{ for rest.iter().map(row) }</ol>
                    </details>
                }
            }
        </section>
    }
}
