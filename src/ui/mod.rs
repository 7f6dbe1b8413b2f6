//! The browser shell (wasm32 only): a Yew app over the explorer's state machine. The store
//! forwards gestures to `explorer::update` and runs its effects; components render the view
//! models.

mod announce;
mod app;
mod breakevens;
mod canvas;
mod chart;
mod controls;
mod dom;
mod embed;
mod header;
mod kpis;
mod live;
mod monte_carlo;
mod share;
mod store;
mod story;
mod table;
mod warnings;

use std::ops::Deref;
use std::rc::Rc;
use yew::{html, Html};

/// The heading of a region of the page (`id` for its `aria-labelledby`), unseen: the page
/// shows what it names, and a screen reader's list of headings reaches the region by it.
fn region_heading(id: &'static str, text: &'static str) -> Html {
    html! { <h2 class="visually-hidden" {id}>{ text }</h2> }
}

/// A shared value compared by identity, so that props holding it compare in O(1).
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A callback that sends the action `f` makes of an event, when it makes one.
fn forward<E: 'static>(
    dispatch: &yew::Callback<crate::explorer::Action>,
    f: impl Fn(E) -> Option<crate::explorer::Action> + 'static,
) -> yew::Callback<E> {
    let dispatch = dispatch.clone();
    yew::Callback::from(move |e| {
        if let Some(action) = f(e) {
            dispatch.emit(action);
        }
    })
}

/// Starts the wasm where it runs: on the page, mounts the explorer on its body; in the page's
/// web worker (which has no window), serves the page's Monte Carlo runs.
pub fn start() {
    if web_sys::window().is_some() {
        yew::Renderer::<app::App>::new().render();
    } else {
        monte_carlo::serve();
    }
}
