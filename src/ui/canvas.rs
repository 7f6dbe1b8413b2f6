//! The page's plotters backend: a canvas, or an SVG document for exports, behind one type so
//! that the charts' code is compiled once into the wasm. A canvas drawing is recorded as a list
//! of numbers and played on the canvas by `assets/replay.js` in one call at the end (and before
//! measuring text in a font the canvas has not been given yet): a call from wasm into the page
//! costs more than most canvas calls, and every string crossing it is decoded.
//! Text is measured with a canvas' `measureText` (plotters' default puts every label in a
//! `<span>` and forces a page layout), measurements are remembered across redraws, and the
//! canvas' font and fill colour are set only when they change (parsing a CSS font is the dearest
//! part of drawing a label). Consecutive lines and outlines of one style (the dashes of a dashed
//! line, grid lines) are stroked as one path.

use crate::charts::{self, ChartId, Input, Style, XMap};
use crate::explorer::{
    export::{draw_image, IMAGE_SIZE},
    State,
};
use plotters::prelude::{IntoDrawingArea, SVGBackend};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

#[wasm_bindgen]
extern "C" {
    /// Plays `ops` (see [`Op`]) on `context`, their text operands indexing `text`: a function
    /// of `assets/replay.js`, which the page inlines.
    #[wasm_bindgen(catch, js_name = hashshiftReplay)]
    fn replay(
        context: &CanvasRenderingContext2d,
        ops: &[f64],
        text: &str,
    ) -> std::result::Result<(), JsValue>;
}

/// A drawing operation as `replay.js` reads it, followed in the recording by its operands
/// (px are device px, colours 0–255 with an opacity 0–1, text a start and a length in UTF-16
/// units).
#[derive(Clone, Copy)]
enum Op {
    /// Fill colour: r g b a.
    Fill = 0,
    /// A new path of lines: r g b a width.
    Lines = 1,
    /// x y.
    MoveTo = 2,
    /// x y.
    LineTo = 3,
    /// A rectangle in the path: x y width height.
    Rect = 4,
    /// x y width height.
    FillRect = 5,
    /// Strokes the path.
    Stroke = 6,
    /// A circle in the path: x y radius.
    Circle = 7,
    /// A new path to fill.
    Path = 8,
    /// Fills the path.
    FillPath = 9,
    /// Closes and fills the path.
    FillPolygon = 10,
    /// CSS font: text.
    Font = 11,
    /// Text alignment (start, center, end) and baseline (top, middle, bottom): two indices.
    TextLook = 12,
    /// x y degrees text.
    Text = 13,
    /// Stamps the canvas with its drawings so far (`data-draws`) and the time (`data-drawn-at`,
    /// and `data-first-drawn-at` with the first): drawings.
    Stamp = 14,
}

/// A canvas drawing not played yet: operations, and the text they refer to.
#[derive(Default)]
struct Recording {
    ops: Vec<f64>,
    text: String,
    /// Length of `text` in UTF-16 units.
    units: usize,
    /// Whether `ops` gives the context a font.
    font_pending: bool,
}

impl Recording {
    /// Empties the recording, keeping its memory.
    fn clear(&mut self) {
        self.ops.clear();
        self.text.clear();
        self.units = 0;
        self.font_pending = false;
    }

    fn op(&mut self, op: Op, operands: &[f64]) {
        self.ops.push(f64::from(op as u8));
        self.ops.extend_from_slice(operands);
    }

    /// Adds `text` and returns where it is: start and length in UTF-16 units.
    fn text(&mut self, text: &str) -> [f64; 2] {
        let start = self.units;
        self.units += text.encode_utf16().count();
        self.text.push_str(text);
        [start as f64, (self.units - start) as f64]
    }
}

/// Where a drawing goes: a canvas of this many device px, or an SVG document.
enum Target<'a> {
    Canvas((u32, u32)),
    Svg(SVGBackend<'a>),
}

