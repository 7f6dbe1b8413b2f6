//! The page's canvases: a chart is drawn by [`Recorder`], which records it as numbers for a
//! canvas, and the recording is played on the canvas by `assets/replay.js` in one call (see
//! [`crate::charts::recorder`]). Text is measured with the canvas' `measureText`. Every drawing
//! goes through `Recorder<&dyn Context2d>`, the SVG export's too
//! ([`crate::explorer::view::export::svg`]), so the charts' code is compiled once. [`Canvases`]
//! holds what the page knows of its canvases from one painting to the next.

use crate::charts::recorder::{Context2d, Recorder, TextMemory};
use crate::charts::{self, ChartId, Input, Style, XMap};
use crate::explorer::view::export::{draw_image, IMAGE_SIZE};
use crate::explorer::State;
use plotters::prelude::IntoDrawingArea;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

#[wasm_bindgen]
extern "C" {
    /// Plays `ops` (see [`crate::charts::recorder::Op`]) on `context`, their text operands
    /// indexing `text`: a function of `assets/replay.js`, which the page inlines.
    #[wasm_bindgen(catch, js_name = hashshiftReplay)]
    fn replay(
        context: &CanvasRenderingContext2d,
        ops: &[f64],
        text: &str,
    ) -> std::result::Result<(), JsValue>;
}

impl Context2d for CanvasRenderingContext2d {
    fn play(&self, ops: &[f64], text: &str) -> Result<(), String> {
        replay(self, ops, text).map_err(|e| format!("{e:?}"))
    }

    fn give_font(&self, font: &str) -> String {
        self.set_font(font);
        self.font()
    }

    fn text_width(&self, text: &str) -> f64 {
        self.measure_text(text).map_or(0.0, |m| m.width())
    }
}

/// What the page knows of its canvases between paintings, so that a slider step asks the page
/// for none of it: the chart canvas painted last, and the text measured and fonts set in any of
/// its canvases (a chart's, an export's).
#[derive(Default)]
pub struct Canvases {
    /// The chart canvas painted last, painted for its next painting.
    last: RefCell<Option<PaintedCanvas>>,
    /// Text sizes and fonts as a context reports them, for every drawing.
    text: RefCell<TextMemory>,
}

/// What is known of a chart's canvas between two paintings: its context, its context's font, its
/// drawings so far (`data-draws`) and its size in device px.
struct PaintedCanvas {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    font: String,
    draws: u64,
    size: (u32, u32),
}

impl PaintedCanvas {
    /// What `canvas` holds, as it reports it.
    fn read(canvas: &HtmlCanvasElement) -> Option<Self> {
        let context = context(canvas)?;
        Some(PaintedCanvas {
            font: context.font(),
            context,
            canvas: canvas.clone(),
            size: (canvas.width(), canvas.height()),
            draws: canvas
                .get_attribute("data-draws")
                .and_then(|d| d.parse().ok())
                .unwrap_or(0),
        })
    }
}

/// The 2-D context of `canvas`.
fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// A new canvas element of `width` × `height` device px, not in the page.
fn offscreen(width: u32, height: u32) -> Option<HtmlCanvasElement> {
    let canvas: HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(width);
    canvas.set_height(height);
    Some(canvas)
}

/// Brings the style of the page up to date as `canvas`' text needs it, as its first label
/// would: drawing or measuring text on a canvas first styles whatever the page changed since the
/// last frame. The page's render after a slider step calls it (through
/// [`super::live::LiveChart::settle`]) at its end, so that the next step's drawing does not
/// restyle the cards and controls that render changed.
pub fn settle(canvas: &yew::NodeRef) {
    if let Some(context) = canvas.cast::<HtmlCanvasElement>().and_then(|c| context(&c)) {
        let _ = context.measure_text("");
    }
}

impl Canvases {
    /// Draws chart `id` on `canvas` of CSS size `(w, h)` in `look`'s language and colours, at
    /// the screen's pixel ratio or `look.scale` (device px per CSS px), whichever is higher
    /// (compact below 520 CSS px), and stamps the canvas with its draw count and time
    /// (`data-draws`, `data-drawn-at`, and `data-first-drawn-at` once, read by the tests and the
    /// latency benchmark). Returns the hover map of time charts; a drawing error is logged.
    pub fn paint(
        &self,
        canvas: &HtmlCanvasElement,
        (w, h): (i32, i32),
        id: ChartId,
        input: &Input,
        look: Style,
    ) -> Option<XMap> {
        let ratio = gloo::utils::window().device_pixel_ratio().max(look.scale);
        if w <= 0 || h <= 0 {
            return None;
        }
        let (pw, ph) = (
            (f64::from(w) * ratio).round() as u32,
            (f64::from(h) * ratio).round() as u32,
        );
        let painted = self.last.borrow_mut().take();
        let mut painted = match painted {
            Some(painted) if painted.canvas == *canvas => painted,
            _ => PaintedCanvas::read(canvas)?,
        };
        if painted.size != (pw, ph) {
            canvas.set_width(pw);
            canvas.set_height(ph);
            painted.size = (pw, ph);
            // A new size resets the context, its font with it.
            painted.font = painted.context.font();
        }
        painted.draws += 1;
        let style = Style {
            scale: ratio,
            compact: look.compact || w < 520,
            ..look
        };
        let (drawn, presented) = {
            let mut memory = self.text.borrow_mut();
            let context: &dyn Context2d = &painted.context;
            let area = Recorder::canvas(
                context,
                &mut painted.font,
                &mut memory,
                (pw, ph),
                Some(painted.draws),
            )
            .into_drawing_area();
            let drawn = charts::draw(id, &area, input, &style);
            (drawn, area.present())
        };
        if let Err(e) = &presented {
            gloo::console::error!(format!("HashShift: {} chart: {e:?}", id.name()));
        }
        // After a failed drawing, the next painting reads the canvas afresh (what was played of
        // it is unknown).
        if presented.is_ok() && drawn.is_ok() {
            *self.last.borrow_mut() = Some(painted);
        }
        match drawn {
            Ok(xmap) => xmap,
            Err(e) => {
                gloo::console::error!(format!("HashShift: {} chart: {e}", id.name()));
                None
            }
        }
    }

    /// The current chart framed for export, drawn on an offscreen canvas at twice the screen's
    /// pixel ratio (at least 1200 device px wide), as a PNG `data:` URL.
    pub fn export_png(&self, state: &State) -> Option<String> {
        let ratio = gloo::utils::window().device_pixel_ratio().max(1.0);
        let scale = (2.0 * ratio).max(1200.0 / f64::from(IMAGE_SIZE.0));
        let canvas = offscreen(
            (f64::from(IMAGE_SIZE.0) * scale).round() as u32,
            (f64::from(IMAGE_SIZE.1) * scale).round() as u32,
        )?;
        let size = (canvas.width(), canvas.height());
        let mut painted = PaintedCanvas::read(&canvas)?;
        let mut memory = self.text.borrow_mut();
        let context: &dyn Context2d = &painted.context;
        let area = Recorder::canvas(context, &mut painted.font, &mut memory, size, None)
            .into_drawing_area();
        if let Err(e) = draw_image(state, &area, scale) {
            gloo::console::error!(format!("HashShift: exported chart: {e}"));
        }
        area.present().ok()?;
        canvas.to_data_url_with_type("image/png").ok()
    }
}
