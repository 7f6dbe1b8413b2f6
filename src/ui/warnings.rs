//! The banner of the link's warnings: the first few said at once, the rest listed when the
//! reader asks, and its dismiss button.

use super::{dom, Shared};
use crate::explorer::view::page::{self, BannerMode, Piece};
use crate::explorer::{Action, PageWarning};
use crate::i18n::Msg;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Props of [`Warnings`].
#[derive(Properties, PartialEq)]
pub struct WarningsProps {
    /// Every warning of the link or the value typed (compared by identity: a new list is a
    /// new value).
    pub warnings: Shared<Vec<PageWarning>>,
    /// How the banner shows them.
    pub mode: BannerMode,
    /// Where gestures go.
    pub dispatch: Callback<Action>,
}

/// The banner, if it is open and there is anything to say. Only the first warnings, and the
/// button that says how many more there are, are in the alert that screen readers say at once;
/// the rest, listed on request, scroll in a box of their own, which takes the focus that the
/// button had.
#[function_component(Warnings)]
pub fn warnings(props: &WarningsProps) -> Html {
    let rest_list = use_node_ref();
    let banner = page::banner(&props.warnings, props.mode);
    let listed = banner.as_ref().is_some_and(|b| !b.rest.is_empty());
    {
        let rest_list = rest_list.clone();
        use_effect_with(listed, move |listed| {
            if let (true, Some(list)) = (*listed, rest_list.cast::<HtmlElement>()) {
                // The button that had the focus is gone.
                let _ = list.focus();
            }
        });
    }
    let Some(banner) = banner else {
        return Html::default();
    };
    let lang = props.mode.lang;
    // The button that had the focus goes with the banner: the focus moves on to the cards.
    let dismiss = props.dispatch.reform(|_| {
        dom::focus("kpis");
        Action::DismissWarnings
    });
    let show_all = props.dispatch.reform(|_| Action::ShowAllWarnings);
    let items = |texts: Vec<String>| -> Html {
        texts
            .into_iter()
            .map(|w| html! { <li>{ marked_up(&w) }</li> })
            .collect()
    };
    html! {
        // A region named by its title: the listed rest is outside the alert, not outside
        // every landmark.
        <section class="warnings" data-role="warnings" aria-labelledby="warnings-title">
            <div>
                <div role="alert">
                    <strong id="warnings-title">{ lang.t(Msg::WarningsTitle) }</strong>
                    <ul>{ items(banner.first) }</ul>
                    // In the alert, so that it says there are more.
                    if let Some(more) = banner.more {
                        <button type="button" class="more" data-action="all-warnings" onclick={show_all}>{ more }</button>
                    }
                </div>
                if listed {
                    <ul class="rest" ref={rest_list} tabindex="0" aria-labelledby="warnings-title">
                        { items(banner.rest) }
                    </ul>
                }
            </div>
            <button type="button" class="dismiss" aria-label={lang.t(Msg::WarningsDismiss)} onclick={dismiss}>{ "×" }</button>
        </section>
    }
}

/// A warning said in [`page::page_voice`] as the page shows it: key names in code type, months
/// on one line.
pub fn marked_up(text: &str) -> Html {
    page::pieces(text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(t) => html! { { t } },
            Piece::Key(k) => html! { <code>{ k }</code> },
            Piece::Month(m) => html! { <span class="nowrap">{ m }</span> },
        })
        .collect()
}
