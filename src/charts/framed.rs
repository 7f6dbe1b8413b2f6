//! An exported chart (PNG, SVG): the chart with its title, caption and scenario link above, its
//! legend and source below, so that the picture is read on its own, in a slide or an article.

use super::{draw, err, ChartId, Error, Input, LegendItem, Mark, Style};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The texts around an exported chart: its title, caption and scenario link above, its legend
/// and the source below.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    /// The chart's title.
    pub title: String,
    /// What it shows, in a sentence.
    pub caption: String,
    /// The scenario's link.
    pub subtitle: String,
    /// The chart's legend, in the colours it is drawn with.
    pub legend: Vec<LegendItem>,
    /// Lines at the bottom: the source, the market snapshot.
    pub footer: Vec<String>,
}

/// CSS px of a legend line.
const LEGEND_LINE: f64 = 20.0;
/// CSS px of a legend swatch's width, of the gap after it, and of the gap between entries.
const SWATCH: (f64, f64, f64) = (18.0, 5.0, 14.0);

/// Draws chart `id` with its frame (title, link, legend, source) on `area`: an exported image.
pub fn draw_framed<DB: DrawingBackend>(
    id: ChartId,
    area: &DrawingArea<DB, Shift>,
    input: &Input,
    style: &Style,
    frame: &Frame,
) -> Result<(), Error> {
    area.fill(&style.colors.background).map_err(err)?;
    let (w, h) = area.dim_in_pixel();
    let left = style.px(12.0) as i32;
    let at = |size: f64, bold: bool, v: VPos| {
        let font = ("sans-serif", size * style.scale)
            .into_font()
            .style(if bold {
                FontStyle::Bold
            } else {
                FontStyle::Normal
            })
            .color(&style.colors.text);
        font.pos(Pos::new(HPos::Left, v))
    };
    let width = w as i32 - 2 * left;
    let label = at(12.0, false, VPos::Center);
    let lines = legend_lines(area, &frame.legend, &label, width, style)?;
    // Title, caption and link, each wrapped to the width: (text, font, CSS px a line).
    let mut head = Vec::new();
    for (text, size, bold, line) in [
        (&frame.title, 20.0, true, 26.0),
        (&frame.caption, 13.0, false, 18.0),
        (&frame.subtitle, 12.0, false, 16.0),
    ] {
        let font = at(size, bold, VPos::Top);
        for text in wrapped(area, text, &font, width)? {
            head.push((text, font.clone(), line));
        }
    }
    let mut foot = Vec::new();
    for text in &frame.footer {
        foot.extend(wrapped(area, text, &at(11.0, false, VPos::Top), width)?);
    }
    let header = style.px(head.iter().map(|(_, _, line)| line).sum::<f64>() + 14.0);
    let legend = style.px(LEGEND_LINE * lines.len() as f64 + 6.0);
    let footer = style.px(16.0 * foot.len() as f64 + 10.0);
    let (top, rest) = area.split_vertically(header);
    let (chart, bottom) = rest.split_vertically(h.saturating_sub(header + legend + footer));
    let (key, source) = bottom.split_vertically(legend);
    let mut y = 8.0;
    for (text, font, line) in &head {
        top.draw_text(text, font, (left, style.px(y) as i32))
            .map_err(err)?;
        y += line;
    }
    for (i, line) in lines.iter().enumerate() {
        let y = style.px(LEGEND_LINE * (i as f64 + 0.5)) as i32;
        for &(item, x) in line {
            draw_swatch(&key, item, (left + x, y), style)?;
            let text_x = left + x + style.px(SWATCH.0 + SWATCH.1) as i32;
            key.draw_text(&item.label, &label, (text_x, y))
                .map_err(err)?;
        }
    }
    for (i, line) in foot.iter().enumerate() {
        let y = style.px(4.0 + 16.0 * i as f64) as i32;
        source
            .draw_text(line, &at(11.0, false, VPos::Top), (left, y))
            .map_err(err)?;
    }
    draw(id, &chart, input, style).map(|_| ())
}

/// `text` in lines no wider than `width` device px: broken after a space, or after a `&` or a
/// `?` of a link, and a run too long for a line (a link without either) where it must be.
fn wrapped<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    font: &TextStyle,
    width: i32,
) -> Result<Vec<String>, Error> {
    let fits = |s: &str| -> Result<bool, Error> {
        let (w, _) = area.estimate_text_size(s.trim_end(), font).map_err(err)?;
        Ok(w as i32 <= width)
    };
    let mut lines = Vec::new();
    let mut line = String::new();
    for piece in text.split_inclusive([' ', '&', '?']) {
        if fits(&(line.clone() + piece))? {
            line.push_str(piece);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line).trim_end().to_string());
        }
        // A piece wider than a line is cut where it must be.
        for c in piece.chars() {
            line.push(c);
            if !fits(&line)? && line.chars().count() > 1 {
                let last = line.pop().unwrap_or(c);
                lines.push(std::mem::replace(&mut line, last.to_string()));
            }
        }
    }
    if !line.trim_end().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    Ok(lines)
}

/// The legend's entries in lines no wider than `width` device px, each entry with its x.
fn legend_lines<'a, DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    items: &'a [LegendItem],
    font: &TextStyle,
    width: i32,
    style: &Style,
) -> Result<Vec<Vec<(&'a LegendItem, i32)>>, Error> {
    let mut lines: Vec<Vec<(&LegendItem, i32)>> = Vec::new();
    let mut x = 0;
    for item in items {
        let (text, _) = area.estimate_text_size(&item.label, font).map_err(err)?;
        let entry = style.px(SWATCH.0 + SWATCH.1) as i32 + text as i32;
        match lines.last_mut() {
            Some(line) if x + entry <= width => line.push((item, x)),
            _ => {
                x = 0;
                lines.push(vec![(item, 0)]);
            }
        }
        x += entry + style.px(SWATCH.2) as i32;
    }
    Ok(lines)
}

/// An entry's swatch with its left edge and vertical centre at `(x, y)`, as the page draws it:
/// a line, a dashed line, or a square as translucent as the chart's bands or bars.
fn draw_swatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    item: &LegendItem,
    (x, y): (i32, i32),
    style: &Style,
) -> Result<(), Error> {
    let px = |v: f64| style.px(v) as i32;
    let rect = |x0: i32, x1: i32, half: i32, s: ShapeStyle| {
        area.draw(&Rectangle::new([(x0, y - half), (x1, y + half)], s))
            .map_err(err)
    };
    let width = px(SWATCH.0);
    match item.mark {
        Mark::Line => rect(x, x + width, px(1.5), item.color.filled()),
        Mark::Dashed => (0..3).try_for_each(|k| {
            let x0 = x + k * px(7.0);
            rect(x0, x0 + px(4.0), px(1.5), item.color.filled())
        }),
        Mark::Band => rect(x, x + width, px(5.0), item.color.mix(0.6).filled()),
        Mark::Bar => rect(x, x + width, px(5.0), item.color.mix(0.85).filled()),
        Mark::Outline => rect(
            x,
            x + px(10.0),
            px(5.0),
            item.color.stroke_width(px(2.5) as u32),
        ),
    }
}
