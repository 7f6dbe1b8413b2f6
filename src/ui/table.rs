//! Tables of numbers (a chart's data, the yearly table), built once input settles so that a
//! drag only redraws the canvas.

use super::Shared;
use crate::charts::Table;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// How long input must rest before the table in view is rebuilt, ms.
pub const SETTLE_MS: u32 = 150;

/// How long input must rest before the charts out of view (another tab's) take the new
/// results and rebuild their tables, ms: later, so that an idle page pays for them.
pub const SETTLE_HIDDEN_MS: u32 = 1500;

/// A value built from its inputs once they settle.
pub struct Settled<T> {
    /// The latest value built, if any.
    pub value: Option<Shared<T>>,
    /// Whether it was built from the current inputs.
    pub fresh: bool,
}

/// The value `compute` makes of `deps`, rebuilt `delay_ms` after `deps` last changed; until
/// then the previous one, marked stale.
#[hook]
pub fn use_settled<D, T>(deps: D, delay_ms: u32, compute: fn(&D) -> T) -> Settled<T>
where
    D: PartialEq + Clone + 'static,
    T: 'static,
{
    let built = use_state(|| None::<(D, Shared<T>)>);
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let built = built.clone();
        use_effect_with((deps.clone(), delay_ms), move |(deps, delay_ms)| {
            let deps = deps.clone();
            *timer.borrow_mut() = Some(Timeout::new(*delay_ms, move || {
                let value = Shared(std::rc::Rc::new(compute(&deps)));
                built.set(Some((deps, value)));
            }));
        });
    }
    Settled {
        value: built.as_ref().map(|(_, v)| v.clone()),
        fresh: built.as_ref().is_some_and(|(d, _)| *d == deps),
    }
}

/// Props of [`TableView`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The table's caption.
    pub caption: String,
    /// Its numbers.
    pub table: Shared<Table>,
    /// Its `data-table` attribute: the chart it belongs to.
    #[prop_or_default]
    pub chart: Option<&'static str>,
    /// Its `data-role` attribute.
    #[prop_or_default]
    pub role: Option<&'static str>,
    /// Shown only to screen readers.
    #[prop_or_default]
    pub visually_hidden: bool,
    /// Built from the current input (a stale table is marked busy until rebuilt).
    pub fresh: bool,
    /// Its wrapper's `id`, for a toggle's `aria-controls`.
    #[prop_or_default]
    pub id: Option<String>,
}

/// A table with a caption, column headers and row headers.
#[function_component(TableView)]
pub fn table_view(props: &Props) -> Html {
    let Props {
        caption,
        table,
        chart,
        role,
        visually_hidden,
        fresh,
        id,
    } = props;
    // A wrapper carries the hiding: a table ignores the clipping of a visually hidden box.
    html! {
        // Shown, it may scroll: a keyboard reaches it, and it is named by its caption.
        <div id={id.clone()} class={classes!("table-wrap", visually_hidden.then_some("visually-hidden"))}
            aria-busy={(!fresh).to_string()} tabindex={(!visually_hidden).then_some("0")}
            role={(!visually_hidden).then_some("region")} aria-label={(!visually_hidden).then(|| caption.clone())}>
        <table data-table={*chart} data-role={*role}>
            <caption>{ caption }</caption>
            <thead><tr>{ for table.columns.iter().map(|c| html! { <th scope="col">{ c }</th> }) }</tr></thead>
            <tbody>
                { for table.rows.iter().map(|row| html! {
                    <tr>
                        { for row.first().map(|h| html! { <th scope="row">{ h }</th> }) }
                        { for row.iter().skip(1).map(|c| html! { <td>{ c }</td> }) }
                    </tr>
                }) }
            </tbody>
        </table>
        </div>
    }
}