/// A canvas or an SVG document, measuring text with a canvas.
pub struct Backend<'a> {
    target: Target<'a>,
    /// The canvas' context (an offscreen one for SVG): text is measured, and on a canvas drawn,
    /// with it.
    context: CanvasRenderingContext2d,
    /// The font the context has: a CSS font given to it, or as the context reports it (shared
    /// with what is kept of the canvas for its next drawing).
    font: Rc<RefCell<String>>,
    /// The text alignment and baseline the context has (as [`Op::TextLook`]'s indices), once
    /// set.
    text: RefCell<Option<(u8, u8)>>,
    /// The fill colour and opacity bits the context has, once set.
    fill: RefCell<Option<Rgba>>,
    /// The style of the lines gathered in the canvas' current path, not stroked yet: colour,
    /// opacity bits and width.
    stroke: RefCell<Option<LineStyle>>,
    /// What is drawn and not played on the context yet.
    recording: RefCell<Recording>,
    /// The canvas' drawings with this one, stamped on it once this one is played (for a chart's
    /// canvas).
    stamp: Option<u64>,
}

/// A colour and its opacity's bits.
type Rgba = ((u8, u8, u8), u64);

/// A colour as compared with the one the context has.
fn rgba(color: BackendColor) -> Rgba {
    (color.rgb, color.alpha.to_bits())
}

/// A colour as [`Op`] operands: r g b a.
fn color_operands(color: BackendColor) -> [f64; 4] {
    let (r, g, b) = color.rgb;
    [f64::from(r), f64::from(g), f64::from(b), color.alpha]
}

/// A line style: colour with opacity, and width.
type LineStyle = (Rgba, u32);

/// Most text sizes remembered; beyond, the memory starts afresh.
const MEASURED: usize = 4096;

thread_local! {
    /// Text sizes by CSS font and text, device px.
    static SIZES: RefCell<HashMap<(String, String), (u32, u32)>> = RefCell::new(HashMap::new());
    /// CSS fonts as a context reports them once given (`sans-serif 36px` → `36px sans-serif`).
    static REPORTED: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    /// The chart canvas painted last, kept for its next painting.
    static LAST: RefCell<Option<Kept>> = const { RefCell::new(None) };
}

/// What is known of a chart's canvas between two paintings, so that a slider step asks the page
/// for none of it: its context, its context's font, its drawings so far (`data-draws`) and its
/// size in device px.
struct Kept {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    font: Rc<RefCell<String>>,
    draws: u64,
    size: (u32, u32),
}

