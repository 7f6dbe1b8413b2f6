//! "Copy link" and "Copy embed code", with the notice of what happened.

use crate::explorer::view::page::NoticeView;
use crate::explorer::{Action, CopyWhat, Export};
use crate::i18n::{Lang, Msg};
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement, Node};
use yew::prelude::*;

/// Props of [`Share`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The notice of the last copy, if any.
    pub notice: Option<NoticeView>,
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
    let note = props.notice.as_ref().map(|n| n.sentence);
    let manual = props.notice.as_ref().and_then(|n| n.manual.clone());
    let pin = if props.pinned {
        html! { <button type="button" data-action="unpin" onclick={props.dispatch.reform(|_| Action::Unpin)}>{ t(Msg::Unpin) }</button> }
    } else {
        html! { <button type="button" data-action="pin" onclick={props.dispatch.reform(|_| Action::Pin)}>{ t(Msg::Pin) }</button> }
    };
    // Choosing a download closes the menu, and so do Escape (focus goes back to its button), a
    // press outside it and focus leaving it.
    let menu = use_node_ref();
    let close = |menu: &NodeRef| {
        if let Some(details) = menu.cast::<Element>() {
            let _ = details.remove_attribute("open");
        }
    };
    // Closes the menu and gives the focus back to its button: the item that had it is hidden.
    let close_to_button = move |menu: &NodeRef| {
        close(menu);
        let details = menu.cast::<Element>();
        let summary = details.and_then(|d| d.first_element_child());
        if let Some(summary) = summary.and_then(|s| s.dyn_into::<HtmlElement>().ok()) {
            let _ = summary.focus();
        }
    };
    // Closes the menu unless `to` (where a press or the focus went) is inside it.
    let close_unless_in = move |menu: &NodeRef, to: Option<web_sys::EventTarget>| {
        let to = to.and_then(|t| t.dyn_into::<Node>().ok());
        if !menu.cast::<Node>().is_some_and(|d| d.contains(to.as_ref())) {
            close(menu);
        }
    };
    let export = |e: Export| {
        let (dispatch, menu) = (props.dispatch.clone(), menu.clone());
        Callback::from(move |_| {
            close_to_button(&menu);
            dispatch.emit(Action::Export(e));
        })
    };
    let on_key = {
        let menu = menu.clone();
        Callback::from(move |e: KeyboardEvent| {
            let open = menu
                .cast::<Element>()
                .is_some_and(|d| d.has_attribute("open"));
            if e.key() == "Escape" && open {
                e.prevent_default();
                close_to_button(&menu);
            }
        })
    };
    // Focus leaving for another element (a Tab past the last item). Focus going nowhere is left
    // to the press listener: Safari does not focus a clicked button, so a click on an item
    // blurs the menu before it lands.
    let on_focus_out = {
        let menu = menu.clone();
        Callback::from(move |e: FocusEvent| {
            if let Some(to) = e.related_target() {
                close_unless_in(&menu, Some(to));
            }
        })
    };
    {
        let menu = menu.clone();
        use_effect_with((), move |_| {
            let press = EventListener::new(&gloo::utils::document(), "pointerdown", move |e| {
                close_unless_in(&menu, e.target());
            });
            move || drop(press)
        });
    }
    // Text the browser refused to copy is focused and selected, ready for the reader's own copy
    // (a link on one line, the embed code on its two).
    let manual_copy = use_node_ref();
    {
        let (manual_copy, text) = (manual_copy.clone(), manual.clone());
        use_effect_with(text, move |text| {
            if let (Some(area), Some(_)) = (manual_copy.cast::<HtmlTextAreaElement>(), text) {
                let _ = area.focus();
            }
        });
    }
    // The menu is placed as it opens, and again when the page's width changes while it is open
    // (a phone turned, a window resized).
    let on_toggle = {
        let menu = menu.clone();
        Callback::from(move |_: Event| place(&menu))
    };
    {
        let menu = menu.clone();
        use_effect_with((), move |_| {
            let resize =
                EventListener::new(&gloo::utils::window(), "resize", move |_| place(&menu));
            move || drop(resize)
        });
    }
    html! {
        <div class="share">
            <button type="button" data-action="share" class="share-button" onclick={props.dispatch.reform(|_| Action::Share)}>{ t(Msg::Share) }</button>
            <button type="button" data-action="copy-link" onclick={copy(CopyWhat::Link)}>{ t(Msg::CopyLink) }</button>
            <button type="button" data-action="copy-embed" onclick={copy(CopyWhat::Embed)}>{ t(Msg::CopyEmbed) }</button>
            { pin }
            <details class="downloads" ref={menu.clone()} onkeydown={on_key} onfocusout={on_focus_out}
                ontoggle={on_toggle}>
                <summary>{ t(Msg::Download) }</summary>
                <div class="menu">
                    { for Export::ALL.iter().map(|&e| html! {
                        <button type="button" data-action={e.action()} onclick={export(e)}>{ t(e.label()) }</button>
                    }) }
                </div>
            </details>
            <span class={classes!("share-note", manual.is_some().then_some("refused"))}
                role="status" aria-live="polite">{ note.unwrap_or("") }</span>
            if let Some(text) = manual {
                <textarea class="manual-copy" readonly=true ref={manual_copy} value={text.clone()}
                    rows={if text.contains('\n') { "4" } else { "2" }} aria-label={t(Msg::CopyRefused)}
                    onfocus={Callback::from(|e: FocusEvent| {
                        if let Some(text) = super::dom::target::<HtmlTextAreaElement>(&e) { text.select() }
                    })} />
            }
        </div>
    }
}

/// Places the download menu of `menu` (its `details`): the menu hangs from its button's right
/// edge, unless that puts it past the page's left edge (the button first in its row, on a
/// narrow page or large text): then from its left.
fn place(menu: &NodeRef) {
    let Some(details) = menu.cast::<Element>() else {
        return;
    };
    let _ = details.remove_attribute("data-from-left");
    let list = details.last_element_child();
    if details.has_attribute("open")
        && list.is_some_and(|l| l.get_bounding_client_rect().left() < 0.0)
    {
        let _ = details.set_attribute("data-from-left", "");
    }
}
