//! The page's plotters backend, without the page: a drawing for a canvas is recorded as a list
//! of numbers and one string ([`Op`]), which the page plays on its canvas in one call (a call
//! from wasm into the page costs more than most canvas calls, and every string crossing it is
//! decoded). The same backend writes an SVG document for an export, so that the charts' code is
//! compiled once into the page's wasm.
//!
//! Text is measured with the canvas' 2-D context ([`Context2d`], the page's `measureText`:
//! plotters' own measure puts every label in a `<span>` and forces a page layout), and the
//! measurements are remembered across drawings ([`TextMemory`]). The context's font and fill
//! colour are set only when they change (parsing a CSS font is the dearest part of drawing a
//! label). Consecutive lines and outlines of one style (the dashes of a dashed line, grid lines)
//! are stroked as one path.
//!
//! Every coordinate and length here is in device px: the backend's own, which a chart draws at
//! [`super::Style::scale`] device px per CSS px.

use plotters::prelude::SVGBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

/// What the recorder needs of a canvas' 2-D context: playing a recording on it, and setting a
/// font and measuring text in it at once (the page's canvas; a deterministic stand-in in tests).
pub trait Context2d {
    /// Plays `ops` (each an [`Op`] code and its operands) on the context, their text operands
    /// indexing `text`; the error as text.
    fn play(&self, ops: &[f64], text: &str) -> std::result::Result<(), String>;

    /// Gives the context the CSS font `font` now, and returns that font as the context reports
    /// it (a browser reports `normal 36px sans-serif` as `36px sans-serif`).
    fn give_font(&self, font: &str) -> String;

    /// The width of `text` in the context's font, device px.
    fn text_width(&self, text: &str) -> f64;
}

/// Any context, behind one type: the page draws its canvases and its SVG export (whose text is
/// measured without a canvas) through `Recorder<&dyn Context2d>`, so the charts' code is
/// compiled once into the page's wasm.
impl Context2d for &dyn Context2d {
    fn play(&self, ops: &[f64], text: &str) -> std::result::Result<(), String> {
        (**self).play(ops, text)
    }
    fn give_font(&self, font: &str) -> String {
        (**self).give_font(font)
    }
    fn text_width(&self, text: &str) -> f64 {
        (**self).text_width(text)
    }
}

/// A drawing operation as the page's replay reads it (`assets/replay.js`), followed in the
/// recording by its operands: coordinates and lengths in device px, colours 0–255 with an
/// opacity 0–1, text as a start and a length in UTF-16 units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
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

/// A drawing not played yet: operations, and the text they refer to.
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

/// Most text sizes remembered; beyond, the memory starts afresh.
const MEASURED: usize = 4096;

/// What is remembered of text from one drawing to the next, whatever the context: it belongs to
/// whoever owns the canvases (the page keeps one for all its drawings).
#[derive(Debug, Default)]
pub struct TextMemory {
    /// Text sizes by CSS font and text, device px.
    sizes: HashMap<(String, String), (u32, u32)>,
    /// CSS fonts as a context reports them once given (`normal 36px sans-serif` →
    /// `36px sans-serif`).
    reported: HashMap<String, String>,
}

/// Where a drawing goes: a canvas of this many device px, or an SVG document.
enum Target<'a> {
    Canvas((u32, u32)),
    Svg(SVGBackend<'a>),
}

/// A plotters backend that records a drawing for a canvas (played through [`Context2d::play`]),
/// or writes it as an SVG document; either way it measures text with a canvas' context.
pub struct Recorder<'a, C: Context2d> {
    target: Target<'a>,
    /// The canvas' context (an offscreen one for SVG): text is measured, and on a canvas drawn,
    /// with it.
    context: C,
    /// The font the context has: a CSS font given to it, or as the context reports it (kept by
    /// the owner of the canvas for its next drawing).
    font: RefCell<&'a mut String>,
    /// What is remembered of text across drawings.
    memory: RefCell<&'a mut TextMemory>,
    /// The text alignment and baseline the context has (as [`Op::TextLook`]'s indices), once
    /// set.
    look: Cell<Option<(u8, u8)>>,
    /// The fill colour and opacity bits the context has, once set.
    fill: Cell<Option<Rgba>>,
    /// The style of the lines gathered in the canvas' current path, not stroked yet: colour,
    /// opacity bits and width.
    stroke: Cell<Option<LineStyle>>,
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

/// The CSS font of a text style (its size in device px).
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

type Result = std::result::Result<(), DrawingErrorKind<BackendError>>;

impl<'a, C: Context2d> Recorder<'a, C> {
    /// Records a drawing of `size` device px for the canvas of `context`, which has the CSS font
    /// `font` (updated as the drawing changes it), remembering text in `memory`; once played, the
    /// canvas is stamped with `stamp` drawings, if given.
    pub fn canvas(
        context: C,
        font: &'a mut String,
        memory: &'a mut TextMemory,
        size: (u32, u32),
        stamp: Option<u64>,
    ) -> Self {
        Self::new(Target::Canvas(size), context, font, memory, stamp)
    }

