//! The texts that sharing puts on the clipboard.

use crate::i18n::{Lang, Msg};

/// The text escaped for an HTML attribute value in double quotes.
pub fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// The embed code of the embed page at `url`: an iframe an article can paste.
pub fn embed_code(url: &str, lang: Lang) -> String {
    format!(
        "<iframe src=\"{}\" width=\"600\" height=\"400\" style=\"border:0;max-width:100%\" title=\"{}\" loading=\"lazy\"></iframe>",
        attribute(url),
        attribute(lang.t(Msg::EmbedTitle))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_code_escapes_the_link() {
        let code = embed_code("https://x.org/h/?v=1&mw=18&embed=1", Lang::En);
        assert!(code.starts_with("<iframe src=\"https://x.org/h/?v=1&amp;mw=18&amp;embed=1\""));
        assert!(code.contains("title=\"HashShift: mine Bitcoin or convert to AI?\""));
        assert!(embed_code("u", Lang::It).contains("minare Bitcoin"));
    }
}
