//! An embedded page and its host: the page posts its height to the parent whenever it changes
//! (`{ type: "hashshift:height", height }`, CSS px), and once the host's `embed.js` answers
//! (`{ type: "hashshift:sized" }`) it lays itself out at its natural height, its charts as tall
//! as their width allows. Without that script (an iframe of fixed size) it fills its frame.

use gloo::events::EventListener;
use gloo::utils::window;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, ResizeObserver};
use yew::prelude::*;

/// Posts the height of `app` to the parent window as it changes, and again when the host's
/// script asks (`{ type: "hashshift:hello" }`, sent as it loads: a script that comes after the
/// page missed what it posted), and reports whether the host sizes the frame to it.
#[hook]
pub fn use_host_sizing(embed: bool, app: NodeRef) -> bool {
    let sized = use_state(|| false);
    {
        let sized = sized.clone();
        use_effect_with(embed, move |&embed| {
            let parts = embed.then(|| {
                let element = app.clone();
                let height = move || {
                    element
                        .cast::<web_sys::Element>()
                        .map(|el| el.get_bounding_client_rect().height().ceil())
                };
                let asked = height.clone();
                let listener = EventListener::new(&window(), "message", move |e| {
                    let data = e.dyn_ref::<MessageEvent>().map(|m| m.data());
                    let kind = data
                        .and_then(|d| js_sys::Reflect::get(&d, &JsValue::from_str("type")).ok())
                        .and_then(|t| t.as_string());
                    match kind.as_deref() {
                        Some("hashshift:sized") => sized.set(true),
                        Some("hashshift:hello") => {
                            if let Some(h) = asked() {
                                post_height(h);
                            }
                        }
                        _ => {}
                    }
                });
                let observer = app.cast::<web_sys::Element>().and_then(|el| {
                    let last = Rc::new(std::cell::Cell::new(0.0f64));
                    let callback = Closure::<dyn FnMut()>::new(move || {
                        if let Some(h) = height().filter(|&h| h != last.get()) {
                            last.set(h);
                            post_height(h);
                        }
                    });
                    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
                    observer.observe(&el);
                    Some((observer, callback))
                });
                (listener, observer)
            });
            move || {
                if let Some((_listener, Some((observer, _callback)))) = parts {
                    observer.disconnect();
                }
            }
        });
    }
    *sized
}

/// Sends `{ type: "hashshift:height", height }` to the parent window, if there is one.
fn post_height(height: f64) {
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    if parent == window() {
        return;
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"hashshift:height".into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    if let Err(e) = parent.post_message(&message, "*") {
        gloo::console::warn!("HashShift could not tell its host its height:", e);
    }
}