    /// Writes an SVG document of `size` px (CSS px for an export drawn at scale 1) into `out`,
    /// measuring text with `context` (of CSS font `font`) and remembering it in `memory`.
    pub fn svg(
        context: C,
        font: &'a mut String,
        memory: &'a mut TextMemory,
        out: &'a mut String,
        size: (u32, u32),
    ) -> Self {
        let target = Target::Svg(SVGBackend::with_string(out, size));
        Self::new(target, context, font, memory, None)
    }

    fn new(
        target: Target<'a>,
        context: C,
        font: &'a mut String,
        memory: &'a mut TextMemory,
        stamp: Option<u64>,
    ) -> Self {
        Recorder {
            target,
            context,
            font: RefCell::new(font),
            memory: RefCell::new(memory),
            look: Cell::new(None),
            fill: Cell::new(None),
            stroke: Cell::new(None),
            recording: RefCell::default(),
            stamp,
        }
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
        let played = self.context.play(&recording.ops, &recording.text);
        recording.clear();
        played.map_err(|e| {
            // What the context has is unknown now: each setting is given again (and the owner
            // of the canvas reads its font afresh for the next drawing).
            self.fill.set(None);
            self.look.set(None);
            self.stroke.set(None);
            DrawingErrorKind::DrawingError(BackendError(e))
        })
    }

    /// Starts or continues the canvas path of lines in `style`.
    fn lines<S: BackendStyle>(&self, style: &S) {
        let color = style.color();
        let key = (rgba(color), style.stroke_width());
        if self.stroke.get() == Some(key) {
            return;
        }
        self.flush();
        let [r, g, b, a] = color_operands(color);
        self.record(Op::Lines, &[r, g, b, a, f64::from(style.stroke_width())]);
        self.stroke.set(Some(key));
    }

    /// Strokes the gathered lines, if any.
    fn flush(&self) {
        if self.stroke.take().is_some() {
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
    /// changed). A font new to the memory is set at once, to learn how the context reports it.
    fn use_font(&self, font: &str) -> Result {
        let mut has = self.font.borrow_mut();
        if **has == font {
            return Ok(());
        }
        let reported = self.memory.borrow().reported.get(font).cloned();
        match reported {
            Some(reported) if reported == **has => {}
            Some(_) => {
                let mut recording = self.recording.borrow_mut();
                let text = recording.text(font);
                recording.op(Op::Font, &text);
                recording.font_pending = true;
            }
            None => {
                self.play()?;
                let reported = self.context.give_font(font);
                self.memory
                    .borrow_mut()
                    .reported
                    .insert(font.to_string(), reported);
            }
        }
        **has = font.to_string();
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
        if self.look.replace(Some((align, baseline))) != Some((align, baseline)) {
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

/// The same error, of this backend.
fn as_backend_error<E: std::error::Error + Send + Sync>(
    e: DrawingErrorKind<E>,
) -> DrawingErrorKind<BackendError> {
    match e {
        DrawingErrorKind::DrawingError(e) => {
            DrawingErrorKind::DrawingError(BackendError(e.to_string()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// Calls the method on an SVG target and returns, with its error as this backend's.
macro_rules! on_svg {
    ($self:ident, $b:ident => $call:expr) => {
        if let Target::Svg($b) = &mut $self.target {
            return $call.map_err(as_backend_error);
        }
    };
}

/// `(x, y, width, height)` of a rectangle between two corners, device px.
fn rect_of((x0, y0): BackendCoord, (x1, y1): BackendCoord) -> (f64, f64, f64, f64) {
    (
        f64::from(x0),
        f64::from(y0),
        f64::from(x1 - x0),
        f64::from(y1 - y0),
    )
}

impl<C: Context2d> DrawingBackend for Recorder<'_, C> {
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
            Target::Svg(b) => b.draw_text(text, style, pos).map_err(as_backend_error),
        }
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> std::result::Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let key = (css_font(style), text.to_string());
        let known = self.memory.borrow().sizes.get(&key).copied();
        if let Some(size) = known {
            return Ok(size);
        }
        self.use_font(&key.0)?;
        if self.recording.borrow().font_pending {
            self.play()?;
        }
        let width = self.context.text_width(text);
        // Line height of sans-serif text is about 1.2 em.
        let size = (width.ceil() as u32, (style.size() * 1.2).ceil() as u32);
        let mut memory = self.memory.borrow_mut();
        if memory.sizes.len() >= MEASURED {
            memory.sizes.clear();
        }
        memory.sizes.insert(key, size);
        Ok(size)
    }
}
