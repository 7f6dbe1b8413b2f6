//! "Copy link" and "Copy embed code".

use super::url;
use crate::i18n::{tr, Lang};
use gloo::timers::callback::Timeout;
use gloo::utils::window;
use yew::prelude::*;

/// Props of [`Share`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The page's query (canonical query plus view keys).
    pub query: String,
    /// The query of the embedded view.
    pub embed_query: String,
    /// Interface language.
    pub lang: Lang,
}

fn copy(text: String) {
    let _ = window().navigator().clipboard().write_text(&text);
}

/// The share buttons, with a short confirmation.
#[function_component(Share)]
pub fn share(props: &Props) -> Html {
    let note = use_state(|| None::<&'static str>);
    let timer = use_mut_ref(|| None::<Timeout>);
    let confirm = {
        let note = note.clone();
        move |text: &'static str| {
            note.set(Some(text));
            let note = note.clone();
            *timer.borrow_mut() = Some(Timeout::new(2000, move || note.set(None)));
        }
    };
    let link = {
        let (query, confirm) = (props.query.clone(), confirm.clone());
        Callback::from(move |_| {
            copy(url::absolute(&query));
            confirm("Link copied");
        })
    };
    let embed = {
        let query = props.embed_query.clone();
        Callback::from(move |_| {
            copy(format!(
                "<iframe src=\"{}\" width=\"600\" height=\"400\" style=\"border:0;max-width:100%\" title=\"HashShift: mine Bitcoin or convert to AI?\" loading=\"lazy\"></iframe>",
                url::absolute(&query)
            ));
            confirm("Embed code copied");
        })
    };
    html! {
        <div class="share">
            <button type="button" data-action="copy-link" onclick={link}>{ tr(props.lang, "Copy link") }</button>
            <button type="button" data-action="copy-embed" onclick={embed}>{ tr(props.lang, "Copy embed code") }</button>
            <span class="share-note" role="status" aria-live="polite">{ tr(props.lang, note.unwrap_or("")) }</span>
        </div>
    }
}
