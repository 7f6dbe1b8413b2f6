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

/// Whether the page has the focus (false: the window lost it, to another tab or app).
pub fn page_focused() -> bool {
    document().has_focus().unwrap_or(true)
}

/// `performance.now()`, ms.
pub fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Today's date on the reader's clock, in their time zone.
pub fn today() -> crate::calendar::Date {
    let now = js_sys::Date::new_0();
    crate::calendar::Date {
        year: now.get_full_year() as i32,
        month: now.get_month() + 1,
        day: now.get_date(),
    }
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

/// Sets `<html lang>`, the document's title and its description.
pub fn set_language(html_lang: &str, title: &str, description: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", html_lang);
    }
    document().set_title(title);
    if let Ok(Some(meta)) = document().query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", description);
    }
}

/// Sets `<html data-theme>` to the theme in force (`light` or `dark`).
pub fn set_theme(theme: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", theme);
    }
}

/// The system's `(prefers-color-scheme: dark)` query: whether it matches, and its `change`
/// events.
pub fn dark_scheme() -> Option<web_sys::MediaQueryList> {
    gloo::utils::window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

/// Moves the keyboard's focus to the element with id `id`, if there is one.
pub fn focus(id: &str) {
    let element = document().get_element_by_id(id);
    if let Some(e) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = e.focus();
    }
}

/// Scrolls `strip` (a box that scrolls sideways) so that its child with id `id` is in view;
/// nothing when it is, or when the strip does not scroll.
pub fn scroll_into_strip(strip: &web_sys::Element, id: &str) {
    let (view, width) = (strip.scroll_left(), strip.client_width());
    if strip.scroll_width() <= width {
        return;
    }
    let Some(child) = document().get_element_by_id(id) else {
        return;
    };
    let (s, c) = (
        strip.get_bounding_client_rect(),
        child.get_bounding_client_rect(),
    );
    let left = (c.left() - s.left()) as i32 + view;
    let right = left + c.width().ceil() as i32;
    if left < view {
        strip.set_scroll_left(left);
    } else if right > view + width {
        strip.set_scroll_left(right - width);
    }
}

/// The element behind an event's target, as `T`.
pub fn target<T: JsCast>(e: &web_sys::Event) -> Option<T> {
    e.target()?.dyn_into().ok()
}

/// Saves `contents` as a file named `filename` (a Blob behind a temporary link).
pub fn download(filename: &str, mime: &str, contents: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let url = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob));
    match url {
        Ok(url) => {
            save(filename, &url);
            // The browser reads the file after the click returns: free it a little later.
            gloo::timers::callback::Timeout::new(10_000, move || {
                let _ = web_sys::Url::revoke_object_url(&url);
            })
            .forget();
        }
        Err(e) => gloo::console::error!("HashShift could not prepare the download:", e),
    }
}

/// Saves what `url` points at (a `data:` or `blob:` URL) as a file named `filename`.
pub fn save(filename: &str, url: &str) {
    let link = document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(a) = link {
        a.set_href(url);
        a.set_download(filename);
        a.click();
    }
}

/// What the system's share sheet did.
pub enum Shared {
    /// The link went out.
    Done,
    /// The reader closed the sheet.
    Cancelled,
    /// There is no share sheet, or it failed.
    Unavailable,
}

/// Opens the system's share sheet with `title`, `text` and `url`.
pub async fn share(title: &str, text: &str, url: &str) -> Shared {
    let navigator = window().navigator();
    let has_share = js_sys::Reflect::get(&navigator, &JsValue::from_str("share"))
        .is_ok_and(|f| f.is_function());
    if !has_share {
        return Shared::Unavailable;
    }
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_text(text);
    data.set_url(url);
    match JsFuture::from(navigator.share_with_data(&data)).await {
        Ok(_) => Shared::Done,
        Err(e) => {
            let name = js_sys::Reflect::get(&e, &JsValue::from_str("name"))
                .ok()
                .and_then(|n| n.as_string());
            if name.as_deref() == Some("AbortError") {
                Shared::Cancelled
            } else {
                Shared::Unavailable
            }
        }
    }
}
