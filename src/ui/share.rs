//! "Copy link" and "Copy embed code", with the notice of what happened.

use crate::explorer::{Action, CopyWhat};
use crate::i18n::{Lang, Msg};
use yew::prelude::*;

/// Props of [`Share`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The notice: its sentence, and the text to copy by hand when the browser refused.
    pub notice: Option<(&'static str, Option<String>)>,
    /// Where gestures go.
    pub dispatch: Callback<Action>,
    /// Interface language.
    pub lang: Lang,
}

/// The share buttons and their notice.
#[function_component(Share)]
pub fn share(props: &Props) -> Html {
    let t = |m| props.lang.t(m);
    let copy = |what| props.dispatch.reform(move |_| Action::Copy(what));
    let (note, manual) = props.notice.clone().unzip();
    html! {
        <div class="share">
            <button type="button" data-action="copy-link" onclick={copy(CopyWhat::Link)}>{ t(Msg::CopyLink) }</button>
            <button type="button" data-action="copy-embed" onclick={copy(CopyWhat::Embed)}>{ t(Msg::CopyEmbed) }</button>
            <span class={classes!("share-note", manual.flatten().is_some().then_some("refused"))}
                role="status" aria-live="polite">{ note.unwrap_or("") }</span>
            if let Some(Some(text)) = props.notice.as_ref().map(|n| n.1.clone()) {
                <input class="manual-copy" type="text" readonly=true value={text} aria-label={t(Msg::CopyRefused)}
                    onfocus={Callback::from(|e: FocusEvent| {
                        if let Some(input) = super::dom::target::<web_sys::HtmlInputElement>(&e) { input.select() }
                    })} />
            }
        </div>
    }
}
