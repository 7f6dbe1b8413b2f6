//! The texts that sharing puts on the clipboard and in the system's share sheet.

use super::odds::for_summary as odds_for;
use super::summary::summary;
use crate::explorer::core::{CopyWhat, State};
use crate::i18n::{Lang, Msg};

/// The text a copy gesture puts on the clipboard: the page's link, its embed code, or the CLI
/// command of its scenario.
pub fn copy_text(state: &State, what: CopyWhat) -> String {
    copy_text_of(state, what, &state.link(what))
}

/// The text copied for `what` around `link` (the page's link, or its embed's): the link
/// itself, the embed code that shows it, or the CLI command of the state's scenario.
pub fn copy_text_of(state: &State, what: CopyWhat, link: &str) -> String {
    match what {
        CopyWhat::Link => link.to_string(),
        CopyWhat::Embed => embed_code(link, folder(&state.page_url), state.view.lang),
        CopyWhat::Cli => super::explain::cli(&state.scenario),
    }
}

/// What the system's share sheet offers.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareSheet {
    /// The page's title.
    pub title: String,
    /// The written summary.
    pub text: String,
    /// The page's link.
    pub url: String,
}

/// The share sheet of the state.
pub fn sheet(state: &State) -> ShareSheet {
    let lang = state.view.lang;
    ShareSheet {
        title: lang.t(Msg::PageTitle).to_string(),
        // The odds once they have landed: a "…" is nothing to share.
        text: summary(
            state.projection(),
            odds_for(state).filter(Option::is_some),
            lang,
        ),
        url: state.link(CopyWhat::Link),
    }
}

/// The text escaped for an HTML attribute value in double quotes.
pub fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// The embed code of the embed page at `url` (a page of the site at `site`, its folder with a
/// trailing `/`): an iframe an article can paste, full width, and the script that sizes it to
/// its content.
pub fn embed_code(url: &str, site: &str, lang: Lang) -> String {
    format!(
        "<iframe data-hashshift src=\"{}\" title=\"{}\" loading=\"lazy\" style=\"width:100%;height:480px;border:0\"></iframe>\n<script src=\"{}embed.js\" async></script>",
        attribute(url),
        attribute(lang.t(Msg::EmbedTitle)),
        attribute(site)
    )
}

/// The folder of a page's address (`https://h/tools/hashshift/` of `…/hashshift/index.html`).
pub fn folder(page_url: &str) -> &str {
    page_url.rfind('/').map_or(page_url, |i| &page_url[..=i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_code_is_a_full_width_iframe_and_its_sizing_script() {
        let code = embed_code(
            "https://x.org/h/?v=3&mw=18&embed=1",
            "https://x.org/h/",
            Lang::En,
        );
        assert_eq!(
            code,
            "<iframe data-hashshift src=\"https://x.org/h/?v=3&amp;mw=18&amp;embed=1\" \
             title=\"HashShift: mine Bitcoin or convert to AI?\" loading=\"lazy\" \
             style=\"width:100%;height:480px;border:0\"></iframe>\n\
             <script src=\"https://x.org/h/embed.js\" async></script>"
        );
        assert!(embed_code("u", "s/", Lang::It).contains("minare Bitcoin"));
        // The command line's copy is the CLI command of the scenario, view keys left out.
        let state = State::load("https://x.org/h/", "mw=18&lang=it&tab=cash");
        assert_eq!(
            copy_text(&state, CopyWhat::Cli),
            "hashshift run 'v=3&mw=18' --format json"
        );
        assert_eq!(folder("https://x.org/h/index.html"), "https://x.org/h/");
        assert_eq!(folder("https://x.org/h/"), "https://x.org/h/");
    }
}
