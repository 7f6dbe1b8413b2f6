//! The texts that sharing puts on the clipboard.

use crate::i18n::{Lang, Msg};

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
            "https://x.org/h/?v=2&mw=18&embed=1",
            "https://x.org/h/",
            Lang::En,
        );
        assert_eq!(
            code,
            "<iframe data-hashshift src=\"https://x.org/h/?v=2&amp;mw=18&amp;embed=1\" \
             title=\"HashShift: mine Bitcoin or convert to AI?\" loading=\"lazy\" \
             style=\"width:100%;height:480px;border:0\"></iframe>\n\
             <script src=\"https://x.org/h/embed.js\" async></script>"
        );
        assert!(embed_code("u", "s/", Lang::It).contains("minare Bitcoin"));
        assert_eq!(folder("https://x.org/h/index.html"), "https://x.org/h/");
        assert_eq!(folder("https://x.org/h/"), "https://x.org/h/");
    }
}