impl Kept {
    /// What `canvas` holds, as it reports it.
    fn read(canvas: &HtmlCanvasElement) -> Option<Self> {
        let context = context(canvas)?;
        Some(Kept {
            font: Rc::new(RefCell::new(context.font())),
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

/// The CSS font of a text style.
fn css_font<T: BackendTextStyle>(style: &T) -> String {
    format!(
        "{} {}px {}",
        style.style().as_str(),
        style.size(),
        style.family().as_str()
    )
}

/// A drawing error of either target, as text.
#[derive(Debug)]
pub struct BackendError(String);

impl std::fmt::Display for BackendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BackendError {}

/// The 2-D context of `canvas`.
fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// A new canvas element, not in the page.
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

impl<'a> Backend<'a> {
    /// Draws on `canvas` at its current pixel size.
    pub fn canvas(canvas: &HtmlCanvasElement) -> Option<Self> {
        let size = (canvas.width(), canvas.height());
        Kept::read(canvas).map(|kept| Backend::kept(&kept, size, None))
    }

    /// Draws on a kept canvas of `size` device px (a canvas keeps its context's font from one
    /// drawing to the next), stamping it with `stamp` drawings once drawn.
    fn kept(kept: &Kept, size: (u32, u32), stamp: Option<u64>) -> Self {
        Backend {
            context: kept.context.clone(),
            font: Rc::clone(&kept.font),
            target: Target::Canvas(size),
            text: RefCell::new(None),
            fill: RefCell::new(None),
            stroke: RefCell::new(None),
            recording: RefCell::default(),
            stamp,
        }
    }

    /// Writes an SVG document of `size` CSS px into `out`.
    pub fn svg(out: &'a mut String, size: (u32, u32)) -> Option<Self> {
        Some(Backend {
            context: context(&offscreen(1, 1)?)?,
            target: Target::Svg(SVGBackend::with_string(out, size)),
            font: Rc::default(),
            text: RefCell::new(None),
            fill: RefCell::new(None),
            stroke: RefCell::new(None),
            recording: RefCell::default(),
            stamp: None,
        })
    }

    /// Records operation `op` with its operands.
    fn record(&self, op: Op, operands: &[f64]) {
        self.recording.borrow_mut().op(op, operands);
    }

    /// Plays what is recorded on the context.
    fn play(&self) -> Result {
        let mut recording = self.recording.borrow_mut();
        if recording.ops.is_empty() {
            return Ok(());
        }
        let played = replay(&self.context, &recording.ops, &recording.text);
        recording.clear();
        played.map_err(|e| {
            // What the context has is unknown now: each setting is given again (and the font
            // is read afresh at the next painting, see `paint`).
            self.fill.replace(None);
            self.text.replace(None);
            self.stroke.replace(None);
            DrawingErrorKind::DrawingError(BackendError(format!("{e:?}")))
        })
    }

    /// Starts or continues the canvas path of lines in `style`.
    fn lines<S: BackendStyle>(&self, style: &S) {
        let color = style.color();
        let key = (rgba(color), style.stroke_width());
        if *self.stroke.borrow() == Some(key) {
            return;
        }
        self.flush();
        let [r, g, b, a] = color_operands(color);
        self.record(Op::Lines, &[r, g, b, a, f64::from(style.stroke_width())]);
        *self.stroke.borrow_mut() = Some(key);
    }

    /// Strokes the gathered lines, if any.
    fn flush(&self) {
        if self.stroke.borrow_mut().take().is_some() {
            self.record(Op::Stroke, &[]);
        }
    }

    /// Gives the context the fill colour `color` (records it), unless it has it.
    fn fill_with(&self, color: BackendColor) {
        let key = rgba(color);
        if self.fill.replace(Some(key)) != Some(key) {
            self.record(Op::Fill, &color_operands(color));
        }
    }

    /// Gives the context `font` (records it), unless it has it (as given, or as the context
    /// reports it: a font set again still costs the page a style update while the page has
    /// changed). A font new to the page is set at once, to learn how the context reports it.
    fn use_font(&self, font: &str) -> Result {
        let mut has = self.font.borrow_mut();
        if *has == font {
            return Ok(());
        }
        match REPORTED.with(|r| r.borrow().get(font).cloned()) {
            Some(reported) if reported == *has => {}
            Some(_) => {
                let mut recording = self.recording.borrow_mut();
                let text = recording.text(font);
                recording.op(Op::Font, &text);
                recording.font_pending = true;
            }
            None => {
                self.play()?;
                self.context.set_font(font);
                REPORTED.with(|r| r.borrow_mut().insert(font.to_string(), self.context.font()));
            }
        }
        *has = font.to_string();
        Ok(())
    }

    /// Records text drawn as plotters' canvas backend draws it, with the font set only when it
    /// changes.
    fn canvas_text<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
        (x, y): BackendCoord,
    ) -> Result {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let degrees: f64 = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 90.0,
            FontTransform::Rotate180 => 180.0,
            FontTransform::Rotate270 => 270.0,
        };
        let align = match style.anchor().h_pos {
            HPos::Left => 0,
            HPos::Center => 1,
            HPos::Right => 2,
        };
        let baseline = match style.anchor().v_pos {
            VPos::Top => 0,
            VPos::Center => 1,
            VPos::Bottom => 2,
        };
        if self.text.replace(Some((align, baseline))) != Some((align, baseline)) {
            self.record(Op::TextLook, &[f64::from(align), f64::from(baseline)]);
        }
        self.fill_with(color);
        self.use_font(&css_font(style))?;
        let mut recording = self.recording.borrow_mut();
        let [start, len] = recording.text(text);
        recording.op(Op::Text, &[f64::from(x), f64::from(y), degrees, start, len]);
        Ok(())
    }
}

type Result = std::result::Result<(), DrawingErrorKind<BackendError>>;

/// The same error, of this backend.
fn lift<E: std::error::Error + Send + Sync>(
    e: DrawingErrorKind<E>,
) -> DrawingErrorKind<BackendError> {
    match e {
        DrawingErrorKind::DrawingError(e) => {
            DrawingErrorKind::DrawingError(BackendError(e.to_string()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// Calls the method on an SVG target and returns, lifting its error.
macro_rules! on_svg {
    ($self:ident, $b:ident => $call:expr) => {
        if let Target::Svg($b) = &mut $self.target {
            return $call.map_err(lift);
        }
    };
}

/// `(x, y, width, height)` of a rectangle between two corners, px.
fn rect_of((x0, y0): BackendCoord, (x1, y1): BackendCoord) -> (f64, f64, f64, f64) {
    (
        f64::from(x0),
        f64::from(y0),
        f64::from(x1 - x0),
        f64::from(y1 - y0),
    )
}

impl DrawingBackend for Backend<'_> {
    type ErrorType = BackendError;

    fn get_size(&self) -> (u32, u32) {
        match &self.target {
            Target::Canvas(size) => *size,
            Target::Svg(b) => b.get_size(),
        }
    }
    fn ensure_prepared(&mut self) -> Result {
        on_svg!(self, b => b.ensure_prepared());
        Ok(())
    }
    fn present(&mut self) -> Result {
        on_svg!(self, b => b.present());
        self.flush();
        if let Some(draws) = self.stamp {
            self.record(Op::Stamp, &[draws as f64]);
        }
        self.play()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        on_svg!(self, b => b.draw_pixel(point, color));
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        self.fill_with(color);
        self.record(
            Op::FillRect,
            &[f64::from(point.0), f64::from(point.1), 1.0, 1.0],
        );
        Ok(())
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result {
        on_svg!(self, b => b.draw_line(from, to, style));
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        // Lines along the pixel grid sit on pixel centres, as plotters' canvas backend draws them.
        let (mut a, mut b) = (
            (f64::from(from.0), f64::from(from.1)),
            (f64::from(to.0), f64::from(to.1)),
        );
        if a.0 == b.0 {
            (a.0, b.0) = (a.0 - 0.5, b.0 - 0.5);
        }
        if a.1 == b.1 {
            (a.1, b.1) = (a.1 - 0.5, b.1 - 0.5);
        }
        self.lines(style);
        self.record(Op::MoveTo, &[a.0, a.1]);
        self.record(Op::LineTo, &[b.0, b.1]);
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        on_svg!(self, b => b.draw_rect(upper_left, bottom_right, style, fill));
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y, w, h) = rect_of(upper_left, bottom_right);
        if fill {
            self.flush();
            self.fill_with(style.color());
            self.record(Op::FillRect, &[x, y, w, h]);
        } else {
            self.lines(style);
            self.record(Op::Rect, &[x, y, w, h]);
        }
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        on_svg!(self, b => b.draw_path(path, style));
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let mut points = path.into_iter();
        if let Some((x, y)) = points.next() {
            self.lines(style);
            let mut recording = self.recording.borrow_mut();
            recording.op(Op::MoveTo, &[f64::from(x), f64::from(y)]);
            for (x, y) in points {
                recording.op(Op::LineTo, &[f64::from(x), f64::from(y)]);
            }
        }
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result {
        on_svg!(self, b => b.draw_circle(center, radius, style, fill));
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y, r) = (f64::from(center.0), f64::from(center.1), f64::from(radius));
        if fill {
            self.flush();
            self.fill_with(style.color());
            self.record(Op::Path, &[]);
            self.record(Op::Circle, &[x, y, r]);
            self.record(Op::FillPath, &[]);
        } else {
            self.lines(style);
            self.record(Op::MoveTo, &[x + r, y]);
            self.record(Op::Circle, &[x, y, r]);
        }
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result {
        on_svg!(self, b => b.fill_polygon(vert, style));
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let mut points = vert.into_iter();
        if let Some((x, y)) = points.next() {
            self.flush();
            self.fill_with(style.color());
            let mut recording = self.recording.borrow_mut();
            recording.op(Op::Path, &[]);
            recording.op(Op::MoveTo, &[f64::from(x), f64::from(y)]);
            for (x, y) in points {
                recording.op(Op::LineTo, &[f64::from(x), f64::from(y)]);
            }
            recording.op(Op::FillPolygon, &[]);
        }
        Ok(())
    }
    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result {
        // Plotters asks for the empty labels of key points it leaves unlabelled.
        if text.is_empty() {
            return Ok(());
        }
        self.flush();
        match &mut self.target {
            Target::Canvas(_) => self.canvas_text(text, style, pos),
            Target::Svg(b) => b.draw_text(text, style, pos).map_err(lift),
        }
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> std::result::Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let key = (css_font(style), text.to_string());
        if let Some(size) = SIZES.with(|s| s.borrow().get(&key).copied()) {
            return Ok(size);
        }
        self.use_font(&key.0)?;
        if self.recording.borrow().font_pending {
            self.play()?;
        }
        let width = self.context.measure_text(text).map_or(0.0, |m| m.width());
        // Line height of sans-serif text is about 1.2 em.
        let size = (width.ceil() as u32, (style.size() * 1.2).ceil() as u32);
        SIZES.with(|s| {
            let mut sizes = s.borrow_mut();
            if sizes.len() >= MEASURED {
                sizes.clear();
            }
            sizes.insert(key, size);
        });
        Ok(size)
    }
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

/// Draws chart `id` on `canvas` of CSS size `(w, h)` in `look`'s language and colours, at the
/// screen's pixel ratio or `look.scale`, whichever is higher (compact below 520 px), and stamps the canvas with its draw count and
/// time (`data-draws`, `data-drawn-at`, and `data-first-drawn-at` once, read by the tests and
/// the latency benchmark). Returns the hover map of time charts; a drawing error is logged.
pub fn paint(
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
    let kept = LAST.with(|last| last.borrow_mut().take());
    let mut kept = match kept {
        Some(kept) if kept.canvas == *canvas => kept,
        _ => Kept::read(canvas)?,
    };
    if kept.size != (pw, ph) {
        canvas.set_width(pw);
        canvas.set_height(ph);
        kept.size = (pw, ph);
        // A new size resets the context, its font with it.
        *kept.font.borrow_mut() = kept.context.font();
    }
    kept.draws += 1;
    let area = Backend::kept(&kept, (pw, ph), Some(kept.draws)).into_drawing_area();
    let style = Style {
        scale: ratio,
        compact: look.compact || w < 520,
        ..look
    };
    let drawn = charts::draw(id, &area, input, &style);
    let presented = area.present();
    if let Err(e) = &presented {
        gloo::console::error!(format!("HashShift: {} chart: {e:?}", id.name()));
    }
    // After a failed drawing, the next painting reads the canvas afresh (what was played of it
    // is unknown).
    if presented.is_ok() && drawn.is_ok() {
        LAST.with(|last| *last.borrow_mut() = Some(kept));
    }
    match drawn {
        Ok(xmap) => xmap,
        Err(e) => {
            gloo::console::error!(format!("HashShift: {} chart: {e}", id.name()));
            None
        }
    }
}

/// The current chart framed for export, drawn on an offscreen canvas at twice the screen's pixel
/// ratio (at least 1200 px wide), as a PNG `data:` URL.
pub fn export_png(state: &State) -> Option<String> {
    let ratio = gloo::utils::window().device_pixel_ratio().max(1.0);
    let scale = (2.0 * ratio).max(1200.0 / f64::from(IMAGE_SIZE.0));
    let canvas = offscreen(
        (f64::from(IMAGE_SIZE.0) * scale).round() as u32,
        (f64::from(IMAGE_SIZE.1) * scale).round() as u32,
    )?;
    let area = Backend::canvas(&canvas)?.into_drawing_area();
    if let Err(e) = draw_image(state, &area, scale) {
        gloo::console::error!(format!("HashShift: exported chart: {e}"));
    }
    area.present().ok()?;
    canvas.to_data_url_with_type("image/png").ok()
}

/// The current chart framed for export, as an SVG document.
pub fn export_svg(state: &State) -> Option<String> {
    let mut out = String::new();
    {
        let area = Backend::svg(&mut out, IMAGE_SIZE)?.into_drawing_area();
        if let Err(e) = draw_image(state, &area, 1.0) {
            gloo::console::error!(format!("HashShift: exported chart: {e}"));
        }
        area.present().ok()?;
    }
    Some(out)
}
