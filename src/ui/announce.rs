//! A polite live region that tells a screen reader the new headline once the reader stops
//! changing the scenario: the sliders announce their own values as they move, but nothing else
//! said what a change did to the result.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// How long the headline must stay the same before it is said, ms: a drag says it once, at
/// its end.
const REST_MS: u32 = 1000;

/// Props of [`Announcer`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The headline (the NPV advantage with its title).
    pub text: String,
}

/// Says `text` in a visually hidden `role=status` region once it has changed and stayed the
/// same for [`REST_MS`]; the headline the page loads with is not said (it is on the page).
#[function_component(Announcer)]
pub fn announcer(props: &Props) -> Html {
    let said = use_state_eq(String::new);
    let mounted = use_mut_ref(|| false);
    {
        let said = said.clone();
        use_effect_with(props.text.clone(), move |text| {
            let first = !std::mem::replace(&mut *mounted.borrow_mut(), true);
            let text = text.clone();
            let timeout = (!first).then(|| Timeout::new(REST_MS, move || said.set(text)));
            move || drop(timeout)
        });
    }
    html! {
        <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-role="announce">
            { (*said).clone() }
        </p>
    }
}
