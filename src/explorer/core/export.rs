//! The downloads the page offers, as the actions and effects name them.

use crate::i18n::Msg;

/// A download the page offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The monthly table, CSV.
    Csv,
    /// The yearly table, CSV.
    Annual,
    /// The full JSON report.
    Json,
    /// The current chart, PNG.
    Png,
    /// The current chart, SVG.
    Svg,
}

impl Export {
    /// Every download, in menu order.
    pub const ALL: [Export; 5] = [
        Export::Csv,
        Export::Annual,
        Export::Json,
        Export::Png,
        Export::Svg,
    ];

    /// Its `data-action`.
    pub fn action(self) -> &'static str {
        match self {
            Export::Csv => "export-csv",
            Export::Annual => "export-annual",
            Export::Json => "export-json",
            Export::Png => "export-png",
            Export::Svg => "export-svg",
        }
    }

    /// Its label.
    pub fn label(self) -> Msg {
        match self {
            Export::Csv => Msg::ExportCsv,
            Export::Annual => Msg::ExportAnnual,
            Export::Json => Msg::ExportJson,
            Export::Png => Msg::ExportPng,
            Export::Svg => Msg::ExportSvg,
        }
    }

    /// Its MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            Export::Csv | Export::Annual => "text/csv;charset=utf-8",
            Export::Json => "application/json",
            Export::Png => "image/png",
            Export::Svg => "image/svg+xml",
        }
    }

    /// Whether it is an image of the current chart (drawn by the shell), not a report's text.
    pub fn is_image(self) -> bool {
        matches!(self, Export::Png | Export::Svg)
    }
}
