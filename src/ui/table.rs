//! Tables of numbers (a chart's data, the yearly table), built once input settles so that a
//! drag only redraws the canvas.

use super::Shared;
use crate::charts::Table;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// How long input must rest before a table is rebuilt, ms.
const SETTLE_MS: u32 = 150;

/// The value `compute` makes of `deps`, rebuilt [`SETTLE_MS`] after `deps` last changed (`None`
/// until then, and while `active` is false).
#[hook]
pub fn use_settled<D, T>(deps: D, active: bool, compute: fn(&D) -> T) -> Option<Shared<T>>
where
    D: PartialEq + Clone + 'static,
    T: 'static,
{
    let value = use_state(|| None::<Shared<T>>);
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let value = value.clone();
        use_effect_with((deps, active), move |(deps, active)| {
            let deps = deps.clone();
            *timer.borrow_mut() = active.then(|| {
                Timeout::new(SETTLE_MS, move || {
                    value.set(Some(Shared(std::rc::Rc::new(compute(&deps)))))
                })
            });
        });
    }
    (*value).clone()
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
    } = props;
    // A wrapper carries the hiding: a table ignores the clipping of a visually hidden box.
    html! {
        <div class={classes!("table-wrap", visually_hidden.then_some("visually-hidden"))}>
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
