//! A canvas drawing backend for plotters that measures text with the canvas' own
//! `measureText` (plotters' default inserts a `<span>` into the page and forces a layout for
//! every label, which costs whole milliseconds per chart).

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// [`CanvasBackend`] with fast text measurement.
pub struct Canvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
}

impl Canvas {
    /// A backend drawing on `canvas` at its current pixel size.
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Self> {
        let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(Canvas {
            inner: CanvasBackend::with_canvas_object(canvas.clone())?,
            context,
        })
    }
}

type Result<E> = std::result::Result<(), DrawingErrorKind<E>>;

impl DrawingBackend for Canvas {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<Self::ErrorType> {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> Result<Self::ErrorType> {
        self.inner.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<Self::ErrorType> {
        self.inner.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<Self::ErrorType> {
        self.inner.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<Self::ErrorType> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<Self::ErrorType> {
        self.inner.draw_path(path, style)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<Self::ErrorType> {
        self.inner.draw_circle(center, radius, style, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<Self::ErrorType> {
        self.inner.fill_polygon(vert, style)
    }
    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<Self::ErrorType> {
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> std::result::Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        self.context.set_font(&format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        ));
        let width = self.context.measure_text(text).map_or(0.0, |m| m.width());
        // Line height of sans-serif text is about 1.2 em.
        Ok((width.ceil() as u32, (style.size() * 1.2).ceil() as u32))
    }
}

/// Draws chart `id` on `canvas`, sized to its CSS box times the pixel ratio, and stamps the
/// canvas with its draw count and time (`data-draws`, `data-drawn-at`, read by the tests and
/// the latency benchmark). Returns the hover map of time charts; a drawing error is logged.
pub fn paint(
    canvas: &HtmlCanvasElement,
    id: crate::charts::ChartId,
    input: &crate::charts::Input,
    compact: bool,
    lang: crate::i18n::Lang,
) -> Option<crate::charts::XMap> {
    use plotters::prelude::IntoDrawingArea;
    let ratio = gloo::utils::window().device_pixel_ratio().max(1.0);
    let (w, h) = (canvas.client_width(), canvas.client_height());
    if w <= 0 || h <= 0 {
        return None;
    }
    let (pw, ph) = (
        (f64::from(w) * ratio).round() as u32,
        (f64::from(h) * ratio).round() as u32,
    );
    if canvas.width() != pw || canvas.height() != ph {
        canvas.set_width(pw);
        canvas.set_height(ph);
    }
    let area = Canvas::new(canvas)?.into_drawing_area();
    let style = crate::charts::Style {
        scale: ratio,
        compact: compact || w < 520,
        lang,
    };
    let drawn = crate::charts::draw(id, &area, input, &style);
    if let Err(e) = area.present() {
        gloo::console::error!(format!("HashShift: {} chart: {e:?}", id.name()));
    }
    let draws = canvas
        .get_attribute("data-draws")
        .and_then(|d| d.parse::<u64>().ok())
        .unwrap_or(0);
    let _ = canvas.set_attribute("data-draws", &(draws + 1).to_string());
    let now = super::dom::now().to_string();
    if !canvas.has_attribute("data-first-drawn-at") {
        let _ = canvas.set_attribute("data-first-drawn-at", &now);
    }
    let _ = canvas.set_attribute("data-drawn-at", &now);
    match drawn {
        Ok(xmap) => xmap,
        Err(e) => {
            gloo::console::error!(format!("HashShift: {} chart: {e}", id.name()));
            None
        }
    }
}
