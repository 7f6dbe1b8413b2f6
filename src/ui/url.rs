//! The page URL: read the query, rewrite it without adding history entries, or add one.

use gloo::utils::window;
use wasm_bindgen::JsValue;

/// The current query, without the leading `?`.
pub fn current_query() -> String {
    let search = window().location().search().unwrap_or_default();
    search.strip_prefix('?').unwrap_or(&search).to_string()
}

/// Rewrites the query in place (no new history entry), if it changed.
pub fn replace(query: &str) {
    if current_query() != query {
        let _ = window()
            .history()
            .and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(&format!("?{query}"))));
    }
}

/// Adds a history entry with this query (a preset picked: back returns to the scenario before).
pub fn push(query: &str) {
    if current_query() != query {
        let _ = window()
            .history()
            .and_then(|h| h.push_state_with_url(&JsValue::NULL, "", Some(&format!("?{query}"))));
    }
}

/// The absolute URL of this page with the given query (for copying and embedding).
pub fn absolute(query: &str) -> String {
    let loc = window().location();
    format!(
        "{}{}?{query}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    )
}

/// `performance.now()`, ms.
pub fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}
