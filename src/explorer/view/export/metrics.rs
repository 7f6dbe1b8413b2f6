//! How an exported SVG measures its text: with Helvetica's advance widths (Arial's are the same),
//! not with a browser's canvas. An SVG is laid out once, where it is made, and read wherever it
//! is opened, in whatever sans-serif that reader has; fixed widths make the same document in
//! every browser and in `hashshift render`, byte for byte.

use crate::charts::recorder::{Context2d, Op};
use std::cell::RefCell;

/// Helvetica's advance widths of the printable ASCII characters (space to `~`), 1/250 em
/// (its 1/1000 em quartered and rounded: within 0.2 % of each).
#[rustfmt::skip]
const REGULAR: [u8; 95] = [
    70, 70, 89, 139, 139, 222, 167, 48, 83, 83, 97, 146, 70, 83, 70, 70, // ' '…'/'
    139, 139, 139, 139, 139, 139, 139, 139, 139, 139, 70, 70, 146, 146, 146, 139, // '0'…'?'
    254, 167, 167, 181, 181, 167, 153, 195, 181, 70, 125, 167, 139, 208, 181,
    195, // '@'…'O'
    167, 195, 181, 167, 153, 181, 167, 236, 167, 167, 153, 70, 70, 70, 117, 139, // 'P'…'_'
    83, 139, 139, 125, 139, 139, 70, 139, 139, 56, 56, 125, 56, 208, 139, 139, // '`'…'o'
    139, 139, 83, 125, 70, 139, 125, 181, 125, 125, 125, 84, 65, 84, 146, // 'p'…'~'
];

/// Helvetica Bold's, likewise.
#[rustfmt::skip]
const BOLD: [u8; 95] = [
    70, 83, 119, 139, 139, 222, 181, 60, 83, 83, 97, 146, 70, 83, 70, 70, // ' '…'/'
    139, 139, 139, 139, 139, 139, 139, 139, 139, 139, 83, 83, 146, 146, 146, 153, // '0'…'?'
    244, 181, 181, 181, 181, 167, 153, 195, 181, 70, 139, 181, 153, 208, 181,
    195, // '@'…'O'
    167, 195, 181, 167, 153, 181, 167, 236, 167, 167, 153, 83, 70, 83, 146, 139, // 'P'…'_'
    83, 139, 153, 139, 153, 139, 83, 153, 153, 70, 70, 139, 70, 222, 153, 153, // '`'…'o'
    153, 153, 97, 139, 83, 153, 139, 195, 139, 139, 125, 97, 70, 97, 146, // 'p'…'~'
];

/// The ASCII character each of U+00C0 `À` to U+00FF `ÿ` is as wide as: an accented letter its
/// letter's (`è` → `e`), `×` and `÷` a plus sign's.
const LATIN1: &[u8; 64] = b"AAAAAAACEEEEIIIIDNOOOOO+OUUUUYPsaaaaaaaceeeeiiiidnooooo+ouuuuypy";

/// The advance width of `c`, 1/1000 em: from the tables, or Helvetica's for the typographic
/// marks the texts use (a digit's for any other character).
fn advance(c: char, bold: bool) -> u16 {
    let c = match c {
        '\u{c0}'..='\u{ff}' => char::from(LATIN1[c as usize - 0xc0]),
        // No-break spaces are spaces; a minus sign is a plus sign's width.
        '\u{a0}' | '\u{202f}' => ' ',
        '−' | '±' => '+',
        c => c,
    };
    let table = if bold { &BOLD } else { &REGULAR };
    match c {
        ' '..='~' => u16::from(table[c as usize - 32]) * 4,
        '—' | '…' | '‰' => 1000,
        '‘' | '’' => 222,
        '“' | '”' => 333,
        '°' => 400,
        '·' => 278,
        _ => 556,
    }
}

/// The width of `text` in CSS font `font` (`bold 20px sans-serif`, as the recorder gives it),
/// in the font's px.
pub fn width(font: &str, text: &str) -> f64 {
    let px = (font.split(' '))
        .find_map(|w| w.strip_suffix("px")?.parse::<f64>().ok())
        .unwrap_or(10.0);
    let bold = font.starts_with("bold");
    let ems: u32 = text.chars().map(|c| u32::from(advance(c, bold))).sum();
    f64::from(ems) * px / 1000.0
}

/// A text measure for the recorder's SVG target: the font it was given and [`width`]. It draws
/// nothing (the SVG target writes every mark itself).
#[derive(Debug, Default)]
pub struct Metrics {
    /// The CSS font given last (a canvas' first font before any).
    font: RefCell<String>,
}

impl Context2d for Metrics {
    /// What an SVG's recorder plays: the font it gives again, as one [`Op::Font`] whose text is
    /// the whole recording's (the recorder plays a font at once, before it measures in it).
    fn play(&self, ops: &[f64], text: &str) -> Result<(), String> {
        match ops {
            [op, _, _] if *op == f64::from(Op::Font as u8) => {
                text.clone_into(&mut self.font.borrow_mut());
                Ok(())
            }
            _ => Err("an SVG's text measure draws nothing".into()),
        }
    }

    fn give_font(&self, font: &str) -> String {
        font.clone_into(&mut self.font.borrow_mut());
        font.to_string()
    }

    fn text_width(&self, text: &str) -> f64 {
        width(&self.font.borrow(), text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_as_wide_as_helvetica_sets_it() {
        // "Cash" at 20 px: C 724 + a 556 + s 500 + h 556 = 2,336/1000 em × 20 = 46.72 px;
        // bold: C 724 + a 556 + s 556 + h 612 = 2,448 → 48.96 px (Helvetica's 722, 556, 500,
        // 556 and bold 722, 556, 556, 611, to 4/1000 em).
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(close(width("normal 20px sans-serif", "Cash"), 46.72));
        assert!(close(width("bold 20px sans-serif", "Cash"), 48.96));
        // Italian accents are their letters' width, a no-break space a space's, and the
        // minus sign a plus sign's: "è −5 %" at 10 px = e 556 + space 280 + − 584 + 5 556 +
        // no-break space 280 + % 888 = 3,144 → 31.44 px.
        assert!(close(width("normal 10px sans-serif", "è −5\u{a0}%"), 31.44));
        // A character of another script is a digit's width: 556 × 12 / 1000 = 6.672 px; the
        // last Latin-1 letters are theirs: "ÿÈ×" = y 500 + E 668 + + 584 = 1,752 → 17.52 px.
        assert!(close(width("normal 12px sans-serif", "₿"), 6.672));
        assert!(close(width("normal 10px sans-serif", "ÿÈ×"), 17.52));
    }

    #[test]
    fn the_measure_follows_the_font_given_or_played() {
        let m = Metrics::default();
        assert_eq!(
            m.give_font("normal 10px sans-serif"),
            "normal 10px sans-serif"
        );
        // i 224 + i 224 = 448/1000 em → 4.48 px at 10 px; 8.96 px at 20 px.
        assert!((m.text_width("ii") - 4.48).abs() < 1e-9);
        let font = "normal 20px sans-serif";
        let units = font.encode_utf16().count() as f64;
        m.play(&[f64::from(Op::Font as u8), 0.0, units], font)
            .unwrap();
        assert!((m.text_width("ii") - 8.96).abs() < 1e-9);
        assert!(m.play(&[f64::from(Op::Stroke as u8)], "").is_err());
    }
}
