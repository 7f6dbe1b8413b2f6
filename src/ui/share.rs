//! "Copy link" and "Copy embed code", with the notice of what happened.

use crate::explorer::{export::Export, Action, CopyWhat};
use crate::i18n::{Lang, Msg};
use yew::prelude::*;

/// Props of [`Share`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The notice: its sentence, and the text to copy by hand when the browser refused.
    pub notice: Option<(&'static str, Option<String>)>,
    /// Whether a scenario is pinned (the pin button unpins).
    pub pinned: bool,
    /// Where gestures go.
    pub dispatch: Callback<Action>,
    /// Interface language.
    pub lang: Lang,
}

/// The share, pin and download buttons, and the notice of a copy.
#[function_component(Share)]
pub fn share(props: &Props) -> Html {
    let t = |m| props.lang.t(m);
    let copy = |what| props.dispatch.reform(move |_| Action::Copy(what));
    let (note, manual) = props.notice.clone().unzip();
    let pin = if props.pinned {
        html! { <button type="button" data-action="unpin" onclick={props.dispatch.reform(|_| Action::Unpin)}>{ t(Msg::Unpin) }</button> }
    } else {
        html! { <button type="button" data-action="pin" onclick={props.dispatch.reform(|_| Action::Pin)}>{ t(Msg::Pin) }</button> }
    };
    // Choosing a download closes the menu.
    let menu = use_node_ref();
    let export = |e: Export| {
        let (dispatch, menu) = (props.dispatch.clone(), menu.clone());
        Callback::from(move |_| {
            if let Some(details) = menu.cast::<web_sys::Element>() {
                let _ = details.remove_attribute("open");
            }
            dispatch.emit(Action::Export(e));
        })
    };
    html! {
        <div class="share">
            <button type="button" data-action="share" class="share-button" onclick={props.dispatch.reform(|_| Action::Share)}>{ t(Msg::Share) }</button>
            <button type="button" data-action="copy-link" onclick={copy(CopyWhat::Link)}>{ t(Msg::CopyLink) }</button>
            <button type="button" data-action="copy-embed" onclick={copy(CopyWhat::Embed)}>{ t(Msg::CopyEmbed) }</button>
            { pin }
            <details class="downloads" ref={menu.clone()}>
                <summary>{ t(Msg::Download) }</summary>
                <div class="menu">
                    { for Export::ALL.iter().map(|&e| html! {
                        <button type="button" data-action={e.action()} onclick={export(e)}>{ t(e.label()) }</button>
                    }) }
                </div>
            </details>
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
