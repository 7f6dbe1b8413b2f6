//! The charts' colours in the light and the dark theme: Okabe–Ito hues (safe for the common
//! colour-vision deficiencies), darkened or lightened where needed so that every line and mark
//! stands at least 3:1 against its theme's background and text at least 4.5:1 (WCAG 2.2, 1.4.11
//! and 1.4.3; checked by the tests below). Fills (bands, the map's cells, construction windows)
//! are tints of those colours; the data tables carry their numbers.

use plotters::style::RGBColor;

/// One theme's colours.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Colors {
    /// The chart's background (the page's, so that the canvas sits flush).
    pub background: RGBColor,
    /// Axis labels and descriptions.
    pub text: RGBColor,
    /// Axis lines.
    pub axis: RGBColor,
    /// Grid lines (decoration).
    pub grid: RGBColor,
    /// Plan, AI revenue; "converting wins".
    pub ai: RGBColor,
    /// Plan, mining revenue; "mining wins".
    pub mining: RGBColor,
    /// The keep-mining baseline.
    pub baseline: RGBColor,
    /// Halvings; the scenario's own mark.
    pub halving: RGBColor,
    /// Hashprice; payback.
    pub hashprice: RGBColor,
    /// BTC price.
    pub btc: RGBColor,
    /// Construction windows (filled lightly).
    pub build: RGBColor,
    /// The pinned scenario A.
    pub pinned: RGBColor,
}

/// On white.
pub const LIGHT: Colors = Colors {
    background: RGBColor(0xFF, 0xFF, 0xFF),
    text: RGBColor(0x33, 0x33, 0x33),
    axis: RGBColor(0x76, 0x76, 0x76),
    grid: RGBColor(0xE4, 0xE4, 0xE4),
    ai: RGBColor(0x00, 0x72, 0xB2),
    // Okabe–Ito orange (E69F00) darkened: the original stands 2.2:1 on white.
    mining: RGBColor(0xB8, 0x7F, 0x00),
    baseline: RGBColor(0x33, 0x33, 0x33),
    halving: RGBColor(0xD5, 0x5E, 0x00),
    hashprice: RGBColor(0x00, 0x9E, 0x73),
    btc: RGBColor(0xCC, 0x79, 0xA7),
    build: RGBColor(0x9E, 0x9E, 0x9E),
    pinned: RGBColor(0x88, 0x88, 0x88),
};

/// On the dark theme's background (`--bg` of the page's dark theme).
pub const DARK: Colors = Colors {
    background: RGBColor(0x14, 0x18, 0x1E),
    text: RGBColor(0xDD, 0xE2, 0xEA),
    axis: RGBColor(0x8A, 0x8F, 0x98),
    grid: RGBColor(0x2A, 0x31, 0x3B),
    // Okabe–Ito sky blue: its blue stands only 3.4:1 on the dark background.
    ai: RGBColor(0x56, 0xB4, 0xE9),
    mining: RGBColor(0xE6, 0x9F, 0x00),
    baseline: RGBColor(0xD0, 0xD0, 0xD0),
    halving: RGBColor(0xE0, 0x66, 0x1A),
    hashprice: RGBColor(0x00, 0xA6, 0x7A),
    btc: RGBColor(0xCC, 0x79, 0xA7),
    build: RGBColor(0x8A, 0x8F, 0x98),
    pinned: RGBColor(0x9A, 0xA0, 0xA8),
};

impl Colors {
    /// The dark theme's palette or the light one's.
    pub fn of(dark: bool) -> &'static Colors {
        if dark {
            &DARK
        } else {
            &LIGHT
        }
    }
}

/// Hex text of a colour, for HTML legends.
pub fn css(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2 relative luminance.
    fn luminance(c: RGBColor) -> f64 {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    /// WCAG 2 contrast ratio.
    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn contrast_ratios_from_the_wcag_definition() {
        let white = RGBColor(255, 255, 255);
        assert!((contrast(white, RGBColor(0, 0, 0)) - 21.0).abs() < 1e-9);
        assert!((contrast(white, RGBColor(0x76, 0x76, 0x76)) - 4.54).abs() < 0.01);
    }

    #[test]
    fn marks_and_text_stand_out_in_both_themes() {
        for p in [&LIGHT, &DARK] {
            let bg = p.background;
            assert!(contrast(p.text, bg) >= 4.5, "text {:?}", p.text);
            for (name, c) in [
                ("axis", p.axis),
                ("ai", p.ai),
                ("mining", p.mining),
                ("baseline", p.baseline),
                ("halving", p.halving),
                ("hashprice", p.hashprice),
                ("btc", p.btc),
                ("pinned", p.pinned),
            ] {
                assert!(contrast(c, bg) >= 3.0, "{name} {:.2}", contrast(c, bg));
            }
        }
    }
}
