//! The few browser calls the shell makes: the address bar, the clock, the clipboard and the
//! document's language and title.

use gloo::utils::{document, window};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The current query, without the leading `?`.
pub fn query() -> String {
    let search = window().location().search().unwrap_or_default();
    search.strip_prefix('?').unwrap_or(&search).to_string()
}

/// The page's address without query or fragment.
pub fn page_url() -> String {
    let loc = window().location();
    format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    )
}

/// `performance.now()`, ms.
pub fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

fn history(query: &str, push: bool) {
    if let Ok(h) = window().history() {
        let url = format!("?{query}");
        let done = if push {
            h.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            h.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
        if let Err(e) = done {
            gloo::console::warn!("HashShift could not update the address bar:", e);
        }
    }
}

/// Rewrites the query in place (no new history entry).
pub fn replace_query(query: &str) {
    history(query, false);
}

/// Adds a history entry with this query.
pub fn push_query(query: &str) {
    history(query, true);
}

/// Puts `text` on the clipboard; whether the browser took it.
pub async fn copy(text: &str) -> bool {
    let navigator = window().navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

/// Sets `<html lang>` and the document's title.
pub fn set_language(html_lang: &str, title: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", html_lang);
    }
    document().set_title(title);
}

/// The element behind an event's target, as `T`.
pub fn target<T: JsCast>(e: &web_sys::Event) -> Option<T> {
    e.target()?.dyn_into().ok()
}
